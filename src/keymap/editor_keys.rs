//! The keys the text editor handles itself: ratatui-textarea's own bindings that no binding of
//! the `EditText` context takes first. They are not rebindable, so they are not in the table;
//! they are listed here so the help and the README can say every key the editor has.

use crossterm::event::{KeyCode, KeyModifiers};

use super::key_label;
use crate::i18n::Texts;

/// What a group of the editor's own keys does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorMove {
    Character,
    Select,
    Word,
    Line,
    Paragraph,
    TextEnds,
    Page,
    NewLine,
    DeleteCharacter,
    DeleteWord,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const ALT: KeyModifiers = KeyModifiers::ALT;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// Every key the text area answers by itself, grouped by what it does, in the help's order.
pub const EDITOR_KEYS: &[(EditorMove, &[(KeyCode, KeyModifiers)])] = {
    use EditorMove as M;
    use KeyCode as K;
    &[
        (M::Character, &[(K::Left, NONE), (K::Right, NONE), (K::Up, NONE), (K::Down, NONE)]),
        (M::Select, &[(K::Left, SHIFT), (K::Right, SHIFT), (K::Up, SHIFT), (K::Down, SHIFT)]),
        (M::Word, &[(K::Left, CTRL), (K::Right, CTRL), (K::Char('b'), ALT), (K::Char('f'), ALT)]),
        (M::Line, &[(K::Home, NONE), (K::End, NONE), (K::Char('e'), CTRL)]),
        (M::Paragraph, &[(K::Up, CTRL), (K::Down, CTRL)]),
        (M::TextEnds, &[(K::Char('<'), ALT), (K::Char('>'), ALT)]),
        (M::Page, &[(K::PageUp, NONE), (K::PageDown, NONE)]),
        (M::NewLine, &[(K::Enter, NONE)]),
        (M::DeleteCharacter, &[(K::Backspace, NONE), (K::Delete, NONE), (K::Char('d'), CTRL)]),
        (M::DeleteWord, &[(K::Backspace, ALT), (K::Char('d'), ALT), (K::Delete, ALT)]),
    ]
};

impl EditorMove {
    /// What the keys do, in the interface's language.
    pub fn describe_in(self, texts: &Texts) -> &'static str {
        match self {
            EditorMove::Character => texts.editor_key_character,
            EditorMove::Select => texts.editor_key_select,
            EditorMove::Word => texts.editor_key_word,
            EditorMove::Line => texts.editor_key_line,
            EditorMove::Paragraph => texts.editor_key_paragraph,
            EditorMove::TextEnds => texts.editor_key_text_ends,
            EditorMove::Page => texts.editor_key_page,
            EditorMove::NewLine => texts.editor_key_new_line,
            EditorMove::DeleteCharacter => texts.editor_key_delete_character,
            EditorMove::DeleteWord => texts.editor_key_delete_word,
        }
    }
}

/// The editor's own keys as the help and the README show them: the keys, and what they do.
pub fn editor_keys(texts: &Texts) -> Vec<(String, &'static str)> {
    EDITOR_KEYS
        .iter()
        .map(|(what, keys)| {
            let keys: Vec<String> =
                keys.iter().map(|&(code, mods)| key_label(code, mods)).collect();
            (keys.join(" "), what.describe_in(texts))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crossterm::event::KeyEvent;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui_textarea::{CursorMove, TextArea};

    use super::*;
    use crate::keymap::{Context, Key, Keymap};

    /// The help is true: no key listed is taken by a binding first, and each one moves the
    /// cursor, selects or changes the text, in the middle of a text drawn on a screen.
    #[test]
    fn every_key_listed_reaches_the_text_area_and_does_something() {
        let keymap = Keymap::default();
        let lines: Vec<String> = (0..100).map(|n| format!("line {n} with words")).collect();
        for (what, keys) in EDITOR_KEYS {
            for &(code, modifiers) in *keys {
                let label = key_label(code, modifiers);
                let key = Key::new(code, modifiers);
                let bound = keymap
                    .bindings(Context::EditText)
                    .any(|b| Key::new(b.code, b.modifiers) == key);
                assert!(!bound, "{what:?}: {label} is bound, so it never reaches the editor");
                let mut area = TextArea::new(lines.clone());
                let mut terminal = Terminal::new(TestBackend::new(40, 10)).unwrap();
                area.move_cursor(CursorMove::Jump(50, 8));
                terminal.draw(|frame| frame.render_widget(&area, frame.area())).unwrap();
                let before = (area.cursor(), area.lines().to_vec(), area.selection_range());
                area.input(KeyEvent::new(code, modifiers));
                let after = (area.cursor(), area.lines().to_vec(), area.selection_range());
                assert_ne!(before, after, "{what:?}: {label} did nothing");
            }
        }
    }
}
