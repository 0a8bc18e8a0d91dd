//! What killed or failed writers leave beside a report (`.wgtrack-*.tmp`, the backup's
//! `report.ron.bak.tmp`) is removed by the next writer that takes the lock; never what a
//! live writer is still writing, nor anything else.

use std::fs;
use std::time::{Duration, SystemTime};

use wgtrack::store::{self, Clock, lock};

use crate::common::describe;
use crate::common::home::Home;

const SET: [&str; 7] = ["-f", "report.ron", "set", "VIII", "7", "--progress", "40"];

/// Writes `name` in the home, last modified at `modified`.
fn left(home: &Home, name: &str, modified: SystemTime) -> std::path::PathBuf {
    let path = home.path().join(name);
    fs::write(&path, "a part of a report").unwrap();
    let file = fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
    path
}

#[test]
fn a_writer_that_takes_the_lock_sweeps_what_killed_writers_left() {
    let home = Home::new();
    let hour = Duration::from_secs(3600);
    let earlier = SystemTime::now() - hour;
    let stale: Vec<_> = ["abc123", "XyZ789", "000000"]
        .iter()
        .map(|id| left(&home, &format!(".wgtrack-{id}.tmp"), earlier))
        .collect();
    let staging = left(&home, "report.ron.bak.tmp", earlier);
    // A save in progress, of this or another report in the directory, holds its temporary
    // file's advisory lock; one written after the lock was taken is someone else's too.
    let live = left(&home, ".wgtrack-live01.tmp", earlier);
    let live_file = fs::File::open(&live).unwrap();
    live_file.try_lock().unwrap();
    let newer = left(&home, ".wgtrack-newer1.tmp", SystemTime::now() + hour);
    let others = [
        left(&home, "other.ron.bak.tmp", earlier),
        left(&home, "notes.tmp", earlier),
        left(&home, ".wgtrack-keep", earlier),
    ];

    let output = home.run(&SET);
    assert!(output.status.success(), "{}", describe(&output));
    for path in stale.iter().chain([&staging]) {
        assert!(!path.exists(), "{} is swept", path.display());
    }
    for path in others.iter().chain([&live, &newer]) {
        assert!(path.exists(), "{} stays", path.display());
    }
    drop(live_file);

    // The library's lock, as the app takes it, sweeps too.
    let stale = left(&home, ".wgtrack-appkil.tmp", earlier);
    let _held = lock::acquire(&home.file, Clock::System).unwrap();
    assert!(!stale.exists(), "swept when the app takes the lock");
}

/// A backup that cannot be put in place (here a directory holds its name) fails the save and
/// leaves no staging copy behind.
#[test]
fn a_failed_backup_leaves_no_staging_copy() {
    let home = Home::new();
    fs::create_dir(store::backup_path(&home.file)).unwrap();
    let output = home.run(&SET);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
    assert!(home.bytes() == store::SHIPPED.as_bytes(), "the file is unchanged");
    assert!(!home.path().join("report.ron.bak.tmp").exists(), "no staging copy is left");
}
