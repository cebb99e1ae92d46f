//! Trains the goal-style classifier's learned layer and writes the shipped weights.
//!
//! Usage: `cargo run --release --example kr_train -- [DATA_DIR] [--check]`
//!
//! DATA_DIR defaults to `../shared/data` and must hold `key-results.tsv` and
//! `key-results-real.tsv`. The weights are written to `src/goal_style/weights.rs`; with
//! `--check` nothing is written and the exit code says whether the committed file is what
//! training gives today.

use opmodel::goal_style::eval::{Labelled, read_labelled};
use opmodel::goal_style::train::{Example, TrainOptions, train};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut dir = "../shared/data".to_string();
    let mut check = false;
    for a in std::env::args().skip(1) {
        if a == "--check" {
            check = true;
        } else {
            dir = a;
        }
    }
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    let (Ok(synthetic), Ok(real)) = (read("key-results.tsv"), read("key-results-real.tsv")) else {
        eprintln!("cannot read key-results.tsv and key-results-real.tsv in {dir}");
        return ExitCode::from(2);
    };
    let mut rows = read_labelled(&real, "real");
    rows.extend(read_labelled(&synthetic, "opmodel"));
    let examples: Vec<Example<'_>> = rows.iter().map(Labelled::example).collect();
    let model = train(&examples, &TrainOptions::default());
    let source = model.to_rust_source();
    let path = "src/goal_style/weights.rs";
    if check {
        let same = std::fs::read_to_string(path).is_ok_and(|s| s == source);
        println!("{path} is {}", if same { "up to date" } else { "stale" });
        return if same {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    if let Err(e) = std::fs::write(path, source) {
        eprintln!("cannot write {path}: {e}");
        return ExitCode::from(2);
    }
    println!(
        "{} rows, {} weights written to {path}",
        rows.len(),
        model.len()
    );
    ExitCode::SUCCESS
}
