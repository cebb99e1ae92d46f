//! Human output stays linear in the findings and the quoted text whatever
//! the column: a one-line file of ten thousand entities gets carets at
//! columns in the hundreds of thousands, and each finding must still cost
//! a bounded number of bytes. Findings about long loops list ten members
//! and count the rest.

mod shapes;

use opmodel::Linter;
use opmodel::load::{Format, load_str};
use opmodel::report::{human, json};

/// The human output of the one-line dangling-owners shape at `n`: every line
/// is short and the whole is a bounded size per finding.
fn assert_bounded_on_one_line(n: usize) {
    let shape = shapes::dangling_owners(n);
    assert!(!shape.json.contains('\n'), "one line");
    let loaded = load_str(&shape.json, Format::Json, "one-line.json");
    let report = Linter::new().check(&loaded);
    assert!(
        report.diagnostics.len() >= n,
        "a finding per product at least"
    );
    let text = human::render(&report, human::Options::default());
    let mut streamed = Vec::new();
    human::write(&report, human::Options::default(), &mut streamed).expect("writes to a Vec");
    assert!(streamed == text.as_bytes(), "write and render agree");
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    assert!(longest <= 1024, "a line of {longest} bytes");
    let per_finding = text.len() / report.diagnostics.len();
    assert!(per_finding <= 2048, "{per_finding} bytes per finding");
    // The last product's owner is near the end of the line: its caret says
    // where instead of standing under it.
    let column = shape
        .json
        .rfind(&format!("\"nobody{}\"", n - 1))
        .expect("there")
        + 1;
    assert!(
        text.contains(&format!(
            "^ at column {column}, past the part of the line shown"
        )),
        "no caret names column {column}"
    );
}

#[test]
fn human_output_of_ten_thousand_findings_on_one_line_is_linear() {
    assert_bounded_on_one_line(10_000);
}

#[test]
#[ignore = "slow in a debug build (the loader's \"did you mean\"): run with --release -- --ignored"]
fn human_output_of_a_hundred_thousand_findings_on_one_line_is_linear() {
    assert_bounded_on_one_line(100_000);
}

/// Columns within the quoted part of a line keep their caret where it was.
#[test]
fn carets_inside_the_quoted_part_are_unchanged() {
    let org = "{\"products\":[{\"id\":\"p\",\"owner\":\"nobody\"}]}";
    let report = Linter::new().check(&load_str(org, Format::Json, "org.json"));
    let text = human::render(&report, human::Options::default());
    assert!(!text.contains("past the part of the line shown"), "{text}");
    let caret = format!("  | {}^^^^^^^^ `owner` names `nobody`", " ".repeat(31));
    assert!(text.contains(&caret), "{text}");
}

#[test]
fn a_finding_about_a_long_loop_names_ten_members_and_counts_the_rest() {
    let shape = shapes::parent_loop(100);
    let report = Linter::new().check(&load_str(&shape.json, Format::Json, "loop.json"));
    let cycle = report
        .diagnostics
        .iter()
        .find(|d| d.check == "hierarchy-cycle")
        .expect("the loop is found");
    assert_eq!(cycle.related.len(), opmodel::MAX_LISTED);
    assert_eq!(cycle.more_related, 99 - opmodel::MAX_LISTED);
    assert!(
        cycle.message.contains("→ … and 90 more → `t0`"),
        "{}",
        cycle.message
    );
    let text = human::render_diagnostic(cycle, &report.sources, human::Options::default());
    assert!(text.contains(", and 89 more\n"), "{text}");
    assert!(
        text.contains("= note: and 89 more places not shown\n"),
        "{text}"
    );
    let out = json::to_string(&report);
    assert!(out.contains("\"more_related\":89,"), "{out:.3000}");
    // The places, as many as the text shows, and the count of the rest.
    assert!(
        out.contains("\"message\":\"`t10` is in the loop\""),
        "{out:.3000}"
    );
    assert!(out.contains("\"more_labels\":89}"), "{out:.3000}");
}
