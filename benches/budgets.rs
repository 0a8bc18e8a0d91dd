//! The performance budgets, measured and printed as one table: what | size | median | budget
//! | ok, for the shipped report and a generated one of 1000 groups × 100 activities.
//!
//! `cargo bench --bench budgets` runs it all (a few minutes on two cores); `cargo bench
//! --bench budgets -- paste` (or `shipped`, `1000x100`, `remarks`, `sheets`, `git`, `merge`)
//! only the sections named. Figures without a budget are printed below the line for context.
//! Without `--bench` (as `cargo
//! test --benches` runs it) only the shipped report is measured, a few times, as a smoke test.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
#[path = "budgets/git.rs"]
mod git;
#[path = "budgets/huge.rs"]
mod huge;
#[path = "budgets/sheets.rs"]
mod sheets;

use std::fmt::Write as _;
use std::time::Duration;

use common::{Fixture, Plan, Screen, Stats, fixture, label, measure, megabytes, show};
use wgtrack::action::Action;
use wgtrack::store::{self, Expect};

struct Row {
    what: String,
    size: String,
    median: String,
    budget: Option<(String, bool)>,
}

#[derive(Default)]
struct Table {
    rows: Vec<Row>,
    context: Vec<Row>,
}

impl Table {
    fn time(&mut self, what: &str, size: &str, stats: Stats, budget: Option<Duration>) {
        let checked = budget.map(|b| (format!("< {}", show(b)), stats.median < b));
        self.add(what, size, show(stats.median), checked);
    }

    fn add(&mut self, what: &str, size: &str, median: String, budget: Option<(String, bool)>) {
        eprintln!("  {what} [{size}]: {median}");
        let row = Row { what: what.to_string(), size: label(size), median, budget };
        if row.budget.is_some() { self.rows.push(row) } else { self.context.push(row) }
    }

    fn print(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| what | size | median | budget | ok |");
        let _ = writeln!(out, "| --- | --- | ---: | ---: | --- |");
        for row in &self.rows {
            let (budget, ok) = row.budget.clone().unwrap_or_default();
            let ok = if ok { "yes" } else { "**NO**" };
            let _ =
                writeln!(out, "| {} | {} | {} | {budget} | {ok} |", row.what, row.size, row.median);
        }
        let _ = writeln!(out, "\nWithout a budget, for context:\n");
        let _ = writeln!(out, "| what | size | median |");
        let _ = writeln!(out, "| --- | --- | ---: |");
        for row in &self.context {
            let _ = writeln!(out, "| {} | {} | {} |", row.what, row.size, row.median);
        }
        out
    }
}

/// Budgets of one size: start, key, save, search, memory.
struct Budgets {
    start: Duration,
    key: Duration,
    save: Duration,
    search: Duration,
    /// The peak memory allowed for a file of some bytes, and how to say it.
    memory: fn(u64) -> (u64, String),
}

fn budgets(size: &str) -> Budgets {
    if size == "shipped" {
        Budgets {
            start: Duration::from_millis(15),
            key: Duration::from_millis(1),
            save: Duration::from_millis(5),
            search: Duration::from_millis(1),
            memory: |_| (15_000_000, "< 15.0 MB".to_string()),
        }
    } else {
        Budgets {
            start: Duration::from_millis(400),
            key: Duration::from_millis(2),
            save: Duration::from_millis(300),
            search: Duration::from_millis(50),
            memory: |file| {
                let bytes = 3 * file + 15_000_000;
                (bytes, format!("< {} (3 × {} + 15 MB)", megabytes(bytes), megabytes(file)))
            },
        }
    }
}

/// A text the shipped and the generated reports both hold, many times.
const SEARCHED: &str = "statist";

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    // Sections named on the command line, or all of them.
    let named: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let runs = |section: &str| named.is_empty() || named.iter().any(|n| section.contains(n));
    let sizes: &[&str] = if full { &["shipped", "1000x100"] } else { &["shipped"] };
    let home = tempfile::tempdir().expect("a temporary directory");
    common::use_home(home.path());
    let load = common::load_average();
    let mut table = Table::default();
    for &size in sizes.iter().filter(|s| runs(s)) {
        eprintln!("{}:", label(size));
        measure_size(&mut table, size, full, home.path());
    }
    if runs("remarks") {
        eprintln!("huge remarks:");
        huge::measure_remarks(&mut table, full, home.path());
    }
    if runs("sheets") {
        eprintln!("update sheets:");
        sheets::measure_sheets(&mut table, full);
    }
    if runs("paste") {
        eprintln!("a paste as keys:");
        huge::measure_paste(&mut table, full);
    }
    if runs("git") {
        eprintln!("history in git:");
        git::measure_git(&mut table, full);
    }
    if runs("merge") {
        eprintln!("the merge driver:");
        for &size in sizes {
            measure_merge(&mut table, size, full, home.path());
        }
    }
    println!(
        "\nMachine: {}; {}; medians. Load average (1 min) {load} at the start, {} \
         at the end: other work on the machine slows every figure.\n",
        common::machine(),
        common::build(),
        common::load_average()
    );
    println!("{}", table.print());
    let failed = table.rows.iter().filter(|r| r.budget.as_ref().is_some_and(|b| !b.1)).count();
    println!("{failed} of {} budgets not met.", table.rows.len());
}

fn plan(full: bool, plan: Plan) -> Plan {
    if full { plan } else { Plan { min: 2, max: 3, time: Duration::ZERO } }
}

fn measure_size(table: &mut Table, size: &str, full: bool, dir: &std::path::Path) {
    let b = budgets(size);
    let f: &Fixture = fixture(size);
    let fast = plan(full, Plan::FAST);
    let slow = plan(full, Plan::SLOW);
    let big = size != "shipped";

    // The binary in a pseudo-terminal: start to first frame, and peak memory.
    let home = common::home::Home::with_text(&f.ron);
    let file = std::fs::metadata(&home.file).map_or(0, |m| m.len());
    let runs = match (full, big) {
        (false, _) => 2,
        (true, false) => 20,
        (true, true) => 5,
    };
    let starts: Vec<common::Start> = (0..runs).map(|_| common::start_once(&home)).collect();
    let first = Stats::of(starts.iter().map(|s| s.first_frame).collect());
    table.time("start to first frame (pty)", size, first, Some(b.start));
    let mut peaks: Vec<u64> = starts.iter().filter_map(|s| s.peak_rss).collect();
    peaks.sort_unstable();
    if let Some(&peak) = peaks.get(peaks.len() / 2) {
        let (limit, text) = (b.memory)(file);
        let what = format!("peak memory (VmHWM), file of {}", megabytes(file));
        table.add(&what, size, megabytes(peak), Some((text, peak < limit)));
    }

    // Keys: the keymap, App::update and one frame at 120×40.
    let path = common::write_file(dir, size);
    let mut screen = Screen::new(f.report.clone(), path.clone());
    let down = screen.key_for(&Action::Down);
    let last = f.report.groups.len() - 1;
    let stats = measure(
        fast,
        &mut screen,
        |s| {
            if s.app.group() == last {
                s.act(&Action::Home);
                s.draw();
            }
        },
        |s| s.respond(down),
    );
    table.time("key: move down (groups) → frame", size, stats, Some(b.key));

    let open = screen.key_for(&Action::Open);
    let stats = measure(
        fast,
        &mut screen,
        |s| {
            if s.app.focus() != wgtrack::action::Pane::Groups {
                s.act(&Action::Back);
                s.draw();
            }
        },
        |s| s.respond(open),
    );
    table.time("key: open group (Enter) → frame", size, stats, Some(b.key));

    let mut screen = Screen::new(f.report.clone(), path.clone());
    screen.open_table();
    screen.start_progress_edit();
    let enter = screen.key_for(&Action::Confirm);
    let stats = measure(
        fast,
        &mut screen,
        |s| {
            if !matches!(s.app.mode(), wgtrack::app::Mode::EditProgress(_)) {
                s.start_progress_edit();
                s.draw();
            }
        },
        |s| s.respond(enter),
    );
    table.time("key: edit progress (Enter) → frame", size, stats, Some(b.key));

    // The same with a baseline to compare with (the report as loaded).
    let mut based = Screen::undrawn(f.report.clone(), path.clone());
    based.app =
        common::app(f.report.clone(), path.clone()).with_baseline(path.clone(), f.report.clone());
    based.draw();
    based.open_table();
    let stats = measure(
        fast,
        &mut based,
        |s| {
            s.start_progress_edit();
            s.draw();
        },
        |s| s.respond(enter),
    );
    table.time("key: edit progress, with a baseline → frame", size, stats, Some(b.key));
    drop(based);

    // n: the next match of an active search.
    let mut searching = Screen::new(f.report.clone(), path.clone());
    searching.act(&Action::Search);
    searching.type_text(SEARCHED);
    searching.act(&Action::Confirm);
    searching.draw();
    let next = searching.key_for(&Action::NextMatch);
    let stats = measure(fast, &mut searching, |_| {}, |s| s.respond(next));
    let what = format!("key: next match (n) of “{SEARCHED}” → frame");
    table.time(&what, size, stats, Some(b.key));
    drop(searching);

    // The journal after a committed edit: what the event loop's Tick does (a snapshot of the
    // report, asked of the worker), then the writing the worker does.
    let fresh = || {
        let mut s = Screen::new(f.report.clone(), path.clone());
        s.open_table();
        s.act(&edit_of(&s));
        assert!(s.app.is_modified(), "an edit to journal");
        s
    };
    // What the worker is given is dropped with the screen: not timed.
    let stats = measure(slow, &mut fresh(), |s| *s = fresh(), |s| s.app.update(Action::Tick));
    table.time("journal after an edit, on the event loop (Tick)", size, stats, None);
    let journal = dir.join("journal.ron");
    // An edit in one group: the journal repeats that group as the file had it.
    let mut edited = f.report.clone();
    edited.groups[0].activities[0].remarks.push_str(" Edited.");
    let fingerprint = store::Fingerprint::of(f.ron.as_bytes());
    let stats = measure(
        slow,
        &mut (),
        |_| {},
        |_| {
            let base = store::recovery::Base::of(&f.report, fingerprint, &edited);
            let now = std::time::SystemTime::now();
            store::recovery::write_to(&journal, &path, &edited, Some(base), now).expect("journals")
        },
    );
    table.time("journal write, on the worker (recovery::write_to)", size, stats, None);

    // Save: serialise, check, atomic write with a backup.
    let stats = measure(
        slow,
        &mut (),
        |_| {},
        |_| {
            store::save(&path, &f.report, Expect::Anything).expect("saves");
        },
    );
    table.time("save (store::save)", size, stats, Some(b.save));

    // Search.
    for query in [SEARCHED, "quinquagésimo"] {
        let stats = measure(
            fast,
            &mut (),
            |_| {},
            |_| {
                std::hint::black_box(wgtrack::search::find(&f.report, query));
            },
        );
        let what = format!("search “{query}”");
        table.time(&what, size, stats, Some(b.search));
    }

    // Context: what the figures above are made of.
    let stats = measure(fast, &mut screen, |_| {}, |s| s.draw());
    table.time("frame only (activity table)", size, stats, None);
    let stats = measure(
        slow,
        &mut (),
        |_| {},
        |_| {
            std::hint::black_box(store::parse(&path, &f.ron).expect("parses"));
        },
    );
    table.time("load (store::parse)", size, stats, None);
    let stats = measure(
        slow,
        &mut (),
        |_| {},
        |_| {
            std::hint::black_box(store::to_text(&f.report));
        },
    );
    table.time("serialize RON (store::to_text)", size, stats, None);
    let mut out = Vec::new();
    let stats = measure(slow, &mut out, Vec::clear, |out| {
        wgtrack::export::json(&f.report, out).unwrap();
    });
    table.time("export json", size, stats, None);
    let stats = measure(slow, &mut out, Vec::clear, |out| {
        wgtrack::export::csv(&f.report, out).unwrap();
    });
    table.time("export csv", size, stats, None);
    let stats = measure(
        slow,
        &mut (),
        |_| {},
        |_| {
            std::hint::black_box(wgtrack::check::check(&f.report, None));
        },
    );
    let budget = if size == "shipped" { 5 } else { 500 };
    table.time("check (check::check)", size, stats, Some(Duration::from_millis(budget)));
    let stats = measure(slow, &mut out, Vec::clear, |out| {
        wgtrack::export::docx(&f.report, out).unwrap();
    });
    let budget = if size == "shipped" { 50 } else { 5000 };
    table.time("export docx", size, stats, Some(Duration::from_millis(budget)));
    let runs = if full { 5 } else { 1 };
    let edits: Vec<common::Edit> = (0..runs).map(|_| common::edit_once(&home)).collect();
    let shown = Stats::of(edits.iter().map(|e| e.shown).collect());
    table.time("edit in the real app: Enter → frame (pty)", size, shown, None);
    let mut peaks: Vec<u64> = edits.iter().filter_map(|e| e.peak_rss).collect();
    peaks.sort_unstable();
    if let Some(&peak) = peaks.get(peaks.len() / 2) {
        let (limit, text) = (b.memory)(file);
        let what = "peak memory over a session: start, an edit, its journal, a save";
        table.add(what, size, megabytes(peak), Some((text, peak < limit)));
    }
}

/// What the merge driver does for one file: three versions read, merged field by field, the
/// result written over ours with one conflict marked. Ours and theirs each changed groups of
/// their own, and both the first activity's progress.
fn measure_merge(table: &mut Table, size: &str, full: bool, dir: &std::path::Path) {
    let base = &fixture(size).report;
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let groups = base.groups.len();
    for g in 0..groups {
        let side = if g % 2 == 0 { &mut ours } else { &mut theirs };
        side.groups[g].activities[0].remarks.push_str(" Reviewed.");
    }
    ours.groups[0].activities[0].progress = wgtrack::model::Progress::new(41).unwrap();
    theirs.groups[0].activities[0].progress = wgtrack::model::Progress::new(59).unwrap();
    let [b, o, t] = ["base", "ours", "theirs"].map(|name| dir.join(format!("merge-{name}.ron")));
    std::fs::write(&b, &fixture(size).ron).unwrap();
    std::fs::write(&t, store::to_text(&theirs)).unwrap();
    let ours_text = store::to_text(&ours);
    let budget =
        Some(if size == "shipped" { Duration::from_millis(20) } else { Duration::from_secs(2) });
    let stats = measure(
        plan(full, Plan::SLOW),
        &mut (),
        |_| std::fs::write(&o, &ours_text).unwrap(),
        |_| {
            let [base, ours, theirs] = [&b, &o, &t].map(|p| store::load(p).unwrap());
            let merged = wgtrack::merge::merge(&base, &ours, &theirs);
            assert_eq!(merged.conflicts.len(), 1);
            let text = store::marked_text(&merged);
            store::write_atomic(&o, text.as_bytes(), Expect::Anything, false).unwrap();
        },
    );
    table.time("merge driver: read 3 versions, merge, write with a conflict", size, stats, budget);
}

/// A progress step that changes the selected activity: up, unless it is complete.
fn edit_of(s: &Screen) -> Action {
    match s.app.selected_activity() {
        Some(a) if a.progress.get() == 100 => Action::ProgressDown,
        _ => Action::ProgressUp,
    }
}
