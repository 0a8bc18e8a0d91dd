//! What comes back is messy: ties lost, rows deleted, a sheet for another report or an older
//! version, a group moved, CSV in other encodings and separators, files saved by LibreOffice
//! Calc as .xlsx, .ods, .xls and CSV, and files that are not sheets at all.

use std::path::Path;

use encoding_rs::WINDOWS_1252;
use wgtrack::import::{ImportError, import_file, interpret, read::read_bytes};
use wgtrack::model::Progress;

use crate::common::sheets::{Sheet, import, lines, text};
use crate::common::shipped;

const FILE: &str = "VIII-administrative-records.xlsx";

/// What LibreOffice's files propose: see tests/fixtures/README.md.
const RETURNED: [&str; 5] = [
    "VIII.2 remarks emptied",
    "VIII.7 progress 8% → 40%",
    "VIII.7 remarks: The document [-is currently under-]{+was+} [-review-]{+reviewed+} by the \
     participating [-countries.-]{+countries and sent to ECLAC.+}",
    "VIII.8 progress 0% → 25%",
    "VIII: new activity \"Publication of the document\" 10%",
];

#[test]
fn files_saved_by_libreoffice_calc_propose_what_was_changed_in_it() {
    let report = shipped();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in [
        "VIII-returned.xlsx",
        "VIII-returned.ods",
        "VIII-returned.xls",
        "VIII-returned-semicolon.csv",
    ] {
        let found = import_file(&report, &fixtures.join(name)).unwrap();
        assert_eq!(lines(&found), RETURNED, "{name}");
        assert!(found.refusals.is_empty(), "{name}: {:?}", found.refusals);
        assert_eq!(found.country.as_deref(), Some("Colombia"));
    }
}

#[test]
fn ties_lost_rows_are_matched_by_description_and_said_so_per_row() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let tie = sheet.column("VIII.1 38e50787").min(sheet.rows[7].len() - 1);
    for cells in &mut sheet.rows {
        cells.truncate(tie);
    }
    let (progress, activity) = (sheet.column("Progress (%)"), sheet.column("Activity"));
    let row = 7 + 6; // VIII.7, the rows in their order
    sheet.set(row, progress, text("40"));
    // Reworded as well: still the same activity.
    sheet.set(row + 1, activity, text("Review of the document by ECLAC staff"));
    let first = 7;
    sheet.rows[first..first + 8].reverse();
    sheet.name = "Sheet1".into();
    let found = import(&report, FILE, &sheet.to_xlsx());
    assert_eq!(
        lines(&found),
        [
            "VIII.7 progress 8% → 40%",
            "VIII.8 description: Review of the document by ECLAC{+ staff+}",
        ]
    );
    let notes = found.notes.join("\n");
    assert!(
        notes.contains("the sheet's tie is lost: taken as group VIII from its name"),
        "{notes}"
    );
    for a in 1..=8 {
        assert!(
            notes.contains(&format!("it has no tie; taken as VIII.{a} by its description")),
            "{notes}"
        );
    }
}

#[test]
fn rows_deleted_are_left_as_they_are_and_said_so() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let row = sheet.row_of("VIII.3 ");
    sheet.rows.remove(row);
    let found = import(&report, FILE, &sheet.to_xlsx());
    assert!(found.proposals.is_empty(), "{:?}", lines(&found));
    assert_eq!(
        found.notes,
        ["VIII.3 is not in the sheet (its row was deleted): it is left as it is"]
    );
}

#[test]
fn a_sheet_for_another_report_or_an_older_version_warns_and_shows_changes_against_this_one() {
    let mut report = shipped();
    let sheet = Sheet::of(&report, 7).to_xlsx();
    // The report moved on after the sheet went out: VIII.7 is now at 20%.
    report.groups[7].activities[6].progress = Progress::new(20).unwrap();
    let found = import(&report, FILE, &sheet);
    assert_eq!(lines(&found), ["VIII.7 progress 20% → 8%"]);
    assert_eq!(
        found.notes,
        ["group VIII has changed since this sheet was written: its changes are shown against \
          the report as it is now; check each"]
    );
    // Another report altogether (the next round).
    report.symbol = "LC/CE.21/4".into();
    let found = import(&report, FILE, &sheet);
    assert_eq!(lines(&found), ["VIII.7 progress 20% → 8%"]);
    assert!(
        found.notes[0]
            .starts_with("this sheet was written for the report LC/CE.20/3, not LC/CE.21/4")
    );
}

#[test]
fn a_sheet_for_a_group_that_moved_finds_it_by_its_title() {
    let mut report = shipped();
    let sheet = Sheet::of(&report, 7).to_xlsx();
    let moved = report.groups.remove(7);
    report.groups.insert(2, moved);
    let found = import(&report, "IX-service-sector.xlsx", &sheet);
    assert_eq!(found.group, 2);
    assert!(found.proposals.is_empty());
    assert_eq!(found.notes[0], "the sheet was written for group VIII, which is now group III");
}

#[test]
fn csv_in_latin_1_utf_16_and_with_semicolons_reads_alike() {
    let mut report = shipped();
    report.groups[7].activities[0].remarks = "Países: Perú, México; año 2021.".into();
    let mut sheet = Sheet::of(&report, 7);
    let progress = sheet.column("Progress (%)");
    let row = sheet.row_of("VIII.7 ");
    sheet.set(row, progress, text("40%"));
    let comma = sheet.to_csv(b',');
    let semicolon = sheet.to_csv(b';');
    let latin1 = WINDOWS_1252.encode(&semicolon).0.into_owned();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(sheet.to_csv(b'\t').encode_utf16().flat_map(u16::to_le_bytes));
    let cases: [(&str, &[u8], Option<&str>); 4] = [
        ("comma", comma.as_bytes(), None),
        ("semicolon", semicolon.as_bytes(), Some("read as separated by semicolons")),
        (
            "latin-1",
            &latin1,
            Some("read as Latin-1 (Windows-1252), not being UTF-8, separated by semicolons"),
        ),
        ("utf-16", &utf16, Some("read as UTF-16, separated by tabs")),
    ];
    for (name, bytes, note) in cases {
        let found = import(&report, "VIII.csv", bytes);
        assert_eq!(lines(&found), ["VIII.7 progress 8% → 40%"], "{name}");
        assert_eq!(found.notes.first().map(String::as_str), note, "{name}");
    }
}

#[test]
fn a_formula_typed_in_a_remark_stays_text_both_ways() {
    let mut report = shipped();
    report.groups[7].activities[0].remarks = "=HYPERLINK(\"http://x\")".into();
    let xlsx = Sheet::of(&report, 7);
    let remarks = xlsx.column("Remarks");
    let row = xlsx.row_of("VIII.1 ");
    assert_eq!(xlsx.rows[row][remarks], text("=HYPERLINK(\"http://x\")"));
    let mut csv = Vec::new();
    wgtrack::sheet::write_csv(&report, 7, wgtrack::i18n::Lang::En, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(import(&report, "VIII.csv", csv.as_bytes()).proposals.is_empty());
}

#[test]
fn what_is_not_a_sheet_is_refused_with_the_file_named() {
    let report = shipped();
    let read = read_bytes(b"just some words\nand more").unwrap();
    let error = interpret(&report, "notes.txt", &read).unwrap_err();
    assert!(matches!(error, ImportError::NoTable { .. }));
    assert!(error.to_string().starts_with("notes.txt: no update sheet found"), "{error}");

    let dir = tempfile::tempdir().unwrap();
    #[cfg(unix)]
    {
        let fifo = dir.path().join("VIII.csv");
        crate::common::mkfifo(&fifo);
        let error = import_file(&report, &fifo).unwrap_err().to_string();
        assert!(error.starts_with("VIII.csv: is not a regular file"), "{error}");
    }

    // A zip whose parts claim to unpack to gigabytes is not unpacked.
    let mut bomb = Sheet::of(&report, 7).to_xlsx();
    let central = bomb.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bomb[central + 24..central + 28].copy_from_slice(&u32::MAX.to_le_bytes());
    let path = dir.path().join("bomb.xlsx");
    std::fs::write(&path, &bomb).unwrap();
    let error = import_file(&report, &path).unwrap_err().to_string();
    assert!(error.starts_with("bomb.xlsx: its parts would unpack to more than"), "{error}");
}
