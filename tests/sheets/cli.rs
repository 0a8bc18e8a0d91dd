//! `wgtrack sheet` and `wgtrack import`: the files written, the proposals listed, applied
//! and saved, and the same sheet imported twice proposing nothing the second time.

use std::fs;

use crate::common::home::Home;
use crate::common::{assert_code, stderr, stdout};

#[test]
fn sheet_writes_one_file_per_group_named_for_it() {
    let home = Home::new();
    let file = home.file.to_str().unwrap();
    let output = home.run(&["-f", file, "sheet", "-o", "out"]);
    assert_code(&output, 0);
    let mut names: Vec<String> = fs::read_dir(home.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 11, "{names:?}");
    assert!(names.contains(&"VIII-administrative-records.xlsx".to_string()), "{names:?}");
    // Written again: refused unless --force.
    let output = home.run(&["-f", file, "sheet", "VIII", "-o", "out"]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("the file exists; pass --force"), "{}", stderr(&output));
    let output = home.run(&[
        "-f", file, "sheet", "8", "II", "-o", "out", "--force", "--lang", "es", "--format", "csv",
    ]);
    assert_code(&output, 0);
    let csv = fs::read_to_string(home.path().join("out/VIII-administrative-records.csv")).unwrap();
    assert!(csv.starts_with("N.º,Actividad,Avance (%),Observaciones,"), "{csv}");
    let output = home.run(&["-f", file, "sheet", "XII"]);
    assert_code(&output, 2);
    assert!(stderr(&output).contains("no group \"XII\""), "{}", stderr(&output));
}

#[test]
fn import_lists_applies_saves_and_then_proposes_nothing() {
    let home = Home::new();
    let file = home.file.to_str().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/VIII-returned.xlsx");
    let before = home.bytes();
    let output = home.run(&["-f", file, "import", fixture]);
    assert_code(&output, 0);
    assert!(
        stdout(&output).starts_with(
            "VIII-returned.xlsx: group VIII (Administrative records), from Colombia\n  VIII.2 \
             remarks emptied\n  VIII.7 progress 8% → 40%\n"
        ),
        "{}",
        stdout(&output)
    );
    assert_eq!(home.bytes(), before, "listing changes nothing");

    let output = home.run(&["-f", file, "import", "--apply", fixture]);
    assert_code(&output, 0);
    assert!(stderr(&output).contains("applied 5 changes and saved"), "{}", stderr(&output));
    let report = home.report();
    assert_eq!(report.groups[7].activities[6].progress.get(), 40);
    assert_eq!(report.groups[7].activities[1].remarks, "");
    assert_eq!(report.groups[7].activities[8].description, "Publication of the document");

    let output = home.run(&["-f", file, "import", fixture, fixture]);
    assert_code(&output, 0);
    assert_eq!(stdout(&output).matches("  no changes\n").count(), 2, "{}", stdout(&output));
}

#[test]
fn import_names_a_refused_cell_and_a_file_it_cannot_read() {
    let home = Home::new();
    let file = home.file.to_str().unwrap();
    let sheet = home.path().join("VIII.csv");
    let mut bytes = Vec::new();
    let report = home.report();
    wgtrack::sheet::write_csv(&report, 7, wgtrack::i18n::Lang::En, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap().replace(",8,The document", ",ocho,The document");
    fs::write(&sheet, text).unwrap();
    let output = home.run(&["-f", file, "import", sheet.to_str().unwrap(), "missing.xlsx"]);
    assert_code(&output, 1);
    let err = stderr(&output);
    assert!(
        err.contains(
            "wgtrack: VIII.csv: cell C8: progress must be a whole number from 0 to 100, found \"ocho\""
        ),
        "{err}"
    );
    assert!(err.contains("wgtrack: missing.xlsx: cannot read it"), "{err}");
}

#[test]
fn what_a_sheet_says_reaches_the_terminal_escaped() {
    let home = Home::new();
    let file = home.file.to_str().unwrap();
    let report = home.report();
    let mut bytes = Vec::new();
    wgtrack::sheet::write_csv(&report, 7, wgtrack::i18n::Lang::En, &mut bytes).unwrap();
    // The tie's report symbol (JSON, its quotes doubled in CSV) made a terminal's title escape.
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("\"\"LC/CE.20/3\"\"", "\"\"\\u001b]0;pwned\\u0007\"\"");
    assert!(text.contains("pwned"), "{text}");
    let sheet = home.path().join("VIII.csv");
    fs::write(&sheet, text).unwrap();
    let output = home.run(&["-f", file, "import", sheet.to_str().unwrap()]);
    assert_code(&output, 0);
    let out = stdout(&output);
    assert!(out.contains("written for the report") && out.contains("pwned"), "{out}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
}
