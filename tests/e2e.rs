//! End-to-end tests: the real `wgtrack` binary in a pseudo-terminal, its screen read
//! through a terminal emulator, keys sent as a terminal sends them, and the report file
//! checked afterwards. Each test has a temporary home of its own.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod e2e {
    mod commit;
    mod conflicts;
    mod editing;
    mod history;
    mod migrate;
    mod outside;
    mod review;
}

use wgtrack::edit::Field;
use wgtrack::model::Progress;
use wgtrack::search::{self, Hit};
use wgtrack::store::{self, SHIPPED};

use common::home::Home;
use common::pty::Pty;
use common::pty::keys::{ENTER, ESC, ctrl};
use common::pty_screen::{header_row, message_row, open_group, row_with, selected};
use common::shipped;

/// The remarks typed in the core task.
const REMARKS: &str = "Under review by the participating countries; comments due in May 2021.";

/// The row of group I's last activity (0% in the shipped report) in the activity table.
const I_6: &str = "  6  After the pilot";

/// Asserts the exit status of a program that has exited: 0.
#[track_caller]
fn assert_exit_ok(pty: &mut Pty) {
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());
}

#[test]
fn core_task_sets_progress_and_remarks_of_viii_7_and_saves() {
    let home = Home::new();
    let mut pty = home.open(40, 120);

    // I to VIII is seven moves down.
    open_group(&mut pty, "VIII");
    // Activity 1 to activity 7 is six.
    pty.send("jjjjjj");
    let screen =
        pty.wait_until("activity 7 selected", |s| selected(s, "  7  Review of the document"));
    assert!(row_with(&screen, "  7  Review of the document").contains("   8% "), "{screen}");
    pty.send("p");
    let screen = pty.wait_for("Progress of VIII.7");
    assert!(screen.contains("now 8%"), "{screen}");
    pty.send("40");
    pty.wait_for("New progress:  40");
    pty.send(ENTER);
    let screen = pty.wait_for("Changed progress of VIII.7: 8% → 40%");
    assert!(row_with(&screen, "  7  Review of the document").contains("  40% "), "{screen}");
    assert!(header_row(&pty).contains("● modified"));

    pty.send("r");
    let screen = pty.wait_for("Remarks of VIII.7");
    assert!(screen.contains("The document is currently under review"), "{screen}");
    pty.send(&ctrl('a'));
    pty.send(REMARKS);
    let screen = pty.wait_for(REMARKS);
    assert!(
        !screen.contains("The document is currently under review"),
        "typing after Ctrl-A replaces the remarks:\n{screen}"
    );
    // Esc alone, and nothing sent until the editor has closed, or the terminal would read
    // Esc and the next key as one Alt- key.
    pty.send(ESC);
    pty.wait_for("Changed remarks of VIII.7");
    pty.wait_gone("Remarks of VIII.7");

    pty.send(&ctrl('s'));
    let screen = pty.wait_for("Saved ");
    assert!(message_row(&pty).contains(&format!("Saved {}", home.file.display())), "{screen}");
    assert!(!header_row(&pty).contains("modified"), "{screen}");
    pty.send("q");
    assert_exit_ok(&mut pty);

    // The file is the shipped report with exactly that change.
    let mut expected = shipped();
    let activity = &mut expected.groups[7].activities[6];
    assert_eq!(activity.description, "Review of the document");
    assert_eq!(activity.progress.get(), 8);
    activity.progress = Progress::new(40).unwrap();
    activity.remarks = REMARKS.to_string();
    assert_eq!(home.report(), expected);
    let text = String::from_utf8(home.bytes()).unwrap();
    assert_eq!(text, store::to_text(&expected));
    // In the file's stable layout that is two lines, in place.
    let changed: Vec<(&str, &str)> =
        SHIPPED.lines().zip(text.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(SHIPPED.lines().count(), text.lines().count());
    assert_eq!(
        changed,
        [
            ("                    progress: 8,", "                    progress: 40,"),
            (
                "                    remarks: \"The document is currently under review by the participating countries.\",",
                "                    remarks: \"Under review by the participating countries; comments due in May 2021.\","
            ),
        ]
    );
}

#[test]
fn quit_with_unsaved_changes_asks_first() {
    let home = Home::new();

    // Discard: the file stays as it was.
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "I");
    pty.send("G");
    pty.wait_until("I.6 selected", |s| selected(s, I_6));
    pty.send("+");
    pty.wait_for("Changed progress of I.6: 0% → 5%");
    pty.send("q");
    let screen = pty.wait_for("not saved");
    assert!(screen.contains(&home.file.display().to_string()), "{screen}");
    pty.send(ESC);
    let screen = pty.wait_gone("not saved");
    assert!(pty.is_running(), "Esc stays in the app:\n{screen}");
    assert!(header_row(&pty).contains("● modified"), "{screen}");
    assert!(row_with(&screen, I_6).contains("   5% "), "{screen}");
    pty.send("q");
    pty.wait_for("not saved");
    pty.send("d");
    assert_exit_ok(&mut pty);
    assert!(home.bytes() == SHIPPED.as_bytes(), "discarding leaves the file");

    // Save: the file has the change.
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "I");
    pty.send("G");
    pty.wait_until("I.6 selected", |s| selected(s, I_6));
    pty.send("+");
    pty.wait_for("Changed progress of I.6: 0% → 5%");
    pty.send("q");
    pty.wait_for("not saved");
    pty.send("s");
    assert_exit_ok(&mut pty);
    let mut expected = shipped();
    expected.groups[0].activities[5].progress = Progress::new(5).unwrap();
    assert_eq!(home.report(), expected);
    assert_eq!(String::from_utf8(home.bytes()).unwrap(), store::to_text(&expected));
}

#[test]
fn undo_and_redo_show_the_values_and_the_modified_mark() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "I");
    pty.send("G");
    let screen = pty.wait_until("I.6 selected", |s| selected(s, I_6));
    assert!(row_with(&screen, I_6).contains("   0% "), "{screen}");
    assert!(!header_row(&pty).contains("modified"), "{screen}");

    pty.send("p");
    pty.wait_for("Progress of I.6");
    pty.send("40");
    pty.wait_for("New progress:  40");
    pty.send(ENTER);
    let screen = pty.wait_for("Changed progress of I.6: 0% → 40%");
    assert!(row_with(&screen, I_6).contains("  40% "), "{screen}");
    assert!(header_row(&pty).contains("● modified"), "{screen}");

    pty.send("u");
    let screen = pty.wait_for("Undid: changed progress of I.6: 0% → 40%");
    assert!(row_with(&screen, I_6).contains("   0% "), "{screen}");
    assert!(
        !header_row(&pty).contains("modified"),
        "undoing back to the file's state clears the mark:\n{screen}"
    );

    pty.send(&ctrl('r'));
    let screen = pty.wait_for("Redid: changed progress of I.6: 0% → 40%");
    assert!(row_with(&screen, I_6).contains("  40% "), "{screen}");
    assert!(header_row(&pty).contains("● modified"), "{screen}");

    pty.send("u");
    let screen = pty.wait_for("Undid: changed progress of I.6");
    assert!(row_with(&screen, I_6).contains("   0% "), "{screen}");
    assert!(!header_row(&pty).contains("modified"), "{screen}");
    pty.send("u");
    pty.wait_for("Nothing to undo");

    // Back at the file's state: q leaves at once, and the file is untouched.
    pty.send("q");
    assert_exit_ok(&mut pty);
    assert!(home.bytes() == SHIPPED.as_bytes());
}

#[test]
fn search_jumps_to_a_remark_in_another_group() {
    let hits = search::find(&shipped(), "DesInventar");
    let fields: Vec<Field> = hits.iter().map(|h| h.field).collect();
    assert_eq!(fields, [Field::Remarks(2, 0)], "the word is only in the remarks of III.1");
    let home = Home::new();
    let mut pty = home.open(40, 120);
    pty.send("/");
    pty.wait_for(" Search: █");
    pty.send("DesInventar");
    pty.wait_for(" Search: DesInventar█");
    pty.send(ENTER);
    let screen = pty.wait_for("Match 1 of 1 for “DesInventar”");
    assert!(screen.contains("┌ ▶ III · Disasters "), "{screen}");
    // The selection is on activity 1: opening it shows III.1 and the word in its remarks.
    pty.send(ENTER);
    let screen = pty.wait_for("┌ ▶ III.1 · Disasters ");
    assert!(screen.contains("DesInventar"), "{screen}");
    assert!(screen.contains("activity 1 of 5"), "{screen}");
    pty.send("q");
    assert_exit_ok(&mut pty);
}

#[test]
fn search_next_and_previous_match() {
    let report = shipped();
    let hits = search::find(&report, "webinar");
    let total = hits.len();
    assert!(total >= 3, "{hits:?}");
    assert_ne!(hits[0].field.group(), hits[1].field.group(), "{hits:?}");
    let title = |hit: &Hit| {
        format!(
            "┌ ▶ {} · {} ",
            common::NUMERALS[hit.field.group().unwrap()],
            report.groups[hit.field.group().unwrap()].topic
        )
    };

    let home = Home::new();
    let mut pty = home.open(40, 120);
    pty.send("/webinar");
    pty.wait_for(" Search: webinar█");
    pty.send(ENTER);
    let screen = pty.wait_for(&format!("Match 1 of {total} for “webinar”"));
    assert!(screen.contains(&title(&hits[0])), "{screen}");
    pty.send("n");
    let screen = pty.wait_for(&format!("Match 2 of {total} for “webinar”"));
    assert!(screen.contains(&title(&hits[1])), "{screen}");
    pty.send("N");
    let screen = pty.wait_for(&format!("Match 1 of {total} for “webinar”"));
    assert!(screen.contains(&title(&hits[0])), "{screen}");
    pty.send("q");
    assert_exit_ok(&mut pty);
}

/// Whether the screen is drawn whole at its size: the header ends with the programme's
/// figure at the right edge, the groups pane's box spans the width and ends above the
/// two footer rows, and the key hints are on the last row.
fn drawn_whole(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get() as usize, cols.get());
    let lines: Vec<String> = screen.rows(0, cols).collect();
    let header = lines[0].trim_end();
    let frame_top = &lines[1];
    let frame_bottom = &lines[rows - 3];
    header.starts_with(" LC/CE.20/3 · ")
        && header.ends_with("Programme ██████▍░░░  64%")
        && header.chars().count() == cols as usize - 1
        && frame_top.starts_with("┌ ▶ Groups (11) ")
        && frame_top.trim_end().ends_with('┐')
        && frame_top.chars().count() == cols as usize
        && frame_bottom.starts_with('└')
        && frame_bottom.trim_end().ends_with('┘')
        && lines[rows - 1].contains(" q quit")
        && !lines.iter().any(|l| l.contains("too small"))
}

#[test]
fn resize_redraws_at_the_new_size() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    let screen = pty.wait_until("the screen at 120×40", drawn_whole);
    assert!(
        row_with(&screen, "Groups (11)").contains("┌ I · Statistical quality "),
        "two panes side by side at 120 columns:\n{screen}"
    );

    pty.resize(24, 80);
    let screen = pty.wait_until("the screen redrawn at 80×24", drawn_whole);
    assert!(
        !screen.contains("I · Statistical quality ─"),
        "only the groups pane at 80 columns:\n{screen}"
    );

    pty.resize(8, 30);
    let screen = pty.wait_for("Terminal too small: 30×8.");
    assert!(screen.contains("needs 40×10"), "{screen}");
    assert!(!screen.contains("Groups (11)"), "{screen}");

    pty.resize(30, 100);
    let screen = pty.wait_until("the screen redrawn at 100×30", drawn_whole);
    assert!(
        row_with(&screen, "Groups (11)").contains("┌ I · Statistical quality "),
        "two panes again at 100 columns:\n{screen}"
    );
    pty.send("q");
    assert_exit_ok(&mut pty);
}

#[test]
fn progress_101_is_refused_and_nothing_changes() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    open_group(&mut pty, "I");
    pty.send("G");
    pty.wait_until("I.6 selected", |s| selected(s, I_6));
    pty.send("p");
    pty.wait_for("Progress of I.6");
    pty.send("101");
    pty.wait_for("New progress: 101");
    pty.send(ENTER);
    let screen = pty.wait_for("Refused");
    let message = message_row(&pty);
    assert!(
        message.contains("Refused") && message.contains("0 to 100") && message.contains("101"),
        "the footer says why: {message:?}\n{screen}"
    );
    assert!(
        screen.contains("Progress of I.6") && screen.contains("New progress: 101"),
        "the prompt stays open with what was typed:\n{screen}"
    );
    pty.send(ESC);
    let screen = pty.wait_gone("Progress of I.6");
    assert!(row_with(&screen, I_6).contains("   0% "), "{screen}");
    assert!(!header_row(&pty).contains("modified"), "{screen}");
    assert!(!screen.contains("Changed"), "{screen}");
    pty.send("q");
    assert_exit_ok(&mut pty);
    assert!(home.bytes() == SHIPPED.as_bytes(), "the file is unchanged");
}

/// Where `needle` last occurs in `haystack`.
fn last(haystack: &[u8], needle: &str) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle.as_bytes())
}

#[test]
fn quitting_gives_the_terminal_back() {
    let home = Home::new();
    let mut pty = home.open(40, 120);
    assert!(pty.alternate_screen());
    assert_ne!(pty.termios(), pty.initial_termios(), "the app puts the terminal in raw mode");
    pty.send("q");
    assert_exit_ok(&mut pty);

    let raw = pty.raw();
    let shown = String::from_utf8_lossy(&raw[raw.len().saturating_sub(400)..]).into_owned();
    // Each mode entered at the start is left at the end, after the last frame.
    for (on, off) in [
        ("\x1b[?1049h", "\x1b[?1049l"), // alternate screen
        ("\x1b[?1000h", "\x1b[?1000l"), // mouse capture
        ("\x1b[?2004h", "\x1b[?2004l"), // bracketed paste
    ] {
        let entered = last(&raw, on).unwrap_or_else(|| panic!("{on:?} never sent"));
        let left = last(&raw, off).unwrap_or_else(|| panic!("{off:?} never sent; end:\n{shown:?}"));
        assert!(entered < left, "{off:?} comes after {on:?}; end:\n{shown:?}");
    }
    let hidden = last(&raw, "\x1b[?25l");
    let visible = last(&raw, "\x1b[?25h").expect("the cursor is shown again");
    assert!(hidden < Some(visible), "end:\n{shown:?}");
    assert!(!pty.alternate_screen(), "back on the main screen");
    assert_eq!(
        pty.termios(),
        pty.initial_termios(),
        "the terminal's settings are as before: raw mode is off"
    );
    assert!(home.bytes() == SHIPPED.as_bytes());
}

#[test]
fn set_says_it_waits_for_remarks_typed_on_the_terminal() {
    let home = Home::new();
    let mut command = home.command();
    command.args(["set", "I", "1", "--remarks-file", "-"]);
    let mut pty = Pty::spawn(command, 24, 80);
    pty.wait_for("reading the remarks from standard input");
    assert!(!home.path().join("report.ron.lock").exists(), "not locked while waiting");
    pty.send("Typed at the terminal.\r");
    pty.send(&ctrl('d'));
    assert_exit_ok(&mut pty);
    assert_eq!(home.report().groups[0].activities[0].remarks, "Typed at the terminal.");
}
