//! The recovery journal of a session: unsaved edits, and text being typed, written to this
//! session's recovery file after every change. The app asks for each journal as an effect,
//! with a snapshot of the report (a clone that shares the groups), so however large the
//! report, the next key is not kept waiting while it is written; one at a time, in order
//! with saves and removals.

use std::path::PathBuf;

use super::{App, Effect, Message, Mode};
use crate::i18n::{Describe, fill};
use crate::store::{Expect, SaveError};

impl App {
    /// Time passed: write the next journal if edits or typed text are not in it yet.
    pub(super) fn tick(&mut self) {
        let typed_anew = match &self.mode {
            Mode::EditText(edit) => {
                edit.is_pending(self.report())
                    && self.session.journal.typed.as_deref() != Some(edit.text().as_str())
            }
            _ => false,
        };
        // One journal at a time: while one is written, the next waits for a later tick.
        if (self.session.journal.due || typed_anew) && !self.session.journal.writing {
            self.journal_now();
        }
    }

    /// Whether the editor holds text the report does not have yet.
    pub(super) fn typing(&self) -> bool {
        matches!(&self.mode, Mode::EditText(edit) if edit.is_pending(self.report()))
    }

    /// Asks for the journal to be written now: the report with any text being typed put
    /// in. With nothing to keep, the journal is removed instead.
    pub(super) fn journal_now(&mut self) {
        let journal = &mut self.session.journal;
        journal.due = false;
        let mut report = std::borrow::Cow::Borrowed(self.document.report());
        if let Mode::EditText(edit) = &self.mode
            && edit.is_pending(report.as_ref())
        {
            edit.put_into(report.to_mut());
            journal.typed = Some(edit.text());
        }
        if !self.document.is_modified() && matches!(report, std::borrow::Cow::Borrowed(_)) {
            // Back where the file is: nothing of this session needs keeping.
            return self.discard_journal();
        }
        let Some(file) = journal.file.clone() else {
            let texts = self.texts();
            return self.not_kept(texts.no_state_directory);
        };
        let report = report.into_owned();
        journal.discarded = false;
        journal.writing = true;
        let path = self.session.path().to_path_buf();
        let time = self.session.clock().now();
        let base = match self.session.disk() {
            Expect::Content(fingerprint) => {
                Some(Box::new((self.document.on_disk().clone(), fingerprint)))
            }
            Expect::Absent | Expect::Anything => None,
        };
        self.effects.push(Effect::WriteJournal { file, path, report, base, time });
    }

    /// Removes this session's recovery file, after any journal being written, and the one
    /// whose edits it restored: the session's state is what is kept, and now nothing is.
    pub(super) fn discard_journal(&mut self) {
        let journal = &mut self.session.journal;
        journal.due = false;
        journal.discarded = true;
        journal.failure = None;
        if let Some(file) = journal.restored_from.take() {
            self.effects.push(Effect::RemoveFile(file));
        }
        if journal.written
            && let Some(file) = journal.file.clone()
        {
            journal.written = false;
            self.effects.push(Effect::RemoveFile(file));
        }
    }

    /// A journal was written to `file`, or could not be; the failure is said.
    pub(super) fn journal_written(&mut self, file: PathBuf, result: Result<(), SaveError>) {
        let journal = &mut self.session.journal;
        journal.writing = false;
        match result {
            // Discarded while it was written: it holds nothing to keep.
            Ok(()) if journal.discarded => self.effects.push(Effect::RemoveFile(file)),
            Ok(()) => {
                journal.written = true;
                journal.failure = None;
                // This session's journal now holds the restored edits too.
                if let Some(restored) = journal.restored_from.take() {
                    self.effects.push(Effect::RemoveFile(restored));
                }
                if self.terminating {
                    let note = fill(self.lang.texts().exit_note, &[("path", &file.display())]);
                    self.exit_note = Some(note);
                }
            }
            Err(error) => self.not_kept(&error.describe(self.texts())),
        }
    }

    /// Says that unsaved edits could not be kept, and why: in the footer, and on the
    /// terminal when the app is leaving.
    fn not_kept(&mut self, cause: &str) {
        let text = fill(self.texts().cannot_keep_recovery, &[("cause", &cause)]);
        self.session.journal.failure = Some(Message { text, is_error: true });
        // Said now, unless another error is being said: then after it.
        if !self.view.message.as_ref().is_some_and(|m| m.is_error) {
            self.view.message = None;
        }
        if self.terminating {
            self.exit_note = Some(fill(self.texts().exit_not_kept, &[("cause", &cause)]));
        }
    }
}
