//! The review of a returned update sheet: one row per proposed change, each accepted or
//! rejected, its new value editable before it is taken. Nothing touches the report until
//! the accepted rows are applied (`review_apply`).

use super::editing::editor;
use super::{App, EditTarget, Mode, Prompt, TextEdit, edit_line};
use crate::action::Action;
use crate::edit::{Field, List};
use crate::i18n::fill;
use crate::import::{Change, Import, Proposal};
use crate::model::{Progress, numeral};

/// What a returned sheet proposes, and what the secretary chose for each change.
#[derive(Debug)]
pub struct Review {
    import: Import,
    rows: Vec<ReviewRow>,
    selected: usize,
    step: ReviewStep,
}

/// One proposed change and the choice made for it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewRow {
    /// The change as proposed, or as edited.
    pub proposal: Proposal,
    pub accepted: bool,
    /// Whether its new value was edited here.
    pub edited: bool,
}

/// What the keys do on the review screen.
#[derive(Debug, Default)]
pub enum ReviewStep {
    /// Moving over the rows, accepting and rejecting.
    #[default]
    Choosing,
    /// Typing the selected row's new progress.
    EditProgress(String),
    /// Editing the selected row's new text, in the app's text editor.
    EditText(Box<TextEdit>),
    /// Asking before leaving without applying the choices made.
    Leaving,
}

/// Whether a change is accepted before the secretary says otherwise. The coordinator who
/// filled the sheet is whom the report's facts come from, and every row is in sight before
/// anything is applied: so the secretary rejects the few to leave out rather than accept
/// the many. A change that would empty a text is the exception: a cell left blank by
/// mistake must not erase what the report says, so it waits to be accepted on purpose.
pub fn accepted_by_default(change: &Change) -> bool {
    match change {
        Change::Remarks { from, to, .. } | Change::Description { from, to, .. } => {
            to.trim().is_empty() <= from.trim().is_empty()
        }
        Change::Topic { from, to, .. } => to.is_some() || from.is_none(),
        Change::Progress { .. } | Change::New(_) => true,
    }
}

impl Review {
    pub fn new(import: Import) -> Review {
        let rows = import
            .proposals
            .iter()
            .map(|p| ReviewRow {
                proposal: p.clone(),
                accepted: accepted_by_default(&p.change),
                edited: false,
            })
            .collect();
        Review { import, rows, selected: 0, step: ReviewStep::Choosing }
    }

    /// The file read, its notes and the cells it refused.
    pub fn import(&self) -> &Import {
        &self.import
    }

    pub fn rows(&self) -> &[ReviewRow] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn step(&self) -> &ReviewStep {
        &self.step
    }

    pub fn accepted(&self) -> usize {
        self.rows.iter().filter(|r| r.accepted).count()
    }

    /// Where the changes come from, as the history keeps it: the file, and the country of
    /// the group's coordinator who answered.
    pub fn source(&self) -> String {
        match &self.import.country {
            Some(country) => format!("{} ({country})", self.import.file),
            None => self.import.file.clone(),
        }
    }

    /// Whether the secretary chose anything that leaving would lose.
    pub fn has_choices(&self) -> bool {
        self.rows.iter().any(|r| r.edited || r.accepted != accepted_by_default(&r.proposal.change))
    }

    /// The notes that speak of the selected row's activity (`VIII.7`, not `VIII.17`).
    pub fn notes_for_selected(&self) -> Vec<&str> {
        let Some(row) = self.rows.get(self.selected) else { return Vec::new() };
        let Some(a) = row.proposal.change.activity() else { return Vec::new() };
        let place = format!("{}.{}", numeral(row.proposal.group + 1), a + 1);
        self.import
            .notes
            .iter()
            .filter(|note| {
                note.match_indices(&place).any(|(at, _)| {
                    let after = note[at + place.len()..].chars().next();
                    let before = note[..at].chars().next_back();
                    !after.is_some_and(|c| c.is_ascii_digit())
                        && !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
                })
            })
            .map(String::as_str)
            .collect()
    }
}

impl App {
    /// Opens the review of what `import` proposes.
    pub(super) fn open_review(&mut self, import: Import) {
        let texts = self.texts();
        if import.proposals.is_empty() && import.refusals.is_empty() {
            let numeral = numeral(import.group + 1);
            return self.info(fill(
                texts.import_nothing,
                &[("file", &import.file), ("numeral", &numeral)],
            ));
        }
        if !import.refusals.is_empty() {
            self.error(fill(texts.review_refused_count, &[("count", &import.refusals.len())]));
        }
        self.mode = Mode::Review(Box::new(Review::new(import)));
    }

    pub(super) fn review(&mut self, mut review: Box<Review>, action: Action) {
        match std::mem::take(&mut review.step) {
            ReviewStep::Choosing => {
                if !self.choose(&mut review, action) {
                    return;
                }
            }
            ReviewStep::EditProgress(input) => self.review_progress(&mut review, input, action),
            ReviewStep::EditText(edit) => self.review_text(&mut review, edit, action),
            ReviewStep::Leaving => match action {
                Action::Confirm => return self.info(self.texts().review_left),
                _ => review.step = ReviewStep::Choosing,
            },
        }
        self.mode = Mode::Review(review);
    }

    /// A key while choosing; false when the review is over.
    fn choose(&mut self, review: &mut Review, action: Action) -> bool {
        let len = review.rows.len();
        let page = isize::try_from(self.view.viewport.page).unwrap_or(isize::MAX);
        let mut step = |delta: isize| {
            review.selected = super::step_within(review.selected, delta, len);
        };
        match action {
            Action::Up => step(-1),
            Action::Down => step(1),
            Action::PageUp => step(-page),
            Action::PageDown => step(page),
            Action::Home => step(isize::MIN / 2),
            Action::End => step(isize::MAX / 2),
            Action::ToggleProposal => {
                if let Some(row) = review.rows.get_mut(review.selected) {
                    row.accepted = !row.accepted;
                }
            }
            Action::AcceptAll => review.rows.iter_mut().for_each(|r| r.accepted = true),
            Action::EditProposal => self.start_review_edit(review),
            Action::Confirm => {
                self.apply_review(review);
                return false;
            }
            Action::Back if review.has_choices() => review.step = ReviewStep::Leaving,
            Action::Back => {
                self.info(self.texts().review_left);
                return false;
            }
            _ => {}
        }
        true
    }

    fn start_review_edit(&mut self, review: &mut Review) {
        let Some(row) = review.rows.get(review.selected) else { return };
        let g = row.proposal.group;
        // The field the row changes names the editor and gives its rules (required, one
        // line or paragraphs).
        let (target, text) = match &row.proposal.change {
            Change::Progress { .. } => {
                review.step = ReviewStep::EditProgress(String::new());
                return;
            }
            Change::Remarks { activity, to, .. } => {
                (EditTarget::Field(Field::Remarks(g, *activity)), to.clone())
            }
            Change::Description { activity, to, .. } => {
                (EditTarget::Field(Field::Description(g, *activity)), to.clone())
            }
            Change::Topic { activity, to, .. } => (
                EditTarget::Field(Field::ActivityTopic(g, *activity)),
                to.clone().unwrap_or_default(),
            ),
            Change::New(activity) => {
                let index = List::Activities(g).len(self.report());
                (EditTarget::New { list: List::Activities(g), index }, activity.description.clone())
            }
        };
        review.step = ReviewStep::EditText(Box::new(TextEdit { target, area: editor(&text) }));
    }

    /// The new progress typed, checked as the progress prompt checks it.
    fn review_progress(&mut self, review: &mut Review, mut input: String, action: Action) {
        if let Action::Type(c) = action
            && !c.is_ascii_digit()
        {
            self.error(self.texts().progress_whole_number);
        }
        match edit_line(&mut input, &action, |c| c.is_ascii_digit()) {
            Prompt::Typing => {}
            Prompt::Cancel => return,
            Prompt::Confirm => match input.parse::<i64>().map(Progress::new) {
                Ok(Ok(progress)) => {
                    if let Some(row) = review.rows.get_mut(review.selected)
                        && let Change::Progress { to, .. } = &mut row.proposal.change
                    {
                        *to = progress;
                        row.edited = true;
                        row.accepted = true;
                    }
                    return;
                }
                Ok(Err(e)) => self.refuse_out_of_range(e),
                Err(_) => self.error(self.texts().type_whole_number),
            },
        }
        review.step = ReviewStep::EditProgress(input);
    }

    /// The new text typed, in the app's editor: Esc (or Enter on a one-line field) takes
    /// it, as the editor does for the report; a required text left blank is refused.
    fn review_text(&mut self, review: &mut Review, mut edit: Box<TextEdit>, action: Action) {
        use crossterm::event::KeyCode;
        match action {
            Action::Editor(key) if key.code == KeyCode::Enter && !edit.is_multiline() => {
                return self.take_review_text(review, edit);
            }
            action if self.change_text(&mut edit, &action) => {}
            Action::CancelEdit => {
                let field = edit.title_in(self.texts());
                return self.info(fill(self.texts().edit_cancelled, &[("field", &field)]));
            }
            Action::Back | Action::Save => return self.take_review_text(review, edit),
            _ => {}
        }
        review.step = ReviewStep::EditText(edit);
    }

    fn take_review_text(&mut self, review: &mut Review, edit: Box<TextEdit>) {
        let text = edit.text();
        if crate::validate::is_blank(&text) {
            let texts = self.texts();
            let refused = match edit.target {
                EditTarget::Field(field) if field.is_required() => {
                    Some(fill(texts.required_field, &[("field", &field.describe(texts))]))
                }
                EditTarget::New { list, index } => {
                    Some(fill(texts.required_new, &[("item", &list.describe(index, texts))]))
                }
                EditTarget::Field(_) => None,
            };
            if let Some(message) = refused {
                self.error(message);
                review.step = ReviewStep::EditText(edit);
                return;
            }
        }
        let Some(row) = review.rows.get_mut(review.selected) else { return };
        match &mut row.proposal.change {
            Change::Remarks { to, .. } | Change::Description { to, .. } => *to = text,
            Change::Topic { to, .. } => *to = (!text.trim().is_empty()).then_some(text),
            Change::New(activity) => activity.description = text,
            Change::Progress { .. } => return,
        }
        row.edited = true;
        row.accepted = true;
    }
}
