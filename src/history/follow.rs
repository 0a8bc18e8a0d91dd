//! Following an activity, a group and the programme from the newest version of the report
//! back: each version paired with the one before it as the baseline comparison pairs them.

use std::sync::Arc;

use super::Versions;
use crate::compare::{match_activities, match_groups};
use crate::model::{Activity, Group, Progress, Report, mean_progress};

/// How the groups and activities of one version pair with those of the version before.
#[derive(Debug)]
pub(crate) struct Pairing {
    /// For each group of the newer version, its index in the older one.
    groups: Vec<Option<usize>>,
    /// For each activity of each group of the newer version, its index in the older group.
    activities: Vec<Vec<Option<usize>>>,
}

impl Pairing {
    pub(crate) fn of(old: &Report, new: &Report) -> Pairing {
        let mut groups = vec![None; new.groups.len()];
        let mut activities = vec![Vec::new(); new.groups.len()];
        for (o, n) in match_groups(&old.groups, &new.groups) {
            let Some(n) = n else { continue };
            groups[n] = o;
            let new_group = &new.groups.shared()[n];
            let mut olds = vec![None; new_group.activities.len()];
            if let Some(old_group) = o.map(|o| &old.groups.shared()[o]) {
                if Arc::ptr_eq(old_group, new_group) {
                    // A group no commit touched is shared between versions: each activity
                    // is itself.
                    olds = (0..olds.len()).map(Some).collect();
                } else {
                    let pairs = match_activities(&old_group.activities, &new_group.activities);
                    for (oa, na) in pairs {
                        if let Some(na) = na {
                            olds[na] = oa;
                        }
                    }
                }
            }
            activities[n] = olds;
        }
        Pairing { groups, activities }
    }

    fn group(&self, new: usize) -> Option<usize> {
        self.groups.get(new).copied().flatten()
    }

    fn activity(&self, group: usize, activity: usize) -> Option<(usize, usize)> {
        let old = self.activities.get(group)?.get(activity).copied().flatten()?;
        Some((self.group(group)?, old))
    }
}

/// A version that changed an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityStep {
    /// The version's index in `Versions::list`.
    pub version: usize,
    /// Where the activity stood in that version (from 0), as it may have moved since.
    pub group: usize,
    pub activity: usize,
    pub progress: Progress,
    /// Whether its remarks differ from the version before (or, where it first appears,
    /// whether it has any).
    pub remarks_changed: bool,
    /// Whether its description or topic differ from the version before.
    pub reworded: bool,
    /// Whether this is where it first appears.
    pub added: bool,
}

/// A version that changed a group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupStep {
    pub version: usize,
    /// Where the group stood in that version (from 0).
    pub group: usize,
    /// Its progress then: the mean of its activities'.
    pub progress: Option<f64>,
    /// Whether this is where it first appears.
    pub added: bool,
}

/// The programme's progress in one version.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeStep {
    pub version: usize,
    pub progress: Option<f64>,
}

impl Versions {
    /// The activity at `activity` of group `group` in the newest version, as each version
    /// that changed it left it, newest first.
    pub fn activity(&self, group: usize, activity: usize) -> Vec<ActivityStep> {
        let mut steps = Vec::new();
        let mut place = Some((group, activity));
        for (v, version) in self.list.iter().enumerate() {
            let Some((g, a)) = place else { break };
            let Some(now) = version.report.activity(g, a) else { break };
            let older = self.pairings.get(v).and_then(|p| p.activity(g, a));
            let before = older.and_then(|(og, oa)| self.list[v + 1].report.activity(og, oa));
            let step = |remarks_changed, reworded, added| ActivityStep {
                version: v,
                group: g,
                activity: a,
                progress: now.progress,
                remarks_changed,
                reworded,
                added,
            };
            match before {
                Some(before) if before != now => steps.push(step(
                    before.remarks != now.remarks,
                    before.description != now.description || before.topic != now.topic,
                    false,
                )),
                Some(_) => {}
                None => steps.push(step(!now.remarks.is_empty(), false, true)),
            }
            place = older;
        }
        steps
    }

    /// The activity as version `step.version` left it.
    pub fn activity_in(&self, step: &ActivityStep) -> Option<&Activity> {
        self.list.get(step.version)?.report.activity(step.group, step.activity)
    }

    /// The group at `group` in the newest version, as each version that changed it left
    /// it, newest first.
    pub fn group(&self, group: usize) -> Vec<GroupStep> {
        let mut steps = Vec::new();
        let mut place = Some(group);
        for (v, version) in self.list.iter().enumerate() {
            let Some(g) = place else { break };
            let Some(now) = version.report.groups.shared().get(g) else { break };
            let older = self.pairings.get(v).and_then(|p| p.group(g));
            let before = older.and_then(|o| self.list[v + 1].report.groups.shared().get(o));
            let changed = before.is_none_or(|b| !Arc::ptr_eq(b, now) && **b != **now);
            if changed {
                let progress = Group::progress(now);
                steps.push(GroupStep { version: v, group: g, progress, added: before.is_none() });
            }
            place = older;
        }
        steps
    }

    /// The programme's progress in every version, newest first.
    pub fn programme(&self) -> Vec<ProgrammeStep> {
        let progress = |r: &Report| mean_progress(r.activities());
        let steps = self.list.iter().enumerate();
        steps.map(|(version, v)| ProgrammeStep { version, progress: progress(&v.report) }).collect()
    }
}
