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
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Spanish",
        }
    }

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

/// Common words found in almost any sentence of the language and rarely in the other.
fn stop_words(language: Language) -> &'static [&'static str] {
    match language {
        Language::English => &[
            "the", "of", "and", "to", "in", "is", "was", "were", "for", "with", "on", "by",
            "which", "this", "that", "from", "has", "have", "been", "are", "its", "their",
        ],
        Language::Spanish => &[
            "el", "la", "los", "las", "de", "del", "y", "en", "que", "por", "para", "con", "una",
            "un", "se", "su", "sus", "es", "fue", "han", "al", "lo",
        ],
    }
}

/// How many words of `text` are stop words of each language (English, Spanish). The
/// stop words are ASCII, so words are compared ignoring ASCII case, without a lower-cased
/// copy.
pub fn stop_word_counts(text: &str) -> (usize, usize) {
    let mut counts = (0, 0);
    // Split at every byte that is not an ASCII letter: a word with an accent falls apart,
    // but no stop word has one, and the bytes are read once, without decoding.
    let words =
        text.as_bytes().split(|b| !b.is_ascii_alphabetic()).filter(|w| (1..=5).contains(&w.len()));
    for word in words {
        let is =
            |language| stop_words(language).iter().any(|s| s.as_bytes().eq_ignore_ascii_case(word));
        if is(Language::English) {
            counts.0 += 1;
        }
        if is(Language::Spanish) {
            counts.1 += 1;
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
    let mut counts = (0usize, 0usize);
    let mut add = |text: &str| {
        let (en, es) = stop_word_counts(text);
        counts.0 += en;
        counts.1 += es;
    };
    add(&report.title);
    for group in report.groups.iter() {
        add(&group.title);
        add(&group.general_objective);
        for activity in &group.activities {
            add(&activity.description);
            add(&activity.remarks);
        }
    }
    if counts.1 > counts.0 { Language::Spanish } else { Language::English }
}

/// The first of `phrases` that `text` holds as whole words, ignoring case.
pub fn phrase_in<'a>(text: &str, phrases: &[&'a str]) -> Option<&'a str> {
    phrase_in_unless(text, phrases, &[])
}

/// Like `phrase_in`, leaving out an occurrence that one of `unless` comes just before.
pub fn phrase_in_unless<'a>(text: &str, phrases: &[&'a str], unless: &[&str]) -> Option<&'a str> {
    // Most remarks hold none of the phrases' words: a cheap look at the last word first.
    if !phrases
        .iter()
        .any(|p| p.rsplit(' ').next().is_some_and(|last| contains_ignoring_case(text, last)))
    {
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

/// Whether `text` holds `word`, ignoring ASCII case (for a word of ASCII letters, which
/// every last word of the phrases is but for accents, matched as written).
fn contains_ignoring_case(text: &str, word: &str) -> bool {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    !word.is_empty() && text.windows(word.len()).any(|w| w.eq_ignore_ascii_case(word))
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
