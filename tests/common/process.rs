//! Homes, processes and time: a test body run with a home of its own (wgtrack's directories
//! given as `Paths`), a pid that no process has, polling waits, and seeded random delays.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use wgtrack::model::{Progress, Report};
use wgtrack::store;

use super::pty::TIMEOUT;
use super::shipped;

/// The shipped report with activity `activity` (from 1) of group `group` (from 1) at
/// `progress`.
pub fn with_progress(group: usize, activity: usize, progress: u8) -> Report {
    let mut report = shipped();
    report.groups[group - 1].activities[activity - 1].progress =
        Progress::new(i64::from(progress)).expect("a percentage");
    report
}

/// The text wgtrack writes for `report`.
pub fn text(report: &Report) -> String {
    store::to_text(report)
}

/// Waits until `check` holds, polling; fails the test with `what` after [`TIMEOUT`].
#[track_caller]
pub fn wait_for<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Some(found) = check() {
            return found;
        }
        assert!(Instant::now() < deadline, "waited {TIMEOUT:?} for {what}");
        // Nothing to block on but the file system: the pause is short and bounded.
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// A pid that no process has: one of a process that has exited and been reaped.
pub fn dead_pid() -> u32 {
    let mut child = Command::new("true").spawn().expect("run `true`");
    let pid = child.id();
    child.wait().expect("wait for `true`");
    pid
}

/// Runs `body` with a fresh home: wgtrack's directories inside it are given to the library
/// as `Paths` (see [`paths`]), so nothing reads or changes this process's environment.
pub fn in_home(body: impl FnOnce(&Path)) {
    let home = tempfile::tempdir().expect("a temporary directory");
    body(home.path());
}

/// wgtrack's directories inside `home`, as the library is given them.
pub fn paths(home: &Path) -> wgtrack::store::Paths {
    wgtrack::store::Paths::under(home)
}

/// The app on the report at `path`, read as the binary reads it, journaling inside `home`.
pub fn opened(home: &Path, path: &Path) -> wgtrack::app::App {
    let (report, fingerprint) = store::open(path).expect("the report opens");
    wgtrack::app::App::new(report, path.to_path_buf())
        .with_disk(store::Expect::Content(fingerprint))
        .with_paths(&paths(home))
}

/// A tiny seeded generator (xorshift64*): reproducible random delays without a crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Sends `signal` to the process `pid`, which the test started and has not reaped.
pub fn signal(pid: u32, signal: rustix::process::Signal) {
    let raw = i32::try_from(pid).expect("a pid fits");
    let pid = rustix::process::Pid::from_raw(raw).expect("not pid 0");
    rustix::process::kill_process(pid, signal).expect("send the signal");
}
