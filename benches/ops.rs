//! Each operation of the app and the CLI at three sizes (the shipped report, 100×100 and
//! 1000×100 groups × activities), with divan: load, save and their parts, a frame at 120×40,
//! the response to keys, the journal, search, exports, and the parser's throughput next to
//! serde_json on the same report.
//!
//! `cargo bench --bench ops` (a second or so per benchmark); `-- load` runs only those whose
//! name holds "load".

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use common::{SIZES, Screen, fixture};
use divan::Bencher;
use divan::counter::BytesCount;
use wgtrack::action::Action;
use wgtrack::model::Report;
use wgtrack::store::{self, Expect, Fingerprint};

fn main() {
    let home = dir();
    common::use_home(home);
    // One second per benchmark at most, unless the command line says otherwise.
    divan::Divan::default().max_time(Duration::from_secs(1)).config_with_args().main();
    // The directory lives in a static, which is never dropped: remove it by hand.
    let _ = std::fs::remove_dir_all(home);
}

/// A temporary directory for the files the benchmarks write, kept for the whole run.
fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary directory")).path()
}

/// The report file of `size`, written once.
fn path(size: &str) -> PathBuf {
    static PATHS: [OnceLock<PathBuf>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = SIZES.iter().position(|s| *s == size).expect("a known size");
    PATHS[i].get_or_init(|| common::write_file(dir(), size)).clone()
}

mod parse {
    use super::*;

    /// Text → Report as the app loads it: RON, then the checks.
    #[divan::bench(args = SIZES)]
    fn load(bencher: Bencher, size: &str) {
        let f = fixture(size);
        let path = path(size);
        bencher
            .counter(BytesCount::of_str(&f.ron))
            .bench(|| store::parse(&path, &f.ron).expect("parses"));
    }

    /// The RON parser alone.
    #[divan::bench(args = SIZES)]
    fn ron(bencher: Bencher, size: &str) {
        let f = fixture(size);
        bencher
            .counter(BytesCount::of_str(&f.ron))
            .bench(|| ron::from_str::<Report>(&f.ron).expect("parses"));
    }

    /// serde_json on the same report written as JSON.
    #[divan::bench(args = SIZES)]
    fn json(bencher: Bencher, size: &str) {
        let f = fixture(size);
        bencher
            .counter(BytesCount::of_str(&f.json))
            .bench(|| serde_json::from_str::<Report>(&f.json).expect("parses"));
    }
}

mod save {
    use super::*;

    /// The whole save: serialise, read back and compare, atomic write with backup and fsync.
    #[divan::bench(args = SIZES)]
    fn save(bencher: Bencher, size: &str) {
        let f = fixture(size);
        let path = path(size);
        bencher
            .counter(BytesCount::of_str(&f.ron))
            .bench(|| store::save(&path, &f.report, Expect::Anything).expect("saves"));
    }

    /// The text alone.
    #[divan::bench(args = SIZES)]
    fn to_text(bencher: Bencher, size: &str) {
        let f = fixture(size);
        bencher.counter(BytesCount::of_str(&f.ron)).bench(|| store::to_text(&f.report));
    }

    /// The atomic write alone: conflict check, temporary file, fsync, backup, rename.
    #[divan::bench(args = SIZES)]
    fn write_atomic(bencher: Bencher, size: &str) {
        let f = fixture(size);
        let path = path(size);
        bencher.counter(BytesCount::of_str(&f.ron)).bench(|| {
            store::write_atomic(&path, f.ron.as_bytes(), Expect::Anything, true).expect("writes")
        });
    }

    /// The fingerprint that open and save compute over the whole file.
    #[divan::bench(args = SIZES)]
    fn fingerprint(bencher: Bencher, size: &str) {
        let f = fixture(size);
        bencher
            .counter(BytesCount::of_str(&f.ron))
            .bench(|| Fingerprint::of(divan::black_box(f.ron.as_bytes())));
    }
}

mod frame {
    use super::*;

    /// The first screen: groups pane focused, first group shown.
    #[divan::bench(args = SIZES)]
    fn groups(bencher: Bencher, size: &str) {
        let mut screen = Screen::new(fixture(size).report.clone(), path(size));
        bencher.bench_local(|| screen.draw());
    }

    /// The activity table of the first group, focused.
    #[divan::bench(args = SIZES)]
    fn table(bencher: Bencher, size: &str) {
        let mut screen = Screen::new(fixture(size).report.clone(), path(size));
        screen.open_table();
        bencher.bench_local(|| screen.draw());
    }

    /// `App::new`: the derived figures over the whole report.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn app_new(bencher: Bencher, size: &str) {
        let report = &fixture(size).report;
        let path = path(size);
        bencher
            .with_inputs(|| report.clone())
            .bench_local_values(|r| wgtrack::app::App::new(r, path.clone()));
    }
}

/// The response to a key: `Keymap::action`, `App::update` and one frame at 120×40. State is
/// put back between samples (untimed), so each sample is one key.
mod key {
    use super::*;

    fn respond(
        bencher: Bencher,
        screen: Screen,
        action: Action,
        mut reset: impl FnMut(&mut Screen),
    ) {
        let screen = RefCell::new(screen);
        bencher
            .with_inputs(|| {
                let mut s = screen.borrow_mut();
                reset(&mut s);
                s.key_for(&action)
            })
            .bench_local_values(|key| screen.borrow_mut().respond(key));
    }

    /// The keymap alone.
    #[divan::bench(args = SIZES)]
    fn keymap(bencher: Bencher, size: &str) {
        let screen = Screen::new(fixture(size).report.clone(), path(size));
        let key = screen.key_for(&Action::Down);
        bencher.bench_local(|| screen.keymap.action(&screen.app, divan::black_box(key)));
    }

    /// ↓ in the groups pane.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn down(bencher: Bencher, size: &str) {
        let screen = Screen::new(fixture(size).report.clone(), path(size));
        let last = fixture(size).report.groups.len() - 1;
        respond(bencher, screen, Action::Down, |s| {
            if s.app.group() == last {
                s.act(&Action::Home);
                s.draw();
            }
        });
    }

    /// Enter on a group: its activity table.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn open(bencher: Bencher, size: &str) {
        let screen = Screen::new(fixture(size).report.clone(), path(size));
        respond(bencher, screen, Action::Open, |s| {
            if s.app.focus() != wgtrack::action::Pane::Groups {
                s.act(&Action::Back);
                s.draw();
            }
        });
    }

    /// Enter in the progress prompt: the change committed and shown.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn edit_progress(bencher: Bencher, size: &str) {
        let mut screen = Screen::new(fixture(size).report.clone(), path(size));
        screen.open_table();
        respond(bencher, screen, Action::Confirm, |s| {
            s.start_progress_edit();
            s.draw();
        });
    }

    /// The same with a baseline to compare with (the report as loaded).
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn edit_progress_baseline(bencher: Bencher, size: &str) {
        let report = fixture(size).report.clone();
        let mut screen = Screen::new(report.clone(), path(size));
        screen.app =
            wgtrack::app::App::new(report.clone(), path(size)).with_baseline(path(size), report);
        screen.draw();
        screen.open_table();
        respond(bencher, screen, Action::Confirm, |s| {
            s.start_progress_edit();
            s.draw();
        });
    }

    /// `n`: the next match of an active search.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn next_match(bencher: Bencher, size: &str) {
        let mut screen = Screen::new(fixture(size).report.clone(), path(size));
        screen.act(&Action::Search);
        screen.type_text("statist");
        screen.act(&Action::Confirm);
        screen.draw();
        respond(bencher, screen, Action::NextMatch, |_| {});
    }

    /// The journal after a committed edit as the event loop asks for it (`Action::Tick`): a
    /// snapshot of the report, for the worker to write.
    #[divan::bench(args = SIZES, sample_size = 1)]
    fn journal(bencher: Bencher, size: &str) {
        bencher
            .with_inputs(|| {
                let mut screen = Screen::new(fixture(size).report.clone(), path(size));
                screen.open_table();
                screen.act(&Action::ProgressDown);
                screen.act(&Action::ProgressUp);
                screen.act(&Action::ProgressUp);
                assert!(screen.app.is_modified(), "an edit to journal");
                screen
            })
            // The screen, and the effect it asked for, are dropped after the timing.
            .bench_local_values(|mut screen| {
                screen.app.update(Action::Tick);
                screen
            });
    }

    /// The journal's writing, on the worker: the text, its read-back, the atomic write.
    #[divan::bench(args = SIZES)]
    fn journal_write(bencher: Bencher, size: &str) {
        let f = fixture(size);
        let journal = dir().join(format!("journal-{size}.ron"));
        bencher.counter(BytesCount::of_str(&f.ron)).bench(|| {
            store::recovery::write_to(
                &journal,
                &path(size),
                &f.report,
                None,
                std::time::SystemTime::now(),
            )
            .expect("journals")
        });
    }
}

mod search {
    use super::*;

    /// A text found in many titles, descriptions and remarks.
    #[divan::bench(args = SIZES)]
    fn hit(bencher: Bencher, size: &str) {
        let report = &fixture(size).report;
        bencher.bench(|| wgtrack::search::find(report, divan::black_box("statist")));
    }

    /// A text found nowhere: every title, description and remarks read to the end.
    #[divan::bench(args = SIZES)]
    fn miss(bencher: Bencher, size: &str) {
        let report = &fixture(size).report;
        bencher.bench(|| wgtrack::search::find(report, divan::black_box("quinquagésimo")));
    }
}

mod export {
    use super::*;

    #[divan::bench(args = SIZES)]
    fn json(bencher: Bencher, size: &str) {
        let report = &fixture(size).report;
        let mut out = Vec::new();
        bencher.bench_local(|| {
            out.clear();
            wgtrack::export::json(report, &mut out).expect("writes")
        });
    }

    #[divan::bench(args = SIZES)]
    fn csv(bencher: Bencher, size: &str) {
        let report = &fixture(size).report;
        let mut out = Vec::new();
        bencher.bench_local(|| {
            out.clear();
            wgtrack::export::csv(report, &mut out).expect("writes")
        });
    }
}
