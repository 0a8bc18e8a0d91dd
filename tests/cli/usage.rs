//! Help and version, for the program and every command.

use crate::common::{assert_code, default_file, run, stdout};

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
