//! Out and back: every sheet of the shipped report reads back proposing nothing; changed as
//! a coordinator would, it proposes exactly what was changed.

use wgtrack::i18n::Lang;
use wgtrack::import::{self, read::read_bytes};
use wgtrack::sheet;

use crate::common::sheets::{Cell, Sheet, import, lines, text};
use crate::common::shipped;

const FILE: &str = "VIII-administrative-records.xlsx";

#[test]
fn every_untouched_sheet_proposes_nothing_in_either_format_and_language() {
    let report = shipped();
    for g in 0..report.groups.len() {
        for lang in [Lang::En, Lang::Es] {
            let xlsx = sheet::write_xlsx(&report, g, lang).unwrap();
            let found = import(&report, "x.xlsx", &xlsx);
            assert_eq!(found.group, g);
            assert!(found.proposals.is_empty(), "group {g}: {:?}", lines(&found));
            assert!(found.refusals.is_empty() && found.notes.is_empty(), "{found:?}");
            let mut csv = Vec::new();
            sheet::write_csv(&report, g, lang, &mut csv).unwrap();
            let found = import(&report, "x.csv", &csv);
            assert!(found.proposals.is_empty() && found.refusals.is_empty(), "{found:?}");
        }
    }
}

#[test]
fn a_sheet_changed_as_a_coordinator_would_proposes_exactly_the_changes() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let (progress, remarks, activity) =
        (sheet.column("Progress (%)"), sheet.column("Remarks"), sheet.column("Activity"));
    // Percentages in every form a spreadsheet holds them.
    let typed = [
        ("VIII.1 ", Cell::Number(90.0)),
        ("VIII.2 ", text("90%")),
        ("VIII.3 ", text("95.0")),
        ("VIII.4 ", Cell::Percent(0.4)),
        ("VIII.5 ", Cell::Formula("=20*2+5".into(), 45.0)),
        ("VIII.6 ", Cell::Percent(1.0)),
        ("VIII.8 ", text("  5 % ")),
    ];
    for (tie, cell) in typed {
        let row = sheet.row_of(tie);
        sheet.set(row, progress, cell);
    }
    let row7 = sheet.row_of("VIII.7 ");
    sheet.set(row7, remarks, text("The document is under review by the countries and ECLAC."));
    sheet.set(row7, activity, text("Review of the document by the countries"));
    // Rows reordered: the table sorted from the last activity to the first.
    let first = sheet.row_of("VIII.1 ");
    let last = sheet.row_of("VIII.8 ");
    sheet.rows[first..=last].reverse();
    // A new activity in the block below the table, and one typed between the table's rows.
    let new_row = sheet.row_of("VIII.new");
    sheet.set(new_row, activity, text("Publication of the document"));
    sheet.set(new_row, progress, Cell::Number(10.0));
    sheet.set(new_row, remarks, text("Planned for June."));
    sheet.rows.insert(first + 2, vec![Cell::Empty, text("Regional webinar"), text("0")]);

    let found = import(&report, FILE, &sheet.to_xlsx());
    assert_eq!(
        lines(&found),
        [
            "VIII.1 progress 100% → 90%",
            "VIII.2 progress 100% → 90%",
            "VIII.3 progress 100% → 95%",
            "VIII.4 progress 100% → 40%",
            "VIII.5 progress 100% → 45%",
            "VIII.7 description: Review of the document{+ by the countries+}",
            "VIII.7 remarks: The document is [-currently -]under review by the \
             [-participating-]{+countries and+} [-countries.-]{+ECLAC.+}",
            "VIII.8 progress 0% → 5%",
            "VIII: new activity \"Regional webinar\" 0%",
            "VIII: new activity \"Publication of the document\" 10%, remarks \"Planned for June.\"",
        ]
    );
    assert!(found.refusals.is_empty(), "{:?}", found.refusals);
    let notes = found.notes.join("\n");
    assert!(notes.contains("has no tie, and its description is no activity's"), "{notes}");

    // Applied, the report holds them; the same sheet again proposes nothing.
    let mut changed = report.clone();
    assert_eq!(import::apply(&mut changed, &found.proposals), 10);
    assert_eq!(changed.groups[7].activities[3].progress.get(), 40);
    assert_eq!(changed.groups[7].activities.len(), 10);
    let again = import(&changed, FILE, &sheet.to_xlsx());
    assert!(again.proposals.is_empty(), "{:?}", lines(&again));
}

#[test]
fn a_remark_emptied_is_proposed_as_emptied_and_one_unchanged_is_no_change() {
    let report = shipped();
    let mut sheet = Sheet::of(&report, 7);
    let remarks = sheet.column("Remarks");
    let row = sheet.row_of("VIII.1 ");
    sheet.set(row, remarks, Cell::Empty);
    let found = import(&report, FILE, &sheet.to_xlsx());
    assert_eq!(lines(&found), ["VIII.1 remarks emptied"]);
}

#[test]
fn a_sheet_with_topics_proposes_topic_changes_and_reads_its_columns_wherever_they_are() {
    let report = shipped();
    let g = 5; // VI has topics.
    let mut sheet = Sheet::of(&report, g);
    let topic = sheet.column("Topic");
    let row = sheet.row_of("VI.1 ");
    sheet.set(row, topic, text("Strategy"));
    // The Remarks and Activity columns swapped.
    let (a, r) = (sheet.column("Activity"), sheet.column("Remarks"));
    for cells in &mut sheet.rows {
        if cells.len() > a.max(r) {
            cells.swap(a, r);
        }
    }
    let found = import(&report, "VI.xlsx", &sheet.to_xlsx());
    assert_eq!(
        lines(&found),
        ["VI.1 topic \"Strategy for the preparation of the document\" → \"Strategy\""]
    );
}

#[test]
fn long_texts_left_out_of_the_sheet_read_back_as_no_change() {
    let mut report = shipped();
    report.groups[7].activities[0].remarks = "x".repeat(sheet::CELL_MAX + 1);
    let xlsx = sheet::write_xlsx(&report, 7, Lang::En).unwrap();
    let found = import(&report, FILE, &xlsx);
    assert!(found.proposals.is_empty(), "{:?}", lines(&found));
    let read = read_bytes(&xlsx).unwrap();
    assert!(read.grids[0].rows.iter().flatten().any(|v| v.text().contains("too long")));
}
