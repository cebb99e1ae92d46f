//! [`RefList`]: the references an entity names in one field.

use std::fmt;

use serde::Serialize;

use super::Ref;

/// The references one field of an entity names (`owns`, `decides`,
/// `supports`, …): a list that reads like a `[Ref]` slice and keeps no room
/// to grow.
///
/// A big org has millions of these lists, nearly all of one or two ids
/// and many empty. A `Vec` takes 24 bytes and may hold spare room; a
/// `RefList` takes 16 and holds exactly its references, at the price of a
/// [`push`](RefList::push) that copies the list (fine for the few ids of
/// one field).
///
/// ```
/// use opmodel::model::{Ref, RefList};
///
/// let mut owners: RefList = vec![Ref::new("playback")].into();
/// owners.push("discovery");
/// assert_eq!(owners.len(), 2);
/// assert_eq!(owners[1].id, "discovery");
/// assert!(owners.iter().any(|r| r.id == "playback"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RefList(Box<[Ref]>);

impl RefList {
    /// An empty list (it allocates nothing).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds `r` at the end.
    pub fn push(&mut self, r: impl Into<Ref>) {
        let mut list = std::mem::take(&mut self.0).into_vec();
        list.reserve_exact(1);
        list.push(r.into());
        self.0 = list.into_boxed_slice();
    }

    /// Removes every reference.
    pub fn clear(&mut self) {
        self.0 = Box::default();
    }

    /// Keeps only the references `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Ref) -> bool) {
        let mut list = std::mem::take(&mut self.0).into_vec();
        list.retain(keep);
        self.0 = list.into_boxed_slice();
    }

    /// How many references it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The references as a slice.
    pub fn as_slice(&self) -> &[Ref] {
        &self.0
    }

    /// The references as a `Vec`, to change more than one at a time.
    pub fn into_vec(self) -> Vec<Ref> {
        self.0.into_vec()
    }
}

impl std::ops::Deref for RefList {
    type Target = [Ref];

    fn deref(&self) -> &[Ref] {
        &self.0
    }
}

impl std::ops::DerefMut for RefList {
    fn deref_mut(&mut self) -> &mut [Ref] {
        &mut self.0
    }
}

impl From<Vec<Ref>> for RefList {
    /// Keeps the list's references, letting go of any spare room.
    fn from(list: Vec<Ref>) -> Self {
        Self(list.into_boxed_slice())
    }
}

impl<const N: usize> From<[Ref; N]> for RefList {
    fn from(list: [Ref; N]) -> Self {
        Self(Box::new(list))
    }
}

impl FromIterator<Ref> for RefList {
    fn from_iter<I: IntoIterator<Item = Ref>>(refs: I) -> Self {
        Self(refs.into_iter().collect())
    }
}

impl Extend<Ref> for RefList {
    fn extend<I: IntoIterator<Item = Ref>>(&mut self, refs: I) {
        let mut list = std::mem::take(&mut self.0).into_vec();
        list.extend(refs);
        self.0 = list.into_boxed_slice();
    }
}

impl IntoIterator for RefList {
    type Item = Ref;
    type IntoIter = std::vec::IntoIter<Ref>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a RefList {
    type Item = &'a Ref;
    type IntoIter = std::slice::Iter<'a, Ref>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut RefList {
    type Item = &'a mut Ref;
    type IntoIter = std::slice::IterMut<'a, Ref>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

impl PartialEq<[Ref]> for RefList {
    fn eq(&self, other: &[Ref]) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<Vec<Ref>> for RefList {
    fn eq(&self, other: &Vec<Ref>) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for RefList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.iter()).finish()
    }
}

impl Serialize for RefList {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::RefList;
    use crate::model::Ref;

    #[test]
    fn holds_exactly_its_references_in_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<RefList>(), 16);
        let mut list = RefList::new();
        assert!(list.is_empty());
        for id in ["a", "b", "c"] {
            list.push(id);
        }
        list.extend([Ref::new("d"), Ref::new("e")]);
        list.retain(|r| r.id != "e");
        let ids: Vec<&str> = list.iter().map(Ref::as_str).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert_eq!(
            list,
            vec![Ref::new("a"), Ref::new("b"), Ref::new("c"), Ref::new("d")]
        );
        let from_vec: RefList = Vec::with_capacity(64)
            .into_iter()
            .chain([Ref::new("a")])
            .collect();
        assert_eq!(from_vec.len(), 1);
        assert_eq!(
            serde_json::to_string(&list).expect("writes"),
            r#"["a","b","c","d"]"#
        );
        assert_eq!(
            format!("{:?}", RefList::from([Ref::new("a")])),
            format!("{:?}", [Ref::new("a")])
        );
        list.clear();
        assert!(list.is_empty());
    }
}
