//! Loads one file (its format picked by the first byte) and runs every check
//! over it, then renders the report both ways: the whole `opmodel check`
//! pipeline on one file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmodel::Linter;
use opmodel::load::{Format, LoadOptions, load_str_with};
use opmodel::report::{human, json};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (format, name) = match selector % 3 {
        0 => (Format::Yaml, "org.yaml"),
        1 => (Format::Toml, "org.toml"),
        _ => (Format::Json, "org.json"),
    };
    let loaded = load_str_with(text, format, name, &options());
    let report = Linter::new().check(&loaded);
    let _ = human::render(&report, human::Options::new(false));
    let _ = json::to_string(&report);
});

/// The default limits, but a lower alias budget: the limit logic is the
/// same, and alias-heavy inputs would otherwise take most of the run.
fn options() -> LoadOptions {
    LoadOptions {
        max_alias_expansion: 10_000,
        ..LoadOptions::default()
    }
}
