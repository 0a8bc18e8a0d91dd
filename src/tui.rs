//! The terminal: a guard that gives it back as it was (also after a panic), and the event
//! loop that turns events into actions and redraws.

use std::io::{self, Stdout, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::{Position, Rect};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::{Action, Pane};
use crate::app::{App, Handover};
use crate::effects::Worker;
use crate::handover;
use crate::keymap::Keymap;
use crate::ui::{self, ViewState, theme::Theme};

/// Raw mode, the alternate screen, mouse capture and bracketed paste, for as long as it
/// lives. Dropping it, or a panic, restores the terminal.
pub struct TerminalGuard {
    /// Taken when the guard is dropped (see `drop`).
    terminal: Option<Terminal<CrosstermBackend<Stdout>>>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut stdout = io::stdout();
        IN_ALTERNATE_SCREEN.store(true, Ordering::SeqCst);
        if let Err(e) =
            execute!(stdout, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
        {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())?;
        Ok(TerminalGuard { terminal: Some(terminal) })
    }

    /// Gives the terminal back as it was before the app, for another program (the user's
    /// editor) to use until `resume`.
    fn suspend(&mut self) {
        restore();
    }

    /// Takes the terminal again after `suspend`, and has the next frame drawn whole.
    fn resume(&mut self) -> io::Result<()> {
        terminal::enable_raw_mode()?;
        IN_ALTERNATE_SCREEN.store(true, Ordering::SeqCst);
        let mut stdout = io::stdout();
        execute!(stdout, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)?;
        execute!(stdout, terminal::Clear(terminal::ClearType::All))?;
        // A terminal of fresh buffers draws its first frame whole. (`Terminal::clear` would
        // ask the terminal where its cursor is, and wait for an answer some never give.)
        self.terminal = Some(Terminal::new(CrosstermBackend::new(stdout))?);
        Ok(())
    }

    /// Draws a frame.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        match &mut self.terminal {
            Some(terminal) => terminal.draw(render).map(drop),
            None => Err(io::Error::other("the terminal was given back")),
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
        // Dropped with its cursor hidden, ratatui's terminal shows it again and prints to
        // standard error when it cannot, as when the terminal is gone: that print would
        // panic there. `restore` showed the cursor already; a terminal that cannot is let go.
        if let Some(mut terminal) = self.terminal.take()
            && terminal.show_cursor().is_err()
        {
            std::mem::forget(terminal);
        }
    }
}

/// Whether the app's screen is on the alternate screen, which `restore` then clears and
/// leaves (only then: clearing the main screen would wipe the user's).
static IN_ALTERNATE_SCREEN: AtomicBool = AtomicBool::new(false);

/// Undoes everything `enter` did; safe to call more than once.
pub fn restore() {
    let mut stdout = io::stdout();
    if IN_ALTERNATE_SCREEN.swap(false, Ordering::SeqCst) {
        // Cleared before it is left: a terminal that grew meanwhile (tmux) otherwise shows
        // the last frame's lines below the restored screen.
        let _ = execute!(stdout, terminal::Clear(terminal::ClearType::All), LeaveAlternateScreen);
    }
    let _ = execute!(stdout, DisableBracketedPaste, DisableMouseCapture, crossterm::cursor::Show);
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

/// How long the loop waits for an event before it journals text being typed; nothing is
/// redrawn unless something happened.
const IDLE: Duration = Duration::from_millis(250);
/// Text typed in the editor reaches the recovery file within this time.
const JOURNAL_TYPING: Duration = Duration::from_secs(1);
/// How often the loop looks for finished effects while some are under way.
const BUSY: Duration = Duration::from_millis(15);

/// How the app's run ended.
#[derive(Debug)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGINT, SIGHUP) stopped it: the process exits with 128 + it.
    Signal(i32),
    /// The terminal failed or went away.
    TerminalLost(io::Error),
}

/// The app after its run, for its exit note, and how the run ended.
#[derive(Debug)]
pub struct Ended {
    pub app: App,
    pub exit: Exit,
}

/// What wakes the event loop: input from the terminal, or a signal.
enum Wake {
    Input(io::Result<Event>),
    Signal(i32),
}

/// Runs the app until the user quits, a signal or a hang-up stops it, or it panics. In every
/// case unsaved work goes to the recovery file, the terminal is restored and the lock let
/// go; returns the app for its exit note.
pub fn run(mut app: App, keymap: &Keymap, theme: &Theme) -> io::Result<Ended> {
    let (wake, woken) = mpsc::channel();
    let finished = Arc::new(AtomicBool::new(false));
    let journal = app.session().journal_file().map(Into::into);
    watch_signals(wake.clone(), Arc::clone(&finished), journal)?;
    let mut worker = Worker::start();
    let mut guard = TerminalGuard::enter()?;
    let gate = Arc::new(Gate::default());
    read_input(wake, Arc::clone(&gate));
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut guard, &gate, &mut app, &mut worker, keymap, theme, &woken)
    }));
    match outcome {
        Ok(exit) => {
            if !matches!(exit, Exit::Quit) {
                // A signal, or the terminal gone: the user cannot answer any question.
                app.update(Action::Terminate);
            }
            worker.finish(&mut app);
            finished.store(true, Ordering::SeqCst);
            drop(guard);
            Ok(Ended { app, exit })
        }
        Err(payload) => {
            // The panic hook has restored the terminal and printed the message.
            let kept = panic::catch_unwind(AssertUnwindSafe(|| {
                app.update(Action::Terminate);
                worker.finish(&mut app);
                app.exit_note().map(str::to_string)
            }));
            finished.store(true, Ordering::SeqCst);
            drop(guard);
            if let Ok(Some(note)) = kept {
                say(&note);
            }
            panic::resume_unwind(payload)
        }
    }
}

/// Says `text` on standard error, where a closed one (the terminal gone) is no failure.
pub fn say(text: &str) {
    let _ = writeln!(io::stderr(), "wgtrack: {text}");
}

/// Reads the terminal's events on a thread of their own, so the event loop waits on one
/// channel for input and signals alike: a terminal that goes away can keep the terminal
/// library reading nothing for ever, but never keeps the loop from the signal that says so.
/// The gate stops the reading while another program has the terminal.
fn read_input(wake: Sender<Wake>, gate: Arc<Gate>) {
    std::thread::spawn(move || {
        loop {
            gate.pass();
            // Not a blocking read: the gate is looked at again within this time.
            let event = match event::poll(Gate::LOOK) {
                Ok(false) => continue,
                Ok(true) => event::read(),
                Err(error) => Err(error),
            };
            let failed = event.is_err();
            if wake.send(Wake::Input(event)).is_err() || failed {
                return;
            }
        }
    });
}

/// Stops the input thread while the user's own editor has the terminal: the two would
/// otherwise take turns at the user's keys.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
}

#[derive(Default)]
struct GateState {
    /// Reading is stopped.
    closed: bool,
    /// The reader is waiting at the gate.
    waiting: bool,
}

impl Gate {
    /// How long the reader waits for input before it looks at the gate again.
    const LOOK: Duration = Duration::from_millis(50);

    /// The reader waits here while reading is stopped.
    fn pass(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.closed {
            state.waiting = true;
            self.changed.notify_all();
            state = self.changed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        state.waiting = false;
    }

    /// Stops reading, once the reader is at the gate; bounded, should the reader be stuck in
    /// a terminal that went away.
    fn close(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.closed = true;
        let limit = Gate::LOOK * 10;
        let (state, _) = self
            .changed
            .wait_timeout_while(state, limit, |s| !s.waiting)
            .unwrap_or_else(PoisonError::into_inner);
        drop(state);
    }

    fn open(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        state.closed = false;
        self.changed.notify_all();
    }
}

/// Whether the user's own editor has the terminal: Ctrl-C there is the editor's, not a
/// signal to leave.
static HANDED_OVER: AtomicBool = AtomicBool::new(false);

/// Hands the terminal to the user's editor on `handover`'s text and takes it back.
fn hand_over(guard: &mut TerminalGuard, gate: &Gate, handover: &Handover) -> Action {
    gate.close();
    guard.suspend();
    HANDED_OVER.store(true, Ordering::SeqCst);
    let editor = handover::editor_command(|name| std::env::var(name).ok());
    let mut result = handover::edit(handover, &editor);
    HANDED_OVER.store(false, Ordering::SeqCst);
    if let Err(error) = guard.resume() {
        result = result.and(Err(error.to_string()));
    }
    gate.open();
    Action::EditedOutside(result)
}

/// On SIGTERM, SIGINT or SIGHUP, wakes the event loop to stop; if it has not finished
/// within `GRACE`, restores what it can and exits. The journal is written after every
/// committed edit, so the recovery file already holds the unsaved work, but for a journal
/// still being written.
fn watch_signals(
    wake: Sender<Wake>,
    finished: Arc<AtomicBool>,
    journal: Option<PathBuf>,
) -> io::Result<()> {
    const GRACE: Duration = Duration::from_secs(3);
    let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        let Some(signal) =
            signals.forever().find(|&s| !(s == SIGINT && HANDED_OVER.load(Ordering::SeqCst)))
        else {
            return;
        };
        let _ = wake.send(Wake::Signal(signal));
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            if finished.load(Ordering::SeqCst) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        restore();
        if let Some(file) = journal.filter(|file| file.exists()) {
            say(&format!("unsaved edits are kept in {}", file.display()));
        }
        std::process::exit(128 + signal);
    });
    Ok(())
}

fn event_loop(
    guard: &mut TerminalGuard,
    gate: &Gate,
    app: &mut App,
    worker: &mut Worker,
    keymap: &Keymap,
    theme: &Theme,
    woken: &Receiver<Wake>,
) -> Exit {
    let ctx = ui::Context { keymap, theme };
    let mut view = ViewState::default();
    let mut reported = None;
    let mut last_journal = Instant::now();
    let mut journal_wanted = false;
    let mut redraw = true;
    while !app.should_quit() {
        // A frame that tells the app something new (a page size, whether the objectives
        // fit) is drawn once more with it, so what shows follows from what was measured.
        let mut frames = 0;
        while redraw {
            if let Err(error) = guard.draw(|frame| ui::draw(frame, app, &ctx, &mut view)) {
                return Exit::TerminalLost(error);
            }
            frames += 1;
            redraw = reported != Some(view.viewport) && frames < 2;
            if reported != Some(view.viewport) {
                reported = Some(view.viewport);
                app.update(Action::Viewport(view.viewport));
            }
        }
        worker.give(app);
        // The journal is asked for after the frame is on screen, and only when no input
        // waits; the worker writes it, so the next key is not kept waiting either.
        let due = journal_wanted || last_journal.elapsed() >= JOURNAL_TYPING;
        let wait = if due {
            Duration::ZERO
        } else if worker.is_busy() {
            BUSY
        } else {
            IDLE
        };
        match woken.recv_timeout(wait) {
            Ok(first) => {
                // Every wake already waiting is taken before the next frame: text pasted
                // without bracketed paste arrives as keys, and is drawn once, after the last.
                // The keys that only type text are handed to the app together.
                let mut typed = String::new();
                let mut next = Some(first);
                while let Some(wake) = next {
                    let event = match wake {
                        Wake::Signal(signal) => {
                            type_now(app, &mut typed);
                            return Exit::Signal(signal);
                        }
                        Wake::Input(Err(error)) => {
                            type_now(app, &mut typed);
                            return Exit::TerminalLost(error);
                        }
                        Wake::Input(Ok(event)) => event,
                    };
                    if let Some(action) = translate(event, app, keymap, &view) {
                        // Where tests make the app fail mid-session (`tui::event=panic`).
                        fail::fail_point!("tui::event");
                        match app.typed_char(&action) {
                            Some(c) => typed.push(c),
                            None => {
                                type_now(app, &mut typed);
                                journal_wanted |=
                                    !matches!(action, Action::Editor(_) | Action::Type(_));
                                app.update(action);
                            }
                        }
                    }
                    redraw = true;
                    // Keys after the one that hands the text over are for the text back.
                    let stop = app.should_quit() || app.wants_handover();
                    next = if stop { None } else { woken.try_recv().ok() };
                }
                type_now(app, &mut typed);
                if let Some(handover) = app.take_handover() {
                    app.update(hand_over(guard, gate, &handover));
                }
            }
            Err(RecvTimeoutError::Timeout) if due => {
                app.update(Action::Tick);
                worker.give(app);
                last_journal = Instant::now();
                journal_wanted = false;
            }
            Err(RecvTimeoutError::Timeout) => {}
            // Neither input nor signals can come any more.
            Err(RecvTimeoutError::Disconnected) => {
                return Exit::TerminalLost(io::Error::other("the terminal's input ended"));
            }
        }
        // What came of effects (a save, a journal, a file read) changes what is shown.
        redraw |= worker.take_done(app, Duration::ZERO);
    }
    Exit::Quit
}

/// Hands the text typed so far to the app, if any.
fn type_now(app: &mut App, typed: &mut String) {
    if !typed.is_empty() {
        app.update(Action::Typed(std::mem::take(typed)));
    }
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
    let row_in =
        |area: Rect, offset: usize| area.contains(at).then(|| offset + usize::from(at.y - area.y));
    if view.info_area.contains(at) {
        return match mouse.kind {
            MouseEventKind::ScrollUp => Some(Action::InfoUp),
            MouseEventKind::ScrollDown => Some(Action::InfoDown),
            _ => None,
        };
    }
    let pane = if view.overview_rows.contains(at) {
        Pane::Overview
    } else if view.groups_rows.contains(at) {
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
            Pane::Groups => row_in(view.groups_rows, view.groups.offset()).map(Action::SelectGroup),
            Pane::Activities => {
                row_in(view.table_rows, view.table.offset()).map(Action::SelectActivity)
            }
            Pane::Activity | Pane::Overview | Pane::Details | Pane::Conflicts => None,
        },
        MouseEventKind::ScrollUp => Some(Action::Scroll(pane, -3)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(pane, 3)),
        _ => None,
    }
}
