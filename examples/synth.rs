//! Writes a synthetic org for benchmarks and scale tests.
//!
//! ```text
//! cargo run --release --features synth --example synth -- \
//!     --teams 100000 --seed 7 --format json|yaml|folder --out PATH \
//!     [--defect-rate 0.01] [--file-format json|yaml] [--no-business-units] [--defects FILE]
//! ```
//!
//! `--format folder` writes one file per team (JSON unless `--file-format yaml`).
//! `--defects FILE` also writes the planted defects, one `check<TAB>kind<TAB>id` a line.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use opmodel::synth::{FileFormat, Spec, generate};

fn usage() -> ExitCode {
    eprintln!(
        "usage: synth --teams N [--seed S] --format json|yaml|folder --out PATH [--defect-rate R] [--file-format json|yaml] [--no-business-units] [--defects FILE]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut spec = Spec::default();
    let mut format = String::from("json");
    let mut file_format = FileFormat::Json;
    let mut out: Option<PathBuf> = None;
    let mut defects_out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next();
        let ok = match arg.as_str() {
            "--teams" => value()
                .and_then(|v| v.parse().ok())
                .map(|v| spec.teams = v)
                .is_some(),
            "--seed" => value()
                .and_then(|v| v.parse().ok())
                .map(|v| spec.seed = v)
                .is_some(),
            "--defect-rate" => value()
                .and_then(|v| v.parse().ok())
                .map(|v| spec.defect_rate = v)
                .is_some(),
            "--format" => value().map(|v| format = v).is_some(),
            "--file-format" => match value().as_deref() {
                Some("json") => {
                    file_format = FileFormat::Json;
                    true
                }
                Some("yaml") => {
                    file_format = FileFormat::Yaml;
                    true
                }
                _ => false,
            },
            "--out" => value().map(|v| out = Some(v.into())).is_some(),
            "--defects" => value().map(|v| defects_out = Some(v.into())).is_some(),
            "--no-business-units" => {
                spec.business_units = false;
                true
            }
            "-h" | "--help" => return usage(),
            _ => false,
        };
        if !ok {
            eprintln!("bad argument near `{arg}`");
            return usage();
        }
    }
    let Some(out) = out else { return usage() };
    let start = Instant::now();
    let org = generate(&spec);
    let generated = start.elapsed();
    let written = match format.as_str() {
        "json" | "yaml" => std::fs::File::create(&out).and_then(|f| {
            let mut w = BufWriter::with_capacity(1 << 20, f);
            if format == "json" {
                org.write_json(&mut w)?
            } else {
                org.write_yaml(&mut w)?
            }
            w.flush()
        }),
        "folder" => org.write_folder(&out, file_format),
        _ => return usage(),
    };
    if let Err(e) = written {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    if let Some(path) = defects_out {
        let text: String = org
            .defects
            .iter()
            .map(|d| format!("{}\t{}\t{}\n", d.check, d.entity.kind, d.entity.id))
            .collect();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    eprintln!(
        "{} teams, {} entities, {} planted defects: generated in {:.2?}, written in {:.2?} to {}",
        spec.teams,
        org.entity_count(),
        org.defects.len(),
        generated,
        start.elapsed() - generated,
        out.display()
    );
    ExitCode::SUCCESS
}
