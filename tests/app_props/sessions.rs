//! Random sessions of keys, pastes, ticks, resizes and files changed behind the app's back:
//! after every step the report is whole and the files changed only on a save; at the end
//! undo and redo take everything back and forth.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;
use proptest::sample::select;
use wgtrack::action::{Action, Viewport};
use wgtrack::app::{App, EditTarget, Figures, Mode};
use wgtrack::edit::Field;
use wgtrack::model::{Progress, Report};
use wgtrack::store::{self, Expect, SHIPPED};
use wgtrack::ui::ViewState;

use crate::common::cases::config;
use crate::common::send;
use crate::{external_version, forget_journals, keymap, opened, paths, redraw};

/// One thing that happens to the running app.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    Paste(String),
    Viewport(Viewport),
    Tick,
    /// The terminal is redrawn at this size, and the viewport it finds is fed back.
    Resize(u16, u16),
    /// Someone else writes the file (a changed version of it).
    ExternalEdit(u8),
    /// Someone else deletes the file.
    ExternalDelete,
    /// A signal or a lost terminal stops the app.
    Terminate,
    /// The path of a file of the test's directory is pasted (a baseline to compare with, or
    /// a name to save as): the report, its backup, or a new name.
    PastePath(u8),
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    let chars: Vec<char> =
        "abcdefghijklmnoprstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-=/?*., _\"\\é"
            .chars()
            .collect();
    // The keys that do something somewhere, so sequences get into every mode: progress,
    // remarks, description and topic; add, delete, move; details, overview, filter,
    // baseline, threshold; search, undo, help; the prompts' answers.
    let busy: Vec<char> = "pprr++--eTadKJivfxbtsuu/?nNjkghlGoyc0159".chars().collect();
    prop_oneof![
        2 => select(chars).prop_map(KeyCode::Char),
        6 => select(busy).prop_map(KeyCode::Char),
        5 => select(vec![
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Tab,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Esc,
            KeyCode::Backspace,
            KeyCode::Delete,
        ]),
    ]
}

fn modifiers() -> impl Strategy<Value = KeyModifiers> {
    prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::SHIFT),
        1 => (0u8..8).prop_map(|bits| {
            let mut m = KeyModifiers::NONE;
            for (bit, flag) in [KeyModifiers::CONTROL, KeyModifiers::ALT, KeyModifiers::SHIFT]
                .into_iter()
                .enumerate()
            {
                if bits & (1 << bit) != 0 {
                    m |= flag;
                }
            }
            m
        }),
    ]
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let kind = prop_oneof![
        10 => Just(KeyEventKind::Press),
        1 => Just(KeyEventKind::Repeat),
        1 => Just(KeyEventKind::Release),
    ];
    prop_oneof![
        48 => (key_code(), modifiers(), kind)
            .prop_map(|(code, modifiers, kind)| KeyEvent::new_with_kind(code, modifiers, kind)),
        // Ctrl-S, Ctrl-R, Ctrl-A: saving, redo, select all.
        8 => select(vec!['s', 's', 'r', 'a'])
            .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        // Alt-↑ and Alt-↓ move items.
        2 => select(vec![KeyCode::Up, KeyCode::Down])
            .prop_map(|code| KeyEvent::new(code, KeyModifiers::ALT)),
        // Quitting ends a session: now and then.
        1 => select(vec![
            KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE),
            KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        ]),
    ]
}

fn paste() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "40",
        "7",
        "100",
        "101",
        "-5",
        "abc",
        " ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        "\t",
        "*emphasis*",
        "—",
        "–",
        "🙂",
        "العمل",
        "עבודה",
        "e\u{301}",
        "统计",
        "\"",
        "\\",
        "/",
        "..",
        "\u{0}",
        "\u{7}",
        "\u{1b}[31m",
    ]);
    prop::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

fn viewport() -> impl Strategy<Value = Viewport> {
    let limit = prop_oneof![0usize..200, Just(usize::MAX)];
    (0usize..80, limit.clone(), limit.clone(), 0u16..200, limit, any::<bool>()).prop_map(
        |(page, detail_max, help_max, detail_width, info_max, objectives_crowd)| Viewport {
            page,
            detail_max,
            detail_width,
            help_max,
            history_max: help_max,
            info_max,
            objectives_crowd,
            // The editor's rows follow the text's width.
            editor_width: detail_width,
            editor_rows: page,
        },
    )
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        160 => key().prop_map(Step::Key),
        8 => paste().prop_map(Step::Paste),
        6 => viewport().prop_map(Step::Viewport),
        8 => Just(Step::Tick),
        8 => (0u16..=200, 0u16..=60).prop_map(|(w, h)| Step::Resize(w, h)),
        4 => any::<u8>().prop_map(Step::ExternalEdit),
        2 => Just(Step::ExternalDelete),
        1 => Just(Step::Terminate),
        2 => any::<u8>().prop_map(Step::PastePath),
    ]
}

/// Whether the file at `path` loads as `report`. The shipped text is known to load as the
/// shipped report, so it needs no parse.
fn loads_as(path: &Path, report: &Report) -> Result<(), TestCaseError> {
    let bytes = fs::read(path).unwrap();
    if bytes == SHIPPED.as_bytes() {
        prop_assert_eq!(report, &opened().0, "{} holds the shipped report", path.display());
    } else {
        let text = store::utf8(path, &bytes).unwrap();
        prop_assert_eq!(&store::parse(path, text).unwrap(), report, "{}", path.display());
    }
    Ok(())
}

/// Everything the app keeps in its directory that the user would call a file: the
/// reports and their backups (not the lock files, which say who holds a report).
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_none_or(|e| e != "lock") {
                found.insert(path.clone(), fs::read(&path).unwrap_or_default());
            }
        }
    }
    found
}

/// Whether the app may write files in this step: saving, in the modes that save.
fn saves(action: &Action, mode_before: &Mode) -> bool {
    matches!(
        (action, mode_before),
        (Action::Save, Mode::Normal | Mode::EditText(_))
            | (Action::SaveAndQuit, Mode::ConfirmQuit)
            | (Action::Overwrite, Mode::Conflict { .. })
            | (Action::Confirm, Mode::SaveAs(_))
    )
}

/// A name typed in the save-as prompt stays inside the test's directory, whatever keys
/// were pressed; others are not confirmed (they could name any file of the machine).
fn safe_save_as(app: &App, dir: &Path) -> bool {
    let Mode::SaveAs(input) = &app.mode() else {
        return true;
    };
    let path = Path::new(input.trim());
    path.starts_with(dir) && path.components().all(|c| !matches!(c, Component::ParentDir))
}

/// The rules that hold after every step.
fn check_invariants(app: &App) -> Result<(), TestCaseError> {
    // Whatever was edited, added or deleted, the report stays one that a file can hold:
    // a save writes nothing that would not load again.
    let problems = wgtrack::validate::problems(app.report());
    prop_assert!(problems.is_empty(), "the report became invalid: {problems:?}");
    for activity in app.report().activities() {
        prop_assert!(activity.progress.get() <= 100);
        prop_assert_eq!(Progress::new(i64::from(activity.progress.get())), Ok(activity.progress));
    }
    prop_assert_eq!(app.figures(), &Figures::of(app.report()), "figures out of date");
    prop_assert!(app.group() < app.report().groups.len(), "group {} selected", app.group());
    let count = app.report().groups[app.group()].activities.len();
    prop_assert!(
        app.activity() < count.max(1),
        "activity {} selected of {count} in group {}",
        app.activity(),
        app.group()
    );
    Ok(())
}

fn message(app: &App) -> &str {
    app.message().map_or("", |m| m.text.as_str())
}

fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_path_buf();
    let path = dir.path().join("report.ron");
    fs::write(&path, SHIPPED).unwrap();
    let (report, fingerprint) = opened().clone();
    let mut loaded = report.clone();
    let mut app =
        App::new(report, path.clone()).with_disk(Expect::Content(fingerprint)).with_paths(paths());
    let mut view = ViewState::default();
    let mut reported = None;
    // Whether the file on disk may differ from what the app saved last, through no save.
    let mut disk_touched = false;

    for step in steps {
        if app.should_quit() {
            break; // The event loop has ended.
        }
        let before = files(&dir_path);
        let mut sent = None;
        match step {
            Step::Key(key) => {
                if let Some(action) = keymap().action(&app, key) {
                    if action == Action::Confirm && !safe_save_as(&app, &dir_path) {
                        continue;
                    }
                    sent = Some(action);
                }
            }
            Step::Paste(text) => sent = Some(Action::Paste(text)),
            Step::PastePath(which) => {
                let name = ["report.ron", "report.ron.bak", "other.ron"][usize::from(which) % 3];
                sent = Some(Action::Paste(dir_path.join(name).display().to_string()));
            }
            Step::Viewport(viewport) => send(&mut app, Action::Viewport(viewport)),
            Step::Tick => send(&mut app, Action::Tick),
            Step::Resize(w, h) => redraw(&mut app, &mut view, &mut reported, w, h),
            Step::ExternalEdit(seed) => {
                store::write_atomic(
                    app.path(),
                    external_version(seed).as_bytes(),
                    Expect::Anything,
                    false,
                )
                .unwrap();
                disk_touched = true;
                check_invariants(&app)?;
                continue;
            }
            Step::ExternalDelete => {
                let _ = fs::remove_file(app.path());
                disk_touched = true;
                continue;
            }
            Step::Terminate => send(&mut app, Action::Terminate),
        }
        if let Some(action) = sent.clone() {
            let mode_before = mode_name(app.mode());
            let may_save = saves(&action, app.mode());
            let reload = action == Action::Reload;
            // The event loop also ticks after anything but typing; here ticks are steps of
            // their own, since each one that journals costs a serialisation and a flush.
            send(&mut app, action.clone());
            let after = files(&dir_path);
            prop_assert!(
                may_save || after == before,
                "{action:?} in {mode_before} changed the files: {:?}",
                changed(&before, &after)
            );
            if message(&app).starts_with("Saved ") {
                disk_touched = false;
                prop_assert!(!app.is_modified());
                loads_as(app.path(), app.report())?;
            }
            if reload && message(&app).starts_with("Reloaded ") {
                disk_touched = false;
                loaded = store::load(app.path()).unwrap();
                prop_assert_eq!(&loaded, app.report());
            }
        } else {
            prop_assert_eq!(files(&dir_path), before, "a step that is no action changed files");
        }
        check_invariants(&app)?;
    }

    // The file holds what the app says it saved.
    if !app.is_modified() && !disk_touched {
        loads_as(app.path(), app.report())?;
    }

    // Leave any prompt or editor (Esc in the editor keeps its text: that is a change too).
    // A date typed in another form than YYYY-MM-DD is refused, and kept in the editor until
    // corrected or the edit is cancelled by name.
    for _ in 0..5 {
        if matches!(app.mode(), Mode::Normal) {
            break;
        }
        let refused_date = matches!(app.mode(), Mode::EditText(edit)
            if edit.target == EditTarget::Field(Field::Date) && app.message().is_some_and(|m| m.is_error));
        send(&mut app, if refused_date { Action::CancelEdit } else { Action::Back });
    }
    prop_assert!(matches!(app.mode(), Mode::Normal), "still in {:?}", app.mode());

    // Undo takes everything back, past any save, to the report as loaded; redo brings it
    // all again.
    let last = app.report().clone();
    let mut undone = 0;
    loop {
        send(&mut app, Action::Undo);
        check_invariants(&app)?;
        if message(&app) == "Nothing to undo" {
            break;
        }
        prop_assert!(message(&app).starts_with("Undid"), "{}", message(&app));
        undone += 1;
        prop_assert!(undone < 10_000, "undo never ends");
    }
    prop_assert_eq!(app.report(), &loaded, "undo all did not give back the loaded report");
    // Redo as often as undo went (the session may have left more to redo from before).
    for _ in 0..undone {
        send(&mut app, Action::Redo);
        check_invariants(&app)?;
        prop_assert!(message(&app).starts_with("Redid"), "{}", message(&app));
    }
    prop_assert_eq!(app.report(), &last, "redo all did not give back the last report");

    // A last save writes exactly the report held (overwriting someone else's change).
    send(&mut app, Action::Save);
    if matches!(app.mode(), Mode::Conflict { .. }) {
        send(&mut app, Action::Overwrite);
    }
    prop_assert!(message(&app).starts_with("Saved "), "{}", message(&app));
    prop_assert!(!app.is_modified());
    loads_as(app.path(), app.report())?;

    forget_journals(&[&path, app.path()]);
    Ok(())
}

/// The name of a mode, for messages: "EditText", "Conflict".
fn mode_name(mode: &Mode) -> String {
    let shown = format!("{mode:?}");
    shown.split(['(', ' ', '{']).next().unwrap_or_default().to_string()
}

fn changed(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = before.keys().chain(after.keys()).cloned().collect();
    names.sort();
    names.dedup();
    names.into_iter().filter(|n| before.get(n) != after.get(n)).collect()
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn random_sessions_keep_the_report_whole(
        open in any::<bool>(),
        mut steps in prop::collection::vec(step(), 0..60),
    ) {
        if open {
            // Half the sessions start in the activity table, where the edit keys work.
            steps.insert(0, Step::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        }
        run(steps)?;
    }
}
