//! Loads the input as a Backstage catalog file (`Format::Backstage`), then
//! as YAML (which detects catalogs by content), and checks both.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmodel::Linter;
use opmodel::load::{Format, LoadOptions, load_str_with};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let options = LoadOptions {
            max_alias_expansion: 10_000,
            ..LoadOptions::default()
        };
        for format in [Format::Backstage, Format::Yaml] {
            let loaded = load_str_with(text, format, "catalog-info.yaml", &options);
            let _ = Linter::new().check(&loaded);
        }
    }
});
