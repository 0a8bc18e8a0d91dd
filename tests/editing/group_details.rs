//! Editing a group's details: title, topic, document type, objectives, coordinators.

use wgtrack::action::Pane;
use wgtrack::app::{DetailsOf, EditTarget, Mode, RowKind};
use wgtrack::edit::{Field, List};
use wgtrack::model::{Coordinator, DocumentType};

use crate::common::{Driver, shipped};
use crate::{VI, VIII, assert_history, assert_report, assert_saves_and_validates};

/// The details form of group `g`, opened with `e` on the groups pane.
fn group_details(g: usize) -> Driver {
    let mut d = Driver::new();
    d.select_group(g);
    d.ch('e');
    assert_eq!(d.app.focus(), Pane::Details);
    assert_eq!(d.app.details().of, DetailsOf::Group(g));
    d
}

#[test]
fn a_group_title_and_topic_are_edited_in_the_details() {
    let mut d = group_details(1);
    // The form opens on the title.
    assert_eq!(d.selected_row().kind, RowKind::Field { field: Field::GroupTitle(1), item: None });
    let before = d.app.report().clone();
    d.enter();
    assert_eq!(d.editor_title(), "title of group II");
    d.replace_with("Guide to census experiences");
    d.enter();
    let mut after = before.clone();
    after.groups[1].title = "Guide to census experiences".into();
    assert_eq!(d.app.focus(), Pane::Details, "back in the form");
    assert_history(&mut d, &before, &after);

    let before = after;
    d.goto_field(Field::GroupTopic(1));
    d.ch('e');
    assert_eq!(d.editor().as_deref(), Some("Censuses"));
    d.replace_with("Population censuses");
    d.enter();
    let mut after = before.clone();
    after.groups[1].topic = "Population censuses".into();
    assert_history(&mut d, &before, &after);

    // Esc leaves the form for the groups pane.
    d.esc();
    assert_eq!(d.app.focus(), Pane::Groups);
}

#[test]
fn an_empty_group_title_or_topic_is_refused() {
    for field in [Field::GroupTitle(1), Field::GroupTopic(1)] {
        let mut d = group_details(1);
        d.goto_field(field);
        d.enter();
        d.clear();
        d.enter();
        assert_eq!(d.editor().as_deref(), Some(""), "{field:?}");
        assert!(d.is_error(), "{field:?}");
        assert!(d.message().ends_with("must not be empty"), "{}", d.message());
        d.esc();
        assert!(d.editor().is_none(), "{field:?}: Esc leaves the field as it was");
        assert!(d.message().starts_with("Kept the"), "{}", d.message());
        assert_report(&d, &shipped());
    }
}

#[test]
fn the_document_type_switches_with_enter() {
    let mut d = group_details(1);
    assert_eq!(d.app.report().groups[1].document_type, DocumentType::Thematic);
    d.goto_row("document type", |k| *k == RowKind::DocumentType(1));
    assert_eq!(d.selected_row().value, "thematic");
    let before = d.app.report().clone();
    d.enter();
    let mut after = before.clone();
    after.groups[1].document_type = DocumentType::RegionalStandard;
    assert_eq!(d.selected_row().value, "regional standard");
    assert_eq!(d.message(), "Changed document type of group II: regional standard");
    assert_history(&mut d, &before, &after);
    // e switches it too, and back.
    d.ch('e');
    assert_report(&d, &before);
}

#[test]
fn the_general_objective_is_edited_and_may_be_empty() {
    let mut d = group_details(VIII);
    d.goto_field(Field::GeneralObjective(VIII));
    let before = d.app.report().clone();
    d.enter();
    d.replace_with("To develop a methodological document on administrative records.");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].general_objective =
        "To develop a methodological document on administrative records.".into();
    assert_history(&mut d, &before, &after);

    let before = after;
    d.enter();
    d.clear();
    d.enter();
    assert!(!d.is_error(), "{}", d.message());
    let mut after = before.clone();
    after.groups[VIII].general_objective = String::new();
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_specific_objective_is_added_after_the_selected_one_and_at_the_end() {
    let mut d = group_details(VIII);
    let before = d.app.report().clone();
    assert_eq!(before.groups[VIII].specific_objectives.len(), 4);
    d.goto_field(Field::SpecificObjective(VIII, 0));
    d.ch('a');
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Objectives(VIII), index: 1 }));
    assert_eq!(d.editor_title(), "new specific objective 2 of group VIII");
    d.typed("To publish the document.");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].specific_objectives.insert(1, "To publish the document.".into());
    assert_history(&mut d, &before, &after);

    // On the "+ objective" row, Enter adds at the end.
    let before = after;
    d.goto_add(List::Objectives(VIII));
    d.enter();
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Objectives(VIII), index: 5 }));
    d.typed("To train the countries.");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].specific_objectives.push("To train the countries.".into());
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_specific_objective_is_edited_deleted_and_reordered() {
    let mut d = group_details(VIII);
    let before = d.app.report().clone();
    d.goto_field(Field::SpecificObjective(VIII, 2));
    d.enter();
    assert_eq!(d.editor_title(), "specific objective 3 of group VIII");
    d.replace_with("To share statistical tools.");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].specific_objectives[2] = "To share statistical tools.".into();
    assert_history(&mut d, &before, &after);

    // Delete the first, after asking; n keeps it.
    let before = after;
    d.goto_field(Field::SpecificObjective(VIII, 0));
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { list: List::Objectives(VIII), index: 0 }));
    d.ch('n');
    assert_report(&d, &before);
    d.ch('d');
    d.ch('y');
    let mut after = before.clone();
    after.groups[VIII].specific_objectives.remove(0);
    assert_eq!(d.message(), "Deleted specific objective 1 of group VIII");
    assert_history(&mut d, &before, &after);

    // Move the second up: the selection follows it.
    let before = after;
    d.goto_field(Field::SpecificObjective(VIII, 1));
    d.ch('K');
    let mut after = before.clone();
    after.groups[VIII].specific_objectives.swap(0, 1);
    assert_eq!(
        d.selected_row().kind,
        RowKind::Field {
            field: Field::SpecificObjective(VIII, 0),
            item: Some((List::Objectives(VIII), 0))
        }
    );
    assert_history(&mut d, &before, &after);
    let before = after;
    d.ch('J');
    d.ch('J');
    let mut after = before.clone();
    after.groups[VIII].specific_objectives.swap(0, 1);
    after.groups[VIII].specific_objectives.swap(1, 2);
    d.ch('u');
    d.ctrl('r');
    assert_report(&d, &after);
    assert_saves_and_validates(&after);
}

#[test]
fn a_coordinator_is_added_country_first_then_its_institution() {
    let mut d = group_details(VIII);
    let before = d.app.report().clone();
    assert_eq!(before.groups[VIII].coordinators.len(), 1);
    d.goto_add(List::Coordinators(VIII));
    d.enter();
    // The editor names the field it asks for: the country, then the institution.
    assert_eq!(d.editor_title(), "country of coordinator 2 of group VIII");
    d.typed("Mexico");
    d.enter();
    let mut added = before.clone();
    added.groups[VIII].coordinators.push(Coordinator::new("Mexico", String::new()));
    assert_report(&d, &added);
    assert_eq!(d.editor_title(), "institution of coordinator 2 of group VIII");
    d.typed("National Institute of Statistics and Geography (INEGI)");
    d.enter();
    let mut after = added.clone();
    after.groups[VIII].coordinators[1].institution =
        "National Institute of Statistics and Geography (INEGI)".into();
    assert_history(&mut d, &added, &after);
    // Two changes: the coordinator added, then its institution.
    d.ch('u');
    d.ch('u');
    assert_report(&d, &before);
    d.ctrl('r');
    d.ctrl('r');
    assert_report(&d, &after);

    // `a` on a coordinator's row adds after it.
    let before = after;
    d.goto_field(Field::Country(VIII, 0));
    d.ch('a');
    assert_eq!(
        d.editor_target(),
        Some(EditTarget::New { list: List::Coordinators(VIII), index: 1 })
    );
    d.typed("Chile");
    d.enter();
    d.key(crossterm::event::KeyCode::Esc);
    let mut after = before.clone();
    after.groups[VIII].coordinators.insert(1, Coordinator::new("Chile", String::new()));
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_coordinator_listed_twice_is_warned_about_and_kept() {
    let mut d = group_details(VIII);
    let first = d.app.report().groups[VIII].coordinators[0].clone();
    d.goto_add(List::Coordinators(VIII));
    d.enter();
    d.typed(&first.country);
    d.enter();
    assert!(!d.is_error(), "a country alone is no duplicate: {}", d.message());
    // The same institution, spaced and cased otherwise.
    d.typed(&format!(" {} ", first.institution.to_uppercase()));
    d.enter();
    assert!(d.is_error(), "{}", d.message());
    assert_eq!(
        d.message(),
        "Coordinator 2 of group VIII is coordinator 1 again (same country and institution)"
    );
    assert_eq!(d.app.report().groups[VIII].coordinators.len(), 2, "kept: it may be meant");
    // Another institution is no duplicate.
    d.goto_field(Field::Institution(VIII, 1));
    d.enter();
    d.replace_with("Central Bank");
    d.enter();
    assert!(!d.is_error(), "{}", d.message());
}

#[test]
fn a_group_without_coordinators_gets_its_first() {
    let mut d = group_details(VI);
    assert!(d.app.report().groups[VI].coordinators.is_empty());
    let before = d.app.report().clone();
    d.goto_add(List::Coordinators(VI));
    d.ch('a');
    d.typed("Mexico");
    d.enter();
    d.esc();
    let mut after = before.clone();
    after.groups[VI].coordinators.push(Coordinator::new("Mexico", String::new()));
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_coordinator_is_edited_and_an_empty_country_refused() {
    let mut d = group_details(VIII);
    let before = d.app.report().clone();
    d.goto_field(Field::Country(VIII, 0));
    d.enter();
    d.clear();
    d.enter();
    assert!(d.is_error());
    assert_eq!(d.message(), "The country of coordinator 1 of group VIII must not be empty");
    assert_eq!(d.editor().as_deref(), Some(""));
    d.typed("Republic of Colombia");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].coordinators[0].country = "Republic of Colombia".into();
    assert_history(&mut d, &before, &after);

    let before = after;
    d.goto_field(Field::Institution(VIII, 0));
    d.enter();
    d.replace_with("DANE");
    d.esc();
    let mut after = before.clone();
    after.groups[VIII].coordinators[0].institution = "DANE".into();
    assert_history(&mut d, &before, &after);

    // An empty institution is allowed.
    let before = after;
    d.enter();
    d.clear();
    d.enter();
    assert!(!d.is_error(), "{}", d.message());
    let mut after = before.clone();
    after.groups[VIII].coordinators[0].institution = String::new();
    assert_history(&mut d, &before, &after);

    // A new coordinator with no country: nothing added.
    d.goto_add(List::Coordinators(VIII));
    d.enter();
    d.enter();
    assert_eq!(d.message(), "Nothing added");
    assert_report(&d, &after);
}

#[test]
fn a_coordinator_is_deleted_from_either_of_its_rows() {
    for field in [Field::Country(VIII, 0), Field::Institution(VIII, 0)] {
        let mut d = group_details(VIII);
        let before = d.app.report().clone();
        d.goto_field(field);
        d.ch('d');
        assert!(
            matches!(
                d.app.mode(),
                Mode::ConfirmDelete { list: List::Coordinators(VIII), index: 0 }
            ),
            "{field:?}"
        );
        d.ch('y');
        let mut after = before.clone();
        after.groups[VIII].coordinators.clear();
        assert_history(&mut d, &before, &after);
    }
}

#[test]
fn fields_that_are_not_list_items_cannot_be_deleted_or_moved() {
    let mut d = group_details(VIII);
    for field in [Field::GroupTitle(VIII), Field::GeneralObjective(VIII)] {
        d.goto_field(field);
        d.ch('d');
        assert!(matches!(d.app.mode(), Mode::Normal), "{field:?}");
        d.ch('K');
        d.ch('J');
        assert_report(&d, &shipped());
    }
}
