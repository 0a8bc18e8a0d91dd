//! The app's history screen (`H`): drawn from a real repository for an activity and a
//! group, keys answered while the history is read, and `H` outside a work tree.

use crossterm::event::KeyCode;
use wgtrack::action::Action;
use wgtrack::app::{App, HistoryState, Mode, Outcome};
use wgtrack::history::Loading;
use wgtrack::model::{Progress, Report};
use wgtrack::store;

use crate::common::git::{FIRST_TIME, GitRepo};
use crate::common::home::Home;
use crate::common::{Driver, assert_snapshot, shipped};

/// A repository of four commits by two people, changing VIII.7 (progress and remarks) and
/// VIII.2, and VIII.7's progress changed again in the file, not committed; the report as
/// the file holds it.
fn repository() -> (GitRepo, Report) {
    let repo = GitRepo::new();
    let mut report = shipped();
    repo.commit(&store::to_text(&report), "Round 1: the report as submitted", FIRST_TIME);
    viii_7(&mut report).progress = Progress::new(30).unwrap();
    viii_7(&mut report).remarks = "The guide is under review by the countries.".to_string();
    repo.commit(&store::to_text(&report), "VIII.7: the guide under review", FIRST_TIME + 86_400);
    report.groups[7].activities[1].progress = Progress::new(70).unwrap();
    repo.commit(&store::to_text(&report), "VIII.2 moves on", FIRST_TIME + 2 * 86_400);
    viii_7(&mut report).progress = Progress::new(80).unwrap();
    viii_7(&mut report).remarks =
        "The guide was reviewed by the countries and ECLAC; published in 2022.".to_string();
    repo.commit(&store::to_text(&report), "VIII.7: the guide reviewed", FIRST_TIME + 3 * 86_400);
    viii_7(&mut report).progress = Progress::new(90).unwrap();
    std::fs::write(repo.file(), store::to_text(&report)).unwrap();
    (repo, report)
}

fn viii_7(report: &mut Report) -> &mut wgtrack::model::Activity {
    &mut report.groups[7].activities[6]
}

/// The app on the repository's file, dates in UTC, on a screen of 110 × 30.
fn app_in(repo: &GitRepo, report: Report) -> Driver {
    let app = App::new(report, repo.file()).with_time_zone(jiff::tz::TimeZone::UTC);
    Driver::of(app).on_screen(110, 30)
}

/// The screen below the header, which holds the temporary path.
fn body(s: &mut Driver) -> String {
    let text = s.settled_text();
    text.lines().skip(1).collect::<Vec<_>>().join("\n")
}

#[test]
fn an_activity_s_history_shows_each_commit_that_changed_it_newest_first() {
    let (repo, report) = repository();
    let mut s = app_in(&repo, report);
    s.select_activity(7, 6);
    s.ch('H');
    let screen = body(&mut s);
    // Newest first, the edits not committed on top; "VIII.2 moves on" left VIII.7 alone.
    let order = [
        "(changes not committed)",
        "2021-01-04 00:00 Ana Pérez",
        "2021-01-02 00:00 Ana Pérez",
        "2021-01-01 00:00 Ana Pérez",
    ];
    let at: Vec<usize> = order.iter().map(|t| screen.find(t).expect(t)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{screen}");
    assert!(!screen.contains("VIII.2 moves on"), "{screen}");
    assert_snapshot("activity_history", &screen);

    // Enter on the last commit: its remarks against the version before, word by word.
    s.ch('j');
    s.enter();
    let screen = body(&mut s);
    assert!(screen.contains("[-is under-]{+was+} [-review-]{+reviewed+}"), "{screen}");
    assert_snapshot("activity_history_version", &screen);
    // ↓ opens the version before in its place, and the one before it: the first, where
    // everything is added.
    s.ch('j');
    let screen = body(&mut s);
    assert!(screen.contains("[-document-]{+guide+}"), "{screen}");
    s.ch('j');
    let screen = body(&mut s);
    assert!(screen.contains("VIII.7 as of") && screen.contains("Round 1"), "{screen}");
    assert!(screen.contains("Remarks, where it first appears"), "{screen}");
    s.esc();
    assert!(matches!(s.app.mode(), Mode::History(screen) if screen.opened.is_none()));
    s.esc();
    assert!(matches!(s.app.mode(), Mode::Normal));
}

#[test]
fn a_group_s_history_and_the_programme_s() {
    let (repo, report) = repository();
    let mut s = app_in(&repo, report);
    s.select_group(7);
    s.ch('H');
    let screen = body(&mut s);
    assert!(screen.contains("History of group VIII"), "{screen}");
    assert!(screen.contains("VIII.2 moves on"), "{screen}");
    assert_snapshot("group_history", &screen);
    s.esc();
    s.ch('v');
    s.ch('H');
    let screen = body(&mut s);
    assert!(screen.contains("History of the programme"), "{screen}");
    assert_eq!(screen.matches("Ana Pérez").count(), 4, "every commit:\n{screen}");
}

#[test]
fn keys_are_answered_while_the_history_is_read_and_esc_leaves() {
    let (repo, report) = repository();
    let mut s = app_in(&repo, report);
    s.select_activity(7, 6);
    // The key alone, the reading left queued as the worker would hold it.
    let action = s.keymap.action(&s.app, crossterm::event::KeyEvent::from(KeyCode::Char('H')));
    s.app.update(action.expect("H is bound"));
    let mut effects = s.app.take_effects();
    assert_eq!(effects.len(), 1, "one reading asked for");
    let file = repo.file();
    s.app.complete(Outcome::HistoryLoading {
        file: file.clone(),
        loading: Loading::Reading { done: 120, total: 340 },
    });
    let screen = body(&mut s);
    assert!(screen.contains("Reading 120 of 340 commits"), "{screen}");
    s.app.update(Action::Down);
    s.app.update(Action::Help);
    assert!(
        matches!(s.app.mode(), Mode::History(h) if matches!(h.state, HistoryState::Loading(_)))
    );
    s.app.update(Action::Back);
    assert!(matches!(s.app.mode(), Mode::Normal), "Esc leaves while it loads");
    // The reading ends after: kept, not shown; `H` again shows it at once.
    let outcome = wgtrack::effects::perform(effects.remove(0)).expect("an outcome");
    s.app.complete(outcome);
    assert!(matches!(s.app.mode(), Mode::Normal));
    s.app.update(Action::History);
    assert!(
        matches!(s.app.mode(), Mode::History(h) if matches!(&h.state, HistoryState::Ready(r) if r.rows.len() == 4))
    );
}

#[test]
fn outside_a_work_tree_h_says_so() {
    let home = Home::new();
    let app = App::new(store::load(&home.file).unwrap(), home.file.clone());
    let mut s = Driver::of(app).on_screen(110, 30);
    s.ch('H');
    assert!(matches!(s.app.mode(), Mode::Normal));
    assert!(s.message().contains("is not in a git work tree"), "{}", s.message());
    assert!(s.is_error());
}

#[test]
fn the_baseline_prompt_offers_the_tags_and_recent_commits() {
    let (repo, report) = repository();
    repo.git(&["tag", "round-1", "HEAD~3"]);
    let mut s = app_in(&repo, report);
    s.ch('b');
    let Mode::PickBaseline(pick) = s.app.mode() else { panic!("the prompt is open") };
    let offered: Vec<&str> = pick.choices.iter().map(|o| o.choice.rev.as_str()).collect();
    assert_eq!(offered.len(), 5, "the tag, then the four commits: {offered:?}");
    assert_eq!(offered[0], "round-1");
    assert_eq!(pick.choices[4].choice.summary, "Round 1: the report as submitted");
    let screen = body(&mut s);
    assert!(screen.contains("◆ round-1"), "{screen}");
    assert!(screen.contains("2021-01-03 00:00 VIII.2 moves on"), "{screen}");
    // ↓ takes the first, ↓ again the newest commit; ↑ back to the tag; Enter compares.
    s.key(KeyCode::Down);
    s.key(KeyCode::Down);
    let Mode::PickBaseline(pick) = s.app.mode() else { panic!("still open") };
    assert_eq!(pick.input, pick.choices[1].choice.rev);
    s.key(KeyCode::Up);
    s.enter();
    let baseline = s.app.baseline().expect("the tag is the baseline");
    assert_eq!(baseline.path, std::path::Path::new("round-1:report.ron"));
    assert_eq!(baseline.report.groups[7].activities[6].progress.get(), 8);
}

#[test]
fn outside_a_work_tree_the_baseline_prompt_offers_nothing_and_takes_a_file() {
    let home = Home::new();
    let app = App::new(store::load(&home.file).unwrap(), home.file.clone());
    let mut s = Driver::of(app).on_screen(110, 30);
    s.ch('b');
    let Mode::PickBaseline(pick) = s.app.mode() else { panic!("the prompt is open") };
    assert!(pick.choices.is_empty());
    assert!(s.app.message().is_none(), "nothing said: {:?}", s.app.message());
    s.key(KeyCode::Down);
    s.typed(home.file.to_str().unwrap());
    s.enter();
    assert!(s.app.baseline().is_some(), "{:?}", s.app.message());
}
