//! wgtrack in real git repositories: `git-setup`, and the merge driver git runs for report
//! files; what plain git does with the same merges, for contrast.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

use common::{code, confined_env, shipped, stderr, stdout, wgtrack};
use wgtrack::model::{Activity, Progress, Report};
use wgtrack::store::{self, LoadError};

/// A repository in a temporary home, holding `report.ron` as `report` on `main`, with
/// `git-setup` run in it or not.
struct Repo {
    _home: tempfile::TempDir,
    home: PathBuf,
    dir: PathBuf,
}

impl Repo {
    fn new(report: &Report, with_driver: bool) -> Repo {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("repo");
        std::fs::create_dir(&dir).unwrap();
        let repo = Repo { home: home.path().to_path_buf(), _home: home, dir };
        repo.git(&["init", "-q", "-b", "main"]);
        for (key, value) in [("user.name", "Secretary"), ("user.email", "s@example.org")] {
            repo.git(&["config", key, value]);
        }
        repo.git(&["config", "commit.gpgsign", "false"]);
        if with_driver {
            let out = repo.wgtrack(&["git-setup"]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
        }
        repo.write(report);
        repo.git(&["add", "-A"]);
        repo.git(&["commit", "-q", "-m", "The report"]);
        repo
    }

    fn git_output(&self, args: &[&str]) -> Output {
        Command::new("git")
            .args(args)
            .current_dir(&self.dir)
            .envs(confined_env(&self.home))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .output()
            .unwrap()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = self.git_output(args);
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wgtrack(&self, args: &[&str]) -> Output {
        let mut command = wgtrack(&self.home);
        command.current_dir(&self.dir).env("GIT_CONFIG_NOSYSTEM", "1");
        command.args(args).output().unwrap()
    }

    fn file(&self) -> PathBuf {
        self.dir.join("report.ron")
    }

    fn write(&self, report: &Report) {
        std::fs::write(self.file(), store::to_text(report)).unwrap();
    }

    fn read(&self) -> Result<Report, LoadError> {
        store::load(&self.file())
    }

    /// A branch from `main`'s first commit holding `report`.
    fn branch(&self, name: &str, report: &Report) {
        self.git(&["checkout", "-q", "-b", name, "main"]);
        self.write(report);
        self.git(&["commit", "-q", "-am", name]);
        self.git(&["checkout", "-q", "main"]);
    }
}

/// Group `g`'s coordinator at work: a progress, a remark, an activity added.
fn edit_group(report: &mut Report, g: usize) {
    let group = &mut report.groups[g];
    group.activities[0].progress = Progress::new(90 - g as i64).unwrap();
    let last = group.activities.len() - 1;
    group.activities[last].remarks = format!("Reviewed by group {g}.");
    group.activities.push(Activity {
        topic: None,
        description: format!("A new activity of group {g}"),
        progress: Progress::new(5).unwrap(),
        remarks: String::new(),
    });
}

fn merge(repo: &Repo, branch: &str) -> Output {
    repo.git_output(&["merge", "--no-edit", "-q", branch])
}

#[test]
fn eleven_groups_edited_on_eleven_branches_merge_with_the_driver_into_all_edits() {
    let base = shipped();
    assert_eq!(base.groups.len(), 11);
    let repo = Repo::new(&base, true);
    let plain = Repo::new(&base, false);
    let mut all = base.clone();
    for g in 0..11 {
        let mut edited = base.clone();
        edit_group(&mut edited, g);
        edit_group(&mut all, g);
        repo.branch(&format!("group-{g}"), &edited);
        plain.branch(&format!("group-{g}"), &edited);
    }
    for g in 0..11 {
        let out = merge(&repo, &format!("group-{g}"));
        assert!(out.status.success(), "group {g}: {}", String::from_utf8_lossy(&out.stdout));
    }
    assert_eq!(repo.read().unwrap(), all);
    assert_eq!(std::fs::read_to_string(repo.file()).unwrap(), store::to_text(&all));
    assert_eq!(repo.git(&["status", "--porcelain"]), "");

    // Plain git merges these too: the groups' lines lie apart.
    for g in 0..11 {
        assert!(merge(&plain, &format!("group-{g}")).status.success());
    }
    assert_eq!(plain.read().unwrap(), all);
}

/// Two edits of one activity: its progress on one branch, its remarks on the other, and an
/// activity added at the end of the group on both.
fn two_hands(base: &Report) -> [Report; 2] {
    let mut ours = base.clone();
    let mut theirs = base.clone();
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    theirs.groups[7].activities[6].remarks = "Reviewed by the countries.".into();
    for (side, name) in [(&mut ours, "Ours"), (&mut theirs, "Theirs")] {
        side.groups[7].activities.push(Activity {
            topic: None,
            description: format!("{name} new activity"),
            progress: Progress::ZERO,
            remarks: String::new(),
        });
    }
    [ours, theirs]
}

#[test]
fn fields_on_neighbouring_lines_conflict_for_plain_git_and_merge_with_the_driver() {
    let base = shipped();
    let [ours, theirs] = two_hands(&base);
    let mut both = ours.clone();
    both.groups[7].activities[6].remarks = theirs.groups[7].activities[6].remarks.clone();
    both.groups[7].activities.push(theirs.groups[7].activities.last().unwrap().clone());

    for with_driver in [true, false] {
        let repo = Repo::new(&base, with_driver);
        repo.branch("other", &theirs);
        repo.write(&ours);
        repo.git(&["commit", "-q", "-am", "ours"]);
        let out = merge(&repo, "other");
        if with_driver {
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
            let merged = std::fs::read_to_string(repo.file()).unwrap();
            let expected = store::to_text(&both);
            let diff = similar::TextDiff::from_lines(&expected, &merged);
            assert!(merged == expected, "{}", diff.unified_diff());
        } else {
            assert!(!out.status.success(), "plain git merged neighbouring lines");
            // The file plain git marked opens, its conflicts found field by field.
            match repo.read() {
                Err(LoadError::Conflicted { report, conflicts, .. }) => {
                    // Ours' side of each block, and what git merged around them.
                    assert_eq!(report.groups[7].activities[6].progress.get(), 40);
                    assert!(!conflicts.is_empty());
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn a_field_changed_differently_is_marked_listed_by_validate_and_refused_by_set() {
    let base = shipped();
    let repo = Repo::new(&base, true);
    let mut theirs = base.clone();
    theirs.groups[7].activities[6].progress = Progress::new(55).unwrap();
    repo.branch("other", &theirs);
    let mut ours = base.clone();
    ours.groups[7].activities[6].progress = Progress::new(40).unwrap();
    repo.write(&ours);
    repo.git(&["commit", "-q", "-am", "ours"]);

    let out = merge(&repo, "other");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("report.ron: 1 conflict marked in the file"), "{said}");
    let text = std::fs::read_to_string(repo.file()).unwrap();
    let line = text.lines().position(|l| l == "<<<<<<< ours").unwrap() + 1;
    assert!(text.contains("||||||| base\n"));
    assert_eq!(text.matches("<<<<<<<").count(), 1);

    let out = repo.wgtrack(&["-f", "report.ron", "validate"]);
    assert_eq!(code(&out), 1);
    let was = base.groups[7].activities[6].progress.get();
    let expected = format!(
        "report.ron:{line}:1: conflict in groups[7].activities[6].progress: ours 40, theirs 55, \
         was {was}"
    );
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));

    let out = repo.wgtrack(&["-f", "report.ron", "set", "VIII", "7", "--progress", "50"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("1 conflict from a merge"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(repo.file()).unwrap(), text, "the markers stay");
}

#[test]
fn git_setup_writes_each_line_once_and_says_what_it_did() {
    let repo = Repo::new(&shipped(), true);
    let attributes = std::fs::read_to_string(repo.dir.join(".gitattributes")).unwrap();
    assert_eq!(attributes, "*.ron merge=wgtrack\n");
    let ignored = std::fs::read_to_string(repo.dir.join(".gitignore")).unwrap();
    assert_eq!(ignored, "*.ron.bak\n*.ron.bak.tmp\n*.ron.lock\n.wgtrack-*.tmp\n");
    let driver = repo.git(&["config", "merge.wgtrack.driver"]);
    assert!(driver.ends_with(" merge-driver %O %A %B %P\n"), "{driver}");

    let out = repo.wgtrack(&["git-setup"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out),
        ".gitattributes: already has *.ron merge=wgtrack\n\
         git config merge.wgtrack.name: already set\n\
         git config merge.wgtrack.driver: already set\n\
         .gitignore: already has *.ron.bak, *.ron.bak.tmp, *.ron.lock, .wgtrack-*.tmp\n"
    );
    assert_eq!(std::fs::read_to_string(repo.dir.join(".gitignore")).unwrap(), ignored);

    // Outside a repository, git's refusal is said.
    let out = common::run(&repo.home, &["git-setup"]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("not a git repository"), "{}", stderr(&out));
}
