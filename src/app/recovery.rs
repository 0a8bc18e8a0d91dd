//! Unsaved edits found at start: offering to restore them from the recovery file, saying
//! what they change, and recovery files set aside because they do not read.

use std::path::PathBuf;

use super::{App, Change, Effect, Mode, Offer};
use crate::action::Action;
use crate::compare::{ActivityChange, compare};
use crate::i18n::{Texts, fill};
use crate::model::numeral;
use crate::store::recovery::Recovery;

impl App {
    /// Says that recovery files that do not read were set aside (where, and why the first).
    pub fn with_set_aside(mut self, files: &[(PathBuf, String)]) -> App {
        if let Some((path, cause)) = files.first() {
            let texts = self.texts();
            let more = match files.len() - 1 {
                0 => String::new(),
                count => fill(texts.recovery_set_aside_more, &[("count", &count)]),
            };
            let path = path.display();
            let text = fill(
                texts.recovery_set_aside,
                &[("path", &path), ("cause", cause), ("more", &more)],
            );
            self.error(text);
        }
        self
    }

    /// Offers to restore unsaved edits found in the recovery file `file`.
    pub fn offer_recovery(&mut self, recovered: Recovery, file: PathBuf) {
        if recovered.report == *self.report() {
            // Nothing the file lacks: the journal is obsolete.
            self.effects.push(Effect::RemoveFile(file));
            return;
        }
        let lines = describe_changes(self.report(), &recovered.report, self.texts());
        self.mode = Mode::Recover(Box::new(Offer { recovered, file, lines }));
    }

    pub(super) fn recover(&mut self, offer: Box<Offer>, action: Action) {
        match action {
            Action::Restore => {
                let from = Box::new(self.report().clone());
                let to = Box::new(offer.recovered.report.clone());
                self.apply(Change::Whole { from, to });
                // Journaled again in this session's file; the old one goes once saved.
                self.session.journal.restored_from = Some(offer.file);
                self.info(self.texts().restored);
            }
            Action::DiscardRecovery => {
                self.effects.push(Effect::RemoveFile(offer.file));
                self.info(self.texts().discarded);
            }
            Action::Back | Action::KeepRecovery => {
                let path = offer.file.display();
                self.info(fill(self.texts().kept_recovery, &[("path", &path)]));
            }
            _ => self.mode = Mode::Recover(offer),
        }
    }
}

/// One line per difference between `saved` and `recovered`, for the recovery prompt.
fn describe_changes(
    saved: &crate::model::Report,
    recovered: &crate::model::Report,
    texts: &Texts,
) -> Vec<String> {
    let comparison = compare(saved, recovered);
    let mut lines = Vec::new();
    if comparison.front_matter_changed {
        lines.push(texts.recover_front_matter.to_string());
    }
    for (group, change) in comparison.changes() {
        let g = group.new.or(group.old).map_or(String::new(), |g| numeral(g + 1));
        lines.push(match change {
            ActivityChange::Matched { new, from, to, remarks_changed, .. } => {
                let mut parts = Vec::new();
                if from != to {
                    parts.push(fill(texts.recover_progress, &[("from", from), ("to", to)]));
                }
                if *remarks_changed {
                    parts.push(texts.recover_remarks.to_string());
                }
                if parts.is_empty() {
                    parts.push(texts.recover_description.to_string());
                }
                format!("{g}.{}: {}", new + 1, parts.join(", "))
            }
            ActivityChange::Added { new } => {
                format!("{g}.{}: {}", new + 1, texts.recover_new_activity)
            }
            ActivityChange::Removed { description, .. } => {
                format!("{g}: {}", fill(texts.recover_removed, &[("description", description)]))
            }
        });
    }
    lines
}
