//! The report's history in git: a repository of 300 commits made here (progress changed,
//! remarks rewritten, activities reworded, moved, deleted and added again, groups swapped),
//! and every activity's history as wgtrack reads it against what was recorded while making
//! it; then `wgtrack log`, `diff REV` and `--baseline REV` as a user runs them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod history {
    mod screen;
}

use std::collections::HashMap;
use std::sync::Arc;

use common::git::{FIRST_TIME, GitRepo};
use common::process::Rng;
use common::{assert_code, run, shipped, stderr, stdout};
use wgtrack::history::{History, HistoryError, Loading};
use wgtrack::model::{Activity, Progress, Report, mean_progress};
use wgtrack::store;

/// A change to an activity as the history must show it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Step {
    /// The commit, from 0 for the first.
    commit: usize,
    progress: u8,
    remarks_changed: bool,
    reworded: bool,
    added: bool,
}

/// What was made: the versions (message, text), the reports, which activity is which
/// (an id for each, by group and place in the last version) and each id's steps, newest last.
struct Made {
    versions: Vec<(String, String)>,
    reports: Vec<Report>,
    ids: Vec<Vec<u32>>,
    steps: HashMap<u32, Vec<Step>>,
}

/// `commits` versions of the shipped report, each one change made at random from `seed`,
/// every activity followed by an id.
fn make(commits: usize, seed: u64) -> Made {
    let mut rng = Rng::new(seed);
    let mut report = shipped();
    let mut ids: Vec<Vec<u32>> = Vec::new();
    let mut steps: HashMap<u32, Vec<Step>> = HashMap::new();
    let mut next_id = 0;
    let mut fresh = |steps: &mut HashMap<u32, Vec<Step>>, commit, a: &Activity| {
        next_id += 1;
        let step = Step {
            commit,
            progress: a.progress.get(),
            remarks_changed: !a.remarks.is_empty(),
            reworded: false,
            added: true,
        };
        steps.insert(next_id, vec![step]);
        next_id
    };
    for group in report.groups.iter() {
        ids.push(group.activities.iter().map(|a| fresh(&mut steps, 0, a)).collect());
    }
    // Deleted activities, with the title of their group, to add again later.
    let mut deleted: Vec<(String, Activity)> = Vec::new();
    let mut reports = vec![report.clone()];
    let mut versions = vec![("commit 0".to_string(), store::to_text(&report))];
    for commit in 1..commits {
        let g = rng.below(report.groups.len() as u64) as usize;
        let count = report.groups[g].activities.len();
        let a = rng.below(count as u64) as usize;
        let roll = rng.below(100);
        let mut changed = |report: &mut Report, ids: &[Vec<u32>], remarks, reworded| {
            let activity = &report.groups[g].activities[a];
            let step = Step {
                commit,
                progress: activity.progress.get(),
                remarks_changed: remarks,
                reworded,
                added: false,
            };
            steps.get_mut(&ids[g][a]).unwrap().push(step);
        };
        match roll {
            0..35 => {
                let activity = &mut report.groups[g].activities[a];
                let old = activity.progress.get();
                let new = (u64::from(old) + 1 + rng.below(100)) % 101;
                activity.progress = Progress::new(new as i64).unwrap();
                changed(&mut report, &ids, false, false);
            }
            35..55 => {
                let activity = &mut report.groups[g].activities[a];
                activity.remarks = format!("Remarks as of commit {commit}.");
                if rng.below(2) == 0 {
                    activity.progress =
                        activity.progress.step(if activity.progress.get() < 50 { 7 } else { -7 });
                }
                changed(&mut report, &ids, true, false);
            }
            55..65 => {
                let activity = &mut report.groups[g].activities[a];
                let base = activity.description.split(" (rev. ").next().unwrap().to_string();
                activity.description = format!("{base} (rev. {commit})");
                changed(&mut report, &ids, false, true);
            }
            65..75 if count >= 2 => {
                let b = if a + 1 < count { a + 1 } else { a - 1 };
                report.groups[g].activities.swap(a, b);
                ids[g].swap(a, b);
            }
            75..80 => {
                let h = (g + 1) % report.groups.len();
                report.groups.swap(g, h);
                ids.swap(g, h);
            }
            80..87 if count > 2 => {
                let activity = report.groups[g].activities.remove(a);
                ids[g].remove(a);
                deleted.push((report.groups[g].title.clone(), activity));
            }
            87..93 if !deleted.is_empty() => {
                let (title, activity) = deleted.remove(rng.below(deleted.len() as u64) as usize);
                let g = report.groups.iter().position(|g| g.title == title).unwrap();
                let at = rng.below(report.groups[g].activities.len() as u64 + 1) as usize;
                ids[g].insert(at, fresh(&mut steps, commit, &activity));
                report.groups[g].activities.insert(at, activity);
            }
            _ => {
                let activity = Activity {
                    topic: report.groups[g].activities[a].topic.clone(),
                    description: format!("Survey of registers number {commit}"),
                    progress: Progress::ZERO,
                    remarks: String::new(),
                };
                ids[g].insert(a, fresh(&mut steps, commit, &activity));
                report.groups[g].activities.insert(a, activity);
            }
        }
        reports.push(report.clone());
        versions.push((format!("commit {commit}"), store::to_text(&report)));
    }
    Made { versions, reports, ids, steps }
}

/// The commit number a version's summary gives ("commit 17"), or `None` uncommitted.
fn commit_number(version: &wgtrack::history::Version) -> Option<usize> {
    let summary = &version.commit.as_ref()?.summary;
    summary.strip_prefix("commit ")?.parse().ok()
}

#[test]
fn every_activity_s_history_over_300_commits_is_what_was_recorded() {
    let made = make(300, 2021);
    let repo = GitRepo::new();
    repo.import(&made.versions);
    let mut history = History::open(&repo.file()).unwrap();
    let mut heard = Vec::new();
    let versions = history.versions(None, &mut |l| heard.push(l)).unwrap();
    assert_eq!(versions.list.len(), 300, "every commit changed the file");
    assert!(versions.unreadable.is_empty());
    assert_eq!(heard.last(), Some(&Loading::Reading { done: 300, total: 300 }));
    for (k, version) in versions.list.iter().enumerate() {
        assert_eq!(commit_number(version), Some(299 - k), "newest first");
        assert_eq!(*version.report, made.reports[299 - k]);
        let commit = version.commit.as_ref().unwrap();
        assert_eq!(commit.time, FIRST_TIME + 60 * (299 - k) as i64);
        assert_eq!(commit.author, "Ana Pérez");
    }

    let mut kinds = Vec::new();
    for (g, ids) in made.ids.iter().enumerate() {
        for (a, id) in ids.iter().enumerate() {
            let got: Vec<Step> = versions
                .activity(g, a)
                .iter()
                .map(|s| Step {
                    commit: commit_number(&versions.list[s.version]).unwrap(),
                    progress: s.progress.get(),
                    remarks_changed: s.remarks_changed,
                    reworded: s.reworded,
                    added: s.added,
                })
                .collect();
            let mut want = made.steps[id].clone();
            want.reverse();
            assert_eq!(got, want, "the history of {}.{} (id {id})", g + 1, a + 1);
            kinds.extend(
                want.iter()
                    .filter(|s| s.commit > 0)
                    .map(|s| (s.added, s.reworded, s.remarks_changed)),
            );
        }
    }
    // Enough of every kind of change to tell: progress alone, remarks, rewordings, and
    // activities added (new, or deleted and added again) after the first commit.
    let count = |kind: (bool, bool, bool)| kinds.iter().filter(|k| **k == kind).count();
    assert!(count((false, false, false)) > 50, "{kinds:?}");
    assert!(count((false, false, true)) > 30, "{kinds:?}");
    assert!(count((false, true, false)) > 10, "{kinds:?}");
    assert!(kinds.iter().filter(|k| k.0).count() > 10, "{kinds:?}");

    let programme = versions.programme();
    for step in &programme {
        let report = &made.reports[299 - step.version];
        assert_eq!(step.progress, mean_progress(report.activities()));
    }

    // Asked again, nothing is read: the commits, reports and pairings are kept.
    let mut heard = Vec::new();
    let again = history.versions(None, &mut |l| heard.push(l)).unwrap();
    assert_eq!(heard.last(), Some(&Loading::Reading { done: 0, total: 0 }), "{heard:?}");
    assert_eq!(again.activity(0, 0), versions.activity(0, 0));
}

#[test]
fn uncommitted_changes_are_on_top_and_commits_that_leave_the_file_are_not_versions() {
    let repo = GitRepo::new();
    let report = shipped();
    repo.commit(&store::to_text(&report), "round 1", FIRST_TIME);
    std::fs::write(repo.path().join("notes.txt"), "other work").unwrap();
    repo.git(&["add", "notes.txt"]);
    repo.git(&["commit", "-q", "-m", "notes only"]);
    let mut changed = report.clone();
    changed.groups[7].activities[6].progress = Progress::new(40).unwrap();
    repo.commit(&store::to_text(&changed), "VIII.7 to 40%", FIRST_TIME + 60);
    // A version that does not parse is left out, said, and stepped over.
    repo.commit("Report(broken", "broken", FIRST_TIME + 120);
    let mut now = changed.clone();
    now.groups[7].activities[6].progress = Progress::new(55).unwrap();
    now.groups[7].activities[6].remarks = "In review.".to_string();
    let mut history = History::open(&repo.file()).unwrap();
    let versions = history.versions(Some(Arc::new(now.clone())), &mut |_| {}).unwrap();
    let summaries: Vec<Option<&str>> =
        versions.list.iter().map(|v| v.commit.as_ref().map(|c| c.summary.as_str())).collect();
    assert_eq!(summaries, [None, Some("VIII.7 to 40%"), Some("round 1")]);
    assert_eq!(versions.unreadable.len(), 1);
    assert!(versions.unreadable[0].1.contains(":report.ron:1:"), "{}", versions.unreadable[0].1);
    let steps = versions.activity(7, 6);
    let progress: Vec<u8> = steps.iter().map(|s| s.progress.get()).collect();
    assert_eq!(progress, [55, 40, 8]);
    assert!(steps[0].remarks_changed && !steps[1].remarks_changed);
    assert_eq!(versions.activity_in(&steps[0]).unwrap().remarks, "In review.");
    let group: Vec<usize> = versions.group(7).iter().map(|s| s.version).collect();
    assert_eq!(group, [0, 1, 2]);
    assert_eq!(versions.group(0).len(), 1, "group I changed in no commit after the first");

    // The same state as HEAD's is not a change.
    let at_head = history.versions(Some(Arc::new(changed)), &mut |_| {}).unwrap();
    assert!(at_head.list[0].commit.is_some());
}

#[test]
fn a_file_outside_a_work_tree_has_no_history() {
    let dir = tempfile::tempdir().unwrap();
    let file = common::write_shipped(&dir.path().join("report.ron"));
    assert!(matches!(History::open(&file), Err(HistoryError::NotInRepository { .. })));
    let output = run(dir.path(), &["-f", file.to_str().unwrap(), "log"]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("is not in a git work tree"), "{}", stderr(&output));
    // A baseline is a file, as ever: a missing one is said so.
    let output = run(dir.path(), &["-f", file.to_str().unwrap(), "diff", "HEAD~1"]);
    assert_code(&output, 1);
    assert!(stderr(&output).contains("HEAD~1: cannot read the file"), "{}", stderr(&output));
}

#[test]
fn log_prints_an_activity_s_history_newest_first() {
    let repo = GitRepo::new();
    let mut report = shipped();
    repo.commit(&store::to_text(&report), "round 1", FIRST_TIME);
    repo.git(&["tag", "round-2020-2021-1"]);
    report.groups[7].activities[6].progress = Progress::new(30).unwrap();
    repo.commit(&store::to_text(&report), "VIII.7 under review", FIRST_TIME + 86_400);
    let file = repo.file();
    let args = |extra: &[&str]| {
        let mut all = vec!["-f", file.to_str().unwrap()];
        all.extend_from_slice(extra);
        run(repo.path(), &all)
    };
    let output = args(&["log", "VIII", "7"]);
    assert_code(&output, 0);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("VIII.7 · Review of the document  ▂▃"), "{text}");
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].contains("30%") && lines[1].ends_with("VIII.7 under review"), "{text}");
    assert!(lines[2].contains("8% ✎+") && lines[2].ends_with("round 1"), "{text}");

    let output = args(&["log", "8", "7", "--format", "json"]);
    assert_code(&output, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let history = json["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["progress"], 30);
    assert_eq!(history[1]["summary"], "round 1");
    assert_eq!(history[1]["time"], "2021-01-01T00:00:00Z");

    let output = args(&["log", "VIII", "99"]);
    assert_code(&output, 2);
    assert!(stderr(&output).contains("no activity 99 in group VIII"), "{}", stderr(&output));

    // Compared with the tag, and with the commit before.
    for rev in ["round-2020-2021-1", "HEAD~1", "@{2021-01-01 12:00}"] {
        let output = args(&["diff", rev]);
        assert_code(&output, 0);
        assert!(stdout(&output).contains("VIII.7"), "{rev}: {}", stdout(&output));
    }
    let output = args(&["diff", "no-such-round"]);
    assert_code(&output, 1);
    assert!(
        stderr(&output).contains("\"no-such-round\" is neither a file nor a revision"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_app_s_baseline_prompt_takes_a_revision() {
    use wgtrack::action::Action;
    let repo = GitRepo::new();
    let mut report = shipped();
    repo.commit(&store::to_text(&report), "round 1", FIRST_TIME);
    repo.git(&["tag", "round-1"]);
    report.groups[7].activities[6].progress = Progress::new(30).unwrap();
    repo.commit(&store::to_text(&report), "VIII.7 under review", FIRST_TIME + 60);
    let mut app = wgtrack::app::App::new(report, repo.file());
    let ask = |app: &mut wgtrack::app::App, input: &str| {
        common::send(app, Action::PickBaseline);
        input.chars().for_each(|c| common::send(app, Action::Type(c)));
        common::send(app, Action::Confirm);
    };
    ask(&mut app, "round-1");
    let baseline = app.baseline().expect("the tag is the baseline");
    assert_eq!(baseline.path, std::path::Path::new("round-1:report.ron"));
    assert_eq!(baseline.report.groups[7].activities[6].progress.get(), 8);
    // As the prompt offers it again, the baseline names a blob: it reads as well.
    ask(&mut app, "");
    assert_eq!(app.baseline().expect("kept").path, std::path::Path::new("round-1:report.ron"));
    let mut app = wgtrack::app::App::new(shipped(), repo.file());
    ask(&mut app, "round-9");
    let message = app.message().expect("said why");
    assert!(message.text.contains("“round-9” is neither a file nor a revision"), "{message:?}");
    assert!(matches!(app.mode(), wgtrack::app::Mode::PickBaseline(_)), "asked again");
}
