//! wgtrack tracks the working groups of the Statistical Conference of the Americas: their
//! activities, progress and remarks, and the implementation report made from them.
//!
//! The modules, from the bottom up (each depends only on those above it in this list):
//!
//! - [`model`]: `Report`, `Group`, `Activity`, `Progress`; numerals and derived figures. No I/O.
//! - [`validate`]: every problem in a report, each with a field path.
//! - [`store`]: load (errors as `file:line:column`), save (stable layout, atomic), default paths.
//! - [`export`]: json, csv and the summary table: model in, `io::Write` out.
//! - [`cli`]: the clap types and the headless commands.

pub mod cli;
pub mod export;
pub mod model;
pub mod store;
pub mod validate;
