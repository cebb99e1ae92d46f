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
//! They come from YAML, TOML or JSON files ([`load`]), Backstage catalogs,
//! or code ([`Model::builder`](model::Model::builder)). An [`Org`] holds a
//! model with its graph ([`OrgGraph`]), built once: a petgraph graph of
//! ownership, alignment and decision rights, with handles that answer the
//! everyday questions (`org.team("playback")?.outcomes()`,
//! `org.product("web-player")?.deciders("budget-allocation")`) and views for
//! petgraph's algorithms. The [`Linter`] runs [`check`]s over it, each with a
//! stable name and a level you can tune ([`config`]), and returns a
//! [`Report`] you can print as rustc-style text, JSON, SARIF or GitHub
//! annotations ([`report`]). [`write`](mod@write) writes a model back to a file, and
//! [`diff`] compares two versions of an org.
//!
//! # Example
//!
//! ```
//! use opmodel::Org;
//! use opmodel::load::Format;
//!
//! let org = Org::from_text(r#"
//! teams:
//!   - id: storefront
//!     owns: [web-shop]
//!   - id: fulfilment
//!     owns: [web-shop]
//! products:
//!   - id: web-shop
//! "#, Format::Yaml, "org.yaml");
//!
//! // Questions, one call each.
//! let owners: Vec<&str> = org.product("web-shop").unwrap().owners().iter().map(|t| t.id()).collect();
//! assert_eq!(owners, ["storefront", "fulfilment"]);
//!
//! // The checks: two accountable teams is `unclear-ownership`, at line 8.
//! let report = org.check();
//! let unclear = report.diagnostics.iter().find(|d| d.check == "unclear-ownership").unwrap();
//! assert_eq!(unclear.entity.id, "web-shop");
//! assert_eq!(unclear.location.unwrap().line, 8);
//! println!("{report}");
//! ```
//!
//! Files and folders load with [`Org::load`] (which also reads the folder's
//! `opmodel.toml`, as `opmodel check` does); [`load::load_paths`] and
//! [`Linter::check`] are the same steps taken one at a time.
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
pub use lint::{DEFAULT_MAX_FINDINGS, Findings, Linter, Ordered};
pub use model::Model;
pub use org::Org;
/// The graph library opmodel's graph is made with, re-exported so that its
/// algorithms and visitors are at hand in the version opmodel uses.
pub use petgraph;
pub use report::Report;
