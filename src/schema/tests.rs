//! The schema against the loader: for every field of the table, values the
//! loader takes are valid, and values it refuses as `invalid-entity` (a
//! wrong type, an unknown field) are not; every example org validates.
//!
//! The validator here covers exactly the keywords [`json_schema`] emits and
//! panics on any other, so the schema cannot grow a keyword it skips.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::{Field, SECTIONS, Shape, Table, Type, json_schema};
use crate::load::{Format, as_json_value, load_str};

/// Whether `instance` is valid against `schema` (part of `root`).
fn valid(root: &Value, schema: &Value, instance: &Value) -> bool {
    let Value::Object(keywords) = schema else {
        return schema.as_bool().unwrap_or(false);
    };
    for (keyword, arg) in keywords {
        let ok = match keyword.as_str() {
            "$schema" | "$defs" | "title" | "description" | "default" | "examples" => true,
            "$ref" => {
                let name = arg
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .expect("a local reference");
                valid(root, &root["$defs"][name], instance)
            }
            "type" => match arg {
                Value::String(t) => has_type(t, instance),
                Value::Array(ts) => ts
                    .iter()
                    .any(|t| has_type(t.as_str().expect("a type name"), instance)),
                _ => panic!("type {arg}"),
            },
            "enum" => arg
                .as_array()
                .expect("enum list")
                .iter()
                .any(|v| same(v, instance)),
            "const" => same(arg, instance),
            "pattern" => match instance {
                Value::String(s) => regex::Regex::new(arg.as_str().expect("a pattern"))
                    .expect("a valid pattern")
                    .is_match(s),
                _ => true,
            },
            "minimum" => instance
                .as_f64()
                .is_none_or(|n| n >= arg.as_f64().expect("a minimum")),
            "exclusiveMinimum" => instance
                .as_f64()
                .is_none_or(|n| n > arg.as_f64().expect("a minimum")),
            "maximum" => instance
                .as_f64()
                .is_none_or(|n| n <= arg.as_f64().expect("a maximum")),
            "minLength" => match instance {
                Value::String(s) => s.chars().count() >= arg.as_u64().expect("a length") as usize,
                _ => true,
            },
            "anyOf" => arg
                .as_array()
                .expect("anyOf list")
                .iter()
                .any(|s| valid(root, s, instance)),
            "properties" => match instance {
                Value::Object(m) => m
                    .iter()
                    .all(|(k, v)| arg.get(k).is_none_or(|s| valid(root, s, v))),
                _ => true,
            },
            "required" => match instance {
                Value::Object(m) => arg
                    .as_array()
                    .expect("required list")
                    .iter()
                    .all(|k| m.contains_key(k.as_str().expect("a name"))),
                _ => true,
            },
            "additionalProperties" => {
                assert_eq!(arg, &json!(false), "only `false` is emitted");
                match instance {
                    Value::Object(m) => m.keys().all(|k| keywords["properties"].get(k).is_some()),
                    _ => true,
                }
            }
            "items" => match instance {
                Value::Array(items) => items.iter().all(|i| valid(root, arg, i)),
                _ => true,
            },
            "minItems" | "maxItems" => match instance {
                Value::Array(items) => {
                    let n = arg.as_u64().expect("a count") as usize;
                    if keyword == "minItems" {
                        items.len() >= n
                    } else {
                        items.len() <= n
                    }
                }
                _ => true,
            },
            other => panic!("the test validator does not know `{other}`"),
        };
        if !ok {
            return false;
        }
    }
    true
}

fn has_type(t: &str, v: &Value) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "array" => v.is_array(),
        "object" => v.is_object(),
        other => panic!("type {other}"),
    }
}

fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn schema_accepts(instance: &Value) -> bool {
    let schema = json_schema();
    valid(&schema, &schema, instance)
}

/// The loader's findings about the format (`invalid-file`, `invalid-entity`)
/// for a JSON document.
fn loader_problems(doc: &Value) -> Vec<String> {
    let text = doc.to_string();
    load_str(&text, Format::Json, "t.json")
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity" || d.check == "invalid-file")
        .map(|d| d.message.clone())
        .collect()
}

/// A value of each type that the loader takes.
fn good(ty: Type) -> Vec<Value> {
    match ty {
        Type::Id => vec![json!("some-id.2_b"), json!(2026)],
        Type::Text => vec![
            json!("free text, with spaces"),
            json!(42),
            json!(true),
            json!(""),
        ],
        Type::Line => vec![json!("Raise retention from 31% to 38%"), json!(7)],
        Type::Number => vec![json!(31), json!(4.2), json!(-1.5e3)],
        Type::Ref(_) => vec![json!("playback"), json!(["playback"]), json!(12)],
        Type::Refs(_) | Type::Checks => vec![json!("a"), json!(["a", "b"]), json!([])],
        Type::Word(words) | Type::OpenWord(words) => {
            let mut all: Vec<Value> = words().into_iter().map(Value::String).collect();
            if matches!(ty, Type::OpenWord(_)) {
                all.push(json!("something else entirely"));
            }
            all
        }
        Type::List(table) => vec![json!([]), json!([sample(table)])],
        Type::KeyResults(table) => vec![
            json!(["Raise week-1 retention from 31% to 38%"]),
            json!([sample(table), "Cut churn from 5% to 3%"]),
        ],
        Type::Share => vec![json!(0.5), json!(1), json!(0.001)],
        Type::Every => vec![
            json!("quarter"),
            json!("2 weeks"),
            json!("half-year"),
            json!("18 months"),
        ],
        Type::Covers => vec![
            json!("objectives"),
            json!(["outcomes", "budget-allocation", "data-retention"]),
        ],
    }
}

/// Values of each type that the loader refuses as `invalid-entity`.
fn bad(ty: Type) -> Vec<Value> {
    let table = json!({"a": 1});
    match ty {
        Type::Id => vec![
            json!("Not An Id"),
            json!(1.5),
            table,
            json!([]),
            json!(null),
        ],
        Type::Text => vec![table, json!(["a"])],
        Type::Line => vec![table, json!(["a"]), json!("   ")],
        Type::Number => vec![json!("lots"), json!("38"), json!(true), table, json!([1])],
        Type::Ref(_) => vec![table, json!(["a", "b"]), json!(true), json!(1.5)],
        Type::Refs(_) | Type::Checks => vec![table, json!(true), json!([{"a": 1}])],
        Type::Word(_) => vec![json!("no-such-word"), json!(3), table],
        Type::OpenWord(_) => vec![table, json!(["a"])],
        Type::List(_) => vec![json!("one"), table, json!(["not a table"])],
        Type::KeyResults(_) => vec![json!("one"), table, json!([["nested"]]), json!(["  "])],
        Type::Share => vec![
            json!(0),
            json!(1.5),
            json!(-0.2),
            json!("lots"),
            json!("0.5"),
            table,
        ],
        Type::Every => vec![json!("quarterly"), json!("0 weeks"), json!(3), table],
        Type::Covers => vec![json!(3), json!([""]), table, json!([{"a": 1}])],
    }
}

/// A table of this kind with every required field set.
fn sample(table: &Table) -> Value {
    let mut m = serde_json::Map::new();
    for field in table.fields.iter().filter(|f| f.required) {
        let value = match (table.name, field.name) {
            // The scope of a decision names an entity that exists.
            ("decision", "scope") => json!("organization"),
            _ => good(field.ty).remove(0),
        };
        m.insert(field.name.to_owned(), value);
    }
    Value::Object(m)
}

/// Every (section, table) whose items are entities.
fn entity_sections() -> Vec<(&'static str, &'static Table)> {
    SECTIONS
        .iter()
        .filter_map(|s| match s.shape {
            Shape::List(t) => Some((s.name, t)),
            _ => None,
        })
        .collect()
}

/// A document with one entity of `section` whose field `field` is `value`
/// (a team's member or an objective's key result for nested tables).
fn with_field(section: &str, table: &Table, field: &Field, value: Value) -> Value {
    let mut entity = sample(table);
    entity[field.name] = value;
    json!({ section: [entity] })
}

#[test]
fn the_loader_takes_what_the_schema_accepts_field_by_field() {
    for (section, table) in entity_sections() {
        let doc = json!({ section: [sample(table)] });
        assert!(schema_accepts(&doc), "{doc}");
        assert_eq!(loader_problems(&doc), Vec::<String>::new(), "{doc}");
        for field in table.fields {
            let mut values = good(field.ty);
            if !field.required && !matches!(field.ty, Type::Id) {
                values.push(Value::Null);
            }
            for value in values {
                let doc = with_field(section, table, field, value);
                assert!(schema_accepts(&doc), "schema refuses {doc}");
                assert_eq!(loader_problems(&doc), Vec::<String>::new(), "{doc}");
            }
        }
    }
}

#[test]
fn the_schema_refuses_what_the_loader_reports_as_a_wrong_type() {
    for (section, table) in entity_sections() {
        for field in table.fields {
            let mut values = bad(field.ty);
            if field.required {
                values.push(Value::Null);
            }
            for value in values {
                let doc = with_field(section, table, field, value);
                assert!(!loader_problems(&doc).is_empty(), "the loader takes {doc}");
                assert!(!schema_accepts(&doc), "the schema takes {doc}");
            }
        }
    }
    // The nested tables: a member and a key result.
    for (section, table, field, inner) in [
        ("teams", &super::TEAM, "members", &super::MEMBER),
        (
            "objectives",
            &super::OBJECTIVE,
            "key_results",
            &super::KEY_RESULT,
        ),
    ] {
        let field = table.field(field).expect("the field");
        for inner_field in inner.fields {
            for value in bad(inner_field.ty) {
                let mut item = sample(inner);
                item[inner_field.name] = value;
                let doc = with_field(section, table, field, json!([item]));
                assert!(!loader_problems(&doc).is_empty(), "the loader takes {doc}");
                assert!(!schema_accepts(&doc), "the schema takes {doc}");
            }
        }
    }
}

#[test]
fn unknown_fields_and_sections_are_refused_by_both() {
    for (section, table) in entity_sections() {
        let mut entity = sample(table);
        entity["key-results"] = json!(["a"]);
        let doc = json!({ section: [entity] });
        let problems = loader_problems(&doc);
        assert!(
            problems.iter().any(|m| m.starts_with("unknown field")),
            "{doc}: {problems:?}"
        );
        assert!(!schema_accepts(&doc), "{doc}");
    }
    let doc = json!({"squads": []});
    assert!(!loader_problems(&doc).is_empty());
    assert!(!schema_accepts(&doc));
    let doc = json!({"teams": [{"id": "a", "members": [{"name": "Ana", "title": "PM"}]}]});
    assert!(!loader_problems(&doc).is_empty());
    assert!(!schema_accepts(&doc));
    for version in [json!(2), json!("one"), json!(null)] {
        let doc = json!({ "version": version });
        assert!(!loader_problems(&doc).is_empty(), "{doc}");
        assert!(!schema_accepts(&doc), "{doc}");
    }
    // The schema link of JSON files: text, nothing else.
    let doc = json!({"$schema": "../docs/opmodel.schema.json", "teams": []});
    assert!(loader_problems(&doc).is_empty(), "{doc}");
    assert!(schema_accepts(&doc), "{doc}");
    for link in [json!(3), json!(null), json!({"a": 1})] {
        let doc = json!({ "$schema": link });
        assert!(!loader_problems(&doc).is_empty(), "{doc}");
        assert!(!schema_accepts(&doc), "{doc}");
    }
    for version in [json!(1), json!(1.0), json!("1")] {
        let doc = json!({ "version": version });
        assert!(loader_problems(&doc).is_empty(), "{doc}");
        assert!(schema_accepts(&doc), "{doc}");
    }
}

fn org_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            org_files(&path, out);
        } else if Format::from_path(&path).is_some()
            && path.file_name().is_some_and(|n| n != "opmodel.toml")
        {
            out.push(path);
        }
    }
}

#[test]
fn every_example_org_validates_and_broken_fixtures_agree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    org_files(&root.join("examples/orgs"), &mut files);
    // Backstage catalogs (and the files beside them) are read by their own
    // reader: the schema is the org file format's.
    files.retain(|p| !p.components().any(|c| c.as_os_str() == "backstage"));
    org_files(&root.join("tests/fixtures/formats"), &mut files);
    org_files(&root.join("tests/fixtures/mixed"), &mut files);
    org_files(&root.join("tests/fixtures/broken"), &mut files);
    files.sort();
    assert!(files.len() > 10, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let format = Format::from_path(&path).expect("an org file");
        let Some(doc) = as_json_value(&text, format) else {
            // A syntax error: the schema has nothing to say.
            continue;
        };
        let loaded = load_str(&text, format, &path);
        let refused = loaded.diagnostics.iter().any(|d| {
            (d.check == "invalid-entity" || d.check == "invalid-file")
                && (d.message.contains("must be") || d.message.starts_with("unknown "))
        });
        assert_eq!(
            !schema_accepts(&doc),
            refused,
            "{}: {:#?}",
            path.display(),
            loaded.diagnostics
        );
    }
}
