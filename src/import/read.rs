//! Reading a returned sheet into a grid of cells: `.xlsx`, `.xls` and `.ods` through
//! calamine (a formula's cached value; a percentage-formatted cell marked as such), CSV in
//! UTF-8, UTF-16 or Latin-1, separated by commas, semicolons or tabs. Sizes are capped
//! before anything is unpacked: a sheet is small, and a zip bomb is not read.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsx};

/// The largest file read: a sheet of a thousand activities is well under a megabyte.
pub const MAX_FILE: u64 = 32 * 1024 * 1024;
/// The most a spreadsheet's parts may hold once unpacked, all together.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;
/// The most rows and columns read of a sheet.
pub const MAX_ROWS: usize = 200_000;
pub const MAX_COLUMNS: usize = 64;

/// A cell as read.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    /// A number in a cell formatted as a percentage: 0.4 shows as 40%.
    Percent(f64),
    Bool(bool),
    /// A date or time, as the spreadsheet's serial number or ISO text.
    Date(String),
    /// A formula's error (`#REF!`).
    Error(String),
}

impl Value {
    /// The cell as text, as a person reading it would take it.
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Number(n) => format_number(*n),
            Value::Percent(n) => format!("{}%", format_number(n * 100.0)),
            Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Value::Date(d) => d.clone(),
            Value::Error(e) => e.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A number as a spreadsheet shows it: no float noise (40.5, not 40.50000000000001).
fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        return format!("{}", n as i64);
    }
    let fixed = format!("{n:.9}");
    fixed.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One sheet of a file, its cells at their places (row and column from 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The sheet's name; `None` for CSV.
    pub sheet: Option<String>,
    pub rows: Vec<Vec<Value>>,
    /// Whether a number in (0, 1) may be a percentage whose format was not read (`.ods`,
    /// `.xls`): then 0.4 reads as 40%.
    pub formats_unknown: bool,
}

impl Grid {
    pub fn get(&self, row: usize, column: usize) -> &Value {
        self.rows.get(row).and_then(|r| r.get(column)).unwrap_or(&Value::Empty)
    }
}

/// What was read of a file: its sheets, and a note on how a CSV was decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheets {
    pub grids: Vec<Grid>,
    pub note: Option<String>,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("is not a regular file (a directory, a pipe, a device or a socket)")]
    NotAFile,
    #[error("is {size} bytes; an update sheet is far smaller (at most {MAX_FILE} bytes are read)")]
    TooLarge { size: u64 },
    #[error("its parts would unpack to more than {MAX_UNPACKED} bytes; not read")]
    Unpacked,
    #[error("cannot read it as a spreadsheet: {0}")]
    Spreadsheet(String),
    #[error("cannot read it as CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

/// Reads the file at `path`, whatever its kind, told by its first bytes.
pub fn read_file(path: &Path) -> Result<Sheets, ReadError> {
    // Checked before opening it: opening a pipe waits for a writer.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_FILE {
        return Err(ReadError::TooLarge { size: meta.len() });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_FILE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(ReadError::TooLarge { size: bytes.len() as u64 });
    }
    read_bytes(&bytes)
}

/// Reads a file's bytes.
pub fn read_bytes(bytes: &[u8]) -> Result<Sheets, ReadError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let spreadsheet = |e: &dyn std::fmt::Display| ReadError::Spreadsheet(e.to_string());
    if bytes.starts_with(ZIP) {
        let ods = check_zip(bytes)?;
        let grids = if ods {
            let mut book = Ods::new(Cursor::new(bytes)).map_err(|e| spreadsheet(&e))?;
            sheets(&mut book)?
        } else {
            let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| spreadsheet(&e))?;
            xlsx_sheets(&mut book)?
        };
        Ok(Sheets { grids, note: None })
    } else if bytes.starts_with(OLE) {
        let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| spreadsheet(&e))?;
        Ok(Sheets { grids: sheets(&mut book)?, note: None })
    } else {
        super::csv_read::read_csv(bytes)
    }
}

/// Checks the sizes a zip declares, and tells whether it is an OpenDocument file.
fn check_zip(bytes: &[u8]) -> Result<bool, ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
    let total = match archive.decompressed_size() {
        Some(total) => total,
        // Sizes after the data (a data descriptor): the central directory's, part by part.
        None => (0..archive.len())
            .filter_map(|i| archive.by_index_raw(i).ok().map(|f| u128::from(f.size())))
            .sum(),
    };
    if total > u128::from(MAX_UNPACKED) {
        return Err(ReadError::Unpacked);
    }
    Ok(archive.index_for_name("content.xml").is_some())
}

fn xlsx_sheets(book: &mut Xlsx<Cursor<&[u8]>>) -> Result<Vec<Grid>, ReadError> {
    let names = book.sheet_names();
    let mut grids = Vec::new();
    for name in names.iter().take(16) {
        let styles = book.worksheet_style(name).ok();
        let range =
            book.worksheet_range(name).map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
        let percent = |row: u32, column: u32| {
            let style = styles.as_ref()?.get((row, column))?;
            Some(style.number_format.as_ref()?.format_code.contains('%'))
        };
        grids.push(grid(Some(name.clone()), &range, false, percent));
    }
    Ok(grids)
}

fn sheets<RS, R>(book: &mut R) -> Result<Vec<Grid>, ReadError>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let names = book.sheet_names();
    let mut grids = Vec::new();
    for name in names.iter().take(16) {
        let range =
            book.worksheet_range(name).map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
        grids.push(grid(Some(name.clone()), &range, true, |_, _| None));
    }
    Ok(grids)
}

/// The cells of `range` at their places in the sheet.
fn grid(
    sheet: Option<String>,
    range: &Range<Data>,
    formats_unknown: bool,
    percent: impl Fn(u32, u32) -> Option<bool>,
) -> Grid {
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Value>> = vec![Vec::new(); (top as usize).min(MAX_ROWS)];
    for (r, cells) in range.rows().enumerate() {
        if rows.len() >= MAX_ROWS {
            break;
        }
        let row = top + r as u32;
        let mut values: Vec<Value> = vec![Value::Empty; (left as usize).min(MAX_COLUMNS)];
        for (c, data) in cells.iter().enumerate() {
            if values.len() >= MAX_COLUMNS {
                break;
            }
            let column = left + c as u32;
            let number = |n: f64| {
                if percent(row, column) == Some(true) {
                    Value::Percent(n)
                } else {
                    Value::Number(n)
                }
            };
            values.push(match data {
                Data::Empty => Value::Empty,
                Data::String(s) => Value::Text(s.clone()),
                Data::Int(i) => number(*i as f64),
                Data::Float(f) => number(*f),
                Data::Bool(b) => Value::Bool(*b),
                Data::DateTime(d) => Value::Date(format!("a date ({})", d.as_f64())),
                Data::DateTimeIso(d) | Data::DurationIso(d) => Value::Date(d.clone()),
                Data::Error(e) => Value::Error(e.to_string()),
            });
        }
        rows.push(values);
    }
    Grid { sheet, rows, formats_unknown }
}
