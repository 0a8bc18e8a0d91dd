//! The `wgtrack` binary in a pseudo-terminal, read through a terminal emulator (vt100): how
//! long it takes to show a screen, and how much memory it took.
//!
//! A reader thread feeds everything the program writes to the emulator and, after each
//! piece, checks the condition being waited for, so the time recorded is when the bytes that
//! completed the screen arrived, not when the benchmark got round to looking.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use tempfile::TempDir;

type Check = Box<dyn Fn(&vt100::Screen) -> bool + Send>;

struct Output {
    parser: vt100::Parser,
    /// When the last bytes arrived.
    last: Instant,
    /// The condition waited for, checked after every piece of output.
    check: Option<Check>,
    /// When the condition first held.
    hit: Option<Instant>,
    closed: bool,
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A temporary home: XDG directories, HOME, and a copy of a report file.
pub struct Home {
    pub dir: TempDir,
    pub file: PathBuf,
}

impl Home {
    /// A home holding `text` as its report file.
    pub fn new(text: &str) -> Home {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let file = dir.path().join("report.ron");
        std::fs::write(&file, text).expect("write the report");
        Home { dir, file }
    }

    /// `wgtrack FILE` seeing only this home; run `run` gets a state directory of its own, so
    /// no recovery file of an earlier run is offered.
    pub fn command(&self, run: usize) -> CommandBuilder {
        let home = self.dir.path();
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_wgtrack"));
        command.arg(&self.file);
        command.cwd(home);
        command.env_clear();
        if let Some(path) = std::env::var_os("PATH") {
            command.env("PATH", path);
        }
        command.env("HOME", home);
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_STATE_HOME", home.join(format!("state-{run}")));
        command.env("XDG_CACHE_HOME", home.join("cache"));
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command
    }

    pub fn file_size(&self) -> u64 {
        std::fs::metadata(&self.file).map_or(0, |m| m.len())
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// A running program in a pseudo-terminal.
pub struct Session {
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    /// Just before the program was started.
    pub started: Instant,
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

impl Session {
    /// Starts `command` in a terminal of `rows` × `cols`, with `first` as the condition to
    /// wait for (see [`Session::wait`]).
    pub fn spawn(
        command: CommandBuilder,
        rows: u16,
        cols: u16,
        first: impl Fn(&vt100::Screen) -> bool + Send + 'static,
    ) -> Session {
        let size = PtySize { rows, cols, pixel_width: 0, pixel_height: 0 };
        let pair = native_pty_system().openpty(size).expect("open a pseudo-terminal");
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
                last: Instant::now(),
                check: Some(Box::new(first)),
                hit: None,
                closed: false,
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
                        output.last = now;
                        let held = output.check.as_ref().is_some_and(|c| c(output.parser.screen()));
                        if held {
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
        let child = pair.slave.spawn_command(command).expect("start the program");
        drop(pair.slave);
        Session { _master: pair.master, writer, child, shared, started }
    }

    /// Waits (at most `timeout`) for the condition set last to hold; when the output that
    /// made it hold arrived.
    pub fn wait(&self, timeout: Duration) -> Result<Instant, String> {
        let deadline = Instant::now() + timeout;
        let mut output = self.shared.lock();
        loop {
            if let Some(hit) = output.hit.take() {
                return Ok(hit);
            }
            let now = Instant::now();
            if output.closed || now >= deadline {
                let why =
                    if output.closed { "the program closed the terminal" } else { "timed out" };
                return Err(format!("{why}; screen:\n{}", output.parser.screen().contents()));
            }
            output = self
                .shared
                .changed
                .wait_timeout(output, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// Sets the condition the next [`Session::wait`] waits for; checked on new output only.
    pub fn expect(&self, check: impl Fn(&vt100::Screen) -> bool + Send + 'static) {
        let mut output = self.shared.lock();
        output.hit = None;
        output.check = Some(Box::new(check));
    }

    /// Waits until the program has written nothing for `quiet` (at most `timeout`).
    pub fn settle(&self, quiet: Duration, timeout: Duration) {
        let deadline = Instant::now() + timeout;
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
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    pub fn screen(&self) -> String {
        self.shared.lock().parser.screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).and_then(|()| self.writer.flush()).expect("send");
    }

    /// The program's peak resident memory so far (VmHWM), in bytes.
    pub fn peak_rss(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?;
        let kb: u64 = line.trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb * 1024)
    }

    /// Sends `keys` (which should quit) and waits for the program to exit; kills it after
    /// `timeout`. Whether it exited by itself.
    pub fn quit(mut self, keys: &str, timeout: Duration) -> bool {
        self.send(keys);
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return true;
            }
            thread::sleep(Duration::from_millis(2));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
