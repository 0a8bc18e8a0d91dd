//! Where the values of a RON text are: a lenient reading of its structure that keeps the
//! byte offset of every value, so that a problem found after parsing (an unknown action, a
//! key bound twice) can point at the text that holds it. The text has already parsed, so
//! this reading does not check it; it gives up (`None`) on what it does not understand.

use crate::ron_scan::Cursor;

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Node {
    pub at: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    /// A string or a character, decoded.
    Str(String),
    /// An identifier, a number, a boolean: the text as it is.
    Word(String),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// `Name(field: value, …)` or `(field: value, …)`: each field's name and value.
    Struct(Vec<(String, Node)>),
    /// `Name(value, …)` or `(value, …)`, such as `Some("x")`.
    Tuple(Option<String>, Vec<Node>),
}

impl Node {
    /// The value of a struct's field.
    pub fn field(&self, name: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Struct(fields) => fields.iter().find(|(n, _)| n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value inside `Some(…)`, or the value itself.
    pub fn unwrap_some(&self) -> &Node {
        match &self.kind {
            Kind::Tuple(Some(name), items) if name == "Some" && items.len() == 1 => &items[0],
            _ => self,
        }
    }

    /// A map's entries (none for anything else).
    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.kind {
            Kind::Map(entries) => entries,
            _ => &[],
        }
    }

    /// The entry of a map at `index` if its key is `key`, else the first entry with that key.
    pub fn entry(&self, index: usize, key: &str) -> Option<&(Node, Node)> {
        let entries = self.entries();
        let is_key = |(k, _): &&(Node, Node)| matches!(&k.kind, Kind::Str(s) if s == key);
        entries.get(index).filter(is_key).or_else(|| entries.iter().find(is_key))
    }

    /// A list's items (none for anything else).
    pub fn items(&self) -> &[Node] {
        match &self.kind {
            Kind::List(items) => items,
            _ => &[],
        }
    }
}

/// Reads the structure of `text`; `None` where it does not follow.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut reader = Reader { cursor: Cursor::new(text) };
    reader.skip_attributes();
    reader.value()
}

/// Whether `text` holds nothing but white space and comments.
pub(super) fn is_blank(text: &str) -> bool {
    let mut cursor = Cursor::new(text);
    cursor.skip_blank();
    cursor.rest().is_empty()
}

/// A reading of the structure over the cursor that moves through the text.
struct Reader<'a> {
    cursor: Cursor<'a>,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        self.cursor.rest_str()
    }

    fn peek(&self) -> Option<char> {
        self.cursor.peek_char()
    }

    fn bump(&mut self) -> Option<char> {
        self.cursor.bump_char()
    }

    fn skip_blank(&mut self) {
        self.cursor.skip_blank();
    }

    /// Skips `#![enable(…)]` lines at the top.
    fn skip_attributes(&mut self) {
        loop {
            self.skip_blank();
            if !self.rest().starts_with("#!") {
                return;
            }
            match self.rest().find(']') {
                Some(end) => self.cursor.pos += end + 1,
                None => return,
            }
        }
    }

    fn eat(&mut self, expected: char) -> Option<()> {
        self.skip_blank();
        (self.bump()? == expected).then_some(())
    }

    /// Skips a comma after a value, if there is one.
    fn comma(&mut self) {
        self.skip_blank();
        if self.peek() == Some(',') {
            self.bump();
        }
    }

    fn is_word_char(c: char) -> bool {
        c.is_alphanumeric() || "_+-.".contains(c)
    }

    fn word(&mut self) -> String {
        let start = self.cursor.pos;
        while self.peek().is_some_and(Reader::is_word_char) {
            self.bump();
        }
        self.cursor.text[start..self.cursor.pos].to_string()
    }

    fn value(&mut self) -> Option<Node> {
        self.skip_blank();
        let at = self.cursor.pos;
        let kind = match self.peek()? {
            '"' => Kind::Str(self.string()?),
            '\'' => {
                self.bump();
                let c = match self.bump()? {
                    '\\' => escape(self.bump()?, self)?,
                    c => c,
                };
                self.eat('\'')?;
                Kind::Str(c.to_string())
            }
            'r' if self.cursor.is_raw_string() => Kind::Str(self.cursor.raw_string()?.to_string()),
            'b' if self.rest()[1..].starts_with('"') => {
                self.bump();
                Kind::Str(self.string()?)
            }
            '[' => {
                self.bump();
                let mut items = Vec::new();
                loop {
                    self.skip_blank();
                    if self.peek()? == ']' {
                        self.bump();
                        break Kind::List(items);
                    }
                    items.push(self.value()?);
                    self.comma();
                }
            }
            '{' => {
                self.bump();
                let mut entries = Vec::new();
                loop {
                    self.skip_blank();
                    if self.peek()? == '}' {
                        self.bump();
                        break Kind::Map(entries);
                    }
                    let key = self.value()?;
                    self.eat(':')?;
                    let value = self.value()?;
                    entries.push((key, value));
                    self.comma();
                }
            }
            '(' => self.group(None)?,
            c if Reader::is_word_char(c) => {
                let word = self.word();
                let before = self.cursor.pos;
                self.skip_blank();
                if self.peek() == Some('(') {
                    self.group(Some(word))?
                } else {
                    self.cursor.pos = before;
                    Kind::Word(word)
                }
            }
            _ => return None,
        };
        Some(Node { at, kind })
    }

    /// A parenthesised struct or tuple, the reader at its `(`.
    fn group(&mut self, name: Option<String>) -> Option<Kind> {
        self.bump();
        self.skip_blank();
        let start = self.cursor.pos;
        let field = self.word();
        self.skip_blank();
        let is_struct = !field.is_empty() && self.peek() == Some(':');
        self.cursor.pos = start;
        if is_struct {
            let mut fields = Vec::new();
            loop {
                self.skip_blank();
                if self.peek()? == ')' {
                    self.bump();
                    return Some(Kind::Struct(fields));
                }
                let field = self.word();
                if field.is_empty() {
                    return None;
                }
                self.eat(':')?;
                fields.push((field, self.value()?));
                self.comma();
            }
        }
        let mut items = Vec::new();
        loop {
            self.skip_blank();
            if self.peek()? == ')' {
                self.bump();
                // `()` is an empty struct as much as an empty tuple.
                return Some(match (&name, items.is_empty()) {
                    (None, true) => Kind::Struct(Vec::new()),
                    _ => Kind::Tuple(name, items),
                });
            }
            items.push(self.value()?);
            self.comma();
        }
    }

    /// A quoted string, the reader at its `"`.
    fn string(&mut self) -> Option<String> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(text),
                '\\' => {
                    let c = self.bump()?;
                    if c == '\n' {
                        // A line continuation: the line break and the next line's indent go.
                        while self.peek().is_some_and(char::is_whitespace) {
                            self.bump();
                        }
                    } else {
                        text.push(escape(c, self)?);
                    }
                }
                c => text.push(c),
            }
        }
    }
}

/// The character an escape stands for, `c` being what follows the backslash.
fn escape(c: char, reader: &mut Reader) -> Option<char> {
    Some(match c {
        'n' => '\n',
        't' => '\t',
        'r' => '\r',
        '0' => '\0',
        'x' => {
            let hex: String = [reader.bump()?, reader.bump()?].iter().collect();
            char::from(u8::from_str_radix(&hex, 16).ok()?)
        }
        'u' => {
            if reader.bump()? != '{' {
                return None;
            }
            let mut hex = String::new();
            loop {
                match reader.bump()? {
                    '}' => break,
                    c => hex.push(c),
                }
            }
            char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?
        }
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_values_past_comments_and_strings() {
        let text = "#![enable(implicit_some)]\n// top\n(\n    theme: \"no-color\", /* a (nested /* one */) */\n    keys: {\n        \"activities\": { \"save\": [\"ctrl-s\", 'p', r#\"x\"#] },\n    },\n    file: Some(\"a\\\"b\"),\n    lang: None,\n)";
        let root = parse(text).expect("reads");
        let theme = root.field("theme").expect("theme");
        assert_eq!(theme.kind, Kind::Str("no-color".into()));
        assert_eq!(&text[theme.at..theme.at + 3], "\"no");
        let keys = root.field("keys").expect("keys");
        let (context, actions) = keys.entry(0, "activities").expect("activities");
        assert_eq!(&text[context.at..context.at + 4], "\"act");
        let (_, list) = actions.entry(0, "save").expect("save");
        let items: Vec<&Kind> = list.items().iter().map(|n| &n.kind).collect();
        assert_eq!(
            items,
            [&Kind::Str("ctrl-s".into()), &Kind::Str("p".into()), &Kind::Str("x".into())]
        );
        let file = root.field("file").expect("file").unwrap_some();
        assert_eq!(file.kind, Kind::Str("a\"b".into()));
        assert_eq!(root.field("lang").map(|n| &n.kind), Some(&Kind::Word("None".into())));
        assert!(keys.entry(3, "nowhere").is_none());
    }

    #[test]
    fn empty_and_named_structs() {
        assert_eq!(parse(" () ").map(|n| n.kind), Some(Kind::Struct(Vec::new())));
        let named = parse("Config(lang: \"es\")").expect("reads");
        assert!(named.field("lang").is_some());
        assert_eq!(parse("(theme: "), None);
    }
}
