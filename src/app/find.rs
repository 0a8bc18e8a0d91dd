//! Searching from the app: the search prompt and jumping between matches.

use super::{App, DetailsOf, Mode, Prompt, Search, edit_line, list_step};
use crate::action::{Action, Pane};
use crate::i18n::fill;
use crate::search;

impl App {
    pub(super) fn type_search(
        &mut self,
        mut input: String,
        previous: Option<Search>,
        mut recalled: Option<usize>,
        action: Action,
    ) {
        let history = &self.view.queries;
        match action {
            Action::OlderQuery => {
                recalled = match recalled {
                    Some(at) => Some(at.saturating_sub(1)),
                    None => history.len().checked_sub(1),
                };
                input = recalled.and_then(|at| history.get(at)).cloned().unwrap_or(input);
                return self.mode = Mode::Search { input, previous, recalled };
            }
            Action::NewerQuery => {
                recalled = recalled.map(|at| at + 1).filter(|&at| at < history.len());
                input = recalled.and_then(|at| history.get(at)).cloned().unwrap_or_default();
                return self.mode = Mode::Search { input, previous, recalled };
            }
            _ => {}
        }
        match edit_line(&mut input, &action, |_| true) {
            Prompt::Typing => self.mode = Mode::Search { input, previous, recalled },
            Prompt::Cancel => self.view.search = previous,
            Prompt::Confirm if input.is_empty() => self.view.search = None,
            Prompt::Confirm => {
                self.view.queries.retain(|q| *q != input);
                self.view.queries.push(input.clone());
                self.view.search = Some(Search::new(input));
                self.jump_to_match(true, true);
            }
        }
    }

    /// The active search with its hits found in the report as it is now: the search runs
    /// again only when the report changed since, so `n`, `N` and the list just move.
    fn current_search(&mut self) -> Option<Search> {
        let mut active = self.view.search.take()?;
        let version = self.document.revision();
        if active.found_in != Some(version) {
            active.hits = search::find_query(self.report(), &active.words);
            active.found_in = Some(version);
            active.current = active.current.filter(|&i| i < active.hits.len());
        }
        Some(active)
    }

    /// Where the selection is, in the order of the report: (group, activity), `None` for
    /// what comes before (the front matter, or a group's own fields).
    fn selection_spot(&self) -> Spot {
        match (self.view.focus, self.view.details.of) {
            (Pane::Details, DetailsOf::Report) => (None, None),
            (Pane::Details, DetailsOf::Group(g)) => (Some(g), None),
            (Pane::Groups | Pane::Overview, _) => (Some(self.view.group), None),
            _ => (Some(self.view.group), Some(self.view.activity)),
        }
    }

    /// Moves to the next (or previous) match after the selection; `here` accepts a match at
    /// the selection itself. From the match last gone to, the next is the one after it in
    /// the list, so `n` and `N` visit every match in the list's order.
    pub(super) fn jump_to_match(&mut self, forward: bool, here: bool) {
        let Some(active) = self.current_search() else {
            return self.info(self.texts().no_search_yet);
        };
        let total = active.hits.len();
        if total == 0 {
            self.error(fill(self.texts().no_match, &[("query", &active.query)]));
            self.view.search = Some(active);
            return;
        }
        let at = self.selection_spot();
        let on_current = active.current.filter(|&i| spot(&active.hits[i]) == at);
        let (index, wrapped) = match on_current {
            Some(i) if here => (i, false),
            Some(i) if forward => ((i + 1) % total, i + 1 == total),
            Some(i) => (i.checked_sub(1).unwrap_or(total - 1), i == 0),
            None => {
                let found = if forward {
                    active.hits.iter().position(|h| {
                        let order = spot(h).cmp(&at);
                        order.is_gt() || (here && order.is_eq())
                    })
                } else {
                    active.hits.iter().rposition(|h| spot(h).cmp(&at).is_lt())
                };
                (found.unwrap_or(if forward { 0 } else { total - 1 }), found.is_none())
            }
        };
        self.view.search = Some(active);
        self.go_to_match(index, wrapped);
    }

    /// Opens the list of every match, on the match last gone to or the first after the
    /// selection.
    pub(super) fn open_match_list(&mut self) {
        let Some(active) = self.current_search() else {
            return self.info(self.texts().no_search_yet);
        };
        if active.hits.is_empty() {
            self.error(fill(self.texts().no_match, &[("query", &active.query)]));
            self.view.search = Some(active);
            return;
        }
        let at = self.selection_spot();
        let selected =
            active.current.or_else(|| active.hits.iter().position(|h| spot(h) >= at)).unwrap_or(0);
        self.view.search = Some(active);
        self.mode = Mode::Matches { selected };
    }

    /// Keys of the list of matches.
    pub(super) fn match_list(&mut self, selected: usize, action: Action) {
        let total = self.view.search.as_ref().map_or(0, |s| s.hits.len());
        let selected = match action {
            Action::Back | Action::MatchList | Action::Quit => return,
            Action::Open | Action::Confirm => return self.go_to_match(selected, false),
            Action::NextMatch => (selected + 1) % total.max(1),
            Action::PrevMatch => selected.checked_sub(1).unwrap_or(total.saturating_sub(1)),
            other => list_step(selected, total, self.page(), &other).unwrap_or(selected),
        };
        self.mode = Mode::Matches { selected };
    }

    /// Goes to match `index` of the search and says which it is.
    fn go_to_match(&mut self, index: usize, wrapped: bool) {
        let Some(active) = self.view.search.as_mut() else { return };
        let Some(hit) = active.hits.get(index).cloned() else { return };
        active.current = Some(index);
        let (query, total) = (active.query.clone(), active.hits.len());
        self.show_field(hit.field);
        let texts = self.texts();
        let place = search::place(hit.field, self.report(), texts);
        let note = if wrapped { texts.search_wrapped } else { "" };
        self.info(fill(
            texts.match_found,
            &[
                ("number", &(index + 1)),
                ("total", &total),
                ("query", &query),
                ("place", &place),
                ("wrapped", &note),
            ],
        ));
    }
}

/// A place in the report's order: (group, activity), `None` before any.
type Spot = (Option<usize>, Option<usize>);

fn spot(hit: &search::Hit) -> Spot {
    (hit.field.group(), hit.field.activity().map(|(_, a)| a))
}
