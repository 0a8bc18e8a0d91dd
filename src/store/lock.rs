//! One writer per report: a lock file beside the report says who holds it, and an advisory
//! lock on it (`File::try_lock`, `flock` on Unix) says whether that process still runs; the
//! system drops the lock when a process ends, however it ends.

use std::fs::{self, File, TryLockError};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Clock;

/// Who holds a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub pid: u32,
    pub host: String,
    pub since: String,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "wgtrack (pid {}) on {} since {}", self.pid, self.host, self.since)
    }
}

/// Why a report could not be locked; `Display` says it in English, as the command line
/// does.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{}: the report is open in {holder}", path.display())]
    Held { path: PathBuf, holder: Holder },
    #[error("{}: cannot create the lock file: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// A held lock; dropping it lets others in.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// Holds the advisory lock for as long as the lock lives.
    _file: File,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked: whoever opened the old file sees that it is no longer
        // the one at `path` and tries again.
        let _ = fs::remove_file(&self.path);
    }
}

/// The lock file of a report: `report.ron.lock` beside it.
pub fn lock_path(report: &Path) -> PathBuf {
    let mut name = report.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    report.with_file_name(name)
}

/// This process, as a lock or a recovery file names it, at `time`.
pub fn this_process(time: SystemTime) -> Holder {
    Holder {
        pid: std::process::id(),
        host: host_name(),
        since: humantime::format_rfc3339_seconds(time).to_string(),
    }
}

/// Takes the lock of `report`, held since the time `clock` says. A lock left by a process
/// that ended is taken over; one written on another host (a shared disk) cannot be checked,
/// so it is respected.
pub fn acquire(report: &Path, clock: Clock) -> Result<Lock, LockError> {
    let path = lock_path(report);
    let io_err = |source| LockError::Io { path: path.clone(), source };
    for _ in 0..8 {
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_err)?;
        if !try_lock(&file).map_err(io_err)? {
            let holder = holder(&path).unwrap_or_else(unknown_holder);
            return Err(LockError::Held { path, holder });
        }
        if !is_at(&file, &path) {
            // Its holder removed it as we opened it: start again on the new one.
            continue;
        }
        if let Some(other) = read_holder(&mut file).filter(|h| h.host != host_name()) {
            return Err(LockError::Held { path, holder: other });
        }
        let me = this_process(clock.now());
        let text = format!("pid {}\nhost {}\nsince {}\n", me.pid, me.host, me.since);
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(text.as_bytes()))
            .and_then(|()| file.sync_all())
            .map_err(io_err)?;
        return Ok(Lock { path, _file: file });
    }
    Err(LockError::Io { path, source: io::Error::other("the lock keeps changing hands") })
}

fn unknown_holder() -> Holder {
    Holder { pid: 0, host: "?".into(), since: "?".into() }
}

/// Who holds the lock at `path`, if it can be read.
pub fn holder(path: &Path) -> Option<Holder> {
    parse_holder(&fs::read_to_string(path).ok()?)
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.read_to_string(&mut text).ok()?;
    parse_holder(&text)
}

fn parse_holder(text: &str) -> Option<Holder> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(' ')))
            .map(str::to_string)
    };
    Some(Holder { pid: field("pid")?.parse().ok()?, host: field("host")?, since: field("since")? })
}

/// Whether the lock file at `path` names a process of this host that no longer runs: its
/// advisory lock is free, which the system makes sure of the moment a holder ends.
pub fn is_stale(path: &Path) -> bool {
    let named_here = holder(path).is_some_and(|h| h.host == host_name());
    named_here && File::open(path).is_ok_and(|file| try_lock(&file).is_ok_and(|taken| taken))
}

/// Takes the advisory lock without waiting; false when another process holds it.
fn try_lock(file: &File) -> io::Result<bool> {
    match file.try_lock() {
        Ok(()) => Ok(true),
        Err(TryLockError::WouldBlock) => Ok(false),
        Err(TryLockError::Error(error)) => Err(error),
    }
}

/// Whether the open `file` is still the file at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// The name of this host, as lock and recovery files record it.
pub fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}
