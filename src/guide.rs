//! The guide: product operating models, org files, checks, and the library.
//!
//! This module holds no code; it is a tutorial to read from top to bottom.
//! Runnable walk-throughs live in the crate's `examples/` folder
//! (`cargo run --example squads_and_tribes`, `project_to_product`,
//! `decision_rights`, `okr_review`, `custom_check`, `embed`).
//!
//! # 1. Three ideas that share a word
//!
//! - **Product-led growth** is a go-to-market strategy: the product itself
//!   acquires, converts and keeps customers (free tiers, trials, self-serve
//!   sign-up). It says how a company sells.
//! - A **product-led organisation** puts product thinking at the centre of
//!   how the whole company decides: sales, marketing, support and finance
//!   steer by what the products do for customers. It says who the company
//!   listens to.
//! - A **product operating model** is how the work is organised: long-lived
//!   products, each owned by an empowered cross-functional team, funded as
//!   products rather than projects, steered by outcomes, with clear rights
//!   over the decisions that matter. It says how the company is built.
//!
//! opmodel is about the third: it writes the operating model down as data
//! and checks the structural promises it makes. A product-led organisation
//! shows up in it too (`function-not-product-led`); product-led growth does
//! not, as it is a strategy, not a structure.
//!
//! # 2. The tenets the checks stand on
//!
//! - **Autonomous, long-lived teams.** Every product has exactly one
//!   accountable team that stays with it after launch (`orphaned-product`,
//!   `unclear-ownership`, `project-funded-product`), carries a load it can
//!   handle (`overloaded-team`) and is not a pool waiting for work
//!   (`idle-team`).
//! - **Outcomes over milestones.** Products and goals connect to measured
//!   changes for customers or the business (`unaligned-product`,
//!   `unsupported-outcome`, `unmeasurable-outcome`); key results describe
//!   changes, not deliveries (`milestone-key-result`,
//!   `unmeasurable-key-result`, `project-style-objective`).
//! - **Decision rights shared between business and IT.** The big decisions
//!   (feature set, budget allocation, vendor selection) have exactly one
//!   decider each, with the others recommending, agreeing or being consulted
//!   (`missing-decider`, `conflicting-deciders`, `missing-decision-right`),
//!   and product decisions sit with the accountable team
//!   (`decision-outside-ownership`).
//! - **Central governance where it belongs.** Security, compliance and
//!   architecture standards stay with `governance` teams
//!   (`ungoverned-standard`), because autonomy over *what* to build is not
//!   autonomy over the rules everyone builds by.
//!
//! # 3. Writing org files
//!
//! A model is written in YAML, TOML or JSON (chosen by extension). Every
//! section is optional in every file: `teams`, `products`, `outcomes`,
//! `objectives` (with `key_results`) and `decisions`, and the rest of the
//! operating-model document: `people`, `lifecycle` and `cadences` (see
//! below).
//!
//! Every field, with the spelling written in the files, its type, default
//! and accepted values, is in the field reference, `docs/reference.md`
//! (`opmodel schema --reference` prints it; [`crate::schema::reference`]
//! makes it). `opmodel schema` prints the JSON Schema of the format
//! ([`crate::schema::json_schema`], committed as `docs/opmodel.schema.json`)
//! for editors: a first line
//! `# yaml-language-server: $schema=path/to/opmodel.schema.json` in a YAML
//! org file has the editor complete fields and flag mistakes as you type.
//!
//! ```yaml
//! version: 1
//! organization: { name: Acme Music }
//! teams:
//!   - id: music
//!     kind: unit                   # a tribe, department, business unit
//!   - id: playback
//!     parent: music
//!     owns: [web-player]           # accountable for it
//!     members:
//!       - { name: Ana, role: product-manager }
//! products:
//!   - id: web-player
//!     kind: customer-facing
//!     funding: product
//!     outcomes: [listening-time]
//! outcomes:
//!   - id: listening-time
//!     statement: Listeners spend more time with music they love
//!     metric: weekly listening hours per listener
//! objectives:
//!   - id: onboarding-2026q3
//!     title: New listeners find music they love in their first week
//!     owner: playback
//!     supports: [listening-time]
//!     key_results:
//!       - Raise week-1 retention from 31% to 38%
//! decisions:
//!   - { area: feature-set, scope: music, decides: music }
//! ```
//!
//! The same team in TOML and in JSON:
//!
//! ```toml
//! [[teams]]
//! id = "playback"
//! parent = "music"
//! owns = ["web-player"]
//! ```
//!
//! ```json
//! { "teams": [ { "id": "playback", "parent": "music", "owns": ["web-player"] } ] }
//! ```
//!
//! JSON has no comments: document entities with `description`, which every
//! entity (and `organization`) accepts.
//!
//! **Ids and references.** Ids are 1 to 128 characters of `a-z 0-9 - _ .`,
//! unique across the whole model (all kinds share one namespace). Fields
//! that name other entities hold ids; a list field also takes a single
//! string. `organization` is the reserved id of the organisation itself. A
//! name that matches nothing, or matches an entity of the wrong kind, is an
//! `unknown-reference` with a "did you mean".
//!
//! **Folders merge.** Given a folder, opmodel reads every `.yaml`, `.yml`,
//! `.toml` and `.json` file below it (sorted by path) and concatenates their
//! sections into one model, so each team can keep its own file. A file named
//! `opmodel.toml` is configuration, not model data. See
//! `examples/orgs/streaming/` for an org spread over eight files.
//!
//! **Already on Backstage?** Backstage catalog files (`catalog-info.yaml`)
//! are read as they are, among the inputs and merged with opmodel's own
//! files: Groups are teams, Domains, Systems, Components, APIs and Resources
//! are products, Users are members, and `Location` targets are followed
//! (URLs are never fetched). `opmodel import backstage PATH... -o DIR`
//! writes the same teams and products as opmodel YAML; see
//! `examples/orgs/backstage/` and [`crate::load::Format::Backstage`].
//!
//! **Ownership can be written from either side.** A product's `owner` and a
//! team's `owns` both make the team accountable; opmodel takes the union, so
//! writing both for the same team is fine, and two different teams is
//! `unclear-ownership`.
//!
//! **The rest of the operating-model document.** How teams work together,
//! who is allocated where, which role leads each stage of a product's
//! life, and the rhythms that steer it all:
//!
//! ```yaml
//! teams:
//!   - id: playback
//!     interactions:                  # Team Topologies' interaction modes
//!       - { with: platform-core, mode: x-as-a-service }   # playback consumes it
//!       - { with: growth-lab, mode: collaboration, until: 2026-Q4 }
//!     members:
//!       - { name: Ana, role: product-manager, person: ana }
//! people:
//!   - id: ana
//!     allocations:                   # shares of her time, in (0, 1]
//!       - { team: playback, share: 0.6, role: product-manager }
//!       - { team: growth-lab, share: 0.4 }
//! lifecycle:                         # the stages, in order
//!   - { id: discovery, lead: product-manager }
//!   - { id: growth, lead: product-manager }
//! products:
//!   - { id: web-player, stage: growth }
//! cadences:
//!   - id: quarterly-business-review
//!     kind: review                   # planning | review
//!     every: quarter                 # week, 2 weeks, month, quarter, half-year, year, N weeks, N months
//!     covers: [objectives, budget-allocation]   # objectives, outcomes or decision areas
//!     owner: music
//!     attendees: [playback]
//! ```
//!
//! A team's **staffing** is the sum of the shares allocated to it, plus one
//! for each member that names no `person:` (or a person not allocated to
//! it); people allocated to a team count as its members for the role
//! checks. An `x-as-a-service` interaction is written on the consumer;
//! `collaboration` counts once per pair.
//!
//! **`allow:`** switches named checks off for one entity, like `#[allow]`
//! in Rust: `allow: [overloaded-team]` on a team that knowingly carries
//! four products. On an objective it covers its key results too:
//! `allow: [milestone-key-result]` there silences that check on each of
//! them. Levels and parameters for the whole model go in
//! `opmodel.toml` ([`crate::config`]).
//!
//! # 4. The checks, family by family
//!
//! `opmodel checks` lists them and `opmodel explain NAME` prints each one's
//! documentation. Levels are the defaults.
//!
//! **Integrity**: the model itself is broken.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `invalid-file` | deny | a file that cannot be read or parsed, or has an unknown section or version |
//! | `unfollowed-location` | warn | a Backstage Location target that is not read: a URL (a note) or a loop |
//! | `invalid-entity` | deny | a malformed entity: missing or unknown field, wrong type, bad id, empty key-result text |
//! | `unknown-reference` | deny | a field names an id that no entity of the expected kind has |
//! | `duplicate-id` | deny | two entities share an id |
//! | `hierarchy-cycle` | deny | a loop in `parent`, `part_of` or `supports` chains |
//! | `unknown-allow` | warn | an `allow:` list names a check that does not exist |
//!
//! **Ownership**: who is accountable for what.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `orphaned-product` | deny | a product with no accountable team |
//! | `unclear-ownership` | deny | a product with more than one accountable team |
//! | `overloaded-team` | warn | a team accountable for more than `max_products` products (3) |
//! | `idle-team` | warn | a product-building team that owns, contributes to and decides nothing |
//! | `incomplete-product-trio` | allow | a team owning a customer-facing product without a product manager, engineering lead and designer |
//!
//! **Alignment**: products and goals connect to outcomes.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `unaligned-product` | warn | a product with no path to any outcome |
//! | `objective-without-key-results` | deny | an objective with no key results |
//! | `unsupported-outcome` | warn | an outcome no product serves and no objective supports |
//! | `unmeasurable-outcome` | warn | an outcome with no metric |
//! | `function-not-product-led` | warn | a business team whose objectives lead to no outcome a product serves |
//!
//! **Goal style**: outcomes, not milestones.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `milestone-key-result` | warn | a key result phrased as a milestone or output |
//! | `unmeasurable-key-result` | warn | a key result with no number, threshold or target |
//! | `project-style-objective` | warn | an objective whose title is a project or deliverable |
//! | `project-funded-product` | warn | a product funded as a project |
//!
//! **Decision rights**: one decider, close to accountability.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `missing-decider` | deny | a decision right with no `decides` |
//! | `conflicting-deciders` | deny | more than one decider for one area and scope |
//! | `missing-decision-right` | warn | a product no right covers for feature set, budget allocation or vendor selection |
//! | `decision-outside-ownership` | warn | a team deciding a product's features or roadmap without owning it |
//! | `escalation-cycle` | deny | a loop in `escalates_to` chains |
//! | `ungoverned-standard` | warn | a security, compliance or architecture-standards decision no governance team decides or agrees to |
//!
//! **People**: allocations without overload or fragmentation, teams of a
//! working size.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `over-allocated-person` | deny | a person whose shares add up to more than 1.0 |
//! | `fragmented-person` | warn | a person allocated to more than `max_teams` teams (2) |
//! | `team-size` | warn | a product-building team whose staffing is below `min` (3) or above `max` (9) |
//!
//! **Lifecycle, cadence and interactions**: who leads each stage, the
//! rhythms that steer, how teams work together.
//!
//! | check | level | finds |
//! |---|---|---|
//! | `stage-without-lead` | warn | a product in a stage whose `lead` role its one accountable team lacks |
//! | `unreviewed-goals` | warn | objectives that no `review` cadence covers |
//! | `unplanned-decision-area` | allow | a decision area of `areas` (`budget-allocation`) that decision rights use and no `planning` cadence covers |
//! | `too-many-collaborations` | warn | a team in more than `max` (1) `collaboration` interactions |
//! | `unused-platform` | warn | a `platform` team no other team consumes |
//!
//! An `enabling` team with a `facilitating` interaction is not `idle-team`:
//! facilitating other teams is its job.
//!
//! A decision right covers its scope and everything under it, and the
//! **nearest scope wins**: the product, its `part_of` chain, its owning team,
//! that team's `parent` chain, then `organization`
//! ([`OrgGraph::governing_decisions`](crate::graph::OrgGraph::governing_decisions)).
//!
//! # 5. Writing a custom check
//!
//! A check is declared with [`declare_check!`](crate::declare_check), as
//! the built-in ones are: a unit struct whose doc comment is what
//! `opmodel explain` prints, a stable name, a family, a default level and
//! its parameters. It implements [`Check`](crate::check::Check): a `run`
//! that reads its parameters into a struct of its own
//! ([`Context::params`](crate::check::Context::params)), walks the graph's
//! handles and pushes diagnostics. Register it with
//! [`Linter::with_check`](crate::Linter::with_check) and it runs with the
//! built-in checks, under the same config, levels and `allow:` lists, and
//! its findings carry its name whatever it wrote. Configure it *after*
//! registering it, since [`Linter::with_config`](crate::Linter::with_config)
//! checks every name and parameter. The parameters' struct derives
//! `serde::Deserialize`, so your crate needs `serde` with its `derive`
//! feature (`serde = { version = "1", features = ["derive"] }`);
//! [`Context::params`](crate::check::Context::params) fails with a
//! `serde_json::Error`.
//!
//! ```
//! use opmodel::check::{Check, CheckMeta, Context, Param, Sink};
//! use opmodel::load::Format;
//! use opmodel::{Config, Diagnostic, Level, Linter, Org};
//!
//! opmodel::declare_check! {
//!     /// ### What it finds
//!     /// Outcomes that no team owns and fewer than `min_products` products serve.
//!     /// ### Why it matters
//!     /// Nobody answers for it.
//!     /// ### Fix
//!     /// Add `owner:`.
//!     pub struct UnownedOutcome;
//!     name: "unowned-outcome",
//!     category: Custom,
//!     level: Warn,
//!     summary: "an outcome no team owns",
//!     params: [Param::int("min_products", 1, "products that make an outcome owned enough")],
//! }
//!
//! #[derive(serde::Deserialize)]
//! struct Params { min_products: usize }
//!
//! impl Check for UnownedOutcome {
//!     fn meta(&self) -> &CheckMeta { &META }
//!     fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
//!         // Fails only if `Params` does not match the declared parameters:
//!         // a test running the check with its defaults catches that.
//!         let Ok(params) = cx.params::<Params>() else { return };
//!         for o in cx.graph().outcomes() {
//!             if o.data().owner.is_none() && o.products().len() < params.min_products {
//!                 out.push(
//!                     Diagnostic::new(UnownedOutcome::NAME, o.entity_ref(), format!("outcome `{}` has no owner", o.id()))
//!                         .with_help("name the team that answers for it with `owner:`")
//!                         .at(o.location()),
//!                 );
//!             }
//!         }
//!     }
//! }
//!
//! let org = Org::from_text(
//!     "outcomes:\n  - id: churn\n    statement: Fewer customers leave\n    metric: monthly churn\n",
//!     Format::Yaml,
//!     "org.yaml",
//! );
//! let mut config = Config::new();
//! config.set_level("unowned-outcome", Level::Deny);
//! let linter = Linter::new().with_check(UnownedOutcome)?.with_config(config)?;
//! let report = linter.check_org(&org);
//! let found = report.diagnostics.iter().find(|d| d.check == "unowned-outcome").unwrap();
//! assert_eq!(found.entity.id, "churn");
//! assert!(report.has_errors());
//! # Ok::<(), opmodel::ConfigError>(())
//! ```
//!
//! # 6. Embedding
//!
//! An [`Org`](crate::Org) is a model with its graph, built once and owned:
//! load it from files ([`Org::load`](crate::Org::load), which also reads the
//! folder's `opmodel.toml` as `opmodel check` does) or text
//! ([`Org::from_text`](crate::Org::from_text)), or build the model in code
//! ([`Model::builder`](crate::Model::builder), then
//! [`Org::from_model`](crate::Org::from_model); a model made in code meets
//! the loader's rules on each entity through
//! [`Model::validate`](crate::Model::validate), and the graph's rules
//! between entities, duplicate ids and unknown references, when it is
//! checked, as a loaded one does).
//!
//! - Ask it questions with handles: [`Org::team`](crate::Org::team) gives a
//!   [`TeamRef`](crate::graph::TeamRef) with its parent, children, products,
//!   the outcomes it serves and what it decides;
//!   [`ProductRef`](crate::graph::ProductRef) has owners, contributors,
//!   outcomes and the decision right that governs an area
//!   ([`ProductRef::governing`](crate::graph::ProductRef::governing)).
//!   [`Org::decision`](crate::Org::decision) takes the id findings print
//!   (`budget-allocation@organization`).
//! - Hand a view to petgraph: [`OrgGraph::hierarchy_view`](crate::graph::OrgGraph::hierarchy_view),
//!   [`ownership_view`](crate::graph::OrgGraph::ownership_view) and
//!   [`alignment_view`](crate::graph::OrgGraph::alignment_view) are acyclic
//!   unless the org has a `hierarchy-cycle`, so `toposort` works on them;
//!   the whole graph ([`OrgGraph::graph`](crate::graph::OrgGraph::graph)) is
//!   cyclic by construction.
//! - Check it with [`Org::check`](crate::Org::check) or
//!   [`Linter::check_org`](crate::Linter::check_org) (the graph is not built
//!   again); a [`Report`](crate::Report) is `Serialize` (the spec's JSON) and
//!   `Display` (the text `opmodel check` prints).
//! - Write the model back with [`write`](crate::write): YAML, TOML or JSON
//!   that loads back to the same model.
//! - Review a change to the org with [`diff::diff`](crate::diff::diff): what
//!   changed, entity by entity, and which findings the change introduces
//!   and resolves (the library side of `opmodel diff`).
//!
//! ```
//! use opmodel::load::Format;
//! use opmodel::petgraph::algo::toposort;
//! use opmodel::Org;
//!
//! let org = Org::from_text("
//! teams:
//!   - id: playback
//!     owns: [web-player]
//! products:
//!   - id: web-player
//!     outcomes: [listening-time]
//! outcomes:
//!   - id: listening-time
//!     statement: Listeners spend more time with music
//!     metric: weekly listening hours
//! ", Format::Yaml, "org.yaml");
//! let report = org.check();
//! assert!(!report.has_errors());
//! // The only warning: nobody decides feature set, budget or vendors.
//! assert!(report.diagnostics.iter().all(|d| d.check == "missing-decision-right"));
//!
//! let playback = org.team("playback").unwrap();
//! let outcomes: Vec<&str> = playback.outcomes().iter().map(|o| o.id()).collect();
//! assert_eq!(outcomes, ["listening-time"]);
//! assert!(toposort(&org.graph().alignment_view(), None).is_ok());
//!
//! let yaml = opmodel::write::to_string(org.model(), Format::Yaml).unwrap();
//! let again = Org::from_text(&yaml, Format::Yaml, "again.yaml");
//! assert!(opmodel::write::same_content(org.model(), again.model()));
//! assert!(serde_json::to_value(&report).unwrap()["summary"].is_object());
//! ```
