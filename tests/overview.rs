//! "See the whole programme": the overview (`v`), its sorting and threshold, the table's
//! filters, and the comparison with a baseline, as snapshots at 120x40 and 80x24 and as
//! plain checks of the state against figures computed from the model.
//!
//! The harness is a copy of the one in `tests/snapshots.rs`: the app driven with keys
//! through the default keymap, drawn into ratatui's `TestBackend` as `tui::run` draws it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod overview {
    mod changes;
}

use std::collections::BTreeSet;
use std::path::PathBuf;

use crossterm::event::KeyCode;
use wgtrack::action::Pane;
use wgtrack::app::{App, Filter, GroupOrder, Mode, OverviewList};
use wgtrack::model::{Progress, Report, Status};

use common::scenarios::SIZES;
use common::{Driver, FAKE_PATH, shipped};

/// The baseline the comparison screens name; never read.
const BASELINE_PATH: &str = "/data/previous.ron";

/// The report with three edits, compared with the shipped one as its baseline.
fn compared(width: u16, height: u16) -> Driver {
    let app = App::new(three_edits(), PathBuf::from(FAKE_PATH))
        .with_baseline(PathBuf::from(BASELINE_PATH), shipped());
    Driver::of(app).on_screen(width, height)
}

/// The new remarks of VIII.6 in the compared report.
const NEW_REMARKS: &str = "Methodological document consolidated; sent to the countries for review.";
/// The reworded description of VIII.2 in the compared report.
const REWORDED: &str = "Identification of the needs";

/// The shipped report with three edits, all in group VIII: VIII.7's progress 8% → 40%,
/// VIII.6's remarks rewritten, VIII.2's description reworded.
fn three_edits() -> Report {
    let mut report = shipped();
    let group = &mut report.groups[7];
    assert_eq!(group.activities[6].progress.get(), 8);
    group.activities[6].progress = Progress::new(40).unwrap();
    group.activities[5].remarks = NEW_REMARKS.to_string();
    assert_eq!(group.activities[1].description, "Identification of needs");
    group.activities[1].description = REWORDED.to_string();
    report
}

// The screens, as keys pressed from the start state.

type Scenario = fn(&mut Driver);

fn overview(s: &mut Driver) {
    s.key(KeyCode::Char('v'));
}

fn overview_by_progress(s: &mut Driver) {
    overview(s);
    s.key(KeyCode::Char('s'));
}

/// The behind list focused, with the threshold at 50%.
fn behind_at_50(s: &mut Driver) {
    overview(s);
    s.key(KeyCode::Char('t'));
    s.typed("50");
    s.key(KeyCode::Enter);
    s.key(KeyCode::Tab);
}

/// Group VI (24 activities, a Topic column on wide screens), its table filtered to the
/// activities not started.
fn vi_not_started(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('f'));
}

/// Group VIII's table with the Δ column, VIII.7 (the progress change) selected.
fn compared_table(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
}

/// The activity view of VIII.6, whose remarks changed.
fn compared_activity(s: &mut Driver) {
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
}

/// Runs a scenario at both sizes and compares each screen with its snapshot.
fn snapshots(name: &str, make: fn(u16, u16) -> Driver, scenario: Scenario) {
    for (width, height) in SIZES {
        let mut screen = make(width, height);
        scenario(&mut screen);
        screen.settle();
        common::assert_snapshot(format!("{name}_{width}x{height}"), screen.backend());
    }
}

/// The mean progress of every group, from the model.
fn group_means(report: &Report) -> Vec<f64> {
    report
        .groups
        .iter()
        .map(|g| g.progress().expect("every shipped group has activities"))
        .collect()
}

#[test]
fn overview_snapshots() {
    snapshots("overview", Driver::screen, overview);
    let mut s = Driver::screen(120, 40);
    overview(&mut s);
    s.settle();
    assert_eq!(s.app.focus(), Pane::Overview);
    let text = s.text();
    let tally = shipped().tally();
    let counts = format!(
        "{} activities: {} ✓ completed   {} ◐ in progress   {} ○ not started",
        tally.total(),
        tally.completed,
        tally.in_progress,
        tally.not_started
    );
    assert!(text.contains(&counts), "{counts}\n{text}");
    assert!(text.contains("Groups, by number (s sorts)"), "{text}");
    // v again goes back where it came from.
    s.key(KeyCode::Char('v'));
    assert_eq!(s.app.focus(), Pane::Groups);
}

/// On a small screen the lists come before the summary: at 40×10 at least two groups and
/// one activity behind show (the header still has the programme's progress).
#[test]
fn a_small_screen_shows_two_groups_and_one_activity_behind() {
    for (width, height) in [(40, 10), (50, 12), (60, 14)] {
        let mut s = Driver::screen(width, height);
        overview(&mut s);
        s.settle();
        let text = s.text();
        let rows =
            |prefix: &str| text.lines().filter(|l| l.trim_matches('"').starts_with(prefix)).count();
        assert!(rows("│I ") + rows("│II ") == 2, "two group rows at {width}×{height}:\n{text}");
        assert!(rows("│I.6 ") == 1, "one activity behind at {width}×{height}:\n{text}");
        if (width, height) == (40, 10) {
            common::assert_snapshot("overview_40x10".to_string(), s.backend());
        }
    }
}

#[test]
fn overview_sorted_by_progress_snapshots() {
    snapshots("overview_by_progress", Driver::screen, overview_by_progress);
}

#[test]
fn sorting_by_progress_puts_the_least_advanced_group_first() {
    let report = shipped();
    let means = group_means(&report);
    let mut expected: Vec<usize> = (0..means.len()).collect();
    expected.sort_by(|&a, &b| means[a].total_cmp(&means[b]));
    let least = expected[0];
    assert!(means.iter().all(|&m| m >= means[least]));
    // VII (Migration, 32.5%) in the shipped report.
    assert_eq!(least, 6);

    let mut s = Driver::screen(120, 40);
    overview(&mut s);
    assert_eq!(s.app.overview_groups(), (0..means.len()).collect::<Vec<_>>());
    s.key(KeyCode::Char('s'));
    assert_eq!(s.app.overview().order, GroupOrder::Progress);
    assert_eq!(s.app.overview_groups(), expected);
    s.settle();
    let text = s.text();
    assert!(text.contains("Groups, least advanced first (s sorts)"), "{text}");
    // The first row of the groups list is VII.
    let first_row = text
        .lines()
        .skip_while(|l| !l.contains("Groups, least advanced first"))
        .nth(2)
        .expect("a first group row")
        .to_string();
    assert!(first_row.contains("VII   Migration"), "{first_row}\n{text}");
    // Enter on the first row goes to the least advanced group.
    s.key(KeyCode::Enter);
    assert_eq!((s.app.group(), s.app.activity(), s.app.focus()), (least, 0, Pane::Activities));
    // s again: by number.
    s.key(KeyCode::Char('v'));
    s.key(KeyCode::Char('s'));
    assert_eq!(s.app.overview().order, GroupOrder::Number);
}

#[test]
fn behind_list_at_threshold_50_snapshots() {
    snapshots("overview_behind_50", Driver::screen, behind_at_50);
    let mut s = Driver::screen(120, 40);
    behind_at_50(&mut s);
    s.settle();
    assert_eq!(s.app.overview().list, OverviewList::Behind);
    assert_eq!(s.app.threshold().get(), 50);
    let text = s.text();
    let count = s.app.behind().len();
    assert!(
        text.contains(&format!("Behind: {count} activities not started or below 50%")),
        "{text}"
    );
}

/// The activities not started or below `threshold`, from the model.
fn behind_in_model(report: &Report, threshold: u8) -> BTreeSet<(usize, usize)> {
    let mut set = BTreeSet::new();
    for (g, group) in report.groups.iter().enumerate() {
        for (a, activity) in group.activities.iter().enumerate() {
            let p = activity.progress.get();
            if p == 0 || p < threshold {
                set.insert((g, a));
            }
        }
    }
    set
}

#[test]
fn behind_list_holds_exactly_the_activities_not_started_or_below_the_threshold() {
    let report = shipped();
    let mut s = Driver::screen(120, 40);
    for threshold in [25u8, 50, 0, 100, 71] {
        // The list is kept while the overview shows it.
        overview(&mut s);
        if threshold != 25 {
            s.key(KeyCode::Char('t'));
            assert!(matches!(s.app.mode(), Mode::Threshold(_)));
            s.typed(&threshold.to_string());
            s.key(KeyCode::Enter);
            assert!(matches!(s.app.mode(), Mode::Normal));
        }
        assert_eq!(s.app.threshold().get(), threshold, "the default threshold is 25%");
        let behind = s.app.behind().to_vec();
        let set: BTreeSet<(usize, usize)> = behind.iter().map(|&(_, g, a)| (g, a)).collect();
        assert_eq!(set.len(), behind.len(), "an activity is listed twice at {threshold}");
        assert_eq!(set, behind_in_model(&report, threshold), "threshold {threshold}");
        // Least advanced first.
        let progress: Vec<u8> =
            behind.iter().map(|&(_, g, a)| report.activity(g, a).unwrap().progress.get()).collect();
        assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{threshold}: {progress:?}");
        s.key(KeyCode::Esc);
    }
    // 101 is refused and the prompt stays with what was typed.
    overview(&mut s);
    s.key(KeyCode::Char('t'));
    s.typed("101");
    s.key(KeyCode::Enter);
    assert!(matches!(&s.app.mode(), Mode::Threshold(input) if input == "101"));
    assert!(s.app.message().is_some_and(|m| m.is_error));
    assert_eq!(s.app.threshold().get(), 71);
}

#[test]
fn enter_in_the_overview_jumps_to_the_group_or_activity() {
    let report = shipped();
    // From the groups list: the third group.
    let mut s = Driver::screen(120, 40);
    overview(&mut s);
    s.repeat(KeyCode::Char('j'), 2);
    assert_eq!(s.app.overview().group_row, 2);
    s.key(KeyCode::Enter);
    assert_eq!((s.app.group(), s.app.activity(), s.app.focus()), (2, 0, Pane::Activities));

    // From the behind list: each line goes to its activity.
    let behind = s.app.behind().to_vec();
    assert!(behind.len() > 3);
    for (row, &(_, g, a)) in behind.iter().enumerate().take(4) {
        overview(&mut s);
        if s.app.overview().list == OverviewList::Groups {
            s.key(KeyCode::Tab);
        }
        s.key(KeyCode::Home);
        s.repeat(KeyCode::Char('j'), row);
        assert_eq!(s.app.overview().behind_row, row);
        s.key(KeyCode::Enter);
        assert_eq!((s.app.group(), s.app.activity(), s.app.focus()), (g, a, Pane::Activities));
        assert!(report.activity(g, a).unwrap().progress.get() < 25);
        s.settle();
        // The table shows the activity selected.
        assert!(s.app.visible_activities().contains(&a));
    }
    // The last line, with End.
    overview(&mut s);
    s.key(KeyCode::End);
    s.key(KeyCode::Enter);
    let (_, g, a) = *behind.last().unwrap();
    assert_eq!((s.app.group(), s.app.activity()), (g, a));
    // Esc leaves the overview for the pane it was opened from.
    overview(&mut s);
    s.key(KeyCode::Esc);
    assert_eq!(s.app.focus(), Pane::Activities);
}

#[test]
fn a_jump_from_the_behind_list_clears_the_filter_so_the_activity_shows() {
    let mut s = Driver::screen(120, 40);
    // Group I, its table filtered to completed activities.
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('f'), 3);
    assert_eq!(s.app.filter(), Some(Filter::Status(Status::Completed)));
    overview(&mut s);
    s.key(KeyCode::Tab);
    s.key(KeyCode::Enter);
    let (_, g, a) = s.app.behind()[0];
    assert_eq!((s.app.group(), s.app.activity()), (g, a));
    assert_eq!(s.app.filter(), None);
    assert!(s.app.visible_activities().contains(&a));
}

#[test]
fn a_jump_from_the_groups_list_keeps_the_selection_on_a_shown_row() {
    let mut s = Driver::screen(120, 40);
    // Group II, filtered to the activities not started (II.6 and II.7).
    s.key(KeyCode::Char('j'));
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('f'));
    assert_eq!(s.app.visible_activities(), [5, 6]);
    assert_eq!(s.app.activity(), 5);
    // Overview, then group I (whose I.1 is completed, I.6 not started).
    overview(&mut s);
    s.key(KeyCode::Home);
    s.key(KeyCode::Enter);
    assert_eq!((s.app.group(), s.app.focus()), (0, Pane::Activities));
    let visible = s.app.visible_activities();
    assert!(
        s.app.filter().is_none() || visible.contains(&s.app.activity()),
        "activity {} selected, the filter shows {visible:?}",
        s.app.activity()
    );
}

#[test]
fn table_filter_snapshots() {
    snapshots("filter_vi_not_started", Driver::screen, vi_not_started);
    let mut s = Driver::screen(120, 40);
    vi_not_started(&mut s);
    s.settle();
    let text = s.text();
    let report = shipped();
    let group = &report.groups[5];
    let not_started = group.activities.iter().filter(|a| a.progress.get() == 0).count();
    // The pane's figures line says so.
    let title =
        format!("filter: not started, {not_started} of {} (x clears)", group.activities.len());
    assert!(text.contains(&title), "{title}\n{text}");
    assert!(s.message_row().contains("Showing not started activities"), "{text}");
}

#[test]
fn the_filter_cycles_through_every_kind_and_x_clears_it() {
    let report = shipped();
    let group = &report.groups[5];
    let rows = |keep: &dyn Fn(u8) -> bool| -> Vec<usize> {
        (0..group.activities.len()).filter(|&a| keep(group.activities[a].progress.get())).collect()
    };
    let mut s = Driver::screen(120, 40);
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
    assert_eq!(s.app.visible_activities(), rows(&|_| true));
    let steps: [(Option<Filter>, Vec<usize>, &str); 5] = [
        (Some(Filter::Status(Status::NotStarted)), rows(&|p| p == 0), "not started"),
        (Some(Filter::Status(Status::InProgress)), rows(&|p| p > 0 && p < 100), "in progress"),
        (Some(Filter::Status(Status::Completed)), rows(&|p| p == 100), "completed"),
        (Some(Filter::Below(Progress::new(25).unwrap())), rows(&|p| p < 25), "below 25%"),
        (None, rows(&|_| true), "all"),
    ];
    for (filter, visible, words) in steps {
        s.key(KeyCode::Char('f'));
        assert_eq!(s.app.filter(), filter, "{words}");
        assert_eq!(s.app.visible_activities(), visible, "{words}");
        assert!(visible.contains(&s.app.activity()), "{words}: the selection is on a shown row");
        s.settle();
        let message = s.message_row();
        assert!(message.contains(&format!("Showing {words} activities")), "{message}");
        let text = s.text();
        match filter {
            Some(f) => assert!(text.contains(&format!("filter: {}", f.describe())), "{text}"),
            None => assert!(!text.contains("filter:"), "{text}"),
        }
    }
    // x clears whatever filter is on.
    s.repeat(KeyCode::Char('f'), 2);
    assert!(s.app.filter().is_some());
    s.key(KeyCode::Char('x'));
    assert_eq!(s.app.filter(), None);
    assert_eq!(s.app.visible_activities().len(), group.activities.len());
    s.settle();
    assert!(s.message_row().contains("Showing all activities"));
    assert!(!s.text().contains("filter:"));
}

#[test]
fn movement_with_a_filter_visits_only_shown_rows() {
    let mut s = Driver::screen(120, 40);
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('f'));
    let shown = s.app.visible_activities();
    assert_eq!(shown, [16, 17, 20, 21, 22, 23]);
    let mut visited = vec![s.app.activity()];
    for _ in 0..shown.len() + 2 {
        s.key(KeyCode::Char('j'));
        visited.push(s.app.activity());
    }
    let mut expected = shown.clone();
    expected.extend([23, 23, 23]);
    assert_eq!(visited[..], expected[..], "↓ goes through the shown rows, then stops");
    let mut back = Vec::new();
    for _ in 0..shown.len() {
        s.key(KeyCode::Char('k'));
        back.push(s.app.activity());
    }
    assert_eq!(back, [22, 21, 20, 17, 16, 16]);
    s.key(KeyCode::End);
    assert_eq!(s.app.activity(), 23);
    s.key(KeyCode::Home);
    assert_eq!(s.app.activity(), 16);
    s.key(KeyCode::PageDown);
    assert!(shown.contains(&s.app.activity()));
    // Enter opens the shown row the selection is on.
    s.key(KeyCode::Home);
    s.key(KeyCode::Char('j'));
    s.key(KeyCode::Enter);
    assert_eq!((s.app.focus(), s.app.activity()), (Pane::Activity, 17));
}

#[test]
fn movement_from_a_row_that_left_the_filter_goes_to_its_neighbours() {
    let mut s = Driver::screen(120, 40);
    s.repeat(KeyCode::Char('j'), 5);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('f'));
    assert_eq!(s.app.visible_activities(), [16, 17, 20, 21, 22, 23]);
    assert_eq!(s.app.activity(), 16);
    // VI.17 goes to 5%: it is no longer "not started".
    s.key(KeyCode::Char('+'));
    assert_eq!(s.app.visible_activities(), [17, 20, 21, 22, 23]);
    s.key(KeyCode::Char('j'));
    assert_eq!(s.app.activity(), 17, "↓ from VI.17 goes to VI.18, the next shown row");
}

#[test]
fn edit_keys_do_nothing_when_the_filter_shows_no_row() {
    let mut s = Driver::screen(120, 40);
    // Group I has no activity in progress.
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('f'), 2);
    assert_eq!(s.app.filter(), Some(Filter::Status(Status::InProgress)));
    assert!(s.app.visible_activities().is_empty());
    s.settle();
    assert!(s.text().contains("No in progress activities"), "{}", s.text());
    // The selection is still on I.6 (0%), which "not started" showed; now nothing shows.
    s.key(KeyCode::Char('+'));
    assert!(*s.app.report() == shipped(), "a hidden activity was changed: {:?}", s.app.message());
    s.key(KeyCode::Enter);
    assert_eq!(s.app.focus(), Pane::Activities, "a hidden activity was opened");
}

#[test]
fn comparison_table_snapshots() {
    snapshots("baseline_viii_table", compared, compared_table);
    let mut s = compared(120, 40);
    compared_table(&mut s);
    s.settle();
    let text = s.text();
    // The Δ column and the changes in it.
    let header = text.lines().find(|l| l.contains("No.  Description")).unwrap();
    assert!(header.contains(" Δ"), "{header}");
    let row = |n: &str| text.lines().find(|l| l.contains(n)).unwrap().to_string();
    assert!(row("  7  Review of the document ").contains("+32"), "{text}");
    assert!(row("  6  Preparation of the").contains('✎'), "{text}");
    // The programme's change in the header: (40 − 8) points over the programme's activities.
    let activities = shipped().activities().count() as f64;
    let delta = format!("(+{:.1})", 32.0 / activities);
    assert!(text.lines().next().unwrap().contains(&delta), "{delta}\n{text}");
    // The group's change in the pane: 32 points over 8 activities.
    assert!(text.contains("(+4.0 since the baseline)"), "{text}");
}

#[test]
fn comparison_activity_view_snapshots() {
    snapshots("baseline_viii_6_activity", compared, compared_activity);
    let mut s = compared(120, 40);
    compared_activity(&mut s);
    s.settle();
    let text = s.text();
    assert!(text.contains("Since the baseline: progress unchanged at 100%"), "{text}");
    assert!(text.contains("remarks changed"), "{text}");
    assert!(text.contains("Remarks at the baseline"), "{text}");
    let old = &shipped().groups[7].activities[5].remarks;
    assert!(text.contains(&old[..60]), "{old}\n{text}");
    assert!(text.contains(NEW_REMARKS), "{text}");
}

#[test]
fn comparison_of_a_progress_change_in_the_activity_view() {
    let mut s = compared(120, 40);
    compared_table(&mut s);
    s.key(KeyCode::Enter);
    s.settle();
    let text = s.text();
    assert!(text.contains("Since the baseline: 8% → 40% (+32)"), "{text}");
    assert!(!text.contains("Remarks at the baseline"), "{text}");
}

#[test]
fn comparison_overview_snapshots() {
    snapshots("baseline_overview", compared, overview);
    let mut s = compared(120, 40);
    overview(&mut s);
    s.settle();
    let text = s.text();
    assert!(text.contains("since the baseline"), "{text}");
    assert!(text.lines().any(|l| l.contains("○ not  Δ")), "{text}");
    let viii = text.lines().find(|l| l.contains("VIII  Administrative")).unwrap();
    assert!(viii.contains("+4.0"), "{viii}");
    // Only VIII moved.
    let moved = text.lines().filter(|l| l.contains("+4.0") || l.contains('−')).count();
    assert_eq!(moved, 1, "{text}");
}

#[test]
fn the_comparison_counts_the_three_edits() {
    let s = compared(120, 40);
    let comparison = &s.app.baseline().unwrap().comparison;
    assert_eq!(comparison.changes().count(), 3);
    assert!(
        s.app.message().unwrap().text.contains("activities changed: 3;"),
        "{:?}",
        s.app.message()
    );
}

#[test]
fn the_overview_needs_no_mouse_and_every_key_has_its_effect() {
    // Every overview key from the keymap, one after the other, in a small terminal too.
    for (width, height) in [(120, 40), (80, 24), (40, 10)] {
        let mut s = Driver::screen(width, height);
        overview(&mut s);
        s.key(KeyCode::PageDown);
        assert!(s.app.overview().group_row > 0, "{width}x{height}");
        s.key(KeyCode::End);
        assert_eq!(s.app.overview().group_row, 10);
        s.key(KeyCode::PageUp);
        s.key(KeyCode::Char('g'));
        assert_eq!(s.app.overview().group_row, 0);
        s.key(KeyCode::Char('G'));
        assert_eq!(s.app.overview().group_row, 10);
        s.key(KeyCode::BackTab);
        assert_eq!(s.app.overview().list, OverviewList::Behind);
        s.key(KeyCode::Down);
        assert_eq!(s.app.overview().behind_row, 1);
        s.key(KeyCode::Up);
        assert_eq!(s.app.overview().behind_row, 0);
        s.settle();
        assert!(!s.text().contains("Terminal too small"), "{width}x{height}");
    }
}

#[test]
fn the_overview_draws_after_a_group_is_added() {
    let mut s = Driver::screen(120, 40);
    s.key(KeyCode::End);
    s.key(KeyCode::Char('a'));
    s.typed("Data science");
    s.key(KeyCode::Enter);
    assert_eq!(s.app.report().groups.len(), 12);
    overview(&mut s);
    s.settle();
    let text = s.text();
    assert!(text.contains("XII   Data science"), "{text}");
    assert!(text.contains("Thematic: 6 groups, 48 activities"), "{text}");
}

#[test]
fn the_groups_pane_shows_each_groups_progress_after_a_move() {
    let mut s = Driver::screen(120, 40);
    s.key(KeyCode::Char('j'));
    s.key(KeyCode::Char('J'));
    s.settle();
    let text = s.text();
    // Now II is Disasters (64%) and III Censuses (70%).
    let row = |start: &str| text.lines().find(|l| l.contains(start)).unwrap().to_string();
    assert!(row("│II   Disasters").contains(" 64% "), "{text}");
    assert!(row("│III  Censuses").contains(" 70% "), "{text}");
}
