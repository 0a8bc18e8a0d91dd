//! Help and version, for the program and every command.

use crate::common::{assert_code, default_file, run, stderr, stdout, write_shipped};

const SUBCOMMANDS: [&str; 5] = ["init", "validate", "summary", "export", "set"];

#[test]
fn help_for_every_command() {
    let home = tempfile::tempdir().unwrap();
    let mut commands = vec![vec![]];
    commands.extend(SUBCOMMANDS.iter().map(|s| vec![*s]));
    for command in commands {
        let mut args = command.clone();
        args.push("--help");
        let out = run(home.path(), &args);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(text.contains("Usage: wgtrack"), "{args:?}: {text}");
        if let Some(name) = command.first() {
            assert!(text.contains(&format!("wgtrack {name}")), "{args:?}: {text}");
        }
    }
    // Asking for help reads no file and creates none.
    assert!(!default_file(home.path()).exists());
}

#[test]
fn version_at_the_top_level() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["--version"]);
    assert_code(&out, 0);
    assert_eq!(stdout(&out).trim(), format!("wgtrack {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn version_for_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    for command in SUBCOMMANDS {
        let out = run(home.path(), &[command, "--version"]);
        assert_code(&out, 0);
        assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")), "{command}: {}", stdout(&out));
    }
}

#[test]
fn a_mistyped_command_is_a_usage_error_with_a_suggestion() {
    let home = tempfile::tempdir().unwrap();
    for (typed, meant) in [("valdate", "validate"), ("sumary", "summary"), ("exprot", "export")] {
        let out = run(home.path(), &[typed]);
        assert_code(&out, 2);
        let message = stderr(&out);
        assert!(message.contains(typed) && message.contains(meant), "{message}");
    }
    assert!(!default_file(home.path()).exists());
}

#[test]
fn the_app_without_a_terminal_says_so() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    // A file named like a command is still a file: it is opened (here, without a terminal).
    let named = write_shipped(&home.path().join("validat"));
    for args in [&[][..], &[path.to_str().unwrap()][..], &[named.to_str().unwrap()][..]] {
        let out = run(home.path(), args);
        assert_code(&out, 2);
        let message = stderr(&out);
        assert_eq!(message, "wgtrack needs a terminal; use the subcommands for scripts\n");
        assert!(!message.contains("os error"), "{message}");
    }
    let out = run(home.path(), &["validat"]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("needs a terminal"), "{}", stderr(&out));
    assert!(!default_file(home.path()).exists());
}
