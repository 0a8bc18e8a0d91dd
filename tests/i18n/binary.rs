//! The real binary: `--lang`, the configuration and the locale choose the language.

use crate::common::run;
#[cfg(unix)]
use crate::common::{home::Home, pty::Pty};

/// `wgtrack FILE` in a home of its own with the shipped report, a configuration holding
/// `config` if any, and only `vars` for a locale; its first screen.
#[cfg(unix)]
fn first_screen(args: &[&str], config: Option<&str>, vars: &[(&str, &str)]) -> String {
    let home = Home::new();
    if let Some(config) = config {
        let dir = home.dir.path().join("config/wgtrack");
        std::fs::create_dir_all(&dir).expect("config directory");
        std::fs::write(dir.join("config.ron"), config).expect("config file");
    }
    let mut command = home.command();
    command.args(args);
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut pty = Pty::spawn(command, 24, 80);
    let screen = pty.wait_until("the groups pane", |s| s.contents().contains(" (11) "));
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.screen());
    screen
}

#[cfg(unix)]
#[test]
fn the_binary_speaks_the_language_chosen() {
    let spanish = "Grupos de trabajo (11)";
    let english = "Groups (11)";
    let es_mx = [("LANG", "es_MX.UTF-8")];
    let c = [("LANG", "C.UTF-8")];
    let config_es = "(lang: Some(\"es\"))";
    let config_en = "(lang: Some(\"en\"))";
    for (args, config, vars, expected) in [
        (&[][..], None, &c[..], english),
        (&[], None, &es_mx, spanish),
        (&[], None, &[("LC_ALL", "es_CL.UTF-8"), ("LANG", "en_US.UTF-8")], spanish),
        (&[], None, &[("LC_MESSAGES", "es_AR.UTF-8")], spanish),
        (&["--lang", "es"], None, &c, spanish),
        (&["--lang", "en"], None, &es_mx, english),
        (&[], Some(config_es), &c, spanish),
        (&[], Some(config_en), &es_mx, english),
        (&["--lang", "en"], Some(config_es), &es_mx, english),
    ] {
        let screen = first_screen(args, config, vars);
        assert!(screen.contains(expected), "{args:?} {config:?} {vars:?}:\n{screen}");
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let home = tempfile::tempdir().expect("a temporary directory");
    let output = run(home.path(), &["--lang", "fr"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("en") && stderr.contains("es"), "{stderr}");
}
