//! The report as a Word document (`.docx`, written with `docx-rs`) in the structure of the
//! source document, as the HTML export has it: the front matter block, the contents, the
//! introduction, the summary of progress (its note a footnote), then each group with its
//! objectives, coordinators and activity table. Every paragraph has a named style (Title,
//! Heading 1–3, Normal) and the tables one table style, so a house template can restyle
//! it all; A4 pages, numbered in the footer.

use std::io::{self, Cursor, Write};
use std::sync::atomic::{AtomicU32, Ordering};

use docx_rs::{
    AlignmentType, BuildXML, Docx, Footer, Footnote, PageMargin, PageNum, Paragraph, Run, RunFonts,
    Style, StyleType, Table, TableCell, TableRow, VMergeType, WidthType,
};
use rayon::prelude::*;

use super::document::{self as doc, Words};
use crate::emphasis;
use crate::model::{Group, Report, format_percent, numeral};
use crate::printable::printable;

/// A4 in twentieths of a point.
const A4: (u32, u32) = (11_906, 16_838);
/// The table style every table of the document has.
const TABLE_STYLE: &str = "ReportTable";

/// Writes the report as a `.docx` file.
pub fn docx(report: &Report, mut out: impl Write) -> io::Result<()> {
    let words = doc::words(report);
    let mut document = styled(Docx::new())
        .page_size(A4.0, A4.1)
        .page_margin(PageMargin::new().top(1418).bottom(1418).left(1418).right(1418))
        .footer(Footer::new().add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_page_num(PageNum::new()),
        ));
    document = front(report, words, document);
    document = contents(report, words, document);
    document = introduction(report, words, document);
    document = summary(report, words, document);
    for (g, group) in report.groups.iter().enumerate() {
        document = group_section(g + 1, group, words, document);
        if !group.activities.is_empty() {
            // The table goes in later, written apart (`activity_tables`).
            document = document.add_bookmark_start(g, table_mark(g));
        }
    }
    let tables = activity_tables(report, words);
    let mut xml = document.build();
    xml.document = with_tables(&repeat_header_rows(&xml.document), &tables);
    let mut bytes = Cursor::new(Vec::new());
    xml.pack(&mut bytes).map_err(io::Error::other)?;
    out.write_all(bytes.get_ref())
}

/// The activity tables are nearly all of a large report's document: each is built and
/// written as XML on its own (docx-rs's `BuildXML`), on every core, and dropped at once
/// (docx-rs holds a paragraph in 2 KB, so a whole report's tree would take gigabytes).
/// Only the tables can be: they hold no footnote, which docx-rs gathers from the document
/// it builds. Their XML takes the place of their marks (`with_tables`).
fn activity_tables(report: &Report, words: &Words) -> Vec<(usize, Vec<u8>)> {
    // Paragraph ids must be unique in the document; docx-rs counts them per thread, from
    // 1, so the tables' paragraphs count from far above the rest, on one counter.
    let ids = AtomicU32::new(0x1000_0000);
    report
        .groups
        .shared()
        .par_iter()
        .enumerate()
        .filter(|(_, group)| !group.activities.is_empty())
        .map(|(g, group)| {
            let mut table = activity_table(group, words);
            number_paragraphs(&mut table, &ids);
            (g, repeat_header_rows(&table.build()))
        })
        .collect()
}

/// Gives each paragraph of `table`'s cells the next id of `ids`.
fn number_paragraphs(table: &mut Table, ids: &AtomicU32) {
    for docx_rs::TableChild::TableRow(row) in &mut table.rows {
        for docx_rs::TableRowChild::TableCell(cell) in &mut row.cells {
            for content in &mut cell.children {
                if let docx_rs::TableCellContent::Paragraph(paragraph) = content {
                    paragraph.id = format!("{:08x}", ids.fetch_add(1, Ordering::Relaxed));
                }
            }
        }
    }
}

/// The mark written where group `g`'s table goes: a bookmark, as it is an element of its
/// own in the document's body.
fn table_mark(g: usize) -> String {
    format!("wgtrack-table-{g}")
}

/// The document's XML with each table's mark replaced by the table.
fn with_tables(document: &[u8], tables: &[(usize, Vec<u8>)]) -> Vec<u8> {
    let size = document.len() + tables.iter().map(|(_, t)| t.len()).sum::<usize>();
    let mut out = Vec::with_capacity(size);
    let mut rest = document;
    for (g, table) in tables {
        let mark = format!(r#"<w:bookmarkStart w:id="{g}" w:name="{}" />"#, table_mark(*g));
        let Some(at) = memchr::memmem::find(rest, mark.as_bytes()) else {
            // Cannot happen: every table has its mark, in the groups' order.
            debug_assert!(false, "no mark for table {g}");
            continue;
        };
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(table);
        rest = &rest[at + mark.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// The named styles: Word's own names, so a template that defines them wins.
fn styled(document: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
    };
    document
        .default_fonts(RunFonts::new().ascii("Times New Roman").hi_ansi("Times New Roman"))
        .default_size(22)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal").q_format(true))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(32),
        )
        .add_style(heading("Heading1", "heading 1", 28, 0))
        .add_style(heading("Heading2", "heading 2", 24, 1))
        .add_style(heading("Heading3", "heading 3", 22, 2))
        .add_style(Style::new(TABLE_STYLE, StyleType::Table).name("Report Table"))
}

/// Marks the first row of every table, the one written with `cantSplit` alone, as a header
/// row that Word repeats on each page: `docx-rs` has no setting for `w:tblHeader`.
fn repeat_header_rows(xml: &[u8]) -> Vec<u8> {
    const ROW: &[u8] = b"<w:trPr><w:cantSplit /></w:trPr>";
    const HEADER: &[u8] = b"<w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>";
    let mut out = Vec::with_capacity(xml.len() + HEADER.len() - ROW.len());
    let mut rest = xml;
    while let Some(at) = memchr::memmem::find(rest, ROW) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(HEADER);
        rest = &rest[at + ROW.len()..];
    }
    out.extend_from_slice(rest);
    out
}

/// A paragraph of `style` holding `text`'s one line, with its emphasis in italics.
fn para(style: &str, text: &str) -> Paragraph {
    let mut paragraph = Paragraph::new().style(style);
    for piece in emphasis::pieces(text) {
        let run = Run::new().add_text(printable(piece.text));
        paragraph = paragraph.add_run(if piece.emphasis { run.italic() } else { run });
    }
    paragraph
}

/// A paragraph of text shown as written, without reading emphasis.
fn plain(style: &str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(Run::new().add_text(printable(text)))
}

fn front(report: &Report, words: &Words, mut document: Docx) -> Docx {
    let right = |p: Paragraph| p.align(AlignmentType::Right);
    let distribution = words.distribution_line(report).unwrap_or_else(|| "GENERAL".into());
    document = document
        .add_paragraph(right(plain("Normal", &distribution)))
        .add_paragraph(right(plain("Normal", &doc::one_line(&report.symbol))))
        .add_paragraph(right(plain("Normal", &words.display_date(&report.date))));
    for line in words.language_lines(report) {
        document = document.add_paragraph(right(plain("Normal", &line)));
    }
    if let Some(job) = &report.job_number {
        document = document.add_paragraph(plain("Normal", job));
    }
    for field in [&report.meeting, &report.venue] {
        if !field.trim().is_empty() {
            document = document.add_paragraph(para("Normal", &doc::one_line(field)));
        }
    }
    document.add_paragraph(para("Title", &doc::one_line(&report.title)))
}

fn contents(report: &Report, words: &Words, mut document: Docx) -> Docx {
    document = document
        .add_paragraph(plain("Heading1", words.contents))
        .add_paragraph(plain("Normal", words.introduction));
    for (g, group) in report.groups.iter().enumerate() {
        let entry = format!("{}. {}", numeral(g + 1), doc::one_line(&group.title));
        document = document.add_paragraph(para("Normal", &entry));
    }
    document
}

fn introduction(report: &Report, words: &Words, mut document: Docx) -> Docx {
    document = document.add_paragraph(plain("Heading1", words.introduction));
    for section in &report.introduction {
        if let Some(heading) = &section.heading {
            document = document.add_paragraph(para("Heading2", &doc::one_line(heading)));
        }
        for (p, stored) in section.paragraphs.iter().enumerate() {
            let parts: Vec<&str> = doc::paragraphs(stored).collect();
            for (i, paragraph) in parts.iter().enumerate() {
                let mut paragraph = para("Normal", paragraph);
                // A paragraph's notes are its footnotes, referenced after its last line.
                if i + 1 == parts.len() {
                    for note in section.notes_of(p) {
                        paragraph = paragraph.add_run(footnote(&note.text));
                    }
                }
                document = document.add_paragraph(paragraph);
            }
        }
    }
    document
}

/// A run holding the reference to a footnote of `text`.
fn footnote(text: &str) -> Run {
    let note = Footnote::new().add_content(plain("Normal", &doc::one_line(text)));
    Run::new().add_footnote_reference(note)
}

/// The summary, computed by wgtrack: its heading carries a footnote that says so.
fn summary(report: &Report, words: &Words, document: Docx) -> Docx {
    let note = Footnote::new().add_content(plain("Normal", words.summary_note));
    let heading = plain("Heading1", words.summary).add_run(Run::new().add_footnote_reference(note));
    let mut rows = vec![header_row(&[words.no, words.topic, words.progress])];
    for (g, group) in report.groups.iter().enumerate() {
        rows.push(TableRow::new(vec![
            cell(plain("Normal", &numeral(g + 1))),
            cell(para("Normal", &doc::one_line(&group.topic))),
            cell(plain("Normal", &format_percent(group.progress())).align(AlignmentType::Right)),
        ]));
    }
    document.add_paragraph(heading).add_table(sized(rows, &[900, 6370, 1800]))
}

fn group_section(number: usize, group: &Group, words: &Words, mut document: Docx) -> Docx {
    let title = format!("{}. {}", numeral(number), doc::one_line(&group.title));
    document = document
        .add_paragraph(para("Heading1", &title))
        .add_paragraph(plain("Heading2", words.objectives))
        .add_paragraph(plain("Heading3", words.general_objective));
    let mut general = doc::paragraphs(&group.general_objective).peekable();
    if general.peek().is_none() {
        document = document.add_paragraph(plain("Normal", words.not_stated));
    }
    for paragraph in general {
        document = document.add_paragraph(para("Normal", paragraph));
    }
    document = document.add_paragraph(plain("Heading3", words.specific_objectives));
    let objectives: Vec<&str> =
        group.specific_objectives.iter().flat_map(|o| doc::paragraphs(o)).collect();
    if objectives.is_empty() {
        document = document.add_paragraph(plain("Normal", words.not_stated));
    }
    for objective in objectives {
        document = document.add_paragraph(para("Normal", &format!("• {objective}")));
    }
    document = document.add_paragraph(plain("Heading2", words.coordinators_heading(group)));
    if group.coordinators.is_empty() {
        document = document.add_paragraph(plain("Normal", words.not_stated));
    }
    for coordinator in &group.coordinators {
        let country = doc::one_line(&coordinator.country);
        let institution = doc::one_line(&coordinator.institution);
        let line =
            if institution.is_empty() { country } else { format!("{country}: {institution}") };
        let mut paragraph = para("Normal", &line);
        // Named elsewhere than in this section: a footnote says where.
        if let Some(stated) = words.stated_in(coordinator) {
            paragraph = paragraph.add_run(footnote(&stated));
        }
        document = document.add_paragraph(paragraph);
    }
    document
}

fn activity_table(group: &Group, words: &Words) -> Table {
    let topics = group.has_topics();
    let mut header = vec![words.no];
    if topics {
        header.push(words.topic);
    }
    header.extend([words.activity, words.progress, words.remarks]);
    // Twips of the A4 text width (9,070): the number narrow, the remarks widest.
    let widths: &[usize] =
        if topics { &[600, 1500, 2500, 1500, 2970] } else { &[600, 3200, 1500, 3770] };
    let mut rows = vec![header_row(&header)];
    // Consecutive activities under one topic share a cell, as in the source's tables.
    let runs = doc::topic_runs(group);
    for (a, activity) in group.activities.iter().enumerate() {
        let mut cells = vec![cell(plain("Normal", &(a + 1).to_string()))];
        if topics {
            let topic = activity.topic.as_deref().map(doc::one_line).unwrap_or_default();
            let topic_cell = cell(para("Normal", &topic));
            cells.push(match runs.iter().find(|(first, _)| *first == a) {
                Some(&(_, len)) if len > 1 => topic_cell.vertical_merge(VMergeType::Restart),
                Some(_) => topic_cell,
                None => TableCell::new()
                    .add_paragraph(Paragraph::new())
                    .vertical_merge(VMergeType::Continue),
            });
        }
        cells.push(texts(&activity.description));
        cells.push(cell(
            plain("Normal", &activity.progress.get().to_string()).align(AlignmentType::Right),
        ));
        cells.push(texts(&activity.remarks));
        rows.push(TableRow::new(cells));
    }
    sized(rows, widths)
}

/// The header row: bold, kept whole, repeated on each page (`repeat_header_rows`).
fn header_row(names: &[&str]) -> TableRow {
    let cells = names
        .iter()
        .map(|name| {
            cell(Paragraph::new().style("Normal").add_run(Run::new().add_text(*name).bold()))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A table of `rows` whose columns have `widths` (twips), told in the grid and in every
/// cell, as Word and LibreOffice each read one of them.
fn sized(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    let rows = rows
        .into_iter()
        .map(|mut row| {
            for (cell, &width) in row.cells.iter_mut().zip(widths) {
                let docx_rs::TableRowChild::TableCell(cell) = cell;
                *cell = std::mem::take(cell).width(width, WidthType::Dxa);
            }
            row
        })
        .collect();
    Table::new(rows).style(TABLE_STYLE).set_grid(widths.to_vec())
}

fn cell(paragraph: Paragraph) -> TableCell {
    TableCell::new().add_paragraph(paragraph)
}

/// A cell with each paragraph of `text`; an empty text has an empty paragraph (a cell
/// must hold one).
fn texts(text: &str) -> TableCell {
    let mut cell = TableCell::new();
    let mut any = false;
    for paragraph in doc::paragraphs(text) {
        cell = cell.add_paragraph(para("Normal", paragraph));
        any = true;
    }
    if !any {
        cell = cell.add_paragraph(Paragraph::new().style("Normal"));
    }
    cell
}
