//! Writes the seed corpus of `check_org` (the shapes of issue 18 and a few
//! ordinary orgs) into the folder given, checking that each reads back as
//! the org it was written from.
//!
//!     cargo run --bin seeds -- corpus/check_org [--text]
//!
//! With `--text`, each seed's org file is written beside it too (the text
//! the target loads), for running `opmodel` on it.

use opmodel_fuzz::{Org, seeds};

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: seeds DIR");
        return std::process::ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot make {dir}: {e}");
        return std::process::ExitCode::from(2);
    }
    for (i, (name, org)) in seeds().into_iter().enumerate() {
        let bytes = org.bytes();
        match Org::read(&bytes) {
            Ok(back) if back == org => {}
            other => {
                eprintln!("seed {name} does not read back: {other:?}");
                return std::process::ExitCode::FAILURE;
            }
        }
        let path = format!("{dir}/seed-{i:02}-{name}");
        if let Err(e) = std::fs::write(&path, &bytes) {
            eprintln!("cannot write {path}: {e}");
            return std::process::ExitCode::FAILURE;
        }
        println!("{path}: {} bytes", bytes.len());
        if std::env::args().any(|a| a == "--text") {
            let (text, name) = org.text();
            let ext = name.rsplit('.').next().unwrap_or("json");
            if let Err(e) = std::fs::write(format!("{path}.{ext}"), text) {
                eprintln!("cannot write the text of {path}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
