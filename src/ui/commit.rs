//! The commit prompt: the message's first line to edit, and below it the list of changes
//! the body holds, as far as the window has room.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};

use super::Context;
use super::overlay::{key_line, show, wide, window};
use crate::app::{App, CommitPrompt};
use crate::i18n::fill;

/// The most lines of the list shown; the rest is committed all the same.
const LIST_ROWS: usize = 8;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, commit: &CommitPrompt) {
    let texts = app.texts();
    let list: Vec<&str> = commit.body.lines().collect();
    let mut hint = texts.commit_hint.to_string();
    if !list.is_empty() {
        hint.push_str(&fill(texts.commit_list, &[("count", &list.len())]));
    }
    let shown = list.len().min(LIST_ROWS);
    let height = u16::try_from(5 + shown + usize::from(list.len() > shown)).unwrap_or(u16::MAX);
    let area = body.centered(wide(76, app, ctx, body), Constraint::Length(height));
    let mut lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(commit.summary.clone(), ctx.theme.title),
            Span::styled("█", ctx.theme.key),
        ]),
        Line::styled(format!(" {hint}"), ctx.theme.muted),
    ];
    lines.extend(list.iter().take(shown).map(|l| Line::styled(format!(" {l}"), ctx.theme.muted)));
    if list.len() > shown {
        lines.push(Line::styled(" …", ctx.theme.muted));
    }
    lines.push(key_line(app, ctx));
    let title = fill(texts.commit_title, &[("name", &app.file_name())]);
    show(frame, area, window(ctx, title), lines);
}
