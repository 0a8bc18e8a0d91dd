//! Undo and redo: the changes made and taken back, each tagged with a version.

use super::Change;
use crate::model::Report;

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
