//! `wgtrack check`: the findings of `check::check`, as text or JSON; exit 1 on an error.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use super::CheckFormat;
use super::Target;
use super::commands::{held_elsewhere, save_checked};
use crate::check::{self, Finding};
use crate::i18n::Lang;
use crate::model::{FORMAT, Report};
use crate::printable::Printable;
use crate::store;

/// `wgtrack check`: the findings not reviewed (all of them with `all`), or, with `review`
/// (rule and place, and the reason), that finding marked reviewed and the report saved.
pub(super) fn run(
    target: &Target,
    baseline: Option<&Report>,
    format: CheckFormat,
    all: bool,
    review: Option<(&[String], &str)>,
) -> Result<()> {
    let path = target.path.display();
    if let Some((place, reason)) = review {
        let (mut report, fingerprint) = target.open()?;
        if report.format < FORMAT {
            bail!(
                "{path}: reviews are kept in the report, which format {} cannot hold; run `wgtrack migrate {path}` first",
                report.format
            );
        }
        let _lock =
            store::lock::acquire(&target.path, store::Clock::System).map_err(held_elsewhere)?;
        let findings = check::check(&report, baseline);
        let (rule, place) = (&place[0], &place[1]);
        let stored = check::review(&mut report, &findings, rule, place, reason)
            .map_err(|e| anyhow::anyhow!("{path}: {e}"))?;
        save_checked(target, &report, fingerprint, false)?;
        eprintln!("{path}: {} at {} marked reviewed", stored.rule, stored.place);
        return Ok(());
    }
    let report = target.load()?;
    let sorted = check::reviewed(&report, check::check(&report, baseline));
    let shown: Vec<(&Finding, Option<&str>)> = sorted
        .open
        .iter()
        .map(|f| (f, None))
        .chain(
            all.then(|| sorted.reviewed.iter().map(|(f, r)| (f, Some(r.as_str()))))
                .into_iter()
                .flatten(),
        )
        .collect();
    let mut out = std::io::stdout().lock();
    write(&shown, format, &mut out)?;
    let mut tally = tally(&sorted.open);
    if !sorted.reviewed.is_empty() {
        let hidden = if all { "" } else { " (shown with --all)" };
        tally.push_str(&format!("; {} reviewed{hidden}", sorted.reviewed.len()));
    }
    if check::has_errors(&sorted.open) {
        bail!("{path}: {tally}");
    }
    eprintln!("{path}: {tally}");
    Ok(())
}

/// A finding as JSON has it.
#[derive(Serialize)]
struct Entry<'a> {
    level: &'static str,
    rule: &'static str,
    place: String,
    path: String,
    message: String,
    /// The reason given where the finding is marked reviewed.
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<&'a str>,
}

/// Writes `findings`, each with its review's reason if it has one; the count (and the
/// all-clear) goes to standard error.
pub(super) fn write(
    findings: &[(&Finding, Option<&str>)],
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<()> {
    // The command line speaks English.
    let english = Lang::En.texts();
    match format {
        CheckFormat::Json => {
            let entries: Vec<Entry> = findings
                .iter()
                .map(|(f, reviewed)| Entry {
                    level: f.level.name(),
                    rule: f.rule.name(),
                    place: f.place(),
                    path: f.path.to_string(),
                    message: f.message(english),
                    reviewed: *reviewed,
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)?;
        }
        CheckFormat::Text => {
            // Messages quote report text: its control characters are shown, never sent.
            let mut out = Printable::new(out);
            for (f, reviewed) in findings {
                let reviewed = reviewed.map(|r| format!(" reviewed: {r}")).unwrap_or_default();
                writeln!(
                    out,
                    "{:<10} {:<11} {} [{}] ({}){reviewed}",
                    f.place(),
                    f.level.name(),
                    f.message(english),
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
