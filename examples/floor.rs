//! The whole-process floor of the performance figures (docs/performance.md):
//! read a JSON file and parse it with serde_json, skipping every value. A
//! tool that checks the file cannot take less time than this.
//!
//! ```text
//! cargo build --release --example floor
//! /usr/bin/time -v target/release/examples/floor big.json
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: floor FILE.json");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read `{}`: {e}", path.to_string_lossy());
            return ExitCode::from(2);
        }
    };
    match serde_json::from_slice::<serde::de::IgnoredAny>(&bytes) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("`{}` is not JSON: {e}", path.to_string_lossy());
            ExitCode::FAILURE
        }
    }
}
