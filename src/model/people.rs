//! The rest of the operating-model document: people and their allocations,
//! team interactions, the product lifecycle and the planning and review
//! cadences (see `pom-document.md` of the spec).

use std::fmt;

use serde::Serialize;
use strum::{Display, EnumIter, EnumString, IntoStaticStr, VariantNames};

use super::{AllowList, DecisionArea, Id, Ref, RefList, Role, Text};
use crate::source::Location;

/// How two teams work together, in Team Topologies' terms.
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
    VariantNames,
    Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InteractionMode {
    /// Both teams work closely together for a while (mutual, costly, temporary).
    Collaboration,
    /// The team consumes the other team's service (written on the consumer).
    XAsAService,
    /// One of the two helps the other learn a capability.
    Facilitating,
}

/// An interaction written on a team: `{ with: B, mode: M }`.
///
/// ```
/// use opmodel::model::{Interaction, InteractionMode, Team};
/// let team = Team::new("playback")
///     .interaction(Interaction::new("platform-core", InteractionMode::XAsAService));
/// assert_eq!(team.interactions[0].with.id, "platform-core");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Interaction {
    /// The other team.
    pub with: Ref,
    /// How the two work together.
    pub mode: InteractionMode,
    /// When a collaboration should end (free text, informational).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Text>,
    /// Where the interaction was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Interaction {
    /// An interaction with `team` in `mode`.
    pub fn new(team: impl Into<Ref>, mode: InteractionMode) -> Self {
        Self {
            with: team.into(),
            mode,
            until: None,
            location: None,
        }
    }

    /// Sets when the collaboration should end.
    pub fn until(mut self, until: impl Into<Text>) -> Self {
        self.until = Some(until.into());
        self
    }
}

/// A person and where their time goes.
///
/// ```
/// use opmodel::model::{Allocation, Person, Role};
/// let ana = Person::new("ana")
///     .name("Ana Lopez")
///     .allocation(Allocation::new("playback", 0.6).role(Role::ProductManager))
///     .allocation(Allocation::new("search", 0.4));
/// assert!((ana.total_share() - 1.0).abs() < 1e-9);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Person {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The teams the person's time goes to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allocations: Vec<Allocation>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this person.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the person was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

/// A share of a person's time given to a team.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Allocation {
    /// The team.
    pub team: Ref,
    /// The share of the person's time, in (0, 1].
    pub share: f64,
    /// The person's role on that team.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// Where the allocation was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Allocation {
    /// `share` of a person's time to `team`.
    pub fn new(team: impl Into<Ref>, share: f64) -> Self {
        Self {
            team: team.into(),
            share,
            role: None,
            location: None,
        }
    }

    /// Sets the role on that team.
    pub fn role(mut self, role: Role) -> Self {
        self.role = Some(role);
        self
    }
}

impl Person {
    /// A person with only an id.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            name: None,
            allocations: Vec::new(),
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

    /// Adds an allocation.
    pub fn allocation(mut self, allocation: Allocation) -> Self {
        self.allocations.push(allocation);
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this person.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }

    /// The sum of the shares of every allocation.
    pub fn total_share(&self) -> f64 {
        self.allocations.iter().map(|a| a.share).sum()
    }
}

/// A stage of the product lifecycle (`discovery`, `growth`, …).
///
/// ```
/// use opmodel::model::{Role, Stage};
/// let s = Stage::new("discovery").name("Discovery").lead(Role::ProductManager);
/// assert_eq!(s.lead, Some(Role::ProductManager));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Stage {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The role that leads a product in this stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<Role>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this stage.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the stage was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Stage {
    /// A stage with only an id.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            name: None,
            lead: None,
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

    /// Sets the leading role.
    pub fn lead(mut self, role: Role) -> Self {
        self.lead = Some(role);
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this stage.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}

/// Whether a cadence plans or reviews.
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
    VariantNames,
    Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CadenceKind {
    /// Decides what to do next (and with what).
    Planning,
    /// Looks at how it went.
    Review,
}

/// How often a cadence meets: every so many weeks or months.
///
/// ```
/// use opmodel::model::Every;
/// assert_eq!(Every::parse("quarter"), Some(Every::Months(3)));
/// assert_eq!(Every::parse("2 weeks"), Some(Every::Weeks(2)));
/// assert_eq!(Every::parse("6 months").map(|e| e.to_string()).as_deref(), Some("half-year"));
/// assert_eq!(Every::parse("quarterly"), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Every {
    /// Every so many weeks (at least 1).
    Weeks(u32),
    /// Every so many months (at least 1); a quarter is 3, a year 12.
    Months(u32),
}

impl Every {
    /// The words the spec allows, for messages.
    pub const WORDS: &'static str =
        "week, 2 weeks, month, quarter, half-year, year, or \"N weeks\" / \"N months\"";

    /// Reads `week`, `2 weeks`, `month`, `quarter`, `half-year`, `year`,
    /// `N weeks` or `N months` (case and spacing do not matter); `None` for
    /// anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.trim().to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        match words.as_slice() {
            ["week"] => Some(Self::Weeks(1)),
            ["month"] => Some(Self::Months(1)),
            ["quarter"] => Some(Self::Months(3)),
            ["half-year"] | ["half", "year"] => Some(Self::Months(6)),
            ["year"] => Some(Self::Months(12)),
            [n, unit] => {
                let n: u32 = n.parse().ok().filter(|&n| n >= 1)?;
                match *unit {
                    "weeks" | "week" => Some(Self::Weeks(n)),
                    "months" | "month" => Some(Self::Months(n)),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

impl fmt::Display for Every {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Weeks(1) => f.write_str("week"),
            Self::Weeks(n) => write!(f, "{n} weeks"),
            Self::Months(1) => f.write_str("month"),
            Self::Months(3) => f.write_str("quarter"),
            Self::Months(6) => f.write_str("half-year"),
            Self::Months(12) => f.write_str("year"),
            Self::Months(n) => write!(f, "{n} months"),
        }
    }
}

impl Serialize for Every {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What a cadence plans or reviews.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Covers {
    /// The objectives (OKRs).
    Objectives,
    /// The outcomes.
    Outcomes,
    /// A decision area (`budget-allocation`, or a custom one).
    Area(DecisionArea),
}

impl Covers {
    /// Reads `objectives`, `outcomes` or an area.
    pub fn parse(text: &str) -> Self {
        match text.trim() {
            "objectives" => Self::Objectives,
            "outcomes" => Self::Outcomes,
            area => Self::Area(DecisionArea::parse(area)),
        }
    }
}

impl fmt::Display for Covers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Objectives => f.write_str("objectives"),
            Self::Outcomes => f.write_str("outcomes"),
            Self::Area(a) => write!(f, "{a}"),
        }
    }
}

impl Serialize for Covers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A planning or review rhythm (`quarterly-business-review`).
///
/// ```
/// use opmodel::model::{Cadence, CadenceKind, Covers, Every};
/// let qbr = Cadence::new("qbr", CadenceKind::Review, Every::Months(3))
///     .covers(Covers::Objectives)
///     .owner("music")
///     .attendee("playback");
/// assert!(qbr.reviews(&Covers::Objectives));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cadence {
    /// Unique id.
    pub id: Id,
    /// Planning or review (`None` when the file's word was not one of them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<CadenceKind>,
    /// How often it meets (`None` when the file's word was not understood).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub every: Option<Every>,
    /// What it plans or reviews.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<Covers>,
    /// The team that runs it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Ref>,
    /// The teams that attend.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub attendees: RefList,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this cadence.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the cadence was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Cadence {
    /// A cadence of `kind` every `every`, covering nothing yet.
    pub fn new(id: impl Into<Id>, kind: CadenceKind, every: Every) -> Self {
        Self {
            id: id.into(),
            kind: Some(kind),
            every: Some(every),
            covers: Vec::new(),
            owner: None,
            attendees: RefList::new(),
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// Adds something it plans or reviews.
    pub fn covers(mut self, covers: Covers) -> Self {
        self.covers.push(covers);
        self
    }

    /// Sets the team that runs it.
    pub fn owner(mut self, team: impl Into<Ref>) -> Self {
        self.owner = Some(team.into());
        self
    }

    /// Adds an attending team.
    pub fn attendee(mut self, team: impl Into<Ref>) -> Self {
        self.attendees.push(team.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this cadence.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }

    /// Whether it is a `review` cadence that covers `what`.
    pub fn reviews(&self, what: &Covers) -> bool {
        self.kind == Some(CadenceKind::Review) && self.covers.contains(what)
    }

    /// Whether it is a `planning` cadence that covers `what`.
    pub fn plans(&self, what: &Covers) -> bool {
        self.kind == Some(CadenceKind::Planning) && self.covers.contains(what)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reads_the_spec_words_and_nothing_else() {
        for (text, every) in [
            ("week", Every::Weeks(1)),
            ("2 weeks", Every::Weeks(2)),
            ("month", Every::Months(1)),
            ("quarter", Every::Months(3)),
            ("half-year", Every::Months(6)),
            ("year", Every::Months(12)),
            ("3 weeks", Every::Weeks(3)),
            ("18 months", Every::Months(18)),
            (" Quarter ", Every::Months(3)),
        ] {
            assert_eq!(Every::parse(text), Some(every), "{text}");
        }
        for bad in [
            "",
            "quarterly",
            "weekly",
            "0 weeks",
            "-1 months",
            "2 days",
            "fortnight",
            "2",
        ] {
            assert_eq!(Every::parse(bad), None, "{bad}");
        }
        assert_eq!(Every::Weeks(2).to_string(), "2 weeks");
        assert_eq!(Every::Months(18).to_string(), "18 months");
    }

    #[test]
    fn modes_and_covers_read_their_words() {
        assert_eq!(
            "x-as-a-service".parse::<InteractionMode>(),
            Ok(InteractionMode::XAsAService)
        );
        assert_eq!(InteractionMode::XAsAService.to_string(), "x-as-a-service");
        assert!("xaas".parse::<InteractionMode>().is_err());
        assert_eq!(Covers::parse("objectives"), Covers::Objectives);
        assert_eq!(
            Covers::parse("budget-allocation"),
            Covers::Area(DecisionArea::BudgetAllocation)
        );
        assert_eq!(
            Covers::parse("data-retention").to_string(),
            "data-retention"
        );
    }
}
