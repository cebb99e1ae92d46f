use serde::Serialize;

use super::{AllowList, DecisionArea, Id, Ref, RefList, Text};
use crate::source::Location;

/// A decision right: who decides an area for a scope, and who else takes part
/// (in the manner of RAPID/RACI).
///
/// ```
/// use opmodel::model::{DecisionRight, DecisionArea};
/// let d = DecisionRight::new(DecisionArea::BudgetAllocation, "web-player")
///     .decides("playback")
///     .agrees("security")
///     .escalates_to("music");
/// assert_eq!(d.id(), "budget-allocation@web-player");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DecisionRight {
    /// What is decided.
    pub area: DecisionArea,
    /// Where it applies: a product, a team, or `organization`.
    pub scope: Ref,
    /// Who decides (exactly one is healthy).
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub decides: RefList,
    /// Who recommends.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub recommends: RefList,
    /// Who must agree (a veto).
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub agrees: RefList,
    /// Who is consulted.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub consulted: RefList,
    /// Who is informed.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub informed: RefList,
    /// Where disagreements go.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub escalates_to: Option<Box<Ref>>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this decision right.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the decision right was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl DecisionRight {
    /// A decision right for `area` at `scope`, with nobody named yet.
    pub fn new(area: DecisionArea, scope: impl Into<Ref>) -> Self {
        Self {
            area,
            scope: scope.into(),
            decides: RefList::new(),
            recommends: RefList::new(),
            agrees: RefList::new(),
            consulted: RefList::new(),
            informed: RefList::new(),
            escalates_to: None,
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// The id diagnostics use: `<area>@<scope>`.
    pub fn id(&self) -> Id {
        Id::format(format_args!("{}@{}", self.area, self.scope.id))
    }

    /// Adds a deciding team.
    pub fn decides(mut self, team: impl Into<Ref>) -> Self {
        self.decides.push(team.into());
        self
    }

    /// Adds a recommending team.
    pub fn recommends(mut self, team: impl Into<Ref>) -> Self {
        self.recommends.push(team.into());
        self
    }

    /// Adds a team that must agree.
    pub fn agrees(mut self, team: impl Into<Ref>) -> Self {
        self.agrees.push(team.into());
        self
    }

    /// Adds a consulted team.
    pub fn consulted(mut self, team: impl Into<Ref>) -> Self {
        self.consulted.push(team.into());
        self
    }

    /// Adds an informed team.
    pub fn informed(mut self, team: impl Into<Ref>) -> Self {
        self.informed.push(team.into());
        self
    }

    /// Sets where disagreements go.
    pub fn escalates_to(mut self, team: impl Into<Ref>) -> Self {
        self.escalates_to = Some(Box::new(team.into()));
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this decision right.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}
