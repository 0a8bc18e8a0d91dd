//! Files wgtrack keeps beside a report: temporary files and their names, advisory locks,
//! and opening without following a link.

use std::fs::{File, TryLockError};
use std::io;
use std::path::Path;

/// Every temporary file wgtrack writes beside a report is `.wgtrack-XXXXXX.tmp`.
const PREFIX: &str = ".wgtrack-";
const SUFFIX: &str = ".tmp";

/// A builder of temporary files named as wgtrack names them.
pub(super) fn builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(PREFIX).suffix(SUFFIX);
    builder
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
