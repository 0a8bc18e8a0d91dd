//! What format 2 adds to the report: the front matter's distribution, languages and job
//! number, the notes of the introduction's paragraphs, where a coordinator was stated, and
//! the findings reviewed on purpose.

use serde::{Deserialize, Serialize};

/// Who a document is distributed to, as its front matter says ("Distr. LIMITED").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Distribution {
    General,
    Limited,
    Restricted,
}

impl Distribution {
    pub const ALL: [Distribution; 3] =
        [Distribution::General, Distribution::Limited, Distribution::Restricted];

    /// The word as the front matter prints it: "LIMITED".
    pub fn word(self) -> &'static str {
        match self {
            Distribution::General => "GENERAL",
            Distribution::Limited => "LIMITED",
            Distribution::Restricted => "RESTRICTED",
        }
    }
}

/// A language a document of the Commission is issued or originally written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Language {
    English,
    Spanish,
    French,
    Portuguese,
}

impl Language {
    pub const ALL: [Language; 4] =
        [Language::English, Language::Spanish, Language::French, Language::Portuguese];

    /// The language's name in capitals, as the front matter of a document in `of` prints
    /// it ("ENGLISH", "ESPAÑOL").
    pub fn word(self, of: Language) -> &'static str {
        match (of, self) {
            (Language::Spanish, Language::English) => "INGLÉS",
            (Language::Spanish, Language::Spanish) => "ESPAÑOL",
            (Language::Spanish, Language::French) => "FRANCÉS",
            (Language::Spanish, Language::Portuguese) => "PORTUGUÉS",
            (_, Language::English) => "ENGLISH",
            (_, Language::Spanish) => "SPANISH",
            (_, Language::French) => "FRENCH",
            (_, Language::Portuguese) => "PORTUGUESE",
        }
    }
}

/// A note on a paragraph of the introduction, printed as a footnote.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The paragraph of its section the note belongs to, counted from 0.
    pub paragraph: usize,
    pub text: String,
}

/// Where the source states a coordinator, when not in the group's coordinator section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatedIn {
    /// In the remarks of the group's activity of this number (1, 2, …).
    ActivityRemarks(usize),
}

/// A finding of `check` looked at and let stand on purpose, with why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The rule's name, as `check` prints it.
    pub rule: String,
    /// The finding's place, as `check` prints it (`groups[3].activities[1].remarks`).
    pub place: String,
    pub reason: String,
}
