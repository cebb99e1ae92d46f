//! Resolving references into edges. Resolving is look-ups only, so the
//! entity kinds are shared out over two threads; the edges and the dangling
//! references come back as lists in model order, and the builder adds them
//! in that order, so the graph is the same whichever thread was faster.

use petgraph::graph::NodeIndex;

use super::OrgGraph;
use super::ids::Found;
use super::types::{ClaimSource, OrgEdge};
use crate::model::{EntityKind, Model, ORGANIZATION, Ref};

/// What a reference field may name.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Want {
    Team,
    TeamOrOrg,
    Product,
    Outcome,
    OutcomeOrObjective,
    Scope,
    Person,
    Stage,
}

impl Want {
    pub(super) fn accepts(self, kind: EntityKind) -> bool {
        use EntityKind::{Objective, Organization, Outcome, Person, Product, Stage, Team};
        matches!(
            (self, kind),
            (Self::Team, Team)
                | (Self::TeamOrOrg, Team | Organization)
                | (Self::Product, Product)
                | (Self::Outcome, Outcome)
                | (Self::OutcomeOrObjective, Outcome | Objective)
                | (Self::Scope, Team | Product | Organization)
                | (Self::Person, Person)
                | (Self::Stage, Stage)
        )
    }

    pub(super) fn describe(self) -> &'static str {
        match self {
            Self::Team => "a team",
            Self::TeamOrOrg => "a team or `organization`",
            Self::Product => "a product",
            Self::Outcome => "an outcome",
            Self::OutcomeOrObjective => "an outcome or an objective",
            Self::Scope => "a product, a team or `organization`",
            Self::Person => "a person",
            Self::Stage => "a lifecycle stage",
        }
    }
}

/// A reference that did not resolve, kept until every edge is built so that
/// the "did you mean" index is made once, not once per dangling reference.
pub(super) struct Dangling<'m> {
    pub from: NodeIndex,
    pub field: &'static str,
    pub r: &'m Ref,
    pub want: Want,
    /// The entity the id names, when it names one of the wrong kind.
    pub found: Option<NodeIndex>,
}

/// One resolved reference: the edge it makes. Sixteen bytes, as a big org
/// has millions of references.
pub(super) type Edge = (NodeIndex, NodeIndex, OrgEdge);

/// How many edges a block holds: blocks are filled one after another, so
/// the list never moves what it holds to grow, and at most one block is
/// partly empty.
const BLOCK: usize = 1 << 14;

/// The references of some entity kinds resolved, in model order: the
/// edges, and apart from them the few references that dangle.
#[derive(Default)]
pub(super) struct Resolved<'m> {
    blocks: Vec<Vec<Edge>>,
    pub dangling: Vec<Dangling<'m>>,
}

impl<'m> Resolved<'m> {
    fn push(&mut self, edge: Edge) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < BLOCK => block.push(edge),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push(edge);
                self.blocks.push(block);
            }
        }
    }

    /// The edges in model order, a block at a time; each block is let go
    /// of once it has been handed out, so that the edges are not held
    /// twice while the graph takes them in.
    pub fn take_blocks(&mut self) -> impl Iterator<Item = Vec<Edge>> + use<> {
        std::mem::take(&mut self.blocks).into_iter()
    }

    /// How many references resolved to an edge.
    pub fn edge_count(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }
}

/// Every reference of the model resolved: teams and products first, then
/// the other kinds.
pub(super) fn resolve_all<'m>(g: &OrgGraph<'m>, model: &'m Model) -> [Resolved<'m>; 2] {
    // Large models only: a thread costs more than a small model's look-ups.
    const PARALLEL_FROM: usize = 50_000;
    if model.entity_count() < PARALLEL_FROM || crate::parallel::threads(2) < 2 {
        return [
            Kinds::TeamsAndProducts.resolve(g, model),
            Kinds::TheRest.resolve(g, model),
        ];
    }
    std::thread::scope(|s| {
        let rest = s.spawn(|| Kinds::TheRest.resolve(g, model));
        let first = Kinds::TeamsAndProducts.resolve(g, model);
        match rest.join() {
            Ok(rest) => [first, rest],
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The two halves of the work.
#[derive(Clone, Copy)]
enum Kinds {
    TeamsAndProducts,
    TheRest,
}

impl Kinds {
    fn resolve<'m>(self, g: &OrgGraph<'m>, model: &'m Model) -> Resolved<'m> {
        let mut out = Resolver {
            g,
            model,
            out: Resolved::default(),
        };
        match self {
            Self::TeamsAndProducts => {
                out.teams();
                out.products();
            }
            Self::TheRest => {
                out.outcomes();
                out.objectives();
                out.decisions();
                out.people();
                out.cadences();
            }
        }
        out.out
    }
}

struct Resolver<'g, 'm> {
    g: &'g OrgGraph<'m>,
    /// The model `g` was built from, borrowed for as long as the
    /// references resolved from it are kept.
    model: &'m Model,
    out: Resolved<'m>,
}

impl<'m> Resolver<'_, 'm> {
    /// Finds the node `r` names, or records it as dangling.
    fn resolve(
        &mut self,
        from: NodeIndex,
        field: &'static str,
        r: &'m Ref,
        want: Want,
    ) -> Option<NodeIndex> {
        let found = if r.id == ORGANIZATION {
            Some(Found {
                node: self.g.org,
                kind: EntityKind::Organization,
            })
        } else {
            self.g.ids.find(self.model, r.id.as_str())
        };
        if let Some(f) = found
            && want.accepts(f.kind)
        {
            return Some(f.node);
        }
        self.out.dangling.push(Dangling {
            from,
            field,
            r,
            want,
            found: found.map(|f| f.node),
        });
        None
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, edge: OrgEdge) {
        self.out.push((from, to, edge));
    }

    fn teams(&mut self) {
        let model = self.model;
        for (i, t) in model.teams.iter().enumerate() {
            let n = self.g.teams[i];
            if let Some(parent) = &t.parent
                && let Some(target) = self.resolve(n, "parent", parent, Want::TeamOrOrg)
            {
                self.edge(n, target, OrgEdge::Parent);
            }
            for (index, r) in (0..).zip(&t.owns) {
                if let Some(target) = self.resolve(n, "owns", r, Want::Product) {
                    let via = ClaimSource::OwnsField;
                    self.edge(n, target, OrgEdge::Owns { via, index });
                }
            }
            for (index, m) in (0..).zip(&t.members) {
                if let Some(r) = &m.person
                    && let Some(person) = self.resolve(n, "person", r, Want::Person)
                {
                    self.edge(n, person, OrgEdge::HasMember { index });
                }
            }
            for (index, i) in (0..).zip(&t.interactions) {
                if let Some(other) = self.resolve(n, "with", &i.with, Want::Team) {
                    let mode = i.mode;
                    self.edge(n, other, OrgEdge::Interacts { mode, index });
                }
            }
        }
    }

    fn products(&mut self) {
        let model = self.model;
        for (i, p) in model.products.iter().enumerate() {
            let n = self.g.products[i];
            for (index, r) in (0..).zip(&p.owner) {
                if let Some(team) = self.resolve(n, "owner", r, Want::Team) {
                    let via = ClaimSource::OwnerField;
                    self.edge(team, n, OrgEdge::Owns { via, index });
                }
            }
            for r in &p.contributors {
                if let Some(team) = self.resolve(n, "contributors", r, Want::Team) {
                    self.edge(team, n, OrgEdge::Contributes);
                }
            }
            if let Some(r) = &p.part_of
                && let Some(parent) = self.resolve(n, "part_of", r, Want::Product)
            {
                self.edge(n, parent, OrgEdge::PartOf);
            }
            for r in &p.outcomes {
                if let Some(o) = self.resolve(n, "outcomes", r, Want::Outcome) {
                    self.edge(n, o, OrgEdge::Serves);
                }
            }
            if let Some(r) = &p.stage
                && let Some(stage) = self.resolve(n, "stage", r, Want::Stage)
            {
                self.edge(n, stage, OrgEdge::InStage);
            }
        }
    }

    fn people(&mut self) {
        let model = self.model;
        for (i, p) in model.people.iter().enumerate() {
            let n = self.g.people[i];
            for (index, a) in (0..).zip(&p.allocations) {
                if let Some(team) = self.resolve(n, "team", &a.team, Want::Team) {
                    self.edge(n, team, OrgEdge::Allocated { index });
                }
            }
        }
    }

    fn cadences(&mut self) {
        let model = self.model;
        for (i, c) in model.cadences.iter().enumerate() {
            let n = self.g.cadences[i];
            if let Some(r) = &c.owner
                && let Some(team) = self.resolve(n, "owner", r, Want::Team)
            {
                self.edge(team, n, OrgEdge::Runs);
            }
            for r in &c.attendees {
                if let Some(team) = self.resolve(n, "attendees", r, Want::Team) {
                    self.edge(team, n, OrgEdge::Attends);
                }
            }
        }
    }

    fn outcomes(&mut self) {
        let model = self.model;
        for (i, o) in model.outcomes.iter().enumerate() {
            let n = self.g.outcomes[i];
            self.owner_and_supports(n, o.owner.as_ref(), &o.supports, Want::Outcome);
        }
    }

    fn objectives(&mut self) {
        let model = self.model;
        for (i, o) in model.objectives.iter().enumerate() {
            let n = self.g.objectives[i];
            self.owner_and_supports(n, o.owner.as_ref(), &o.supports, Want::OutcomeOrObjective);
        }
    }

    /// An outcome's or an objective's owning team and what it supports.
    fn owner_and_supports(
        &mut self,
        n: NodeIndex,
        owner: Option<&'m Ref>,
        supports: &'m [Ref],
        supported: Want,
    ) {
        if let Some(r) = owner
            && let Some(team) = self.resolve(n, "owner", r, Want::Team)
        {
            let via = ClaimSource::OwnerField;
            self.edge(team, n, OrgEdge::Owns { via, index: 0 });
        }
        for r in supports {
            if let Some(target) = self.resolve(n, "supports", r, supported) {
                self.edge(n, target, OrgEdge::Supports);
            }
        }
    }

    fn decisions(&mut self) {
        let model = self.model;
        for (i, d) in model.decisions.iter().enumerate() {
            let n = self.g.decisions[i];
            if let Some(scope) = self.resolve(n, "scope", &d.scope, Want::Scope) {
                self.edge(n, scope, OrgEdge::AppliesTo);
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
                    if let Some(team) = self.resolve(n, field, r, Want::Team) {
                        self.edge(team, n, edge);
                    }
                }
            }
            if let Some(r) = &d.escalates_to
                && let Some(target) = self.resolve(n, "escalates_to", r, Want::TeamOrOrg)
            {
                self.edge(n, target, OrgEdge::EscalatesTo);
            }
        }
    }
}
