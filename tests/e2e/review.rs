//! A returned update sheet reviewed in the real app at 80×24: the sheet written by
//! `wgtrack sheet`, changed as a coordinator would, picked with `I`; two changes accepted,
//! one rejected, one edited, applied, saved, undone and saved again.

use wgtrack::import::read::read_bytes;
use wgtrack::model::Progress;

use crate::common::assert_code;
use crate::common::home::Home;
use crate::common::pty::keys::{ENTER, ctrl};
use crate::common::sheets::{Sheet, text};

const SHEET: &str = "out/VIII-administrative-records.xlsx";
const VIII: usize = 7;
const REMARKS: &str = "Workshop held with five countries.";

#[test]
fn a_sheet_is_reviewed_applied_saved_and_undone_in_a_terminal() {
    let home = Home::new();
    let file = home.file.to_str().unwrap();
    assert_code(&home.run(&["-f", file, "sheet", "VIII", "-o", "out"]), 0);
    let path = home.path().join(SHEET);
    let mut sheet = Sheet::from_grid(&read_bytes(&std::fs::read(&path).unwrap()).unwrap().grids[0]);
    let (progress, remarks) = (sheet.column("Progress (%)"), sheet.column("Remarks"));
    for (tie, value) in [("VIII.1 ", "91"), ("VIII.2 ", "92"), ("VIII.3 ", "93")] {
        let row = sheet.row_of(tie);
        sheet.set(row, progress, text(value));
    }
    let row = sheet.row_of("VIII.4 ");
    sheet.set(row, remarks, text(REMARKS));
    std::fs::write(&path, sheet.to_xlsx()).unwrap();
    let before = home.report();

    let mut pty = home.open(24, 80);
    pty.send("I");
    pty.wait_for("Review a returned update sheet");
    pty.send(SHEET);
    pty.send(ENTER);
    // Every change is accepted until rejected.
    let screen = pty.wait_for("4 of 4 accepted");
    assert!(screen.contains("VIII.4"), "{screen}");
    assert!(screen.contains("Now: 100%   Proposed: 91%"), "the selected change:\n{screen}");

    // VIII.1 and VIII.4 accepted as they are; VIII.2 rejected; VIII.3 edited to 55%.
    pty.send("j ");
    pty.wait_for("3 of 4 accepted");
    pty.send("je");
    pty.wait_for("Progress of VIII.3");
    pty.send("55");
    pty.send(ENTER);
    let screen = pty.wait_for("(edited)");
    assert!(screen.contains("→ 55%"), "{screen}");
    pty.send(ENTER);
    pty.wait_for("Applied 3 changes to 3 activities");
    pty.send(&ctrl('s'));
    pty.wait_for("Saved");
    let saved = home.report();
    let a = |r: &wgtrack::model::Report, n: usize| r.groups[VIII].activities[n].clone();
    assert_eq!(a(&saved, 0).progress, Progress::new(91).unwrap());
    assert_eq!(a(&saved, 1), a(&before, 1), "rejected: as it was");
    assert_eq!(a(&saved, 2).progress, Progress::new(55).unwrap());
    assert_eq!(a(&saved, 3).remarks, REMARKS);

    // Undo takes back VIII.4's remarks, and says where they came from.
    pty.send("u");
    let screen = pty.wait_for("Undid: changed remarks of VIII.4");
    assert!(screen.contains("from VIII-administrative-records.xlsx"), "{screen}");
    pty.send(&ctrl('s'));
    pty.wait_for("Saved");
    let saved = home.report();
    assert_eq!(a(&saved, 3), a(&before, 3));
    assert_eq!(a(&saved, 2).progress, Progress::new(55).unwrap());
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.screen());
}
