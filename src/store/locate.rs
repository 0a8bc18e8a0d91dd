//! Finds where a field path sits in RON text, so problems found in the model can be reported
//! as `file:line:column` like the parser's own errors.

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

/// The 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat(&mut self, expected: char) -> Option<()> {
        self.skip_blank();
        (self.bump()? == expected).then_some(())
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    /// Skips white space and comments.
    fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            if rest.starts_with("//") {
                self.pos += rest.find('\n').unwrap_or(rest.len());
            } else if rest.starts_with("/*") {
                self.pos += rest.find("*/").map_or(rest.len(), |i| i + 2);
            } else if self.peek().is_some_and(char::is_whitespace) {
                self.bump();
            } else {
                return;
            }
        }
    }

    fn ident(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.bump();
        }
        &self.text[start..self.pos]
    }

    /// Moves to the value of `name` in the struct that starts here.
    fn enter_field(&mut self, name: &str) -> Option<()> {
        self.skip_blank();
        self.ident();
        self.eat('(')?;
        loop {
            self.skip_blank();
            if self.peek()? == ')' {
                return None;
            }
            let found = self.ident() == name;
            self.eat(':')?;
            if found {
                return Some(());
            }
            self.skip_value()?;
            self.skip_blank();
            if self.peek() == Some(',') {
                self.bump();
            }
        }
    }

    /// Moves to item `n` of the list that starts here.
    fn enter_item(&mut self, n: usize) -> Option<()> {
        self.eat('[')?;
        for _ in 0..n {
            self.skip_blank();
            if self.peek()? == ']' {
                return None;
            }
            self.skip_value()?;
            self.eat(',')?;
        }
        self.skip_blank();
        (self.peek()? != ']').then_some(())
    }

    fn skip_value(&mut self) -> Option<()> {
        self.skip_blank();
        match self.peek()? {
            '"' => self.skip_string(),
            '\'' => {
                self.bump();
                while self.bump()? != '\'' {}
                Some(())
            }
            '(' | '[' | '{' => self.skip_group(),
            'r' if self.rest()[1..].starts_with(['"', '#']) => self.skip_raw_string(),
            c if c.is_alphanumeric() || c == '_' => {
                self.ident();
                self.skip_blank();
                if self.peek() == Some('(') {
                    self.skip_group()?;
                }
                Some(())
            }
            _ => {
                while self.peek().is_some_and(|c| c.is_alphanumeric() || "+-._".contains(c)) {
                    self.bump();
                }
                Some(())
            }
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        self.bump();
        loop {
            match self.bump()? {
                '\\' => {
                    self.bump()?;
                }
                '"' => return Some(()),
                _ => {}
            }
        }
    }

    fn skip_raw_string(&mut self) -> Option<()> {
        self.bump();
        let hashes = self.rest().chars().take_while(|&c| c == '#').count();
        self.pos += hashes;
        self.eat('"')?;
        let end = format!("\"{}", "#".repeat(hashes));
        self.pos += self.rest().find(&end)? + end.len();
        Some(())
    }

    /// Skips a bracketed value with everything nested in it.
    fn skip_group(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_blank();
            match self.peek()? {
                '"' => self.skip_string()?,
                '(' | '[' | '{' => {
                    depth += 1;
                    self.bump();
                }
                ')' | ']' | '}' => {
                    depth -= 1;
                    self.bump();
                    if depth == 0 {
                        return Some(());
                    }
                }
                'r' if self.rest()[1..].starts_with(['"', '#']) => self.skip_raw_string()?,
                _ => {
                    self.bump();
                }
            }
        }
    }
}

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
