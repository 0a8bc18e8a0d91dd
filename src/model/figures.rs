//! The figures derived from the activities' progress: counts by status, sums and means, for
//! a group and for the programme, and how a mean is shown.

use super::{Activity, DocumentType, Group, Report, Status};

/// Activities counted by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub completed: usize,
    pub in_progress: usize,
    pub not_started: usize,
}

impl Tally {
    pub fn of<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Tally {
        let mut tally = Tally::default();
        for activity in activities {
            tally.add(activity.progress.status());
        }
        tally
    }

    pub fn add(&mut self, status: Status) {
        match status {
            Status::NotStarted => self.not_started += 1,
            Status::InProgress => self.in_progress += 1,
            Status::Completed => self.completed += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.completed + self.in_progress + self.not_started
    }

    pub fn count(&self, status: Status) -> usize {
        match status {
            Status::NotStarted => self.not_started,
            Status::InProgress => self.in_progress,
            Status::Completed => self.completed,
        }
    }
}

/// The sum of the activities' progress and their number: what means are taken from, and
/// what can be kept up to date group by group.
pub fn progress_sum<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> (u64, u64) {
    activities.into_iter().fold((0, 0), |(sum, n), a| (sum + u64::from(a.progress.get()), n + 1))
}

/// The mean of a `progress_sum`; none for no activities.
pub fn mean_of((sum, n): (u64, u64)) -> Option<f64> {
    (n > 0).then(|| sum as f64 / n as f64)
}

/// Mean progress of `activities`; none for no activities.
pub fn mean_progress<'a>(activities: impl IntoIterator<Item = &'a Activity>) -> Option<f64> {
    mean_of(progress_sum(activities))
}

impl Group {
    /// Mean progress of the group's activities.
    pub fn progress(&self) -> Option<f64> {
        mean_progress(&self.activities)
    }

    pub fn tally(&self) -> Tally {
        Tally::of(&self.activities)
    }

    /// Whether the source table of this group has a Topic column.
    pub fn has_topics(&self) -> bool {
        self.activities.iter().any(|a| a.topic.is_some())
    }
}

impl Report {
    /// Mean progress over all activities of the programme.
    pub fn progress(&self) -> Option<f64> {
        mean_progress(self.activities())
    }

    pub fn tally(&self) -> Tally {
        Tally::of(self.activities())
    }

    /// Number of groups of a document type.
    pub fn groups_of_type(&self, kind: DocumentType) -> usize {
        self.groups.iter().filter(|g| g.document_type == kind).count()
    }
}

/// A percentage rounded for display: "83%", or "—" where there is nothing to average.
pub fn format_percent(value: Option<f64>) -> String {
    match value {
        // Halves round up (32.5 → 33), as people round, not to even as `{:.0}` does.
        Some(v) => format!("{}%", v.round()),
        None => "—".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Progress;

    #[test]
    fn means_ignore_nothing_and_handle_empty() {
        assert_eq!(mean_progress(&[]), None);
        let acts: Vec<Activity> = [0, 50, 100]
            .iter()
            .map(|&p| Activity {
                topic: None,
                description: "d".into(),
                progress: Progress::new(p).unwrap(),
                remarks: String::new(),
            })
            .collect();
        assert_eq!(mean_progress(&acts), Some(50.0));
        let t = Tally::of(&acts);
        assert_eq!((t.completed, t.in_progress, t.not_started), (1, 1, 1));
    }
}
