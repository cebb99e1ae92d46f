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
            ("name.yaml", "organization:\n  name: Acme Music\n"),
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
        // A file that names the organisation says something.
        assert!(!err.contains("name.yaml` holds"), "{cmd}: {err}");
    }
}

#[test]
fn findings_are_listed_in_the_order_files_are_read() {
    // A folder is read component by component: `a/b.yaml` before `a.yaml`
    // (though `.` sorts before `/` as text), and the findings follow the
    // same order, so the definition called "first" is listed first.
    let dir = org(
        "order",
        &[
            ("a.yaml", "teams:\n  - id: dup\n"),
            ("a/b.yaml", "teams:\n  - id: dup\n"),
            ("a-c.yaml", "teams:\n  - id: other\n"),
        ],
    );
    let o = opmodel_in(&dir, &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let files: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["location"]["file"].as_str())
        .collect();
    let first = |name: &str| files.iter().position(|f| f.ends_with(name));
    let (nested, flat, dashed) = (first("a/b.yaml"), first("/a.yaml"), first("a-c.yaml"));
    assert!(
        nested.is_some() && flat.is_some() && dashed.is_some(),
        "{files:?}"
    );
    assert!(nested < dashed && dashed < flat, "{files:?}");
    let duplicate = json["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["check"] == "duplicate-id"))
        .expect("a duplicate-id finding");
    assert!(
        duplicate["location"]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("/a.yaml")),
        "{duplicate}"
    );
    assert!(
        duplicate["message"]
            .as_str()
            .is_some_and(|m| m.contains("a/b.yaml")),
        "{duplicate}"
    );
}

/// (check, entity id) of every finding of `yaml`.
fn findings(yaml: &str) -> Vec<(String, String)> {
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    opmodel::Linter::new()
        .check(&loaded)
        .diagnostics
        .iter()
        .map(|d| (d.check.to_string(), d.entity.id.to_string()))
        .collect()
}

fn count(found: &[(String, String)], check: &str) -> usize {
    found.iter().filter(|(c, _)| c == check).count()
}

#[test]
fn a_misspelled_key_results_field_is_one_finding() {
    let yaml = "teams:\n  - id: billing\nobjectives:\n  - id: q2\n    title: Fewer failed payments\n    owner: billing\n    key-results:\n      - Cut failed payments from 3% to 1%\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "invalid-entity"), 1, "{found:?}");
    assert_eq!(
        count(&found, "objective-without-key-results"),
        0,
        "{found:?}"
    );
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let report = opmodel::Linter::new().check(&loaded);
    let typo = report
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-entity")
        .expect("the typo is reported");
    let help = typo.help.as_deref().unwrap_or_default();
    assert!(help.starts_with("did you mean `key_results`?"), "{help}");
    assert!(!help.contains("add `key_results:`"), "{help}");
    // Any other unknown field leaves the finding as it was.
    let other = yaml.replace("key-results", "colour");
    let found = findings(&other);
    assert_eq!(
        count(&found, "objective-without-key-results"),
        1,
        "{found:?}"
    );
}

#[test]
fn key_results_written_as_one_text_are_one_finding() {
    let yaml = "teams:\n  - id: billing\nobjectives:\n  - id: q2\n    title: Fewer failed payments\n    owner: billing\n    key_results: Cut failed payments from 3% to 1%\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "invalid-entity"), 1, "{found:?}");
    assert_eq!(
        count(&found, "objective-without-key-results"),
        0,
        "{found:?}"
    );
    // An empty list is no mistake of form: the check says what is missing.
    let found = findings(&yaml.replace(
        "key_results: Cut failed payments from 3% to 1%",
        "key_results: []",
    ));
    assert_eq!(count(&found, "invalid-entity"), 0, "{found:?}");
    assert_eq!(
        count(&found, "objective-without-key-results"),
        1,
        "{found:?}"
    );
}

#[test]
fn a_required_text_of_the_wrong_type_is_one_finding() {
    let yaml = "outcomes:\n  - id: o\n    statement: [1, 2]\n  - id: p\n    statement: \"\"\n";
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`statement` must be text, found a list",
            "outcome `p` has no `statement`"
        ]
    );
}

#[test]
fn a_misspelled_owns_or_owner_is_one_finding_each() {
    // `own:` on a team: the team is not idle and the product not orphaned
    // because of anything but the typo, which says so.
    let yaml = "teams:\n  - id: checkout\n    own: [search, cart]\n  - id: payments\nproducts:\n  - id: search\n  - id: cart\n  - id: pay\n    ownr: payments\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "invalid-entity"), 2, "{found:?}");
    assert_eq!(count(&found, "idle-team"), 0, "{found:?}");
    assert_eq!(count(&found, "orphaned-product"), 0, "{found:?}");
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let report = opmodel::Linter::new().check(&loaded);
    let own = report
        .diagnostics
        .iter()
        .find(|d| d.message.contains("`own`"))
        .expect("the team's typo is reported");
    let help = own.help.as_deref().unwrap_or_default();
    assert!(help.starts_with("did you mean `owns`? Until"), "{help}");
    let related: Vec<&str> = own.related.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(related, ["cart", "search"]);
    // Without the typo the same org has those findings: the test can fail.
    let plain = yaml
        .replace("    own: [search, cart]\n", "")
        .replace("    ownr: payments\n", "");
    let found = findings(&plain);
    assert_eq!(count(&found, "idle-team"), 2, "{found:?}");
    assert_eq!(count(&found, "orphaned-product"), 3, "{found:?}");
    // A product the typo does not name keeps its finding.
    let other = yaml.replace("    own: [search, cart]", "    own: [search]");
    let found = findings(&other);
    assert_eq!(count(&found, "orphaned-product"), 1, "{found:?}");
    assert!(found.contains(&("orphaned-product".to_owned(), "cart".to_owned())));
}

#[test]
fn a_copied_objective_is_one_duplicate_id() {
    let objective = "  - id: q1\n    title: Drivers finish routes sooner\n    key_results:\n      - Cut mean route time from 40 to 30 minutes\n      - Raise on-time stops from 80% to 90%\n";
    let yaml = format!("objectives:\n{objective}{objective}");
    let found = findings(&yaml);
    let dups: Vec<&(String, String)> = found.iter().filter(|(c, _)| c == "duplicate-id").collect();
    assert_eq!(dups.len(), 1, "{found:?}");
    assert_eq!(dups[0].1, "q1");
    // Key results with ids of their own that clash are still reported.
    let kr = "objectives:\n  - id: a\n    title: t\n    key_results: [{ id: k, text: x }]\n  - id: b\n    title: t\n    key_results: [{ id: k, text: y }]\n";
    assert_eq!(count(&findings(kr), "duplicate-id"), 1);
}

#[test]
fn a_team_and_a_product_with_one_id_is_one_finding() {
    let yaml = "teams:\n  - id: billing\n    owns: [billing]\nproducts:\n  - id: billing\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "duplicate-id"), 1, "{found:?}");
    for follow_on in ["unknown-reference", "orphaned-product", "idle-team"] {
        assert_eq!(count(&found, follow_on), 0, "{follow_on}: {found:?}");
    }
}

#[test]
fn a_mistyped_owns_is_one_finding() {
    let yaml = "teams:\n  - id: routing\n    owns: [route-optimiser]\nproducts:\n  - id: route-optimizer\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "unknown-reference"), 1, "{found:?}");
    assert_eq!(count(&found, "orphaned-product"), 0, "{found:?}");
    assert_eq!(count(&found, "idle-team"), 0, "{found:?}");
    // Without a near miss, nothing is folded.
    let yaml = "teams:\n  - id: routing\n    owns: [zzz]\nproducts:\n  - id: route-optimizer\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "orphaned-product"), 1, "{found:?}");
}

#[test]
fn a_mistyped_owner_is_one_finding() {
    let yaml = "teams:\n  - id: route-optimiser\n    owns: [planner]\nproducts:\n  - id: planner\n  - id: dispatch\n    owner: route-optimser\n";
    let found = findings(yaml);
    assert_eq!(count(&found, "unknown-reference"), 1, "{found:?}");
    assert_eq!(count(&found, "orphaned-product"), 0, "{found:?}");
    // The team it meant is not called idle for want of the product.
    let lone = "teams:\n  - id: payments\nproducts:\n  - id: checkout\n    owner: paymnets\n";
    let found = findings(lone);
    assert_eq!(count(&found, "idle-team"), 0, "{found:?}");
    assert_eq!(count(&found, "unknown-reference"), 1, "{found:?}");
    // A team whose `owns` names only unknown ids is not also idle.
    let unknown = findings("teams:\n  - id: artists\n    owns: [x1, x2]\n");
    assert_eq!(count(&unknown, "idle-team"), 0, "{unknown:?}");
    assert_eq!(count(&unknown, "unknown-reference"), 2, "{unknown:?}");
    // Without any reference, an idle team is still idle.
    assert_eq!(
        count(&findings("teams:\n  - id: artists\n"), "idle-team"),
        1
    );
    // The reference's finding says what the missing owner means.
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let report = opmodel::Linter::new().check(&loaded);
    let unknown = report
        .diagnostics
        .iter()
        .find(|d| d.check == "unknown-reference")
        .expect("the typo is reported");
    let help = unknown.help.as_deref().unwrap_or_default();
    assert!(help.contains("has no accountable owner"), "{help}");
    // A product with another, real owner is not orphaned: nothing to fold.
    let owned = format!("{yaml}    contributors: []\n")
        .replace("owns: [planner]", "owns: [planner, dispatch]");
    let loaded = opmodel::load::load_str(&owned, opmodel::load::Format::Yaml, "org.yaml");
    let report = opmodel::Linter::new().check(&loaded);
    let unknown = report
        .diagnostics
        .iter()
        .find(|d| d.check == "unknown-reference")
        .expect("the typo is still reported");
    assert!(
        !unknown
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("accountable owner")
    );
    // An owner that names nothing near is folded all the same.
    let far = yaml.replace("route-optimser", "zzz");
    assert_eq!(count(&findings(&far), "orphaned-product"), 0);
}

/// `incomplete-product-trio` findings (entity ids) of `yaml` under `config`.
fn trio(yaml: &str, config: opmodel::config::Config) -> Vec<String> {
    let mut config = config;
    config.set_level("incomplete-product-trio", opmodel::config::Level::Deny);
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    opmodel::Linter::new()
        .with_config(config)
        .expect("valid config")
        .check(&loaded)
        .diagnostics
        .iter()
        .filter(|d| d.check == "incomplete-product-trio")
        .map(|d| d.message.clone())
        .collect()
}

fn trio_team(roles: [&str; 3]) -> String {
    format!(
        "teams:\n  - id: t\n    owns: [p]\n    members:\n      - {{ name: Ana, role: {} }}\n      - {{ name: Bo, role: {} }}\n      - {{ name: Cy, role: {} }}\nproducts:\n  - {{ id: p, kind: customer-facing }}\n",
        roles[0], roles[1], roles[2]
    )
}

#[test]
fn the_product_trio_knows_common_titles() {
    for roles in [
        ["Senior Product Manager", "Lead Engineer", "UX/UI Designer"],
        ["Group Product Manager", "Lead Developer", "Design Lead"],
        [
            "Principal Product Manager",
            "Tech Lead",
            "Interaction Designer",
        ],
        ["Product Manager", "Engineering Manager", "Visual Designer"],
    ] {
        let found = trio(&trio_team(roles), opmodel::config::Config::new());
        assert!(found.is_empty(), "{roles:?}: {found:?}");
    }
    let found = trio(
        &trio_team(["Business Owner", "Tech Lead", "Designer"]),
        opmodel::config::Config::new(),
    );
    assert_eq!(
        found,
        ["team `t` owns customer-facing product `p` but has no product manager"]
    );
}

#[cfg(feature = "toml")]
#[test]
fn opmodel_toml_adds_role_titles() {
    let linter = opmodel::Linter::new();
    let metas = linter.metas();
    let config = opmodel::config::Config::from_toml(
        "[roles]\nproduct-manager = [\"Business Owner\"]\ndesigner = [\"Content Designer\"]\n",
        "opmodel.toml",
        &metas,
    )
    .expect("valid");
    assert_eq!(config.role_aliases("product-manager"), ["Business Owner"]);
    let found = trio(
        &trio_team(["business_owner", "Tech Lead", "Content Designer"]),
        config,
    );
    assert!(found.is_empty(), "{found:?}");
    // Unknown roles and wrong types are errors with file and line.
    for (text, at, words) in [
        (
            "[roles]\nproduct-manger = [\"PO\"]\n",
            "opmodel.toml:2:1",
            "did you mean `product-manager`?",
        ),
        (
            "[roles]\nengineer = [\"Staff Engineer\"]\n",
            "opmodel.toml:2:1",
            "the roles are `product-manager`, `engineering-lead`, `designer`",
        ),
        (
            "[roles]\ndesigner = \"Content Designer\"\n",
            "opmodel.toml:2:12",
            "must be a list of job titles",
        ),
        (
            "[roles]\ndesigner = [3]\n",
            "opmodel.toml:2:13",
            "must be strings",
        ),
        ("roles = 1\n", "opmodel.toml:1:9", "`roles` must be a table"),
    ] {
        let err = opmodel::config::Config::from_toml(text, "opmodel.toml", &metas)
            .expect_err(text)
            .to_string();
        assert!(err.starts_with(at), "{text}: {err}");
        assert!(err.contains(words), "{text}: {err}");
    }
    // Built in code, an unknown role is refused when the linter takes it.
    let mut bad = opmodel::config::Config::new();
    bad.add_role_alias("owner", "Product Owner");
    assert!(opmodel::Linter::new().with_config(bad).is_err());
}

#[test]
fn the_roles_section_of_opmodel_toml_is_used_by_the_cli() {
    let yaml = trio_team(["Business Owner", "Tech Lead", "Designer"]);
    let dir = org("roles", &[("org.yaml", &yaml)]);
    let run = |dir: &Path| opmodel_in(dir, &["check", "org.yaml", "-D", "incomplete-product-trio"]);
    let o = run(&dir);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    std::fs::write(
        dir.join("opmodel.toml"),
        "[roles]\nproduct-manager = [\"Business Owner\"]\n",
    )
    .expect("writes");
    let o = run(&dir);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
}

/// The help of the first `invalid-entity` finding of `yaml`.
fn entity_help(yaml: &str) -> String {
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    loaded
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-entity")
        .and_then(|d| d.help.as_deref())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn words_of_other_org_models_get_their_kind() {
    let team = |kind: &str| format!("teams:\n  - id: t\n    kind: {kind}\n");
    assert!(entity_help(&team("tribe")).starts_with("did you mean `unit`?"));
    assert!(entity_help(&team("Tribe")).starts_with("did you mean `unit`?"));
    assert!(entity_help(&team("squad")).starts_with("did you mean `stream-aligned`?"));
    let guild = entity_help(&team("guild"));
    assert!(guild.contains("not a team that owns products"), "{guild}");
    assert!(guild.contains("`enabling`"), "{guild}");
    assert!(entity_help(&team("chapter")).contains("`enabling`"));
    // Near misses of a real kind keep their suggestion.
    assert!(entity_help(&team("platfrom")).starts_with("did you mean `platform`?"));
}

#[test]
fn a_level_word_near_warnings_is_suggested() {
    let dir = org("levels", &[("a.yaml", GOOD)]);
    for flag in ["-D", "-W", "-A"] {
        let o = opmodel_in(&dir, &["check", "a.yaml", flag, "warning"]);
        assert_eq!(o.status.code(), Some(2));
        assert!(
            stderr(&o).contains("unknown check `warning`; did you mean `warnings`?"),
            "{flag}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn file_messages_read_as_sentences() {
    let dir = org(
        "sentences",
        &[("a.yaml", GOOD), ("b.yaml", BROKEN), ("opmodel-bin", "x")],
    );
    let o = opmodel_in(&dir, &["check", "opmodel-bin"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error: `opmodel-bin` is not an org file:"),
        "{}",
        stderr(&o)
    );
    // "The other files were still checked" only when there were others.
    let alone = opmodel_in(&dir, &["check", "b.yaml"]);
    let out = stdout(&alone);
    assert!(
        out.contains("help: fix the file, or remove it from the inputs\n"),
        "{out}"
    );
    assert!(!out.contains("other files"), "{out}");
    let with_others = opmodel_in(&dir, &["check", "a.yaml", "b.yaml"]);
    let out = stdout(&with_others);
    assert!(out.contains("the other files were still checked"), "{out}");
}

#[test]
fn the_config_is_found_next_to_the_first_input_only_and_one_passed_over_is_named() {
    let dir = org(
        "discover",
        &[
            ("org/teams.yaml", GOOD),
            ("org/okrs/q1.yaml", "objectives: []\n"),
            (
                "org/opmodel.toml",
                "[checks]\nunaligned-product = \"deny\"\n",
            ),
        ],
    );
    let abs = |p: &str| dir.join(p);
    // The library: next to the first input (a folder, or a file's folder).
    assert_eq!(
        opmodel::config::Config::discover(&[abs("org"), abs("org/okrs")]),
        Some(abs("org/opmodel.toml"))
    );
    assert_eq!(
        opmodel::config::Config::discover(&[abs("org/teams.yaml"), abs("org/okrs/q1.yaml")]),
        Some(abs("org/opmodel.toml"))
    );
    // Only the first input is looked at (checks.md): one in the folder
    // that holds every input is passed over, and can be named.
    for inputs in [
        vec![abs("org/okrs"), abs("org")],
        vec![abs("org/okrs/q1.yaml"), abs("org/teams.yaml")],
    ] {
        assert_eq!(opmodel::config::Config::discover(&inputs), None);
        assert_eq!(
            opmodel::config::Config::passed_over(&inputs),
            Some(abs("org/opmodel.toml"))
        );
    }
    assert_eq!(opmodel::config::Config::discover(&[abs("org/okrs")]), None);
    assert_eq!(
        opmodel::config::Config::passed_over(&[abs("org/okrs")]),
        None
    );
    assert_eq!(
        opmodel::config::Config::passed_over(&[abs("org"), abs("org/okrs")]),
        None
    );
    // The command line: with `org` first the config applies, and
    // `--verbose` names it.
    let o = opmodel_in(&dir, &["check", "org", "org/okrs", "--verbose"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}{}", stdout(&o));
    assert!(
        stdout(&o).contains("error[unaligned-product]"),
        "{}",
        stdout(&o)
    );
    assert!(
        err.contains("note: using the config file `org/opmodel.toml`"),
        "{err}"
    );
    // With `org/okrs` first it does not, and a note says so without --verbose.
    for cmd in ["check", "report", "graph"] {
        let o = opmodel_in(&dir, &[cmd, "org/okrs", "org/teams.yaml"]);
        let err = stderr(&o);
        assert!(
            err.contains("note: `org/opmodel.toml` is not used: the config is looked for next to the first input only (`org/okrs`); give `--config org/opmodel.toml`, or name its folder first"),
            "{cmd}: {err}"
        );
        if cmd == "check" {
            assert!(
                !stdout(&o).contains("error[unaligned-product]"),
                "{}",
                stdout(&o)
            );
            assert!(
                stdout(&o).contains("warning[unaligned-product]"),
                "{}",
                stdout(&o)
            );
        }
    }
    // Without --verbose nothing is said of a config used; without a config
    // anywhere, --verbose says so.
    let o = opmodel_in(&dir, &["check", "org"]);
    assert!(!stderr(&o).contains("config"), "{}", stderr(&o));
    let o = opmodel_in(&dir, &["check", "org/okrs", "-v"]);
    assert!(
        stderr(&o).contains("note: no config file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn allow_on_an_objective_reaches_its_key_results() {
    let objective = |allow: &str| {
        format!(
            "teams:\n  - id: t\nobjectives:\n  - id: q3\n    title: Drivers finish routes sooner\n    owner: t\n{allow}    key_results:\n      - Cut mean route time from 40 to 30 minutes\n      - Launch the new route planner\n"
        )
    };
    let on_kr = |yaml: &str| -> Vec<String> {
        findings(yaml)
            .into_iter()
            .filter(|(_, id)| id.starts_with("q3#"))
            .map(|(c, id)| format!("{c} {id}"))
            .collect()
    };
    let before = on_kr(&objective(""));
    assert!(
        before
            .iter()
            .any(|f| f.starts_with("milestone-key-result q3#2")),
        "{before:?}"
    );
    let after = on_kr(&objective("    allow: [milestone-key-result]\n"));
    assert!(
        !after.iter().any(|f| f.starts_with("milestone-key-result")),
        "{after:?}"
    );
    // Other checks on the key results are still reported.
    let other = on_kr(&objective("    allow: [idle-team]\n"));
    assert_eq!(other, before);
}

#[test]
fn ids_beyond_ascii_are_quoted_as_written() {
    let loaded = opmodel::load::load_str(
        "teams:\n  - id: café\nproducts:\n  - id: p\n    owner: crème\n",
        opmodel::load::Format::Yaml,
        "org.yaml",
    );
    let report = opmodel::Linter::new().check(&loaded);
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"`café` is not a valid id"),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("`crème`")),
        "{messages:?}"
    );
    assert!(messages.iter().all(|m| !m.contains("\\u{")), "{messages:?}");
}

#[test]
fn an_id_shared_by_two_kinds_is_first_where_it_is_first_written_and_found_as_either() {
    // The outcome is written first (org.yaml is read before z.json); the
    // team in z.json is the copy, and the product's `outcomes` still finds
    // the outcome it means.
    let dir = org(
        "cross-kind",
        &[
            (
                "org.yaml",
                "teams:\n  - id: player\n    owns: [web]\nproducts:\n  - id: web\n    outcomes: [listening-time]\noutcomes:\n  - id: listening-time\n    statement: Listeners listen longer\n    metric: minutes per week\n",
            ),
            (
                "z.json",
                r#"{"teams":[{"id":"listening-time","kind":"unit"}]}"#,
            ),
        ],
    );
    let loaded = opmodel::load::load_paths(&[&dir], &Default::default()).expect("loads");
    let report = opmodel::Linter::new().check(&loaded);
    let checks: Vec<&str> = report.diagnostics.iter().map(|d| &*d.check).collect();
    assert!(!checks.contains(&"unaligned-product"), "{checks:?}");
    let duplicate: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "duplicate-id")
        .collect();
    assert_eq!(duplicate.len(), 1, "{duplicate:#?}");
    assert_eq!(duplicate[0].entity.kind, opmodel::model::EntityKind::Team);
    assert!(
        duplicate[0]
            .message
            .contains("already used by outcome `listening-time`, first at")
            && duplicate[0].message.contains("org.yaml:8"),
        "{}",
        duplicate[0].message
    );
    let graph = opmodel::graph::OrgGraph::build(&loaded.model);
    assert!(graph.find_outcome("listening-time").is_some());
    assert!(graph.find_team("listening-time").is_some());
    // The same clash written in one file the other way round: the team is
    // first, and a team's `owns` naming the product finds the product.
    let loaded = opmodel::load::load_str(
        "teams:\n  - id: search\n    owns: [search]\nproducts:\n  - id: search\n",
        opmodel::load::Format::Yaml,
        "org.yaml",
    );
    let report = opmodel::Linter::new().check(&loaded);
    let checks: Vec<&str> = report.diagnostics.iter().map(|d| &*d.check).collect();
    assert_eq!(
        checks.iter().filter(|c| **c == "duplicate-id").count(),
        1,
        "{checks:?}"
    );
    assert!(!checks.contains(&"orphaned-product"), "{checks:?}");
    assert!(!checks.contains(&"idle-team"), "{checks:?}");
    let graph = opmodel::graph::OrgGraph::build(&loaded.model);
    let product = graph.find_product("search").expect("the product");
    assert_eq!(product.owners().len(), 1);
}

#[test]
fn a_file_that_does_not_parse_is_one_finding_not_a_flood() {
    // The teams live in a file with a syntax error: their products, the
    // people allocated to them and the decisions they take would all be
    // reported as pointing at nothing. One finding says why, and counts
    // the findings it stands for.
    let dir = org(
        "unread",
        &[
            (
                "teams.toml",
                "[[teams]]\nid = \"checkout\"\nname = \"Checkout\nowns = [\"checkout-web\"]\n",
            ),
            (
                "rest.yaml",
                "products:\n  - id: checkout-web\n  - id: lonely\npeople:\n  - id: ana\n    allocations: [{ team: checkout, share: 1 }]\ndecisions:\n  - { area: feature-set, scope: checkout-web, decides: checkout }\n  - { area: budget-allocation, scope: lonely, decides: nobody }\n",
            ),
        ],
    );
    let o = opmodel_in(&dir, &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["check"].as_str().unwrap_or("").to_owned(),
                d["entity"]["id"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let invalid_file = json["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["check"] == "invalid-file"))
        .expect("the parse error");
    let help = invalid_file["help"].as_str().unwrap_or("");
    assert!(
        help.contains("findings about ids written in this file, or about entities that refer to such ids, are left out until it reads"),
        "{help}"
    );
    // Nothing about `checkout` or `checkout-web`, which the file names…
    assert!(
        !found
            .iter()
            .any(|(c, id)| c != "invalid-file" && (id == "checkout-web" || id == "ana")),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|(c, _)| c == "unknown-reference"
                && json.to_string().contains("names `checkout` in")),
        "{found:?}"
    );
    // …but what has nothing to do with it is still reported.
    assert!(
        found.contains(&("orphaned-product".to_owned(), "lonely".to_owned())),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(c, _)| c == "unknown-reference"),
        "{found:?}"
    );
    // Mended, the findings come back as they are.
    std::fs::write(
        dir.join("teams.toml"),
        "[[teams]]\nid = \"checkout\"\nname = \"Checkout\"\nowns = [\"checkout-web\"]\n",
    )
    .expect("writes");
    let o = opmodel_in(&dir, &["check", "."]);
    assert!(!stdout(&o).contains("left out until"), "{}", stdout(&o));
}

#[test]
fn a_misspelt_team_kind_is_one_finding() {
    // Read as stream-aligned, the platform team would also be "idle".
    let found = findings("teams:\n  - id: a\n    kind: platfrom\n");
    assert_eq!(found, [("invalid-entity".to_owned(), "a".to_owned())]);
    let loaded = opmodel::load::load_str(
        "teams:\n  - id: a\n    kind: platfrom\n",
        opmodel::load::Format::Yaml,
        "org.yaml",
    );
    let help = loaded.diagnostics[0].help.as_deref().unwrap_or("");
    assert!(
        help.contains("`idle-team` and `team-size` are not reported separately"),
        "{help}"
    );
    // A stream-aligned team that owns nothing still is.
    let found = findings("teams:\n  - id: a\n    kind: stream-aligned\n");
    assert_eq!(count(&found, "idle-team"), 1, "{found:?}");
}

#[test]
fn a_share_in_words_is_told_how_to_write_a_share() {
    let yaml =
        "teams:\n  - id: a\npeople:\n  - id: ana\n    allocations: [{ team: a, share: full }]\n";
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("`share` must be a number"))
        .expect("the share finding");
    let help = d.help.as_deref().unwrap_or("");
    assert!(help.contains("at most 1, such as `0.5`"), "{help}");
    assert!(!help.contains("metric"), "{help}");
}

#[test]
fn an_invalid_id_is_told_its_valid_form_and_a_reference_to_it_the_rename() {
    let loaded = opmodel::load::load_str(
        r#"{"teams":[{"id":"loans","owns":["loan-app"]}],"products":[{"id":"Loan-App"}]}"#,
        opmodel::load::Format::Json,
        "org.json",
    );
    let report = opmodel::Linter::new().check(&loaded);
    let help = |check: &str| {
        report
            .diagnostics
            .iter()
            .find(|d| d.check == check)
            .and_then(|d| d.help.as_deref())
            .unwrap_or("")
            .to_owned()
    };
    assert!(
        help("invalid-entity").starts_with("write it `loan-app`: ids are"),
        "{}",
        help("invalid-entity")
    );
    assert_eq!(
        help("unknown-reference"),
        "did you mean `Loan-App`? That id is not valid: rename the entity `loan-app`, as this reference writes it"
    );
    // An id with nothing valid in it gets the rule alone.
    let loaded = opmodel::load::load_str(
        "teams:\n  - id: \"!!!\"\n",
        opmodel::load::Format::Yaml,
        "org.yaml",
    );
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.message.contains("is not a valid id"))
        .expect("invalid");
    assert!(
        d.help.as_deref().is_some_and(|h| h.starts_with("ids are")),
        "{:?}",
        d.help
    );
}

#[test]
fn a_cadence_covering_a_slip_for_a_built_in_word_is_told_so() {
    let problems = |text: &str, format: opmodel::load::Format| -> Vec<String> {
        opmodel::load::load_str(text, format, "org")
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    };
    let yaml = "cadences:\n  - { id: plan, kind: planning, every: quarter, covers: [budget-allocaton, objective, data-retention] }\n";
    let found = problems(yaml, opmodel::load::Format::Yaml);
    assert_eq!(
        found,
        [
            "`covers` names `budget-allocaton`, which is no built-in area: a slip for `budget-allocation`?",
            "`covers` names `objective`, which is no built-in area: a slip for `objectives`?",
        ]
    );
    // JSON reads it the same way.
    let json = r#"{"cadences":[{"id":"plan","kind":"planning","every":"quarter","covers":["budget-allocaton","objective","data-retention"]}]}"#;
    assert_eq!(problems(json, opmodel::load::Format::Json), found);
    // A custom area of its own is no slip.
    let clean = "cadences:\n  - { id: plan, kind: planning, every: quarter, covers: [data-retention, budget-allocation] }\n";
    assert!(problems(clean, opmodel::load::Format::Yaml).is_empty());
    // A custom area a decision right writes the same way is what the
    // cadence covers, not a slip; the slip for another area still is.
    // (The decision right's `Release` is noted on its own, as a likely
    // slip for `release`.)
    let decided = "teams:\n  - { id: t }\ndecisions:\n  - { area: Release, scope: organization, decides: t }\ncadences:\n  - { id: plan, kind: planning, every: quarter, covers: [Release, budget-allocaton] }\n";
    let covers_only = |found: Vec<String>| -> Vec<String> {
        found
            .into_iter()
            .filter(|m| m.starts_with("`covers`"))
            .collect()
    };
    assert_eq!(
        covers_only(problems(decided, opmodel::load::Format::Yaml)),
        [
            "`covers` names `budget-allocaton`, which is no built-in area: a slip for `budget-allocation`?"
        ]
    );
    // Any text is an area (pom-document.md): a slip is a note, which
    // fails no run.
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    assert!(
        loaded
            .diagnostics
            .iter()
            .all(|d| d.severity == opmodel::Severity::Note),
        "{:#?}",
        loaded.diagnostics
    );
}

#[test]
fn a_decision_area_a_letter_off_a_built_in_one_is_noted() {
    let yaml = "teams:\n  - { id: t }\ndecisions:\n  - { area: Feature-Set, scope: organization, decides: t }\n  - { area: budget_allocation, scope: organization, decides: t }\n  - { area: vendor-selecton, scope: organization, decides: t }\n  - { area: data-retention, scope: organization, decides: t }\n  - { area: pricing, scope: organization, decides: t }\n";
    let notes = |text: &str, format: opmodel::load::Format| -> Vec<(String, opmodel::Severity)> {
        opmodel::load::load_str(text, format, "org")
            .diagnostics
            .iter()
            .map(|d| (d.message.clone(), d.severity))
            .collect()
    };
    let found = notes(yaml, opmodel::load::Format::Yaml);
    let note = |written: &str, meant: &str| {
        (
            format!("`area` is `{written}`, which is no built-in area: a slip for `{meant}`?"),
            opmodel::Severity::Note,
        )
    };
    assert_eq!(
        found,
        [
            note("Feature-Set", "feature-set"),
            note("budget_allocation", "budget-allocation"),
            note("vendor-selecton", "vendor-selection"),
        ]
    );
    let json = r#"{"teams":[{"id":"t"}],"decisions":[{"area":"Feature-Set","scope":"organization","decides":"t"},{"area":"budget_allocation","scope":"organization","decides":"t"},{"area":"vendor-selecton","scope":"organization","decides":"t"},{"area":"data-retention","scope":"organization","decides":"t"},{"area":"pricing","scope":"organization","decides":"t"}]}"#;
    assert_eq!(notes(json, opmodel::load::Format::Json), found);
    // The run does not fail for them.
    let dir = org("area-slips", &[("org.yaml", yaml)]);
    let o = opmodel_in(&dir, &["check", ".", "-A", "missing-decision-right"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("a slip for `vendor-selection`?"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_cadence_covers_a_custom_area_a_decision_right_in_another_file_writes() {
    let decisions = "teams:\n  - { id: t }\ndecisions:\n  - { area: Release, scope: organization, decides: t }\n";
    let cadences =
        "cadences:\n  - { id: plan, kind: planning, every: quarter, covers: [Release] }\n";
    let dir = org(
        "covers-custom",
        &[("a.yaml", decisions), ("b.yaml", cadences)],
    );
    let o = opmodel_in(&dir, &["check", ".", "-A", "missing-decision-right"]);
    let out = stdout(&o);
    assert!(!out.contains("`covers` names"), "{out}");
    assert_eq!(o.status.code(), Some(0), "{out}");
}

#[test]
fn what_an_allowed_finding_would_explain_is_reported_after_all() {
    // A mistyped `owns:` and a misspelt `owner:` field each explain why a
    // product has no owner; while they are reported, the products are not
    // also `orphaned-product`. Allowed (by level or by `allow:`), nothing
    // else would tell, so the products are reported.
    let yaml = "teams:\n  - { id: cards, owns: [card-platfrom] }\nproducts:\n  - { id: card-platform }\n  - { id: loans, onwer: cards }\n";
    let dir = org("allowed-explainer", &[("a.yaml", yaml)]);
    let quiet = ["-A", "missing-decision-right", "-A", "unaligned-product"];
    let orphans = |o: &Output| {
        stdout(o)
            .lines()
            .filter(|l| l.starts_with("error[orphaned-product]"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let both = opmodel_in(&dir, &[&["check", "."][..], &quiet].concat());
    assert_eq!(orphans(&both), Vec::<String>::new(), "{}", stdout(&both));
    assert!(stdout(&both).contains("error[unknown-reference]"));
    assert!(stdout(&both).contains("error[invalid-entity]"));
    let args = [
        &["check", "."][..],
        &quiet,
        &["-A", "unknown-reference", "-A", "invalid-entity"],
    ]
    .concat();
    let neither = opmodel_in(&dir, &args);
    assert_eq!(neither.status.code(), Some(1), "{}", stdout(&neither));
    assert_eq!(orphans(&neither).len(), 2, "{}", stdout(&neither));
    assert!(stdout(&neither).contains("warning[idle-team]"));
    // Set to a lower level than what they stand for, they do not hide it:
    // a product with no owner still fails the run.
    let args = [
        &["check", "."][..],
        &quiet,
        &["-W", "unknown-reference", "-W", "invalid-entity"],
    ]
    .concat();
    let warned = opmodel_in(&dir, &args);
    assert_eq!(warned.status.code(), Some(1), "{}", stdout(&warned));
    assert_eq!(orphans(&warned).len(), 2, "{}", stdout(&warned));
    // An `allow:` list on the entity whose finding explains does the same.
    let allowed = yaml.replace(
        "{ id: cards, owns: [card-platfrom] }",
        "{ id: cards, owns: [card-platfrom], allow: [unknown-reference] }",
    );
    std::fs::write(dir.join("a.yaml"), allowed).expect("writes");
    let o = opmodel_in(&dir, &[&["check", "."][..], &quiet].concat());
    let found = orphans(&o);
    assert_eq!(found.len(), 1, "{}", stdout(&o));
    assert!(found[0].contains("`card-platform`"), "{found:?}");
}

#[test]
fn findings_up_a_chain_of_goals_wait_but_goal_style_does_not() {
    // `s3` supports `company`, which supports `orders`, which the unread
    // file's product serves: `sales`, owning `s3`, waits. The key result's
    // own words are judged whatever the file says.
    let a = "teams:\n  - { id: shop, owns: [web] }\n  - { id: sales, kind: business }\nproducts:\n  - { id: web, outcomes: [costs] }\noutcomes:\n  - { id: costs, statement: Costs fall, metric: cost per order }\n  - { id: orders, statement: Shoppers order more, metric: orders per week }\nobjectives:\n  - { id: company, title: Shoppers order more often, supports: orders, key_results: [Orders per week from 100 to 120] }\n  - { id: s3, title: Shoppers order more often too, owner: sales, supports: company, key_results: [Launch the loyalty app by Q3] }\ncadences:\n  - { id: qbr, kind: review, every: quarter, covers: [objectives] }\ndecisions:\n  - { area: feature-set, scope: organization, decides: shop }\n  - { area: budget-allocation, scope: organization, decides: shop }\n  - { area: vendor-selection, scope: organization, decides: shop }\n";
    let b = "products:\n  - id: app\n     outcomes: [orders]\n";
    let dir = org("goal-chain-unread", &[("a.yaml", a), ("b.yaml", b)]);
    let out = stdout(&opmodel_in(&dir, &["check", "."]));
    assert!(!out.contains("function-not-product-led"), "{out}");
    assert!(
        out.contains("warning[milestone-key-result]: key result `s3#1`"),
        "{out}"
    );
    // Read, the file lets `sales` be judged.
    std::fs::write(
        dir.join("b.yaml"),
        "products:\n  - id: app\n    outcomes: [orders]\n    owner: shop\n",
    )
    .expect("writes");
    let out = stdout(&opmodel_in(&dir, &["check", "."]));
    assert!(!out.contains("invalid-file"), "{out}");
}

#[test]
fn a_goal_whose_owner_is_in_an_unread_file_holds_back_nothing_below_it() {
    // `b.yaml` (which does not parse) defines `boss`, the owner of the top
    // outcome. The chain `ops-q3` → `child` → `root` is whole: what `ops`
    // owns and how loaded it is do not depend on `b.yaml`.
    let a = "teams:\n  - { id: ops, owns: [p1, p2, p3, p4] }\nproducts:\n  - { id: p1, outcomes: [child] }\n  - { id: p2, outcomes: [child] }\n  - { id: p3, outcomes: [child] }\n  - { id: p4, outcomes: [child] }\noutcomes:\n  - { id: root, statement: The company grows, metric: revenue, owner: boss }\n  - { id: child, statement: Customers come back, metric: repeat rate, supports: root }\nobjectives:\n  - { id: ops-q3, title: Trucks spend less time waiting, owner: ops, supports: child, key_results: [Dwell time falls from 90 to 45 minutes] }\n";
    let b = "teams:\n  - id: boss\n     kind: leadership\n";
    let dir = org("owner-unread", &[("a.yaml", a), ("b.yaml", b)]);
    let out = stdout(&opmodel_in(
        &dir,
        &["check", ".", "-A", "missing-decision-right"],
    ));
    assert!(
        out.contains("warning[overloaded-team]: team `ops`"),
        "{out}"
    );
    assert!(out.contains("warning[unreviewed-goals]"), "{out}");
    assert!(out.contains("error[invalid-file]"), "{out}");
}

#[test]
fn a_finding_one_reference_away_from_an_unread_file_waits_for_it() {
    // `b.yaml` does not parse; the product in it serves `orders`. The
    // business team's objective supports `orders`: whether it leads to an
    // outcome a product serves depends on what `b.yaml` says.
    let a = "teams:\n  - { id: sales, kind: business }\n  - { id: ops, kind: business }\noutcomes:\n  - { id: orders, statement: Shoppers order more, metric: orders per week }\n  - { id: costs, statement: Fulfilment costs less, metric: cost per order }\nobjectives:\n  - { id: s3, title: Shoppers order more often, owner: sales, supports: orders, key_results: [Orders per week from 100 to 120] }\n  - { id: o3, title: Cheaper fulfilment, owner: ops, supports: costs, key_results: [Cost per order from 4 to 3] }\ncadences:\n  - { id: qbr, kind: review, every: quarter, covers: [objectives] }\n";
    let b = "products:\n  - id: web\n     outcomes: [orders]\n";
    let dir = org("near-unread", &[("a.yaml", a), ("b.yaml", b)]);
    let o = opmodel_in(&dir, &["check", "."]);
    let out = stdout(&o);
    // Held back for `sales`, still reported for `ops`, which nothing in the
    // unread file touches.
    assert!(!out.contains("business team `sales`"), "{out}");
    assert!(
        out.contains("warning[function-not-product-led]: business team `ops`"),
        "{out}"
    );
    assert!(
        out.contains(
            "1 finding about an id written in this file, or about entities that refer to such ids, is left out"
        ),
        "{out}"
    );
}

#[test]
fn a_decision_right_next_to_an_unread_file_is_still_judged_by_its_deciders() {
    // `b.json` does not parse and names `cards` and `growth`. Who decides
    // in `a.yaml` is written there whole: another file can only add more
    // deciders, so both findings stand.
    let a = "teams:\n  - { id: cards, owns: [card-app] }\n  - { id: payments }\nproducts:\n  - { id: card-app }\ndecisions:\n  - { area: feature-set, scope: card-app, decides: [cards, payments] }\n  - { area: hiring, scope: growth, decides: [] }\n";
    let b = "{\"products\": [{\"id\": \"loans\", \"owner\": \"cards\", \"stage\": \"growth\",}]}\n";
    let dir = org("deciders-near-unread", &[("a.yaml", a), ("b.json", b)]);
    let out = stdout(&opmodel_in(&dir, &["check", "."]));
    assert!(out.contains("error[invalid-file]"), "{out}");
    assert!(
        out.contains("error[conflicting-deciders]: decision right `feature-set@card-app`"),
        "{out}"
    );
    assert!(
        out.contains("error[missing-decider]: decision right `hiring@growth`"),
        "{out}"
    );
}

#[test]
fn a_broken_file_that_is_no_org_file_holds_nothing_back() {
    // A Casbin policy saved as `.yaml` does not parse; it names
    // `platform-team`, which no file defines. It is no org file, so the
    // dangling owner is reported; a broken org file naming the team would
    // have held it back.
    let a = "teams:\n  - { id: web }\nproducts:\n  - { id: svc, owner: platform-team }\n";
    let policy = "p, role:platform-team, catalog-entity, read, allow\ng, user:default/alice, role:platform-team\n\"unclosed\n";
    let dir = org("policy-not-org", &[("a.yaml", a), ("rbac.yaml", policy)]);
    let out = stdout(&opmodel_in(&dir, &["check", "."]));
    assert!(out.contains("error[invalid-file]"), "{out}");
    assert!(
        out.contains("error[unknown-reference]: product `svc`"),
        "{out}"
    );
    let broken_org = "teams:\n  - id: platform-team\n     kind: platform\n";
    std::fs::write(dir.join("rbac.yaml"), broken_org).expect("writes");
    let out = stdout(&opmodel_in(&dir, &["check", "."]));
    assert!(!out.contains("error[unknown-reference]"), "{out}");
}

#[test]
fn baselined_findings_take_no_place_under_max_findings() {
    // Two orphans are in the baseline; a third is new. With room for one
    // finding per check, the one reported is the new one, and the run fails.
    let before = "products:\n  - { id: a }\n  - { id: b }\n";
    let dir = org("baseline-cap", &[("org.yaml", before)]);
    let args = ["-A", "missing-decision-right", "-A", "unaligned-product"];
    let written = opmodel_in(
        &dir,
        &[
            &["check", "org.yaml", "--write-baseline", "bl.json"][..],
            &args,
        ]
        .concat(),
    );
    assert_eq!(written.status.code(), Some(1), "{}", stdout(&written));
    std::fs::write(
        dir.join("org.yaml"),
        "products:\n  - { id: a }\n  - { id: b }\n  - { id: new-one }\n",
    )
    .expect("writes");
    let o = opmodel_in(
        &dir,
        &[
            &[
                "check",
                "org.yaml",
                "--baseline",
                "bl.json",
                "--max-findings",
                "1",
            ][..],
            &args,
        ]
        .concat(),
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        out.contains("error[orphaned-product]: product `new-one`"),
        "{out}"
    );
}

#[test]
fn report_measures_an_id_defined_twice_once() {
    let a = "teams:\n  - { id: team-a }\nproducts:\n  - { id: svc, owner: team-a }\n";
    let dir = org(
        "report-dup",
        &[
            ("a.yaml", a),
            ("b.yaml", "products:\n  - { id: svc, owner: team-a }\n"),
        ],
    );
    let out = stdout(&opmodel_in(&dir, &["report", "."]));
    assert!(
        out.contains("0 of 1 products have a path to an outcome"),
        "{out}"
    );
    assert!(
        out.contains("0 of 1 products have exactly one decider"),
        "{out}"
    );
    assert_eq!(
        out.matches("product `svc`: no path to any outcome").count(),
        1,
        "{out}"
    );
}

#[test]
fn report_leaves_out_what_a_misspelt_owns_explains_as_check_does() {
    // `ownes:` is an `invalid-entity` finding; `check` reports neither
    // `orphaned-product` for `kyc-service` nor `idle-team` for
    // `onboarding`, and the report's lists agree with its counts.
    let yaml = "teams:\n  - id: onboarding\n    ownes: [kyc-service]\n  - id: payments\n    owns: [payments-api]\nproducts:\n  - { id: kyc-service, outcomes: [o1] }\n  - { id: payments-api, outcomes: [o1] }\n  - { id: internal-admin, outcomes: [o1] }\noutcomes:\n  - { id: o1, statement: Merchants get paid faster, metric: payout time }\n";
    let dir = org("report-follow-ons", &[("org.yaml", yaml)]);
    let out = stdout(&opmodel_in(&dir, &["report", "org.yaml"]));
    assert!(
        out.contains("1 of 2 products have exactly one accountable team"),
        "{out}"
    );
    assert!(
        !out.contains("product `kyc-service`: no accountable team"),
        "{out}"
    );
    assert!(
        out.contains("1 of 1 product teams are accountable"),
        "{out}"
    );
}

#[test]
fn a_baseline_with_max_findings_counts_what_it_holds_not_what_the_cap_kept() {
    // The baseline holds the orphans p08–p10; all ten are orphaned now.
    let old = "products:\n  - { id: p08 }\n  - { id: p09 }\n  - { id: p10 }\n";
    let dir = org("baseline-cap-gone", &[("org.yaml", old)]);
    let args = ["-A", "missing-decision-right", "-A", "unaligned-product"];
    opmodel_in(
        &dir,
        &[
            &["check", "org.yaml", "--write-baseline", "bl.json"][..],
            &args,
        ]
        .concat(),
    );
    let all: String = (1..=10)
        .map(|i| format!("  - {{ id: p{i:02} }}\n"))
        .collect();
    std::fs::write(dir.join("org.yaml"), format!("products:\n{all}")).expect("writes");
    let o = opmodel_in(
        &dir,
        &[
            &[
                "check",
                "org.yaml",
                "--baseline",
                "bl.json",
                "--max-findings",
                "1",
                "--format",
                "json",
            ][..],
            &args,
        ]
        .concat(),
    );
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(report["summary"]["baselined"], 3, "{report}");
    assert_eq!(report["summary"]["baseline_gone"], 0, "{report}");
    assert_eq!(report["diagnostics"].as_array().map(Vec::len), Some(1));
    assert!(
        stderr(&o).contains("6 more findings of `orphaned-product`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_closed_output_still_counts_every_finding() {
    // The only error sorts last, after thousands of warnings: a reader
    // that stops early must not turn the run into a pass.
    let teams: String = (0..3000)
        .map(|i| format!("  - {{ id: t{i:04} }}\n"))
        .collect();
    let dir = org(
        "closed-pipe",
        &[
            ("a.yaml", &format!("teams:\n{teams}")),
            ("z.yaml", "products:\n  - { id: lonely }\n"),
        ],
    );
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .current_dir(&dir)
        .args([
            "check",
            ".",
            "--format",
            "json",
            "-A",
            "missing-decision-right",
            "--write-baseline",
            "bl.json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("runs");
    {
        use std::io::Read as _;
        let mut head = [0u8; 100];
        let mut stdout = child.stdout.take().expect("piped");
        stdout.read_exact(&mut head).expect("reads the start");
    }
    let status = child.wait().expect("ends");
    assert_eq!(status.code(), Some(1));
    let written = std::fs::read_to_string(dir.join("bl.json")).expect("the baseline");
    assert!(written.contains("lonely"), "the baseline is whole");
}
