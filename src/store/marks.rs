//! Conflicts marked in the text as git marks them, around exactly the lines of the field
//! (or the item) both sides changed, so the file keeps one field a line:
//!
//! ```text
//! <<<<<<< ours
//!                     progress: 40,
//! ||||||| base
//!                     progress: 8,
//! =======
//!                     progress: 55,
//! >>>>>>> theirs
//! ```
//!
//! An item one side removed has an empty section there; one that ours removed is marked at
//! the end of the list that held it.

use std::collections::HashMap;

use super::ron_text::Writer;
use crate::merge::{Conflict, Field, Place, Value};

pub const OURS: &str = "<<<<<<<";
pub const BASE: &str = "|||||||";
pub const THEIRS: &str = "=======";
pub const END: &str = ">>>>>>>";

/// The conflicts of a merge, found by where they are.
pub struct Marks<'c> {
    at: HashMap<(Place, Field), Vec<&'c Conflict>>,
}

impl<'c> Marks<'c> {
    pub fn new(conflicts: &'c [Conflict]) -> Marks<'c> {
        let mut at: HashMap<_, Vec<_>> = HashMap::new();
        for c in conflicts {
            at.entry((c.place, c.field)).or_default().push(c);
        }
        Marks { at }
    }

    fn get(&self, place: Place, field: Field) -> &[&'c Conflict] {
        self.at.get(&(place, field)).map_or(&[], Vec::as_slice)
    }
}

impl<'m> Writer<'m> {
    fn conflicts(&self, field: Field) -> &'m [&'m Conflict] {
        match self.marks {
            Some(marks) => marks.get(self.place, field),
            None => &[],
        }
    }

    pub(super) fn text_field(&mut self, field: Field, name: &str, text: &str) {
        self.marked_field(field, name, |w| w.string(text));
    }

    /// A field, marked when it is in conflict.
    pub(super) fn marked_field(
        &mut self,
        field: Field,
        name: &str,
        ours: impl FnOnce(&mut Writer),
    ) {
        match self.conflicts(field).first() {
            None => self.field(name, ours),
            Some(c) => self.block(
                |w| w.field(name, ours),
                |w| w.field(name, |w| w.value(&c.base)),
                |w| w.field(name, |w| w.value(&c.theirs)),
            ),
        }
    }

    /// An item of a list (a group, an activity), marked when the other side removed it or
    /// ours kept it changed.
    pub(super) fn marked_item(&mut self, field: Field, ours: impl FnOnce(&mut Writer)) {
        let ours = |w: &mut Writer| {
            w.indent();
            ours(w);
            w.out.push_str(",\n");
        };
        match self.conflicts(field).first() {
            None => ours(self),
            Some(c) => self.block(ours, |w| w.item_value(&c.base), |w| w.item_value(&c.theirs)),
        }
    }

    /// The conflicts over items ours removed from the list being written at this place.
    pub(super) fn removed_by_ours(&self, place: Place, field: Field) -> Vec<&'m Conflict> {
        match self.marks {
            Some(marks) => marks.get(place, field).to_vec(),
            None => Vec::new(),
        }
    }

    /// Items ours removed and theirs changed: marked, ours' section empty.
    pub(super) fn removed_items(&mut self, conflicts: &[&Conflict]) {
        for c in conflicts {
            self.block(|_| {}, |w| w.item_value(&c.base), |w| w.item_value(&c.theirs));
        }
    }

    /// A removed or kept item as a list holds it; nothing for a side that removed it.
    fn item_value(&mut self, value: &Value) {
        if matches!(value, Value::Group(None) | Value::Activity(None)) {
            return;
        }
        self.indent();
        self.value(value);
        self.out.push_str(",\n");
    }

    /// The three versions of some lines between markers.
    fn block(
        &mut self,
        ours: impl FnOnce(&mut Writer),
        base: impl FnOnce(&mut Writer),
        theirs: impl FnOnce(&mut Writer),
    ) {
        self.line(OURS, " ours");
        ours(self);
        self.line(BASE, " base");
        base(self);
        self.line(THEIRS, "");
        theirs(self);
        self.line(END, " theirs");
    }

    fn line(&mut self, marker: &str, label: &str) {
        self.out.push_str(marker);
        self.out.push_str(label);
        self.out.push('\n');
    }
}
