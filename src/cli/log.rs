//! `wgtrack log`: the history of an activity, a group or the programme through the commits
//! of the report's repository, as text or JSON.

use std::io::Write;
use std::sync::Arc;

use anyhow::Result;
use serde_json::{Value, json};

use super::{LogFormat, Target, UsageError};
use crate::columns::{ellipsize, fit};
use crate::format::{date_time, sparkline};
use crate::history::{Commit, History, Versions};
use crate::model::{Report, format_percent, numeral, parse_group_number};

/// What the log is of: the programme, a group, or an activity (indices from 0, in the file).
#[derive(Debug, Clone, Copy)]
enum Subject {
    Programme,
    Group(usize),
    Activity(usize, usize),
}

/// Writes the history asked for to `out`.
pub(super) fn log(
    target: &Target,
    group: Option<&str>,
    activity: Option<usize>,
    format: LogFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let report = target.load()?;
    let subject = subject(&report, group, activity)?;
    let mut history = History::open(&target.path)?;
    let versions = history.versions(Some(Arc::new(report)), &mut |_| {})?;
    for (commit, why) in &versions.unreadable {
        eprintln!("wgtrack: warning: commit {} left out: {why}", commit.short_id());
    }
    let zone = jiff::tz::TimeZone::system();
    let rows = rows(&versions, subject);
    match format {
        LogFormat::Text => text(&versions, subject, &rows, &zone, out),
        LogFormat::Json => {
            let history: Vec<&Value> = rows.iter().map(|(_, row)| row).collect();
            let value = json!({ "subject": subject_json(&versions, subject), "history": history });
            serde_json::to_writer_pretty(&mut *out, &value)?;
            writeln!(out)?;
            Ok(())
        }
    }
}

fn subject(report: &Report, group: Option<&str>, activity: Option<usize>) -> Result<Subject> {
    let Some(group) = group else { return Ok(Subject::Programme) };
    let count = report.groups.len();
    let g = parse_group_number(group).filter(|&n| n <= count).ok_or_else(|| {
        UsageError(format!(
            "no group {group:?}: the report has groups I to {} (or 1 to {count})",
            numeral(count)
        ))
    })? - 1;
    let Some(activity) = activity else { return Ok(Subject::Group(g)) };
    let count = report.groups[g].activities.len();
    if activity == 0 || activity > count {
        let message = format!(
            "no activity {activity} in group {}: it has activities 1 to {count}",
            numeral(g + 1)
        );
        return Err(UsageError(message).into());
    }
    Ok(Subject::Activity(g, activity - 1))
}

/// One JSON object per version that changed the subject, newest first, with the version's
/// index.
fn rows(versions: &Versions, subject: Subject) -> Vec<(usize, Value)> {
    let commit = |v: usize| commit_json(versions.list[v].commit.as_ref());
    let with = |mut row: Value, fields: Value| {
        if let (Some(row), Value::Object(fields)) = (row.as_object_mut(), fields) {
            row.extend(fields);
        }
        row
    };
    match subject {
        Subject::Programme => versions
            .programme()
            .iter()
            .map(|s| (s.version, with(commit(s.version), json!({ "progress": s.progress }))))
            .collect(),
        Subject::Group(g) => versions
            .group(g)
            .iter()
            .map(|s| {
                let fields = json!({
                    "group": numeral(s.group + 1),
                    "progress": s.progress,
                    "added": s.added,
                });
                (s.version, with(commit(s.version), fields))
            })
            .collect(),
        Subject::Activity(g, a) => versions
            .activity(g, a)
            .iter()
            .map(|s| {
                let activity = versions.activity_in(s);
                let fields = json!({
                    "place": format!("{}.{}", numeral(s.group + 1), s.activity + 1),
                    "progress": s.progress.get(),
                    "remarks_changed": s.remarks_changed,
                    "reworded": s.reworded,
                    "added": s.added,
                    "description": activity.map(|a| a.description.as_str()),
                    "remarks": activity.map(|a| a.remarks.as_str()),
                });
                (s.version, with(commit(s.version), fields))
            })
            .collect(),
    }
}

fn commit_json(commit: Option<&Commit>) -> Value {
    match commit {
        Some(c) => json!({
            "commit": c.id,
            "time": c.timestamp().map(|t| t.to_string()),
            "author": c.author,
            "summary": c.summary,
        }),
        None => json!({ "commit": null, "time": null, "author": null, "summary": "uncommitted" }),
    }
}

fn subject_json(versions: &Versions, subject: Subject) -> Value {
    let report = versions.list.first().map(|v| &*v.report);
    match subject {
        Subject::Programme => json!({ "programme": report.map(|r| r.symbol.as_str()) }),
        Subject::Group(g) => json!({
            "group": numeral(g + 1),
            "title": report.and_then(|r| r.groups.get(g)).map(|g| g.title.as_str()),
        }),
        Subject::Activity(g, a) => json!({
            "activity": format!("{}.{}", numeral(g + 1), a + 1),
            "description": report.and_then(|r| r.activity(g, a)).map(|a| a.description.as_str()),
        }),
    }
}

/// A heading with the subject and a sparkline of its progress, oldest to newest, then one
/// line per version: when, which commit, the progress, `✎` where the remarks changed, the
/// place where it moved, who, and the commit's summary.
fn text(
    versions: &Versions,
    subject: Subject,
    rows: &[(usize, Value)],
    zone: &jiff::tz::TimeZone,
    out: &mut dyn Write,
) -> Result<()> {
    let mut out = crate::printable::Printable::new(out);
    let report = versions.list.first().map(|v| &*v.report);
    let heading = match subject {
        Subject::Programme => report.map(|r| r.symbol.clone()).unwrap_or_default(),
        Subject::Group(g) => {
            let title = report.and_then(|r| r.groups.get(g)).map(|g| g.title.as_str());
            format!("{} · {}", numeral(g + 1), ellipsize(title.unwrap_or_default(), 80))
        }
        Subject::Activity(g, a) => {
            let text = report.and_then(|r| r.activity(g, a)).map(|a| a.description.as_str());
            format!("{}.{} · {}", numeral(g + 1), a + 1, ellipsize(text.unwrap_or_default(), 80))
        }
    };
    let progress = |row: &Value| row["progress"].as_f64();
    let series = sparkline(rows.iter().rev().filter_map(|(_, row)| progress(row)));
    writeln!(out, "{heading}  {series}")?;
    if rows.is_empty() {
        writeln!(out, "(no commit holds it yet)")?;
    }
    for (v, row) in rows {
        let version = &versions.list[*v];
        let (when, id, author, summary) = match &version.commit {
            Some(c) => {
                (date_time(c.time, zone), c.short_id(), c.author.as_str(), c.summary.as_str())
            }
            None => ("uncommitted".to_string(), "", "", ""),
        };
        let mut marks = String::new();
        if row["remarks_changed"].as_bool() == Some(true) {
            marks.push('✎');
        }
        if row["added"].as_bool() == Some(true) {
            marks.push('+');
        }
        let place = row["place"].as_str().or(row["group"].as_str()).unwrap_or("");
        // An activity's progress is whole; a mean's is shown to a tenth, so a small step
        // shows.
        let percent = match (subject, progress(row)) {
            (Subject::Activity(..), value) => format_percent(value),
            (_, Some(value)) => format!("{value:.1}%"),
            (_, None) => format_percent(None),
        };
        let line = format!(
            "{when:<16}  {id:<7}  {percent:>6} {marks:<2} {place:<7} {}  {summary}",
            fit(author, 16),
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
