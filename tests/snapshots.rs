//! Snapshot tests of every screen: the app is driven with keys through the default keymap,
//! drawn into ratatui's `TestBackend` like `tui::run` draws it (feeding the viewport back after
//! each frame), and the text of the screen is compared with `tests/snapshots/*.snap`.
//! Robustness tests draw every screen at sizes from 0×0 to 500×200, and check that wide and
//! accented characters keep the table's columns aligned.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;
use wgtrack::action::Pane;
use wgtrack::app::{App, Mode};
use wgtrack::model::Report;
use wgtrack::store;
use wgtrack::ui;

/// The two sizes every screen is snapshotted at.
const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[allow(dead_code)] // Shared with the other screen tests, which use the rest of it.
#[path = "support/screen.rs"]
mod screen;

use screen::{FAKE_PATH, Screen};

fn shipped() -> Report {
    store::shipped().expect("the shipped report parses")
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    row_prefix(buffer, y, buffer.area.right())
}

/// The text of the cells of row `y` left of column `end`, wide characters once.
fn row_prefix(buffer: &Buffer, y: u16, end: u16) -> String {
    let mut text = String::new();
    let mut skip = 0usize;
    for x in buffer.area.left()..end {
        let symbol = buffer[(x, y)].symbol();
        if skip == 0 {
            text.push_str(symbol);
        }
        skip = skip.max(symbol.width()).saturating_sub(1);
    }
    text
}

// The screens, as keys pressed from the start state.

fn start(_: &mut Screen) {}

/// Group VIII (the eighth in the groups pane), its table focused, activity 7 selected.
fn viii_table(s: &mut Screen) {
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
}

/// Group VI, the one whose table has a Topic column.
fn vi_table(s: &mut Screen) {
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
}

/// Group I with its objectives folded; the table is focused so that narrow screens show it.
fn objectives_folded(s: &mut Screen) {
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('o'));
}

fn viii_activity(s: &mut Screen) {
    viii_table(s);
    s.key(KeyCode::Enter);
}

/// Activity VII.1, whose remarks run to several paragraphs, scrolled down four lines.
fn vii_activity_scrolled(s: &mut Screen) {
    s.repeat(KeyCode::Char('j'), 6);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 4);
}

fn progress_prompt(s: &mut Screen) {
    viii_table(s);
    s.key(KeyCode::Char('p'));
}

fn progress_refused(s: &mut Screen) {
    progress_prompt(s);
    s.typed("101");
    s.key(KeyCode::Enter);
}

fn remarks_editor(s: &mut Screen) {
    viii_table(s);
    s.key(KeyCode::Char('r'));
}

fn search_typing(s: &mut Screen) {
    s.key(KeyCode::Char('/'));
    s.typed("review");
}

fn search_results(s: &mut Screen) {
    search_typing(s);
    s.key(KeyCode::Enter);
}

fn modified(s: &mut Screen) {
    viii_table(s);
    s.key(KeyCode::Char('+'));
}

fn quit_prompt(s: &mut Screen) {
    modified(s);
    s.key(KeyCode::Char('q'));
}

fn help(s: &mut Screen) {
    s.key(KeyCode::Char('?'));
}

fn help_scrolled(s: &mut Screen) {
    help(s);
    s.repeat(KeyCode::Char('j'), 10);
}

type Scenario = fn(&mut Screen);

/// Every screen, by name.
const SCENARIOS: [(&str, Scenario); 15] = [
    ("start", start),
    ("viii_table", viii_table),
    ("vi_table", vi_table),
    ("objectives_folded", objectives_folded),
    ("viii_activity", viii_activity),
    ("vii_activity_scrolled", vii_activity_scrolled),
    ("progress_prompt", progress_prompt),
    ("progress_refused", progress_refused),
    ("remarks_editor", remarks_editor),
    ("search_typing", search_typing),
    ("search_results", search_results),
    ("modified", modified),
    ("quit_prompt", quit_prompt),
    ("help", help),
    ("help_scrolled", help_scrolled),
];

/// Runs a scenario at both sizes and compares each screen with its snapshot.
fn snapshots(name: &str, scenario: Scenario) {
    for (width, height) in SIZES {
        snapshot_at(name, scenario, width, height);
    }
}

/// Runs a scenario at one size and compares the screen with its snapshot; the screen is
/// returned for further checks.
fn snapshot_at(name: &str, scenario: Scenario, width: u16, height: u16) -> Screen {
    let mut screen = Screen::shipped(width, height);
    scenario(&mut screen);
    screen.settle();
    insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen.terminal.backend());
    screen
}

#[test]
fn main_screen_groups_focused() {
    snapshots("main_groups_focused", start);
    let mut s = Screen::shipped(120, 40);
    s.settle();
    assert!(s.text().contains("Groups (11)"));
}

#[test]
fn group_viii_table_activity_7() {
    snapshots("group_viii_table", viii_table);
    let mut s = Screen::shipped(120, 40);
    viii_table(&mut s);
    assert_eq!((s.app.group(), s.app.activity()), (7, 6));
}

#[test]
fn group_vi_table_with_topic_column() {
    snapshots("group_vi_table", vi_table);
    // The Topic column needs a table 80 cells wide: at 120x40 and 80x24 the table has 78,
    // so the column shows only on wider screens.
    let s = snapshot_at("group_vi_table", vi_table, 140, 40);
    let header = row_text(s.buffer(), s.view.table_rows.y - 1);
    assert!(header.contains("Topic"), "no Topic column at 140x40: {header}");
}

#[test]
fn objectives_folded_group_i() {
    snapshots("objectives_folded_group_i", objectives_folded);
}

#[test]
fn activity_view_viii_7() {
    snapshots("activity_viii_7", viii_activity);
}

#[test]
fn activity_view_vii_1_scrolled() {
    // At both sizes the whole of VII.1 fits, so there is nothing to scroll: the view stays
    // at its top however often ↓ is pressed.
    for (width, height) in SIZES {
        let s = snapshot_at("activity_vii_1_scrolled", vii_activity_scrolled, width, height);
        assert_eq!(s.view.viewport.detail_max, 0, "{width}x{height}");
        assert_eq!(s.app.detail_scroll(), 0, "{width}x{height}");
    }
    // On a shorter screen it scrolls, by the four lines asked.
    let s = snapshot_at("activity_vii_1_scrolled", vii_activity_scrolled, 80, 16);
    assert!(s.view.viewport.detail_max >= 4);
    assert_eq!(s.app.detail_scroll(), 4);
    assert!(!s.text().contains("Chapter I. Priority"), "{}", s.text());
}

/// Activity III.1, the longest of the report, scrolled down four lines or as far as it goes
/// (all of it fits at 120x40; at 80x24 it scrolls two lines).
fn iii_activity_scrolled(s: &mut Screen) {
    s.repeat(KeyCode::Char('j'), 2);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 4);
}

#[test]
fn activity_view_iii_1_scrolled() {
    for (width, height) in SIZES {
        let s = snapshot_at("activity_iii_1_scrolled", iii_activity_scrolled, width, height);
        let max = s.view.viewport.detail_max;
        assert_eq!(s.app.detail_scroll(), max.min(4), "{width}x{height}");
    }
}

#[test]
fn progress_prompt_viii_7() {
    snapshots("progress_prompt", progress_prompt);
}

#[test]
fn progress_prompt_refuses_101() {
    snapshots("progress_refused_101", progress_refused);
    let mut s = Screen::shipped(120, 40);
    progress_refused(&mut s);
    s.settle();
    assert!(matches!(s.app.mode(), Mode::EditProgress(_)));
    assert!(s.app.message().is_some_and(|m| m.is_error));
    assert!(s.text().contains("Refused"));
}

#[test]
fn remarks_editor_viii_7() {
    snapshots("remarks_editor", remarks_editor);
}

#[test]
fn search_prompt_typing() {
    snapshots("search_typing", search_typing);
}

#[test]
fn search_review_after_enter() {
    snapshots("search_review", search_results);
}

#[test]
fn quit_prompt_with_unsaved_changes() {
    snapshots("quit_prompt_unsaved", quit_prompt);
}

#[test]
fn help_overlay() {
    snapshots("help", help);
}

#[test]
fn help_overlay_scrolled() {
    snapshots("help_scrolled", help_scrolled);
    let mut s = Screen::shipped(120, 40);
    help_scrolled(&mut s);
    s.settle();
    assert!(s.app.help_scroll() > 0);
}

#[test]
fn modified_marker_in_header() {
    snapshots("modified_marker", modified);
    for (width, height) in SIZES {
        let mut s = Screen::shipped(width, height);
        modified(&mut s);
        s.settle();
        assert!(row_text(s.buffer(), 0).contains("● modified"), "{width}x{height}");
    }
}

#[test]
fn saved_message_with_redacted_path() {
    // Under /tmp where there is one, so the path has the same length on every machine and
    // the redacted screen the same layout.
    let root = std::path::Path::new("/tmp");
    let dir = if root.is_dir() {
        tempfile::Builder::new().prefix("wgtrack-").tempdir_in(root)
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let path = dir.path().join("report.ron");
    std::fs::write(&path, store::SHIPPED).expect("copy the shipped report");
    let shown = path.display().to_string();
    for (width, height) in SIZES {
        let mut s = Screen::new(App::new(shipped(), path.clone()), width, height);
        modified(&mut s);
        s.ctrl('s');
        s.settle();
        assert!(!s.app.is_modified());
        let text = s.text();
        assert!(text.contains(&format!("Saved {shown}")), "{text}");
        assert!(!text.contains("modified"));
        // The `filters` feature of insta (regex redactions) is not enabled in Cargo.toml, so
        // the path is redacted in the text before it is compared.
        let redacted = text.replace(&shown, "[PATH]");
        insta::assert_snapshot!(format!("saved_message_{width}x{height}"), redacted);
    }
    let saved = store::load(&path).expect("the saved file loads");
    assert_eq!(
        saved.activity(7, 6).map(|a| a.progress.get()),
        Some(13),
        "VIII.7 went from 8% to 13%"
    );
}

#[test]
fn search_highlight_style_is_applied() {
    let mut s = Screen::shipped(120, 40);
    search_results(&mut s);
    let buffer = s.settle();
    let highlight = s.theme.match_highlight.bg.expect("the highlight has a background");
    let area = buffer.area;
    let mut found = 0;
    // The body only: the footer shows the query itself in the highlight style.
    for y in 1..area.height - 2 {
        let cells: Vec<String> =
            (0..area.width).map(|x| buffer[(x, y)].symbol().to_lowercase()).collect();
        for x in 0..cells.len().saturating_sub(6) {
            if cells[x..x + 6].concat() != "review" {
                continue;
            }
            found += 1;
            for dx in 0..6 {
                let cell = &buffer[(x as u16 + dx, y)];
                assert_eq!(cell.bg, highlight, "cell ({}, {y}) of a match", x as u16 + dx);
            }
            for neighbour in [x.checked_sub(1), Some(x + 6)].into_iter().flatten() {
                if neighbour < area.width as usize {
                    let cell = &buffer[(neighbour as u16, y)];
                    assert_ne!(
                        cell.style(),
                        buffer[(x as u16, y)].style(),
                        "the cell ({neighbour}, {y}) beside a match is highlighted too"
                    );
                }
            }
        }
    }
    assert!(found > 0, "no match of “review” on screen:\n{}", s.text());
}

#[test]
fn every_screen_draws_at_any_size() {
    let sizes = [(0, 0), (1, 1), (10, 3), (39, 9), (40, 10), (500, 200)];
    for (name, scenario) in SCENARIOS {
        for (width, height) in sizes {
            let mut s = Screen::shipped(width, height);
            scenario(&mut s);
            s.settle();
            if (width, height) == (39, 9) {
                let text: String = (0..height).map(|y| row_text(s.buffer(), y)).collect();
                assert!(
                    text.contains("Terminal too small"),
                    "{name} at {width}x{height}: no notice:\n{}",
                    s.text()
                );
            }
            if width >= ui::MIN_WIDTH && height >= ui::MIN_HEIGHT {
                assert!(!s.text().contains("Terminal too small"), "{name} at {width}x{height}");
            }
        }
    }
}

/// The sizes a screen goes through before it comes back to 120x40.
const RESIZES: [(u16, u16); 6] = [(0, 0), (1, 1), (10, 3), (39, 9), (40, 10), (500, 200)];

#[test]
fn every_screen_survives_resizing_down_and_back() {
    for (name, scenario) in SCENARIOS {
        let mut s = Screen::shipped(120, 40);
        scenario(&mut s);
        let before = s.settle();
        for (width, height) in RESIZES {
            s.resize(width, height);
            s.settle();
        }
        s.resize(120, 40);
        let after = s.settle();
        let last = after.area.height - 1;
        for y in [0, last - 1, last] {
            assert_eq!(
                row_text(&before, y),
                row_text(&after, y),
                "{name}: row {y} changed after resizing back"
            );
        }
        // The selected row of a table in view is still on screen.
        let table = s.app.focus() == Pane::Activities && matches!(s.app.mode(), Mode::Normal);
        if let Some(activity) = s.app.selected_activity().filter(|_| table) {
            // The row starts with the number, then the topic where the table has that column.
            let first = activity.topic.as_deref().unwrap_or(&activity.description);
            let start: String = first.chars().take(8).collect();
            let row = format!("{:>3}  {start}", s.app.activity() + 1);
            let shown = (0..after.area.height).any(|y| {
                let text = row_text(&after, y);
                text.contains(&row) || {
                    let start: String = activity.description.chars().take(8).collect();
                    text.contains(&format!("{:>3}  {start}", s.app.activity() + 1))
                }
            });
            assert!(shown, "{name}: the selected activity is off screen\n{}", s.text());
        }
    }
}

/// A list scrolled to its end on a short screen shows its first rows again when the screen
/// grows tall enough for all of them.
#[test]
fn lists_scroll_back_to_the_top_when_the_screen_grows() {
    let scenarios: [(&str, Scenario); 3] = [
        ("viii_table", viii_table),
        ("modified", modified),
        ("group_xi_selected", |s| s.repeat(KeyCode::Char('j'), 10)),
    ];
    let mut changed = Vec::new();
    for (name, scenario) in scenarios {
        let mut s = Screen::shipped(120, 40);
        scenario(&mut s);
        let before = s.settle();
        let before_text = s.text();
        for (width, height) in [(120, 12), (40, 10)] {
            s.resize(width, height);
            s.settle();
        }
        s.resize(120, 40);
        if s.settle() != before {
            changed.push(format!("{name}, before:\n{before_text}after:\n{}", s.text()));
        }
    }
    assert!(changed.is_empty(), "{}", changed.join("\n"));
}

/// Every line of the help fits in its window: none is cut at the right border.
#[test]
fn help_lines_fit_in_the_help_window() {
    for (width, height) in SIZES {
        let mut s = Screen::shipped(width, height);
        help(&mut s);
        s.settle();
        assert!(
            s.text().contains("wheel scrolls"),
            "{width}x{height}: the mouse line is cut\n{}",
            s.text()
        );
    }
}

/// With the objectives folded, the note on a pane too short for the group's details does
/// not ask to fold them again (o would unfold them).
#[test]
fn folded_objectives_are_not_offered_to_fold_again() {
    let mut s = Screen::shipped(60, 20);
    objectives_folded(&mut s);
    s.settle();
    assert!(s.app.objectives_folded());
    assert!(
        !s.text().contains("o folds them"),
        "the objectives are folded, yet the pane says o folds them:\n{}",
        s.text()
    );
}

/// The report with accented and wide characters in group I.
fn wide_report() -> Report {
    let mut report = shipped();
    let group = &mut report.groups[0];
    group.topic = "Estadística 中文 ñandú".to_string();
    group.activities[1].description = "中文".repeat(40);
    group.activities[2].description = format!("Revisión {}", "ñandú 中文 ".repeat(12));
    group.activities[3].remarks = format!("Año {} fin", "中文".repeat(60));
    report
}

/// The column of the first '%' sign of each row of `area` that has one, with a check that
/// the cell's index is the display width of the text left of it.
fn percent_columns(s: &Screen, area: Rect) -> Vec<(u16, u16)> {
    let buffer = s.buffer();
    let mut columns = Vec::new();
    for y in area.top()..area.bottom() {
        let Some(x) = (area.left()..area.right()).find(|&x| buffer[(x, y)].symbol() == "%") else {
            continue;
        };
        let before = row_prefix(buffer, y, x);
        assert_eq!(before.width(), usize::from(x), "row {y}: {}", row_text(s.buffer(), y));
        columns.push((y, x));
    }
    columns
}

#[test]
fn wide_characters_keep_columns_aligned() {
    for (width, height) in [(120, 40), (80, 24), (100, 30), (60, 20), (40, 10)] {
        let mut s = Screen::new(App::new(wide_report(), PathBuf::from(FAKE_PATH)), width, height);
        s.key(KeyCode::Enter);
        s.key(KeyCode::Char('o'));
        s.settle();
        let screen = s.text();
        let rows = s.view.table_rows;
        assert!(rows.height > 0, "{width}x{height}: no table rows\n{screen}");
        let columns = percent_columns(&s, rows);
        let shown = rows.height.min(6);
        assert_eq!(
            columns.len(),
            usize::from(shown),
            "{width}x{height}: a row without its percentage\n{screen}"
        );
        let first = columns[0].1;
        assert!(
            columns.iter().all(|&(_, x)| x == first),
            "{width}x{height}: '%' columns differ: {columns:?}\n{screen}"
        );
        // The header's Progress title sits above the gauges.
        let header = row_text(s.buffer(), rows.y - 1);
        assert!(header.contains("Progress"), "{width}x{height}: {header}");
        // The pane title with the accented and wide topic stays on its border.
        assert!(screen.contains("Estadística"), "{width}x{height}\n{screen}");

        // The groups pane too, where it is shown beside the table.
        let groups = s.view.groups_rows;
        if groups.height > 0 {
            let columns = percent_columns(&s, groups);
            let first = columns[0].1;
            assert!(
                columns.iter().all(|&(_, x)| x == first && x < groups.right()),
                "{width}x{height}: groups pane '%' columns differ: {columns:?}\n{screen}"
            );
        }
    }
}

#[test]
fn wide_characters_in_the_groups_pane_and_activity_view() {
    for (width, height) in [(120, 40), (80, 24), (40, 10)] {
        let mut s = Screen::new(App::new(wide_report(), PathBuf::from(FAKE_PATH)), width, height);
        s.settle();
        let groups = s.view.groups_rows;
        let columns = percent_columns(&s, groups);
        assert_eq!(columns.len(), usize::from(groups.height.min(11)));
        let first = columns[0].1;
        assert!(
            columns.iter().all(|&(_, x)| x == first),
            "{width}x{height}: groups pane '%' columns differ: {columns:?}\n{}",
            s.text()
        );
        // Open activity I.2 with its long wide description: it wraps, nothing panics.
        s.key(KeyCode::Enter);
        s.key(KeyCode::Char('j'));
        s.key(KeyCode::Enter);
        s.settle();
        assert!(s.text().contains("中文"), "{width}x{height}\n{}", s.text());
    }
}

/// A click on a row the screen shows, as the terminal reports it: column and row.
fn click(s: &mut Screen, column: u16, row: u16, kind: crossterm::event::MouseEventKind) {
    use crossterm::event::{Event, MouseEvent};
    s.draw();
    let event = Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
    if let Some(action) = wgtrack::tui::translate(event, &s.app, &s.keymap, &s.view) {
        wgtrack::effects::act(&mut s.app, action);
    }
}

/// The screen row whose text holds `text`.
fn row_of(s: &mut Screen, text: &str) -> u16 {
    s.draw();
    let buffer = s.terminal.backend().buffer().clone();
    (0..buffer.area.height).find(|&y| row_text(&buffer, y).contains(text)).expect(text)
}

#[test]
fn the_mouse_selects_opens_and_scrolls() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let left = MouseEventKind::Down(MouseButton::Left);
    let mut s = Screen::shipped(120, 40);
    // A click on group V's row in the groups pane selects it.
    let y = row_of(&mut s, "V    Children");
    click(&mut s, 5, y, left);
    assert_eq!((s.app.group(), s.app.focus()), (4, Pane::Groups));
    // A click on the third row of its table selects that activity; a second click opens it.
    let y = row_of(&mut s, "  3  ");
    click(&mut s, 60, y, left);
    assert_eq!((s.app.activity(), s.app.focus()), (2, Pane::Activities));
    click(&mut s, 60, y, left);
    assert_eq!(s.app.focus(), Pane::Activity);
    // The wheel over the groups pane moves its selection.
    s.key(KeyCode::Esc);
    let y = row_of(&mut s, "I    Statistical");
    click(&mut s, 5, y, MouseEventKind::ScrollDown);
    assert_eq!((s.app.group(), s.app.focus()), (7, Pane::Groups));
    click(&mut s, 5, y, MouseEventKind::ScrollUp);
    assert_eq!(s.app.group(), 4);
    // A click outside any list does nothing.
    click(&mut s, 0, 0, left);
    assert_eq!((s.app.group(), s.app.focus()), (4, Pane::Groups));
}

/// A message longer than the screen is wide takes up to three rows above the keys, so that
/// the cause at its end can be read; the panes give up those rows meanwhile.
#[test]
fn a_long_message_is_shown_whole_above_the_keys() {
    let cause = "no se puede crear un archivo temporal en su directorio: No such file or \
                 directory (os error 2) at path \"/home/secretaria/informes/.wgtrack-1.tmp\"";
    let long = format!("No se guardó: /home/secretaria/informes/informe-2022-2023.ron: {cause}");
    let app = App::new(store::shipped().unwrap(), PathBuf::from(FAKE_PATH));
    let mut s = Screen::new(app.with_message(long, true), 80, 24);
    s.settle();
    insta::assert_snapshot!("long_message_80x24", s.terminal.backend());
    let rows = |s: &Screen| -> Vec<String> {
        s.text().lines().map(|row| row.trim_matches('"').to_string()).collect()
    };
    let shown = rows(&s);
    assert!(shown[20].starts_with(" ✗ No se guardó: "), "{}", shown[20]);
    assert!(shown[22].trim_end().ends_with("wgtrack-1.tmp\""), "{}", shown[22]);
    assert!(shown[23].contains("↑↓ move"), "{}", shown[23]);

    // Longer still: three rows at most, and the panes keep the rest of the screen.
    let app = App::new(store::shipped().unwrap(), PathBuf::from(FAKE_PATH));
    let mut s = Screen::new(app.with_message(cause.repeat(6), true), 80, 24);
    s.settle();
    let shown = rows(&s);
    assert!(shown[20].starts_with(" ✗ no se puede"), "{}", shown[20]);
    assert!(shown[19].starts_with('└'), "{}", shown[19]);
}
