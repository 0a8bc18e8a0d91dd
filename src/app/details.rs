//! The details form: every field of a group, or of the report's front matter and
//! introduction, one row each, to edit, add, delete and reorder.

use super::{App, Change, Needs, Then, step_within};
use crate::action::{Action, Pane};
use crate::edit::{Field, Front, List};
use crate::i18n::{Texts, fill};
use crate::model::{DocumentType, FORMAT, Report, StatedIn};

/// Whose details the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DetailsOf {
    Report,
    Group(usize),
}

/// Where the form stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Details {
    pub of: DetailsOf,
    pub row: usize,
    /// The pane to go back to.
    pub back_to: Pane,
}

/// What a row of the form holds and what its keys do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowKind {
    /// A heading between parts of the form; nothing to edit.
    Heading,
    /// Text to read, not to edit (where the source named a coordinator).
    Said,
    /// The file's format; Enter on format 1 asks to move it on to format 2.
    Format,
    /// A field; `item` is the list item it belongs to, for add, delete and move.
    Field { field: Field, item: Option<(List, usize)> },
    /// The group's document type; Enter switches it.
    DocumentType(usize),
    /// A choice of the front matter, holding its value; Enter moves to the next value.
    Front(Front),
    /// Whether the source states the group has no coordinator; Enter switches it.
    NoCoordinators(usize),
    /// The place to add a first or further item to a list.
    Add(List),
}

impl RowKind {
    /// Whether the selection stops on the row: not on headings or text to read.
    pub fn is_selectable(&self) -> bool {
        !matches!(self, RowKind::Heading | RowKind::Said)
    }

    /// What only format 2 holds that `action` on the row would change, if anything.
    fn needs(&self, action: &Action) -> Option<Needs> {
        let opens = matches!(action, Action::Open | Action::EditDescription | Action::Details);
        match self {
            RowKind::Field { field: Field::Note(..), .. } | RowKind::Add(List::Notes(..))
                if opens || *action == Action::AddItem =>
            {
                Some(Needs::Notes)
            }
            RowKind::Front(front) if opens => Some(Needs::of_front(*front)),
            RowKind::Field { field: Field::JobNumber, .. } if opens => Some(Needs::JobNumber),
            RowKind::NoCoordinators(_) if opens => Some(Needs::NoCoordinators),
            // The format row asks for itself (`open_format`), with nothing to go on to.
            _ => None,
        }
    }
}

/// One row: a label, the value as text, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub label: String,
    pub value: String,
    pub kind: RowKind,
}

/// The rows of the form for `of`, labelled in the language of `texts`.
pub fn rows(report: &Report, of: DetailsOf, texts: &Texts) -> Vec<Row> {
    let mut rows = Vec::new();
    let heading = |label: &str| Row {
        label: label.to_string(),
        value: String::new(),
        kind: RowKind::Heading,
    };
    let field = |label: String, field: Field, item: Option<(List, usize)>| Row {
        label,
        value: field.get(report).unwrap_or_default(),
        kind: RowKind::Field { field, item },
    };
    let add = |label: &str, list: List| Row {
        label: label.to_string(),
        value: String::new(),
        kind: RowKind::Add(list),
    };
    match of {
        DetailsOf::Report => {
            // Format 1 says which key moves it on; the screen puts in the key as bound.
            let format = if report.format < FORMAT {
                texts.format_1_value.to_string()
            } else {
                report.format.to_string()
            };
            rows.push(Row { label: texts.row_format.into(), value: format, kind: RowKind::Format });
            rows.push(heading(texts.row_front_matter));
            let labelled =
                |f: Field| field(f.front_matter_label(texts).unwrap_or("").into(), f, None);
            for f in [Field::Symbol, Field::Date, Field::Title, Field::Meeting, Field::Venue] {
                rows.push(labelled(f));
            }
            for front in Front::of(report) {
                let (label, value) = (front.label(texts).into(), front.value(texts).into());
                rows.push(Row { label, value, kind: RowKind::Front(front) });
            }
            rows.push(labelled(Field::JobNumber));
            rows.push(heading(texts.row_introduction));
            for (s, section) in report.introduction.iter().enumerate() {
                let item = Some((List::Sections, s));
                let label = fill(texts.row_section, &[("number", &(s + 1))]);
                rows.push(field(label, Field::Heading(s), item));
                for p in 0..section.paragraphs.len() {
                    let item = Some((List::Paragraphs(s), p));
                    rows.push(field(format!("  ¶ {}", p + 1), Field::Paragraph(s, p), item));
                    // The paragraph's notes, numbered among its own.
                    let notes = section.notes.iter().enumerate().filter(|(_, n)| n.paragraph == p);
                    for (k, (n, _)) in notes.enumerate() {
                        let label =
                            format!("    {}", fill(texts.row_note, &[("number", &(k + 1))]));
                        rows.push(field(label, Field::Note(s, n), Some((List::Notes(s, p), k))));
                    }
                    rows.push(add(&format!("    {}", texts.row_add_note), List::Notes(s, p)));
                }
                rows.push(add(&format!("  {}", texts.row_add_paragraph), List::Paragraphs(s)));
            }
            rows.push(add(texts.row_add_section, List::Sections));
        }
        DetailsOf::Group(g) => {
            let Some(group) = report.groups.get(g) else { return rows };
            rows.push(field(texts.row_title.into(), Field::GroupTitle(g), None));
            rows.push(field(texts.topic.into(), Field::GroupTopic(g), None));
            rows.push(Row {
                label: texts.row_document_type.into(),
                value: texts.document_type(group.document_type).to_string(),
                kind: RowKind::DocumentType(g),
            });
            rows.push(field(texts.general_objective.into(), Field::GeneralObjective(g), None));
            rows.push(heading(texts.specific_objectives));
            for i in 0..group.specific_objectives.len() {
                let item = Some((List::Objectives(g), i));
                rows.push(field(format!("  {}", i + 1), Field::SpecificObjective(g, i), item));
            }
            rows.push(add(&format!("  {}", texts.row_add_objective), List::Objectives(g)));
            rows.push(heading(texts.coordinators));
            for c in 0..group.coordinators.len() {
                let item = Some((List::Coordinators(g), c));
                let country = format!("  {}", fill(texts.row_country, &[("number", &(c + 1))]));
                rows.push(field(country, Field::Country(g, c), item));
                let institution = format!("    {}", texts.row_institution);
                rows.push(field(institution, Field::Institution(g, c), item));
                if let Some(StatedIn::ActivityRemarks(number)) = group.coordinators[c].stated_in {
                    rows.push(Row {
                        label: format!("    {}", texts.row_stated_in),
                        value: fill(texts.stated_in_remarks, &[("number", &number)]),
                        kind: RowKind::Said,
                    });
                }
            }
            rows.push(add(&format!("  {}", texts.row_add_coordinator), List::Coordinators(g)));
            let none = group.no_coordinators_stated;
            rows.push(Row {
                label: format!("  {}", texts.row_no_coordinators),
                value: if none { texts.no_coordinators_yes } else { texts.no_coordinators_no }
                    .into(),
                kind: RowKind::NoCoordinators(g),
            });
        }
    }
    rows
}

impl App {
    /// Opens the details form.
    pub(super) fn open_details(&mut self, of: DetailsOf) {
        let back_to = if self.view.focus == Pane::Details {
            self.view.details.back_to
        } else {
            self.view.focus
        };
        // On the first field: the format row above the front matter is one key up.
        let rows = rows(self.report(), of, self.texts());
        let row = rows.iter().position(|r| matches!(r.kind, RowKind::Field { .. })).unwrap_or(0);
        self.view.details = Details { of, row, back_to };
        self.view.focus = Pane::Details;
        self.move_details(1);
        self.move_details(-1);
    }

    /// The rows the form shows now.
    pub fn detail_rows(&self) -> Vec<Row> {
        rows(self.report(), self.view.details.of, self.texts())
    }

    /// Moves the selection, skipping headings.
    fn move_details(&mut self, delta: isize) {
        let rows = self.detail_rows();
        let mut at = step_within(self.view.details.row, delta, rows.len());
        while rows.get(at).is_some_and(|r| !r.kind.is_selectable()) {
            let next = if delta < 0 { at.checked_sub(1) } else { Some(at + 1) };
            match next.filter(|&n| n < rows.len()) {
                Some(n) => at = n,
                None => {
                    // A heading at the edge: go the other way to the nearest row.
                    at = rows.iter().position(|r| r.kind.is_selectable()).unwrap_or(0);
                    break;
                }
            }
        }
        self.view.details.row = at;
    }

    /// Keys of the details form; gives back the action when it is not one of them.
    pub(super) fn details_action(&mut self, action: Action) -> Option<Action> {
        let page = self.page();
        let row = self.detail_rows().get(self.view.details.row).cloned();
        // What only format 2 holds: a format-1 file asks to move on first, then goes on.
        if let Some(needs) = row.as_ref().and_then(|r| r.kind.needs(&action))
            && self.report().format < FORMAT
        {
            if !(self.refuse_if_read_only() || self.refuse_while_conflicted()) {
                self.ask_format_2(needs, Then::Details(action));
            }
            return None;
        }
        match action {
            Action::Up => self.move_details(-1),
            Action::Down => self.move_details(1),
            Action::PageUp => self.move_details(-page),
            Action::PageDown => self.move_details(page),
            Action::Home => self.move_details(isize::MIN / 2),
            Action::End => self.move_details(isize::MAX / 2),
            Action::Scroll(_, lines) => self.move_details(lines),
            Action::Back => self.view.focus = self.view.details.back_to,
            Action::Open | Action::EditDescription | Action::Details => match row.map(|r| r.kind) {
                Some(RowKind::Field { field, .. }) => self.edit_field(field),
                Some(RowKind::DocumentType(g)) => self.switch_document_type(g),
                Some(RowKind::Front(front)) => self.choose_front(front),
                Some(RowKind::NoCoordinators(g)) => self.switch_no_coordinators(g),
                Some(RowKind::Format) => self.open_format(),
                Some(RowKind::Add(list)) => self.add_item(list, list.len(self.report())),
                _ => {}
            },
            Action::AddItem => match row.map(|r| r.kind) {
                Some(RowKind::Field { item: Some((list, i)), .. }) => self.add_item(list, i + 1),
                Some(RowKind::Add(list)) => self.add_item(list, list.len(self.report())),
                _ => self.info(self.texts().choose_add),
            },
            Action::DeleteItem => match row.map(|r| r.kind) {
                Some(RowKind::Field { item: Some((list, i)), .. }) => self.ask_delete(list, i),
                _ => self.info(self.texts().only_list_items_delete),
            },
            Action::MoveUp | Action::MoveDown => {
                if let Some(RowKind::Field { item: Some((list, i)), .. }) = row.map(|r| r.kind) {
                    self.move_item(list, i, action == Action::MoveDown);
                    // Follow the item to its new place in the form.
                    let target =
                        if action == Action::MoveDown { i + 1 } else { i.saturating_sub(1) };
                    if let Some(at) = self.detail_rows().iter().position(|r| {
                        matches!(r.kind, RowKind::Field { item: Some((l, x)), .. } if l == list && x == target)
                    }) {
                        self.view.details.row = at;
                    }
                }
            }
            // The form has one list: keys that switch lists or panes do nothing here.
            Action::NextPane
            | Action::PrevPane
            | Action::Overview
            | Action::SortGroups
            | Action::SetThreshold => {}
            _ => return Some(action),
        }
        None
    }

    fn switch_document_type(&mut self, g: usize) {
        if self.refuse_while_conflicted() {
            return;
        }
        let Some(group) = self.report().groups.get(g) else { return };
        let from = group.document_type;
        let to = match from {
            DocumentType::RegionalStandard => DocumentType::Thematic,
            DocumentType::Thematic => DocumentType::RegionalStandard,
        };
        self.apply(Change::DocumentType { group: g, from, to });
    }

    /// Moves a choice of the front matter to its next value.
    fn choose_front(&mut self, from: Front) {
        if self.refuse_while_conflicted() {
            return;
        }
        self.apply(Change::Front { from, to: from.next() });
    }

    /// Switches whether the source states the group has no coordinator.
    fn switch_no_coordinators(&mut self, g: usize) {
        if self.refuse_while_conflicted() {
            return;
        }
        let Some(group) = self.report().groups.get(g) else { return };
        let to = !group.no_coordinators_stated;
        self.apply(Change::NoCoordinatorsStated { group: g, to });
    }
}
