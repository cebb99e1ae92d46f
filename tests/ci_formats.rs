//! The binary as a process, for CI: `--format github` annotations and
//! baselines (`--write-baseline`, `--baseline`) through edits of the org.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(dir)
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

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", stdout(o)))
}

/// A fresh folder of its own for one test.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("opmodel-ci-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        Self(dir)
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.0.join(file), text).expect("written");
    }

    fn run(&self, args: &[&str]) -> Output {
        run_in(&self.0, args)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Two teams claim `web-shop`, nobody owns `gift-registry`: two errors and
/// a few warnings.
const ORG: &str = "\
teams:
  - id: storefront
    owns: [web-shop]
  - id: fulfilment
    owns: [web-shop, warehouse]
products:
  - id: web-shop
  - id: warehouse
  - id: gift-registry
";

fn checks_of(report: &Value) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["check"].as_str().unwrap_or_default().to_owned(),
                d["entity"]["id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn github_format_is_one_workflow_command_per_finding() {
    let o = run_in(
        Path::new(ROOT),
        &["check", "examples/orgs/streaming", "--format", "github"],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let j = json(&run_in(
        Path::new(ROOT),
        &["check", "examples/orgs/streaming", "--format", "json"],
    ));
    let diagnostics = j["diagnostics"].as_array().expect("diagnostics");
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), diagnostics.len());
    for (line, d) in lines.iter().zip(diagnostics) {
        let command = match d["severity"].as_str() {
            Some("error") => "::error ",
            Some("warning") => "::warning ",
            _ => "::notice ",
        };
        let l = &d["location"];
        let (Some(file), Some(n), Some(c), Some(end_n), Some(end_c)) = (
            l["file"].as_str(),
            l["line"].as_u64(),
            l["column"].as_u64(),
            l["end_line"].as_u64(),
            l["end_column"].as_u64(),
        ) else {
            panic!("the example's findings have locations: {d}");
        };
        // The span of the value at fault, not one character.
        assert!((end_n, end_c) >= (n, c + 1), "{d}");
        let check = d["check"].as_str().expect("a check");
        let message = d["message"].as_str().expect("a message");
        assert_eq!(
            *line,
            format!(
                "{command}file={file},line={n},col={c},endLine={end_n},endColumn={end_c},title={check}::{message}",
            )
        );
    }

    // A healthy org prints nothing and exits 0.
    let o = run_in(
        Path::new(ROOT),
        &["check", "examples/orgs/healthy.yaml", "--format", "github"],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn github_format_escapes_messages_and_file_names() {
    let s = Scratch::new("escape");
    // A file name with a comma, and a product whose id holds a percent sign
    // in a message.
    s.write("a,b.yaml", "products:\n  - id: \"50%-off\"\n");
    let o = s.run(&[
        "check",
        "a,b.yaml",
        "--format",
        "github",
        "-A",
        "invalid-entity",
    ]);
    let text = stdout(&o);
    assert!(!text.is_empty(), "{}", stderr(&o));
    for line in text.lines() {
        assert!(line.starts_with("::"), "{line}");
        assert!(line.contains("file=a%2Cb.yaml,line="), "{line}");
        let (_, message) = line.rsplit_once("::").expect("a message");
        assert!(!message.contains("50%-"), "{line}");
    }
    assert!(text.contains("50%25-off"), "{text}");
}

#[cfg(unix)]
#[test]
fn machine_formats_name_the_file_that_is_there() {
    // Names a terminal shows escaped (`\t`) and a backslash, which is a
    // character of the name outside Windows.
    let s = Scratch::new("odd-names");
    let names = ["ta\tb.yaml", "a\nb.yaml", "x\\y.yaml"];
    for name in names {
        s.write(name, "products: [{id: q}]\n");
    }
    for name in names {
        let o = s.run(&["check", name, "--format", "json"]);
        let files: Vec<String> = json(&o)["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .filter_map(|d| d["location"]["file"].as_str().map(str::to_owned))
            .collect();
        assert!(!files.is_empty());
        assert!(files.iter().all(|f| f == name), "{name:?}: {files:?}");
        let o = s.run(&["check", name, "--format", "sarif"]);
        let uri = json(&o)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
            ["artifactLocation"]["uri"]
            .as_str()
            .expect("a uri")
            .to_owned();
        let encoded = name
            .replace('\t', "%09")
            .replace('\n', "%0A")
            .replace('\\', "%5C");
        assert_eq!(uri, encoded);
        let o = s.run(&["check", name, "--format", "github"]);
        let text = stdout(&o);
        // One command per line: the newline of a name is escaped.
        assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
        if name.contains('\n') {
            assert!(text.contains("file=a%0Ab.yaml,"), "{text}");
        }
    }
}

#[test]
fn a_baseline_hides_todays_findings_through_edits() {
    let s = Scratch::new("edits");
    s.write("org.yaml", ORG);
    let before = json(&s.run(&["check", "org.yaml", "--format", "json"]));
    let total = before["diagnostics"].as_array().map_or(0, Vec::len);
    assert!(total >= 3, "{before}");

    // Writing the baseline reports as usual (exit 1: there are errors).
    let o = s.run(&["check", "org.yaml", "--write-baseline", "baseline.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(s.0.join("baseline.json")).expect("the baseline"),
    )
    .expect("JSON");
    assert_eq!(file["version"], 1);
    assert_eq!(file["findings"].as_array().map(Vec::len), Some(total));

    // The same org: nothing reported, exit 0, every finding baselined.
    let o = s.run(&[
        "check",
        "org.yaml",
        "--baseline",
        "baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["diagnostics"], serde_json::json!([]));
    assert_eq!(
        j["summary"],
        serde_json::json!({"errors": 0, "warnings": 0, "entities": 5, "baselined": total, "baseline_gone": 0})
    );

    // Blank lines and a comment on top, the products moved above the teams
    // and reordered: every line changes, no finding comes back.
    s.write(
        "org.yaml",
        "\n# our org\n\nproducts:\n  - id: gift-registry\n\n  - id: warehouse\n  - id: web-shop\nteams:\n  - id: fulfilment\n    owns: [web-shop, warehouse]\n  - id: storefront\n    owns: [web-shop]\n",
    );
    let moved = json(&s.run(&["check", "org.yaml", "--format", "json"]));
    assert_eq!(moved["diagnostics"].as_array().map_or(0, Vec::len), total);
    assert_ne!(
        moved["diagnostics"], before["diagnostics"],
        "the lines moved"
    );
    let o = s.run(&[
        "check",
        "org.yaml",
        "--baseline",
        "baseline.json",
        "--format",
        "json",
    ]);
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o)["diagnostics"], serde_json::json!([]));
    let o = s.run(&["check", "org.yaml", "--baseline", "baseline.json"]);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).contains(&format!(
            "note: {total} findings in the baseline not reported; 0 baselined findings are gone\n"
        )),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).ends_with("ok: 0 errors, 0 warnings in 5 entities\n"),
        "{}",
        stdout(&o)
    );
}

/// Only the errors of [`ORG`]: its warnings change with every ownership fix.
const ERRORS_ONLY: [&str; 4] = ["-A", "missing-decision-right", "-A", "unaligned-product"];

fn check(s: &Scratch, args: &[&str]) -> Output {
    let mut all = vec!["check", "org.yaml"];
    all.extend_from_slice(args);
    all.extend_from_slice(&ERRORS_ONLY);
    s.run(&all)
}

#[test]
fn a_new_problem_is_reported_alone() {
    let s = Scratch::new("new");
    s.write("org.yaml", ORG);
    let o = check(&s, &["--write-baseline", "baseline.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("wrote 2 findings to the baseline"),
        "{}",
        stderr(&o)
    );

    // A new product nobody owns, between the old ones.
    s.write(
        "org.yaml",
        &ORG.replace(
            "  - id: warehouse\n",
            "  - id: warehouse\n  - id: loyalty\n",
        ),
    );
    let o = check(&s, &["--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(code(&o), 1, "the new error fails the run: {}", stderr(&o));
    let j = json(&o);
    assert_eq!(
        checks_of(&j),
        [("orphaned-product".to_owned(), "loyalty".to_owned())]
    );
    assert_eq!(
        j["summary"],
        serde_json::json!({"errors": 1, "warnings": 0, "entities": 6, "baselined": 2, "baseline_gone": 0})
    );

    // The same in every format: one finding.
    let o = check(&s, &["--baseline", "baseline.json", "--format", "github"]);
    assert_eq!(code(&o), 1);
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        stderr(&o).contains(
            "note: 2 findings in the baseline not reported; 0 baselined findings are gone"
        ),
        "{}",
        stderr(&o)
    );
    assert!(
        text.starts_with("::error file=org.yaml,line=9,col=5,"),
        "{text}"
    );
    let o = check(&s, &["--baseline", "baseline.json", "--format", "sarif"]);
    assert_eq!(code(&o), 1);
    let results = &json(&o)["runs"][0]["results"];
    assert_eq!(results.as_array().map(Vec::len), Some(1), "{results}");
    assert_eq!(results[0]["ruleId"], "orphaned-product");
}

#[test]
fn a_fixed_problem_is_counted_as_gone() {
    let s = Scratch::new("fixed");
    s.write("org.yaml", ORG);
    let o = check(&s, &["--write-baseline", "baseline.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));

    // gift-registry gets an owner: its orphaned-product finding is gone;
    // the unclear ownership of web-shop stays baselined, so exit 0.
    s.write(
        "org.yaml",
        &ORG.replace(
            "owns: [web-shop, warehouse]",
            "owns: [web-shop, warehouse, gift-registry]",
        ),
    );
    let o = check(&s, &["--baseline", "baseline.json", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let j = json(&o);
    assert_eq!(j["diagnostics"], serde_json::json!([]));
    assert_eq!(j["summary"]["baselined"], 1);
    assert_eq!(j["summary"]["baseline_gone"], 1);

    let o = check(&s, &["--baseline", "baseline.json"]);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o).contains(
            "note: 1 finding in the baseline not reported; 1 baselined finding is gone\n"
        ),
        "{}",
        stdout(&o)
    );

    // Without the baseline the remaining error fails the run again.
    let o = check(&s, &[]);
    assert_eq!(code(&o), 1);
}

#[test]
fn a_baseline_kept_in_the_org_folder_is_not_read_as_an_org_file() {
    let s = Scratch::new("inside");
    std::fs::create_dir_all(s.0.join("org")).expect("a folder");
    s.write("org/org.yaml", ORG);
    let o = s.run(&["check", "org", "--write-baseline", "org/baseline.json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    // The note comes after the report.
    assert!(
        stderr(&o)
            .trim_end()
            .ends_with("check against it with --baseline"),
        "{}",
        stderr(&o)
    );
    for args in [
        &[
            "check",
            "org",
            "--baseline",
            "org/baseline.json",
            "--format",
            "json",
        ][..],
        &[
            "check",
            "org/",
            "--baseline",
            "./org/baseline.json",
            "--format",
            "json",
            "--write-baseline",
            "org/again.json",
        ],
    ] {
        let o = s.run(args);
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_eq!(json(&o)["diagnostics"], serde_json::json!([]), "{args:?}");
    }
    // Given as an input itself, a file is read whatever it is.
    let o = s.run(&[
        "check",
        "org/baseline.json",
        "--baseline",
        "org/baseline.json",
    ]);
    assert!(stdout(&o).contains("invalid-file"), "{}", stdout(&o));
}

#[test]
fn writing_and_reading_a_baseline_in_one_run() {
    let s = Scratch::new("both");
    s.write("org.yaml", ORG);
    let o = check(&s, &["--write-baseline", "b.json"]);
    assert_eq!(code(&o), 1);
    s.write("org.yaml", &format!("{ORG}  - id: loyalty\n"));
    // The new baseline records every finding of the run; the report is
    // filtered by the old one.
    let o = check(
        &s,
        &[
            "--baseline",
            "b.json",
            "--write-baseline",
            "b2.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(checks_of(&json(&o)).len(), 1);
    let o = check(&s, &["--baseline", "b2.json", "--format", "json"]);
    assert_eq!(code(&o), 0);
    assert_eq!(json(&o)["summary"]["baselined"], 3);
}

#[test]
fn without_a_baseline_the_json_summary_keeps_its_shape() {
    let s = Scratch::new("shape");
    s.write("org.yaml", ORG);
    let j = json(&s.run(&["check", "org.yaml", "--format", "json"]));
    let keys: Vec<&String> = j["summary"]
        .as_object()
        .expect("an object")
        .keys()
        .collect();
    assert_eq!(keys, ["entities", "errors", "warnings"]);
    let human = stdout(&s.run(&["check", "org.yaml"]));
    assert!(!human.contains("baseline"), "{human}");
}

#[test]
fn bad_baselines_are_usage_errors() {
    let s = Scratch::new("bad");
    s.write("org.yaml", ORG);
    let o = s.run(&["check", "org.yaml", "--baseline", "missing.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot read the baseline `missing.json`"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "");

    s.write("old.json", "{\"version\": 99, \"findings\": []}");
    let o = s.run(&["check", "org.yaml", "--baseline", "old.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("version 99"), "{}", stderr(&o));

    s.write("junk.json", "[1, 2, 3]");
    let o = s.run(&["check", "org.yaml", "--baseline", "junk.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not a baseline file"), "{}", stderr(&o));

    // An empty baseline hides nothing.
    s.write("empty.json", "{\"version\": 1, \"findings\": []}");
    let with = json(&s.run(&[
        "check",
        "org.yaml",
        "--baseline",
        "empty.json",
        "--format",
        "json",
    ]));
    let without = json(&s.run(&["check", "org.yaml", "--format", "json"]));
    assert_eq!(with["diagnostics"], without["diagnostics"]);
    assert_eq!(with["summary"]["baselined"], 0);
}

#[test]
fn a_key_result_inserted_before_a_baselined_one_does_not_resurface_it() {
    let s = Scratch::new("key-results");
    let objective = |krs: &[&str]| {
        let mut org = String::from(
            "teams:\n  - id: payments\n    owns: [wallet]\nproducts:\n  - id: wallet\n    outcomes: [easy-payments]\noutcomes:\n  - id: easy-payments\n    statement: Paying is easy\n    metric: weekly wallet payments\nobjectives:\n  - id: payments-q3\n    title: Paying with the wallet is the easiest way to pay\n    owner: payments\n    supports: [easy-payments]\n    key_results:\n",
        );
        for kr in krs {
            org.push_str(&format!("      - {kr}\n"));
        }
        org
    };
    let measured = "Raise weekly wallet payments per customer from 3.1 to 3.6";
    let milestone = "Launch the new wallet screen by August";
    let other = "Migrate the old ledger to Postgres by June";
    s.write("org.yaml", &objective(&[measured, milestone]));
    let o = s.run(&[
        "check",
        "org.yaml",
        "--write-baseline",
        "b.json",
        "--format",
        "json",
    ]);
    let before = checks_of(&json(&o));
    assert!(
        before.contains(&(
            "milestone-key-result".to_owned(),
            "payments-q3#2".to_owned()
        )),
        "{before:?}"
    );

    // A new milestone key result first: the old one is now `payments-q3#3`
    // and stays baselined; only the new one is reported.
    s.write("org.yaml", &objective(&[other, measured, milestone]));
    let o = s.run(&[
        "check",
        "org.yaml",
        "--baseline",
        "b.json",
        "--format",
        "json",
    ]);
    let j = json(&o);
    let reported = checks_of(&j);
    assert!(!reported.is_empty());
    assert!(
        reported.iter().all(|(_, id)| id == "payments-q3#1"),
        "{reported:?}"
    );
    assert_eq!(j["summary"]["baseline_gone"], 0);
    assert_eq!(j["summary"]["baselined"], before.len());
}
