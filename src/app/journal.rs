//! The recovery journal of a session: unsaved edits, and text being typed, written to this
//! session's recovery file after every change. Time passing writes it on a thread of its own
//! from a snapshot of the report (a clone that shares the groups), so that however large the
//! report, the next key is not kept waiting; leaving and reloading write it at once.

use std::io;
use std::path::PathBuf;
use std::thread::JoinHandle;

use super::{App, Mode};
use crate::i18n::Describe;
use crate::model::Report;
use crate::store::recovery;
use crate::store::{SaveError, Step};

/// A journal being written on another thread.
#[derive(Debug)]
pub(super) struct Job {
    file: PathBuf,
    writing: JoinHandle<Result<(), SaveError>>,
}

impl App {
    /// Time passed: take in a journal written meanwhile, and write the next one if edits or
    /// typed text are not in it yet.
    pub(super) fn tick(&mut self) {
        self.take_journal_job(false);
        let typing = match &self.mode {
            Mode::EditText(edit) => {
                edit.is_pending(&self.report)
                    && self.journaled_text.as_deref() != Some(edit.text().as_str())
            }
            _ => false,
        };
        // One journal at a time: while one is written, the next waits for a later tick.
        if (self.journal_due || typing) && self.journal_job.is_none() {
            let Some((file, report)) = self.journal_snapshot() else { return };
            let path = self.path.clone();
            let target = file.clone();
            let writing = std::thread::spawn(move || recovery::write_to(&target, &path, &report));
            self.journal_job = Some(Job { file, writing });
        }
    }

    /// Writes the journal now and returns where, if anything needed keeping; the one being
    /// written on the other thread, if any, is finished first.
    pub(super) fn journal(&mut self) -> Option<PathBuf> {
        self.take_journal_job(true);
        let (file, report) = self.journal_snapshot()?;
        let written = recovery::write_to(&file, &self.path, &report);
        self.journal_written(file, written)
    }

    /// Removes this session's recovery file, if it wrote one, once any journal being
    /// written is done.
    pub(super) fn discard_journal(&mut self) {
        self.take_journal_job(true);
        if let Some(file) = self.journal_file.take() {
            recovery::discard(&file);
        }
    }

    /// What the journal is to hold now and where it goes: the report with any text being
    /// typed put in. `None` when there is nothing to keep (the journal is then removed) or
    /// nowhere to keep it (said in the footer).
    fn journal_snapshot(&mut self) -> Option<(PathBuf, Report)> {
        self.journal_due = false;
        let mut report = std::borrow::Cow::Borrowed(&self.report);
        if let Mode::EditText(edit) = &self.mode
            && edit.is_pending(&self.report)
        {
            edit.put_into(report.to_mut());
            self.journaled_text = Some(edit.text());
        }
        if !self.is_modified() && matches!(report, std::borrow::Cow::Borrowed(_)) {
            // Back where the file is: nothing of this session needs keeping.
            self.discard_journal();
            return None;
        }
        let report = report.into_owned();
        let Some(file) = self.journal_file.clone().or_else(|| recovery::session_path(&self.path))
        else {
            let texts = self.texts();
            self.error_because(texts.cannot_keep_recovery, texts.no_state_directory);
            return None;
        };
        Some((file, report))
    }

    /// Takes in the journal written on the other thread once it is done, or at once if
    /// `wait`.
    fn take_journal_job(&mut self, wait: bool) {
        let Some(job) = self.journal_job.take_if(|job| wait || job.writing.is_finished()) else {
            return;
        };
        let written = job.writing.join().unwrap_or_else(|_| {
            Err(SaveError::Io {
                path: job.file.clone(),
                step: Step::Write,
                source: io::Error::other("the thread writing it stopped"),
            })
        });
        self.journal_written(job.file, written);
    }

    /// The file is this session's recovery file once a journal is in it; a failure is said.
    fn journal_written(
        &mut self,
        file: PathBuf,
        written: Result<(), SaveError>,
    ) -> Option<PathBuf> {
        match written {
            Ok(()) => {
                self.journal_file = Some(file.clone());
                Some(file)
            }
            Err(error) => {
                let cause = error.describe(self.texts());
                self.error_because(self.texts().cannot_keep_recovery, &cause);
                None
            }
        }
    }
}

impl Drop for App {
    /// A journal being written is finished, so no half-written file is left behind.
    fn drop(&mut self) {
        if let Some(job) = self.journal_job.take() {
            let _ = job.writing.join();
        }
    }
}
