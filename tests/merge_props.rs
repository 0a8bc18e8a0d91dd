//! The merge of two random lines of edits from one report, made with the app's edit
//! operations: where they touch different fields the merge is clean and is both lines of
//! edits; where both set one field differently, that is the one conflict; and the merged
//! file, markers included, always loads and writes back as it read.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use wgtrack::edit::{Field, List, new_item};
use wgtrack::merge::{self, Place};
use wgtrack::model::{Progress, Report};
use wgtrack::store::{self, LoadError};

/// An edit as the app makes it, by indexes taken modulo the base's sizes.
#[derive(Debug, Clone)]
enum Edit {
    /// Words added at the end of a text field (as one edits a text, keeping what it says).
    Append(u8, usize, usize, usize, String),
    Progress(usize, usize, u8),
    AddActivity(usize, String),
}

/// What an edit touches, in the base, so that two lines of edits can be kept apart.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Text(Field),
    Progress(usize, usize),
    Activities(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let word = "[a-z]{3,8}";
    prop_oneof![
        (0..8u8, 0..20usize, 0..20usize, 0..20usize, word)
            .prop_map(|(k, i, j, l, w)| Edit::Append(k, i, j, l, w)),
        (0..20usize, 0..20usize, 0..=100u8).prop_map(|(g, a, p)| Edit::Progress(g, a, p)),
        (0..20usize, word).prop_map(|(g, w)| Edit::AddActivity(g, w)),
    ]
}

/// The field an `Append` names in `base`, if the base has one there.
fn text_field(base: &Report, kind: u8, i: usize, j: usize, l: usize) -> Option<Field> {
    let g = i % base.groups.len();
    let group = &base.groups[g];
    let of = |n: usize, len: usize| (len > 0).then(|| n % len);
    Some(match kind {
        0 => Field::Venue,
        1 => Field::Title,
        2 => {
            let s = of(i, base.introduction.len())?;
            Field::Paragraph(s, of(j, base.introduction[s].paragraphs.len())?)
        }
        3 => Field::SpecificObjective(g, of(j, group.specific_objectives.len())?),
        4 => Field::Institution(g, of(j, group.coordinators.len())?),
        5 => Field::GeneralObjective(g),
        6 => Field::Description(g, of(j + l, group.activities.len())?),
        _ => Field::Remarks(g, of(j, group.activities.len())?),
    })
}

/// What `edit` touches in `base`.
fn target(base: &Report, edit: &Edit) -> Option<Target> {
    match edit {
        Edit::Append(k, i, j, l, _) => text_field(base, *k, *i, *j, *l).map(Target::Text),
        Edit::Progress(g, a, _) => {
            let g = g % base.groups.len();
            let len = base.groups[g].activities.len();
            (len > 0).then(|| Target::Progress(g, a % len))
        }
        Edit::AddActivity(g, _) => Some(Target::Activities(g % base.groups.len())),
    }
}

/// Applies `edit` (found in `base`) to `report`, as the app would; `side` names the line of
/// edits in what it adds, so the two never add alike.
fn apply(report: &mut Report, base: &Report, edit: &Edit, side: &str) {
    match (edit, target(base, edit)) {
        (Edit::Append(.., word), Some(Target::Text(field))) => {
            let text = field.get(report).unwrap();
            field.set(report, format!("{text} {word}").trim().to_string());
        }
        (Edit::Progress(.., p), Some(Target::Progress(g, a))) => {
            report.groups[g].activities[a].progress = Progress::new((*p).into()).unwrap();
        }
        (Edit::AddActivity(_, word), Some(Target::Activities(g))) => {
            let list = List::Activities(g);
            let at = list.len(report);
            let item =
                new_item(list, format!("New {side} activity {word}"), report, at.checked_sub(1));
            list.insert(report, at, item);
        }
        _ => {}
    }
}

fn applied(base: &Report, start: &Report, edits: &[Edit], side: &str) -> Report {
    let mut report = start.clone();
    edits.iter().for_each(|e| apply(&mut report, base, e, side));
    report
}

/// What reading the merged file gives: the report and its conflicts, which must round-trip.
fn read_back(merged: &merge::Merged) -> Result<(), TestCaseError> {
    let text = store::marked_text(merged);
    let path = std::path::Path::new("report.ron");
    match store::parse(path, &text) {
        Ok(report) => {
            prop_assert!(merged.conflicts.is_empty());
            prop_assert_eq!(&report, &merged.report);
            prop_assert_eq!(store::to_text(&report), text);
        }
        Err(LoadError::Conflicted { report, conflicts, .. }) => {
            prop_assert_eq!(&*report, &merged.report);
            prop_assert_eq!(conflicts.len(), merged.conflicts.len());
            for c in &merged.conflicts {
                prop_assert!(conflicts.iter().any(|m| m.conflict == *c), "{c:?} not read back");
            }
            prop_assert_eq!(store::parse(path, &store::to_text(&report)).unwrap(), *report);
        }
        Err(error) => prop_assert!(false, "the merged file does not load: {error}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(common::cases::config(64))]

    #[test]
    fn edits_of_different_fields_merge_into_both_and_one_field_set_apart_is_one_conflict(
        mine in proptest::collection::vec(edit(), 0..10),
        other in proptest::collection::vec(edit(), 0..10),
        (g, a, p, q) in (0..11usize, 0..20usize, 0..=100u8, 0..=100u8),
    ) {
        let base = common::shipped();
        let theirs_targets: Vec<Option<Target>> = other.iter().map(|e| target(&base, e)).collect();
        // Ours keeps to what theirs does not touch (adding activities both may do).
        let mine: Vec<Edit> = mine
            .into_iter()
            .filter(|e| match target(&base, e) {
                Some(Target::Activities(_)) | None => true,
                t => !theirs_targets.contains(&t),
            })
            .collect();
        let ours = applied(&base, &base, &mine, "ours");
        let theirs = applied(&base, &base, &other, "theirs");
        let merged = merge::merge(&base, &ours, &theirs);
        prop_assert_eq!(&merged.conflicts, &[]);
        let both = applied(&base, &ours, &other, "theirs");
        prop_assert!(merged.report == both, "the merge is not both lines of edits");
        read_back(&merged)?;

        // One progress both set, differently, that neither line touched otherwise.
        let a = a % base.groups[g].activities.len();
        let was = u8::from(base.groups[g].activities[a].progress);
        prop_assume!(p != q && p != was && q != was);
        let untouched = |edits: &[Edit]| {
            edits.iter().all(|e| target(&base, e) != Some(Target::Progress(g, a)))
        };
        prop_assume!(untouched(&mine) && untouched(&other));
        let set = |report: &Report, n: u8| {
            let mut report = report.clone();
            report.groups[g].activities[a].progress = Progress::new(n.into()).unwrap();
            report
        };
        let merged = merge::merge(&base, &set(&ours, p), &set(&theirs, q));
        let places: Vec<_> = merged.conflicts.iter().map(|c| (c.place, c.field)).collect();
        prop_assert_eq!(places, [(Place::Activity { group: g, activity: a }, merge::Field::Progress)]);
        prop_assert!(merged.report == set(&both, p), "ours is held at the conflict");
        read_back(&merged)?;
    }
}
