//! `App::update`: what each action does to the state.

use ratatui_textarea::{TextArea, WrapMode};

use super::{App, Change, Message, Mode, Search};
use crate::action::{Action, Pane, Viewport};
use crate::model::Progress;
use crate::{search, store};

/// How far `+` and `-` move progress.
const PROGRESS_STEP: i64 = 5;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if let Action::Viewport(viewport) = action {
            self.viewport = Viewport {
                page: viewport.page.max(1),
                ..viewport
            };
            self.detail_scroll = self.detail_scroll.min(viewport.detail_max);
            self.help_scroll = self.help_scroll.min(viewport.help_max);
            return;
        }
        self.message = None;
        match std::mem::take(&mut self.mode) {
            Mode::Normal => self.normal(action),
            Mode::EditProgress(input) => self.edit_progress(input, action),
            Mode::EditRemarks(editor) => self.edit_remarks(editor, action),
            Mode::Search { input, previous } => self.type_search(input, previous, action),
            Mode::ConfirmQuit => self.confirm_quit(action),
            Mode::Help => self.help(action),
        }
    }

    fn normal(&mut self, action: Action) {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.viewport.page as isize)),
            Action::PageDown => self.move_by(self.viewport.page as isize),
            Action::Home => self.move_by(isize::MIN / 2),
            Action::End => self.move_by(isize::MAX / 2),
            Action::NextPane | Action::Open if self.focus == Pane::Groups => {
                self.focus = Pane::Activities;
            }
            Action::NextPane => self.focus = Pane::Groups,
            Action::PrevPane => {
                self.focus = match self.focus {
                    Pane::Groups => Pane::Activities,
                    Pane::Activities | Pane::Activity => Pane::Groups,
                }
            }
            Action::Open
                if self.focus == Pane::Activities && self.selected_activity().is_some() =>
            {
                self.focus = Pane::Activity;
                self.detail_scroll = 0;
            }
            Action::Back => {
                self.focus = match self.focus {
                    Pane::Activity => Pane::Activities,
                    Pane::Activities | Pane::Groups => Pane::Groups,
                }
            }
            Action::EditProgress => {
                let editable = self.activity_for_edit().is_some();
                if editable {
                    self.mode = Mode::EditProgress(String::new());
                }
            }
            Action::ProgressUp | Action::ProgressDown => {
                let delta = if action == Action::ProgressUp {
                    PROGRESS_STEP
                } else {
                    -PROGRESS_STEP
                };
                if let Some(activity) = self.activity_for_edit() {
                    let to = activity.progress.step(delta);
                    self.set_progress(to);
                }
            }
            Action::EditRemarks => {
                if let Some(activity) = self.activity_for_edit() {
                    self.mode = Mode::EditRemarks(Box::new(editor(&activity.remarks)));
                }
            }
            Action::ToggleObjectives => self.objectives_folded = !self.objectives_folded,
            Action::Save => self.save(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Search => {
                let input = self
                    .search
                    .as_ref()
                    .map(|s| s.query.clone())
                    .unwrap_or_default();
                self.mode = Mode::Search {
                    input,
                    previous: self.search.clone(),
                };
            }
            Action::NextMatch => self.jump_to_match(true, false),
            Action::PrevMatch => self.jump_to_match(false, false),
            Action::Help => self.mode = Mode::Help,
            Action::Quit => self.quit(),
            Action::SelectGroup(g) if g < self.report.groups.len() => {
                self.focus = Pane::Groups;
                self.select_group(g);
            }
            Action::SelectActivity(a) if a < self.activity_count() => {
                if self.focus == Pane::Activities && self.activity == a {
                    // A second click on the selected row opens it, as a double click would.
                    self.focus = Pane::Activity;
                    self.detail_scroll = 0;
                } else {
                    self.focus = Pane::Activities;
                    self.activity = a;
                }
            }
            Action::Scroll(pane, lines) => {
                self.focus = pane;
                self.move_by(lines);
            }
            _ => {}
        }
    }

    fn activity_count(&self) -> usize {
        self.selected_group().map_or(0, |g| g.activities.len())
    }

    /// The activity an edit key applies to, or a message saying how to pick one.
    fn activity_for_edit(&mut self) -> Option<crate::model::Activity> {
        if self.focus == Pane::Groups {
            self.info("Choose an activity first: Enter opens the group's activities");
            return None;
        }
        let activity = self.selected_activity().cloned();
        if activity.is_none() {
            self.info("This group has no activities");
        }
        activity
    }

    fn move_by(&mut self, delta: isize) {
        let step = |at: usize, len: usize| -> usize {
            let last = len.saturating_sub(1) as isize;
            (at as isize).saturating_add(delta).clamp(0, last.max(0)) as usize
        };
        match self.focus {
            Pane::Groups => {
                let g = step(self.group, self.report.groups.len());
                self.select_group(g);
            }
            Pane::Activities => self.activity = step(self.activity, self.activity_count()),
            Pane::Activity => {
                self.detail_scroll = step(
                    self.detail_scroll,
                    self.viewport.detail_max.saturating_add(1),
                )
            }
        }
    }

    fn select_group(&mut self, g: usize) {
        if g != self.group {
            self.group = g;
            self.activity = 0;
        }
    }

    fn set_progress(&mut self, to: Progress) {
        let Some(activity) = self.selected_activity() else {
            return;
        };
        let from = activity.progress;
        if from != to {
            self.apply(Change::Progress {
                group: self.group,
                activity: self.activity,
                from,
                to,
            });
        }
    }

    /// Records a change, keeps the figures current and says what happened.
    fn apply(&mut self, change: Change) {
        let text = change.describe();
        let (g, _) = change.place();
        self.history.record(&mut self.report, change);
        self.figures.refresh_group(&self.report, g);
        self.info(format!("Changed {text}"));
    }

    fn undo(&mut self) {
        match self.history.undo(&mut self.report).cloned() {
            Some(change) => self.after_history(&change, "Undid"),
            None => self.info("Nothing to undo"),
        }
    }

    fn redo(&mut self) {
        match self.history.redo(&mut self.report).cloned() {
            Some(change) => self.after_history(&change, "Redid"),
            None => self.info("Nothing to redo"),
        }
    }

    /// Shows where an undone or redone change happened.
    fn after_history(&mut self, change: &Change, verb: &str) {
        let (g, a) = change.place();
        self.figures.refresh_group(&self.report, g);
        self.group = g;
        self.activity = a;
        if self.focus == Pane::Groups {
            self.focus = Pane::Activities;
        }
        self.info(format!("{verb} {}", change.describe()));
    }

    fn save(&mut self) {
        match store::save(&self.path, &self.report) {
            Ok(_) => {
                self.saved_version = Some(self.history.version());
                self.info(format!("Saved {}", self.path.display()));
            }
            Err(error) => self.error(format!("Not saved: {error}")),
        }
    }

    fn quit(&mut self) {
        if self.is_modified() {
            self.mode = Mode::ConfirmQuit;
        } else {
            self.should_quit = true;
        }
    }

    fn edit_progress(&mut self, mut input: String, action: Action) {
        match action {
            Action::Type(c) if c.is_ascii_digit() && input.len() < 3 => input.push(c),
            Action::Type(_) => self.error("Progress is a whole number from 0 to 100"),
            Action::Paste(text) => input.extend(text.chars().filter(char::is_ascii_digit).take(3)),
            Action::Erase => {
                input.pop();
            }
            Action::Back => return,
            Action::Confirm => match input.parse::<i64>().map(Progress::new) {
                Ok(Ok(progress)) => {
                    self.set_progress(progress);
                    return;
                }
                Ok(Err(e)) => self.error(format!("Refused: {e}")),
                Err(_) => self.error("Type a whole number from 0 to 100"),
            },
            Action::Quit => {
                self.quit();
                return;
            }
            _ => {}
        }
        self.mode = Mode::EditProgress(input);
    }

    fn edit_remarks(&mut self, mut editor: Box<TextArea<'static>>, action: Action) {
        match action {
            Action::Editor(key) => {
                editor.input(key);
            }
            Action::Paste(text) => {
                editor.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            Action::SelectAll => editor.select_all(),
            // Leaving the editor keeps the text: no key throws typed words away.
            Action::Back => return self.apply_remarks(&editor),
            Action::Save => {
                self.apply_remarks(&editor);
                self.save();
            }
            Action::Quit => {
                self.apply_remarks(&editor);
                return self.quit();
            }
            _ => {}
        }
        self.mode = Mode::EditRemarks(editor);
    }

    fn apply_remarks(&mut self, editor: &TextArea<'static>) {
        let text = editor.lines().join("\n");
        let Some(activity) = self.selected_activity() else {
            return;
        };
        if activity.remarks != text {
            let from = activity.remarks.clone();
            self.apply(Change::Remarks {
                group: self.group,
                activity: self.activity,
                from,
                to: text,
            });
        }
    }

    fn type_search(&mut self, mut input: String, previous: Option<Search>, action: Action) {
        match action {
            Action::Type(c) => input.push(c),
            Action::Paste(text) => input.extend(text.chars().filter(|c| !c.is_control())),
            Action::Erase => {
                input.pop();
            }
            Action::Back => {
                self.search = previous;
                return;
            }
            Action::Confirm => {
                if input.is_empty() {
                    self.search = None;
                } else {
                    self.search = Some(Search {
                        query: input,
                        hits: Vec::new(),
                        current: None,
                    });
                    self.jump_to_match(true, true);
                }
                return;
            }
            _ => {}
        }
        self.mode = Mode::Search { input, previous };
    }

    /// Moves to the next (or previous) match after the selection; `here` accepts a match at
    /// the selection itself. The search runs again, so matches follow every edit.
    fn jump_to_match(&mut self, forward: bool, here: bool) {
        let Some(mut active) = self.search.take() else {
            return self.info("No search yet: press / to search");
        };
        active.hits = search::find(&self.report, &active.query);
        if active.hits.is_empty() {
            active.current = None;
            self.error(format!("No match for “{}”", active.query));
            self.search = Some(active);
            return;
        }
        let at = (self.focus != Pane::Groups).then_some(self.activity);
        let place = |hit: &search::Hit| (hit.group, hit.activity);
        let here_key = (self.group, at);
        let position = |hit: &search::Hit| place(hit).cmp(&here_key);
        let found = if forward {
            active.hits.iter().position(|h| {
                let order = position(h);
                order.is_gt() || (here && order.is_eq())
            })
        } else {
            active.hits.iter().rposition(|h| position(h).is_lt())
        };
        let wrapped = found.is_none();
        let index = found.unwrap_or(if forward { 0 } else { active.hits.len() - 1 });
        let hit = active.hits[index];
        active.current = Some(index);
        self.group = hit.group;
        match hit.activity {
            Some(a) => {
                self.activity = a;
                if self.focus == Pane::Groups {
                    self.focus = Pane::Activities;
                }
            }
            None => {
                self.activity = 0;
                self.focus = Pane::Groups;
            }
        }
        let total = active.hits.len();
        let note = if wrapped { " (wrapped)" } else { "" };
        self.info(format!(
            "Match {} of {total} for “{}”{note}",
            index + 1,
            active.query
        ));
        self.search = Some(active);
    }

    fn confirm_quit(&mut self, action: Action) {
        match action {
            Action::SaveAndQuit => {
                self.save();
                if self.is_modified() {
                    // The save failed: stay, with its message on screen.
                    return;
                }
                self.should_quit = true;
            }
            Action::DiscardAndQuit => self.should_quit = true,
            Action::Back => {}
            _ => self.mode = Mode::ConfirmQuit,
        }
    }

    fn help(&mut self, action: Action) {
        let scroll = self.help_scroll;
        self.help_scroll = match action {
            Action::Back | Action::Help | Action::Quit => return,
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll + 1,
            Action::PageUp => scroll.saturating_sub(self.viewport.page),
            Action::PageDown => scroll + self.viewport.page,
            Action::Home => 0,
            Action::Scroll(_, lines) => scroll.saturating_add_signed(lines),
            _ => scroll,
        }
        .min(self.viewport.help_max);
        self.mode = Mode::Help;
    }

    pub(super) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: false,
        });
    }

    pub(super) fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            is_error: true,
        });
    }
}

/// A remarks editor holding `text`, wrapping at word boundaries.
fn editor(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}
