//! The real `wgtrack` binary in a pseudo-terminal, in a home of its own: a temporary
//! directory holding the XDG directories and a report file (a copy of the shipped report,
//! unless told otherwise). The benchmarks include it by path too.

use std::fs;
use std::path::PathBuf;

use portable_pty::CommandBuilder;
use tempfile::TempDir;
use wgtrack::model::Report;
use wgtrack::store;

use super::pty::{Pty, keys};

/// The numerals of the report's groups, I to XI.
pub const NUMERALS: [&str; 11] =
    ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"];

/// A temporary home with a report file in it.
pub struct Home {
    pub dir: TempDir,
    pub file: PathBuf,
}

impl Home {
    /// A home holding a copy of the shipped report.
    pub fn new() -> Home {
        Home::with_text(store::SHIPPED)
    }

    /// A home holding `text` as its report file.
    pub fn with_text(text: &str) -> Home {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("report.ron");
        fs::write(&file, text).expect("write the report file");
        Home { dir, file }
    }

    /// `wgtrack FILE`, seeing only this home: XDG directories and HOME inside it,
    /// WGTRACK_FILE unset, a known terminal type and locale.
    pub fn command(&self) -> CommandBuilder {
        let home = self.dir.path();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_wgtrack"));
        command.arg(&self.file);
        command.cwd(home);
        command.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_STATE_HOME", home.join("state"));
        command.env("XDG_CACHE_HOME", home.join("cache"));
        command.env_remove("WGTRACK_FILE");
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command
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
}

/// The shipped report, parsed.
pub fn shipped() -> Report {
    store::shipped().expect("the shipped report loads")
}

/// From the first group with the groups pane in focus, selects group `numeral` and opens
/// its activity table, checking that the group pane shows it.
#[track_caller]
pub fn open_group(pty: &mut Pty, numeral: &str) {
    let index = NUMERALS.iter().position(|n| *n == numeral).expect("a group numeral");
    let topic = &shipped().groups[index].topic;
    // Arrow keys and j alike move down one group.
    for step in 0..index {
        pty.send(if step % 2 == 0 { "j" } else { keys::DOWN });
    }
    pty.wait_for(&format!("┌ {numeral} · {topic} "));
    pty.send(keys::ENTER);
    // The table has the focus when the footer offers to edit progress.
    pty.wait_for(" p progress ");
}

/// The row of the screen that holds `text`; fails the test if none does.
#[track_caller]
pub fn row_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no row holds {text:?}; screen:\n{screen}"))
        .to_string()
}

/// The message line of the footer (the row above the key hints, on screens of 20 rows or
/// more).
pub fn message_row(pty: &Pty) -> String {
    let rows = pty.rows();
    rows[rows.len() - 2].clone()
}

/// The header row.
pub fn header_row(pty: &Pty) -> String {
    pty.rows()[0].clone()
}

/// Whether the row that shows `text` is highlighted as the selection (a background colour
/// or reverse video where the text starts).
pub fn selected(screen: &vt100::Screen, text: &str) -> bool {
    let (_, cols) = screen.size();
    let skip = text.chars().take_while(|c| *c == ' ').count();
    screen.rows(0, cols.get()).enumerate().any(|(row, line)| {
        line.find(text).is_some_and(|at| {
            let col = line[..at].chars().count() + skip;
            let (Ok(row), Ok(col)) = (u16::try_from(row), u16::try_from(col)) else {
                return false;
            };
            screen
                .cell(row, col)
                .is_some_and(|cell| cell.inverse() || cell.bgcolor() != vt100::Color::Default)
        })
    })
}
