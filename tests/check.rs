//! Checks before publishing: every rule with a report that triggers it and one that does
//! not, the shipped report's findings (as the README lists them), and `wgtrack check`. In
//! `checks/`: what each finding says, in English and Spanish, and the Checks screen.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod checks {
    mod messages;
    mod screen;
}

use common::{assert_code, run, shipped, stdout, write_shipped};
use wgtrack::check::{self, Level};
use wgtrack::model::{Coordinator, Progress, Report};

/// (place, rule) of every finding.
fn found(report: &Report, baseline: Option<&Report>) -> Vec<(String, &'static str)> {
    check::check(report, baseline).iter().map(|f| (f.place(), f.rule.name())).collect()
}

fn has(report: &Report, baseline: Option<&Report>, place: &str, rule: &str) -> bool {
    found(report, baseline).iter().any(|(p, r)| p == place && *r == rule)
}

fn percent(value: i64) -> Progress {
    Progress::new(value).unwrap()
}

/// The shipped report as the next round would start it: a new symbol, title and date.
fn next_round() -> (Report, Report) {
    let old = shipped();
    let next =
        wgtrack::model::next_round(&old, "2021-10-01", Some("LC/CE.21/2"), Some("Third report"));
    (old, next)
}

#[test]
fn progress_that_fell_is_an_error() {
    let (old, mut next) = next_round();
    assert!(!has(&next, Some(&old), "VIII.7", "progress-fell"));
    next.groups[7].activities[6].progress = percent(5);
    assert!(has(&next, Some(&old), "VIII.7", "progress-fell"));
    let findings = check::check(&next, Some(&old));
    let fell = findings.iter().find(|f| f.rule.name() == "progress-fell").unwrap();
    assert_eq!(fell.level, Level::Error);
    assert_eq!(fell.path.to_string(), "groups[7].activities[6].progress");
    assert!(check::has_errors(&findings));
}

#[test]
fn progress_changed_with_the_same_remarks_is_stale() {
    let (old, mut next) = next_round();
    next.groups[7].activities[6].progress = percent(40);
    assert!(has(&next, Some(&old), "VIII.7", "stale-remarks"));
    next.groups[7].activities[6].remarks = "The document was reviewed by the countries.".into();
    assert!(!has(&next, Some(&old), "VIII.7", "stale-remarks"));
}

#[test]
fn an_activity_in_progress_with_the_same_remarks_has_no_news() {
    let (old, mut next) = next_round();
    assert!(has(&next, Some(&old), "VIII.7", "no-news"));
    assert!(!has(&next, Some(&old), "VIII.1", "no-news"), "completed: nothing more to say");
    next.groups[7].activities[6].remarks.push_str(" Comments arrived in September.");
    assert!(!has(&next, Some(&old), "VIII.7", "no-news"));
    assert!(!has(&next, None, "VIII.7", "no-news"), "without a baseline there is no round");
}

#[test]
fn a_completed_activity_whose_remarks_speak_of_work_under_way() {
    let mut report = shipped();
    assert!(!has(&report, None, "VIII.1", "done-but-under-way"));
    report.groups[7].activities[0].remarks = "The report is being prepared.".into();
    assert!(has(&report, None, "VIII.1", "done-but-under-way"));
    report.groups[7].activities[0].remarks = "El informe está en preparación.".into();
    assert!(has(&report, None, "VIII.1", "done-but-under-way"));
    report.groups[7].activities[0].progress = percent(50);
    assert!(!has(&report, None, "VIII.1", "done-but-under-way"));
}

#[test]
fn an_activity_below_full_whose_remarks_say_completed() {
    let mut report = shipped();
    assert!(!has(&report, None, "VIII.7", "completed-below-100"));
    report.groups[7].activities[6].remarks = "The review was completed.".into();
    assert!(has(&report, None, "VIII.7", "completed-below-100"));
    report.groups[7].activities[6].progress = Progress::FULL;
    assert!(!has(&report, None, "VIII.7", "completed-below-100"));
}

#[test]
fn an_activity_not_finished_without_remarks() {
    let mut report = shipped();
    assert!(has(&report, None, "VIII.8", "empty-remarks"));
    report.groups[7].activities[7].remarks = "Planned for 2022.".into();
    assert!(!has(&report, None, "VIII.8", "empty-remarks"));
    report.groups[7].activities[0].remarks = String::new();
    assert!(!has(&report, None, "VIII.1", "empty-remarks"), "completed needs no remarks");
}

#[test]
fn a_group_without_coordinators() {
    let mut report = shipped();
    assert!(has(&report, None, "IV", "no-coordinators"));
    assert!(!has(&report, None, "VIII", "no-coordinators"));
    report.groups[3].coordinators.push(Coordinator::new("Chile", "INE"));
    assert!(!has(&report, None, "IV", "no-coordinators"));
}

#[test]
fn the_previous_rounds_front_matter() {
    let old = shipped();
    let carried = wgtrack::model::next_round(&old, "2021-04-05", None, None);
    let places: Vec<_> = found(&carried, Some(&old))
        .into_iter()
        .filter(|(_, rule)| *rule == "previous-round")
        .map(|(place, _)| place)
        .collect();
    assert_eq!(places, ["Symbol", "Date", "Title"]);
    assert!(found(&carried, None).iter().any(|(p, r)| p == "Symbol" && *r == "previous-round"));
    let (old, next) = next_round();
    assert!(found(&next, Some(&old)).iter().all(|(_, rule)| *rule != "previous-round"));
    let mut same_title = next.clone();
    same_title.title = old.title.clone();
    assert!(has(&same_title, Some(&old), "Title", "previous-round"));
}

#[test]
fn the_same_activity_or_coordinator_twice() {
    let mut report = shipped();
    assert!(found(&report, None).iter().all(|(_, r)| !r.starts_with("duplicate")));
    let copy = report.groups[7].activities[1].clone();
    report.groups[7].activities.push(copy);
    assert!(has(&report, None, "VIII.9", "duplicate-activity"));
    let coordinator = report.groups[7].coordinators[0].clone();
    report.groups[7]
        .coordinators
        .push(Coordinator::new(coordinator.country.to_uppercase(), coordinator.institution));
    assert!(has(&report, None, "VIII", "duplicate-coordinator"));
}

#[test]
fn text_rules_each_fire_on_their_fault_only() {
    let cases = [
        ("doubled-spaces", "The document  was sent.", "The document was sent."),
        ("unbalanced", "See the *Guide for details.", "See the *Guide* for details."),
        ("unbalanced", "See the annex (page 3.", "See the annex (page 3)."),
        ("unbalanced", "The so-called \"register.", "The so-called \"register\"."),
        ("bad-url", "See https://www..cepal.org/es.", "See https://www.cepal.org/es."),
        (
            "other-language",
            "El documento fue enviado a los países para su revisión.",
            "The document was sent to the countries for their review.",
        ),
    ];
    for (rule, bad, good) in cases {
        let mut report = shipped();
        report.groups[7].activities[6].remarks = bad.into();
        assert!(has(&report, None, "VIII.7", rule), "{rule}: {bad}");
        report.groups[7].activities[6].remarks = good.into();
        assert!(!has(&report, None, "VIII.7", rule), "{rule}: {good}");
    }
}

#[test]
fn text_rules_read_the_notes_and_the_job_number() {
    let paths = |report: &Report, rule: &str| -> Vec<String> {
        let findings = check::check(report, None);
        findings.iter().filter(|f| f.rule.name() == rule).map(|f| f.path.to_string()).collect()
    };
    let mut report = shipped();
    let (s, n) = report
        .introduction
        .iter()
        .enumerate()
        .find_map(|(s, section)| (!section.notes.is_empty()).then_some((s, 0)))
        .expect("the shipped report has a note");
    let note = format!("introduction[{s}].notes[{n}].text");
    assert!(!paths(&report, "bad-url").contains(&note));
    report.introduction[s].notes[n].text = "See https://www..cepal.org/es  online.".into();
    report.job_number = Some("21-  00161".into());
    assert!(paths(&report, "bad-url").contains(&note));
    let doubled = paths(&report, "doubled-spaces");
    assert!(doubled.contains(&note), "{doubled:?}");
    assert!(doubled.contains(&"job_number".to_string()), "{doubled:?}");
    report.job_number = Some("21-00161".into());
    assert!(!paths(&report, "doubled-spaces").contains(&"job_number".to_string()));
}

#[test]
fn a_spanish_report_reads_english_as_the_other_language() {
    let mut report = shipped();
    for group in 0..report.groups.len() {
        let group = &mut report.groups[group];
        group.general_objective =
            "Elaborar una guía para el uso de los registros de la región.".into();
        for activity in &mut group.activities {
            activity.description = "Revisión del documento por los países de la región".into();
            activity.remarks = "El documento fue enviado a los países para su revisión.".into();
        }
    }
    report.groups[0].activities[0].remarks =
        "The document was sent to the countries for their review.".into();
    assert_eq!(check::language_of(&report), check::Language::Spanish);
    assert!(has(&report, None, "I.1", "other-language"));
    assert!(!has(&report, None, "I.2", "other-language"));
}

/// The shipped report's findings, as the README lists them under "Checks before publishing".
#[test]
fn the_readme_lists_the_shipped_reports_findings() {
    let readme = include_str!("../README.md");
    let start = readme.find("<!-- check -->").expect("the README's list of findings");
    let end = readme.find("<!-- /check -->").expect("the end of the list");
    let listed = readme[start..end]
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| place") && !l.starts_with("| ---"));
    let listed: Vec<(String, String)> = listed
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            (cells[1].to_string(), cells[3].trim_matches('`').to_string())
        })
        .collect();
    let actual: Vec<(String, String)> =
        found(&shipped(), None).into_iter().map(|(p, r)| (p, r.to_string())).collect();
    assert_eq!(listed, actual);
}

#[test]
fn the_command_lists_findings_and_fails_on_an_error() {
    let home = tempfile::tempdir().unwrap();
    let file = write_shipped(&home.path().join("report.ron"));
    let file = file.to_str().unwrap();
    let output = run(home.path(), &["-f", file, "check"]);
    assert_code(&output, 0);
    assert!(stdout(&output).contains("VIII.8"), "{}", stdout(&output));
    assert!(
        common::stderr(&output).contains("0 errors, 6 warnings"),
        "{}",
        common::stderr(&output)
    );

    let output = run(home.path(), &["-f", file, "check", "--format", "json"]);
    assert_code(&output, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let first = &json.as_array().unwrap()[0];
    assert_eq!(first["rule"], "no-coordinators");
    assert_eq!(first["path"], "groups[3].coordinators");
    assert_eq!(first["place"], "IV");

    let next = home.path().join("next.ron");
    let output = run(home.path(), &["-f", file, "new-round", "-o", next.to_str().unwrap()]);
    assert_code(&output, 0);
    let output = run(home.path(), &["-f", next.to_str().unwrap(), "check", "--baseline", file]);
    assert_code(&output, 1);
    assert!(stdout(&output).contains("Symbol     error"), "{}", stdout(&output));
}

#[test]
fn a_group_the_source_states_has_no_coordinator_is_information_only() {
    let mut report = shipped();
    report.groups[3].coordinators.clear();
    let level = |report: &Report| {
        check::check(report, None)
            .into_iter()
            .find(|f| f.place() == "IV" && f.rule.name() == "no-coordinators")
            .map(|f| f.level)
    };
    assert_eq!(level(&report), Some(Level::Warning));
    report.groups[3].no_coordinators_stated = true;
    assert_eq!(level(&report), Some(Level::Information));
}

#[test]
fn a_reviewed_finding_is_hidden_unless_all_and_a_stale_review_is_said() {
    let home = tempfile::tempdir().unwrap();
    let file = write_shipped(&home.path().join("r.ron"));
    let f = file.to_str().unwrap();
    let before = stdout(&run(home.path(), &["-f", f, "check"]));
    assert!(before.contains("[no-coordinators] (groups[3].coordinators)"), "{before}");
    let out = run(
        home.path(),
        &["-f", f, "check", "--review", "no-coordinators", "IV", "--reason", "none in the source"],
    );
    assert_code(&out, 0);
    let after = stdout(&run(home.path(), &["-f", f, "check"]));
    assert!(!after.contains("(groups[3].coordinators)"), "{after}");
    assert_eq!(after.lines().count() + 1, before.lines().count());
    let all = stdout(&run(home.path(), &["-f", f, "check", "--all"]));
    assert!(all.contains("(groups[3].coordinators) reviewed: none in the source"), "{all}");
    let json = stdout(&run(home.path(), &["-f", f, "check", "--all", "--format", "json"]));
    assert!(json.contains("\"reviewed\": \"none in the source\""), "{json}");

    // The finding gone, its review is stale: said, for information.
    let mut report = wgtrack::store::load(&file).unwrap();
    report.groups[3].coordinators.push(Coordinator::new("Mexico", "INEGI"));
    wgtrack::store::save(&file, &report, wgtrack::store::Expect::Anything).unwrap();
    let stale = stdout(&run(home.path(), &["-f", f, "check"]));
    assert!(stale.contains("information the review of no-coordinators at IV"), "{stale}");
    assert!(stale.contains("[stale-review] (reviews[0])"), "{stale}");

    // No finding there: nothing is stored.
    let out = run(home.path(), &["-f", f, "check", "--review", "bad-url", "I.1", "--reason", "x"]);
    assert_code(&out, 1);
    assert!(common::stderr(&out).contains("no finding of bad-url at I.1"));
}
