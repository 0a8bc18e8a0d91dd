//! The terminal: a guard that gives it back as it was (also after a panic), and the event
//! loop that turns events into actions and redraws.

use std::io::{self, Stdout, Write};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};

use crate::action::{Action, Pane};
use crate::app::App;
use crate::keymap::Keymap;
use crate::ui::{self, ViewState, theme::Theme};

/// Raw mode, the alternate screen, mouse capture and bracketed paste, for as long as it
/// lives. Dropping it, or a panic, restores the terminal.
pub struct TerminalGuard {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(
            stdout,
            EnterAlternateScreen,
            EnableMouseCapture,
            EnableBracketedPaste
        ) {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())?;
        Ok(TerminalGuard { terminal })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Undoes everything `enter` did; safe to call more than once.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = terminal::disable_raw_mode();
    let _ = stdout.flush();
}

/// Restores the terminal before the panic message is printed, so it can be read.
fn install_panic_hook() {
    let original = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        original(info);
    }));
}

/// Runs the app until the user quits.
pub fn run(mut app: App, keymap: &Keymap, theme: &Theme) -> io::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let ctx = ui::Context { keymap, theme };
    let mut view = ViewState::default();
    let mut reported = None;
    while !app.should_quit {
        guard
            .terminal
            .draw(|frame| ui::draw(frame, &app, &ctx, &mut view))?;
        if reported != Some(view.viewport) {
            reported = Some(view.viewport);
            app.update(Action::Viewport(view.viewport));
        }
        // Block until something happens: no redraw on a timer.
        if let Some(action) = translate(event::read()?, &app, keymap, &view) {
            app.update(action);
        }
    }
    Ok(())
}

/// The action an event asks for, if any.
pub fn translate(event: Event, app: &App, keymap: &Keymap, view: &ViewState) -> Option<Action> {
    match event {
        Event::Key(key) => keymap.action(app, key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(mouse) => mouse_action(mouse, view),
        _ => None,
    }
}

fn mouse_action(mouse: MouseEvent, view: &ViewState) -> Option<Action> {
    let at = Position::new(mouse.column, mouse.row);
    let row_in = |area: Rect, offset: usize| {
        area.contains(at)
            .then(|| offset + usize::from(at.y - area.y))
    };
    let pane = if view.groups_rows.contains(at) {
        Pane::Groups
    } else if view.table_rows.contains(at) {
        Pane::Activities
    } else if view.activity_area.contains(at) {
        Pane::Activity
    } else {
        return None;
    };
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => match pane {
            Pane::Groups => row_in(view.groups_rows, view.groups_offset).map(Action::SelectGroup),
            Pane::Activities => {
                row_in(view.table_rows, view.table_offset).map(Action::SelectActivity)
            }
            Pane::Activity => None,
        },
        MouseEventKind::ScrollUp => Some(Action::Scroll(pane, -3)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(pane, 3)),
        _ => None,
    }
}
