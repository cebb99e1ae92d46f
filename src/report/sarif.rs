//! SARIF 2.1.0, the format GitHub code scanning and other SARIF viewers
//! read.
//!
//! One `run` whose `tool.driver` is opmodel, with every check given as a
//! `rule` (id = check name, short description = its summary, full
//! description and help = the text `opmodel explain` prints ([`CheckMeta::explain`]), default level
//! from its default level) and every finding a `result`:
//!
//! - `ruleId`, `ruleIndex` (when the check is among the rules), `level`
//!   (`error`, `warning` or `note`) and `message.text`;
//! - `locations[0].physicalLocation`: the file as given on the command line
//!   (forward slashes, percent-encoded as a URI reference) and a `region`
//!   spanning the field or value at fault ([`Diagnostic::primary_location`],
//!   the place the text output underlines; `endColumn` is just past it);
//!   a finding without a line has no region, one without a file no
//!   location;
//! - `relatedLocations`: the entity the exact spot is in (when the result
//!   points at a spot inside it) and the secondary places (the other
//!   claim, the first definition), with ids and messages;
//! - `partialFingerprints["opmodel/v1"]`: the fingerprint of the finding's
//!   [baseline entry](crate::baseline::Entry::fingerprint), which does not
//!   change when lines move.
//!
//! Columns count characters (`columnKind` `unicodeCodePoints`). Keys are
//! written in a fixed order, so the same input gives the same bytes.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::baseline::Entry;
use crate::check::CheckMeta;
use crate::config::Level;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Location, Sources};

/// The `$schema` of the document.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

/// The key of the fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "opmodel/v1";

/// Writes the report as a SARIF 2.1.0 log with `rules` as the driver's
/// rules (usually [`Linter::metas`](crate::Linter::metas)), indented, with a
/// final newline.
///
/// # Errors
///
/// Whatever writing to `out` fails with.
pub fn write(report: &Report, rules: &[&CheckMeta], out: &mut impl Write) -> io::Result<()> {
    let log = Log::new(report, rules);
    serde_json::to_writer_pretty(&mut *out, &log).map_err(|e| match e.io_error_kind() {
        Some(kind) => io::Error::new(kind, e),
        None => io::Error::other(e),
    })?;
    out.write_all(b"\n")
}

/// The report as a SARIF log, in a string.
pub fn to_string(report: &Report, rules: &[&CheckMeta]) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write(report, rules, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    short_description: Text<'a>,
    full_description: OwnedText,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    category: &'a str,
    tags: [&'a str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<SarifLocation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation<'a>>,
    partial_fingerprints: Fingerprints,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "opmodel/v1")]
    v1: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifLocation<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RelatedLocation<'a> {
    id: usize,
    physical_location: PhysicalLocation,
    message: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

impl<'a> Log<'a> {
    fn new(report: &'a Report, rules: &[&'a CheckMeta]) -> Self {
        let results = report
            .diagnostics
            .iter()
            .map(|d| SarifResult::new(d, rules, &report.sources))
            .collect();
        Log {
            schema: SCHEMA_URI,
            version: SARIF_VERSION,
            runs: [Run {
                tool: Tool {
                    driver: Driver {
                        name: "opmodel",
                        version: env!("CARGO_PKG_VERSION"),
                        semantic_version: env!("CARGO_PKG_VERSION"),
                        information_uri: "https://crates.io/crates/opmodel",
                        rules: rules.iter().map(|m| Rule::new(m)).collect(),
                    },
                },
                column_kind: "unicodeCodePoints",
                results,
            }],
        }
    }
}

impl<'a> Rule<'a> {
    fn new(meta: &'a CheckMeta) -> Self {
        let explain = meta.explain();
        let category: &'static str = meta.category.into();
        Rule {
            id: meta.name,
            short_description: Text { text: meta.summary },
            full_description: OwnedText {
                text: explain.clone(),
            },
            help: Help {
                text: explain.clone(),
                markdown: explain,
            },
            default_configuration: Configuration {
                level: level_of_default(meta.default_level),
            },
            properties: RuleProperties {
                category,
                tags: [category],
            },
        }
    }
}

/// The SARIF level of a check's default level: `deny` is `error`, `warn`
/// is `warning`, `allow` is `none` (not reported unless configured).
fn level_of_default(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Allow => "none",
    }
}

/// The SARIF level of a finding's severity.
fn level_of(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

impl<'a> SarifResult<'a> {
    fn new(d: &'a Diagnostic, rules: &[&CheckMeta], sources: &Sources) -> Self {
        let locations = d
            .primary_location()
            .map(|l| SarifLocation {
                physical_location: physical(l, sources),
                message: None,
            })
            .into_iter()
            .collect();
        // With an exact spot as the result's location, the entity it is in
        // is the first related place.
        let defined = d
            .focus
            .as_ref()
            .and(d.location)
            .map(|location| (location, DEFINED_HERE));
        let related = defined
            .into_iter()
            .chain(d.labels.iter().map(|l| (l.location, l.message.as_str())));
        let related_locations = related
            .enumerate()
            .map(|(i, (location, message))| RelatedLocation {
                id: i,
                physical_location: physical(location, sources),
                message: Text { text: message },
            })
            .collect();
        SarifResult {
            rule_id: &d.check,
            rule_index: rules.iter().position(|m| m.name == d.check),
            level: level_of(d.severity),
            message: Text { text: &d.message },
            locations,
            related_locations,
            partial_fingerprints: Fingerprints {
                v1: Entry::of(d).fingerprint(),
            },
        }
    }
}

/// The message of the related location of the entity a result is in.
const DEFINED_HERE: &str = "the entity is defined here";

fn physical(l: Location, sources: &Sources) -> PhysicalLocation {
    let region = (l.line > 0).then(|| {
        let column = (l.column > 0).then_some(l.column);
        let (end_line, end_column) = l.end();
        Region {
            start_line: l.line,
            start_column: column,
            end_line,
            end_column: column.map(|_| end_column),
        }
    });
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri: uri_reference(&sources.path_text(l.file)),
        },
        region,
    }
}

/// A path as a relative URI reference: forward slashes (a backslash is a
/// folder separator on Windows, and a character of the name elsewhere,
/// encoded as `%5C`), a leading `./` dropped, and every byte other than
/// letters, digits, `-._~/` and the sub-delimiters percent-encoded (`:` too,
/// which would read as a scheme).
pub fn uri_reference(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let mut path = path.as_str();
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_reference("org/teams.yaml"), "org/teams.yaml");
        assert_eq!(uri_reference("./org/my teams.yaml"), "org/my%20teams.yaml");
        let backslash = if cfg!(windows) {
            "org/x.yaml"
        } else {
            "org%5Cx.yaml"
        };
        assert_eq!(uri_reference("org\\x.yaml"), backslash);
        assert_eq!(uri_reference("a\nb\t.yaml"), "a%0Ab%09.yaml");
        assert_eq!(uri_reference("C:/x/100%.yaml"), "C%3A/x/100%25.yaml");
        assert_eq!(uri_reference("équipe.yaml"), "%C3%A9quipe.yaml");
    }

    #[test]
    fn locations_only_where_known() {
        use crate::model::{EntityKind, EntityRef};
        let mut sources = Sources::default();
        let file = sources.add("org/my org.yaml", "");
        let team = |id: &str| EntityRef::new(EntityKind::Team, id);
        let mut warning = Diagnostic::new("idle-team", team("b"), "no line")
            .at(Some(Location::point(file, 0, 0)));
        warning.severity = Severity::Warning;
        let report = Report {
            diagnostics: vec![
                Diagnostic::new("my-check", team("a"), "no file"),
                warning,
                Diagnostic::new("idle-team", team("c"), "no column")
                    .at(Some(Location::point(file, 4, 0))),
            ],
            sources,
            ..Report::default()
        };
        let metas = crate::Linter::new();
        let metas = metas.metas();
        let doc: serde_json::Value =
            serde_json::from_str(&to_string(&report, &metas)).expect("JSON");
        let results = &doc["runs"][0]["results"];
        // No file: no locations, and a check that is not a rule has no index.
        assert_eq!(results[0]["ruleId"], "my-check");
        assert!(results[0].get("locations").is_none());
        assert!(results[0].get("ruleIndex").is_none());
        assert_eq!(results[0]["level"], "error");
        // No line: the file without a region.
        let physical = &results[1]["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "org/my%20org.yaml");
        assert!(physical.get("region").is_none());
        assert_eq!(results[1]["level"], "warning");
        let index = results[1]["ruleIndex"].as_u64().expect("an index");
        assert_eq!(
            doc["runs"][0]["tool"]["driver"]["rules"][index as usize]["id"],
            "idle-team"
        );
        // No column: whole lines.
        assert_eq!(
            results[2]["locations"][0]["physicalLocation"]["region"],
            serde_json::json!({"startLine": 4, "endLine": 4})
        );
    }

    #[test]
    fn levels_map_to_sarif() {
        assert_eq!(level_of_default(Level::Deny), "error");
        assert_eq!(level_of_default(Level::Warn), "warning");
        assert_eq!(level_of_default(Level::Allow), "none");
        assert_eq!(level_of(Severity::Note), "note");
    }
}
