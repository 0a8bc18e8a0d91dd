//! The application state and `update`, the only place where it changes.

mod figures;
mod history;
mod update;

use std::path::PathBuf;

use ratatui_textarea::TextArea;

pub use figures::Figures;
pub use history::{Change, History};

use crate::action::{Pane, Viewport};
use crate::model::{Activity, Group, Report};
use crate::search::Hit;

/// What the keyboard is doing right now; each mode carries what it is editing.
#[derive(Debug, Default)]
pub enum Mode {
    #[default]
    Normal,
    /// Typing a new progress for the selected activity.
    EditProgress(String),
    /// Editing the selected activity's remarks.
    EditRemarks(Box<TextArea<'static>>),
    /// Typing a search; the search that was active before, to restore on Esc.
    Search {
        input: String,
        previous: Option<Search>,
    },
    /// Asking whether to save before leaving.
    ConfirmQuit,
    /// Showing every key binding.
    Help,
}

/// The active search and the match the selection is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

/// A line for the footer: news of what just happened, or an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

/// Everything the app knows. Drawing reads it; only `update` writes it.
#[derive(Debug)]
pub struct App {
    pub report: Report,
    pub path: PathBuf,
    pub figures: Figures,
    history: History,
    /// The version of the report that the file holds, if any version still does.
    saved_version: Option<u64>,
    pub mode: Mode,
    pub focus: Pane,
    pub group: usize,
    pub activity: usize,
    pub objectives_folded: bool,
    /// Lines scrolled in the activity view and in the help.
    pub detail_scroll: usize,
    pub help_scroll: usize,
    pub search: Option<Search>,
    pub message: Option<Message>,
    /// What the screen showed last: page size and scroll limits.
    viewport: Viewport,
    pub should_quit: bool,
}

impl App {
    pub fn new(report: Report, path: PathBuf) -> App {
        App {
            figures: Figures::of(&report),
            report,
            path,
            history: History::default(),
            saved_version: Some(0),
            mode: Mode::Normal,
            focus: Pane::Groups,
            group: 0,
            activity: 0,
            objectives_folded: false,
            detail_scroll: 0,
            help_scroll: 0,
            search: None,
            message: None,
            viewport: Viewport {
                page: 10,
                detail_max: usize::MAX,
                help_max: usize::MAX,
            },
            should_quit: false,
        }
    }

    /// Whether the report differs from what the file holds.
    pub fn is_modified(&self) -> bool {
        self.saved_version != Some(self.history.version())
    }

    pub fn selected_group(&self) -> Option<&Group> {
        self.report.groups.get(self.group)
    }

    pub fn selected_activity(&self) -> Option<&Activity> {
        self.report.activity(self.group, self.activity)
    }
}
