//! Comparing with the previous round: the baseline report and what changed since.

use std::path::PathBuf;

use super::{App, Effect, Mode, Prompt, edit_line};
use crate::action::Action;
use crate::compare::Comparison;
use crate::format::signed_points;
use crate::history::HistoryError;
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

impl App {
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

    pub(super) fn pick_baseline(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm if input.trim().is_empty() => {
                if self.document.baseline().is_some() {
                    self.document.set_baseline(None);
                    self.info(self.texts().baseline_off);
                }
                return;
            }
            Prompt::Confirm => {
                let path = PathBuf::from(input.trim());
                let file = self.session.path().to_path_buf();
                return self.effects.push(Effect::LoadBaseline { path, file, input });
            }
        }
        self.mode = Mode::PickBaseline(input);
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
                    self.mode = Mode::PickBaseline(input);
                }
            }
        }
    }
}
