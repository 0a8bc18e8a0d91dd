//! The front matter's choices (format 2): the distribution and the languages, each one of a
//! few values or not stated.

use crate::i18n::Texts;
use crate::model::{Distribution, Language, Report};

/// A choice of the front matter, holding its value (`None`: not stated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    Distribution(Option<Distribution>),
    Language(Option<Language>),
    OriginalLanguage(Option<Language>),
}

impl Front {
    /// The report's choices, in the order of the form.
    pub fn of(report: &Report) -> [Front; 3] {
        [
            Front::Distribution(report.distribution),
            Front::Language(report.language),
            Front::OriginalLanguage(report.original_language),
        ]
    }

    /// The same choice with the next value: through every value, then not stated, then
    /// the first again.
    pub fn next(self) -> Front {
        fn after<T: Copy + PartialEq>(all: &[T], now: Option<T>) -> Option<T> {
            match now {
                None => all.first().copied(),
                Some(value) => all.iter().skip_while(|v| **v != value).nth(1).copied(),
            }
        }
        match self {
            Front::Distribution(d) => Front::Distribution(after(&Distribution::ALL, d)),
            Front::Language(l) => Front::Language(after(&Language::ALL, l)),
            Front::OriginalLanguage(l) => Front::OriginalLanguage(after(&Language::ALL, l)),
        }
    }

    /// Puts the value in the report.
    pub fn put(self, report: &mut Report) {
        match self {
            Front::Distribution(d) => report.distribution = d,
            Front::Language(l) => report.language = l,
            Front::OriginalLanguage(l) => report.original_language = l,
        }
    }

    /// The choice's name, as the form labels it.
    pub fn label(self, texts: &Texts) -> &'static str {
        match self {
            Front::Distribution(_) => texts.row_distribution,
            Front::Language(_) => texts.row_language,
            Front::OriginalLanguage(_) => texts.row_original_language,
        }
    }

    /// The value in words: "limited", "Spanish", "not stated".
    pub fn value(self, texts: &Texts) -> &'static str {
        match self {
            Front::Distribution(Some(d)) => texts.distribution(d),
            Front::Language(Some(l)) | Front::OriginalLanguage(Some(l)) => texts.language(l),
            _ => texts.front_not_stated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_goes_through_its_values_then_not_stated() {
        let mut seen = Vec::new();
        let mut front = Front::Distribution(None);
        for _ in 0..4 {
            front = front.next();
            seen.push(front);
        }
        let expected = [
            Front::Distribution(Some(Distribution::General)),
            Front::Distribution(Some(Distribution::Limited)),
            Front::Distribution(Some(Distribution::Restricted)),
            Front::Distribution(None),
        ];
        assert_eq!(seen, expected);
        let last = Front::OriginalLanguage(Some(Language::Portuguese));
        assert_eq!(last.next(), Front::OriginalLanguage(None));
        assert_eq!(Front::Language(None).next(), Front::Language(Some(Language::English)));
    }
}
