//! The words of the interface, in English and Spanish.
//!
//! Every label, message and help text the app shows is a field of [`Texts`]; [`en`] and
//! [`es`] each give all of them, so a text missing in one language does not compile.
//! Texts with parts that vary hold named placeholders (`{count}`), listed next to each field
//! and put in by [`fill`]. Data stays as it is written in the report, and the command line's
//! output (summary, diff, export) stays English: scripts read it.
//!
//! The language comes from `--lang`, else the configuration's `lang`, else the locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English: see [`Lang::detect`].

pub mod en;
mod errors;
pub mod es;
mod texts;

use std::fmt::{self, Write};

use crate::model::{Distribution, DocumentType, Language, Status};

pub use errors::Describe;
pub use texts::Texts;

/// A language of the interface.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The code the configuration file and `--lang` write: "en", "es".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a code or a locale name: "es", "es_MX.UTF-8", "es-419", "en_US",
    /// "C" and "POSIX" (English). Not case-sensitive. `None` for a language the app does not
    /// speak, or an empty tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        // language[_territory][.codeset][@modifier], or a BCP 47 tag (es-419).
        let base = tag.trim().split(['.', '@']).next().unwrap_or("");
        let language = base.split(['_', '-']).next().unwrap_or("").to_ascii_lowercase();
        match language.as_str() {
            "en" | "c" | "posix" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language to use: `cli` (`--lang`), else `config`, else the locale as `env` gives
    /// the variables, else English. As for any program, the first of `LC_ALL`, `LC_MESSAGES`
    /// and `LANG` that is set and not empty names the locale; a language the app does not
    /// speak there means English, not a look at the next variable.
    pub fn detect(
        cli: Option<Lang>,
        config: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        cli.or(config)
            .or_else(|| {
                ["LC_ALL", "LC_MESSAGES", "LANG"]
                    .into_iter()
                    .filter_map(&env)
                    .find(|value| !value.trim().is_empty())
                    .and_then(|locale| Lang::from_tag(&locale))
            })
            .unwrap_or_default()
    }

    /// Every text of the interface in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::TEXTS,
            Lang::Es => &es::TEXTS,
        }
    }
}

/// `template` with each `{name}` that `args` names replaced by its value; other braces stay
/// as they are.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The placeholders of a template, in order: `{count}` gives "count".
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        found.push(&after[..close]);
        rest = &after[close + 1..];
    }
    found
}

/// A string capitalized: its first character in upper case.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The words for the model's kinds, in a language.
impl Texts {
    /// A moment the store wrote (RFC 3339, as locks and recovery files record it) as the
    /// user's clock shows it: "2 December 2026, 10:05"; as written if it is not one.
    pub fn local_time(&self, stamp: &str) -> String {
        self.time_in(stamp, &jiff::tz::TimeZone::system())
    }

    /// `local_time` in the time zone `zone`.
    pub fn time_in(&self, stamp: &str, zone: &jiff::tz::TimeZone) -> String {
        let Ok(moment) = stamp.parse::<jiff::Timestamp>() else { return stamp.to_string() };
        let at = zone.to_datetime(moment);
        let month = usize::try_from(at.month() - 1).ok();
        let month = month.and_then(|m| self.months.split_whitespace().nth(m)).unwrap_or("?");
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        fill(
            self.local_time,
            &[("day", &at.day()), ("month", &month), ("year", &at.year()), ("time", &time)],
        )
    }

    /// An activity's status, as said of one activity: "completed", "completada".
    pub fn status(&self, status: Status) -> &'static str {
        match status {
            Status::NotStarted => self.status_not_started,
            Status::InProgress => self.status_in_progress,
            Status::Completed => self.status_completed,
        }
    }

    /// A status said of several activities: "completed", "completadas".
    pub fn statuses(&self, status: Status) -> &'static str {
        match status {
            Status::NotStarted => self.statuses_not_started,
            Status::InProgress => self.statuses_in_progress,
            Status::Completed => self.statuses_completed,
        }
    }

    /// A document type, in lower case: "regional standard", "norma regional".
    pub fn document_type(&self, kind: DocumentType) -> &'static str {
        match kind {
            DocumentType::RegionalStandard => self.regional_standard,
            DocumentType::Thematic => self.thematic,
        }
    }

    /// A distribution, in lower case: "limited", "limitada".
    pub fn distribution(&self, distribution: Distribution) -> &'static str {
        match distribution {
            Distribution::General => self.distribution_general,
            Distribution::Limited => self.distribution_limited,
            Distribution::Restricted => self.distribution_restricted,
        }
    }

    /// A language's name, as this language writes it: "Spanish", "español".
    pub fn language(&self, language: Language) -> &'static str {
        match language {
            Language::English => self.language_english,
            Language::Spanish => self.language_spanish,
            Language::French => self.language_french,
            Language::Portuguese => self.language_portuguese,
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::tz::{TimeZone, offset};

    use super::Lang;

    #[test]
    fn a_stored_moment_is_said_on_the_users_clock_in_their_language() {
        let santiago = TimeZone::fixed(offset(-3));
        let stamp = "2026-12-02T01:05:35Z";
        assert_eq!(Lang::En.texts().time_in(stamp, &santiago), "1 December 2026, 22:05");
        assert_eq!(Lang::Es.texts().time_in(stamp, &santiago), "1 de diciembre de 2026, 22:05");
        assert_eq!(Lang::En.texts().time_in(stamp, &TimeZone::UTC), "2 December 2026, 01:05");
        assert_eq!(Lang::Es.texts().time_in("?", &santiago), "?", "not a moment: as written");
    }
}
