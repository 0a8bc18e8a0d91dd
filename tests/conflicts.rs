//! A file a merge left with conflicts, resolved in the app: the conflicts screen, each
//! choice an undoable change, and the save refused until none is left, then clean.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use common::{Driver, FAKE_PATH, assert_snapshot, shipped};
use crossterm::event::KeyCode;
use wgtrack::action::Pane;
use wgtrack::app::App;
use wgtrack::merge::merge;
use wgtrack::model::{Progress, Report};
use wgtrack::store::{self, Expect};

/// The shipped report edited two ways from itself: VIII.7's progress (8 → 40 and 55),
/// III.2's remarks and V.3's description, each differently on each side.
fn sides() -> (Report, Report, Report) {
    let base = shipped();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    theirs.groups[7].activities[6].progress = Progress::new(55).unwrap();
    let remarks = &base.groups[2].activities[1].remarks;
    ours.groups[2].activities[1].remarks = format!("{remarks} Reviewed in March.");
    theirs.groups[2].activities[1].remarks = format!("{remarks} Sent to the countries.");
    let description = &base.groups[4].activities[2].description;
    ours.groups[4].activities[2].description = format!("{description}, in person");
    theirs.groups[4].activities[2].description = format!("{description}, online");
    (base, ours, theirs)
}

/// The text of the file the merge driver leaves: each conflicting field marked.
fn marked_text() -> String {
    let (base, ours, theirs) = sides();
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 3);
    store::marked_text(&merged)
}

/// The app opened on a marked file at `path`, as `main` opens it.
fn opened(path: PathBuf) -> App {
    let opened = store::open_resolving(&path).expect("a marked file opens");
    App::new(opened.report, path)
        .with_conflicts(opened.conflicts)
        .with_disk(Expect::Content(opened.fingerprint))
}

/// The app on the marked text, at the fake path (never saved), on a 120×40 screen.
fn on_screen() -> Driver {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    std::fs::write(&path, marked_text()).unwrap();
    let opened = store::open_resolving(&path).unwrap();
    let app = App::new(opened.report, PathBuf::from(FAKE_PATH)).with_conflicts(opened.conflicts);
    Driver::of(app).on_screen(120, 40)
}

#[test]
fn a_marked_file_opens_on_its_conflicts_each_in_its_place() {
    let mut driver = on_screen();
    assert_eq!(driver.app.focus(), Pane::Conflicts);
    let screen = driver.settled_text();
    assert!(screen.contains("Conflicts (3)"), "{screen}");
    assert!(screen.contains("VIII.7 progress: ours 40%, theirs 55%, was 8%"), "{screen}");
    // The selected conflict in full: each side's words against what they were.
    assert!(screen.contains("{+ Reviewed in March.+}"), "{screen}");
    assert!(screen.contains("{+ Sent to the"), "{screen}");
    assert_snapshot("conflicts_120x40", driver.backend());
    driver.ch('j');
    driver.ch('j');
    let screen = driver.settled_text();
    assert!(screen.contains("ours    40%"), "{screen}");
    assert!(screen.contains("was     8%"), "{screen}");
    assert_snapshot("conflicts_progress_80x24", {
        driver.resize(80, 24);
        driver.settle();
        driver.backend()
    });
}

#[test]
fn each_choice_is_a_change_that_undo_takes_back() {
    let mut driver = on_screen();
    let count = |d: &Driver| d.app.document().conflicts_left();
    let progress = |d: &Driver| d.app.report().groups[7].activities[6].progress.get();
    // The first in file order is III.2's remarks; then V.3; then VIII.7.
    let order: Vec<String> = driver
        .app
        .document()
        .conflicts()
        .iter()
        .map(|(c, _)| c.conflict.path().to_string())
        .collect();
    assert_eq!(
        order,
        [
            "groups[2].activities[1].remarks",
            "groups[4].activities[2].description",
            "groups[7].activities[6].progress"
        ]
    );
    driver.ch('o');
    assert_eq!(count(&driver), 2);
    assert_eq!(driver.app.selected_conflict(), 1, "the next conflict left is selected");
    driver.ch('j');
    driver.ch('t');
    assert_eq!(count(&driver), 1);
    assert_eq!(progress(&driver), 55);
    assert!(driver.message().contains("VIII.7 progress: theirs"), "{}", driver.message());
    driver.ch('u');
    assert_eq!(count(&driver), 2, "undo brings the conflict back");
    assert_eq!(progress(&driver), 40);
    assert_eq!(driver.app.selected_conflict(), 2);
    driver.ctrl('r');
    assert_eq!((count(&driver), progress(&driver)), (1, 55));
    // A resolved conflict is not resolved again.
    driver.ch('t');
    assert_eq!(count(&driver), 1);
    assert!(driver.message().contains("Resolved already"), "{}", driver.message());
    // Undone twice, both come back.
    driver.ch('u');
    driver.ch('u');
    assert_eq!(count(&driver), 3);
}

#[test]
fn an_edit_resolves_its_conflict_and_edits_elsewhere_wait_for_the_conflicts() {
    let mut driver = on_screen();
    driver.ch('j');
    driver.ch('e');
    assert!(driver.editor().is_some(), "the description's editor opens, holding ours");
    let description =
        format!("{}, in person and online", shipped().groups[4].activities[2].description);
    driver.replace_with(&description);
    driver.enter();
    assert_eq!(driver.app.report().groups[4].activities[2].description, description);
    assert_eq!(driver.app.document().conflicts_left(), 2);
    assert_eq!(driver.app.focus(), Pane::Conflicts);
    // Progress is typed, as everywhere.
    driver.ch('j');
    driver.ch('e');
    driver.typed("47");
    driver.enter();
    assert_eq!(driver.app.report().groups[7].activities[6].progress.get(), 47);
    assert_eq!(driver.app.document().conflicts_left(), 1);
    // Enter shows the place; an edit there waits until the conflicts are resolved.
    driver.key(KeyCode::Home);
    driver.enter();
    assert_eq!(driver.app.focus(), Pane::Activities);
    assert_eq!((driver.app.group(), driver.app.activity()), (2, 1));
    driver.ch('p');
    assert!(driver.is_error(), "{}", driver.message());
    assert!(
        driver.message().contains("1 conflicts from the merge are left"),
        "{}",
        driver.message()
    );
    driver.ch('C');
    assert_eq!(driver.app.focus(), Pane::Conflicts);
}

#[test]
fn saving_is_refused_while_conflicts_are_left_then_writes_a_clean_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    std::fs::write(&path, marked_text()).unwrap();
    let mut driver = Driver::of(opened(path.clone()));
    assert!(driver.app.is_modified(), "the file's markers are not the report");
    driver.ch('o');
    driver.ctrl('s');
    assert!(driver.is_error(), "{}", driver.message());
    assert!(driver.message().contains("2 conflicts are left"), "{}", driver.message());
    assert!(std::fs::read_to_string(&path).unwrap().contains("<<<<<<<"), "the file is as it was");
    driver.ch('t');
    driver.ch('t');
    driver.ctrl('s');
    assert!(!driver.is_error(), "{}", driver.message());
    assert!(driver.message().contains("run git add"), "{}", driver.message());
    assert!(!driver.app.is_modified());
    let saved = store::load(&path).expect("a clean file");
    let (_, ours, theirs) = sides();
    assert_eq!(saved.groups[2].activities[1].remarks, ours.groups[2].activities[1].remarks);
    assert_eq!(saved.groups[4].activities[2], theirs.groups[4].activities[2]);
    assert_eq!(saved.groups[7].activities[6].progress.get(), 55);
}
