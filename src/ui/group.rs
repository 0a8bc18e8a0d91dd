//! The group pane: the selected group's title, type, coordinators, objectives (foldable) and
//! its activity table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::text::{ellipsize, first_line, fit, progress_spans, push_highlighted, rich_line};
use super::theme::Theme;
use super::{ViewState, list_window};
use crate::action::Pane;
use crate::app::App;
use crate::compare::ActivityChange;
use crate::format::{signed, signed_points};
use crate::i18n::{Texts, capitalize, fill};
use crate::model::{Group, format_percent, numeral};

/// The progress bar in the table: shorter on narrow screens, where text needs the room.
fn gauge_width(table_width: usize) -> usize {
    if table_width >= 90 { 8 } else { 4 }
}
/// Rows the table keeps however long the objectives are.
const MIN_TABLE_ROWS: u16 = 6;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme, view: &mut ViewState) {
    let focused = app.focus() == Pane::Activities;
    let texts = app.texts();
    let Some(group) = app.selected_group() else {
        frame.render_widget(Block::bordered().title(format!(" {} ", texts.no_groups)), area);
        return;
    };
    let block = Block::bordered()
        .title(Line::from(vec![
            Span::styled(
                format!(" {}{} ", super::focus_sign(focused), numeral(app.group() + 1)),
                theme.label,
            ),
            Span::styled(format!("· {} ", group.topic), theme.title),
        ]))
        .border_style(if focused { theme.border_focused } else { theme.border });
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let mut lines = info_lines(app, group, texts, theme);
    lines.push(Line::default());
    let info = Paragraph::new(lines).wrap(Wrap { trim: false });
    let wanted = info.line_count(inner.width).min(u16::MAX as usize) as u16;
    // The table keeps the rows it needs, up to half the pane; the objectives get the rest.
    let table_needed = (group.activities.len() + 1).min(u16::MAX as usize) as u16;
    let table_min = table_needed.min(MIN_TABLE_ROWS.max(inner.height / 2));
    let info_height = wanted.min(inner.height.saturating_sub(table_min));
    let [info_area, table_area] =
        Layout::vertical([Constraint::Length(info_height), Constraint::Min(0)]).areas(inner);
    frame.render_widget(info, info_area);
    if info_height < wanted && info_area.height > 0 && !app.objectives_folded() {
        let last = Rect { y: info_area.bottom() - 1, height: 1, ..info_area };
        let more = Line::from(vec![
            Span::styled("▸ … ", theme.label),
            Span::styled(texts.more_objectives, theme.muted),
        ]);
        frame.render_widget(ratatui::widgets::Clear, last);
        frame.render_widget(Paragraph::new(more), last);
    }
    draw_table(frame, table_area, app, group, theme, view, focused);
}

fn info_lines(app: &App, group: &Group, texts: &Texts, theme: &Theme) -> Vec<Line<'static>> {
    let query = super::query(app);
    let tally = app.figures().tallies.get(app.group()).copied().unwrap_or_default();
    let mut lines = vec![rich_line(&group.title, theme.title, query, theme)];
    let mut figures = vec![
        Span::styled(capitalize(texts.document_type(group.document_type)), theme.label),
        Span::raw(format!(" · {} ", format_percent(app.figures().group_progress(app.group())))),
    ];
    let comparison = app.baseline().and_then(|b| b.comparison.group(app.group()));
    if let Some(delta) = comparison.and_then(|c| c.delta()) {
        let since = fill(texts.group_since_baseline, &[("delta", &signed_points(Some(delta)))]);
        figures.push(Span::styled(format!("{since} "), theme.label));
    }
    let tally_text = fill(
        texts.activities_tally,
        &[
            ("total", &tally.total()),
            ("completed", &tally.completed),
            ("in_progress", &tally.in_progress),
            ("not_started", &tally.not_started),
        ],
    );
    figures.push(Span::raw(format!("· {tally_text}")));
    let removed = comparison.map_or(0, |c| {
        c.activities.iter().filter(|a| matches!(a, ActivityChange::Removed { .. })).count()
    });
    if removed > 0 {
        let removed = fill(texts.removed_since_baseline, &[("count", &removed)]);
        figures.push(Span::styled(format!(" · {removed}"), theme.label));
    }
    if let Some(filter) = app.filter() {
        let shown = app.visible_activities().len();
        let note = fill(
            texts.filter_note,
            &[("filter", &filter.describe_in(texts)), ("shown", &shown), ("total", &tally.total())],
        );
        lines.push(Line::from(figures));
        // On a line of its own, so it never wraps in the middle.
        lines.push(Line::from(Span::styled(format!("▼ {note}"), theme.match_highlight)));
    } else {
        lines.push(Line::from(figures));
    }
    let coordinators = if group.coordinators.is_empty() {
        vec![Span::styled(texts.not_stated, theme.muted)]
    } else {
        let names: Vec<String> = group
            .coordinators
            .iter()
            .map(|c| format!("{}: {}", c.country, c.institution))
            .collect();
        vec![Span::raw(names.join("; "))]
    };
    let mut line = vec![Span::styled(format!("{} ", texts.coordinators), theme.label)];
    line.extend(coordinators);
    lines.push(Line::from(line));
    if app.objectives_folded() {
        let count = group.specific_objectives.len();
        lines.push(Line::from(vec![
            Span::styled(format!("▸ {}", texts.objectives), theme.label),
            Span::styled(
                format!(" {}", fill(texts.objectives_folded_note, &[("count", &count)])),
                theme.muted,
            ),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::styled(format!("▾ {} ", texts.general_objective), theme.label),
            Span::styled(texts.objectives_fold_note, theme.muted),
        ]));
        lines.push(rich_line(&group.general_objective, Style::default(), query, theme));
        if !group.specific_objectives.is_empty() {
            lines.push(Line::styled(format!("  {}", texts.specific_objectives), theme.label));
        }
        for objective in &group.specific_objectives {
            let mut line = rich_line(objective, Style::default(), query, theme);
            line.spans.insert(0, Span::raw("  • "));
            lines.push(line);
        }
    }
    lines
}

/// Column widths for the table in `width` cells: number, topic, description, progress,
/// change since the baseline, remarks (0 where a column is left out).
fn columns(width: usize, topics: bool, baseline: bool) -> [usize; 6] {
    let number = 4;
    let progress = gauge_width(width) + 7;
    let change = if baseline { 6 } else { 0 };
    let topic = if topics && width >= 70 { (width / 6).clamp(12, 24) } else { 0 };
    let gaps = 5;
    let rest = width.saturating_sub(number + progress + change + topic + gaps);
    if width < 60 {
        return [number, 0, rest, progress, change, 0];
    }
    let description = rest * 45 / 100;
    [number, topic, description, progress, change, rest - description]
}

/// The change column of one activity: "+32✎", "new", or "" when nothing moved.
fn change_cell(app: &App, a: usize, texts: &Texts) -> String {
    let Some(change) =
        app.baseline().and_then(|b| b.comparison.group(app.group())).and_then(|g| g.activity(a))
    else {
        return String::new();
    };
    match change {
        ActivityChange::Added { .. } => texts.change_new.to_string(),
        ActivityChange::Matched { remarks_changed, description_changed, .. } => {
            let delta = change.delta().filter(|d| *d != 0);
            // ✎ remarks changed; ≈ reworded (the activity view says which).
            let remarks = if *remarks_changed { "✎" } else { "" };
            let reworded = if *description_changed { "≈" } else { "" };
            format!("{}{remarks}{reworded}", signed(delta))
        }
        ActivityChange::Removed { .. } => String::new(),
    }
}

fn draw_table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    group: &Group,
    theme: &Theme,
    view: &mut ViewState,
    focused: bool,
) {
    if area.height == 0 {
        return;
    }
    let [header_area, rows_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    let texts = app.texts();
    let widths = columns(area.width as usize, group.has_topics(), app.baseline().is_some());
    let header = [texts.number, texts.topic, texts.description, texts.progress, "Δ", texts.remarks];
    let cells: Vec<Span> = header
        .iter()
        .zip(widths)
        .filter(|(_, w)| *w > 0)
        .map(|(title, w)| {
            // The change column's numbers are right-aligned; so is its heading.
            let cell = if *title == "Δ" { format!("{title:>w$}") } else { fit(title, w) };
            Span::styled(format!("{cell} "), theme.label)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(cells)), header_area);

    view.table_rows = rows_area;
    let visible = app.visible_activities();
    if visible.is_empty() {
        let note = match app.filter() {
            Some(filter) => {
                fill(texts.no_filtered_activities, &[("filter", &filter.describe_in(texts))])
            }
            None => texts.no_activities.to_string(),
        };
        frame.render_widget(Paragraph::new(Line::styled(note, theme.muted)), rows_area);
        return;
    }
    let selected = visible.iter().position(|&a| a == app.activity()).unwrap_or(0);
    let shown =
        list_window(frame, rows_area, &mut view.table_offset, visible.len(), selected, app, theme);
    let query = super::query(app);
    let [_, topic, description, _, change, remarks] = widths;
    let lines: Vec<Line> = visible[shown]
        .iter()
        .map(|&a| {
            let activity = &group.activities[a];
            let mut spans = vec![Span::styled(format!("{:>3}  ", a + 1), theme.muted)];
            let mut text_cell = |text: &str, width: usize| {
                if width > 0 {
                    push_highlighted(&mut spans, &fit(text, width), Style::default(), query, theme);
                    spans.push(Span::raw(" "));
                }
            };
            text_cell(activity.topic.as_deref().unwrap_or(""), topic);
            text_cell(&activity.description, description);
            spans.extend(progress_spans(
                Some(f64::from(activity.progress.get())),
                gauge_width(area.width as usize),
                theme,
            ));
            if change > 0 {
                let cell = change_cell(app, a, texts);
                spans.push(Span::styled(format!(" {cell:>5}"), theme.label));
            }
            if remarks > 0 {
                spans.push(Span::raw(" "));
                let first = first_line(&activity.remarks);
                let more = activity.remarks.trim_end() != first;
                let mut shown = ellipsize(first, remarks);
                if more && !shown.ends_with('…') {
                    shown = ellipsize(&format!("{shown} …"), remarks);
                }
                push_highlighted(&mut spans, &shown, theme.muted, query, theme);
            }
            let line = Line::from(spans);
            if a == app.activity() {
                line.style(if focused { theme.selected } else { theme.selected_unfocused })
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
}
