//! The one driver of the app in the tests: keys (and mouse events) through the default keymap
//! become actions handed to the app with [`send`], as the event loop hands them. On a screen
//! (a ratatui `TestBackend`) each key is preceded by a frame drawn as `tui::run` draws it,
//! feeding the viewport back; without one, keys go straight to the app.

use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use wgtrack::action::{Action, Pane};
use wgtrack::app::{App, EditTarget, Mode, Row, RowKind};
use wgtrack::edit::{Field, List};
use wgtrack::keymap::Keymap;
use wgtrack::model::Report;
use wgtrack::ui::{self, ViewState, theme::Theme};

use super::{FAKE_PATH, send, shipped};

/// The app, the keymap and theme, the view state, and a test terminal when it has a screen:
/// one running wgtrack.
pub struct Driver {
    pub app: App,
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: ViewState,
    terminal: Option<Terminal<TestBackend>>,
}

impl Driver {
    /// The shipped report, at the fake path, with no screen.
    pub fn new() -> Driver {
        Driver::with(shipped())
    }

    /// `report`, at the fake path, with no screen.
    pub fn with(report: Report) -> Driver {
        Driver::of(App::new(report, PathBuf::from(FAKE_PATH)))
    }

    /// `app` as it is, with no screen.
    pub fn of(app: App) -> Driver {
        Driver {
            app,
            keymap: Keymap::default(),
            theme: Theme::default(),
            view: ViewState::default(),
            terminal: None,
        }
    }

    /// The shipped report, at the fake path, on a screen of `width` × `height`.
    pub fn screen(width: u16, height: u16) -> Driver {
        Driver::new().on_screen(width, height)
    }

    /// The same app on a screen of `width` × `height`: from now on each key is drawn first.
    pub fn on_screen(mut self, width: u16, height: u16) -> Driver {
        let terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
        self.terminal = Some(terminal);
        self
    }

    /// Hands `action` to the app as it is: no key, and no frame before it.
    pub fn act(&mut self, action: Action) {
        send(&mut self.app, action);
    }

    /// One frame, as `tui::run` draws it: draw, then tell the app what the frame could show,
    /// and draw once more when that was news.
    pub fn draw(&mut self) {
        for _ in 0..2 {
            let before = self.view.viewport;
            let ctx = ui::Context { keymap: &self.keymap, theme: &self.theme };
            let (app, view) = (&self.app, &mut self.view);
            let terminal = self.terminal.as_mut().expect("a driver on a screen");
            terminal.draw(|frame| ui::draw(frame, app, &ctx, view)).expect("draw");
            send(&mut self.app, Action::Viewport(self.view.viewport));
            if self.view.viewport == before {
                break;
            }
        }
    }

    /// A key press: on a screen, the frame before it is drawn first, as in the event loop.
    pub fn press(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        if self.terminal.is_some() {
            self.draw();
        }
        if let Some(action) = self.keymap.action(&self.app, KeyEvent::new(code, modifiers)) {
            send(&mut self.app, action);
        }
    }

    /// A mouse event at a cell of the screen, as the terminal reports it, after a frame.
    pub fn mouse(&mut self, kind: MouseEventKind, column: u16, row: u16) {
        self.draw();
        let event = Event::Mouse(MouseEvent { kind, column, row, modifiers: KeyModifiers::NONE });
        if let Some(action) = wgtrack::tui::translate(event, &self.app, &self.keymap, &self.view) {
            send(&mut self.app, action);
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    pub fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    pub fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    pub fn enter(&mut self) {
        self.key(KeyCode::Enter);
    }

    pub fn esc(&mut self) {
        self.key(KeyCode::Esc);
    }

    pub fn repeat(&mut self, code: KeyCode, times: usize) {
        for _ in 0..times {
            self.key(code);
        }
    }

    /// Characters typed one key at a time (in the editor, each is an editor key).
    pub fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.ch(c);
        }
    }

    /// Text pasted into the terminal.
    pub fn paste(&mut self, text: &str) {
        self.act(Action::Paste(text.to_string()));
    }

    /// The message in the footer, or nothing.
    pub fn message(&self) -> String {
        self.app.message().map(|m| m.text.clone()).unwrap_or_default()
    }

    pub fn is_error(&self) -> bool {
        self.app.message().is_some_and(|m| m.is_error)
    }

    // The screen.

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal_mut().backend_mut().resize(width, height);
    }

    /// The screen after the last key; drawing it a second time must not change it.
    pub fn settle(&mut self) -> Buffer {
        self.draw();
        let first = self.buffer().clone();
        self.draw();
        assert_eq!(
            &first,
            self.buffer(),
            "a second frame of the same state differs from the first"
        );
        first
    }

    pub fn backend(&self) -> &TestBackend {
        self.terminal.as_ref().expect("a driver on a screen").backend()
    }

    fn terminal_mut(&mut self) -> &mut Terminal<TestBackend> {
        self.terminal.as_mut().expect("a driver on a screen")
    }

    pub fn buffer(&self) -> &Buffer {
        self.backend().buffer()
    }

    /// The text of the screen as last drawn.
    pub fn text(&self) -> String {
        self.backend().to_string()
    }

    /// The text of the screen after the last key, settled.
    pub fn settled_text(&mut self) -> String {
        self.settle();
        self.text()
    }

    /// The footer's message row (the row above the key hints).
    pub fn message_row(&self) -> String {
        let text = self.text();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len() - 2].to_string()
    }

    // The editor.

    /// The text in the editor, if one is open.
    pub fn editor(&self) -> Option<String> {
        match &self.app.mode() {
            Mode::EditText(edit) => Some(edit.text()),
            _ => None,
        }
    }

    pub fn editor_target(&self) -> Option<EditTarget> {
        match &self.app.mode() {
            Mode::EditText(edit) => Some(edit.target),
            _ => None,
        }
    }

    pub fn editor_title(&self) -> String {
        match &self.app.mode() {
            Mode::EditText(edit) => edit.title(),
            other => panic!("no editor open: {other:?}"),
        }
    }

    /// In the editor: select everything and put `text` in its place (as a paste).
    pub fn replace_with(&mut self, text: &str) {
        assert!(self.editor().is_some(), "no editor open");
        self.ctrl('a');
        self.paste(text);
        assert_eq!(self.editor().as_deref(), Some(text));
    }

    /// In the editor: select everything and delete it.
    pub fn clear(&mut self) {
        self.ctrl('a');
        self.key(KeyCode::Backspace);
        assert_eq!(self.editor().as_deref(), Some(""));
    }

    // Getting somewhere.

    /// From the start: group `g` selected in the groups pane.
    pub fn select_group(&mut self, g: usize) {
        assert_eq!(self.app.focus(), Pane::Groups);
        self.key(KeyCode::Home);
        for _ in 0..g {
            self.ch('j');
        }
        assert_eq!(self.app.group(), g);
    }

    /// From the start: group `g`'s table focused, activity `a` selected.
    pub fn select_activity(&mut self, g: usize, a: usize) {
        self.select_group(g);
        self.enter();
        assert_eq!(self.app.focus(), Pane::Activities);
        self.key(KeyCode::Home);
        for _ in 0..a {
            self.ch('j');
        }
        assert_eq!((self.app.group(), self.app.activity()), (g, a));
    }

    /// In the details form: moves with ↓ from the top to the first row `wanted` accepts.
    pub fn goto_row(&mut self, what: &str, wanted: impl Fn(&RowKind) -> bool) {
        assert_eq!(self.app.focus(), Pane::Details);
        let target = self
            .app
            .detail_rows()
            .iter()
            .position(|r| wanted(&r.kind))
            .unwrap_or_else(|| panic!("no row {what} in the form"));
        self.key(KeyCode::Home);
        for _ in 0..500 {
            if self.app.details().row == target {
                return;
            }
            self.key(KeyCode::Down);
        }
        panic!("↓ never reached the row {what}");
    }

    pub fn goto_field(&mut self, field: Field) {
        self.goto_row(
            &format!("{field:?}"),
            |k| matches!(k, RowKind::Field { field: f, .. } if *f == field),
        );
    }

    pub fn goto_add(&mut self, list: List) {
        self.goto_row(&format!("+ {list:?}"), |k| *k == RowKind::Add(list));
    }

    pub fn selected_row(&self) -> Row {
        self.app.detail_rows()[self.app.details().row].clone()
    }
}
