//! The one harness of wgtrack's tests: every test target declares `mod common;`, and the
//! benchmarks include it too.
//!
//! - here: the shipped report, [`send`] (the one way a test hands the app an action), the
//!   fake path of an app that never saves, and snapshots kept in `tests/snapshots`;
//! - [`driver`]: the app driven with keys through the default keymap, on a test screen or not;
//! - [`command`]: the `wgtrack` binary confined to a temporary home, and what it printed;
//! - [`figures`]: the figures of the source document (LC/CE.20/3), written out by hand;
//! - [`home`]: a temporary home with a report file, and the binary run or opened in it;
//! - [`paste`]: text as a terminal sends it when pasted without bracketed paste;
//! - [`pty`] and [`pty_screen`]: the real binary in a pseudo-terminal, and reading its screen;
//! - [`process`]: a test body with a home of its own (`Paths` inside it), polling waits;
//! - [`cases`]: how many cases a property test tries, and where a failing one is kept;
//! - [`exported`]: reading what the exports wrote (Markdown cells, escapes undone);
//! - [`git`]: git repositories made with the `git` program, a history in one fast-import.

#![allow(dead_code, unused_imports, clippy::unwrap_used, clippy::expect_used)]

pub mod cases;
pub mod command;
pub mod driver;
pub mod exported;
pub mod figures;
pub mod git;
#[cfg(unix)]
pub mod home;
pub mod paste;
#[cfg(unix)]
pub mod process;
#[cfg(unix)]
pub mod pty;
#[cfg(unix)]
pub mod pty_screen;
pub mod scenarios;
pub mod sheets;

pub use command::*;
pub use driver::Driver;
pub use figures::*;

use wgtrack::action::Action;
use wgtrack::app::App;
use wgtrack::model::Report;
use wgtrack::store;

/// The file an app believes it edits when the test never saves: never touched, so screens
/// hold no temporary path.
pub const FAKE_PATH: &str = "/data/report.ron";

/// The shipped report, parsed.
pub fn shipped() -> Report {
    store::shipped().expect("the shipped report loads")
}

/// Unsaved edits as a recovery file holds them, `report` their state, left by pid 4242 on
/// the host "cepal" (no record of the file they began from: restored whole).
pub fn recovered(report: Report) -> wgtrack::store::recovery::Recovery {
    wgtrack::store::recovery::Recovery {
        file: std::path::PathBuf::from(FAKE_PATH),
        pid: 4242,
        host: "cepal".to_string(),
        time: "2021-04-05T10:00:00Z".to_string(),
        base: None,
        report,
    }
}

/// Hands `action` to the app and carries out at once what it asks for (saves, journals),
/// as the event loop does on its worker: every test changes the app's state through here
/// (or through the [`Driver`], which comes here too), so that how an action is run lives
/// in one place.
pub fn send(app: &mut App, action: Action) {
    wgtrack::effects::act(app, action);
}

/// Compares `value` with `tests/snapshots/<target>__<name>.snap`. The file is named after
/// the test target and the snapshot, not the module the test sits in, so a test moved
/// between the files of its target keeps its snapshot.
#[track_caller]
pub fn assert_snapshot(name: impl std::fmt::Display, value: impl std::fmt::Display) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    let name = format!("{}__{name}", env!("CARGO_CRATE_NAME"));
    let value = value.to_string();
    settings.bind(|| insta::assert_snapshot!(name, value));
}
