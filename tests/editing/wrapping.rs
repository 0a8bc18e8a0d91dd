//! The editor wraps its text as the rest of the screen does: a row never starts with the
//! space it broke at, a word keeps its brackets, and ↑ ↓ move by the rows on screen.

use crossterm::event::{KeyCode, KeyModifiers};
use wgtrack::app::Mode;

use crate::common::Driver;

/// The editor's rows on an 80×24 screen: the lines inside its window.
fn editor_rows(d: &mut Driver) -> Vec<String> {
    let text = d.settled_text();
    let lines: Vec<&str> = text.lines().collect();
    let top = lines.iter().position(|l| l.contains("Remarks of X.1")).expect("the editor");
    lines[top + 1..]
        .iter()
        .take_while(|l| !l.contains("Esc done"))
        .map(|l| l.trim_matches('"').trim_start_matches('│').trim_end_matches('│').to_string())
        .collect()
}

/// X.1's remarks in the editor, where "(INEGI)" falls at the end of a row at 80 columns.
fn x_1_remarks() -> Driver {
    let mut d = Driver::screen(80, 24);
    d.ch(':');
    d.typed("X.1");
    d.enter();
    d.ch('r');
    assert!(matches!(d.app.mode(), Mode::EditText(_)));
    d
}

#[test]
fn rows_never_start_with_a_space_and_keep_bracketed_words_whole() {
    let mut d = x_1_remarks();
    let rows = editor_rows(&mut d);
    assert!(rows.iter().any(|r| r.trim_end() == "(INEGI)"), "{rows:#?}");
    for row in rows.iter().filter(|r| !r.trim().is_empty()) {
        assert!(!row.starts_with(' '), "a row starts with a space: {row:?}\n{rows:#?}");
        assert!(!row.trim_end().ends_with('('), "a bracket left alone: {row:?}");
    }
}

#[test]
fn up_and_down_move_by_the_rows_on_screen() {
    let mut d = x_1_remarks();
    d.settle();
    // From the end of the text: one row up is the row above on screen, not the paragraph.
    let cursor = |d: &Driver| match d.app.mode() {
        Mode::EditText(edit) => {
            let c = edit.area.cursor();
            (c.0, c.1)
        }
        _ => panic!("the editor closed"),
    };
    let (end_line, end_column) = cursor(&d);
    d.key(KeyCode::Up);
    let (line, column) = cursor(&d);
    assert_eq!(line, end_line, "still in the last paragraph, a row up");
    assert!(column < end_column && column > 0, "{column} of {end_column}");
    d.key(KeyCode::Down);
    assert_eq!(cursor(&d), (end_line, end_column), "back down where it was");
    // Shift-↑ selects the row's worth of text.
    d.press(KeyCode::Up, KeyModifiers::SHIFT);
    match d.app.mode() {
        Mode::EditText(edit) => assert!(edit.area.selection_range().is_some()),
        _ => panic!("the editor closed"),
    }
}
