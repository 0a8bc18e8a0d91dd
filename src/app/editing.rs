//! Changing the report: progress and remarks, through the history so every change can be
//! undone.

use ratatui_textarea::{TextArea, WrapMode};

use crossterm::event::{KeyCode, KeyEventKind, KeyModifiers};

use super::{App, Change, Mode, Prompt, Scope, edit_line};
use crate::action::{Action, Pane};
use crate::edit::{Entry, Field, List, first_field_required, new_item};
use crate::i18n::{Lang, Texts, capitalize, fill};
use crate::model::{Progress, ProgressOutOfRange};

impl App {
    pub(super) fn set_progress(&mut self, to: Progress) {
        let Some(activity) = self.selected_activity() else {
            return;
        };
        let from = activity.progress;
        if from != to {
            self.apply(Change::Progress {
                group: self.view.group,
                activity: self.view.activity,
                from,
                to,
            });
        } else {
            self.resolve_unchanged();
        }
    }

    /// Records a change and says what happened; the journal is due. A read-only report
    /// takes no changes.
    pub(super) fn apply(&mut self, change: Change) {
        if self.refuse_if_read_only() {
            return;
        }
        // Made from the conflicts screen, a change resolves the conflict it was made for.
        let (change, resolves) = match self.resolving(change) {
            Ok(change) => (change, true),
            Err(change) => (change, false),
        };
        let text = change.describe(self.texts());
        self.document.record(change);
        self.session.journal.due = true;
        self.info(capitalize(&text));
        if resolves {
            self.next_conflict();
        }
    }

    pub(super) fn undo(&mut self) {
        match self.document.undo() {
            Some(entry) => self.after_history(&entry, self.texts().undid),
            None => self.info(self.texts().nothing_to_undo),
        }
    }

    pub(super) fn redo(&mut self) {
        match self.document.redo() {
            Some(entry) => self.after_history(&entry, self.texts().redid),
            None => self.info(self.texts().nothing_to_redo),
        }
    }

    /// Shows where an undone or redone change happened; `template` says which (`{change}`),
    /// and where the change came from, when not from the app.
    fn after_history(&mut self, entry: &Entry, template: &str) {
        let change = &entry.change;
        self.session.journal.due = true;
        if let Some((g, a)) = change.place() {
            self.view.group = g;
            self.view.activity = a;
            // An activity's change is shown in the table; a group's where it is.
            let of_activity = matches!(change.scope(), Scope::Group(_))
                || matches!(change, Change::Text { field, .. } if field.is_of_activity());
            if of_activity && matches!(self.view.focus, Pane::Groups | Pane::Overview) {
                self.view.focus = Pane::Activities;
            }
        }
        if let Change::Resolve { conflict, .. } = change {
            self.view.conflict = *conflict;
        }
        // Undoing an addition at the end, or redoing a deletion, leaves the place past it.
        self.clamp_selection();
        let mut said = change.describe(self.texts());
        if let Some(source) = &entry.source {
            said = fill(self.texts().change_from, &[("change", &said), ("source", source)]);
        }
        self.info(fill(template, &[("change", &said)]));
    }

    pub(super) fn edit_progress(&mut self, mut input: String, action: Action) {
        if let Action::Type(c) = action
            && !c.is_ascii_digit()
        {
            self.error(self.texts().progress_whole_number);
        }
        if action == Action::Quit {
            return self.quit();
        }
        match edit_line(&mut input, &action, |c| c.is_ascii_digit()) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm => match input.parse::<i64>().map(Progress::new) {
                Ok(Ok(progress)) => return self.set_progress(progress),
                Ok(Err(e)) => self.refuse_out_of_range(e),
                Err(_) => self.error(self.texts().type_whole_number),
            },
        }
        self.mode = Mode::EditProgress(input);
    }

    /// Says that a typed progress or threshold is not a percentage.
    pub(super) fn refuse_out_of_range(&mut self, error: ProgressOutOfRange) {
        self.error(fill(self.texts().refused_out_of_range, &[("value", &error.0)]));
    }

    /// Opens the editor on a field, holding its text.
    pub(super) fn edit_field(&mut self, field: Field) {
        if self.refuse_if_read_only() || self.refuse_while_conflicted() {
            return;
        }
        if let Some(text) = field.get(self.report()) {
            let area = editor(&text);
            self.mode =
                Mode::EditText(Box::new(TextEdit { target: EditTarget::Field(field), area }));
        }
    }

    /// Opens the editor on the first field of a new item of `list`, to go at `index`.
    pub(super) fn add_item(&mut self, list: List, index: usize) {
        if self.refuse_if_read_only() || self.refuse_while_conflicted() {
            return;
        }
        let area = editor("");
        self.mode =
            Mode::EditText(Box::new(TextEdit { target: EditTarget::New { list, index }, area }));
    }

    /// The keys that change the text in any of the app's editors (typing, pasting,
    /// selecting, undo within the text, erasing); whether `action` was one of them.
    pub(super) fn change_text(&self, edit: &mut TextEdit, action: &Action) -> bool {
        match action {
            Action::Editor(key) => {
                if !self.move_by_rows(edit, key) {
                    edit.area.input(*key);
                }
            }
            Action::Typed(text) => drop(edit.area.insert_str(text)),
            Action::Paste(text) => {
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let text = if edit.is_multiline() { text } else { text.replace('\n', " ") };
                edit.area.insert_str(text);
            }
            Action::SelectAll => edit.area.select_all(),
            Action::Undo => drop(edit.area.undo()),
            Action::Redo => drop(edit.area.redo()),
            Action::EraseWord => drop(edit.area.delete_word()),
            Action::ClearLine => drop(edit.area.delete_line_by_head()),
            Action::DeleteToLineEnd => drop(edit.area.delete_line_by_end()),
            _ => return false,
        }
        true
    }

    pub(super) fn edit_text(&mut self, mut edit: Box<TextEdit>, action: Action) {
        match action {
            Action::Editor(key) if key.code == KeyCode::Enter && !edit.is_multiline() => {
                return self.close_editor(edit, false);
            }
            action if self.change_text(&mut edit, &action) => {}
            Action::EditOutside => self.hand_over(&edit),
            Action::EditedOutside(result) => return self.taken_back(edit, result),
            // The one way to throw typed text away, asked for by name.
            Action::CancelEdit => {
                let field = edit.title_in(self.texts());
                // The journal may hold the text typed: it is written again without it.
                if self.session.journal.typed.take().is_some() {
                    self.session.journal.due = true;
                }
                return self.info(fill(self.texts().edit_cancelled, &[("field", &field)]));
            }
            // Leaving the editor keeps the text: no key throws typed words away.
            Action::Back => return self.close_editor(edit, true),
            // Saving or quitting applies the text first; refused text keeps the editor open.
            // The text goes into the report first; refused text keeps the editor open. A
            // new item is added once, so its editor closes; a field's stays open, unless
            // the save has a question to ask.
            Action::Quit if self.apply_text(&edit) => return self.quit(),
            Action::Save if self.apply_text(&edit) => {
                self.save();
                let field = matches!(edit.target, EditTarget::Field(_));
                if !(field && matches!(self.mode, Mode::Normal)) {
                    return;
                }
            }
            _ => {}
        }
        self.mode = Mode::EditText(edit);
    }

    /// The character `action` types into the editor, when typing it is all the action does:
    /// a character, or a line break in a field of paragraphs. The event loop hands such keys
    /// over together, as [`Action::Typed`]: the editor goes over its whole text after every
    /// insertion, so text pasted as keys (without bracketed paste), one insertion a key,
    /// would take a time growing with the square of its length.
    pub fn typed_char(&self, action: &Action) -> Option<char> {
        let (Mode::EditText(edit), Action::Editor(key)) = (&self.mode, action) else {
            return None;
        };
        if key.kind != KeyEventKind::Press || !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
            return None;
        }
        match key.code {
            KeyCode::Char(c) if !c.is_control() => Some(c),
            KeyCode::Enter if edit.is_multiline() => Some('\n'),
            _ => None,
        }
    }

    /// Applies the editor's text and closes it, unless the text is refused: Esc
    /// (`leaving`) or Enter on a one-line field. Enter refuses an emptied required
    /// field and stays; Esc leaves it as it was, since nothing was typed.
    pub(super) fn close_editor(&mut self, edit: Box<TextEdit>, leaving: bool) {
        let text = edit.text();
        match edit.target {
            // Nothing typed for a new item: there is nothing to add and nothing to lose.
            EditTarget::New { .. } if text.trim().is_empty() => {
                self.info(self.texts().nothing_added)
            }
            // A required field emptied and left: nothing was typed, so the old text stays.
            EditTarget::Field(field)
                if leaving && field.is_required() && text.trim().is_empty() =>
            {
                let texts = self.texts();
                self.info(fill(texts.kept_required, &[("field", &field.describe(texts))]));
            }
            _ if self.apply_text(&edit) => {}
            _ => self.mode = Mode::EditText(edit),
        }
    }

    /// Applies the editor's text as a change; false (with a message) when it is refused.
    pub(super) fn apply_text(&mut self, edit: &TextEdit) -> bool {
        let text = edit.text();
        match edit.target {
            EditTarget::Field(field) => {
                let Some(from) = field.get(self.report()) else { return true };
                if field.is_required() && crate::validate::is_blank(&text) {
                    let texts = self.texts();
                    self.error(fill(texts.required_field, &[("field", &field.describe(texts))]));
                    return false;
                }
                if field == Field::Date
                    && !text.trim().is_empty()
                    && !super::field_checks::is_date(&text)
                {
                    self.error(fill(self.texts().date_format, &[("typed", &text.trim())]));
                    return false;
                }
                // Blanks in an optional field (a topic, a heading) mean none, as the field
                // stores them: not a change when it was empty already.
                let to = if field.is_optional() && text.trim().is_empty() {
                    String::new()
                } else {
                    text
                };
                if from != to {
                    self.apply(Change::Text { field, from, to });
                    if let Field::Country(g, c) | Field::Institution(g, c) = field {
                        self.warn_duplicate_coordinator(g, c);
                    }
                } else {
                    self.resolve_unchanged();
                }
                true
            }
            EditTarget::New { list, index } => {
                if first_field_required(list) && crate::validate::is_blank(&text) {
                    let texts = self.texts();
                    let item = list.describe(index, texts);
                    self.error(fill(texts.required_new, &[("item", &item)]));
                    return false;
                }
                let item = new_item(list, text, self.report(), index.checked_sub(1));
                self.apply(Change::Insert { list, index, item });
                self.select_new(list, index);
                // A coordinator is a country and an institution: the second is asked next.
                if let List::Coordinators(g) = list {
                    self.edit_field(Field::Institution(g, index));
                }
                true
            }
        }
    }

    /// Shows a new or moved item.
    pub(super) fn select_new(&mut self, list: List, index: usize) {
        match list {
            List::Activities(g) => {
                self.view.group = g;
                self.view.activity = index;
            }
            List::Groups => {
                self.view.group = index;
                self.view.activity = 0;
            }
            _ => {}
        }
    }

    /// Asks before deleting an item.
    pub(super) fn ask_delete(&mut self, list: List, index: usize) {
        if self.refuse_if_read_only() || self.refuse_while_conflicted() {
            return;
        }
        if index < list.len(self.report()) {
            self.mode = Mode::ConfirmDelete { list, index };
        }
    }

    pub(super) fn confirm_delete(&mut self, list: List, index: usize, action: Action) {
        match action {
            Action::Confirm | Action::SaveAndQuit => {
                let mut copy = self.report().clone();
                if let Some(item) = list.remove(&mut copy, index) {
                    self.apply(Change::Remove { list, index, item });
                    self.clamp_selection();
                }
            }
            Action::Back | Action::DiscardAndQuit => self.info(self.texts().nothing_deleted),
            _ => self.mode = Mode::ConfirmDelete { list, index },
        }
    }

    /// Moves an item one place up or down its list.
    pub(super) fn move_item(&mut self, list: List, index: usize, down: bool) {
        if self.refuse_while_conflicted() {
            return;
        }
        let len = list.len(self.report());
        let to = if down { index + 1 } else { index.wrapping_sub(1) };
        if to >= len || index >= len {
            return self.info(self.texts().already_at_end);
        }
        self.apply(Change::Move { list, from: index, to });
        self.select_new(list, to);
    }
}

/// What the text editor is editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    Field(Field),
    /// The first field of a new item of `list`, to be inserted at `index`.
    New {
        list: List,
        index: usize,
    },
}

/// The multi-line text editor and what it edits.
#[derive(Debug)]
pub struct TextEdit {
    pub target: EditTarget,
    pub area: TextArea<'static>,
}

impl TextEdit {
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Whether Enter makes a new line (paragraphs) or applies the text (one-line fields).
    pub fn is_multiline(&self) -> bool {
        match self.target {
            EditTarget::Field(field) => field.is_multiline(),
            EditTarget::New { .. } => false,
        }
    }

    /// Whether the editor holds text the report does not have yet.
    pub fn is_pending(&self, report: &crate::model::Report) -> bool {
        let text = self.text();
        match self.target {
            EditTarget::Field(field) => field.get(report).is_some_and(|old| old != text),
            EditTarget::New { .. } => !text.trim().is_empty(),
        }
    }

    /// Puts the text being typed into `report`, as applying it would (for the journal). Text
    /// that applying would refuse (a required field left blank) is not put in, so the journal
    /// holds a report that saves as a file that loads.
    pub fn put_into(&self, report: &mut crate::model::Report) {
        let text = self.text();
        let required = match self.target {
            EditTarget::Field(field) => field.is_required(),
            EditTarget::New { list, .. } => first_field_required(list),
        };
        if required && crate::validate::is_blank(&text) {
            return;
        }
        match self.target {
            EditTarget::Field(field) => field.set(report, text),
            EditTarget::New { list, index } => {
                let item = new_item(list, text, report, index.checked_sub(1));
                list.insert(report, index, item);
            }
        }
    }

    /// The editor's title in English: what is being edited ("remarks of VIII.7").
    pub fn title(&self) -> String {
        self.title_in(Lang::En.texts())
    }

    /// The editor's title: what is being edited, not yet capitalized.
    pub fn title_in(&self, texts: &Texts) -> String {
        match self.target {
            EditTarget::Field(Field::Date) => texts.editor_date.to_string(),
            EditTarget::Field(field) => {
                fill(texts.editor_field, &[("field", &field.describe(texts))])
            }
            // A new coordinator's first field is its country; its institution comes next.
            EditTarget::New { list: List::Coordinators(g), index } => {
                fill(texts.editor_field, &[("field", &Field::Country(g, index).describe(texts))])
            }
            EditTarget::New { list, index } => {
                fill(texts.editor_new, &[("item", &list.describe(index, texts))])
            }
        }
    }
}

/// An editor holding `text`, the cursor at the end. The text area does not wrap: the screen
/// draws its lines wrapped as it wraps all text (`ui::editor`), and moves up and down by
/// those rows (`App::move_by_rows`).
pub(super) fn editor(text: &str) -> TextArea<'static> {
    let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
    area.set_wrap_mode(WrapMode::None);
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    area
}
