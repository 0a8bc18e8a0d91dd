//! How the comparison pairs a group's activities across two rounds, on generated edits of the
//! shipped groups: an activity reworded (words added before or after, a typo fixed) and
//! moved stays the same activity; one with a description of its own is new.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use proptest::prelude::*;
use proptest::sample::select;
use wgtrack::compare::{ActivityChange, compare};
use wgtrack::model::{Activity, Progress, Report};

use common::cases::config;
use common::shipped;

/// Words put after a description.
const AFTER: &[&str] = &["jointly", "online", "(revised)", "in 2022", "with the countries"];
/// Words put before one.
const BEFORE: &[&str] = &["Final", "Joint", "Revised:", "Second", "Regional"];

/// What becomes of one activity of the baseline in the current round.
#[derive(Debug, Clone)]
enum Edit {
    Kept,
    /// Words added after the description.
    Appended(&'static str),
    /// Words added before it.
    Prepended(&'static str),
    /// The baseline's description had a typo at (about) this letter, fixed now.
    TypoFixed(usize, Typo),
    /// Gone, and an activity with this description stands in its place.
    Replaced(String),
}

#[derive(Debug, Clone, Copy)]
enum Typo {
    Dropped,
    Doubled,
    Swapped,
}

fn rewording() -> impl Strategy<Value = Edit> {
    prop_oneof![
        2 => Just(Edit::Kept),
        1 => select(AFTER).prop_map(Edit::Appended),
        1 => select(BEFORE).prop_map(Edit::Prepended),
        1 => (any::<usize>(), select(&[Typo::Dropped, Typo::Doubled, Typo::Swapped][..]))
            .prop_map(|(at, typo)| Edit::TypoFixed(at, typo)),
    ]
}

/// A description that shares no word, and hardly a letter, with any shipped one.
fn unrelated() -> impl Strategy<Value = String> {
    proptest::collection::vec("[qxzjkvwy]{3,8}", 1..6).prop_map(|words| {
        let text = words.join(" ");
        let mut chars = text.chars();
        chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect()
    })
}

/// `text` with a typo at about its `at`-th letter (the nearest ASCII letter that has one
/// after it in the same word, so a swap changes something).
fn with_typo(text: &str, at: usize, typo: Typo) -> String {
    let chars: Vec<char> = text.chars().collect();
    let letters: Vec<usize> = (0..chars.len().saturating_sub(1))
        .filter(|&i| chars[i].is_ascii_alphabetic() && chars[i + 1].is_ascii_alphabetic())
        .filter(|&i| chars[i] != chars[i + 1])
        .collect();
    let Some(&i) = letters.get(at % letters.len().max(1)) else {
        return format!("{text}x");
    };
    let mut out = chars.clone();
    match typo {
        Typo::Dropped => {
            out.remove(i);
        }
        Typo::Doubled => out.insert(i, chars[i]),
        Typo::Swapped => out.swap(i, i + 1),
    }
    out.into_iter().collect()
}

/// The shipped report with group `g`'s activities as the baseline has them (typos in), and
/// the report with them as `edits` leave them, with `added` activities put in and the whole
/// table put in the order of `order` (a key for each). For each current activity: the index
/// of the baseline activity it comes from, if any.
fn rounds(
    g: usize,
    edits: &[Edit],
    added: &[String],
    order: &[u32],
) -> (Report, Report, Vec<Option<usize>>) {
    let mut baseline = shipped();
    let mut current = baseline.clone();
    let activities = baseline.groups[g].activities.clone();
    let mut rows: Vec<(Option<usize>, Activity)> = Vec::new();
    for (a, (activity, edit)) in activities.iter().zip(edits).enumerate() {
        let mut now = activity.clone();
        let from = match edit {
            Edit::Kept => Some(a),
            Edit::Appended(words) => {
                now.description = format!("{} {words}", activity.description);
                Some(a)
            }
            Edit::Prepended(words) => {
                now.description = format!("{words} {}", activity.description);
                Some(a)
            }
            Edit::TypoFixed(at, typo) => {
                let then = with_typo(&activity.description, *at, *typo);
                baseline.groups[g].activities[a].description = then;
                Some(a)
            }
            Edit::Replaced(description) => {
                now.description = description.clone();
                None
            }
        };
        now.progress = Progress::new((a as i64 * 7) % 101).unwrap();
        rows.push((from, now));
    }
    for description in added {
        rows.push((
            None,
            Activity {
                topic: None,
                description: description.clone(),
                progress: Progress::ZERO,
                remarks: String::new(),
            },
        ));
    }
    let mut keyed: Vec<(u32, usize, (Option<usize>, Activity))> =
        rows.into_iter().enumerate().map(|(i, row)| (order[i], i, row)).collect();
    keyed.sort_by_key(|(key, i, _)| (*key, *i));
    let (from, table): (Vec<_>, Vec<_>) = keyed.into_iter().map(|(_, _, row)| row).unzip();
    current.groups[g].activities = table;
    (baseline, current, from)
}

/// Checks that every current activity of group `g` is paired with the baseline activity it
/// comes from, or is new, and that every baseline activity with no successor is removed.
fn check_pairs(g: usize, baseline: &Report, current: &Report, from: &[Option<usize>]) {
    let comparison = compare(baseline, current);
    let group = comparison.group(g).expect("the group is compared");
    for (n, origin) in from.iter().enumerate() {
        let change = group.activity(n).expect("every current activity has a change");
        let paired = match change {
            ActivityChange::Matched { old, .. } => Some(*old),
            _ => None,
        };
        let then = origin.map(|o| &baseline.groups[g].activities[o].description);
        assert_eq!(
            paired, *origin,
            "{:?} (from {then:?}): {change:?}\n{:#?}",
            current.groups[g].activities[n].description, group.activities
        );
    }
    let removed: Vec<usize> = group
        .activities
        .iter()
        .filter_map(|c| match c {
            ActivityChange::Removed { old, .. } => Some(*old),
            _ => None,
        })
        .collect();
    let gone: Vec<usize> =
        (0..baseline.groups[g].activities.len()).filter(|o| !from.contains(&Some(*o))).collect();
    assert_eq!(removed, gone);
}

/// A group of the shipped report, with a value for each of its activities and a key to
/// order them (with room for some more).
fn group_with<T: std::fmt::Debug + 'static>(
    each: BoxedStrategy<T>,
) -> impl Strategy<Value = (usize, Vec<T>, Vec<u32>)> {
    let sizes: Vec<usize> = shipped().groups.iter().map(|g| g.activities.len()).collect();
    (0..sizes.len()).prop_flat_map(move |g| {
        (
            Just(g),
            proptest::collection::vec(each.clone(), sizes[g]),
            proptest::collection::vec(any::<u32>(), sizes[g] + 3),
        )
    })
}

proptest! {
    #![proptest_config(config(256))]

    /// Reworded where it stands, every activity is the one it was.
    #[test]
    fn reworded_activities_keep_their_match(
        (g, edits, _) in group_with(rewording().boxed())
    ) {
        let order: Vec<u32> = (0..edits.len() as u32).collect();
        let (baseline, current, from) = rounds(g, &edits, &[], &order);
        check_pairs(g, &baseline, &current, &from);
    }

    /// Reworded and put in any order, every activity is still the one it was.
    #[test]
    fn reworded_and_reordered_activities_keep_their_match(
        (g, edits, order) in group_with(rewording().boxed())
    ) {
        let (baseline, current, from) = rounds(g, &edits, &[], &order);
        check_pairs(g, &baseline, &current, &from);
    }

    /// Activities with descriptions of their own are new, put in anywhere or in the place of
    /// one that is gone, among activities reworded and reordered or not.
    #[test]
    fn genuinely_new_activities_stay_new(
        (g, edits, order) in group_with(prop_oneof![
            3 => rewording(),
            1 => unrelated().prop_map(Edit::Replaced),
        ].boxed()),
        added in proptest::collection::vec(unrelated(), 0..3),
        reorder in any::<bool>(),
    ) {
        let order = if reorder { order } else { (0..order.len() as u32).collect() };
        let (baseline, current, from) = rounds(g, &edits, &added, &order);
        check_pairs(g, &baseline, &current, &from);
    }
}
