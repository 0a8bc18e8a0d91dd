//! A returned CSV sheet: decoded from UTF-8, UTF-16 (what Excel's "Unicode text" writes) or
//! Latin-1 (Windows-1252), its separator told from the header line (`,`, `;` or a tab), and
//! the `'` that guarded a formula-like cell taken off.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::read::{Grid, MAX_COLUMNS, MAX_ROWS, ReadError, Sheets, Value};
use crate::sheet::unguard;

pub fn read_csv(bytes: &[u8]) -> Result<Sheets, ReadError> {
    let (text, note) = decode(bytes);
    let separator = separator(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records().take(MAX_ROWS) {
        let record = record?;
        rows.push(
            record
                .iter()
                .take(MAX_COLUMNS)
                .map(|cell| {
                    if cell.is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(unguard(cell).to_string())
                    }
                })
                .collect(),
        );
    }
    let note = match (note, separator) {
        (Some(n), b';') => Some(format!("{n}, separated by semicolons")),
        (None, b';') => Some("read as separated by semicolons".to_string()),
        (None, b'\t') => Some("read as separated by tabs".to_string()),
        (Some(n), b'\t') => Some(format!("{n}, separated by tabs")),
        (note, _) => note,
    };
    Ok(Sheets { grids: vec![Grid { sheet: None, rows, formats_unknown: false }], note })
}

/// The text of `bytes`, and how it was decoded when that was not plain UTF-8.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return (String::from_utf8_lossy(rest).into_owned(), None);
    }
    let utf16 = |encoding: &'static encoding_rs::Encoding, rest: &[u8]| {
        encoding.decode_without_bom_handling(rest).0.into_owned()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(UTF_16LE, rest), Some("read as UTF-16".to_string()));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(UTF_16BE, rest), Some("read as UTF-16".to_string()));
    }
    // UTF-16 without its mark: ASCII text has every other byte zero.
    let sample = &bytes[..bytes.len().min(512)];
    let zeros_at = |parity: usize| {
        sample.iter().enumerate().filter(|(i, b)| i % 2 == parity && **b == 0).count()
    };
    if sample.len() >= 4 && zeros_at(1) * 3 > sample.len() {
        return (utf16(UTF_16LE, bytes), Some("read as UTF-16".to_string()));
    }
    if sample.len() >= 4 && zeros_at(0) * 3 > sample.len() {
        return (utf16(UTF_16BE, bytes), Some("read as UTF-16".to_string()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), None),
        Err(_) => {
            let text = WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned();
            (text, Some("read as Latin-1 (Windows-1252), not being UTF-8".to_string()))
        }
    }
}

/// The separator the first line uses most, outside quotes: `,`, `;` or a tab.
fn separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], usize::from(i == 0))).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
        let sheets = read_csv(bytes).unwrap();
        sheets.grids[0].rows.iter().map(|r| r.iter().map(Value::text).collect()).collect()
    }

    #[test]
    fn encodings_and_separators_are_told_apart() {
        let expected = vec![vec!["Año".to_string(), "40".into()], vec!["'=x".into(), "=y".into()]];
        let utf8 = "Año;40\n''=x;'=y\n";
        assert_eq!(cells(utf8.as_bytes()), expected);
        let latin1: Vec<u8> = WINDOWS_1252.encode(utf8).0.into_owned();
        assert_eq!(cells(&latin1), expected);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(utf8.replace(';', "\t").encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(cells(&utf16), expected);
        assert_eq!(separator("a,\"b;c;d\",e\n;;;;"), b',');
        assert_eq!(separator("a;b;c"), b';');
    }
}
