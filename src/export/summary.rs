//! The plain-text summary: one line per group and a programme total.

use crate::printable::Printable;
use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::columns::pad;
use crate::model::{Report, Tally, format_percent, numeral};

/// Numeral, topic, document type, activity counts by status and progress, per group.
pub fn summary(report: &Report, out: impl Write) -> io::Result<()> {
    // Report text may hold control characters: they are shown, never sent.
    let mut out = Printable::new(out);
    let topic_width =
        report.groups.iter().map(|g| g.topic.width()).max().unwrap_or(0).max("Topic".len());
    let line =
        |out: &mut dyn Write, no: &str, topic: &str, kind: &str, t: &Tally, progress: &str| {
            writeln!(
                out,
                "{} {} {} {:>10} {:>9} {:>11} {:>11} {:>8}",
                pad(no, 5),
                pad(topic, topic_width),
                pad(kind, 17),
                t.total(),
                t.completed,
                t.in_progress,
                t.not_started,
                progress
            )
        };
    writeln!(out, "{}", report.symbol)?;
    writeln!(
        out,
        "{} {} {} {:>10} {:>9} {:>11} {:>11} {:>8}",
        pad("No.", 5),
        pad("Topic", topic_width),
        pad("Type", 17),
        "Activities",
        "Completed",
        "In progress",
        "Not started",
        "Progress"
    )?;
    for (g, group) in report.groups.iter().enumerate() {
        line(
            &mut out,
            &numeral(g + 1),
            &group.topic,
            group.document_type.label(),
            &group.tally(),
            &format_percent(group.progress()),
        )?;
    }
    line(
        &mut out,
        "All",
        &format!("{} groups", report.groups.len()),
        "",
        &report.tally(),
        &format_percent(report.progress()),
    )
}
