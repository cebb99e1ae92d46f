//! The whole operating-model document (`pom-document.md`): people and
//! allocations, team interactions, lifecycle stages and cadences, in every
//! format, with their integrity findings and where they point.

use opmodel::graph::OrgGraph;
use opmodel::load::{Format, load_str};
use opmodel::model::{CadenceKind, Covers, EntityKind, Every, InteractionMode, Model, Role};
use opmodel::{Linter, Report};

const YAML: &str = "\
teams:
  - id: playback
    owns: [web-player]
    members:
      - { name: Ana, role: product-manager, person: ana }
      - { name: Bo, role: engineering-lead }
    interactions:
      - with: platform-core
        mode: x-as-a-service
      - with: growth-lab
        mode: collaboration
        until: 2026-Q4
  - id: platform-core
    kind: platform
  - id: growth-lab
people:
  - id: ana
    name: Ana Lopez
    allocations:
      - team: playback
        share: 0.6
        role: product-manager
      - { team: growth-lab, share: 0.4 }
lifecycle:
  - { id: discovery, name: Discovery, lead: product-manager }
  - { id: growth, lead: engineering-lead }
products:
  - { id: web-player, stage: growth }
cadences:
  - id: quarterly-business-review
    kind: review
    every: quarter
    covers: [objectives, budget-allocation]
    owner: playback
    attendees: [platform-core]
";

const TOML: &str = r#"
[[teams]]
id = "playback"
owns = ["web-player"]
members = [
  { name = "Ana", role = "product-manager", person = "ana" },
  { name = "Bo", role = "engineering-lead" },
]
interactions = [
  { with = "platform-core", mode = "x-as-a-service" },
  { with = "growth-lab", mode = "collaboration", until = "2026-Q4" },
]

[[teams]]
id = "platform-core"
kind = "platform"

[[teams]]
id = "growth-lab"

[[people]]
id = "ana"
name = "Ana Lopez"
allocations = [
  { team = "playback", share = 0.6, role = "product-manager" },
  { team = "growth-lab", share = 0.4 },
]

[[lifecycle]]
id = "discovery"
name = "Discovery"
lead = "product-manager"

[[lifecycle]]
id = "growth"
lead = "engineering-lead"

[[products]]
id = "web-player"
stage = "growth"

[[cadences]]
id = "quarterly-business-review"
kind = "review"
every = "quarter"
covers = ["objectives", "budget-allocation"]
owner = "playback"
attendees = ["platform-core"]
"#;

const JSON: &str = r#"{
  "teams": [
    {"id": "playback", "owns": ["web-player"],
     "members": [{"name": "Ana", "role": "product-manager", "person": "ana"},
                 {"name": "Bo", "role": "engineering-lead"}],
     "interactions": [{"with": "platform-core", "mode": "x-as-a-service"},
                      {"with": "growth-lab", "mode": "collaboration", "until": "2026-Q4"}]},
    {"id": "platform-core", "kind": "platform"},
    {"id": "growth-lab"}
  ],
  "people": [
    {"id": "ana", "name": "Ana Lopez",
     "allocations": [{"team": "playback", "share": 0.6, "role": "product-manager"},
                     {"team": "growth-lab", "share": 0.4}]}
  ],
  "lifecycle": [
    {"id": "discovery", "name": "Discovery", "lead": "product-manager"},
    {"id": "growth", "lead": "engineering-lead"}
  ],
  "products": [{"id": "web-player", "stage": "growth"}],
  "cadences": [
    {"id": "quarterly-business-review", "kind": "review", "every": "quarter",
     "covers": ["objectives", "budget-allocation"], "owner": "playback",
     "attendees": ["platform-core"]}
  ]
}"#;

fn load(text: &str, format: Format) -> opmodel::load::Loaded {
    let name = match format {
        Format::Yaml => "org.yaml",
        Format::Toml => "org.toml",
        _ => "org.json",
    };
    load_str(text, format, name)
}

fn comparable(m: &Model) -> serde_json::Value {
    serde_json::to_value(m).expect("a model serialises")
}

#[test]
fn every_format_reads_the_same_document() {
    let yaml = load(YAML, Format::Yaml);
    let toml = load(TOML, Format::Toml);
    let json = load(JSON, Format::Json);
    for loaded in [&yaml, &toml, &json] {
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    }
    assert_eq!(comparable(&yaml.model), comparable(&toml.model));
    assert_eq!(comparable(&yaml.model), comparable(&json.model));

    let m = &yaml.model;
    assert_eq!(m.people.len(), 1);
    assert_eq!(m.lifecycle.len(), 2);
    assert_eq!(m.cadences.len(), 1);
    let qbr = &m.cadences[0];
    assert_eq!(qbr.kind, Some(CadenceKind::Review));
    assert_eq!(qbr.every, Some(Every::Months(3)));
    assert!(qbr.reviews(&Covers::Objectives));
    assert_eq!(
        m.teams[0].interactions[1].mode,
        InteractionMode::Collaboration
    );
    assert_eq!(
        m.teams[0].members[0].person.as_ref().map(|r| r.as_str()),
        Some("ana")
    );
    assert_eq!(m.lifecycle[0].lead, Some(Role::ProductManager));
    // Entities count the new kinds; locations are kept in every format.
    assert_eq!(m.entity_count(), 3 + 1 + 1 + 2 + 1);
    for loaded in [&yaml, &toml, &json] {
        let m = &loaded.model;
        assert!(m.people[0].location.is_some());
        assert!(m.people[0].allocations[0].location.is_some());
        assert!(m.people[0].allocations[0].team.location().is_some());
        assert!(m.teams[0].interactions[0].location.is_some());
        assert!(m.teams[0].interactions[0].with.location().is_some());
        assert!(m.lifecycle[1].location.is_some());
        assert!(m.cadences[0].location.is_some());
        assert!(
            m.products[0]
                .stage
                .as_ref()
                .and_then(|s| s.location())
                .is_some()
        );
    }
    // YAML lines point at the entity.
    assert_eq!(yaml.model.people[0].location.map(|l| l.line), Some(17));
    assert_eq!(
        yaml.model.teams[0].interactions[1].location.map(|l| l.line),
        Some(10)
    );
    assert_eq!(yaml.model.cadences[0].location.map(|l| l.line), Some(30));
}

#[test]
fn the_graph_answers_the_everyday_questions() {
    let loaded = load(YAML, Format::Yaml);
    let g = OrgGraph::build(&loaded.model);
    assert!(g.diagnostics().is_empty(), "{:#?}", g.diagnostics());
    let ana = g.person_ix("ana").expect("ana");
    let playback = g.team_ix("playback").expect("playback");
    let growth_lab = g.team_ix("growth-lab").expect("growth-lab");
    let core = g.team_ix("platform-core").expect("core");
    assert!((g.total_share(ana) - 1.0).abs() < 1e-9);
    assert_eq!(g.teams_of_person(ana), [playback, growth_lab]);
    // Ana is a member who is allocated: her share counts, not a head.
    let staffing = g.staffing(playback).expect("known");
    assert_eq!(staffing.members, 1);
    assert!((staffing.total - 1.6).abs() < 1e-9);
    assert!(g.staffing(core).is_none());
    assert_eq!(
        g.interactions(growth_lab, InteractionMode::Collaboration),
        [playback]
    );
    assert_eq!(g.consumers(core), [playback]);
    assert_eq!(g.consumed_by(playback), [core]);
    let growth = g.stage_ix("growth").expect("growth");
    assert_eq!(
        g.products_in_stage(growth),
        [g.product_ix("web-player").expect("p")]
    );
    assert_eq!(g.cadences_covering(&Covers::Objectives).len(), 1);
    assert_eq!(
        g.cadences_covering(&Covers::parse("budget-allocation"))
            .len(),
        1
    );
    assert!(g.cadences_covering(&Covers::Outcomes).is_empty());
    assert_eq!(g.entity_ref(g.person_node(ana)).kind, EntityKind::Person);
}

fn report(yaml: &str) -> Report {
    Linter::new().check(&load(yaml, Format::Yaml))
}

/// (check, kind, id, line) of the findings of `checks`.
fn found(report: &Report, checks: &[&str]) -> Vec<(String, EntityKind, String, u32)> {
    report
        .diagnostics
        .iter()
        .filter(|d| checks.contains(&&*d.check))
        .map(|d| {
            (
                d.check.to_string(),
                d.entity.kind,
                d.entity.id.to_string(),
                d.focus
                    .as_ref()
                    .or(None)
                    .map_or_else(|| d.location.map_or(0, |l| l.line), |f| f.location.line),
            )
        })
        .collect()
}

#[test]
fn unknown_references_point_at_the_field() {
    let yaml = "\
teams:
  - id: a
    members:
      - { name: Ana, person: anna }
    interactions:
      - { with: bee, mode: collaboration }
      - { with: p, mode: facilitating }
products:
  - { id: p, owner: a, stage: growht }
people:
  - id: ana
    allocations:
      - { team: see, share: 0.5 }
lifecycle:
  - { id: growth }
cadences:
  - { id: qbr, kind: review, every: quarter, covers: [objectives], owner: ana, attendees: [zed] }
";
    let r = report(yaml);
    let mut got = found(&r, &["unknown-reference"]);
    got.sort_by_key(|f| f.3);
    let ids: Vec<(&str, u32)> = got.iter().map(|f| (f.2.as_str(), f.3)).collect();
    assert_eq!(
        ids,
        [
            ("a", 4),
            ("a", 6),
            ("a", 7),
            ("p", 9),
            ("ana", 13),
            ("qbr", 17),
            ("qbr", 17)
        ],
        "{got:#?}"
    );
    let messages: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.check == "unknown-reference")
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"team `a` names `p` in `with`, which is a product, not a team"),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&"cadence `qbr` names `ana` in `owner`, which is a person, not a team"),
        "{messages:#?}"
    );
    let helps: Vec<&str> = r
        .diagnostics
        .iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert!(helps.contains(&"did you mean `ana`?"), "{helps:#?}");
    assert!(helps.contains(&"did you mean `growth`?"), "{helps:#?}");
}

#[test]
fn ids_are_shared_with_every_other_kind() {
    let yaml = "\
teams:
  - id: ana
people:
  - id: ana
  - id: bo
lifecycle:
  - id: bo
cadences:
  - { id: growth, kind: review, every: month, covers: [outcomes] }
  - { id: growth, kind: review, every: month, covers: [outcomes] }
";
    let r = report(yaml);
    let got = found(&r, &["duplicate-id"]);
    assert_eq!(
        got,
        [
            (
                "duplicate-id".to_owned(),
                EntityKind::Person,
                "ana".to_owned(),
                4
            ),
            (
                "duplicate-id".to_owned(),
                EntityKind::Stage,
                "bo".to_owned(),
                7
            ),
            (
                "duplicate-id".to_owned(),
                EntityKind::Cadence,
                "growth".to_owned(),
                10
            ),
        ]
    );
}

#[test]
fn invalid_values_are_invalid_entities_in_every_format() {
    let yaml = "\
teams:
  - id: a
    interactions:
      - { with: a, mode: partnership }
      - { with: a }
people:
  - id: ana
    allocations:
      - { team: a, share: 0 }
      - { team: a, share: 1.01 }
      - { team: a, share: -0.5 }
      - { team: a, share: 1 }
cadences:
  - { id: c1, kind: retro, every: quarter, covers: [objectives] }
  - { id: c2, kind: review, every: quarterly, covers: [objectives] }
  - { id: c3, kind: review, every: quarter, covers: [3] }
  - { id: c4 }
";
    let loaded = load(yaml, Format::Yaml);
    let messages: Vec<(String, u32)> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.check, "invalid-entity", "{d:#?}");
            (
                d.message.clone(),
                d.focus.as_ref().map_or(0, |f| f.location.line),
            )
        })
        .collect();
    let expected = [
        ("unknown `mode` value `partnership`", 4),
        ("the interaction with `a` has no `mode`", 5),
        ("`share` is 0, outside (0, 1]", 9),
        ("`share` is 1.01, outside (0, 1]", 10),
        ("`share` is -0.5, outside (0, 1]", 11),
        ("unknown `kind` value `retro`", 14),
        ("unknown `every` value `quarterly`", 15),
        (
            "`covers` names `objectives`, `outcomes` or a decision area, found `3`",
            16,
        ),
        ("cadence `c4` has no `kind`", 17),
        ("cadence `c4` has no `every`", 17),
        ("cadence `c4` has no `covers`", 17),
    ];
    let expected: Vec<(String, u32)> = expected
        .iter()
        .map(|(m, l)| ((*m).to_owned(), *l))
        .collect();
    assert_eq!(messages, expected);
    // The valid allocation is kept, the others dropped.
    assert_eq!(loaded.model.people[0].allocations.len(), 1);
    // The same problems in JSON and TOML.
    let json = r#"{"people": [{"id": "ana", "allocations": [{"team": "a", "share": 1.5}]}],
 "teams": [{"id": "a", "interactions": [{"with": "a", "mode": "partnership"}]}],
 "cadences": [{"id": "c", "kind": "review", "every": "fortnightly", "covers": ["objectives"]}]}"#;
    let toml = "[[people]]\nid = \"ana\"\nallocations = [{ team = \"a\", share = 1.5 }]\n[[teams]]\nid = \"a\"\ninteractions = [{ with = \"a\", mode = \"partnership\" }]\n[[cadences]]\nid = \"c\"\nkind = \"review\"\nevery = \"fortnightly\"\ncovers = [\"objectives\"]\n";
    for (text, format) in [(json, Format::Json), (toml, Format::Toml)] {
        let loaded = load(text, format);
        let mut messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        messages.sort_unstable();
        assert_eq!(
            messages,
            [
                "`share` is 1.5, outside (0, 1]",
                "unknown `every` value `fortnightly`",
                "unknown `mode` value `partnership`"
            ],
            "{format:?}"
        );
        assert!(loaded.diagnostics.iter().all(|d| d.location.is_some()));
    }
}

#[test]
fn allow_lists_work_on_the_new_kinds() {
    let yaml = "\
teams:
  - { id: a }
  - { id: b }
people:
  - id: ana
    allow: [over-allocated-person]
    allocations:
      - { team: a, share: 0.8 }
      - { team: b, share: 0.8 }
  - id: bo
    allocations:
      - { team: a, share: 0.8 }
      - { team: b, share: 0.8 }
";
    let r = report(yaml);
    let got: Vec<String> = found(&r, &["over-allocated-person"])
        .into_iter()
        .map(|f| f.2)
        .collect();
    assert_eq!(got, ["bo"]);
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.check == "over-allocated-person")
        .expect("found");
    assert_eq!(d.severity, opmodel::Severity::Error);
}

#[test]
fn the_cli_reports_the_new_kinds_and_fails_on_over_allocation() {
    let dir = std::env::temp_dir().join(format!("opmodel-pom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join("org.yaml");
    std::fs::write(
        &path,
        "teams:\n  - { id: a }\n  - { id: b }\npeople:\n  - id: ana\n    allocations:\n      - { team: a, share: 0.7 }\n      - { team: b, share: 0.7 }\n",
    )
    .expect("written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found = json["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .find(|d| d["check"] == "over-allocated-person")
        .expect("reported");
    assert_eq!(found["entity"]["kind"], "person");
    assert_eq!(found["entity"]["id"], "ana");
    assert_eq!(found["location"]["line"], 5);
    assert_eq!(found["severity"], "error");
    // `explain` documents each new check with its parameters.
    let explain = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["explain", "team-size"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&explain.stdout);
    assert!(
        text.contains("`min` and `max` (integers, default 3 and 9)"),
        "{text}"
    );
    // Explained once: the docs' own section, not a second list.
    assert!(!text.contains("### Parameters"), "{text}");
    // Parameters go through the config: an unknown one is refused.
    let config = dir.join("opmodel.toml");
    std::fs::write(&config, "[checks]\nteam-size = { minimum = 2 }\n").expect("written");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&bad.stderr)
            .contains("unknown parameter `minimum` for check `team-size`")
    );
    std::fs::write(&config, "[checks]\nfragmented-person = { max_teams = 1 }\n").expect("written");
    let tuned = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "--format", "json"])
        .arg(&path)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&tuned.stdout).expect("JSON");
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .any(|d| d["check"] == "fragmented-person")
    );
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn once_per_org_findings_sit_on_the_first_entity_in_output_order() {
    let dir = std::env::temp_dir().join(format!("opmodel-pom-order-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    std::fs::write(
        dir.join("b.yaml"),
        "objectives:\n  - { id: aa-in-b, title: Listeners stay, key_results: [Raise retention from 3% to 4%] }\ndecisions:\n  - { area: budget-allocation, scope: organization, decides: t }\n",
    )
    .expect("written");
    std::fs::write(
        dir.join("a.yaml"),
        "teams:\n  - id: t\n    owns: [p]\nproducts:\n  - id: p\nobjectives:\n  - { id: zz-in-a, title: Listeners grow, key_results: [Raise sign-ups from 3% to 4%] }\ndecisions:\n  - { area: budget-allocation, scope: t, decides: t }\n",
    )
    .expect("written");
    let loaded = opmodel::load::load_paths(&[&dir], &Default::default()).expect("loads");
    let mut config = opmodel::config::Config::new();
    config.set_level("unplanned-decision-area", opmodel::config::Level::Warn);
    let linter = Linter::new().with_config(config).expect("valid config");
    let report = linter.check(&loaded);
    let on = |check: &str| -> Vec<String> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.check == check)
            .map(|d| d.entity.id.to_string())
            .collect()
    };
    assert_eq!(on("unreviewed-goals"), ["zz-in-a"]);
    assert_eq!(on("unplanned-decision-area"), ["budget-allocation@t"]);
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

#[test]
fn a_missing_or_bad_field_of_an_item_is_reported_once() {
    let yaml = "\
teams:
  - id: a
    interactions:
      - { with: { x: 1 }, mode: collaboration }
      - { mode: collaboration }
      - { with: a, mode: collaboration, until: later, extra: 1 }
people:
  - id: ana
    allocations:
      - { team: a, share: null }
      - { team: [a, a], share: 0.5 }
      - { team: { x: 1 }, share: 0.5 }
      - { share: 0.5 }
      - just-a-string
";
    let loaded = load(yaml, Format::Yaml);
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`with` must be an id or a list of ids, found a table",
            "an interaction has no `with`",
            "unknown field `extra` on an interaction of team `a`",
            "the allocation to `a` has no `share`",
            "`team` names one entity, found a list of 2",
            "`team` must be an id or a list of ids, found a table",
            "an allocation has no `team`",
            "each allocation must be a table, found a string",
        ]
    );
    assert_eq!(loaded.model.people[0].allocations.len(), 1);
    assert_eq!(loaded.model.teams[0].interactions.len(), 1);
}
