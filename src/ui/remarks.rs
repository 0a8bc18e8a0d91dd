//! The lines of remarks on screen, from the remarks' wrapped index: each styled as
//! [`rich_line`](super::text::rich_line) styles its whole paragraph (emphasis, matches of
//! the search), looking no further than the line and a little around it.

use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::search::Query;
use crate::wrap;

/// How far around a line a match of the search is looked for: a match that begins further
/// back in a paragraph longer than this is not marked.
const AROUND: usize = 4096;

/// Lines `rows` of `text` wrapped as `wrapped`, styled on `base`.
pub fn lines(
    text: &str,
    wrapped: &wrap::Wrapped,
    rows: std::ops::Range<usize>,
    base: Style,
    query: Option<&Query>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    rows.filter_map(|row| {
        let line = wrapped.lines.get(row)?;
        let paragraph = wrapped.paragraph_of(row);
        let marks = &wrapped.marks[paragraph.marks.clone()];
        let mut spans = Vec::new();
        let mut at = line.start;
        let mut depth = line.depth;
        let first = marks.partition_point(|&(mark, _)| mark < line.start);
        for &(mark, opens) in marks[first..].iter().take_while(|&&(mark, _)| mark < line.end) {
            let piece = Piece { text, start: at, end: mark, emphasis: depth > 0, paragraph, marks };
            piece.push(&mut spans, base, query, theme);
            at = mark + 1;
            depth = if opens { depth + 1 } else { depth.saturating_sub(1) };
        }
        let piece = Piece { text, start: at, end: line.end, emphasis: depth > 0, paragraph, marks };
        piece.push(&mut spans, base, query, theme);
        Some(Line::from(spans))
    })
    .collect()
}

/// `text` wrapped to `width` after `first` (a label, a bullet), its other lines indented as
/// far as `first` is wide, so that a wrapped item reads as one (a bullet's text under its
/// text, not under the bullet).
pub fn hanging(
    first: Vec<Span<'static>>,
    text: &str,
    width: u16,
    base: Style,
    query: Option<&Query>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let indent = first.iter().map(Span::width).sum::<usize>();
    let room = usize::from(width).saturating_sub(indent).max(8);
    let wrapped = wrap::Wrapped::new(text, u16::try_from(room).unwrap_or(u16::MAX));
    let mut prefix = Some(first);
    lines(text, &wrapped, 0..wrapped.lines.len(), base, query, theme)
        .into_iter()
        .map(|line| {
            let mut spans = prefix.take().unwrap_or_else(|| vec![Span::raw(" ".repeat(indent))]);
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// Lines already wrapped, drawn one per row as a wrapping `Paragraph` draws its lines (a
/// wide character that the wrapping let past the edge by a cell is drawn all the same), but
/// never past the edge: ratatui's wrapping can make a line too long (after a zero-width
/// space that follows a zero-width mark), and its `Paragraph` then writes outside its area.
pub struct Wrapped(pub Vec<Line<'static>>);

impl Widget for Wrapped {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (y, line) in (area.top()..area.bottom()).zip(&self.0) {
            let mut x = area.left();
            for grapheme in line.styled_graphemes(Style::default()) {
                let width = grapheme.symbol.cell_width();
                if width == 0 {
                    continue;
                }
                if x >= area.right() {
                    break;
                }
                let symbol = if grapheme.symbol.is_empty() { " " } else { grapheme.symbol };
                buf[Position::new(x, y)].set_symbol(symbol).set_style(grapheme.style);
                x += width;
            }
        }
    }
}

/// Bytes of a line between emphasis marks.
struct Piece<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    emphasis: bool,
    paragraph: &'a wrap::Paragraph,
    /// The paragraph's emphasis marks.
    marks: &'a [(usize, bool)],
}

impl Piece<'_> {
    fn push(
        &self,
        spans: &mut Vec<Span<'static>>,
        base: Style,
        query: Option<&Query>,
        theme: &Theme,
    ) {
        let style = if self.emphasis { base.patch(theme.emphasis) } else { base };
        let mut at = self.start;
        if let Some(query) = query.filter(|q| !q.is_empty()) {
            let (from, to) = self.around();
            for found in query.ranges(&self.text[from..to]) {
                let (start, end) = (from + found.start, from + found.end);
                let (start, end) = (start.max(self.start), end.min(self.end));
                if start >= end {
                    continue;
                }
                if start > at {
                    spans.push(Span::styled(self.text[at..start].to_string(), style));
                }
                let marked = style.patch(theme.match_highlight);
                spans.push(Span::styled(self.text[start..end].to_string(), marked));
                at = end;
            }
        }
        if at < self.end || spans.is_empty() {
            spans.push(Span::styled(self.text[at..self.end].to_string(), style));
        }
    }

    /// The part of the paragraph between emphasis marks that holds this piece, at most
    /// `AROUND` bytes either side of it.
    fn around(&self) -> (usize, usize) {
        let p = self.paragraph;
        let back = self.text.floor_char_boundary(self.start.saturating_sub(AROUND).max(p.start));
        let ahead = self.text.ceil_char_boundary((self.end + AROUND).min(p.end)).max(self.end);
        // The marks nearest before and after the piece bound it.
        let next = self.marks.partition_point(|&(mark, _)| mark < self.end);
        let before =
            self.marks[..next].iter().rev().map(|&(mark, _)| mark).find(|&m| m < self.start);
        let from = before.filter(|&m| m >= back).map_or(back, |m| m + 1);
        let to =
            self.marks.get(next).map(|&(mark, _)| mark).filter(|&m| m < ahead).unwrap_or(ahead);
        (from, to)
    }
}
