//! Carrying accepted proposals out on a report.

use super::{Change, Proposal};
use crate::model::Report;

/// Applies every proposal, in order; new activities go at the end of their group. A
/// proposal whose place the report no longer has is skipped (false).
pub fn apply(report: &mut Report, proposals: &[Proposal]) -> usize {
    proposals.iter().filter(|p| apply_one(report, p)).count()
}

/// Applies one proposal; false if its place is gone.
pub fn apply_one(report: &mut Report, proposal: &Proposal) -> bool {
    let Some(group) = report.groups.get_mut(proposal.group) else { return false };
    if let Change::New(activity) = &proposal.change {
        group.activities.push(activity.clone());
        return true;
    }
    let Some(activity) = proposal.change.activity().and_then(|a| group.activities.get_mut(a))
    else {
        return false;
    };
    match &proposal.change {
        Change::Progress { to, .. } => activity.progress = *to,
        Change::Remarks { to, .. } => activity.remarks.clone_from(to),
        Change::Description { to, .. } => activity.description.clone_from(to),
        Change::Topic { to, .. } => activity.topic.clone_from(to),
        Change::New(_) => {}
    }
    true
}
