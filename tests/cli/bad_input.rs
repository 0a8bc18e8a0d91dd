//! Every class of bad input refused, located, and the file left as it was.

use std::fs;

use wgtrack::store::SHIPPED;

use crate::common::{
    assert_code, default_file, line_col, location, run, shipped_with, stderr, stdout, write_shipped,
};

/// A kind of bad file, what wgtrack must say about it, and where.
struct Bad {
    name: &'static str,
    bytes: Vec<u8>,
    /// Words the message must hold besides the file name.
    says: &'static [&'static str],
    /// The line and, where known exactly, the column of the bad value.
    at: Option<(usize, Option<usize>)>,
}

fn bad_inputs() -> Vec<Bad> {
    let mut bad = Vec::new();

    let text = shipped_with("    symbol: \"LC/CE.20/3\",\n", "    symbol: \"LC/CE.20/3\"\n");
    bad.push(Bad { name: "comma.ron", bytes: text.into_bytes(), says: &[], at: None });

    let start = SHIPPED.rfind(')').unwrap();
    bad.push(Bad {
        name: "paren.ron",
        bytes: SHIPPED.as_bytes()[..start].to_vec(),
        says: &[],
        at: None,
    });

    let text = shipped_with("    symbol:", "    colour: \"red\",\n    symbol:");
    let line = line_col(&text, text.find("colour").unwrap()).0;
    bad.push(Bad {
        name: "unknown.ron",
        bytes: text.into_bytes(),
        says: &["colour"],
        at: Some((line, None)),
    });

    let text = shipped_with("    venue: \"Virtual meeting, 7-8 April 2021\",\n", "");
    bad.push(Bad { name: "missing.ron", bytes: text.into_bytes(), says: &["venue"], at: None });

    for (name, value, says) in [
        ("over.ron", "101", &["101"][..]),
        ("negative.ron", "-1", &["-1"][..]),
        ("string.ron", "\"50\"", &[][..]),
    ] {
        let text = shipped_with("progress: 8,", &format!("progress: {value},"));
        let at = text.find(&format!("progress: {value},")).unwrap() + "progress: ".len();
        let (line, column) = line_col(&text, at);
        // The README's own example: the column of the value itself.
        let column = (value == "101").then_some(column);
        bad.push(Bad { name, bytes: text.into_bytes(), says, at: Some((line, column)) });
    }

    let start = SHIPPED.find("    groups: [").unwrap();
    let text = format!("{}    groups: [],\n)\n", &SHIPPED[..start]);
    let (line, column) = line_col(&text, text.find("[],").unwrap());
    bad.push(Bad {
        name: "nogroups.ron",
        bytes: text.into_bytes(),
        says: &["groups"],
        at: Some((line, Some(column))),
    });

    let title = "Guide to the implementation of a quality assurance framework for the production of official statistics in Latin America and the Caribbean";
    let text = shipped_with(&format!("title: \"{title}\""), "title: \"\"");
    let at = text.find("title: \"\"").unwrap() + "title: ".len();
    let (line, column) = line_col(&text, at);
    bad.push(Bad {
        name: "title.ron",
        bytes: text.into_bytes(),
        says: &["groups[0].title", "empty"],
        at: Some((line, Some(column))),
    });

    let text = shipped_with("Virtual meeting", "Virtual X meeting");
    let at = text.find("Virtual X").unwrap() + "Virtual ".len();
    let (line, column) = line_col(&text, at);
    let mut bytes = text.into_bytes();
    bytes[at] = 0xff;
    bad.push(Bad { name: "latin1.ron", bytes, says: &["UTF-8"], at: Some((line, Some(column))) });

    bad.push(Bad { name: "empty.ron", bytes: Vec::new(), says: &["empty"], at: None });

    bad.push(Bad {
        name: "newer.ron",
        bytes: shipped_with("format: 2,", "format: 3,").into_bytes(),
        says: &["newer", "3"],
        at: None,
    });
    bad
}

#[test]
fn every_bad_input_is_refused_and_left_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    for bad in bad_inputs() {
        let dir = home.path().join(bad.name.trim_end_matches(".ron"));
        fs::create_dir(&dir).unwrap();
        let path = dir.join(bad.name);
        fs::write(&path, &bad.bytes).unwrap();
        let file = path.to_str().unwrap();
        for args in [
            &["-f", file, "validate"][..],
            &["-f", file, "set", "I", "1", "--progress", "5"][..],
            &["-f", file, "summary"][..],
            &["-f", file, "export", "--format", "json"][..],
        ] {
            let out = run(home.path(), args);
            let message = stderr(&out);
            assert_code(&out, 1);
            assert!(stdout(&out).is_empty(), "{}: {args:?}", bad.name);
            assert!(message.contains(bad.name), "{}: {message}", bad.name);
            for word in bad.says {
                assert!(message.contains(word), "{}: {word:?} in {message}", bad.name);
            }
            if bad.name != "newer.ron" {
                let (line, column) = location(&message, file)
                    .unwrap_or_else(|| panic!("{}: file:line:col in {message}", bad.name));
                if let Some((want_line, want_column)) = bad.at {
                    assert_eq!(line, want_line, "{}: {message}", bad.name);
                    if let Some(want_column) = want_column {
                        assert_eq!(column, want_column, "{}: {message}", bad.name);
                    }
                }
            }
            assert!(fs::read(&path).unwrap() == bad.bytes, "{}: changed", bad.name);
            let names: Vec<_> = fs::read_dir(&dir).unwrap().collect();
            assert_eq!(names.len(), 1, "{}: nothing written beside it", bad.name);
        }
    }
    assert!(!default_file(home.path()).exists());
}

#[test]
fn the_syntax_error_is_on_the_line_of_the_missing_comma() {
    let home = tempfile::tempdir().unwrap();
    let bad = bad_inputs().into_iter().next().unwrap();
    let path = home.path().join(bad.name);
    fs::write(&path, &bad.bytes).unwrap();
    let text = String::from_utf8(bad.bytes).unwrap();
    let comma = line_col(&text, text.find("symbol").unwrap()).0;
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "validate"]);
    assert_code(&out, 1);
    let (line, _) = location(&stderr(&out), path.to_str().unwrap()).unwrap();
    // The line without the comma, or the next, where the parser met the next field.
    assert!((comma..=comma + 1).contains(&line), "{}", stderr(&out));
}

#[test]
fn a_missing_file_is_refused_and_not_created() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("absent.ron");
    let file = path.to_str().unwrap();
    for args in [
        &["-f", file, "validate"][..],
        &["-f", file, "set", "I", "1", "--progress", "5"][..],
        &["-f", file, "summary"][..],
    ] {
        let out = run(home.path(), args);
        assert_code(&out, 1);
        assert!(stderr(&out).contains(file), "{}", stderr(&out));
        assert!(!path.exists(), "{args:?} created the file");
    }
    assert!(!default_file(home.path()).exists());
}

#[test]
fn a_directory_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("reports");
    fs::create_dir(&dir).unwrap();
    let file = dir.to_str().unwrap();
    for args in
        [&["-f", file, "validate"][..], &["-f", file, "set", "I", "1", "--progress", "5"][..]]
    {
        let out = run(home.path(), args);
        assert_code(&out, 1);
        let message = stderr(&out);
        assert!(message.contains(file) && message.contains("directory"), "{message}");
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
    }
}

#[test]
fn validate_accepts_the_shipped_report() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "validate"]);
    assert_code(&out, 0);
    assert!(stdout(&out).is_empty());
    let message = stderr(&out);
    assert!(message.contains("11 groups") && message.contains("85 activities"), "{message}");
}

#[cfg(unix)]
#[test]
fn set_in_a_read_only_directory_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let locked = home.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let path = write_shipped(&locked.join("report.ron"));
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(locked.join("probe"), b"").is_ok() {
        eprintln!("skipped: this user writes in read-only directories (root)");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let file = path.to_str().unwrap();
    let out = run(home.path(), &["-f", file, "set", "VIII", "7", "--progress", "40"]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    assert_code(&out, 1);
    assert!(stderr(&out).contains(file), "{}", stderr(&out));
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes());
    assert_eq!(fs::read_dir(&locked).unwrap().count(), 1, "no temp file left");
}

#[test]
fn a_byte_order_mark_is_accepted_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("bom.ron");
    fs::write(&path, format!("\u{feff}{SHIPPED}")).unwrap();
    let file = path.to_str().unwrap();
    let out = run(home.path(), &["-f", file, "validate"]);
    assert_code(&out, 0);
    assert!(stderr(&out).contains("byte order mark"), "{}", stderr(&out));
    let out = run(home.path(), &["-f", file, "set", "I", "1", "--progress", "5"]);
    assert_code(&out, 0);
    assert!(!fs::read(&path).unwrap().starts_with("\u{feff}".as_bytes()), "saved without it");
}
