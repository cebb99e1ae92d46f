//! What [`Id`](super::Id) and [`Text`](super::Text) share: a string that
//! keeps up to 24 bytes inside the value and reads like a `str`.
//!
//! A model of a million entities holds several million short strings (ids,
//! names, metrics, periods). Giving each its own heap allocation costs more
//! memory than the strings themselves and much of the loading time.

/// `as_str`, `is_heap_allocated` and the trait impls of a newtype over
/// `CompactString` that reads like a `str`: it derefs to one, compares with `str`, `&str`, `String` and
/// `Cow<str>` (both ways), orders like a `str` and hashes like one, so that
/// a `HashMap<$name, _>` can be looked up with a `&str`.
macro_rules! inline_str_impls {
    ($name:ident) => {
        impl $name {
            /// The string slice it holds.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// Whether it is stored on the heap (longer than 24 bytes).
            pub fn is_heap_allocated(&self) -> bool {
                self.0.is_heap_allocated()
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;

            fn deref(&self) -> &str {
                self.0.as_str()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.0.as_str()
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                self.0.as_str()
            }
        }

        // By hand, so that the hash is a `str`'s, as `Borrow<str>` requires.
        impl std::hash::Hash for $name {
            fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
                self.0.as_str().hash(state);
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.as_str().cmp(other.0.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0.as_str() == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.0.as_str() == other.as_str()
            }
        }

        impl PartialEq<std::borrow::Cow<'_, str>> for $name {
            fn eq(&self, other: &std::borrow::Cow<'_, str>) -> bool {
                self.0.as_str() == other.as_ref()
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0.as_str()
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0.as_str()
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                self.as_str() == other.0.as_str()
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(compact_str::CompactString::new(s))
            }
        }

        impl From<&String> for $name {
            fn from(s: &String) -> Self {
                Self(compact_str::CompactString::new(s))
            }
        }

        impl From<String> for $name {
            /// Keeps the string's buffer when it is too long to be stored
            /// inline.
            fn from(s: String) -> Self {
                Self(compact_str::CompactString::from(s))
            }
        }

        impl From<std::borrow::Cow<'_, str>> for $name {
            fn from(s: std::borrow::Cow<'_, str>) -> Self {
                match s {
                    std::borrow::Cow::Borrowed(s) => Self::from(s),
                    std::borrow::Cow::Owned(s) => Self::from(s),
                }
            }
        }

        impl From<&$name> for $name {
            fn from(s: &$name) -> Self {
                s.clone()
            }
        }

        impl From<$name> for String {
            fn from(s: $name) -> Self {
                s.0.into_string()
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                std::fmt::Debug::fmt(self.0.as_str(), f)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.0.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <compact_str::CompactString as serde::Deserialize>::deserialize(d).map(Self)
            }
        }
    };
}

pub(super) use inline_str_impls;
