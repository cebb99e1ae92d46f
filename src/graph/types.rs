use serde::Serialize;
use strum::{Display, IntoStaticStr};

use crate::model::{EntityKind, InteractionMode};

macro_rules! typed_index {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        pub struct $name(pub(crate) u32);

        impl $name {
            /// The position in the model's list.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            pub(crate) fn from_usize(i: usize) -> Self {
                Self(u32::try_from(i).unwrap_or(u32::MAX))
            }
        }
    };
}

typed_index!(
    /// A team: an index into [`Model::teams`](crate::model::Model::teams).
    TeamIx
);
typed_index!(
    /// A product: an index into [`Model::products`](crate::model::Model::products).
    ProductIx
);
typed_index!(
    /// An outcome: an index into [`Model::outcomes`](crate::model::Model::outcomes).
    OutcomeIx
);
typed_index!(
    /// An objective: an index into [`Model::objectives`](crate::model::Model::objectives).
    ObjectiveIx
);
typed_index!(
    /// A decision right: an index into [`Model::decisions`](crate::model::Model::decisions).
    DecisionIx
);
typed_index!(
    /// A person: an index into [`Model::people`](crate::model::Model::people).
    PersonIx
);
typed_index!(
    /// A lifecycle stage: an index into [`Model::lifecycle`](crate::model::Model::lifecycle).
    StageIx
);
typed_index!(
    /// A cadence: an index into [`Model::cadences`](crate::model::Model::cadences).
    CadenceIx
);

/// A node of the [`OrgGraph`](super::OrgGraph): which entity it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrgNode {
    /// The organisation itself (id `organization`).
    Organization,
    /// A team or unit.
    Team(TeamIx),
    /// A product.
    Product(ProductIx),
    /// An outcome.
    Outcome(OutcomeIx),
    /// An objective.
    Objective(ObjectiveIx),
    /// A key result: its objective and its position in the objective's list.
    KeyResult(ObjectiveIx, u32),
    /// A decision right.
    Decision(DecisionIx),
    /// A person.
    Person(PersonIx),
    /// A lifecycle stage.
    Stage(StageIx),
    /// A planning or review cadence.
    Cadence(CadenceIx),
}

impl OrgNode {
    /// The kind of entity the node stands for.
    ///
    /// ```
    /// use opmodel::graph::{OrgGraph, OrgNode};
    /// use opmodel::model::{EntityKind, Model, Team};
    /// let model = Model::builder().team(Team::new("playback")).build();
    /// let graph = OrgGraph::build(&model);
    /// let node = graph.graph()[graph.node("playback").unwrap()];
    /// assert_eq!(node.kind(), EntityKind::Team);
    /// assert_eq!(OrgNode::Organization.kind(), EntityKind::Organization);
    /// ```
    pub fn kind(self) -> EntityKind {
        match self {
            Self::Organization => EntityKind::Organization,
            Self::Team(_) => EntityKind::Team,
            Self::Product(_) => EntityKind::Product,
            Self::Outcome(_) => EntityKind::Outcome,
            Self::Objective(_) => EntityKind::Objective,
            Self::KeyResult(..) => EntityKind::KeyResult,
            Self::Decision(_) => EntityKind::Decision,
            Self::Person(_) => EntityKind::Person,
            Self::Stage(_) => EntityKind::Stage,
            Self::Cadence(_) => EntityKind::Cadence,
        }
    }
}

/// How an ownership claim was made.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, IntoStaticStr, Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum ClaimSource {
    /// The product's (outcome's, objective's) `owner` field names the team.
    OwnerField,
    /// The team's `owns` field names the product.
    OwnsField,
}

/// A typed edge of the [`OrgGraph`](super::OrgGraph). The direction of each
/// is given in its doc, and it is the same whichever field wrote the edge:
/// from a team to what it owns, contributes to or takes part in deciding
/// (`owns:` on the team and `owner:` on the product both make team →
/// product; `decides:` on a decision right makes team → decision right);
/// from the part to the whole (`parent`, `part_of`, `supports`, `serves`);
/// and from a decision right to its scope and its escalation target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Display, IntoStaticStr, Serialize)]
#[strum(serialize_all = "kebab-case")]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OrgEdge {
    /// Team → the unit (or organisation) it sits in.
    Parent,
    /// Team → the product, outcome or objective it is accountable for,
    /// whether the team's `owns` or the entity's `owner` says so.
    Owns {
        /// Which field made the claim.
        via: ClaimSource,
        /// The claim's place in that field's list of ids (0 for a field that
        /// names one team). The edge stays small, since a big org has
        /// millions of edges; [`OrgGraph::owners`](super::OrgGraph::owners)
        /// and [`OrgGraph::claim_location`](super::OrgGraph::claim_location)
        /// turn it into the claim's location.
        #[serde(skip)]
        index: u32,
    },
    /// Team → a product it builds on without being accountable (from the
    /// product's `contributors`).
    Contributes,
    /// Product → its parent product; key result → its objective.
    PartOf,
    /// Product → an outcome it serves.
    Serves,
    /// Outcome → parent outcome; objective → outcome or parent objective.
    Supports,
    /// Team → a decision right it decides (from the decision right's
    /// `decides`; the other roles likewise).
    Decides,
    /// Team → a decision right it recommends on.
    Recommends,
    /// Team → a decision right it must agree to.
    Agrees,
    /// Team → a decision right it is consulted on.
    Consulted,
    /// Team → a decision right it is informed of.
    Informed,
    /// Decision right → the team (or organisation) disagreements go to.
    EscalatesTo,
    /// Decision right → its scope: a product, a team or the organisation.
    AppliesTo,
    /// Team → a team it names in its `interactions` (for `x-as-a-service`,
    /// the team it consumes).
    Interacts {
        /// The interaction mode.
        mode: InteractionMode,
        /// The interaction's place in the team's `interactions` list.
        #[serde(skip)]
        index: u32,
    },
    /// Person → a team their time is allocated to.
    Allocated {
        /// The allocation's place in the person's `allocations` list
        /// ([`OrgGraph::allocations_of`](super::OrgGraph::allocations_of)
        /// gives its share).
        #[serde(skip)]
        index: u32,
    },
    /// Team → a person one of its members names with `person:`.
    HasMember {
        /// The member's place in the team's `members` list.
        #[serde(skip)]
        index: u32,
    },
    /// Product → the lifecycle stage it is in.
    InStage,
    /// Team → a cadence it runs (its `owner`).
    Runs,
    /// Team → a cadence it attends.
    Attends,
}

impl OrgEdge {
    /// Whether this is an ownership edge.
    pub fn is_owns(&self) -> bool {
        matches!(self, Self::Owns { .. })
    }
}
