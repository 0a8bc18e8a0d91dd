//! Searching from the app: the search prompt and jumping between matches.

use super::{App, Mode, Prompt, Search, edit_line};
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

    /// Moves to the next (or previous) match after the selection; `here` accepts a match at
    /// the selection itself. The search runs again after any edit, so matches follow it.
    pub(super) fn jump_to_match(&mut self, forward: bool, here: bool) {
        let Some(mut active) = self.view.search.take() else {
            return self.info(self.texts().no_search_yet);
        };
        // The search runs again only when the report changed since: n and N just move.
        let version = self.document.revision();
        if active.found_in != Some(version) {
            active.hits = search::find(self.report(), &active.query);
            active.found_in = Some(version);
        }
        if active.hits.is_empty() {
            active.current = None;
            self.error(fill(self.texts().no_match, &[("query", &active.query)]));
            self.view.search = Some(active);
            return;
        }
        let at = (self.view.focus != Pane::Groups).then_some(self.view.activity);
        let place = |hit: &search::Hit| (hit.group, hit.activity);
        let here_key = (self.view.group, at);
        let position = |hit: &search::Hit| place(hit).cmp(&here_key);
        let found = if forward {
            active.hits.iter().position(|h| {
                let order = position(h);
                order.is_gt() || (here && order.is_eq())
            })
        } else {
            active.hits.iter().rposition(|h| position(h).is_lt())
        };
        let wrapped = found.is_none();
        let index = found.unwrap_or(if forward { 0 } else { active.hits.len() - 1 });
        let hit = active.hits[index];
        active.current = Some(index);
        self.view.group = hit.group;
        match hit.activity {
            Some(a) => {
                self.view.activity = a;
                if self.view.focus == Pane::Groups {
                    self.view.focus = Pane::Activities;
                }
            }
            None => {
                self.view.activity = 0;
                self.view.focus = Pane::Groups;
            }
        }
        let total = active.hits.len();
        let texts = self.texts();
        let note = if wrapped { texts.search_wrapped } else { "" };
        self.info(fill(
            texts.match_found,
            &[
                ("number", &(index + 1)),
                ("total", &total),
                ("query", &active.query),
                ("wrapped", &note),
            ],
        ));
        self.view.search = Some(active);
    }
}
