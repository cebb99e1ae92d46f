use super::Id;
use std::fmt;

use serde::Serialize;
use strum::{Display, EnumIter, EnumString, IntoStaticStr};

/// The kinds of entity a diagnostic can be about, as written in the JSON
/// output (`entity.kind`).
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Display,
    EnumString,
    EnumIter,
    IntoStaticStr,
    Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A [`Team`](crate::model::Team).
    Team,
    /// A [`Product`](crate::model::Product).
    Product,
    /// An [`Outcome`](crate::model::Outcome).
    Outcome,
    /// An [`Objective`](crate::model::Objective).
    Objective,
    /// A [`KeyResult`](crate::model::KeyResult).
    KeyResult,
    /// A [`DecisionRight`](crate::model::DecisionRight); its id is `<area>@<scope>`.
    Decision,
    /// The organisation itself (id `organization`).
    Organization,
    /// A whole file (for problems reading or parsing it); its id is the path.
    File,
    /// A [`Person`](crate::model::Person).
    Person,
    /// A lifecycle [`Stage`](crate::model::Stage).
    Stage,
    /// A [`Cadence`](crate::model::Cadence).
    Cadence,
}

impl EntityKind {
    /// "a team", "an outcome", … for messages.
    pub fn with_article(self) -> &'static str {
        match self {
            Self::Team => "a team",
            Self::Product => "a product",
            Self::Outcome => "an outcome",
            Self::Objective => "an objective",
            Self::KeyResult => "a key result",
            Self::Decision => "a decision right",
            Self::Organization => "the organization",
            Self::File => "a file",
            Self::Person => "a person",
            Self::Stage => "a lifecycle stage",
            Self::Cadence => "a cadence",
        }
    }
}

/// A kind and an id: names one entity of the model.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntityRef {
    /// What kind of entity.
    pub kind: EntityKind,
    /// Its id (`<area>@<scope>` for decisions, the path for files).
    pub id: Id,
}

impl EntityRef {
    /// Names an entity.
    pub fn new(kind: EntityKind, id: impl Into<Id>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }
}

impl fmt::Display for EntityRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} `{}`", self.kind, self.id)
    }
}
