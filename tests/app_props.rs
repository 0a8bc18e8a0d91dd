//! The app as a state machine, driven by random event sequences the way `tui::run` drives
//! it: keys through the keymap, pastes, ticks, viewports and redraws at random sizes, with
//! someone else now and then changing or deleting the file. After every step nothing
//! panicked, the report is valid, the figures and the selection match it, and the files on
//! disk changed only if the step saved; at the end undo takes everything back to the report
//! as loaded, redo brings it all again, and a save writes exactly the report the app holds.
//! Also: every screen draws at any size, and movement keys go the way they say. Here: what
//! the sessions share; in `app_props/`, the sessions, the screens and the moves.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod app_props {
    mod moves;
    mod screens;
    mod sessions;
}

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wgtrack::action::{Action, Viewport};
use wgtrack::app::App;
use wgtrack::keymap::Keymap;
use wgtrack::model::{Progress, Report};
use wgtrack::store::{self, Fingerprint, Paths, SHIPPED};
use wgtrack::ui::{self, ViewState, theme::Theme};

use common::send;

/// wgtrack's directories for this test binary, in Cargo's scratch directory for
/// integration tests, emptied when the binary starts; given to every app here as `Paths`.
fn paths() -> &'static Paths {
    static PATHS: OnceLock<Paths> = OnceLock::new();
    PATHS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("app_props-home");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Paths::under(&dir)
    })
}

/// The shipped report and its fingerprint as `store::open` reads them from a file, parsed
/// once: a parse takes milliseconds in a debug build, and every session starts from it.
fn opened() -> &'static (Report, Fingerprint) {
    static OPENED: OnceLock<(Report, Fingerprint)> = OnceLock::new();
    OPENED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.ron");
        fs::write(&path, SHIPPED).unwrap();
        store::open(&path).unwrap()
    })
}

/// Draws the app at a size the way the event loop does, feeding a changed viewport back.
fn redraw(app: &mut App, view: &mut ViewState, reported: &mut Option<Viewport>, w: u16, h: u16) {
    let keymap = keymap();
    let theme = Theme::default();
    let ctx = ui::Context { keymap, theme: &theme };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, &ctx, view)).unwrap();
    if *reported != Some(view.viewport) {
        *reported = Some(view.viewport);
        send(app, Action::Viewport(view.viewport));
    }
}

fn keymap() -> &'static Keymap {
    static KEYMAP: OnceLock<Keymap> = OnceLock::new();
    KEYMAP.get_or_init(Keymap::default)
}

/// A version of the shipped file that someone else might write, as text: a few of them,
/// written once (serialising takes milliseconds in a debug build).
fn external_version(seed: u8) -> &'static str {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        (0..4u8)
            .map(|seed| {
                let mut report = opened().0.clone();
                let g = usize::from(seed) * 3 % report.groups.len();
                let activity = &mut report.groups[g].activities[0];
                activity.progress = Progress::new(i64::from(seed) * 30).unwrap();
                activity.remarks = format!("Changed elsewhere ({seed}).");
                store::to_text(&report)
            })
            .collect()
    });
    &texts[usize::from(seed) % texts.len()]
}

/// Removes the recovery files the app wrote for these reports.
fn forget_journals(reports: &[&Path]) {
    for report in reports {
        for file in store::recovery::find(&paths().recovery_dir(), report) {
            store::recovery::discard(&file);
        }
    }
}
