//! Every step of the save routine failing in turn (fail points, configured in this process):
//! through `store::save` and through the app, the file on disk stays whole and the failure
//! is reported; once the fault is gone, the next save works.
//!
//! The fail point registry is the whole process's: these tests have a test binary of their
//! own, and each runs inside a `fail::FailScenario`, which lets one run at a time, so no
//! configured fault can reach another test.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::model::Report;
use wgtrack::store::{self, Expect, Fingerprint, Paths, SaveError};

use common::process::{in_home, text, with_progress};
use common::{send, temp_files};

/// The fail points of the save routine, in the order the steps run.
const BEFORE_REPLACE: [&str; 8] = [
    "save::serialize",
    "save::verify",
    "save::create",
    "save::write",
    "save::permissions",
    "save::sync",
    "save::backup",
    "save::rename",
];

/// The step after the file was replaced: flushing the directory.
const SYNC_DIR: &str = "save::sync-dir";

/// What each failing step says, as the error message words it.
fn cause(point: &str) -> &'static str {
    match point {
        "save::serialize" => "cannot write the report as RON",
        "save::verify" => "does not read back as the same report",
        "save::create" => "cannot create a temporary file",
        "save::write" => "cannot write the new content",
        "save::permissions" => "cannot keep the file's permissions",
        "save::sync" => "cannot flush the new content to disk",
        "save::backup" => "cannot keep the previous version as a backup",
        "save::rename" => "cannot replace the file",
        "save::sync-dir" => "cannot flush the directory",
        _ => unreachable!("a fail point of the save routine"),
    }
}

/// A report file at `dir/report.ron` holding VIII.7 at 10%, saved once over the shipped
/// report so that a backup (the shipped text) exists; returns the path and the fingerprint
/// of what the file holds.
fn saved_once(dir: &Path) -> (std::path::PathBuf, Fingerprint) {
    let path = dir.join("report.ron");
    fs::write(&path, store::SHIPPED).unwrap();
    let fingerprint = store::save(&path, &with_progress(8, 7, 10), Expect::Anything).unwrap();
    (path, fingerprint)
}

/// The backup is whole: the shipped text it held, or the file's current text (a step after
/// the backup failed).
#[track_caller]
fn assert_backup_whole(path: &Path, current: &[u8]) {
    let backup = fs::read(store::backup_path(path)).expect("the backup is there");
    assert!(
        backup == store::SHIPPED.as_bytes() || backup == current,
        "the backup is a whole earlier version, not {} bytes of something else",
        backup.len()
    );
}

#[test]
fn every_failing_step_of_a_save_leaves_the_file_whole() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        assert!(fail::has_failpoints(), "fail points are compiled into test builds");
        let old = text(&with_progress(8, 7, 10));
        let new_report = with_progress(8, 7, 20);
        let new = text(&new_report);
        for (n, point) in BEFORE_REPLACE.iter().enumerate() {
            let dir = home.join(format!("step-{n}"));
            fs::create_dir(&dir).unwrap();
            let (path, fingerprint) = saved_once(&dir);

            fail::cfg(*point, "return").unwrap();
            let error = store::save(&path, &new_report, Expect::Content(fingerprint))
                .expect_err(&format!("a save fails at {point}"));
            let message = error.to_string();
            assert!(message.contains(cause(point)), "{point}: the cause in {message:?}");
            match error {
                SaveError::Serialize(_) => {
                    assert!(message.contains(&format!("injected failure at {point}")), "{message}");
                }
                SaveError::RoundTrip => {}
                SaveError::Io { path: ref named, .. } => {
                    assert_eq!(named, &path, "{point}: the error names the file");
                    assert!(message.contains(&path.display().to_string()), "{message}");
                    assert!(message.contains(&format!("injected failure at {point}")), "{message}");
                }
                other => panic!("{point}: unexpected error {other:?}"),
            }
            assert!(fs::read(&path).unwrap() == old.as_bytes(), "{point}: the file is intact");
            assert!(temp_files(&dir).is_empty(), "{point}: left {:?}", temp_files(&dir));
            assert_backup_whole(&path, old.as_bytes());

            fail::remove(*point);
            let written = store::save(&path, &new_report, Expect::Content(fingerprint))
                .unwrap_or_else(|e| panic!("{point}: the save after the fault: {e}"));
            assert_eq!(written, Fingerprint::of(new.as_bytes()));
            assert!(fs::read(&path).unwrap() == new.as_bytes(), "{point}: the new content");
            assert!(fs::read(store::backup_path(&path)).unwrap() == old.as_bytes());
            let left = temp_files(&dir);
            // After a failed replace the backup is a hard link to the file, and the next
            // backup's rename onto it does nothing, leaving its staging link (a bug in src,
            // see `a_save_after_a_failed_replace_leaves_no_staging_backup`).
            let known_bug = *point == "save::rename" && left == ["report.ron.bak.tmp"];
            assert!(left.is_empty() || known_bug, "{point}: left {left:?}");
        }
        scenario.teardown();
    });
}

/// Flushing the directory fails after the file was replaced: the error says so and names
/// the file, and nothing is half-written; the file already holds the new report.
#[test]
fn a_failing_directory_flush_leaves_a_whole_file() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        let (path, fingerprint) = saved_once(home);
        let old = text(&with_progress(8, 7, 10));
        let new_report = with_progress(8, 7, 20);
        let new = text(&new_report);

        fail::cfg(SYNC_DIR, "return").unwrap();
        let error = store::save(&path, &new_report, Expect::Content(fingerprint)).unwrap_err();
        let message = error.to_string();
        assert!(message.contains(cause(SYNC_DIR)), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
        let bytes = fs::read(&path).unwrap();
        assert!(bytes == new.as_bytes() || bytes == old.as_bytes(), "whole, old or new");
        assert!(temp_files(home).is_empty(), "left {:?}", temp_files(home));
        assert!(fs::read(store::backup_path(&path)).unwrap() == old.as_bytes());
        fail::remove(SYNC_DIR);
        scenario.teardown();
    });
}

/// An app on `path` (which holds `report`, fingerprint `fingerprint`) with one change made:
/// group I activity 1 down from 100% to 95%.
fn edited_app(report: Report, path: &Path, fingerprint: Fingerprint) -> App {
    let home = path.parent().expect("the report's directory");
    let mut app = App::new(report, path.to_path_buf())
        .with_disk(Expect::Content(fingerprint))
        .with_paths(&Paths::under(home));
    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    assert!(app.is_modified(), "the change is made: {:?}", app.message());
    app
}

#[track_caller]
fn message(app: &App) -> (String, bool) {
    let message = app.message().expect("the app says something");
    (message.text.clone(), message.is_error)
}

#[test]
fn a_failed_save_in_the_app_keeps_the_edits_and_the_file() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        for (n, point) in BEFORE_REPLACE.iter().enumerate() {
            let dir = home.join(format!("step-{n}"));
            fs::create_dir(&dir).unwrap();
            let (path, fingerprint) = saved_once(&dir);
            let before = fs::read(&path).unwrap();
            let mut app = edited_app(with_progress(8, 7, 10), &path, fingerprint);

            fail::cfg(*point, "return").unwrap();
            send(&mut app, Action::Save);
            let (text_shown, is_error) = message(&app);
            assert!(is_error, "{point}: an error is shown: {text_shown}");
            assert!(text_shown.starts_with("Not saved: "), "{point}: {text_shown}");
            assert!(text_shown.contains(cause(point)), "{point}: the cause in {text_shown}");
            assert!(matches!(app.mode(), Mode::Normal), "{point}: {:?}", app.mode());
            assert!(app.is_modified(), "{point}: the edits are still unsaved");
            assert!(fs::read(&path).unwrap() == before, "{point}: the file is intact");
            assert!(temp_files(&dir).is_empty(), "{point}: left {:?}", temp_files(&dir));

            fail::remove(*point);
            send(&mut app, Action::Save);
            let (text_shown, is_error) = message(&app);
            assert!(!is_error && text_shown.starts_with("Saved "), "{point}: {text_shown}");
            assert!(!app.is_modified(), "{point}: saved");
            assert!(fs::read(&path).unwrap() == text(app.report()).as_bytes(), "{point}");
            assert_eq!(app.report().groups[0].activities[0].progress.get(), 95);
        }
        scenario.teardown();
    });
}

/// A failed flush means the data may never reach the disk. The app must not say "Saved"
/// over it: only a later save that writes the file again (a new file, renamed in) may.
#[test]
fn a_failed_flush_never_ends_in_saved_without_a_rewrite() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        let (path, fingerprint) = saved_once(home);
        let before = fs::read(&path).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        let mut app = edited_app(with_progress(8, 7, 10), &path, fingerprint);

        fail::cfg("save::sync", "return").unwrap();
        for _ in 0..3 {
            send(&mut app, Action::Save);
            let (text_shown, is_error) = message(&app);
            assert!(is_error && text_shown.contains(cause("save::sync")), "{text_shown}");
            assert!(app.is_modified());
            assert!(fs::read(&path).unwrap() == before, "the file is intact");
            assert_eq!(fs::metadata(&path).unwrap().ino(), inode, "the file was not replaced");
        }

        fail::remove("save::sync");
        send(&mut app, Action::Save);
        let (text_shown, is_error) = message(&app);
        assert!(!is_error && text_shown.starts_with("Saved "), "{text_shown}");
        assert!(!app.is_modified());
        assert_ne!(fs::metadata(&path).unwrap().ino(), inode, "a new file was written");
        assert!(fs::read(&path).unwrap() == text(app.report()).as_bytes(), "and holds the edits");
        assert!(temp_files(home).is_empty(), "left {:?}", temp_files(home));
        scenario.teardown();
    });
}

/// After the directory flush failed, the file already holds the app's report. The app says
/// "Not saved" and keeps the report modified; saving again must then succeed rather than
/// report that someone else changed the file (they did not: this app did).
///
/// Fails today: see the report (save.rs `write_atomic` returns an error after the rename,
/// and `App::save_to` keeps the old fingerprint, so the next save meets a "conflict").
#[test]
fn after_a_failed_directory_flush_saving_again_is_not_a_conflict() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        let (path, fingerprint) = saved_once(home);
        let mut app = edited_app(with_progress(8, 7, 10), &path, fingerprint);
        fail::cfg(SYNC_DIR, "return").unwrap();
        send(&mut app, Action::Save);
        fail::remove(SYNC_DIR);
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Normal), "no conflict: {:?}", app.mode());
        assert!(!app.is_modified(), "saved: {:?}", app.message());
        assert!(fs::read(&path).unwrap() == text(app.report()).as_bytes());
        scenario.teardown();
    });
}

/// A save that failed after taking the backup (at the replace) leaves `.bak` as a hard link
/// to the file itself. The next save links the file to `report.ron.bak.tmp` and renames that
/// onto `.bak`: both name the same file, so rename(2) does nothing and the staging name
/// stays in the directory.
///
/// Fails today: see the report (save.rs `keep_backup`).
#[test]
fn a_save_after_a_failed_replace_leaves_no_staging_backup() {
    in_home(|home| {
        let scenario = fail::FailScenario::setup();
        let (path, fingerprint) = saved_once(home);
        fail::cfg("save::rename", "return").unwrap();
        let new_report = with_progress(8, 7, 20);
        store::save(&path, &new_report, Expect::Content(fingerprint)).unwrap_err();
        fail::remove("save::rename");
        store::save(&path, &new_report, Expect::Content(fingerprint)).unwrap();
        assert!(temp_files(home).is_empty(), "left {:?}", temp_files(home));
        scenario.teardown();
    });
}
