//! Reading the real app's screen in a pseudo-terminal: a row by its text, the footer's
//! message, the header, whether a row is the selection; and opening a group's table.

use super::figures::NUMERALS;
use super::pty::{Pty, keys};
use super::shipped;

/// From the first group with the groups pane in focus, selects group `numeral` and opens
/// its activity table, checking that the group pane shows it.
#[track_caller]
pub fn open_group(pty: &mut Pty, numeral: &str) {
    let index = NUMERALS.iter().position(|n| *n == numeral).expect("a group numeral");
    let topic = &shipped().groups[index].topic;
    // Arrow keys and j alike move down one group.
    for step in 0..index {
        pty.send(if step % 2 == 0 { "j" } else { keys::DOWN });
    }
    pty.wait_for(&format!("┌ {numeral} · {topic} "));
    pty.send(keys::ENTER);
    // The table has the focus when the footer offers to edit progress.
    pty.wait_for(" p progress ");
}

/// The row of the screen that holds `text`; fails the test if none does.
#[track_caller]
pub fn row_with(screen: &str, text: &str) -> String {
    screen
        .lines()
        .find(|line| line.contains(text))
        .unwrap_or_else(|| panic!("no row holds {text:?}; screen:\n{screen}"))
        .to_string()
}

/// The message line of the footer (the row above the key hints, on screens of 20 rows or
/// more).
pub fn message_row(pty: &Pty) -> String {
    let rows = pty.rows();
    rows[rows.len() - 2].clone()
}

/// The header row.
pub fn header_row(pty: &Pty) -> String {
    pty.rows()[0].clone()
}

/// Whether the row that shows `text` is highlighted as the selection (a background colour
/// or reverse video where the text starts).
pub fn selected(screen: &vt100::Screen, text: &str) -> bool {
    let (_, cols) = screen.size();
    let skip = text.chars().take_while(|c| *c == ' ').count();
    screen.rows(0, cols.get()).enumerate().any(|(row, line)| {
        line.find(text).is_some_and(|at| {
            let col = line[..at].chars().count() + skip;
            let (Ok(row), Ok(col)) = (u16::try_from(row), u16::try_from(col)) else {
                return false;
            };
            screen
                .cell(row, col)
                .is_some_and(|cell| cell.inverse() || cell.bgcolor() != vt100::Color::Default)
        })
    })
}
