//! The report as one self-contained HTML5 page in the structure of the source document, set
//! for the screen and for printing on A4: inline CSS (kept in `html.css`), no scripts, no
//! external resources.

use crate::printable::Printable;
use std::io::{self, Write};

use crate::model::{Group, Report, Tally, format_percent, numeral};

use super::document as doc;
use crate::emphasis;

/// The page's style sheet: a readable column on screen, A4 pages in print with each group on
/// a new page, table headers repeated and rows kept whole.
const STYLE: &str = include_str!("html.css");

/// Writes the report as a self-contained HTML page.
pub fn html(report: &Report, out: impl Write) -> io::Result<()> {
    // Report text may hold control characters: they are shown, never sent.
    let mut out = Printable::new(out);
    let w = doc::words(report);
    let title = format!(
        "{} · {}",
        escape(&doc::one_line(&report.symbol)),
        escape(&emphasis::plain(&doc::one_line(&report.title)))
    );
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", w.code)?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")?;
    writeln!(out, "<meta name=\"generator\" content=\"wgtrack\">")?;
    writeln!(out, "<title>{title}</title>")?;
    // The style sheet has always followed a line break of its own.
    writeln!(out, "<style>\n{STYLE}</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    front(report, w, &mut out)?;
    contents(report, w, &mut out)?;
    writeln!(out, "<main>")?;
    introduction(report, w, &mut out)?;
    summary(report, w, &mut out)?;
    for (g, group) in report.groups.iter().enumerate() {
        group_section(g + 1, group, w, &mut out)?;
    }
    writeln!(out, "</main>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

fn front(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<header class=\"front\">")?;
    let date = match doc::format_date(&report.date) {
        Some(_) => format!(
            "<time datetime=\"{}\">{}</time>",
            escape(&report.date),
            escape(&w.display_date(&report.date))
        ),
        None => format!("<span>{}</span>", escape(&report.date)),
    };
    if let Some(line) = w.distribution_line(report) {
        writeln!(out, "<p class=\"distr\">{}</p>", escape(&line))?;
    }
    writeln!(
        out,
        "<p class=\"distribution\"><span class=\"symbol\">{}</span><span aria-hidden=\"true\">·</span>{date}</p>",
        escape(&doc::one_line(&report.symbol))
    )?;
    if report.language.is_some() || report.original_language.is_some() {
        for line in w.language_lines(report) {
            writeln!(out, "<p class=\"language\">{}</p>", escape(&line))?;
        }
    }
    if let Some(job) = &report.job_number {
        writeln!(out, "<p class=\"job-number\">{}</p>", escape(job))?;
    }
    if !report.meeting.trim().is_empty() {
        writeln!(out, "<p class=\"meeting\">{}</p>", inline(&doc::one_line(&report.meeting)))?;
    }
    if !report.venue.trim().is_empty() {
        writeln!(out, "<p class=\"venue\">{}</p>", inline(&doc::one_line(&report.venue)))?;
    }
    writeln!(out, "<h1>{}</h1>", inline(&doc::one_line(&report.title)))?;
    writeln!(out, "</header>")
}

fn contents(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<nav class=\"contents\" aria-labelledby=\"contents\">")?;
    writeln!(out, "<h2 id=\"contents\">{}</h2>", w.contents)?;
    writeln!(out, "<ol>")?;
    writeln!(
        out,
        "<li><a href=\"#{}\"><span class=\"numeral\"></span><span class=\"entry\">{}</span></a></li>",
        doc::INTRODUCTION_ID,
        w.introduction
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

fn introduction(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<section id=\"{}\">", doc::INTRODUCTION_ID)?;
    writeln!(out, "<h2>{}</h2>", w.introduction)?;
    let notes = doc::numbered_notes(report);
    for (s, section) in report.introduction.iter().enumerate() {
        if let Some(heading) = &section.heading {
            writeln!(out, "<h3>{}</h3>", inline(&doc::one_line(heading)))?;
        }
        for (p, stored) in section.paragraphs.iter().enumerate() {
            let parts: Vec<&str> = doc::paragraphs(stored).collect();
            for (i, paragraph) in parts.iter().enumerate() {
                // A paragraph's notes are marked after its last line.
                let marks: String = match i + 1 == parts.len() {
                    true => notes[s][p]
                        .iter()
                        .map(|(n, _)| {
                            format!(
                                "<sup class=\"note-ref\"><a href=\"#note-{n}\" id=\"note-ref-{n}\">{n}</a></sup>"
                            )
                        })
                        .collect(),
                    false => String::new(),
                };
                writeln!(out, "<p>{}{marks}</p>", inline(paragraph))?;
            }
        }
    }
    let all: Vec<&(usize, &str)> = notes.iter().flatten().flatten().collect();
    if !all.is_empty() {
        writeln!(out, "<aside class=\"notes\" aria-label=\"{}\">", w.notes)?;
        writeln!(out, "<ol>")?;
        for (n, text) in all {
            writeln!(
                out,
                "<li id=\"note-{n}\">{} <a href=\"#note-ref-{n}\">↩</a></li>",
                inline(&doc::one_line(text))
            )?;
        }
        writeln!(out, "</ol>")?;
        writeln!(out, "</aside>")?;
    }
    writeln!(out, "</section>")
}

fn summary(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "<section id=\"{}\">", doc::SUMMARY_ID)?;
    writeln!(out, "<h2>{}</h2>", w.summary)?;
    writeln!(out, "<p class=\"note\">{}</p>", escape(w.summary_note))?;
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

fn group_section(
    number: usize,
    group: &Group,
    w: &doc::Words,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "<section class=\"group\" id=\"{}\">", doc::group_id(number))?;
    writeln!(
        out,
        "<h2><span class=\"numeral\">{}.</span> <span class=\"title\">{}</span></h2>",
        numeral(number),
        inline(&doc::one_line(&group.title))
    )?;

    writeln!(out, "<h3>{}</h3>", w.objectives)?;
    writeln!(out, "<h4>{}</h4>", w.general_objective)?;
    let mut general = doc::paragraphs(&group.general_objective).peekable();
    if general.peek().is_none() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", w.not_stated)?;
    }
    for paragraph in general {
        writeln!(out, "<p>{}</p>", inline(paragraph))?;
    }
    writeln!(out, "<h4>{}</h4>", w.specific_objectives)?;
    let objectives: Vec<&String> =
        group.specific_objectives.iter().filter(|o| doc::paragraphs(o).next().is_some()).collect();
    if objectives.is_empty() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", w.not_stated)?;
    } else {
        writeln!(out, "<ul class=\"objectives\">")?;
        for objective in objectives {
            writeln!(out, "<li>{}</li>", lines(objective))?;
        }
        writeln!(out, "</ul>")?;
    }

    writeln!(out, "<h3>{}</h3>", w.coordinators_heading(group))?;
    if group.coordinators.is_empty() {
        writeln!(out, "<p class=\"not-stated\">{}</p>", w.not_stated)?;
    }
    for coordinator in &group.coordinators {
        let country = inline(&doc::one_line(&coordinator.country));
        let institution = doc::one_line(&coordinator.institution);
        let stated = w.stated_in(coordinator);
        let stated = stated.map(|s| format!(" <span class=\"stated-in\">{}</span>", escape(&s)));
        let stated = stated.unwrap_or_default();
        if institution.is_empty() {
            writeln!(out, "<p class=\"coordinator\">{country}{stated}</p>")?;
        } else {
            let institution = inline(&institution);
            writeln!(out, "<p class=\"coordinator\">{country}: {institution}{stated}</p>")?;
        }
    }

    activity_table(number, group, w, out)?;
    writeln!(out, "</section>")
}

fn activity_table(
    number: usize,
    group: &Group,
    w: &doc::Words,
    out: &mut impl Write,
) -> io::Result<()> {
    if group.activities.is_empty() {
        return writeln!(out, "<p class=\"not-stated\">No activities.</p>");
    }
    let topics = group.has_topics();
    writeln!(
        out,
        "<table class=\"activities\" aria-label=\"Activities of group {}\">",
        numeral(number)
    )?;
    write!(out, "<thead><tr><th scope=\"col\" class=\"no\">{}</th>", w.no)?;
    if topics {
        write!(out, "<th scope=\"col\" class=\"topic\">{}</th>", w.topic)?;
    }
    writeln!(
        out,
        "<th scope=\"col\" class=\"activity\">{}</th><th scope=\"col\" class=\"progress\">{}</th>\
         <th scope=\"col\" class=\"remarks\">{}</th></tr></thead>",
        w.activity, w.progress, w.remarks
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
    emphasis::pieces(line)
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
