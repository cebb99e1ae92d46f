//! Fixes written in the syntax of the file they are for.
//!
//! Help texts show the fix as YAML, the format most org files use:
//! `write `version: 1``, `add `- { area: feature-set, scope: sso, decides:
//! identity }``. Pasted into a TOML file, that breaks it. A finding whose
//! place is in a TOML file has the YAML in its help's backquotes written
//! again as TOML (`version = 1`, `{ area = "feature-set", … }`); what is
//! not a YAML snippet (an id, a word, a sentence) is left as it is.

use std::borrow::Cow;

use crate::diagnostic::Diagnostic;
use crate::schema::{self, Type};
use crate::source::{FileId, Sources};

/// Which files of `sources` are TOML, by file index; empty when none is.
/// (One flag a file: a folder can hold a hundred thousand TOML files.)
pub(super) fn toml_files(sources: &Sources) -> Vec<bool> {
    let mut toml: Vec<bool> = Vec::new();
    for (id, f) in sources.iter() {
        if f.path()
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            if toml.len() <= id.index() {
                toml.resize(id.index() + 1, false);
            }
            toml[id.index()] = true;
        }
    }
    toml
}

/// Rewrites, in TOML, the YAML snippets of the help of `d` when it is shown
/// in a file `toml` (see [`toml_files`]) flags.
pub(super) fn reword_one(d: &mut Diagnostic, toml: &[bool]) {
    if toml.is_empty() {
        return;
    }
    let is_toml = |file: FileId| toml.get(file.index()).copied().unwrap_or(false);
    let in_toml = d.primary_location().is_some_and(|l| is_toml(l.file));
    if !in_toml {
        return;
    }
    if let Some(help) = d.help.as_deref()
        && let Some(rewritten) = as_toml(help)
    {
        d.help = Some(Cow::Owned(rewritten));
    }
}

/// `help` with its YAML snippets written as TOML; `None` when it has none.
fn as_toml(help: &str) -> Option<String> {
    let help = list_of_items(help);
    // A block list of items that are no flow tables (`- id: ...`) has no
    // one-line TOML form: the help is left as it is, not half rewritten.
    if matches!(help, Cow::Borrowed(_)) && help.contains(FOLLOWED) {
        return None;
    }
    let mut out = String::with_capacity(help.len() + 16);
    let mut changed = matches!(help, Cow::Owned(_));
    let mut rest = help.as_ref();
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else {
            break;
        };
        let snippet = &rest[open + 1..open + 1 + len];
        out.push_str(&rest[..=open]);
        match snippet_as_toml(snippet) {
            Some(toml) => {
                out.push_str(&toml);
                changed = true;
            }
            None => out.push_str(snippet),
        }
        out.push('`');
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Where a help writes a YAML block list: "`key:` followed by `- …` items".
const FOLLOWED: &str = ":` followed by `- ";

/// "`key:` followed by `- { … }` items" (a YAML block list) as one TOML
/// array: "`key = [{ … }]`".
fn list_of_items(help: &str) -> Cow<'_, str> {
    const ITEMS: &str = "` items";
    let Some(at) = help.find(FOLLOWED) else {
        return Cow::Borrowed(help);
    };
    let Some(key_start) = help[..at].rfind('`') else {
        return Cow::Borrowed(help);
    };
    let key = &help[key_start + 1..at];
    let item_start = at + FOLLOWED.len();
    let Some(item_len) = help[item_start..].find(ITEMS) else {
        return Cow::Borrowed(help);
    };
    let item = &help[item_start..item_start + item_len];
    if !item.trim_start().starts_with('{') {
        return Cow::Borrowed(help);
    }
    let (Some(key), Some(item)) = (field(key), flow(item, None)) else {
        return Cow::Borrowed(help);
    };
    Cow::Owned(format!(
        "{}`{key} = [{item}]`{}",
        &help[..key_start],
        &help[item_start + item_len + ITEMS.len()..]
    ))
}

/// One backquoted snippet as TOML, when it is YAML: `key: value`, a bare
/// `key:`, a flow table or a list item holding one.
fn snippet_as_toml(snippet: &str) -> Option<String> {
    let s = snippet.trim();
    // A placeholder (`[...]`) is for the reader to fill in, in any syntax.
    if s.contains("...") || s.contains('…') {
        return None;
    }
    if let Some(item) = s.strip_prefix("- ") {
        return item
            .trim_start()
            .starts_with('{')
            .then(|| flow(item, None))?;
    }
    if s.starts_with('{') {
        return flow(s, None);
    }
    let (key, value) = s.split_once(':')?;
    let key = field(key)?;
    let value = value.trim();
    if value.is_empty() {
        return Some(key.to_owned());
    }
    // `key:value` is no YAML mapping (a URL, a time).
    if !s[key.len() + 1..].starts_with(' ') {
        return None;
    }
    Some(format!("{key} = {}", flow(value, Some(key))?))
}

/// `key` when it is a field or section of an org file: only those are
/// rewritten, so that a user's own words quoted in a help (a metric
/// written `ratio: paid vs free`) stay as written.
fn field(key: &str) -> Option<&str> {
    fields().iter().any(|(name, _)| *name == key).then_some(key)
}

/// Whether the field `key` takes a number, which TOML writes bare.
fn takes_a_number(key: &str) -> bool {
    key == "version"
        || fields()
            .iter()
            .any(|(name, ty)| *name == key && matches!(ty, Type::Number | Type::Share))
}

/// Every field and section of an org file, with its type (sections have
/// none of their own: `Type::Text` stands in).
fn fields() -> &'static [(&'static str, Type)] {
    static FIELDS: std::sync::OnceLock<Vec<(&'static str, Type)>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        let tables = [
            &schema::ORGANIZATION,
            &schema::MEMBER,
            &schema::INTERACTION,
            &schema::ALLOCATION,
            &schema::PERSON,
            &schema::STAGE,
            &schema::CADENCE,
            &schema::TEAM,
            &schema::PRODUCT,
            &schema::OUTCOME,
            &schema::KEY_RESULT,
            &schema::OBJECTIVE,
            &schema::DECISION,
        ];
        let mut out: Vec<(&'static str, Type)> = tables
            .iter()
            .flat_map(|t| t.fields.iter().map(|f| (f.name, f.ty)))
            .collect();
        out.extend(schema::SECTIONS.iter().map(|s| (s.name, Type::Text)));
        out
    })
}

/// A YAML flow value (a scalar, `[…]`, `{ k: v, … }`) as TOML; `key` is
/// the field it is the value of, which says whether a number stays bare.
fn flow(text: &str, key: Option<&str>) -> Option<String> {
    let mut p = Flow {
        text: text.trim(),
        at: 0,
    };
    let value = p.value(0, key)?;
    p.space();
    (p.at == p.text.len()).then_some(value)
}

/// Reads a YAML flow value from `text`, from byte `at` on.
struct Flow<'a> {
    text: &'a str,
    at: usize,
}

impl Flow<'_> {
    /// How deep snippets nest; a help text's are two levels at most.
    const MAX_DEPTH: usize = 8;

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn space(&mut self) {
        while let Some(c) = self.peek().filter(|c| c.is_whitespace()) {
            self.at += c.len_utf8();
        }
    }

    fn eat(&mut self, c: char) -> bool {
        self.space();
        let found = self.peek() == Some(c);
        if found {
            self.at += c.len_utf8();
        }
        found
    }

    fn value(&mut self, depth: usize, key: Option<&str>) -> Option<String> {
        if depth > Self::MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            '[' => self.list(depth, key),
            '{' => self.table(depth),
            _ => self.scalar(key),
        }
    }

    fn list(&mut self, depth: usize, key: Option<&str>) -> Option<String> {
        self.eat('[');
        let mut items = Vec::new();
        if !self.eat(']') {
            loop {
                items.push(self.value(depth + 1, key)?);
                if self.eat(']') {
                    break;
                }
                if !self.eat(',') {
                    return None;
                }
            }
        }
        Some(format!("[{}]", items.join(", ")))
    }

    fn table(&mut self, depth: usize) -> Option<String> {
        self.eat('{');
        let mut fields = Vec::new();
        if !self.eat('}') {
            loop {
                self.space();
                let end = self.text[self.at..].find(':')?;
                let key = field(self.text[self.at..self.at + end].trim())?;
                self.at += end + 1;
                fields.push(format!("{key} = {}", self.value(depth + 1, Some(key))?));
                if self.eat('}') {
                    break;
                }
                if !self.eat(',') {
                    return None;
                }
            }
        }
        Some(format!("{{ {} }}", fields.join(", ")))
    }

    /// A plain or quoted scalar: a number of a field that takes one stays
    /// bare, the rest is a TOML string (an id such as `007` or `true`
    /// included).
    fn scalar(&mut self, key: Option<&str>) -> Option<String> {
        let rest = &self.text[self.at..];
        let (raw, len) = match rest.chars().next()? {
            quote @ ('"' | '\'') => {
                let close = rest[1..].find(quote)?;
                (&rest[1..=close], close + 2)
            }
            _ => {
                let len = rest.find([',', ']', '}']).unwrap_or(rest.len());
                let raw = rest[..len].trim();
                // A plain scalar holding `: ` is a block mapping, not a
                // flow value.
                if raw.contains(": ") || raw.starts_with("- ") {
                    return None;
                }
                (raw, len)
            }
        };
        self.at += len;
        if raw.is_empty() {
            return None;
        }
        if key.is_some_and(takes_a_number) && is_toml_number(raw) {
            return Some(raw.to_owned());
        }
        let mut quoted = String::with_capacity(raw.len() + 2);
        quoted.push('"');
        for c in raw.chars() {
            match c {
                '"' => quoted.push_str("\\\""),
                '\\' => quoted.push_str("\\\\"),
                c => quoted.push(c),
            }
        }
        quoted.push('"');
        Some(quoted)
    }
}

/// Whether TOML reads `raw` as a number as YAML does: no leading zero, no
/// exponent or trailing dot to tell apart.
fn is_toml_number(raw: &str) -> bool {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let whole_ok = whole == "0"
        || (!whole.is_empty()
            && !whole.starts_with('0')
            && whole.bytes().all(|b| b.is_ascii_digit()));
    whole_ok && fraction.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::as_toml;

    #[test]
    fn yaml_fixes_are_written_as_toml() {
        let cases = [
            ("write `version: 1`", "write `version = 1`"),
            ("write `baseline: 42`", "write `baseline = 42`"),
            (
                "write `interactions:` followed by `- { with: platform-core, mode: x-as-a-service }` items",
                "write `interactions = [{ with = \"platform-core\", mode = \"x-as-a-service\" }]`",
            ),
            (
                "who decides it (`- { area: feature-set, scope: sso, decides: identity }`)",
                "who decides it (`{ area = \"feature-set\", scope = \"sso\", decides = \"identity\" }`)",
            ),
            (
                "add `{ id: okr-review, kind: review, every: quarter, covers: [objectives] }` in `cadences`",
                "add `{ id = \"okr-review\", kind = \"review\", every = \"quarter\", covers = [\"objectives\"] }` in `cadences`",
            ),
            (
                "write `interactions: [{ with: identity, mode: x-as-a-service }]` on the teams",
                "write `interactions = [{ with = \"identity\", mode = \"x-as-a-service\" }]` on the teams",
            ),
            (
                "(`owns:` on the team or `owner:`/`contributors:` on a product)",
                "(`owns` on the team or `owner`/`contributors` on a product)",
            ),
            ("`share: 0.5`", "`share = 0.5`"),
            ("`title: \"Grow: fast\"`", "`title = \"Grow: fast\"`"),
            // An id that reads as a number or a boolean is still an id.
            ("`supports: 007`", "`supports = \"007\"`"),
            (
                "`outcomes: [007, true, 2.50]`",
                "`outcomes = [\"007\", \"true\", \"2.50\"]`",
            ),
            ("`baseline: 007`", "`baseline = \"007\"`"),
            (
                "`metric: split\u{a0}share`",
                "`metric = \"split\u{a0}share\"`",
            ),
        ];
        for (yaml, toml) in cases {
            assert_eq!(as_toml(yaml).as_deref(), Some(toml), "{yaml}");
        }
    }

    #[test]
    fn what_is_no_yaml_snippet_is_left_alone() {
        for help in [
            "did you mean `payments-team`?",
            "keep exactly one team in `decides` for `budget-allocation` at `web`",
            "see `https://example.com/a`",
            "at `10:30` every week",
            "an odd `{ unclosed` snippet and `- item`",
            "no snippets at all",
            "`a: [1, 2` broken",
            // A user's own words, a placeholder, a block item.
            "`ratio: paid vs free` is the measure",
            "add `outcomes: [...]` naming the outcomes",
            "write the item as `- id: ...`",
            "write `teams:` followed by `- id: ...` items",
            "`metric: split: [web,\u{a0}mobile]`",
        ] {
            assert_eq!(as_toml(help), None, "{help}");
        }
    }
}
