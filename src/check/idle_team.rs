//! `idle-team`: a product-building team that owns no product, contributes to none and decides nothing.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode, TeamIx};
use crate::model::{EntityKind, EntityRef, InteractionMode, TeamKind};

declare_check! {
    /// ### What it finds
    /// A stream-aligned, platform, enabling or complicated-subsystem team
    /// (a team without `kind` is stream-aligned) that is accountable for no
    /// product, is no product's contributor and decides no decision right.
    /// Only the `decides` role counts as deciding: recommending, agreeing,
    /// being consulted or informed does not. Owning outcomes or objectives
    /// is not owning a product. References that name no existing entity do
    /// not count either; a team whose `owns` names such an id (or a product
    /// whose `owner` misspells the team's id) is left to
    /// `unknown-reference`, which says why the team owns nothing. Units,
    /// governance, business and leadership teams are never reported.
    ///
    /// An `enabling` team with at least one `facilitating` interaction
    /// (written on it, or on another team naming it) is busy: facilitating
    /// other teams is its job, not owning products. Other interactions, and
    /// cadences it runs or attends, make no team busy; an interaction with
    /// itself is not one.
    ///
    /// ### Why it matters
    /// In a product operating model a team exists to build and run
    /// products. A team connected to none is either missing from the model
    /// (its products were never written down), left over from a
    /// reorganisation, or a grouping of teams that should be marked as a
    /// unit. In each case the model no longer says what the people on it
    /// are for.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: search
    ///     kind: stream-aligned
    /// products:
    ///   - id: web-shop
    ///     owner: storefront
    /// ```
    ///
    /// ### Fix
    /// Say what the team works on, or remove it:
    /// ```yaml
    /// products:
    ///   - id: site-search
    ///     owner: search
    ///   - id: web-shop
    ///     owner: storefront
    ///     contributors: [search]
    /// ```
    /// A grouping of teams is `kind: unit`. An enabling team says whom it
    /// helps:
    /// ```yaml
    /// teams:
    ///   - id: test-coaching
    ///     kind: enabling
    ///     interactions:
    ///       - { with: storefront, mode: facilitating }
    /// ```
    pub struct IdleTeam;
    name: "idle-team",
    category: Ownership,
    level: Warn,
    summary: "a product-building team that owns no product, contributes to none and decides nothing",
    params: [],
}

impl Check for IdleTeam {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        for defs in g.team_groups().iter() {
            let Some(&first) = defs.first() else { continue };
            if !g.team(first).kind.builds_products()
                || defs.iter().any(|&t| is_busy(g, t))
                || facilitates(g, first, defs)
            {
                continue;
            }
            out.push(idle(g, first, defs));
        }
    }
}

/// Whether the team owns a product, contributes to one or decides something.
pub(crate) fn is_busy(g: &OrgGraph<'_>, team: TeamIx) -> bool {
    g.graph()
        .edges_directed(g.team_node(team), Outgoing)
        .any(|e| match e.weight() {
            OrgEdge::Owns { .. } => matches!(g.graph()[e.target()], OrgNode::Product(_)),
            OrgEdge::Contributes | OrgEdge::Decides => true,
            _ => false,
        })
}

/// Whether an enabling team has a `facilitating` interaction: written on
/// it (with any other team, even one `unknown-reference` reports: the team
/// said what it does), or written on another team naming it.
pub(crate) fn facilitates(g: &OrgGraph<'_>, team: TeamIx, defs: &[TeamIx]) -> bool {
    let t = g.team(team);
    t.kind == TeamKind::Enabling
        && (defs.iter().any(|&d| {
            g.team(d)
                .interactions
                .iter()
                .any(|i| i.mode == InteractionMode::Facilitating && i.with.id != t.id)
        }) || !g
            .interactions(team, InteractionMode::Facilitating)
            .is_empty())
}

/// Whether other teams name the team as their `parent`.
fn has_teams_under(g: &OrgGraph<'_>, defs: &[TeamIx]) -> bool {
    defs.iter().any(|&t| {
        g.graph().edges_directed(g.team_node(t), Incoming).any(|e| {
            matches!(e.weight(), OrgEdge::Parent)
                && matches!(g.graph()[e.source()], OrgNode::Team(_))
        })
    })
}

fn idle(g: &OrgGraph<'_>, first: TeamIx, defs: &[TeamIx]) -> Diagnostic {
    let team = g.team(first);
    let mut help = String::from(
        "name the products it works on (`owns:` on the team or `owner:`/`contributors:` on a product), \
         or remove the team if it no longer exists",
    );
    if team.kind == TeamKind::Enabling {
        help.push_str(
            "; an enabling team names the teams it helps: `interactions: [{ with: <team>, mode: facilitating }]`",
        );
    }
    if has_teams_under(g, defs) {
        help.push_str(
            "; other teams sit under it: if it is a grouping of teams, declare `kind: unit`",
        );
    }
    Diagnostic::new(
        IdleTeam::NAME,
        EntityRef::new(EntityKind::Team, &team.id),
        format!(
            "{} team `{}` owns no product, contributes to none and decides nothing",
            team.kind, team.id
        ),
    )
    .with_help(help)
    .at(team.location)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "idle-team";

    #[test]
    fn triggers() {
        let idle = "teams:\n  - id: search\n  - id: core\n    kind: platform\n  - id: coach\n    kind: enabling\n  - id: codec\n    kind: complicated-subsystem\n";
        assert_triggers(NAME, idle, &["coach", "codec", "core", "search"]);
        let found = findings(NAME, idle);
        let search = found.iter().find(|d| d.entity.id == "search");
        assert_eq!(
            search.map(|d| d.message.as_str()),
            Some(
                "stream-aligned team `search` owns no product, contributes to none and decides nothing"
            )
        );

        // Goals, weaker decision roles and dangling claims do not count.
        let weak = "teams:\n  - id: t\nproducts:\n  - { id: p, owner: [nobody], contributors: [nobody] }\noutcomes:\n  - { id: o, statement: s, owner: t }\nobjectives:\n  - { id: k, title: x, owner: t, key_results: [r] }\ndecisions:\n  - { area: pricing, scope: organization, decides: nobody, recommends: [t], agrees: [t], consulted: [t], informed: [t], escalates_to: t }\n";
        assert_triggers(NAME, weak, &["t"]);

        // A tribe written without `kind`: stream-aligned, and the help says so.
        let tribe = "teams:\n  - id: music\n  - id: playback\n    parent: music\n    owns: [p]\nproducts:\n  - id: p\n";
        assert_triggers(NAME, tribe, &["music"]);
        let found = findings(NAME, tribe);
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(help.ends_with("declare `kind: unit`"), "{help}");

        // A duplicated id: reported once.
        assert_triggers(NAME, "teams:\n  - id: t\n  - id: t\n", &["t"]);

        // Interactions other than an enabling team's facilitating, one with
        // itself, and cadences make no team busy.
        let interacting = "teams:\n  - id: coach\n    kind: enabling\n    interactions:\n      - { with: app, mode: collaboration }\n      - { with: coach, mode: facilitating }\n  - id: app\n    interactions:\n      - { with: core, mode: facilitating }\n      - { with: core, mode: x-as-a-service }\n  - { id: core, kind: platform }\ncadences:\n  - { id: qbr, kind: review, every: quarter, covers: [objectives], owner: app, attendees: [core, coach] }\n";
        assert_triggers(NAME, interacting, &["app", "coach", "core"]);
    }

    #[test]
    fn enabling_teams_that_facilitate_are_busy() {
        // Written on the enabling team, or on the team it helps.
        let yaml = "teams:\n  - id: coach\n    kind: enabling\n    interactions:\n      - { with: app, mode: facilitating }\n  - id: sre\n    kind: enabling\n  - id: typo\n    kind: enabling\n    interactions:\n      - { with: ap, mode: facilitating }\n  - id: app\n    owns: [p]\n    interactions:\n      - { with: sre, mode: facilitating }\nproducts:\n  - id: p\n";
        assert_passes(NAME, yaml);
    }

    #[test]
    fn passes() {
        let busy = "teams:\n  - id: owns\n    owns: [a]\n  - id: owner\n  - id: contributes\n  - id: decides\n    kind: platform\nproducts:\n  - { id: a }\n  - { id: b, owner: owner, contributors: [contributes] }\ndecisions:\n  - { area: pricing, scope: organization, decides: decides }\n";
        assert_passes(NAME, busy);
        // An id that breaks the id rule is the finding: nothing can name
        // the team until it is fixed.
        assert_passes(NAME, "teams:\n  - { id: \"team one\" }\n  - { id: \"\" }\n");
        // Kinds that are not expected to build products.
        let others = "teams:\n  - { id: u, kind: unit }\n  - { id: g, kind: governance }\n  - { id: b, kind: business }\n  - { id: l, kind: leadership }\n";
        assert_passes(NAME, others);
        // Deciding for a decision whose scope is dangling is still deciding.
        assert_passes(
            NAME,
            "teams:\n  - id: t\ndecisions:\n  - { area: pricing, scope: nowhere, decides: t }\n",
        );
        // A team defined twice, busy in its second definition.
        assert_passes(
            NAME,
            "teams:\n  - id: t\n  - id: t\n    owns: [p]\nproducts:\n  - id: p\n",
        );
        assert_passes(NAME, "products:\n  - id: p\n");
    }
}
