//! Every org under `examples/orgs/` is a valid model: it loads without
//! integrity findings (except the ones planted on purpose, listed below).
#![cfg(all(feature = "yaml", feature = "toml"))]

use std::path::{Path, PathBuf};

use opmodel::Linter;
use opmodel::load::{LoadOptions, load_paths};

const INTEGRITY: [&str; 4] = [
    "invalid-file",
    "invalid-entity",
    "unknown-reference",
    "duplicate-id",
];

/// Integrity findings planted on purpose, by org and check: the streaming
/// org misspells `security` as `securty` in decisions.yaml; the backstage
/// catalog names an owner group that is not in it.
const PLANTED: &[(&str, &str)] = &[
    ("streaming", "unknown-reference"),
    ("backstage", "unknown-reference"),
];

fn orgs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("examples/orgs exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    out.sort();
    out
}

#[test]
fn example_orgs_have_no_integrity_findings() {
    let orgs = orgs();
    assert!(
        orgs.len() >= 6,
        "expected the bundled example orgs, found {orgs:?}"
    );
    for path in orgs {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let loaded = load_paths(&[&path], &LoadOptions::default()).expect("org loads");
        let report = Linter::new().check(&loaded);
        let broken: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| INTEGRITY.contains(&&*d.check))
            .filter(|d| !PLANTED.contains(&(name.as_str(), &*d.check)))
            .map(|d| format!("{}: {}", d.check, d.message))
            .collect();
        assert!(broken.is_empty(), "{}: {broken:#?}", path.display());
    }
}

#[test]
fn example_orgs_in_every_format() {
    let orgs = orgs();
    for ext in ["yaml", "toml", "json"] {
        assert!(
            orgs.iter().any(|p| p.extension().is_some_and(|e| e == ext)),
            "no example org written in {ext}"
        );
    }
}
