//! The history screen: one row per commit that changed the activity, the group or the
//! programme (date, author, the commit's summary, the progress then, ✎ where the remarks
//! changed), the whole series as a sparkline above, and a version opened below.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Row, Sparkline, Table, Wrap};

use super::text::progress_spans;
use super::window::{mark_overflow, reach};
use super::{Context, ViewState};
use crate::app::{
    App, HistoryOf, HistoryRow, HistoryRows, HistoryScreen, HistoryState, OpenedVersion, Piece,
};
use crate::columns::{ellipsize, fit};
use crate::history::Loading;
use crate::i18n::fill;

/// Columns of the date (`YYYY-MM-DD HH:MM`), the author at most, and the bar.
const DATE: usize = 16;
const AUTHOR: usize = 18;
const BAR: usize = 10;

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    screen: &HistoryScreen,
) {
    let texts = app.texts();
    frame.render_widget(Clear, body);
    let place = screen.of.place();
    let subject = match screen.of {
        HistoryOf::Activity { .. } => fill(texts.history_of_activity, &[("place", &place)]),
        HistoryOf::Group(_) => fill(texts.history_of_group, &[("place", &place)]),
        HistoryOf::Programme => texts.history_of_programme.to_string(),
    };
    let title = fill(texts.history_title, &[("subject", &subject)]);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), ctx.theme.title))
        .border_style(ctx.theme.border_focused);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let about =
        Line::styled(ellipsize(&about(app, screen.of), inner.width as usize), ctx.theme.muted);
    let rows = match &screen.state {
        HistoryState::Loading(loading) => {
            let said = match loading {
                None => texts.history_waiting.to_string(),
                Some(Loading::Walking { commits }) => {
                    fill(texts.history_walking, &[("count", commits)])
                }
                Some(Loading::Reading { done, total }) => {
                    fill(texts.history_reading, &[("done", done), ("total", total)])
                }
            };
            let lines = vec![about, Line::default(), Line::styled(said, ctx.theme.info)];
            frame.render_widget(Paragraph::new(lines), inner);
            return;
        }
        HistoryState::Ready(rows) => rows,
    };
    // The version opened takes the rows its remarks need, up to half the screen.
    let opened = screen.opened.as_ref().map(|o| (o, remarks(app, ctx, o)));
    let opened_height = opened.as_ref().map_or(0, |(_, p)| {
        let needed = p.line_count(inner.width.saturating_sub(2)) + 2;
        (needed as u16).clamp(4, (inner.height / 2).max(4))
    });
    let note_height = u16::from(rows.unreadable > 0);
    let [about_area, spark_area, table_area, note_area, opened_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(2),
        Constraint::Length(note_height),
        Constraint::Length(opened_height),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(about), about_area);
    // The newest values where there are more than columns.
    let skip = rows.series.len().saturating_sub(spark_area.width as usize);
    let spark =
        Sparkline::default().data(&rows.series[skip..]).max(100).style(ctx.theme.in_progress);
    frame.render_widget(spark, spark_area);
    table(frame, table_area, app, ctx, view, screen, rows);
    if rows.unreadable > 0 {
        let note = fill(texts.history_unreadable, &[("count", &rows.unreadable)]);
        frame.render_widget(Paragraph::new(Line::styled(note, ctx.theme.error)), note_area);
    }
    if let Some(opened) = opened {
        version(frame, opened_area, app, ctx, view, screen, opened);
    }
}

/// What the history follows, as the report now has it: the activity's description, the
/// group's topic, the report's title.
fn about(app: &App, of: HistoryOf) -> String {
    let report = app.report();
    let text = match of {
        HistoryOf::Activity { group, activity } => {
            report.activity(group, activity).map(|a| a.description.as_str())
        }
        HistoryOf::Group(group) => report.groups.get(group).map(|g| g.topic.as_str()),
        HistoryOf::Programme => Some(report.title.as_str()),
    };
    crate::printable::printable(super::text::first_line(text.unwrap_or_default())).into_owned()
}

fn table(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    screen: &HistoryScreen,
    rows: &HistoryRows,
) {
    let texts = app.texts();
    let theme = ctx.theme;
    if rows.rows.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled(texts.history_none, theme.muted)), area);
        return;
    }
    let width = area.width as usize;
    let progress = BAR + 7;
    let author = AUTHOR.min(width / 6);
    let summary = width.saturating_sub(DATE + author + progress + 2 + 4);
    let header = Row::new([
        texts.history_date,
        texts.history_author,
        texts.history_summary,
        texts.history_progress,
        "",
    ])
    .style(theme.label);
    let body = Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area };
    let shown =
        reach(&mut view.history_offset, rows.rows.len(), screen.selected, body.height as usize);
    view.viewport.page = (body.height as usize).max(1);
    let built: Vec<Row> = rows
        .rows
        .iter()
        .enumerate()
        .skip(view.history_offset)
        .take_while(|(i, _)| shown(*i))
        .map(|(i, row)| {
            let cells = cells(row, summary, author, app, ctx);
            if i == screen.selected {
                let focused = screen.opened.is_none();
                let cells = cells.into_iter().map(|c| theme.selected_line(c, focused));
                let style = if focused { theme.selected } else { theme.selected_unfocused };
                Row::new(cells.collect::<Vec<_>>()).style(style)
            } else {
                Row::new(cells)
            }
        })
        .collect();
    let widths = [
        Constraint::Length(DATE as u16),
        Constraint::Length(author as u16),
        Constraint::Length(summary as u16),
        Constraint::Length(progress as u16),
        Constraint::Length(1),
    ];
    let table = Table::new(built, widths).header(header).column_spacing(1);
    frame.render_widget(table, area);
    let border = theme.border_focused;
    mark_overflow(frame, body, view.history_offset, rows.rows.len(), border, app, theme);
}

fn cells(
    row: &HistoryRow,
    summary: usize,
    author: usize,
    app: &App,
    ctx: &Context,
) -> Vec<Line<'static>> {
    let theme = ctx.theme;
    let (date, who, what) = match &row.commit {
        Some(c) => (
            Line::from(c.date.clone()),
            Line::from(fit(&c.author, author)),
            Line::from(fit(&c.summary, summary)),
        ),
        None => (
            Line::default(),
            Line::default(),
            Line::styled(fit(app.texts().history_uncommitted, summary), theme.modified),
        ),
    };
    let mark = if row.remarks_changed { "✎" } else { "" };
    vec![
        date,
        who,
        what,
        Line::from(progress_spans(row.progress, BAR, theme)),
        Line::styled(mark, theme.label),
    ]
}

/// A version opened: its remarks, words removed since the version before struck through
/// and words added underlined, each also between the marks `wgtrack diff` uses.
fn remarks(app: &App, ctx: &Context, opened: &OpenedVersion) -> Paragraph<'static> {
    let theme = ctx.theme;
    let mut lines: Vec<Line> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    for piece in &opened.remarks {
        // Marked as `wgtrack diff` marks them, so a screen without colours tells them too.
        let (text, style) = match piece {
            Piece::Same(t) => (t.clone(), ratatui::style::Style::default()),
            Piece::Removed(t) => {
                (format!("[-{t}-]"), theme.error.add_modifier(Modifier::CROSSED_OUT))
            }
            Piece::Added(t) => {
                (format!("{{+{t}+}}"), theme.completed.add_modifier(Modifier::UNDERLINED))
            }
        };
        for (k, part) in text.split('\n').enumerate() {
            if k > 0 {
                lines.push(Line::from(std::mem::take(&mut line)));
            }
            if !part.is_empty() {
                line.push(Span::styled(crate::printable::printable(part).into_owned(), style));
            }
        }
    }
    lines.push(Line::from(line));
    if opened.remarks.iter().all(|p| matches!(p, Piece::Same(t) if t.trim().is_empty())) {
        lines = vec![Line::styled(app.texts().history_no_remarks, theme.muted)];
    }
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The version opened, in a window below the rows.
fn version(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    screen: &HistoryScreen,
    (opened, paragraph): (&OpenedVersion, Paragraph),
) {
    let texts = app.texts();
    let theme = ctx.theme;
    let when = match &opened.row.commit {
        Some(c) => format!("{} · {} · {}", c.id, c.date, c.summary),
        None => texts.history_uncommitted.to_string(),
    };
    let title = fill(texts.history_version, &[("place", &screen.of.place()), ("version", &when)]);
    let heading = if opened.compared { texts.history_compared } else { texts.history_first };
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme.title))
        .title_bottom(Span::styled(format!(" {heading} "), theme.muted))
        .border_style(theme.border_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let total = paragraph.line_count(inner.width);
    view.viewport.history_max = total.saturating_sub(inner.height as usize);
    let scroll = screen.scroll.min(view.viewport.history_max) as u16;
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}
