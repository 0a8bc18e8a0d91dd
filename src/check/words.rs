//! The words the checks look for, per language, all in one place: what remarks say of work
//! under way or done, and the common words that tell English from Spanish.

/// The language of a report's text; the report does not store it, so it is read from the
/// text (`language_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    English,
    Spanish,
}

impl Language {
    pub fn other(self) -> Language {
        match self {
            Language::English => Language::Spanish,
            Language::Spanish => Language::English,
        }
    }
}

/// Phrases that say the work is not finished, lower case.
pub fn under_way(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => &[
            "in progress",
            "being prepared",
            "under way",
            "underway",
            "ongoing",
            "being drafted",
            "being reviewed",
            "under review",
            "under preparation",
            "not yet",
        ],
        Language::Spanish => &[
            "en proceso",
            "en preparación",
            "en curso",
            "en elaboración",
            "en revisión",
            "se está preparando",
            "se están preparando",
            "aún no",
            "todavía no",
        ],
    }
}

/// Phrases that say the work is finished, lower case.
pub fn completed(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => &["completed", "finalized", "finished", "was concluded"],
        Language::Spanish => {
            &["completado", "completada", "finalizado", "finalizada", "concluido", "concluida"]
        }
    }
}

/// What, said just before a phrase of `completed`, makes it a plan rather than a fact
/// ("expected to be completed", "will be finalized", "no ha sido concluido"), lower case.
pub fn not_yet(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => &["to be ", "will be ", "would be ", "should be ", "being ", "not "],
        Language::Spanish => &["será ", "serán ", "ser ", "siendo ", "no "],
    }
}

/// The language whose common word `word` (lower case) is: words found in almost any
/// sentence of the language and rarely in the other. All ASCII, none longer than five
/// letters, none in both. Every word of every text is looked up here: a `match` on bytes.
fn stop_word(word: &[u8]) -> Option<Language> {
    match word {
        b"the" | b"of" | b"and" | b"to" | b"in" | b"is" | b"was" | b"were" | b"for" | b"with"
        | b"on" | b"by" | b"which" | b"this" | b"that" | b"from" | b"has" | b"have" | b"been"
        | b"are" | b"its" | b"their" => Some(Language::English),
        b"el" | b"la" | b"los" | b"las" | b"de" | b"del" | b"y" | b"en" | b"que" | b"por"
        | b"para" | b"con" | b"una" | b"un" | b"se" | b"su" | b"sus" | b"es" | b"fue" | b"han"
        | b"al" | b"lo" => Some(Language::Spanish),
        _ => None,
    }
}

/// How many words of `text` are stop words of each language (English, Spanish). The
/// stop words are ASCII, so a word is lower-cased in a five-byte buffer, not copied.
pub fn stop_word_counts(text: &str) -> (usize, usize) {
    let mut counts = (0, 0);
    // Split at every byte that is not an ASCII letter: a word with an accent falls apart,
    // but no stop word has one, and the bytes are read once, without decoding.
    let words =
        text.as_bytes().split(|b| !b.is_ascii_alphabetic()).filter(|w| (1..=5).contains(&w.len()));
    let mut lower = [0u8; 5];
    for word in words {
        let lower = &mut lower[..word.len()];
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        match stop_word(lower) {
            Some(Language::English) => counts.0 += 1,
            Some(Language::Spanish) => counts.1 += 1,
            None => {}
        }
    }
    counts
}

/// The language a text is in, when it says enough to tell: at least three stop words, and
/// twice as many of one language's as of the other's.
pub fn language_of_text(text: &str) -> Option<Language> {
    let (en, es) = stop_word_counts(text);
    if en + es < 3 {
        None
    } else if en >= 2 * es.max(1) {
        Some(Language::English)
    } else if es >= 2 * en.max(1) {
        Some(Language::Spanish)
    } else {
        None
    }
}

/// The language of a report: the one most of its titles, objectives, descriptions and
/// remarks are written in; English when they do not tell.
pub fn language_of(report: &crate::model::Report) -> Language {
    use rayon::prelude::*;
    let add = |a: (usize, usize), b: (usize, usize)| (a.0 + b.0, a.1 + b.1);
    // Every text of a large report is read: the groups on every core.
    let groups = report.groups.shared().par_iter().map(|group| {
        let texts = [&group.title, &group.general_objective]
            .into_iter()
            .chain(group.activities.iter().flat_map(|a| [&a.description, &a.remarks]));
        texts.map(|text| stop_word_counts(text)).fold((0, 0), add)
    });
    let (en, es) = add(groups.reduce(|| (0, 0), add), stop_word_counts(&report.title));
    if es > en { Language::Spanish } else { Language::English }
}

/// The first of `phrases` that `text` holds as whole words, ignoring case.
pub fn phrase_in<'a>(text: &str, phrases: &[&'a str]) -> Option<&'a str> {
    phrase_in_unless(text, phrases, &[])
}

/// Like `phrase_in`, leaving out an occurrence that one of `unless` comes just before.
pub fn phrase_in_unless<'a>(text: &str, phrases: &[&'a str], unless: &[&str]) -> Option<&'a str> {
    // Most remarks hold none of the phrases' words: a cheap look at the last word first, in
    // the text with its ASCII letters in lower case (as the phrases are written).
    let folded = text.to_ascii_lowercase();
    let holds = |word: &str| memchr::memmem::find(folded.as_bytes(), word.as_bytes()).is_some();
    if !phrases.iter().any(|p| p.rsplit(' ').next().is_some_and(&holds)) {
        return None;
    }
    let lower = text.to_lowercase();
    phrases.iter().copied().find(|phrase| {
        lower.match_indices(phrase).any(|(at, _)| {
            if unless.iter().any(|u| lower[..at].ends_with(u)) {
                return false;
            }
            let before = lower[..at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_told_by_its_common_words() {
        assert_eq!(
            language_of_text("The document was sent to the countries for their review."),
            Some(Language::English)
        );
        assert_eq!(
            language_of_text("El documento fue enviado a los países para su revisión."),
            Some(Language::Spanish)
        );
        assert_eq!(language_of_text("CEPAL 2021"), None);
    }

    #[test]
    fn phrases_are_found_as_whole_words() {
        assert_eq!(
            phrase_in("Work In Progress.", under_way(Language::English)),
            Some("in progress")
        );
        assert_eq!(phrase_in("uncompleted", completed(Language::English)), None);
        assert_eq!(
            phrase_in("Está en preparación", under_way(Language::Spanish)),
            Some("en preparación")
        );
    }
}
