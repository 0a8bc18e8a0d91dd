//! The "never lose work" promises, tested against the real thing: the `wgtrack` binary killed
//! in the middle of saves, permissions and symlinks kept, changes made by someone else
//! detected, one writer at a time, unsaved edits recovered after `kill -9`, and the terminal
//! given back after a panic or a signal. (Every step of a save failing in turn, with fail
//! points, is in `faults.rs`, a test binary of its own.)
//!
//! Everything happens in temporary directories: spawned programs see XDG directories and
//! HOME inside them and no WGTRACK_FILE; the library in this process is given wgtrack's
//! directories inside them as `Paths` (see [`common::process::in_home`]).

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod safety {
    mod conflict;
    mod crash;
    mod file_size;
    mod hand_edited;
    mod leftovers;
    mod lock;
    mod lock_file;
    mod permissions;
    mod read_only;
    mod recovery;
    mod terminal;
}
