//! The application state and `update`, the only place where it changes.

mod baseline;
mod checks;
mod commit;
mod conflicts;
mod details;
mod document;
mod editing;
mod effect;
mod field_checks;
mod figures;
mod file;
mod filter;
mod find;
mod format;
mod goto;
mod history;
mod history_rows;
mod journal;
mod outside;
mod overview;
mod recovery;
mod remarks;
mod returned;
mod review;
mod rows;
mod session;
mod update;
mod view;

use std::path::PathBuf;

pub use baseline::{Baseline, BaselinePick, Offered};
pub use commit::{AfterMessage, CommitPrompt, CommitWhen, write_message};
pub use conflicts::{brief, change_to, label, text_field};
pub use details::{Details, DetailsOf, Row, RowKind};
pub use document::Document;
pub use editing::{EditTarget, TextEdit};
pub use effect::{AfterSave, Effect, Outcome, SaveAsError};
pub use figures::Figures;
pub use filter::Filter;
pub use format::{Needs, Then};
pub use history::{HistoryOf, HistoryScreen, HistoryState};
pub use history_rows::{CommitLine, HistoryRow, HistoryRows, OpenedVersion, Piece};
pub use outside::Handover;
pub use overview::{ChangeRow, GroupOrder, Overview, OverviewList};
pub use review::{Review, ReviewRow, ReviewStep, accepted_by_default};
pub use session::Session;
pub use view::{DEFAULT_THRESHOLD, Message, Search};

use crate::action::{Action, Pane};
use crate::edit::{Change, List, Scope};
use crate::i18n::{Lang, Texts};
use crate::model::{Activity, Group, Progress, Report};
use crate::store::recovery::Recovery;
use crate::store::{Caution, Expect};
use view::View;

/// What the keyboard is doing right now; each mode carries what it is editing.
#[derive(Debug, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing a new progress for the selected activity.
    EditProgress(String),
    /// Editing a text: remarks, a description, any field, or a new item's first field.
    EditText(Box<TextEdit>),
    /// Asking before deleting an item.
    ConfirmDelete { list: List, index: usize },
    /// Asking before moving a format-1 file on to format 2, which `needs` asked for; `then`
    /// is what follows a yes.
    ConfirmFormat { needs: Needs, then: Then },
    /// Typing a search; the search that was active before, to restore on Esc; which earlier
    /// query is shown, if one was recalled (an index into the view's history).
    Search { input: String, previous: Option<Search>, recalled: Option<usize> },
    /// The list of the search's matches, with the one selected.
    Matches { selected: usize },
    /// Asking whether to save before leaving.
    ConfirmQuit,
    /// The file changed on disk (or is gone) since it was loaded: asking what to do.
    Conflict { missing: bool },
    /// The file is read-only, or a save would drop what it holds: asking before the save
    /// (expecting `expect`, then doing `then`) is done anyway.
    ConfirmSave { caution: Caution, expect: Expect, then: AfterSave },
    /// Typing the name to save under.
    SaveAs(String),
    /// Typing the first line of a commit's message; the list of changes below it.
    Commit(Box<CommitPrompt>),
    /// Offering to restore unsaved edits found at start.
    Recover(Box<Offer>),
    /// Typing the threshold below which activities are behind.
    Threshold(String),
    /// Typing the path of the baseline report, or choosing a revision.
    PickBaseline(Box<BaselinePick>),
    /// Typing the number of a group or an activity to go to.
    GoTo(String),
    /// Typing the path of a returned update sheet.
    ImportPath(String),
    /// Reviewing what a returned sheet proposes.
    Review(Box<Review>),
    /// Showing every key binding.
    Help,
    /// The list of the checks' findings, with the one selected.
    Checks { selected: usize },
    /// Typing the reason the `selected` finding is marked reviewed.
    ReviewReason { selected: usize, reason: String },
    /// The history of an activity, a group or the programme through the commits.
    History(Box<HistoryScreen>),
}

/// Unsaved edits found in the recovery file, and what they change.
#[derive(Debug)]
pub struct Offer {
    pub recovered: Recovery,
    pub file: PathBuf,
    /// One line per edit.
    pub lines: Vec<String>,
    /// One line per field that both the edits and the file changed since.
    pub conflicts: Vec<String>,
    /// Whether the file changed since the edits were made.
    pub file_changed: bool,
    /// The report that restoring gives.
    pub restore: Report,
}

/// `at` moved by `delta` within a list of `len` items, stopping at both ends; in `usize`
/// throughout, so no size wraps.
pub(super) fn step_within(at: usize, delta: isize, len: usize) -> usize {
    step_to(at, delta, len.saturating_sub(1))
}

/// Where a key that moves in a list of `total` rows, `page` to a page, takes the selection
/// from `selected`; `None` for a key that does not move.
pub(super) fn list_step(
    selected: usize,
    total: usize,
    page: isize,
    action: &Action,
) -> Option<usize> {
    let step = |delta: isize| step_within(selected, delta, total);
    Some(match action {
        Action::Up => step(-1),
        Action::Down => step(1),
        Action::PageUp => step(-page),
        Action::PageDown => step(page),
        Action::Home => 0,
        Action::End => total.saturating_sub(1),
        Action::Scroll(_, lines) => step(*lines),
        _ => return None,
    })
}

/// `at` moved by `delta` within `0..=last`.
pub(super) fn step_to(at: usize, delta: isize, last: usize) -> usize {
    let to = if delta >= 0 {
        at.saturating_add(delta.unsigned_abs())
    } else {
        at.saturating_sub(delta.unsigned_abs())
    };
    to.min(last)
}

/// What a key did to a one-line prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prompt {
    /// The text may have changed; the prompt stays.
    Typing,
    Cancel,
    Confirm,
}

/// Applies a key to a one-line prompt's `input`, keeping only characters `accept` allows.
pub(super) fn edit_line(input: &mut String, action: &Action, accept: fn(char) -> bool) -> Prompt {
    match action {
        Action::Type(c) if accept(*c) => input.push(*c),
        Action::Paste(text) => input.extend(text.chars().filter(|c| !c.is_control() && accept(*c))),
        Action::Erase => {
            input.pop();
        }
        Action::EraseWord => {
            // The blanks before the cursor, then the word before them, as a shell does.
            let kept = input.trim_end().trim_end_matches(|c: char| !c.is_whitespace()).len();
            input.truncate(kept);
        }
        Action::ClearLine => input.clear(),
        Action::Back => return Prompt::Cancel,
        Action::Confirm => return Prompt::Confirm,
        _ => {}
    }
    Prompt::Typing
}

/// Everything the app knows. Drawing reads it; only `update` and `complete` write it.
#[derive(Debug)]
pub struct App {
    document: Document,
    session: Session,
    view: View,
    mode: Mode,
    /// The language of every word the app shows or says.
    lang: Lang,
    /// Work for outside the app, in the order asked for.
    effects: Vec<Effect>,
    /// Text for the user's own editor, which needs the terminal.
    handover: Option<Handover>,
    should_quit: bool,
    /// Leaving because the process must stop: the last journal's outcome is said on exit.
    terminating: bool,
    /// What to tell the user on the terminal after the app closed.
    exit_note: Option<String>,
    /// The checks before publishing, as last found.
    checks: checks::Checks,
    /// The report's versions in git as last read, and the time zone their dates are in.
    history: history::HistoryCache,
    /// Committing the report to git.
    commit: commit::Committing,
}

impl App {
    pub fn new(report: Report, path: PathBuf) -> App {
        App {
            document: Document::new(report),
            session: Session::new(path),
            view: View::default(),
            mode: Mode::Normal,
            lang: Lang::default(),
            effects: Vec::new(),
            handover: None,
            should_quit: false,
            terminating: false,
            exit_note: None,
            checks: checks::Checks::default(),
            history: history::HistoryCache::default(),
            commit: commit::Committing::default(),
        }
    }

    /// Speaks `lang`; set it first, before anything that leaves a message.
    pub fn with_lang(mut self, lang: Lang) -> App {
        self.lang = lang;
        self
    }

    /// The language the app speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Every text of the interface, in the app's language.
    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    /// Starts with a message in the footer (a problem with the configuration, say).
    pub fn with_message(mut self, text: impl Into<String>, is_error: bool) -> App {
        self.view.message = Some(Message { text: text.into(), is_error });
        self
    }

    /// The work `update` and `complete` asked for since last taken, in order. Whoever runs
    /// the app carries it out and hands each outcome to `complete`.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Whether the report differs from what the file holds.
    pub fn is_modified(&self) -> bool {
        self.document.is_modified()
    }

    pub fn report(&self) -> &Report {
        self.document.report()
    }

    /// The report's file.
    pub fn path(&self) -> &std::path::Path {
        self.session.path()
    }

    /// The report file's name, as messages and questions say it.
    pub fn file_name(&self) -> String {
        let path = self.path();
        path.file_name().map_or(path.display().to_string(), |n| n.display().to_string())
    }

    pub fn figures(&self) -> &Figures {
        self.document.figures()
    }

    pub fn baseline(&self) -> Option<&Baseline> {
        self.document.baseline()
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn focus(&self) -> Pane {
        self.view.focus
    }

    /// The selected group's index.
    pub fn group(&self) -> usize {
        self.view.group
    }

    /// The selected activity's index within its group.
    pub fn activity(&self) -> usize {
        self.view.activity
    }

    /// Whether the group's objectives are folded: as the user chose for this report, else
    /// where showing them would leave the activity table too few rows.
    pub fn objectives_folded(&self) -> bool {
        self.view.objectives_folded.unwrap_or(self.view.viewport.objectives_crowd)
    }

    /// Lines scrolled in the group's title, coordinators and objectives.
    pub fn info_scroll(&self) -> usize {
        self.view.info_scroll
    }

    /// Lines scrolled in the activity view.
    pub fn detail_scroll(&self) -> usize {
        self.view.detail_scroll
    }

    /// Lines scrolled in the help.
    pub fn help_scroll(&self) -> usize {
        self.view.help_scroll
    }

    pub fn search(&self) -> Option<&Search> {
        self.view.search.as_ref()
    }

    pub fn filter(&self) -> Option<Filter> {
        self.view.filter
    }

    pub fn threshold(&self) -> Progress {
        self.view.threshold
    }

    pub fn overview(&self) -> &Overview {
        &self.view.overview
    }

    pub fn details(&self) -> &Details {
        &self.view.details
    }

    /// The message of the moment; else, while unsaved edits cannot be kept, why.
    pub fn message(&self) -> Option<&Message> {
        self.view.message.as_ref().or(self.session.journal.failure.as_ref())
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.report().groups.get(self.view.group)
    }

    pub fn selected_activity(&self) -> Option<&Activity> {
        self.report().activity(self.view.group, self.view.activity)
    }

    /// A page of the list in focus, as a move.
    fn page(&self) -> isize {
        isize::try_from(self.view.viewport.page).unwrap_or(isize::MAX)
    }

    /// Keeps the selection inside the report after it changed shape.
    fn clamp_selection(&mut self) {
        let groups = self.report().groups.len();
        self.view.group = self.view.group.min(groups.saturating_sub(1));
        let count = self.selected_group().map_or(0, |g| g.activities.len());
        self.view.activity = self.view.activity.min(count.saturating_sub(1));
    }
}
