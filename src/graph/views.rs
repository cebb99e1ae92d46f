//! Ready-made views of the graph: one kind of relation at a time, as
//! petgraph [`EdgeFiltered`] adaptors over the graph itself (nothing is
//! copied).
//!
//! The whole graph is cyclic by construction (a team decides a decision
//! right that applies to the team), so `toposort` on it always fails. Each
//! view below keeps one family of edges; which are acyclic is said on each.

use petgraph::graph::{DiGraph, EdgeReference};
use petgraph::visit::EdgeFiltered;

use super::OrgGraph;
use super::types::{OrgEdge, OrgNode};

/// A view of the graph that keeps some of its edges: every petgraph
/// algorithm that takes a visitable graph takes it.
pub type OrgView<'a> =
    EdgeFiltered<&'a DiGraph<OrgNode, OrgEdge>, fn(EdgeReference<'a, OrgEdge>) -> bool>;

fn hierarchy(e: EdgeReference<'_, OrgEdge>) -> bool {
    matches!(e.weight(), OrgEdge::Parent)
}

fn ownership(e: EdgeReference<'_, OrgEdge>) -> bool {
    matches!(e.weight(), OrgEdge::Owns { .. } | OrgEdge::Contributes)
}

fn alignment(e: EdgeReference<'_, OrgEdge>) -> bool {
    matches!(
        e.weight(),
        OrgEdge::Serves | OrgEdge::Supports | OrgEdge::PartOf
    )
}

fn decisions(e: EdgeReference<'_, OrgEdge>) -> bool {
    matches!(
        e.weight(),
        OrgEdge::Decides
            | OrgEdge::Recommends
            | OrgEdge::Agrees
            | OrgEdge::Consulted
            | OrgEdge::Informed
            | OrgEdge::AppliesTo
    )
}

fn part_of(e: EdgeReference<'_, OrgEdge>) -> bool {
    matches!(e.weight(), OrgEdge::PartOf)
}

impl OrgGraph<'_> {
    /// Team → unit (`parent`) edges only: the org chart. Acyclic unless a
    /// `parent` chain loops, which `hierarchy-cycle` reports; then
    /// `petgraph::algo::toposort` names a node of the loop.
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Model, Team};
    /// let model = Model::builder()
    ///     .team(Team::new("music"))
    ///     .team(Team::new("playback").parent("music"))
    ///     .build();
    /// let graph = OrgGraph::build(&model);
    /// let order = petgraph::algo::toposort(&graph.hierarchy_view(), None).unwrap();
    /// // Children come before the units they sit in.
    /// let ids: Vec<_> = order.iter().map(|&n| graph.id(n)).collect();
    /// let pos = |id: &str| ids.iter().position(|x| x == id).unwrap();
    /// assert!(pos("playback") < pos("music"));
    /// ```
    pub fn hierarchy_view(&self) -> OrgView<'_> {
        EdgeFiltered(self.graph(), hierarchy)
    }

    /// Ownership edges only: team → what it owns (`Owns`) and team →
    /// product it contributes to (`Contributes`). Always acyclic: every
    /// edge leaves a team and enters something that is not one.
    pub fn ownership_view(&self) -> OrgView<'_> {
        EdgeFiltered(self.graph(), ownership)
    }

    /// Alignment edges only: product → outcome (`Serves`), outcome or
    /// objective → what it supports (`Supports`), product → parent product
    /// and key result → objective (`PartOf`). Acyclic unless a `part_of` or
    /// `supports` chain loops, which `hierarchy-cycle` reports.
    pub fn alignment_view(&self) -> OrgView<'_> {
        EdgeFiltered(self.graph(), alignment)
    }

    /// Decision-right edges only: team → decision right for each part it
    /// takes, decision right → its scope. Cyclic whenever a team decides
    /// for itself (team → decision → team), so use it for reachability and
    /// paths, not for a topological order.
    pub fn decision_view(&self) -> OrgView<'_> {
        EdgeFiltered(self.graph(), decisions)
    }

    /// `part_of` edges only: product → parent product, and key result →
    /// objective. Acyclic unless a `part_of` chain loops.
    pub fn part_of_view(&self) -> OrgView<'_> {
        EdgeFiltered(self.graph(), part_of)
    }
}
