//! The commit message wgtrack writes for a saved report: what changed since HEAD's version,
//! one item per activity or group ("VIII.7 progress 8% → 40%", "III.2 remarks", "XI:
//! activity 6 added"), and where a change came from when a returned sheet brought it.
//!
//! The message is English whatever the app speaks, as the command line is: it is the
//! repository's text, read by everyone who reads the log.

use crate::compare::{ActivityChange, compare};
use crate::model::{Group, Report, numeral};

/// The longest first line, as git's tools expect of a summary.
pub const SUMMARY_WIDTH: usize = 72;

/// Where a change came from, for the message: the group and activity of the saved report
/// (the activity `None` for the group itself) and the source ("VIII.xlsx (Colombia)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub group: usize,
    pub activity: Option<usize>,
    pub source: String,
}

/// A commit message: the first line and the body (empty when the first line says it all).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitMessage {
    pub summary: String,
    pub body: String,
}

impl CommitMessage {
    /// The whole message, as `git commit` takes it.
    pub fn text(&self) -> String {
        if self.body.is_empty() {
            self.summary.clone()
        } else {
            format!("{}\n\n{}", self.summary, self.body)
        }
    }
}

/// The message for committing `saved` over `head` (HEAD's version of the file; `None` when
/// HEAD has none), saying the sources of the changes that have one.
pub fn commit_message(head: Option<&Report>, saved: &Report, sources: &[Source]) -> CommitMessage {
    let Some(head) = head else {
        return CommitMessage { summary: "Add report".into(), body: String::new() };
    };
    let items = changes(head, saved, sources);
    let whole: Vec<String> = items.iter().map(|(item, from)| format!("{item}{from}")).collect();
    let summary = summary(&items);
    let body = if summary == whole.join("; ") {
        String::new()
    } else {
        whole.iter().map(|item| format!("- {item}")).collect::<Vec<_>>().join("\n")
    };
    CommitMessage { summary, body }
}

/// The first line: every change where they fit (with their sources, else without), else the
/// first and how many more.
fn summary(items: &[(String, String)]) -> String {
    let fits = |text: &String| text.chars().count() <= SUMMARY_WIDTH;
    let join = |with_source: bool| {
        let each = items
            .iter()
            .map(|(item, from)| if with_source { format!("{item}{from}") } else { item.clone() });
        each.collect::<Vec<_>>().join("; ")
    };
    let Some(((first, from), rest)) = items.split_first() else {
        return "Update report".to_string();
    };
    if let Some(all) = [join(true), join(false)].into_iter().find(fits) {
        return all;
    }
    let more = match rest.len() {
        0 => String::new(),
        1 => " and 1 more change".to_string(),
        n => format!(" and {n} more changes"),
    };
    if let Some(line) =
        [format!("{first}{from}{more}"), format!("{first}{more}")].into_iter().find(fits)
    {
        return line;
    }
    let room = SUMMARY_WIDTH.saturating_sub(more.chars().count());
    format!("{}{more}", crate::columns::ellipsize(first, room))
}

/// One line per change, in report order, each with where it came from (" from …") or not.
fn changes(head: &Report, saved: &Report, sources: &[Source]) -> Vec<(String, String)> {
    let mut items = Vec::new();
    if front_matter(head) != front_matter(saved) {
        items.push(("front matter".to_string(), String::new()));
    }
    if head.introduction != saved.introduction {
        items.push(("introduction".to_string(), String::new()));
    }
    let comparison = compare(head, saved);
    for group in &comparison.groups {
        let old = group.old.and_then(|g| head.groups.get(g));
        let new = group.new.and_then(|g| saved.groups.get(g));
        let source = |activity: Option<usize>| {
            let g = group.new?;
            let of = |s: &&Source| s.group == g && s.activity == activity;
            let found: Vec<&str> = sources.iter().filter(of).map(|s| s.source.as_str()).collect();
            (!found.is_empty()).then(|| format!(" from {}", dedup(found).join(", ")))
        };
        match (old, new, group.new, group.old) {
            (None, Some(_), Some(g), _) => {
                items.push((format!("{}: group added", numeral(g + 1)), String::new()))
            }
            (Some(_), None, _, Some(g)) => {
                items.push((format!("{} removed: {}", numeral(g + 1), group.title), String::new()))
            }
            (Some(old), Some(new), Some(g), _) => {
                if let Some(fields) = group_fields(old, new) {
                    let from = source(None).unwrap_or_default();
                    items.push((format!("{} {fields}", numeral(g + 1)), from));
                }
                for change in group.activities.iter().filter(|c| c.is_change()) {
                    let activity = match change {
                        ActivityChange::Matched { new, .. } | ActivityChange::Added { new } => {
                            Some(*new)
                        }
                        ActivityChange::Removed { .. } => None,
                    };
                    let from = activity.and_then(|a| source(Some(a))).unwrap_or_default();
                    items.push((activity_item(g, change), from));
                }
            }
            _ => {}
        }
    }
    items
}

/// The same source named once, in the order first met.
fn dedup(mut found: Vec<&str>) -> Vec<&str> {
    let mut seen = Vec::new();
    found.retain(|s| {
        let new = !seen.contains(s);
        seen.push(*s);
        new
    });
    found
}

fn front_matter(report: &Report) -> (&str, &str, &str, &str, &str) {
    (&report.symbol, &report.date, &report.title, &report.meeting, &report.venue)
}

/// What changed in a group's own fields: "title, coordinators".
fn group_fields(old: &Group, new: &Group) -> Option<String> {
    let fields: Vec<&str> = [
        (old.title != new.title, "title"),
        (old.topic != new.topic, "topic"),
        (old.document_type != new.document_type, "document type"),
        (old.general_objective != new.general_objective, "general objective"),
        (old.specific_objectives != new.specific_objectives, "specific objectives"),
        (old.coordinators != new.coordinators, "coordinators"),
    ]
    .into_iter()
    .filter_map(|(changed, name)| changed.then_some(name))
    .collect();
    (!fields.is_empty()).then(|| fields.join(", "))
}

/// "VIII.7 progress 8% → 40%, remarks", "XI: activity 6 added", "XI: activity 3 removed".
fn activity_item(g: usize, change: &ActivityChange) -> String {
    let numeral = numeral(g + 1);
    match change {
        ActivityChange::Matched {
            new,
            from,
            to,
            remarks_changed,
            description_changed,
            topic_changed,
            ..
        } => {
            let mut parts = Vec::new();
            if from != to {
                parts.push(format!("progress {}% → {}%", from.get(), to.get()));
            }
            for (changed, name) in [
                (*description_changed, "description"),
                (*topic_changed, "topic"),
                (*remarks_changed, "remarks"),
            ] {
                if changed {
                    parts.push(name.to_string());
                }
            }
            format!("{numeral}.{} {}", new + 1, parts.join(", "))
        }
        ActivityChange::Added { new } => format!("{numeral}: activity {} added", new + 1),
        ActivityChange::Removed { old, .. } => format!("{numeral}: activity {} removed", old + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, Progress};
    use crate::store::shipped;

    fn progress(n: u8) -> Progress {
        Progress::new(n.into()).unwrap()
    }

    #[test]
    fn no_version_at_head_is_adding_the_report() {
        let report = shipped().unwrap();
        let message = commit_message(None, &report, &[]);
        assert_eq!(message.text(), "Add report");
    }

    #[test]
    fn changes_that_fit_are_all_on_the_first_line() {
        let head = shipped().unwrap();
        let mut saved = head.clone();
        saved.groups[7].activities[6].progress = progress(40);
        saved.groups[2].activities[1].remarks.push_str(" Done.");
        saved.groups[10].activities.push(Activity {
            topic: None,
            description: "A new survey of the registers".into(),
            progress: Progress::ZERO,
            remarks: String::new(),
        });
        let added = saved.groups[10].activities.len();
        let message = commit_message(Some(&head), &saved, &[]);
        assert_eq!(
            message.summary,
            format!("III.2 remarks; VIII.7 progress 8% → 40%; XI: activity {added} added")
        );
        assert_eq!(message.body, "");
    }

    #[test]
    fn many_changes_give_the_first_and_a_count_then_the_list() {
        let head = shipped().unwrap();
        let mut saved = head.clone();
        for a in 0..5 {
            let activity = &mut saved.groups[7].activities[a];
            activity.progress = progress(if activity.progress.get() == 90 { 95 } else { 90 });
        }
        let message = commit_message(Some(&head), &saved, &[]);
        assert!(message.summary.starts_with("VIII.1 progress "), "{message:?}");
        assert!(message.summary.ends_with(" and 4 more changes"), "{message:?}");
        assert!(message.summary.chars().count() <= SUMMARY_WIDTH);
        assert_eq!(message.body.lines().count(), 5, "{}", message.body);
        assert!(message.body.lines().all(|l| l.starts_with("- VIII.")), "{}", message.body);
        assert!(message.text().contains("\n\n- VIII.1 progress"));
    }

    #[test]
    fn a_change_from_a_returned_sheet_says_where_from() {
        let head = shipped().unwrap();
        let mut saved = head.clone();
        saved.groups[7].activities[6].progress = progress(40);
        let source = |name: &str| Source { group: 7, activity: Some(6), source: name.into() };
        let short = [source("VIII.xlsx (Chile)"), source("VIII.xlsx (Chile)")];
        let message = commit_message(Some(&head), &saved, &short);
        assert_eq!(message.summary, "VIII.7 progress 8% → 40% from VIII.xlsx (Chile)");
        assert_eq!(message.body, "");
        // Where the source makes the line too long, the list below says it.
        let long = [source("VIII-administrative-records.xlsx (Colombia)")];
        let message = commit_message(Some(&head), &saved, &long);
        assert_eq!(message.summary, "VIII.7 progress 8% → 40%");
        assert_eq!(
            message.body,
            "- VIII.7 progress 8% → 40% from VIII-administrative-records.xlsx (Colombia)"
        );
    }

    #[test]
    fn a_first_change_too_long_for_the_line_is_cut_before_the_count() {
        let head = shipped().unwrap();
        let mut saved = head.clone();
        saved.groups[7].activities[6].progress = progress(40);
        saved.groups[7].activities[7].progress = progress(41);
        saved.groups[2].title = format!("{} {}", saved.groups[2].title, "and more ".repeat(8));
        saved.groups[2].coordinators.clear();
        saved.groups[2].general_objective.push_str(" Also this.");
        saved.groups[2].topic.push_str(" too");
        saved.groups[2].specific_objectives.push("One more".into());
        let message = commit_message(Some(&head), &saved, &[]);
        let summary = &message.summary;
        assert!(summary.starts_with("III title, topic, general objective, spec"), "{summary}");
        assert!(summary.ends_with("… and 2 more changes"), "{summary}");
        assert!(summary.chars().count() <= SUMMARY_WIDTH, "{summary}");
        assert_eq!(message.body.lines().count(), 3, "{}", message.body);
    }

    #[test]
    fn front_matter_group_fields_and_removals_are_named() {
        let head = shipped().unwrap();
        let mut saved = head.clone();
        saved.date = "2099-01-01".into();
        saved.groups[1].coordinators.clear();
        saved.groups[3].activities.remove(0);
        let message = commit_message(Some(&head), &saved, &[]);
        let text = message.text();
        assert!(text.contains("front matter"), "{text}");
        assert!(text.contains("II coordinators"), "{text}");
        assert!(text.contains("IV: activity 1 removed"), "{text}");
    }

    #[test]
    fn the_same_report_is_an_update_with_no_list() {
        let report = shipped().unwrap();
        assert_eq!(commit_message(Some(&report), &report, &[]).text(), "Update report");
    }
}
