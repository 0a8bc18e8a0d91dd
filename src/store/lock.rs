//! One writer per report: a lock file beside the report says who holds it.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

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
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// The lock file of a report: `report.ron.lock` beside it.
pub fn lock_path(report: &Path) -> PathBuf {
    let mut name = report.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    report.with_file_name(name)
}

/// This process, as a lock or a recovery file names it.
pub fn this_process() -> Holder {
    Holder {
        pid: std::process::id(),
        host: host_name(),
        since: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
    }
}

/// Takes the lock of `report`, taking over one left by a process that is gone.
pub fn acquire(report: &Path) -> Result<Lock, LockError> {
    let path = lock_path(report);
    for _ in 0..3 {
        match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                let me = this_process();
                let text = format!("pid {}\nhost {}\nsince {}\n", me.pid, me.host, me.since);
                file.write_all(text.as_bytes())
                    .and_then(|()| file.sync_all())
                    .map_err(|source| LockError::Io { path: path.clone(), source })?;
                return Ok(Lock { path });
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match holder(&path) {
                Some(holder) if is_stale(&holder) => {
                    // Its process is gone: the lock protects no one. Remove and try again.
                    let _ = fs::remove_file(&path);
                }
                Some(holder) => return Err(LockError::Held { path, holder }),
                // Being written this instant, or not ours to read: someone holds it.
                None => {
                    let holder = Holder { pid: 0, host: "?".into(), since: "?".into() };
                    return Err(LockError::Held { path, holder });
                }
            },
            Err(source) => return Err(LockError::Io { path, source }),
        }
    }
    Err(LockError::Io { path, source: io::Error::other("the lock keeps changing hands") })
}

/// Who holds the lock at `path`, if it can be read.
pub fn holder(path: &Path) -> Option<Holder> {
    let text = fs::read_to_string(path).ok()?;
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.strip_prefix(' ')))
            .map(str::to_string)
    };
    Some(Holder { pid: field("pid")?.parse().ok()?, host: field("host")?, since: field("since")? })
}

/// A lock is stale when it was taken on this host by a process that no longer runs. One
/// taken on another host cannot be checked, so it is never stale.
pub fn is_stale(holder: &Holder) -> bool {
    holder.host == host_name() && !process_alive(holder.pid)
}

#[cfg(unix)]
pub fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    if pid <= 0 {
        return false;
    }
    // Signal 0 checks existence; EPERM means it exists but belongs to someone else.
    // SAFETY: kill with signal 0 sends nothing and only reads the process table.
    let result = unsafe { libc::kill(pid, 0) };
    result == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
pub fn process_alive(_pid: u32) -> bool {
    true
}

pub fn host_name() -> String {
    #[cfg(unix)]
    {
        let mut buf = [0u8; 256];
        // SAFETY: the buffer is valid for its length; gethostname writes at most that much.
        let ok = unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } == 0;
        if ok {
            let end = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            return String::from_utf8_lossy(&buf[..end]).into_owned();
        }
    }
    std::env::var("HOSTNAME").unwrap_or_else(|_| "localhost".to_string())
}
