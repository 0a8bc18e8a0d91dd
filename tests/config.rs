//! The configuration file: keys rebound and what they do, clashes reported at their line,
//! broken files reported as `file:line:column` with the defaults used, `config --default`
//! reading back to the defaults, the themes and NO_COLOR, and the `file` setting.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use wgtrack::action::{Action, Pane};
use wgtrack::app::App;
use wgtrack::config::{self, Config, Lang, Problem};
use wgtrack::keymap::{self, Context, Key, Keymap};
use wgtrack::store;
use wgtrack::ui::{self, ViewState, theme::Theme};

use common::{assert_code, line_col, run, stderr, stdout};

/// A path for problems to name; nothing is read from it.
fn path() -> PathBuf {
    PathBuf::from("/home/secretary/.config/wgtrack/config.ron")
}

/// Parses `text` as the configuration file at [`path`].
fn parse(text: &str) -> (Config, Vec<Problem>) {
    config::parse(&path(), text)
}

/// The line and column of the `nth` (from 0) occurrence of `needle` in `text`.
#[track_caller]
fn spot(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs {} times", nth + 1))
        .0;
    line_col(text, offset)
}

fn app(focus: Pane) -> App {
    let mut app = App::new(store::shipped().expect("shipped"), PathBuf::from("/data/report.ron"));
    let path: &[Action] = match focus {
        Pane::Groups => &[],
        Pane::Activities => &[Action::Open],
        Pane::Activity => &[Action::Open, Action::Open],
        Pane::Overview => &[Action::Overview],
        Pane::Details => &[Action::Details],
    };
    for action in path {
        wgtrack::effects::act(&mut app, action.clone());
    }
    assert_eq!(app.focus(), focus);
    app
}

fn press(keymap: &Keymap, app: &App, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    keymap.action(app, KeyEvent::new(code, modifiers))
}

/// The bindings of every context, in order: what a keymap does and shows.
fn table(keymap: &Keymap) -> Vec<keymap::Binding> {
    Context::all().flat_map(|c| keymap.bindings(c).cloned().collect::<Vec<_>>()).collect()
}

#[test]
fn every_default_binding_has_an_action_name_and_a_key_name_that_read_back() {
    for binding in Keymap::default().all() {
        let name = binding.action.name().unwrap_or_else(|| panic!("{:?}", binding.action));
        assert_eq!(Action::from_name(name).as_ref(), Some(&binding.action), "{name}");
        assert!(Action::bindable().any(|a| a == binding.action), "{name} is not bindable");
        let key = Key::new(binding.code, binding.modifiers);
        assert_eq!(Key::parse(&key.name()), Ok(key), "{}", key.name());
        // The key as the screen shows it reads back too.
        let label = keymap::key_label(binding.code, binding.modifiers);
        assert_eq!(Key::parse(&label), Ok(key), "{label}");
        assert_eq!(Context::from_name(binding.context.name()), Some(binding.context));
    }
    for context in Context::all() {
        for (actions, _) in keymap::hints(context) {
            for action in *actions {
                assert!(action.name().is_some(), "{action:?} in the hints has no name");
            }
        }
    }
}

#[test]
fn contexts_that_fall_back_to_global_are_those_the_keymap_looks_up_so() {
    for pane in [Pane::Groups, Pane::Activities, Pane::Activity, Pane::Overview, Pane::Details] {
        let contexts = keymap::contexts(&app(pane));
        assert_eq!(contexts.len(), 2, "{pane:?}");
        assert_eq!(contexts[1], Context::Global);
        assert!(contexts[0].falls_back_to_global(), "{pane:?}");
    }
    assert!(!Context::Global.falls_back_to_global());
    assert!(!Context::Help.falls_back_to_global());
}

#[test]
fn key_names() {
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let cases = [
        ("a", Key::new(KeyCode::Char('a'), none)),
        ("A", Key::new(KeyCode::Char('A'), none)),
        ("shift-a", Key::new(KeyCode::Char('A'), none)),
        ("ctrl-s", Key::new(KeyCode::Char('s'), ctrl)),
        ("Ctrl-S", Key::new(KeyCode::Char('s'), ctrl)),
        ("CTRL-s", Key::new(KeyCode::Char('s'), ctrl)),
        ("ctrl-shift-s", Key::new(KeyCode::Char('S'), ctrl)),
        ("alt-x", Key::new(KeyCode::Char('x'), KeyModifiers::ALT)),
        ("alt-up", Key::new(KeyCode::Up, KeyModifiers::ALT)),
        ("shift-tab", Key::new(KeyCode::BackTab, none)),
        ("Shift-Tab", Key::new(KeyCode::BackTab, none)),
        ("enter", Key::new(KeyCode::Enter, none)),
        ("esc", Key::new(KeyCode::Esc, none)),
        ("tab", Key::new(KeyCode::Tab, none)),
        ("backspace", Key::new(KeyCode::Backspace, none)),
        ("delete", Key::new(KeyCode::Delete, none)),
        ("Del", Key::new(KeyCode::Delete, none)),
        ("up", Key::new(KeyCode::Up, none)),
        ("↓", Key::new(KeyCode::Down, none)),
        ("left", Key::new(KeyCode::Left, none)),
        ("right", Key::new(KeyCode::Right, none)),
        ("pageup", Key::new(KeyCode::PageUp, none)),
        ("PgDn", Key::new(KeyCode::PageDown, none)),
        ("home", Key::new(KeyCode::Home, none)),
        ("end", Key::new(KeyCode::End, none)),
        ("f1", Key::new(KeyCode::F(1), none)),
        ("F12", Key::new(KeyCode::F(12), none)),
        ("space", Key::new(KeyCode::Char(' '), none)),
        ("+", Key::new(KeyCode::Char('+'), none)),
        ("-", Key::new(KeyCode::Char('-'), none)),
        ("ctrl--", Key::new(KeyCode::Char('-'), ctrl)),
        ("?", Key::new(KeyCode::Char('?'), none)),
        ("é", Key::new(KeyCode::Char('é'), none)),
    ];
    for (text, key) in cases {
        assert_eq!(Key::parse(text), Ok(key), "{text}");
        assert_eq!(Key::parse(&key.name()), Ok(key), "{text} as {}", key.name());
        // The screen writes Ctrl-S for Ctrl with s, and so for Ctrl with S as well.
        if text != "ctrl-shift-s" {
            assert_eq!(Key::parse(&key.label()), Ok(key), "{text} as {}", key.label());
        }
    }
    for bad in ["", "ctrl-", "pagedwn", "f0", "f25", "shift-/", "ctrl-alt-", "hyper-x"] {
        assert!(Key::parse(bad).is_err(), "{bad:?} parsed");
    }
}

#[test]
fn rebound_keys_do_their_actions_and_the_old_keys_no_longer_do() {
    let text = r#"(
    keys: {
        "activities": { "edit_progress": ["P", "f2"] },
        "global": { "save": ["ctrl-w"], "undo": ["ctrl-z", "u"] },
    },
)"#;
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    let (keymap, clashes) = config.keymap();
    assert_eq!(clashes, []);
    let table_focus = app(Pane::Activities);
    let none = KeyModifiers::NONE;
    let ctrl = KeyModifiers::CONTROL;
    let shift = KeyModifiers::SHIFT;
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('P'), shift), Some(Action::EditProgress));
    assert_eq!(press(&keymap, &table_focus, KeyCode::F(2), none), Some(Action::EditProgress));
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('p'), none), None);
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('w'), ctrl), Some(Action::Save));
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('s'), ctrl), None);
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('z'), ctrl), Some(Action::Undo));
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('u'), none), Some(Action::Undo));
    // The activity view keeps its own default: only the table was rebound.
    let view = app(Pane::Activity);
    assert_eq!(press(&keymap, &view, KeyCode::Char('p'), none), Some(Action::EditProgress));
    // The footer and help show the new keys.
    assert_eq!(keymap.keys(Context::Activities, &Action::EditProgress), ["P", "F2"]);
    assert_eq!(keymap.keys(Context::Global, &Action::Save), ["Ctrl-W"]);
    // An empty list leaves the action no key.
    let (config, problems) = parse(r#"(keys: { "global": { "help": [] } })"#);
    assert_eq!(problems, []);
    let (keymap, _) = config.keymap();
    assert_eq!(press(&keymap, &app(Pane::Groups), KeyCode::Char('?'), none), None);
}

#[test]
fn clashes_are_reported_at_their_line_and_say_who_keeps_the_key() {
    let text = r#"(
    keys: {
        "activities": {
            "edit_progress": ["p", "x"],
            "undo": ["p"],
        },
        "global": {
            "overview": ["s"],
        },
        "groups": {
            "open": ["enter", "u"],
        },
    },
)"#;
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    let (keymap, clashes) = config.keymap();
    let messages: Vec<String> = clashes.iter().map(Problem::to_string).collect();
    let at = |needle: &str, nth: usize| {
        let (line, column) = spot(text, needle, nth);
        format!("{}:{line}:{column}: ", path().display())
    };
    let expected = [
        format!(
            "{}key \"x\" is bound to both edit_progress and clear_filter (by default) in \
             activities: it is now edit_progress; clear_filter loses it and has no key left in \
             activities",
            at("\"x\"", 0)
        ),
        format!(
            "{}key \"p\" is bound to both undo and edit_progress (line 4) in activities: it stays \
             edit_progress; this binding is ignored",
            at("\"p\"", 1)
        ),
        format!(
            "{}key \"s\" is bound to both overview (in global) and sort_groups (by default) in \
             overview: it is now overview; sort_groups loses it and has no key left in overview",
            at("\"s\"", 0)
        ),
        format!(
            "{}key \"u\" is bound to both open and undo (in global, by default) in groups: in \
             groups it is open; undo still works elsewhere",
            at("\"u\"", 0)
        ),
    ];
    assert_eq!(messages, expected);
    assert!(clashes.iter().all(|p| !p.fatal));
    assert_eq!(clashes[1].at, Some((5, 22)));
    // The configuration still applies, as the messages say.
    let none = KeyModifiers::NONE;
    let table_focus = app(Pane::Activities);
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('p'), none), Some(Action::EditProgress));
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('x'), none), Some(Action::EditProgress));
    assert_eq!(press(&keymap, &table_focus, KeyCode::Char('u'), none), Some(Action::Undo));
    let overview = app(Pane::Overview);
    assert_eq!(press(&keymap, &overview, KeyCode::Char('s'), none), Some(Action::Overview));
    let groups = app(Pane::Groups);
    assert_eq!(press(&keymap, &groups, KeyCode::Char('u'), none), Some(Action::Open));
    assert_eq!(press(&keymap, &groups, KeyCode::Char('s'), none), Some(Action::Overview));
    // What the app shows in its footer.
    let (text, is_error) = config::summary(&clashes).expect("a summary");
    assert!(text.starts_with("config.ron:4:36: key \"x\""), "{text}");
    assert!(text.ends_with("(and 3 more, printed on the terminal)"), "{text}");
    assert!(!is_error);
}

#[test]
fn a_context_binding_written_first_keeps_the_key_from_a_later_global_one() {
    let text = "(keys: {\n  \"groups\": { \"details\": [\"w\"] },\n  \"global\": { \"save\": [\"w\"] },\n})";
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    let (keymap, clashes) = config.keymap();
    assert_eq!(clashes.len(), 1);
    let message = clashes[0].to_string();
    assert!(message.contains(":3:24: key \"w\" is bound to both save (in global) and details (line 2) in groups: in groups it stays details; save works where groups does not hide it"), "{message}");
    let none = KeyModifiers::NONE;
    assert_eq!(press(&keymap, &app(Pane::Groups), KeyCode::Char('w'), none), Some(Action::Details));
    assert_eq!(
        press(&keymap, &app(Pane::Activities), KeyCode::Char('w'), none),
        Some(Action::Save)
    );
}

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
)"##;
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    assert_eq!(config.lang, Some(Lang::Es));
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
    common::write_shipped(&current);
    let output = run(home.path(), &["set", "I", "6", "--progress", "40"]);
    assert_code(&output, 0);
    assert!(stderr(&output).contains(&current.display().to_string()), "{}", stderr(&output));
    assert!(!common::default_file(home.path()).exists(), "the default file was created");
    // -f wins.
    let other = home.path().join("other.ron");
    common::write_shipped(&other);
    let output =
        run(home.path(), &["-f", other.to_str().unwrap(), "set", "I", "6", "--progress", "30"]);
    assert_code(&output, 0);
    assert!(stderr(&output).contains("other.ron"), "{}", stderr(&output));
    // WGTRACK_FILE too.
    let output = common::wgtrack(home.path())
        .env("WGTRACK_FILE", &other)
        .args(["summary"])
        .output()
        .unwrap();
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

#[test]
fn no_color_in_the_environment_means_no_colour_whatever_the_configuration_says() {
    assert!(config::no_color(Some(OsStr::new("1"))));
    assert!(config::no_color(Some(OsStr::new("false"))));
    assert!(!config::no_color(Some(OsStr::new(""))));
    assert!(!config::no_color(None));
    let default = Config::default();
    assert_eq!(default.theme(None), Theme::default());
    assert_eq!(default.theme(Some(OsStr::new(""))), Theme::default());
    assert_eq!(default.theme(Some(OsStr::new("1"))), Theme::no_color());
    let (config, problems) = parse(
        "(theme: \"high-contrast\", styles: { \"selected\": (fg: \"red\", bg: \"blue\", underline: true) })",
    );
    assert_eq!(problems, []);
    assert_eq!(config.theme(None).selected.fg, Some(Color::Red));
    let plain = config.theme(Some(OsStr::new("yes")));
    for (name, style) in plain.styles() {
        assert_eq!((style.fg, style.bg, style.underline_color), (None, None, None), "{name}");
    }
    assert!(plain.selected.add_modifier.contains(Modifier::UNDERLINED | Modifier::REVERSED));
    let (config, _) = parse("(theme: \"no-color\")");
    assert_eq!(config.theme(None), Theme::no_color());
}

/// The main screen of `app` at 120×40 under `theme`.
fn main_screen(app: &App, theme: &Theme) -> Buffer {
    let keymap = Keymap::default();
    let ctx = ui::Context { keymap: &keymap, theme };
    let mut view = ViewState::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for _ in 0..2 {
        terminal.draw(|frame| ui::draw(frame, app, &ctx, &mut view)).unwrap();
    }
    terminal.backend().buffer().clone()
}

/// The rows of the screen, then its runs of modifiers: "row x..x MODIFIERS".
fn text_and_modifiers(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if skip == 0 {
                text.push_str(symbol);
            }
            skip = skip.max(unicode_width::UnicodeWidthStr::width(symbol)).saturating_sub(1);
        }
        text.push('\n');
    }
    text.push_str("--- modifiers: rows, then columns\n");
    let mut rows: Vec<(u16, u16, String)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut runs = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let modifier = buffer[(x, y)].modifier;
            let start = x;
            while x < area.right() && buffer[(x, y)].modifier == modifier {
                x += 1;
            }
            if !modifier.is_empty() {
                runs.push(format!("{start}..{x} {modifier:?}"));
            }
        }
        let runs = runs.join(", ");
        match rows.last_mut() {
            Some((_, last, same)) if *same == runs && *last + 1 == y => *last = y,
            _ => rows.push((y, y, runs)),
        }
    }
    for (first, last, runs) in rows.into_iter().filter(|(_, _, runs)| !runs.is_empty()) {
        let rows = if first == last { format!("{first}") } else { format!("{first}-{last}") };
        text.push_str(&format!("{rows:>5}: {runs}\n"));
    }
    text
}

#[test]
fn no_color_main_screen_has_no_colour_and_shows_the_selection_reversed() {
    let buffer = main_screen(&app(Pane::Groups), &Theme::no_color());
    for (i, cell) in buffer.content.iter().enumerate() {
        let (x, y) = buffer.pos_of(i);
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "cell {x},{y}");
    }
    // The selected group (I, the first row of the focused groups pane) is reversed and bold.
    let reversed_rows: Vec<u16> = (0..buffer.area.height)
        .filter(|&y| {
            (0..buffer.area.width).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        })
        .collect();
    assert!(reversed_rows.contains(&0), "the header is reversed");
    assert!(reversed_rows.len() >= 2, "a selection is reversed: {reversed_rows:?}");
    insta::assert_snapshot!("no_color_main_screen_120x40", text_and_modifiers(&buffer));
    // The default theme does use colour, on the same screen.
    let coloured = main_screen(&app(Pane::Groups), &Theme::default());
    assert!(coloured.content.iter().any(|c| c.bg != Color::Reset));
}

#[test]
fn the_app_starts_with_the_first_problem_in_its_footer() {
    let (config, problems) = parse("(\n  theme: \"dark\",\n)");
    let (text, is_error) = config::summary(&problems).expect("a summary");
    let app = app(Pane::Groups).with_message(text, is_error);
    let buffer = main_screen(&app, &config.theme(None));
    // The message is longer than the screen is wide: it takes two rows above the keys, and
    // is there whole.
    let row =
        |y: u16| -> String { (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect() };
    let (first, second) = (row(37), row(38));
    assert!(first.starts_with(" ✗ config.ron:2:10: unknown theme \"dark\""), "{first}");
    assert!(second.trim_end().ends_with("using the defaults"), "{second}");
    assert!(app.message().is_some_and(|m| m.is_error));
}
