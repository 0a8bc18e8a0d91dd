//! The review of a returned update sheet: one line per proposed change (accepted or not,
//! its place, what it changes, its new value), the selected change in full below (a text
//! as a word diff), then the cells the sheet had refused and what else to know.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, HighlightSpacing, List, ListItem, Paragraph, Wrap};

use super::{Context, ViewState};
use crate::app::{App, Review, ReviewRow};
use crate::columns::{ellipsize, pad};
use crate::compare::{Words, word_diff};
use crate::i18n::{Texts, fill};
use crate::import::Change;
use crate::model::numeral;
use crate::printable::printable;

/// Columns of the place (`VIII.12`) and of what changes (`description`).
const PLACE: usize = 8;
const WHAT: usize = 13;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    review: &Review,
    ctx: &Context,
    view: &mut ViewState,
) {
    let texts = app.texts();
    let title = fill(
        texts.review_title,
        &[
            ("source", &printable(&review.source())),
            ("accepted", &review.accepted()),
            ("total", &review.rows().len()),
        ],
    );
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), ctx.theme.title))
        .border_style(ctx.theme.border_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let others = others(review, texts, ctx);
    let rows = u16::try_from(review.rows().len()).unwrap_or(u16::MAX);
    // The refused cells and notes as they wrap, up to a third of the screen.
    let others = Paragraph::new(others).wrap(Wrap { trim: false });
    let others_height =
        u16::try_from(others.line_count(inner.width)).unwrap_or(u16::MAX).min(inner.height / 3);
    let list_height = rows.min(inner.height.saturating_sub(others_height) / 2).max(1);
    let [list_area, detail_area, others_area] = Layout::vertical([
        Constraint::Length(list_height),
        Constraint::Min(0),
        Constraint::Length(others_height),
    ])
    .areas(inner);

    let width = usize::from(list_area.width).saturating_sub(1);
    let items: Vec<ListItem> =
        review.rows().iter().map(|row| ListItem::new(row_line(row, texts, width, ctx))).collect();
    view.review.select(Some(review.selected()));
    frame.render_stateful_widget(
        // A sign as well as a colour, so the selected row shows without colours too.
        List::new(items)
            .highlight_style(ctx.theme.selected)
            .highlight_symbol("▶")
            .highlight_spacing(HighlightSpacing::Always),
        list_area,
        &mut view.review,
    );
    view.overview_rows = list_area;

    if let Some(row) = review.rows().get(review.selected()) {
        let mut lines = detail(row, texts, ctx);
        for note in review.notes_for_selected() {
            lines.push(Line::styled(format!("⚠ {}", printable(note)), ctx.theme.label));
        }
        let detail_area = Rect { y: detail_area.y + 1, ..detail_area }.intersection(detail_area);
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), detail_area);
    }
    frame.render_widget(others, others_area);
}

/// One proposed change on one line: `✓ VIII.7   progress     8% → 40%`.
fn row_line(row: &ReviewRow, texts: &Texts, width: usize, ctx: &Context) -> Line<'static> {
    let (mark, style) =
        if row.accepted { ("✓", ctx.theme.completed) } else { ("✗", ctx.theme.muted) };
    let g = numeral(row.proposal.group + 1);
    let place = match row.proposal.change.activity() {
        Some(a) => format!("{g}.{}", a + 1),
        None => g,
    };
    let (what, value) = summary(&row.proposal.change, texts);
    let edited = if row.edited { format!(" ({})", texts.review_edited) } else { String::new() };
    let room = width.saturating_sub(2 + PLACE + WHAT + edited.chars().count());
    let text_style = if row.accepted { Style::default() } else { ctx.theme.muted };
    Line::from(vec![
        Span::styled(format!("{mark} "), style),
        Span::styled(pad(&place, PLACE), ctx.theme.label),
        Span::styled(pad(&what, WHAT), text_style),
        Span::styled(ellipsize(&value, room), text_style),
        Span::styled(edited, ctx.theme.muted),
    ])
}

/// What a change changes, and its new value in one line.
fn summary(change: &Change, texts: &Texts) -> (String, String) {
    let one_line = |text: &str| {
        if text.trim().is_empty() {
            texts.review_empty.to_string()
        } else {
            printable(&text.replace('\n', " ¶ ")).into_owned()
        }
    };
    match change {
        Change::Progress { from, to, .. } => (texts.progress.into(), format!("{from} → {to}")),
        Change::Remarks { to, .. } => (texts.remarks.into(), one_line(to)),
        Change::Description { to, .. } => (texts.description.into(), one_line(to)),
        Change::Topic { to, .. } => (texts.topic.into(), one_line(to.as_deref().unwrap_or(""))),
        Change::New(activity) => (
            texts.review_new_activity.into(),
            format!("{} {}", activity.progress, one_line(&activity.description)),
        ),
    }
}

/// The selected change in full: a text as the words taken out and put in.
fn detail(row: &ReviewRow, texts: &Texts, ctx: &Context) -> Vec<Line<'static>> {
    let label = |text: &str| Span::styled(format!("{text}: "), ctx.theme.label);
    let plain = |text: &str| Span::raw(printable(text).into_owned());
    match &row.proposal.change {
        Change::Progress { from, to, .. } => vec![Line::from(vec![
            label(texts.review_now),
            Span::raw(format!("{from}   ")),
            label(texts.review_proposed),
            Span::styled(to.to_string(), ctx.theme.title),
        ])],
        Change::Remarks { from, to, .. } | Change::Description { from, to, .. } => {
            diff_lines(from, to, texts, ctx)
        }
        Change::Topic { from, to, .. } => vec![
            Line::from(vec![
                label(texts.review_now),
                plain(from.as_deref().unwrap_or(texts.review_empty)),
            ]),
            Line::from(vec![
                label(texts.review_proposed),
                plain(to.as_deref().unwrap_or(texts.review_empty)),
            ]),
        ],
        Change::New(activity) => {
            let mut lines = vec![
                Line::from(vec![label(texts.description), plain(&activity.description)]),
                Line::from(vec![label(texts.progress), Span::raw(activity.progress.to_string())]),
            ];
            if let Some(topic) = &activity.topic {
                lines.push(Line::from(vec![label(texts.topic), plain(topic)]));
            }
            if !activity.remarks.is_empty() {
                lines.push(Line::from(vec![label(texts.remarks), plain(&activity.remarks)]));
            }
            lines
        }
    }
}

/// `from` turned into `to`, word by word: the words taken out `[-so-]`, those put in
/// `{+so+}`, as the command line writes them, so the change reads without colours too.
fn diff_lines(from: &str, to: &str, texts: &Texts, ctx: &Context) -> Vec<Line<'static>> {
    let mut lines = vec![Line::default()];
    let mut push = |text: String, style: Style| {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            if let Some(line) = lines.last_mut() {
                line.push_span(Span::styled(part.to_string(), style));
            }
        }
    };
    if to.trim().is_empty() {
        push(format!("{} ", texts.review_proposed), ctx.theme.label);
        push(texts.review_empty.to_string(), ctx.theme.error);
        push("\n".into(), Style::default());
    }
    for run in word_diff(from, to) {
        let clean = |t: &str| {
            t.split('\n').map(|l| printable(l).into_owned()).collect::<Vec<_>>().join("\n")
        };
        match run {
            Words::Same(t) => push(clean(t), Style::default()),
            Words::Removed(t) => push(format!("[-{}-]", clean(t)), ctx.theme.error),
            Words::Added(t) => push(format!("{{+{}+}}", clean(t)), ctx.theme.completed),
        }
    }
    lines
}

/// The cells the sheet refused, then the notes: never hidden, as they are what was not
/// taken.
fn others(review: &Review, texts: &Texts, ctx: &Context) -> Vec<Line<'static>> {
    let import = review.import();
    let mut lines = Vec::new();
    if !import.refusals.is_empty() {
        lines.push(Line::styled(texts.review_refused.to_string(), ctx.theme.label));
        for refusal in &import.refusals {
            let text = format!("  {}: {}", refusal.place, refusal.message);
            lines.push(Line::styled(printable(&text).into_owned(), ctx.theme.error));
        }
    }
    if !import.notes.is_empty() {
        lines.push(Line::styled(texts.review_notes.to_string(), ctx.theme.label));
        for note in &import.notes {
            lines.push(Line::styled(format!("  {}", printable(note)), ctx.theme.muted));
        }
    }
    lines
}
