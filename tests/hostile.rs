//! Hostile input: each file here is wrong in one way, and each gets one
//! exact diagnostic (or, for the harmless ones, none) through the same path
//! as `opmodel check`: `load_paths` and `Linter::check`, and the binary
//! itself for exit codes. Nothing may panic, hang or hide the rest.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use opmodel::load::{LoadOptions, Loaded, load_paths};
use opmodel::model::EntityKind;
use opmodel::report::{human, json};
use opmodel::{Diagnostic, Linter, LoadError, Report};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A bound that only a hang (or something quadratic) breaks, even in a debug
/// build on a loaded machine. Release builds take well under a second for
/// each of these inputs.
const SLOW: Duration = Duration::from_secs(60);

fn fixture(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/fixtures/hostile").join(name)
}

/// The display path of a fixture, as diagnostics name it.
fn shown(name: &str) -> String {
    fixture(name).to_string_lossy().replace('\\', "/")
}

fn load_with(paths: &[PathBuf], options: &LoadOptions) -> (Loaded, Report) {
    let loaded = load_paths(paths, options).unwrap_or_else(|e| panic!("loads: {e}"));
    let report = Linter::new().check(&loaded);
    (loaded, report)
}

fn check(name: &str) -> (Loaded, Report) {
    load_with(&[fixture(name)], &LoadOptions::default())
}

/// The one diagnostic of `check` in the report; fails when there are none or several.
fn only<'a>(report: &'a Report, check: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == check)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one `{check}` expected, got {:#?}",
        report.diagnostics
    );
    found[0]
}

fn line_col(d: &Diagnostic) -> (u32, u32) {
    let l = d.location.expect("a location");
    (l.line, l.column)
}

fn focus(d: &Diagnostic) -> (u32, u32) {
    let f = d.focus.as_ref().expect("a focus");
    (f.location.line, f.location.column)
}

/// Asserts the report's only `invalid-file` finding is about `name`, with
/// this message and position.
fn assert_invalid_file(report: &Report, name: &str, message: &str, pos: (u32, u32)) {
    let d = only(report, "invalid-file");
    assert_eq!(d.entity.kind, EntityKind::File);
    assert_eq!(d.entity.id, shown(name));
    assert_eq!(d.message, message);
    assert_eq!(line_col(d), pos, "{d:#?}");
}

/// A fresh scratch folder for one test (removed first if left over).
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("opmodel-hostile-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn opmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally, not by a signal")
}

fn out(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn invalid_utf8_is_reported_at_the_first_bad_byte() {
    let (loaded, report) = check("invalid-utf8.yaml");
    // `    name: Caf\xe9 team`: the bad byte is the 14th character of line 3.
    assert_invalid_file(&report, "invalid-utf8.yaml", "is not UTF-8 text", (3, 14));
    assert_eq!(
        only(&report, "invalid-file").help.as_deref(),
        Some("save the file as UTF-8")
    );
    assert_eq!(loaded.model.entity_count(), 0);
}

#[test]
fn binary_files_are_refused_without_parsing() {
    // A PNG header: 0x89 is not UTF-8.
    let (_, report) = check("image.yaml");
    assert_invalid_file(&report, "image.yaml", "is not UTF-8 text", (1, 1));
    // Valid UTF-8 with NUL bytes.
    let (_, report) = check("nul-bytes.yaml");
    assert_invalid_file(
        &report,
        "nul-bytes.yaml",
        "cannot be parsed: holds a NUL byte: this looks like a binary file, not an org file",
        (3, 1),
    );
}

#[test]
fn empty_files_are_empty_models_in_every_format() {
    // An empty YAML, TOML or JSON file is an org with nothing in it yet: no
    // finding, no entity, and it counts as read.
    for name in ["empty.yaml", "empty.toml", "empty.json"] {
        let (loaded, report) = check(name);
        assert!(
            report.diagnostics.is_empty(),
            "{name}: {:#?}",
            report.diagnostics
        );
        assert_eq!(loaded.model.entity_count(), 0, "{name}");
        assert_eq!(loaded.model.sources.len(), 1, "{name}");
    }
    let o = opmodel(&["check", "tests/fixtures/hostile/empty.json"]);
    assert_eq!(code(&o), 0, "{}", out(&o));
}

#[test]
fn tabs_in_yaml_indentation_point_at_the_tab() {
    let (_, report) = check("tabs.yaml");
    assert_invalid_file(
        &report,
        "tabs.yaml",
        "cannot be parsed: a tab indents this line; YAML indents with spaces only",
        (3, 1),
    );
}

#[test]
fn ordinary_anchors_and_aliases_work() {
    let (loaded, report) = check("anchors.yaml");
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.check.starts_with("invalid-")),
        "{:#?}",
        report.diagnostics
    );
    let teams = &loaded.model.teams;
    assert_eq!(teams.len(), 2);
    assert_eq!(teams[1].id, "search");
    assert_eq!(teams[1].members.len(), 3);
    assert_eq!(teams[0].members, teams[1].members);
}

#[test]
fn a_billion_laughs_is_refused_quickly_with_the_limit_named() {
    let start = Instant::now();
    let (loaded, report) = check("alias-bomb.yaml");
    assert!(start.elapsed() < SLOW, "took {:?}", start.elapsed());
    let d = only(&report, "invalid-file");
    assert_eq!(d.entity.id, shown("alias-bomb.yaml"));
    assert_eq!(
        d.message,
        "cannot be parsed: aliases expand to more than 100000 values"
    );
    assert_eq!(d.location.expect("located").line, 6);
    assert_eq!(
        d.help.as_deref(),
        Some(
            "use fewer aliases, or raise the limit with `LoadOptions::max_alias_expansion` (or `--max-alias-expansion`)"
        )
    );
    assert_eq!(loaded.model.entity_count(), 0);
    // A lower limit is honoured and named.
    let options = LoadOptions {
        max_alias_expansion: 50,
        ..LoadOptions::default()
    };
    let (_, report) = load_with(&[fixture("alias-bomb.yaml")], &options);
    assert_eq!(
        only(&report, "invalid-file").message,
        "cannot be parsed: aliases expand to more than 50 values"
    );
}

#[test]
fn duplicate_keys_are_invalid_entities_in_yaml_and_json() {
    let (loaded, report) = check("dup-keys.yaml");
    let d = only(&report, "invalid-entity");
    assert_eq!(
        (d.entity.kind, d.entity.id.as_str()),
        (EntityKind::Team, "playback")
    );
    assert_eq!(d.message, "field `owns` is given twice");
    assert_eq!((line_col(d), focus(d)), ((2, 5), (4, 5)));
    // The first value is the one kept.
    assert_eq!(loaded.model.teams[0].owns[0].id, "web-player");

    let (loaded, report) = check("dup-keys.json");
    let d = only(&report, "invalid-entity");
    assert_eq!(
        (d.entity.kind, d.entity.id.as_str()),
        (EntityKind::Team, "playback")
    );
    assert_eq!(d.message, "field `name` is given twice");
    assert_eq!((line_col(d), focus(d)), ((3, 5), (6, 7)));
    assert_eq!(loaded.model.teams[0].name.as_deref(), Some("Playback"));
}

#[test]
fn a_wrong_version_is_named_and_the_file_not_read() {
    // Its sections may mean something else in that version: nothing of it
    // is read, and what its ids would explain waits, as for a file that
    // does not parse.
    let (loaded, report) = check("version.yaml");
    assert_invalid_file(
        &report,
        "version.yaml",
        "unsupported format version `2`; this opmodel reads version 1",
        (1, 10),
    );
    assert!(loaded.model.teams.is_empty());
    let file = loaded
        .model
        .sources
        .iter()
        .next()
        .map(|(_, f)| f.is_unread());
    assert_eq!(file, Some(true));
}

#[test]
fn numbers_that_do_not_fit() {
    // YAML and TOML: 1e400 overflows to infinity and is refused; an integer
    // past i64 still reads as a (large) float.
    for (name, focus_at) in [("numbers.yaml", (5, 13)), ("numbers.toml", (5, 10))] {
        let (loaded, report) = check(name);
        let d = only(&report, "invalid-entity");
        assert_eq!(
            (d.entity.kind, d.entity.id.as_str()),
            (EntityKind::Outcome, "retention"),
            "{name}"
        );
        assert_eq!(
            d.message, "`target` is not a finite number that fits in 64 bits",
            "{name}"
        );
        assert_eq!(focus(d), focus_at, "{name}");
        let outcome = &loaded.model.outcomes[0];
        assert_eq!(outcome.baseline, Some(1e23), "{name}");
        assert_eq!(outcome.target, None, "{name}");
    }
    // JSON: serde_json refuses the whole file at the number.
    let (_, report) = check("numbers.json");
    assert_invalid_file(
        &report,
        "numbers.json",
        "cannot be parsed: number out of range: numbers must fit in a 64-bit float (about ±1.7e308)",
        (7, 17),
    );
}

#[test]
fn ids_past_the_limit_are_refused_once() {
    let (loaded, report) = check("long-id.yaml");
    let d = only(&report, "invalid-entity");
    assert_eq!(
        (d.entity.kind, d.entity.id.as_str()),
        (EntityKind::Team, "teams[0]")
    );
    assert_eq!(
        d.message,
        "id is 200 bytes long, more than the limit of 128 bytes"
    );
    assert_eq!(focus(d), (2, 9));
    // At the spec's limit, the help names no library setting a CLI user
    // cannot reach.
    assert_eq!(
        d.help.as_deref(),
        Some("shorten the id: ids are at most 128 characters long")
    );
    assert!(loaded.model.teams.is_empty());
    // `max_id_len` is honoured below the spec's 128 too.
    let options = LoadOptions {
        max_id_len: 5,
        ..LoadOptions::default()
    };
    let (loaded, report) = load_with(&[fixture("dup-keys.yaml")], &options);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("id is"))
        .expect("refused");
    assert_eq!(
        d.message,
        "id is 8 bytes long, more than the limit of 5 bytes"
    );
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("LoadOptions::max_id_len"))
    );
    assert!(loaded.model.teams.is_empty());
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let (_, report) = check("control-chars.yaml");
    let bad = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .count();
    assert_eq!(bad, 2, "{:#?}", report.diagnostics);
    let text = human::render(&report, human::Options::new(false));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(
        text.contains("product `x\\u{1b}[2Jy` has no path to any outcome"),
        "{text}"
    );
    let o = opmodel(&[
        "check",
        "--color",
        "never",
        "tests/fixtures/hostile/control-chars.yaml",
    ]);
    assert_eq!(code(&o), 1);
    assert!(
        !o.stdout.contains(&0x1b) && !o.stderr.contains(&0x1b),
        "{}",
        out(&o)
    );
    // JSON escapes them its own way.
    let j = json::to_string(&report);
    assert!(!j.contains('\u{1b}') && j.contains("\\u001b"), "{j}");
}

#[test]
fn one_bad_entity_does_not_hide_its_neighbours() {
    let (loaded, report) = check("neighbours.yaml");
    let bad: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .collect();
    assert_eq!(bad.len(), 2, "{:#?}", report.diagnostics);
    assert_eq!(bad[0].entity.id, "playback");
    assert_eq!(
        bad[0].message,
        "`owns` must be an id or a list of ids, found a table"
    );
    assert_eq!(focus(bad[0]), (3, 11));
    assert_eq!(bad[1].entity.id, "teams[1]");
    assert_eq!(
        bad[1].message,
        "each item of `teams` must be a table, found a string"
    );
    assert_eq!(line_col(bad[1]), (4, 5));
    let orphan = only(&report, "orphaned-product");
    assert_eq!(
        (orphan.entity.id.as_str(), line_col(orphan)),
        ("lonely", (9, 5))
    );
    assert_eq!(orphan.message, "product `lonely` has no accountable owner");
    // The malformed team is kept (so references to it resolve); so is the good one.
    let ids: Vec<&str> = loaded.model.teams.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["playback", "search"]);
}

/// Ten megabytes of `[`…`]`: refused at the depth limit, quickly, with no
/// stack overflow, in YAML and in JSON.
#[test]
fn ten_megabytes_of_nesting_hit_the_depth_limit() {
    let dir = scratch("deep");
    let half = 5 * 1024 * 1024;
    let text = "[".repeat(half) + &"]".repeat(half);
    for name in ["deep.yaml", "deep.json"] {
        let path = dir.join(name);
        std::fs::write(&path, &text).expect("written");
        let start = Instant::now();
        let (_, report) = load_with(std::slice::from_ref(&path), &LoadOptions::default());
        assert!(start.elapsed() < SLOW, "{name} took {:?}", start.elapsed());
        let d = only(&report, "invalid-file");
        assert_eq!(
            d.message, "cannot be parsed: nesting deeper than 64 levels",
            "{name}"
        );
        assert_eq!(d.location.expect("located").line, 1, "{name}");
        assert_eq!(
            d.help.as_deref(),
            Some(
                "nest less deeply, or raise the limit with `LoadOptions::max_depth` (or `--max-depth`)"
            )
        );
    }
    let path = dir.join("deep.yaml");
    let o = opmodel(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(code(&o), 1, "{}", out(&o));
    assert!(
        out(&o).contains("deep.yaml") && out(&o).contains("nesting deeper than 64 levels"),
        "{}",
        out(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_past_max_text_len_is_refused_and_the_entity_kept() {
    let dir = scratch("text");
    let path = dir.join("org.yaml");
    std::fs::write(
        &path,
        format!(
            "teams:\n  - id: playback\n    name: {}\n",
            "x".repeat(70_000)
        ),
    )
    .expect("written");
    let (loaded, report) = load_with(std::slice::from_ref(&path), &LoadOptions::default());
    let d = only(&report, "invalid-entity");
    assert_eq!(
        d.message,
        "`name` is 70000 bytes long, more than the limit of 65536 bytes"
    );
    assert_eq!(focus(d), (3, 11));
    assert_eq!(
        d.help.as_deref(),
        Some(
            "shorten it, or raise the limit with `LoadOptions::max_text_len` (or `--max-text-len`)"
        )
    );
    assert_eq!(loaded.model.teams[0].id, "playback");
    // The flag raises it.
    let o = opmodel(&[
        "check",
        "--format",
        "json",
        "--max-text-len",
        "100000",
        path.to_str().expect("utf-8"),
    ]);
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("invalid-entity"),
        "{}",
        out(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn entities_past_max_entities_stop_the_file_with_the_limit_named() {
    let dir = scratch("entities");
    let path = dir.join("org.yaml");
    let teams: String = (0..5).map(|i| format!("  - id: t{i}\n")).collect();
    std::fs::write(&path, format!("teams:\n{teams}")).expect("written");
    let options = LoadOptions {
        max_entities: 3,
        ..LoadOptions::default()
    };
    let (loaded, report) = load_with(std::slice::from_ref(&path), &options);
    let d = only(&report, "invalid-file");
    assert_eq!(d.message, "the model has more than 3 entities");
    assert_eq!(line_col(d), (5, 5));
    assert_eq!(
        d.help.as_deref(),
        Some("raise the limit with `LoadOptions::max_entities` (or `--max-entities`)")
    );
    assert_eq!(loaded.model.teams.len(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_past_the_size_limits_are_named_and_the_rest_read() {
    let options = LoadOptions {
        max_file_size: 100,
        ..LoadOptions::default()
    };
    let (loaded, report) = load_with(
        &[fixture("anchors.yaml"), fixture("dup-keys.yaml")],
        &options,
    );
    assert_invalid_file(
        &report,
        "anchors.yaml",
        "is 367 bytes, larger than the limit of 100 bytes; raise it with `LoadOptions::max_file_size` (or `--max-file-size`)",
        (0, 0),
    );
    // dup-keys.yaml (70 bytes) was still read.
    assert_eq!(loaded.model.teams[0].id, "playback");
    // Alone, nothing could be read: an error, not a report.
    let err = load_paths(&[fixture("anchors.yaml")], &options).expect_err("nothing readable");
    assert!(matches!(err, LoadError::NothingReadable { .. }), "{err}");
    let o = opmodel(&[
        "check",
        "--max-file-size",
        "100",
        "tests/fixtures/hostile/anchors.yaml",
    ]);
    assert_eq!(code(&o), 2, "{}", out(&o));
    assert!(
        out(&o).contains("anchors.yaml") && out(&o).contains("--max-file-size"),
        "{}",
        out(&o)
    );

    let options = LoadOptions {
        max_total_size: 100,
        ..LoadOptions::default()
    };
    let (_, report) = load_with(
        &[fixture("dup-keys.yaml"), fixture("version.yaml")],
        &options,
    );
    let d = only(&report, "invalid-file");
    assert_eq!(d.entity.id, shown("version.yaml"));
    assert_eq!(
        d.message,
        "reading it would take the input past 100 bytes in all; raise the limit with `LoadOptions::max_total_size` (or `--max-total-size`)"
    );
}

#[test]
fn folders_and_missing_paths_among_the_inputs() {
    let dir = scratch("folders");
    let empty = dir.join("empty-folder");
    std::fs::create_dir_all(&empty).expect("folder");
    std::fs::write(empty.join("notes.txt"), "not an org file").expect("written");
    // A folder named like an org file is searched, not read.
    let tricky = dir.join("looks-like.yaml");
    std::fs::create_dir_all(&tricky).expect("folder");
    std::fs::write(tricky.join("org.yaml"), "teams:\n  - id: inside\n").expect("written");
    let missing = dir.join("missing.yaml");
    // Inside the same folder as the others, so the merge order (by path)
    // does not depend on where the checkout and the temp folder live.
    let good = dir.join("version.yaml");
    std::fs::write(&good, "teams:\n  - id: playback\n").expect("written");
    let (loaded, report) = load_with(
        &[good.clone(), empty.clone(), tricky.clone(), missing.clone()],
        &LoadOptions::default(),
    );
    let ids: Vec<&str> = loaded.model.teams.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["inside", "playback"]);
    let files: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-file" && !d.message.starts_with("unsupported"))
        .map(|d| (d.entity.id.as_str(), d.message.as_str()))
        .collect();
    let empty_shown = empty.to_string_lossy().into_owned();
    let missing_shown = missing.to_string_lossy().into_owned();
    assert_eq!(
        files,
        [
            (
                empty_shown.as_str(),
                "is a folder that holds no org files (.yaml, .yml, .toml or .json)"
            ),
            (
                missing_shown.as_str(),
                "cannot be read: No such file or directory (os error 2)"
            ),
        ]
    );
    // Alone, each is an error that stops the run (exit 2), naming the path.
    assert!(matches!(
        load_paths(&[&empty], &LoadOptions::default()),
        Err(LoadError::NoModelFiles { .. })
    ));
    assert!(matches!(
        load_paths(&[&missing], &LoadOptions::default()),
        Err(LoadError::Input { .. })
    ));
    for path in [&empty, &missing] {
        let o = opmodel(&["check", path.to_str().expect("utf-8")]);
        assert_eq!(code(&o), 2, "{}", out(&o));
        assert!(
            out(&o).contains(path.to_str().expect("utf-8")),
            "{}",
            out(&o)
        );
    }
    // Beside a readable file: reported, exit 1.
    let o = opmodel(&[
        "check",
        good.to_str().expect("utf-8"),
        missing.to_str().expect("utf-8"),
    ]);
    assert_eq!(code(&o), 1, "{}", out(&o));
    assert!(out(&o).contains("missing.yaml"), "{}", out(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unreadable_files_are_reported_and_the_rest_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let locked = dir.join("locked.yaml");
    std::fs::write(&locked, "teams:\n  - id: secret\n").expect("written");
    std::fs::write(dir.join("open.yaml"), "teams:\n  - id: visible\n").expect("written");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    // root (and CAP_DAC_OVERRIDE) reads it anyway: nothing to assert then.
    if std::fs::File::open(&locked).is_ok() {
        eprintln!("note: running with permission to read a mode-000 file; skipping");
    } else {
        let (loaded, report) = load_with(std::slice::from_ref(&dir), &LoadOptions::default());
        let d = only(&report, "invalid-file");
        assert_eq!(d.entity.id, locked.to_string_lossy());
        assert_eq!(d.message, "cannot be read: Permission denied (os error 13)");
        let ids: Vec<&str> = loaded.model.teams.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["visible"]);
        let o = opmodel(&["check", locked.to_str().expect("utf-8")]);
        assert_eq!(code(&o), 2, "{}", out(&o));
        assert!(out(&o).contains("locked.yaml"), "{}", out(&o));
    }
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn symlink_loops_in_a_folder_end() {
    let dir = scratch("symlinks");
    std::fs::write(dir.join("real.yaml"), "teams:\n  - id: real\n").expect("written");
    // Two links pointing at each other, and a folder link back to the top.
    std::os::unix::fs::symlink(dir.join("b.yaml"), dir.join("a.yaml")).expect("link");
    std::os::unix::fs::symlink(dir.join("a.yaml"), dir.join("b.yaml")).expect("link");
    std::fs::create_dir_all(dir.join("sub")).expect("folder");
    std::os::unix::fs::symlink(&dir, dir.join("sub/up")).expect("link");
    let start = Instant::now();
    let (loaded, report) = load_with(std::slice::from_ref(&dir), &LoadOptions::default());
    assert!(start.elapsed() < SLOW);
    let looped: Vec<(String, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-file")
        .map(|d| {
            (
                d.entity
                    .id
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                d.message.as_str(),
            )
        })
        .collect();
    let message = "cannot be read: Too many levels of symbolic links (os error 40)";
    assert_eq!(
        looped,
        [
            ("a.yaml".to_owned(), message),
            ("b.yaml".to_owned(), message)
        ]
    );
    let ids: Vec<&str> = loaded.model.teams.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["real"]);
    let o = opmodel(&["check", dir.to_str().expect("utf-8")]);
    assert_eq!(code(&o), 1, "{}", out(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_folder_reached_through_a_link_is_read_under_its_own_path() {
    let dir = scratch("linked-folder");
    std::fs::create_dir_all(dir.join("teams/payments")).expect("folder");
    std::fs::write(
        dir.join("teams/payments/team.yaml"),
        "teams:\n  - id: pay\n",
    )
    .expect("written");
    // Links sorting before and after the folder they point at, and a link to
    // a folder outside the tree, which is passed over unless asked for, and
    // then read through the link.
    std::os::unix::fs::symlink(dir.join("teams"), dir.join("a-teams")).expect("link");
    std::os::unix::fs::symlink(dir.join("teams/payments"), dir.join("z-payments")).expect("link");
    let outside = scratch("linked-folder-outside");
    std::fs::write(
        outside.join("products.yaml"),
        "products:\n  - { id: shop, owner: pay }\n",
    )
    .expect("written");
    std::os::unix::fs::symlink(&outside, dir.join("shared")).expect("link");
    let relative = |files: &[PathBuf]| -> Vec<String> {
        files
            .iter()
            .map(|f| {
                f.strip_prefix(&dir)
                    .expect("below the folder")
                    .display()
                    .to_string()
            })
            .collect()
    };
    let mut diagnostics = Vec::new();
    let mut sources = opmodel::source::Sources::new();
    let files = opmodel::load::model_files(&dir, &mut diagnostics, &mut sources).expect("listed");
    assert_eq!(relative(&files), ["teams/payments/team.yaml"]);
    let roots = [dir.canonicalize().expect("real path")];
    let mut walk = opmodel::load::Walk {
        roots: &roots,
        follow_links_outside: true,
        skipped: Vec::new(),
    };
    let files = opmodel::load::model_files_with(&dir, &mut walk, &mut diagnostics, &mut sources)
        .expect("listed");
    assert_eq!(
        relative(&files),
        ["shared/products.yaml", "teams/payments/team.yaml"]
    );
    assert!(walk.skipped.is_empty());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&outside);
}

#[test]
fn exit_codes_of_hostile_files() {
    // 1: something was read and errors were found (the bad file named);
    // 2: nothing could be read; never 101.
    let cases: [(&[&str], i32, &str); 7] = [
        (&["tests/fixtures/hostile/image.yaml"], 1, "image.yaml"),
        (
            &["tests/fixtures/hostile/invalid-utf8.yaml"],
            1,
            "invalid-utf8.yaml",
        ),
        (
            &["tests/fixtures/hostile/alias-bomb.yaml"],
            1,
            "alias-bomb.yaml",
        ),
        (
            &["tests/fixtures/hostile/neighbours.yaml"],
            1,
            "neighbours.yaml",
        ),
        (
            &[
                "tests/fixtures/hostile/numbers.json",
                "tests/fixtures/hostile/empty.yaml",
            ],
            1,
            "numbers.json",
        ),
        (
            &[
                "tests/fixtures/hostile/empty.yaml",
                "tests/fixtures/hostile/empty.toml",
            ],
            0,
            "0 errors",
        ),
        (&["Cargo.lock"], 2, "Cargo.lock"),
    ];
    for (paths, expected, named) in cases {
        for format in ["human", "json"] {
            let mut args = vec!["check", "--format", format];
            args.extend(paths);
            let o = opmodel(&args);
            assert_eq!(code(&o), expected, "{args:?}: {}", out(&o));
            if format == "human" || expected == 2 {
                assert!(out(&o).contains(named), "{args:?}: {}", out(&o));
            }
        }
    }
}

#[test]
fn pipes_and_devices_are_not_read() {
    let dir = scratch("special");
    std::fs::write(dir.join("real.yaml"), "teams:\n  - id: real\n").expect("written");
    // A device behind an org file name: reading it would never end.
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).expect("link");
    // A FIFO with no writer: reading it would block forever.
    let fifo = dir.join("pipe.yaml");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let start = Instant::now();
    let (loaded, report) = load_with(std::slice::from_ref(&dir), &LoadOptions::default());
    assert!(start.elapsed() < SLOW);
    let mut refused: Vec<(String, &str)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-file")
        .map(|d| {
            (
                d.entity
                    .id
                    .rsplit('/')
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
                d.message.as_str(),
            )
        })
        .collect();
    refused.sort();
    let message = "is not a regular file (a pipe, socket or device)";
    let mut expected = vec![("zero.yaml".to_owned(), message)];
    if made {
        expected.insert(0, ("pipe.yaml".to_owned(), message));
    }
    assert_eq!(refused, expected);
    assert_eq!(loaded.model.teams[0].id, "real");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_entity_with_a_hundred_thousand_keys_is_not_quadratic() {
    let dir = scratch("wide");
    let path = dir.join("wide.json");
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!(
        "{{\"teams\": [{{\"id\": \"wide\", {}, \"k7\": 0}}]}}",
        keys.join(", ")
    );
    std::fs::write(&path, text).expect("written");
    let start = Instant::now();
    let (loaded, report) = load_with(std::slice::from_ref(&path), &LoadOptions::default());
    assert!(start.elapsed() < SLOW, "took {:?}", start.elapsed());
    assert_eq!(loaded.model.teams[0].id, "wide");
    let twice: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.ends_with("is given twice"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(twice, ["field `k7` is given twice"]);
    let unknown = report
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("unknown field"))
        .count();
    // 100 001 problems in all: a file reports at most 10 000 of them and
    // counts the rest in one last finding.
    assert_eq!(unknown, 9_999);
    let rest: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("more problems in this file"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        rest,
        ["90001 more problems in this file were not reported: a file reports at most 10000"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn config_files_that_are_pipes_devices_or_too_large_are_reported() {
    let dir = scratch("config");
    let org = dir.join("org.yaml");
    std::fs::write(&org, "teams:\n  - id: real\n").expect("written");
    let org = org.to_string_lossy().into_owned();
    let config = dir.join("opmodel.toml");
    let not_regular =
        "it is not a regular file (a pipe, socket or device); a config must be a regular file";
    let run = |args: &[&str]| {
        let start = Instant::now();
        let o = opmodel(args);
        assert!(start.elapsed() < SLOW, "{args:?}");
        o
    };
    // `/dev/zero` found next to the input: reported, not passed over.
    std::os::unix::fs::symlink("/dev/zero", &config).expect("link");
    let o = run(&["check", &org]);
    assert_eq!(code(&o), 2, "{}", out(&o));
    assert!(out(&o).contains(not_regular), "{}", out(&o));
    let o = run(&["check", "--config", "/dev/zero", &org]);
    assert_eq!(code(&o), 2, "{}", out(&o));
    assert!(out(&o).contains(not_regular), "{}", out(&o));
    std::fs::remove_file(&config).expect("removed");
    // A FIFO with no writer, found and named: neither blocks.
    let made = Command::new("mkfifo")
        .arg(&config)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let shown = config.to_string_lossy().into_owned();
        for args in [vec!["check", &org], vec!["check", "--config", &shown, &org]] {
            let o = run(&args);
            assert_eq!(code(&o), 2, "{}", out(&o));
            assert!(out(&o).contains(not_regular), "{}", out(&o));
        }
        std::fs::remove_file(&config).expect("removed");
    }
    // A 2 GB sparse config: refused on its size, before reading.
    let file = std::fs::File::create(&config).expect("created");
    file.set_len(2 << 30).expect("sparse");
    drop(file);
    let o = run(&["check", &org]);
    assert_eq!(code(&o), 2, "{}", out(&o));
    assert!(
        out(&o).contains("it is 2147483648 bytes, larger than the limit of 536870912 bytes"),
        "{}",
        out(&o)
    );
    // The limit is the org files' one.
    std::fs::write(&config, "[checks]\nidle-team = \"deny\"\n").expect("written");
    let o = run(&["check", "--max-file-size", "16", &org]);
    assert!(
        out(&o).contains("larger than the limit of 16 bytes"),
        "{}",
        out(&o)
    );
    let o = run(&["check", &org]);
    assert_eq!(code(&o), 1, "idle-team denied: {}", out(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn links_out_of_the_folders_given_are_not_followed_unless_asked() {
    let dir = scratch("links-outside");
    let org = dir.join("org");
    std::fs::create_dir_all(org.join("teams")).expect("folder");
    std::fs::write(org.join("teams/team.yaml"), "teams:\n  - id: pay\n").expect("written");
    // Outside the folder given: a folder of org files, and one file.
    let outside = dir.join("elsewhere");
    std::fs::create_dir_all(&outside).expect("folder");
    std::fs::write(
        outside.join("products.yaml"),
        "products:\n  - { id: shop, owner: nobody-secret }\n",
    )
    .expect("written");
    std::fs::write(dir.join("one.yaml"), "teams:\n  - id: secret-team\n").expect("written");
    std::os::unix::fs::symlink(&outside, org.join("shared")).expect("link");
    std::os::unix::fs::symlink(dir.join("one.yaml"), org.join("one.yaml")).expect("link");
    // A link that stays inside is followed as before.
    std::os::unix::fs::symlink(org.join("teams"), org.join("more-teams")).expect("link");
    let org_arg = org.to_string_lossy().into_owned();
    let real = outside.canonicalize().expect("real path");
    let note = |name: &str, target: &Path| {
        format!(
            "note: `{}` was not followed: it leads to `{}`, outside the paths given (--follow-links-outside follows it)",
            org.join(name).display(),
            target.display()
        )
    };

    let o = opmodel(&["check", "--format", "json", &org_arg]);
    let text = out(&o);
    assert_eq!(code(&o), 0, "{text}");
    assert!(!text.contains("secret"), "{text}");
    assert!(text.contains(&note("shared", &real)), "{text}");
    let one = dir.canonicalize().expect("real path").join("one.yaml");
    assert!(text.contains(&note("one.yaml", &one)), "{text}");

    // Through the library: the links are listed in path order.
    let (loaded, _) = load_with(std::slice::from_ref(&org), &LoadOptions::default());
    let skipped: Vec<&Path> = loaded
        .skipped_links
        .iter()
        .map(|l| l.path.as_path())
        .collect();
    assert_eq!(skipped, [org.join("one.yaml"), org.join("shared")]);
    assert_eq!(loaded.model.teams.len(), 1);

    // Asked for: read through the links, no note.
    let o = opmodel(&[
        "check",
        "--follow-links-outside",
        "--format",
        "json",
        &org_arg,
    ]);
    let text = out(&o);
    assert!(text.contains("nobody-secret"), "{text}");
    assert!(!text.contains("note: "), "{text}");
    let options = LoadOptions {
        follow_links_outside: true,
        ..LoadOptions::default()
    };
    let (loaded, _) = load_with(std::slice::from_ref(&org), &options);
    assert!(loaded.skipped_links.is_empty());
    assert_eq!(loaded.model.teams.len(), 2);

    // A folder given beside: a link into it is inside the paths given.
    let outside_arg = outside.to_string_lossy().into_owned();
    let o = opmodel(&["check", "--format", "json", &org_arg, &outside_arg]);
    assert!(!out(&o).contains(&note("shared", &real)), "{}", out(&o));
    assert!(out(&o).contains(&note("one.yaml", &one)), "{}", out(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A nesting limit of a million let one small deep YAML file overflow the
/// stack: the tool refuses such a limit, and the library holds any limit to
/// `MAX_DEPTH_LIMIT`, so a million-deep file is one `invalid-file` finding.
#[test]
fn a_huge_nesting_limit_cannot_take_the_process_down() {
    let dir = scratch("huge-depth-limit");
    let deep = dir.join("deep.yaml");
    let depth = 1_000_000;
    std::fs::write(
        &deep,
        format!("teams: {}{}\n", "[".repeat(depth), "]".repeat(depth)),
    )
    .expect("write deep.yaml");
    let good = dir.join("good.yaml");
    std::fs::write(&good, "products:\n  - id: lonely\n").expect("write good.yaml");

    let refused = opmodel(&[
        "check",
        "--max-depth",
        "1000000",
        deep.to_str().unwrap_or(""),
    ]);
    assert_eq!(code(&refused), 2, "{}", out(&refused));
    assert!(out(&refused).contains("at most 1000"), "{}", out(&refused));

    let at_limit = opmodel(&[
        "check",
        "--max-depth",
        "1000",
        deep.to_str().unwrap_or(""),
        good.to_str().unwrap_or(""),
    ]);
    assert_eq!(code(&at_limit), 1, "{}", out(&at_limit));
    assert!(out(&at_limit).contains("nesting deeper than 1000 levels"));
    assert!(
        out(&at_limit).contains("`lonely`"),
        "the good file is still checked"
    );

    let options = LoadOptions {
        max_depth: 1_000_000,
        ..LoadOptions::default()
    };
    let (_, report) = load_with(&[deep.clone(), good], &options);
    let invalid = only(&report, "invalid-file");
    assert!(
        invalid.message.contains(&format!(
            "nesting deeper than {} levels",
            opmodel::load::MAX_DEPTH_LIMIT
        )),
        "{}",
        invalid.message
    );
    let _ = std::fs::remove_dir_all(&dir);
}
