//! The working groups of a report, each held behind an `Arc`: cloning a report shares its
//! groups instead of copying them, so a snapshot of a large report (for the journal written
//! beside the app) costs next to nothing, and a group is copied only when it is changed
//! while a snapshot still holds it. Otherwise it reads and changes like a `Vec<Group>`.

use std::ops::{Index, IndexMut};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Group;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Groups(Vec<Arc<Group>>);

impl Groups {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, index: usize) -> Option<&Group> {
        self.0.get(index).map(Arc::as_ref)
    }

    /// The group at `index`, to change: a copy of it first if a snapshot shares it.
    pub fn get_mut(&mut self, index: usize) -> Option<&mut Group> {
        self.0.get_mut(index).map(Arc::make_mut)
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Group> + ExactSizeIterator {
        self.0.iter().map(Arc::as_ref)
    }

    /// The groups as they are shared, for work spread over threads.
    pub fn shared(&self) -> &[Arc<Group>] {
        &self.0
    }

    pub fn push(&mut self, group: Group) {
        self.0.push(Arc::new(group));
    }

    pub fn insert(&mut self, index: usize, group: Group) {
        self.0.insert(index, Arc::new(group));
    }

    pub fn remove(&mut self, index: usize) -> Group {
        Arc::unwrap_or_clone(self.0.remove(index))
    }

    pub fn pop(&mut self) -> Option<Group> {
        self.0.pop().map(Arc::unwrap_or_clone)
    }

    pub fn swap(&mut self, a: usize, b: usize) {
        self.0.swap(a, b);
    }

    pub fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl Index<usize> for Groups {
    type Output = Group;

    fn index(&self, index: usize) -> &Group {
        &self.0[index]
    }
}

impl IndexMut<usize> for Groups {
    fn index_mut(&mut self, index: usize) -> &mut Group {
        Arc::make_mut(&mut self.0[index])
    }
}

impl<'a> IntoIterator for &'a Groups {
    type Item = &'a Group;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, Arc<Group>>, fn(&Arc<Group>) -> &Group>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(Arc::as_ref)
    }
}

impl FromIterator<Group> for Groups {
    fn from_iter<I: IntoIterator<Item = Group>>(groups: I) -> Groups {
        Groups(groups.into_iter().map(Arc::new).collect())
    }
}

impl FromIterator<Arc<Group>> for Groups {
    fn from_iter<I: IntoIterator<Item = Arc<Group>>>(groups: I) -> Groups {
        Groups(groups.into_iter().collect())
    }
}

impl From<Vec<Group>> for Groups {
    fn from(groups: Vec<Group>) -> Groups {
        groups.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Groups;
    use crate::model::Progress;

    #[test]
    fn a_clone_shares_the_groups_until_one_is_changed() {
        let report = crate::generate::report(3, 2, 1);
        let mut changed = report.clone();
        let shared = |a: &Groups, b: &Groups, i: usize| {
            std::sync::Arc::ptr_eq(&a.shared()[i], &b.shared()[i])
        };
        assert!((0..3).all(|i| shared(&report.groups, &changed.groups, i)));
        changed.groups[1].activities[0].progress = Progress::FULL;
        assert!(shared(&report.groups, &changed.groups, 0));
        assert!(!shared(&report.groups, &changed.groups, 1), "the changed group is copied");
        assert_ne!(report.groups[1], changed.groups[1]);
        assert_eq!(report.groups[0], changed.groups[0]);
    }
}
