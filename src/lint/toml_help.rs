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
use crate::source::{FileId, Sources};

/// Rewrites, in TOML, the YAML snippets of the help of each finding that is
/// shown in a TOML file of `sources`.
pub(super) fn reword(found: &mut [Diagnostic], sources: &Sources) {
    let toml: Vec<FileId> = sources
        .iter()
        .filter(|(_, f)| {
            f.path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .map(|(id, _)| id)
        .collect();
    if toml.is_empty() {
        return;
    }
    for d in found {
        let in_toml = d.primary_location().is_some_and(|l| toml.contains(&l.file));
        if !in_toml {
            continue;
        }
        if let Some(help) = d.help.as_deref()
            && let Some(rewritten) = as_toml(help)
        {
            d.help = Some(Cow::Owned(rewritten));
        }
    }
}

/// `help` with its YAML snippets written as TOML; `None` when it has none.
fn as_toml(help: &str) -> Option<String> {
    let help = list_of_items(help);
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

/// "`key:` followed by `- { … }` items" (a YAML block list) as one TOML
/// array: "`key = [{ … }]`".
fn list_of_items(help: &str) -> Cow<'_, str> {
    const FOLLOWED: &str = ":` followed by `- ";
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
    let (Some(key), Some(item)) = (plain_key(key), flow(item)) else {
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
    if let Some(item) = s.strip_prefix("- ") {
        return item.trim_start().starts_with('{').then(|| flow(item))?;
    }
    if s.starts_with('{') {
        return flow(s);
    }
    let (key, value) = s.split_once(':')?;
    let key = plain_key(key)?;
    let value = value.trim();
    if value.is_empty() {
        return Some(key.to_owned());
    }
    // `key:value` is no YAML mapping (a URL, a time).
    if !s[key.len() + 1..].starts_with(' ') {
        return None;
    }
    Some(format!("{key} = {}", flow(value)?))
}

/// A field name as YAML and TOML both write it bare.
fn plain_key(key: &str) -> Option<&str> {
    let mut chars = key.chars();
    let first = chars.next()?;
    (first.is_ascii_lowercase()
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-')))
    .then_some(key)
}

/// A YAML flow value (a scalar, `[…]`, `{ k: v, … }`) as TOML.
fn flow(text: &str) -> Option<String> {
    let mut p = Flow {
        text: text.trim(),
        at: 0,
    };
    let value = p.value(0)?;
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
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
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

    fn value(&mut self, depth: usize) -> Option<String> {
        if depth > Self::MAX_DEPTH {
            return None;
        }
        self.space();
        match self.peek()? {
            '[' => self.list(depth),
            '{' => self.table(depth),
            _ => self.scalar(),
        }
    }

    fn list(&mut self, depth: usize) -> Option<String> {
        self.eat('[');
        let mut items = Vec::new();
        if !self.eat(']') {
            loop {
                items.push(self.value(depth + 1)?);
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
                let key = plain_key(self.text[self.at..self.at + end].trim())?.to_owned();
                self.at += end + 1;
                fields.push(format!("{key} = {}", self.value(depth + 1)?));
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

    /// A plain or quoted scalar: numbers and booleans stay bare, the rest
    /// is a TOML string.
    fn scalar(&mut self) -> Option<String> {
        let rest = &self.text[self.at..];
        let (raw, len) = match rest.chars().next()? {
            quote @ ('"' | '\'') => {
                let close = rest[1..].find(quote)?;
                (&rest[1..=close], close + 2)
            }
            _ => {
                let len = rest.find([',', ']', '}']).unwrap_or(rest.len());
                (rest[..len].trim(), len)
            }
        };
        self.at += len;
        if raw.is_empty() {
            return None;
        }
        let bare = raw == "true" || raw == "false" || raw.parse::<f64>().is_ok_and(f64::is_finite);
        if bare {
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
        ] {
            assert_eq!(as_toml(help), None, "{help}");
        }
    }
}
