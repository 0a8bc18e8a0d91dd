//! Windows drawn over the panes: the progress prompt, the remarks editor, the quit question
//! and the help.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::text::fit;
use super::{Context, ViewState};
use crate::action::Action;
use crate::app::{App, Mode};
use crate::keymap::{self, Context as KeyContext};
use crate::model::numeral;

pub fn draw(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let place = format!("{}.{}", numeral(app.group + 1), app.activity + 1);
    match &app.mode {
        Mode::Normal | Mode::Search { .. } => {}
        Mode::EditProgress(input) => {
            let area = body.centered(Constraint::Length(44.min(body.width)), Constraint::Length(5));
            let block = window(ctx, format!(" Progress of {place} "));
            let lines = vec![
                Line::from(vec![
                    Span::raw(" New progress: "),
                    Span::styled(format!("{input:>3}"), ctx.theme.title),
                    Span::styled("█", ctx.theme.key),
                    Span::raw(" %"),
                ]),
                Line::styled(
                    format!(
                        " now {}; a whole number from 0 to 100",
                        app.selected_activity().map(|a| a.progress).unwrap_or_default()
                    ),
                    ctx.theme.muted,
                ),
                key_line(app, ctx),
            ];
            show(frame, area, block, lines);
        }
        Mode::EditText(edit) => {
            let area = body.centered(
                Constraint::Percentage(if body.width < 100 { 100 } else { 80 }),
                Constraint::Percentage(if body.height < 20 { 100 } else { 80 }),
            );
            frame.render_widget(Clear, area);
            let how = if edit.is_multiline() { "Enter: new line" } else { "Enter: done" };
            let block = window(ctx, format!(" {} ({how}) ", capitalize(&edit.title())))
                .title_bottom(key_line(app, ctx));
            let inner = block.inner(area);
            frame.render_widget(block, area);
            frame.render_widget(&edit.area, inner);
        }
        Mode::ConfirmDelete { list, index } => {
            let area = body.centered(Constraint::Length(60.min(body.width)), Constraint::Length(5));
            let lines = vec![
                Line::from(format!(" Delete {}?", list.describe(*index))),
                Line::styled(" u undoes it afterwards", ctx.theme.muted),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, " Delete ".to_string()), lines);
        }
        Mode::ConfirmQuit => {
            let area = body.centered(Constraint::Length(52.min(body.width)), Constraint::Length(5));
            let lines = vec![
                Line::from(" The report has changes that are not saved."),
                Line::styled(format!(" {}", app.path.display()), ctx.theme.muted),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, " Quit ".to_string()), lines);
        }
        Mode::Conflict { missing } => {
            let area = body.centered(Constraint::Length(64.min(body.width)), Constraint::Length(7));
            let what = if *missing {
                "The file was deleted or moved since it was loaded."
            } else {
                "The file was changed by someone else since it was loaded."
            };
            let lines = vec![
                Line::from(format!(" {what}")),
                Line::styled(format!(" {}", app.path.display()), ctx.theme.muted),
                Line::from(" Nothing was saved; your edits are still here."),
                key_line(app, ctx),
            ];
            show(frame, area, window(ctx, " Not saved ".to_string()), lines);
        }
        Mode::SaveAs(input) => {
            prompt(frame, body, app, ctx, " Save as ", input, "a new file; it must not exist yet")
        }
        Mode::Threshold(input) => prompt(
            frame,
            body,
            app,
            ctx,
            " Threshold ",
            input,
            &format!("now {}; activities below it are behind (0–100)", app.threshold),
        ),
        Mode::PickBaseline(input) => prompt(
            frame,
            body,
            app,
            ctx,
            " Baseline: an earlier report to compare with ",
            input,
            "the path of a report file; empty stops comparing",
        ),
        Mode::Recover(offer) => {
            let height = (offer.lines.len().min(12) as u16 + 6).min(body.height);
            let area =
                body.centered(Constraint::Length(76.min(body.width)), Constraint::Length(height));
            let r = &offer.recovered;
            let mut lines = vec![
                Line::from(" Unsaved edits of this report were found:"),
                Line::styled(
                    format!(" made by pid {} on {} at {}", r.pid, r.host, r.time),
                    ctx.theme.muted,
                ),
            ];
            let shown = offer.lines.len().min(12);
            lines.extend(offer.lines.iter().take(shown).map(|l| Line::from(format!("   • {l}"))));
            if offer.lines.len() > shown {
                lines.push(Line::from(format!("   … and {} more", offer.lines.len() - shown)));
            }
            lines.push(key_line(app, ctx));
            show(frame, area, window(ctx, " Restore unsaved edits? ".to_string()), lines);
        }
        Mode::Help => draw_help(frame, body, app, ctx, view),
    }
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
    let area = body.centered(Constraint::Length(72.min(body.width)), Constraint::Length(5));
    let lines = vec![
        Line::from(vec![
            Span::raw(" "),
            Span::styled(input.to_string(), ctx.theme.title),
            Span::styled("█", ctx.theme.key),
        ]),
        Line::styled(format!(" {hint}"), ctx.theme.muted),
        key_line(app, ctx),
    ];
    show(frame, area, window(ctx, title.to_string()), lines);
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn window(ctx: &Context, title: String) -> Block<'static> {
    Block::bordered()
        .title(Span::styled(title, ctx.theme.title))
        .border_style(ctx.theme.border_focused)
}

fn show(frame: &mut Frame, area: Rect, block: Block, lines: Vec<Line>) {
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
}

/// The keys of the overlay's context, as in the footer.
fn key_line(app: &App, ctx: &Context) -> Line<'static> {
    let Some(&context) = keymap::contexts(app).first() else {
        return Line::default();
    };
    let spans = keymap::hints(context)
        .iter()
        .flat_map(|(actions, word)| {
            let keys: Vec<String> = actions
                .iter()
                .filter_map(|a| ctx.keymap.keys(context, a).into_iter().next())
                .collect();
            [
                Span::styled(format!(" {}", keymap::join_keys(&keys)), ctx.theme.key),
                Span::styled(format!(" {word} "), ctx.theme.muted),
            ]
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

fn draw_help(frame: &mut Frame, body: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let width = if body.width < 90 { body.width } else { 76 };
    let area = body.centered(Constraint::Length(width), Constraint::Percentage(100));
    let mut lines = Vec::new();
    for context in KeyContext::ALL {
        lines.push(Line::styled(context.title(), ctx.theme.label));
        let mut seen: Vec<&Action> = Vec::new();
        for binding in ctx.keymap.bindings(context) {
            if seen.contains(&&binding.action) {
                continue;
            }
            seen.push(&binding.action);
            let keys = ctx.keymap.keys(context, &binding.action).join(" ");
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit(&keys, 18)), ctx.theme.key),
                Span::raw(keymap::describe(&binding.action)),
            ]));
        }
        if context == KeyContext::Global {
            lines.push(Line::from(vec![
                Span::styled(format!("  {}", fit("mouse", 18)), ctx.theme.key),
                Span::raw("click selects, click again opens, wheel scrolls"),
            ]));
        }
        lines.push(Line::default());
    }
    let block = window(ctx, " Keys ".to_string()).title_bottom(key_line(app, ctx));
    let inner_height = block.inner(area).height as usize;
    view.viewport.help_max = lines.len().saturating_sub(inner_height);
    let scroll = app.help_scroll.min(view.viewport.help_max) as u16;
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
