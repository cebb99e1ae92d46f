use super::Id;
use std::fmt;

use serde::Serialize;

use crate::source::{FileId, Location};

/// A reference from one entity to another, by id, remembering where it was
/// written so that a dangling one can be pointed at.
///
/// A big org names millions of references, so a `Ref` keeps its place in
/// 16 bytes instead of a [`Location`]'s 20 (40 bytes in all, not 48): an id
/// is written on one line, so the place is a start and the column where it
/// ends. [`Ref::location`] gives it back as a `Location`.
///
/// ```
/// use opmodel::load::{Format, load_str};
/// use opmodel::model::Ref;
///
/// let loaded = load_str("teams:\n  - id: web\n    parent: playback\n", Format::Yaml, "org.yaml");
/// let parent = loaded.model.teams[0].parent.as_ref().expect("a parent");
/// let at = parent.location().expect("read from a file");
/// assert_eq!((at.line, at.column, at.end_line, at.end_column), (3, 13, 3, 21));
/// assert_eq!(Ref::at("playback", Some(at)), *parent);
/// assert_eq!(Ref::new("playback").location(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    /// The id that was named.
    pub id: Id,
    /// Where the id was written, when it came from a file.
    written: Option<Written>,
}

/// Where a reference's id was written: [`Location`] without its end line,
/// which for an id is its start line. Ordered as the `Location` it stands
/// for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Written {
    file: FileId,
    line: u32,
    column: u32,
    /// The column just after the id, on `line`; `0` when the end is not
    /// known.
    end_column: u32,
}

impl Written {
    /// A span that ends on another line (which a valid id never does) keeps
    /// its start only, as a location whose end is not known.
    fn of(l: Location) -> Self {
        let end_column = if l.end_line == l.line {
            l.end_column
        } else {
            0
        };
        Self {
            file: l.file,
            line: l.line,
            column: l.column,
            end_column,
        }
    }

    fn location(self) -> Location {
        let at = Location::point(self.file, self.line, self.column);
        if self.end_column == 0 {
            at
        } else {
            at.to(self.line, self.end_column)
        }
    }
}

impl Ref {
    /// A reference made in code, with no file position.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            written: None,
        }
    }

    /// A reference to `id` written at `location`. A location that ends on
    /// another line than it starts is kept as its start (an id has no line
    /// break).
    pub fn at(id: impl Into<Id>, location: Option<Location>) -> Self {
        Self {
            id: id.into(),
            written: location.map(Written::of),
        }
    }

    /// Where the id was written, when it came from a file.
    pub fn location(&self) -> Option<Location> {
        self.written.map(Written::location)
    }

    /// Sets where the id was written (see [`Ref::at`]).
    pub fn set_location(&mut self, location: Option<Location>) {
        self.written = location.map(Written::of);
    }

    /// Moves the place to the file `offset` places further on in a merged
    /// model's file table.
    pub(crate) fn shift_file(&mut self, offset: u32) {
        if let Some(w) = &mut self.written {
            w.file = w.file.shifted(offset);
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
    fn a_place_on_one_line_comes_back_as_written_and_one_on_several_as_its_start() {
        use super::Ref;
        use crate::source::{FileId, Location};
        let file = FileId::at(3);
        let point = Location::point(file, 7, 9);
        let span = point.to(7, 20);
        for at in [point, span, Location::point(file, 0, 0)] {
            assert_eq!(Ref::at("a", Some(at)).location(), Some(at));
        }
        assert_eq!(Ref::at("a", Some(point.to(8, 2))).location(), Some(point));
        let mut r = Ref::new("a");
        assert_eq!(r.location(), None);
        r.set_location(Some(span));
        assert_eq!(r.location(), Some(span));
        // Ordered as the places they stand for.
        let later = Ref::at("a", Some(Location::point(file, 7, 10)));
        assert!(Ref::at("a", Some(span)) < later);
    }

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
