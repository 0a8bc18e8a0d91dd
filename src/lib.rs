//! wgtrack tracks the working groups of the Statistical Conference of the Americas: their
//! activities, progress and remarks, and the implementation report made from them.
//!
//! The modules, from the bottom up (each depends only on those above it in this list):
//!
//! - [`model`]: `Report`, `Group`, `Activity`, `Progress`; numerals and derived figures. No I/O.
//! - [`format`]: figures and dates as written everywhere: signed changes, month names.
//! - [`emphasis`]: where text is emphasised (`*…*`, read as CommonMark reads it), for the
//!   screens and the exports alike.
//! - [`validate`]: every problem in a report, each with a field path.
//! - [`columns`]: text measured in terminal columns (ellipsis, padding).
//! - [`printable`]: text safe for a terminal or an export: control characters escaped.
//! - [`wrap`]: remarks wrapped at a width as the screen wraps them, as an index of byte
//!   ranges, so only the lines on screen are ever drawn.
//! - [`editor_rows`]: the text editor's lines wrapped into rows, and the cursor's place on
//!   them, for drawing the editor and moving up and down in it.
//! - `ron_scan`: moving over RON text without parsing it, to point at where things are.
//! - [`compare`]: a report against its baseline: what moved, what was added or removed.
//! - [`merge`]: three versions of a report made one, field by field, with the conflicts.
//! - [`store`]: load (errors as `file:line:column`), save (safe and atomic), the lock, the
//!   recovery journal, conflicts marked as git marks them, wgtrack's directories (`Paths`). Its errors are data, said in
//!   English by `Display`.
//! - [`i18n`]: the interface's words in English and Spanish, which language to speak, and the
//!   store's errors and the report's faults in those words.
//! - [`edit`]: the pure edits of a report (fields, lists, changes) and their history, for
//!   undo; no state, no I/O.
//! - [`search`]: where a text occurs in the report.
//! - [`sheet`]: the update sheets handed to the groups' coordinators (`.xlsx`, CSV), and the
//!   ties that bind a sheet to its report and group, and each row to its activity.
//! - [`import`]: returned sheets read back (`.xlsx`, `.xls`, `.ods`, CSV in any usual
//!   encoding) into proposed changes, each with its place; the cells refused, named.
//! - [`history`]: the report's versions in git (read with `gix`), an activity, a group and
//!   the programme followed through them; a revision's report for a baseline; the commit
//!   message written for a saved report, and the commit made with the `git` program.
//! - [`export`]: json, csv, markdown, html, the summary and the changes since a baseline:
//!   model in, `io::Write` out.
//! - `generate` (feature `testing`): reports of any size with realistic text, from a seed,
//!   for the benchmarks and tests.
//! - [`action`]: every user intent, one doc line each.
//! - [`app`]: the `App` state (document, session, view, mode) and `update(Action)`, the only
//!   place that changes it; file work is asked for as effects, never done there.
//! - [`effects`]: carries out what the app asks for (saves, journals, reads, git histories,
//!   kept per file) and hands back what came of it, with news of a long reading as it goes:
//!   on a worker thread for the event loop, at once for tests.
//! - [`keymap`]: (context, key) → action; one table behind dispatch, footer and help.
//! - [`ui`]: `draw(frame, &App, …)`, one file per screen region or overlay; the theme.
//! - [`config`]: the configuration file: theme and styles, keys, default report, language.
//! - [`handover`]: a text of the app's edited in the user's own editor (`$VISUAL`).
//! - [`tui`]: the terminal guard and the event loop; it hands the terminal over to the
//!   user's editor and takes it back.
//! - [`cli`]: the clap types and the headless commands (never the app or the ui).

pub mod action;
pub mod app;
pub mod check;
pub mod cli;
pub mod columns;
pub mod compare;
pub mod config;
pub mod edit;
pub mod editor_rows;
pub mod effects;
pub mod emphasis;
pub mod export;
pub mod format;
pub mod import;
// Exists for the benchmarks and tests: generated reports of any size, not a user feature.
#[cfg(any(test, feature = "testing"))]
pub mod generate;
pub mod handover;
pub mod history;
pub mod i18n;
pub mod keymap;
pub mod merge;
pub mod model;
pub mod printable;
mod ron_scan;
pub mod search;
pub mod sheet;
pub mod store;
pub mod tui;
pub mod ui;
pub mod validate;
pub mod wrap;
