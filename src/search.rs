//! Searching the report: which of its texts hold every word of a query, in any order,
//! ignoring case and accents.
//!
//! Text is folded before it is compared: decomposed (Unicode canonical decomposition), its
//! combining marks dropped, then lower-cased. So `revision` finds "revisión", `ESTADISTICAS`
//! finds "estadísticas", and `ano` finds "año" as well as "ano": ñ folds to n, as search
//! engines fold it for Spanish. Matches are given as byte ranges of the original text, so
//! the accented text is what is highlighted.

use std::ops::Range;

use aho_corasick::AhoCorasick;
use memchr::memmem::Finder;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::edit::Field;
use crate::i18n::{Texts, fill};
use crate::model::{Group, Report, numeral};
use rayon::prelude::*;

/// A field that holds every word of the search. Hits come in report order: front matter,
/// introduction, then each group (title, topic, objectives, coordinators, activities).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub field: Field,
    /// The first match in the field's text, as a byte range of it.
    pub at: Range<usize>,
}

/// A search text made ready to look for: its words, folded once.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    words: Vec<Finder<'static>>,
    /// Each word, for ASCII text searched in place ignoring case; `None` for a word that
    /// is not ASCII (no ASCII text holds it). Aho-Corasick's prefilter looks for the word's
    /// rarest bytes, so a common first letter does not stop the search at every word.
    ascii: Vec<Option<AhoCorasick>>,
}

impl PartialEq for Query {
    fn eq(&self, other: &Query) -> bool {
        self.text == other.text
    }
}
impl Eq for Query {}

impl Query {
    pub fn new(text: &str) -> Query {
        let mut folded = String::new();
        fold_into(text, &mut folded);
        let mut words: Vec<&str> = folded.split_whitespace().collect();
        words.sort_unstable();
        words.dedup();
        let ascii = words
            .iter()
            .map(|w| {
                let builder = AhoCorasick::builder().ascii_case_insensitive(true).build([w]);
                w.is_ascii().then_some(builder.ok()).flatten()
            })
            .collect();
        let words = words.into_iter().map(|w| Finder::new(w.as_bytes()).into_owned()).collect();
        Query { text: text.to_string(), words, ascii }
    }

    /// The text as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// A match in `text` when it holds every word, as a byte range of `text`: the first
    /// of the words' first places. `scratch` is reused between calls so searching a report
    /// allocates little.
    ///
    /// ASCII folds to itself lower-cased, so each word is first looked for in place, in
    /// either case, without a copy. A word not found so can only be found where folding
    /// changed the text: around its characters that are not ASCII. Only those stretches are
    /// folded, each with as much of the text on either side as the word is long.
    fn first_in(&self, text: &str, scratch: &mut String) -> Option<Range<usize>> {
        if self.words.is_empty() {
            return None;
        }
        let mut first: Option<Range<usize>> = None;
        for (word, ascii) in self.words.iter().zip(&self.ascii) {
            let plain = ascii.as_ref().and_then(|a| a.find(text)).map(|m| m.range());
            let found = match plain {
                Some(found) => found,
                None => folded_near(text, word, scratch)?,
            };
            if first.as_ref().is_none_or(|f| found.start < f.start) {
                first = Some(found);
            }
        }
        first
    }

    /// Every match of every word in `text`, as byte ranges of `text`, in order, those that
    /// overlap or touch made one; for highlighting.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        if self.words.is_empty() {
            return Vec::new();
        }
        let mut folded = String::new();
        fold_into(text, &mut folded);
        let mut found: Vec<Range<usize>> = self
            .words
            .iter()
            .flat_map(|w| w.find_iter(folded.as_bytes()).map(|at| at..at + w.needle().len()))
            .collect();
        if found.is_empty() {
            return found;
        }
        found.sort_unstable_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
        for r in found {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        if folded.len() == text.len() && text.is_ascii() {
            return merged;
        }
        merged.into_iter().map(|r| to_original(text, r)).collect()
    }
}

/// Every field of the report that holds every word of `query` (see [`Query`]), once each,
/// in report order; none for an empty query.
pub fn find(report: &Report, query: &str) -> Vec<Hit> {
    find_query(report, &Query::new(query))
}

/// [`find`] with a query already made. The groups are searched on every core.
pub fn find_query(report: &Report, query: &Query) -> Vec<Hit> {
    let mut hits = Vec::new();
    if query.is_empty() {
        return hits;
    }
    let mut scratch = String::new();
    let mut look = |field: Field, text: &str| {
        if let Some(at) = query.first_in(text, &mut scratch) {
            hits.push(Hit { field, at });
        }
    };
    look(Field::Symbol, &report.symbol);
    look(Field::Date, &report.date);
    look(Field::Title, &report.title);
    look(Field::Meeting, &report.meeting);
    look(Field::Venue, &report.venue);
    look(Field::JobNumber, report.job_number.as_deref().unwrap_or(""));
    for (s, section) in report.introduction.iter().enumerate() {
        look(Field::Heading(s), section.heading.as_deref().unwrap_or(""));
        for (p, paragraph) in section.paragraphs.iter().enumerate() {
            look(Field::Paragraph(s, p), paragraph);
            // A paragraph's notes come after it, as its footnotes do.
            for (n, note) in section.notes.iter().enumerate().filter(|(_, n)| n.paragraph == p) {
                look(Field::Note(s, n), &note.text);
            }
        }
    }
    let groups: Vec<Vec<Hit>> = report
        .groups
        .shared()
        .par_iter()
        .enumerate()
        .map_init(String::new, |scratch, (g, group)| find_in_group(g, group, query, scratch))
        .collect();
    hits.extend(groups.into_iter().flatten());
    hits
}

/// The hits in group `g`, in order.
fn find_in_group(g: usize, group: &Group, query: &Query, scratch: &mut String) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut look = |field: Field, text: &str| {
        if let Some(at) = query.first_in(text, scratch) {
            hits.push(Hit { field, at });
        }
    };
    look(Field::GroupTitle(g), &group.title);
    look(Field::GroupTopic(g), &group.topic);
    look(Field::GeneralObjective(g), &group.general_objective);
    for (i, objective) in group.specific_objectives.iter().enumerate() {
        look(Field::SpecificObjective(g, i), objective);
    }
    for (c, coordinator) in group.coordinators.iter().enumerate() {
        look(Field::Country(g, c), &coordinator.country);
        look(Field::Institution(g, c), &coordinator.institution);
    }
    for (a, activity) in group.activities.iter().enumerate() {
        look(Field::ActivityTopic(g, a), activity.topic.as_deref().unwrap_or(""));
        look(Field::Description(g, a), &activity.description);
        look(Field::Remarks(g, a), &activity.remarks);
    }
    hits
}

/// Where a field is, as the list of matches and the footer name it: "VI.16 remarks",
/// "II objective 3", "Introduction ¶3" (paragraphs counted through the introduction),
/// "Title".
pub fn place(field: Field, report: &Report, texts: &Texts) -> String {
    let of_group = |template: &str, g: usize, number: usize| {
        fill(template, &[("numeral", &numeral(g + 1)), ("number", &(number + 1))])
    };
    let of_activity = |template: &str, g: usize, a: usize| {
        fill(template, &[("place", &format!("{}.{}", numeral(g + 1), a + 1))])
    };
    match field {
        Field::Symbol
        | Field::Date
        | Field::Title
        | Field::Meeting
        | Field::Venue
        | Field::JobNumber => field.front_matter_label(texts).unwrap_or_default().into(),
        Field::Heading(s) => fill(texts.place_heading, &[("section", &(s + 1))]),
        Field::Paragraph(s, p) => {
            fill(texts.place_paragraph, &[("number", &paragraph_number(report, s, p))])
        }
        Field::Note(s, n) => {
            let paragraph = report.introduction.get(s).and_then(|x| x.notes.get(n));
            let number = paragraph_number(report, s, paragraph.map_or(0, |note| note.paragraph));
            fill(texts.place_note, &[("number", &number)])
        }
        Field::GroupTitle(g) => of_group(texts.place_group_title, g, 0),
        Field::GroupTopic(g) => of_group(texts.place_group_topic, g, 0),
        Field::GeneralObjective(g) => of_group(texts.place_general_objective, g, 0),
        Field::SpecificObjective(g, i) => of_group(texts.place_objective, g, i),
        Field::Country(g, c) | Field::Institution(g, c) => of_group(texts.place_coordinator, g, c),
        Field::ActivityTopic(g, a) => of_activity(texts.place_activity_topic, g, a),
        Field::Description(g, a) => of_activity(texts.place_description, g, a),
        Field::Remarks(g, a) => of_activity(texts.place_remarks, g, a),
    }
}

/// The number of paragraph `p` of section `s`, counted through the introduction from 1.
fn paragraph_number(report: &Report, s: usize, p: usize) -> usize {
    let before: usize =
        report.introduction.iter().take(s).map(|section| section.paragraphs.len()).sum();
    before + p + 1
}

/// The byte ranges of `text` that hold a word of `query`; for highlighting.
pub fn ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    Query::new(query).ranges(text)
}

/// Where `word` (folded) is in `text` folded, found only around the characters of `text`
/// that are not ASCII, as a byte range of `text`.
fn folded_near(text: &str, word: &Finder, scratch: &mut String) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let reach = word.needle().len();
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|b| !b.is_ascii()) {
        // A stretch of characters that are not ASCII, widened by `reach` ASCII bytes on
        // either side and joined with the next stretch that the widening meets.
        // (It may reach back into the last stretch looked at: a match can start there.)
        let from = text.floor_char_boundary((at + offset).saturating_sub(reach));
        let mut to = at + offset;
        loop {
            to += bytes[to..].iter().position(u8::is_ascii).unwrap_or(bytes.len() - to);
            let ascii = bytes[to..].iter().take(reach + 1).take_while(|b| b.is_ascii()).count();
            if ascii > reach || to + ascii == bytes.len() {
                to += ascii.min(reach);
                break;
            }
            to += ascii;
        }
        let window = &text[from..to];
        scratch.clear();
        fold_into(window, scratch);
        if let Some(found) = word.find(scratch.as_bytes()) {
            let original = to_original(window, found..found + reach);
            return Some(from + original.start..from + original.end);
        }
        at = to;
    }
    None
}

/// Appends `text` folded to `out`. Runs of ASCII are copied and lower-cased whole; only
/// other characters are decomposed one by one.
fn fold_into(text: &str, out: &mut String) {
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            fold_char(c, out);
            rest = chars.as_str();
        }
    }
}

fn fold_char(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// A range of `text` folded, as the range of the original characters that gave it.
fn to_original(text: &str, folded: Range<usize>) -> Range<usize> {
    if text.is_ascii() {
        return folded;
    }
    let (mut start, mut end) = (None, text.len());
    let mut at = 0;
    let mut one = String::new();
    for (i, c) in text.char_indices() {
        let width = if c.is_ascii() {
            1
        } else {
            one.clear();
            fold_char(c, &mut one);
            one.len()
        };
        // The character that gives the range's first folded byte starts it; the one that
        // gives its last byte ends it.
        if start.is_none() && at + width > folded.start {
            start = Some(i);
        }
        at += width;
        if at >= folded.end {
            end = i + c.len_utf8();
            break;
        }
    }
    // Marks that fold to nothing after the last character belong to it ("e" and an accent).
    let marks: usize = text[end..]
        .chars()
        .take_while(|&c| {
            one.clear();
            fold_char(c, &mut one);
            one.is_empty()
        })
        .map(char::len_utf8)
        .sum();
    start.unwrap_or(text.len())..end + marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        ranges(text, query).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn case_and_accents_are_ignored_and_the_original_text_is_marked() {
        let text = "Año de REVISIÓN y revisión de estadísticas";
        assert_eq!(matched(text, "revision"), ["REVISIÓN", "revisión"]);
        assert_eq!(matched(text, "revisión"), ["REVISIÓN", "revisión"]);
        assert_eq!(matched(text, "ESTADISTICAS"), ["estadísticas"]);
        assert_eq!(matched(text, "ESTADÍSTICAS"), ["estadísticas"]);
        // ñ folds to n, either way round.
        assert_eq!(matched(text, "ano"), ["Año"]);
        assert_eq!(matched("el ano", "año"), ["ano"]);
        assert!(matched(text, "").is_empty());
        assert!(matched(text, "xyz").is_empty());
    }

    #[test]
    fn decomposed_text_is_marked_with_its_marks() {
        // "é" written as e and a combining accent: the accent belongs to the match.
        let text = "cafe\u{301} con leche";
        assert_eq!(matched(text, "café"), ["cafe\u{301}"]);
        assert_eq!(matched(text, "LECHE"), ["leche"]);
    }

    #[test]
    fn several_words_match_in_any_order_within_one_field() {
        let mut report = crate::store::shipped().unwrap();
        report.groups[5].activities[0].remarks = "Taller regional en Santiago, 2021.".into();
        let fields =
            |q: &str| -> Vec<Field> { find(&report, q).into_iter().map(|h| h.field).collect() };
        assert_eq!(fields("taller 2021"), [Field::Remarks(5, 0)]);
        assert_eq!(fields("2021   TALLER"), [Field::Remarks(5, 0)]);
        assert_eq!(fields("taller santiago 2021"), [Field::Remarks(5, 0)]);
        // Both words, but not in one field.
        assert!(fields("taller quinquagésimo").is_empty());
        assert_eq!(matched("Taller regional, 2021", "2021 taller"), ["Taller", "2021"]);
    }

    #[test]
    fn a_hit_points_at_its_first_match_in_the_original_text() {
        let mut report = crate::store::shipped().unwrap();
        report.groups[0].activities[1].description = "Über die Población y más población".into();
        let hits = find(&report, "poblacion");
        let hit = hits.iter().find(|h| h.field == Field::Description(0, 1)).unwrap();
        assert_eq!(&report.groups[0].activities[1].description[hit.at.clone()], "Población");
        assert_eq!(hit.field.group(), Some(0));
        assert_eq!(hit.field.activity(), Some((0, 1)));
    }

    #[test]
    fn finds_ascii_and_accented_text_in_any_case() {
        let report = crate::store::shipped().unwrap();
        let fields =
            |q: &str| -> Vec<Field> { find(&report, q).into_iter().map(|h| h.field).collect() };
        assert_eq!(fields("desinventar"), [Field::Remarks(2, 0)]);
        assert_eq!(fields("DESINVENTAR"), fields("desinventar"));
        // "Zusammenarbeit (GIZ)" in III.1: an accented search, with its ASCII part first.
        assert_eq!(fields("für internationale"), [Field::Remarks(2, 0)]);
        assert_eq!(fields("FUR INTERNATIONALE"), fields("für internationale"));
        assert!(fields("quinquagésimo").is_empty());
        assert!(fields("").is_empty());
        assert!(fields("   ").is_empty());
    }
}
