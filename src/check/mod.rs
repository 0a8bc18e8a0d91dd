//! Checks before publishing: a softer layer than `validate`. A valid report may still say
//! things a reader would stumble on (progress that fell, remarks that did not follow it,
//! the previous round's front matter, doubled spaces); each such finding has a level, its
//! place as a field path and as the report numbers it (`VIII.7`), and what is wrong, as
//! data (`found`) said in a language when it is shown.
//!
//! One file per family of rules: `round` (against the baseline, and the front matter),
//! `content` (remarks against progress, coordinators, duplicates), `text` (how text is
//! written); the words they look for, per language, are all in `words`. `reviews` sets
//! aside the findings the report marks reviewed.

mod content;
mod found;
mod reviews;
mod round;
mod text;
pub mod words;

use std::fmt;

use rayon::prelude::*;

pub use found::Found;
pub use reviews::{Reviewed, review, reviewed};
pub use words::{Language, language_of};

use crate::edit::Field;
use crate::i18n::{Lang, Texts};
use crate::model::{Report, numeral};
use crate::validate::FieldPath;

/// How much a finding matters: an error stops `wgtrack check` (exit 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Error,
    Warning,
    Information,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Information => "information",
        }
    }
}

/// Every rule, by the name `check` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Progress is lower than in the baseline.
    ProgressFell,
    /// Progress changed since the baseline, the remarks did not.
    StaleRemarks,
    /// An activity in progress whose remarks did not change since the baseline.
    NoNews,
    /// At 100%, the remarks speak of work under way.
    DoneButUnderWay,
    /// Below 100%, the remarks say the work is completed.
    CompletedBelowFull,
    /// An activity in progress or not started without remarks.
    EmptyRemarks,
    /// A group that names no coordinator.
    NoCoordinators,
    /// The front matter is still the previous round's.
    PreviousRound,
    /// Two activities of a group with the same description.
    DuplicateActivity,
    /// The same coordinator named twice in a group.
    DuplicateCoordinator,
    /// Two spaces in a row.
    DoubledSpaces,
    /// A `*`, parenthesis, bracket or quote without its pair.
    Unbalanced,
    /// A web address that does not parse.
    BadUrl,
    /// A text in the other language than the report's.
    OtherLanguage,
    /// A review kept in the report whose finding is gone.
    StaleReview,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::ProgressFell => "progress-fell",
            Rule::StaleRemarks => "stale-remarks",
            Rule::NoNews => "no-news",
            Rule::DoneButUnderWay => "done-but-under-way",
            Rule::CompletedBelowFull => "completed-below-100",
            Rule::EmptyRemarks => "empty-remarks",
            Rule::NoCoordinators => "no-coordinators",
            Rule::PreviousRound => "previous-round",
            Rule::DuplicateActivity => "duplicate-activity",
            Rule::DuplicateCoordinator => "duplicate-coordinator",
            Rule::DoubledSpaces => "doubled-spaces",
            Rule::Unbalanced => "unbalanced",
            Rule::BadUrl => "bad-url",
            Rule::OtherLanguage => "other-language",
            Rule::StaleReview => "stale-review",
        }
    }

    /// The rule's name on the Checks screen: "Progress fell", "El avance bajó".
    pub fn title(self, texts: &Texts) -> &'static str {
        match self {
            Rule::ProgressFell => texts.rule_progress_fell,
            Rule::StaleRemarks => texts.rule_stale_remarks,
            Rule::NoNews => texts.rule_no_news,
            Rule::DoneButUnderWay => texts.rule_done_but_under_way,
            Rule::CompletedBelowFull => texts.rule_completed_below_full,
            Rule::EmptyRemarks => texts.rule_empty_remarks,
            Rule::NoCoordinators => texts.rule_no_coordinators,
            Rule::PreviousRound => texts.rule_previous_round,
            Rule::DuplicateActivity => texts.rule_duplicate_activity,
            Rule::DuplicateCoordinator => texts.rule_duplicate_coordinator,
            Rule::DoubledSpaces => texts.rule_doubled_spaces,
            Rule::Unbalanced => texts.rule_unbalanced,
            Rule::BadUrl => texts.rule_bad_url,
            Rule::OtherLanguage => texts.rule_other_language,
            Rule::StaleReview => texts.rule_stale_review,
        }
    }
}

/// One thing worth a look before the report is published.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub level: Level,
    pub rule: Rule,
    /// The field the finding is about, to go there.
    pub field: Field,
    /// Where it is, as the file spells it: `groups[7].activities[6].remarks`.
    pub path: FieldPath,
    /// What is wrong, said by `message` in a language.
    pub found: Found,
}

impl Finding {
    fn new(level: Level, rule: Rule, field: Field, found: Found) -> Finding {
        Finding { level, rule, field, path: path_of(field), found }
    }

    /// A finding reached through `field` about a value that `Field` does not name (a
    /// progress, a group's coordinators), at `path`.
    fn at(level: Level, rule: Rule, field: Field, path: FieldPath, found: Found) -> Finding {
        Finding { level, rule, field, path, found }
    }

    /// What is wrong, in the language of `texts`: "two spaces in a row".
    pub fn message(&self, texts: &Texts) -> String {
        self.found.say(texts)
    }

    /// The place as the report numbers it: `VIII.7`, `VIII`, `Title`, `Introduction 2`;
    /// the name `check` prints and a review keeps.
    pub fn place(&self) -> String {
        place_of(self.field)
    }

    /// The place as the interface names it: the front matter's fields and the introduction
    /// in the language of `texts` (`Título`, `Introducción 2`), the numbers as they are.
    pub fn place_in(&self, texts: &Texts) -> String {
        match self.field {
            Field::Symbol
            | Field::Date
            | Field::Title
            | Field::Meeting
            | Field::Venue
            | Field::JobNumber => self.field.front_matter_label(texts).unwrap_or_default().into(),
            Field::Heading(s) | Field::Paragraph(s, _) | Field::Note(s, _) => {
                format!("{} {}", texts.row_introduction, s + 1)
            }
            _ => self.place(),
        }
    }
}

/// As the command line says it, in English.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = self.message(Lang::En.texts());
        write!(f, "{} {}: {message} [{}]", self.place(), self.level.name(), self.rule.name())
    }
}

/// Every finding in `report`, in report order (front matter, introduction, then each group);
/// with a `baseline`, those that compare with it too.
pub fn check(report: &Report, baseline: Option<&Report>) -> Vec<Finding> {
    let language = language_of(report);
    let mut found = Vec::new();
    round::front_matter(report, baseline, &mut found);
    text::report_texts(report, language, &mut found);
    let comparison = baseline.map(|b| crate::compare::compare(b, report));
    // Groups are checked on every core; each one's findings stay together, in order.
    let groups: Vec<Vec<Finding>> = report
        .groups
        .shared()
        .par_iter()
        .enumerate()
        .map(|(g, group)| {
            let mut found = Vec::new();
            content::group(g, group, &mut found);
            if let Some(comparison) = &comparison {
                round::group(g, group, comparison, &mut found);
            }
            for (a, activity) in group.activities.iter().enumerate() {
                content::activity(g, a, activity, language, &mut found);
            }
            text::group_texts(g, group, language, &mut found);
            found
        })
        .collect();
    found.extend(groups.into_iter().flatten());
    // Report order, and within one field the more serious first.
    found.sort_by_key(|f| (order(f.field), f.level));
    found
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.level == Level::Error)
}

/// A key that sorts fields in report order.
fn order(field: Field) -> (usize, usize, usize, usize) {
    match field {
        Field::Symbol => (0, 0, 0, 0),
        Field::Date => (0, 0, 0, 1),
        Field::Title => (0, 0, 0, 2),
        Field::Meeting => (0, 0, 0, 3),
        Field::Venue => (0, 0, 0, 4),
        Field::JobNumber => (0, 0, 0, 5),
        Field::Heading(s) => (1, s, 0, 0),
        Field::Paragraph(s, p) => (1, s, p + 1, 0),
        // Among the section's notes: after its paragraphs, which the note does not name.
        Field::Note(s, n) => (1, s, usize::MAX, n),
        Field::GroupTitle(g) => (2 + g, 0, 0, 0),
        Field::GroupTopic(g) => (2 + g, 0, 0, 1),
        Field::GeneralObjective(g) => (2 + g, 0, 0, 2),
        Field::SpecificObjective(g, i) => (2 + g, 1, i, 0),
        Field::Country(g, c) => (2 + g, 2, c, 0),
        Field::Institution(g, c) => (2 + g, 2, c, 1),
        Field::ActivityTopic(g, a) => (2 + g, 3 + a, 0, 0),
        Field::Description(g, a) => (2 + g, 3 + a, 0, 1),
        Field::Remarks(g, a) => (2 + g, 3 + a, 0, 2),
    }
}

/// The field path of `field`, as `validate` writes them.
pub fn path_of(field: Field) -> FieldPath {
    let root = FieldPath::default();
    let group = |g: usize| FieldPath::default().field("groups").index(g);
    let activity = |g: usize, a: usize| group(g).field("activities").index(a);
    match field {
        Field::Symbol => root.field("symbol"),
        Field::Date => root.field("date"),
        Field::Title => root.field("title"),
        Field::Meeting => root.field("meeting"),
        Field::Venue => root.field("venue"),
        Field::JobNumber => root.field("job_number"),
        Field::Heading(s) => root.field("introduction").index(s).field("heading"),
        Field::Paragraph(s, p) => root.field("introduction").index(s).field("paragraphs").index(p),
        Field::Note(s, n) => {
            root.field("introduction").index(s).field("notes").index(n).field("text")
        }
        Field::GroupTitle(g) => group(g).field("title"),
        Field::GroupTopic(g) => group(g).field("topic"),
        Field::GeneralObjective(g) => group(g).field("general_objective"),
        Field::SpecificObjective(g, i) => group(g).field("specific_objectives").index(i),
        Field::Country(g, c) => group(g).field("coordinators").index(c).field("country"),
        Field::Institution(g, c) => group(g).field("coordinators").index(c).field("institution"),
        Field::ActivityTopic(g, a) => activity(g, a).field("topic"),
        Field::Description(g, a) => activity(g, a).field("description"),
        Field::Remarks(g, a) => activity(g, a).field("remarks"),
    }
}

/// The place of `field` as the report numbers it.
fn place_of(field: Field) -> String {
    match field {
        Field::Symbol => "Symbol".into(),
        Field::Date => "Date".into(),
        Field::Title => "Title".into(),
        Field::Meeting => "Meeting".into(),
        Field::Venue => "Venue".into(),
        Field::JobNumber => "Job number".into(),
        Field::Heading(s) | Field::Paragraph(s, _) | Field::Note(s, _) => {
            format!("Introduction {}", s + 1)
        }
        Field::ActivityTopic(g, a) | Field::Description(g, a) | Field::Remarks(g, a) => {
            format!("{}.{}", numeral(g + 1), a + 1)
        }
        Field::GroupTitle(g)
        | Field::GroupTopic(g)
        | Field::GeneralObjective(g)
        | Field::SpecificObjective(g, _)
        | Field::Country(g, _)
        | Field::Institution(g, _) => numeral(g + 1),
    }
}
