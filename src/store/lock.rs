//! One writer per report: a lock file beside the report says who holds it, and an advisory
//! lock on it (`File::try_lock`, `flock` on Unix) says whether that process still runs; the
//! system drops the lock when a process ends, however it ends.
//!
//! A lock file appears whole: its record is written to a temporary file, locked, and only
//! then linked (or, to take over a stale one, renamed) into place; so whoever finds it reads
//! a whole record, and it is never written through a symbolic link. (Writing it in place
//! after creating it, as before, let a second writer read it empty: "pid 0 on ? since ?".
//! Reading until a whole record shows up instead would need a guess at how long to wait,
//! and a writer killed between the two steps would leave an empty file to wait on.)

use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Clock;
use super::temp::{self, open_no_follow, try_lock};

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
    #[error(
        "{}: the lock file is a symbolic link; wgtrack never writes through one (remove it if \
         no one else put it there)",
        path.display()
    )]
    Link { path: PathBuf },
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
        // the one at `path` and tries again. Only ours is removed, should someone have put
        // another in its place.
        if is_at(&self._file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// The report's full path with every symbolic link followed, also when the file itself is
/// gone (its directory is resolved and its name joined): every name of a report comes to
/// this one, so they share one lock and one recovery journal. Not its device and inode:
/// every save puts a new inode in place, so they name no file for long (and a hard link to
/// a report is cut by its next save, which replaces the name it was saved through).
pub fn resolved(report: &Path) -> PathBuf {
    if let Ok(full) = fs::canonicalize(report) {
        return full;
    }
    let parent = report.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (fs::canonicalize(parent), report.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => report.to_path_buf(),
    }
}

/// The lock file of a report: `report.ron.lock` beside the file it resolves to.
pub fn lock_path(report: &Path) -> PathBuf {
    let report = resolved(report);
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
/// so it is respected. Once it is held, what killed writers left beside the report is swept
/// away ([`temp::sweep`]).
pub fn acquire(report: &Path, clock: Clock) -> Result<Lock, LockError> {
    let taken = SystemTime::now();
    let path = lock_path(report);
    let lock = place(&path, &this_process(clock.now()))?;
    if let (Some(dir), Some(name)) = (path.parent(), resolved(report).file_name()) {
        temp::sweep(dir, name, taken);
    }
    Ok(lock)
}

/// Puts a lock file naming `me` at `path`, or says who holds the one there.
fn place(path: &Path, me: &Holder) -> Result<Lock, LockError> {
    let io_err = |source| LockError::Io { path: path.to_path_buf(), source };
    let record = format!("pid {}\nhost {}\nsince {}\n", me.pid, me.host, me.since);
    let mut unread = false;
    for round in 0..20 {
        if round > 0 {
            std::thread::sleep(Duration::from_millis(round));
        }
        let staged = staged(path, &record).map_err(io_err)?;
        match link_or_create(&staged, path, &record).map_err(io_err)? {
            // The staged file's own handle holds the advisory lock: it is kept, its
            // temporary name removed.
            Placed::Linked => {
                return Ok(Lock { path: path.to_path_buf(), _file: staged.into_file() });
            }
            Placed::Created(file) => return Ok(Lock { path: path.to_path_buf(), _file: file }),
            Placed::Taken => {}
        }
        let mut file = match open_no_follow(path) {
            Ok(file) => file,
            // Let go since: try again.
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(_) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
                return Err(LockError::Link { path: path.to_path_buf() });
            }
            Err(source) => return Err(io_err(source)),
        };
        if !try_lock(&file).map_err(io_err)? {
            // Read from the open file, which stays whole even if its holder removes it now.
            match read_holder(&mut file) {
                Some(holder) => return Err(LockError::Held { path: path.to_path_buf(), holder }),
                // Only a wgtrack of before whole lock files writes one in place.
                None => unread = true,
            }
            continue;
        }
        if !is_at(&file, path) {
            // Its holder removed it as we opened it: start again on the new one.
            continue;
        }
        if let Some(other) = read_holder(&mut file).filter(|h| h.host != host_name()) {
            return Err(LockError::Held { path: path.to_path_buf(), holder: other });
        }
        // Its holder is gone (or it names no one): ours takes its place in one step, while
        // the old one is still locked by us, so no one else can take it over meanwhile.
        let file = staged.persist(path).map_err(|e| io_err(e.error))?;
        return Ok(Lock { path: path.to_path_buf(), _file: file });
    }
    if unread {
        return Err(LockError::Held { path: path.to_path_buf(), holder: unknown_holder() });
    }
    Err(io_err(io::Error::other("the lock keeps changing hands")))
}

/// A temporary lock file beside `path` holding `record`, flushed and locked by us.
fn staged(path: &Path, record: &str) -> io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = temp::builder();
    // Readable by others (0666 less the umask), as a lock file created in place was: another
    // user's wgtrack can then say who holds the report.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut staged = builder.tempfile_in(dir)?;
    if !try_lock(staged.as_file())? {
        return Err(io::Error::other("a new temporary file is locked by someone else"));
    }
    staged.write_all(record.as_bytes())?;
    staged.as_file().sync_all()?;
    Ok(staged)
}

/// What became of putting a lock file in place.
enum Placed {
    /// The staged file is at the lock's path now.
    Linked,
    /// A lock file was created in place and written.
    Created(File),
    /// Something is there already.
    Taken,
}

/// Puts `staged` at `path` unless something is there already. A hard link never
/// replaces nor follows what is at `path`. Where the file system has no hard links, the
/// file is created in place (`O_EXCL`, which follows no link either) and written there: a
/// second writer may then find it empty for a moment, and waits for it.
fn link_or_create(
    staged: &tempfile::NamedTempFile,
    path: &Path,
    record: &str,
) -> io::Result<Placed> {
    let linked = match fs::hard_link(staged.path(), path) {
        Ok(()) => return Ok(Placed::Linked),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(Placed::Taken),
        // What a file system without hard links says.
        Err(e)
            if matches!(e.kind(), io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied) =>
        {
            e
        }
        Err(e) => return Err(e),
    };
    let mut file = match File::options().read(true).write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(Placed::Taken),
        Err(_) => return Err(linked),
    };
    if !try_lock(&file)? {
        return Ok(Placed::Taken);
    }
    file.write_all(record.as_bytes())?;
    file.sync_all()?;
    Ok(Placed::Created(file))
}

fn unknown_holder() -> Holder {
    Holder { pid: 0, host: "?".into(), since: "?".into() }
}

/// Who holds the lock at `path`, if it can be read.
pub fn holder(path: &Path) -> Option<Holder> {
    read_holder(&mut open_no_follow(path).ok()?)
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
    named_here && open_no_follow(path).is_ok_and(|file| try_lock(&file).is_ok_and(|free| free))
}

/// Whether the open `file` is still the file at `path`.
#[cfg(unix)]
fn is_at(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
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
