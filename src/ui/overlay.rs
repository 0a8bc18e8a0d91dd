//! Windows drawn over the panes: the progress prompt, the remarks editor, the quit question
//! and the help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::text::fit;
use super::{Context, ViewState};
use crate::action::Action;
use crate::app::{App, Mode, Offer, ReviewStep, TextEdit};
use crate::check::Level;
use crate::edit::List;
use crate::i18n::{Describe, capitalize, fill};
use crate::import::Change;
use crate::keymap::{self, Context as KeyContext};
use crate::model::{Progress, numeral};
use crate::store::Caution;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let texts = app.texts();
    let place = format!("{}.{}", numeral(app.group() + 1), app.activity() + 1);
    match &app.mode() {
        Mode::Normal | Mode::Search { .. } => {}
        Mode::EditProgress(input) => {
            let now = app.selected_activity().map(|a| a.progress).unwrap_or_default();
            progress_prompt(frame, body, app, ctx, &place, input, now);
        }
        Mode::EditText(edit) => text_editor(frame, body, app, ctx, view, edit),
        Mode::ImportPath(input) => {
            prompt(frame, body, app, ctx, texts.import_title, input, texts.import_hint)
        }
        Mode::Review(review) => match review.step() {
            ReviewStep::Choosing => {}
            ReviewStep::EditText(edit) => text_editor(frame, body, app, ctx, view, edit),
            ReviewStep::EditProgress(input) => {
                let row = review.rows().get(review.selected());
                let (place, now) = match row.map(|r| (&r.proposal, &r.proposal.change)) {
                    Some((p, Change::Progress { activity, to, .. })) => {
                        (format!("{}.{}", numeral(p.group + 1), activity + 1), *to)
                    }
                    _ => (String::new(), Default::default()),
                };
                progress_prompt(frame, body, app, ctx, &place, input, now);
            }
            ReviewStep::Leaving => {
                let area = body.centered(wide(52, app, ctx, body), Constraint::Length(4));
                let lines =
                    vec![Line::from(format!(" {}", texts.review_leave)), key_line(app, ctx)];
                show(frame, area, window(ctx, texts.context_leave_review), lines);
            }
        },
        Mode::ConfirmDelete { list, index } => {
            let area = body.centered(wide(60, app, ctx, body), Constraint::Length(5));
            // The row being deleted stays in sight beside the question.
            let row = match list {
                List::Groups => {
                    row_on_screen(view.groups_rows, view.groups.selected(), view.groups.offset())
                }
                List::Activities(_) => {
                    row_on_screen(view.table_rows, view.table.selected(), view.table.offset())
                }
                _ => None,
            };
            let area = clear_of(area, row, body);
            // What is deleted, by its number and its words, so the question says which.
            let mut item = list.describe(*index, texts);
            if let Some(text) = list.text(app.report(), *index) {
                let line = super::text::first_line(&text);
                item = format!("{item} “{}”", super::text::ellipsize(line, 32));
            }
            let lines = vec![
                Line::from(format!(" {}", fill(texts.delete_question, &[("item", &item)]))),
                Line::styled(format!(" {}", ctx.keys(app, texts.delete_note)), ctx.theme.muted),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, texts.delete_title), lines);
        }
        Mode::ConfirmFormat { needs, .. } => {
            super::format_question::draw(frame, body, app, ctx, view, *needs)
        }
        Mode::ConfirmQuit => {
            let area = body.centered(wide(52, app, ctx, body), Constraint::Length(5));
            let lines = vec![
                Line::from(format!(" {}", texts.quit_unsaved)),
                Line::styled(format!(" {}", app.path().display()), ctx.theme.muted),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, texts.quit_title), lines);
        }
        Mode::Conflict { missing } => {
            let area = body.centered(wide(64, app, ctx, body), Constraint::Length(7));
            let what = if *missing { texts.conflict_missing } else { texts.conflict_changed };
            let lines = vec![
                Line::from(format!(" {what}")),
                Line::styled(format!(" {}", app.path().display()), ctx.theme.muted),
                Line::from(format!(" {}", texts.conflict_nothing_saved)),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, texts.conflict_title), lines);
        }
        Mode::ConfirmSave { caution, .. } => {
            let area = body.centered(wide(64, app, ctx, body), Constraint::Length(8));
            let name = app.file_name();
            let question = match caution {
                Caution::ReadOnly { mode } => {
                    fill(texts.ask_read_only, &[("name", &name), ("mode", &format!("{mode:04o}"))])
                }
                Caution::Layout(layout) => {
                    fill(texts.ask_layout, &[("name", &name), ("what", &layout.describe(texts))])
                }
            };
            let lines = vec![
                Line::from(format!(" {question}")),
                Line::styled(format!(" {}", app.path().display()), ctx.theme.muted),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, texts.ask_save_title), lines);
        }
        Mode::SaveAs(input) => {
            prompt(frame, body, app, ctx, texts.save_as_title, input, texts.save_as_hint)
        }
        Mode::Commit(commit) => super::commit::draw(frame, body, app, ctx, commit),
        Mode::Threshold(input) => prompt(
            frame,
            body,
            app,
            ctx,
            texts.threshold_title,
            input,
            &fill(texts.threshold_hint, &[("threshold", &app.threshold())]),
        ),
        Mode::GoTo(input) => {
            prompt(frame, body, app, ctx, texts.go_to_title, input, texts.go_to_hint)
        }
        Mode::PickBaseline(pick) => super::baseline::draw(frame, body, app, ctx, pick),
        Mode::Recover(offer) => recovery(frame, body, app, ctx, offer),
        Mode::Help => draw_help(frame, body, app, ctx, view),
        Mode::History(screen) => super::history::draw(frame, body, app, ctx, view, screen),
        Mode::Matches { selected } => {
            let (query, total) = app.search().map_or(("", 0), |s| (s.query.as_str(), s.hits.len()));
            let title = fill(texts.matches_title, &[("total", &total), ("query", &query)]);
            let block = window(ctx, title).title_bottom(key_line(app, ctx));
            super::matches::draw(frame, body, app, ctx, view, *selected, block);
        }
        Mode::ReviewReason { selected, reason } => {
            let finding = app.findings().and_then(|f| f.get(*selected));
            let (place, rule) =
                finding.map_or((String::new(), ""), |f| (f.place_in(texts), f.rule.title(texts)));
            let title = fill(texts.review_reason_title, &[("place", &place), ("rule", &rule)]);
            prompt(frame, body, app, ctx, &title, reason, texts.review_reason_hint)
        }
        Mode::Checks { selected } => {
            let findings = app.findings().unwrap_or_default();
            let count = |level| findings.iter().filter(|f| f.level == level).count();
            let title = fill(
                texts.checks_title,
                &[
                    ("count", &findings.len()),
                    ("errors", &count(Level::Error)),
                    ("warnings", &count(Level::Warning)),
                ],
            );
            let block = window(ctx, title).title_bottom(key_line(app, ctx));
            super::checks::draw(frame, body, app, ctx, view, *selected, block);
        }
    }
}

/// The progress prompt: the number typed, what it is now.
fn progress_prompt(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    place: &str,
    input: &str,
    now: Progress,
) {
    let texts = app.texts();
    let area = body.centered(wide(44, app, ctx, body), Constraint::Length(5));
    let block = window(ctx, fill(texts.progress_title, &[("place", &place)]));
    let lines = vec![
        Line::from(vec![
            Span::raw(format!(" {} ", texts.progress_new)),
            Span::styled(format!("{input:>3}"), ctx.theme.title),
            Span::styled("█", ctx.theme.key),
            Span::raw(" %"),
        ]),
        Line::styled(format!(" {}", fill(texts.progress_hint, &[("now", &now)])), ctx.theme.muted),
        key_line(app, ctx),
    ];
    show(frame, area, block, lines);
}

/// The text editor's window, titled with what it edits.
fn text_editor(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    view: &mut ViewState,
    edit: &TextEdit,
) {
    let texts = app.texts();
    let area = body.centered(
        Constraint::Percentage(if body.width < 100 { 100 } else { 80 }),
        Constraint::Percentage(if body.height < 20 { 100 } else { 80 }),
    );
    frame.render_widget(Clear, area);
    let how =
        if edit.is_multiline() { texts.editor_enter_new_line } else { texts.editor_enter_done };
    let block = window(ctx, format!("{} ({how})", capitalize(&edit.title_in(texts))))
        .title_bottom(key_line(app, ctx));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    super::editor::draw(frame, inner, edit, ctx.theme, view);
}

/// Where on screen the selected row of a list drawn in `rows` from `offset` is.
pub(super) fn row_on_screen(rows: Rect, selected: Option<usize>, offset: usize) -> Option<u16> {
    let at = u16::try_from(selected?.checked_sub(offset)?).ok()?;
    (at < rows.height).then_some(rows.y + at)
}

/// `area` moved off the screen row `row`, below it if there is room, else above it.
pub(super) fn clear_of(area: Rect, row: Option<u16>, body: Rect) -> Rect {
    let Some(row) = row.filter(|&y| (area.top()..area.bottom()).contains(&y)) else {
        return area;
    };
    if row + 1 + area.height <= body.bottom() {
        Rect { y: row + 1, ..area }
    } else if row >= body.top() + area.height {
        Rect { y: row - area.height, ..area }
    } else {
        area
    }
}

/// The offer to restore unsaved edits: the fields both they and the file changed first, then
/// the edits; as wide and as tall as its lines need, within the body.
fn recovery(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, offer: &Offer) {
    let texts = app.texts();
    let r = &offer.recovered;
    let made_by = fill(
        texts.recover_made_by,
        &[("pid", &r.pid), ("host", &r.host), ("time", &texts.local_time(&r.time))],
    );
    let mut lines = vec![
        Line::from(format!(" {}", texts.recover_found)),
        Line::styled(format!(" {made_by}"), ctx.theme.muted),
    ];
    if offer.file_changed {
        lines.push(Line::styled(format!(" {}", texts.recover_file_changed), ctx.theme.label));
    }
    // Conflicts first: they are what the user must read before restoring.
    let items = offer.conflicts.iter().map(|l| Line::styled(format!("   ⚠ {l}"), ctx.theme.error));
    let items: Vec<Line> =
        items.chain(offer.lines.iter().map(|l| Line::from(format!("   • {l}")))).collect();
    let shown = items.len().min(12);
    let more = items.len() - shown;
    lines.extend(items.into_iter().take(shown));
    if more > 0 {
        lines.push(Line::from(format!("   {}", fill(texts.recover_more, &[("count", &more)]))));
    }
    lines.push(key_line(app, ctx));
    // As wide as the longest line allows, and as tall as its lines wrap to.
    let longest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = u16::try_from(longest + 2).unwrap_or(u16::MAX).max(76).min(body.width);
    let wrapped = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
    let height = u16::try_from(wrapped.line_count(width.saturating_sub(2)) + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let area = body.centered(Constraint::Length(width.min(body.width)), Constraint::Length(height));
    show(frame, area, window(ctx, texts.recover_title), lines);
}

/// A one-line prompt: the text typed so far, a hint, the keys.
fn prompt(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    ctx: &Context,
    title: &str,
    input: &str,
    hint: &str,
) {
    let area = body.centered(wide(72, app, ctx, body), Constraint::Length(5));
    let lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(input.to_string(), ctx.theme.title),
            Span::styled("█", ctx.theme.key),
        ]),
        Line::styled(format!(" {hint}"), ctx.theme.muted),
        key_line(app, ctx),
    ];
    show(frame, area, window(ctx, title), lines);
}

/// A window's width: `width`, or more where its keys need it (longer words than English
/// have), never more than the body.
pub(super) fn wide(width: u16, app: &App, ctx: &Context, body: Rect) -> Constraint {
    Constraint::Length(width_for(width, app, ctx, body))
}

/// The width `wide` gives, in cells.
pub(super) fn width_for(width: u16, app: &App, ctx: &Context, body: Rect) -> u16 {
    let keys = u16::try_from(key_line(app, ctx).width()).unwrap_or(u16::MAX);
    width.max(keys.saturating_add(2)).min(body.width)
}

/// A window over the panes, titled `title` (padded here).
pub(super) fn window(ctx: &Context, title: impl std::fmt::Display) -> Block<'static> {
    Block::bordered()
        .title(Span::styled(format!(" {title} "), ctx.theme.title))
        .border_style(ctx.theme.border_focused)
}

pub(super) fn show(frame: &mut Frame, area: Rect, block: Block, lines: Vec<Line>) {
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// The keys of the overlay's context, as in the footer.
pub(super) fn key_line(app: &App, ctx: &Context) -> Line<'static> {
    let Some(&context) = keymap::contexts(app).first() else {
        return Line::default();
    };
    let spans = keymap::hints(context)
        .iter()
        .flat_map(|(actions, word)| {
            let word = word(app.texts());
            let keys: Vec<String> =
                actions.iter().filter_map(|a| ctx.keymap.key_in(a, [context])).collect();
            [
                Span::styled(format!(" {}", keymap::join_keys(&keys)), ctx.theme.key),
                Span::styled(format!(" {word} "), ctx.theme.muted),
            ]
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// The width of the help's column of keys, its indent included.
const KEYS_WIDTH: u16 = 20;

fn draw_help(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let width = if body.width < 90 { body.width } else { 76 };
    let area = body.centered(Constraint::Length(width), Constraint::Percentage(100));
    let texts = app.texts();
    // The keys and what they do, each wrapped under itself where it is long or the window
    // is narrow.
    let room = width.saturating_sub(2 + KEYS_WIDTH).max(10);
    let keys_room = usize::from(KEYS_WIDTH) - 2;
    let entry = |keys: &str, what: &str| -> Vec<Line<'static>> {
        let pieces = |text: &str, room: u16| -> Vec<String> {
            let wrapped = crate::wrap::Wrapped::new(text, room);
            wrapped.lines.iter().map(|l| text[l.start..l.end].trim().to_string()).collect()
        };
        let (keys, what) = (pieces(keys, KEYS_WIDTH - 2), pieces(what, room));
        (0..keys.len().max(what.len()))
            .map(|i| {
                let key = keys.get(i).map_or(String::new(), |k| fit(k, keys_room));
                Line::from(vec![
                    Span::styled(format!("  {key:<keys_room$}"), ctx.theme.key),
                    Span::raw(what.get(i).cloned().unwrap_or_default()),
                ])
            })
            .collect()
    };
    let mut lines = Vec::new();
    for context in KeyContext::all() {
        lines.push(Line::styled(context.title_in(texts), ctx.theme.label));
        let mut seen: Vec<&Action> = Vec::new();
        for binding in ctx.keymap.bindings(context) {
            if seen.contains(&&binding.action) {
                continue;
            }
            seen.push(&binding.action);
            let keys = ctx.keymap.keys(context, &binding.action).join(" ");
            lines.extend(entry(&keys, keymap::describe_in(context, &binding.action, texts)));
        }
        if context == KeyContext::Global {
            lines.extend(entry(texts.help_mouse, texts.help_mouse_text));
        }
        if context == KeyContext::EditText {
            lines.push(Line::styled(format!("  {}", texts.help_editor_own_keys), ctx.theme.label));
            for (keys, what) in keymap::editor_keys(texts) {
                lines.extend(entry(&keys, what));
            }
        }
        lines.push(Line::default());
    }
    let block = window(ctx, texts.help_title).title_bottom(key_line(app, ctx));
    let inner_height = block.inner(area).height as usize;
    view.viewport.help_max = lines.len().saturating_sub(inner_height);
    let scroll = app.help_scroll().min(view.viewport.help_max) as u16;
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
