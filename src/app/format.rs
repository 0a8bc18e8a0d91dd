//! Moving a format-1 file on to format 2 from the app: whatever needs format 2 asks first,
//! as `wgtrack migrate` does, and a yes is an undoable change; the save that writes it keeps
//! the format-1 file as its `.bak`, as every save keeps the file it replaces.

use super::{App, Change, Mode};
use crate::action::Action;
use crate::edit::Front;
use crate::i18n::{Texts, fill};
use crate::model::FORMAT;

/// What asked for format 2, so the question can say what the file will hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Distribution,
    Language,
    OriginalLanguage,
    JobNumber,
    Notes,
    NoCoordinators,
    Reviews,
    /// The format itself, asked for by name: everything format 2 can hold.
    Format,
}

impl Needs {
    /// What the choice of the front matter needs.
    pub fn of_front(front: Front) -> Needs {
        match front {
            Front::Distribution(_) => Needs::Distribution,
            Front::Language(_) => Needs::Language,
            Front::OriginalLanguage(_) => Needs::OriginalLanguage,
        }
    }

    /// What format 2 lets the file hold, as the question says it.
    pub fn holds(self, texts: &Texts) -> &'static str {
        match self {
            Needs::Distribution => texts.holds_distribution,
            Needs::Language => texts.holds_language,
            Needs::OriginalLanguage => texts.holds_original_language,
            Needs::JobNumber => texts.holds_job_number,
            Needs::Notes => texts.holds_notes,
            Needs::NoCoordinators => texts.holds_no_coordinators,
            Needs::Reviews => texts.holds_reviews,
            Needs::Format => texts.holds_all,
        }
    }
}

/// What the app goes on to do once the file is format 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// The details form's action, on the row still selected.
    Details(Action),
    /// Asking why the `selected` finding is reviewed.
    Review { selected: usize },
    /// Nothing more: the format was what was asked for.
    Nothing,
}

impl App {
    /// Whether the report must move on to format 2 before doing `then`: if so, it asks
    /// (the caller has refused what a read-only or conflicted file refuses).
    pub(super) fn ask_format_2(&mut self, needs: Needs, then: Then) -> bool {
        if self.report().format >= FORMAT {
            return false;
        }
        self.mode = Mode::ConfirmFormat { needs, then };
        true
    }

    /// The answer: yes moves the report to format 2 and goes on; no changes nothing.
    pub(super) fn confirm_format(&mut self, needs: Needs, then: Then, action: Action) {
        match action {
            Action::Confirm => {
                let from = self.report().format;
                self.apply(Change::Format { from, to: FORMAT });
                if self.report().format < FORMAT {
                    // Refused (the file is another wgtrack's): the refusal is said.
                    return;
                }
                match then {
                    Then::Details(action) => {
                        self.details_action(action);
                    }
                    Then::Review { selected } => self.start_review(selected),
                    Then::Nothing => {}
                }
            }
            Action::Back => {
                let name = self.file_name();
                self.info(fill(self.texts().format_declined, &[("name", &name)]));
                if let Then::Review { selected } = then {
                    self.mode = Mode::Checks { selected };
                }
            }
            _ => self.mode = Mode::ConfirmFormat { needs, then },
        }
    }

    /// Enter on the format row: a format-1 file asks to move on; a format-2 one says so.
    pub(super) fn open_format(&mut self) {
        if self.refuse_if_read_only() || self.refuse_while_conflicted() {
            return;
        }
        if !self.ask_format_2(Needs::Format, Then::Nothing) {
            let (name, format) = (self.file_name(), self.report().format);
            self.info(fill(self.texts().format_current, &[("name", &name), ("format", &format)]));
        }
    }
}
