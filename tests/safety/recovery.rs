//! Unsaved edits survive `kill -9` of the app: they are journaled as they are made (text
//! being typed within a couple of seconds), and the next start offers to restore them.

use std::fs;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::effects::Worker;
use wgtrack::store::{self, recovery};

use crate::common::home::Home;
use crate::common::process::{in_home, opened, paths, wait_for, with_progress};
use crate::common::pty::{
    Pty, Signal,
    keys::{ENTER, ctrl},
};
use crate::common::{Driver, send, shipped};

/// The remarks typed just before the kill.
const TYPED: &str = "Typed just before the crash.";

/// What the recovery prompt lists for the edits of [`crash_with_edits`].
const LISTED: &str = "I.6: progress 0% → 5%, remarks";

/// Starts the app on the home's report and waits for its first screen.
fn open(home: &Home) -> Pty {
    let mut pty = Pty::spawn(home.app(&home.file), 40, 120);
    pty.wait_for("Groups (11)");
    pty
}

/// Opens the app, raises group I activity 6 from 0% to 5%, types [`TYPED`] as its remarks
/// (still in the editor), waits until both are journaled and kills the app with SIGKILL.
/// Returns the recovery file and what it held.
fn crash_with_edits(home: &Home) -> (PathBuf, Vec<u8>) {
    let mut pty = open(home);
    pty.send(ENTER);
    pty.wait_for(" p progress ");
    pty.send("G");
    pty.send("+");
    pty.wait_for("Changed progress of I.6: 0% → 5%");
    let file = wait_for("the recovery file", || home.recovery_files().first().cloned());

    pty.send("r");
    pty.wait_for("Remarks of I.6");
    pty.send(&ctrl('a'));
    pty.send(TYPED);
    pty.wait_for(TYPED);
    // Text in the editor is journaled within a second or so of being typed.
    let journaled = wait_for("the typed text in the recovery file", || {
        fs::read(&file).ok().filter(|b| String::from_utf8_lossy(b).contains(TYPED))
    });

    pty.signal(Signal::KILL);
    let status = pty.wait_exit();
    assert!(!status.success(), "killed: {status:?}");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the report file is unchanged");
    assert_eq!(home.recovery_files(), std::slice::from_ref(&file));
    assert!(fs::read(&file).unwrap() == journaled, "the journal is as the app left it");
    (file, journaled)
}

#[test]
fn edits_killed_with_sigkill_are_restored_and_saved() {
    let home = Home::new();
    let (file, _) = crash_with_edits(&home);

    let mut pty = open(&home);
    let screen = pty.wait_for("Restore unsaved edits?");
    assert!(screen.contains(LISTED), "the change is listed:\n{screen}");
    assert!(!pty.header().contains("modified"), "{}", pty.header());
    pty.send("r");
    pty.wait_for("Restored the unsaved edits");
    assert!(pty.header().contains("● modified"), "{}", pty.header());
    pty.send(ENTER);
    let screen = pty.wait_for(" p progress ");
    let row = screen.lines().find(|l| l.contains("  6  After the pilot")).expect("I.6's row");
    assert!(row.contains(" 5% "), "the progress is back: {row}");

    pty.send(&ctrl('s'));
    pty.wait_for("Saved ");
    assert!(!pty.header().contains("modified"), "{}", pty.header());
    let report = store::load(&home.file).expect("the saved report loads");
    let activity = &report.groups[0].activities[5];
    assert_eq!(activity.progress.get(), 5);
    assert_eq!(activity.remarks, TYPED, "the text typed before the kill is saved");
    assert!(!file.exists(), "the recovery file is gone after the save");
    assert!(home.recovery_files().is_empty());
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn restored_edits_can_be_kept_for_later_or_discarded() {
    let home = Home::new();
    let (file, journaled) = crash_with_edits(&home);

    // Kept: the saved file opens as it is; the recovery file stays for next time.
    let mut pty = open(&home);
    let screen = pty.wait_for("Restore unsaved edits?");
    assert!(screen.contains(LISTED), "{screen}");
    pty.send("k");
    pty.wait_for("Kept the unsaved edits in");
    assert!(!pty.screen().contains("Restore unsaved edits?"));
    assert!(!pty.header().contains("modified"), "{}", pty.header());
    pty.send(ENTER);
    let screen = pty.wait_for(" p progress ");
    let row = screen.lines().find(|l| l.contains("  6  After the pilot")).expect("I.6's row");
    assert!(row.contains(" 0% "), "the saved progress: {row}");
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(fs::read(&file).unwrap() == journaled, "the recovery file is kept as it was");
    assert!(home.bytes() == store::SHIPPED.as_bytes());

    // Offered again; discarded.
    let mut pty = open(&home);
    let screen = pty.wait_for("Restore unsaved edits?");
    assert!(screen.contains(LISTED), "{screen}");
    pty.send("d");
    pty.wait_for("Discarded the unsaved edits");
    assert!(!file.exists(), "the recovery file is gone");
    pty.send("q");
    assert!(pty.wait_exit().success());

    // Nothing to offer any more.
    let mut pty = open(&home);
    assert!(!pty.screen().contains("Restore unsaved edits?"), "{}", pty.screen());
    pty.send("q");
    assert!(pty.wait_exit().success());
    assert!(home.bytes() == store::SHIPPED.as_bytes());
}

/// "k" promises to keep the found edits for later. Editing the opened file, and saving it,
/// must not replace them.
#[test]
fn kept_edits_survive_new_edits() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        let found = with_progress(1, 6, 5);
        recovery::write(&paths(home).recovery_dir(), &path, &found, None, SystemTime::now())
            .unwrap();
        let (file, recovered) = recovery::read(&paths(home).recovery_dir(), &path).unwrap();
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        app.offer_recovery(recovered.unwrap(), file.clone());
        assert!(matches!(app.mode(), Mode::Recover(_)));
        send(&mut app, Action::KeepRecovery);
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        let kept = || {
            let text = fs::read_to_string(&file).expect("the kept recovery file is there");
            ron::from_str::<recovery::Recovery>(&text).expect("it reads").report
        };
        assert!(kept() == found, "the kept edits are still there");
        send(&mut app, Action::Save);
        assert!(kept() == found, "and still there after a save");
    });
}

/// Time passing journals the edits on the worker beside the app, as the event loop has it.
/// The file catches up with the edits however quickly they come; a save, or quitting once
/// the edits are undone, leaves no journal behind, even when one was being written then.
#[test]
fn the_journal_written_beside_the_app_catches_up_and_goes_when_nothing_is_unsaved() {
    in_home(|home| {
        // Large enough (about 1 MB) that a journal takes a while to write.
        let report = wgtrack::generate::report(40, 10, 7);
        let path = home.join("report.ron");
        fs::write(&path, store::to_text(&report)).unwrap();
        let dir = paths(home).recovery_dir();
        let journaled = || recovery::read(&dir, &path).and_then(|(_, found)| found.ok());
        let mut worker = Worker::start();
        let mut app = App::new(report.clone(), path.clone()).with_paths(&paths(home));
        // As the event loop does: the action, its effects to the worker, what came back.
        let step = |app: &mut App, worker: &mut Worker, action: Action| {
            app.update(action);
            worker.give(app);
            worker.take_done(app, Duration::ZERO);
        };
        step(&mut app, &mut worker, Action::Open);
        for _ in 0..4 {
            step(&mut app, &mut worker, Action::ProgressUp);
            step(&mut app, &mut worker, Action::Tick);
            step(&mut app, &mut worker, Action::Down);
        }
        let last = app.report().clone();
        assert!(last != report);
        wait_for("the journal to hold the last edit", || {
            step(&mut app, &mut worker, Action::Tick);
            journaled().map(|r| r.report).filter(|found| *found == last)
        });

        // Saved while a journal of a newer edit may be on its way: none is left.
        step(&mut app, &mut worker, Action::ProgressUp);
        step(&mut app, &mut worker, Action::Tick);
        step(&mut app, &mut worker, Action::Save);
        worker.finish(&mut app);
        assert!(!app.is_modified(), "{:?}", app.message());
        let found = recovery::find(&dir, &path);
        assert_eq!(found, Vec::<PathBuf>::new(), "the journal went with the save");

        // Edited, journaled, undone, quit: nothing to keep.
        step(&mut app, &mut worker, Action::ProgressUp);
        step(&mut app, &mut worker, Action::Tick);
        step(&mut app, &mut worker, Action::Undo);
        step(&mut app, &mut worker, Action::Quit);
        assert!(app.should_quit());
        worker.finish(&mut app);
        assert_eq!(recovery::find(&dir, &path), Vec::<PathBuf>::new(), "nothing unsaved is kept");
        drop(worker);
        let left: Vec<_> = fs::read_dir(&dir)
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "no file is left half-written: {left:?}");
    });
}

/// A newer recovery file that does not read (a crash while it was written, a disk error)
/// does not hide an older one that does: the older is offered, the newer is kept for
/// inspection under another name, and the app says so on its screen, not on the terminal
/// it covers.
#[test]
fn a_recovery_file_that_does_not_read_is_set_aside_and_an_older_one_offered() {
    let home = Home::new();
    let (older, _) = crash_with_edits(&home);
    let newer = older
        .with_file_name(older.file_name().unwrap().to_string_lossy().replace(".ron", "-later.ron"));
    fs::write(&newer, "(file: \"half a journal").unwrap();
    let later = SystemTime::now() + Duration::from_secs(60);
    fs::File::options().write(true).open(&newer).unwrap().set_modified(later).unwrap();

    let mut pty = open(&home);
    let screen = pty.wait_for("Restore unsaved edits?");
    assert!(screen.contains(LISTED), "the older journal is offered: {screen}");
    assert!(screen.contains("does not read was set aside"), "{screen}");
    let aside = PathBuf::from(format!("{}.unreadable", newer.display()));
    assert!(aside.exists(), "kept for inspection as {}", aside.display());
    assert!(!newer.exists());
    pty.send("k");
    pty.send("q");
    assert!(pty.wait_exit().success());
    let output = String::from_utf8_lossy(&pty.raw()).into_owned();
    assert!(!output.contains("ignoring a recovery file"), "nothing printed under the screen");
}

/// A report whose path is not UTF-8 text is journaled like any other: the journal is found
/// again by the path's own bytes, and nothing is said to be lost.
#[test]
fn a_report_path_that_is_not_utf8_is_journaled() {
    use std::os::unix::ffi::OsStrExt;
    in_home(|home| {
        let path = home.join(std::ffi::OsStr::from_bytes(b"informe_a\xf1o.ron"));
        fs::write(&path, store::SHIPPED).unwrap();
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        assert!(app.message().is_none_or(|m| !m.is_error), "{:?}", app.message());
        let (_, kept) = recovery::read(&paths(home).recovery_dir(), &path).expect("a journal");
        assert!(kept.expect("it reads").report == *app.report());
    });
}

/// While the journal cannot be written, the footer says why, and keeps saying it after
/// other keys, until it can; leaving by a signal then says the edits could not be kept.
#[test]
fn a_journal_that_cannot_be_written_is_said_until_it_can() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        // The state directory is a file: no journal can go there.
        fs::write(home.join("state"), "not a directory").unwrap();
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        let said = |app: &App| app.message().map(|m| (m.text.clone(), m.is_error));
        let (text, is_error) = said(&app).expect("a message");
        assert!(is_error && text.starts_with("Cannot keep a recovery copy"), "{text}");
        send(&mut app, Action::Down);
        assert_eq!(said(&app).map(|(t, _)| t), Some(text), "still said after a key");

        send(&mut app, Action::Terminate);
        let note = app.exit_note().expect("something is said on leaving");
        assert!(note.starts_with("unsaved edits could not be kept"), "{note}");

        // Once it can be written, the failure is no longer said.
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        fs::remove_file(home.join("state")).unwrap();
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Tick);
        assert!(app.message().is_none_or(|m| !m.is_error), "{:?}", app.message());
    });
}

/// Restored edits are this session's: once its journal holds them the old recovery file
/// goes, and when the session ends with nothing unsaved (the restore undone, say) no file
/// is left to offer the same edits again.
#[test]
fn restored_edits_are_not_offered_again_once_the_session_ends_clean() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        let dir = paths(home).recovery_dir();
        let found = with_progress(1, 6, 5);

        // Restored, undone, quit: nothing is offered next time.
        recovery::write(&dir, &path, &found, None, SystemTime::now()).unwrap();
        let (file, recovered) = recovery::read(&dir, &path).unwrap();
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        app.offer_recovery(recovered.unwrap(), file.clone());
        send(&mut app, Action::Restore);
        send(&mut app, Action::Undo);
        send(&mut app, Action::Quit);
        assert!(app.should_quit(), "nothing unsaved: {:?}", app.mode());
        assert_eq!(recovery::find(&dir, &path), Vec::<PathBuf>::new(), "nothing to offer");

        // Restored and journaled: the session's file holds the edits, the old one is gone.
        recovery::write(&dir, &path, &found, None, SystemTime::now()).unwrap();
        let (file, recovered) = recovery::read(&dir, &path).unwrap();
        let mut app = App::new(shipped(), path.clone()).with_paths(&paths(home));
        app.offer_recovery(recovered.unwrap(), file.clone());
        send(&mut app, Action::Restore);
        send(&mut app, Action::Tick);
        let files = recovery::find(&dir, &path);
        assert_eq!(files.len(), 1, "{files:?}");
        assert!(files[0] != file, "the session's own file");
        let (_, kept) = recovery::read(&dir, &path).unwrap();
        assert!(kept.unwrap().report == found);
    });
}

/// The edits of [`crash_with_edits`] were made on the shipped file; `set` then changed it
/// from the command line. The offer says the file changed and lists only the journal's own
/// edits; restoring applies them over the file, so the `set` stays, and where both changed
/// one field the prompt shows both values.
#[test]
fn edits_restored_over_a_file_changed_since_keep_the_changes_made_since() {
    let home = Home::new();
    crash_with_edits(&home);
    let file = home.file.to_str().unwrap();
    for (group, activity, progress) in [("II", "1", "55"), ("I", "6", "40")] {
        let set = home.run(&["-f", file, "set", group, activity, "--progress", progress]);
        assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    }

    let mut pty = open(&home);
    let screen = pty.wait_for("Restore unsaved edits?");
    assert!(screen.contains("The file changed since"), "{screen}");
    assert!(screen.contains(LISTED), "the journal's own edit is listed:\n{screen}");
    assert!(!screen.contains("II.1"), "the set is not taken for an edit:\n{screen}");
    assert!(
        screen.contains("progress of I.6: yours 5%, the file's 40% (was 0%); yours is kept"),
        "the field both changed is shown:\n{screen}"
    );
    pty.send("r");
    pty.wait_for("yours kept where both changed a field (1)");
    pty.send(&ctrl('s'));
    pty.wait_for("Saved ");
    pty.send("q");
    assert!(pty.wait_exit().success());

    let report = home.report();
    assert_eq!(report.groups[1].activities[0].progress.get(), 55, "the set is kept");
    let activity = &report.groups[0].activities[5];
    assert_eq!((activity.progress.get(), activity.remarks.as_str()), (5, TYPED));
}

/// Kept for later, then the file is changed and saved by a later session: offered again,
/// the kept edits are still only their own, and restoring them does not revert that save.
#[test]
fn kept_edits_restored_after_a_later_save_do_not_revert_it() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        let dir = paths(home).recovery_dir();

        // A session edits I.6 and its journal outlives it.
        let mut app = crate::common::process::opened(home, &path);
        send(&mut app, Action::Open);
        for _ in 0..5 {
            send(&mut app, Action::Down);
        }
        send(&mut app, Action::ProgressUp);
        send(&mut app, Action::Tick);
        let journal = recovery::find(&dir, &path);
        assert_eq!(journal.len(), 1, "journaled: {journal:?}");
        drop(app);

        // The next keeps them for later, edits II.1 and saves.
        let (file, recovered) = recovery::read(&dir, &path).unwrap();
        let mut app = crate::common::process::opened(home, &path);
        app.offer_recovery(recovered.unwrap(), file.clone());
        send(&mut app, Action::KeepRecovery);
        send(&mut app, Action::Down);
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Save);
        assert!(!app.is_modified(), "{:?}", app.message());
        let saved = store::load(&path).unwrap();
        let second = saved.groups[1].activities[0].progress;
        assert_ne!(second, shipped().groups[1].activities[0].progress, "II.1 was saved");

        // The one after restores the kept edits: I.6 comes back, II.1 stays as saved.
        let (file, recovered) = recovery::read(&dir, &path).unwrap();
        let mut app = crate::common::process::opened(home, &path);
        app.offer_recovery(recovered.unwrap(), file);
        let Mode::Recover(offer) = app.mode() else { panic!("offered: {:?}", app.mode()) };
        assert!(offer.file_changed);
        assert_eq!(offer.lines, ["I.6: progress 0% → 5%"]);
        assert_eq!(offer.conflicts, Vec::<String>::new());
        send(&mut app, Action::Restore);
        assert_eq!(app.report().groups[0].activities[5].progress.get(), 5);
        assert_eq!(app.report().groups[1].activities[0].progress, second, "the save stays");
    });
}

/// A required text cleared in the editor goes to the journal as it was, not empty, as
/// applying it would refuse it: the journal holds a report that saves as a file that loads,
/// and the next start offers it.
#[test]
fn a_required_text_cleared_while_typing_is_journaled_as_it_was() {
    in_home(|home| {
        let path = home.join("report.ron");
        fs::write(&path, store::SHIPPED).unwrap();
        let mut driver = Driver::of(opened(home, &path));
        driver.act(Action::Open);
        driver.act(Action::ProgressDown);
        driver.act(Action::EditDescription);
        driver.clear();
        driver.act(Action::Terminate);
        let latest = recovery::latest(&paths(home).recovery_dir(), &path);
        assert!(latest.set_aside.is_empty(), "{:?}", latest.set_aside);
        let (_, recovered) = latest.found.expect("the journal reads");
        assert!(recovered.report == *driver.app.report(), "the applied edits, the text as it was");
        assert!(!recovered.report.groups[0].activities[0].description.trim().is_empty());
    });
}
