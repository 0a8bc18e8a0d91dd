//! Temporary files beside a report: their names, the advisory lock their writer holds on
//! them, and the sweeping of those that killed writers left behind.

use std::ffi::OsStr;
use std::fs::{self, File, TryLockError};
use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Every temporary file wgtrack writes beside a report is `.wgtrack-XXXXXX.tmp`.
const PREFIX: &str = ".wgtrack-";
const SUFFIX: &str = ".tmp";

/// A builder of temporary files named as wgtrack names them.
pub(super) fn builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(PREFIX).suffix(SUFFIX);
    builder
}

/// Marks a temporary file as in use for as long as `file` stays open, so that no sweep
/// takes it; the system lets go however its writer ends. Where the file system has no
/// advisory locks, no sweep can take it either (the sweep's own lock fails).
pub(super) fn claim(file: &File) {
    let _ = file.try_lock();
}

/// Takes the advisory lock of `file` without waiting; false when another process holds it.
pub(super) fn try_lock(file: &File) -> io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(error)) => Err(error),
    }
}

/// Opens `path` for reading, refusing a symbolic link (`O_NOFOLLOW`): a file wgtrack owns
/// beside the report is never reached through one.
#[cfg(unix)]
pub(super) fn open_no_follow(path: &Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
    Ok(File::from(rustix::fs::open(path, flags, Mode::empty())?))
}

#[cfg(not(unix))]
pub(super) fn open_no_follow(path: &Path) -> io::Result<File> {
    if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        return Err(io::Error::other("a symbolic link"));
    }
    File::open(path)
}

/// How long before a lock was taken a temporary file must have been last written to be
/// swept. A writer creates its temporary file and then locks it, two steps: a file caught
/// between them looks abandoned, so only files that have sat still for a while are taken
/// (under a storm of writers, files a moment old were taken from live ones).
const SETTLED: Duration = Duration::from_secs(60);

/// Removes, from `dir`, the temporary files of killed writers: wgtrack's own
/// `.wgtrack-*.tmp`, and the backup's staging copy of the report named `report`. Only files
/// last written well before `taken` (when the caller took the report's lock, less
/// [`SETTLED`]) and that no live writer holds: a save in progress, of this report or of
/// another in the same directory, keeps the advisory lock on its temporary file until it is
/// renamed.
pub(super) fn sweep(dir: &Path, report: &OsStr, taken: SystemTime) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    let taken = taken.checked_sub(SETTLED).unwrap_or(SystemTime::UNIX_EPOCH);
    let mut staging = report.to_os_string();
    staging.push(".bak.tmp");
    for entry in entries.flatten() {
        let name = entry.file_name();
        let text = name.to_string_lossy();
        let ours = (text.starts_with(PREFIX) && text.ends_with(SUFFIX)) || name == staging;
        // `DirEntry::metadata` does not follow a link: only plain files are taken.
        let old = entry.metadata().is_ok_and(|meta| {
            meta.is_file() && meta.modified().is_ok_and(|modified| modified < taken)
        });
        if !(ours && old) {
            continue;
        }
        let path = entry.path();
        if open_no_follow(&path).is_ok_and(|file| try_lock(&file).is_ok_and(|free| free)) {
            let _ = fs::remove_file(&path);
        }
    }
}
