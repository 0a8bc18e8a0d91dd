//! A `Change`: one edit of the report that knows how to make and revert itself, where it
//! happened and how to say it.

use super::{Field, Front, Item, List};
use crate::i18n::{Texts, fill};
use crate::model::{DocumentType, Progress, Report, Review, numeral};

/// One edit of the report, with what was there before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Progress {
        group: usize,
        activity: usize,
        from: Progress,
        to: Progress,
    },
    Text {
        field: Field,
        from: String,
        to: String,
    },
    DocumentType {
        group: usize,
        from: DocumentType,
        to: DocumentType,
    },
    /// A choice of the front matter (format 2) given another value.
    Front {
        from: Front,
        to: Front,
    },
    /// Whether the source states that a group has no coordinator (format 2), set to `to`.
    NoCoordinatorsStated {
        group: usize,
        to: bool,
    },
    /// The file moved on to another format: format 1 to 2, so it can hold what needs 2.
    Format {
        from: u32,
        to: u32,
    },
    Insert {
        list: List,
        index: usize,
        item: Item,
    },
    Remove {
        list: List,
        index: usize,
        item: Item,
    },
    Move {
        list: List,
        from: usize,
        to: usize,
    },
    /// Several changes made and undone as one, in order (and back in reverse): one
    /// activity's changes taken from a returned sheet, say.
    Several(Vec<Change>),
    /// The whole report at once: restoring unsaved edits from the recovery file.
    Whole {
        from: Box<Report>,
        to: Box<Report>,
    },
    /// A finding of the checks marked reviewed (`label`: its place and rule), the report's
    /// reviews before and after.
    Reviews {
        label: String,
        from: Vec<Review>,
        to: Vec<Review>,
    },
    /// A conflict from a merge resolved (the `conflict`th of the file, `label` its place):
    /// with `change` where the value kept is not the one the report holds already.
    Resolve {
        conflict: usize,
        label: String,
        choice: Choice,
        change: Option<Box<Change>>,
    },
}

/// Which version of a conflicting field was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Ours,
    Theirs,
    Edited,
}

/// How much of the report a change can affect, for keeping derived figures current.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Group(usize),
    All,
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
            Change::Text { field, from, to } => {
                field.set(report, if forward { to } else { from }.clone());
            }
            Change::DocumentType { group, from, to } => {
                if let Some(g) = report.groups.get_mut(*group) {
                    g.document_type = if forward { *to } else { *from };
                }
            }
            Change::Front { from, to } => if forward { to } else { from }.put(report),
            Change::NoCoordinatorsStated { group, to } => {
                if let Some(g) = report.groups.get_mut(*group) {
                    g.no_coordinators_stated = *to == forward;
                }
            }
            Change::Format { from, to } => report.format = if forward { *to } else { *from },
            Change::Insert { list, index, item } | Change::Remove { list, index, item } => {
                let inserting = matches!(self, Change::Insert { .. }) == forward;
                if inserting {
                    list.insert(report, *index, item.clone());
                } else {
                    list.remove(report, *index);
                }
            }
            Change::Move { list, from, to } => {
                let (a, b) = if forward { (*from, *to) } else { (*to, *from) };
                list.shift(report, a, b);
            }
            Change::Several(changes) if forward => {
                changes.iter().for_each(|c| c.apply(report, true));
            }
            Change::Several(changes) => changes.iter().rev().for_each(|c| c.apply(report, false)),
            Change::Whole { from, to } => {
                *report = if forward { to } else { from }.as_ref().clone();
            }
            Change::Resolve { change, .. } => {
                if let Some(change) = change {
                    change.apply(report, forward);
                }
            }
            Change::Reviews { from, to, .. } => {
                report.reviews = if forward { to } else { from }.clone();
            }
        }
    }

    /// The group and activity to show after the change is made or undone, if any.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            Change::Progress { group, activity, .. } => Some((*group, *activity)),
            Change::Text { field, .. } => field.place(),
            Change::DocumentType { group, .. } | Change::NoCoordinatorsStated { group, .. } => {
                Some((*group, 0))
            }
            Change::Front { .. } | Change::Format { .. } => None,
            Change::Insert { list, index, .. } | Change::Remove { list, index, .. } => {
                list_place(*list, *index)
            }
            Change::Move { list, to, .. } => list_place(*list, *to),
            Change::Several(changes) => changes.iter().find_map(Change::place),
            Change::Whole { .. } | Change::Reviews { .. } => None,
            Change::Resolve { change, .. } => change.as_ref().and_then(|c| c.place()),
        }
    }

    /// The part of the report whose derived figures the change can affect.
    pub fn scope(&self) -> Scope {
        match self {
            Change::Progress { group, .. } => Scope::Group(*group),
            Change::Insert { list, .. }
            | Change::Remove { list, .. }
            | Change::Move { list, .. } => match list {
                List::Activities(g) => Scope::Group(*g),
                _ => Scope::All,
            },
            // Text and document types move no figure of a group; the overview's split by
            // type is computed as it is drawn.
            Change::Text { .. } | Change::DocumentType { .. } => Scope::All,
            Change::Front { .. } | Change::NoCoordinatorsStated { .. } | Change::Format { .. } => {
                Scope::All
            }
            // One group's when all are that group's.
            Change::Several(changes) => {
                let mut scopes = changes.iter().map(Change::scope);
                match scopes.next() {
                    Some(Scope::Group(g)) if scopes.all(|s| s == Scope::Group(g)) => {
                        Scope::Group(g)
                    }
                    _ => Scope::All,
                }
            }
            Change::Whole { .. } | Change::Reviews { .. } => Scope::All,
            Change::Resolve { change, .. } => change.as_ref().map_or(Scope::All, |c| c.scope()),
        }
    }

    /// What the change did, for the footer ("changed progress of VIII.7: 8% → 40%").
    pub fn describe(&self, texts: &Texts) -> String {
        match self {
            Change::Progress { group, activity, from, to } => {
                let place = format!("{}.{}", numeral(group + 1), activity + 1);
                fill(texts.change_progress, &[("place", &place), ("from", from), ("to", to)])
            }
            Change::Text { field, .. } => {
                fill(texts.change_text, &[("field", &field.describe(texts))])
            }
            Change::DocumentType { group, to, .. } => fill(
                texts.change_document_type,
                &[("numeral", &numeral(group + 1)), ("type", &texts.document_type(*to))],
            ),
            Change::Front { to, .. } => fill(
                texts.change_front,
                &[("field", &to.label(texts).to_lowercase()), ("value", &to.value(texts))],
            ),
            Change::NoCoordinatorsStated { group, to } => fill(
                if *to { texts.change_no_coordinators } else { texts.change_coordinators_listed },
                &[("numeral", &numeral(group + 1))],
            ),
            Change::Format { to, .. } => fill(texts.change_format, &[("format", to)]),
            Change::Insert { list, index, .. } => {
                fill(texts.change_insert, &[("item", &list.describe(*index, texts))])
            }
            Change::Remove { list, index, .. } => {
                fill(texts.change_remove, &[("item", &list.describe(*index, texts))])
            }
            Change::Move { list, from, to } => fill(
                texts.change_move,
                &[("item", &list.describe(*from, texts)), ("position", &(to + 1))],
            ),
            Change::Several(changes) => {
                changes.iter().map(|c| c.describe(texts)).collect::<Vec<_>>().join("; ")
            }
            Change::Whole { .. } => texts.change_whole.to_string(),
            Change::Reviews { label, .. } => fill(texts.change_reviewed, &[("finding", label)]),
            Change::Resolve { label, choice, .. } => {
                let kept = match choice {
                    Choice::Ours => texts.conflict_ours,
                    Choice::Theirs => texts.conflict_theirs,
                    Choice::Edited => texts.conflict_edited,
                };
                fill(texts.change_resolve, &[("place", label), ("kept", &kept)])
            }
        }
    }
}

fn list_place(list: List, index: usize) -> Option<(usize, usize)> {
    match list {
        List::Activities(g) => Some((g, index)),
        List::Groups => Some((index, 0)),
        List::Objectives(g) | List::Coordinators(g) => Some((g, 0)),
        List::Sections | List::Paragraphs(_) | List::Notes(..) => None,
    }
}
