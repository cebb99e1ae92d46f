//! Embedding opmodel in a tool of your own: load an org folder, walk the
//! graph with petgraph's algorithms, and hand JSON to another program.
//!
//! What this example teaches:
//!
//! - loading a multi-file org folder with [`load_paths`] (here the bundled
//!   `examples/orgs/streaming`, found through `CARGO_MANIFEST_DIR`);
//! - that [`OrgGraph::graph`] is a plain petgraph `DiGraph`, so petgraph's
//!   own algorithms work on it: [`has_path_connecting`] and [`dijkstra`] for
//!   the paths from each product to the company's outcomes, [`Bfs`] for the
//!   teams with the most reach;
//! - exporting a small summary with serde_json, next to the full findings
//!   from [`opmodel::report::json::to_string`].
//!
//! Run it with `cargo run --example embed`.

use std::path::Path;

use opmodel::Linter;
use opmodel::graph::{OrgEdge, OrgGraph, OrgNode};
use opmodel::load::{LoadOptions, load_paths};
use opmodel::model::Id;
use petgraph::algo::{dijkstra, has_path_connecting};
use petgraph::visit::{Bfs, EdgeFiltered, EdgeRef};
use serde::Serialize;

/// What another tool gets: one line per product and per team.
#[derive(Serialize)]
struct Summary {
    organization: String,
    products: Vec<ProductReach>,
    teams_by_reach: Vec<TeamReach>,
    errors: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct ProductReach {
    product: Id,
    /// Outcomes reachable along serves / supports / part-of edges, with the
    /// number of hops.
    outcomes: Vec<(String, usize)>,
}

#[derive(Serialize)]
struct TeamReach {
    team: Id,
    reach: usize,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/streaming");
    println!(
        "Loading {} (a folder of YAML, TOML and JSON files)\n",
        folder.display()
    );
    let loaded = load_paths(&[&folder], &LoadOptions::default())?;
    let model = &loaded.model;
    let graph = OrgGraph::build(model);
    let g = graph.graph();
    println!(
        "{} entities, {} nodes and {} edges in the petgraph graph\n",
        model.entity_count(),
        g.node_count(),
        g.edge_count()
    );

    // Only the alignment edges: product -> outcome (serves), product ->
    // parent product (part-of), outcome -> parent outcome (supports).
    let alignment = EdgeFiltered::from_fn(g, |e| {
        matches!(
            e.weight(),
            OrgEdge::Serves | OrgEdge::PartOf | OrgEdge::Supports
        )
    });
    let outcomes: Vec<_> = graph.outcome_ixs().map(|o| graph.outcome_node(o)).collect();

    println!("Products and the outcomes they lead to (has_path_connecting, dijkstra):");
    let mut products = Vec::new();
    for p in graph.product_ixs() {
        let start = graph.product_node(p);
        let hops = dijkstra(&alignment, start, None, |_| 1usize);
        let mut reached = Vec::new();
        for &o in &outcomes {
            if has_path_connecting(&alignment, start, o, None) {
                reached.push((graph.id(o).into_owned(), hops.get(&o).copied().unwrap_or(0)));
            }
        }
        let text: Vec<String> = reached
            .iter()
            .map(|(o, n)| format!("{o} ({n} hop{})", if *n == 1 { "" } else { "s" }))
            .collect();
        println!(
            "  {:<20} {}",
            graph.product(p).id,
            if text.is_empty() {
                "no outcome: nothing it does is measured".to_owned()
            } else {
                text.join(", ")
            }
        );
        products.push(ProductReach {
            product: graph.product(p).id.clone(),
            outcomes: reached,
        });
    }

    // Reach: every node a team can get to by following edges out of it
    // (what it owns, then what that serves, and so on).
    println!("\nTeams with the most reach (nodes reachable with Bfs, counting the team):");
    let mut teams: Vec<TeamReach> = graph
        .team_ixs()
        .map(|t| {
            let mut bfs = Bfs::new(g, graph.team_node(t));
            let mut reach = 0;
            while bfs.next(g).is_some() {
                reach += 1;
            }
            TeamReach {
                team: graph.team(t).id.clone(),
                reach,
            }
        })
        .collect();
    teams.sort_by(|a, b| b.reach.cmp(&a.reach).then_with(|| a.team.cmp(&b.team)));
    for t in teams.iter().take(5) {
        println!("  {:<18} {}", t.team, t.reach);
    }
    println!("Reach follows every edge out of a team, decision rights included: marketing");
    println!("owns no product, but what it decides reaches three of them.");

    // The edges into one product, as petgraph sees them.
    if let Some(web) = graph.product_ix("web-player") {
        println!("\nEdges into `web-player`:");
        for e in g.edges_directed(graph.product_node(web), petgraph::Direction::Incoming) {
            let from = graph.id(e.source());
            let kind = match g[e.source()] {
                OrgNode::Team(_) => "team",
                OrgNode::Decision(_) => "decision",
                _ => "node",
            };
            println!("  {kind} `{from}` --{}--> web-player", e.weight());
        }
    }

    let report = Linter::new().check(&loaded);
    let summary = Summary {
        organization: model
            .organization
            .name
            .as_deref()
            .unwrap_or_default()
            .to_owned(),
        products,
        teams_by_reach: teams,
        errors: report.summary.errors,
        warnings: report.summary.warnings,
    };
    println!("\nThe summary for another tool (serde_json, one line):\n");
    println!("{}", serde_json::to_string(&summary)?);

    let findings = opmodel::report::json::to_string(&report);
    let parsed: serde_json::Value = serde_json::from_str(&findings)?;
    let count = parsed["diagnostics"].as_array().map_or(0, Vec::len);
    println!(
        "\nThe findings as the spec's JSON (opmodel::report::json::to_string): {count} diagnostics, {} bytes; the first:\n",
        findings.len()
    );
    if let Some(first) = parsed["diagnostics"].get(0) {
        println!("{}", serde_json::to_string_pretty(first)?);
    }
    Ok(())
}
