//! How text is written: doubled spaces, marks without their pair, web addresses that do
//! not parse, and text in the other language than the report's.

use super::words::{Language, language_of_text};
use super::{Finding, Found, Level, Rule};
use crate::edit::Field;
use crate::emphasis;
use crate::model::{Group, Report};

/// The front matter's and the introduction's texts, with the paragraphs' notes.
pub(super) fn report_texts(report: &Report, language: Language, found: &mut Vec<Finding>) {
    let front = [
        (Field::Title, &report.title),
        (Field::Meeting, &report.meeting),
        (Field::Venue, &report.venue),
    ];
    for (field, text) in front {
        written(field, text, found);
        in_language(field, text, language, found);
    }
    written(Field::Symbol, &report.symbol, found);
    if let Some(job) = &report.job_number {
        written(Field::JobNumber, job, found);
    }
    for (s, section) in report.introduction.iter().enumerate() {
        if let Some(heading) = &section.heading {
            written(Field::Heading(s), heading, found);
            in_language(Field::Heading(s), heading, language, found);
        }
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            written(Field::Paragraph(s, p), paragraph, found);
            in_language(Field::Paragraph(s, p), paragraph, language, found);
        }
        for (n, note) in section.notes.iter().enumerate() {
            written(Field::Note(s, n), &note.text, found);
            in_language(Field::Note(s, n), &note.text, language, found);
        }
    }
}

/// A group's texts. Names of countries and institutions are not looked at for their
/// language: an institution's name is often given in its own.
pub(super) fn group_texts(g: usize, group: &Group, language: Language, found: &mut Vec<Finding>) {
    let mut prose = |field: Field, text: &str| {
        written(field, text, found);
        in_language(field, text, language, found);
    };
    prose(Field::GroupTitle(g), &group.title);
    prose(Field::GroupTopic(g), &group.topic);
    prose(Field::GeneralObjective(g), &group.general_objective);
    for (i, objective) in group.specific_objectives.iter().enumerate() {
        prose(Field::SpecificObjective(g, i), objective);
    }
    for (a, activity) in group.activities.iter().enumerate() {
        if let Some(topic) = &activity.topic {
            prose(Field::ActivityTopic(g, a), topic);
        }
        prose(Field::Description(g, a), &activity.description);
        prose(Field::Remarks(g, a), &activity.remarks);
    }
    for (c, coordinator) in group.coordinators.iter().enumerate() {
        written(Field::Country(g, c), &coordinator.country, found);
        written(Field::Institution(g, c), &coordinator.institution, found);
    }
}

/// Doubled spaces, unbalanced marks and bad addresses in one text.
fn written(field: Field, text: &str, found: &mut Vec<Finding>) {
    let doubled = memchr::memmem::find(text.as_bytes(), b"  ").is_some()
        && text.lines().any(|line| line.trim().contains("  "));
    if doubled {
        found.push(Finding::new(
            Level::Information,
            Rule::DoubledSpaces,
            field,
            Found::DoubledSpaces,
        ));
    }
    if let Some(what) = unbalanced(text) {
        found.push(Finding::new(Level::Warning, Rule::Unbalanced, field, what));
    }
    // Most texts hold no address: their words are not looked at one by one.
    let lower_or_upper = ["http", "HTTP", "www.", "WWW."];
    let may_hold_address = lower_or_upper.iter().any(|start| text.contains(start));
    for address in may_hold_address.then(|| addresses(text)).into_iter().flatten() {
        if !parses(address) {
            found.push(Finding::new(
                Level::Warning,
                Rule::BadUrl,
                field,
                Found::BadUrl { address: address.into() },
            ));
        }
    }
}

fn in_language(field: Field, text: &str, language: Language, found: &mut Vec<Finding>) {
    if let Some(other) = language_of_text(text).filter(|&l| l != language) {
        found.push(Finding::new(
            Level::Warning,
            Rule::OtherLanguage,
            field,
            Found::OtherLanguage { text: other, report: language },
        ));
    }
}

/// What mark of `text` lacks its pair, if any: a `*` that emphasises nothing beside a
/// word (`*Title` without its closing mark; `2*3` and `a * b` are text), a parenthesis or
/// bracket, a double quote.
fn unbalanced(text: &str) -> Option<Found> {
    let marks = emphasis::marks(text);
    let bytes = text.as_bytes();
    let word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphabetic() || *c >= 0x80);
    let stray_star = text.match_indices('*').any(|(i, _)| {
        let before = i.checked_sub(1).and_then(|j| bytes.get(j));
        let after = bytes.get(i + 1);
        let single = before != Some(&b'*') && after != Some(&b'*');
        single && marks.iter().all(|&(m, _)| m != i) && (word(before) != word(after))
    });
    if stray_star {
        return Some(Found::StrayStar);
    }
    // One pass for every pair: how deep each is, and whether a closer came first.
    const PAIRS: [(char, char); 4] = [('(', ')'), ('[', ']'), ('“', '”'), ('«', '»')];
    let mut depth = [0i64; 4];
    let mut quotes = 0usize;
    for c in text.chars() {
        if c == '"' {
            quotes += 1;
        }
        for (i, (open, close)) in PAIRS.iter().enumerate() {
            if c == *open {
                depth[i] += 1;
            } else if c == *close && depth[i] >= 0 {
                depth[i] -= 1;
            }
        }
    }
    if let Some(i) = depth.iter().position(|&d| d != 0) {
        let (open, close) = PAIRS[i];
        return Some(Found::Unpaired { open, close });
    }
    if quotes % 2 == 1 {
        return Some(Found::UnpairedQuote);
    }
    None
}

/// The web addresses in `text`: words that start with `http://`, `https://` or `www.`,
/// without the punctuation that ends a sentence after them.
fn addresses(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|word| word.trim_start_matches(['(', '[', '“', '"', '«']))
        .filter(|word| {
            let lower = word.get(..8).unwrap_or(word).to_ascii_lowercase();
            lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("www.")
        })
        .map(|word| word.trim_end_matches(['.', ',', ';', ':', ')', ']', '”', '"', '»', '!', '?']))
}

/// Whether `address` is a web address a browser would open: it parses, and its host is a
/// name with a dot and no empty part (`https://www..org` and `https://` are not).
fn parses(address: &str) -> bool {
    let full = if address.to_ascii_lowercase().starts_with("www.") {
        format!("https://{address}")
    } else {
        address.to_string()
    };
    match url::Url::parse(&full) {
        Ok(url) => match url.host() {
            Some(url::Host::Domain(host)) => {
                host.contains('.') && host.split('.').all(|label| !label.is_empty())
            }
            Some(_) => true,
            None => false,
        },
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_without_their_pair_are_told() {
        assert_eq!(unbalanced("see *Title* (2021) and “this”"), None);
        assert_eq!(unbalanced("2*3 and a * b"), None);
        assert!(unbalanced("see *Title and more").is_some());
        assert!(unbalanced("see (note").is_some());
        assert!(unbalanced("see note)").is_some());
        assert!(unbalanced("say \"this").is_some());
    }

    #[test]
    fn addresses_parse_or_not() {
        let found: Vec<_> = addresses("See https://www.cepal.org/es. And (www.ine.cl).").collect();
        assert_eq!(found, ["https://www.cepal.org/es", "www.ine.cl"]);
        assert!(found.iter().all(|a| parses(a)));
        assert!(!parses("https://"));
        assert!(!parses("https://www..cepal.org"));
        assert!(!parses("http://exa mple"));
        assert!(!parses("https://cepal"));
    }
}
