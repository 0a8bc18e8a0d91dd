//! Comparing with the previous round: the baseline report and what changed since.

use std::path::PathBuf;

use super::{App, Effect, Mode, Prompt, edit_line, step_within};
use crate::action::Action;
use crate::compare::Comparison;
use crate::format::{date_time, signed_points};
use crate::history::{Choice, HistoryError};
use crate::i18n::{Describe, fill};
use crate::model::Report;

/// The earlier report the current one is compared with.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub path: PathBuf,
    pub report: Report,
    /// Kept current: computed again after every change.
    pub comparison: Comparison,
}

/// The baseline prompt: what is typed, and below it the tags and recent commits of the
/// file's repository to choose from (none outside git, nor until they are listed).
#[derive(Debug, Default)]
pub struct BaselinePick {
    pub input: String,
    pub choices: Vec<Offered>,
    /// The choice the input was taken from, until something is typed.
    pub selected: Option<usize>,
}

/// A revision offered, with its date in local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub choice: Choice,
    pub date: String,
}

impl App {
    /// Opens the baseline prompt with `input`, and asks for the revisions to offer.
    pub(super) fn ask_baseline(&mut self, input: String) {
        self.mode = Mode::PickBaseline(Box::new(BaselinePick { input, ..BaselinePick::default() }));
        let file = self.session.path().to_path_buf();
        self.effects.push(Effect::ListChoices { file });
    }

    /// The revisions to offer were listed; outside git nothing is offered, and nothing said:
    /// the prompt takes a file as ever.
    pub(super) fn choices_listed(
        &mut self,
        file: &std::path::Path,
        result: Result<Vec<Choice>, HistoryError>,
    ) {
        let (Mode::PickBaseline(pick), Ok(choices)) = (&mut self.mode, result) else { return };
        if file != self.session.path() {
            return;
        }
        let zone = &self.history.zone;
        pick.choices = choices
            .into_iter()
            .map(|choice| Offered { date: date_time(choice.time, zone), choice })
            .collect();
    }

    /// Compares the report with `report`, read from `path`.
    pub fn with_baseline(mut self, path: PathBuf, report: Report) -> App {
        self.set_baseline(path, report);
        self
    }

    fn set_baseline(&mut self, path: PathBuf, report: Report) {
        self.document.set_baseline(Some((path, report)));
        let Some(baseline) = self.document.baseline() else { return };
        let delta = signed_points(baseline.comparison.delta());
        let changed = baseline.comparison.changes().count();
        let path_shown = baseline.path.display();
        let text = fill(
            self.texts().comparing,
            &[("path", &path_shown), ("changed", &changed), ("delta", &delta)],
        );
        self.info(text);
    }

    pub(super) fn pick_baseline(&mut self, mut pick: Box<BaselinePick>, action: Action) {
        let count = pick.choices.len();
        if let (Action::Up | Action::Down, true) = (&action, count > 0) {
            let at = match (pick.selected, &action) {
                (None, Action::Down) => 0,
                (None, _) => count - 1,
                (Some(at), Action::Up) => step_within(at, -1, count),
                (Some(at), _) => step_within(at, 1, count),
            };
            pick.selected = Some(at);
            pick.input = pick.choices[at].choice.rev.clone();
            self.mode = Mode::PickBaseline(pick);
            return;
        }
        let before = pick.input.clone();
        let input = &mut pick.input;
        match edit_line(input, &action, |_| true) {
            Prompt::Typing => {
                if *input != before {
                    pick.selected = None;
                }
            }
            Prompt::Cancel => return,
            Prompt::Confirm if pick.input.trim().is_empty() => {
                if self.document.baseline().is_some() {
                    self.document.set_baseline(None);
                    self.info(self.texts().baseline_off);
                }
                return;
            }
            Prompt::Confirm => {
                let path = PathBuf::from(pick.input.trim());
                let file = self.session.path().to_path_buf();
                let input = pick.input;
                return self.effects.push(Effect::LoadBaseline { path, file, input });
            }
        }
        self.mode = Mode::PickBaseline(pick);
    }

    /// The baseline asked for was read, or could not be: then the prompt opens again with
    /// what was typed, unless the user went on to something else.
    pub(super) fn baseline_loaded(
        &mut self,
        path: PathBuf,
        input: String,
        result: Result<Report, HistoryError>,
    ) {
        match result {
            Ok(report) => self.set_baseline(path, report),
            Err(error) => {
                self.error_because(self.texts().baseline_refused, &error.describe(self.texts()));
                if matches!(self.mode, Mode::Normal) {
                    self.ask_baseline(input);
                }
            }
        }
    }
}
