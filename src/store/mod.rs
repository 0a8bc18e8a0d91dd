//! The report file: loading with located errors, saving in a stable layout atomically,
//! wgtrack's directories and the embedded 2020–2021 dataset.
//!
//! Errors are data (what went wrong, the file, the place, the cause) with English `Display`;
//! the interface layer says them in its language.
//!
//! Inside, from the bottom up (each file uses only those before it, but for the pairs): `paths`,
//! `clock`, `fingerprint`, `locate`, `temp`, `lock`; `load` with `conflicts` (texts marked by a
//! merge, read back); `ron_text` (the layout writer) with `marks` (the conflicts it marks);
//! `replace` (what a save asks about first); `write` (the atomic replace); `save`; `recovery`;
//! `remembered` (the view a session leaves for the next).

mod clock;
mod conflicts;
mod fingerprint;
mod load;
mod locate;
pub mod lock;
mod marks;
mod paths;
pub mod recovery;
pub mod remembered;
mod replace;
mod ron_text;
mod save;
mod temp;
mod write;

pub use clock::Clock;
pub use conflicts::{MarkedConflict, marked_text};
pub use fingerprint::Fingerprint;
pub use load::{
    BOM, LoadError, Located, Opened, load, open, open_noting_bom, open_resolving, parse, read, utf8,
};
pub use locate::{line_column, locate};
pub use paths::{CONFIG_FILE_NAME, DEFAULT_FILE_NAME, Paths};
pub use replace::{Caution, Consent, Layout, caution};
pub use save::{save, to_text};
pub use write::{
    Expect, SaveError, Step, backup_path, check_replace, survive_file_size_limit, write_atomic,
};

/// The 2020–2021 report (LC/CE.20/3) as shipped; what a new user opens first.
pub const SHIPPED: &str = include_str!("../../assets/report-2020-2021.ron");

/// The shipped report, parsed.
pub fn shipped() -> Result<crate::model::Report, LoadError> {
    parse(std::path::Path::new("<embedded report>"), SHIPPED)
}
