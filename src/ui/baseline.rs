//! The baseline prompt: what is typed, and below it the repository's tags and recent
//! commits to choose from, the one chosen marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Context;
use super::overlay::{key_line, show, wide, window};
use crate::app::{App, BaselinePick};
use crate::columns::fit;

/// The choices shown at a time.
const SHOWN: usize = 10;
/// Columns of a choice's name: a tag, or a commit's short id.
const NAME: usize = 22;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, pick: &BaselinePick) {
    let texts = app.texts();
    let theme = ctx.theme;
    let shown = pick.choices.len().min(SHOWN);
    let height = 5 + if shown > 0 { shown as u16 + 1 } else { 0 };
    let area = body.centered(wide(84, app, ctx, body), Constraint::Length(height.min(body.height)));
    let mut lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(pick.input.clone(), theme.title),
            Span::styled("█", theme.key),
        ]),
        Line::styled(format!(" {}", texts.baseline_hint), theme.muted),
    ];
    if shown > 0 {
        lines.push(Line::styled(format!(" {}", texts.baseline_choices), theme.label));
        // The window of choices that holds the one chosen.
        let first = pick.selected.map_or(0, |at| (at + 1).saturating_sub(SHOWN));
        let width = area.width.saturating_sub(2) as usize;
        let summary = width.saturating_sub(NAME + 16 + 4);
        for (at, offered) in pick.choices.iter().enumerate().skip(first).take(SHOWN) {
            let choice = &offered.choice;
            let name =
                if choice.is_tag { format!("◆ {}", choice.rev) } else { choice.rev.clone() };
            let text = format!(
                " {} {} {}",
                fit(&crate::printable::printable(&name), NAME),
                offered.date,
                fit(&crate::printable::printable(&choice.summary), summary)
            );
            let line = Line::from(text);
            lines.push(if pick.selected == Some(at) {
                theme.selected_line(line, true)
            } else {
                line
            });
        }
    }
    lines.push(key_line(app, ctx));
    show(frame, area, window(ctx, texts.baseline_title), lines);
}
