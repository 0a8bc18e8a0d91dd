//! "Edit the whole report": every kind of edit, driven with keys through the default keymap
//! (`Keymap::action` then `App::update`, as the event loop does, without drawing). Each test
//! checks the report after the edit, that `u` gives back the report before it and `Ctrl-R`
//! the one after, and that the result saves to text that loads and validates.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use wgtrack::action::{Action, Pane};
use wgtrack::app::{App, DetailsOf, EditTarget, Figures, Mode, Row, RowKind};
use wgtrack::edit::{Field, List};
use wgtrack::keymap::Keymap;
use wgtrack::model::{Activity, Coordinator, DocumentType, Group, Progress, Report, Section};
use wgtrack::{store, validate};

/// The file the app believes it edits; the state tests never save.
const FAKE_PATH: &str = "/data/report.ron";

/// Group indices of the shipped report.
const VI: usize = 5;
const VIII: usize = 7;

fn shipped() -> Report {
    store::shipped().expect("the shipped report parses")
}

/// The app and the default keymap: keys become actions as in the event loop.
struct Driver {
    app: App,
    keymap: Keymap,
}

impl Driver {
    fn new() -> Driver {
        Driver::with(shipped())
    }

    fn with(report: Report) -> Driver {
        Driver { app: App::new(report, PathBuf::from(FAKE_PATH)), keymap: Keymap::default() }
    }

    fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if let Some(action) = self.keymap.action(&self.app, KeyEvent::new(code, modifiers)) {
            wgtrack::effects::act(&mut self.app, action);
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    /// Characters typed one key at a time (in the editor, each is an editor key).
    fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.ch(c);
        }
    }

    fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    fn esc(&mut self) {
        self.key(KeyCode::Esc);
    }

    fn paste(&mut self, text: &str) {
        wgtrack::effects::act(&mut self.app, Action::Paste(text.to_string()));
    }

    /// In the editor: select everything and put `text` in its place (as a paste).
    fn replace_with(&mut self, text: &str) {
        assert!(self.editor().is_some(), "no editor open");
        self.ctrl('a');
        self.paste(text);
        assert_eq!(self.editor().as_deref(), Some(text));
    }

    /// In the editor: select everything and delete it.
    fn clear(&mut self) {
        self.ctrl('a');
        self.key(KeyCode::Backspace);
        assert_eq!(self.editor().as_deref(), Some(""));
    }

    /// The text in the editor, if one is open.
    fn editor(&self) -> Option<String> {
        match &self.app.mode() {
            Mode::EditText(edit) => Some(edit.text()),
            _ => None,
        }
    }

    fn editor_target(&self) -> Option<EditTarget> {
        match &self.app.mode() {
            Mode::EditText(edit) => Some(edit.target),
            _ => None,
        }
    }

    fn editor_title(&self) -> String {
        match &self.app.mode() {
            Mode::EditText(edit) => edit.title(),
            other => panic!("no editor open: {other:?}"),
        }
    }

    fn message(&self) -> String {
        self.app.message().map(|m| m.text.clone()).unwrap_or_default()
    }

    fn is_error(&self) -> bool {
        self.app.message().is_some_and(|m| m.is_error)
    }

    /// From the start: group `g` selected in the groups pane.
    fn select_group(&mut self, g: usize) {
        assert_eq!(self.app.focus(), Pane::Groups);
        self.key(KeyCode::Home);
        for _ in 0..g {
            self.ch('j');
        }
        assert_eq!(self.app.group(), g);
    }

    /// From the start: group `g`'s table focused, activity `a` selected.
    fn select_activity(&mut self, g: usize, a: usize) {
        self.select_group(g);
        self.enter();
        assert_eq!(self.app.focus(), Pane::Activities);
        self.key(KeyCode::Home);
        for _ in 0..a {
            self.ch('j');
        }
        assert_eq!((self.app.group(), self.app.activity()), (g, a));
    }

    /// In the details form: moves with ↓ from the top to the first row `wanted` accepts.
    fn goto_row(&mut self, what: &str, wanted: impl Fn(&RowKind) -> bool) {
        assert_eq!(self.app.focus(), Pane::Details);
        let target = self
            .app
            .detail_rows()
            .iter()
            .position(|r| wanted(&r.kind))
            .unwrap_or_else(|| panic!("no row {what} in the form"));
        self.key(KeyCode::Home);
        for _ in 0..500 {
            if self.app.details().row == target {
                return;
            }
            self.key(KeyCode::Down);
        }
        panic!("↓ never reached the row {what}");
    }

    fn goto_field(&mut self, field: Field) {
        self.goto_row(
            &format!("{field:?}"),
            |k| matches!(k, RowKind::Field { field: f, .. } if *f == field),
        );
    }

    fn goto_add(&mut self, list: List) {
        self.goto_row(&format!("+ {list:?}"), |k| *k == RowKind::Add(list));
    }

    fn selected_row(&self) -> Row {
        self.app.detail_rows()[self.app.details().row].clone()
    }
}

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

// Activities: description, topic, add, delete, move.

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

// Group details: title, topic, document type, objectives, coordinators.

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
    assert_eq!(d.editor_title(), "new coordinator 2 of group VIII");
    d.typed("Mexico");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII]
        .coordinators
        .push(Coordinator { country: "Mexico".into(), institution: String::new() });
    assert_history(&mut d, &before, &after);

    let before = after;
    d.goto_field(Field::Institution(VIII, 1));
    d.enter();
    assert_eq!(d.editor_title(), "institution of coordinator 2 of group VIII");
    d.typed("National Institute of Statistics and Geography (INEGI)");
    d.enter();
    let mut after = before.clone();
    after.groups[VIII].coordinators[1].institution =
        "National Institute of Statistics and Geography (INEGI)".into();
    assert_history(&mut d, &before, &after);

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
    let mut after = before.clone();
    after.groups[VIII]
        .coordinators
        .insert(1, Coordinator { country: "Chile".into(), institution: String::new() });
    assert_history(&mut d, &before, &after);
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
    let mut after = before.clone();
    after.groups[VI]
        .coordinators
        .push(Coordinator { country: "Mexico".into(), institution: String::new() });
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

// Groups: add, delete, move.

/// The group `a` makes from the title typed: the title is its topic too, until edited.
fn new_group(title: &str) -> Group {
    Group {
        title: title.into(),
        topic: title.into(),
        document_type: DocumentType::Thematic,
        general_objective: String::new(),
        specific_objectives: Vec::new(),
        coordinators: Vec::new(),
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

// Report details: front matter, section headings, paragraphs, sections.

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
    assert_eq!(d.message(), "Deleted paragraph 1 of section 1");
    assert_history(&mut d, &before, &after);

    // Moved down, then up.
    let before = after;
    d.goto_field(Field::Paragraph(0, 0));
    d.ch('J');
    let mut after = before.clone();
    after.introduction[0].paragraphs.swap(0, 1);
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
    after
        .introduction
        .push(Section { heading: Some("Gender perspective".into()), paragraphs: Vec::new() });
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
    after.introduction.insert(1, Section { heading: Some("Scope".into()), paragraphs: Vec::new() });
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

// Every edit together, through one history.

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
    let mut d = Driver { app: App::new(shipped(), path.clone()), keymap: Keymap::default() };
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
    let mut d = Driver { app: App::new(shipped(), path.clone()), keymap: Keymap::default() };
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
