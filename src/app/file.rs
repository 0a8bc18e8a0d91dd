//! The app and its file: saving (with the check that no one else changed it), saving under
//! another name, reloading, read-only access, and quitting.
//! Each asks for an `Effect`; what came of it arrives in `complete`.

use std::path::{Path, PathBuf};

use super::{
    AfterSave, App, Document, Effect, Mode, Outcome, Prompt, SaveAsError, View, edit_line,
};
use crate::action::Action;
use crate::i18n::{Describe, Texts, fill};
use crate::model::Report;
use crate::store::lock::{Holder, Lock, LockError};
use crate::store::recovery;
use crate::store::remembered::Remembered;
use crate::store::{Caution, Clock, Expect, Fingerprint, LoadError, Paths, SaveError};

impl App {
    /// Says what the file held when it was loaded, so a save can tell if someone changed it.
    pub fn with_disk(mut self, disk: Expect) -> App {
        self.session.set_disk(disk);
        self
    }

    /// Keeps the recovery journal in the state directory of `paths`; without, unsaved
    /// edits cannot be kept, which the app says when it tries.
    pub fn with_paths(mut self, paths: &Paths) -> App {
        let now = self.session.clock().now();
        let file = recovery::session_path(&paths.recovery_dir(), self.path(), now);
        self.session.journal.file = Some(file);
        self.session.state_dir = Some(paths.state.clone());
        self
    }

    /// Starts with the view the report's last session left (`store::remembered`).
    pub fn with_remembered(mut self, remembered: Remembered) -> App {
        self.view.objectives_folded = remembered.objectives_folded;
        self
    }

    /// Tells the time by `clock` (the journal's, a new file's lock); the system's otherwise.
    pub fn with_clock(mut self, clock: Clock) -> App {
        self.session.set_clock(clock);
        self
    }

    /// Holds the report's lock; when another wgtrack holds it, the app is read-only.
    pub fn with_lock(mut self, lock: Result<Lock, LockError>) -> App {
        match lock {
            Ok(lock) => self.session.hold(lock),
            Err(LockError::Held { holder, .. }) => {
                self.error(read_only_text(&holder, self.texts()));
                self.session.held_by(holder);
            }
            Err(error) => {
                self.error_because(self.texts().not_locked, &error.describe(self.texts()))
            }
        }
        self
    }

    /// Who holds the report when this app may only read it.
    pub fn read_only(&self) -> Option<&Holder> {
        self.session.read_only()
    }

    pub(super) fn refuse_if_read_only(&mut self) -> bool {
        match self.session.read_only() {
            Some(holder) => {
                let text = read_only_text(holder, self.texts());
                self.error(text);
                true
            }
            None => false,
        }
    }

    pub(super) fn save(&mut self) {
        self.save_then(AfterSave::Stay);
    }

    /// Asks for the report to be written to its file, expecting what the app last knew
    /// of it; `then` says what to do once it is.
    fn save_then(&mut self, then: AfterSave) {
        if self.refuse_if_read_only() {
            return;
        }
        if self.session.is_saving() {
            return self.info(self.texts().saving_already);
        }
        let path = self.path().to_path_buf();
        self.save_to(path, self.session.disk(), then);
    }

    fn save_to(&mut self, path: PathBuf, expect: Expect, then: AfterSave) {
        if self.refuse_unresolved() {
            return;
        }
        let (report, version) = self.start_save(&path);
        let consent = self.session.consent();
        self.effects.push(Effect::Save { path, report, expect, consent, version, then });
    }

    /// A save to `path` is under way, and said to be: the report it writes (a snapshot that
    /// shares the groups) and its version.
    fn start_save(&mut self, path: &Path) -> (Report, u64) {
        self.session.start_save();
        self.info(fill(self.texts().saving, &[("path", &path.display())]));
        (self.report().clone(), self.document.version())
    }

    /// Refuses a save while conflicts are left, which the file would lose: the report
    /// holds ours there.
    fn refuse_unresolved(&mut self) -> bool {
        let left = self.document.conflicts_left();
        if left > 0 {
            self.error(fill(self.texts().conflicts_save_refused, &[("count", &left)]));
        }
        left > 0
    }

    /// What came of a save.
    fn saved(
        &mut self,
        path: PathBuf,
        (report, version): (Report, u64),
        (expect, then): (Expect, AfterSave),
        result: Result<Fingerprint, SaveError>,
    ) {
        self.session.end_save();
        match result {
            Ok(fingerprint) => {
                let was_marked = self.document.is_marked();
                self.session.set_disk(Expect::Content(fingerprint));
                self.document.saved_as(version, report);
                if !self.is_modified() {
                    // Edits made while it was written stay in the journal.
                    self.discard_journal();
                }
                if let Some(file) = self.session.journal.restored_from.take() {
                    self.effects.push(Effect::RemoveFile(file));
                }
                let saved = match (was_marked, self.commits_after_save()) {
                    (true, true) => self.texts().resolved_commit,
                    (true, false) => self.texts().resolved_add,
                    (false, _) => self.texts().saved,
                };
                self.info(fill(saved, &[("path", &path.display())]));
                if then == AfterSave::Quit && !self.is_modified() {
                    self.should_quit = true;
                } else if then == AfterSave::Stay && !self.is_modified() {
                    self.commit_after_save();
                }
            }
            Err(error @ SaveError::Unflushed { written, .. }) => {
                // Our text is on disk, so it is no one else's change; but not "Saved" yet.
                self.session.set_disk(Expect::Content(written));
                self.save_failed(&error);
            }
            Err(SaveError::Refused { caution, .. }) if !self.typing() => {
                self.mode = Mode::ConfirmSave { caution, expect, then };
            }
            Err(error @ SaveError::Refused { .. }) => {
                // The question would close the editor: it waits for a save outside it.
                self.error_because(self.texts().not_saved, &error.describe(self.texts()));
            }
            Err(error @ (SaveError::Changed { .. } | SaveError::Missing { .. })) => {
                let missing = matches!(error, SaveError::Missing { .. });
                if self.typing() {
                    // The question would close the editor: it waits for the next save.
                    self.error_because(self.texts().not_saved, &error.describe(self.texts()));
                } else {
                    self.mode = Mode::Conflict { missing };
                }
            }
            Err(error) => self.save_failed(&error),
        }
    }

    /// A save failed: the edits go to the recovery journal now, and the message says so and
    /// how to save them under another name.
    fn save_failed(&mut self, error: &SaveError) {
        self.journal_now();
        let cause = error.describe(self.texts());
        let kept = self.kept_note();
        self.error(fill(self.texts().not_saved_offer, &[("cause", &cause), ("kept", &kept)]));
    }

    /// Where the unsaved edits are, when there is a journal to keep them in: ". Kept the
    /// unsaved edits in …", or nothing.
    fn kept_note(&self) -> String {
        self.session.journal_file().map_or(String::new(), |file| {
            format!(". {}", fill(self.texts().kept_recovery, &[("path", &file.display())]))
        })
    }

    pub(super) fn conflict(&mut self, missing: bool, action: Action) {
        match action {
            Action::Overwrite => {
                let path = self.path().to_path_buf();
                self.save_to(path, Expect::Anything, AfterSave::Stay);
            }
            Action::Reload if !missing => self.reload(),
            Action::SaveAs => self.ask_save_as(),
            Action::Back => self.info(self.texts().not_saved_edits_here),
            _ => self.mode = Mode::Conflict { missing },
        }
    }

    /// The answer to whether to save a read-only or hand-edited file anyway: yes holds for
    /// the session; no leaves the edits unsaved, in the recovery journal.
    pub(super) fn confirm_save(
        &mut self,
        caution: Caution,
        expect: Expect,
        then: AfterSave,
        action: Action,
    ) {
        match action {
            Action::Confirm if self.session.is_saving() => {
                self.info(self.texts().saving_already);
            }
            Action::Confirm => {
                self.session.consent_to(&caution);
                let path = self.path().to_path_buf();
                self.save_to(path, expect, then);
            }
            Action::Back => {
                self.journal_now();
                self.info(format!("{}{}", self.texts().not_saved_edits_here, self.kept_note()));
            }
            _ => self.mode = Mode::ConfirmSave { caution, expect, then },
        }
    }

    /// Loads the file as it is on disk now; the edits go to the recovery file first, which
    /// then stays for a later start to offer.
    fn reload(&mut self) {
        self.journal_now();
        self.effects.push(Effect::Reload { path: self.path().to_path_buf() });
    }

    fn reloaded(&mut self, result: Result<(Report, Fingerprint), LoadError>) {
        match result {
            Ok((report, fingerprint)) => {
                let journal = &self.session.journal;
                let kept = journal.file.clone().filter(|_| journal.written);
                self.session = self.session.reloaded(Expect::Content(fingerprint));
                self.document = Document::new(report);
                self.checks.forget();
                self.view = View::default();
                let texts = self.texts();
                let note = kept.map(|p| fill(texts.reloaded_note, &[("path", &p.display())]));
                let path = self.path().display();
                let note = note.unwrap_or_default();
                let text = fill(texts.reloaded, &[("path", &path), ("note", &note)]);
                self.info(text);
            }
            Err(error) => {
                self.error_because(self.texts().cannot_reload, &error.describe(self.texts()))
            }
        }
    }

    /// Asks for the name to save under, starting from the file's own.
    pub(super) fn ask_save_as(&mut self) {
        if !self.refuse_if_read_only() {
            self.mode = Mode::SaveAs(format!("{}.new", self.path().display()));
        }
    }

    pub(super) fn save_as(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return self.info(self.texts().not_saved_edits_here),
            Prompt::Confirm if input.trim().is_empty() => {}
            Prompt::Confirm if self.session.is_saving() => {
                self.info(self.texts().saving_already);
            }
            Prompt::Confirm if self.refuse_unresolved() => return,
            Prompt::Confirm => {
                let path = PathBuf::from(input.trim());
                let (report, version) = self.start_save(&path);
                let clock = self.session.clock();
                return self.effects.push(Effect::SaveAs { path, report, version, input, clock });
            }
        }
        self.mode = Mode::SaveAs(input);
    }

    /// What came of saving under a new name: the report lives there now, or the prompt
    /// opens again with what was typed.
    fn saved_as(
        &mut self,
        path: PathBuf,
        written: (Report, u64),
        input: String,
        result: Result<(Lock, Fingerprint), SaveAsError>,
    ) {
        self.session.end_save();
        match result {
            Ok((lock, fingerprint)) => {
                // The old file's lock is released as the new one takes over.
                self.session.moved_to(path, lock);
                let asked = (Expect::Absent, AfterSave::Stay);
                self.saved(self.path().to_path_buf(), written, asked, Ok(fingerprint));
                return;
            }
            Err(SaveAsError::Exists) => {
                self.error(fill(self.texts().file_exists, &[("path", &path.display())]))
            }
            Err(SaveAsError::Lock(error)) => {
                self.error_because(self.texts().not_saved, &error.describe(self.texts()))
            }
            Err(SaveAsError::Save(error)) => {
                self.error_because(self.texts().not_saved, &error.describe(self.texts()))
            }
        }
        if matches!(self.mode, Mode::Normal) {
            self.mode = Mode::SaveAs(input);
        }
    }

    /// Takes in what came of an effect.
    pub fn complete(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved { path, report, version, expect, then, result } => {
                self.saved(path, (report, version), (expect, then), result)
            }
            Outcome::SavedAs { path, report, version, input, result } => {
                self.saved_as(path, (report, version), input, result)
            }
            Outcome::Reloaded { result } => self.reloaded(result),
            Outcome::JournalWritten { file, result } => self.journal_written(file, result),
            Outcome::BaselineLoaded { path, input, result } => {
                self.baseline_loaded(path, input, result)
            }
            Outcome::Checked { revision, findings } => self.checked(revision, findings),
            Outcome::CommitMessageWritten { then, result } => {
                self.commit_message_written(then, result)
            }
            Outcome::Committed { prompt, result } => self.committed(prompt, result),
            Outcome::SheetRead { path, input, revision, result } => {
                self.sheet_read(path, input, revision, result.map(|import| *import))
            }
            Outcome::HistoryLoading { file, loading } => self.history_loading(&file, loading),
            Outcome::HistoryRead { file, result } => self.history_read(file, result),
            Outcome::ChoicesListed { file, result } => self.choices_listed(&file, result),
        }
        self.refresh_derived();
    }

    /// The process must stop now (signal, hang-up, panic): keep everything unsaved and
    /// leave.
    pub(super) fn terminate(&mut self) {
        let unsaved = self.is_modified() || self.typing();
        if unsaved && self.read_only().is_none() {
            self.terminating = true;
            self.journal_now();
        }
        self.should_quit = true;
    }

    pub(super) fn quit(&mut self) {
        if self.is_modified() {
            self.mode = Mode::ConfirmQuit;
        } else {
            // Edits undone since the last journal: it holds nothing to keep.
            self.discard_journal();
            self.should_quit = true;
        }
    }

    pub(super) fn confirm_quit(&mut self, action: Action) {
        match action {
            // A failed save or a conflict keeps the app open, with its message or question.
            Action::SaveAndQuit => self.save_then(AfterSave::Quit),
            Action::SaveAs => self.ask_save_as(),
            Action::DiscardAndQuit => {
                self.discard_journal();
                self.should_quit = true;
            }
            Action::Back => {}
            _ => self.mode = Mode::ConfirmQuit,
        }
    }

    /// What the app has to say on the terminal after it closed.
    pub fn exit_note(&self) -> Option<&str> {
        self.exit_note.as_deref()
    }
}

/// The read-only message: who holds the report.
fn read_only_text(holder: &Holder, texts: &Texts) -> String {
    let holder = fill(
        texts.holder,
        &[
            ("pid", &holder.pid),
            ("host", &holder.host),
            ("since", &texts.local_time(&holder.since)),
        ],
    );
    fill(texts.read_only, &[("holder", &holder)])
}
