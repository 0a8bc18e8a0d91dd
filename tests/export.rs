//! The document exports: Markdown and HTML in the structure of the source document, checked
//! against the model of the shipped report; HTML that parses without an error; escaping; and
//! `wgtrack export --format html -o FILE`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;

use html5ever::parse_document;
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use common::exported::markdown_cells;
use common::{assert_code, run, shipped, stdout};
use wgtrack::export;
use wgtrack::model::{Report, numeral};

fn markdown(report: &Report) -> String {
    let mut bytes = Vec::new();
    export::markdown(report, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

fn html(report: &Report) -> String {
    let mut bytes = Vec::new();
    export::html(report, &mut bytes).unwrap();
    String::from_utf8(bytes).unwrap()
}

/// The paragraphs of a stored text as the README defines them: the non-blank lines.
fn paragraphs(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// `*a*` pairs turned into `open` a `close`; the shipped texts only hold paired marks.
fn emphasis(text: &str, open: &str, close: &str) -> String {
    assert_eq!(text.matches('*').count() % 2, 0, "paired marks in {text:?}");
    let mut out = String::new();
    for (i, part) in text.split('*').enumerate() {
        if i % 2 == 1 {
            out.push_str(open);
            out.push_str(part);
            out.push_str(close);
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Markdown for a shipped text: its specials escaped (the shipped texts hold only brackets
/// among them, checked here) and its emphasis kept.
fn md(text: &str) -> String {
    assert!(!text.contains(['\\', '_', '<', '>', '|', '`', '~', '$', '&']), "{text:?}");
    assert!(!text.trim_start().starts_with(['#', '-', '+', '=', '>']), "{text:?}");
    text.replace('[', "\\[").replace(']', "\\]")
}

/// HTML for a text: escaped, emphasis as `<em>`.
fn html_text(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;");
    emphasis(&escaped, "<em>", "</em>")
}

/// The text without its emphasis marks.
fn plain(text: &str) -> String {
    emphasis(text, "", "")
}

/// The Markdown heading line of group `number` (1-based).
fn md_group_heading(report: &Report, number: usize) -> String {
    let n = numeral(number);
    let title = md(&report.groups[number - 1].title);
    format!("## <a id=\"group-{}\"></a>{n}. {title}", n.to_lowercase())
}

/// The Markdown of group `number`: from its heading to the next group's or the end.
fn md_group_section<'a>(text: &'a str, report: &Report, number: usize) -> &'a str {
    let start = text.find(&md_group_heading(report, number)).expect("the group heading");
    let end = if number < report.groups.len() {
        text.find(&md_group_heading(report, number + 1)).expect("the next group heading")
    } else {
        text.len()
    };
    assert!(start < end, "group {number} comes before the next");
    &text[start..end]
}

#[test]
fn markdown_has_the_title_block_contents_and_introduction() {
    let report = shipped();
    let text = markdown(&report);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("LC/CE.20/3 · 5 April 2021"));
    assert!(text.contains(&format!("\n{}\n", md(&report.meeting))));
    assert!(text.contains(&format!("\n{}\n", md(&report.venue))));
    assert!(text.contains(&format!("\n# {}\n", md(&report.title))));

    // The contents: the introduction, then every group, in order, each linking to its anchor.
    let contents = text.find("\n## Contents\n").expect("a contents list");
    let mut at = text[contents..].find("- [Introduction](#introduction)").unwrap() + contents;
    for (g, group) in report.groups.iter().enumerate() {
        let n = numeral(g + 1);
        let entry = format!("- [{n}. {}](#group-{})", md(&group.title), n.to_lowercase());
        let found = text[at..].find(&entry).unwrap_or_else(|| panic!("{entry} after {at}"));
        at += found;
        assert!(text.contains(&format!("<a id=\"group-{}\"></a>", n.to_lowercase())));
    }

    // The introduction: its headed sections and every paragraph, before the groups.
    let intro = text.find("## <a id=\"introduction\"></a>Introduction\n").unwrap();
    let first_group = text.find(&md_group_heading(&report, 1)).unwrap();
    assert!(report.introduction[0].heading.is_none(), "the first section has no heading");
    let mut at = intro;
    for section in &report.introduction {
        if let Some(heading) = &section.heading {
            let line = format!("\n### {}\n", md(heading));
            at += text[at..].find(&line).unwrap_or_else(|| panic!("{line}"));
        }
        for paragraph in section.paragraphs.iter().flat_map(|p| paragraphs(p)) {
            // A line of its own, but for the marks of its notes after it.
            let line = format!("\n{}", md(paragraph));
            at += text[at..].find(&line).unwrap_or_else(|| panic!("{line}"));
        }
    }
    assert!(at < first_group, "the introduction comes before the groups");

    // The summary is a section of its own between the introduction and the groups.
    let summary = text.find("## <a id=\"summary-of-progress\"></a>Summary of progress\n").unwrap();
    assert!(at < summary && summary < first_group);
    for (g, group) in report.groups.iter().enumerate() {
        let n = numeral(g + 1);
        let row = format!("| [{n}](#group-{}) | {} |", n.to_lowercase(), md(&group.topic));
        assert!(text[summary..first_group].contains(&row), "{row}");
    }
}

#[test]
fn markdown_has_every_group_and_every_activity() {
    let report = shipped();
    let text = markdown(&report);
    let mut activities = 0;
    for (g, group) in report.groups.iter().enumerate() {
        let section = md_group_section(&text, &report, g + 1);
        assert!(section.contains("\n### 1. Objectives\n"));
        let general = format!("#### General objective\n\n{}\n", md(&group.general_objective));
        assert!(section.contains(&general), "{general}");
        assert!(section.contains("\n#### Specific objectives\n"));
        for objective in &group.specific_objectives {
            assert!(section.contains(&format!("\n- {}\n", md(objective))), "{objective}");
        }
        let heading = match group.coordinators.len() {
            0 | 1 => "\n### 2. Coordinating country\n",
            _ => "\n### 2. Coordinating countries\n",
        };
        assert!(section.contains(heading), "{}: {heading}", numeral(g + 1));
        if group.coordinators.is_empty() {
            assert!(section.contains("\n*Not stated*\n"), "{}", numeral(g + 1));
        }
        for c in &group.coordinators {
            let stated = match c.stated_in {
                Some(wgtrack::model::StatedIn::ActivityRemarks(n)) => {
                    format!(" (from the remarks of activity {n})")
                }
                None => String::new(),
            };
            let line = format!("\n{}: {}{stated}\n", md(&c.country), md(&c.institution));
            assert!(section.contains(&line), "{line}");
        }

        // The table: a Topic column only where the group has topics.
        let header = if group.has_topics() {
            "| No. | Topic | Activity | Progress (percentages) | Remarks |"
        } else {
            "| No. | Activity | Progress (percentages) | Remarks |"
        };
        assert!(section.contains(&format!("\n{header}\n")), "{}: {header}", numeral(g + 1));
        let width = markdown_cells(header).len();
        let rows: Vec<&str> = section
            .lines()
            .filter(|l| {
                l.starts_with("| ")
                    && l.split(' ').nth(1).is_some_and(|n| n.parse::<usize>().is_ok())
            })
            .collect();
        assert_eq!(rows.len(), group.activities.len(), "rows of group {}", numeral(g + 1));
        for (a, (activity, row)) in group.activities.iter().zip(&rows).enumerate() {
            let cells = markdown_cells(row);
            let at = format!("{} {}", numeral(g + 1), a + 1);
            assert_eq!(cells.len(), width, "{at}: {row}");
            assert_eq!(cells[0], (a + 1).to_string(), "{at}");
            assert_eq!(cells[width - 3], md(&activity.description), "{at}");
            assert_eq!(cells[width - 2], activity.progress.get().to_string(), "{at}");
            let remarks: Vec<String> = paragraphs(&activity.remarks).into_iter().map(md).collect();
            assert_eq!(cells[width - 1], remarks.join("<br><br>"), "{at}");
            for paragraph in remarks {
                assert!(row.contains(&paragraph), "{at}: {paragraph}");
            }
            activities += 1;
        }
    }
    assert_eq!(activities, 85);
    assert_eq!(report.activities().count(), 85);
    assert!(text.contains(
        "*Recommendations on the Role of Official Statistics in Measuring Hazardous Events and Disasters*"
    ));
}

#[test]
fn markdown_topics_appear_once_per_run_as_merged_cells() {
    let report = shipped();
    let text = markdown(&report);
    let (g, group) = report.groups.iter().enumerate().find(|(_, g)| g.has_topics()).unwrap();
    let section = md_group_section(&text, &report, g + 1);
    let mut previous: Option<&str> = None;
    for (a, activity) in group.activities.iter().enumerate() {
        let row = section.lines().find(|l| l.starts_with(&format!("| {} |", a + 1))).unwrap();
        let topic = activity.topic.as_deref().unwrap();
        let expected = if previous == Some(topic) { String::new() } else { md(topic) };
        assert_eq!(markdown_cells(row)[1], expected, "activity {}", a + 1);
        previous = Some(topic);
    }
}

/// Parses `text` as a browser would and returns the document and every parse error.
fn parse(text: &str) -> (RcDom, Vec<String>) {
    let mut bytes = text.as_bytes();
    let dom = parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut bytes)
        .expect("read the HTML");
    let errors = dom.errors.borrow().iter().map(|e| e.to_string()).collect();
    (dom, errors)
}

fn tag(node: &Handle) -> Option<String> {
    match &node.data {
        NodeData::Element { name, .. } => Some(name.local.to_string()),
        _ => None,
    }
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => {
            attrs.borrow().iter().find(|a| &*a.name.local == name).map(|a| a.value.to_string())
        }
        _ => None,
    }
}

fn has_class(node: &Handle, class: &str) -> bool {
    attr(node, "class").is_some_and(|c| c.split_whitespace().any(|c| c == class))
}

/// Every element below `node` (depth first) that `keep` accepts.
fn find(node: &Handle, keep: &dyn Fn(&Handle) -> bool) -> Vec<Handle> {
    let mut found = Vec::new();
    for child in node.children.borrow().iter() {
        if tag(child).is_some() && keep(child) {
            found.push(child.clone());
        }
        found.extend(find(child, keep));
    }
    found
}

fn text_of(node: &Handle) -> String {
    let mut out = String::new();
    if let NodeData::Text { contents } = &node.data {
        out.push_str(&contents.borrow());
    }
    for child in node.children.borrow().iter() {
        out.push_str(&text_of(child));
    }
    out
}

#[test]
fn the_parse_check_sees_errors() {
    let (_, errors) = parse("<!DOCTYPE html><html lang=\"en\"><title>t</title><p>a</b></p>");
    assert!(!errors.is_empty(), "a stray end tag is an error");
    let (_, errors) = parse("<!DOCTYPE html><html lang=\"en\"><title>t</title><p>a & b</p>");
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn html_parses_without_a_single_error() {
    let text = html(&shipped());
    let (_, errors) = parse(&text);
    assert!(errors.is_empty(), "{} HTML5 parse errors:\n{}", errors.len(), errors.join("\n"));
}

#[test]
fn html_is_one_self_contained_printable_page() {
    let text = html(&shipped());
    assert!(
        text.starts_with("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    );
    assert!(
        text.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(text.contains("<title>LC/CE.20/3 · Second report on the implementation"));
    for external in ["src=", "href=\"http", "href='http", "<link", "<script", "@import", "url("] {
        assert!(!text.contains(external), "{external}");
    }
    assert!(text.contains("@page { size: A4;"), "an A4 page rule");
    assert!(text.contains(".group { break-before: page;"), "groups start on a new page");
    assert!(text.contains("thead { display: table-header-group; }"), "headers repeat");
    assert!(text.contains("tr { break-inside: avoid;"), "rows stay whole");
    assert!(text.contains("max-width:"), "a readable column on screen");
}

#[test]
fn html_has_every_group_and_every_activity() {
    let report = shipped();
    let text = html(&report);
    let (dom, _) = parse(&text);
    let doc = &dom.document;

    let h1 = find(doc, &|n| tag(n).as_deref() == Some("h1"));
    assert_eq!(text_of(&h1[0]), plain(&report.title));
    let time = find(doc, &|n| tag(n).as_deref() == Some("time"));
    assert_eq!(text_of(&time[0]), "5 April 2021");
    assert_eq!(attr(&time[0], "datetime").as_deref(), Some(report.date.as_str()));

    // The contents link to every group in order, after the introduction.
    let nav = find(doc, &|n| tag(n).as_deref() == Some("nav"));
    let links: Vec<String> = find(&nav[0], &|n| tag(n).as_deref() == Some("a"))
        .iter()
        .map(|a| attr(a, "href").unwrap())
        .collect();
    let mut expected = vec!["#introduction".to_string()];
    expected
        .extend((1..=report.groups.len()).map(|n| format!("#group-{}", numeral(n).to_lowercase())));
    assert_eq!(links, expected);

    // The introduction's headings and paragraphs.
    let intro = find(doc, &|n| attr(n, "id").as_deref() == Some("introduction"));
    let intro_text = text_of(&intro[0]);
    for section in &report.introduction {
        if let Some(heading) = &section.heading {
            assert!(intro_text.contains(heading.as_str()), "{heading}");
        }
        for paragraph in section.paragraphs.iter().flat_map(|p| paragraphs(p)) {
            assert!(text.contains(&format!("<p>{}", html_text(paragraph))), "{paragraph}");
        }
    }

    let mut activities = 0;
    for (g, group) in report.groups.iter().enumerate() {
        let id = format!("group-{}", numeral(g + 1).to_lowercase());
        let sections = find(doc, &|n| attr(n, "id").as_deref() == Some(id.as_str()));
        assert_eq!(sections.len(), 1, "{id}");
        let section = &sections[0];
        assert!(has_class(section, "group"), "{id} is a group section");
        let h2 = find(section, &|n| tag(n).as_deref() == Some("h2"));
        assert_eq!(text_of(&h2[0]), format!("{}. {}", numeral(g + 1), plain(&group.title)));

        let tables = find(section, &|n| has_class(n, "activities"));
        let headers: Vec<String> =
            find(&tables[0], &|n| tag(n).as_deref() == Some("th")).iter().map(text_of).collect();
        let mut expected = vec!["No.", "Activity", "Progress (percentages)", "Remarks"];
        if group.has_topics() {
            expected.insert(1, "Topic");
        }
        assert_eq!(headers, expected, "{id}");
        let tbody = find(&tables[0], &|n| tag(n).as_deref() == Some("tbody"));
        let rows = find(&tbody[0], &|n| tag(n).as_deref() == Some("tr"));
        assert_eq!(rows.len(), group.activities.len(), "{id}");
        for (a, (activity, row)) in group.activities.iter().zip(&rows).enumerate() {
            let at = format!("{} {}", numeral(g + 1), a + 1);
            let cell = |class: &str| {
                let found = find(row, &|n| tag(n).as_deref() == Some("td") && has_class(n, class));
                assert_eq!(found.len(), 1, "{at}: one {class} cell");
                found[0].clone()
            };
            assert_eq!(text_of(&cell("no")), (a + 1).to_string(), "{at}");
            assert_eq!(text_of(&cell("activity")), plain(&activity.description), "{at}");
            assert_eq!(text_of(&cell("progress")), activity.progress.get().to_string(), "{at}");
            let remarks: Vec<String> = find(&cell("remarks"), &|n| tag(n).as_deref() == Some("p"))
                .iter()
                .map(text_of)
                .collect();
            let expected: Vec<String> =
                paragraphs(&activity.remarks).into_iter().map(plain).collect();
            assert_eq!(remarks, expected, "{at}");
            for paragraph in paragraphs(&activity.remarks) {
                let escaped = format!("<p>{}</p>", html_text(paragraph));
                assert!(text.contains(&escaped), "{at}: {escaped}");
            }
            activities += 1;
        }
    }
    assert_eq!(activities, 85);
    assert!(text.contains(
        "<em>Recommendations on the Role of Official Statistics in Measuring Hazardous Events and Disasters</em>"
    ));
}

/// The shipped report with hostile text in the first activity and the first group's title.
fn hostile() -> Report {
    let mut report = shipped();
    report.groups[0].title = "Tags <b> & \"quotes\" 'too' | pipes".to_string();
    let activity = &mut report.groups[0].activities[0];
    activity.description = "<script>&\"'|*x*".to_string();
    activity.remarks =
        "First | one <i>.\n\nSecond & *Title* \\ back_slash [link](x) # not".to_string();
    report
}

#[test]
fn hostile_text_renders_literally_in_html() {
    let text = html(&hostile());
    let (_, errors) = parse(&text);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(!text.contains("<script"), "no script element");
    assert!(!text.contains("<b>") && !text.contains("<i>"));
    assert!(text.contains("&lt;script&gt;&amp;&quot;&#39;|<em>x</em>"));
    assert!(text.contains("Tags &lt;b&gt; &amp; &quot;quotes&quot; &#39;too&#39; | pipes"));
    assert!(text.contains("<p>First | one &lt;i&gt;.</p><p>Second &amp; <em>Title</em> \\ back_slash [link](x) # not</p>"));
}

#[test]
fn hostile_text_renders_literally_in_markdown() {
    let report = hostile();
    let text = markdown(&report);
    // Every `<` is escaped but those of the export's own anchors and line breaks.
    for (i, _) in text.match_indices('<') {
        let own = ["<a id=\"", "</a>", "<br>"].iter().any(|t| text[i..].starts_with(t));
        assert!(own || text[..i].ends_with('\\'), "a raw < at {i}: {}", &text[i..i + 20]);
    }
    let row = text.lines().find(|l| l.starts_with("| 1 |")).unwrap();
    let cells = markdown_cells(row);
    assert_eq!(cells.len(), 4, "the pipes do not split the row: {row}");
    assert_eq!(cells[1], "\\<script\\>&\"'\\|*x*");
    assert_eq!(
        cells[3],
        "First \\| one \\<i\\>.<br><br>Second & *Title* \\\\ back\\_slash \\[link\\](x) # not"
    );
    assert!(
        text.contains("## <a id=\"group-i\"></a>I. Tags \\<b\\> & \"quotes\" 'too' \\| pipes\n")
    );
}

#[test]
fn cli_writes_the_html_file_and_prints_nothing() {
    let home = tempfile::tempdir().unwrap();
    let file = common::write_shipped(&home.path().join("report.ron"));
    let out = run(
        home.path(),
        &["-f", file.to_str().unwrap(), "export", "--format", "html", "-o", "out.html"],
    );
    assert_code(&out, 0);
    assert_eq!(stdout(&out), "", "nothing on standard output");
    let written = fs::read_to_string(home.path().join("out.html")).expect("out.html written");
    assert_eq!(written, html(&shipped()));

    let out = run(home.path(), &["-f", file.to_str().unwrap(), "export", "--format", "markdown"]);
    assert_code(&out, 0);
    assert_eq!(stdout(&out), markdown(&shipped()));
}

/// Texts that a terminal would act on (clear the screen, set the title, colour) and cells
/// that a spreadsheet would run as formulas.
fn dangerous() -> Report {
    let mut report = shipped();
    report.symbol = "LC/\u{1b}]0;pwned\u{7}".into();
    report.groups[0].title = "=HYPERLINK(\"http://example.com\")".into();
    report.groups[0].topic = "\u{1b}[2J topic".into();
    let activities = &mut report.groups[0].activities;
    activities[0].description = "+1+cmd|' /C calc'!A0".into();
    activities[0].remarks = "-2\u{9b}31m red \u{7f} \r\n done \u{85}".into();
    activities[1].description = "@SUM(A1)".into();
    activities[2].description = "\tTabbed \u{1b}[2J".into();
    activities[3].description = "\rReturned".into();
    report
}

/// Whether `text` holds a character a terminal would act on (a line feed, a tab and the
/// carriage return of a CSV line end aside).
fn acts_on_a_terminal(text: &str) -> bool {
    text.replace("\r\n", "\n").chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn no_export_and_no_printout_carries_control_characters() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("dangerous.ron");
    fs::write(&path, wgtrack::store::to_text(&dangerous())).unwrap();
    let old = common::write_shipped(&home.path().join("old.ron"));
    let file = path.to_str().unwrap();
    for args in [
        &["-f", file, "export", "--format", "csv"][..],
        &["-f", file, "export", "--format", "csv", "--raw"][..],
        &["-f", file, "export", "--format", "markdown"][..],
        &["-f", file, "export", "--format", "html"][..],
        &["-f", file, "export", "--format", "json"][..],
        &["-f", file, "summary"][..],
        &["-f", file, "diff", old.to_str().unwrap()][..],
        &["-f", file, "diff", old.to_str().unwrap(), "--format", "markdown"][..],
        &["-f", file, "diff", old.to_str().unwrap(), "--format", "json"][..],
    ] {
        let out = run(home.path(), args);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(!acts_on_a_terminal(&text), "{args:?}: {text:?}");
        assert!(text.contains("\\u{1b}") || text.contains("\\u001b"), "{args:?} shows it");
    }
    // JSON escapes them and keeps every character.
    let out = run(home.path(), &["-f", file, "export", "--format", "json"]);
    let back: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(back, dangerous());
    assert!(stdout(&out).contains("\\u009b") && stdout(&out).contains("\\u007f"));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_start_with_a_quote() {
    let report = dangerous();
    let rows = |raw: bool| {
        let mut bytes = Vec::new();
        if raw {
            export::csv_raw(&report, &mut bytes).unwrap();
        } else {
            export::csv(&report, &mut bytes).unwrap();
        }
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        reader.deserialize().map(Result::unwrap).collect::<Vec<export::CsvRow>>()
    };
    let safe = rows(false);
    assert_eq!(safe[0].group_title, "'=HYPERLINK(\"http://example.com\")");
    assert_eq!(safe[0].description, "'+1+cmd|' /C calc'!A0");
    assert!(safe[0].remarks.starts_with("'-2\\u{9b}31m"), "{}", safe[0].remarks);
    assert_eq!(safe[1].description, "'@SUM(A1)");
    assert_eq!(safe[2].description, "'\tTabbed \\u{1b}[2J");
    assert_eq!(safe[3].description, "\\u{d}Returned", "escaped, so no longer a return");
    assert_eq!(safe[4].description, report.groups[0].activities[4].description);
    let raw = rows(true);
    assert_eq!(raw[0].group_title, report.groups[0].title);
    assert_eq!(raw[1].description, "@SUM(A1)");
    assert_eq!(raw[2].description, "\tTabbed \\u{1b}[2J");
}

#[test]
fn the_documents_carry_the_front_matter_the_notes_and_where_a_coordinator_was_stated() {
    let report = wgtrack::store::shipped().unwrap();
    let mut markdown = Vec::new();
    wgtrack::export::markdown(&report, &mut markdown).unwrap();
    let markdown = String::from_utf8(markdown).unwrap();
    assert!(markdown.contains("Distr. LIMITED · ENGLISH · ORIGINAL: SPANISH"), "{markdown}");
    assert!(markdown.contains("\n21-00161\n"));
    assert!(markdown.contains("[^1]: See resolution 11(X) \\[online\\]"));
    assert!(markdown.contains("activities.[^1]\n"), "the mark after its paragraph");
    assert!(markdown.contains("(INEGI) (from the remarks of activity 1)"));

    let mut html = Vec::new();
    wgtrack::export::html(&report, &mut html).unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(html.contains("<p class=\"distr\">Distr. LIMITED</p>"));
    assert!(html.contains("<p class=\"language\">ORIGINAL: SPANISH</p>"));
    assert!(html.contains("<p class=\"job-number\">21-00161</p>"));
    assert!(html.contains("<li id=\"note-1\">See resolution 11(X) [online]"));
    assert!(html.contains("href=\"#note-1\" id=\"note-ref-1\">1</a></sup></p>"));
    assert!(html.contains("<span class=\"stated-in\">(from the remarks of activity 1)</span>"));

    let mut json = Vec::new();
    wgtrack::export::json(&report, &mut json).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["distribution"], "Limited");
    assert_eq!(json["job_number"], "21-00161");
    assert_eq!(json["original_language"], "Spanish");
    assert_eq!(json["introduction"][0]["notes"][0]["paragraph"], 1);
    assert_eq!(json["groups"][9]["coordinators"][0]["stated_in"]["ActivityRemarks"], 1);
}
