//! The question before a format-1 file moves on to format 2: what format 2 lets it hold,
//! that an older wgtrack will not read it, and that the file as it is stays as its `.bak`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

use super::overlay::{clear_of, key_line, row_on_screen, show, width_for, window};
use super::{Context, ViewState};
use crate::action::Pane;
use crate::app::{App, Needs};
use crate::i18n::fill;

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    view: &ViewState,
    needs: Needs,
) {
    let texts = app.texts();
    let name = app.file_name();
    let what = needs.holds(texts);
    let question = fill(texts.format_question, &[("name", &name), ("what", &what)]);
    let backup = fill(texts.format_backup, &[("name", &name)]);
    let width = width_for(70, app, ctx, body);
    // Wrapped here, each line under the first: what format 2 holds may be a long list.
    let room = width.saturating_sub(4);
    let mut lines = indented(&question, room, Style::default());
    lines.extend(indented(texts.format_older, room, Style::default()));
    lines.extend(indented(&backup, room, ctx.theme.muted));
    lines.push(key_line(app, ctx));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX).min(body.height);
    let area = body.centered(Constraint::Length(width), Constraint::Length(height));
    // The form's row that asked stays in sight beside the question.
    let row = (app.focus() == Pane::Details)
        .then(|| row_on_screen(view.overview_rows, view.details.selected(), view.details.offset()))
        .flatten();
    show(frame, clear_of(area, row, body), window(ctx, texts.format_title), lines);
}

/// `text` wrapped at `room` cells, each line one cell in from the window's edge.
fn indented(text: &str, room: u16, style: Style) -> Vec<Line<'static>> {
    let wrapped = crate::wrap::Wrapped::new(text, room);
    let pieces = wrapped.lines.iter().map(|l| text[l.start..l.end].trim());
    pieces.map(|piece| Line::styled(format!(" {piece}"), style)).collect()
}
