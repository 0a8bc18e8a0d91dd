//! The history screen in the real binary: `H` on an activity of a report kept in git reads
//! its commits (off the event loop) and lists them, newest first.

use wgtrack::model::Progress;
use wgtrack::store;

use crate::common::git::{FIRST_TIME, GitRepo};
use crate::common::home::Home;
use crate::common::pty::Pty;
use crate::common::pty::keys::{ENTER, ESC};
use crate::common::pty_screen::row_with;
use crate::common::shipped;

#[test]
fn h_on_an_activity_lists_the_commits_that_changed_it() {
    let home = Home::new();
    let repo = GitRepo::init(home.path());
    let mut report = shipped();
    repo.commit(&store::to_text(&report), "Round 1 as submitted", FIRST_TIME);
    for (k, progress) in [30, 55, 80].into_iter().enumerate() {
        report.groups[7].activities[6].progress = Progress::new(progress).unwrap();
        let message = format!("VIII.7 at {progress}%");
        repo.commit(&store::to_text(&report), &message, FIRST_TIME + 86_400 * (k as i64 + 1));
    }
    let mut command = home.command();
    command.env("TZ", "UTC");
    let mut pty = Pty::spawn(command, 30, 120);
    pty.wait_for("Groups (11)");
    pty.send(":VIII.7");
    pty.send(ENTER);
    pty.send("H");
    let screen = pty.wait_for("Round 1 as submitted");
    assert!(screen.contains("History of activity VIII.7"), "{screen}");
    // Newest first, one row a commit, each with its date, author, summary and progress.
    let rows: Vec<String> = ["VIII.7 at 80%", "VIII.7 at 55%", "VIII.7 at 30%", "Round 1"]
        .iter()
        .map(|summary| row_with(&screen, summary))
        .collect();
    assert!(rows[0].contains("2021-01-04 00:00") && rows[0].contains("80%"), "{}", rows[0]);
    assert!(rows[3].contains("2021-01-01 00:00") && rows[3].contains("8%"), "{}", rows[3]);
    assert!(rows.iter().all(|r| r.contains("Ana Pérez")), "{rows:#?}");
    let at = |s: &str| screen.find(s).unwrap();
    assert!(at("VIII.7 at 80%") < at("VIII.7 at 55%") && at("VIII.7 at 30%") < at("Round 1"));
    assert!(!screen.contains("changes not committed"), "the file is HEAD's:\n{screen}");
    pty.send(ESC);
    pty.wait_gone("History of activity VIII.7");
    pty.send("q");
    assert!(pty.wait_exit().success());
}
