//! A program in a pseudo-terminal, read through a terminal emulator (after the helper of
//! tests/e2e, with the child's pid for signals and a bounded wait for its exit).
//!
//! A background thread drains everything the program writes into a [`vt100::Parser`] and
//! keeps the raw bytes. Every wait has a deadline; none sleeps for a fixed time. Dropping a
//! [`Pty`] kills and reaps the program if it still runs.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use crate::home::TIMEOUT;

/// How long the output must stay quiet for a screen to count as drawn.
const QUIET: Duration = Duration::from_millis(40);

/// Keys as a terminal sends them.
pub mod keys {
    pub const ENTER: &str = "\r";

    /// The byte a terminal sends for Ctrl and a letter.
    pub fn ctrl(letter: char) -> String {
        char::from(letter.to_ascii_lowercase() as u8 & 0x1f).to_string()
    }
}

struct Output {
    parser: vt100::Parser,
    raw: Vec<u8>,
    last: Instant,
    closed: bool,
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

/// A running program in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    status: Option<ExitStatus>,
    initial_termios: Option<String>,
}

fn termios_text(master: &(dyn MasterPty + Send)) -> Option<String> {
    master.get_termios().map(|t| format!("{t:?}"))
}

impl Pty {
    /// Starts `command` in a new pseudo-terminal of `rows` × `cols`.
    pub fn spawn(command: CommandBuilder, rows: u16, cols: u16) -> Pty {
        let size = PtySize { rows, cols, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).expect("open a pseudo-terminal");
        let initial_termios = termios_text(pair.master.as_ref());
        let child = pair.slave.spawn_command(command).expect("start the program");
        // Only the program keeps the terminal's other side open, so reading ends when it exits.
        drop(pair.slave);
        let master = pair.master;
        let mut reader = master.try_clone_reader().expect("a reader on the terminal");
        let writer = master.take_writer().expect("a writer on the terminal");
        let nonzero = |n| NonZeroU16::new(n).expect("a terminal size is not zero");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
                raw: Vec::new(),
                last: Instant::now(),
                closed: false,
            }),
            changed: Condvar::new(),
        });
        let drain = Arc::clone(&shared);
        thread::spawn(move || {
            let mut buffer = [0u8; 16 * 1024];
            loop {
                match reader.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut output = drain.lock();
                        output.parser.process(&buffer[..n]);
                        output.raw.extend_from_slice(&buffer[..n]);
                        output.last = Instant::now();
                        drop(output);
                        drain.changed.notify_all();
                    }
                }
            }
            drain.lock().closed = true;
            drain.changed.notify_all();
        });
        Pty { master, writer: Some(writer), child, shared, status: None, initial_termios }
    }

    /// The program's process id.
    pub fn pid(&self) -> libc::pid_t {
        let pid = self.child.process_id().expect("the program's pid");
        libc::pid_t::try_from(pid).expect("a pid fits pid_t")
    }

    /// Sends `signal` to the program.
    pub fn signal(&self, signal: libc::c_int) {
        // SAFETY: kill only sends a signal to the process we started and have not reaped.
        let result = unsafe { libc::kill(self.pid(), signal) };
        assert_eq!(result, 0, "send signal {signal}: {}", std::io::Error::last_os_error());
    }

    /// Types `keys` as one write.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer
            .write_all(keys.as_bytes())
            .and_then(|()| writer.flush())
            .expect("write to the terminal");
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    /// The first row of the screen.
    pub fn header(&self) -> String {
        let output = self.shared.lock();
        let screen = output.parser.screen();
        let (_, cols) = screen.size();
        screen.rows(0, cols.get()).next().unwrap_or_default()
    }

    /// Every byte the program wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Whether the emulator shows the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.shared.lock().parser.screen().alternate_screen()
    }

    /// The terminal's settings now, as text.
    pub fn termios(&self) -> Option<String> {
        termios_text(self.master.as_ref())
    }

    /// The terminal's settings before the program started.
    pub fn initial_termios(&self) -> Option<String> {
        self.initial_termios.clone()
    }

    /// Waits until `check` holds for a drawn screen and returns that screen; fails the test
    /// with the screen after [`TIMEOUT`].
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
                    "waiting for {what}: not seen within {TIMEOUT:?} (status {status:?}); \
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
            // Nothing to wait on but the clock: the pause is short and bounded.
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
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() {
            if let Ok(None) = self.child.try_wait() {
                // SAFETY: as in `signal`: our own child, not yet reaped.
                unsafe { libc::kill(self.pid(), libc::SIGKILL) };
            }
            let _ = self.child.wait();
        }
        self.writer.take();
    }
}
