//! Three versions of a report made one, field by field: the base (what the file held when
//! two lines of edits began) and each line's result, ours and theirs. A field changed on one
//! side only takes that side; changed alike on both, it is taken once; changed differently,
//! it is a conflict, and the merged report holds ours there. Groups and activities are
//! paired as the comparison pairs them, so a reworded or moved activity stays one activity;
//! those added on either side are all kept, each after the item it followed. Lists of plain
//! items (objectives, coordinators, the introduction's paragraphs) merge item by item too.

use std::sync::Arc;

use crate::compare::{match_activities, match_groups};
use crate::model::{Activity, Coordinator, DocumentType, Group, Groups, Progress, Report, Section};

/// The merged report, and where both sides changed a field differently.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub report: Report,
    pub conflicts: Vec<Conflict>,
}

/// A field both sides changed, each differently; the merged report holds ours.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub place: Place,
    pub field: Field,
    pub base: Value,
    pub ours: Value,
    pub theirs: Value,
}

/// Where a conflict is, by position in the merged report. A group or an activity that ours
/// removed has no place of its own there: its conflict is placed on what held it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Report,
    Group(usize),
    Activity { group: usize, activity: usize },
}

/// Which field of its place a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Symbol,
    Date,
    Title,
    Meeting,
    Venue,
    Introduction,
    GroupTitle,
    Topic,
    DocumentType,
    GeneralObjective,
    SpecificObjectives,
    Coordinators,
    /// A whole group, removed on one side and changed on the other.
    Group,
    ActivityTopic,
    Description,
    Progress,
    Remarks,
    /// A whole activity, removed on one side and changed on the other.
    Activity,
    /// A field format 2 added, by its name in the file (`distribution`, `reviews`).
    Addition(&'static str),
}

/// One side's value of a conflicting field; `None` where the side removed the item.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Topic(Option<String>),
    Progress(Progress),
    Texts(Vec<String>),
    Coordinators(Vec<Coordinator>),
    Sections(Vec<Section>),
    DocumentType(DocumentType),
    Group(Option<Arc<Group>>),
    Activity(Option<Activity>),
    /// A value of a field format 2 added, as the file writes it.
    Raw(String),
}

/// Merges `ours` and `theirs`, both edited from `base`.
pub fn merge(base: &Report, ours: &Report, theirs: &Report) -> Merged {
    merge_with(Merger::default(), base, ours, theirs)
}

/// Sets `ours` against `theirs` without a base, as where a file marked by plain git lacks
/// its base sections: every field where the two differ is a conflict, and so is an item
/// only one of them holds; the report is ours.
pub fn two_way(ours: &Report, theirs: &Report) -> Merged {
    merge_with(Merger { strict: true, ..Merger::default() }, ours, ours, theirs)
}

fn merge_with(mut m: Merger, base: &Report, ours: &Report, theirs: &Report) -> Merged {
    let p = Place::Report;
    let report = Report {
        format: ours.format,
        symbol: m.field(
            p,
            Field::Symbol,
            [&base.symbol, &ours.symbol, &theirs.symbol],
            Value::Text,
        ),
        date: m.field(p, Field::Date, [&base.date, &ours.date, &theirs.date], Value::Text),
        title: m.field(p, Field::Title, [&base.title, &ours.title, &theirs.title], Value::Text),
        meeting: m.field(
            p,
            Field::Meeting,
            [&base.meeting, &ours.meeting, &theirs.meeting],
            Value::Text,
        ),
        venue: m.field(p, Field::Venue, [&base.venue, &ours.venue, &theirs.venue], Value::Text),
        introduction: m.introduction([
            &base.introduction,
            &ours.introduction,
            &theirs.introduction,
        ]),
        groups: m.groups([&base.groups, &ours.groups, &theirs.groups]),
        distribution: m.addition(p, "distribution", [base, ours, theirs].map(|r| &r.distribution)),
        language: m.addition(p, "language", [base, ours, theirs].map(|r| &r.language)),
        original_language: m.addition(
            p,
            "original_language",
            [base, ours, theirs].map(|r| &r.original_language),
        ),
        job_number: m.addition(p, "job_number", [base, ours, theirs].map(|r| &r.job_number)),
        reviews: m.addition(p, "reviews", [base, ours, theirs].map(|r| &r.reviews)),
    };
    Merged { report, conflicts: m.conflicts }
}

/// The three-way choice for one value: the merged value, or `None` when both sides changed
/// it differently.
fn choose<T: PartialEq>([base, ours, theirs]: [&T; 3]) -> Option<&T> {
    if ours == theirs || theirs == base {
        Some(ours)
    } else if ours == base {
        Some(theirs)
    } else {
        None
    }
}

/// How the items of one kind of list are merged, paired and told.
struct Items<T> {
    field: Field,
    /// The place of an item at a position of the merged list, or (`None`) of the list.
    place: Box<dyn Fn(Option<usize>) -> Place>,
    value: fn(Option<T>) -> Value,
}

#[derive(Default)]
struct Merger {
    conflicts: Vec<Conflict>,
    /// Two-way: the base is ours, and whatever theirs holds otherwise is a conflict.
    strict: bool,
}

impl Merger {
    /// The three-way choice for one value; in two-way, only equal sides agree.
    fn choose<'a, T: PartialEq>(&self, sides: [&'a T; 3]) -> Option<&'a T> {
        match self.strict {
            true => (sides[1] == sides[2]).then_some(sides[1]),
            false => choose(sides),
        }
    }

    /// The merged value of one field.
    fn field<T: Clone + PartialEq>(
        &mut self,
        place: Place,
        field: Field,
        sides: [&T; 3],
        value: fn(T) -> Value,
    ) -> T {
        self.choose(sides).cloned().unwrap_or_else(|| {
            let [base, ours, theirs] = sides.map(|side| value(side.clone()));
            self.conflicts.push(Conflict { place, field, base, ours, theirs });
            sides[1].clone()
        })
    }

    /// A field format 2 added, merged whole; a conflict holds each side as the file writes
    /// it (RON).
    fn addition<T: Clone + PartialEq + serde::Serialize>(
        &mut self,
        place: Place,
        name: &'static str,
        sides: [&T; 3],
    ) -> T {
        self.choose(sides).cloned().unwrap_or_else(|| {
            let [base, ours, theirs] =
                sides.map(|side| Value::Raw(ron::to_string(side).unwrap_or_default()));
            let field = Field::Addition(name);
            self.conflicts.push(Conflict { place, field, base, ours, theirs });
            sides[1].clone()
        })
    }

    fn groups(&mut self, [base, ours, theirs]: [&Groups; 3]) -> Groups {
        let items = Items {
            field: Field::Group,
            place: Box::new(|at| at.map_or(Place::Report, Place::Group)),
            value: Value::Group,
        };
        let pairs = [match_groups(base, ours), match_groups(base, theirs)];
        let sides = [base.shared(), ours.shared(), theirs.shared()];
        self.list(sides, pairs, &items, |m, at, sides| match m.choose(sides) {
            Some(group) => Arc::clone(group),
            None => Arc::new(m.group(at, sides.map(Arc::as_ref))),
        })
        .into_iter()
        .collect()
    }

    fn group(&mut self, g: usize, [base, ours, theirs]: [&Group; 3]) -> Group {
        let p = Place::Group(g);
        let items = Items {
            field: Field::Activity,
            place: Box::new(move |at| {
                at.map_or(Place::Group(g), |activity| Place::Activity { group: g, activity })
            }),
            value: Value::Activity,
        };
        let pairs = [
            match_activities(&base.activities, &ours.activities),
            match_activities(&base.activities, &theirs.activities),
        ];
        let activities = [&base.activities[..], &ours.activities, &theirs.activities];
        Group {
            title: self.field(
                p,
                Field::GroupTitle,
                [&base.title, &ours.title, &theirs.title],
                Value::Text,
            ),
            topic: self.field(
                p,
                Field::Topic,
                [&base.topic, &ours.topic, &theirs.topic],
                Value::Text,
            ),
            document_type: self.field(
                p,
                Field::DocumentType,
                [&base.document_type, &ours.document_type, &theirs.document_type],
                Value::DocumentType,
            ),
            general_objective: self.field(
                p,
                Field::GeneralObjective,
                [&base.general_objective, &ours.general_objective, &theirs.general_objective],
                Value::Text,
            ),
            specific_objectives: self.items_field(
                p,
                Field::SpecificObjectives,
                [&base.specific_objectives, &ours.specific_objectives, &theirs.specific_objectives],
                Value::Texts,
                String::clone,
            ),
            coordinators: self.items_field(
                p,
                Field::Coordinators,
                [&base.coordinators, &ours.coordinators, &theirs.coordinators],
                Value::Coordinators,
                |c| c.country.clone(),
            ),
            no_coordinators_stated: self.addition(
                p,
                "no_coordinators_stated",
                [
                    &base.no_coordinators_stated,
                    &ours.no_coordinators_stated,
                    &theirs.no_coordinators_stated,
                ],
            ),
            activities: self.list(activities, pairs, &items, |m, at, sides| {
                match m.choose(sides) {
                    Some(activity) => activity.clone(),
                    None => m.activity(Place::Activity { group: g, activity: at }, sides),
                }
            }),
        }
    }

    fn activity(&mut self, p: Place, [base, ours, theirs]: [&Activity; 3]) -> Activity {
        Activity {
            topic: self.field(
                p,
                Field::ActivityTopic,
                [&base.topic, &ours.topic, &theirs.topic],
                Value::Topic,
            ),
            description: self.field(
                p,
                Field::Description,
                [&base.description, &ours.description, &theirs.description],
                Value::Text,
            ),
            progress: self.field(
                p,
                Field::Progress,
                [&base.progress, &ours.progress, &theirs.progress],
                Value::Progress,
            ),
            remarks: self.field(
                p,
                Field::Remarks,
                [&base.remarks, &ours.remarks, &theirs.remarks],
                Value::Text,
            ),
        }
    }
}

mod items;
mod list;
mod path;
#[cfg(test)]
mod tests;
