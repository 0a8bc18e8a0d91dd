//! Writing the report out for people and scripts: model in, `io::Write` out.

pub mod changes;
mod data;
pub(crate) mod document;
mod docx;
mod html;
mod markdown;
mod summary;

pub use data::{CsvRow, csv, csv_raw, json};
pub use docx::docx;
pub use html::html;
pub use markdown::markdown;
pub use summary::summary;
