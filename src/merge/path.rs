//! Where a conflict is, said as a field path and its values said in short, as the command
//! line and the file's errors say them.

use super::{Conflict, Field, Place, Value};
use crate::validate::FieldPath;

impl Conflict {
    /// Where the conflict is in the merged report, as a field path
    /// (`groups[7].activities[6].progress`; `groups[3].activities` for an activity ours
    /// removed).
    pub fn path(&self) -> FieldPath {
        let path = FieldPath(Vec::new());
        let path = match self.place {
            Place::Report => path,
            Place::Group(g) => path.field("groups").index(g),
            Place::Activity { group, activity } => {
                path.field("groups").index(group).field("activities").index(activity)
            }
        };
        let name = match (self.place, self.field) {
            (_, Field::Symbol) => "symbol",
            (_, Field::Date) => "date",
            (_, Field::Title) => "title",
            (_, Field::Meeting) => "meeting",
            (_, Field::Venue) => "venue",
            (_, Field::Introduction) => "introduction",
            (_, Field::GroupTitle) => "title",
            (_, Field::Topic | Field::ActivityTopic) => "topic",
            (_, Field::DocumentType) => "document_type",
            (_, Field::GeneralObjective) => "general_objective",
            (_, Field::SpecificObjectives) => "specific_objectives",
            (_, Field::Coordinators) => "coordinators",
            (Place::Report, Field::Group) => "groups",
            (Place::Group(_), Field::Activity) => "activities",
            (_, Field::Group | Field::Activity) => return path,
            (_, Field::Description) => "description",
            (_, Field::Progress) => "progress",
            (_, Field::Remarks) => "remarks",
            (_, Field::Addition(name)) => name,
        };
        path.field(name)
    }
}

impl Value {
    /// The value in a few words: a number, a short quoted text, a count.
    pub fn brief(&self) -> String {
        match self {
            Value::Text(text) | Value::Topic(Some(text)) => quoted(text),
            Value::Topic(None) => "no topic".into(),
            Value::Progress(progress) => progress.get().to_string(),
            Value::Texts(texts) => count(texts.len(), "item"),
            Value::Coordinators(coordinators) => count(coordinators.len(), "coordinator"),
            Value::Sections(sections) => count(sections.len(), "section"),
            Value::DocumentType(document_type) => format!("{document_type:?}"),
            Value::Group(Some(group)) => format!("the group {}", quoted(&group.title)),
            Value::Activity(Some(activity)) => {
                format!("the activity {}", quoted(&activity.description))
            }
            Value::Group(None) | Value::Activity(None) => "removed".into(),
            Value::Raw(text) => quoted(text),
        }
    }
}

/// A text in quotes, cut after 40 characters.
fn quoted(text: &str) -> String {
    let mut cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    format!("{cut:?}")
}

fn count(n: usize, what: &str) -> String {
    match n {
        1 => format!("1 {what}"),
        n => format!("{n} {what}s"),
    }
}
