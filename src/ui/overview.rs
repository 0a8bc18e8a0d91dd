//! The overview: the programme's progress, counts by status and by document type, every
//! group's bar (by number or by progress), and below, the activities that are behind or,
//! with a baseline, those changed since.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem, Paragraph};

use super::text::{fit, progress_spans, status_symbol};
use super::theme::Theme;
use super::window::{mark_overflow, reach};
use super::{Context, ViewState, pane};
use crate::app::{App, ChangeRow, GroupOrder, OverviewList};
use crate::compare::ActivityChange;
use crate::format::{signed, signed_points};
use crate::i18n::{capitalize, fill};
use crate::model::{DocumentType, Status, Tally, format_percent, numeral};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let group_count = u16::try_from(app.report().groups.len()).unwrap_or(u16::MAX);
    let height = area.height;
    // On a short screen the lists come first: at least two groups and one activity behind,
    // then as much of the summary as fits (all of it, its first line, or none: the header
    // still shows the programme's progress).
    let groups_least = group_count.min(2) + 3;
    let behind_least = 3;
    let summary_rows = [6, 3, 0]
        .into_iter()
        .find(|rows| rows + groups_least + behind_least <= height)
        .unwrap_or(0);
    let rest = height.saturating_sub(summary_rows);
    let group_rows = (group_count + 3)
        .min(rest / 2 + 3)
        .min(rest.saturating_sub(behind_least))
        .max(groups_least.min(rest));
    let [summary, groups, behind] = Layout::vertical([
        Constraint::Length(summary_rows),
        Constraint::Length(group_rows),
        Constraint::Min(0),
    ])
    .areas(area);
    draw_summary(frame, summary, app, theme);
    draw_groups(frame, groups, app, ctx, view);
    match app.overview_lower() {
        OverviewList::Changes => draw_changes(frame, behind, app, ctx, view),
        _ => draw_behind(frame, behind, app, ctx, view),
    }
}

fn draw_summary(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let texts = app.texts();
    let block =
        Block::bordered().title(format!(" {} ", texts.programme)).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let tally: Tally = app.figures().tallies.iter().fold(Tally::default(), |mut t, g| {
        t.completed += g.completed;
        t.in_progress += g.in_progress;
        t.not_started += g.not_started;
        t
    });
    let mut first = vec![Span::styled(format!("{}  ", texts.programme), theme.label)];
    first.extend(progress_spans(app.figures().programme_progress(), 20, theme));
    if let Some(baseline) = &app.baseline() {
        let delta = signed_points(baseline.comparison.delta());
        let since = fill(texts.programme_since_baseline, &[("delta", &delta)]);
        first.push(Span::styled(format!("  {since}"), theme.muted));
    }
    let count = fill(texts.activities_count, &[("count", &tally.total())]);
    let mut counts = vec![Span::raw(format!("{count} "))];
    for status in Status::ALL {
        counts.push(Span::styled(
            format!("{} {} {}", tally.count(status), status_symbol(status), texts.statuses(status)),
            theme.status(status),
        ));
        counts.push(Span::raw("   "));
    }
    let mut lines = vec![Line::from(first), Line::from(counts)];
    for kind in DocumentType::ALL {
        let groups: Vec<usize> = (0..app.report().groups.len())
            .filter(|&g| app.report().groups[g].document_type == kind)
            .collect();
        let (sum, n) = groups.iter().fold((0.0, 0usize), |(s, n), &g| {
            let count = app.figures().tallies[g].total();
            (s + app.figures().group_progress(g).unwrap_or(0.0) * count as f64, n + count)
        });
        let mean = (n > 0).then(|| sum / n as f64);
        let summary = fill(
            texts.type_summary,
            &[("groups", &groups.len()), ("activities", &n), ("percent", &format_percent(mean))],
        );
        // One line per document type, so neither is cut on a narrow screen.
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", capitalize(texts.document_type(kind))), theme.label),
            Span::raw(summary),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_groups(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let focused = app.overview().list == OverviewList::Groups;
    let texts = app.texts();
    let order = match app.overview().order {
        GroupOrder::Number => texts.order_by_number,
        GroupOrder::Progress => texts.order_by_progress,
    };
    let title = ctx.keys(app, &fill(texts.overview_groups_title, &[("order", &order)]));
    let inner = pane(frame, area, &title, focused, theme);
    let groups = app.overview_groups();
    let [header, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    // The count columns are as wide as their heads, and at least 6.
    let heads = [texts.column_completed, texts.column_in_progress, texts.column_not_started];
    let [w1, w2, w3] = heads.map(|h| h.width().max(6));
    let topic_width =
        (inner.width as usize).saturating_sub(5 + 1 + 17 + 4 + w1 + w2 + w3 + 8).clamp(8, 40);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                "{} {} {:<17} {:>w1$} {:>w2$} {:>w3$}  {}",
                fit(texts.number, 5),
                fit(texts.topic, topic_width),
                texts.progress,
                heads[0],
                heads[1],
                heads[2],
                if app.baseline().is_some() { texts.column_baseline } else { "" }
            ),
            theme.label,
        )),
        header,
    );
    let selected = app.overview().group_row;
    let shows = reach(view.overview.offset_mut(), groups.len(), selected, body.height as usize);
    view.overview.select(Some(selected));
    if focused {
        view.overview_rows = body;
    }
    let items: Vec<ListItem> = groups
        .iter()
        .enumerate()
        .map(|(row, &g)| {
            if !shows(row) {
                return ListItem::new(Text::default());
            }
            let group = &app.report().groups[g];
            let t = app.figures().tallies[g];
            let mut spans = vec![
                Span::styled(fit(&numeral(g + 1), 5), theme.label),
                Span::raw(" "),
                Span::raw(fit(&group.topic, topic_width)),
                Span::raw(" "),
            ];
            spans.extend(progress_spans(app.figures().group_progress(g), 8, theme));
            spans.push(Span::raw(format!(
                " {:>w1$} {:>w2$} {:>w3$}  ",
                t.completed, t.in_progress, t.not_started
            )));
            if let Some(delta) = app
                .baseline()
                .and_then(|b| b.comparison.group(g))
                .and_then(|c| c.delta())
                .filter(|d| d.abs() >= 0.05)
            {
                spans.push(Span::styled(signed_points(Some(delta)), theme.label));
            }
            let line = Line::from(spans);
            ListItem::new(if focused && row == selected {
                theme.selected_line(line, true)
            } else {
                line
            })
        })
        .collect();
    frame.render_stateful_widget(List::new(items), body, &mut view.overview);
    let border = theme.pane_border(focused);
    mark_overflow(frame, body, view.overview.offset(), groups.len(), border, app, theme);
}

fn draw_behind(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let behind = app.behind();
    let texts = app.texts();
    let title =
        fill(texts.behind_title, &[("count", &behind.len()), ("threshold", &app.threshold())]);
    let lower = Lower {
        list: OverviewList::Behind,
        title: ctx.keys(app, &title),
        len: behind.len(),
        selected: app.overview().behind_row,
        empty: texts.nothing_behind,
    };
    lower.draw(frame, area, app, ctx, view, |row, width| {
        let (_, g, a) = behind[row];
        let activity = app.report().activity(g, a)?;
        let mut spans = vec![
            Span::styled(fit(&format!("{}.{}", numeral(g + 1), a + 1), 8), theme.label),
            Span::raw(fit(&activity.description, width.saturating_sub(8 + 17 + 6))),
            Span::raw(" "),
        ];
        spans.extend(progress_spans(Some(f64::from(activity.progress.get())), 8, theme));
        if let Some(change) = app
            .baseline()
            .and_then(|b| b.comparison.group(g))
            .and_then(|c| c.activity(a))
            .and_then(|c| c.delta())
            .filter(|d| *d != 0)
        {
            spans.push(Span::styled(format!(" {}", signed(Some(change))), theme.label));
        }
        Some(Line::from(spans))
    });
}

fn draw_changes(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    const WHAT_WIDTH: usize = 20;
    let theme = ctx.theme;
    let changes = app.overview_changes();
    let texts = app.texts();
    let lower = Lower {
        list: OverviewList::Changes,
        title: ctx.keys(app, &fill(texts.changes_title, &[("count", &changes.len())])),
        len: changes.len(),
        selected: app.overview().changes_row,
        empty: texts.no_changes,
    };
    lower.draw(frame, area, app, ctx, view, |row, width| {
        let (place, description, what) = change_cells(app, &changes[row]);
        Some(Line::from(vec![
            Span::styled(fit(&place, 8), theme.label),
            Span::raw(fit(&description, width.saturating_sub(8 + WHAT_WIDTH + 1))),
            Span::raw(" "),
            Span::styled(fit(&what, WHAT_WIDTH), theme.label),
        ]))
    });
}

/// The list below the groups: its title, rows and selection, and what it says when empty.
struct Lower<'a> {
    list: OverviewList,
    title: String,
    len: usize,
    selected: usize,
    empty: &'a str,
}

impl Lower<'_> {
    /// Draws the list, building only the rows on screen with `row` (given the row's index
    /// and the width of the list).
    fn draw(
        self,
        frame: &mut Frame,
        area: Rect,
        app: &App,
        ctx: &Context,
        view: &mut ViewState,
        row: impl Fn(usize, usize) -> Option<Line<'static>>,
    ) {
        let theme = ctx.theme;
        let focused = app.overview().list == self.list;
        let inner = pane(frame, area, &self.title, focused, theme);
        let shows = reach(view.behind.offset_mut(), self.len, self.selected, inner.height as usize);
        view.behind.select(Some(self.selected));
        if focused {
            view.overview_rows = inner;
        }
        if self.len == 0 {
            frame.render_widget(Paragraph::new(Line::styled(self.empty, theme.muted)), inner);
            return;
        }
        let items: Vec<ListItem> = (0..self.len)
            .map(|r| match shows(r).then(|| row(r, inner.width as usize)).flatten() {
                Some(line) if focused && r == self.selected => {
                    ListItem::new(theme.selected_line(line, true))
                }
                Some(line) => ListItem::new(line),
                None => ListItem::new(Text::default()),
            })
            .collect();
        frame.render_stateful_widget(List::new(items), inner, &mut view.behind);
        let border = theme.pane_border(focused);
        mark_overflow(frame, inner, view.behind.offset(), self.len, border, app, theme);
    }
}

/// A change since the baseline as the overview lists it: its place (`VIII.7`), the
/// activity's description, and what changed (`8% → 40% +32 ✎`, `new`, `removed`).
fn change_cells(app: &App, row: &ChangeRow) -> (String, String, String) {
    let texts = app.texts();
    let group = row.group.map_or_else(|| "–".to_string(), |g| numeral(g + 1));
    let activity = |a: usize| row.group.and_then(|g| app.report().activity(g, a));
    match row.change {
        ActivityChange::Matched { new, from, to, remarks_changed, description_changed, .. } => {
            let mut what = Vec::new();
            if from != to {
                what.push(format!("{from} → {to} {}", signed(row.change.delta())));
            }
            // ✎ remarks changed; ≈ reworded, as in the activity table.
            what.extend(remarks_changed.then(|| "✎".to_string()));
            what.extend(description_changed.then(|| "≈".to_string()));
            let what = what.join(" ");
            let description = activity(*new).map(|a| a.description.clone()).unwrap_or_default();
            (format!("{group}.{}", new + 1), description, what)
        }
        ActivityChange::Added { new } => {
            let description = activity(*new).map(|a| a.description.clone()).unwrap_or_default();
            (format!("{group}.{}", new + 1), description, texts.change_new.to_string())
        }
        ActivityChange::Removed { old, description, progress } => {
            let what = format!("{} ({progress})", texts.change_removed);
            (format!("{group} ({})", old + 1), description.clone(), what)
        }
    }
}
