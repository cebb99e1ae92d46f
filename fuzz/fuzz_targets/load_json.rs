//! Loads the input as one Json org file, as `opmodel check org.json` would
//! after reading it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmodel::load::{Format, load_str};

fuzz_target!(|data: &[u8]| {
    // Files that are not UTF-8 never reach the parsers (load_paths reports them).
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = load_str(text, Format::Json, "org.json");
    }
});
