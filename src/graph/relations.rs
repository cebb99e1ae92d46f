//! The questions people used to answer with an edge filter and a walk of
//! their own, each one call: which outcomes a product or a team serves,
//! which products serve an outcome, who contributes to a product, which
//! teams sit in a unit, which decision right an id names.
//!
//! Every answer is each entity once, in model order, and every walk visits
//! a node once, so loops in the input cannot make it run away.

use std::collections::VecDeque;

/// Sets of node indices: a fast hasher (performance only).
type HashSet<T> = std::collections::HashSet<T, super::IndexHasher>;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::OrgGraph;
use super::types::{DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, ProductIx, TeamIx};

impl OrgGraph<'_> {
    /// The outcomes a product serves: those its `outcomes` list names, and
    /// those of the products it is `part_of` (a feature of the web player
    /// serves what the web player serves).
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Model, Outcome, Product};
    /// let model = Model::builder()
    ///     .outcome(Outcome::new("retention", "Listeners come back"))
    ///     .product(Product::new("player").outcome("retention"))
    ///     .product(Product::new("lyrics").part_of("player"))
    ///     .build();
    /// let graph = OrgGraph::build(&model);
    /// let lyrics = graph.product_ix("lyrics").unwrap();
    /// let served: Vec<_> = graph.outcomes_served_by(lyrics).into_iter()
    ///     .map(|o| graph.outcome(o).id.as_str()).collect();
    /// assert_eq!(served, ["retention"]);
    /// ```
    pub fn outcomes_served_by(&self, product: ProductIx) -> Vec<OutcomeIx> {
        let mut chain = vec![product];
        chain.extend(self.parent_products(product));
        let mut out: Vec<OutcomeIx> = chain
            .into_iter()
            .flat_map(|p| self.neighbours(self.product_node(p), Outgoing, OrgEdge::Serves))
            .filter_map(|n| match self.graph[n] {
                OrgNode::Outcome(o) => Some(o),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The products that serve an outcome: those that list it, and every
    /// product `part_of` one of them, however deep (the inverse of
    /// [`OrgGraph::outcomes_served_by`]).
    pub fn products_serving(&self, outcome: OutcomeIx) -> Vec<ProductIx> {
        let direct = self.neighbours(self.outcome_node(outcome), Incoming, OrgEdge::Serves);
        let mut out = self.below(direct, OrgEdge::PartOf, |n| match n {
            OrgNode::Product(p) => Some(p),
            _ => None,
        });
        out.sort_unstable();
        out
    }

    /// The outcomes a team serves: those served by the products it is
    /// accountable for (see [`OrgGraph::outcomes_served_by`]), and those it
    /// owns itself.
    pub fn outcomes_of_team(&self, team: TeamIx) -> Vec<OutcomeIx> {
        let mut out: Vec<OutcomeIx> = self
            .products_of(team)
            .into_iter()
            .flat_map(|p| self.outcomes_served_by(p))
            .collect();
        out.extend(self.owned_outcomes(team));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The outcomes whose `owner` is the team.
    pub fn owned_outcomes(&self, team: TeamIx) -> Vec<OutcomeIx> {
        self.across(self.team_node(team), Outgoing, OrgEdge::is_owns, outcome_of)
    }

    /// The teams that contribute to a product without being accountable
    /// for it (its `contributors` and the teams whose `contributes_to`
    /// names it).
    pub fn contributors(&self, product: ProductIx) -> Vec<TeamIx> {
        let contributes = |e: &OrgEdge| matches!(e, OrgEdge::Contributes);
        self.across(self.product_node(product), Incoming, contributes, team_of)
    }

    /// The products a team contributes to without being accountable.
    pub fn contributions_of(&self, team: TeamIx) -> Vec<ProductIx> {
        let contributes = |e: &OrgEdge| matches!(e, OrgEdge::Contributes);
        self.across(self.team_node(team), Outgoing, contributes, product_of)
    }

    /// The teams whose `parent` is this one (one level down; see
    /// [`OrgGraph::teams_under`] for every level).
    pub fn child_teams(&self, unit: TeamIx) -> Vec<TeamIx> {
        let mut out = self.across(self.team_node(unit), Incoming, is_parent, team_of);
        out.retain(|&t| t != unit);
        out
    }

    /// The teams whose `parent` is the organisation itself.
    pub fn top_level_teams(&self) -> Vec<TeamIx> {
        self.across(self.organization(), Incoming, is_parent, team_of)
    }

    /// The products that are `part_of` this one (one level down).
    pub fn child_products(&self, product: ProductIx) -> Vec<ProductIx> {
        let part_of = |e: &OrgEdge| matches!(e, OrgEdge::PartOf);
        let mut out = self.across(self.product_node(product), Incoming, part_of, product_of);
        out.retain(|&p| p != product);
        out
    }

    /// The objectives that support an outcome directly.
    pub fn objectives_supporting(&self, outcome: OutcomeIx) -> Vec<ObjectiveIx> {
        let supports = |e: &OrgEdge| matches!(e, OrgEdge::Supports);
        self.across(self.outcome_node(outcome), Incoming, supports, objective_of)
    }

    /// The decision rights a team takes part in, with its part (`Decides`,
    /// `Recommends`, `Agrees`, `Consulted` or `Informed`), in model order.
    pub fn decision_roles(&self, team: TeamIx) -> Vec<(DecisionIx, OrgEdge)> {
        let mut out: Vec<(DecisionIx, OrgEdge)> = self
            .graph
            .edges_directed(self.team_node(team), Outgoing)
            .filter_map(|e| match self.graph[e.target()] {
                OrgNode::Decision(d) => Some((d, *e.weight())),
                _ => None,
            })
            .collect();
        out.sort_unstable_by_key(|&(d, edge)| (d, <&'static str>::from(edge)));
        out.dedup();
        out
    }

    /// The decision right with the id diagnostics print for it,
    /// `<area>@<scope>` (`budget-allocation@organization`): the inverse of
    /// [`DecisionRight::id`](crate::model::DecisionRight::id). The first
    /// one when the same area and scope are written twice.
    pub fn decision_ix(&self, id: &str) -> Option<DecisionIx> {
        let index = self.decision_ids.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity_and_hasher(
                self.model().decisions.len(),
                super::IdHasher::default(),
            );
            for (i, d) in self.model().decisions.iter().enumerate() {
                index.entry(d.id()).or_insert(DecisionIx::from_usize(i));
            }
            index
        });
        index.get(id).copied()
    }

    /// The entities `pick` keeps among those across `node`'s edges that
    /// `keep` accepts, in `direction`: each once, in model order.
    pub(crate) fn across<T: Ord>(
        &self,
        node: NodeIndex,
        direction: petgraph::Direction,
        keep: impl Fn(&OrgEdge) -> bool,
        pick: impl Fn(OrgNode) -> Option<T>,
    ) -> Vec<T> {
        let mut out: Vec<T> = self
            .graph
            .edges_directed(node, direction)
            .filter(|e| keep(e.weight()))
            .filter_map(|e| {
                pick(
                    self.graph[match direction {
                        Outgoing => e.target(),
                        Incoming => e.source(),
                    }],
                )
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The nodes across `node`'s edges of kind `edge` in `direction`.
    fn neighbours(
        &self,
        node: NodeIndex,
        direction: petgraph::Direction,
        edge: OrgEdge,
    ) -> Vec<NodeIndex> {
        let kind = std::mem::discriminant(&edge);
        self.graph
            .edges_directed(node, direction)
            .filter(|e| std::mem::discriminant(e.weight()) == kind)
            .map(|e| match direction {
                Outgoing => e.target(),
                Incoming => e.source(),
            })
            .collect()
    }

    /// `start` and everything below it along incoming `edge`s, picked by
    /// `pick`, each once (so a loop ends the walk instead of running it).
    fn below<T>(
        &self,
        start: Vec<NodeIndex>,
        edge: OrgEdge,
        pick: impl Fn(OrgNode) -> Option<T>,
    ) -> Vec<T> {
        let mut seen: HashSet<NodeIndex> = HashSet::default();
        let mut queue: VecDeque<NodeIndex> = VecDeque::new();
        for n in start {
            if seen.insert(n) {
                queue.push_back(n);
            }
        }
        let mut out = Vec::new();
        while let Some(n) = queue.pop_front() {
            crate::graph::count_steps(1);
            if let Some(t) = pick(self.graph[n]) {
                out.push(t);
            }
            for m in self.neighbours(n, Incoming, edge) {
                if seen.insert(m) {
                    queue.push_back(m);
                }
            }
        }
        out
    }
}

fn is_parent(e: &OrgEdge) -> bool {
    matches!(e, OrgEdge::Parent)
}

/// The team a node stands for, if it is one.
pub(crate) fn team_of(node: OrgNode) -> Option<TeamIx> {
    match node {
        OrgNode::Team(t) => Some(t),
        _ => None,
    }
}

/// The product a node stands for, if it is one.
pub(crate) fn product_of(node: OrgNode) -> Option<ProductIx> {
    match node {
        OrgNode::Product(p) => Some(p),
        _ => None,
    }
}

/// The outcome a node stands for, if it is one.
pub(crate) fn outcome_of(node: OrgNode) -> Option<OutcomeIx> {
    match node {
        OrgNode::Outcome(o) => Some(o),
        _ => None,
    }
}

/// The objective a node stands for, if it is one.
pub(crate) fn objective_of(node: OrgNode) -> Option<ObjectiveIx> {
    match node {
        OrgNode::Objective(o) => Some(o),
        _ => None,
    }
}
