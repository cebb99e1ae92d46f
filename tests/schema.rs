//! `opmodel schema`: the committed JSON Schema and field reference are what
//! the tool prints (so they are never stale), and the reference lists every
//! field of the format's table.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn opmodel(args: &[&str]) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

fn committed(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path))
        .unwrap_or_default()
        .replace("\r\n", "\n")
}

#[test]
fn the_committed_schema_is_what_opmodel_schema_prints() {
    let printed = opmodel(&["schema"]);
    assert!(
        committed("docs/opmodel.schema.json") == printed,
        "docs/opmodel.schema.json is stale: regenerate it with `cargo run -- schema > docs/opmodel.schema.json`"
    );
    let schema: serde_json::Value = serde_json::from_str(&printed).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema, opmodel::schema::json_schema());
}

#[test]
fn the_committed_reference_is_what_opmodel_schema_reference_prints() {
    let printed = opmodel(&["schema", "--reference"]);
    assert!(
        committed("docs/reference.md") == printed,
        "docs/reference.md is stale: regenerate it with `cargo run -- schema --reference > docs/reference.md`"
    );
}

#[test]
fn every_section_and_field_is_in_the_reference_and_the_schema() {
    use opmodel::schema::{SECTIONS, Shape, Type};
    let reference = committed("docs/reference.md");
    let schema = opmodel::schema::json_schema();
    let mut tables = Vec::new();
    for section in SECTIONS {
        assert!(
            reference.contains(&format!("| `{}` |", section.name)),
            "section `{}` is missing from docs/reference.md",
            section.name
        );
        assert!(schema["properties"].get(section.name).is_some());
        if let Shape::Table(t) | Shape::List(t) = section.shape {
            tables.push(t);
        }
    }
    while let Some(table) = tables.pop() {
        let heading = format!("## {}\n", table.name);
        let at = reference
            .find(&heading)
            .unwrap_or_else(|| panic!("no section for {} in docs/reference.md", table.name));
        let rest = &reference[at + heading.len()..];
        let part = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
        let def = &schema["$defs"][table.name.replace(' ', "-")];
        for field in table.fields {
            assert!(
                part.contains(&format!("| `{}` |", field.name)),
                "field `{}` of {} is missing from docs/reference.md",
                field.name,
                table.name
            );
            assert!(
                def["properties"].get(field.name).is_some(),
                "{}",
                field.name
            );
            if field.required {
                assert!(
                    def["required"]
                        .as_array()
                        .is_some_and(|r| r.iter().any(|n| n == field.name))
                );
            }
            if let Type::List(t) | Type::KeyResults(t) = field.ty {
                tables.push(t);
            }
        }
    }
    // The words written in files, not the Rust names.
    assert!(reference.contains("`stream-aligned`"));
    assert!(!reference.contains("StreamAligned"));
}

#[test]
fn a_json_org_file_may_name_its_schema() {
    let dir = std::env::temp_dir().join(format!("opmodel-schema-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("org.json");
    std::fs::write(
        &file,
        r#"{"$schema": "../docs/opmodel.schema.json", "teams": [{"id": "playback", "owns": ["web"]}], "products": [{"id": "web", "owner": "playback"}]}"#,
    )
    .expect("writes");
    let path = file.to_str().expect("UTF-8 path");
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", path, "--format", "json", "-A", "unaligned-product"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let checks: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["check"].as_str())
        .collect();
    assert!(!checks.contains(&"invalid-file"), "{json}");
    assert_eq!(json["summary"]["entities"], 2, "{json}");
    // Anything but text there is a mistake.
    std::fs::write(&file, r#"{"$schema": 2}"#).expect("writes");
    let o = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", path])
        .output()
        .expect("runs");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("`$schema` must be text"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_readme_and_guide_show_the_editor_line() {
    let readme = committed("README.md");
    assert!(readme.contains("# yaml-language-server: $schema="));
    assert!(readme.contains("docs/reference.md"));
}

#[test]
fn the_schema_takes_an_every_value_in_any_case_as_the_loader_does() {
    let schema: serde_json::Value = opmodel::schema::json_schema();
    fn pattern_of(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(map) => map
                .get("pattern")
                .and_then(|p| p.as_str())
                .filter(|p| p.contains("[qQ]"))
                .map(str::to_owned)
                .or_else(|| map.values().find_map(pattern_of)),
            serde_json::Value::Array(items) => items.iter().find_map(pattern_of),
            _ => None,
        }
    }
    let pattern = pattern_of(&schema).expect("an `every` pattern");
    let every = regex::Regex::new(&pattern).expect("a regex");
    for value in [
        "month",
        "Month",
        "QUARTER",
        "Half-Year",
        "half year",
        "2 Weeks",
        " 3 months ",
    ] {
        assert!(every.is_match(value), "{value}");
        let yaml = format!(
            "cadences:\n  - {{ id: c, kind: review, every: \"{value}\", covers: [objectives] }}\n"
        );
        let loaded = opmodel::load::load_str(&yaml, opmodel::load::Format::Yaml, "org.yaml");
        assert!(
            loaded.diagnostics.is_empty(),
            "{value}: {:?}",
            loaded.diagnostics
        );
    }
    for value in ["fortnightly", "0 weeks", "weekly", ""] {
        assert!(!every.is_match(value), "{value}");
    }
}
