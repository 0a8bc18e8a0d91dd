//! The report's history in git: one activity's history over 1,000 commits of the shipped
//! report, read the first time and again from the cache; and the app's start with its file
//! in such a repository, against the same file outside git.

use std::time::{Duration, Instant};

use super::{Table, plan};
use crate::common::git::GitRepo;
use crate::common::home::Home;
use crate::common::{self, Plan, Stats, measure};
use wgtrack::action::Action;
use wgtrack::app::{App, HistoryState, Mode};
use wgtrack::effects::Worker;
use wgtrack::history::History;
use wgtrack::model::{Progress, Report};
use wgtrack::store;

/// The commits of the repository measured.
const COMMITS: usize = 1000;
/// The activity followed: VIII.7, which the shipped report has at 8%.
const GROUP: usize = 7;
const ACTIVITY: usize = 6;
/// Reading every version the first time: 1,000 texts read from the pack and parsed, on both
/// cores.
const FIRST: Duration = Duration::from_millis(500);
/// Again: the commits, reports and pairings are kept; the walk and the following remain.
const AGAIN: Duration = Duration::from_millis(5);
/// What a repository may add to the start: nothing is read of it until asked.
const START_MORE: Duration = Duration::from_millis(1);
/// A key on the history screen while the worker reads it.
const KEY_WHILE_LOADING: Duration = Duration::from_millis(1);

/// `COMMITS` versions of the shipped report, each changing one activity's progress (and one
/// in three its remarks too), activity after activity.
fn versions() -> (Vec<(String, String)>, Report) {
    let mut report = store::shipped().expect("the shipped report");
    let places: Vec<(usize, usize)> = report
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, group)| (0..group.activities.len()).map(move |a| (g, a)))
        .collect();
    let mut versions = vec![("round 1".to_string(), store::to_text(&report))];
    for k in 1..COMMITS {
        let (g, a) = places[k % places.len()];
        let activity = &mut report.groups[g].activities[a];
        let mut progress = (k * 37 % 101) as i64;
        if progress == i64::from(activity.progress.get()) {
            progress = (progress + 1) % 101;
        }
        activity.progress = Progress::new(progress).expect("0–100");
        if k % 3 == 0 {
            activity.remarks = format!("Remarks as of commit {k}.");
        }
        versions.push((format!("commit {k}"), store::to_text(&report)));
    }
    (versions, report)
}

pub fn measure_git(table: &mut Table, full: bool) {
    let (versions, last) = versions();
    let home = Home::new();
    GitRepo::init(home.path()).import(&versions);

    let follow = |history: &mut History| {
        let versions = history.versions(None, &mut |_| {}).expect("the history reads");
        let steps = versions.activity(GROUP, ACTIVITY);
        assert!(steps.len() > 5, "VIII.7 changed in the commits");
        std::hint::black_box(steps);
    };
    let runs = if full { 7 } else { 1 };
    let firsts = (0..runs)
        .map(|_| {
            let start = Instant::now();
            follow(&mut History::open(&home.file).expect("in a work tree"));
            start.elapsed()
        })
        .collect();
    let what = "history of one activity over 1,000 commits, first";
    table.time(what, "shipped", Stats::of(firsts), Some(FIRST));
    let mut history = History::open(&home.file).expect("in a work tree");
    let stats = measure(plan(full, Plan::FAST), &mut history, |_| {}, |h| follow(h));
    let what = "history of one activity over 1,000 commits, again (cached)";
    table.time(what, "shipped", stats, Some(AGAIN));

    measure_screen(table, full, &home);

    // The same file outside git; the two measured in turn, so load on the machine falls on
    // both alike.
    let outside = Home::with_text(&store::to_text(&last));
    let runs = if full { 20 } else { 2 };
    let (mut plain, mut in_git) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        plain.push(common::start_once(&outside).first_frame);
        in_git.push(common::start_once(&home).first_frame);
    }
    let plain = Stats::of(plain);
    let budget = plain.median + START_MORE;
    table.time("start to first frame (pty), the file outside git", "shipped", plain, None);
    let what = "start to first frame (pty), the file in a repository of 1,000 commits";
    table.time(what, "shipped", Stats::of(in_git), Some(budget));
}

/// The app's history screen on VIII.7, as the event loop runs it: `H`, the versions read on
/// the worker while keys are answered, the rows shown; then `H` again, shown from what the
/// app kept (the worker's reading to bring it up to date follows, unseen).
fn measure_screen(table: &mut Table, full: bool, home: &Home) {
    let open = || {
        let report = store::load(&home.file).expect("the report loads");
        let mut app = App::new(report, home.file.clone());
        app.update(Action::SelectGroup(GROUP));
        app.update(Action::NextPane);
        for _ in 0..ACTIVITY {
            app.update(Action::Down);
        }
        app
    };
    let ready = |app: &App| matches!(app.mode(), Mode::History(h) if matches!(h.state, HistoryState::Ready(_)));
    let runs = if full { 7 } else { 1 };
    let (mut firsts, mut keys, mut agains) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..runs {
        let mut app = open();
        let mut worker = Worker::start();
        let start = Instant::now();
        app.update(Action::History);
        worker.give(&mut app);
        while !ready(&app) {
            // A key now and then, as a user presses them while it loads.
            let key = Instant::now();
            app.update(Action::Down);
            keys.push(key.elapsed());
            worker.take_done(&mut app, Duration::from_millis(5));
        }
        firsts.push(start.elapsed());
        worker.finish(&mut app);
        app.update(Action::Back);
        let start = Instant::now();
        app.update(Action::History);
        assert!(ready(&app), "shown from what was kept");
        agains.push(start.elapsed());
        worker.finish(&mut app);
    }
    let what = "history screen of one activity over 1,000 commits, first view (worker)";
    table.time(what, "shipped", Stats::of(firsts), Some(FIRST));
    let what = "a key on the history screen while it loads";
    table.time(what, "shipped", Stats::of(keys), Some(KEY_WHILE_LOADING));
    let what = "history screen of one activity over 1,000 commits, again";
    table.time(what, "shipped", Stats::of(agains), Some(AGAIN));
}
