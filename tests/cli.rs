//! The `wgtrack` binary: help, the default file, init, every class of bad input, set, the
//! choice of file, and the exports.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use common::{
    NUMERALS, PROGRESS, TOPICS, assert_code, default_file, line_col, location, mean, run,
    shipped_with, stderr, stdout, tally, temp_files, wgtrack, write_shipped,
};
use wgtrack::export::CsvRow;
use wgtrack::model::Report;
use wgtrack::store::{self, SHIPPED};

fn shipped() -> Report {
    store::shipped().expect("the shipped report loads")
}

const SUBCOMMANDS: [&str; 5] = ["init", "validate", "summary", "export", "set"];

#[test]
fn help_for_every_command() {
    let home = tempfile::tempdir().unwrap();
    let mut commands = vec![vec![]];
    commands.extend(SUBCOMMANDS.iter().map(|s| vec![*s]));
    for command in commands {
        let mut args = command.clone();
        args.push("--help");
        let out = run(home.path(), &args);
        assert_code(&out, 0);
        let text = stdout(&out);
        assert!(text.contains("Usage: wgtrack"), "{args:?}: {text}");
        if let Some(name) = command.first() {
            assert!(text.contains(&format!("wgtrack {name}")), "{args:?}: {text}");
        }
    }
    // Asking for help reads no file and creates none.
    assert!(!default_file(home.path()).exists());
}

#[test]
fn version_at_the_top_level() {
    let home = tempfile::tempdir().unwrap();
    let out = run(home.path(), &["--version"]);
    assert_code(&out, 0);
    assert_eq!(stdout(&out).trim(), format!("wgtrack {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn version_for_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    for command in SUBCOMMANDS {
        let out = run(home.path(), &[command, "--version"]);
        assert_code(&out, 0);
        assert!(stdout(&out).contains(env!("CARGO_PKG_VERSION")), "{command}: {}", stdout(&out));
    }
}

/// The whitespace-separated fields of the summary line that starts with `first`.
fn summary_line<'a>(text: &'a str, first: &str) -> Vec<&'a str> {
    let lines: Vec<Vec<&str>> = text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|f| f.first() == Some(&first))
        .collect();
    assert_eq!(lines.len(), 1, "one line for {first} in\n{text}");
    lines.into_iter().next().unwrap()
}

/// Asserts that `shown` ("76%") is a whole percentage nearest to `exact`.
#[track_caller]
fn assert_percent(shown: &str, exact: f64) {
    let value: f64 = shown
        .strip_suffix('%')
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("a percentage: {shown}"));
    assert!((value - exact).abs() <= 0.5, "{shown} for a mean of {exact}");
}

#[test]
fn summary_on_a_fresh_home_creates_the_default_file() {
    let home = tempfile::tempdir().unwrap();
    let file = default_file(home.path());
    let out = run(home.path(), &["summary"]);
    assert_code(&out, 0);
    assert!(fs::read(&file).unwrap() == SHIPPED.as_bytes());
    assert!(stderr(&out).contains(&file.display().to_string()), "says where: {}", stderr(&out));

    let text = stdout(&out);
    assert!(text.starts_with("LC/CE.20/3\n"), "{text}");
    let group_lines = text
        .lines()
        .filter(|l| l.split_whitespace().next().is_some_and(|w| NUMERALS.contains(&w)))
        .count();
    assert_eq!(group_lines, 11, "{text}");
    for (g, numeral) in NUMERALS.iter().enumerate() {
        let fields = summary_line(&text, numeral);
        let line = fields.join(" ");
        assert!(line.contains(TOPICS[g]), "{line}");
        let n = fields.len();
        let (completed, in_progress, not_started) = tally(PROGRESS[g]);
        let counts = [PROGRESS[g].len(), completed, in_progress, not_started];
        let shown: Vec<usize> = fields[n - 5..n - 1].iter().map(|f| f.parse().unwrap()).collect();
        assert_eq!(shown, counts, "{line}");
        assert_percent(fields[n - 1], mean(PROGRESS[g]));
    }
    // The example the README gives, written out.
    let viii = summary_line(&text, "VIII");
    assert_eq!(viii[viii.len() - 5..], ["8", "6", "1", "1", "76%"]);

    let all = common::all_progress();
    let total = summary_line(&text, "All");
    let n = total.len();
    let (completed, in_progress, not_started) = tally(&all);
    assert_eq!(
        total[n - 5..n - 1],
        [85, completed, in_progress, not_started].map(|v| v.to_string())
    );
    assert_percent(total[n - 1], mean(&all));

    // The second run finds the file and says nothing about creating it.
    let again = run(home.path(), &["summary"]);
    assert_code(&again, 0);
    assert_eq!(stdout(&again), text);
    assert!(!stderr(&again).contains("created"), "{}", stderr(&again));
}

#[test]
fn init_writes_the_shipped_report_once() {
    let home = tempfile::tempdir().unwrap();
    let file = default_file(home.path());
    let out = run(home.path(), &["init"]);
    assert_code(&out, 0);
    assert!(fs::read(&file).unwrap() == SHIPPED.as_bytes());

    let modified = shipped_with("progress: 8,", "progress: 9,");
    fs::write(&file, &modified).unwrap();
    let out = run(home.path(), &["init"]);
    assert_code(&out, 1);
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), modified);

    let out = run(home.path(), &["init", "--force"]);
    assert_code(&out, 0);
    assert!(fs::read(&file).unwrap() == SHIPPED.as_bytes());

    // With -f, into a directory that does not exist yet.
    let named = home.path().join("new").join("mine.ron");
    let out = run(home.path(), &["-f", named.to_str().unwrap(), "init"]);
    assert_code(&out, 0);
    assert!(fs::read(&named).unwrap() == SHIPPED.as_bytes());
}

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
        bytes: shipped_with("format: 1,", "format: 2,").into_bytes(),
        says: &["newer", "2"],
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

fn export_json(home: &Path, file: &str) -> serde_json::Value {
    let out = run(home, &["-f", file, "export", "--format", "json"]);
    assert_code(&out, 0);
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The paths where two JSON values differ.
fn differences(a: &serde_json::Value, b: &serde_json::Value, at: String, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for key in keys {
                let here = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
                match (x.get(key), y.get(key)) {
                    (Some(p), Some(q)) => differences(p, q, here, out),
                    _ => out.push(here),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(p, q, format!("{at}[{i}]"), out);
            }
        }
        _ if a != b => out.push(at),
        _ => {}
    }
}

#[test]
fn set_changes_only_what_it_names() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let file = path.to_str().unwrap();
    let before = export_json(home.path(), file);

    let out = run(
        home.path(),
        &["-f", file, "set", "VIII", "7", "--progress", "40", "--remarks", "New remark"],
    );
    assert_code(&out, 0);
    assert!(stdout(&out).is_empty());
    assert!(stderr(&out).contains(file), "{}", stderr(&out));

    let after = export_json(home.path(), file);
    let mut found = Vec::new();
    differences(&before, &after, String::new(), &mut found);
    assert_eq!(found, ["groups[7].activities[6].progress", "groups[7].activities[6].remarks"]);
    let activity = &after["groups"][7]["activities"][6];
    assert_eq!(activity["progress"], 40);
    assert_eq!(activity["remarks"], "New remark");

    // The file differs from the shipped text in those two lines only.
    let text = fs::read_to_string(&path).unwrap();
    let old: Vec<&str> = SHIPPED.lines().collect();
    let new: Vec<&str> = text.lines().collect();
    assert_eq!(old.len(), new.len());
    let changed: Vec<(&str, &str)> =
        old.iter().zip(&new).filter(|(a, b)| a != b).map(|(a, b)| (a.trim(), b.trim())).collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert_eq!(changed[0], ("progress: 8,", "progress: 40,"));
    assert!(changed[1].0.starts_with("remarks: \"The document"), "{changed:?}");
    assert_eq!(changed[1].1, "remarks: \"New remark\",");
    // And the previous version is kept beside it.
    assert!(fs::read(store::backup_path(&path)).unwrap() == SHIPPED.as_bytes());
    assert!(temp_files(home.path()).is_empty());
}

fn progress_of(path: &Path, group: usize, activity: usize) -> u8 {
    let report = store::load(path).unwrap();
    report.groups[group].activities[activity].progress.get()
}

#[test]
fn set_takes_the_group_as_a_numeral_in_any_case_or_a_number() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let file = path.to_str().unwrap();
    for (group, progress) in [("viii", "41"), ("8", "42"), ("VIII", "43")] {
        let out = run(home.path(), &["-f", file, "set", group, "7", "--progress", progress]);
        assert_code(&out, 0);
        assert_eq!(progress_of(&path, 7, 6).to_string(), progress);
    }
    // Only the progress changed: the rest is the shipped report.
    let mut report = store::load(&path).unwrap();
    report.groups[7].activities[6].progress = shipped().groups[7].activities[6].progress;
    assert_eq!(report, shipped());
}

#[test]
fn set_refuses_wrong_usage_with_status_2() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let file = path.to_str().unwrap();
    let cases: [&[&str]; 9] = [
        &["set", "XII", "1", "--progress", "5"],
        &["set", "12", "1", "--progress", "5"],
        &["set", "IIII", "1", "--progress", "5"],
        &["set", "8", "9", "--progress", "5"],
        &["set", "8", "0", "--progress", "5"],
        &["set", "8", "7", "--progress", "101"],
        &["set", "8", "7", "--progress", "-1"],
        &["set", "8", "7"],
        &["set", "8", "7", "--remarks", "a", "--remarks-file", "b"],
    ];
    for case in cases {
        let mut args = vec!["-f", file];
        args.extend_from_slice(case);
        let out = run(home.path(), &args);
        assert_code(&out, 2);
        assert!(!stderr(&out).is_empty(), "{case:?}: a message");
        assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes(), "{case:?}");
        assert!(!store::backup_path(&path).exists(), "{case:?}: saved");
    }
    let out = run(home.path(), &["-f", file, "set", "XII", "1", "--progress", "5"]);
    assert!(stderr(&out).contains("XI"), "names the groups: {}", stderr(&out));
    let out = run(home.path(), &["-f", file, "set", "8", "9", "--progress", "5"]);
    assert!(stderr(&out).contains("1 to 8"), "names the activities: {}", stderr(&out));
}

#[test]
fn set_reads_remarks_from_a_file() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let remarks = home.path().join("remarks.txt");
    fs::write(&remarks, "First paragraph.\n\nSecond, with \"quotes\".\n").unwrap();
    let out = run(
        home.path(),
        &[
            "-f",
            path.to_str().unwrap(),
            "set",
            "II",
            "1",
            "--remarks-file",
            remarks.to_str().unwrap(),
        ],
    );
    assert_code(&out, 0);
    let report = store::load(&path).unwrap();
    assert_eq!(
        report.groups[1].activities[0].remarks,
        "First paragraph.\n\nSecond, with \"quotes\"."
    );
    assert_eq!(report.groups[1].activities[0].progress.get(), PROGRESS[1][0]);

    // A remarks file that cannot be read: status 1, nothing saved.
    let out = run(
        home.path(),
        &["-f", path.to_str().unwrap(), "set", "II", "1", "--remarks-file", "absent.txt"],
    );
    assert_code(&out, 1);
    assert!(stderr(&out).contains("absent.txt"), "{}", stderr(&out));
    assert_eq!(store::load(&path).unwrap(), report);
}

#[test]
fn set_reads_remarks_from_standard_input() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let mut child = wgtrack(home.path())
        .args(["-f", path.to_str().unwrap(), "set", "3", "2"])
        .args(["--remarks-file", "-", "--progress", "75"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("Typed in, *emphasis* and all.\r\n".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_code(&out, 0);
    let activity = &store::load(&path).unwrap().groups[2].activities[1];
    assert_eq!(activity.remarks, "Typed in, *emphasis* and all.");
    assert_eq!(activity.progress.get(), 75);
}

/// The symbol the summary of `args` prints first, which tells the files apart.
fn symbol_seen(home: &Path, args: &[&str], env: Option<&Path>) -> String {
    let mut command = wgtrack(home);
    if let Some(file) = env {
        command.env("WGTRACK_FILE", file);
    }
    let out = command.args(args).output().unwrap();
    assert_code(&out, 0);
    stdout(&out).lines().next().unwrap_or_default().to_string()
}

#[test]
fn the_file_is_chosen_by_flag_then_environment_then_default() {
    let home = tempfile::tempdir().unwrap();
    let write = |name: &str, symbol: &str| {
        let path = home.path().join(name);
        let text = shipped_with("symbol: \"LC/CE.20/3\"", &format!("symbol: \"{symbol}\""));
        fs::write(&path, text).unwrap();
        path
    };
    let flag = write("flag.ron", "FLAG/1");
    let env = write("env.ron", "ENV/1");
    let h = home.path();
    let f = flag.to_str().unwrap();

    assert_eq!(symbol_seen(h, &["-f", f, "summary"], None), "FLAG/1");
    assert_eq!(symbol_seen(h, &["summary", "--file", f], None), "FLAG/1");
    assert_eq!(symbol_seen(h, &["summary"], Some(&env)), "ENV/1");
    assert_eq!(symbol_seen(h, &["-f", f, "summary"], Some(&env)), "FLAG/1");
    assert!(!default_file(h).exists(), "a named file leaves the default alone");
    assert_eq!(symbol_seen(h, &["summary"], None), "LC/CE.20/3");
    assert!(default_file(h).exists());

    // set writes to the file chosen the same way.
    let mut command = wgtrack(h);
    command.env("WGTRACK_FILE", &env);
    let out = command.args(["set", "I", "6", "--progress", "10"]).output().unwrap();
    assert_code(&out, 0);
    assert_eq!(progress_of(&env, 0, 5), 10);
    assert_eq!(progress_of(&flag, 0, 5), 0);
    assert_eq!(progress_of(&default_file(h), 0, 5), 0);
}

#[test]
fn csv_export_holds_every_activity() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "export", "--format", "csv"]);
    assert_code(&out, 0);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["group", "group_title", "activity", "topic", "description", "progress", "remarks"]
    );
    let rows: Vec<CsvRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 85);
    let report = shipped();
    let mut rows = rows.iter();
    for (g, group) in report.groups.iter().enumerate() {
        for (a, activity) in group.activities.iter().enumerate() {
            let row = rows.next().unwrap();
            assert_eq!(row.group, NUMERALS[g]);
            assert_eq!(row.group_title, group.title);
            assert_eq!(row.activity, a + 1);
            assert_eq!(row.topic, activity.topic.clone().unwrap_or_default());
            assert_eq!(row.description, activity.description);
            assert_eq!(row.progress, PROGRESS[g][a]);
            assert_eq!(row.remarks, activity.remarks);
        }
    }
}

#[test]
fn json_export_is_the_model() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "export", "--format", "json"]);
    assert_code(&out, 0);
    let report: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report, shipped());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["groups"][7]["activities"][6]["progress"], 8);
    assert_eq!(value["groups"][0]["document_type"], "RegionalStandard");
    assert!(value["groups"][0]["activities"][0]["topic"].is_null());
}

#[test]
fn export_to_a_file_prints_nothing() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let file = path.to_str().unwrap();
    let json = home.path().join("out.json");
    let out =
        run(home.path(), &["-f", file, "export", "--format", "json", "-o", json.to_str().unwrap()]);
    assert_code(&out, 0);
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let report: Report = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(report, shipped());

    let csv_out = home.path().join("out.csv");
    let out = run(
        home.path(),
        &["-f", file, "export", "--format", "csv", "--output", csv_out.to_str().unwrap()],
    );
    assert_code(&out, 0);
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let stdout_csv = run(home.path(), &["-f", file, "export", "--format", "csv"]);
    assert_eq!(fs::read(&csv_out).unwrap(), stdout_csv.stdout);
    assert!(fs::read(&path).unwrap() == SHIPPED.as_bytes(), "export leaves the report");
    assert!(temp_files(home.path()).is_empty());
}
