//! Writing an org-design check of your own, registering it next to the
//! built-in ones, and tuning it with a config and an `allow:`.
//!
//! What this example teaches:
//!
//! - how a check is made, exactly as the built-in ones are: declared with
//!   [`opmodel::declare_check!`] (a unit struct whose doc comment, with the
//!   headings *What it finds*, *Why it matters*, *Example* and *Fix*, is what
//!   `opmodel explain` prints; a stable kebab-case name, family, default
//!   level, summary and parameters), its parameters read into a struct of
//!   its own with [`Context::params`], and a `run` function that walks the
//!   graph's handles and pushes [`Diagnostic`]s;
//! - the rule written here, `customer-facing-without-designer`: the team
//!   accountable for a customer-facing product has at least `min_designers`
//!   designers;
//! - registering it with [`Linter::with_check`], so that it runs with the
//!   built-in checks, under the same levels, `allow:` lists and output;
//! - tuning it with a [`Config`] ([`Config::set_level`],
//!   [`Config::set_param`]) and switching it off for one team with `allow:`
//!   in the org file (`examples/orgs/travel.yaml`).
//!
//! Run it with `cargo run --example custom_check`.

use opmodel::check::{Check, CheckMeta, Context, Param, Sink};
use opmodel::load::{LoadOptions, Loaded, load_paths};
use opmodel::model::{ProductKind, Role};
use opmodel::report::human::{Options, render};
use opmodel::{Config, Diagnostic, Level, Linter};

/// The check's name, as used in output, config and `allow:`.
pub const NAME: &str = CustomerFacingWithoutDesigner::NAME;

// `declare_check!` is how the built-in checks are declared too: the doc
// comment is both the rustdoc of the struct and what `opmodel explain`
// prints, and `META` holds the name, family, level and parameters.
opmodel::declare_check! {
    /// ### What it finds
    /// A team that owns a `customer-facing` product but has fewer than
    /// `min_designers` members with the role `designer` (default 1). Teams
    /// that list no members at all are not judged.
    ///
    /// ### Why it matters
    /// In a product operating model the team that owns a product decides
    /// what it becomes, and a customer-facing product is judged by how it
    /// is experienced. Without a designer on the team, design is done by
    /// someone outside it, on request, after the decisions are made: the
    /// product trio (product manager, engineering lead, designer) is
    /// missing its third voice.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: trips
    ///     owns: [trip-planner]
    ///     members:
    ///       - { name: Noor, role: product-manager }
    ///       - { name: Pete, role: engineering-lead }
    /// products:
    ///   - id: trip-planner
    ///     kind: customer-facing
    /// ```
    ///
    /// ### Fix
    /// Add a designer to the team (`- { name: Ama, role: designer }`).
    /// When the product's design really is done by its engineers (an API
    /// whose users are developers), say so with
    /// `allow: [customer-facing-without-designer]` on the team.
    pub struct CustomerFacingWithoutDesigner;
    name: "customer-facing-without-designer",
    category: Custom,
    level: Warn,
    summary: "the team accountable for a customer-facing product has no designer",
    params: [Param::int("min_designers", 1, "how many designers the owning team needs")],
}

/// The check's parameters, read from the config (or their defaults) by
/// [`Context::params`]: a typo in `opmodel.toml` is an error there.
#[derive(serde::Deserialize)]
struct Params {
    min_designers: usize,
}

impl Check for CustomerFacingWithoutDesigner {
    fn meta(&self) -> &CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let Ok(Params { min_designers: min }) = cx.params() else {
            return;
        };
        for team in cx.graph().teams() {
            let members = &team.data().members;
            if members.is_empty() {
                continue;
            }
            let designers = members
                .iter()
                .filter(|m| m.role == Some(Role::Designer))
                .count();
            if designers >= min {
                continue;
            }
            let facing = team
                .products()
                .into_iter()
                .filter(|p| p.data().kind == Some(ProductKind::CustomerFacing));
            for product in facing {
                out.push(
                    Diagnostic::new(
                        NAME,
                        team.entity_ref(),
                        format!(
                            "team `{}` owns customer-facing product `{}` but has {designers} designer(s), fewer than {min}",
                            team.id(),
                            product.id()
                        ),
                    )
                    .at(team.location())
                    .with_label(product.location(), format!("`{}` is customer-facing", product.id()))
                    .with_related(opmodel::model::EntityKind::Product, product.id())
                    .with_help("add a member with `role: designer`, or `allow:` this check on the team if its users need no design"),
                );
            }
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Run from the crate's folder, so that diagnostics show short paths.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR"))?;
    let loaded = load_paths(&["examples/orgs/travel.yaml"], &LoadOptions::default())?;

    banner("1. The org and the rule");
    say(&[
        "Wayfarer Travel has three customer-facing products, each owned by one team.",
        "The built-in checks are all clean on it. The rule we add: the team",
        "accountable for a customer-facing product has a designer. The built-in",
        "`incomplete-product-trio` (off by default) asks for the whole trio; this",
        "check asks only for design, and takes a parameter, `min_designers`.",
        "",
    ]);
    for team in loaded.model.teams.iter().filter(|t| !t.members.is_empty()) {
        let roles: Vec<String> = team
            .members
            .iter()
            .filter_map(|m| m.role.as_ref().map(|r| r.to_string()))
            .collect();
        let allow = if team.allow.is_empty() {
            String::new()
        } else {
            format!("  allow: {}", team.allow.join(", "))
        };
        println!("  {:<12} {}{allow}", team.id, roles.join(", "));
    }
    println!("\nThe documentation of the check, as `opmodel explain` would print it:\n");
    for line in META.explain().lines().take(6) {
        println!("  | {line}");
    }
    println!("  | …");

    banner("2. Registered next to the built-in checks");
    let linter = Linter::new().with_check(CustomerFacingWithoutDesigner)?;
    println!(
        "{} checks registered; ours is the last:",
        linter.metas().len()
    );
    if let Some(meta) = linter.metas().last() {
        println!(
            "  {} [{}] {}: {}\n",
            meta.name,
            meta.category,
            linter.level(meta),
            meta.summary
        );
    }
    print_run(&linter, &loaded);
    say(&[
        "Only `trips` is reported: `partner-api` has no designer either, but its",
        "`allow: [customer-facing-without-designer]` switches the check off for it,",
        "exactly as for a built-in check.",
    ]);

    banner("3. Tuned with a config: deny, and two designers");
    say(&[
        "Design-heavy organisations may want the finding to be an error and more than",
        "one designer per customer-facing team. In `opmodel.toml` that would be:",
        "",
        "  [checks]",
        "  customer-facing-without-designer = { level = \"deny\", min_designers = 2 }",
        "",
        "In code, the same `Config`:",
        "",
    ]);
    let mut config = Config::new();
    config
        .set_level(NAME, Level::Deny)
        .set_param(NAME, "min_designers", 2_i64);
    let tuned = Linter::new()
        .with_check(CustomerFacingWithoutDesigner)?
        .with_config(config)?;
    print_run(&tuned, &loaded);
    say(&[
        "Now `booking`, with one designer, is reported too, as an error. A config must",
        "be given after the check is registered: `with_config` checks every name and",
        "parameter against the registered checks, so a typo is an error, not a no-op:",
        "",
    ]);
    let mut typo = Config::new();
    typo.set_param(NAME, "min_designer", 2_i64);
    if let Err(e) = Linter::new()
        .with_check(CustomerFacingWithoutDesigner)?
        .with_config(typo)
    {
        println!("  {e}\n");
    }

    banner("4. The fix and the check again");
    say(&[
        "Trip Planning hires a designer, Jun.",
        "With the default settings:",
        "",
    ]);
    let mut fixed = loaded.clone();
    let trips = fixed
        .model
        .teams
        .iter_mut()
        .find(|t| t.id == "trips")
        .ok_or("no team `trips` in travel.yaml")?;
    trips.members.push(opmodel::model::Member {
        name: "Jun".into(),
        role: Some(Role::Designer),
        person: None,
    });
    print_run(&linter, &fixed);
    Ok(())
}

fn print_run(linter: &Linter, loaded: &Loaded) {
    let report = linter.check(loaded);
    println!("{}\n", render(&report, Options::default()).trim_end());
}

fn say(lines: &[&str]) {
    for line in lines {
        println!("{line}");
    }
}

fn banner(title: &str) {
    println!(
        "\n=== {title} {}\n",
        "=".repeat(70usize.saturating_sub(title.len()))
    );
}
