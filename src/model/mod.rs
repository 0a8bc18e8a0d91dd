//! The report model (format 2 of the data file; format 1 is format 2 without its additions) and the figures derived from it; no I/O.

use serde::{Deserialize, Serialize};

mod figures;
mod front;
mod groups;
mod numerals;
mod progress;

pub use figures::{Tally, format_percent, mean_of, mean_progress, progress_sum};
pub use front::{Distribution, Language, Note, Review, StatedIn};
pub use groups::Groups;
pub use numerals::{numeral, parse_group_number};
pub use progress::{Progress, ProgressOutOfRange, Status};

/// The newest version of the data file this build reads and writes; it reads every
/// version before it, and writes a file in the version it was read in until the user agrees
/// to move it on (`wgtrack migrate`).
pub const FORMAT: u32 = 2;
/// The first version of the data file: format 2 without the fields format 2 added.
pub const FORMAT_1: u32 = 1;

/// A biennial implementation report: front matter, introduction and the working groups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub format: u32,
    pub symbol: String,
    pub date: String,
    pub title: String,
    pub meeting: String,
    pub venue: String,
    /// Format 2 on: who the document is distributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<Distribution>,
    /// Format 2 on: the language this version of the document is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// Format 2 on: the language the document was originally written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_language: Option<Language>,
    /// Format 2 on: the job number printed on the cover ("21-00161").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_number: Option<String>,
    pub introduction: Vec<Section>,
    pub groups: Groups,
    /// Format 2 on: the findings of `check` reviewed and let stand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
}

/// A part of the introduction; the opening part has no heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    /// Format 2 on: the paragraphs' notes, printed as footnotes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl Section {
    /// The notes of paragraph `index`, in order.
    pub fn notes_of(&self, index: usize) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |n| n.paragraph == index)
    }
}

/// A working group; its number (I, II, …) is its position in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub title: String,
    pub topic: String,
    pub document_type: DocumentType,
    pub general_objective: String,
    pub specific_objectives: Vec<String>,
    pub coordinators: Vec<Coordinator>,
    /// Format 2 on: the source says the group has no coordinating country, so an empty
    /// list is what the source says, not a gap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_coordinators_stated: bool,
    pub activities: Vec<Activity>,
}

/// Whether a group's output goes to the Conference for adoption or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentType {
    /// Principles or recommendations of broad scope, adopted by the Conference.
    RegionalStandard,
    /// Good practices or subject-specific recommendations, not submitted for approval.
    Thematic,
}

impl DocumentType {
    pub const ALL: [DocumentType; 2] = [DocumentType::RegionalStandard, DocumentType::Thematic];

    pub fn label(self) -> &'static str {
        match self {
            DocumentType::RegionalStandard => "regional standard",
            DocumentType::Thematic => "thematic",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinator {
    pub country: String,
    pub institution: String,
    /// Format 2 on: where the source names this coordinator, when it is not the group's
    /// coordinator section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_in: Option<StatedIn>,
}

impl Coordinator {
    /// The coordinators as one line, as the screen and the update sheets name them:
    /// "Colombia: DANE; Mexico: INEGI".
    pub fn line(coordinators: &[Coordinator]) -> String {
        let names: Vec<String> =
            coordinators.iter().map(|c| format!("{}: {}", c.country, c.institution)).collect();
        names.join("; ")
    }

    /// A coordinator named in the coordinator section, as most are.
    pub fn new(country: impl Into<String>, institution: impl Into<String>) -> Coordinator {
        Coordinator { country: country.into(), institution: institution.into(), stated_in: None }
    }
}

/// One row of a group's activity table; its number is its position in the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub topic: Option<String>,
    pub description: String,
    pub progress: Progress,
    pub remarks: String,
}

impl Report {
    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.groups.iter().flat_map(|g| g.activities.iter())
    }

    pub fn activity(&self, group: usize, activity: usize) -> Option<&Activity> {
        self.groups.get(group)?.activities.get(activity)
    }

    /// Whether the symbol is still the previous round's, as `next_round` marked it.
    pub fn symbol_to_assign(&self) -> bool {
        self.symbol.ends_with(SYMBOL_TO_ASSIGN)
    }

    /// Whether the title is still the previous round's, as `next_round` marked it.
    pub fn title_to_set(&self) -> bool {
        self.title.ends_with(TITLE_TO_SET)
    }

    /// The first field that only format 2 holds, set in this report, by its name; `None`
    /// when the report can be written as format 1 without losing anything.
    pub fn format_2_field(&self) -> Option<&'static str> {
        let front = [
            ("distribution", self.distribution.is_some()),
            ("language", self.language.is_some()),
            ("original_language", self.original_language.is_some()),
            ("job_number", self.job_number.is_some()),
            ("notes", self.introduction.iter().any(|s| !s.notes.is_empty())),
            ("no_coordinators_stated", self.groups.iter().any(|g| g.no_coordinators_stated)),
            (
                "stated_in",
                self.groups.iter().flat_map(|g| &g.coordinators).any(|c| c.stated_in.is_some()),
            ),
            ("reviews", !self.reviews.is_empty()),
        ];
        front.into_iter().find(|(_, set)| *set).map(|(name, _)| name)
    }

    pub fn activity_mut(&mut self, group: usize, activity: usize) -> Option<&mut Activity> {
        self.groups.get_mut(group)?.activities.get_mut(activity)
    }
}

/// What `next_round` adds to the symbol it carries over, until the secretary sets it.
pub const SYMBOL_TO_ASSIGN: &str = " (next round: symbol to be assigned)";
/// What `next_round` adds to the title it carries over, until the secretary sets it.
pub const TITLE_TO_SET: &str = " (next round: title to be set)";

/// The next round's report, started from `report`: the same groups and activities, with
/// their progress and remarks as they stand; `date` as its date, and no introduction yet.
/// Its symbol and title are those given, or the previous round's marked as still to be set.
pub fn next_round(
    report: &Report,
    date: &str,
    symbol: Option<&str>,
    title: Option<&str>,
) -> Report {
    Report {
        format: report.format,
        symbol: symbol
            .map_or_else(|| format!("{}{SYMBOL_TO_ASSIGN}", report.symbol), str::to_string),
        date: date.to_string(),
        title: title.map_or_else(|| format!("{}{TITLE_TO_SET}", report.title), str::to_string),
        meeting: String::new(),
        venue: String::new(),
        distribution: report.distribution,
        language: report.language,
        original_language: report.original_language,
        job_number: None,
        introduction: Vec::new(),
        groups: report.groups.clone(),
        reviews: Vec::new(),
    }
}
