//! Committing the saved report from the app: `c` (or each save, as configured) has the
//! message written from what changed since HEAD, the prompt shows its first line to edit,
//! and Enter commits the file alone. Both steps are effects: reading HEAD and running git
//! take their time, off the event loop.

use super::{App, Effect, Mode, Prompt, edit_line};
use crate::action::Action;
use crate::edit::{Change, Entry, Field, List};
use crate::history::{CommitError, CommitMessage, Committed, Git, HistoryError, Source};
use crate::i18n::fill;

/// When the app commits the report: the configuration's `commit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CommitWhen {
    /// Only when asked (`c`).
    #[default]
    Never,
    /// The prompt opens after each save.
    Ask,
    /// Each save is committed with the message as written.
    Always,
}

impl CommitWhen {
    pub const ALL: [CommitWhen; 3] = [CommitWhen::Never, CommitWhen::Ask, CommitWhen::Always];

    /// The name the configuration file writes.
    pub fn name(self) -> &'static str {
        match self {
            CommitWhen::Never => "never",
            CommitWhen::Ask => "ask",
            CommitWhen::Always => "always",
        }
    }
}

/// What to do once the message is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterMessage {
    /// Open the prompt with it.
    Prompt,
    /// Commit with it as it is.
    Commit,
}

/// The message being edited before a commit: the first line in the prompt, the list below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitPrompt {
    pub summary: String,
    pub body: String,
}

impl CommitPrompt {
    fn message(&self) -> CommitMessage {
        CommitMessage { summary: self.summary.trim().to_string(), body: self.body.clone() }
    }
}

/// The app's part in committing: when, with which git, and whether a commit is under way.
#[derive(Debug, Default)]
pub(super) struct Committing {
    pub when: CommitWhen,
    pub git: Git,
    pub busy: bool,
}

impl App {
    /// Commits the report after saves as `when` says, running git as `git` says.
    pub fn with_commit(mut self, when: CommitWhen, git: Git) -> App {
        self.commit = Committing { when, git, busy: false };
        self
    }

    /// When the app commits the report.
    pub fn commit_when(&self) -> CommitWhen {
        self.commit.when
    }

    /// Whether saving a merge's resolution commits it too.
    pub(super) fn commits_after_save(&self) -> bool {
        self.commit.when != CommitWhen::Never
    }

    /// A save went through, and nothing was edited since: commit as configured.
    pub(super) fn commit_after_save(&mut self) {
        match self.commit.when {
            CommitWhen::Never => {}
            CommitWhen::Ask => self.start_commit(AfterMessage::Prompt),
            CommitWhen::Always => self.start_commit(AfterMessage::Commit),
        }
    }

    /// `c`, or a save that commits: has the message written, then `then`.
    pub(super) fn start_commit(&mut self, then: AfterMessage) {
        if self.is_modified() {
            return self.error(self.texts().commit_save_first);
        }
        if self.commit.busy || self.session.is_saving() {
            return self.info(self.texts().commit_busy);
        }
        self.commit.busy = true;
        let sources = sources(self.document.history());
        self.effects.push(Effect::WriteCommitMessage {
            file: self.path().to_path_buf(),
            report: self.document.on_disk().clone(),
            sources,
            then,
        });
    }

    /// The message is written (or HEAD could not be read).
    pub(super) fn commit_message_written(
        &mut self,
        then: AfterMessage,
        result: Result<CommitMessage, HistoryError>,
    ) {
        self.commit.busy = false;
        let message = match result {
            Ok(message) => message,
            Err(HistoryError::NotInRepository { .. }) => {
                let path = self.path().display().to_string();
                return self.error(fill(self.texts().commit_not_in_git, &[("path", &path)]));
            }
            Err(error) => {
                return self.error_because(self.texts().commit_failed, &error.to_string());
            }
        };
        let prompt = CommitPrompt { summary: message.summary, body: message.body };
        match then {
            AfterMessage::Commit => self.commit_now(prompt),
            // The prompt waits for whatever the user is doing to end: `c` opens it again.
            AfterMessage::Prompt if !matches!(self.mode, Mode::Normal) => {}
            AfterMessage::Prompt => self.mode = Mode::Commit(Box::new(prompt)),
        }
    }

    /// A key in the commit prompt.
    pub(super) fn commit_prompt(&mut self, mut prompt: Box<CommitPrompt>, action: Action) {
        match edit_line(&mut prompt.summary, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return self.info(self.texts().commit_cancelled),
            Prompt::Confirm if prompt.summary.trim().is_empty() => {}
            Prompt::Confirm if self.is_modified() => self.error(self.texts().commit_save_first),
            Prompt::Confirm if self.commit.busy => self.info(self.texts().commit_busy),
            Prompt::Confirm => return self.commit_now(*prompt),
        }
        self.mode = Mode::Commit(prompt);
    }

    fn commit_now(&mut self, prompt: CommitPrompt) {
        self.commit.busy = true;
        let name = self.file_name();
        self.info(fill(self.texts().commit_running, &[("name", &name)]));
        self.effects.push(Effect::Commit {
            file: self.path().to_path_buf(),
            message: prompt.message(),
            git: self.commit.git.clone(),
            prompt,
        });
    }

    /// What came of a commit: its id, or git's words and the prompt again, so the message
    /// is never lost.
    pub(super) fn committed(
        &mut self,
        prompt: CommitPrompt,
        result: Result<Committed, CommitError>,
    ) {
        self.commit.busy = false;
        match result {
            Ok(Committed { id }) => {
                let summary = prompt.message().summary;
                self.info(fill(self.texts().committed, &[("id", &id), ("summary", &summary)]));
            }
            Err(CommitError::NotInRepository { .. }) => {
                let path = self.path().display().to_string();
                self.error(fill(self.texts().commit_not_in_git, &[("path", &path)]));
            }
            Err(error) => {
                self.error_because(self.texts().commit_failed, &error.to_string());
                if matches!(self.mode, Mode::Normal) {
                    self.mode = Mode::Commit(Box::new(prompt));
                }
            }
        }
    }
}

/// Where the changes made came from, for the message: each change with a source, at its
/// place.
fn sources(history: &[Entry]) -> Vec<Source> {
    history
        .iter()
        .filter_map(|entry| {
            let source = entry.source.clone()?;
            let (group, activity) = entry.change.place()?;
            let activity = of_activity(&entry.change).then_some(activity);
            Some(Source { group, activity, source })
        })
        .collect()
}

/// Whether a change is an activity's rather than its group's.
fn of_activity(change: &Change) -> bool {
    match change {
        Change::Progress { .. } => true,
        Change::Text { field, .. } => {
            matches!(field, Field::Description(..) | Field::ActivityTopic(..) | Field::Remarks(..))
        }
        Change::Insert { list, .. } | Change::Remove { list, .. } | Change::Move { list, .. } => {
            matches!(list, List::Activities(_))
        }
        Change::Several(changes) => changes.first().is_some_and(of_activity),
        Change::Resolve { change, .. } => change.as_deref().is_some_and(of_activity),
        Change::DocumentType { .. }
        | Change::Front { .. }
        | Change::NoCoordinatorsStated { .. }
        | Change::Format { .. }
        | Change::Whole { .. }
        | Change::Reviews { .. } => false,
    }
}

/// The message for committing `report` as the file `file`, against HEAD's version of it.
pub fn write_message(
    file: &std::path::Path,
    report: &crate::model::Report,
    sources: &[Source],
) -> Result<CommitMessage, HistoryError> {
    let head = match crate::history::report_at(file, "HEAD") {
        Ok((_, head)) => Some(head),
        // No commit yet, or none holding the file: the commit adds it.
        Err(HistoryError::NotInRevision { .. } | HistoryError::Revision { .. }) => None,
        Err(error) => return Err(error),
    };
    let message = crate::history::commit_message(head.as_ref(), report, sources);
    // A merge's commit keeps the line git wrote for it; what changed against ours follows.
    Ok(match crate::history::merge_summary(file) {
        Some(summary) => CommitMessage { summary, body: message.text() },
        None => message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::Progress;

    #[test]
    fn a_change_with_a_source_is_placed_at_its_activity_or_its_group() {
        let mut report = crate::store::shipped().expect("shipped report");
        let mut history = History::default();
        let progress = Change::Progress {
            group: 7,
            activity: 6,
            from: Progress::new(8).expect("in range"),
            to: Progress::new(40).expect("in range"),
        };
        let sheet = Some("VIII.xlsx (Colombia)".to_string());
        history.record_from(&mut report, Change::Several(vec![progress]), sheet.clone());
        let title = Change::Text {
            field: Field::GroupTitle(7),
            from: report.groups[7].title.clone(),
            to: "Administrative records".into(),
        };
        history.record_from(&mut report, title, sheet);
        let typed = Change::Progress {
            group: 0,
            activity: 0,
            from: report.groups[0].activities[0].progress,
            to: Progress::ZERO,
        };
        history.record(&mut report, typed);
        let found = sources(history.done());
        let at = |activity| Source { group: 7, activity, source: "VIII.xlsx (Colombia)".into() };
        assert_eq!(found, [at(Some(6)), at(None)]);
    }
}
