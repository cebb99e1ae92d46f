//! From projects to products: an IT department before and after the move,
//! read from two org files and compared family by family.
//!
//! What this example teaches:
//!
//! - what a *project* organisation looks like when written down as an
//!   operating model (`examples/orgs/it-department.json`): temporary work
//!   funded as projects (`funding: project`) that no team owns, objectives
//!   that are the project plan, key results that are go-live dates, and
//!   standards decided by whoever runs the projects;
//! - what the same department looks like as a *product* organisation
//!   (`examples/orgs/it-department-products.yaml`): long-lived products,
//!   one owning team each, OKRs that support measured outcomes, product
//!   decisions with the product teams, and central governance *kept* for
//!   security, compliance and architecture standards;
//! - the rest of the operating-model document in the after picture: the
//!   product lifecycle (`lifecycle`, each product's `stage`), people shared
//!   between teams (`people` with `allocations`), and a quarterly business
//!   review that replaces the monthly project steering committee
//!   (`cadences`): the steering committee looked at budgets and milestones,
//!   so `unreviewed-goals` finds that nobody reviews the objectives;
//! - how to summarise a [`Report`] per check family with
//!   [`CheckMeta::category`](opmodel::check::CheckMeta::category) from
//!   [`Linter::metas`];
//! - how to review the move as a diff ([`opmodel::diff`], the library side
//!   of `opmodel diff OLD NEW`): teams formed and retired, products and
//!   decision rights changing hands, goals rewritten, and the findings the
//!   move resolves; and how a later step that orphans a product shows up
//!   as a finding it *introduces*, which `--fail-on new-errors` blocks.
//!
//! Run it with `cargo run --example project_to_product`.

use std::collections::BTreeMap;
use std::path::Path;

use opmodel::check::Category;
use opmodel::diff::{Diff, FailOn};
use opmodel::load::{LoadOptions, Loaded, load_paths};
use opmodel::report::human::{Options, render};
use opmodel::{Linter, Report, Severity};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Run from the crate's folder, so that diagnostics show short paths.
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR"))?;
    let orgs = Path::new("examples/orgs");
    let linter = Linter::new();

    banner("1. Before: an IT department that runs projects");
    println!(
        "Meridian Insurance's IT department delivers a portfolio of projects. The PMO\n\
         approves and staffs them from a shared pool of developers; when a project goes\n\
         live its people move on. IT is measured on SLAs (incidents, uptime) and on\n\
         delivery KPIs (on time, on budget). The file: examples/orgs/it-department.json\n"
    );
    let before = load(&orgs.join("it-department.json"))?;
    print_shape(&before);
    let before_report = linter.check(&before);
    println!("What opmodel finds:\n");
    println!(
        "{}\n",
        render(&before_report, Options::default()).trim_end()
    );
    say(&[
        "Read the findings as symptoms of one design:",
        "- orphaned-product, project-funded-product: a project ends; nobody stays",
        "  accountable for what it built, and its money stops with it;",
        "- unaligned-product: projects are justified by a business case, not tied to",
        "  an outcome anyone measures afterwards;",
        "- milestone-key-result, unmeasurable-key-result: \"launch by June 30\" is met",
        "  the day it ships, whether or not a single claim is paid faster;",
        "- function-not-product-led: the claims KPIs live beside IT, not through it;",
        "- ungoverned-standard: standards set by the PMO and by operations, with no",
        "  governance function answering for them;",
        "- unreviewed-goals: the monthly project steering committee reviews budgets",
        "  and go-live dates; nobody reviews whether the objectives moved anything.",
    ]);

    banner("2. After: long-lived products with OKRs, governance kept central");
    say(&[
        "The developer pool became three product teams, each with a product manager,",
        "an engineering lead and a designer, each owning one product for good:",
        "- the Claims Portal (customer-facing, was the portal upgrade project);",
        "- Policy Administration (internal, was the replacement project);",
        "- the Customer Platform (a platform product, was the CRM migration).",
        "Objectives now support two measured outcomes (fast claims, self-service",
        "policies); the claims department's KPI supports the same outcome. Product",
        "teams decide their feature set. Security, compliance and architecture",
        "standards are NOT handed to the teams: a Security Office, a Compliance Office",
        "and an Architecture Board (`kind: governance`) decide them for everyone.",
        "Each product is in a stage of its life (`stage: growth`), and the lifecycle",
        "says which role leads each stage. The steering committee is replaced by a",
        "quarterly business review of the objectives and outcomes, and money is",
        "planned once a quarter (`cadences`).",
        "The file: examples/orgs/it-department-products.yaml",
        "",
    ]);
    let after = load(&orgs.join("it-department-products.yaml"))?;
    print_shape(&after);
    let after_report = linter.check(&after);
    println!("What opmodel finds:\n");
    println!("{}\n", render(&after_report, Options::default()).trim_end());

    banner("3. Before and after, per check family");
    compare(&linter, &before_report, &after_report);

    banner("4. The move as a diff: `opmodel diff OLD NEW`");
    say(&[
        "The same two files compared entity by entity, as a reviewer of the change",
        "would read it: who was formed and retired, which products and decision rights",
        "changed hands, which goals were rewritten, and which findings the move fixes.",
        "Project ids gave way to product ids, so the products show as removed and",
        "added; the organisation-wide decision rights kept their (area, scope) and show",
        "as deciders changed. Run it yourself:",
        "  opmodel diff examples/orgs/it-department.json examples/orgs/it-department-products.yaml",
        "",
    ]);
    let moved = Diff::new(&before.model, &before_report, &after.model, &after_report);
    println!(
        "{}\n",
        opmodel::diff::human::render(&moved, Options::default()).trim_end()
    );

    banner("5. A later step, reviewed before it is merged");
    say(&[
        "A year on, someone dissolves the Claims Experience team's claim on the Claims",
        "Portal (its people move to a new initiative) without handing the product over.",
        "The diff shows the ownership change and the error it introduces; in CI,",
        "`opmodel diff --git origin/main org/ --fail-on new-errors` fails the pull request.",
        "",
    ]);
    let mut step = after.model.clone();
    for team in &mut step.teams {
        if team.id == "claims-experience" {
            team.owns.clear();
        }
    }
    let step_report = linter.check_model(&step);
    let step_diff = Diff::new(&after.model, &after_report, &step, &step_report);
    println!(
        "{}\n",
        opmodel::diff::human::render(&step_diff, Options::default()).trim_end()
    );
    println!(
        "--fail-on new-errors would exit with status {}.",
        step_diff.exit_code(Some(FailOn::NewErrors))
    );
    Ok(())
}

fn load(path: &Path) -> Result<Loaded, Box<dyn std::error::Error>> {
    Ok(load_paths(&[path], &LoadOptions::default())?)
}

fn print_shape(loaded: &Loaded) {
    let m = &loaded.model;
    let project_funded = m
        .products
        .iter()
        .filter(|p| p.funding.is_some_and(|f| f.to_string() == "project"))
        .count();
    println!(
        "{} teams, {} products ({} funded as projects), {} outcomes, {} objectives, {} key results, {} decision rights\n",
        m.teams.len(),
        m.products.len(),
        project_funded,
        m.outcomes.len(),
        m.objectives.len(),
        m.key_results().count(),
        m.decisions.len(),
    );
    if !m.lifecycle.is_empty() {
        let stages: Vec<String> = m
            .products
            .iter()
            .filter_map(|p| p.stage.as_ref().map(|s| format!("{} in {}", p.id, s.id)))
            .collect();
        println!(
            "{} lifecycle stages; {}",
            m.lifecycle.len(),
            stages.join(", ")
        );
    }
    if !m.people.is_empty() {
        println!("{} people shared between teams", m.people.len());
    }
    if !m.cadences.is_empty() {
        let cadences: Vec<String> = m
            .cadences
            .iter()
            .map(|c| {
                let kind = c.kind.map_or_else(String::new, |k| format!("{k} of "));
                let every = c.every.map_or_else(String::new, |e| format!(", every {e}"));
                format!("{} ({kind}{}{every})", c.id, covers(c))
            })
            .collect();
        println!("cadences: {}\n", cadences.join("; "));
    }
}

fn covers(c: &opmodel::model::Cadence) -> String {
    c.covers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Counts errors and warnings per family, using each check's category.
fn by_family(linter: &Linter, report: &Report) -> BTreeMap<Category, (usize, usize)> {
    let family: BTreeMap<&str, Category> = linter
        .metas()
        .into_iter()
        .map(|m| (m.name, m.category))
        .collect();
    let mut counts: BTreeMap<Category, (usize, usize)> = BTreeMap::new();
    for d in &report.diagnostics {
        let category = family.get(&*d.check).copied().unwrap_or(Category::Custom);
        let entry = counts.entry(category).or_default();
        match d.severity {
            Severity::Error => entry.0 += 1,
            _ => entry.1 += 1,
        }
    }
    counts
}

fn compare(linter: &Linter, before: &Report, after: &Report) {
    let b = by_family(linter, before);
    let a = by_family(linter, after);
    let mut families: Vec<Category> = linter.metas().into_iter().map(|m| m.category).collect();
    families.dedup();
    println!(
        "{:<16} {:>17} {:>17}",
        "family", "before (err/warn)", "after (err/warn)"
    );
    for family in families {
        let (be, bw) = b.get(&family).copied().unwrap_or_default();
        let (ae, aw) = a.get(&family).copied().unwrap_or_default();
        println!(
            "{:<16} {:>17} {:>17}",
            family.to_string(),
            format!("{be}/{bw}"),
            format!("{ae}/{aw}")
        );
    }
    println!(
        "{:<16} {:>17} {:>17}\n",
        "total",
        format!("{}/{}", before.summary.errors, before.summary.warnings),
        format!("{}/{}", after.summary.errors, after.summary.warnings)
    );
    println!("What each family is about:");
    let mut seen = Vec::new();
    for m in linter.metas() {
        if !seen.contains(&m.category) {
            seen.push(m.category);
            println!(
                "  {:<16} {}",
                m.category.to_string(),
                m.category.description()
            );
        }
    }
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
