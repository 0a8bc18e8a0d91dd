//! The findings a report marks reviewed (format 2): set aside from the list, kept with
//! their reason; a review whose finding is gone is itself a finding, for information.

use super::{Finding, Found, Level, Rule};
use crate::edit::Field;
use crate::model::{Report, Review};
use crate::validate::FieldPath;

/// The findings of a report sorted by its reviews.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    /// Not reviewed, and the stale reviews, in report order.
    pub open: Vec<Finding>,
    /// Reviewed, each with the reason the report gives.
    pub reviewed: Vec<(Finding, String)>,
}

/// Whether `review` is of `finding`: the same rule, at the same place (as `check` prints
/// the place, `X.2`, or as the file spells it, `groups[9].activities[1].remarks`).
fn covers(review: &Review, finding: &Finding) -> bool {
    review.rule == finding.rule.name()
        && (review.place == finding.place() || review.place == finding.path.to_string())
}

/// `findings` of `report` sorted by the reviews it holds.
pub fn reviewed(report: &Report, findings: Vec<Finding>) -> Reviewed {
    let mut open = Vec::new();
    let mut reviewed = Vec::new();
    for finding in findings {
        match report.reviews.iter().find(|r| covers(r, &finding)) {
            Some(review) => reviewed.push((finding, review.reason.clone())),
            None => open.push(finding),
        }
    }
    for (r, review) in report.reviews.iter().enumerate() {
        if !reviewed.iter().any(|(f, _)| covers(review, f)) {
            open.push(Finding::at(
                Level::Information,
                Rule::StaleReview,
                Field::Title,
                FieldPath::default().field("reviews").index(r),
                Found::StaleReview { rule: review.rule.clone(), place: review.place.clone() },
            ));
        }
    }
    Reviewed { open, reviewed }
}

/// Marks the finding of `rule` at `place` in `findings` reviewed in `report`, for `reason`;
/// the review as stored, or why not. A second review of the same finding replaces the
/// first.
pub fn review(
    report: &mut Report,
    findings: &[Finding],
    rule: &str,
    place: &str,
    reason: &str,
) -> Result<Review, String> {
    if reason.trim().is_empty() {
        return Err("a review needs a reason (--reason \"…\")".into());
    }
    let candidate = Review { rule: rule.into(), place: place.into(), reason: reason.trim().into() };
    let Some(finding) = findings.iter().find(|f| covers(&candidate, f)) else {
        return Err(format!(
            "no finding of {rule} at {place}: `wgtrack check` lists the findings with their rule \
             and place"
        ));
    };
    // Stored with the place as check prints it, the way the user reads it.
    let review = Review { place: finding.place(), ..candidate };
    report.reviews.retain(|r| !covers(r, finding));
    report.reviews.push(review.clone());
    Ok(review)
}
