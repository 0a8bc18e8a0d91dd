//! The overview's list of what changed since the baseline: one line per changed activity
//! with its place and what changed, reached with Tab, Enter going there.

use std::path::PathBuf;

use crossterm::event::KeyCode;
use wgtrack::action::Pane;
use wgtrack::app::{App, OverviewList};
use wgtrack::model::{Activity, Progress};

use crate::common::{Driver, FAKE_PATH, shipped};
use crate::{BASELINE_PATH, snapshots, three_edits};

/// The three edits of group VIII, an activity added at the end of group III, and XI.2
/// removed: every kind of change.
fn every_kind(width: u16, height: u16) -> Driver {
    let mut report = three_edits();
    let added = Activity {
        description: "Regional seminar on disaster statistics".into(),
        progress: Progress::new(10).unwrap(),
        ..report.groups[2].activities[0].clone()
    };
    report.groups[2].activities.push(added);
    report.groups[10].activities.remove(1);
    let app = App::new(report, PathBuf::from(FAKE_PATH))
        .with_baseline(PathBuf::from(BASELINE_PATH), shipped());
    Driver::of(app).on_screen(width, height)
}

/// The overview with the list of changes in focus: Tab from the groups, past the behind.
fn changes(s: &mut Driver) {
    s.key(KeyCode::Char('v'));
    s.key(KeyCode::Tab);
    s.key(KeyCode::Tab);
}

#[test]
fn changes_since_the_baseline_snapshots() {
    snapshots("baseline_changes", every_kind, changes);
}

#[test]
fn each_change_is_listed_in_its_place_and_enter_goes_there() {
    let mut s = every_kind(120, 40);
    changes(&mut s);
    assert_eq!(s.app.overview().list, OverviewList::Changes);
    let text = s.settled_text();
    let line = |start: &str| {
        let found = text.lines().find(|l| l.contains(start));
        found.unwrap_or_else(|| panic!("no {start:?} line in\n{text}")).to_string()
    };
    assert!(line("Changed since the baseline: 5 activities").contains("Tab"), "{text}");
    assert!(line("│III.6 ").contains("new"), "{text}");
    assert!(line("│VIII.2 ").contains('≈'), "{text}");
    assert!(line("│VIII.6 ").contains('✎'), "{text}");
    assert!(line("│VIII.7 ").contains("8% → 40% +32"), "{text}");
    let removed = line("│XI (2) ");
    assert!(
        removed.contains("removed (") && removed.contains("Sharing of experiences"),
        "{removed}"
    );

    // Enter goes to each activity there is; a removed one's group, where it was.
    for (row, place) in [(0, (2, 5)), (3, (7, 6)), (4, (10, 1))] {
        s.key(KeyCode::Home);
        s.repeat(KeyCode::Char('j'), row);
        s.key(KeyCode::Enter);
        let at = (s.app.group(), s.app.activity(), s.app.focus());
        assert_eq!(at, (place.0, place.1, Pane::Activities), "row {row}");
        // The overview opens again on the same list.
        s.key(KeyCode::Char('v'));
        assert_eq!(s.app.overview().list, OverviewList::Changes);
    }
}

#[test]
fn without_a_baseline_tab_goes_between_the_groups_and_the_behind_only() {
    let mut s = Driver::screen(120, 40);
    s.key(KeyCode::Char('v'));
    s.key(KeyCode::Tab);
    assert_eq!(s.app.overview().list, OverviewList::Behind);
    s.key(KeyCode::Tab);
    assert_eq!(s.app.overview().list, OverviewList::Groups);
    s.key(KeyCode::BackTab);
    assert_eq!(s.app.overview().list, OverviewList::Behind);
    assert!(!s.settled_text().contains("Changed since the baseline"));
}
