//! `opmodel graph` and `opmodel report`, run as processes: DOT that
//! Graphviz renders, Mermaid flowcharts, every team drawn, the scorecard's
//! formats and exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const ORGS: [&str; 2] = ["examples/orgs/streaming", "examples/orgs/healthy.yaml"];

fn opmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) -> String {
    let o = opmodel(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8 output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The ids of every team of an org, read from its files with the library.
fn team_ids(path: &str) -> Vec<String> {
    let loaded = opmodel::load::load_paths(&[Path::new(ROOT).join(path)], &Default::default())
        .expect("loads");
    let ids: Vec<String> = loaded
        .model
        .teams
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    assert!(!ids.is_empty(), "{path} has teams");
    ids
}

/// Renders DOT with Graphviz; `false` (with a note) when `dot` is not installed.
fn render_svg(dot: &str) -> bool {
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        println!("note: Graphviz `dot` is not installed; skipping the rendering check");
        return false;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("writes to dot");
    let out = child.wait_with_output().expect("dot runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot -Tsvg failed: {err}\n{dot}");
    assert!(!err.to_lowercase().contains("syntax error"), "{err}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
    true
}

#[test]
fn dot_renders_with_graphviz_and_shows_every_team() {
    for org in ORGS {
        let dot = ok(&["graph", org, "--format", "dot"]);
        assert!(dot.starts_with("digraph"), "{dot}");
        for id in team_ids(org) {
            assert!(
                dot.contains(&format!("\"{id}\" [")),
                "team `{id}` of {org} missing:\n{dot}"
            );
        }
        render_svg(&dot);
    }
    // The default format is DOT.
    assert_eq!(
        ok(&["graph", ORGS[0]]),
        ok(&["graph", ORGS[0], "--format", "dot"])
    );
}

#[test]
fn mermaid_is_a_flowchart_with_every_team() {
    for org in ORGS {
        let m = ok(&["graph", org, "--format", "mermaid"]);
        assert!(m.starts_with("flowchart"), "{m}");
        for id in team_ids(org) {
            let sanitised: String = id
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            assert!(
                m.contains(&format!("Team_{sanitised}[")),
                "team `{id}` of {org} missing:\n{m}"
            );
        }
        assert!(m.contains("classDef error"));
    }
}

#[test]
fn findings_are_coloured() {
    let dot = ok(&["graph", "examples/orgs/streaming"]);
    // web-player has two accountable teams: an error.
    let web_player = dot
        .lines()
        .find(|l| l.contains("\"web-player\" ["))
        .expect("drawn");
    assert!(
        web_player.contains("#c62828") && web_player.contains("unclear-ownership"),
        "{web_player}"
    );
    assert!(dot.contains("#e69500"), "warnings are amber");
    let healthy = ok(&["graph", "examples/orgs/healthy.yaml"]);
    assert!(
        !healthy.contains("#c62828") && !healthy.contains("tooltip="),
        "{healthy}"
    );
}

#[test]
fn graph_output_is_deterministic() {
    for format in ["dot", "mermaid"] {
        let a = ok(&["graph", "examples/orgs/streaming", "--format", format]);
        let b = ok(&["graph", "examples/orgs/streaming", "--format", format]);
        assert_eq!(a, b);
    }
}

#[test]
fn focus_and_depth() {
    let dot = ok(&[
        "graph",
        "examples/orgs/streaming",
        "--focus",
        "playback",
        "--depth",
        "1",
    ]);
    assert!(dot.contains("\"playback\" ["));
    assert!(dot.contains("\"web-player\" ["));
    assert!(!dot.contains("\"finance\" ["), "{dot}");
    render_svg(&dot);
    let only = ok(&[
        "graph",
        "examples/orgs/streaming",
        "--focus",
        "playback",
        "--depth",
        "0",
        "--format",
        "mermaid",
    ]);
    assert!(
        only.contains("Team_playback[") && !only.contains("Product_"),
        "{only}"
    );

    let o = opmodel(&["graph", "examples/orgs/streaming", "--focus", "playbak"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("did you mean `playback`?"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_input_exits_2() {
    for cmd in ["graph", "report"] {
        let o = opmodel(&[cmd, "no/such/org.yaml"]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("error:"), "{}", stderr(&o));
        let o = opmodel(&[
            cmd,
            "examples/orgs/healthy.yaml",
            "--config",
            "no/such/opmodel.toml",
        ]);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
    }
    let o = opmodel(&["graph", "examples/orgs/healthy.yaml", "--format", "png"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn report_json_shape() {
    let out = ok(&["report", "examples/orgs/streaming", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let keys: Vec<&str> = j
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
            "people_and_cadence",
            "tenets",
            "weighting"
        ]
    );
    assert_eq!(j["organization"], "Harmonia Music");
    // The streaming org shares two people between squads.
    assert_eq!(j["people_and_cadence"]["people"], 2);
    assert_eq!(j["people_and_cadence"]["objectives"], 4);
    assert_eq!(
        j["people_and_cadence"]["objective_reviews"],
        serde_json::json!([])
    );
    let tenets = j["tenets"].as_array().expect("list");
    let names: Vec<&str> = tenets
        .iter()
        .map(|t| t["tenet"].as_str().expect("name"))
        .collect();
    assert_eq!(
        names,
        [
            "ownership-clarity",
            "outcome-alignment",
            "goal-style",
            "decision-clarity",
            "team-load"
        ]
    );
    for t in tenets {
        let keys: Vec<&str> = t
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            [
                "checks",
                "healthy",
                "measured",
                "offender_count",
                "offenders",
                "score",
                "summary",
                "tenet",
                "tied_beyond_listed"
            ]
        );
        let score = t["score"].as_u64().expect("measured on this org");
        assert!(score <= 100);
        // The JSON lists every offender, not only the worst five.
        let offenders = t["offenders"].as_array().expect("list");
        assert_eq!(Some(offenders.len() as u64), t["offender_count"].as_u64());
        for o in offenders {
            assert!(
                o["id"].is_string()
                    && o["kind"].is_string()
                    && o["reason"].is_string()
                    && o["rank"].is_u64()
                    && o["tied"].is_boolean(),
                "{o}"
            );
        }
        assert!(!t["checks"].as_array().expect("list").is_empty());
    }
    assert_eq!(j["most_loaded_team"]["team"], "artist-tools");
    assert_eq!(j["most_loaded_team"]["products"], 4);
    // The same org gives the same bytes.
    assert_eq!(
        out,
        ok(&["report", "examples/orgs/streaming", "--format", "json"])
    );
}

#[test]
fn the_healthy_org_scores_higher_than_streaming() {
    let overall = |org: &str| -> u64 {
        let j: serde_json::Value =
            serde_json::from_str(&ok(&["report", org, "--format", "json"])).expect("JSON");
        j["overall"].as_u64().expect("a score")
    };
    let healthy = overall("examples/orgs/healthy.yaml");
    let streaming = overall("examples/orgs/streaming");
    assert!(
        healthy > streaming,
        "healthy {healthy} vs streaming {streaming}"
    );
    assert_eq!(healthy, 100);
}

#[test]
fn report_text_and_markdown() {
    let text = ok(&["report", "examples/orgs/streaming"]);
    assert!(
        text.starts_with("Operating-model health of Harmonia Music: "),
        "{text}"
    );
    for tenet in [
        "ownership clarity",
        "outcome alignment",
        "goal style",
        "decision clarity",
        "team load",
        "overall",
    ] {
        assert!(text.contains(tenet), "{tenet} missing:\n{text}");
    }
    assert!(
        text.contains("product `podcast-migration`: no accountable team"),
        "{text}"
    );
    assert!(text.contains("unclear-ownership (1)"), "{text}");
    let md = ok(&["report", "examples/orgs/streaming", "--format", "markdown"]);
    assert!(
        md.contains("| tenet | score | measured | worst offenders | checks (findings) |"),
        "{md}"
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with("| ")).count(),
        6,
        "{md}"
    );
}

#[test]
fn report_on_an_empty_org_is_not_applicable() {
    let dir = std::env::temp_dir().join(format!("opmodel-report-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("org.yaml");
    std::fs::write(&file, "version: 1\nteams: []\n").expect("writes");
    let path = file.to_str().expect("UTF-8 path");
    let text = ok(&["report", path]);
    assert!(text.contains("n/a"), "{text}");
    let j: serde_json::Value =
        serde_json::from_str(&ok(&["report", path, "--format", "json"])).expect("JSON");
    assert_eq!(j["overall"], serde_json::Value::Null);
    let dot = ok(&["graph", path]);
    render_svg(&dot);
    assert!(ok(&["graph", path, "--format", "mermaid"]).starts_with("flowchart"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_tunes_the_report() {
    let dir = std::env::temp_dir().join(format!("opmodel-report-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = dir.join("opmodel.toml");
    std::fs::write(
        &config,
        "[checks]\noverloaded-team = { max_products = 4 }\n",
    )
    .expect("writes");
    let j = |args: &[&str]| -> serde_json::Value { serde_json::from_str(&ok(args)).expect("JSON") };
    let base = j(&["report", "examples/orgs/streaming", "--format", "json"]);
    let roomy = j(&[
        "report",
        "examples/orgs/streaming",
        "--format",
        "json",
        "--config",
        config.to_str().expect("UTF-8"),
    ]);
    let load = |v: &serde_json::Value| v["tenets"][4]["score"].as_u64().expect("score");
    assert!(
        load(&roomy) > load(&base),
        "{} vs {}",
        load(&roomy),
        load(&base)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn interactions_are_drawn_unless_left_out() {
    let dot = ok(&["graph", "examples/orgs/streaming"]);
    assert!(
        dot.contains("\"playback\" -> \"platform-core\" [label=\"x-as-a-service\", style=dashed"),
        "{dot}"
    );
    assert!(
        dot.contains("label=\"collaboration\", style=solid"),
        "{dot}"
    );
    let mermaid = ok(&["graph", "examples/orgs/streaming", "--format", "mermaid"]);
    assert!(mermaid.contains("|\"x-as-a-service\"|"), "{mermaid}");
    for format in ["dot", "mermaid"] {
        let out = ok(&[
            "graph",
            "examples/orgs/streaming",
            "--format",
            format,
            "--no-interactions",
        ]);
        assert!(!out.contains("x-as-a-service"), "{out}");
        assert!(!out.contains("collaboration"), "{out}");
    }
}

#[test]
fn the_report_has_a_people_and_cadence_section() {
    let text = ok(&["report", "examples/orgs/it-department-products.yaml"]);
    assert!(text.contains("\npeople and cadence\n"), "{text}");
    assert!(
        text.contains("goals under review: 3 objectives, reviewed by quarterly-business-review (every quarter)"),
        "{text}"
    );
    assert!(text.contains("over-allocated: none"), "{text}");
    let markdown = ok(&[
        "report",
        "examples/orgs/it-department-products.yaml",
        "--format",
        "markdown",
    ]);
    assert!(markdown.contains("### People and cadence"), "{markdown}");
    // An org without people, stages or cadences has no such section.
    let text = ok(&["report", "examples/orgs/travel.yaml"]);
    assert!(!text.contains("people and cadence"), "{text}");
}

#[test]
fn the_picture_has_a_legend_and_says_why_a_box_is_red() {
    let dot = ok(&["graph", "examples/orgs/streaming"]);
    assert!(dot.contains("subgraph \"cluster_opmodel legend\""), "{dot}");
    let web_player = dot
        .lines()
        .find(|l| l.contains("\"web-player\" ["))
        .expect("drawn");
    // The label itself (not only the tooltip) names the check.
    let label = &web_player[web_player.find("label=\"").expect("a label")..];
    let label = &label[..label.find("\", ").expect("closed")];
    assert!(label.contains("error: unclear-ownership"), "{web_player}");
    // The Listening tribe decides the feature set of what is in it: a label, no loop.
    assert!(!dot.contains("\"listening\" -> \"listening\""), "{dot}");
    assert!(
        dot.contains("listening\\ndecides for itself:\\nfeature-set"),
        "{dot}"
    );
    let mermaid = ok(&["graph", "examples/orgs/streaming", "--format", "mermaid"]);
    assert!(
        mermaid.contains("subgraph Legend [\"Legend\"]"),
        "{mermaid}"
    );
    assert!(mermaid.contains("error: unclear-ownership"), "{mermaid}");
    for format in ["dot", "mermaid"] {
        let bare = ok(&[
            "graph",
            "examples/orgs/streaming",
            "--no-legend",
            "--format",
            format,
        ]);
        assert!(!bare.to_lowercase().contains("legend"), "{bare}");
    }
    render_svg(&dot);
}

#[test]
fn report_json_lists_every_offender_with_key_result_text_and_integrity() {
    let j: serde_json::Value = serde_json::from_str(&ok(&[
        "report",
        "examples/orgs/streaming",
        "--format",
        "json",
    ]))
    .expect("JSON");
    let decisions = &j["tenets"][3];
    assert_eq!(decisions["tenet"], "decision-clarity");
    assert_eq!(decisions["offender_count"], 10);
    assert_eq!(decisions["offenders"].as_array().expect("list").len(), 10);
    let goals = &j["tenets"][2]["offenders"][0];
    assert_eq!(goals["kind"], "key-result");
    assert!(
        goals["text"].as_str().is_some_and(|t| !t.is_empty()),
        "{goals}"
    );
    // The unknown `securty` in the example org.
    assert_eq!(j["integrity"]["errors"], 1);
    assert_eq!(j["integrity"]["checks"][0]["check"], "unknown-reference");
    assert!(
        j["weighting"]
            .as_str()
            .expect("a sentence")
            .contains("weighted equally"),
        "{}",
        j["weighting"]
    );
    // The text says the same, with the key results' own words.
    let text = ok(&["report", "examples/orgs/streaming"]);
    assert!(
        text.contains(
            "key-result `onboarding-2026q3#2` \"Launch the redesigned onboarding flow by August\""
        ),
        "{text}"
    );
    assert!(
        text.contains("integrity: 1 error and 0 warnings (unknown-reference: 1)"),
        "{text}"
    );
    assert!(text.contains("each weighted equally"), "{text}");
    assert!(text.contains("  1=  product `event-pipeline`"), "{text}");
    assert!(
        text.contains("… and 5 more, tied with the last shown"),
        "{text}"
    );
}

#[test]
fn report_by_unit_and_period() {
    let text = ok(&["report", "examples/orgs/streaming", "--by", "unit"]);
    assert!(
        text.starts_with("Operating-model health by unit\n"),
        "{text}"
    );
    let table: Vec<&str> = text.lines().skip(2).take(5).collect();
    assert!(table[0].starts_with("unit "), "{text}");
    assert!(table[1].starts_with("(whole org)"), "{text}");
    for unit in ["listening", "creators", "platform"] {
        assert!(table.iter().any(|l| l.starts_with(unit)), "{unit}: {text}");
        assert!(
            text.contains(&format!(
                "Operating-model health of Harmonia Music, unit `{unit}`: "
            )),
            "{text}"
        );
    }
    let j: serde_json::Value = serde_json::from_str(&ok(&[
        "report",
        "examples/orgs/streaming",
        "--by",
        "unit",
        "--format",
        "json",
    ]))
    .expect("JSON");
    let cards = j.as_array().expect("one card per unit");
    assert_eq!(cards.len(), 3);
    assert_eq!(cards[0]["unit"], "listening");
    // The listening tribe's products only.
    assert_eq!(cards[0]["tenets"][0]["measured"], 3);
    let md = ok(&[
        "report",
        "examples/orgs/streaming",
        "--by",
        "unit",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("| (whole org) | 54 |"), "{md}");

    let text = ok(&["report", "examples/orgs/streaming", "--period", "2026-q3"]);
    assert!(
        text.starts_with("Operating-model health of Harmonia Music, key results of 2026-Q3: "),
        "{text}"
    );
    assert!(
        text.contains("key results of 2026-Q3 are outcome-style"),
        "{text}"
    );

    let o = opmodel(&["report", "examples/orgs/streaming", "--period", "2026-Q1"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no objective has the period `2026-Q1`"),
        "{err}"
    );
    assert!(err.contains("the periods of the org are 2026-Q3"), "{err}");

    let o = opmodel(&["report", "examples/orgs/healthy.yaml", "--by", "team"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn report_by_unit_needs_units() {
    let dir = std::env::temp_dir().join(format!("opmodel-report-units-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("org.yaml");
    std::fs::write(
        &file,
        "teams:\n  - id: a\n    owns: [p]\nproducts:\n  - id: p\n",
    )
    .expect("writes");
    let o = opmodel(&["report", file.to_str().expect("UTF-8"), "--by", "unit"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the org has no units"));
}

#[test]
fn report_by_unit_grows_with_the_org_not_with_its_depth() {
    // A chain of units, each under the one before and accountable for one
    // product: every unit holds all the units below it, so a report that
    // listed what each holds would grow with the square of the depth.
    const N: usize = 3_000;
    let dir = std::env::temp_dir().join(format!("opmodel-report-chain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("chain.yaml");
    let mut yaml = String::from("teams:\n");
    for i in 0..N {
        let parent = if i == 0 {
            "organization".to_owned()
        } else {
            format!("t{}", i - 1)
        };
        yaml.push_str(&format!(
            "  - {{id: t{i}, kind: unit, parent: {parent}, owns: [p{i}]}}\n"
        ));
    }
    yaml.push_str("products:\n");
    for i in 0..N {
        yaml.push_str(&format!("  - {{id: p{i}}}\n"));
    }
    std::fs::write(&file, &yaml).expect("writes");
    let path = file.to_str().expect("UTF-8");
    for (format, per_unit) in [("text", 4_000), ("markdown", 4_000), ("json", 12_000)] {
        let o = opmodel(&["report", path, "--by", "unit", "--format", format]);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", stderr(&o));
        let out = String::from_utf8(o.stdout).expect("UTF-8 output");
        assert!(
            out.len() < N * per_unit,
            "{format}: {} bytes for {N} units",
            out.len()
        );
        if format == "json" {
            let cards: serde_json::Value = serde_json::from_str(&out).expect("JSON");
            let top = &cards[0];
            assert_eq!(top["tenets"][1]["offender_count"], N);
            assert_eq!(top["most_loaded_teams"].as_array().map(Vec::len), Some(10));
            assert_eq!(top["more_most_loaded_teams"], N - 10);
        } else {
            assert!(
                out.contains(&format!(" and {} more (1 product each)", N - 10)),
                "{format}"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn graph_and_report_take_the_levels_check_takes() {
    let org = "examples/orgs/streaming";
    let check = "milestone-key-result";
    // The streaming example has milestone-style key results.
    let dot = ok(&["graph", org, "--key-results"]);
    assert!(
        dot.contains(check),
        "the example should have `{check}` findings"
    );
    let allowed = ok(&["graph", org, "--key-results", "-A", check]);
    assert!(!allowed.contains(check), "{allowed}");
    // The last flag for a check wins.
    let again = ok(&["graph", org, "--key-results", "-A", check, "-W", check]);
    assert_eq!(again, dot);
    let count = |args: &[&str]| -> u64 {
        let json: serde_json::Value = serde_json::from_str(&ok(args)).expect("the report is JSON");
        json["tenets"]
            .as_array()
            .expect("tenets")
            .iter()
            .flat_map(|t| t["checks"].as_array().cloned().unwrap_or_default())
            .filter(|c| c["check"] == check)
            .map(|c| c["findings"].as_u64().unwrap_or(0))
            .sum()
    };
    assert!(count(&["report", org, "--format", "json"]) > 0);
    assert_eq!(count(&["report", org, "--format", "json", "-A", check]), 0);
}

#[test]
fn report_says_which_findings_its_input_count_is() {
    let dir = std::env::temp_dir().join(format!("opmodel-report-counts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("org.yaml"),
        "teams:\n  - { id: cards, owns: [card-platfrom] }\nproducts:\n  - { id: card-platform }\n  - { id: loans, onwer: cards }\n",
    )
    .expect("writes");
    let path = dir.to_string_lossy().into_owned();
    let o = opmodel(&["report", &path]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    // The count on standard error is of the findings printed there (the
    // file's field); the integrity line counts every integrity finding.
    assert!(
        err.contains("1 error and 0 warnings reading the input (`invalid-file`, `invalid-entity`)"),
        "{err}"
    );
    assert!(
        out.contains(
            "integrity: 2 errors and 0 warnings (invalid-entity: 1, unknown-reference: 1)"
        ),
        "{out}"
    );
}
