//! The groups pane: each group's numeral, topic, gauge and percentage.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{List, ListItem};

use super::text::{fit, progress_spans};
use super::window::{mark_overflow, reach};
use super::{Context, ViewState, pane};
use crate::action::Pane;
use crate::app::App;
use crate::format::signed_points;
use crate::i18n::fill;
use crate::model::numeral;

const GAUGE_WIDTH: usize = 6;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let focused = app.focus() == Pane::Groups;
    let count = app.report().groups.len();
    let title = fill(app.texts().groups_title, &[("count", &count)]);
    let inner = pane(frame, area, &title, focused, theme);
    view.groups_rows = inner;
    let rows = inner.height as usize;
    let shows = reach(view.groups.offset_mut(), count, app.group(), rows);
    view.groups.select(Some(app.group()));
    // Measured on the rows that can show, so a frame's work does not grow with the report.
    let numeral_width =
        (0..count).filter(|&g| shows(g)).map(|g| numeral(g + 1).len()).max().unwrap_or(1);
    // numeral, space, topic, space, gauge, " 100%", " ✓"
    let comparison = app.baseline().map(|b| &b.comparison);
    // The change column takes room from the topics only when some group's progress moved.
    let comparison =
        comparison.filter(|c| c.groups.iter().any(|g| g.delta().is_some_and(|d| d.abs() >= 0.05)));
    let change_width = if comparison.is_some() { 6 } else { 0 };
    let topic_width =
        (inner.width as usize).saturating_sub(numeral_width + GAUGE_WIDTH + 9 + change_width);
    let query = super::query(app);
    let items: Vec<ListItem> = (0..count)
        .map(|g| {
            if !shows(g) {
                return ListItem::new(Text::default());
            }
            let group = &app.report().groups[g];
            let mut spans =
                vec![Span::styled(format!("{:<numeral_width$} ", numeral(g + 1)), theme.label)];
            let topic = fit(&group.topic, topic_width);
            super::text::push_highlighted(&mut spans, &topic, Default::default(), query, theme);
            spans.push(Span::raw(" "));
            spans.extend(progress_spans(app.figures().group_progress(g), GAUGE_WIDTH, theme));
            if let Some(comparison) = comparison {
                let delta = comparison.group(g).and_then(|c| c.delta()).filter(|d| d.abs() >= 0.05);
                spans.push(Span::styled(format!(" {:>5}", signed_points(delta)), theme.label));
            }
            let line = Line::from(spans);
            ListItem::new(if g == app.group() { theme.selected_line(line, focused) } else { line })
        })
        .collect();
    frame.render_stateful_widget(List::new(items), inner, &mut view.groups);
    let border = theme.pane_border(focused);
    mark_overflow(frame, inner, view.groups.offset(), count, border, app, theme);
}
