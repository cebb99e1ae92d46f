//! JSON org files, read with `serde_json` into a [`Node`] tree.
//!
//! serde_json keeps no positions, but a `&RawValue` borrows its text from
//! the input, so the distance between the two pointers is the value's byte
//! offset (plain address arithmetic, no `unsafe`). Each list or table is read
//! as a flat sequence of raw children, which are then read the same way in
//! turn: every byte is scanned once per enclosing level, O(size × depth).
//! That also keeps serde_json's own recursion to one level at a time, so its
//! recursion limit is never reached; our depth limit is checked instead.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::lines::LineIndex;
use super::node::{Key, Node, ParseError, ParseLimits, Pos, Value};

/// Parses a JSON document into a tree of nodes with positions. A file with
/// nothing but whitespace is an empty document (null), as in YAML.
pub(crate) fn parse(text: &str, limits: &ParseLimits) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.bytes().all(is_json_space) {
        return Ok(Node::new(Value::Null, Pos::new(1, 1)));
    }
    let reader = Reader {
        text,
        lines: LineIndex::new(text),
        max_depth: limits.max_depth,
    };
    // Refuse deep nesting before parsing: each level below re-reads its
    // whole raw value, so ten megabytes of `[` took tens of seconds to reach
    // the depth limit that one pass finds at once.
    if let Some(offset) = too_deep_at(text, limits.max_depth) {
        return Err(ParseError::new(
            format!("nesting deeper than {} levels", limits.max_depth),
            reader.lines.pos(offset),
        ));
    }
    // One pass over the whole text checks its syntax (serde_json skips raw
    // values without recursing, so any nesting is fine here).
    let root: &RawValue = serde_json::from_str(text).map_err(|err| reader.error(&err, 0))?;
    reader.node(root, 0)
}

/// Just past the closing quote of the string whose opening quote is at
/// `open` (the end of `bytes` if it has none).
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => return i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The byte offset of the first `[` or `{` that opens a level past
/// `max_depth` (outside strings), if any.
fn too_deep_at(text: &str, max_depth: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max_depth {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// JSON's four whitespace bytes.
fn is_json_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The text being read and what is needed to place and bound its values.
struct Reader<'a> {
    text: &'a str,
    lines: LineIndex<'a>,
    max_depth: usize,
}

impl<'a> Reader<'a> {
    /// Where `part` (a slice of `self.text`) starts in the text.
    fn offset_of(&self, part: &str) -> usize {
        let offset = (part.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        // A slice from elsewhere cannot happen; clamp rather than trust it.
        offset.min(self.text.len())
    }

    /// A node for one raw value; `depth` is the number of lists and tables
    /// around it.
    fn node(&self, raw: &'a RawValue, depth: usize) -> Result<Node, ParseError> {
        let json = raw.get();
        let start = self.offset_of(json);
        let pos = self.lines.pos(start);
        let value = match json.as_bytes().first() {
            Some(b'{') => {
                self.depth_check(depth, pos)?;
                self.map(json, start, depth + 1)?
            }
            Some(b'[') => {
                self.depth_check(depth, pos)?;
                let items: Vec<&'a RawValue> =
                    serde_json::from_str(json).map_err(|err| self.error(&err, start))?;
                let mut nodes = Vec::with_capacity(items.len());
                for item in items {
                    nodes.push(self.node(item, depth + 1)?);
                }
                Value::Seq(nodes)
            }
            Some(b'"') => Value::Str(
                serde_json::from_str::<String>(json).map_err(|err| self.error(&err, start))?,
            ),
            Some(b't') => Value::Bool(true),
            Some(b'f') => Value::Bool(false),
            Some(b'n') => Value::Null,
            _ => number(json).ok_or_else(|| ParseError::new(NUMBER_OUT_OF_RANGE, pos))?,
        };
        Ok(Node::spanning(
            value,
            pos,
            self.lines.pos(start + json.len()),
        ))
    }

    /// Refuses a list or table that would be one level deeper than allowed.
    fn depth_check(&self, depth: usize, pos: Pos) -> Result<(), ParseError> {
        if depth >= self.max_depth {
            Err(ParseError::new(
                format!("nesting deeper than {} levels", self.max_depth),
                pos,
            ))
        } else {
            Ok(())
        }
    }

    /// The entries of the object `json`, which starts at byte `start`.
    fn map(&self, json: &'a str, start: usize, depth: usize) -> Result<Value, ParseError> {
        let entries = RawEntries::read(json).map_err(|err| self.error(&err, start))?;
        let bytes = self.text.as_bytes();
        let mut out = Vec::with_capacity(entries.len());
        // Keys have no raw form, so find each one by scanning forward from
        // the end of the previous entry (or the `{`) past whitespace and the
        // comma: the next byte is the key's opening quote.
        let mut cursor = start + 1;
        for (name, raw) in entries {
            while bytes
                .get(cursor)
                .is_some_and(|&b| is_json_space(b) || b == b',')
            {
                cursor += 1;
            }
            let key = Key {
                name,
                pos: self.lines.pos(cursor),
                end: self.lines.pos(string_end(bytes, cursor)),
            };
            let value_json = raw.get();
            cursor = self.offset_of(value_json) + value_json.len();
            out.push((key, self.node(raw, depth)?));
        }
        Ok(Value::Map(out))
    }

    /// A serde_json error as a `ParseError`. serde_json counts lines and
    /// byte columns from the start of what it was given, which began at
    /// byte `start` of the text.
    fn error(&self, err: &serde_json::Error, start: usize) -> ParseError {
        let mut message = err.to_string();
        let suffix = format!(" at line {} column {}", err.line(), err.column());
        if let Some(stripped) = message.strip_suffix(&suffix) {
            message.truncate(stripped.len());
        }
        if message == "number out of range" {
            message = NUMBER_OUT_OF_RANGE.to_owned();
        }
        if (message.contains("surrogate") || message.contains("hex escape"))
            && let Some((at, lone)) = self
                .error_offset(err, start)
                .and_then(|at| lone_surrogate(self.text, at))
        {
            return ParseError::new(lone, self.lines.pos(at));
        }
        let pos = if err.line() == 0 {
            Pos::UNKNOWN
        } else if start == 0 {
            self.lines.pos_of_byte_column(err.line(), err.column())
        } else {
            // Find where that line starts within the part, then the offset.
            let part = self.text.get(start..).unwrap_or("");
            let line_start = match err.line() {
                1 => 0,
                line => part
                    .match_indices('\n')
                    .nth(line - 2)
                    .map_or(part.len(), |(i, _)| i + 1),
            };
            self.lines
                .pos(start + line_start + err.column().saturating_sub(1))
        };
        ParseError::new(message, pos)
    }

    /// The byte offset of the text where `err` happened, when it has one.
    fn error_offset(&self, err: &serde_json::Error, start: usize) -> Option<usize> {
        let line = err.line().checked_sub(1)?;
        let part = self.text.get(start..)?;
        let line_start = match line {
            0 => 0,
            n => part.match_indices('\n').nth(n - 1)?.0 + 1,
        };
        Some(start + line_start + err.column().saturating_sub(1))
    }
}

/// serde_json reports a `\uD800` not followed by a low surrogate as an
/// "unexpected end of hex escape" past it, and a lone `\uDC00` as a "lone
/// leading surrogate": finds the last surrogate escape shortly before
/// `at` and words the problem with it, at its place.
fn lone_surrogate(text: &str, at: usize) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    // The escape ends at most one escape (`\uXXXX`) and a character
    // before where serde_json stopped.
    let from = at.saturating_sub(16);
    let to = at.saturating_add(1).min(bytes.len());
    let window = bytes.get(from..to)?;
    let (i, code) = window
        .windows(6)
        .enumerate()
        .rev()
        .filter(|(_, w)| w[0] == b'\\' && w[1] == b'u')
        .find_map(|(i, w)| {
            let hex = std::str::from_utf8(&w[2..]).ok()?;
            let code = u16::from_str_radix(hex, 16).ok()?;
            (0xD800..=0xDFFF).contains(&code).then_some((i, code))
        })?;
    let escape = std::str::from_utf8(window.get(i..i + 6)?).ok()?;
    let message = if code < 0xDC00 {
        format!(
            "lone surrogate {escape} in a string: a high surrogate (\\uD800 to \\uDBFF) must be followed by a low one (\\uDC00 to \\uDFFF)"
        )
    } else {
        format!(
            "lone surrogate {escape} in a string: a low surrogate (\\uDC00 to \\uDFFF) must follow a high one (\\uD800 to \\uDBFF)"
        )
    };
    Some((from + i, message))
}

/// serde_json's "number out of range" does not say which range.
const NUMBER_OUT_OF_RANGE: &str =
    "number out of range: numbers must fit in a 64-bit float (about ±1.7e308)";

/// A number as `i64` when it is a whole number that fits, as
/// [`Value::BigInt`] when it is a whole number that does not, and otherwise
/// as a float; `None` when it overflows `f64`.
fn number(json: &str) -> Option<Value> {
    let whole = !json.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    if whole {
        return Some(
            json.parse::<i64>()
                .map_or_else(|_| Value::BigInt(json.to_owned()), Value::Int),
        );
    }
    json.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Value::Float)
}

/// The entries of one JSON object, values left raw, in document order and
/// with repeated keys kept.
struct RawEntries<'a>(Vec<(String, &'a RawValue)>);

impl<'a> RawEntries<'a> {
    fn read(json: &'a str) -> Result<Vec<(String, &'a RawValue)>, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        let entries = de.deserialize_map(EntriesVisitor)?;
        de.end()?;
        Ok(entries.0)
    }
}

/// Collects the entries of an object.
struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = RawEntries<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let value: &'de RawValue = map.next_value()?;
            entries.push((name, value));
        }
        Ok(RawEntries(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node {
        parse(text, &ParseLimits::default()).expect("parses")
    }

    fn err(text: &str) -> ParseError {
        parse(text, &ParseLimits::default()).expect_err("fails")
    }

    fn get<'a>(node: &'a Node, name: &str) -> &'a Node {
        let Value::Map(entries) = &node.value else {
            panic!("not a map: {node:?}");
        };
        &entries.iter().find(|(k, _)| k.name == name).expect("key").1
    }

    fn items(node: &Node) -> &[Node] {
        let Value::Seq(items) = &node.value else {
            panic!("not a list: {node:?}");
        };
        items
    }

    const ORG: &str = r#"{
  "version": 1,
  "organization": { "name": "Acme Music" },
  "teams": [
    { "id": "music", "kind": "unit" },
    {
      "id": "playback",
      "parent": "music",
      "owns": ["web-player"],
      "members": [{ "name": "Ana", "role": "product-manager" }]
    }
  ]
}"#;

    #[test]
    fn org_document_shape_and_positions() {
        let root = ok(ORG);
        assert_eq!(root.pos, Pos::new(1, 1));
        assert_eq!(get(&root, "version").value, Value::Int(1));
        assert_eq!(get(&root, "version").pos, Pos::new(2, 14));
        let org = get(&root, "organization");
        assert_eq!(get(org, "name").value, Value::Str("Acme Music".into()));
        let teams = items(get(&root, "teams"));
        assert_eq!(teams.len(), 2);
        assert_eq!(teams[0].pos, Pos::new(5, 5));
        assert_eq!(teams[1].pos, Pos::new(6, 5));
        let Value::Map(entries) = &teams[1].value else {
            panic!("team is an object");
        };
        let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["id", "parent", "owns", "members"]);
        assert_eq!(entries[1].0.pos, Pos::new(8, 7));
        assert_eq!(entries[1].1.pos, Pos::new(8, 17));
        let owns = items(get(&teams[1], "owns"));
        assert_eq!(owns[0].pos, Pos::new(9, 16));
        let member = &items(get(&teams[1], "members"))[0];
        assert_eq!(get(member, "role").pos, Pos::new(10, 44));
    }

    #[test]
    fn columns_count_characters_and_keys_are_found() {
        let root = ok("{\"é\": \"ü\",\n \"a\\\"b\" : [true, null]}");
        let Value::Map(entries) = &root.value else {
            panic!("map");
        };
        assert_eq!(entries[0].0.pos, Pos::new(1, 2));
        assert_eq!(entries[0].1.pos, Pos::new(1, 7));
        assert_eq!(entries[1].0.name, "a\"b");
        assert_eq!(entries[1].0.pos, Pos::new(2, 2));
        assert_eq!(entries[1].1.pos, Pos::new(2, 11));
    }

    #[test]
    fn values_and_keys_end_just_past_their_last_character() {
        let text = "{\"a\": \"booking portal\",\n \"b\": [\"x y\", 12],\n \"c\\\"d\": \"é ü\", \"e\": {\"f\": 1}}";
        let root = ok(text);
        let span = |n: &Node| (n.pos.line, n.pos.column, n.end.line, n.end.column);
        assert_eq!(span(get(&root, "a")), (1, 7, 1, 23));
        let b = items(get(&root, "b"));
        assert_eq!(span(&b[0]), (2, 8, 2, 13));
        assert_eq!(span(&b[1]), (2, 15, 2, 17));
        assert_eq!(span(get(&root, "c\"d")), (3, 10, 3, 15));
        assert_eq!(span(get(&root, "e")), (3, 22, 3, 30));
        let Value::Map(entries) = &root.value else {
            panic!("a map");
        };
        // A key with an escaped quote ends at its closing quote.
        assert_eq!(
            (entries[2].0.pos, entries[2].0.end),
            (Pos::new(3, 2), Pos::new(3, 8))
        );
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let root = ok(r#"{"a": 1, "a": 2}"#);
        let Value::Map(entries) = root.value else {
            panic!("map");
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].0.pos, Pos::new(1, 10));
    }

    #[test]
    fn big_integers_and_floats() {
        let root = ok(
            "[18446744073709551615, -9223372036854775809, 9223372036854775807, \
                       123456789012345678901234567890, 2.5, 1e3, -0]",
        );
        let values: Vec<_> = items(&root).iter().map(|n| n.value.clone()).collect();
        assert_eq!(
            values,
            [
                Value::BigInt("18446744073709551615".into()),
                Value::BigInt("-9223372036854775809".into()),
                Value::Int(i64::MAX),
                Value::BigInt("123456789012345678901234567890".into()),
                Value::Float(2.5),
                Value::Float(1000.0),
                Value::Int(0),
            ]
        );
        let e = err("[1,\n 1e400]");
        assert_eq!(e.message, NUMBER_OUT_OF_RANGE);
        assert_eq!(e.pos, Pos::new(2, 2));
    }

    #[test]
    fn empty_input_and_bom() {
        assert_eq!(ok(""), Node::new(Value::Null, Pos::new(1, 1)));
        assert_eq!(ok(" \n\t"), Node::new(Value::Null, Pos::new(1, 1)));
        let root = ok("\u{feff}{\"a\": 1}");
        assert_eq!(get(&root, "a").pos, Pos::new(1, 7));
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let cases = [
            ("{\n  \"a\": 1,\n  \"b\": tru,\n}", Pos::new(3, 11)),
            ("{\n  \"a\": 1,\n}", Pos::new(3, 1)),
            ("[1, 2", Pos::new(1, 5)),
            ("{\"a\": 1} x", Pos::new(1, 10)),
        ];
        for (text, pos) in cases {
            let e = err(text);
            assert_eq!(e.pos.line, pos.line, "{text:?}: {e:?}");
            assert!(e.pos.column.abs_diff(pos.column) <= 1, "{text:?}: {e:?}");
            assert!(!e.message.contains(" at line "), "{e:?}");
        }
        // Errors found while reading an inner value are placed in the file.
        let e = err("{\"x\": [\n  \"a\",\n  \"\\u12\"]}");
        assert_eq!(e.pos.line, 3);
        let e = err("\"a\0b\"");
        assert!(e.message.starts_with("control character"), "{e:?}");
    }

    #[test]
    fn lone_surrogates_are_named_at_their_escape() {
        let high = "lone surrogate \\uD800 in a string: a high surrogate (\\uD800 to \\uDBFF) must be followed by a low one (\\uDC00 to \\uDFFF)";
        let low = "lone surrogate \\uDC00 in a string: a low surrogate (\\uDC00 to \\uDFFF) must follow a high one (\\uD800 to \\uDBFF)";
        let cases = [
            (
                "{\n  \"teams\": [\n    {\"id\": \"a\\uD800b\"}\n  ]\n}\n",
                high,
                Pos::new(3, 14),
            ),
            ("{\"id\": \"a\\uD800\"}", high, Pos::new(1, 10)),
            ("{\"id\": \"a\\uD800\\u0041\"}", high, Pos::new(1, 10)),
            (
                "{\"id\": \"\\uD83D\\uDE00\\uD800x\"}",
                high,
                Pos::new(1, 21),
            ),
            ("{\"id\": \"a\\uDC00\"}", low, Pos::new(1, 10)),
            ("[{\"id\": \"é\\uDC00\"}]", low, Pos::new(1, 11)),
        ];
        for (text, message, pos) in cases {
            let e = err(text);
            assert_eq!((e.message.as_str(), e.pos), (message, pos), "{text}");
        }
        // A pair is one character.
        ok("{\"id\": \"\\uD83D\\uDE00\"}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for n in [65, 129, 100_000] {
            let text = "[".repeat(n) + &"]".repeat(n);
            let e = err(&text);
            assert_eq!(e.message, "nesting deeper than 64 levels");
            assert_eq!(e.pos, Pos::new(1, 65));
            let objects = "{\"a\":".repeat(n) + "1" + &"}".repeat(n);
            assert_eq!(err(&objects).message, "nesting deeper than 64 levels");
        }
        // Unclosed and very deep: a syntax error, no crash.
        err(&"[".repeat(1_000_000));
        ok(&("[".repeat(64) + &"]".repeat(64)));
    }

    #[test]
    fn pseudo_random_input_never_panics() {
        const ALPHABET: &[u8] = b"{}[]:,\"\\ 01-+.eEtrufalsn\nu\0\xc3\xa9";
        let mut state: u64 = 0x1234_5678_9abc_def0;
        for _ in 0..400 {
            let mut bytes = Vec::new();
            state = lcg(state);
            let len = (state >> 33) % 64;
            for _ in 0..len {
                state = lcg(state);
                bytes.push(ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize]);
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse(&text, &ParseLimits::default());
        }
    }

    fn lcg(state: u64) -> u64 {
        state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
    }
}
