//! Conflicts a merge left in the file, resolved in the app: each one is kept as ours, as
//! theirs, or edited, as a change of the history, so undo brings it back; the file is
//! saved only once none is left.

use super::{App, Message};
use crate::action::{Action, Pane};
use crate::edit::{Change, Choice, Field as EditField};
use crate::i18n::{Texts, fill};
use crate::merge::{Conflict, Field, Place, Value};
use crate::model::{Report, numeral};
use crate::store::MarkedConflict;

impl App {
    /// Starts on the conflicts the file was marked with: the report holds ours, and the
    /// screen lists them.
    pub fn with_conflicts(mut self, conflicts: Vec<MarkedConflict>) -> App {
        if !conflicts.is_empty() {
            self.document.set_conflicts(conflicts);
            self.view.focus = Pane::Conflicts;
        }
        self
    }

    /// The conflict selected in the conflicts screen.
    pub fn selected_conflict(&self) -> usize {
        self.view.conflict
    }

    /// Opens the conflicts screen, or says there is none.
    pub(super) fn open_conflicts(&mut self) {
        if self.document.conflicts().is_empty() {
            return self.info(self.texts().conflicts_none);
        }
        self.view.focus = Pane::Conflicts;
    }

    /// The keys of the conflicts screen; the others go on as global ones.
    pub(super) fn conflicts_action(&mut self, action: Action) -> Option<Action> {
        let count = self.document.conflicts().len();
        let at = self.view.conflict;
        let page = self.page();
        let to = |delta: isize| super::step_within(at, delta, count);
        match action {
            Action::Up => self.view.conflict = to(-1),
            Action::Down => self.view.conflict = to(1),
            Action::PageUp => self.view.conflict = to(-page),
            Action::PageDown => self.view.conflict = to(page),
            Action::Home => self.view.conflict = 0,
            Action::End => self.view.conflict = count.saturating_sub(1),
            Action::Open => self.go_to_conflict(),
            Action::Back => self.view.focus = Pane::Groups,
            Action::TakeOurs | Action::TakeTheirs | Action::EditConflict
                if !self.refuse_if_read_only() =>
            {
                self.resolve_with(action)
            }
            Action::TakeOurs | Action::TakeTheirs | Action::EditConflict => {}
            other => return Some(other),
        }
        None
    }

    /// Shows the selected conflict's place in the main screen.
    fn go_to_conflict(&mut self) {
        let Some((marked, _)) = self.document.conflicts().get(self.view.conflict) else {
            return;
        };
        match marked.conflict.place {
            Place::Report => self.view.focus = Pane::Groups,
            Place::Group(g) => {
                self.view.group = g;
                self.view.activity = 0;
                self.view.focus = Pane::Groups;
            }
            Place::Activity { group, activity } => {
                self.view.group = group;
                self.view.activity = activity;
                self.view.focus = Pane::Activities;
            }
        }
        self.view.info_scroll = 0;
        self.clamp_selection();
    }

    /// Resolves the selected conflict as `action` asks.
    fn resolve_with(&mut self, action: Action) {
        let index = self.view.conflict;
        let Some((marked, resolved)) = self.document.conflicts().get(index) else {
            return;
        };
        if resolved.is_some() {
            return self.info(self.texts().conflicts_already);
        }
        let conflict = marked.conflict.clone();
        let label = label(&conflict, self.report(), self.texts());
        match action {
            Action::TakeOurs => {
                self.resolve(index, label, Choice::Ours, None);
            }
            Action::TakeTheirs => {
                if self.removal_before_others(index) {
                    return self.error(self.texts().conflicts_later_first);
                }
                let change = change_to(self.report(), &conflict, &conflict.theirs);
                self.resolve(index, label, Choice::Theirs, change);
            }
            _ => self.edit_conflict(&conflict),
        }
    }

    /// Records the resolution of the `index`th conflict.
    fn resolve(&mut self, index: usize, label: String, choice: Choice, change: Option<Change>) {
        let change = change.map(Box::new);
        self.apply(Change::Resolve { conflict: index, label, choice, change });
        self.next_conflict();
    }

    /// Selects the next conflict left, after the selected one or else from the top.
    pub(super) fn next_conflict(&mut self) {
        let conflicts = self.document.conflicts();
        let at = self.view.conflict;
        let left = |i: &usize| conflicts[*i].1.is_none();
        let next = (at + 1..conflicts.len()).find(left).or_else(|| (0..at).find(left));
        if let Some(next) = next {
            self.view.conflict = next;
        }
    }

    /// Opens the editor on the conflicting field, holding ours; what it applies resolves
    /// the conflict (see `resolving`).
    fn edit_conflict(&mut self, conflict: &Conflict) {
        if let Place::Activity { group, activity } = conflict.place {
            self.view.group = group;
            self.view.activity = activity;
        }
        match (conflict.field, text_field(conflict)) {
            (_, Some(field)) => self.edit_field(field),
            (Field::Progress, _) => self.mode = super::Mode::EditProgress(String::new()),
            _ => self.info(self.texts().conflicts_not_editable),
        }
    }

    /// A change made from the conflicts screen: it resolves the selected conflict, as
    /// edited. `None` when the change is anything else.
    pub(super) fn resolving(&self, change: Change) -> Result<Change, Change> {
        let index = self.view.conflict;
        match self.document.conflicts().get(index) {
            Some((marked, None))
                if self.view.focus == Pane::Conflicts
                    && !matches!(change, Change::Resolve { .. }) =>
            {
                let label = label(&marked.conflict, self.report(), self.texts());
                let change = Some(Box::new(change));
                Ok(Change::Resolve { conflict: index, label, choice: Choice::Edited, change })
            }
            _ => Err(change),
        }
    }

    /// An edit from the conflicts screen that left the value as it was keeps ours: the
    /// conflict is resolved all the same.
    pub(super) fn resolve_unchanged(&mut self) {
        let index = self.view.conflict;
        if self.view.focus != Pane::Conflicts {
            return;
        }
        if let Some((marked, None)) = self.document.conflicts().get(index) {
            let label = label(&marked.conflict, self.report(), self.texts());
            self.resolve(index, label, Choice::Edited, None);
        }
    }

    /// Refuses an edit outside the conflicts screen while conflicts are left: their
    /// places are positions in the report, which edits would move.
    pub(super) fn refuse_while_conflicted(&mut self) -> bool {
        let left = self.document.conflicts_left();
        if left == 0 || self.view.focus == Pane::Conflicts {
            return false;
        }
        let text = fill(self.texts().conflicts_first, &[("count", &left)]);
        self.view.message = Some(Message { text, is_error: true });
        true
    }

    /// Whether taking theirs for the `index`th conflict removes an item before the place of
    /// another conflict left in the same list, which would move that place.
    fn removal_before_others(&self, index: usize) -> bool {
        let conflicts = self.document.conflicts();
        let conflict = &conflicts[index].0.conflict;
        let removed = matches!(conflict.theirs, Value::Group(None) | Value::Activity(None));
        removed
            && conflicts.iter().enumerate().any(|(i, (other, resolved))| {
                i != index && resolved.is_none() && after(&conflict.place, &other.conflict.place)
            })
    }
}

/// Whether `other` is a place after the item at `place` in the same list.
fn after(place: &Place, other: &Place) -> bool {
    match (place, other) {
        (Place::Group(g), Place::Group(h)) => h > g,
        (Place::Group(g), Place::Activity { group, .. }) => group > g,
        (Place::Activity { group, activity }, Place::Activity { group: h, activity: b }) => {
            h == group && b > activity
        }
        _ => false,
    }
}

/// The text field a conflict is about, where it is one the editor edits.
pub fn text_field(conflict: &Conflict) -> Option<EditField> {
    Some(match (conflict.place, conflict.field) {
        (Place::Report, Field::Symbol) => EditField::Symbol,
        (Place::Report, Field::Date) => EditField::Date,
        (Place::Report, Field::Title) => EditField::Title,
        (Place::Report, Field::Meeting) => EditField::Meeting,
        (Place::Report, Field::Venue) => EditField::Venue,
        (Place::Group(g), Field::GroupTitle) => EditField::GroupTitle(g),
        (Place::Group(g), Field::Topic) => EditField::GroupTopic(g),
        (Place::Group(g), Field::GeneralObjective) => EditField::GeneralObjective(g),
        (Place::Activity { group, activity }, Field::ActivityTopic) => {
            EditField::ActivityTopic(group, activity)
        }
        (Place::Activity { group, activity }, Field::Description) => {
            EditField::Description(group, activity)
        }
        (Place::Activity { group, activity }, Field::Remarks) => {
            EditField::Remarks(group, activity)
        }
        _ => return None,
    })
}

/// The change that puts `value` in the conflict's field of `report`; `None` when it holds
/// it already.
pub fn change_to(report: &Report, conflict: &Conflict, value: &Value) -> Option<Change> {
    if let (Some(field), Value::Text(text) | Value::Topic(Some(text))) =
        (text_field(conflict), value)
    {
        let from = field.get(report)?;
        return (from != *text).then(|| Change::Text { field, from, to: text.clone() });
    }
    if let (Some(field), Value::Topic(None)) = (text_field(conflict), value) {
        let from = field.get(report)?;
        return (!from.is_empty()).then(|| Change::Text { field, from, to: String::new() });
    }
    match (conflict.place, value) {
        (Place::Activity { group, activity }, Value::Progress(to)) => {
            let from = report.activity(group, activity)?.progress;
            return (from != *to).then_some(Change::Progress { group, activity, from, to: *to });
        }
        (Place::Group(group), Value::DocumentType(to)) => {
            let from = report.groups.get(group)?.document_type;
            return (from != *to).then_some(Change::DocumentType { group, from, to: *to });
        }
        _ => {}
    }
    let mut to = report.clone();
    put(&mut to, conflict, value);
    (to != *report).then(|| Change::Whole { from: Box::new(report.clone()), to: Box::new(to) })
}

/// Puts a list's or a whole item's `value` in place; an item one side removed is added at
/// the end of its list, where the markers put it.
fn put(report: &mut Report, conflict: &Conflict, value: &Value) {
    match (conflict.place, value) {
        (Place::Report, Value::Sections(sections)) => report.introduction = sections.clone(),
        (Place::Report, Value::Group(Some(group))) => report.groups.push(group.as_ref().clone()),
        (Place::Group(g), Value::Texts(texts)) if g < report.groups.len() => {
            report.groups[g].specific_objectives = texts.clone();
        }
        (Place::Group(g), Value::Coordinators(list)) if g < report.groups.len() => {
            report.groups[g].coordinators = list.clone();
        }
        (Place::Group(g), Value::Group(group)) if g < report.groups.len() => match group {
            Some(group) => report.groups[g] = group.as_ref().clone(),
            None => drop(report.groups.remove(g)),
        },
        (Place::Group(g), Value::Activity(Some(activity))) if g < report.groups.len() => {
            report.groups[g].activities.push(activity.clone());
        }
        (place, Value::Raw(text)) => {
            if let Field::Addition(name) = conflict.field {
                put_addition(report, place, name, text);
            }
        }
        (Place::Activity { group, activity }, Value::Activity(item))
            if report.activity(group, activity).is_some() =>
        {
            let activities = &mut report.groups[group].activities;
            match item {
                Some(item) => activities[activity] = item.clone(),
                None => drop(activities.remove(activity)),
            }
        }
        _ => {}
    }
}

/// Puts a field format 2 added, as the markers hold it (RON), in place; what does not read
/// back as the field's type is left as it is.
fn put_addition(report: &mut Report, place: Place, name: &str, text: &str) -> Option<()> {
    match (place, name) {
        (Place::Report, "distribution") => report.distribution = ron::from_str(text).ok()?,
        (Place::Report, "language") => report.language = ron::from_str(text).ok()?,
        (Place::Report, "original_language") => {
            report.original_language = ron::from_str(text).ok()?
        }
        (Place::Report, "job_number") => report.job_number = ron::from_str(text).ok()?,
        (Place::Report, "reviews") => report.reviews = ron::from_str(text).ok()?,
        (Place::Group(g), "no_coordinators_stated") => {
            report.groups.get_mut(g)?.no_coordinators_stated = ron::from_str(text).ok()?
        }
        _ => return None,
    }
    Some(())
}

/// Where a conflict is, said short: "VIII.7 progress", "III.2 remarks", "II coordinators".
pub fn label(conflict: &Conflict, report: &Report, texts: &Texts) -> String {
    let group = |g: usize| numeral(g + 1);
    let activity = |g: usize, a: usize| format!("{}.{}", numeral(g + 1), a + 1);
    if let Some(field) = text_field(conflict) {
        return crate::search::place(field, report, texts);
    }
    match (conflict.place, conflict.field) {
        (Place::Activity { group, activity: a }, Field::Progress) => {
            fill(texts.place_progress, &[("place", &activity(group, a))])
        }
        (Place::Activity { group, activity: a }, _) => {
            fill(texts.place_activity, &[("place", &activity(group, a))])
        }
        (Place::Group(g), Field::DocumentType) => {
            fill(texts.place_document_type, &[("numeral", &group(g))])
        }
        (Place::Group(g), Field::SpecificObjectives) => {
            fill(texts.place_objectives, &[("numeral", &group(g))])
        }
        (Place::Group(g), Field::Coordinators) => {
            fill(texts.place_coordinators, &[("numeral", &group(g))])
        }
        (Place::Group(g), Field::Activity) => {
            fill(texts.place_activities, &[("numeral", &group(g))])
        }
        (Place::Group(g), _) => fill(texts.place_group, &[("numeral", &group(g))]),
        (Place::Report, Field::Introduction) => texts.place_introduction.to_string(),
        (Place::Report, _) => texts.place_groups.to_string(),
    }
}

/// A side's value in a few words: "40%", a text cut short, a count, "removed".
pub fn brief(value: &Value, texts: &Texts) -> String {
    let count = |n: usize| fill(texts.conflict_items, &[("count", &n)]);
    match value {
        Value::Text(text) | Value::Topic(Some(text)) => crate::columns::ellipsize(text, 40),
        Value::Topic(None) => texts.conflict_no_topic.to_string(),
        Value::Progress(progress) => format!("{}%", progress.get()),
        Value::Texts(items) => count(items.len()),
        Value::Coordinators(items) => count(items.len()),
        Value::Sections(items) => count(items.len()),
        Value::DocumentType(document_type) => texts.document_type(*document_type).to_string(),
        Value::Group(Some(group)) => crate::columns::ellipsize(&group.title, 40),
        Value::Activity(Some(activity)) => crate::columns::ellipsize(&activity.description, 40),
        Value::Group(None) | Value::Activity(None) => texts.conflict_removed.to_string(),
        Value::Raw(text) => crate::columns::ellipsize(text, 40),
    }
}
