//! A temporary home for each test, the `wgtrack` binary confined to it, a way to run a test
//! body in a child process that sees only that home, and small helpers.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;
use tempfile::TempDir;
use wgtrack::model::{Progress, Report};
use wgtrack::store;

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// A temporary directory holding the XDG directories and a report file.
pub struct Home {
    pub dir: TempDir,
    /// `report.ron` in the home; written by [`Home::new`], absent with [`Home::empty`].
    pub file: PathBuf,
}

/// The environment a confined program gets: every XDG directory and HOME inside `home`.
fn confined_env(home: &Path) -> [(&'static str, PathBuf); 5] {
    [
        ("HOME", home.to_path_buf()),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_CACHE_HOME", home.join("cache")),
    ]
}

impl Home {
    /// A home with the shipped report in `report.ron`.
    pub fn new() -> Home {
        let home = Home::empty();
        fs::write(&home.file, store::SHIPPED).expect("write the shipped report");
        home
    }

    /// A home with no report file yet.
    pub fn empty() -> Home {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("report.ron");
        Home { dir, file }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `wgtrack ARGS…` confined to this home, standard input empty.
    pub fn wgtrack(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_wgtrack"));
        command.current_dir(self.path()).envs(confined_env(self.path()));
        command.env_remove("WGTRACK_FILE").env_remove("FAILPOINTS").stdin(Stdio::null());
        command
    }

    /// Runs `wgtrack ARGS…` to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.wgtrack().args(args).output().expect("run wgtrack")
    }

    /// `wgtrack FILE` for a pseudo-terminal: the app on `file`, confined to this home, with a
    /// known terminal type and locale and nothing else from this process's environment.
    pub fn app(&self, file: &Path) -> CommandBuilder {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_wgtrack"));
        command.arg(file);
        command.cwd(self.path());
        command.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        for (name, value) in confined_env(self.path()) {
            command.env(name, value);
        }
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command
    }

    /// The report file's bytes now.
    pub fn bytes(&self) -> Vec<u8> {
        fs::read(&self.file).expect("read the report file")
    }

    /// Where the app keeps recovery files: `$XDG_STATE_HOME/wgtrack/recovery`.
    pub fn recovery_dir(&self) -> PathBuf {
        self.path().join("state").join("wgtrack").join("recovery")
    }

    /// The recovery files (not temporary files) in the recovery directory.
    pub fn recovery_files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.recovery_dir()) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = entries
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                !name.starts_with('.') && name.ends_with(".ron")
            })
            .collect();
        files.sort();
        files
    }
}

/// Names in `dir` left by an interrupted save: wgtrack's temporary files, and the staging
/// name of a backup.
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
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("the file's metadata").permissions().mode() & 0o7777
}

/// The shipped report, parsed.
pub fn shipped() -> Report {
    store::shipped().expect("the shipped report loads")
}

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

/// The exit code and both streams, for assertion messages.
pub fn describe(output: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
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
pub fn paths(home: &Path) -> store::Paths {
    store::Paths::under(home)
}

/// The environment variable that marks a child run of this test binary and names its home.
const CHILD_HOME: &str = "WGTRACK_SAFETY_CHILD_HOME";

/// Runs `body` with a fresh home in a child process of this test binary, one whose
/// environment (HOME and the XDG directories) points into that home, so the recovery journal
/// and everything else the library writes stays inside it. `test` is this test's name as
/// the harness knows it (`module::function`); the child runs only that test, and the call
/// fails unless the child ran `body` to the end.
#[track_caller]
pub fn in_child(test: &str, body: impl FnOnce(&Path)) {
    if let Some(home) = std::env::var_os(CHILD_HOME) {
        let home = PathBuf::from(home);
        body(&home);
        fs::write(home.join(".ran"), test).expect("mark the body as run");
        return;
    }
    let home = tempfile::tempdir().expect("a temporary directory");
    let output = Command::new(std::env::current_exe().expect("this test binary"))
        // The parent decided to run the test, ignored or not.
        .args([test, "--exact", "--include-ignored", "--test-threads=1", "--nocapture"])
        .current_dir(home.path())
        .envs(confined_env(home.path()))
        .env(CHILD_HOME, home.path())
        .env_remove("WGTRACK_FILE")
        .env_remove("FAILPOINTS")
        .stdin(Stdio::null())
        .output()
        .expect("run this test binary again");
    assert!(output.status.success(), "the test failed in its child process: {}", describe(&output));
    let ran = fs::read_to_string(home.path().join(".ran")).unwrap_or_default();
    assert_eq!(ran, test, "the child process ran no test named {test:?}: {}", describe(&output));
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
