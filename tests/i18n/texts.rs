//! The languages and their texts: which language a tag, the flag, the configuration and
//! the locale choose; filling templates; every text in both languages.

use std::collections::BTreeSet;

use wgtrack::action::Action;
use wgtrack::i18n::{self, Lang, fill, placeholders};
use wgtrack::keymap::{self, Context, Keymap};

use crate::ENGLISH;

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

/// `template` filled with a marked value for each of `names`: `{count}` becomes `⟨count⟩`.
fn filled(template: &str, names: &[&str]) -> String {
    let values: Vec<String> = names.iter().map(|name| format!("⟨{name}⟩")).collect();
    let args: Vec<(&str, &dyn std::fmt::Display)> =
        names.iter().zip(&values).map(|(name, value)| (*name, value as _)).collect();
    fill(template, &args)
}

/// What looks like a placeholder in `text`: a word in braces, whatever `placeholders` makes
/// of it (`{count}`, `{ count}`, `{Count}`, `{count-2}`).
fn unfilled(text: &str) -> Vec<&str> {
    let mut left = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(['{', '}']) else { break };
        let inside = &after[..close];
        if after[close..].starts_with('}') && !inside.trim().is_empty() && inside.len() < 40 {
            left.push(&rest[open..open + close + 2]);
        }
        rest = &after[close..];
    }
    left
}

/// Every text of one language has a text of the same name in the other, every placeholder
/// of the English text is in the Spanish one and the other way round, and filling either
/// with the English text's placeholders fills every one of them and leaves none unfilled.
#[test]
fn both_languages_give_every_text_with_the_same_placeholders() {
    let en = Lang::En.texts().entries();
    let es = Lang::Es.texts().entries();
    let en_names: Vec<&str> = en.iter().map(|(n, _)| *n).collect();
    let es_names: Vec<&str> = es.iter().map(|(n, _)| *n).collect();
    assert_eq!(en_names, es_names, "the texts, by name");
    let mut with_placeholders = 0;
    for ((name, english), (_, spanish)) in en.iter().zip(&es) {
        let wanted: BTreeSet<&str> = placeholders(english).into_iter().collect();
        let offered: BTreeSet<&str> = placeholders(spanish).into_iter().collect();
        let missing: Vec<_> = wanted.difference(&offered).collect();
        assert!(missing.is_empty(), "{name}: the Spanish text lacks {missing:?}: {spanish:?}");
        let extra: Vec<_> = offered.difference(&wanted).collect();
        assert!(extra.is_empty(), "{name}: the Spanish text adds {extra:?}: {spanish:?}");
        with_placeholders += usize::from(!wanted.is_empty());
        let wanted: Vec<&str> = wanted.into_iter().collect();
        for (lang, text) in [("English", english), ("Spanish", spanish)] {
            let done = filled(text, &wanted);
            assert_eq!(placeholders(&done), Vec::<&str>::new(), "{name} in {lang}: {done:?}");
            for placeholder in &wanted {
                let shown = format!("⟨{placeholder}⟩");
                assert!(done.contains(&shown), "{name} in {lang} drops {placeholder}: {done:?}");
            }
            let left = unfilled(&done);
            assert!(left.is_empty(), "{name} in {lang}: {left:?} unfilled in {done:?}");
        }
    }
    assert!(with_placeholders > 20, "only {with_placeholders} texts take values");
}

#[test]
fn spanish_texts_are_translated() {
    // The same in both languages on purpose: symbols, and the words Latin America uses.
    let same = ["hint_step", "help_mouse", "column_baseline", "distribution_general"];
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
        for context in Context::all() {
            assert!(!context.title_in(texts).is_empty());
            for binding in keymap.bindings(context) {
                assert!(!keymap::describe_in(context, &binding.action, texts).is_empty());
            }
            for (_, word) in keymap::hints(context) {
                assert!(!word(texts).is_empty());
            }
        }
    }
    // The English ones are the README's.
    assert_eq!(Context::Groups.title(), "Groups pane");
    assert_eq!(Context::Groups.title_in(Lang::Es.texts()), "Panel de grupos");
    assert_eq!(keymap::describe(Context::Global, &Action::Undo), "undo");
    assert_eq!(keymap::describe_in(Context::Global, &Action::Undo, Lang::Es.texts()), "deshacer");
    // Esc leaves the editor keeping the text: done, not a cancel.
    assert_eq!(keymap::describe(Context::Search, &Action::Back), "back / cancel");
    assert_eq!(keymap::describe(Context::EditText, &Action::Back), "done: keep the text");
}

#[test]
fn the_shared_capitalize_keeps_the_rest() {
    assert_eq!(i18n::capitalize("la descripción"), "La descripción");
    assert_eq!(i18n::capitalize("¿Eliminar?"), "¿Eliminar?");
    assert_eq!(i18n::capitalize(""), "");
}
