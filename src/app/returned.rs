//! A returned update sheet: its path asked for, the file read outside the app (an effect),
//! and the changes accepted on the review screen applied, one undoable change per activity,
//! each remembering the file it came from.

use std::path::PathBuf;

use super::{App, Effect, Mode, Prompt, Review, edit_line};
use crate::action::{Action, Pane};
use crate::edit::{Change, Field, Item, List};
use crate::i18n::fill;
use crate::import::{self, Import, ImportError};

impl App {
    /// Opens the prompt for a returned sheet's path.
    pub(super) fn ask_import(&mut self) {
        if !self.refuse_if_read_only() {
            self.mode = Mode::ImportPath(String::new());
        }
    }

    pub(super) fn import_path(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm if input.trim().is_empty() => {}
            Prompt::Confirm => {
                let path = PathBuf::from(input.trim());
                self.info(fill(self.texts().import_reading, &[("path", &path.display())]));
                return self.read_sheet(path, input);
            }
        }
        self.mode = Mode::ImportPath(input);
    }

    /// Asks for the file at `path` to be read against the report as it is now.
    fn read_sheet(&mut self, path: PathBuf, input: String) {
        let report = self.report().clone();
        let revision = self.document.revision();
        self.effects.push(Effect::ReadSheet { path, report, revision, input });
    }

    /// The sheet was read (or could not be). Read against a report edited since, it is read
    /// again, so every old value shown is the report's; refused, the prompt opens again
    /// with what was typed, unless the user went on to something else.
    pub(super) fn sheet_read(
        &mut self,
        path: PathBuf,
        input: String,
        revision: u64,
        result: Result<Import, ImportError>,
    ) {
        if !matches!(self.mode, Mode::Normal) {
            return;
        }
        if revision != self.document.revision() {
            return self.read_sheet(path, input);
        }
        match result {
            Ok(import) => {
                self.view.message = None;
                self.open_review(import);
            }
            Err(error) => {
                self.error_because(self.texts().import_refused, &error.to_string());
                self.mode = Mode::ImportPath(input);
            }
        }
    }

    /// Applies the accepted rows: one change in the history per activity (its progress,
    /// remarks, description and topic together), one per new activity; each old value is
    /// taken from the report as it is, so undo puts back what was there.
    pub(super) fn apply_review(&mut self, review: &Review) {
        if self.refuse_if_read_only() {
            return;
        }
        let source = review.source();
        let mut batches: Vec<(Option<usize>, usize, Vec<Change>)> = Vec::new();
        let mut changes = 0;
        for row in review.rows().iter().filter(|r| r.accepted) {
            let (g, proposal) = (row.proposal.group, &row.proposal.change);
            let Some(change) = self.edit_change(g, proposal) else { continue };
            changes += 1;
            let activity = proposal.activity();
            match batches.last_mut() {
                Some((a, group, list)) if activity.is_some() && *a == activity && *group == g => {
                    list.push(change);
                }
                _ => batches.push((activity, g, vec![change])),
            }
        }
        if batches.is_empty() {
            return self.info(self.texts().review_none_accepted);
        }
        let activities = batches.len();
        let mut first = None;
        for (_, g, mut list) in batches {
            // A new activity goes at the end of its group as the group is when it is added.
            if let Some(Change::Insert { list: List::Activities(g), index, .. }) = list.first_mut()
            {
                *index = List::Activities(*g).len(self.report());
            }
            let change = if list.len() == 1 { list.remove(0) } else { Change::Several(list) };
            first = first.or(change.place()).or(Some((g, 0)));
            self.document.record_from(change, Some(source.clone()));
        }
        self.session.journal.due = true;
        if let Some((g, a)) = first {
            self.view.group = g;
            self.view.activity = a;
            if !matches!(self.view.focus, Pane::Overview) {
                self.view.focus = Pane::Activities;
            }
            self.clamp_selection();
        }
        let text = fill(
            self.texts().review_applied,
            &[("changes", &changes), ("activities", &activities), ("source", &source)],
        );
        self.info(text);
    }

    /// A proposal as an edit of the report as it is now; `None` when it changes nothing or
    /// its place is gone.
    fn edit_change(&self, g: usize, proposal: &import::Change) -> Option<Change> {
        let report = self.report();
        let text = |field: Field, to: String| {
            let from = field.get(report)?;
            (from != to).then_some(Change::Text { field, from, to })
        };
        match proposal {
            import::Change::Progress { activity, to, .. } => {
                let from = report.activity(g, *activity)?.progress;
                (from != *to).then_some(Change::Progress {
                    group: g,
                    activity: *activity,
                    from,
                    to: *to,
                })
            }
            import::Change::Remarks { activity, to, .. } => {
                text(Field::Remarks(g, *activity), to.clone())
            }
            import::Change::Description { activity, to, .. } => {
                text(Field::Description(g, *activity), to.clone())
            }
            import::Change::Topic { activity, to, .. } => {
                text(Field::ActivityTopic(g, *activity), to.clone().unwrap_or_default())
            }
            import::Change::New(activity) => {
                let list = List::Activities(g);
                report.groups.get(g)?;
                let index = list.len(report);
                Some(Change::Insert { list, index, item: Item::Activity(activity.clone()) })
            }
        }
    }
}
