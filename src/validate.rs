//! Every problem in a report that the file's types cannot rule out, each with a field path.

use std::fmt;

use crate::model::{FORMAT, FORMAT_1, Report, StatedIn};

/// A step of a field path: `groups[7].activities[6].progress` is
/// `[Field("groups"), Index(7), Field("activities"), Index(6), Field("progress")]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Index(usize),
}

/// Where a value sits in the report, written the way the file spells it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldPath(pub Vec<Step>);

impl FieldPath {
    pub fn field(mut self, name: &'static str) -> Self {
        self.0.push(Step::Field(name));
        self
    }

    pub fn index(mut self, i: usize) -> Self {
        self.0.push(Step::Index(i));
        self
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Field(name) if i == 0 => write!(f, "{name}")?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub fault: Fault,
}

/// What is wrong at a problem's place; `Display` says it in English, the interface's texts
/// in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// A required text is empty or only white space.
    Empty,
    /// The file's format is not the one this build reads.
    UnknownFormat { found: u32 },
    /// The report has no working group.
    NoGroups,
    /// A note names a paragraph its section does not have.
    NoSuchParagraph { paragraph: usize },
    /// A coordinator is said to be stated in the remarks of an activity the group lacks.
    NoSuchActivity { number: usize },
    /// A warning: the text is still the previous round's, as `new-round` carried it over.
    PreviousRound,
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Empty => write!(f, "must not be empty"),
            Fault::UnknownFormat { found } => {
                write!(f, "format {found} is not known; this wgtrack reads formats 1 and {FORMAT}")
            }
            Fault::NoSuchParagraph { paragraph } => {
                write!(f, "names paragraph {paragraph}, which its section does not have")
            }
            Fault::NoSuchActivity { number } => {
                write!(f, "names activity {number}, which the group does not have")
            }
            Fault::NoGroups => write!(f, "a report needs at least one working group"),
            Fault::PreviousRound => {
                write!(f, "still the previous round's (new-round marked it); set it for this round")
            }
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.fault)
    }
}

/// Whether a required text field may hold `value`. Used by the validator and by the
/// editors, so the file and the screen refuse the same things.
pub fn is_blank(value: &str) -> bool {
    value.trim().is_empty()
}

/// What is worth a warning but does not make the report invalid: a symbol or a title that
/// `new-round` carried over and that is still to be set.
pub fn warnings(report: &Report) -> Vec<Problem> {
    let carried = [("symbol", report.symbol_to_assign()), ("title", report.title_to_set())];
    carried
        .into_iter()
        .filter(|(_, carried)| *carried)
        .map(|(name, _)| Problem {
            path: FieldPath::default().field(name),
            fault: Fault::PreviousRound,
        })
        .collect()
}

/// All problems found, in file order; empty when the report is valid.
pub fn problems(report: &Report) -> Vec<Problem> {
    let mut found = Vec::new();
    let require = |found: &mut Vec<Problem>, path: FieldPath, value: &str| {
        if is_blank(value) {
            found.push(Problem { path, fault: Fault::Empty });
        }
    };
    let root = FieldPath::default;
    require(&mut found, root().field("symbol"), &report.symbol);
    require(&mut found, root().field("title"), &report.title);
    if let Some(job_number) = &report.job_number {
        require(&mut found, root().field("job_number"), job_number);
    }
    for (s, section) in report.introduction.iter().enumerate() {
        for (n, note) in section.notes.iter().enumerate() {
            let at = || root().field("introduction").index(s).field("notes").index(n);
            if note.paragraph >= section.paragraphs.len() {
                let fault = Fault::NoSuchParagraph { paragraph: note.paragraph };
                found.push(Problem { path: at().field("paragraph"), fault });
            }
            require(&mut found, at().field("text"), &note.text);
        }
    }
    for (g, group) in report.groups.iter().enumerate() {
        let at = || root().field("groups").index(g);
        require(&mut found, at().field("title"), &group.title);
        require(&mut found, at().field("topic"), &group.topic);
        for (c, coordinator) in group.coordinators.iter().enumerate() {
            let at = || at().field("coordinators").index(c);
            require(&mut found, at().field("country"), &coordinator.country);
            if let Some(StatedIn::ActivityRemarks(number)) = coordinator.stated_in
                && !(1..=group.activities.len()).contains(&number)
            {
                let fault = Fault::NoSuchActivity { number };
                found.push(Problem { path: at().field("stated_in"), fault });
            }
        }
        for (a, activity) in group.activities.iter().enumerate() {
            let at = || at().field("activities").index(a);
            require(&mut found, at().field("description"), &activity.description);
            if let Some(topic) = &activity.topic {
                require(&mut found, at().field("topic"), topic);
            }
        }
    }
    for (r, review) in report.reviews.iter().enumerate() {
        let at = || root().field("reviews").index(r);
        require(&mut found, at().field("rule"), &review.rule);
        require(&mut found, at().field("place"), &review.place);
        require(&mut found, at().field("reason"), &review.reason);
    }
    if !(FORMAT_1..=FORMAT).contains(&report.format) {
        found.insert(
            0,
            Problem {
                path: root().field("format"),
                fault: Fault::UnknownFormat { found: report.format },
            },
        );
    }
    if report.groups.is_empty() {
        found.push(Problem { path: root().field("groups"), fault: Fault::NoGroups });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_as_the_file_spells_them() {
        let p = FieldPath::default()
            .field("groups")
            .index(7)
            .field("activities")
            .index(6)
            .field("progress");
        assert_eq!(p.to_string(), "groups[7].activities[6].progress");
    }
}
