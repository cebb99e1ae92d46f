use super::Id;
use std::fmt;

use serde::Serialize;

use crate::source::Location;

/// A reference from one entity to another, by id, remembering where it was
/// written so that a dangling one can be pointed at.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    /// The id that was named.
    pub id: Id,
    /// Where the id was written, when it came from a file.
    pub location: Option<Location>,
}

impl Ref {
    /// A reference made in code, with no file position.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            location: None,
        }
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.id
    }
}

impl From<&str> for Ref {
    fn from(id: &str) -> Self {
        Self::new(id)
    }
}

impl From<String> for Ref {
    fn from(id: String) -> Self {
        Self::new(id)
    }
}

impl From<&String> for Ref {
    fn from(id: &String) -> Self {
        Self::new(id)
    }
}

impl From<Id> for Ref {
    fn from(id: Id) -> Self {
        Self::new(id)
    }
}

impl From<&Id> for Ref {
    fn from(id: &Id) -> Self {
        Self::new(id.clone())
    }
}

impl fmt::Display for Ref {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)
    }
}

impl Serialize for Ref {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id.as_str())
    }
}

/// The id reserved for the organisation itself: a valid decision scope,
/// team parent and escalation target.
pub const ORGANIZATION: &str = "organization";

/// Whether `id` follows the spec's id rule: 1 to 128 characters of
/// `a-z 0-9 - _ .`, starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    (1..=128).contains(&bytes.len())
        && bytes[0].is_ascii_lowercase() | bytes[0].is_ascii_digit()
        && bytes.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;

    #[test]
    fn id_rule() {
        assert!(is_valid_id("web-player"));
        assert!(is_valid_id("2026.q3_okr"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-lead"));
        assert!(!is_valid_id("Web-Player"));
        assert!(!is_valid_id("web player"));
        assert!(is_valid_id(&"a".repeat(128)));
        assert!(!is_valid_id(&"a".repeat(129)));
    }
}
