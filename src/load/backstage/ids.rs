//! Ids for catalog entities and Backstage's entity reference grammar
//! `[kind:][namespace/]name`.

/// Most characters of an id (the org format's limit).
const MAX_ID: usize = 128;

/// The id of an entity `name` in `namespace`: the name lowercased, every
/// character outside `a-z0-9-_.` made `-`, `<namespace>.` in front outside
/// the `default` namespace, at most 128 characters.
pub(crate) fn base_id(namespace: &str, name: &str) -> String {
    let mut id = String::new();
    let namespace = namespace.trim();
    if !namespace.is_empty() && !namespace.eq_ignore_ascii_case("default") {
        push_clean(&mut id, namespace);
        id.push('.');
    }
    push_clean(&mut id, name.trim());
    id.chars().take(MAX_ID).collect()
}

fn push_clean(out: &mut String, text: &str) {
    for c in text.chars().flat_map(char::to_lowercase) {
        out.push(match c {
            'a'..='z' | '0'..='9' | '-' | '_' | '.' => c,
            _ => '-',
        });
    }
}

/// An entity reference as written: its kind (when given), namespace (when
/// given) and name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EntityName<'a> {
    /// The kind, lowercased, when the reference names one.
    pub kind: Option<String>,
    /// The namespace, when the reference names one.
    pub namespace: Option<&'a str>,
    /// The name.
    pub name: &'a str,
}

/// Splits a reference `[kind:][namespace/]name`.
pub(crate) fn parse_ref(text: &str) -> EntityName<'_> {
    let text = text.trim();
    let (kind, rest) = match text.split_once(':') {
        Some((kind, rest)) if !kind.is_empty() && !kind.contains('/') => {
            (Some(kind.trim().to_ascii_lowercase()), rest)
        }
        _ => (None, text),
    };
    let (namespace, name) = match rest.split_once('/') {
        Some((ns, name)) if !ns.is_empty() => (Some(ns.trim()), name.trim()),
        _ => (None, rest.trim()),
    };
    EntityName {
        kind,
        namespace,
        name,
    }
}

/// The key an entity is known by: kind, namespace and name, compared
/// without case, as Backstage compares references.
pub(crate) fn key(kind: &str, namespace: &str, name: &str) -> (String, String, String) {
    (
        kind.to_ascii_lowercase(),
        namespace.trim().to_lowercase(),
        name.trim().to_lowercase(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercased_cleaned_and_namespaced() {
        assert_eq!(base_id("default", "Artist-Lookup"), "artist-lookup");
        assert_eq!(base_id("Default", "a b/c"), "a-b-c");
        assert_eq!(base_id("payments", "ledger_v2.1"), "payments.ledger_v2.1");
        assert_eq!(base_id("", "x"), "x");
        assert_eq!(base_id("default", &"n".repeat(300)).len(), 128);
        assert_eq!(base_id("default", "Ünïcode"), "-n-code");
    }

    #[test]
    fn references_in_every_form() {
        let r = parse_ref("team-a");
        assert_eq!((r.kind, r.namespace, r.name), (None, None, "team-a"));
        let r = parse_ref("Group:team-a");
        assert_eq!(
            (r.kind.as_deref(), r.namespace, r.name),
            (Some("group"), None, "team-a")
        );
        let r = parse_ref("group:default/team-a");
        assert_eq!(
            (r.kind.as_deref(), r.namespace, r.name),
            (Some("group"), Some("default"), "team-a")
        );
        let r = parse_ref("ops/pager");
        assert_eq!((r.kind, r.namespace, r.name), (None, Some("ops"), "pager"));
        let r = parse_ref("");
        assert_eq!(r.name, "");
    }
}
