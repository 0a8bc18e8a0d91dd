//! Which file a command reads (flag, then environment, then default), and the exports.

use std::fs;
use std::path::Path;

use wgtrack::export::CsvRow;
use wgtrack::model::Report;
use wgtrack::store::SHIPPED;

use crate::common::{
    NUMERALS, PROGRESS, assert_code, default_file, run, shipped, shipped_with, stdout, temp_files,
    wgtrack, write_shipped,
};
use crate::progress_of;

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
