//! The review screen in the app: a returned sheet picked with `I`, read as an effect, its
//! changes accepted, rejected and edited, applied one undoable change per activity, each
//! remembering the file it came from.

use crossterm::event::KeyCode;
use tempfile::TempDir;
use wgtrack::action::Pane;
use wgtrack::app::{Mode, ReviewStep};
use wgtrack::model::{Activity, Progress, Report};

use crate::common::sheets::{Sheet, text};
use crate::common::{Driver, assert_snapshot, shipped};

const FILE: &str = "VIII-administrative-records.xlsx";
const VIII: usize = 7;

/// Group VIII's sheet, returned with: VIII.1 at 91% and new remarks, VIII.2 at 92%, VIII.3
/// reworded; written to a temporary directory as `FILE`.
fn returned(report: &Report) -> (TempDir, String) {
    let mut sheet = Sheet::of(report, VIII);
    let (progress, remarks, activity) =
        (sheet.column("Progress (%)"), sheet.column("Remarks"), sheet.column("Activity"));
    let row1 = sheet.row_of("VIII.1 ");
    sheet.set(row1, progress, text("91"));
    sheet.set(row1, remarks, text("Sent to the countries for comments."));
    let row2 = sheet.row_of("VIII.2 ");
    sheet.set(row2, progress, text("92"));
    let row3 = sheet.row_of("VIII.3 ");
    sheet.set(row3, activity, text("A reworded description of the third activity"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::write(&path, sheet.to_xlsx()).unwrap();
    (dir, path.display().to_string())
}

/// `I`, the path typed, Enter: the review opens.
fn open_review(d: &mut Driver, path: &str) {
    d.ch('I');
    assert!(matches!(d.app.mode(), Mode::ImportPath(_)), "{:?}", d.app.mode());
    d.typed(path);
    d.enter();
}

fn rows(d: &Driver) -> Vec<(String, bool)> {
    let Mode::Review(review) = d.app.mode() else { panic!("no review: {:?}", d.app.mode()) };
    review.rows().iter().map(|r| (wgtrack::import::describe(&r.proposal), r.accepted)).collect()
}

/// Activity `n` of group VIII as the app has it now.
fn at(d: &Driver, n: usize) -> Activity {
    d.app.report().activity(VIII, n).unwrap().clone()
}

fn percent(n: i64) -> Progress {
    Progress::new(n).unwrap()
}

/// "VIII-administrative-records.xlsx (Country)", the country of group VIII's coordinator.
fn source(report: &Report) -> String {
    format!("{FILE} ({})", report.groups[VIII].coordinators[0].country)
}

#[test]
fn accepted_changes_are_applied_one_undo_per_activity_and_undo_names_the_file() {
    let report = shipped();
    let (_dir, path) = returned(&report);
    let mut d = Driver::new();
    open_review(&mut d, &path);
    let listed = rows(&d);
    assert_eq!(listed.len(), 4, "{listed:?}");
    assert!(listed.iter().all(|(_, accepted)| *accepted), "accepted by default: {listed:?}");
    assert!(listed[0].0.starts_with("VIII.1 progress"), "{listed:?}");
    assert!(listed[1].0.starts_with("VIII.1 remarks"), "{listed:?}");
    assert!(listed[2].0.starts_with("VIII.2 progress"), "{listed:?}");
    assert!(listed[3].0.starts_with("VIII.3 description"), "{listed:?}");

    // VIII.1's progress edited to 77; VIII.2's rejected.
    d.ch('e');
    d.typed("77");
    d.enter();
    d.repeat(KeyCode::Down, 2);
    d.ch(' ');
    assert!(!rows(&d)[2].1);
    assert!(d.app.report() == &report, "nothing applied before Enter");
    d.enter();
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert_eq!(at(&d, 0).progress, percent(77));
    assert_eq!(at(&d, 0).remarks, "Sent to the countries for comments.");
    assert_eq!(at(&d, 1), report.groups[VIII].activities[1], "rejected: left as it was");
    assert_eq!(at(&d, 2).description, "A reworded description of the third activity");
    assert!(d.message().contains(&format!("3 changes to 2 activities, from {}", source(&report))));

    // One undo per activity, the last first, each naming where it came from.
    d.ch('u');
    assert!(d.message().contains(&format!("from {}", source(&report))), "{}", d.message());
    assert!(d.message().contains("VIII.3"), "{}", d.message());
    assert_eq!(at(&d, 2), report.groups[VIII].activities[2]);
    assert_eq!(at(&d, 0).progress, percent(77), "VIII.1 is its own undo");
    d.ch('u');
    assert!(d.message().contains("VIII.1"), "{}", d.message());
    assert!(d.app.report() == &report, "both undone: the report as it was");
    d.ctrl('r');
    assert_eq!(at(&d, 0).progress, percent(77));
    assert_eq!(at(&d, 0).remarks, "Sent to the countries for comments.");
    let sources: Vec<_> = d.app.document().history().iter().map(|e| e.source.clone()).collect();
    assert_eq!(sources, vec![Some(source(&report))]);
}

#[test]
fn a_text_is_edited_before_it_is_taken_and_a_blank_description_is_refused() {
    let report = shipped();
    let (_dir, path) = returned(&report);
    let mut d = Driver::new();
    open_review(&mut d, &path);
    d.key(KeyCode::Down);
    d.ch('e');
    let Mode::Review(review) = d.app.mode() else { panic!() };
    assert!(matches!(review.step(), ReviewStep::EditText(_)));
    d.ctrl('a');
    d.paste("Sent to the countries; comments due in May.");
    d.esc();
    assert!(rows(&d)[1].0.contains("May"), "{:?}", rows(&d));
    // The description emptied: refused, the editor stays open.
    d.key(KeyCode::End);
    d.ch('e');
    d.ctrl('a');
    d.key(KeyCode::Backspace);
    d.esc();
    assert!(d.is_error() && d.message().contains("must not be empty"), "{}", d.message());
    let Mode::Review(review) = d.app.mode() else { panic!() };
    assert!(matches!(review.step(), ReviewStep::EditText(_)));
    d.ctrl('g');
    d.enter();
    let remarks = &d.app.report().activity(VIII, 0).unwrap().remarks;
    assert_eq!(remarks, "Sent to the countries; comments due in May.");
}

#[test]
fn emptied_remarks_wait_to_be_accepted_and_leaving_asks_once_choices_are_made() {
    let mut report = shipped();
    report.groups[VIII].activities[0].remarks = "Kept remarks.".into();
    let mut sheet = Sheet::of(&report, VIII);
    let remarks = sheet.column("Remarks");
    let row = sheet.row_of("VIII.1 ");
    sheet.set(row, remarks, crate::common::sheets::Cell::Empty);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::write(&path, sheet.to_xlsx()).unwrap();
    let mut d = Driver::with(report.clone());
    open_review(&mut d, &path.display().to_string());
    assert_eq!(rows(&d), vec![("VIII.1 remarks emptied".to_string(), false)]);
    // Nothing chosen: Esc leaves at once.
    d.esc();
    assert!(matches!(d.app.mode(), Mode::Normal));
    // From the overview too.
    d.ch('v');
    assert_eq!(d.app.focus(), Pane::Overview);
    open_review(&mut d, &path.display().to_string());
    d.ch('A');
    assert!(rows(&d)[0].1);
    d.esc();
    let Mode::Review(review) = d.app.mode() else { panic!() };
    assert!(matches!(review.step(), ReviewStep::Leaving));
    d.ch('n');
    d.esc();
    d.ch('y');
    assert!(matches!(d.app.mode(), Mode::Normal));
    assert!(d.app.report() == &report, "left without applying");
    assert!(d.message().contains("nothing applied"), "{}", d.message());
}

#[test]
fn a_file_that_cannot_be_read_is_said_with_its_name_and_the_prompt_stays() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("VIII-notes.xlsx");
    std::fs::write(&path, "not a spreadsheet").unwrap();
    let mut d = Driver::new();
    open_review(&mut d, &path.display().to_string());
    assert!(d.is_error(), "{}", d.message());
    assert!(d.message().starts_with("Cannot review it: VIII-notes.xlsx:"), "{}", d.message());
    assert!(matches!(d.app.mode(), Mode::ImportPath(p) if p.ends_with("VIII-notes.xlsx")));
    d.esc();
    open_review(&mut d, &dir.path().display().to_string());
    assert!(d.is_error() && d.message().contains("Cannot review it"), "{}", d.message());
}

#[test]
fn the_review_screen_at_80x24_lists_changes_refused_cells_and_notes() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, VIII);
    let progress = sheet.column("Progress (%)");
    let remarks = sheet.column("Remarks");
    let row1 = sheet.row_of("VIII.1 ");
    sheet.set(row1, progress, text("91"));
    let row2 = sheet.row_of("VIII.2 ");
    sheet.set(row2, progress, text("about half"));
    let row7 = sheet.row_of("VIII.7 ");
    let old = report.groups[VIII].activities[6].remarks.clone();
    sheet.set(row7, remarks, text(&format!("{old} Approved in May.")));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE);
    std::fs::write(&path, sheet.to_xlsx()).unwrap();
    let mut d = Driver::screen(80, 24);
    open_review(&mut d, &path.display().to_string());
    d.key(KeyCode::Down);
    d.ch(' ');
    let screen = d.settled_text();
    assert!(screen.contains("cell"), "the refused cell is named:\n{screen}");
    assert!(screen.contains("Approved in May.+}"), "{screen}");
    assert_snapshot("review_80x24", screen);
}
