//! Report files with git's conflict markers: written by the merge driver around exactly the
//! lines of each conflicting field, or by plain git around whatever lines differed. Such a
//! text is split into its ours, base and theirs texts; each is parsed (errors still name
//! the line of the real file) and the three are merged again, which finds the conflicts
//! field by field however the markers were placed. Without base sections, every field
//! where ours and theirs differ is a conflict.

use std::ops::Range;
use std::path::Path;

use super::load::{LoadError, Located, parse};
use super::marks::{BASE, END, Marks, OURS, THEIRS};
use super::ron_text;
use crate::merge::{Conflict, Merged, Value, merge, two_way};
use crate::model::Report;

/// The text of a merged report, its conflicts between markers (none: the usual layout).
pub fn marked_text(merged: &Merged) -> String {
    ron_text::marked(&merged.report, &Marks::new(&merged.conflicts))
}

/// A conflict in a file, with the line where its markers begin.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedConflict {
    pub line: usize,
    pub conflict: Conflict,
}

impl std::fmt::Display for MarkedConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = &self.conflict;
        let (ours, theirs, base) = (c.ours.brief(), c.theirs.brief(), c.base.brief());
        write!(f, "{}: ours {ours}, theirs {theirs}, was {base}", c.path())
    }
}

/// One side of a marked text: its text and, for each of its lines, the file's line.
#[derive(Default)]
struct Side {
    text: String,
    lines: Vec<usize>,
}

impl Side {
    fn push(&mut self, line: &str, number: usize) {
        self.text.push_str(line);
        self.lines.push(number);
    }

    /// The file's line of this text's `line`.
    fn line(&self, line: usize) -> usize {
        self.lines.get(line.saturating_sub(1)).copied().unwrap_or(line)
    }
}

/// A text split at its markers.
struct Split {
    ours: Side,
    base: Side,
    theirs: Side,
    /// Every block had a base section.
    with_base: bool,
    /// Each block's lines in the file, from its first marker to its last, and whether its
    /// ours section is empty (an item ours removed).
    blocks: Vec<(Range<usize>, bool)>,
}

/// Whether a line is a marker of the given kind (git writes a label after some).
fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\n', '\r']))
}

/// Splits `text` at its markers; `None` when it has none, and an error at a marker out of
/// its order (as a block left half resolved by hand).
fn split(path: &Path, text: &str) -> Result<Option<Split>, LoadError> {
    #[derive(PartialEq)]
    enum In {
        Common,
        Ours,
        Base,
        Theirs,
    }
    let mut split = Split {
        ours: Side::default(),
        base: Side::default(),
        theirs: Side::default(),
        with_base: true,
        blocks: Vec::new(),
    };
    let (mut state, mut start, mut saw_base, mut ours_lines) = (In::Common, 0, false, 0);
    let error = |line: usize, message: &str| LoadError::Syntax {
        path: path.to_path_buf(),
        line,
        column: 1,
        field: None,
        message: message.to_string(),
    };
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let n = i + 1;
        let marker = [OURS, BASE, THEIRS, END].into_iter().find(|m| is_marker(line, m));
        state = match (state, marker) {
            (In::Common, Some(OURS)) => {
                (start, saw_base, ours_lines) = (n, false, split.ours.lines.len());
                In::Ours
            }
            (In::Ours, Some(BASE)) => {
                saw_base = true;
                In::Base
            }
            (In::Ours | In::Base, Some(THEIRS)) => In::Theirs,
            (In::Theirs, Some(END)) => {
                split.with_base &= saw_base;
                split.blocks.push((start..n + 1, split.ours.lines.len() == ours_lines));
                In::Common
            }
            (_, Some(marker)) => {
                return Err(error(n, &format!("a conflict marker `{marker}` out of place")));
            }
            (state, None) => {
                match state {
                    In::Common => {
                        split.ours.push(line, n);
                        split.base.push(line, n);
                        split.theirs.push(line, n);
                    }
                    In::Ours => split.ours.push(line, n),
                    In::Base => split.base.push(line, n),
                    In::Theirs => split.theirs.push(line, n),
                }
                state
            }
        };
    }
    if state != In::Common {
        return Err(error(start, "a conflict begins here and is not closed (`>>>>>>>`)"));
    }
    Ok((!split.blocks.is_empty()).then_some(split))
}

/// A report read from a text with conflict markers: ours, and the conflicts in file order;
/// `None` when the text has no markers.
pub(super) fn read_marked(
    path: &Path,
    text: &str,
) -> Option<Result<(Report, Vec<MarkedConflict>), LoadError>> {
    let split = match split(path, text) {
        Ok(split) => split?,
        Err(error) => return Some(Err(error)),
    };
    Some(conflicts_of(path, split))
}

fn conflicts_of(path: &Path, split: Split) -> Result<(Report, Vec<MarkedConflict>), LoadError> {
    let parse = |side: &Side| parse(path, &side.text).map_err(|e| relocated(e, side));
    let ours = parse(&split.ours)?;
    let theirs = parse(&split.theirs)?;
    let merged = match split.with_base {
        true => merge(&parse(&split.base)?, &ours, &theirs),
        false => two_way(&ours, &theirs),
    };
    let mut taken = vec![false; split.blocks.len()];
    let mut marked: Vec<MarkedConflict> = merged
        .conflicts
        .into_iter()
        .map(|conflict| {
            let path = conflict.path();
            // Where the field is in ours, else (ours removed it) in theirs.
            let at = super::locate(&split.ours.text, &path)
                .map(|(line, _)| split.ours.line(line))
                .or_else(|| {
                    super::locate(&split.theirs.text, &path).map(|(l, _)| split.theirs.line(l))
                })
                .unwrap_or(1);
            let removed_by_ours =
                matches!(conflict.ours, Value::Group(None) | Value::Activity(None));
            // An item ours removed is marked after the list's items, in a block of its own
            // with nothing on ours' side; any other conflict is in the block that holds its
            // field (several, where plain git marked many lines as one).
            let block = split.blocks.iter().enumerate().position(|(i, (lines, ours_empty))| {
                match removed_by_ours {
                    true => *ours_empty && !taken[i] && lines.start >= at,
                    false => lines.contains(&at) || lines.start >= at,
                }
            });
            if let Some(i) = block.filter(|_| removed_by_ours) {
                taken[i] = true;
            }
            let line = block.map_or(at, |i| split.blocks[i].0.start);
            MarkedConflict { line, conflict }
        })
        .collect();
    marked.sort_by_key(|m| m.line);
    Ok((ours, marked))
}

/// An error in one side's text, placed at the file's line.
fn relocated(error: LoadError, side: &Side) -> LoadError {
    match error {
        LoadError::Syntax { path, line, column, field, message } => {
            LoadError::Syntax { path, line: side.line(line), column, field, message }
        }
        LoadError::Invalid { path, problems } => LoadError::Invalid {
            path,
            problems: problems
                .into_iter()
                .map(|Located { line, column, problem }| Located {
                    line: side.line(line),
                    column,
                    problem,
                })
                .collect(),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests;
