//! The group pane: the selected group's title, type, coordinators, objectives (foldable) and
//! its activity table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Wrap};
use unicode_width::UnicodeWidthStr;

use super::remarks::hanging;
use super::text::{
    around, ellipsize, first_line, fit, progress_spans, push_highlighted, rich_line,
};
use super::window::{mark_overflow, reach};
use super::{Context, ViewState};
use crate::action::Pane;
use crate::app::App;
use crate::compare::ActivityChange;
use crate::edit::Field;
use crate::format::{signed, signed_points};
use crate::i18n::{Texts, capitalize, fill};
use crate::model::{Group, format_percent, numeral};

/// The progress bar in the table: shorter on narrow screens, where text needs the room.
fn gauge_width(table_width: usize) -> usize {
    if table_width >= 90 { 8 } else { 4 }
}
/// Rows the table keeps however long the objectives are.
const MIN_TABLE_ROWS: u16 = 6;
/// Fewer table rows than this (and than the group's activities) and the objectives start
/// folded, until the user unfolds them.
const CROWDED_TABLE_ROWS: u16 = 8;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
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
        .border_style(theme.pane_border(focused));
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let info = |folded| {
        let mut lines = info_lines(app, group, ctx, inner.width, folded);
        lines.push(Line::default());
        let info = Paragraph::new(lines).wrap(Wrap { trim: false });
        let wanted = info.line_count(inner.width).min(u16::MAX as usize) as u16;
        (info, wanted)
    };
    let table_needed = (app.visible_activities().len() + 1).min(u16::MAX as usize) as u16;
    // Shown, would the objectives leave the table fewer rows than it needs, up to a few?
    let (unfolded, unfolded_wanted) = info(false);
    view.viewport.objectives_crowd =
        unfolded_wanted > inner.height.saturating_sub(table_needed.min(CROWDED_TABLE_ROWS + 1));
    let (info, wanted) =
        if app.objectives_folded() { info(true) } else { (unfolded, unfolded_wanted) };
    // The table keeps the rows it needs, up to half the pane; the objectives get the rest,
    // and scroll when that is not enough.
    let table_min = table_needed.min(MIN_TABLE_ROWS.max(inner.height / 2));
    let info_height = wanted.min(inner.height.saturating_sub(table_min));
    view.viewport.info_max = usize::from(wanted - info_height);
    let scroll = app.info_scroll().min(view.viewport.info_max);
    let [info_area, table_area] =
        Layout::vertical([Constraint::Length(info_height), Constraint::Min(0)]).areas(inner);
    view.info_area = info_area;
    frame.render_widget(info.scroll((scroll as u16, 0)), info_area);
    if scroll < view.viewport.info_max && info_area.height > 0 {
        let last = Rect { y: info_area.bottom() - 1, height: 1, ..info_area };
        let more = Line::from(vec![
            Span::styled("▸ … ", theme.label),
            Span::styled(ctx.keys(app, texts.more_objectives), theme.muted),
        ]);
        frame.render_widget(ratatui::widgets::Clear, last);
        frame.render_widget(Paragraph::new(more), last);
    }
    draw_table(frame, table_area, app, group, ctx, view, focused);
}

fn info_lines(
    app: &App,
    group: &Group,
    ctx: &Context,
    width: u16,
    folded: bool,
) -> Vec<Line<'static>> {
    let (texts, theme) = (app.texts(), ctx.theme);
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
        let note = ctx.keys(app, &note);
        lines.push(Line::from(figures));
        // On a line of its own, so it never wraps in the middle.
        lines.push(Line::from(Span::styled(format!("▼ {note}"), theme.match_highlight)));
    } else {
        lines.push(Line::from(figures));
    }
    let label = vec![Span::styled(format!("{} ", texts.coordinators), theme.label)];
    if group.coordinators.is_empty() {
        let mut line = label;
        line.push(Span::styled(texts.not_stated, theme.muted));
        lines.push(Line::from(line));
    } else {
        // Where the source names a coordinator elsewhere, the screen says where.
        let names: Vec<String> = group
            .coordinators
            .iter()
            .map(|c| {
                let name = crate::model::Coordinator::line(std::slice::from_ref(c));
                match c.stated_in {
                    Some(crate::model::StatedIn::ActivityRemarks(number)) => {
                        format!("{name} {}", fill(texts.stated_in_remarks, &[("number", &number)]))
                    }
                    None => name,
                }
            })
            .collect();
        let names = names.join("; ");
        lines.extend(hanging(label, &names, width, Style::default(), query, theme));
    }
    if folded {
        let count = group.specific_objectives.len();
        lines.push(Line::from(vec![
            Span::styled(format!("▸ {}", texts.objectives), theme.label),
            Span::styled(
                format!(
                    " {}",
                    ctx.keys(app, &fill(texts.objectives_folded_note, &[("count", &count)]))
                ),
                theme.muted,
            ),
        ]));
    } else {
        lines.push(Line::from(vec![
            Span::styled(format!("▾ {} ", texts.general_objective), theme.label),
            Span::styled(ctx.keys(app, texts.objectives_fold_note), theme.muted),
        ]));
        lines.push(rich_line(&group.general_objective, Style::default(), query, theme));
        if !group.specific_objectives.is_empty() {
            lines.push(Line::styled(format!("  {}", texts.specific_objectives), theme.label));
        }
        for objective in &group.specific_objectives {
            let bullet = vec![Span::raw("  • ")];
            lines.extend(hanging(bullet, objective, width, Style::default(), query, theme));
        }
    }
    lines
}

/// Column widths for the table in `width` cells: number, topic, description, progress,
/// change since the baseline, remarks (0 where a column is left out). The description is
/// how a secretary knows an activity: it gets the room its longest text needs, or at least
/// `WANTED_DESCRIPTION` cells, before the remarks get a preview of what is left (none when
/// that would be too short to read; the activity view shows them whole).
fn columns(width: usize, topics: bool, baseline: bool, longest: usize) -> [usize; 6] {
    const WANTED_DESCRIPTION: usize = 60;
    const LEAST_REMARKS: usize = 16;
    let number = 4;
    let progress = gauge_width(width) + 7;
    let change = if baseline { 6 } else { 0 };
    let topic = if topics && width >= 70 { (width / 6).clamp(12, 24) } else { 0 };
    // The spaces between the columns shown, the remarks' not counted.
    let gaps = 2 + usize::from(topic > 0);
    let room = width.saturating_sub(number + progress + change + topic + gaps);
    let needed = longest.clamp(1, room.max(1));
    let (description, remarks) = if room.saturating_sub(needed + 1) >= LEAST_REMARKS {
        (needed, room - needed - 1)
    } else if room >= WANTED_DESCRIPTION + 1 + LEAST_REMARKS {
        let description = WANTED_DESCRIPTION.max((room - 1) * 55 / 100);
        (description, room - 1 - description)
    } else {
        (room, 0)
    };
    [number, topic, description, progress, change, remarks]
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
    ctx: &Context,
    view: &mut ViewState,
    focused: bool,
) {
    let theme = ctx.theme;
    if area.height == 0 {
        return;
    }
    let [_, rows_area] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
    view.table_rows = rows_area;
    let texts = app.texts();
    let longest = group.activities.iter().map(|a| a.description.width()).max().unwrap_or(0);
    let mut widths =
        columns(area.width as usize, group.has_topics(), app.baseline().is_some(), longest);
    // The change column's width counts the space before it, which the table puts there.
    widths[4] = widths[4].saturating_sub(1);
    let [_, topic, description, _, change, remarks] = widths;
    let titles = [texts.number, texts.topic, texts.description, texts.progress, "Δ", texts.remarks];
    let header = Row::new(titles.iter().zip(widths).filter(|(_, w)| *w > 0).map(|(title, w)| {
        // The change column's numbers are right-aligned; so is its heading.
        if *title == "Δ" { format!("{title:>w$}") } else { fit(title, w) }
    }))
    .style(theme.label);
    let constraints = widths.iter().filter(|w| **w > 0).map(|&w| Constraint::Length(w as u16));

    let visible = app.visible_activities();
    let selected = visible.iter().position(|&a| a == app.activity()).unwrap_or(0);
    let shows = reach(view.table.offset_mut(), visible.len(), selected, rows_area.height as usize);
    view.table.select((!visible.is_empty()).then_some(selected));
    let query = super::query(app);
    // A cell of text, with the search's matches marked.
    let text_cell = |text: &str, style: Style| {
        let mut spans = Vec::new();
        push_highlighted(&mut spans, text, style, query, theme);
        Line::from(spans)
    };
    // The current match, when it is in a cell of the selected row: the cell shows the text
    // around it if its start would hide it.
    let g = app.group();
    let current = app
        .search()
        .and_then(|s| s.current_hit())
        .filter(|hit| hit.field.activity() == Some((app.group(), app.activity())));
    let match_cell = |field: Field, text: &str, width: usize, style: Style| {
        let hit = current.filter(|hit| hit.field == field)?;
        let hidden = text.get(..hit.at.start).is_none_or(|before| before.contains('\n'))
            || (text.width() > width
                && text.get(..hit.at.end).is_none_or(|shown| shown.width() >= width));
        hidden.then(|| around(text, &hit.at, width, style, query, theme))
    };
    let rows: Vec<Row> = visible
        .iter()
        .enumerate()
        .map(|(row, &a)| {
            if !shows(row) {
                return Row::default();
            }
            let activity = &group.activities[a];
            let mut cells = vec![Line::from(Span::styled(format!("{:>3}", a + 1), theme.muted))];
            if topic > 0 {
                let whole = activity.topic.as_deref().unwrap_or("");
                let cell = match_cell(Field::ActivityTopic(g, a), whole, topic, Style::default());
                cells.push(cell.unwrap_or_else(|| text_cell(&fit(whole, topic), Style::default())));
            }
            if description > 0 {
                let whole = &activity.description;
                let field = Field::Description(g, a);
                let cell = match_cell(field, whole, description, Style::default());
                cells.push(
                    cell.unwrap_or_else(|| text_cell(&fit(whole, description), Style::default())),
                );
            }
            let progress = Some(f64::from(activity.progress.get()));
            let gauge = progress_spans(progress, gauge_width(area.width as usize), theme);
            cells.push(Line::from(gauge));
            if change > 0 {
                let cell = change_cell(app, a, texts);
                cells.push(Line::from(Span::styled(format!("{cell:>change$}"), theme.label)));
            }
            if remarks > 0
                && let Some(cell) =
                    match_cell(Field::Remarks(g, a), &activity.remarks, remarks, theme.muted)
            {
                cells.push(cell);
            } else if remarks > 0 {
                let first = first_line(&activity.remarks);
                let more = activity.remarks.trim_end() != first;
                let mut shown = ellipsize(first, remarks);
                if more && !shown.ends_with('…') {
                    shown = ellipsize(&format!("{shown} …"), remarks);
                }
                cells.push(text_cell(&shown, theme.muted));
            }
            if a == app.activity() {
                let cells = cells.into_iter().map(|cell| theme.selected_line(cell, focused));
                Row::new(cells.collect::<Vec<_>>()).style(if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                })
            } else {
                Row::new(cells)
            }
        })
        .collect();
    let table = Table::new(rows, constraints).header(header).column_spacing(1);
    frame.render_stateful_widget(table, area, &mut view.table);
    if visible.is_empty() {
        let note = match app.filter() {
            Some(filter) => {
                let note =
                    fill(texts.no_filtered_activities, &[("filter", &filter.describe_in(texts))]);
                ctx.keys(app, &note)
            }
            None => texts.no_activities.to_string(),
        };
        frame.render_widget(Paragraph::new(Line::styled(note, theme.muted)), rows_area);
        return;
    }
    let border = theme.pane_border(focused);
    mark_overflow(frame, rows_area, view.table.offset(), visible.len(), border, app, theme);
}
