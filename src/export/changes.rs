//! What changed since a baseline report, as a text table, markdown or JSON (`wgtrack diff`).

use crate::printable::Printable;
use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::compare::{ActivityChange, Comparison, Words, word_diff};
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
    /// The remarks as they were and as they are, where they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remarks_to: Option<String>,
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
    /// Which fields of the front matter changed: `symbol`, `date`, `title`, `meeting`,
    /// `venue`, `introduction`.
    pub front_matter: Vec<&'static str>,
    pub groups: Vec<GroupRow>,
    pub activities: Vec<ChangeRow>,
}

impl Changes {
    pub fn of(comparison: &Comparison, baseline: &Report, current: &Report) -> Changes {
        let mut activities = Vec::new();
        for (group, change) in comparison.changes() {
            let g = group.new.or(group.old).unwrap_or(0);
            let row = match change {
                ActivityChange::Matched {
                    old,
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
                    remarks_from: remarks_changed
                        .then(|| group.old.and_then(|o| baseline.activity(o, *old)))
                        .flatten()
                        .map(|a| a.remarks.clone()),
                    remarks_to: remarks_changed
                        .then(|| current.groups[g].activities[*new].remarks.clone()),
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
                        remarks_from: None,
                        remarks_to: None,
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
                    remarks_from: None,
                    remarks_to: None,
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
            front_matter: front_matter(baseline, current),
            groups,
            activities,
        }
    }
}

/// The names of the front-matter fields that differ.
fn front_matter(old: &Report, new: &Report) -> Vec<&'static str> {
    let fields = [
        ("symbol", old.symbol == new.symbol),
        ("date", old.date == new.date),
        ("title", old.title == new.title),
        ("meeting", old.meeting == new.meeting),
        ("venue", old.venue == new.venue),
        ("introduction", old.introduction == new.introduction),
    ];
    fields.into_iter().filter(|(_, same)| !same).map(|(name, _)| name).collect()
}

/// The remarks that changed, each as its words removed and added, marked with `removed`
/// and `added` (each a pair of opening and closing marks).
fn remarks_diffs(
    changes: &Changes,
    removed: [&str; 2],
    added: [&str; 2],
    escape: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    changes
        .activities
        .iter()
        .filter_map(|row| {
            let (from, to) = (row.remarks_from.as_deref()?, row.remarks_to.as_deref()?);
            let text: String = word_diff(from, to)
                .into_iter()
                .map(|run| match run {
                    Words::Same(t) => escape(t),
                    Words::Removed(t) => format!("{}{}{}", removed[0], escape(t), removed[1]),
                    Words::Added(t) => format!("{}{}{}", added[0], escape(t), added[1]),
                })
                .collect();
            Some((format!("{}.{}", row.group, row.activity), text))
        })
        .collect()
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
        let fields = changes.front_matter.join(", ");
        writeln!(out, "The front matter or the introduction changed: {fields}.")?;
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
    let remarks = remarks_diffs(changes, ["[-", "-]"], ["{+", "+}"], str::to_string);
    if !remarks.is_empty() {
        writeln!(out)?;
        writeln!(out, "Remarks changed ([-removed-] {{+added+}}):")?;
        for (place, text) in remarks {
            writeln!(out, "{place}  {text}")?;
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
        let fields = changes.front_matter.join(", ");
        writeln!(out, "The front matter or the introduction changed: {fields}.\n")?;
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
    // Text as the Markdown export escapes it, so nothing in a remark reads as markup.
    let text = |t: &str| super::markdown::escape_text(t);
    let remarks = remarks_diffs(changes, ["<del>", "</del>"], ["<ins>", "</ins>"], text);
    if !remarks.is_empty() {
        writeln!(out, "\n**Remarks changed:**\n")?;
        for (place, text) in remarks {
            writeln!(out, "- **{place}**: {text}")?;
        }
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
