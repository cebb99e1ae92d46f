//! An org made from a structured description (`opmodel_fuzz::Org`: teams,
//! products, outcomes, objectives, decisions, and whole chains and crowds
//! of them), written as JSON, YAML or TOML, loaded, built into the graph,
//! checked by every check and rendered both ways. Chains of tens of
//! thousands and crowds of near-miss ids take a few bytes here.
#![no_main]

use libfuzzer_sys::fuzz_target;
use opmodel::Linter;
use opmodel::load::{Format, LoadOptions, load_str_with};
use opmodel::report::{human, json};
use opmodel_fuzz::Org;

fuzz_target!(|data: &[u8]| {
    let Ok(org) = Org::read(data) else {
        return;
    };
    let (text, name) = org.text();
    let format = match name.rsplit('.').next() {
        Some("yaml") => Format::Yaml,
        Some("toml") => Format::Toml,
        _ => Format::Json,
    };
    let options = LoadOptions {
        max_alias_expansion: 10_000,
        ..LoadOptions::default()
    };
    let loaded = load_str_with(&text, format, name, &options);
    let report = Linter::new().check(&loaded);
    let _ = human::render(&report, human::Options::new(false));
    let _ = json::to_string(&report);
});
