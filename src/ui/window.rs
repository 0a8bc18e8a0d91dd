//! Lists and tables longer than their area: ratatui's `List` and `Table` keep the offset in
//! their state between frames; this file readies that state, says which rows a frame needs
//! built, and marks the overflow with a scrollbar and the count of rows below.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::text::fill_count;
use super::theme::Theme;
use crate::app::App;

/// The rows a list of `len` items shows this frame in `rows` lines with `selected` in view,
/// and its offset set to the first of them: the offset kept from the last frame, moved back
/// up when the screen grew (ratatui would leave the rows below the last item empty), and
/// just far enough to show the selection, as ratatui would move it. ratatui then draws from
/// that offset as it is; rows outside it are left empty, so a frame's work does not grow
/// with the report.
pub fn reach(
    offset: &mut usize,
    len: usize,
    selected: usize,
    rows: usize,
) -> impl Fn(usize) -> bool + use<> {
    let mut first = (*offset).min(len.saturating_sub(rows));
    if selected < first {
        first = selected;
    } else if rows > 0 && selected >= first + rows {
        first = selected + 1 - rows;
    }
    *offset = first;
    let window = first..first + rows;
    move |row| window.contains(&row)
}

/// After a list of `len` items was drawn in `area` from row `offset`: when it overflows, a
/// scrollbar on the border right of `area`, and under it, on the border, how many rows are
/// left below.
pub fn mark_overflow(
    frame: &mut Frame,
    area: Rect,
    offset: usize,
    len: usize,
    border: Style,
    app: &App,
    theme: &Theme,
) {
    let rows = area.height as usize;
    if len <= rows || rows == 0 {
        return;
    }
    let screen = frame.area();
    if area.right() < screen.right() {
        let track = Rect { x: area.right(), width: 1, ..area };
        // Positions run over the offsets, so the thumb reaches the end with the last row.
        let mut state =
            ScrollbarState::new(len - rows + 1).viewport_content_length(rows).position(offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_symbol("█")
            .thumb_style(border);
        frame.render_stateful_widget(bar, track, &mut state);
    }
    let below = len.saturating_sub(offset + rows);
    let under = area.bottom();
    if below > 0 && under < screen.bottom() && area.width > 12 {
        let note = fill_count(app.texts().more_below, below);
        let width = (note.width() as u16).min(area.width);
        let at = Rect::new(area.right() - width, under, width, 1);
        frame.render_widget(Paragraph::new(Line::styled(note, theme.label)), at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_moves_back_up_when_the_list_fits_better() {
        let mut offset = 20;
        let shows = reach(&mut offset, 30, 25, 20);
        assert_eq!(offset, 10);
        assert!((10..30).all(shows));
    }

    #[test]
    fn the_offset_moves_just_enough_to_show_the_selection() {
        let mut offset = 0;
        let shows = reach(&mut offset, 1000, 500, 10);
        assert_eq!(offset, 491);
        assert!(shows(491) && shows(500) && !shows(490) && !shows(501));
        let shows = reach(&mut offset, 1000, 20, 10);
        assert_eq!(offset, 20);
        assert!(shows(20) && shows(29) && !shows(30));
        let shows = reach(&mut offset, 1000, 25, 10);
        assert_eq!(offset, 20, "a selection in view leaves the offset");
        assert!(shows(25));
        let shows = reach(&mut offset, 11, 10, 2);
        assert_eq!(offset, 9);
        assert!(shows(9) && shows(10) && !shows(8));
    }
}
