//! The recovery journal: unsaved edits, written after every change, so a crash, a kill or a
//! power cut loses nothing that was done. Each session of the app journals to a file of its
//! own, so edits kept for later are never overwritten by newer ones.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::fingerprint::{Fingerprint, name_id};
use super::lock::{resolved, this_process};
use super::ron_text::{Pieces, Writer, base_value, report_value};
use super::save::{head_of, verified, write_checked};
use super::write::{Expect, SaveError, Step, create_parent, injected};
use crate::model::{FORMAT, Group, Groups, Report};
use crate::validate;

/// Unsaved edits of one report file, and who made them. It is written from a borrowed
/// report (`Recovery<&Report>`), so journaling never copies the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery<R = Report> {
    pub file: PathBuf,
    pub pid: u32,
    pub host: String,
    pub time: String,
    /// What the file held when these edits began; journals of earlier versions lack it.
    #[serde(default)]
    pub base: Option<Base>,
    pub report: R,
}

/// What the report file held when the journaled edits began: its fingerprint, to tell
/// whether it changed since, and its content, so that the edits can be told from changes
/// made to the file since. Only the groups the edits changed are repeated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Base {
    /// The file's `Fingerprint`, as text.
    pub fingerprint: String,
    /// The front matter and introduction; its `groups` are empty.
    pub head: Report,
    /// Each group, or `None` where it is the journaled report's group at the same place.
    pub groups: Vec<Option<Group>>,
}

impl Base {
    /// The base of `edited`: the file held `file`, whose fingerprint was `fingerprint`.
    pub fn of(file: &Report, fingerprint: Fingerprint, edited: &Report) -> Base {
        let groups = file
            .groups
            .shared()
            .iter()
            .enumerate()
            .map(|(g, group)| match edited.groups.shared().get(g) {
                Some(same) if Arc::ptr_eq(same, group) || same == group => None,
                _ => Some(Group::clone(group)),
            })
            .collect();
        Base { fingerprint: fingerprint.to_string(), head: head_of(file), groups }
    }

    /// The file's report again, from `edited`, the report journaled with it; `None` if the
    /// two do not fit together (a damaged journal).
    pub fn report(&self, edited: &Report) -> Option<Report> {
        let groups = self.groups.iter().enumerate().map(|(g, group)| match group {
            Some(group) => Some(Arc::new(group.clone())),
            None => edited.groups.shared().get(g).cloned(),
        });
        let groups = groups.collect::<Option<Groups>>()?;
        Some(Report { groups, ..self.head.clone() })
    }
}

/// The report's full path, every link followed, also when the file itself is gone: so a
/// journal is found again by any name of the report, and once the file is back.
fn full_path(report_path: &Path) -> PathBuf {
    resolved(report_path)
}

/// The start of the names of the report's recovery files: its name and a digest of its path.
pub(super) fn prefix(report_path: &Path) -> String {
    let full = full_path(report_path);
    let name = full.file_stem().unwrap_or_default().to_string_lossy();
    let id = name_id(full.as_os_str().as_encoded_bytes());
    format!("{name}-{id:016x}-")
}

/// A new recovery file in `dir` for a session of the app on `report_path` begun at `time`.
pub fn session_path(dir: &Path, report_path: &Path, time: SystemTime) -> PathBuf {
    let nanos = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let name = format!("{}{}-{nanos}.ron", prefix(report_path), std::process::id());
    dir.join(name)
}

/// Journals `report` as the unsaved state of `report_path` at `time` into `file`, edited
/// from `base`.
pub fn write_to(
    file: &Path,
    report_path: &Path,
    report: &Report,
    base: Option<Base>,
    time: SystemTime,
) -> Result<(), SaveError> {
    create_parent(file, Step::RecoveryDir)?;
    let me = this_process(time);
    let recovery = Recovery {
        // Only said to the user: a path that is not UTF-8 text (RON strings cannot hold it)
        // is written as near as text can; the journal is found by the path's own bytes.
        file: PathBuf::from(full_path(report_path).to_string_lossy().into_owned()),
        pid: me.pid,
        host: me.host,
        time: me.since,
        base,
        report,
    };
    save_recovery(file, &recovery)
}

/// Writes `recovery` to `file`, read back as a save's text is; with no backup, and whatever
/// the file held before.
fn save_recovery(file: &Path, recovery: &Recovery<&Report>) -> Result<(), SaveError> {
    injected("save::serialize").map_err(|e| SaveError::Serialize(e.to_string()))?;
    let text = text(recovery).ok_or_else(|| {
        SaveError::Serialize(format!("{}: the path is not UTF-8 text", recovery.file.display()))
    })?;
    let expected = Recovery {
        file: recovery.file.clone(),
        pid: recovery.pid,
        host: recovery.host.clone(),
        time: recovery.time.clone(),
        base: recovery.base.clone(),
        report: head_of(recovery.report),
    };
    let check = || verified(&text, &expected, &recovery.report.groups);
    write_checked(file, &text, Expect::Anything, false, check).map(|_| ())
}

/// The text of a recovery file, in the report file's layout, or `None` when the report's
/// path is not UTF-8 text (RON strings cannot hold it).
fn text(recovery: &Recovery<&Report>) -> Option<Pieces> {
    let file = recovery.file.to_str()?;
    let mut w = Writer::new();
    w.open("Recovery");
    w.field("file", |w| w.string(file));
    w.field("pid", |w| w.number(recovery.pid));
    w.field("host", |w| w.string(&recovery.host));
    w.field("time", |w| w.string(&recovery.time));
    w.field("base", |w| w.option_of(recovery.base.as_ref(), base_value));
    w.field("report", |w| report_value(w, recovery.report));
    w.close();
    Some(w.finish())
}

/// Journals `report`, edited from `base`, into a new recovery file in `dir` of
/// `report_path`, at `time`; returns where.
pub fn write(
    dir: &Path,
    report_path: &Path,
    report: &Report,
    base: Option<Base>,
    time: SystemTime,
) -> Result<PathBuf, SaveError> {
    let file = session_path(dir, report_path, time);
    write_to(&file, report_path, report, base, time)?;
    Ok(file)
}

/// Every recovery file of `report_path` in `dir`, newest first.
pub fn find(dir: &Path, report_path: &Path) -> Vec<PathBuf> {
    let prefix = prefix(report_path);
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.ends_with(".ron")
        })
        .map(|e| (e.metadata().and_then(|m| m.modified()).unwrap_or(UNIX_EPOCH), e.path()))
        .collect();
    files.sort_by(|a, b| b.cmp(a));
    files.into_iter().map(|(_, path)| path).collect()
}

/// The newest recovery file of `report_path` in `dir`, if there is one, and what it holds.
pub fn read(dir: &Path, report_path: &Path) -> Option<(PathBuf, Result<Recovery, String>)> {
    let path = find(dir, report_path).into_iter().next()?;
    let parsed = fs::read_to_string(&path)
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|text| parse(&text).map_err(|e| format!("{}:{e}", path.display())));
    Some((path, parsed))
}

/// The newest recovery file of `report_path` in `dir` that reads, and those newer than it
/// that do not: each of these is set aside (renamed with `.unreadable` added, out of `find`'s
/// way) so that it neither hides an older one that reads nor is lost.
pub fn latest(dir: &Path, report_path: &Path) -> Latest {
    let mut latest = Latest::default();
    for file in find(dir, report_path) {
        match read_file(&file) {
            Ok(recovery) => {
                latest.found = Some((file, recovery));
                break;
            }
            Err(cause) => {
                let mut aside = file.clone().into_os_string();
                aside.push(".unreadable");
                let aside = PathBuf::from(aside);
                let kept = fs::rename(&file, &aside).map_or(file, |()| aside);
                latest.set_aside.push((kept, cause));
            }
        }
    }
    latest
}

/// What `latest` found.
#[derive(Debug, Default)]
pub struct Latest {
    /// The newest recovery file that reads, and what it holds.
    pub found: Option<(PathBuf, Recovery)>,
    /// Newer ones that do not read, where each now is, and why it does not read.
    pub set_aside: Vec<(PathBuf, String)>,
}

fn read_file(file: &Path) -> Result<Recovery, String> {
    parse(&fs::read_to_string(file).map_err(|e| e.to_string())?)
}

/// The recovery that the text of a recovery file holds, or why it holds none. Its report
/// must be one the report file could hold (its format known, nothing required left empty):
/// restored and saved, it must give a file that loads.
pub fn parse(text: &str) -> Result<Recovery, String> {
    let recovery = ron::from_str::<Recovery>(text).map_err(|e| e.to_string())?;
    let report = &recovery.report;
    if report.format > FORMAT {
        return Err(format!(
            "the report is in format {}, newer than this wgtrack reads",
            report.format
        ));
    }
    match validate::problems(report).first() {
        Some(problem) => Err(format!("the report in it does not load: {problem}")),
        None => Ok(recovery),
    }
}

/// Removes one recovery file: after a save, or when the user discards it.
pub fn discard(file: &Path) {
    let _ = fs::remove_file(file);
}

#[cfg(test)]
mod tests {
    use super::{Base, Fingerprint, Recovery, parse, text};
    use crate::store::ron_text::tests::by_ron;

    #[test]
    fn a_recovery_file_is_rons_own_text_and_refuses_a_path_that_is_not_utf8() {
        let report = crate::generate::report(2, 3, 9);
        let recovery = Recovery {
            file: "/data/the \"report\".ron".into(),
            pid: 42,
            host: "cepal".into(),
            time: "2021-04-05 10:00".into(),
            base: None,
            report: &report,
        };
        assert_eq!(text(&recovery).unwrap().join(), by_ron(&recovery));
        let mut file = report.clone();
        file.groups[1].activities[0].remarks = "As the file had it".into();
        file.title = "The file's title".into();
        let base = Base::of(&file, Fingerprint::of(b"file"), &report);
        assert_eq!(base.groups.iter().map(Option::is_some).collect::<Vec<_>>(), [false, true]);
        assert_eq!(base.report(&report), Some(file));
        let with_base = Recovery { base: Some(base), ..recovery.clone() };
        assert_eq!(text(&with_base).unwrap().join(), by_ron(&with_base));
        assert!(parse(&by_ron(&recovery)).unwrap().report == report);
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let file = std::ffi::OsStr::from_bytes(b"/data/\xff.ron").into();
            assert!(text(&Recovery { file, ..recovery }).is_none());
        }
    }

    /// A journal whose report had a required text left empty (cleared in the editor and
    /// journaled while typed) was restored, and its save gave a file that did not load; the
    /// `recovery` fuzz target checks the same for any bytes.
    #[test]
    fn a_recovery_whose_report_would_not_load_is_refused() {
        let report = crate::generate::report(2, 3, 9);
        let recovery = |report| Recovery {
            file: "/data/report.ron".into(),
            pid: 42,
            host: "cepal".into(),
            time: "2021-04-05 10:00".into(),
            base: None,
            report,
        };
        let mut blank = report.clone();
        blank.title = " ".into();
        let said = parse(&by_ron(&recovery(&blank))).unwrap_err();
        assert!(said.contains("title: must not be empty"), "{said}");
        let mut newer = report.clone();
        newer.format = crate::model::FORMAT + 1;
        assert!(parse(&by_ron(&recovery(&newer))).unwrap_err().contains("newer"));
    }
}
