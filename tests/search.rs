//! Searching from the app: the search prompt (a new search starts empty, earlier queries a
//! key away, line editing keys) and what the search finds.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use crossterm::event::{KeyCode, KeyModifiers};
use wgtrack::action::Pane;
use wgtrack::app::{App, DetailsOf, Mode, RowKind};
use wgtrack::edit::Field;
use wgtrack::search;

use common::Driver;

/// Which match the list of matches has selected, while it is open.
trait MatchList {
    fn mode_matches(&self) -> Option<usize>;
}

impl MatchList for App {
    fn mode_matches(&self) -> Option<usize> {
        match self.mode() {
            Mode::Matches { selected } => Some(*selected),
            _ => None,
        }
    }
}

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

/// Every kind of field, each with the word "Quetzal" added, in report order.
fn with_quetzal_everywhere() -> (wgtrack::model::Report, Vec<Field>) {
    let mut report = common::shipped();
    let fields = [
        Field::Symbol,
        Field::Date,
        Field::Title,
        Field::Meeting,
        Field::Venue,
        Field::Heading(1),
        Field::Paragraph(1, 0),
        Field::GroupTitle(3),
        Field::GroupTopic(3),
        Field::GeneralObjective(3),
        Field::SpecificObjective(3, 1),
        Field::Country(4, 0),
        Field::Institution(4, 0),
        Field::ActivityTopic(5, 2),
        Field::Description(5, 2),
        Field::Remarks(5, 2),
    ];
    for field in fields {
        let text = field.get(&report).unwrap_or_else(|| panic!("{field:?}"));
        field.set(&mut report, format!("{text} Quetzal"));
    }
    (report, fields.to_vec())
}

#[test]
fn every_kind_of_field_is_searched() {
    let (report, fields) = with_quetzal_everywhere();
    let found: Vec<Field> = search::find(&report, "quetzal").into_iter().map(|h| h.field).collect();
    assert_eq!(
        found, fields,
        "symbol, date, title, meeting, venue, heading, paragraph, group title, topic, general and specific objective, country, institution, activity topic, description, remarks"
    );
}

#[test]
fn the_list_of_matches_goes_where_a_match_is_and_n_follows_its_order() {
    let (report, fields) = with_quetzal_everywhere();
    let mut d = Driver::with(report);
    d.ch('/');
    d.typed("QUETZAL");
    d.enter();
    // Enter went to the first match at or after the selection (group I): IV's title.
    assert_eq!(d.message(), "Match 8 of 16 for “QUETZAL” · IV title");
    d.ch('m');
    assert_eq!(d.app.mode_matches(), Some(7), "the list opens on the match gone to");
    // Up to the paragraph: Enter opens the report's details form on its row.
    d.key(KeyCode::Home);
    d.repeat(KeyCode::Down, 6);
    d.enter();
    assert_eq!(d.app.focus(), Pane::Details);
    assert_eq!(d.app.details().of, DetailsOf::Report);
    assert!(matches!(d.selected_row().kind, RowKind::Field { field, .. } if field == fields[6]));
    assert_eq!(d.message(), "Match 7 of 16 for “QUETZAL” · Introduction ¶3");
    // A group's objective: the group's details form.
    d.ch('m');
    assert_eq!(d.app.mode_matches(), Some(6), "the list opens on the match gone to");
    d.repeat(KeyCode::Down, 4);
    d.enter();
    assert_eq!(d.app.details().of, DetailsOf::Group(3));
    assert!(matches!(d.selected_row().kind, RowKind::Field { field, .. } if field == fields[10]));
    // The group's title: the groups pane.
    d.ch('m');
    d.repeat(KeyCode::Up, 3);
    d.enter();
    assert_eq!((d.app.focus(), d.app.group()), (Pane::Groups, 3));
    assert_eq!(d.message(), "Match 8 of 16 for “QUETZAL” · IV title");
    // An activity's remarks: the activity in the table.
    d.ch('m');
    d.key(KeyCode::End);
    d.enter();
    assert_eq!((d.app.focus(), d.app.group(), d.app.activity()), (Pane::Activities, 5, 2));
    assert_eq!(d.message(), "Match 16 of 16 for “QUETZAL” · VI.3 remarks");
    // Esc closes the list where it was.
    d.ch('m');
    d.key(KeyCode::Home);
    d.esc();
    assert_eq!(d.app.mode_matches(), None);
    assert_eq!((d.app.group(), d.app.activity()), (5, 2));
    // n and N visit the matches in the list's order, round and round.
    let mut visited = Vec::new();
    for _ in 0..fields.len() {
        d.ch('n');
        let search = d.app.search().unwrap();
        visited.push(search.current_hit().unwrap().field);
    }
    assert_eq!(visited, fields, "after the last match, n goes round to the first");
    d.ch('n');
    assert_eq!(d.message(), "Match 1 of 16 for “QUETZAL” · Symbol (wrapped)");
    d.ch('N');
    assert_eq!(d.message(), "Match 16 of 16 for “QUETZAL” · VI.3 remarks (wrapped)");
}

#[test]
fn the_footer_names_the_place_of_the_match() {
    let (report, _) = with_quetzal_everywhere();
    let mut d = Driver::with(report).on_screen(120, 40);
    d.ch('/');
    d.typed("quetzal");
    d.enter();
    d.ch('n');
    // Any key that does not move clears the news; the footer then says where the search is.
    d.ch('o');
    d.ch('o');
    d.settle();
    assert!(
        d.message_row().contains("match 9 of 16 · IV topic  (n next, N previous, m all)"),
        "{}",
        d.message_row()
    );
}

#[test]
fn the_list_of_matches_on_screen() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut d = Driver::screen(width, height);
        d.ch('/');
        d.typed("review");
        d.enter();
        d.ch('m');
        d.key(KeyCode::Down);
        d.settle();
        common::assert_snapshot(format!("match_list_{width}x{height}"), d.backend());
    }
}

#[test]
fn a_match_in_a_cut_off_cell_shows_its_neighbourhood() {
    let mut report = common::shipped();
    let long = "A long description of the work the group did over the biennium, with the \
                meetings held and the documents drafted, and at last the Quetzal clause";
    report.groups[5].activities[2].description = long.to_string();
    let mut d = Driver::with(report).on_screen(120, 40);
    d.ch('/');
    d.typed("quetzal");
    d.enter();
    let screen = d.settled_text();
    let row = screen.lines().find(|l| l.contains("│  3  ")).unwrap_or_default();
    let cell = row.split("Strategy for… ").nth(1).unwrap_or_default();
    assert!(cell.starts_with('…') && cell.contains("the Quetzal clause "), "{screen}");
    // Elsewhere the cell shows its start, as before.
    d.key(KeyCode::Up);
    let screen = d.settled_text();
    assert!(screen.contains("A long description"), "{screen}");
    assert!(!screen.contains("Quetzal clause"), "{screen}");
}

/// The list's title counts its matches without a plural to get wrong ("1 matches").
#[test]
fn the_list_of_one_match_is_titled_right() {
    let mut d = Driver::screen(80, 24);
    d.ch('/');
    d.typed("revision");
    d.enter();
    d.ch('m');
    let text = d.settled_text();
    assert!(text.contains("Matches for “revision”: 1"), "{text}");
}
