use proptest::prelude::*;

use super::*;
use crate::store::shipped;

fn activity(description: &str, progress: u8) -> Activity {
    Activity {
        topic: None,
        description: description.into(),
        progress: Progress::new(progress.into()).unwrap(),
        remarks: String::new(),
    }
}

fn progress(report: &Report, g: usize, a: usize) -> u8 {
    report.groups[g].activities[a].progress.into()
}

#[test]
fn edits_of_different_fields_are_all_kept() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    ours.title = "Third report".into();
    let mut theirs = base.clone();
    theirs.groups[7].activities[6].remarks = "Reviewed by the countries.".into();
    theirs.groups[1].activities[0].progress = Progress::new(55).unwrap();

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, []);
    let mut both = ours.clone();
    both.groups[7].activities[6].remarks = "Reviewed by the countries.".into();
    both.groups[1].activities[0].progress = Progress::new(55).unwrap();
    assert_eq!(merged.report, both);
}

#[test]
fn a_field_changed_alike_is_taken_once_and_changed_differently_is_a_conflict() {
    let base = shipped().unwrap();
    let was = progress(&base, 1, 0);
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for side in [&mut ours, &mut theirs] {
        side.groups[0].activities[1].remarks = "Both wrote this.".into();
    }
    ours.groups[1].activities[0].progress = Progress::new(45).unwrap();
    theirs.groups[1].activities[0].progress = Progress::new(55).unwrap();

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.report.groups[0].activities[1].remarks, "Both wrote this.");
    assert_eq!(progress(&merged.report, 1, 0), 45, "ours is held where both differ");
    assert_eq!(
        merged.conflicts,
        [Conflict {
            place: Place::Activity { group: 1, activity: 0 },
            field: Field::Progress,
            base: Value::Progress(Progress::new(was.into()).unwrap()),
            ours: Value::Progress(Progress::new(45).unwrap()),
            theirs: Value::Progress(Progress::new(55).unwrap()),
        }]
    );
}

#[test]
fn a_reworded_activity_takes_the_other_sides_progress() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    ours.groups[7].activities[1].description.push_str(" of the region");
    let mut theirs = base.clone();
    theirs.groups[7].activities[1].progress = Progress::new(90).unwrap();

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, []);
    let activity = &merged.report.groups[7].activities[1];
    assert!(activity.description.ends_with(" of the region"));
    assert_eq!(u8::from(activity.progress), 90);
}

#[test]
fn activities_added_on_both_sides_are_kept_each_after_the_one_it_followed() {
    let base = shipped().unwrap();
    let len = base.groups[2].activities.len();
    let mut ours = base.clone();
    ours.groups[2].activities.insert(1, activity("Ours after the first", 5));
    ours.groups[2].activities.push(activity("Added alike", 0));
    let mut theirs = base.clone();
    theirs.groups[2].activities.insert(2, activity("Theirs after the second", 7));
    theirs.groups[2].activities.insert(0, activity("Theirs first", 1));
    theirs.groups[2].activities.push(activity("Added alike", 0));

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, []);
    let descriptions: Vec<&str> =
        merged.report.groups[2].activities.iter().map(|a| a.description.as_str()).collect();
    let base_descriptions: Vec<&str> =
        base.groups[2].activities.iter().map(|a| a.description.as_str()).collect();
    let mut expected = vec!["Theirs first", base_descriptions[0], "Ours after the first"];
    expected.push(base_descriptions[1]);
    expected.push("Theirs after the second");
    expected.extend(&base_descriptions[2..]);
    expected.push("Added alike");
    assert_eq!(descriptions, expected);
    assert_eq!(descriptions.len(), len + 4);
}

#[test]
fn a_removal_stands_unless_the_other_side_changed_the_activity() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    let removed = ours.groups[3].activities.remove(0);
    ours.groups[4].activities[0].remarks = "Changed by ours.".into();
    let mut theirs = base.clone();
    theirs.groups[4].activities.remove(0);
    theirs.groups[5].activities.remove(1);

    // Removed where the other side left it alone: removed.
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.report.groups[3].activities, ours.groups[3].activities);
    assert_eq!(merged.report.groups[5].activities, theirs.groups[5].activities);
    // Removed by theirs, changed by ours: kept as ours changed it, and a conflict.
    assert_eq!(merged.report.groups[4].activities, ours.groups[4].activities);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.place, Place::Activity { group: 4, activity: 0 });
    assert_eq!(conflict.field, Field::Activity);
    assert_eq!(conflict.theirs, Value::Activity(None));

    // Removed by ours, changed by theirs: stays removed (ours), a conflict on the group.
    let mut theirs = base.clone();
    theirs.groups[3].activities[0].progress = Progress::ZERO;
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.report.groups[3].activities, ours.groups[3].activities);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].place, Place::Group(3));
    assert_eq!(merged.conflicts[0].base, Value::Activity(Some(removed)));
    assert_eq!(merged.conflicts[0].ours, Value::Activity(None));
}

#[test]
fn front_matter_and_group_fields_merge_one_by_one() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    ours.venue = "Santiago".into();
    ours.groups[0].coordinators.pop();
    let mut theirs = base.clone();
    theirs.date = "2022-01-10".into();
    theirs.venue = "Online".into();
    theirs.groups[0].general_objective = "A new objective.".into();

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.report.date, "2022-01-10");
    assert_eq!(merged.report.venue, "Santiago");
    assert_eq!(merged.report.groups[0].general_objective, "A new objective.");
    assert_eq!(merged.report.groups[0].coordinators, ours.groups[0].coordinators);
    let fields: Vec<(Place, Field)> = merged.conflicts.iter().map(|c| (c.place, c.field)).collect();
    assert_eq!(fields, [(Place::Report, Field::Venue)]);
}

/// An edit of one activity field or of an activity list, by indexes taken modulo the sizes.
#[derive(Debug, Clone)]
enum Edit {
    Progress(usize, usize, u8),
    Remarks(usize, usize, String),
    Add(usize, usize, String),
    Remove(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0..6usize, 0..8usize, 0..=100u8).prop_map(|(g, a, p)| Edit::Progress(g, a, p)),
        (0..6usize, 0..8usize, "[a-z ]{0,12}").prop_map(|(g, a, r)| Edit::Remarks(g, a, r)),
        (0..6usize, 0..8usize, "[A-Z][a-z]{3,10}").prop_map(|(g, a, d)| Edit::Add(g, a, d)),
        (0..6usize, 0..8usize).prop_map(|(g, a)| Edit::Remove(g, a)),
    ]
}

/// Applies `edit` to the group of `report` it names among `groups`.
fn apply(report: &mut Report, edit: &Edit, groups: &[usize]) {
    let (g, a) = match edit {
        Edit::Progress(g, a, _) | Edit::Remarks(g, a, _) | Edit::Add(g, a, _) => (*g, *a),
        Edit::Remove(g, a) => (*g, *a),
    };
    let activities = &mut report.groups[groups[g % groups.len()]].activities;
    let at = a % (activities.len() + 1);
    match edit {
        Edit::Add(_, _, d) => activities.insert(at, activity(&format!("New {d} {at}"), 3)),
        _ if at == activities.len() => {}
        Edit::Progress(_, _, p) => activities[at].progress = Progress::new((*p).into()).unwrap(),
        Edit::Remarks(_, _, r) => activities[at].remarks = r.clone(),
        Edit::Remove(..) => {
            activities.remove(at);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Edits to different groups never conflict, and the merge is both sides' edits.
    #[test]
    fn edits_to_different_groups_merge_cleanly_into_both(
        seed in 0..1000u64,
        mine in proptest::collection::vec(edit(), 0..12),
        other in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = crate::generate::report(6, 6, seed);
        let (even, odd) = ([0, 2, 4], [1, 3, 5]);
        let mut ours = base.clone();
        mine.iter().for_each(|e| apply(&mut ours, e, &even));
        let mut theirs = base.clone();
        other.iter().for_each(|e| apply(&mut theirs, e, &odd));

        let merged = merge(&base, &ours, &theirs);
        prop_assert_eq!(&merged.conflicts, &[]);
        let mut both = ours.clone();
        for g in odd {
            both.groups[g] = theirs.groups[g].clone();
        }
        prop_assert_eq!(merged.report, both);
    }

    /// Merging with an unchanged side gives the other side, whatever it did.
    #[test]
    fn a_side_left_alone_gives_the_other(
        seed in 0..1000u64,
        edits in proptest::collection::vec(edit(), 0..12),
    ) {
        let base = crate::generate::report(6, 6, seed);
        let mut edited = base.clone();
        edits.iter().for_each(|e| apply(&mut edited, e, &[0, 1, 2, 3, 4, 5]));
        let merged = merge(&base, &edited, &base);
        prop_assert_eq!(&merged.report, &edited);
        prop_assert_eq!(&merged.conflicts, &[]);
        let merged = merge(&base, &base, &edited);
        prop_assert_eq!(&merged.report, &edited);
        prop_assert_eq!(&merged.conflicts, &[]);
    }
}

#[test]
fn lists_merge_item_by_item_and_conflict_as_one_field() {
    let base = shipped().unwrap();
    let g =
        (0..base.groups.len()).find(|&g| base.groups[g].specific_objectives.len() >= 2).unwrap();
    let mut ours = base.clone();
    ours.groups[g].specific_objectives[0].push_str(" (ours)");
    ours.groups[g].coordinators[0].institution = "Ours".into();
    ours.introduction[0].paragraphs[0].push_str(" Ours.");
    let mut theirs = base.clone();
    theirs.groups[g].specific_objectives[1].push_str(" (theirs)");
    theirs.groups[g].specific_objectives.push("A new one".into());
    theirs.groups[g].coordinators.push(Coordinator::new("Peru", "INEI"));
    theirs.introduction[0].paragraphs.push("Theirs.".into());

    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts, []);
    let objectives = &merged.report.groups[g].specific_objectives;
    assert!(objectives[0].ends_with(" (ours)") && objectives[1].ends_with(" (theirs)"));
    assert_eq!(objectives.last().unwrap(), "A new one");
    let coordinators = &merged.report.groups[g].coordinators;
    assert_eq!(
        (coordinators[0].institution.as_str(), coordinators.last().unwrap().country.as_str()),
        ("Ours", "Peru")
    );
    let paragraphs = &merged.report.introduction[0].paragraphs;
    assert!(paragraphs[0].ends_with(" Ours.") && paragraphs.last().unwrap() == "Theirs.");

    // One objective changed differently: the list is one conflict, and ours holds.
    theirs.groups[g].specific_objectives[0].push_str(" (theirs too)");
    theirs.introduction[0].paragraphs[0].push_str(" Theirs.");
    let merged = merge(&base, &ours, &theirs);
    let fields: Vec<(Place, Field)> = merged.conflicts.iter().map(|c| (c.place, c.field)).collect();
    assert_eq!(
        fields,
        [(Place::Report, Field::Introduction), (Place::Group(g), Field::SpecificObjectives)]
    );
    assert_eq!(merged.report.groups[g].specific_objectives, ours.groups[g].specific_objectives);
    assert_eq!(merged.report.introduction, ours.introduction);
}

#[test]
fn two_way_makes_every_difference_a_conflict_and_keeps_ours() {
    let base = shipped().unwrap();
    let mut theirs = base.clone();
    theirs.venue = "Online".into();
    theirs.groups[2].activities[0].progress = Progress::new(99).unwrap();
    theirs.groups[3].activities.push(activity("Only theirs", 1));
    theirs.groups[4].activities.remove(0);

    let merged = two_way(&base, &theirs);
    assert_eq!(merged.report, base);
    let fields: Vec<(Place, Field)> = merged.conflicts.iter().map(|c| (c.place, c.field)).collect();
    assert_eq!(
        fields,
        [
            (Place::Report, Field::Venue),
            (Place::Activity { group: 2, activity: 0 }, Field::Progress),
            (Place::Group(3), Field::Activity),
            (Place::Activity { group: 4, activity: 0 }, Field::Activity),
        ]
    );
    assert_eq!(two_way(&base, &base).conflicts, []);
}
