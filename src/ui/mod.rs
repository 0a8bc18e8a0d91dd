//! Drawing: a pure function of the app state. It may only write the view state (scroll
//! offsets and the areas the mouse can hit).

mod activity;
mod baseline;
mod checks;
mod commit;
mod conflicts;
mod details;
mod editor;
mod footer;
mod format_question;
mod group;
mod groups;
mod header;
mod history;
mod matches;
mod overlay;
mod overview;
pub mod remarks;
mod review;
pub mod text;
pub mod theme;
mod window;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{ListState, Paragraph, TableState};

use crate::action::{Pane, Viewport};
use crate::app::{App, Mode};
use crate::keymap::Keymap;
use theme::Theme;

/// The smallest screen the app draws on; below it a notice asks for more room.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this width only the focused pane is shown.
const TWO_PANES_WIDTH: u16 = 90;

/// What drawing remembers between frames: the lists' and the table's state (their offsets)
/// and where things were drawn.
#[derive(Debug, Clone, Default)]
pub struct ViewState {
    /// The groups pane, and the rows it had.
    pub groups: ListState,
    pub groups_rows: Rect,
    /// The activity table, and the rows it had (below its header).
    pub table: TableState,
    pub table_rows: Rect,
    /// The area of the activity view.
    pub activity_area: Rect,
    /// The group's title, coordinators and objectives above its table.
    pub info_area: Rect,
    /// The overview's groups and behind activities, the details form, and the rows of the
    /// one in focus.
    pub overview: ListState,
    pub behind: ListState,
    pub details: ListState,
    pub conflicts: ListState,
    pub overview_rows: Rect,
    /// The review of a returned sheet's changes.
    pub review: ListState,
    /// The first row shown of the list of matches, and of the history.
    pub matches_offset: usize,
    pub history_offset: usize,
    /// The first row shown of the list of the checks' findings.
    pub checks_offset: usize,
    /// The first row of the text editor shown.
    pub editor_scroll: usize,
    /// Sizes that movement needs, sent to the app when they change.
    pub viewport: Viewport,
}

/// Everything drawing needs besides the app.
pub struct Context<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
}

impl Context<'_> {
    /// `text` with the keys it names (`{key:undo}`) as they work in the app's state now.
    pub fn keys(&self, app: &App, text: &str) -> String {
        self.keymap.fill_keys(text, crate::keymap::contexts(app))
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, ctx: &Context, view: &mut ViewState) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = crate::i18n::fill(
            app.texts().too_small,
            &[
                ("width", &area.width),
                ("height", &area.height),
                ("min_width", &MIN_WIDTH),
                ("min_height", &MIN_HEIGHT),
            ],
        );
        frame.render_widget(
            Paragraph::new(Line::from(notice)).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let footer_height = footer::height(app, ctx, area);
    let [header_area, body, footer_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(footer_height),
    ])
    .areas(area);
    header::draw(frame, header_area, app, ctx.theme);
    draw_body(frame, body, app, ctx, view);
    footer::draw(frame, footer_area, app, ctx);
    overlay::draw(frame, body, app, ctx, view);
}

fn draw_body(frame: &mut Frame, area: Rect, app: &App, ctx: &Context, view: &mut ViewState) {
    view.groups_rows = Rect::default();
    view.table_rows = Rect::default();
    view.activity_area = Rect::default();
    view.info_area = Rect::default();
    view.overview_rows = Rect::default();
    view.viewport.detail_width = activity_width(area);
    if let Mode::Review(review) = app.mode() {
        review::draw(frame, area, app, review, ctx, view);
        view.viewport.page = view.overview_rows.height.max(1) as usize;
        return;
    }
    if matches!(app.focus(), Pane::Overview | Pane::Details | Pane::Conflicts) {
        match app.focus() {
            Pane::Overview => overview::draw(frame, area, app, ctx, view),
            Pane::Details => details::draw(frame, area, app, ctx, view),
            _ => conflicts::draw(frame, area, app, ctx, view),
        }
        view.viewport.page = view.overview_rows.height.max(1) as usize;
        return;
    }
    let (groups_area, right) = if area.width >= TWO_PANES_WIDTH {
        let [left, right] =
            Layout::horizontal([Constraint::Length(groups_width(area)), Constraint::Min(0)])
                .areas(area);
        (Some(left), Some(right))
    } else if app.focus() == Pane::Groups {
        (Some(area), None)
    } else {
        (None, Some(area))
    };
    if let Some(left) = groups_area {
        groups::draw(frame, left, app, ctx, view);
    }
    if let Some(right) = right {
        if app.focus() == Pane::Activity {
            activity::draw(frame, right, app, ctx, view);
        } else {
            group::draw(frame, right, app, ctx, view);
        }
    }
    view.viewport.page = match app.focus() {
        Pane::Groups => view.groups_rows.height,
        Pane::Activities => view.table_rows.height,
        Pane::Activity => view.activity_area.height,
        Pane::Overview | Pane::Details | Pane::Conflicts => view.overview_rows.height,
    }
    .max(1) as usize;
}

/// The width of the groups pane beside another.
fn groups_width(area: Rect) -> u16 {
    (area.width / 3).clamp(30, 46)
}

/// The width of the activity view's text in a body of `area`, where it is shown or would
/// be: its remarks are wrapped at it before it opens.
fn activity_width(area: Rect) -> u16 {
    let right =
        if area.width >= TWO_PANES_WIDTH { area.width - groups_width(area) } else { area.width };
    right.saturating_sub(2)
}

/// The sign before the title of the pane with the focus, so the border's colour is not the
/// only cue.
pub fn focus_sign(focused: bool) -> &'static str {
    if focused { "▶ " } else { "" }
}

/// Draws a bordered pane titled `title`, its border marked when it has the focus; returns
/// the area inside.
pub fn pane(frame: &mut Frame, area: Rect, title: &str, focused: bool, theme: &Theme) -> Rect {
    let border = theme.pane_border(focused);
    let title = format!(" {}{title} ", focus_sign(focused));
    let block = ratatui::widgets::Block::bordered().title(title).border_style(border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

/// The active search's words, for highlighting.
pub fn query(app: &App) -> Option<&crate::search::Query> {
    app.search().map(|s| &s.words)
}
