//! The user's own editor: Ctrl-O in the text editor hands the text to `$VISUAL` with the
//! terminal, and what it leaves comes back as one change, undone with one `u`.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use crate::common::home::Home;
use crate::common::pty::Pty;
use crate::common::pty::keys::{ENTER, ctrl};

/// A script in `home` that acts as an editor: runs `body` with the file as `$1`.
fn editor(home: &Home, name: &str, body: &str) -> PathBuf {
    let path = home.path().join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the editor");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).expect("make it runnable");
    path
}

/// The app on the home's report with `VISUAL` set to `editor`, group I's table focused and
/// the remarks of I.1 in the editor.
fn remarks_of_i_1(home: &Home, editor: &Path) -> Pty {
    let mut command = home.command();
    command.env("VISUAL", editor);
    let mut pty = Pty::spawn(command, 30, 100);
    pty.wait_for("Groups (11)");
    pty.send(ENTER);
    pty.send("r");
    pty.wait_for("Remarks of I.1");
    pty
}

#[test]
fn the_text_comes_back_from_the_users_editor_as_one_change() {
    let home = Home::new();
    // Sees the text the app handed over, and leaves its own; the terminal is its own
    // meanwhile (a real editor would draw there).
    let script = editor(
        &home,
        "edit.sh",
        "grep -q 'preliminary version' \"$1\" || exit 3\nprintf 'Rewritten *outside*.\\n' > \"$1\"",
    );
    let mut pty = remarks_of_i_1(&home, &script);
    pty.send(&ctrl('o'));
    let screen = pty.wait_for("Changed remarks of I.1");
    assert!(!screen.contains("Remarks of I.1 ("), "the editor closed:\n{screen}");
    pty.send(ENTER);
    pty.wait_for("Rewritten outside.");
    pty.send("u");
    pty.wait_for("Undid: changed remarks of I.1");
    pty.wait_for("A preliminary version of the translated");
    let left = fs::read_dir(home.path().join("state/wgtrack/editing")).expect("editing dir");
    assert_eq!(left.count(), 0, "the temporary file is removed");
    // Undone, the report is as loaded: nothing to save, nothing asked.
    pty.send("q");
    assert!(pty.wait_exit().success());
}

#[test]
fn an_editor_that_fails_leaves_the_text_as_typed() {
    let home = Home::new();
    let script = editor(&home, "fail.sh", "printf 'lost' > \"$1\"; exit 1");
    let mut pty = remarks_of_i_1(&home, &script);
    pty.send(" and more");
    pty.wait_for("and more");
    pty.send(&ctrl('o'));
    let screen = pty.wait_for("did not give the text back");
    assert!(screen.contains("and more"), "what was typed stays in the editor:\n{screen}");
    assert!(screen.contains("Remarks of I.1"), "the editor is still open:\n{screen}");
    assert!(!screen.contains("lost"), "{screen}");
}
