//! Each change kind, what is no change, and the matching of findings.

use super::{Change, ChangeKind, Diff, FailOn, Group, Value, changes, diff};
use crate::Linter;
use crate::load::{Format, Loaded, load_files, load_str};
use crate::model::EntityKind;

fn yaml(text: &str) -> Loaded {
    load_str(text, Format::Yaml, "org.yaml")
}

fn compare(old: &str, new: &str) -> Vec<Change> {
    changes(&yaml(old).model, &yaml(new).model)
}

fn one(old: &str, new: &str) -> Change {
    let found = compare(old, new);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().expect("one change")
}

fn list(items: &[&str]) -> Value {
    Value::List(items.iter().map(|s| (*s).to_owned()).collect())
}

fn one_of(v: &str) -> Value {
    Value::One(v.to_owned())
}

fn is(c: &Change, change: ChangeKind, kind: EntityKind, id: &str) {
    assert_eq!(
        (c.change, c.entity.kind, c.entity.id.as_str()),
        (change, kind, id),
        "{c:#?}"
    );
}

#[test]
fn teams_added_removed_renamed_moved_kind_and_members() {
    let c = one(
        "teams:\n  - id: a\n",
        "teams:\n  - id: a\n  - { id: b, name: Bee }\n",
    );
    is(&c, ChangeKind::Added, EntityKind::Team, "b");
    assert_eq!((c.before, c.after), (Value::None, one_of("Bee")));

    let c = one("teams:\n  - id: a\n  - id: b\n", "teams:\n  - id: a\n");
    is(&c, ChangeKind::Removed, EntityKind::Team, "b");
    assert_eq!((c.before, c.after), (Value::None, Value::None));

    let c = one(
        "teams:\n  - { id: a, name: Old }\n",
        "teams:\n  - { id: a, name: New }\n",
    );
    is(&c, ChangeKind::Renamed, EntityKind::Team, "a");
    assert_eq!((c.before, c.after), (one_of("Old"), one_of("New")));

    let c = one(
        "teams:\n  - { id: u, kind: unit }\n  - { id: a }\n",
        "teams:\n  - { id: u, kind: unit }\n  - { id: a, parent: u }\n",
    );
    is(&c, ChangeKind::Moved, EntityKind::Team, "a");
    assert_eq!((c.before, c.after), (one_of("organization"), one_of("u")));

    let c = one(
        "teams:\n  - { id: a }\n",
        "teams:\n  - { id: a, kind: platform }\n",
    );
    is(&c, ChangeKind::KindChanged, EntityKind::Team, "a");
    assert_eq!(
        (c.before, c.after),
        (one_of("stream-aligned"), one_of("platform"))
    );

    let c = one(
        "teams:\n  - { id: a, members: [{ name: Ana, role: designer }] }\n",
        "teams:\n  - { id: a, members: [{ name: Bo }, { name: Ana, role: designer }] }\n",
    );
    is(&c, ChangeKind::MembersChanged, EntityKind::Team, "a");
    assert_eq!(
        (c.before, c.after),
        (list(&["Ana (designer)"]), list(&["Ana (designer)", "Bo"]))
    );
}

#[test]
fn what_is_spelled_differently_but_means_the_same_is_no_change() {
    // No parent is the organisation; the default kind is stream-aligned;
    // members and lists in another order are the same set.
    assert_eq!(
        compare(
            "teams:\n  - { id: a, members: [{ name: A }, { name: B }] }\nproducts:\n  - { id: p, owner: a, outcomes: [x, y] }\n",
            "teams:\n  - { id: a, parent: organization, kind: stream-aligned, members: [{ name: B }, { name: A }] }\nproducts:\n  - { id: p, owner: [a], outcomes: [y, x, y] }\n",
        ),
        []
    );
}

#[test]
fn the_order_of_entities_and_sections_is_no_change() {
    let a = "teams:\n  - { id: a, owns: [p] }\n  - { id: b, parent: a }\nproducts:\n  - { id: p }\n  - { id: q, owner: b }\ndecisions:\n  - { area: roadmap, scope: p, decides: a }\n  - { area: pricing, scope: q, decides: b }\n";
    let b = "decisions:\n  - { area: pricing, scope: q, decides: b }\n  - { area: roadmap, scope: p, decides: a }\nproducts:\n  - { id: q, owner: b }\n  - { id: p }\nteams:\n  - { id: b, parent: a }\n  - { id: a, owns: [p] }\n";
    assert_eq!(compare(a, b), []);
    let d = diff(&yaml(a), &yaml(b), &Linter::new());
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn owns_on_the_team_and_owner_on_the_product_are_the_same_ownership() {
    let owns = "teams:\n  - { id: playback, owns: [web-player] }\nproducts:\n  - id: web-player\n";
    let owner = "teams:\n  - id: playback\nproducts:\n  - { id: web-player, owner: playback }\n";
    let both = "teams:\n  - { id: playback, owns: [web-player] }\nproducts:\n  - { id: web-player, owner: playback }\n";
    assert_eq!(compare(owns, owner), []);
    assert_eq!(compare(owner, owns), []);
    assert_eq!(compare(owns, both), []);
    // And the findings are the same too.
    let d = diff(&yaml(owns), &yaml(owner), &Linter::new());
    assert!(d.is_empty(), "{d:#?}");
}

#[test]
fn products_change_hands_and_shape() {
    let base = "teams:\n  - { id: playback, owns: [web-player] }\n  - id: discovery\nproducts:\n  - id: web-player\n";
    let c = one(
        base,
        "teams:\n  - { id: playback }\n  - { id: discovery, owns: [web-player] }\nproducts:\n  - id: web-player\n",
    );
    is(
        &c,
        ChangeKind::OwnerChanged,
        EntityKind::Product,
        "web-player",
    );
    assert_eq!(
        (&c.before, &c.after),
        (&list(&["playback"]), &list(&["discovery"]))
    );
    assert_eq!(c.group(), Group::Ownership);

    // Two claims where there was one: both are listed.
    let c = one(
        base,
        "teams:\n  - { id: playback, owns: [web-player] }\n  - id: discovery\nproducts:\n  - { id: web-player, owner: discovery }\n",
    );
    assert_eq!(c.after, list(&["discovery", "playback"]));

    let product = |fields: &str| format!("products:\n  - {{ id: p{fields} }}\n");
    let cases = [
        (", name: Web", ", name: Player", ChangeKind::Renamed),
        ("", ", kind: internal", ChangeKind::KindChanged),
        (
            ", contributors: [a]",
            ", contributors: [a, b]",
            ChangeKind::ContributorsChanged,
        ),
        (
            ", part_of: app",
            ", part_of: suite",
            ChangeKind::PartOfChanged,
        ),
        (
            ", funding: project",
            ", funding: product",
            ChangeKind::FundingChanged,
        ),
        (
            ", outcomes: [x]",
            ", outcomes: [y]",
            ChangeKind::OutcomesChanged,
        ),
    ];
    for (before, after, change) in cases {
        let c = one(&product(before), &product(after));
        is(&c, change, EntityKind::Product, "p");
    }
    let c = one(&product(", part_of: app"), &product(""));
    assert_eq!((c.before, c.after), (one_of("app"), Value::None));
    let c = one(
        &product(", funding: project"),
        &product(", funding: product"),
    );
    assert_eq!((c.before, c.after), (one_of("project"), one_of("product")));
    let c = one(&product(", outcomes: [x]"), &product(", outcomes: [y]"));
    assert_eq!(c.group(), Group::Goals);
}

#[test]
fn goals_outcomes_objectives_and_key_results() {
    let c = one("", "outcomes:\n  - { id: o, statement: More listening }\n");
    is(&c, ChangeKind::Added, EntityKind::Outcome, "o");
    assert_eq!(c.after, one_of("More listening"));
    let c = one(
        "outcomes:\n  - { id: o, statement: S, owner: a }\n",
        "outcomes:\n  - { id: o, statement: S, owner: b }\n",
    );
    is(&c, ChangeKind::OwnerChanged, EntityKind::Outcome, "o");

    let objective = |fields: &str, krs: &str| {
        format!("objectives:\n  - id: q3\n    title: Grow{fields}\n    key_results:\n{krs}")
    };
    let krs = "      - Raise retention from 31% to 38%\n      - Cut churn from 5% to 4%\n";
    let c = one("", &objective("", krs));
    is(&c, ChangeKind::Added, EntityKind::Objective, "q3");
    let c = one(&objective("", krs), "");
    is(&c, ChangeKind::Removed, EntityKind::Objective, "q3");
    assert_eq!(c.before, one_of("Grow"));
    // Reordered key results are no change.
    assert_eq!(
        compare(
            &objective("", krs),
            &objective(
                "",
                "      - Cut churn from 5% to 4%\n      - Raise retention from 31% to 38%\n"
            )
        ),
        []
    );
    let c = one(
        &objective("", krs),
        &objective(
            "",
            "      - Raise retention from 31% to 40%\n      - Cut churn from 5% to 4%\n",
        ),
    );
    is(
        &c,
        ChangeKind::KeyResultsChanged,
        EntityKind::Objective,
        "q3",
    );
    assert_eq!(
        c.after,
        list(&["Raise retention from 31% to 40%", "Cut churn from 5% to 4%"])
    );
    // A target in the fields is part of the key result.
    let c = one(
        &objective(
            "",
            "      - { text: Retention, metric: week-1 retention, baseline: 31, target: 38, unit: \"%\" }\n",
        ),
        &objective(
            "",
            "      - { text: Retention, metric: week-1 retention, baseline: 31, target: 40, unit: \"%\" }\n",
        ),
    );
    assert_eq!(
        c.before,
        list(&["Retention [metric: week-1 retention; baseline: 31%; target: 38%]"])
    );
    let c = one(&objective("", krs), &objective("\n    supports: [o]", krs));
    is(&c, ChangeKind::OutcomesChanged, EntityKind::Objective, "q3");
    assert_eq!((c.before, c.after), (list(&[]), list(&["o"])));
    let c = one(&objective("", krs), &objective("\n    owner: a", krs));
    is(&c, ChangeKind::OwnerChanged, EntityKind::Objective, "q3");
    let c = one(
        &objective("", krs),
        &objective("", krs).replace("title: Grow", "title: Listeners stay"),
    );
    is(&c, ChangeKind::Renamed, EntityKind::Objective, "q3");
}

#[test]
fn decision_rights_by_area_and_scope() {
    let right = |fields: &str| {
        format!("decisions:\n  - {{ area: budget-allocation, scope: organization{fields} }}\n")
    };
    let c = one("", &right(", decides: finance"));
    is(
        &c,
        ChangeKind::Added,
        EntityKind::Decision,
        "budget-allocation@organization",
    );
    assert_eq!(c.after, list(&["finance"]));
    let c = one(&right(", decides: steering"), "");
    is(
        &c,
        ChangeKind::Removed,
        EntityKind::Decision,
        "budget-allocation@organization",
    );
    assert_eq!(c.before, list(&["steering"]));
    let c = one(&right(", decides: steering"), &right(", decides: [web]"));
    is(
        &c,
        ChangeKind::DeciderChanged,
        EntityKind::Decision,
        "budget-allocation@organization",
    );
    assert_eq!(
        (&c.before, &c.after),
        (&list(&["steering"]), &list(&["web"]))
    );
    assert_eq!(c.group(), Group::Decisions);
    let c = one(
        &right(", decides: web, escalates_to: steering"),
        &right(", decides: web, escalates_to: organization"),
    );
    is(
        &c,
        ChangeKind::EscalationChanged,
        EntityKind::Decision,
        "budget-allocation@organization",
    );
    assert_eq!(
        (c.before, c.after),
        (one_of("steering"), one_of("organization"))
    );
    // Two entries for one (area, scope) are one right: splitting it in two
    // with the same deciders is no change.
    assert_eq!(
        compare(
            &right(", decides: [a, b]"),
            &format!(
                "{}  - {{ area: budget-allocation, scope: organization, decides: a }}\n",
                right(", decides: b")
            )
        ),
        []
    );
    // Another scope is another right.
    let found = compare(
        &right(", decides: web"),
        "decisions:\n  - { area: budget-allocation, scope: web-player, decides: web }\n",
    );
    let kinds: Vec<ChangeKind> = found.iter().map(|c| c.change).collect();
    assert_eq!(kinds, [ChangeKind::Removed, ChangeKind::Added]);
}

#[test]
fn the_list_is_sorted_by_kind_id_and_change() {
    let found = compare(
        "teams:\n  - { id: z, name: Z }\n  - { id: a }\nproducts:\n  - { id: p, owner: z }\n",
        "products:\n  - { id: p, owner: a, funding: product }\n  - { id: b }\nteams:\n  - { id: z, name: Zed, parent: a }\n  - { id: a }\n  - { id: c }\n",
    );
    let shown: Vec<String> = found
        .iter()
        .map(|c| format!("{}:{}:{}", c.entity.kind, c.entity.id, c.change))
        .collect();
    assert_eq!(
        shown,
        [
            "team:c:added",
            "team:z:renamed",
            "team:z:moved",
            "product:b:added",
            "product:p:owner-changed",
            "product:p:funding-changed",
        ]
    );
}

#[test]
fn a_renamed_file_with_the_same_entities_is_no_change() {
    let teams = b"teams:\n  - { id: playback, owns: [web-player] }\n  - { id: idle }\n".to_vec();
    let products = b"products:\n  - { id: web-player }\n  - { id: orphan }\n".to_vec();
    let old = load_files(
        vec![
            ("org/teams.yaml".into(), teams.clone()),
            ("org/products.yaml".into(), products.clone()),
        ],
        &Default::default(),
    );
    let new = load_files(
        vec![
            ("org/people.yaml".into(), teams),
            ("org/catalogue/all-products.yaml".into(), products),
        ],
        &Default::default(),
    );
    let d = diff(&old, &new, &Linter::new());
    assert!(d.is_empty(), "{d:#?}");
    // The org has findings; none of them is shown as new or gone.
    assert!(Linter::new().check(&new).has_errors());
}

#[test]
fn findings_are_matched_across_line_moves() {
    let old = "teams:\n  - id: playback\nproducts:\n  - id: orphan\n";
    // A comment, a new team and the product further down: `orphan` is the
    // same finding on another line; the new unowned product is new.
    let new = "# moved things around\nteams:\n  - id: playback\n  - id: discovery\n    owns: [web-player]\nproducts:\n  - id: web-player\n  - id: gift-cards\n\n  - id: orphan\n";
    let d = diff(&yaml(old), &yaml(new), &Linter::new());
    let introduced: Vec<(&str, &str)> = d
        .introduced
        .diagnostics
        .iter()
        .map(|f| (&*f.check, f.entity.id.as_str()))
        .collect();
    assert!(
        introduced.contains(&("orphaned-product", "gift-cards")),
        "{introduced:?}"
    );
    assert!(
        !introduced.iter().any(|(_, id)| *id == "orphan"),
        "{introduced:?}"
    );
    assert!(
        d.resolved.diagnostics.is_empty(),
        "{:#?}",
        d.resolved.diagnostics
    );
    assert!(d.fails(FailOn::NewErrors));
    assert_eq!(d.exit_code(Some(FailOn::NewErrors)), 1);
    assert_eq!(d.exit_code(None), 0);

    // Fixing it resolves it, whatever line it was on.
    let fixed = new.replace("  - id: orphan\n", "  - { id: orphan, owner: playback }\n");
    let d = diff(&yaml(new), &yaml(&fixed), &Linter::new());
    assert!(
        d.resolved
            .diagnostics
            .iter()
            .any(|f| f.check == "orphaned-product" && f.entity.id == "orphan"),
        "{d:#?}"
    );
    assert!(!d.fails(FailOn::NewErrors));
}

#[test]
fn fail_on_new_warnings_counts_warnings_and_errors() {
    let old = "teams:\n  - { id: a, owns: [p] }\nproducts:\n  - { id: p, outcomes: [o] }\noutcomes:\n  - { id: o, statement: S, metric: m }\n";
    // `p` loses its outcome: a new unaligned-product warning, no error.
    let new = old.replace(", outcomes: [o]", "");
    let d = diff(&yaml(old), &yaml(&new), &Linter::new());
    assert!(d.summary.introduced.warnings > 0, "{d:#?}");
    assert_eq!(d.summary.introduced.errors, 0);
    assert!(!d.fails(FailOn::NewErrors));
    assert!(d.fails(FailOn::NewWarnings));
}

#[test]
fn json_has_the_shape_of_the_issue() {
    let old = "teams:\n  - { id: playback, owns: [web-player] }\n  - id: discovery\nproducts:\n  - id: web-player\n";
    let new = "teams:\n  - id: playback\n  - id: discovery\nproducts:\n  - { id: web-player, owner: discovery }\n";
    let d = diff(&yaml(old), &yaml(new), &Linter::new());
    let text = super::json::to_string(&d);
    let j: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        j["changes"][0],
        serde_json::json!({"change": "owner-changed", "entity": {"kind": "product", "id": "web-player"}, "before": ["playback"], "after": ["discovery"]})
    );
    let introduced = j["findings"]["introduced"].as_array().expect("a list");
    assert!(introduced.iter().any(|f| f["check"] == "idle-team"
        && f["entity"]["id"] == "playback"
        && f["location"]["file"] == "org.yaml"));
    let resolved = j["findings"]["resolved"].as_array().expect("a list");
    assert!(
        resolved
            .iter()
            .any(|f| f["check"] == "idle-team" && f["entity"]["id"] == "discovery")
    );
    assert_eq!(j["summary"]["changes"], 1);
    assert_eq!(j["summary"]["introduced"]["warnings"], 1);
    assert_eq!(j["summary"]["entities"]["after"], 3);
}

#[test]
fn human_and_markdown_group_the_changes() {
    let old = "teams:\n  - { id: playback, owns: [web-player] }\nproducts:\n  - id: web-player\n";
    let new = "teams:\n  - { id: playback, name: \"Play|back <b>\" }\n  - { id: discovery, owns: [web-player] }\nproducts:\n  - id: web-player\ndecisions:\n  - { area: feature-set, scope: web-player, decides: discovery }\n";
    let d: Diff = diff(&yaml(old), &yaml(new), &Linter::new());
    let text = super::human::render(&d, Default::default());
    let teams = text.find("People and teams (2)").expect("teams group");
    let ownership = text.find("Ownership (1)").expect("ownership group");
    let decisions = text.find("Decision rights (1)").expect("decision group");
    assert!(teams < ownership && ownership < decisions, "{text}");
    assert!(
        text.contains("~ product `web-player` owner changed: playback -> discovery"),
        "{text}"
    );
    assert!(text.contains("+ team `discovery` added"), "{text}");
    assert!(
        text.contains("Findings introduced (1)\n\nwarning[idle-team]"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("resolved: 0 errors, 0 warnings"),
        "{text}"
    );

    let md = super::markdown::render(&d);
    let counts = md.find("| People and teams | 2 |").expect("counts table");
    let section = md
        .find("<details><summary>People and teams (2)</summary>")
        .expect("section");
    assert!(counts < section, "{md}");
    assert!(
        md.contains("<details open><summary>Findings introduced (1)</summary>"),
        "{md}"
    );
    // Messages keep their code spans.
    assert!(
        md.contains("| stream-aligned team `playback` owns no product"),
        "{md}"
    );
    // Text from the files cannot break the table or inject HTML.
    assert!(md.contains("Play\\|back &lt;b&gt;"), "{md}");
}

#[test]
fn other_roles_measures_and_periods() {
    let right = |fields: &str| {
        format!(
            "decisions:\n  - {{ area: vendor-selection, scope: organization, decides: finance{fields} }}\n"
        )
    };
    let c = one(
        &right(", consulted: [security]"),
        &right(", agrees: [security], informed: [web]"),
    );
    is(
        &c,
        ChangeKind::RolesChanged,
        EntityKind::Decision,
        "vendor-selection@organization",
    );
    assert_eq!(
        (&c.before, &c.after),
        (
            &list(&["consulted: security"]),
            &list(&["agrees: security", "informed: web"])
        )
    );
    assert_eq!(c.group(), Group::Decisions);
    // The same parts written in another order are no change.
    assert!(compare(&right(", consulted: [a, b]"), &right(", consulted: [b, a]")).is_empty());

    let outcome =
        |fields: &str| format!("outcomes:\n  - {{ id: churn, statement: Fewer leave{fields} }}\n");
    let c = one(
        &outcome(", metric: monthly churn, target: 4"),
        &outcome(", metric: monthly churn, target: 3"),
    );
    is(&c, ChangeKind::MeasureChanged, EntityKind::Outcome, "churn");
    assert_eq!(
        (&c.before, &c.after),
        (
            &one_of("metric: monthly churn; target: 4"),
            &one_of("metric: monthly churn; target: 3")
        )
    );
    let c = one(&outcome(""), &outcome(", metric: monthly churn"));
    assert_eq!(
        (&c.before, &c.after),
        (&Value::None, &one_of("metric: monthly churn"))
    );

    let objective = |period: &str| {
        format!(
            "objectives:\n  - {{ id: q, title: Listeners stay, key_results: [Raise retention from 31% to 38%]{period} }}\n"
        )
    };
    let c = one(
        &objective(", period: 2026-Q3"),
        &objective(", period: 2026-Q4"),
    );
    is(&c, ChangeKind::PeriodChanged, EntityKind::Objective, "q");
    assert_eq!(
        (&c.before, &c.after),
        (&one_of("2026-Q3"), &one_of("2026-Q4"))
    );
    assert!(
        compare(
            &objective(", period: 2026-Q3"),
            &objective(", period: 2026-Q3")
        )
        .is_empty()
    );
}

#[test]
fn people_interactions_stages_and_cadences() {
    let org = |alloc: &str, mode: &str, stage: &str, cadence: &str| {
        format!(
            "teams:\n  - id: web\n    interactions:\n      - {{ with: core, mode: {mode} }}\n  - id: core\n    kind: platform\npeople:\n  - id: ana\n    allocations:\n{alloc}lifecycle:\n  - {{ id: grow, lead: product-manager }}\n  - {{ id: run, lead: engineering-lead }}\nproducts:\n  - {{ id: p, owner: web, stage: {stage} }}\n{cadence}"
        )
    };
    let half = "      - { team: web, share: 0.5 }\n      - { team: core, share: 0.5 }\n";
    let whole = "      - { team: web, share: 1 }\n";
    let review = "cadences:\n  - { id: qbr, kind: review, every: quarter, covers: [goals] }\n";
    let before = org(half, "x-as-a-service", "grow", "");
    let after = org(whole, "collaboration", "run", review);
    let found = compare(&before, &after);
    let kinds: Vec<(ChangeKind, EntityKind)> =
        found.iter().map(|c| (c.change, c.entity.kind)).collect();
    assert!(
        kinds.contains(&(ChangeKind::AllocationsChanged, EntityKind::Person)),
        "{found:#?}"
    );
    assert!(
        kinds.contains(&(ChangeKind::InteractionsChanged, EntityKind::Team)),
        "{found:#?}"
    );
    assert!(
        kinds.contains(&(ChangeKind::StageChanged, EntityKind::Product)),
        "{found:#?}"
    );
    assert!(
        kinds.contains(&(ChangeKind::Added, EntityKind::Cadence)),
        "{found:#?}"
    );
    let moved = found
        .iter()
        .find(|c| c.change == ChangeKind::AllocationsChanged)
        .expect("allocations");
    assert_eq!(
        (&moved.before, &moved.after),
        (&list(&["core: 0.5", "web: 0.5"]), &list(&["web: 1"]))
    );
    assert_eq!(moved.group(), Group::Teams);
    let stage = found
        .iter()
        .find(|c| c.change == ChangeKind::StageChanged)
        .expect("stage");
    assert_eq!(
        (&stage.before, &stage.after),
        (&one_of("grow"), &one_of("run"))
    );
    // The same document twice is no change.
    assert!(compare(&after, &after).is_empty());
}

#[test]
fn what_stages_and_cadences_say_is_compared() {
    let org = |lead: &str, cadence: &str| {
        format!(
            "lifecycle:\n  - {{ id: discovery, lead: {lead} }}\nteams:\n  - id: web\n  - id: core\ncadences:\n{cadence}"
        )
    };
    let before = org(
        "product-manager",
        "  - { id: qbr, kind: review, every: quarter, covers: [objectives], owner: web, attendees: [web] }\n",
    );
    let after = org(
        "designer",
        "  - { id: qbr, kind: planning, every: month, covers: [outcomes], owner: core, attendees: [web, core] }\n",
    );
    let found = compare(&before, &after);
    let changes: Vec<(ChangeKind, &str, String, String)> = found
        .iter()
        .map(|c| {
            (
                c.change,
                c.entity.id.as_str(),
                c.before.to_string(),
                c.after.to_string(),
            )
        })
        .collect();
    let expected = [
        (
            ChangeKind::LeadChanged,
            "discovery",
            "product-manager",
            "designer",
        ),
        (ChangeKind::KindChanged, "qbr", "review", "planning"),
        (ChangeKind::OwnerChanged, "qbr", "web", "core"),
        (ChangeKind::EveryChanged, "qbr", "quarter", "month"),
        (ChangeKind::CoversChanged, "qbr", "objectives", "outcomes"),
        (ChangeKind::AttendeesChanged, "qbr", "web", "core, web"),
    ];
    for (kind, id, before, after) in expected {
        assert!(
            changes.contains(&(kind, id, before.to_owned(), after.to_owned())),
            "{kind} on {id}: {changes:#?}"
        );
    }
    assert_eq!(found.len(), expected.len(), "{changes:#?}");
    assert!(found.iter().all(|c| c.group() == Group::Rhythm));
    // A cadence added is named by what it is and how often.
    let added = compare(&org("designer", ""), &after);
    let qbr = added
        .iter()
        .find(|c| c.change == ChangeKind::Added)
        .expect("added");
    assert_eq!(qbr.after.to_string(), "planning every month");
}

#[test]
fn a_catalog_and_its_import_are_compared_in_the_same_words() {
    let catalog = load_str(
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\nspec:\n  type: service\n  owner: group:ghost\n",
        Format::Backstage,
        "catalog-info.yaml",
    );
    let imported = yaml("products:\n  - id: svc\n    kind: internal\n    owner: ghost\n");
    let linter = Linter::new();
    let d = diff(&catalog, &imported, &linter);
    assert!(d.is_empty(), "{d:#?}");
    // A real change is still one, and each side is told in its own words.
    let fixed = yaml(
        "teams:\n  - id: ghost\nproducts:\n  - id: svc\n    kind: internal\n    owner: ghost\n",
    );
    let d = diff(&catalog, &fixed, &linter);
    let resolved: Vec<&str> = d
        .resolved
        .diagnostics
        .iter()
        .filter(|f| f.check == "unknown-reference")
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(
        resolved,
        ["component `svc` names `group:ghost` in `spec.owner`, but the catalog has no such group"]
    );
    // The text gives the line of the field at fault, as the JSON does
    // (`spec.owner` on line 7; the entity's name is on line 4).
    let text = super::human::render(&d, crate::report::human::Options::default());
    assert!(
        text.contains("spec.owner`, but the catalog has no such group (catalog-info.yaml:7)"),
        "{text}"
    );
}

#[test]
fn an_allow_list_that_changes_is_a_change_so_silencing_is_not_mistaken_for_a_fix() {
    let c = one(
        "products:\n  - id: billing\n",
        "products:\n  - id: billing\n    allow: [orphaned-product, unaligned-product, orphaned-product]\n",
    );
    is(&c, ChangeKind::AllowChanged, EntityKind::Product, "billing");
    assert_eq!(c.before, list(&[]));
    assert_eq!(c.after, list(&["orphaned-product", "unaligned-product"]));
    // The same checks in another order are no change.
    assert!(
        compare(
            "teams:\n  - id: a\n    allow: [idle-team, team-size]\n",
            "teams:\n  - id: a\n    allow: [team-size, idle-team]\n",
        )
        .is_empty()
    );
    // On a decision right, over every entry written for it.
    let c = one(
        "decisions:\n  - { area: budget-allocation, scope: organization, decides: [a] }\n",
        "decisions:\n  - { area: budget-allocation, scope: organization, decides: [a], allow: [conflicting-deciders] }\n",
    );
    is(
        &c,
        ChangeKind::AllowChanged,
        EntityKind::Decision,
        "budget-allocation@organization",
    );
}
