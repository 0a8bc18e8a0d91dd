//! Update sheets coming back: a returned file read into cells (`read`, `csv_read`), its
//! rows found and tied to the report's activities (`rows`), and what it proposes
//! (`interpret`): each change with its place and its old and new value, the cells refused
//! with their place named, and what the secretary should know (`notes`). `apply` carries
//! accepted proposals out; `describe` says them in one line each.

mod apply;
mod csv_read;
mod describe;
mod interpret;
mod progress;
pub mod read;
mod rows;

pub use apply::{apply, apply_one};
pub use describe::describe;
pub use interpret::{ImportError, interpret};
pub use read::{ReadError, Sheets};

use std::path::Path;

use crate::model::{Activity, Progress, Report};

/// What one returned file proposes for one group of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// The file's name, as the secretary knows it (no directories).
    pub file: String,
    /// The group the sheet is for (index in the report).
    pub group: usize,
    /// The country of the group's first coordinator: whom the answers came from.
    pub country: Option<String>,
    pub proposals: Vec<Proposal>,
    /// Cells that could not be taken, each with its place.
    pub refusals: Vec<Refusal>,
    /// What the secretary should know: another report, an older sheet, rows matched by
    /// their description, rows deleted, how a CSV was decoded.
    pub notes: Vec<String>,
}

impl Import {
    /// Where changes taken from this file came from, for the history: "from FILE (Country)".
    pub fn source(&self) -> String {
        match &self.country {
            Some(country) => format!("from {} ({country})", self.file),
            None => format!("from {}", self.file),
        }
    }
}

/// One proposed change to the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub group: usize,
    pub change: Change,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Progress {
        activity: usize,
        from: Progress,
        to: Progress,
    },
    Remarks {
        activity: usize,
        from: String,
        to: String,
    },
    Description {
        activity: usize,
        from: String,
        to: String,
    },
    Topic {
        activity: usize,
        from: Option<String>,
        to: Option<String>,
    },
    /// A new activity, added at the end of the group.
    New(Activity),
}

impl Change {
    /// The activity changed (index in its group), or `None` for a new one.
    pub fn activity(&self) -> Option<usize> {
        match self {
            Change::Progress { activity, .. }
            | Change::Remarks { activity, .. }
            | Change::Description { activity, .. }
            | Change::Topic { activity, .. } => Some(*activity),
            Change::New(_) => None,
        }
    }
}

/// A cell that could not be taken, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {place}: {message}")]
pub struct Refusal {
    pub file: String,
    /// `sheet "VIII", cell D11`, or `cell D11` in a CSV.
    pub place: String,
    pub message: String,
}

/// Reads the file at `path` and says what it proposes for `report`.
pub fn import_file(report: &Report, path: &Path) -> Result<Import, ImportError> {
    let file = path
        .file_name()
        .map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned());
    let sheets =
        read::read_file(path).map_err(|error| ImportError::Read { file: file.clone(), error })?;
    interpret(report, &file, &sheets)
}

/// The name of a cell: column letters and row number, from 0-based places (`D11`).
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

#[cfg(test)]
mod tests {
    use super::cell_name;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(10, 3), "D11");
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(1, 26), "AA2");
    }
}
