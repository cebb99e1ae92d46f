//! Decision rights shared between business and IT on a futures exchange's
//! trading platform: missing and conflicting deciders, the nearest-scope
//! rule, authority without accountability, and the fix.
//!
//! What this example teaches:
//!
//! - how decision rights are written (`area`, `scope`, `decides`,
//!   `recommends`, `agrees`, `consulted`, …) in the RAPID/RACI manner, in a
//!   TOML org file (`examples/orgs/exchange.toml`);
//! - `missing-decider` (everyone has a say, nobody decides) and
//!   `conflicting-deciders` (two deciders, in one entry or across entries);
//! - the nearest-scope rule: for a product, the decision right written at
//!   the nearest scope governs (the product, its `part_of` chain, its owning
//!   team, that team's units, then `organization`), shown for every product
//!   and area with [`OrgGraph::governing_decisions`];
//! - `decision-outside-ownership`: a team that decides a product's features
//!   without being accountable for it;
//! - fixing a loaded model in code and checking it again.
//!
//! Run it with `cargo run --example decision_rights`.

use opmodel::graph::OrgGraph;
use opmodel::load::{LoadOptions, Loaded, load_paths};
use opmodel::model::{DecisionArea, DecisionRight, Model, Ref};
use opmodel::report::human::{Options, render};
use opmodel::{Linter, Report};

/// The three decisions business and IT share on the platform.
const SHARED: [DecisionArea; 3] = [
    DecisionArea::FeatureSet,
    DecisionArea::BudgetAllocation,
    DecisionArea::VendorSelection,
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Run from the crate's folder, so that diagnostics show short paths.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR"))?;
    let loaded = load_paths(&["examples/orgs/exchange.toml"], &LoadOptions::default())?;
    let linter = Linter::new();

    banner("1. The org: Nordhavn Futures Exchange");
    say(&[
        "The trading platform is a product line (`trading-platform`) owned by the",
        "Trading Technology unit (IT). Three products are `part_of` it, each owned by",
        "one team of the unit: order entry, the matching engine, market data.",
        "The business side is Product Development (designs the contracts), Finance",
        "and Procurement; Market Surveillance is the central compliance function.",
        "Business and IT share three decisions: feature set, budget allocation and",
        "vendor selection. The file: examples/orgs/exchange.toml",
        "",
    ]);
    print_decisions(&loaded.model);

    banner("2. What opmodel finds");
    let report = linter.check(&loaded);
    print_report(&report);
    say(&[
        "- missing-decider: vendors for the platform have a recommender, a veto and",
        "  a consulted team, but no decider. Decisions like this drift until someone",
        "  escalates, or get made by whoever signs the purchase order.",
        "- conflicting-deciders: two deciders for the same area and scope, either in",
        "  one entry (`decides = [a, b]`) or in two entries. \"Shared\" decisions need",
        "  one decider and the others in `recommends`, `agrees` or `consulted`.",
        "- decision-outside-ownership: Product Development decides what order entry",
        "  (and, through the conflicting entry, the whole line) gets, but the Order",
        "  Entry team is accountable for it: authority without accountability.",
        "",
    ]);

    banner("3. The nearest-scope rule");
    say(&[
        "A decision right covers its scope and everything under it, and the nearest",
        "scope wins: the product, its `part_of` chain, its owning team, that team's",
        "units, and at last `organization`. For each product and area, the right",
        "that governs it:",
        "",
    ]);
    print_governing(&loaded.model)?;
    say(&[
        "",
        "Order entry's own feature-set right overrides the line's; budget comes from",
        "the owning teams' unit (trading-technology), not from the organisation-wide",
        "default, because the unit is nearer; vendor selection for every product is",
        "the line's right, the one with no decider.",
    ]);

    banner("4. The fix");
    say(&[
        "- feature-set@trading-platform: Trading Technology decides; Product",
        "  Development recommends (it brings the contract designs and member demand);",
        "- feature-set@order-entry: the Order Entry team decides; Product",
        "  Development is consulted;",
        "- budget-allocation@trading-technology: one entry; the unit decides how to",
        "  split its budget between its teams, Finance must agree;",
        "- vendor-selection@trading-platform: Trading Technology decides, Procurement",
        "  recommends, Market Surveillance keeps its veto.",
        "",
    ]);
    let fixed = Loaded {
        model: fix(loaded.model.clone())?,
        diagnostics: loaded.diagnostics.clone(),
        ..loaded.clone()
    };
    print_decisions(&fixed.model);
    println!();
    print_governing(&fixed.model)?;

    banner("5. The check again");
    let report = linter.check(&fixed);
    print_report(&report);
    if report.diagnostics.is_empty() {
        println!("Every shared decision now has exactly one decider, next to accountability.");
    }
    Ok(())
}

/// Applies the fix to the decisions of the loaded model.
fn fix(mut model: Model) -> Result<Model, String> {
    let line = find(&mut model, "feature-set@trading-platform")?;
    line.decides = [Ref::new("trading-technology")].into();
    line.recommends.push(Ref::new("product-development"));

    let order_entry = find(&mut model, "feature-set@order-entry")?;
    order_entry.decides = [Ref::new("order-entry-team")].into();
    order_entry.consulted.push(Ref::new("product-development"));

    // Two budget entries for the unit: keep the first, fold the second in.
    let second = model
        .decisions
        .iter()
        .rposition(|d| d.id() == "budget-allocation@trading-technology")
        .ok_or("no second budget entry for trading-technology")?;
    let removed: DecisionRight = model.decisions.remove(second);
    let budget = find(&mut model, "budget-allocation@trading-technology")?;
    budget.agrees.extend(removed.decides);

    let vendors = find(&mut model, "vendor-selection@trading-platform")?;
    vendors.decides = [Ref::new("trading-technology")].into();
    vendors.recommends = [Ref::new("procurement")].into();
    vendors.consulted.clear();
    Ok(model)
}

fn find<'m>(model: &'m mut Model, id: &str) -> Result<&'m mut DecisionRight, String> {
    model
        .decisions
        .iter_mut()
        .find(|d| d.id() == id)
        .ok_or_else(|| format!("no decision right `{id}`"))
}

fn print_decisions(model: &Model) {
    println!(
        "{:<40} {:<38} others",
        "decision right (area@scope)", "decides"
    );
    for d in &model.decisions {
        let ids = |refs: &[Ref]| {
            refs.iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut others = Vec::new();
        for (role, refs) in [
            ("recommends", &d.recommends),
            ("agrees", &d.agrees),
            ("consulted", &d.consulted),
        ] {
            if !refs.is_empty() {
                others.push(format!("{role}: {}", ids(refs)));
            }
        }
        let decides = if d.decides.is_empty() {
            "(nobody)".to_owned()
        } else {
            ids(&d.decides)
        };
        println!(
            "{}",
            format!("{:<40} {:<38} {}", d.id(), decides, others.join("; ")).trim_end()
        );
    }
}

fn print_governing(model: &Model) -> Result<(), Box<dyn std::error::Error>> {
    let graph = OrgGraph::build(model);
    println!(
        "{:<18} {:<18} {:<20} decided by",
        "product", "area", "governing scope"
    );
    for p in graph.product_ixs() {
        for area in &SHARED {
            let (scope, deciders) = match graph.governing_decisions(area, p) {
                Some(g) => {
                    let mut teams: Vec<&str> = Vec::new();
                    for &d in &g.decisions {
                        teams.extend(
                            graph
                                .deciders(d)
                                .into_iter()
                                .map(|t| graph.team(t).id.as_str()),
                        );
                    }
                    let deciders = match teams.len() {
                        0 => "nobody (missing-decider)".to_owned(),
                        1 => teams.join(""),
                        _ => format!("{} (conflict)", teams.join(" and ")),
                    };
                    (graph.id(g.scope).into_owned(), deciders)
                }
                None => (
                    "none".to_owned(),
                    "no right covers it (missing-decision-right)".to_owned(),
                ),
            };
            println!(
                "{:<18} {:<18} {:<20} {}",
                graph.product(p).id,
                area.to_string(),
                scope,
                deciders
            );
        }
    }
    Ok(())
}

fn print_report(report: &Report) {
    println!("{}\n", render(report, Options::default()).trim_end());
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
