//! What changed since a baseline report, as a text table, markdown or JSON (`wgtrack diff`).

use crate::printable::Printable;
use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::compare::{ActivityChange, Comparison};
use crate::format::{signed, signed_points};
use crate::model::{Report, format_percent, numeral};

/// One changed, added or removed activity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    /// "changed", "added" or "removed".
    pub kind: &'static str,
    pub group: String,
    /// The activity's number in the current report (in the baseline for a removed one).
    pub activity: usize,
    pub description: String,
    pub from: Option<u8>,
    pub to: Option<u8>,
    pub delta: Option<i64>,
    pub remarks_changed: bool,
    pub description_changed: bool,
    pub topic_changed: bool,
}

/// A group whose progress moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupRow {
    pub group: String,
    pub title: String,
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub delta: Option<f64>,
}

/// The whole difference, as `diff --format json` writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    pub programme_from: Option<f64>,
    pub programme_to: Option<f64>,
    pub programme_delta: Option<f64>,
    pub front_matter_changed: bool,
    pub groups: Vec<GroupRow>,
    pub activities: Vec<ChangeRow>,
}

impl Changes {
    pub fn of(comparison: &Comparison, current: &Report) -> Changes {
        let mut activities = Vec::new();
        for (group, change) in comparison.changes() {
            let g = group.new.or(group.old).unwrap_or(0);
            let row = match change {
                ActivityChange::Matched {
                    new,
                    from,
                    to,
                    remarks_changed,
                    description_changed,
                    topic_changed,
                    ..
                } => ChangeRow {
                    kind: "changed",
                    group: numeral(g + 1),
                    activity: new + 1,
                    description: current.groups[g].activities[*new].description.clone(),
                    from: Some(from.get()),
                    to: Some(to.get()),
                    delta: change.delta(),
                    remarks_changed: *remarks_changed,
                    description_changed: *description_changed,
                    topic_changed: *topic_changed,
                },
                ActivityChange::Added { new } => {
                    let activity = &current.groups[g].activities[*new];
                    ChangeRow {
                        kind: "added",
                        group: numeral(g + 1),
                        activity: new + 1,
                        description: activity.description.clone(),
                        from: None,
                        to: Some(activity.progress.get()),
                        delta: None,
                        remarks_changed: false,
                        description_changed: false,
                        topic_changed: false,
                    }
                }
                ActivityChange::Removed { old, description, progress } => ChangeRow {
                    kind: "removed",
                    group: numeral(group.old.map_or(g, |o| o) + 1),
                    activity: old + 1,
                    description: description.clone(),
                    from: Some(progress.get()),
                    to: None,
                    delta: None,
                    remarks_changed: false,
                    description_changed: false,
                    topic_changed: false,
                },
            };
            activities.push(row);
        }
        let groups = comparison
            .groups
            .iter()
            .filter(|g| g.delta() != Some(0.0))
            .map(|g| GroupRow {
                group: numeral(g.new.or(g.old).unwrap_or(0) + 1),
                title: g.title.clone(),
                from: g.from,
                to: g.to,
                delta: g.delta(),
            })
            .collect();
        Changes {
            programme_from: comparison.from,
            programme_to: comparison.to,
            programme_delta: comparison.delta(),
            front_matter_changed: comparison.front_matter_changed,
            groups,
            activities,
        }
    }
}

fn cell(row: &ChangeRow) -> [String; 6] {
    let percent = |p: Option<u8>| p.map(|p| format!("{p}%")).unwrap_or_default();
    let mut notes = Vec::new();
    if row.kind != "changed" {
        notes.push(row.kind.to_string());
    }
    if row.remarks_changed {
        notes.push("remarks changed".to_string());
    }
    if row.description_changed {
        notes.push("reworded".to_string());
    }
    if row.topic_changed {
        notes.push("topic changed".to_string());
    }
    [
        format!("{}.{}", row.group, row.activity),
        row.description.clone(),
        percent(row.from),
        percent(row.to),
        signed(row.delta),
        notes.join(", "),
    ]
}

/// A plain-text table for the terminal.
pub fn text(changes: &Changes, out: impl Write) -> io::Result<()> {
    // Report text may hold control characters: they are shown, never sent.
    let mut out = Printable::new(out);
    writeln!(
        out,
        "Programme: {} → {} ({})",
        format_percent(changes.programme_from),
        format_percent(changes.programme_to),
        signed_points(changes.programme_delta)
    )?;
    if changes.front_matter_changed {
        writeln!(out, "The front matter or the introduction changed.")?;
    }
    if changes.activities.is_empty() {
        writeln!(out, "No activity changed.")?;
    } else {
        let rows: Vec<[String; 6]> = changes.activities.iter().map(cell).collect();
        let header = ["Activity", "Description", "From", "To", "Change", "Notes"];
        let mut widths = header.map(|h| h.width());
        for row in &rows {
            for (w, c) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.width());
            }
        }
        widths[1] = widths[1].min(60);
        let line = |out: &mut dyn Write, cells: &[String; 6]| {
            let mut text = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                let c = crate::columns::ellipsize(c, w);
                let pad = " ".repeat(w.saturating_sub(c.width()));
                // Numbers align right, words left.
                if (2..=4).contains(&i) {
                    text.push_str(&format!("{pad}{c}  "));
                } else {
                    text.push_str(&format!("{c}{pad}  "));
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        line(&mut out, &header.map(str::to_string))?;
        for row in &rows {
            line(&mut out, row)?;
        }
    }
    if !changes.groups.is_empty() {
        writeln!(out)?;
        writeln!(out, "Groups whose progress moved:")?;
        for g in &changes.groups {
            writeln!(
                out,
                "{:<5} {} → {} ({})  {}",
                g.group,
                format_percent(g.from),
                format_percent(g.to),
                signed_points(g.delta),
                g.title
            )?;
        }
    }
    Ok(())
}

/// A markdown table.
pub fn markdown(changes: &Changes, out: impl Write) -> io::Result<()> {
    // Report text may hold control characters: they are shown, never sent.
    let mut out = Printable::new(out);
    let escape = |s: &str| s.replace('\\', "\\\\").replace('|', "\\|").replace('\n', "<br>");
    writeln!(
        out,
        "**Programme:** {} → {} ({})\n",
        format_percent(changes.programme_from),
        format_percent(changes.programme_to),
        signed_points(changes.programme_delta)
    )?;
    if changes.front_matter_changed {
        writeln!(out, "The front matter or the introduction changed.\n")?;
    }
    if changes.activities.is_empty() {
        writeln!(out, "No activity changed.")?;
    } else {
        writeln!(out, "| Activity | Description | From | To | Change | Notes |")?;
        writeln!(out, "| --- | --- | ---: | ---: | ---: | --- |")?;
    }
    for row in &changes.activities {
        let c = cell(row).map(|c| escape(&c));
        writeln!(out, "| {} | {} | {} | {} | {} | {} |", c[0], c[1], c[2], c[3], c[4], c[5])?;
    }
    if !changes.groups.is_empty() {
        writeln!(out, "\n| Group | Title | From | To | Change |")?;
        writeln!(out, "| --- | --- | ---: | ---: | ---: |")?;
        for g in &changes.groups {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                g.group,
                escape(&g.title),
                format_percent(g.from),
                format_percent(g.to),
                signed_points(g.delta)
            )?;
        }
    }
    Ok(())
}

/// The changes as JSON.
pub fn json(changes: &Changes, out: impl Write) -> io::Result<()> {
    super::data::to_json(changes, out)
}
