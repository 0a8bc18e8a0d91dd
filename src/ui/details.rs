//! The details form: a group's or the report's fields, one row each.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, List, ListItem};

use super::text::{ellipsize, fit};
use super::window::{mark_overflow, reach};
use super::{Context, ViewState};
use crate::app::{App, DetailsOf, RowKind};
use crate::i18n::fill;
use crate::model::numeral;

const LABEL_WIDTH: usize = 20;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    let theme = ctx.theme;
    let texts = app.texts();
    let title = match app.details().of {
        DetailsOf::Report => fill(texts.details_report_title, &[("symbol", &app.report().symbol)]),
        DetailsOf::Group(g) => {
            let topic = app.report().groups.get(g).map_or("", |x| x.topic.as_str());
            fill(texts.details_group_title, &[("numeral", &numeral(g + 1)), ("topic", &topic)])
        }
    };
    let title = format!(" {}{title} ", super::focus_sign(true));
    let block = Block::bordered()
        .title(Span::styled(title, theme.title))
        .border_style(theme.border_focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    view.overview_rows = inner;
    let rows = app.detail_rows();
    let selected = app.details().row;
    let shows = reach(view.details.offset_mut(), rows.len(), selected, inner.height as usize);
    view.details.select(Some(selected));
    let value_width = (inner.width as usize).saturating_sub(LABEL_WIDTH + 1);
    let items: Vec<ListItem> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if !shows(i) {
                return ListItem::new(Text::default());
            }
            let line = match &row.kind {
                RowKind::Heading => Line::styled(row.label.clone(), theme.label),
                RowKind::Add(_) => Line::styled(row.label.clone(), theme.muted),
                RowKind::Said => Line::from(vec![
                    Span::styled(fit(&row.label, LABEL_WIDTH), theme.label),
                    Span::raw(" "),
                    Span::styled(ellipsize(&row.value, value_width), theme.muted),
                ]),
                // The key that moves the file on, as bound now.
                RowKind::Format => Line::from(vec![
                    Span::styled(fit(&row.label, LABEL_WIDTH), theme.label),
                    Span::raw(" "),
                    Span::raw(ellipsize(&ctx.keys(app, &row.value), value_width)),
                ]),
                _ => {
                    // One line per row: the first paragraph, cut; Enter shows all of it.
                    let first = row.value.split('\n').next().unwrap_or("");
                    let more = if row.value.contains('\n') { " …" } else { "" };
                    let value = if row.value.is_empty() {
                        Span::styled(texts.empty_value, theme.muted)
                    } else {
                        Span::raw(ellipsize(&format!("{first}{more}"), value_width))
                    };
                    Line::from(vec![
                        Span::styled(fit(&row.label, LABEL_WIDTH), theme.label),
                        Span::raw(" "),
                        value,
                    ])
                }
            };
            ListItem::new(if i == selected { theme.selected_line(line, true) } else { line })
        })
        .collect();
    frame.render_stateful_widget(List::new(items), inner, &mut view.details);
    let offset = view.details.offset();
    mark_overflow(frame, inner, offset, rows.len(), theme.border_focused, app, theme);
}
