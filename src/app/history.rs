//! Undo and redo: every change to the report is a `Change` that knows how to revert itself.

use crate::model::{Progress, Report};

/// One edit of the report, with what was there before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Progress {
        group: usize,
        activity: usize,
        from: Progress,
        to: Progress,
    },
    Remarks {
        group: usize,
        activity: usize,
        from: String,
        to: String,
    },
    /// The whole report at once: restoring unsaved edits from the recovery file.
    Whole {
        from: Box<Report>,
        to: Box<Report>,
    },
}

impl Change {
    /// Puts the new value in place (`forward`) or the old one back.
    pub fn apply(&self, report: &mut Report, forward: bool) {
        match self {
            Change::Progress { group, activity, from, to } => {
                if let Some(a) = report.activity_mut(*group, *activity) {
                    a.progress = if forward { *to } else { *from };
                }
            }
            Change::Remarks { group, activity, from, to } => {
                if let Some(a) = report.activity_mut(*group, *activity) {
                    a.remarks = if forward { to } else { from }.clone();
                }
            }
            Change::Whole { from, to } => {
                *report = if forward { to } else { from }.as_ref().clone();
            }
        }
    }

    /// The group and activity the change touches; `None` when it touches everything.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            Change::Progress { group, activity, .. } | Change::Remarks { group, activity, .. } => {
                Some((*group, *activity))
            }
            Change::Whole { .. } => None,
        }
    }

    /// What the change did, for the footer ("progress of VIII.7: 8% → 40%").
    pub fn describe(&self) -> String {
        let at = self
            .place()
            .map(|(g, a)| format!("{}.{}", crate::model::numeral(g + 1), a + 1))
            .unwrap_or_default();
        match self {
            Change::Progress { from, to, .. } => format!("progress of {at}: {from} → {to}"),
            Change::Remarks { .. } => format!("remarks of {at}"),
            Change::Whole { .. } => "the whole report (restored edits)".to_string(),
        }
    }
}

/// The changes made and taken back, each tagged with the version of the report it leads
/// to, so "unsaved" is a comparison of versions, not of reports.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<(Change, u64)>,
    undone: Vec<(Change, u64)>,
    next_version: u64,
}

impl History {
    /// The version of the report as it stands; 0 is the report as loaded.
    pub fn version(&self) -> u64 {
        self.done.last().map_or(0, |(_, v)| *v)
    }

    /// Applies a new change and forgets what was undone.
    pub fn record(&mut self, report: &mut Report, change: Change) {
        change.apply(report, true);
        self.next_version += 1;
        self.done.push((change, self.next_version));
        self.undone.clear();
    }

    pub fn undo(&mut self, report: &mut Report) -> Option<&Change> {
        let (change, version) = self.done.pop()?;
        change.apply(report, false);
        self.undone.push((change, version));
        self.undone.last().map(|(c, _)| c)
    }

    pub fn redo(&mut self, report: &mut Report) -> Option<&Change> {
        let (change, version) = self.undone.pop()?;
        change.apply(report, true);
        self.done.push((change, version));
        self.done.last().map(|(c, _)| c)
    }
}
