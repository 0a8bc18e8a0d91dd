//! What the footer and the help overlay say: context titles, action descriptions, hints,
//! and the keys that texts name.

use std::fmt::Display;

use super::{Context, Keymap, key_label};
use crate::action::Action;
use crate::i18n::{Lang, Texts, fill, placeholders};

impl Keymap {
    /// How the screen shows the first key of `action` in the first of `contexts` that binds
    /// it, as the footer and the help show it.
    pub fn key_in(
        &self,
        action: &Action,
        contexts: impl IntoIterator<Item = Context>,
    ) -> Option<String> {
        contexts.into_iter().find_map(|context| {
            let binding = self.bindings(context).find(|b| &b.action == action)?;
            Some(key_label(binding.code, binding.modifiers))
        })
    }

    /// `text` with each `{key:action}` (the action's name in the configuration file) replaced
    /// by its key: in the first of `contexts` that binds it, else wherever the table does,
    /// so texts stay right when keys are rebound. An action with no key at all is named.
    pub fn fill_keys(&self, text: &str, contexts: &[Context]) -> String {
        let keys: Vec<(&str, String)> = placeholders(text)
            .into_iter()
            .filter_map(|placeholder| {
                let name = placeholder.strip_prefix("key:")?;
                let action = Action::from_name(name)?;
                let everywhere = contexts.iter().copied().chain(Context::all());
                Some((placeholder, self.key_in(&action, everywhere).unwrap_or(name.to_string())))
            })
            .collect();
        let args: Vec<(&str, &dyn Display)> =
            keys.iter().map(|(placeholder, key)| (*placeholder, key as &dyn Display)).collect();
        fill(text, &args)
    }
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
            Context::Conflicts => texts.context_conflicts,
            Context::Search => texts.context_search,
            Context::Matches => texts.context_matches,
            Context::Checks => texts.context_checks,
            Context::ReviewReason => texts.context_review_reason,
            Context::ConfirmQuit => texts.context_confirm_quit,
            Context::Conflict => texts.context_conflict,
            Context::ConfirmSave => texts.context_confirm_save,
            Context::ConfirmFormat => texts.context_confirm_format,
            Context::SaveAs => texts.context_save_as,
            Context::Threshold => texts.context_threshold,
            Context::Baseline => texts.context_baseline,
            Context::GoTo => texts.context_go_to,
            Context::Commit => texts.context_commit,
            Context::Import => texts.context_import,
            Context::Review => texts.context_review,
            Context::LeaveReview => texts.context_leave_review,
            Context::Recover => texts.context_recover,
            Context::Help => texts.context_help,
            Context::History => texts.context_history,
        }
    }
}

/// What an action does, for the help overlay, in English (the README and the
/// configuration file's comments).
pub fn describe(context: Context, action: &Action) -> &'static str {
    describe_in(context, action, Lang::En.texts())
}

/// What an action does in `context`, for the help overlay.
pub fn describe_in(context: Context, action: &Action, texts: &Texts) -> &'static str {
    match action {
        // Leaving the editor keeps what was typed: it is no cancel there.
        Action::Back if context == Context::EditText => texts.action_done_editing,
        Action::Confirm if context == Context::Review => texts.action_apply_accepted,
        Action::Back if context == Context::Review => texts.action_leave_review,
        Action::Open if context == Context::Conflicts => texts.action_conflict_place,
        Action::Open if context == Context::History => texts.action_open_version,
        Action::Confirm if context == Context::ConfirmFormat => texts.action_move_to_format_2,
        Action::Up => texts.action_up,
        Action::Down => texts.action_down,
        Action::PageUp => texts.action_page_up,
        Action::PageDown => texts.action_page_down,
        Action::Home => texts.action_home,
        Action::End => texts.action_end,
        Action::NextActivity => texts.action_next_activity,
        Action::PrevActivity => texts.action_prev_activity,
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
        Action::InfoUp => texts.action_info_up,
        Action::InfoDown => texts.action_info_down,
        Action::Overview => texts.action_overview,
        Action::CycleFilter => texts.action_cycle_filter,
        Action::ClearFilter => texts.action_clear_filter,
        Action::PickBaseline => texts.action_pick_baseline,
        Action::ImportSheet => texts.action_import_sheet,
        Action::ToggleProposal => texts.action_toggle_proposal,
        Action::EditProposal => texts.action_edit_proposal,
        Action::AcceptAll => texts.action_accept_all,
        Action::History => texts.action_history,
        Action::GoTo => texts.action_go_to,
        Action::SetThreshold => texts.action_set_threshold,
        Action::SortGroups => texts.action_sort_groups,
        Action::Save => texts.action_save,
        Action::Undo => texts.action_undo,
        Action::Redo => texts.action_redo,
        Action::Search => texts.action_search,
        Action::NextMatch => texts.action_next_match,
        Action::PrevMatch => texts.action_prev_match,
        Action::MatchList => texts.action_match_list,
        Action::Checks => texts.action_checks,
        Action::MarkReviewed => texts.action_mark_reviewed,
        Action::Commit => texts.action_commit,
        Action::Help => texts.action_help,
        Action::Quit => texts.action_quit,
        Action::Confirm => texts.action_confirm,
        Action::SaveAndQuit => texts.action_save_and_quit,
        Action::DiscardAndQuit => texts.action_discard_and_quit,
        Action::EditOutside => texts.action_edit_outside,
        Action::SelectAll => texts.action_select_all,
        Action::Reload => texts.action_reload,
        Action::Overwrite => texts.action_overwrite,
        Action::SaveAs => texts.action_save_as,
        Action::Restore => texts.action_restore,
        Action::KeepRecovery => texts.action_keep_recovery,
        Action::DiscardRecovery => texts.action_discard_recovery,
        Action::Conflicts => texts.action_conflicts,
        Action::TakeOurs => texts.action_take_ours,
        Action::TakeTheirs => texts.action_take_theirs,
        Action::EditConflict => texts.action_edit_conflict,
        // Never bound to a key, so never shown.
        Action::Tick | Action::Terminate | Action::EditedOutside(_) => "",
        Action::Type(_) => texts.action_type,
        Action::Erase => texts.action_erase,
        Action::EraseWord => texts.action_erase_word,
        Action::ClearLine => texts.action_clear_line,
        Action::DeleteToLineEnd => texts.action_delete_to_line_end,
        Action::CancelEdit => texts.action_cancel_edit,
        Action::OlderQuery => texts.action_older,
        Action::NewerQuery => texts.action_newer,
        Action::Editor(_) | Action::Typed(_) => texts.action_editor,
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
    const BASELINE: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Confirm], |t| t.hint_apply),
        (&[A::Back], |t| t.hint_cancel),
    ];
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
        (&[A::CancelEdit], |t| t.hint_cancel),
        (&[A::Save], |t| t.hint_save),
        (&[A::SelectAll], |t| t.hint_select_all),
        (&[A::EditOutside], |t| t.hint_outside),
    ];
    const DETAILS: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_edit),
        (&[A::AddItem], |t| t.hint_add),
        (&[A::DeleteItem], |t| t.hint_delete),
        (&[A::MoveUp, A::MoveDown], |t| t.hint_reorder),
        (&[A::Back], |t| t.hint_back),
    ];
    const CONFLICTS: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::TakeOurs], |t| t.hint_ours),
        (&[A::TakeTheirs], |t| t.hint_theirs),
        (&[A::EditConflict], |t| t.hint_edit),
        (&[A::Open], |t| t.hint_go_to),
        (&[A::Undo], |t| t.hint_undo),
        (&[A::Save], |t| t.hint_save),
        (&[A::Help], |t| t.hint_help),
    ];
    const CONFIRM_DELETE: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_delete), (&[A::Back], |t| t.hint_keep)];
    const CONFIRM_QUIT: &[(&[Action], Word)] = &[
        (&[A::SaveAndQuit], |t| t.hint_save_and_quit),
        (&[A::SaveAs], |t| t.hint_save_as),
        (&[A::DiscardAndQuit], |t| t.hint_discard_and_quit),
        (&[A::Back], |t| t.hint_stay),
    ];
    const CONFIRM_SAVE: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_save_anyway), (&[A::Back], |t| t.hint_cancel)];
    const CONFIRM_FORMAT: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_move_format), (&[A::Back], |t| t.hint_keep_format)];
    const MATCHES: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_go_to),
        (&[A::Back], |t| t.hint_close),
    ];
    const REVIEW: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::ToggleProposal], |t| t.hint_accept),
        (&[A::EditProposal], |t| t.hint_edit),
        (&[A::AcceptAll], |t| t.hint_accept_all),
        (&[A::Confirm], |t| t.hint_apply),
        (&[A::Back], |t| t.hint_back),
    ];
    const LEAVE_REVIEW: &[(&[Action], Word)] =
        &[(&[A::Confirm], |t| t.hint_discard), (&[A::Back], |t| t.hint_stay)];
    const HISTORY: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_open),
        (&[A::Back], |t| t.hint_close),
    ];
    const CHECKS: &[(&[Action], Word)] = &[
        (&[A::Up, A::Down], |t| t.hint_move),
        (&[A::Open], |t| t.hint_go_to),
        (&[A::MarkReviewed], |t| t.hint_reviewed),
        (&[A::Back], |t| t.hint_close),
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
        | Context::Commit
        | Context::Threshold
        | Context::GoTo
        | Context::Import
        | Context::ReviewReason => PROMPT,
        Context::Review => REVIEW,
        Context::LeaveReview => LEAVE_REVIEW,
        Context::Baseline => BASELINE,
        Context::Conflict => CONFLICT,
        Context::Recover => RECOVER,
        Context::EditText => EDIT_TEXT,
        Context::Details => DETAILS,
        Context::Conflicts => CONFLICTS,
        Context::ConfirmDelete => CONFIRM_DELETE,
        Context::ConfirmQuit => CONFIRM_QUIT,
        Context::ConfirmSave => CONFIRM_SAVE,
        Context::ConfirmFormat => CONFIRM_FORMAT,
        Context::Matches => MATCHES,
        Context::Checks => CHECKS,
        Context::Help => HELP,
        Context::History => HISTORY,
        Context::Global => &[],
    }
}
