use super::{AllowList, Id, RefList, Text};
use serde::Serialize;

use super::{Interaction, Ref, Role, TeamKind};
use crate::source::Location;

/// A team: a long-lived group of people, or a unit that groups teams.
///
/// ```
/// use opmodel::model::{Team, TeamKind, Role};
/// let team = Team::new("playback")
///     .kind(TeamKind::StreamAligned)
///     .parent("music")
///     .owns("web-player")
///     .member("Ana", Role::ProductManager);
/// assert_eq!(team.owns[0].id, "web-player");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Team {
    /// Unique id.
    pub id: Id,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// What kind of team (default `stream-aligned`).
    pub kind: TeamKind,
    /// The unit this team sits in, or `organization`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Ref>,
    /// Products this team is accountable for.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub owns: RefList,
    /// The people on the team.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// How the team works with other teams (Team Topologies' interaction modes).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<Interaction>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this team.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the team was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

/// A person on a team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The person's name.
    pub name: Text,
    /// Their role on the team, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The person (of the `people` section) this member is, when named.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<Box<Ref>>,
}

impl Team {
    /// A stream-aligned team with only an id.
    pub fn new(id: impl Into<Id>) -> Self {
        Self {
            id: id.into(),
            name: None,
            kind: TeamKind::default(),
            parent: None,
            owns: RefList::new(),
            members: Vec::new(),
            interactions: Vec::new(),
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
    pub fn kind(mut self, kind: TeamKind) -> Self {
        self.kind = kind;
        self
    }

    /// Sets the parent unit.
    pub fn parent(mut self, parent: impl Into<Ref>) -> Self {
        self.parent = Some(parent.into());
        self
    }

    /// Adds a product this team is accountable for.
    pub fn owns(mut self, product: impl Into<Ref>) -> Self {
        self.owns.push(product.into());
        self
    }

    /// Adds a member.
    pub fn member(mut self, name: impl Into<Text>, role: Role) -> Self {
        self.members.push(Member {
            name: name.into(),
            role: Some(role),
            person: None,
        });
        self
    }

    /// Adds a member who is the person `person` of the `people` section.
    pub fn member_person(
        mut self,
        name: impl Into<Text>,
        role: Role,
        person: impl Into<Ref>,
    ) -> Self {
        self.members.push(Member {
            name: name.into(),
            role: Some(role),
            person: Some(Box::new(person.into())),
        });
        self
    }

    /// Adds an interaction with another team.
    pub fn interaction(mut self, interaction: Interaction) -> Self {
        self.interactions.push(interaction);
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this team.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }

    /// Whether a member has `role`.
    pub fn has_role(&self, role: &Role) -> bool {
        self.members.iter().any(|m| m.role.as_ref() == Some(role))
    }
}
