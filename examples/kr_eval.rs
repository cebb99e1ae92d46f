//! Measures the goal-style classifier on labelled key results.
//!
//! Usage:
//!
//! * `cargo run --release --example kr_eval -- --by-org [DATA_DIR]`: the honest measure.
//!   Leave one organisation out on `key-results-real.tsv`: for each organisation, train
//!   the learned layer on every other organisation plus `key-results.tsv`, classify the
//!   one left out; print accuracy, milestone precision and recall per organisation and
//!   pooled. DATA_DIR defaults to `../shared/data`.
//! * `cargo run --release --example kr_eval -- [PATH] [--split dev|holdout|all]
//!   [--errors] [--engine]`: the shipped classifier (or, with `--engine`, the rule engine
//!   alone) on one labelled TSV (header naming `label` and
//!   `text`), optionally on the fixed split of [`opmodel::goal_style::eval::is_holdout`].
//!   The shipped weights were trained on both files, so these figures are not held out.
//! * `cargo run --release --example kr_eval -- PATH --retrain [DATA_DIR]`: as above, with
//!   the learned layer trained now on DATA_DIR's two files by the code as it stands,
//!   instead of the shipped weights: a change to the features is measured on a file of
//!   key results from other organisations before `kr_train` is run.

/// `println!` that stops quietly when the reader has gone (`| head`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout(), $($arg)*).is_err() {
            std::process::exit(0);
        }
    }};
}

use opmodel::goal_style::classify;
use opmodel::goal_style::eval::{Confusion, is_holdout, leave_one_group_out, read_labelled};
use opmodel::goal_style::train::TrainOptions;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut path = None;
    let mut split = "all".to_string();
    let mut by_org = false;
    let mut errors = false;
    let mut engine_only = false;
    let mut retrain: Option<String> = None;
    let mut options = TrainOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--by-org" => by_org = true,
            "--errors" => errors = true,
            "--engine" => engine_only = true,
            "--retrain" => retrain = Some("../shared/data".to_string()),
            _ if a.starts_with("--retrain=") => {
                retrain = a.strip_prefix("--retrain=").map(str::to_string);
            }
            "--unbalanced" => options.balance = false,
            "--l2" => parse_into(&mut options.l2, args.next()),
            "--min-support" => parse_into(&mut options.min_support, args.next()),
            "--min-groups" => parse_into(&mut options.min_groups, args.next()),
            "--steps" => parse_into(&mut options.steps, args.next()),
            "--explain" => {
                let text = args.next().unwrap_or_default();
                let a = classify(&text);
                out!("{} ({:.2})", a.style, a.confidence);
                for c in &a.cues {
                    out!("  cue {:+.2} {}", c.weight, c.describe(&text));
                }
                for c in opmodel::goal_style::train::explain(&text) {
                    out!("  {:+.3}  {} = {}", c.weight * c.value, c.feature, c.value);
                }
                return ExitCode::SUCCESS;
            }
            "--split" => split = args.next().unwrap_or_default(),
            _ => {
                if let Some(s) = a.strip_prefix("--split=") {
                    split = s.to_string();
                } else {
                    path = Some(a);
                }
            }
        }
    }
    if by_org {
        return leave_one_org_out(
            path.as_deref().unwrap_or("../shared/data"),
            errors,
            &options,
        );
    }
    if !matches!(split.as_str(), "dev" | "holdout" | "all") {
        eprintln!("--split must be dev, holdout or all");
        return ExitCode::from(2);
    }
    let path = path.unwrap_or_else(|| "../shared/data/key-results.tsv".to_string());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        return ExitCode::from(2);
    };
    let trained = match retrain.as_deref().map(|dir| retrained(dir, &options)) {
        None => None,
        Some(Some(model)) => Some(model),
        Some(None) => return ExitCode::from(2),
    };
    let classify = |text: &str| match &trained {
        Some(model) => model.classify(text),
        None => classify(text),
    };
    let mut c = Confusion::default();
    let mut wrong = Vec::new();
    for row in read_labelled(&data, "") {
        let held = is_holdout(&row.text);
        if split == "dev" && held || split == "holdout" && !held {
            continue;
        }
        let a = classify(&row.text);
        if engine_only {
            // the rule engine alone: its scaled score against its threshold
            let engine: f32 = opmodel::goal_style::train::explain(&row.text)
                .iter()
                .filter(|p| p.feature == "engine")
                .map(|p| p.value)
                .sum();
            let milestone = engine > 0.5 / 3.0;
            c.add(row.milestone, milestone);
            if milestone != row.milestone {
                wrong.push(format!(
                    "{}\tengine {engine:+.2}\t{}",
                    row.milestone, row.text
                ));
            }
            continue;
        }
        c.add(row.milestone, a.is_milestone());
        if a.is_milestone() != row.milestone {
            let cues: Vec<String> = a
                .cues
                .iter()
                .filter(|q| q.weight != 0.0)
                .map(|q| format!("{} ({:+.2})", q.describe(&row.text), q.weight))
                .collect();
            wrong.push(format!(
                "{}\tpredicted {} ({:.2})\t{}\n    cues: {}",
                if row.milestone {
                    "milestone"
                } else {
                    "outcome"
                },
                a.style,
                a.confidence,
                row.text,
                cues.join("; ")
            ));
        }
    }
    out!("file: {path}  split: {split}  rows: {}", c.total());
    print_table(&[("all".to_string(), c)]);
    if errors {
        out!("\nmisclassified ({}):", wrong.len());
        for w in &wrong {
            out!("{w}");
        }
    }
    ExitCode::SUCCESS
}

/// The learned layer trained on `dir`'s two files by the code as it stands.
fn retrained(dir: &str, options: &TrainOptions) -> Option<opmodel::goal_style::train::Model> {
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    let (Ok(real), Ok(synthetic)) = (read("key-results-real.tsv"), read("key-results.tsv")) else {
        eprintln!("cannot read key-results-real.tsv and key-results.tsv in {dir}");
        return None;
    };
    let mut rows = read_labelled(&real, "real");
    rows.extend(read_labelled(&synthetic, "opmodel"));
    let examples: Vec<_> = rows.iter().map(|r| r.example()).collect();
    Some(opmodel::goal_style::train::train(&examples, options))
}

fn leave_one_org_out(dir: &str, errors: bool, options: &TrainOptions) -> ExitCode {
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}"));
    let (Ok(real), Ok(synthetic)) = (read("key-results-real.tsv"), read("key-results.tsv")) else {
        eprintln!("cannot read key-results-real.tsv and key-results.tsv in {dir}");
        return ExitCode::from(2);
    };
    let test = read_labelled(&real, "real");
    let extra = read_labelled(&synthetic, "opmodel");
    let results = leave_one_group_out(&test, &extra, options);
    let mut pooled = Confusion::default();
    let mut per = Vec::new();
    for r in &results {
        pooled.merge(&r.confusion);
        per.push((r.group.clone(), r.confusion));
    }
    per.push(("pooled".to_string(), pooled));
    out!(
        "leave one organisation out on {dir}/key-results-real.tsv \
         (trained on the other organisations and key-results.tsv)"
    );
    print_table(&per);
    if errors {
        for r in &results {
            for &i in &r.misclassified {
                let row = &test[i];
                let label = if row.milestone {
                    "milestone"
                } else {
                    "outcome"
                };
                out!("{label}\t{}\t{}", row.group, row.text);
            }
        }
    }
    ExitCode::SUCCESS
}

/// Sets `slot` from a flag's value, keeping it when the value is missing or bad.
fn parse_into<T: std::str::FromStr>(slot: &mut T, value: Option<String>) {
    if let Some(v) = value.and_then(|v| v.parse().ok()) {
        *slot = v;
    }
}

fn print_table(rows: &[(String, Confusion)]) {
    out!(
        "| {:<12} | {:>5} | {:>8} | {:>19} | {:>16} |",
        "organisation",
        "rows",
        "accuracy",
        "milestone precision",
        "milestone recall"
    );
    out!(
        "|{:-<14}|{:->7}|{:->10}|{:->21}|{:->18}|",
        "",
        "",
        "",
        "",
        ""
    );
    for (name, c) in rows {
        out!(
            "| {:<12} | {:>5} | {:>8.3} | {:>19.3} | {:>16.3} |",
            name,
            c.total(),
            c.accuracy(),
            c.milestone_precision(),
            c.milestone_recall()
        );
    }
}
