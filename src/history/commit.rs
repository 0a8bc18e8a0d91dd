//! Committing the report file with the `git` program.
//!
//! gix reads the history, but committing means updating the index, running the hooks and
//! taking the author from every level of git's configuration as git itself does; the `git`
//! program does all of that, and says what went wrong in words the user knows from git.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// How to run `git`: the program and what its environment adds or takes away. The app's
/// is the system's; tests pass one that sees no configuration but the repository's.
#[derive(Debug, Clone)]
pub struct Git {
    pub program: PathBuf,
    pub set: Vec<(OsString, OsString)>,
    pub remove: Vec<OsString>,
}

impl Default for Git {
    fn default() -> Git {
        Git { program: PathBuf::from("git"), set: Vec::new(), remove: Vec::new() }
    }
}

/// Why a commit was not made, in git's own words where git said something.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommitError {
    #[error("cannot run git: {0}")]
    NoGit(String),
    #[error("{}: is not in a git work tree", path.display())]
    NotInRepository { path: PathBuf },
    /// git refused or failed: what it said.
    #[error("{0}")]
    Git(String),
}

/// A commit made: its short id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Committed {
    pub id: String,
}

impl Git {
    fn command(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command.current_dir(dir).stdin(Stdio::null());
        for name in &self.remove {
            command.env_remove(name);
        }
        command.envs(self.set.iter().map(|(k, v)| (k, v)));
        command
    }

    fn run(&self, dir: &Path, args: &[&str], input: Option<&str>) -> Result<Output, CommitError> {
        let mut command = self.command(dir);
        command.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
        if input.is_some() {
            command.stdin(Stdio::piped());
        }
        let mut child = command.spawn().map_err(|e| CommitError::NoGit(e.to_string()))?;
        if let (Some(text), Some(mut stdin)) = (input, child.stdin.take()) {
            // A hook that exits before reading leaves the pipe closed: git says why.
            let _ = stdin.write_all(text.as_bytes());
        }
        child.wait_with_output().map_err(|e| CommitError::NoGit(e.to_string()))
    }

    fn succeed(
        &self,
        dir: &Path,
        args: &[&str],
        input: Option<&str>,
    ) -> Result<String, CommitError> {
        let output = self.run(dir, args, input)?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
        } else {
            Err(CommitError::Git(said(&output)))
        }
    }

    /// Whether the repository holding `file` is in the middle of a merge.
    pub fn merging(&self, file: &Path) -> Result<bool, CommitError> {
        let dir = work_dir(file)?;
        let output = self.run(&dir, &["rev-parse", "-q", "--verify", "MERGE_HEAD"], None)?;
        Ok(output.status.success())
    }

    /// Commits `file` alone with `message`; during a merge, adds it and commits the merge.
    pub fn commit(&self, file: &Path, message: &str) -> Result<Committed, CommitError> {
        let dir = work_dir(file)?;
        let inside = self.run(&dir, &["rev-parse", "--is-inside-work-tree"], None)?;
        if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
            return Err(CommitError::NotInRepository { path: file.to_path_buf() });
        }
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // `git add` first: `commit --only` refuses a file git does not know yet.
        self.succeed(&dir, &["add", "--", &name], None)?;
        // During a merge git refuses a commit of some paths (`--only`): the merge's commit
        // takes the whole index, where the other files of the merge already are.
        let merging = self.merging(file)?;
        let args: &[&str] = if merging {
            &["commit", "--file", "-", "--cleanup=strip"]
        } else {
            &["commit", "--file", "-", "--cleanup=strip", "--only", "--", &name]
        };
        self.succeed(&dir, args, Some(message))?;
        let id = self.succeed(&dir, &["rev-parse", "--short", "HEAD"], None)?;
        Ok(Committed { id })
    }
}

/// The directory git runs in: the file's own.
fn work_dir(file: &Path) -> Result<PathBuf, CommitError> {
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if dir.is_dir() {
        Ok(dir.to_path_buf())
    } else {
        Err(CommitError::NotInRepository { path: file.to_path_buf() })
    }
}

/// What git said about a failure, on one line: its `fatal:` and `error:` lines, else the
/// last line it wrote (a hook's last word, "nothing to commit, working tree clean").
fn said(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines = || stderr.lines().chain(stdout.lines()).map(str::trim).filter(|l| !l.is_empty());
    let marked: Vec<&str> =
        lines().filter(|l| l.starts_with("fatal:") || l.starts_with("error:")).collect();
    if !marked.is_empty() {
        return marked.join(" ");
    }
    let last = stderr.lines().chain(stdout.lines()).map(str::trim).rfind(|l| !l.is_empty());
    let text = last.unwrap_or_default().to_string();
    if text.is_empty() { format!("git failed ({})", output.status) } else { text }
}
