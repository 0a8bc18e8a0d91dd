//! `wgtrack check`: the findings of `check::check`, as text or JSON; exit 1 on an error.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::CheckFormat;
use crate::check::{self, Finding};
use crate::printable::Printable;

/// A finding as JSON has it.
#[derive(Serialize)]
struct Entry<'a> {
    level: &'static str,
    rule: &'static str,
    place: String,
    path: String,
    message: &'a str,
}

/// Writes `findings`; the count (and the all-clear) goes to standard error.
pub(super) fn write(findings: &[Finding], format: CheckFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        CheckFormat::Json => {
            let entries: Vec<Entry> = findings
                .iter()
                .map(|f| Entry {
                    level: f.level.name(),
                    rule: f.rule.name(),
                    place: f.place(),
                    path: f.path.to_string(),
                    message: &f.message,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
        }
        CheckFormat::Text => {
            // Messages quote report text: its control characters are shown, never sent.
            let mut out = Printable::new(out);
            for f in findings {
                writeln!(
                    out,
                    "{:<10} {:<11} {} [{}] ({})",
                    f.place(),
                    f.level.name(),
                    f.message,
                    f.rule.name(),
                    f.path
                )?;
            }
        }
    }
    Ok(())
}

/// What `check` says on standard error at the end.
pub(super) fn tally(findings: &[Finding]) -> String {
    let count = |level| findings.iter().filter(|f| f.level == level).count();
    let (e, w, i) = (
        count(check::Level::Error),
        count(check::Level::Warning),
        count(check::Level::Information),
    );
    if findings.is_empty() {
        "no findings".into()
    } else {
        format!("{e} errors, {w} warnings, {i} for information")
    }
}
