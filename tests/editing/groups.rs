//! Editing the list of groups: add, delete, move.

use crossterm::event::KeyCode;
use wgtrack::action::Pane;
use wgtrack::app::{EditTarget, Mode};
use wgtrack::edit::List;
use wgtrack::model::{DocumentType, Group};

use crate::common::{Driver, shipped};
use crate::{assert_history, assert_report};

/// The group `a` makes from the title typed: the title is its topic too, until edited.
fn new_group(title: &str) -> Group {
    Group {
        title: title.into(),
        topic: title.into(),
        document_type: DocumentType::Thematic,
        general_objective: String::new(),
        specific_objectives: Vec::new(),
        coordinators: Vec::new(),
        no_coordinators_stated: false,
        activities: Vec::new(),
    }
}

#[test]
fn a_group_is_added_after_the_selected_one() {
    let mut d = Driver::new();
    d.select_group(10);
    let before = d.app.report().clone();
    d.ch('a');
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Groups, index: 11 }));
    assert_eq!(d.editor_title(), "new group XII");
    d.typed("Data science");
    d.enter();
    let mut after = before.clone();
    after.groups.push(new_group("Data science"));
    assert_eq!(d.app.group(), 11);
    assert_history(&mut d, &before, &after);

    // In the middle: the groups after it are renumbered.
    let mut d = Driver::new();
    let before = d.app.report().clone();
    d.ch('a');
    d.typed("Data science");
    d.enter();
    let mut after = before.clone();
    after.groups.insert(1, new_group("Data science"));
    assert_eq!(after.groups[2].topic, "Censuses", "group II is group III now");
    assert_eq!(d.app.group(), 1);
    assert_history(&mut d, &before, &after);
    // An empty title adds nothing.
    d.ch('h');
    assert_eq!(d.app.focus(), Pane::Groups);
    d.ch('a');
    d.enter();
    assert_eq!(d.message(), "Nothing added");
    assert_report(&d, &after);
}

#[test]
fn a_group_is_deleted_after_asking() {
    let mut d = Driver::new();
    d.select_group(2);
    let before = d.app.report().clone();
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { list: List::Groups, index: 2 }));
    d.ch('n');
    assert_report(&d, &before);
    assert_eq!(d.message(), "Nothing deleted");
    d.ch('d');
    d.ch('y');
    let mut after = before.clone();
    after.groups.remove(2);
    assert_eq!(d.message(), "Deleted group III");
    assert_eq!(d.app.group(), 2);
    // Undo gives back the whole group, activities and all.
    assert_history(&mut d, &before, &after);

    // The last group of the list: the selection moves to the new last.
    let before = after;
    d.ch('h');
    assert_eq!(d.app.focus(), Pane::Groups);
    d.key(KeyCode::End);
    d.ch('d');
    d.ch('y');
    let mut after = before.clone();
    after.groups.pop();
    assert_eq!(d.app.group(), 8);
    assert_history(&mut d, &before, &after);
}

#[test]
fn the_last_group_cannot_be_deleted() {
    let mut report = shipped();
    report.groups.truncate(1);
    let mut d = Driver::with(report.clone());
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert!(d.is_error());
    assert_eq!(d.message(), "A report needs at least one working group");
    assert_report(&d, &report);
}

#[test]
fn a_group_is_moved_down_and_up() {
    let mut d = Driver::new();
    d.select_group(1);
    let before = d.app.report().clone();
    d.ch('J');
    let mut after = before.clone();
    after.groups.swap(1, 2);
    assert_eq!(d.app.group(), 2, "the selection follows the group");
    assert_eq!(d.message(), "Moved group II to position 3");
    assert_history(&mut d, &before, &after);

    let mut d = Driver::new();
    d.select_group(1);
    d.ch('K');
    let mut after = before.clone();
    after.groups.swap(0, 1);
    assert_eq!(d.app.group(), 0);
    assert_history(&mut d, &before, &after);
    // The first group does not move up.
    d.ch('h');
    assert_eq!(d.app.focus(), Pane::Groups);
    d.key(KeyCode::Home);
    d.ch('K');
    assert_report(&d, &after);
    assert_eq!(d.message(), "It is already at the end");
}
