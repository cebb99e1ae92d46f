//! opmodel writes an organisation's *product operating model* down as data,
//! builds it into a graph, and checks it the way a linter checks code.
//!
//! Companies that move from projects to products reorganise around
//! long-lived products owned by empowered, cross-functional teams, steered
//! by customer and business outcomes rather than by milestones. Such moves
//! fail in predictable ways: products with no accountable team or several,
//! products that serve no outcome, key results that are milestones in
//! disguise, decisions that nobody (or everybody) owns. opmodel makes those
//! visible, with diagnostics that point at the line of the org file.
//!
//! New here? Start with the [`guide`].
//!
//! # The model
//!
//! An org is described by five kinds of entity ([`model`]):
//!
//! - [`Team`](model::Team)s, grouped into units by `parent`;
//! - [`Product`](model::Product)s, each owned by one accountable team;
//! - [`Outcome`](model::Outcome)s: changes for customers or the business
//!   that products serve;
//! - [`Objective`](model::Objective)s with [`KeyResult`](model::KeyResult)s
//!   (OKRs) that support outcomes;
//! - [`DecisionRight`](model::DecisionRight)s: who decides an area
//!   (feature set, budget, vendors, …) for a product, a team or the whole
//!   organisation.
//!
//! They come from YAML, TOML or JSON files ([`load`]) or from code
//! ([`Model::builder`](model::Model::builder)). [`OrgGraph`] turns a model
//! into a petgraph graph of ownership, alignment and decision rights and
//! answers the everyday questions (who owns this product, which decision
//! right governs its budget). The [`Linter`] runs [`check`]s over it, each
//! with a stable name and a level you can tune ([`config`]), and returns a
//! [`Report`] you can print as rustc-style text or as JSON ([`report`]).
//!
//! # Example
//!
//! ```
//! use opmodel::load::{load_str, Format};
//! use opmodel::Linter;
//!
//! let org = r#"
//! teams:
//!   - id: storefront
//!     owns: [web-shop]
//!   - id: fulfilment
//!     owns: [web-shop]
//! products:
//!   - id: web-shop
//! "#;
//! let loaded = load_str(org, Format::Yaml, "org.yaml");
//! let report = Linter::new().check(&loaded);
//! let unclear = report.diagnostics.iter().find(|d| d.check == "unclear-ownership").unwrap();
//! assert_eq!(unclear.entity.id, "web-shop");
//! assert_eq!(unclear.location.unwrap().line, 8);
//! println!("{}", opmodel::report::human::render(&report, Default::default()));
//! ```
//!
//! # Features
//!
//! - `cli` (default): the `opmodel` binary and its argument parser. Turn
//!   default features off to embed the library without it.
//! - `yaml` (default): YAML files, through serde-saphyr.
//! - `toml` (default): TOML files and `opmodel.toml` config, through toml.
//!
//! JSON is always available.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod baseline;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod error;
pub mod export;
pub mod goal_style;
pub mod graph;
pub mod guide;
pub mod load;
pub mod model;
pub mod report;
pub mod schema;
pub mod scorecard;
pub mod source;
#[cfg(feature = "synth")]
pub mod synth;
pub mod write;

mod closest;
mod lint;
mod org;
mod parallel;
mod swar;

pub use config::{Config, Level};
pub use diagnostic::{Diagnostic, MAX_LISTED, Severity};
pub use error::{ConfigError, LoadError};
pub use graph::OrgGraph;
pub use lint::{DEFAULT_MAX_FINDINGS, Linter};
pub use model::Model;
pub use org::Org;
/// The graph library opmodel's graph is made with, re-exported so that its
/// algorithms and visitors are at hand in the version opmodel uses.
pub use petgraph;
pub use report::Report;
