//! Snapshot tests of every screen: the app is driven with keys through the default keymap,
//! drawn into ratatui's `TestBackend` like `tui::run` draws it (feeding the viewport back after
//! each frame), and the text of the screen is compared with `tests/snapshots/*.snap`, with
//! what each screen must show. How screens hold up at any size, with wide characters and
//! under the mouse is in `screens.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use crossterm::event::KeyCode;

use wgtrack::app::{App, Mode};
use wgtrack::store;

use common::scenarios::{
    SIZES, Scenario, help, help_scrolled, modified, objectives_folded, progress_prompt,
    progress_refused, quit_prompt, remarks_editor, row_text, search_results, search_typing, start,
    vi_table, vii_activity_scrolled, viii_activity, viii_table,
};
use common::{Driver, FAKE_PATH, assert_snapshot, shipped};

/// Runs a scenario at both sizes and compares each screen with its snapshot.
fn snapshots(name: &str, scenario: Scenario) {
    for (width, height) in SIZES {
        snapshot_at(name, scenario, width, height);
    }
}

/// Runs a scenario at one size and compares the screen with its snapshot; the screen is
/// returned for further checks.
fn snapshot_at(name: &str, scenario: Scenario, width: u16, height: u16) -> Driver {
    let mut screen = Driver::screen(width, height);
    scenario(&mut screen);
    screen.settle();
    common::assert_snapshot(format!("{name}_{width}x{height}"), screen.backend());
    screen
}

#[test]
fn main_screen_groups_focused() {
    snapshots("main_groups_focused", start);
    let mut s = Driver::screen(120, 40);
    s.settle();
    assert!(s.text().contains("Groups (11)"));
}

#[test]
fn group_viii_table_activity_7() {
    snapshots("group_viii_table", viii_table);
    let mut s = Driver::screen(120, 40);
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
fn iii_activity_scrolled(s: &mut Driver) {
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

/// The report's details form: the format, the front matter with format 2's choices and job
/// number, and the introduction with the note under its paragraph.
fn report_details(s: &mut Driver) {
    s.key(KeyCode::Char('i'));
}

#[test]
fn details_of_the_report() {
    snapshots("details_report", report_details);
    let mut s = Driver::screen(120, 40);
    report_details(&mut s);
    let text = s.settled_text();
    for shown in ["Format               2", "Distribution         limited", "Job number", "note 1"]
    {
        assert!(text.contains(shown), "{shown} in\n{text}");
    }
}

/// Group X's details form: its coordinator, named in the remarks of activity 1, says so.
fn group_x_details(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 9);
    s.key(KeyCode::Char('e'));
}

#[test]
fn details_of_group_x() {
    snapshots("details_group_x", group_x_details);
    let mut s = Driver::screen(120, 40);
    group_x_details(&mut s);
    let text = s.settled_text();
    assert!(text.contains("(from the remarks of activity 1)"), "{text}");
    assert!(text.contains("stated in source   as listed"), "{text}");
}

/// The question on a format-1 file, asked from the format row of the report's details.
#[test]
fn moving_a_format_1_file_to_format_2_is_asked() {
    let text = include_str!("fixtures/format-1/report-2020-2021.ron");
    let report = store::parse(std::path::Path::new("report.ron"), text).expect("format 1");
    for (width, height) in SIZES {
        let app = App::new(report.clone(), PathBuf::from(FAKE_PATH));
        let mut s = Driver::of(app).on_screen(width, height);
        s.key(KeyCode::Char('i'));
        s.key(KeyCode::Home);
        s.settle();
        assert!(s.text().contains("1 — Enter to move to format 2"), "{}", s.text());
        s.key(KeyCode::Enter);
        s.settle();
        assert!(matches!(s.app.mode(), Mode::ConfirmFormat { .. }));
        assert_snapshot(format!("format_prompt_{width}x{height}"), s.backend());
    }
}

#[test]
fn progress_prompt_viii_7() {
    snapshots("progress_prompt", progress_prompt);
}

#[test]
fn progress_prompt_refuses_101() {
    snapshots("progress_refused_101", progress_refused);
    let mut s = Driver::screen(120, 40);
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
    let mut s = Driver::screen(120, 40);
    help_scrolled(&mut s);
    s.settle();
    assert!(s.app.help_scroll() > 0);
}

#[test]
fn modified_marker_in_header() {
    snapshots("modified_marker", modified);
    for (width, height) in SIZES {
        let mut s = Driver::screen(width, height);
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
        let mut s = Driver::of(App::new(shipped(), path.clone())).on_screen(width, height);
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
        assert_snapshot(format!("saved_message_{width}x{height}"), redacted);
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
    let mut s = Driver::screen(120, 40);
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

/// A message longer than the screen is wide takes up to three rows above the keys, so that
/// the cause at its end can be read; the panes give up those rows meanwhile.
#[test]
fn a_long_message_is_shown_whole_above_the_keys() {
    let cause = "no se puede crear un archivo temporal en su directorio: No such file or \
                 directory (os error 2) at path \"/home/secretaria/informes/.wgtrack-1.tmp\"";
    let long = format!("No se guardó: /home/secretaria/informes/informe-2022-2023.ron: {cause}");
    let app = App::new(store::shipped().unwrap(), PathBuf::from(FAKE_PATH));
    let mut s = Driver::of(app.with_message(long, true)).on_screen(80, 24);
    s.settle();
    assert_snapshot("long_message_80x24", s.backend());
    let rows = |s: &Driver| -> Vec<String> {
        s.text().lines().map(|row| row.trim_matches('"').to_string()).collect()
    };
    let shown = rows(&s);
    assert!(shown[20].starts_with(" ✗ No se guardó: "), "{}", shown[20]);
    assert!(shown[22].trim_end().ends_with("wgtrack-1.tmp\""), "{}", shown[22]);
    assert!(shown[23].contains("↑↓ move"), "{}", shown[23]);

    // Longer still: three rows at most, and the panes keep the rest of the screen.
    let app = App::new(store::shipped().unwrap(), PathBuf::from(FAKE_PATH));
    let mut s = Driver::of(app.with_message(cause.repeat(6), true)).on_screen(80, 24);
    s.settle();
    let shown = rows(&s);
    assert!(shown[20].starts_with(" ✗ no se puede"), "{}", shown[20]);
    assert!(shown[19].starts_with('└'), "{}", shown[19]);
}
