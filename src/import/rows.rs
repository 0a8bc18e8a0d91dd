//! Finding the table in a returned sheet: its header row (column titles in either language,
//! wherever the columns were moved), the sheet's tie, and the rows below with their ties.

use super::read::{Grid, Value};
use crate::sheet::Column;
use crate::sheet::tie::{RowTie, SheetTie};

/// How far down a header row is looked for.
const HEADER_WITHIN: usize = 200;

/// The table of a sheet.
#[derive(Debug)]
pub struct Table<'a> {
    pub grid: &'a Grid,
    /// The column of each kind, where the sheet has it.
    columns: [Option<usize>; 6],
    pub sheet_tie: Option<SheetTie>,
    pub rows: Vec<SheetRow>,
}

/// A row of the table, as the coordinator left it.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// The row in the sheet, from 0.
    pub row: usize,
    pub topic: Option<String>,
    pub description: String,
    pub progress: Value,
    pub remarks: String,
    pub tie: Option<RowTie>,
}

impl Table<'_> {
    pub fn column(&self, column: Column) -> Option<usize> {
        self.columns[Column::ALL.iter().position(|c| *c == column).unwrap_or(0)]
    }
}

/// The table of the first sheet that has one.
pub fn find_table(grids: &[Grid]) -> Option<Table<'_>> {
    grids.iter().find_map(table_in)
}

fn table_in(grid: &Grid) -> Option<Table<'_>> {
    let slot = |c: Column| Column::ALL.iter().position(|x| *x == c).unwrap_or(0);
    for (r, cells) in grid.rows.iter().enumerate().take(HEADER_WITHIN) {
        let mut columns = [None; 6];
        let mut sheet_tie = None;
        for (c, value) in cells.iter().enumerate() {
            let Value::Text(text) = value else { continue };
            if let Some(tie) = SheetTie::from_cell(text) {
                sheet_tie = Some(tie);
                columns[slot(Column::Tie)] = Some(c);
            } else if let Some(column) = Column::from_title(text) {
                columns[slot(column)].get_or_insert(c);
            }
        }
        let has = |c: Column| columns[slot(c)].is_some();
        if !(has(Column::Activity) && (has(Column::Progress) || has(Column::Remarks))) {
            continue;
        }
        if !has(Column::Tie) {
            columns[slot(Column::Tie)] = tie_column(grid, r + 1, &columns);
        }
        let mut table = Table { grid, columns, sheet_tie, rows: Vec::new() };
        table.rows = rows(&table, r + 1);
        return Some(table);
    }
    None
}

/// A column whose header tie was lost but whose rows still hold their ties.
fn tie_column(grid: &Grid, from: usize, taken: &[Option<usize>; 6]) -> Option<usize> {
    let width = grid.rows.iter().skip(from).map(Vec::len).max().unwrap_or(0);
    (0..width).filter(|c| !taken.contains(&Some(*c))).find(|&c| {
        grid.rows.iter().skip(from).any(|row| match row.get(c) {
            Some(Value::Text(text)) => RowTie::from_cell(text).is_some(),
            _ => false,
        })
    })
}

fn rows(table: &Table, from: usize) -> Vec<SheetRow> {
    let grid = table.grid;
    let text = |r: usize, column: Column| table.column(column).map(|c| grid.get(r, c).text());
    let mut rows = Vec::new();
    for r in from..grid.rows.len() {
        let tie = match table.column(Column::Tie).map(|c| grid.get(r, c)) {
            Some(Value::Text(t)) => RowTie::from_cell(t),
            _ => None,
        };
        let progress =
            table.column(Column::Progress).map_or(Value::Empty, |c| grid.get(r, c).clone());
        let row = SheetRow {
            row: r,
            topic: text(r, Column::Topic).filter(|t| !t.trim().is_empty()),
            description: text(r, Column::Activity).unwrap_or_default(),
            progress,
            remarks: text(r, Column::Remarks).unwrap_or_default(),
            tie,
        };
        let blank = row.topic.is_none()
            && row.description.trim().is_empty()
            && row.progress.is_empty()
            && row.remarks.trim().is_empty();
        if blank && !matches!(row.tie, Some(RowTie::Activity { .. })) {
            continue;
        }
        rows.push(row);
    }
    rows
}
