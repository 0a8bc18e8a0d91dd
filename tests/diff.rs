//! `wgtrack diff OLD` and `wgtrack new-round -o NEXT`: the comparison of two rounds on the
//! command line, run as a user runs it, in a home of its own.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{assert_code, run, shipped, stderr, stdout, write_shipped};
use tempfile::TempDir;
use wgtrack::model::{Activity, Progress, Report};
use wgtrack::store::{self, Expect};

/// The new remarks of VIII.6 in the copy.
const NEW_REMARKS: &str = "Consolidated and sent to the countries for review.";
/// The reworded description of VIII.2 (it was "Identification of needs").
const REWORDED: &str = "Identification of the needs";

/// A home with the shipped report as `shipped.ron`.
fn home() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shipped = write_shipped(&dir.path().join("shipped.ron"));
    (dir, shipped)
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// `wgtrack -f FILE ARGS…` in `home`; it must succeed.
#[track_caller]
fn ok(home: &Path, file: &Path, args: &[&str]) -> String {
    let mut all = vec!["-f", path_str(file)];
    all.extend_from_slice(args);
    let output = run(home, &all);
    assert_code(&output, 0);
    stdout(&output)
}

/// Loads `path`, changes the report with `edit`, and saves it.
fn edit(path: &Path, edit: impl FnOnce(&mut Report)) {
    let mut report = store::load(path).expect("the copy loads");
    edit(&mut report);
    store::save(path, &report, Expect::Anything).expect("save the copy");
}

/// A copy of the shipped report with exactly three edits: two made with `wgtrack set`
/// (VIII.7's progress 8% → 40%, VIII.6's remarks), one in the model (VIII.2 reworded).
fn copy_with_three_edits(home: &Path) -> PathBuf {
    let copy = write_shipped(&home.join("copy.ron"));
    ok(home, &copy, &["set", "VIII", "7", "--progress", "40"]);
    ok(home, &copy, &["set", "VIII", "6", "--remarks", NEW_REMARKS]);
    edit(&copy, |r| {
        assert_eq!(r.groups[7].activities[1].description, "Identification of needs");
        r.groups[7].activities[1].description = REWORDED.to_string();
    });
    // Exactly three activities differ from the shipped ones.
    let (old, new) = (shipped(), store::load(&copy).unwrap());
    let differing = old.activities().zip(new.activities()).filter(|(a, b)| a != b).count();
    assert_eq!(differing, 3);
    copy
}

/// The rows of the text table: each split on runs of two or more spaces.
fn table_rows(text: &str) -> Vec<Vec<String>> {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines
        .iter()
        .position(|l| l.starts_with("Activity  Description"))
        .unwrap_or_else(|| panic!("no table header:\n{text}"));
    lines[header + 1..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.split("  ").map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect())
        .collect()
}

#[test]
fn diff_lists_exactly_the_three_edits_as_text() {
    let (dir, shipped_path) = home();
    let copy = copy_with_three_edits(dir.path());
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    let rows = table_rows(&text);
    let expected: Vec<Vec<&str>> = vec![
        vec!["VIII.2", REWORDED, "100%", "100%", "0", "reworded"],
        vec![
            "VIII.6",
            "Preparation of the conceptual and methodological document",
            "100%",
            "100%",
            "0",
            "remarks changed",
        ],
        vec!["VIII.7", "Review of the document", "8%", "40%", "+32"],
    ];
    assert_eq!(rows, expected, "{text}");
    // The programme and the group that moved.
    let activities = shipped().activities().count() as f64;
    let programme = format!("({:+.1})", 32.0 / activities);
    assert!(text.lines().next().unwrap().starts_with("Programme: 64% → 64% "), "{text}");
    assert!(text.lines().next().unwrap().ends_with(&programme), "{programme}\n{text}");
    assert!(text.contains("Groups whose progress moved:"), "{text}");
    let moved: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Groups whose progress moved:"))
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(moved.len(), 1, "{text}");
    assert!(moved[0].starts_with("VIII  76% → 80% (+4.0)  Methodological document"), "{text}");
    assert!(!text.contains("front matter"), "{text}");
}

#[test]
fn diff_lists_exactly_the_three_edits_as_markdown() {
    let (dir, shipped_path) = home();
    let copy = copy_with_three_edits(dir.path());
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path), "--format", "markdown"]);
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("| Activity |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(
        table,
        [
            "| Activity | Description | From | To | Change | Notes |",
            "| --- | --- | ---: | ---: | ---: | --- |",
            "| VIII.2 | Identification of the needs | 100% | 100% | 0 | reworded |",
            "| VIII.6 | Preparation of the conceptual and methodological document | 100% | 100% | 0 | remarks changed |",
            "| VIII.7 | Review of the document | 8% | 40% | +32 |  |",
        ],
        "{text}"
    );
    assert!(text.starts_with("**Programme:** 64% → 64% (+0.4)"), "{text}");
    assert!(text.contains("| VIII | Methodological document"), "{text}");
    assert!(text.contains("| 76% | 80% | +4.0 |"), "{text}");
}

#[test]
fn diff_lists_exactly_the_three_edits_as_json() {
    let (dir, shipped_path) = home();
    let copy = copy_with_three_edits(dir.path());
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&text).expect("diff --format json parses");
    let activities = json["activities"].as_array().expect("an activities array");
    assert_eq!(activities.len(), 3, "{text}");
    let expected = serde_json::json!([
        {
            "kind": "changed", "group": "VIII", "activity": 2, "description": REWORDED,
            "from": 100, "to": 100, "delta": 0,
            "remarks_changed": false, "description_changed": true, "topic_changed": false
        },
        {
            "kind": "changed", "group": "VIII", "activity": 6,
            "description": "Preparation of the conceptual and methodological document",
            "from": 100, "to": 100, "delta": 0,
            "remarks_changed": true, "description_changed": false, "topic_changed": false,
            "remarks_from": shipped().groups[7].activities[5].remarks, "remarks_to": NEW_REMARKS
        },
        {
            "kind": "changed", "group": "VIII", "activity": 7,
            "description": "Review of the document",
            "from": 8, "to": 40, "delta": 32,
            "remarks_changed": false, "description_changed": false, "topic_changed": false
        }
    ]);
    assert_eq!(json["activities"], expected, "{text}");
    assert_eq!(json["front_matter_changed"], false);
    let groups = json["groups"].as_array().expect("a groups array");
    assert_eq!(groups.len(), 1, "{text}");
    assert_eq!(groups[0]["group"], "VIII");
    assert_eq!(groups[0]["from"], 76.0);
    assert_eq!(groups[0]["to"], 80.0);
    assert_eq!(groups[0]["delta"], 4.0);
    let n = shipped().activities().count() as f64;
    let delta = json["programme_delta"].as_f64().unwrap();
    assert!((delta - 32.0 / n).abs() < 1e-9, "{delta}");
}

#[test]
fn an_added_and_a_removed_activity_show_as_such() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let removed = shipped().groups[8].activities[6].description.clone();
    assert_eq!(removed, "Adjustment of draft document");
    edit(&copy, |r| {
        let group = &mut r.groups[8];
        group.activities.remove(6);
        group.activities.push(Activity {
            topic: None,
            description: "Launch webinar for the regional community of practice".into(),
            progress: Progress::new(10).unwrap(),
            remarks: String::new(),
        });
    });
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    let rows = table_rows(&text);
    assert_eq!(
        rows,
        [
            vec!["IX.7", "Adjustment of draft document", "0%", "removed"],
            vec!["IX.8", "Launch webinar for the regional community of practice", "10%", "added"],
        ],
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &copy,
        &["diff", path_str(&shipped_path), "--format", "json"],
    ))
    .unwrap();
    let kinds: Vec<(&str, &str, u64)> = json["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap(),
                a["description"].as_str().unwrap(),
                a["activity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("removed", removed.as_str(), 7),
            ("added", "Launch webinar for the regional community of practice", 8),
        ]
    );
    let removed_row = &json["activities"][0];
    assert_eq!((removed_row["from"].as_u64(), removed_row["to"].as_u64()), (Some(0), None));
    let added_row = &json["activities"][1];
    assert_eq!((added_row["from"].as_u64(), added_row["to"].as_u64()), (None, Some(10)));
}

#[test]
fn a_close_rewording_is_one_changed_activity_not_an_addition_and_a_removal() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let old = shipped().groups[3].activities[4].description.clone();
    assert_eq!(
        old,
        "Chapter III.2 Minimum list of activities to ensure international comparability"
    );
    let new = "Chapter III.2 Minimum list of activities for international comparability";
    assert!(strsim::normalized_levenshtein(&old, new) >= 0.6);
    edit(&copy, |r| r.groups[3].activities[4].description = new.to_string());
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &copy,
        &["diff", path_str(&shipped_path), "--format", "json"],
    ))
    .unwrap();
    let activities = json["activities"].as_array().unwrap();
    assert_eq!(activities.len(), 1, "{json:#}");
    assert_eq!(activities[0]["kind"], "changed");
    assert_eq!(activities[0]["group"], "IV");
    assert_eq!(activities[0]["activity"], 5);
    assert_eq!(activities[0]["description"], new);
    assert_eq!(activities[0]["description_changed"], true);
    assert_eq!(activities[0]["remarks_changed"], false);
    assert_eq!(activities[0]["delta"], 0);
    // The text table says "reworded", nothing is added or removed.
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    // The description column is cut at 60 columns, with an ellipsis.
    let shown = wgtrack::columns::ellipsize(new, 60);
    assert!(shown.ends_with('…'));
    assert_eq!(
        table_rows(&text),
        [vec!["IV.5", shown.as_str(), "50%", "50%", "0", "reworded"]],
        "{text}"
    );

    // A description with nothing in common is another activity: removed and added.
    edit(&copy, |r| r.groups[3].activities[4].description = "Zzz qqq".to_string());
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    let rows = table_rows(&text);
    let notes: Vec<&str> = rows.iter().map(|r| r.last().unwrap().as_str()).collect();
    assert_eq!(notes, ["added", "removed"], "{text}");
}

#[test]
fn a_description_with_words_added_is_the_same_activity() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("next.ron"));
    let reworded = "Review of the document by the participating countries";
    ok(dir.path(), &copy, &["set", "VIII", "7", "--progress", "60"]);
    edit(&copy, |r| {
        let review = &mut r.groups[7].activities[6];
        assert_eq!(review.description, "Review of the document");
        review.description = reworded.to_string();
    });
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    assert_eq!(
        table_rows(&text),
        [vec!["VIII.7", reworded, "8%", "60%", "+52", "reworded"]],
        "{text}"
    );
    assert!(!text.contains("added") && !text.contains("removed"), "{text}");
}

#[test]
fn an_unchanged_copy_lists_no_activity() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    assert_eq!(text, "Programme: 64% → 64% (0)\nNo activity changed.\n");
    let json: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &copy,
        &["diff", path_str(&shipped_path), "--format", "json"],
    ))
    .unwrap();
    assert_eq!(json["activities"], serde_json::json!([]));
    assert_eq!(json["groups"], serde_json::json!([]));
    assert_eq!(json["front_matter_changed"], false);
    assert_eq!(json["programme_delta"], 0.0);
}

#[test]
fn an_unchanged_copy_says_so_in_markdown_too() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path), "--format", "markdown"]);
    assert!(text.contains("No activity changed."), "{text}");
}

#[test]
fn a_topic_change_is_named_in_the_notes() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    edit(&copy, |r| r.groups[5].activities[15].topic = Some("Workshops".to_string()));
    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    let rows = table_rows(&text);
    assert_eq!(rows.len(), 1, "{text}");
    assert!(rows[0].last().unwrap().contains("topic"), "{text}");
}

#[test]
fn diff_refuses_a_baseline_that_does_not_load() {
    let (dir, _) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let missing = dir.path().join("missing.ron");
    let output = run(dir.path(), &["-f", path_str(&copy), "diff", path_str(&missing)]);
    assert_code(&output, 1);
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("missing.ron"), "{}", stderr(&output));
}

#[test]
fn new_round_starts_the_next_report_from_this_one() {
    let (dir, shipped_path) = home();
    let next = dir.path().join("next.ron");
    let output = run(dir.path(), &["-f", path_str(&shipped_path), "new-round", "-o", "next.ron"]);
    assert_code(&output, 0);
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("next.ron"), "{}", stderr(&output));

    let report = store::load(&next).expect("NEXT loads");
    assert!(wgtrack::validate::problems(&report).is_empty());
    let old = shipped();
    assert_eq!(report.groups, old.groups, "the same groups and activities, as they stand");
    assert_eq!(report.activities().count(), old.activities().count());
    assert!(report.symbol.contains("to be assigned"), "{}", report.symbol);
    assert!(report.symbol.starts_with(&old.symbol), "{}", report.symbol);
    assert!(report.introduction.is_empty(), "{:?}", report.introduction);
    assert!(report.title.starts_with(&old.title), "{}", report.title);
    assert!(report.title.contains("title to be set"), "{}", report.title);
    // Today's date, as YYYY-MM-DD.
    let date = report.date.as_bytes();
    assert_eq!(date.len(), 10, "{}", report.date);
    assert!(date.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 {
        *b == b'-'
    } else {
        b.is_ascii_digit()
    }));
    assert_ne!(report.date, old.date);
    // The new round, compared with the old one: nothing changed yet but the front matter.
    let text = ok(dir.path(), &next, &["diff", path_str(&shipped_path)]);
    assert!(text.contains("No activity changed."), "{text}");
    assert!(
        text.contains("The front matter or the introduction changed: symbol, date, title"),
        "{text}"
    );
    // The file is in wgtrack's stable layout.
    let bytes = fs::read_to_string(&next).unwrap();
    assert_eq!(bytes, store::to_text(&report));
}

#[test]
fn new_round_refuses_to_overwrite_without_force() {
    let (dir, shipped_path) = home();
    let next = dir.path().join("next.ron");
    fs::write(&next, "not a report, but mine").unwrap();
    let output =
        run(dir.path(), &["-f", path_str(&shipped_path), "new-round", "-o", path_str(&next)]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(&next).unwrap(), "not a report, but mine");

    let output = run(
        dir.path(),
        &["-f", path_str(&shipped_path), "new-round", "-o", path_str(&next), "--force"],
    );
    assert_code(&output, 0);
    let report = store::load(&next).expect("NEXT loads after --force");
    assert_eq!(report.groups, shipped().groups);
    // The source file is untouched.
    assert_eq!(fs::read_to_string(&shipped_path).unwrap(), store::SHIPPED);
}

/// The previous round's title and symbol do not pass for this round's: `validate` warns (and
/// still passes), the app's header says so, until they are set; `--title` and `--symbol`
/// set them at once.
#[test]
fn a_new_round_warns_until_its_title_and_symbol_are_set() {
    let (dir, shipped_path) = home();
    let next = dir.path().join("next.ron");
    let output = run(dir.path(), &["-f", path_str(&shipped_path), "new-round", "-o", "next.ron"]);
    assert_code(&output, 0);
    let output = run(dir.path(), &["-f", "next.ron", "validate"]);
    assert_code(&output, 0);
    let said = stderr(&output);
    assert!(said.contains("next.ron: warning: symbol: still the previous round's"), "{said}");
    assert!(said.contains("next.ron: warning: title: still the previous round's"), "{said}");

    let app = wgtrack::app::App::new(store::load(&next).unwrap(), next.clone());
    let mut driver = common::Driver::of(app).on_screen(160, 30);
    driver.draw();
    let header = driver.text().lines().next().unwrap_or_default().to_string();
    assert!(header.contains("⚠ still the previous round's: symbol, report title"), "{header}");

    let args = ["new-round", "-o", "next.ron", "--force", "--symbol", "LC/CE.21/2"];
    let args =
        [&["-f", path_str(&shipped_path)], &args[..], &["--title", "First report, 2022–2023"]]
            .concat();
    assert_code(&run(dir.path(), &args), 0);
    let report = store::load(&next).unwrap();
    assert_eq!(
        (report.symbol.as_str(), report.title.as_str()),
        ("LC/CE.21/2", "First report, 2022–2023")
    );
    let output = run(dir.path(), &["-f", "next.ron", "validate"]);
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
    let app = wgtrack::app::App::new(report, next);
    let mut driver = common::Driver::of(app).on_screen(160, 30);
    driver.draw();
    assert!(!driver.text().lines().next().unwrap_or_default().contains('⚠'));

    let output = run(
        dir.path(),
        &["-f", path_str(&shipped_path), "new-round", "-o", "n2.ron", "--title", " "],
    );
    assert_code(&output, 2);
}

/// The remarks that changed are shown word by word (removed and added words marked), and the
/// front-matter fields that changed are named.
#[test]
fn diff_shows_the_words_of_changed_remarks_and_names_changed_fields() {
    let (dir, shipped_path) = home();
    let copy = write_shipped(&dir.path().join("copy.ron"));
    let old = shipped().groups[7].activities[6].remarks.clone();
    let new = old.replacen("The document", "The <b>revised</b> document", 1);
    assert_ne!(old, new);
    ok(dir.path(), &copy, &["set", "VIII", "7", "--remarks", &new]);
    edit(&copy, |r| r.venue = "Santiago".to_string());

    let text = ok(dir.path(), &copy, &["diff", path_str(&shipped_path)]);
    assert!(text.contains("The front matter or the introduction changed: venue."), "{text}");
    assert!(text.contains("Remarks changed ([-removed-] {+added+}):"), "{text}");
    assert!(text.contains("VIII.7  The {+<b>revised</b> +}document"), "{text}");

    let markdown =
        ok(dir.path(), &copy, &["diff", path_str(&shipped_path), "--format", "markdown"]);
    assert!(markdown.contains("changed: venue."), "{markdown}");
    assert!(
        markdown.contains("- **VIII.7**: The <ins>\\<b\\>revised\\</b\\> </ins>document"),
        "{markdown}"
    );
}
