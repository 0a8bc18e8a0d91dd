//! A merge that conflicts in three fields, resolved in the real app: the merge driver marks
//! the file, the app opens on its conflicts, one is kept as ours, one as theirs and one
//! edited, the file is saved clean, and git commits the merge.

use wgtrack::model::{Progress, Report};
use wgtrack::store;

use crate::common::git::{GitRepo, git_command};
use crate::common::home::Home;
use crate::common::pty::Pty;
use crate::common::pty::keys::{ENTER, ctrl};
use crate::common::shipped;
use crate::common::{code, stderr};

/// The shipped report with VIII.7's progress and III.2's remarks set, and words added to
/// V.3's description.
fn edited(progress: i64, remarks: &str, description: &str) -> Report {
    let mut report = shipped();
    report.groups[7].activities[6].progress = Progress::new(progress).unwrap();
    report.groups[2].activities[1].remarks = remarks.to_string();
    let activity = &mut report.groups[4].activities[2];
    activity.description = format!("{}{description}", activity.description);
    report
}

#[test]
fn three_conflicts_resolved_in_the_app_then_git_commits_the_merge() {
    let home = Home::new();
    let repo = GitRepo::init(home.path());
    let out = home.run(&["-f", "report.ron", "git-setup"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    repo.git(&["add", "report.ron", ".gitattributes", ".gitignore"]);
    repo.git(&["commit", "-q", "-m", "The report"]);
    let ours = edited(40, "Reviewed in March.", ", in person");
    let theirs = edited(55, "Sent to the countries.", ", online");
    repo.git(&["checkout", "-q", "-b", "group-viii"]);
    std::fs::write(&home.file, store::to_text(&theirs)).unwrap();
    repo.git(&["commit", "-q", "-am", "Group VIII's round"]);
    repo.git(&["checkout", "-q", "main"]);
    std::fs::write(&home.file, store::to_text(&ours)).unwrap();
    repo.git(&["commit", "-q", "-am", "The secretary's round"]);
    let merged = git_command(home.path()).args(["merge", "-q", "group-viii"]).output().unwrap();
    assert!(!merged.status.success(), "the merge conflicts");
    let text = String::from_utf8(home.bytes()).unwrap();
    assert_eq!(text.matches("<<<<<<< ").count(), 3, "the driver marks three fields:\n{text}");

    let mut pty = Pty::spawn(home.command(), 40, 120);
    let screen = pty.wait_for("Conflicts (3)");
    assert!(screen.contains("VIII.7 progress: ours 40%, theirs 55%, was 8%"), "{screen}");
    // In file order: III.2's remarks, kept as ours; V.3's description, as theirs.
    pty.send("o");
    pty.wait_for("Conflicts (2)");
    pty.send("t");
    pty.wait_for("Conflicts (1)");
    // VIII.7's progress, edited.
    pty.send("e");
    pty.wait_for("Progress of VIII.7");
    pty.send("47");
    pty.wait_for("New progress:  47");
    pty.send(ENTER);
    pty.wait_for("Conflicts (0)");
    pty.send(&ctrl('s'));
    pty.wait_for("every conflict resolved: run git add");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());

    let mut expected = ours.clone();
    expected.groups[4].activities[2].description =
        theirs.groups[4].activities[2].description.clone();
    expected.groups[7].activities[6].progress = Progress::new(47).unwrap();
    assert_eq!(String::from_utf8(home.bytes()).unwrap(), store::to_text(&expected));
    repo.git(&["add", "report.ron"]);
    repo.git(&["commit", "-q", "--no-edit"]);
    let log = repo.git(&["log", "--merges", "--format=%s"]);
    assert_eq!(log.lines().count(), 1, "{log}");
    assert!(log.contains("Merge branch 'group-viii'"), "{log}");
    let parents = repo.git(&["log", "-1", "--format=%P"]);
    assert_eq!(parents.split_whitespace().count(), 2, "{parents}");
}
