//! Moving the editor's cursor up and down by the rows the screen wraps its lines into
//! (`editor_rows`), as the text is drawn, and a page at a time by the rows it shows.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, DataCursor};

use super::{App, TextEdit};
use crate::editor_rows;

impl App {
    /// Moves the cursor by rows for ↑ ↓ PgUp PgDn (Shift selecting); false for other keys,
    /// which the text area answers itself.
    pub(super) fn move_by_rows(&self, edit: &mut TextEdit, key: &KeyEvent) -> bool {
        let page = self.view.viewport.editor_rows.max(1) as isize;
        let by = match key.code {
            KeyCode::Up => -1,
            KeyCode::Down => 1,
            KeyCode::PageUp => -page,
            KeyCode::PageDown => page,
            _ => return false,
        };
        let mods = key.modifiers - KeyModifiers::SHIFT;
        if !mods.is_empty() {
            return false;
        }
        let lines = edit.area.lines();
        let rows = editor_rows::rows(lines, self.view.viewport.editor_width);
        let DataCursor(line, column) = edit.area.cursor();
        let (row, cells) = editor_rows::locate(&rows, lines, (line, column));
        let last = rows.len().saturating_sub(1);
        let to = row.saturating_add_signed(by).min(last);
        // Past the first or last row: to the start or the end of the text, as editors do.
        let (line, column) = match (row.checked_add_signed(by), by > 0) {
            (None, _) => (0, 0),
            (Some(to), true) if to > last => {
                let line = lines.len().saturating_sub(1);
                (line, lines[line].chars().count())
            }
            _ => editor_rows::at(&rows, lines, to, cells),
        };
        // The text area jumps only as far as 65,535 lines or characters: beyond, it moves
        // by its own lines (paragraphs), which it can.
        let (Ok(line), Ok(column)) = (u16::try_from(line), u16::try_from(column)) else {
            return false;
        };
        if key.modifiers.contains(KeyModifiers::SHIFT) {
            if edit.area.selection_range().is_none() {
                edit.area.start_selection();
            }
        } else {
            edit.area.cancel_selection();
        }
        edit.area.move_cursor(CursorMove::Jump(line, column));
        true
    }
}
