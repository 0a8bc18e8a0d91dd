use std::path::Path;

use super::*;
use crate::merge::{Field, Place, Value};
use crate::model::{Activity, Progress};
use crate::store::{parse, shipped, to_text};

fn path() -> &'static Path {
    Path::new("report.ron")
}

/// What reading `text` gives: ours and the conflicts, or the error.
fn read(text: &str) -> (Report, Vec<MarkedConflict>) {
    match parse(path(), text) {
        Err(LoadError::Conflicted { report, conflicts, .. }) => (*report, conflicts),
        other => panic!("not read as conflicted: {other:?}"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

#[test]
fn markers_wrap_exactly_the_conflicting_fields_lines_and_read_back_as_the_merge() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    theirs.groups[7].activities[6].progress = Progress::new(55).unwrap();
    ours.venue = "Santiago".into();
    theirs.venue = "Online".into();
    theirs.groups[2].activities[0].remarks = "Only theirs.".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 2);

    let text = marked_text(&merged);
    let was = base.groups[7].activities[6].progress.get();
    let field = |n: &dyn std::fmt::Display| format!("{}progress: {n},\n", " ".repeat(20));
    let block = format!(
        "<<<<<<< ours\n{}||||||| base\n{}=======\n{}>>>>>>> theirs\n",
        field(&40),
        field(&was),
        field(&55)
    );
    assert!(text.contains(&block), "{text}");
    assert!(text.contains("<<<<<<< ours\n    venue: \"Santiago\",\n||||||| base\n"));
    assert_eq!(text.lines().count(), to_text(&merged.report).lines().count() + 2 * 6);

    let (report, conflicts) = read(&text);
    assert_eq!(report, merged.report);
    let found: Vec<Conflict> = conflicts.iter().map(|c| c.conflict.clone()).collect();
    assert_eq!(found, merged.conflicts);
    assert_eq!(conflicts[0].line, line_of(&text, "venue") - 1);
    assert_eq!(conflicts[1].line, line_of(&text, "progress: 40") - 1);
    let said = conflicts[1].to_string();
    assert_eq!(said, format!("groups[7].activities[6].progress: ours 40, theirs 55, was {was}"));
}

#[test]
fn an_activity_removed_on_one_side_and_changed_on_the_other_reads_back_alike() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    ours.groups[3].activities.remove(0);
    ours.groups[4].activities[0].remarks = "Changed by ours.".into();
    let mut theirs = base.clone();
    theirs.groups[3].activities[0].progress = Progress::ZERO;
    theirs.groups[4].activities.remove(0);
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 2);

    let text = marked_text(&merged);
    let (report, conflicts) = read(&text);
    assert_eq!(report, merged.report);
    let mut found: Vec<Conflict> = conflicts.iter().map(|c| c.conflict.clone()).collect();
    let mut expected = merged.conflicts.clone();
    let key = |c: &Conflict| format!("{}", c.path());
    found.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(found, expected);
    assert!(matches!(
        found.iter().find(|c| c.place == Place::Group(3)).unwrap().ours,
        Value::Activity(None)
    ));
}

#[test]
fn a_merge_without_conflicts_is_the_usual_layout() {
    let base = shipped().unwrap();
    let mut theirs = base.clone();
    theirs.groups[1].activities.push(Activity {
        topic: None,
        description: "New".into(),
        progress: Progress::ZERO,
        remarks: String::new(),
    });
    let merged = merge(&base, &base, &theirs);
    assert_eq!(marked_text(&merged), to_text(&theirs));
}

#[test]
fn markers_without_a_base_make_every_difference_a_conflict() {
    let base = shipped().unwrap();
    let text = to_text(&base);
    let venue = line_of(&text, "    venue:");
    let lines: Vec<&str> = text.lines().collect();
    // As plain git writes it: two lines in one block, no base section.
    let mut marked = lines[..venue - 2].join("\n");
    marked.push_str("\n<<<<<<< HEAD\n    meeting: \"Ours\",\n");
    marked.push_str(lines[venue - 1]);
    marked.push_str("\n=======\n    meeting: \"Theirs\",\n    venue: \"Online\",\n>>>>>>> other\n");
    marked.push_str(&lines[venue..].join("\n"));
    marked.push('\n');

    let (report, conflicts) = read(&marked);
    assert_eq!(report.meeting, "Ours");
    assert_eq!(report.venue, base.venue);
    let fields: Vec<(usize, Field)> =
        conflicts.iter().map(|c| (c.line, c.conflict.field)).collect();
    assert_eq!(fields, [(venue - 1, Field::Meeting), (venue - 1, Field::Venue)]);
}

#[test]
fn an_error_in_one_side_names_the_files_line_and_markers_out_of_order_are_refused() {
    let text = to_text(&shipped().unwrap());
    let venue = line_of(&text, "    venue:");
    let lines: Vec<&str> = text.lines().collect();
    let mut marked = lines[..venue - 1].join("\n");
    marked.push_str("\n<<<<<<< ours\n    venue: \"Ours\",\n||||||| base\n");
    marked.push_str(lines[venue - 1]);
    marked.push_str("\n=======\n    venue: 12,\n>>>>>>> theirs\n");
    marked.push_str(&lines[venue..].join("\n"));
    match parse(path(), &marked) {
        Err(LoadError::Syntax { line, .. }) => assert_eq!(line, venue + 5),
        other => panic!("{other:?}"),
    }
    let cut = marked.replace(">>>>>>> theirs\n", "");
    match parse(path(), &cut) {
        Err(error @ LoadError::Syntax { .. }) => {
            assert_eq!(
                error.to_string(),
                format!(
                    "report.ron:{venue}:1: a conflict begins here and is not closed (`>>>>>>>`)"
                )
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_kind_of_conflict_is_marked_and_read_back() {
    let base = shipped().unwrap();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    for (side, name) in [(&mut ours, "ours"), (&mut theirs, "theirs")] {
        side.introduction[0].paragraphs[0] = format!("Rewritten by {name}.");
        side.groups[0].specific_objectives[0] = format!("Objective of {name}.");
        side.groups[0].coordinators[0].institution = format!("Institute of {name}");
        side.groups[1].activities[0].topic = Some(format!("Topic of {name}"));
    }
    ours.groups[2].title.push_str(" (ours)");
    theirs.groups[2].title.push_str(" (theirs)");
    // The last group removed by ours and changed by theirs; the one before, the other way.
    ours.groups.pop();
    theirs.groups[10].activities[0].progress = Progress::ZERO;
    theirs.groups.remove(9);
    ours.groups[9].activities[0].remarks = "Changed by ours.".into();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 7, "{:#?}", merged.conflicts);

    let text = marked_text(&merged);
    assert_eq!(text.matches("<<<<<<< ours\n").count(), 7);
    let (report, conflicts) = read(&text);
    assert_eq!(report, merged.report);
    let found: Vec<String> = conflicts.iter().map(|c| c.conflict.path().to_string()).collect();
    let mut expected: Vec<String> = merged.conflicts.iter().map(|c| c.path().to_string()).collect();
    expected.sort();
    let mut sorted = found.clone();
    sorted.sort();
    assert_eq!(sorted, expected);
    // In file order, each at the line of its markers.
    let lines: Vec<usize> = conflicts.iter().map(|c| c.line).collect();
    let markers: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "<<<<<<< ours")
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines, markers, "{found:?}");
}
