//! Measures the goal-style classifier on a labelled TSV.
//!
//! Usage: `cargo run --release --example kr_eval -- [PATH] [--split dev|holdout|all]`
//!
//! PATH defaults to `../shared/data/key-results.tsv`. The file has a header line naming the
//! columns `label` and `text` (either order), then one `label<TAB>text` row per line with
//! `label` being `outcome` or `milestone`. The split follows
//! [`opmodel::goal_style::eval::is_holdout`]: FNV-1a 64 of the text modulo 5 == 0 is held out.

use opmodel::goal_style::{Style, classify, eval::is_holdout};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut path = "../shared/data/key-results.tsv".to_string();
    let mut split = "all".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--split" {
            split = args.next().unwrap_or_default();
        } else if let Some(s) = a.strip_prefix("--split=") {
            split = s.to_string();
        } else {
            path = a;
        }
    }
    if !matches!(split.as_str(), "dev" | "holdout" | "all") {
        eprintln!("--split must be dev, holdout or all");
        return ExitCode::from(2);
    }
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut lines = data.lines();
    let header = lines.next().unwrap_or("");
    let text_first = header
        .split('\t')
        .next()
        .is_some_and(|c| c.trim() == "text");
    // confusion[actual][predicted], 0 = outcome, 1 = milestone
    let mut m = [[0u32; 2]; 2];
    let mut wrong = Vec::new();
    for line in lines {
        let Some((x, y)) = line.split_once('\t') else {
            continue;
        };
        let (label, text) = if text_first { (y, x) } else { (x, y) };
        let actual = match label.trim() {
            "outcome" => 0,
            "milestone" => 1,
            _ => continue,
        };
        let held = is_holdout(text);
        if split == "dev" && held || split == "holdout" && !held {
            continue;
        }
        let a = classify(text);
        let pred = usize::from(a.style == Style::Milestone);
        m[actual][pred] += 1;
        if pred != actual {
            let cues: Vec<String> = a
                .cues
                .iter()
                .filter(|c| c.weight != 0.0)
                .map(|c| format!("{} ({:+.1})", c.describe(text), c.weight))
                .collect();
            wrong.push(format!(
                "{label}\tpredicted {} ({:.2})\t{text}\n    cues: {}",
                a.style,
                a.confidence,
                if cues.is_empty() {
                    "none".to_string()
                } else {
                    cues.join("; ")
                }
            ));
        }
    }
    let total: u32 = m.iter().flatten().sum();
    let correct = m[0][0] + m[1][1];
    let ratio = |a: u32, b: u32| {
        if b == 0 {
            0.0
        } else {
            f64::from(a) / f64::from(b)
        }
    };
    println!("file: {path}  split: {split}  rows: {total}");
    println!("accuracy: {:.3} ({correct}/{total})", ratio(correct, total));
    for (i, name) in ["outcome", "milestone"].iter().enumerate() {
        let tp = m[i][i];
        let predicted = m[0][i] + m[1][i];
        let actual = m[i][0] + m[i][1];
        println!(
            "{name:>9}: precision {:.3} ({tp}/{predicted})  recall {:.3} ({tp}/{actual})",
            ratio(tp, predicted),
            ratio(tp, actual)
        );
    }
    println!("confusion (rows = actual, columns = predicted):");
    println!("{:>12} {:>9} {:>9}", "", "outcome", "milestone");
    println!("{:>12} {:>9} {:>9}", "outcome", m[0][0], m[0][1]);
    println!("{:>12} {:>9} {:>9}", "milestone", m[1][0], m[1][1]);
    if !wrong.is_empty() {
        println!("\nmisclassified ({}):", wrong.len());
        for w in &wrong {
            println!("{w}");
        }
    }
    ExitCode::SUCCESS
}
