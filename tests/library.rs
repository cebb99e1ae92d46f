//! The library as an embedding tool uses it: an owned `Org` with handles,
//! one-call queries, ready-made views, checks of your own that get the
//! same treatment as built-in ones, and one set of rules for models from
//! files and from code.

use std::path::Path;
use std::sync::Arc;

use opmodel::check::{Category, Check, CheckMeta, Context, Param, Sink};
use opmodel::config::Level;
use opmodel::graph::OrgEdge;
use opmodel::model::{
    DecisionArea, DecisionRight, EntityKind, EntityRef, Model, Objective, Outcome, Product, Team,
    TeamKind,
};
use opmodel::{Config, ConfigError, Diagnostic, Linter, Org, Severity};

fn streaming() -> Org {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/streaming");
    Org::load(&[folder]).expect("the example loads")
}

fn ids<'a>(items: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    items.into_iter().collect()
}

#[test]
fn handles_answer_the_everyday_questions_in_one_call() {
    let org = streaming();
    let playback = org.team("playback").expect("playback");
    assert_eq!(playback.name(), "Playback Squad");
    assert_eq!(playback.parent().map(|t| t.id()), Some("listening"));
    assert_eq!(
        ids(playback.products().iter().map(|p| p.id())),
        ["web-player", "mobile-player"]
    );
    assert!(
        playback
            .outcomes()
            .iter()
            .any(|o| o.id() == "listening-time")
    );

    let web = org.product("web-player").expect("web-player");
    assert_eq!(
        ids(web.owners().iter().map(|t| t.id())),
        ["playback", "discovery"]
    );
    assert!(web.outcomes().iter().any(|o| o.id() == "listening-time"));
    let listening_time = org.outcome("listening-time").expect("outcome");
    assert!(
        listening_time
            .products()
            .iter()
            .any(|p| p.id() == "web-player")
    );
    assert!(listening_time.teams().iter().any(|t| t.id() == "playback"));

    let listening = org.team("listening").expect("unit");
    let under = listening.teams_under();
    assert!(under.iter().any(|t| t.id() == "playback"));
    assert!(
        listening
            .children()
            .iter()
            .all(|t| t.parent() == Some(listening))
    );
}

#[test]
fn decisions_are_found_by_the_id_findings_print() {
    let org = streaming();
    let budget = org
        .decision("budget-allocation@organization")
        .expect("decision");
    assert_eq!(budget.id(), "budget-allocation@organization");
    assert_eq!(
        ids(budget.deciders().iter().map(|t| t.id())),
        ["listening", "finance"]
    );
    assert_eq!(
        org.graph().node("budget-allocation@organization"),
        Some(budget.node())
    );
    // Every decision id a report prints can be looked up.
    for d in &org.check().diagnostics {
        if d.entity.kind == EntityKind::Decision {
            assert!(org.decision(&d.entity.id).is_some(), "{}", d.entity.id);
        }
    }
    assert!(org.decision("budget-allocation@nowhere").is_none());
    assert!(org.decision("no-at-sign").is_none());
}

#[test]
fn the_governing_decision_follows_the_nearest_scope() {
    let model = Model::builder()
        .team(Team::new("music").kind(TeamKind::Unit))
        .team(Team::new("playback").parent("music").owns("web-player"))
        .product(Product::new("web-player"))
        .product(
            Product::new("lyrics")
                .part_of("web-player")
                .owner("playback"),
        )
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "web-player").decides("playback"))
        .decision(DecisionRight::new(DecisionArea::BudgetAllocation, "music").decides("music"))
        .build();
    let org = Org::from_model(model);
    let lyrics = org.product("lyrics").expect("lyrics");
    assert_eq!(lyrics.parent().map(|p| p.id()), Some("web-player"));
    assert_eq!(
        lyrics.governing("feature-set").map(|d| d.id()),
        Some("feature-set@web-player".to_owned())
    );
    assert_eq!(
        ids(lyrics.deciders("budget-allocation").iter().map(|t| t.id())),
        ["music"]
    );
    assert!(lyrics.governing("pricing").is_none());
    // Two entries at the nearest scope: every decider, not the first only.
    let split = Org::from_model(
        Model::builder()
            .team(Team::new("a").owns("p"))
            .team(Team::new("b"))
            .product(Product::new("p"))
            .decision(
                DecisionRight::new(DecisionArea::BudgetAllocation, "organization").decides("a"),
            )
            .decision(
                DecisionRight::new(DecisionArea::BudgetAllocation, "organization").decides("b"),
            )
            .build(),
    );
    let p = split.product("p").expect("p");
    assert_eq!(
        ids(p.deciders("budget-allocation").iter().map(|t| t.id())),
        ["a", "b"]
    );
    assert!(p.deciders("budget").is_empty());
    let playback = org.team("playback").expect("team");
    let areas: Vec<String> = playback
        .decides()
        .iter()
        .map(|d| d.area().to_string())
        .collect();
    assert_eq!(areas, ["feature-set"]);
}

#[test]
fn an_org_lives_in_an_arc_and_is_checked_without_rebuilding() {
    let org = Arc::new(streaming());
    let other = Arc::clone(&org);
    let from_thread = std::thread::spawn(move || other.check().summary)
        .join()
        .expect("the thread ends");
    assert_eq!(from_thread, org.check().summary);
    // The same findings as loading and linting separately (the config of
    // the folder included).
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/streaming");
    let loaded = opmodel::load::load_paths(&[&folder], &Default::default()).expect("loads");
    let linter = Linter::discover(&[&folder], &Default::default()).expect("config");
    let separate = linter.check(&loaded);
    assert_eq!(
        opmodel::report::json::to_string(&separate),
        opmodel::report::json::to_string(&org.check())
    );
}

#[test]
fn views_are_acyclic_where_their_docs_say() {
    let org = streaming();
    let g = org.graph();
    assert!(
        petgraph::algo::toposort(g.graph(), None).is_err(),
        "the whole graph has loops"
    );
    assert!(petgraph::algo::toposort(&g.hierarchy_view(), None).is_ok());
    assert!(petgraph::algo::toposort(&g.ownership_view(), None).is_ok());
    assert!(petgraph::algo::toposort(&g.alignment_view(), None).is_ok());
    // A loop in `parent` shows in the hierarchy view.
    let looped = Org::from_model(
        Model::builder()
            .team(Team::new("a").parent("b"))
            .team(Team::new("b").parent("a"))
            .build(),
    );
    assert!(petgraph::algo::toposort(&looped.graph().hierarchy_view(), None).is_err());
}

#[test]
fn a_model_built_in_code_meets_the_loaders_rules() {
    let model = Model::builder()
        .team(Team::new("Bad Team!"))
        .team(Team::new(""))
        .objective(Objective::new("q3", "Listeners stay").key_result(" "))
        .build();
    let report = Linter::new().check_model(&model);
    let invalid: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        invalid,
        [
            "a team has no `id`",
            "`Bad Team!` is not a valid id",
            "key-result `q3#1` has no text"
        ]
    );
    assert!(report.has_errors());
    // The same through an Org.
    assert_eq!(Org::from_model(model).load_findings().len(), 3);
}

/// A check that (wrongly) pushes its findings under a built-in's name.
struct Impostor;

static IMPOSTOR: CheckMeta = CheckMeta {
    name: "impostor",
    category: Category::Custom,
    default_level: Level::Warn,
    summary: "pushes under another check's name",
    docs: "### What it finds\nNothing real.",
    params: &[],
};

impl Check for Impostor {
    fn meta(&self) -> &CheckMeta {
        &IMPOSTOR
    }
    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for t in cx.graph().teams() {
            out.push(Diagnostic::new(
                "orphaned-product",
                t.entity_ref(),
                "made up",
            ));
        }
    }
}

#[test]
fn findings_carry_the_name_and_level_of_the_check_that_made_them() {
    let model = Model::builder().team(Team::new("playback")).build();
    let report = Linter::new()
        .with_check(Impostor)
        .expect("registers")
        .check_model(&model);
    let made_up: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.message == "made up")
        .collect();
    assert_eq!(made_up.len(), 1);
    assert_eq!(made_up[0].check, "impostor");
    assert_eq!(made_up[0].severity, Severity::Warning);
}

#[test]
fn a_linter_of_ones_own_keeps_the_orgs_config_under_its_own() {
    // The streaming org's `opmodel.toml` turns `incomplete-product-trio`
    // (allowed by default) to warn.
    let org = streaming();
    let trio = |report: &opmodel::Report| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.check == "incomplete-product-trio")
            .count()
    };
    let own = org.check();
    assert!(trio(&own) > 0, "the org's config turns the check on");
    // A linter with a check of its own still reads the org's file ...
    let linter = Linter::new().with_check(Impostor).expect("registers");
    let report = linter.check_org(&org);
    assert_eq!(trio(&report), trio(&own));
    assert!(report.diagnostics.iter().any(|d| d.check == "impostor"));
    // ... and what the linter sets itself wins.
    let mut quiet = Config::new();
    quiet.set_level("incomplete-product-trio", opmodel::config::Level::Allow);
    let report = Linter::new()
        .with_config(quiet)
        .expect("valid")
        .check_org(&org);
    assert_eq!(trio(&report), 0);
}

#[test]
fn registering_a_name_twice_is_its_own_error() {
    let err = Linter::new()
        .with_check(Impostor)
        .and_then(|l| l.with_check(Impostor))
        .expect_err("refused");
    assert!(
        matches!(&err, ConfigError::DuplicateCheck { name } if name == "impostor"),
        "{err:?}"
    );
    assert!(!err.to_string().contains(":0:0"), "{err}");
}

opmodel::declare_check! {
    /// ### What it finds
    /// Units with fewer than `min_teams` teams.
    pub struct ThinUnit;
    name: "thin-unit",
    category: Custom,
    level: Warn,
    summary: "a unit with too few teams",
    params: [Param::int("min_teams", 2, "fewest teams a unit holds"), Param::list("exempt", &[], "units not judged")],
}

#[derive(serde::Deserialize)]
struct ThinUnitParams {
    min_teams: usize,
    exempt: Vec<String>,
}

impl Check for ThinUnit {
    fn meta(&self) -> &CheckMeta {
        &META
    }
    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let Ok(params) = cx.params::<ThinUnitParams>() else {
            return;
        };
        for unit in cx.graph().teams() {
            if unit.data().kind == TeamKind::Unit
                && !params.exempt.iter().any(|e| e == unit.id())
                && unit.children().len() < params.min_teams
            {
                out.push(
                    Diagnostic::new(
                        Self::NAME,
                        EntityRef::new(EntityKind::Team, unit.id()),
                        "thin",
                    )
                    .at(unit.location()),
                );
            }
        }
    }
}

#[test]
fn outside_checks_get_typed_parameters_from_the_config() {
    let model = Model::builder()
        .team(Team::new("music").kind(TeamKind::Unit))
        .team(Team::new("playback").parent("music"))
        .team(Team::new("search").parent("music"))
        .team(Team::new("ops").kind(TeamKind::Unit))
        .build();
    let thin = |config: Config| -> Vec<String> {
        Linter::new()
            .with_check(ThinUnit)
            .and_then(|l| l.with_config(config))
            .expect("configured")
            .check_model(&model)
            .diagnostics
            .iter()
            .filter(|d| d.check == "thin-unit")
            .map(|d| d.entity.id.to_string())
            .collect()
    };
    assert_eq!(thin(Config::new()), ["ops"]);
    let mut three = Config::new();
    three.set_param("thin-unit", "min_teams", 3_i64);
    assert_eq!(thin(three), ["music", "ops"]);
    let mut exempt = Config::new();
    exempt.set_param("thin-unit", "exempt", vec!["ops".to_owned()]);
    assert!(thin(exempt).is_empty());
    // An unknown key is the config's error, as for a built-in check.
    let mut typo = Config::new();
    typo.set_param("thin-unit", "min_team", 3_i64);
    assert!(
        Linter::new()
            .with_check(ThinUnit)
            .and_then(|l| l.with_config(typo))
            .is_err()
    );
}

#[test]
fn reports_and_findings_serialise_and_display() {
    let org = Org::from_model(
        Model::builder()
            .product(Product::new("gift-registry"))
            .build(),
    );
    let report = org.check();
    let value = serde_json::to_value(&report).expect("serialises");
    assert_eq!(
        serde_json::to_string(&value).expect("json"),
        serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(&opmodel::report::json::to_string(&report))
                .expect("json")
        )
        .expect("json")
    );
    assert!(report.to_string().contains("orphaned-product"));
    let first = &report.diagnostics[0];
    let orphaned = report
        .diagnostics
        .iter()
        .find(|d| d.check == "orphaned-product")
        .expect("orphaned");
    assert_eq!(
        orphaned.to_string(),
        format!("error[orphaned-product]: {}", orphaned.message)
    );
    let d = serde_json::to_value(first).expect("serialises");
    assert_eq!(d["check"], first.check.as_ref());
}

#[test]
fn relation_queries_visit_each_node_once_in_a_loop() {
    let model = Model::builder()
        .outcome(Outcome::new("growth", "The business grows"))
        .product(Product::new("a").part_of("b").outcome("growth"))
        .product(Product::new("b").part_of("a"))
        .build();
    let org = Org::from_model(model);
    let growth = org.outcome("growth").expect("outcome");
    assert_eq!(ids(growth.products().iter().map(|p| p.id())), ["a", "b"]);
    let b = org.product("b").expect("b");
    assert_eq!(ids(b.outcomes().iter().map(|o| o.id())), ["growth"]);
    assert!(
        org.team("nobody").is_none() && org.product("growth").is_none(),
        "handles are typed"
    );
    let _ = OrgEdge::Decides;
}

/// The README's "library in ten lines", line for line (its test below
/// checks that the README still says exactly this). The README shows
/// `unwrap()` to stay short; this file follows it.
#[allow(clippy::unwrap_used)]
fn readme_ten_lines() -> Result<(), Box<dyn std::error::Error>> {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR"))?;
    // README START
    let org = Org::load(&["examples/orgs/streaming"])?; // files, folders, and their opmodel.toml
    println!("{}", org.check()); // every built-in check, printed as `opmodel check` does

    let web = org.product("web-player").unwrap(); // handles: an entity with its relations
    let owners: Vec<&str> = web.owners().iter().map(|t| t.id()).collect();
    let budget = web.deciders("budget-allocation"); // the nearest-scope rule, in one call
    let outcomes = org.team("playback").unwrap().outcomes(); // directly and through `part_of`
    let order = opmodel::petgraph::algo::toposort(&org.graph().alignment_view(), None); // petgraph on a view
    let yaml = opmodel::write::to_string(org.model(), opmodel::load::Format::Yaml)?; // loads back the same
    // README END
    assert_eq!(owners, ["playback", "discovery"]);
    assert_eq!(budget.len(), 2);
    assert!(!outcomes.is_empty() && order.is_ok() && !yaml.is_empty());
    Ok(())
}

#[test]
fn the_readme_library_lines_run_and_are_the_readmes() {
    readme_ten_lines().expect("the README's lines run");
    let normalise = |line: &str| -> String {
        let code = line.split(" //").next().unwrap_or(line);
        code.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let readme = include_str!("../README.md");
    let start = readme
        .find("## The library in ten lines")
        .expect("the section");
    let block = &readme[start..];
    let block = &block[block.find("```rust").expect("a rust block") + 7..];
    let block = &block[..block.find("```").expect("its end")];
    let shown: Vec<String> = block
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty() && !l.starts_with("use "))
        .collect();
    let source = include_str!("library.rs");
    let mine = &source[source.find("// README START").expect("start") + 15
        ..source.find("// README END").expect("end")];
    let tested: Vec<String> = mine
        .lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(shown, tested);
}

#[test]
fn people_interactions_and_stages_have_handles_too() {
    let org = streaming();
    let ivo = org.person("ivo").expect("ivo");
    assert!((ivo.total_share() - 1.0).abs() < 1e-9);
    // In model order: the creators tribe's file comes first in the folder.
    assert_eq!(
        ids(ivo.teams().iter().map(|t| t.id())),
        ["artist-tools", "discovery"]
    );
    assert_eq!(ivo.allocations().len(), 2);
    let discovery = org.team("discovery").expect("discovery");
    let collaborates = discovery.interactions(opmodel::model::InteractionMode::Collaboration);
    assert_eq!(ids(collaborates.iter().map(|t| t.id())), ["playback"]);
    assert!(discovery.staffing().is_some());
    // A model made in code meets the rules of the new sections too.
    let bad = Model::builder()
        .team(Team::new("t"))
        .person(
            opmodel::model::Person::new("Ana B")
                .allocation(opmodel::model::Allocation::new("t", 1.5)),
        )
        .build();
    let found: Vec<String> = bad.validate().into_iter().map(|d| d.message).collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().any(|m| m.contains("is not a valid id")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|m| m.contains("outside (0, 1]")),
        "{found:?}"
    );
}
