//! The text fields of a report, each addressed by position, as the file has no ids.

use crate::i18n::{Texts, fill};
use crate::model::{Report, numeral};

/// A text field of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Symbol,
    Date,
    Title,
    Meeting,
    Venue,
    /// The job number on the cover (format 2); empty means none.
    JobNumber,
    /// A section's heading; empty means none.
    Heading(usize),
    Paragraph(usize, usize),
    /// A note of a section (format 2), by its place in the section's notes.
    Note(usize, usize),
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
    /// The field's text, borrowed; an absent optional field is empty.
    pub fn text(self, report: &Report) -> Option<&str> {
        let group = |g: usize| report.groups.get(g);
        let activity = |g: usize, a: usize| report.activity(g, a);
        Some(match self {
            Field::Symbol => &report.symbol,
            Field::Date => &report.date,
            Field::Title => &report.title,
            Field::Meeting => &report.meeting,
            Field::Venue => &report.venue,
            Field::JobNumber => report.job_number.as_deref().unwrap_or(""),
            Field::Heading(s) => report.introduction.get(s)?.heading.as_deref().unwrap_or(""),
            Field::Paragraph(s, p) => report.introduction.get(s)?.paragraphs.get(p)?,
            Field::Note(s, n) => &report.introduction.get(s)?.notes.get(n)?.text,
            Field::GroupTitle(g) => &group(g)?.title,
            Field::GroupTopic(g) => &group(g)?.topic,
            Field::GeneralObjective(g) => &group(g)?.general_objective,
            Field::SpecificObjective(g, i) => group(g)?.specific_objectives.get(i)?,
            Field::Country(g, c) => &group(g)?.coordinators.get(c)?.country,
            Field::Institution(g, c) => &group(g)?.coordinators.get(c)?.institution,
            Field::Description(g, a) => &activity(g, a)?.description,
            Field::ActivityTopic(g, a) => activity(g, a)?.topic.as_deref().unwrap_or(""),
            Field::Remarks(g, a) => &activity(g, a)?.remarks,
        })
    }

    pub fn get(self, report: &Report) -> Option<String> {
        self.text(report).map(str::to_string)
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
            Field::JobNumber => {
                report.job_number = optional(value);
                return;
            }
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
            Field::Note(s, n) => {
                report.introduction.get_mut(s).and_then(|x| x.notes.get_mut(n)).map(|n| &mut n.text)
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
                | Field::Note(..)
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
        matches!(self, Field::JobNumber | Field::Heading(_) | Field::ActivityTopic(..))
    }

    /// Whether the field belongs to an activity.
    pub fn is_of_activity(self) -> bool {
        matches!(self, Field::Description(..) | Field::ActivityTopic(..) | Field::Remarks(..))
    }

    /// The group the field belongs to, if any.
    pub fn group(self) -> Option<usize> {
        match self {
            Field::GroupTitle(g)
            | Field::GroupTopic(g)
            | Field::GeneralObjective(g)
            | Field::SpecificObjective(g, _)
            | Field::Country(g, _)
            | Field::Institution(g, _)
            | Field::Description(g, _)
            | Field::ActivityTopic(g, _)
            | Field::Remarks(g, _) => Some(g),
            _ => None,
        }
    }

    /// The activity (group, activity) the field belongs to, if any.
    pub fn activity(self) -> Option<(usize, usize)> {
        self.is_of_activity().then(|| self.place()).flatten()
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

    /// A front-matter field's name as the details form labels it: "Title", "Título".
    pub fn front_matter_label(self, texts: &Texts) -> Option<&'static str> {
        Some(match self {
            Field::Symbol => texts.row_symbol,
            Field::Date => texts.row_date,
            Field::Title => texts.row_title,
            Field::Meeting => texts.row_meeting,
            Field::Venue => texts.row_venue,
            Field::JobNumber => texts.row_job_number,
            _ => return None,
        })
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
            Field::JobNumber => texts.field_job_number.into(),
            Field::Heading(s) => fill(texts.field_heading, &[("section", &(s + 1))]),
            Field::Paragraph(s, p) => {
                fill(texts.field_paragraph, &[("number", &(p + 1)), ("section", &(s + 1))])
            }
            Field::Note(s, n) => {
                fill(texts.field_note, &[("number", &(n + 1)), ("section", &(s + 1))])
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
