//! A format-1 file in the app: whatever only format 2 holds asks to move the file on first.
//! No changes nothing; yes is an undoable change and the action goes on; the save writes
//! format 2 and keeps the format-1 file as its `.bak`, as `wgtrack migrate` does.

use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::KeyCode;
use wgtrack::app::{App, Mode, Needs, RowKind};
use wgtrack::edit::{Field, Front, List};
use wgtrack::model::{Distribution, FORMAT, FORMAT_1, Report};
use wgtrack::store::{self, Clock, Expect, Paths, lock};

use crate::common::Driver;

const SHIPPED_1: &str = include_str!("../fixtures/format-1/report-2020-2021.ron");

/// The app on `dir/report.ron` holding the format-1 shipped report, as the binary opens it.
fn opened(dir: &Path) -> (PathBuf, Driver) {
    let path = dir.join("report.ron");
    fs::write(&path, SHIPPED_1).unwrap();
    let (report, fingerprint) = store::open(&path).unwrap();
    assert_eq!(report.format, FORMAT_1);
    let app = App::new(report, path.clone())
        .with_disk(Expect::Content(fingerprint))
        .with_paths(&Paths::under(dir))
        .with_lock(lock::acquire(&path, Clock::System));
    (path, Driver::of(app))
}

fn format_1() -> Report {
    store::parse(Path::new("report.ron"), SHIPPED_1).unwrap()
}

fn is_distribution(kind: &RowKind) -> bool {
    matches!(kind, RowKind::Front(Front::Distribution(_)))
}

/// What the app is asking format 2 for, if it is asking.
fn asked(d: &Driver) -> Option<Needs> {
    match d.app.mode() {
        Mode::ConfirmFormat { needs, .. } => Some(*needs),
        _ => None,
    }
}

#[test]
fn no_leaves_the_file_format_1_and_it_saves_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = opened(dir.path());
    d.ch('i');
    d.goto_row("distribution", is_distribution);
    assert_eq!(d.selected_row().value, "not stated");
    d.enter();
    assert_eq!(asked(&d), Some(Needs::Distribution));
    d.ch('n');
    assert!(matches!(d.app.mode(), Mode::Normal), "{:?}", d.app.mode());
    assert_eq!(d.message(), "Not moved: report.ron stays format 1; nothing changed");
    assert_eq!(d.app.report(), &format_1());
    assert!(!d.app.is_modified());
    // Esc says no too.
    d.enter();
    d.esc();
    assert_eq!(d.app.report(), &format_1());

    d.ctrl('s');
    assert!(d.message().starts_with("Saved"), "{}", d.message());
    assert_eq!(fs::read_to_string(&path).unwrap(), SHIPPED_1, "format 1, byte for byte");
}

#[test]
fn yes_moves_the_file_on_the_choice_goes_on_and_the_save_keeps_the_format_1_file() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = opened(dir.path());
    d.ch('i');
    d.goto_row("distribution", is_distribution);
    d.enter();
    d.ch('y');
    assert!(matches!(d.app.mode(), Mode::Normal), "{:?}", d.app.mode());
    assert_eq!(d.app.report().format, FORMAT);
    assert_eq!(d.app.report().distribution, Some(Distribution::General));
    assert_eq!(d.message(), "Changed distribution: general");
    // Asked once: the next value needs no question.
    d.enter();
    assert_eq!(d.app.report().distribution, Some(Distribution::Limited));

    d.ctrl('s');
    assert!(d.message().starts_with("Saved"), "{}", d.message());
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.format, FORMAT);
    assert_eq!(saved.distribution, Some(Distribution::Limited));
    assert_eq!(Report { format: FORMAT_1, distribution: None, ..saved }, format_1());
    let backup = fs::read_to_string(store::backup_path(&path)).unwrap();
    assert_eq!(backup, SHIPPED_1, "the format-1 file is kept as its .bak");
}

#[test]
fn undoing_the_move_before_saving_gives_format_1_back_even_after_format_2_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut d) = opened(dir.path());
    d.ch('i');
    d.goto_field(Field::JobNumber);
    d.enter();
    assert_eq!(asked(&d), Some(Needs::JobNumber));
    d.ch('y');
    // The editor opened on the job number, as Enter would have on a format-2 file.
    assert_eq!(d.editor_title(), "job number");
    d.typed("21-00161");
    d.enter();
    assert_eq!(d.app.report().job_number.as_deref(), Some("21-00161"));
    d.ch('u');
    d.ch('u');
    assert_eq!(d.message(), "Undid: moved the file to format 2");
    assert_eq!(d.app.report(), &format_1());
    assert!(!d.app.is_modified());
    d.ctrl('r');
    assert_eq!(d.app.report().format, FORMAT);
    d.ch('u');

    d.ctrl('s');
    assert!(d.message().starts_with("Saved"), "{}", d.message());
    assert_eq!(fs::read_to_string(&path).unwrap(), SHIPPED_1);
}

#[test]
fn every_row_of_format_2_asks_first_and_a_no_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut d) = opened(dir.path());
    d.ch('i');
    type Row = fn(&RowKind) -> bool;
    let rows: [(Row, char, Needs); 7] = [
        (|k| *k == RowKind::Format, '\n', Needs::Format),
        (is_distribution, '\n', Needs::Distribution),
        (|k| matches!(k, RowKind::Front(Front::Language(_))), '\n', Needs::Language),
        (|k| matches!(k, RowKind::Front(Front::OriginalLanguage(_))), 'e', Needs::OriginalLanguage),
        (|k| matches!(k, RowKind::Field { field: Field::JobNumber, .. }), '\n', Needs::JobNumber),
        (|k| *k == RowKind::Add(List::Notes(0, 0)), '\n', Needs::Notes),
        (|k| *k == RowKind::Add(List::Notes(1, 0)), 'a', Needs::Notes),
    ];
    for (row, key, needs) in rows {
        d.goto_row(&format!("{needs:?}"), row);
        if key == '\n' {
            d.enter();
        } else {
            d.ch(key);
        }
        assert_eq!(asked(&d), Some(needs), "{needs:?}");
        d.esc();
        assert!(matches!(d.app.mode(), Mode::Normal));
    }
    assert_eq!(d.app.report(), &format_1());
    // The format row says how to move on, with the key as bound.
    d.key(KeyCode::Home);
    assert_eq!(d.selected_row().value, "1 — {key:open} to move to format 2");

    // A group's "none stated" too.
    d.esc();
    d.ch('e');
    d.goto_row("no coordinators", |k| matches!(k, RowKind::NoCoordinators(_)));
    d.enter();
    assert_eq!(asked(&d), Some(Needs::NoCoordinators));
    d.ch('y');
    assert_eq!(d.app.report().format, FORMAT);
    assert!(d.app.report().groups[0].no_coordinators_stated);
}

#[test]
fn the_format_row_moves_the_file_on_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut d) = opened(dir.path());
    d.ch('i');
    d.key(KeyCode::Home);
    d.enter();
    assert_eq!(asked(&d), Some(Needs::Format));
    d.ch('y');
    assert_eq!(d.message(), "Moved the file to format 2");
    assert_eq!(d.app.report(), &Report { format: FORMAT, ..format_1() });
    assert_eq!(d.selected_row().value, "2");
}

#[test]
fn marking_a_finding_reviewed_asks_first_and_a_yes_goes_on_to_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (_, mut d) = opened(dir.path());
    d.ch('!');
    assert!(d.app.findings().is_some_and(|f| !f.is_empty()), "findings to review");
    d.ch('r');
    assert_eq!(asked(&d), Some(Needs::Reviews));
    d.ch('n');
    assert!(matches!(d.app.mode(), Mode::Checks { .. }), "back on the list: {:?}", d.app.mode());
    assert_eq!(d.app.report().format, FORMAT_1);
    d.ch('r');
    d.ch('y');
    assert!(matches!(d.app.mode(), Mode::ReviewReason { .. }), "{:?}", d.app.mode());
    assert_eq!(d.app.report().format, FORMAT);
}

#[test]
fn a_file_another_wgtrack_holds_refuses_before_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    fs::write(&path, SHIPPED_1).unwrap();
    let _held = lock::acquire(&path, Clock::System).unwrap();
    let (_, mut d) = opened(dir.path());
    assert!(d.app.read_only().is_some());
    d.ch('i');
    d.goto_row("distribution", is_distribution);
    d.enter();
    assert!(matches!(d.app.mode(), Mode::Normal), "{:?}", d.app.mode());
    assert!(d.is_error() && d.message().starts_with("Read-only"), "{}", d.message());
    d.ch('!');
    d.ch('r');
    assert_eq!(asked(&d), None);
    assert_eq!(d.app.report(), &format_1());
}

#[test]
fn a_file_with_conflicts_left_refuses_before_asking() {
    let base = format_1();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.activity_mut(7, 6).unwrap().progress = wgtrack::model::Progress::new(40).unwrap();
    theirs.activity_mut(7, 6).unwrap().progress = wgtrack::model::Progress::new(55).unwrap();
    let text = store::marked_text(&wgtrack::merge::merge(&base, &ours, &theirs));
    let Err(store::LoadError::Conflicted { report, conflicts, .. }) =
        store::parse(Path::new("report.ron"), &text)
    else {
        panic!("the text is marked")
    };
    let app = App::new(*report, PathBuf::from("report.ron")).with_conflicts(conflicts);
    let mut d = Driver::of(app);
    d.ch('i');
    d.goto_row("distribution", is_distribution);
    d.enter();
    assert_eq!(asked(&d), None);
    assert!(d.is_error() && d.message().contains("conflict"), "{}", d.message());
    assert_eq!(d.app.report().format, FORMAT_1);
}
