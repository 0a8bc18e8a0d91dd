//! Committing from the real app: the report edited and saved in a repository, `c`, the
//! message's first line edited, Enter; then with `commit: "always"` in the configuration,
//! each save committed by itself.

use wgtrack::store;

use crate::common::git::GitRepo;
use crate::common::home::Home;
use crate::common::pty::Pty;
use crate::common::pty::keys::{ENTER, ctrl};
use crate::common::shipped;

/// A repository in `home` holding the shipped report, with an author of its own.
fn repository(home: &Home) -> GitRepo {
    let repo = GitRepo::init(home.path());
    for (key, value) in
        [("user.name", "Ana Pérez"), ("user.email", "ana@example.org"), ("commit.gpgsign", "false")]
    {
        repo.git(&["config", key, value]);
    }
    repo.commit(&store::to_text(&shipped()), "The report", 1_609_459_200);
    repo
}

/// The app on the home's report; git sees no configuration outside the home.
fn open(home: &Home) -> Pty {
    let mut command = home.command();
    command.env("GIT_CONFIG_NOSYSTEM", "1");
    let mut pty = Pty::spawn(command, 24, 80);
    pty.wait_for("Groups (11)");
    pty
}

/// VIII.7's progress set to `progress` with the keys, and saved.
fn edit_and_save(pty: &mut Pty, progress: &str) {
    pty.send(":VIII.7");
    pty.send(ENTER);
    pty.wait_for("Review of the document");
    pty.send("p");
    pty.wait_for("Progress of VIII.7");
    pty.send(progress);
    pty.send(ENTER);
    pty.send(&ctrl('s'));
}

#[test]
fn c_commits_the_saved_report_with_the_message_edited() {
    let home = Home::new();
    let repo = repository(&home);
    let mut pty = open(&home);
    edit_and_save(&mut pty, "40");
    pty.wait_for("Saved");
    pty.send("c");
    let screen = pty.wait_for("Commit report.ron");
    assert!(screen.contains("VIII.7 progress 8% → 40%"), "{screen}");
    pty.send(" as agreed");
    pty.send(ENTER);
    pty.wait_for("Committed ");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());
    let log = repo.git(&["log", "-1", "--format=%s|%an"]);
    assert_eq!(log, "VIII.7 progress 8% → 40% as agreed|Ana Pérez\n");
}

#[test]
fn with_commit_always_each_save_is_committed() {
    let home = Home::new();
    let repo = repository(&home);
    let config = home.path().join("config").join("wgtrack");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.ron"), "(commit: \"always\")\n").unwrap();
    let mut pty = open(&home);
    edit_and_save(&mut pty, "40");
    pty.wait_for("Committed ");
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());
    assert_eq!(repo.git(&["log", "-1", "--format=%s"]), "VIII.7 progress 8% → 40%\n");
    assert_eq!(repo.git(&["status", "--porcelain", "report.ron"]), "");
}
