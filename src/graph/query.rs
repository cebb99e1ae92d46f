//! The everyday questions about an org graph.

use std::collections::VecDeque;

/// Sets of node indices: a fast hasher (performance only).
type HashSet<T> = std::collections::HashSet<T, super::IndexHasher>;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::OrgGraph;
use super::types::{ClaimSource, DecisionIx, ObjectiveIx, OrgEdge, OrgNode, ProductIx, TeamIx};
use crate::model::DecisionArea;
use crate::source::Location;

/// One accountable team of a product and every claim that makes it one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Owner {
    /// The team.
    pub team: TeamIx,
    /// How and where each claim was made (one team may claim both ways).
    pub claims: Vec<(ClaimSource, Option<Location>)>,
}

/// The decision rights that govern an area for a product: those at the
/// nearest scope that has any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Governing {
    /// The scope the rights are written for (the product, a parent product,
    /// an owning team or a unit above it, or the organisation).
    pub scope: NodeIndex,
    /// The entries at that scope, in model order (more than one is a conflict
    /// when they name different deciders).
    pub decisions: Vec<DecisionIx>,
}

impl<'m> OrgGraph<'m> {
    /// The accountable owners of a product: the union of its `owner` field
    /// and every team whose `owns` lists it, each team once, in model order.
    pub fn owners(&self, product: ProductIx) -> Vec<Owner> {
        let mut owners: Vec<Owner> = Vec::new();
        for e in self
            .graph
            .edges_directed(self.product_node(product), Incoming)
        {
            let OrgEdge::Owns { via, .. } = *e.weight() else {
                continue;
            };
            let OrgNode::Team(team) = self.graph[e.source()] else {
                continue;
            };
            let at = self.claim_location(e.id());
            match owners.iter_mut().find(|o| o.team == team) {
                Some(o) => o.claims.push((via, at)),
                None => owners.push(Owner {
                    team,
                    claims: vec![(via, at)],
                }),
            }
        }
        owners.sort_by_key(|o| o.team);
        for o in &mut owners {
            o.claims.sort();
        }
        owners
    }

    /// Where the claim an [`OrgEdge::Owns`] edge stands for was written: the
    /// id in the team's `owns` list, or the team in the `owner` field of
    /// what it owns. `None` for any other edge, and for claims made in code.
    pub fn claim_location(&self, edge: EdgeIndex) -> Option<Location> {
        let Some(&OrgEdge::Owns { via, index }) = self.graph.edge_weight(edge) else {
            return None;
        };
        let (from, to) = self.graph.edge_endpoints(edge)?;
        let index = usize::try_from(index).ok()?;
        let claim = match (via, self.graph[from], self.graph[to]) {
            (ClaimSource::OwnsField, OrgNode::Team(t), _) => self.team(t).owns.get(index),
            (ClaimSource::OwnerField, _, OrgNode::Product(p)) => self.product(p).owner.get(index),
            (ClaimSource::OwnerField, _, OrgNode::Outcome(o)) => self.outcome(o).owner.as_ref(),
            (ClaimSource::OwnerField, _, OrgNode::Objective(o)) => self.objective(o).owner.as_ref(),
            _ => None,
        };
        claim.and_then(|r| r.location())
    }

    /// The accountable teams of a product, each once, in model order: the
    /// teams of [`owners`](Self::owners) without looking up where each
    /// claim was written.
    pub fn owner_teams(&self, product: ProductIx) -> Vec<TeamIx> {
        self.across_owns(self.product_node(product), Incoming, |n| match n {
            OrgNode::Team(t) => Some(t),
            _ => None,
        })
    }

    /// Whether any team is accountable for a product.
    pub fn has_owner(&self, product: ProductIx) -> bool {
        self.graph
            .edges_directed(self.product_node(product), Incoming)
            .any(|e| e.weight().is_owns() && matches!(self.graph[e.source()], OrgNode::Team(_)))
    }

    /// The products a team is accountable for, each once, in model order.
    pub fn products_of(&self, team: TeamIx) -> Vec<ProductIx> {
        self.across_owns(self.team_node(team), Outgoing, |n| match n {
            OrgNode::Product(p) => Some(p),
            _ => None,
        })
    }

    /// The objectives a team owns, in model order.
    pub fn objectives_of(&self, team: TeamIx) -> Vec<ObjectiveIx> {
        self.across_owns(self.team_node(team), Outgoing, |n| match n {
            OrgNode::Objective(o) => Some(o),
            _ => None,
        })
    }

    /// The nodes at the other end of `node`'s ownership edges in
    /// `direction` that `pick` keeps, each once, in index (model) order.
    fn across_owns<T: Ord>(
        &self,
        node: NodeIndex,
        direction: petgraph::Direction,
        pick: impl Fn(OrgNode) -> Option<T>,
    ) -> Vec<T> {
        // Counted once a call: checks ask this of every product, on every
        // thread, and an atomic add per edge would be felt.
        let mut steps = 0;
        let mut out: Vec<T> = self
            .graph
            .edges_directed(node, direction)
            .inspect(|_| steps += 1)
            .filter(|e| e.weight().is_owns())
            .filter_map(|e| {
                let other = if direction == Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                pick(self.graph[other])
            })
            .collect();
        crate::graph::count_steps(steps);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every team below a unit (children, their children, …), in model order.
    pub fn teams_under(&self, unit: TeamIx) -> Vec<TeamIx> {
        let mut seen = HashSet::default();
        let mut queue = VecDeque::from([self.team_node(unit)]);
        let mut out = Vec::new();
        while let Some(n) = queue.pop_front() {
            for e in self.graph.edges_directed(n, Incoming) {
                crate::graph::count_steps(1);
                if !matches!(e.weight(), OrgEdge::Parent) {
                    continue;
                }
                if let OrgNode::Team(t) = self.graph[e.source()]
                    && t != unit
                    && seen.insert(t)
                {
                    out.push(t);
                    queue.push_back(e.source());
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The parent chain of a team, nearest first, ending at the organisation
    /// when the chain reaches it. Stops before repeating itself in a loop.
    pub fn ancestors(&self, team: TeamIx) -> Vec<NodeIndex> {
        let mut out = Vec::new();
        let up = |n: NodeIndex| match self.graph[n] {
            OrgNode::Team(t) => self.team_parent.get(t.index()).copied(),
            _ => None,
        };
        self.walk_up(self.team_node(team), up, |n| out.push(n));
        out
    }

    /// The `part_of` chain of a product, nearest parent first.
    pub fn parent_products(&self, product: ProductIx) -> Vec<ProductIx> {
        let mut out = Vec::new();
        let up = |n: NodeIndex| match self.graph[n] {
            OrgNode::Product(p) => self.product_parent.get(p.index()).copied(),
            _ => None,
        };
        self.walk_up(self.product_node(product), up, |n| {
            if let OrgNode::Product(p) = self.graph[n] {
                out.push(p);
            }
        });
        out
    }

    /// The first `limit` products of the `part_of` chain of a product,
    /// nearest first: a bounded walk, whatever the chain's length.
    pub(crate) fn nearest_parent_products(
        &self,
        product: ProductIx,
        limit: usize,
    ) -> Vec<ProductIx> {
        let mut out = Vec::new();
        let mut current = product;
        while out.len() < limit {
            crate::graph::count_steps(1);
            let next = match self
                .product_parent
                .get(current.index())
                .map(|&n| self.graph.node_weight(n))
            {
                Some(Some(OrgNode::Product(next))) => *next,
                _ => break,
            };
            if next == product || out.contains(&next) {
                break;
            }
            out.push(next);
            current = next;
        }
        out
    }

    /// Calls `visit` on each node up the chain that `up` steps along from
    /// `start` (not included), nearest first; stops before repeating itself.
    fn walk_up(
        &self,
        start: NodeIndex,
        up: impl Fn(NodeIndex) -> Option<NodeIndex>,
        mut visit: impl FnMut(NodeIndex),
    ) {
        let mut seen = Seen::default();
        seen.insert(start);
        let mut current = start;
        while let Some(next) = up(current).filter(|&n| n != NodeIndex::end()) {
            crate::graph::count_steps(1);
            if !seen.insert(next) {
                return;
            }
            visit(next);
            current = next;
        }
    }

    /// A shortest path from a product to an outcome, through its own
    /// `outcomes`, the objectives of its owning teams (and the objectives and
    /// outcomes they support), and its `part_of` parents. The path starts at
    /// the product and ends at the outcome; `None` when there is none.
    pub fn alignment_path(&self, product: ProductIx) -> Option<Vec<NodeIndex>> {
        let start = self.product_node(product);
        let mut previous = std::collections::HashMap::new();
        let mut queue = VecDeque::from([start]);
        previous.insert(start, start);
        while let Some(n) = queue.pop_front() {
            crate::graph::count_steps(1);
            if matches!(self.graph[n], OrgNode::Outcome(_)) {
                let mut path = vec![n];
                let mut at = n;
                while at != start {
                    at = previous[&at];
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
            let mut next: Vec<NodeIndex> = Vec::new();
            match self.graph[n] {
                OrgNode::Product(_) => {
                    for e in self.graph.edges_directed(n, Outgoing) {
                        if matches!(e.weight(), OrgEdge::Serves | OrgEdge::PartOf) {
                            next.push(e.target());
                        }
                    }
                    // A parent product "has a path" in any of the three ways,
                    // including through its own owners' objectives.
                    for e in self.graph.edges_directed(n, Incoming) {
                        if e.weight().is_owns() {
                            next.push(e.source());
                        }
                    }
                }
                OrgNode::Team(_) => {
                    for e in self.graph.edges_directed(n, Outgoing) {
                        if e.weight().is_owns()
                            && matches!(self.graph[e.target()], OrgNode::Objective(_))
                        {
                            next.push(e.target());
                        }
                    }
                }
                OrgNode::Objective(_) => {
                    for e in self.graph.edges_directed(n, Outgoing) {
                        if matches!(e.weight(), OrgEdge::Supports) {
                            next.push(e.target());
                        }
                    }
                }
                _ => {}
            }
            next.sort_unstable();
            for m in next {
                if let std::collections::hash_map::Entry::Vacant(v) = previous.entry(m) {
                    v.insert(n);
                    queue.push_back(m);
                }
            }
        }
        None
    }

    /// The teams that decide a decision right, each once, in model order.
    pub fn deciders(&self, decision: DecisionIx) -> Vec<TeamIx> {
        self.participants(decision, |e| matches!(e, OrgEdge::Decides))
    }

    /// The teams that must agree to a decision right.
    pub fn agreeing(&self, decision: DecisionIx) -> Vec<TeamIx> {
        self.participants(decision, |e| matches!(e, OrgEdge::Agrees))
    }

    fn participants(&self, decision: DecisionIx, keep: impl Fn(&OrgEdge) -> bool) -> Vec<TeamIx> {
        let mut out: Vec<TeamIx> = self.participating(decision, keep).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The teams deciding a decision right, as its edges list them (a team
    /// may come twice): for checks that only need to know whether there
    /// is more than one, without making a list for every decision right.
    pub(crate) fn decider_edges(&self, decision: DecisionIx) -> impl Iterator<Item = TeamIx> + '_ {
        self.participating(decision, |e| matches!(e, OrgEdge::Decides))
    }

    fn participating<'a>(
        &'a self,
        decision: DecisionIx,
        keep: impl Fn(&OrgEdge) -> bool + 'a,
    ) -> impl Iterator<Item = TeamIx> + 'a {
        self.graph
            .edges_directed(self.decision_node(decision), Incoming)
            .filter(move |e| keep(e.weight()))
            .filter_map(|e| match self.graph[e.source()] {
                OrgNode::Team(t) => Some(t),
                _ => None,
            })
    }

    /// The resolved scope of a decision right (`None` when its scope is dangling).
    pub fn scope_of(&self, decision: DecisionIx) -> Option<NodeIndex> {
        self.graph
            .edges_directed(self.decision_node(decision), Outgoing)
            .find(|e| matches!(e.weight(), OrgEdge::AppliesTo))
            .map(|e| e.target())
    }

    /// The decision rights written for exactly `area` at `scope`, in model order.
    pub fn decisions_at(&self, area: &DecisionArea, scope: NodeIndex) -> Vec<DecisionIx> {
        let mut out: Vec<DecisionIx> = self
            .graph
            .edges_directed(scope, Incoming)
            .filter(|e| matches!(e.weight(), OrgEdge::AppliesTo))
            .filter_map(|e| match self.graph[e.source()] {
                OrgNode::Decision(d) if &self.decision(d).area == area => Some(d),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The scopes that cover a product, nearest first, as the spec orders
    /// them: the product, its `part_of` chain, its owning teams, their
    /// `parent` chains, and the organisation.
    pub fn scopes_of(&self, product: ProductIx) -> Vec<NodeIndex> {
        let mut out = vec![self.product_node(product)];
        out.extend(
            self.parent_products(product)
                .into_iter()
                .map(|p| self.product_node(p)),
        );
        let owners = self.owner_teams(product);
        out.extend(owners.iter().map(|&t| self.team_node(t)));
        for &t in &owners {
            out.extend(self.ancestors(t));
        }
        out.push(self.organization());
        let mut seen = Seen::default();
        out.retain(|n| seen.insert(*n));
        out
    }

    /// The decision rights that govern `area` for a product under the
    /// nearest-scope rule, or `None` when no scope above it has one.
    pub fn governing_decisions(
        &self,
        area: &DecisionArea,
        product: ProductIx,
    ) -> Option<Governing> {
        self.scopes_of(product).into_iter().find_map(|scope| {
            let decisions = self.decisions_at(area, scope);
            (!decisions.is_empty()).then_some(Governing { scope, decisions })
        })
    }
}

/// The nodes met so far on a walk. Walks up a hierarchy are a handful of
/// nodes long, and a few comparisons on the stack beat hashing (and
/// allocating a table) for each of a hundred thousand products; a long walk
/// (a deep or cyclic hierarchy) moves to a hash set, so it stays linear.
struct Seen {
    few: [NodeIndex; Self::FEW],
    len: usize,
    many: HashSet<NodeIndex>,
}

impl Default for Seen {
    fn default() -> Self {
        Self {
            few: [NodeIndex::end(); Self::FEW],
            len: 0,
            many: HashSet::default(),
        }
    }
}

impl Seen {
    const FEW: usize = 16;

    /// Adds `n`; false when it was already there.
    fn insert(&mut self, n: NodeIndex) -> bool {
        if self.len <= Self::FEW {
            let few = &self.few[..self.len];
            if few.contains(&n) {
                return false;
            }
            if let Some(slot) = self.few.get_mut(self.len) {
                *slot = n;
                self.len += 1;
                return true;
            }
            // Full: from here on, the hash set holds everything.
            self.many.extend(self.few);
            self.len = Self::FEW + 1;
        }
        self.many.insert(n)
    }
}

#[cfg(test)]
mod tests {
    use petgraph::graph::NodeIndex;

    use super::Seen;

    #[test]
    fn seen_answers_the_same_before_and_after_it_outgrows_the_stack() {
        for count in [0, 1, Seen::FEW - 1, Seen::FEW, Seen::FEW + 1, 100] {
            let mut seen = Seen::default();
            for i in 0..count {
                assert!(seen.insert(NodeIndex::new(i)), "{i} of {count} is new");
                assert!(
                    !seen.insert(NodeIndex::new(i)),
                    "{i} of {count} was just added"
                );
            }
            for i in 0..count {
                assert!(!seen.insert(NodeIndex::new(i)), "{i} of {count} is known");
            }
            assert!(seen.insert(NodeIndex::new(count)), "{count} is new");
        }
    }
}
