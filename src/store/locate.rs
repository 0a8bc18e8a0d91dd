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
}
