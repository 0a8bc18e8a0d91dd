//! The list of the checks' findings: one row per finding (its level, place, rule and what
//! was found), and below it the selected finding in full.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::text::{ellipsize, fit};
use super::theme::Theme;
use super::window::reach;
use super::{Context, ViewState};
use crate::app::App;
use crate::check::{Finding, Level};
use crate::printable::printable;

/// The widest the place and rule columns get.
const PLACE_WIDTH: usize = 16;
const RULE_WIDTH: usize = 30;
/// Rows below the list for the selected finding in full.
const DETAIL_ROWS: u16 = 3;

pub fn draw(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    selected: usize,
    block: Block<'static>,
) {
    let (texts, theme) = (app.texts(), ctx.theme);
    let Some(findings) = app.findings() else {
        let area = body.centered(Constraint::Length(body.width.min(60)), Constraint::Length(3));
        frame.render_widget(Clear, area);
        let running = Line::styled(format!(" {}", texts.checks_running), theme.muted);
        frame.render_widget(Paragraph::new(running).block(block), area);
        return;
    };
    let width = if body.width < 90 { body.width } else { body.width.min(120) };
    // As tall as the findings need, below the header's mark that counts them.
    let height = u16::try_from(findings.len()).unwrap_or(u16::MAX).saturating_add(DETAIL_ROWS + 2);
    let area = Rect { height: height.min(body.height), ..body }
        .centered(Constraint::Length(width), Constraint::Percentage(100));
    let inner = block.inner(area);
    let [list, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(DETAIL_ROWS)]).areas(inner);
    let rows = list.height as usize;
    view.viewport.page = rows.max(1);
    let shows = reach(&mut view.checks_offset, findings.len(), selected, rows);
    let shown = findings.iter().enumerate().skip(view.checks_offset).take_while(|(i, _)| shows(*i));
    let place_width =
        findings.iter().map(|f| f.place_in(texts).width()).max().unwrap_or(0).min(PLACE_WIDTH);
    let rule_width =
        findings.iter().map(|f| f.rule.title(texts).width()).max().unwrap_or(0).min(RULE_WIDTH);
    let message_width = (list.width as usize).saturating_sub(place_width + rule_width + 8);
    let lines: Vec<Line> = shown
        .map(|(i, finding)| {
            // Said only for the rows shown: a large report has many findings.
            let message = ellipsize(&printable(&finding.message(texts)), message_width);
            let line = Line::from(vec![
                Span::styled(
                    format!(" {} ", symbol(finding.level)),
                    level_style(finding.level, theme),
                ),
                Span::styled(
                    format!("{}  ", fit(&finding.place_in(texts), place_width)),
                    theme.label,
                ),
                Span::raw(format!("{}  ", fit(finding.rule.title(texts), rule_width))),
                Span::styled(message, theme.muted),
            ]);
            if i == selected { theme.selected_line(line, true) } else { line }
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    frame.render_widget(Paragraph::new(lines), list);
    if let Some(finding) = findings.get(selected) {
        let rule = Block::new().borders(Borders::TOP).border_style(theme.border);
        let full = Paragraph::new(full(finding, app, theme)).wrap(Wrap { trim: false });
        frame.render_widget(full.block(rule), detail);
    }
}

/// The selected finding in full.
fn full(finding: &Finding, app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let texts = app.texts();
    let title = finding.rule.title(texts);
    vec![
        Line::from(vec![
            Span::styled(format!(" {} {title}: ", finding.place_in(texts)), theme.label),
            Span::raw(printable(&finding.message(texts)).into_owned()),
        ]),
        Line::styled(format!(" {}", finding.path), theme.muted),
    ]
}

/// A finding's level at a glance, as the CLI's words would be too wide.
pub fn symbol(level: Level) -> &'static str {
    match level {
        Level::Error => "✗",
        Level::Warning => "⚠",
        Level::Information => "ℹ",
    }
}

pub fn level_style(level: Level, theme: &Theme) -> ratatui::style::Style {
    match level {
        Level::Error => theme.error,
        Level::Warning => theme.modified,
        Level::Information => theme.info,
    }
}
