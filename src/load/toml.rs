//! TOML org files, read with `toml`'s span-keeping document parser into a
//! [`Node`] tree.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeInteger, DeTable, DeValue};

use super::lines::LineIndex;
use super::node::{Key, Node, ParseError, ParseLimits, Pos, Value};

/// Parses a TOML document into a tree of nodes with positions.
pub(crate) fn parse(text: &str, limits: &ParseLimits) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = LineIndex::new(text);
    // toml bounds its own recursion (and reports "recursion limit"), so the
    // parser cannot overflow the stack; our own walk below checks the limit.
    let root = DeTable::parse(text).map_err(|err| {
        let message = err.message();
        // toml gives no place for nesting too deep in headers and dotted
        // keys; the deepest point of the text is where it gave up.
        let offset = match err.span() {
            Some(span) => Some(span.start),
            None if message.contains("recurs") => Some(deepest_nesting(text)),
            None => None,
        };
        let pos = offset.map_or(Pos::UNKNOWN, |at| lines.pos(at));
        // toml refuses nesting beyond its own fixed limit; say so our way.
        let message = if message.contains("recurs") {
            if limits.max_depth < TOML_MAX_DEPTH {
                format!("nesting deeper than {} levels", limits.max_depth)
            } else {
                format!("nesting deeper than the TOML parser allows ({TOML_MAX_DEPTH} levels)")
            }
        } else {
            tidy(message)
        };
        ParseError::new(message, pos)
    })?;
    let converter = Converter {
        lines: &lines,
        max_depth: limits.max_depth,
    };
    // The document itself starts at the top of the file, whatever its span.
    let pos = Pos::new(1, 1);
    let value = converter.table(root.into_inner(), 1, pos)?;
    Ok(Node::new(value, pos))
}

/// The byte offset where `text` nests deepest, counting the parts of
/// table headers and dotted keys (each is a table) and the arrays and
/// inline tables of values; the first such place when several tie. A rough
/// reading (multi-line strings are not told apart) that only places an
/// error toml reports without a place: its linear scan holds no stack.
pub(crate) fn deepest_nesting(text: &str) -> usize {
    let mut best = (0usize, 0usize);
    // The parts of the last table header, and the open brackets of a value.
    let mut table = 0usize;
    let mut open = 0usize;
    let mut start = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let mut key = 0;
        let value_at = if open == 0 && trimmed.starts_with('[') {
            let inner = trimmed.trim_start_matches('[');
            let end = find_outside_quotes(inner, b']').unwrap_or(inner.len());
            table = key_parts(&inner[..end]);
            let depth = table;
            if depth > best.0 {
                best = (depth, start + indent);
            }
            None
        } else if open == 0 {
            match find_outside_quotes(trimmed, b'=') {
                Some(eq) => {
                    key = key_parts(&trimmed[..eq]);
                    let depth = table + key;
                    if depth > best.0 {
                        best = (depth, start + indent);
                    }
                    Some(indent + eq + 1)
                }
                None => None,
            }
        } else {
            Some(0)
        };
        if let Some(from) = value_at {
            let mut quote: Option<u8> = None;
            let mut escaped = false;
            for (i, b) in line.bytes().enumerate().skip(from) {
                match (quote, b) {
                    (Some(b'"'), b'\\') => escaped = !escaped,
                    (Some(q), _) if b == q && !escaped => quote = None,
                    (Some(_), _) => escaped = false,
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'#') => break,
                    (None, b'[' | b'{') => {
                        open += 1;
                        let depth = table + key.max(1) + open;
                        if depth > best.0 {
                            best = (depth, start + i);
                        }
                    }
                    (None, b']' | b'}') => open = open.saturating_sub(1),
                    (None, _) => {}
                }
            }
        }
        start += line.len();
    }
    best.1
}

/// The first `byte` of `s` outside quotes.
fn find_outside_quotes(s: &str, byte: u8) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (i, b) in s.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, _) if b == byte => return Some(i),
            (None, _) => {}
        }
    }
    None
}

/// How many parts a dotted key has (`a."b.c".d` has three).
fn key_parts(key: &str) -> usize {
    let mut quote: Option<u8> = None;
    let mut parts = 1;
    for b in key.bytes() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'.') => parts += 1,
            (None, _) => {}
        }
    }
    parts
}

/// The nesting toml itself allows (its parser's recursion limit).
pub(crate) const TOML_MAX_DEPTH: usize = 80;

/// Makes toml's message fit our style: one line, lowercase start, no
/// trailing period.
fn tidy(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().filter(|c| !c.is_control()).collect();
    while out.ends_with('.') {
        out.pop();
    }
    if out.is_empty() {
        return "invalid TOML".to_owned();
    }
    if let Some(first) = out.chars().next()
        && first.is_uppercase()
        && !out.chars().nth(1).is_some_and(char::is_uppercase)
    {
        let rest = &out[first.len_utf8()..];
        out = first.to_lowercase().chain(rest.chars()).collect();
    }
    out
}

/// Walks toml's spanned values, building nodes.
struct Converter<'a> {
    lines: &'a LineIndex<'a>,
    max_depth: usize,
}

impl Converter<'_> {
    fn pos(&self, span: &Range<usize>) -> Pos {
        self.lines.pos(span.start)
    }

    /// `depth` counts the tables and arrays down to and including this one.
    fn depth_check(&self, depth: usize, pos: Pos) -> Result<(), ParseError> {
        if depth > self.max_depth {
            Err(ParseError::new(
                format!("nesting deeper than {} levels", self.max_depth),
                pos,
            ))
        } else {
            Ok(())
        }
    }

    fn value(&self, spanned: Spanned<DeValue<'_>>, depth: usize) -> Result<Node, ParseError> {
        let pos = self.pos(&spanned.span());
        let value = match spanned.into_inner() {
            DeValue::String(s) => Value::Str(s.into_owned()),
            DeValue::Integer(int) => integer(&int),
            DeValue::Float(float) => match float.as_str().parse::<f64>() {
                Ok(f) => Value::Float(f),
                // toml checked the syntax; keep the text if Rust reads it otherwise.
                Err(_) => Value::Str(float.as_str().to_owned()),
            },
            DeValue::Boolean(b) => Value::Bool(b),
            DeValue::Datetime(dt) => Value::Str(dt.to_string()),
            DeValue::Array(array) => self.array(array, depth + 1, pos)?,
            DeValue::Table(table) => self.table(table, depth + 1, pos)?,
        };
        Ok(Node::new(value, pos))
    }

    fn array(&self, array: DeArray<'_>, depth: usize, pos: Pos) -> Result<Value, ParseError> {
        self.depth_check(depth, pos)?;
        let mut items = Vec::with_capacity(array.len());
        for item in array {
            items.push(self.value(item, depth)?);
        }
        Ok(Value::Seq(items))
    }

    fn table(&self, table: DeTable<'_>, depth: usize, pos: Pos) -> Result<Value, ParseError> {
        self.depth_check(depth, pos)?;
        // toml keeps tables sorted by key; put them back in document order.
        let mut entries: Vec<_> = table.into_iter().collect();
        entries.sort_by_key(|(key, _)| key.span().start);
        let mut out = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let key = Key {
                pos: self.pos(&key.span()),
                name: key.into_inner().into_owned(),
            };
            out.push((key, self.value(value, depth)?));
        }
        Ok(Value::Map(out))
    }
}

/// An integer in `i64` if it fits, else kept as written.
fn integer(int: &DeInteger<'_>) -> Value {
    match i64::from_str_radix(int.as_str(), int.radix()) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::BigInt(int.to_string()),
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

    const ORG: &str = "\
version = 1

[organization]
name = \"Acme Music\"

[[teams]]
id = \"music\"
kind = \"unit\"

[[teams]]
id = \"playback\"
parent = \"music\"
owns = [\"web-player\"]
members = [{ name = \"Ana\", role = \"product-manager\" }]
";

    #[test]
    fn org_document_shape_and_positions() {
        let root = ok(ORG);
        assert_eq!(root.pos, Pos::new(1, 1));
        assert_eq!(get(&root, "version").value, Value::Int(1));
        let org = get(&root, "organization");
        assert_eq!(get(org, "name").value, Value::Str("Acme Music".into()));
        let teams = items(get(&root, "teams"));
        assert_eq!(teams.len(), 2);
        // The second `[[teams]]` header.
        assert_eq!(teams[1].pos, Pos::new(10, 1));
        let Value::Map(entries) = &teams[1].value else {
            panic!("team is a table");
        };
        // Document order, not toml's sorted order.
        let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["id", "parent", "owns", "members"]);
        assert_eq!(entries[1].0.pos, Pos::new(12, 1));
        assert_eq!(entries[1].1.pos, Pos::new(12, 10));
        let owns = items(get(&teams[1], "owns"));
        assert_eq!(owns[0].pos, Pos::new(13, 9));
        let member = &items(get(&teams[1], "members"))[0];
        assert_eq!(get(member, "role").pos, Pos::new(14, 35));
    }

    #[test]
    fn top_level_keys_keep_document_order() {
        let root = ok("zeta = 1\nalpha = 2\n");
        let Value::Map(entries) = root.value else {
            panic!("map");
        };
        assert_eq!(entries[0].0.name, "zeta");
        assert_eq!(entries[1].0.pos, Pos::new(2, 1));
    }

    #[test]
    fn numbers_dates_and_big_integers() {
        let root = ok(
            "a = 99999999999999999999\nb = 0xffffffffffffffffff\nc = 1_000\n\
                       d = 2.5\ne = 1979-05-27T07:32:00Z\nf = 2026-07-01\n",
        );
        assert_eq!(
            get(&root, "a").value,
            Value::BigInt("99999999999999999999".into())
        );
        assert_eq!(
            get(&root, "b").value,
            Value::BigInt("0xffffffffffffffffff".into())
        );
        assert_eq!(get(&root, "c").value, Value::Int(1000));
        assert_eq!(get(&root, "d").value, Value::Float(2.5));
        assert_eq!(
            get(&root, "e").value,
            Value::Str("1979-05-27T07:32:00Z".into())
        );
        assert_eq!(get(&root, "f").value, Value::Str("2026-07-01".into()));
    }

    #[test]
    fn empty_input_and_bom() {
        assert_eq!(ok(""), Node::new(Value::Map(Vec::new()), Pos::new(1, 1)));
        assert_eq!(ok("# nothing\n").value, Value::Map(Vec::new()));
        let root = ok("\u{feff}a = 1\n");
        assert_eq!(get(&root, "a").pos, Pos::new(1, 5));
    }

    #[test]
    fn syntax_errors_have_line_and_short_message() {
        let cases = [
            ("a = 1\nb = \n", 2),
            ("a = 1\na = 2\n", 2),
            ("a = 1\n[t\n", 2),
            ("a = 1\nb = \"\\q\"\n", 2),
            ("a = 1\nb = \"x\0\"\n", 2),
        ];
        for (text, line) in cases {
            let e = err(text);
            assert_eq!(e.pos.line, line, "{text:?}: {e:?}");
            assert!(
                !e.message.contains('\n') && !e.message.ends_with('.'),
                "{e:?}"
            );
            assert!(!e.message.is_empty());
        }
        let e = err("a = 1\na = 2\n");
        assert_eq!(e.message, "duplicate key");
        assert_eq!(e.pos, Pos::new(2, 1));
    }

    #[test]
    fn nesting_too_deep_for_toml_is_placed_where_it_is() {
        let dotted = vec!["a"; 200].join(".");
        let cases = [
            (format!("# c\n\n[t.{dotted}]\n"), Pos::new(3, 1)),
            (format!("# c\n[t]\nx = 1\n  {dotted} = 1\n"), Pos::new(4, 3)),
        ];
        for (text, pos) in cases {
            let e = err(&text);
            assert_eq!(e.message, "nesting deeper than 64 levels", "{text}");
            assert_eq!(e.pos, pos, "{text}");
        }
        // Brackets in strings and comments do not count.
        let text = "a = \"[[{{\" # [[[[\n[[t]]\nc = [[1]]\n";
        assert_eq!(super::deepest_nesting(text), text.len() - 5);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        for n in [65, 80, 81, 10_000] {
            let arrays = format!("a = {}{}", "[".repeat(n), "]".repeat(n));
            let tables = format!("a = {}1{}", "{ b = ".repeat(n), "}".repeat(n));
            let header = format!("[{}]\n", vec!["a"; n].join("."));
            for text in [arrays, tables, header] {
                let e = err(&text);
                assert_eq!(e.message, "nesting deeper than 64 levels", "{n}");
            }
        }
        ok(&format!("a = {}{}", "[".repeat(63), "]".repeat(63)));
    }

    #[test]
    fn pseudo_random_input_never_panics() {
        const ALPHABET: &[u8] = b"ab1 =.\n\t[]{},\"'#+-_:TZ\\\0\xc3\xa9";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
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
