use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An id as written in the org files: `team-payments`, `prod-checkout-web`,
/// `budget@prod-checkout-web`.
///
/// It reads like a `&str` (it derefs to one, compares with `str`, `&str`
/// and `String`, and hashes like a `str`, so a `HashMap<Id, _>` can be
/// looked up with a `&str`). Ids of up to 24 bytes, nearly all of them,
/// are stored inside the value itself: a model of a million entities names
/// several million ids, and giving each its own heap allocation costs
/// more memory than the ids themselves and much of the loading time.
///
/// ```
/// use opmodel::model::Id;
///
/// let id = Id::from("team-payments");
/// assert_eq!(id, "team-payments");
/// assert!(id.starts_with("team-"));
/// assert_eq!(id.to_string(), "team-payments");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Id(CompactString);

impl Id {
    /// The id from a string slice; does not allocate when it is 24 bytes or
    /// shorter.
    pub fn new(id: &str) -> Self {
        Self(CompactString::new(id))
    }

    /// The id `args` write; short ones are written in place, without a
    /// temporary `String`.
    pub(crate) fn format(args: fmt::Arguments<'_>) -> Self {
        Self(compact_str::format_compact!("{args}"))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Whether the id is stored on the heap (longer than 24 bytes).
    pub fn is_heap_allocated(&self) -> bool {
        self.0.is_heap_allocated()
    }
}

impl Deref for Id {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

// By hand, so that the hash is a `str`'s, as `Borrow<str>` requires.
impl Hash for Id {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for Id {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Cow<'_, str>> for Id {
    fn eq(&self, other: &Cow<'_, str>) -> bool {
        self.as_str() == other.as_ref()
    }
}

impl PartialEq<Id> for str {
    fn eq(&self, other: &Id) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Id> for &str {
    fn eq(&self, other: &Id) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Id> for String {
    fn eq(&self, other: &Id) -> bool {
        self.as_str() == other.as_str()
    }
}

impl From<&str> for Id {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

impl From<&String> for Id {
    fn from(id: &String) -> Self {
        Self::new(id)
    }
}

impl From<String> for Id {
    /// Keeps the string's buffer when the id is too long to be stored
    /// inline.
    fn from(id: String) -> Self {
        Self(CompactString::from(id))
    }
}

impl From<Cow<'_, str>> for Id {
    fn from(id: Cow<'_, str>) -> Self {
        match id {
            Cow::Borrowed(id) => Self::new(id),
            Cow::Owned(id) => Self::from(id),
        }
    }
}

impl From<&Id> for Id {
    fn from(id: &Id) -> Self {
        id.clone()
    }
}

impl From<Id> for String {
    fn from(id: Id) -> Self {
        id.0.into_string()
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CompactString::deserialize(d).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::Id;

    #[test]
    fn short_ids_are_stored_inline_and_long_ones_on_the_heap() {
        assert!(!Id::from("prod-moderation-ios-8094").is_heap_allocated());
        assert!(Id::from("prod-moderation-ios-80945").is_heap_allocated());
        let long = "budget@prod-moderation-ios-8094".to_string();
        let id = Id::from(long.clone());
        assert_eq!(id, long);
    }

    #[test]
    fn looks_up_by_str_and_orders_like_str() {
        let mut ids = vec![
            Id::from("b"),
            Id::from("a-long-id-that-is-on-the-heap"),
            Id::from("a"),
        ];
        ids.sort();
        assert_eq!(ids, ["a", "a-long-id-that-is-on-the-heap", "b"]);
        let map: HashMap<Id, u32> = ids.iter().cloned().zip(0..).collect();
        assert_eq!(map.get("b"), Some(&2));
    }

    #[test]
    fn reads_and_writes_as_a_string() {
        let id: Id = serde_json::from_str("\"team-payments\"").expect("a string");
        assert_eq!(id, "team-payments");
        assert_eq!(
            serde_json::to_string(&id).expect("writes"),
            "\"team-payments\""
        );
        assert!(serde_json::from_str::<Id>("3").is_err());
    }
}
