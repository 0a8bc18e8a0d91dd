//! The editor's text handed to the user's own editor (`$VISUAL`, `$EDITOR`), as visidata and
//! lazygit do for long texts, and taken back as one change. Handing the terminal over is not
//! file work for the worker: the event loop does it between frames (`crate::handover`).

use std::path::PathBuf;

use super::{App, Mode, TextEdit};
use crate::i18n::fill;

/// What the event loop hands to the user's editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// The text as the in-app editor holds it.
    pub text: String,
    /// Where the temporary file goes: the state directory, when there is one.
    pub dir: Option<PathBuf>,
}

impl App {
    /// The text waiting to be edited outside, taken by whoever runs the app.
    pub fn take_handover(&mut self) -> Option<Handover> {
        self.handover.take()
    }

    /// Whether the event loop has a text to hand to the user's editor.
    pub fn wants_handover(&self) -> bool {
        self.handover.is_some()
    }

    pub(super) fn hand_over(&mut self, edit: &TextEdit) {
        let dir = self.session.state_dir.clone();
        self.handover = Some(Handover { text: edit.text(), dir });
    }

    /// The text came back from the user's editor: it takes the in-app editor's place and is
    /// applied as one change (refused text stays in the editor, as typed text would). When
    /// the editor failed, the text is as it was, and the failure is said.
    pub(super) fn taken_back(&mut self, mut edit: Box<TextEdit>, result: Result<String, String>) {
        match result {
            Ok(text) => {
                if text != edit.text() {
                    // One step of the editor's own undo, should the text be refused.
                    edit.area.select_all();
                    edit.area.insert_str(text);
                }
                self.close_editor(edit, false);
            }
            Err(cause) => {
                self.error(fill(self.texts().outside_editor_failed, &[("cause", &cause)]));
                self.mode = Mode::EditText(edit);
            }
        }
    }
}
