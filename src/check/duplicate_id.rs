//! `duplicate-id`: two entities share an id.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// Two entities with the same id, in one file or across files, of the
    /// same kind or not: all kinds share one namespace. Both places are
    /// shown; the first definition (by file path, then position) is the one
    /// references resolve to. Also an entity that uses the reserved id
    /// `organization`.
    ///
    /// One root cause is one finding: a copied objective is reported once,
    /// not again for each of its key results whose id is made from the
    /// objective's (`q3#1`); and a reference that meets the other
    /// definition (a team's `owns: [billing]` when a team is `billing` too)
    /// is not also an `unknown-reference`, nor the product an
    /// `orphaned-product` and the team an `idle-team`.
    ///
    /// ### Why it matters
    /// References become ambiguous: "owned by `payments`" may mean the team
    /// or the product, and a folder of org files merged from several teams
    /// easily defines the same team twice with different facts.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: payments
    /// products:
    ///   - id: payments          # already used by the team
    /// ```
    ///
    /// ### Fix
    /// Rename one of the two (`payments-team`, `payments-api`), or delete the
    /// copy.
    pub struct DuplicateId;
    name: "duplicate-id",
    category: Integrity,
    level: Deny,
    summary: "two entities share an id (both places are shown)",
    params: [],
}

impl Check for DuplicateId {
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
        assert_triggers("duplicate-id", "teams:\n  - id: a\n  - id: a\n", &["a"]);
        assert_triggers(
            "duplicate-id",
            "teams:\n  - id: a\nproducts:\n  - id: a\n",
            &["a"],
        );
        assert_triggers(
            "duplicate-id",
            "teams:\n  - id: organization\n",
            &["organization"],
        );
        let kr = "objectives:\n  - id: o\n    title: t\n    key_results:\n      - { id: k, text: x }\n      - { id: k, text: y }\n";
        assert_triggers("duplicate-id", kr, &["k"]);
    }

    #[test]
    fn passes() {
        assert_passes("duplicate-id", "teams:\n  - id: a\n  - id: b\n");
        // Decisions have no id of their own: two entries for one area and scope are a different check.
        let decisions = "teams:\n  - id: a\ndecisions:\n  - { area: pricing, scope: organization, decides: a }\n  - { area: pricing, scope: organization, decides: a }\n";
        assert_passes("duplicate-id", decisions);
    }
}
