//! Git repositories made by the tests with the `git` program, in temporary directories: a
//! history of many versions of a report written in one `git fast-import`, and single commits.
//! Git sees no configuration but the repository's own (no system file, HOME inside).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tempfile::TempDir;

/// The name the report has in the repositories made here.
pub const REPORT: &str = "report.ron";
/// When the first commit of an imported history was made (2021-01-01); each next one is a
/// minute later.
pub const FIRST_TIME: i64 = 1_609_459_200;

/// A repository, with the report at its top; removed with its temporary directory if
/// it has one.
pub struct GitRepo {
    dir: PathBuf,
    _temp: Option<TempDir>,
}

impl GitRepo {
    /// An empty repository on branch `main`, in a temporary directory.
    pub fn new() -> GitRepo {
        let temp = tempfile::tempdir().expect("a temporary directory");
        GitRepo::init_in(temp.path().to_path_buf(), Some(temp))
    }

    /// An empty repository on branch `main` in `dir`, which exists (a test's home).
    pub fn init(dir: &Path) -> GitRepo {
        GitRepo::init_in(dir.to_path_buf(), None)
    }

    fn init_in(dir: PathBuf, temp: Option<TempDir>) -> GitRepo {
        let repo = GitRepo { dir, _temp: temp };
        repo.git(&["init", "-q", "-b", "main", "."]);
        repo
    }

    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// The report file in the work tree.
    pub fn file(&self) -> PathBuf {
        self.path().join(REPORT)
    }

    /// `git ARGS…` in the repository, which must succeed; what it printed.
    pub fn git(&self, args: &[&str]) -> String {
        let output = git_command(self.path()).args(args).output().expect("run git");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Commits `text` as the report with `message`, at `time` (seconds since the epoch).
    pub fn commit(&self, text: &str, message: &str, time: i64) {
        std::fs::write(self.file(), text).expect("write the report");
        self.git(&["add", REPORT]);
        let date = format!("@{time} +0000");
        let mut command = git_command(self.path());
        command.env("GIT_AUTHOR_DATE", &date).env("GIT_COMMITTER_DATE", &date);
        let output = command.args(["commit", "-q", "-m", message]).output().expect("run git");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }

    /// Appends one commit per `(message, text)` to `main`, oldest first, the first at
    /// `FIRST_TIME` and each a minute after, all in one `git fast-import`; then the work
    /// tree holds the last.
    pub fn import(&self, versions: &[(String, String)]) {
        let has_head = git_command(self.path())
            .args(["rev-parse", "-q", "--verify", "HEAD"])
            .output()
            .is_ok_and(|o| o.status.success());
        let mut stream = Vec::new();
        for (k, (message, text)) in versions.iter().enumerate() {
            let time = FIRST_TIME + 60 * k as i64;
            write!(stream, "blob\nmark :{}\ndata {}\n", 2 * k + 1, text.len()).unwrap();
            stream.extend_from_slice(text.as_bytes());
            write!(stream, "\ncommit refs/heads/main\nmark :{}\n", 2 * k + 2).unwrap();
            for who in ["author", "committer"] {
                writeln!(stream, "{who} Ana Pérez <ana@example.org> {time} +0000").unwrap();
            }
            write!(stream, "data {}\n{message}\n", message.len()).unwrap();
            if k == 0 && has_head {
                writeln!(stream, "from refs/heads/main^0").unwrap();
            }
            writeln!(stream, "M 100644 :{} {REPORT}\n", 2 * k + 1).unwrap();
        }
        let mut child = git_command(self.path())
            .args(["fast-import", "--quiet"])
            .stdin(Stdio::piped())
            .spawn()
            .expect("run git fast-import");
        child.stdin.take().expect("stdin").write_all(&stream).expect("feed git fast-import");
        assert!(child.wait().expect("git fast-import ends").success(), "git fast-import failed");
        self.git(&["reset", "-q", "--hard", "main"]);
    }
}

/// `git` in `dir`, seeing no configuration outside the repository.
pub fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env("GIT_AUTHOR_NAME", "Ana Pérez")
        .env("GIT_AUTHOR_EMAIL", "ana@example.org")
        .env("GIT_COMMITTER_NAME", "Ana Pérez")
        .env("GIT_COMMITTER_EMAIL", "ana@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE");
    command
}

/// How the app runs `git` on a repository in `dir`, as [`git_command`] does: no
/// configuration but the repository's; with an author in the environment, or none
/// (then git takes it from the repository's configuration, or fails for want of one).
pub fn confined_git(dir: &Path, author: bool) -> wgtrack::history::Git {
    let mut set: Vec<(&str, &std::ffi::OsStr)> = vec![
        ("GIT_CONFIG_NOSYSTEM", "1".as_ref()),
        ("GIT_CONFIG_GLOBAL", "/dev/null".as_ref()),
        ("HOME", dir.as_os_str()),
    ];
    if author {
        for name in ["GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"] {
            set.push((name, "Ana Pérez".as_ref()));
        }
        for email in ["GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"] {
            set.push((email, "ana@example.org".as_ref()));
        }
    }
    let mut remove: Vec<std::ffi::OsString> =
        ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"].map(Into::into).to_vec();
    if !author {
        for name in ["NAME", "EMAIL"] {
            for who in ["AUTHOR", "COMMITTER"] {
                remove.push(format!("GIT_{who}_{name}").into());
            }
        }
        remove.push("EMAIL".into());
    }
    wgtrack::history::Git {
        program: PathBuf::from("git"),
        set: set.into_iter().map(|(k, v)| (k.into(), v.to_os_string())).collect(),
        remove,
    }
}
