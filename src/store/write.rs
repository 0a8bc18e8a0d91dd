//! Replacing a file all or nothing: the checks before, a temporary file beside it, the
//! backup, the rename, the flushes; and why a save failed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::fingerprint::Fingerprint;
use super::replace::{Caution, Consent, caution};
use super::temp;

/// Why a report could not be saved: what went wrong, the file, the step and the system's
/// cause. The file on disk is as it was, but after `Unflushed`, which says what it now
/// holds. `Display` says it in English, as the command line does.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write the report as RON: {0}")]
    Serialize(String),
    #[error("the written text does not read back as the same report; nothing was saved")]
    RoundTrip,
    #[error("{}: the file changed on disk since it was loaded; nothing was saved", path.display())]
    Changed { path: PathBuf },
    #[error(
        "{}: the file was deleted or moved since it was loaded; nothing was saved",
        path.display()
    )]
    Missing { path: PathBuf },
    #[error(
        "{}: cannot flush the directory ({source}): the new content is in place but may not \
         survive a power cut; save again",
        path.display()
    )]
    Unflushed { path: PathBuf, written: Fingerprint, source: io::Error },
    #[error("{}: {step}: {source}", path.display())]
    Io { path: PathBuf, step: Step, source: io::Error },
    #[error(
        "{}: made by a newer wgtrack (format {found}); this one reads formats 1 and 2; \
         nothing was saved",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
    #[error(
        "{}: the file is in format {format}, which cannot hold `{field}`; run `wgtrack migrate \
         {}` to move it to format 2 first; nothing was saved",
        path.display(),
        path.display()
    )]
    NeedsFormat2 { path: PathBuf, format: u32, field: &'static str },
    /// The file is read-only, or holds what a save drops, and the user has not agreed.
    #[error("{}: {caution}; nothing was saved", path.display())]
    Refused { path: PathBuf, caution: Caution },
}

/// The step of writing a file that failed; `Display` says it in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    CheckUnchanged,
    ReadLink,
    FollowLink,
    CreateTemp,
    Write,
    Permissions,
    Flush,
    Backup,
    Replace,
    RecoveryDir,
    StateDir,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Step::CheckUnchanged => "cannot read the file to check it is unchanged",
            Step::ReadLink => "cannot read the symbolic link",
            Step::FollowLink => "cannot follow the symbolic link",
            Step::CreateTemp => "cannot create a temporary file in its directory",
            Step::Write => "cannot write the new content",
            Step::Permissions => "cannot keep the file's permissions",
            Step::Flush => "cannot flush the new content to disk",
            Step::Backup => "cannot keep the previous version as a backup",
            Step::Replace => "cannot replace the file",
            Step::RecoveryDir => "cannot create the recovery directory",
            Step::StateDir => "cannot find a state directory for the recovery file",
        })
    }
}

/// Makes the directory `file` goes in, if need be; its failure is `step`'s.
pub(super) fn create_parent(file: &Path, step: Step) -> Result<(), SaveError> {
    let Some(dir) = file.parent() else { return Ok(()) };
    fs::create_dir_all(dir).map_err(|source| SaveError::Io {
        path: dir.to_path_buf(),
        step,
        source,
    })
}

/// What a save expects to find on disk before it replaces the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The content loaded or last saved: anything else is someone else's change.
    Content(Fingerprint),
    /// No file yet.
    Absent,
    /// Whatever is there may be replaced (the user chose to overwrite).
    Anything,
}

/// The path of the backup kept beside `target`.
pub fn backup_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Makes writing past the file size limit (`ulimit -f`) an error instead of the end of the
/// process: by default SIGXFSZ kills it on the spot, leaving the temporary file and the lock
/// behind and the terminal raw. With the signal caught (by a handler that only sets a flag
/// no one reads; catching it, not ignoring it, keeps the default for programs run later),
/// the write fails with EFBIG and takes the usual way out. Call it once, at start.
pub fn survive_file_size_limit() -> io::Result<()> {
    #[cfg(unix)]
    {
        let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught)?;
    }
    Ok(())
}

/// Refuses to replace the file at `path` when it is read-only or holds what wgtrack's
/// layout drops, unless `consent` allows that; see [`caution`].
pub fn check_replace(path: &Path, consent: Consent) -> Result<(), SaveError> {
    match caution(path, consent) {
        Some(caution) => Err(SaveError::Refused { path: path.to_path_buf(), caution }),
        None => Ok(()),
    }
}

/// A failure injected by tests at a named step (`fail` crate); nothing in normal builds.
#[allow(unused_variables)] // `point` is unused when fail points are compiled out
pub(super) fn injected(point: &str) -> io::Result<()> {
    fail::fail_point!(point, |_| Err(io::Error::other(format!("injected failure at {point}"))));
    Ok(())
}

/// Replaces the file at `path` (or its symlink target) with `bytes`, all or nothing, after
/// checking that it holds what `expect` says; keeps a `.bak` of the old file when asked.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    expect: Expect,
    backup: bool,
) -> Result<(), SaveError> {
    write_parts(path, &[bytes], expect, backup, || Ok(())).map(|_| ())
}

/// The one atomic write behind the others: `parts` one after the other, `check` beside them.
pub(super) fn write_parts(
    path: &Path,
    parts: &[&[u8]],
    expect: Expect,
    backup: bool,
    check: impl FnOnce() -> Result<(), SaveError> + Send,
) -> Result<Fingerprint, SaveError> {
    std::thread::scope(|scope| {
        let checking = scope.spawn(check);
        let staged = stage(path, parts, expect);
        let checked = checking.join().unwrap_or(Err(SaveError::RoundTrip));
        // The temporary file, if any, is removed when `staged` drops on an error.
        let (target, dir, temp, old) = staged?;
        checked?;
        let written = Fingerprint::of_parts(parts);
        commit(&target, &dir, temp, old.is_some() && backup, written)?;
        Ok(written)
    })
}

/// Steps 2 to 4: the target, checked; a temporary file beside it holding `parts`, flushed.
fn stage(
    path: &Path,
    parts: &[&[u8]],
    expect: Expect,
) -> Result<(PathBuf, PathBuf, tempfile::NamedTempFile, Option<fs::Metadata>), SaveError> {
    let target = resolve_link(path)?;
    let io_err = |step: Step| {
        let target = target.clone();
        move |source| SaveError::Io { path: target, step, source }
    };
    check_expected(&target, expect)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let old = fs::metadata(&target).ok();
    let mut builder = temp::builder();
    #[cfg(unix)]
    if old.is_none() {
        // A new file gets the usual mode (0666 less the umask), not the temp file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = injected("save::create")
        .and_then(|()| builder.tempfile_in(&dir))
        .map_err(io_err(Step::CreateTemp))?;
    // Held until it is renamed into place: no other writer's sweep takes it meanwhile.
    temp::claim(temp.as_file());
    injected("save::write")
        .and_then(|()| parts.iter().try_for_each(|part| temp.write_all(part)))
        .map_err(io_err(Step::Write))?;
    if let Some(old) = &old {
        injected("save::permissions")
            .and_then(|()| temp.as_file().set_permissions(old.permissions()))
            .map_err(io_err(Step::Permissions))?;
        keep_owner(temp.as_file(), old);
    }
    // A failed flush is final: the data may be lost in the page cache, so no retry may
    // report success over it.
    injected("save::sync").and_then(|()| temp.as_file().sync_all()).map_err(io_err(Step::Flush))?;
    Ok((target, dir, temp, old))
}

/// Steps 5 and 6: the backup, the rename, the directory flushed.
fn commit(
    target: &Path,
    dir: &Path,
    temp: tempfile::NamedTempFile,
    backup: bool,
    written: Fingerprint,
) -> Result<(), SaveError> {
    let io_err = |step: Step| {
        let target = target.to_path_buf();
        move |source| SaveError::Io { path: target, step, source }
    };
    if backup {
        injected("save::backup")
            .and_then(|()| keep_backup(target))
            .map_err(io_err(Step::Backup))?;
    }
    injected("save::rename").map_err(io_err(Step::Replace))?;
    temp.persist(target).map_err(|e| e.error).map_err(io_err(Step::Replace))?;
    // The new content is in place: a failure now leaves it there, not yet safe from a power
    // cut, and the caller must know what the file holds.
    injected("save::sync-dir")
        .and_then(|()| sync_dir(dir))
        .map_err(|source| SaveError::Unflushed { path: target.to_path_buf(), written, source })?;
    Ok(())
}

/// Refuses to go on when the file is not what the caller last saw.
fn check_expected(target: &Path, expect: Expect) -> Result<(), SaveError> {
    let on_disk = match Fingerprint::of_file(target) {
        Ok(found) => Some(found),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io {
                path: target.to_path_buf(),
                step: Step::CheckUnchanged,
                source,
            });
        }
    };
    match (expect, on_disk) {
        (Expect::Anything, _) | (Expect::Absent, None) => Ok(()),
        (Expect::Content(want), Some(found)) if want == found => Ok(()),
        (Expect::Content(_), None) => Err(SaveError::Missing { path: target.to_path_buf() }),
        (_, Some(_)) => Err(SaveError::Changed { path: target.to_path_buf() }),
    }
}

/// Gives the new file the old one's owner and group where the process may (as root); a
/// user can only give files to themselves, which they already are.
#[cfg(unix)]
fn keep_owner(file: &fs::File, old: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &fs::File, _old: &fs::Metadata) {}

/// Follows symlinks to the file they name, so saving replaces the target, not the link.
fn resolve_link(path: &Path) -> Result<PathBuf, SaveError> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current).map_err(|source| SaveError::Io {
                    path: current.clone(),
                    step: Step::ReadLink,
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
        step: Step::FollowLink,
        source: io::Error::other("too many levels of symbolic links"),
    })
}

/// Keeps the current content of `target` as its `.bak`: a hard link where the file system
/// allows it, a copy where not; either way the backup is complete before it is visible.
fn keep_backup(target: &Path) -> io::Result<()> {
    let backup = backup_path(target);
    let staging = backup.with_extension("bak.tmp");
    let _ = fs::remove_file(&staging);
    let kept = fs::hard_link(target, &staging)
        .or_else(|_| fs::copy(target, &staging).and_then(|_| fs::File::open(&staging)?.sync_all()))
        .and_then(|()| fs::rename(&staging, &backup));
    // Renaming onto a name of the same file does nothing, and a failed step leaves a part:
    // either way the staging name must not stay.
    let _ = fs::remove_file(&staging);
    kept
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}
