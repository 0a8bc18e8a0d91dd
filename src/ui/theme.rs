//! Colours and styles: the only place that names a colour.
//!
//! Three themes: `default`, `high-contrast` and `no-color`. No theme says anything by colour
//! alone: statuses have a symbol (✓ ◐ ○), the modified mark a word, and what colour also
//! marks carries a modifier too: the focused pane's border and title are bold, its selection
//! bold, matches underlined, errors bold on a background of their own.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::model::Status;

/// Every style the screens use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub modified: Style,
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub label: Style,
    pub muted: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub match_highlight: Style,
    pub emphasis: Style,
    pub key: Style,
    pub info: Style,
    pub error: Style,
    pub completed: Style,
    pub in_progress: Style,
    pub not_started: Style,
    pub gauge_empty: Style,
}

/// How many styles a theme has.
pub const STYLE_COUNT: usize = 18;

impl Default for Theme {
    fn default() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            modified: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            label: Style::new().fg(Color::Cyan).add_modifier(bold),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(bold),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            match_highlight: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::UNDERLINED),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
            info: Style::new().fg(Color::Green),
            error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(bold),
            completed: Style::new().fg(Color::Green),
            in_progress: Style::new().fg(Color::Yellow),
            not_started: Style::new().fg(Color::Red),
            gauge_empty: Style::new().fg(Color::DarkGray),
        }
    }
}

impl Theme {
    /// The names of the themes, as the configuration file writes them.
    pub const NAMES: [&'static str; 3] = ["default", "high-contrast", "no-color"];

    /// The theme of this name, if there is one.
    pub fn named(name: &str) -> Option<Theme> {
        match name {
            "default" => Some(Theme::default()),
            "high-contrast" => Some(Theme::high_contrast()),
            "no-color" => Some(Theme::no_color()),
            _ => None,
        }
    }

    /// The terminal's own foreground and background, black on white and black on yellow for
    /// what stands out, and bold and underline where the default theme has subtle greys.
    /// Readable on dark and light terminals alike.
    pub fn high_contrast() -> Theme {
        let bold = Modifier::BOLD;
        let underlined = Modifier::UNDERLINED;
        let on_white = Style::new().fg(Color::Black).bg(Color::White);
        let on_yellow = Style::new().fg(Color::Black).bg(Color::Yellow);
        Theme {
            header: on_white.add_modifier(bold),
            modified: on_yellow.add_modifier(bold),
            border: Style::new(),
            border_focused: Style::new().add_modifier(bold),
            title: Style::new().add_modifier(bold),
            label: Style::new().add_modifier(bold),
            muted: Style::new(),
            selected: on_yellow.add_modifier(bold),
            selected_unfocused: on_white,
            match_highlight: on_yellow.add_modifier(bold | underlined),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            key: Style::new().add_modifier(bold | underlined),
            info: Style::new().add_modifier(bold),
            error: on_yellow.add_modifier(bold | underlined),
            completed: Style::new().add_modifier(bold),
            in_progress: Style::new(),
            not_started: Style::new(),
            gauge_empty: Style::new(),
        }
    }

    /// No colour at all, only modifiers: the selection is reversed, the header too.
    pub fn no_color() -> Theme {
        let bold = Modifier::BOLD;
        let reversed = Modifier::REVERSED;
        Theme {
            header: Style::new().add_modifier(reversed),
            modified: Style::new().add_modifier(bold),
            border: Style::new(),
            border_focused: Style::new().add_modifier(bold),
            title: Style::new().add_modifier(bold),
            label: Style::new().add_modifier(bold),
            muted: Style::new(),
            selected: Style::new().add_modifier(reversed | bold),
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            match_highlight: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            key: Style::new().add_modifier(bold),
            info: Style::new(),
            error: Style::new().add_modifier(reversed | bold),
            completed: Style::new(),
            in_progress: Style::new(),
            not_started: Style::new(),
            gauge_empty: Style::new(),
        }
    }

    /// `line` as the selected row of a list: in the selection's style throughout, so no
    /// colour of its own (a grey remark, a yellow gauge) sits unreadably on the selection's
    /// background; text that brings its own background (a search match) keeps it. Unfocused,
    /// the selection only reverses the row's colours.
    pub fn selected_line<'a>(&self, line: Line<'a>, focused: bool) -> Line<'a> {
        if !focused {
            return line.style(self.selected_unfocused);
        }
        let spans = line.spans.into_iter().map(|mut span| {
            if span.style.bg.is_none() {
                span.style = span.style.patch(self.selected);
            }
            span
        });
        Line::from(spans.collect::<Vec<_>>()).style(self.selected)
    }

    /// The border of a pane, marked when it has the focus.
    pub fn pane_border(&self, focused: bool) -> Style {
        if focused { self.border_focused } else { self.border }
    }

    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Completed => self.completed,
            Status::InProgress => self.in_progress,
            Status::NotStarted => self.not_started,
        }
    }

    /// Every style with its name (the field's name), in declaration order.
    pub fn styles(&self) -> [(&'static str, Style); STYLE_COUNT] {
        let mut theme = self.clone();
        theme.styles_mut().map(|(name, style)| (name, *style))
    }

    /// Every style with its name, to change them.
    pub fn styles_mut(&mut self) -> [(&'static str, &mut Style); STYLE_COUNT] {
        // Destructured so that a new field cannot be forgotten here.
        let Theme {
            header,
            modified,
            border,
            border_focused,
            title,
            label,
            muted,
            selected,
            selected_unfocused,
            match_highlight,
            emphasis,
            key,
            info,
            error,
            completed,
            in_progress,
            not_started,
            gauge_empty,
        } = self;
        [
            ("header", header),
            ("modified", modified),
            ("border", border),
            ("border_focused", border_focused),
            ("title", title),
            ("label", label),
            ("muted", muted),
            ("selected", selected),
            ("selected_unfocused", selected_unfocused),
            ("match_highlight", match_highlight),
            ("emphasis", emphasis),
            ("key", key),
            ("info", info),
            ("error", error),
            ("completed", completed),
            ("in_progress", in_progress),
            ("not_started", not_started),
            ("gauge_empty", gauge_empty),
        ]
    }

    /// The style of this name, to change it.
    pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
        self.styles_mut().into_iter().find(|(n, _)| *n == name).map(|(_, style)| style)
    }

    /// The same theme with every colour taken out (the modifiers stay).
    pub fn without_colors(mut self) -> Theme {
        for (_, style) in self.styles_mut() {
            *style = without_color(*style);
        }
        self
    }
}

/// A style's modifiers without its colours.
pub fn without_color(style: Style) -> Style {
    Style { fg: None, bg: None, underline_color: None, ..style }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_themes_and_style_names() {
        for name in Theme::NAMES {
            assert!(Theme::named(name).is_some(), "{name}");
        }
        assert_eq!(Theme::named("solarized"), None);
        let mut theme = Theme::default();
        let selected = theme.styles().into_iter().find(|(name, _)| *name == "selected");
        assert_eq!(selected, Some(("selected", Theme::default().selected)));
        if let Some(style) = theme.style_mut("error") {
            *style = Style::new();
        }
        assert_eq!(theme.error, Style::new());
        assert!(theme.style_mut("nonsense").is_none());
    }

    #[test]
    fn no_color_has_no_colour_and_reverses_the_selection() {
        let theme = Theme::no_color();
        for (name, style) in theme.styles() {
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(
            Theme::default().without_colors().styles().map(|(_, s)| (s.fg, s.bg)),
            [(None, None); STYLE_COUNT]
        );
    }

    #[test]
    fn focus_errors_and_matches_are_not_told_by_colour_alone() {
        for theme in [Theme::default(), Theme::high_contrast(), Theme::no_color()] {
            let modifiers = |s: Style| s.add_modifier;
            assert_ne!(modifiers(theme.border_focused), modifiers(theme.border));
            assert_ne!(modifiers(theme.selected), modifiers(theme.selected_unfocused));
            assert_ne!(modifiers(theme.error), modifiers(theme.info));
            assert!(!modifiers(theme.match_highlight).is_empty());
        }
    }
}
