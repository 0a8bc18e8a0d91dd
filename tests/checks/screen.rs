//! The Checks screen: `!` lists the findings, each in its place, Enter goes there; the
//! header counts them while there are any, and follows the edits that fix them.

use crossterm::event::KeyCode;
use wgtrack::action::Pane;
use wgtrack::app::{App, DetailsOf, Mode};
use wgtrack::check::Level;

use crate::common::{self, Driver, shipped};

/// The finding the Checks screen has selected, while it is open.
fn selected(app: &App) -> Option<usize> {
    match app.mode() {
        Mode::Checks { selected } => Some(*selected),
        _ => None,
    }
}

/// The places of the findings, as the list shows them.
fn places(app: &App) -> Vec<String> {
    app.findings().unwrap().iter().map(|f| f.place()).collect()
}

#[test]
fn the_header_counts_the_findings_that_ask_for_a_look() {
    let mut d = Driver::screen(120, 40);
    let text = d.settled_text();
    let count = d.app.findings().unwrap().iter().filter(|f| f.level != Level::Information).count();
    assert!(count > 0, "the shipped report has findings (the README lists them)");
    let header = text.lines().next().unwrap().to_string();
    assert!(header.contains(&format!("! {count} to check")), "{header}");
    // Remarks for the three activities of X without any: three findings fewer.
    for activity in 2..=4 {
        d.ch(':');
        d.typed(&format!("X.{activity}"));
        d.enter();
        d.ch('r');
        d.paste("The countries sent their answers in March.");
        d.esc();
    }
    let text = d.settled_text();
    let header = text.lines().next().unwrap().to_string();
    assert!(header.contains(&format!("! {} to check", count - 3)), "{header}");
    // Undone, the findings come back.
    d.ch('u');
    let text = d.settled_text();
    assert!(text.lines().next().unwrap().contains(&format!("! {} to check", count - 2)));
}

#[test]
fn a_report_without_findings_shows_no_mark_and_says_so() {
    let mut report = shipped();
    // Give every activity without remarks some, and every group a coordinator.
    for g in 0..report.groups.len() {
        let group = &mut report.groups[g];
        if group.coordinators.is_empty() {
            group.coordinators.push(wgtrack::model::Coordinator {
                country: "Chile".into(),
                institution: "National Statistics Institute (INE)".into(),
                stated_in: None,
            });
        }
        for activity in &mut group.activities {
            if activity.remarks.trim().is_empty() {
                activity.remarks = "Work continues as planned.".into();
            }
        }
    }
    let mut d = Driver::with(report).on_screen(120, 40);
    let text = d.settled_text();
    assert_eq!(d.app.findings().map(<[_]>::len), Some(0), "{:?}", d.app.findings());
    assert!(!text.lines().next().unwrap().contains("to check"));
    d.ch('!');
    assert_eq!(selected(&d.app), None, "nothing to list");
    assert_eq!(d.message(), "Nothing to check: the checks found nothing.");
}

#[test]
fn enter_goes_to_the_place_of_the_finding() {
    let mut d = Driver::new();
    d.ch('!');
    assert_eq!(selected(&d.app), Some(0), "opened on the first finding after group I");
    let list = places(&d.app);
    let at = |place: &str| list.iter().position(|p| p == place).unwrap();
    // An activity: the table, on its row.
    d.key(KeyCode::Home);
    d.repeat(KeyCode::Down, at("VIII.8"));
    d.enter();
    assert_eq!(selected(&d.app), None, "Enter closes the list");
    assert_eq!((d.app.focus(), d.app.group(), d.app.activity()), (Pane::Activities, 7, 7));
    assert!(d.message().starts_with(&format!(
        "Finding {} of {}, VIII.8: No remarks.",
        at("VIII.8") + 1,
        list.len()
    )));
    // A group without coordinators: its details form.
    d.ch('!');
    assert_eq!(selected(&d.app), Some(at("VIII.8")), "opens at the selection");
    d.key(KeyCode::Home);
    d.repeat(KeyCode::Down, at("IV"));
    d.enter();
    assert_eq!(d.app.group(), 3);
    assert!(matches!(d.app.focus(), Pane::Groups | Pane::Details), "{:?}", d.app.focus());
    if d.app.focus() == Pane::Details {
        assert_eq!(d.app.details().of, DetailsOf::Group(3));
    }
    // Esc (and `!` again) close the list where it was.
    d.ch('!');
    d.key(KeyCode::Down);
    d.esc();
    assert_eq!(selected(&d.app), None);
    d.ch('!');
    d.ch('!');
    assert_eq!(selected(&d.app), None);
}

#[test]
fn the_checks_screen_on_screen() {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut d = Driver::screen(width, height);
        d.ch('!');
        d.key(KeyCode::Down);
        d.settle();
        common::assert_snapshot(format!("checks_{width}x{height}"), d.backend());
    }
}

#[test]
fn the_checks_screen_speaks_spanish() {
    let app = App::new(shipped(), common::FAKE_PATH.into()).with_lang(wgtrack::i18n::Lang::Es);
    let mut d = Driver::of(app).on_screen(100, 30);
    d.ch('!');
    let text = d.settled_text();
    assert!(text.contains("Revisión antes de publicar"), "{text}");
    assert!(text.contains("Sin observaciones"), "{text}");
    assert!(text.lines().next().unwrap().contains("por revisar"), "{text}");
    // What was found, in the list and in full below it: Spanish sentences.
    d.repeat(KeyCode::Down, 2);
    d.settle();
    common::assert_snapshot("checks_spanish_100x30", d.backend());
    let text = d.settled_text();
    assert!(text.contains("no iniciada y sin observaciones que digan cómo va"), "{text}");
    assert!(text.contains("el grupo no indica ningún país coordinador"), "{text}");
    assert!(!text.contains("no remarks say"), "{text}");
    // Gone to, the footer says it in Spanish too.
    d.enter();
    assert!(
        d.message()
            .ends_with("Sin observaciones. No iniciada y sin observaciones que digan cómo va"),
        "{}",
        d.message()
    );
}

#[test]
fn a_finding_marked_reviewed_with_a_reason_leaves_the_list_and_undo_brings_it_back() {
    let mut d = Driver::screen(120, 40);
    d.settle();
    let before = places(&d.app);
    let iv = before.iter().position(|p| p == "IV").unwrap();
    d.ch('!');
    d.key(KeyCode::Home);
    d.repeat(KeyCode::Down, iv);
    d.ch('r');
    // An empty reason is not taken.
    d.enter();
    assert!(matches!(d.app.mode(), Mode::ReviewReason { .. }), "{:?}", d.app.mode());
    d.typed("The source names no coordinator for the group.");
    d.enter();
    assert_eq!(selected(&d.app), Some(iv.min(before.len() - 2)), "back on the list");
    let reviews = &d.app.report().reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!(
        (reviews[0].rule.as_str(), reviews[0].place.as_str(), reviews[0].reason.as_str()),
        ("no-coordinators", "IV", "The source names no coordinator for the group.")
    );
    let after = places(&d.app);
    assert_eq!(after.len(), before.len() - 1, "{after:?}");
    assert!(!after.contains(&"IV".to_string()));
    d.esc();
    let text = d.settled_text();
    let header = text.lines().next().unwrap();
    assert!(header.contains(&format!("! {} to check", before.len() - 1)), "{header}");
    // Undone, the review is gone and the finding back.
    d.ch('u');
    d.settle();
    assert!(d.app.report().reviews.is_empty());
    assert_eq!(places(&d.app), before);
}

#[test]
fn a_format_1_file_asks_to_move_on_before_it_keeps_a_review() {
    let mut report = shipped();
    report.format = 1;
    report.distribution = None;
    report.language = None;
    report.original_language = None;
    report.job_number = None;
    let mut d = Driver::with(report).on_screen(120, 40);
    d.ch('!');
    d.ch('r');
    assert!(matches!(d.app.mode(), Mode::ConfirmFormat { .. }), "{:?}", d.app.mode());
    let text = d.settled_text();
    assert!(text.contains("Move the file to format 2?"), "{text}");
    assert!(text.contains("lets it hold") && text.contains("findings marked reviewed."), "{text}");
    d.esc();
    assert!(matches!(d.app.mode(), Mode::Checks { .. }), "{:?}", d.app.mode());
    assert_eq!(d.app.report().format, 1);
}
