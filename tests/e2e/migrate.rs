//! A format-1 file in the real app: choosing a distribution asks to move the file to
//! format 2; no leaves it as it is, yes moves it on, and the save keeps the format-1 file
//! beside it as its `.bak`.

use wgtrack::model::{Distribution, FORMAT, FORMAT_1, Report};
use wgtrack::store;

use crate::common::home::Home;
use crate::common::pty::keys::{ENTER, ctrl};

const SHIPPED_1: &str = include_str!("../fixtures/format-1/report-2020-2021.ron");

#[test]
fn a_format_1_file_is_moved_to_format_2_only_on_a_yes_and_keeps_its_bak() {
    let home = Home::with_text(SHIPPED_1);
    let mut pty = home.open(24, 80);
    pty.send("i");
    pty.wait_for("1 — Enter to move to format 2");
    // From the symbol down past the date, title, meeting and venue.
    pty.send("jjjjj");
    pty.send(ENTER);
    let screen = pty.wait_for("Move the file to format 2?");
    assert!(screen.contains("report.ron is format 1"), "{screen}");
    assert!(screen.contains("will not read it"), "{screen}");
    assert!(screen.contains("kept as report.ron.bak when saved"), "{screen}");
    pty.send("n");
    pty.wait_for("Not moved: report.ron stays format 1; nothing changed");

    pty.send(ENTER);
    pty.wait_for("Move the file to format 2?");
    pty.send("y");
    pty.wait_for("Changed distribution: general");
    pty.send(&ctrl('s'));
    pty.wait_for(&format!("Saved {}", home.file.display()));
    pty.send("q");
    let status = pty.wait_exit();
    assert!(status.success(), "exit status {status:?}; screen:\n{}", pty.screen());

    let saved = home.report();
    assert_eq!(saved.format, FORMAT);
    assert_eq!(saved.distribution, Some(Distribution::General));
    let old = store::parse(&home.file, SHIPPED_1).unwrap();
    assert!(Report { format: FORMAT_1, distribution: None, ..saved } == old, "nothing else");
    let backup = std::fs::read_to_string(store::backup_path(&home.file)).unwrap();
    assert_eq!(backup, SHIPPED_1, "the format-1 file is its .bak");
}
