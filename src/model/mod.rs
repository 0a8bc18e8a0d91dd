//! The report model (format 1 of the data file) and the figures derived from it; no I/O.

use serde::{Deserialize, Serialize};

mod figures;
mod groups;
mod numerals;
mod progress;

pub use figures::{Tally, format_percent, mean_of, mean_progress, progress_sum};
pub use groups::Groups;
pub use numerals::{numeral, parse_group_number};
pub use progress::{Progress, ProgressOutOfRange, Status};

/// The version of the data file this build reads and writes.
pub const FORMAT: u32 = 1;

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
    pub introduction: Vec<Section>,
    pub groups: Groups,
}

/// A part of the introduction; the opening part has no heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
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
}

impl Coordinator {
    /// The coordinators as one line, as the screen and the update sheets name them:
    /// "Colombia: DANE; Mexico: INEGI".
    pub fn line(coordinators: &[Coordinator]) -> String {
        let names: Vec<String> =
            coordinators.iter().map(|c| format!("{}: {}", c.country, c.institution)).collect();
        names.join("; ")
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
        format: FORMAT,
        symbol: symbol
            .map_or_else(|| format!("{}{SYMBOL_TO_ASSIGN}", report.symbol), str::to_string),
        date: date.to_string(),
        title: title.map_or_else(|| format!("{}{TITLE_TO_SET}", report.title), str::to_string),
        meeting: String::new(),
        venue: String::new(),
        introduction: Vec::new(),
        groups: report.groups.clone(),
    }
}
