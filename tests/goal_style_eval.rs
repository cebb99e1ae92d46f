//! Held-out evaluation of the goal-style classifier on the labelled set, when present.
//!
//! The data set lives outside the crate (`../shared/data/key-results.tsv`); without it the
//! test prints a note and passes, so the project builds and tests on its own.

use opmodel::goal_style::{Style, classify, eval::is_holdout};
use std::path::Path;

#[test]
fn holdout_accuracy_and_milestone_precision() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/key-results.tsv");
    let Ok(data) = std::fs::read_to_string(&path) else {
        println!(
            "note: {} not found; skipping the held-out evaluation",
            path.display()
        );
        return;
    };
    let mut lines = data.lines();
    let header = lines.next().unwrap_or("");
    let text_first = header
        .split('\t')
        .next()
        .is_some_and(|c| c.trim() == "text");
    let (mut total, mut correct, mut pred_m, mut true_m) = (0u32, 0u32, 0u32, 0u32);
    for line in lines {
        let Some((x, y)) = line.split_once('\t') else {
            continue;
        };
        let (label, text) = if text_first { (y, x) } else { (x, y) };
        let milestone = match label.trim() {
            "milestone" => true,
            "outcome" => false,
            _ => continue,
        };
        if !is_holdout(text) {
            continue;
        }
        let predicted = classify(text).style == Style::Milestone;
        total += 1;
        correct += u32::from(predicted == milestone);
        pred_m += u32::from(predicted);
        true_m += u32::from(predicted && milestone);
    }
    assert!(total > 0, "no held-out rows found");
    let accuracy = f64::from(correct) / f64::from(total);
    let precision = if pred_m == 0 {
        0.0
    } else {
        f64::from(true_m) / f64::from(pred_m)
    };
    println!("held-out rows {total}: accuracy {accuracy:.3}, milestone precision {precision:.3}");
    assert!(accuracy >= 0.95, "held-out accuracy {accuracy:.3} < 0.95");
    assert!(
        precision >= 0.95,
        "held-out milestone precision {precision:.3} < 0.95"
    );
}
