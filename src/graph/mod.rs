//! The operating model as a graph: who owns what, what serves which
//! outcome, who decides what.
//!
//! [`OrgGraph`] borrows a [`Model`] and adds a petgraph [`DiGraph`] with one
//! [`OrgNode`] per entity and one typed [`OrgEdge`] per resolved reference.
//! The everyday questions have methods ([`OrgGraph::owners`],
//! [`OrgGraph::alignment_path`], [`OrgGraph::governing_decisions`],
//! [`OrgGraph::staffing`], [`OrgGraph::interactions`], …); for
//! anything else, [`OrgGraph::graph`] hands out the petgraph graph itself,
//! so every petgraph algorithm works on it.
//!
//! ```
//! use opmodel::graph::OrgGraph;
//! use opmodel::model::{Model, Product, Team};
//! let model = Model::builder()
//!     .team(Team::new("playback").owns("web-player"))
//!     .product(Product::new("web-player").owner("playback"))
//!     .build();
//! let graph = OrgGraph::build(&model);
//! let web_player = graph.product_ix("web-player").unwrap();
//! // Claimed both ways by the same team: one owner, two claims.
//! let owners = graph.owners(web_player);
//! assert_eq!(owners.len(), 1);
//! assert_eq!(owners[0].claims.len(), 2);
//! ```

mod build;
mod chains;
mod cycles;
mod edges;
mod handles;
mod ids;
mod people;
mod query;
mod relations;
mod scopes;
mod steps;
mod suggest;
mod types;
mod views;

pub(crate) use scopes::NearestScope;
pub(crate) use steps::count as count_steps;
#[doc(hidden)]
pub use steps::walk_steps;

pub use handles::{
    CadenceRef, DecisionRef, ObjectiveRef, OutcomeRef, PersonRef, ProductRef, StageRef, TeamRef,
};
pub use people::{Allocated, SHARE_TOLERANCE, Staffing};
pub use query::{Governing, Owner};
pub use types::{
    CadenceIx, ClaimSource, DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, PersonIx,
    ProductIx, StageIx, TeamIx,
};
pub use views::OrgView;

use std::collections::HashMap;
use std::sync::Arc;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::diagnostic::Diagnostic;
use crate::model::{
    DecisionRight, EntityKind, EntityRef, KeyResult, Model, ORGANIZATION, Objective, Outcome,
    Product, Team,
};
use crate::source::Location;

/// Check name: a field names an id that no entity (of the right kind) has.
pub const UNKNOWN_REFERENCE: &str = "unknown-reference";
/// Check name: two entities share an id.
pub const DUPLICATE_ID: &str = "duplicate-id";
/// Check name: a loop in `parent`, `part_of` or `supports` chains.
pub const HIERARCHY_CYCLE: &str = "hierarchy-cycle";

/// A [`Model`] built into a graph of ownership, alignment and decision rights.
///
/// Node indices are stable for the life of the graph (nothing is removed)
/// and follow model order: the organisation, then teams, products,
/// outcomes, objectives (each followed by its key results), decisions,
/// then people, lifecycle stages and cadences.
#[derive(Debug)]
pub struct OrgGraph<'m> {
    model: ModelRef<'m>,
    graph: DiGraph<OrgNode, OrgEdge>,
    org: NodeIndex,
    teams: Vec<NodeIndex>,
    products: Vec<NodeIndex>,
    outcomes: Vec<NodeIndex>,
    objectives: Vec<NodeIndex>,
    decisions: Vec<NodeIndex>,
    people: Vec<NodeIndex>,
    stages: Vec<NodeIndex>,
    cadences: Vec<NodeIndex>,
    /// Each team's resolved `parent` (a team or the organisation), and each
    /// product's resolved `part_of`; `NodeIndex::end()` for none. Walks up a
    /// hierarchy read these instead of scanning a unit's edges, which for a
    /// unit that owns and decides a lot are thousands long.
    team_parent: Vec<NodeIndex>,
    product_parent: Vec<NodeIndex>,
    ids: ids::IdIndex,
    /// The entities whose id does not name them: a second definition maps
    /// to the first, an entity with the reserved id `organization` to
    /// `None`. Empty in a sound model, so asking costs next to nothing.
    shadowed: HashMap<NodeIndex, Option<NodeIndex>, IndexHasher>,
    /// For an id defined as entities of different kinds (a team and a
    /// product both `search`), by the node the id names: the first
    /// definition of each other kind. A reference that expects one of those
    /// kinds finds it there. Empty in a sound model.
    other_kinds: HashMap<NodeIndex, Vec<ids::Found>, IndexHasher>,
    diagnostics: Vec<Diagnostic>,
    /// Findings an integrity finding already explains, as (check, entity):
    /// the product a mistyped `owns:` was meant to name is not also
    /// `orphaned-product`, nor its team `idle-team`. The linter leaves
    /// them out.
    follow_ons: Vec<FollowOn>,
    /// How many `unknown-reference` findings were left out because the id
    /// they name is written in a file that could not be read (see
    /// [`SourceFile::is_unread`](crate::source::SourceFile::is_unread)).
    left_for_unread: usize,
    /// The `parent` and `part_of` chains, walked the first time a check
    /// asks and shared by every check after it.
    chains: std::sync::OnceLock<Chains>,
    /// Each decision right's printed id (`area@scope`) → its first entry,
    /// made the first time one is looked up.
    decision_ids: std::sync::OnceLock<HashMap<crate::model::Id, DecisionIx, IdHasher>>,
    /// Teams, products and people grouped by id, made the first time a
    /// check asks and shared by every check after it.
    groups: GroupCache,
}

/// A finding (`check` about `entity`) that another finding (`because` about
/// `because_of`) already says: the product a mistyped `owns:` meant is not
/// also `orphaned-product`. It is left out only while the finding that
/// explains it is reported: when that one is allowed, nothing would tell.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FollowOn {
    pub(crate) check: &'static str,
    pub(crate) entity: EntityRef,
    pub(crate) because: &'static str,
    pub(crate) because_of: EntityRef,
}

/// [`OrgGraph::team_groups`], [`OrgGraph::product_groups`] and
/// [`OrgGraph::person_groups`], each made once: a dozen checks ask, and
/// grouping a model with a repeated id reads every id of the kind.
#[derive(Debug, Default)]
struct GroupCache {
    teams: std::sync::OnceLock<Groups<TeamIx>>,
    products: std::sync::OnceLock<Groups<ProductIx>>,
    people: std::sync::OnceLock<Groups<PersonIx>>,
}

/// The model a graph was built from: borrowed, or shared with the graph
/// (which then owes nothing to a lifetime; see [`OrgGraph::build_owned`]).
#[derive(Debug, Clone)]
enum ModelRef<'m> {
    Borrowed(&'m Model),
    Shared(Arc<Model>),
}

impl std::ops::Deref for ModelRef<'_> {
    type Target = Model;

    fn deref(&self) -> &Model {
        match self {
            Self::Borrowed(model) => model,
            Self::Shared(model) => model,
        }
    }
}

/// The team `parent` and product `part_of` chains of a graph.
#[derive(Debug)]
pub(crate) struct Chains {
    /// Over team indices: each team's parent team.
    pub(crate) teams: chains::Chain,
    /// Over product indices: each product's parent product.
    pub(crate) products: chains::Chain,
}

impl<'m> OrgGraph<'m> {
    /// Builds the graph, resolving every reference. Integrity problems
    /// (`duplicate-id`, `unknown-reference`, `hierarchy-cycle`) are kept in
    /// [`OrgGraph::diagnostics`]; a dangling reference simply has no edge.
    ///
    /// Complexity: linear in the number of entities and references.
    pub fn build(model: &'m Model) -> Self {
        build::build(model)
    }

    /// Builds the graph of a model it then holds, so that the graph borrows
    /// nothing: it can live in a struct, behind an [`Arc`], or be sent to
    /// another thread. [`Org`](crate::Org) is this graph plus what loading
    /// found.
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Model, Team};
    /// fn graph_of(model: Model) -> OrgGraph<'static> {
    ///     OrgGraph::build_owned(model)
    /// }
    /// let graph = graph_of(Model::builder().team(Team::new("playback")).build());
    /// assert!(graph.team_ix("playback").is_some());
    /// ```
    pub fn build_owned(model: impl Into<Arc<Model>>) -> OrgGraph<'static> {
        let model: Arc<Model> = model.into();
        let borrowed = build::build(&model);
        let OrgGraph {
            model: _,
            graph,
            org,
            teams,
            products,
            outcomes,
            objectives,
            decisions,
            people,
            stages,
            cadences,
            team_parent,
            product_parent,
            ids,
            shadowed,
            other_kinds,
            diagnostics,
            follow_ons,
            left_for_unread,
            chains,
            decision_ids,
            groups,
        } = borrowed;
        OrgGraph {
            model: ModelRef::Shared(model),
            graph,
            org,
            teams,
            products,
            outcomes,
            objectives,
            decisions,
            people,
            stages,
            cadences,
            team_parent,
            product_parent,
            ids,
            shadowed,
            other_kinds,
            diagnostics,
            follow_ons,
            left_for_unread,
            chains,
            decision_ids,
            groups,
        }
    }

    /// The model, shared: the same [`Arc`] when the graph holds its model
    /// ([`OrgGraph::build_owned`]), a copy when it borrows it.
    pub fn shared_model(&self) -> Arc<Model> {
        match &self.model {
            ModelRef::Shared(model) => Arc::clone(model),
            ModelRef::Borrowed(model) => Arc::new((*model).clone()),
        }
    }

    /// The `parent` and `part_of` chains, walked once and then shared.
    pub(crate) fn chains(&self) -> &Chains {
        self.chains.get_or_init(|| {
            let up = |parents: &[NodeIndex]| -> Vec<Option<u32>> {
                parents
                    .iter()
                    .map(|&n| match self.graph.node_weight(n) {
                        Some(OrgNode::Team(t)) => u32::try_from(t.index()).ok(),
                        Some(OrgNode::Product(p)) => u32::try_from(p.index()).ok(),
                        _ => None,
                    })
                    .collect()
            };
            Chains {
                teams: chains::Chain::new(up(&self.team_parent)),
                products: chains::Chain::new(up(&self.product_parent)),
            }
        })
    }

    /// A team's parent (a team or the organisation) as its chain walks it:
    /// `None` without one, with a dangling one, or when it is its own.
    pub(crate) fn team_parent(&self, team: TeamIx) -> Option<NodeIndex> {
        self.team_parent
            .get(team.index())
            .copied()
            .filter(|&n| n != NodeIndex::end() && n != self.team_node(team))
    }

    /// Whether a team's `parent` chain ends at the organisation.
    pub(crate) fn reaches_organization(&self, team: TeamIx) -> bool {
        self.chains()
            .teams
            .top(team.index())
            .and_then(|top| self.team_parent.get(top))
            .is_some_and(|&n| n == self.org)
    }

    /// The model the graph was built from.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The petgraph graph itself, for petgraph's algorithms and visitors.
    pub fn graph(&self) -> &DiGraph<OrgNode, OrgEdge> {
        &self.graph
    }

    /// The integrity findings met while building, without severities.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// How many `unknown-reference` findings were left out because the id
    /// they name is written in a file that could not be read.
    pub(crate) fn left_for_unread(&self) -> usize {
        self.left_for_unread
    }

    /// Findings that one of [`OrgGraph::diagnostics`] (or an unread
    /// file's `invalid-file`) already explains, which the linter does not
    /// report while that finding is.
    pub(crate) fn follow_ons(&self) -> &[FollowOn] {
        &self.follow_ons
    }

    /// The node of the organisation itself.
    pub fn organization(&self) -> NodeIndex {
        self.org
    }

    /// The node of a team.
    pub fn team_node(&self, team: TeamIx) -> NodeIndex {
        self.teams[team.index()]
    }

    /// The node of a product.
    pub fn product_node(&self, product: ProductIx) -> NodeIndex {
        self.products[product.index()]
    }

    /// The node of an outcome.
    pub fn outcome_node(&self, outcome: OutcomeIx) -> NodeIndex {
        self.outcomes[outcome.index()]
    }

    /// The node of an objective.
    pub fn objective_node(&self, objective: ObjectiveIx) -> NodeIndex {
        self.objectives[objective.index()]
    }

    /// The node of a decision right.
    pub fn decision_node(&self, decision: DecisionIx) -> NodeIndex {
        self.decisions[decision.index()]
    }

    /// The node of the `n`th (from 0) key result of an objective.
    pub fn key_result_node(&self, objective: ObjectiveIx, n: u32) -> Option<NodeIndex> {
        let n = n as usize;
        // Each objective's key results are the nodes right after its own.
        let count = self
            .model
            .objectives
            .get(objective.index())?
            .key_results
            .len();
        let node = self.objectives.get(objective.index())?.index();
        (n < count).then(|| NodeIndex::new(node + 1 + n))
    }

    /// The node defined with `id` (the first definition when it is defined
    /// twice); `organization` gives the organisation's node.
    ///
    /// Decision rights are found by the id diagnostics print for them,
    /// `<area>@<scope>`, so that every id in a report can be looked up.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        if id == ORGANIZATION {
            return Some(self.org);
        }
        match self.ids.get(id, |n| self.indexed_id(n)) {
            // `@` is no id character: only a decision right's id has one.
            None if id.contains('@') => self.decision_ix(id).map(|d| self.decision_node(d)),
            found => found,
        }
    }

    /// Whether `node`'s id names it: false for the second definition of an
    /// id (its id names the first) and for an entity that uses the reserved
    /// id `organization`. Checks that report once per id skip the others.
    pub fn is_primary(&self, node: NodeIndex) -> bool {
        !self.shadowed.contains_key(&node)
    }

    /// Whether `node` defines again an entity of its own kind defined before
    /// it (the same team written in two files): the `duplicate-id` finding
    /// is about it, and checks about the entity report the first definition
    /// only. A product that shares its id with a team is no copy of it.
    pub fn is_copy(&self, node: NodeIndex) -> bool {
        match self.shadowed.get(&node) {
            Some(Some(first)) => self.graph[*first].kind() == self.graph[node].kind(),
            _ => false,
        }
    }

    /// The entity that `node`'s id names: `node` itself, or the first
    /// definition when `node` defines its id again; `None` for an entity
    /// that uses the reserved id `organization`.
    pub fn definition_of(&self, node: NodeIndex) -> Option<NodeIndex> {
        match self.shadowed.get(&node) {
            Some(first) => *first,
            None => Some(node),
        }
    }

    /// The team that `team`'s id names: `team` itself unless its id is
    /// defined twice, then the first team definition (a team defined twice
    /// is one team).
    pub fn canonical_team(&self, team: TeamIx) -> TeamIx {
        match self
            .definition_of(self.team_node(team))
            .map(|n| self.graph[n])
        {
            Some(OrgNode::Team(first)) => first,
            _ => team,
        }
    }

    /// The product that `product`'s id names, like [`Self::canonical_team`].
    pub fn canonical_product(&self, product: ProductIx) -> ProductIx {
        match self
            .definition_of(self.product_node(product))
            .map(|n| self.graph[n])
        {
            Some(OrgNode::Product(first)) => first,
            _ => product,
        }
    }

    /// The node defined with `id` as an entity of `kind`: the one [`node`]
    /// gives when it is of that kind, else a definition of that kind the id
    /// also has (ids are meant to be unique across kinds; a model where a
    /// team and a product share one still has both).
    ///
    /// [`node`]: OrgGraph::node
    pub(super) fn node_of_kind(&self, id: &str, kind: EntityKind) -> Option<NodeIndex> {
        let node = self.node(id)?;
        if self.graph[node].kind() == kind {
            return Some(node);
        }
        self.other_kind(node, |k| k == kind)
    }

    /// A definition of another kind that `accepts` of the id `node` names.
    pub(super) fn other_kind(
        &self,
        node: NodeIndex,
        accepts: impl Fn(EntityKind) -> bool,
    ) -> Option<NodeIndex> {
        self.other_kinds
            .get(&node)?
            .iter()
            .find(|f| accepts(f.kind))
            .map(|f| f.node)
    }

    /// The team with `id`.
    pub fn team_ix(&self, id: &str) -> Option<TeamIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Team)?] {
            OrgNode::Team(t) => Some(t),
            _ => None,
        }
    }

    /// The product with `id`.
    pub fn product_ix(&self, id: &str) -> Option<ProductIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Product)?] {
            OrgNode::Product(p) => Some(p),
            _ => None,
        }
    }

    /// The outcome with `id`.
    pub fn outcome_ix(&self, id: &str) -> Option<OutcomeIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Outcome)?] {
            OrgNode::Outcome(o) => Some(o),
            _ => None,
        }
    }

    /// The objective with `id`.
    pub fn objective_ix(&self, id: &str) -> Option<ObjectiveIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Objective)?] {
            OrgNode::Objective(o) => Some(o),
            _ => None,
        }
    }

    /// The team behind an index.
    pub fn team(&self, team: TeamIx) -> &Team {
        &self.model.teams[team.index()]
    }

    /// The product behind an index.
    pub fn product(&self, product: ProductIx) -> &Product {
        &self.model.products[product.index()]
    }

    /// The outcome behind an index.
    pub fn outcome(&self, outcome: OutcomeIx) -> &Outcome {
        &self.model.outcomes[outcome.index()]
    }

    /// The objective behind an index.
    pub fn objective(&self, objective: ObjectiveIx) -> &Objective {
        &self.model.objectives[objective.index()]
    }

    /// The decision right behind an index.
    pub fn decision(&self, decision: DecisionIx) -> &DecisionRight {
        &self.model.decisions[decision.index()]
    }

    /// The key result behind a key-result node's parts.
    pub fn key_result(&self, objective: ObjectiveIx, n: u32) -> &KeyResult {
        &self.model.objectives[objective.index()].key_results[n as usize]
    }

    /// Every team index, in model order.
    pub fn team_ixs(&self) -> impl ExactSizeIterator<Item = TeamIx> + use<> {
        (0..self.model.teams.len()).map(TeamIx::from_usize)
    }

    /// Every product index, in model order.
    pub fn product_ixs(&self) -> impl ExactSizeIterator<Item = ProductIx> + use<> {
        (0..self.model.products.len()).map(ProductIx::from_usize)
    }

    /// Every outcome index, in model order.
    pub fn outcome_ixs(&self) -> impl ExactSizeIterator<Item = OutcomeIx> + use<> {
        (0..self.model.outcomes.len()).map(OutcomeIx::from_usize)
    }

    /// Every objective index, in model order.
    pub fn objective_ixs(&self) -> impl ExactSizeIterator<Item = ObjectiveIx> + use<> {
        (0..self.model.objectives.len()).map(ObjectiveIx::from_usize)
    }

    /// Every decision index, in model order.
    pub fn decision_ixs(&self) -> impl ExactSizeIterator<Item = DecisionIx> + use<> {
        (0..self.model.decisions.len()).map(DecisionIx::from_usize)
    }

    /// Every team id once, in model order, with all of its definitions (more
    /// than one only when the id is defined twice, which `duplicate-id`
    /// reports): checks that report once per team iterate over these.
    pub fn team_definitions(&self) -> Vec<Vec<TeamIx>> {
        self.team_groups().iter().map(<[TeamIx]>::to_vec).collect()
    }

    /// Every product id once, in model order, with all of its definitions.
    pub fn product_definitions(&self) -> Vec<Vec<ProductIx>> {
        self.product_groups()
            .iter()
            .map(<[ProductIx]>::to_vec)
            .collect()
    }

    /// [`Self::team_definitions`] in one list, made the first time it is
    /// asked for: a dozen built-in checks ask on every run, and a list per
    /// team was a hundred thousand allocations each time on a big org.
    pub(crate) fn team_groups(&self) -> &Groups<TeamIx> {
        self.groups.teams.get_or_init(|| {
            Groups::of(self.team_ixs(), self.shadowed.is_empty(), |t| {
                self.team(t).id.as_str()
            })
        })
    }

    /// [`Self::product_definitions`] in one list (see [`Self::team_groups`]).
    pub(crate) fn product_groups(&self) -> &Groups<ProductIx> {
        self.groups.products.get_or_init(|| {
            Groups::of(self.product_ixs(), self.shadowed.is_empty(), |p| {
                self.product(p).id.as_str()
            })
        })
    }

    /// Names the entity behind a node, as diagnostics do.
    pub fn entity_ref(&self, node: NodeIndex) -> EntityRef {
        EntityRef::new(self.graph[node].kind(), self.id(node))
    }

    /// The id of the entity behind a node (`<area>@<scope>` for decisions).
    pub fn id(&self, node: NodeIndex) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self.graph[node] {
            OrgNode::Organization => Cow::Borrowed(ORGANIZATION),
            OrgNode::Decision(d) => Cow::Owned(self.decision(d).id().into()),
            _ => Cow::Borrowed(self.indexed_id(node).unwrap_or_default()),
        }
    }

    /// The id of a node the id index holds (any entity but a decision right
    /// or the organisation), read in the model.
    fn indexed_id(&self, node: NodeIndex) -> Option<&str> {
        let id = match *self.graph.node_weight(node)? {
            OrgNode::Team(t) => &self.team(t).id,
            OrgNode::Product(p) => &self.product(p).id,
            OrgNode::Outcome(o) => &self.outcome(o).id,
            OrgNode::Objective(o) => &self.objective(o).id,
            OrgNode::KeyResult(o, k) => &self.key_result(o, k).id,
            OrgNode::Person(p) => &self.person(p).id,
            OrgNode::Stage(s) => &self.stage(s).id,
            OrgNode::Cadence(c) => &self.cadence(c).id,
            OrgNode::Organization | OrgNode::Decision(_) => return None,
        };
        Some(id.as_str())
    }

    /// Where the entity behind a node was defined.
    pub fn location(&self, node: NodeIndex) -> Option<Location> {
        match self.graph[node] {
            OrgNode::Organization => self.model.organization.location,
            OrgNode::Team(t) => self.team(t).location,
            OrgNode::Product(p) => self.product(p).location,
            OrgNode::Outcome(o) => self.outcome(o).location,
            OrgNode::Objective(o) => self.objective(o).location,
            OrgNode::KeyResult(o, k) => self.key_result(o, k).location,
            OrgNode::Decision(d) => self.decision(d).location,
            OrgNode::Person(p) => self.person(p).location,
            OrgNode::Stage(s) => self.stage(s).location,
            OrgNode::Cadence(c) => self.cadence(c).location,
        }
    }
}

/// The hasher of the id index: foldhash, seeded at random per process like
/// std's SipHash (so ids in a file cannot be crafted to collide), at a
/// fraction of SipHash's cost on a million ids.
pub(crate) type IdHasher = foldhash::fast::RandomState;

/// A fast, non-cryptographic hasher (FxHash) for maps keyed by graph and
/// model indices. Indices are numbered by opmodel, not chosen by the input,
/// so nothing can be crafted to collide; maps keyed by ids from files use
/// [`IdHasher`].
pub(crate) type IndexHasher = std::hash::BuildHasherDefault<FxHasher>;

#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Entities grouped by id, in the order of each id's first definition:
/// the groups back to back in one list.
#[derive(Debug)]
pub(crate) struct Groups<I> {
    ixs: Vec<I>,
    /// Where each group ends in `ixs`; empty when every group is one
    /// entity.
    ends: Vec<usize>,
}

impl<I: Copy> Groups<I> {
    /// `ixs` grouped by `id_of`; `unique` says every id is already
    /// different (nothing to group).
    fn of<'a>(ixs: impl Iterator<Item = I>, unique: bool, id_of: impl Fn(I) -> &'a str) -> Self {
        if unique {
            return Self {
                ixs: ixs.collect(),
                ends: Vec::new(),
            };
        }
        let ixs: Vec<I> = ixs.collect();
        // Each entity's group, numbered in the order of first definitions,
        // and each group's size; then the entities are placed group by
        // group, each group in model order.
        let mut index: HashMap<&'a str, usize, IdHasher> = HashMap::default();
        index.reserve(ixs.len());
        let mut group_of: Vec<usize> = Vec::with_capacity(ixs.len());
        let mut ends: Vec<usize> = Vec::new();
        for &ix in &ixs {
            let next = ends.len();
            let group = *index.entry(id_of(ix)).or_insert(next);
            if group == next {
                ends.push(0);
            }
            if let Some(size) = ends.get_mut(group) {
                *size += 1;
            }
            group_of.push(group);
        }
        // Sizes to ends, and each group's next free place.
        let mut next_at: Vec<usize> = Vec::with_capacity(ends.len());
        let mut total = 0;
        for end in &mut ends {
            next_at.push(total);
            total += *end;
            *end = total;
        }
        let mut flat = ixs.clone();
        for (&ix, &group) in ixs.iter().zip(&group_of) {
            if let Some(at) = next_at.get_mut(group) {
                if let Some(slot) = flat.get_mut(*at) {
                    *slot = ix;
                }
                *at += 1;
            }
        }
        Self { ixs: flat, ends }
    }

    /// Each group, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &[I]> + '_ {
        let singles = self.ends.is_empty();
        let count = if singles {
            self.ixs.len()
        } else {
            self.ends.len()
        };
        (0..count).map(move |k| {
            let (start, end) = if singles {
                (k, k + 1)
            } else {
                let start = k.checked_sub(1).and_then(|j| self.ends.get(j));
                (
                    start.copied().unwrap_or(0),
                    self.ends.get(k).copied().unwrap_or(0),
                )
            };
            self.ixs.get(start..end).unwrap_or_default()
        })
    }
}

/// Marks everything reachable from the queued nodes (already marked) by
/// following `follows` edges in `direction`: the propagation several checks
/// need ("a child of an aligned product is aligned"). `index` maps a node
/// to its slot in `marks`, `None` for nodes of other kinds. Each node is
/// visited once, so loops in the input are harmless.
pub(crate) fn spread(
    graph: &DiGraph<OrgNode, OrgEdge>,
    mut queue: std::collections::VecDeque<NodeIndex>,
    direction: petgraph::Direction,
    follows: impl Fn(&OrgEdge) -> bool,
    index: impl Fn(OrgNode) -> Option<usize>,
    marks: &mut [bool],
) {
    use petgraph::visit::EdgeRef;
    while let Some(n) = queue.pop_front() {
        for e in graph.edges_directed(n, direction) {
            count_steps(1);
            if !follows(e.weight()) {
                continue;
            }
            let next = match direction {
                petgraph::Direction::Incoming => e.source(),
                petgraph::Direction::Outgoing => e.target(),
            };
            if let Some(slot) = index(graph[next]).and_then(|i| marks.get_mut(i))
                && !*slot
            {
                *slot = true;
                queue.push_back(next);
            }
        }
    }
}

#[cfg(test)]
mod groups_tests {
    use super::{OrgGraph, TeamIx};
    use crate::model::{Model, Person, Product, Team};

    fn ids(g: &OrgGraph<'_>, groups: Vec<Vec<TeamIx>>) -> Vec<Vec<String>> {
        let name = |t: TeamIx| format!("{}#{}", g.team(t).id, t.index());
        groups
            .into_iter()
            .map(|group| group.into_iter().map(name).collect())
            .collect()
    }

    #[test]
    fn each_id_once_in_the_order_of_its_first_definition_with_every_definition() {
        let model = Model::builder()
            .team(Team::new("b"))
            .team(Team::new("a"))
            .team(Team::new("b"))
            .team(Team::new("c"))
            .team(Team::new("a"))
            .build();
        let g = OrgGraph::build(&model);
        let want = [vec!["b#0", "b#2"], vec!["a#1", "a#4"], vec!["c#3"]];
        assert_eq!(ids(&g, g.team_definitions()), want);
        let flat: Vec<Vec<TeamIx>> = g.team_groups().iter().map(<[TeamIx]>::to_vec).collect();
        assert_eq!(ids(&g, flat), want);
    }

    #[test]
    fn three_definitions_group_together_and_kinds_group_apart() {
        // `x` is a team and twice a product: the team's group is its own.
        let model = Model::builder()
            .team(Team::new("x"))
            .team(Team::new("y"))
            .team(Team::new("y"))
            .team(Team::new("z"))
            .team(Team::new("y"))
            .product(Product::new("x"))
            .product(Product::new("w"))
            .product(Product::new("x"))
            .build();
        let g = OrgGraph::build(&model);
        let flat: Vec<Vec<TeamIx>> = g.team_groups().iter().map(<[TeamIx]>::to_vec).collect();
        assert_eq!(
            ids(&g, flat),
            [vec!["x#0"], vec!["y#1", "y#2", "y#4"], vec!["z#3"]]
        );
        let products: Vec<Vec<usize>> = g
            .product_groups()
            .iter()
            .map(|group| group.iter().map(|p| p.index()).collect())
            .collect();
        assert_eq!(products, [vec![0, 2], vec![1]]);
        // Asked again, the same groups, made once.
        assert!(std::ptr::eq(g.team_groups(), g.team_groups()));
    }

    #[test]
    fn unique_ids_are_one_group_each() {
        let model = Model::builder()
            .team(Team::new("x"))
            .team(Team::new("y"))
            .product(Product::new("p"))
            .person(Person::new("ana"))
            .build();
        let g = OrgGraph::build(&model);
        assert_eq!(ids(&g, g.team_definitions()), [vec!["x#0"], vec!["y#1"]]);
        assert_eq!(g.product_definitions().len(), 1);
        assert_eq!(g.person_definitions().len(), 1);
        assert_eq!(
            OrgGraph::build(&Model::default())
                .team_groups()
                .iter()
                .count(),
            0
        );
    }
}
