//! What a new user runs before their org exists, as a process:
//! `opmodel init`, `opmodel completions`, and one org file on standard
//! input (`opmodel check -`).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn opmodel_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Runs opmodel in a fresh empty folder with `input` on standard input.
fn opmodel_stdin(name: &str, args: &[&str], input: &[u8]) -> Output {
    let dir = fresh(&format!("stdin-{name}"));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("a pipe");
    // A refused write (the tool exited before reading) is what some tests expect.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("the binary ends")
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

/// A path under the temp folder that does not exist yet.
fn fresh(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("opmodel-start-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn init_writes_a_commented_starter_org_that_checks_clean() {
    let dir = fresh("init-clean");
    let parent = dir.parent().expect("a parent");
    let name = dir.file_name().and_then(|n| n.to_str()).expect("a name");
    let o = opmodel_in(parent, &["init", name]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("opmodel check"), "{}", stderr(&o));
    let org = std::fs::read_to_string(dir.join("org.yaml")).expect("org.yaml written");
    assert!(
        org.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
            >= 10
    );
    for section in [
        "teams:",
        "products:",
        "outcomes:",
        "objectives:",
        "decisions:",
    ] {
        assert!(org.contains(section), "no {section} in\n{org}");
    }
    assert!(dir.join("opmodel.toml").is_file());

    // Clean by default, and under the strictest levels too.
    let o = opmodel_in(parent, &["check", name]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("0 errors, 0 warnings"),
        "{}",
        stdout(&o)
    );
    assert!(!stdout(&o).contains(" 0 entities"), "{}", stdout(&o));
    let o = opmodel_in(
        parent,
        &[
            "check",
            name,
            "-D",
            "warnings",
            "-D",
            "incomplete-product-trio",
        ],
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // The config written beside it is the one found and it is valid.
    let o = opmodel_in(parent, &["check", name, "--verbose"]);
    assert!(stderr(&o).contains("opmodel.toml"), "{}", stderr(&o));
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn init_defaults_to_the_current_folder() {
    let dir = fresh("init-here");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let o = opmodel_in(&dir, &["init"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(dir.join("org.yaml").is_file());
    let o = opmodel_in(&dir, &["check", "."]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn init_never_overwrites_a_file() {
    let dir = fresh("init-twice");
    let parent = dir.parent().expect("a parent");
    let name = dir.file_name().and_then(|n| n.to_str()).expect("a name");
    assert_eq!(code(&opmodel_in(parent, &["init", name])), 0);
    std::fs::write(dir.join("org.yaml"), "# mine\n").expect("writes");
    let o = opmodel_in(parent, &["init", name]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("already exist"), "{}", stderr(&o));
    assert!(stderr(&o).contains("org.yaml"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.join("org.yaml")).expect("still there"),
        "# mine\n"
    );

    // One file in the way: nothing at all is written.
    let dir = fresh("init-half");
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("opmodel.toml"), "[checks]\n").expect("writes");
    let o = opmodel_in(&dir, &["init", "."]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("opmodel.toml` already exists"),
        "{}",
        stderr(&o)
    );
    assert!(!dir.join("org.yaml").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("opmodel.toml")).expect("still there"),
        "[checks]\n"
    );
}

#[test]
fn init_into_a_file_is_bad_usage() {
    let dir = fresh("init-file");
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("notes.txt"), "x").expect("writes");
    let o = opmodel_in(&dir, &["init", "notes.txt"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("is not a folder"), "{}", stderr(&o));
}

#[test]
fn completions_for_bash_zsh_and_fish_know_every_subcommand() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in ["bash", "zsh", "fish"] {
        let o = opmodel_in(here, &["completions", shell]);
        assert_eq!(code(&o), 0, "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for word in ["opmodel", "check", "explain", "report", "init", "format"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
    }
    assert!(stdout(&opmodel_in(here, &["completions", "bash"])).contains("complete -F"));
    assert!(stdout(&opmodel_in(here, &["completions", "zsh"])).starts_with("#compdef opmodel"));
    let o = opmodel_in(here, &["completions", "tcsh"]);
    assert_eq!(code(&o), 2);
    assert!(stdout(&o).is_empty());
}

const STDIN_YAML: &str = "teams:\n  - id: routing\n    owns: [route-planner]\n  - id: depot\n    parent: warehouse\n    owns: [yard-app]\nproducts:\n  - id: route-planner\n  - id: yard-app\n";

#[test]
fn check_reads_one_org_file_from_standard_input() {
    let o = opmodel_stdin("yaml", &["check", "-"], STDIN_YAML.as_bytes());
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("--> <stdin>:5:13"), "{out}");
    assert!(out.contains("`warehouse`"), "{out}");
    assert!(out.contains("5 |     parent: warehouse"), "{out}");

    let o = opmodel_stdin(
        "yaml-json",
        &["check", "-", "--stdin-format", "yaml", "--format", "json"],
        STDIN_YAML.as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let diags = j["diagnostics"].as_array().expect("a list");
    let unknown = diags
        .iter()
        .find(|d| d["check"] == "unknown-reference")
        .expect("the unknown parent");
    assert_eq!(unknown["location"]["file"], "<stdin>");
    // The entity's line or the field's (spans are being made exact).
    let line = unknown["location"]["line"].as_u64().expect("a line");
    assert!((4..=5).contains(&line), "{unknown}");
    assert_eq!(j["summary"]["entities"], 4);
}

#[test]
fn standard_input_in_json_and_toml() {
    let json = br#"{"teams": [{"id": "routing", "owns": ["route-planner"]}], "products": [{"id": "route-planner"}, {"id": "route-planner"}]}"#;
    let o = opmodel_stdin(
        "json",
        &["check", "-", "--stdin-format", "json", "--format", "json"],
        json,
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert!(
        j["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .any(|d| d["check"] == "duplicate-id" && d["location"]["file"] == "<stdin>"),
        "{j}"
    );

    let toml = "[[teams]]\nid = \"routing\"\nowns = [\"route-planner\"]\n\n[[products]]\nid = \"route-planner\"\n";
    let o = opmodel_stdin(
        "toml",
        &[
            "check",
            "-",
            "--stdin-format",
            "toml",
            "-A",
            "missing-decision-right",
        ],
        toml.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("in 2 entities"), "{}", stdout(&o));

    // The same text read as the wrong format is a finding on `<stdin>`, not a crash.
    let o = opmodel_stdin(
        "wrong",
        &["check", "-", "--stdin-format", "json"],
        toml.as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("error[invalid-file]"), "{}", stdout(&o));
    assert!(stdout(&o).contains("<stdin>:1:"), "{}", stdout(&o));
}

#[test]
fn bad_standard_input_is_reported_like_a_bad_file() {
    let o = opmodel_stdin("utf8", &["check", "-"], b"teams:\n  - id: r\xffx\n");
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stdout(&o).contains("not UTF-8"), "{}", stdout(&o));
    assert!(stdout(&o).contains("<stdin>:2:"), "{}", stdout(&o));

    let big = STDIN_YAML.repeat(10);
    let o = opmodel_stdin(
        "big",
        &["check", "-", "--max-file-size", "100"],
        big.as_bytes(),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("larger than the limit of 100 bytes"),
        "{}",
        stdout(&o)
    );

    let o = opmodel_stdin("empty", &["check", "-"], b"");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("`<stdin>` holds no entity"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn standard_input_is_the_only_input_and_its_format_is_checked() {
    let o = opmodel_stdin(
        "mixed",
        &["check", "-", "other.yaml"],
        STDIN_YAML.as_bytes(),
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot be mixed"), "{}", stderr(&o));

    let o = opmodel_stdin(
        "format",
        &["check", "-", "--stdin-format", "xml"],
        STDIN_YAML.as_bytes(),
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("xml"), "{}", stderr(&o));
}

#[test]
fn report_and_graph_read_standard_input_as_yaml() {
    let healthy =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/healthy.yaml"))
            .expect("the example");
    let o = opmodel_stdin("report", &["report", "-"], &healthy);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("Operating-model health of Lumen Bank: 100/100"),
        "{}",
        stdout(&o)
    );
    let o = opmodel_stdin("graph", &["graph", "-", "--format", "mermaid"], &healthy);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("Team_payments_squad["),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_backstage_catalog_on_standard_input_is_checked_like_the_file() {
    let catalog = b"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: web-shop\nspec:\n  type: website\n  owner: team-gone\n";
    let o = opmodel_stdin("backstage", &["check", "--format", "json", "-"], catalog);
    assert_eq!(code(&o), 1, "{}", String::from_utf8_lossy(&o.stderr));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let checks: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|d| d["check"].as_str())
        .collect();
    assert!(checks.contains(&"unknown-reference"), "{checks:?}");
    assert_eq!(report["summary"]["entities"], 1);
}

#[test]
fn toml_piped_in_as_yaml_is_told_about_the_stdin_format() {
    let toml = b"[[teams]]\nid = \"a\"\n";
    let o = opmodel_stdin("toml-as-yaml", &["check", "-"], toml);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("if it is TOML, pass `--stdin-format toml`"),
        "{out}"
    );
    // Told the format, it reads.
    let o = opmodel_stdin(
        "toml-as-toml",
        &["check", "--stdin-format", "toml", "-"],
        toml,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // Broken YAML gets no word about TOML.
    let o = opmodel_stdin(
        "broken-yaml",
        &["check", "-"],
        b"teams:\n  - id: a\n    owns: [b\n",
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("cannot be parsed") && !out.contains("TOML"),
        "{out}"
    );
}

#[test]
fn init_refuses_a_folder_that_already_holds_org_files() {
    let dir = fresh("init-among");
    std::fs::create_dir_all(dir.join("teams")).expect("temp dir");
    let mine = "teams:\n  - id: payments\n";
    std::fs::write(dir.join("teams/payments.yaml"), mine).expect("writes");
    let o = opmodel_in(&dir, &["init", "."]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("payments.yaml"), "{}", stderr(&o));
    assert!(stderr(&o).contains("choose a new folder"), "{}", stderr(&o));
    assert!(!dir.join("org.yaml").exists());
    assert!(!dir.join("opmodel.toml").exists());
    // A folder of other files is fine.
    let notes = fresh("init-notes");
    std::fs::create_dir_all(&notes).expect("temp dir");
    std::fs::write(notes.join("README.md"), "# org\n").expect("writes");
    assert_eq!(code(&opmodel_in(&notes, &["init", "."])), 0);
}
