//! A group's update sheet as CSV, for those without a spreadsheet program: the table's
//! columns and the tie column, whose header holds the sheet's tie. A cell that a
//! spreadsheet would run as a formula starts with `'`, which reading it back takes off.

use std::io::{self, Write};

use super::tie::{LeftOut, RowTie, SheetTie, description_print};
use super::{Column, SheetWords, cell_text, columns};
use crate::i18n::Lang;
use crate::model::Report;

/// What a cell may start with that a spreadsheet would read as a formula, and the `'` that
/// guards them (so a text that starts with `'` itself reads back as it was).
pub const GUARDED: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// `text` guarded against being read as a formula.
pub fn guard(text: &str) -> String {
    if text.starts_with(GUARDED) { format!("'{text}") } else { text.to_string() }
}

/// `text` as it was before `guard`.
pub fn unguard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(GUARDED) => rest,
        _ => text,
    }
}

/// Group `index` of `report` as CSV in `lang`, with the new-activity rows at the end.
pub fn write_csv(report: &Report, index: usize, lang: Lang, out: impl Write) -> io::Result<()> {
    let words = SheetWords::of(lang);
    let group = &report.groups[index];
    let columns = columns(group);
    let mut writer = ::csv::Writer::from_writer(out);
    let header: Vec<String> = columns
        .iter()
        .map(|c| match c {
            Column::Tie => SheetTie::of(report, index).to_cell(),
            _ => words.title(*c).to_string(),
        })
        .collect();
    writer.write_record(&header)?;
    for (a, activity) in group.activities.iter().enumerate() {
        let description = cell_text(&activity.description);
        let remarks = cell_text(&activity.remarks);
        let left_out = LeftOut { description: description.is_none(), remarks: remarks.is_none() };
        let record: Vec<String> = columns
            .iter()
            .map(|c| match c {
                Column::Number => (a + 1).to_string(),
                Column::Topic => guard(activity.topic.as_deref().unwrap_or_default()),
                Column::Activity => guard(description.unwrap_or(words.too_long)),
                Column::Progress => activity.progress.get().to_string(),
                Column::Remarks => guard(remarks.unwrap_or(words.too_long)),
                Column::Tie => {
                    let print = description_print(&activity.description);
                    RowTie::Activity { index: a, print, left_out }.to_cell(index)
                }
            })
            .collect();
        writer.write_record(&record)?;
    }
    for _ in 0..3 {
        let record: Vec<String> = columns
            .iter()
            .map(|c| if *c == Column::Tie { RowTie::New.to_cell(index) } else { String::new() })
            .collect();
        writer.write_record(&record)?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::{guard, unguard};

    #[test]
    fn guarded_cells_read_back_as_they_were() {
        for text in ["=SUM(A1)", "'=x", "'quoted", "-5 points", "plain", "", "'"] {
            assert_eq!(unguard(&guard(text)), text, "{text:?}");
        }
        assert_eq!(guard("=1+1"), "'=1+1");
        assert_eq!(guard("plain"), "plain");
    }
}
