//! The report as one self-contained HTML5 page in the structure of the source document, set
//! for the screen and for printing on A4: inline CSS, no scripts, no external resources.

use std::io::{self, Write};

use crate::model::{Group, Report, Tally, format_percent, numeral};

use super::document as doc;

/// The page's style sheet: a readable column on screen, A4 pages in print with each group on
/// a new page, table headers repeated and rows kept whole.
const STYLE: &str = r#"
@page { size: A4; margin: 18mm 16mm 20mm; }
:root {
  --ink: #1c2530; --muted: #5a6673; --rule: #cfd6de; --head: #edf1f5;
  --accent: #1d5a85; --bar: #2f7d5c; --track: #dfe5eb;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia,
    "Liberation Serif", "DejaVu Serif", serif;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 62rem; padding: 2.5rem 1.5rem 4rem;
  color: var(--ink); background: #fff;
  font: 1.0625rem/1.55 var(--serif);
}
h1, h2, h3, h4, table, .distribution, nav.contents { font-family: var(--sans); }
h1, h2, h3, h4 { line-height: 1.3; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 .8em; }
a { color: var(--accent); }
em { font-style: italic; }

.front { margin-bottom: 2.5rem; }
.distribution {
  display: flex; flex-wrap: wrap; justify-content: flex-end; gap: .2em .6em;
  margin: 0 0 2.25rem; padding-bottom: .45rem; border-bottom: 2px solid var(--ink);
  font-size: .9rem; color: var(--muted); letter-spacing: .02em;
}
.distribution .symbol { font-weight: 700; color: var(--ink); }
.meeting { margin: 0 0 .3rem; font-style: italic; }
.venue { margin: 0 0 2.25rem; color: var(--muted); }
h1 {
  margin: 0; font-size: 1.4rem; font-weight: 700; letter-spacing: .015em;
  text-align: center; text-transform: uppercase;
}

h2 { margin: 2.5rem 0 1rem; font-size: 1.15rem; letter-spacing: .02em; }
h3 { margin: 1.75rem 0 .6rem; font-size: 1.02rem; }
h4 { margin: 1.1rem 0 .4rem; font-size: .95rem; font-style: italic; font-weight: 600; }
nav.contents > h2, #introduction > h2, #summary-of-progress > h2 { text-transform: uppercase; }

nav.contents ol { list-style: none; margin: 0; padding: 0; font-size: .9rem; }
nav.contents li { margin: 0 0 .45rem; }
nav.contents a {
  display: grid; grid-template-columns: 3.25em 1fr; color: inherit; text-decoration: none;
}
nav.contents a:hover .entry { text-decoration: underline; }
nav.contents .numeral:empty { display: none; }
nav.contents .numeral:empty + .entry { grid-column: 1 / -1; }
.entry { text-transform: uppercase; }

.group > h2 { display: grid; grid-template-columns: 3.25em 1fr; text-transform: uppercase; }
.objectives { margin: 0 0 .8em; padding-left: 1.4em; }
.objectives li { margin-bottom: .35em; }
.coordinator { margin-bottom: .4em; }
.not-stated { color: var(--muted); font-style: italic; }
.note { color: var(--muted); font-size: .92rem; font-style: italic; }

table { width: 100%; margin: 1.25rem 0 0; border-collapse: collapse; font-size: .84rem; line-height: 1.42; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th {
  padding: .45em .55em; text-align: left; vertical-align: bottom; font-weight: 600;
  background: var(--head); border-bottom: 2px solid var(--ink);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
td { padding: .5em .55em; vertical-align: top; border-bottom: 1px solid var(--rule); }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.activities .no { width: 2.6em; text-align: right; }
.activities .topic { width: 19%; }
.activities .activity { width: 28%; }
.activities .progress { width: 7.6em; }
.activities td.remarks p { margin: 0; }
.activities td.remarks p + p { margin-top: .55em; }
td.progress { white-space: nowrap; }
.value { display: inline-block; min-width: 2.1em; text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; }
.bar {
  display: inline-block; width: 3.4em; height: .5em; margin-left: .45em; vertical-align: middle;
  overflow: hidden; border-radius: 1px; background: var(--track);
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.bar > span { display: block; height: 100%; background: var(--bar); }
.summary td, .summary th { white-space: nowrap; }
.summary .topic { white-space: normal; width: 100%; }
#summary-of-progress { break-inside: avoid; page-break-inside: avoid; }
.summary tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: 0; }

@media screen {
  .scroll { overflow-x: auto; }
  .group { margin-top: 3.5rem; padding-top: .5rem; border-top: 1px solid var(--rule); }
}
@media screen and (max-width: 40rem) {
  body { padding: 1.25rem .75rem 3rem; font-size: 1rem; }
  table { font-size: .78rem; }
  th, td { padding: .4em .3em; }
  .summary td, .summary th { white-space: normal; }
  .bar { display: none; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .group { break-before: page; page-break-before: always; }
  table { font-size: 8.5pt; }
}
"#;

/// Writes the report as a self-contained HTML page.
pub fn html(report: &Report, out: impl Write) -> io::Result<()> {
    let mut out = out;
    let title = format!(
        "{} · {}",
        escape(&doc::one_line(&report.symbol)),
        escape(&doc::plain(&doc::one_line(&report.title)))
    );
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(out, "<meta name=\"generator\" content=\"wgtrack\">")?;
    writeln!(out, "<title>{title}</title>")?;
    writeln!(out, "<style>{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    front(report, &mut out)?;
    contents(report, &mut out)?;
    writeln!(out, "<main>")?;
    introduction(report, &mut out)?;
    summary(report, &mut out)?;
    for (g, group) in report.groups.iter().enumerate() {
        group_section(g + 1, group, &mut out)?;
    }
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn front(report: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<header class=\"front\">")?;
    let date = match doc::format_date(&report.date) {
        Some(shown) => format!("<time datetime=\"{}\">{shown}</time>", escape(&report.date)),
        None => format!("<span>{}</span>", escape(&report.date)),
    };
    writeln!(
        out,
        "<p class=\"distribution\"><span class=\"symbol\">{}</span><span aria-hidden=\"true\">·</span>{date}</p>",
        escape(&doc::one_line(&report.symbol))
    )?;
    if !report.meeting.trim().is_empty() {
        writeln!(out, "<p class=\"meeting\">{}</p>", inline(&doc::one_line(&report.meeting)))?;
    }
    if !report.venue.trim().is_empty() {
        writeln!(out, "<p class=\"venue\">{}</p>", inline(&doc::one_line(&report.venue)))?;
    }
    writeln!(out, "<h1>{}</h1>", inline(&doc::one_line(&report.title)))?;
    writeln!(out, "</header>")
}

fn contents(report: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<nav class=\"contents\" aria-labelledby=\"contents\">")?;
    writeln!(out, "<h2 id=\"contents\">{}</h2>", doc::CONTENTS)?;
    writeln!(out, "<ol>")?;
    writeln!(
        out,
        "<li><a href=\"#{}\"><span class=\"numeral\"></span><span class=\"entry\">{}</span></a></li>",
        doc::INTRODUCTION_ID,
        doc::INTRODUCTION
    )?;
    for (g, group) in report.groups.iter().enumerate() {
        writeln!(
            out,
            "<li><a href=\"#{}\"><span class=\"numeral\">{}.</span> <span class=\"entry\">{}</span></a></li>",
            doc::group_id(g + 1),
            numeral(g + 1),
            inline(&doc::one_line(&group.title))
        )?;
    }
    writeln!(out, "</ol>")?;
    writeln!(out, "</nav>")
}

fn introduction(report: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<section id=\"{}\">", doc::INTRODUCTION_ID)?;
    writeln!(out, "<h2>{}</h2>", doc::INTRODUCTION)?;
    for section in &report.introduction {
        if let Some(heading) = &section.heading {
            writeln!(out, "<h3>{}</h3>", inline(&doc::one_line(heading)))?;
        }
        for paragraph in section.paragraphs.iter().flat_map(|p| doc::paragraphs(p)) {
            writeln!(out, "<p>{}</p>", inline(paragraph))?;
        }
    }
    writeln!(out, "</section>")
}

fn summary(report: &Report, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<section id=\"{}\">", doc::SUMMARY_ID)?;
    writeln!(out, "<h2>{}</h2>", doc::SUMMARY)?;
    writeln!(out, "<p class=\"note\">{}</p>", escape(doc::SUMMARY_NOTE))?;
    // On a narrow screen the figures scroll sideways rather than overflow the page.
    writeln!(out, "<div class=\"scroll\">")?;
    writeln!(out, "<table class=\"summary\">")?;
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">No.</th><th scope=\"col\" class=\"topic\">Topic</th>\
         <th scope=\"col\">Type</th><th scope=\"col\" class=\"num\">Activities</th>\
         <th scope=\"col\" class=\"num\">Completed</th><th scope=\"col\" class=\"num\">In progress</th>\
         <th scope=\"col\" class=\"num\">Not started</th><th scope=\"col\">Progress</th></tr></thead>"
    )?;
    let row = |out: &mut dyn Write, no: &str, topic: &str, kind: &str, t: Tally, p: Option<f64>| {
        writeln!(
            out,
            "<tr><td>{no}</td><td class=\"topic\">{topic}</td><td>{kind}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"progress\">{}</td></tr>",
            t.total(),
            t.completed,
            t.in_progress,
            t.not_started,
            progress_cell(&format_percent(p), p)
        )
    };
    writeln!(out, "<tbody>")?;
    for (g, group) in report.groups.iter().enumerate() {
        let no = format!("<a href=\"#{}\">{}</a>", doc::group_id(g + 1), numeral(g + 1));
        let topic = inline(&doc::one_line(&group.topic));
        row(out, &no, &topic, group.document_type.label(), group.tally(), group.progress())?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "<tfoot>")?;
    let all = format!("{} groups", report.groups.len());
    row(out, "All", &all, "", report.tally(), report.progress())?;
    writeln!(out, "</tfoot>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</div>")?;
    writeln!(out, "</section>")
}

fn group_section(number: usize, group: &Group, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<section class=\"group\" id=\"{}\">", doc::group_id(number))?;
    writeln!(
        out,
        "<h2><span class=\"numeral\">{}.</span> <span class=\"title\">{}</span></h2>",
        numeral(number),
        inline(&doc::one_line(&group.title))
    )?;

    writeln!(out, "<h3>{}</h3>", doc::OBJECTIVES)?;
    writeln!(out, "<h4>{}</h4>", doc::GENERAL_OBJECTIVE)?;
    let mut general = doc::paragraphs(&group.general_objective).peekable();
    if general.peek().is_none() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", doc::NOT_STATED)?;
    }
    for paragraph in general {
        writeln!(out, "<p>{}</p>", inline(paragraph))?;
    }
    writeln!(out, "<h4>{}</h4>", doc::SPECIFIC_OBJECTIVES)?;
    let objectives: Vec<&String> =
        group.specific_objectives.iter().filter(|o| doc::paragraphs(o).next().is_some()).collect();
    if objectives.is_empty() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", doc::NOT_STATED)?;
    } else {
        writeln!(out, "<ul class=\"objectives\">")?;
        for objective in objectives {
            writeln!(out, "<li>{}</li>", lines(objective))?;
        }
        writeln!(out, "</ul>")?;
    }

    writeln!(out, "<h3>{}</h3>", doc::coordinators_heading(group))?;
    if group.coordinators.is_empty() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", doc::NOT_STATED)?;
    }
    for coordinator in &group.coordinators {
        let country = inline(&doc::one_line(&coordinator.country));
        let institution = doc::one_line(&coordinator.institution);
        if institution.is_empty() {
            writeln!(out, "<p class=\"coordinator\">{country}</p>")?;
        } else {
            writeln!(out, "<p class=\"coordinator\">{country}: {}</p>", inline(&institution))?;
        }
    }

    activity_table(number, group, out)?;
    writeln!(out, "</section>")
}

fn activity_table(number: usize, group: &Group, out: &mut impl Write) -> io::Result<()> {
    if group.activities.is_empty() {
        return writeln!(out, "<p class=\"not-stated\">No activities.</p>");
    }
    let topics = group.has_topics();
    writeln!(
        out,
        "<table class=\"activities\" aria-label=\"Activities of group {}\">",
        numeral(number)
    )?;
    write!(out, "<thead><tr><th scope=\"col\" class=\"no\">{}</th>", doc::NO)?;
    if topics {
        write!(out, "<th scope=\"col\" class=\"topic\">{}</th>", doc::TOPIC)?;
    }
    writeln!(
        out,
        "<th scope=\"col\" class=\"activity\">{}</th><th scope=\"col\" class=\"progress\">{}</th>\
         <th scope=\"col\" class=\"remarks\">{}</th></tr></thead>",
        doc::ACTIVITY,
        doc::PROGRESS,
        doc::REMARKS
    )?;
    writeln!(out, "<tbody>")?;
    // Consecutive activities under one topic share a cell, as in the source's tables.
    let runs = doc::topic_runs(group);
    for (a, activity) in group.activities.iter().enumerate() {
        write!(out, "<tr><td class=\"no\">{}</td>", a + 1)?;
        if topics && let Some(&(_, len)) = runs.iter().find(|(first, _)| *first == a) {
            let topic = activity.topic.as_deref().map(lines).unwrap_or_default();
            if len > 1 {
                write!(out, "<td class=\"topic\" rowspan=\"{len}\">{topic}</td>")?;
            } else {
                write!(out, "<td class=\"topic\">{topic}</td>")?;
            }
        }
        let progress = activity.progress.get();
        let remarks: String =
            doc::paragraphs(&activity.remarks).map(|p| format!("<p>{}</p>", inline(p))).collect();
        writeln!(
            out,
            "<td class=\"activity\">{}</td><td class=\"progress\">{}</td><td class=\"remarks\">{remarks}</td></tr>",
            lines(&activity.description),
            progress_cell(&progress.to_string(), Some(f64::from(progress)))
        )?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")
}

/// A progress figure, always written, with a small bar beside it that is only decoration.
fn progress_cell(shown: &str, percent: Option<f64>) -> String {
    let bar = match percent {
        Some(p) => format!(
            "<span class=\"bar\" aria-hidden=\"true\"><span style=\"width: {}%\"></span></span>",
            p.clamp(0.0, 100.0).round()
        ),
        None => String::new(),
    };
    format!("<span class=\"value\">{}</span>{bar}", escape(shown))
}

/// The paragraphs of `text` on lines of their own within one element.
fn lines(text: &str) -> String {
    doc::paragraphs(text).map(inline).collect::<Vec<_>>().join("<br>")
}

/// One line of text, escaped, with its emphasis as `<em>`.
fn inline(line: &str) -> String {
    doc::pieces(line)
        .into_iter()
        .map(|p| if p.emphasis { format!("<em>{}</em>", escape(p.text)) } else { escape(p.text) })
        .collect()
}

/// `text` safe anywhere in an element's content or a quoted attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_emphasis_kept() {
        assert_eq!(inline("<script>&\"'|*x*"), "&lt;script&gt;&amp;&quot;&#39;|<em>x</em>");
        assert_eq!(inline("a * b"), "a * b");
        assert_eq!(lines("One\n\nTwo"), "One<br>Two");
    }

    #[test]
    fn the_bar_is_decoration_and_the_number_always_there() {
        let cell = progress_cell("70", Some(70.0));
        assert!(cell.starts_with("<span class=\"value\">70</span>"));
        assert!(cell.contains("aria-hidden=\"true\""));
        assert_eq!(progress_cell("—", None), "<span class=\"value\">—</span>");
    }
}
