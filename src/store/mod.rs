//! The report file: loading with located errors, saving in a stable layout atomically, the
//! default location and the embedded 2020–2021 dataset.

mod fingerprint;
mod load;
mod locate;
pub mod lock;
mod paths;
pub mod recovery;
mod ron_text;
mod save;

pub use fingerprint::Fingerprint;
pub use load::{LoadError, Located, load, open, parse, read, utf8};
pub use locate::{line_column, locate};
pub use paths::{CONFIG_FILE_NAME, DEFAULT_FILE_NAME, Paths};
pub use save::{Expect, SaveError, Step, backup_path, save, to_text, write_atomic};

/// The 2020–2021 report (LC/CE.20/3) as shipped; what a new user opens first.
pub const SHIPPED: &str = include_str!("../../assets/report-2020-2021.ron");

/// A large file's reading split at its groups, at any size: for the fuzzer, which checks
/// that it is always the whole reading or none.
#[cfg(fuzzing)]
pub fn split_parse(text: &str) -> Option<crate::model::Report> {
    load::split_parse(text)
}

/// The shipped report, parsed.
pub fn shipped() -> Result<crate::model::Report, LoadError> {
    parse(std::path::Path::new("<embedded report>"), SHIPPED)
}
