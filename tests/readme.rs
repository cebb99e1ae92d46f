//! The README stays true: its check list is the registry's, and its sample
//! output is what the tool prints. Run with `OPMODEL_UPDATE_README=1` to
//! rewrite the generated blocks after changing a check.

use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn opmodel(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn block(readme: &str, name: &str) -> Option<(usize, usize)> {
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme.find(&start_marker)? + start_marker.len();
    let end = readme[start..].find(&end_marker)? + start;
    Some((start, end))
}

fn generated() -> Vec<(&'static str, String)> {
    let checks = opmodel(&["checks", "--format", "markdown"]);
    let human = opmodel(&[
        "check",
        "--color",
        "never",
        "examples/orgs/streaming",
        "-A",
        "decision-outside-ownership",
        "-A",
        "missing-decision-right",
    ]);
    // A few findings show the style; the full list is one command away.
    let mut shown = String::new();
    for chunk in human.split("\n\n").filter(|c| {
        c.starts_with("error[unclear-ownership]")
            || c.starts_with("warning[milestone-key-result]: key result `onboarding")
            || c.starts_with("error[unknown-reference]")
    }) {
        shown.push_str(chunk);
        shown.push_str("\n\n");
    }
    let summary = human.lines().last().unwrap_or_default();
    let example =
        format!("```text\n$ opmodel check examples/orgs/streaming\n{shown}…\n{summary}\n```\n");
    let diff = opmodel(&[
        "diff",
        "--color",
        "never",
        "examples/reorg/before.yaml",
        "examples/reorg/after.yaml",
    ]);
    let diff = format!(
        "```text\n$ opmodel diff examples/reorg/before.yaml examples/reorg/after.yaml\n{diff}```\n"
    );
    vec![
        ("checks", checks),
        ("example-output", example),
        ("diff-output", diff),
    ]
}

#[test]
fn generated_blocks_match() {
    let path = format!("{ROOT}/README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md");
    let update = std::env::var_os("OPMODEL_UPDATE_README").is_some();
    for (name, want) in generated() {
        let (start, end) = block(&readme, name)
            .unwrap_or_else(|| panic!("README lacks the `{name}` block markers"));
        if update {
            readme.replace_range(start..end, &want);
        } else {
            assert_eq!(
                readme[start..end],
                want,
                "README block `{name}` is stale: run `OPMODEL_UPDATE_README=1 cargo test --test readme`"
            );
        }
    }
    if update {
        std::fs::write(&path, readme).expect("write README.md");
    }
}
