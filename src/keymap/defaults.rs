//! The default key table: what every key does in every context before any configuration.

use crossterm::event::{KeyCode, KeyModifiers};

use super::{Binding, Context, Keymap};
use crate::action::Action;

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
        bind(C::Activity, K::End, none, A::End);
        bind(C::Activity, K::Char('G'), none, A::End);
        bind(C::Activity, K::Char(']'), none, A::NextActivity);
        bind(C::Activity, K::Char('['), none, A::PrevActivity);
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
        bind(C::Details, K::Char('g'), none, A::Home);
        bind(C::Details, K::End, none, A::End);
        bind(C::Details, K::Char('G'), none, A::End);
        bind(C::Details, K::Enter, none, A::Open);
        bind(C::Details, K::Char('e'), none, A::Open);
        bind(C::Details, K::Esc, none, A::Back);
        for (code, action) in list_moves().into_iter().chain([
            (K::Char('o'), A::TakeOurs),
            (K::Char('t'), A::TakeTheirs),
            (K::Char('e'), A::EditConflict),
            (K::Enter, A::Open),
            (K::Esc, A::Back),
        ]) {
            bind(C::Conflicts, code, none, action);
        }
        bind(C::ConfirmDelete, K::Char('y'), none, A::Confirm);
        // "sí": the Spanish answer; no English one starts with it.
        bind(C::ConfirmDelete, K::Char('s'), none, A::Confirm);
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
        for pane in [C::Groups, C::Activities] {
            bind(pane, K::Char('{'), none, A::InfoUp);
            bind(pane, K::Char('}'), none, A::InfoDown);
        }
        bind(C::Global, K::Char('v'), none, A::Overview);
        bind(C::Global, K::Char('b'), none, A::PickBaseline);
        bind(C::Global, K::Char('I'), none, A::ImportSheet);
        bind(C::Global, K::Char('H'), none, A::History);
        bind(C::Global, K::Char('i'), none, A::ReportDetails);
        bind(C::Global, K::Char('C'), none, A::Conflicts);
        bind(C::Global, K::Char('/'), none, A::Search);
        bind(C::Global, K::Char(':'), none, A::GoTo);
        bind(C::Global, K::Char('n'), none, A::NextMatch);
        bind(C::Global, K::Char('N'), none, A::PrevMatch);
        bind(C::Global, K::Char('m'), none, A::MatchList);
        bind(C::Global, K::Char('!'), none, A::Checks);
        bind(C::Global, K::Char('u'), none, A::Undo);
        bind(C::Global, K::Char('r'), ctrl, A::Redo);
        bind(C::Global, K::Char('s'), ctrl, A::Save);
        bind(C::Global, K::Char('W'), none, A::SaveAs);
        bind(C::Global, K::Char('c'), none, A::Commit);
        bind(C::Global, K::Char('?'), none, A::Help);
        bind(C::Global, K::Char('q'), none, A::Quit);
        bind(C::Global, K::Char('c'), ctrl, A::Quit);
        for prompt in [
            C::EditProgress,
            C::Search,
            C::SaveAs,
            C::Commit,
            C::Threshold,
            C::Baseline,
            C::GoTo,
            C::Import,
            C::ReviewReason,
        ] {
            bind(prompt, K::Enter, none, A::Confirm);
            bind(prompt, K::Esc, none, A::Back);
            bind(prompt, K::Backspace, none, A::Erase);
            bind(prompt, K::Char('w'), ctrl, A::EraseWord);
            bind(prompt, K::Char('u'), ctrl, A::ClearLine);
            bind(prompt, K::Char('c'), ctrl, A::Quit);
        }
        bind(C::Baseline, K::Up, none, A::Up);
        bind(C::Baseline, K::Down, none, A::Down);
        bind(C::Search, K::Up, none, A::OlderQuery);
        bind(C::Search, K::Down, none, A::NewerQuery);
        for (code, action) in list_moves().into_iter().chain([
            (K::Enter, A::Open),
            (K::Esc, A::Back),
            (K::Char('!'), A::Back),
            (K::Char('r'), A::MarkReviewed),
        ]) {
            bind(C::Checks, code, none, action);
        }
        for (code, action) in list_moves().into_iter().chain([
            (K::Enter, A::Open),
            (K::Char('n'), A::NextMatch),
            (K::Char('N'), A::PrevMatch),
            (K::Esc, A::Back),
            (K::Char('m'), A::Back),
        ]) {
            bind(C::Matches, code, none, action);
        }
        bind(C::EditText, K::Esc, none, A::Back);
        bind(C::EditText, K::Char('s'), ctrl, A::Save);
        bind(C::EditText, K::Char('a'), ctrl, A::SelectAll);
        bind(C::EditText, K::Char('c'), ctrl, A::Quit);
        bind(C::EditText, K::Char('g'), ctrl, A::CancelEdit);
        bind(C::EditText, K::Char('o'), ctrl, A::EditOutside);
        bind(C::EditText, K::Char('z'), ctrl, A::Undo);
        bind(C::EditText, K::Char('y'), ctrl, A::Redo);
        bind(C::EditText, K::Char('w'), ctrl, A::EraseWord);
        bind(C::EditText, K::Backspace, ctrl, A::EraseWord);
        bind(C::EditText, K::Char('u'), ctrl, A::ClearLine);
        bind(C::EditText, K::Char('k'), ctrl, A::DeleteToLineEnd);
        bind(C::ConfirmQuit, K::Char('s'), none, A::SaveAndQuit);
        bind(C::ConfirmQuit, K::Char('y'), none, A::SaveAndQuit);
        bind(C::ConfirmQuit, K::Char('a'), none, A::SaveAs);
        bind(C::ConfirmQuit, K::Char('d'), none, A::DiscardAndQuit);
        bind(C::ConfirmQuit, K::Char('n'), none, A::DiscardAndQuit);
        bind(C::ConfirmQuit, K::Esc, none, A::Back);
        bind(C::ConfirmQuit, K::Char('c'), none, A::Back);
        bind(C::Conflict, K::Char('r'), none, A::Reload);
        bind(C::Conflict, K::Char('o'), none, A::Overwrite);
        bind(C::Conflict, K::Char('a'), none, A::SaveAs);
        bind(C::Conflict, K::Esc, none, A::Back);
        // Only a letter saves a read-only or hand-edited file anyway, not Enter: as vim's
        // `:w!`, it is asked for on purpose.
        bind(C::ConfirmSave, K::Char('y'), none, A::Confirm);
        bind(C::ConfirmSave, K::Char('s'), none, A::Confirm);
        bind(C::ConfirmSave, K::Char('n'), none, A::Back);
        bind(C::ConfirmSave, K::Esc, none, A::Back);
        // A file an older wgtrack no longer reads: a letter moves it on, not Enter.
        bind(C::ConfirmFormat, K::Char('y'), none, A::Confirm);
        bind(C::ConfirmFormat, K::Char('s'), none, A::Confirm);
        bind(C::ConfirmFormat, K::Char('n'), none, A::Back);
        bind(C::ConfirmFormat, K::Esc, none, A::Back);
        for (code, action) in list_moves().into_iter().chain([
            (K::Char(' '), A::ToggleProposal),
            (K::Char('e'), A::EditProposal),
            (K::Char('A'), A::AcceptAll),
            (K::Enter, A::Confirm),
            (K::Esc, A::Back),
        ]) {
            bind(C::Review, code, none, action);
        }
        bind(C::LeaveReview, K::Char('y'), none, A::Confirm);
        bind(C::LeaveReview, K::Char('s'), none, A::Confirm);
        bind(C::LeaveReview, K::Enter, none, A::Confirm);
        bind(C::LeaveReview, K::Char('n'), none, A::Back);
        bind(C::LeaveReview, K::Esc, none, A::Back);
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
        for (code, action) in list_moves().into_iter().chain([
            (K::Enter, A::Open),
            (K::Esc, A::Back),
            (K::Char('H'), A::Back),
            (K::Char('q'), A::Back),
        ]) {
            bind(C::History, code, none, action);
        }
        Keymap { bindings }
    }
}

/// The keys that move in a list, alike in every list: arrows and vi's, pages, both ends.
fn list_moves() -> [(KeyCode, Action); 10] {
    use Action as A;
    use KeyCode as K;
    [
        (K::Up, A::Up),
        (K::Char('k'), A::Up),
        (K::Down, A::Down),
        (K::Char('j'), A::Down),
        (K::PageUp, A::PageUp),
        (K::PageDown, A::PageDown),
        (K::Home, A::Home),
        (K::Char('g'), A::Home),
        (K::End, A::End),
        (K::Char('G'), A::End),
    ]
}
