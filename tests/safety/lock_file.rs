//! The lock file itself: never written through a symbolic link, the same for every name of
//! a report, and never read half-written by a writer that comes second.

use std::fs;
use std::os::unix::fs::symlink;

use wgtrack::action::Action;
use wgtrack::app::App;
use wgtrack::store::lock::{self, LockError};
use wgtrack::store::{self, Clock, Expect, recovery};

use crate::common::describe;
use crate::common::home::Home;
use crate::common::process::paths;
use crate::common::send;

const SET: [&str; 7] = ["-f", "report.ron", "set", "VIII", "7", "--progress", "40"];

/// `report.ron.lock` planted as a link to another file: wgtrack refuses, names the link and
/// leaves the file it points at as it was, whether it exists or not.
#[test]
fn a_lock_file_that_is_a_symbolic_link_is_never_written_through() {
    let home = Home::new();
    let victim = home.path().join("victim.txt");
    fs::write(&victim, "someone's notes\n").unwrap();
    let lock_file = lock::lock_path(&home.file);
    symlink(&victim, &lock_file).unwrap();

    let output = home.run(&SET);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("report.ron.lock"), "names the lock file: {stderr}");
    assert!(stderr.contains("symbolic link"), "says why: {stderr}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "someone's notes\n");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the report is unchanged");
    assert!(fs::symlink_metadata(&lock_file).unwrap().file_type().is_symlink(), "left there");

    // The library refuses it the same way, for the app too.
    let taken = lock::acquire(&home.file, Clock::System);
    assert!(matches!(taken, Err(LockError::Link { .. })), "{taken:?}");
    assert_eq!(fs::read_to_string(&victim).unwrap(), "someone's notes\n");

    // A link to nothing is not created through either.
    fs::remove_file(&victim).unwrap();
    let output = home.run(&SET);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(!victim.exists(), "nothing was created through the link");
}

/// The app on `real.ron` holds the report; `set` through `alias.ron → real.ron` is refused,
/// and both names find the same recovery files.
#[test]
fn every_name_of_a_report_shares_one_lock_and_one_journal() {
    let home = Home::new();
    let real = home.path().join("real.ron");
    fs::rename(&home.file, &real).unwrap();
    let alias = home.path().join("alias.ron");
    symlink("real.ron", &alias).unwrap();

    let _held = lock::acquire(&real, Clock::System).expect("take the lock");
    let output = home.run(&["-f", "alias.ron", "set", "VIII", "7", "--progress", "40"]);
    assert_eq!(output.status.code(), Some(1), "refused: {}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("pid {}", std::process::id())), "{stderr}");
    assert!(fs::read(&real).unwrap() == store::SHIPPED.as_bytes(), "unchanged");
    assert_eq!(lock::lock_path(&alias), lock::lock_path(&real));

    let paths = paths(home.path());
    let (report, fingerprint) = store::open(&real).unwrap();
    let mut app =
        App::new(report, real.clone()).with_disk(Expect::Content(fingerprint)).with_paths(&paths);
    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    send(&mut app, Action::Tick);
    let journals = recovery::find(&paths.recovery_dir(), &real);
    assert_eq!(journals.len(), 1);
    assert_eq!(recovery::find(&paths.recovery_dir(), &alias), journals, "found by either name");
}

/// Writers come and go on one report while others try: everyone who is refused is told a
/// real holder, never "pid 0 on ? since ?" from a lock file read while it was written or
/// after it was removed.
#[test]
fn a_refused_writer_always_reads_a_whole_holder() {
    let home = Home::new();
    let file = home.file.clone();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..16)
            .map(|_| {
                scope.spawn(|| {
                    let mut unknown = 0;
                    for _ in 0..300 {
                        match lock::acquire(&file, Clock::System) {
                            Ok(held) => drop(held),
                            Err(LockError::Held { holder, .. }) if holder.pid == 0 => unknown += 1,
                            Err(LockError::Held { .. }) => {}
                            Err(other) => panic!("{other}"),
                        }
                    }
                    unknown
                })
            })
            .collect();
        let unknown: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
        assert_eq!(unknown, 0, "refusals that named no holder");
    });
    assert!(!lock::lock_path(&file).exists(), "all let go");
}

/// The lock file is readable by others, as the usual mode of a new file (0666 less the
/// umask) makes it, so another user's wgtrack can say who holds the report.
#[test]
fn the_lock_file_has_the_usual_mode_of_a_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let _held = lock::acquire(&home.file, Clock::System).expect("take the lock");
    let mode = fs::metadata(lock::lock_path(&home.file)).unwrap().permissions().mode();
    let created = home.path().join("created");
    fs::write(&created, "").unwrap();
    let usual = fs::metadata(&created).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, usual & 0o777);
}
