//! Exact spans (issues 19 and 22): every location points at the field or
//! value at fault and says where it ends. The JSON `location`, the SARIF
//! region, the GitHub annotation and the text underline all cover the same
//! characters, the whole value (`booking portal`, not `booking`), in every
//! format.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn opmodel_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh folder holding one file.
fn org(name: &str, file: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("opmodel-spans-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join(file), text).expect("writes");
    dir
}

const YAML: &str = "\
teams:
  - id: web
    owns: [booking portal]   # a typo for booking-portal
    kind: stream-aligned
outcomes:
  - id: more-bookings
    statement: More travellers book with us
    metric: weekly bookings
    baseline: lots of them
objectives:
  - id: grow
    title: More travellers book with us
    owner: web
    key_results:
      - Ship the partner booking flow in every region
      - id: grow-kr2
        text: Launch the new booking portal by June
";

const TOML: &str = r#"
[[teams]]
id = "web"
owns = ["booking portal"]
kind = "stream-aligned"

[[outcomes]]
id = "more-bookings"
statement = "More travellers book with us"
metric = "weekly bookings"
baseline = "lots of them"

[[objectives]]
id = "grow"
title = "More travellers book with us"
owner = "web"
key_results = [
  "Ship the partner booking flow in every region",
  { id = "grow-kr2", text = "Launch the new booking portal by June" },
]
"#;

const JSON: &str = r#"{
  "teams": [
    {
      "id": "web",
      "owns": ["booking portal"],
      "kind": "stream-aligned"
    }
  ],
  "outcomes": [
    {
      "id": "more-bookings",
      "statement": "More travellers book with us",
      "metric": "weekly bookings",
      "baseline": "lots of them"
    }
  ],
  "objectives": [
    {
      "id": "grow",
      "title": "More travellers book with us",
      "owner": "web",
      "key_results": [
        "Ship the partner booking flow in every region",
        { "id": "grow-kr2", "text": "Launch the new booking portal by June" }
      ]
    }
  ]
}
"#;

/// The characters of `text` from 1-based `line`:`column` to just before
/// `end_line`:`end_column` (on one line).
fn slice(text: &str, line: u64, column: u64, end_line: u64, end_column: u64) -> String {
    assert_eq!(line, end_line, "one-line values here");
    let l = text.lines().nth(line as usize - 1).expect("the line");
    l.chars()
        .skip(column as usize - 1)
        .take((end_column - column) as usize)
        .collect()
}

/// The JSON diagnostic of `check` about entity `id`.
fn finding<'a>(json: &'a serde_json::Value, check: &str, id: &str) -> &'a serde_json::Value {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["check"] == check && d["entity"]["id"] == id)
        .unwrap_or_else(|| panic!("no {check} about {id}: {json:#}"))
}

/// What the JSON location of `d` covers in `text`.
fn covered(text: &str, d: &serde_json::Value) -> String {
    let l = &d["location"];
    let n = |key: &str| l[key].as_u64().unwrap_or_else(|| panic!("{key} in {l}"));
    slice(text, n("line"), n("column"), n("end_line"), n("end_column"))
}

#[test]
fn every_format_spans_the_whole_value_at_fault() {
    for (name, file, text) in [
        ("yaml", "org.yaml", YAML),
        ("toml", "org.toml", TOML),
        ("json", "org.json", JSON),
    ] {
        let dir = org(name, file, text);
        let o = opmodel_in(&dir, &["check", file, "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        let unquote = |s: String| s.trim_matches('"').to_owned();

        // A reference with a space in it: the whole id.
        let d = finding(&json, "unknown-reference", "web");
        assert_eq!(unquote(covered(text, d)), "booking portal", "{name}: {d}");

        // A value of the wrong type: the value, not the entity's first line.
        let d = finding(&json, "invalid-entity", "more-bookings");
        assert_eq!(unquote(covered(text, d)), "lots of them", "{name}: {d}");

        // A key result written as a table: its text, not its first key.
        let d = finding(&json, "milestone-key-result", "grow-kr2");
        assert_eq!(
            unquote(covered(text, d)),
            "Launch the new booking portal by June",
            "{name}: {d}"
        );

        // The text output underlines exactly those characters.
        let human = stdout(&opmodel_in(&dir, &["check", file]));
        for value in ["booking portal", "lots of them"] {
            let (source, marks) = underlined(&human, value);
            assert_eq!(unquote(source), value, "{name}: {human}");
            assert!(marks.chars().all(|c| c == '^'), "{name}: {marks}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// In the text output, the first underline below a quoted source line that
/// holds `value`: the characters above the carets, and the carets.
fn underlined(human: &str, value: &str) -> (String, String) {
    let lines: Vec<&str> = human.lines().collect();
    for pair in lines.windows(2) {
        let (source, marks) = (pair[0], pair[1]);
        let (Some((_, src)), Some((_, under))) =
            (source.split_once(" | "), marks.split_once(" | "))
        else {
            continue;
        };
        if !src.contains(value) || !under.trim_start().starts_with('^') {
            continue;
        }
        let start = under.len() - under.trim_start().len();
        let carets = under.trim_start().chars().take_while(|&c| c == '^').count();
        let shown: String = src.chars().skip(start).take(carets).collect();
        return (shown, "^".repeat(carets));
    }
    panic!("no underline below `{value}`:\n{human}");
}

#[test]
fn json_location_is_where_the_text_points_with_an_end() {
    let dir = org("where", "org.yaml", YAML);
    let o = opmodel_in(&dir, &["check", "org.yaml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let human = stdout(&opmodel_in(&dir, &["check", "org.yaml"]));
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        let l = &d["location"];
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(l[key].as_u64().is_some_and(|n| n > 0), "{key}: {d}");
        }
        // The `-->` line of the text output names the same place.
        let arrow = format!("--> org.yaml:{}:{}", l["line"], l["column"]);
        assert!(human.contains(&arrow), "{arrow} for {d}\n{human}");
    }
    // The unknown-reference finding is on the line of `owns:`, not `- id:`.
    let d = finding(&json, "unknown-reference", "web");
    assert_eq!(d["location"]["line"], 3);
    // A key result written as text is placed at its text.
    let d = finding(&json, "milestone-key-result", "grow#1");
    assert_eq!(
        covered(YAML, d),
        "Ship the partner booking flow in every region"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn sarif_and_github_carry_the_same_span() {
    let dir = org("ci", "org.toml", TOML);
    let json: serde_json::Value = serde_json::from_str(&stdout(&opmodel_in(
        &dir,
        &["check", "org.toml", "--format", "json"],
    )))
    .expect("JSON");
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&opmodel_in(
        &dir,
        &["check", "org.toml", "--format", "sarif"],
    )))
    .expect("SARIF");
    let github = stdout(&opmodel_in(
        &dir,
        &["check", "org.toml", "--format", "github"],
    ));
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert_eq!(diagnostics.len(), results.len());
    for ((d, r), line) in diagnostics.iter().zip(results).zip(github.lines()) {
        let l = &d["location"];
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], l["line"]);
        assert_eq!(region["startColumn"], l["column"]);
        assert_eq!(region["endLine"], l["end_line"]);
        assert_eq!(region["endColumn"], l["end_column"]);
        let place = format!(
            "line={},col={},endLine={},endColumn={},",
            l["line"], l["column"], l["end_line"], l["end_column"]
        );
        assert!(line.contains(&place), "{place} in {line}");
    }
    let d = finding(&json, "unknown-reference", "web");
    assert_eq!(covered(TOML, d), "\"booking portal\"");
    let _ = std::fs::remove_dir_all(&dir);
}
