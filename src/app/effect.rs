//! What the app asks the world to do, and what came of it. `update` never touches a file:
//! it queues an `Effect`; whoever runs the app (the event loop, a test) carries it out and
//! hands the `Outcome` back to `App::complete`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use super::{AfterMessage, CommitPrompt};
use crate::check::Finding;
use crate::history::{
    Choice, CommitError, CommitMessage, Committed, Git, HistoryError, Loading, Source, Versions,
};
use crate::import::{Import, ImportError};
use crate::model::Report;
use crate::store::lock::{Lock, LockError};
use crate::store::remembered::Remembered;
use crate::store::{Clock, Consent, Expect, Fingerprint, LoadError, SaveError};

/// One piece of work outside the app's state, carried out in the order queued.
#[derive(Debug)]
pub enum Effect {
    /// Write `report` (version `version` of the history) to `path`, if what is there is
    /// what `expect` says and the file is not read-only nor edited by hand, but as
    /// `consent` allows.
    Save {
        path: PathBuf,
        report: Report,
        expect: Expect,
        consent: Consent,
        version: u64,
        then: AfterSave,
    },
    /// Take the lock of `path` (held since `clock` says), then write `report` there if no
    /// file is (save as).
    SaveAs { path: PathBuf, report: Report, version: u64, input: String, clock: Clock },
    /// Read `path` again as it is on disk now.
    Reload { path: PathBuf },
    /// Journal `report` as the unsaved state of `path` at `time`, in `file`; edited from
    /// `base`, what the file held (with its fingerprint) when known.
    WriteJournal {
        file: PathBuf,
        path: PathBuf,
        report: Report,
        /// Boxed: the variant is large enough without a second report inline.
        base: Option<Box<(Report, Fingerprint)>>,
        time: SystemTime,
    },
    /// Remove a recovery file: after a save, or when the user discards it.
    RemoveFile(PathBuf),
    /// Read the report to compare with: the file at `path`, else where `file` (the report)
    /// is in a git work tree, the revision `path` names; `input` is what the user typed,
    /// for the prompt.
    LoadBaseline { path: PathBuf, file: PathBuf, input: String },
    /// Read the returned update sheet at `path` and say what it proposes for `report`,
    /// `revision` of the document; `input` is what the user typed, for the prompt.
    ReadSheet { path: PathBuf, report: Report, revision: u64, input: String },
    /// Remember the view of the report for its next session, in `file`.
    Remember { file: PathBuf, remembered: Remembered },
    /// Run the checks before publishing on `report` (against `baseline`), revision
    /// `revision` of the document: off the event loop, since a large report takes a while.
    Check { report: Report, baseline: Option<Report>, revision: u64 },
    /// Read the versions of `file` in its git repository, with `current` (the report as
    /// the app holds it) on top where it differs from HEAD's; how far it has come is
    /// handed back while it reads.
    ReadHistory { file: PathBuf, current: Arc<Report> },
    /// List the tags and recent commits of `file`'s repository, to offer as a baseline.
    ListChoices { file: PathBuf },
    /// Write the commit message for `report`, the file `file` as saved, against HEAD's
    /// version (`sources`: where changes came from), then `then`.
    WriteCommitMessage { file: PathBuf, report: Report, sources: Vec<Source>, then: AfterMessage },
    /// Commit `file` alone (with the merge, during one) with `message`, as `prompt` had it.
    Commit { file: PathBuf, message: CommitMessage, git: Git, prompt: CommitPrompt },
}

/// What to do once a save succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterSave {
    Stay,
    Quit,
}

/// What came of an effect.
#[derive(Debug)]
pub enum Outcome {
    /// `report` is what was written (or tried), expecting `expect` on disk.
    Saved {
        path: PathBuf,
        report: Report,
        version: u64,
        expect: Expect,
        then: AfterSave,
        result: Result<Fingerprint, SaveError>,
    },
    SavedAs {
        path: PathBuf,
        report: Report,
        version: u64,
        input: String,
        result: Result<(Lock, Fingerprint), SaveAsError>,
    },
    Reloaded {
        result: Result<(Report, Fingerprint), LoadError>,
    },
    JournalWritten {
        file: PathBuf,
        result: Result<(), SaveError>,
    },
    /// `path` is the file read, or `REV:path` for a revision.
    BaselineLoaded {
        path: PathBuf,
        input: String,
        result: Result<Report, HistoryError>,
    },
    /// The findings of the checks of revision `revision` of the document.
    Checked {
        revision: u64,
        findings: Vec<Finding>,
    },
    CommitMessageWritten {
        then: AfterMessage,
        result: Result<CommitMessage, HistoryError>,
    },
    Committed {
        prompt: CommitPrompt,
        result: Result<Committed, CommitError>,
    },
    SheetRead {
        path: PathBuf,
        input: String,
        revision: u64,
        result: Result<Box<Import>, ImportError>,
    },
    /// Reading the history of `file` has come this far (handed back while it reads).
    HistoryLoading {
        file: PathBuf,
        loading: Loading,
    },
    HistoryRead {
        file: PathBuf,
        result: Result<Arc<Versions>, HistoryError>,
    },
    ChoicesListed {
        file: PathBuf,
        result: Result<Vec<Choice>, HistoryError>,
    },
}

/// Why saving under a new name failed.
#[derive(Debug)]
pub enum SaveAsError {
    /// A file of that name is there already.
    Exists,
    Lock(LockError),
    Save(SaveError),
}
