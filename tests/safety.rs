//! The "never lose work" promises, tested against the real thing: the `wgtrack` binary killed
//! in the middle of saves, every step of the save routine failing in turn (fail points),
//! permissions and symlinks kept, changes made by someone else detected, one writer at a
//! time, unsaved edits recovered after `kill -9`, and the terminal given back after a panic
//! or a signal.
//!
//! Everything happens in temporary directories: spawned programs see XDG directories and
//! HOME inside them and no WGTRACK_FILE. Tests that drive the library in this process and
//! may touch the recovery journal (which lives in the XDG state directory) run in a child
//! process of this test binary with such an environment, see [`common::process::in_child`];
//! that also gives each of them a fail point registry of its own.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod safety {
    mod conflict;
    mod crash;
    mod faults;
    mod lock;
    mod permissions;
    mod recovery;
    mod terminal;
}
