//! The synthetic org generator: every format loads, the checks find exactly
//! the planted defects, and the same seed gives the same bytes.
#![cfg(feature = "synth")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use opmodel::Linter;
use opmodel::load::{LoadOptions, load_paths};
use opmodel::synth::{FileFormat, PLANTED_CHECKS, Spec, Synthetic, generate};

const TEAMS: usize = 300;

fn spec(seed: u64) -> Spec {
    // A high rate so that 300 teams plant every kind of defect.
    Spec {
        teams: TEAMS,
        seed,
        defect_rate: 0.3,
        ..Spec::default()
    }
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("opmodel-synth-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

type Found = BTreeSet<(String, String, String)>;

fn planted(org: &Synthetic) -> Found {
    org.defects
        .iter()
        .map(|d| {
            (
                d.check.to_owned(),
                d.entity.kind.to_string(),
                d.entity.id.to_string(),
            )
        })
        .collect()
}

fn found(path: &Path) -> Found {
    let loaded = load_paths(&[path], &LoadOptions::default()).expect("loads");
    let bad: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-file" || d.check == "invalid-entity")
        .map(|d| format!("{}: {} {}", d.check, d.entity, d.message))
        .take(5)
        .collect();
    assert!(
        bad.is_empty(),
        "the generated org has load problems: {bad:#?}"
    );
    let report = Linter::new().check(&loaded);
    report
        .diagnostics
        .iter()
        .filter(|d| PLANTED_CHECKS.contains(&&*d.check))
        .map(|d| {
            (
                d.check.to_string(),
                d.entity.kind.to_string(),
                d.entity.id.to_string(),
            )
        })
        .collect()
}

/// Compares check by check, so a failure names the check that misses or
/// over-reports.
fn assert_exact(org: &Synthetic, path: &Path) {
    let want = planted(org);
    let got = found(path);
    let mut problems = Vec::new();
    for check in PLANTED_CHECKS {
        let w: Found = want.iter().filter(|d| d.0 == check).cloned().collect();
        let g: Found = got.iter().filter(|d| d.0 == check).cloned().collect();
        let missed: Vec<_> = w.difference(&g).take(5).collect();
        let extra: Vec<_> = g.difference(&w).take(5).collect();
        if !missed.is_empty() || !extra.is_empty() {
            problems.push(format!(
                "{check}: planted {}, found {}; missed {missed:?}; extra {extra:?}",
                w.len(),
                g.len()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{}:\n{}",
        path.display(),
        problems.join("\n")
    );
}

#[test]
fn every_kind_of_defect_is_planted() {
    let org = generate(&spec(7));
    let kinds: BTreeSet<&str> = org.defects.iter().map(|d| d.check).collect();
    assert_eq!(kinds.len(), PLANTED_CHECKS.len(), "{kinds:?}");
    assert!(org.entity_count() > TEAMS * 8);
}

#[test]
fn json_file_finds_exactly_the_planted_defects() {
    let org = generate(&spec(7));
    let dir = scratch("json");
    let path = dir.join("org.json");
    let mut f = std::fs::File::create(&path).expect("create");
    org.write_json(&mut f).expect("write");
    drop(f);
    assert_exact(&org, &path);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn yaml_file_finds_exactly_the_planted_defects() {
    let org = generate(&spec(11));
    let dir = scratch("yaml");
    let path = dir.join("org.yaml");
    let mut f = std::fs::File::create(&path).expect("create");
    org.write_yaml(&mut f).expect("write");
    drop(f);
    assert_exact(&org, &path);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn json_folder_finds_exactly_the_planted_defects() {
    let org = generate(&spec(13));
    let dir = scratch("folder-json");
    org.write_folder(&dir, FileFormat::Json).expect("write");
    assert_exact(&org, &dir);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn yaml_folder_finds_exactly_the_planted_defects() {
    let org = generate(&spec(17));
    let dir = scratch("folder-yaml");
    org.write_folder(&dir, FileFormat::Yaml).expect("write");
    assert_exact(&org, &dir);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn no_defects_means_no_findings_of_the_planted_checks() {
    let org = generate(&Spec {
        teams: TEAMS,
        seed: 3,
        defect_rate: 0.0,
        business_units: false,
    });
    assert!(org.defects.is_empty());
    let dir = scratch("clean");
    let path = dir.join("org.json");
    let mut f = std::fs::File::create(&path).expect("create");
    org.write_json(&mut f).expect("write");
    drop(f);
    assert_exact(&org, &path);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn same_seed_same_bytes() {
    let bytes = |seed: u64, yaml: bool| {
        let org = generate(&spec(seed));
        let mut out = Vec::new();
        if yaml {
            org.write_yaml(&mut out).expect("write");
        } else {
            org.write_json(&mut out).expect("write");
        }
        out
    };
    for yaml in [false, true] {
        let a = bytes(42, yaml);
        assert_eq!(a, bytes(42, yaml));
        assert_ne!(a, bytes(43, yaml));
    }
    // The JSON is valid JSON.
    let _: serde_json::Value = serde_json::from_slice(&bytes(42, false)).expect("valid JSON");
    // Folders too: same files, same bytes.
    let read_all = |dir: &Path| {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).expect("read dir") {
                let p = e.expect("entry").path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push((
                        p.strip_prefix(dir).expect("prefix").to_path_buf(),
                        std::fs::read(&p).expect("read"),
                    ));
                }
            }
        }
        files.sort();
        files
    };
    let a = scratch("same-a");
    let b = scratch("same-b");
    generate(&spec(5))
        .write_folder(&a, FileFormat::Json)
        .expect("write");
    generate(&spec(5))
        .write_folder(&b, FileFormat::Json)
        .expect("write");
    assert_eq!(read_all(&a), read_all(&b));
    let _ = std::fs::remove_dir_all(a);
    let _ = std::fs::remove_dir_all(b);
}
