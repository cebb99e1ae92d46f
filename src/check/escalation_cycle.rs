//! `escalation-cycle`: a loop in `escalates_to` chains through decisions and team parents.

use std::collections::{HashMap, HashSet, VecDeque};

// Kosaraju's algorithm in petgraph walks with explicit stacks; its Tarjan
// recurses once per node of a loop, which a long enough loop overflows.
use petgraph::algo::kosaraju_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::{EdgeFiltered, EdgeRef, NodeFiltered};

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode};
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// A loop in escalation: following `escalates_to` from a decision right
    /// comes back to it. The chain is followed through three kinds of step:
    ///
    /// - a decision right escalates to the team named in its `escalates_to`;
    /// - a team passes what it cannot settle up to its `parent` unit;
    /// - a team that decides other rights (`decides`) escalates further as
    ///   those rights say.
    ///
    /// `organization` is the top: a chain that reaches it ends. A loop is
    /// any round trip through these steps that uses at least one
    /// `escalates_to` (a loop of `parent` alone is `hierarchy-cycle`): a
    /// right that escalates to its own decider, to a team below its
    /// decider, or two teams whose rights escalate to each other. Every
    /// right and team that can reach each other this way is one loop,
    /// reported once, on its right that comes first in model order; the
    /// message walks the shortest round trip from that right and names
    /// every other member once.
    ///
    /// Areas are not told apart: a team's way up is the same whatever it
    /// decides, so a right that escalates to a team whose own rights
    /// escalate back is a loop even when the two rights are about
    /// different areas.
    ///
    /// ### Why it matters
    /// Escalation exists so that a disagreement ends with someone who can
    /// settle it. In a loop it comes back to where it started: the two
    /// sides wait for each other, and the decision is made by attrition
    /// instead of by the person who should make it.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: music
    ///     kind: unit
    ///   - id: playback
    ///     parent: music
    /// decisions:
    ///   - area: budget-allocation
    ///     scope: music
    ///     decides: music
    ///     escalates_to: playback   # playback sits in music: back to music
    /// ```
    ///
    /// ### Fix
    /// Escalate upwards, to a unit or leadership team above the decider,
    /// or to the organisation:
    /// ```yaml
    /// decisions:
    ///   - area: budget-allocation
    ///     scope: music
    ///     decides: music
    ///     escalates_to: organization
    /// ```
    pub struct EscalationCycle;
    name: "escalation-cycle",
    category: DecisionRights,
    level: Deny,
    summary: "a loop in `escalates_to` chains through decisions and team parents",
    params: [],
}

/// The steps escalation follows.
fn is_step(edge: &OrgEdge) -> bool {
    matches!(
        edge,
        OrgEdge::EscalatesTo | OrgEdge::Parent | OrgEdge::Decides
    )
}

impl Check for EscalationCycle {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        if g.model().decisions.is_empty() {
            return;
        }
        // A loop leaves a right by its `escalates_to` (its only step out):
        // rights that name none cannot be on one, and without any such
        // right there is no loop to look for.
        let escalates: Vec<bool> = g
            .model()
            .decisions
            .iter()
            .map(|d| d.escalates_to.is_some())
            .collect();
        if !escalates.contains(&true) {
            return;
        }
        let steps = EdgeFiltered::from_fn(g.graph(), |e| is_step(e.weight()));
        // Only teams and escalating rights have step edges both in and out:
        // the rest of a large graph cannot be on a loop, so the search skips
        // it instead of visiting each node.
        let view = NodeFiltered::from_fn(&steps, |n| match g.graph()[n] {
            OrgNode::Team(_) => true,
            OrgNode::Decision(d) => escalates.get(d.index()).copied().unwrap_or(false),
            _ => false,
        });
        let mut loops: Vec<(NodeIndex, Vec<NodeIndex>)> = Vec::new();
        for scc in kosaraju_scc(&view) {
            // Back to a team from a right only by `escalates_to`: a component
            // with a right in it has an escalation in its loop. Node indices
            // follow model order, so the minimum is the right defined first.
            let first = scc
                .iter()
                .copied()
                .filter(|&n| matches!(g.graph()[n], OrgNode::Decision(_)))
                .min();
            if let Some(first) = first
                && scc.len() > 1
            {
                loops.push((first, scc));
            }
        }
        loops.sort_unstable_by_key(|(first, _)| *first);
        for (first, members) in loops {
            out.push(finding(g, self.meta().name, first, &members));
        }
    }
}

/// The shortest round trip from `start` back to it inside the loop, as the
/// nodes visited (starting with `start`, not repeating it at the end).
fn round_trip(g: &OrgGraph<'_>, start: NodeIndex, members: &HashSet<NodeIndex>) -> Vec<NodeIndex> {
    let mut previous: HashMap<NodeIndex, NodeIndex> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let mut next: Vec<NodeIndex> = g
            .graph()
            .edges(n)
            .inspect(|_| crate::graph::count_steps(1))
            .filter(|e| is_step(e.weight()) && members.contains(&e.target()))
            .map(|e| e.target())
            .collect();
        next.sort_unstable();
        for m in next {
            if m == start {
                let mut path = vec![n];
                let mut at = n;
                while at != start {
                    match previous.get(&at) {
                        Some(&p) => {
                            path.push(p);
                            at = p;
                        }
                        None => break,
                    }
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(v) = previous.entry(m) {
                v.insert(n);
                queue.push_back(m);
            }
        }
    }
    vec![start]
}

/// How escalation gets from `from` to `to`, as a phrase ("escalates to `x`").
fn step(g: &OrgGraph<'_>, from: NodeIndex, to: NodeIndex) -> String {
    let to_id = g.id(to);
    match (g.graph()[from], g.graph()[to]) {
        (OrgNode::Decision(_), _) => format!("escalates to `{to_id}`"),
        (OrgNode::Team(_), OrgNode::Decision(_)) => format!("decides `{to_id}`"),
        _ => format!("sits in `{to_id}`"),
    }
}

fn finding(
    g: &OrgGraph<'_>,
    name: &'static str,
    first: NodeIndex,
    members: &[NodeIndex],
) -> Diagnostic {
    const SHOWN: usize = 12;
    let set: HashSet<NodeIndex> = members.iter().copied().collect();
    let path = round_trip(g, first, &set);
    let id = g.id(first);

    let mut walk = String::new();
    for (i, &from) in path.iter().enumerate().take(SHOWN) {
        let to = path.get(i + 1).copied().unwrap_or(first);
        walk.push_str(if i == 0 { "it " } else { ", which " });
        walk.push_str(&step(g, from, to));
    }
    if path.len() > SHOWN {
        walk.push_str(&format!(", … ({} steps in all)", path.len()));
    }
    let mut message = format!("escalation from decision right `{id}` comes back to it: {walk}");

    let on_path: HashSet<NodeIndex> = path.iter().copied().collect();
    let mut rest: Vec<NodeIndex> = members
        .iter()
        .copied()
        .filter(|n| !on_path.contains(n))
        .collect();
    rest.sort_unstable();
    if !rest.is_empty() {
        let shown: Vec<String> = rest
            .iter()
            .take(SHOWN)
            .map(|&n| format!("`{}`", g.id(n)))
            .collect();
        let more = if rest.len() > SHOWN {
            format!(" and {} more", rest.len() - SHOWN)
        } else {
            String::new()
        };
        message.push_str(&format!(
            "; {}{more} {} in the same loop",
            shown.join(", "),
            if rest.len() == 1 { "is" } else { "are" }
        ));
    }

    let help = "point `escalates_to` at a unit or leadership team above the deciding team, or at `organization`, so that every escalation ends with someone who can settle it";
    let mut diagnostic = Diagnostic::new(
        name,
        EntityRef::new(EntityKind::Decision, id.as_ref()),
        message,
    )
    .with_help(help)
    .at(g.location(first));
    if let OrgNode::Decision(d) = g.graph()[first]
        && let Some(r) = &g.decision(d).escalates_to
    {
        diagnostic = diagnostic.with_focus(r.location(), format!("escalates to `{}`", r.id));
    }
    for (i, &n) in path.iter().enumerate().skip(1).take(SHOWN) {
        let to = path.get(i + 1).copied().unwrap_or(first);
        // Point at the field that makes the step: `escalates_to`, `decides` or `parent`.
        let field = match (g.graph()[n], g.graph()[to]) {
            (OrgNode::Decision(d), _) => g
                .decision(d)
                .escalates_to
                .as_ref()
                .and_then(|r| r.location()),
            (OrgNode::Team(t), OrgNode::Decision(d)) => {
                let id = &g.team(t).id;
                g.decision(d)
                    .decides
                    .iter()
                    .find(|r| &r.id == id)
                    .and_then(|r| r.location())
            }
            (OrgNode::Team(t), _) => g.team(t).parent.as_ref().and_then(|r| r.location()),
            _ => None,
        };
        let location = field.or(g.location(n));
        diagnostic = diagnostic.with_label(location, format!("`{}` {}", g.id(n), step(g, n, to)));
    }
    let mut seen: HashSet<EntityRef> = HashSet::from([g.entity_ref(first)]);
    for n in path.iter().skip(1).chain(&rest) {
        let r = g.entity_ref(*n);
        if seen.insert(r.clone()) {
            diagnostic.push_related(r);
        }
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "escalation-cycle";
    const TEAMS: &str = "teams:\n  - id: music\n    kind: unit\n    parent: organization\n  - id: playback\n    parent: music\n    owns: [web-player]\n  - id: discovery\n    parent: music\n    owns: [home-feed]\n  - id: leadership\n    kind: leadership\n    parent: organization\nproducts:\n  - id: web-player\n  - id: home-feed\n";

    #[test]
    fn triggers() {
        // Escalating down to a team that sits in the decider.
        let down = format!(
            "{TEAMS}decisions:\n  - {{ area: budget-allocation, scope: music, decides: music, escalates_to: playback }}\n"
        );
        assert_triggers(NAME, &down, &["budget-allocation@music"]);
        let found = findings(NAME, &down);
        assert_eq!(
            found[0].message,
            "escalation from decision right `budget-allocation@music` comes back to it: it escalates to `playback`, which sits in `music`, which decides `budget-allocation@music`"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`organization`"))
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["music", "playback"]);

        // Two squads escalating to each other: one loop, reported once, on the first right.
        let mutual = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-player, decides: playback, escalates_to: discovery }}\n  - {{ area: feature-set, scope: home-feed, decides: discovery, escalates_to: playback }}\n  - {{ area: budget-allocation, scope: organization, decides: leadership, escalates_to: organization }}\n"
        );
        assert_triggers(NAME, &mutual, &["feature-set@web-player"]);
        let found = findings(NAME, &mutual);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("which decides `feature-set@home-feed`, which escalates to `playback`"),
            "{}",
            found[0].message
        );

        // Escalating to the decider itself.
        let own = format!(
            "{TEAMS}decisions:\n  - {{ area: roadmap, scope: web-player, decides: playback, escalates_to: playback }}\n"
        );
        assert_triggers(NAME, &own, &["roadmap@web-player"]);

        // A longer loop through a parent and across areas, plus a separate second loop.
        let long = format!(
            "{TEAMS}decisions:\n  - {{ area: roadmap, scope: web-player, decides: playback, escalates_to: leadership }}\n  - {{ area: pricing, scope: organization, decides: leadership, escalates_to: discovery }}\n  - {{ area: hiring, scope: music, decides: music, escalates_to: organization }}\n  - {{ area: release, scope: music, decides: music, escalates_to: playback }}\n"
        );
        assert_triggers(NAME, &long, &["roadmap@web-player"]);
        let found = findings(NAME, &long);
        assert!(
            found[0].message.contains("`release@music`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn passes() {
        // Escalations that go up end at the organisation.
        let upward = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-player, decides: playback, escalates_to: music }}\n  - {{ area: budget-allocation, scope: music, decides: music, escalates_to: leadership }}\n  - {{ area: pricing, scope: organization, decides: leadership, escalates_to: organization }}\n  - {{ area: roadmap, scope: home-feed, decides: discovery }}\n"
        );
        assert_passes(NAME, &upward);
        // Escalating sideways to a team that escalates nothing back is not a loop.
        let sideways = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-player, decides: playback, escalates_to: discovery }}\n"
        );
        assert_passes(NAME, &sideways);
        // A `parent` loop alone is `hierarchy-cycle`; dangling escalation targets end the chain.
        let parents = "teams:\n  - id: a\n    parent: b\n  - id: b\n    parent: a\ndecisions:\n  - { area: pricing, scope: organization, decides: a, escalates_to: nobody }\n";
        assert_passes(NAME, parents);
        // Recommending or agreeing is not deciding.
        let roles_ok = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-player, decides: playback, agrees: [music], escalates_to: music }}\n"
        );
        assert_passes(NAME, &roles_ok);
    }
}
