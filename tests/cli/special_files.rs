//! Files that are not regular files (pipes, devices) and where output goes: nothing waits on
//! a pipe, nothing replaces a device, and no output overwrites the report.

use std::fs;

use crate::common::{assert_code, mkfifo, output_within, run, stderr, wgtrack, write_shipped};

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
