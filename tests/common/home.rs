//! A temporary home for one test: a directory holding the XDG directories and a report file,
//! and the `wgtrack` binary confined to it, run to the end or opened in a pseudo-terminal.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use portable_pty::CommandBuilder;
use tempfile::TempDir;
use wgtrack::model::Report;
use wgtrack::store;

use super::command::{confined_env, wgtrack};
use super::pty::Pty;

/// A temporary directory holding the XDG directories and a report file.
pub struct Home {
    pub dir: TempDir,
    /// `report.ron` in the home; written by [`Home::new`] and [`Home::with_text`], absent
    /// with [`Home::empty`].
    pub file: PathBuf,
}

impl Home {
    /// A home holding a copy of the shipped report.
    pub fn new() -> Home {
        Home::with_text(store::SHIPPED)
    }

    /// A home holding `text` as its report file.
    pub fn with_text(text: &str) -> Home {
        let home = Home::empty();
        fs::write(&home.file, text).expect("write the report file");
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
        wgtrack(self.path())
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

    /// `wgtrack FILE` on this home's report file, for a pseudo-terminal.
    pub fn command(&self) -> CommandBuilder {
        self.app(&self.file)
    }

    /// Opens the app on the report in a terminal of `rows` × `cols` and waits for its
    /// first screen.
    #[track_caller]
    pub fn open(&self, rows: u16, cols: u16) -> Pty {
        let mut pty = Pty::spawn(self.command(), rows, cols);
        pty.wait_for("Groups (11)");
        pty
    }

    /// The report file's bytes now.
    pub fn bytes(&self) -> Vec<u8> {
        fs::read(&self.file).expect("read the report file")
    }

    /// The report file, parsed.
    pub fn report(&self) -> Report {
        let text = fs::read_to_string(&self.file).expect("read the report file");
        store::parse(&self.file, &text).expect("the report file loads")
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
