//! The rules of a new round: the front matter must be this round's, and against the
//! baseline, progress must not fall and the remarks must follow it.

use super::{Finding, Found, Level, Rule};
use crate::compare::{ActivityChange, Comparison};
use crate::edit::Field;
use crate::export::document::format_date;
use crate::model::{Group, Report, Status};
use crate::validate::FieldPath;

/// The symbol, date and title still the previous round's: marked so by `new-round`, or the
/// same as the baseline's, or (the date) not after it.
pub(super) fn front_matter(report: &Report, baseline: Option<&Report>, found: &mut Vec<Finding>) {
    let mut previous = |field: Field, what: Found| {
        found.push(Finding::new(Level::Error, Rule::PreviousRound, field, what));
    };
    if report.symbol_to_assign() {
        previous(Field::Symbol, Found::SymbolToAssign);
    } else if let Some(old) = baseline.filter(|b| b.symbol.trim() == report.symbol.trim()) {
        previous(Field::Symbol, Found::SymbolPrevious { symbol: old.symbol.trim().into() });
    }
    if let Some(old) = baseline {
        let dates = (format_date(&old.date), format_date(&report.date));
        // ISO dates (checked by `format_date`) compare as text.
        if dates.0.is_some() && dates.1.is_some() && report.date <= old.date {
            let (date, previous_date) = (report.date.clone(), old.date.clone());
            previous(Field::Date, Found::DateNotAfter { date, previous: previous_date });
        }
    }
    if report.title_to_set() {
        previous(Field::Title, Found::TitleToSet);
    } else if baseline.is_some_and(|b| b.title.trim() == report.title.trim()) {
        previous(Field::Title, Found::TitlePrevious);
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
                Found::ProgressFell { from, to },
            ));
        }
        if to != from && !remarks_changed {
            found.push(Finding::new(
                Level::Warning,
                Rule::StaleRemarks,
                Field::Remarks(g, a),
                Found::StaleRemarks { from, to },
            ));
        } else if to == from && !remarks_changed && to.status() == Status::InProgress {
            found.push(Finding::new(
                Level::Warning,
                Rule::NoNews,
                Field::Remarks(g, a),
                Found::NoNews { progress: to },
            ));
        }
    }
}
