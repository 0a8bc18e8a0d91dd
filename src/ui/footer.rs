//! The footer: the message of the moment and the keys that work here.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Context as Ctx;
use crate::action::Action;
use crate::app::{App, Message, Mode};
use crate::i18n::{Texts, fill};
use crate::keymap::{self, Context};

/// The most rows a long message takes above the hints, so that it can be read whole.
const MESSAGE_ROWS: usize = 3;

/// The rows the footer takes on a screen of `area`: one for the keys, and above them one for
/// the message of the moment, or as many as a long one needs, up to `MESSAGE_ROWS`; on a
/// low screen one row in all.
pub fn height(app: &App, ctx: &Ctx, area: Rect) -> u16 {
    if area.height < 20 {
        return 1;
    }
    let rows = match (&app.mode(), &app.message()) {
        (Mode::Search { .. }, _) | (_, None) => 1,
        (_, Some(message)) => wrapped(Line::from(message_text(app, ctx, message)))
            .line_count(area.width)
            .clamp(1, MESSAGE_ROWS),
    };
    1 + rows as u16
}

/// The message as shown, with the keys it names; an error carries a sign as well as its
/// colour.
fn message_text(app: &App, ctx: &Ctx, message: &Message) -> String {
    let sign = if message.is_error { "✗ " } else { "" };
    format!(" {sign}{} ", ctx.keys(app, &message.text))
}

fn wrapped(line: Line<'_>) -> Paragraph<'_> {
    Paragraph::new(line).wrap(Wrap { trim: false })
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Ctx) {
    let theme = ctx.theme;
    let texts = app.texts();
    let message = app.message().map(|m| {
        let style = if m.is_error { theme.error } else { theme.info };
        Line::from(Span::styled(message_text(app, ctx, m), style))
    });
    let hints = hint_line(app, ctx, area.width);
    if area.height >= 2 {
        let [top, bottom] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let top_line = match (&app.mode(), message) {
            (Mode::Search { input, .. }, _) => search_line(input, texts, theme),
            (_, Some(message)) => message,
            (_, None) => status_line(app, ctx),
        };
        frame.render_widget(wrapped(top_line), top);
        frame.render_widget(Paragraph::new(hints), bottom);
    } else {
        let line = match (&app.mode(), message) {
            (Mode::Search { input, .. }, _) => search_line(input, texts, theme),
            (_, Some(message)) => message,
            (_, None) => hints,
        };
        frame.render_widget(Paragraph::new(line), area);
    }
}

fn search_line(input: &str, texts: &Texts, theme: &super::theme::Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!(" {} ", texts.search_prompt), theme.label),
        Span::raw(input.to_string()),
        Span::styled("█", theme.key),
    ])
}

/// What is active when nothing new happened: the search and its match.
fn status_line(app: &App, ctx: &Ctx) -> Line<'static> {
    let (texts, theme) = (app.texts(), ctx.theme);
    match &app.search() {
        Some(search) => {
            let at = search.current.map_or("–".to_string(), |i| (i + 1).to_string());
            let place = search.current_hit().map_or(String::new(), |hit| {
                format!(" · {}", crate::search::place(hit.field, app.report(), texts))
            });
            let status = fill(
                texts.match_status,
                &[("at", &at), ("total", &search.hits.len()), ("place", &place)],
            );
            Line::from(vec![
                Span::styled(format!(" “{}” ", search.query), theme.match_highlight),
                Span::styled(format!(" {}", ctx.keys(app, &status)), theme.muted),
            ])
        }
        None => Line::default(),
    }
}

/// The keys of the current context, as "key word" pairs; as many as fit in `width`, the
/// last one ("? help") kept, so nothing is cut in the middle of a word.
fn hint_line(app: &App, ctx: &Ctx, width: u16) -> Line<'static> {
    let contexts = keymap::contexts(app);
    let Some(&context) = contexts.first() else {
        return Line::default();
    };
    let mut items: Vec<(String, String)> = Vec::new();
    let read_only = app.read_only().is_some();
    for (actions, word) in keymap::hints(context) {
        // Keys that would be refused are not offered.
        if read_only && actions.iter().any(Action::changes_report) {
            continue;
        }
        let word = word(app.texts());
        let lookup = || contexts.iter().copied().chain([Context::Global]);
        let keys: Vec<String> =
            actions.iter().filter_map(|action| ctx.keymap.key_in(action, lookup())).collect();
        let keys = keymap::join_keys(&keys);
        if !keys.is_empty() {
            items.push((format!(" {keys}"), format!(" {word} ")));
        }
    }
    let size = |item: &(String, String)| (item.0.width() + item.1.width()) as u16;
    let last = items.pop();
    let mut room = width.saturating_sub(last.as_ref().map_or(0, size));
    let mut shown: Vec<(String, String)> = Vec::new();
    for item in items {
        if size(&item) > room {
            break;
        }
        room -= size(&item);
        shown.push(item);
    }
    shown.extend(last.filter(|item| size(item) <= width));
    let spans = shown
        .into_iter()
        .flat_map(|(keys, word)| {
            [Span::styled(keys, ctx.theme.key), Span::styled(word, ctx.theme.muted)]
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}
