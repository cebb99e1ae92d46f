//! Graph queries: owners, nearest-scope decision resolution, alignment paths.

use opmodel::graph::{ClaimSource, OrgGraph, OrgNode, ProductIx, TeamIx};
use opmodel::model::{
    DecisionArea, DecisionRight, Model, Objective, Outcome, Product, Team, TeamKind,
};

fn org() -> Model {
    Model::builder()
        .team(
            Team::new("company")
                .kind(TeamKind::Unit)
                .parent("organization"),
        )
        .team(Team::new("music").kind(TeamKind::Unit).parent("company"))
        .team(Team::new("playback").parent("music").owns("web-player"))
        .team(Team::new("discovery").parent("music").owns("radio"))
        .team(
            Team::new("finance")
                .kind(TeamKind::Business)
                .parent("organization"),
        )
        .product(Product::new("music-app").owner("playback"))
        .product(
            Product::new("web-player")
                .owner("playback")
                .part_of("music-app"),
        )
        .product(Product::new("radio").part_of("music-app"))
        .product(Product::new("podcasts"))
        .outcome(Outcome::new("listening", "Listeners listen more"))
        .outcome(Outcome::new("retention", "Listeners stay").supports("listening"))
        .objective(
            Objective::new("q3", "New listeners stay")
                .owner("discovery")
                .supports("retention")
                .key_result("Week-1 retention from 31% to 38%"),
        )
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "web-player").decides("playback"))
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "music-app").decides("music"))
        .decision(DecisionRight::new(DecisionArea::Roadmap, "discovery").decides("discovery"))
        .decision(DecisionRight::new(DecisionArea::Roadmap, "company").decides("company"))
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "organization").decides("finance"),
        )
        .build()
}

#[test]
fn owners_merge_both_ways_of_claiming() {
    let model = org();
    let g = OrgGraph::build(&model);
    assert!(g.diagnostics().is_empty(), "{:#?}", g.diagnostics());
    let web = g.product_ix("web-player").expect("web-player");
    let owners = g.owners(web);
    assert_eq!(owners.len(), 1);
    assert_eq!(g.team(owners[0].team).id, "playback");
    let via: Vec<ClaimSource> = owners[0].claims.iter().map(|c| c.0).collect();
    assert_eq!(via, [ClaimSource::OwnerField, ClaimSource::OwnsField]);
    assert!(
        g.owners(g.product_ix("podcasts").expect("podcasts"))
            .is_empty()
    );
    let playback = g.team_ix("playback").expect("playback");
    let products = product_ids(&g, g.products_of(playback));
    assert_eq!(products, ["music-app", "web-player"]);
    let music = g.team_ix("music").expect("music");
    let under = team_ids(&g, g.teams_under(music));
    assert_eq!(under, ["playback", "discovery"]);
    let company = g.team_ix("company").expect("company");
    assert_eq!(g.teams_under(company).len(), 3);
}

fn governing(g: &OrgGraph<'_>, area: DecisionArea, product: &str) -> Option<(String, Vec<String>)> {
    let p = g.product_ix(product)?;
    let gov = g.governing_decisions(&area, p)?;
    let scope = g.id(gov.scope).into_owned();
    let deciders = gov
        .decisions
        .iter()
        .flat_map(|d| g.deciders(*d))
        .map(|t| g.team(t).id.to_string())
        .collect();
    Some((scope, deciders))
}

#[test]
fn the_nearest_scope_wins() {
    let model = org();
    let g = OrgGraph::build(&model);
    // The product's own scope.
    assert_eq!(
        governing(&g, DecisionArea::FeatureSet, "web-player"),
        Some(("web-player".into(), vec!["playback".into()]))
    );
    // The part_of chain.
    assert_eq!(
        governing(&g, DecisionArea::FeatureSet, "radio"),
        Some(("music-app".into(), vec!["music".into()]))
    );
    // The owning team.
    assert_eq!(
        governing(&g, DecisionArea::Roadmap, "radio"),
        Some(("discovery".into(), vec!["discovery".into()]))
    );
    // The owning team's parent chain.
    assert_eq!(
        governing(&g, DecisionArea::Roadmap, "web-player"),
        Some(("company".into(), vec!["company".into()]))
    );
    // The organisation covers everything, even a product nobody owns.
    assert_eq!(
        governing(&g, DecisionArea::BudgetAllocation, "podcasts"),
        Some(("organization".into(), vec!["finance".into()]))
    );
    assert_eq!(
        governing(&g, DecisionArea::VendorSelection, "web-player"),
        None
    );
}

#[test]
fn alignment_paths_go_through_parents_and_team_objectives() {
    let model = org();
    let g = OrgGraph::build(&model);
    let path = |p: &str| -> Option<Vec<String>> {
        let ix = g.product_ix(p)?;
        Some(
            g.alignment_path(ix)?
                .into_iter()
                .map(|n| g.id(n).into_owned())
                .collect(),
        )
    };
    // radio is owned by discovery, whose objective supports `retention`.
    assert_eq!(
        path("radio"),
        Some(vec![
            "radio".into(),
            "discovery".into(),
            "q3".into(),
            "retention".into()
        ])
    );
    // podcasts has no outcome, no owner, no parent.
    assert_eq!(path("podcasts"), None);
    // web-player: part of music-app, owned by playback, neither reaches an outcome.
    assert_eq!(path("web-player"), None);
}

#[test]
fn the_petgraph_graph_is_public() {
    let model = org();
    let g = OrgGraph::build(&model);
    let raw = g.graph();
    assert_eq!(raw.node_count(), 1 + 5 + 4 + 2 + 1 + 1 + 5);
    assert!(matches!(raw[g.organization()], OrgNode::Organization));
    // petgraph's own algorithms run on it.
    let reach = petgraph::algo::has_path_connecting(
        raw,
        g.node("radio").expect("radio"),
        g.node("music-app").expect("app"),
        None,
    );
    assert!(reach);
}

#[test]
fn key_result_nodes_follow_their_objective() {
    let model = Model::builder()
        .objective(
            Objective::new("q2", "Listeners stay")
                .key_result("Raise week-1 retention from 31% to 38%"),
        )
        .objective(
            Objective::new("q3", "Artists grow")
                .key_result("Raise monthly uploads from 10k to 12k")
                .key_result("Cut time to first payout from 30 to 7 days"),
        )
        .build();
    let g = OrgGraph::build(&model);
    let q3 = g.objective_ix("q3").expect("q3 is defined");
    for n in 0..2u32 {
        let node = g.key_result_node(q3, n).expect("a key result");
        assert!(matches!(g.graph()[node], OrgNode::KeyResult(o, k) if o == q3 && k == n));
        assert_eq!(g.node(&format!("q3#{}", n + 1)), Some(node));
    }
    assert_eq!(g.key_result_node(q3, 2), None);
}

#[test]
fn a_parent_product_aligned_through_its_owners_objective_aligns_its_parts() {
    let model = Model::builder()
        .team(Team::new("studio-squad").owns("studio"))
        .product(Product::new("studio"))
        .product(Product::new("uploads").part_of("studio"))
        .outcome(Outcome::new("earnings", "Artists earn more"))
        .objective(
            Objective::new("q3", "Artists earn more")
                .owner("studio-squad")
                .supports("earnings")
                .key_result("x"),
        )
        .build();
    let g = OrgGraph::build(&model);
    let path: Vec<String> = g
        .alignment_path(g.product_ix("uploads").expect("uploads"))
        .expect("aligned through its parent")
        .into_iter()
        .map(|n| g.id(n).into_owned())
        .collect();
    assert_eq!(
        path,
        ["uploads", "studio", "studio-squad", "q3", "earnings"]
    );
}

#[test]
fn did_you_mean_stays_useful_on_large_models() {
    // Past 20 000 candidates only neighbours in sorted order (forwards and
    // backwards) are compared; typos at either end are still found.
    let mut b = Model::builder();
    for i in 0..25_000 {
        b = b.team(Team::new(format!("team-{i:05}")));
    }
    let model = b
        .product(Product::new("p1").owner("team-12345x"))
        .product(Product::new("p2").owner("xeam-12345"))
        .build();
    let g = OrgGraph::build(&model);
    let helps: Vec<&str> = g
        .diagnostics()
        .iter()
        .filter_map(|d| d.help.as_deref()?.split(" Until").next())
        .collect();
    assert_eq!(
        helps,
        ["did you mean `team-12345`?", "did you mean `team-12345`?"]
    );
}

#[test]
fn each_ownership_claim_points_at_where_it_was_written() {
    use opmodel::graph::OrgEdge;
    use opmodel::load::{Format, load_str};
    use petgraph::visit::EdgeRef;

    let yaml = "\
teams:
  - id: playback
    owns: [radio, web]
  - id: growth
outcomes:
  - id: retention
    statement: Raise week-1 retention from 31% to 38%
    owner: growth
products:
  - id: radio
  - id: web
    owner: [growth, playback]
    part_of: radio
";
    let loaded = load_str(yaml, Format::Yaml, "org.yaml");
    let g = OrgGraph::build(&loaded.model);
    let mut claims: Vec<(String, String, u32, u32)> = g
        .graph()
        .edge_references()
        .filter(|e| e.weight().is_owns())
        .map(|e| {
            let at = g
                .claim_location(e.id())
                .expect("claims from a file have a place");
            (
                g.id(e.source()).into_owned(),
                g.id(e.target()).into_owned(),
                at.line,
                at.column,
            )
        })
        .collect();
    claims.sort();
    assert_eq!(
        claims,
        [
            ("growth".into(), "retention".into(), 8, 12),
            ("growth".into(), "web".into(), 12, 13),
            ("playback".into(), "radio".into(), 3, 12),
            ("playback".into(), "web".into(), 3, 19),
            ("playback".into(), "web".into(), 12, 21),
        ]
    );
    // `owners` reports the same places, and other edges have none.
    let web = g.product_ix("web").expect("web");
    let playback = &g.owners(web)[0];
    assert_eq!(g.team(playback.team).id, "playback");
    let lines: Vec<u32> = playback
        .claims
        .iter()
        .map(|c| c.1.expect("placed").line)
        .collect();
    assert_eq!(lines, [12, 3]); // `owner` claims sort before `owns` claims
    // Each team once, however many claims it makes.
    let teams = team_ids(&g, g.owner_teams(web));
    assert_eq!(teams, ["playback", "growth"]);
    assert!(g.has_owner(web));
    let radio = g.product_ix("radio").expect("radio");
    assert_eq!(g.owner_teams(radio).len(), 1);
    let orphan_model = Model::builder().product(Product::new("lonely")).build();
    let orphan_graph = OrgGraph::build(&orphan_model);
    let lonely = orphan_graph.product_ix("lonely").expect("lonely");
    assert!(!orphan_graph.has_owner(lonely));
    assert!(orphan_graph.owner_teams(lonely).is_empty());
    let parent_or_other = g
        .graph()
        .edge_references()
        .find(|e| !matches!(e.weight(), OrgEdge::Owns { .. }))
        .expect("a non-ownership edge");
    assert_eq!(g.claim_location(parent_or_other.id()), None);
}

/// The ids of `nodes`, in order.
fn node_ids(g: &OrgGraph<'_>, nodes: Vec<petgraph::graph::NodeIndex>) -> Vec<String> {
    nodes.into_iter().map(|n| g.id(n).into_owned()).collect()
}

/// The ids of the `part_of` chain of the product `id`, nearest first.
fn parent_ids<'g>(g: &'g OrgGraph<'_>, id: &str) -> Vec<&'g str> {
    let product = g.product_ix(id).expect("the product is defined");
    product_ids(g, g.parent_products(product))
}

/// The ids of `teams`, in order.
fn team_ids<'g>(g: &'g OrgGraph<'_>, teams: Vec<TeamIx>) -> Vec<&'g str> {
    teams.into_iter().map(|t| g.team(t).id.as_str()).collect()
}

/// The ids of `products`, in order.
fn product_ids<'g>(g: &'g OrgGraph<'_>, products: Vec<ProductIx>) -> Vec<&'g str> {
    products
        .into_iter()
        .map(|p| g.product(p).id.as_str())
        .collect()
}

#[test]
fn walks_up_hierarchies_nearest_first_and_stop_at_a_loop() {
    let model = org();
    let g = OrgGraph::build(&model);
    let playback = g.team_ix("playback").expect("playback");
    assert_eq!(
        node_ids(&g, g.ancestors(playback)),
        ["music", "company", "organization"]
    );
    assert_eq!(parent_ids(&g, "web-player"), ["music-app"]);
    // The product, its parent, its owner, the units above and the organisation.
    let web = g.product_ix("web-player").expect("web-player");
    assert_eq!(
        node_ids(&g, g.scopes_of(web)),
        [
            "web-player",
            "music-app",
            "playback",
            "music",
            "company",
            "organization"
        ]
    );

    let looped = Model::builder()
        .team(Team::new("a").parent("b"))
        .team(Team::new("b").parent("c"))
        .team(Team::new("c").parent("a"))
        .team(Team::new("dangling").parent("nowhere"))
        .product(Product::new("x").part_of("y"))
        .product(Product::new("y").part_of("x"))
        .build();
    let g = OrgGraph::build(&looped);
    assert_eq!(
        node_ids(&g, g.ancestors(g.team_ix("a").expect("a"))),
        ["b", "c"]
    );
    assert!(
        g.ancestors(g.team_ix("dangling").expect("dangling"))
            .is_empty()
    );
    assert_eq!(parent_ids(&g, "x"), ["y"]);
}

#[test]
fn an_id_defined_again_and_again_is_a_few_findings_however_many_copies() {
    use opmodel::MAX_LISTED;
    let mut yaml = String::from("teams:\n");
    for _ in 0..5_000 {
        yaml.push_str("  - id: a\n");
    }
    yaml.push_str("  - id: b\n  - id: b\n");
    let loaded = opmodel::load::load_str(&yaml, opmodel::load::Format::Yaml, "org.yaml");
    let g = OrgGraph::build(&loaded.model);
    let dups: Vec<_> = g
        .diagnostics()
        .iter()
        .filter(|d| d.check == "duplicate-id")
        .collect();
    // `a`: one finding per copy for the first few, then one for the rest;
    // `b`: its one copy.
    assert_eq!(dups.len(), MAX_LISTED + 1 + 1, "{}", dups.len());
    assert_eq!(
        dups[0].message,
        "id `a` is defined 5000 times, first at org.yaml:2"
    );
    let rest = dups
        .iter()
        .find(|d| d.message.contains("reported together"))
        .expect("the rest in one");
    assert_eq!(
        rest.message,
        format!(
            "id `a` is defined 5000 times: this definition and the {} after it are reported together, first at org.yaml:2",
            5_000 - 1 - MAX_LISTED - 1
        )
    );
    // Its places: the first definition, then the copies it stands for,
    // as many as a finding lists, and the count of the others.
    assert_eq!(rest.labels.len(), MAX_LISTED);
    assert_eq!(
        rest.labels.len() + rest.more_labels,
        1 + 5_000 - 1 - MAX_LISTED - 1
    );
    let b: Vec<_> = dups.iter().filter(|d| d.entity.id == "b").collect();
    assert_eq!(b.len(), 1);
    assert!(
        b[0].message.starts_with("id `b` is defined twice"),
        "{}",
        b[0].message
    );
}
