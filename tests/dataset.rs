//! The shipped 2020–2021 report against the source document, LC/CE.20/3 (5 April 2021).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use common::{PROGRESS, TOPICS, all_progress, mean, shipped, tally};
use wgtrack::model::{DocumentType, Status};
use wgtrack::store::{self, Expect, Fingerprint, SHIPPED};

/// The group headings of the source document (its section titles, in capitals).
const HEADINGS: [&str; 11] = [
    "GUIDE TO THE IMPLEMENTATION OF A QUALITY ASSURANCE FRAMEWORK FOR THE PRODUCTION OF OFFICIAL STATISTICS IN LATIN AMERICA AND THE CARIBBEAN",
    "GENERAL GUIDELINES FOR CENSUS DATA CAPTURE: A REVIEW OF DATA CAPTURE METHODS WITH A VIEW TO THE 2020 CENSUS ROUND",
    "A HARMONIZED METHODOLOGICAL FRAMEWORK FOR MEASURING DISASTER-RELATED INDICATORS PERTAINING TO THE SUSTAINABLE DEVELOPMENT GOALS AND THE SENDAI FRAMEWORK FOR DISASTER RISK REDUCTION 2015–2030",
    "METHODOLOGICAL GUIDE ON TIME-USE MEASUREMENTS IN LATIN AMERICA AND THE CARIBBEAN",
    "PROTOCOL FOR THE COLLECTION AND DISSEMINATION OF DATA FROM STUDIES INVOLVING CHILDREN AND ADOLESCENTS",
    "RECOMMENDATIONS FOR GENERATING ENVIRONMENTAL STATISTICS AND INDICATORS WITH GEOSPATIAL INFORMATION AND NON-CONVENTIONAL SOURCES",
    "ASSESSMENT OF THE CAPACITIES OF STATISTICAL SYSTEMS IN LATIN AMERICA AND THE CARIBBEAN AND BEST PRACTICES TO MEASURE INTERNATIONAL MIGRATION",
    "METHODOLOGICAL DOCUMENT ON CONCEPTUAL ASPECTS AND STATISTICAL USE OF ECONOMIC ADMINISTRATIVE RECORDS",
    "GUIDE FOR THE MEASUREMENT OF PRICES AND VOLUMES IN THE SERVICES SECTOR",
    "MANUAL ON THE DESIGN OF SECURITY AND CRIMINAL JUSTICE STATISTICAL SYSTEMS",
    "DOCUMENT ON GOOD PRACTICES FOR THE ADOPTION OF THE NEW INTERNATIONAL STANDARDS OF THE INTERNATIONAL LABOUR ORGANIZATION (ILO)",
];

const DANE: (&str, &str) = ("Colombia", "National Administrative Department of Statistics (DANE)");
const INE_CHILE: (&str, &str) = ("Chile", "National Institute of Statistics (INE)");

/// The coordinating countries as the source names them, I to XI (IV and VI name none; X
/// names its coordinator in the remarks of its first activity).
const COORDINATORS: [&[(&str, &str)]; 11] = [
    &[DANE],
    &[INE_CHILE],
    &[
        ("Paraguay", "National Institute of Statistics (INE)"),
        ("Peru", "National Institute of Statistics and Informatics (INEI)"),
    ],
    &[],
    &[
        ("El Salvador", "Department of Statistics and Censuses (DIGESTYC)"),
        ("Panama", "National Institute of Statistics and Censuses (INEC)"),
    ],
    &[],
    &[INE_CHILE, DANE],
    &[DANE],
    &[DANE],
    &[("Mexico", "National Institute of Statistics and Geography (INEGI)")],
    &[INE_CHILE],
];

#[test]
fn groups_and_activity_counts_match_the_source() {
    let report = shipped();
    assert_eq!(report.groups.len(), 11);
    let counts: Vec<usize> = report.groups.iter().map(|g| g.activities.len()).collect();
    assert_eq!(counts, [6, 7, 5, 10, 4, 24, 4, 8, 8, 4, 5]);
    assert_eq!(report.activities().count(), 85);
    assert_eq!(all_progress().len(), 85, "the table in the test itself");
}

#[test]
fn every_progress_matches_the_source_table() {
    let report = shipped();
    for (g, (group, expected)) in report.groups.iter().zip(PROGRESS).enumerate() {
        let found: Vec<u8> = group.activities.iter().map(|a| a.progress.get()).collect();
        assert_eq!(found, expected, "group {}", common::NUMERALS[g]);
    }
}

#[test]
fn group_figures_follow_from_the_table() {
    let report = shipped();
    for (g, (group, expected)) in report.groups.iter().zip(PROGRESS).enumerate() {
        let t = group.tally();
        assert_eq!(
            (t.completed, t.in_progress, t.not_started),
            tally(expected),
            "group {}",
            common::NUMERALS[g]
        );
        let progress = group.progress().expect("the group has activities");
        assert!(
            (progress - mean(expected)).abs() < 1e-9,
            "group {}: {progress} against {}",
            common::NUMERALS[g],
            mean(expected)
        );
    }
}

#[test]
fn programme_figures_follow_from_the_table() {
    let report = shipped();
    let all = all_progress();
    assert_eq!(tally(&all), (37, 34, 14), "the table in the test itself");
    let t = report.tally();
    assert_eq!((t.completed, t.in_progress, t.not_started), (37, 34, 14));
    assert_eq!(t.count(Status::Completed), 37);
    assert_eq!(t.total(), 85);
    let expected = mean(&all);
    assert!((expected - 64.0).abs() < 0.5, "the programme is at about 64%");
    let progress = report.progress().expect("the report has activities");
    assert!((progress - expected).abs() < 1e-9, "{progress} against {expected}");
    assert_eq!(wgtrack::model::format_percent(Some(progress)), "64%");
}

#[test]
fn titles_are_the_source_headings() {
    let report = shipped();
    for (g, (group, heading)) in report.groups.iter().zip(HEADINGS).enumerate() {
        assert_eq!(group.title.to_uppercase(), heading, "group {}", g + 1);
    }
}

#[test]
fn topics_and_document_types() {
    let report = shipped();
    let topics: Vec<&str> = report.groups.iter().map(|g| g.topic.as_str()).collect();
    assert_eq!(topics, TOPICS);
    let regional = [0, 2, 3, 4, 7, 9];
    for (g, group) in report.groups.iter().enumerate() {
        let expected = if regional.contains(&g) {
            DocumentType::RegionalStandard
        } else {
            DocumentType::Thematic
        };
        assert_eq!(group.document_type, expected, "group {}", g + 1);
    }
    // The introduction: six in the first category, five in the second.
    assert_eq!(report.groups_of_type(DocumentType::RegionalStandard), 6);
    assert_eq!(report.groups_of_type(DocumentType::Thematic), 5);
}

#[test]
fn coordinators_are_those_the_source_names() {
    let report = shipped();
    for (g, (group, expected)) in report.groups.iter().zip(COORDINATORS).enumerate() {
        let found: Vec<(&str, &str)> = group
            .coordinators
            .iter()
            .map(|c| (c.country.as_str(), c.institution.as_str()))
            .collect();
        assert_eq!(found, expected, "group {}", g + 1);
    }
    // Group X names its coordinator in the remarks of its first activity.
    assert!(report.groups[9].activities[0].remarks.contains(
        "Group coordinator: Mexico, National Institute of Statistics and Geography (INEGI)"
    ));
}

#[test]
fn only_group_vi_has_activity_topics() {
    let report = shipped();
    for (g, group) in report.groups.iter().enumerate() {
        for (a, activity) in group.activities.iter().enumerate() {
            if g == 5 {
                let topic = activity.topic.as_deref().unwrap_or("");
                assert!(!topic.trim().is_empty(), "VI {}: a topic", a + 1);
            } else {
                assert_eq!(activity.topic, None, "group {} activity {}", g + 1, a + 1);
            }
        }
        assert_eq!(group.has_topics(), g == 5);
    }
    // The topic cells of VI span rows: activities 1-5, 6-15, 16-23 and 24.
    let vi = &report.groups[5].activities;
    let distinct = |range: std::ops::Range<usize>| {
        let mut topics: Vec<_> = vi[range].iter().map(|a| a.topic.clone()).collect();
        topics.dedup();
        topics.len()
    };
    assert_eq!(distinct(0..5), 1);
    assert_eq!(distinct(5..15), 1);
    assert_eq!(distinct(15..23), 1);
    assert_eq!(distinct(0..24), 4);
}

/// Group VI's remarks cells are merged like its topic cells: a remark holds for the rows
/// below it whose cell is empty or a merge artefact, up to the next remark (see
/// `assets/NOTES.md`). Rows 1–12 share "Successfully completed.", and 17–23 the rescoping of
/// the workshops (19–23 sit in the same cell as 17–18).
#[test]
fn group_vi_remarks_follow_the_merged_cells_by_one_rule() {
    let report = shipped();
    let remarks: Vec<&str> =
        report.groups[5].activities.iter().map(|a| a.remarks.as_str()).collect();
    let runs = [
        (0..12, "Successfully completed."),
        (12..15, "In process."),
        (15..16, "A new activity was included. In process."),
        (16..23, "The scope of the workshops has to be redefined."),
        (23..24, "Not yet started."),
    ];
    for (rows, remark) in runs {
        for row in rows {
            assert_eq!(remarks[row], remark, "VI.{}", row + 1);
        }
    }
}

#[test]
fn front_matter_and_introduction() {
    let report = shipped();
    assert_eq!(report.format, 2);
    assert_eq!(report.symbol, "LC/CE.20/3");
    assert_eq!(report.date, "2021-04-05");
    assert_eq!(report.venue, "Virtual meeting, 7-8 April 2021");
    assert!(
        report
            .title
            .to_uppercase()
            .starts_with("SECOND REPORT ON THE IMPLEMENTATION OF THE BIENNIAL PROGRAMME")
    );
    assert!(report.meeting.starts_with("Twentieth meeting of the Executive Committee"));
    let headings: Vec<Option<&str>> =
        report.introduction.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            None,
            Some("Main obstacles faced by the working groups"),
            Some("Mainstreaming of the gender perspective in outputs"),
            Some("Type of document"),
        ]
    );
    for section in &report.introduction {
        assert!(!section.paragraphs.is_empty(), "{:?}", section.heading);
        assert!(section.paragraphs.iter().all(|p| !p.trim().is_empty()));
    }
}

/// Every string of the report, with where it is.
fn strings(value: &serde_json::Value, at: String, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((at, s.clone())),
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                strings(item, format!("{at}[{i}]"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (name, item) in fields {
                strings(item, format!("{at}.{name}"), out);
            }
        }
        _ => {}
    }
}

/// Whether `text` has a word broken by the PDF: a letter, "- ", then a lowercase letter.
fn broken_word(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    (1..chars.len().saturating_sub(2)).find(|&i| {
        chars[i] == '-'
            && chars[i + 1] == ' '
            && chars[i - 1].is_alphabetic()
            && chars[i + 2].is_lowercase()
    })
}

#[test]
fn no_pdf_artefacts_remain() {
    // The check itself must catch what it looks for.
    assert!(broken_word("the self- assessment checklist").is_some());
    assert!(broken_word("non- conventional").is_some());
    assert!(broken_word("pre-2020 - and so").is_none());

    let report = shipped();
    let value = serde_json::to_value(&report).expect("the report as JSON");
    let mut all = Vec::new();
    strings(&value, String::new(), &mut all);
    assert!(all.len() > 85 * 2, "every string was visited");
    for (at, text) in &all {
        for artefact in ["<i>", "</i>", "[Author", "Торіс", "\t", "(percentages)"] {
            assert!(!text.contains(artefact), "{at} holds {artefact:?}: {text}");
        }
        assert_eq!(broken_word(text), None, "{at} has a broken word: {text}");
        assert_eq!(text.trim(), text, "{at} has stray spaces at an end");
        // Stray marks where the PDF's cells were empty or merged.
        assert!(!["O", "=", "-", "_"].contains(&text.as_str()), "{at} is a stray mark");
    }
    for group in &report.groups {
        for activity in &group.activities {
            let d = &activity.description;
            assert!(
                !d.starts_with(|c: char| c.is_ascii_digit() || c == '_'),
                "a row number glued to {d:?}"
            );
        }
    }
    assert!(
        report.groups[2].activities[1].remarks.contains(
            "*Recommendations on the Role of Official Statistics in Measuring Hazardous Events and Disasters*"
        )
    );
    assert_eq!(report.groups[1].activities[0].description, "Preparation of annotated index");
    assert_eq!(report.groups[8].activities[0].description, "Preparation of the table of contents");
}

#[test]
fn the_shipped_text_is_what_wgtrack_writes() {
    let report = shipped();
    let text = store::to_text(&report);
    assert!(text == SHIPPED, "to_text(shipped()) differs from the file");
}

#[test]
fn save_then_load_and_save_again_gives_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.ron");
    let written = store::save(&path, &shipped(), Expect::Anything).expect("save");
    let first = fs::read(&path).expect("read");
    assert_eq!(Fingerprint::of(&first), written);
    assert!(first == SHIPPED.as_bytes());
    let again = store::load(&path).expect("load");
    assert_eq!(again, shipped());
    store::save(&path, &again, Expect::Anything).expect("save again");
    assert!(fs::read(&path).expect("read") == first);
}
