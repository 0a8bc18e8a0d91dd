//! A report as a revision of the repository left it (`HEAD~1`, a tag such as `round-1`, a
//! date `@{2021-01-01}` read from the reflog), for a baseline or `diff`.

use std::path::{Path, PathBuf};

use super::{History, HistoryError};
use crate::model::Report;
use crate::store;

/// The report to compare `file` with, as `--baseline` and `diff` name it: a file where one
/// is at `spec`, else the file as revision `spec` of its repository left it. With the
/// name to show for it (`round-1:report.ron` for a revision).
pub fn baseline(spec: &Path, file: &Path) -> Result<(PathBuf, Report), HistoryError> {
    let is_file = std::fs::symlink_metadata(spec).is_ok();
    let rev = spec.to_str().filter(|_| !is_file);
    let history = rev.map(|_| History::open(file));
    match (rev, history) {
        (Some(rev), Some(Ok(history))) => {
            let (name, report) = report_in(&history, rev)?;
            Ok((name, report))
        }
        // Outside a work tree a baseline is a file, and a missing one is said as ever.
        _ => Ok((spec.to_path_buf(), store::load(spec)?)),
    }
}

/// The report at revision `rev` of the repository holding `file`, with its name.
pub fn report_at(file: &Path, rev: &str) -> Result<(PathBuf, Report), HistoryError> {
    report_in(&History::open(file)?, rev)
}

fn report_in(history: &History, rev: &str) -> Result<(PathBuf, Report), HistoryError> {
    let repo = history.repo();
    let revision = |message: String| HistoryError::Revision { rev: rev.to_string(), message };
    let object = repo
        .rev_parse_single(rev)
        .and_then(|id| id.object())
        .map_err(|e| revision(e.to_string()))?;
    let path = history.path_in_repo();
    // `REV:path`, as a baseline read from a revision is named, is the file itself.
    if object.kind == gix::object::Kind::Blob {
        let name = PathBuf::from(rev);
        let report = store::parse(&name, store::utf8(&name, &object.data)?)?;
        return Ok((name, report));
    }
    let commit = object.peel_to_commit().map_err(|e| revision(format!("not a commit: {e}")))?;
    let name = PathBuf::from(format!("{rev}:{}", path.display()));
    let git = |e: gix::Error| HistoryError::git(&name, e);
    let entry = commit.tree().map_err(git)?.lookup_entry_by_path(path).map_err(git)?;
    let Some(entry) = entry.filter(|e| e.mode().is_blob()) else {
        return Err(HistoryError::NotInRevision { rev: rev.to_string(), path: path.into() });
    };
    let blob = repo.find_blob(entry.object_id()).map_err(git)?;
    let text = store::utf8(&name, &blob.data)?;
    let report = store::parse(&name, text)?;
    Ok((name, report))
}

/// The first line of the message git prepared for the merge under way in the repository
/// holding `file` ("Merge branch 'group-viii'"), if one is.
pub fn merge_summary(file: &Path) -> Option<String> {
    let history = History::open(file).ok()?;
    let merging = history.repo().git_dir().join("MERGE_HEAD");
    if !merging.is_file() {
        return None;
    }
    let text = std::fs::read_to_string(history.repo().git_dir().join("MERGE_MSG")).ok()?;
    let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#'))?;
    Some(line.to_string())
}
