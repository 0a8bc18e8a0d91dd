//! One writer at a time: while a wgtrack holds a report's lock, `set` refuses and a second
//! app only reads. A lock left by a process that is gone (on this host) is taken over; one
//! from another host never is.

use std::fs;

use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::store::lock::{self, host_name};
use wgtrack::store::{self, Clock, Expect, Fingerprint};

use crate::common::home::Home;
use crate::common::process::dead_pid;
use crate::common::{describe, send, shipped};

const SET: [&str; 7] = ["-f", "report.ron", "set", "VIII", "7", "--progress", "40"];

/// The app tells the time by the clock it is given: the lock of a file saved under a new
/// name and the journal record the same fixed moment.
#[test]
fn the_lock_and_the_journal_record_the_time_of_the_clock_given() {
    let home = Home::new();
    let moment = humantime::parse_rfc3339("2021-04-05T10:00:00Z").unwrap();
    let paths = store::Paths::under(home.path());
    let (report, fingerprint) = store::open(&home.file).unwrap();
    let mut app = App::new(report, home.file.clone())
        .with_disk(Expect::Content(fingerprint))
        .with_clock(Clock::Fixed(moment))
        .with_paths(&paths)
        .with_lock(lock::acquire(&home.file, Clock::Fixed(moment)));
    let held = fs::read_to_string(lock::lock_path(&home.file)).unwrap();
    assert!(held.contains("since 2021-04-05T10:00:00Z"), "{held}");

    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    send(&mut app, Action::Tick);
    let (_, journal) = store::recovery::read(&paths.recovery_dir(), &home.file).unwrap();
    assert_eq!(journal.unwrap().time, "2021-04-05T10:00:00Z");

    let other = home.path().join("other.ron");
    fs::write(&home.file, "changed by someone else").unwrap();
    send(&mut app, Action::Save);
    assert!(matches!(app.mode(), Mode::Conflict { .. }), "{:?}", app.mode());
    send(&mut app, Action::SaveAs);
    let typed = other.display().to_string();
    for _ in 0..200 {
        send(&mut app, Action::Erase);
    }
    send(&mut app, Action::Paste(typed));
    send(&mut app, Action::Confirm);
    assert_eq!(app.path(), other, "{:?}", app.message());
    let held = fs::read_to_string(lock::lock_path(&other)).unwrap();
    assert!(held.contains("since 2021-04-05T10:00:00Z"), "{held}");
}

#[test]
fn set_refuses_while_another_wgtrack_holds_the_report() {
    let home = Home::new();
    let held = lock::acquire(&home.file, Clock::System).expect("take the lock");
    let lock_file = lock::lock_path(&home.file);
    let ours = fs::read(&lock_file).unwrap();

    let output = home.run(&SET);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for word in [format!("pid {}", std::process::id()), host_name(), "since".to_string()] {
        assert!(stderr.contains(&word), "the message names {word:?}: {stderr}");
    }
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the file is unchanged");
    assert_eq!(fs::read(&lock_file).unwrap(), ours, "our lock is left alone");

    drop(held);
    assert!(!lock_file.exists(), "released");
    let output = home.run(&SET);
    assert!(output.status.success(), "{}", describe(&output));
    assert!(!lock_file.exists());
}

#[test]
fn a_second_app_only_reads() {
    let home = Home::new();
    // Since 2 December 2026, 01:05:35 UTC: said on the user's clock, in their words.
    let since = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_173_535);
    let _held = lock::acquire(&home.file, Clock::Fixed(since)).expect("take the lock");
    let fingerprint = Fingerprint::of(store::SHIPPED.as_bytes());
    let mut app = App::new(shipped(), home.file.clone())
        .with_disk(Expect::Content(fingerprint))
        .with_lock(lock::acquire(&home.file, Clock::System));
    let holder = app.read_only().expect("read-only").clone();
    assert_eq!(holder.pid, std::process::id());
    assert_eq!(holder.host, host_name());
    let said = app.message().expect("it says so");
    assert!(said.is_error && said.text.starts_with("Read-only"), "{said:?}");

    send(&mut app, Action::Open);
    // I.1 is at 100%, I.6 at 0%: each edit would change something.
    let edits = [
        (Action::Home, Action::ProgressDown),
        (Action::End, Action::ProgressUp),
        (Action::Home, Action::EditRemarks),
    ];
    for (to, edit) in edits {
        send(&mut app, to);
        send(&mut app, edit.clone());
        let said = app.message().expect("the edit is refused with a message");
        assert!(said.is_error && said.text.contains("Read-only"), "{edit:?}: {said:?}");
        assert!(said.text.contains(&format!("pid {}", std::process::id())), "{said:?}");
        assert!(!app.is_modified(), "{edit:?}");
    }
    // Whatever the editors let through, no change is taken.
    send(&mut app, Action::Back);
    send(&mut app, Action::EditProgress);
    for c in "40".chars() {
        send(&mut app, Action::Type(c));
    }
    send(&mut app, Action::Confirm);
    send(&mut app, Action::EditRemarks);
    send(&mut app, Action::Paste(" More.".into()));
    send(&mut app, Action::Back);
    assert!(!app.is_modified(), "no change was taken");
    assert!(*app.report() == shipped(), "the report is as loaded");

    send(&mut app, Action::Save);
    let said = app.message().expect("the save is refused with a message");
    assert!(said.is_error && said.text.contains("Read-only"), "{said:?}");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the file is unchanged");
    assert!(!store::backup_path(&home.file).exists(), "nothing was written");
}

/// A lock file as wgtrack writes it.
fn write_lock(home: &Home, pid: u32, host: &str) -> Vec<u8> {
    let text = format!("pid {pid}\nhost {host}\nsince 2021-04-05T09:00:00Z\n");
    fs::write(lock::lock_path(&home.file), &text).unwrap();
    text.into_bytes()
}

#[test]
fn a_stale_lock_on_this_host_is_taken_over() {
    let home = Home::new();
    write_lock(&home, dead_pid(), &host_name());
    let output = home.run(&SET);
    assert!(output.status.success(), "{}", describe(&output));
    assert!(!lock::lock_path(&home.file).exists(), "the lock is gone afterwards");
    let report = store::load(&home.file).unwrap();
    assert_eq!(report.groups[7].activities[6].progress.get(), 40);

    // The app takes it over too.
    write_lock(&home, dead_pid(), &host_name());
    let app =
        App::new(report, home.file.clone()).with_lock(lock::acquire(&home.file, Clock::System));
    assert!(app.read_only().is_none(), "{:?}", app.message());
    let holder = lock::holder(&lock::lock_path(&home.file)).expect("the app's lock");
    assert_eq!(holder.pid, std::process::id());
}

#[test]
fn a_lock_from_another_host_is_not_taken_over() {
    let home = Home::new();
    let host = "another-host.invalid";
    let theirs = write_lock(&home, dead_pid(), host);
    let output = home.run(&SET);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(host), "names the host: {stderr}");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the file is unchanged");
    assert_eq!(fs::read(lock::lock_path(&home.file)).unwrap(), theirs, "their lock stays");

    let app =
        App::new(shipped(), home.file.clone()).with_lock(lock::acquire(&home.file, Clock::System));
    assert_eq!(app.read_only().map(|h| h.host.as_str()), Some(host));
}

/// A `set` (or app) killed between creating its lock file and writing into it leaves an
/// empty lock file. Its owner is gone, but nothing can tell: every later `set` refuses
/// ("open in wgtrack (pid 0) on ? since ?") until someone removes the file by hand. The
/// crash test meets this about once in 200 kills.
///
/// Fails today: see the report (lock.rs `acquire`).
#[test]
fn an_empty_lock_file_is_taken_over() {
    let home = Home::new();
    fs::write(lock::lock_path(&home.file), "").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    let file = fs::File::options().write(true).open(lock::lock_path(&home.file)).unwrap();
    file.set_modified(old).unwrap();
    drop(file);
    let output = home.run(&SET);
    assert!(output.status.success(), "{}", describe(&output));
}

/// Read-only shows at all times: the header says who holds the report, the footer offers no
/// key that would be refused, and an edit key is refused at once, before anything is typed.
#[test]
fn read_only_is_shown_at_all_times_and_edit_keys_are_refused_at_once() {
    let home = Home::new();
    // Since 2 December 2026, 01:05:35 UTC: said on the user's clock, in their words.
    let since = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_796_173_535);
    let _held = lock::acquire(&home.file, Clock::Fixed(since)).expect("take the lock");
    let app =
        App::new(shipped(), home.file.clone()).with_lock(lock::acquire(&home.file, Clock::System));
    let mut d = crate::common::Driver::of(app).on_screen(120, 40);
    d.enter();
    d.draw();
    let header = d.text().lines().next().unwrap_or_default().to_string();
    let mark = format!("read-only: held by {}@{}", std::process::id(), host_name());
    assert!(header.contains(&mark), "{header}");
    let local = wgtrack::i18n::Lang::En.texts().local_time("2026-12-02T01:05:35Z");
    assert!(local.contains("December 2026, ") && local.ends_with(":05"), "{local}");
    assert!(header.contains(&format!("since {local}")), "{header}");
    let footer = d.text().lines().last().unwrap_or_default().to_string();
    for offered in ["progress", "remarks", "save", "undo"] {
        assert!(!footer.contains(offered), "{offered} offered in {footer}");
    }
    d.ch('p');
    assert!(matches!(d.app.mode(), Mode::Normal), "no prompt opens: {:?}", d.app.mode());
    let said = d.message();
    assert!(said.starts_with("Read-only"), "{said}");
    d.ch('j');
    d.draw();
    let header = d.text().lines().next().unwrap_or_default().to_string();
    assert!(header.contains(&mark), "still shown after other keys: {header}");
}
