//! Writing the report out for people and scripts: model in, `io::Write` out.

pub mod changes;
mod data;
mod summary;

pub use data::{CsvRow, csv, json};
pub use summary::summary;
