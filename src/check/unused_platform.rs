//! `unused-platform`: a platform team that no other team consumes.

use petgraph::Direction::Incoming;
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode, TeamIx};
use crate::model::{EntityKind, EntityRef, InteractionMode, TeamKind};

declare_check! {
    /// ### What it finds
    /// A `platform` team that no other team consumes: no other team has an
    /// `x-as-a-service` interaction naming it, no `collaboration` links it
    /// with another team (written on either of the two), and no other team
    /// is a contributor to a product it owns. An `x-as-a-service`
    /// interaction written on the platform team says that it consumes the
    /// other team, not the reverse; `facilitating` interactions do not
    /// count. Only teams of `kind: platform` are looked at.
    ///
    /// ### Why it matters
    /// A platform team exists to make other teams faster: its products are
    /// the services they build on. A platform nobody is written down as
    /// consuming is either not used (its people would do more good in the
    /// teams it was meant to serve), or used in ways the model does not
    /// show, which hides the load it carries and the teams that depend on
    /// it.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - { id: platform-core, kind: platform, owns: [build-service] }
    ///   - { id: playback, owns: [web-player] }
    /// ```
    ///
    /// ### Fix
    /// Write down who consumes it, on the consumer:
    /// ```yaml
    /// teams:
    ///   - { id: platform-core, kind: platform, owns: [build-service] }
    ///   - id: playback
    ///     owns: [web-player]
    ///     interactions:
    ///       - { with: platform-core, mode: x-as-a-service }
    /// ```
    pub struct UnusedPlatform;
    name: "unused-platform",
    category: Interactions,
    level: Warn,
    summary: "a platform team that no other team consumes",
    params: [],
}

impl Check for UnusedPlatform {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        for defs in g.team_groups().iter() {
            let Some(&team) = defs.first() else { continue };
            if g.team(team).kind != TeamKind::Platform || is_consumed(g, team, defs) {
                continue;
            }
            let t = g.team(team);
            out.push(
                Diagnostic::new(
                    UnusedPlatform::NAME,
                    EntityRef::new(EntityKind::Team, &t.id),
                    format!(
                        "platform team `{}` has no consumers: no team uses it as a service, collaborates with it or contributes to its products",
                        t.id
                    ),
                )
                .with_help(format!(
                    "write `interactions: [{{ with: {}, mode: x-as-a-service }}]` on the teams that use it, or reconsider whether the platform is needed",
                    crate::model::as_suggested(&t.id)
                ))
                .at(t.location),
            );
        }
    }
}

/// Whether another team consumes the platform `team` (defined as `defs`).
fn is_consumed(g: &OrgGraph<'_>, team: TeamIx, defs: &[TeamIx]) -> bool {
    if !g.consumers(team).is_empty()
        || defs
            .iter()
            .any(|&t| !g.interactions(t, InteractionMode::Collaboration).is_empty())
    {
        return true;
    }
    defs.iter().flat_map(|&t| g.products_of(t)).any(|p| {
        g.graph()
            .edges_directed(g.product_node(p), Incoming)
            .any(|e| match (e.weight(), g.graph()[e.source()]) {
                (OrgEdge::Contributes, OrgNode::Team(c)) => g.canonical_team(c) != team,
                _ => false,
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unused-platform";

    #[test]
    fn triggers() {
        // It consumes others, facilitates, contributes to itself: still unused.
        let yaml = "teams:\n  - id: core\n    kind: platform\n    owns: [build]\n    interactions:\n      - { with: data, mode: x-as-a-service }\n      - { with: app, mode: facilitating }\n  - id: data\n    kind: platform\n    owns: [lake]\n    interactions:\n      - { with: core, mode: facilitating }\n  - id: app\n    interactions:\n      - { with: ghost, mode: x-as-a-service }\nproducts:\n  - { id: build, contributors: [core] }\n  - { id: lake, owner: data }\n";
        // `data` is consumed by `core`.
        assert_triggers(NAME, yaml, &["core"]);
        let found = findings(NAME, yaml);
        assert!(
            found[0]
                .message
                .starts_with("platform team `core` has no consumers")
        );
        assert_triggers(
            NAME,
            "teams:\n  - { id: lonely, kind: platform }\n",
            &["lonely"],
        );
    }

    #[test]
    fn passes() {
        let yaml = "teams:\n  - { id: served, kind: platform }\n  - { id: partner, kind: platform }\n  - { id: built-on, kind: platform, owns: [infra] }\n  - { id: named, kind: platform }\n  - id: app\n    interactions:\n      - { with: served, mode: x-as-a-service }\n  - id: lab\n    interactions:\n      - { with: app, mode: collaboration }\n  - id: other\n  - { id: not-a-platform, kind: enabling }\nproducts:\n  - { id: infra, contributors: [other] }\n  - { id: pipe, owner: partner }\n";
        let with_partner = yaml.replace(
            "  - id: other\n",
            "  - id: other\n    interactions:\n      - { with: partner, mode: collaboration }\n      - { with: named, mode: x-as-a-service }\n",
        );
        assert_passes(NAME, &with_partner);
    }
}
