//! Finds where a field path sits in RON text, so problems found in the model can be reported
//! as `file:line:column` like the parser's own errors.

use std::ops::Range;

use crate::validate::{FieldPath, Step};

/// The 1-based line and column (in characters) of the value at `path`, if the text has it.
pub fn locate(text: &str, path: &FieldPath) -> Option<(usize, usize)> {
    let mut cursor = Cursor { text, pos: 0 };
    for step in &path.0 {
        match step {
            Step::Field(name) => cursor.enter_field(name)?,
            Step::Index(n) => cursor.enter_item(*n)?,
        }
    }
    cursor.skip_blank();
    Some(line_column(text, cursor.pos))
}

/// Where each item of the report's list of groups stands in `text`, from the first character
/// of its value to the last, as far as a quick scan can tell; `None` when the text does not
/// look like a report with such a list. The parser has the last word on every span.
pub(super) fn group_spans(text: &str) -> Option<Vec<Range<usize>>> {
    let mut cursor = Cursor { text, pos: 0 };
    cursor.enter_field("groups")?;
    cursor.eat(b'[')?;
    let mut spans = Vec::new();
    loop {
        cursor.skip_blank();
        if cursor.peek()? == b']' {
            return Some(spans);
        }
        let start = cursor.pos;
        cursor.skip_value()?;
        spans.push(start..cursor.pos);
        cursor.skip_blank();
        match cursor.bump()? {
            b',' => {}
            b']' => return Some(spans),
            _ => return None,
        }
    }
}

/// The 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A position in RON text, moved over it byte by byte: everything RON's structure is made of
/// is ASCII, and a scan that stops only at ASCII bytes stays on character boundaries.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn eat(&mut self, expected: u8) -> Option<()> {
        self.skip_blank();
        (self.bump()? == expected).then_some(())
    }

    fn rest(&self) -> &[u8] {
        &self.text.as_bytes()[self.pos..]
    }

    /// Skips white space and comments.
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            match rest {
                [b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c, ..] => self.pos += 1,
                [b'/', b'/', ..] => self.pos += memchr::memchr(b'\n', rest).unwrap_or(rest.len()),
                [b'/', b'*', ..] => self.skip_block_comment(),
                [0x80..=0xff, ..] => match self.text[self.pos..].chars().next() {
                    Some(c) if c.is_whitespace() => self.pos += c.len_utf8(),
                    _ => return,
                },
                _ => return,
            }
        }
    }

    /// Skips a block comment, which may hold others, as in the parser.
    fn skip_block_comment(&mut self) {
        let mut level = 0usize;
        loop {
            let Some(at) = memchr::memchr2(b'/', b'*', self.rest()) else {
                self.pos = self.text.len();
                return;
            };
            self.pos += at;
            match self.rest() {
                [b'/', b'*', ..] => level += 1,
                [b'*', b'/', ..] => level -= 1,
                _ => {
                    self.pos += 1;
                    continue;
                }
            }
            self.pos += 2;
            if level == 0 {
                return;
            }
        }
    }

    /// Letters of a name; bytes of characters beyond ASCII count as letters.
    fn is_name_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(Cursor::is_name_byte) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// Moves to the value of `name` in the struct that starts here.
    fn enter_field(&mut self, name: &str) -> Option<()> {
        self.skip_blank();
        self.ident();
        self.eat(b'(')?;
        loop {
            self.skip_blank();
            if self.peek()? == b')' {
                return None;
            }
            let found = self.ident() == name;
            self.eat(b':')?;
            if found {
                return Some(());
            }
            self.skip_value()?;
            self.skip_blank();
            if self.peek() == Some(b',') {
                self.bump();
            }
        }
    }

    /// Moves to item `n` of the list that starts here.
    fn enter_item(&mut self, n: usize) -> Option<()> {
        self.eat(b'[')?;
        for _ in 0..n {
            self.skip_blank();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.eat(b',')?;
        }
        self.skip_blank();
        (self.peek()? != b']').then_some(())
    }

    fn is_raw_string(&self) -> bool {
        matches!(self.rest(), [b'r', b'"' | b'#', ..])
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_blank();
        match self.peek()? {
            b'"' => self.skip_string(),
            b'\'' => {
                self.bump();
                while self.bump()? != b'\'' {}
                Some(())
            }
            b'(' | b'[' | b'{' => self.skip_group(),
            _ if self.is_raw_string() => self.skip_raw_string(),
            b if Cursor::is_name_byte(b) => {
                self.ident();
                self.skip_blank();
                if self.peek() == Some(b'(') {
                    self.skip_group()?;
                }
                Some(())
            }
            _ => {
                while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b"+-._".contains(&b))
                {
                    self.bump();
                }
                Some(())
            }
        }
    }

    /// Skips a string, jumping from one quote or backslash to the next.
    fn skip_string(&mut self) -> Option<()> {
        self.bump();
        loop {
            self.pos += memchr::memchr2(b'"', b'\\', self.rest())?;
            if self.bump()? == b'"' {
                return Some(());
            }
            self.bump()?;
        }
    }

    fn skip_raw_string(&mut self) -> Option<()> {
        self.bump();
        let hashes = self.rest().iter().take_while(|&&b| b == b'#').count();
        self.pos += hashes;
        self.eat(b'"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        self.pos += memchr::memmem::find(self.rest(), end.as_bytes())? + end.len();
        Some(())
    }

    /// Skips a bracketed value with everything nested in it.
    fn skip_group(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            // Names, numbers and blanks are passed over at once: only these bytes matter.
            self.pos += self.rest().iter().position(|&b| OPENS_OR_CLOSES[usize::from(b)])?;
            match self.peek()? {
                b'"' => self.skip_string()?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.bump();
                }
                b')' | b']' | b'}' => {
                    depth -= 1;
                    self.bump();
                    if depth == 0 {
                        return Some(());
                    }
                }
                b'/' if matches!(self.rest(), [_, b'/' | b'*', ..]) => self.skip_blank(),
                b'r' if self.is_raw_string() => self.skip_raw_string()?,
                _ => {
                    self.bump();
                }
            }
        }
    }
}

/// The bytes that may start or end a string, a comment or a bracketed value.
const OPENS_OR_CLOSES: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\"()[]{}/r";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_past_strings_and_comments() {
        let text = "Report(\n    title: \"a ) ] \\\" b\", // note ( [\n    groups: [\n        G(x: (1, 2), y: r#\"q\"#),\n        G(\n            x: [Some(\"é\")],\n            y: 7,\n        ),\n    ],\n)";
        let path = FieldPath::default().field("groups").index(1).field("y");
        assert_eq!(locate(text, &path), Some((7, 16)));
        let title = FieldPath::default().field("title");
        assert_eq!(locate(text, &title), Some((2, 12)));
        let missing = FieldPath::default().field("groups").index(2);
        assert_eq!(locate(text, &missing), None);
    }
}
