//! The header line: the report's symbol and title, the file, the modified mark, and the
//! programme's progress.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::text::{bar, ellipsize};
use super::theme::Theme;
use crate::app::App;
use crate::format::signed_points;
use crate::i18n::fill;
use crate::model::format_percent;

/// The columns the title and file keep before the header's marks shorten.
const MIN_TITLE: usize = 40;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = area.width as usize;
    let progress = app.figures().programme_progress();
    let (filled, empty) = bar(progress.unwrap_or(0.0), 10);
    let change = app
        .baseline()
        .map(|b| format!(" ({})", signed_points(b.comparison.delta())))
        .unwrap_or_default();
    let texts = app.texts();
    let figure =
        format!(" {} {filled}{empty} {:>4}{change} ", texts.programme, format_percent(progress));
    // Read-only says who holds the report, at all times; it has nothing to save.
    let modified = match app.read_only() {
        Some(h) => {
            let since = texts.local_time(&h.since);
            let mark =
                [("pid", &h.pid as &dyn std::fmt::Display), ("host", &h.host), ("since", &since)];
            format!(" ✗ {} ", fill(texts.read_only_mark, &mark))
        }
        None if app.is_modified() => format!(" ● {} ", texts.modified),
        None => String::new(),
    };
    // A new round's symbol or title still carried over from the last: said until set.
    let report = app.report();
    let fields: Vec<&str> = [
        (report.symbol_to_assign(), texts.field_symbol),
        (report.title_to_set(), texts.field_report_title),
    ]
    .into_iter()
    .filter_map(|(carried, name)| carried.then_some(name))
    .collect();
    let modified = if fields.is_empty() {
        modified
    } else {
        format!(
            " ⚠ {} {modified}",
            fill(texts.previous_round_mark, &[("fields", &fields.join(", "))])
        )
    };
    // While conflicts from a merge are left, their count, whatever the screen.
    let left = app.document().conflicts_left();
    let modified = match left {
        0 => modified,
        _ => format!(" ⚠ {} {modified}", fill(texts.conflicts_mark, &[("count", &left)])),
    };
    // The checks' findings that ask for a look, while there are any.
    let to_check = app.findings_to_look_at();
    let checks = match to_check {
        0 => String::new(),
        count => format!(" ! {} ", fill(texts.checks_mark, &[("count", &count)])),
    };
    // Short of room, the mark keeps only its count, and the title keeps some room.
    let used = figure.width() + modified.width();
    let checks = if width.saturating_sub(used + checks.width()) >= MIN_TITLE {
        checks
    } else if to_check > 0 && width.saturating_sub(used + 6) >= MIN_TITLE / 2 {
        format!(" !{to_check} ")
    } else {
        String::new()
    };
    let room = width.saturating_sub(figure.width() + modified.width() + checks.width());
    // The file name matters more than the title when room is short.
    let path = ellipsize(&app.path().display().to_string(), room.saturating_sub(12).max(room / 2));
    let path = format!(" {path} ");
    let room = room.saturating_sub(path.width());
    let title = format!(" {} · {}", app.report().symbol, app.report().title);
    let title = super::text::fit(&ellipsize(&title, room), room);
    let mut spans = vec![
        Span::styled(title, theme.header.patch(theme.title)),
        Span::styled(path, theme.header),
    ];
    if !modified.is_empty() {
        spans.push(Span::styled(modified, theme.modified));
    }
    if !checks.is_empty() {
        spans.push(Span::styled(checks, theme.modified));
    }
    spans.push(Span::styled(figure, theme.header));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.header), area);
}
