//! Moving over RON text without parsing it: blanks, comments (block comments nest, as in the
//! parser), strings and bracketed values. It finds where a field path or a report's groups
//! stand in a file and where a configuration's values are; the parser has the last word on
//! what the text means.

/// A position in RON text, moved over it byte by byte: everything RON's structure is made of
/// is ASCII, and a scan that stops only at ASCII bytes stays on character boundaries.
pub(crate) struct Cursor<'a> {
    pub text: &'a str,
    pub pos: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Cursor<'a> {
        Cursor { text, pos: 0 }
    }

    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    pub fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    pub fn eat(&mut self, expected: u8) -> Option<()> {
        self.skip_blank();
        (self.bump()? == expected).then_some(())
    }

    pub fn rest(&self) -> &[u8] {
        &self.text.as_bytes()[self.pos..]
    }

    /// The rest of the text; the cursor must stand on a character boundary.
    pub fn rest_str(&self) -> &'a str {
        &self.text[self.pos..]
    }

    pub fn peek_char(&self) -> Option<char> {
        self.rest_str().chars().next()
    }

    pub fn bump_char(&mut self) -> Option<char> {
        let c = self.peek_char()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Skips white space and comments.
    pub fn skip_blank(&mut self) {
        loop {
            let rest = self.rest();
            match rest {
                [b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c, ..] => self.pos += 1,
                [b'/', b'/', ..] => self.pos += memchr::memchr(b'\n', rest).unwrap_or(rest.len()),
                [b'/', b'*', ..] => self.skip_block_comment(),
                [0x80..=0xff, ..] => match self.peek_char() {
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
    pub fn is_name_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
    }

    pub fn ident(&mut self) -> &str {
        let start = self.pos;
        while self.peek().is_some_and(Cursor::is_name_byte) {
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// Moves to the value of `name` in the struct that starts here.
    pub fn enter_field(&mut self, name: &str) -> Option<()> {
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
    pub fn enter_item(&mut self, n: usize) -> Option<()> {
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

    pub fn is_raw_string(&self) -> bool {
        matches!(self.rest(), [b'r', b'"' | b'#', ..])
    }

    pub fn skip_value(&mut self) -> Option<()> {
        self.skip_blank();
        match self.peek()? {
            b'"' => self.skip_string(),
            b'\'' => {
                self.bump();
                while self.bump()? != b'\'' {}
                Some(())
            }
            b'(' | b'[' | b'{' => self.skip_group(),
            _ if self.is_raw_string() => self.raw_string().map(|_| ()),
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
    pub fn skip_string(&mut self) -> Option<()> {
        self.bump();
        loop {
            self.pos += memchr::memchr2(b'"', b'\\', self.rest())?;
            if self.bump()? == b'"' {
                return Some(());
            }
            self.bump()?;
        }
    }

    /// A raw string `r#"…"#`, the cursor at its `r`: its text, and the cursor past it.
    pub fn raw_string(&mut self) -> Option<&'a str> {
        self.bump();
        let hashes = self.rest().iter().take_while(|&&b| b == b'#').count();
        self.pos += hashes;
        if self.bump()? != b'"' {
            return None;
        }
        let end = format!("\"{}", "#".repeat(hashes));
        let length = memchr::memmem::find(self.rest(), end.as_bytes())?;
        let text = &self.text[self.pos..self.pos + length];
        self.pos += length + end.len();
        Some(text)
    }

    /// Skips a bracketed value with everything nested in it.
    pub fn skip_group(&mut self) -> Option<()> {
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
                b'r' if self.is_raw_string() => self.raw_string().map(|_| ())?,
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

/// What RON text holds besides its value, which a writer of its own layout does not keep:
/// comments of each kind, and whether a line ends in CR LF outside a string (inside one it
/// is part of the text, and kept).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Asides {
    pub line_comments: usize,
    pub block_comments: usize,
    pub crlf: bool,
}

/// The comments and line endings of `text`, found as the parser finds them: `//` or `/*`
/// inside a string is text, not a comment.
pub(crate) fn asides(text: &str) -> Asides {
    let mut asides = Asides::default();
    let mut cursor = Cursor::new(text);
    // Where the text outside strings (blanks, comments, structure) began.
    let mut outside = 0;
    let crlf_in = |from: usize, to: usize| {
        memchr::memmem::find(&text.as_bytes()[from..to], b"\r\n").is_some()
    };
    while let Some(at) = cursor.rest().iter().position(|b| b"\"/r'".contains(b)) {
        cursor.pos += at;
        let start = cursor.pos;
        let starts_token = start == 0 || !Cursor::is_name_byte(text.as_bytes()[start - 1]);
        match cursor.rest() {
            [b'"', ..] => {
                asides.crlf |= crlf_in(outside, start);
                if cursor.skip_string().is_none() {
                    // An unterminated string runs to the end.
                    return asides;
                }
                outside = cursor.pos;
            }
            [b'/', b'/', ..] => {
                asides.line_comments += 1;
                cursor.pos += memchr::memchr(b'\n', cursor.rest()).unwrap_or(cursor.rest().len());
            }
            [b'/', b'*', ..] => {
                asides.block_comments += 1;
                cursor.skip_block_comment();
            }
            [b'r', ..] if starts_token && cursor.is_raw_string() => {
                asides.crlf |= crlf_in(outside, start);
                match cursor.raw_string() {
                    Some(_) => outside = cursor.pos,
                    // A raw name (`r#type`), or a raw string left open.
                    None => cursor.pos = start + 1,
                }
            }
            [b'\'', b'\\', ..] => {
                // An escaped character: on to the quote that closes it.
                cursor.pos += 2;
                cursor.pos += memchr::memchr(b'\'', cursor.rest()).map_or(0, |at| at + 1);
            }
            [b'\'', ..] => {
                cursor.bump();
                cursor.bump_char();
            }
            _ => cursor.pos += 1,
        }
    }
    asides.crlf |= crlf_in(outside, text.len());
    asides
}

#[cfg(test)]
mod tests {
    use super::{Asides, asides};

    #[test]
    fn comments_are_counted_by_kind_and_never_inside_strings() {
        let text = "// head\nReport(\n  /* a /* nested */ one */ title: \"a // b /* c */\",\
                    \n  remarks: r#\"// not \"# , // tail\n  c: '\"', d: r#type,\n)\n";
        let found = asides(text);
        assert_eq!(found, Asides { line_comments: 2, block_comments: 1, crlf: false });
        assert_eq!(asides("(a: \"http://example.org\")\n"), Asides::default());
    }

    #[test]
    fn crlf_counts_outside_strings_only() {
        assert!(asides("Report(\r\n  a: 1,\r\n)\r\n").crlf);
        assert!(asides("(a: 1) // note\r\n").crlf);
        assert!(!asides("(a: \"one\r\ntwo\")\n").crlf);
        assert!(!asides("(a: r\"one\r\ntwo\")").crlf);
    }
}
