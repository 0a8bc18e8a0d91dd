//! Key bindings: one table behind dispatch, the footer hints and the help overlay, so the
//! three cannot disagree.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Pane};
use crate::app::{App, Mode};
use crate::i18n::{Lang, Texts};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Anywhere outside prompts and editors.
    Global,
    Overview,
    Groups,
    Activities,
    Activity,
    EditProgress,
    EditText,
    ConfirmDelete,
    Details,
    Search,
    ConfirmQuit,
    Conflict,
    SaveAs,
    Threshold,
    Baseline,
    Recover,
    Help,
}

impl Context {
    /// The heading of the context in the help overlay, in English (the README's).
    pub fn title(self) -> &'static str {
        self.title_in(Lang::En.texts())
    }

    /// The heading of the context in the help overlay.
    pub fn title_in(self, texts: &Texts) -> &'static str {
        match self {
            Context::Global => texts.context_global,
            Context::Overview => texts.context_overview,
            Context::Groups => texts.context_groups,
            Context::Activities => texts.context_activities,
            Context::Activity => texts.context_activity,
            Context::EditProgress => texts.context_edit_progress,
            Context::EditText => texts.context_edit_text,
            Context::ConfirmDelete => texts.context_confirm_delete,
            Context::Details => texts.context_details,
            Context::Search => texts.context_search,
            Context::ConfirmQuit => texts.context_confirm_quit,
            Context::Conflict => texts.context_conflict,
            Context::SaveAs => texts.context_save_as,
            Context::Threshold => texts.context_threshold,
            Context::Baseline => texts.context_baseline,
            Context::Recover => texts.context_recover,
            Context::Help => texts.context_help,
        }
    }

    pub const ALL: [Context; 17] = [
        Context::Global,
        Context::Overview,
        Context::Groups,
        Context::Activities,
        Context::Activity,
        Context::EditProgress,
        Context::Details,
        Context::EditText,
        Context::ConfirmDelete,
        Context::Search,
        Context::ConfirmQuit,
        Context::Conflict,
        Context::SaveAs,
        Context::Threshold,
        Context::Baseline,
        Context::Recover,
        Context::Help,
    ];
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

impl Default for Keymap {
    fn default() -> Keymap {
        use Action as A;
        use Context as C;
        use KeyCode as K;
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let alt = KeyModifiers::ALT;
        let mut bindings = Vec::new();
        let mut bind = |context, code, modifiers, action| {
            bindings.push(Binding { context, code, modifiers, action });
        };
        for list in [C::Groups, C::Activities, C::Overview] {
            bind(list, K::Up, none, A::Up);
            bind(list, K::Char('k'), none, A::Up);
            bind(list, K::Down, none, A::Down);
            bind(list, K::Char('j'), none, A::Down);
            bind(list, K::PageUp, none, A::PageUp);
            bind(list, K::PageDown, none, A::PageDown);
            bind(list, K::Home, none, A::Home);
            bind(list, K::Char('g'), none, A::Home);
            bind(list, K::End, none, A::End);
            bind(list, K::Char('G'), none, A::End);
            bind(list, K::Enter, none, A::Open);
        }
        bind(C::Overview, K::Esc, none, A::Back);
        bind(C::Overview, K::Char('s'), none, A::SortGroups);
        bind(C::Overview, K::Char('t'), none, A::SetThreshold);
        bind(C::Activities, K::Char('f'), none, A::CycleFilter);
        bind(C::Activities, K::Char('x'), none, A::ClearFilter);
        bind(C::Groups, K::Right, none, A::NextPane);
        bind(C::Groups, K::Char('l'), none, A::NextPane);
        bind(C::Activities, K::Left, none, A::PrevPane);
        bind(C::Activities, K::Char('h'), none, A::PrevPane);
        bind(C::Activities, K::Esc, none, A::Back);
        bind(C::Activity, K::Up, none, A::Up);
        bind(C::Activity, K::Char('k'), none, A::Up);
        bind(C::Activity, K::Down, none, A::Down);
        bind(C::Activity, K::Char('j'), none, A::Down);
        bind(C::Activity, K::PageUp, none, A::PageUp);
        bind(C::Activity, K::PageDown, none, A::PageDown);
        bind(C::Activity, K::Home, none, A::Home);
        bind(C::Activity, K::Char('g'), none, A::Home);
        bind(C::Activity, K::Esc, none, A::Back);
        bind(C::Activity, K::Left, none, A::Back);
        bind(C::Activity, K::Char('h'), none, A::Back);
        for list in [C::Groups, C::Activities, C::Details] {
            bind(list, K::Char('a'), none, A::AddItem);
            bind(list, K::Char('d'), none, A::DeleteItem);
            bind(list, K::Delete, none, A::DeleteItem);
            bind(list, K::Char('K'), none, A::MoveUp);
            bind(list, K::Up, alt, A::MoveUp);
            bind(list, K::Char('J'), none, A::MoveDown);
            bind(list, K::Down, alt, A::MoveDown);
        }
        bind(C::Groups, K::Char('e'), none, A::Details);
        for key in [K::Up, K::Char('k')] {
            bind(C::Details, key, none, A::Up);
        }
        for key in [K::Down, K::Char('j')] {
            bind(C::Details, key, none, A::Down);
        }
        bind(C::Details, K::PageUp, none, A::PageUp);
        bind(C::Details, K::PageDown, none, A::PageDown);
        bind(C::Details, K::Home, none, A::Home);
        bind(C::Details, K::End, none, A::End);
        bind(C::Details, K::Enter, none, A::Open);
        bind(C::Details, K::Char('e'), none, A::Open);
        bind(C::Details, K::Esc, none, A::Back);
        bind(C::ConfirmDelete, K::Char('y'), none, A::Confirm);
        bind(C::ConfirmDelete, K::Enter, none, A::Confirm);
        bind(C::ConfirmDelete, K::Char('n'), none, A::Back);
        bind(C::ConfirmDelete, K::Esc, none, A::Back);
        for edit in [C::Activities, C::Activity] {
            bind(edit, K::Char('e'), none, A::EditDescription);
            bind(edit, K::Char('T'), none, A::EditTopic);
            bind(edit, K::Char('p'), none, A::EditProgress);
            bind(edit, K::Char('+'), none, A::ProgressUp);
            bind(edit, K::Char('='), none, A::ProgressUp);
            bind(edit, K::Char('-'), none, A::ProgressDown);
            bind(edit, K::Char('r'), none, A::EditRemarks);
        }
        bind(C::Global, K::Tab, none, A::NextPane);
        bind(C::Global, K::BackTab, none, A::PrevPane);
        bind(C::Global, K::Char('o'), none, A::ToggleObjectives);
        bind(C::Global, K::Char('v'), none, A::Overview);
        bind(C::Global, K::Char('b'), none, A::PickBaseline);
        bind(C::Global, K::Char('i'), none, A::ReportDetails);
        bind(C::Global, K::Char('/'), none, A::Search);
        bind(C::Global, K::Char('n'), none, A::NextMatch);
        bind(C::Global, K::Char('N'), none, A::PrevMatch);
        bind(C::Global, K::Char('u'), none, A::Undo);
        bind(C::Global, K::Char('r'), ctrl, A::Redo);
        bind(C::Global, K::Char('s'), ctrl, A::Save);
        bind(C::Global, K::Char('?'), none, A::Help);
        bind(C::Global, K::Char('q'), none, A::Quit);
        bind(C::Global, K::Char('c'), ctrl, A::Quit);
        for prompt in [C::EditProgress, C::Search, C::SaveAs, C::Threshold, C::Baseline] {
            bind(prompt, K::Enter, none, A::Confirm);
            bind(prompt, K::Esc, none, A::Back);
            bind(prompt, K::Backspace, none, A::Erase);
            bind(prompt, K::Char('c'), ctrl, A::Quit);
        }
        bind(C::EditText, K::Esc, none, A::Back);
        bind(C::EditText, K::Char('s'), ctrl, A::Save);
        bind(C::EditText, K::Char('a'), ctrl, A::SelectAll);
        bind(C::EditText, K::Char('c'), ctrl, A::Quit);
        bind(C::ConfirmQuit, K::Char('s'), none, A::SaveAndQuit);
        bind(C::ConfirmQuit, K::Char('y'), none, A::SaveAndQuit);
        bind(C::ConfirmQuit, K::Char('d'), none, A::DiscardAndQuit);
        bind(C::ConfirmQuit, K::Char('n'), none, A::DiscardAndQuit);
        bind(C::ConfirmQuit, K::Esc, none, A::Back);
        bind(C::ConfirmQuit, K::Char('c'), none, A::Back);
        bind(C::Conflict, K::Char('r'), none, A::Reload);
        bind(C::Conflict, K::Char('o'), none, A::Overwrite);
        bind(C::Conflict, K::Char('a'), none, A::SaveAs);
        bind(C::Conflict, K::Esc, none, A::Back);
        bind(C::Recover, K::Char('r'), none, A::Restore);
        bind(C::Recover, K::Char('k'), none, A::KeepRecovery);
        bind(C::Recover, K::Esc, none, A::KeepRecovery);
        bind(C::Recover, K::Char('d'), none, A::DiscardRecovery);
        bind(C::Help, K::Up, none, A::Up);
        bind(C::Help, K::Char('k'), none, A::Up);
        bind(C::Help, K::Down, none, A::Down);
        bind(C::Help, K::Char('j'), none, A::Down);
        bind(C::Help, K::PageUp, none, A::PageUp);
        bind(C::Help, K::PageDown, none, A::PageDown);
        bind(C::Help, K::Home, none, A::Home);
        bind(C::Help, K::Esc, none, A::Back);
        bind(C::Help, K::Char('?'), none, A::Back);
        bind(C::Help, K::Char('q'), none, A::Back);
        Keymap { bindings }
    }
}

/// The contexts whose bindings apply now, most specific first.
pub fn contexts(app: &App) -> &'static [Context] {
    match (&app.mode, app.focus) {
        (Mode::Normal, Pane::Groups) => &[Context::Groups, Context::Global],
        (Mode::Normal, Pane::Activities) => &[Context::Activities, Context::Global],
        (Mode::Normal, Pane::Activity) => &[Context::Activity, Context::Global],
        (Mode::Normal, Pane::Overview) => &[Context::Overview, Context::Global],
        (Mode::Threshold(_), _) => &[Context::Threshold],
        (Mode::PickBaseline(_), _) => &[Context::Baseline],
        (Mode::EditProgress(_), _) => &[Context::EditProgress],
        (Mode::EditText(_), _) => &[Context::EditText],
        (Mode::ConfirmDelete { .. }, _) => &[Context::ConfirmDelete],
        (Mode::Normal, Pane::Details) => &[Context::Details, Context::Global],
        (Mode::Search { .. }, _) => &[Context::Search],
        (Mode::ConfirmQuit, _) => &[Context::ConfirmQuit],
        (Mode::Conflict { .. }, _) => &[Context::Conflict],
        (Mode::SaveAs(_), _) => &[Context::SaveAs],
        (Mode::Recover(_), _) => &[Context::Recover],
        (Mode::Help, _) => &[Context::Help],
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
                    | Context::Threshold
                    | Context::Baseline,
                ),
                KeyCode::Char(c),
            ) if !modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => {
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
}

/// Several keys shown as one hint: "↑↓" for arrows and signs, "K/J" for letters and names.
pub fn join_keys(keys: &[String]) -> String {
    let compact =
        keys.iter().all(|k| k.chars().count() == 1 && !k.chars().all(char::is_alphanumeric));
    keys.join(if compact { "" } else { "/" })
}

/// How a key is written on screen: "Ctrl-S", "↑", "PgDn", "Shift-Tab".
pub fn key_label(code: KeyCode, modifiers: KeyModifiers) -> String {
    let name = match code {
        KeyCode::Up => "↑".to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Delete => "Del".to_string(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            c.to_ascii_uppercase().to_string()
        }
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    let mut label = String::new();
    if modifiers.contains(KeyModifiers::CONTROL) {
        label.push_str("Ctrl-");
    }
    if modifiers.contains(KeyModifiers::ALT) {
        label.push_str("Alt-");
    }
    label + &name
}

/// What an action does, for the help overlay, in English (the README and the
/// configuration file's comments).
pub fn describe(action: &Action) -> &'static str {
    describe_in(action, Lang::En.texts())
}

/// What an action does, for the help overlay.
pub fn describe_in(action: &Action, texts: &Texts) -> &'static str {
    match action {
        Action::Up => texts.action_up,
        Action::Down => texts.action_down,
        Action::PageUp => texts.action_page_up,
        Action::PageDown => texts.action_page_down,
        Action::Home => texts.action_home,
        Action::End => texts.action_end,
        Action::NextPane => texts.action_next_pane,
        Action::PrevPane => texts.action_prev_pane,
        Action::Open => texts.action_open,
        Action::Back => texts.action_back,
        Action::EditProgress => texts.action_edit_progress,
        Action::ProgressUp => texts.action_progress_up,
        Action::ProgressDown => texts.action_progress_down,
        Action::EditRemarks => texts.action_edit_remarks,
        Action::EditDescription => texts.action_edit_description,
        Action::EditTopic => texts.action_edit_topic,
        Action::AddItem => texts.action_add_item,
        Action::DeleteItem => texts.action_delete_item,
        Action::MoveUp => texts.action_move_up,
        Action::MoveDown => texts.action_move_down,
        Action::Details => texts.action_details,
        Action::ReportDetails => texts.action_report_details,
        Action::ToggleObjectives => texts.action_toggle_objectives,
        Action::Overview => texts.action_overview,
        Action::CycleFilter => texts.action_cycle_filter,
        Action::ClearFilter => texts.action_clear_filter,
        Action::PickBaseline => texts.action_pick_baseline,
        Action::SetThreshold => texts.action_set_threshold,
        Action::SortGroups => texts.action_sort_groups,
        Action::Save => texts.action_save,
        Action::Undo => texts.action_undo,
        Action::Redo => texts.action_redo,
        Action::Search => texts.action_search,
        Action::NextMatch => texts.action_next_match,
        Action::PrevMatch => texts.action_prev_match,
        Action::Help => texts.action_help,
        Action::Quit => texts.action_quit,
        Action::Confirm => texts.action_confirm,
        Action::SaveAndQuit => texts.action_save_and_quit,
        Action::DiscardAndQuit => texts.action_discard_and_quit,
        Action::SelectAll => texts.action_select_all,
        Action::Reload => texts.action_reload,
        Action::Overwrite => texts.action_overwrite,
        Action::SaveAs => texts.action_save_as,
        Action::Restore => texts.action_restore,
        Action::KeepRecovery => texts.action_keep_recovery,
        Action::DiscardRecovery => texts.action_discard_recovery,
        // Never bound to a key, so never shown.
        Action::Tick | Action::Terminate => "",
        Action::Type(_) => texts.action_type,
        Action::Erase => texts.action_erase,
        Action::Editor(_) => texts.action_editor,
        Action::Paste(_) => texts.action_paste,
        Action::SelectGroup(_) | Action::SelectActivity(_) => texts.action_select,
        Action::Scroll(..) => texts.action_scroll,
        Action::Viewport(_) => texts.action_resize,
    }
}

/// The short word of a footer hint, in the language of the texts given.
pub type Word = fn(&Texts) -> &'static str;

/// The footer's hints for a context: groups of actions shown as one item, with a short word.
pub fn hints(context: Context) -> &'static [(&'static [Action], Word)] {
    use Action as A;
    const GROUPS: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_activities),
        (&[A::Details], |t| t.hint_details),
        (&[A::Overview], |t| t.hint_overview),
        (&[A::Search], |t| t.hint_search),
        (&[A::Save], |t| t.hint_save),
        (&[A::Help], |t| t.hint_help),
        (&[A::Quit], |t| t.hint_quit),
    ];
    const ACTIVITIES: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_open),
        (&[A::EditProgress], |t| t.hint_progress),
        (&[A::ProgressUp, A::ProgressDown], |t| t.hint_step),
        (&[A::EditRemarks], |t| t.hint_remarks),
        (&[A::CycleFilter], |t| t.hint_filter),
        (&[A::Undo], |t| t.hint_undo),
        (&[A::Save], |t| t.hint_save),
        (&[A::Help], |t| t.hint_help),
    ];
    const ACTIVITY: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_scroll),
        (&[A::EditProgress], |t| t.hint_progress),
        (&[A::ProgressUp, A::ProgressDown], |t| t.hint_step),
        (&[A::EditRemarks], |t| t.hint_remarks),
        (&[A::Back], |t| t.hint_back),
        (&[A::Save], |t| t.hint_save),
        (&[A::Help], |t| t.hint_help),
    ];
    const OVERVIEW: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::NextPane], |t| t.hint_switch_list),
        (&[A::Open], |t| t.hint_go_to),
        (&[A::SortGroups], |t| t.hint_sort),
        (&[A::SetThreshold], |t| t.hint_threshold),
        (&[A::Back], |t| t.hint_back),
        (&[A::Help], |t| t.hint_help),
    ];
    const PROMPT: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_apply), (&[A::Back], |t| t.hint_cancel)];
    const CONFLICT: &[(&[Action], Word)] = &[
        (&[A::Reload], |t| t.hint_reload),
        (&[A::Overwrite], |t| t.hint_overwrite),
        (&[A::SaveAs], |t| t.hint_save_as),
        (&[A::Back], |t| t.hint_cancel),
    ];
    const RECOVER: &[(&[Action], Word)] = &[
        (&[A::Restore], |t| t.hint_restore),
        (&[A::KeepRecovery], |t| t.hint_keep_for_later),
        (&[A::DiscardRecovery], |t| t.hint_discard),
    ];
    const EDIT_TEXT: &[(&[Action], Word)] = &[
        (&[A::Back], |t| t.hint_done),
        (&[A::Save], |t| t.hint_save),
        (&[A::SelectAll], |t| t.hint_select_all),
    ];
    const DETAILS: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_edit),
        (&[A::AddItem], |t| t.hint_add),
        (&[A::DeleteItem], |t| t.hint_delete),
        (&[A::MoveUp, A::MoveDown], |t| t.hint_reorder),
        (&[A::Back], |t| t.hint_back),
    ];
    const CONFIRM_DELETE: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_delete), (&[A::Back], |t| t.hint_keep)];
    const CONFIRM_QUIT: &[(&[Action], Word)] = &[
        (&[A::SaveAndQuit], |t| t.hint_save_and_quit),
        (&[A::DiscardAndQuit], |t| t.hint_discard_and_quit),
        (&[A::Back], |t| t.hint_stay),
    ];
    const HELP: &[(&[Action], Word)] =
        &[(&[A::Up, A::Down], |t| t.hint_scroll), (&[A::Back], |t| t.hint_close)];
    match context {
        Context::Groups => GROUPS,
        Context::Activities => ACTIVITIES,
        Context::Activity => ACTIVITY,
        Context::Overview => OVERVIEW,
        Context::EditProgress
        | Context::Search
        | Context::SaveAs
        | Context::Threshold
        | Context::Baseline => PROMPT,
        Context::Conflict => CONFLICT,
        Context::Recover => RECOVER,
        Context::EditText => EDIT_TEXT,
        Context::Details => DETAILS,
        Context::ConfirmDelete => CONFIRM_DELETE,
        Context::ConfirmQuit => CONFIRM_QUIT,
        Context::Help => HELP,
        Context::Global => &[],
    }
}

// The configuration file's side of the keymap: names of contexts and keys, and a keymap
// with some actions given other keys.

impl Context {
    /// The context's name in the configuration file.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Overview => "overview",
            Context::Groups => "groups",
            Context::Activities => "activities",
            Context::Activity => "activity",
            Context::EditProgress => "edit_progress",
            Context::Details => "details",
            Context::EditText => "edit_text",
            Context::ConfirmDelete => "confirm_delete",
            Context::Search => "search",
            Context::ConfirmQuit => "confirm_quit",
            Context::Conflict => "conflict",
            Context::SaveAs => "save_as",
            Context::Threshold => "threshold",
            Context::Baseline => "baseline",
            Context::Recover => "recover",
            Context::Help => "help",
        }
    }

    /// The context of this name.
    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether a key this context does not bind is looked up in `Global` (as `contexts` says).
    pub fn falls_back_to_global(self) -> bool {
        match self {
            Context::Overview
            | Context::Groups
            | Context::Activities
            | Context::Activity
            | Context::Details => true,
            Context::Global
            | Context::EditProgress
            | Context::EditText
            | Context::ConfirmDelete
            | Context::Search
            | Context::ConfirmQuit
            | Context::Conflict
            | Context::SaveAs
            | Context::Threshold
            | Context::Baseline
            | Context::Recover
            | Context::Help => false,
        }
    }
}

/// A key as bindings compare it: Shift is part of a character ('G'), and Shift-Tab is
/// `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers: normalize(code, modifiers) }
    }

    /// Reads a key as the configuration file writes it ("ctrl-s", "shift-tab", "pageup",
    /// "f2", "space", "G", "?") or as the screen shows it ("Ctrl-S", "PgDn", "↑").
    /// Modifier and key names are not case-sensitive; a single character is.
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let found = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("control-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(prefix, _)| lower.starts_with(prefix) && lower.len() > prefix.len());
            match found {
                Some((prefix, modifier)) => {
                    modifiers |= modifier;
                    rest = &rest[prefix.len()..];
                }
                None => break,
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (None, _) => return Err("no key named".to_string()),
            (Some(c), None) => match c {
                '↑' => KeyCode::Up,
                '↓' => KeyCode::Down,
                '←' => KeyCode::Left,
                '→' => KeyCode::Right,
                c if c.is_control() => return Err("a control character is not a key name".into()),
                c => KeyCode::Char(c),
            },
            _ => named_key(&rest.to_ascii_lowercase()).ok_or_else(|| {
                format!(
                    "unknown key name {rest:?} (write \"a\", \"ctrl-s\", \"f2\", \"pagedown\" …)"
                )
            })?,
        };
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Tab if shift => {
                modifiers -= KeyModifiers::SHIFT;
                KeyCode::BackTab
            }
            KeyCode::Char(c) if shift => {
                if !c.is_alphabetic() {
                    return Err(format!(
                        "shift with {c:?}: write the character Shift gives, such as \"?\" or \"+\""
                    ));
                }
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            // The screen writes Ctrl-S for Ctrl with s.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_lowercase().next().unwrap_or(c))
            }
            code => code,
        };
        Ok(Key::new(code, modifiers))
    }

    /// How the configuration file writes the key: "ctrl-s", "shift-tab", "pagedown", "G".
    pub fn name(self) -> String {
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            name.push_str("shift-");
        }
        let key = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c)
                if self.modifiers.contains(KeyModifiers::CONTROL) && c.is_uppercase() =>
            {
                format!("shift-{}", c.to_lowercase())
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("f{n}"),
            KeyCode::BackTab => "shift-tab".to_string(),
            code => KEY_NAMES
                .iter()
                .find(|(_, c)| *c == code)
                .map_or_else(|| format!("{code:?}").to_lowercase(), |(n, _)| n.to_string()),
        };
        name + &key
    }

    /// How the screen shows the key.
    pub fn label(self) -> String {
        key_label(self.code, self.modifiers)
    }
}

/// Keys with a name, and the other names they are known by.
const KEY_NAMES: [(&str, KeyCode); 14] = [
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

fn named_key(lower: &str) -> Option<KeyCode> {
    let alias = match lower {
        "pgup" | "page_up" | "page-up" => "pageup",
        "pgdn" | "pgdown" | "page_down" | "page-down" => "pagedown",
        "return" => "enter",
        "escape" => "esc",
        "del" => "delete",
        "ins" => "insert",
        other => other,
    };
    if alias == "space" {
        return Some(KeyCode::Char(' '));
    }
    if alias == "backtab" {
        return Some(KeyCode::BackTab);
    }
    if let Some(n) = alias.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=24).contains(&n).then_some(KeyCode::F(n));
    }
    KEY_NAMES.iter().find(|(name, _)| *name == alias).map(|(_, code)| *code)
}

/// The keys the configuration gives an action in a context; they replace its default keys
/// there (no keys: the action has none there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebinding {
    pub context: Context,
    pub action: Action,
    pub keys: Vec<Key>,
}

/// Where a binding comes from: the default keymap, or key `key` of rebinding `rebinding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Default,
    Rebinding { rebinding: usize, key: usize },
}

/// One side of a clash: an action bound to the key in a context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub context: Context,
    pub action: Action,
    pub origin: Origin,
}

/// Two actions on one key where the same lookup sees both: in one context, or in a context
/// and the `Global` it falls back to. `kept` is what the key does in `context`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    pub key: Key,
    /// Where the key does `kept` and not `lost`.
    pub context: Context,
    pub kept: Claim,
    pub lost: Claim,
    /// Whether `lost` is gone from the keymap (else it still works where `kept` does not
    /// hide it).
    pub removed: bool,
}

impl Keymap {
    /// This keymap with the keys of some actions replaced, and the clashes that made a
    /// binding give way. Rebindings are taken in order: a key an earlier rebinding took in a
    /// context stays with it; a key a default binding had goes to the rebinding. A binding in
    /// a context hides one in `Global` for that context. The new keys take the place of the
    /// old ones in the table, so rebinding an action to its own keys changes nothing.
    pub fn with_rebindings(&self, rebindings: &[Rebinding]) -> (Keymap, Vec<Clash>) {
        let rebound = |context: Context, action: &Action| {
            rebindings.iter().any(|r| r.context == context && &r.action == action)
        };
        // The bindings kept from the table, and where each rebound action's keys go.
        enum Slot {
            Kept(Binding, bool),
            Rebound(Context, Action),
        }
        let mut slots: Vec<Slot> = Vec::new();
        for binding in &self.bindings {
            if !rebound(binding.context, &binding.action) {
                slots.push(Slot::Kept(binding.clone(), true));
            } else if !slots.iter().any(|s| {
                matches!(s, Slot::Rebound(c, a) if *c == binding.context && *a == binding.action)
            }) {
                slots.push(Slot::Rebound(binding.context, binding.action.clone()));
            }
        }
        for r in rebindings {
            if !slots
                .iter()
                .any(|s| matches!(s, Slot::Rebound(c, a) if *c == r.context && *a == r.action))
            {
                slots.push(Slot::Rebound(r.context, r.action.clone()));
            }
        }
        // The rebindings' keys that take effect, with where they come from.
        let mut accepted: Vec<(Binding, Origin)> = Vec::new();
        let mut clashes = Vec::new();
        for (index, r) in rebindings.iter().enumerate() {
            for (k, key) in r.keys.iter().enumerate() {
                let origin = Origin::Rebinding { rebinding: index, key: k };
                let this = Claim { context: r.context, action: r.action.clone(), origin };
                let same_key = |b: &Binding, context: Context| {
                    b.context == context && b.code == key.code && b.modifiers == key.modifiers
                };
                // An earlier rebinding of this key in this context keeps it.
                if let Some((earlier, from)) = accepted.iter().find(|(b, _)| same_key(b, r.context))
                {
                    if earlier.action != r.action {
                        clashes.push(Clash {
                            key: *key,
                            context: r.context,
                            kept: Claim {
                                context: r.context,
                                action: earlier.action.clone(),
                                origin: *from,
                            },
                            lost: this,
                            removed: true,
                        });
                    }
                    continue;
                }
                // A default binding of this key gives way, here and, for a key bound in
                // Global, in the contexts that fall back to it.
                let reach: Vec<Context> = if r.context == Context::Global {
                    Context::ALL.into_iter().filter(|c| c.falls_back_to_global()).collect()
                } else {
                    vec![r.context]
                };
                for slot in &mut slots {
                    if let Slot::Kept(b, live) = slot
                        && *live
                        && reach.contains(&b.context)
                        && same_key(b, b.context)
                        && b.action != r.action
                    {
                        *live = false;
                        clashes.push(Clash {
                            key: *key,
                            context: b.context,
                            kept: this.clone(),
                            lost: Claim {
                                context: b.context,
                                action: b.action.clone(),
                                origin: Origin::Default,
                            },
                            removed: true,
                        });
                    }
                }
                if r.context == Context::Global {
                    // A context's own rebinding of the key hides this one there.
                    for (b, from) in &accepted {
                        if b.context.falls_back_to_global()
                            && same_key(b, b.context)
                            && b.action != r.action
                        {
                            clashes.push(Clash {
                                key: *key,
                                context: b.context,
                                kept: Claim {
                                    context: b.context,
                                    action: b.action.clone(),
                                    origin: *from,
                                },
                                lost: this.clone(),
                                removed: false,
                            });
                        }
                    }
                } else if r.context.falls_back_to_global() {
                    // This binding hides Global's binding of the key in this context.
                    let global = slots
                        .iter()
                        .filter_map(|s| match s {
                            Slot::Kept(b, true) => Some((b, Origin::Default)),
                            _ => None,
                        })
                        .chain(accepted.iter().map(|(b, o)| (b, *o)))
                        .find(|(b, _)| same_key(b, Context::Global) && b.action != r.action);
                    if let Some((b, from)) = global {
                        clashes.push(Clash {
                            key: *key,
                            context: r.context,
                            kept: this.clone(),
                            lost: Claim {
                                context: Context::Global,
                                action: b.action.clone(),
                                origin: from,
                            },
                            removed: false,
                        });
                    }
                }
                let binding = Binding {
                    context: r.context,
                    code: key.code,
                    modifiers: key.modifiers,
                    action: r.action.clone(),
                };
                accepted.push((binding, origin));
            }
        }
        let mut bindings = Vec::new();
        for slot in slots {
            match slot {
                Slot::Kept(binding, true) => bindings.push(binding),
                Slot::Kept(_, false) => {}
                Slot::Rebound(context, action) => bindings.extend(
                    accepted
                        .iter()
                        .filter(|(b, _)| b.context == context && b.action == action)
                        .map(|(b, _)| b.clone()),
                ),
            }
        }
        // A clash the default table has too is not news.
        let default = Keymap::default();
        let in_default = |claim: &Claim, key: &Key| {
            default.bindings.iter().any(|b| {
                b.context == claim.context
                    && b.action == claim.action
                    && b.code == key.code
                    && b.modifiers == key.modifiers
            })
        };
        clashes.retain(|c| !(in_default(&c.kept, &c.key) && in_default(&c.lost, &c.key)));
        (Keymap { bindings }, clashes)
    }

    /// Every binding, in table order.
    pub fn all(&self) -> &[Binding] {
        &self.bindings
    }
}
