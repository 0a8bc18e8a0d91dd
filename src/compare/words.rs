//! What changed between two versions of a text, word by word: for the remarks in `diff`
//! and, later, wherever a text's history is shown.

use similar::{ChangeTag, TextDiff};

/// A run of words that is in both versions, only in the old, or only in the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// `old` and `new` as runs of words kept, removed and added, in reading order; neighbouring
/// words of one kind are one run (white space between them included).
pub fn word_diff<'a>(old: &'a str, new: &'a str) -> Vec<Words<'a>> {
    let diff = TextDiff::from_words(old, new);
    // Runs as (kind, start, end) in the text they come from: `new` for words kept or added,
    // `old` for words removed.
    let mut runs: Vec<(ChangeTag, usize, usize)> = Vec::new();
    let (mut old_at, mut new_at) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        let (tag, start) = match change.tag() {
            ChangeTag::Equal => {
                old_at += len;
                new_at += len;
                (ChangeTag::Equal, new_at - len)
            }
            ChangeTag::Delete => {
                old_at += len;
                (ChangeTag::Delete, old_at - len)
            }
            ChangeTag::Insert => {
                new_at += len;
                (ChangeTag::Insert, new_at - len)
            }
        };
        match runs.last_mut() {
            Some((last, _, end)) if *last == tag && *end == start => *end += len,
            _ => runs.push((tag, start, start + len)),
        }
    }
    runs.into_iter()
        .map(|(tag, start, end)| match tag {
            ChangeTag::Equal => Words::Same(&new[start..end]),
            ChangeTag::Delete => Words::Removed(&old[start..end]),
            ChangeTag::Insert => Words::Added(&new[start..end]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Words, word_diff};

    #[test]
    fn words_kept_removed_and_added_read_in_order() {
        let old = "The document is under review by the countries.";
        let new = "The document was reviewed by the countries and ECLAC.";
        let runs = word_diff(old, new);
        let rebuilt_new: String = runs
            .iter()
            .filter_map(|r| match r {
                Words::Same(t) | Words::Added(t) => Some(*t),
                Words::Removed(_) => None,
            })
            .collect();
        let rebuilt_old: String = runs
            .iter()
            .filter_map(|r| match r {
                Words::Same(t) | Words::Removed(t) => Some(*t),
                Words::Added(_) => None,
            })
            .collect();
        assert_eq!((rebuilt_old.as_str(), rebuilt_new.as_str()), (old, new));
        assert_eq!(runs[0], Words::Same("The document "));
        let removed: Vec<&str> = runs
            .iter()
            .filter_map(|r| if let Words::Removed(t) = r { Some(*t) } else { None })
            .collect();
        let added: Vec<&str> = runs
            .iter()
            .filter_map(|r| if let Words::Added(t) = r { Some(*t) } else { None })
            .collect();
        assert!(removed.concat().contains("under") && !removed.concat().contains("document"));
        assert!(added.concat().contains("reviewed") && added.concat().contains("ECLAC"));
        assert_eq!(word_diff("same", "same"), [Words::Same("same")]);
        assert_eq!(word_diff("", "new text"), [Words::Added("new text")]);
    }
}
