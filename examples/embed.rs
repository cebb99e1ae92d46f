//! Embedding opmodel in a tool of your own: load an org folder into an
//! [`Org`], answer questions with handles, run petgraph algorithms on a
//! ready-made view, and export the model to a file that loads back the same.
//!
//! What this example teaches:
//!
//! - [`Org::load`] reads a multi-file folder (here the bundled
//!   `examples/orgs/streaming`) and its `opmodel.toml`, builds the graph once
//!   and owns everything, so it can live in your own structs;
//! - handles ([`Org::team`], [`Org::product`], [`Org::decision`], …) answer
//!   "which outcomes does team T serve", "who decides budget for X" and
//!   "who contributes to Y" in one call each;
//! - [`OrgGraph::alignment_view`](opmodel::graph::OrgGraph::alignment_view)
//!   is a petgraph view, so petgraph's own algorithms (re-exported as
//!   [`opmodel::petgraph`]) work on it: here [`dijkstra`] for how far each
//!   product is from the outcomes it serves, and a topological order;
//! - [`opmodel::write`] exports the model as YAML that loads back to the same
//!   model, and a [`Report`](opmodel::Report) serialises with serde.
//!
//! Run it with `cargo run --example embed`.

use std::path::Path;

use opmodel::Org;
use opmodel::load::Format;
use opmodel::petgraph::algo::{dijkstra, toposort};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/streaming");
    let org = Org::load(&[&folder])?;
    println!(
        "{} entities; the graph has {} nodes and {} edges\n",
        org.model().entity_count(),
        org.graph().graph().node_count(),
        org.graph().graph().edge_count()
    );

    println!("Which outcomes does each squad of the Listening tribe serve?");
    let listening = org.team("listening").ok_or("no `listening` unit")?;
    for team in listening.teams_under() {
        let outcomes: Vec<&str> = team.outcomes().iter().map(|o| o.id()).collect();
        println!("  {:<18} {}", team.id(), or_none(&outcomes));
    }

    println!("\nWho decides the budget, and the feature set, of each product?");
    for product in org.products() {
        let budget: Vec<&str> = product
            .deciders("budget-allocation")
            .iter()
            .map(|t| t.id())
            .collect();
        let features: Vec<&str> = product
            .deciders("feature-set")
            .iter()
            .map(|t| t.id())
            .collect();
        println!(
            "  {:<20} budget: {:<20} feature set: {}",
            product.id(),
            or_none(&budget),
            or_none(&features)
        );
    }

    // A decision right by the id findings print for it.
    let budget = org
        .decision("budget-allocation@organization")
        .ok_or("no organisation-wide budget decision")?;
    let deciders: Vec<&str> = budget.deciders().iter().map(|t| t.id()).collect();
    println!(
        "\n`{}` is decided by {}",
        budget.id(),
        deciders.join(" and ")
    );

    // petgraph on a view: hops from each product to the outcomes it serves.
    let graph = org.graph();
    let alignment = graph.alignment_view();
    println!("\nHops from each product to its outcomes (dijkstra on the alignment view):");
    for product in org.products() {
        let hops = dijkstra(&alignment, product.node(), None, |_| 1usize);
        let mut reached: Vec<String> = org
            .outcomes()
            .filter_map(|o| hops.get(&o.node()).map(|n| format!("{} ({n})", o.id())))
            .collect();
        reached.sort();
        println!("  {:<20} {}", product.id(), or_none(&reached));
    }
    let order = toposort(&alignment, None).map_err(|_| "the alignment view has a loop")?;
    println!(
        "The alignment view is acyclic: a topological order has {} nodes.",
        order.len()
    );

    // Export, reload, compare.
    let yaml = opmodel::write::to_string(org.model(), Format::Yaml)?;
    let again = Org::from_text(&yaml, Format::Yaml, "exported.yaml");
    println!(
        "\nExported as {} lines of YAML; reloaded, it is the same model: {}",
        yaml.lines().count(),
        opmodel::write::same_content(org.model(), again.model())
    );

    let report = org.check();
    let json = serde_json::to_value(&report)?;
    println!(
        "The check found {} errors and {} warnings; as JSON, the first finding is `{}`.",
        report.summary.errors, report.summary.warnings, json["diagnostics"][0]["check"]
    );
    Ok(())
}

fn or_none<S: AsRef<str>>(items: &[S]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", ")
    }
}
