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

/// A check of the test's own: one finding about the first team shown at
/// a place further down (its focus), one about the second team.
struct PointsDown;

static POINTS_DOWN: opmodel::check::CheckMeta = opmodel::check::CheckMeta {
    name: "points-down",
    category: opmodel::check::Category::Custom,
    default_level: opmodel::config::Level::Warn,
    summary: "a finding shown away from its entity",
    docs: "",
    params: &[],
};

impl opmodel::check::Check for PointsDown {
    fn meta(&self) -> &opmodel::check::CheckMeta {
        &POINTS_DOWN
    }

    fn run(&self, cx: &opmodel::check::Context<'_, '_>, out: &mut opmodel::check::Sink) {
        use opmodel::Diagnostic;
        use opmodel::model::{EntityKind, EntityRef};
        let teams = &cx.model().teams;
        let (Some(first), Some(last)) = (teams.first(), teams.last()) else {
            return;
        };
        let Some(below) = last.location.map(|l| l.to(0, 0)) else {
            return;
        };
        let mut further_down = below;
        further_down.line += 1;
        out.push(
            Diagnostic::new(
                POINTS_DOWN.name,
                EntityRef::new(EntityKind::Team, &first.id),
                "shown below the last team",
            )
            .at(first.location)
            .with_focus(Some(further_down), "here"),
        );
        out.push(
            Diagnostic::new(
                POINTS_DOWN.name,
                EntityRef::new(EntityKind::Team, &last.id),
                "shown at the last team",
            )
            .at(last.location),
        );
    }
}

#[test]
fn findings_are_ordered_by_the_place_they_are_shown() {
    let yaml = "teams:\n  - id: a\n  - id: b\n  - id: c\n";
    let loaded = opmodel::load::load_str(yaml, opmodel::load::Format::Yaml, "org.yaml");
    let linter = Linter::new().with_check(PointsDown).expect("a new name");
    let report = linter.check(&loaded);
    let shown: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "points-down")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        shown,
        ["shown at the last team", "shown below the last team"]
    );
}

#[test]
fn findings_on_one_line_are_ordered_by_check_then_entity() {
    // A minified file: every finding is on line 1.
    let json = r#"{"teams":[{"id":"zeta"},{"id":"alpha","members":[]},{"id":"mid"}],"products":[{"id":"p2"},{"id":"p1"}]}"#;
    let loaded = opmodel::load::load_str(json, opmodel::load::Format::Json, "org.json");
    let report = Linter::new().check(&loaded);
    let keys: Vec<(&str, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (&*d.check, d.entity.id.as_str()))
        .collect();
    assert!(keys.len() > 3, "{keys:?}");
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
}
