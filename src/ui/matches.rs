//! The list of the search's matches: one row per match, its place and the text around it,
//! the match marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::text::{around, fit};
use super::window::reach;
use super::{Context, ViewState};
use crate::app::App;
use crate::search;

/// The widest the place column gets ("Introduction, heading 2", "VIII.12 description").
const PLACE_WIDTH: usize = 24;

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    selected: usize,
    block: Block<'static>,
) {
    let Some(active) = app.search() else { return };
    let width = if body.width < 90 { body.width } else { body.width.min(110) };
    let area = body.centered(Constraint::Length(width), Constraint::Percentage(100));
    let inner = block.inner(area);
    let rows = inner.height as usize;
    view.viewport.page = rows.max(1);
    let shows = reach(&mut view.matches_offset, active.hits.len(), selected, rows);
    let (report, texts, theme) = (app.report(), app.texts(), ctx.theme);
    let first = view.matches_offset;
    let places: Vec<String> = active.hits[first..(first + rows).min(active.hits.len())]
        .iter()
        .map(|hit| search::place(hit.field, report, texts))
        .collect();
    let place_width = places.iter().map(|p| p.width()).max().unwrap_or(0).min(PLACE_WIDTH);
    let text_width = (inner.width as usize).saturating_sub(place_width + 3);
    let lines: Vec<Line> = active
        .hits
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(i, _)| shows(*i))
        .zip(&places)
        .map(|((i, hit), place)| {
            let text = hit.field.text(report).unwrap_or_default();
            let mut line =
                around(text, &hit.at, text_width, Default::default(), Some(&active.words), theme);
            line.spans
                .insert(0, Span::styled(format!(" {}  ", fit(place, place_width)), theme.label));
            if i == selected { theme.selected_line(line, true) } else { line }
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
