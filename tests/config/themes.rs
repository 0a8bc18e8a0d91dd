//! Themes and NO_COLOR: every style named once and set by its name, no colour at all when
//! asked, the selection still shown, and the first problem of a configuration in the footer.

use std::ffi::OsStr;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use wgtrack::action::Pane;
use wgtrack::app::App;
use wgtrack::config::{self, Config};
use wgtrack::keymap::Keymap;
use wgtrack::ui::{self, ViewState, theme::Theme};

use crate::common::assert_snapshot;
use crate::{app, parse};

/// Every style of a theme has a name of its own, in every theme, and a configuration that
/// sets a style by that name changes that style and no other.
#[test]
fn every_style_has_one_name_and_the_configuration_sets_that_style_alone() {
    let default = Theme::default();
    let names: Vec<&str> = default.styles().iter().map(|(name, _)| *name).collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), names.len(), "a style name used twice: {names:?}");
    for theme in Theme::NAMES.iter().map(|n| Theme::named(n).expect("a named theme")) {
        let these: Vec<&str> = theme.styles().iter().map(|(name, _)| *name).collect();
        assert_eq!(these, names, "every theme names the same styles");
    }
    let marked = Color::Rgb(1, 2, 3);
    for name in &names {
        let (config, problems) = parse(&format!("(styles: {{ \"{name}\": (fg: \"#010203\") }})"));
        assert_eq!(problems, [], "{name}");
        for ((style, got), (_, was)) in config.theme(None).styles().iter().zip(default.styles()) {
            if style == name {
                assert_eq!(got.fg, Some(marked), "{name} was not set");
                assert_eq!((got.bg, got.add_modifier), (was.bg, was.add_modifier), "{name}");
            } else {
                assert_eq!(*got, was, "setting {name} changed {style}");
            }
        }
    }
}

#[test]
fn no_color_in_the_environment_means_no_colour_whatever_the_configuration_says() {
    assert!(config::no_color(Some(OsStr::new("1"))));
    assert!(config::no_color(Some(OsStr::new("false"))));
    assert!(!config::no_color(Some(OsStr::new(""))));
    assert!(!config::no_color(None));
    let default = Config::default();
    assert_eq!(default.theme(None), Theme::default());
    assert_eq!(default.theme(Some(OsStr::new(""))), Theme::default());
    assert_eq!(default.theme(Some(OsStr::new("1"))), Theme::no_color());
    let (config, problems) = parse(
        "(theme: \"high-contrast\", styles: { \"selected\": (fg: \"red\", bg: \"blue\", underline: true) })",
    );
    assert_eq!(problems, []);
    assert_eq!(config.theme(None).selected.fg, Some(Color::Red));
    let plain = config.theme(Some(OsStr::new("yes")));
    for (name, style) in plain.styles() {
        assert_eq!((style.fg, style.bg, style.underline_color), (None, None, None), "{name}");
    }
    assert!(plain.selected.add_modifier.contains(Modifier::UNDERLINED | Modifier::REVERSED));
    let (config, _) = parse("(theme: \"no-color\")");
    assert_eq!(config.theme(None), Theme::no_color());
}

/// The main screen of `app` at 120×40 under `theme`.
fn main_screen(app: &App, theme: &Theme) -> Buffer {
    let keymap = Keymap::default();
    let ctx = ui::Context { keymap: &keymap, theme };
    let mut view = ViewState::default();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for _ in 0..2 {
        terminal.draw(|frame| ui::draw(frame, app, &ctx, &mut view)).unwrap();
    }
    terminal.backend().buffer().clone()
}

/// The rows of the screen, then its runs of modifiers: "row x..x MODIFIERS".
fn text_and_modifiers(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut text = String::new();
    for y in area.top()..area.bottom() {
        let mut skip = 0usize;
        for x in area.left()..area.right() {
            let symbol = buffer[(x, y)].symbol();
            if skip == 0 {
                text.push_str(symbol);
            }
            skip = skip.max(unicode_width::UnicodeWidthStr::width(symbol)).saturating_sub(1);
        }
        text.push('\n');
    }
    text.push_str("--- modifiers: rows, then columns\n");
    let mut rows: Vec<(u16, u16, String)> = Vec::new();
    for y in area.top()..area.bottom() {
        let mut runs = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let modifier = buffer[(x, y)].modifier;
            let start = x;
            while x < area.right() && buffer[(x, y)].modifier == modifier {
                x += 1;
            }
            if !modifier.is_empty() {
                runs.push(format!("{start}..{x} {modifier:?}"));
            }
        }
        let runs = runs.join(", ");
        match rows.last_mut() {
            Some((_, last, same)) if *same == runs && *last + 1 == y => *last = y,
            _ => rows.push((y, y, runs)),
        }
    }
    for (first, last, runs) in rows.into_iter().filter(|(_, _, runs)| !runs.is_empty()) {
        let rows = if first == last { format!("{first}") } else { format!("{first}-{last}") };
        text.push_str(&format!("{rows:>5}: {runs}\n"));
    }
    text
}

#[test]
fn no_color_main_screen_has_no_colour_and_shows_the_selection_reversed() {
    let buffer = main_screen(&app(Pane::Groups), &Theme::no_color());
    for (i, cell) in buffer.content.iter().enumerate() {
        let (x, y) = buffer.pos_of(i);
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "cell {x},{y}");
    }
    // The selected group (I, the first row of the focused groups pane) is reversed and bold.
    let reversed_rows: Vec<u16> = (0..buffer.area.height)
        .filter(|&y| {
            (0..buffer.area.width).any(|x| buffer[(x, y)].modifier.contains(Modifier::REVERSED))
        })
        .collect();
    assert!(reversed_rows.contains(&0), "the header is reversed");
    assert!(reversed_rows.len() >= 2, "a selection is reversed: {reversed_rows:?}");
    assert_snapshot("no_color_main_screen_120x40", text_and_modifiers(&buffer));
    // The default theme does use colour, on the same screen.
    let coloured = main_screen(&app(Pane::Groups), &Theme::default());
    assert!(coloured.content.iter().any(|c| c.bg != Color::Reset));
}

#[test]
fn the_app_starts_with_the_first_problem_in_its_footer() {
    let (config, problems) = parse("(\n  theme: \"dark\",\n)");
    let (text, is_error) = config::summary(&problems).expect("a summary");
    let app = app(Pane::Groups).with_message(text, is_error);
    let buffer = main_screen(&app, &config.theme(None));
    // The message is longer than the screen is wide: it takes two rows above the keys, and
    // is there whole.
    let row =
        |y: u16| -> String { (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect() };
    let (first, second) = (row(37), row(38));
    assert!(first.starts_with(" ✗ config.ron:2:10: unknown theme \"dark\""), "{first}");
    assert!(second.trim_end().ends_with("using the defaults"), "{second}");
    assert!(app.message().is_some_and(|m| m.is_error));
}
