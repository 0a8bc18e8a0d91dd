//! The interface in English and Spanish: which language is chosen, the templates, and the
//! screens in Spanish (snapshots, and no English label left on any of them).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use crossterm::event::KeyCode;
use wgtrack::action::Action;
use wgtrack::app::{App, Mode};
use wgtrack::i18n::{self, Describe, Lang, fill, placeholders};
use wgtrack::keymap::{self, Context, Keymap};
use wgtrack::model::{Progress, Report};
use wgtrack::store;
use wgtrack::store::recovery::Recovery;

/// Words of the English interface that the shipped report's own text never uses, so none
/// of them may show on a Spanish screen.
const ENGLISH: [&str; 22] = [
    "Groups",
    "Progress",
    "Remarks",
    "Coordinators",
    "Objectives",
    "Programme",
    "Overview",
    "Threshold",
    "Baseline",
    "Delete",
    "Search",
    "Quit",
    "Save",
    "Keys",
    "Topic",
    "Description",
    "Behind",
    "Details",
    "Title",
    "not started",
    "in progress",
    "since the baseline",
];

// Choosing the language.

#[test]
fn tags_name_a_language_or_none() {
    for (tag, lang) in [
        ("en", Some(Lang::En)),
        ("es", Some(Lang::Es)),
        ("ES", Some(Lang::Es)),
        ("es_MX.UTF-8", Some(Lang::Es)),
        ("es_CL", Some(Lang::Es)),
        ("es-419", Some(Lang::Es)),
        ("es_ES.UTF-8@euro", Some(Lang::Es)),
        ("en_US.UTF-8", Some(Lang::En)),
        ("en-GB", Some(Lang::En)),
        ("C", Some(Lang::En)),
        ("C.UTF-8", Some(Lang::En)),
        ("POSIX", Some(Lang::En)),
        ("pt_BR.UTF-8", None),
        ("fr", None),
        ("", None),
        ("   ", None),
        ("spanish", None),
    ] {
        assert_eq!(Lang::from_tag(tag), lang, "{tag:?}");
    }
    for lang in Lang::ALL {
        assert_eq!(Lang::from_tag(lang.code()), Some(lang));
    }
}

/// An environment holding `vars`, as `Lang::detect` reads it.
fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
}

#[test]
fn the_flag_wins_then_the_configuration_then_the_locale() {
    let spanish = env(&[("LC_ALL", "es_MX.UTF-8"), ("LC_MESSAGES", "es_MX"), ("LANG", "es_CL")]);
    let english = env(&[("LANG", "en_US.UTF-8")]);
    let none = env(&[]);
    // --lang over everything.
    assert_eq!(Lang::detect(Some(Lang::En), Some(Lang::Es), &spanish), Lang::En);
    assert_eq!(Lang::detect(Some(Lang::Es), Some(Lang::En), &english), Lang::Es);
    // The configuration over the locale.
    assert_eq!(Lang::detect(None, Some(Lang::En), &spanish), Lang::En);
    assert_eq!(Lang::detect(None, Some(Lang::Es), &english), Lang::Es);
    // The locale, else English.
    assert_eq!(Lang::detect(None, None, &spanish), Lang::Es);
    assert_eq!(Lang::detect(None, None, &english), Lang::En);
    assert_eq!(Lang::detect(None, None, &none), Lang::En);
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn lc_all_then_lc_messages_then_lang() {
    let cases: [(&'static [(&'static str, &'static str)], Lang); 8] = [
        (&[("LC_ALL", "es_MX.UTF-8"), ("LC_MESSAGES", "en_US"), ("LANG", "en_US")], Lang::Es),
        (&[("LC_ALL", "en_US.UTF-8"), ("LC_MESSAGES", "es_MX"), ("LANG", "es_MX")], Lang::En),
        (&[("LC_MESSAGES", "es_AR.UTF-8"), ("LANG", "en_US")], Lang::Es),
        (&[("LC_MESSAGES", "en_US"), ("LANG", "es_AR")], Lang::En),
        (&[("LANG", "es_CO.UTF-8")], Lang::Es),
        // Set but empty is not set.
        (&[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "es_PE.UTF-8")], Lang::Es),
        // The C locale is English, whatever LANG says.
        (&[("LC_ALL", "C"), ("LANG", "es_MX.UTF-8")], Lang::En),
        // A locale in a language wgtrack does not speak means English.
        (&[("LC_ALL", "pt_BR.UTF-8"), ("LANG", "es_MX.UTF-8")], Lang::En),
    ];
    for (vars, lang) in cases {
        assert_eq!(Lang::detect(None, None, env(vars)), lang, "{vars:?}");
    }
}

// Templates.

#[test]
fn fill_puts_values_in_named_placeholders() {
    assert_eq!(fill("{count} activities", &[("count", &3)]), "3 activities");
    assert_eq!(
        fill("match {at} of {total}", &[("total", &12), ("at", &"4")]),
        "match 4 of 12",
        "the order of the arguments does not matter"
    );
    assert_eq!(fill("{a}{a}-{b}", &[("a", &1), ("b", &'x')]), "11-x");
    assert_eq!(fill("no placeholder", &[("a", &1)]), "no placeholder");
    assert_eq!(fill("", &[]), "");
    // What the arguments do not name stays as written, and so do lone braces.
    assert_eq!(fill("{unknown} and {a}", &[("a", &1)]), "{unknown} and 1");
    assert_eq!(fill("a { b", &[("b", &1)]), "a { b");
    assert_eq!(fill("ends {", &[]), "ends {");
    assert_eq!(fill("é{x}ñ “{y}”", &[("x", &"→"), ("y", &"ü")]), "é→ñ “ü”");
    // A value holding braces is not filled again.
    assert_eq!(fill("{a} {b}", &[("a", &"{b}"), ("b", &2)]), "{b} 2");
    assert_eq!(placeholders("{a} x {b} {a}"), vec!["a", "b", "a"]);
}

#[test]
fn both_languages_give_every_text_with_the_same_placeholders() {
    let en = Lang::En.texts().entries();
    let es = Lang::Es.texts().entries();
    assert_eq!(en.len(), es.len());
    for ((name, english), (same, spanish)) in en.iter().zip(&es) {
        assert_eq!(name, same);
        assert!(!english.trim().is_empty() && !spanish.trim().is_empty(), "{name} is empty");
        let set = |t: &'static str| placeholders(t).into_iter().collect::<BTreeSet<_>>();
        assert_eq!(set(english), set(spanish), "{name}: {english:?} / {spanish:?}");
    }
}

#[test]
fn spanish_texts_are_translated() {
    // The same in both languages on purpose: symbols, and the word Latin America uses.
    let same = ["hint_step", "help_mouse", "column_baseline"];
    let en = Lang::En.texts().entries();
    for ((name, english), (_, spanish)) in en.iter().zip(Lang::Es.texts().entries()) {
        if !same.contains(name) {
            assert_ne!(*english, spanish, "{name} is not translated");
        }
        for word in ENGLISH {
            assert!(!spanish.contains(word), "{name}: {spanish:?} holds {word:?}");
        }
    }
}

#[test]
fn every_action_context_and_hint_has_words_in_both_languages() {
    let keymap = Keymap::default();
    for lang in Lang::ALL {
        let texts = lang.texts();
        for context in Context::ALL {
            assert!(!context.title_in(texts).is_empty());
            for binding in keymap.bindings(context) {
                assert!(!keymap::describe_in(&binding.action, texts).is_empty());
            }
            for (_, word) in keymap::hints(context) {
                assert!(!word(texts).is_empty());
            }
        }
    }
    // The English ones are the README's.
    assert_eq!(Context::Groups.title(), "Groups pane");
    assert_eq!(Context::Groups.title_in(Lang::Es.texts()), "Panel de grupos");
    assert_eq!(keymap::describe(&Action::Undo), "undo");
    assert_eq!(keymap::describe_in(&Action::Undo, Lang::Es.texts()), "deshacer");
}

// Screens.

#[allow(dead_code)] // Shared with the other screen tests, which use the rest of it.
#[path = "support/screen.rs"]
mod screen;

use screen::{FAKE_PATH, Screen};

/// The shipped report, at the fake path, in Spanish.
fn spanish(width: u16, height: u16) -> Screen {
    Screen::new(app(Lang::Es), width, height)
}

fn shipped() -> Report {
    store::shipped().expect("the shipped report parses")
}

fn app(lang: Lang) -> App {
    App::new(shipped(), PathBuf::from(FAKE_PATH)).with_lang(lang)
}

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

#[test]
fn spanish_main_screen() {
    for (width, height) in SIZES {
        let mut s = spanish(width, height);
        let text = s.settled_text();
        insta::assert_snapshot!(format!("spanish_main_{width}x{height}"), text);
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
        insta::assert_snapshot!(format!("spanish_help_{width}x{height}"), text);
    }
}

#[test]
fn english_is_the_default_and_unchanged() {
    let mut default = Screen::new(App::new(shipped(), PathBuf::from(FAKE_PATH)), 120, 40);
    let mut english = Screen::new(app(Lang::En), 120, 40);
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
    type Steps = fn(&mut Screen);
    let screens: [(&str, Steps); 22] = [
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
            s.app.update(Action::SaveAs);
        }),
        ("threshold", |s| {
            s.ch('v');
            s.ch('t');
        }),
        ("baseline prompt", |s| s.ch('b')),
        ("restore question", |s| {
            let recovered = Recovery {
                file: PathBuf::from("/data/recovery.ron"),
                pid: 4242,
                host: "cepal".to_string(),
                time: "2021-04-05 10:00".to_string(),
                report: moved_on(),
            };
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
    let mut s = spanish(120, 250);
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
    let mut s = Screen::new(app(), 120, 40);
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
    let mut s = Screen::new(app(), 120, 40);
    s.ch('v');
    let overview = s.settled_text();
    assert!(overview.contains(" Δ "), "{overview}");
    assert_spanish("overview with a baseline", &overview);
}

#[test]
fn footer_messages_are_spanish() {
    let mut s = spanish(120, 40);
    let mut said = Vec::new();
    let mut note = |s: &Screen| said.push(s.app.message().map(|m| m.text.clone()));
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
    s.app.update(Action::SelectAll);
    s.key(KeyCode::Backspace);
    s.key(KeyCode::Enter);
    let message = s.app.message().cloned().expect("a message");
    assert!(message.is_error);
    assert_eq!(message.text, "No puede quedar en blanco: la descripción de VIII.7");
    // The same edit speaks English in an English app.
    let mut s = Screen::new(app(Lang::En), 120, 40);
    s.repeat(KeyCode::Char('j'), 7);
    s.key(KeyCode::Enter);
    s.repeat(KeyCode::Char('j'), 6);
    s.ch('e');
    assert!(s.settled_text().contains("Description of VIII.7 (Enter: done)"));
}

#[test]
fn the_shared_capitalize_keeps_the_rest() {
    assert_eq!(i18n::capitalize("la descripción"), "La descripción");
    assert_eq!(i18n::capitalize("¿Eliminar?"), "¿Eliminar?");
    assert_eq!(i18n::capitalize(""), "");
}

// The real binary: --lang, the configuration and the locale choose the language.

#[cfg(unix)]
#[allow(dead_code)]
#[path = "e2e/pty.rs"]
mod pty;

#[cfg(unix)]
#[allow(dead_code)]
#[path = "e2e/app.rs"]
mod home;

/// `wgtrack FILE` in a home of its own with the shipped report, a configuration holding
/// `config` if any, and only `vars` for a locale; its first screen.
#[cfg(unix)]
fn first_screen(args: &[&str], config: Option<&str>, vars: &[(&str, &str)]) -> String {
    let home = home::Home::new();
    if let Some(config) = config {
        let dir = home.dir.path().join("config/wgtrack");
        std::fs::create_dir_all(&dir).expect("config directory");
        std::fs::write(dir.join("config.ron"), config).expect("config file");
    }
    let mut command = home.command();
    command.args(args);
    for (name, value) in vars {
        command.env(name, value);
    }
    let mut pty = pty::Pty::spawn(command, 24, 80);
    let screen = pty.wait_until("the groups pane", |s| s.contents().contains(" (11) "));
    pty.send("q");
    assert!(pty.wait_exit().success(), "{}", pty.screen());
    screen
}

#[cfg(unix)]
#[test]
fn the_binary_speaks_the_language_chosen() {
    let spanish = "Grupos de trabajo (11)";
    let english = "Groups (11)";
    let es_mx = [("LANG", "es_MX.UTF-8")];
    let c = [("LANG", "C.UTF-8")];
    let config_es = "(lang: Some(\"es\"))";
    let config_en = "(lang: Some(\"en\"))";
    for (args, config, vars, expected) in [
        (&[][..], None, &c[..], english),
        (&[], None, &es_mx, spanish),
        (&[], None, &[("LC_ALL", "es_CL.UTF-8"), ("LANG", "en_US.UTF-8")], spanish),
        (&[], None, &[("LC_MESSAGES", "es_AR.UTF-8")], spanish),
        (&["--lang", "es"], None, &c, spanish),
        (&["--lang", "en"], None, &es_mx, english),
        (&[], Some(config_es), &c, spanish),
        (&[], Some(config_en), &es_mx, english),
        (&["--lang", "en"], Some(config_es), &es_mx, english),
    ] {
        let screen = first_screen(args, config, vars);
        assert!(screen.contains(expected), "{args:?} {config:?} {vars:?}:\n{screen}");
    }
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_wgtrack"))
        .args(["--lang", "fr"])
        .output()
        .expect("run wgtrack");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("en") && stderr.contains("es"), "{stderr}");
}

#[test]
fn the_stores_errors_speak_spanish_but_for_the_systems_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("gone");
    let app = App::new(shipped(), gone.join("report.ron")).with_lang(Lang::Es);
    let mut s = Screen::new(app, 120, 40);
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
fn conflicted(s: &mut Screen) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.ron");
    std::fs::write(&path, "someone else's").expect("write");
    s.app = App::new(shipped(), path).with_lang(Lang::Es).with_disk(store::Expect::Absent);
    s.app.update(Action::Save);
    assert!(matches!(s.app.mode(), Mode::Conflict { missing: false }), "{:?}", s.app.mode());
}
