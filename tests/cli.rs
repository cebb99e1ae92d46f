//! The `opmodel` binary, run as a process: exit codes, the spec's JSON, the
//! human output, `explain` and `checks`, config files and overrides.

use std::path::Path;
use std::process::{Command, Output};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn opmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(o)))
}

#[test]
fn a_healthy_org_exits_0() {
    let o = opmodel(&["check", "examples/orgs/healthy.yaml"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
    let j = json(&opmodel(&[
        "check",
        "examples/orgs/healthy.yaml",
        "--format",
        "json",
    ]));
    assert_eq!(j["diagnostics"], serde_json::json!([]));
}

#[test]
fn an_org_with_errors_exits_1_with_the_specs_json() {
    let o = opmodel(&["check", "examples/orgs/streaming", "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let j = json(&o);
    let obj = j.as_object().expect("an object");
    assert_eq!(obj.keys().collect::<Vec<_>>(), ["diagnostics", "summary"]);
    let diags = j["diagnostics"].as_array().expect("a list");
    assert!(!diags.is_empty());
    let mut errors = 0;
    let mut warnings = 0;
    let mut previous: Option<(String, u64, String, String)> = None;
    for d in diags {
        let keys: Vec<&str> = d
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        for key in &keys {
            assert!(
                [
                    "check",
                    "severity",
                    "entity",
                    "message",
                    "help",
                    "location",
                    "related",
                    "labels",
                    "more_labels"
                ]
                .contains(key),
                "unexpected key {key}"
            );
        }
        let check = d["check"].as_str().expect("check");
        assert!(
            check.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{check}"
        );
        match d["severity"].as_str() {
            Some("error") => errors += 1,
            Some("warning") => warnings += 1,
            Some("note") => {}
            other => panic!("bad severity {other:?}"),
        }
        let kind = d["entity"]["kind"].as_str().expect("entity.kind");
        assert!(
            [
                "team",
                "product",
                "outcome",
                "objective",
                "key-result",
                "decision",
                "file"
            ]
            .contains(&kind),
            "{kind}"
        );
        let id = d["entity"]["id"].as_str().expect("entity.id");
        if kind == "decision" {
            assert!(id.contains('@'), "decision ids are <area>@<scope>: {id}");
        }
        let message = d["message"].as_str().expect("message");
        assert!(!message.ends_with('.'), "{message}");
        assert!(
            message.chars().next().is_some_and(|c| !c.is_uppercase()),
            "{message}"
        );
        let file = d["location"]["file"]
            .as_str()
            .expect("every finding here comes from a file");
        assert!(file.starts_with("examples/orgs/streaming/"), "{file}");
        let line = d["location"]["line"].as_u64().expect("line");
        assert!(d["related"].is_array());
        // The other places a finding involves: each claim of an unclearly
        // owned product, at its line, with what it is.
        if let Some(labels) = d.get("labels") {
            let labels = labels.as_array().expect("a list");
            assert!(!labels.is_empty(), "an empty `labels` is left out");
            for l in labels {
                assert!(l["message"].as_str().is_some_and(|m| !m.is_empty()));
                assert!(l["location"]["line"].as_u64().is_some_and(|n| n > 0));
            }
        }
        if check == "unclear-ownership" {
            let claims: Vec<&str> = d["labels"]
                .as_array()
                .expect("the claims are listed")
                .iter()
                .filter_map(|l| l["message"].as_str())
                .collect();
            assert!(claims.len() >= 2, "{claims:?}");
            assert!(
                claims.iter().all(|m| m.starts_with("claimed by")),
                "{claims:?}"
            );
        }
        let key = (file.to_owned(), line, check.to_owned(), id.to_owned());
        if let Some(prev) = &previous {
            assert!(prev <= &key, "not sorted: {prev:?} before {key:?}");
        }
        previous = Some(key);
    }
    assert_eq!(j["summary"]["errors"], errors);
    assert_eq!(j["summary"]["warnings"], warnings);
    assert!(j["summary"]["entities"].as_u64().expect("entities") > 30);
}

#[test]
fn the_shared_example_reports_its_planted_problems() {
    let example = Path::new(ROOT).join("../shared/spec/example-org.yaml");
    if !example.exists() {
        eprintln!("note: ../shared is not beside the checkout; skipping");
        return;
    }
    let o = opmodel(&[
        "check",
        example.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 1);
    let j = json(&o);
    let has = |check: &str, id: &str| {
        j["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .any(|d| d["check"] == check && d["entity"]["id"] == id)
    };
    assert!(has("unclear-ownership", "web-shop"));
    assert!(has("orphaned-product", "gift-registry"));
    assert!(has(
        "conflicting-deciders",
        "budget-allocation@organization"
    ));
}

#[test]
fn missing_inputs_and_bad_arguments_exit_2() {
    let o = opmodel(&["check", "no/such/folder"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no/such/folder"), "{}", stderr(&o));
    assert_eq!(code(&opmodel(&["check"])), 2);
    assert_eq!(
        code(&opmodel(&[
            "check",
            "examples/orgs/healthy.yaml",
            "--format",
            "xml"
        ])),
        2
    );
    assert_eq!(code(&opmodel(&["frobnicate"])), 2);
    assert_eq!(code(&opmodel(&["--help"])), 0);
}

#[test]
fn an_unknown_check_on_the_command_line_exits_2_with_a_suggestion() {
    let o = opmodel(&[
        "check",
        "examples/orgs/healthy.yaml",
        "-D",
        "orphaned-prodct",
    ]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `orphaned-product`?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn command_line_levels_override_defaults() {
    // The streaming org's errors, all allowed away one by one, leave exit 0.
    let j = json(&opmodel(&[
        "check",
        "examples/orgs/streaming",
        "--format",
        "json",
    ]));
    let mut args: Vec<String> = ["check", "examples/orgs/streaming"]
        .map(String::from)
        .to_vec();
    let mut names: Vec<String> = j["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["check"].as_str().expect("check").to_owned())
        .collect();
    names.sort();
    names.dedup();
    assert!(!names.is_empty());
    for n in &names {
        args.push("-A".into());
        args.push(n.clone());
    }
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    assert_eq!(code(&opmodel(&refs)), 0);
    // -D warnings turns every warning into an error.
    let o = opmodel(&[
        "check",
        "examples/orgs/healthy.yaml",
        "-W",
        "orphaned-product",
        "-D",
        "warnings",
    ]);
    assert_eq!(code(&o), 0, "the healthy org has no warnings to deny");
}

#[test]
fn the_last_level_flag_given_for_a_check_wins() {
    let dir = std::env::temp_dir().join(format!("opmodel-cli-levels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let org = dir.join("org.yaml");
    std::fs::write(
        &org,
        "objectives:\n  - id: q3\n    title: Grow retention\n    key_results:\n      - Launch the new onboarding by August\n",
    )
    .expect("write org");
    let org = org.to_str().expect("utf-8 path");
    let severities = |flags: &[&str]| -> Vec<String> {
        let mut args = vec!["check", org, "--format", "json"];
        args.extend_from_slice(flags);
        json(&opmodel(&args))["diagnostics"]
            .as_array()
            .expect("list")
            .iter()
            .filter(|d| d["check"] == "milestone-key-result")
            .map(|d| d["severity"].as_str().expect("severity").to_owned())
            .collect()
    };
    const CHECK: &str = "milestone-key-result";
    assert_eq!(severities(&[]), ["warning"]);
    assert!(severities(&["-D", CHECK, "-A", CHECK]).is_empty());
    assert_eq!(severities(&["-A", CHECK, "-D", CHECK]), ["error"]);
    assert_eq!(severities(&["--deny", CHECK, "-W", CHECK]), ["warning"]);
    // `-D warnings` raises what is a warning when the checks run, wherever
    // it stands; an allowed check is not a warning.
    assert_eq!(severities(&["-D", "warnings", "-W", CHECK]), ["error"]);
    assert!(severities(&["-D", "warnings", "-A", CHECK]).is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn text_and_human_name_the_same_format_in_every_command() {
    let org = "examples/orgs/healthy.yaml";
    for (command, other) in [("check", "text"), ("report", "human"), ("checks", "human")] {
        let named = match command {
            "checks" => opmodel(&[command, "--format", other]),
            _ => opmodel(&[command, org, "--format", other]),
        };
        assert_eq!(
            code(&named),
            0,
            "{command} --format {other}: {}",
            stderr(&named)
        );
        let usual = match (command, other) {
            ("check", _) => opmodel(&[command, org, "--format", "human"]),
            ("checks", _) => opmodel(&[command, "--format", "text"]),
            _ => opmodel(&[command, org, "--format", "text"]),
        };
        assert_eq!(stdout(&named), stdout(&usual), "{command}");
    }
}

#[test]
fn check_help_shows_the_loaders_defaults() {
    let o = opmodel(&["check", "--help"]);
    assert_eq!(code(&o), 0);
    // clap wraps long lines: compare with the help on one line.
    let help = stdout(&o).split_whitespace().collect::<Vec<_>>().join(" ");
    let d = opmodel::load::LoadOptions::default();
    for (flag, default) in [
        ("--max-file-size", d.max_file_size),
        ("--max-total-size", d.max_total_size),
        ("--max-entities", d.max_entities as u64),
        ("--max-depth", d.max_depth as u64),
        ("--max-text-len", d.max_text_len as u64),
        ("--max-alias-expansion", d.max_alias_expansion as u64),
        ("--max-problems-per-file", d.max_problems_per_file as u64),
        ("--max-glob-visits", d.max_glob_visits as u64),
    ] {
        let from = help
            .find(flag)
            .unwrap_or_else(|| panic!("{flag} in {help}"));
        let rest = &help[from..];
        let next = rest[2..].find(" --").map_or(rest.len(), |n| n + 2);
        assert!(
            rest[..next].contains(&format!("[default: {default}")),
            "{flag}: {}",
            &rest[..next]
        );
    }
}

#[test]
fn a_bad_config_exits_2_with_file_line_and_suggestion() {
    let dir = std::env::temp_dir().join(format!("opmodel-cli-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let config = dir.join("opmodel.toml");
    std::fs::write(
        &config,
        "[checks]\norphaned-product = \"deny\"\nunclear-owner = \"warn\"\n",
    )
    .expect("write");
    let org = Path::new(ROOT).join("examples/orgs/healthy.yaml");
    let o = opmodel(&[
        "check",
        org.to_str().expect("utf-8"),
        "--config",
        config.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("opmodel.toml:3:1"), "{err}");
    assert!(err.contains("unknown check `unclear-owner`"), "{err}");
    assert!(err.contains("did you mean `unclear-ownership`?"), "{err}");
    std::fs::write(
        &config,
        "[checks]\noverloaded-team = { level = \"warn\", max_product = 4 }\n",
    )
    .expect("write");
    let o = opmodel(&[
        "check",
        org.to_str().expect("utf-8"),
        "--config",
        config.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `max_products`?"),
        "{}",
        stderr(&o)
    );
    std::fs::write(
        &config,
        "[checks]\noverloaded-team = { max_products = \"four\" }\n",
    )
    .expect("write");
    let o = opmodel(&[
        "check",
        org.to_str().expect("utf-8"),
        "--config",
        config.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("must be an integer"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_config_beside_the_input_is_used() {
    // examples/orgs/streaming/opmodel.toml raises incomplete-product-trio to warn.
    let j = json(&opmodel(&[
        "check",
        "examples/orgs/streaming",
        "--format",
        "json",
    ]));
    let trio = j["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .any(|d| d["check"] == "incomplete-product-trio");
    assert!(
        trio,
        "the folder's opmodel.toml switches incomplete-product-trio on"
    );
}

#[test]
fn explain_prints_the_docs_and_rejects_unknown_names() {
    let o = opmodel(&["explain", "unclear-ownership"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    for heading in ["What it finds", "Why it matters", "Example", "Fix"] {
        assert!(out.contains(heading), "{out}");
    }
    let o = opmodel(&["explain", "unclear-ownershp"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `unclear-ownership`?"),
        "{}",
        stderr(&o)
    );
    // One word of a name is enough to be pointed at it, or at the few
    // checks it opens a word of.
    let o = opmodel(&["explain", "milestone"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("did you mean `milestone-key-result`?"),
        "{}",
        stderr(&o)
    );
    let o = opmodel(&["explain", "orphan"]);
    assert!(stderr(&o).contains("`orphaned-product`"), "{}", stderr(&o));
    let o = opmodel(&["explain", "outcome"]);
    let err = stderr(&o);
    assert!(err.contains("checks named like it:"), "{err}");
    assert!(
        err.contains("`unmeasurable-outcome`") && err.contains("`unsupported-outcome`"),
        "{err}"
    );
    let o = opmodel(&["explain", "zzzz"]);
    assert!(
        stderr(&o).contains("`opmodel checks` lists every check"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn checks_lists_every_check() {
    let o = opmodel(&["checks", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let rows = json(&o);
    let names: Vec<&str> = rows
        .as_array()
        .expect("list")
        .iter()
        .map(|r| r["name"].as_str().expect("name"))
        .collect();
    for name in [
        "unknown-reference",
        "duplicate-id",
        "invalid-entity",
        "hierarchy-cycle",
        "orphaned-product",
        "unclear-ownership",
        "overloaded-team",
        "idle-team",
        "incomplete-product-trio",
        "unaligned-product",
        "objective-without-key-results",
        "unsupported-outcome",
        "unmeasurable-outcome",
        "function-not-product-led",
        "milestone-key-result",
        "unmeasurable-key-result",
        "project-style-objective",
        "project-funded-product",
        "missing-decider",
        "conflicting-deciders",
        "missing-decision-right",
        "decision-outside-ownership",
        "escalation-cycle",
        "ungoverned-standard",
    ] {
        assert!(
            names.contains(&name),
            "{name} missing from `opmodel checks`"
        );
    }
}

#[test]
fn human_output_of_the_bundled_example() {
    let o = opmodel(&["check", "examples/orgs/streaming", "--color", "never"]);
    assert_eq!(code(&o), 1);
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn max_findings_0_is_refused_with_the_reason() {
    let o = opmodel(&["check", "examples/orgs/streaming", "--max-findings", "0"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("the limit must be at least 1"),
        "{}",
        stderr(&o)
    );
    // 1 keeps one finding per check, and the note says 1.
    let o = opmodel(&["check", "examples/orgs/streaming", "--max-findings", "1"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("(the limit is 1 per check;"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_huge_alias_limit_is_not_named_as_what_stopped_the_file() {
    let o = opmodel(&[
        "check",
        "tests/fixtures/hostile/alias-bomb.yaml",
        "--max-alias-expansion",
        "18446744073709551615",
    ]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let text = stdout(&o);
    assert!(!text.contains("18446744073709551615"), "{text}");
    assert!(
        text.contains("aliases expand to more than 1000000 values, the most the YAML parser holds for this file whatever the alias limit"),
        "{text}"
    );
    assert!(!text.contains("raise the limit"), "{text}");
    // A limit the file does pass is named as before.
    let o = opmodel(&[
        "check",
        "tests/fixtures/hostile/alias-bomb.yaml",
        "--max-alias-expansion",
        "999999",
    ]);
    assert!(
        stdout(&o).contains("aliases expand to more than 999999 values\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn opmodel_timings_prints_each_phase_with_its_memory() {
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "examples/orgs/healthy.yaml", "--format", "json"])
        .current_dir(ROOT)
        .env("OPMODEL_TIMINGS", "1")
        .output()
        .expect("the binary runs");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let err = stderr(&o);
    for phase in ["load", "graph and checks", "write"] {
        let line = err
            .lines()
            .find(|l| l.starts_with(&format!("timing: {phase}: ")))
            .unwrap_or_else(|| panic!("no `{phase}` timing in:\n{err}"));
        if cfg!(target_os = "linux") {
            assert!(line.contains(" MiB, peak "), "{line}");
        }
    }
    // Standard output is the report alone.
    json(&o);
    let quiet = opmodel(&["check", "examples/orgs/healthy.yaml"]);
    assert!(!stderr(&quiet).contains("timing:"), "{}", stderr(&quiet));
}

#[test]
fn explain_takes_a_check_name_in_capitals_or_with_underscores() {
    let exact = opmodel(&["explain", "milestone-key-result"]);
    assert_eq!(code(&exact), 0);
    for written in ["MILESTONE-KEY-RESULT", "milestone_key_result"] {
        let o = opmodel(&["explain", written]);
        assert_eq!(code(&o), 0, "{written}: {}", stderr(&o));
        assert_eq!(stdout(&o), stdout(&exact), "{written}");
    }
    assert_eq!(code(&opmodel(&["explain", "milestone-key-results-x"])), 2);
}

#[test]
fn a_baseline_kept_in_the_org_folder_is_passed_over_by_every_command() {
    let dir = std::env::temp_dir().join(format!("opmodel-cli-baseline-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(
        dir.join("org.yaml"),
        "teams:\n  - { id: t1, owns: p1 }\nproducts:\n  - { id: p1, kind: internal }\n",
    )
    .expect("write org");
    let org = dir.to_str().expect("utf-8 path");
    let baseline = dir.join("opmodel-baseline.json");
    let written = opmodel(&[
        "check",
        org,
        "--write-baseline",
        baseline.to_str().expect("utf-8 path"),
    ]);
    assert!(baseline.exists(), "{}", stderr(&written));
    for args in [
        vec!["check", org, "--format", "json"],
        vec!["report", org],
        vec!["graph", org],
    ] {
        let o = opmodel(&args);
        assert_eq!(code(&o), 0, "{args:?}: {}{}", stdout(&o), stderr(&o));
        assert!(!stdout(&o).contains("invalid-file"), "{args:?}");
        assert!(!stderr(&o).contains("opmodel-baseline.json"), "{args:?}");
    }
    // A JSON file with findings and an org section is an org file, read and
    // reported as one.
    std::fs::write(
        dir.join("other.json"),
        "{\"version\": 1, \"teams\": [], \"findings\": []}\n",
    )
    .expect("write");
    let o = opmodel(&["check", org, "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    assert!(stdout(&o).contains("unknown section"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}
