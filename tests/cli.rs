//! The `wgtrack` binary: help, the default file, init, every class of bad input, set, the
//! choice of file, and the exports. In `cli/`, by feature.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod cli {
    mod bad_input;
    mod files;
    mod set;
    #[cfg(unix)]
    mod special_files;
    mod summary;
    mod usage;
}

use std::path::Path;

use wgtrack::store;

/// The progress of activity `activity` of group `group` (both from 0) in the file at `path`.
fn progress_of(path: &Path, group: usize, activity: usize) -> u8 {
    let report = store::load(path).unwrap();
    report.groups[group].activities[activity].progress.get()
}
