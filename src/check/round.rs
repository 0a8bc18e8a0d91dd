//! The rules of a new round: the front matter must be this round's, and against the
//! baseline, progress must not fall and the remarks must follow it.

use super::{Finding, Level, Rule};
use crate::compare::{ActivityChange, Comparison};
use crate::edit::Field;
use crate::export::document::format_date;
use crate::model::{Group, Report, Status};
use crate::validate::FieldPath;

/// The symbol, date and title still the previous round's: marked so by `new-round`, or the
/// same as the baseline's, or (the date) not after it.
pub(super) fn front_matter(report: &Report, baseline: Option<&Report>, found: &mut Vec<Finding>) {
    let mut previous = |field: Field, message: String| {
        found.push(Finding::new(Level::Error, Rule::PreviousRound, field, message));
    };
    if report.symbol_to_assign() {
        previous(
            Field::Symbol,
            "the symbol is still to be assigned (new-round carried the previous round's)".into(),
        );
    } else if let Some(old) = baseline.filter(|b| b.symbol.trim() == report.symbol.trim()) {
        previous(
            Field::Symbol,
            format!("the symbol is the previous round's ({})", old.symbol.trim()),
        );
    }
    if let Some(old) = baseline {
        let dates = (format_date(&old.date), format_date(&report.date));
        // ISO dates (checked by `format_date`) compare as text.
        if dates.0.is_some() && dates.1.is_some() && report.date <= old.date {
            previous(
                Field::Date,
                format!(
                    "the date ({}) is not after the previous round's ({})",
                    report.date, old.date
                ),
            );
        }
    }
    if report.title_to_set() {
        previous(
            Field::Title,
            "the title is still to be set (new-round carried the previous round's)".into(),
        );
    } else if baseline.is_some_and(|b| b.title.trim() == report.title.trim()) {
        previous(Field::Title, "the title is the previous round's".into());
    }
}

/// Each activity of group `g` against the baseline: progress that fell, remarks that did
/// not follow a change of progress, an activity in progress with nothing new.
pub(super) fn group(g: usize, group: &Group, comparison: &Comparison, found: &mut Vec<Finding>) {
    let Some(compared) = comparison.group(g) else { return };
    for change in &compared.activities {
        let ActivityChange::Matched { new: a, from, to, remarks_changed, .. } = *change else {
            continue;
        };
        if a >= group.activities.len() {
            continue;
        }
        if to < from {
            let path = FieldPath::default()
                .field("groups")
                .index(g)
                .field("activities")
                .index(a)
                .field("progress");
            found.push(Finding::at(
                Level::Error,
                Rule::ProgressFell,
                Field::Description(g, a),
                path,
                format!("progress fell since the previous round, from {from} to {to}"),
            ));
        }
        if to != from && !remarks_changed {
            found.push(Finding::new(
                Level::Warning,
                Rule::StaleRemarks,
                Field::Remarks(g, a),
                format!("progress changed ({from} → {to}) but the remarks did not"),
            ));
        } else if to == from && !remarks_changed && to.status() == Status::InProgress {
            found.push(Finding::new(
                Level::Warning,
                Rule::NoNews,
                Field::Remarks(g, a),
                format!("in progress ({to}) and nothing changed since the previous round: no news this round"),
            ));
        }
    }
}
