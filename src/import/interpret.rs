//! What a returned sheet proposes: its group found (by its tie, else by its name), each row
//! tied to its activity (by its tie, else by its description), and every cell that differs
//! from the report as it is now made a proposal, or a refusal that names the cell.

use super::progress::progress;
use super::read::{ReadError, Sheets};
use super::rows::{SheetRow, Table, find_table};
use super::{Change, Import, Proposal, Refusal, cell_name};
use crate::compare::match_activities;
use crate::model::{Activity, Progress, Report, numeral, parse_group_number};
use crate::sheet::Column;
use crate::sheet::tie::{LeftOut, RowTie, description_print, version};

/// Why a returned file proposes nothing at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: {error}")]
    Read { file: String, error: ReadError },
    #[error(
        "{file}: no update sheet found: no row holds the column titles Activity and Progress (%) \
         or Remarks (Actividad, Avance (%), Observaciones)"
    )]
    NoTable { file: String },
    #[error(
        "{file}: cannot tell which group this sheet is for: its tie is lost, neither the \
         sheet's nor the file's name starts with a group's numeral, and no description is a \
         group's"
    )]
    NoGroup { file: String },
}

/// What the sheets read from `file` propose for `report`.
pub fn interpret(report: &Report, file: &str, sheets: &Sheets) -> Result<Import, ImportError> {
    let table =
        find_table(&sheets.grids).ok_or_else(|| ImportError::NoTable { file: file.into() })?;
    let mut notes: Vec<String> = sheets.note.iter().cloned().collect();
    let g = find_group(report, file, &table, &mut notes)?;
    let group = &report.groups[g];
    let place = |row: usize, column: Column| {
        let cell = cell_name(row, table.column(column).unwrap_or(0));
        match &table.grid.sheet {
            Some(sheet) => format!("sheet \"{sheet}\", cell {cell}"),
            None => format!("cell {cell}"),
        }
    };
    let refuse = |row: usize, column: Column, message: String| Refusal {
        file: file.to_string(),
        place: place(row, column),
        message,
    };

    let assigned = tie_rows(&group.activities, &table.rows, g, &mut notes);
    let mut refusals = Vec::new();
    let mut changes: Vec<(usize, Change)> = Vec::new();
    let mut new = Vec::new();
    let formats_unknown = table.grid.formats_unknown;
    for (row, activity) in table.rows.iter().zip(&assigned) {
        let taken = progress(&row.progress, formats_unknown).map_err(|found| {
            refuse(
                row.row,
                Column::Progress,
                format!("progress must be a whole number from 0 to 100, found {found:?}"),
            )
        });
        let taken = match taken {
            Ok(p) => p,
            Err(refusal) => {
                refusals.push(refusal);
                None
            }
        };
        let Some(a) = *activity else {
            if row.description.trim().is_empty() {
                if !row.remarks.trim().is_empty() || row.topic.is_some() || taken.is_some() {
                    let message = "a new activity needs a description: this row is left out";
                    refusals.push(refuse(row.row, Column::Activity, message.to_string()));
                }
                continue;
            }
            new.push(Change::New(Activity {
                topic: row.topic.clone(),
                description: row.description.clone(),
                progress: taken.unwrap_or(Progress::ZERO),
                remarks: row.remarks.clone(),
            }));
            continue;
        };
        let current = &group.activities[a];
        let left_out = match &row.tie {
            Some(RowTie::Activity { left_out, .. }) => *left_out,
            _ => LeftOut::default(),
        };
        if table.column(Column::Topic).is_some() && row.topic != current.topic {
            changes.push((
                a,
                Change::Topic { activity: a, from: current.topic.clone(), to: row.topic.clone() },
            ));
        }
        if !left_out.description && row.description != current.description {
            if row.description.trim().is_empty() {
                let message = format!(
                    "the description of {}.{} must not be empty: it is left as it is",
                    numeral(g + 1),
                    a + 1
                );
                refusals.push(refuse(row.row, Column::Activity, message));
            } else {
                let (from, to) = (current.description.clone(), row.description.clone());
                changes.push((a, Change::Description { activity: a, from, to }));
            }
        }
        if let Some(to) = taken.filter(|p| *p != current.progress) {
            changes.push((a, Change::Progress { activity: a, from: current.progress, to }));
        }
        if table.column(Column::Remarks).is_some()
            && !left_out.remarks
            && row.remarks != current.remarks
        {
            let (from, to) = (current.remarks.clone(), row.remarks.clone());
            changes.push((a, Change::Remarks { activity: a, from, to }));
        }
    }
    // In the report's order, each activity's changes together.
    changes.sort_by_key(|(a, _)| *a);
    let proposals = changes
        .into_iter()
        .map(|(_, change)| change)
        .chain(new)
        .map(|change| Proposal { group: g, change })
        .collect();
    Ok(Import {
        file: file.to_string(),
        group: g,
        country: group.coordinators.first().map(|c| c.country.clone()),
        proposals,
        refusals,
        notes,
    })
}

/// The group the sheet is for: by its tie (the title first, then the numeral), else by the
/// sheet's or the file's name, else the group most of its descriptions come from.
fn find_group(
    report: &Report,
    file: &str,
    table: &Table,
    notes: &mut Vec<String>,
) -> Result<usize, ImportError> {
    let count = report.groups.len();
    if let Some(tie) = &table.sheet_tie {
        if tie.report != report.symbol {
            notes.push(format!(
                "this sheet was written for the report {}, not {}: its changes are shown \
                 against {} as it is now; check each",
                tie.report, report.symbol, report.symbol
            ));
        }
        let by_title = report.groups.iter().position(|g| g.title == tie.title);
        let by_numeral = tie.group_index().filter(|&i| i < count);
        let g =
            by_title.or(by_numeral).ok_or_else(|| ImportError::NoGroup { file: file.into() })?;
        if by_title.is_some() && by_title != by_numeral {
            notes.push(format!(
                "the sheet was written for group {}, which is now group {}",
                tie.group,
                numeral(g + 1)
            ));
        } else if by_title.is_none() {
            notes.push(format!(
                "no group of the report has the sheet's group title ({}: {:?}): taken as group {}",
                tie.group,
                tie.title,
                numeral(g + 1)
            ));
        }
        if tie.report == report.symbol && version(&report.groups[g]) != tie.version {
            notes.push(format!(
                "group {} has changed since this sheet was written: its changes are shown \
                 against the report as it is now; check each",
                numeral(g + 1)
            ));
        }
        return Ok(g);
    }
    let named = |name: &str| {
        let head = name.split(['-', '.', '_', ' ']).next().unwrap_or_default();
        parse_group_number(head).filter(|&n| n >= 1 && n <= count).map(|n| n - 1)
    };
    if let Some(g) = table.grid.sheet.as_deref().and_then(named).or_else(|| named(file)) {
        notes.push(format!(
            "the sheet's tie is lost: taken as group {} from its name",
            numeral(g + 1)
        ));
        return Ok(g);
    }
    let matching = |g: usize| {
        let group = &report.groups[g];
        table
            .rows
            .iter()
            .filter(|r| group.activities.iter().any(|a| a.description == r.description))
            .count()
    };
    let best = (0..count).max_by_key(|&g| matching(g)).filter(|&g| matching(g) > 0);
    let g = best.ok_or_else(|| ImportError::NoGroup { file: file.into() })?;
    notes.push(format!(
        "the sheet's tie is lost: taken as group {}, whose descriptions it holds",
        numeral(g + 1)
    ));
    Ok(g)
}

/// The activity each row is (index in the group), `None` for a new one: by the row's tie,
/// else by its description; what was matched how, and activities left without a row, are
/// noted.
fn tie_rows(
    activities: &[Activity],
    rows: &[SheetRow],
    g: usize,
    notes: &mut Vec<String>,
) -> Vec<Option<usize>> {
    let prints: Vec<String> =
        activities.iter().map(|a| description_print(&a.description)).collect();
    let mut taken = vec![false; activities.len()];
    let mut assigned: Vec<Option<usize>> = vec![None; rows.len()];
    // The tie's place and fingerprint agree, the description unchanged first (of a row
    // copied, the original keeps the activity); then the fingerprint anywhere in the group.
    for pass in 0..3 {
        for (i, row) in rows.iter().enumerate() {
            let Some(RowTie::Activity { index, print, .. }) = &row.tie else { continue };
            if assigned[i].is_some() {
                continue;
            }
            let at_place = |same_text: bool| {
                (*index < activities.len()
                    && !taken[*index]
                    && prints[*index] == *print
                    && (!same_text || activities[*index].description == row.description))
                    .then_some(*index)
            };
            let found = match pass {
                0 => at_place(true),
                1 => at_place(false),
                _ => (0..activities.len()).find(|&j| !taken[j] && prints[j] == *print),
            };
            if let Some(j) = found {
                taken[j] = true;
                assigned[i] = Some(j);
            }
        }
    }
    // A new row already taken into the report (the same sheet imported again) is that
    // activity, by its exact description.
    for (i, row) in rows.iter().enumerate() {
        if matches!(row.tie, Some(RowTie::New)) && !row.description.trim().is_empty() {
            let same = (0..activities.len())
                .rev()
                .find(|&j| !taken[j] && activities[j].description == row.description);
            if let Some(j) = same {
                taken[j] = true;
                assigned[i] = Some(j);
            }
        }
    }
    // What is left is matched by description, as a reworded or moved activity would be.
    let left_rows: Vec<usize> = (0..rows.len())
        .filter(|&i| assigned[i].is_none() && !matches!(rows[i].tie, Some(RowTie::New)))
        .filter(|&i| !rows[i].description.trim().is_empty())
        .collect();
    let left_activities: Vec<usize> = (0..activities.len()).filter(|&j| !taken[j]).collect();
    let as_activity = |description: &str| Activity {
        topic: None,
        description: description.to_string(),
        progress: Progress::ZERO,
        remarks: String::new(),
    };
    let old: Vec<Activity> =
        left_activities.iter().map(|&j| as_activity(&activities[j].description)).collect();
    let new: Vec<Activity> = left_rows.iter().map(|&i| as_activity(&rows[i].description)).collect();
    for (o, n) in match_activities(&old, &new) {
        let Some(n) = n else { continue };
        let i = left_rows[n];
        let why = if rows[i].tie.is_some() {
            "its activity is no longer in the report as the sheet had it"
        } else {
            "it has no tie"
        };
        match o {
            Some(o) => {
                let j = left_activities[o];
                taken[j] = true;
                assigned[i] = Some(j);
                notes.push(format!(
                    "row {}: {why}; taken as {}.{} by its description",
                    rows[i].row + 1,
                    numeral(g + 1),
                    j + 1
                ));
            }
            None => notes.push(format!(
                "row {}: {why}, and its description is no activity's: proposed as a new activity",
                rows[i].row + 1
            )),
        }
    }
    for j in (0..activities.len()).filter(|&j| !taken[j]) {
        notes.push(format!(
            "{}.{} is not in the sheet (its row was deleted): it is left as it is",
            numeral(g + 1),
            j + 1
        ));
    }
    assigned
}
