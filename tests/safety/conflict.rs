//! Someone else changed (or deleted) the file after the app loaded it: saving never writes
//! over their change unasked. The check is by content, so it holds even when the other
//! change kept the file's size and modification time.

use std::fs;
use std::path::{Path, PathBuf};

use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::model::Report;
use wgtrack::store::{self, Expect, Fingerprint, SaveError, recovery};

use crate::common::process::{in_home, opened, paths, text, with_progress};
use crate::common::send;

/// Someone else's version: the shipped report with VIII.7 at 9% instead of 8% (same size).
fn theirs() -> Report {
    with_progress(8, 7, 9)
}

/// A copy of the shipped report at `dir/report.ron`, opened in an app with one edit of ours:
/// group I activity 1 from 100% down to 95%.
fn opened_and_edited(dir: &Path) -> (PathBuf, App) {
    let path = dir.join("report.ron");
    fs::write(&path, store::SHIPPED).unwrap();
    let mut app = opened(dir, &path);
    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    assert!(app.is_modified());
    (path, app)
}

/// Writes their version over the file, keeping its size and putting its modification time
/// back to what it was, so only the content tells.
fn change_behind_the_back(path: &Path) -> Vec<u8> {
    let before = fs::metadata(path).unwrap();
    let bytes = text(&theirs()).into_bytes();
    assert_eq!(bytes.len() as u64, before.len(), "their version has the same size");
    fs::write(path, &bytes).unwrap();
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(before.modified().unwrap()).unwrap();
    drop(file);
    let after = fs::metadata(path).unwrap();
    assert_eq!(after.modified().unwrap(), before.modified().unwrap(), "the same mtime");
    assert_eq!(after.len(), before.len());
    bytes
}

/// Saving finds the conflict and writes nothing.
#[track_caller]
fn save_meets_the_conflict(app: &mut App, path: &Path, theirs: &[u8]) {
    send(app, Action::Save);
    assert!(matches!(app.mode(), Mode::Conflict { missing: false }), "{:?}", app.mode());
    assert!(app.is_modified());
    assert!(fs::read(path).unwrap() == theirs, "their version is untouched");
}

#[test]
fn a_changed_file_is_a_conflict_and_overwrite_replaces_it() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        let theirs = change_behind_the_back(&path);
        save_meets_the_conflict(&mut app, &path, &theirs);
        // Esc leaves the question; the edits stay and the file too.
        send(&mut app, Action::Back);
        assert!(matches!(app.mode(), Mode::Normal));
        assert!(app.is_modified());
        assert!(fs::read(&path).unwrap() == theirs);

        save_meets_the_conflict(&mut app, &path, &theirs);
        send(&mut app, Action::Overwrite);
        assert!(matches!(app.mode(), Mode::Normal), "{:?}", app.mode());
        assert!(!app.is_modified(), "{:?}", app.message());
        assert!(fs::read(&path).unwrap() == text(app.report()).as_bytes(), "ours is on disk");
        assert!(fs::read(store::backup_path(&path)).unwrap() == theirs, "theirs is the backup");
    });
}

#[test]
fn a_change_in_content_alone_is_found() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        // Written with a plain write (new mtime) and then with the mtime put back: both found.
        let bytes = text(&theirs()).into_bytes();
        fs::write(&path, &bytes).unwrap();
        save_meets_the_conflict(&mut app, &path, &bytes);
        send(&mut app, Action::Back);
        let theirs = change_behind_the_back(&path);
        save_meets_the_conflict(&mut app, &path, &theirs);
    });
}

#[test]
fn reload_takes_their_version_and_keeps_ours_in_the_recovery_file() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        let ours = app.report().clone();
        let theirs = change_behind_the_back(&path);
        save_meets_the_conflict(&mut app, &path, &theirs);
        send(&mut app, Action::Reload);
        assert!(matches!(app.mode(), Mode::Normal), "{:?}", app.mode());
        assert!(*app.report() == self::theirs(), "the app shows their version");
        assert!(!app.is_modified());
        let said = app.message().expect("a message").text.clone();
        let (file, kept) =
            recovery::read(&paths(home).recovery_dir(), &path).expect("a recovery file");
        assert!(said.contains(&file.display().to_string()), "says where: {said}");
        assert!(kept.expect("the recovery file reads").report == ours, "our edits are kept");
        assert!(fs::read(&path).unwrap() == theirs, "the file is untouched");

        // Saving their version again works: the app knows what the file holds now.
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Normal), "{:?}", app.mode());
    });
}

/// After a reload, the edits of before it are in a recovery file; editing and saving
/// the reloaded report must not throw them away.
#[test]
fn after_a_reload_new_edits_do_not_replace_the_kept_ones() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        let ours = app.report().clone();
        change_behind_the_back(&path);
        send(&mut app, Action::Save);
        send(&mut app, Action::Reload);
        let (kept_file, _) =
            recovery::read(&paths(home).recovery_dir(), &path).expect("a recovery file");
        send(&mut app, Action::Open);
        send(&mut app, Action::Down);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        let kept = |file: &Path| -> Report {
            let text = fs::read_to_string(file).expect("the kept recovery file is there");
            ron::from_str::<recovery::Recovery>(&text).expect("it reads").report
        };
        assert!(kept(&kept_file) == ours, "the edits of before the reload");
        send(&mut app, Action::Save);
        assert!(kept(&kept_file) == ours, "kept after a save");
        assert_eq!(
            recovery::find(&paths(home).recovery_dir(), &path),
            [kept_file],
            "the new edits' journal went with the save"
        );
    });
}

#[test]
fn save_as_writes_a_new_file_and_leaves_theirs() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        let theirs = change_behind_the_back(&path);
        save_meets_the_conflict(&mut app, &path, &theirs);
        send(&mut app, Action::SaveAs);
        let Mode::SaveAs(proposed) = &app.mode() else {
            panic!("the name prompt: {:?}", app.mode())
        };
        for _ in 0..proposed.chars().count() {
            send(&mut app, Action::Erase);
        }
        let new = home.join("ours.ron");
        for c in new.display().to_string().chars() {
            send(&mut app, Action::Type(c));
        }
        send(&mut app, Action::Confirm);
        assert!(matches!(app.mode(), Mode::Normal), "{:?} {:?}", app.mode(), app.message());
        assert_eq!(app.path(), new, "the app now works on the new file");
        assert!(!app.is_modified(), "{:?}", app.message());
        assert!(fs::read(&new).unwrap() == text(app.report()).as_bytes(), "ours is in it");
        assert!(fs::read(&path).unwrap() == theirs, "theirs is untouched");
        let lock = store::lock::lock_path(&new);
        assert!(lock.exists(), "the app holds the new file's lock");
        drop(app);
        assert!(!lock.exists(), "and releases it");
    });
}

#[test]
fn a_deleted_file_is_a_conflict() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        fs::remove_file(&path).unwrap();
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Conflict { missing: true }), "{:?}", app.mode());
        assert!(!path.exists(), "nothing written");
        assert!(app.is_modified());
        // There is nothing to reload; overwriting writes ours back.
        send(&mut app, Action::Reload);
        assert!(matches!(app.mode(), Mode::Conflict { missing: true }), "{:?}", app.mode());
        send(&mut app, Action::Overwrite);
        assert!(!app.is_modified(), "{:?}", app.message());
        assert!(fs::read(&path).unwrap() == text(app.report()).as_bytes());
    });
}

/// `set` checks the same way; its load-to-save window is too short to hit from outside, so
/// this is the save it makes, with the fingerprint of an older content.
#[test]
fn a_save_expecting_older_content_is_refused() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        let loaded = Fingerprint::of(store::SHIPPED.as_bytes());
        let theirs = change_behind_the_back(&path);
        let ours = with_progress(1, 1, 95);

        let error = store::save(&path, &ours, Expect::Content(loaded)).unwrap_err();
        assert!(matches!(error, SaveError::Changed { path: ref p } if *p == path), "{error:?}");
        assert!(error.to_string().contains(&path.display().to_string()), "{error}");
        let error = store::save(&path, &ours, Expect::Absent).unwrap_err();
        assert!(matches!(error, SaveError::Changed { .. }), "{error:?}");
        assert!(fs::read(&path).unwrap() == theirs, "untouched");

        fs::remove_file(&path).unwrap();
        let error = store::save(&path, &ours, Expect::Content(loaded)).unwrap_err();
        assert!(matches!(error, SaveError::Missing { .. }), "{error:?}");
        assert!(!path.exists());
    });
}

/// A save is carried out beside the app, as the event loop has the worker do it: while it
/// is under way the footer says so, keys are answered and edits go on; the file then holds
/// the report as it was when the save was asked for, and the later edit stays unsaved.
#[test]
fn keys_are_answered_while_a_save_is_written_beside_the_app() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        let asked = app.report().clone();
        let mut worker = wgtrack::effects::Worker::start();
        app.update(Action::Save);
        assert!(app.session().is_saving());
        assert!(
            app.message().is_some_and(|m| m.text.starts_with("Saving ")),
            "{:?}",
            app.message()
        );
        worker.give(&mut app);
        app.update(Action::Save);
        assert!(app.message().is_some_and(|m| m.text.contains("under way")), "{:?}", app.message());
        app.update(Action::ProgressDown);
        let edited = app.report().clone();
        assert!(edited != asked, "the key was answered: {:?}", app.message());
        worker.finish(&mut app);
        assert!(!app.session().is_saving());
        assert!(store::load(&path).unwrap() == asked, "the file holds the report as asked");
        assert!(app.is_modified(), "the edit made while saving is not saved");
        assert!(*app.report() == edited);
    });
}

/// A save that fails (here the backup cannot be made: a directory has its name) keeps the
/// edits in the recovery journal, says so and how to save them under another name; the quit
/// dialog offers that too, and saving as another file works.
#[test]
fn a_failed_save_offers_to_save_under_another_name() {
    in_home(|home| {
        let (path, mut app) = opened_and_edited(home);
        fs::create_dir(store::backup_path(&path)).unwrap();
        send(&mut app, Action::Save);
        let said = app.message().expect("a message").text.clone();
        assert!(said.starts_with("Not saved: "), "{said}");
        let journals = recovery::find(&paths(home).recovery_dir(), &path);
        assert_eq!(journals.len(), 1, "the edits are in the journal");
        let kept = format!("Kept the unsaved edits in {}", journals[0].display());
        assert!(said.contains(&kept) && said.contains("{key:save_as}"), "{said}");
        assert!(app.is_modified());

        send(&mut app, Action::Quit);
        assert!(matches!(app.mode(), Mode::ConfirmQuit), "{:?}", app.mode());
        send(&mut app, Action::SaveAs);
        let Mode::SaveAs(offered) = app.mode() else { panic!("{:?}", app.mode()) };
        assert_eq!(*offered, format!("{}.new", path.display()));
        send(&mut app, Action::Confirm);
        let other = PathBuf::from(format!("{}.new", path.display()));
        assert_eq!(app.path(), other, "{:?}", app.message());
        assert!(!app.is_modified());
        assert!(store::load(&other).unwrap() == *app.report());
        assert!(fs::read(&path).unwrap() == store::SHIPPED.as_bytes(), "the old file as it was");
        send(&mut app, Action::Quit);
        assert!(app.should_quit());
    });
}

/// An edit behind the app's back that the old 64-bit digest could not see ("A preliminary
/// version" → "A preliminarc versioh" gave the shipped report the same value): it is a
/// conflict, and their text stays.
#[test]
fn an_edit_the_old_digest_missed_is_a_conflict() {
    in_home(|dir| {
        // The shipped report as it was first shipped, where the old digest was fooled.
        let ours = wgtrack::generate::first_shipped_text().unwrap();
        let path = dir.join("report.ron");
        fs::write(&path, &ours).unwrap();
        let mut app = opened(dir, &path);
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        let theirs = ours.replacen("A preliminary version", "A preliminarc versioh", 1);
        assert_ne!(theirs, ours);
        fs::write(&path, &theirs).unwrap();
        save_meets_the_conflict(&mut app, &path, theirs.as_bytes());
    });
}
