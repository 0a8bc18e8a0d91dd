//! What a report says against itself: remarks that contradict the progress, activities
//! without remarks, groups without coordinators, the same activity or coordinator twice.

use std::collections::HashMap;

use super::words::{Language, completed, not_yet, phrase_in, phrase_in_unless, under_way};
use super::{Finding, Level, Rule};
use crate::edit::Field;
use crate::model::{Activity, Group, Status, numeral};
use crate::validate::FieldPath;

/// The rules of one activity. Both languages' phrases are looked for: a remark in the
/// other language says the same thing.
pub(super) fn activity(
    g: usize,
    a: usize,
    activity: &Activity,
    language: Language,
    found: &mut Vec<Finding>,
) {
    let lists = [language, language.other()];
    let field = Field::Remarks(g, a);
    match activity.progress.status() {
        Status::Completed => {
            if let Some(phrase) =
                lists.iter().find_map(|&l| phrase_in(&activity.remarks, under_way(l)))
            {
                found.push(Finding::new(
                    Level::Warning,
                    Rule::DoneButUnderWay,
                    field,
                    format!("at 100% but the remarks say “{phrase}”"),
                ));
            }
        }
        status => {
            if let Some(phrase) = lists
                .iter()
                .find_map(|&l| phrase_in_unless(&activity.remarks, completed(l), not_yet(l)))
            {
                found.push(Finding::new(
                    Level::Warning,
                    Rule::CompletedBelowFull,
                    field,
                    format!("at {} but the remarks say “{phrase}”", activity.progress),
                ));
            }
            if activity.remarks.trim().is_empty() {
                found.push(Finding::new(
                    Level::Warning,
                    Rule::EmptyRemarks,
                    field,
                    format!("{} and no remarks say how it stands", status.label()),
                ));
            }
        }
    }
}

/// The rules of a group as a whole: its coordinators and duplicates among its activities
/// and coordinators.
pub(super) fn group(g: usize, group: &Group, found: &mut Vec<Finding>) {
    if group.coordinators.is_empty() {
        // Where the source itself states there is none, the empty list is what it says.
        let path = FieldPath::default().field("groups").index(g).field("coordinators");
        let (level, message) = match group.no_coordinators_stated {
            true => (Level::Information, "the source states the group has no coordinating country"),
            false => (Level::Warning, "the group names no coordinating country"),
        };
        found.push(Finding::at(
            level,
            Rule::NoCoordinators,
            Field::GroupTitle(g),
            path,
            message.into(),
        ));
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (a, activity) in group.activities.iter().enumerate() {
        let key = normal(&activity.description);
        if key.is_empty() {
            continue;
        }
        match seen.get(&key) {
            Some(&first) => found.push(Finding::new(
                Level::Warning,
                Rule::DuplicateActivity,
                Field::Description(g, a),
                format!("the same description as activity {}.{}", numeral(g + 1), first + 1),
            )),
            None => {
                seen.insert(key, a);
            }
        }
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (c, coordinator) in group.coordinators.iter().enumerate() {
        let key = (normal(&coordinator.country), normal(&coordinator.institution));
        match seen.get(&key) {
            Some(&first) => found.push(Finding::new(
                Level::Warning,
                Rule::DuplicateCoordinator,
                Field::Country(g, c),
                format!("the same coordinator as coordinator {}", first + 1),
            )),
            None => {
                seen.insert(key, c);
            }
        }
    }
}

/// A text compared as a reader would: case and runs of white space do not count.
fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}
