//! Committing the report from the app, in real repositories: `c` opens the message written
//! from what changed, Enter commits the file alone; the `ask` and `always` settings; what
//! git refuses said in its words with the message kept; a merge's resolution committed as
//! the merge.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use common::git::{FIRST_TIME, GitRepo, REPORT, confined_git, git_command};
use common::{Driver, shipped};
use wgtrack::app::{App, CommitWhen, Mode};
use wgtrack::history::Git;
use wgtrack::model::Progress;
use wgtrack::store::{self, Expect};

/// A repository holding the shipped report and a notes file, both committed; then the
/// notes changed and staged, which a commit of the report must leave out.
fn repository() -> GitRepo {
    let repo = GitRepo::new();
    repo.git(&["config", "commit.gpgsign", "false"]);
    std::fs::write(repo.path().join("notes.txt"), "notes\n").unwrap();
    repo.git(&["add", "notes.txt"]);
    repo.commit(&store::to_text(&shipped()), "The report", FIRST_TIME);
    std::fs::write(repo.path().join("notes.txt"), "notes, changed\n").unwrap();
    repo.git(&["add", "notes.txt"]);
    repo
}

/// The app on `path` as `main` opens it, committing as `when` says with `git`.
fn opened(path: PathBuf, when: CommitWhen, git: Git) -> Driver {
    let (report, fingerprint) = store::open(&path).unwrap();
    let app = App::new(report, path).with_disk(Expect::Content(fingerprint)).with_commit(when, git);
    Driver::of(app)
}

/// Sets VIII.7's progress to `progress` with the keys, and saves.
fn edit_and_save(driver: &mut Driver, progress: &str) {
    driver.ch(':');
    driver.typed("VIII.7");
    driver.enter();
    driver.ch('p');
    driver.typed(progress);
    driver.enter();
    driver.ctrl('s');
}

/// The commit prompt's first line and list, if it is open.
fn prompt(driver: &Driver) -> Option<(String, String)> {
    match driver.app.mode() {
        Mode::Commit(prompt) => Some((prompt.summary.clone(), prompt.body.clone())),
        _ => None,
    }
}

/// The files HEAD's commit changed.
fn changed_files(repo: &GitRepo) -> String {
    repo.git(&["show", "--name-only", "--format=", "HEAD"]).trim().to_string()
}

#[test]
fn c_offers_the_message_to_edit_and_enter_commits_the_report_alone() {
    let repo = repository();
    let mut driver = opened(repo.file(), CommitWhen::Never, confined_git(repo.path(), true));
    edit_and_save(&mut driver, "40");
    assert_eq!(prompt(&driver), None, "never: no prompt after a save");
    driver.ch('c');
    let (summary, body) = prompt(&driver).expect("the commit prompt");
    assert_eq!(summary, "VIII.7 progress 8% → 40%");
    assert_eq!(body, "");
    driver.typed(", as the group said");
    driver.enter();
    assert!(!driver.is_error(), "{}", driver.message());
    let id = repo.git(&["rev-parse", "--short", "HEAD"]);
    assert_eq!(
        driver.message(),
        format!("Committed {}: VIII.7 progress 8% → 40%, as the group said", id.trim())
    );
    assert_eq!(prompt(&driver), None);
    let log = repo.git(&["log", "-1", "--format=%s%n%an"]);
    assert_eq!(log, "VIII.7 progress 8% → 40%, as the group said\nAna Pérez\n");
    assert_eq!(changed_files(&repo), REPORT, "the report alone is committed");
    let staged = repo.git(&["diff", "--cached", "--name-only"]);
    assert_eq!(staged.trim(), "notes.txt", "the notes stay staged, not committed");
    let committed = repo.git(&["show", &format!("HEAD:{REPORT}")]);
    assert_eq!(committed, std::fs::read_to_string(repo.file()).unwrap());
}

#[test]
fn c_asks_for_a_save_first_and_outside_git_says_so() {
    let repo = repository();
    let mut driver = opened(repo.file(), CommitWhen::Never, confined_git(repo.path(), true));
    driver.ch(':');
    driver.typed("VIII.7");
    driver.enter();
    driver.ch('p');
    driver.typed("40");
    driver.enter();
    driver.ch('c');
    assert!(driver.is_error());
    assert!(driver.message().starts_with("Save first ({key:save})"), "{}", driver.message());
    assert_eq!(prompt(&driver), None);
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]).trim(), "1");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(REPORT);
    std::fs::write(&path, store::to_text(&shipped())).unwrap();
    let mut driver = opened(path.clone(), CommitWhen::Never, confined_git(dir.path(), true));
    driver.ch('c');
    assert!(driver.is_error());
    assert_eq!(
        driver.message(),
        format!("{} is not in a git work tree: there is nothing to commit it to", path.display())
    );
    assert_eq!(prompt(&driver), None);
}

#[test]
fn a_new_report_is_added() {
    let repo = GitRepo::new();
    repo.git(&["config", "commit.gpgsign", "false"]);
    std::fs::write(repo.file(), store::to_text(&shipped())).unwrap();
    let mut driver = opened(repo.file(), CommitWhen::Never, confined_git(repo.path(), true));
    driver.ch('c');
    assert_eq!(prompt(&driver).map(|p| p.0).as_deref(), Some("Add report"));
    driver.enter();
    assert!(driver.message().starts_with("Committed "), "{}", driver.message());
    assert_eq!(repo.git(&["log", "--format=%s"]), "Add report\n");
    assert_eq!(changed_files(&repo), REPORT);
}

#[test]
fn ask_opens_the_prompt_after_each_save_and_esc_commits_nothing() {
    let repo = repository();
    let mut driver = opened(repo.file(), CommitWhen::Ask, confined_git(repo.path(), true));
    edit_and_save(&mut driver, "40");
    assert_eq!(prompt(&driver).map(|p| p.0).as_deref(), Some("VIII.7 progress 8% → 40%"));
    driver.esc();
    assert_eq!(driver.message(), "Not committed");
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]).trim(), "1");
}

#[test]
fn always_commits_each_save_with_the_message_written() {
    let repo = repository();
    let mut driver = opened(repo.file(), CommitWhen::Always, confined_git(repo.path(), true));
    edit_and_save(&mut driver, "40");
    assert_eq!(prompt(&driver), None);
    let id = repo.git(&["rev-parse", "--short", "HEAD"]);
    assert_eq!(driver.message(), format!("Committed {}: VIII.7 progress 8% → 40%", id.trim()));
    edit_and_save(&mut driver, "55");
    assert_eq!(repo.git(&["log", "-1", "--format=%s"]), "VIII.7 progress 40% → 55%\n");
    assert_eq!(repo.git(&["rev-list", "--count", "HEAD"]).trim(), "3");
    assert_eq!(changed_files(&repo), REPORT);
}

#[test]
fn what_git_refuses_is_said_in_its_words_and_the_message_stays() {
    let repo = repository();
    repo.git(&["config", "user.useConfigOnly", "true"]);
    let mut driver = opened(repo.file(), CommitWhen::Never, confined_git(repo.path(), false));
    edit_and_save(&mut driver, "40");
    driver.ch('c');
    driver.typed(" (checked)");
    driver.enter();
    assert!(driver.is_error());
    let message = driver.message();
    assert!(message.starts_with("Not committed: fatal: "), "{message}");
    let kept = prompt(&driver).map(|p| p.0);
    assert_eq!(kept.as_deref(), Some("VIII.7 progress 8% → 40% (checked)"), "{message}");

    // A hook that refuses: its last words.
    let hook = repo.path().join(".git/hooks/pre-commit");
    std::fs::write(&hook, "#!/bin/sh\necho 'the report is not checked' >&2\nexit 1\n").unwrap();
    let mut permissions = std::fs::metadata(&hook).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o755);
    std::fs::set_permissions(&hook, permissions).unwrap();
    repo.git(&["config", "user.name", "Ana Pérez"]);
    repo.git(&["config", "user.email", "ana@example.org"]);
    driver.enter();
    assert_eq!(driver.message(), "Not committed: the report is not checked");
    assert!(prompt(&driver).is_some(), "the message stays");
    std::fs::remove_file(&hook).unwrap();
    driver.enter();
    assert!(driver.message().starts_with("Committed "), "{}", driver.message());
    assert_eq!(
        repo.git(&["log", "-1", "--format=%s %an"]),
        "VIII.7 progress 8% → 40% (checked) Ana Pérez\n"
    );

    // Nothing left to commit.
    driver.ch('c');
    driver.enter();
    assert!(driver.is_error());
    assert!(driver.message().starts_with("Not committed: "), "{}", driver.message());
    assert!(driver.message().contains("no changes added to commit"), "{}", driver.message());
}

#[test]
fn without_git_the_message_stays() {
    let repo = repository();
    let git = Git { program: PathBuf::from("/nonexistent/git"), ..confined_git(repo.path(), true) };
    let mut driver = opened(repo.file(), CommitWhen::Never, git);
    edit_and_save(&mut driver, "40");
    driver.ch('c');
    assert_eq!(prompt(&driver).map(|p| p.0).as_deref(), Some("VIII.7 progress 8% → 40%"));
    driver.enter();
    assert!(
        driver.message().starts_with("Not committed: cannot run git: "),
        "{}",
        driver.message()
    );
    assert!(prompt(&driver).is_some());
}

#[test]
fn a_merges_resolution_saved_with_committing_on_is_the_merges_commit() {
    let repo = repository();
    repo.git(&["commit", "-q", "-m", "Notes"]);
    let mut ours = shipped();
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    let mut theirs = shipped();
    theirs.groups[7].activities[6].progress = Progress::new(55).unwrap();
    repo.git(&["checkout", "-q", "-b", "group-viii"]);
    std::fs::write(repo.file(), store::to_text(&theirs)).unwrap();
    repo.git(&["commit", "-q", "-am", "Group VIII's round"]);
    repo.git(&["checkout", "-q", "main"]);
    std::fs::write(repo.file(), store::to_text(&ours)).unwrap();
    repo.git(&["commit", "-q", "-am", "The secretary's round"]);
    let merged = git_command(repo.path()).args(["merge", "-q", "group-viii"]).output().unwrap();
    assert!(!merged.status.success(), "the merge conflicts");
    // The file as wgtrack's merge driver marks it.
    let marked = wgtrack::merge::merge(&shipped(), &ours, &theirs);
    std::fs::write(repo.file(), store::marked_text(&marked)).unwrap();

    let opened = store::open_resolving(&repo.file()).unwrap();
    let app = App::new(opened.report, repo.file())
        .with_conflicts(opened.conflicts)
        .with_disk(Expect::Content(opened.fingerprint))
        .with_commit(CommitWhen::Always, confined_git(repo.path(), true));
    let mut driver = Driver::of(app);
    driver.ch('t');
    driver.ctrl('s');
    assert!(driver.message().starts_with("Committed "), "{}", driver.message());
    let log = repo.git(&["log", "-1", "--format=%B"]);
    assert_eq!(log, "Merge branch 'group-viii'\n\nVIII.7 progress 40% → 55%\n\n");
    let parents = repo.git(&["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "a merge's commit: {parents}");
    assert_eq!(repo.git(&["status", "--porcelain", REPORT]), "");
    let committed =
        store::parse(std::path::Path::new(REPORT), &repo.git(&["show", &format!("HEAD:{REPORT}")]))
            .unwrap();
    assert_eq!(committed.groups[7].activities[6].progress.get(), 55);
}

#[test]
fn the_prompt_shows_the_list_below_the_first_line_and_commits_it_whole() {
    let repo = repository();
    let app = opened(repo.file(), CommitWhen::Never, confined_git(repo.path(), true)).app;
    let mut driver = Driver::of(app).on_screen(100, 30);
    driver.ch(':');
    driver.typed("VIII.1");
    driver.enter();
    for _ in 0..5 {
        driver.ch('-');
        driver.ch('j');
    }
    driver.ctrl('s');
    driver.ch('c');
    let screen = driver.settled_text();
    assert!(screen.contains("Commit report.ron"), "{screen}");
    assert!(screen.contains("VIII.1 progress 100% → 95% and 4 more changes"), "{screen}");
    assert!(screen.contains("5 more lines list every change"), "{screen}");
    assert!(screen.contains("- VIII.5 progress 100% → 95%"), "{screen}");
    driver.enter();
    let message = repo.git(&["log", "-1", "--format=%B"]);
    assert_eq!(message.lines().nth(2), Some("- VIII.1 progress 100% → 95%"), "{message}");
    assert_eq!(message.lines().filter(|l| l.starts_with("- VIII.")).count(), 5, "{message}");
}
