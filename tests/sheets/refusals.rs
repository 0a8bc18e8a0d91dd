//! Every refusal names the file, the sheet and the cell, and quotes what was found; the
//! row's other changes are still offered.

use wgtrack::import::cell_name;

use crate::common::sheets::{Cell, Sheet, import, lines, refusals, text};
use crate::common::shipped;

const FILE: &str = "VIII-administrative-records.xlsx";

/// Group VIII's sheet with VIII.7's progress typed as `cell` and its remarks changed; what
/// importing it refuses, and the cell of that progress.
fn refused(cell: Cell) -> (Vec<String>, Vec<String>, String) {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let (progress, remarks) = (sheet.column("Progress (%)"), sheet.column("Remarks"));
    let row = sheet.row_of("VIII.7 ");
    sheet.set(row, progress, cell);
    sheet.set(row, remarks, text("Sent to ECLAC."));
    let found = import(&report, FILE, &sheet.to_xlsx());
    (refusals(&found), lines(&found), cell_name(row, progress))
}

#[test]
fn progress_that_is_not_a_whole_number_from_0_to_100_is_refused_naming_the_cell() {
    let cases = [
        (text("cuarenta"), "\"cuarenta\""),
        (Cell::Number(40.5), "\"40.5\""),
        (Cell::Number(140.0), "\"140\""),
        (text("-5"), "\"-5\""),
        (Cell::Percent(0.405), "\"40.5%\""),
        (Cell::Formula("=1/0".into(), 140.0), "\"140\""),
    ];
    for (cell, found) in cases {
        let (refused, offered, at) = refused(cell);
        assert_eq!(
            refused,
            [format!(
                "{FILE}: sheet \"VIII\", cell {at}: progress must be a whole number from 0 to \
                 100, found {found}"
            )]
        );
        assert_eq!(at, "C14");
        // The row's other change is still offered.
        assert_eq!(offered.len(), 1, "{offered:?}");
        assert!(offered[0].starts_with("VIII.7 remarks:"), "{offered:?}");
    }
}

#[test]
fn a_date_in_progress_is_refused_naming_the_cell() {
    let (refused, offered, at) = refused(Cell::Date(44291.0));
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0].starts_with(&format!(
            "{FILE}: sheet \"VIII\", cell {at}: progress must be a whole number from 0 to 100, \
             found \""
        )),
        "{refused:?}"
    );
    assert!(refused[0].contains("date"), "{refused:?}");
    assert_eq!(offered.len(), 1);
}

#[test]
fn a_description_emptied_and_a_new_row_without_one_are_refused_naming_the_cell() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let (activity, remarks) = (sheet.column("Activity"), sheet.column("Remarks"));
    let row = sheet.row_of("VIII.2 ");
    sheet.set(row, activity, Cell::Empty);
    let new_row = sheet.row_of("VIII.new");
    sheet.set(new_row, remarks, text("A remark without its activity"));
    let found = import(&report, FILE, &sheet.to_xlsx());
    assert_eq!(
        refusals(&found),
        [
            format!(
                "{FILE}: sheet \"VIII\", cell {}: the description of VIII.2 must not be empty: \
                 it is left as it is",
                cell_name(row, activity)
            ),
            format!(
                "{FILE}: sheet \"VIII\", cell {}: a new activity needs a description: this row \
                 is left out",
                cell_name(new_row, activity)
            ),
        ]
    );
    assert!(found.proposals.is_empty(), "{:?}", lines(&found));
}

#[test]
fn a_refusal_in_a_csv_names_the_file_and_the_cell() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let progress = sheet.column("Progress (%)");
    let row = sheet.row_of("VIII.7 ");
    sheet.set(row, progress, text("cuarenta"));
    let found = import(&report, "VIII.csv", sheet.to_csv(b';').as_bytes());
    assert_eq!(
        refusals(&found),
        [format!(
            "VIII.csv: cell {}: progress must be a whole number from 0 to 100, found \"cuarenta\"",
            cell_name(row, progress)
        )]
    );
}
