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
        self.change(|list| {
            list.reserve_exact(1);
            list.push(r.into());
        });
    }

    /// Puts `r` at `index`, moving the references after it along.
    ///
    /// # Panics
    ///
    /// When `index` is past the end, as [`Vec::insert`] does.
    pub fn insert(&mut self, index: usize, r: impl Into<Ref>) {
        // Checked before the list is taken apart, so that a panic leaves it.
        let len = self.0.len();
        assert!(
            index <= len,
            "insertion index (is {index}) should be <= len (is {len})"
        );
        self.change(|list| list.insert(index, r.into()));
    }

    /// Takes out the reference at `index`, moving the ones after it back.
    ///
    /// # Panics
    ///
    /// When `index` is past the end, as [`Vec::remove`] does.
    pub fn remove(&mut self, index: usize) -> Ref {
        let len = self.0.len();
        assert!(
            index < len,
            "removal index (is {index}) should be < len (is {len})"
        );
        self.change(|list| list.remove(index))
    }

    /// Keeps the first `len` references.
    pub fn truncate(&mut self, len: usize) {
        if len < self.0.len() {
            self.change(|list| list.truncate(len));
        }
    }

    /// Removes every reference.
    pub fn clear(&mut self) {
        self.0 = Box::default();
    }

    /// Keeps only the references `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Ref) -> bool) {
        self.change(|list| list.retain(keep));
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

    /// Changes the list as a `Vec`, then lets go of any spare room.
    fn change<R>(&mut self, edit: impl FnOnce(&mut Vec<Ref>) -> R) -> R {
        let mut list = std::mem::take(&mut self.0).into_vec();
        let out = edit(&mut list);
        self.0 = list.into_boxed_slice();
        out
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
        self.change(|list| list.extend(refs));
    }
}

impl From<RefList> for Vec<Ref> {
    fn from(list: RefList) -> Self {
        list.into_vec()
    }
}

impl AsRef<[Ref]> for RefList {
    fn as_ref(&self) -> &[Ref] {
        &self.0
    }
}

// `Hash`, `Eq` and `Ord` are the slice's, as `Borrow` requires.
impl std::borrow::Borrow<[Ref]> for RefList {
    fn borrow(&self) -> &[Ref] {
        &self.0
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

impl<const N: usize> PartialEq<[Ref; N]> for RefList {
    fn eq(&self, other: &[Ref; N]) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<RefList> for Vec<Ref> {
    fn eq(&self, other: &RefList) -> bool {
        **self == *other.0
    }
}

impl PartialEq<RefList> for [Ref] {
    fn eq(&self, other: &RefList) -> bool {
        *self == *other.0
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
        for id in ["a", "c", "d"] {
            list.push(id);
        }
        list.insert(1, "b");
        list.extend([Ref::new("e"), Ref::new("x")]);
        list.retain(|r| r.id != "x");
        let ids: Vec<&str> = list.iter().map(Ref::as_str).collect();
        assert_eq!(ids, ["a", "b", "c", "d", "e"]);
        assert_eq!(list.remove(4), Ref::new("e"));
        list.truncate(9);
        assert_eq!(list.len(), 4);
        list.truncate(2);
        let expected = [Ref::new("a"), Ref::new("b")];
        assert_eq!(list, expected);
        assert_eq!(list, expected.to_vec());
        assert_eq!(expected.to_vec(), list);
        assert_eq!(expected[..], list);
        assert_eq!(
            serde_json::to_string(&list).expect("writes"),
            r#"["a","b"]"#
        );
        assert_eq!(format!("{list:?}"), format!("{expected:?}"));
        let back: Vec<Ref> = list.clone().into();
        assert_eq!(back, expected);
        list.clear();
        assert!(list.is_empty());
    }

    #[test]
    fn a_vec_with_spare_room_becomes_a_list_of_its_references() {
        let mut roomy: Vec<Ref> = Vec::with_capacity(64);
        roomy.push(Ref::new("a"));
        let list = RefList::from(roomy);
        assert_eq!(list.len(), 1);
        assert_eq!(list.into_vec().capacity(), 1);
    }

    #[test]
    fn a_bad_index_panics_and_leaves_the_list_as_it_was() {
        let mut list = RefList::from([Ref::new("a")]);
        let insert = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| list.insert(2, "b")));
        assert!(insert.is_err());
        let remove = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| list.remove(1)));
        assert!(remove.is_err());
        assert_eq!(list, [Ref::new("a")]);
    }

    #[test]
    fn looks_up_by_slice_in_a_set_of_lists() {
        let lists: std::collections::HashSet<RefList> =
            [RefList::from([Ref::new("a")]), RefList::new()]
                .into_iter()
                .collect();
        assert!(lists.contains(&[Ref::new("a")][..]));
        assert!(!lists.contains(&[Ref::new("b")][..]));
    }
}
