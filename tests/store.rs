//! The store through the library: atomic save (permissions, symlinks, backup, no leftovers)
//! and the error each kind of bad file loads as.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::Path;

use common::{line_col, shipped, shipped_with, temp_files, write_shipped};
use wgtrack::model::{Progress, Report};
use wgtrack::store::{self, Expect, Fingerprint, LoadError, SHIPPED, SaveError};

/// The shipped report with group VIII activity 7 at `progress`.
fn changed(progress: i64) -> Report {
    let mut report = shipped();
    report.groups[7].activities[6].progress = Progress::new(progress).expect("a percentage");
    report
}

#[test]
fn save_writes_the_text_and_returns_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_shipped(&dir.path().join("report.ron"));
    let report = changed(40);
    let fingerprint = store::save(&path, &report, Expect::Anything).unwrap();
    let bytes = fs::read(&path).unwrap();
    assert_eq!(Fingerprint::of(&bytes), fingerprint);
    assert_eq!(bytes, store::to_text(&report).into_bytes());
    assert_eq!(store::load(&path).unwrap(), report);
    assert!(temp_files(dir.path()).is_empty(), "{:?}", temp_files(dir.path()));
}

#[test]
fn save_creates_a_new_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.ron");
    store::save(&path, &shipped(), Expect::Anything).unwrap();
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes());
    assert!(!store::backup_path(&path).exists(), "nothing to back up");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_shipped(&dir.path().join("report.ron"));
    let backup = store::backup_path(&path);
    assert_eq!(backup, dir.path().join("report.ron.bak"));

    let first = store::save(&path, &changed(40), Expect::Anything).unwrap();
    assert!(fs::read(&backup).unwrap() == SHIPPED.as_bytes());
    let second = store::save(&path, &changed(55), Expect::Anything).unwrap();
    assert_ne!(first, second);
    assert_eq!(Fingerprint::of(&fs::read(&backup).unwrap()), first);
    assert_eq!(Fingerprint::of(&fs::read(&path).unwrap()), second);
    assert!(temp_files(dir.path()).is_empty(), "{:?}", temp_files(dir.path()));
}

#[test]
fn save_into_a_missing_directory_fails_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent").join("report.ron");
    let error = store::save(&path, &shipped(), Expect::Anything).unwrap_err();
    assert!(matches!(error, SaveError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("report.ron"), "{error}");
    assert!(!path.exists());
    assert!(!dir.path().join("absent").exists());
}

#[cfg(unix)]
#[test]
fn save_keeps_the_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    for (i, wanted) in [0o600, 0o640, 0o644].into_iter().enumerate() {
        let path = write_shipped(&dir.path().join(format!("report-{i}.ron")));
        fs::set_permissions(&path, fs::Permissions::from_mode(wanted)).unwrap();
        store::save(&path, &changed(40), Expect::Anything).unwrap();
        assert_eq!(common::mode(&path), wanted, "mode {wanted:o}");
        assert_eq!(store::load(&path).unwrap(), changed(40));
    }
}

#[cfg(unix)]
#[test]
fn save_through_a_symlink_keeps_the_link() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    let link_dir = dir.path().join("links");
    fs::create_dir(&real_dir).unwrap();
    fs::create_dir(&link_dir).unwrap();
    let target = write_shipped(&real_dir.join("report.ron"));

    // One link by absolute path, one relative to the link's own directory.
    let absolute = link_dir.join("absolute.ron");
    symlink(&target, &absolute).unwrap();
    let relative = link_dir.join("relative.ron");
    symlink(Path::new("../real/report.ron"), &relative).unwrap();

    for (link, progress) in [(&absolute, 40), (&relative, 55)] {
        store::save(link, &changed(progress), Expect::Anything).unwrap();
        let meta = fs::symlink_metadata(link).unwrap();
        assert!(meta.file_type().is_symlink(), "{} is still a link", link.display());
        assert_eq!(store::load(&target).unwrap(), changed(progress));
        assert_eq!(store::load(link).unwrap(), changed(progress));
    }
    // The backup sits beside the file, not beside the link.
    let backup = store::backup_path(&target);
    assert_eq!(store::load(&backup).unwrap(), changed(40));
    let links: Vec<_> = fs::read_dir(&link_dir).unwrap().collect();
    assert_eq!(links.len(), 2, "nothing was written beside the links");
    assert!(temp_files(&real_dir).is_empty());
}

#[cfg(unix)]
#[test]
fn a_failed_save_leaves_the_file_and_no_temp_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let path = write_shipped(&locked.join("report.ron"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = locked.join("probe");
    if fs::write(&probe, b"").is_ok() {
        eprintln!("skipped: the user can write in a read-only directory (root)");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let result = store::save(&path, &changed(40), Expect::Anything);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    let error = result.unwrap_err();
    assert!(matches!(error, SaveError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains(&path.display().to_string()), "{error}");
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes());
    assert!(temp_files(&locked).is_empty());
}

fn load_text(dir: &Path, name: &str, bytes: &[u8]) -> Result<Report, LoadError> {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    store::load(&path)
}

#[test]
fn a_missing_file_is_a_read_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.ron");
    match store::load(&path) {
        Err(LoadError::Read { path: p, source }) => {
            assert_eq!(p, path);
            assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
        }
        other => panic!("{other:?}"),
    }
    assert!(!path.exists());
}

#[test]
fn a_directory_is_not_a_report() {
    let dir = tempfile::tempdir().unwrap();
    match store::load(dir.path()) {
        Err(LoadError::Directory { path }) => assert_eq!(path, dir.path()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_empty_file_is_empty() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("empty.ron", ""), ("blank.ron", " \n\n\t\n")] {
        match load_text(dir.path(), name, text.as_bytes()) {
            Err(LoadError::Empty { path }) => assert_eq!(path, dir.path().join(name)),
            other => panic!("{name}: {other:?}"),
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_with("Virtual meeting", "Virtual X meeting");
    let at = text.find("Virtual X").unwrap() + "Virtual ".len();
    let (line, column) = line_col(&text, at);
    let mut bytes = text.into_bytes();
    bytes[at] = 0xff;
    match load_text(dir.path(), "latin1.ron", &bytes) {
        Err(LoadError::NotUtf8 { line: l, column: c, .. }) => assert_eq!((l, c), (line, column)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn syntax_errors_are_located() {
    let dir = tempfile::tempdir().unwrap();
    let text = shipped_with("    symbol: \"LC/CE.20/3\",\n", "    symbol: \"LC/CE.20/3\"\n");
    let (comma_line, _) = line_col(&text, text.find("symbol").unwrap());
    match load_text(dir.path(), "syntax.ron", text.as_bytes()) {
        Err(LoadError::Syntax { line, .. }) => {
            // The missing comma, or the next token the parser met instead.
            assert!((comma_line..=comma_line + 1).contains(&line), "line {line}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unknown_and_missing_fields_are_syntax_errors() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = shipped_with("    symbol:", "    colour: \"red\",\n    symbol:");
    let (colour_line, _) = line_col(&unknown, unknown.find("colour").unwrap());
    match load_text(dir.path(), "unknown.ron", unknown.as_bytes()) {
        Err(LoadError::Syntax { line, message, .. }) => {
            assert_eq!(line, colour_line);
            assert!(message.contains("colour"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let missing = shipped_with("    venue: \"Virtual meeting, 7-8 April 2021\",\n", "");
    match load_text(dir.path(), "missing.ron", missing.as_bytes()) {
        Err(LoadError::Syntax { message, .. }) => assert!(message.contains("venue"), "{message}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn progress_out_of_range_is_refused_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["101", "-1", "\"50\""] {
        let text = shipped_with("progress: 8,", &format!("progress: {bad},"));
        let (value_line, _) = line_col(&text, text.find(&format!("progress: {bad},")).unwrap());
        match load_text(dir.path(), "progress.ron", text.as_bytes()) {
            Err(LoadError::Syntax { line, message, .. }) => {
                assert_eq!(line, value_line, "{bad}: {message}");
                if bad != "\"50\"" {
                    assert!(message.contains(&format!("found {bad}")), "{message}");
                }
            }
            other => panic!("{bad}: {other:?}"),
        }
    }
}

#[test]
fn a_newer_format_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let plain = shipped_with("format: 2,", "format: 3,");
    // A newer format may add fields this build does not know.
    let extended = shipped_with("format: 2,", "format: 7,\n    editor: \"someone\",");
    for (text, found_wanted) in [(plain, 3), (extended, 7)] {
        match load_text(dir.path(), "newer.ron", text.as_bytes()) {
            Err(LoadError::NewerFormat { found, .. }) => assert_eq!(found, found_wanted),
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn invalid_values_are_listed_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let title = "Guide to the implementation of a quality assurance framework for the production of official statistics in Latin America and the Caribbean";
    let text = shipped_with(&format!("title: \"{title}\""), "title: \" \"");
    let at = text.find("title: \" \"").unwrap() + "title: ".len();
    match load_text(dir.path(), "title.ron", text.as_bytes()) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].problem.path.to_string(), "groups[0].title");
            assert_eq!((problems[0].line, problems[0].column), line_col(&text, at));
        }
        other => panic!("{other:?}"),
    }

    let start = SHIPPED.find("    groups: [").unwrap();
    let text = format!("{}    groups: [],\n)\n", &SHIPPED[..start]);
    let at = text.find("groups: [],").unwrap() + "groups: ".len();
    match load_text(dir.path(), "nogroups.ron", text.as_bytes()) {
        Err(LoadError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].problem.path.to_string(), "groups");
            assert_eq!((problems[0].line, problems[0].column), line_col(&text, at));
        }
        other => panic!("{other:?}"),
    }

    // Every problem is listed, not only the first.
    let text = shipped_with("country: \"Colombia\"", "country: \"\"").replacen(
        "description: \"Workplan\"",
        "description: \"\"",
        1,
    );
    match load_text(dir.path(), "two.ron", text.as_bytes()) {
        Err(LoadError::Invalid { problems, .. }) => {
            let paths: Vec<String> = problems.iter().map(|p| p.problem.path.to_string()).collect();
            assert_eq!(
                paths,
                ["groups[0].coordinators[0].country", "groups[4].activities[0].description"]
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_byte_order_mark_is_read_past_and_a_save_leaves_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    fs::write(&path, format!("\u{feff}{SHIPPED}")).unwrap();
    let (report, fingerprint, bom) = store::open_noting_bom(&path).unwrap();
    assert!(bom);
    assert_eq!(report, shipped());
    assert!(!store::open_noting_bom(&write_shipped(&dir.path().join("plain.ron"))).unwrap().2);
    store::save(&path, &report, Expect::Content(fingerprint)).unwrap();
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes(), "written without the mark");
}

#[test]
fn syntax_errors_name_the_field_they_are_in() {
    let dir = tempfile::tempdir().unwrap();
    for (value, field) in [
        ("50.5", "groups[7].activities[6].progress"),
        ("\"8\"", "groups[7].activities[6].progress"),
    ] {
        let text = shipped_with("progress: 8,", &format!("progress: {value},"));
        match load_text(dir.path(), "field.ron", text.as_bytes()) {
            Err(error @ LoadError::Syntax { .. }) => {
                let LoadError::Syntax { field: found, .. } = &error else { unreachable!() };
                assert_eq!(found.as_deref(), Some(field), "{error}");
                assert!(error.to_string().contains(&format!(": {field}: ")), "{error}");
            }
            other => panic!("{value}: {other:?}"),
        }
    }
    let text = shipped_with("progress: 8,", "progress: 50.5,");
    let error = load_text(dir.path(), "fraction.ron", text.as_bytes()).unwrap_err();
    let (line, column) = line_col(&text, text.find("50.5").unwrap());
    assert!(
        error.to_string().ends_with(&format!(
            ":{line}:{column}: groups[7].activities[6].progress: expected a whole number, \
             found 50.5"
        )),
        "{error}"
    );
    let text = shipped_with("Virtual meeting, 7-8 April 2021\",", "Virtual meeting\" 7,");
    let error = load_text(dir.path(), "venue.ron", text.as_bytes()).unwrap_err();
    assert!(error.to_string().contains(": venue: "), "{error}");
}

/// Apostrophes need no escape in a RON string: `groups' replies` is written plain, and a file
/// that escapes them (`groups\' replies`, as earlier versions wrote) reads the same.
#[test]
fn apostrophes_are_written_plain_and_read_escaped_or_not() {
    assert!(SHIPPED.contains("The groups' replies"), "the shipped file has them plain");
    assert!(!SHIPPED.contains("\\'"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.ron");
    fs::write(&path, SHIPPED.replace('\'', "\\'")).unwrap();
    assert_eq!(store::load(&path).unwrap(), shipped());
    store::save(&path, &shipped(), Expect::Anything).unwrap();
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes(), "written plain");
}
