//! The activity view: the full description, progress and remarks of one activity, wrapped
//! and scrollable.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::text::{progress_spans, rich_line};
use super::{Context, ViewState};
use crate::app::App;
use crate::compare::ActivityChange;
use crate::format::signed;
use crate::i18n::fill;
use crate::model::numeral;
use crate::wrap::Wrapped;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let (Some(group), Some(activity)) = (app.selected_group(), app.selected_activity()) else {
        return;
    };
    let count = group.activities.len();
    let texts = app.texts();
    let of = fill(texts.activity_of, &[("number", &(app.activity() + 1)), ("count", &count)]);
    let block = Block::bordered()
        .title(Line::from(vec![
            Span::styled(
                format!(
                    " {}{}.{} ",
                    super::focus_sign(true),
                    numeral(app.group() + 1),
                    app.activity() + 1
                ),
                theme.label,
            ),
            Span::styled(format!("· {} ", group.topic), theme.title),
        ]))
        .title_bottom(Line::styled(format!(" {of} "), theme.muted))
        .border_style(theme.border_focused);
    let inner = block.inner(area);
    view.activity_area = inner;

    let query = super::query(app);
    let mut lines = Vec::new();
    if let Some(topic) = &activity.topic {
        lines.push(Line::from(vec![
            Span::styled(format!("{}  ", texts.topic), theme.label),
            Span::raw(topic.clone()),
        ]));
    }
    lines.push(rich_line(&activity.description, theme.title, query, theme));
    lines.push(Line::default());
    let mut progress = vec![Span::styled(format!("{}  ", texts.progress), theme.label)];
    progress.extend(progress_spans(Some(f64::from(activity.progress.get())), 20, theme));
    progress
        .push(Span::styled(format!("  {}", texts.status(activity.progress.status())), theme.muted));
    lines.push(Line::from(progress));
    let change = app
        .baseline()
        .and_then(|b| Some((b, b.comparison.group(app.group())?)))
        .and_then(|(b, g)| Some((b, g, g.activity(app.activity())?)));
    let mut baseline_remarks = None;
    let mut baseline_description = None;
    match change {
        Some((_, _, ActivityChange::Added { .. })) => {
            lines.push(Line::styled(texts.new_since_baseline, theme.label));
        }
        Some((
            b,
            g,
            ActivityChange::Matched { old, from, to, remarks_changed, description_changed, .. },
        )) => {
            let delta = i64::from(to.get()) - i64::from(from.get());
            let mut text = if delta == 0 {
                fill(texts.progress_unchanged, &[("to", to)])
            } else {
                fill(
                    texts.activity_since_baseline,
                    &[("from", from), ("to", to), ("delta", &signed(Some(delta)))],
                )
            };
            let then = g.old.and_then(|o| b.report.activity(o, *old));
            if *description_changed {
                text.push_str(texts.description_changed);
                baseline_description = then.map(|a| a.description.clone());
            }
            if *remarks_changed {
                text.push_str(texts.remarks_changed);
                baseline_remarks = then.map(|a| a.remarks.clone());
            }
            lines.push(Line::styled(text, theme.label));
        }
        _ => {}
    }
    lines.push(Line::default());
    lines.push(Line::styled(texts.remarks, theme.label));
    if activity.remarks.trim().is_empty() {
        lines.push(Line::styled(ctx.keys(app, texts.no_remarks), theme.muted));
    }
    let mut tail = Vec::new();
    if let Some(old) = baseline_description {
        tail.push(Line::default());
        tail.push(Line::styled(texts.description_at_baseline, theme.label));
        tail.push(rich_line(&old, theme.muted, query, theme));
    }
    if let Some(old) = baseline_remarks {
        tail.push(Line::default());
        tail.push(Line::styled(texts.remarks_at_baseline, theme.label));
        if old.trim().is_empty() {
            tail.push(Line::styled(texts.no_remarks_at_baseline, theme.muted));
        }
        for paragraph in old.split('\n') {
            tail.push(rich_line(paragraph, theme.muted, query, theme));
        }
    }

    // The remarks are wrapped by `update` (see `App::remarks_layout`), and only the lines on
    // screen are styled. The first frame at a width the app has not seen (the terminal was
    // just resized) wraps them itself, once, so that it shows what the next frame will.
    let remarks = &activity.remarks;
    let wrapped = match app.remarks_layout().filter(|w| w.width == inner.width) {
        Some(wrapped) => Cow::Borrowed(wrapped),
        None => Cow::Owned(Wrapped::new(remarks, inner.width)),
    };
    let head = Paragraph::new(lines).wrap(Wrap { trim: false });
    let tail = Paragraph::new(tail).wrap(Wrap { trim: false });
    let head_rows = head.line_count(inner.width);
    let tail_rows = tail.line_count(inner.width);
    let remarks_rows = wrapped.lines.len();
    let total = head_rows + remarks_rows + tail_rows;
    view.viewport.detail_max = total.saturating_sub(inner.height as usize);
    let scroll = app.detail_scroll().min(view.viewport.detail_max);
    // Says that the text goes on below, and how far.
    let below = view.viewport.detail_max - scroll;
    let block = if below > 0 {
        let note = super::text::fill_count(texts.more_below, below);
        block.title_bottom(Line::styled(note, theme.muted).right_aligned())
    } else {
        block
    };
    frame.render_widget(block, area);

    // Head, remarks and tail, each from where the scroll leaves it, down the view.
    let mut rows = Rows { area: inner, drawn: 0, skip: scroll };
    if let Some((area, from)) = rows.take(head_rows) {
        frame.render_widget(head.scroll((clamp(from), 0)), area);
    }
    if let Some((area, from)) = rows.take(remarks_rows) {
        let shown = from..from + area.height as usize;
        let lines = super::remarks::lines(remarks, &wrapped, shown, Style::default(), query, theme);
        frame.render_widget(super::remarks::Wrapped(lines), area);
    }
    if let Some((area, from)) = rows.take(tail_rows) {
        frame.render_widget(tail.scroll((clamp(from), 0)), area);
    }
}

/// A line offset as a paragraph's scroll takes it.
fn clamp(rows: usize) -> u16 {
    rows.min(u16::MAX as usize) as u16
}

/// The rows of the view, handed out piece by piece from the scroll position.
struct Rows {
    area: Rect,
    drawn: u16,
    skip: usize,
}

impl Rows {
    /// Where a piece of `rows` lines goes, and its first line shown; none if it is all
    /// scrolled past or the view is full.
    fn take(&mut self, rows: usize) -> Option<(Rect, usize)> {
        let from = self.skip.min(rows);
        self.skip -= from;
        let room = self.area.height - self.drawn;
        let height = clamp(rows - from).min(room);
        if height == 0 {
            return None;
        }
        let area = Rect { y: self.area.y + self.drawn, height, ..self.area };
        self.drawn += height;
        Some((area, from))
    }
}
