//! Filters on the activity table: only activities with a status, or below the threshold.

use super::App;
use crate::i18n::{Lang, Texts, fill};
use crate::model::{Activity, Progress, Status};

/// Which activities the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    Status(Status),
    /// Activities whose progress is below the threshold.
    Below(Progress),
}

impl Filter {
    pub fn keeps(self, activity: &Activity) -> bool {
        match self {
            Filter::Status(status) => activity.progress.status() == status,
            Filter::Below(threshold) => activity.progress < threshold,
        }
    }

    /// The words the footer uses for the filter, in English.
    pub fn describe(self) -> String {
        self.describe_in(Lang::En.texts())
    }

    /// The words the footer uses for the filter: "not started", "below 25%".
    pub fn describe_in(self, texts: &Texts) -> String {
        match self {
            Filter::Status(status) => texts.statuses(status).to_string(),
            Filter::Below(threshold) => fill(texts.filter_below, &[("threshold", &threshold)]),
        }
    }
}

impl App {
    /// The activities of the selected group that the table shows, in order.
    pub fn visible_activities(&self) -> Vec<usize> {
        let Some(group) = self.selected_group() else { return Vec::new() };
        match self.view.filter {
            None => (0..group.activities.len()).collect(),
            Some(filter) => (0..group.activities.len())
                .filter(|&a| filter.keeps(&group.activities[a]))
                .collect(),
        }
    }

    /// Not started → in progress → completed → below the threshold → everything.
    pub(super) fn cycle_filter(&mut self) {
        self.view.filter = match self.view.filter {
            None => Some(Filter::Status(Status::NotStarted)),
            Some(Filter::Status(Status::NotStarted)) => Some(Filter::Status(Status::InProgress)),
            Some(Filter::Status(Status::InProgress)) => Some(Filter::Status(Status::Completed)),
            Some(Filter::Status(Status::Completed)) => Some(Filter::Below(self.view.threshold)),
            Some(Filter::Below(_)) => None,
        };
        self.snap_to_visible();
        let texts = self.texts();
        match self.view.filter {
            Some(filter) => {
                self.info(fill(texts.showing_filtered, &[("filter", &filter.describe_in(texts))]))
            }
            None => self.info(texts.showing_all),
        }
    }

    pub(super) fn clear_filter(&mut self) {
        if self.view.filter.take().is_some() {
            self.info(self.texts().showing_all);
        }
    }

    /// Moves the selection onto a shown row when the filter hides the selected one.
    pub(super) fn snap_to_visible(&mut self) {
        let visible = self.visible_activities();
        if !visible.contains(&self.view.activity)
            && let Some(&first) =
                visible.iter().find(|&&a| a >= self.view.activity).or(visible.first())
        {
            self.view.activity = first;
        }
    }
}
