//! Comparing two versions of a report: a baseline (the previous round, or the file before
//! unsaved edits) and the current one. Groups are matched by title, then by position;
//! activities by description, exactly first, then by the most alike text (`matching`).

mod matching;
mod words;

pub(crate) use matching::{Place as MatchPlace, match_activities, match_by, match_groups};
pub use words::{Words, word_diff};

use crate::model::{Activity, Group, Progress, Report, mean_of, mean_progress, progress_sum};

/// What became of one activity.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityChange {
    /// The activity is in both; `old` is its index in the baseline group.
    Matched {
        old: usize,
        new: usize,
        from: Progress,
        to: Progress,
        remarks_changed: bool,
        description_changed: bool,
        topic_changed: bool,
    },
    /// Only in the current report.
    Added { new: usize },
    /// Only in the baseline.
    Removed { old: usize, description: String, progress: Progress },
}

impl ActivityChange {
    /// The change in progress points, where the activity is in both.
    pub fn delta(&self) -> Option<i64> {
        match self {
            ActivityChange::Matched { from, to, .. } => {
                Some(i64::from(to.get()) - i64::from(from.get()))
            }
            _ => None,
        }
    }

    /// Whether anything about the activity differs.
    pub fn is_change(&self) -> bool {
        match self {
            ActivityChange::Matched {
                from,
                to,
                remarks_changed,
                description_changed,
                topic_changed,
                ..
            } => from != to || *remarks_changed || *description_changed || *topic_changed,
            _ => true,
        }
    }
}

/// One group of the current report against its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupComparison {
    /// Index in the current report, or `None` for a group only in the baseline.
    pub new: Option<usize>,
    pub old: Option<usize>,
    pub title: String,
    pub from: Option<f64>,
    pub to: Option<f64>,
    pub activities: Vec<ActivityChange>,
    /// The current group's `progress_sum`, so the programme's can follow a change to it.
    sum: (u64, u64),
}

impl GroupComparison {
    pub fn delta(&self) -> Option<f64> {
        Some(self.to? - self.from?)
    }

    /// The change of the activity at `new` in the current group, if it is matched.
    pub fn activity(&self, new_index: usize) -> Option<&ActivityChange> {
        self.activities.iter().find(|c| match c {
            ActivityChange::Matched { new, .. } | ActivityChange::Added { new } => {
                *new == new_index
            }
            ActivityChange::Removed { .. } => false,
        })
    }
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub groups: Vec<GroupComparison>,
    pub from: Option<f64>,
    pub to: Option<f64>,
    /// Whether the front matter or the introduction differ.
    pub front_matter_changed: bool,
    /// The current report's `progress_sum`.
    sum: (u64, u64),
}

impl Comparison {
    pub fn delta(&self) -> Option<f64> {
        Some(self.to? - self.from?)
    }

    /// The comparison of the current group at `new`.
    pub fn group(&self, new: usize) -> Option<&GroupComparison> {
        self.groups.iter().find(|g| g.new == Some(new))
    }

    /// Brings the comparison up to date after a change within the current group `new`, at
    /// the cost of that group (groups keep their pairing: adding, removing or moving a group
    /// needs a whole `compare`).
    pub fn refresh_group(&mut self, baseline: &Report, current: &Report, new: usize) {
        let Some(entry) = self.groups.iter_mut().find(|g| g.new == Some(new)) else { return };
        let Some(group) = current.groups.get(new) else { return };
        let old = entry.old.and_then(|o| baseline.groups.get(o));
        let before = entry.sum;
        entry.sum = progress_sum(&group.activities);
        entry.to = mean_of(entry.sum);
        entry.activities =
            compare_activities(old.map_or(&[][..], |g| &g.activities), &group.activities);
        self.sum = (self.sum.0 - before.0 + entry.sum.0, self.sum.1 - before.1 + entry.sum.1);
        self.to = mean_of(self.sum);
    }

    /// Every activity-level change, with its group, in report order.
    pub fn changes(&self) -> impl Iterator<Item = (&GroupComparison, &ActivityChange)> {
        self.groups
            .iter()
            .flat_map(|g| g.activities.iter().filter(|c| c.is_change()).map(move |c| (g, c)))
    }
}

/// Compares `current` against `baseline`.
pub fn compare(baseline: &Report, current: &Report) -> Comparison {
    let pairs = match_groups(&baseline.groups, &current.groups);
    let mut groups = Vec::new();
    for (old, new) in pairs {
        let old_group = old.map(|i| &baseline.groups[i]);
        let new_group = new.map(|i| &current.groups[i]);
        let sum = new_group.map_or((0, 0), |g| progress_sum(&g.activities));
        groups.push(GroupComparison {
            new,
            old,
            title: new_group.or(old_group).map(|g| g.title.clone()).unwrap_or_default(),
            from: old_group.and_then(Group::progress),
            to: mean_of(sum),
            sum,
            activities: compare_activities(
                old_group.map_or(&[][..], |g| &g.activities),
                new_group.map_or(&[][..], |g| &g.activities),
            ),
        });
    }
    // Current order first; groups only in the baseline at the end.
    groups.sort_by_key(|g| (g.new.is_none(), g.new, g.old));
    let sum = progress_sum(current.activities());
    Comparison {
        groups,
        from: mean_progress(baseline.activities()),
        to: mean_of(sum),
        sum,
        front_matter_changed: (
            &baseline.symbol,
            &baseline.date,
            &baseline.title,
            &baseline.meeting,
            &baseline.venue,
            &baseline.introduction,
        ) != (
            &current.symbol,
            &current.date,
            &current.title,
            &current.meeting,
            &current.venue,
            &current.introduction,
        ),
    }
}

fn compare_activities(old: &[Activity], new: &[Activity]) -> Vec<ActivityChange> {
    let mut changes: Vec<ActivityChange> = match_activities(old, new)
        .into_iter()
        .map(|pair| match pair {
            (Some(o), Some(n)) => ActivityChange::Matched {
                old: o,
                new: n,
                from: old[o].progress,
                to: new[n].progress,
                remarks_changed: old[o].remarks != new[n].remarks,
                description_changed: old[o].description != new[n].description,
                topic_changed: old[o].topic != new[n].topic,
            },
            (None, Some(n)) => ActivityChange::Added { new: n },
            (Some(o), _) => ActivityChange::Removed {
                old: o,
                description: old[o].description.clone(),
                progress: old[o].progress,
            },
            (None, None) => unreachable!("a pair always has a side"),
        })
        .collect();
    let key = |c: &ActivityChange| match c {
        ActivityChange::Matched { new, .. } | ActivityChange::Added { new } => (*new, 0),
        ActivityChange::Removed { old, .. } => (*old, 1),
    };
    changes.sort_by_key(key);
    changes
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::store::shipped;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Kept up to date group by group, the comparison is the one made from scratch.
        #[test]
        fn a_comparison_refreshed_group_by_group_is_made_anew(
            edits in proptest::collection::vec((0..6usize, 0..5usize, 0..=100u8, 0..3u8), 1..20)
        ) {
            let baseline = crate::generate::report(6, 4, 3);
            let mut current = baseline.clone();
            let mut comparison = compare(&baseline, &current);
            for (g, a, progress, kind) in edits {
                let activities = &mut current.groups[g].activities;
                match (kind, a < activities.len()) {
                    (0, true) => activities[a].progress = Progress::new(progress.into()).unwrap(),
                    (1, true) => {
                        activities.remove(a);
                    }
                    _ => activities.push(Activity {
                        topic: None,
                        description: format!("Added {progress}"),
                        progress: Progress::new(progress.into()).unwrap(),
                        remarks: String::new(),
                    }),
                }
                comparison.refresh_group(&baseline, &current, g);
            }
            prop_assert_eq!(comparison, compare(&baseline, &current));
        }
    }

    #[test]
    fn unchanged_reports_have_no_changes() {
        let report = shipped().unwrap();
        let comparison = compare(&report, &report);
        assert_eq!(comparison.changes().count(), 0);
        assert!(!comparison.front_matter_changed);
        assert_eq!(comparison.delta(), Some(0.0));
    }

    #[test]
    fn reworded_moved_added_and_removed_activities_are_told_apart() {
        let old = shipped().unwrap();
        let mut new = old.clone();
        let group = &mut new.groups[7];
        group.activities[6].progress = Progress::new(40).unwrap();
        group.activities[1].description = "Identification of the needs".into();
        let removed = group.activities.remove(4);
        group.activities.push(Activity {
            topic: None,
            description: "Publication of the final document".into(),
            progress: Progress::ZERO,
            remarks: String::new(),
        });
        let comparison = compare(&old, &new);
        let changes: Vec<_> = comparison.changes().map(|(_, c)| c.clone()).collect();
        assert_eq!(changes.len(), 4, "{changes:#?}");
        assert!(changes.iter().any(|c| matches!(
            c,
            ActivityChange::Matched { old: 1, description_changed: true, .. }
        )));
        assert!(changes.iter().any(|c| c.delta() == Some(32)));
        assert!(changes.iter().any(|c| matches!(c, ActivityChange::Removed { description, .. } if *description == removed.description)));
        assert!(changes.iter().any(|c| matches!(c, ActivityChange::Added { new: 7 })));
    }

    #[test]
    fn a_description_reworded_by_adding_words_is_the_same_activity() {
        let old = shipped().unwrap();
        let mut new = old.clone();
        let review = &mut new.groups[7].activities[6];
        assert_eq!(review.description, "Review of the document");
        review.description = "Review of the document by the participating countries".into();
        review.progress = Progress::new(60).unwrap();
        let comparison = compare(&old, &new);
        let changes: Vec<_> = comparison.changes().map(|(_, c)| c.clone()).collect();
        let expected = ActivityChange::Matched {
            old: 6,
            new: 6,
            from: Progress::new(8).unwrap(),
            to: Progress::new(60).unwrap(),
            remarks_changed: false,
            description_changed: true,
            topic_changed: false,
        };
        assert_eq!(changes, [expected], "{changes:#?}");
        assert_eq!(comparison.group(7).and_then(GroupComparison::delta), Some(52.0 / 8.0));
    }

    #[test]
    fn a_new_activity_in_the_place_of_a_removed_one_is_added() {
        let old = shipped().unwrap();
        let mut new = old.clone();
        new.groups[7].activities[7].description = "Publication of the final document".into();
        let changes: Vec<_> = compare(&old, &new).changes().map(|(_, c)| c.clone()).collect();
        assert!(
            matches!(
                changes.as_slice(),
                [ActivityChange::Added { new: 7 }, ActivityChange::Removed { old: 7, .. }]
            ),
            "{changes:#?}"
        );
    }
}
