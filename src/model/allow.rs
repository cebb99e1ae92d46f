//! [`AllowList`]: the checks an entity switches off for itself.

use serde::Serialize;

/// The checks an entity switches off for itself (its `allow:` list).
///
/// It reads like a slice of check names (it derefs to `[String]`), and
/// takes the room of one pointer when empty, as it nearly always is: every
/// entity of a model has one, and a big org has a million entities.
///
/// ```
/// use opmodel::model::{AllowList, Team};
///
/// let team = Team::new("payments").allow("idle-team");
/// assert_eq!(team.allow.len(), 1);
/// assert!(team.allow.iter().any(|c| c == "idle-team"));
/// assert!(AllowList::default().is_empty());
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

    /// The names as a slice.
    pub fn as_slice(&self) -> &[String] {
        self.0.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Whether no check is switched off (for serde's `skip_serializing_if`).
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

impl From<Vec<String>> for AllowList {
    fn from(names: Vec<String>) -> Self {
        Self((!names.is_empty()).then(|| Box::new(names)))
    }
}

impl FromIterator<String> for AllowList {
    fn from_iter<I: IntoIterator<Item = String>>(names: I) -> Self {
        Self::from(names.into_iter().collect::<Vec<_>>())
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
        assert_eq!(list, AllowList::from(Vec::new()));
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
    }
}
