//! The report's history in git: every version of the file the commits hold, read with `gix`
//! (no `git` program, no C library), and what became of an activity, a group and the
//! programme from one version to the next.
//!
//! The commits read are those of HEAD's first-parent line that changed the file: the report
//! as this branch saw it, one version after another. A merge is one step (the merge against
//! its first parent); following every parent would interleave versions made side by side,
//! which cannot be read as one series. Activities are followed from each version to the one
//! before with the baseline comparison's matching (`compare::match_activities`), so one
//! reworded, moved or renumbered stays one activity; one deleted and added again starts a
//! new history where it came back.
//!
//! Inside: `repo` (the repository, the walk, the blobs, the caches), `follow` (the series),
//! `revision` (a revision's report, for a baseline), `message` (the commit message written
//! for a saved report), `commit` (committing it with the `git` program).

mod choices;
mod commit;
mod follow;
mod message;
mod repo;
mod revision;

pub use choices::Choice;
pub use commit::{CommitError, Committed, Git};
pub use follow::{ActivityStep, GroupStep, ProgrammeStep};
pub use message::{CommitMessage, SUMMARY_WIDTH, Source, commit_message};
pub use repo::{History, Loading, Versions};
pub use revision::{baseline, merge_summary, report_at};

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::Report;

/// One commit, as the history shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The full hexadecimal id.
    pub id: String,
    /// Seconds since the Unix epoch, when it was committed.
    pub time: i64,
    pub author: String,
    /// The first line of its message.
    pub summary: String,
}

impl Commit {
    /// The first seven characters of the id, as git shows it.
    pub fn short_id(&self) -> &str {
        self.id.get(..7).unwrap_or(&self.id)
    }

    /// When it was committed, for `Texts::local_time` and the like.
    pub fn timestamp(&self) -> Option<jiff::Timestamp> {
        jiff::Timestamp::from_second(self.time).ok()
    }
}

/// One version of the report: as a commit left it, or the file as it is now where that
/// differs from HEAD's (`commit` is then `None`).
#[derive(Debug, Clone)]
pub struct Version {
    pub commit: Option<Commit>,
    pub report: Arc<Report>,
}

/// Why the history or a revision could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{}: is not in a git work tree; history and revisions need one", path.display())]
    NotInRepository { path: PathBuf },
    #[error("{}: cannot find the file: {source}", path.display())]
    Missing { path: PathBuf, source: std::io::Error },
    #[error("{}: cannot read the git repository: {message}", path.display())]
    Git { path: PathBuf, message: String },
    #[error("{rev:?} is neither a file nor a revision of the repository: {message}")]
    Revision { rev: String, message: String },
    #[error("{rev}: the revision has no {}", path.display())]
    NotInRevision { rev: String, path: PathBuf },
    #[error(transparent)]
    Load(#[from] crate::store::LoadError),
}

impl HistoryError {
    fn git(path: &std::path::Path, error: impl std::fmt::Display) -> HistoryError {
        HistoryError::Git { path: path.to_path_buf(), message: error.to_string() }
    }
}
