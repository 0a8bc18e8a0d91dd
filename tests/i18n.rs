//! The interface in English and Spanish: which language is chosen, the templates, and the
//! screens in Spanish (snapshots, and no English label left on any of them). In `i18n/`:
//! the languages and their texts, the screens, and the binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod i18n {
    mod binary;
    mod screens;
    mod texts;
}

/// Words of the English interface that the shipped report's own text never uses, so none
/// of them may show on a Spanish screen.
const ENGLISH: [&str; 22] = [
    "Groups",
    "Progress",
    "Remarks",
    "Coordinators",
    "Objectives",
    "Programme",
    "Overview",
    "Threshold",
    "Baseline",
    "Delete",
    "Search",
    "Quit",
    "Save",
    "Keys",
    "Topic",
    "Description",
    "Behind",
    "Details",
    "Title",
    "not started",
    "in progress",
    "since the baseline",
];
