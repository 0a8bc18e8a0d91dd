//! The conflicts screen: each conflict a merge left in the file, in its place, with ours,
//! theirs and what it was; below, the selected one in full, its texts as word diffs
//! against what they were.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, Paragraph, Wrap};

use super::{Context, ViewState, pane};
use crate::app::{App, brief, label};
use crate::compare::{Words, word_diff};
use crate::edit::Choice;
use crate::i18n::{Texts, fill};
use crate::merge::Value;
use crate::printable::printable;
use crate::store::MarkedConflict;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let (texts, theme) = (app.texts(), ctx.theme);
    let conflicts = app.document().conflicts();
    let list_height = (conflicts.len() as u16 + 2).clamp(3, area.height / 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(list_height), Constraint::Min(0)]).areas(area);
    let title = fill(texts.conflicts_title, &[("count", &app.document().conflicts_left())]);
    let inner = pane(frame, top, &title, true, theme);
    view.overview_rows = inner;
    let items: Vec<ListItem> = conflicts
        .iter()
        .enumerate()
        .map(|(i, (marked, resolved))| {
            let line = Line::from(summary(app, marked, *resolved));
            let line = match resolved {
                Some(_) => line.style(theme.muted),
                None => line,
            };
            ListItem::new(if i == app.selected_conflict() {
                theme.selected_line(line, true)
            } else {
                line
            })
        })
        .collect();
    view.conflicts.select(Some(app.selected_conflict()));
    frame.render_stateful_widget(List::new(items), inner, &mut view.conflicts);
    let Some((marked, resolved)) = conflicts.get(app.selected_conflict()) else { return };
    let place = label(&marked.conflict, app.report(), texts);
    let line = fill(texts.conflicts_line, &[("line", &marked.line)]);
    let inner = pane(frame, bottom, &format!("{place} · {line}"), false, theme);
    let mut lines = Vec::new();
    if let Some(choice) = resolved {
        let kept = kept_word(*choice, texts);
        lines.push(Line::styled(format!("✓ {kept}"), theme.completed));
    }
    let c = &marked.conflict;
    for (word, value, style) in [
        (texts.conflict_ours, &c.ours, theme.label),
        (texts.conflict_theirs, &c.theirs, theme.label),
    ] {
        let mut spans = vec![Span::styled(format!("{word:<8}"), style)];
        spans.extend(against(&c.base, value, app, ctx));
        lines.push(Line::from(spans));
    }
    // A text's diffs hold what it was; any other value is said as it was.
    if !is_text(&c.base) {
        let was = printable(&full(&c.base, texts)).into_owned();
        lines.push(Line::from(vec![
            Span::styled(format!("{:<8}", texts.conflict_was), theme.label),
            Span::styled(was, theme.muted),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// One line of the list: the mark, the place and the three values in short.
fn summary(app: &App, marked: &MarkedConflict, resolved: Option<Choice>) -> String {
    let texts = app.texts();
    let c = &marked.conflict;
    let mark = match resolved {
        Some(choice) => format!("✓ {:<7}", kept_word(choice, texts)),
        None => format!("● {:<7}", ""),
    };
    let place = label(c, app.report(), texts);
    // Texts differ in words the pane below shows; in a line they would read alike.
    if is_text(&c.base) {
        return format!(" {mark} {place}");
    }
    format!(
        " {mark} {place}: {} {}, {} {}, {} {}",
        texts.conflict_ours,
        printable(&brief(&c.ours, texts)),
        texts.conflict_theirs,
        printable(&brief(&c.theirs, texts)),
        texts.conflict_was,
        printable(&brief(&c.base, texts)),
    )
}

fn is_text(value: &Value) -> bool {
    matches!(value, Value::Text(_) | Value::Topic(_))
}

fn kept_word(choice: Choice, texts: &Texts) -> &'static str {
    match choice {
        Choice::Ours => texts.conflict_ours,
        Choice::Theirs => texts.conflict_theirs,
        Choice::Edited => texts.conflict_edited,
    }
}

/// A side's value as changed from `base`: a text word by word (removed words as `[-…-]`,
/// added as `{+…+}`, so the change reads without colour too), anything else in full.
fn against(base: &Value, value: &Value, app: &App, ctx: &Context) -> Vec<Span<'static>> {
    let theme = ctx.theme;
    let text = |v: &Value| match v {
        Value::Text(t) | Value::Topic(Some(t)) => Some(t.clone()),
        Value::Topic(None) => Some(String::new()),
        _ => None,
    };
    let (Some(old), Some(new)) = (text(base), text(value)) else {
        return vec![Span::raw(printable(&full(value, app.texts())).into_owned())];
    };
    let span = |t: &str, style: Style| Span::styled(printable(t).into_owned(), style);
    word_diff(&old, &new)
        .into_iter()
        .map(|run| match run {
            Words::Same(t) => span(t, Style::default()),
            Words::Removed(t) => span(&format!("[-{t}-]"), theme.error),
            Words::Added(t) => span(&format!("{{+{t}+}}"), theme.completed),
        })
        .collect()
}

/// A value in full, as far as one line tells it: a text whole, a list's items joined.
fn full(value: &Value, texts: &Texts) -> String {
    match value {
        Value::Text(text) | Value::Topic(Some(text)) => text.clone(),
        Value::Texts(items) => items.join(" · "),
        Value::Coordinators(items) => items
            .iter()
            .map(|c| format!("{}: {}", c.country, c.institution))
            .collect::<Vec<_>>()
            .join(" · "),
        Value::Sections(sections) => sections
            .iter()
            .map(|s| s.heading.clone().unwrap_or_default())
            .collect::<Vec<_>>()
            .join(" · "),
        other => brief(other, texts),
    }
}
