use super::{AllowList, Id, RefList, Text};
use serde::Serialize;

use super::Ref;
use crate::source::Location;

/// A customer or business outcome that products serve and objectives support.
///
/// ```
/// use opmodel::model::Outcome;
/// let o = Outcome::new("listening-time", "Listeners spend more time with music they love")
///     .metric("weekly listening hours per active listener")
///     .baseline(4.2)
///     .target(5.0);
/// assert_eq!(o.target, Some(5.0));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// Unique id.
    pub id: Id,
    /// What changes, for whom.
    pub statement: Text,
    /// How the change is measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<Text>,
    /// Where the metric stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Where the metric should get to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The team that owns the outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Ref>,
    /// Parent outcomes this one contributes to.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub supports: RefList,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this outcome.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the outcome was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Outcome {
    /// An outcome with an id and a statement.
    pub fn new(id: impl Into<Id>, statement: impl Into<Text>) -> Self {
        Self {
            id: id.into(),
            statement: statement.into(),
            metric: None,
            baseline: None,
            target: None,
            owner: None,
            supports: RefList::new(),
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// Sets the metric.
    pub fn metric(mut self, metric: impl Into<Text>) -> Self {
        self.metric = Some(metric.into());
        self
    }

    /// Sets the baseline.
    pub fn baseline(mut self, value: f64) -> Self {
        self.baseline = Some(value);
        self
    }

    /// Sets the target.
    pub fn target(mut self, value: f64) -> Self {
        self.target = Some(value);
        self
    }

    /// Sets the owning team.
    pub fn owner(mut self, team: impl Into<Ref>) -> Self {
        self.owner = Some(team.into());
        self
    }

    /// Adds a parent outcome.
    pub fn supports(mut self, outcome: impl Into<Ref>) -> Self {
        self.supports.push(outcome.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this outcome.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}
