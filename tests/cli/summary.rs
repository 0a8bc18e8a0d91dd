//! The summary on a fresh home, which creates the default file, and `init`.

use std::fs;

use wgtrack::store::SHIPPED;

use crate::common::{
    NUMERALS, PROGRESS, TOPICS, all_progress, assert_code, default_file, mean, run, shipped_with,
    stderr, stdout, tally,
};

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

    let all = all_progress();
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
