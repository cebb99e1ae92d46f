//! `hierarchy-cycle`: a loop in `parent`, `part_of` or `supports` chains.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// A loop in a chain that must be a tree: team `parent`, product
    /// `part_of`, or outcome and objective `supports`. The finding is
    /// reported once per loop, on the member defined first, and names every
    /// member of the loop once, in chain order.
    ///
    /// ### Why it matters
    /// A loop has no top: nobody is accountable at the end of a `parent`
    /// chain, and no outcome sits at the end of a `supports` chain. The
    /// nearest-scope rule for decision rights cannot be applied either.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: music
    ///     parent: audio
    ///   - id: audio
    ///     parent: music         # music → audio → music
    /// ```
    ///
    /// ### Fix
    /// Decide which is the larger unit (or outcome) and point only the
    /// smaller one at it.
    pub struct HierarchyCycle;
    name: "hierarchy-cycle",
    category: Integrity,
    level: Deny,
    summary: "a loop in team `parent`, product `part_of` or outcome/objective `supports` chains",
    params: [],
}

impl Check for HierarchyCycle {
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
        assert_triggers(
            "hierarchy-cycle",
            "teams:\n  - id: a\n    parent: b\n  - id: b\n    parent: a\n",
            &["a"],
        );
        assert_triggers(
            "hierarchy-cycle",
            "teams:\n  - id: a\n    parent: a\n",
            &["a"],
        );
        assert_triggers(
            "hierarchy-cycle",
            "products:\n  - id: x\n    part_of: y\n  - id: y\n    part_of: z\n  - id: z\n    part_of: x\n",
            &["x"],
        );
        let goals = "outcomes:\n  - { id: o1, statement: s, supports: o2 }\n  - { id: o2, statement: s, supports: o1 }\n";
        assert_triggers("hierarchy-cycle", goals, &["o1"]);
    }

    #[test]
    fn passes() {
        assert_passes(
            "hierarchy-cycle",
            "teams:\n  - id: a\n    parent: organization\n  - id: b\n    parent: a\n",
        );
        // Two teams sharing a parent is a tree, not a loop.
        assert_passes(
            "hierarchy-cycle",
            "teams:\n  - id: u\n  - id: a\n    parent: u\n  - id: b\n    parent: u\n",
        );
    }
}
