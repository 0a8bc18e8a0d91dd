//! Reading a report file: every failure names the file and, where there is one, the line and
//! column.

use std::io;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::conflicts::{MarkedConflict, read_marked};
use super::fingerprint::Fingerprint;
use super::locate::{line_column, locate, offset_of, path_at};
use crate::model::{FORMAT, Report};
use crate::validate::{self, Problem};

/// A problem with the place in the file where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// Why a report file could not be loaded: what went wrong, the file, the place in it where
/// there is one, and the cause. `Display` says it in English, as the command line does.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{}: is a directory, not a report file", path.display())]
    Directory { path: PathBuf },
    #[error(
        "{}: is not a regular file (a pipe, a device or a socket); a report is a regular file",
        path.display()
    )]
    NotRegular { path: PathBuf },
    #[error("{}:{line}:{column}: the file is not UTF-8 text", path.display())]
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{}:1:1: the file is empty; a report starts with `Report(`", path.display())]
    Empty { path: PathBuf },
    #[error("{}:{line}:{column}: {}{message}", path.display(), in_field(field))]
    Syntax { path: PathBuf, line: usize, column: usize, field: Option<String>, message: String },
    #[error(
        "{}: made by a newer wgtrack (format {found}); this one reads formats 1 and 2",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
    #[error("{}", invalid(path, problems))]
    Invalid { path: PathBuf, problems: Vec<Located> },
    /// The file holds conflict markers from a merge: what ours reads as, and each conflict.
    #[error("{}", conflicted(path, conflicts))]
    Conflicted { path: PathBuf, report: Box<Report>, conflicts: Vec<MarkedConflict> },
}

/// One line per conflict, and what to do.
fn conflicted(path: &Path, conflicts: &[MarkedConflict]) -> String {
    let path = path.display();
    let mut lines: Vec<String> =
        conflicts.iter().map(|c| format!("{path}:{}:1: conflict in {c}", c.line)).collect();
    let count = match conflicts.len() {
        1 => "1 conflict".to_string(),
        n => format!("{n} conflicts"),
    };
    lines.push(format!(
        "{path}: {count} from a merge; keep one version of each (delete the other and the \
         markers), then `git add` the file"
    ));
    lines.join("\n")
}

/// `groups[3].activities[2].progress: `, or nothing outside any field.
fn in_field(field: &Option<String>) -> String {
    field.as_ref().map(|f| format!("{f}: ")).unwrap_or_default()
}

/// One line per problem: the place, the field's path, what is wrong.
fn invalid(path: &Path, problems: &[Located]) -> String {
    let lines: Vec<String> = problems
        .iter()
        .map(|Located { line, column, problem }| {
            format!("{}:{line}:{column}: {problem}", path.display())
        })
        .collect();
    lines.join("\n")
}

/// Reads and checks the report at `path`.
pub fn load(path: &Path) -> Result<Report, LoadError> {
    open(path).map(|(report, _)| report)
}

/// Reads and checks the report at `path`, with the fingerprint of the bytes read, which a
/// later save checks to be sure no one else changed the file meanwhile.
pub fn open(path: &Path) -> Result<(Report, Fingerprint), LoadError> {
    open_noting_bom(path).map(|(report, fingerprint, _)| (report, fingerprint))
}

/// Like [`open`], and whether the file starts with a byte order mark, which is read past
/// (some editors write one) and which a save leaves out.
pub fn open_noting_bom(path: &Path) -> Result<(Report, Fingerprint, bool), LoadError> {
    let bytes = read(path)?;
    let text = utf8(path, &bytes)?;
    Ok((parse(path, text)?, Fingerprint::of(&bytes), text.starts_with(BOM)))
}

/// A report file as the app opens it.
#[derive(Debug)]
pub struct Opened {
    /// The report; ours, where the file is marked with conflicts.
    pub report: Report,
    pub fingerprint: Fingerprint,
    /// Whether the file starts with a byte order mark.
    pub bom: bool,
    /// The conflicts a merge marked the file with, in file order: none in a clean file.
    pub conflicts: Vec<MarkedConflict>,
}

/// Like [`open_noting_bom`], and a file marked with a merge's conflicts is opened too, for
/// the app to resolve them; all from one reading, so the fingerprint is of what was parsed.
pub fn open_resolving(path: &Path) -> Result<Opened, LoadError> {
    let bytes = read(path)?;
    let text = utf8(path, &bytes)?;
    let (fingerprint, bom) = (Fingerprint::of(&bytes), text.starts_with(BOM));
    let (report, conflicts) = match parse(path, text) {
        Ok(report) => (report, Vec::new()),
        Err(LoadError::Conflicted { report, conflicts, .. }) => (*report, conflicts),
        Err(error) => return Err(error),
    };
    Ok(Opened { report, fingerprint, bom, conflicts })
}

/// The byte order mark some editors put at the start of UTF-8 text.
pub const BOM: char = '\u{feff}';

/// Reads the file's bytes, with a clear word for the usual failures. Only a regular file is
/// opened: opening a pipe to read would wait for a writer that may never come.
pub fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(LoadError::Directory { path: path.to_path_buf() });
        }
        Ok(meta) if !meta.is_file() => {
            return Err(LoadError::NotRegular { path: path.to_path_buf() });
        }
        _ => {}
    }
    std::fs::read(path).map_err(|source| LoadError::Read { path: path.to_path_buf(), source })
}

/// The file's text, or where its first byte that is not UTF-8 sits.
pub fn utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, LoadError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
        let (line, column) = line_column(good, good.len());
        LoadError::NotUtf8 { path: path.to_path_buf(), line, column }
    })
}

/// Parses report text; `path` only names the source in errors.
pub fn parse(path: &Path, text: &str) -> Result<Report, LoadError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    let report: Report = match ron::from_str(text) {
        Ok(report) => report,
        Err(error) => {
            // Markers are never valid RON: a text that fails may be a merge left marked.
            if let Some(marked) = read_marked(path, text) {
                let (report, conflicts) = marked?;
                let (path, report) = (path.to_path_buf(), Box::new(report));
                return Err(LoadError::Conflicted { path, report, conflicts });
            }
            // A newer format may well fail on fields this build does not know: say why.
            if let Some(found) = newer_format(text) {
                return Err(LoadError::NewerFormat { path: path.to_path_buf(), found });
            }
            let (line, column) = (error.span.start.line, error.span.start.col);
            let mut offset = offset_of(text, line, column);
            let mut message = error.code.to_string();
            if error.code == ron::Error::ExpectedComma
                && let Some((start, number)) = fraction_at(text, offset)
            {
                offset = start;
                message = format!("expected a whole number, found {number}");
            }
            let (line, column) = line_column(text, offset);
            return Err(LoadError::Syntax {
                path: path.to_path_buf(),
                line,
                column,
                field: path_at(text, offset),
                message,
            });
        }
    };
    if report.format > FORMAT {
        return Err(LoadError::NewerFormat { path: path.to_path_buf(), found: report.format });
    }
    let problems = validate::problems(&report);
    if problems.is_empty() {
        return Ok(report);
    }
    let problems = problems
        .into_iter()
        .map(|problem| {
            let (line, column) = locate(text, &problem.path).unwrap_or((1, 1));
            Located { line, column, problem }
        })
        .collect();
    Err(LoadError::Invalid { path: path.to_path_buf(), problems })
}

/// A number with a fraction where the parser, having read a whole number, stopped at the
/// point (`50.5`): where it starts, and the number as written.
fn fraction_at(text: &str, offset: usize) -> Option<(usize, &str)> {
    let (before, after) = (text.get(..offset)?, text.get(offset..)?);
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == before.len() || !after.starts_with('.') {
        return None;
    }
    let start = digits.strip_suffix(['-', '+']).unwrap_or(digits).len();
    let length =
        after[1..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(after.len(), |n| n + 1);
    Some((start, &text[start..offset + length]))
}

/// The `format` of a file whose other fields may not match this build's model.
fn newer_format(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    #[serde(rename = "Report")]
    struct Head {
        format: u32,
    }
    let head: Head = ron::from_str(text).ok()?;
    (head.format > FORMAT).then_some(head.format)
}
