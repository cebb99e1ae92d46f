//! `unsupported-outcome`: an outcome that no product serves and no objective
//! supports, directly or through child outcomes.

use std::collections::VecDeque;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode};
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An outcome that nothing works towards: no product names it in
    /// `outcomes:`, no objective `supports` it, and none of its child
    /// outcomes (the outcomes that `supports` it, at any depth) is served by
    /// a product or supported by an objective.
    ///
    /// Only resolved references count. When an id is defined twice,
    /// references resolve to the first definition, so a later copy is left
    /// to `duplicate-id` and not reported here.
    ///
    /// ### Why it matters
    /// An outcome nobody works towards is a promise without a plan: it looks
    /// covered in the strategy, but no team's product or goals will move it.
    /// Either work is missing, or the outcome is no longer wanted.
    ///
    /// ### Example
    /// ```yaml
    /// outcomes:
    ///   - id: company-growth
    ///     statement: More people pay for music
    ///   - id: listening-time          # supports company-growth, but nothing serves it
    ///     statement: Listeners spend more time with music they love
    ///     supports: company-growth
    /// ```
    ///
    /// ### Fix
    /// Connect work to it: a product that serves it, or an objective that
    /// supports it (or one of its child outcomes):
    ///
    /// ```yaml
    /// products:
    ///   - id: web-player
    ///     outcomes: [listening-time]
    /// ```
    ///
    /// or delete the outcome if it is no longer pursued.
    pub struct UnsupportedOutcome;
    name: "unsupported-outcome",
    category: Alignment,
    level: Warn,
    summary: "an outcome that no product serves and no objective supports, directly or through child outcomes",
    params: [],
}

impl Check for UnsupportedOutcome {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let raw = g.graph();
        let supported = supported_outcomes(g);
        for o in g.outcome_ixs() {
            if supported.get(o.index()).copied().unwrap_or(true) {
                continue;
            }
            let node = g.outcome_node(o);
            let outcome = g.outcome(o);
            // A later definition of an id: references go to the first, so this is `duplicate-id`'s.
            if g.node(&outcome.id) != Some(node) {
                continue;
            }
            let mut children: Vec<&str> = raw
                .edges_directed(node, Incoming)
                .filter(|e| matches!(e.weight(), OrgEdge::Supports))
                .filter_map(|e| match raw[e.source()] {
                    OrgNode::Outcome(c) => Some(g.outcome(c).id.as_str()),
                    _ => None,
                })
                .collect();
            children.sort_unstable();
            children.dedup();
            let message = if children.is_empty() {
                format!(
                    "outcome `{}` is served by no product and supported by no objective",
                    outcome.id
                )
            } else {
                format!(
                    "outcome `{}` is served by no product and supported by no objective, nor are its child outcomes",
                    outcome.id
                )
            };
            let help = format!(
                "name it in a product's `outcomes: [{id}]`, or give an objective `supports: {id}` (or connect one of its child outcomes); delete it if it is no longer pursued",
                id = outcome.id
            );
            let mut d = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Outcome, &outcome.id),
                message,
            )
            .with_help(help)
            .at(outcome.location);
            for c in children {
                d = d.with_related(EntityKind::Outcome, c);
            }
            out.push(d);
        }
    }
}

/// For every outcome (by index), whether a product serves it or an objective
/// supports it, directly or through child outcomes at any depth.
///
/// Computed once: start from the outcomes with a product or objective edge
/// and propagate up the outcome `supports` edges (child → parent). Linear in
/// nodes and edges; a loop is visited once.
fn supported_outcomes(g: &OrgGraph<'_>) -> Vec<bool> {
    let raw = g.graph();
    let mut supported = vec![false; g.model().outcomes.len()];
    let mut queue = VecDeque::new();
    for o in g.outcome_ixs() {
        let n = g.outcome_node(o);
        let direct = raw.edges_directed(n, Incoming).any(|e| match e.weight() {
            OrgEdge::Serves => matches!(raw[e.source()], OrgNode::Product(_)),
            OrgEdge::Supports => matches!(raw[e.source()], OrgNode::Objective(_)),
            _ => false,
        });
        if direct && let Some(slot) = supported.get_mut(o.index()) {
            *slot = true;
            queue.push_back(n);
        }
    }
    crate::graph::spread(
        raw,
        queue,
        Outgoing,
        |e| matches!(e, OrgEdge::Supports),
        |n| match n {
            OrgNode::Outcome(x) => Some(x.index()),
            _ => None,
        },
        &mut supported,
    );
    supported
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unsupported-outcome";

    #[test]
    fn triggers() {
        let lonely = "outcomes:\n  - id: growth\n    statement: More people pay for music\n";
        assert_triggers(NAME, lonely, &["growth"]);
        let found = findings(NAME, lonely);
        assert_eq!(
            found[0].message,
            "outcome `growth` is served by no product and supported by no objective"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("outcomes: [growth]")
        );

        // A chain of outcomes with nothing at the bottom: every level is reported.
        let chain = "outcomes:\n  - id: top\n    statement: s\n  - id: mid\n    statement: s\n    supports: top\n  - id: leaf\n    statement: s\n    supports: mid\n";
        assert_triggers(NAME, chain, &["leaf", "mid", "top"]);
        let found = findings(NAME, chain);
        let top = found
            .iter()
            .find(|d| d.entity.id == "top")
            .expect("top is reported");
        assert!(top.message.contains("nor are its child outcomes"));
        assert_eq!(top.related.len(), 1);
        assert_eq!(top.related[0].id, "mid");

        // Support flows up to parents, never down to children; a dangling reference supports nothing.
        let down = "products:\n  - id: p\n    outcomes: [top, nowhere]\noutcomes:\n  - id: top\n    statement: s\n  - id: child\n    statement: s\n    supports: top\n";
        assert_triggers(NAME, down, &["child"]);

        // A loop of outcomes that nothing serves.
        let loop_ = "outcomes:\n  - id: a\n    statement: s\n    supports: b\n  - id: b\n    statement: s\n    supports: a\n";
        assert_triggers(NAME, loop_, &["a", "b"]);

        // Owning an outcome is not working towards it.
        let owned = "teams:\n  - id: t\noutcomes:\n  - id: o\n    statement: s\n    owner: t\n";
        assert_triggers(NAME, owned, &["o"]);
    }

    #[test]
    fn passes() {
        let served = "products:\n  - id: p\n    outcomes: [a]\noutcomes:\n  - id: a\n    statement: s\n  - id: b\n    statement: s\nobjectives:\n  - id: obj\n    title: t\n    supports: [b]\n    key_results: [k]\n";
        assert_passes(NAME, served);

        // Through child outcomes at any depth, and through a loop.
        let deep = "products:\n  - id: p\n    outcomes: [leaf]\noutcomes:\n  - id: top\n    statement: s\n  - id: mid\n    statement: s\n    supports: [top, mid2]\n  - id: mid2\n    statement: s\n    supports: mid\n  - id: leaf\n    statement: s\n    supports: mid2\n";
        assert_passes(NAME, deep);

        // An objective supporting a child outcome supports its parents too.
        let objective = "outcomes:\n  - id: top\n    statement: s\n  - id: leaf\n    statement: s\n    supports: top\nobjectives:\n  - id: child-obj\n    title: t\n    supports: parent-obj\n    key_results: [k]\n  - id: parent-obj\n    title: u\n    supports: leaf\n    key_results: [k]\n";
        assert_passes(NAME, objective);

        // A second definition of a served outcome is `duplicate-id`'s.
        let duplicate = "products:\n  - id: p\n    outcomes: [o]\noutcomes:\n  - id: o\n    statement: s\n  - id: o\n    statement: again\n";
        assert_passes(NAME, duplicate);
    }
}
