//! Editing what format 2 added, in the details forms: the front matter's distribution,
//! languages and job number, the notes of the introduction's paragraphs, and whether the
//! source states a group has no coordinator.

use crossterm::event::KeyCode;
use wgtrack::app::{EditTarget, Mode, RowKind};
use wgtrack::edit::{Field, Front, List};
use wgtrack::model::{Distribution, Language, Note};

use crate::assert_history;
use crate::common::{Driver, shipped};

/// The report's details form, opened with `i`.
fn report_details() -> Driver {
    let mut d = Driver::new();
    d.ch('i');
    d
}

/// The row of a choice of the front matter, whatever its value.
fn front_row(kind: &RowKind, which: fn(Front) -> bool) -> bool {
    matches!(kind, RowKind::Front(front) if which(*front))
}

#[test]
fn the_distribution_goes_through_its_values_and_not_stated_each_an_undoable_change() {
    let mut d = report_details();
    d.goto_row("distribution", |k| front_row(k, |f| matches!(f, Front::Distribution(_))));
    assert_eq!(d.selected_row().label, "Distribution");
    assert_eq!(d.selected_row().value, "limited");
    let expected = [
        (Some(Distribution::Restricted), "restricted"),
        (None, "not stated"),
        (Some(Distribution::General), "general"),
        (Some(Distribution::Limited), "limited"),
    ];
    for (value, word) in expected {
        let before = d.app.report().clone();
        d.enter();
        assert_eq!(d.message(), format!("Changed distribution: {word}"));
        assert_eq!(d.selected_row().value, word);
        let mut after = before.clone();
        after.distribution = value;
        assert_history(&mut d, &before, &after);
    }
}

#[test]
fn the_languages_are_chosen_the_same_way() {
    let mut d = report_details();
    d.goto_row("language", |k| front_row(k, |f| matches!(f, Front::Language(_))));
    assert_eq!(d.selected_row().value, "English");
    let before = d.app.report().clone();
    d.enter();
    let mut after = before.clone();
    after.language = Some(Language::Spanish);
    assert_history(&mut d, &before, &after);

    d.goto_row("original language", |k| front_row(k, |f| matches!(f, Front::OriginalLanguage(_))));
    assert_eq!(d.selected_row().label, "Original language");
    assert_eq!(d.selected_row().value, "Spanish");
    let before = after;
    d.ch('e');
    let mut after = before.clone();
    after.original_language = Some(Language::French);
    assert_eq!(d.message(), "Changed original language: French");
    assert_history(&mut d, &before, &after);
}

#[test]
fn the_job_number_is_a_field_and_empty_means_none() {
    let mut d = report_details();
    let before = d.app.report().clone();
    d.goto_field(Field::JobNumber);
    assert_eq!(d.selected_row().value, "21-00161");
    d.enter();
    assert_eq!(d.editor_title(), "job number");
    d.replace_with("21-00999");
    d.enter();
    let mut after = before.clone();
    after.job_number = Some("21-00999".into());
    assert_eq!(d.message(), "Changed job number");
    assert_history(&mut d, &before, &after);

    let before = after;
    d.enter();
    d.clear();
    d.enter();
    let mut after = before.clone();
    after.job_number = None;
    assert_history(&mut d, &before, &after);
    assert_eq!(d.selected_row().value, "");
}

/// The shipped report's one note: on the second paragraph of the first section.
fn the_note() -> Note {
    let note = shipped().introduction[0].notes[0].clone();
    assert_eq!(note.paragraph, 1);
    note
}

#[test]
fn a_paragraphs_notes_are_rows_under_it_edited_as_fields() {
    let mut d = report_details();
    let rows = d.app.detail_rows();
    let paragraph = rows
        .iter()
        .position(|r| matches!(r.kind, RowKind::Field { field: Field::Paragraph(0, 1), .. }))
        .unwrap();
    let note = &rows[paragraph + 1];
    assert_eq!(note.label, "    note 1");
    assert_eq!(note.value, the_note().text);
    assert_eq!(
        note.kind,
        RowKind::Field { field: Field::Note(0, 0), item: Some((List::Notes(0, 1), 0)) }
    );
    assert_eq!(rows[paragraph + 2].label, "    + note");
    assert_eq!(rows[paragraph + 2].kind, RowKind::Add(List::Notes(0, 1)));
    // A paragraph without notes has only the row that adds one.
    assert_eq!(rows[paragraph - 1].kind, RowKind::Add(List::Notes(0, 0)));

    let before = d.app.report().clone();
    d.goto_field(Field::Note(0, 0));
    d.enter();
    assert_eq!(d.editor_title(), "note 1 of section 1");
    d.replace_with("See resolution 11(X).");
    d.enter();
    let mut after = before.clone();
    after.introduction[0].notes[0].text = "See resolution 11(X).".into();
    assert_history(&mut d, &before, &after);

    // A note may not be emptied: it would print an empty footnote.
    d.enter();
    d.clear();
    d.enter();
    assert!(d.is_error(), "{}", d.message());
    assert_eq!(d.message(), "The note 1 of section 1 must not be empty");
}

#[test]
fn notes_are_added_to_their_paragraph_deleted_after_asking_and_reordered_within_it() {
    let mut d = report_details();
    // The first note of the first paragraph, from its row.
    let before = d.app.report().clone();
    d.goto_add(List::Notes(0, 0));
    d.enter();
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Notes(0, 0), index: 0 }));
    assert_eq!(d.editor_title(), "new note 1 of paragraph 1 of section 1");
    d.typed("First.");
    d.enter();
    let mut after = before.clone();
    after.introduction[0].notes.insert(0, Note { paragraph: 0, text: "First.".into() });
    assert_eq!(d.message(), "Added note 1 of paragraph 1 of section 1");
    assert_history(&mut d, &before, &after);

    // `a` on the second paragraph's note adds one after it, to the same paragraph.
    let before = after;
    d.goto_field(Field::Note(0, 1));
    d.ch('a');
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Notes(0, 1), index: 1 }));
    d.paste("Second.");
    d.enter();
    let mut after = before.clone();
    after.introduction[0].notes.push(Note { paragraph: 1, text: "Second.".into() });
    assert_history(&mut d, &before, &after);

    // Moved up within the paragraph, and no further.
    let before = after;
    d.goto_field(Field::Note(0, 2));
    d.ch('K');
    let mut after = before.clone();
    after.introduction[0].notes.swap(1, 2);
    assert_eq!(
        d.selected_row().kind,
        RowKind::Field { field: Field::Note(0, 1), item: Some((List::Notes(0, 1), 0)) }
    );
    assert_history(&mut d, &before, &after);
    d.ch('K');
    assert_eq!(d.message(), "It is already at the end");
    assert_eq!(d.app.report(), &after);

    // Deleted after asking; its paragraph keeps the other.
    let before = after;
    d.goto_field(Field::Note(0, 1));
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { list: List::Notes(0, 1), index: 0 }));
    d.ch('y');
    let mut after = before.clone();
    after.introduction[0].notes.remove(1);
    assert_eq!(d.message(), "Deleted note 1 of paragraph 2 of section 1");
    assert_history(&mut d, &before, &after);
    let texts: Vec<&str> =
        d.app.report().introduction[0].notes.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["First.", the_note().text.as_str()]);
}

#[test]
fn a_note_goes_with_its_paragraph_when_the_paragraph_is_deleted_and_comes_back_on_undo() {
    let mut d = report_details();
    let before = d.app.report().clone();
    d.goto_field(Field::Paragraph(0, 1));
    d.ch('d');
    d.ch('y');
    let mut after = before.clone();
    after.introduction[0].paragraphs.remove(1);
    after.introduction[0].notes.clear();
    assert_history(&mut d, &before, &after);
    d.ch('u');
    assert_eq!(d.app.report(), &before);
    assert!(d.app.detail_rows().iter().any(|r| matches!(
        r.kind,
        RowKind::Field { field: Field::Note(0, 0), item: Some((List::Notes(0, 1), 0)) }
    )));
}

#[test]
fn the_group_says_where_a_coordinator_was_stated_and_whether_the_source_states_none() {
    let mut d = Driver::new();
    d.select_group(9);
    d.ch('e');
    let rows = d.app.detail_rows();
    let said = rows.iter().find(|r| r.kind == RowKind::Said).expect("a row saying where");
    assert_eq!(said.value, "(from the remarks of activity 1)");
    assert_eq!(said.label, "    source");
    // Text to read: the selection passes over it.
    d.goto_field(Field::Institution(9, 0));
    d.key(KeyCode::Down);
    assert_ne!(d.selected_row().kind, RowKind::Said);

    let before = d.app.report().clone();
    d.goto_row("no coordinators", |k| *k == RowKind::NoCoordinators(9));
    assert_eq!(d.selected_row().label, "  stated in source");
    assert_eq!(d.selected_row().value, "as listed");
    d.enter();
    assert_eq!(d.message(), "Group X: the source states no coordinator");
    assert_eq!(d.selected_row().value, "none: the source says the group has no coordinator");
    let mut after = before.clone();
    after.groups[9].no_coordinators_stated = true;
    assert_history(&mut d, &before, &after);
}

#[test]
fn the_format_row_of_a_format_2_file_says_so() {
    let mut d = report_details();
    d.key(KeyCode::Home);
    assert_eq!(d.selected_row().kind, RowKind::Format);
    assert_eq!(d.selected_row().value, "2");
    d.enter();
    assert_eq!(d.message(), "report.ron is format 2, the newest this wgtrack writes");
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert_eq!(d.app.report(), &shipped());
}

#[test]
fn search_finds_the_job_number_and_the_notes_and_goes_to_their_rows() {
    let report = shipped();
    let texts = wgtrack::i18n::Lang::En.texts();
    let hits = wgtrack::search::find(&report, "21-00161");
    assert_eq!(hits.iter().map(|h| h.field).collect::<Vec<_>>(), [Field::JobNumber]);
    assert_eq!(wgtrack::search::place(Field::JobNumber, &report, texts), "Job number");
    let hits = wgtrack::search::find(&report, "resolution 11(X) online");
    assert_eq!(hits.iter().map(|h| h.field).collect::<Vec<_>>(), [Field::Note(0, 0)]);
    assert_eq!(wgtrack::search::place(Field::Note(0, 0), &report, texts), "Introduction ¶2 note");

    let mut d = Driver::new();
    d.ch('/');
    d.typed("resolution 11(X) online");
    d.enter();
    assert_eq!(d.app.focus(), wgtrack::action::Pane::Details);
    assert_eq!(
        d.selected_row().kind,
        RowKind::Field { field: Field::Note(0, 0), item: Some((List::Notes(0, 1), 0)) }
    );
}
