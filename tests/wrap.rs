//! Remarks drawn from their wrapped index (`wrap::Wrapped`, `ui::remarks::lines`) look
//! exactly as the whole text wrapped by ratatui's `Paragraph` looks: the same lines, the same
//! styles, at any width and scroll, with emphasis and a search's matches.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use proptest::sample::select;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Wrap};
use wgtrack::ui::remarks;
use wgtrack::ui::text::rich_line;
use wgtrack::ui::theme::Theme;
use wgtrack::wrap::Wrapped;

use common::cases::config;

/// Words, spaces of every kind, marks, and characters of other widths.
const PIECES: &[&str] = &[
    "census",
    "statistical",
    "a",
    " ",
    "  ",
    "      ",
    "\n",
    "\t",
    "*",
    "*emphasis*",
    "averyveryverylongwordthatdoesnotfitonalineofthescreenatall",
    "año",
    "e\u{301}",
    "\u{301}",
    "人口普查",
    "👩‍🔬",
    "\u{a0}",
    "\u{200b}",
    "\u{3000}",
    "—",
    "-",
];

/// The remarks as the activity view drew them before they were indexed: every paragraph a
/// rich line, the whole wrapped by ratatui and scrolled.
fn reference(text: &str, width: u16, height: u16, scroll: u16, query: Option<&str>) -> Buffer {
    let theme = Theme::default();
    let query = query.map(wgtrack::search::Query::new);
    let lines: Vec<_> =
        text.split('\n').map(|p| rich_line(p, Style::default(), query.as_ref(), &theme)).collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((scroll, 0));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(paragraph, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn indexed(text: &str, width: u16, height: u16, scroll: u16, query: Option<&str>) -> Buffer {
    let theme = Theme::default();
    let wrapped = Wrapped::new(text, width);
    let rows = usize::from(scroll)..usize::from(scroll) + usize::from(height);
    let query = query.map(wgtrack::search::Query::new);
    let lines = remarks::lines(text, &wrapped, rows, Style::default(), query.as_ref(), &theme);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(remarks::Wrapped(lines), f.area())).unwrap();
    terminal.backend().buffer().clone()
}

fn line_count(text: &str, width: u16) -> usize {
    let lines: Vec<_> = text.split('\n').map(ratatui::text::Line::from).collect();
    Paragraph::new(lines).wrap(Wrap { trim: false }).line_count(width)
}

proptest! {
    #![proptest_config(config(2000))]

    #[test]
    fn indexed_remarks_draw_as_the_whole_text_wrapped(
        pieces in prop::collection::vec(select(PIECES), 0..80),
        width in 6u16..60,
        height in 1u16..12,
        scroll in 0u16..20,
        query in prop::option::of(select(&["census", "a", "e", "año", " c"][..])),
    ) {
        let text = pieces.concat();
        let shown = text.replace('*', "");
        prop_assert_eq!(Wrapped::new(&shown, width).lines.len(), line_count(&shown, width));
        // ratatui's own drawing panics on a few texts (see `remarks::Wrapped`): those are
        // left out.
        let expected = std::panic::catch_unwind(|| reference(&text, width, height, scroll, query));
        prop_assume!(expected.is_ok());
        prop_assert_eq!(indexed(&text, width, height, scroll, query), expected.unwrap());
    }
}

#[test]
fn a_long_remark_is_indexed_by_its_lines() {
    let text = "word ".repeat(100_000) + "\n" + &"*emphasis* and more ".repeat(1000);
    let wrapped = Wrapped::new(&text, 78);
    assert_eq!(wrapped.paragraphs.len(), 2);
    assert_eq!(wrapped.lines.len(), line_count(&text.replace('*', ""), 78));
    for scroll in [0, 6000, 6410, 6411, 6412] {
        assert_eq!(
            indexed(&text, 78, 20, scroll, Some("more")),
            reference(&text, 78, 20, scroll, Some("more")),
            "at line {scroll}"
        );
    }
}
