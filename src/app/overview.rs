//! The overview of the whole programme: groups by number or progress, the activities that
//! are behind (not started, or below a threshold the user sets), and with a baseline, every
//! activity changed since it.

use super::{App, Mode, Prompt, edit_line, step_within};
use crate::action::{Action, Pane};
use crate::compare::ActivityChange;
use crate::i18n::fill;
use crate::model::Progress;

/// The list of the overview that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewList {
    Groups,
    Behind,
    /// What changed since the baseline, when there is one.
    Changes,
}

/// One line of the changes since the baseline: the group (its index now, else in the
/// baseline) and what changed there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeRow<'a> {
    /// The group's index in the report, `None` where the whole group was removed.
    pub group: Option<usize>,
    pub change: &'a ActivityChange,
}

/// How the overview orders the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupOrder {
    Number,
    /// Least advanced first: the groups that need attention on top.
    Progress,
}

/// Where the overview stands.
#[derive(Debug, Clone)]
pub struct Overview {
    pub list: OverviewList,
    pub group_row: usize,
    pub behind_row: usize,
    pub changes_row: usize,
    /// The list shown below the groups: the activities behind, or the changes.
    pub lower: OverviewList,
    pub order: GroupOrder,
    /// The pane to go back to.
    pub back_to: Pane,
}

impl Default for Overview {
    fn default() -> Overview {
        Overview {
            list: OverviewList::Groups,
            group_row: 0,
            behind_row: 0,
            changes_row: 0,
            lower: OverviewList::Behind,
            order: GroupOrder::Number,
            back_to: Pane::Groups,
        }
    }
}

impl App {
    /// The groups in the overview's order.
    pub fn overview_groups(&self) -> Vec<usize> {
        let mut groups: Vec<usize> = (0..self.report().groups.len()).collect();
        if self.view.overview.order == GroupOrder::Progress {
            let key = |g: &usize| self.figures().group_progress(*g).unwrap_or(f64::INFINITY);
            groups.sort_by(|a, b| key(a).total_cmp(&key(b)));
        }
        groups
    }

    /// Every activity changed since the baseline, group by group; none without one.
    pub fn overview_changes(&self) -> Vec<ChangeRow<'_>> {
        let Some(baseline) = self.baseline() else { return Vec::new() };
        baseline
            .comparison
            .changes()
            .map(|(group, change)| ChangeRow { group: group.new, change })
            .collect()
    }

    /// The list below the groups in the overview.
    pub fn overview_lower(&self) -> OverviewList {
        match self.view.overview.lower {
            OverviewList::Changes if self.baseline().is_none() => OverviewList::Behind,
            lower => lower,
        }
    }

    /// Activities not started or below the threshold, least advanced first, as
    /// (progress, group, activity); kept current while the overview shows them.
    pub fn behind(&self) -> &[(Progress, usize, usize)] {
        &self.view.behind.list
    }

    /// Works out the activities behind again if the report or the threshold changed since,
    /// while the overview is open: an edit elsewhere costs nothing here, however large the
    /// report.
    pub(super) fn refresh_behind(&mut self) {
        if self.view.focus != Pane::Overview {
            return;
        }
        let of = Some((self.document.revision(), self.view.threshold));
        if self.view.behind.of == of {
            return;
        }
        let threshold = self.view.threshold;
        let is_behind = |p: Progress| p == Progress::ZERO || p < threshold;
        let mut behind = Vec::new();
        for (g, group) in self.report().groups.iter().enumerate() {
            for (a, activity) in group.activities.iter().enumerate() {
                if is_behind(activity.progress) {
                    behind.push((activity.progress, g, a));
                }
            }
        }
        behind.sort_unstable();
        self.view.behind.list = behind;
        self.view.behind.of = of;
        self.clamp_behind_row();
    }

    fn clamp_behind_row(&mut self) {
        self.view.overview.behind_row =
            self.view.overview.behind_row.min(self.behind().len().saturating_sub(1));
        let changes = self.overview_changes().len();
        self.view.overview.changes_row =
            self.view.overview.changes_row.min(changes.saturating_sub(1));
    }

    pub(super) fn open_overview(&mut self) {
        if self.view.focus == Pane::Overview {
            return self.close_overview();
        }
        self.view.overview.back_to = self.view.focus;
        self.view.focus = Pane::Overview;
        // The list may have shrunk since the overview was last open.
        self.refresh_behind();
        self.clamp_behind_row();
    }

    fn close_overview(&mut self) {
        self.view.focus = self.view.overview.back_to;
    }

    /// Keys of the overview; gives back the action when it is not one of them.
    pub(super) fn overview_action(&mut self, action: Action) -> Option<Action> {
        // The changes lose their list when the baseline goes.
        if self.view.overview.list == OverviewList::Changes && self.baseline().is_none() {
            self.view.overview.list = OverviewList::Behind;
        }
        let len = match self.view.overview.list {
            OverviewList::Groups => self.report().groups.len(),
            OverviewList::Behind => self.behind().len(),
            OverviewList::Changes => self.overview_changes().len(),
        };
        let page = self.page();
        let row = match self.view.overview.list {
            OverviewList::Groups => &mut self.view.overview.group_row,
            OverviewList::Behind => &mut self.view.overview.behind_row,
            OverviewList::Changes => &mut self.view.overview.changes_row,
        };
        let delta = match action {
            Action::Up => -1,
            Action::Down => 1,
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Home => isize::MIN / 2,
            Action::End => isize::MAX / 2,
            Action::Scroll(_, lines) => lines,
            _ => 0,
        };
        if delta != 0 || matches!(action, Action::Scroll(..)) {
            *row = step_within(*row, delta, len);
            return None;
        }
        match action {
            Action::NextPane | Action::PrevPane => {
                // Groups, behind, and with a baseline the changes, round; back the other way.
                let mut lists = vec![OverviewList::Groups, OverviewList::Behind];
                if self.baseline().is_some() {
                    lists.push(OverviewList::Changes);
                }
                let at = lists.iter().position(|l| *l == self.view.overview.list).unwrap_or(0);
                let step = if action == Action::NextPane { 1 } else { lists.len() - 1 };
                let list = lists[(at + step) % lists.len()];
                self.view.overview.list = list;
                if list != OverviewList::Groups {
                    self.view.overview.lower = list;
                }
            }
            Action::Open => self.jump_from_overview(),
            Action::Back | Action::Overview => self.close_overview(),
            Action::SortGroups => {
                self.view.overview.order = match self.view.overview.order {
                    GroupOrder::Number => GroupOrder::Progress,
                    GroupOrder::Progress => GroupOrder::Number,
                };
            }
            Action::SetThreshold => self.mode = Mode::Threshold(String::new()),
            _ => return Some(action),
        }
        None
    }

    fn jump_from_overview(&mut self) {
        match self.view.overview.list {
            OverviewList::Groups => {
                if let Some(&g) = self.overview_groups().get(self.view.overview.group_row) {
                    self.view.group = g;
                    self.view.activity = 0;
                    self.snap_to_visible();
                    self.view.focus = Pane::Activities;
                }
            }
            OverviewList::Behind => {
                if let Some(&(_, g, a)) = self.behind().get(self.view.overview.behind_row) {
                    self.jump_to(g, a);
                }
            }
            OverviewList::Changes => {
                let row = self.overview_changes().get(self.view.overview.changes_row).copied();
                match row.map(|r| (r.group, r.change)) {
                    Some((Some(g), ActivityChange::Matched { new, .. }))
                    | Some((Some(g), ActivityChange::Added { new })) => self.jump_to(g, *new),
                    // A removed activity is shown where it was: its group, at its place.
                    Some((Some(g), ActivityChange::Removed { old, .. })) => {
                        let last = self.report().groups[g].activities.len().saturating_sub(1);
                        self.jump_to(g, (*old).min(last));
                    }
                    // A group removed whole is nowhere to go.
                    Some((None, _)) => self.info(self.texts().change_nowhere),
                    None => {}
                }
            }
        }
    }

    /// The activity table, at activity `a` of group `g`, every activity shown.
    fn jump_to(&mut self, g: usize, a: usize) {
        self.view.group = g;
        self.view.activity = a;
        self.view.focus = Pane::Activities;
        self.view.filter = None;
    }

    pub(super) fn set_threshold(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |c| c.is_ascii_digit()) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm => match input.parse::<i64>().map(Progress::new) {
                Ok(Ok(threshold)) => {
                    self.view.threshold = threshold;
                    self.refresh_behind();
                    let text = fill(self.texts().behind_set, &[("threshold", &threshold)]);
                    return self.info(text);
                }
                Ok(Err(e)) => self.refuse_out_of_range(e),
                Err(_) => self.error(self.texts().type_whole_number),
            },
        }
        self.mode = Mode::Threshold(input);
    }
}
