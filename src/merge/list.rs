//! Merging a list of items paired with the base's: ours' order leads, theirs' additions go
//! after the item they follow, removals stand unless the other side changed the item.

use super::{Conflict, Items, Merger};

/// A list being merged: what becomes of one of its items.
enum Entry {
    /// In the base and on both sides.
    Both { base: usize, ours: usize, theirs: usize },
    /// Only in ours: added there, or removed by theirs after ours changed it.
    Ours { ours: usize, removed_by_theirs: Option<usize> },
    /// Added by theirs.
    Theirs(usize),
}

impl Merger {
    /// Merges a list whose items are paired with the base's (`pairs`: base with ours, base
    /// with theirs), each pair of the three merged by `merge_item` at its merged position.
    /// Ours' order leads; theirs' additions go after the item they follow there. An item
    /// removed on one side stays removed if the other left it alone, and is a conflict if it
    /// changed it (the merged list then holds ours: removed, or kept as changed).
    pub(super) fn list<T: Clone + PartialEq>(
        &mut self,
        [base, ours, theirs]: [&[T]; 3],
        [with_ours, with_theirs]: [Vec<(Option<usize>, Option<usize>)>; 2],
        items: &Items<T>,
        mut merge_item: impl FnMut(&mut Self, usize, [&T; 3]) -> T,
    ) -> Vec<T> {
        let (to_ours, from_base_ours) = sides_of(with_ours, base.len(), ours.len());
        let (to_theirs, from_base_theirs) = sides_of(with_theirs, base.len(), theirs.len());
        // Ours' items in order, each base item's entry noted.
        let mut entries = Vec::new();
        let mut entry_of = vec![None; base.len()];
        for (o, item) in ours.iter().enumerate() {
            let entry = match from_base_ours[o] {
                None => Entry::Ours { ours: o, removed_by_theirs: None },
                Some(b) => match to_theirs[b] {
                    Some(t) => Entry::Both { base: b, ours: o, theirs: t },
                    // Theirs removed what ours left alone.
                    None if *item == base[b] && !self.strict => continue,
                    None => Entry::Ours { ours: o, removed_by_theirs: Some(b) },
                },
            };
            if let Some(b) = from_base_ours[o] {
                entry_of[b] = Some(entries.len());
            }
            entries.push(entry);
        }
        // Theirs' additions, each after the entry of the item before it in theirs.
        let added_by_ours: Vec<&T> =
            (0..ours.len()).filter(|&o| from_base_ours[o].is_none()).map(|o| &ours[o]).collect();
        let mut additions = Vec::new();
        let mut after = 0;
        for (t, item) in theirs.iter().enumerate() {
            match from_base_theirs[t] {
                Some(b) => {
                    after = entry_of[b].map_or(after, |e| e + 1);
                    // Ours' own additions after the same item go first: ours leads.
                    while let Some(Entry::Ours { removed_by_theirs: None, .. }) = entries.get(after)
                    {
                        after += 1;
                    }
                }
                // Added alike on both sides: taken once.
                None if added_by_ours.contains(&item) => {}
                // Two-way, an item only theirs holds is a conflict, and ours (without it) holds.
                None if self.strict => {
                    self.whole(items, None, [&theirs[0..0], &ours[0..0], &theirs[t..=t]]);
                }
                None => additions.push((after, t)),
            }
        }
        additions.sort_by_key(|&(after, _)| after);
        let mut additions = additions.into_iter().peekable();
        let mut order = Vec::with_capacity(entries.len() + additions.len());
        for (e, entry) in entries.into_iter().enumerate() {
            while let Some((_, t)) = additions.next_if(|&(after, _)| after <= e) {
                order.push(Entry::Theirs(t));
            }
            order.push(entry);
        }
        order.extend(additions.map(|(_, t)| Entry::Theirs(t)));
        // Removed by ours, changed by theirs: ours holds; the conflict is on the list.
        for (b, item) in base.iter().enumerate() {
            if to_ours[b].is_none()
                && let Some(t) = to_theirs[b]
                && theirs[t] != *item
            {
                self.whole(items, None, [&base[b..=b], &ours[0..0], &theirs[t..=t]]);
            }
        }
        let mut merged = Vec::with_capacity(order.len());
        for (at, entry) in order.into_iter().enumerate() {
            merged.push(match entry {
                Entry::Both { base: b, ours: o, theirs: t } => {
                    merge_item(self, at, [&base[b], &ours[o], &theirs[t]])
                }
                Entry::Ours { ours: o, removed_by_theirs } => {
                    if let Some(b) = removed_by_theirs {
                        self.whole(items, Some(at), [&base[b..=b], &ours[o..=o], &theirs[0..0]]);
                    }
                    ours[o].clone()
                }
                Entry::Theirs(t) => theirs[t].clone(),
            });
        }
        merged
    }

    /// A conflict over a whole item that one side removed (its slice is empty).
    pub(super) fn whole<T: Clone>(
        &mut self,
        items: &Items<T>,
        at: Option<usize>,
        [base, ours, theirs]: [&[T]; 3],
    ) {
        let value = |side: &[T]| (items.value)(side.first().cloned());
        self.conflicts.push(Conflict {
            place: (items.place)(at),
            field: items.field,
            base: value(base),
            ours: value(ours),
            theirs: value(theirs),
        });
    }
}

/// From pairs of (index in the base, index in a side): each base item's index in the side,
/// and each side item's index in the base.
fn sides_of(
    pairs: Vec<(Option<usize>, Option<usize>)>,
    base_len: usize,
    side_len: usize,
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let mut to_side = vec![None; base_len];
    let mut from_base = vec![None; side_len];
    for pair in pairs {
        if let (Some(b), Some(s)) = pair {
            to_side[b] = Some(s);
            from_base[s] = Some(b);
        }
    }
    (to_side, from_base)
}
