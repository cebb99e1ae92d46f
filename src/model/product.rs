use super::{AllowList, Id, RefList, Text};
use serde::Serialize;

use super::{Funding, ProductKind, Ref};
use crate::source::Location;

/// A long-lived product that a team is accountable for.
///
/// ```
/// use opmodel::model::{Product, ProductKind};
/// let p = Product::new("web-player").kind(ProductKind::CustomerFacing).owner("playback").outcome("listening-time");
/// assert_eq!(p.owner[0].id, "playback");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Product {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Who the product is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<ProductKind>,
    /// The accountable team(s) named on the product; teams' `owns` add more.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub owner: RefList,
    /// Teams that build on it but are not accountable.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub contributors: RefList,
    /// The product (line) this one belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Box<Ref>>,
    /// The outcomes this product serves.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub outcomes: RefList,
    /// How the product is funded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding: Option<Funding>,
    /// The lifecycle stage the product is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Box<Ref>>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this product.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the product was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Product {
    /// A product with only an id.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            name: None,
            kind: None,
            owner: RefList::new(),
            contributors: RefList::new(),
            part_of: None,
            outcomes: RefList::new(),
            funding: None,
            stage: None,
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// Sets the display name.
    pub fn name(mut self, name: impl Into<Text>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the kind.
    pub fn kind(mut self, kind: ProductKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Adds an accountable owning team.
    pub fn owner(mut self, team: impl Into<Ref>) -> Self {
        self.owner.push(team.into());
        self
    }

    /// Adds a contributing team.
    pub fn contributor(mut self, team: impl Into<Ref>) -> Self {
        self.contributors.push(team.into());
        self
    }

    /// Sets the parent product (line).
    pub fn part_of(mut self, product: impl Into<Ref>) -> Self {
        self.part_of = Some(Box::new(product.into()));
        self
    }

    /// Adds an outcome this product serves.
    pub fn outcome(mut self, outcome: impl Into<Ref>) -> Self {
        self.outcomes.push(outcome.into());
        self
    }

    /// Sets the funding.
    pub fn funding(mut self, funding: Funding) -> Self {
        self.funding = Some(funding);
        self
    }

    /// Sets the lifecycle stage.
    pub fn stage(mut self, stage: impl Into<Ref>) -> Self {
        self.stage = Some(Box::new(stage.into()));
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this product.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}
