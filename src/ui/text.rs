//! Text shaping shared by the screens: widths, ellipses, bars, emphasis and match highlights.

use std::ops::Range;

pub use crate::columns::{ellipsize, fit};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::model::Status;
use crate::search::Query;

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
pub fn rich_line(text: &str, base: Style, query: Option<&Query>, theme: &Theme) -> Line<'static> {
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
    query: Option<&Query>,
    theme: &Theme,
) {
    let mut at = 0;
    if let Some(query) = query {
        for range in query.ranges(text) {
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

/// The line of `text` that holds the byte range `at`, cut to `width` columns around it:
/// "…text before MATCH text after…", an ellipsis wherever something was left out (of the
/// line, or lines before or after it); the matches of `query` highlighted.
pub fn around(
    text: &str,
    at: &Range<usize>,
    width: usize,
    style: Style,
    query: Option<&Query>,
    theme: &Theme,
) -> Line<'static> {
    if width == 0 || at.start > text.len() || !text.is_char_boundary(at.start) {
        return Line::default();
    }
    let line_start = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at.start..].find('\n').map_or(text.len(), |i| at.start + i);
    let line = &text[line_start..line_end];
    let (match_start, match_end) = (at.start - line_start, at.end.min(line_end) - line_start);
    let more_after = !text[line_end..].trim().is_empty();
    let (before, matched, after) = (
        line[..match_start].width(),
        line[match_start..match_end].width(),
        line[match_end..].width(),
    );
    // The columns shown before the match: a third of the room, more when the line ends
    // soon after it.
    let lead = (width.saturating_sub(matched) / 3)
        .max(width.saturating_sub(matched + after + usize::from(more_after)))
        .min(before);
    let mut start = match_start;
    let mut used = 0;
    for (i, c) in line[..match_start].char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > lead {
            break;
        }
        used += w;
        start = i;
    }
    if before <= lead {
        start = 0;
    }
    let mut shown = String::new();
    if start > 0 || line_start > 0 {
        shown.push('…');
    }
    let room = width - shown.width();
    let mut rest = ellipsize(&line[start..], room);
    if more_after && !rest.ends_with('…') {
        rest = ellipsize(&format!("{rest} …"), room);
    }
    shown.push_str(&rest);
    let mut spans = Vec::new();
    push_highlighted(&mut spans, &shown, style, query, theme);
    Line::from(spans)
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

    #[test]
    fn a_match_far_into_a_text_is_shown_with_its_neighbourhood() {
        let theme = Theme::default();
        let shown = |text: &str, word: &str, width: usize| {
            let at = text.find(word).unwrap();
            let line = around(text, &(at..at + word.len()), width, Style::default(), None, &theme);
            line.to_string()
        };
        let text = "The working group met in Santiago and agreed on a REVISIÓN of the manual";
        assert_eq!(shown(text, "REVISIÓN", 30), "…d on a REVISIÓN of the manual");
        assert_eq!(shown(text, "Santiago", 24), "… in Santiago and agree…");
        assert_eq!(shown(text, "The", 20), "The working group m…");
        assert_eq!(shown(text, "manual", 20), "…ISIÓN of the manual");
        assert_eq!(shown("short\nsecond line", "short", 20), "short …");
        assert_eq!(shown("first\nsecond line", "line", 20), "…second line");
        assert!(shown(text, "REVISIÓN", 30).width() <= 30);
    }
}
