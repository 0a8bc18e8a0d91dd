//! The Word export: the `.docx` opened as the zip it is, `word/document.xml` read with an
//! XML parser for the headings, every activity's row, the repeated header rows and the
//! footnote; the fixed words in the report's language; generated reports exported whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{Cursor, Read};

use common::cases::config;
use common::shipped;
use proptest::prelude::*;
use wgtrack::model::Report;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The report as a `.docx`, and the text of one of its parts.
fn part(report: &Report, name: &str) -> String {
    let mut bytes = Vec::new();
    wgtrack::export::docx(report, &mut bytes).unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// The text of a node: its `w:t` descendants, joined.
fn text_of(node: roxmltree::Node) -> String {
    node.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect()
}

/// The paragraphs of `style`, as text.
fn styled(doc: &roxmltree::Document, style: &str) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter(|p| {
            p.descendants()
                .any(|s| s.has_tag_name((W, "pStyle")) && s.attribute((W, "val")) == Some(style))
        })
        .map(text_of)
        .collect()
}

#[test]
fn the_document_has_the_structure_of_the_original() {
    let report = shipped();
    let xml = part(&report, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let headings = styled(&doc, "Heading1");
    assert_eq!(headings[..3], ["Contents", "Introduction", "Summary of progress"]);
    assert_eq!(headings.len(), 3 + report.groups.len());
    assert_eq!(headings[10], format!("VIII. {}", report.groups[7].title));
    assert_eq!(styled(&doc, "Title"), std::slice::from_ref(&report.title));
    assert!(styled(&doc, "Heading2").contains(&"2. Coordinating country".to_string()));

    let tables: Vec<_> = doc.descendants().filter(|n| n.has_tag_name((W, "tbl"))).collect();
    assert_eq!(tables.len(), 1 + report.groups.len(), "the summary and one per group");
    for (group, table) in report.groups.iter().zip(&tables[1..]) {
        let rows: Vec<_> = table.children().filter(|n| n.has_tag_name((W, "tr"))).collect();
        assert_eq!(rows.len(), 1 + group.activities.len());
        let header = rows[0];
        assert!(header.descendants().any(|n| n.has_tag_name((W, "tblHeader"))));
        assert!(text_of(header).contains("Progress (percentages)"));
        assert!(
            rows[1..].iter().all(|r| !r.descendants().any(|n| n.has_tag_name((W, "tblHeader"))))
        );
        for (activity, row) in group.activities.iter().zip(&rows[1..]) {
            let text = text_of(*row);
            let plain = wgtrack::emphasis::plain(&activity.description.replace('\n', ""));
            assert!(text.contains(plain.split_whitespace().next().unwrap()), "{text}");
            let progress = activity.progress.get().to_string();
            let cells: Vec<_> = row.children().filter(|n| n.has_tag_name((W, "tc"))).collect();
            let cell = cells[cells.len() - 2];
            assert_eq!(text_of(cell), progress);
            assert!(
                cell.descendants()
                    .any(|n| n.has_tag_name((W, "jc")) && n.attribute((W, "val")) == Some("right"))
            );
        }
    }
    // Emphasis is italic: the shipped remarks name publications.
    assert!(doc.descendants().any(|n| n.has_tag_name((W, "i"))));
    assert!(doc.descendants().any(|n| n.has_tag_name((W, "footnoteReference"))));
    let footnotes = part(&report, "word/footnotes.xml");
    assert!(footnotes.contains("not part of the original document"));
    let styles = part(&report, "word/styles.xml");
    for name in ["Title", "heading 1", "heading 2", "Normal", "Report Table"] {
        assert!(styles.contains(&format!("w:val=\"{name}\"")), "{name}");
    }
    let settings = part(&report, "word/document.xml");
    assert!(settings.contains("w:w=\"11906\"") && settings.contains("w:h=\"16838\""), "A4");
    assert!(part(&report, "word/footer1.xml").contains("PAGE"), "page numbers");
}

#[test]
fn a_spanish_report_exports_spanish_fixed_words() {
    let mut report = shipped();
    for g in 0..report.groups.len() {
        let group = &mut report.groups[g];
        group.general_objective = "Elaborar una guía para el uso de los registros.".into();
        for activity in &mut group.activities {
            activity.description = "Revisión del documento por los países de la región".into();
            activity.remarks = "El documento fue enviado a los países para su revisión.".into();
        }
    }
    // The language the report states (format 2) wins over its text's: English here.
    assert!(part(&report, "word/document.xml").contains("Progress (percentages)"));
    // Without a stated language, the text's is taken.
    report.language = None;
    report.original_language = None;
    let xml = part(&report, "word/document.xml");
    for word in
        ["Índice", "Objetivos", "Países coordinadores", "Avance (porcentajes)", "Observaciones"]
    {
        assert!(xml.contains(word), "{word}");
    }
    assert!(!xml.contains("Progress (percentages)"));
    // The Markdown and HTML exports take the same words.
    let mut markdown = Vec::new();
    wgtrack::export::markdown(&report, &mut markdown).unwrap();
    let markdown = String::from_utf8(markdown).unwrap();
    assert!(markdown.contains("## Índice") && markdown.contains("| Observaciones |"));
    let mut html = Vec::new();
    wgtrack::export::html(&report, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<html lang=\"es\">") && html.contains("Avance (porcentajes)"));
    assert!(part(&shipped(), "word/document.xml").contains("Progress (percentages)"));
    // Its date is written with Spanish month names in every document export.
    for text in [&xml, &markdown, &html] {
        assert!(text.contains("5 de abril de 2021"), "the date in Spanish");
        assert!(!text.contains("5 April 2021"));
    }
}

#[test]
fn the_front_matter_the_notes_and_where_a_coordinator_was_stated() {
    let report = shipped();
    let xml = part(&report, "word/document.xml");
    for line in ["Distr. LIMITED", "LC/CE.20/3", "5 April 2021", "ENGLISH", "ORIGINAL: SPANISH"] {
        assert!(xml.contains(line), "{line}");
    }
    assert!(xml.contains("21-00161"), "the job number");
    let notes = part(&report, "word/footnotes.xml");
    assert!(notes.contains("See resolution 11(X) [online]"), "the resolution is a footnote");
    assert!(notes.contains("(from the remarks of activity 1)"), "group X's coordinator");
    assert!(!xml.contains("See resolution 11(X)"), "not a body paragraph");
    let mut spanish = report.clone();
    spanish.language = Some(wgtrack::model::Language::Spanish);
    let xml = part(&spanish, "word/document.xml");
    assert!(xml.contains("ESPAÑOL") && xml.contains("5 de abril de 2021"));
    assert!(
        part(&spanish, "word/footnotes.xml")
            .contains("(según las observaciones de la actividad 1)")
    );
}

#[test]
fn control_characters_are_shown_not_written() {
    let mut report = shipped();
    report.groups[0].activities[0].remarks = "bell \u{7} escape \u{1b}[2J".into();
    let xml = part(&report, "word/document.xml");
    roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert!(xml.contains("\\u{7}"));
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn generated_reports_export_whole(groups in 1..6usize, activities in 0..8usize, seed in any::<u64>()) {
        let report = wgtrack::generate::report(groups, activities, seed);
        let xml = part(&report, "word/document.xml");
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let rows = doc.descendants().filter(|n| n.has_tag_name((W, "tr"))).count();
        let with_activities = report.groups.iter().filter(|g| !g.activities.is_empty()).count();
        prop_assert_eq!(rows, 1 + groups + with_activities + report.activities().count());

        // Each group's table right under its own heading, with its rows.
        let body = doc.descendants().find(|n| n.has_tag_name((W, "body"))).unwrap();
        // Contents, Introduction and Summary of progress come before the groups' headings.
        let mut headings = 0;
        let mut seen = Vec::new();
        for child in body.children() {
            let heading = child.descendants().any(|s| {
                s.has_tag_name((W, "pStyle")) && s.attribute((W, "val")) == Some("Heading1")
            });
            headings += usize::from(child.has_tag_name((W, "p")) && heading);
            if child.has_tag_name((W, "tbl")) && let Some(g) = headings.checked_sub(4) {
                let rows = child.children().filter(|n| n.has_tag_name((W, "tr"))).count();
                prop_assert_eq!(rows, 1 + report.groups[g].activities.len());
                seen.push(g);
            }
        }
        let expected: Vec<usize> =
            (0..groups).filter(|&g| !report.groups[g].activities.is_empty()).collect();
        prop_assert_eq!(seen, expected);

        // Paragraph ids are unique across the document, and no placeholder is left.
        let ids: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute(("http://schemas.microsoft.com/office/word/2010/wordml", "paraId")))
            .collect();
        let unique: std::collections::HashSet<&str> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len());
        prop_assert!(!xml.contains("bookmarkStart"));
    }
}
