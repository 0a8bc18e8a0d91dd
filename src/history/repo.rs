//! The repository holding the report, the first-parent walk from HEAD, and the versions of
//! the file it finds; commits, parsed reports and pairings are cached, so asking again
//! costs next to nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gix::ObjectId;
use rayon::prelude::*;

use super::follow::Pairing;
use super::{Commit, HistoryError, Version};
use crate::model::{Groups, Report};
use crate::store;

/// Versions parsed together on both cores before they are handed over; small, so progress
/// is said often and few texts are held at once.
const CHUNK: usize = 16;
/// Memory for objects gix keeps decoded: the walk reads trees again and again.
const OBJECT_CACHE: usize = 4 << 20;

/// How far reading the history has come, to say while it loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    /// Walking the commits: so many seen.
    Walking { commits: usize },
    /// Reading the versions of the file: `done` of `total`.
    Reading { done: usize, total: usize },
}

/// A report file in a git work tree, with what has been read of its history.
pub struct History {
    repo: gix::ThreadSafeRepository,
    /// The file as given, for messages.
    file: PathBuf,
    /// The file relative to the work tree, as trees hold it.
    path: PathBuf,
    commits: HashMap<ObjectId, Entry>,
    reports: HashMap<ObjectId, Arc<Report>>,
    /// Versions that did not parse, with why: said once, never read again.
    unreadable: HashMap<ObjectId, String>,
    pairings: HashMap<(ObjectId, ObjectId), Arc<Pairing>>,
}

/// A commit as the walk needs it.
struct Entry {
    commit: Commit,
    /// The file's blob in the commit, if it has the file.
    blob: Option<ObjectId>,
    first_parent: Option<ObjectId>,
}

/// The versions of the report, newest first, and how each pairs with the one before.
#[derive(Debug, Clone)]
pub struct Versions {
    pub list: Vec<Version>,
    /// `pairings[i]` pairs `list[i + 1]` (older) with `list[i]`.
    pub(super) pairings: Vec<Arc<Pairing>>,
    /// Commits whose file could not be read as a report, with why; left out of `list`.
    pub unreadable: Vec<(Commit, String)>,
}

impl History {
    /// The history of `file`, which must be in a git work tree. Nothing is read yet.
    pub fn open(file: &Path) -> Result<History, HistoryError> {
        let absolute = std::fs::canonicalize(file)
            .map_err(|source| HistoryError::Missing { path: file.to_path_buf(), source })?;
        let not_in_repo = || HistoryError::NotInRepository { path: file.to_path_buf() };
        let dir = absolute.parent().ok_or_else(not_in_repo)?;
        let repo = gix::ThreadSafeRepository::discover(dir).map_err(|_| not_in_repo())?;
        let workdir = repo.work_dir().ok_or_else(not_in_repo)?;
        let workdir = std::fs::canonicalize(workdir).map_err(|_| not_in_repo())?;
        let path = absolute.strip_prefix(&workdir).map_err(|_| not_in_repo())?.to_path_buf();
        Ok(History {
            repo,
            file: file.to_path_buf(),
            path,
            commits: HashMap::new(),
            reports: HashMap::new(),
            unreadable: HashMap::new(),
            pairings: HashMap::new(),
        })
    }

    /// The file relative to its work tree.
    pub fn path_in_repo(&self) -> &Path {
        &self.path
    }

    /// The repository, for reading revisions.
    pub(super) fn repo(&self) -> gix::Repository {
        let mut repo = self.repo.to_thread_local();
        repo.object_cache_size_if_unset(OBJECT_CACHE);
        repo
    }

    /// Every version of the report in HEAD's first-parent line, newest first; `current`,
    /// the report as it is now (the file, or the app's unsaved state), on top where it
    /// differs from HEAD's. `loading` hears how far the reading has come.
    pub fn versions(
        &mut self,
        current: Option<Arc<Report>>,
        loading: &mut dyn FnMut(Loading),
    ) -> Result<Versions, HistoryError> {
        let repo = self.repo();
        let chain = self.walk(&repo, loading)?;
        // A commit is a version where its file differs from its first parent's.
        let mut changes: Vec<(ObjectId, ObjectId)> = Vec::new();
        for (k, id) in chain.iter().enumerate() {
            let blob = self.commits[id].blob;
            let before = chain.get(k + 1).and_then(|p| self.commits[p].blob);
            if let Some(blob) = blob.filter(|b| Some(*b) != before) {
                changes.push((*id, blob));
            }
        }
        self.parse(&changes, loading)?;

        let mut list = Vec::new();
        let mut blobs = Vec::new();
        let mut unreadable = Vec::new();
        for (id, blob) in &changes {
            let commit = self.commits[id].commit.clone();
            match self.reports.get(blob) {
                Some(report) => {
                    list.push(Version { commit: Some(commit), report: Arc::clone(report) });
                    blobs.push(Some(*blob));
                }
                None => {
                    let why = self.unreadable.get(blob).cloned().unwrap_or_default();
                    unreadable.push((commit, why));
                }
            }
        }
        if let Some(current) = current
            && list.first().is_none_or(|head| *head.report != *current)
        {
            list.insert(0, Version { commit: None, report: current });
            blobs.insert(0, None);
        }
        let pairings = (0..list.len().saturating_sub(1))
            .map(|i| {
                let key = blobs[i + 1].zip(blobs[i]);
                if let Some(pairing) = key.and_then(|k| self.pairings.get(&k)) {
                    return Arc::clone(pairing);
                }
                let pairing = Arc::new(Pairing::of(&list[i + 1].report, &list[i].report));
                if let Some(key) = key {
                    self.pairings.insert(key, Arc::clone(&pairing));
                }
                pairing
            })
            .collect();
        Ok(Versions { list, pairings, unreadable })
    }

    /// The newest `limit` commits of HEAD's first-parent line that changed the file (or
    /// brought it), newest first.
    pub(super) fn changed_commits(&mut self, limit: usize) -> Result<Vec<Commit>, HistoryError> {
        let repo = self.repo();
        let chain = self.walk(&repo, &mut |_| {})?;
        let mut found = Vec::new();
        for (k, id) in chain.iter().enumerate() {
            let blob = self.commits[id].blob;
            let before = chain.get(k + 1).and_then(|p| self.commits[p].blob);
            if blob.is_some() && blob != before {
                found.push(self.commits[id].commit.clone());
                if found.len() == limit {
                    break;
                }
            }
        }
        Ok(found)
    }

    /// HEAD's first-parent line, newest first; empty before the first commit.
    fn walk(
        &mut self,
        repo: &gix::Repository,
        loading: &mut dyn FnMut(Loading),
    ) -> Result<Vec<ObjectId>, HistoryError> {
        let Ok(head) = repo.head_id() else { return Ok(Vec::new()) };
        let mut chain = Vec::new();
        let mut next = Some(head.detach());
        while let Some(id) = next {
            if !self.commits.contains_key(&id) {
                let entry = self.read_commit(repo, id)?;
                self.commits.insert(id, entry);
            }
            chain.push(id);
            if chain.len() % 256 == 0 {
                loading(Loading::Walking { commits: chain.len() });
            }
            // A shallow clone ends where its commits do.
            next = self.commits[&id].first_parent.filter(|p| repo.has_object(p));
        }
        Ok(chain)
    }

    fn read_commit(&self, repo: &gix::Repository, id: ObjectId) -> Result<Entry, HistoryError> {
        let git = |e: gix::Error| HistoryError::git(&self.file, e);
        let object = repo.find_commit(id).map_err(git)?;
        let commit = object.decode().map_err(|e| HistoryError::git(&self.file, e))?;
        let author = commit.author().map_err(|e| HistoryError::git(&self.file, e))?;
        let time = commit.time().map_err(|e| HistoryError::git(&self.file, e))?;
        let entry = repo
            .find_tree(commit.tree())
            .map_err(git)?
            .lookup_entry_by_path(&self.path)
            .map_err(git)?;
        let blob = entry.filter(|e| e.mode().is_blob()).map(|e| e.object_id());
        Ok(Entry {
            commit: Commit {
                id: id.to_string(),
                time: time.seconds,
                author: author.name.to_string(),
                summary: commit.message().summary().to_string(),
            },
            blob,
            first_parent: commit.parents().next(),
        })
    }

    /// Parses the versions not read before, a few at a time on both cores.
    fn parse(
        &mut self,
        changes: &[(ObjectId, ObjectId)],
        loading: &mut dyn FnMut(Loading),
    ) -> Result<(), HistoryError> {
        let mut wanted: Vec<(ObjectId, ObjectId)> = Vec::new();
        for &(commit, blob) in changes {
            let known = self.reports.contains_key(&blob) || self.unreadable.contains_key(&blob);
            if !known && !wanted.iter().any(|(_, b)| *b == blob) {
                wanted.push((commit, blob));
            }
        }
        let total = wanted.len();
        let mut last: Option<Arc<Report>> = None;
        for (done, chunk) in wanted.chunks(CHUNK).enumerate() {
            loading(Loading::Reading { done: done * CHUNK, total });
            let parsed: Vec<Result<Report, String>> = chunk
                .par_iter()
                .map_init(
                    || self.repo(),
                    |repo, &(commit, blob)| read_report(repo, &self.path, commit, blob),
                )
                .collect();
            for ((_, blob), result) in chunk.iter().zip(parsed) {
                match result {
                    Ok(report) => {
                        let report = Arc::new(share_groups(report, last.as_deref()));
                        last = Some(Arc::clone(&report));
                        self.reports.insert(*blob, report);
                    }
                    Err(why) => {
                        self.unreadable.insert(*blob, why);
                    }
                }
            }
        }
        loading(Loading::Reading { done: total, total });
        Ok(())
    }
}

/// The report in blob `blob` of `commit`, or why it is not one; errors name the place as
/// `commit:path:line:column`.
fn read_report(
    repo: &gix::Repository,
    path: &Path,
    commit: ObjectId,
    blob: ObjectId,
) -> Result<Report, String> {
    let mut short = commit.to_string();
    short.truncate(7);
    let name = PathBuf::from(format!("{short}:{}", path.display()));
    let data = repo.find_blob(blob).map_err(|e| format!("{}: {e}", name.display()))?;
    let text = store::utf8(&name, &data.data).map_err(|e| e.to_string())?;
    store::parse(&name, text).map_err(|e| e.to_string())
}

/// `report` with the groups it has as `neighbour` has them shared with it: most commits
/// change one group, so many versions cost little more memory than one.
fn share_groups(mut report: Report, neighbour: Option<&Report>) -> Report {
    let Some(neighbour) = neighbour else { return report };
    let shared: Groups = report
        .groups
        .shared()
        .iter()
        .enumerate()
        .map(|(i, group)| match neighbour.groups.shared().get(i) {
            Some(theirs) if theirs == group => Arc::clone(theirs),
            _ => Arc::clone(group),
        })
        .collect();
    report.groups = shared;
    report
}
