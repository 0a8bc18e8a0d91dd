//! `set`: only what it names changes; the group by numeral or number; wrong usage; remarks
//! from a file or standard input.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use wgtrack::store::{self, SHIPPED};

use crate::common::{
    PROGRESS, assert_code, run, shipped, stderr, stdout, temp_files, wgtrack, write_shipped,
};
use crate::progress_of;

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

#[test]
fn a_lock_from_another_host_names_it_and_how_to_remove_it() {
    let home = tempfile::tempdir().unwrap();
    let path = write_shipped(&home.path().join("report.ron"));
    let lock = home.path().join("report.ron.lock");
    fs::write(&lock, "pid 4242\nhost elsewhere.example\nsince 2021-04-05T09:00:00Z\n").unwrap();
    let out = run(home.path(), &["-f", path.to_str().unwrap(), "set", "I", "1", "--progress", "5"]);
    assert_code(&out, 1);
    let message = stderr(&out);
    assert!(message.contains("elsewhere.example"), "{message}");
    assert!(message.contains(&format!("rm {}", lock.display())), "{message}");
    assert!(message.contains("sure no wgtrack runs there"), "{message}");
}
