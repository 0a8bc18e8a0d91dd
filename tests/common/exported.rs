//! Reading what the exports wrote: a Markdown table row's cells, and the escapes of Markdown
//! and HTML undone.

/// The cells of a Markdown table row, split at pipes that are not escaped; escapes are kept.
pub fn markdown_cells(row: &str) -> Vec<String> {
    let inner = row.trim().strip_prefix('|').and_then(|r| r.strip_suffix('|')).expect("a row");
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let cell = cells.last_mut().expect("a cell");
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            _ => cells.last_mut().expect("a cell").push(c),
        }
    }
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// Markdown text with its escapes undone: a backslash before ASCII punctuation goes.
pub fn markdown_unescaped(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// HTML text with the references that wgtrack's export writes read back, left to right.
pub fn html_unescaped(text: &str) -> String {
    const REFERENCES: [(&str, char); 5] =
        [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\'')];
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match REFERENCES.iter().find(|(reference, _)| rest.starts_with(reference)) {
            Some((reference, c)) => {
                out.push(*c);
                rest = &rest[reference.len()..];
            }
            None => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}
