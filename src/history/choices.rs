//! The revisions offered as a baseline: the repository's tags (each round, as tagged when it
//! was submitted) and the recent commits that changed the report, newest first.

use std::path::Path;

use super::{Commit, History, HistoryError};

/// A revision to compare with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What reads it as a revision: the tag's name, or the commit's short id.
    pub rev: String,
    pub is_tag: bool,
    /// The commit's, as `Commit::time`.
    pub time: i64,
    pub summary: String,
}

impl Choice {
    fn commit(commit: &Commit) -> Choice {
        Choice {
            rev: commit.short_id().to_string(),
            is_tag: false,
            time: commit.time,
            summary: commit.summary.clone(),
        }
    }
}

impl History {
    /// The tags that name a commit, newest first, then the newest `commits` commits that
    /// changed the file.
    pub fn choices(&mut self, commits: usize) -> Result<Vec<Choice>, HistoryError> {
        let mut choices = tags(&self.repo(), self.path_in_repo())?;
        choices.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| a.rev.cmp(&b.rev)));
        choices.extend(self.changed_commits(commits)?.iter().map(Choice::commit));
        Ok(choices)
    }
}

/// The repository's tags that lead to a commit; `file` names the report, for messages.
fn tags(repo: &gix::Repository, file: &Path) -> Result<Vec<Choice>, HistoryError> {
    let git = |e: &dyn std::fmt::Display| HistoryError::git(file, e);
    let references = repo.references().map_err(|e| git(&e))?;
    let mut choices = Vec::new();
    for reference in references.tags().map_err(|e| git(&e))? {
        let Ok(mut reference) = reference else { continue };
        // A tag of a tree or a blob is no round of the report: left out.
        let Ok(commit) = reference.peel_to_commit() else { continue };
        let (Ok(time), Ok(message)) = (commit.time(), commit.message()) else { continue };
        choices.push(Choice {
            rev: reference.name().shorten().to_string(),
            is_tag: true,
            time: time.seconds,
            summary: message.summary().to_string(),
        });
    }
    Ok(choices)
}
