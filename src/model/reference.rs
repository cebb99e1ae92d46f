use super::Id;
use std::fmt;

use serde::Serialize;

use crate::source::{FileId, Location};

/// A reference from one entity to another, by id, remembering where it was
/// written so that a dangling one can be pointed at.
///
/// A big org names millions of references, so a `Ref` keeps its place in
/// 16 bytes instead of a [`Location`]'s 20 (40 bytes in all, not 48): the
/// end is kept as a column, with the lines it lies below the start when
/// the value runs over a few (a YAML block scalar). [`Ref::location`] gives
/// it back as a `Location`.
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
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ref {
    /// The id that was named.
    pub id: Id,
    /// Where the id was written, when it came from a file.
    written: Option<Written>,
}

/// Where a reference's id was written: a [`Location`] in 16 bytes. Ordered
/// as the `Location` it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Written {
    file: FileId,
    line: u32,
    column: u32,
    /// The end (see [`Written::of`]); `0` when it is not known.
    end: u32,
}

impl Written {
    /// Set in `end` when the span ends on a later line.
    const LATER_LINE: u32 = 1 << 31;
    /// The most lines below its start a span can end and keep its end.
    const MAX_LINES_BELOW: u32 = 0x7F;
    /// The columns a span that ends on a later line can end at.
    const COLUMN_BITS: u32 = 24;

    /// The span of `l`. An end on the start's line is its column (below
    /// 2^31); one a few lines further down is the flag, the lines below
    /// (up to 127) and the column (below 2^24). A span past those, or
    /// with no known end, keeps its start only, as a location whose end is
    /// not known.
    fn of(l: Location) -> Self {
        let below = l.end_line.wrapping_sub(l.line);
        let end = if l.end_line == 0 || l.end_column == 0 {
            0
        } else if below == 0 && l.end_column < Self::LATER_LINE {
            l.end_column
        } else if (1..=Self::MAX_LINES_BELOW).contains(&below)
            && l.end_column < 1 << Self::COLUMN_BITS
        {
            Self::LATER_LINE | (below << Self::COLUMN_BITS) | l.end_column
        } else {
            0
        };
        Self {
            file: l.file,
            line: l.line,
            column: l.column,
            end,
        }
    }

    fn location(self) -> Location {
        let at = Location::point(self.file, self.line, self.column);
        if self.end == 0 {
            at
        } else if self.end & Self::LATER_LINE == 0 {
            at.to(self.line, self.end)
        } else {
            let below = (self.end >> Self::COLUMN_BITS) & Self::MAX_LINES_BELOW;
            let column = self.end & ((1 << Self::COLUMN_BITS) - 1);
            at.to(self.line.saturating_add(below), column)
        }
    }
}

impl fmt::Debug for Ref {
    /// As the struct it reads as: the id and its [`Location`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ref")
            .field("id", &self.id)
            .field("location", &self.location())
            .finish()
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

    /// A reference to `id` written at `location`. A span that ends more
    /// than 127 lines below its start, or past column 2^24 on a later line,
    /// is kept as its start.
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
    fn a_place_comes_back_as_written_unless_it_ends_too_far_below_its_start() {
        use super::Ref;
        use crate::source::{FileId, Location};
        let file = FileId::at(3);
        let point = Location::point(file, 7, 9);
        let kept = [
            point,
            point.to(7, 20),
            // A minified file's columns run past 2^24.
            point.to(7, 125_000_000),
            Location::point(file, 7, 125_000_000).to(7, 125_000_009),
            point.to(8, 2),
            point.to(7 + 127, (1 << 24) - 1),
            Location::point(file, 0, 0),
        ];
        for at in kept {
            assert_eq!(Ref::at("a", Some(at)).location(), Some(at), "{at:?}");
        }
        for too_far in [point.to(7 + 128, 2), point.to(8, 1 << 24), point.to(6, 2)] {
            assert_eq!(
                Ref::at("a", Some(too_far)).location(),
                Some(point),
                "{too_far:?}"
            );
        }
        let mut r = Ref::new("a");
        assert_eq!(r.location(), None);
        r.set_location(Some(point.to(9, 4)));
        assert_eq!(r.location(), Some(point.to(9, 4)));
        // Ordered as the places they stand for.
        let mut refs: Vec<Ref> = kept.iter().map(|&at| Ref::at("a", Some(at))).collect();
        refs.sort();
        let mut places = kept.to_vec();
        places.sort();
        let sorted: Vec<Location> = refs.iter().filter_map(Ref::location).collect();
        assert_eq!(sorted, places);
        assert_eq!(
            format!("{:?}", Ref::at("a", Some(point))),
            format!("Ref {{ id: \"a\", location: Some({point:?}) }}")
        );
    }

    #[test]
    fn a_block_scalar_id_keeps_the_line_its_value_ends_on() {
        use crate::load::{Format, load_str};
        let yaml = "teams:\n  - id: web\n    parent: |-\n      playback\n  - id: playback\n";
        let loaded = load_str(yaml, Format::Yaml, "org.yaml");
        let parent = loaded.model.teams[0].parent.as_ref().expect("a parent");
        assert_eq!(parent.id, "playback");
        let at = parent.location().expect("read from a file");
        assert!(at.end_line > at.line, "{at:?}");
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
