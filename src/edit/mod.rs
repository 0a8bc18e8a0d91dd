//! The pure edits of a report: its fields and lists, addressed by position, each change as
//! a value that applies and reverts itself, and the history of changes for undo and redo.
//! No state and no I/O: the app, the command line and import and merge code share them.

mod change;
mod field;
mod front;
mod history;
mod list;

pub use change::{Change, Choice, Scope};
pub use field::Field;
pub use front::Front;
pub use history::{Entry, History};
pub use list::{Item, List, first_field_required, new_item};
