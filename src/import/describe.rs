//! A proposal in one line, as the command line lists it: `VIII.7 progress 8% → 40%`, a
//! remark's words removed `[-so-]` and added `{+so+}`, `VIII: new activity "…" 0%`.

use super::{Change, Proposal};
use crate::compare::{Words, word_diff};
use crate::model::numeral;
use crate::printable::printable;

pub fn describe(proposal: &Proposal) -> String {
    let g = numeral(proposal.group + 1);
    let quoted = |text: &str| format!("\"{}\"", printable(text));
    match &proposal.change {
        Change::Progress { activity, from, to } => {
            format!("{g}.{} progress {from} → {to}", activity + 1)
        }
        Change::Remarks { activity, to, .. } if to.trim().is_empty() => {
            format!("{g}.{} remarks emptied", activity + 1)
        }
        Change::Remarks { activity, from, to } => {
            format!("{g}.{} remarks: {}", activity + 1, diff(from, to))
        }
        Change::Description { activity, from, to } => {
            format!("{g}.{} description: {}", activity + 1, diff(from, to))
        }
        Change::Topic { activity, from, to } => {
            let text = |t: &Option<String>| t.as_deref().map_or("none".to_string(), quoted);
            format!("{g}.{} topic {} → {}", activity + 1, text(from), text(to))
        }
        Change::New(activity) => {
            let mut line = format!(
                "{g}: new activity {} {}",
                quoted(&activity.description),
                activity.progress
            );
            if let Some(topic) = &activity.topic {
                line.push_str(&format!(", topic {}", quoted(topic)));
            }
            if !activity.remarks.is_empty() {
                line.push_str(&format!(", remarks {}", quoted(&activity.remarks)));
            }
            line
        }
    }
}

/// The words removed as `[-…-]` and added as `{+…+}`, the rest as it is.
fn diff(from: &str, to: &str) -> String {
    word_diff(from, to)
        .into_iter()
        .map(|run| match run {
            Words::Same(t) => printable(t).into_owned(),
            Words::Removed(t) => format!("[-{}-]", printable(t)),
            Words::Added(t) => format!("{{+{}+}}", printable(t)),
        })
        .collect()
}
