//! One running wgtrack drawn into a test terminal: the app driven with keys through the
//! default keymap and drawn into ratatui's `TestBackend` as `tui::run` draws it, feeding the
//! viewport back after each frame. Shared by the screen tests, which include it by path.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use wgtrack::action::Action;
use wgtrack::app::App;
use wgtrack::keymap::Keymap;
use wgtrack::store;
use wgtrack::ui::{self, ViewState, theme::Theme};

/// The file the app believes it edits: never touched, so screens hold no temporary path.
pub const FAKE_PATH: &str = "/data/report.ron";

/// The app, the keymap and theme, the view state and a test terminal: one running wgtrack.
pub struct Screen {
    pub app: App,
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: ViewState,
    pub terminal: Terminal<TestBackend>,
}

impl Screen {
    pub fn new(app: App, width: u16, height: u16) -> Screen {
        Screen {
            app,
            keymap: Keymap::default(),
            theme: Theme::default(),
            view: ViewState::default(),
            terminal: Terminal::new(TestBackend::new(width, height)).expect("test terminal"),
        }
    }

    /// The shipped report, at the fake path.
    pub fn shipped(width: u16, height: u16) -> Screen {
        let report = store::shipped().expect("the shipped report parses");
        Screen::new(App::new(report, PathBuf::from(FAKE_PATH)), width, height)
    }

    /// One frame, as `tui::run` draws it: draw, then tell the app what the frame could show.
    pub fn draw(&mut self) {
        let ctx = ui::Context { keymap: &self.keymap, theme: &self.theme };
        let (app, view) = (&self.app, &mut self.view);
        self.terminal.draw(|frame| ui::draw(frame, app, &ctx, view)).expect("draw");
        wgtrack::effects::act(&mut self.app, Action::Viewport(self.view.viewport));
    }

    /// A key press: the frame before it is drawn first, as in the event loop.
    pub fn key_with(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.draw();
        if let Some(action) = self.keymap.action(&self.app, KeyEvent::new(code, modifiers)) {
            wgtrack::effects::act(&mut self.app, action);
        }
    }

    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn ch(&mut self, c: char) {
        self.key(KeyCode::Char(c));
    }

    pub fn ctrl(&mut self, c: char) {
        self.key_with(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    pub fn repeat(&mut self, code: KeyCode, times: usize) {
        for _ in 0..times {
            self.key(code);
        }
    }

    /// Characters typed one key at a time.
    pub fn typed(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
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

    pub fn buffer(&self) -> &Buffer {
        self.terminal.backend().buffer()
    }

    /// The text of the screen as last drawn.
    pub fn text(&self) -> String {
        self.terminal.backend().to_string()
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
}
