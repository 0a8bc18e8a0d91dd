//! The parts of a report the editors change: text fields, and lists whose items can be
//! added, removed and moved. Each is addressed by position, as the file has no ids.

use crate::i18n::{Texts, fill};
use crate::model::{Activity, Coordinator, DocumentType, Group, Report, Section, numeral};

/// A text field of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Symbol,
    Date,
    Title,
    Meeting,
    Venue,
    /// A section's heading; empty means none.
    Heading(usize),
    Paragraph(usize, usize),
    GroupTitle(usize),
    GroupTopic(usize),
    GeneralObjective(usize),
    SpecificObjective(usize, usize),
    Country(usize, usize),
    Institution(usize, usize),
    Description(usize, usize),
    /// An activity's topic; empty means none.
    ActivityTopic(usize, usize),
    Remarks(usize, usize),
}

impl Field {
    pub fn get(self, report: &Report) -> Option<String> {
        let group = |g: usize| report.groups.get(g);
        let activity = |g: usize, a: usize| report.activity(g, a);
        Some(match self {
            Field::Symbol => report.symbol.clone(),
            Field::Date => report.date.clone(),
            Field::Title => report.title.clone(),
            Field::Meeting => report.meeting.clone(),
            Field::Venue => report.venue.clone(),
            Field::Heading(s) => report.introduction.get(s)?.heading.clone().unwrap_or_default(),
            Field::Paragraph(s, p) => report.introduction.get(s)?.paragraphs.get(p)?.clone(),
            Field::GroupTitle(g) => group(g)?.title.clone(),
            Field::GroupTopic(g) => group(g)?.topic.clone(),
            Field::GeneralObjective(g) => group(g)?.general_objective.clone(),
            Field::SpecificObjective(g, i) => group(g)?.specific_objectives.get(i)?.clone(),
            Field::Country(g, c) => group(g)?.coordinators.get(c)?.country.clone(),
            Field::Institution(g, c) => group(g)?.coordinators.get(c)?.institution.clone(),
            Field::Description(g, a) => activity(g, a)?.description.clone(),
            Field::ActivityTopic(g, a) => activity(g, a)?.topic.clone().unwrap_or_default(),
            Field::Remarks(g, a) => activity(g, a)?.remarks.clone(),
        })
    }

    /// Puts `value` in the field; an empty optional field becomes `None`.
    pub fn set(self, report: &mut Report, value: String) {
        let optional = |v: String| (!v.trim().is_empty()).then_some(v);
        let slot: Option<&mut String> = match self {
            Field::Symbol => Some(&mut report.symbol),
            Field::Date => Some(&mut report.date),
            Field::Title => Some(&mut report.title),
            Field::Meeting => Some(&mut report.meeting),
            Field::Venue => Some(&mut report.venue),
            Field::Heading(s) => {
                if let Some(section) = report.introduction.get_mut(s) {
                    section.heading = optional(value);
                }
                return;
            }
            Field::ActivityTopic(g, a) => {
                if let Some(activity) = report.activity_mut(g, a) {
                    activity.topic = optional(value);
                }
                return;
            }
            Field::Paragraph(s, p) => {
                report.introduction.get_mut(s).and_then(|x| x.paragraphs.get_mut(p))
            }
            Field::GroupTitle(g) => report.groups.get_mut(g).map(|x| &mut x.title),
            Field::GroupTopic(g) => report.groups.get_mut(g).map(|x| &mut x.topic),
            Field::GeneralObjective(g) => {
                report.groups.get_mut(g).map(|x| &mut x.general_objective)
            }
            Field::SpecificObjective(g, i) => {
                report.groups.get_mut(g).and_then(|x| x.specific_objectives.get_mut(i))
            }
            Field::Country(g, c) => report
                .groups
                .get_mut(g)
                .and_then(|x| x.coordinators.get_mut(c))
                .map(|c| &mut c.country),
            Field::Institution(g, c) => report
                .groups
                .get_mut(g)
                .and_then(|x| x.coordinators.get_mut(c))
                .map(|c| &mut c.institution),
            Field::Description(g, a) => report.activity_mut(g, a).map(|x| &mut x.description),
            Field::Remarks(g, a) => report.activity_mut(g, a).map(|x| &mut x.remarks),
        };
        if let Some(slot) = slot {
            *slot = value;
        }
    }

    /// Whether the field may not be empty (the validator's rule, checked as the user types).
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Field::Symbol
                | Field::Title
                | Field::GroupTitle(_)
                | Field::GroupTopic(_)
                | Field::Country(..)
                | Field::Description(..)
        )
    }

    /// Whether the field holds paragraphs (Enter makes a new line) rather than one line
    /// (Enter applies). Only remarks do: the introduction's paragraphs are items of their
    /// own, added with `a`.
    pub fn is_multiline(self) -> bool {
        matches!(self, Field::Remarks(..))
    }

    /// Whether the field may be left out (`None` in the file) when blank.
    pub fn is_optional(self) -> bool {
        matches!(self, Field::Heading(_) | Field::ActivityTopic(..))
    }

    /// Whether the field belongs to an activity.
    pub fn is_of_activity(self) -> bool {
        matches!(self, Field::Description(..) | Field::ActivityTopic(..) | Field::Remarks(..))
    }

    /// The group and activity the field belongs to, for selecting it after undo.
    pub fn place(self) -> Option<(usize, usize)> {
        match self {
            Field::Description(g, a) | Field::ActivityTopic(g, a) | Field::Remarks(g, a) => {
                Some((g, a))
            }
            Field::GroupTitle(g)
            | Field::GroupTopic(g)
            | Field::GeneralObjective(g)
            | Field::SpecificObjective(g, _)
            | Field::Country(g, _)
            | Field::Institution(g, _) => Some((g, 0)),
            _ => None,
        }
    }

    /// The field's name for messages: "remarks of VIII.7", "title of group II".
    pub fn describe(self, texts: &Texts) -> String {
        let place = |g: usize, a: usize| format!("{}.{}", numeral(g + 1), a + 1);
        let of_group = |template: &str, g: usize, number: usize| {
            fill(template, &[("numeral", &numeral(g + 1)), ("number", &(number + 1))])
        };
        let of_place =
            |template: &str, g: usize, a: usize| fill(template, &[("place", &place(g, a))]);
        match self {
            Field::Symbol => texts.field_symbol.into(),
            Field::Date => texts.field_date.into(),
            Field::Title => texts.field_report_title.into(),
            Field::Meeting => texts.field_meeting.into(),
            Field::Venue => texts.field_venue.into(),
            Field::Heading(s) => fill(texts.field_heading, &[("section", &(s + 1))]),
            Field::Paragraph(s, p) => {
                fill(texts.field_paragraph, &[("number", &(p + 1)), ("section", &(s + 1))])
            }
            Field::GroupTitle(g) => of_group(texts.field_group_title, g, 0),
            Field::GroupTopic(g) => of_group(texts.field_group_topic, g, 0),
            Field::GeneralObjective(g) => of_group(texts.field_general_objective, g, 0),
            Field::SpecificObjective(g, i) => of_group(texts.field_specific_objective, g, i),
            Field::Country(g, c) => of_group(texts.field_country, g, c),
            Field::Institution(g, c) => of_group(texts.field_institution, g, c),
            Field::Description(g, a) => of_place(texts.field_description, g, a),
            Field::ActivityTopic(g, a) => of_place(texts.field_activity_topic, g, a),
            Field::Remarks(g, a) => of_place(texts.field_remarks, g, a),
        }
    }
}

/// A list of the report whose items can be added, removed and moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Sections,
    Paragraphs(usize),
    Groups,
    Objectives(usize),
    Coordinators(usize),
    Activities(usize),
}

/// An item of a list, kept whole so that removing it can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Section(Section),
    Paragraph(String),
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
            (List::Paragraphs(s), Item::Paragraph(x)) => {
                put(report.introduction.get_mut(s).map(|s| &mut s.paragraphs), index, x)
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
            List::Paragraphs(s) => Item::Paragraph(take(
                report.introduction.get_mut(s).map(|s| &mut s.paragraphs),
                index,
            )?),
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
            List::Groups => fill(texts.item_group, &[("numeral", &numeral(number))]),
            List::Objectives(g) => of_group(texts.item_objective, g),
            List::Coordinators(g) => of_group(texts.item_coordinator, g),
            List::Activities(g) => {
                let place = format!("{}.{number}", numeral(g + 1));
                fill(texts.item_activity, &[("place", &place)])
            }
        }
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
        List::Sections => Item::Section(Section { heading: Some(text), paragraphs: Vec::new() }),
        List::Paragraphs(_) => Item::Paragraph(text),
        List::Groups => Item::Group(Box::new(Group {
            title: text.clone(),
            topic: text,
            document_type: DocumentType::Thematic,
            general_objective: String::new(),
            specific_objectives: Vec::new(),
            coordinators: Vec::new(),
            activities: Vec::new(),
        })),
        List::Objectives(_) => Item::Objective(text),
        List::Coordinators(_) => {
            Item::Coordinator(Coordinator { country: text, institution: String::new() })
        }
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
    matches!(list, List::Groups | List::Coordinators(_) | List::Activities(_))
}
