//! Checks: the rules an operating model is linted against, and the trait to
//! write your own.
//!
//! A check is a unit struct that implements [`Check`]: it has [`CheckMeta`]
//! (a stable kebab-case name, a [`Category`], a default [`Level`], a
//! one-line summary and its documentation) and a `run` function that reads
//! the [`Context`] (model, graph and parameters) and pushes [`Diagnostic`](crate::Diagnostic)s.
//! Severity, `allow:` lists and sorting are the [`Linter`](crate::Linter)'s
//! job, so a check only says what it found.
//!
//! Each built-in check lives in its own file next to its tests; adding one
//! is adding a file and a line in [`registry`].
//!
//! ```
//! use opmodel::check::{Category, Check, CheckMeta, Context, Sink};
//! use opmodel::config::Level;
//! use opmodel::{Diagnostic, model::EntityKind, model::EntityRef};
//!
//! /// Every product needs a display name.
//! struct NamedProducts;
//!
//! static NAMED_PRODUCTS: CheckMeta = CheckMeta {
//!     name: "unnamed-product",
//!     category: Category::Custom,
//!     default_level: Level::Warn,
//!     summary: "a product without a display name",
//!     docs: "### What it finds\nProducts without `name:`.",
//!     params: &[],
//! };
//!
//! impl Check for NamedProducts {
//!     fn meta(&self) -> &CheckMeta {
//!         &NAMED_PRODUCTS
//!     }
//!     fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
//!         for p in &cx.model().products {
//!             if p.name.is_none() {
//!                 out.push(
//!                     Diagnostic::new(self.meta().name, EntityRef::new(EntityKind::Product, &p.id), format!("product `{}` has no name", p.id))
//!                         .with_help("add `name:` so people recognise it")
//!                         .at(p.location),
//!                 );
//!             }
//!         }
//!     }
//! }
//! ```

mod by_text;
mod context;
pub(crate) mod packed;
mod plain_docs;
pub mod registry;
mod sink;
pub use sink::Sink;
#[cfg(test)]
pub(crate) mod testing;

pub mod conflicting_deciders;
pub mod decision_outside_ownership;
pub mod duplicate_id;
pub mod escalation_cycle;
pub mod fragmented_person;
pub mod function_not_product_led;
pub mod hierarchy_cycle;
pub mod idle_team;
pub mod incomplete_product_trio;
pub mod invalid_entity;
pub mod invalid_file;
pub mod milestone_key_result;
pub mod missing_decider;
pub mod missing_decision_right;
pub mod objective_without_key_results;
pub mod orphaned_product;
pub mod over_allocated_person;
pub mod overloaded_team;
pub mod project_funded_product;
pub mod project_style_objective;
pub mod stage_without_lead;
pub mod team_size;
pub mod too_many_collaborations;
pub mod unaligned_product;
pub mod unclear_ownership;
pub mod unfollowed_location;
pub mod ungoverned_standard;
pub mod unknown_allow;
pub mod unknown_reference;
pub mod unmeasurable_key_result;
pub mod unmeasurable_outcome;
pub mod unplanned_decision_area;
pub mod unreviewed_goals;
pub mod unsupported_outcome;
pub mod unused_platform;

pub use context::Context;

use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::config::{Level, ParamValue};

/// The families of checks.
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
)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// The model itself is broken: bad files, bad entities, dangling ids, loops.
    Integrity,
    /// Who is accountable for what.
    Ownership,
    /// Whether products and goals connect to outcomes.
    Alignment,
    /// Whether goals are outcomes or milestones.
    GoalStyle,
    /// Who decides what.
    DecisionRights,
    /// Who is allocated where, and how much; how big teams are.
    People,
    /// Who leads a product through each stage of its life.
    Lifecycle,
    /// The planning and review rhythms that steer the model.
    Cadence,
    /// How teams work with each other (Team Topologies' interaction modes).
    Interactions,
    /// Checks written by users.
    Custom,
}

impl Category {
    /// What the family is about, in one line.
    pub fn description(self) -> &'static str {
        match self {
            Self::Integrity => {
                "the model itself is broken: unreadable files, malformed entities, dangling ids, loops"
            }
            Self::Ownership => "every product has exactly one accountable, long-lived team",
            Self::Alignment => "products and goals connect to customer and business outcomes",
            Self::GoalStyle => {
                "key results and objectives are outcomes, not milestones or deliverables"
            }
            Self::DecisionRights => {
                "every decision has exactly one decider, close to accountability"
            }
            Self::People => {
                "people are allocated without overload or fragmentation, and teams are sized to work"
            }
            Self::Lifecycle => "every product stage is led by the role it needs",
            Self::Cadence => "goals are reviewed and key decision areas planned on a rhythm",
            Self::Interactions => {
                "teams interact in the modes Team Topologies describes, and platforms are used"
            }
            Self::Custom => "checks written by users of the library",
        }
    }
}

/// A parameter a check takes, with its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Param {
    /// Its name in the config (`max_products`).
    pub name: &'static str,
    /// What it means, in one line.
    pub doc: &'static str,
    /// Its value when not configured (also fixes its type).
    pub default: ParamValue,
}

impl Param {
    /// A whole-number parameter.
    pub fn int(name: &'static str, default: i64, doc: &'static str) -> Self {
        Self {
            name,
            doc,
            default: ParamValue::Int(default),
        }
    }

    /// A yes-or-no parameter.
    pub fn bool(name: &'static str, default: bool, doc: &'static str) -> Self {
        Self {
            name,
            doc,
            default: ParamValue::Bool(default),
        }
    }

    /// A one-word parameter.
    pub fn string(name: &'static str, default: &str, doc: &'static str) -> Self {
        Self {
            name,
            doc,
            default: ParamValue::Str(default.to_owned()),
        }
    }

    /// A list-of-words parameter.
    pub fn list(name: &'static str, default: &[&str], doc: &'static str) -> Self {
        Self {
            name,
            doc,
            default: ParamValue::List(default.iter().map(|s| (*s).to_owned()).collect()),
        }
    }
}

/// What a check is: name, family, default level and documentation.
#[derive(Clone, Debug)]
pub struct CheckMeta {
    /// The stable kebab-case name used in output, config and `allow:`.
    pub name: &'static str,
    /// The family.
    pub category: Category,
    /// The level when not configured.
    pub default_level: Level,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Markdown with the headings *What it finds*, *Why it matters*,
    /// *Example* and *Fix*; printed by `opmodel explain`.
    pub docs: &'static str,
    /// The parameters it takes.
    pub params: &'static [Param],
}

impl CheckMeta {
    /// The documentation `opmodel explain NAME` prints: a `# name` heading,
    /// a line with family, default level and summary, the docs (each line
    /// without the leading space of its doc comment) and the parameters.
    /// Also the description and help of the check's rule in SARIF output.
    pub fn explain(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", self.name);
        let _ = writeln!(
            out,
            "{} · default level: {} · {}\n",
            self.category, self.default_level, self.summary
        );
        for line in plain_docs::plain(self.docs).lines() {
            let _ = writeln!(out, "{}", line.strip_prefix(' ').unwrap_or(line));
        }
        // Parameters the docs' own "Configuration" section already explains
        // are not listed again.
        let configuration = self
            .docs
            .split_once("### Configuration")
            .map_or("", |(_, after)| after);
        let unexplained: Vec<&Param> = self
            .params
            .iter()
            .filter(|p| !configuration.contains(&format!("`{}`", p.name)))
            .collect();
        if !unexplained.is_empty() {
            let _ = writeln!(out, "### Parameters");
            for p in unexplained {
                let _ = writeln!(
                    out,
                    "- `{}` (default {}): {}",
                    p.name,
                    serde_json::to_string(&p.default).unwrap_or_default(),
                    p.doc
                );
            }
        }
        out
    }
}

/// An org-design rule. Implement it to add your own; see the module docs.
pub trait Check: Send + Sync {
    /// What this check is.
    fn meta(&self) -> &CheckMeta;

    /// Looks at the model and pushes what it finds. Severity is set by the
    /// linter, and so is the check name: whatever name a finding was made
    /// with, it comes out as `self.meta().name`.
    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink);
}

/// Declares a check: a unit struct whose doc comment is both its rustdoc
/// and the text `opmodel explain` prints, its `NAME`, and a `META` static
/// with its [`CheckMeta`]. Every built-in check is declared with it, and a
/// crate of your own can do the same (one check per module, as `META` is
/// the static's name):
///
/// ```
/// use opmodel::check::{Check, CheckMeta, Context, Param, Sink};
/// use opmodel::{Diagnostic, model::{EntityKind, EntityRef}};
///
/// opmodel::declare_check! {
///     /// ### What it finds
///     /// Teams with more than `max_members` members.
///     pub struct LargeTeam;
///     name: "large-team",
///     category: Custom,
///     level: Warn,
///     summary: "a team with more members than one team can be",
///     params: [Param::int("max_members", 9, "most members a team has")],
/// }
///
/// #[derive(serde::Deserialize)]
/// struct Params { max_members: usize }
///
/// impl Check for LargeTeam {
///     fn meta(&self) -> &CheckMeta { &META }
///     fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
///         // Fails only if `Params` does not match the declared parameters:
///         // a test running the check with its defaults catches that.
///         let Ok(params) = cx.params::<Params>() else { return };
///         for team in cx.graph().teams() {
///             if team.data().members.len() > params.max_members {
///                 out.push(Diagnostic::new(LargeTeam::NAME, team.entity_ref(), "too large").at(team.location()));
///             }
///         }
///     }
/// }
/// assert_eq!(META.name, "large-team");
/// ```
#[macro_export]
macro_rules! declare_check {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $ty:ident;
        name: $name:literal,
        category: $category:ident,
        level: $level:ident,
        summary: $summary:literal,
        params: [$($param:expr),* $(,)?] $(,)?
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, Default)]
        $vis struct $ty;

        impl $ty {
            /// The check's name.
            pub const NAME: &'static str = $name;
        }

        /// What this check is: name, family, default level, documentation.
        pub static META: std::sync::LazyLock<$crate::check::CheckMeta> = std::sync::LazyLock::new(|| $crate::check::CheckMeta {
            name: $name,
            category: $crate::check::Category::$category,
            default_level: $crate::config::Level::$level,
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
            params: {
                static PARAMS: std::sync::LazyLock<Vec<$crate::check::Param>> = std::sync::LazyLock::new(|| vec![$($param),*]);
                PARAMS.as_slice()
            },
        });
    };
}
#[doc(inline)]
pub use crate::declare_check;

/// User text quoted in a message: on one line, control characters escaped,
/// cut at 80 characters.
pub(crate) fn quote_text(text: &str) -> String {
    const SHOWN: usize = 80;
    let text = text.trim();
    // Most quoted text is a short printable ASCII id or sentence: one byte
    // a character, nothing to escape or cut, so it is copied whole (a big
    // org quotes some hundred thousand key results).
    if text.len() <= SHOWN && text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len().min(96));
    let mut chars = text.chars();
    for c in chars.by_ref().take(SHOWN) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Ids quoted and joined for a message: "`a`", "`a` and `b`", "`a`, `b` and
/// `c`", cut after ten with "and N more".
pub(crate) fn list_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 10;
    let quoted: Vec<String> = ids
        .iter()
        .take(SHOWN)
        .map(|id| format!("`{}`", quote_text(id)))
        .collect();
    let mut text = match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) if ids.len() <= SHOWN => format!("{} and {last}", rest.join(", ")),
        Some(_) => quoted.join(", "),
    };
    if ids.len() > SHOWN {
        text.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    text
}

#[cfg(test)]
mod quote_tests {
    use super::quote_text;

    #[test]
    fn quoted_text_is_one_trimmed_line_of_at_most_eighty_characters() {
        assert_eq!(
            quote_text("  Raise NPS from 30 to 45  "),
            "Raise NPS from 30 to 45"
        );
        assert_eq!(quote_text("a\tb\nc\u{7f}"), "a\\tb\\nc\\u{7f}");
        assert_eq!(quote_text("x\u{85}y"), "x\\u{85}y");
        let eighty = "k".repeat(80);
        assert_eq!(quote_text(&eighty), eighty);
        assert_eq!(quote_text(&"k".repeat(81)), format!("{eighty}…"));
        // Characters, not bytes, are counted.
        let accented = "é".repeat(80);
        assert_eq!(quote_text(&accented), accented);
        assert_eq!(quote_text(&"é".repeat(81)), format!("{accented}…"));
    }
}
