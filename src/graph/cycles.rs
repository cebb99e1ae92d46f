//! `hierarchy-cycle`: loops in team `parent`, product `part_of` and
//! outcome/objective `supports` chains.

// Kosaraju's algorithm in petgraph walks with explicit stacks; its Tarjan
// recurses once per node of a loop, which a long enough loop overflows.
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::types::{OrgEdge, OrgNode};
use super::{HIERARCHY_CYCLE, OrgGraph};
use crate::diagnostic::{Diagnostic, MAX_LISTED};

/// A chain relation: its field name, which edges it follows, and the help.
type Relation = (&'static str, fn(&OrgEdge) -> bool, &'static str);

pub(super) fn find(g: &mut OrgGraph<'_>) {
    let relations: [Relation; 3] = [
        (
            "parent",
            |e| matches!(e, OrgEdge::Parent),
            "a team cannot sit inside itself: break the loop by giving one of these teams another `parent`",
        ),
        (
            "part_of",
            |e| matches!(e, OrgEdge::PartOf),
            "a product cannot be part of itself: break the loop by changing one `part_of`",
        ),
        (
            "supports",
            |e| matches!(e, OrgEdge::Supports),
            "goals cannot support themselves: break the loop by changing one `supports`",
        ),
    ];
    let mut found = Vec::new();
    // One pass over the edges: the (few) edges of each chain relation.
    let mut chains: [Vec<(NodeIndex, NodeIndex)>; 3] = Default::default();
    for e in g.graph.edge_references() {
        // A key result's `part of` edge to its objective is in no loop:
        // nothing is part of a key result. A big org has hundreds of
        // thousands of them, and leaving them out keeps the subgraph to
        // the products.
        if matches!(g.graph[e.source()], OrgNode::KeyResult(..)) {
            continue;
        }
        if let Some(i) = relations.iter().position(|(_, keep, _)| keep(e.weight())) {
            chains[i].push((e.source(), e.target()));
        }
    }
    for ((field, _, help), edges) in relations.into_iter().zip(chains) {
        // Only the nodes that have such an edge can be in a loop: run Tarjan
        // on that (much smaller) subgraph instead of a filtered view of the
        // whole graph.
        let mut local: Vec<u32> = Vec::new();
        let mut sub: DiGraph<NodeIndex, ()> = DiGraph::new();
        let mut self_loops: Vec<NodeIndex> = Vec::new();
        for (source, target) in edges {
            if source == target {
                self_loops.push(source);
            }
            if local.is_empty() {
                local = vec![u32::MAX; g.graph.node_count()];
            }
            let mut at = |n: NodeIndex| {
                let slot = &mut local[n.index()];
                if *slot == u32::MAX {
                    *slot = sub.add_node(n).index() as u32;
                }
                NodeIndex::new(*slot as usize)
            };
            let (a, b) = (at(source), at(target));
            sub.add_edge(a, b, ());
        }
        self_loops.sort_unstable();
        super::steps::count(sub.node_count() as u64 + sub.edge_count() as u64);
        for scc in kosaraju_scc(&sub) {
            let scc: Vec<NodeIndex> = scc.into_iter().map(|n| sub[n]).collect();
            let looped = scc.len() > 1
                || scc
                    .first()
                    .is_some_and(|n| self_loops.binary_search(n).is_ok());
            if looped {
                found.push((field, help, scc));
            }
        }
    }
    for (field, help, members) in found {
        let d = cycle_diagnostic(g, field, help, members);
        g.diagnostics.push(d);
    }
}

fn cycle_diagnostic(
    g: &OrgGraph<'_>,
    field: &str,
    help: &'static str,
    mut members: Vec<NodeIndex>,
) -> Diagnostic {
    // Reported on the member written first (by file path, line and column),
    // then by id: the same whatever order the entities are listed in.
    members.sort_unstable();
    let sources = &g.model().sources;
    let key = |n: NodeIndex| {
        let at = g
            .location(n)
            .map(|l| (sources.display(l.file), l.line, l.column));
        (at.is_none(), at, g.id(n))
    };
    let first = members
        .iter()
        .copied()
        .min_by_key(|&n| key(n))
        .unwrap_or(members[0]);
    let path = loop_order(g, first, &members, field);
    let names: Vec<String> = path
        .iter()
        .take(MAX_LISTED)
        .map(|&n| format!("`{}`", g.entity_ref(n).id))
        .collect();
    let mut shown = names.join(" → ");
    if path.len() > MAX_LISTED {
        shown.push_str(&format!(" → … and {} more", path.len() - MAX_LISTED));
    }
    shown.push_str(&format!(" → `{}`", g.entity_ref(first).id));
    let kind = match g.graph[first] {
        OrgNode::Team(_) => "team",
        OrgNode::Product(_) => "product",
        OrgNode::Outcome(_) | OrgNode::Objective(_) => "goal",
        _ => "entity",
    };
    let mut d = Diagnostic::new(
        HIERARCHY_CYCLE,
        g.entity_ref(first),
        format!("{kind} `{field}` chain loops: {shown}"),
    )
    .with_help(help)
    .at(g.location(first));
    for (i, &n) in path.iter().enumerate().skip(1) {
        // Past the cap only the count grows: no text is made for a member
        // that is not shown.
        if i > MAX_LISTED {
            d.add_unlisted_related(path.len() - i);
            d.more_labels += path[i..]
                .iter()
                .filter(|&&m| g.location(m).is_some())
                .count();
            break;
        }
        let r = g.entity_ref(n);
        d = d.with_label(g.location(n), format!("`{}` is in the loop", r.id));
        d.push_related(r);
    }
    d
}

/// The members in the order the chain visits them, starting at `first`,
/// each once.
fn loop_order(
    g: &OrgGraph<'_>,
    first: NodeIndex,
    members: &[NodeIndex],
    field: &str,
) -> Vec<NodeIndex> {
    let keep = |e: &OrgEdge| match field {
        "parent" => matches!(e, OrgEdge::Parent),
        "part_of" => matches!(e, OrgEdge::PartOf),
        _ => matches!(e, OrgEdge::Supports),
    };
    // `members` is sorted: membership is a binary search, and a node is
    // marked once it is on the path, so the walk is linear in the loop.
    let slot = |n: NodeIndex| members.binary_search(&n).ok();
    let mut on_path = vec![false; members.len()];
    let mut path = vec![first];
    if let Some(i) = slot(first) {
        on_path[i] = true;
    }
    let mut current = first;
    while path.len() < members.len() {
        let next = g
            .graph
            .edges(current)
            .inspect(|_| super::steps::count(1))
            .filter(|e| keep(e.weight()) && slot(e.target()).is_some_and(|i| !on_path[i]))
            .map(|e| e.target())
            .min();
        match next {
            Some(n) => {
                if let Some(i) = slot(n) {
                    on_path[i] = true;
                }
                path.push(n);
                current = n;
            }
            // A tangle of several loops: list the rest in model order.
            None => {
                let rest = members
                    .iter()
                    .zip(&on_path)
                    .filter(|&(_, &on)| !on)
                    .map(|(&m, _)| m);
                path.extend(rest);
            }
        }
    }
    path
}
