//! Derived figures kept beside the report: computed once per change, read every frame.

use crate::model::{Report, Tally, mean_of, progress_sum};

/// Each group's progress and the programme's, as the header and the groups pane show them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Per group: the sum of its activities' progress and their number.
    sums: Vec<(u64, u64)>,
    pub tallies: Vec<Tally>,
}

impl Figures {
    pub fn of(report: &Report) -> Figures {
        let mut figures = Figures::default();
        for g in 0..report.groups.len() {
            figures.sums.push((0, 0));
            figures.tallies.push(Tally::default());
            figures.refresh_group(report, g);
        }
        figures
    }

    /// Recomputes one group after a change to it.
    pub fn refresh_group(&mut self, report: &Report, g: usize) {
        let Some(group) = report.groups.get(g) else {
            return;
        };
        if let (Some(s), Some(t)) = (self.sums.get_mut(g), self.tallies.get_mut(g)) {
            *s = progress_sum(&group.activities);
            *t = group.tally();
        }
    }

    pub fn group_progress(&self, g: usize) -> Option<f64> {
        mean_of(*self.sums.get(g)?)
    }

    pub fn programme_progress(&self) -> Option<f64> {
        mean_of(self.sums.iter().fold((0, 0), |(s, n), (gs, gn)| (s + gs, n + gn)))
    }
}
