//! The text editor's text: its lines wrapped into rows (`editor_rows`), the selection and
//! the cursor, scrolled just enough to keep the cursor in view. The text area keeps the text
//! and its editing; the rows are drawn here so that they wrap as every other text on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::ViewState;
use super::theme::Theme;
use super::window::reach;
use crate::app::TextEdit;
use crate::editor_rows::{self, Row};

pub fn draw(frame: &mut Frame, area: Rect, edit: &TextEdit, theme: &Theme, view: &mut ViewState) {
    view.viewport.editor_width = area.width;
    view.viewport.editor_rows = usize::from(area.height);
    let lines = edit.area.lines();
    let rows = editor_rows::rows(lines, area.width);
    let ratatui_textarea::DataCursor(line, column) = edit.area.cursor();
    let cursor = (line, column);
    let (cursor_row, cursor_cells) = editor_rows::locate(&rows, lines, cursor);
    let shows = reach(&mut view.editor_scroll, rows.len(), cursor_row, usize::from(area.height));
    let selection = edit.area.selection_range();
    let shown: Vec<Line> = (view.editor_scroll..rows.len())
        .take_while(|&r| shows(r))
        .map(|r| row_line(lines, rows[r], selection, theme))
        .collect();
    frame.render_widget(Paragraph::new(shown), area);
    // The cursor, as the text area draws it: the cell it is on, reversed.
    let y = cursor_row - view.editor_scroll;
    let x = cursor_cells.min(usize::from(area.width.saturating_sub(1)));
    if let (Ok(x), Ok(y)) = (u16::try_from(x), u16::try_from(y))
        && y < area.height
    {
        let cell = Rect::new(area.x + x, area.y + y, 1, 1);
        frame.buffer_mut().set_style(cell, Style::new().add_modifier(Modifier::REVERSED));
    }
}

/// One row, the selected part of it (between two (line, character) places) highlighted.
fn row_line(
    lines: &[String],
    row: Row,
    selection: Option<((usize, usize), (usize, usize))>,
    theme: &Theme,
) -> Line<'static> {
    let text = &lines[row.line];
    // Control characters are not shown, as the rows leave them out of their widths.
    let plain = |a: usize, b: usize| text[a..b].chars().filter(|c| !c.is_control()).collect();
    let shown: String = plain(row.start, row.end);
    let Some((from, to)) = selection else { return Line::raw(shown) };
    // The selection in bytes of this line, cut to the row.
    let byte = |(line, column): (usize, usize)| -> usize {
        if line < row.line {
            0
        } else if line > row.line {
            text.len()
        } else {
            text.char_indices().nth(column).map_or(text.len(), |(at, _)| at)
        }
    };
    let (start, end) = (byte(from).clamp(row.start, row.end), byte(to).clamp(row.start, row.end));
    if start >= end {
        return Line::raw(shown);
    }
    Line::from(vec![
        Span::raw(plain(row.start, start)),
        Span::styled(plain(start, end), theme.selected),
        Span::raw(plain(end, row.end)),
    ])
}
