//! Huge remarks and long pastes: an activity whose remarks are megabytes, opened, scrolled
//! and edited; and text pasted into the real app without bracketed paste, as keys.

use std::path::Path;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent};

use super::{Table, budgets, plan};
use crate::common::home::Home;
use crate::common::paste::pasted_text;
use crate::common::{self, Plan, Screen, Stats, key_char, measure, megabytes};
use wgtrack::action::{Action, Pane};
use wgtrack::app::Mode;
use wgtrack::keymap::Context;
use wgtrack::model::Report;

/// The sizes of remarks measured, and how the table says them.
const REMARKS: [(usize, &str); 2] = [(1_000_000, "1 MB"), (50_000_000, "50 MB")];

/// The paste typed into the real app, and the word it ends with: one word, so that wrapping
/// cannot split it on the screen, and found nowhere else.
const PASTE: usize = 100_000;
const PASTE_END: &str = "End-of-the-pasted-text.";

/// A terminal writes a paste to the pseudo-terminal in pieces: the kernel's input buffer of
/// a terminal holds 4,096 bytes.
const WRITE: usize = 4096;

/// Opening an activity wraps its remarks once at the view's width (`wrap::Wrapped`), then
/// draws the lines on screen: linear in the text, about 5 ms a megabyte when measured
/// (0.2–0.4 s for 50 MB at a load average of 4 to 7). The budgets leave twice or three times
/// that, for a busy machine; 50 MB once took 14–20 s.
const OPEN_1MB: Duration = Duration::from_millis(30);
const OPEN_50MB: Duration = Duration::from_secs(1);
/// What a paste of 100 KB typed as keys may take, from its first byte to its last word on
/// screen (measured: under 0.1 s; it once took minutes).
const PASTE_BUDGET: Duration = Duration::from_secs(1);

/// How long the real app may take for anything here: a report of 50 MB is read first.
const LIMIT: Duration = Duration::from_secs(120);

/// The shipped report with remarks of `bytes` in its first activity (group I, activity 1).
fn with_remarks(bytes: usize) -> Report {
    let mut report = common::report("shipped");
    report.groups[0].activities[0].remarks = wgtrack::generate::remarks(bytes, common::SEED);
    report
}

/// Remarks of megabytes: opened, scrolled, opened in the editor; the app's memory.
pub fn measure_remarks(table: &mut Table, full: bool, dir: &Path) {
    // The smoke test (a debug build) stops at a megabyte.
    let sizes = if full { &REMARKS[..] } else { &REMARKS[..1] };
    let path = dir.join("huge.ron");
    for &(bytes, size) in sizes {
        let mut screen = Screen::new(with_remarks(bytes), path.clone());
        screen.open_table();
        // Its neighbour is opened between two timings, so that each opening wraps the text
        // anew, as opening an activity does the first time.
        let stats = measure(plan(full, Plan::SLOW), &mut screen, open_neighbour, |s| {
            let open = s.key_for(&Action::Open);
            s.respond(open);
        });
        assert_eq!(screen.app.focus(), Pane::Activity, "the activity is open");
        let what = format!("open an activity with a {size} remark → frame");
        let budget = if bytes < 10_000_000 { OPEN_1MB } else { OPEN_50MB };
        table.time(&what, "shipped", stats, Some(budget));
        if bytes != sizes[sizes.len() - 1].0 {
            continue;
        }

        // Drawing reads the lines on screen only, however long the text: a key's budget.
        let down = screen.key_for(&Action::PageDown);
        let stats = measure(plan(full, Plan::FAST), &mut screen, |_| {}, |s| s.respond(down));
        assert!(screen.app.detail_scroll() > 0, "the remarks scrolled");
        let what = format!("scroll one page down in a {size} remark → frame");
        table.time(&what, "shipped", stats, Some(budgets("shipped").key));

        // The editor (ratatui-textarea) wraps its whole text when it is first drawn, and
        // again after every change: no budget, the figures say what it costs.
        let stats = measure(plan(full, Plan::SLOW), &mut screen, close_editor, |s| {
            let edit = s.key_for(&Action::EditRemarks);
            s.respond(edit);
        });
        assert!(matches!(screen.app.mode(), Mode::EditText(_)), "the editor is open");
        let what = format!("open the remarks editor (r) on a {size} remark → frame");
        table.time(&what, "shipped", stats, None);
        let key = KeyEvent::from(KeyCode::Char('x'));
        let stats = measure(plan(full, Plan::SLOW), &mut screen, |_| {}, |s| s.respond(key));
        let what = format!("type a character in the remarks editor on a {size} remark → frame");
        table.time(&what, "shipped", stats, None);
    }

    let (bytes, size) = sizes[sizes.len() - 1];
    let home = Home::with_text(&wgtrack::store::to_text(&with_remarks(bytes)));
    let file = std::fs::metadata(&home.file).map_or(0, |m| m.len());
    let peak = open_huge_once(&home);
    // As every report's: three times the file, and 15 MB.
    let (limit, text) = (budgets("1000x100").memory)(file);
    let what = format!("peak memory, open a {size} remark (VmHWM)");
    table.add(&what, "shipped", megabytes(peak), Some((text, peak < limit)));
}

/// Text pasted into the real app's editor without bracketed paste.
pub fn measure_paste(table: &mut Table, full: bool) {
    let home = Home::new();
    let runs = if full { 5 } else { 1 };
    let pastes = Stats::of((0..runs).map(|_| paste_once(&home)).collect());
    let what = "100 KB paste without bracketed paste, remarks editor → last character on screen \
                (pty)";
    table.time(what, "shipped", pastes, Some(PASTE_BUDGET));
}

/// Back in the table, the activity below opened and left, and the first selected again.
fn open_neighbour(s: &mut Screen) {
    if s.app.focus() == Pane::Activity {
        s.act(&Action::Back);
    }
    s.act(&Action::Down);
    s.act(&Action::Open);
    s.draw();
    s.act(&Action::Back);
    s.act(&Action::Up);
    s.draw();
    assert_eq!((s.app.focus(), s.app.activity()), (Pane::Activities, 0));
}

/// The editor closed, its text unchanged, back in the activity view.
fn close_editor(s: &mut Screen) {
    if matches!(s.app.mode(), Mode::EditText(_)) {
        s.act(&Action::Back);
        s.draw();
    }
    assert!(!s.app.is_modified(), "nothing was typed");
}

/// The real app on the home's report: opens the first activity of the first group, waits
/// for its frame, and reads the peak memory.
fn open_huge_once(home: &Home) -> u64 {
    let (mut pty, _) = common::open(home);
    pty.settle(Duration::from_millis(50), LIMIT);
    pty.send(&key_char(Context::Groups, &Action::Open));
    pty.settle(Duration::from_millis(50), LIMIT);
    pty.time_until(|s| s.contents().contains("activity 1 of"));
    pty.send(&key_char(Context::Activities, &Action::Open));
    pty.timed(LIMIT);
    pty.settle(Duration::from_millis(50), LIMIT);
    let peak = pty.peak_rss().expect("the app's peak memory");
    common::quit(pty);
    peak
}

/// The real app on the shipped report, in the editor of the first activity's remarks: the
/// time from the first byte of a paste written without bracketed paste to the frame that
/// shows its last word.
fn paste_once(home: &Home) -> Duration {
    let (mut pty, _) = common::open(home);
    let quiet = Duration::from_millis(50);
    pty.settle(quiet, LIMIT);
    pty.send(&key_char(Context::Groups, &Action::Open));
    pty.settle(quiet, LIMIT);
    pty.send(&key_char(Context::Activities, &Action::Open));
    pty.settle(quiet, LIMIT);
    pty.send(&key_char(Context::Activity, &Action::EditRemarks));
    pty.wait_for("Remarks of I.1");
    let text = pasted_text(PASTE, PASTE_END);
    assert!(!text.contains("\x1b[200~"), "no bracketed-paste marks");
    assert_eq!(text.matches(PASTE_END).count(), 1);
    pty.time_until(|s| s.contents().contains(PASTE_END));
    let sent = Instant::now();
    for piece in text.as_bytes().chunks(WRITE) {
        pty.send(std::str::from_utf8(piece).expect("ASCII"));
    }
    let shown = pty.timed(LIMIT);
    // The text is left unsaved: the app is killed with the terminal.
    drop(pty);
    shown - sent
}
