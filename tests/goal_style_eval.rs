//! How the goal-style classifier does on organisations it has never seen, measured on the
//! labelled real key results when they are present.
//!
//! The data lives outside the crate (`../shared/data/`); without it these tests print a
//! note and pass, so the project builds and tests on its own.

use opmodel::goal_style::eval::{Confusion, Labelled, leave_one_group_out, read_labelled};
use opmodel::goal_style::train::{Example, TrainOptions, train};
use opmodel::goal_style::{Style, classify};
use std::path::{Path, PathBuf};

/// The target for leave-one-organisation-out accuracy and milestone precision.
const TARGET: f64 = 0.95;
/// The test fails below the target: the shipped classifier reaches 0.954 and 0.972
/// (`cargo run --release --example kr_eval -- --by-org`).
const ACCURACY_FLOOR: f64 = TARGET;
const PRECISION_FLOOR: f64 = TARGET;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data")
}

fn read(name: &str) -> Option<String> {
    let path = data_dir().join(name);
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        println!("note: {} not found; skipping", path.display());
    }
    text
}

#[test]
fn leave_one_organisation_out_stays_above_the_floor() {
    let (Some(real), Some(synthetic)) = (read("key-results-real.tsv"), read("key-results.tsv"))
    else {
        return;
    };
    let test = read_labelled(&real, "real");
    let extra = read_labelled(&synthetic, "opmodel");
    let results = leave_one_group_out(&test, &extra, &TrainOptions::default());
    assert!(results.len() >= 5, "expected the six organisations");
    let mut pooled = Confusion::default();
    for r in &results {
        pooled.merge(&r.confusion);
        println!(
            "{:<12} {:>4} rows  accuracy {:.3}  milestone precision {:.3}",
            r.group,
            r.confusion.total(),
            r.confusion.accuracy(),
            r.confusion.milestone_precision()
        );
    }
    let (accuracy, precision) = (pooled.accuracy(), pooled.milestone_precision());
    println!(
        "pooled: accuracy {accuracy:.3}, milestone precision {precision:.3} (target {TARGET})"
    );
    assert_eq!(pooled.total(), u32::try_from(test.len()).unwrap_or(0));
    assert!(
        accuracy >= ACCURACY_FLOOR,
        "leave-one-organisation-out accuracy {accuracy:.3} < {ACCURACY_FLOOR}"
    );
    assert!(
        precision >= PRECISION_FLOOR,
        "leave-one-organisation-out milestone precision {precision:.3} < {PRECISION_FLOOR}"
    );
}

/// The shipped weights are exactly what `kr_train` makes from the data today: nobody
/// edited them by hand, and a change to the features or the data was followed by a
/// retrain.
#[test]
fn shipped_weights_are_what_training_gives() {
    let (Some(real), Some(synthetic)) = (read("key-results-real.tsv"), read("key-results.tsv"))
    else {
        return;
    };
    let mut rows = read_labelled(&real, "real");
    rows.extend(read_labelled(&synthetic, "opmodel"));
    let examples: Vec<Example<'_>> = rows.iter().map(Labelled::example).collect();
    let model = train(&examples, &TrainOptions::default());
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/goal_style/weights.rs"),
    )
    .expect("src/goal_style/weights.rs");
    assert!(
        shipped == model.to_rust_source(),
        "src/goal_style/weights.rs is stale: run `cargo run --release --example kr_train`"
    );
}

/// Floors for the sentences written for this project against the labelling rules, in
/// families of hard cases (`tests/data/goal-style-written.tsv`; its `org` column names
/// the review that wrote them). The rules were read from these sentences' mistakes, so
/// the floors guard against a change that undoes them; they measure nothing about
/// organisations the classifier has not seen. The shipped classifier reaches 0.956 and
/// 0.970 on 7,043 sentences (`cargo run --release --example kr_eval --
/// tests/data/goal-style-written.tsv`); stop 39's scored 0.938 and 0.961 on the first
/// 3,843.
const WRITTEN_ACCURACY_FLOOR: f64 = 0.95;
const WRITTEN_PRECISION_FLOOR: f64 = 0.965;

#[test]
fn written_hard_cases_stay_above_their_floor() {
    let rows = read_labelled(include_str!("data/goal-style-written.tsv"), "written");
    assert!(rows.len() > 2400, "expected the fourteen written sets");
    let mut confusion = Confusion::default();
    for row in &rows {
        let predicted = classify(&row.text).style == Style::Milestone;
        confusion.add(row.milestone, predicted);
    }
    let (accuracy, precision) = (confusion.accuracy(), confusion.milestone_precision());
    println!("written hard cases: accuracy {accuracy:.3}, milestone precision {precision:.3}");
    assert!(
        accuracy >= WRITTEN_ACCURACY_FLOOR,
        "accuracy on the written hard cases {accuracy:.3} < {WRITTEN_ACCURACY_FLOOR}"
    );
    assert!(
        precision >= WRITTEN_PRECISION_FLOOR,
        "milestone precision on the written hard cases {precision:.3} < {WRITTEN_PRECISION_FLOOR}"
    );
}
