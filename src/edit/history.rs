//! Undo and redo: the changes made and taken back, each tagged with a version and, when it
//! came from outside the app, where from.

use super::Change;
use crate::model::Report;

/// One change in the history: the change, where it came from when not typed in the app
/// ("VIII-administrative-records.xlsx (Chile)": what undo announces and a commit message
/// can say), and the version of the report it leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub change: Change,
    pub source: Option<String>,
    version: u64,
}

/// The changes made and taken back, each tagged with the version of the report it leads
/// to, so "unsaved" is a comparison of versions, not of reports.
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Entry>,
    undone: Vec<Entry>,
    next_version: u64,
}

impl History {
    /// The version of the report as it stands; 0 is the report as loaded.
    pub fn version(&self) -> u64 {
        self.done.last().map_or(0, |e| e.version)
    }

    /// Applies a new change and forgets what was undone.
    pub fn record(&mut self, report: &mut Report, change: Change) {
        self.record_from(report, change, None);
    }

    /// Applies a new change that came from `source`, and forgets what was undone.
    pub fn record_from(&mut self, report: &mut Report, change: Change, source: Option<String>) {
        change.apply(report, true);
        self.next_version += 1;
        self.done.push(Entry { change, source, version: self.next_version });
        self.undone.clear();
    }

    pub fn undo(&mut self, report: &mut Report) -> Option<&Entry> {
        let entry = self.done.pop()?;
        entry.change.apply(report, false);
        self.undone.push(entry);
        self.undone.last()
    }

    pub fn redo(&mut self, report: &mut Report) -> Option<&Entry> {
        let entry = self.undone.pop()?;
        entry.change.apply(report, true);
        self.done.push(entry);
        self.done.last()
    }

    /// The changes made, oldest first: for a commit message, say.
    pub fn done(&self) -> &[Entry] {
        &self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Progress;

    #[test]
    fn a_source_stays_with_its_change_through_undo_and_redo() {
        let mut report = crate::store::shipped().expect("shipped report");
        let mut history = History::default();
        let change = Change::Progress {
            group: 0,
            activity: 0,
            from: report.groups[0].activities[0].progress,
            to: Progress::new(42).expect("in range"),
        };
        history.record_from(&mut report, change.clone(), Some("VIII.xlsx (Chile)".into()));
        let whole = Change::Whole { from: Box::new(report.clone()), to: Box::new(report.clone()) };
        history.record(&mut report, whole);
        assert_eq!(history.undo(&mut report).map(|e| e.source.clone()), Some(None));
        let undone = history.undo(&mut report).expect("a change to undo");
        assert_eq!(undone.source.as_deref(), Some("VIII.xlsx (Chile)"));
        assert_eq!(undone.change, change);
        let redone = history.redo(&mut report).expect("a change to redo");
        assert_eq!(redone.source.as_deref(), Some("VIII.xlsx (Chile)"));
        assert_eq!(history.done().len(), 1);
    }
}
