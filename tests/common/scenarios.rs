//! The screens of the app, as keys pressed from the start state, shared by the screen tests;
//! and the text of a row of a drawn screen.

use crossterm::event::KeyCode;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::Driver;

/// The two sizes every screen is snapshotted at.
pub const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

pub fn row_text(buffer: &Buffer, y: u16) -> String {
    row_prefix(buffer, y, buffer.area.right())
}

/// The text of the cells of row `y` left of column `end`, wide characters once.
pub fn row_prefix(buffer: &Buffer, y: u16, end: u16) -> String {
    let mut text = String::new();
    let mut skip = 0usize;
    for x in buffer.area.left()..end {
        let symbol = buffer[(x, y)].symbol();
        if skip == 0 {
            text.push_str(symbol);
        }
        skip = skip.max(symbol.width()).saturating_sub(1);
    }
    text
}

pub fn start(_: &mut Driver) {}

/// Group VIII (the eighth in the groups pane), its table focused, activity 7 selected.
pub fn viii_table(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
}

/// Group VI, the one whose table has a Topic column.
pub fn vi_table(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
}

/// Group I with its objectives folded; the table is focused so that narrow screens show it.
/// Group I with its objectives folded: by `o` where they were shown, as they start where
/// they would crowd the table.
pub fn objectives_folded(s: &mut Driver) {
    s.key(KeyCode::Enter);
    s.settle();
    if !s.app.objectives_folded() {
        s.key(KeyCode::Char('o'));
    }
}

pub fn viii_activity(s: &mut Driver) {
    viii_table(s);
    s.key(KeyCode::Enter);
}

/// Activity VII.1, whose remarks run to several paragraphs, scrolled down four lines.
pub fn vii_activity_scrolled(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 6);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 4);
}

pub fn progress_prompt(s: &mut Driver) {
    viii_table(s);
    s.key(KeyCode::Char('p'));
}

pub fn progress_refused(s: &mut Driver) {
    progress_prompt(s);
    s.typed("101");
    s.key(KeyCode::Enter);
}

pub fn remarks_editor(s: &mut Driver) {
    viii_table(s);
    s.key(KeyCode::Char('r'));
}

pub fn search_typing(s: &mut Driver) {
    s.key(KeyCode::Char('/'));
    s.typed("review");
}

pub fn search_results(s: &mut Driver) {
    search_typing(s);
    s.key(KeyCode::Enter);
}

pub fn modified(s: &mut Driver) {
    viii_table(s);
    s.key(KeyCode::Char('+'));
}

pub fn quit_prompt(s: &mut Driver) {
    modified(s);
    s.key(KeyCode::Char('q'));
}

pub fn help(s: &mut Driver) {
    s.key(KeyCode::Char('?'));
}

pub fn help_scrolled(s: &mut Driver) {
    help(s);
    s.repeat(KeyCode::Char('j'), 10);
}

pub type Scenario = fn(&mut Driver);

/// Every screen, by name.
pub const SCENARIOS: [(&str, Scenario); 15] = [
    ("start", start),
    ("viii_table", viii_table),
    ("vi_table", vi_table),
    ("objectives_folded", objectives_folded),
    ("viii_activity", viii_activity),
    ("vii_activity_scrolled", vii_activity_scrolled),
    ("progress_prompt", progress_prompt),
    ("progress_refused", progress_refused),
    ("remarks_editor", remarks_editor),
    ("search_typing", search_typing),
    ("search_results", search_results),
    ("modified", modified),
    ("quit_prompt", quit_prompt),
    ("help", help),
    ("help_scrolled", help_scrolled),
];
