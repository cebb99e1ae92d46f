//! Building the graph: one node per entity, one edge per resolved
//! reference, and the integrity findings (`duplicate-id`,
//! `unknown-reference`) met on the way.

use std::collections::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::types::{
    ClaimSource, DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, ProductIx, TeamIx,
};
use super::{DUPLICATE_ID, OrgGraph, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{EntityKind, EntityRef, Model, ORGANIZATION, Ref};
use crate::source::Location;

/// What a reference field may name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Want {
    Team,
    TeamOrOrg,
    Product,
    Outcome,
    OutcomeOrObjective,
    Scope,
}

impl Want {
    fn accepts(self, node: OrgNode) -> bool {
        matches!(
            (self, node),
            (Self::Team, OrgNode::Team(_))
                | (Self::TeamOrOrg, OrgNode::Team(_) | OrgNode::Organization)
                | (Self::Product, OrgNode::Product(_))
                | (Self::Outcome, OrgNode::Outcome(_))
                | (
                    Self::OutcomeOrObjective,
                    OrgNode::Outcome(_) | OrgNode::Objective(_)
                )
                | (
                    Self::Scope,
                    OrgNode::Team(_) | OrgNode::Product(_) | OrgNode::Organization
                )
        )
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Team => "a team",
            Self::TeamOrOrg => "a team or `organization`",
            Self::Product => "a product",
            Self::Outcome => "an outcome",
            Self::OutcomeOrObjective => "an outcome or an objective",
            Self::Scope => "a product, a team or `organization`",
        }
    }
}

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
        return;
    }
    match g.ids.entry(id) {
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(node);
        }
        std::collections::hash_map::Entry::Occupied(e) => {
            let first = *e.get();
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

fn add_edges<'m>(g: &mut OrgGraph<'m>) {
    let model: &'m Model = g.model;
    let mut pending: Vec<Dangling<'m>> = Vec::new();
    for (i, t) in model.teams.iter().enumerate() {
        let n = g.teams[i];
        if let Some(parent) = &t.parent
            && let Some(target) = resolve(g, &mut pending, n, "parent", parent, Want::TeamOrOrg)
        {
            g.graph.add_edge(n, target, OrgEdge::Parent);
        }
        for r in &t.owns {
            if let Some(target) = resolve(g, &mut pending, n, "owns", r, Want::Product) {
                g.graph.add_edge(
                    n,
                    target,
                    OrgEdge::Owns {
                        via: ClaimSource::OwnsField,
                        at: r.location,
                    },
                );
            }
        }
    }
    for (i, p) in model.products.iter().enumerate() {
        let n = g.products[i];
        for r in &p.owner {
            if let Some(team) = resolve(g, &mut pending, n, "owner", r, Want::Team) {
                g.graph.add_edge(
                    team,
                    n,
                    OrgEdge::Owns {
                        via: ClaimSource::OwnerField,
                        at: r.location,
                    },
                );
            }
        }
        for r in &p.contributors {
            if let Some(team) = resolve(g, &mut pending, n, "contributors", r, Want::Team) {
                g.graph.add_edge(team, n, OrgEdge::Contributes);
            }
        }
        if let Some(r) = &p.part_of
            && let Some(parent) = resolve(g, &mut pending, n, "part_of", r, Want::Product)
        {
            g.graph.add_edge(n, parent, OrgEdge::PartOf);
        }
        for r in &p.outcomes {
            if let Some(o) = resolve(g, &mut pending, n, "outcomes", r, Want::Outcome) {
                g.graph.add_edge(n, o, OrgEdge::Serves);
            }
        }
    }
    for (i, o) in model.outcomes.iter().enumerate() {
        let n = g.outcomes[i];
        if let Some(r) = &o.owner
            && let Some(team) = resolve(g, &mut pending, n, "owner", r, Want::Team)
        {
            g.graph.add_edge(
                team,
                n,
                OrgEdge::Owns {
                    via: ClaimSource::OwnerField,
                    at: r.location,
                },
            );
        }
        for r in &o.supports {
            if let Some(parent) = resolve(g, &mut pending, n, "supports", r, Want::Outcome) {
                g.graph.add_edge(n, parent, OrgEdge::Supports);
            }
        }
    }
    for (i, o) in model.objectives.iter().enumerate() {
        let n = g.objectives[i];
        if let Some(r) = &o.owner
            && let Some(team) = resolve(g, &mut pending, n, "owner", r, Want::Team)
        {
            g.graph.add_edge(
                team,
                n,
                OrgEdge::Owns {
                    via: ClaimSource::OwnerField,
                    at: r.location,
                },
            );
        }
        for r in &o.supports {
            if let Some(target) =
                resolve(g, &mut pending, n, "supports", r, Want::OutcomeOrObjective)
            {
                g.graph.add_edge(n, target, OrgEdge::Supports);
            }
        }
    }
    for (i, d) in model.decisions.iter().enumerate() {
        let n = g.decisions[i];
        if let Some(scope) = resolve(g, &mut pending, n, "scope", &d.scope, Want::Scope) {
            g.graph.add_edge(n, scope, OrgEdge::AppliesTo);
        }
        let roles: [(&'static str, &'m [Ref], OrgEdge); 5] = [
            ("decides", &d.decides, OrgEdge::Decides),
            ("recommends", &d.recommends, OrgEdge::Recommends),
            ("agrees", &d.agrees, OrgEdge::Agrees),
            ("consulted", &d.consulted, OrgEdge::Consulted),
            ("informed", &d.informed, OrgEdge::Informed),
        ];
        for (field, refs, edge) in roles {
            for r in refs {
                if let Some(team) = resolve(g, &mut pending, n, field, r, Want::Team) {
                    g.graph.add_edge(team, n, edge);
                }
            }
        }
        if let Some(r) = &d.escalates_to
            && let Some(target) = resolve(g, &mut pending, n, "escalates_to", r, Want::TeamOrOrg)
        {
            g.graph.add_edge(n, target, OrgEdge::EscalatesTo);
        }
    }
    report_dangling(g, pending);
}

/// Finds the node `r` names, or reports `unknown-reference` on `from`.
fn resolve<'m>(
    g: &mut OrgGraph<'m>,
    pending: &mut Vec<Dangling<'m>>,
    from: NodeIndex,
    field: &'static str,
    r: &'m Ref,
    want: Want,
) -> Option<NodeIndex> {
    let found = if r.id == ORGANIZATION {
        Some(g.org)
    } else {
        g.ids.get(r.id.as_str()).copied()
    };
    if let Some(node) = found
        && want.accepts(g.graph[node])
    {
        return Some(node);
    }
    pending.push(Dangling {
        from,
        field,
        r,
        want,
        found,
    });
    None
}

/// A reference that did not resolve, kept until every edge is built so that
/// the "did you mean" index is made once, not once per dangling reference.
struct Dangling<'m> {
    from: NodeIndex,
    field: &'static str,
    r: &'m Ref,
    want: Want,
    found: Option<NodeIndex>,
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

/// Finds the closest existing id for a dangling one. Small models compare
/// against every id of the wanted kind; large ones only against the ids of
/// that kind that sort next to the word, forwards and backwards, which
/// catches typos at either end while keeping each look-up logarithmic. One
/// index serves every kind of reference: sorting a million ids is the cost
/// here, so it is paid once, the two orders on two threads.
struct Suggester<'m> {
    /// Every id (and `organization`), sorted.
    forward: Vec<(&'m str, NodeIndex)>,
    /// The same, ordered by their characters read backwards; empty for
    /// small models.
    backward: Vec<(&'m str, NodeIndex)>,
}

/// The first 32 bytes of an id as two integers, zero-padded: sorting a
/// million ids that share long prefixes (`team-payments-…`) by `memcmp`
/// costs a call per comparison, while these compare in two instructions and
/// decide the order of every id up to 32 bytes long. Ties fall back to the
/// whole id.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey(u128, u128);

impl SortKey {
    fn new(bytes: impl Iterator<Item = u8>) -> Self {
        let mut key = [0u8; 32];
        for (slot, b) in key.iter_mut().zip(bytes) {
            *slot = b;
        }
        let (high, low) = key.split_at(16);
        let part = |half: &[u8]| {
            let mut word = [0u8; 16];
            word.copy_from_slice(half);
            u128::from_be_bytes(word)
        };
        Self(part(high), part(low))
    }
}

/// Compares two ids read backwards (the order of their reversed strings).
fn cmp_reversed(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes().rev().cmp(b.bytes().rev())
}

impl<'m> Suggester<'m> {
    const FULL_SCAN: usize = 20_000;
    const WINDOW: usize = 32;
    /// How far a look-up walks from the word's place to find `WINDOW` ids of
    /// the wanted kind, so that a rare kind among many others stays cheap.
    const MAX_STEPS: usize = 4096;

    fn new(g: &OrgGraph<'m>) -> Self {
        // No reference field names a key result: leaving them out makes the
        // sorts about half as long.
        let mut all: Vec<(&'m str, NodeIndex)> = g
            .ids
            .iter()
            .filter(|(_, n)| !matches!(g.graph[**n], OrgNode::KeyResult(..)))
            .map(|(id, n)| (*id, *n))
            .collect();
        all.push((ORGANIZATION, g.org));
        if all.len() <= Self::FULL_SCAN {
            all.sort_unstable();
            return Self {
                forward: all,
                backward: Vec::new(),
            };
        }
        Self {
            backward: Self::by_reversed(&all),
            forward: Self::sorted(all),
        }
    }

    /// `ids` ordered by their bytes read backwards.
    fn by_reversed(ids: &[(&'m str, NodeIndex)]) -> Vec<(&'m str, NodeIndex)> {
        let mut keyed: Vec<(SortKey, &'m str, NodeIndex)> = ids
            .iter()
            .map(|&(id, n)| (SortKey::new(id.bytes().rev()), id, n))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| cmp_reversed(a.1, b.1)));
        keyed.into_iter().map(|(_, id, n)| (id, n)).collect()
    }

    /// `ids` in the order of their bytes.
    fn sorted(ids: Vec<(&'m str, NodeIndex)>) -> Vec<(&'m str, NodeIndex)> {
        let mut keyed: Vec<(SortKey, &'m str, NodeIndex)> = ids
            .into_iter()
            .map(|(id, n)| (SortKey::new(id.bytes()), id, n))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        keyed.into_iter().map(|(_, id, n)| (id, n)).collect()
    }

    fn suggest(&self, g: &OrgGraph<'m>, word: &str, want: Want) -> Option<&'m str> {
        let accepts = |n: NodeIndex| want.accepts(g.graph[n]);
        if self.backward.is_empty() {
            let candidates = self
                .forward
                .iter()
                .filter(|(_, n)| accepts(*n))
                .map(|(id, _)| *id);
            return did_you_mean(word, candidates);
        }
        let mut near: Vec<&'m str> = Vec::with_capacity(4 * Self::WINDOW);
        let at = self.forward.partition_point(|(id, _)| *id < word);
        Self::around(&self.forward, at, &accepts, &mut near);
        let at = self
            .backward
            .partition_point(|(id, _)| cmp_reversed(id, word).is_lt());
        Self::around(&self.backward, at, &accepts, &mut near);
        // Sorted so that ties between equally close ids break the same way every run.
        near.sort_unstable();
        near.dedup();
        did_you_mean(word, near)
    }

    /// Up to `WINDOW` accepted ids on each side of `at`.
    fn around(
        list: &[(&'m str, NodeIndex)],
        at: usize,
        accepts: &impl Fn(NodeIndex) -> bool,
        out: &mut Vec<&'m str>,
    ) {
        let accepted = |&(id, n): &(&'m str, NodeIndex)| accepts(n).then_some(id);
        let before = list[..at].iter().rev().take(Self::MAX_STEPS);
        out.extend(before.filter_map(accepted).take(Self::WINDOW));
        let after = list[at..].iter().take(Self::MAX_STEPS);
        out.extend(after.filter_map(accepted).take(Self::WINDOW));
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
