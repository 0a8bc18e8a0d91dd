//! The fields that are lists of plain items (specific objectives, coordinators, the
//! introduction's sections and their paragraphs), merged item by item: edits to different
//! items are all kept; where the items' merge conflicts, the whole field is the conflict,
//! as one field of the file.

use super::{Conflict, Field, Items, Merger, Place, Value, choose};
use crate::compare::{MatchPlace, match_by};
use crate::model::Section;

impl Merger {
    /// A list field merged item by item, the items paired by `key` as the comparison pairs
    /// texts, then by position; the field is one conflict where that merge has any.
    pub(super) fn items_field<T: Clone + PartialEq>(
        &mut self,
        place: Place,
        field: Field,
        sides: [&Vec<T>; 3],
        value: fn(Vec<T>) -> Value,
        key: impl Fn(&T) -> String,
    ) -> Vec<T> {
        self.whole_or(place, field, sides, value, |m| {
            m.items(sides.map(Vec::as_slice), key, |m, items| match choose(items) {
                Some(item) => item.clone(),
                None => {
                    m.failed();
                    items[1].clone()
                }
            })
        })
    }

    /// The introduction, section by section (paired by heading), each heading as a field and
    /// its paragraphs item by item.
    pub(super) fn introduction(&mut self, sides: [&Vec<Section>; 3]) -> Vec<Section> {
        let key = |s: &Section| s.heading.clone().unwrap_or_default();
        self.whole_or(Place::Report, Field::Introduction, sides, Value::Sections, |m| {
            m.items(sides.map(Vec::as_slice), key, |m, [base, ours, theirs]| {
                let heading = match choose([&base.heading, &ours.heading, &theirs.heading]) {
                    Some(heading) => heading.clone(),
                    None => {
                        m.failed();
                        ours.heading.clone()
                    }
                };
                let paragraphs = [&base.paragraphs, &ours.paragraphs, &theirs.paragraphs];
                let paragraphs = match choose(paragraphs) {
                    Some(paragraphs) => paragraphs.clone(),
                    None => m.items(paragraphs.map(Vec::as_slice), String::clone, |m, p| {
                        choose(p).cloned().unwrap_or_else(|| {
                            m.failed();
                            p[1].clone()
                        })
                    }),
                };
                // Notes follow their paragraphs; both sides changing them differently
                // makes the introduction the conflict.
                let notes = match choose([&base.notes, &ours.notes, &theirs.notes]) {
                    Some(notes) => notes.clone(),
                    None => {
                        m.failed();
                        ours.notes.clone()
                    }
                };
                Section { heading, paragraphs, notes }
            })
        })
    }

    /// The field as `choose` makes it, else as `by_items` merges it in a merger of its own,
    /// else (that merge failed somewhere) a conflict holding ours.
    fn whole_or<T: Clone + PartialEq>(
        &mut self,
        place: Place,
        field: Field,
        sides: [&T; 3],
        value: fn(T) -> Value,
        by_items: impl FnOnce(&mut Merger) -> T,
    ) -> T {
        if let Some(merged) = self.choose(sides) {
            return merged.clone();
        }
        if !self.strict {
            let mut inner = Merger::default();
            let merged = by_items(&mut inner);
            if inner.conflicts.is_empty() {
                return merged;
            }
        }
        self.field(place, field, sides, value)
    }

    /// A list merged item by item with `merge_item`, which calls `failed` where it cannot.
    fn items<T: Clone + PartialEq>(
        &mut self,
        [base, ours, theirs]: [&[T]; 3],
        key: impl Fn(&T) -> String,
        mut merge_item: impl FnMut(&mut Merger, [&T; 3]) -> T,
    ) -> Vec<T> {
        let keys = [base, ours, theirs].map(|side| side.iter().map(&key).collect::<Vec<_>>());
        // An item rewritten where it stood is that item edited, as in the app's lists.
        let pair = |side: &[String]| match_by(&keys[0], side, String::as_str, MatchPlace::Decides);
        let pairs = [pair(&keys[1]), pair(&keys[2])];
        // Only whether the merge failed matters here: the items' own conflicts are not said.
        let items = Items {
            field: Field::Group,
            place: Box::new(|_| Place::Report),
            value: |_| Value::Texts(Vec::new()),
        };
        self.list([base, ours, theirs], pairs, &items, |m, _, sides| merge_item(m, sides))
    }

    /// Marks the merge of a field's items as failed.
    fn failed(&mut self) {
        let none = || Value::Texts(Vec::new());
        let (base, ours, theirs) = (none(), none(), none());
        self.conflicts.push(Conflict {
            place: Place::Report,
            field: Field::Group,
            base,
            ours,
            theirs,
        });
    }
}
