//! The session on disk: the report's file and what it holds as far as the app knows, the
//! lock (or who holds it, when the app may only read), the recovery journal, and a save
//! under way.

use std::path::{Path, PathBuf};

use crate::store::lock::{Holder, Lock};
use crate::store::{Caution, Clock, Consent, Expect};

/// The app's link to its file.
#[derive(Debug)]
pub struct Session {
    path: PathBuf,
    /// What the file on disk holds as far as the app knows.
    disk: Expect,
    /// The report's lock, while this app holds it.
    lock: Option<Lock>,
    /// Who holds the report, when this app may only read it.
    read_only: Option<Holder>,
    /// A save is under way (its outcome says which version it wrote).
    saving: bool,
    /// What the user agreed a save may do to this file: asked once, then held.
    consent: Consent,
    /// The time of day for the journal and a new file's lock.
    clock: Clock,
    pub(super) journal: Journal,
    /// The state directory, where the view of the report is remembered for its next session.
    pub(super) state_dir: Option<PathBuf>,
}

/// The recovery journal of this session.
#[derive(Debug, Default)]
pub(super) struct Journal {
    /// This session's recovery file; none when there is nowhere to keep one.
    pub file: Option<PathBuf>,
    /// A journal is in the file.
    pub written: bool,
    /// Times the report was read again in this session, each with a file of its own.
    pub reloads: u32,
    /// Edits not yet in the journal.
    pub due: bool,
    /// A journal is being written.
    pub writing: bool,
    /// The journal was discarded: one being written is removed once written.
    pub discarded: bool,
    /// Why the last journal could not be written: said until one is, or nothing is left
    /// to keep.
    pub failure: Option<super::Message>,
    /// The editor text last put in the journal.
    pub typed: Option<String>,
    /// The recovery file whose edits were restored: removed once they are saved.
    pub restored_from: Option<PathBuf>,
}

impl Session {
    pub fn new(path: PathBuf) -> Session {
        Session {
            path,
            disk: Expect::Anything,
            lock: None,
            read_only: None,
            saving: false,
            consent: Consent::default(),
            clock: Clock::System,
            journal: Journal::default(),
            state_dir: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn disk(&self) -> Expect {
        self.disk
    }

    /// Who holds the report when this app may only read it.
    pub fn read_only(&self) -> Option<&Holder> {
        self.read_only.as_ref()
    }

    /// This session's recovery file; none when there is nowhere to keep one.
    pub fn journal_file(&self) -> Option<&Path> {
        self.journal.file.as_deref()
    }

    /// Where the view of the report is remembered, under its present name.
    pub fn view_file(&self) -> Option<PathBuf> {
        Some(crate::store::remembered::file_for(self.state_dir.as_deref()?, &self.path))
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub(super) fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Whether a save is under way.
    pub fn is_saving(&self) -> bool {
        self.saving
    }

    /// What the user agreed a save may do to this file.
    pub fn consent(&self) -> Consent {
        self.consent
    }

    pub(super) fn consent_to(&mut self, caution: &Caution) {
        self.consent.allow(caution);
    }

    pub(super) fn set_disk(&mut self, disk: Expect) {
        self.disk = disk;
    }

    pub(super) fn hold(&mut self, lock: Lock) {
        self.lock = Some(lock);
    }

    pub(super) fn held_by(&mut self, holder: Holder) {
        self.read_only = Some(holder);
    }

    pub(super) fn start_save(&mut self) {
        self.saving = true;
    }

    pub(super) fn end_save(&mut self) {
        self.saving = false;
    }

    /// The report now lives at `path`, with `lock` (which releases the old file's).
    pub(super) fn moved_to(&mut self, path: PathBuf, lock: Lock) {
        self.path = path;
        self.lock = Some(lock);
        // What was agreed was of the old file.
        self.consent = Consent::default();
    }

    /// A session on the same file and lock, after the file was read again; the journal
    /// starts afresh, so the one that kept the edits stays for a later start to offer.
    pub(super) fn reloaded(&mut self, disk: Expect) -> Session {
        Session {
            path: std::mem::take(&mut self.path),
            disk,
            lock: self.lock.take(),
            read_only: self.read_only.take(),
            saving: false,
            consent: self.consent,
            clock: self.clock,
            // A file of its own, so the journal that kept the edits is not overwritten.
            journal: Journal {
                file: self.journal.file.as_deref().map(|f| anew(f, self.journal.reloads + 1)),
                reloads: self.journal.reloads + 1,
                ..Journal::default()
            },
            state_dir: self.state_dir.take(),
        }
    }
}

/// The recovery file for the `n`th reading of the report in a session that began with `file`.
fn anew(file: &Path, n: u32) -> PathBuf {
    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
    let stem = stem.split_once("~").map_or(&*stem, |(first, _)| first).to_string();
    file.with_file_name(format!("{stem}~{n}.ron"))
}
