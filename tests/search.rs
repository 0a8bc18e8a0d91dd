//! Searching from the app: the search prompt (a new search starts empty, earlier queries a
//! key away, line editing keys) and what the search finds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use crossterm::event::{KeyCode, KeyModifiers};
use wgtrack::action::Pane;
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

/// The go-to prompt's text, or `None` when it is not open.
fn going_to(d: &Driver) -> Option<String> {
    match d.app.mode() {
        Mode::GoTo(input) => Some(input.clone()),
        _ => None,
    }
}

#[test]
fn a_number_typed_in_a_list_goes_to_that_group_or_activity() {
    let mut d = Driver::new();
    // In the groups pane a digit starts a group's number.
    d.ch('7');
    assert_eq!(going_to(&d).as_deref(), Some("7"));
    d.enter();
    assert_eq!((d.app.group(), d.app.focus()), (6, Pane::Groups));
    // `:` takes a group and an activity, as numerals or numbers.
    d.ch(':');
    d.typed("VIII.7");
    d.enter();
    assert_eq!((d.app.group(), d.app.activity(), d.app.focus()), (7, 6, Pane::Activities));
    d.ch(':');
    d.typed("2.3");
    d.enter();
    assert_eq!((d.app.group(), d.app.activity()), (1, 2));
    // In the table a digit starts an activity's number in the group shown.
    d.ch('4');
    assert_eq!(going_to(&d).as_deref(), Some("II.4"));
    d.enter();
    assert_eq!((d.app.group(), d.app.activity(), d.app.focus()), (1, 3, Pane::Activities));
}

#[test]
fn going_where_nothing_is_says_what_there_is_and_keeps_the_prompt() {
    let mut d = Driver::new();
    d.ch(':');
    d.typed("XII");
    d.enter();
    assert_eq!(d.message(), "No group “XII”: the report has groups I to XI");
    assert_eq!(going_to(&d).as_deref(), Some("XII"), "the prompt stays to correct");
    d.press(KeyCode::Char('u'), KeyModifiers::CONTROL);
    d.typed("VIII.40");
    d.enter();
    let count = common::shipped().groups[7].activities.len();
    assert_eq!(d.message(), format!("No activity VIII.40: the group has activities 1 to {count}"));
    d.key(KeyCode::Esc);
    assert_eq!(going_to(&d), None);
    assert_eq!(d.app.group(), 0, "nothing moved");
}

#[test]
fn going_to_an_activity_the_filter_hides_shows_it() {
    let mut d = Driver::new();
    d.enter();
    // Not started only: VIII.7 (8%) is hidden.
    d.ch('f');
    assert!(d.app.filter().is_some());
    d.ch(':');
    d.typed("VIII.7");
    d.enter();
    assert_eq!((d.app.group(), d.app.activity()), (7, 6));
    assert_eq!(d.app.filter(), None, "the filter that hid it is cleared");
}
