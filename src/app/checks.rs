//! The checks before publishing, kept current off the event loop: after a change the report
//! is checked again on the worker (a large report takes a while), one check at a time; the
//! header counts the findings and the Checks screen lists them, each a way to its place.

use super::{App, Effect, Mode, Needs, Prompt, Then, edit_line, list_step};
use crate::action::Action;
use crate::check::{self, Finding, Level};
use crate::edit::Change;
use crate::i18n::{capitalize, fill};

/// The findings of the last check, and what is under way.
#[derive(Debug, Default)]
pub(super) struct Checks {
    findings: Vec<Finding>,
    /// The revision of the document the findings are of; `None` before the first check and
    /// after the document was replaced.
    of: Option<u64>,
    /// Checks asked for and not back yet: results come back in the order asked, so the
    /// last one back is the newest.
    under_way: usize,
}

impl Checks {
    /// The document was replaced (reloaded): what was found is of another report.
    pub fn forget(&mut self) {
        self.of = None;
    }
}

impl App {
    /// The findings of the last check; `None` until the first is back.
    pub fn findings(&self) -> Option<&[Finding]> {
        self.checks.of.map(|_| self.checks.findings.as_slice())
    }

    /// How many findings ask for a look (errors and warnings; information does not).
    pub fn findings_to_look_at(&self) -> usize {
        self.checks.findings.iter().filter(|f| f.level != Level::Information).count()
    }

    /// Asks for a check when the report changed since the last one and none is under way,
    /// so a burst of edits costs one check, not one each.
    pub(super) fn ask_checks(&mut self) {
        let revision = self.document.revision();
        if self.checks.of == Some(revision) || self.checks.under_way > 0 {
            return;
        }
        let baseline = self.document.baseline().map(|b| b.report.clone());
        let report = self.report().clone();
        self.effects.push(Effect::Check { report, baseline, revision });
        self.checks.under_way += 1;
    }

    pub(super) fn checked(&mut self, revision: u64, findings: Vec<Finding>) {
        self.checks.under_way = self.checks.under_way.saturating_sub(1);
        self.checks.findings = findings;
        self.checks.of = Some(revision);
        if let Mode::Checks { selected } = &mut self.mode {
            *selected = (*selected).min(self.checks.findings.len().saturating_sub(1));
        }
    }

    /// Opens the list of findings, on the first at or after the selection; while the first
    /// check runs, the list opens empty and fills when it is back.
    pub(super) fn open_checks(&mut self) {
        match self.findings() {
            None => self.mode = Mode::Checks { selected: 0 },
            Some([]) => self.info(self.texts().checks_none),
            Some(findings) => {
                let here = (Some(self.view.group), Some(self.view.activity));
                let selected = findings
                    .iter()
                    .position(|f| (f.field.group(), f.field.place().map(|(_, a)| a)) >= here)
                    .unwrap_or(0);
                self.mode = Mode::Checks { selected };
            }
        }
    }

    /// Keys of the list of findings.
    pub(super) fn check_list(&mut self, selected: usize, action: Action) {
        let total = self.checks.findings.len();
        let selected = match action {
            Action::Back | Action::Checks | Action::Quit => return,
            Action::Open | Action::Confirm => return self.go_to_finding(selected),
            Action::MarkReviewed => return self.start_review(selected),
            other => list_step(selected, total, self.page(), &other).unwrap_or(selected),
        };
        self.mode = Mode::Checks { selected };
    }

    /// Asks for the reason the finding is reviewed, where the file can be written; a
    /// format-1 file, which cannot keep reviews, is offered to move on to format 2 first.
    pub(super) fn start_review(&mut self, selected: usize) {
        if self.refuse_if_read_only() {
            self.mode = Mode::Checks { selected };
            return;
        }
        if self.ask_format_2(Needs::Reviews, Then::Review { selected }) {
            return;
        }
        self.mode = Mode::ReviewReason { selected, reason: String::new() };
    }

    /// Keys of the reason prompt; Enter marks the finding reviewed, an undoable change.
    pub(super) fn review_reason(&mut self, selected: usize, mut reason: String, action: Action) {
        match edit_line(&mut reason, &action, |_| true) {
            Prompt::Typing => {}
            Prompt::Cancel => return self.mode = Mode::Checks { selected },
            Prompt::Confirm if reason.trim().is_empty() => {}
            Prompt::Confirm => return self.mark_reviewed(selected, &reason),
        }
        self.mode = Mode::ReviewReason { selected, reason };
    }

    fn mark_reviewed(&mut self, selected: usize, reason: &str) {
        let Some(finding) = self.checks.findings.get(selected).cloned() else { return };
        let mut to = self.report().clone();
        let (rule, place) = (finding.rule.name(), finding.place());
        if let Err(why) = check::review(&mut to, &self.checks.findings, rule, &place, reason) {
            return self.error(why);
        }
        let texts = self.texts();
        let label = format!("{} {}", finding.place_in(texts), finding.rule.title(texts));
        let from = self.report().reviews.clone();
        self.apply(Change::Reviews { label, from, to: to.reviews });
        // Back on the list, where the next finding now is.
        let left = self.checks.findings.len().saturating_sub(1);
        self.mode = Mode::Checks { selected: selected.min(left.saturating_sub(1)) };
        self.checks.findings.remove(selected);
    }

    /// Goes to the finding's place and says what was found there.
    fn go_to_finding(&mut self, index: usize) {
        let Some(finding) = self.checks.findings.get(index).cloned() else { return };
        self.show_field(finding.field);
        let texts = self.texts();
        let title = finding.rule.title(texts);
        let (place, total) = (finding.place_in(texts), self.checks.findings.len());
        self.info(fill(
            texts.finding_shown,
            &[
                ("number", &(index + 1)),
                ("total", &total),
                ("place", &place),
                ("rule", &title),
                ("message", &capitalize(&finding.message(texts))),
            ],
        ));
    }
}
