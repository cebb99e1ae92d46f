//! Issue 19, "the first hour": what a new user meets first, run as a
//! process: no input skipped silently, one finding per root cause, the
//! product-trio titles people use, suggestions for the words they know,
//! the config found for every input.

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

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A fresh folder holding `files` (path, text).
fn org(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("opmodel-fh-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("temp dir");
        std::fs::write(path, text).expect("writes");
    }
    dir
}

const GOOD: &str =
    "teams:\n  - id: routing\n    owns: [route-planner]\nproducts:\n  - id: route-planner\n";
const BROKEN: &str = "teams:\n  - id: billing\n    owns: [invoices\n";

#[test]
fn report_and_graph_name_an_unparseable_file_and_exit_1() {
    let dir = org("broken", &[("a.yaml", GOOD), ("b.yaml", BROKEN)]);
    let check = opmodel_in(&dir, &["check", "."]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    for args in [
        &["report", "."][..],
        &["report", ".", "--format", "json"],
        &["graph", "."],
        &["graph", ".", "--format", "mermaid"],
    ] {
        let o = opmodel_in(&dir, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), check.status.code(), "{args:?}: {err}");
        assert!(err.contains("error[invalid-file]"), "{args:?}: {err}");
        assert!(err.contains("--> ./b.yaml:"), "{args:?}: {err}");
        // The rest is still drawn or scored.
        assert!(stdout(&o).contains("route"), "{args:?}: {}", stdout(&o));
    }
}

#[test]
fn report_and_graph_name_an_invalid_entity() {
    let bad = "teams:\n  - id: billing\n    ownr: [invoices]\n";
    let dir = org("entity", &[("a.yaml", GOOD), ("b.yaml", bad)]);
    for cmd in ["report", "graph"] {
        let o = opmodel_in(&dir, &[cmd, "."]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{cmd}: {err}");
        assert!(err.contains("error[invalid-entity]"), "{cmd}: {err}");
        assert!(err.contains("--> ./b.yaml:3:"), "{cmd}: {err}");
    }
    // Allowed, the finding is not an error and the exit status is 0.
    std::fs::write(
        dir.join("opmodel.toml"),
        "[checks]\ninvalid-entity = \"allow\"\n",
    )
    .expect("writes");
    let o = opmodel_in(&dir, &["report", "."]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_clean_org_gives_report_and_graph_a_quiet_stderr() {
    let dir = org("clean", &[("a.yaml", GOOD)]);
    for cmd in ["report", "graph"] {
        let o = opmodel_in(&dir, &[cmd, "."]);
        assert_eq!(o.status.code(), Some(0), "{cmd}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{cmd}");
    }
}

#[test]
fn a_file_holding_no_entity_gets_a_note() {
    let dir = org(
        "empty",
        &[
            ("a.yaml", GOOD),
            ("empty.yaml", ""),
            ("lists.yaml", "teams: []\n"),
        ],
    );
    for cmd in ["check", "report", "graph"] {
        let o = opmodel_in(&dir, &[cmd, "."]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(0), "{cmd}: {err}");
        assert!(
            err.contains("note: `./empty.yaml` holds no entity")
                || err.contains("note: `empty.yaml` holds no entity"),
            "{cmd}: {err}"
        );
        assert!(err.contains("lists.yaml` holds no entity"), "{cmd}: {err}");
        assert!(!err.contains("a.yaml` holds"), "{cmd}: {err}");
    }
}
