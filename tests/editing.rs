//! "Edit the whole report": every kind of edit, driven with keys through the default keymap
//! (`Keymap::action` then `App::update`, as the event loop does, without drawing). Each test
//! checks the report after the edit, that `u` gives back the report before it and `Ctrl-R`
//! the one after, and that the result saves to text that loads and validates.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod editing {
    mod activities;
    mod format_1;
    mod format_2;
    mod group_details;
    mod groups;
    mod history;
    mod report_details;
    mod typing;
    mod wrapping;
}

use std::path::Path;

use wgtrack::app::Mode;
use wgtrack::model::Report;
use wgtrack::{store, validate};

use common::Driver;

/// Group indices of the shipped report.
const VI: usize = 5;
const VIII: usize = 7;

/// The app's report is `expected`; a failure shows the lines of the file that differ, not
/// two whole reports.
#[track_caller]
fn assert_report(d: &Driver, expected: &Report) {
    if d.app.report() == expected {
        return;
    }
    let got = store::to_text(d.app.report());
    let want = store::to_text(expected);
    let lines: Vec<String> = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .filter(|(_, (g, w))| g != w)
        .take(6)
        .map(|(i, (g, w))| format!("line {}:\n  got  {g}\n  want {w}", i + 1))
        .collect();
    panic!(
        "the report differs ({} lines, {} expected):\n{}",
        got.lines().count(),
        want.lines().count(),
        lines.join("\n")
    );
}

/// The report saves to text that loads back as the same report, with no problem.
#[track_caller]
fn assert_saves_and_validates(report: &Report) {
    let text = store::to_text(report);
    let loaded = store::parse(Path::new("edited.ron"), &text).expect("the saved text loads");
    assert_eq!(&loaded, report);
    assert_eq!(validate::problems(report), []);
}

/// The report is `after`; `u` gives back `before`, `Ctrl-R` `after` again; `after` saves
/// and validates.
#[track_caller]
fn assert_history(d: &mut Driver, before: &Report, after: &Report) {
    assert!(matches!(d.app.mode(), Mode::Normal), "the editor closed: {:?}", d.app.mode());
    assert_report(d, after);
    assert_ne!(before, after, "the edit changed nothing");
    d.ch('u');
    assert!(d.message().starts_with("Undid"), "{}", d.message());
    assert_report(d, before);
    d.ctrl('r');
    assert!(d.message().starts_with("Redid"), "{}", d.message());
    assert_report(d, after);
    assert_saves_and_validates(after);
}
