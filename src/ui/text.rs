//! Text shaping shared by the screens: widths, ellipses, bars, emphasis and match highlights.

pub use crate::columns::{ellipsize, fit};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::theme::Theme;
use crate::model::Status;

/// A text with its `{count}` filled in.
pub fn fill_count(template: &str, count: usize) -> String {
    crate::i18n::fill(template, &[("count", &count)])
}

/// The first line of a text, for one-line cells.
pub fn first_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
}

/// A bar of `width` cells filled to `percent`, with eighth-cell steps.
pub fn bar(percent: f64, width: usize) -> (String, String) {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    let eighths = ((percent.clamp(0.0, 100.0) / 100.0) * (width * 8) as f64).round() as usize;
    let full = eighths / 8;
    let mut filled = "█".repeat(full);
    let mut rest = width - full;
    if full < width && !eighths.is_multiple_of(8) {
        filled.push(PARTS[eighths % 8]);
        rest -= 1;
    }
    (filled, "░".repeat(rest))
}

/// A bar and its percentage, styled by status, with a symbol so colour is not the only cue.
pub fn progress_spans(percent: Option<f64>, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let Some(p) = percent else {
        return vec![Span::styled(format!("{} —", " ".repeat(width)), theme.muted)];
    };
    let status = match p.round() as u8 {
        0 => Status::NotStarted,
        100 => Status::Completed,
        _ => Status::InProgress,
    };
    let (filled, empty) = bar(p, width);
    let style = theme.status(status);
    vec![
        Span::styled(filled, style),
        Span::styled(empty, theme.gauge_empty),
        Span::styled(format!(" {:>4}", crate::model::format_percent(Some(p))), style),
        Span::styled(format!(" {}", status_symbol(status)), style),
    ]
}

/// A one-cell sign for a status.
pub fn status_symbol(status: Status) -> &'static str {
    match status {
        Status::Completed => "✓",
        Status::InProgress => "◐",
        Status::NotStarted => "○",
    }
}

/// A line of text with its emphasis (`*…*`) in italics and matches of `query` highlighted.
pub fn rich_line(text: &str, base: Style, query: Option<&str>, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    for piece in crate::emphasis::pieces(text) {
        let style = if piece.emphasis { base.patch(theme.emphasis) } else { base };
        push_highlighted(&mut spans, piece.text, style, query, theme);
    }
    Line::from(spans)
}

/// Adds `text` to `spans`, marking the matches of `query`.
pub fn push_highlighted(
    spans: &mut Vec<Span<'static>>,
    text: &str,
    style: Style,
    query: Option<&str>,
    theme: &Theme,
) {
    let mut at = 0;
    if let Some(query) = query {
        for range in crate::search::ranges(text, query) {
            if range.start > at {
                spans.push(Span::styled(text[at..range.start].to_string(), style));
            }
            spans.push(Span::styled(
                text[range.clone()].to_string(),
                style.patch(theme.match_highlight),
            ));
            at = range.end;
        }
    }
    if at < text.len() || spans.is_empty() {
        spans.push(Span::styled(text[at..].to_string(), style));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_eighths() {
        assert_eq!(bar(100.0, 4), ("████".to_string(), String::new()));
        assert_eq!(bar(0.0, 4), (String::new(), "░░░░".to_string()));
        assert_eq!(bar(50.0, 4).0, "██");
    }
}
