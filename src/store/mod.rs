//! The report file: loading with located errors, saving in a stable layout atomically, the
//! default location and the embedded 2020–2021 dataset.
//!
//! Errors are data (what went wrong, the file, the place, the cause) with English `Display`;
//! the interface layer says them in its language.
//!
//! Inside, from the bottom up (each file uses only those before it): `fingerprint`,
//! `locate`, `lock`; `load`; `ron_text` (the layout writer); `write` (the atomic replace);
//! `save`; `recovery`.

mod fingerprint;
mod load;
mod locate;
pub mod lock;
pub mod recovery;
mod ron_text;
mod save;
mod write;

use std::path::PathBuf;

pub use fingerprint::Fingerprint;
pub use load::{LoadError, Located, load, open, parse, read, utf8};
pub use locate::{line_column, locate};
pub use save::{save, to_text};
pub use write::{Expect, SaveError, Step, backup_path, write_atomic};

/// The 2020–2021 report (LC/CE.20/3) as shipped; what a new user opens first.
pub const SHIPPED: &str = include_str!("../../assets/report-2020-2021.ron");

/// The file name of the default report inside the data directory.
pub const DEFAULT_FILE_NAME: &str = "report.ron";

/// The default report file: `report.ron` in the platform data directory
/// (`$XDG_DATA_HOME/wgtrack` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "wgtrack")
        .map(|dirs| dirs.data_dir().join(DEFAULT_FILE_NAME))
}

/// The shipped report, parsed.
pub fn shipped() -> Result<crate::model::Report, LoadError> {
    parse(std::path::Path::new("<embedded report>"), SHIPPED)
}
