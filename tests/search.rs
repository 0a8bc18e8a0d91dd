//! Searching from the app: the search prompt (a new search starts empty, earlier queries a
//! key away, line editing keys) and what the search finds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use crossterm::event::{KeyCode, KeyModifiers};
use wgtrack::app::Mode;

use common::Driver;

/// What the search prompt holds, or `None` when it is not open.
fn typed(d: &Driver) -> Option<String> {
    match d.app.mode() {
        Mode::Search { input, .. } => Some(input.clone()),
        _ => None,
    }
}

#[test]
fn a_new_search_starts_empty_and_earlier_queries_are_a_key_away() {
    let mut d = Driver::new();
    d.ch('/');
    d.typed("COVID");
    d.enter();
    assert_eq!(d.app.search().map(|s| s.query.as_str()), Some("COVID"));
    d.ch('/');
    d.typed("workshop");
    d.enter();

    d.ch('/');
    assert_eq!(typed(&d).as_deref(), Some(""), "a new search starts empty");
    d.typed("pandemic");
    assert_eq!(typed(&d).as_deref(), Some("pandemic"), "not COVIDpandemic");
    d.key(KeyCode::Up);
    assert_eq!(typed(&d).as_deref(), Some("workshop"), "the last query");
    d.key(KeyCode::Up);
    assert_eq!(typed(&d).as_deref(), Some("COVID"), "the one before");
    d.key(KeyCode::Up);
    assert_eq!(typed(&d).as_deref(), Some("COVID"), "the oldest stays");
    d.key(KeyCode::Down);
    assert_eq!(typed(&d).as_deref(), Some("workshop"));
    d.key(KeyCode::Down);
    assert_eq!(typed(&d).as_deref(), Some(""), "past the newest: a new query");
    d.esc();
    assert_eq!(d.app.search().map(|s| s.query.as_str()), Some("workshop"), "Esc keeps the search");
}

#[test]
fn the_search_prompt_clears_its_line_and_deletes_words() {
    let mut d = Driver::new();
    d.ch('/');
    d.typed("data  collection plan");
    d.press(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(typed(&d).as_deref(), Some("data  collection "));
    d.press(KeyCode::Char('w'), KeyModifiers::CONTROL);
    assert_eq!(typed(&d).as_deref(), Some("data  "));
    d.press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(typed(&d).as_deref(), Some(""));
    d.typed("census");
    d.enter();
    assert_eq!(d.app.search().map(|s| s.query.as_str()), Some("census"));
}
