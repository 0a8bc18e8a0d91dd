//! A save keeps what the user set up around the file: its mode, and a symlink stays a
//! symlink (the file it names is updated). Through `wgtrack set` and through the app; the
//! library's own save is covered in tests/store.rs.

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;

use wgtrack::action::Action;
use wgtrack::store;

use crate::common::home::Home;
use crate::common::process::{in_home, opened};
use crate::common::{describe, mode, send, temp_files};

const MODES: [u32; 2] = [0o600, 0o640];

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).expect("set the file's mode");
}

#[test]
fn set_keeps_the_mode() {
    for wanted in MODES {
        let home = Home::new();
        set_mode(&home.file, wanted);
        let output = home.run(&["-f", "report.ron", "set", "I", "6", "--progress", "35"]);
        assert!(output.status.success(), "{}", describe(&output));
        assert_eq!(mode(&home.file), wanted, "the mode {wanted:o} is kept");
        let report = store::load(&home.file).expect("the report loads");
        assert_eq!(report.groups[0].activities[5].progress.get(), 35);
        assert!(temp_files(home.path()).is_empty(), "left {:?}", temp_files(home.path()));
    }
}

#[test]
fn the_app_keeps_the_mode() {
    in_home(|home| {
        for wanted in MODES {
            let path = home.join(format!("report-{wanted:o}.ron"));
            fs::write(&path, store::SHIPPED).unwrap();
            set_mode(&path, wanted);
            let mut app = opened(home, &path);
            send(&mut app, Action::Open);
            send(&mut app, Action::ProgressDown);
            send(&mut app, Action::Save);
            assert!(!app.is_modified(), "saved: {:?}", app.message());
            assert_eq!(mode(&path), wanted, "the mode {wanted:o} is kept");
            assert!(store::load(&path).unwrap() == *app.report(), "the file holds the edits");
        }
    });
}

/// `dir/link.ron` → `real/report.ron`, relative, as users make them.
fn linked(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let real_dir = dir.join("real");
    fs::create_dir(&real_dir).unwrap();
    let target = real_dir.join("report.ron");
    fs::write(&target, store::SHIPPED).unwrap();
    set_mode(&target, 0o640);
    let link = dir.join("link.ron");
    symlink(Path::new("real").join("report.ron"), &link).unwrap();
    (link, target)
}

#[track_caller]
fn assert_still_linked(dir: &Path, link: &Path, target: &Path) {
    let meta = fs::symlink_metadata(link).expect("the link is there");
    assert!(meta.file_type().is_symlink(), "the link is still a link");
    assert_eq!(fs::read_link(link).unwrap(), Path::new("real").join("report.ron"));
    assert!(fs::metadata(target).unwrap().is_file());
    assert_eq!(mode(target), 0o640, "the target keeps its mode");
    assert!(store::backup_path(target).exists(), "the backup is beside the target");
    assert!(!store::backup_path(link).exists(), "not beside the link");
    assert!(temp_files(dir).is_empty(), "left {:?}", temp_files(dir));
    assert!(temp_files(&dir.join("real")).is_empty());
}

#[test]
fn set_through_a_symlink_updates_the_target_and_keeps_the_link() {
    let home = Home::empty();
    let (link, target) = linked(home.path());
    let output = home.run(&["-f", "link.ron", "set", "VIII", "7", "--progress", "40"]);
    assert!(output.status.success(), "{}", describe(&output));
    assert_still_linked(home.path(), &link, &target);
    let report = store::load(&target).expect("the target loads");
    assert_eq!(report.groups[7].activities[6].progress.get(), 40);
    assert!(fs::read(store::backup_path(&target)).unwrap() == store::SHIPPED.as_bytes());
}

#[test]
fn the_app_saving_through_a_symlink_keeps_the_link() {
    in_home(|home| {
        let (link, target) = linked(home);
        let mut app = opened(home, &link);
        send(&mut app, Action::Open);
        send(&mut app, Action::ProgressDown);
        send(&mut app, Action::Save);
        assert!(!app.is_modified(), "saved: {:?}", app.message());
        assert_still_linked(home, &link, &target);
        assert!(store::load(&target).unwrap() == *app.report(), "the target holds the edits");
    });
}
