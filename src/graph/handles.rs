//! Handles: an entity of the graph with its data and its relations as
//! methods, so that a question is a chain of calls instead of index
//! juggling (`org.team("playback")?.products()` rather than
//! `graph.products_of(graph.team_ix("playback")?)` and a `graph.product(p)`
//! per answer).
//!
//! A handle is two words (the graph and an index), `Copy`, and borrows the
//! graph, as guppy's `PackageMetadata<'g>` does. Every list it returns is in
//! model order with each entity once.
//!
//! ```
//! use opmodel::graph::OrgGraph;
//! use opmodel::model::{DecisionArea, DecisionRight, Model, Outcome, Product, Team};
//! let model = Model::builder()
//!     .team(Team::new("music"))
//!     .team(Team::new("playback").parent("music").owns("web-player"))
//!     .outcome(Outcome::new("retention", "Listeners come back"))
//!     .product(Product::new("web-player").outcome("retention"))
//!     .decision(DecisionRight::new(DecisionArea::BudgetAllocation, "music").decides("music"))
//!     .build();
//! let graph = OrgGraph::build(&model);
//! let playback = graph.find_team("playback").unwrap();
//! assert_eq!(playback.parent().unwrap().id(), "music");
//! let outcomes: Vec<&str> = playback.outcomes().iter().map(|o| o.id()).collect();
//! assert_eq!(outcomes, ["retention"]);
//! let player = graph.find_product("web-player").unwrap();
//! // The nearest scope with a budget decision is the owning team's unit.
//! let budget = player.governing("budget-allocation").unwrap();
//! assert_eq!(budget.id(), "budget-allocation@music");
//! assert_eq!(budget.deciders()[0].id(), "music");
//! ```

use std::fmt;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::OrgGraph;
use super::people::{Allocated, Staffing};
use super::query::Owner;
use super::relations::{objective_of, outcome_of, team_of};
use super::types::{
    CadenceIx, DecisionIx, ObjectiveIx, OrgEdge, OrgNode, OutcomeIx, PersonIx, ProductIx, StageIx,
    TeamIx,
};
use crate::model::{
    Cadence, Covers, DecisionArea, DecisionRight, EntityKind, EntityRef, InteractionMode,
    KeyResult, Objective, Outcome, Person, Product, Stage, Team,
};
use crate::source::Location;

macro_rules! handle {
    ($(#[$doc:meta])* $name:ident, $ix:ident, $data:ident, $kind:ident, $get:ident, $node:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub struct $name<'g> {
            graph: &'g OrgGraph<'g>,
            ix: $ix,
        }

        impl<'g> $name<'g> {
            /// The typed index, for the index-based methods of [`OrgGraph`].
            pub fn ix(self) -> $ix {
                self.ix
            }

            /// The node in [`OrgGraph::graph`], for petgraph's algorithms.
            pub fn node(self) -> NodeIndex {
                self.graph.$node(self.ix)
            }

            /// The entity as written.
            pub fn data(self) -> &'g $data {
                self.graph.$get(self.ix)
            }

            /// The graph the handle belongs to.
            pub fn graph(self) -> &'g OrgGraph<'g> {
                self.graph
            }

            /// Where the entity was written.
            pub fn location(self) -> Option<Location> {
                self.data().location
            }

            /// The entity's kind and id, as diagnostics name it.
            pub fn entity_ref(self) -> EntityRef {
                EntityRef::new(EntityKind::$kind, self.graph.id(self.node()).as_ref())
            }
        }

        impl fmt::Debug for $name<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.graph.id(self.node()))
            }
        }

        impl PartialEq for $name<'_> {
            fn eq(&self, other: &Self) -> bool {
                std::ptr::eq(self.graph, other.graph) && self.ix == other.ix
            }
        }

        impl Eq for $name<'_> {}
    };
}

handle!(
    /// A team or unit, with its place in the hierarchy, what it owns, what
    /// it serves and what it decides.
    TeamRef, TeamIx, Team, Team, team, team_node
);
handle!(
    /// A product, with its owners, contributors, parent and children, the
    /// outcomes it serves and the decision rights that govern it.
    ProductRef, ProductIx, Product, Product, product, product_node
);
handle!(
    /// An outcome, with the products that serve it and the objectives that
    /// support it.
    OutcomeRef, OutcomeIx, Outcome, Outcome, outcome, outcome_node
);
handle!(
    /// An objective, with its key results, owners and what it supports.
    ObjectiveRef, ObjectiveIx, Objective, Objective, objective, objective_node
);
handle!(
    /// A decision right, with its area, scope, deciders and escalation.
    DecisionRef, DecisionIx, DecisionRight, Decision, decision, decision_node
);

impl<'g> OrgGraph<'g> {
    fn handles<I, H>(&'g self, ixs: Vec<I>, make: impl Fn(&'g Self, I) -> H) -> Vec<H> {
        ixs.into_iter().map(|ix| make(self, ix)).collect()
    }

    /// The team with `id`, as a handle.
    pub fn find_team(&'g self, id: &str) -> Option<TeamRef<'g>> {
        self.team_ix(id).map(|ix| TeamRef { graph: self, ix })
    }

    /// The product with `id`, as a handle.
    pub fn find_product(&'g self, id: &str) -> Option<ProductRef<'g>> {
        self.product_ix(id).map(|ix| ProductRef { graph: self, ix })
    }

    /// The outcome with `id`, as a handle.
    pub fn find_outcome(&'g self, id: &str) -> Option<OutcomeRef<'g>> {
        self.outcome_ix(id).map(|ix| OutcomeRef { graph: self, ix })
    }

    /// The objective with `id`, as a handle.
    pub fn find_objective(&'g self, id: &str) -> Option<ObjectiveRef<'g>> {
        self.objective_ix(id)
            .map(|ix| ObjectiveRef { graph: self, ix })
    }

    /// The decision right with the id diagnostics print,
    /// `<area>@<scope>`, as a handle.
    pub fn find_decision(&'g self, id: &str) -> Option<DecisionRef<'g>> {
        self.decision_ix(id)
            .map(|ix| DecisionRef { graph: self, ix })
    }

    /// The handle of a team index.
    pub fn team_ref(&'g self, ix: TeamIx) -> TeamRef<'g> {
        TeamRef { graph: self, ix }
    }

    /// The handle of a product index.
    pub fn product_ref(&'g self, ix: ProductIx) -> ProductRef<'g> {
        ProductRef { graph: self, ix }
    }

    /// The handle of an outcome index.
    pub fn outcome_ref(&'g self, ix: OutcomeIx) -> OutcomeRef<'g> {
        OutcomeRef { graph: self, ix }
    }

    /// The handle of an objective index.
    pub fn objective_ref(&'g self, ix: ObjectiveIx) -> ObjectiveRef<'g> {
        ObjectiveRef { graph: self, ix }
    }

    /// The handle of a decision index.
    pub fn decision_ref(&'g self, ix: DecisionIx) -> DecisionRef<'g> {
        DecisionRef { graph: self, ix }
    }

    /// Every team, in model order.
    pub fn teams(&'g self) -> impl ExactSizeIterator<Item = TeamRef<'g>> + 'g {
        self.team_ixs().map(move |ix| TeamRef { graph: self, ix })
    }

    /// Every product, in model order.
    pub fn products(&'g self) -> impl ExactSizeIterator<Item = ProductRef<'g>> + 'g {
        self.product_ixs()
            .map(move |ix| ProductRef { graph: self, ix })
    }

    /// Every outcome, in model order.
    pub fn outcomes(&'g self) -> impl ExactSizeIterator<Item = OutcomeRef<'g>> + 'g {
        self.outcome_ixs()
            .map(move |ix| OutcomeRef { graph: self, ix })
    }

    /// Every objective, in model order.
    pub fn objectives(&'g self) -> impl ExactSizeIterator<Item = ObjectiveRef<'g>> + 'g {
        self.objective_ixs()
            .map(move |ix| ObjectiveRef { graph: self, ix })
    }

    /// Every decision right, in model order.
    pub fn decisions(&'g self) -> impl ExactSizeIterator<Item = DecisionRef<'g>> + 'g {
        self.decision_ixs()
            .map(move |ix| DecisionRef { graph: self, ix })
    }
}

impl<'g> TeamRef<'g> {
    /// The team's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// The display name, or the id when it has none.
    pub fn name(self) -> &'g str {
        self.data().name.as_deref().unwrap_or(self.id())
    }

    /// The unit it sits in; `None` at the top (under the organisation, or
    /// with no `parent`).
    pub fn parent(self) -> Option<TeamRef<'g>> {
        match self.graph.graph()[self.graph.team_parent(self.ix)?] {
            OrgNode::Team(ix) => Some(self.graph.team_ref(ix)),
            _ => None,
        }
    }

    /// The units above it, nearest first.
    pub fn ancestors(self) -> Vec<TeamRef<'g>> {
        self.graph
            .ancestors(self.ix)
            .into_iter()
            .filter_map(|n| match self.graph.graph()[n] {
                OrgNode::Team(ix) => Some(self.graph.team_ref(ix)),
                _ => None,
            })
            .collect()
    }

    /// The teams whose `parent` it is.
    pub fn children(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.child_teams(self.ix), OrgGraph::team_ref)
    }

    /// Every team below it, at any depth.
    pub fn teams_under(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.teams_under(self.ix), OrgGraph::team_ref)
    }

    /// The products it is accountable for (through its `owns` or their
    /// `owner`).
    pub fn products(self) -> Vec<ProductRef<'g>> {
        self.graph
            .handles(self.graph.products_of(self.ix), OrgGraph::product_ref)
    }

    /// The products it contributes to without being accountable.
    pub fn contributes_to(self) -> Vec<ProductRef<'g>> {
        self.graph
            .handles(self.graph.contributions_of(self.ix), OrgGraph::product_ref)
    }

    /// The outcomes it serves: through the products it owns (and the
    /// products those are part of), and those it owns.
    pub fn outcomes(self) -> Vec<OutcomeRef<'g>> {
        self.graph
            .handles(self.graph.outcomes_of_team(self.ix), OrgGraph::outcome_ref)
    }

    /// The objectives it owns.
    pub fn objectives(self) -> Vec<ObjectiveRef<'g>> {
        self.graph
            .handles(self.graph.objectives_of(self.ix), OrgGraph::objective_ref)
    }

    /// The decision rights it decides.
    pub fn decides(self) -> Vec<DecisionRef<'g>> {
        self.decision_roles()
            .into_iter()
            .filter(|(_, role)| matches!(role, OrgEdge::Decides))
            .map(|(d, _)| d)
            .collect()
    }

    /// Every decision right it takes part in, with its part.
    pub fn decision_roles(self) -> Vec<(DecisionRef<'g>, OrgEdge)> {
        self.graph
            .decision_roles(self.ix)
            .into_iter()
            .map(|(d, role)| (self.graph.decision_ref(d), role))
            .collect()
    }
}

impl<'g> ProductRef<'g> {
    /// The product's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// The display name, or the id when it has none.
    pub fn name(self) -> &'g str {
        self.data().name.as_deref().unwrap_or(self.id())
    }

    /// Its accountable teams (more than one is `unclear-ownership`).
    pub fn owners(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.owner_teams(self.ix), OrgGraph::team_ref)
    }

    /// Its accountable teams with every claim that makes each one.
    pub fn claims(self) -> Vec<Owner> {
        self.graph.owners(self.ix)
    }

    /// The teams that contribute without being accountable.
    pub fn contributors(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.contributors(self.ix), OrgGraph::team_ref)
    }

    /// The product it is `part_of`.
    pub fn parent(self) -> Option<ProductRef<'g>> {
        self.graph
            .parent_products(self.ix)
            .first()
            .map(|&p| self.graph.product_ref(p))
    }

    /// The products that are `part_of` it.
    pub fn children(self) -> Vec<ProductRef<'g>> {
        self.graph
            .handles(self.graph.child_products(self.ix), OrgGraph::product_ref)
    }

    /// The outcomes it serves, directly and through the products it is
    /// part of.
    pub fn outcomes(self) -> Vec<OutcomeRef<'g>> {
        self.graph.handles(
            self.graph.outcomes_served_by(self.ix),
            OrgGraph::outcome_ref,
        )
    }

    /// The decision right that governs `area` (`"budget-allocation"`,
    /// `"feature-set"`, or an area of your own) for this product, by the
    /// nearest-scope rule: the product, its parents, its owning teams,
    /// their units, the organisation. When the nearest scope has several
    /// entries for the area, the first ([`ProductRef::deciders`] takes the
    /// deciders of them all).
    pub fn governing(self, area: &str) -> Option<DecisionRef<'g>> {
        let area: DecisionArea = area.parse().ok()?;
        let governing = self.graph.governing_decisions(&area, self.ix)?;
        governing
            .decisions
            .first()
            .map(|&d| self.graph.decision_ref(d))
    }

    /// The teams that decide `area` for this product: every deciding team
    /// of every entry at the nearest scope that has one (more than one
    /// team is a conflict, which `conflicting-deciders` reports); empty
    /// when no decision right governs it. Any text is an area, so a
    /// misspelled one (`"budget"`) governs nothing: the built-in areas are
    /// [`DecisionArea::BUILT_IN`].
    pub fn deciders(self, area: &str) -> Vec<TeamRef<'g>> {
        let Ok(area) = area.parse::<DecisionArea>();
        let Some(governing) = self.graph.governing_decisions(&area, self.ix) else {
            return Vec::new();
        };
        let mut teams: Vec<TeamIx> = governing
            .decisions
            .iter()
            .flat_map(|&d| self.graph.deciders(d))
            .collect();
        teams.sort_unstable();
        teams.dedup();
        self.graph.handles(teams, OrgGraph::team_ref)
    }
}

impl<'g> OutcomeRef<'g> {
    /// The outcome's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// The outcome's statement.
    pub fn statement(self) -> &'g str {
        self.data().statement.as_ref()
    }

    /// The products that serve it, directly or as part of one that does.
    pub fn products(self) -> Vec<ProductRef<'g>> {
        self.graph
            .handles(self.graph.products_serving(self.ix), OrgGraph::product_ref)
    }

    /// The teams accountable for the products that serve it.
    pub fn teams(self) -> Vec<TeamRef<'g>> {
        let mut teams: Vec<TeamIx> = self
            .graph
            .products_serving(self.ix)
            .into_iter()
            .flat_map(|p| self.graph.owner_teams(p))
            .collect();
        teams.sort_unstable();
        teams.dedup();
        self.graph.handles(teams, OrgGraph::team_ref)
    }

    /// The outcomes it supports (its `supports`).
    pub fn parents(self) -> Vec<OutcomeRef<'g>> {
        self.targets(OrgEdge::Supports)
    }

    /// The objectives that support it directly.
    pub fn objectives(self) -> Vec<ObjectiveRef<'g>> {
        self.graph.handles(
            self.graph.objectives_supporting(self.ix),
            OrgGraph::objective_ref,
        )
    }

    fn targets(self, edge: OrgEdge) -> Vec<OutcomeRef<'g>> {
        let mut out = self
            .graph
            .across(self.node(), Outgoing, |e| *e == edge, outcome_of);
        out.retain(|&o| o != self.ix);
        self.graph.handles(out, OrgGraph::outcome_ref)
    }
}

impl<'g> ObjectiveRef<'g> {
    /// The objective's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// Its key results, in order.
    pub fn key_results(self) -> &'g [KeyResult] {
        &self.data().key_results
    }

    /// The teams that own it.
    pub fn owners(self) -> Vec<TeamRef<'g>> {
        let teams = self
            .graph
            .across(self.node(), Incoming, OrgEdge::is_owns, team_of);
        self.graph.handles(teams, OrgGraph::team_ref)
    }

    /// The outcomes it supports.
    pub fn outcomes(self) -> Vec<OutcomeRef<'g>> {
        let out = self
            .graph
            .across(self.node(), Outgoing, supports, outcome_of);
        self.graph.handles(out, OrgGraph::outcome_ref)
    }

    /// The objectives it supports (its parent objectives).
    pub fn parents(self) -> Vec<ObjectiveRef<'g>> {
        let mut out = self
            .graph
            .across(self.node(), Outgoing, supports, objective_of);
        out.retain(|&o| o != self.ix);
        self.graph.handles(out, OrgGraph::objective_ref)
    }
}

impl<'g> DecisionRef<'g> {
    /// The id diagnostics print: `<area>@<scope>`; [`OrgGraph::find_decision`]
    /// takes it back.
    pub fn id(self) -> String {
        self.data().id().to_string()
    }

    /// What is decided.
    pub fn area(self) -> &'g DecisionArea {
        &self.data().area
    }

    /// The node of the scope it applies to (a product, a team or the
    /// organisation); `None` when the scope names nothing.
    pub fn scope(self) -> Option<NodeIndex> {
        self.graph.scope_of(self.ix)
    }

    /// The teams that decide (exactly one is healthy).
    pub fn deciders(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.deciders(self.ix), OrgGraph::team_ref)
    }

    /// The teams that must agree.
    pub fn agreeing(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.agreeing(self.ix), OrgGraph::team_ref)
    }

    /// The teams taking part in the role `edge` (`OrgEdge::Recommends`,
    /// `OrgEdge::Consulted`, …).
    pub fn with_role(self, edge: OrgEdge) -> Vec<TeamRef<'g>> {
        let teams = self
            .graph
            .across(self.node(), Incoming, |e| *e == edge, team_of);
        self.graph.handles(teams, OrgGraph::team_ref)
    }

    /// Where disagreements go: the node of a team or the organisation.
    pub fn escalates_to(self) -> Option<NodeIndex> {
        self.graph
            .graph()
            .edges_directed(self.node(), Outgoing)
            .find(|e| matches!(e.weight(), OrgEdge::EscalatesTo))
            .map(|e| e.target())
    }
}

fn supports(e: &OrgEdge) -> bool {
    matches!(e, OrgEdge::Supports)
}

handle!(
    /// A person of the `people` section, with their allocations.
    PersonRef, PersonIx, Person, Person, person, person_node
);
handle!(
    /// A lifecycle stage, with the products in it.
    StageRef, StageIx, Stage, Stage, stage, stage_node
);
handle!(
    /// A planning or review cadence.
    CadenceRef, CadenceIx, Cadence, Cadence, cadence, cadence_node
);

impl<'g> OrgGraph<'g> {
    /// The person with `id`, as a handle.
    pub fn find_person(&'g self, id: &str) -> Option<PersonRef<'g>> {
        self.person_ix(id).map(|ix| PersonRef { graph: self, ix })
    }

    /// The lifecycle stage with `id`, as a handle.
    pub fn find_stage(&'g self, id: &str) -> Option<StageRef<'g>> {
        self.stage_ix(id).map(|ix| StageRef { graph: self, ix })
    }

    /// The cadence with `id`, as a handle.
    pub fn find_cadence(&'g self, id: &str) -> Option<CadenceRef<'g>> {
        self.cadence_ix(id).map(|ix| CadenceRef { graph: self, ix })
    }

    /// Every person, in model order.
    pub fn people(&'g self) -> impl ExactSizeIterator<Item = PersonRef<'g>> + 'g {
        self.person_ixs()
            .map(move |ix| PersonRef { graph: self, ix })
    }

    /// The cadences that cover `what` (an area, or all goals).
    pub fn cadences_for(&'g self, what: &Covers) -> Vec<CadenceRef<'g>> {
        self.cadences_covering(what)
            .into_iter()
            .map(|ix| CadenceRef { graph: self, ix })
            .collect()
    }
}

impl<'g> PersonRef<'g> {
    /// The person's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// Their allocations, each with the team it resolved to.
    pub fn allocations(self) -> Vec<Allocated<'g>> {
        self.graph.allocations_of(self.ix)
    }

    /// The sum of their shares (above 1 is `over-allocated-person`).
    pub fn total_share(self) -> f64 {
        self.graph.total_share(self.ix)
    }

    /// The teams they are allocated to.
    pub fn teams(self) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.teams_of_person(self.ix), OrgGraph::team_ref)
    }
}

impl<'g> StageRef<'g> {
    /// The stage's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }

    /// The products in this stage.
    pub fn products(self) -> Vec<ProductRef<'g>> {
        self.graph
            .handles(self.graph.products_in_stage(self.ix), OrgGraph::product_ref)
    }
}

impl<'g> CadenceRef<'g> {
    /// The cadence's id.
    pub fn id(self) -> &'g str {
        self.data().id.as_str()
    }
}

impl<'g> TeamRef<'g> {
    /// Who staffs the team and how much (members and allocated people);
    /// `None` when the team lists nobody.
    pub fn staffing(self) -> Option<Staffing> {
        self.graph.staffing(self.ix)
    }

    /// The teams it interacts with in `mode` (collaboration,
    /// x-as-a-service, facilitating), as written on either team.
    pub fn interactions(self, mode: InteractionMode) -> Vec<TeamRef<'g>> {
        self.graph
            .handles(self.graph.interactions(self.ix, mode), OrgGraph::team_ref)
    }
}

impl<'g> ProductRef<'g> {
    /// The lifecycle stage it is in.
    pub fn stage(self) -> Option<StageRef<'g>> {
        self.graph.stage_of(self.ix).map(|ix| StageRef {
            graph: self.graph,
            ix,
        })
    }
}
