//! The history screen: an activity, a group or the programme through the report's commits,
//! newest first. The versions are read by an effect (off the event loop, with news of how
//! far it has come) and kept, so the screen opens again at once.

use std::sync::Arc;

use super::history_rows::{HistoryRows, OpenedVersion};
use super::{App, Effect, Mode, step_within};
use crate::action::{Action, Pane};
use crate::history::{HistoryError, Loading, Versions};
use crate::i18n::Describe;
use crate::model::numeral;

/// Whose history the screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryOf {
    /// The activity at these places (from 0) in the report as the app holds it.
    Activity {
        group: usize,
        activity: usize,
    },
    Group(usize),
    Programme,
}

impl HistoryOf {
    /// How the screen's title names it: `VIII.7`, `VIII`, or nothing for the programme.
    pub fn place(self) -> String {
        match self {
            HistoryOf::Activity { group, activity } => {
                format!("{}.{}", numeral(group + 1), activity + 1)
            }
            HistoryOf::Group(group) => numeral(group + 1),
            HistoryOf::Programme => String::new(),
        }
    }
}

/// The history screen's state.
#[derive(Debug)]
pub struct HistoryScreen {
    pub of: HistoryOf,
    pub state: HistoryState,
    /// The row selected.
    pub selected: usize,
    /// The version opened with Enter, and the lines scrolled in it.
    pub opened: Option<OpenedVersion>,
    pub scroll: usize,
}

/// Whether the rows are there yet.
#[derive(Debug)]
pub enum HistoryState {
    /// Being read: how far, once the reading has said.
    Loading(Option<Loading>),
    Ready(HistoryRows),
}

/// What the app keeps of the histories it read: the newest versions of its file, and the
/// time zone dates are shown in.
#[derive(Debug)]
pub(super) struct HistoryCache {
    pub versions: Option<(std::path::PathBuf, Arc<Versions>)>,
    pub zone: jiff::tz::TimeZone,
}

impl Default for HistoryCache {
    fn default() -> HistoryCache {
        HistoryCache { versions: None, zone: jiff::tz::TimeZone::system() }
    }
}

impl App {
    /// Shows dates in `zone` rather than the system's (for tests).
    pub fn with_time_zone(mut self, zone: jiff::tz::TimeZone) -> App {
        self.history.zone = zone;
        self
    }

    /// Opens the history of what is selected: the activity in the table or its view, the
    /// group in the groups pane, the programme in the overview.
    pub(super) fn open_history(&mut self) {
        let of = match self.view.focus {
            Pane::Activities | Pane::Activity => {
                let (group, activity) = (self.view.group, self.view.activity);
                let shown = self.visible_activities().contains(&activity);
                if !shown || self.selected_activity().is_none() {
                    return self.info(self.texts().no_activity_shown);
                }
                HistoryOf::Activity { group, activity }
            }
            Pane::Groups if self.selected_group().is_some() => HistoryOf::Group(self.view.group),
            _ => HistoryOf::Programme,
        };
        let file = self.session.path().to_path_buf();
        let cached = self.history.versions.as_ref().filter(|(f, _)| *f == file);
        let state = match cached {
            Some((_, versions)) => {
                HistoryState::Ready(HistoryRows::of(versions, of, &self.history.zone))
            }
            None => HistoryState::Loading(None),
        };
        let screen = HistoryScreen { of, state, selected: 0, opened: None, scroll: 0 };
        self.mode = Mode::History(Box::new(screen));
        // Read again even when kept: a commit since, or edits, change the rows; the
        // history's own caches make that cheap.
        let current = Arc::new(self.report().clone());
        self.effects.push(Effect::ReadHistory { file, current });
    }

    /// A key on the history screen; Esc leaves it, also while it loads.
    pub(super) fn history_key(&mut self, mut screen: Box<HistoryScreen>, action: Action) {
        let rows = match &screen.state {
            HistoryState::Ready(rows) => rows.rows.len(),
            HistoryState::Loading(_) => 0,
        };
        let rows_shown = self.view.viewport.page;
        let page = isize::try_from(rows_shown).unwrap_or(isize::MAX);
        if screen.opened.is_some() {
            match action {
                Action::Back | Action::Open | Action::Quit => screen.opened = None,
                // The next version opens in its place, so a history reads change by change.
                Action::Up | Action::Down => {
                    let delta = if action == Action::Up { -1 } else { 1 };
                    screen.selected = step_within(screen.selected, delta, rows);
                    if let (HistoryState::Ready(rows), Some((_, versions))) =
                        (&screen.state, &self.history.versions)
                    {
                        screen.opened = rows.open(versions, screen.selected);
                    }
                    screen.scroll = 0;
                }
                Action::PageUp => screen.scroll = screen.scroll.saturating_sub(rows_shown),
                Action::PageDown => screen.scroll = screen.scroll.saturating_add(rows_shown),
                Action::Home => screen.scroll = 0,
                _ => {}
            }
            let max = self.view.viewport.history_max;
            screen.scroll = screen.scroll.min(max);
            self.mode = Mode::History(screen);
            return;
        }
        let mut go = |delta: isize| screen.selected = step_within(screen.selected, delta, rows);
        match action {
            Action::Back | Action::Quit | Action::History => return,
            Action::Up => go(-1),
            Action::Down => go(1),
            Action::PageUp => go(-page),
            Action::PageDown => go(page),
            Action::Home => go(isize::MIN / 2),
            Action::End => go(isize::MAX / 2),
            Action::Scroll(_, lines) => go(lines),
            Action::Open => {
                if let (HistoryState::Ready(rows), Some((_, versions))) =
                    (&screen.state, &self.history.versions)
                {
                    screen.opened = rows.open(versions, screen.selected);
                    screen.scroll = 0;
                }
            }
            _ => {}
        }
        self.mode = Mode::History(screen);
    }

    /// News of the reading: said on the screen while it still waits for its rows.
    pub(super) fn history_loading(&mut self, file: &std::path::Path, loading: Loading) {
        if file != self.session.path() {
            return;
        }
        if let Mode::History(screen) = &mut self.mode
            && let HistoryState::Loading(at) = &mut screen.state
        {
            *at = Some(loading);
        }
    }

    /// The versions were read, or could not be: kept for next time, and shown if the screen
    /// is still open; why not is said in the message line.
    pub(super) fn history_read(
        &mut self,
        file: std::path::PathBuf,
        result: Result<Arc<Versions>, HistoryError>,
    ) {
        if file != self.session.path() {
            return;
        }
        let versions = match result {
            Ok(versions) => versions,
            Err(error) => {
                if matches!(self.mode, Mode::History(_)) {
                    self.mode = Mode::Normal;
                    let cause = error.describe(self.texts());
                    self.error_because(self.texts().history_refused, &cause);
                }
                return;
            }
        };
        if let Mode::History(screen) = &mut self.mode {
            let rows = HistoryRows::of(&versions, screen.of, &self.history.zone);
            screen.selected = screen.selected.min(rows.rows.len().saturating_sub(1));
            // A version open stays open only if its row is still the same one.
            let same_row = match &screen.state {
                HistoryState::Ready(old) => {
                    old.rows.get(screen.selected) == rows.rows.get(screen.selected)
                }
                HistoryState::Loading(_) => false,
            };
            if !same_row {
                screen.opened = None;
            }
            screen.state = HistoryState::Ready(rows);
        }
        self.history.versions = Some((file, versions));
    }
}
