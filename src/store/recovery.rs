//! The recovery journal: unsaved edits, written after every change, so a crash, a kill or a
//! power cut loses nothing that was done.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::lock::this_process;
use super::save::{Expect, SaveError, serialize_checked, write_atomic};
use crate::model::Report;

/// Unsaved edits of one report file, and who made them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub file: PathBuf,
    pub pid: u32,
    pub host: String,
    pub time: String,
    pub report: Report,
}

/// Where the recovery file of `report_path` lives: in the platform state directory
/// (`$XDG_STATE_HOME/wgtrack/recovery` on Linux), named after the report and its full path.
pub fn recovery_path(report_path: &Path) -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "wgtrack")?;
    let base = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    let full = fs::canonicalize(report_path).unwrap_or_else(|_| report_path.to_path_buf());
    let name = report_path.file_stem().unwrap_or_default().to_string_lossy();
    let id = super::Fingerprint::of(full.as_os_str().as_encoded_bytes());
    Some(base.join("recovery").join(format!("{name}-{:016x}.ron", id.value())))
}

/// Journals `report` as the unsaved state of `report_path`; returns where.
pub fn write(report_path: &Path, report: &Report) -> Result<PathBuf, SaveError> {
    let path = recovery_path(report_path).ok_or_else(|| SaveError::Io {
        path: report_path.to_path_buf(),
        step: "cannot find a state directory for the recovery file",
        source: std::io::Error::other("no home directory"),
    })?;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_path_buf(),
            step: "cannot create the recovery directory",
            source,
        })?;
    }
    let me = this_process();
    let full = fs::canonicalize(report_path).unwrap_or_else(|_| report_path.to_path_buf());
    let recovery =
        Recovery { file: full, pid: me.pid, host: me.host, time: me.since, report: report.clone() };
    let text = serialize_checked(&recovery)?;
    write_atomic(&path, text.as_bytes(), Expect::Anything, false)?;
    Ok(path)
}

/// The recovery file of `report_path`, if there is one that reads.
pub fn read(report_path: &Path) -> Option<(PathBuf, Result<Recovery, String>)> {
    let path = recovery_path(report_path)?;
    let text = fs::read_to_string(&path).ok()?;
    let parsed = ron::from_str::<Recovery>(&text).map_err(|e| format!("{}:{e}", path.display()));
    Some((path, parsed))
}

/// Removes the recovery file of `report_path`: after a save, or when the user discards it.
pub fn discard(report_path: &Path) {
    if let Some(path) = recovery_path(report_path) {
        let _ = fs::remove_file(path);
    }
}
