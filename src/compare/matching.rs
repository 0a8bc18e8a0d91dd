//! Pairing the items of two lists by their text: the activities of a group in two rounds, or
//! the groups of two reports. Identical text pairs first (at the same place if it can); then
//! the most alike pairs, where a text that contains the other, shares its words or is a few
//! letters from it is alike, and being at the same place counts too.

use crate::model::{Activity, Groups};

/// How alike (0–1) two texts must be for their items to be one item reworded.
const CLOSE_MATCH: f64 = 0.6;
/// How alike two texts must be for that at the same place: a description reworded where it
/// stood needs less in common with the old one than one that also moved.
const CLOSE_MATCH_IN_PLACE: f64 = 0.45;
/// What being at the same place adds when pairs are ranked: enough to choose between two as
/// alike ("Review of the document" within two new descriptions), too little to outweigh a
/// better text when activities were reordered (a typo fixed beats words dropped in place).
const IN_PLACE_FIRST: f64 = 0.01;

/// How much an item's place counts in pairing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// An item at the same place needs less in common, and wins between two as alike.
    Counts,
    /// As `Counts`, and what is left unpaired at the same index pairs whatever its text
    /// (groups keep their place across rounds).
    Decides,
}

/// The groups of two reports, paired: by title, then, since groups keep their place across
/// rounds, what is left by position. `(old, new)` index pairs, `None` where one is missing.
pub(crate) fn match_groups(old: &Groups, new: &Groups) -> Vec<(Option<usize>, Option<usize>)> {
    match_by(old.shared(), new.shared(), |g| g.title.as_str(), Place::Decides)
}

/// The activities of one group in two rounds, paired: `(old, new)` index pairs, with `None`
/// on the side where an activity is missing.
pub(crate) fn match_activities(
    old: &[Activity],
    new: &[Activity],
) -> Vec<(Option<usize>, Option<usize>)> {
    match_by(old, new, |a| a.description.as_str(), Place::Counts)
}

/// Pairs items of `old` and `new` by `text`: identical texts first (the one at the same index
/// before any other), then, greedily, the most alike remaining pairs that reach
/// `CLOSE_MATCH` (`CLOSE_MATCH_IN_PLACE` at the same place), then with `Place::Decides` what is left at the same index. Unpaired items
/// come back with `None` on the other side: new ones in order, then old ones in order.
pub(crate) fn match_by<T>(
    old: &[T],
    new: &[T],
    text: impl Fn(&T) -> &str,
    place: Place,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_taken = vec![false; old.len()];
    let mut new_match: Vec<Option<usize>> = vec![None; new.len()];
    for (n, item) in new.iter().enumerate() {
        let same = |o: usize| !old_taken[o] && text(&old[o]) == text(item);
        // Most texts are where they were: that look-up is one comparison.
        let found =
            if n < old.len() && same(n) { Some(n) } else { (0..old.len()).find(|&o| same(o)) };
        if let Some(o) = found {
            old_taken[o] = true;
            new_match[n] = Some(o);
        }
    }

    let left_new: Vec<usize> = (0..new.len()).filter(|&n| new_match[n].is_none()).collect();
    let left_old: Vec<usize> = (0..old.len()).filter(|&o| !old_taken[o]).collect();
    if !left_new.is_empty() && !left_old.is_empty() {
        let old_words: Vec<Words> = left_old.iter().map(|&o| Words::of(text(&old[o]))).collect();
        let mut candidates = Vec::new();
        for &n in &left_new {
            let new_words = Words::of(text(&new[n]));
            let inside: Vec<bool> = old_words.iter().map(|w| w.is_within(&new_words)).collect();
            for (k, (&o, old_words_o)) in left_old.iter().zip(&old_words).enumerate() {
                // Of old texts within the new one and within each other ("Review of the
                // document", "Review of the document by ECLAC"), the longest explains it.
                let outdone = inside[k]
                    && (0..left_old.len()).any(|j| {
                        inside[j]
                            && old_words[j].words.len() > old_words_o.words.len()
                            && old_words_o.is_within(&old_words[j])
                    });
                let alike =
                    similarity(text(&old[o]), text(&new[n]), old_words_o, &new_words, !outdone);
                let in_place = same_place(o, n, &new_match);
                let close = if in_place { CLOSE_MATCH_IN_PLACE } else { CLOSE_MATCH };
                if alike >= close {
                    let rank = alike + if in_place { IN_PLACE_FIRST } else { 0.0 };
                    candidates.push((rank, o.abs_diff(n), n, o));
                }
            }
        }
        // The most alike first; between equals, the nearer.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        for (_, _, n, o) in candidates {
            if new_match[n].is_none() && !old_taken[o] {
                old_taken[o] = true;
                new_match[n] = Some(o);
            }
        }
    }

    if place == Place::Decides {
        for n in 0..new.len() {
            if new_match[n].is_none() && n < old.len() && !old_taken[n] {
                old_taken[n] = true;
                new_match[n] = Some(n);
            }
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> =
        new_match.into_iter().enumerate().map(|(n, o)| (o, Some(n))).collect();
    pairs.extend(old_taken.iter().enumerate().filter(|(_, t)| !**t).map(|(o, _)| (Some(o), None)));
    pairs
}

/// Whether old item `o` stood where new item `n` stands: at the same index, or right after or
/// right before the old item that a neighbour of `n` kept its text from.
fn same_place(o: usize, n: usize, new_match: &[Option<usize>]) -> bool {
    let after = n > 0 && o > 0 && new_match[n - 1] == Some(o - 1);
    let before = new_match.get(n + 1).copied().flatten() == Some(o + 1);
    o == n || after || before
}

/// A text as its words, lower-cased: in order, and once each in sorted order; how many
/// letters they hold and how many characters the text has.
struct Words {
    words: Vec<String>,
    set: Vec<String>,
    letters: usize,
    chars: usize,
}

impl Words {
    /// Whether these words stand, in order and together, within `other`'s, which has more.
    fn is_within(&self, other: &Words) -> bool {
        !self.words.is_empty()
            && self.words.len() < other.words.len()
            && other.words.windows(self.words.len()).any(|w| w == self.words.as_slice())
    }

    fn of(text: &str) -> Words {
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut set = words.clone();
        set.sort_unstable();
        set.dedup();
        let letters = words.iter().map(|w| w.chars().count()).sum();
        Words { words, set, letters, chars: text.chars().count() }
    }
}

/// How alike two texts are, 0–1: the best of how much of the longer one the shorter one is
/// when it stands within it word for word (if `within_counts`), how many of their letters
/// are in words both have, and how few letters would have to change (normalised
/// Levenshtein).
fn similarity(
    old: &str,
    new: &str,
    old_words: &Words,
    new_words: &Words,
    within_counts: bool,
) -> f64 {
    let within = if within_counts { within(old_words, new_words) } else { 0.0 };
    let best = within.max(shared(old_words, new_words));
    // Levenshtein can do no better than the shorter length over the longer: skip it then.
    let (a, b) = (old_words.chars, new_words.chars);
    let bound = a.min(b) as f64 / a.max(b).max(1) as f64;
    if bound <= best {
        return best;
    }
    best.max(strsim::normalized_levenshtein(old, new))
}

/// If one text's words stand within the other's ("Review of the document" in "Review of the
/// document by the countries"): from 0.5, for a word in a long text, towards 1 as the longer
/// has fewer other letters; else 0. Texts of the same words (other punctuation, other case)
/// are 1.
fn within(a: &Words, b: &Words) -> f64 {
    let (short, long) = if a.words.len() <= b.words.len() { (a, b) } else { (b, a) };
    if !short.words.is_empty() && short.words == long.words {
        return 1.0;
    }
    if short.is_within(long) {
        0.5 + 0.5 * short.letters as f64 / long.letters.max(1) as f64
    } else {
        0.0
    }
}

/// The letters in words both texts have, over the letters in words either has (a Jaccard
/// index weighted by length, so "of" and "the" count for little); word order is ignored.
fn shared(a: &Words, b: &Words) -> f64 {
    let (a, b) = (&a.set, &b.set);
    let (mut i, mut j, mut both, mut either) = (0, 0, 0, 0);
    let len = |w: &String| w.chars().count();
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                both += len(&a[i]);
                either += len(&a[i]);
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                either += len(&a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                either += len(&b[j]);
                j += 1;
            }
        }
    }
    either += a[i..].iter().chain(&b[j..]).map(len).sum::<usize>();
    if either == 0 { 0.0 } else { both as f64 / either as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(old: &str, new: &str) -> f64 {
        similarity(old, new, &Words::of(old), &Words::of(new), true)
    }

    fn pairs(old: &[&str], new: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
        match_by(old, new, |s| *s, Place::Counts)
    }

    #[test]
    fn a_text_within_another_word_for_word_is_alike() {
        let old = "Review of the document";
        assert!(score(old, "Review of the document by the participating countries") >= 0.7);
        assert!(score(old, "Final review of the document") >= 0.8);
        // Within, but not at word boundaries: "view" is not a word of "Review".
        assert_eq!(within(&Words::of("view of the"), &Words::of("Review of the document")), 0.0);
    }

    #[test]
    fn shared_words_count_by_their_letters_in_any_order() {
        assert_eq!(score("document review", "Review, document"), 1.0);
        let little = shared(&Words::of("Review of the document"), &Words::of("Publication of the"));
        assert!(little < 0.2, "{little}");
    }

    #[test]
    fn a_typo_fixed_is_alike() {
        assert!(score("Identifcation of needs", "Identification of needs") > 0.9);
    }

    #[test]
    fn identical_texts_pair_at_the_same_place_first() {
        assert_eq!(
            pairs(&["Workshop", "Workshop"], &["Workshop", "Workshop"]),
            [(Some(0), Some(0)), (Some(1), Some(1))]
        );
        assert_eq!(
            pairs(&["A b c", "Workshop"], &["Workshop"]),
            [(Some(1), Some(0)), (Some(0), None)]
        );
    }

    #[test]
    fn of_two_new_texts_as_alike_the_one_at_the_same_place_wins() {
        let old = ["Review of the document", "Launch of the survey"];
        let new = ["Review of the document by Chile", "Review of the document by Italy"];
        assert_eq!(pairs(&old, &new), [(Some(0), Some(0)), (None, Some(1)), (Some(1), None)]);
        let new = [new[1], new[0]];
        assert_eq!(pairs(&old, &new), [(Some(0), Some(0)), (None, Some(1)), (Some(1), None)]);
    }

    #[test]
    fn of_old_texts_within_each_other_the_longest_within_the_new_one_explains_it() {
        let old = ["Review of the document", "Review of the document by ECLAC"];
        let new = [
            "Review of the document by the participating countries",
            "Review of the document by ECLAC and the countries",
        ];
        assert_eq!(pairs(&old, &new), [(Some(0), Some(0)), (Some(1), Some(1))]);
        // Reordered as well: the first old one is within both new ones, and at the place of
        // the wrong one, but the second old one is within that one whole.
        let swapped = [new[1], new[0]];
        assert_eq!(pairs(&old, &swapped), [(Some(1), Some(0)), (Some(0), Some(1))]);
        // Each reworded where it stood, the second no longer holding the first's words.
        let new =
            ["Review of the document by countries", "Review of the document by the Commission"];
        assert_eq!(pairs(&old, &new), [(Some(0), Some(0)), (Some(1), Some(1))]);
    }

    #[test]
    fn a_text_with_nothing_in_common_is_another_item_even_at_the_same_place() {
        let old = ["Design of the survey", "Review of the document by ECLAC"];
        let new = ["Design of the survey", "Launch webinar for the community of practice"];
        assert_eq!(pairs(&old, &new), [(Some(0), Some(0)), (None, Some(1)), (Some(1), None)]);
    }

    #[test]
    fn groups_left_over_pair_by_place() {
        let pairs = match_by(&["Alpha"], &["Zzz qqq"], |s| *s, Place::Decides);
        assert_eq!(pairs, [(Some(0), Some(0))]);
    }
}
