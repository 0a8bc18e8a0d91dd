//! Unsaved edits found at start: offering to restore them from the recovery file, saying
//! what they change, and recovery files set aside because they do not read.

use std::path::PathBuf;

use super::{App, Change, Effect, Mode, Offer};
use crate::action::Action;
use crate::compare::{ActivityChange, compare};
use crate::edit::Field as TextField;
use crate::i18n::{Texts, fill};
use crate::merge::{Conflict, Field, Place, Value, merge};
use crate::model::numeral;
use crate::store::Expect;
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

    /// Offers to restore unsaved edits found in the recovery file `file`. If the file changed
    /// since they were made, restoring applies the edits over what it holds now, field by
    /// field, so that nothing changed since is reverted; where both changed a field, the
    /// edits' value is kept, and the offer says so.
    pub fn offer_recovery(&mut self, recovered: Recovery, file: PathBuf) {
        let texts = self.texts();
        let base = recovered.base.as_ref().and_then(|base| {
            let unchanged = match self.session.disk() {
                Expect::Content(now) => base.fingerprint == now.to_string(),
                Expect::Absent | Expect::Anything => false,
            };
            if unchanged { None } else { base.report(&recovered.report) }
        });
        let (restore, lines, conflicts) = match &base {
            Some(base) => {
                let merged = merge(base, &recovered.report, self.report());
                let conflicts = merged.conflicts.iter().map(|c| describe_conflict(c, texts));
                let lines = describe_changes(base, &recovered.report, texts);
                (merged.report, lines, conflicts.collect())
            }
            None => {
                let lines = describe_changes(self.report(), &recovered.report, texts);
                (recovered.report.clone(), lines, Vec::new())
            }
        };
        if restore == *self.report() {
            // Nothing the file lacks: the journal is obsolete.
            self.effects.push(Effect::RemoveFile(file));
            return;
        }
        let file_changed = base.is_some();
        let offer = Offer { recovered, file, lines, conflicts, file_changed, restore };
        self.mode = Mode::Recover(Box::new(offer));
    }

    pub(super) fn recover(&mut self, offer: Box<Offer>, action: Action) {
        match action {
            Action::Restore => {
                let Offer { file, conflicts, restore, .. } = *offer;
                let from = Box::new(self.report().clone());
                self.apply(Change::Whole { from, to: Box::new(restore) });
                // Journaled again in this session's file; the old one goes once saved.
                self.session.journal.restored_from = Some(file);
                let texts = self.texts();
                let mut text = texts.restored.to_string();
                if !conflicts.is_empty() {
                    text += &fill(texts.restored_conflicts, &[("count", &conflicts.len())]);
                }
                self.info(text);
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

/// A field both the edits and the file changed, for the recovery prompt.
fn describe_conflict(conflict: &Conflict, texts: &Texts) -> String {
    let (g, a) = match conflict.place {
        Place::Report => (0, 0),
        Place::Group(g) => (g, 0),
        Place::Activity { group, activity } => (group, activity),
    };
    let of = |template: &str| {
        let place = format!("{}.{}", numeral(g + 1), a + 1);
        fill(template, &[("numeral", &numeral(g + 1)), ("place", &place)])
    };
    let field = match conflict.field {
        Field::Symbol => TextField::Symbol.describe(texts),
        Field::Date => TextField::Date.describe(texts),
        Field::Title => TextField::Title.describe(texts),
        Field::Meeting => TextField::Meeting.describe(texts),
        Field::Venue => TextField::Venue.describe(texts),
        Field::Introduction => texts.field_introduction.to_string(),
        Field::GroupTitle => TextField::GroupTitle(g).describe(texts),
        Field::Topic => TextField::GroupTopic(g).describe(texts),
        Field::DocumentType => of(texts.field_document_type),
        Field::GeneralObjective => TextField::GeneralObjective(g).describe(texts),
        Field::SpecificObjectives => of(texts.field_objectives),
        Field::Coordinators => of(texts.field_coordinators),
        Field::ActivityTopic => TextField::ActivityTopic(g, a).describe(texts),
        Field::Description => TextField::Description(g, a).describe(texts),
        Field::Progress => of(texts.field_progress),
        Field::Remarks => TextField::Remarks(g, a).describe(texts),
        Field::Addition(name) => name.to_string(),
        Field::Group | Field::Activity => {
            let name =
                [&conflict.ours, &conflict.theirs, &conflict.base].into_iter().find_map(|value| {
                    match value {
                        Value::Activity(Some(activity)) => Some(activity.description.clone()),
                        Value::Group(Some(group)) => Some(group.title.clone()),
                        _ => None,
                    }
                });
            let name = name.unwrap_or_default();
            format!("“{}”", crate::columns::ellipsize(&name, 40))
        }
    };
    let short = |value: &Value| match value {
        Value::Progress(p) => Some(p.to_string()),
        Value::Text(text) if text.chars().count() <= 30 && !text.contains('\n') => {
            Some(format!("“{text}”"))
        }
        _ => None,
    };
    match (short(&conflict.ours), short(&conflict.theirs), short(&conflict.base)) {
        (Some(ours), Some(theirs), Some(base)) => fill(
            texts.recover_conflict,
            &[("field", &field), ("ours", &ours), ("theirs", &theirs), ("base", &base)],
        ),
        _ => fill(texts.recover_conflict_long, &[("field", &field)]),
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
