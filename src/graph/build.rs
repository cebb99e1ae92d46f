//! Building the graph: one node per entity, one edge per resolved
//! reference, and the integrity findings (`duplicate-id`,
//! `unknown-reference`) met on the way.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::edges::{Dangling, Step};
use super::suggest::Suggester;
use super::types::{DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, ProductIx, TeamIx};
use super::{DUPLICATE_ID, OrgGraph, UNKNOWN_REFERENCE};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef, Model, ORGANIZATION};
use crate::source::Location;

pub(super) fn build(model: &Model) -> OrgGraph<'_> {
    let entity_count = model.entity_count() + 1;
    let mut graph: DiGraph<OrgNode, OrgEdge> =
        DiGraph::with_capacity(entity_count, entity_count * 2);
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
        ids: HashMap::with_capacity_and_hasher(entity_count, super::IdHasher::default()),
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
    for (i, t) in model.teams.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Team(TeamIx::from_usize(i)));
        g.teams.push(n);
        define(g, &t.id, n, EntityKind::Team, t.location);
    }
    for (i, p) in model.products.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Product(ProductIx::from_usize(i)));
        g.products.push(n);
        define(g, &p.id, n, EntityKind::Product, p.location);
    }
    for (i, o) in model.outcomes.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Outcome(OutcomeIx::from_usize(i)));
        g.outcomes.push(n);
        define(g, &o.id, n, EntityKind::Outcome, o.location);
    }
    for (i, o) in model.objectives.iter().enumerate() {
        let ox = ObjectiveIx::from_usize(i);
        let n = g.graph.add_node(OrgNode::Objective(ox));
        g.objectives.push(n);
        define(g, &o.id, n, EntityKind::Objective, o.location);
        let mut krs = Vec::with_capacity(o.key_results.len());
        for (k, kr) in o.key_results.iter().enumerate() {
            let kn = g
                .graph
                .add_node(OrgNode::KeyResult(ox, u32::try_from(k).unwrap_or(u32::MAX)));
            krs.push(kn);
            define(g, &kr.id, kn, EntityKind::KeyResult, kr.location);
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
}

fn define<'m>(
    g: &mut OrgGraph<'m>,
    id: &'m str,
    node: NodeIndex,
    kind: EntityKind,
    location: Option<Location>,
) {
    if id == ORGANIZATION {
        let d = Diagnostic::new(
            DUPLICATE_ID,
            EntityRef::new(kind, id),
            format!("`{ORGANIZATION}` is the reserved id of the organisation itself"),
        )
        .with_help("give this entity another id")
        .at(location);
        g.diagnostics.push(d);
        g.shadowed.insert(node, None);
        return;
    }
    match g.ids.entry(id) {
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(node);
        }
        std::collections::hash_map::Entry::Occupied(e) => {
            let first = *e.get();
            g.shadowed.insert(node, Some(first));
            let first_ref = g.entity_ref(first);
            let first_loc = g.location(first);
            let message = if first_ref.kind == kind {
                format!("id `{id}` is defined twice")
            } else {
                format!("id `{id}` is already used by {}", first_ref)
            };
            let d = Diagnostic::new(DUPLICATE_ID, EntityRef::new(kind, id), message)
                .with_help("ids are unique across the whole model, whatever the kind: rename one of the two")
                .at(location)
                .with_label(first_loc, "first defined here")
                .with_related(first_ref.kind, first_ref.id);
            g.diagnostics.push(d);
        }
    }
}

fn add_edges(g: &mut OrgGraph<'_>) {
    let mut pending: Vec<Dangling<'_>> = Vec::new();
    for step in super::edges::resolve_all(g) {
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
