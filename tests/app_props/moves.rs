//! Movement keys go the way they say, never past either end, whatever sizes the screen
//! reported.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::sample::select;
use wgtrack::action::{Action, Pane, Viewport};
use wgtrack::app::App;

use crate::common::cases::config;
use crate::common::send;
use crate::opened;

/// Where a movement key moves in the pane in focus, and the furthest it can go.
fn position(app: &App, viewport: Viewport) -> (usize, usize) {
    match app.focus() {
        Pane::Groups => (app.group(), app.report().groups.len() - 1),
        Pane::Activities => (app.activity(), app.report().groups[app.group()].activities.len() - 1),
        Pane::Activity => (app.detail_scroll(), viewport.detail_max),
        // Not reached: the sessions here open at most the activity view.
        Pane::Overview | Pane::Details | Pane::Conflicts => (0, 0),
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
    let mut app = App::new(opened().0.clone(), PathBuf::from("report.ron"));
    for action in start {
        send(&mut app, action);
    }
    for _ in 0..opens {
        send(&mut app, Action::Open);
    }
    send(&mut app, Action::Viewport(viewport));
    for action in moves {
        let (before, last) = position(&app, viewport);
        send(&mut app, action.clone());
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
        check_moves(opens, start, Viewport { page, detail_max, detail_width: 78, ..Viewport::default() }, moves)?;
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
        check_moves(opens, start, Viewport { page, detail_max, detail_width: 78, ..Viewport::default() }, moves)?;
    }
}
