//! The same model gives byte-identical output, whatever the order of files,
//! of entities, or the hash seed of the process.

use std::process::Command;

use opmodel::Linter;
use opmodel::load::{LoadOptions, load_paths};
use opmodel::model::Model;
use opmodel::report::json;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn cli_json(args: &[&str]) -> Vec<u8> {
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("runs");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout
}

const FILES: [&str; 8] = [
    "examples/orgs/streaming/org.yaml",
    "examples/orgs/streaming/teams/listening.yaml",
    "examples/orgs/streaming/teams/creators.toml",
    "examples/orgs/streaming/teams/platform.json",
    "examples/orgs/streaming/products.yaml",
    "examples/orgs/streaming/okrs.json",
    "examples/orgs/streaming/decisions.yaml",
    "examples/orgs/streaming/people.yaml",
];

#[test]
fn file_order_on_the_command_line_does_not_matter() {
    let mut forward = vec!["check", "--format", "json"];
    forward.extend(FILES);
    let mut backward = vec!["check", "--format", "json"];
    backward.extend(FILES.iter().rev());
    let a = cli_json(&forward);
    let b = cli_json(&backward);
    assert!(!a.is_empty());
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
    // The folder gives the same findings as its files listed one by one.
    let folder = cli_json(&[
        "check",
        "--format",
        "json",
        "-A",
        "incomplete-product-trio",
        "examples/orgs/streaming",
    ]);
    let mut listed = vec!["check", "--format", "json", "-A", "incomplete-product-trio"];
    listed.extend(FILES);
    assert_eq!(
        String::from_utf8_lossy(&folder),
        String::from_utf8_lossy(&cli_json(&listed))
    );
}

#[test]
fn repeated_runs_are_identical() {
    // Each process has its own hash seed.
    let args = ["check", "--format", "json", "examples/orgs/streaming"];
    let first = cli_json(&args);
    for _ in 0..3 {
        assert_eq!(first, cli_json(&args));
    }
}

fn without_locations(mut m: Model) -> Model {
    m.organization.location = None;
    m.teams.iter_mut().for_each(|e| e.location = None);
    m.products.iter_mut().for_each(|e| e.location = None);
    m.outcomes.iter_mut().for_each(|e| e.location = None);
    m.decisions.iter_mut().for_each(|e| e.location = None);
    for o in &mut m.objectives {
        o.location = None;
        o.key_results.iter_mut().for_each(|k| k.location = None);
    }
    m.sources = Default::default();
    m
}

#[test]
fn entity_order_does_not_matter() {
    let loaded = load_paths(
        &[format!("{ROOT}/examples/orgs/streaming")],
        &LoadOptions::default(),
    )
    .expect("loads");
    let model = without_locations(loaded.model);
    let linter = Linter::new();
    let expected = json::to_string(&linter.check_model(&model));
    assert!(expected.contains("unclear-ownership"));
    let permutations: [fn(&mut Model); 3] = [
        |m| {
            m.teams.reverse();
            m.products.reverse();
            m.outcomes.reverse();
            m.objectives.reverse();
            m.decisions.reverse();
        },
        |m| {
            m.teams.rotate_left(3);
            m.products.rotate_left(4);
            m.decisions.rotate_left(2);
            m.objectives.rotate_left(1);
        },
        |m| {
            m.teams.sort_by(|a, b| b.id.cmp(&a.id));
            m.products.sort_by(|a, b| b.id.cmp(&a.id));
            for t in &mut m.teams {
                t.owns.reverse();
            }
        },
    ];
    for (i, permute) in permutations.iter().enumerate() {
        let mut shuffled = model.clone();
        permute(&mut shuffled);
        let got = json::to_string(&linter.check_model(&shuffled));
        assert_eq!(got, expected, "permutation {i} changed the output");
    }
}
