//! Searching the report: which titles, descriptions and remarks hold a text, ignoring case.

use std::ops::Range;

use crate::model::Report;

/// The field of a group or activity where a search text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    GroupTitle,
    Description,
    Remarks,
}

/// A place that holds the search text. Hits come in report order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    pub group: usize,
    /// `None` for the group's own title.
    pub activity: Option<usize>,
    pub field: Field,
}

/// Every place (a group's title, an activity) that holds `query`, ignoring case, once
/// each; none for an empty query.
pub fn find(report: &Report, query: &str) -> Vec<Hit> {
    let needle = Needle::new(query);
    if needle.chars.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (g, group) in report.groups.iter().enumerate() {
        if needle.is_in(&group.title) {
            hits.push(Hit { group: g, activity: None, field: Field::GroupTitle });
        }
        for (a, activity) in group.activities.iter().enumerate() {
            // One hit per activity, at its first matching field: the selection moves by
            // activity, so counting fields would count places that `n` cannot tell apart.
            let found =
                [(Field::Description, &activity.description), (Field::Remarks, &activity.remarks)]
                    .into_iter()
                    .find(|(_, text)| needle.is_in(text));
            if let Some((field, _)) = found {
                hits.push(Hit { group: g, activity: Some(a), field });
            }
        }
    }
    hits
}

/// The lower-case characters of `text`, one per character of `text`, so positions agree.
fn fold(text: &str) -> Vec<char> {
    text.chars().map(fold_char).collect()
}

fn fold_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// A search text, folded once for all the fields it is looked for in.
struct Needle {
    chars: Vec<char>,
    /// The longest run of ASCII in the folded text, searched with `memchr`: the whole text
    /// when it is ASCII (the common case), else a quick test that most fields fail before
    /// the slower folding search.
    ascii: Vec<u8>,
    all_ascii: bool,
}

impl Needle {
    fn new(query: &str) -> Needle {
        let chars = fold(query);
        let ascii = chars
            .split(|c| !c.is_ascii())
            .max_by_key(|run| run.len())
            .map(|run| run.iter().map(|&c| c as u8).collect())
            .unwrap_or_default();
        let all_ascii = chars.iter().all(char::is_ascii);
        Needle { chars, ascii, all_ascii }
    }

    fn is_in(&self, text: &str) -> bool {
        let maybe = contains_ascii(text.as_bytes(), &self.ascii);
        maybe && (self.all_ascii || matches(text, &self.chars).next().is_some())
    }
}

/// Whether `text` holds the lower-case ASCII `needle`, ignoring case: candidates are the
/// places of its first letter in either case, found by `memchr`, checked byte by byte.
/// (Non-ASCII letters that lower-case to ASCII, like the Kelvin sign, are not matched.)
fn contains_ascii(text: &[u8], needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else { return true };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text)
        .any(|at| text.get(at..at + needle.len()).is_some_and(|w| w.eq_ignore_ascii_case(needle)))
}

/// The byte ranges of `text` that hold `query`, ignoring case; for highlighting.
pub fn ranges(text: &str, query: &str) -> Vec<Range<usize>> {
    matches(text, &fold(query)).collect()
}

/// Non-overlapping matches of a folded needle, found without allocating.
fn matches<'a>(text: &'a str, needle: &'a [char]) -> impl Iterator<Item = Range<usize>> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let first = *needle.first()?;
        while from < text.len() {
            let rest = &text[from..];
            let (offset, _) = rest.char_indices().find(|(_, c)| fold_char(*c) == first)?;
            let start = from + offset;
            let mut len = 0;
            let mut chars = text[start..].char_indices();
            let matched = needle.iter().all(|n| match chars.next() {
                Some((i, c)) if fold_char(c) == *n => {
                    len = i + c.len_utf8();
                    true
                }
                _ => false,
            });
            if matched {
                from = start + len;
                return Some(start..start + len);
            }
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ascii_and_accented_text_in_any_case() {
        let report = crate::store::shipped().unwrap();
        let places = |query: &str| -> Vec<(usize, Option<usize>)> {
            find(&report, query).into_iter().map(|h| (h.group, h.activity)).collect()
        };
        assert_eq!(places("desinventar"), vec![(2, Some(0))]);
        assert_eq!(places("DESINVENTAR"), places("desinventar"));
        // "Zusammenarbeit (GIZ)" in III.1: an accented search, with its ASCII part first.
        assert_eq!(places("für internationale"), vec![(2, Some(0))]);
        assert_eq!(places("FÜR INTERNATIONALE"), places("für internationale"));
        assert!(places("quinquagésimo").is_empty());
        assert!(places("").is_empty());
    }

    #[test]
    fn ranges_ignore_case_and_keep_byte_positions() {
        let text = "Año de REVISIÓN y revisión";
        let r = ranges(text, "revisión");
        assert_eq!(r.len(), 2);
        assert_eq!(&text[r[0].clone()], "REVISIÓN");
        assert_eq!(&text[r[1].clone()], "revisión");
        assert!(ranges(text, "").is_empty());
        assert!(ranges(text, "xyz").is_empty());
    }
}
