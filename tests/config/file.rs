//! The configuration file: broken ones reported where they break with the defaults used,
//! every setting read, `config --default` read back, and the binary's use of the file.

use std::fs;
use std::path::{Path, PathBuf};

use ratatui::style::{Color, Modifier};
use wgtrack::config::{self, CommitWhen, Config, Lang};
use wgtrack::keymap::{Context, Keymap};
use wgtrack::store;
use wgtrack::ui::theme::Theme;

use crate::common::{assert_code, default_file, run, stderr, stdout, wgtrack, write_shipped};
use crate::{parse, path, spot, table};

/// Asserts that `text` is set aside with one fatal problem at `needle` (its `nth`
/// occurrence), whose message holds `says`.
#[track_caller]
fn broken(text: &str, needle: &str, nth: usize, says: &str) {
    let (config, problems) = parse(text);
    assert_eq!(config, Config::default(), "the defaults are used");
    assert_eq!(problems.len(), 1, "{problems:?}");
    let (line, column) = spot(text, needle, nth);
    let message = problems[0].to_string();
    let prefix = format!("{}:{line}:{column}: ", path().display());
    assert!(message.starts_with(&prefix), "{message:?} does not start with {prefix:?}");
    assert!(message.contains(says), "{message:?} does not say {says:?}");
    assert!(problems[0].fatal);
}

#[test]
fn broken_configurations_are_reported_where_they_break_and_the_defaults_apply() {
    // Syntax: where ron stops.
    let text = "(\n    theme: \"default\"\n    keys: {},\n)";
    let (config, problems) = parse(text);
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].at.map(|(line, _)| line), Some(3), "{}", problems[0]);
    assert!(problems[0].to_string().starts_with(&format!("{}:3:", path().display())));
    // A field that does not exist.
    let (_, problems) = parse("(\n  thme: \"default\",\n)");
    assert_eq!(problems.len(), 1);
    assert!(problems[0].to_string().contains(":2:"), "{}", problems[0]);
    assert!(problems[0].message.contains("thme"), "{}", problems[0]);

    broken(
        "(\n  keys: {\n    \"activities\": {\n      \"edit_progres\": [\"p\"],\n    },\n  },\n)",
        "\"edit_progres\"",
        0,
        "unknown action \"edit_progres\" (did you mean \"edit_progress\"?)",
    );
    broken(
        "(\n  keys: {\n    \"global\": { \"save\": [\"ctrl-s\", \"ctlr-w\"] },\n  },\n)",
        "\"ctlr-w\"",
        0,
        "key \"ctlr-w\" for save: unknown key name",
    );
    broken(
        "(keys: {\n  \"activites\": { \"save\": [\"w\"] },\n})",
        "\"activites\"",
        0,
        "unknown context \"activites\" (did you mean \"activities\"?)",
    );
    broken("(\n  theme: \"solarized\",\n)", "\"solarized\"", 0, "unknown theme \"solarized\"");
    broken(
        "(styles: {\n  \"selected\": (fg: \"blak\"),\n})",
        "\"blak\"",
        0,
        "fg of selected: unknown colour \"blak\"",
    );
    broken("(styles: {\n  \"selection\": (bold: true),\n})", "\"selection\"", 0, "unknown style");
    broken("(\n  lang: \"fr\",\n)", "\"fr\"", 0, "unknown language \"fr\"");
    broken(
        "(\n  theme: \"default\",\n  commit: \"sometimes\",\n)",
        "\"sometimes\"",
        0,
        "unknown commit setting \"sometimes\"; it is one of never, ask, always",
    );
    broken("(commit: \"alway\")", "\"alway\"", 0, "(did you mean \"always\"?)");
    // An action that carries data cannot be bound.
    broken(
        "(keys: { \"global\": { \"tick\": [\"t\"] } })",
        "\"tick\"",
        0,
        "unknown action \"tick\"",
    );
}

#[test]
fn several_problems_are_all_reported() {
    let text = "(\n  theme: \"dark\",\n  keys: { \"global\": { \"sav\": [\"ctrl-s\"], \"undo\": [\"cntrl-z\"] } },\n)";
    let (config, problems) = parse(text);
    assert_eq!(config, Config::default());
    let lines: Vec<Option<(usize, usize)>> = problems.iter().map(|p| p.at).collect();
    assert_eq!(
        lines,
        [
            Some(spot(text, "\"dark\"", 0)),
            Some(spot(text, "\"sav\"", 0)),
            Some(spot(text, "\"cntrl-z\"", 0))
        ]
    );
    let (summary, is_error) = config::summary(&problems).expect("a summary");
    assert!(is_error);
    assert!(summary.starts_with("config.ron:2:10: unknown theme \"dark\""), "{summary}");
    assert!(summary.ends_with("configuration not applied, using the defaults"), "{summary}");
}

#[test]
fn every_setting_reads() {
    let text = r##"// mine
Config(
    theme: "high-contrast",
    styles: {
        "selected": (fg: "black", bg: "cyan", bold: true),
        "muted": (fg: "#808080", italic: true, bold: false),
    },
    keys: {},
    file: "reports/2022-2023.ron",
    lang: Some("es"),
    commit: "ask",
)"##;
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    assert_eq!(config.lang, Some(Lang::Es));
    assert_eq!(config.commit, CommitWhen::Ask);
    assert_eq!(parse("(commit: Some(\"always\"))").0.commit, CommitWhen::Always);
    assert_eq!(parse("(commit: \"never\")").0.commit, CommitWhen::Never);
    assert_eq!(config.file, Some(path().parent().unwrap().join("reports/2022-2023.ron")));
    let theme = config.theme(None);
    let base = Theme::high_contrast();
    assert_eq!(theme.selected.fg, Some(Color::Black));
    assert_eq!(theme.selected.bg, Some(Color::Cyan));
    assert!(theme.selected.add_modifier.contains(Modifier::BOLD));
    assert_eq!(theme.muted.fg, Some(Color::Rgb(128, 128, 128)));
    assert!(theme.muted.add_modifier.contains(Modifier::ITALIC));
    assert_eq!(theme.header, base.header);
    let (config, problems) = parse("(file: Some(\"/srv/report.ron\"), lang: None)");
    assert_eq!(problems, []);
    assert_eq!(config.file, Some(PathBuf::from("/srv/report.ron")));
    assert_eq!(config.lang, None);
    // An empty file is no configuration.
    assert_eq!(parse("  \n").1, []);
    assert_eq!(parse("// (theme: \"no-color\")\n/* all gone */\n").1, []);
}

#[test]
fn the_default_configuration_reads_back_to_exactly_the_defaults() {
    let text = config::default_text();
    let (config, problems) = parse(&text);
    assert_eq!(problems, [], "problems in the default configuration");
    let (keymap, clashes) = config.keymap();
    assert_eq!(clashes, [], "clashes in the default configuration");
    assert_eq!(table(&keymap), table(&Keymap::default()));
    assert_eq!(keymap.all(), Keymap::default().all());
    assert_eq!(config.theme(None), Theme::default());
    assert_eq!(config.file, None);
    assert_eq!(config.lang, None);
    assert_eq!(config.commit, CommitWhen::Never);
    assert_eq!(config.styles, []);
    // Every context and every action bound in it by default is written out.
    for context in Context::all() {
        assert!(text.contains(&format!("\"{}\": {{", context.name())), "{context:?}");
    }
    for binding in Keymap::default().all() {
        assert!(text.contains(&format!("\"{}\": [", binding.action.name().unwrap())));
    }
    for name in Theme::NAMES {
        assert!(text.contains(&format!("\"{name}\"")), "{name}");
    }
}

#[test]
fn config_command_prints_the_path_and_a_default_that_the_binary_reads_back() {
    let home = tempfile::tempdir().unwrap();
    let output = run(home.path(), &["config", "--path"]);
    assert_code(&output, 0);
    let file = home.path().join("config").join("wgtrack").join("config.ron");
    assert_eq!(stdout(&output), format!("{}\n", file.display()));
    let output = run(home.path(), &["config", "--default"]);
    assert_code(&output, 0);
    assert_eq!(stdout(&output), config::default_text());
    let (config, problems) = config::parse(&file, &stdout(&output));
    assert_eq!(problems, []);
    assert_eq!(config.keymap().1, []);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(&file, stdout(&output)).unwrap();
    let (loaded, problems) = config::load(&file);
    assert_eq!(problems, []);
    assert_eq!(loaded.source.as_deref(), Some(file.as_path()));
    // Saved, it is read without a word.
    let output = run(home.path(), &["summary"]);
    assert_code(&output, 0);
    assert!(!stderr(&output).contains("config.ron"), "{}", stderr(&output));
    // Neither flag is a usage error.
    assert_code(&run(home.path(), &["config"]), 2);
}

/// Writes the configuration file of a `wgtrack` run in `home`.
fn write_config(home: &Path, text: &str) -> PathBuf {
    let dir = home.join("config").join("wgtrack");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("config.ron");
    fs::write(&file, text).unwrap();
    file
}

#[test]
fn a_broken_configuration_is_reported_by_the_binary_which_goes_on_with_the_defaults() {
    let home = tempfile::tempdir().unwrap();
    let plain = run(home.path(), &["summary"]);
    assert_code(&plain, 0);
    let text = "(\n    keys: {\n        \"global\": { \"sve\": [\"ctrl-s\"] },\n    },\n    file: \"elsewhere.ron\",\n)\n";
    let file = write_config(home.path(), text);
    let output = run(home.path(), &["summary"]);
    assert_code(&output, 0);
    let (line, column) = spot(text, "\"sve\"", 0);
    let expected = format!("wgtrack: {}:{line}:{column}: unknown action \"sve\"", file.display());
    assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    assert!(stderr(&output).contains("configuration not applied"), "{}", stderr(&output));
    // The defaults: the default report, not the configuration's file.
    assert_eq!(stdout(&output), stdout(&plain));
    // `config` itself does not read it.
    let output = run(home.path(), &["config", "--path"]);
    assert_eq!(stderr(&output), "");
}

#[test]
fn the_configuration_names_the_default_report_and_file_options_still_win() {
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "(file: \"reports/current.ron\")");
    let reports = home.path().join("config").join("wgtrack").join("reports");
    fs::create_dir_all(&reports).unwrap();
    let current = reports.join("current.ron");
    write_shipped(&current);
    let output = run(home.path(), &["set", "I", "6", "--progress", "40"]);
    assert_code(&output, 0);
    assert!(stderr(&output).contains(&current.display().to_string()), "{}", stderr(&output));
    assert!(!default_file(home.path()).exists(), "the default file was created");
    // -f wins.
    let other = home.path().join("other.ron");
    write_shipped(&other);
    let output =
        run(home.path(), &["-f", other.to_str().unwrap(), "set", "I", "6", "--progress", "30"]);
    assert_code(&output, 0);
    assert!(stderr(&output).contains("other.ron"), "{}", stderr(&output));
    // WGTRACK_FILE too.
    let output =
        wgtrack(home.path()).env("WGTRACK_FILE", &other).args(["summary"]).output().unwrap();
    assert_code(&output, 0);
    let (a, b) = (store::load(&current).unwrap(), store::load(&other).unwrap());
    assert_eq!(a.groups[0].activities[5].progress.get(), 40);
    assert_eq!(b.groups[0].activities[5].progress.get(), 30);
    // A file the configuration names must exist: it is not made from the shipped report.
    write_config(home.path(), "(file: \"missing.ron\")");
    let output = run(home.path(), &["summary"]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("missing.ron"), "{}", stderr(&output));
}
