//! The app and its file: saving (with the check that no one else changed it), saving under
//! another name, reloading, restoring from a recovery file, read-only access, and quitting.

use std::path::PathBuf;

use super::{App, Change, Mode, Offer, Prompt, edit_line};
use crate::action::Action;
use crate::compare::{ActivityChange, compare};
use crate::i18n::{Describe, Texts, fill};
use crate::model::numeral;
use crate::store::lock::{Holder, Lock, LockError};
use crate::store::recovery::{self, Recovery};
use crate::store::{self, Expect, SaveError};

impl App {
    /// Says what the file held when it was loaded, so a save can tell if someone changed it.
    pub fn with_disk(mut self, disk: Expect) -> App {
        self.disk = disk;
        self
    }

    /// Holds the report's lock; when another wgtrack holds it, the app is read-only.
    pub fn with_lock(mut self, lock: Result<Lock, LockError>) -> App {
        match lock {
            Ok(lock) => self.lock = Some(lock),
            Err(LockError::Held { holder, .. }) => {
                self.error(read_only_text(&holder, self.texts()));
                self.read_only = Some(holder);
            }
            Err(error) => {
                self.error_because(self.texts().not_locked, &error.describe(self.texts()))
            }
        }
        self
    }

    /// Who holds the report when this app may only read it.
    pub fn read_only(&self) -> Option<&Holder> {
        self.read_only.as_ref()
    }

    pub(super) fn refuse_if_read_only(&mut self) -> bool {
        match &self.read_only {
            Some(holder) => {
                let text = read_only_text(holder, self.texts());
                self.error(text);
                true
            }
            None => false,
        }
    }

    /// Offers to restore unsaved edits found in the recovery file `file`.
    pub fn offer_recovery(&mut self, recovered: Recovery, file: PathBuf) {
        if recovered.report == self.report {
            // Nothing the file lacks: the journal is obsolete.
            let _ = std::fs::remove_file(&file);
            return;
        }
        let lines = describe_changes(&self.report, &recovered.report, self.texts());
        self.mode = Mode::Recover(Box::new(Offer { recovered, file, lines }));
    }

    pub(super) fn recover(&mut self, offer: Box<Offer>, action: Action) {
        match action {
            Action::Restore => {
                let from = Box::new(self.report.clone());
                let to = Box::new(offer.recovered.report.clone());
                self.apply(Change::Whole { from, to });
                // Journaled again in this session's file; the old one goes once saved.
                self.restored_from = Some(offer.file);
                self.info(self.texts().restored);
            }
            Action::DiscardRecovery => {
                recovery::discard(&offer.file);
                self.info(self.texts().discarded);
            }
            Action::Back | Action::KeepRecovery => {
                let path = offer.file.display();
                self.info(fill(self.texts().kept_recovery, &[("path", &path)]));
            }
            _ => self.mode = Mode::Recover(offer),
        }
    }

    pub(super) fn save(&mut self) {
        if self.refuse_if_read_only() {
            return;
        }
        self.save_to(self.path.clone(), self.disk);
    }

    fn save_to(&mut self, path: PathBuf, expect: Expect) {
        match store::save(&path, &self.report, expect) {
            Ok(fingerprint) => {
                self.path = path;
                self.disk = Expect::Content(fingerprint);
                self.saved_version = Some(self.history.version());
                self.discard_journal();
                if let Some(file) = self.restored_from.take() {
                    recovery::discard(&file);
                }
                self.journal_due = false;
                self.info(fill(self.texts().saved, &[("path", &self.path.display())]));
            }
            Err(error @ SaveError::Unflushed { written, .. }) => {
                // Our text is on disk, so it is no one else's change; but not "Saved" yet.
                self.disk = Expect::Content(written);
                self.error_because(self.texts().not_saved, &error.describe(self.texts()));
            }
            Err(SaveError::Changed { .. }) => self.mode = Mode::Conflict { missing: false },
            Err(SaveError::Missing { .. }) => self.mode = Mode::Conflict { missing: true },
            Err(error) => self.error_because(self.texts().not_saved, &error.describe(self.texts())),
        }
    }

    pub(super) fn conflict(&mut self, missing: bool, action: Action) {
        match action {
            Action::Overwrite => self.save_to(self.path.clone(), Expect::Anything),
            Action::Reload if !missing => self.reload(),
            Action::SaveAs => {
                self.mode = Mode::SaveAs(format!("{}.new", self.path.display()));
            }
            Action::Back => self.info(self.texts().not_saved_edits_here),
            _ => self.mode = Mode::Conflict { missing },
        }
    }

    /// Loads the file as it is on disk now; the edits go to the recovery file first, which
    /// then stays for a later start to offer.
    fn reload(&mut self) {
        let kept = self.journal();
        self.journal_file = None;
        match store::open(&self.path) {
            Ok((report, fingerprint)) => {
                let path = std::mem::take(&mut self.path);
                let lock = self.lock.take();
                *self = App::new(report, path)
                    .with_lang(self.lang)
                    .with_disk(Expect::Content(fingerprint));
                self.lock = lock;
                let texts = self.texts();
                let note = kept.map(|p| fill(texts.reloaded_note, &[("path", &p.display())]));
                let path = self.path.display();
                let note = note.unwrap_or_default();
                self.info(fill(texts.reloaded, &[("path", &path), ("note", &note)]));
            }
            Err(error) => {
                self.error_because(self.texts().cannot_reload, &error.describe(self.texts()))
            }
        }
    }

    pub(super) fn save_as(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return self.info(self.texts().not_saved_edits_here),
            Prompt::Confirm if input.trim().is_empty() => {}
            Prompt::Confirm => {
                let path = PathBuf::from(input.trim());
                if path.exists() {
                    self.error(fill(self.texts().file_exists, &[("path", &path.display())]));
                } else {
                    match store::lock::acquire(&path) {
                        Ok(lock) => {
                            self.save_to(path.clone(), Expect::Absent);
                            if self.path == path {
                                // The old file's lock is released as the new one takes over.
                                self.lock = Some(lock);
                                return;
                            }
                        }
                        Err(error) => {
                            self.error_because(
                                self.texts().not_saved,
                                &error.describe(self.texts()),
                            );
                        }
                    }
                }
            }
        }
        self.mode = Mode::SaveAs(input);
    }

    /// The process must stop now (signal, hang-up, panic): keep everything unsaved and
    /// leave.
    pub(super) fn terminate(&mut self) {
        let typing = matches!(&self.mode, Mode::EditText(edit) if edit.is_pending(&self.report));
        let unsaved = self.is_modified() || typing;
        if unsaved && self.read_only.is_none() {
            let texts = self.texts();
            self.exit_note =
                self.journal().map(|path| fill(texts.exit_note, &[("path", &path.display())]));
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
            Action::SaveAndQuit => {
                self.save();
                // A failed save or a conflict keeps the app open, with its message or question.
                self.should_quit = !self.is_modified();
            }
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
        &[("pid", &holder.pid), ("host", &holder.host), ("since", &holder.since)],
    );
    fill(texts.read_only, &[("holder", &holder)])
}

/// One line per difference between `saved` and `recovered`, for the recovery prompt.
fn describe_changes(
    saved: &crate::model::Report,
    recovered: &crate::model::Report,
    texts: &Texts,
) -> Vec<String> {
    let comparison = compare(saved, recovered);
    let mut lines = Vec::new();
    if comparison.front_matter_changed {
        lines.push(texts.recover_front_matter.to_string());
    }
    for (group, change) in comparison.changes() {
        let g = group.new.or(group.old).map_or(String::new(), |g| numeral(g + 1));
        lines.push(match change {
            ActivityChange::Matched { new, from, to, remarks_changed, .. } => {
                let mut parts = Vec::new();
                if from != to {
                    parts.push(fill(texts.recover_progress, &[("from", from), ("to", to)]));
                }
                if *remarks_changed {
                    parts.push(texts.recover_remarks.to_string());
                }
                if parts.is_empty() {
                    parts.push(texts.recover_description.to_string());
                }
                format!("{g}.{}: {}", new + 1, parts.join(", "))
            }
            ActivityChange::Added { new } => {
                format!("{g}.{}: {}", new + 1, texts.recover_new_activity)
            }
            ActivityChange::Removed { description, .. } => {
                format!("{g}: {}", fill(texts.recover_removed, &[("description", description)]))
            }
        });
    }
    lines
}
