//! Building the graph: one node per entity, one edge per resolved
//! reference, and the integrity findings (`duplicate-id`,
//! `unknown-reference`) met on the way.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::edges::{Dangling, Step};
use super::ids::IdIndex;
use super::suggest::Suggester;
use super::types::{DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, ProductIx, TeamIx};
use super::{DUPLICATE_ID, OrgGraph, UNKNOWN_REFERENCE};
use crate::diagnostic::Diagnostic;
use crate::model::{Model, ORGANIZATION};

pub(super) fn build(model: &Model) -> OrgGraph<'_> {
    let entity_count = model.entity_count() + 1;
    // Exact sizes: a graph of a million entities has a few million edges,
    // and a list that doubles as it grows would leave up to half of that
    // memory unused. Key results come with their `part of` edge; the other
    // edges are counted once resolved.
    let key_results = model.objectives.iter().map(|o| o.key_results.len()).sum();
    let mut graph: DiGraph<OrgNode, OrgEdge> = DiGraph::with_capacity(entity_count, key_results);
    let org = graph.add_node(OrgNode::Organization);
    let mut g = OrgGraph {
        model,
        org,
        teams: Vec::with_capacity(model.teams.len()),
        products: Vec::with_capacity(model.products.len()),
        outcomes: Vec::with_capacity(model.outcomes.len()),
        objectives: Vec::with_capacity(model.objectives.len()),
        key_results: Vec::with_capacity(model.objectives.len()),
        decisions: Vec::with_capacity(model.decisions.len()),
        ids: IdIndex::default(),
        shadowed: HashMap::default(),
        graph,
        diagnostics: Vec::new(),
    };
    add_nodes(&mut g);
    add_edges(&mut g);
    super::cycles::find(&mut g);
    g
}

fn add_nodes(g: &mut OrgGraph<'_>) {
    let model = g.model;
    let mut entries: Vec<(&str, NodeIndex)> = Vec::with_capacity(model.entity_count());
    for (i, t) in model.teams.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Team(TeamIx::from_usize(i)));
        g.teams.push(n);
        entries.push((&t.id, n));
    }
    for (i, p) in model.products.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Product(ProductIx::from_usize(i)));
        g.products.push(n);
        entries.push((&p.id, n));
    }
    for (i, o) in model.outcomes.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Outcome(OutcomeIx::from_usize(i)));
        g.outcomes.push(n);
        entries.push((&o.id, n));
    }
    for (i, o) in model.objectives.iter().enumerate() {
        let ox = ObjectiveIx::from_usize(i);
        let n = g.graph.add_node(OrgNode::Objective(ox));
        g.objectives.push(n);
        entries.push((&o.id, n));
        let mut krs = Vec::with_capacity(o.key_results.len());
        for (k, kr) in o.key_results.iter().enumerate() {
            let kn = g
                .graph
                .add_node(OrgNode::KeyResult(ox, u32::try_from(k).unwrap_or(u32::MAX)));
            krs.push(kn);
            entries.push((&kr.id, kn));
            g.graph.add_edge(kn, n, OrgEdge::PartOf);
        }
        g.key_results.push(krs);
    }
    for i in 0..model.decisions.len() {
        let n = g
            .graph
            .add_node(OrgNode::Decision(DecisionIx::from_usize(i)));
        g.decisions.push(n);
    }
    // The reserved id names the organisation: entities that use it are not
    // indexed (`organization` always resolves to the organisation).
    let mut shadowed: Vec<(NodeIndex, Option<NodeIndex>)> = Vec::new();
    entries.retain(|&(id, n)| {
        let reserved = id == ORGANIZATION;
        if reserved {
            shadowed.push((n, None));
        }
        !reserved
    });
    let (ids, taken) = IdIndex::build(&entries);
    g.ids = ids;
    shadowed.extend(taken.iter().map(|t| (t.again, Some(t.first))));
    // In model order, as the entities were met.
    shadowed.sort_unstable_by_key(|&(n, _)| n);
    for (node, first) in shadowed {
        g.shadowed.insert(node, first);
        let d = match first {
            None => reserved_id(g, node),
            Some(first) => duplicate(g, node, first),
        };
        g.diagnostics.push(d);
    }
}

/// An entity that uses the reserved id `organization`.
fn reserved_id(g: &OrgGraph<'_>, node: NodeIndex) -> Diagnostic {
    Diagnostic::new(
        DUPLICATE_ID,
        g.entity_ref(node),
        format!("`{ORGANIZATION}` is the reserved id of the organisation itself"),
    )
    .with_help("give this entity another id")
    .at(g.location(node))
}

/// The second (or later) definition `again` of the id `first` has.
fn duplicate(g: &OrgGraph<'_>, again: NodeIndex, first: NodeIndex) -> Diagnostic {
    let entity = g.entity_ref(again);
    let first_ref = g.entity_ref(first);
    let message = if first_ref.kind == entity.kind {
        format!("id `{}` is defined twice", entity.id)
    } else {
        format!("id `{}` is already used by {}", entity.id, first_ref)
    };
    Diagnostic::new(DUPLICATE_ID, entity, message)
        .with_help(
            "ids are unique across the whole model, whatever the kind: rename one of the two",
        )
        .at(g.location(again))
        .with_label(g.location(first), "first defined here")
        .with_related(first_ref.kind, first_ref.id)
}

fn add_edges(g: &mut OrgGraph<'_>) {
    let mut pending: Vec<Dangling<'_>> = Vec::new();
    let steps = super::edges::resolve_all(g);
    let edges = steps.iter().filter(|s| matches!(s, Step::Edge(..))).count();
    g.graph.reserve_exact_edges(edges);
    for step in steps {
        match step {
            Step::Edge(from, to, edge) => {
                g.graph.add_edge(from, to, edge);
            }
            Step::Dangling(d) => pending.push(d),
        }
    }
    report_dangling(g, pending);
}

/// Reports every dangling reference as `unknown-reference`.
fn report_dangling<'m>(g: &mut OrgGraph<'m>, pending: Vec<Dangling<'m>>) {
    let mut suggester: Option<Suggester<'m>> = None;
    for Dangling {
        from,
        field,
        r,
        want,
        found,
    } in pending
    {
        let entity = g.entity_ref(from);
        let shown = shorten(&r.id);
        let (message, help) = match found {
            Some(node) => {
                let other = g.entity_ref(node);
                (
                    format!(
                        "{entity} names `{shown}` in `{field}`, which is {}, not {}",
                        other.kind.with_article(),
                        want.describe()
                    ),
                    format!("`{field}` names {}", want.describe()),
                )
            }
            None => {
                let suggester = suggester.get_or_insert_with(|| Suggester::new(g));
                let help = match suggester.suggest(g, &r.id, want) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "define {} with id `{shown}`, or fix the id",
                        want.describe()
                    ),
                };
                (
                    format!("{entity} names `{shown}` in `{field}`, but no entity has that id"),
                    help,
                )
            }
        };
        let location = g.location(from);
        let d = Diagnostic::new(UNKNOWN_REFERENCE, entity, message)
            .with_help(help)
            .at(location)
            .with_focus(r.location, format!("`{field}` names `{shown}`"));
        g.diagnostics.push(d);
    }
}

fn shorten(id: &str) -> String {
    if id.chars().count() <= 80 {
        id.chars().flat_map(char::escape_default).collect()
    } else {
        let head: String = id.chars().take(80).flat_map(char::escape_default).collect();
        head + "…"
    }
}
