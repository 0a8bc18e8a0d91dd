//! Every user intent the app understands. Keys and mouse events become an `Action`; only
//! `App::update` turns an action into a change of state.

use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

/// One thing the user asked for. The configuration file names the actions keys can be bound
/// to by the snake_case of the variant; the others are `disabled` for strum.
#[derive(Debug, Clone, PartialEq, Eq, EnumIter, EnumString, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
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
    /// In the activity view: the next activity the table shows.
    NextActivity,
    /// In the activity view: the previous activity the table shows.
    PrevActivity,
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
    /// Scroll the group's title, coordinators and objectives up.
    InfoUp,
    /// Scroll the group's title, coordinators and objectives down.
    InfoDown,
    /// Show or leave the overview of the whole programme.
    Overview,
    /// Show only activities not started, in progress, completed, or below the threshold.
    CycleFilter,
    /// Show all activities again.
    ClearFilter,
    /// Choose the earlier report to compare with (empty: stop comparing).
    PickBaseline,
    /// Review the changes a returned update sheet proposes, to apply those accepted.
    ImportSheet,
    /// In the review: accept the selected change, or reject it.
    ToggleProposal,
    /// In the review: edit the selected change's new value before taking it.
    EditProposal,
    /// In the review: accept every change.
    AcceptAll,
    /// Show the history of the activity, the group or the programme through the commits.
    History,
    /// Set the progress below which an activity counts as behind.
    SetThreshold,
    /// Go to a group or an activity by its number (VIII, VIII.7).
    GoTo,
    /// Order the overview's groups by number or by progress.
    SortGroups,
    /// Write the report to its file.
    Save,
    /// Take back the last change.
    Undo,
    /// Make again the last change taken back.
    Redo,
    /// Start a search across every text of the report.
    Search,
    /// List every match of the search, each with its place, to go to one.
    MatchList,
    /// List the checks before publishing, each finding in its place, to go to one.
    Checks,
    /// On the Checks screen: mark the selected finding reviewed, with a reason.
    MarkReviewed,
    /// Commit the saved report file to git, with a message written from what changed.
    Commit,
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
    /// Show the conflicts a merge left in the file, to resolve them.
    Conflicts,
    /// In the conflicts: keep ours, the version of the branch merged into.
    TakeOurs,
    /// In the conflicts: keep theirs, the version of the branch merged in.
    TakeTheirs,
    /// In the conflicts: edit the value, starting from ours.
    EditConflict,
    /// Time passed: write the recovery file if it is behind the edits.
    #[strum(disabled)]
    Tick,
    /// The process must stop now (signal, hang-up, lost terminal): keep unsaved work, leave.
    #[strum(disabled)]
    Terminate,
    /// A character typed into a one-line prompt.
    #[strum(disabled)]
    Type(char),
    /// Delete the character before the cursor of a one-line prompt.
    Erase,
    /// Delete the word before the cursor (a prompt or the editor).
    EraseWord,
    /// Empty a one-line prompt; in the editor, delete the line before the cursor.
    ClearLine,
    /// In the editor: delete the line after the cursor.
    DeleteToLineEnd,
    /// In the editor: close it and leave the field as it was, the text typed thrown away.
    CancelEdit,
    /// In the search prompt: the query searched before the one shown (history).
    OlderQuery,
    /// In the search prompt: the query searched after the one shown (history).
    NewerQuery,
    /// Select all the text in the editor, so what is typed next replaces it.
    SelectAll,
    /// Edit the text in your own editor ($VISUAL, else $EDITOR, else vi).
    EditOutside,
    /// The text as the user's own editor left it, or why it could not be edited there.
    #[strum(disabled)]
    EditedOutside(Result<String, String>),
    /// A key for the remarks editor (cursor, word and line movement, editing).
    #[strum(disabled)]
    Editor(crossterm::event::KeyEvent),
    /// Text pasted from the terminal.
    #[strum(disabled)]
    Paste(String),
    /// Keys that only typed text into the editor, taken together (see `App::typed_char`).
    #[strum(disabled)]
    Typed(String),
    /// Select the group at this position (mouse).
    #[strum(disabled)]
    SelectGroup(usize),
    /// Select the activity at this position of the shown table (mouse).
    #[strum(disabled)]
    SelectActivity(usize),
    /// Move the selection of a pane by some lines without focusing it (mouse wheel).
    #[strum(disabled)]
    Scroll(Pane, isize),
    /// What the last frame could show: page size and how far views can scroll.
    #[strum(disabled)]
    Viewport(Viewport),
}

/// Sizes the drawing found, which movement needs: a page, and the scroll limits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Viewport {
    /// Rows of the list in focus.
    pub page: usize,
    /// The furthest the activity view can scroll.
    pub detail_max: usize,
    /// The width of the activity view's text, shown or not: its remarks are wrapped at it.
    pub detail_width: u16,
    /// The furthest the help can scroll.
    pub help_max: usize,
    /// The furthest a version opened in the history can scroll.
    pub history_max: usize,
    /// The furthest the group's title, coordinators and objectives can scroll.
    pub info_max: usize,
    /// Whether the group's objectives, shown, would leave its table too few rows.
    pub objectives_crowd: bool,
    /// The width of the text editor's text and the rows it shows: the cursor moves up and
    /// down by the rows the editor wraps its lines into.
    pub editor_width: u16,
    pub editor_rows: usize,
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
    /// The conflicts a merge left in the file.
    Conflicts,
}

impl Action {
    /// Whether the action changes the report or its file: refused, and not offered, while
    /// another wgtrack holds the report.
    pub fn changes_report(&self) -> bool {
        matches!(
            self,
            Action::EditProgress
                | Action::ProgressUp
                | Action::ProgressDown
                | Action::EditRemarks
                | Action::EditDescription
                | Action::EditTopic
                | Action::AddItem
                | Action::DeleteItem
                | Action::MoveUp
                | Action::MoveDown
                | Action::Save
                | Action::SaveAs
                | Action::Undo
                | Action::Redo
                | Action::ImportSheet
                | Action::TakeOurs
                | Action::TakeTheirs
                | Action::EditConflict
        )
    }

    /// Every action a key can be bound to in the configuration file, in declaration order.
    pub fn bindable() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// The action's name in the configuration file (the snake_case of the variant); `None`
    /// for actions no key can be bound to: those that carry data, and the app's own events.
    pub fn name(&self) -> Option<&'static str> {
        // Strum's name panics on a disabled variant, so only bindable ones are asked.
        Action::bindable().any(|a| a == *self).then(|| self.into())
    }

    /// The bindable action of this name.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindable_actions_have_distinct_names_that_read_back() {
        let mut names = Vec::new();
        for action in Action::bindable() {
            let name = action.name().unwrap_or_else(|| panic!("{action:?} has no name"));
            assert_eq!(Action::from_name(name).as_ref(), Some(&action), "{name}");
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{name}");
            names.push(name);
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::bindable().count(), "two actions share a name");
        assert_eq!(Action::from_name("tick"), None);
        assert_eq!(Action::from_name("EditProgress"), None);
        assert_eq!(Action::Type('a').name(), None);
        assert_eq!(Action::Scroll(Pane::Groups, 1).name(), None);
        // The names of the configuration file, which must not change.
        assert_eq!(Action::PageUp.name(), Some("page_up"));
        assert_eq!(Action::DiscardAndQuit.name(), Some("discard_and_quit"));
    }
}
