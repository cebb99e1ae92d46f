//! Splits the input at 0xFF bytes (never part of UTF-8) into several files,
//! writes them to a scratch folder and loads the folder with `load_paths`,
//! then checks the model: the real multi-file path, invalid UTF-8 included.
//! The byte after each 0xFF picks the file's extension.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use opmodel::Linter;
use opmodel::load::{LoadOptions, load_paths};
use opmodel::report::human;

fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        base.join(format!("opmodel-fuzz-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = scratch();
    let _ = std::fs::remove_dir_all(dir);
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    for (i, piece) in data.split(|&b| b == 0xFF).take(8).enumerate() {
        let (ext, body) = match piece.split_first() {
            Some((&b, rest)) if i > 0 => {
                (["yaml", "toml", "json", "yml"][usize::from(b % 4)], rest)
            }
            _ => ("yaml", piece),
        };
        let _ = std::fs::write(dir.join(format!("f{i}.{ext}")), body);
    }
    if let Ok(loaded) = load_paths(&[dir], &options()) {
        let report = Linter::new().check(&loaded);
        let _ = human::render(&report, human::Options::new(false));
    }
});

/// The default limits, but a lower alias budget: the limit logic is the
/// same, and alias-heavy inputs would otherwise take most of the run.
fn options() -> LoadOptions {
    LoadOptions {
        max_alias_expansion: 10_000,
        ..LoadOptions::default()
    }
}
