//! The view: what the user looks at and where, independent of the report's content: the
//! focus, the selection, scroll offsets, the search, the filter, the overview and details
//! forms, and the footer's message. Plain navigation state that the app's handlers move;
//! read from outside through `App`'s accessors.

use super::remarks::RemarksLayout;
use super::{Details, DetailsOf, Filter, Overview};
use crate::action::{Pane, Viewport};
use crate::model::Progress;
use crate::search::{Hit, Query};

/// The active search and the match the selection is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    /// The query folded, made once for the search and for every highlight drawn.
    pub words: Query,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
    /// The revision of the report the hits were found in; `None` before the first search.
    pub(super) found_in: Option<u64>,
}

impl Search {
    pub fn new(query: String) -> Search {
        Search { words: Query::new(&query), query, hits: Vec::new(), current: None, found_in: None }
    }

    /// The match the selection was last taken to.
    pub fn current_hit(&self) -> Option<&Hit> {
        self.hits.get(self.current?)
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

/// Activities not started or below the threshold, least advanced first, as (progress,
/// group, activity), with the revision and threshold they were worked out for.
#[derive(Debug, Default)]
pub(super) struct Behind {
    pub list: Vec<(Progress, usize, usize)>,
    pub of: Option<(u64, Progress)>,
}

/// Where the user is and what they see.
#[derive(Debug)]
pub(super) struct View {
    pub focus: Pane,
    pub group: usize,
    pub activity: usize,
    /// The user's choice; `None` folds them where the table would be left too few rows.
    pub objectives_folded: Option<bool>,
    /// Lines scrolled in the group's title, coordinators and objectives.
    pub info_scroll: usize,
    /// Lines scrolled in the activity view and in the help.
    pub detail_scroll: usize,
    pub help_scroll: usize,
    /// Kept current by `update` while the activity view shows them.
    pub remarks: RemarksLayout,
    pub search: Option<Search>,
    /// The queries searched, oldest first, each once.
    pub queries: Vec<String>,
    /// Which activities the table shows.
    pub filter: Option<Filter>,
    /// Below this progress an activity is behind (overview, filter).
    pub threshold: Progress,
    /// Kept current by `update` while the overview shows it.
    pub behind: Behind,
    pub overview: Overview,
    pub details: Details,
    /// The conflict selected in the conflicts screen.
    pub conflict: usize,
    pub message: Option<Message>,
    /// What the screen showed last: page size and scroll limits.
    pub viewport: Viewport,
}

impl Default for View {
    fn default() -> View {
        View {
            focus: Pane::Groups,
            group: 0,
            activity: 0,
            objectives_folded: None,
            info_scroll: 0,
            detail_scroll: 0,
            help_scroll: 0,
            remarks: RemarksLayout::default(),
            search: None,
            queries: Vec::new(),
            filter: None,
            threshold: DEFAULT_THRESHOLD,
            behind: Behind::default(),
            overview: Overview::default(),
            details: Details { of: DetailsOf::Report, row: 0, back_to: Pane::Groups },
            conflict: 0,
            message: None,
            viewport: Viewport {
                page: 10,
                detail_max: usize::MAX,
                detail_width: 0,
                help_max: usize::MAX,
                history_max: usize::MAX,
                info_max: usize::MAX,
                objectives_crowd: false,
                editor_width: 80,
                editor_rows: 10,
            },
        }
    }
}
