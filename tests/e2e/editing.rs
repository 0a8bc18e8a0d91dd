//! End-to-end tests of editing the whole report: one per family of edits, each typed into
//! the real app in a pseudo-terminal, saved with Ctrl-S, and the saved file checked to hold
//! exactly the intended change.

use wgtrack::model::{Activity, Coordinator, DocumentType, Group, Progress, Report};
use wgtrack::store;

use crate::common::home::Home;
use crate::common::paste::pasted_text;
use crate::common::pty::Pty;
use crate::common::pty::keys::{ENTER, ESC, ctrl};
use crate::common::pty_screen::{open_group, selected};
use crate::common::shipped;

/// The byte a terminal sends for Backspace.
const BACKSPACE: &str = "\x7f";

/// Saves with Ctrl-S, quits with q, and checks that the file holds exactly `expected`, in
/// wgtrack's layout.
#[track_caller]
fn save_quit_and_check(home: &Home, mut pty: Pty, expected: &Report) {
    pty.send(&ctrl('s'));
    pty.wait_for(&format!("Saved {}", home.file.display()));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());
    let saved = home.report();
    assert!(saved == *expected, "the saved report is not the one expected");
    let text = String::from_utf8(home.bytes()).expect("the file is UTF-8");
    assert_eq!(text, store::to_text(expected));
    assert!(wgtrack::validate::problems(&saved).is_empty());
}

/// In an open editor: selects everything and types `text` in its place.
fn retype(pty: &mut Pty, text: &str) {
    pty.send(&ctrl('a'));
    pty.send(text);
    pty.wait_for(text);
}

#[test]
fn an_activity_description_and_topics_are_edited_and_saved() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "VI");
    pty.send(&"j".repeat(15));
    pty.wait_until("VI.16 selected", |s| selected(s, " 16  Workshops"));

    pty.send("e");
    let screen = pty.wait_for("Description of VI.16 (Enter: done)");
    assert!(screen.contains("Redesign of the workshops"), "{screen}");
    retype(&mut pty, "Redesign of the regional workshops");
    pty.send(ENTER);
    pty.wait_for("Changed description of VI.16");

    pty.send("T");
    pty.wait_for("Topic of VI.16 (Enter: done)");
    retype(&mut pty, "Regional workshops");
    pty.send(ENTER);
    pty.wait_for("Changed topic of VI.16");

    // An empty topic: none.
    pty.send("G");
    pty.wait_until("VI.24 selected", |s| selected(s, " 24  Methodology"));
    pty.send("T");
    pty.wait_for("Topic of VI.24 (Enter: done)");
    pty.send(&ctrl('a'));
    pty.send(BACKSPACE);
    pty.wait_gone("Methodology for calculation or production");
    pty.send(ENTER);
    pty.wait_for("Changed topic of VI.24");

    // An empty description is refused, and the editor keeps what is typed.
    pty.send("e");
    pty.wait_for("Description of VI.24 (Enter: done)");
    pty.send(&ctrl('a'));
    pty.send(BACKSPACE);
    pty.send(ENTER);
    let screen = pty.wait_for("The description of VI.24 must not be empty");
    assert!(screen.contains("Description of VI.24 (Enter: done)"), "{screen}");
    pty.send("Preparation of a document of recommendations");
    pty.wait_for("Preparation of a document of recommendations");
    pty.send(ENTER);
    pty.wait_for("Changed description of VI.24");

    let mut expected = shipped();
    let group = &mut expected.groups[5];
    group.activities[15].description = "Redesign of the regional workshops".into();
    group.activities[15].topic = Some("Regional workshops".into());
    group.activities[23].topic = None;
    group.activities[23].description = "Preparation of a document of recommendations".into();
    save_quit_and_check(&home, pty, &expected);
}

#[test]
fn an_activity_is_added_moved_and_another_deleted_and_saved() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "VIII");
    pty.send("jjjjjj");
    pty.wait_until("VIII.7 selected", |s| selected(s, "  7  Review of the document"));

    pty.send("a");
    pty.wait_for("New activity VIII.8 (Enter: done)");
    pty.send("Publication of the final document");
    pty.wait_for("Publication of the final document");
    pty.send(ENTER);
    pty.wait_for("Added activity VIII.8");
    pty.wait_until("the new activity VIII.8 selected", |s| {
        selected(s, "  8  Publication of the final")
    });

    pty.send("K");
    pty.wait_for("Moved activity VIII.8 to position 7");
    pty.wait_until("the new activity is VIII.7", |s| selected(s, "  7  Publication of the final"));

    // VIII.9 (the review by ECLAC): n keeps it, y deletes it.
    pty.send("G");
    pty.wait_until("VIII.9 selected", |s| selected(s, "  9  Review of the document by"));
    pty.send("d");
    pty.wait_for("Delete activity VIII.9 “Review of the document by");
    pty.send("n");
    pty.wait_for("Nothing deleted");
    pty.send("d");
    pty.wait_for("Delete activity VIII.9 “Review of the document by");
    pty.send("y");
    let screen = pty.wait_for("Deleted activity VIII.9");
    assert!(!screen.contains("Review of the document by"), "{screen}");

    let mut expected = shipped();
    let activities = &mut expected.groups[7].activities;
    assert_eq!(activities.pop().unwrap().description, "Review of the document by ECLAC");
    activities.insert(
        6,
        Activity {
            topic: None,
            description: "Publication of the final document".into(),
            progress: Progress::ZERO,
            remarks: String::new(),
        },
    );
    save_quit_and_check(&home, pty, &expected);
}

#[test]
fn group_details_are_edited_and_saved() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    pty.send("j");
    pty.wait_for("┌ II · Censuses ");
    pty.send("e");
    pty.wait_for("Group II · Censuses");

    // Title, on the first row.
    pty.send(ENTER);
    pty.wait_for("Title of group II (Enter: done)");
    retype(&mut pty, "Guidelines for census data capture");
    pty.send(ENTER);
    pty.wait_for("Changed title of group II");

    // Document type, two rows down: Enter switches it.
    pty.send("jj");
    pty.send(ENTER);
    pty.wait_for("Changed document type of group II: regional standard");

    // After the first specific objective, a new one; it moves up to the first place; the
    // one that was first is deleted.
    pty.send("jj");
    pty.send("a");
    pty.wait_for("New specific objective 2 of group II (Enter: done)");
    pty.send("To publish the guidelines.");
    pty.wait_for("To publish the guidelines.");
    pty.send(ENTER);
    pty.wait_for("Added specific objective 2 of group II");
    pty.send("j");
    pty.send("K");
    pty.wait_for("Moved specific objective 2 of group II to position 1");
    pty.send("j");
    pty.send("d");
    pty.wait_for("Delete specific objective 2 of group II “");
    pty.send("y");
    pty.wait_for("Deleted specific objective 2 of group II");

    // A second coordinator, from its row above the last: its country, then its institution.
    pty.send("\x1b[F");
    pty.send("k");
    pty.send(ENTER);
    pty.wait_for("Country of coordinator 2 of group II (Enter: done)");
    pty.send("Brazil");
    pty.wait_for("Brazil");
    pty.send(ENTER);
    pty.wait_for("Added coordinator 2 of group II");
    pty.wait_for("Institution of coordinator 2 of group II (Enter: done)");
    pty.send("Brazilian Institute of Geography and Statistics (IBGE)");
    pty.wait_for("(IBGE)");
    pty.send(ENTER);
    pty.wait_for("Changed institution of coordinator 2 of group II");
    pty.send(ESC);
    pty.wait_for(" e details ");

    let mut expected = shipped();
    let group = &mut expected.groups[1];
    group.title = "Guidelines for census data capture".into();
    assert_eq!(group.document_type, DocumentType::Thematic);
    group.document_type = DocumentType::RegionalStandard;
    group.specific_objectives[0] = "To publish the guidelines.".into();
    assert_eq!(group.specific_objectives.len(), 2);
    group
        .coordinators
        .push(Coordinator::new("Brazil", "Brazilian Institute of Geography and Statistics (IBGE)"));
    save_quit_and_check(&home, pty, &expected);
}

#[test]
fn a_group_is_added_moved_and_another_deleted_and_saved() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    pty.send("G");
    pty.wait_for("┌ XI · Labour ");
    pty.send("a");
    pty.wait_for("New group XII (Enter: done)");
    pty.send("Data science");
    pty.wait_for("Data science");
    pty.send(ENTER);
    let screen = pty.wait_for("Added group XII");
    assert!(screen.contains("Groups (12)"), "{screen}");
    assert!(screen.contains("┌ XII · Data science "), "{screen}");

    pty.send("K");
    pty.wait_for("Moved group XII to position 11");
    pty.wait_for("┌ XI · Data science ");

    pty.send("g");
    pty.wait_for("┌ I · Statistical quality ");
    pty.send("d");
    pty.wait_for("Delete group I “");
    pty.send("y");
    let screen = pty.wait_for("Deleted group I");
    assert!(screen.contains("Groups (11)"), "{screen}");
    assert!(screen.contains("┌ I · Censuses "), "{screen}");

    let mut expected = shipped();
    expected.groups.remove(0);
    expected.groups.insert(
        9,
        Group {
            title: "Data science".into(),
            topic: "Data science".into(),
            document_type: DocumentType::Thematic,
            general_objective: String::new(),
            specific_objectives: Vec::new(),
            coordinators: Vec::new(),
            no_coordinators_stated: false,
            activities: Vec::new(),
        },
    );
    assert_eq!(expected.groups[10].topic, "Labour");
    save_quit_and_check(&home, pty, &expected);
}

#[test]
fn the_report_details_are_edited_and_saved() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    pty.send("i");
    pty.wait_for("LC/CE.20/3 · front matter and introduction");

    // Front matter: symbol (the first row), date, venue.
    pty.send(ENTER);
    pty.wait_for("Symbol (Enter: done)");
    retype(&mut pty, "LC/CE.21/3");
    pty.send(ENTER);
    pty.wait_for("Changed symbol");
    pty.send("j");
    pty.send(ENTER);
    pty.wait_for("Date, as YYYY-MM-DD (Enter: done)");
    retype(&mut pty, "2021-10-05");
    pty.send(ENTER);
    pty.wait_for("Changed date");
    pty.send("jjj");
    pty.send(ENTER);
    pty.wait_for("Venue (Enter: done)");
    retype(&mut pty, "Santiago, 5-6 October 2021");
    pty.send(ENTER);
    pty.wait_for("Changed venue");

    // A paragraph added after the first one of section 1 (past the distribution, the
    // languages, the job number and the section's heading), then edited.
    pty.send("jjjjjj");
    pty.send("a");
    pty.wait_for("New paragraph 2 of section 1 (Enter: done)");
    pty.send("A paragraph added.");
    pty.wait_for("A paragraph added.");
    pty.send(ENTER);
    pty.wait_for("Added paragraph 2 of section 1");
    // Past the first paragraph's row that adds a note.
    pty.send("jj");
    pty.send(ENTER);
    pty.wait_for("Paragraph 2 of section 1 (Enter: done)");
    pty.send(" And edited.");
    pty.wait_for("A paragraph added. And edited.");
    pty.send(ENTER);
    pty.wait_for("Changed paragraph 2 of section 1");

    // The last section ("Type of document") deleted from its heading's row: from the last
    // row (+ section), up past its + paragraph row and its paragraphs, each with its + note
    // row (it has no notes).
    let section = &shipped().introduction[3];
    assert!(section.notes.is_empty());
    pty.send("\x1b[F");
    pty.send(&"k".repeat(2 * section.paragraphs.len() + 2));
    pty.send("d");
    pty.wait_for("Delete section 4 “");
    pty.send("y");
    pty.wait_for("Deleted section 4");
    pty.send(ESC);
    pty.wait_for(" e details ");

    let mut expected = shipped();
    expected.symbol = "LC/CE.21/3".into();
    expected.date = "2021-10-05".into();
    expected.venue = "Santiago, 5-6 October 2021".into();
    expected.introduction[0].paragraphs.insert(1, "A paragraph added. And edited.".into());
    // The note of the paragraph that moved down moves with it.
    expected.introduction[0].notes[0].paragraph = 2;
    assert_eq!(expected.introduction.len(), 4);
    let removed = expected.introduction.pop().unwrap();
    assert_eq!(removed.heading.as_deref(), Some("Type of document"));
    save_quit_and_check(&home, pty, &expected);
}

/// A paste longer than one read of the terminal (1,024 bytes) arrives whole and is drawn to
/// its end with no key after it (the terminal library once left the rest unread until the
/// next key).
#[test]
fn a_paste_without_bracketed_paste_is_drawn_to_its_end() {
    let home = Home::new();
    let mut pty = home.open(24, 80);
    // At 80 columns one pane shows at a time.
    pty.send("jjjjjjj");
    pty.wait_until("group VIII selected", |s| selected(s, "VIII "));
    pty.send(ENTER);
    pty.wait_for(" p progress ");
    pty.send("jjjjjj");
    pty.wait_until("VIII.7 selected", |s| selected(s, "  7  Review of the document"));
    pty.send("r");
    pty.wait_for("Remarks of VIII.7");
    pty.send(&ctrl('a'));
    // One word, so that wrapping cannot split it on the screen.
    let end = "End-of-the-pasted-text.";
    let text = pasted_text(1300, end);
    assert!(!text.contains("\x1b[200~"), "no bracketed-paste marks");
    // One write, as a terminal writes a paste; no key after it.
    pty.send(&text);
    let screen = pty.wait_for(end);
    assert!(screen.contains("Remarks of VIII.7"), "{screen}");
    pty.send(ESC);
    pty.wait_for("Changed remarks of VIII.7");
    let remarks = text.replace('\r', "\n");
    let mut expected = shipped();
    expected.groups[7].activities[6].remarks = remarks;
    save_quit_and_check(&home, pty, &expected);
}
