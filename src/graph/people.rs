//! The questions about people, interactions, lifecycle stages and
//! cadences: a person's allocations, a team's staffing and interactions,
//! the products in a stage, the cadences that cover something.

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::OrgGraph;
use super::types::{CadenceIx, OrgEdge, OrgNode, PersonIx, ProductIx, StageIx, TeamIx};
use crate::model::{Allocation, Cadence, Covers, EntityKind, InteractionMode, Person, Role, Stage};

/// Sums of shares are compared with this tolerance (0.1 + 0.2 + 0.7 is 1.0).
pub const SHARE_TOLERANCE: f64 = 1e-9;

/// One allocation of a person, with the team it resolved to.
#[derive(Clone, Debug, PartialEq)]
pub struct Allocated<'m> {
    /// The allocation as written.
    pub allocation: &'m Allocation,
    /// The team it names, when that is a team of the model (its first
    /// definition).
    pub team: Option<TeamIx>,
}

/// How many people a team has, in full-time heads.
#[derive(Clone, Debug, PartialEq)]
pub struct Staffing {
    /// The sum of the shares of the allocations to the team.
    pub allocated: f64,
    /// Members counted as one head each: those that name no person, or a
    /// person with no allocation to the team.
    pub members: usize,
    /// `allocated + members`.
    pub total: f64,
}

impl OrgGraph<'_> {
    /// The person behind an index.
    pub fn person(&self, person: PersonIx) -> &Person {
        &self.model.people[person.index()]
    }

    /// The lifecycle stage behind an index.
    pub fn stage(&self, stage: StageIx) -> &Stage {
        &self.model.lifecycle[stage.index()]
    }

    /// The cadence behind an index.
    pub fn cadence(&self, cadence: CadenceIx) -> &Cadence {
        &self.model.cadences[cadence.index()]
    }

    /// The node of a person.
    pub fn person_node(&self, person: PersonIx) -> NodeIndex {
        self.people[person.index()]
    }

    /// The node of a lifecycle stage.
    pub fn stage_node(&self, stage: StageIx) -> NodeIndex {
        self.stages[stage.index()]
    }

    /// The node of a cadence.
    pub fn cadence_node(&self, cadence: CadenceIx) -> NodeIndex {
        self.cadences[cadence.index()]
    }

    /// The person with `id`.
    pub fn person_ix(&self, id: &str) -> Option<PersonIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Person)?] {
            OrgNode::Person(p) => Some(p),
            _ => None,
        }
    }

    /// The lifecycle stage with `id`.
    pub fn stage_ix(&self, id: &str) -> Option<StageIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Stage)?] {
            OrgNode::Stage(s) => Some(s),
            _ => None,
        }
    }

    /// The cadence with `id`.
    pub fn cadence_ix(&self, id: &str) -> Option<CadenceIx> {
        match self.graph[self.node_of_kind(id, EntityKind::Cadence)?] {
            OrgNode::Cadence(c) => Some(c),
            _ => None,
        }
    }

    /// Every person index, in model order.
    pub fn person_ixs(&self) -> impl ExactSizeIterator<Item = PersonIx> + use<> {
        (0..self.model.people.len()).map(PersonIx::from_usize)
    }

    /// Every lifecycle stage index, in lifecycle order.
    pub fn stage_ixs(&self) -> impl ExactSizeIterator<Item = StageIx> + use<> {
        (0..self.model.lifecycle.len()).map(StageIx::from_usize)
    }

    /// Every cadence index, in model order.
    pub fn cadence_ixs(&self) -> impl ExactSizeIterator<Item = CadenceIx> + use<> {
        (0..self.model.cadences.len()).map(CadenceIx::from_usize)
    }

    /// Every person id once, in model order, with all of its definitions.
    pub fn person_definitions(&self) -> Vec<Vec<PersonIx>> {
        self.person_groups()
            .iter()
            .map(<[PersonIx]>::to_vec)
            .collect()
    }

    /// [`Self::person_definitions`] in one list (see
    /// [`Self::team_groups`](OrgGraph::team_groups)).
    pub(crate) fn person_groups(&self) -> &super::Groups<PersonIx> {
        self.groups.people.get_or_init(|| {
            super::Groups::of(self.person_ixs(), self.shadowed.is_empty(), |p| {
                self.person(p).id.as_str()
            })
        })
    }

    /// A person's allocations in the order written, each with the team it
    /// resolved to.
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Allocation, Model, Person, Team};
    /// let model = Model::builder()
    ///     .team(Team::new("playback"))
    ///     .person(Person::new("ana").allocation(Allocation::new("playback", 0.6)).allocation(Allocation::new("nowhere", 0.2)))
    ///     .build();
    /// let g = OrgGraph::build(&model);
    /// let ana = g.person_ix("ana").unwrap();
    /// let allocations = g.allocations_of(ana);
    /// assert_eq!(allocations[0].team, g.team_ix("playback"));
    /// assert_eq!(allocations[1].team, None);
    /// assert!((g.total_share(ana) - 0.8).abs() < 1e-9);
    /// ```
    pub fn allocations_of(&self, person: PersonIx) -> Vec<Allocated<'_>> {
        let p = self.person(person);
        let mut teams: Vec<Option<TeamIx>> = vec![None; p.allocations.len()];
        for e in self
            .graph
            .edges_directed(self.person_node(person), Outgoing)
        {
            if let (OrgEdge::Allocated { index }, OrgNode::Team(t)) =
                (*e.weight(), self.graph[e.target()])
                && let Some(slot) = teams.get_mut(index as usize)
            {
                *slot = Some(t);
            }
        }
        p.allocations
            .iter()
            .zip(teams)
            .map(|(allocation, team)| Allocated { allocation, team })
            .collect()
    }

    /// The sum of the shares of a person's allocations.
    pub fn total_share(&self, person: PersonIx) -> f64 {
        self.person(person).total_share()
    }

    /// The distinct teams (first definitions) a person is allocated to, in
    /// model order.
    pub fn teams_of_person(&self, person: PersonIx) -> Vec<TeamIx> {
        let mut teams: Vec<TeamIx> = self
            .allocations_of(person)
            .into_iter()
            .filter_map(|a| a.team)
            .collect();
        teams.sort_unstable();
        teams.dedup();
        teams
    }

    /// The allocations to a team (to its id, whichever definition): each
    /// person with the allocation, in model order.
    pub fn allocations_to(&self, team: TeamIx) -> Vec<(PersonIx, &Allocation)> {
        let node = self.team_node(self.canonical_team(team));
        let mut out: Vec<(PersonIx, &Allocation)> = self
            .graph
            .edges_directed(node, Incoming)
            .filter_map(|e| match (*e.weight(), self.graph[e.source()]) {
                (OrgEdge::Allocated { index }, OrgNode::Person(p)) => self
                    .person(p)
                    .allocations
                    .get(index as usize)
                    .map(|a| (p, a)),
                _ => None,
            })
            .collect();
        out.sort_by_key(|(p, a)| (*p, a.location));
        out
    }

    /// A team's staffing: the shares of the allocations to it, plus one for
    /// each member that names no person or a person with no allocation to
    /// it. `None` when the team has neither members nor allocations (its
    /// staffing is unknown).
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Allocation, Model, Person, Role, Team};
    /// let model = Model::builder()
    ///     .team(Team::new("playback").member("Bo", Role::Engineer).member_person("Ana", Role::ProductManager, "ana"))
    ///     .person(Person::new("ana").allocation(Allocation::new("playback", 0.5)))
    ///     .build();
    /// let g = OrgGraph::build(&model);
    /// let staffing = g.staffing(g.team_ix("playback").unwrap()).unwrap();
    /// assert_eq!(staffing.members, 1);
    /// assert!((staffing.total - 1.5).abs() < 1e-9);
    /// ```
    pub fn staffing(&self, team: TeamIx) -> Option<Staffing> {
        self.staffing_of(&[team])
    }

    /// [`Self::staffing`] of a team defined more than once: the members of
    /// every definition count.
    pub(crate) fn staffing_of(&self, defs: &[TeamIx]) -> Option<Staffing> {
        let first = *defs.first()?;
        let allocations = self.allocations_to(first);
        let has_members = defs.iter().any(|&t| !self.team(t).members.is_empty());
        if allocations.is_empty() && !has_members {
            return None;
        }
        let allocated: f64 = allocations.iter().map(|(_, a)| a.share).sum();
        let allocated_ids: Vec<&str> = allocations
            .iter()
            .map(|(p, _)| self.person(*p).id.as_str())
            .collect();
        let members = defs
            .iter()
            .flat_map(|&t| &self.team(t).members)
            .filter(|m| {
                m.person
                    .as_ref()
                    .is_none_or(|r| !allocated_ids.contains(&r.id.as_str()))
            })
            .count();
        Some(Staffing {
            allocated,
            members,
            total: allocated + members as f64,
        })
    }

    /// The roles of a team's people: its members' roles (every definition)
    /// and the roles of the allocations to it, in that order.
    pub fn team_roles(&self, team: TeamIx) -> Vec<&Role> {
        self.team_roles_of(&[team])
    }

    /// [`Self::team_roles`] of a team defined more than once.
    pub(crate) fn team_roles_of(&self, defs: &[TeamIx]) -> Vec<&Role> {
        let mut roles: Vec<&Role> = defs
            .iter()
            .flat_map(|&t| &self.team(t).members)
            .filter_map(|m| m.role.as_ref())
            .collect();
        if let Some(&first) = defs.first() {
            roles.extend(
                self.allocations_to(first)
                    .into_iter()
                    .filter_map(|(_, a)| a.role.as_ref()),
            );
        }
        roles
    }

    /// Whether a team has people: members, or allocations to it.
    pub(crate) fn has_people(&self, defs: &[TeamIx]) -> bool {
        defs.iter().any(|&t| !self.team(t).members.is_empty())
            || defs
                .first()
                .is_some_and(|&t| !self.allocations_to(t).is_empty())
    }

    /// The other teams (first definitions) a team interacts with in `mode`,
    /// whichever of the two the interaction is written on, each once, in
    /// model order. For `x-as-a-service` that is both the teams it consumes
    /// and those that consume it: see [`Self::consumers`] and
    /// [`Self::consumed_by`] for the direction.
    pub fn interactions(&self, team: TeamIx, mode: InteractionMode) -> Vec<TeamIx> {
        let first = self.canonical_team(team);
        let mut out: Vec<TeamIx> = self
            .interaction_edges(team, Outgoing, mode)
            .chain(self.interaction_edges(team, Incoming, mode))
            .filter(|&t| t != first)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The teams that consume a team's service: those with an
    /// `x-as-a-service` interaction naming it.
    pub fn consumers(&self, team: TeamIx) -> Vec<TeamIx> {
        let team = self.canonical_team(team);
        let mut out: Vec<TeamIx> = self
            .interaction_edges(team, Incoming, InteractionMode::XAsAService)
            .map(|t| self.canonical_team(t))
            .filter(|&t| t != team)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The teams whose service a team consumes: those its `x-as-a-service`
    /// interactions name.
    pub fn consumed_by(&self, team: TeamIx) -> Vec<TeamIx> {
        let first = self.canonical_team(team);
        let mut out: Vec<TeamIx> = self
            .interaction_edges(team, Outgoing, InteractionMode::XAsAService)
            .filter(|&t| t != first)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The teams at the other end of `team`'s interaction edges of `mode`
    /// in `direction`. Constant work per call besides the edges: a big org
    /// asks for every team.
    fn interaction_edges(
        &self,
        team: TeamIx,
        direction: petgraph::Direction,
        mode: InteractionMode,
    ) -> impl Iterator<Item = TeamIx> + '_ {
        // Written on the team (this definition, and the first one of its
        // id); naming it: references resolve to the first definition.
        let first = self.team_node(self.canonical_team(team));
        let mut nodes: Vec<NodeIndex> = vec![first];
        if direction == Outgoing && self.team_node(team) != first {
            nodes.push(self.team_node(team));
        }
        nodes.into_iter().flat_map(move |n| {
            self.graph
                .edges_directed(n, direction)
                .filter_map(move |e| match *e.weight() {
                    OrgEdge::Interacts { mode: m, .. } if m == mode => {
                        let other = match direction {
                            Outgoing => e.target(),
                            Incoming => e.source(),
                        };
                        match self.graph[other] {
                            OrgNode::Team(t) => Some(self.canonical_team(t)),
                            _ => None,
                        }
                    }
                    _ => None,
                })
        })
    }

    /// The products in a lifecycle stage, in model order.
    pub fn products_in_stage(&self, stage: StageIx) -> Vec<ProductIx> {
        let mut out: Vec<ProductIx> = self
            .graph
            .edges_directed(self.stage_node(stage), Incoming)
            .filter(|e| matches!(e.weight(), OrgEdge::InStage))
            .filter_map(|e| match self.graph[e.source()] {
                OrgNode::Product(p) => Some(p),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The lifecycle stage a product is in, when it names one of the model.
    pub fn stage_of(&self, product: ProductIx) -> Option<StageIx> {
        self.graph
            .edges_directed(self.product_node(product), Outgoing)
            .filter(|e| matches!(e.weight(), OrgEdge::InStage))
            .find_map(|e| match self.graph[e.target()] {
                OrgNode::Stage(s) => Some(s),
                _ => None,
            })
    }

    /// The cadences (of either kind) that cover `what`, in model order;
    /// [`Cadence::plans`] and [`Cadence::reviews`] tell them apart.
    ///
    /// ```
    /// use opmodel::graph::OrgGraph;
    /// use opmodel::model::{Cadence, CadenceKind, Covers, Every, Model};
    /// let model = Model::builder()
    ///     .cadence(Cadence::new("qbr", CadenceKind::Review, Every::Months(3)).covers(Covers::Objectives))
    ///     .build();
    /// let g = OrgGraph::build(&model);
    /// assert_eq!(g.cadences_covering(&Covers::Objectives).len(), 1);
    /// assert!(g.cadences_covering(&Covers::Outcomes).is_empty());
    /// ```
    pub fn cadences_covering(&self, what: &Covers) -> Vec<CadenceIx> {
        self.cadence_ixs()
            .filter(|&c| self.cadence(c).covers.contains(what))
            .collect()
    }
}
