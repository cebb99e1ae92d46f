//! `invalid-entity`: an entity that is malformed.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// An entity that is malformed: a required field is missing (`id`, an
    /// outcome's `statement`, an objective's `title`, a decision's `area`
    /// and `scope`), a field has the wrong type, a field is unknown, a field
    /// is given twice, a word is not one of the allowed ones (`kind`,
    /// `funding`), an id breaks the id rule, or a key result has no text.
    ///
    /// A team `kind` from another org-design vocabulary gets the word
    /// opmodel uses: `tribe` suggests `unit`, `squad` suggests
    /// `stream-aligned`, and `chapter` or `guild` is named as no team that
    /// owns products. A field that is a near miss of `key_results` on an
    /// objective says that the objective has no key results until it is
    /// fixed (and `objective-without-key-results` is not reported for it).
    ///
    /// ### Why it matters
    /// A typo such as `ownr:` silently drops the information it carried, and
    /// every later check then reports the wrong thing. The entity is kept with
    /// what could be read, so references to it still resolve.
    ///
    /// ### Example
    /// ```yaml
    /// products:
    ///   - id: web-player
    ///     ownr: playback          # unknown field: did you mean `owner`?
    /// ```
    ///
    /// ### Fix
    /// Follow the message: it names the field, what was found and what was
    /// expected, with the closest known field or word.
    pub struct InvalidEntity;
    name: "invalid-entity",
    category: Integrity,
    level: Deny,
    summary: "a malformed entity: missing or unknown field, wrong type, bad id, empty key-result text",
    params: [],
}

impl Check for InvalidEntity {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    /// Found while loading; see [`crate::load`].
    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Sink) {}
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_load_passes, assert_load_triggers};
    use crate::load::Format;

    #[test]
    fn triggers() {
        let unknown_field = "products:\n  - id: web-player\n    ownr: playback\n";
        assert_load_triggers(
            "invalid-entity",
            unknown_field,
            Format::Yaml,
            &["web-player"],
        );
        let bad_id = "teams:\n  - id: Web Team\n";
        assert_load_triggers("invalid-entity", bad_id, Format::Yaml, &["Web Team"]);
        let wrong_type = "outcomes:\n  - id: o\n    statement: s\n    baseline: [1]\n";
        assert_load_triggers("invalid-entity", wrong_type, Format::Yaml, &["o"]);
        let empty_kr = "objectives:\n  - id: q3\n    title: t\n    key_results: ['']\n";
        assert_load_triggers("invalid-entity", empty_kr, Format::Yaml, &["q3#1"]);
        let missing_id = "teams:\n  - name: Playback\n";
        assert_load_triggers("invalid-entity", missing_id, Format::Yaml, &["teams[0]"]);
        let bad_kind = "teams:\n  - id: t\n    kind: squad\n";
        assert_load_triggers("invalid-entity", bad_kind, Format::Yaml, &["t"]);
    }

    #[test]
    fn passes() {
        let good = "teams:\n  - id: playback\n    kind: platform\n    members:\n      - { name: Ana, role: coach }\n";
        assert_load_passes("invalid-entity", good, Format::Yaml);
        let numbers_as_text = "objectives:\n  - id: q3\n    title: t\n    period: 2026\n    key_results: [Raise retention from 31% to 38%]\n";
        assert_load_passes("invalid-entity", numbers_as_text, Format::Yaml);
    }
}
