//! Model → file → model is lossless in all three formats, on every bundled
//! example org, and the org reads back with the same findings.

use std::path::{Path, PathBuf};

use opmodel::load::{Format, LoadOptions, load_paths};
use opmodel::{Linter, Org};

fn examples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("examples/orgs is there")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    out.sort();
    out
}

/// What a finding says, without where: a file written anew has new lines.
fn findings(report: &opmodel::Report) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = report
        .diagnostics
        .iter()
        .map(|d| (d.check.to_string(), d.entity.to_string(), d.message.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn every_example_org_survives_every_format() {
    let dir = std::env::temp_dir().join(format!("opmodel-round-trip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let examples = examples();
    assert!(examples.len() >= 5, "{examples:?}");
    for example in examples {
        let loaded = load_paths(&[&example], &LoadOptions::default()).expect("loads");
        let before = Linter::new().check(&loaded);
        for ext in ["yaml", "toml", "json"] {
            let path = dir.join(format!("org.{ext}"));
            opmodel::write::to_file(&loaded.model, &path).expect("written");
            let again = load_paths(&[&path], &LoadOptions::default()).expect("reads back");
            assert!(
                opmodel::write::same_content(&loaded.model, &again.model),
                "{} through {ext} changed",
                example.display()
            );
            // Problems of the input that the writer cannot repeat (a field
            // that was refused is not in the model) aside, the findings
            // are the same.
            let after = Linter::new().check(&again);
            let keep = |f: &Vec<(String, String, String)>| -> Vec<(String, String, String)> {
                f.iter()
                    .filter(|(c, _, _)| c != "invalid-entity" && c != "invalid-file")
                    .cloned()
                    .collect()
            };
            assert_eq!(
                keep(&findings(&before)),
                keep(&findings(&after)),
                "{} through {ext}",
                example.display()
            );
            std::fs::remove_file(&path).expect("removed");
        }
        // Through serde alone: `Model` is `Deserialize` by the loader's rules.
        let value = serde_json::to_value(&loaded.model).expect("serialises");
        let back: opmodel::Model = serde_json::from_value(value).expect("deserialises");
        assert!(
            opmodel::write::same_content(&loaded.model, &back),
            "{}",
            example.display()
        );
    }
    std::fs::remove_dir_all(&dir).expect("removed");
}

#[test]
fn a_model_serialised_with_serde_json_loads_back_without_new_findings() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/orgs/travel.yaml");
    let org = Org::load(&[&example]).expect("loads");
    assert!(org.load_findings().is_empty());
    let text = serde_json::to_string(org.model()).expect("serialises");
    let again = Org::from_text(&text, Format::Json, "org.json");
    assert!(
        again.load_findings().is_empty(),
        "{:#?}",
        again.load_findings()
    );
    assert!(opmodel::write::same_content(org.model(), again.model()));
}
