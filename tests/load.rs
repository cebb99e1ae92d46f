//! The loader on real files: every format, a mixed folder, and each kind of
//! broken file with the diagnostic and location it must give.

use std::path::Path;

use opmodel::load::{LoadOptions, load_paths};
use opmodel::model::{DecisionArea, EntityKind, KeyResultKind, Model, ProductKind, TeamKind};
use opmodel::{Diagnostic, Linter, Report};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(rel: &str) -> std::path::PathBuf {
    Path::new(FIXTURES).join(rel)
}

fn load(rel: &[&str]) -> opmodel::load::Loaded {
    let paths: Vec<_> = rel.iter().map(|r| fixture(r)).collect();
    match load_paths(&paths, &LoadOptions::default()) {
        Ok(l) => l,
        Err(e) => panic!("loading {rel:?} failed: {e}"),
    }
}

fn check(rel: &[&str]) -> Report {
    Linter::new().check(&load(rel))
}

/// (check, entity kind, entity id, file name, line) of each finding of `names`.
fn found(report: &Report, names: &[&str]) -> Vec<(String, EntityKind, String, String, u32)> {
    report
        .diagnostics
        .iter()
        .filter(|d| names.contains(&&*d.check))
        .map(|d: &Diagnostic| {
            let loc = d
                .location
                .expect("every finding from a file has a location");
            let file = report.sources.display(loc.file);
            let name = file.rsplit('/').next().unwrap_or(file).to_owned();
            (
                d.check.to_string(),
                d.entity.kind,
                d.entity.id.to_string(),
                name,
                loc.line,
            )
        })
        .collect()
}

fn assert_same_model(a: &Model, b: &Model) {
    // Locations differ between formats; compare what the files say.
    let strip = |m: &Model| serde_json::to_value(m).expect("a model serialises");
    assert_eq!(strip(a), strip(b));
}

#[test]
fn every_format_reads_the_same_model() {
    let yaml = load(&["formats/org.yaml"]);
    let toml = load(&["formats/org.toml"]);
    let json = load(&["formats/org.json"]);
    for loaded in [&yaml, &toml, &json] {
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    }
    let m = &yaml.model;
    assert_eq!(m.organization.name.as_deref(), Some("Acme Music"));
    assert_eq!(m.teams.len(), 2);
    assert_eq!(m.teams[0].kind, TeamKind::Unit);
    assert_eq!(
        m.teams[1].kind,
        TeamKind::StreamAligned,
        "kind defaults to stream-aligned"
    );
    assert_eq!(m.products[0].kind, Some(ProductKind::CustomerFacing));
    assert_eq!(
        m.objectives[0].key_results[0].id, "q3#1",
        "default key-result id"
    );
    assert_eq!(m.objectives[0].key_results[1].id, "q3-kr2");
    assert_eq!(
        m.objectives[0].key_results[1].kind,
        Some(KeyResultKind::Outcome)
    );
    assert_eq!(m.decisions[0].area, DecisionArea::FeatureSet);
    assert_same_model(&yaml.model, &toml.model);
    assert_same_model(&yaml.model, &json.model);
}

#[test]
fn every_format_gives_entity_lines() {
    let lines = |l: &opmodel::load::Loaded| -> Vec<u32> {
        l.model
            .products
            .iter()
            .map(|p| p.location.map_or(0, |x| x.line))
            .collect()
    };
    assert_eq!(lines(&load(&["formats/org.yaml"])), vec![12]);
    // A `[[products]]` table is placed at its first key, below the header.
    assert_eq!(lines(&load(&["formats/org.toml"])), vec![17]);
    assert_eq!(lines(&load(&["formats/org.json"])), vec![9]);
    let yaml = load(&["formats/org.yaml"]);
    // A key result written as a table is placed at its `text:` value.
    let kr = &yaml.model.objectives[0].key_results[1];
    assert_eq!(
        kr.location
            .map(|l| (l.line, l.column, l.end_line, l.end_column)),
        Some((27, 15, 27, 55))
    );
}

#[test]
fn a_folder_of_mixed_formats_merges_sorted_by_path() {
    let loaded = load(&["mixed"]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let files: Vec<&str> = loaded
        .model
        .sources
        .iter()
        .map(|(_, f)| f.display())
        .collect();
    assert_eq!(
        files.len(),
        3,
        "opmodel.toml and README.md are not model files: {files:?}"
    );
    assert!(files[0].ends_with("mixed/a-teams.yaml"));
    assert!(files[1].ends_with("mixed/b-products.toml"));
    assert!(files[2].ends_with("mixed/nested/c-goals.json"));
    let report = Linter::new().check(&loaded);
    assert!(found(&report, &["unknown-reference", "duplicate-id"]).is_empty());
    assert_eq!(report.summary.entities, 4);
}

#[test]
fn a_syntax_error_names_file_line_and_column_and_the_rest_is_still_read() {
    let report = check(&["broken/syntax.yaml", "broken/dangling.yaml"]);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-file")
        .expect("invalid-file");
    assert_eq!(d.entity.kind, EntityKind::File);
    assert!(d.entity.id.ends_with("broken/syntax.yaml"));
    let loc = d.location.expect("location");
    assert_eq!(loc.line, 4, "{d:#?}");
    assert!(loc.column > 0);
    assert!(d.message.starts_with("cannot be parsed"), "{}", d.message);
    // The other file was still loaded and checked.
    assert_eq!(
        found(&report, &["unknown-reference"]),
        vec![(
            "unknown-reference".into(),
            EntityKind::Product,
            "web-player".into(),
            "dangling.yaml".into(),
            4
        )]
    );
}

#[test]
fn a_hand_made_syntax_mistake_gets_a_hint_of_what_to_change() {
    for (file, line, hint) in [
        (
            "broken/over-indented.yaml",
            4,
            "indented further than the key above it",
        ),
        (
            "broken/trailing-comma.json",
            3,
            "a comma after the last field",
        ),
        // A comment, which JSON has not, is named as one.
        ("broken/comment.json", 2, "JSON has no comments"),
        // A parser message no hint knows keeps the plain advice.
        ("broken/syntax.yaml", 4, "fix the file"),
    ] {
        let report = check(&[file]);
        let d = report
            .diagnostics
            .iter()
            .find(|d| d.check == "invalid-file")
            .unwrap_or_else(|| panic!("{file}: no invalid-file"));
        assert_eq!(d.location.map(|l| l.line), Some(line), "{file}: {d:#?}");
        let help = d.help.as_deref().unwrap_or_default();
        assert!(help.contains(hint), "{file}: {help}");
    }
}

#[test]
fn a_wrong_type_is_an_invalid_entity_at_the_entity() {
    let report = check(&["broken/wrong-type.yaml"]);
    assert_eq!(
        found(&report, &["invalid-entity"]),
        vec![(
            "invalid-entity".into(),
            EntityKind::Outcome,
            "listening-time".into(),
            "wrong-type.yaml".into(),
            2
        )]
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-entity")
        .expect("invalid-entity");
    assert_eq!(d.message, "`baseline` must be a number, found a string");
    assert_eq!(d.focus.as_ref().map(|f| f.location.line), Some(4));
}

#[test]
fn a_key_result_that_is_a_boolean_or_a_number_is_invalid() {
    let report = check(&["broken/key-result-not-a-sentence.yaml"]);
    let invalid: Vec<(String, u32)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .map(|d| {
            let line = d.focus.as_ref().map_or(0, |f| f.location.line);
            (d.message.clone(), line)
        })
        .collect();
    assert_eq!(
        invalid,
        [
            (
                "a key result is a sentence or a table, found a boolean (`true`)".to_owned(),
                5
            ),
            (
                "a key result is a sentence or a table, found a number (`42`)".to_owned(),
                6
            ),
        ]
    );
    // Neither is judged as a goal. The bare value is left out (as a list in
    // its place is); the table stays, with no text, as a table without
    // `text` does.
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.check != "milestone-key-result" && d.check != "unmeasurable-key-result"),
        "{:?}",
        report.diagnostics
    );
    let loaded = load(&["broken/key-result-not-a-sentence.yaml"]);
    let ids: Vec<&str> = loaded.model.objectives[0]
        .key_results
        .iter()
        .map(|kr| kr.id.as_str())
        .collect();
    assert_eq!(ids, ["retention#2", "retention#3"]);
}

#[test]
fn an_unknown_field_suggests_the_known_one() {
    let report = check(&["broken/unknown-field.yaml"]);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-entity")
        .expect("invalid-entity");
    assert_eq!(d.entity.id, "web-player");
    assert_eq!(d.message, "unknown field `ownr` on product `web-player`");
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.starts_with("did you mean `owner`?")),
        "{:?}",
        d.help
    );
    assert_eq!(d.location.map(|l| l.line), Some(2));
}

#[test]
fn an_unknown_word_names_the_word_it_opens() {
    // `customer` is one word of `customer-facing`: no typo, but what was meant.
    let loaded = opmodel::load::load_str(
        "products:\n  - id: shop\n    kind: customer\n  - id: ledger\n    kind: intern\n  - id: misc\n    kind: zzz\n",
        opmodel::load::Format::Yaml,
        "org.yaml",
    );
    let helps: Vec<(&str, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.message.as_str(), d.help.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(helps.len(), 3, "{helps:?}");
    assert_eq!(helps[0].0, "unknown `kind` value `customer`");
    assert!(
        helps[0].1.starts_with("did you mean `customer-facing`?"),
        "{helps:?}"
    );
    assert!(
        helps[1].1.starts_with("did you mean `internal`?"),
        "{helps:?}"
    );
    assert!(helps[2].1.starts_with("`kind` is one of"), "{helps:?}");
}

#[test]
fn a_duplicate_id_across_files_names_both_places() {
    let report = check(&["broken/dup-b.yaml", "broken/dup-a.yaml"]);
    let dups = found(&report, &["duplicate-id"]);
    assert_eq!(
        dups,
        vec![(
            "duplicate-id".into(),
            EntityKind::Product,
            "playback".into(),
            "dup-b.yaml".into(),
            4
        )]
    );
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "duplicate-id")
        .expect("duplicate-id");
    assert_eq!(d.labels.len(), 1);
    assert_eq!(
        report
            .sources
            .display(d.labels[0].location.file)
            .rsplit('/')
            .next(),
        Some("dup-a.yaml")
    );
    assert_eq!(d.labels[0].location.line, 2);
    // The message names the first place too: JSON, SARIF and CI annotations
    // carry one location per finding.
    assert!(
        d.message
            .starts_with("id `playback` is already used by team `playback`, first at ")
            && d.message.ends_with("broken/dup-a.yaml:2"),
        "{}",
        d.message
    );
    assert_eq!(d.related[0].kind, EntityKind::Team);
    // The first definition (by path) wins: `owner: playback` resolves to the team.
    assert!(found(&report, &["unknown-reference"]).is_empty());
}

#[test]
fn a_dangling_reference_names_the_field_and_suggests_an_id() {
    let report = check(&["broken/dangling.yaml"]);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "unknown-reference")
        .expect("unknown-reference");
    assert_eq!(
        d.message,
        "product `web-player` names `playbak` in `owner`, but no entity has that id"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "did you mean `playback`? Until it names a team, product `web-player` has no accountable owner (`orphaned-product` is not reported separately)"
        )
    );
    assert_eq!(d.location.map(|l| l.line), Some(4));
    assert_eq!(
        d.focus
            .as_ref()
            .map(|f| (f.location.line, f.location.column)),
        Some((5, 12))
    );
}

#[test]
fn a_loop_names_each_member_once() {
    let report = check(&["broken/loop.yaml"]);
    let loops: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "hierarchy-cycle")
        .collect();
    assert_eq!(loops.len(), 1, "{loops:#?}");
    let d = loops[0];
    assert_eq!(d.entity.id, "music");
    assert_eq!(d.location.map(|l| l.line), Some(2));
    assert_eq!(
        d.message,
        "team `parent` chain loops: `music` → `audio` → `sound` → `music`"
    );
    let related: Vec<&str> = d.related.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(related, ["audio", "sound"]);
}

#[test]
fn a_missing_path_is_an_error_not_a_diagnostic() {
    let err = load_paths(&[fixture("no-such-folder")], &LoadOptions::default())
        .expect_err("missing path");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
}

#[test]
fn a_file_reports_at_most_max_problems_per_file() {
    let mut text = String::from("teams:\n");
    for _ in 0..50 {
        text.push_str("  - just a string\n");
    }
    let options = LoadOptions {
        max_problems_per_file: 10,
        ..LoadOptions::default()
    };
    let loaded =
        opmodel::load::load_str_with(&text, opmodel::load::Format::Yaml, "org.yaml", &options);
    assert_eq!(loaded.diagnostics.len(), 11);
    let last = loaded.diagnostics.last().expect("a summary");
    assert_eq!(last.entity.kind, EntityKind::File);
    assert_eq!(
        last.message,
        "40 more problems in this file were not reported: a file reports at most 10"
    );
    let all = opmodel::load::load_str(&text, opmodel::load::Format::Yaml, "org.yaml");
    assert_eq!(all.diagnostics.len(), 50, "the default keeps them all");
}

#[test]
fn without_the_text_the_model_and_findings_are_the_same() {
    let paths = [fixture("mixed"), fixture("broken")];
    let with = load_paths(&paths, &LoadOptions::default()).expect("loads");
    let options = LoadOptions {
        keep_text: false,
        ..LoadOptions::default()
    };
    let without = load_paths(&paths, &options).expect("loads");
    assert_same_model(&with.model, &without.model);
    assert_eq!(with.model.teams, without.model.teams, "locations too");
    assert_eq!(with.diagnostics, without.diagnostics);
    // (A file that could not be read in full keeps its text: the linter
    // reads the ids written in it.)
    let texts = |l: &opmodel::load::Loaded| -> usize {
        l.model
            .sources
            .iter()
            .filter(|(_, f)| !f.is_unread())
            .map(|(_, f)| f.text().len())
            .sum()
    };
    assert!(texts(&with) > 0);
    assert_eq!(texts(&without), 0);
    assert!(
        without
            .model
            .sources
            .iter()
            .any(|(_, f)| f.is_unread() && !f.text().is_empty())
    );
    // Only the quoted source lines go.
    let (a, b) = (Linter::new().check(&with), Linter::new().check(&without));
    assert_eq!(a.diagnostics, b.diagnostics);
    // (The first finding in a file read in full: an unread file keeps its
    // text either way.)
    let first = a
        .diagnostics
        .iter()
        .filter_map(|d| d.location)
        .find(|l| {
            without
                .model
                .sources
                .get(l.file)
                .is_some_and(|f| !f.is_unread())
        })
        .expect("located");
    assert!(
        with.model
            .sources
            .get(first.file)
            .and_then(|f| f.line_text(first.line))
            .is_some()
    );
    assert!(
        without
            .model
            .sources
            .get(first.file)
            .and_then(|f| f.line_text(first.line))
            .is_none()
    );
}

#[test]
fn files_held_in_memory_load_as_files_on_disk_do() {
    use opmodel::load::load_files;
    let options = LoadOptions {
        max_file_size: 64,
        ..LoadOptions::default()
    };
    let loaded = load_files(
        vec![
            (
                "org/products.yaml".into(),
                b"products:\n  - { id: shop, owner: web }\n".to_vec(),
            ),
            ("org/teams.yaml".into(), b"teams:\n  - id: web\n".to_vec()),
            ("org/notes.txt".into(), b"not an org file".to_vec()),
            (
                "org/big.yaml".into(),
                format!("# {}\n", "x".repeat(100)).into_bytes(),
            ),
            (
                "org/latin1.yaml".into(),
                b"teams:\n  - id: caf\xe9\n".to_vec(),
            ),
            ("org/empty.yaml".into(), b"teams: []\n".to_vec()),
        ],
        &options,
    );
    // In path order, whatever order they were given in.
    let files: Vec<&str> = loaded
        .model
        .sources
        .iter()
        .map(|(_, f)| f.display())
        .collect();
    assert_eq!(
        files,
        [
            "org/big.yaml",
            "org/empty.yaml",
            "org/latin1.yaml",
            "org/notes.txt",
            "org/products.yaml",
            "org/teams.yaml"
        ]
    );
    assert_eq!(loaded.model.teams.len(), 1);
    assert_eq!(loaded.model.products[0].owner[0].as_str(), "web");
    let problems: Vec<(&str, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.entity.id.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems[0].0 == "org/big.yaml" && problems[0].1.contains("larger than the limit"));
    assert!(problems[1].0 == "org/latin1.yaml" && problems[1].1 == "is not UTF-8 text");
    assert!(problems[2].0 == "org/notes.txt" && problems[2].1.contains("is not an org file"));
    assert_eq!(
        loaded.empty_files,
        [std::path::PathBuf::from("org/empty.yaml")]
    );
}

#[test]
fn a_number_written_as_words_gets_a_help_that_fits_its_entity() {
    let help_of = |yaml: &str| -> String {
        let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
        let d = loaded
            .diagnostics
            .iter()
            .find(|d| d.message.contains("must be a number"))
            .expect("the wrong type is reported");
        d.help.as_deref().unwrap_or_default().to_owned()
    };
    // An outcome has no `unit:`: following the help must not lead to an
    // unknown field.
    let outcome = help_of(
        "outcomes:\n  - id: o\n    statement: Parcels arrive on time\n    baseline: high\n",
    );
    assert!(!outcome.contains("`unit:`"), "{outcome}");
    assert!(outcome.contains("`metric:`"), "{outcome}");
    let kr = help_of(
        "objectives:\n  - id: q\n    title: t\n    key_results:\n      - { text: Raise on-time share, baseline: high }\n",
    );
    assert!(kr.contains("`unit:`"), "{kr}");
}

#[test]
fn a_file_named_twice_under_two_spellings_is_read_once() {
    let once = load(&["mixed/a-teams.yaml"]);
    let spellings = [
        "mixed/a-teams.yaml",
        "mixed/./a-teams.yaml",
        "mixed/nested/../a-teams.yaml",
    ];
    let twice = load(&spellings);
    assert_eq!(twice.model.sources.len(), 1);
    assert_eq!(twice.model.teams.len(), once.model.teams.len());
    let report = Linter::new().check(&twice);
    assert!(
        report.diagnostics.iter().all(|d| d.check != "duplicate-id"),
        "{:#?}",
        report.diagnostics
    );
}

#[cfg(unix)]
#[test]
fn a_folder_given_again_through_a_link_is_read_once() {
    let dir = std::env::temp_dir().join(format!("opmodel-folder-link-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let org = dir.join("org");
    std::fs::create_dir_all(&org).expect("a temp dir");
    std::fs::write(org.join("a.yaml"), "teams:\n  - id: cards\n").expect("writes");
    let link = dir.join("org-link");
    std::os::unix::fs::symlink(&org, &link).expect("a link");
    let loaded = load_paths(&[&org, &link], &LoadOptions::default()).expect("loads");
    assert_eq!(loaded.model.teams.len(), 1);
    let report = Linter::new().check(&loaded);
    assert!(
        report.diagnostics.iter().all(|d| d.check != "duplicate-id"),
        "{:#?}",
        report.diagnostics
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_problem_of_the_organization_section_is_the_files_as_the_output_kinds_say() {
    let loaded = opmodel::load::load_str(
        "[organization]\nname = \"Acme\"\ncolour = \"red\"\n",
        opmodel::load::Format::Toml,
        "org.toml",
    );
    let report = Linter::new().check(&loaded);
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.check == "invalid-entity")
        .expect("the unknown field");
    assert_eq!(d.entity.kind, EntityKind::File);
    assert_eq!(d.entity.id, "org.toml");
    assert_eq!(
        d.message,
        "unknown field `colour` in the `organization` section of file `org.toml`"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("the fields of the organization are name, description")
    );
    let json = opmodel::report::json::to_string(&report);
    assert!(
        json.contains(r#""entity":{"kind":"file","id":"org.toml"}"#),
        "{json}"
    );
    assert!(!json.contains(r#""kind":"organization""#), "{json}");
}

#[test]
fn an_empty_area_and_an_empty_covers_are_invalid_in_every_format() {
    let yaml = "teams:\n  - { id: t, kind: unit }\ndecisions:\n  - { area: \"\", scope: t, decides: [t] }\ncadences:\n  - { id: c, kind: planning, every: quarter, owner: t, covers: [] }\n";
    let json = r#"{"teams":[{"id":"t","kind":"unit"}],"decisions":[{"area":" ","scope":"t","decides":["t"]}],"cadences":[{"id":"c","kind":"planning","every":"quarter","owner":"t","covers":[]}]}"#;
    for (text, format) in [
        (yaml, opmodel::load::Format::Yaml),
        (json, opmodel::load::Format::Json),
    ] {
        let loaded = opmodel::load::load_str(text, format, "org");
        let mut messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.check == "invalid-entity")
            .map(|d| d.message.as_str())
            .collect();
        messages.sort_unstable();
        assert_eq!(
            messages,
            [
                "a decision right needs an `area`",
                "cadence `c` covers nothing: `covers` is an empty list"
            ],
            "{format:?}"
        );
        assert!(loaded.model.decisions.is_empty());
    }
}

#[test]
fn a_number_written_with_its_per_cent_sign_is_read_and_reported() {
    use opmodel::load::{Format, load_str};
    let yaml = "objectives:\n  - id: checkout-q3\n    title: Faster checkout\n    key_results:\n      - text: Raise checkout success rate\n        baseline: 92%\n        target: \"96 %\"\n        unit: \"%\"\n";
    let json = r#"{"objectives": [{"id": "checkout-q3", "title": "Faster checkout", "key_results": [{"text": "Raise checkout success rate", "baseline": "92%", "target": "96 %", "unit": "%"}]}]}"#;
    let toml = "[[objectives]]\nid = \"checkout-q3\"\ntitle = \"Faster checkout\"\n[[objectives.key_results]]\ntext = \"Raise checkout success rate\"\nbaseline = \"92%\"\ntarget = \"96 %\"\nunit = \"%\"\n";
    for (text, format, name) in [
        (yaml, Format::Yaml, "okrs.yaml"),
        (json, Format::Json, "okrs.json"),
        (toml, Format::Toml, "okrs.toml"),
    ] {
        let loaded = load_str(text, format, name);
        let kr = &loaded.model.objectives[0].key_results[0];
        assert_eq!(
            (kr.measure.baseline, kr.measure.target),
            (Some(92.0), Some(96.0)),
            "{name}"
        );
        let messages: Vec<&str> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.check == "invalid-entity")
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "`baseline` must be a number, found the text \"92%\" (read as 92)",
                "`target` must be a number, found the text \"96 %\" (read as 96)",
            ],
            "{name}"
        );
        // The values are there: the key result is not unmeasurable.
        let report = Linter::new().check(&loaded);
        assert!(
            !report
                .diagnostics
                .iter()
                .any(|d| d.check == "unmeasurable-key-result"),
            "{name}: {:?}",
            report.diagnostics
        );
    }
}

#[test]
fn key_results_written_as_numbers_are_the_one_finding_about_their_objective() {
    use opmodel::load::{Format, load_str};
    let yaml = "objectives:\n  - id: growth\n    title: Grow\n    key_results: [42, true]\n";
    let json = r#"{"objectives": [{"id": "growth", "title": "Grow", "key_results": [42, true]}]}"#;
    for (text, format) in [(yaml, Format::Yaml), (json, Format::Json)] {
        let report = Linter::new().check(&load_str(text, format, "okrs"));
        let checks: Vec<&str> = report.diagnostics.iter().map(|d| &*d.check).collect();
        assert_eq!(
            checks.iter().filter(|c| **c == "invalid-entity").count(),
            2,
            "{format:?}: {checks:?}"
        );
        // The refusals say why the objective has none left.
        assert!(
            !checks.contains(&"objective-without-key-results"),
            "{format:?}: {checks:?}"
        );
    }
    // An objective that names no key result at all is still reported.
    let none = "objectives:\n  - id: growth\n    title: Grow\n";
    let report = Linter::new().check(&load_str(none, Format::Yaml, "okrs.yaml"));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.check == "objective-without-key-results")
    );
}

#[test]
fn an_unknown_section_named_by_another_word_for_one_gets_that_section() {
    let help = |text: &str| -> String {
        let loaded = opmodel::load::load_str(text, opmodel::load::Format::Toml, "org.toml");
        loaded
            .diagnostics
            .iter()
            .find(|d| d.message.starts_with("unknown section"))
            .and_then(|d| d.help.as_deref().map(str::to_owned))
            .unwrap_or_default()
    };
    // `person` is nearer `version` by spelling; what is meant is `people`.
    assert!(
        help("[[person]]\nid = \"ana\"\n").starts_with("did you mean `people`?"),
        "{}",
        help("[[person]]\nid = \"ana\"\n")
    );
    assert!(help("[[stages]]\nid = \"live\"\n").starts_with("did you mean `lifecycle`?"));
    assert!(help("[[Cadence]]\nid = \"qbr\"\n").starts_with("did you mean `cadences`?"));
    // A typo still gets the nearest spelling.
    assert!(help("[[teams_]]\nid = \"web\"\n").starts_with("did you mean `teams`?"));
    // Every section meant is one.
    for text in ["[[okrs]]\n", "[[raci]]\n", "[company]\n", "[[staff]]\n"] {
        let h = help(text);
        let meant = h
            .strip_prefix("did you mean `")
            .and_then(|rest| rest.split('`').next())
            .unwrap_or_default();
        assert!(
            opmodel::schema::section_names().contains(&meant),
            "{text}: {h}"
        );
    }
}

#[test]
fn a_bad_value_is_spanned_whole_in_every_format() {
    let toml = "[[cadences]]\nid = \"forum\"\nkind = \"review\"\nevery = \"fortnightly\"\ncovers = \"outcomes\"\n\n[[people]]\nid = \"lea\"\nallocations = [ { team = \"t\", share = 1.5 } ]\n";
    let yaml = "cadences:\n  - { id: forum, kind: review, every: fortnightly, covers: outcomes }\npeople:\n  - { id: lea, allocations: [ { team: t, share: 1.5 } ] }\n";
    for (text, format) in [
        (toml, opmodel::load::Format::Toml),
        (yaml, opmodel::load::Format::Yaml),
    ] {
        let loaded = opmodel::load::load_str(text, format, "org");
        let width = |start: &str| -> Option<u32> {
            let d = loaded
                .diagnostics
                .iter()
                .find(|d| d.message.starts_with(start))?;
            let at = d.focus.as_ref().map(|f| f.location).or(d.location)?;
            (at.end_line == at.line).then(|| at.end_column - at.column)
        };
        // `"fortnightly"` with its quotes in TOML, `fortnightly` in YAML.
        let every = width("unknown `every` value").expect("reported");
        assert!(every == 13 || every == 11, "{format:?}: {every}");
        assert_eq!(width("`share` is 1.5"), Some(3), "{format:?}");
    }
}

#[test]
fn two_names_for_the_organization_are_reported_and_the_first_kept() {
    let dir = std::env::temp_dir().join(format!("opmodel-orgname-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates");
    std::fs::write(
        dir.join("a.yaml"),
        "organization:\n  name: Kestrel Freight\n",
    )
    .expect("writes");
    std::fs::write(
        dir.join("b.yaml"),
        "organization:\n  name: Kestrel Logistics GmbH\n",
    )
    .expect("writes");
    std::fs::write(
        dir.join("c.yaml"),
        "organization:\n  name: Kestrel Freight \n",
    )
    .expect("writes");
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let found: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .collect();
    // Only the other name: the same name again (with a space) is no conflict.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .starts_with("the organization is named `Kestrel Logistics GmbH` here and `Kestrel Freight` elsewhere, first at "),
        "{}",
        found[0].message
    );
    assert_eq!(
        found[0].location.map(|l| (l.line, l.file)),
        loaded
            .model
            .sources
            .iter()
            .find(|(_, f)| f.path().ends_with("b.yaml"))
            .map(|(id, _)| (2, id))
    );
    assert_eq!(
        loaded.model.organization.name.as_deref(),
        Some("Kestrel Freight")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_toml_date_is_named_a_date_and_is_no_key_result() {
    let toml = "[[outcomes]]\nid = \"o\"\nstatement = \"Customers pay sooner\"\nmetric = \"days sales outstanding\"\nbaseline = 2026-01-01\n\n[[objectives]]\nid = \"ob\"\ntitle = \"Customers pay sooner\"\nperiod = 2026-09-30\nsupports = \"o\"\nkey_results = [2026-09-30, \"DSO falls from 54 to 40 days\"]\n";
    let loaded = opmodel::load::load_str(toml, opmodel::load::Format::Toml, "org.toml");
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`baseline` must be a number, found a date",
            "a key result is a sentence or a table, found a date (`2026-09-30`)",
        ]
    );
    let objective = &loaded.model.objectives[0];
    // A text field takes the date as written.
    assert_eq!(objective.period.as_deref(), Some("2026-09-30"));
    assert_eq!(objective.key_results.len(), 1);
}

#[test]
fn a_revision_read_from_memory_is_merged_as_a_folder_is() {
    // What `diff --git` reads must give what `check` gives on the same
    // files: the second organization name, and no `covers` slip for a
    // custom area a decision right in another file writes.
    let files = vec![
        (
            "org/a.yaml".into(),
            b"organization:\n  name: Kestrel Freight\nteams:\n  - { id: t }\ndecisions:\n  - { area: Release, scope: organization, decides: t }\n".to_vec(),
        ),
        (
            "org/b.yaml".into(),
            b"organization:\n  name: Kestrel Logistics\ncadences:\n  - { id: plan, kind: planning, every: quarter, covers: [Release] }\n".to_vec(),
        ),
    ];
    let loaded = opmodel::load::load_files(files, &LoadOptions::default());
    // (`Release` is noted as a likely slip for the built-in `release`: a
    // note, which is all the decision right gets.)
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity != opmodel::Severity::Note)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "the organization is named `Kestrel Logistics` here and `Kestrel Freight` elsewhere, first at org/a.yaml:2"
        ]
    );
}

/// A JSON org of `teams` teams, each with a product, an objective and a
/// decision right, with non-ASCII names, escapes and CRLF line ends.
fn big_json(teams: usize, broken_at: Option<usize>) -> String {
    let mut out = String::from(
        "\u{feff}{\r\n  \"version\": 1,\r\n  \"organization\": {\"name\": \"Zoë & Co\"},\r\n  \"teams\": [\r\n",
    );
    for i in 0..teams {
        let comma = if i + 1 < teams { "," } else { "" };
        let name = if i % 7 == 0 {
            "Équipe \\\"Paiements\\\" ✓"
        } else {
            "Payments"
        };
        out.push_str(&format!(
            "    {{\"id\": \"team-{i}\", \"name\": \"{name}\", \"owns\": [\"prod-{i}\"]}}{comma}\r\n"
        ));
    }
    out.push_str("  ],\r\n  \"products\": [\r\n");
    for i in 0..teams {
        let comma = if i + 1 < teams { "," } else { "" };
        out.push_str(&format!(
            "    {{\"id\": \"prod-{i}\", \"owner\": \"team-{i}\", \"outcomes\": [\"grow\"]}}{comma}\r\n"
        ));
    }
    out.push_str("  ],\r\n  \"outcomes\": [{\"id\": \"grow\", \"statement\": \"Customers stay\", \"metric\": \"retention\"}],\r\n  \"objectives\": [\r\n");
    for i in 0..teams {
        let comma = if i + 1 < teams { "," } else { "" };
        let extra = if Some(i) == broken_at {
            ", \"colour\": \"blue\""
        } else {
            ""
        };
        out.push_str(&format!(
            "    {{\"id\": \"okr-{i}\", \"title\": \"Grow — {i}\", \"owner\": \"team-{i}\", \"supports\": [\"grow\"], \"key_results\": [\"Retention from 30% to 40%\", \"Launch the app by Q3\"]{extra}}}{comma}\r\n"
        ));
    }
    out.push_str("  ]\r\n}\r\n");
    out
}

#[test]
fn a_big_json_file_read_in_pieces_reads_as_it_does_whole() {
    // Past 8 MB, a JSON file is read from disk in pieces when its text is
    // not kept for the report; kept, it is read whole. Both must give the
    // same model, findings and positions, an odd entity included.
    let dir = std::env::temp_dir().join(format!("opmodel-big-json-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let path = dir.join("org.json");
    let teams = 28_000;
    let text = big_json(teams, Some(12_345));
    assert!(text.len() > 8 << 20, "{} bytes", text.len());
    std::fs::write(&path, &text).expect("writes");
    let read = |keep_text: bool| {
        let options = LoadOptions {
            keep_text,
            ..LoadOptions::default()
        };
        load_paths(&[&path], &options).expect("loads")
    };
    let (pieces, whole) = (read(false), read(true));
    assert_same_model(&pieces.model, &whole.model);
    assert_eq!(pieces.model.objectives, whole.model.objectives);
    assert_eq!(pieces.model.organization, whole.model.organization);
    assert_eq!(pieces.diagnostics, whole.diagnostics);
    assert!(
        pieces
            .diagnostics
            .iter()
            .any(|d| d.message.contains("colour")),
        "{:?}",
        pieces.diagnostics
    );
    let line_of = |loaded: &opmodel::load::Loaded| {
        loaded
            .model
            .objectives
            .last()
            .and_then(|o| o.location)
            .map(|l| (l.line, l.column))
    };
    // Four lines, the teams, two lines, the products, three lines, the
    // objectives.
    let last = u32::try_from(3 * teams + 9).expect("fits");
    assert_eq!(line_of(&pieces), Some((last, 5)));
    // A syntax error past the first block sends the file the whole way,
    // which names its line.
    std::fs::write(
        &path,
        text.replacen("\"prod-20000\",", "\"prod-20000\",,", 1),
    )
    .expect("writes");
    let broken = read(false);
    assert!(
        broken.diagnostics.iter().any(|d| d.check == "invalid-file"
            && d.location
                .is_some_and(|l| l.line as usize == teams + 7 + 20_000)),
        "{:?}",
        broken.diagnostics
    );
    let _ = std::fs::remove_dir_all(&dir);
}
