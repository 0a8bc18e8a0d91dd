//! Text safe to show on a terminal or to put in an export: control characters other than
//! line feed and tab (the rest of C0, DEL, C1) are written as visible escapes (`\u{1b}`),
//! so report text can never clear a screen, set a window title or hide what follows.

use std::borrow::Cow;
use std::io::{self, Write};

/// Whether `c` would act on a terminal instead of showing: a control character other than a
/// line feed or a tab.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with every unsafe character written as its escape (`\u{1b}`); borrowed when there
/// is none, which is nearly always.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes UTF-8 text on as [`printable`] would write it, whatever pieces it
/// comes in (a C1 character is two bytes, which a buffer may split).
pub struct Printable<W: Write> {
    inner: W,
    /// The first byte of a two-byte character seen at the end of the last piece.
    held: Option<u8>,
}

impl<W: Write> Printable<W> {
    pub fn new(inner: W) -> Printable<W> {
        Printable { inner, held: None }
    }

    fn escape(&mut self, code: u8) -> io::Result<()> {
        write!(self.inner, "{}", char::from(code).escape_unicode())
    }
}

impl<W: Write> Write for Printable<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = Vec::with_capacity(buf.len() + 1);
        bytes.extend(self.held.take());
        bytes.extend_from_slice(buf);
        let mut plain = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let escaped = match b {
                b'\n' | b'\t' => None,
                0x00..=0x1f | 0x7f => Some((b, 1)),
                // U+0080 to U+009F are 0xC2 0x80 to 0xC2 0x9F in UTF-8.
                0xc2 => match bytes.get(i + 1) {
                    Some(&n @ 0x80..=0x9f) => Some((n, 2)),
                    Some(_) => None,
                    None => {
                        self.inner.write_all(&bytes[plain..i])?;
                        self.held = Some(b);
                        return Ok(buf.len());
                    }
                },
                _ => None,
            };
            match escaped {
                Some((code, length)) => {
                    self.inner.write_all(&bytes[plain..i])?;
                    self.escape(code)?;
                    i += length;
                    plain = i;
                }
                None => i += 1,
            }
        }
        self.inner.write_all(&bytes[plain..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(b) = self.held.take() {
            self.inner.write_all(&[b])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        let text = "a\u{1b}]0;title\u{7}b\n\tc\u{9b}2J\u{7f}é\r";
        let want = "a\\u{1b}]0;title\\u{7}b\n\tc\\u{9b}2J\\u{7f}é\\u{d}";
        assert_eq!(printable(text), want);
        assert!(matches!(printable("plain é 中"), Cow::Borrowed(_)));
        // The writer gives the same, however the bytes are split.
        for split in 0..=text.len() {
            let mut out = Printable::new(Vec::new());
            out.write_all(&text.as_bytes()[..split]).unwrap();
            out.write_all(&text.as_bytes()[split..]).unwrap();
            out.flush().unwrap();
            assert_eq!(String::from_utf8(out.inner).unwrap(), want, "split at {split}");
        }
    }
}
