//! The activity view: the full description, progress and remarks of one activity, wrapped
//! and scrollable.

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
    for paragraph in activity.remarks.split('\n') {
        lines.push(rich_line(paragraph, Style::default(), query, theme));
    }
    if let Some(old) = baseline_description {
        lines.push(Line::default());
        lines.push(Line::styled(texts.description_at_baseline, theme.label));
        lines.push(rich_line(&old, theme.muted, query, theme));
    }
    if let Some(old) = baseline_remarks {
        lines.push(Line::default());
        lines.push(Line::styled(texts.remarks_at_baseline, theme.label));
        if old.trim().is_empty() {
            lines.push(Line::styled(texts.no_remarks_at_baseline, theme.muted));
        }
        for paragraph in old.split('\n') {
            lines.push(rich_line(paragraph, theme.muted, query, theme));
        }
    }
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let total = paragraph.line_count(inner.width);
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
    frame.render_widget(paragraph.scroll((scroll.min(u16::MAX as usize) as u16, 0)), inner);
}
