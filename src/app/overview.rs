//! The overview of the whole programme: groups by number or progress, and the activities
//! that are behind (not started, or below a threshold the user sets).

use super::{App, Mode, Prompt, edit_line, step_within};
use crate::action::{Action, Pane};
use crate::i18n::fill;
use crate::model::Progress;

/// The list of the overview that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewList {
    Groups,
    Behind,
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
        let len = match self.view.overview.list {
            OverviewList::Groups => self.report().groups.len(),
            OverviewList::Behind => self.behind().len(),
        };
        let page = self.page();
        let row = match self.view.overview.list {
            OverviewList::Groups => &mut self.view.overview.group_row,
            OverviewList::Behind => &mut self.view.overview.behind_row,
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
                self.view.overview.list = match self.view.overview.list {
                    OverviewList::Groups => OverviewList::Behind,
                    OverviewList::Behind => OverviewList::Groups,
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
                    self.view.group = g;
                    self.view.activity = a;
                    self.view.focus = Pane::Activities;
                    self.view.filter = None;
                }
            }
        }
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
