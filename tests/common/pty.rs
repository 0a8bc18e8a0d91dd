//! A program in a pseudo-terminal, read through a terminal emulator: the end-to-end, safety
//! and language tests drive the real binary with it, and so do the benchmarks.
//!
//! A background thread drains everything the program writes into a [`vt100::Parser`] (and
//! keeps the raw bytes), so the screen can be read at any time. Tests send keys and then wait
//! for the screen to show something: every wait has a deadline and none sleeps for a fixed
//! time. For timing, the thread also checks a condition after every piece of output and
//! notes when it first held, so the time is when the bytes arrived, not when someone looked.
//! Dropping a [`Pty`] kills and reaps the program if it is still running.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};
pub use rustix::process::Signal;

/// How long any wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// How long the output must stay quiet for a screen to count as drawn: a frame can reach the
/// emulator in several pieces, and a check should not pass on half of one.
const QUIET: Duration = Duration::from_millis(40);

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const DOWN: &str = "\x1b[B";

    /// The byte a terminal sends for Ctrl and a letter.
    pub fn ctrl(letter: char) -> String {
        char::from(letter.to_ascii_lowercase() as u8 & 0x1f).to_string()
    }
}

/// A condition on the screen, checked by the reader thread.
type Check = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

/// What the reader thread has seen so far.
struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    /// When the last bytes arrived.
    last: Instant,
    /// The program's side of the terminal is closed: everything has been read.
    closed: bool,
    /// The condition being timed, checked after every piece of output.
    check: Option<Check>,
    /// When it first held.
    hit: Option<Instant>,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A running program in a pseudo-terminal of a given size.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    status: Option<ExitStatus>,
    /// The terminal's settings before the program started, as text.
    initial_termios: Option<String>,
    /// Just before the program was started.
    started: Instant,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }
}

/// Every field of the terminal's settings (modes, control characters, speeds), as text.
fn termios_text(master: &(dyn MasterPty + Send)) -> Option<String> {
    master.get_termios().map(|t| format!("{t:?}"))
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is not zero")
}

impl Pty {
    /// Starts `command` in a new pseudo-terminal of `rows` × `cols`.
    pub fn spawn(command: CommandBuilder, rows: u16, cols: u16) -> Pty {
        Pty::spawn_timing(command, rows, cols, None)
    }

    /// Starts `command` and times when `first` first holds, from the very first output (see
    /// [`Pty::timed`]).
    pub fn spawn_timed(
        command: CommandBuilder,
        rows: u16,
        cols: u16,
        first: impl Fn(&vt100::Screen) -> bool + Send + 'static,
    ) -> Pty {
        Pty::spawn_timing(command, rows, cols, Some(Box::new(first)))
    }

    fn spawn_timing(command: CommandBuilder, rows: u16, cols: u16, check: Option<Check>) -> Pty {
        let pair = native_pty_system().openpty(size(rows, cols)).expect("open a pseudo-terminal");
        let initial_termios = termios_text(pair.master.as_ref());
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("a reader on the terminal");
        let writer = master.take_writer().expect("a writer on the terminal");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
                raw: Vec::new(),
                last: Instant::now(),
                closed: false,
                check,
                hit: None,
            }),
            changed: Condvar::new(),
        });
        let drain = Arc::clone(&shared);
        thread::spawn(move || {
            let mut buffer = [0u8; 64 * 1024];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let now = Instant::now();
                        let mut output = drain.lock();
                        output.parser.process(&buffer[..n]);
                        output.raw.extend_from_slice(&buffer[..n]);
                        output.last = now;
                        if output.check.as_ref().is_some_and(|c| c(output.parser.screen())) {
                            output.check = None;
                            output.hit = Some(now);
                        }
                        drop(output);
                        drain.changed.notify_all();
                    }
                }
            }
            drain.lock().closed = true;
            drain.changed.notify_all();
        });
        let started = Instant::now();
        let child =
            pair.slave.spawn_command(command).expect("start the program in the pseudo-terminal");
        // Only the program keeps the terminal's other side open, so reading ends when it exits.
        drop(pair.slave);
        Pty { master, writer: Some(writer), child, shared, status: None, initial_termios, started }
    }

    /// Just before the program was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Times `check` from now on: the reader checks it after every new piece of output.
    pub fn time_until(&self, check: impl Fn(&vt100::Screen) -> bool + Send + 'static) {
        let mut output = self.shared.lock();
        output.hit = None;
        output.check = Some(Box::new(check));
    }

    /// Waits (at most `limit`) for the condition being timed to hold, and returns when the
    /// output that made it hold arrived; fails the test after `limit`.
    #[track_caller]
    pub fn timed(&mut self, limit: Duration) -> Instant {
        let deadline = Instant::now() + limit;
        let mut output = self.shared.lock();
        loop {
            if let Some(hit) = output.hit.take() {
                return hit;
            }
            let now = Instant::now();
            if output.closed || now >= deadline {
                let why =
                    if output.closed { "the program closed the terminal" } else { "timed out" };
                let screen = output.parser.screen().contents();
                drop(output);
                panic!("waiting for a timed screen: {why}; screen:\n{screen}");
            }
            output = self
                .shared
                .changed
                .wait_timeout(output, deadline - now)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until the program has written nothing for `quiet` (at most `limit`).
    pub fn settle(&self, quiet: Duration, limit: Duration) {
        let deadline = Instant::now() + limit;
        let mut output = self.shared.lock();
        loop {
            let now = Instant::now();
            let idle = now.duration_since(output.last);
            if idle >= quiet || output.closed || now >= deadline {
                return;
            }
            output = self
                .shared
                .changed
                .wait_timeout(output, quiet - idle)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// The program's peak resident memory so far (VmHWM), in bytes.
    pub fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid())).ok()?;
        let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
        let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb * 1024)
    }

    /// Types `keys` as one write.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer
            .write_all(keys.as_bytes())
            .and_then(|()| writer.flush())
            .expect("write to the terminal");
    }

    /// The screen as text: one line per row, trailing blanks left out.
    pub fn screen(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    /// The rows of the screen, each as wide as the screen.
    pub fn rows(&self) -> Vec<String> {
        let output = self.shared.lock();
        let screen = output.parser.screen();
        let (_, cols) = screen.size();
        screen.rows(0, cols.get()).collect()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Whether the emulator is showing the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.shared.lock().parser.screen().alternate_screen()
    }

    /// Waits until `check` holds for a drawn screen (the output has been quiet for a moment)
    /// and returns that screen; fails the test with the screen and `what` after [`TIMEOUT`].
    #[track_caller]
    pub fn wait_until(&mut self, what: &str, check: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + TIMEOUT;
        let mut output = self.shared.lock();
        loop {
            let now = Instant::now();
            let quiet_for = now.duration_since(output.last);
            if check(output.parser.screen()) {
                if quiet_for >= QUIET || output.closed {
                    return output.parser.screen().contents();
                }
            } else if output.closed {
                let screen = output.parser.screen().contents();
                drop(output);
                panic!("waiting for {what}: the program closed the terminal; screen:\n{screen}");
            }
            if now >= deadline {
                let screen = output.parser.screen().contents();
                drop(output);
                let status = self.child.try_wait().ok().flatten();
                panic!(
                    "waiting for {what}: not seen within {TIMEOUT:?} (program status {status:?}); \
                     screen:\n{screen}"
                );
            }
            let pause = (deadline - now).min(QUIET.saturating_sub(quiet_for).max(QUIET / 4));
            output = self
                .shared
                .changed
                .wait_timeout(output, pause)
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
    }

    /// Waits until the screen shows `text`, and returns the screen.
    #[track_caller]
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contents().contains(text))
    }

    /// Waits until the screen no longer shows `text`, and returns the screen.
    #[track_caller]
    pub fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| !s.contents().contains(text))
    }

    /// Changes the terminal's size: the emulator first, then the pseudo-terminal, which
    /// tells the program (SIGWINCH).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.shared.lock().parser.set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(rows, cols)).expect("resize the pseudo-terminal");
    }

    /// The terminal's settings (raw mode or not) now, as text.
    pub fn termios(&self) -> Option<String> {
        termios_text(self.master.as_ref())
    }

    /// The terminal's settings before the program started, as text.
    pub fn initial_termios(&self) -> Option<String> {
        self.initial_termios.clone()
    }

    /// Whether the program is still running.
    pub fn is_running(&mut self) -> bool {
        self.status.is_none() && matches!(self.child.try_wait(), Ok(None))
    }

    /// Waits up to `limit` for the program to exit and for its last output to be read;
    /// fails the test if it does not.
    #[track_caller]
    pub fn wait_exit_within(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the program's status") {
                break status;
            }
            if Instant::now() >= deadline {
                panic!("the program did not exit within {limit:?}; screen:\n{}", self.screen());
            }
            // Nothing to wait on but the clock here: the pause is short and bounded.
            thread::sleep(Duration::from_millis(5));
        };
        self.status = Some(status.clone());
        let deadline = Instant::now() + TIMEOUT;
        let mut output = self.shared.lock();
        while !output.closed && Instant::now() < deadline {
            output = self
                .shared
                .changed
                .wait_timeout(output, deadline - Instant::now())
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .0;
        }
        assert!(output.closed, "the terminal's output did not end after exit");
        status
    }

    /// Waits for the program to exit; fails the test after [`TIMEOUT`].
    #[track_caller]
    pub fn wait_exit(&mut self) -> ExitStatus {
        self.wait_exit_within(TIMEOUT)
    }

    /// The program's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the program's pid")
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: Signal) {
        super::process::signal(self.pid(), signal);
    }

    /// The first row of the screen.
    pub fn header(&self) -> String {
        self.rows().into_iter().next().unwrap_or_default()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() {
            if let Ok(None) = self.child.try_wait() {
                let _ = self.child.kill();
            }
            let _ = self.child.wait();
        }
        // Only now, with the program gone: dropping the writer sends an end-of-file.
        self.writer.take();
    }
}
