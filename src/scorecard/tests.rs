use super::*;
use crate::Linter;
use crate::model::{DecisionRight, KeyResult, Model, Objective, Outcome, Product, Team, TeamKind};

fn card(model: &Model, options: &ScorecardOptions) -> Scorecard {
    let report = Linter::new().check_model(model);
    score(&OrgGraph::build(model), &report, options)
}

fn tenet(card: &Scorecard, kind: TenetKind) -> &Tenet {
    card.tenet(kind).expect("every tenet is reported")
}

#[test]
fn shares_round_half_up_and_never_divide_by_zero() {
    assert_eq!(share(0, 0), None);
    assert_eq!(share(0, 3), Some(0));
    assert_eq!(share(1, 3), Some(33));
    assert_eq!(share(2, 3), Some(67));
    assert_eq!(share(1, 8), Some(13));
    assert_eq!(share(7, 7), Some(100));
}

#[test]
fn an_empty_model_is_not_applicable_everywhere() {
    let c = card(&Model::new(), &ScorecardOptions::default());
    assert_eq!(c.overall, None);
    assert_eq!(c.tenets.len(), 5);
    for t in &c.tenets {
        assert_eq!(t.score, None, "{:?}", t.tenet);
        assert_eq!(t.measured, 0);
        assert!(t.summary.starts_with("no "), "{}", t.summary);
    }
    assert_eq!(c.most_loaded_team, None);
    let text = c.to_text();
    assert!(text.contains("Operating-model health: n/a"), "{text}");
    assert!(text.contains("ownership clarity"), "{text}");
    assert!(text.contains("n/a  no products to measure"), "{text}");
    assert!(
        c.to_markdown()
            .contains("| goal style | n/a | no key results to measure |")
    );
    let json = c.to_json();
    assert_eq!(json["overall"], serde_json::Value::Null);
    assert_eq!(json["tenets"][0]["score"], serde_json::Value::Null);
}

#[test]
fn ownership_and_alignment() {
    let model = Model::builder()
        .team(Team::new("a").owns("p1").owns("p2"))
        .team(Team::new("b").owns("p2"))
        .team(Team::new("c").owns("p2"))
        .product(Product::new("p1").outcome("o"))
        .product(Product::new("p2"))
        .product(Product::new("p3"))
        .product(Product::new("p4").owner("a").part_of("p1"))
        .outcome(Outcome::new("o", "Customers are happy"))
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let own = tenet(&c, TenetKind::OwnershipClarity);
    assert_eq!((own.healthy, own.measured, own.score), (2, 4, Some(50)));
    // The orphan first, then the product with most owners.
    assert_eq!(own.offenders[0].id, "p3");
    assert_eq!(own.offenders[0].reason, "no accountable team");
    assert_eq!(own.offenders[1].id, "p2");
    assert_eq!(own.offenders[1].reason, "3 accountable teams: a, b, c");
    assert_eq!(
        own.checks.iter().map(|c| c.check).collect::<Vec<_>>(),
        ["orphaned-product", "unclear-ownership"]
    );
    assert_eq!(own.checks[0].findings, 1);
    assert_eq!(own.checks[1].findings, 1);

    let align = tenet(&c, TenetKind::OutcomeAlignment);
    // p1 serves `o`; p4 through its parent p1.
    assert_eq!(
        (align.healthy, align.measured, align.score),
        (2, 4, Some(50))
    );
    let ids: Vec<&str> = align.offenders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["p2", "p3"]);
}

#[test]
fn goal_style_leaves_out_key_results_without_words() {
    let model = Model::builder()
        .objective(
            Objective::new("q3", "Listeners love it")
                .key_result("Launch the loyalty app by June")
                .key_result("")
                .key_result("  "),
        )
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let goals = tenet(&c, TenetKind::GoalStyle);
    assert_eq!((goals.healthy, goals.measured), (0, 1));
}

#[test]
fn goal_style_honours_declared_kinds() {
    let model = Model::builder()
        .objective(
            Objective::new("q3", "Listeners love it")
                .key_result("Raise week-1 retention from 31% to 38%")
                .key_result("Launch the new onboarding flow")
                .with_key_result(
                    KeyResult::new("", "Ship the player rewrite").kind(KeyResultKind::Outcome),
                )
                .with_key_result(
                    KeyResult::new("", "Cut churn from 5% to 4%").kind(KeyResultKind::Milestone),
                ),
        )
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let goals = tenet(&c, TenetKind::GoalStyle);
    assert_eq!(
        (goals.healthy, goals.measured, goals.score),
        (2, 4, Some(50))
    );
    let ids: Vec<&str> = goals.offenders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["q3#2", "q3#4"]);
    assert!(
        goals.offenders[0].reason.contains("Launch"),
        "{}",
        goals.offenders[0].reason
    );
    assert!(
        goals.offenders[1].reason.contains("declared"),
        "{}",
        goals.offenders[1].reason
    );
}

#[test]
fn decision_clarity_uses_the_nearest_scope() {
    use crate::model::DecisionArea::{BudgetAllocation, FeatureSet, VendorSelection};
    let model = Model::builder()
        .team(Team::new("unit").kind(TeamKind::Unit))
        .team(Team::new("squad").parent("unit").owns("p1").owns("p2"))
        .team(Team::new("finance").kind(TeamKind::Business))
        .product(Product::new("p1"))
        .product(Product::new("p2"))
        .decision(DecisionRight::new(FeatureSet, "unit").decides("unit"))
        .decision(DecisionRight::new(BudgetAllocation, "organization").decides("finance"))
        .decision(DecisionRight::new(VendorSelection, "organization").decides("finance"))
        // Nearer than the organisation for p2, and conflicting.
        .decision(
            DecisionRight::new(VendorSelection, "p2")
                .decides("squad")
                .decides("finance"),
        )
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let d = tenet(&c, TenetKind::DecisionClarity);
    assert_eq!((d.healthy, d.measured, d.score), (1, 2, Some(50)));
    assert_eq!(d.offenders.len(), 1);
    assert_eq!(d.offenders[0].id, "p2");
    assert_eq!(
        d.offenders[0].reason,
        "vendor-selection: squad, finance decide (at `p2`)"
    );

    // Only feature-set asked for: both products are clear.
    let only_features = ScorecardOptions::default().with_decision_areas(vec![FeatureSet]);
    assert_eq!(
        tenet(&card(&model, &only_features), TenetKind::DecisionClarity).score,
        Some(100)
    );
    // No areas: nothing to measure.
    let none = ScorecardOptions::default().with_decision_areas(Vec::new());
    assert_eq!(
        tenet(&card(&model, &none), TenetKind::DecisionClarity).score,
        None
    );

    // Nobody at all decides.
    let bare = Model::builder()
        .team(Team::new("t").owns("p"))
        .product(Product::new("p"))
        .build();
    let d = tenet(
        &card(&bare, &ScorecardOptions::default()),
        TenetKind::DecisionClarity,
    )
    .clone();
    assert_eq!(d.score, Some(0));
    assert_eq!(
        d.offenders[0].reason,
        "feature-set: no decision right; budget-allocation: no decision right; vendor-selection: no decision right"
    );
}

#[test]
fn team_load_counts_internal_parts_with_their_product_as_the_check_does() {
    let mut b = Model::builder().team(Team::new("shop-team").owns("shop"));
    for part in ["cart", "search", "payments", "reviews"] {
        let mut p = Product::new(part);
        p.kind = Some(crate::model::ProductKind::Internal);
        p.part_of = Some(Box::new(crate::model::Ref::new("shop")));
        b = b.product(p);
    }
    let mut model = b.product(Product::new("shop")).build();
    for part in ["cart", "search", "payments", "reviews"] {
        model.teams[0].owns.push(part.to_owned());
    }
    let c = card(&model, &ScorecardOptions::default());
    let load = tenet(&c, TenetKind::TeamLoad);
    assert_eq!((load.healthy, load.measured), (1, 1));
    assert_eq!(c.most_loaded_team.map(|p| p.products), Some(1));
}

#[test]
fn team_load_leaves_out_what_the_checks_accept() {
    use crate::load::{Format, load_str};
    let yaml = "teams:\n  - { id: shop, owns: [web] }\n  - id: coaching\n    kind: enabling\n    interactions: [{ with: shop, mode: facilitating }]\n  - { id: old-team, allow: [idle-team] }\n  - { id: spare }\n  - { id: lone-coach, kind: enabling }\n  - { id: helpers }\n  - { id: money }\nproducts:\n  - { id: web, contributors: [helpers] }\ndecisions:\n  - { area: budget-allocation, scope: organization, decides: money }\n";
    let loaded = load_str(yaml, Format::Yaml, "org.yaml");
    let c = card(&loaded.model, &ScorecardOptions::default());
    let load = tenet(&c, TenetKind::TeamLoad);
    // shop is healthy; spare and an enabling team that facilitates no one
    // are offenders; the facilitating team, the one allowed to be idle and
    // those that contribute or decide without owning are not measured.
    let offenders: Vec<&str> = load.offenders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(offenders, ["lone-coach", "spare"]);
    assert_eq!((load.healthy, load.measured), (1, 3));
}

#[test]
fn team_load_counts_product_teams_only() {
    let mut b = Model::builder()
        .team(Team::new("busy"))
        .team(Team::new("ok").owns("p0"))
        .team(Team::new("idle").kind(TeamKind::Platform))
        .team(Team::new("sales").kind(TeamKind::Business))
        .team(Team::new("tribe").kind(TeamKind::Unit).owns("p5"));
    for i in 0..6 {
        b = b.product(Product::new(format!("p{i}")));
    }
    let mut model = b.build();
    for i in 1..5 {
        model.teams[0].owns.push(format!("p{i}"));
    }
    let c = card(&model, &ScorecardOptions::default());
    let load = tenet(&c, TenetKind::TeamLoad);
    // busy (4 products), ok (1), idle (0): business teams and units are not measured.
    assert_eq!((load.healthy, load.measured, load.score), (1, 3, Some(33)));
    assert_eq!(load.offenders[0].id, "busy");
    assert_eq!(
        load.offenders[0].reason,
        "accountable for 4 products (at most 3)"
    );
    assert_eq!(load.offenders[1].id, "idle");
    assert_eq!(
        c.most_loaded_team,
        Some(LoadPeak {
            team: "busy".into(),
            products: 4
        })
    );

    let roomy = ScorecardOptions::default().with_max_products(4);
    assert_eq!(
        tenet(&card(&model, &roomy), TenetKind::TeamLoad).score,
        Some(67)
    );
}

#[test]
fn offenders_are_capped_and_ordered() {
    let mut b = Model::builder();
    for id in ["p9", "p3", "p7", "p1", "p5", "p2", "p8"] {
        b = b.product(Product::new(id));
    }
    let c = card(&b.build(), &ScorecardOptions::default());
    let own = tenet(&c, TenetKind::OwnershipClarity);
    assert_eq!(own.offender_count, 7);
    let ids: Vec<&str> = own.offenders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2", "p3", "p5", "p7"]);
    assert!(c.to_text().contains("… and 2 more"));
    assert!(c.to_markdown().contains("… and 2 more"));
}

#[test]
fn options_come_from_the_config() {
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_products", 5_i64);
    config.set_param(
        "missing-decision-right",
        "areas",
        &["feature-set", "pricing"][..],
    );
    let o = ScorecardOptions::from_config(&config);
    assert_eq!(o.max_products, 5);
    assert_eq!(
        o.decision_areas,
        [DecisionArea::FeatureSet, DecisionArea::Pricing]
    );
    assert_eq!(
        ScorecardOptions::from_config(&Config::new()),
        ScorecardOptions::default()
    );
}

#[test]
fn overall_is_the_mean_of_measured_tenets() {
    let model = Model::builder()
        .team(Team::new("t").owns("p"))
        .product(Product::new("p").outcome("o"))
        .outcome(Outcome::new("o", "Customers are happy"))
        .build();
    let c = card(&model, &ScorecardOptions::default());
    // ownership 100, alignment 100, goal style n/a, decisions 0, load 100.
    assert_eq!(tenet(&c, TenetKind::GoalStyle).score, None);
    assert_eq!(c.overall, Some(75));
    let json = c.to_json();
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "integrity",
            "most_loaded_team",
            "most_loaded_teams",
            "organization",
            "overall",
            "tenets",
            "weighting"
        ]
    );
    assert_eq!(
        json["weighting"],
        "the mean of the 4 measured tenet scores, each weighted equally, rounded (goal style left out: nothing to measure)"
    );
    assert!(c.to_text().contains("overall               75  the mean of the 4 measured tenet scores, each weighted equally"), "{}", c.to_text());
    assert_eq!(json["tenets"][0]["tenet"], "ownership-clarity");
    assert_eq!(json["tenets"][4]["checks"][0]["check"], "overloaded-team");
}

/// Trimming the offenders as they come keeps the same worst few, and the
/// same count, as sorting them all at the end.
#[test]
fn offenders_trimmed_on_the_way_are_the_worst_of_all() {
    let mut m = Measure::new(20_000);
    let mut all = Vec::new();
    for i in 0..20_000usize {
        // Ranks and ids in a scrambled order, with ties on the rank.
        let rank = (i * 7_919) % 13;
        let id = format!("p{}", (i * 104_729) % 20_000);
        all.push((rank, id.clone()));
        m.push(rank, offender(EntityKind::Product, &id, "r".to_owned()));
    }
    all.sort_by(|(ra, a), (rb, b)| rb.cmp(ra).then_with(|| a.cmp(b)));
    let tenet = m.into_tenet(TenetKind::OwnershipClarity, Vec::new());
    assert_eq!(tenet.offender_count, 20_000);
    let kept: Vec<&str> = tenet.offenders.iter().map(|o| o.id.as_str()).collect();
    let expected: Vec<&str> = all
        .iter()
        .take(MAX_OFFENDERS)
        .map(|(_, id)| id.as_str())
        .collect();
    assert_eq!(kept, expected);
}

#[test]
fn people_and_cadence_are_reported_when_the_model_has_them() {
    use crate::model::{Allocation, Cadence, CadenceKind, Covers, Every, Person};
    let plain = Model::builder()
        .team(Team::new("a").owns("p"))
        .product(Product::new("p"))
        .build();
    let c = card(&plain, &ScorecardOptions::default());
    assert_eq!(c.people_and_cadence, None);
    assert!(!c.to_text().contains("people and cadence"));
    assert!(c.to_json().get("people_and_cadence").is_none());

    let model = Model::builder()
        .team(Team::new("a").owns("p"))
        .team(Team::new("b"))
        .team(Team::new("c"))
        .product(Product::new("p"))
        .person(
            Person::new("ana")
                .allocation(Allocation::new("a", 0.8))
                .allocation(Allocation::new("b", 0.4)),
        )
        .person(
            Person::new("bo")
                .allocation(Allocation::new("a", 0.3))
                .allocation(Allocation::new("b", 0.3))
                .allocation(Allocation::new("c", 0.3)),
        )
        .objective(
            Objective::new("o", "Listeners stay")
                .with_key_result(KeyResult::new("o#1", "Raise retention from 3% to 4%")),
        )
        .cadence(
            Cadence::new("qbr", CadenceKind::Review, Every::Months(3)).covers(Covers::Objectives),
        )
        .cadence(
            Cadence::new("funding", CadenceKind::Planning, Every::Months(6))
                .covers(Covers::parse("budget-allocation")),
        )
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let p = c.people_and_cadence.as_ref().expect("a section");
    assert_eq!(p.people, 2);
    let ids = |f: &[Figure]| f.iter().map(|f| f.id.to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&p.over_allocated), ["ana"]);
    assert!((p.over_allocated[0].value - 1.2).abs() < 1e-9);
    assert_eq!(ids(&p.fragmented), ["bo"]);
    assert_eq!(p.teams_staffed, 3);
    assert_eq!(ids(&p.team_size), ["a", "b", "c"]);
    assert_eq!(p.objective_reviews, ["qbr (every quarter)"]);
    assert_eq!(p.planning, ["funding (budget-allocation)"]);
    let text = c.to_text();
    assert!(text.contains("\npeople and cadence\n"), "{text}");
    assert!(
        text.contains("over-allocated: `ana` (1.2 of their time)"),
        "{text}"
    );
    assert!(
        text.contains("goals under review: 1 objective, reviewed by qbr (every quarter)"),
        "{text}"
    );
    assert!(text.contains("`a` (1.1 people)"), "{text}");
    let markdown = c.to_markdown();
    assert!(markdown.contains("### People and cadence"), "{markdown}");
    assert!(c.to_json().get("people_and_cadence").is_some());
}

#[test]
fn key_result_offenders_carry_their_text() {
    let model = Model::builder()
        .objective(
            Objective::new("q1", "Parcels arrive when promised")
                .period("2026-Q1")
                .key_result("Roll out the new depot scanner app to all hubs"),
        )
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let goals = tenet(&c, TenetKind::GoalStyle);
    assert_eq!(
        goals.offenders[0].text.as_deref(),
        Some("Roll out the new depot scanner app to all hubs")
    );
    let text = c.to_text();
    assert!(
        text.contains(
            "key-result `q1#1` \"Roll out the new depot scanner app to all hubs\": milestone-style"
        ),
        "{text}"
    );
    assert!(
        c.to_markdown()
            .contains("\"Roll out the new depot scanner app to all hubs\"")
    );
    assert_eq!(
        c.to_json()["tenets"][2]["offenders"][0]["text"],
        "Roll out the new depot scanner app to all hubs"
    );
    // Other offenders have no text in the JSON.
    let model = Model::builder().product(Product::new("p")).build();
    let json = card(&model, &ScorecardOptions::default()).to_json();
    assert!(json["tenets"][0]["offenders"][0].get("text").is_none());
}

#[test]
fn ties_are_shown_as_ties() {
    let model = Model::builder()
        // p1: 3 owners, p2 and p3: 2 owners each, p4 and p5: none.
        .team(Team::new("a").owns("p1").owns("p2").owns("p3"))
        .team(Team::new("b").owns("p1").owns("p2").owns("p3"))
        .team(Team::new("c").owns("p1"))
        .product(Product::new("p1"))
        .product(Product::new("p2"))
        .product(Product::new("p3"))
        .product(Product::new("p4"))
        .product(Product::new("p5"))
        .build();
    let c = card(&model, &ScorecardOptions::default());
    let own = tenet(&c, TenetKind::OwnershipClarity);
    let ranks: Vec<(&str, usize, bool)> = own
        .offenders
        .iter()
        .map(|o| (o.id.as_str(), o.rank, o.tied))
        .collect();
    assert_eq!(
        ranks,
        [
            ("p4", 1, true),
            ("p5", 1, true),
            ("p1", 3, false),
            ("p2", 4, true),
            ("p3", 4, true)
        ]
    );
    let text = c.to_text();
    assert!(text.contains("  1=  product `p4`"), "{text}");
    assert!(text.contains("  3.  product `p1`"), "{text}");
    assert!(text.contains("rank with `=` is shared"), "{text}");
    // Teams `a` and `b` are both accountable for 3 products: both are named.
    assert_eq!(
        c.most_loaded_teams
            .iter()
            .map(|p| (p.team.as_str(), p.products))
            .collect::<Vec<_>>(),
        [("a", 3), ("b", 3)]
    );
    assert!(
        text.contains("most loaded teams, tied: `a`, `b` (3 products each)"),
        "{text}"
    );
    assert!(
        c.to_markdown()
            .contains("Most loaded teams, tied: `a`, `b` (3 products each).")
    );
}

#[test]
fn a_tie_cut_by_the_list_is_said() {
    let mut b = Model::builder();
    for id in ["p9", "p3", "p7", "p1", "p5", "p2", "p8"] {
        b = b.product(Product::new(id));
    }
    let model = b.build();
    // Every offender listed (the JSON of `opmodel report`): none left out.
    let all = card(
        &model,
        &ScorecardOptions::default().with_all_offenders(true),
    );
    let own = tenet(&all, TenetKind::OwnershipClarity);
    assert_eq!((own.offenders.len(), own.tied_beyond_listed), (7, 0));
    let c = card(&model, &ScorecardOptions::default());
    let own = tenet(&c, TenetKind::OwnershipClarity);
    assert_eq!(own.tied_beyond_listed, 2);
    assert!(own.offenders.iter().all(|o| o.rank == 1 && o.tied));
    assert!(
        c.to_text()
            .contains("… and 2 more, tied with the last shown")
    );
}

#[test]
fn every_offender_on_request() {
    let mut b = Model::builder();
    for i in 0..5000 {
        b = b.product(Product::new(format!("p{i:04}")));
    }
    let model = b.build();
    let c = card(
        &model,
        &ScorecardOptions::default().with_all_offenders(true),
    );
    let own = tenet(&c, TenetKind::OwnershipClarity);
    assert_eq!(own.offender_count, 5000);
    assert_eq!(own.offenders.len(), 5000);
    assert_eq!(own.offenders[4999].id, "p4999");
    // The text still lists the worst few.
    let text = c.to_text();
    assert!(text.contains("… and 4995 more"), "{text}");
    assert!(!text.contains("p0005"), "{text}");
    // And by default only the worst few are kept.
    let c = card(&model, &ScorecardOptions::default());
    assert_eq!(
        tenet(&c, TenetKind::OwnershipClarity).offenders.len(),
        MAX_OFFENDERS
    );
}

#[test]
fn integrity_findings_are_counted_apart() {
    let model = Model::builder()
        .team(Team::new("a").owns("p").parent("nowhere"))
        .team(Team::new("a"))
        .product(Product::new("p"))
        .build();
    let c = card(&model, &ScorecardOptions::default());
    assert_eq!(c.integrity.errors, 2, "{:?}", c.integrity);
    let checks: Vec<(&str, usize)> = c
        .integrity
        .checks
        .iter()
        .map(|k| (k.check, k.findings))
        .collect();
    assert_eq!(checks, [("duplicate-id", 1), ("unknown-reference", 1)]);
    let text = c.to_text();
    assert!(
        text.contains("integrity: 2 errors and 0 warnings (duplicate-id: 1, unknown-reference: 1)"),
        "{text}"
    );
    let healthy = card(
        &Model::builder()
            .team(Team::new("a").owns("p"))
            .product(Product::new("p"))
            .build(),
        &ScorecardOptions::default(),
    );
    assert_eq!(healthy.integrity, Integrity::default());
    assert!(
        healthy
            .to_text()
            .contains("integrity: no problems in the input")
    );
}

#[test]
fn the_integrity_checks_are_the_registrys() {
    let mut registry: Vec<&str> = Linter::new()
        .metas()
        .iter()
        .filter(|m| m.category == crate::check::Category::Integrity)
        .map(|m| m.name)
        .collect();
    registry.sort_unstable();
    assert_eq!(registry, INTEGRITY_CHECKS);
}

/// Two tribes, a nested chapter, objectives of two quarters.
fn tribes() -> Model {
    Model::builder()
        .team(Team::new("road").kind(TeamKind::Unit))
        .team(Team::new("linehaul").kind(TeamKind::Unit).parent("road"))
        .team(
            Team::new("routing")
                .parent("linehaul")
                .owns("route-planner"),
        )
        .team(
            Team::new("depots")
                .parent("road")
                .owns("yard-app")
                .owns("dock-board"),
        )
        .team(Team::new("air").kind(TeamKind::Unit))
        .team(Team::new("cargo").parent("air").owns("airway-bills"))
        .team(Team::new("idle").parent("air"))
        .product(Product::new("route-planner"))
        .product(Product::new("yard-app"))
        .product(Product::new("dock-board"))
        .product(Product::new("airway-bills"))
        .product(Product::new("orphan"))
        .objective(
            Objective::new("routing-q1", "Trucks run full")
                .owner("routing")
                .period("2026-Q1")
                .key_result("Launch the new planner by March"),
        )
        .objective(
            Objective::new("routing-q2", "Trucks run full")
                .owner("routing")
                .period("2026-Q2")
                .key_result("Raise average truck fill from 71% to 80%"),
        )
        .objective(
            Objective::new("cargo-q1", "Air cargo clears customs fast")
                .owner("cargo")
                .period("2026-Q1")
                .key_result("Cut median customs clearance from 9 hours to 4 hours"),
        )
        .build()
}

#[test]
fn a_unit_is_scored_on_its_own_teams_products_and_key_results() {
    let model = tribes();
    let graph = OrgGraph::build(&model);
    assert_eq!(units(&graph), ["road", "linehaul", "air"]);
    let report = Linter::new().check_model(&model);
    let road = score(
        &graph,
        &report,
        &ScorecardOptions::default().with_unit("road"),
    );
    assert_eq!(road.unit.as_deref(), Some("road"));
    // Its products (through the nested linehaul unit too), not the orphan.
    assert_eq!(tenet(&road, TenetKind::OwnershipClarity).measured, 3);
    assert_eq!(tenet(&road, TenetKind::OwnershipClarity).score, Some(100));
    assert_eq!(tenet(&road, TenetKind::GoalStyle).measured, 2);
    assert_eq!(tenet(&road, TenetKind::TeamLoad).measured, 2);
    assert!(
        road.to_text()
            .starts_with("Operating-model health, unit `road`: ")
    );
    assert!(road.to_text().contains("(checks, whole org: "));

    let air = score(
        &graph,
        &report,
        &ScorecardOptions::default().with_unit("air"),
    );
    assert_eq!(tenet(&air, TenetKind::OwnershipClarity).measured, 1);
    assert_eq!(tenet(&air, TenetKind::TeamLoad).measured, 2);
    assert_eq!(tenet(&air, TenetKind::TeamLoad).offenders[0].id, "idle");
    assert_eq!(tenet(&air, TenetKind::GoalStyle).score, Some(100));

    let whole = score(&graph, &report, &ScorecardOptions::default());
    assert_eq!(tenet(&whole, TenetKind::OwnershipClarity).measured, 5);
}

#[test]
fn a_period_slices_the_key_results_only() {
    let model = tribes();
    assert_eq!(periods(&model), ["2026-Q1", "2026-Q2"]);
    let q1 = card(&model, &ScorecardOptions::default().with_period("2026-q1"));
    let goals = tenet(&q1, TenetKind::GoalStyle);
    assert_eq!((goals.healthy, goals.measured), (1, 2));
    assert_eq!(
        goals.summary,
        "1 of 2 key results of 2026-q1 are outcome-style"
    );
    assert_eq!(goals.offenders[0].id, "routing-q1#1");
    // Products and teams have no period.
    assert_eq!(tenet(&q1, TenetKind::OwnershipClarity).measured, 5);
    assert!(q1.to_text().contains(", key results of 2026-q1: "));
    let q2 = card(
        &model,
        &ScorecardOptions::default()
            .with_period("2026-Q2")
            .with_unit("air"),
    );
    assert_eq!(tenet(&q2, TenetKind::GoalStyle).score, None);
}

#[test]
fn scoring_all_units_at_once_is_scoring_each() {
    let model = tribes();
    let graph = OrgGraph::build(&model);
    let report = Linter::new().check_model(&model);
    for options in [
        ScorecardOptions::default(),
        ScorecardOptions::default().with_period("2026-q1"),
        ScorecardOptions::default().with_all_offenders(true),
    ] {
        let all = score_units(&graph, &report, &options);
        let units = units(&graph);
        assert_eq!(all.len(), units.len());
        for (card, unit) in all.iter().zip(&units) {
            let one = score(&graph, &report, &options.clone().with_unit(unit.as_str()));
            assert_eq!(card, &one, "{unit}");
        }
    }
    // And on an org with findings of every kind.
    let model = Model::builder()
        .team(Team::new("u").kind(TeamKind::Unit))
        .team(Team::new("v").kind(TeamKind::Unit).parent("u"))
        .team(
            Team::new("a")
                .parent("v")
                .owns("p1")
                .owns("p2")
                .owns("p3")
                .owns("p4"),
        )
        .team(Team::new("b").parent("u").owns("p1"))
        .team(Team::new("c").parent("v"))
        .product(Product::new("p1"))
        .product(Product::new("p2").outcome("o"))
        .product(Product::new("p3"))
        .product(Product::new("p4"))
        .outcome(Outcome::new("o", "Parcels arrive when promised"))
        .objective(
            Objective::new("k", "Ship the new portal")
                .owner("c")
                .key_result("Launch the portal by May"),
        )
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "u").decides("u"))
        .build();
    let graph = OrgGraph::build(&model);
    let report = Linter::new().check_model(&model);
    let all = score_units(&graph, &report, &ScorecardOptions::default());
    assert_eq!(all.len(), 2);
    for card in &all {
        let unit = card.unit.as_deref().expect("a unit");
        let one = score(
            &graph,
            &report,
            &ScorecardOptions::default().with_unit(unit),
        );
        assert_eq!(card, &one, "{unit}");
    }
    let v = &all[1];
    assert_eq!(v.unit.as_deref(), Some("v"));
    assert_eq!(tenet(v, TenetKind::OwnershipClarity).measured, 4);
    assert_eq!(tenet(v, TenetKind::GoalStyle).measured, 1);
    assert_eq!(v.most_loaded_teams[0].team, "a");
}

/// Whether the team at `t` is in `unit`, found the slow way, by ids: a
/// team with the unit's id, or one whose walk up its `parent` ids (each
/// naming the first team with it, `organization` the organisation) meets
/// the unit before it repeats itself.
fn naive_in_unit(model: &Model, t: usize, unit: &str) -> bool {
    let teams = &model.teams;
    if teams[t].id == unit {
        return true;
    }
    let first = |id: &str| teams.iter().position(|x| x.id == id);
    let anchor = first(unit);
    let mut seen = vec![false; teams.len()];
    seen[t] = true;
    let mut at = t;
    loop {
        let Some(parent) = &teams[at].parent else {
            return false;
        };
        if parent.id == crate::model::ORGANIZATION {
            return unit == crate::model::ORGANIZATION;
        }
        let Some(next) = first(&parent.id) else {
            return false;
        };
        if Some(next) == anchor {
            return true;
        }
        if seen[next] {
            return false;
        }
        seen[next] = true;
        at = next;
    }
}

/// A unit's figures found the slow way: per tenet, how many things it
/// measures and the ids of its offenders (from the whole org's card, every
/// offender listed); and the ids of its most loaded teams.
fn naive_unit(
    model: &Model,
    graph: &OrgGraph<'_>,
    whole: &Scorecard,
    unit: &str,
) -> (Vec<(usize, Vec<String>)>, Vec<String>) {
    let period = whole.period.as_deref();
    let member = |t: TeamIx| naive_in_unit(model, t.index(), unit);
    let offenders = |kind: TenetKind| -> Vec<&str> {
        tenet(whole, kind)
            .offenders
            .iter()
            .map(|o| o.id.as_str())
            .collect()
    };
    let of_kind = |kind: TenetKind, ids: Vec<&str>| -> (usize, Vec<String>) {
        let bad = offenders(kind);
        let mut found: Vec<String> = ids
            .iter()
            .filter(|id| bad.contains(id))
            .map(|id| (*id).to_owned())
            .collect();
        found.sort();
        (ids.len(), found)
    };
    let products: Vec<&str> = graph
        .product_ixs()
        .filter(|&p| graph.owner_teams(p).into_iter().any(member))
        .map(|p| graph.product(p).id.as_str())
        .collect();
    let key_results: Vec<&str> = model
        .key_results()
        .filter(|(o, _)| {
            period.is_none_or(|p| {
                o.period
                    .as_deref()
                    .is_some_and(|q| q.eq_ignore_ascii_case(p))
            })
        })
        .filter(|(o, _)| {
            o.owner
                .as_ref()
                .and_then(|r| graph.team_ix(&r.id))
                .is_some_and(member)
        })
        .map(|(_, kr)| kr.id.as_str())
        .collect();
    let teams: Vec<&str> = graph
        .team_ixs()
        .filter(|&t| graph.team(t).kind.builds_products() && member(t))
        .map(|t| graph.team(t).id.as_str())
        .collect();
    let tenets = vec![
        of_kind(TenetKind::OwnershipClarity, products.clone()),
        of_kind(TenetKind::OutcomeAlignment, products.clone()),
        of_kind(TenetKind::GoalStyle, key_results),
        of_kind(TenetKind::DecisionClarity, products),
        of_kind(TenetKind::TeamLoad, teams),
    ];
    let loads: Vec<(usize, &str)> = graph
        .team_ixs()
        .filter(|&t| member(t))
        .map(|t| (graph.products_of(t).len(), graph.team(t).id.as_str()))
        .filter(|&(n, _)| n > 0)
        .collect();
    let most = loads.iter().map(|&(n, _)| n).max().unwrap_or(0);
    let mut peak: Vec<String> = loads
        .iter()
        .filter(|&&(n, _)| n == most)
        .map(|&(_, id)| id.to_owned())
        .collect();
    peak.sort();
    peak.dedup();
    (tenets, peak)
}

/// Units in two branches under one, a product claimed from both, a unit
/// defined twice under two parents, a loop of units, and a team using the
/// reserved id `organization`.
fn tangled() -> Model {
    Model::builder()
        .team(Team::new("u").kind(TeamKind::Unit).parent("organization"))
        .team(Team::new("v").kind(TeamKind::Unit).parent("u"))
        .team(Team::new("w").kind(TeamKind::Unit).parent("u"))
        .team(Team::new("a").parent("v").owns("p1").owns("p2"))
        .team(Team::new("b").parent("w").owns("p1"))
        .team(Team::new("c").parent("v").owns("p1"))
        .team(Team::new("x").kind(TeamKind::Unit).parent("v"))
        .team(Team::new("x").kind(TeamKind::Unit).parent("w").owns("p5"))
        .team(Team::new("f").parent("x").owns("p4").owns("p9"))
        .team(Team::new("l1").kind(TeamKind::Unit).parent("l2"))
        .team(Team::new("l2").kind(TeamKind::Unit).parent("l1"))
        .team(Team::new("d").parent("l1").owns("p3").owns("p6"))
        .team(Team::new("e").parent("d").owns("p6"))
        .team(Team::new("g").owns("p7"))
        .team(Team::new("idle").parent("w"))
        .team(Team::new("organization").kind(TeamKind::Unit))
        .product(Product::new("p1"))
        .product(Product::new("p2").outcome("o"))
        .product(Product::new("p3"))
        .product(Product::new("p4").outcome("o"))
        .product(Product::new("p5"))
        .product(Product::new("p6"))
        .product(Product::new("p7"))
        .product(Product::new("p8"))
        .product(Product::new("p9").owner("b"))
        .outcome(Outcome::new("o", "Parcels arrive when promised"))
        .objective(
            Objective::new("k1", "Ship the planner")
                .owner("f")
                .period("2026-Q1")
                .key_result("Launch the new planner by March"),
        )
        .objective(
            Objective::new("k2", "Trucks run full")
                .owner("x")
                .period("2026-Q1")
                .key_result("Raise average truck fill from 71% to 80%"),
        )
        .objective(
            Objective::new("k3", "Depots are calm")
                .owner("e")
                .period("2026-Q2")
                .key_result("Deliver the depot app by June"),
        )
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "u").decides("u"))
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "v")
                .decides("a")
                .decides("c"),
        )
        .build()
}

#[test]
fn units_of_a_tangled_org_are_what_a_brute_force_finds() {
    let model = tangled();
    let graph = OrgGraph::build(&model);
    let report = Linter::new().check_model(&model);
    let names = units(&graph);
    assert_eq!(
        names,
        ["u", "v", "w", "x", "l1", "l2", "d", "organization"],
        "the units"
    );
    for options in [
        ScorecardOptions::default(),
        ScorecardOptions::default().with_all_offenders(true),
        ScorecardOptions::default().with_period("2026-q1"),
    ] {
        let all = score_units(&graph, &report, &options);
        assert_eq!(all.len(), names.len());
        let whole = score(&graph, &report, &options.clone().with_all_offenders(true));
        for (card, unit) in all.iter().zip(&names) {
            // What `score` finds for the unit alone, exactly.
            let one = score(&graph, &report, &options.clone().with_unit(unit.as_str()));
            assert_eq!(card, &one, "{unit}");
            // What a walk up every team's parents finds.
            let (tenets, peak) = naive_unit(&model, &graph, &whole, unit);
            for (t, (measured, bad)) in card.tenets.iter().zip(tenets) {
                assert_eq!(t.measured, measured, "{unit}: {:?}", t.tenet);
                assert_eq!(t.offender_count, bad.len(), "{unit}: {:?}", t.tenet);
                let mut listed: Vec<String> =
                    t.offenders.iter().map(|o| o.id.to_string()).collect();
                listed.sort();
                assert_eq!(
                    listed.len(),
                    bad.len().min(if options.all_offenders {
                        crate::MAX_LISTED
                    } else {
                        MAX_OFFENDERS
                    })
                );
                assert!(
                    listed.iter().all(|id| bad.contains(id)),
                    "{unit}: {listed:?} of {bad:?}"
                );
            }
            let most: Vec<String> = card
                .most_loaded_teams
                .iter()
                .map(|p| p.team.to_string())
                .collect();
            assert_eq!(most, peak, "{unit}");
            assert_eq!(card.more_most_loaded_teams, 0, "{unit}");
        }
    }
    let all = score_units(&graph, &report, &ScorecardOptions::default());
    let ownership = |u: usize| tenet(&all[u], TenetKind::OwnershipClarity);
    // `p1`, claimed from both branches of `u`, is measured once in it.
    assert_eq!(ownership(0).measured, 5, "p1 p2 p4 p5 p9, none twice");
    // The second `x` (under `w`) is in `x` and `w`, not in `v`; the first
    // `x` and `f` under it are in `v`, not in `w`.
    assert_eq!(ownership(3).measured, 3, "p4 p5 p9");
    assert_eq!(ownership(1).measured, 4, "p1 p2 p4 p9");
    assert_eq!(ownership(2).measured, 3, "p1 p5 p9");
    // Each unit of the loop holds the whole loop and what leads into it.
    assert_eq!(ownership(4).measured, 2, "p3 p6");
    assert_eq!(ownership(5).measured, 2, "p3 p6");
    // `d` holds `p6` once, though `d` and `e` under it both claim it.
    assert_eq!(ownership(6).measured, 2, "p3 p6");
    // `organization` holds what reaches the organisation, not `g`.
    assert_eq!(ownership(7).measured, 5);
}

/// A chain of `n` units, each under the one before and accountable for one
/// product; the deepest owns an objective whose key result is a long
/// milestone.
fn unit_chain(n: usize) -> Model {
    let mut b = Model::builder();
    for i in 0..n {
        let mut t = Team::new(format!("t{i}"))
            .kind(TeamKind::Unit)
            .owns(format!("p{i}"));
        t = if i == 0 {
            t.parent("organization")
        } else {
            t.parent(format!("t{}", i - 1))
        };
        b = b.team(t).product(Product::new(format!("p{i}")));
    }
    let long = format!(
        "Launch the new planner by March {}",
        "and then some ".repeat(30)
    );
    b.objective(
        Objective::new("deep", "Ship it")
            .owner(format!("t{}", n - 1))
            .key_result(long),
    )
    .build()
}

#[test]
fn a_deep_chain_of_units_lists_a_bounded_amount_per_unit() {
    // A unit lists what is under it: each card must stay a fixed size
    // however deep the chain, or the whole grows with its square.
    for n in [2_000, 20_000] {
        let model = unit_chain(n);
        let graph = OrgGraph::build(&model);
        let report = Linter::new().check_model(&model);
        let options = ScorecardOptions::default().with_all_offenders(true);
        let all = score_units(&graph, &report, &options);
        assert_eq!(all.len(), n);
        // Rendering is the slow part of a debug build: every card of the
        // short chain, a sample of the long one.
        let every = n / 2_000;
        for (i, card) in all.iter().enumerate() {
            let under = n - i;
            for t in &card.tenets {
                assert!(
                    t.offenders.len() <= crate::MAX_LISTED,
                    "t{i}: {:?}",
                    t.tenet
                );
                for o in &t.offenders {
                    let chars = o.text.as_deref().map_or(0, |s| s.chars().count());
                    assert!(chars <= 200, "t{i}: {chars} characters");
                }
            }
            let alignment = tenet(card, TenetKind::OutcomeAlignment);
            assert_eq!(
                (alignment.measured, alignment.offender_count),
                (under, under),
                "t{i}"
            );
            assert_eq!(tenet(card, TenetKind::GoalStyle).offender_count, 1, "t{i}");
            // Every team under the unit owns one product: all tied.
            assert!(card.most_loaded_teams.len() <= crate::MAX_LISTED, "t{i}");
            assert_eq!(
                card.most_loaded_teams.len() + card.more_most_loaded_teams,
                under,
                "t{i}"
            );
            if i % every == 0 {
                let text = card.to_text().len();
                let markdown = card.to_markdown().len();
                let json = card.to_json().to_string().len();
                assert!(text < 4_000, "t{i}: {text} bytes of text");
                assert!(markdown < 4_000, "t{i}: {markdown} bytes of Markdown");
                assert!(json < 8_000, "t{i}: {json} bytes of JSON");
            }
        }
        let top = all[0].to_text();
        assert!(
            top.contains(&format!(
                " and {} more (1 product each)",
                n - crate::MAX_LISTED
            )),
            "{top}"
        );
        // A few units scored alone agree, tenet by tenet.
        let all = score_units(&graph, &report, &ScorecardOptions::default());
        for i in [0, n / 2, n - 1] {
            let unit = format!("t{i}");
            let one = score(
                &graph,
                &report,
                &ScorecardOptions::default().with_unit(unit.as_str()),
            );
            let card = &all[i];
            // But for the key result's text, cut in a unit's card.
            let uncut = |tenets: &[Tenet]| -> Vec<Tenet> {
                let mut tenets = tenets.to_vec();
                for o in tenets.iter_mut().flat_map(|t| &mut t.offenders) {
                    o.text = None;
                }
                tenets
            };
            assert_eq!(uncut(&card.tenets), uncut(&one.tenets), "{unit}");
        }
    }
}

#[test]
fn a_reason_names_ten_teams_at_most() {
    let mut b = Model::builder().product(Product::new("p"));
    for i in 0..25 {
        b = b.team(Team::new(format!("t{i:02}")).owns("p"));
    }
    let c = card(&b.build(), &ScorecardOptions::default());
    let o = &tenet(&c, TenetKind::OwnershipClarity).offenders[0];
    assert_eq!(
        o.reason,
        "25 accountable teams: t00, t01, t02, t03, t04, t05, t06, t07, t08, t09 and 15 more"
    );
}

#[test]
fn markdown_holds_no_html_from_the_org() {
    let model = Model::builder()
        .objective(
            Objective::new("q1", "Parcels <b>arrive</b> when promised")
                .period("2026-Q1")
                .key_result("Launch the app by May <!--"),
        )
        .build();
    let markdown = card(&model, &ScorecardOptions::default()).to_markdown();
    assert!(markdown.contains("by May &lt;!--"), "{markdown}");
    assert!(!markdown.contains("<!--"), "{markdown}");
    assert!(!markdown.contains('<'), "{markdown}");
    // The text rendering shows it as written.
    let text = card(&model, &ScorecardOptions::default()).to_text();
    assert!(text.contains("by May <!--"), "{text}");
}

#[test]
fn one_person_is_said_in_the_singular() {
    let model = Model::builder()
        .team(Team::new("solo").owns("p"))
        .product(Product::new("p"))
        .person(
            crate::model::Person::new("ana").allocation(crate::model::Allocation::new("solo", 1.0)),
        )
        .build();
    let text = card(&model, &ScorecardOptions::default()).to_text();
    assert!(text.contains("`solo` (1 person)"), "{text}");
    // Ten people at a tenth each add up to a hair under 1, shown as 1.
    let mut b = Model::builder()
        .team(Team::new("tenths").owns("p"))
        .product(Product::new("p"));
    for i in 0..10 {
        b = b.person(
            crate::model::Person::new(format!("p{i}"))
                .allocation(crate::model::Allocation::new("tenths", 0.1)),
        );
    }
    let text = card(&b.build(), &ScorecardOptions::default()).to_text();
    assert!(text.contains("`tenths` (1 person)"), "{text}");
}

#[test]
fn what_integrity_findings_concern_is_not_measured() {
    // A team defined twice is one team; a product whose owner names no
    // team has an owner nobody knows yet.
    let yaml = "teams:\n  - { id: search, owns: [shipment-search] }\n  - { id: search }\n  - { id: t, owns: [a] }\nproducts:\n  - { id: shipment-search }\n  - { id: a }\n  - { id: b, owner: ghost }\n";
    let loaded = crate::load::load_str(yaml, crate::load::Format::Yaml, "org.yaml");
    let c = card(&loaded.model, &ScorecardOptions::default());
    let ownership = tenet(&c, TenetKind::OwnershipClarity);
    assert_eq!((ownership.healthy, ownership.measured), (2, 2));
    let load = tenet(&c, TenetKind::TeamLoad);
    assert_eq!((load.healthy, load.measured), (2, 2));
}
