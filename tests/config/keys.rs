//! Key bindings: every default binding reads back by name, keys rebound do their actions,
//! and clashes are reported at their line saying who keeps the key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use wgtrack::action::{Action, Pane};
use wgtrack::app::App;
use wgtrack::config::{self, Problem};
use wgtrack::keymap::{self, Context, Key, Keymap};

use crate::{app, parse, path, spot};

fn press(keymap: &Keymap, app: &App, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    keymap.action(app, KeyEvent::new(code, modifiers))
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

/// A configuration cannot take away the last key that quits or leaves the text editor: the
/// binding is refused, said at its line, and the default keys stay.
#[test]
fn no_configuration_leaves_no_way_to_quit_or_leave_the_editor() {
    let text = "(keys: {\n    \"global\": { \"quit\": [] },\n    \"edit_text\": { \"back\": [] },\n    \"activities\": { \"edit_remarks\": [\"R\"] },\n})\n";
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    let (keymap, problems) = config.keymap();
    assert_eq!(keymap.keys(Context::Global, &Action::Quit), ["q", "Ctrl-C"]);
    assert_eq!(keymap.keys(Context::EditText, &Action::Back), ["Esc"]);
    assert_eq!(keymap.keys(Context::Activities, &Action::EditRemarks), ["R"], "others apply");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].starts_with("quit in global would have no key left"), "{messages:?}");
    assert!(messages[1].starts_with("back in edit_text would have no key left"), "{messages:?}");
}
