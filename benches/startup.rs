//! Process start to first full frame, and peak memory: the release binary in a
//! pseudo-terminal of 120×40, on a temporary copy of the report, with HOME and XDG_* in a
//! temporary directory; timed from spawning it to the frame that shows the header's
//! "Programme" and the groups pane, then quit with q. Peak memory is the process's VmHWM
//! just before quitting.
//!
//! Then the same start in-process, step by step, to show where the time goes.
//!
//! `cargo bench --bench startup`. Without `--bench` (as `cargo test --benches` runs it)
//! only the shipped report is started, twice, as a smoke test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;
use std::time::Duration;

use common::{Plan, Screen, Stats, fixture, label, measure, megabytes, show};
use wgtrack::store::{self, Fingerprint};

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let sizes: &[&str] = if full { &common::SIZES } else { &["shipped"] };
    let home = tempfile::tempdir().expect("a temporary directory");
    common::use_home(home.path());
    println!("Machine: {}; {}.\n", common::machine(), common::build());
    println!("Start to first frame in a pseudo-terminal, and peak memory (VmHWM):\n");
    println!("| size | file | runs | median | fastest | slowest | peak memory | memory / file |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &size in sizes {
        let runs = match (full, size) {
            (false, _) => 2,
            (true, "shipped") => 30,
            (true, "100x100") => 10,
            _ => 5,
        };
        let home = common::home::Home::with_text(&fixture(size).ron);
        let file = std::fs::metadata(&home.file).map_or(0, |m| m.len());
        let starts: Vec<common::Start> = (0..runs).map(|_| common::start_once(&home)).collect();
        let first = Stats::of(starts.iter().map(|s| s.first_frame).collect());
        let mut peaks: Vec<u64> = starts.iter().filter_map(|s| s.peak_rss).collect();
        peaks.sort_unstable();
        let peak = peaks.get(peaks.len() / 2).copied().unwrap_or(0);
        println!(
            "| {} | {} | {runs} | {} | {} | {} | {} | {:.1} × |",
            label(size),
            megabytes(file),
            show(first.median),
            show(first.min),
            show(first.max),
            megabytes(peak),
            peak as f64 / file as f64,
        );
    }
    println!("\nThe same start in-process, step by step (medians):\n");
    println!(
        "| size | read | UTF-8 check | parse + validate | fingerprint | App::new | first frame | sum |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for &size in sizes {
        steps(size, full, home.path());
    }
}

/// Times each step `main` takes before the first frame.
fn steps(size: &str, full: bool, dir: &std::path::Path) {
    let plan = if full {
        Plan { min: 5, max: 50, time: Duration::from_secs(2) }
    } else {
        Plan { min: 2, max: 2, time: Duration::ZERO }
    };
    let path: PathBuf = common::write_file(dir, size);
    let mut bytes = Vec::new();
    let read = measure(plan, &mut bytes, |_| {}, |b| *b = store::read(&path).expect("reads"));
    let utf8 = measure(
        plan,
        &mut (),
        |_| {},
        |_| {
            std::hint::black_box(store::utf8(&path, &bytes).expect("UTF-8"));
        },
    );
    let text = std::str::from_utf8(&bytes).expect("UTF-8");
    let mut report = None;
    let parse = measure(
        plan,
        &mut report,
        |r| *r = None,
        |r| *r = Some(store::parse(&path, text).expect("parses")),
    );
    let fingerprint = measure(
        plan,
        &mut (),
        |_| {},
        |_| {
            std::hint::black_box(Fingerprint::of(std::hint::black_box(&bytes)));
        },
    );
    let report = report.expect("parsed");
    let mut state: (Option<wgtrack::model::Report>, Option<wgtrack::app::App>) = (None, None);
    let app = measure(
        plan,
        &mut state,
        |(input, app)| {
            // Dropping the last app is not part of the start.
            *app = None;
            *input = Some(report.clone());
        },
        |(input, app)| {
            *app = Some(wgtrack::app::App::new(input.take().expect("a report"), path.clone()))
        },
    );
    drop(state);
    let mut screen = None;
    let first_frame = measure(
        plan,
        &mut screen,
        |s| *s = Some(Screen::undrawn(report.clone(), path.clone())),
        |s| s.as_mut().expect("a screen").draw(),
    )
    .median;
    let sum =
        read.median + utf8.median + parse.median + fingerprint.median + app.median + first_frame;
    println!(
        "| {} | {} | {} | {} | {} | {} | {} | {} |",
        label(size),
        show(read.median),
        show(utf8.median),
        show(parse.median),
        show(fingerprint.median),
        show(app.median),
        show(first_frame),
        show(sum),
    );
}
