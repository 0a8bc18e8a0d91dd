//! Texts name keys from the keymap, never literally: with every action rebound to another
//! key, every screen, message and help that names a key shows the new key and not the old
//! one, in both languages.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use wgtrack::action::{Action, Pane};
use wgtrack::app::App;
use wgtrack::config;
use wgtrack::i18n::{Lang, placeholders};
use wgtrack::keymap::{self, Context, Key, Keymap};
use wgtrack::model::{Progress, Report};
use wgtrack::store;

mod common;

use common::{Driver as Screen, FAKE_PATH, send as act};

/// The key each bindable action gets instead of its own: F1 to F24, then Alt, Ctrl and Ctrl-Alt
/// with them, so that no new key is an old one and no two actions share one.
fn new_key(action: &Action) -> String {
    let index = Action::bindable().position(|a| &a == action).expect("bindable");
    let modifier =
        ["", "alt-", "ctrl-", "ctrl-alt-"].get(index / 24).expect("more actions than new keys");
    format!("{modifier}f{}", index % 24 + 1)
}

fn label(action: &Action) -> String {
    Key::parse(&new_key(action)).expect("a key").label()
}

/// Every action of every context rebound, as the configuration file writes it.
fn rebound() -> Keymap {
    let default = Keymap::default();
    let mut text = String::from("(keys: {\n");
    for context in Context::all() {
        let _ = writeln!(text, "    {:?}: {{", context.name());
        let mut seen = Vec::new();
        for binding in default.bindings(context) {
            if !seen.contains(&binding.action) {
                seen.push(binding.action.clone());
                let name = binding.action.name().expect("named");
                let _ = writeln!(text, "        {name:?}: [{:?}],", new_key(&binding.action));
            }
        }
        text.push_str("    },\n");
    }
    text.push_str("})\n");
    let (config, problems) = config::parse(Path::new("/config.ron"), &text);
    assert_eq!(problems, [], "{text}");
    let (keymap, clashes) = config.keymap();
    assert_eq!(clashes, []);
    keymap
}

/// The shipped report with the remarks of I.1 emptied, so its view says how to write them.
fn report() -> Report {
    let mut report = store::shipped().expect("the shipped report parses");
    report.activity_mut(0, 0).expect("I.1").remarks.clear();
    report
}

fn screen(lang: Lang, keymap: &Keymap, width: u16, height: u16) -> Screen {
    let app = App::new(report(), PathBuf::from(FAKE_PATH)).with_lang(lang);
    let mut s = Screen::of(app).on_screen(width, height);
    s.keymap = keymap.clone();
    s
}

fn send(s: &mut Screen, actions: &[Action]) {
    for action in actions {
        s.draw();
        act(&mut s.app, action.clone());
    }
}

type Steps = fn(&mut Screen);

/// The app on the report as a merge left it, two progresses in conflict.
fn conflicted(s: &mut Screen) {
    let base = report();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    for (g, a) in [(2, 1), (7, 6)] {
        ours.activity_mut(g, a).expect("an activity").progress = Progress::new(40).unwrap();
        theirs.activity_mut(g, a).expect("an activity").progress = Progress::new(55).unwrap();
    }
    let text = store::marked_text(&wgtrack::merge::merge(&base, &ours, &theirs));
    let Err(store::LoadError::Conflicted { report, conflicts, .. }) =
        store::parse(Path::new(FAKE_PATH), &text)
    else {
        panic!("the text is marked")
    };
    let lang = s.app.lang();
    s.app = App::new(*report, PathBuf::from(FAKE_PATH)).with_lang(lang).with_conflicts(conflicts);
}

/// The screens that name keys, and the texts that do so on each.
const SCREENS: &[(&str, Steps, &[&str])] = &[
    ("groups", |_| {}, &["objectives_fold_note"]),
    ("objectives folded", |s| send(s, &[Action::ToggleObjectives]), &["objectives_folded_note"]),
    ("an edit without an activity", |s| send(s, &[Action::EditProgress]), &["choose_activity"]),
    ("no search yet", |s| send(s, &[Action::NextMatch]), &["no_search_yet"]),
    ("filter", |s| send(s, &[Action::Open, Action::CycleFilter]), &["filter_note"]),
    (
        "filter hiding every activity",
        // Group III has no activity not started.
        |s| send(s, &[Action::SelectGroup(2), Action::Open, Action::CycleFilter]),
        &["no_filtered_activities"],
    ),
    (
        "an edit of a hidden activity",
        |s| {
            send(
                s,
                &[Action::SelectGroup(2), Action::Open, Action::CycleFilter, Action::EditRemarks],
            )
        },
        &["no_activity_shown"],
    ),
    ("activity without remarks", |s| send(s, &[Action::Open, Action::Open]), &["no_remarks"]),
    ("overview", |s| send(s, &[Action::Overview]), &["overview_groups_title", "behind_title"]),
    (
        "changes since a baseline",
        |s| {
            let app = std::mem::replace(&mut s.app, App::new(report(), PathBuf::new()));
            s.app =
                app.with_baseline(PathBuf::from("/data/previous.ron"), store::shipped().unwrap());
            send(s, &[Action::Overview, Action::NextPane, Action::NextPane]);
        },
        &["changes_title"],
    ),
    (
        "a conflict resolved twice",
        |s| {
            conflicted(s);
            send(s, &[Action::TakeOurs, Action::Up, Action::TakeOurs]);
        },
        &["conflicts_already"],
    ),
    (
        "an edit while conflicts are left",
        |s| {
            conflicted(s);
            send(s, &[Action::Back, Action::Open, Action::EditProgress]);
        },
        &["conflicts_first"],
    ),
    (
        "a save while conflicts are left",
        |s| {
            conflicted(s);
            send(s, &[Action::Save]);
        },
        &["conflicts_save_refused"],
    ),
    ("delete question", |s| send(s, &[Action::Open, Action::DeleteItem]), &["delete_note"]),
    // The fake path's directory does not exist: the save fails.
    (
        "a failed save",
        |s| send(s, &[Action::Open, Action::ProgressDown, Action::Save]),
        &["not_saved_offer"],
    ),
    (
        "a commit with unsaved changes",
        |s| send(s, &[Action::Open, Action::ProgressDown, Action::Commit]),
        &["commit_save_first"],
    ),
    (
        "search",
        |s| {
            send(s, &[Action::Search, Action::Type('d'), Action::Type('a'), Action::Confirm]);
            // Moving on clears the message, so the footer says where the search is.
            send(s, &[Action::Down]);
        },
        &["match_status"],
    ),
    (
        "restored",
        |s| {
            let mut edited = report();
            edited.activity_mut(7, 6).expect("VIII.7").remarks = "Under review.".to_string();
            let recovered = common::recovered(edited);
            s.app.offer_recovery(recovered, PathBuf::from("/nonexistent/recovery.ron"));
            send(s, &[Action::Restore]);
        },
        &["restored"],
    ),
    (
        "the details of a format-1 file",
        |s| {
            let mut old = report();
            old.format = wgtrack::model::FORMAT_1;
            let lang = s.app.lang();
            s.app = App::new(old, PathBuf::from(FAKE_PATH)).with_lang(lang);
            send(s, &[Action::ReportDetails]);
        },
        &["format_1_value"],
    ),
];

/// What a text says around each key it names: the character before (if any) and the word
/// after, with `key` in between.
fn around_keys(template: &str, key: impl Fn(&Action) -> String) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find("{key:") {
        let close = open + rest[open..].find('}').expect("closed");
        let action = Action::from_name(&rest[open + 5..close]).expect("an action");
        let before: String = rest[..open].chars().last().into_iter().collect();
        let after = &rest[close + 1..];
        let word_end = after
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_whitespace() || *c == '{')
            .map_or(after.len(), |(i, _)| i);
        found.push(format!("{before}{}{}", key(&action), &after[..word_end]));
        rest = after;
    }
    found
}

#[test]
fn every_text_that_names_a_key_shows_the_rebound_one() {
    let keymap = rebound();
    let default = Keymap::default();
    let old = |action: &Action| {
        let everywhere: Vec<Context> = Context::all().collect();
        default.key_in(action, everywhere).expect("a default key")
    };
    for lang in Lang::ALL {
        let texts = lang.texts().entries();
        let mut checked = BTreeSet::new();
        for (name, steps, fields) in SCREENS {
            for (width, height) in [(200, 60), (120, 40)] {
                let mut s = screen(lang, &keymap, width, height);
                steps(&mut s);
                let shown = s.settled_text();
                for field in *fields {
                    let (_, template) = texts.iter().find(|(n, _)| n == field).expect(field);
                    let new = around_keys(template, label);
                    assert!(!new.is_empty(), "{field} names no key");
                    for (new, old) in new.iter().zip(around_keys(template, old)) {
                        let at = format!("{lang:?} {name} at {width}×{height}: {field}");
                        assert!(shown.contains(new), "{at}: no {new:?} in\n{shown}");
                        assert!(!shown.contains(&old), "{at}: {old:?} in\n{shown}");
                    }
                    checked.insert(*field);
                }
            }
        }
        // Every text that names a key was seen on a screen.
        let naming: BTreeSet<&str> = texts
            .iter()
            .filter(|(_, t)| placeholders(t).iter().any(|p| p.starts_with("key:")))
            .map(|(n, _)| *n)
            .collect();
        let more = &["more_objectives"].into_iter().collect();
        assert_eq!(naming, checked.union(more).copied().collect(), "{lang:?}");
    }
}

#[test]
fn objectives_cut_short_name_the_rebound_key() {
    let keymap = rebound();
    for lang in Lang::ALL {
        // Group VI's objectives do not fit above its table on a low screen: they start
        // folded, and shown they scroll.
        let mut s = screen(lang, &keymap, 200, 24);
        send(&mut s, &[Action::SelectGroup(5)]);
        s.settle();
        assert!(s.app.objectives_folded(), "{lang:?}");
        send(&mut s, &[Action::ToggleObjectives]);
        let shown = s.settled_text();
        let template = lang.texts().more_objectives;
        let new = around_keys(template, label);
        assert!(shown.contains(&new[0]), "{lang:?}: no {:?} in\n{shown}", new[0]);
        assert!(!shown.contains(&around_keys(template, |_| "o".to_string())[0]), "{shown}");
    }
}

#[test]
fn footer_hints_and_help_show_only_the_rebound_keys() {
    let keymap = rebound();
    let new_labels: BTreeSet<String> = Action::bindable().map(|a| label(&a)).collect();
    for lang in Lang::ALL {
        let texts = lang.texts();
        for pane in [Pane::Groups, Pane::Activities, Pane::Activity, Pane::Overview] {
            let mut s = screen(lang, &keymap, 240, 40);
            let steps: &[Action] = match pane {
                Pane::Groups => &[],
                Pane::Activities => &[Action::Open],
                Pane::Activity => &[Action::Open, Action::Open],
                _ => &[Action::Overview],
            };
            send(&mut s, steps);
            s.settle();
            let text = s.text();
            let hints = text.lines().last().expect("a footer");
            let context = keymap::contexts(&s.app)[0];
            for (actions, word) in keymap::hints(context) {
                let keys: Vec<String> = actions.iter().map(label).collect();
                let item = format!(" {} {} ", keymap::join_keys(&keys), word(texts));
                assert!(hints.contains(&item), "{lang:?} {pane:?}: no {item:?} in {hints:?}");
            }
        }
        // The whole help at once: its key column holds new keys only.
        let mut s = screen(lang, &keymap, 120, 250);
        send(&mut s, &[Action::Help]);
        let help = s.settled_text();
        let lines: Vec<Vec<char>> = help.lines().map(|l| l.chars().collect()).collect();
        let title: Vec<char> = format!("┌ {} ", texts.help_title).chars().collect();
        let left = lines[1].windows(title.len()).position(|w| w == title).expect("the help");
        let mut rows = 0;
        // The editor's own keys, under their heading, are not the table's: not rebound.
        let mut own = false;
        for (line, chars) in help.lines().zip(&lines).skip(2) {
            let inside: String = chars.iter().skip(left + 1).collect();
            own = inside.contains(texts.help_editor_own_keys) || (own && inside.starts_with("  "));
            let Some(rest) = inside.strip_prefix("  ").filter(|_| !own) else {
                continue;
            };
            let column: String = rest.chars().take(18).collect();
            let keys: Vec<&str> = column.split_whitespace().collect();
            if keys.is_empty() || keys == [texts.help_mouse] {
                continue;
            }
            for key in keys {
                assert!(new_labels.contains(key), "{lang:?}: {key:?} in the help: {line}");
            }
            rows += 1;
        }
        assert!(rows > 60, "{rows} rows of keys in\n{help}");
    }
}

#[test]
fn key_placeholders_name_bindable_actions() {
    for lang in Lang::ALL {
        for (name, text) in lang.texts().entries() {
            for placeholder in placeholders(text) {
                if let Some(action) = placeholder.strip_prefix("key:") {
                    assert!(Action::from_name(action).is_some(), "{name}: {placeholder}");
                }
            }
        }
    }
}
