//! Writing a report file: one stable layout, and an atomic replace that keeps a backup.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::fingerprint::Fingerprint;
use super::recovery::Recovery;
use super::ron_text::{self, Pieces};
use crate::model::{Group, Groups, Report};

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

/// The report as the file holds it. The layout is fixed so that saving an unchanged report
/// gives back the same bytes and diffs between versions show only what changed.
pub fn to_text(report: &Report) -> String {
    ron_text::report(report).join()
}

/// The path of the backup kept beside `target`.
pub fn backup_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    target.with_file_name(name)
}

/// Saves `report` to `path` atomically and returns the fingerprint of what was written.
///
/// The steps, each of which leaves the old file intact when it fails:
/// 1. serialise, parse the text back and require it to equal the report;
/// 2. follow a symlink to its target, so that the link stays a link;
/// 3. check that the file still holds what `expect` says, so no one's change is lost;
/// 4. write a temporary file in the same directory with the old file's permissions, flush it;
/// 5. keep the previous version as `<name>.bak`;
/// 6. rename the temporary file over the target and flush the directory.
pub fn save(path: &Path, report: &Report, expect: Expect) -> Result<Fingerprint, SaveError> {
    injected("save::serialize").map_err(|e| SaveError::Serialize(e.to_string()))?;
    let text = ron_text::report(report);
    // Reading the text back runs beside the writing of the temporary file; nothing is
    // renamed into place until it has agreed.
    write_checked(path, &text, expect, true, || verified(&text, &head_of(report), &report.groups))
}

/// Writes `recovery` to `file`, read back as a save's text is; with no backup, and whatever
/// the file held before.
pub(super) fn save_recovery(file: &Path, recovery: &Recovery<&Report>) -> Result<(), SaveError> {
    injected("save::serialize").map_err(|e| SaveError::Serialize(e.to_string()))?;
    let text = ron_text::recovery(recovery).ok_or_else(|| {
        SaveError::Serialize(format!("{}: the path is not UTF-8 text", recovery.file.display()))
    })?;
    let expected = Recovery {
        file: recovery.file.clone(),
        pid: recovery.pid,
        host: recovery.host.clone(),
        time: recovery.time.clone(),
        report: head_of(recovery.report),
    };
    let check = || verified(&text, &expected, &recovery.report.groups);
    write_checked(file, &text, Expect::Anything, false, check).map(|_| ())
}

/// The report without its groups: what the text around the groups must read back as.
fn head_of(report: &Report) -> Report {
    // Every field named, so that a new one cannot be forgotten here.
    let Report { format, symbol, date, title, meeting, venue, introduction, groups: _ } = report;
    Report {
        format: *format,
        symbol: symbol.clone(),
        date: date.clone(),
        title: title.clone(),
        meeting: meeting.clone(),
        venue: venue.clone(),
        introduction: introduction.clone(),
        groups: Groups::default(),
    }
}

/// Whether `text` reads back as `head` holding `groups`, checked piece by piece on all cores:
/// the text without its groups must read as `head`, and each group's piece, a value followed
/// by a comma, as that group. A RON list is values each followed by a comma, so the whole
/// reads as `head` with `groups` exactly when the pieces do; and no copy of the whole report
/// is ever held.
fn verified<T>(text: &Pieces, head: &T, groups: &Groups) -> Result<(), SaveError>
where
    T: serde::de::DeserializeOwned + PartialEq,
{
    let reads_as = |piece: &str, want: &Group| {
        piece
            .strip_suffix(",\n")
            .and_then(|value| ron::from_str::<Group>(value).ok())
            .is_some_and(|back| &back == want)
    };
    let head_agrees = ron::from_str::<T>(&text.skeleton()).is_ok_and(|back| &back == head);
    let groups_agree = text.groups.len() == groups.len()
        && text.groups.par_iter().zip(groups.shared()).all(|(piece, group)| reads_as(piece, group));
    if head_agrees && groups_agree && injected("save::verify").is_ok() {
        Ok(())
    } else {
        Err(SaveError::RoundTrip)
    }
}

/// A failure injected by tests at a named step (`fail` crate); nothing in normal builds.
#[allow(unused_variables)] // `point` is unused when fail points are compiled out
fn injected(point: &str) -> io::Result<()> {
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

/// `write_atomic` of `text`, with `check` run on other threads while the temporary file is
/// written and flushed; the old file is replaced only if it passes. Returns the fingerprint
/// of what was written.
fn write_checked(
    path: &Path,
    text: &Pieces,
    expect: Expect,
    backup: bool,
    check: impl FnOnce() -> Result<(), SaveError> + Send,
) -> Result<Fingerprint, SaveError> {
    let parts: Vec<&[u8]> = text.parts().map(str::as_bytes).collect();
    write_parts(path, &parts, expect, backup, check)
}

/// The one atomic write behind the others: `parts` one after the other, `check` beside them.
fn write_parts(
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
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wgtrack-").suffix(".tmp");
    #[cfg(unix)]
    if old.is_none() {
        // A new file gets the usual mode (0666 less the umask), not the temp file's 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = injected("save::create")
        .and_then(|()| builder.tempfile_in(&dir))
        .map_err(io_err(Step::CreateTemp))?;
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
    if fs::hard_link(target, &staging).is_err() {
        fs::copy(target, &staging)?;
        fs::File::open(&staging)?.sync_all()?;
    }
    fs::rename(&staging, &backup)?;
    // Renaming onto a name of the same file does nothing: the staging name would stay.
    let _ = fs::remove_file(&staging);
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{SaveError, head_of, ron_text, verified};
    use crate::model::Progress;

    #[test]
    fn the_read_back_accepts_the_text_and_refuses_any_piece_that_reads_differently() {
        let report = crate::generate::report(4, 3, 11);
        let head = head_of(&report);
        let text = ron_text::report(&report);
        assert!(verified(&text, &head, &report.groups).is_ok());

        let refused = |text: &ron_text::Pieces| {
            matches!(verified(text, &head, &report.groups), Err(SaveError::RoundTrip))
        };
        let mut changed = report.clone();
        changed.groups[2].activities[1].progress = Progress::new(99).unwrap();
        let mut wrong = ron_text::report(&report);
        wrong.groups[2] = ron_text::report(&changed).groups[2].clone();
        assert!(refused(&wrong), "a group that reads as another");
        let mut wrong = ron_text::report(&report);
        let piece = &mut wrong.groups[1];
        piece.truncate(piece.len() - ",\n".len());
        piece.push('\n');
        assert!(refused(&wrong), "a group without its comma");
        let mut wrong = ron_text::report(&report);
        wrong.head = wrong.head.replacen(&report.title, "Another title", 1);
        assert!(refused(&wrong), "a changed title");
        let mut wrong = ron_text::report(&report);
        wrong.groups.pop();
        assert!(refused(&wrong), "a group left out");
        let mut wrong = ron_text::report(&report);
        wrong.tail = wrong.tail.replace(']', "");
        assert!(refused(&wrong), "the list left open");
    }
}
