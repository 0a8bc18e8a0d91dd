//! Finds where a field path sits in RON text, so problems found in the model can be reported
//! as `file:line:column` like the parser's own errors.

use crate::ron_scan::Cursor;
use crate::validate::{FieldPath, Step};

/// The 1-based line and column (in characters) of the value at `path`, if the text has it.
pub fn locate(text: &str, path: &FieldPath) -> Option<(usize, usize)> {
    let mut cursor = Cursor::new(text);
    for step in &path.0 {
        match step {
            Step::Field(name) => cursor.enter_field(name)?,
            Step::Index(n) => cursor.enter_item(*n)?,
        }
    }
    cursor.skip_blank();
    Some(line_column(text, cursor.pos))
}

/// The field path (`groups[3].activities[2].progress`) of the innermost field being read at
/// byte `offset`, from a scan of the text up to there; it works on text that does not parse,
/// which is where a parser's error stands. `None` outside any field.
pub fn path_at(text: &str, offset: usize) -> Option<String> {
    /// An open bracket: a struct or tuple and the field being read in it, a list and the
    /// index of the item, or a map.
    enum Open {
        Fields(Option<String>),
        Items(usize),
        Map,
    }
    let end = offset.min(text.len());
    let mut open: Vec<Open> = Vec::new();
    let mut cursor = Cursor::new(text);
    loop {
        cursor.skip_blank();
        let Some(b) = cursor.peek().filter(|_| cursor.pos < end) else { break };
        match b {
            b'(' => open.push(Open::Fields(None)),
            b'[' => open.push(Open::Items(0)),
            b'{' => open.push(Open::Map),
            b')' | b']' | b'}' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Items(n)) => *n += 1,
                Some(Open::Fields(field)) => *field = None,
                _ => {}
            },
            b'"' => {
                cursor.skip_string()?;
                continue;
            }
            _ if cursor.is_raw_string() => {
                cursor.raw_string()?;
                continue;
            }
            b if Cursor::is_name_byte(b) => {
                let name = cursor.ident().to_string();
                cursor.skip_blank();
                if cursor.peek() == Some(b':')
                    && let Some(Open::Fields(field)) = open.last_mut()
                {
                    *field = Some(name);
                    cursor.bump();
                }
                continue;
            }
            _ => {}
        }
        cursor.bump();
    }
    let mut path = String::new();
    for step in &open {
        match step {
            Open::Fields(Some(name)) if path.is_empty() => path.push_str(name),
            Open::Fields(Some(name)) => {
                path.push('.');
                path.push_str(name);
            }
            Open::Items(n) if !path.is_empty() => path.push_str(&format!("[{n}]")),
            _ => {}
        }
    }
    (!path.is_empty()).then_some(path)
}

/// The byte offset of a 1-based line and column (in characters), as the parser gives them.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let rest = &text[start.min(text.len())..];
    start + rest.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum::<usize>()
}

/// The 1-based line and column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
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

    #[test]
    fn the_path_at_an_offset_is_the_innermost_field_read_there() {
        let text = "Report(\n    title: \"a, ] b\",\n    groups: [\n        G(x: (1, 2), y: []),\n        G(\n            x: [Some(\"é\")],\n            y: 50.5,\n        ),\n    ],\n)";
        let at = |needle: &str| path_at(text, text.find(needle).unwrap());
        assert_eq!(at("50.5").as_deref(), Some("groups[1].y"));
        assert_eq!(at(".5,").as_deref(), Some("groups[1].y"));
        assert_eq!(at("(\"é").as_deref(), Some("groups[1].x[0]"));
        assert_eq!(at(" b\"").as_deref(), Some("title"));
        assert_eq!(at("Report"), None);
        let (line, column) = line_column(text, text.find("50.5").unwrap());
        assert_eq!(offset_of(text, line, column), text.find("50.5").unwrap());
    }
}
