//! The configuration file: keys rebound and what they do, clashes reported at their line,
//! broken files reported as `file:line:column` with the defaults used, `config --default`
//! reading back to the defaults, the themes and NO_COLOR, and the `file` setting. Here: how
//! the tests read a configuration; in `config/`, the tests by feature.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod config {
    mod file;
    mod keys;
    mod themes;
}

use std::path::PathBuf;

use wgtrack::action::{Action, Pane};
use wgtrack::app::App;
use wgtrack::config::{Config, Problem};
use wgtrack::keymap::{self, Context, Keymap};

use common::{FAKE_PATH, line_col, send, shipped};

/// A path for problems to name; nothing is read from it.
fn path() -> PathBuf {
    PathBuf::from("/home/secretary/.config/wgtrack/config.ron")
}

/// Parses `text` as the configuration file at [`path`].
fn parse(text: &str) -> (Config, Vec<Problem>) {
    wgtrack::config::parse(&path(), text)
}

/// The line and column of the `nth` (from 0) occurrence of `needle` in `text`.
#[track_caller]
fn spot(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs {} times", nth + 1))
        .0;
    line_col(text, offset)
}

fn app(focus: Pane) -> App {
    let mut app = App::new(shipped(), PathBuf::from(FAKE_PATH));
    let path: &[Action] = match focus {
        Pane::Groups => &[],
        Pane::Activities => &[Action::Open],
        Pane::Activity => &[Action::Open, Action::Open],
        Pane::Overview => &[Action::Overview],
        Pane::Details => &[Action::Details],
        Pane::Conflicts => panic!("only a file marked by a merge opens on its conflicts"),
    };
    for action in path {
        send(&mut app, action.clone());
    }
    assert_eq!(app.focus(), focus);
    app
}

/// The bindings of every context, in order: what a keymap does and shows.
fn table(keymap: &Keymap) -> Vec<keymap::Binding> {
    Context::all().flat_map(|c| keymap.bindings(c).cloned().collect::<Vec<_>>()).collect()
}
