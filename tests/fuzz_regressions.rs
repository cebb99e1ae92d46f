//! Inputs the fuzzers flagged (crashes, timeouts, slow units), replayed
//! through the same path as the fuzz targets: every file under
//! `tests/fixtures/fuzz/` is loaded as YAML, TOML and JSON, checked and
//! rendered, and must finish quickly without a panic.
//!
//! `slow-unit-alias-bomb.yaml`: libFuzzer's slow-unit report from the
//! first `load_yaml` run. With the old budget saphyr copied anchor
//! recordings before its replay limit fired (10 s in a release build); it is
//! now refused at the alias limit.

use std::time::{Duration, Instant};

use opmodel::Linter;
use opmodel::load::{Format, LoadOptions, load_str_with};
use opmodel::report::{human, json};

#[test]
fn fuzz_findings_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("the folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    for path in paths {
        let bytes = std::fs::read(&path).expect("readable");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for format in [Format::Yaml, Format::Toml, Format::Json] {
            let start = Instant::now();
            let loaded = load_str_with(text, format, "org", &LoadOptions::default());
            let report = Linter::new().check(&loaded);
            let _ = human::render(&report, human::Options::new(false));
            let _ = json::to_string(&report);
            // Release builds take milliseconds; this only catches a hang.
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "{} as {format}: {:?}",
                path.display(),
                start.elapsed()
            );
        }
    }
}

#[test]
fn the_slow_alias_bomb_is_refused_at_the_limit() {
    let text = include_str!("fixtures/fuzz/slow-unit-alias-bomb.yaml");
    let loaded = load_str_with(text, Format::Yaml, "org.yaml", &LoadOptions::default());
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["cannot be parsed: aliases expand to more than 100000 values"]
    );
}
