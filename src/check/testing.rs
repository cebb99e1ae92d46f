//! Helpers for the pass/fail cases that sit next to each check.

use crate::Linter;
use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::load::{Format, load_str};

/// Every finding of `check` on a YAML model, with the check forced on.
pub(crate) fn findings(check: &str, yaml: &str) -> Vec<Diagnostic> {
    findings_in(check, yaml, Format::Yaml, Config::new())
}

/// Every finding of `check` on a model in `format`, with extra `config`.
pub(crate) fn findings_in(
    check: &str,
    text: &str,
    format: Format,
    mut config: Config,
) -> Vec<Diagnostic> {
    let ext = match format {
        Format::Yaml | Format::Backstage => "yaml",
        Format::Toml => "toml",
        Format::Json => "json",
    };
    let loaded = load_str(text, format, format!("org.{ext}"));
    if config.level_of(check).is_none() {
        config.set_level(check, Level::Deny);
    }
    let linter = match Linter::new().with_config(config) {
        Ok(l) => l,
        Err(e) => panic!("test config is invalid: {e}"),
    };
    let report = linter.check(&loaded);
    report
        .diagnostics
        .into_iter()
        .filter(|d| d.check == check)
        .collect()
}

fn ids(found: &[Diagnostic]) -> Vec<String> {
    let mut ids: Vec<String> = found.iter().map(|d| d.entity.id.to_string()).collect();
    ids.sort();
    ids
}

/// Asserts that `check` reports exactly the entities `expected` (by id, any order).
#[track_caller]
pub(crate) fn assert_triggers(check: &str, yaml: &str, expected: &[&str]) {
    assert_load_triggers(check, yaml, Format::Yaml, expected);
}

/// [`assert_triggers`] for any format.
#[track_caller]
pub(crate) fn assert_load_triggers(check: &str, text: &str, format: Format, expected: &[&str]) {
    let found = findings_in(check, text, format, Config::new());
    let mut want: Vec<String> = expected.iter().map(|s| (*s).to_owned()).collect();
    want.sort();
    assert_eq!(
        ids(&found),
        want,
        "`{check}` findings on:\n{text}\n{found:#?}"
    );
}

/// Asserts that `check` reports nothing.
#[track_caller]
pub(crate) fn assert_passes(check: &str, yaml: &str) {
    assert_load_passes(check, yaml, Format::Yaml);
}

/// [`assert_passes`] for any format.
#[track_caller]
pub(crate) fn assert_load_passes(check: &str, text: &str, format: Format) {
    let found = findings_in(check, text, format, Config::new());
    assert!(
        found.is_empty(),
        "`{check}` should not fire on:\n{text}\nbut found {found:#?}"
    );
}
