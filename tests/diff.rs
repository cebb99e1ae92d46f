//! `opmodel diff` as a process: exit codes with `--fail-on`, the formats,
//! and `--git` against a repository made in the test.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder of its own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("opmodel-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Self(dir)
    }

    fn write(&self, path: &str, text: &str) -> PathBuf {
        let path = self.0.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, text).expect("written");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn opmodel(dir: &Path, args: &[&str]) -> Output {
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

const OLD: &str = "\
teams:
  - id: playback
    owns: [web-player]
  - id: discovery
    owns: [search]
products:
  - id: web-player
    outcomes: [listening]
  - id: search
    outcomes: [listening]
outcomes:
  - id: listening
    statement: Listeners spend more time with music they love
    metric: weekly listening hours
decisions:
  - { area: feature-set, scope: organization, decides: playback }
  - { area: budget-allocation, scope: organization, decides: playback }
  - { area: vendor-selection, scope: organization, decides: playback }
";

/// `web-player` loses its owner (a new error); nothing else breaks.
const ORPHANED: &str = "\
teams:
  - id: playback
  - id: discovery
    owns: [search]
products:
  - id: web-player
    outcomes: [listening]
  - id: search
    outcomes: [listening]
outcomes:
  - id: listening
    statement: Listeners spend more time with music they love
    metric: weekly listening hours
decisions:
  - { area: feature-set, scope: organization, decides: playback }
  - { area: budget-allocation, scope: organization, decides: playback }
  - { area: vendor-selection, scope: organization, decides: playback }
";

#[test]
fn fail_on_new_errors_blocks_a_change_that_orphans_a_product() {
    let s = Scratch::new("fail-on");
    s.write("old.yaml", OLD);
    s.write("new.yaml", ORPHANED);
    // The same org in other words: owner on the product instead of owns.
    s.write(
        "same.yaml",
        &OLD.replace("    owns: [web-player]\n", "").replace(
            "  - id: web-player\n",
            "  - id: web-player\n    owner: playback\n",
        ),
    );

    let o = opmodel(&s.0, &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(
        code(&o),
        0,
        "without --fail-on: {}{}",
        stdout(&o),
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("~ product `web-player` owner changed: playback -> none"),
        "{}",
        stdout(&o)
    );
    assert!(
        stdout(&o).contains("error[orphaned-product]"),
        "{}",
        stdout(&o)
    );

    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "new.yaml", "--fail-on", "new-errors"],
    );
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "new.yaml", "--fail-on", "new-warnings"],
    );
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    // Backwards, the change fixes the error: nothing new.
    let o = opmodel(
        &s.0,
        &["diff", "new.yaml", "old.yaml", "--fail-on", "new-warnings"],
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("Findings resolved (1)"),
        "{}",
        stdout(&o)
    );

    let o = opmodel(
        &s.0,
        &[
            "diff",
            "old.yaml",
            "same.yaml",
            "--fail-on",
            "new-warnings",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(j["changes"], serde_json::json!([]));
    assert_eq!(j["findings"]["introduced"], serde_json::json!([]));
    assert_eq!(j["findings"]["resolved"], serde_json::json!([]));
}

#[test]
fn fail_on_new_warnings_and_not_new_errors() {
    let s = Scratch::new("warnings");
    s.write("old.yaml", OLD);
    // `search` serves no outcome any more: a warning, no error.
    s.write(
        "new.yaml",
        &OLD.replacen("    outcomes: [listening]\n", "", 2).replacen(
            "  - id: web-player\n",
            "  - id: web-player\n    outcomes: [listening]\n",
            1,
        ),
    );
    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "new.yaml", "--fail-on", "new-errors"],
    );
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("warning[unaligned-product]"),
        "{}",
        stdout(&o)
    );
    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "new.yaml", "--fail-on", "new-warnings"],
    );
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn markdown_and_json_formats() {
    let s = Scratch::new("formats");
    s.write("old.yaml", OLD);
    s.write("new.yaml", ORPHANED);
    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    );
    assert_eq!(code(&o), 0);
    let md = stdout(&o);
    assert!(
        md.starts_with(
            "### opmodel diff\n\n**1 change** · **1 finding** introduced (1 error, 0 warnings)"
        ),
        "{md}"
    );
    assert!(
        md.contains("<details><summary>Ownership (1)</summary>"),
        "{md}"
    );
    assert!(
        md.contains("| owner-changed | product `web-player` | playback | — |"),
        "{md}"
    );

    let o = opmodel(&s.0, &["diff", "old.yaml", "new.yaml", "--format", "json"]);
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let keys: Vec<&String> = j.as_object().expect("object").keys().collect();
    assert_eq!(keys, ["changes", "findings", "summary"]);
    assert_eq!(
        j["changes"][0],
        serde_json::json!({"change": "owner-changed", "entity": {"kind": "product", "id": "web-player"}, "before": ["playback"], "after": []})
    );
    let introduced = &j["findings"]["introduced"][0];
    assert_eq!(introduced["check"], "orphaned-product");
    assert_eq!(introduced["severity"], "error");
    assert_eq!(introduced["location"]["file"], "new.yaml");
    assert_eq!(introduced["location"]["line"], 6);
    assert_eq!(j["summary"]["introduced"]["errors"], 1);
}

#[test]
fn bad_input_exits_2() {
    let s = Scratch::new("usage");
    s.write("old.yaml", OLD);
    let o = opmodel(&s.0, &["diff", "old.yaml"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("takes two paths"), "{}", stderr(&o));
    let o = opmodel(&s.0, &["diff", "old.yaml", "missing.yaml"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = opmodel(
        &s.0,
        &["diff", "old.yaml", "old.yaml", "--fail-on", "everything"],
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
}

fn have_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs");
    assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
}

#[test]
fn git_reads_the_old_version_from_a_revision() {
    if !have_git() {
        eprintln!("skipped: no `git` command");
        return;
    }
    let s = Scratch::new("git");
    git(&s.0, &["init", "-q"]);
    // Folder of files, one per section, plus config and a hidden file that
    // are not org files.
    let (teams, rest) = OLD.split_at(OLD.find("products:").expect("products"));
    s.write("org/teams.yaml", teams);
    s.write("org/products.yaml", rest);
    s.write("org/.notes.yaml", "this: [is not read");
    s.write("README.md", "not an org file\n");
    git(&s.0, &["add", "-A"]);
    git(&s.0, &["commit", "-q", "-m", "before"]);

    // The working tree: the ownership claim moves from the team to the
    // product (no change), and a team is added in a new file.
    s.write(
        "org/teams.yaml",
        &teams.replace("    owns: [web-player]\n", ""),
    );
    s.write(
        "org/products.yaml",
        &rest.replace(
            "  - id: web-player\n",
            "  - id: web-player\n    owner: playback\n",
        ),
    );
    s.write(
        "org/more/ops.yaml",
        "teams:\n  - { id: ops, kind: platform, name: Operations }\n",
    );

    let o = opmodel(&s.0, &["diff", "--git", "HEAD", "org", "--format", "json"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(
        j["changes"],
        serde_json::json!([{"change": "added", "entity": {"kind": "team", "id": "ops"}, "before": null, "after": "Operations"}])
    );
    // The new platform team is idle and no team uses it; nothing else is
    // new or gone (the old files were read in full, and under the same
    // names).
    let introduced: Vec<&str> = j["findings"]["introduced"]
        .as_array()
        .expect("list")
        .iter()
        .map(|f| f["check"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(introduced, ["idle-team", "unused-platform"]);
    assert_eq!(j["findings"]["resolved"], serde_json::json!([]));
    let entities = &j["summary"]["entities"];
    assert_eq!(
        entities["before"].as_u64().map(|n| n + 1),
        entities["after"].as_u64()
    );

    // From inside the folder, with a file path, and at an older revision
    // after another commit.
    git(&s.0, &["add", "-A"]);
    git(&s.0, &["commit", "-q", "-m", "after"]);
    s.write(
        "org/products.yaml",
        &rest.replace(
            "  - id: web-player\n",
            "  - id: web-player\n    owner: [discovery, playback]\n",
        ),
    );
    let org = s.0.join("org");
    let o = opmodel(
        &org,
        &[
            "diff",
            "--git",
            "HEAD~1",
            "products.yaml",
            "teams.yaml",
            "--fail-on",
            "new-errors",
        ],
    );
    assert_eq!(code(&o), 1, "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("owner changed: playback -> discovery, playback"),
        "{text}"
    );
    assert!(text.contains("error[unclear-ownership]"), "{text}");
    assert!(text.contains("--> products.yaml:"), "{text}");

    // A file the revision does not have is read as empty.
    let o = opmodel(&org, &["diff", "--git", "HEAD~1", "more/ops.yaml"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("is not in revision `HEAD~1`"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).contains("+ team `ops` added"), "{}", stdout(&o));

    // A revision that does not exist.
    let o = opmodel(&s.0, &["diff", "--git", "no-such-branch", "org"]);
    assert_eq!(code(&o), 2, "{}", stdout(&o));
    assert!(
        stderr(&o).contains("`no-such-branch` is not a revision"),
        "{}",
        stderr(&o)
    );
    let o = opmodel(&s.0, &["diff", "--git", "--upload-pack=x", "org"]);
    assert_eq!(code(&o), 2, "{}", stdout(&o));
}

#[test]
fn git_outside_a_repository_exits_2() {
    if !have_git() {
        eprintln!("skipped: no `git` command");
        return;
    }
    let s = Scratch::new("no-repo");
    s.write("org.yaml", OLD);
    // A folder of its own, with a ceiling so that git does not find a
    // repository above the temporary folder.
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["diff", "--git", "HEAD", "org.yaml"])
        .current_dir(&s.0)
        .env("GIT_CEILING_DIRECTORIES", s.0.parent().expect("parent"))
        .output()
        .expect("runs");
    assert_eq!(code(&o), 2, "{}", stdout(&o));
    assert!(
        stderr(&o).contains("is not in a git repository"),
        "{}",
        stderr(&o)
    );
}
