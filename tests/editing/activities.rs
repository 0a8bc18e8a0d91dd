//! Editing activities: description, topic, add, delete, move.

use crossterm::event::{KeyCode, KeyModifiers};
use wgtrack::action::Pane;
use wgtrack::app::{EditTarget, Mode};
use wgtrack::edit::List;
use wgtrack::model::{Activity, Progress};

use crate::common::{Driver, shipped};
use crate::{VI, VIII, assert_history, assert_report};

#[test]
fn an_activity_description_is_edited_with_e() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    let before = d.app.report().clone();
    d.ch('e');
    assert_eq!(d.editor().as_deref(), Some("Review of the document"));
    assert_eq!(d.editor_title(), "description of VIII.7");
    d.replace_with("Review of the document by the participating countries");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].activities[6].description =
        "Review of the document by the participating countries".into();
    assert_eq!(d.message(), "Changed description of VIII.7");
    assert_history(&mut d, &before, &after);

    // In the activity view too, typed key by key, and Esc applies the text.
    d.enter();
    assert_eq!(d.app.focus(), Pane::Activity);
    let before = d.app.report().clone();
    d.ch('e');
    d.typed(" (round 2)");
    d.esc();
    let mut expected = before.clone();
    expected.groups[VIII].activities[6].description =
        "Review of the document by the participating countries (round 2)".into();
    assert_eq!(d.app.focus(), Pane::Activity);
    assert_history(&mut d, &before, &expected);
}

#[test]
fn an_empty_description_is_refused_and_the_editor_keeps_the_text() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    d.ch('e');
    d.clear();
    d.enter();
    assert_eq!(d.editor().as_deref(), Some(""), "the editor stays open with what is in it");
    assert!(d.is_error());
    assert_eq!(d.message(), "The description of VIII.7 must not be empty");
    assert_report(&d, &shipped());
    // Esc leaves it as it was: an emptied required field is never applied, and nothing
    // typed is lost.
    d.esc();
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert_eq!(d.message(), "Kept the description of VIII.7: it must not be empty");
    assert_report(&d, &shipped());
    d.ch('e');
    d.clear();
    // Blanks are empty too.
    d.typed("   ");
    d.enter();
    assert_eq!(d.editor().as_deref(), Some("   "));
    assert!(d.is_error());
    assert_report(&d, &shipped());
    // Typed words are applied, whatever key leaves.
    d.clear();
    d.typed("Review");
    d.esc();
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert_eq!(d.app.report().groups[VIII].activities[6].description, "Review");
    let mut after = shipped();
    after.groups[VIII].activities[6].description = "Review".into();
    assert_history(&mut d, &shipped(), &after);
    // One change in the history, not one per refusal.
    d.ch('u');
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
    assert!(!d.app.is_modified());
}

#[test]
fn the_old_text_typed_back_is_no_change() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    d.ch('e');
    d.clear();
    d.typed("Review of the document");
    d.enter();
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert!(!d.app.is_modified());
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
}

#[test]
fn an_activity_topic_is_edited_with_t_and_cleared_when_empty() {
    let mut d = Driver::new();
    d.select_activity(VI, 15);
    let workshops = shipped().groups[VI].activities[15].topic.clone().unwrap();
    assert!(workshops.starts_with("Workshops for development"));
    let before = d.app.report().clone();
    d.ch('T');
    assert_eq!(d.editor().as_deref(), Some(workshops.as_str()));
    assert_eq!(d.editor_title(), "topic of VI.16");
    d.replace_with("Workshops");
    d.enter();
    let mut after = before.clone();
    after.groups[VI].activities[15].topic = Some("Workshops".into());
    assert_eq!(d.message(), "Changed topic of VI.16");
    assert_history(&mut d, &before, &after);

    // Empty: no topic.
    let before = after;
    d.ch('T');
    d.clear();
    d.enter();
    let mut after = before.clone();
    after.groups[VI].activities[15].topic = None;
    assert!(!d.is_error(), "an empty topic is allowed: {}", d.message());
    assert_history(&mut d, &before, &after);
}

#[test]
fn a_topic_is_given_to_an_activity_of_a_group_without_topics() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    let before = d.app.report().clone();
    assert!(!before.groups[VIII].has_topics());
    d.ch('T');
    assert_eq!(d.editor().as_deref(), Some(""));
    d.typed("Review");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].activities[6].topic = Some("Review".into());
    assert_history(&mut d, &before, &after);
    assert!(d.app.report().groups[VIII].has_topics());
    // T and Esc without typing change nothing.
    d.ch('T');
    d.esc();
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert_report(&d, &after);
}

#[test]
fn an_activity_is_added_after_the_selected_one() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    let before = d.app.report().clone();
    d.ch('a');
    assert_eq!(d.editor().as_deref(), Some(""));
    assert_eq!(d.editor_target(), Some(EditTarget::New { list: List::Activities(VIII), index: 7 }));
    assert_eq!(d.editor_title(), "new activity VIII.8");
    d.paste("Publication of the final document");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].activities.insert(
        7,
        Activity {
            topic: None,
            description: "Publication of the final document".into(),
            progress: Progress::ZERO,
            remarks: String::new(),
        },
    );
    assert_eq!(d.message(), "Added activity VIII.8");
    // The new activity is selected; the one that was VIII.8 is VIII.9 now.
    assert_eq!((d.app.group(), d.app.activity(), d.app.focus()), (VIII, 7, Pane::Activities));
    assert_eq!(after.groups[VIII].activities[8].description, "Review of the document by ECLAC");
    assert_history(&mut d, &before, &after);
}

#[test]
fn nothing_typed_for_a_new_activity_adds_nothing() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    for leave in [KeyCode::Enter, KeyCode::Esc] {
        d.ch('a');
        d.key(leave);
        assert!(matches!(d.app.mode(), Mode::Normal));
        assert_eq!(d.message(), "Nothing added");
        d.ch('a');
        d.typed("  ");
        d.key(leave);
        assert_eq!(d.message(), "Nothing added");
    }
    assert_report(&d, &shipped());
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
}

#[test]
fn a_new_activity_in_group_vi_takes_the_topic_of_the_one_it_follows() {
    let report = shipped();
    let topic = |a: usize| report.groups[VI].activities[a].topic.clone();
    // VI.5 is the last of "Strategy…", VI.16 one of "Workshops…", VI.24 the last activity.
    for a in [4, 15, 23] {
        let mut d = Driver::new();
        d.select_activity(VI, a);
        let before = d.app.report().clone();
        d.ch('a');
        d.typed("Evaluation of the step");
        d.enter();
        let mut after = before.clone();
        after.groups[VI].activities.insert(
            a + 1,
            Activity {
                topic: topic(a),
                description: "Evaluation of the step".into(),
                progress: Progress::ZERO,
                remarks: String::new(),
            },
        );
        assert!(topic(a).is_some());
        assert_eq!(d.app.activity(), a + 1);
        assert_history(&mut d, &before, &after);
    }
}

#[test]
fn an_activity_is_added_to_a_group_without_activities() {
    let mut report = shipped();
    report.groups[VIII].activities.clear();
    let mut d = Driver::with(report);
    d.select_group(VIII);
    d.enter();
    let before = d.app.report().clone();
    d.ch('a');
    assert_eq!(d.editor_title(), "new activity VIII.1");
    d.typed("Formation of the working group");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].activities.push(Activity {
        topic: None,
        description: "Formation of the working group".into(),
        progress: Progress::ZERO,
        remarks: String::new(),
    });
    assert_eq!((d.app.group(), d.app.activity()), (VIII, 0));
    assert_history(&mut d, &before, &after);
}

#[test]
fn an_activity_is_deleted_after_asking() {
    let mut d = Driver::new();
    d.select_activity(VIII, 7);
    let before = d.app.report().clone();
    // n and Esc keep it; another key keeps asking.
    for keep in [KeyCode::Char('n'), KeyCode::Esc] {
        d.ch('d');
        assert!(matches!(
            d.app.mode(),
            Mode::ConfirmDelete { list: List::Activities(VIII), index: 7 }
        ));
        d.ch('x');
        assert!(matches!(d.app.mode(), Mode::ConfirmDelete { .. }));
        d.key(keep);
        assert!(matches!(d.app.mode(), Mode::Normal));
        assert_eq!(d.message(), "Nothing deleted");
        assert_report(&d, &before);
    }
    d.ch('u');
    assert_eq!(d.message(), "Nothing to undo");
    // Del asks too; y deletes.
    d.key(KeyCode::Delete);
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { .. }));
    d.ch('y');
    let mut after = before.clone();
    after.groups[VIII].activities.remove(7);
    assert_eq!(d.message(), "Deleted activity VIII.8");
    // The selection moves to the new last activity.
    assert_eq!(d.app.activity(), 6);
    assert_history(&mut d, &before, &after);

    // Enter confirms as y does.
    let before = after;
    d.key(KeyCode::Home);
    d.ch('d');
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].activities.remove(0);
    assert_eq!(d.app.activity(), 0);
    assert_history(&mut d, &before, &after);
}

#[test]
fn an_activity_is_moved_up_and_down() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    let before = d.app.report().clone();
    d.ch('K');
    let mut after = before.clone();
    after.groups[VIII].activities.swap(5, 6);
    assert_eq!(d.app.activity(), 5, "the selection follows the activity");
    assert_eq!(d.message(), "Moved activity VIII.7 to position 6");
    assert_history(&mut d, &before, &after);

    let before = after;
    d.ch('J');
    d.ch('J');
    let mut after = before.clone();
    after.groups[VIII].activities.swap(5, 6);
    after.groups[VIII].activities.swap(6, 7);
    assert_eq!(d.app.activity(), 7);
    assert_eq!(after.groups[VIII].activities[7].description, "Review of the document");
    // Two moves, two undos.
    d.ch('u');
    assert_eq!(d.app.report().groups[VIII].activities[6].description, "Review of the document");
    d.ctrl('r');
    assert_report(&d, &after);
    // Past the end: nothing moves.
    d.ch('J');
    assert_report(&d, &after);
    assert_eq!(d.message(), "It is already at the end");
    d.key(KeyCode::Home);
    d.press(KeyCode::Up, KeyModifiers::ALT);
    assert_report(&d, &after);
    // Alt-↓ is J.
    d.press(KeyCode::Down, KeyModifiers::ALT);
    let mut moved = after.clone();
    moved.groups[VIII].activities.swap(0, 1);
    assert_history(&mut d, &after, &moved);
}

/// The activity view moves to the next and previous activity without going back to the
/// table (`]` and `[`), and to its end (`G`, End); the details form takes `g` and `G` like
/// every list; the delete question takes `s` ("sí") as well as `y`.
#[test]
fn views_and_lists_move_as_every_list_does() {
    // Small enough that an activity's view runs past it.
    let mut d = Driver::screen(60, 12);
    d.enter();
    d.enter();
    assert_eq!((d.app.focus(), d.app.activity()), (Pane::Activity, 0));
    d.draw();
    assert!(d.text().contains(" more "), "the view says the text goes on:\n{}", d.text());
    d.ch(']');
    assert_eq!((d.app.focus(), d.app.activity()), (Pane::Activity, 1), "the next activity");
    d.ch(']');
    d.ch('[');
    assert_eq!((d.app.focus(), d.app.activity()), (Pane::Activity, 1), "and back");
    d.ch('G');
    d.draw();
    assert!(d.app.detail_scroll() > 0, "to the end of a view longer than the screen");
    d.ch('g');
    assert_eq!(d.app.detail_scroll(), 0);
    d.ch(']');
    assert_eq!(d.app.detail_scroll(), 0, "a new activity starts at its top");

    d.esc();
    d.esc();
    d.ch('e');
    assert_eq!(d.app.focus(), Pane::Details);
    let first = d.app.details().row;
    d.ch('G');
    assert!(d.app.details().row > first, "G goes to the last row");
    d.ch('g');
    assert_eq!(d.app.details().row, first, "g to the first");

    d.esc();
    d.enter();
    let count = d.app.report().groups[0].activities.len();
    d.ch('d');
    assert!(matches!(d.app.mode(), Mode::ConfirmDelete { .. }));
    d.ch('s');
    assert_eq!(d.app.report().groups[0].activities.len(), count - 1, "s answers yes");
}

/// With a baseline whose remarks were empty, the activity view says so instead of showing
/// nothing under its heading.
#[test]
fn empty_remarks_at_the_baseline_say_none() {
    let mut baseline = shipped();
    baseline.activity_mut(0, 0).expect("I.1").remarks.clear();
    let app = wgtrack::app::App::new(shipped(), std::path::PathBuf::from(crate::common::FAKE_PATH))
        .with_baseline(std::path::PathBuf::from("/data/old.ron"), baseline);
    let mut d = Driver::of(app).on_screen(120, 40);
    d.enter();
    d.enter();
    d.draw();
    let text = d.text();
    let at = text.find("Remarks at the baseline").expect("the old remarks' heading");
    assert!(text[at..].contains("(none)"), "{text}");
}
