//! The application state and `update`, the only place where it changes.

mod baseline;
mod details;
mod edit;
mod figures;
mod file;
mod filter;
mod find;
mod journal;
mod overview;
mod update;

use std::path::PathBuf;

pub use baseline::Baseline;
pub use details::{Details, DetailsOf, Row, RowKind};
pub use edit::{EditTarget, TextEdit};
pub use figures::Figures;
pub use filter::Filter;
pub use overview::{GroupOrder, Overview, OverviewList};

use crate::action::{Action, Pane, Viewport};
use crate::edit::{Change, History, List, Scope};
use crate::i18n::{Lang, Texts};
use crate::model::{Activity, Group, Progress, Report};
use crate::search::Hit;
use crate::store::Expect;
use crate::store::lock::{Holder, Lock};
use crate::store::recovery::Recovery;

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
    /// Typing a search; the search that was active before, to restore on Esc.
    Search { input: String, previous: Option<Search> },
    /// Asking whether to save before leaving.
    ConfirmQuit,
    /// The file changed on disk (or is gone) since it was loaded: asking what to do.
    Conflict { missing: bool },
    /// Typing the name to save under.
    SaveAs(String),
    /// Offering to restore unsaved edits found at start.
    Recover(Box<Offer>),
    /// Typing the threshold below which activities are behind.
    Threshold(String),
    /// Typing the path of the baseline report.
    PickBaseline(String),
    /// Showing every key binding.
    Help,
}

/// Unsaved edits found in the recovery file, and what they change.
#[derive(Debug)]
pub struct Offer {
    pub recovered: Recovery,
    pub file: PathBuf,
    /// One line per difference from the file.
    pub lines: Vec<String>,
}

/// The active search and the match the selection is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
    /// The version of the report the hits were found in; `None` before the first search.
    found_in: Option<u64>,
}

impl Search {
    pub fn new(query: String) -> Search {
        Search { query, hits: Vec::new(), current: None, found_in: None }
    }
}

/// A line for the footer: news of what just happened, or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// An activity below this progress is behind, until the user sets another threshold.
pub const DEFAULT_THRESHOLD: Progress = match Progress::new_const(25) {
    Some(p) => p,
    None => Progress::ZERO,
};

/// `at` moved by `delta` within a list of `len` items, stopping at both ends; in `usize`
/// throughout, so no size wraps.
pub(super) fn step_within(at: usize, delta: isize, len: usize) -> usize {
    step_to(at, delta, len.saturating_sub(1))
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
        Action::Back => return Prompt::Cancel,
        Action::Confirm => return Prompt::Confirm,
        _ => {}
    }
    Prompt::Typing
}

/// Everything the app knows. Drawing reads it; only `update` writes it.
#[derive(Debug)]
pub struct App {
    report: Report,
    path: PathBuf,
    figures: Figures,
    history: History,
    /// The version of the report that the file holds, if any version still does.
    saved_version: Option<u64>,
    /// What the file on disk holds as far as the app knows.
    disk: Expect,
    /// The report's lock, while this app holds it.
    lock: Option<Lock>,
    /// Who holds the report, when this app may only read it.
    read_only: Option<Holder>,
    /// Edits not yet written to the recovery file.
    journal_due: bool,
    /// The editor text last written to the recovery file.
    journaled_text: Option<String>,
    /// This session's recovery file, once it wrote one.
    journal_file: Option<PathBuf>,
    /// The journal being written on another thread, if one is.
    journal_job: Option<journal::Job>,
    /// The recovery file whose edits were restored: removed once they are saved.
    restored_from: Option<PathBuf>,
    /// What to tell the user on the terminal after the app closed.
    exit_note: Option<String>,
    mode: Mode,
    focus: Pane,
    group: usize,
    activity: usize,
    objectives_folded: bool,
    /// Lines scrolled in the activity view and in the help.
    detail_scroll: usize,
    help_scroll: usize,
    search: Option<Search>,
    /// Which activities the table shows.
    filter: Option<Filter>,
    /// Below this progress an activity is behind (overview, filter).
    threshold: Progress,
    /// Activities not started or below the threshold, once the overview asked for them.
    behind: std::cell::OnceCell<Vec<(Progress, usize, usize)>>,
    overview: Overview,
    details: Details,
    /// The earlier report to compare with.
    baseline: Option<Baseline>,
    message: Option<Message>,
    /// What the screen showed last: page size and scroll limits.
    viewport: Viewport,
    should_quit: bool,
    /// The language of every word the app shows or says.
    lang: Lang,
}

impl App {
    pub fn new(report: Report, path: PathBuf) -> App {
        App {
            figures: Figures::of(&report),
            report,
            path,
            history: History::default(),
            saved_version: Some(0),
            disk: Expect::Anything,
            lock: None,
            read_only: None,
            journal_due: false,
            journaled_text: None,
            journal_file: None,
            journal_job: None,
            restored_from: None,
            exit_note: None,
            mode: Mode::Normal,
            focus: Pane::Groups,
            group: 0,
            activity: 0,
            objectives_folded: false,
            detail_scroll: 0,
            help_scroll: 0,
            search: None,
            filter: None,
            threshold: DEFAULT_THRESHOLD,
            behind: std::cell::OnceCell::new(),
            overview: Overview::default(),
            details: Details { of: DetailsOf::Report, row: 0, back_to: Pane::Groups },
            baseline: None,
            message: None,
            viewport: Viewport { page: 10, detail_max: usize::MAX, help_max: usize::MAX },
            should_quit: false,
            lang: Lang::default(),
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
        self.message = Some(Message { text: text.into(), is_error });
        self
    }

    /// Whether the report differs from what the file holds.
    pub fn is_modified(&self) -> bool {
        self.saved_version != Some(self.history.version())
    }

    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report's file.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    pub fn figures(&self) -> &Figures {
        &self.figures
    }

    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The selected group's index.
    pub fn group(&self) -> usize {
        self.group
    }

    /// The selected activity's index within its group.
    pub fn activity(&self) -> usize {
        self.activity
    }

    pub fn objectives_folded(&self) -> bool {
        self.objectives_folded
    }

    /// Lines scrolled in the activity view.
    pub fn detail_scroll(&self) -> usize {
        self.detail_scroll
    }

    /// Lines scrolled in the help.
    pub fn help_scroll(&self) -> usize {
        self.help_scroll
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    pub fn filter(&self) -> Option<Filter> {
        self.filter
    }

    pub fn threshold(&self) -> Progress {
        self.threshold
    }

    pub fn overview(&self) -> &Overview {
        &self.overview
    }

    pub fn details(&self) -> &Details {
        &self.details
    }

    pub fn baseline(&self) -> Option<&Baseline> {
        self.baseline.as_ref()
    }

    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.report.groups.get(self.group)
    }

    pub fn selected_activity(&self) -> Option<&Activity> {
        self.report.activity(self.group, self.activity)
    }

    /// A page of the list in focus, as a move.
    fn page(&self) -> isize {
        isize::try_from(self.viewport.page).unwrap_or(isize::MAX)
    }

    /// Keeps the selection inside the report after it changed shape.
    fn clamp_selection(&mut self) {
        self.group = self.group.min(self.report.groups.len().saturating_sub(1));
        let count = self.selected_group().map_or(0, |g| g.activities.len());
        self.activity = self.activity.min(count.saturating_sub(1));
    }
}
