//! The history screen's rows, made from the versions read, and a version opened: its
//! remarks, word by word against the version before.

use super::history::HistoryOf;
use crate::compare::{Words, word_diff};
use crate::format::date_time;
use crate::history::{ActivityStep, Commit, Versions};
use crate::printable::printable;

/// One version that changed what the screen follows.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// `None` for the changes not yet committed.
    pub commit: Option<CommitLine>,
    pub progress: Option<f64>,
    /// Whether the activity's remarks changed in it.
    pub remarks_changed: bool,
    /// Whether it first appears there.
    pub added: bool,
}

/// A commit as a row shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitLine {
    pub id: String,
    /// In local time: `YYYY-MM-DD HH:MM`.
    pub date: String,
    pub author: String,
    pub summary: String,
}

impl CommitLine {
    fn of(commit: &Commit, zone: &jiff::tz::TimeZone) -> CommitLine {
        CommitLine {
            id: commit.short_id().to_string(),
            date: date_time(commit.time, zone),
            // Names and messages come from anyone's commits: escaped for the terminal.
            author: printable(&commit.author).into_owned(),
            summary: printable(&commit.summary).into_owned(),
        }
    }
}

/// The rows of the screen, newest first.
#[derive(Debug)]
pub struct HistoryRows {
    pub rows: Vec<HistoryRow>,
    /// The progress of each row, oldest first, for the sparkline.
    pub series: Vec<u64>,
    /// Commits whose file could not be read as a report, left out.
    pub unreadable: usize,
    /// For an activity, its step in each row: what opening one reads.
    steps: Vec<ActivityStep>,
}

/// A version opened: its row, and its remarks against the version before.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedVersion {
    pub row: HistoryRow,
    pub remarks: Vec<Piece>,
    /// Whether there is a version before to compare with.
    pub compared: bool,
}

/// A run of words of the remarks: kept, removed or added since the version before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

impl HistoryRows {
    pub(super) fn of(versions: &Versions, of: HistoryOf, zone: &jiff::tz::TimeZone) -> HistoryRows {
        let commit = |v: usize| {
            versions.list.get(v).and_then(|v| v.commit.as_ref()).map(|c| CommitLine::of(c, zone))
        };
        let mut steps = Vec::new();
        let rows: Vec<HistoryRow> = match of {
            HistoryOf::Activity { group, activity } => {
                steps = versions.activity(group, activity);
                let row = |s: &ActivityStep| HistoryRow {
                    commit: commit(s.version),
                    progress: Some(f64::from(s.progress.get())),
                    remarks_changed: s.remarks_changed,
                    added: s.added,
                };
                steps.iter().map(row).collect()
            }
            HistoryOf::Group(group) => versions
                .group(group)
                .into_iter()
                .map(|s| HistoryRow {
                    commit: commit(s.version),
                    progress: s.progress,
                    remarks_changed: false,
                    added: s.added,
                })
                .collect(),
            HistoryOf::Programme => versions
                .programme()
                .into_iter()
                .map(|s| HistoryRow {
                    commit: commit(s.version),
                    progress: s.progress,
                    remarks_changed: false,
                    added: false,
                })
                .collect(),
        };
        let series = rows.iter().rev().map(|r| r.progress.unwrap_or(0.0).round() as u64).collect();
        HistoryRows { rows, series, unreadable: versions.unreadable.len(), steps }
    }

    /// The version of row `at` opened: the activity's remarks then, against the version
    /// before. Only an activity's rows open.
    pub(super) fn open(&self, versions: &Versions, at: usize) -> Option<OpenedVersion> {
        let step = self.steps.get(at)?;
        let now = versions.activity_in(step)?;
        let before = match self.steps.get(at + 1) {
            _ if step.added => Some(""),
            Some(older) => versions.activity_in(older).map(|a| a.remarks.as_str()),
            None => None,
        };
        let remarks = match before {
            Some(before) => word_diff(before, &now.remarks)
                .into_iter()
                .map(|words| match words {
                    Words::Same(t) => Piece::Same(t.to_string()),
                    Words::Removed(t) => Piece::Removed(t.to_string()),
                    Words::Added(t) => Piece::Added(t.to_string()),
                })
                .collect(),
            None => vec![Piece::Same(now.remarks.clone())],
        };
        let row = self.rows.get(at)?.clone();
        Some(OpenedVersion { row, remarks, compared: before.is_some() && !step.added })
    }
}
