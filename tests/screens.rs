//! How the screens hold up: every screen draws at any size from 0×0 to 500×200 and comes
//! back whole after resizing; accented and wide characters keep the columns of the table and
//! the groups pane aligned; the mouse selects, opens and scrolls what it is on.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use crossterm::event::{KeyCode, MouseButton, MouseEventKind};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;
use wgtrack::action::Pane;
use wgtrack::app::{App, Mode};
use wgtrack::model::Report;
use wgtrack::ui;

use common::scenarios::{SCENARIOS, Scenario, help, modified, row_prefix, row_text, viii_table};
use common::{Driver, FAKE_PATH, shipped};

// Any size.

#[test]
fn every_screen_draws_at_any_size() {
    let sizes = [(0, 0), (1, 1), (10, 3), (39, 9), (40, 10), (500, 200)];
    for (name, scenario) in SCENARIOS {
        for (width, height) in sizes {
            let mut s = Driver::screen(width, height);
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
        let mut s = Driver::screen(120, 40);
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
        let mut s = Driver::screen(120, 40);
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

/// Every line of the help fits in its window, in both languages: at 80 columns what a key
/// does wraps under itself instead of being cut at the right border.
#[test]
fn help_lines_wrap_in_the_help_window() {
    use wgtrack::i18n::Lang;
    for lang in Lang::ALL {
        // Tall enough that the whole help shows at once.
        let app = App::new(shipped(), PathBuf::from(FAKE_PATH)).with_lang(lang);
        let mut s = Driver::of(app).on_screen(80, 400);
        help(&mut s);
        s.settle();
        // The column of what keys do, its wrapped lines joined.
        let said: Vec<String> = s
            .text()
            .lines()
            .map(|l| l.trim_matches('"').trim_matches('│').to_string())
            .filter(|l| l.chars().count() > 20)
            .map(|l| l.chars().skip(20).collect::<String>().trim().to_string())
            .collect();
        let said = said.join(" ");
        let texts = lang.texts();
        let editor =
            [texts.editor_key_paragraph, texts.editor_key_delete_word, texts.action_done_editing];
        for text in [texts.help_mouse_text, texts.action_go_to, texts.action_cycle_filter]
            .into_iter()
            .chain(editor)
        {
            assert!(said.contains(text), "{lang:?}: “{text}” whole in the help:\n{}", s.text());
        }
    }
}

/// Objectives that would leave the table too few rows start folded; `o` shows them, and
/// what does not fit scrolls with `}` and `{` (and the mouse wheel) instead of being cut.
#[test]
fn crowding_objectives_start_folded_and_scroll_when_shown() {
    let mut s = Driver::screen(80, 24);
    s.key(KeyCode::Enter);
    let folded = s.settled_text();
    assert!(s.app.objectives_folded(), "group I at 80×24 starts folded:\n{folded}");
    assert!(folded.contains("o shows them"), "{folded}");
    assert!(!folded.contains("folds the objectives"), "folded, yet offered to fold:\n{folded}");
    s.ch('o');
    let shown = s.settled_text();
    assert!(!s.app.objectives_folded(), "{shown}");
    assert!(shown.contains("General objective") && shown.contains("} scrolls"), "{shown}");
    let last = "Frameworks Manual for Official Statistics (UN NQAF Manual).";
    assert!(!shown.contains(last), "the first objective's end is below:\n{shown}");
    s.ch('}');
    let scrolled = s.settled_text();
    assert!(scrolled.contains(last), "}} scrolls to it:\n{scrolled}");
    assert!(!scrolled.contains("Guide to the implementation"), "the title scrolled away");
    assert!(scrolled.contains("  1  Translation into Spanish"), "the table stays:\n{scrolled}");
    s.repeat(KeyCode::Char('}'), 20);
    assert!(!s.settled_text().contains("} scrolls"), "at the end, nothing more below");
    let at = s.view.info_area.y + 1;
    for _ in 0..10 {
        s.mouse(MouseEventKind::ScrollUp, 10, at);
    }
    assert!(s.settled_text().contains("Guide to the implementation"), "the wheel scrolls back");
    assert_eq!(s.app.focus(), Pane::Activities, "the wheel over the objectives keeps the focus");

    // Where they fit beside a full table, they start shown.
    let mut s = Driver::screen(120, 40);
    s.key(KeyCode::Enter);
    let roomy = s.settled_text();
    assert!(!s.app.objectives_folded(), "{roomy}");
    assert!(roomy.contains("General objective") && !roomy.contains("} scrolls"), "{roomy}");
}

/// The user's fold is remembered for the file, in the state directory: the next session on
/// the same report starts as this one was left; another report keeps its own.
#[test]
fn the_objectives_fold_is_remembered_per_file() {
    let home = tempfile::tempdir().expect("temp dir");
    let paths = wgtrack::store::Paths::under(home.path());
    let open = |path: &str| {
        let file = wgtrack::store::remembered::file_for(&paths.state, std::path::Path::new(path));
        let app = App::new(shipped(), PathBuf::from(path))
            .with_paths(&paths)
            .with_remembered(wgtrack::store::remembered::read(&file));
        Driver::of(app).on_screen(120, 40)
    };
    let mut s = open("/reports/round.ron");
    s.key(KeyCode::Enter);
    s.settle();
    assert!(!s.app.objectives_folded());
    s.ch('o');
    s.settle();
    assert!(s.app.objectives_folded());
    let mut again = open("/reports/round.ron");
    again.key(KeyCode::Enter);
    again.settle();
    assert!(again.app.objectives_folded(), "folded in the last session on this file");
    let mut other = open("/reports/other.ron");
    other.key(KeyCode::Enter);
    other.settle();
    assert!(!other.app.objectives_folded(), "another file is not folded by it");
}

// Wide characters.

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
fn percent_columns(s: &Driver, area: Rect) -> Vec<(u16, u16)> {
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
        let mut s =
            Driver::of(App::new(wide_report(), PathBuf::from(FAKE_PATH))).on_screen(width, height);
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
        let mut s =
            Driver::of(App::new(wide_report(), PathBuf::from(FAKE_PATH))).on_screen(width, height);
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

// The mouse.

/// The screen row whose text holds `text`.
fn row_of(s: &mut Driver, text: &str) -> u16 {
    s.draw();
    let buffer = s.backend().buffer().clone();
    (0..buffer.area.height).find(|&y| row_text(&buffer, y).contains(text)).expect(text)
}

#[test]
fn the_mouse_selects_opens_and_scrolls() {
    let left = MouseEventKind::Down(MouseButton::Left);
    let mut s = Driver::screen(120, 40);
    // A click on group V's row in the groups pane selects it.
    let y = row_of(&mut s, "V    Children");
    s.mouse(left, 5, y);
    assert_eq!((s.app.group(), s.app.focus()), (4, Pane::Groups));
    // A click on the third row of its table selects that activity; a second click opens it.
    let y = row_of(&mut s, "  3  ");
    s.mouse(left, 60, y);
    assert_eq!((s.app.activity(), s.app.focus()), (2, Pane::Activities));
    s.mouse(left, 60, y);
    assert_eq!(s.app.focus(), Pane::Activity);
    // The wheel over the groups pane moves its selection.
    s.key(KeyCode::Esc);
    let y = row_of(&mut s, "I    Statistical");
    s.mouse(MouseEventKind::ScrollDown, 5, y);
    assert_eq!((s.app.group(), s.app.focus()), (7, Pane::Groups));
    s.mouse(MouseEventKind::ScrollUp, 5, y);
    assert_eq!(s.app.group(), 4);
    // A click outside any list does nothing.
    s.mouse(left, 0, 0);
    assert_eq!((s.app.group(), s.app.focus()), (4, Pane::Groups));
}

/// The colours of the xterm palette's sixteen named colours, as most terminals show them.
fn rgb(color: ratatui::style::Color) -> Option<(u8, u8, u8)> {
    use ratatui::style::Color::*;
    Some(match color {
        Black => (0, 0, 0),
        Red => (205, 0, 0),
        Green => (0, 205, 0),
        Yellow => (205, 205, 0),
        Blue => (0, 0, 238),
        Magenta => (205, 0, 205),
        Cyan => (0, 205, 205),
        Gray => (229, 229, 229),
        DarkGray => (127, 127, 127),
        LightRed => (255, 0, 0),
        LightGreen => (0, 255, 0),
        LightYellow => (255, 255, 0),
        LightBlue => (92, 92, 255),
        LightMagenta => (255, 0, 255),
        LightCyan => (0, 255, 255),
        White => (255, 255, 255),
        Rgb(r, g, b) => (r, g, b),
        _ => return None,
    })
}

/// WCAG's contrast ratio of two colours (1 to 21).
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    };
    let (hi, lo) = {
        let (x, y) = (luminance(a), luminance(b));
        if x > y { (x, y) } else { (y, x) }
    };
    (hi + 0.05) / (lo + 0.05)
}

/// Every character of a selected row in the default theme is readable on the selection's
/// background (WCAG AA, 4.5:1): the groups, the activity table (with its grey remarks and
/// coloured gauges), the details form and both overview lists.
#[test]
fn selected_rows_keep_a_readable_contrast() {
    use common::scenarios::vi_table;
    let selection =
        ui::theme::Theme::default().selected.bg.expect("the selection has a background");
    let scenarios: [(&str, Scenario); 6] = [
        ("groups", |_| {}),
        ("VIII table", viii_table),
        ("VI table", vi_table),
        ("details", |s| s.key(KeyCode::Char('e'))),
        ("overview", |s| s.key(KeyCode::Char('v'))),
        ("behind", |s| {
            s.key(KeyCode::Char('v'));
            s.key(KeyCode::Tab);
        }),
    ];
    for (name, scenario) in scenarios {
        let mut s = Driver::screen(120, 40);
        scenario(&mut s);
        let buffer = s.settle();
        let mut checked = 0;
        for cell in
            buffer.content.iter().filter(|c| c.bg == selection && !c.symbol().trim().is_empty())
        {
            let fg =
                rgb(cell.fg).unwrap_or_else(|| panic!("{name}: {:?} on the selection", cell.fg));
            let ratio = contrast(fg, rgb(selection).unwrap());
            assert!(
                ratio >= 4.5,
                "{name}: {:?} on {selection:?} is {ratio:.1}:1 at {:?}",
                cell.fg,
                cell.symbol()
            );
            checked += 1;
        }
        assert!(checked > 10, "{name}: a selected row was drawn ({checked} characters)");
    }
}

/// The description is how an activity is known: at 120×40 and at 80×24 the table shows at
/// least 60 of its characters (the remarks get a preview only where room is left).
#[test]
fn the_activity_table_gives_the_description_room() {
    let group = &shipped().groups[7];
    for (width, height) in [(120, 40), (80, 24)] {
        let mut s = Driver::screen(width, height);
        viii_table(&mut s);
        let text = s.text();
        for activity in &group.activities {
            let shown: String = activity.description.chars().take(60).collect();
            assert!(text.contains(&shown), "{width}×{height}: “{shown}” in\n{text}");
        }
    }
}

/// A wrapped objective continues under its text, not under its bullet or at the left edge;
/// so do the coordinators under the first name.
#[test]
fn wrapped_bullets_continue_under_their_text() {
    let mut s = Driver::screen(120, 40);
    s.key(KeyCode::Down);
    s.key(KeyCode::Down);
    s.key(KeyCode::Enter);
    let text = s.text();
    let lines: Vec<&str> = text.lines().collect();
    let pane = |l: &str| l.split("││").nth(1).unwrap_or("").to_string();
    let bullet =
        lines.iter().position(|l| l.contains("• To produce a framework document")).unwrap();
    assert!(pane(lines[bullet + 1]).starts_with("    reduction (DRR)"), "{text}");
    let coordinators = lines.iter().position(|l| l.contains("Coordinators Paraguay")).unwrap();
    assert!(pane(lines[coordinators + 1]).starts_with("             Institute of"), "{text}");
}

/// The delete question never hides the row it asks about, wherever that row is on screen.
#[test]
fn the_delete_question_leaves_its_row_in_sight() {
    for (width, height) in [(120, 40), (80, 24)] {
        for row in 0..12 {
            let mut s = Driver::screen(width, height);
            common::scenarios::vi_table(&mut s);
            for _ in 0..row {
                s.key(KeyCode::Down);
            }
            let a = s.app.activity();
            let number = format!(" {:>2}  ", a + 1);
            s.ch('d');
            assert!(matches!(s.app.mode(), Mode::ConfirmDelete { .. }));
            s.settle();
            let text = s.text();
            assert!(text.contains("Delete"), "{text}");
            assert!(
                text.lines().any(|l| l.contains(&number) && l.contains('%')),
                "{width}×{height}: row {} in sight:\n{text}",
                a + 1
            );
        }
    }
}
