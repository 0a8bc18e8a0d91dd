//! Helpers shared by the integration tests: a hermetic `wgtrack` command, the shipped file on
//! disk, and the figures of the source document (LC/CE.20/3) written out by hand.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The group numerals of the report, in order.
pub const NUMERALS: [&str; 11] =
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];

/// The progress column of every group's activity table in the source document.
pub const PROGRESS: [&[u8]; 11] = [
    &[100, 100, 100, 100, 100, 0],
    &[100, 100, 100, 100, 90, 0, 0],
    &[70, 70, 60, 70, 50],
    &[100, 100, 100, 70, 50, 60, 10, 65, 100, 100],
    &[100, 95, 70, 0],
    &[
        100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 50, 30, 10, 20, 0, 0, 20, 20,
        0, 0, 0, 0,
    ],
    &[25, 60, 30, 15],
    &[100, 100, 100, 100, 100, 100, 8, 0],
    &[100, 100, 100, 70, 50, 40, 0, 0],
    &[100, 70, 70, 70],
    &[70, 50, 50, 50, 0],
];

/// The group topics, I to XI.
pub const TOPICS: [&str; 11] = [
    "Statistical quality",
    "Censuses",
    "Disasters",
    "Gender",
    "Children and adolescents",
    "Environment",
    "Migration",
    "Administrative records",
    "Service sector",
    "Security and criminal justice",
    "Labour",
];

/// Activities of a progress list counted as (completed, in progress, not started).
pub fn tally(progress: &[u8]) -> (usize, usize, usize) {
    let completed = progress.iter().filter(|&&p| p == 100).count();
    let not_started = progress.iter().filter(|&&p| p == 0).count();
    (completed, progress.len() - completed - not_started, not_started)
}

/// The exact mean of a progress list.
pub fn mean(progress: &[u8]) -> f64 {
    let sum: u32 = progress.iter().map(|&p| u32::from(p)).sum();
    f64::from(sum) / progress.len() as f64
}

/// Every progress value of the programme, group after group.
pub fn all_progress() -> Vec<u8> {
    PROGRESS.iter().flat_map(|g| g.iter().copied()).collect()
}

/// A `wgtrack` command that sees only `home`: every XDG directory and HOME point into it,
/// WGTRACK_FILE is unset, standard input is empty and the working directory is `home`.
pub fn wgtrack(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wgtrack"));
    command
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("WGTRACK_FILE")
        .stdin(Stdio::null());
    command
}

/// The default report file of a `wgtrack` run by [`wgtrack`] with this home.
pub fn default_file(home: &Path) -> PathBuf {
    home.join("data").join("wgtrack").join("report.ron")
}

/// Runs `wgtrack` with `args` in `home` and returns what it did.
pub fn run(home: &Path, args: &[&str]) -> Output {
    wgtrack(home).args(args).output().expect("run wgtrack")
}

/// The exit code, which must exist (the process was not killed by a signal).
pub fn code(output: &Output) -> i32 {
    output.status.code().expect("wgtrack exited normally")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts the exit code, printing both streams when it is not the expected one.
#[track_caller]
pub fn assert_code(output: &Output, expected: i32) {
    assert_eq!(
        output.status.code(),
        Some(expected),
        "exit status\n--- stdout\n{}\n--- stderr\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Writes the shipped report to `path` and returns the path.
pub fn write_shipped(path: &Path) -> PathBuf {
    fs::write(path, wgtrack::store::SHIPPED).expect("write the shipped report");
    path.to_path_buf()
}

/// The shipped text with `from` replaced (once) by `to`; the text must hold `from`.
#[track_caller]
pub fn shipped_with(from: &str, to: &str) -> String {
    let text = wgtrack::store::SHIPPED;
    assert!(text.contains(from), "the shipped report holds {from:?}");
    text.replacen(from, to, 1)
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The `line:column` that a message gives right after `name:`, if any.
pub fn location(message: &str, name: &str) -> Option<(usize, usize)> {
    let at = message.find(&format!("{name}:"))? + name.len() + 1;
    let mut parts = message[at..].splitn(3, ':');
    let line = parts.next()?.parse().ok()?;
    let column = parts.next()?.parse().ok()?;
    Some((line, column))
}

/// Names in `dir` left by an interrupted save: wgtrack's temporary files.
pub fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("list the directory")
        .map(|e| e.expect("directory entry").file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| (n.starts_with(".wgtrack-") && n.ends_with(".tmp")) || n.ends_with(".bak.tmp"))
        .collect()
}
