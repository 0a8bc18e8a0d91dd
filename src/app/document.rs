//! The document: the report being edited, its history of changes, the figures derived from
//! it and the comparison with a baseline, kept current together behind one interface.

use std::path::PathBuf;

use super::{Baseline, Figures};
use crate::compare::compare;
use crate::edit::{Change, Choice, Entry, History, Scope};
use crate::model::Report;
use crate::store::MarkedConflict;

/// The report and everything that follows from it.
#[derive(Debug)]
pub struct Document {
    report: Report,
    history: History,
    figures: Figures,
    baseline: Option<Baseline>,
    /// The version of the report that the file holds, if any version still does.
    saved: Option<u64>,
    /// The report as the file holds it: "modified" compares content, so an edit and its
    /// opposite leave the report unmodified. Shares its groups with the report.
    on_disk: Report,
    /// Whether the report differs from `on_disk`, worked out after each change.
    modified: bool,
    /// Goes up with every change, undo and redo (see `revision`).
    revision: u64,
    /// The conflicts the file was marked with by a merge, in file order, each with how it
    /// was resolved, if it was: a resolution is a change, so undo brings the conflict back.
    conflicts: Vec<(MarkedConflict, Option<Choice>)>,
    /// Whether the file on disk still holds conflict markers: then it differs from any
    /// report, and the report is unsaved until written clean.
    marked: bool,
}

impl Document {
    pub fn new(report: Report) -> Document {
        Document {
            figures: Figures::of(&report),
            on_disk: report.clone(),
            modified: false,
            report,
            history: History::default(),
            baseline: None,
            saved: Some(0),
            revision: 0,
            conflicts: Vec::new(),
            marked: false,
        }
    }

    /// The report was read from a file marked with these conflicts; it holds ours.
    pub(super) fn set_conflicts(&mut self, conflicts: Vec<MarkedConflict>) {
        self.marked = !conflicts.is_empty();
        self.conflicts = conflicts.into_iter().map(|c| (c, None)).collect();
    }

    /// The conflicts the file was marked with, each with its resolution so far.
    pub fn conflicts(&self) -> &[(MarkedConflict, Option<Choice>)] {
        &self.conflicts
    }

    /// Whether the file on disk holds conflict markers, as far as the app knows.
    pub fn is_marked(&self) -> bool {
        self.marked
    }

    /// How many conflicts are not resolved yet.
    pub fn conflicts_left(&self) -> usize {
        self.conflicts.iter().filter(|(_, choice)| choice.is_none()).count()
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    /// The version of the report in the history: 0 as loaded, the same after an undo and
    /// its redo.
    pub fn version(&self) -> u64 {
        self.history.version()
    }

    /// Goes up with every change, undo and redo: what was derived at one revision is
    /// current while it stays.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The report as the file holds it, as far as the app knows.
    pub fn on_disk(&self) -> &Report {
        &self.on_disk
    }

    /// Whether the report differs from what the file holds.
    pub fn is_modified(&self) -> bool {
        self.modified || self.marked
    }

    /// Records a change and keeps everything derived current.
    pub(super) fn record(&mut self, change: Change) {
        self.record_from(change, None);
    }

    /// Records a change that came from `source` (a returned sheet), and keeps everything
    /// derived current.
    pub(super) fn record_from(&mut self, change: Change, source: Option<String>) {
        let scope = change.scope();
        self.resolved(&change, true);
        self.history.record_from(&mut self.report, change, source);
        self.changed(scope);
    }

    /// Takes back the last change, if any.
    pub(super) fn undo(&mut self) -> Option<Entry> {
        let entry = self.history.undo(&mut self.report).cloned()?;
        self.resolved(&entry.change, false);
        self.changed(entry.change.scope());
        Some(entry)
    }

    /// Makes again the last change taken back, if any.
    pub(super) fn redo(&mut self) -> Option<Entry> {
        let entry = self.history.redo(&mut self.report).cloned()?;
        self.resolved(&entry.change, true);
        self.changed(entry.change.scope());
        Some(entry)
    }

    /// The changes made, oldest first, each with where it came from.
    pub fn history(&self) -> &[Entry] {
        self.history.done()
    }

    /// Marks a conflict resolved by `change` (made `forward`) or, undone, not.
    fn resolved(&mut self, change: &Change, forward: bool) {
        if let Change::Resolve { conflict, choice, .. } = change
            && let Some((_, resolution)) = self.conflicts.get_mut(*conflict)
        {
            *resolution = forward.then_some(*choice);
        }
    }

    /// The file now holds `report`, `version` of the history.
    pub(super) fn saved_as(&mut self, version: u64, report: Report) {
        self.saved = Some(version);
        self.marked = false;
        self.on_disk = report;
        self.modified = self.differs();
    }

    /// Whether the report differs from the file's: the same version never does; otherwise
    /// the content decides, group by group (groups still shared compare at once).
    fn differs(&self) -> bool {
        self.saved != Some(self.history.version()) && self.report != self.on_disk
    }

    /// Compares with `report`, read from `path`; `None` stops comparing.
    pub(super) fn set_baseline(&mut self, baseline: Option<(PathBuf, Report)>) {
        // What is derived against the baseline is of another revision now.
        self.revision += 1;
        self.baseline = baseline.map(|(path, report)| {
            let comparison = compare(&report, &self.report);
            Baseline { path, report, comparison }
        });
    }

    fn changed(&mut self, scope: Scope) {
        self.revision += 1;
        self.modified = self.differs();
        match scope {
            Scope::Group(g) => self.figures.refresh_group(&self.report, g),
            Scope::All => self.figures = Figures::of(&self.report),
        }
        if let Some(baseline) = &mut self.baseline {
            match scope {
                Scope::Group(g) => {
                    baseline.comparison.refresh_group(&baseline.report, &self.report, g)
                }
                Scope::All => baseline.comparison = compare(&baseline.report, &self.report),
            }
        }
    }
}
