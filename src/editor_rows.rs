//! The text editor's lines as rows on screen: each line (a paragraph of the field) wrapped
//! word by word as the rest of the screen wraps text, so a row never starts with the space
//! it broke at and a word keeps its brackets ("(INEGI)"); and the way between the editor's
//! cursor (line, character) and a place on those rows. Drawing and the cursor's movement
//! up and down both use it, so they agree.

use unicode_width::UnicodeWidthStr;

use crate::wrap::Wrapped;

/// One row on screen: bytes `start..end` of line `line`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// The rows of `lines` wrapped at `width`.
pub fn rows(lines: &[String], width: u16) -> Vec<Row> {
    let width = width.max(1);
    let mut rows = Vec::with_capacity(lines.len());
    for (line, text) in lines.iter().enumerate() {
        rows.extend(Wrapped::plain(text, width).into_iter().map(|l| Row {
            line,
            start: l.start,
            end: l.end,
        }));
    }
    rows
}

/// Where the cursor at character `column` of line `line` is on the rows: the row and the
/// cells before it there. A cursor on the space a row broke at stays at that row's end.
pub fn locate(rows: &[Row], lines: &[String], (line, column): (usize, usize)) -> (usize, usize) {
    let Some(text) = lines.get(line) else { return (rows.len().saturating_sub(1), 0) };
    let byte = text.char_indices().nth(column).map_or(text.len(), |(at, _)| at);
    let first = rows.partition_point(|r| r.line < line);
    let after = rows.partition_point(|r| r.line <= line);
    let row = (first..after).rev().find(|&r| rows[r].start <= byte).unwrap_or(first);
    let Some(found) = rows.get(row) else { return (0, 0) };
    let before = &text[found.start..byte.min(found.end).max(found.start)];
    // Past the row's end (the space it broke at): one cell after its last character.
    let past = usize::from(byte > found.end);
    (row, before.width() + past)
}

/// The cursor (line, character) at `cells` cells into row `row`, or as near as there is.
pub fn at(rows: &[Row], lines: &[String], row: usize, cells: usize) -> (usize, usize) {
    let Some(found) = rows.get(row) else { return (0, 0) };
    let text = &lines[found.line];
    let mut used = 0;
    let mut byte = found.end;
    for (at, c) in text[found.start..found.end].char_indices() {
        let width = c.to_string().width();
        if used + width > cells {
            byte = found.start + at;
            break;
        }
        used += width;
    }
    (found.line, text[..byte].chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.split('\n').map(str::to_string).collect()
    }

    fn shown(text: &str, width: u16) -> Vec<String> {
        let lines = lines(text);
        rows(&lines, width).iter().map(|r| lines[r.line][r.start..r.end].to_string()).collect()
    }

    #[test]
    fn rows_never_start_with_a_space_and_keep_bracketed_words_whole() {
        let text = "Coordinated by Mexico (INEGI) and Chile";
        for width in 5..text.len() as u16 {
            for row in shown(text, width) {
                assert!(!row.starts_with(' '), "{width}: {row:?}");
                assert!(!row.ends_with('(') && row != ")", "{width}: {row:?}");
            }
        }
        assert_eq!(shown("Mexico (INEGI) and", 10), ["Mexico", "(INEGI)", "and"]);
        assert_eq!(shown("a\n\nb", 8), ["a", "", "b"]);
    }

    #[test]
    fn every_cursor_place_maps_to_a_row_and_back() {
        let lines = lines("one two three four\n\nfive (six) seven");
        let rows = rows(&lines, 9);
        for (line, text) in lines.iter().enumerate() {
            for column in 0..=text.chars().count() {
                let (row, cells) = locate(&rows, &lines, (line, column));
                assert_eq!(rows[row].line, line);
                assert!(cells <= 9, "({line}, {column}) at {cells}");
                let back = at(&rows, &lines, row, cells);
                // The space a row broke at is shown at the row's end: it comes back as
                // the character after the row.
                let text_row = &text[rows[row].start..rows[row].end];
                if column <= rows[row].start + text_row.chars().count() {
                    assert_eq!(back, (line, column), "row {row} cells {cells}");
                }
            }
        }
    }
}
