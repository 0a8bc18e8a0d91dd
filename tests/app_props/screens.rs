//! Every mode of the app draws at every size, from 0×0 to 500×200, over whichever pane.

use std::fs;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use wgtrack::action::{Action, Pane};
use wgtrack::app::{App, Mode};
use wgtrack::store::{self, Expect, SHIPPED};
use wgtrack::ui::ViewState;

use crate::common::send;
use crate::{external_version, forget_journals, paths, redraw};

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
    let recovered = crate::common::recovered(store::parse(&path, external_version(2)).unwrap());
    app.offer_recovery(recovered, dir.path().join("recovery.ron"));
    assert!(matches!(app.mode(), Mode::Recover(_)), "{:?}", app.mode());
    draw_at_sizes(&mut app, "the recovery offer", true);

    // The question before a format-1 file moves on, asked from the report's format row: the
    // longest list of what format 2 holds.
    let old = dir.path().join("format-1.ron");
    fs::write(&old, include_str!("../fixtures/format-1/report-2020-2021.ron")).unwrap();
    let (report, fingerprint) = store::open(&old).unwrap();
    let mut app =
        App::new(report, old.clone()).with_disk(Expect::Content(fingerprint)).with_paths(paths());
    for action in [Action::ReportDetails, Action::Home, Action::Open] {
        send(&mut app, action);
    }
    assert!(matches!(app.mode(), Mode::ConfirmFormat { .. }), "{:?}", app.mode());
    draw_at_sizes(&mut app, "the format question", true);
}
