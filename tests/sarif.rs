//! `opmodel check --format sarif`: the output of every example org is valid
//! against the SARIF 2.1.0 schema (the hand-written subset vendored in
//! `tests/data`, checked by the small validator below), and means what it
//! should: every check is a rule, every finding a result pointing at its rule.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Map, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn opmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn schema() -> Value {
    let text = std::fs::read_to_string(Path::new(ROOT).join("tests/data/sarif-2.1.0-rtm.5.json"))
        .expect("the vendored schema");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// A validator for the JSON Schema keywords the vendored schema uses.
struct Validator<'a> {
    root: &'a Value,
    errors: Vec<String>,
}

impl<'a> Validator<'a> {
    fn new(root: &'a Value) -> Self {
        Self {
            root,
            errors: Vec::new(),
        }
    }

    fn resolve(&self, reference: &str) -> &'a Value {
        let name = reference
            .strip_prefix("#/definitions/")
            .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
        self.root
            .get("definitions")
            .and_then(|d| d.get(name))
            .unwrap_or_else(|| panic!("no definition {name}"))
    }

    fn fail(&mut self, at: &str, what: String) {
        self.errors.push(format!("{at}: {what}"));
    }

    fn check(&mut self, schema: &'a Value, value: &Value, at: &str) {
        let Some(schema) = schema.as_object() else {
            return;
        };
        if let Some(Value::String(r)) = schema.get("$ref") {
            let target = self.resolve(r);
            self.check(target, value, at);
            return;
        }
        for keyword in schema.keys() {
            assert!(
                [
                    "$comment",
                    "$schema",
                    "title",
                    "id",
                    "description",
                    "default",
                    "type",
                    "properties",
                    "required",
                    "additionalProperties",
                    "enum",
                    "const",
                    "minimum",
                    "maximum",
                    "items",
                    "minItems",
                    "uniqueItems",
                    "anyOf",
                    "format",
                    "definitions",
                ]
                .contains(&keyword.as_str()),
                "the validator does not know `{keyword}`"
            );
        }
        if let Some(t) = schema.get("type") {
            let types: Vec<&str> = match t {
                Value::String(s) => vec![s.as_str()],
                Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
                _ => panic!("bad type {t}"),
            };
            if !types.iter().any(|t| has_type(value, t)) {
                self.fail(at, format!("{value} is not of type {types:?}"));
                return;
            }
        }
        if let Some(Value::Array(options)) = schema.get("enum")
            && !options.contains(value)
        {
            self.fail(at, format!("{value} is not one of {options:?}"));
        }
        if let Some(c) = schema.get("const")
            && c != value
        {
            self.fail(at, format!("{value} is not {c}"));
        }
        if let Some(n) = value.as_f64() {
            if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
                && n < min
            {
                self.fail(at, format!("{n} is below {min}"));
            }
            if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
                && n > max
            {
                self.fail(at, format!("{n} is above {max}"));
            }
        }
        if let (Some(Value::String(format)), Some(s)) = (schema.get("format"), value.as_str()) {
            self.check_format(format, s, at);
        }
        if let Some(Value::Array(options)) = schema.get("anyOf") {
            let ok = options.iter().any(|option| {
                let mut sub = Validator::new(self.root);
                sub.check(option, value, at);
                sub.errors.is_empty()
            });
            if !ok {
                self.fail(at, "matches none of anyOf".to_owned());
            }
        }
        if let Value::Array(items) = value {
            if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
                && (items.len() as u64) < min
            {
                self.fail(at, format!("fewer than {min} items"));
            }
            if schema.get("uniqueItems") == Some(&Value::Bool(true)) {
                for (i, a) in items.iter().enumerate() {
                    if items[..i].contains(a) {
                        self.fail(at, format!("item {i} is a duplicate"));
                    }
                }
            }
            if let Some(item_schema) = schema.get("items") {
                for (i, item) in items.iter().enumerate() {
                    self.check(item_schema, item, &format!("{at}[{i}]"));
                }
            }
        }
        if let Value::Object(object) = value {
            self.check_object(schema, object, at);
        }
    }

    fn check_object(
        &mut self,
        schema: &'a Map<String, Value>,
        object: &Map<String, Value>,
        at: &str,
    ) {
        if let Some(Value::Array(required)) = schema.get("required") {
            for r in required.iter().filter_map(Value::as_str) {
                if !object.contains_key(r) {
                    self.fail(at, format!("lacks required `{r}`"));
                }
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (key, v) in object {
            let path = format!("{at}.{key}");
            match properties.and_then(|p| p.get(key)) {
                Some(s) => self.check(s, v, &path),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => self.fail(at, format!("has unknown `{key}`")),
                    Some(s @ Value::Object(_)) => self.check(s, v, &path),
                    _ => {}
                },
            }
        }
    }

    fn check_format(&mut self, format: &str, s: &str, at: &str) {
        // A URI (reference) has no spaces, control characters, backslashes
        // or non-ASCII characters, and every `%` starts an escape.
        let bad = s
            .chars()
            .any(|c| !c.is_ascii() || c.is_ascii_control() || " \\\"<>{}|^`".contains(c));
        let bytes = s.as_bytes();
        let bad_escape = bytes.iter().enumerate().any(|(i, &b)| {
            b == b'%'
                && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        });
        let needs_scheme = format == "uri"
            && !s.split_once(':').is_some_and(|(scheme, _)| {
                !scheme.is_empty()
                    && scheme
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            });
        if bad || bad_escape || needs_scheme {
            self.fail(at, format!("`{s}` is not a valid {format}"));
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        other => panic!("unknown type {other}"),
    }
}

fn validate(schema: &Value, doc: &Value) -> Vec<String> {
    let mut v = Validator::new(schema);
    v.check(schema, doc, "$");
    v.errors
}

fn example_orgs() -> Vec<String> {
    let mut orgs: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("examples/orgs"))
        .expect("examples/orgs")
        .map(|e| {
            let name = e.expect("an entry").file_name();
            format!("examples/orgs/{}", name.to_string_lossy())
        })
        .collect();
    orgs.sort();
    assert!(orgs.len() >= 5, "{orgs:?}");
    orgs
}

fn sarif(args: &[&str]) -> (Value, i32) {
    let o = opmodel(args);
    let code = o.status.code().expect("exited normally");
    let doc = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (doc, code)
}

#[test]
fn every_example_org_gives_valid_sarif() {
    let schema = schema();
    let mut results = 0;
    for org in example_orgs() {
        let (doc, code) = sarif(&["check", &org, "--format", "sarif"]);
        let errors = validate(&schema, &doc);
        assert!(errors.is_empty(), "{org}: {errors:#?}");
        // The exit status is that of the other formats.
        let json = opmodel(&["check", &org, "--format", "json"]);
        assert_eq!(Some(code), json.status.code(), "{org}");
        results += doc["runs"][0]["results"].as_array().map_or(0, Vec::len);
    }
    assert!(results > 10, "the examples have findings to validate");
}

#[test]
fn the_validator_rejects_what_the_schema_forbids() {
    let schema = schema();
    let (doc, _) = sarif(&["check", "examples/orgs/streaming", "--format", "sarif"]);
    assert!(validate(&schema, &doc).is_empty());
    type Mutation = fn(&mut Value);
    let mutations: [(&str, Mutation); 9] = [
        ("version", |d| d["version"] = "2.0.0".into()),
        ("no runs", |d| {
            d.as_object_mut().map(|o| o.remove("runs"));
        }),
        ("level", |d| {
            d["runs"][0]["results"][0]["level"] = "fatal".into()
        }),
        ("start line 0", |d| {
            d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                0.into()
        }),
        ("column as text", |d| {
            d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["endColumn"] =
                "2".into()
        }),
        ("unknown property", |d| {
            d["runs"][0]["results"][0]["severity"] = "error".into()
        }),
        ("no message text", |d| {
            d["runs"][0]["results"][0]["message"] = serde_json::json!({})
        }),
        ("rule level", |d| {
            d["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] =
                "deny".into()
        }),
        ("uri with a space", |d| {
            d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
                "my org.yaml".into()
        }),
    ];
    for (name, mutate) in mutations {
        let mut broken = doc.clone();
        mutate(&mut broken);
        assert!(
            !validate(&schema, &broken).is_empty(),
            "{name} was accepted"
        );
    }
}

#[test]
fn rules_are_every_check_and_results_point_at_them() {
    let checks: Value =
        serde_json::from_slice(&opmodel(&["checks", "--format", "json"]).stdout).expect("JSON");
    let (doc, _) = sarif(&["check", "examples/orgs/streaming", "--format", "sarif"]);
    assert_eq!(doc["version"], "2.1.0");
    assert!(doc["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    let runs = doc["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "opmodel");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().expect("rules");
    let checks = checks.as_array().expect("a list");
    assert_eq!(rules.len(), checks.len());
    for (rule, check) in rules.iter().zip(checks) {
        assert_eq!(rule["id"], check["name"]);
        assert_eq!(rule["shortDescription"]["text"], check["summary"]);
        let name = check["name"].as_str().expect("a name");
        let explain = String::from_utf8(opmodel(&["explain", name]).stdout).expect("UTF-8");
        assert_eq!(rule["fullDescription"]["text"], explain.as_str());
        assert_eq!(rule["help"]["text"], explain.as_str());
        let level = match check["default_level"].as_str() {
            Some("deny") => "error",
            Some("warn") => "warning",
            _ => "none",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level, "{name}");
    }

    let json: Value = serde_json::from_slice(
        &opmodel(&["check", "examples/orgs/streaming", "--format", "json"]).stdout,
    )
    .expect("JSON");
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), diagnostics.len());
    let mut with_related = 0;
    for (r, d) in results.iter().zip(diagnostics) {
        assert_eq!(r["ruleId"], d["check"]);
        let index = r["ruleIndex"].as_u64().expect("an index") as usize;
        assert_eq!(rules[index]["id"], d["check"]);
        let level = if d["severity"] == "error" {
            "error"
        } else {
            "warning"
        };
        assert_eq!(r["level"], level);
        assert_eq!(r["message"]["text"], d["message"]);
        let physical = &r["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], d["location"]["file"]);
        let region = &physical["region"];
        assert_eq!(region["startLine"], d["location"]["line"]);
        assert_eq!(region["startColumn"], d["location"]["column"]);
        // The region is the span of the JSON output: the value at fault.
        assert_eq!(region["endLine"], d["location"]["end_line"]);
        assert_eq!(region["endColumn"], d["location"]["end_column"]);
        assert!(
            (region["endLine"].as_u64(), region["endColumn"].as_u64())
                > (region["startLine"].as_u64(), region["startColumn"].as_u64()),
            "{region}"
        );
        assert!(
            r["partialFingerprints"]["opmodel/v1"]
                .as_str()
                .is_some_and(|f| f.len() == 16)
        );
        if let Some(related) = r["relatedLocations"].as_array() {
            with_related += 1;
            for (i, l) in related.iter().enumerate() {
                assert_eq!(l["id"], i);
                assert!(l["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
                assert!(l["physicalLocation"]["region"]["startLine"].as_u64() >= Some(1));
            }
        }
    }
    assert!(
        with_related > 0,
        "secondary labels become related locations"
    );
}

#[test]
fn sarif_is_deterministic() {
    let a = opmodel(&["check", "examples/orgs/streaming", "--format", "sarif"]);
    let b = opmodel(&["check", "examples/orgs/streaming", "--format", "sarif"]);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
}
