//! Shared by the benchmarks: the three report sizes, the app driven by keys into a test
//! terminal of 120×40, a timer that takes medians, and the binary in a pseudo-terminal.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

// The tests' harness, for its pseudo-terminal and home.
#[path = "../../tests/common/mod.rs"]
mod harness;
pub use harness::{home, pty};
// Only the budgets paste text and make git repositories.
#[allow(unused_imports)]
pub use harness::{git, paste};

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use wgtrack::action::Action;
use wgtrack::app::App;
use wgtrack::keymap::{self, Keymap};
use wgtrack::model::Report;
use wgtrack::ui::{self, ViewState, theme::Theme};

use home::Home;
use pty::Pty;

/// The sizes measured: the shipped report, then groups × activities generated from [`SEED`].
pub const SIZES: [&str; 3] = ["shipped", "100x100", "1000x100"];

/// The seed of every generated report, so every run measures the same text.
pub const SEED: u64 = 2021;

/// The screen every frame is drawn on.
pub const WIDTH: u16 = 120;
pub const HEIGHT: u16 = 40;

/// A report of a size, its text as the file holds it (RON), and the same as JSON.
pub struct Fixture {
    pub report: Report,
    pub ron: String,
    pub json: String,
}

/// The report of `size` ("shipped" or "GxA").
pub fn report(size: &str) -> Report {
    match size {
        "shipped" => wgtrack::store::shipped().expect("the shipped report loads"),
        _ => {
            let (g, a) = size.split_once('x').expect("a size is GxA");
            wgtrack::generate::report(g.parse().unwrap(), a.parse().unwrap(), SEED)
        }
    }
}

/// The fixture of `size`, made once per process.
pub fn fixture(size: &str) -> &'static Fixture {
    static CACHE: [OnceLock<Fixture>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|s| *s == size).expect("a known size");
    CACHE[i].get_or_init(|| {
        let report = report(size);
        let ron = wgtrack::store::to_text(&report);
        let json = serde_json::to_string_pretty(&report).expect("serializes");
        Fixture { report, ron, json }
    })
}

/// A label for a size in tables: "shipped" or "1000×100".
pub fn label(size: &str) -> String {
    size.replace('x', "×")
}

/// wgtrack's directories for the apps a benchmark runs in its own process.
static PATHS: OnceLock<wgtrack::store::Paths> = OnceLock::new();

/// Keeps the journals of in-process apps inside `home` (spawned ones get it through
/// `Home`): call once at the start of `main`.
pub fn use_home(home: &Path) {
    let _ = PATHS.set(wgtrack::store::Paths::under(home));
}

/// An app on `report`, as if read from `path`, journaling inside the benchmark's home.
pub fn app(report: Report, path: PathBuf) -> App {
    let app = App::new(report, path);
    match PATHS.get() {
        Some(paths) => app.with_paths(paths),
        None => app,
    }
}

/// The app drawn into a test terminal, driven by keys as the event loop drives it.
pub struct Screen {
    pub app: App,
    pub terminal: Terminal<TestBackend>,
    pub view: ViewState,
    pub keymap: Keymap,
    pub theme: Theme,
    /// What the last key asked of the worker (a check, a journal): the event loop hands it
    /// over and draws at once, so it is not part of what a key costs.
    pub handed: Vec<wgtrack::app::Effect>,
}

impl Screen {
    /// The app on `report` (as if read from `path`) after its first frame.
    pub fn new(report: Report, path: PathBuf) -> Screen {
        let mut screen = Screen::undrawn(report, path);
        screen.draw();
        screen
    }

    /// The app on `report` before anything was drawn.
    pub fn undrawn(report: Report, path: PathBuf) -> Screen {
        let terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
        Screen {
            app: app(report, path),
            terminal,
            view: ViewState::default(),
            keymap: Keymap::default(),
            theme: Theme::default(),
            handed: Vec::new(),
        }
    }

    /// One frame, and the viewport sent to the app when it changed, as the event loop does.
    pub fn draw(&mut self) {
        let ctx = ui::Context { keymap: &self.keymap, theme: &self.theme };
        let before = self.view.viewport;
        self.terminal
            .draw(|frame| ui::draw(frame, &self.app, &ctx, &mut self.view))
            .expect("draws");
        if self.view.viewport != before {
            self.app.update(Action::Viewport(self.view.viewport));
            self.handed.extend(self.app.take_effects());
        }
    }

    /// A key through the keymap and `App::update`, without drawing; what it asks of the
    /// worker is kept in `handed`, not done.
    pub fn press(&mut self, key: KeyEvent) {
        if let Some(action) = self.keymap.action(&self.app, key) {
            self.app.update(action);
            self.handed = self.app.take_effects();
        }
    }

    /// What a key press costs: the keymap, `App::update` and one frame.
    pub fn respond(&mut self, key: KeyEvent) {
        self.press(key);
        self.draw();
    }

    /// The key bound to `action` where the app is now.
    pub fn key_for(&self, action: &Action) -> KeyEvent {
        keymap::contexts(&self.app)
            .iter()
            .find_map(|&context| self.keymap.bindings(context).find(|b| b.action == *action))
            .map(|b| KeyEvent::new(b.code, b.modifiers))
            .unwrap_or_else(|| panic!("no key for {action:?} in {:?}", keymap::contexts(&self.app)))
    }

    /// Presses the key of `action`, without drawing.
    pub fn act(&mut self, action: &Action) {
        let key = self.key_for(action);
        self.press(key);
    }

    /// Types `text` into the prompt that is open.
    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    /// The activity table of the first group, focused.
    pub fn open_table(&mut self) {
        self.act(&Action::Open);
        self.draw();
    }

    /// Opens the progress prompt on the selected activity and types a value different from
    /// its progress; the next Enter commits it.
    pub fn start_progress_edit(&mut self) {
        let now = self.app.selected_activity().map_or(0, |a| a.progress.get());
        let to = if now == 40 { 60 } else { 40 };
        self.act(&Action::EditProgress);
        self.type_text(&to.to_string());
    }
}

/// A temporary report file path of `size` with the text written in it.
pub fn write_file(dir: &Path, size: &str) -> PathBuf {
    let path = dir.join(format!("report-{size}.ron"));
    std::fs::write(&path, &fixture(size).ron).expect("write the report");
    path
}

/// Figures from repeated timings.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    pub median: Duration,
    pub min: Duration,
    pub max: Duration,
    pub samples: usize,
}

impl Stats {
    pub fn of(mut times: Vec<Duration>) -> Stats {
        assert!(!times.is_empty(), "at least one sample");
        times.sort();
        let n = times.len();
        let median = if n % 2 == 1 { times[n / 2] } else { (times[n / 2 - 1] + times[n / 2]) / 2 };
        Stats { median, min: times[0], max: times[n - 1], samples: n }
    }
}

/// How many times to run a measurement: at least `min` samples, and more up to `max` while
/// the total stays under `time`.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    pub min: usize,
    pub max: usize,
    pub time: Duration,
}

impl Plan {
    /// For operations of microseconds to milliseconds.
    pub const FAST: Plan = Plan { min: 20, max: 2000, time: Duration::from_millis(700) };
    /// For operations that may take seconds.
    pub const SLOW: Plan = Plan { min: 3, max: 50, time: Duration::from_secs(3) };
}

/// Times `run` on `state` after an untimed `setup` each time, one warm-up first; the median
/// of it all.
pub fn measure<S>(
    plan: Plan,
    state: &mut S,
    mut setup: impl FnMut(&mut S),
    mut run: impl FnMut(&mut S),
) -> Stats {
    setup(state);
    run(state);
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < plan.min || (times.len() < plan.max && start.elapsed() < plan.time) {
        setup(state);
        let t = Instant::now();
        run(state);
        times.push(t.elapsed());
    }
    Stats::of(times)
}

/// A duration as people read it: "850 µs", "12.3 ms", "2.41 s".
pub fn show(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1e3)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

/// Bytes as megabytes: "54.4 MB".
pub fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

/// The machine, for the reader of a table: processor model and cores.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')))
        .map_or("unknown processor".to_string(), |(_, m)| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    format!("{model}, {cores} cores")
}

/// The first full frame of the app: the header's programme figure and the groups pane down
/// to its bottom border.
pub fn first_frame(screen: &vt100::Screen) -> bool {
    let text = screen.contents();
    text.contains("Programme") && text.contains("Groups (") && text.contains('└')
}

/// What one start of the binary measured.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    /// From spawning the process to its first full frame.
    pub first_frame: Duration,
    /// Peak resident memory (VmHWM) just before quitting.
    pub peak_rss: Option<u64>,
}

/// The character of the key bound to `action` in `context`.
pub fn key_char(context: keymap::Context, action: &Action) -> String {
    let binding = Keymap::default()
        .bindings(context)
        .find(|b| b.action == *action)
        .map(|b| (b.code, b.modifiers))
        .unwrap_or_else(|| panic!("no key for {action:?} in {context:?}"));
    match binding {
        // A control key is sent as the control character the terminal sends for it.
        (KeyCode::Char(c), m) if m == KeyModifiers::CONTROL && c.is_ascii_lowercase() => {
            char::from(c as u8 & 0x1f).to_string()
        }
        (KeyCode::Char(c), m) if m.is_empty() || m == KeyModifiers::SHIFT => c.to_string(),
        (KeyCode::Enter, _) => "\r".to_string(),
        (KeyCode::Esc, _) => "\x1b".to_string(),
        other => panic!("no text for the key {other:?}"),
    }
}

/// How long the benchmarks wait for a screen of the binary: a large report takes a while.
const LIMIT: Duration = Duration::from_secs(60);

/// Output must stay quiet this long for a screen to count as settled.
const QUIET: Duration = Duration::from_millis(50);

/// The binary on the home's report, in a terminal of 120×40, timing its first full frame; a
/// state directory of its own (emptied) so no recovery file of an earlier run is offered.
pub fn open(home: &Home) -> (Pty, Instant) {
    let _ = std::fs::remove_dir_all(home.dir.path().join("state"));
    let mut pty = Pty::spawn_timed(home.command(), HEIGHT, WIDTH, first_frame);
    let shown = pty.timed(LIMIT);
    (pty, shown)
}

/// Sends the quit key and waits for the binary to exit (nothing is unsaved by then).
pub fn quit(mut pty: Pty) {
    pty.send(&key_char(keymap::Context::Global, &Action::Quit));
    pty.wait_exit_within(LIMIT);
}

/// Starts the binary on the home's report, waits for its first frame, reads its peak memory
/// and quits.
pub fn start_once(home: &Home) -> Start {
    let (pty, shown) = open(home);
    let first_frame = shown - pty.started();
    // Let the rest of the frame (the footer) and the first idle moment pass.
    pty.settle(Duration::from_millis(30), Duration::from_secs(5));
    let peak_rss = pty.peak_rss();
    quit(pty);
    Start { first_frame, peak_rss }
}

/// What one edit in the real app measured.
#[derive(Debug, Clone, Copy)]
pub struct Edit {
    /// From sending Enter in the progress prompt to the frame showing the new value.
    pub shown: Duration,
    /// Peak resident memory (VmHWM) over the session: start, the edit, its journal, a save.
    pub peak_rss: Option<u64>,
}

/// In the real app: opens the first group, types a new progress for its first activity, and
/// times Enter to the frame that shows it (the journal is written beside the app); then
/// saves, and reads the session's peak memory.
pub fn edit_once(home: &Home) -> Edit {
    let (mut pty, _) = open(home);
    pty.settle(QUIET, LIMIT);
    pty.send(&key_char(keymap::Context::Groups, &Action::Open));
    pty.settle(QUIET, LIMIT);
    pty.send(&key_char(keymap::Context::Activities, &Action::EditProgress));
    pty.settle(QUIET, LIMIT);
    let screen = pty.screen();
    let value = [37, 43, 57, 63, 73, 87, 91, 13]
        .into_iter()
        .find(|v| !screen.contains(&format!("{v}%")))
        .expect("a value that is not on screen yet");
    pty.send(&value.to_string());
    pty.settle(QUIET, LIMIT);
    let shows = format!("{value}%");
    pty.time_until(move |screen| screen.contents().contains(&shows));
    let sent = Instant::now();
    pty.send("\r");
    let shown = pty.timed(LIMIT);
    // The journal is written beside the app: let it end.
    pty.settle(Duration::from_millis(1500), LIMIT);
    pty.time_until(|screen| screen.contents().contains("Saved"));
    pty.send(&key_char(keymap::Context::Global, &Action::Save));
    pty.timed(LIMIT);
    pty.settle(QUIET, LIMIT);
    let peak_rss = pty.peak_rss();
    quit(pty);
    Edit { shown: shown - sent, peak_rss }
}

/// Which build is measured: the figures mean something only in release.
pub fn build() -> &'static str {
    if cfg!(debug_assertions) {
        "debug build (a smoke test, not a measure)"
    } else {
        "release build"
    }
}

/// The load average of the last minute: other work on the machine slows every figure.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".to_string())
}
