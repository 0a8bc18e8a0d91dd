//! The report as GitHub-flavoured Markdown, in the structure of the source document: title
//! block, contents, introduction, a summary of progress, then each group with its objectives,
//! coordinators and activity table.

use crate::printable::Printable;
use std::io::{self, Write};

use crate::model::{Group, Report, Tally, format_percent, numeral};

use super::document as doc;
use crate::emphasis::{self, Piece};

/// Writes the report as Markdown.
pub fn markdown(report: &Report, out: impl Write) -> io::Result<()> {
    // Report text may hold control characters: they are shown, never sent.
    let mut out = Printable::new(out);
    let w = doc::words(report);
    title_block(report, w, &mut out)?;
    contents(report, w, &mut out)?;
    introduction(report, w, &mut out)?;
    summary(report, w, &mut out)?;
    for (g, group) in report.groups.iter().enumerate() {
        group_section(g + 1, group, w, &mut out)?;
    }
    Ok(())
}

fn title_block(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} · {}", inline(&report.symbol), escape_text(&w.display_date(&report.date)))?;
    writeln!(out)?;
    // What format 2 adds to the cover: the distribution and the languages, the job number.
    if report.distribution.is_some() || report.language.is_some() {
        let lines = w.distribution_line(report).into_iter().chain(w.language_lines(report));
        let lines: Vec<String> = lines.map(|l| escape_text(&l)).collect();
        writeln!(out, "{}", lines.join(" · "))?;
        writeln!(out)?;
    }
    if let Some(job) = &report.job_number {
        writeln!(out, "{}", inline(job))?;
        writeln!(out)?;
    }
    for field in [&report.meeting, &report.venue] {
        if !field.trim().is_empty() {
            writeln!(out, "{}", inline(&doc::one_line(field)))?;
            writeln!(out)?;
        }
    }
    writeln!(out, "# {}", inline(&doc::one_line(&report.title)))?;
    writeln!(out)
}

fn contents(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## {}", w.contents)?;
    writeln!(out)?;
    writeln!(out, "- [{}](#{})", w.introduction, doc::INTRODUCTION_ID)?;
    for (g, group) in report.groups.iter().enumerate() {
        let title = inline(&doc::one_line(&group.title));
        writeln!(out, "- [{}. {title}](#{})", numeral(g + 1), doc::group_id(g + 1))?;
    }
    writeln!(out)
}

fn introduction(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## {}{}", anchor(doc::INTRODUCTION_ID), w.introduction)?;
    writeln!(out)?;
    let notes = doc::numbered_notes(report);
    for (s, section) in report.introduction.iter().enumerate() {
        if let Some(heading) = &section.heading {
            writeln!(out, "### {}", inline(&doc::one_line(heading)))?;
            writeln!(out)?;
        }
        for (p, stored) in section.paragraphs.iter().enumerate() {
            let parts: Vec<&str> = doc::paragraphs(stored).collect();
            for (i, paragraph) in parts.iter().enumerate() {
                // A paragraph's notes are marked after its last line.
                let marks: String = match i + 1 == parts.len() {
                    true => notes[s][p].iter().map(|(n, _)| format!("[^{n}]")).collect(),
                    false => String::new(),
                };
                writeln!(out, "{}{marks}", inline(paragraph))?;
                writeln!(out)?;
            }
        }
    }
    for (n, text) in notes.iter().flatten().flatten() {
        writeln!(out, "[^{n}]: {}", inline(&doc::one_line(text)))?;
        writeln!(out)?;
    }
    Ok(())
}

fn summary(report: &Report, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "## {}{}", anchor(doc::SUMMARY_ID), w.summary)?;
    writeln!(out)?;
    writeln!(out, "*{}*", escape_text(w.summary_note))?;
    writeln!(out)?;
    writeln!(
        out,
        "| No. | Topic | Type | Activities | Completed | In progress | Not started | Progress |"
    )?;
    writeln!(out, "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")?;
    let row = |out: &mut dyn Write, no: &str, topic: &str, kind: &str, t: Tally, p: Option<f64>| {
        writeln!(
            out,
            "| {no} | {topic} | {kind} | {} | {} | {} | {} | {} |",
            t.total(),
            t.completed,
            t.in_progress,
            t.not_started,
            format_percent(p)
        )
    };
    for (g, group) in report.groups.iter().enumerate() {
        let no = format!("[{}](#{})", numeral(g + 1), doc::group_id(g + 1));
        let topic = cell(&group.topic, "<br>");
        row(out, &no, &topic, group.document_type.label(), group.tally(), group.progress())?;
    }
    let all = format!("{} groups", report.groups.len());
    row(out, "**All**", &all, "", report.tally(), report.progress())?;
    writeln!(out)
}

fn group_section(
    number: usize,
    group: &Group,
    w: &doc::Words,
    out: &mut impl Write,
) -> io::Result<()> {
    let title = inline(&doc::one_line(&group.title));
    writeln!(out, "## {}{}. {title}", anchor(&doc::group_id(number)), numeral(number))?;
    writeln!(out)?;

    writeln!(out, "### {}", w.objectives)?;
    writeln!(out)?;
    writeln!(out, "#### {}", w.general_objective)?;
    writeln!(out)?;
    let mut general = doc::paragraphs(&group.general_objective).peekable();
    if general.peek().is_none() {
        writeln!(out, "*{}*", w.not_stated)?;
        writeln!(out)?;
    }
    for paragraph in general {
        writeln!(out, "{}", inline(paragraph))?;
        writeln!(out)?;
    }
    writeln!(out, "#### {}", w.specific_objectives)?;
    writeln!(out)?;
    let objectives: Vec<String> = group
        .specific_objectives
        .iter()
        .map(|o| cell(o, "<br>"))
        .filter(|o| !o.is_empty())
        .collect();
    if objectives.is_empty() {
        writeln!(out, "*{}*", w.not_stated)?;
    }
    for objective in objectives {
        writeln!(out, "- {objective}")?;
    }
    writeln!(out)?;

    writeln!(out, "### {}", w.coordinators_heading(group))?;
    writeln!(out)?;
    if group.coordinators.is_empty() {
        writeln!(out, "*{}*", w.not_stated)?;
        writeln!(out)?;
    }
    for coordinator in &group.coordinators {
        let country = inline(&doc::one_line(&coordinator.country));
        let institution = doc::one_line(&coordinator.institution);
        let stated = w.stated_in(coordinator).map(|s| format!(" {}", escape_text(&s)));
        let stated = stated.unwrap_or_default();
        if institution.is_empty() {
            writeln!(out, "{country}{stated}")?;
        } else {
            writeln!(out, "{country}: {}{stated}", inline(&institution))?;
        }
        writeln!(out)?;
    }

    activity_table(group, w, out)
}

fn activity_table(group: &Group, w: &doc::Words, out: &mut impl Write) -> io::Result<()> {
    if group.activities.is_empty() {
        writeln!(out, "*No activities.*")?;
        return writeln!(out);
    }
    let topics = group.has_topics();
    if topics {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            w.no, w.topic, w.activity, w.progress, w.remarks
        )?;
        writeln!(out, "| ---: | --- | --- | ---: | --- |")?;
    } else {
        writeln!(out, "| {} | {} | {} | {} |", w.no, w.activity, w.progress, w.remarks)?;
        writeln!(out, "| ---: | --- | ---: | --- |")?;
    }
    // As in the source's merged cells, a topic is written on the first row it covers.
    let firsts: Vec<usize> = doc::topic_runs(group).into_iter().map(|(first, _)| first).collect();
    for (a, activity) in group.activities.iter().enumerate() {
        write!(out, "| {} |", a + 1)?;
        if topics {
            let topic = match &activity.topic {
                Some(topic) if firsts.contains(&a) => cell(topic, "<br>"),
                _ => String::new(),
            };
            write!(out, " {topic} |")?;
        }
        writeln!(
            out,
            " {} | {} | {} |",
            cell(&activity.description, "<br>"),
            activity.progress.get(),
            cell(&activity.remarks, "<br><br>")
        )?;
    }
    writeln!(out)
}

/// An inline anchor for a heading, so links do not depend on a renderer's own ids.
fn anchor(id: &str) -> String {
    format!("<a id=\"{id}\"></a>")
}

/// A table cell or list item: the paragraphs of `text` joined by `separator`.
fn cell(text: &str, separator: &str) -> String {
    doc::paragraphs(text).map(inline).collect::<Vec<_>>().join(separator)
}

/// One line of text with its emphasis as `*…*` and everything else literal (a `*` that marks
/// nothing as `\*`). An emphasised run with spaces at its ends (nested emphasis read flat)
/// leaves them to the text around it; where Markdown would still not read the marks as
/// emphasis (beside an escaped `*`, two emphasised runs side by side), `<em>` is used.
fn inline(line: &str) -> String {
    enum Run {
        Plain(String),
        Emphasis(String),
    }
    let mut runs = Vec::new();
    for Piece { text, emphasis } in emphasis::pieces(line) {
        let core = text.trim();
        if !emphasis || core.is_empty() {
            runs.push(Run::Plain(escape_text(text)));
            continue;
        }
        let start = text.len() - text.trim_start().len();
        runs.push(Run::Plain(text[..start].to_string()));
        runs.push(Run::Emphasis(escape_text(core)));
        runs.push(Run::Plain(text[start + core.len()..].to_string()));
    }
    let mut out = String::new();
    for (i, run) in runs.iter().enumerate() {
        match run {
            Run::Plain(text) => out.push_str(text),
            Run::Emphasis(text) => {
                let next = runs[i + 1..].iter().find_map(|r| match r {
                    Run::Plain(t) => t.chars().next().map(Some),
                    Run::Emphasis(_) => Some(None),
                });
                // Two emphasised runs in a row would make one run of marks: `*a**b*`.
                let marks = match next {
                    Some(None) => false,
                    Some(after) => can_emphasise(out.chars().next_back(), text, after),
                    None => can_emphasise(out.chars().next_back(), text, None),
                };
                if marks {
                    out.push('*');
                    out.push_str(text);
                    out.push('*');
                } else {
                    out.push_str("<em>");
                    out.push_str(text);
                    out.push_str("</em>");
                }
            }
        }
    }
    block_start(out)
}

/// Whether `*text*` between `before` and `after` is emphasis by CommonMark's flanking rules.
fn can_emphasise(before: Option<char>, text: &str, after: Option<char>) -> bool {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let (first, last) = (text.chars().next(), text.chars().next_back());
    if before == Some('*') || first.is_none() {
        return false;
    }
    let opens = !space(first) && (!punct(first) || space(before) || punct(before));
    let closes = !space(last) && (!punct(last) || space(after) || punct(after));
    opens && closes
}

/// `text` with every character that Markdown could read as markup escaped.
pub(super) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // Only an entity or character reference (`&amp;`, `&#38;`) needs it.
            '&' if chars.peek().is_some_and(|n| n.is_alphanumeric() || *n == '#') => {
                out.push_str("\\&");
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes what would open a heading, list, quote or rule at the start of a line.
fn block_start(line: String) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_are_escaped_and_emphasis_kept() {
        assert_eq!(inline("a|b"), "a\\|b");
        assert_eq!(inline("<script>&\"'|*x*"), "\\<script\\>&\"'\\|*x*");
        assert_eq!(inline("snake_case [x](y) `c` \\"), "snake\\_case \\[x\\](y) \\`c\\` \\\\");
        assert_eq!(inline("AT&T &amp;"), "AT\\&T \\&amp;");
        assert_eq!(inline("one * two"), "one \\* two");
    }

    #[test]
    fn line_starts_cannot_open_blocks() {
        assert_eq!(inline("# not a heading"), "\\# not a heading");
        assert_eq!(inline("- not a list"), "\\- not a list");
        assert_eq!(inline("2021. A year"), "2021\\. A year");
        assert_eq!(inline("> not a quote"), "\\> not a quote");
        assert_eq!(inline("In 2021. fine"), "In 2021. fine");
    }

    #[test]
    fn emphasis_is_kept_and_every_other_mark_escaped() {
        assert_eq!(inline("the *Manual (2019)*, p. 3"), "the *Manual (2019)*, p. 3");
        assert_eq!(inline("see * Title * here"), "see \\* Title \\* here");
        assert_eq!(inline("x*(Title)*y"), "x\\*(Title)\\*y");
        assert_eq!(inline("*a**b*"), "*a\\*\\*b*");
        assert_eq!(
            inline("Ratio 2*3 and a lone * star; **double**"),
            "Ratio 2\\*3 and a lone \\* star; \\*\\*double\\*\\*"
        );
        assert_eq!(inline("x**y*z*"), "x\\*\\*y*z*");
        // Nested emphasis comes out as runs side by side.
        assert_eq!(inline("*a *b* c*"), "*a* *b* *c*");
    }
}
