//! A read-only file (mode 0444) is not replaced unasked: `wgtrack set` refuses without
//! `--force`, and the app asks, with a key of its own, before it saves over one; the answer
//! holds for the session. A file saved anyway keeps its mode. The mode bits decide, so the
//! tests hold when run as root, who could write the file.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use wgtrack::action::Action;
use wgtrack::app::{AfterSave, App, Mode};
use wgtrack::store::{self, Caution};

use crate::common::home::Home;
use crate::common::process::{in_home, opened, paths};
use crate::common::{Driver, assert_code, mode, send, stderr};

fn read_only(path: &Path) {
    fs::set_permissions(path, fs::Permissions::from_mode(0o444)).unwrap();
}

/// The shipped report in `home`, made read-only.
fn read_only_report(home: &Path) -> PathBuf {
    let path = home.join("report.ron");
    fs::write(&path, store::SHIPPED).unwrap();
    read_only(&path);
    path
}

/// The app on a read-only report in `home`, with an edit to save.
fn edited_read_only(home: &Path) -> (PathBuf, App) {
    let path = read_only_report(home);
    let mut app = opened(home, &path);
    send(&mut app, Action::Open);
    send(&mut app, Action::ProgressDown);
    (path, app)
}

#[test]
fn set_refuses_a_read_only_file_and_force_saves_it_keeping_the_mode() {
    let home = Home::new();
    read_only(&home.file);
    let output = home.run(&["-f", "report.ron", "set", "I", "6", "--progress", "35"]);
    assert_code(&output, 1);
    let said = stderr(&output);
    assert!(said.contains("report.ron: the file is read-only (mode 0444)"), "{said}");
    assert!(said.contains("--force"), "{said}");
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "nothing was written");
    assert_eq!(mode(&home.file), 0o444);

    let forced = &["-f", "report.ron", "set", "I", "6", "--progress", "35", "--force"];
    assert_code(&home.run(forced), 0);
    assert_eq!(home.report().groups[0].activities[5].progress.get(), 35);
    assert_eq!(mode(&home.file), 0o444, "the file saved anyway keeps its mode");
}

#[test]
fn the_app_asks_before_saving_a_read_only_file_and_no_keeps_the_edits_journaled() {
    in_home(|home| {
        let (path, mut app) = edited_read_only(home);
        send(&mut app, Action::Save);
        let asked = matches!(
            app.mode(),
            Mode::ConfirmSave { caution: Caution::ReadOnly { mode: 0o444 }, .. }
        );
        assert!(asked, "{:?}", app.mode());
        assert!(fs::read(&path).unwrap() == store::SHIPPED.as_bytes(), "nothing written yet");

        send(&mut app, Action::Back);
        assert!(matches!(app.mode(), Mode::Normal));
        assert!(app.is_modified());
        let said = &app.message().unwrap().text;
        assert!(said.starts_with("Not saved; the edits are still here. Kept"), "{said}");
        let journals = fs::read_dir(paths(home).recovery_dir()).unwrap().count();
        assert_eq!(journals, 1, "the edits are in the recovery journal");
        assert!(fs::read(&path).unwrap() == store::SHIPPED.as_bytes());

        // A no is not remembered: the next save asks again, and yes saves.
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::ConfirmSave { .. }), "{:?}", app.mode());
        send(&mut app, Action::Confirm);
        assert!(!app.is_modified(), "saved: {:?}", app.message());
        assert_eq!(mode(&path), 0o444, "the file keeps its mode");
        assert!(store::load(&path).unwrap() == *app.report());

        // Yes holds for the session.
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Save);
        assert!(matches!(app.mode(), Mode::Normal), "{:?}", app.mode());
        assert!(!app.is_modified(), "saved without asking: {:?}", app.message());
        assert!(store::load(&path).unwrap() == *app.report());
    });
}

#[test]
fn saving_on_quit_asks_too_and_quits_once_saved() {
    in_home(|home| {
        let (path, mut app) = edited_read_only(home);
        send(&mut app, Action::Quit);
        send(&mut app, Action::SaveAndQuit);
        let then = match app.mode() {
            Mode::ConfirmSave { then, .. } => *then,
            other => panic!("not asked: {other:?}"),
        };
        assert_eq!(then, AfterSave::Quit);
        assert!(!app.should_quit());
        send(&mut app, Action::Confirm);
        assert!(app.should_quit(), "{:?}", app.message());
        assert!(store::load(&path).unwrap() == *app.report());
        assert_eq!(mode(&path), 0o444);
    });
}

#[test]
fn only_y_saves_a_read_only_file_not_enter() {
    in_home(|home| {
        let path = read_only_report(home);
        let mut driver = Driver::of(opened(home, &path)).on_screen(100, 30);
        driver.enter();
        driver.ch('-');
        driver.ctrl('s');
        let screen = driver.settled_text();
        assert!(screen.contains("Save anyway?"), "{screen}");
        assert!(screen.contains("report.ron is read-only (mode 0444)"), "{screen}");
        assert!(screen.contains("y save anyway"), "{screen}");
        driver.enter();
        assert!(matches!(driver.app.mode(), Mode::ConfirmSave { .. }), "Enter does not answer");
        assert!(fs::read(&path).unwrap() == store::SHIPPED.as_bytes());
        driver.ch('y');
        assert!(!driver.app.is_modified(), "{}", driver.message());
        assert_eq!(mode(&path), 0o444);
    });
}
