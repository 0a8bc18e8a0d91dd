//! The formats of the data file: format-1 files (the shipped report as it was, and a small
//! one written by hand) load, keep format 1 when saved, move on to format 2 only through
//! `wgtrack migrate`; format 2's fields round-trip; a newer format is refused and never
//! written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{assert_code, run, stderr};
use wgtrack::edit::{Item, List};
use wgtrack::model::{Distribution, FORMAT, FORMAT_1, Language, Note, StatedIn};
use wgtrack::store::{self, Expect, LoadError, SaveError};

const SHIPPED_1: &str = include_str!("fixtures/format-1/report-2020-2021.ron");
const SMALL_1: &str = include_str!("fixtures/format-1/small.ron");

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_format_1_fixtures_load_and_are_written_back_byte_for_byte_as_format_1() {
    for text in [SHIPPED_1, SMALL_1] {
        let report = store::parse(Path::new("f.ron"), text).unwrap();
        assert_eq!(report.format, FORMAT_1);
        assert_eq!(report.format_2_field(), None);
        assert_eq!(store::to_text(&report), text, "format 1 is written as it was read");
    }
}

#[test]
fn the_shipped_report_is_format_2_with_what_the_source_says() {
    let report = store::shipped().unwrap();
    assert_eq!(report.format, FORMAT);
    assert_eq!(report.distribution, Some(Distribution::Limited));
    assert_eq!(report.language, Some(Language::English));
    assert_eq!(report.original_language, Some(Language::Spanish));
    assert_eq!(report.job_number.as_deref(), Some("21-00161"));
    let notes: Vec<&Note> = report.introduction.iter().flat_map(|s| &s.notes).collect();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].text.starts_with("See resolution 11(X) [online]"));
    assert!(report.introduction[0].paragraphs[notes[0].paragraph].contains("tenth meeting"));
    let paragraphs = report.introduction.iter().flat_map(|s| &s.paragraphs);
    assert!(!paragraphs.clone().any(|p| p.starts_with("See resolution")), "no longer a paragraph");
    let x = &report.groups[9];
    assert_eq!(x.coordinators[0].country, "Mexico");
    assert_eq!(x.coordinators[0].stated_in, Some(StatedIn::ActivityRemarks(1)));
    assert!(x.activities[0].remarks.contains("Group coordinator: Mexico"));
    // Everything else is the format-1 report.
    let old = store::parse(Path::new("f.ron"), SHIPPED_1).unwrap();
    assert_eq!(report.groups.len(), old.groups.len());
    assert_eq!(report.title, old.title);
}

#[test]
fn format_2_round_trips_through_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "r.ron", store::SHIPPED);
    let report = store::load(&file).unwrap();
    store::save(&file, &report, Expect::Anything).unwrap();
    assert_eq!(fs::read_to_string(&file).unwrap(), store::SHIPPED);
}

#[test]
fn a_format_1_file_is_not_written_holding_what_only_format_2_holds() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "r.ron", SMALL_1);
    let (mut report, fingerprint) = store::open(&file).unwrap();
    report.job_number = Some("22-00001".into());
    let error = store::save(&file, &report, Expect::Content(fingerprint)).unwrap_err();
    assert!(matches!(error, SaveError::NeedsFormat2 { field: "job_number", .. }), "{error}");
    assert!(error.to_string().contains("wgtrack migrate"), "{error}");
    assert_eq!(fs::read_to_string(&file).unwrap(), SMALL_1, "untouched");
}

#[test]
fn a_newer_format_is_refused_in_so_many_words_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let newer = SMALL_1.replacen("format: 1", "format: 3", 1).replacen(
        "    groups: [",
        "    colour: \"blue\",\n    groups: [",
        1,
    );
    let file = write(dir.path(), "r.ron", &newer);
    let error = store::load(&file).unwrap_err();
    assert!(matches!(error, LoadError::NewerFormat { found: 3, .. }));
    let said = error.to_string();
    assert!(
        said.ends_with("made by a newer wgtrack (format 3); this one reads formats 1 and 2"),
        "{said}"
    );
    let mut report = store::parse(Path::new("s.ron"), SMALL_1).unwrap();
    report.format = 3;
    let error = store::save(&file, &report, Expect::Anything).unwrap_err();
    assert!(matches!(error, SaveError::NewerFormat { found: 3, .. }), "{error}");
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["-f", file.to_str().unwrap(), "migrate", "--yes"]);
    assert_code(&out, 1);
    assert!(stderr(&out).contains("made by a newer wgtrack (format 3)"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), newer);
}

#[test]
fn validate_says_the_format_and_set_keeps_format_1() {
    let home = tempfile::tempdir().unwrap();
    let file = write(home.path(), "r.ron", SMALL_1);
    let f = file.to_str().unwrap();
    let out = run(home.path(), &["-f", f, "validate"]);
    assert_code(&out, 0);
    assert!(stderr(&out).contains("format 1; `wgtrack migrate` moves it to format 2"));
    let out = run(home.path(), &["-f", f, "set", "I", "1", "--progress", "60"]);
    assert_code(&out, 0);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("Report(\n    format: 1,\n"), "{text}");
    assert!(text.contains("progress: 60"));
    let shipped = write(home.path(), "s.ron", store::SHIPPED);
    let out = run(home.path(), &["-f", shipped.to_str().unwrap(), "validate"]);
    assert!(stderr(&out).contains(": format 2\n"), "{}", stderr(&out));
}

#[test]
fn migrate_asks_refuses_without_a_terminal_and_with_yes_keeps_the_old_file() {
    let home = tempfile::tempdir().unwrap();
    let file = write(home.path(), "r.ron", SHIPPED_1);
    let out = run(home.path(), &["migrate", file.to_str().unwrap()]);
    assert_code(&out, 1);
    let said = stderr(&out);
    assert!(said.contains("format 1, to be written as format 2"), "{said}");
    assert!(said.contains("pass --yes"), "{said}");
    assert_eq!(fs::read_to_string(&file).unwrap(), SHIPPED_1, "not migrated");

    let out = run(home.path(), &["migrate", file.to_str().unwrap(), "--yes"]);
    assert_code(&out, 0);
    let migrated = store::load(&file).unwrap();
    assert_eq!(migrated.format, FORMAT);
    let old = store::parse(Path::new("f.ron"), SHIPPED_1).unwrap();
    assert_eq!(wgtrack::model::Report { format: FORMAT_1, ..migrated }, old, "only the format");
    assert_eq!(fs::read_to_string(store::backup_path(&file)).unwrap(), SHIPPED_1);

    let out = run(home.path(), &["migrate", file.to_str().unwrap(), "--yes"]);
    assert_code(&out, 0);
    assert!(stderr(&out).contains("already format 2"));
}

#[test]
fn a_paragraphs_notes_go_and_come_back_with_it() {
    let mut report = store::shipped().unwrap();
    let before = report.clone();
    // The paragraph before the noted one goes: the note follows its paragraph down.
    let removed = List::Paragraphs(0).remove(&mut report, 0).unwrap();
    assert_eq!(report.introduction[0].notes[0].paragraph, 0);
    let noted = List::Paragraphs(0).remove(&mut report, 0).unwrap();
    assert!(matches!(&noted, Item::Paragraph(_, notes) if notes.len() == 1));
    assert!(report.introduction[0].notes.is_empty());
    assert!(wgtrack::validate::problems(&report).is_empty());
    List::Paragraphs(0).insert(&mut report, 0, noted);
    List::Paragraphs(0).insert(&mut report, 0, removed);
    assert_eq!(report, before);
}

#[test]
fn a_note_on_a_missing_paragraph_or_a_coordinator_stated_in_a_missing_activity_is_named() {
    let text = store::SHIPPED.replacen("paragraph: 1,", "paragraph: 7,", 1).replacen(
        "ActivityRemarks(1)",
        "ActivityRemarks(9)",
        1,
    );
    let error = store::parse(Path::new("r.ron"), &text).unwrap_err().to_string();
    assert!(error.contains("introduction[0].notes[0].paragraph: names paragraph 7"), "{error}");
    assert!(error.contains("groups[9].coordinators[0].stated_in: names activity 9"), "{error}");
}
