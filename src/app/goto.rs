//! Going to a group or an activity by its number: `:` then `VIII.7` (or `8.7`, `VIII`, `8`),
//! or a digit typed in the groups pane or the table, which starts the same prompt; and
//! showing the place of any field (a match, a finding).

use super::details::DetailsOf;
use super::{App, Mode, Prompt, RowKind, edit_line};
use crate::action::{Action, Pane};
use crate::edit::Field;
use crate::i18n::fill;
use crate::model::{numeral, parse_group_number};

impl App {
    /// Opens the go-to prompt with `typed` in it: a digit typed in the groups pane starts a
    /// group's number; in the table, an activity's number in the group shown.
    pub(super) fn start_go_to(&mut self, typed: Option<char>) {
        let input = match (typed, self.view.focus) {
            (Some(digit), Pane::Activities) => format!("{}.{digit}", numeral(self.view.group + 1)),
            (Some(digit), _) => digit.to_string(),
            (None, _) => String::new(),
        };
        self.mode = Mode::GoTo(input);
    }

    pub(super) fn go_to(&mut self, mut input: String, action: Action) {
        let accept = |c: char| c.is_ascii_alphanumeric() || c == '.';
        match edit_line(&mut input, &action, accept) {
            Prompt::Typing => self.mode = Mode::GoTo(input),
            Prompt::Cancel => {}
            Prompt::Confirm => match self.place(&input) {
                Ok((g, None)) => {
                    self.view.focus = Pane::Groups;
                    self.view.group = g;
                    self.view.activity = 0;
                    self.snap_to_visible();
                }
                Ok((g, Some(a))) => {
                    self.view.group = g;
                    self.view.activity = a;
                    self.view.focus = Pane::Activities;
                    // The activity asked for shows, whatever the filter hid.
                    if !self.visible_activities().contains(&a) {
                        self.view.filter = None;
                    }
                }
                Err(text) => {
                    self.error(text);
                    self.mode = Mode::GoTo(input);
                }
            },
        }
    }

    /// The group and activity `input` names, or what is wrong with it.
    fn place(&self, input: &str) -> Result<(usize, Option<usize>), String> {
        let texts = self.texts();
        let groups = self.report().groups.len();
        let (group, activity) = match input.trim().split_once('.') {
            Some((group, activity)) => (group, Some(activity)),
            None => (input.trim(), None),
        };
        let last = numeral(groups);
        let g = parse_group_number(group)
            .filter(|&n| (1..=groups).contains(&n))
            .ok_or_else(|| fill(texts.go_to_no_group, &[("input", &input), ("last", &last)]))?
            - 1;
        let Some(activity) = activity else { return Ok((g, None)) };
        let count = self.report().groups[g].activities.len();
        let place = format!("{}.{activity}", numeral(g + 1));
        match activity.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => Ok((g, Some(n - 1))),
            _ => Err(fill(texts.go_to_no_activity, &[("place", &place), ("count", &count)])),
        }
    }

    /// Shows the place of `field`: its activity, its group, or its row of the details form.
    pub(super) fn show_field(&mut self, field: Field) {
        match (field.activity(), field, field.group()) {
            (Some((g, a)), _, _) => {
                self.view.group = g;
                self.view.activity = a;
                if !matches!(self.view.focus, Pane::Activities | Pane::Activity) {
                    self.view.focus = Pane::Activities;
                }
                // The activity shows, whatever the filter hid.
                if !self.visible_activities().contains(&a) {
                    self.view.filter = None;
                }
            }
            (None, Field::GroupTitle(g), _) => {
                self.view.group = g;
                self.view.activity = 0;
                self.view.focus = Pane::Groups;
                self.snap_to_visible();
            }
            (None, _, group) => {
                let of = match group {
                    Some(g) => {
                        self.view.group = g;
                        self.view.activity = 0;
                        self.snap_to_visible();
                        DetailsOf::Group(g)
                    }
                    None => DetailsOf::Report,
                };
                self.open_details(of);
                let row = self
                    .detail_rows()
                    .iter()
                    .position(|r| matches!(r.kind, RowKind::Field { field: f, .. } if f == field));
                self.view.details.row = row.unwrap_or(self.view.details.row);
            }
        }
    }
}
