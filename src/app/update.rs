//! `App::update`: what each action does to the state.

use super::details::DetailsOf;
use super::{App, Effect, Message, Mode, step_to, step_within};
use crate::action::{Action, Pane, Viewport};
use crate::edit::{Field, List};
use crate::i18n::fill;
use crate::store::remembered::Remembered;

/// Lines the group's objectives scroll at a time, as the mouse wheel scrolls.
const INFO_STEP: isize = 3;
/// How far `+` and `-` move progress.
const PROGRESS_STEP: i64 = 5;

impl App {
    /// Applies one action. Nothing outside the app is touched: what must happen there is
    /// queued for `take_effects`.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Viewport(viewport) => {
                let view = &mut self.view;
                view.viewport = Viewport { page: viewport.page.max(1), ..viewport };
                view.detail_scroll = view.detail_scroll.min(viewport.detail_max);
                view.help_scroll = view.help_scroll.min(viewport.help_max);
                view.info_scroll = view.info_scroll.min(viewport.info_max);
                // The first action of every session: the first check starts here.
                self.ask_checks();
                return self.refresh_remarks();
            }
            Action::Tick => return self.tick(),
            Action::Terminate => return self.terminate(),
            _ => {}
        }
        self.view.message = None;
        match std::mem::take(&mut self.mode) {
            Mode::Normal => self.normal(action),
            Mode::EditProgress(input) => self.edit_progress(input, action),
            Mode::EditText(edit) => self.edit_text(edit, action),
            Mode::ConfirmDelete { list, index } => self.confirm_delete(list, index, action),
            Mode::ConfirmFormat { needs, then } => self.confirm_format(needs, then, action),
            Mode::Search { input, previous, recalled } => {
                self.type_search(input, previous, recalled, action)
            }
            Mode::Matches { selected } => self.match_list(selected, action),
            Mode::ConfirmQuit => self.confirm_quit(action),
            Mode::Conflict { missing } => self.conflict(missing, action),
            Mode::ConfirmSave { caution, expect, then } => {
                self.confirm_save(caution, expect, then, action)
            }
            Mode::SaveAs(input) => self.save_as(input, action),
            Mode::Commit(prompt) => self.commit_prompt(prompt, action),
            Mode::Recover(offer) => self.recover(offer, action),
            Mode::Threshold(input) => self.set_threshold(input, action),
            Mode::PickBaseline(pick) => self.pick_baseline(pick, action),
            Mode::GoTo(input) => self.go_to(input, action),
            Mode::ImportPath(input) => self.import_path(input, action),
            Mode::Review(review) => self.review(review, action),
            Mode::Help => self.help(action),
            Mode::Checks { selected } => self.check_list(selected, action),
            Mode::ReviewReason { selected, reason } => self.review_reason(selected, reason, action),
            Mode::History(screen) => self.history_key(screen, action),
        }
        self.refresh_derived();
    }

    /// Brings what is derived from the state up to date, so drawing only reads.
    pub(super) fn refresh_derived(&mut self) {
        self.ask_checks();
        self.refresh_behind();
        self.refresh_remarks();
    }

    fn normal(&mut self, action: Action) {
        // The overview and the details form take the keys they know; the rest are global.
        let action = match self.view.focus {
            Pane::Overview => match self.overview_action(action) {
                Some(action) => action,
                None => return,
            },
            Pane::Details => match self.details_action(action) {
                Some(action) => action,
                None => return,
            },
            Pane::Conflicts => match self.conflicts_action(action) {
                Some(action) => action,
                None => return,
            },
            _ => action,
        };
        // Refused at once, before anything is typed, while another wgtrack holds the file.
        if action.changes_report() && self.refuse_if_read_only() {
            return;
        }
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::Home => self.move_by(isize::MIN / 2),
            Action::End => self.move_by(isize::MAX / 2),
            Action::NextPane | Action::Open if self.view.focus == Pane::Groups => {
                self.view.focus = Pane::Activities;
            }
            Action::NextPane | Action::PrevPane if self.view.focus == Pane::Activities => {
                self.view.focus = Pane::Groups;
            }
            Action::NextPane | Action::PrevPane => {
                self.view.focus =
                    if self.view.focus == Pane::Groups { Pane::Activities } else { Pane::Groups }
            }
            Action::Open
                if self.view.focus == Pane::Activities
                    && self.visible_activities().contains(&self.view.activity) =>
            {
                self.view.focus = Pane::Activity;
                self.view.detail_scroll = 0;
            }
            Action::Back if self.view.focus == Pane::Activity => self.view.focus = Pane::Activities,
            Action::NextActivity | Action::PrevActivity if self.view.focus == Pane::Activity => {
                // Through the rows the table shows, as the table moves; from the top.
                let delta = if action == Action::NextActivity { 1 } else { -1 };
                self.view.focus = Pane::Activities;
                self.move_by(delta);
                self.view.focus = Pane::Activity;
                self.view.detail_scroll = 0;
            }
            Action::Back => self.view.focus = Pane::Groups,
            Action::EditProgress | Action::ProgressUp | Action::ProgressDown
                if self.refuse_while_conflicted() => {}
            Action::EditProgress => {
                let editable = self.activity_for_edit().is_some();
                if editable {
                    self.mode = Mode::EditProgress(String::new());
                }
            }
            Action::ProgressUp | Action::ProgressDown => {
                let delta =
                    if action == Action::ProgressUp { PROGRESS_STEP } else { -PROGRESS_STEP };
                if let Some(activity) = self.activity_for_edit() {
                    let to = activity.progress.step(delta);
                    self.set_progress(to);
                }
            }
            Action::EditRemarks | Action::EditDescription | Action::EditTopic => {
                let editable = self.activity_for_edit().is_some();
                if editable {
                    let (g, a) = (self.view.group, self.view.activity);
                    self.edit_field(match action {
                        Action::EditRemarks => Field::Remarks(g, a),
                        Action::EditDescription => Field::Description(g, a),
                        _ => Field::ActivityTopic(g, a),
                    });
                }
            }
            Action::Details if self.view.focus == Pane::Groups => {
                self.open_details(DetailsOf::Group(self.view.group));
            }
            Action::Details => self.info(self.texts().details_need_group),
            Action::ReportDetails => self.open_details(DetailsOf::Report),
            Action::AddItem => match self.view.focus {
                Pane::Groups => {
                    let at = if self.report().groups.is_empty() { 0 } else { self.view.group + 1 };
                    self.add_item(List::Groups, at);
                }
                _ => {
                    let empty = self.selected_group().is_none_or(|g| g.activities.is_empty());
                    let at = if empty { 0 } else { self.view.activity + 1 };
                    self.add_item(List::Activities(self.view.group), at);
                }
            },
            Action::DeleteItem => match self.view.focus {
                Pane::Groups if self.report().groups.len() <= 1 => {
                    self.error(self.texts().need_one_group);
                }
                Pane::Groups => self.ask_delete(List::Groups, self.view.group),
                _ => {
                    if self.activity_for_edit().is_some() {
                        self.ask_delete(List::Activities(self.view.group), self.view.activity);
                    }
                }
            },
            Action::MoveUp | Action::MoveDown => {
                let down = action == Action::MoveDown;
                match self.view.focus {
                    Pane::Groups => self.move_item(List::Groups, self.view.group, down),
                    _ => {
                        self.move_item(List::Activities(self.view.group), self.view.activity, down)
                    }
                }
            }
            Action::ToggleObjectives => self.toggle_objectives(),
            Action::InfoUp => self.scroll_info(-INFO_STEP),
            Action::InfoDown => self.scroll_info(INFO_STEP),
            Action::Overview => self.open_overview(),
            Action::Conflicts => self.open_conflicts(),
            Action::CycleFilter => self.cycle_filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::SetThreshold => self.mode = Mode::Threshold(String::new()),
            Action::GoTo => self.start_go_to(None),
            Action::Commit => self.start_commit(super::AfterMessage::Prompt),
            Action::Type(digit) if digit.is_ascii_digit() => self.start_go_to(Some(digit)),
            Action::PickBaseline => {
                let current = self.baseline().map(|b| b.path.display().to_string());
                self.ask_baseline(current.unwrap_or_default());
            }
            Action::ImportSheet => self.ask_import(),
            Action::Save => self.save(),
            Action::SaveAs => self.ask_save_as(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            // A new search starts empty; earlier ones are a key away (history).
            Action::Search => {
                let previous = self.view.search.clone();
                self.mode = Mode::Search { input: String::new(), previous, recalled: None };
            }
            Action::NextMatch => self.jump_to_match(true, false),
            Action::PrevMatch => self.jump_to_match(false, false),
            Action::MatchList => self.open_match_list(),
            Action::Checks => self.open_checks(),
            Action::Help => self.mode = Mode::Help,
            Action::History => self.open_history(),
            Action::Quit => self.quit(),
            Action::SelectGroup(g) if g < self.report().groups.len() => {
                self.view.focus = Pane::Groups;
                self.select_group(g);
            }
            Action::SelectActivity(row) if row < self.visible_activities().len() => {
                let a = self.visible_activities()[row];
                if self.view.focus == Pane::Activities && self.view.activity == a {
                    // A second click on the selected row opens it, as a double click would.
                    self.view.focus = Pane::Activity;
                    self.view.detail_scroll = 0;
                } else {
                    self.view.focus = Pane::Activities;
                    self.view.activity = a;
                }
            }
            Action::Scroll(pane, lines) => {
                self.view.focus = pane;
                self.move_by(lines);
            }
            _ => {}
        }
    }

    /// The activity an edit key applies to, or a message saying how to pick one.
    fn activity_for_edit(&mut self) -> Option<crate::model::Activity> {
        if matches!(self.view.focus, Pane::Groups | Pane::Overview) {
            self.info(self.texts().choose_activity);
            return None;
        }
        if !self.visible_activities().contains(&self.view.activity) {
            self.info(self.texts().no_activity_shown);
            return None;
        }
        let activity = self.selected_activity().cloned();
        if activity.is_none() {
            self.info(self.texts().no_activities_in_group);
        }
        activity
    }

    fn move_by(&mut self, delta: isize) {
        let step = |at: usize, len: usize| step_within(at, delta, len);
        match self.view.focus {
            Pane::Groups => {
                let g = step(self.view.group, self.report().groups.len());
                self.select_group(g);
            }
            Pane::Activities => {
                // Movement goes through the rows the filter shows. From a row the filter
                // has just hidden, the first step lands on its nearest shown neighbour.
                let rows = self.visible_activities();
                let next = match rows.iter().position(|&a| a == self.view.activity) {
                    Some(at) => rows.get(step(at, rows.len())),
                    None if delta > 0 => rows.iter().find(|&&a| a > self.view.activity),
                    None => rows.iter().rev().find(|&&a| a < self.view.activity),
                };
                if let Some(&a) = next.or(rows.last().filter(|_| delta > 0)).or(rows.first()) {
                    self.view.activity = a;
                }
            }
            Pane::Activity => {
                self.view.detail_scroll =
                    step_to(self.view.detail_scroll, delta, self.view.viewport.detail_max)
            }
            Pane::Overview | Pane::Details | Pane::Conflicts => {}
        }
    }

    /// Folds the objectives if shown, shows them if folded, and remembers that for the
    /// report's next session.
    fn toggle_objectives(&mut self) {
        let folded = !self.objectives_folded();
        self.view.objectives_folded = Some(folded);
        self.view.info_scroll = 0;
        if let Some(file) = self.session.view_file() {
            let remembered = Remembered { objectives_folded: Some(folded) };
            self.effects.push(Effect::Remember { file, remembered });
        }
    }

    fn scroll_info(&mut self, lines: isize) {
        self.view.info_scroll = step_to(self.view.info_scroll, lines, self.view.viewport.info_max);
    }

    fn select_group(&mut self, g: usize) {
        if g != self.view.group {
            self.view.group = g;
            self.view.info_scroll = 0;
            self.view.activity = 0;
            self.snap_to_visible();
        }
    }

    fn help(&mut self, action: Action) {
        let scroll = self.view.help_scroll;
        self.view.help_scroll = match action {
            Action::Back | Action::Help | Action::Quit => return,
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll + 1,
            Action::PageUp => scroll.saturating_sub(self.view.viewport.page),
            Action::PageDown => scroll + self.view.viewport.page,
            Action::Home => 0,
            Action::Scroll(_, lines) => scroll.saturating_add_signed(lines),
            _ => scroll,
        }
        .min(self.view.viewport.help_max);
        self.mode = Mode::Help;
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.view.message = Some(Message { text: text.into(), is_error: false });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.view.message = Some(Message { text: text.into(), is_error: true });
    }

    /// An error said with its `{cause}`: what failed, then why.
    pub(super) fn error_because(&mut self, template: &str, cause: &str) {
        self.error(fill(template, &[("cause", &cause)]));
    }
}
