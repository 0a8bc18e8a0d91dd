//! Saving a report: its text in one stable layout, read back beside the writing, and put in
//! place by the atomic write.

use std::path::Path;

use rayon::prelude::*;

use super::fingerprint::Fingerprint;
use super::ron_text::{self, Pieces};
use super::write::{Expect, SaveError, injected, write_parts};
use crate::model::{FORMAT, Group, Groups, Report};

/// The report as the file holds it. The layout is fixed so that saving an unchanged report
/// gives back the same bytes and diffs between versions show only what changed.
pub fn to_text(report: &Report) -> String {
    ron_text::report(report).join()
}

/// Saves `report` to `path` atomically and returns the fingerprint of what was written.
///
/// The steps, each of which leaves the old file intact when it fails:
/// 1. serialise, parse the text back and require it to equal the report;
/// 2. follow a symlink to its target, so that the link stays a link;
/// 3. check that the file still holds what `expect` says, so no one's change is lost;
/// 4. write a temporary file in the same directory with the old file's permissions, flush it;
/// 5. keep the previous version as `<name>.bak`;
/// 6. rename the temporary file over the target and flush the directory.
pub fn save(path: &Path, report: &Report, expect: Expect) -> Result<Fingerprint, SaveError> {
    injected("save::serialize").map_err(|e| SaveError::Serialize(e.to_string()))?;
    refuse_unwritable(path, report)?;
    let text = ron_text::report(report);
    // Reading the text back runs beside the writing of the temporary file; nothing is
    // renamed into place until it has agreed.
    write_checked(path, &text, expect, true, || verified(&text, &head_of(report), &report.groups))
}

/// Refuses a report this wgtrack must not write: one of a newer format than it knows, or
/// one of format 1 holding what only format 2 can hold (which `migrate` must move on first,
/// so no file is upgraded without the user saying so).
pub(super) fn refuse_unwritable(path: &Path, report: &Report) -> Result<(), SaveError> {
    let path = path.to_path_buf();
    if report.format > FORMAT {
        return Err(SaveError::NewerFormat { path, found: report.format });
    }
    match report.format_2_field() {
        Some(field) if report.format < FORMAT => {
            Err(SaveError::NeedsFormat2 { path, format: report.format, field })
        }
        _ => Ok(()),
    }
}

/// The report without its groups: what the text around the groups must read back as.
pub(super) fn head_of(report: &Report) -> Report {
    // Every field named, so that a new one cannot be forgotten here.
    let Report {
        format,
        symbol,
        date,
        title,
        meeting,
        venue,
        distribution,
        language,
        original_language,
        job_number,
        introduction,
        groups: _,
        reviews,
    } = report;
    Report {
        format: *format,
        symbol: symbol.clone(),
        date: date.clone(),
        title: title.clone(),
        meeting: meeting.clone(),
        venue: venue.clone(),
        distribution: *distribution,
        language: *language,
        original_language: *original_language,
        job_number: job_number.clone(),
        introduction: introduction.clone(),
        groups: Groups::default(),
        reviews: reviews.clone(),
    }
}

/// Whether `text` reads back as `head` holding `groups`, checked piece by piece on all cores:
/// the text without its groups must read as `head`, and each group's piece, a value followed
/// by a comma, as that group. A RON list is values each followed by a comma, so the whole
/// reads as `head` with `groups` exactly when the pieces do; and no copy of the whole report
/// is ever held.
pub(super) fn verified<T>(text: &Pieces, head: &T, groups: &Groups) -> Result<(), SaveError>
where
    T: serde::de::DeserializeOwned + PartialEq,
{
    let reads_as = |piece: &str, want: &Group| {
        piece
            .strip_suffix(",\n")
            .and_then(|value| ron::from_str::<Group>(value).ok())
            .is_some_and(|back| &back == want)
    };
    let head_agrees = ron::from_str::<T>(&text.skeleton()).is_ok_and(|back| &back == head);
    let groups_agree = text.groups.len() == groups.len()
        && text.groups.par_iter().zip(groups.shared()).all(|(piece, group)| reads_as(piece, group));
    if head_agrees && groups_agree && injected("save::verify").is_ok() {
        Ok(())
    } else {
        Err(SaveError::RoundTrip)
    }
}

/// `write_atomic` of `text`, with `check` run on other threads while the temporary file is
/// written and flushed; the old file is replaced only if it passes. Returns the fingerprint
/// of what was written.
pub(super) fn write_checked(
    path: &Path,
    text: &Pieces,
    expect: Expect,
    backup: bool,
    check: impl FnOnce() -> Result<(), SaveError> + Send,
) -> Result<Fingerprint, SaveError> {
    let parts: Vec<&[u8]> = text.parts().map(str::as_bytes).collect();
    write_parts(path, &parts, expect, backup, check)
}

#[cfg(test)]
mod tests {
    use super::{SaveError, head_of, ron_text, verified};
    use crate::model::Progress;

    #[test]
    fn the_read_back_accepts_the_text_and_refuses_any_piece_that_reads_differently() {
        let report = crate::generate::report(4, 3, 11);
        let head = head_of(&report);
        let text = ron_text::report(&report);
        assert!(verified(&text, &head, &report.groups).is_ok());

        let refused = |text: &ron_text::Pieces| {
            matches!(verified(text, &head, &report.groups), Err(SaveError::RoundTrip))
        };
        let mut changed = report.clone();
        changed.groups[2].activities[1].progress = Progress::new(99).unwrap();
        let mut wrong = ron_text::report(&report);
        wrong.groups[2] = ron_text::report(&changed).groups[2].clone();
        assert!(refused(&wrong), "a group that reads as another");
        let mut wrong = ron_text::report(&report);
        let piece = &mut wrong.groups[1];
        piece.truncate(piece.len() - ",\n".len());
        piece.push('\n');
        assert!(refused(&wrong), "a group without its comma");
        let mut wrong = ron_text::report(&report);
        wrong.head = wrong.head.replacen(&report.title, "Another title", 1);
        assert!(refused(&wrong), "a changed title");
        let mut wrong = ron_text::report(&report);
        wrong.groups.pop();
        assert!(refused(&wrong), "a group left out");
        let mut wrong = ron_text::report(&report);
        wrong.tail = wrong.tail.replace(']', "");
        assert!(refused(&wrong), "the list left open");
    }
}
