//! Update sheets in tests: a sheet written by wgtrack, read into cells, changed as a
//! coordinator would (cells retyped, rows moved, formulas, percentages), written again with
//! `rust_xlsxwriter`, and what importing it proposes, one line per proposal.

use rust_xlsxwriter::{Format, Formula, Workbook};
use wgtrack::i18n::Lang;
use wgtrack::import::read::{Grid, Value, read_bytes};
use wgtrack::import::{Import, describe, interpret};
use wgtrack::model::Report;
use wgtrack::sheet;

/// A cell to write: what a coordinator's spreadsheet would store.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A number formatted as a percentage: 0.4 shows as 40%.
    Percent(f64),
    /// A formula and the value it last computed.
    Formula(String, f64),
    /// A date, as a serial number formatted as a date.
    Date(f64),
}

pub fn text(t: &str) -> Cell {
    Cell::Text(t.to_string())
}

/// A sheet as cells, and its name.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

impl Sheet {
    /// Group `g`'s sheet as wgtrack writes it, read back into cells.
    pub fn of(report: &Report, g: usize) -> Sheet {
        let bytes = sheet::write_xlsx(report, g, Lang::En).unwrap();
        let read = read_bytes(&bytes).unwrap();
        Sheet::from_grid(&read.grids[0])
    }

    pub fn from_grid(grid: &Grid) -> Sheet {
        let rows = grid
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|v| match v {
                        Value::Empty => Cell::Empty,
                        Value::Number(n) => Cell::Number(*n),
                        Value::Percent(n) => Cell::Percent(*n),
                        other => Cell::Text(other.text()),
                    })
                    .collect()
            })
            .collect();
        Sheet { name: grid.sheet.clone().unwrap_or_default(), rows }
    }

    /// The row (from 0) whose tie cell starts with `tie` ("VIII.7 ").
    pub fn row_of(&self, tie: &str) -> usize {
        self.rows
            .iter()
            .position(|r| r.iter().any(|c| matches!(c, Cell::Text(t) if t.starts_with(tie))))
            .unwrap_or_else(|| panic!("no row tied to {tie}"))
    }

    /// The column (from 0) whose header row cell is `title`.
    pub fn column(&self, title: &str) -> usize {
        self.rows
            .iter()
            .find_map(|r| r.iter().position(|c| *c == Cell::Text(title.to_string())))
            .unwrap_or_else(|| panic!("no column {title}"))
    }

    pub fn set(&mut self, row: usize, column: usize, cell: Cell) {
        let cells = &mut self.rows[row];
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = cell;
    }

    /// The sheet as an `.xlsx` file.
    pub fn to_xlsx(&self) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let out = workbook.add_worksheet();
        out.set_name(&self.name).unwrap();
        let percent = Format::new().set_num_format("0%");
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (r, cells) in self.rows.iter().enumerate() {
            for (c, cell) in cells.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Empty => continue,
                    Cell::Text(t) => out.write_string(r, c, t),
                    Cell::Number(n) => out.write_number(r, c, *n),
                    Cell::Percent(n) => out.write_number_with_format(r, c, *n, &percent),
                    Cell::Formula(f, value) => {
                        out.write_formula(r, c, Formula::new(f).set_result(value.to_string()))
                    }
                    Cell::Date(n) => out.write_number_with_format(r, c, *n, &date),
                }
                .unwrap();
            }
        }
        workbook.save_to_buffer().unwrap()
    }

    /// The sheet as CSV, cells as a spreadsheet shows them, with `separator`.
    pub fn to_csv(&self, separator: u8) -> String {
        let mut writer = csv::WriterBuilder::new().delimiter(separator).from_writer(Vec::new());
        for cells in &self.rows {
            let record: Vec<String> = cells
                .iter()
                .map(|c| match c {
                    Cell::Empty => String::new(),
                    Cell::Text(t) => t.clone(),
                    Cell::Number(n) | Cell::Formula(_, n) | Cell::Date(n) => n.to_string(),
                    Cell::Percent(n) => format!("{}%", n * 100.0),
                })
                .collect();
            writer.write_record(&record).unwrap();
        }
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }
}

/// What `bytes`, named `file`, propose for `report`.
pub fn import(report: &Report, file: &str, bytes: &[u8]) -> Import {
    interpret(report, file, &read_bytes(bytes).unwrap()).unwrap()
}

/// The proposals of an import, one line each.
pub fn lines(import: &Import) -> Vec<String> {
    import.proposals.iter().map(describe).collect()
}

/// The refusals of an import, each as its message says it.
pub fn refusals(import: &Import) -> Vec<String> {
    import.refusals.iter().map(ToString::to_string).collect()
}
