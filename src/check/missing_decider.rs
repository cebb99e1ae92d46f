//! `missing-decider`: a decision right with no `decides`.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// A decision right whose `decides` is absent or empty: the area and
    /// scope are written down, perhaps with people who recommend, agree or
    /// are consulted, but nobody makes the call.
    ///
    /// A `decides` that names only ids that do not resolve to a team is not
    /// reported here: the author did name a decider, and `unknown-reference`
    /// already points at the wrong id.
    ///
    /// ### Why it matters
    /// A decision without a decider is made by whoever pushes hardest, or
    /// not at all: every party can block and none can close. Writing the
    /// right down without a decider gives the feeling of clarity without
    /// the substance.
    ///
    /// ### Example
    /// ```yaml
    /// decisions:
    ///   - area: pricing
    ///     scope: organization
    ///     recommends: [growth]
    ///     consulted: [finance]   # but who decides?
    /// ```
    ///
    /// ### Fix
    /// Name exactly one deciding team:
    /// ```yaml
    /// decisions:
    ///   - area: pricing
    ///     scope: organization
    ///     decides: commercial
    ///     recommends: [growth]
    ///     consulted: [finance]
    /// ```
    pub struct MissingDecider;
    name: "missing-decider",
    category: DecisionRights,
    level: Deny,
    summary: "a decision right with no `decides`",
    params: [],
}

impl Check for MissingDecider {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for d in &cx.model().decisions {
            if !d.decides.is_empty() {
                continue;
            }
            let id = d.id();
            let message = format!("decision right `{id}` names no deciding team");
            let help = format!(
                "name exactly one team with `decides:` (the team that makes the call on `{}` for `{}`)",
                d.area, d.scope.id
            );
            out.push(
                Diagnostic::new(
                    self.meta().name,
                    EntityRef::new(EntityKind::Decision, id),
                    message,
                )
                .with_help(help)
                .at(d.location),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "missing-decider";

    #[test]
    fn triggers() {
        let absent = "teams:\n  - id: growth\ndecisions:\n  - area: pricing\n    scope: organization\n    recommends: [growth]\n";
        assert_triggers(NAME, absent, &["pricing@organization"]);
        let empty = "teams:\n  - id: a\nproducts:\n  - id: p\n    owner: a\ndecisions:\n  - { area: feature-set, scope: p, decides: [] }\n  - { area: roadmap, scope: p, decides: a }\n";
        assert_triggers(NAME, empty, &["feature-set@p"]);
        // A custom area and a dangling scope: still no decider.
        let custom = "decisions:\n  - { area: data-retention, scope: nowhere }\n";
        assert_triggers(NAME, custom, &["data-retention@nowhere"]);

        let found = findings(NAME, absent);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "decision right `pricing@organization` names no deciding team"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`decides:`"))
        );
        assert!(found[0].location.is_some_and(|l| l.line == 4));
    }

    #[test]
    fn passes() {
        let good = "teams:\n  - id: a\ndecisions:\n  - { area: pricing, scope: organization, decides: a }\n";
        assert_passes(NAME, good);
        // A decider that does not resolve is `unknown-reference`, not this check.
        let dangling = "decisions:\n  - { area: pricing, scope: organization, decides: nobody }\n";
        assert_passes(NAME, dangling);
        // Two deciders is a conflict, not a missing decider.
        let two = "teams:\n  - id: a\n  - id: b\ndecisions:\n  - { area: pricing, scope: organization, decides: [a, b] }\n";
        assert_passes(NAME, two);
        assert_passes(NAME, "teams:\n  - id: a\n");
    }
}
