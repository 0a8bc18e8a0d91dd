//! Update sheets: one per working group, handed to its coordinating country to fill in and
//! read back by `import`. What ties a sheet to its report and group, and each row to its
//! activity (`tie`), the words a sheet is written in, and the writers (`xlsx`, `csv`).

mod csv;
pub mod tie;
mod words;
mod xlsx;

pub use csv::{guard, unguard, write_csv};
pub use words::{Column, SheetWords};
pub use xlsx::{XlsxError, write_xlsx};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Group, numeral};

/// How many empty rows a sheet offers below the table for proposed new activities.
pub const NEW_ROWS: usize = 10;

/// The most characters a spreadsheet cell holds (Excel's limit); longer texts are left out of
/// the sheet, and the row's tie says so, so that reading it back changes nothing.
pub const CELL_MAX: usize = 32_767;

/// The name of group `index`'s sheet file without its extension:
/// `VIII-administrative-records`.
pub fn file_stem(group: &Group, index: usize) -> String {
    let mut slug = String::new();
    for c in group.topic.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() { numeral(index + 1) } else { format!("{}-{slug}", numeral(index + 1)) }
}

/// The columns of a group's table, in order: the topic only where an activity has one.
pub fn columns(group: &Group) -> Vec<Column> {
    let topics = group.activities.iter().any(|a| a.topic.is_some());
    let mut columns = vec![Column::Number];
    if topics {
        columns.push(Column::Topic);
    }
    columns.extend([Column::Activity, Column::Progress, Column::Remarks, Column::Tie]);
    columns
}

/// A text as it goes into a cell: `None` when it is too long for one.
pub fn cell_text(text: &str) -> Option<&str> {
    (text.chars().count() <= CELL_MAX).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_the_numeral_and_the_topic_in_plain_letters() {
        let report = crate::store::shipped().unwrap();
        assert_eq!(file_stem(&report.groups[7], 7), "VIII-administrative-records");
        let mut group = report.groups[0].clone();
        group.topic = "Estadísticas de género / ODS".into();
        assert_eq!(file_stem(&group, 3), "IV-estadisticas-de-genero-ods");
        group.topic = "***".into();
        assert_eq!(file_stem(&group, 3), "IV");
    }
}
