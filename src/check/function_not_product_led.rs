//! `function-not-product-led`: a business team whose objectives lead to no
//! outcome a product serves.

use std::collections::VecDeque;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode};
use crate::model::{EntityKind, EntityRef, TeamKind};

/// How many objectives the message names before it says "and N more".
const NAMED_IN_MESSAGE: usize = 5;

declare_check! {
    /// ### What it finds
    /// A `business` team (sales, marketing, customer success, finance, …)
    /// that owns objectives, none of which connects to an outcome some
    /// product serves.
    ///
    /// An objective connects when an outcome it supports — directly, or
    /// through the parent objectives it supports — is served by a product
    /// (named in some product's `outcomes:`), or has such an outcome among
    /// the outcomes that support it (its child outcomes, at any depth).
    /// Supporting a *child* of a product's outcome does not connect: the
    /// link runs from the function's goal down to the product's outcome.
    ///
    /// A business team that owns no objectives is not reported (there is
    /// nothing to connect), nor is any team of another kind. An objective's
    /// team is the one its `owner` names.
    ///
    /// ### Why it matters
    /// In a product-led organisation every function's goals lead to the
    /// products' outcomes: sales, marketing and customer success win when
    /// the products win. A function whose goals stop at its own targets
    /// (pipeline, campaign reach) pulls the organisation in a direction no
    /// product is steering towards.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: sales
    ///     kind: business
    /// products:
    ///   - id: web-player
    ///     outcomes: [listening-time]
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    ///   - id: pipeline
    ///     statement: A full enterprise pipeline
    /// objectives:
    ///   - id: close-deals
    ///     title: Enterprise buyers sign faster
    ///     owner: sales
    ///     supports: pipeline          # no product serves it or a child of it
    ///     key_results: [Cut median time to close from 90 to 60 days]
    /// ```
    ///
    /// ### Fix
    /// Have at least one of the team's objectives support an outcome a
    /// product serves, or an outcome above one (one that such an outcome
    /// `supports`):
    ///
    /// ```yaml
    /// objectives:
    ///   - id: close-deals
    ///     title: Enterprise buyers sign faster
    ///     owner: sales
    ///     supports: [pipeline, listening-time]
    ///     key_results: [Cut median time to close from 90 to 60 days]
    /// ```
    ///
    /// Or, when a product's outcome really does feed the team's outcome, say
    /// so: `supports: pipeline` on `listening-time` puts `pipeline` above an
    /// outcome a product serves.
    pub struct FunctionNotProductLed;
    name: "function-not-product-led",
    category: Alignment,
    level: Warn,
    summary: "a business team with objectives, none of which connects to an outcome some product serves",
    params: [],
}

impl Check for FunctionNotProductLed {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let mut connected: Option<Vec<bool>> = None;
        for t in g.team_ixs() {
            let team = g.team(t);
            if team.kind != TeamKind::Business {
                continue;
            }
            let objectives = g.objectives_of(t);
            if objectives.is_empty() {
                continue;
            }
            let connected = connected.get_or_insert_with(|| connected_objectives(g));
            if objectives
                .iter()
                .any(|o| connected.get(o.index()).copied().unwrap_or(true))
            {
                continue;
            }
            let mut ids: Vec<(&str, Option<crate::source::Location>)> = objectives
                .iter()
                .map(|o| (g.objective(*o).id.as_str(), g.objective(*o).location))
                .collect();
            ids.sort_by(|a, b| a.0.cmp(b.0));
            ids.dedup_by(|a, b| a.0 == b.0);

            let message = format!(
                "business team `{}` has {}, none of which leads to an outcome a product serves: {}",
                team.id,
                if ids.len() == 1 {
                    "1 objective".to_owned()
                } else {
                    format!("{} objectives", ids.len())
                },
                name_list(ids.iter().map(|(id, _)| *id))
            );
            let mut d = Diagnostic::new(self.meta().name, EntityRef::new(EntityKind::Team, &team.id), message)
                .with_help(
                    "have at least one of its objectives `supports:` an outcome a product serves (one named in a product's `outcomes:`) or an outcome above one",
                )
                .at(team.location);
            for (id, location) in &ids {
                d = d.with_label(
                    *location,
                    format!("objective `{id}` leads to no outcome a product serves"),
                );
            }
            for (id, _) in ids {
                d = d.with_related(EntityKind::Objective, id);
            }
            out.push(d);
        }
    }
}

/// "`a`", "`a` and `b`", "`a`, `b` and `c`", with the tail cut after
/// [`NAMED_IN_MESSAGE`] names.
fn name_list<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> String {
    let total = ids.len();
    let shown: Vec<String> = ids
        .take(NAMED_IN_MESSAGE)
        .map(|id| format!("`{id}`"))
        .collect();
    match (shown.as_slice(), total - shown.len()) {
        ([], _) => String::new(),
        ([one], 0) => one.clone(),
        ([init @ .., last], 0) => format!("{} and {last}", init.join(", ")),
        (all, more) => format!("{} and {more} more", all.join(", ")),
    }
}

/// For every objective (by index), whether it connects to an outcome some
/// product serves, as the spec defines it.
///
/// Computed once, backwards: first the outcomes that a product serves or
/// that have such an outcome among their child outcomes (up the outcome
/// `supports` edges from the served ones), then the objectives that support
/// one of those, then the objectives that support such an objective. Linear
/// in nodes and edges; loops are visited once.
fn connected_objectives(g: &OrgGraph<'_>) -> Vec<bool> {
    let raw = g.graph();

    let mut product_outcome = vec![false; g.model().outcomes.len()];
    let mut queue = VecDeque::new();
    for o in g.outcome_ixs() {
        let n = g.outcome_node(o);
        let served = raw.edges_directed(n, Incoming).any(|e| {
            matches!(e.weight(), OrgEdge::Serves) && matches!(raw[e.source()], OrgNode::Product(_))
        });
        if served && let Some(slot) = product_outcome.get_mut(o.index()) {
            *slot = true;
            queue.push_back(n);
        }
    }
    while let Some(n) = queue.pop_front() {
        for e in raw.edges_directed(n, Outgoing) {
            if !matches!(e.weight(), OrgEdge::Supports) {
                continue;
            }
            if let OrgNode::Outcome(parent) = raw[e.target()]
                && let Some(slot) = product_outcome.get_mut(parent.index())
                && !*slot
            {
                *slot = true;
                queue.push_back(e.target());
            }
        }
    }

    let mut connected = vec![false; g.model().objectives.len()];
    let mut queue = VecDeque::new();
    for o in g.objective_ixs() {
        let n = g.objective_node(o);
        let direct = raw.edges_directed(n, Outgoing).any(|e| {
            matches!(e.weight(), OrgEdge::Supports)
                && matches!(raw[e.target()], OrgNode::Outcome(oc) if product_outcome.get(oc.index()).copied().unwrap_or(false))
        });
        if direct && let Some(slot) = connected.get_mut(o.index()) {
            *slot = true;
            queue.push_back(n);
        }
    }
    // An objective that supports a connected objective is connected through it.
    crate::graph::spread(
        raw,
        queue,
        Incoming,
        |e| matches!(e, OrgEdge::Supports),
        |n| match n {
            OrgNode::Objective(x) => Some(x.index()),
            _ => None,
        },
        &mut connected,
    );
    connected
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "function-not-product-led";

    const BASE: &str = "products:\n  - id: player\n    outcomes: [listening]\noutcomes:\n  - id: growth\n    statement: More people pay\n  - id: listening\n    statement: More listening\n    supports: growth\n  - id: pipeline\n    statement: Full pipeline\n  - id: deals\n    statement: More deals\n    supports: listening\n";

    fn org(rest: &str) -> String {
        format!("{BASE}{rest}")
    }

    #[test]
    fn triggers() {
        let own_goals = org(
            "teams:\n  - id: sales\n    kind: business\nobjectives:\n  - id: close-faster\n    title: t\n    owner: sales\n    supports: pipeline\n    key_results: [k]\n  - id: more-leads\n    title: t\n    owner: sales\n    key_results: [k]\n",
        );
        assert_triggers(NAME, &own_goals, &["sales"]);
        let found = findings(NAME, &own_goals);
        assert_eq!(
            found[0].message,
            "business team `sales` has 2 objectives, none of which leads to an outcome a product serves: `close-faster` and `more-leads`"
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["close-faster", "more-leads"]);
        assert_eq!(found[0].labels.len(), 2);

        // Supporting a child of a product's outcome does not connect (`deals` supports `listening`).
        let child = org(
            "teams:\n  - id: marketing\n    kind: business\nobjectives:\n  - id: m\n    title: t\n    owner: marketing\n    supports: deals\n    key_results: [k]\n",
        );
        assert_triggers(NAME, &child, &["marketing"]);
        let found = findings(NAME, &child);
        assert!(found[0].message.contains("has 1 objective,"), "{found:#?}");

        // A parent objective that itself leads nowhere; a loop of objectives.
        let parents = org(
            "teams:\n  - id: cs\n    kind: business\nobjectives:\n  - id: a\n    title: t\n    owner: cs\n    supports: b\n    key_results: [k]\n  - id: b\n    title: t\n    supports: [a, pipeline]\n    key_results: [k]\n",
        );
        assert_triggers(NAME, &parents, &["cs"]);

        // An outcome that no product serves does not connect.
        let dangling = "teams:\n  - id: sales\n    kind: business\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: a\n    title: t\n    owner: sales\n    supports: o\n    key_results: [k]\n";
        assert_triggers(NAME, dangling, &["sales"]);
    }

    #[test]
    fn passes() {
        // Directly, through a parent outcome, and through parent objectives (one connected objective is enough).
        let direct = org(
            "teams:\n  - id: sales\n    kind: business\nobjectives:\n  - id: a\n    title: t\n    owner: sales\n    supports: listening\n    key_results: [k]\n  - id: b\n    title: t\n    owner: sales\n    supports: pipeline\n    key_results: [k]\n",
        );
        assert_passes(NAME, &direct);
        let parent_outcome = org(
            "teams:\n  - id: sales\n    kind: business\nobjectives:\n  - id: a\n    title: t\n    owner: sales\n    supports: growth\n    key_results: [k]\n",
        );
        assert_passes(NAME, &parent_outcome);
        let via_objectives = org(
            "teams:\n  - id: sales\n    kind: business\nobjectives:\n  - id: a\n    title: t\n    owner: sales\n    supports: b\n    key_results: [k]\n  - id: b\n    title: t\n    supports: [a, c]\n    key_results: [k]\n  - id: c\n    title: t\n    supports: growth\n    key_results: [k]\n",
        );
        assert_passes(NAME, &via_objectives);

        // No objectives, or not a business team.
        let idle = org(
            "teams:\n  - id: sales\n    kind: business\n  - id: squad\nobjectives:\n  - id: a\n    title: t\n    owner: squad\n    supports: pipeline\n    key_results: [k]\n",
        );
        assert_passes(NAME, &idle);
        assert_passes(NAME, "teams:\n  - id: finance\n    kind: business\n");
    }
}
