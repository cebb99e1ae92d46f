//! TOML org files, read with `toml`'s span-keeping document parser into a
//! [`Node`] tree.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeInteger, DeTable, DeValue};

use super::lines::LineIndex;
use super::node::{Key, Node, ParseError, ParseLimits, Pos, Value};

/// Parses a TOML document into a tree of nodes with positions.
pub(crate) fn parse(text: &str, limits: &ParseLimits) -> Result<Node, ParseError> {
    parse_in_chunks(text, limits, CHUNK)
}

/// Files past this size are parsed a chunk of about this size at a time
/// when their shape allows it (see [`chunks`]).
const CHUNK: usize = 1 << 20;

/// [`parse`], parsing a large file of `[[section]]` tables a chunk of about
/// `chunk` bytes at a time.
///
/// toml's document tree costs over a kilobyte per table: a file of a
/// million small entities took 1.4 GB before a single node was made.
/// Split at its `[[section]]` headers, each piece is a TOML document of
/// its own whose tree is turned into nodes and dropped before the next is
/// parsed, and the pieces' arrays joined are the file's. Anything the
/// split could get wrong (multi-line strings, other headers after the
/// first `[[section]]`, a section also set before it, a piece toml
/// refuses) is parsed whole instead, as smaller files are, so the nodes
/// and errors are the same either way.
fn parse_in_chunks(text: &str, limits: &ParseLimits, chunk: usize) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let lines = LineIndex::new(text);
    if text.len() > chunk
        && let Some(pieces) = chunks(text, chunk)
        && let Some(node) = parse_pieces(text, &pieces, &lines, limits)
    {
        return Ok(node);
    }
    parse_whole(text, &lines, limits)
}

/// A large TOML file of `[[section]]` tables read into a model a piece at
/// a time: each piece's tree is lowered and dropped before the next is
/// parsed, so neither toml's tree nor the file's nodes are ever whole in
/// memory beside the model. `None` when the file is small, cannot be
/// split (see [`chunks`]), has a `[[...]]` header that is no entity
/// section, or a piece fails to parse: the caller then reads it whole,
/// which reports what is wrong as it always has.
///
/// The model is the one reading it whole makes. The problems are the same
/// too, except which are reported past `max_problems_per_file`, and which
/// entity meets `max_entities` first, when sections come back after
/// others (`[[teams]]`, `[[products]]`, `[[teams]]`): whole, all of a
/// section is lowered before the next section.
pub(crate) fn lower_in_pieces(
    text: &str,
    file: crate::source::FileId,
    path: &str,
    options: &crate::load::LoadOptions,
) -> Option<(crate::model::Model, Vec<crate::diagnostic::Diagnostic>)> {
    lower_in_pieces_of(text, file, path, options, CHUNK)
}

fn lower_in_pieces_of(
    text: &str,
    file: crate::source::FileId,
    path: &str,
    options: &crate::load::LoadOptions,
    chunk: usize,
) -> Option<(crate::model::Model, Vec<crate::diagnostic::Diagnostic>)> {
    use crate::load::lower::Sections;
    const ENTITY_SECTIONS: [&str; 8] = [
        "teams",
        "products",
        "outcomes",
        "objectives",
        "decisions",
        "people",
        "lifecycle",
        "cadences",
    ];
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.len() <= chunk {
        return None;
    }
    let pieces = chunks(text, chunk)?;
    let lines = LineIndex::new(text);
    let limits = options.parse_limits();
    let mut model = crate::model::Model::default();
    let mut diags = Vec::new();
    let mut sections = Sections::new(file, path, options, &model, &mut diags);
    let mut before: Vec<String> = Vec::new();
    for (n, range) in pieces.iter().enumerate() {
        let piece = text.get(range.clone())?;
        let root = DeTable::parse(piece).ok()?;
        let converter = Converter {
            lines: &lines,
            max_depth: limits.max_depth,
            base: range.start,
        };
        let value = converter.table(root.into_inner(), 1, Pos::new(1, 1)).ok()?;
        if n == 0 {
            if let Value::Map(entries) = &value {
                before = entries.iter().map(|(k, _)| k.name.clone()).collect();
            }
            sections.root(Node::new(value, Pos::new(1, 1)), &mut model);
            continue;
        }
        let Value::Map(entries) = value else {
            return None;
        };
        for (key, node) in entries {
            // Set before the first header and in one: toml's error; a
            // `[[version]]` or `[[organization]]`: the whole file's.
            if before.contains(&key.name)
                || !ENTITY_SECTIONS.contains(&key.name.as_str())
                || !matches!(node.value, Value::Seq(_))
            {
                return None;
            }
            sections.more(&key, node, &mut model);
        }
    }
    sections.finish();
    Some((model, diags))
}

/// The byte ranges `text` splits into: what comes before the first
/// `[[section]]` header, then runs of whole `[[section]]` tables of about
/// `chunk` bytes. `None` when the text has a shape the split could get
/// wrong.
fn chunks(text: &str, chunk: usize) -> Option<Vec<Range<usize>>> {
    if text.contains("\"\"\"") || text.contains("\'\'\'") {
        return None;
    }
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    let mut group: Option<&str> = None;
    // Open brackets of a value that goes on over lines: a line starting
    // with `[` inside it is no header.
    let mut open = 0usize;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let trimmed = line.trim_start();
        if open == 0 && trimmed.starts_with('[') {
            let (array, path) = header(trimmed)?;
            let first = path.split('.').next()?;
            let sub = path.contains('.');
            if array && !sub {
                if group.is_some() && at - piece_start >= chunk {
                    pieces.push(piece_start..at);
                    piece_start = at;
                } else if group.is_none() {
                    pieces.push(0..at);
                    piece_start = at;
                }
                group = Some(first);
            } else if group.is_some_and(|g| g == first) && sub {
                // A table or array of tables inside the last item.
            } else if group.is_some() {
                return None;
            }
            continue;
        }
        open = brackets_after(line, open);
    }
    group?;
    pieces.push(piece_start..text.len());
    Some(pieces)
}

/// Whether a header line is `[[...]]` and its dotted path of bare keys;
/// `None` for anything else (quoted keys, a value).
fn header(line: &str) -> Option<(bool, &str)> {
    let line = line.trim_end();
    let line = match line.find('#') {
        Some(i) => line[..i].trim_end(),
        None => line,
    };
    let (array, inner) = match line.strip_prefix("[[") {
        Some(rest) => (true, rest.strip_suffix("]]")?),
        None => (false, line.strip_prefix('[')?.strip_suffix(']')?),
    };
    let bare = |part: &str| {
        let part = part.trim();
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    };
    inner.split('.').all(bare).then_some((array, inner))
}

/// The open brackets of a value after `line`, from `open` before it;
/// strings on one line and comments skipped.
fn brackets_after(line: &str, mut open: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut escaped = false;
    for b in line.bytes() {
        match (quote, b) {
            (Some(b'"'), b'\\') => escaped = !escaped,
            (Some(q), _) if b == q && !escaped => quote = None,
            (Some(_), _) => escaped = false,
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'#') => break,
            (None, b'[' | b'{') => open += 1,
            (None, b']' | b'}') => open = open.saturating_sub(1),
            (None, _) => {}
        }
    }
    open
}

/// The document of `pieces` (as made by [`chunks`]), or `None` when a
/// piece does not parse or a section of the first is also set in a
/// `[[section]]` header: parsed whole, the file gets toml's own message.
fn parse_pieces(
    text: &str,
    pieces: &[Range<usize>],
    lines: &LineIndex<'_>,
    limits: &ParseLimits,
) -> Option<Node> {
    let mut entries: Vec<(Key, Node)> = Vec::new();
    // The entries set before the first header.
    let mut before = 0;
    for (n, range) in pieces.iter().enumerate() {
        let piece = text.get(range.clone())?;
        let root = DeTable::parse(piece).ok()?;
        let converter = Converter {
            lines,
            max_depth: limits.max_depth,
            base: range.start,
        };
        let Value::Map(more) = converter.table(root.into_inner(), 1, Pos::new(1, 1)).ok()? else {
            return None;
        };
        for (key, node) in more {
            match entries.iter().position(|(k, _)| k.name == key.name) {
                // Set before the first header and in one: toml's error.
                Some(i) if i < before => return None,
                Some(i) => {
                    let (
                        Some((
                            _,
                            Node {
                                value: Value::Seq(items),
                                ..
                            },
                        )),
                        Value::Seq(more),
                    ) = (entries.get_mut(i), node.value)
                    else {
                        return None;
                    };
                    items.extend(more);
                }
                None => entries.push((key, node)),
            }
        }
        if n == 0 {
            before = entries.len();
        }
    }
    Some(Node::new(Value::Map(entries), Pos::new(1, 1)))
}

/// [`parse`] of the whole text at once.
fn parse_whole(
    text: &str,
    lines: &LineIndex<'_>,
    limits: &ParseLimits,
) -> Result<Node, ParseError> {
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
        lines,
        max_depth: limits.max_depth,
        base: 0,
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
    /// Where the text toml parsed starts in the file.
    base: usize,
}

impl Converter<'_> {
    fn pos(&self, span: &Range<usize>) -> Pos {
        self.lines.pos(self.base + span.start)
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

    /// Just past the last byte of `span`.
    fn end(&self, span: &Range<usize>) -> Pos {
        self.lines.pos(self.base + span.end)
    }

    fn value(&self, spanned: Spanned<DeValue<'_>>, depth: usize) -> Result<Node, ParseError> {
        let span = spanned.span();
        let pos = self.pos(&span);
        let end = self.end(&span);
        let value = match spanned.into_inner() {
            DeValue::String(s) => Value::Str(s.into_owned()),
            DeValue::Integer(int) => integer(&int),
            DeValue::Float(float) => match float.as_str().parse::<f64>() {
                Ok(f) => Value::Float(f),
                // toml checked the syntax; keep the text if Rust reads it otherwise.
                Err(_) => Value::Str(float.as_str().to_owned()),
            },
            DeValue::Boolean(b) => Value::Bool(b),
            DeValue::Datetime(dt) => Value::Date(dt.to_string()),
            DeValue::Array(array) => self.array(array, depth + 1, pos)?,
            DeValue::Table(table) => self.table(table, depth + 1, pos)?,
        };
        // A `[[products]]` table starts at its header, the same line for
        // every product: it is placed at its first key (`id = "shop"`)
        // instead, as a YAML or JSON entity is. An inline table
        // (`{ id = "shop" }`), whose first key is on its first line, stays
        // where it starts.
        let pos = match &value {
            Value::Map(entries) => entries
                .first()
                .map(|(key, _)| key.pos)
                .filter(|first| first.line > pos.line)
                .unwrap_or(pos),
            _ => pos,
        };
        Ok(Node::spanning(value, pos, end))
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
            let span = key.span();
            let key = Key {
                pos: self.pos(&span),
                end: self.end(&span),
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
        // The second team, placed at its first key below its `[[teams]]`
        // header (line 10); an inline table stays at its brace.
        assert_eq!(teams[1].pos, Pos::new(11, 1));
        assert_eq!(get(&root, "organization").pos, Pos::new(4, 1));
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
        assert_eq!(member.pos, Pos::new(14, 12));
        assert_eq!(get(member, "role").pos, Pos::new(14, 35));
    }

    #[test]
    fn values_and_keys_end_just_past_their_last_character() {
        let text = "a = \"booking portal\"  # comment\nb = [\"x y\", 12]\n\"c d\" = \"é ü\"\n";
        let root = ok(text);
        let span = |n: &Node| (n.pos.line, n.pos.column, n.end.line, n.end.column);
        assert_eq!(span(get(&root, "a")), (1, 5, 1, 21));
        let b = items(get(&root, "b"));
        assert_eq!(span(&b[0]), (2, 6, 2, 11));
        assert_eq!(span(&b[1]), (2, 13, 2, 15));
        assert_eq!(span(get(&root, "c d")), (3, 9, 3, 14));
        let Value::Map(entries) = &root.value else {
            panic!("a map");
        };
        assert_eq!(
            (entries[2].0.pos, entries[2].0.end),
            (Pos::new(3, 1), Pos::new(3, 6))
        );
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
            Value::Date("1979-05-27T07:32:00Z".into())
        );
        assert_eq!(get(&root, "f").value, Value::Date("2026-07-01".into()));
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

    /// Parsed in pieces of at most `chunk` bytes past the first header,
    /// and whole: the same nodes, or the same error.
    fn same_in_pieces(text: &str) {
        let stripped = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let lines = LineIndex::new(stripped);
        let whole = parse_whole(stripped, &lines, &ParseLimits::default());
        // A file that parses is split, unless its shape says not to.
        let split = chunks(stripped, 0)
            .and_then(|p| parse_pieces(stripped, &p, &lines, &ParseLimits::default()));
        let may_split = stripped.contains("[[") && !stripped.contains("\"\"\"");
        assert_eq!(split.is_some(), whole.is_ok() && may_split, "{text}");
        for chunk in [0, 1, 40, 200] {
            let pieces = parse_in_chunks(text, &ParseLimits::default(), chunk);
            assert_eq!(pieces, whole, "chunk {chunk}:\n{text}");
        }
    }

    #[test]
    fn large_files_parse_in_pieces_to_the_same_nodes() {
        let root = env!("CARGO_MANIFEST_DIR");
        for file in [
            "tests/fixtures/formats/org.toml",
            "tests/fixtures/mixed/b-products.toml",
            "tests/fixtures/hostile/numbers.toml",
            "examples/orgs/exchange.toml",
            "examples/orgs/streaming/teams/creators.toml",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{file}")).expect("read");
            same_in_pieces(&text);
        }
        let shapes = [
            // Sections in turn and back again, sub-tables of the last item,
            // comments and blank lines, a value over lines starting with `[`.
            "version = 1\n[organization]\nname = \"A\"\n\n[[teams]] # first\nid = \"a\"\n\
             [[products]]\nid = \"p\"\n[products.funding]\nmodel = \"x\"\n\
             [[teams]]\nid = \"b\"\nowns = [\n[\"x\"],\n]\n\
             [[objectives]]\nid = \"o\"\n[[objectives.key_results]]\nid = \"k\"\n\
             [[objectives.key_results]]\nid = \"k2\"\n[[teams]]\nid = \"c\"\n",
            "\u{FEFF}[[teams]]\nid = \"a\"\n[[teams]]\nid = \"b\"\n",
            // Strings holding what looks like a header.
            "[[teams]]\nid = \"a\"\nname = \"[[products]]\"\n[[teams]]\nid = 'b # ['\n",
            "[[teams]]\nid = \"a\"\ndescription = \"\"\"\n[[products]]\nid = 1\n\"\"\"\n",
            // Errors: toml's own, at the same place.
            "[[teams]]\nid = \"a\"\n[[teams]]\nid = \"b\"\nid = \"c\"\n",
            "[[teams]]\nid = \"a\"\n[[teams]]\nid = \n",
            "teams = []\n[[products]]\nid = \"p\"\n[[teams]]\nid = \"a\"\n",
            "[[teams]]\nid = \"a\"\n[organization]\nname = \"x\"\n[organization]\n",
            "[[teams]]\nid = \"a\"\n[teams]\nx = 1\n",
            "[[teams]]\nid = \"a\"\n[[teams.x.y]]\n[[teams]]\n\"quoted.key\" = 1\n",
        ];
        for text in shapes {
            same_in_pieces(text);
        }
        let deep = format!(
            "[[teams]]\nid = \"a\"\n[[teams]]\nx = {}{}\n",
            "[".repeat(70),
            "]".repeat(70)
        );
        same_in_pieces(&deep);
    }

    /// Lowered a piece at a time, and parsed and lowered whole: the same
    /// model and problems, or no split at all.
    fn same_lowered_in_pieces(text: &str, options: &crate::load::LoadOptions) -> bool {
        use crate::source::FileId;
        let stripped = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let mut whole = crate::model::Model::default();
        let mut whole_diags = Vec::new();
        let lines = LineIndex::new(stripped);
        match parse_whole(stripped, &lines, &options.parse_limits()) {
            Ok(root) => crate::load::lower::lower(
                root,
                FileId::at(0),
                "org.toml",
                options,
                &mut whole,
                &mut whole_diags,
            ),
            Err(_) => {
                for chunk in [0, 1, 40] {
                    let split = lower_in_pieces_of(text, FileId::at(0), "org.toml", options, chunk);
                    assert!(split.is_none(), "{text}");
                }
                return false;
            }
        }
        let mut split_any = false;
        for chunk in [0, 1, 40, 200] {
            if let Some((model, diags)) =
                lower_in_pieces_of(text, FileId::at(0), "org.toml", options, chunk)
            {
                split_any = true;
                assert_eq!(model, whole, "chunk {chunk}:\n{text}");
                assert_eq!(diags, whole_diags, "chunk {chunk}:\n{text}");
            }
        }
        split_any
    }

    #[test]
    fn large_files_lower_in_pieces_to_the_same_model() {
        let options = crate::load::LoadOptions::default();
        let root = env!("CARGO_MANIFEST_DIR");
        for file in [
            "tests/fixtures/formats/org.toml",
            "tests/fixtures/mixed/b-products.toml",
            "examples/orgs/exchange.toml",
            "examples/orgs/streaming/teams/creators.toml",
        ] {
            let text = std::fs::read_to_string(format!("{root}/{file}")).expect("read");
            assert!(
                same_lowered_in_pieces(&text, &options),
                "{file} was not split"
            );
        }
        // Problems of every kind, in items spread over the pieces.
        let broken = "version = 1\n[organization]\nname = \"A\"\n\
             [[teams]]\nid = \"a\"\nkind = \"squad\"\nextra = 1\n\
             [[teams]]\nname = \"no id\"\n\
             [[products]]\nid = \"p\"\nowner = 5\n\
             [[outcomes]]\nid = \"o\"\n\
             [[objectives]]\nid = \"q\"\n[[objectives.key_results]]\ntext = 7\n\
             [[decisions]]\narea = \"nothing\"\n\
             [[products]]\nid = \"p\"\n";
        assert!(same_lowered_in_pieces(broken, &options));
        // Sections in turn and back again keep each kind's order.
        let interleaved =
            "[[teams]]\nid = \"a\"\n[[products]]\nid = \"p\"\n[[teams]]\nid = \"b\"\n";
        assert!(same_lowered_in_pieces(interleaved, &options));
        // The rest of the operating-model document, sub-tables included,
        // with problems in the pieces.
        let document = "[[teams]]\nid = \"a\"\n[[teams.interactions]]\nwith = \"b\"\nmode = \"collaboration\"\n\
             [[teams.members]]\nname = \"Ana\"\nperson = \"ana\"\n\
             [[people]]\nid = \"ana\"\n[[people.allocations]]\nteam = \"a\"\nshare = 0.5\n\
             [[people.allocations]]\nteam = \"b\"\nshare = 1.5\n\
             [[lifecycle]]\nid = \"growth\"\nlead = \"pm\"\n\
             [[cadences]]\nid = \"qbr\"\nkind = \"review\"\nevery = \"quarterly\"\ncovers = [\"objectives\"]\n\
             [[teams]]\nid = \"b\"\n[[people]]\nid = \"bo\"\n";
        assert!(same_lowered_in_pieces(document, &options));
        // The per-file limit of problems and of entities, met in the last
        // section.
        let many: String = (0..30)
            .map(|i| format!("[[teams]]\nid = \"t{i}\"\nbad = {i}\n"))
            .collect();
        let limited = crate::load::LoadOptions {
            max_problems_per_file: 5,
            max_entities: 20,
            ..Default::default()
        };
        assert!(same_lowered_in_pieces(&many, &limited));
        // Not split: a section name that is no entity section, a section
        // set before the first header, a piece toml refuses.
        for text in [
            "[[teams]]\nid = \"a\"\n[[teamz]]\nid = \"b\"\n",
            "[[teams]]\nid = \"a\"\n[[version]]\n",
            "products = []\n[[teams]]\nid = \"a\"\n[[products]]\nid = \"p\"\n",
            "[[teams]]\nid = \"a\"\n[[teams]]\nid = \"b\"\nid = \"c\"\n",
        ] {
            let split =
                lower_in_pieces_of(text, crate::source::FileId::at(0), "org.toml", &options, 0);
            assert!(split.is_none(), "{text}");
        }
    }

    #[test]
    fn the_split_falls_back_on_shapes_it_could_get_wrong() {
        assert_eq!(chunks("[[teams]]\nid = 1\n", 0).map(|p| p.len()), Some(2));
        assert_eq!(
            chunks("a = 1\n[[teams]]\nid = 1\n[[teams]]\n", 0).map(|p| p.len()),
            Some(3)
        );
        assert!(chunks("[[teams]]\n[organization]\n", 0).is_none());
        assert!(chunks("[[teams]]\nd = \"\"\"x\"\"\"\n", 0).is_none());
        assert!(chunks("[organization]\nname = 1\n", 0).is_none());
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
