//! `unknown-reference`: a field names an id that no entity of the right kind has.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// A field that names another entity by an id that no entity has, or
    /// that belongs to an entity of the wrong kind (`owns` naming an outcome,
    /// `decides` naming a product). The message names the field and the
    /// missing id, and suggests the closest existing id.
    ///
    /// ### Why it matters
    /// A dangling reference is a relationship the organisation believes it
    /// has but does not: the owner named on a product is a team that was
    /// renamed, the decider of a budget was merged away.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: playback
    /// products:
    ///   - id: web-player
    ///     owner: playbak        # no entity has this id: did you mean `playback`?
    /// ```
    ///
    /// ### Fix
    /// Correct the id, or define the missing entity.
    pub struct UnknownReference;
    name: "unknown-reference",
    category: Integrity,
    level: Deny,
    summary: "a field names an id that no entity (of the kind the field expects) has",
    params: [],
}

impl Check for UnknownReference {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    /// Found while building the graph; see [`crate::graph`].
    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Sink) {}
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers};

    #[test]
    fn triggers() {
        let typo = "teams:\n  - id: playback\nproducts:\n  - id: web-player\n    owner: playbak\n";
        assert_triggers("unknown-reference", typo, &["web-player"]);
        let wrong_kind = "teams:\n  - id: playback\n    owns: [listening]\noutcomes:\n  - id: listening\n    statement: s\n";
        assert_triggers("unknown-reference", wrong_kind, &["playback"]);
        let bad_scope = "decisions:\n  - area: pricing\n    scope: nowhere\n";
        assert_triggers("unknown-reference", bad_scope, &["pricing@nowhere"]);
        let org_as_owner = "products:\n  - id: p\n    owner: organization\n";
        assert_triggers("unknown-reference", org_as_owner, &["p"]);
    }

    #[test]
    fn passes() {
        let good = "teams:\n  - id: music\n    kind: unit\n    parent: organization\n  - id: playback\n    parent: music\nproducts:\n  - id: web-player\n    owner: playback\ndecisions:\n  - area: pricing\n    scope: organization\n    decides: music\n    escalates_to: organization\n";
        assert_passes("unknown-reference", good);
    }
}
