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
    // Exactly the command the block shows (NO_COLOR is set): its summary
    // line is what a reader who runs it sees.
    let human = opmodel(&["check", "examples/orgs/streaming"]);
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
    // The findings come sorted by file and line; the three shown are picked
    // from among them, which the leading `…` says.
    let example =
        format!("```text\n$ opmodel check examples/orgs/streaming\n…\n{shown}…\n{summary}\n```\n");
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

/// The text of `## title` up to the next `## ` heading.
fn section<'a>(readme: &'a str, title: &str) -> &'a str {
    let head = format!("\n## {title}\n");
    let start = readme
        .find(&head)
        .unwrap_or_else(|| panic!("README lacks `## {title}`"));
    let body = &readme[start + head.len()..];
    &body[..body.find("\n## ").unwrap_or(body.len())]
}

#[test]
fn the_opening_commands_come_first_and_hold() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md");
    let first = readme.find("```").expect("a code block");
    let block = &readme[first..];
    let block = &block[..block[3..].find("```").expect("closed") + 3];
    let commands: Vec<&str> = block
        .lines()
        .skip(1)
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo run -- check examples/orgs/streaming",
            "cargo test --all-features"
        ]
    );
    // What its comment says of the first one: it exits 1.
    assert!(block.contains("exits 1"), "{block}");
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "examples/orgs/streaming"])
        .current_dir(ROOT)
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn users_are_not_sent_to_files_the_crate_does_not_ship() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md");
    let contributors = section(&readme, "For contributors");
    let rest = readme.replace(contributors, "");
    assert!(
        !rest.contains("shared/data"),
        "only the contributor section may name shared/data"
    );
    // Every relative link in the README points at a file of the crate.
    for (i, _) in readme.match_indices("](") {
        let target = &readme[i + 2..];
        let target = &target[..target.find(')').expect("closed link")];
        if target.starts_with('#') || target.contains("://") {
            continue;
        }
        assert!(
            std::path::Path::new(ROOT).join(target).exists(),
            "README links to `{target}`, which does not exist"
        );
    }
}

#[test]
fn the_performance_section_is_a_short_table_and_the_details_have_their_own_page() {
    let readme = std::fs::read_to_string(format!("{ROOT}/README.md")).expect("README.md");
    let perf = section(&readme, "Performance");
    assert!(perf.lines().count() <= 25, "{perf}");
    assert!(perf.contains("| input |"), "{perf}");
    assert!(perf.contains("docs/performance.md"), "{perf}");
    let details = std::fs::read_to_string(format!("{ROOT}/docs/performance.md"))
        .expect("docs/performance.md");
    assert!(details.contains("OPMODEL_BENCH_PHASES"), "{details}");
}
