//! The closed vocabularies of the org format: team kinds, product kinds,
//! funding, decision areas, key-result kinds and member roles.
//!
//! Every type here reads and writes the exact kebab-case word of the spec
//! (`stream-aligned`, `budget-allocation`, …) through `FromStr`/`Display`
//! and serde.

use serde::{Deserialize, Serialize};
use strum::{Display, EnumIter, EnumString, IntoStaticStr, VariantNames};

macro_rules! string_serde {
    ($ty:ty) => {
        impl Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                text.parse().map_err(|_| {
                    serde::de::Error::unknown_variant(&text, <$ty as VariantNames>::VARIANTS)
                })
            }
        }
    };
}

/// What kind of team this is: the four Team Topologies types plus the
/// groupings and functions an organisation also has.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum TeamKind {
    /// Aligned to a flow of work for customers; the default.
    #[default]
    StreamAligned,
    /// Provides internal products that other teams build on.
    Platform,
    /// Helps other teams learn a capability, then steps back.
    Enabling,
    /// Owns a part that needs deep specialist knowledge.
    ComplicatedSubsystem,
    /// A grouping of teams: tribe, business unit, department.
    Unit,
    /// A central function: security, compliance, architecture.
    Governance,
    /// A business function: sales, marketing, customer success, finance.
    Business,
    /// The leadership of the organisation or of a unit.
    Leadership,
}
string_serde!(TeamKind);

impl TeamKind {
    /// Whether teams of this kind are expected to own or build products
    /// (the four Team Topologies types).
    pub fn builds_products(self) -> bool {
        matches!(
            self,
            Self::StreamAligned | Self::Platform | Self::Enabling | Self::ComplicatedSubsystem
        )
    }
}

/// Who a product is for.
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
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum ProductKind {
    /// Used by the organisation's customers.
    CustomerFacing,
    /// Used by the organisation's own people.
    Internal,
    /// Built on by other teams' products.
    Platform,
}
string_serde!(ProductKind);

/// How a product is funded.
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
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Funding {
    /// A long-lived budget for the product and its team.
    Product,
    /// A temporary budget for a scoped project.
    Project,
}
string_serde!(Funding);

/// The author's own statement of what a key result is.
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
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum KeyResultKind {
    /// A change in a measured result for customers or the business.
    Outcome,
    /// Something delivered or done.
    Milestone,
}
string_serde!(KeyResultKind);

/// The area a decision right is about. Any word outside the built-in list
/// is kept as [`DecisionArea::Custom`].
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum DecisionArea {
    /// Which features a product has.
    FeatureSet,
    /// The order in which work is done.
    Roadmap,
    /// How money is split.
    BudgetAllocation,
    /// Which suppliers are used.
    VendorSelection,
    /// Technical standards every team follows.
    ArchitectureStandards,
    /// Security policy.
    Security,
    /// Regulatory compliance.
    Compliance,
    /// Who joins the team.
    Hiring,
    /// What customers pay.
    Pricing,
    /// When changes go out.
    Release,
    /// Any other area, kept as written.
    #[strum(default, to_string = "{0}")]
    Custom(String),
}

impl DecisionArea {
    /// `written` as the built-in areas are spelled: lowercase, with `-` for
    /// `_`, ` ` and `.` (`Budget Allocation` → `budget-allocation`), for
    /// telling a slip from a custom area.
    pub(crate) fn folded(written: &str) -> String {
        written
            .trim()
            .chars()
            .map(|c| match c {
                '_' | ' ' | '.' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    }

    /// The place in `names` of the word `written` was meant to be: the one
    /// it folds to ([`DecisionArea::folded`]), else the one it is a slip for
    /// (`budget-allocaton`).
    pub(crate) fn meant(written: &str, names: &[String]) -> Option<usize> {
        let folded = Self::folded(written);
        if let Some(i) = names.iter().position(|n| *n == folded) {
            return Some(i);
        }
        let closest = crate::diagnostic::did_you_mean(&folded, names.iter().map(String::as_str))?;
        names.iter().position(|n| n == closest)
    }

    /// The built-in areas, in the spec's order.
    pub const BUILT_IN: [DecisionArea; 10] = [
        Self::FeatureSet,
        Self::Roadmap,
        Self::BudgetAllocation,
        Self::VendorSelection,
        Self::ArchitectureStandards,
        Self::Security,
        Self::Compliance,
        Self::Hiring,
        Self::Pricing,
        Self::Release,
    ];

    /// Reads an area; never fails, unknown words become [`DecisionArea::Custom`].
    pub fn parse(text: &str) -> Self {
        text.parse()
            .unwrap_or_else(|_| Self::Custom(text.to_owned()))
    }
}

impl Serialize for DecisionArea {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DecisionArea {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Self::parse(&text))
    }
}

/// A team member's role. Roles are free text; the ones opmodel understands
/// (for the product trio) have their own variant.
#[derive(
    Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, IntoStaticStr,
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Role {
    /// Owns the problem: what to build and why.
    ProductManager,
    /// Owns how it is built.
    EngineeringLead,
    /// Owns how it is experienced.
    Designer,
    /// Builds it.
    Engineer,
    /// Measures it.
    DataAnalyst,
    /// Any other role, kept as written.
    #[strum(default, to_string = "{0}")]
    Other(Box<str>),
}

impl Role {
    /// Reads a role; never fails. Spelling variants such as `Product Manager`,
    /// `product_manager` or `PM` map to the understood roles, and so do the
    /// common job titles: seniority words in front (`Senior`, `Staff`,
    /// `Principal`, `Lead`, `Head of`, `Group`, `Chief`, `Associate`,
    /// `Junior`) are passed over (`Group Product Manager` is a product
    /// manager), `UX`, `UI`, `UX/UI`, `interaction`, `product` and `visual`
    /// designers and a `Design Lead` are designers, and a `Tech Lead`,
    /// `Engineering Manager`, `Lead Developer` or `Lead Engineer` is an
    /// engineering lead. Other words are kept, normalised, as
    /// [`Role::Other`]; `opmodel.toml` can map them to a role
    /// (`[roles] product-manager = ["Product Owner"]`, see
    /// [`Config::add_role_alias`](crate::config::Config::add_role_alias)).
    pub fn parse(text: &str) -> Self {
        // Normalised on the stack: a big org lists a million members, and
        // every understood spelling is short. Only ASCII bytes change, so
        // the result stays UTF-8.
        let trimmed = text.trim();
        let mut buf = [0u8; 32];
        let on_stack = buf.get_mut(..trimmed.len()).and_then(|norm| {
            for (to, &b) in norm.iter_mut().zip(trimmed.as_bytes()) {
                *to = match b {
                    b' ' | b'_' | b'/' => b'-',
                    b => b.to_ascii_lowercase(),
                };
            }
            std::str::from_utf8(norm).ok()
        });
        let long;
        let mut norm = match on_stack {
            Some(norm) => norm,
            None => {
                long = trimmed.to_ascii_lowercase().replace([' ', '_', '/'], "-");
                long.as_str()
            }
        };
        // `UX / UI Designer`: one dash between words.
        let collapsed;
        if norm.contains("--") {
            collapsed = norm
                .split('-')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            norm = collapsed.as_str();
        }
        let mut title = norm;
        loop {
            if let Some(role) = Self::understood(title) {
                return role;
            }
            match SENIORITY.iter().find_map(|w| title.strip_prefix(w)) {
                Some(rest) if !rest.is_empty() => title = rest,
                _ => break,
            }
        }
        Self::Other(norm.into())
    }

    /// The understood role a normalised title names, if any.
    fn understood(title: &str) -> Option<Self> {
        let role = match title {
            "pm" | "product-owner" | "po" | "product-lead" | "head-of-product" | "gpm" => {
                Self::ProductManager
            }
            "tech-lead"
            | "technical-lead"
            | "em"
            | "engineering-manager"
            | "eng-lead"
            | "lead-developer"
            | "lead-engineer"
            | "lead-software-engineer"
            | "head-of-engineering"
            | "development-lead"
            | "dev-lead" => Self::EngineeringLead,
            "ux-designer"
            | "product-designer"
            | "ux"
            | "ui-designer"
            | "ux-ui-designer"
            | "ui-ux-designer"
            | "interaction-designer"
            | "visual-designer"
            | "design-lead"
            | "ux-lead"
            | "head-of-design" => Self::Designer,
            "developer" | "software-engineer" | "dev" | "software-developer" => Self::Engineer,
            "analyst" | "data-scientist" => Self::DataAnalyst,
            _ => match title.parse() {
                Ok(Self::Other(_)) | Err(_) => return None,
                Ok(role) => role,
            },
        };
        Some(role)
    }
}

/// Words in front of a job title that say how senior, not what role:
/// passed over when reading a role (`Senior Product Manager`).
const SENIORITY: [&str; 12] = [
    "senior-",
    "sr-",
    "sr.-",
    "staff-",
    "principal-",
    "lead-",
    "head-of-",
    "group-",
    "chief-",
    "associate-",
    "junior-",
    "jr-",
];

impl Serialize for Role {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Role {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Ok(Self::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        assert_eq!(
            "complicated-subsystem".parse::<TeamKind>(),
            Ok(TeamKind::ComplicatedSubsystem)
        );
        assert_eq!(TeamKind::StreamAligned.to_string(), "stream-aligned");
        assert_eq!(
            DecisionArea::parse("budget-allocation"),
            DecisionArea::BudgetAllocation
        );
        assert_eq!(
            DecisionArea::parse("data-retention"),
            DecisionArea::Custom("data-retention".into())
        );
        assert_eq!(
            DecisionArea::Custom("data-retention".into()).to_string(),
            "data-retention"
        );
        assert_eq!(Role::parse("Product Manager"), Role::ProductManager);
        assert_eq!(Role::parse("coach"), Role::Other("coach".into()));
        assert!("unit ".parse::<TeamKind>().is_err());
    }

    #[test]
    fn roles_parse_whatever_their_spelling_and_length() {
        assert_eq!(Role::parse("  Engineering_Lead "), Role::EngineeringLead);
        assert_eq!(Role::parse("DATA ANALYST"), Role::DataAnalyst);
        assert_eq!(Role::parse("PM"), Role::ProductManager);
        // Other words are kept normalised, however long, ASCII or not.
        let long = "Principal Product Manager of Payments";
        assert_eq!(
            Role::parse(long),
            Role::Other("principal-product-manager-of-payments".into())
        );
        assert_eq!(Role::parse("Désigner"), Role::Other("désigner".into()));
        assert_eq!(
            Role::parse("Ünïcödé Ëngineer_Lead"),
            Role::Other("Ünïcödé-Ëngineer-lead".into())
        );
        assert_eq!(Role::parse(""), Role::Other("".into()));
    }

    #[test]
    fn common_job_titles_are_understood() {
        for (title, role) in [
            ("Senior Product Manager", Role::ProductManager),
            ("Group Product Manager", Role::ProductManager),
            ("Principal PM", Role::ProductManager),
            ("Lead Engineer", Role::EngineeringLead),
            ("Lead Developer", Role::EngineeringLead),
            ("Tech Lead", Role::EngineeringLead),
            ("Staff Tech Lead", Role::EngineeringLead),
            ("Engineering Manager", Role::EngineeringLead),
            ("Senior Engineering Manager", Role::EngineeringLead),
            ("UX/UI Designer", Role::Designer),
            ("UX / UI designer", Role::Designer),
            ("UI/UX Designer", Role::Designer),
            ("Interaction Designer", Role::Designer),
            ("Visual Designer", Role::Designer),
            ("Senior Product Designer", Role::Designer),
            ("Design Lead", Role::Designer),
            ("Lead Designer", Role::Designer),
            ("Junior Developer", Role::Engineer),
            ("Senior Software Engineer", Role::Engineer),
            ("Associate Designer", Role::Designer),
        ] {
            assert_eq!(Role::parse(title), role, "{title}");
        }
        // Seniority alone, or in front of an unknown title, is no role.
        assert_eq!(Role::parse("Senior"), Role::Other("senior".into()));
        assert_eq!(
            Role::parse("Senior Agile Coach"),
            Role::Other("senior-agile-coach".into())
        );
    }
}
