//! Resolving references into edges. Resolving is look-ups only, so the walk
//! over the model's entities is cut in two halves of about as many
//! references, one per thread; the edges and the dangling references come
//! back as lists in model order, and the builder adds them in that order,
//! so the graph is the same whichever thread was faster.

use std::ops::Range;

use petgraph::graph::NodeIndex;

use super::OrgGraph;
use super::ids::{Found, IdText};
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

/// Every reference of the model resolved, in two lists that together hold
/// the edges in model order: the walk over the model is cut in the middle
/// of its (estimated) references, and each half is resolved on a thread of
/// its own.
pub(super) fn resolve_all<'m>(
    g: &OrgGraph<'m>,
    model: &'m Model,
    text: &IdText,
) -> [Resolved<'m>; 2] {
    // Large models only: a thread costs more than a small model's look-ups.
    const PARALLEL_FROM: usize = 50_000;
    let end = (WALK.len(), 0);
    if model.entity_count() < PARALLEL_FROM || crate::parallel::threads(2) < 2 {
        return [
            Resolver::walk(g, model, text, (0, 0), end),
            Resolved::default(),
        ];
    }
    let middle = middle(model);
    std::thread::scope(|s| {
        let rest = s.spawn(|| Resolver::walk(g, model, text, middle, end));
        let first = Resolver::walk(g, model, text, (0, 0), middle);
        match rest.join() {
            Ok(rest) => [first, rest],
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// The entity kinds whose references make edges, in the order the edges
/// are added to the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Teams,
    Products,
    Outcomes,
    Objectives,
    Decisions,
    People,
    Cadences,
}

const WALK: [Part; 7] = [
    Part::Teams,
    Part::Products,
    Part::Outcomes,
    Part::Objectives,
    Part::Decisions,
    Part::People,
    Part::Cadences,
];

/// A place in the walk: a part's position in [`WALK`], and an entity's
/// position in that part's list.
type Mark = (usize, usize);

impl Part {
    fn len(self, model: &Model) -> usize {
        match self {
            Self::Teams => model.teams.len(),
            Self::Products => model.products.len(),
            Self::Outcomes => model.outcomes.len(),
            Self::Objectives => model.objectives.len(),
            Self::Decisions => model.decisions.len(),
            Self::People => model.people.len(),
            Self::Cadences => model.cadences.len(),
        }
    }

    /// About how many references an entity of this kind makes: a decision
    /// right names its scope and three or four roles, the others a parent
    /// or an owner and one or two more. Counting them exactly would read
    /// the whole model once more.
    fn weight(self) -> usize {
        match self {
            Self::Decisions => 4,
            Self::Cadences => 3,
            _ => 2,
        }
    }
}

/// The mark that cuts the walk into two halves of about as many references.
fn middle(model: &Model) -> Mark {
    let weight = |p: Part| p.len(model).saturating_mul(p.weight());
    let total = WALK
        .iter()
        .map(|&p| weight(p))
        .fold(0, usize::saturating_add);
    let mut left = total / 2;
    for (k, &part) in WALK.iter().enumerate() {
        if left < weight(part) {
            return (k, left / part.weight());
        }
        left -= weight(part);
    }
    (WALK.len(), 0)
}

struct Resolver<'g, 'm> {
    g: &'g OrgGraph<'m>,
    /// The ids of the graph's nodes, read by the look-ups.
    text: &'g IdText,
    /// The model `g` was built from, borrowed for as long as the
    /// references resolved from it are kept.
    model: &'m Model,
    out: Resolved<'m>,
}

impl<'m> Resolver<'_, 'm> {
    /// The references of the entities from mark `from` up to (not
    /// including) mark `to`, resolved in model order.
    fn walk(
        g: &OrgGraph<'m>,
        model: &'m Model,
        text: &IdText,
        from: Mark,
        to: Mark,
    ) -> Resolved<'m> {
        let mut out = Resolver {
            g,
            model,
            text,
            out: Resolved::default(),
        };
        for (k, &part) in WALK.iter().enumerate() {
            if k < from.0 || k > to.0 {
                continue;
            }
            let len = part.len(model);
            let start = if k == from.0 { from.1.min(len) } else { 0 };
            let end = if k == to.0 { to.1.min(len) } else { len };
            if start >= end {
                continue;
            }
            let range = start..end;
            match part {
                Part::Teams => out.teams(range),
                Part::Products => out.products(range),
                Part::Outcomes => out.outcomes(range),
                Part::Objectives => out.objectives(range),
                Part::Decisions => out.decisions(range),
                Part::People => out.people(range),
                Part::Cadences => out.cadences(range),
            }
        }
        out.out
    }

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
            self.g.ids.find(r.id.as_str(), |n| self.text.get(n))
        };
        if let Some(f) = found
            && want.accepts(f.kind)
        {
            return Some(f.node);
        }
        // The id is also defined as a kind the field expects (a team and a
        // product both `search`): the `duplicate-id` finding is about the
        // clash; the reference still finds what it means.
        if let Some(node) = found.and_then(|f| self.g.other_kind(f.node, |k| want.accepts(k))) {
            return Some(node);
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

    fn teams(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.teams.get(range.clone()).unwrap_or_default();
        for (i, t) in range.zip(entities) {
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

    fn products(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.products.get(range.clone()).unwrap_or_default();
        for (i, p) in range.zip(entities) {
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

    fn people(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.people.get(range.clone()).unwrap_or_default();
        for (i, p) in range.zip(entities) {
            let n = self.g.people[i];
            for (index, a) in (0..).zip(&p.allocations) {
                if let Some(team) = self.resolve(n, "team", &a.team, Want::Team) {
                    self.edge(n, team, OrgEdge::Allocated { index });
                }
            }
        }
    }

    fn cadences(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.cadences.get(range.clone()).unwrap_or_default();
        for (i, c) in range.zip(entities) {
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

    fn outcomes(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.outcomes.get(range.clone()).unwrap_or_default();
        for (i, o) in range.zip(entities) {
            let n = self.g.outcomes[i];
            self.owner_and_supports(n, o.owner.as_ref(), &o.supports, Want::Outcome);
        }
    }

    fn objectives(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.objectives.get(range.clone()).unwrap_or_default();
        for (i, o) in range.zip(entities) {
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

    fn decisions(&mut self, range: Range<usize>) {
        let model = self.model;
        let entities = model.decisions.get(range.clone()).unwrap_or_default();
        for (i, d) in range.zip(entities) {
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

#[cfg(test)]
mod tests {
    use super::{IdText, Mark, OrgGraph, Resolved, Resolver, WALK, middle};
    use crate::model::{
        Allocation, Cadence, CadenceKind, DecisionArea, DecisionRight, Every, Model, Objective,
        Outcome, Person, Product, Team,
    };

    /// Every kind with references, one of them dangling, and a few of each.
    fn model() -> Model {
        let mut m = Model::default();
        for i in 0..3 {
            m.teams.push(
                Team::new(format!("t{i}"))
                    .parent("organization")
                    .owns(format!("p{i}")),
            );
            m.products.push(
                Product::new(format!("p{i}"))
                    .owner(format!("t{i}"))
                    .outcome("o0"),
            );
            m.outcomes
                .push(Outcome::new(format!("o{i}"), "Listeners stay").owner("t0"));
            m.objectives.push(
                Objective::new(format!("q{i}"), "Grow")
                    .owner("t1")
                    .supports("o1"),
            );
            m.decisions.push(
                DecisionRight::new(DecisionArea::BudgetAllocation, format!("p{i}"))
                    .decides("t2")
                    .informed("nobody"),
            );
            m.people
                .push(Person::new(format!("ana{i}")).allocation(Allocation::new("t0", 0.5)));
            m.cadences.push(
                Cadence::new(format!("c{i}"), CadenceKind::Review, Every::Weeks(2))
                    .owner("t1")
                    .attendee("t2"),
            );
        }
        m
    }

    type Flat = (Vec<String>, Vec<(usize, &'static str, String)>);

    fn flat<'m>(parts: impl IntoIterator<Item = Resolved<'m>>) -> Flat {
        let (mut edges, mut dangling) = (Vec::new(), Vec::new());
        for mut r in parts {
            dangling.extend(
                r.dangling
                    .iter()
                    .map(|d| (d.from.index(), d.field, d.r.id.to_string())),
            );
            edges.extend(r.take_blocks().flatten().map(|e| format!("{e:?}")));
        }
        (edges, dangling)
    }

    #[test]
    fn any_cut_of_the_walk_gives_the_edges_of_the_whole_walk_in_order() {
        let model = &model();
        let g = OrgGraph::build(model);
        let mut text = IdText::with_capacity(g.graph.node_count());
        for n in g.graph.node_indices() {
            if let Some(id) = g.indexed_id(n) {
                text.push(n, id);
            }
        }
        let text = &text;
        let end: Mark = (WALK.len(), 0);
        let whole = flat([Resolver::walk(&g, model, text, (0, 0), end)]);
        assert_eq!(
            whole.1,
            vec![
                (g.decisions[0].index(), "informed", "nobody".to_owned()),
                (g.decisions[1].index(), "informed", "nobody".to_owned()),
                (g.decisions[2].index(), "informed", "nobody".to_owned())
            ]
        );
        assert!(whole.0.len() > 30, "{}", whole.0.len());
        for k in 0..=WALK.len() {
            for i in 0..=4 {
                let cut = (k, i);
                let halves = flat([
                    Resolver::walk(&g, model, text, (0, 0), cut),
                    Resolver::walk(&g, model, text, cut, end),
                ]);
                assert_eq!(halves, whole, "cut at {cut:?}");
            }
        }
    }

    #[test]
    fn the_middle_halves_the_weighted_references() {
        let mut m = Model::default();
        assert_eq!(middle(&m), (WALK.len(), 0));
        // 10 teams (weight 20) then 10 decisions (weight 40): the middle, at
        // 30, is the fifth decision.
        for i in 0..10 {
            m.teams.push(Team::new(format!("t{i}")));
            m.decisions
                .push(DecisionRight::new(DecisionArea::FeatureSet, "t0"));
        }
        assert_eq!(middle(&m), (4, 2));
    }
}
