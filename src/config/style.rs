//! Styles: changes to the theme's styles, the theme a configuration gives, and how styles and
//! colours are written.

use std::ffi::OsStr;

use ratatui::style::{Color, Modifier, Style};

use super::{Config, no_color};
use crate::ui::theme::{Theme, without_color};

/// A change to one style of the theme: what is given replaces the theme's, the rest stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleOverride {
    /// The style's name, a field of [`Theme`].
    pub name: &'static str,
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reversed: Option<bool>,
}

impl StyleOverride {
    /// `style` with this change.
    pub fn apply(&self, mut style: Style) -> Style {
        if let Some(fg) = self.fg {
            style.fg = Some(fg);
        }
        if let Some(bg) = self.bg {
            style.bg = Some(bg);
        }
        for (set, modifier) in [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
        ] {
            match set {
                Some(true) => style = style.add_modifier(modifier),
                // Not added by this style; what it is drawn over may still have it.
                Some(false) => style.add_modifier.remove(modifier),
                None => {}
            }
        }
        style
    }
}

impl Config {
    /// The theme: the named one with the style changes, or no colour at all when `NO_COLOR`
    /// (its value passed in) asks for it, whatever the configuration says (the changes then
    /// keep only their modifiers).
    pub fn theme(&self, no_color_env: Option<&OsStr>) -> Theme {
        let plain = no_color(no_color_env);
        let mut theme =
            if plain { Theme::no_color() } else { Theme::named(&self.theme).unwrap_or_default() };
        for change in &self.styles {
            if let Some(style) = theme.style_mut(change.name) {
                *style = change.apply(*style);
                if plain {
                    *style = without_color(*style);
                }
            }
        }
        theme
    }
}

/// A style as the configuration file writes it: `(fg: "black", bg: "cyan", bold: true)`.
pub fn style_text(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(format!("fg: {:?}", colour_name(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg: {:?}", colour_name(bg)));
    }
    for (word, modifier) in [
        ("bold", Modifier::BOLD),
        ("italic", Modifier::ITALIC),
        ("underline", Modifier::UNDERLINED),
        ("reversed", Modifier::REVERSED),
    ] {
        if style.add_modifier.contains(modifier) {
            parts.push(format!("{word}: true"));
        }
    }
    format!("({})", parts.join(", "))
}

/// A colour's name as the configuration file writes it.
pub fn colour_name(colour: Color) -> String {
    match colour {
        Color::Reset => "reset".into(),
        Color::Black => "black".into(),
        Color::Red => "red".into(),
        Color::Green => "green".into(),
        Color::Yellow => "yellow".into(),
        Color::Blue => "blue".into(),
        Color::Magenta => "magenta".into(),
        Color::Cyan => "cyan".into(),
        Color::Gray => "gray".into(),
        Color::DarkGray => "dark gray".into(),
        Color::LightRed => "light red".into(),
        Color::LightGreen => "light green".into(),
        Color::LightYellow => "light yellow".into(),
        Color::LightBlue => "light blue".into(),
        Color::LightMagenta => "light magenta".into(),
        Color::LightCyan => "light cyan".into(),
        Color::White => "white".into(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(n) => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::str::FromStr;

    #[test]
    fn colour_names_read_back() {
        for colour in [Color::DarkGray, Color::LightCyan, Color::Rgb(1, 2, 255), Color::Indexed(7)]
        {
            assert_eq!(Color::from_str(&colour_name(colour)), Ok(colour));
        }
    }

    #[test]
    fn an_override_replaces_what_it_gives() {
        let change = StyleOverride {
            name: "selected",
            fg: Some(Color::Red),
            bg: None,
            bold: Some(false),
            italic: None,
            underline: Some(true),
            reversed: None,
        };
        let style = change.apply(Style::new().bg(Color::Cyan).add_modifier(Modifier::BOLD));
        assert_eq!(
            style,
            Style::new().fg(Color::Red).bg(Color::Cyan).add_modifier(Modifier::UNDERLINED)
        );
    }
}
