//! The `*` in the report's text: emphasis only where CommonMark would read it (`*Title*`),
//! every other `*` as written, in every export and on screen; and any text without emphasis
//! comes out of every export as written, once the format's escaping is undone.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use proptest::sample::select;
use wgtrack::emphasis::has_emphasis;
use wgtrack::export;
use wgtrack::model::Report;

use common::cases::config;
use common::exported::{html_unescaped, markdown_cells, markdown_unescaped};
use common::{Driver, assert_code, run, shipped, stdout, write_shipped};

/// The text of the issue that found `*` mangled: a product, a lone star, a double one.
const STARS: &str = "Ratio 2*3 and a lone * star; **double**";

fn exported(report: &Report, format: fn(&Report, &mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut bytes = Vec::new();
    format(report, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn set_then_export_keeps_every_star_that_marks_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = write_shipped(&home.path().join("report.ron"));
    let file = file.to_str().unwrap();
    assert_code(&run(home.path(), &["-f", file, "set", "III", "3", "--remarks", STARS]), 0);

    let out = run(home.path(), &["-f", file, "export", "--format", "html"]);
    assert_code(&out, 0);
    let html = stdout(&out);
    assert!(html.contains(&format!("<td class=\"remarks\"><p>{STARS}</p></td>")), "{html}");
    // The shipped report's own emphasis is still there.
    assert!(html.contains("<em>Recommendations on the Role of Official Statistics"));

    let out = run(home.path(), &["-f", file, "export", "--format", "markdown"]);
    assert_code(&out, 0);
    let markdown = stdout(&out);
    let escaped = "Ratio 2\\*3 and a lone \\* star; \\*\\*double\\*\\*";
    let row = markdown.lines().find(|l| l.contains("Ratio 2")).expect("the row of III.3");
    assert!(row.ends_with(&format!("| {escaped} |")), "{row}");
    assert!(markdown.contains("*Recommendations on the Role of Official Statistics"));

    for format in ["csv", "json"] {
        let out = run(home.path(), &["-f", file, "export", "--format", format]);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(text.contains(STARS), "{format}: {text}");
    }
}

#[test]
fn the_activity_view_shows_every_star_that_marks_nothing() {
    let mut report = shipped();
    report.groups[2].activities[2].remarks = format!("{STARS}; see *Title*");
    let mut driver = Driver::with(report).on_screen(120, 40);
    driver.select_activity(2, 2);
    driver.enter();
    let screen = driver.settled_text();
    assert!(screen.contains(&format!("{STARS}; see Title")), "{screen}");
}

/// Pieces of one line of text, hard on emphasis and on each format's escaping.
const PIECES: &[&str] = &[
    "*", "**", "***", " * ", "2*3", "a*", "*b", "x", "word", "Título", " ", "(", ")", ",", ";",
    ".", "1.", "&", "&amp;", "<", ">", "<em>", "|", "\\", "_", "`", "#", "-", "+", "=", "@",
    "[x](y)", "~", "$", "'", "\"", "—", "é", "🙂", "\t",
];

/// One line of text without emphasis, as a paragraph holds it (trimmed, not empty).
fn text_without_emphasis() -> impl Strategy<Value = String> {
    proptest::collection::vec(select(PIECES), 1..24)
        .prop_map(|pieces| pieces.concat().trim().to_string())
        .prop_filter("a paragraph without emphasis", |t| !t.is_empty() && !has_emphasis(t))
}

proptest! {
    #![proptest_config(config(256))]

    /// A text without emphasis, as group I's first remarks, comes out of every export as
    /// written.
    #[test]
    fn text_without_emphasis_survives_every_export(text in text_without_emphasis()) {
        let mut report = shipped();
        report.groups[0].activities[0].remarks = text.clone();

        let html = exported(&report, |r, out| export::html(r, out));
        let cell = html.split("<td class=\"remarks\"><p>").nth(1).expect("a remarks cell");
        let cell = &cell[..cell.find("</p>").expect("the end of the paragraph")];
        prop_assert_eq!(html_unescaped(cell), text.clone());

        let markdown = exported(&report, |r, out| export::markdown(r, out));
        let row = markdown.lines().find(|l| l.starts_with("| 1 |")).expect("group I's first row");
        let remarks = markdown_cells(row).pop().unwrap();
        prop_assert_eq!(markdown_unescaped(&remarks), text.clone());

        let json: serde_json::Value =
            serde_json::from_str(&exported(&report, |r, out| export::json(r, out))).unwrap();
        prop_assert_eq!(json["groups"][0]["activities"][0]["remarks"].as_str(), Some(text.as_str()));

        let csv = exported(&report, |r, out| export::csv(r, out));
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let first = reader.records().next().expect("a first row").unwrap();
        let remarks = &first[6];
        // A cell a spreadsheet would run as a formula starts with a `'`, as the README says.
        let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let remarks = if formula { remarks.strip_prefix('\'').unwrap() } else { remarks };
        prop_assert_eq!(remarks, text.as_str());
    }
}
