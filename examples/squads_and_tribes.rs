//! Squads, tribes, chapters and platform teams, built in code, and a product
//! that two squads both think they own.
//!
//! What this example teaches:
//!
//! - how to describe a "Spotify-style" streaming company with the builder
//!   API ([`Model::builder`], [`Team`], [`Product`], [`Outcome`],
//!   [`Objective`], [`DecisionRight`]): tribes are `kind: unit` teams, squads
//!   are stream-aligned teams whose `parent` is their tribe, platform teams
//!   are `kind: platform`;
//! - why chapters are *not* teams in the model: a chapter groups people of
//!   one craft across squads for line management and practice, but it owns no
//!   product. opmodel sees chapters through the members' roles;
//! - how `unclear-ownership` finds a product with two accountable teams, and
//!   how [`OrgGraph::owners`] tells where every claim came from (the
//!   product's `owner` field or a team's `owns` list);
//! - the fix (one accountable team, the other one a contributor), and the
//!   check again;
//! - how squads use platform teams (Team Topologies' interaction modes:
//!   [`Interaction`] with `x-as-a-service`, `collaboration`, `facilitating`),
//!   how people shared between teams are written once with the share of
//!   their time each team gets ([`Person`], [`Allocation`]), and how
//!   [`OrgGraph::staffing`] and [`OrgGraph::consumers`] read them back;
//! - a review [`Cadence`] that looks at the objectives every quarter.
//!
//! Run it with `cargo run --example squads_and_tribes`.

use std::collections::BTreeMap;

use opmodel::graph::{ClaimSource, OrgGraph};
use opmodel::model::{
    Allocation, Cadence, CadenceKind, Covers, DecisionArea, DecisionRight, Every, Interaction,
    InteractionMode, Model, Objective, Outcome, Person, Product, ProductKind, Role, Team, TeamKind,
};
use opmodel::report::human::{Options, render};
use opmodel::{Linter, Report};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    banner("1. The org: Cadenza, a music-streaming company");
    println!(
        "Cadenza has two tribes of stream-aligned squads (Listening, Creators) and a\n\
         Platform tribe whose teams build the internal products the squads stand on.\n\
         Squads are long-lived and own products; tribes are units that group them.\n"
    );
    let before = cadenza(false);
    describe_units(&before);
    describe_chapters(&before);
    describe_interactions(&before);

    banner("2. What opmodel finds");
    let linter = Linter::new();
    let report = linter.check_model(&before);
    print_report(&report);

    println!("Who owns the web player? `OrgGraph::owners` lists every accountable team");
    println!("and every claim that makes it one:\n");
    let graph = OrgGraph::build(&before);
    print_claims(&graph, "web-player")?;
    println!(
        "\nPlayback is the owner on the product itself and in its own `owns` list, and\n\
         Discovery also lists the web player in its `owns`, because it ships the\n\
         \"recommended for you\" shelf inside it. Two accountable teams means nobody is:\n\
         each can wait for the other, and priorities get settled by escalation.\n\
         (In a model read from files, each claim also carries its file and line.)"
    );

    banner("3. The fix");
    println!(
        "Playback stays accountable for the web player. Discovery keeps building the\n\
         shelf, but as a *contributor*: `Product::contributor(\"discovery\")` records\n\
         that it works in the codebase without being accountable for it.\n"
    );
    let after = cadenza(true);
    let graph = OrgGraph::build(&after);
    print_claims(&graph, "web-player")?;

    banner("4. The check again");
    let report = linter.check_model(&after);
    print_report(&report);
    if report.diagnostics.is_empty() {
        println!("Every product now has exactly one accountable squad.");
    }
    Ok(())
}

/// The whole org. With `fixed`, Discovery contributes to the web player
/// instead of claiming it.
fn cadenza(fixed: bool) -> Model {
    let discovery = Team::new("discovery")
        .name("Discovery Squad")
        .parent("listening")
        .owns("recommendations")
        .member("Dee", Role::ProductManager)
        .member("Eli", Role::EngineeringLead)
        .member("Fran", Role::Designer)
        .member("Gil", Role::DataAnalyst)
        .interaction(Interaction::new(
            "data-platform",
            InteractionMode::XAsAService,
        ));
    let discovery = if fixed {
        discovery
    } else {
        discovery.owns("web-player")
    };

    let web_player = Product::new("web-player")
        .name("Web Player")
        .kind(ProductKind::CustomerFacing)
        .owner("playback")
        .outcome("listening-time");
    let web_player = if fixed {
        web_player.contributor("discovery")
    } else {
        web_player
    };

    Model::builder()
        .organization("Cadenza")
        // Tribes: units that group squads. They own nothing themselves.
        .team(
            Team::new("listening")
                .name("Listening Tribe")
                .kind(TeamKind::Unit)
                .parent("organization"),
        )
        .team(
            Team::new("creators")
                .name("Creators Tribe")
                .kind(TeamKind::Unit)
                .parent("organization"),
        )
        .team(
            Team::new("platform")
                .name("Platform Tribe")
                .kind(TeamKind::Unit)
                .parent("organization"),
        )
        .team(
            Team::new("finance")
                .name("Finance")
                .kind(TeamKind::Business)
                .parent("organization"),
        )
        // Squads: stream-aligned, long-lived, each with a product trio.
        .team(
            Team::new("playback")
                .name("Playback Squad")
                .parent("listening")
                .owns("web-player")
                .owns("mobile-player")
                .member("Ana", Role::ProductManager)
                .member("Bo", Role::EngineeringLead)
                .member("Cy", Role::Designer)
                .member("Dan", Role::Engineer)
                .interaction(Interaction::new(
                    "streaming-core",
                    InteractionMode::XAsAService,
                )),
        )
        .team(discovery)
        .team(
            Team::new("artist-tools")
                .name("Artist Tools Squad")
                .parent("creators")
                .owns("creator-studio")
                .member("Hal", Role::ProductManager)
                .member("Ida", Role::EngineeringLead)
                .member("Jo", Role::Designer)
                .member("Kai", Role::Engineer)
                .interaction(Interaction::new(
                    "streaming-core",
                    InteractionMode::XAsAService,
                )),
        )
        // Platform teams: their customers are the other squads.
        .team(
            Team::new("streaming-core")
                .name("Streaming Core")
                .kind(TeamKind::Platform)
                .parent("platform")
                .owns("streaming-infra")
                .member("Lee", Role::EngineeringLead)
                .member("Mo", Role::Engineer),
        )
        .team(
            Team::new("data-platform")
                .name("Data Platform")
                .kind(TeamKind::Platform)
                .parent("platform")
                .owns("event-pipeline")
                .member("Nia", Role::EngineeringLead)
                .member("Oz", Role::DataAnalyst),
        )
        // People shared between teams: written once, with the share of their
        // time each team gets. Members listed on a team count one person each.
        .person(
            Person::new("pia")
                .name("Pia")
                .allocation(Allocation::new("streaming-core", 1.0).role(Role::Engineer)),
        )
        .person(
            Person::new("quinn")
                .name("Quinn")
                .allocation(Allocation::new("data-platform", 0.5).role(Role::Engineer))
                .allocation(Allocation::new("streaming-core", 0.5).role(Role::Engineer)),
        )
        .person(
            Person::new("rae")
                .name("Rae")
                .allocation(Allocation::new("data-platform", 1.0).role(Role::DataAnalyst)),
        )
        // Every quarter the tribes review how the objectives went.
        .cadence(
            Cadence::new(
                "quarterly-business-review",
                CadenceKind::Review,
                Every::Months(3),
            )
            .covers(Covers::Objectives)
            .covers(Covers::Outcomes)
            .owner("finance")
            .attendee("listening")
            .attendee("creators")
            .attendee("platform"),
        )
        .product(web_player)
        .product(
            Product::new("mobile-player")
                .name("Mobile Player")
                .kind(ProductKind::CustomerFacing)
                .outcome("listening-time"),
        )
        .product(
            Product::new("recommendations")
                .name("Recommendations")
                .kind(ProductKind::CustomerFacing)
                .contributor("data-platform")
                .outcome("new-listener-retention"),
        )
        .product(
            Product::new("creator-studio")
                .name("Creator Studio")
                .kind(ProductKind::CustomerFacing)
                .outcome("creator-earnings"),
        )
        .product(
            Product::new("streaming-infra")
                .name("Streaming Infrastructure")
                .kind(ProductKind::Platform)
                .outcome("listening-time"),
        )
        .product(
            Product::new("event-pipeline")
                .name("Event Pipeline")
                .kind(ProductKind::Platform)
                .outcome("new-listener-retention"),
        )
        .outcome(
            Outcome::new(
                "listening-time",
                "Listeners spend more time with music they love",
            )
            .metric("weekly listening hours per active listener")
            .baseline(4.2)
            .target(5.0)
            .owner("listening"),
        )
        .outcome(
            Outcome::new(
                "new-listener-retention",
                "New listeners stay after their first week",
            )
            .metric("week-1 retention of new listeners")
            .owner("listening")
            .supports("listening-time"),
        )
        .outcome(
            Outcome::new(
                "creator-earnings",
                "Independent artists earn a living on Cadenza",
            )
            .metric("artists earning over 1000 EUR a month")
            .owner("creators"),
        )
        .objective(
            Objective::new(
                "discovery-2026q3",
                "New listeners find music they love in their first week",
            )
            .owner("discovery")
            .period("2026-Q3")
            .supports("new-listener-retention")
            .key_result("Raise week-1 retention of new listeners from 31% to 38%"),
        )
        // Each tribe decides what its squads build; finance splits the money
        // and picks vendors with the platform tribe's recommendation.
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "listening").decides("listening"))
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "creators").decides("creators"))
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "platform").decides("platform"))
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "organization")
                .decides("finance")
                .consulted("listening")
                .consulted("creators")
                .consulted("platform"),
        )
        .decision(
            DecisionRight::new(DecisionArea::VendorSelection, "organization")
                .decides("finance")
                .recommends("platform"),
        )
        .build()
}

fn describe_interactions(model: &Model) {
    println!(
        "Squads use the platform teams as a service (Team Topologies' `x-as-a-service`\n\
         interaction, written on the consumer), and some people are shared between\n\
         platform teams: each is written once, with the share of their time each team\n\
         gets. A team's staffing adds the shares to its listed members:\n"
    );
    let graph = OrgGraph::build(model);
    for team in ["streaming-core", "data-platform"] {
        let Some(t) = graph.team_ix(team) else {
            continue;
        };
        let consumers: Vec<&str> = graph
            .consumers(t)
            .into_iter()
            .map(|c| graph.team(c).id.as_str())
            .collect();
        let staffing = graph.staffing(t).map_or(0.0, |s| s.total);
        println!(
            "  {team:<15} staffing {staffing:.1}, used as a service by {}",
            consumers.join(", ")
        );
    }
    println!();
}

fn describe_units(model: &Model) {
    let graph = OrgGraph::build(model);
    for unit in graph
        .team_ixs()
        .filter(|&t| graph.team(t).kind == TeamKind::Unit)
    {
        let tribe = graph.team(unit);
        println!(
            "{} ({})",
            tribe.name.as_deref().unwrap_or(&tribe.id),
            tribe.id
        );
        for t in graph.teams_under(unit) {
            let team = graph.team(t);
            let products: Vec<&str> = graph
                .products_of(t)
                .into_iter()
                .map(|p| graph.product(p).id.as_str())
                .collect();
            println!(
                "  - {:<16} {:<15} owns {}",
                team.id,
                team.kind.to_string(),
                products.join(", ")
            );
        }
    }
    println!();
}

/// Chapters cut across squads: everyone with the same craft, whatever squad
/// they sit in. They are a view over the members, not a team of the model.
fn describe_chapters(model: &Model) {
    let mut chapters: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for team in &model.teams {
        for m in &team.members {
            if let Some(role) = &m.role {
                chapters
                    .entry(role.to_string())
                    .or_default()
                    .push(format!("{} ({})", m.name, team.id));
            }
        }
    }
    println!("Chapters (people of one craft across squads, from the members' roles):");
    for (craft, people) in &chapters {
        println!("  - {craft} chapter: {}", people.join(", "));
    }
    println!(
        "A chapter lead grows people and the practice; the squad decides the work.\n\
         Chapters own no product, so they are not modelled as teams (they would\n\
         only be reported as `idle-team`).\n"
    );
}

fn print_claims(graph: &OrgGraph<'_>, product: &str) -> Result<(), Box<dyn std::error::Error>> {
    let ix = graph
        .product_ix(product)
        .ok_or_else(|| format!("no product `{product}`"))?;
    let owners = graph.owners(ix);
    println!("`{product}` has {} accountable team(s):", owners.len());
    for owner in &owners {
        let team = &graph.team(owner.team).id;
        for (source, at) in &owner.claims {
            let how = match source {
                ClaimSource::OwnerField => format!("the product's `owner` field names `{team}`"),
                ClaimSource::OwnsField => format!("team `{team}` lists it in `owns`"),
            };
            let place = at.map_or_else(
                || "built in code".to_owned(),
                |l| format!("line {}", l.line),
            );
            println!("  - {team}: {how} [{place}]");
        }
    }
    let product = graph.product(ix);
    if !product.contributors.is_empty() {
        let names: Vec<&str> = product.contributors.iter().map(|r| r.as_str()).collect();
        println!("  contributors (not accountable): {}", names.join(", "));
    }
    Ok(())
}

fn print_report(report: &Report) {
    let text = render(report, Options::default());
    println!("{}", text.trim_end());
    println!();
}

fn banner(title: &str) {
    println!(
        "\n=== {title} {}\n",
        "=".repeat(70usize.saturating_sub(title.len()))
    );
}
