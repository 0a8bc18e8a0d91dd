//! The store's errors and the report's faults in the interface's language: they are data
//! (what went wrong, the file, the place, the cause), and words are given them here, where
//! they are shown. Causes the system or the parser give stay as they give them.

use std::path::Path;

use super::{Texts, fill};
use crate::history::HistoryError;
use crate::model::FORMAT;
use crate::store::lock::LockError;
use crate::store::{Caution, Layout, LoadError, Located, SaveError, Step};
use crate::validate::Fault;

/// Says a value in the language of `texts`; in English it is the value's `Display`.
pub trait Describe {
    fn describe(&self, texts: &Texts) -> String;
}

/// `file:line:column`, as the parser's own errors name a place.
fn place(path: &Path, line: usize, column: usize) -> String {
    format!("{}:{line}:{column}", path.display())
}

/// "Windows line endings (CR LF) and 3 comments (2 //, 1 /* */)".
impl Describe for Layout {
    fn describe(&self, texts: &Texts) -> String {
        let kinds = self.comment_kinds();
        let comments = match self.comments() {
            0 => None,
            1 => Some(fill(texts.layout_comment, &[("kinds", &kinds)])),
            count => Some(fill(texts.layout_comments, &[("count", &count), ("kinds", &kinds)])),
        };
        match (self.crlf, comments) {
            (true, Some(comments)) => {
                fill(texts.layout_and, &[("first", &texts.layout_crlf), ("second", &comments)])
            }
            (true, None) => texts.layout_crlf.to_string(),
            (false, comments) => comments.unwrap_or_default(),
        }
    }
}

impl Describe for HistoryError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            HistoryError::NotInRepository { path } => {
                fill(texts.error_not_in_repository, &[("path", &path.display())])
            }
            HistoryError::Missing { path, source } => {
                fill(texts.error_read, &[("path", &path.display()), ("cause", source)])
            }
            HistoryError::Git { path, message } => {
                fill(texts.error_git, &[("path", &path.display()), ("cause", message)])
            }
            HistoryError::Revision { rev, message } => {
                fill(texts.error_revision, &[("rev", rev), ("cause", message)])
            }
            HistoryError::NotInRevision { rev, path } => {
                fill(texts.error_not_in_revision, &[("rev", rev), ("path", &path.display())])
            }
            HistoryError::Load(error) => error.describe(texts),
        }
    }
}

impl Describe for LoadError {
    /// One line per problem, each starting with the place it names (`file:line:column`, or
    /// the file).
    fn describe(&self, texts: &Texts) -> String {
        match self {
            LoadError::Read { path, source } => {
                fill(texts.error_read, &[("path", &path.display()), ("cause", source)])
            }
            LoadError::Directory { path } => {
                fill(texts.error_directory, &[("path", &path.display())])
            }
            LoadError::NotRegular { path } => {
                fill(texts.error_not_regular, &[("path", &path.display())])
            }
            LoadError::NotUtf8 { path, line, column } => {
                fill(texts.error_not_utf8, &[("place", &place(path, *line, *column))])
            }
            LoadError::Empty { path } => fill(texts.error_empty, &[("place", &place(path, 1, 1))]),
            // The parser's words, which stay English, and the conflicts' field paths.
            LoadError::Syntax { .. } | LoadError::Conflicted { .. } => self.to_string(),
            LoadError::NewerFormat { path, found } => fill(
                texts.error_newer_format,
                &[("path", &path.display()), ("found", found), ("format", &FORMAT)],
            ),
            LoadError::Invalid { path, problems } => problems
                .iter()
                .map(|Located { line, column, problem }| {
                    let fault = problem.fault.describe(texts);
                    format!("{}: {}: {fault}", place(path, *line, *column), problem.path)
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

impl Describe for SaveError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            SaveError::Serialize(cause) => fill(texts.error_serialize, &[("cause", cause)]),
            SaveError::RoundTrip => texts.error_round_trip.to_string(),
            SaveError::Changed { path } => fill(texts.error_changed, &[("path", &path.display())]),
            SaveError::Missing { path } => fill(texts.error_missing, &[("path", &path.display())]),
            SaveError::Unflushed { path, source, .. } => {
                fill(texts.error_unflushed, &[("path", &path.display()), ("cause", source)])
            }
            SaveError::Io { path, step, source } => {
                format!("{}: {}: {source}", path.display(), step.describe(texts))
            }
            SaveError::NewerFormat { path, found } => fill(
                texts.error_newer_format,
                &[("path", &path.display()), ("found", found), ("format", &FORMAT)],
            ),
            SaveError::NeedsFormat2 { path, format, field } => fill(
                texts.error_needs_format_2,
                &[("path", &path.display()), ("format", format), ("field", field)],
            ),
            SaveError::Refused { path, caution: Caution::ReadOnly { mode } } => fill(
                texts.error_read_only,
                &[("path", &path.display()), ("mode", &format!("{mode:04o}"))],
            ),
            SaveError::Refused { path, caution: Caution::Layout(layout) } => fill(
                texts.error_layout,
                &[("path", &path.display()), ("what", &layout.describe(texts))],
            ),
        }
    }
}

impl Describe for Step {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Step::CheckUnchanged => texts.step_check_unchanged,
            Step::ReadLink => texts.step_read_link,
            Step::FollowLink => texts.step_follow_link,
            Step::CreateTemp => texts.step_create_temp,
            Step::Write => texts.step_write,
            Step::Permissions => texts.step_permissions,
            Step::Flush => texts.step_flush,
            Step::Backup => texts.step_backup,
            Step::Replace => texts.step_replace,
            Step::RecoveryDir => texts.step_recovery_dir,
            Step::StateDir => texts.step_state_dir,
        }
        .to_string()
    }
}

impl Describe for LockError {
    /// The app says who holds the report in words of its own (`Texts::holder`).
    fn describe(&self, texts: &Texts) -> String {
        match self {
            LockError::Io { path, source } => {
                fill(texts.error_lock_file, &[("path", &path.display()), ("cause", source)])
            }
            LockError::Held { .. } => self.to_string(),
            LockError::Link { path } => fill(texts.error_lock_link, &[("path", &path.display())]),
        }
    }
}

impl Describe for Fault {
    /// What is wrong at a place in a report file: "must not be empty".
    fn describe(&self, texts: &Texts) -> String {
        match self {
            Fault::Empty => texts.fault_empty.to_string(),
            Fault::UnknownFormat { found } => {
                fill(texts.fault_unknown_format, &[("found", found), ("format", &FORMAT)])
            }
            Fault::NoGroups => texts.fault_no_groups.to_string(),
            Fault::PreviousRound => texts.fault_previous_round.to_string(),
            Fault::NoSuchParagraph { paragraph } => {
                fill(texts.fault_no_such_paragraph, &[("paragraph", paragraph)])
            }
            Fault::NoSuchActivity { number } => {
                fill(texts.fault_no_such_activity, &[("number", number)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::PathBuf;

    use super::Describe;
    use crate::i18n::Lang;
    use crate::store::lock::{Holder, LockError};
    use crate::store::{Caution, Fingerprint, Layout, LoadError, Located, SaveError, Step};
    use crate::validate::{Fault, FieldPath, Problem};

    /// The English words and the errors' own `Display`, which the command line prints, say
    /// the same: every kind of error, every step, every fault.
    #[test]
    fn in_english_every_error_says_what_its_display_says() {
        let path = || PathBuf::from("dir/report.ron");
        let cause = || io::Error::other("disk on fire");
        let problem =
            |fault| Problem { path: FieldPath::default().field("groups").index(2), fault };
        let faults = [
            Fault::Empty,
            Fault::UnknownFormat { found: 7 },
            Fault::NoGroups,
            Fault::PreviousRound,
        ];
        let mut said: Vec<(String, String)> = Vec::new();
        let mut check = |error: &dyn Describe, display: String| {
            said.push((error.describe(Lang::En.texts()), display));
        };
        for error in [
            LoadError::Read { path: path(), source: cause() },
            LoadError::Directory { path: path() },
            LoadError::NotRegular { path: path() },
            LoadError::NotUtf8 { path: path(), line: 3, column: 9 },
            LoadError::Empty { path: path() },
            LoadError::Syntax {
                path: path(),
                line: 1,
                column: 2,
                field: Some("groups[0].title".into()),
                message: "oops".into(),
            },
            LoadError::NewerFormat { path: path(), found: 9 },
            LoadError::Invalid {
                path: path(),
                problems: faults
                    .iter()
                    .map(|&fault| Located { line: 4, column: 5, problem: problem(fault) })
                    .collect(),
            },
        ] {
            check(&error, error.to_string());
        }
        let steps = [
            Step::CheckUnchanged,
            Step::ReadLink,
            Step::FollowLink,
            Step::CreateTemp,
            Step::Write,
            Step::Permissions,
            Step::Flush,
            Step::Backup,
            Step::Replace,
            Step::RecoveryDir,
            Step::StateDir,
        ];
        let mut saves = vec![
            SaveError::Serialize("no room".into()),
            SaveError::RoundTrip,
            SaveError::Changed { path: path() },
            SaveError::Missing { path: path() },
            SaveError::Unflushed { path: path(), written: Fingerprint::of(b""), source: cause() },
        ];
        saves.extend(steps.map(|step| SaveError::Io { path: path(), step, source: cause() }));
        let layouts = [(true, 2, 1), (false, 1, 0), (false, 0, 4), (true, 0, 0)].map(
            |(crlf, line_comments, block_comments)| Layout { crlf, line_comments, block_comments },
        );
        let cautions = layouts.map(Caution::Layout).into_iter();
        for caution in cautions.chain([Caution::ReadOnly { mode: 0o444 }]) {
            saves.push(SaveError::Refused { path: path(), caution });
        }
        for error in saves {
            check(&error, error.to_string());
        }
        let holder = Holder { pid: 7, host: "cepal".into(), since: "2021-04-05".into() };
        for error in [
            LockError::Held { path: path(), holder },
            LockError::Io { path: path(), source: cause() },
            LockError::Link { path: path() },
        ] {
            check(&error, error.to_string());
        }
        for fault in faults {
            check(&fault, fault.to_string());
        }
        for (described, display) in said {
            assert_eq!(described, display);
        }
    }
}
