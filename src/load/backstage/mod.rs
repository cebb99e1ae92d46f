//! Backstage software catalogs (`catalog-info.yaml`), read as they are.
//!
//! A YAML file whose first document has an `apiVersion` of `backstage.io`
//! and a `kind` is a Backstage file. Each file is read into a [`Catalog`]
//! of descriptors on its own ([`read`]); once every file is in, the
//! catalogs are lowered together ([`lower`]), because a group's kind, parent
//! and members, and the ids of entities whose names collide, depend on
//! entities in other files. The mapping is the contract in
//! `spec/backstage.md`: Groups become teams, Domains, Systems, Components,
//! APIs and Resources become products, Users become members.

mod ids;
mod lower;
mod read;
mod words;

pub(crate) use lower::lower;
#[cfg(feature = "yaml")]
pub(crate) use read::is_descriptor;
pub(crate) use read::{has_placeholder, read};
pub use words::CatalogNames;

use crate::model::EntityKind;
use crate::source::Location;

/// The catalog kinds opmodel maps, in the order that decides which of two
/// entities with the same id gets its kind appended (Users are not
/// entities, so they come last and never collide).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Kind {
    Group,
    Domain,
    System,
    Component,
    Api,
    Resource,
    User,
}

impl Kind {
    /// The kind a lowercased `kind:` names, if opmodel maps it.
    pub(crate) fn parse(lower: &str) -> Option<Self> {
        Some(match lower {
            "group" => Self::Group,
            "domain" => Self::Domain,
            "system" => Self::System,
            "component" => Self::Component,
            "api" => Self::Api,
            "resource" => Self::Resource,
            "user" => Self::User,
            _ => return None,
        })
    }

    /// The kind as a reference writes it (`component:`), and the suffix of
    /// a colliding id (`.component`).
    pub(crate) fn word(self) -> &'static str {
        match self {
            Self::Group => "group",
            Self::Domain => "domain",
            Self::System => "system",
            Self::Component => "component",
            Self::Api => "api",
            Self::Resource => "resource",
            Self::User => "user",
        }
    }

    /// The kind as Backstage's documentation names it in prose.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Self::Api => "API",
            other => other.word(),
        }
    }

    /// Capitalised, as written in `kind:`, for messages that start with it.
    pub(crate) fn shown_of(lower: &str, _written: &str) -> &'static str {
        match lower {
            "group" => "Group",
            "domain" => "Domain",
            "system" => "System",
            "component" => "Component",
            "api" => "API",
            "resource" => "Resource",
            "user" => "User",
            _ => "Location",
        }
    }

    /// The opmodel entity it becomes.
    pub(crate) fn entity_kind(self) -> EntityKind {
        match self {
            Self::Group | Self::User => EntityKind::Team,
            _ => EntityKind::Product,
        }
    }
}

/// A field holding a reference, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub text: String,
    pub location: Location,
}

/// One descriptor of a mapped kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Descriptor {
    pub kind: Kind,
    pub namespace: String,
    pub name: String,
    /// Where `metadata.name` is written.
    pub location: Location,
    pub title: Option<String>,
    pub description: Option<String>,
    pub spec_type: Option<String>,
    pub display_name: Option<String>,
    pub owner: Option<Field>,
    pub system: Option<Field>,
    pub domain: Option<Field>,
    pub subcomponent_of: Option<Field>,
    pub subdomain_of: Option<Field>,
    pub parent: Option<Field>,
    pub children: Vec<Field>,
    pub members: Vec<Field>,
    pub member_of: Vec<Field>,
    /// `opmodel.dev/outcomes`.
    pub outcomes: Vec<String>,
    /// Where the `opmodel.dev/outcomes` annotation is written.
    pub outcomes_at: Option<Location>,
    /// `opmodel.dev/allow`.
    pub allow: Vec<String>,
}

/// A `Location`'s target, and where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    pub text: String,
    pub location: Location,
    /// The Location says `spec.presence: optional`: the target may be
    /// missing.
    pub optional: bool,
}

/// What one Backstage file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Catalog {
    pub entities: Vec<Descriptor>,
    pub targets: Vec<Target>,
}

impl Catalog {
    /// Moves every location `offset` files on (see `Model::merge`).
    pub(crate) fn shift_files(&mut self, offset: u32) {
        let shift = |l: &mut Location| l.file = l.file.shifted(offset);
        for d in &mut self.entities {
            shift(&mut d.location);
            if let Some(at) = &mut d.outcomes_at {
                shift(at);
            }
            let fields = d
                .owner
                .iter_mut()
                .chain(d.system.iter_mut())
                .chain(d.domain.iter_mut())
                .chain(d.subcomponent_of.iter_mut())
                .chain(d.subdomain_of.iter_mut())
                .chain(d.parent.iter_mut())
                .chain(d.children.iter_mut())
                .chain(d.members.iter_mut())
                .chain(d.member_of.iter_mut());
            for f in fields {
                shift(&mut f.location);
            }
        }
        for t in &mut self.targets {
            shift(&mut t.location);
        }
    }

    /// Adds another file's catalog.
    pub(crate) fn append(&mut self, other: Catalog) {
        self.entities.extend(other.entities);
        self.targets.extend(other.targets);
    }
}
