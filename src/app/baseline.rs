//! Comparing with the previous round: the baseline report and what changed since.

use std::path::PathBuf;

use super::{App, Mode, Prompt, Scope, edit_line};
use crate::action::Action;
use crate::compare::{Comparison, compare};
use crate::format::signed_points;
use crate::i18n::{Describe, fill};
use crate::model::Report;
use crate::store;

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
        let comparison = compare(&report, &self.report);
        let delta = signed_points(comparison.delta());
        let changed = comparison.changes().count();
        let path_shown = path.display();
        self.info(fill(
            self.texts().comparing,
            &[("path", &path_shown), ("changed", &changed), ("delta", &delta)],
        ));
        self.baseline = Some(Baseline { path, report, comparison });
    }

    /// Brings the comparison up to date after a change within `scope`.
    pub(super) fn refresh_baseline(&mut self, scope: Scope) {
        let Some(baseline) = &mut self.baseline else { return };
        match scope {
            Scope::Group(g) => baseline.comparison.refresh_group(&baseline.report, &self.report, g),
            Scope::All => baseline.comparison = compare(&baseline.report, &self.report),
        }
    }

    pub(super) fn pick_baseline(&mut self, mut input: String, action: Action) {
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm if input.trim().is_empty() => {
                if self.baseline.take().is_some() {
                    self.info(self.texts().baseline_off);
                }
                return;
            }
            Prompt::Confirm => match store::load(std::path::Path::new(input.trim())) {
                Ok(report) => return self.set_baseline(PathBuf::from(input.trim()), report),
                Err(error) => {
                    self.error_because(
                        self.texts().baseline_refused,
                        &error.describe(self.texts()),
                    );
                }
            },
        }
        self.mode = Mode::PickBaseline(input);
    }
}
