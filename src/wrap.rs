//! Remarks wrapped at a width as the screen wraps them (word by word, as ratatui's
//! `Paragraph` with `Wrap { trim: false }` does), kept as byte ranges of the text: a text of
//! any size is wrapped once into this index, and only the lines on screen are ever styled
//! and drawn.
//!
//! The text is shown paragraph by paragraph (split at `\n`), with the `*` that mark emphasis
//! hidden, as `emphasis::pieces` reads them (`ui::text::rich_line`).

use std::collections::VecDeque;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// One line on screen: the bytes `start..end` of the text (emphasis marks and control
/// characters in it are not shown), and how many emphases are open where it starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrappedLine {
    pub start: usize,
    pub end: usize,
    pub depth: u32,
}

/// A paragraph of the text: its bytes, its emphasis marks (a range of `Wrapped::marks`) and
/// its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub marks: std::ops::Range<usize>,
    pub first_line: usize,
}

/// A text wrapped at a width: every line on screen, the paragraphs they belong to, and the
/// `*` that mark emphasis (byte offsets in the text, and whether each opens).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    pub width: u16,
    pub lines: Vec<WrappedLine>,
    pub paragraphs: Vec<Paragraph>,
    pub marks: Vec<(usize, bool)>,
}

impl Wrapped {
    /// `text` wrapped at `width`.
    pub fn new(text: &str, width: u16) -> Wrapped {
        let mut wrapped = Wrapped { width, ..Wrapped::default() };
        let mut start = 0;
        loop {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let first_mark = wrapped.marks.len();
            let marks = crate::emphasis::marks(&text[start..end]);
            wrapped.marks.extend(marks.into_iter().map(|(at, opens)| (start + at, opens)));
            let marks = first_mark..wrapped.marks.len();
            let first_line = wrapped.lines.len();
            let paragraph = Paragraph { start, end, marks, first_line };
            Wrapper::new(width, &mut wrapped.lines).paragraph(text, &paragraph, &wrapped.marks);
            wrapped.paragraphs.push(paragraph);
            if end == text.len() {
                return wrapped;
            }
            start = end + 1;
        }
    }

    /// `text`, one paragraph without `\n`, wrapped at `width` as written: its `*` shown and
    /// counted (the editor shows the text as it is).
    pub fn plain(text: &str, width: u16) -> Vec<WrappedLine> {
        let mut lines = Vec::new();
        let paragraph = Paragraph { start: 0, end: text.len(), marks: 0..0, first_line: 0 };
        Wrapper::new(width, &mut lines).paragraph(text, &paragraph, &[]);
        lines
    }

    /// The paragraph that line `line` belongs to.
    pub fn paragraph_of(&self, line: usize) -> &Paragraph {
        let at = self.paragraphs.partition_point(|p| p.first_line <= line);
        &self.paragraphs[at.saturating_sub(1)]
    }
}

/// A grapheme as the wrapper sees it: its bytes, cells, whether it is white space, and
/// how many emphases are open at it.
#[derive(Debug, Clone, Copy)]
struct Grapheme {
    start: usize,
    end: usize,
    width: u16,
    space: bool,
    depth: u32,
}

/// Bytes with the emphases open where they start.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    depth: u32,
}

impl Run {
    fn extend(run: &mut Option<Run>, g: &Grapheme) {
        match run {
            Some(r) => r.end = g.end,
            None => *run = Some(Run { start: g.start, end: g.end, depth: g.depth }),
        }
    }
}

/// ratatui's `WordWrapper` (ratatui-widgets `reflow.rs`, `trim: false`), step for step, on
/// byte ranges instead of copies of the graphemes.
struct Wrapper<'a> {
    max: u16,
    out: &'a mut Vec<WrappedLine>,
    line: Option<Run>,
    line_width: u16,
    word: Option<Run>,
    word_width: u16,
    spaces: VecDeque<Grapheme>,
    spaces_width: u16,
    after_word: bool,
    emitted: bool,
    /// Where the last grapheme seen ended, for an empty line's place.
    at: usize,
}

impl<'a> Wrapper<'a> {
    fn new(max: u16, out: &'a mut Vec<WrappedLine>) -> Wrapper<'a> {
        Wrapper {
            max,
            out,
            line: None,
            line_width: 0,
            word: None,
            word_width: 0,
            spaces: VecDeque::new(),
            spaces_width: 0,
            after_word: false,
            emitted: false,
            at: 0,
        }
    }

    fn paragraph(mut self, text: &str, p: &Paragraph, marks: &[(usize, bool)]) {
        self.at = p.start;
        let mut part = p.start;
        let mut depth = 0;
        for &(mark, opens) in &marks[p.marks.clone()] {
            self.part(text, part, mark, depth);
            depth = if opens { depth + 1 } else { depth.saturating_sub(1) };
            part = mark + 1;
        }
        self.part(text, part, p.end, depth);
        self.finish();
    }

    /// The graphemes of `text[start..end]`, segmented on their own as a span's are.
    fn part(&mut self, text: &str, start: usize, end: usize, depth: u32) {
        let bytes = text.as_bytes();
        let mut i = start;
        while i < end {
            let b = bytes[i];
            if i + 1 == end || bytes[i + 1] < 0x80 {
                if b >= 0x80 {
                    // A multi-byte character ends at `end` or before ASCII: never here.
                } else if b.is_ascii_control() {
                    i += 1;
                    continue;
                } else if b.is_ascii_graphic() {
                    // A word of ASCII: the bytes up to a space, a control or a byte that
                    // could join the next character into one grapheme.
                    let mut j = i + 1;
                    while j < end
                        && bytes[j].is_ascii_graphic()
                        && (j + 1 == end || bytes[j + 1] < 0x80)
                    {
                        j += 1;
                    }
                    self.ascii_word(i, j, depth);
                    i = j;
                    continue;
                } else {
                    let g = Grapheme { start: i, end: i + 1, width: 1, space: b == b' ', depth };
                    self.grapheme(g);
                    i += 1;
                    continue;
                }
            }
            // Up to the next boundary between two ASCII bytes, which is always a grapheme
            // boundary (a line feed never occurs inside a paragraph).
            let mut j = i + 1;
            while j < end && !(bytes[j] < 0x80 && bytes[j - 1] < 0x80) {
                j += 1;
            }
            for (offset, symbol) in text[i..j].grapheme_indices(true) {
                if symbol.contains(char::is_control) {
                    continue;
                }
                let g = Grapheme {
                    start: i + offset,
                    end: i + offset + symbol.len(),
                    width: symbol.cell_width(),
                    space: is_whitespace(symbol),
                    depth,
                };
                self.grapheme(g);
            }
            i = j;
        }
    }

    /// Bytes `start..end` of printable ASCII but a space, each a grapheme of one cell: what
    /// [`Wrapper::grapheme`] does with each, done for many at once while none of them can
    /// end the line (none is a space, and the line has room for them all).
    fn ascii_word(&mut self, start: usize, end: usize, depth: u32) {
        let mut i = start;
        while i < end {
            let used = usize::from(self.line_width)
                + usize::from(self.spaces_width)
                + usize::from(self.word_width);
            let room = usize::from(self.max).saturating_sub(used);
            let n = room.min(end - i);
            if n == 0 {
                self.grapheme(Grapheme { start: i, end: i + 1, width: 1, space: false, depth });
                i += 1;
                continue;
            }
            // As `grapheme` for each: no overflow, the line not full, the word not past it.
            let g = Grapheme { start: i, end: i + n, width: 0, space: false, depth };
            Run::extend(&mut self.word, &g);
            self.word_width += n as u16;
            self.after_word = true;
            self.at = i + n;
            i += n;
        }
    }

    fn grapheme(&mut self, g: Grapheme) {
        self.at = g.end;
        if g.width > self.max {
            return;
        }
        let word_found = self.after_word && g.space;
        let overflow =
            self.line.is_none() && self.word_width + self.spaces_width + g.width > self.max;
        if word_found || overflow {
            for s in self.spaces.drain(..) {
                Run::extend(&mut self.line, &s);
            }
            self.line_width += self.spaces_width;
            if let Some(word) = self.word.take() {
                match &mut self.line {
                    Some(line) => line.end = word.end,
                    None => self.line = Some(word),
                }
            }
            self.line_width += self.word_width;
            self.spaces_width = 0;
            self.word_width = 0;
        }
        let line_full = self.line_width >= self.max;
        let word_overflow =
            g.width > 0 && self.line_width + self.spaces_width + self.word_width >= self.max;
        if line_full || word_overflow {
            let mut remaining = self.max.saturating_sub(self.line_width);
            self.emit(g.start);
            while let Some(front) = self.spaces.front() {
                if front.width > remaining {
                    break;
                }
                self.spaces_width -= front.width;
                remaining -= front.width;
                self.spaces.pop_front();
            }
            if g.space && self.spaces.is_empty() {
                return;
            }
        }
        if g.space {
            self.spaces_width += g.width;
            self.spaces.push_back(g);
        } else {
            self.word_width += g.width;
            Run::extend(&mut self.word, &g);
        }
        self.after_word = !g.space;
    }

    /// Ends the pending line; an empty one is placed at `at`.
    fn emit(&mut self, at: usize) {
        let line = self.line.take().unwrap_or(Run { start: at, end: at, depth: 0 });
        self.out.push(WrappedLine { start: line.start, end: line.end, depth: line.depth });
        self.line_width = 0;
        self.emitted = true;
    }

    fn finish(mut self) {
        for s in std::mem::take(&mut self.spaces) {
            Run::extend(&mut self.line, &s);
        }
        if let Some(word) = self.word.take() {
            match &mut self.line {
                Some(line) => line.end = word.end,
                None => self.line = Some(word),
            }
        }
        if self.line.is_some() || !self.emitted {
            self.emit(self.at);
        }
    }
}

/// White space as ratatui's wrapping sees it: a zero-width space is, a no-break space not.
fn is_whitespace(symbol: &str) -> bool {
    symbol == "\u{200b}" || symbol.chars().all(char::is_whitespace) && symbol != "\u{a0}"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, width: u16) -> Vec<&str> {
        Wrapped::new(text, width).lines.iter().map(|l| &text[l.start..l.end]).collect()
    }

    #[test]
    fn wraps_at_words_and_keeps_paragraphs() {
        assert_eq!(shown("one two three", 8), ["one two", "three"]);
        assert_eq!(shown("a\n\nb", 8), ["a", "", "b"]);
        assert_eq!(shown("", 8), [""]);
        assert_eq!(shown("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn emphasis_marks_are_not_counted_and_a_lone_one_is() {
        let w = Wrapped::new("*ab* cd", 5);
        assert_eq!(w.lines.len(), 1);
        let w = Wrapped::new("*ab cd", 5);
        assert_eq!(w.lines.len(), 2);
        let w = Wrapped::new("xx *abcdef* y", 4);
        assert!(w.lines.iter().any(|l| l.depth > 0));
        // A `*` that marks nothing is text, counted where it stands.
        let w = Wrapped::new("2*3 *ab*", 5);
        assert_eq!(w.marks, [(4, true), (7, false)]);
        assert_eq!(w.lines.len(), 2);
    }
}
