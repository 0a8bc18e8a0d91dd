//! Every kind of edit together through one history; editors asked to save or quit; the
//! selection and the figures after undo and redo.

use wgtrack::action::Pane;
use wgtrack::app::{App, Figures, Mode, RowKind};
use wgtrack::edit::{Field, List};
use wgtrack::store;

use crate::common::{Driver, shipped};
use crate::{VIII, assert_report, assert_saves_and_validates};

#[test]
fn every_kind_of_edit_is_undone_back_to_the_file_and_redone() {
    let mut d = Driver::new();
    let mut steps = 0;
    // Activities.
    d.select_activity(VIII, 6);
    d.ch('e');
    d.typed(" by the countries");
    d.enter();
    d.ch('T');
    d.typed("Review");
    d.enter();
    d.ch('a');
    d.typed("Publication");
    d.enter();
    d.ch('K');
    d.ch('d');
    d.ch('y');
    steps += 5;
    // Group details.
    d.ch('h');
    assert_eq!(d.app.focus(), Pane::Groups);
    d.ch('e');
    d.enter();
    d.typed(" (revised)");
    d.enter();
    d.goto_row("document type", |k| matches!(k, RowKind::DocumentType(_)));
    d.enter();
    d.goto_field(Field::SpecificObjective(VIII, 1));
    d.ch('J');
    d.goto_add(List::Coordinators(VIII));
    d.enter();
    d.typed("Mexico");
    d.enter();
    // The institution is asked next: left empty.
    d.esc();
    d.esc();
    steps += 4;
    // Groups.
    d.ch('a');
    d.typed("Data science");
    d.enter();
    d.ch('K');
    d.ch('d');
    d.ch('y');
    steps += 3;
    // Report details.
    d.ch('i');
    d.enter();
    d.typed(" (draft)");
    d.enter();
    d.goto_add(List::Sections);
    d.enter();
    d.typed("Next steps");
    d.enter();
    d.goto_field(Field::Paragraph(0, 1));
    d.ch('K');
    steps += 3;
    let after = d.app.report().clone();
    assert_ne!(after, shipped());
    assert_saves_and_validates(&after);
    for _ in 0..steps {
        d.ch('u');
        assert!(d.message().starts_with("Undid"), "{}", d.message());
    }
    assert_report(&d, &shipped());
    assert!(!d.app.is_modified());
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
    for _ in 0..steps {
        d.ctrl('r');
        assert!(d.message().starts_with("Redid"), "{}", d.message());
    }
    assert_report(&d, &after);
    d.ctrl('r');
    assert_eq!(d.message(), "Nothing to redo");
}

#[test]
fn typed_text_is_kept_when_the_editor_asks_to_quit() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    d.ch('e');
    d.typed(" by the countries");
    d.ctrl('c');
    assert!(matches!(d.app.mode(), Mode::ConfirmQuit), "{:?}", d.app.mode());
    assert_eq!(
        d.app.report().groups[VIII].activities[6].description,
        "Review of the document by the countries"
    );
    // An emptied required field: the editor stays.
    d.esc();
    d.ch('e');
    d.clear();
    d.ctrl('c');
    assert!(d.editor().is_some());
    assert!(d.is_error());
    assert!(!d.app.should_quit());
}

#[test]
fn ctrl_s_in_the_editor_of_a_new_item_adds_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    std::fs::write(&path, store::SHIPPED).unwrap();
    let mut d = Driver::of(App::new(shipped(), path.clone()));
    d.select_activity(VIII, 6);
    d.ch('a');
    d.typed("Publication");
    d.ctrl('s');
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.groups[VIII].activities.len(), 9, "Ctrl-S saved the new activity");
    d.esc();
    assert_eq!(
        d.app.report().groups[VIII].activities.len(),
        9,
        "the new activity was added twice: {:?}",
        d.app.report().groups[VIII].activities.iter().map(|a| &a.description).collect::<Vec<_>>()
    );
}

#[test]
fn ctrl_s_in_the_editor_of_a_field_saves_the_text_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    std::fs::write(&path, store::SHIPPED).unwrap();
    let mut d = Driver::of(App::new(shipped(), path.clone()));
    d.select_activity(VIII, 6);
    d.ch('e');
    d.typed(" by the countries");
    d.ctrl('s');
    assert!(d.editor().is_some(), "the editor stays open after saving");
    let saved = store::load(&path).unwrap();
    let mut expected = shipped();
    expected.groups[VIII].activities[6].description =
        "Review of the document by the countries".into();
    assert_eq!(saved, expected);
    d.esc();
    assert_report(&d, &expected);
    assert!(!d.app.is_modified());
    d.ch('u');
    assert_report(&d, &shipped());
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
}

#[test]
fn undo_and_redo_keep_the_selection_inside_the_report() {
    // Undo of an activity added after the last one.
    let mut d = Driver::new();
    d.select_activity(VIII, 7);
    d.ch('a');
    d.typed("Publication");
    d.enter();
    assert_eq!(d.app.activity(), 8);
    d.ch('u');
    assert!(d.app.selected_activity().is_some(), "activity {} of 8 selected", d.app.activity() + 1);

    // Redo of the deletion of the last activity.
    let mut d = Driver::new();
    d.select_activity(VIII, 7);
    d.ch('d');
    d.ch('y');
    d.ch('u');
    d.ctrl('r');
    assert!(d.app.selected_activity().is_some(), "activity {} of 7 selected", d.app.activity() + 1);

    // Redo of the deletion of the last group.
    let mut d = Driver::new();
    d.select_group(10);
    d.ch('d');
    d.ch('y');
    d.ch('u');
    d.ctrl('r');
    assert!(d.app.selected_group().is_some(), "group {} of 10 selected", d.app.group() + 1);
}

#[test]
fn figures_follow_groups_added_deleted_and_moved() {
    #[track_caller]
    fn assert_figures(d: &Driver, what: &str) {
        assert!(*d.app.figures() == Figures::of(d.app.report()), "{what}: stale figures");
    }
    let mut d = Driver::new();
    d.select_group(10);
    d.ch('a');
    d.typed("Data science");
    d.enter();
    assert_figures(&d, "added XII");
    d.ch('u');
    assert_figures(&d, "undid the addition");
    d.ctrl('r');
    assert_figures(&d, "redid the addition");

    let mut d = Driver::new();
    d.select_group(2);
    d.ch('d');
    d.ch('y');
    assert_figures(&d, "deleted III");
    d.ch('u');
    assert_figures(&d, "undid the deletion");

    let mut d = Driver::new();
    d.select_group(1);
    d.ch('J');
    assert_figures(&d, "moved II down");
    d.ch('u');
    assert_figures(&d, "undid the move");
}

/// "Modified" means the report differs from the file: an edit and its opposite, or a
/// coordinator added and deleted again, leave nothing to save, and quitting asks nothing.
#[test]
fn an_edit_and_its_opposite_leave_the_report_unmodified() {
    use wgtrack::action::Action;
    let mut d = Driver::new();
    d.act(Action::Open);
    d.act(Action::ProgressDown);
    assert!(d.app.is_modified());
    d.act(Action::ProgressUp);
    assert!(!d.app.is_modified(), "back to what the file holds");

    // Group X: a coordinator added, filled in and deleted.
    d.act(Action::Back);
    d.act(Action::SelectGroup(9));
    d.act(Action::Details);
    let add =
        d.app.detail_rows().iter().position(|r| r.kind == RowKind::Add(List::Coordinators(9)));
    while d.app.details().row != add.expect("the row that adds a coordinator") {
        d.act(Action::Down);
    }
    d.act(Action::Open);
    d.paste("Chile");
    d.enter();
    d.esc();
    assert!(d.app.is_modified(), "a coordinator was added");
    let country = d.app.detail_rows().iter().position(|r| {
        matches!(r.kind, RowKind::Field { field: Field::Country(9, _), .. }) && r.value == "Chile"
    });
    while d.app.details().row != country.expect("the new coordinator's row") {
        d.act(Action::Up);
    }
    d.act(Action::DeleteItem);
    d.act(Action::Confirm);
    assert!(!d.app.is_modified(), "{:?}", d.app.message());
    d.act(Action::Quit);
    assert!(d.app.should_quit(), "nothing to save, so no question: {:?}", d.app.mode());
}
