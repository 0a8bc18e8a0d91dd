//! The screens in Spanish: snapshots, no English label left on any of them, messages and
//! errors in Spanish.

use std::path::PathBuf;

use crossterm::event::KeyCode;
use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::i18n::{Describe, Lang};
use wgtrack::model::{Progress, Report};
use wgtrack::store;

use crate::ENGLISH;
use crate::common::scenarios::SIZES;
use crate::common::{Driver, FAKE_PATH, assert_snapshot, send, shipped};

/// The shipped report, at the fake path, in Spanish.
fn spanish(width: u16, height: u16) -> Driver {
    Driver::of(app(Lang::Es)).on_screen(width, height)
}

fn app(lang: Lang) -> App {
    App::new(shipped(), PathBuf::from(FAKE_PATH)).with_lang(lang)
}

#[test]
fn spanish_main_screen() {
    for (width, height) in SIZES {
        let mut s = spanish(width, height);
        let text = s.settled_text();
        assert_snapshot(format!("spanish_main_{width}x{height}"), text);
    }
    let mut s = spanish(120, 40);
    let text = s.settled_text();
    for word in ["Grupos de trabajo (11)", "Programa", "Países coordinadores", "Avance"] {
        assert!(text.contains(word), "{word} missing from\n{text}");
    }
}

#[test]
fn spanish_help() {
    for (width, height) in SIZES {
        let mut s = spanish(width, height);
        s.ch('?');
        let text = s.settled_text();
        assert_snapshot(format!("spanish_help_{width}x{height}"), text);
    }
}

#[test]
fn english_is_the_default_and_unchanged() {
    let mut default = Driver::of(App::new(shipped(), PathBuf::from(FAKE_PATH))).on_screen(120, 40);
    let mut english = Driver::of(app(Lang::En)).on_screen(120, 40);
    assert_eq!(default.app.lang(), Lang::En);
    assert_eq!(default.settled_text(), english.settled_text());
    assert!(english.settled_text().contains("Groups (11)"));
}

/// The report with VIII.7 moved on and its remarks rewritten, for screens that compare.
fn moved_on() -> Report {
    let mut report = shipped();
    let activity = report.activity_mut(7, 6).expect("VIII.7");
    activity.progress = Progress::new(40).expect("40");
    activity.remarks = "The document is under review.".to_string();
    report
}

/// Asserts that the screen holds none of the English interface's words.
fn assert_spanish(what: &str, text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{what}: the Spanish screen shows {word:?}:\n{text}");
    }
}

#[test]
fn no_english_label_on_any_spanish_screen() {
    type Steps = fn(&mut Driver);
    let screens: [(&str, Steps); 23] = [
        ("groups", |_| {}),
        ("table VIII", |s| {
            s.repeat(KeyCode::Char('j'), 7);
            s.key(KeyCode::Enter);
            s.repeat(KeyCode::Char('j'), 6);
        }),
        ("table VI with topics", |s| {
            s.repeat(KeyCode::Char('j'), 5);
            s.key(KeyCode::Enter);
        }),
        ("objectives folded", |s| {
            s.key(KeyCode::Enter);
            s.ch('o');
        }),
        ("activity VIII.7", |s| {
            s.repeat(KeyCode::Char('j'), 7);
            s.key(KeyCode::Enter);
            s.repeat(KeyCode::Char('j'), 6);
            s.key(KeyCode::Enter);
        }),
        ("filter", |s| {
            s.key(KeyCode::Enter);
            s.repeat(KeyCode::Char('f'), 4);
        }),
        ("overview", |s| s.ch('v')),
        ("overview by progress", |s| {
            s.ch('v');
            s.ch('s');
        }),
        ("group details", |s| s.ch('e')),
        ("report details", |s| s.ch('i')),
        ("progress prompt", |s| {
            s.key(KeyCode::Enter);
            s.ch('p');
        }),
        ("progress refused", |s| {
            s.key(KeyCode::Enter);
            s.ch('p');
            s.repeat(KeyCode::Char('9'), 3);
            s.key(KeyCode::Enter);
        }),
        ("remarks editor", |s| {
            s.key(KeyCode::Enter);
            s.ch('r');
        }),
        ("new activity editor", |s| {
            s.key(KeyCode::Enter);
            s.ch('a');
        }),
        ("delete question", |s| {
            s.key(KeyCode::Enter);
            s.ch('d');
        }),
        ("search", |s| {
            s.ch('/');
            for c in "review".chars() {
                s.ch(c);
            }
        }),
        ("quit question", |s| {
            s.key(KeyCode::Enter);
            // Down and up again: whatever the progress was, the report is modified.
            s.ch('-');
            s.ch('+');
            s.ch('q');
        }),
        ("conflict", conflicted),
        ("save as", |s| {
            conflicted(s);
            send(&mut s.app, Action::SaveAs);
        }),
        ("threshold", |s| {
            s.ch('v');
            s.ch('t');
        }),
        ("baseline prompt", |s| s.ch('b')),
        ("checks", |s| s.ch('!')),
        ("restore question", |s| {
            let recovered = crate::common::recovered(moved_on());
            s.app.offer_recovery(recovered, PathBuf::from("/nonexistent/recovery.ron"));
        }),
    ];
    for (width, height) in [(120, 40), (80, 24), (60, 16)] {
        for (name, steps) in screens {
            let mut s = spanish(width, height);
            steps(&mut s);
            let text = s.settled_text();
            assert_spanish(&format!("{name} at {width}×{height}"), &text);
        }
    }
    // The whole help at once.
    let mut s = spanish(120, 400);
    s.ch('?');
    let help = s.settled_text();
    assert!(help.contains("Resumen del programa") && help.contains("Ayuda"), "{help}");
    assert_spanish("help", &help);
}

#[test]
fn no_english_label_when_comparing_with_a_baseline() {
    let app = || {
        App::new(moved_on(), PathBuf::from(FAKE_PATH))
            .with_lang(Lang::Es)
            .with_baseline(PathBuf::from("/data/old.ron"), shipped())
    };
    let mut s = Driver::of(app()).on_screen(120, 40);
    let text = s.settled_text();
    assert!(text.contains("Comparación con /data/old.ron"), "{text}");
    assert_spanish("baseline message", &text);
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    let table = s.settled_text();
    assert!(table.contains("desde la línea de base"), "{table}");
    assert_spanish("table with a baseline", &table);
    s.key(KeyCode::Enter);
    let activity = s.settled_text();
    assert!(activity.contains("Desde la línea de base: 8% → 40%"), "{activity}");
    assert!(activity.contains("Observaciones en la línea de base"), "{activity}");
    assert_spanish("activity with a baseline", &activity);
    let mut s = Driver::of(app()).on_screen(120, 40);
    s.ch('v');
    let overview = s.settled_text();
    assert!(overview.contains(" Δ "), "{overview}");
    assert_spanish("overview with a baseline", &overview);
    // The checks against it: the front matter's places and what was found, in Spanish.
    let mut s = Driver::of(app()).on_screen(120, 40);
    s.ch('!');
    s.key(KeyCode::Home);
    let checks = s.settled_text();
    assert!(checks.contains("Título  "), "{checks}");
    assert!(checks.contains("el título es el de la ronda anterior"), "{checks}");
    assert!(
        checks.contains("Signatura Portada de la ronda anterior: la signatura es la de la ronda"),
        "{checks}"
    );
    assert_spanish("checks with a baseline", &checks);
}

#[test]
fn footer_messages_are_spanish() {
    let mut s = spanish(120, 40);
    let mut said = Vec::new();
    // As the footer shows them: with the keys they name.
    let mut note = |s: &Driver| {
        said.push(
            s.app.message().map(|m| s.keymap.fill_keys(&m.text, wgtrack::keymap::contexts(&s.app))),
        )
    };
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    s.ch('+');
    s.draw();
    note(&s);
    s.ch('u');
    s.draw();
    note(&s);
    s.key(KeyCode::Char('r'));
    s.key(KeyCode::Esc);
    s.ch('f');
    s.draw();
    note(&s);
    s.ch('x');
    s.draw();
    note(&s);
    s.ch('n');
    s.draw();
    note(&s);
    s.ch('d');
    s.key(KeyCode::Esc);
    s.draw();
    note(&s);
    let said: Vec<String> = said.into_iter().map(|m| m.unwrap_or_default()).collect();
    assert_eq!(
        said,
        [
            "Cambio de avance de VIII.7: 8% → 13%",
            "Se deshizo: cambio de avance de VIII.7: 8% → 13%",
            "Se muestran las actividades no iniciadas",
            "Se muestran todas las actividades",
            "Todavía no hay búsqueda: presione / para buscar",
            "No se eliminó nada",
        ]
    );
}

#[test]
fn edits_name_their_fields_in_spanish() {
    let mut s = spanish(120, 40);
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    s.ch('e');
    let text = s.settled_text();
    assert!(text.contains("Editar la descripción de VIII.7 (Enter: listo)"), "{text}");
    // Emptied and applied: refused, in Spanish.
    s.draw();
    send(&mut s.app, Action::SelectAll);
    s.key(KeyCode::Backspace);
    s.key(KeyCode::Enter);
    let message = s.app.message().cloned().expect("a message");
    assert!(message.is_error);
    assert_eq!(message.text, "No puede quedar en blanco: la descripción de VIII.7");
    // The same edit speaks English in an English app.
    let mut s = Driver::of(app(Lang::En)).on_screen(120, 40);
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    s.ch('e');
    assert!(s.settled_text().contains("Description of VIII.7 (Enter: done)"));
}

#[test]
fn the_stores_errors_speak_spanish_but_for_the_systems_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let app = App::new(shipped(), gone.join("report.ron")).with_lang(Lang::Es);
    let mut s = Driver::of(app).on_screen(120, 40);
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    s.ch('+');
    s.ctrl('s');
    let message = s.app.message().cloned().expect("a message");
    assert!(message.is_error);
    let want = "No se guardó: ";
    assert!(message.text.starts_with(want), "{}", message.text);
    assert!(
        message.text.contains(": no se puede crear un archivo temporal en su directorio: "),
        "{}",
        message.text
    );

    s.ch('b');
    s.typed(&gone.join("baseline.ron").to_string_lossy());
    s.key(KeyCode::Enter);
    let message = s.app.message().cloned().expect("a message");
    assert!(message.text.starts_with("No se puede usar como línea de base: "), "{}", message.text);
    assert!(
        message.text.contains("baseline.ron: no se puede leer el archivo: "),
        "{}",
        message.text
    );

    // A report that breaks a rule: the place and the field's path, then the rule, in Spanish.
    let mut invalid = shipped();
    invalid.groups[2].title = " ".to_string();
    let file = dir.path().join("invalid.ron");
    std::fs::write(&file, store::to_text(&invalid)).unwrap();
    // The prompt stays open on a refused file, with its text: typed anew.
    for _ in 0..gone.join("baseline.ron").to_string_lossy().chars().count() {
        s.key(KeyCode::Backspace);
    }
    s.typed(&file.to_string_lossy());
    s.key(KeyCode::Enter);
    let message = s.app.message().cloned().expect("a message");
    assert!(
        message.text.ends_with(": groups[2].title: no puede quedar en blanco"),
        "{}",
        message.text
    );

    // In English, as the command line says it.
    let error = store::load(&gone.join("baseline.ron")).unwrap_err();
    assert_eq!(error.describe(Lang::En.texts()), error.to_string());
    assert!(error.to_string().contains("baseline.ron: cannot read the file: "), "{error}");
}

/// The app of `s` asked what to do after someone else wrote its file: it expected none.
fn conflicted(s: &mut Driver) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.ron");
    std::fs::write(&path, "someone else's").expect("write");
    s.app = App::new(shipped(), path).with_lang(Lang::Es).with_disk(store::Expect::Absent);
    send(&mut s.app, Action::Save);
    assert!(matches!(s.app.mode(), Mode::Conflict { missing: false }), "{:?}", s.app.mode());
}
