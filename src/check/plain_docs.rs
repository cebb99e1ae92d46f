//! Check docs as a person reads them in a terminal: rustdoc's link syntax taken out.
//!
//! The docs of a check are rustdoc first (so `cargo doc` links them), and the text of
//! `opmodel explain` second. In a terminal, "the classifier ([`crate::goal_style`])" or
//! "[`Team`](crate::model::Team)" is noise: a link to a Rust path means nothing to someone
//! writing org files.

/// `docs` with intra-doc links made plain: a parenthesised link to a Rust path,
/// ` ([`crate::goal_style`])`, is dropped; `` [`x`](path) `` and `` [`x`] `` become
/// `` `x` ``.
pub(crate) fn plain(docs: &str) -> String {
    let mut out = String::with_capacity(docs.len());
    let mut rest = docs;
    while let Some(open) = rest.find("[`") {
        let Some(close) = rest[open..].find("`]").map(|c| open + c) else {
            break;
        };
        let code = &rest[open + 1..close + 1]; // `x`, with its backquotes
        let after = &rest[close + 2..];
        // " ([`crate::…`])": a pointer for rustdoc readers only
        if rest[..open].ends_with(" (") && after.starts_with(')') && code.contains("::") {
            out.push_str(&rest[..open - 2]);
            rest = &after[1..];
            continue;
        }
        out.push_str(&rest[..open]);
        out.push_str(code);
        rest = after;
        // "(path)" right after the brackets is the link target
        if rest.starts_with('(')
            && let Some(end) = rest.find(')')
            && !rest[1..end].contains(char::is_whitespace)
        {
            rest = &rest[end + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn rustdoc_links_become_plain_code() {
        assert_eq!(
            plain("The classifier ([`crate::goal_style`]) decides."),
            "The classifier decides."
        );
        assert_eq!(
            plain("a [`Team`](crate::model::Team) with [`owns`]"),
            "a `Team` with `owns`"
        );
        assert_eq!(plain("no links, `code` (here)"), "no links, `code` (here)");
        assert_eq!(plain("half [`open"), "half [`open");
    }

    #[test]
    fn no_check_explains_itself_with_rustdoc_links() {
        for check in crate::check::registry::builtin() {
            let text = check.meta().explain();
            assert!(!text.contains("[`"), "{}: {text}", check.meta().name);
            assert!(!text.contains("crate::"), "{}: {text}", check.meta().name);
        }
    }

    #[test]
    fn every_parameter_is_explained_once() {
        let mut with_params = 0;
        for check in crate::check::registry::builtin() {
            let meta = check.meta();
            let text = meta.explain();
            let configuration = meta
                .docs
                .split_once("### Configuration")
                .map_or("", |(_, after)| after);
            for p in meta.params {
                with_params += 1;
                let in_docs = configuration.contains(&format!("`{}`", p.name));
                let listed = text.contains(&format!("- `{}` (default", p.name));
                // Explained by the docs' own section, or else listed.
                assert!(in_docs != listed, "{}: `{}`: {text}", meta.name, p.name);
            }
        }
        assert!(with_params > 3, "the built-in checks have parameters");
    }
}
