//! What the Markdown and HTML exports share: the parts of the source document's layout
//! (headings, anchors, labels) and the reading of the stored text (dates, paragraphs; its
//! emphasis is read by `crate::emphasis`). Nothing here writes a format.

use crate::format::{MONTHS, MONTHS_ES};
use crate::model::{Coordinator, Report, StatedIn};
use crate::model::{Group, numeral};

/// The heading of the contents list.
pub const CONTENTS: &str = "Contents";
/// The heading of the introduction.
pub const INTRODUCTION: &str = "Introduction";
/// The heading of the section that wgtrack adds after the introduction.
pub const SUMMARY: &str = "Summary of progress";
/// What the summary section says of itself, so no one takes it for part of the source.
pub const SUMMARY_NOTE: &str = "Computed by wgtrack from the activity tables below; \
                                not part of the original document. A group's progress is \
                                the mean of its activities' progress; the programme's, the \
                                mean over all activities.";
/// The first subheading of a group.
pub const OBJECTIVES: &str = "1. Objectives";
pub const GENERAL_OBJECTIVE: &str = "General objective";
pub const SPECIFIC_OBJECTIVES: &str = "Specific objectives";
/// Said under the coordinators' heading when the report names none.
pub const NOT_STATED: &str = "Not stated";
/// The headers of a group's activity table.
pub const NO: &str = "No.";
pub const TOPIC: &str = "Topic";
pub const ACTIVITY: &str = "Activity";
pub const PROGRESS: &str = "Progress (percentages)";
pub const REMARKS: &str = "Remarks";

/// The fixed words of a document export, in the report's language (the report does not
/// store it: `check::language_of` reads it from the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub contents: &'static str,
    pub introduction: &'static str,
    pub summary: &'static str,
    pub summary_note: &'static str,
    pub objectives: &'static str,
    pub general_objective: &'static str,
    pub specific_objectives: &'static str,
    pub coordinating_country: &'static str,
    pub coordinating_countries: &'static str,
    pub not_stated: &'static str,
    pub no: &'static str,
    pub topic: &'static str,
    pub activity: &'static str,
    pub progress: &'static str,
    pub remarks: &'static str,
    /// The language line of the front matter.
    pub original: &'static str,
    /// The language's code, for HTML's `lang`.
    pub code: &'static str,
    /// The months, as dates are written in the language.
    pub months: &'static [&'static str; 12],
    /// A date: `{day}`, `{month}`, `{year}`.
    pub date: &'static str,
    /// Where a coordinator named outside the coordinator section was named: `{number}`.
    pub from_remarks: &'static str,
    /// The front matter's words before the distribution and the job number.
    pub distribution: &'static str,
    pub original_prefix: &'static str,
    /// The heading of the notes, where a document lists them.
    pub notes: &'static str,
    /// The language the words are in, to name languages in it.
    pub language: crate::model::Language,
}

pub const ENGLISH: Words = Words {
    contents: CONTENTS,
    introduction: INTRODUCTION,
    summary: SUMMARY,
    summary_note: SUMMARY_NOTE,
    objectives: OBJECTIVES,
    general_objective: GENERAL_OBJECTIVE,
    specific_objectives: SPECIFIC_OBJECTIVES,
    coordinating_country: "2. Coordinating country",
    coordinating_countries: "2. Coordinating countries",
    not_stated: NOT_STATED,
    no: NO,
    topic: TOPIC,
    activity: ACTIVITY,
    progress: PROGRESS,
    remarks: REMARKS,
    original: "ORIGINAL: ENGLISH",
    code: "en",
    months: &MONTHS,
    date: "{day} {month} {year}",
    from_remarks: "(from the remarks of activity {number})",
    distribution: "Distr.",
    original_prefix: "ORIGINAL:",
    notes: "Notes",
    language: crate::model::Language::English,
};

pub const SPANISH: Words = Words {
    contents: "Índice",
    introduction: "Introducción",
    summary: "Resumen del avance",
    summary_note: "Calculado por wgtrack a partir de los cuadros de actividades; no forma \
                   parte del documento original. El avance de un grupo es el promedio del \
                   avance de sus actividades; el del programa, el promedio de todas las \
                   actividades.",
    objectives: "1. Objetivos",
    general_objective: "Objetivo general",
    specific_objectives: "Objetivos específicos",
    coordinating_country: "2. País coordinador",
    coordinating_countries: "2. Países coordinadores",
    not_stated: "No se indica",
    no: "N.º",
    topic: "Tema",
    activity: "Actividad",
    progress: "Avance (porcentajes)",
    remarks: "Observaciones",
    original: "ORIGINAL: ESPAÑOL",
    code: "es",
    months: &MONTHS_ES,
    date: "{day} de {month} de {year}",
    from_remarks: "(según las observaciones de la actividad {number})",
    distribution: "Distr.",
    original_prefix: "ORIGINAL:",
    notes: "Notas",
    language: crate::model::Language::Spanish,
};

/// The fixed words for `report`, in its language: the one it states (format 2), else the
/// one its text is written in.
pub fn words(report: &crate::model::Report) -> &'static Words {
    match report.language {
        Some(crate::model::Language::Spanish) => return &SPANISH,
        Some(crate::model::Language::English) => return &ENGLISH,
        _ => {}
    }
    match crate::check::language_of(report) {
        crate::check::Language::English => &ENGLISH,
        crate::check::Language::Spanish => &SPANISH,
    }
}

impl Words {
    /// The date as shown in this language: formatted when it is an ISO date, else as
    /// stored.
    pub fn display_date(&self, iso: &str) -> String {
        match date_parts(iso) {
            Some((day, month, year)) => self
                .date
                .replace("{day}", &day.to_string())
                .replace("{month}", self.months[month - 1])
                .replace("{year}", &year.to_string()),
            None => iso.to_string(),
        }
    }

    /// What follows a coordinator the source names elsewhere than in the coordinator
    /// section, so no one reads it as the section's: "(from the remarks of activity 1)".
    pub fn stated_in(&self, coordinator: &Coordinator) -> Option<String> {
        match coordinator.stated_in? {
            StatedIn::ActivityRemarks(number) => {
                Some(self.from_remarks.replace("{number}", &number.to_string()))
            }
        }
    }

    /// The distribution line of the cover, where the report states it: "Distr. LIMITED".
    pub fn distribution_line(&self, report: &Report) -> Option<String> {
        report.distribution.map(|d| format!("{} {}", self.distribution, d.word()))
    }

    /// The cover's language lines ("ENGLISH", "ORIGINAL: SPANISH"); without the stated
    /// languages (format 1), the words' own original line.
    pub fn language_lines(&self, report: &Report) -> Vec<String> {
        let mut lines = Vec::new();
        match (report.language, report.original_language) {
            (None, None) => lines.push(self.original.to_string()),
            (language, original) => {
                if let Some(language) = language {
                    lines.push(language.word(self.language).to_string());
                }
                if let Some(original) = original {
                    let word = original.word(self.language);
                    lines.push(format!("{} {word}", self.original_prefix));
                }
            }
        }
        lines
    }
}

/// The introduction's notes numbered through the document, as footnotes are: for each
/// section, for each paragraph, the numbers and texts of its notes.
pub fn numbered_notes(report: &Report) -> Vec<Vec<Vec<(usize, &str)>>> {
    let mut next = 0;
    report
        .introduction
        .iter()
        .map(|section| {
            (0..section.paragraphs.len())
                .map(|p| {
                    section
                        .notes_of(p)
                        .map(|note| {
                            next += 1;
                            (next, note.text.as_str())
                        })
                        .collect()
                })
                .collect()
        })
        .collect()
}

impl Words {
    /// The second subheading of a group: singular unless the group has several
    /// coordinators, as the source writes it.
    pub fn coordinators_heading(&self, group: &Group) -> &'static str {
        if group.coordinators.len() > 1 {
            self.coordinating_countries
        } else {
            self.coordinating_country
        }
    }
}

/// The anchor of the introduction.
pub const INTRODUCTION_ID: &str = "introduction";
/// The anchor of the summary section.
pub const SUMMARY_ID: &str = "summary-of-progress";

/// The anchor of group `number` (1-based): `group-viii`.
pub fn group_id(number: usize) -> String {
    format!("group-{}", numeral(number).to_ascii_lowercase())
}

/// An ISO date (`2021-04-05`) as the source writes it (`5 April 2021`); `None` when the text
/// is not a real calendar date in that form.
pub fn format_date(iso: &str) -> Option<String> {
    let (day, month, year) = date_parts(iso)?;
    Some(format!("{day} {} {year}", MONTHS[month - 1]))
}

/// An ISO date's day, month (1–12) and year, when it is a real calendar date.
fn date_parts(iso: &str) -> Option<(u32, usize, u32)> {
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
        return None;
    }
    let (year, month, day): (u32, usize, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    MONTHS.get(month.checked_sub(1)?)?;
    (1..=days).contains(&day).then_some((day, month, year))
}

/// The paragraphs of a stored text: its non-blank lines, trimmed. Remarks and objectives
/// separate paragraphs with a blank line; a single line break counts as one too.
pub fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').map(str::trim).filter(|p| !p.is_empty())
}

/// A text where one line is needed (a heading, a title): its paragraphs joined by spaces.
pub fn one_line(text: &str) -> String {
    paragraphs(text).collect::<Vec<_>>().join(" ")
}

/// Consecutive activities of a group that share a topic, as the source's merged cells:
/// (index of the first, how many). Activities without a topic are runs of one.
pub fn topic_runs(group: &Group) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, activity) in group.activities.iter().enumerate() {
        match runs.last_mut() {
            Some((first, len))
                if activity.topic.is_some() && group.activities[*first].topic == activity.topic =>
            {
                *len += 1
            }
            _ => runs.push((i, 1)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_the_source_writes_them() {
        assert_eq!(format_date("2021-04-05").as_deref(), Some("5 April 2021"));
        assert_eq!(format_date("2020-12-31").as_deref(), Some("31 December 2020"));
        assert_eq!(format_date("2020-02-29").as_deref(), Some("29 February 2020"));
        assert_eq!(format_date("2021-02-29"), None);
        assert_eq!(format_date("2021-13-01"), None);
        assert_eq!(format_date("2021-00-10"), None);
        assert_eq!(format_date("2021-4-5"), None);
        assert_eq!(format_date("April 2021"), None);
        assert_eq!(ENGLISH.display_date("April 2021"), "April 2021");
    }

    #[test]
    fn a_spanish_report_writes_its_dates_with_spanish_month_names() {
        assert_eq!(SPANISH.display_date("2021-04-05"), "5 de abril de 2021");
        assert_eq!(SPANISH.display_date("2020-12-31"), "31 de diciembre de 2020");
        assert_eq!(ENGLISH.display_date("2021-04-05"), "5 April 2021");
        assert_eq!(SPANISH.display_date("abril de 2021"), "abril de 2021");
    }

    #[test]
    fn paragraphs_are_the_non_blank_lines() {
        let text = "One.\n\nTwo.\nThree. \r\n\n";
        assert_eq!(paragraphs(text).collect::<Vec<_>>(), ["One.", "Two.", "Three."]);
        assert_eq!(paragraphs("").count(), 0);
        assert_eq!(one_line("A\n\nB"), "A B");
    }
}
