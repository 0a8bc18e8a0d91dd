//! The report model (format 1 of the data file) and the figures derived from it; no I/O.

use std::fmt;

use serde::{Deserialize, Serialize};

mod groups;

pub use groups::Groups;

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

/// One row of a group's activity table; its number is its position in the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub topic: Option<String>,
    pub description: String,
    pub progress: Progress,
    pub remarks: String,
}

/// A whole percentage from 0 to 100; no value outside that range can be built.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "i64", into = "u8")]
pub struct Progress(u8);

/// A progress value outside 0–100.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("progress must be a whole percentage from 0 to 100, found {0}")]
pub struct ProgressOutOfRange(pub i64);

impl Progress {
    pub const ZERO: Progress = Progress(0);
    pub const FULL: Progress = Progress(100);

    pub fn new(value: i64) -> Result<Self, ProgressOutOfRange> {
        match u8::try_from(value) {
            Ok(v) if v <= 100 => Ok(Progress(v)),
            _ => Err(ProgressOutOfRange(value)),
        }
    }

    /// For constants: `None` above 100.
    pub const fn new_const(value: u8) -> Option<Progress> {
        if value <= 100 { Some(Progress(value)) } else { None }
    }

    pub fn get(self) -> u8 {
        self.0
    }

    /// Moves by `delta` points, stopping at 0 and 100.
    pub fn step(self, delta: i64) -> Progress {
        Progress((i64::from(self.0) + delta).clamp(0, 100) as u8)
    }

    pub fn status(self) -> Status {
        match self.0 {
            0 => Status::NotStarted,
            100 => Status::Completed,
            _ => Status::InProgress,
        }
    }
}

impl TryFrom<i64> for Progress {
    type Error = ProgressOutOfRange;
    fn try_from(value: i64) -> Result<Self, Self::Error> {
        Progress::new(value)
    }
}

impl From<Progress> for u8 {
    fn from(p: Progress) -> u8 {
        p.0
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

/// Where an activity stands, derived from its progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    NotStarted,
    InProgress,
    Completed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Completed, Status::InProgress, Status::NotStarted];

    pub fn label(self) -> &'static str {
        match self {
            Status::NotStarted => "not started",
            Status::InProgress => "in progress",
            Status::Completed => "completed",
        }
    }
}

/// Activities counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub completed: usize,
    pub in_progress: usize,
    pub not_started: usize,
}

impl Tally {
    pub fn of<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Tally {
        let mut tally = Tally::default();
        for activity in activities {
            tally.add(activity.progress.status());
        }
        tally
    }

    pub fn add(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Completed => self.completed += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.completed + self.in_progress + self.not_started
    }

    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::NotStarted => self.not_started,
            Status::InProgress => self.in_progress,
            Status::Completed => self.completed,
        }
    }
}

/// The sum of the activities' progress and their number: what means are taken from, and
/// what can be kept up to date group by group.
pub fn progress_sum<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> (u64, u64) {
    activities.into_iter().fold((0, 0), |(sum, n), a| (sum + u64::from(a.progress.get()), n + 1))
}

/// The mean of a `progress_sum`; none for no activities.
pub fn mean_of((sum, n): (u64, u64)) -> Option<f64> {
    (n > 0).then(|| sum as f64 / n as f64)
}

/// Mean progress of `activities`; none for no activities.
pub fn mean_progress<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Option<f64> {
    mean_of(progress_sum(activities))
}

impl Group {
    /// Mean progress of the group's activities.
    pub fn progress(&self) -> Option<f64> {
        mean_progress(&self.activities)
    }

    pub fn tally(&self) -> Tally {
        Tally::of(&self.activities)
    }

    /// Whether the source table of this group has a Topic column.
    pub fn has_topics(&self) -> bool {
        self.activities.iter().any(|a| a.topic.is_some())
    }
}

impl Report {
    pub fn activities(&self) -> impl Iterator<Item = &Activity> {
        self.groups.iter().flat_map(|g| g.activities.iter())
    }

    /// Mean progress over all activities of the programme.
    pub fn progress(&self) -> Option<f64> {
        mean_progress(self.activities())
    }

    pub fn tally(&self) -> Tally {
        Tally::of(self.activities())
    }

    /// Number of groups of a document type.
    pub fn groups_of_type(&self, kind: DocumentType) -> usize {
        self.groups.iter().filter(|g| g.document_type == kind).count()
    }

    pub fn activity(&self, group: usize, activity: usize) -> Option<&Activity> {
        self.groups.get(group)?.activities.get(activity)
    }

    pub fn activity_mut(&mut self, group: usize, activity: usize) -> Option<&mut Activity> {
        self.groups.get_mut(group)?.activities.get_mut(activity)
    }
}

/// The next round's report, started from `report`: the same groups and activities, with
/// their progress and remarks as they stand; a symbol that says it is still to be assigned,
/// `date` as its date, and no introduction yet.
pub fn next_round(report: &Report, date: &str) -> Report {
    Report {
        format: FORMAT,
        symbol: format!("{} (next round: symbol to be assigned)", report.symbol),
        date: date.to_string(),
        title: report.title.clone(),
        meeting: String::new(),
        venue: String::new(),
        introduction: Vec::new(),
        groups: report.groups.clone(),
    }
}

/// A percentage rounded for display: "83%", or "—" where there is nothing to average.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        // Halves round up (32.5 → 33), as people round, not to even as `{:.0}` does.
        Some(v) => format!("{}%", v.round()),
        None => "—".to_string(),
    }
}

/// The Roman numeral of a 1-based group number (I, II, … XI, …).
pub fn numeral(number: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = number;
    let mut out = String::new();
    for (value, letters) in TABLE {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    out
}

/// Reads a group number written as a numeral (`VIII`, any case) or in digits (`8`); 1-based.
pub fn parse_group_number(text: &str) -> Option<usize> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return (n > 0).then_some(n);
    }
    let upper = text.to_ascii_uppercase();
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<usize>> = upper.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d as isize,
            _ => total += d as isize,
        }
    }
    let total = usize::try_from(total).ok().filter(|&n| n > 0)?;
    // Only canonical numerals: "IIII" or "VX" are typing mistakes, not numbers.
    (numeral(total) == upper).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_holds_only_whole_percentages() {
        assert!(Progress::new(101).is_err());
        assert!(Progress::new(-1).is_err());
        assert_eq!(Progress::new(100).map(Progress::get), Ok(100));
        assert_eq!(Progress::new(95).unwrap().step(10), Progress::FULL);
        assert_eq!(Progress::new(3).unwrap().step(-5), Progress::ZERO);
    }

    #[test]
    fn status_follows_progress() {
        assert_eq!(Progress::ZERO.status(), Status::NotStarted);
        assert_eq!(Progress::new(8).unwrap().status(), Status::InProgress);
        assert_eq!(Progress::FULL.status(), Status::Completed);
    }

    #[test]
    fn numerals_round_trip() {
        for n in 1..=60 {
            assert_eq!(parse_group_number(&numeral(n)), Some(n), "{}", numeral(n));
        }
        assert_eq!(numeral(8), "VIII");
        assert_eq!(parse_group_number("viii"), Some(8));
        assert_eq!(parse_group_number("8"), Some(8));
        assert_eq!(parse_group_number("IIII"), None);
        assert_eq!(parse_group_number("0"), None);
        assert_eq!(parse_group_number("VIIIx"), None);
    }

    #[test]
    fn means_ignore_nothing_and_handle_empty() {
        assert_eq!(mean_progress(&[]), None);
        let acts: Vec<Activity> = [0, 50, 100]
            .iter()
            .map(|&p| Activity {
                topic: None,
                description: "d".into(),
                progress: Progress::new(p).unwrap(),
                remarks: String::new(),
            })
            .collect();
        assert_eq!(mean_progress(&acts), Some(50.0));
        let t = Tally::of(&acts);
        assert_eq!((t.completed, t.in_progress, t.not_started), (1, 1, 1));
    }
}
