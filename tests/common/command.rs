//! The `wgtrack` binary confined to a temporary home (every XDG directory and HOME inside
//! it), reading what it did, and the files a save may leave behind.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The environment a confined program gets: every XDG directory and HOME inside `home`.
pub fn confined_env(home: &Path) -> [(&'static str, PathBuf); 5] {
    [
        ("HOME", home.to_path_buf()),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CACHE_HOME", home.join("cache")),
    ]
}

/// A `wgtrack` command that sees only `home`: every XDG directory and HOME point into it,
/// WGTRACK_FILE and FAILPOINTS are unset, standard input is empty and the working directory
/// is `home`.
pub fn wgtrack(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_wgtrack"));
    command.current_dir(home).envs(confined_env(home));
    command.env_remove("WGTRACK_FILE").env_remove("FAILPOINTS").stdin(Stdio::null());
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

/// Names in `dir` left by an interrupted save, sorted: wgtrack's temporary files, and the
/// staging name of a backup.
pub fn temp_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list the directory")
        .map(|e| e.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|n| (n.starts_with(".wgtrack-") && n.ends_with(".tmp")) || n.ends_with(".bak.tmp"))
        .collect();
    names.sort();
    names
}

/// The permission bits of a file.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("the file's metadata").permissions().mode() & 0o7777
}

/// The exit code and both streams, for assertion messages.
pub fn describe(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Runs `command` and returns what it did, or `None` after killing it if it has not ended
/// within `seconds` (a command waiting on a pipe forever).
pub fn output_within(mut command: Command, seconds: u64) -> Option<Output> {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(seconds);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(child.wait_with_output().unwrap())
}

/// Makes a named pipe (FIFO) at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Makes a character device at `path` that works as /dev/null does (1, 3); false where this
/// user may not (it needs root).
#[cfg(unix)]
pub fn mknod_null(path: &Path) -> bool {
    Command::new("mknod")
        .arg(path)
        .args(["c", "1", "3"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
