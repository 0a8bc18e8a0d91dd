//! Editing the report's details: the front matter, section headings, paragraphs, sections.

use wgtrack::action::Pane;
use wgtrack::app::{DetailsOf, EditTarget, Mode, RowKind};
use wgtrack::edit::{Field, List};
use wgtrack::model::{Report, Section};

use crate::common::{Driver, shipped};
use crate::{assert_history, assert_report};

/// The report's details form, opened with `i`.
fn report_details() -> Driver {
    let mut d = Driver::new();
    d.ch('i');
    assert_eq!(d.app.focus(), Pane::Details);
    assert_eq!(d.app.details().of, DetailsOf::Report);
    assert_eq!(d.selected_row().kind, RowKind::Field { field: Field::Symbol, item: None });
    d
}

/// Puts a text in one field of the front matter.
type SetField = fn(&mut Report, String);

#[test]
fn the_front_matter_is_edited() {
    let mut d = report_details();
    let edits: [(Field, &str, SetField); 5] = [
        (Field::Symbol, "LC/CE.21/3", |r, v| r.symbol = v),
        (Field::Date, "2021-10-05", |r, v| r.date = v),
        (Field::Title, "Third report on the implementation", |r, v| r.title = v),
        (Field::Meeting, "Twenty-first meeting of the Executive Committee", |r, v| r.meeting = v),
        (Field::Venue, "Santiago, 5-6 October 2021", |r, v| r.venue = v),
    ];
    for (field, text, set) in edits {
        let before = d.app.report().clone();
        d.goto_field(field);
        d.enter();
        d.replace_with(text);
        d.enter();
        let mut after = before.clone();
        set(&mut after, text.to_string());
        assert_history(&mut d, &before, &after);
    }
}

#[test]
fn an_empty_symbol_or_title_is_refused_but_the_other_front_matter_may_be_empty() {
    for field in [Field::Symbol, Field::Title] {
        let mut d = report_details();
        d.goto_field(field);
        d.enter();
        d.clear();
        d.enter();
        assert!(d.is_error(), "{field:?}");
        assert!(d.message().ends_with("must not be empty"), "{}", d.message());
        assert_eq!(d.editor().as_deref(), Some(""));
        assert_report(&d, &shipped());
    }
    for field in [Field::Date, Field::Meeting, Field::Venue] {
        let mut d = report_details();
        let before = d.app.report().clone();
        d.goto_field(field);
        d.enter();
        d.clear();
        d.enter();
        assert!(!d.is_error(), "{field:?}: {}", d.message());
        let mut after = before.clone();
        match field {
            Field::Date => after.date.clear(),
            Field::Meeting => after.meeting.clear(),
            _ => after.venue.clear(),
        }
        assert_history(&mut d, &before, &after);
    }
}

#[test]
fn a_section_heading_is_edited_and_empty_means_none() {
    let mut d = report_details();
    let before = d.app.report().clone();
    assert_eq!(
        before.introduction[1].heading.as_deref(),
        Some("Main obstacles faced by the working groups")
    );
    d.goto_field(Field::Heading(1));
    d.enter();
    d.replace_with("Main obstacles");
    d.enter();
    let mut after = before.clone();
    after.introduction[1].heading = Some("Main obstacles".into());
    assert_history(&mut d, &before, &after);

    let before = after;
    d.enter();
    d.clear();
    d.enter();
    let mut after = before.clone();
    after.introduction[1].heading = None;
    assert_history(&mut d, &before, &after);

    // The opening section has none; typing gives it one.
    let before = after;
    d.goto_field(Field::Heading(0));
    d.enter();
    assert_eq!(d.editor().as_deref(), Some(""));
    d.typed("Introduction");
    d.enter();
    let mut after = before.clone();
    after.introduction[0].heading = Some("Introduction".into());
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_paragraph_is_added_edited_deleted_and_reordered() {
    let mut d = report_details();
    // Added after the first paragraph of the first section.
    let before = d.app.report().clone();
    d.goto_field(Field::Paragraph(0, 0));
    d.ch('a');
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Paragraphs(0), index: 1 }));
    assert_eq!(d.editor_title(), "new paragraph 2 of section 1");
    d.paste("A new paragraph.");
    d.enter();
    let mut after = before.clone();
    after.introduction[0].paragraphs.insert(1, "A new paragraph.".into());
    // The note of the paragraph that moved down moves with it.
    after.introduction[0].notes[0].paragraph = 2;
    assert_history(&mut d, &before, &after);

    // Added at the end of the second section, from its "+ paragraph" row.
    let before = after;
    d.goto_add(List::Paragraphs(1));
    d.enter();
    d.typed("Closing words.");
    d.enter();
    let mut after = before.clone();
    after.introduction[1].paragraphs.push("Closing words.".into());
    assert_history(&mut d, &before, &after);

    // Edited: a line break pasted into a paragraph becomes a space (Enter applies).
    let before = after;
    d.goto_field(Field::Paragraph(0, 1));
    d.enter();
    d.ctrl('a');
    d.paste("First line\nsecond line.");
    assert_eq!(d.editor().as_deref(), Some("First line second line."));
    d.enter();
    let mut after = before.clone();
    after.introduction[0].paragraphs[1] = "First line second line.".into();
    assert_history(&mut d, &before, &after);

    // Deleted, after asking.
    let before = after;
    d.goto_field(Field::Paragraph(0, 0));
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { list: List::Paragraphs(0), index: 0 }));
    d.ch('y');
    let mut after = before.clone();
    after.introduction[0].paragraphs.remove(0);
    after.introduction[0].notes[0].paragraph = 1;
    assert_eq!(d.message(), "Deleted paragraph 1 of section 1");
    assert_history(&mut d, &before, &after);

    // Moved down, then up.
    let before = after;
    d.goto_field(Field::Paragraph(0, 0));
    d.ch('J');
    let mut after = before.clone();
    after.introduction[0].paragraphs.swap(0, 1);
    after.introduction[0].notes[0].paragraph = 0;
    assert_eq!(
        d.selected_row().kind,
        RowKind::Field { field: Field::Paragraph(0, 1), item: Some((List::Paragraphs(0), 1)) }
    );
    assert_history(&mut d, &before, &after);
    d.ch('K');
    assert_report(&d, &before);
}

#[test]
fn an_empty_paragraph_is_allowed_when_edited_but_not_added() {
    let mut d = report_details();
    let before = d.app.report().clone();
    d.goto_add(List::Paragraphs(1));
    d.enter();
    d.enter();
    assert_eq!(d.message(), "Nothing added");
    assert_report(&d, &before);
    d.goto_field(Field::Paragraph(1, 0));
    d.enter();
    d.clear();
    d.enter();
    assert!(!d.is_error(), "{}", d.message());
    let mut after = before.clone();
    after.introduction[1].paragraphs[0] = String::new();
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_section_is_added_and_deleted() {
    let mut d = report_details();
    let sections = d.app.report().introduction.len();
    let before = d.app.report().clone();
    d.goto_add(List::Sections);
    d.enter();
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Sections, index: sections }));
    d.typed("Gender perspective");
    d.enter();
    let mut after = before.clone();
    after.introduction.push(Section {
        heading: Some("Gender perspective".into()),
        paragraphs: Vec::new(),
        notes: Vec::new(),
    });
    assert_history(&mut d, &before, &after);
    // The new section gets its first paragraph from its "+ paragraph" row.
    let before = after;
    d.goto_add(List::Paragraphs(sections));
    d.enter();
    d.typed("The groups mainstream the gender perspective.");
    d.enter();
    let mut after = before.clone();
    after.introduction[sections]
        .paragraphs
        .push("The groups mainstream the gender perspective.".into());
    assert_history(&mut d, &before, &after);

    // `a` on a section's heading adds a section after it.
    let before = after;
    d.goto_field(Field::Heading(0));
    d.ch('a');
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Sections, index: 1 }));
    d.typed("Scope");
    d.enter();
    let mut after = before.clone();
    after.introduction.insert(
        1,
        Section { heading: Some("Scope".into()), paragraphs: Vec::new(), notes: Vec::new() },
    );
    assert_history(&mut d, &before, &after);

    // Deleted from its heading's row, paragraphs and all.
    let before = after;
    d.goto_field(Field::Heading(2));
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { list: List::Sections, index: 2 }));
    d.ch('y');
    let mut after = before.clone();
    let removed = after.introduction.remove(2);
    assert!(!removed.paragraphs.is_empty());
    assert_eq!(d.message(), "Deleted section 3");
    assert_history(&mut d, &before, &after);

    // Sections move too.
    let before = after;
    d.goto_field(Field::Heading(1));
    d.ch('J');
    let mut after = before.clone();
    after.introduction.swap(1, 2);
    assert_history(&mut d, &before, &after);
}

#[test]
fn the_date_says_its_form_and_refuses_any_other() {
    let mut d = report_details();
    d.goto_field(Field::Date);
    d.enter();
    assert_eq!(d.editor_title(), "date, as YYYY-MM-DD");
    for wrong in ["5 April 2021", "2021-4-5", "2021-02-30", "05/04/2021"] {
        d.replace_with(wrong);
        d.enter();
        assert!(d.is_error(), "{wrong}: {}", d.message());
        assert_eq!(
            d.message(),
            format!(
                "The date is written YYYY-MM-DD, as 2021-04-05; “{wrong}” is not a date so written"
            )
        );
        assert_eq!(d.editor().as_deref(), Some(wrong), "the typed text stays in the editor");
        assert_report(&d, &shipped());
    }
    d.replace_with("2021-10-05");
    d.enter();
    assert!(!d.is_error(), "{}", d.message());
    assert_eq!(d.app.report().date, "2021-10-05");
}
