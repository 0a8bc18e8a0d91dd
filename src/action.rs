//! Every user intent the app understands. Keys and mouse events become an `Action`; only
//! `App::update` turns an action into a change of state.

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Move the selection up one line.
    Up,
    /// Move the selection down one line.
    Down,
    /// Move the selection up one page.
    PageUp,
    /// Move the selection down one page.
    PageDown,
    /// Move the selection to the first line.
    Home,
    /// Move the selection to the last line.
    End,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Open the selected item: a group's activities, or an activity's full view.
    Open,
    /// Go back one level, or cancel what is being typed.
    Back,
    /// Start typing a new progress for the selected activity.
    EditProgress,
    /// Raise the selected activity's progress by one step.
    ProgressUp,
    /// Lower the selected activity's progress by one step.
    ProgressDown,
    /// Edit the selected activity's remarks in the multi-line editor.
    EditRemarks,
    /// Edit the selected activity's description.
    EditDescription,
    /// Edit the selected activity's topic (empty: none).
    EditTopic,
    /// Add an item after the selected one: an activity, a group, an objective, …
    AddItem,
    /// Delete the selected item, after asking.
    DeleteItem,
    /// Move the selected item one place up.
    MoveUp,
    /// Move the selected item one place down.
    MoveDown,
    /// Open the details of the selected group: title, topic, type, objectives, coordinators.
    Details,
    /// Open the report's front matter and introduction.
    ReportDetails,
    /// Fold or unfold the group's objectives.
    ToggleObjectives,
    /// Show or leave the overview of the whole programme.
    Overview,
    /// Show only activities not started, in progress, completed, or below the threshold.
    CycleFilter,
    /// Show all activities again.
    ClearFilter,
    /// Choose the earlier report to compare with (empty: stop comparing).
    PickBaseline,
    /// Set the progress below which an activity counts as behind.
    SetThreshold,
    /// Order the overview's groups by number or by progress.
    SortGroups,
    /// Write the report to its file.
    Save,
    /// Take back the last change.
    Undo,
    /// Make again the last change taken back.
    Redo,
    /// Start a search across titles, descriptions and remarks.
    Search,
    /// Jump to the next search match.
    NextMatch,
    /// Jump to the previous search match.
    PrevMatch,
    /// Show or hide every key binding.
    Help,
    /// Leave the app, asking first when there are unsaved changes.
    Quit,
    /// Accept what was typed or asked (Enter in a prompt).
    Confirm,
    /// In the quit prompt: save, then leave.
    SaveAndQuit,
    /// In the quit prompt: leave without saving.
    DiscardAndQuit,
    /// After a conflict: load the file as it is on disk now (the edits go to recovery).
    Reload,
    /// After a conflict: replace the file on disk with the report in the app.
    Overwrite,
    /// After a conflict: save the report under another name.
    SaveAs,
    /// At start: restore the unsaved edits found in the recovery file.
    Restore,
    /// At start: keep the recovery file for later and open the file as saved.
    KeepRecovery,
    /// At start: delete the recovery file.
    DiscardRecovery,
    /// Time passed: write the recovery file if it is behind the edits.
    Tick,
    /// The process must stop now (signal, hang-up, lost terminal): keep unsaved work, leave.
    Terminate,
    /// A character typed into a one-line prompt.
    Type(char),
    /// Delete the character before the cursor of a one-line prompt.
    Erase,
    /// Select all the text in the editor, so what is typed next replaces it.
    SelectAll,
    /// A key for the remarks editor (cursor, word and line movement, editing).
    Editor(crossterm::event::KeyEvent),
    /// Text pasted from the terminal.
    Paste(String),
    /// Select the group at this position (mouse).
    SelectGroup(usize),
    /// Select the activity at this position of the shown table (mouse).
    SelectActivity(usize),
    /// Move the selection of a pane by some lines without focusing it (mouse wheel).
    Scroll(Pane, isize),
    /// What the last frame could show: page size and how far views can scroll.
    Viewport(Viewport),
}

/// Sizes the drawing found, which movement needs: a page, and the scroll limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Rows of the list in focus.
    pub page: usize,
    /// The furthest the activity view can scroll.
    pub detail_max: usize,
    /// The furthest the help can scroll.
    pub help_max: usize,
}

/// The panes of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    Groups,
    Activities,
    /// The full view of one activity.
    Activity,
    /// The overview of the whole programme.
    Overview,
    /// The details form of a group or of the report.
    Details,
}

/// The names of actions in the configuration file: the snake_case of the variant.
///
/// A new variant must be added to `name` (the compiler asks) and, when keys may be bound to
/// it, to `BINDABLE` too (a test checks that every action of the default keymap is there).
impl Action {
    /// Every action a key can be bound to in the configuration file.
    pub const BINDABLE: &'static [Action] = &[
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::Home,
        Action::End,
        Action::NextPane,
        Action::PrevPane,
        Action::Open,
        Action::Back,
        Action::EditProgress,
        Action::ProgressUp,
        Action::ProgressDown,
        Action::EditRemarks,
        Action::EditDescription,
        Action::EditTopic,
        Action::AddItem,
        Action::DeleteItem,
        Action::MoveUp,
        Action::MoveDown,
        Action::Details,
        Action::ReportDetails,
        Action::ToggleObjectives,
        Action::Overview,
        Action::CycleFilter,
        Action::ClearFilter,
        Action::PickBaseline,
        Action::SetThreshold,
        Action::SortGroups,
        Action::Save,
        Action::Undo,
        Action::Redo,
        Action::Search,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Help,
        Action::Quit,
        Action::Confirm,
        Action::SaveAndQuit,
        Action::DiscardAndQuit,
        Action::Reload,
        Action::Overwrite,
        Action::SaveAs,
        Action::Restore,
        Action::KeepRecovery,
        Action::DiscardRecovery,
        Action::Erase,
        Action::SelectAll,
    ];

    /// The action's name in the configuration file; `None` for actions no key can be bound
    /// to: those that carry data, and the app's own events (`Tick`, `Terminate`).
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::Home => "home",
            Action::End => "end",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Open => "open",
            Action::Back => "back",
            Action::EditProgress => "edit_progress",
            Action::ProgressUp => "progress_up",
            Action::ProgressDown => "progress_down",
            Action::EditRemarks => "edit_remarks",
            Action::EditDescription => "edit_description",
            Action::EditTopic => "edit_topic",
            Action::AddItem => "add_item",
            Action::DeleteItem => "delete_item",
            Action::MoveUp => "move_up",
            Action::MoveDown => "move_down",
            Action::Details => "details",
            Action::ReportDetails => "report_details",
            Action::ToggleObjectives => "toggle_objectives",
            Action::Overview => "overview",
            Action::CycleFilter => "cycle_filter",
            Action::ClearFilter => "clear_filter",
            Action::PickBaseline => "pick_baseline",
            Action::SetThreshold => "set_threshold",
            Action::SortGroups => "sort_groups",
            Action::Save => "save",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Search => "search",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Confirm => "confirm",
            Action::SaveAndQuit => "save_and_quit",
            Action::DiscardAndQuit => "discard_and_quit",
            Action::Reload => "reload",
            Action::Overwrite => "overwrite",
            Action::SaveAs => "save_as",
            Action::Restore => "restore",
            Action::KeepRecovery => "keep_recovery",
            Action::DiscardRecovery => "discard_recovery",
            Action::Erase => "erase",
            Action::SelectAll => "select_all",
            Action::Tick
            | Action::Terminate
            | Action::Type(_)
            | Action::Editor(_)
            | Action::Paste(_)
            | Action::SelectGroup(_)
            | Action::SelectActivity(_)
            | Action::Scroll(..)
            | Action::Viewport(_) => return None,
        })
    }

    /// The bindable action of this name.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE.iter().find(|a| a.name() == Some(name)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindable_actions_have_distinct_names_that_read_back() {
        let mut names = Vec::new();
        for action in Action::BINDABLE {
            let name = action.name().unwrap_or_else(|| panic!("{action:?} has no name"));
            assert_eq!(Action::from_name(name).as_ref(), Some(action), "{name}");
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
            names.push(name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::BINDABLE.len(), "two actions share a name");
        assert_eq!(Action::from_name("tick"), None);
        assert_eq!(Action::from_name("EditProgress"), None);
    }
}
