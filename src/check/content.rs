//! What a report says against itself: remarks that contradict the progress, activities
//! without remarks, groups without coordinators, the same activity or coordinator twice.

use std::collections::HashMap;

use super::words::{Language, completed, not_yet, phrase_in, phrase_in_unless, under_way};
use super::{Finding, Found, Level, Rule};
use crate::edit::Field;
use crate::model::{Activity, Group, Status};
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
                    Found::DoneButUnderWay { phrase },
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
                    Found::CompletedBelowFull { progress: activity.progress, phrase },
                ));
            }
            if activity.remarks.trim().is_empty() {
                found.push(Finding::new(
                    Level::Warning,
                    Rule::EmptyRemarks,
                    field,
                    Found::EmptyRemarks { status },
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
        let stated = group.no_coordinators_stated;
        let level = if stated { Level::Information } else { Level::Warning };
        found.push(Finding::at(
            level,
            Rule::NoCoordinators,
            Field::GroupTitle(g),
            path,
            Found::NoCoordinators { stated },
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
                Found::DuplicateActivity { group: g, first },
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
                Found::DuplicateCoordinator { first },
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
