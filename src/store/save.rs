//! Writing a report file: one stable layout, and an atomic replace that keeps a backup.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;

use crate::model::Report;

/// Why a report could not be saved; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write the report as RON: {0}")]
    Serialize(String),
    #[error("the written text does not read back as the same report; nothing was saved")]
    RoundTrip,
    #[error("{}: {step}: {source}", path.display())]
    Io {
        path: PathBuf,
        step: &'static str,
        source: io::Error,
    },
}

/// The report as the file holds it. The layout is fixed so that saving an unchanged report
/// gives back the same bytes and diffs between versions show only what changed.
pub fn to_text(report: &Report) -> Result<String, SaveError> {
    let config = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string());
    let mut text = ron::ser::to_string_pretty(report, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The path of the backup kept beside `target`.
pub fn backup_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Saves `report` to `path` atomically and returns the bytes written.
///
/// The text is parsed back and compared before anything touches the disk. A symlink is
/// followed so that the link stays a link. The new content goes to a temporary file in the
/// same directory, is flushed, takes the old file's permissions, and is renamed over it; the
/// previous version is kept as `<name>.bak`.
pub fn save(path: &Path, report: &Report) -> Result<Vec<u8>, SaveError> {
    let text = to_text(report)?;
    match ron::from_str::<Report>(&text) {
        Ok(back) if &back == report => {}
        _ => return Err(SaveError::RoundTrip),
    }
    write_atomic(path, text.as_bytes())?;
    Ok(text.into_bytes())
}

/// Replaces the file at `path` (or its symlink target) with `bytes`, all or nothing.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    let target = resolve_link(path)?;
    let io_err = |step: &'static str| {
        let target = target.clone();
        move |source| SaveError::Io {
            path: target,
            step,
            source,
        }
    };
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = fs::metadata(&target).ok();
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wgtrack-").suffix(".tmp");
    #[cfg(unix)]
    if old.is_none() {
        // A new file gets the usual mode (0666 less the umask), not the temp file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(&dir)
        .map_err(io_err("cannot create a temporary file in its directory"))?;
    temp.write_all(bytes)
        .map_err(io_err("cannot write the new content"))?;
    if let Some(old) = &old {
        temp.as_file()
            .set_permissions(old.permissions())
            .map_err(io_err("cannot keep the file's permissions"))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(io_err("cannot flush the new content to disk"))?;
    if old.is_some() {
        keep_backup(&target).map_err(io_err("cannot keep the previous version as a backup"))?;
    }
    temp.persist(&target)
        .map_err(|e| e.error)
        .map_err(io_err("cannot replace the file"))?;
    sync_dir(&dir).map_err(io_err("cannot flush the directory"))?;
    Ok(())
}

/// Follows symlinks to the file they name, so saving replaces the target, not the link.
fn resolve_link(path: &Path) -> Result<PathBuf, SaveError> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|source| SaveError::Io {
                    path: current.clone(),
                    step: "cannot read the symbolic link",
                    source,
                })?;
                current = match current.parent() {
                    Some(parent) => parent.join(link),
                    None => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(SaveError::Io {
        path: path.to_path_buf(),
        step: "cannot follow the symbolic link",
        source: io::Error::other("too many levels of symbolic links"),
    })
}

/// Keeps the current content of `target` as its `.bak`: a hard link where the file system
/// allows it, a copy where not; either way the backup is complete before it is visible.
fn keep_backup(target: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    let staging = backup.with_extension("bak.tmp");
    let _ = fs::remove_file(&staging);
    if fs::hard_link(target, &staging).is_err() {
        fs::copy(target, &staging)?;
        fs::File::open(&staging)?.sync_all()?;
    }
    fs::rename(&staging, &backup)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
