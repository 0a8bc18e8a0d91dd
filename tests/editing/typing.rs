//! Keys that only type text, handed to the editor together (as the event loop does when
//! keys arrive faster than they are drawn): the same text as key by key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use wgtrack::action::Action;

use crate::VIII;
use crate::common::Driver;

/// What the keys `keys` type, as the event loop gathers them: each key's character while
/// it only types one, and the other keys as they are.
fn gathered(d: &mut Driver, keys: &[KeyEvent]) {
    let mut typed = String::new();
    for &key in keys {
        let action = d.keymap.action(&d.app, key).expect("an action");
        match d.app.typed_char(&action) {
            Some(c) => typed.push(c),
            None => {
                if !typed.is_empty() {
                    d.act(Action::Typed(std::mem::take(&mut typed)));
                }
                d.act(action);
            }
        }
    }
    if !typed.is_empty() {
        d.act(Action::Typed(typed));
    }
}

fn keys(text: &str) -> Vec<KeyEvent> {
    text.chars()
        .map(|c| match c {
            '\r' => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            '\x7f' => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            c if c.is_uppercase() => KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT),
            c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
        })
        .collect()
}

#[test]
fn keys_typed_together_make_the_text_they_make_one_by_one() {
    let text = "Census round\rof 2020, reviewed\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7fseen: ÿ 統計 done";
    let mut one_by_one = Driver::new();
    let mut together = Driver::new();
    for d in [&mut one_by_one, &mut together] {
        d.select_activity(VIII, 6);
        d.ch('r');
    }
    for key in keys(text) {
        one_by_one.press(key.code, key.modifiers);
    }
    gathered(&mut together, &keys(text));
    let expected = "Census round\nof 2020, seen: ÿ 統計 done";
    assert!(one_by_one.editor().unwrap().ends_with(expected), "{:?}", one_by_one.editor());
    assert_eq!(together.editor(), one_by_one.editor());
}

#[test]
fn enter_in_a_one_line_field_is_not_text_but_applies_it() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    d.ch('e');
    d.clear();
    gathered(&mut d, &keys("Review\rx"));
    assert_eq!(d.editor(), None, "Enter applied the description and closed the editor");
    assert_eq!(d.app.report().groups[VIII].activities[6].description, "Review");
}

/// The editor's own keys: Ctrl-W deletes a word (Ctrl-Backspace too), Ctrl-U and Ctrl-K the
/// line before and after the cursor, Ctrl-Z and Ctrl-Y undo and redo the typing, and Ctrl-G
/// cancels: the field stays as it was and nothing is changed.
#[test]
fn the_editor_deletes_words_and_lines_undoes_typing_and_cancels() {
    let mut d = Driver::new();
    d.select_activity(VIII, 6);
    let before = d.app.report().clone();
    d.ch('r');
    d.clear();
    d.typed("one two three");
    d.ctrl('w');
    assert_eq!(d.editor().as_deref(), Some("one two "));
    d.press(KeyCode::Backspace, KeyModifiers::CONTROL);
    assert_eq!(d.editor().as_deref(), Some("one "));
    d.ctrl('z');
    assert_eq!(d.editor().as_deref(), Some("one two "));
    d.ctrl('y');
    assert_eq!(d.editor().as_deref(), Some("one "));
    d.typed("more");
    d.press(KeyCode::Left, KeyModifiers::NONE);
    d.press(KeyCode::Left, KeyModifiers::NONE);
    d.ctrl('k');
    assert_eq!(d.editor().as_deref(), Some("one mo"));
    d.ctrl('u');
    assert_eq!(d.editor().as_deref(), Some(""));
    d.typed("never kept");
    d.ctrl('g');
    assert_eq!(d.editor(), None, "cancelled");
    assert!(*d.app.report() == before, "nothing changed");
    assert!(!d.app.is_modified());
    assert_eq!(d.message(), "Cancelled (remarks of VIII.7): nothing changed");
}
