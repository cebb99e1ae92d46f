//! A format-neutral document tree with positions. Each format's parser
//! (YAML, TOML, JSON) produces one; [`super::lower`] turns it into model
//! entities, so every format gets the same validation and the same messages.

/// A 1-based line and column in characters; `0` means unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub(crate) const UNKNOWN: Pos = Pos { line: 0, column: 0 };

    pub(crate) fn new(line: u32, column: u32) -> Self {
        Self { line, column }
    }
}

/// Where a value (or key) starts and where it ends, just past its last
/// character; an unknown end is [`Pos::UNKNOWN`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl From<Pos> for Span {
    fn from(start: Pos) -> Self {
        Self {
            start,
            end: Pos::UNKNOWN,
        }
    }
}

/// One value of a document, where it starts and where it ends (just past
/// its last character; [`Pos::UNKNOWN`] when the parser could not tell).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub pos: Pos,
    pub end: Pos,
}

/// The shapes a value can have in any of the three formats.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An integer too large for `i64`, kept as written.
    BigInt(String),
    /// A TOML date, time or date-time, as written (`2026-09-30`): text to
    /// a text field, but not a sentence, and not a number. (Only the TOML
    /// reader makes one.)
    #[cfg_attr(not(feature = "toml"), allow(dead_code))]
    Date(String),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in document order; duplicates are kept so they can be reported.
    Map(Vec<(Key, Node)>),
}

/// A mapping key and where it was written (`end` is just past it).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Key {
    pub name: String,
    pub pos: Pos,
    pub end: Pos,
}

impl Key {
    /// Where the key starts and ends.
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.pos,
            end: self.end,
        }
    }
}

impl Node {
    /// A node whose end is not known.
    pub(crate) fn new(value: Value, pos: Pos) -> Self {
        Self {
            value,
            pos,
            end: Pos::UNKNOWN,
        }
    }

    /// Where the node starts and ends.
    pub(crate) fn span(&self) -> Span {
        Span {
            start: self.pos,
            end: self.end,
        }
    }

    /// A node from `pos` to just before `end`.
    pub(crate) fn spanning(value: Value, pos: Pos, end: Pos) -> Self {
        Self { value, pos, end }
    }

    /// A word for the value's type, for messages ("a number", "a list").
    pub(crate) fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) | Value::Float(_) | Value::BigInt(_) => "a number",
            Value::Date(_) => "a date",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a table",
        }
    }
}

/// Why a file could not be parsed: what the parser said and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub message: String,
    pub pos: Pos,
}

impl ParseError {
    pub(crate) fn new(message: impl Into<String>, pos: Pos) -> Self {
        Self {
            message: message.into(),
            pos,
        }
    }
}

/// Limits that keep parsing bounded whatever the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ParseLimits {
    /// Deepest nesting of lists and tables.
    pub max_depth: usize,
    /// Most values YAML aliases may expand to (the "billion laughs" guard).
    #[cfg_attr(not(feature = "yaml"), allow(dead_code))]
    pub max_alias_expansion: usize,
}

impl ParseLimits {
    /// The stack a recursive parser needs for `max_depth` levels, with room
    /// to spare: saphyr's deserializer frames are large (about 40 KB a level
    /// in debug builds).
    pub(crate) fn parser_stack(&self) -> usize {
        const BASE: usize = 1 << 20;
        const PER_LEVEL: usize = 128 << 10;
        BASE.saturating_add(self.max_depth.saturating_mul(PER_LEVEL))
    }
}

impl Default for ParseLimits {
    fn default() -> Self {
        Self {
            max_depth: 64,
            max_alias_expansion: 100_000,
        }
    }
}
