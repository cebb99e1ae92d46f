//! Levels, parameters, `allow:` and user checks, through the public API.

use opmodel::check::{Category, Check, CheckMeta, Context, Sink};
use opmodel::config::{Config, Level};
use opmodel::load::{Format, load_str};
use opmodel::model::{EntityKind, EntityRef};
use opmodel::{ConfigError, Diagnostic, Linter, Severity};

const ORG: &str = "\
teams:
  - id: busy
    owns: [a, b, c, d]
  - id: idle
products:
  - id: a
  - id: b
  - id: c
  - id: d
";

fn run(config: Config, yaml: &str) -> Vec<(String, String, Severity)> {
    let loaded = load_str(yaml, Format::Yaml, "org.yaml");
    let report = Linter::new()
        .with_config(config)
        .expect("valid config")
        .check(&loaded);
    report
        .diagnostics
        .into_iter()
        .map(|d| (d.check.into_owned(), d.entity.id.into(), d.severity))
        .collect()
}

fn has(found: &[(String, String, Severity)], check: &str, id: &str) -> Option<Severity> {
    found
        .iter()
        .find(|(c, i, _)| c == check && i == id)
        .map(|(_, _, s)| *s)
}

#[test]
fn default_levels_apply() {
    let found = run(Config::new(), ORG);
    assert_eq!(
        has(&found, "overloaded-team", "busy"),
        Some(Severity::Warning)
    );
    assert_eq!(has(&found, "idle-team", "idle"), Some(Severity::Warning));
    assert_eq!(
        has(&found, "incomplete-product-trio", "busy"),
        None,
        "allow by default"
    );
}

#[test]
fn levels_change_severity_or_silence() {
    let mut config = Config::new();
    config
        .set_level("overloaded-team", Level::Deny)
        .set_level("idle-team", Level::Allow);
    let found = run(config, ORG);
    assert_eq!(
        has(&found, "overloaded-team", "busy"),
        Some(Severity::Error)
    );
    assert_eq!(has(&found, "idle-team", "idle"), None);
    let mut config = Config::new();
    config.set_level("warnings", Level::Deny);
    assert_eq!(
        has(&run(config, ORG), "idle-team", "idle"),
        Some(Severity::Error),
        "-D warnings"
    );
}

#[test]
fn parameters_change_behaviour() {
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_products", 4_i64);
    assert_eq!(has(&run(config, ORG), "overloaded-team", "busy"), None);
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_products", 2_i64);
    assert!(has(&run(config, ORG), "overloaded-team", "busy").is_some());
}

#[test]
fn unknown_names_and_bad_types_are_errors() {
    let mut config = Config::new();
    config.set_level("overloaded-teams", Level::Deny);
    let err = Linter::new()
        .with_config(config)
        .expect_err("unknown check");
    assert!(
        matches!(&err, ConfigError::UnknownCheck { suggestion: Some(s), .. } if s == "overloaded-team"),
        "{err}"
    );
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_product", 4_i64);
    let err = Linter::new()
        .with_config(config)
        .expect_err("unknown parameter");
    assert!(
        err.to_string().contains("did you mean `max_products`?"),
        "{err}"
    );
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_products", "four");
    let err = Linter::new().with_config(config).expect_err("bad type");
    assert!(err.to_string().contains("must be an integer"), "{err}");
}

#[cfg(feature = "toml")]
#[test]
fn the_toml_config_reports_file_and_line() {
    let metas = Linter::new();
    let metas = metas.metas();
    let ok = Config::from_toml("[checks]\noverloaded-team = { level = \"deny\", max_products = 5 }\nidle-team = \"allow\"\n", "opmodel.toml", &metas)
        .expect("valid");
    assert_eq!(ok.level_of("overloaded-team"), Some(Level::Deny));
    assert_eq!(ok.level_of("idle-team"), Some(Level::Allow));
    let err = Config::from_toml(
        "[checks]\nidle-team = \"allow\"\nidle-teams = \"warn\"\n",
        "opmodel.toml",
        &metas,
    )
    .expect_err("typo");
    match err {
        ConfigError::Invalid {
            file,
            line,
            column,
            message,
            help,
        } => {
            assert_eq!((file.as_str(), line, column), ("opmodel.toml", 3, 1));
            assert_eq!(message, "unknown check `idle-teams`");
            assert_eq!(help.as_deref(), Some("did you mean `idle-team`?"));
        }
        other => panic!("{other}"),
    }
    let err = Config::from_toml(
        "[checks]\nidle-team = \"sometimes\"\n",
        "opmodel.toml",
        &metas,
    )
    .expect_err("bad level");
    assert!(err.to_string().starts_with("opmodel.toml:2:"), "{err}");
    // The words the error offers include the other spellings that work.
    assert!(
        err.to_string()
            .contains("(or \"error\", \"warning\" and \"off\")"),
        "{err}"
    );
    for (word, level) in [
        ("error", Level::Deny),
        ("warning", Level::Warn),
        ("off", Level::Allow),
    ] {
        let config = Config::from_toml(
            &format!("[checks]\nidle-team = \"{word}\"\n"),
            "opmodel.toml",
            &metas,
        )
        .expect("an accepted spelling");
        assert_eq!(config.level_of("idle-team"), Some(level), "{word}");
    }
    let err = Config::from_toml("[check]\n", "opmodel.toml", &metas).expect_err("bad section");
    assert!(err.to_string().contains("did you mean `checks`?"), "{err}");
}

#[test]
fn allow_silences_only_the_named_check_on_that_entity() {
    let yaml = "\
teams:
  - id: busy
    owns: [a, b, c, d]
    allow: [overloaded-team]
  - id: busy-too
    owns: [e, f, g, h]
  - id: idle
    allow: [overloaded-team]
products:
  - { id: a, allow: [orphaned-product] }
  - id: b
  - id: c
  - id: d
  - id: e
  - id: f
  - id: g
  - id: h
  - id: lonely
    allow: [orphaned-product]
";
    let found = run(Config::new(), yaml);
    assert_eq!(
        has(&found, "overloaded-team", "busy"),
        None,
        "allowed on busy"
    );
    assert!(
        has(&found, "overloaded-team", "busy-too").is_some(),
        "not allowed on busy-too"
    );
    assert!(
        has(&found, "idle-team", "idle").is_some(),
        "allowing another check does not silence idle-team"
    );
    assert_eq!(has(&found, "orphaned-product", "lonely"), None);
    assert!(
        has(&found, "unaligned-product", "lonely").is_some(),
        "only the named check is silenced"
    );
}

/// Every product needs a display name.
struct NamedProducts;

static NAMED_PRODUCTS: CheckMeta = CheckMeta {
    name: "unnamed-product",
    category: Category::Custom,
    default_level: Level::Warn,
    summary: "a product without a display name",
    docs: "### What it finds\nProducts without `name:`.\n### Why it matters\nPeople search by name.\n### Example\n`- id: p`\n### Fix\nAdd `name:`.",
    params: &[],
};

impl Check for NamedProducts {
    fn meta(&self) -> &CheckMeta {
        &NAMED_PRODUCTS
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for p in cx.model().products.iter().filter(|p| p.name.is_none()) {
            let d = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Product, &p.id),
                format!("product `{}` has no name", p.id),
            )
            .with_help("add `name:`")
            .at(p.location);
            out.push(d);
        }
    }
}

#[test]
fn a_custom_check_runs_with_the_built_in_ones() {
    let yaml = "teams:\n  - id: t\n    owns: [p, q]\nproducts:\n  - id: p\n  - id: q\n    name: Q\n    allow: [unnamed-product]\n";
    let loaded = load_str(yaml, Format::Yaml, "org.yaml");
    let linter = Linter::new().with_check(NamedProducts).expect("new name");
    let report = linter.check(&loaded);
    let ours: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "unnamed-product")
        .collect();
    assert_eq!(ours.len(), 1);
    assert_eq!(ours[0].entity.id, "p");
    assert_eq!(ours[0].severity, Severity::Warning);
    assert_eq!(ours[0].location.map(|l| l.line), Some(5));
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.check == "unaligned-product"),
        "built-ins still run"
    );
    // Its level is configurable like any other check's.
    let mut config = Config::new();
    config.set_level("unnamed-product", Level::Deny);
    let linter = Linter::new()
        .with_check(NamedProducts)
        .expect("new name")
        .with_config(config)
        .expect("known check");
    let report = linter.check(&loaded);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.check == "unnamed-product" && d.severity == Severity::Error)
    );
    assert!(report.has_errors());
    // A name that is taken is refused.
    assert!(
        Linter::new()
            .with_check(NamedProducts)
            .expect("ok")
            .with_check(NamedProducts)
            .is_err()
    );
    // The JSON output carries it like a built-in finding.
    let json = opmodel::report::json::to_string(&report);
    assert!(json.contains("\"check\":\"unnamed-product\""), "{json}");
}

#[test]
fn findings_past_the_limit_are_counted_not_kept() {
    let mut yaml = String::from("products:\n");
    for i in 0..50 {
        yaml.push_str(&format!("  - id: p{i}\n"));
    }
    let loaded = load_str(&yaml, Format::Yaml, "org.yaml");
    let report = Linter::new().with_max_findings(10).check(&loaded);
    let orphans = report
        .diagnostics
        .iter()
        .filter(|d| d.check == "orphaned-product")
        .count();
    assert_eq!(orphans, 10);
    let t = report
        .truncated
        .iter()
        .find(|t| t.check == "orphaned-product")
        .expect("truncated");
    assert_eq!(t.dropped, 40);
    assert!(report.has_errors());
    // The default keeps them all.
    let report = Linter::new().check(&loaded);
    assert_eq!(
        report
            .diagnostics
            .iter()
            .filter(|d| d.check == "orphaned-product")
            .count(),
        50
    );
    assert!(report.truncated.is_empty());
}

fn invalid_at(err: &ConfigError) -> (u32, u32, &str) {
    match err {
        ConfigError::Invalid {
            line,
            column,
            message,
            ..
        } => (*line, *column, message.as_str()),
        other => panic!("not an invalid config: {other}"),
    }
}

#[test]
fn a_config_nested_too_deep_is_placed_on_its_line() {
    let linter = Linter::new();
    let metas = linter.metas();
    let dotted = vec!["a"; 200].join(".");
    let deep = "[".repeat(200) + &"]".repeat(200);
    let cases = [
        // Headers and dotted keys, which the TOML parser places nowhere.
        (format!("# settings\n\n[checks.{dotted}]\n"), (3, 1)),
        (
            format!("[checks]\nidle-team = \"warn\"\n{dotted} = 1\n"),
            (3, 1),
        ),
        // Arrays, which it places where it gave up.
        (format!("[checks]\n\nx = {deep}\n"), (3, 0)),
    ];
    for (text, (line, column)) in cases {
        let err = Config::from_toml(&text, "opmodel.toml", &metas).expect_err("too deep");
        let (l, c, message) = invalid_at(&err);
        assert_eq!(l, line, "{err}");
        if column > 0 {
            assert_eq!(c, column, "{err}");
        }
        assert!(
            message.starts_with("nesting deeper than 64 levels"),
            "{err}"
        );
    }
    // Deeper than the limit given, within what TOML parses: placed at the
    // value that passes it.
    let options = opmodel::load::LoadOptions {
        max_depth: 2,
        ..Default::default()
    };
    let dir = std::env::temp_dir().join(format!("opmodel-config-depth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("folder");
    let path = dir.join("opmodel.toml");
    std::fs::write(
        &path,
        "[checks]\nidle-team = \"warn\"\noverloaded-team = { max_products = 4 }\n",
    )
    .expect("written");
    let err = Config::from_toml_file(&path, &options, &metas).expect_err("limit 2");
    assert_eq!(invalid_at(&err).0, 3, "{err}");
    assert_eq!(
        invalid_at(&err).2,
        "nesting deeper than 2 levels; a config nests 4 levels at most"
    );
    let options = opmodel::load::LoadOptions::default();
    let ok = Config::from_toml_file(&path, &options, &metas).expect("within the default");
    assert_eq!(ok.level_of("idle-team"), Some(Level::Warn));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn numbers_past_64_bits_are_named_as_too_large() {
    let linter = Linter::new();
    let metas = linter.metas();
    let err = Config::from_toml(
        "[checks]\noverloaded-team = { max_products = 99999999999999999999 }\n",
        "opmodel.toml",
        &metas,
    )
    .expect_err("too large");
    assert_eq!(
        invalid_at(&err),
        (
            2,
            36,
            "the number 99999999999999999999 is too large for parameter `max_products` of `overloaded-team` (at most 9223372036854775807)"
        )
    );
    let err = Config::from_toml(
        "[checks]\noverloaded-team = { max_products = -99999999999999999999 }\n",
        "opmodel.toml",
        &metas,
    )
    .expect_err("too small");
    assert_eq!(
        invalid_at(&err).2,
        "parameter `max_products` of `overloaded-team` must not be negative"
    );
    // Other bases and underscores within 64 bits still read.
    let ok = Config::from_toml(
        "[checks]\noverloaded-team = { max_products = 0x1_0 }\n",
        "opmodel.toml",
        &metas,
    )
    .expect("hex");
    assert_eq!(
        ok.param("overloaded-team", "max_products"),
        Some(&opmodel::config::ParamValue::Int(16))
    );
}

#[test]
fn config_files_are_read_under_the_org_file_limits() {
    let linter = Linter::new();
    let metas = linter.metas();
    let dir = std::env::temp_dir().join(format!("opmodel-config-limits-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let options = opmodel::load::LoadOptions {
        max_file_size: 64,
        ..Default::default()
    };
    let big = dir.join("big.toml");
    std::fs::write(&big, format!("[checks]\n{}", "# padding\n".repeat(10))).expect("written");
    let err = Config::from_toml_file(&big, &options, &metas).expect_err("too large");
    assert!(
        matches!(
            err,
            ConfigError::TooLarge {
                size: 109,
                limit: 64,
                ..
            }
        ),
        "{err}"
    );
    let err = Config::from_toml_file(std::path::Path::new("/dev/zero"), &options, &metas)
        .expect_err("a device");
    assert!(matches!(err, ConfigError::NotAFile { .. }), "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    let err = Config::from_toml_file(&dir, &options, &metas).expect_err("a folder");
    assert!(err.to_string().contains("is a folder"), "{err}");
    let bad = dir.join("bad.toml");
    std::fs::write(&bad, b"[checks]\nidle-team = \"w\xffrn\"\n").expect("written");
    let err = Config::from_toml_file(&bad, &options, &metas).expect_err("not UTF-8");
    assert_eq!(invalid_at(&err), (2, 15, "not valid UTF-8"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_parameter_typo_a_wrong_type_and_an_empty_range_are_told_precisely() {
    let linter = Linter::new();
    let metas = linter.metas();
    let invalid = |toml: &str| -> (String, Option<String>) {
        match Config::from_toml(toml, "opmodel.toml", &metas).expect_err("invalid") {
            ConfigError::Invalid { message, help, .. } => (message, help),
            other => panic!("{other}"),
        }
    };
    // A swap of two letters is a typo with a suggestion (checks.md).
    assert_eq!(
        invalid("[checks]\nteam-size = { mni = 2 }\n"),
        (
            "unknown parameter `mni` for check `team-size`".to_owned(),
            Some("did you mean `min`?".to_owned())
        )
    );
    assert_eq!(
        invalid("[checks]\nteam-size = { size = 2 }\n").1.as_deref(),
        Some("`team-size` takes `level`, `min`, `max`")
    );
    assert_eq!(
        invalid("[checks]\noverloaded-team = { max_products = 2.5 }\n").0,
        "parameter `max_products` of `overloaded-team` must be an integer, found a number with a fraction"
    );
    assert_eq!(
        invalid("[checks]\nteam-size = { min = 5, max = 2 }\n"),
        (
            "`min` (5) is above `max` (2) for `team-size`".to_owned(),
            Some("lower `min` or raise `max`".to_owned())
        )
    );
    assert_eq!(
        invalid("[checks]\nteam-size = { min = 12 }\n").0,
        "`min` (12) is above `max` (9, its default) for `team-size`"
    );
    // An equal bound is a range of one.
    Config::from_toml(
        "[checks]\nteam-size = { min = 4, max = 4 }\n",
        "opmodel.toml",
        &metas,
    )
    .expect("valid");
}

#[test]
fn parameters_are_set_from_the_rust_values_people_have_at_hand() {
    use opmodel::config::ParamValue;
    let mut config = Config::new();
    let words = || {
        ParamValue::List(vec![
            "feature-set".to_owned(),
            "budget-allocation".to_owned(),
        ])
    };
    config.set_param(
        "missing-decision-right",
        "areas",
        vec!["feature-set", "budget-allocation"],
    );
    assert_eq!(
        config.param("missing-decision-right", "areas"),
        Some(&words())
    );
    config.set_param(
        "missing-decision-right",
        "areas",
        ["feature-set", "budget-allocation"],
    );
    assert_eq!(
        config.param("missing-decision-right", "areas"),
        Some(&words())
    );
    config.set_param("overloaded-team", "max_products", 4usize);
    assert_eq!(
        config.param("overloaded-team", "max_products"),
        Some(&ParamValue::Int(4))
    );
    config.set_param("overloaded-team", "max_products", 5u32);
    assert_eq!(
        config.param("overloaded-team", "max_products"),
        Some(&ParamValue::Int(5))
    );
    config.set_param("overloaded-team", "max_products", 6);
    assert_eq!(
        config.param("overloaded-team", "max_products"),
        Some(&ParamValue::Int(6))
    );
    assert_eq!(ParamValue::from(usize::MAX), ParamValue::Int(i64::MAX));
    assert_eq!(
        ParamValue::from("x".to_owned()),
        ParamValue::Str("x".to_owned())
    );
    // They pass the linter's checks as the config file's values do.
    Linter::new().with_config(config).expect("valid");
}

#[test]
fn a_setting_made_in_code_is_not_shown_at_a_line() {
    let mut config = Config::new();
    config.set_param("overloaded-team", "max_product", 4);
    let err = Linter::new().with_config(config).expect_err("a typo");
    let text = err.to_string();
    assert!(
        text.starts_with("config: unknown parameter `max_product`"),
        "{text}"
    );
    assert!(!text.contains(":0:0"), "{text}");
}
