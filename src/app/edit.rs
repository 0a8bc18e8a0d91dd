//! Changing the report: progress and remarks, through the history so every change can be
//! undone.

use ratatui_textarea::{TextArea, WrapMode};

use super::{App, Change, Mode, Prompt, edit_line};
use crate::action::{Action, Pane};
use crate::model::Progress;

impl App {
    pub(super) fn set_progress(&mut self, to: Progress) {
        let Some(activity) = self.selected_activity() else {
            return;
        };
        let from = activity.progress;
        if from != to {
            self.apply(Change::Progress { group: self.group, activity: self.activity, from, to });
        }
    }

    /// Records a change, keeps the figures current and says what happened. A read-only
    /// report takes no changes.
    pub(super) fn apply(&mut self, change: Change) {
        if self.refuse_if_read_only() {
            return;
        }
        let text = change.describe();
        let place = change.place();
        self.history.record(&mut self.report, change);
        self.changed(place);
        self.info(format!("Changed {text}"));
    }

    /// Keeps everything derived from the report current after a change at `place` (a group
    /// and activity), or anywhere; and the journal due.
    fn changed(&mut self, place: Option<(usize, usize)>) {
        match place {
            Some((g, _)) => self.figures.refresh_group(&self.report, g),
            None => self.figures = super::Figures::of(&self.report),
        }
        self.refresh_behind();
        self.refresh_baseline();
        self.journal_due = true;
    }

    pub(super) fn undo(&mut self) {
        match self.history.undo(&mut self.report).cloned() {
            Some(change) => self.after_history(&change, "Undid"),
            None => self.info("Nothing to undo"),
        }
    }

    pub(super) fn redo(&mut self) {
        match self.history.redo(&mut self.report).cloned() {
            Some(change) => self.after_history(&change, "Redid"),
            None => self.info("Nothing to redo"),
        }
    }

    /// Shows where an undone or redone change happened.
    fn after_history(&mut self, change: &Change, verb: &str) {
        self.changed(change.place());
        match change.place() {
            Some((g, a)) => {
                self.group = g;
                self.activity = a;
                if matches!(self.focus, Pane::Groups | Pane::Overview) {
                    self.focus = Pane::Activities;
                }
            }
            None => self.clamp_selection(),
        }
        self.info(format!("{verb} {}", change.describe()));
    }

    pub(super) fn edit_progress(&mut self, mut input: String, action: Action) {
        if let Action::Type(c) = action
            && !c.is_ascii_digit()
        {
            self.error("Progress is a whole number from 0 to 100");
        }
        if action == Action::Quit {
            return self.quit();
        }
        match edit_line(&mut input, &action, |c| c.is_ascii_digit()) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm => match input.parse::<i64>().map(Progress::new) {
                Ok(Ok(progress)) => return self.set_progress(progress),
                Ok(Err(e)) => self.error(format!("Refused: {e}")),
                Err(_) => self.error("Type a whole number from 0 to 100"),
            },
        }
        self.mode = Mode::EditProgress(input);
    }

    pub(super) fn edit_remarks(&mut self, mut editor: Box<TextArea<'static>>, action: Action) {
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

    pub(super) fn apply_remarks(&mut self, editor: &TextArea<'static>) {
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
}

/// A remarks editor holding `text`, wrapping at word boundaries.
pub(super) fn editor(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}
