//! The lists of a report whose items can be added, removed and moved, and the items
//! themselves; each addressed by position, as the file has no ids.

use super::Field;
use crate::i18n::{Texts, fill};
use crate::model::{Activity, Coordinator, DocumentType, Group, Note, Report, Section, numeral};

/// A list of the report whose items can be added, removed and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Sections,
    Paragraphs(usize),
    /// The notes of paragraph `.1` of section `.0` (format 2), in the order the section
    /// holds them; an index counts that paragraph's notes only.
    Notes(usize, usize),
    Groups,
    Objectives(usize),
    Coordinators(usize),
    Activities(usize),
}

/// An item of a list, kept whole so that removing it can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Section(Section),
    /// A paragraph with the texts of its notes, which go and come back with it.
    Paragraph(String, Vec<String>),
    /// A note's text; the list says whose paragraph it is.
    Note(String),
    Group(Box<Group>),
    Objective(String),
    Coordinator(Coordinator),
    Activity(Activity),
}

impl List {
    pub fn len(self, report: &Report) -> usize {
        match self {
            List::Sections => report.introduction.len(),
            List::Paragraphs(s) => report.introduction.get(s).map_or(0, |x| x.paragraphs.len()),
            List::Notes(s, p) => report.introduction.get(s).map_or(0, |x| x.notes_of(p).count()),
            List::Groups => report.groups.len(),
            List::Objectives(g) => report.groups.get(g).map_or(0, |x| x.specific_objectives.len()),
            List::Coordinators(g) => report.groups.get(g).map_or(0, |x| x.coordinators.len()),
            List::Activities(g) => report.groups.get(g).map_or(0, |x| x.activities.len()),
        }
    }

    /// Inserts `item` at `index`; an item of another kind than the list's is ignored.
    pub fn insert(self, report: &mut Report, index: usize, item: Item) {
        fn put<T>(list: Option<&mut Vec<T>>, index: usize, item: T) {
            if let Some(list) = list {
                list.insert(index.min(list.len()), item);
            }
        }
        let groups = &mut report.groups;
        match (self, item) {
            (List::Sections, Item::Section(x)) => put(Some(&mut report.introduction), index, x),
            (List::Paragraphs(s), Item::Paragraph(x, notes)) => {
                if let Some(section) = report.introduction.get_mut(s) {
                    let index = index.min(section.paragraphs.len());
                    section.paragraphs.insert(index, x);
                    // The notes stay with their paragraphs as the ones after move down.
                    section.notes.iter_mut().filter(|n| n.paragraph >= index).for_each(|n| {
                        n.paragraph += 1;
                    });
                    let notes = notes.into_iter().map(|text| Note { paragraph: index, text });
                    section.notes.extend(notes);
                    section.notes.sort_by_key(|n| n.paragraph);
                }
            }
            (List::Notes(s, p), Item::Note(text)) => {
                if let Some(section) = report.introduction.get_mut(s) {
                    let at = note_slot(section, p, index);
                    section.notes.insert(at, Note { paragraph: p, text });
                }
            }
            (List::Groups, Item::Group(x)) => groups.insert(index.min(groups.len()), *x),
            (List::Objectives(g), Item::Objective(x)) => {
                put(groups.get_mut(g).map(|g| &mut g.specific_objectives), index, x)
            }
            (List::Coordinators(g), Item::Coordinator(x)) => {
                put(groups.get_mut(g).map(|g| &mut g.coordinators), index, x)
            }
            (List::Activities(g), Item::Activity(x)) => {
                put(groups.get_mut(g).map(|g| &mut g.activities), index, x)
            }
            _ => {}
        }
    }

    /// Removes and returns the item at `index`.
    pub fn remove(self, report: &mut Report, index: usize) -> Option<Item> {
        fn take<T>(list: Option<&mut Vec<T>>, index: usize) -> Option<T> {
            let list = list?;
            (index < list.len()).then(|| list.remove(index))
        }
        let groups = &mut report.groups;
        Some(match self {
            List::Sections => Item::Section(take(Some(&mut report.introduction), index)?),
            List::Paragraphs(s) => {
                let section = report.introduction.get_mut(s)?;
                let text = take(Some(&mut section.paragraphs), index)?;
                let (mine, others) = std::mem::take(&mut section.notes)
                    .into_iter()
                    .partition::<Vec<_>, _>(|n| n.paragraph == index);
                section.notes = others;
                section.notes.iter_mut().filter(|n| n.paragraph > index).for_each(|n| {
                    n.paragraph -= 1;
                });
                Item::Paragraph(text, mine.into_iter().map(|n| n.text).collect())
            }
            List::Notes(s, p) => {
                let section = report.introduction.get_mut(s)?;
                let at = note_index(section, p, index)?;
                Item::Note(section.notes.remove(at).text)
            }
            List::Groups => {
                Item::Group(Box::new((index < groups.len()).then(|| groups.remove(index))?))
            }
            List::Objectives(g) => {
                Item::Objective(take(groups.get_mut(g).map(|g| &mut g.specific_objectives), index)?)
            }
            List::Coordinators(g) => {
                Item::Coordinator(take(groups.get_mut(g).map(|g| &mut g.coordinators), index)?)
            }
            List::Activities(g) => {
                Item::Activity(take(groups.get_mut(g).map(|g| &mut g.activities), index)?)
            }
        })
    }

    /// Moves the item at `from` to `to`.
    pub fn shift(self, report: &mut Report, from: usize, to: usize) {
        if let Some(item) = self.remove(report, from) {
            self.insert(report, to, item);
        }
    }

    /// The item's name for messages: "activity VIII.7", "group II".
    pub fn describe(self, index: usize, texts: &Texts) -> String {
        let number = index + 1;
        let of_group = |template: &str, g: usize| {
            fill(template, &[("numeral", &numeral(g + 1)), ("number", &number)])
        };
        match self {
            List::Sections => fill(texts.item_section, &[("number", &number)]),
            List::Paragraphs(s) => {
                fill(texts.item_paragraph, &[("number", &number), ("section", &(s + 1))])
            }
            List::Notes(s, p) => fill(
                texts.item_note,
                &[("number", &number), ("paragraph", &(p + 1)), ("section", &(s + 1))],
            ),
            List::Groups => fill(texts.item_group, &[("numeral", &numeral(number))]),
            List::Objectives(g) => of_group(texts.item_objective, g),
            List::Coordinators(g) => of_group(texts.item_coordinator, g),
            List::Activities(g) => {
                let place = format!("{}.{number}", numeral(g + 1));
                fill(texts.item_activity, &[("place", &place)])
            }
        }
    }

    /// The text that names item `index` to the user: an activity's description, a group's
    /// title, a coordinator's country, a section's heading, the text of the rest.
    pub fn text(self, report: &Report, index: usize) -> Option<String> {
        let field = match self {
            List::Sections => Field::Heading(index),
            List::Paragraphs(s) => Field::Paragraph(s, index),
            List::Notes(s, p) => Field::Note(s, note_index(report.introduction.get(s)?, p, index)?),
            List::Groups => Field::GroupTitle(index),
            List::Objectives(g) => Field::SpecificObjective(g, index),
            List::Coordinators(g) => Field::Country(g, index),
            List::Activities(g) => Field::Description(g, index),
        };
        field.get(report).filter(|text| !text.trim().is_empty())
    }

    /// The group this list belongs to, if any.
    pub fn group(self) -> Option<usize> {
        match self {
            List::Objectives(g) | List::Coordinators(g) | List::Activities(g) => Some(g),
            _ => None,
        }
    }
}

/// A new item of `list` made from the text the user typed for its first field, placed
/// after the item at `after`.
pub fn new_item(list: List, text: String, report: &Report, after: Option<usize>) -> Item {
    match list {
        List::Sections => Item::Section(Section {
            heading: Some(text),
            paragraphs: Vec::new(),
            notes: Vec::new(),
        }),
        List::Paragraphs(_) => Item::Paragraph(text, Vec::new()),
        List::Notes(..) => Item::Note(text),
        List::Groups => Item::Group(Box::new(Group {
            title: text.clone(),
            topic: text,
            document_type: DocumentType::Thematic,
            general_objective: String::new(),
            specific_objectives: Vec::new(),
            coordinators: Vec::new(),
            no_coordinators_stated: false,
            activities: Vec::new(),
        })),
        List::Objectives(_) => Item::Objective(text),
        List::Coordinators(_) => Item::Coordinator(Coordinator::new(text, String::new())),
        List::Activities(g) => {
            // A new activity joins the topic of the one it follows, as the source's merged
            // topic cells do.
            let topic = after.and_then(|a| report.activity(g, a)).and_then(|a| a.topic.clone());
            Item::Activity(Activity {
                topic,
                description: text,
                progress: crate::model::Progress::ZERO,
                remarks: String::new(),
            })
        }
    }
}

/// Whether the first field of a new item of `list` may not be empty.
pub fn first_field_required(list: List) -> bool {
    matches!(list, List::Notes(..) | List::Groups | List::Coordinators(_) | List::Activities(_))
}

/// Where in the section's notes the `index`th note of paragraph `paragraph` is.
fn note_index(section: &Section, paragraph: usize, index: usize) -> Option<usize> {
    section
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.paragraph == paragraph)
        .nth(index)
        .map(|(i, _)| i)
}

/// Where in the section's notes a note of `paragraph` goes to be that paragraph's `index`th:
/// before the one there now, else after the paragraph's last, else before the first note of
/// a later paragraph, so the notes stay in the order of their paragraphs.
fn note_slot(section: &Section, paragraph: usize, index: usize) -> usize {
    let notes = &section.notes;
    note_index(section, paragraph, index)
        .or_else(|| notes.iter().rposition(|n| n.paragraph == paragraph).map(|i| i + 1))
        .or_else(|| notes.iter().position(|n| n.paragraph > paragraph))
        .unwrap_or(notes.len())
}
