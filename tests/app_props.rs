//! The app as a state machine, driven by random event sequences the way `tui::run` drives
//! it: keys through the keymap, pastes, ticks, viewports and redraws at random sizes, with
//! someone else now and then changing or deleting the file. After every step nothing
//! panicked, the report is valid, the figures and the selection match it, and the files on
//! disk changed only if the step saved; at the end undo takes everything back to the report
//! as loaded, redo brings it all again, and a save writes exactly the report the app holds.
//! Also: every screen draws at any size, and movement keys go the way they say.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wgtrack::action::{Action, Pane, Viewport};
use wgtrack::app::{App, Figures, Mode};
use wgtrack::keymap::Keymap;
use wgtrack::model::{Progress, Report};
use wgtrack::store::recovery::Recovery;
use wgtrack::store::{self, Expect, Fingerprint, Paths, SHIPPED};
use wgtrack::ui::{self, ViewState, theme::Theme};

/// wgtrack's directories for this test binary, in Cargo's scratch directory for
/// integration tests, emptied when the binary starts; given to every app here as `Paths`.
fn paths() -> &'static Paths {
    static PATHS: OnceLock<Paths> = OnceLock::new();
    PATHS.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("app_props-home");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Paths::under(&dir)
    })
}

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
    (0usize..80, limit.clone(), limit).prop_map(|(page, detail_max, help_max)| Viewport {
        page,
        detail_max,
        help_max,
    })
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

/// The shipped report as `store::open` reads it from a file, parsed once: a parse takes
/// milliseconds in a debug build, and every session starts from it.
fn shipped() -> &'static (Report, Fingerprint) {
    static OPENED: OnceLock<(Report, Fingerprint)> = OnceLock::new();
    OPENED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.ron");
        fs::write(&path, SHIPPED).unwrap();
        store::open(&path).unwrap()
    })
}

/// Whether the file at `path` loads as `report`. The shipped text is known to load as the
/// shipped report, so it needs no parse.
fn loads_as(path: &Path, report: &Report) -> Result<(), TestCaseError> {
    let bytes = fs::read(path).unwrap();
    if bytes == SHIPPED.as_bytes() {
        prop_assert_eq!(report, &shipped().0, "{} holds the shipped report", path.display());
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

/// Draws the app at a size the way the event loop does, feeding a changed viewport back.
fn redraw(app: &mut App, view: &mut ViewState, reported: &mut Option<Viewport>, w: u16, h: u16) {
    let keymap = keymap();
    let theme = Theme::default();
    let ctx = ui::Context { keymap, theme: &theme };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app, &ctx, view)).unwrap();
    if *reported != Some(view.viewport) {
        *reported = Some(view.viewport);
        wgtrack::effects::act(app, Action::Viewport(view.viewport));
    }
}

fn keymap() -> &'static Keymap {
    static KEYMAP: OnceLock<Keymap> = OnceLock::new();
    KEYMAP.get_or_init(Keymap::default)
}

/// Sends `action`. The event loop also ticks after anything but typing; here ticks are
/// steps of their own, since each one that journals costs a serialisation and a flush.
fn send(app: &mut App, action: Action) {
    wgtrack::effects::act(app, action);
}

fn message(app: &App) -> &str {
    app.message().map_or("", |m| m.text.as_str())
}

/// A version of the shipped file that someone else might write, as text: a few of them,
/// written once (serialising takes milliseconds in a debug build).
fn external_version(seed: u8) -> &'static str {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        (0..4u8)
            .map(|seed| {
                let mut report = shipped().0.clone();
                let g = usize::from(seed) * 3 % report.groups.len();
                let activity = &mut report.groups[g].activities[0];
                activity.progress = Progress::new(i64::from(seed) * 30).unwrap();
                activity.remarks = format!("Changed elsewhere ({seed}).");
                store::to_text(&report)
            })
            .collect()
    });
    &texts[usize::from(seed) % texts.len()]
}

fn run(steps: Vec<Step>) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let dir_path = dir.path().to_path_buf();
    let path = dir.path().join("report.ron");
    fs::write(&path, SHIPPED).unwrap();
    let (report, fingerprint) = shipped().clone();
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
            Step::Viewport(viewport) => wgtrack::effects::act(&mut app, Action::Viewport(viewport)),
            Step::Tick => wgtrack::effects::act(&mut app, Action::Tick),
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
            Step::Terminate => wgtrack::effects::act(&mut app, Action::Terminate),
        }
        if let Some(action) = sent.clone() {
            let mode_before = mode_name(app.mode());
            let may_save = saves(&action, app.mode());
            let reload = action == Action::Reload;
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
    for _ in 0..5 {
        if matches!(app.mode(), Mode::Normal) {
            break;
        }
        send(&mut app, Action::Back);
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

/// Removes the recovery files the app wrote for these reports.
fn forget_journals(reports: &[&Path]) {
    for report in reports {
        for file in store::recovery::find(&paths().recovery_dir(), report) {
            store::recovery::discard(&file);
        }
    }
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

#[path = "support/cases.rs"]
mod cases;
use cases::config;

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

/// Draws at sizes from nothing to huge (500×200 only when `huge`: it takes a twentieth of
/// a second in a debug build); none may panic.
fn draw_at_sizes(app: &mut App, what: &str, huge: bool) {
    let mut view = ViewState::default();
    let mut reported = None;
    let sizes = [(0, 0), (1, 1), (10, 3), (39, 9), (40, 10), (89, 19), (90, 20), (120, 40)];
    let huge = huge.then_some((500, 200));
    for (w, h) in sizes.into_iter().chain(huge) {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            redraw(app, &mut view, &mut reported, w, h);
        }));
        assert!(result.is_ok(), "drawing {what} at {w}×{h} panicked");
    }
}

/// Every screen draws at every size, from 0×0 to 500×200.
#[test]
fn every_mode_draws_at_any_size() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    fs::write(&path, SHIPPED).unwrap();
    let fresh = || {
        let (report, fingerprint) = store::open(&path).unwrap();
        App::new(report, path.clone()).with_disk(Expect::Content(fingerprint)).with_paths(paths())
    };
    type Reached = fn(&App) -> bool;
    let normal: Reached = |app| matches!(app.mode(), Mode::Normal);
    let editing: Reached = |app| matches!(app.mode(), Mode::EditText(_));
    let baseline = dir.path().join("baseline.ron");
    fs::write(&baseline, external_version(1)).unwrap();
    let baseline_path = baseline.display().to_string();
    let screens: Vec<(&str, Vec<Action>, Reached)> = vec![
        ("the groups pane", vec![], normal),
        ("the last group", vec![Action::End], normal),
        ("the activity table", vec![Action::Open], |app| app.focus() == Pane::Activities),
        ("the activity view", vec![Action::Open, Action::End, Action::Open], |app| {
            app.focus() == Pane::Activity
        }),
        ("the scrolled activity view", vec![Action::Open, Action::Open, Action::PageDown], |app| {
            app.focus() == Pane::Activity
        }),
        ("folded objectives", vec![Action::ToggleObjectives, Action::Open], |app| {
            app.objectives_folded()
        }),
        ("the help", vec![Action::Help, Action::PageDown], |app| matches!(app.mode(), Mode::Help)),
        (
            "the progress prompt",
            vec![Action::Open, Action::EditProgress, Action::Type('4')],
            |app| matches!(&app.mode(), Mode::EditProgress(input) if input == "4"),
        ),
        (
            "the remarks editor",
            vec![
                Action::Open,
                Action::EditRemarks,
                Action::Paste("العمل\n\n*x* 🙂 e\u{301}".into()),
            ],
            editing,
        ),
        ("the description editor", vec![Action::Open, Action::EditDescription], editing),
        ("the topic editor", vec![Action::Open, Action::End, Action::EditTopic], editing),
        (
            "a new activity",
            vec![Action::Open, Action::AddItem, Action::Paste("統計".into())],
            editing,
        ),
        ("the delete question", vec![Action::Open, Action::DeleteItem], |app| {
            matches!(app.mode(), Mode::ConfirmDelete { .. })
        }),
        ("the overview", vec![Action::Overview], |app| app.focus() == Pane::Overview),
        (
            "the overview by progress",
            vec![Action::Overview, Action::SortGroups, Action::NextPane],
            |app| app.focus() == Pane::Overview,
        ),
        (
            "the threshold prompt",
            vec![Action::Overview, Action::SetThreshold, Action::Type('3')],
            |app| matches!(app.mode(), Mode::Threshold(_)),
        ),
        ("the baseline prompt", vec![Action::PickBaseline, Action::Type('x')], |app| {
            matches!(app.mode(), Mode::PickBaseline(_))
        }),
        (
            "a comparison",
            vec![
                Action::PickBaseline,
                Action::Paste(baseline_path.clone()),
                Action::Confirm,
                Action::Open,
            ],
            |app| app.baseline().is_some(),
        ),
        ("the group details", vec![Action::Details, Action::End], |app| {
            app.focus() == Pane::Details
        }),
        ("the report details", vec![Action::ReportDetails, Action::PageDown], |app| {
            app.focus() == Pane::Details
        }),
        ("a filtered table", vec![Action::Open, Action::CycleFilter, Action::CycleFilter], |app| {
            app.filter().is_some()
        }),
        (
            "an empty group",
            vec![
                Action::End,
                Action::AddItem,
                Action::Paste("New group".into()),
                Action::Editor(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                Action::Open,
            ],
            |app| {
                app.report().groups.len() == 12
                    && app.report().groups[app.group()].activities.is_empty()
            },
        ),
        ("the search prompt", vec![Action::Search, Action::Type('c')], |app| {
            matches!(app.mode(), Mode::Search { .. })
        }),
        ("a search", vec![Action::Search, Action::Type('c'), Action::Confirm], |app| {
            app.search().is_some_and(|s| s.current.is_some())
        }),
        (
            "a failed search",
            vec![Action::Search, Action::Paste("zzqx".into()), Action::Confirm],
            |app| app.message().is_some_and(|m| m.is_error),
        ),
        ("the quit prompt", vec![Action::Open, Action::ProgressDown, Action::Quit], |app| {
            matches!(app.mode(), Mode::ConfirmQuit)
        }),
        ("the conflict prompt", vec![Action::Open, Action::ProgressDown, Action::Save], |app| {
            matches!(app.mode(), Mode::Conflict { missing: false })
        }),
        (
            "the save-as prompt",
            vec![Action::Open, Action::ProgressDown, Action::Save, Action::SaveAs],
            |app| matches!(app.mode(), Mode::SaveAs(_)),
        ),
        ("an error", vec![Action::Open, Action::EditProgress, Action::Type('x')], |app| {
            app.message().is_some_and(|m| m.is_error)
        }),
    ];
    for (what, actions, reached) in screens {
        let mut app = fresh();
        // Someone else changed the file, so that saving asks what to do.
        store::write_atomic(&path, external_version(3).as_bytes(), Expect::Anything, false)
            .unwrap();
        let actions_again = actions.clone();
        for action in actions {
            send(&mut app, action);
        }
        fs::write(&path, SHIPPED).unwrap();
        assert!(reached(&app), "{what} not reached: {:?}, {:?}", app.mode(), app.message());
        draw_at_sizes(&mut app, what, true);
        forget_journals(&[&path]);
        // A prompt or window over other panes: what is drawn under it depends on the focus.
        // The same steps, taken after going to another pane, reach it there where they can.
        if !matches!(app.mode(), Mode::Normal) {
            let focus = app.focus();
            let ways: [(Pane, &[Action]); 4] = [
                (Pane::Activities, &[Action::Open]),
                (Pane::Activity, &[Action::Open, Action::Open]),
                (Pane::Overview, &[Action::Overview]),
                (Pane::Details, &[Action::ReportDetails]),
            ];
            for (pane, way) in ways.into_iter().filter(|(p, _)| *p != focus) {
                let mut app = fresh();
                store::write_atomic(&path, external_version(3).as_bytes(), Expect::Anything, false)
                    .unwrap();
                for action in way.iter().chain(actions_again.iter()) {
                    send(&mut app, action.clone());
                }
                fs::write(&path, SHIPPED).unwrap();
                if reached(&app) && app.focus() == pane {
                    draw_at_sizes(&mut app, what, false);
                }
                forget_journals(&[&path]);
            }
        }
    }

    // The offer to restore edits found in a recovery file at start.
    let mut app = fresh();
    let recovered = Recovery {
        file: path.clone(),
        pid: 1,
        host: "elsewhere".into(),
        time: "2021-04-05T10:00:00Z".into(),
        report: store::parse(&path, external_version(2)).unwrap(),
    };
    app.offer_recovery(recovered, dir.path().join("recovery.ron"));
    assert!(matches!(app.mode(), Mode::Recover(_)), "{:?}", app.mode());
    draw_at_sizes(&mut app, "the recovery offer", true);
}

/// Where a movement key moves in the pane in focus, and the furthest it can go.
fn position(app: &App, viewport: Viewport) -> (usize, usize) {
    match app.focus() {
        Pane::Groups => (app.group(), app.report().groups.len() - 1),
        Pane::Activities => (app.activity(), app.report().groups[app.group()].activities.len() - 1),
        Pane::Activity => (app.detail_scroll(), viewport.detail_max),
        // Not reached: the sessions here open at most the activity view.
        Pane::Overview | Pane::Details => (0, 0),
    }
}

/// Movement goes the way asked: down moves down unless at the end, up moves up unless at
/// the top, never past either end, whatever sizes the screen reported.
fn check_moves(
    opens: usize,
    start: Vec<Action>,
    viewport: Viewport,
    moves: Vec<Action>,
) -> Result<(), TestCaseError> {
    let mut app = App::new(shipped().0.clone(), PathBuf::from("report.ron"));
    for action in start {
        wgtrack::effects::act(&mut app, action);
    }
    for _ in 0..opens {
        wgtrack::effects::act(&mut app, Action::Open);
    }
    wgtrack::effects::act(&mut app, Action::Viewport(viewport));
    for action in moves {
        let (before, last) = position(&app, viewport);
        wgtrack::effects::act(&mut app, action.clone());
        let (after, _) = position(&app, viewport);
        let down = matches!(action, Action::Down | Action::PageDown | Action::End);
        if down && before < last {
            prop_assert!(
                after > before && after <= last,
                "{action:?}: {before} → {after} of {last}"
            );
        } else if !down && before > 0 {
            prop_assert!(after < before, "{action:?}: {before} → {after}");
        } else {
            prop_assert_eq!(after, before, "{:?} at the end", action);
        }
    }
    Ok(())
}

fn moves() -> impl Strategy<Value = Vec<Action>> {
    let action = select(vec![
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Home,
        Action::End,
    ]);
    prop::collection::vec(action, 1..12)
}

fn start() -> impl Strategy<Value = Vec<Action>> {
    prop::collection::vec(select(vec![Action::Down, Action::End, Action::Home]), 0..4)
}

proptest! {
    #![proptest_config(config(300))]

    /// With the sizes a terminal can report.
    #[test]
    fn moves_go_the_way_asked(
        opens in 0usize..=2,
        start in start(),
        page in 0usize..=500,
        detail_max in 0usize..=2_000,
        moves in moves(),
    ) {
        check_moves(opens, start, Viewport { page, detail_max, help_max: 0 }, moves)?;
    }

    /// With any sizes, and with the app's own starting viewport (`detail_max` unlimited).
    #[test]
    fn moves_go_the_way_asked_at_any_size(
        opens in 0usize..=2,
        start in start(),
        page in prop_oneof![Just(usize::MAX), any::<usize>()],
        detail_max in prop_oneof![Just(usize::MAX), any::<usize>()],
        moves in moves(),
    ) {
        check_moves(opens, start, Viewport { page, detail_max, help_max: 0 }, moves)?;
    }
}
