//! Loads the input as one JSON org file, as `opmodel check org.json` would
//! after reading it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmodel::load::{Format, LoadOptions, load_str_with};

fuzz_target!(|data: &[u8]| {
    // Files that are not UTF-8 never reach the parsers (load_paths reports them).
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = load_str_with(text, Format::Json, "org.json", &options());
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
