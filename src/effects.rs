//! Carrying out what the app asks for: every `Effect` is file work of the store (or git's:
//! reading HEAD, committing), done here and handed back as an `Outcome`. The event loop has
//! it done on a worker thread, in the order asked, so a long save leaves keys answered;
//! tests and shutdown do it at once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::app::{App, Effect, Outcome, SaveAsError};
use crate::history::History;
use crate::store::{self, Expect, lock, recovery, remembered};

/// The recent commits offered as a baseline, after the tags.
const CHOICES: usize = 30;

/// Does one effect now, on this thread, with nothing kept from earlier ones.
pub fn perform(effect: Effect) -> Option<Outcome> {
    Histories::default().perform(effect, &mut |_| {})
}

/// The git histories read so far, one per report file: reading one again costs the walk
/// and the following, not the parsing (see `history::History`).
#[derive(Default)]
pub struct Histories {
    open: HashMap<PathBuf, History>,
}

impl Histories {
    /// Does one effect now, on this thread; `progress` hears how far a long one has come.
    pub fn perform(
        &mut self,
        effect: Effect,
        progress: &mut dyn FnMut(Outcome),
    ) -> Option<Outcome> {
        match effect {
            Effect::ReadHistory { file, current } => {
                let result = self.read(&file, current, progress);
                Some(Outcome::HistoryRead { file, result })
            }
            Effect::ListChoices { file } => {
                let result = self.history(&file).and_then(|h| h.choices(CHOICES));
                Some(Outcome::ChoicesListed { file, result })
            }
            effect => perform_io(effect),
        }
    }

    /// The history of `file`, opened the first time.
    fn history(&mut self, file: &Path) -> Result<&mut History, crate::history::HistoryError> {
        Ok(match self.open.entry(file.to_path_buf()) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => entry.insert(History::open(file)?),
        })
    }

    fn read(
        &mut self,
        file: &Path,
        current: Arc<crate::model::Report>,
        progress: &mut dyn FnMut(Outcome),
    ) -> Result<Arc<crate::history::Versions>, crate::history::HistoryError> {
        let history = match self.open.entry(file.to_path_buf()) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => entry.insert(History::open(file)?),
        };
        let mut loading = |loading| {
            progress(Outcome::HistoryLoading { file: file.to_path_buf(), loading });
        };
        history.versions(Some(current), &mut loading).map(Arc::new)
    }
}

/// Does one effect that is file work of the store.
fn perform_io(effect: Effect) -> Option<Outcome> {
    Some(match effect {
        Effect::Save { path, report, expect, consent, version, then } => {
            let result = store::check_replace(&path, consent)
                .and_then(|()| store::save(&path, &report, expect));
            Outcome::Saved { path, report, version, expect, then, result }
        }
        Effect::SaveAs { path, report, version, input, clock } => {
            let result = save_as(&path, &report, clock);
            Outcome::SavedAs { path, report, version, input, result }
        }
        Effect::Reload { path } => Outcome::Reloaded { result: store::open(&path) },
        Effect::WriteJournal { file, path, report, base, time } => {
            let base = base.map(|base| recovery::Base::of(&base.0, base.1, &report));
            let result = recovery::write_to(&file, &path, &report, base, time);
            Outcome::JournalWritten { file, result }
        }
        Effect::RemoveFile(file) => {
            recovery::discard(&file);
            return None;
        }
        Effect::LoadBaseline { path, file, input } => {
            match crate::history::baseline(&path, &file) {
                Ok((name, report)) => {
                    Outcome::BaselineLoaded { path: name, input, result: Ok(report) }
                }
                Err(error) => Outcome::BaselineLoaded { path, input, result: Err(error) },
            }
        }
        Effect::ReadSheet { path, report, revision, input } => {
            let result = crate::import::import_file(&report, &path).map(Box::new);
            Outcome::SheetRead { path, input, revision, result }
        }
        Effect::Remember { file, remembered } => {
            // Forgetting a fold costs the user one key next time: not worth a message.
            let _ = remembered::write(&file, remembered);
            return None;
        }
        Effect::Check { report, baseline, revision } => {
            // What the report marks reviewed is set aside, as `wgtrack check` does.
            let found = crate::check::check(&report, baseline.as_ref());
            Outcome::Checked { revision, findings: crate::check::reviewed(&report, found).open }
        }
        // Git work, done by `Histories::perform`; here without a cache.
        effect @ (Effect::ReadHistory { .. } | Effect::ListChoices { .. }) => {
            return Histories::default().perform(effect, &mut |_| {});
        }
        Effect::WriteCommitMessage { file, report, sources, then } => {
            let result = crate::app::write_message(&file, &report, &sources);
            Outcome::CommitMessageWritten { then, result }
        }
        Effect::Commit { file, message, git, prompt } => {
            Outcome::Committed { prompt, result: git.commit(&file, &message.text()) }
        }
    })
}

/// Takes the new file's lock, then writes the report there if no file is.
fn save_as(
    path: &Path,
    report: &crate::model::Report,
    clock: store::Clock,
) -> Result<(lock::Lock, store::Fingerprint), SaveAsError> {
    if path.exists() {
        return Err(SaveAsError::Exists);
    }
    let lock = lock::acquire(path, clock).map_err(SaveAsError::Lock)?;
    let fingerprint = store::save(path, report, Expect::Absent).map_err(SaveAsError::Save)?;
    Ok((lock, fingerprint))
}

/// Does everything the app asked for, and what that leads to, until nothing is left.
pub fn settle(app: &mut App) {
    settle_with(app, &mut Histories::default());
}

/// `settle`, keeping the histories read in `histories` for the next time.
pub fn settle_with(app: &mut App, histories: &mut Histories) {
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return;
        }
        for effect in effects {
            let mut heard = Vec::new();
            let done = histories.perform(effect, &mut |outcome| heard.push(outcome));
            for outcome in heard.into_iter().chain(done) {
                app.complete(outcome);
            }
        }
    }
}

/// What the worker hands back: an effect done (with its outcome, if any), or news of one
/// under way.
enum Report {
    Done(Option<Outcome>),
    Progress(Outcome),
}

/// A thread that carries out effects one after the other, in the order given.
pub struct Worker {
    effects: Option<Sender<Effect>>,
    outcomes: Receiver<Report>,
    /// Effects given and not yet done.
    pending: usize,
    thread: Option<JoinHandle<()>>,
}

impl Worker {
    pub fn start() -> Worker {
        let (effects, inbox) = mpsc::channel::<Effect>();
        let (outbox, outcomes) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut histories = Histories::default();
            for effect in inbox {
                let mut progress = |outcome| {
                    let _ = outbox.send(Report::Progress(outcome));
                };
                let done = histories.perform(effect, &mut progress);
                if outbox.send(Report::Done(done)).is_err() {
                    return;
                }
            }
        });
        Worker { effects: Some(effects), outcomes, pending: 0, thread: Some(thread) }
    }

    /// Hands over the app's effects.
    pub fn give(&mut self, app: &mut App) {
        for effect in app.take_effects() {
            let sent = match &self.effects {
                Some(sender) => sender.send(effect).map_err(|failed| failed.0),
                None => Err(effect),
            };
            match sent {
                Ok(()) => self.pending += 1,
                // The thread is gone (it panicked): do it here rather than lose it.
                Err(effect) => {
                    if let Some(outcome) = perform(effect) {
                        app.complete(outcome);
                    }
                }
            }
        }
    }

    /// Whether effects are under way.
    pub fn is_busy(&self) -> bool {
        self.pending > 0
    }

    /// Hands the app what came of finished effects, waiting up to `wait` for the first;
    /// whether anything finished.
    pub fn take_done(&mut self, app: &mut App, wait: Duration) -> bool {
        let mut any = false;
        let mut wait = wait;
        while self.pending > 0 {
            let done = match self.outcomes.recv_timeout(wait) {
                Ok(Report::Done(done)) => done,
                Ok(Report::Progress(outcome)) => {
                    any = true;
                    wait = Duration::ZERO;
                    app.complete(outcome);
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    self.pending = 0;
                    break;
                }
            };
            self.pending -= 1;
            any = true;
            wait = Duration::ZERO;
            if let Some(outcome) = done {
                app.complete(outcome);
            }
        }
        any
    }

    /// Waits for everything under way and everything it leads to: before the app leaves.
    pub fn finish(&mut self, app: &mut App) {
        loop {
            self.give(app);
            if !self.is_busy() {
                return;
            }
            self.take_done(app, Duration::from_secs(3600));
        }
    }
}

impl Drop for Worker {
    /// Work given is finished, so no half-written file is left behind.
    fn drop(&mut self) {
        self.effects.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Applies an action and carries out at once everything it asks for: for tests and
/// scripts, which need no worker thread.
pub fn act(app: &mut App, action: crate::action::Action) {
    app.update(action);
    settle(app);
}
