//! [`AllowList`]: the checks an entity switches off for itself.

use serde::Serialize;

/// The checks an entity switches off for itself (its `allow:` list).
///
/// It reads like a slice of check names (it derefs to `[String]`), grows
/// with `push` and `extend`, shrinks with `retain` and `clear`, and takes
/// the room of one pointer when empty, as it nearly always is: every
/// entity of a model has one, and a big org has a million entities.
///
/// ```
/// use opmodel::model::{AllowList, Team};
///
/// let team = Team::new("payments").allow("idle-team");
/// assert_eq!(team.allow.len(), 1);
/// assert!(team.allow.iter().any(|c| c == "idle-team"));
/// assert!(AllowList::default().is_empty());
///
/// let mut allow = AllowList::from(vec!["idle-team", "team-size"]);
/// allow.retain(|c| c != "team-size");
/// assert_eq!(allow, ["idle-team"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[expect(
    clippy::box_collection,
    reason = "one pointer, not a vector's three words, in every entity: the rare list pays the extra allocation"
)]
pub struct AllowList(Option<Box<Vec<String>>>);

impl AllowList {
    /// An empty list.
    pub fn new() -> Self {
        Self(None)
    }

    /// Adds a check name.
    pub fn push(&mut self, check: impl Into<String>) {
        self.0.get_or_insert_with(Box::default).push(check.into());
    }

    /// Keeps the names `keep` says yes to, in order.
    pub fn retain(&mut self, keep: impl FnMut(&String) -> bool) {
        if let Some(names) = &mut self.0 {
            names.retain(keep);
            if names.is_empty() {
                self.0 = None;
            }
        }
    }

    /// Removes every name (and gives back the room they took).
    pub fn clear(&mut self) {
        self.0 = None;
    }

    /// The names as a slice.
    pub fn as_slice(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// The names as a mutable slice, to rewrite them in place.
    pub fn as_mut_slice(&mut self) -> &mut [String] {
        self.0.as_deref_mut().map_or(&mut [], Vec::as_mut_slice)
    }

    /// Whether no check is switched off.
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl std::ops::Deref for AllowList {
    type Target = [String];

    fn deref(&self) -> &[String] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for AllowList {
    fn deref_mut(&mut self) -> &mut [String] {
        self.as_mut_slice()
    }
}

impl<S: Into<String>> From<Vec<S>> for AllowList {
    fn from(names: Vec<S>) -> Self {
        // Collecting `String`s into a `Vec<String>` reuses their vector.
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        Self((!names.is_empty()).then(|| Box::new(names)))
    }
}

impl<S: Into<String>> FromIterator<S> for AllowList {
    fn from_iter<I: IntoIterator<Item = S>>(names: I) -> Self {
        Self::from(names.into_iter().map(Into::into).collect::<Vec<String>>())
    }
}

impl<S: Into<String>> Extend<S> for AllowList {
    fn extend<I: IntoIterator<Item = S>>(&mut self, names: I) {
        names.into_iter().for_each(|name| self.push(name));
    }
}

impl IntoIterator for AllowList {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.map(|names| *names).unwrap_or_default().into_iter()
    }
}

impl<'a> IntoIterator for &'a AllowList {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for AllowList {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for AllowList {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for AllowList {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl Serialize for AllowList {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::AllowList;

    #[test]
    fn is_one_pointer_and_reads_like_a_slice() {
        assert_eq!(std::mem::size_of::<AllowList>(), 8);
        let mut list = AllowList::new();
        assert!(list.is_empty());
        assert_eq!(list, AllowList::from(Vec::<String>::new()));
        list.push("idle-team");
        list.push(String::from("team-size"));
        assert_eq!(list, ["idle-team", "team-size"]);
        assert_eq!(list.join(","), "idle-team,team-size");
        let names: Vec<&String> = (&list).into_iter().collect();
        assert_eq!(names.len(), 2);
        assert_eq!(
            serde_json::to_string(&list).expect("writes"),
            r#"["idle-team","team-size"]"#
        );
        let collected: AllowList = ["a".to_owned()].into_iter().collect();
        assert_eq!(collected, vec!["a"]);
        let from_strs: AllowList = ["a"].into_iter().collect();
        assert_eq!(from_strs, collected);
    }

    #[test]
    fn an_emptied_list_is_the_empty_list() {
        let mut list = AllowList::from(vec!["idle-team", "team-size"]);
        list.extend(["orphaned-product"]);
        list[0] = "unowned-outcome".to_owned();
        assert_eq!(list, ["unowned-outcome", "team-size", "orphaned-product"]);
        list.retain(|c| c.ends_with("-size"));
        assert_eq!(list, ["team-size"]);
        list.retain(|_| false);
        // Equal, hashed and ordered like a list that never had a name.
        assert_eq!(list, AllowList::new());
        assert_eq!(list.cmp(&AllowList::new()), std::cmp::Ordering::Equal);
        list.push("idle-team");
        list.clear();
        assert_eq!(list, AllowList::new());
        let names: Vec<String> = AllowList::from(vec!["a", "b"]).into_iter().collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(AllowList::new().into_iter().count(), 0);
    }
}
