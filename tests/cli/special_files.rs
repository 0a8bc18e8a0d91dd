//! Files that are not regular files (pipes, devices) and where output goes: nothing waits on
//! a pipe, nothing replaces a device, and no output overwrites the report.

use std::fs;

use std::os::unix::fs::FileTypeExt;

use wgtrack::store::{self, SHIPPED};

use crate::common::{
    assert_code, mkfifo, mknod_null, output_within, run, stderr, temp_files, wgtrack, write_shipped,
};

#[test]
fn a_fifo_as_the_report_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("report.ron");
    mkfifo(&fifo);
    let file = fifo.to_str().unwrap();
    for args in [
        &["-f", file, "validate"][..],
        &["-f", file, "summary"][..],
        &["-f", file, "set", "I", "1", "--progress", "5"][..],
        &["-f", file, "init", "--force"][..],
    ] {
        let mut command = wgtrack(home.path());
        command.args(args);
        let out = output_within(command, 10).unwrap_or_else(|| panic!("{args:?} hangs"));
        assert_code(&out, 1);
        let message = stderr(&out);
        assert!(message.contains(file) && message.contains("not a regular file"), "{message}");
    }
    assert!(!home.path().join("report.ron.lock").exists());
}

#[test]
fn remarks_from_a_fifo_are_read_before_the_lock_is_taken() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let fifo = home.path().join("remarks");
    mkfifo(&fifo);
    let mut command = wgtrack(home.path());
    command.args(["-f", path.to_str().unwrap(), "set", "I", "1", "--remarks-file"]).arg(&fifo);
    let child = std::thread::spawn(move || output_within(command, 20));
    // While wgtrack waits for the pipe's writer, the report is not locked.
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert!(!home.path().join("report.ron.lock").exists(), "locked while waiting");
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "set", "I", "2", "--progress", "7"]);
    assert_code(&out, 0);
    fs::write(&fifo, "From a pipe.\n").unwrap();
    let out = child.join().unwrap().expect("ends once the pipe is written");
    assert_code(&out, 0);
    let report = wgtrack::store::load(&path).unwrap();
    assert_eq!(report.groups[0].activities[0].remarks, "From a pipe.");
    assert_eq!(report.groups[0].activities[1].progress.get(), 7);
}

#[test]
fn export_and_new_round_never_write_over_the_report() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let link = home.path().join("link.ron");
    std::os::unix::fs::symlink(&path, &link).unwrap();
    let file = path.to_str().unwrap();
    for out_file in [file, link.to_str().unwrap()] {
        for args in [
            &["-f", file, "export", "--format", "json", "-o", out_file][..],
            &["-f", file, "export", "--format", "json", "-o", out_file, "--force"][..],
            &["-f", file, "new-round", "-o", out_file, "--force"][..],
        ] {
            let out = run(home.path(), args);
            assert_code(&out, 1);
            assert!(stderr(&out).contains("is the report itself"), "{}", stderr(&out));
        }
    }
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes(), "the report is as it was");
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
}

#[test]
fn an_existing_output_file_is_replaced_only_with_force() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let file = path.to_str().unwrap();
    let json = home.path().join("out.json");
    fs::write(&json, "keep me").unwrap();
    let args = ["-f", file, "export", "--format", "json", "-o", json.to_str().unwrap()];
    let out = run(home.path(), &args);
    assert_code(&out, 1);
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&json).unwrap(), "keep me");
    let out = run(home.path(), &[&args[..], &["--force"]].concat());
    assert_code(&out, 0);
    assert!(fs::read_to_string(&json).unwrap().starts_with('{'));
    assert!(temp_files(home.path()).is_empty());
}

#[test]
fn an_output_file_open_in_wgtrack_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let other = write_shipped(&home.path().join("other.ron"));
    let _lock = store::lock::acquire(&other, store::Clock::System).unwrap();
    let file = path.to_str().unwrap();
    for args in [
        &["-f", file, "export", "--format", "csv", "-o", other.to_str().unwrap(), "--force"][..],
        &["-f", file, "new-round", "-o", other.to_str().unwrap(), "--force"][..],
    ] {
        let out = run(home.path(), args);
        assert_code(&out, 1);
        assert!(stderr(&out).contains("open in wgtrack"), "{}", stderr(&out));
    }
    assert!(fs::read(&other).unwrap() == SHIPPED.as_bytes());
}

#[test]
fn a_fifo_as_output_is_written_into_not_replaced() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let fifo = home.path().join("out.pipe");
    mkfifo(&fifo);
    let reading = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read(fifo).unwrap())
    };
    let mut command = wgtrack(home.path());
    command.args(["-f", path.to_str().unwrap(), "export", "--format", "json", "-o"]).arg(&fifo);
    let out = output_within(command, 20).expect("the export ends");
    assert_code(&out, 0);
    let read = reading.join().unwrap();
    let report: wgtrack::model::Report = serde_json::from_slice(&read).unwrap();
    assert_eq!(report.symbol, "LC/CE.20/3");
    assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo(), "still a pipe");
}

/// Needs root (to make a device node); skips otherwise.
#[test]
fn a_device_as_output_stays_a_device() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let device = home.path().join("null");
    if !mknod_null(&device) {
        eprintln!("skipped: making a device node needs root");
        return;
    }
    let file = path.to_str().unwrap();
    for args in [
        &["-f", file, "export", "--format", "csv", "-o", device.to_str().unwrap()][..],
        &["-f", file, "new-round", "-o", device.to_str().unwrap()][..],
    ] {
        let out = run(home.path(), args);
        assert_code(&out, 0);
        assert!(fs::metadata(&device).unwrap().file_type().is_char_device(), "{args:?}");
    }
    assert!(temp_files(home.path()).is_empty());
}
