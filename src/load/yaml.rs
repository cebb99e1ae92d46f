//! YAML org files, read with `serde-saphyr` into a [`Node`] tree.
//!
//! saphyr has no document tree of its own, so a serde visitor builds one:
//! every value is read as a `Spanned<Tree>`, which gives the line and column
//! where saphyr met it, and every mapping key as a `Spanned<KeyText>`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{
    Budget, DuplicateKeyPolicy, Error as YamlError, Location, MessageFormatter,
    NonFiniteFloatPolicy, Options, Spanned, UserMessageFormatter,
};

use super::node::{Key, Node, ParseError, ParseLimits, Pos, Value};

/// Parses one YAML document into a tree of nodes with positions.
pub(crate) fn parse(text: &str, limits: &ParseLimits) -> Result<Node, ParseError> {
    let stack = limits.parser_stack();
    // On a worker made with a big enough stack (folders), parse right here.
    if crate::parallel::known_stack() >= stack {
        return parse_here(text, limits);
    }
    std::thread::scope(|scope| {
        let worker = std::thread::Builder::new()
            .name("opmodel-yaml".to_owned())
            .stack_size(stack)
            .spawn_scoped(scope, || parse_here(text, limits));
        match worker {
            Ok(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(ParseError::new("the YAML parser failed", Pos::UNKNOWN))),
            // No thread with that stack to be had: parsing here could overflow this
            // thread's stack and abort the process, so say so instead.
            Err(_) => Err(ParseError::new(
                format!(
                    "cannot parse YAML nested up to {} levels: no thread with a {} MiB stack could be made; lower the nesting limit (`--max-depth`)",
                    limits.max_depth,
                    stack >> 20
                ),
                Pos::UNKNOWN,
            )),
        }
    })
}

/// [`parse`] on the current thread.
fn parse_here(text: &str, limits: &ParseLimits) -> Result<Node, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let state = StateScope::start(limits.max_depth, text);
    let parsed: Result<Option<Spanned<Tree>>, YamlError> =
        serde_saphyr::from_str_with_options(text, options(text, limits));
    match parsed {
        Ok(Some(root)) => {
            let mut root = node_of(root);
            let candidates = state.take_big_candidates();
            if !candidates.is_empty() {
                let candidates = candidates
                    .into_iter()
                    .map(|(pos, start, len)| (pos, (start, len)))
                    .collect();
                restore_big_ints(&mut root, text, &candidates);
            }
            Ok(root)
        }
        Ok(None) => Ok(Node::new(Value::Null, Pos::new(1, 1))),
        Err(err) => Err(with_tab_position(to_parse_error(&err, limits), text)),
    }
}

/// saphyr's options for one file. The budget guards against hostile input:
/// nesting depth and alias expansion come from `limits`; the counts of
/// events, nodes and bytes scale with the input so that large honest files
/// (100 MB) are not refused, while alias replay stays bounded.
fn options(text: &str, limits: &ParseLimits) -> Options {
    let len = text.len();
    let mut budget = Budget::default();
    budget.max_depth = limits.max_depth;
    budget.flow_nesting_limit = budget
        .flow_nesting_limit
        .max(limits.max_depth.saturating_add(1));
    // Every node is at least one byte ("-" or a scalar), plus the document.
    let generous = len.saturating_mul(2).saturating_add(1024);
    // saphyr counts the nodes replayed by aliases against these budgets too;
    // leaving room for the replay limit makes that limit (with its clear
    // message) the one an alias bomb runs into.
    let replayable = generous.saturating_add(limits.max_alias_expansion);
    budget.max_events = budget.max_events.max(replayable);
    budget.max_nodes = budget.max_nodes.max(replayable);
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(generous);
    // saphyr copies an anchor's recorded events at every alias to it, before
    // the replay limit sees them: a "billion laughs" file made it copy
    // hundreds of millions of events (10 s and more). A recording longer
    // than the file plus the replay limit could never be replayed anyway.
    budget.max_recorded_anchor_events = budget.max_recorded_anchor_events.min(replayable);
    budget.max_aliases = budget.max_aliases.max(len / 2);
    budget.max_anchors = budget.max_anchors.max(len / 2);
    budget.max_documents = 2;
    // The replay limit below bounds alias expansion; the ratio heuristic
    // would refuse honest files that reuse one anchor many times.
    budget.enforce_alias_anchor_ratio = false;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = limits.max_alias_expansion;
    // Keep repeated keys so that lowering reports them with both places.
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    // YAML 1.2: only true/false are booleans; `no` stays the string "no".
    options.strict_booleans = true;
    options.non_finite_float_policy = NonFiniteFloatPolicy::PassThrough;
    // We report one-line messages ourselves; no source snippets.
    options.with_snippet = false;
    options
}

/// Converts a saphyr location (1-based, characters; 0 when unknown).
fn pos_of(location: Location) -> Pos {
    let line = u32::try_from(location.line()).unwrap_or(u32::MAX);
    let column = u32::try_from(location.column()).unwrap_or(u32::MAX);
    Pos::new(line, column)
}

/// A one-line message and the position of a saphyr error.
fn to_parse_error(err: &YamlError, limits: &ParseLimits) -> ParseError {
    let err = err.without_snippet();
    let pos = err.location().map_or(Pos::UNKNOWN, pos_of);
    let message = match innermost(err) {
        YamlError::MultipleDocuments { .. }
        | YamlError::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => format!(
            "a file holds one YAML document; found a second at line {}",
            pos.line
        ),
        YamlError::Budget {
            breach: BudgetBreach::Depth { .. },
            ..
        } => depth_message(limits.max_depth),
        // The parser's own caps on what one anchor records, and on nodes
        // and events, sit at or above the replay limit when it is
        // ordinary; a replay limit raised past them is not what stopped
        // the file, and naming it ("more than 18446744073709551615
        // values") would say the impossible.
        YamlError::Budget {
            breach:
                BudgetBreach::RecordedAnchorEvents {
                    recorded_anchor_events: seen,
                }
                | BudgetBreach::Nodes { nodes: seen }
                | BudgetBreach::Events { events: seen },
            ..
        } if seen.saturating_sub(1) < limits.max_alias_expansion => format!(
            "aliases expand to more than {} values, the most the YAML parser holds for this file whatever the alias limit",
            seen.saturating_sub(1)
        ),
        YamlError::AliasReplayLimitExceeded { .. }
        | YamlError::AliasExpansionLimitExceeded { .. }
        | YamlError::AliasReplayStackDepthExceeded { .. }
        | YamlError::Budget {
            breach:
                BudgetBreach::Aliases { .. }
                | BudgetBreach::AliasAnchorRatio { .. }
                | BudgetBreach::RecordedAnchorEvents { .. }
                | BudgetBreach::RecordedAnchorBytes { .. },
            ..
        }
        // Our node and event budgets sit above the replay limit, so only
        // alias replay can breach them.
        | YamlError::Budget {
            breach: BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. },
            ..
        } => format!(
            "aliases expand to more than {} values",
            limits.max_alias_expansion
        ),
        YamlError::Budget {
            breach: BudgetBreach::ScalarBytes { total_scalar_bytes },
            ..
        } => format!("aliases expand to more than {total_scalar_bytes} bytes of text"),
        other => {
            let message = tidy(&UserMessageFormatter.format_message(other));
            // The scanner's own nesting guard (flow collections).
            if message.contains("recursion limit") || message.contains("nesting limit") {
                depth_message(limits.max_depth)
            } else {
                message
            }
        }
    };
    ParseError::new(message, pos)
}

/// saphyr reports a tab used for indentation at the start of the scalar
/// before it ("while scanning a plain scalar, found a tab"), a line or more
/// above the tab, which sends people to the wrong place. Point at the first
/// indenting tab from the reported line on and say what is wrong.
fn with_tab_position(mut error: ParseError, text: &str) -> ParseError {
    if !error.message.contains("tab") {
        return error;
    }
    let first = usize::try_from(error.pos.line.max(1)).unwrap_or(usize::MAX) - 1;
    for (index, line) in text.split('\n').enumerate().skip(first) {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(column) = line[..indent].find('\t') {
            let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
            let column = u32::try_from(column + 1).unwrap_or(u32::MAX);
            error.message = "a tab indents this line; YAML indents with spaces only".to_owned();
            error.pos = Pos::new(line_no, column);
            break;
        }
    }
    error
}

/// The error inside any alias or snippet wrappers.
fn innermost(mut err: &YamlError) -> &YamlError {
    while let YamlError::AliasError { error, .. } | YamlError::WithSnippet { error, .. } = err {
        err = error;
    }
    err
}

/// Makes a library message fit our style: its first line only, no control
/// characters, a lowercase start and no trailing period.
fn tidy(message: &str) -> String {
    let line = message.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().filter(|c| !c.is_control()).collect();
    while out.ends_with('.') {
        out.pop();
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && !chars.next().is_some_and(char::is_uppercase) => {
            first
                .to_lowercase()
                .chain(chars_after_first(&out))
                .collect()
        }
        Some(_) => out,
        None => "invalid YAML".to_owned(),
    }
}

/// `text` without its first character.
fn chars_after_first(text: &str) -> std::str::Chars<'_> {
    let mut chars = text.chars();
    chars.next();
    chars
}

/// The message for input nested deeper than the limit.
fn depth_message(max_depth: usize) -> String {
    format!("nesting deeper than {max_depth} levels")
}

/// Per-parse state the visitor needs. `Spanned<T>` calls `T::deserialize`
/// with no room for state of ours, so it lives in a thread local; each parse
/// runs on its own thread (see [`parse`]).
struct State {
    /// Lists and tables entered and not yet left.
    depth: usize,
    /// `ParseLimits::max_depth`. saphyr's depth budget alone does not see
    /// nesting built by replaying aliases.
    limit: usize,
    /// Floats that may be integers too big for `i64` (saphyr hands those
    /// over as `f64`): where they start and their byte range in the text.
    big_candidates: Vec<(Pos, usize, usize)>,
    /// Set by `visit_f64` when it sees such a float, so the next `Spanned`
    /// wrapper around it records its span.
    saw_big_float: bool,
    /// The character offset where each line starts: saphyr gives a value's
    /// span as a character offset and length, and this turns its end into
    /// a line and column. `u32`: saphyr's spans are `u32` too.
    line_chars: Vec<u32>,
}

thread_local! {
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            depth: 0,
            limit: usize::MAX,
            big_candidates: Vec::new(),
            saw_big_float: false,
            line_chars: Vec::new(),
        })
    };
}

/// Resets the state for one parse and clears it again afterwards.
struct StateScope;

impl StateScope {
    fn start(limit: usize, text: &str) -> Self {
        let mut line_chars = Vec::with_capacity(text.len() / 32 + 1);
        line_chars.push(0);
        let mut chars = 0u32;
        for c in text.chars() {
            chars = chars.saturating_add(1);
            if c == '\n' {
                line_chars.push(chars);
            }
        }
        STATE.with_borrow_mut(|state| {
            state.depth = 0;
            state.limit = limit;
            state.big_candidates.clear();
            state.saw_big_float = false;
            state.line_chars = line_chars;
        });
        StateScope
    }

    /// The recorded big-integer candidates, taken out of the state.
    fn take_big_candidates(&self) -> Vec<(Pos, usize, usize)> {
        STATE.with_borrow_mut(|state| std::mem::take(&mut state.big_candidates))
    }
}

impl Drop for StateScope {
    fn drop(&mut self) {
        STATE.with_borrow_mut(|state| {
            state.limit = usize::MAX;
            state.big_candidates = Vec::new();
            state.line_chars = Vec::new();
        });
    }
}

/// One level of list or table nesting; leaving it (by drop) steps back out.
struct Level;

impl Level {
    fn enter<E: de::Error>() -> Result<Self, E> {
        STATE.with_borrow_mut(|state| {
            if state.depth >= state.limit {
                Err(E::custom(depth_message(state.limit)))
            } else {
                state.depth += 1;
                Ok(Level)
            }
        })
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        STATE.with_borrow_mut(|state| state.depth = state.depth.saturating_sub(1));
    }
}

/// Just past the end of what `location` spans, [`Pos::UNKNOWN`] when saphyr
/// gave no length. A span that ends with its line break (a block scalar)
/// ends at the end of that line instead of the start of the next.
fn end_of(location: Location) -> Pos {
    let span = location.span();
    if span.is_empty() || span.offset() >= u64::from(u32::MAX) || span.len() >= u64::from(u32::MAX)
    {
        return Pos::UNKNOWN;
    }
    let Ok(end) = u32::try_from(span.offset().saturating_add(span.len())) else {
        return Pos::UNKNOWN;
    };
    STATE.with_borrow(|state| {
        let lines = &state.line_chars;
        let mut line = lines.partition_point(|&start| start <= end);
        let start_line = usize::try_from(location.line()).unwrap_or(usize::MAX);
        let end = end as usize;
        let line_start = |line: usize| lines.get(line.wrapping_sub(1)).map_or(0, |&c| c as usize);
        let mut column = end - line_start(line) + 1;
        if column == 1 && line > start_line.max(1) {
            // Back over the line break: to just past the last character of
            // the line before (a `\r` before it counts as a character).
            line -= 1;
            column = end.saturating_sub(line_start(line)).max(1);
        }
        Pos::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    })
}

/// Builds a node from a spanned value, noting the span of a float that may
/// be a big integer so that [`restore_big_ints`] can look at its text.
fn node_of(spanned: Spanned<Tree>) -> Node {
    let pos = pos_of(spanned.referenced);
    if matches!(spanned.value.0, Value::Float(_)) {
        STATE.with_borrow_mut(|state| {
            if std::mem::take(&mut state.saw_big_float) {
                let span = spanned.referenced.span();
                if let (Some(start), Some(len)) = (span.byte_offset(), span.byte_len())
                    && let (Ok(start), Ok(len)) = (usize::try_from(start), usize::try_from(len))
                {
                    state.big_candidates.push((pos, start, len));
                }
            }
        });
    }
    let end = end_of(spanned.referenced);
    Node::spanning(spanned.value.0, pos, end)
}

/// Turns floats written as plain decimal integers (too big for `i64`, so
/// saphyr made them `f64`) back into [`Value::BigInt`] with their digits.
fn restore_big_ints(node: &mut Node, text: &str, candidates: &HashMap<Pos, (usize, usize)>) {
    match &mut node.value {
        Value::Float(_) => {
            let Some(&(start, len)) = candidates.get(&node.pos) else {
                return;
            };
            let literal = start
                .checked_add(len)
                .and_then(|end| text.get(start..end))
                .map(str::trim);
            if let Some(literal) = literal
                && is_decimal_integer(literal)
            {
                let digits = literal.strip_prefix('+').unwrap_or(literal);
                node.value = Value::BigInt(digits.to_owned());
            }
        }
        Value::Seq(items) => {
            for item in items {
                restore_big_ints(item, text, candidates);
            }
        }
        Value::Map(entries) => {
            for (_, value) in entries {
                restore_big_ints(value, text, candidates);
            }
        }
        _ => {}
    }
}

/// `[-+]?[0-9]+`: YAML 1.2's plain decimal integer.
fn is_decimal_integer(literal: &str) -> bool {
    let digits = literal.strip_prefix(['-', '+']).unwrap_or(literal);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A value without its own position (the `Spanned` around it has it).
struct Tree(Value);

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TreeVisitor).map(Tree)
    }
}

/// Builds a [`Value`] from whatever saphyr found.
struct TreeVisitor;

/// The largest number of items reserved up front from a size hint.
const MAX_PRESIZE: usize = 1024;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| Value::BigInt(v.to_string()), Value::Int))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| Value::BigInt(v.to_string()), Value::Int))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or_else(|_| Value::BigInt(v.to_string()), Value::Int))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // Outside i64's range and whole: perhaps written as a long integer.
        if v.fract() == 0.0 && !(-9.2e18..=9.2e18).contains(&v) {
            STATE.with_borrow_mut(|state| state.saw_big_float = true);
        }
        Ok(Value::Float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        // `!!binary` data; our files have no use for it beyond a message.
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Value, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let _level = Level::enter()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(MAX_PRESIZE));
        while let Some(item) = seq.next_element::<Spanned<Tree>>()? {
            items.push(node_of(item));
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let _level = Level::enter()?;
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(MAX_PRESIZE));
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let value = map.next_value::<Spanned<Tree>>()?;
            let key = Key {
                name: key.value.0,
                pos: pos_of(key.referenced),
                end: end_of(key.referenced),
            };
            entries.push((key, node_of(value)));
        }
        Ok(Value::Map(entries))
    }
}

/// A mapping key as written (`1:` gives "1", `on:` gives "on").
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_string(KeyVisitor).map(KeyText)
    }
}

/// Accepts any scalar key as text; lists and tables as keys are refused.
struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a plain key")
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_f64<E>(self, v: f64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_unit<E>(self) -> Result<String, E> {
        Ok(String::new())
    }

    fn visit_none<E>(self) -> Result<String, E> {
        Ok(String::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> ParseLimits {
        ParseLimits::default()
    }

    fn ok(text: &str) -> Node {
        parse(text, &limits()).expect("parses")
    }

    fn err(text: &str) -> ParseError {
        parse(text, &limits()).expect_err("fails")
    }

    /// The entry `name` of a map node.
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
version: 1
organization:
  name: Acme Music
teams:
  - id: music
    kind: unit
  - id: playback
    parent: music
    owns: [web-player]
    members:
      - { name: Ana, role: product-manager }
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
        // `  - id: playback`: the mapping starts at `id`.
        assert_eq!(teams[1].pos, Pos::new(7, 5));
        let Value::Map(entries) = &teams[1].value else {
            panic!("team is a map");
        };
        let names: Vec<_> = entries.iter().map(|(k, _)| k.name.as_str()).collect();
        assert_eq!(names, ["id", "parent", "owns", "members"]);
        assert_eq!(entries[1].0.pos, Pos::new(8, 5));
        assert_eq!(entries[1].1.pos, Pos::new(8, 13));
        let owns = items(get(&teams[1], "owns"));
        assert_eq!(owns[0].value, Value::Str("web-player".into()));
        assert_eq!(owns[0].pos, Pos::new(9, 12));
        let member = &items(get(&teams[1], "members"))[0];
        assert_eq!(get(member, "role").pos, Pos::new(11, 28));
    }

    #[test]
    fn values_and_keys_end_just_past_their_last_character() {
        let text = "a: booking portal   # comment\nb: \"Keep p95 …\"\nc: [x y, z]\nd: |\n  one\n  two\ne: é ü\n";
        let root = ok(text);
        let span = |n: &Node| (n.pos.line, n.pos.column, n.end.line, n.end.column);
        assert_eq!(span(get(&root, "a")), (1, 4, 1, 18));
        // Quotes are part of the value as written; columns count characters.
        assert_eq!(span(get(&root, "b")), (2, 4, 2, 16));
        let c = items(get(&root, "c"));
        assert_eq!(span(&c[0]), (3, 5, 3, 8));
        assert_eq!(span(&c[1]), (3, 10, 3, 11));
        // A block scalar ends at the end of its last line, not on the next.
        let d = get(&root, "d");
        assert_eq!((d.pos.line, d.end.line, d.end.column), (5, 6, 6));
        assert_eq!(span(get(&root, "e")), (7, 4, 7, 7));
        let Value::Map(entries) = &root.value else {
            panic!("a map");
        };
        assert_eq!(
            (entries[1].0.pos, entries[1].0.end),
            (Pos::new(2, 1), Pos::new(2, 2))
        );
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let root = ok("a: 1\na: 2\n");
        let Value::Map(entries) = root.value else {
            panic!("map");
        };
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].0.pos, Pos::new(2, 1));
    }

    #[test]
    fn scalars_follow_yaml_1_2() {
        let root = ok("a: no\nb: true\nc: 2.5\nd: ~\ne: 2026-Q3\n'on': 1\n");
        assert_eq!(get(&root, "a").value, Value::Str("no".into()));
        assert_eq!(get(&root, "b").value, Value::Bool(true));
        assert_eq!(get(&root, "c").value, Value::Float(2.5));
        assert_eq!(get(&root, "d").value, Value::Null);
        assert_eq!(get(&root, "e").value, Value::Str("2026-Q3".into()));
        assert_eq!(get(&root, "on").value, Value::Int(1));
    }

    #[test]
    fn big_integers_keep_their_digits() {
        let root = ok("- 18446744073709551615\n- -99999999999999999999\n- 1.5e30\n- 7\n");
        let list = items(&root);
        assert_eq!(list[0].value, Value::BigInt("18446744073709551615".into()));
        assert_eq!(list[1].value, Value::BigInt("-99999999999999999999".into()));
        assert_eq!(list[2].value, Value::Float(1.5e30));
        assert_eq!(list[3].value, Value::Int(7));
    }

    #[test]
    fn empty_documents_are_null() {
        for text in ["", "\n\n", "# only a comment\n", "\u{feff}"] {
            assert_eq!(ok(text), Node::new(Value::Null, Pos::new(1, 1)), "{text:?}");
        }
    }

    #[test]
    fn leading_bom_is_accepted() {
        let root = ok("\u{feff}a: 1\n");
        assert_eq!(get(&root, "a").pos, Pos::new(1, 4));
    }

    #[test]
    fn second_document_is_an_error() {
        let e = err("a: 1\n---\nb: 2\n");
        assert_eq!(
            e.message,
            "a file holds one YAML document; found a second at line 3"
        );
        assert_eq!(e.pos.line, 3);
    }

    #[test]
    fn syntax_errors_have_line_and_short_message() {
        let cases = [
            ("a: 1\nb:\n\tc: 1\n", 3),  // tab indentation
            ("a: 1\nb: *nowhere\n", 2), // unknown alias
            ("a: 1\nb: &\n", 2),        // bad anchor
            ("a: 1\nb: [1, 2\n", 2),    // unclosed flow list
            ("a: 1\nb: c: d\n", 2),     // mapping in a plain scalar
            ("a: 1\nb: \"\\q\"\n", 2),  // bad escape
        ];
        for (text, line) in cases {
            let e = err(text);
            assert_eq!(e.pos.line, line, "{text:?}: {e:?}");
            assert!(e.pos.column > 0, "{e:?}");
            assert!(
                !e.message.contains('\n') && !e.message.ends_with('.'),
                "{e:?}"
            );
            assert!(!e.message.starts_with(char::is_uppercase), "{e:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut block = String::new();
        for i in 0..200 {
            block.push_str(&" ".repeat(i));
            block.push_str("a:\n");
        }
        let flow = "[".repeat(10_000) + &"]".repeat(10_000);
        for text in [block, flow] {
            let e = err(&text);
            assert_eq!(e.message, "nesting deeper than 64 levels");
            assert!(e.pos.line > 0);
        }
        // 64 levels are fine.
        ok(&("[".repeat(64) + &"]".repeat(64)));
        // A raised limit is honoured.
        let deeper = ParseLimits {
            max_depth: 300,
            ..ParseLimits::default()
        };
        parse(&("[".repeat(250) + &"]".repeat(250)), &deeper).expect("within 300");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            let prev = format!("*a{}", i - 1);
            let list = [prev.as_str(); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{list}]\n"));
        }
        let e = err(&text);
        assert_eq!(e.message, "aliases expand to more than 100000 values");
        // Ordinary aliases work.
        let root = ok("base: &b {kind: unit}\nother: *b\n");
        assert_eq!(
            get(get(&root, "other"), "kind").value,
            Value::Str("unit".into())
        );
    }

    #[test]
    fn control_characters_and_nul_do_not_panic() {
        for text in [
            "\0",
            "a: \u{1}\n",
            "\u{7f}: x",
            "a: \"\\0\"\n",
            "- \r\n- x\r\n",
        ] {
            let _ = parse(text, &limits());
        }
    }

    #[test]
    fn pseudo_random_input_never_panics() {
        const ALPHABET: &[u8] = b"ab1 -:\n\t[]{},&*!|>'\"#?%@`~.\\\0\xc3\xa9";
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..300 {
            let mut bytes = Vec::new();
            state = lcg(state);
            let len = (state >> 33) % 64;
            for _ in 0..len {
                state = lcg(state);
                bytes.push(ALPHABET[((state >> 33) % ALPHABET.len() as u64) as usize]);
            }
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse(&text, &limits());
        }
    }

    fn lcg(state: u64) -> u64 {
        state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407)
    }
}
