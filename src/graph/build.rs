//! Building the graph: one node per entity, one edge per resolved
//! reference, and the integrity findings (`duplicate-id`,
//! `unknown-reference`) met on the way.

use std::collections::HashMap;
use std::hash::BuildHasher;

use petgraph::graph::{DiGraph, NodeIndex};

use super::edges::{Dangling, Resolved};
use super::ids::{Entry, Found, IdIndex, IdText, Place, Taken};
use super::suggest::Suggester;
use super::types::{
    CadenceIx, DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, PersonIx, ProductIx, StageIx,
    TeamIx,
};
use super::{DUPLICATE_ID, FollowOn, IdHasher, OrgGraph, UNKNOWN_REFERENCE};
use crate::diagnostic::{Diagnostic, MAX_LISTED};
use crate::model::{EntityKind, EntityRef, Model, ORGANIZATION};

pub(super) fn build(model: &Model) -> OrgGraph<'_> {
    build_with(model, EARLY_INDEX_FROM)
}

/// [`build`], making the "did you mean" index early from `early_index_from`
/// entities on.
fn build_with(model: &Model, early_index_from: usize) -> OrgGraph<'_> {
    let entity_count = model.entity_count() + 1;
    // Exact sizes: a graph of a million entities has a few million edges,
    // and a list that doubles as it grows would leave up to half of that
    // memory unused. Key results come with their `part of` edge; the other
    // edges are counted once resolved.
    let key_results = model.objectives.iter().map(|o| o.key_results.len()).sum();
    let mut graph: DiGraph<OrgNode, OrgEdge> = DiGraph::with_capacity(entity_count, key_results);
    let org = graph.add_node(OrgNode::Organization);
    let mut g = OrgGraph {
        model: super::ModelRef::Borrowed(model),
        org,
        teams: Vec::with_capacity(model.teams.len()),
        products: Vec::with_capacity(model.products.len()),
        outcomes: Vec::with_capacity(model.outcomes.len()),
        objectives: Vec::with_capacity(model.objectives.len()),
        decisions: Vec::with_capacity(model.decisions.len()),
        people: Vec::with_capacity(model.people.len()),
        stages: Vec::with_capacity(model.lifecycle.len()),
        cadences: Vec::with_capacity(model.cadences.len()),
        team_parent: vec![NodeIndex::end(); model.teams.len()],
        product_parent: vec![NodeIndex::end(); model.products.len()],
        ids: IdIndex::default(),
        shadowed: HashMap::default(),
        other_kinds: HashMap::default(),
        left_for_unread: 0,
        graph,
        diagnostics: Vec::new(),
        follow_ons: Vec::new(),
        chains: std::sync::OnceLock::new(),
        decision_ids: std::sync::OnceLock::new(),
        groups: super::GroupCache::default(),
    };
    let (indexed, text) = add_nodes(&mut g, model);
    let resolved = super::edges::resolve_all(&g, model, &text);
    // Later look-ups are few and read ids in the model.
    drop(text);
    // "Did you mean" reads the ids that sort next to each dangling one. On a
    // large model it is made ready beside the rest of the build instead of
    // after it; with nothing dangling, what it would be made from goes at
    // once.
    let words = unknown_ids(resolved.iter().flat_map(|r| &r.dangling));
    let mut indexed = if words.is_empty() {
        None
    } else {
        Some(indexed)
    };
    let early_index = model.entity_count() >= early_index_from
        && crate::parallel::threads(2) > 1
        && !words.is_empty();
    let (pending, loops, suggester) = std::thread::scope(|s| {
        let index = early_index.then(|| {
            let (indexed, words) = (indexed.take().unwrap_or_default(), &words);
            s.spawn(move || Suggester::new(model, &indexed.entries, &indexed.again, words))
        });
        let pending = add_edges(&mut g, resolved);
        // Loops are reported after the dangling references, as they are met.
        let before = g.diagnostics.len();
        super::cycles::find(&mut g);
        let loops = g.diagnostics.split_off(before);
        let suggester = index.map(|h| match h.join() {
            Ok(suggester) => suggester,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        (pending, loops, suggester)
    });
    report_dangling(
        &mut g,
        model,
        pending,
        suggester,
        indexed.unwrap_or_default(),
        &words,
    );
    g.diagnostics.extend(loops);
    g
}

/// Models at least this large make the "did you mean" index on a thread
/// of its own while the build goes on.
const EARLY_INDEX_FROM: usize = 50_000;

/// The ids that dangling references name and no entity has: the words
/// "did you mean" is asked about.
fn unknown_ids<'a, 'm: 'a>(dangling: impl IntoIterator<Item = &'a Dangling<'m>>) -> Vec<&'m str> {
    dangling
        .into_iter()
        .filter(|d| d.found.is_none())
        .map(|d| d.r.id.as_str())
        .collect()
}

/// The indexed entities, in model order, and those whose id an earlier one
/// already has, in node order: what "did you mean" is made from (see
/// [`Suggester::names`]).
#[derive(Default)]
struct Indexed {
    entries: Vec<Entry>,
    again: Vec<NodeIndex>,
}

/// Adds a node per entity and indexes the ids.
fn add_nodes(g: &mut OrgGraph<'_>, model: &Model) -> (Indexed, IdText) {
    let hasher = IdHasher::default();
    let mut entries: Vec<Entry> = Vec::with_capacity(model.entity_count());
    let mut hashes: Vec<u64> = Vec::with_capacity(model.entity_count());
    let mut text = IdText::with_capacity(model.entity_count() + 1);
    // The reserved id names the organisation: entities that use it are not
    // indexed (`organization` always resolves to the organisation). Each id
    // is read once, here, in model order.
    let mut shadowed: Vec<(NodeIndex, Option<NodeIndex>)> = Vec::new();
    let mut index = |id: &str, node, kind, at: usize, nth: usize| {
        if id == ORGANIZATION {
            shadowed.push((node, None));
            return;
        }
        entries.push(Entry {
            node,
            place: Place {
                kind,
                at: u32::try_from(at).unwrap_or(u32::MAX),
                nth: u32::try_from(nth).unwrap_or(u32::MAX),
            },
        });
        hashes.push(hasher.hash_one(id));
        text.push(node, id);
    };
    for (i, t) in model.teams.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Team(TeamIx::from_usize(i)));
        g.teams.push(n);
        index(&t.id, n, EntityKind::Team, i, 0);
    }
    for (i, p) in model.products.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Product(ProductIx::from_usize(i)));
        g.products.push(n);
        index(&p.id, n, EntityKind::Product, i, 0);
    }
    for (i, o) in model.outcomes.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Outcome(OutcomeIx::from_usize(i)));
        g.outcomes.push(n);
        index(&o.id, n, EntityKind::Outcome, i, 0);
    }
    for (i, o) in model.objectives.iter().enumerate() {
        let ox = ObjectiveIx::from_usize(i);
        let n = g.graph.add_node(OrgNode::Objective(ox));
        g.objectives.push(n);
        index(&o.id, n, EntityKind::Objective, i, 0);
        for (k, kr) in o.key_results.iter().enumerate() {
            let kn = g
                .graph
                .add_node(OrgNode::KeyResult(ox, u32::try_from(k).unwrap_or(u32::MAX)));
            index(&kr.id, kn, EntityKind::KeyResult, i, k);
            g.graph.add_edge(kn, n, OrgEdge::PartOf);
        }
    }
    for i in 0..model.decisions.len() {
        let n = g
            .graph
            .add_node(OrgNode::Decision(DecisionIx::from_usize(i)));
        g.decisions.push(n);
    }
    // The parts of the whole operating-model document come after the rest,
    // so that the nodes of the other entities keep their indices.
    for (i, p) in model.people.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Person(PersonIx::from_usize(i)));
        g.people.push(n);
        index(&p.id, n, EntityKind::Person, i, 0);
    }
    for (i, s) in model.lifecycle.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Stage(StageIx::from_usize(i)));
        g.stages.push(n);
        index(&s.id, n, EntityKind::Stage, i, 0);
    }
    for (i, c) in model.cadences.iter().enumerate() {
        let n = g.graph.add_node(OrgNode::Cadence(CadenceIx::from_usize(i)));
        g.cadences.push(n);
        index(&c.id, n, EntityKind::Cadence, i, 0);
    }
    let (ids, mut taken) = IdIndex::build(&text, hasher, &entries, &hashes);
    g.ids = ids;
    first_written_across_kinds(g, &text, &mut taken);
    let again: Vec<NodeIndex> = taken.iter().map(|t| t.again).collect();
    shadowed.extend(taken.iter().map(|t| (t.again, Some(t.first))));
    // In model order, as the entities were met.
    shadowed.sort_unstable_by_key(|&(n, _)| n);
    // A copied objective copies the ids of its key results (`q3#1`, made
    // from the objective's id) too: one root cause, one finding, so those
    // are folded into the objective's finding rather than each reported.
    let copied_objectives: std::collections::HashSet<NodeIndex> = shadowed
        .iter()
        .filter(|(n, first)| first.is_some() && matches!(g.graph[*n], OrgNode::Objective(_)))
        .map(|&(n, _)| n)
        .collect();
    let mut folded: HashMap<NodeIndex, usize> = HashMap::new();
    for &(node, first) in &shadowed {
        if first.is_some()
            && let Some(objective) = derived_key_result_of(g, node)
            && copied_objectives.contains(&objective)
        {
            *folded.entry(objective).or_insert(0) += 1;
        }
    }
    // An id defined again and again (a generated file, a paste gone wrong)
    // gets a finding for each of its first few copies and one for all the
    // rest: a finding per copy of an id defined a million times held
    // gigabytes, and says nothing the first few do not.
    let mut copies: HashMap<NodeIndex, usize> = HashMap::new();
    for &(_, first) in &shadowed {
        if let Some(first) = first {
            *copies.entry(first).or_insert(0) += 1;
        }
    }
    // The finding that stands for the rest of an id's copies, by first node.
    let mut rest_of: HashMap<NodeIndex, usize> = HashMap::new();
    let mut met: HashMap<NodeIndex, usize> = HashMap::new();
    for (node, first) in shadowed {
        g.shadowed.insert(node, first);
        let d = match first {
            None => reserved_id(g, node),
            Some(_)
                if derived_key_result_of(g, node)
                    .is_some_and(|o| copied_objectives.contains(&o)) =>
            {
                continue;
            }
            Some(first) => {
                let nth = met.entry(first).or_insert(0);
                *nth += 1;
                if *nth > MAX_LISTED + 1 {
                    let at = g.location(node);
                    if let Some(d) = rest_of.get(&first).and_then(|&i| g.diagnostics.get_mut(i)) {
                        d.push_label(at, "defined again here");
                    }
                    continue;
                }
                if *nth == MAX_LISTED + 1 {
                    let rest = copies.get(&first).copied().unwrap_or(0) - MAX_LISTED;
                    rest_of.insert(first, g.diagnostics.len());
                    g.diagnostics.push(the_rest(g, node, first, rest));
                    continue;
                }
                let times = copies.get(&first).copied().unwrap_or(1) + 1;
                let d = duplicate(g, node, first, times);
                match folded.get(&node) {
                    Some(&n) => d.with_help(format!(
                        "ids are unique across the whole model, whatever the kind: rename one of the two; the ids of its {n} key result{} (`{}#1`, …) are made from the objective's id and clash as well, which goes away with the rename",
                        if n == 1 { "" } else { "s" },
                        g.entity_ref(node).id
                    )),
                    None => d,
                }
            }
        };
        g.diagnostics.push(d);
    }
    (Indexed { entries, again }, text)
}

/// Ids defined as entities of different kinds (a team and a product both
/// `search`): the definition written first (by file, in the order files
/// are read, then by line) is the one the id names and the others are its
/// copies, whatever the kinds, so that "first at" points where reading
/// began; and each other kind's first definition is kept for references
/// that expect that kind (see [`OrgGraph::node_of_kind`]). Ids defined again
/// as one kind only keep the model's order, which is the reading order.
fn first_written_across_kinds(g: &mut OrgGraph<'_>, text: &IdText, taken: &mut Vec<Taken>) {
    let kind = |g: &OrgGraph<'_>, n: NodeIndex| g.graph[n].kind();
    let mixed: std::collections::BTreeSet<NodeIndex> = taken
        .iter()
        .filter(|t| kind(g, t.again) != kind(g, t.first))
        .map(|t| t.first)
        .collect();
    if mixed.is_empty() {
        return;
    }
    let mut groups: std::collections::BTreeMap<NodeIndex, Vec<NodeIndex>> =
        mixed.iter().map(|&first| (first, vec![first])).collect();
    for t in taken.iter() {
        if let Some(group) = groups.get_mut(&t.first) {
            group.push(t.again);
        }
    }
    // Groups whose first definition in the model is not the first written,
    // by the node the model had first.
    let mut regrouped: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
    for (first, mut group) in groups {
        // Where each was written; an entity built in code has no place and
        // keeps the model's order.
        let places: Option<Vec<(usize, u32, u32)>> = group
            .iter()
            .map(|&n| g.location(n).map(|l| (l.file.index(), l.line, l.column)))
            .collect();
        if let Some(places) = places {
            let mut order: Vec<usize> = (0..group.len()).collect();
            order.sort_by_key(|&i| (places[i], group[i]));
            group = order.into_iter().map(|i| group[i]).collect();
        }
        let Some(&primary) = group.first() else {
            continue;
        };
        let mut others: Vec<Found> = Vec::new();
        for &n in group.iter().skip(1) {
            let k = kind(g, n);
            if k != kind(g, primary) && !others.iter().any(|f| f.kind == k) {
                others.push(Found { node: n, kind: k });
            }
        }
        g.other_kinds.insert(primary, others);
        if primary != first {
            let found = Found {
                node: primary,
                kind: kind(g, primary),
            };
            g.ids.repoint(found, |n| text.get(n));
            regrouped.insert(first, group);
        }
    }
    if regrouped.is_empty() {
        return;
    }
    // Every other definition is now a copy of the first written, the one
    // the model had first included.
    taken.retain(|t| !regrouped.contains_key(&t.first));
    for group in regrouped.values() {
        if let Some((&primary, rest)) = group.split_first() {
            taken.extend(rest.iter().map(|&again| Taken {
                again,
                first: primary,
            }));
        }
    }
    taken.sort_unstable_by_key(|t| t.again);
}

/// The objective node of `node` when it is a key result whose id is made
/// from its objective's (`q3#2`), not written out.
fn derived_key_result_of(g: &OrgGraph<'_>, node: NodeIndex) -> Option<NodeIndex> {
    let OrgNode::KeyResult(ox, k) = g.graph[node] else {
        return None;
    };
    let objective = g.model.objectives.get(ox.index())?;
    let kr = objective.key_results.get(usize::try_from(k).ok()?)?;
    let derived = kr
        .id
        .as_ref()
        .strip_prefix::<&str>(objective.id.as_ref())
        .is_some_and(|rest| rest.starts_with('#'));
    derived
        .then(|| g.objectives.get(ox.index()).copied())
        .flatten()
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

/// The copies of the id of `first` past the first [`MAX_LISTED`], from
/// `again` on: `rest` of them, as one finding whose labels are their places.
fn the_rest(g: &OrgGraph<'_>, again: NodeIndex, first: NodeIndex, rest: usize) -> Diagnostic {
    let mut d = duplicate(g, again, first, rest + MAX_LISTED + 1);
    let together = format!(
        ": this definition and the {} after it are reported together",
        rest - 1
    );
    let at = d.message.find(", first at").unwrap_or(d.message.len());
    d.message.insert_str(at, &together);
    d.with_help("ids are unique across the whole model, whatever the kind: remove the copies, or give each an id of its own")
}

/// The second (or later) definition `again` of the id `first` has, which is
/// defined `times` times in all.
fn duplicate(g: &OrgGraph<'_>, again: NodeIndex, first: NodeIndex, times: usize) -> Diagnostic {
    let entity = g.entity_ref(again);
    let first_ref = g.entity_ref(first);
    let mut message = if first_ref.kind == entity.kind && times > 2 {
        format!("id `{}` is defined {times} times", entity.id)
    } else if first_ref.kind == entity.kind {
        format!("id `{}` is defined twice", entity.id)
    } else {
        format!("id `{}` is already used by {}", entity.id, first_ref)
    };
    // Both places in the message itself: JSON, SARIF and CI annotations
    // carry one location per finding, and the first definition is the
    // other half of the fix.
    if let Some(l) = g.location(first).filter(|l| l.line > 0) {
        message.push_str(&format!(
            ", first at {}:{}",
            g.model.sources.display(l.file),
            l.line
        ));
    }
    Diagnostic::new(DUPLICATE_ID, entity, message)
        .with_help(
            "ids are unique across the whole model, whatever the kind: rename one of the two",
        )
        .at(g.location(again))
        .with_label(g.location(first), "first defined here")
        .with_related(first_ref.kind, first_ref.id)
}

/// Adds the resolved references as edges, in model order; returns the
/// dangling ones.
fn add_edges<'m>(g: &mut OrgGraph<'m>, mut resolved: [Resolved<'m>; 2]) -> Vec<Dangling<'m>> {
    let edges = resolved.iter().map(Resolved::edge_count).sum();
    g.graph.reserve_exact_edges(edges);
    for block in resolved.iter_mut().flat_map(Resolved::take_blocks) {
        for (from, to, edge) in block {
            g.graph.add_edge(from, to, edge);
            let parent = match (edge, g.graph[from]) {
                (OrgEdge::Parent, OrgNode::Team(t)) => g.team_parent.get_mut(t.index()),
                (OrgEdge::PartOf, OrgNode::Product(p)) => g.product_parent.get_mut(p.index()),
                _ => None,
            };
            if let Some(parent) = parent {
                *parent = to;
            }
        }
    }
    // Each half lists its dangling references in model order, and the
    // halves follow each other in model order.
    let [first, rest] = resolved;
    let mut pending = first.dangling;
    pending.extend(rest.dangling);
    pending
}

/// Reports every dangling reference as `unknown-reference`, with the "did
/// you mean" index when it was made early (made here when first needed
/// otherwise).
fn report_dangling<'m>(
    g: &mut OrgGraph<'m>,
    model: &'m Model,
    pending: Vec<Dangling<'m>>,
    mut suggester: Option<Suggester<'m>>,
    indexed: Indexed,
    words: &[&'m str],
) {
    // Ids defined twice, with their second definitions: a reference to
    // such an id that meets the first definition, of the wrong kind, is
    // what the `duplicate-id` finding already says.
    let mut twice: HashMap<String, Vec<NodeIndex>> = HashMap::new();
    for (&node, first) in &g.shadowed {
        if first.is_some() {
            let id = g.entity_ref(node).id.to_string();
            twice.entry(id).or_default().push(node);
        }
    }
    // Ids written in a file that could not be read: a reference to one of
    // them may dangle only because its definition is in that file.
    let unread = model.sources.unread_words();
    for Dangling {
        from,
        field,
        r,
        want,
        found,
    } in pending
    {
        let entity = g.entity_ref(from);
        if found.is_none() && unread.contains(r.id.as_str()) {
            // What the reference leaves missing is not reported either,
            // while the unread file's finding is.
            if let Some(check) = left_missing(g, from, field) {
                g.follow_ons.push(FollowOn {
                    check,
                    entity: entity.clone(),
                    because: crate::load::INVALID_FILE,
                    because_of: entity.clone(),
                });
            }
            g.left_for_unread += 1;
            continue;
        }
        let shown = shorten(&r.id);
        let meant_twice = found.and_then(|_| {
            let nodes = twice.get::<str>(r.id.as_ref())?;
            nodes
                .iter()
                .copied()
                .filter(|&n| want.accepts(g.graph[n].kind()))
                .min()
        });
        if let Some(meant) = meant_twice {
            let because_of = g.entity_ref(meant);
            follow_ons(g, from, field, meant, (DUPLICATE_ID, because_of));
            continue;
        }
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
                let suggester = suggester.get_or_insert_with(|| {
                    Suggester::new(model, &indexed.entries, &indexed.again, words)
                });
                let help = match suggester.suggest(&r.id, want) {
                    Some(s) => {
                        let mut held = None;
                        // (the definition of the kind wanted, when the id
                        // is shared by two kinds)
                        let meant = g.ids.get(s, |n| g.indexed_id(n)).and_then(|n| {
                            if want.accepts(g.graph[n].kind()) {
                                Some(n)
                            } else {
                                g.other_kind(n, |k| want.accepts(k))
                            }
                        });
                        if let Some(meant) = meant {
                            follow_ons(g, from, field, meant, (UNKNOWN_REFERENCE, entity.clone()));
                            // (said only when it holds something back: a
                            // product another team owns is no orphan anyway)
                            if field == "owns"
                                && matches!(g.graph[meant], OrgNode::Product(p) if !g.has_owner(p))
                            {
                                held = Some(g.entity_ref(meant));
                            }
                        }
                        // "Loan-App" for `loan-app`: the reference is
                        // right and the id it means is not.
                        if crate::model::valid_form(s).as_deref() == Some(r.id.as_str()) {
                            format!(
                                "did you mean `{s}`? That id is not valid: rename the entity `{}`, as this reference writes it",
                                r.id
                            )
                        } else if let Some(product) = held {
                            format!(
                                "did you mean `{s}`? Until it is spelled so, {product} is not reported as `orphaned-product` separately"
                            )
                        } else {
                            format!("did you mean `{s}`?")
                        }
                    }
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
        let mut help = help;
        let missing = left_missing(g, from, field);
        // A product whose only `owner` names nothing has no accountable
        // team because of this reference: one finding says both.
        if missing == Some("orphaned-product") {
            let joint = if help.ends_with('?') {
                " Until"
            } else {
                "; until"
            };
            help.push_str(&format!(
                "{joint} it names a team, {entity} has no accountable owner (`orphaned-product` is not reported separately)"
            ));
        }
        if let Some(check) = missing {
            g.follow_ons.push(FollowOn {
                check,
                entity: entity.clone(),
                because: UNKNOWN_REFERENCE,
                because_of: entity.clone(),
            });
        }
        let location = g.location(from);
        let d = Diagnostic::new(UNKNOWN_REFERENCE, entity, message)
            .with_help(help)
            .at(location)
            .with_focus(r.location(), format!("`{field}` names `{shown}`"));
        g.diagnostics.push(d);
    }
    // One entry per check and entity, however many references made it.
    g.follow_ons.sort_unstable();
    g.follow_ons.dedup();
}

/// Records the findings a reference from `from` in `field` that was meant
/// to name `meant` causes, and that go away with it: the product a team's
/// `owns:` meant is not ownerless, the team is not idle.
/// The check whose finding about `from` a dangling reference in its
/// `field` would only repeat: a team whose `owns` names nothing owns nothing
/// because of it (`idle-team`, in words that read as wrong), and a product
/// whose only `owner` names nothing has no accountable team because of it
/// (`orphaned-product`).
fn left_missing(g: &OrgGraph<'_>, from: NodeIndex, field: &str) -> Option<&'static str> {
    match (field, g.graph[from]) {
        ("owns", OrgNode::Team(_)) => Some("idle-team"),
        ("owner", OrgNode::Product(p)) if !g.has_owner(p) => Some("orphaned-product"),
        _ => None,
    }
}

fn follow_ons(
    g: &mut OrgGraph<'_>,
    from: NodeIndex,
    field: &str,
    meant: NodeIndex,
    (because, because_of): (&'static str, EntityRef),
) {
    let push = |g: &mut OrgGraph<'_>, check: &'static str, entity: EntityRef| {
        g.follow_ons.push(FollowOn {
            check,
            entity,
            because,
            because_of: because_of.clone(),
        });
    };
    // (A product's mistyped `owner:` is handled where it is reported; the
    // team it meant is not idle for want of that product.)
    let (product, team) = match (field, g.graph[from].kind(), g.graph[meant].kind()) {
        ("owns", EntityKind::Team, EntityKind::Product) => (meant, from),
        ("owner", EntityKind::Product, EntityKind::Team) => {
            let team = g.entity_ref(meant);
            push(g, "idle-team", team);
            return;
        }
        _ => return,
    };
    let product = g.entity_ref(product);
    let team = g.entity_ref(team);
    push(g, "orphaned-product", product);
    push(g, "idle-team", team);
}

fn shorten(id: &str) -> String {
    if id.chars().count() <= 80 {
        id.chars().flat_map(char::escape_debug).collect()
    } else {
        let head: String = id.chars().take(80).flat_map(char::escape_debug).collect();
        head + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::build_with;
    use crate::load::{Format, load_str};

    #[test]
    fn a_reference_repeated_many_times_leaves_one_follow_on() {
        // Every finding about the team is looked up in its follow-ons: one
        // entry per dangling copy made that quadratic (330,000 copies of
        // `zz` in `owns` took more than 20 s).
        let mut yaml = String::from("teams:\n  - id: t\n    owns: [");
        yaml.push_str(&vec!["zz"; 2_000].join(", "));
        yaml.push_str("]\n");
        let loaded = load_str(&yaml, Format::Yaml, "org.yaml");
        let g = crate::graph::OrgGraph::build(&loaded.model);
        let follow_ons = g.follow_ons();
        assert_eq!(follow_ons.len(), 1, "{follow_ons:?}");
        assert_eq!(follow_ons[0].check, "idle-team");
        let dangling = g
            .diagnostics()
            .iter()
            .filter(|d| d.check == "unknown-reference")
            .count();
        assert_eq!(dangling, 2_000);
    }

    #[test]
    fn an_id_shared_by_two_kinds_is_suggested_as_the_kind_wanted() {
        let yaml = "outcomes:\n  - { id: card-platform, statement: Cards work }\nteams:\n  - { id: cards, owns: [card-platfrom] }\nproducts:\n  - { id: card-platform }\n";
        let loaded = load_str(yaml, Format::Yaml, "org.yaml");
        let g = build_with(&loaded.model, usize::MAX);
        let help = g
            .diagnostics()
            .iter()
            .find(|d| d.check == "unknown-reference")
            .and_then(|d| d.help.as_deref())
            .unwrap_or_default();
        assert!(
            help.starts_with(
                "did you mean `card-platform`? Until it is spelled so, product `card-platform`"
            ),
            "{help}"
        );
        assert!(
            g.follow_ons()
                .iter()
                .any(|f| f.check == "orphaned-product" && f.entity.id == "card-platform"),
            "{:?}",
            g.follow_ons()
        );
    }

    #[test]
    fn the_early_did_you_mean_index_changes_nothing() {
        let yaml = "\
teams:
  - { id: payments, parent: paymnts-unit, owns: [checkout, wallet] }
  - { id: payments-unit, kind: unit, parent: payments }
  - { id: search, parent: payments-unit, owns: [serch-api] }
  - { id: loop-a, kind: unit, parent: loop-b }
  - { id: loop-b, kind: unit, parent: loop-a }
products:
  - { id: checkout, outcomes: [conversion, payments] }
  - { id: search-api, owner: serch }
outcomes:
  - { id: conversion, statement: More carts become orders, owner: payments-unit }
decisions:
  - { area: budget-allocation, scope: chekout, decides: payments }
";
        let loaded = load_str(yaml, Format::Yaml, "org.yaml");
        let late = build_with(&loaded.model, usize::MAX);
        let early = build_with(&loaded.model, 0);
        assert_eq!(early.diagnostics(), late.diagnostics());
        let checks: Vec<&str> = late.diagnostics().iter().map(|d| &*d.check).collect();
        assert!(checks.contains(&"unknown-reference"), "{checks:?}");
        assert!(checks.contains(&"hierarchy-cycle"), "{checks:?}");
        let helps: Vec<&str> = late
            .diagnostics()
            .iter()
            .filter_map(|d| d.help.as_deref())
            .collect();
        assert!(
            helps.iter().any(|h| h.starts_with("did you mean `search-api`? Until it is spelled so, product `search-api` is not reported as `orphaned-product`")),
            "{helps:?}"
        );
        assert_eq!(early.graph().edge_count(), late.graph().edge_count());
    }
}
