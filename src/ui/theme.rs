//! Colours and styles: the only place that names a colour.

use ratatui::style::{Color, Modifier, Style};

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

impl Default for Theme {
    fn default() -> Theme {
        Theme {
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            modified: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
            label: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            match_highlight: Style::new().fg(Color::Black).bg(Color::Yellow),
            emphasis: Style::new().add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            info: Style::new().fg(Color::Green),
            error: Style::new().fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            completed: Style::new().fg(Color::Green),
            in_progress: Style::new().fg(Color::Yellow),
            not_started: Style::new().fg(Color::Red),
            gauge_empty: Style::new().fg(Color::DarkGray),
        }
    }
}

impl Theme {
    pub fn status(&self, status: Status) -> Style {
        match status {
            Status::Completed => self.completed,
            Status::InProgress => self.in_progress,
            Status::NotStarted => self.not_started,
        }
    }
}
