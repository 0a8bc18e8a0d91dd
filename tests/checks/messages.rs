//! What each finding says: every kind of message, from reports that trigger them all, in
//! English as `wgtrack check` prints it and in Spanish as the Checks screen shows it.

use std::collections::BTreeMap;

use wgtrack::check::{self, Finding, Found};
use wgtrack::i18n::Lang;
use wgtrack::model::{Coordinator, Progress, Review};

use crate::common::shipped;

/// The kind of a message, by a name of its own. The match has no catch-all: a new kind
/// does not compile here until it is named, and then `EVERY_KIND` asks for a report that
/// triggers it.
fn kind(found: &Found) -> &'static str {
    match found {
        Found::ProgressFell { .. } => "progress-fell",
        Found::StaleRemarks { .. } => "stale-remarks",
        Found::NoNews { .. } => "no-news",
        Found::DoneButUnderWay { .. } => "done-but-under-way",
        Found::CompletedBelowFull { .. } => "completed-below-full",
        Found::EmptyRemarks { .. } => "empty-remarks",
        Found::NoCoordinators { stated: false } => "no-coordinators",
        Found::NoCoordinators { stated: true } => "no-coordinators-stated",
        Found::SymbolToAssign => "symbol-to-assign",
        Found::SymbolPrevious { .. } => "symbol-previous",
        Found::DateNotAfter { .. } => "date-not-after",
        Found::TitleToSet => "title-to-set",
        Found::TitlePrevious => "title-previous",
        Found::DuplicateActivity { .. } => "duplicate-activity",
        Found::DuplicateCoordinator { .. } => "duplicate-coordinator",
        Found::DoubledSpaces => "doubled-spaces",
        Found::StrayStar => "stray-star",
        Found::Unpaired { .. } => "unpaired",
        Found::UnpairedQuote => "unpaired-quote",
        Found::BadUrl { .. } => "bad-url",
        Found::OtherLanguage { .. } => "other-language",
        Found::StaleReview { .. } => "stale-review",
    }
}

/// Each kind with the English sentence its first finding below says, as `check` wrote them
/// before the messages were data.
const EVERY_KIND: [(&str, &str); 22] = [
    ("progress-fell", "progress fell since the previous round, from 8% to 5%"),
    ("stale-remarks", "progress changed (8% → 5%) but the remarks did not"),
    (
        "no-news",
        "in progress (90%) and nothing changed since the previous round: no news this round",
    ),
    ("done-but-under-way", "at 100% but the remarks say “being prepared”"),
    ("completed-below-full", "at 8% but the remarks say “completed”"),
    ("empty-remarks", "not started and no remarks say how it stands"),
    ("no-coordinators", "the group names no coordinating country"),
    ("no-coordinators-stated", "the source states the group has no coordinating country"),
    (
        "symbol-to-assign",
        "the symbol is still to be assigned (new-round carried the previous round's)",
    ),
    ("symbol-previous", "the symbol is the previous round's (LC/CE.20/3)"),
    ("date-not-after", "the date (2021-04-05) is not after the previous round's (2021-04-05)"),
    ("title-to-set", "the title is still to be set (new-round carried the previous round's)"),
    ("title-previous", "the title is the previous round's"),
    ("duplicate-activity", "the same description as activity VIII.2"),
    ("duplicate-coordinator", "the same coordinator as coordinator 1"),
    ("doubled-spaces", "two spaces in a row"),
    ("stray-star", "a * that opens or closes no emphasis"),
    ("unpaired", "( and ) do not pair up"),
    ("unpaired-quote", "a \" without its pair"),
    ("bad-url", "the web address “https://www..cepal.org/es” does not parse"),
    ("other-language", "the text reads as Spanish, the report as English"),
    (
        "stale-review",
        "the review of bad-url at I.1 matches no finding any more; remove it from the report's \
         reviews",
    ),
];

fn percent(value: i64) -> Progress {
    Progress::new(value).unwrap()
}

/// Findings of every kind: the shipped report with a fault of each sort, and new rounds of
/// it against it as the baseline.
fn every_finding() -> Vec<Finding> {
    let mut faulty = shipped();
    faulty.groups[5].no_coordinators_stated = true;
    let viii = &mut faulty.groups[7];
    viii.activities[0].remarks = "The report is being prepared.".into();
    viii.activities[6].remarks = "The review was completed.".into();
    let texts = [
        "The document  was sent.",
        "See the *Guide for details.",
        "See the annex (page 3.",
        "The so-called \"register.",
        "See https://www..cepal.org/es.",
    ];
    for (a, text) in texts.into_iter().enumerate() {
        viii.activities[a + 1].remarks = text.into();
    }
    let copy = viii.activities[1].clone();
    viii.activities.push(copy);
    let coordinator = viii.coordinators[0].clone();
    viii.coordinators.push(Coordinator::new(coordinator.country, coordinator.institution));
    faulty.groups[8].activities[0].remarks =
        "El documento fue enviado a los países para su revisión.".into();
    faulty.reviews.push(Review { rule: "bad-url".into(), place: "I.1".into(), reason: "x".into() });
    let mut found = check::reviewed(&faulty, check::check(&faulty, None)).open;

    let old = shipped();
    let mut carried = wgtrack::model::next_round(&old, "2021-04-05", None, None);
    carried.groups[7].activities[6].progress = percent(5);
    found.extend(check::check(&carried, Some(&old)));
    // The same front matter again, not marked by new-round: the previous round's.
    found.extend(check::check(&old, Some(&old)));
    found
}

/// The first finding of each kind.
fn first_of_each_kind() -> BTreeMap<&'static str, Finding> {
    let mut first = BTreeMap::new();
    for finding in every_finding() {
        first.entry(kind(&finding.found)).or_insert(finding);
    }
    first
}

#[test]
fn every_kind_of_message_says_in_english_what_check_printed() {
    let first = first_of_each_kind();
    let english = Lang::En.texts();
    let said: Vec<(&str, String)> =
        first.iter().map(|(kind, finding)| (*kind, finding.message(english))).collect();
    let mut wanted: Vec<(&str, String)> =
        EVERY_KIND.iter().map(|(kind, text)| (*kind, text.to_string())).collect();
    wanted.sort();
    assert_eq!(said, wanted);
    // The command line's line for a finding is the English one.
    let finding = &first["empty-remarks"];
    assert_eq!(
        finding.to_string(),
        "VIII.8 warning: not started and no remarks say how it stands [empty-remarks]"
    );
}

/// Words of the English messages that no Spanish one may hold, outside what it quotes.
const ENGLISH_WORDS: [&str; 16] = [
    "the ",
    " and ",
    " but ",
    "remarks",
    "progress",
    " round",
    "previous",
    "review",
    "not ",
    "does",
    "space",
    "pair",
    "reads as",
    "English",
    "Spanish",
    "coordinating",
];

/// `text` without what it quotes from the report: “…” and the command's name.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('“') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        rest = after.find('”').map_or("", |close| &after[close..]);
    }
    out.push_str(rest);
    out.replace("new-round", "")
}

#[test]
fn every_message_reads_in_spanish() {
    let (english, spanish) = (Lang::En.texts(), Lang::Es.texts());
    let findings = every_finding();
    assert!(findings.len() > EVERY_KIND.len());
    for finding in &findings {
        let (en, es) = (finding.message(english), finding.message(spanish));
        assert_ne!(en, es, "{} is not said in Spanish", kind(&finding.found));
        for word in ENGLISH_WORDS {
            assert!(!unquoted(&es).contains(word), "{word:?} left in Spanish: {es}");
        }
    }
    let first = first_of_each_kind();
    let say = |kind: &str| first[kind].message(spanish);
    assert_eq!(say("empty-remarks"), "no iniciada y sin observaciones que digan cómo va");
    assert_eq!(say("progress-fell"), "el avance bajó desde la ronda anterior, de 8% a 5%");
    assert_eq!(say("done-but-under-way"), "al 100%, pero las observaciones dicen “being prepared”");
    assert_eq!(say("other-language"), "el texto parece estar en español; el informe, en inglés");
    assert_eq!(say("duplicate-activity"), "la misma descripción que la actividad VIII.2");
    assert_eq!(
        say("stale-review"),
        "la revisión de bad-url en I.1 ya no corresponde a ningún hallazgo; quítela de las \
         revisiones del informe"
    );
}
