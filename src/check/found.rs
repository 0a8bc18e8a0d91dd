//! What a finding found, kept as data (the percentages, the phrase, the other activity's
//! number, the address...) and said in a language only when it is shown: the command line
//! says it in English, the Checks screen in the interface's language. Most kinds hold no
//! text of their own, so a check of a large report allocates nothing for its messages.

use super::Language;
use crate::i18n::{Texts, fill};
use crate::model::{Progress, Status, numeral};

/// What a finding found, with the values its sentence names. Words quoted from the report
/// (a phrase, an address, a symbol) are kept as written and said as they are.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Progress lower than in the previous round.
    ProgressFell {
        from: Progress,
        to: Progress,
    },
    /// Progress changed, the remarks did not.
    StaleRemarks {
        from: Progress,
        to: Progress,
    },
    /// In progress, at the same progress and with the same remarks as last round.
    NoNews {
        progress: Progress,
    },
    /// At 100%, the remarks hold a phrase of work under way.
    DoneButUnderWay {
        phrase: &'static str,
    },
    /// Below 100%, the remarks hold a phrase of work completed.
    CompletedBelowFull {
        progress: Progress,
        phrase: &'static str,
    },
    /// Not finished, without remarks.
    EmptyRemarks {
        status: Status,
    },
    /// A group without coordinators; `stated` where the source says it has none.
    NoCoordinators {
        stated: bool,
    },
    /// The symbol carried by `new-round`, still to be assigned.
    SymbolToAssign,
    /// The symbol the same as the previous round's.
    SymbolPrevious {
        symbol: String,
    },
    /// The date not after the previous round's.
    DateNotAfter {
        date: String,
        previous: String,
    },
    /// The title carried by `new-round`, still to be set.
    TitleToSet,
    /// The title the same as the previous round's.
    TitlePrevious,
    /// The same description as an earlier activity of the group (indexes from 0).
    DuplicateActivity {
        group: usize,
        first: usize,
    },
    /// The same coordinator as an earlier one of the group (index from 0).
    DuplicateCoordinator {
        first: usize,
    },
    DoubledSpaces,
    /// A `*` that opens or closes no emphasis.
    StrayStar,
    /// A parenthesis, bracket or quotation mark without its pair.
    Unpaired {
        open: char,
        close: char,
    },
    /// A `"` without its pair.
    UnpairedQuote,
    /// A web address that does not parse.
    BadUrl {
        address: String,
    },
    /// The text in one language, the report in the other.
    OtherLanguage {
        text: Language,
        report: Language,
    },
    /// A review kept in the report whose finding is gone: its rule and place as stored.
    StaleReview {
        rule: String,
        place: String,
    },
}

impl Found {
    /// The sentence that says what was found, in the language of `texts`; the English
    /// texts give what `wgtrack check` prints.
    pub fn say(&self, texts: &Texts) -> String {
        match self {
            Found::ProgressFell { from, to } => {
                fill(texts.found_progress_fell, &[("from", from), ("to", to)])
            }
            Found::StaleRemarks { from, to } => {
                fill(texts.found_stale_remarks, &[("from", from), ("to", to)])
            }
            Found::NoNews { progress } => fill(texts.found_no_news, &[("progress", progress)]),
            Found::DoneButUnderWay { phrase } => {
                fill(texts.found_done_but_under_way, &[("phrase", phrase)])
            }
            Found::CompletedBelowFull { progress, phrase } => fill(
                texts.found_completed_below_full,
                &[("progress", progress), ("phrase", phrase)],
            ),
            Found::EmptyRemarks { status } => {
                fill(texts.found_empty_remarks, &[("status", &texts.status(*status))])
            }
            Found::NoCoordinators { stated: true } => texts.found_no_coordinators_stated.into(),
            Found::NoCoordinators { stated: false } => texts.found_no_coordinators.into(),
            Found::SymbolToAssign => texts.found_symbol_to_assign.into(),
            Found::SymbolPrevious { symbol } => {
                fill(texts.found_symbol_previous, &[("symbol", symbol)])
            }
            Found::DateNotAfter { date, previous } => {
                fill(texts.found_date_not_after, &[("date", date), ("previous", previous)])
            }
            Found::TitleToSet => texts.found_title_to_set.into(),
            Found::TitlePrevious => texts.found_title_previous.into(),
            Found::DuplicateActivity { group, first } => {
                let activity = format!("{}.{}", numeral(group + 1), first + 1);
                fill(texts.found_duplicate_activity, &[("activity", &activity)])
            }
            Found::DuplicateCoordinator { first } => {
                fill(texts.found_duplicate_coordinator, &[("number", &(first + 1))])
            }
            Found::DoubledSpaces => texts.found_doubled_spaces.into(),
            Found::StrayStar => texts.found_stray_star.into(),
            Found::Unpaired { open, close } => {
                fill(texts.found_unpaired, &[("open", open), ("close", close)])
            }
            Found::UnpairedQuote => texts.found_unpaired_quote.into(),
            Found::BadUrl { address } => fill(texts.found_bad_url, &[("address", address)]),
            Found::OtherLanguage { text, report } => fill(
                texts.found_other_language,
                &[("text", &language(*text, texts)), ("report", &language(*report, texts))],
            ),
            Found::StaleReview { rule, place } => {
                fill(texts.found_stale_review, &[("rule", rule), ("place", place)])
            }
        }
    }
}

/// A language's name as a sentence says it: "Spanish", "español".
fn language(language: Language, texts: &Texts) -> &'static str {
    match language {
        Language::English => texts.language_english,
        Language::Spanish => texts.language_spanish,
    }
}
