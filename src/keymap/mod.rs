//! Key bindings: one table behind dispatch, the footer hints and the help overlay, so the
//! three cannot disagree.
//!
//! This file holds the table's types and the lookup; the default table, key names, the words
//! of the footer and help, and rebinding from the configuration each have a file.

mod defaults;
mod editor_keys;
mod keys;
mod rebind;
mod words;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

use crate::action::{Action, Pane};
use crate::app::{App, Mode, ReviewStep};

pub use editor_keys::{EDITOR_KEYS, EditorMove, editor_keys};
pub use keys::{Key, join_keys, key_label};
pub use rebind::{Claim, Clash, Origin, Rebinding};
pub use words::{Word, describe, describe_in, hints};

/// Where a binding applies. The configuration file names a context by the snake_case of
/// the variant; the order is that of the help and of `config --default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Context {
    /// Anywhere outside prompts and editors.
    Global,
    Overview,
    Groups,
    Activities,
    Activity,
    EditProgress,
    Details,
    /// The conflicts a merge left in the file.
    Conflicts,
    EditText,
    ConfirmDelete,
    Search,
    /// The list of the search's matches.
    Matches,
    /// The list of the checks' findings.
    Checks,
    /// The reason a finding is marked reviewed.
    ReviewReason,
    ConfirmQuit,
    Conflict,
    ConfirmSave,
    /// Asking before a format-1 file moves on to format 2.
    ConfirmFormat,
    SaveAs,
    /// Typing the first line of a commit's message.
    Commit,
    Threshold,
    Baseline,
    GoTo,
    /// Typing the path of a returned update sheet.
    Import,
    /// The review of what a returned sheet proposes.
    Review,
    /// Asking before leaving the review without applying the choices made.
    LeaveReview,
    Recover,
    Help,
    /// The history screen.
    History,
}

impl Context {
    /// Every context, in order.
    pub fn all() -> impl Iterator<Item = Context> {
        Context::iter()
    }

    /// The context's name in the configuration file.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The context of this name.
    pub fn from_name(name: &str) -> Option<Context> {
        name.parse().ok()
    }

    /// The contexts a key is looked up in while this one applies, most specific first: the
    /// panes fall back to `Global`, prompts and editors do not.
    pub fn lookup(self) -> &'static [Context] {
        use Context as C;
        match self {
            C::Overview => &[C::Overview, C::Global],
            C::Groups => &[C::Groups, C::Global],
            C::Activities => &[C::Activities, C::Global],
            C::Activity => &[C::Activity, C::Global],
            C::Details => &[C::Details, C::Global],
            C::Conflicts => &[C::Conflicts, C::Global],
            C::Global => &[C::Global],
            C::EditProgress => &[C::EditProgress],
            C::EditText => &[C::EditText],
            C::ConfirmDelete => &[C::ConfirmDelete],
            C::Search => &[C::Search],
            C::Matches => &[C::Matches],
            C::Checks => &[C::Checks],
            C::ReviewReason => &[C::ReviewReason],
            C::ConfirmQuit => &[C::ConfirmQuit],
            C::Conflict => &[C::Conflict],
            C::ConfirmSave => &[C::ConfirmSave],
            C::ConfirmFormat => &[C::ConfirmFormat],
            C::SaveAs => &[C::SaveAs],
            C::Commit => &[C::Commit],
            C::Threshold => &[C::Threshold],
            C::Baseline => &[C::Baseline],
            C::GoTo => &[C::GoTo],
            C::Import => &[C::Import],
            C::Review => &[C::Review],
            C::LeaveReview => &[C::LeaveReview],
            C::Recover => &[C::Recover],
            C::Help => &[C::Help],
            C::History => &[C::History],
        }
    }

    /// Whether a key this context does not bind is looked up in `Global`.
    pub fn falls_back_to_global(self) -> bool {
        self != Context::Global && self.lookup().contains(&Context::Global)
    }
}

/// One key bound to one action in one context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub context: Context,
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
    pub action: Action,
}

/// All bindings, looked up in order: the first match wins.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(app: &App) -> &'static [Context] {
    context(app).lookup()
}

/// The context the app is in: its mode, or in normal mode the pane with the focus.
pub fn context(app: &App) -> Context {
    match (&app.mode(), app.focus()) {
        (Mode::Normal, Pane::Groups) => Context::Groups,
        (Mode::Normal, Pane::Activities) => Context::Activities,
        (Mode::Normal, Pane::Activity) => Context::Activity,
        (Mode::Normal, Pane::Overview) => Context::Overview,
        (Mode::Normal, Pane::Details) => Context::Details,
        (Mode::Normal, Pane::Conflicts) => Context::Conflicts,
        (Mode::Threshold(_), _) => Context::Threshold,
        (Mode::PickBaseline(_), _) => Context::Baseline,
        (Mode::GoTo(_), _) => Context::GoTo,
        (Mode::ImportPath(_), _) => Context::Import,
        (Mode::Review(review), _) => match review.step() {
            ReviewStep::Choosing => Context::Review,
            ReviewStep::EditProgress(_) => Context::EditProgress,
            ReviewStep::EditText(_) => Context::EditText,
            ReviewStep::Leaving => Context::LeaveReview,
        },
        (Mode::EditProgress(_), _) => Context::EditProgress,
        (Mode::EditText(_), _) => Context::EditText,
        (Mode::ConfirmDelete { .. }, _) => Context::ConfirmDelete,
        (Mode::ConfirmFormat { .. }, _) => Context::ConfirmFormat,
        (Mode::Search { .. }, _) => Context::Search,
        (Mode::Matches { .. }, _) => Context::Matches,
        (Mode::Checks { .. }, _) => Context::Checks,
        (Mode::ReviewReason { .. }, _) => Context::ReviewReason,
        (Mode::ConfirmQuit, _) => Context::ConfirmQuit,
        (Mode::Conflict { .. }, _) => Context::Conflict,
        (Mode::ConfirmSave { .. }, _) => Context::ConfirmSave,
        (Mode::SaveAs(_), _) => Context::SaveAs,
        (Mode::Commit(_), _) => Context::Commit,
        (Mode::Recover(_), _) => Context::Recover,
        (Mode::Help, _) => Context::Help,
        (Mode::History(_), _) => Context::History,
    }
}

/// Shift is part of the character itself ('G', '?'), so it is not compared for characters.
fn normalize(code: KeyCode, modifiers: KeyModifiers) -> KeyModifiers {
    match code {
        KeyCode::Char(_) | KeyCode::BackTab => modifiers - KeyModifiers::SHIFT,
        _ => modifiers,
    }
}

impl Keymap {
    /// The action for a key press in the app's current state, if any.
    pub fn action(&self, app: &App, key: KeyEvent) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let contexts = contexts(app);
        let modifiers = normalize(key.code, key.modifiers);
        for context in contexts {
            let bound = self
                .bindings
                .iter()
                .find(|b| b.context == *context && b.code == key.code && b.modifiers == modifiers);
            if let Some(binding) = bound {
                return Some(binding.action.clone());
            }
        }
        // Keys no binding claims are text for prompts and the editor.
        match (contexts.first(), key.code) {
            (Some(Context::EditText), _) => Some(Action::Editor(key)),
            (
                Some(
                    Context::EditProgress
                    | Context::Search
                    | Context::SaveAs
                    | Context::Commit
                    | Context::Threshold
                    | Context::Baseline
                    | Context::GoTo
                    | Context::Import
                    | Context::ReviewReason,
                ),
                KeyCode::Char(c),
            ) if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
                Some(Action::Type(c))
            }
            // A number typed in a list starts going to that group or activity.
            (Some(Context::Groups | Context::Activities), KeyCode::Char(c))
                if c.is_ascii_digit() && modifiers.is_empty() =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The bindings of one context, in table order.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The labels of the keys for `action` in `context`, first bound first.
    pub fn keys(&self, context: Context, action: &Action) -> Vec<String> {
        self.bindings(context)
            .filter(|b| &b.action == action)
            .map(|b| key_label(b.code, b.modifiers))
            .collect()
    }

    /// Every binding, in table order.
    pub fn all(&self) -> &[Binding] {
        &self.bindings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_is_looked_up_first_in_itself_then_at_most_in_global() {
        for context in Context::all() {
            let lookup = context.lookup();
            assert_eq!(lookup.first(), Some(&context));
            assert!(lookup[1..].iter().all(|&c| c == Context::Global), "{context:?}");
        }
    }
}
