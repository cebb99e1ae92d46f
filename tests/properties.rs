//! Property tests: whatever the model or the text, building, checking and
//! loading never panic; a model survives a trip through its own JSON (and
//! hand-written YAML); the order of files and entities never changes the
//! output; every diagnostic points inside its file.
//!
//! Case counts are kept small so the whole file runs in a few seconds in CI.

use opmodel::Linter;
use opmodel::load::{Format, LoadOptions, load_paths, load_str};
use opmodel::model::{
    DecisionArea, DecisionRight, KeyResult, KeyResultKind, Model, Objective, Outcome, Product,
    Role, Team, TeamKind,
};
use opmodel::report::{human, json};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Shrinking can take long on big models; the first failure is enough.
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    }
}

/// Ids from a small pool, so that duplicates, dangling references and
/// loops are common, plus the odd id that breaks the rules.
fn any_id() -> BoxedStrategy<String> {
    prop_oneof![
        8 => select(vec!["a", "b", "c", "web", "app", "x-1", "org", "organization"]).prop_map(str::to_owned),
        1 => "[a-z0-9][a-z0-9._-]{0,12}",
        1 => any::<String>(),
    ]
    .boxed()
}

/// Ids that follow the spec, so the model can be written to a file.
fn valid_id() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(vec!["a", "b", "c", "web", "app", "x-1"]).prop_map(str::to_owned),
        1 => "[a-z0-9][a-z0-9._-]{0,20}",
    ]
    .boxed()
}

fn any_text() -> BoxedStrategy<String> {
    prop_oneof![3 => "[A-Za-z][A-Za-z0-9 ,.!?'é-]{0,30}", 1 => any::<String>()].boxed()
}

/// Text that survives any format: starts and ends with a visible character.
fn plain_text() -> BoxedStrategy<String> {
    "[A-Za-z0-9][A-Za-z0-9 ,.!?é'-]{0,30}[A-Za-z0-9.!?é]".boxed()
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|i| i as f64),
        (-1e6f64..1e6f64)
    ]
}

fn team_kind() -> impl Strategy<Value = TeamKind> {
    select(vec![
        TeamKind::StreamAligned,
        TeamKind::Platform,
        TeamKind::Enabling,
        TeamKind::ComplicatedSubsystem,
        TeamKind::Unit,
    ])
}

fn area() -> impl Strategy<Value = DecisionArea> {
    select(vec![
        DecisionArea::FeatureSet,
        DecisionArea::Roadmap,
        DecisionArea::BudgetAllocation,
        DecisionArea::VendorSelection,
        DecisionArea::Security,
    ])
}

/// A model built with the builder API from the given id and text
/// strategies: references may dangle, ids repeat, parents loop.
fn model_from(
    id: BoxedStrategy<String>,
    text: BoxedStrategy<String>,
) -> impl Strategy<Value = Model> {
    let team = (
        id.clone(),
        proptest::option::of(text.clone()),
        team_kind(),
        proptest::option::of(id.clone()),
        proptest::collection::vec(id.clone(), 0..3),
        proptest::collection::vec(
            (
                text.clone(),
                select(vec![Role::ProductManager, Role::Designer, Role::Engineer]),
            ),
            0..3,
        ),
    )
        .prop_map(|(tid, name, kind, parent, owns, members)| {
            let mut t = Team::new(tid).kind(kind);
            if let Some(n) = name {
                t = t.name(n);
            }
            if let Some(p) = parent {
                t = t.parent(p);
            }
            for o in owns {
                t = t.owns(o);
            }
            for (n, r) in members {
                t = t.member(n, r);
            }
            t
        });
    let product = (
        id.clone(),
        proptest::option::of(id.clone()),
        proptest::collection::vec(id.clone(), 0..2),
        proptest::option::of(id.clone()),
        proptest::collection::vec(id.clone(), 0..2),
    )
        .prop_map(|(pid, owner, contributors, part_of, outcomes)| {
            let mut p = Product::new(pid);
            if let Some(o) = owner {
                p = p.owner(o);
            }
            for c in contributors {
                p = p.contributor(c);
            }
            if let Some(x) = part_of {
                p = p.part_of(x);
            }
            for o in outcomes {
                p = p.outcome(o);
            }
            p
        });
    let outcome = (
        id.clone(),
        text.clone(),
        proptest::option::of(text.clone()),
        proptest::option::of((number(), number())),
        proptest::option::of(id.clone()),
        proptest::collection::vec(id.clone(), 0..2),
    )
        .prop_map(|(oid, statement, metric, values, owner, supports)| {
            let mut o = Outcome::new(oid, statement);
            if let Some(m) = metric {
                o = o.metric(m);
            }
            if let Some((b, t)) = values {
                o = o.baseline(b).target(t);
            }
            if let Some(w) = owner {
                o = o.owner(w);
            }
            for s in supports {
                o = o.supports(s);
            }
            o
        });
    let key_result = (
        id.clone(),
        text.clone(),
        proptest::option::of(text.clone()),
        proptest::option::of((number(), number())),
        any::<bool>(),
    )
        .prop_map(|(kid, text, metric, values, milestone)| {
            let mut k = KeyResult::new(kid, text);
            if let Some(m) = metric {
                k = k.metric(m);
            }
            if let Some((b, t)) = values {
                k = k.baseline(b).target(t);
            }
            if milestone {
                k = k.kind(KeyResultKind::Milestone);
            }
            k
        });
    let objective = (
        id.clone(),
        text.clone(),
        proptest::option::of(id.clone()),
        proptest::collection::vec(id.clone(), 0..2),
        proptest::collection::vec(key_result, 0..3),
    )
        .prop_map(|(oid, title, owner, supports, krs)| {
            let mut o = Objective::new(oid, title);
            if let Some(w) = owner {
                o = o.owner(w);
            }
            for s in supports {
                o = o.supports(s);
            }
            for k in krs {
                o = o.with_key_result(k);
            }
            o
        });
    let decision = (
        area(),
        id.clone(),
        proptest::collection::vec(id.clone(), 0..2),
        proptest::collection::vec(id.clone(), 0..2),
    )
        .prop_map(|(area, scope, decides, consulted)| {
            let mut d = DecisionRight::new(area, scope);
            for t in decides {
                d = d.decides(t);
            }
            for t in consulted {
                d = d.consulted(t);
            }
            d
        });
    (
        proptest::option::of(text),
        proptest::collection::vec(team, 0..6),
        proptest::collection::vec(product, 0..6),
        proptest::collection::vec(outcome, 0..4),
        proptest::collection::vec(objective, 0..3),
        proptest::collection::vec(decision, 0..4),
    )
        .prop_map(|(org, teams, products, outcomes, objectives, decisions)| {
            let mut b = Model::builder();
            if let Some(name) = org {
                b = b.organization(name);
            }
            for t in teams {
                b = b.team(t);
            }
            for p in products {
                b = b.product(p);
            }
            for o in outcomes {
                b = b.outcome(o);
            }
            for o in objectives {
                b = b.objective(o);
            }
            for d in decisions {
                b = b.decision(d);
            }
            b.build()
        })
}

fn any_model() -> impl Strategy<Value = Model> {
    model_from(any_id(), any_text())
}

fn writable_model() -> impl Strategy<Value = Model> {
    model_from(valid_id(), plain_text())
}

/// The model as JSON with only what its `Serialize` writes (locations and
/// sources are skipped there).
fn value(model: &Model) -> Value {
    serde_json::to_value(model).expect("a model serialises")
}

/// YAML text for a JSON value, written by hand: every string is
/// double-quoted with JSON escapes (valid YAML), numbers as JSON writes them.
fn yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                out.push_str(&format!("\n{pad}{}:", Value::String(k.clone())));
                yaml_child(v, indent, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for v in items {
                out.push_str(&format!("\n{pad}-"));
                yaml_child(v, indent, out);
            }
        }
        scalar => out.push_str(&format!(" {scalar}")),
    }
}

fn yaml_child(v: &Value, indent: usize, out: &mut String) {
    match v {
        Value::Object(m) if !m.is_empty() => yaml(v, indent + 2, out),
        Value::Array(a) if !a.is_empty() => yaml(v, indent + 2, out),
        Value::Object(_) => out.push_str(" {}"),
        Value::Array(_) => out.push_str(" []"),
        scalar => out.push_str(&format!(" {scalar}")),
    }
}

fn to_yaml(model: &Model) -> String {
    let mut out = String::new();
    yaml(&value(model), 0, &mut out);
    out.push('\n');
    out
}

proptest! {
    #![proptest_config(config(64))]

    /// (a) Any model, however broken, builds, checks and renders.
    #[test]
    fn any_model_checks_without_panicking(model in any_model()) {
        let report = Linter::new().check_model(&model);
        let _ = human::render(&report, human::Options::new(true));
        let _ = json::to_string(&report);
        prop_assert_eq!(report.summary.entities, model.entity_count());
    }

    /// (b) Writing a model as JSON and loading it back gives the same model.
    #[test]
    fn json_round_trip(model in writable_model()) {
        let text = serde_json::to_string_pretty(&model).expect("serialises");
        let loaded = load_str(&text, Format::Json, "org.json");
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}\n{}", loaded.diagnostics, text);
        prop_assert_eq!(value(&loaded.model), value(&model), "{}", text);
    }

    /// (b) The same through YAML written by hand.
    #[test]
    fn yaml_round_trip(model in writable_model()) {
        let text = to_yaml(&model);
        let loaded = load_str(&text, Format::Yaml, "org.yaml");
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}\n{}", loaded.diagnostics, text);
        prop_assert_eq!(value(&loaded.model), value(&model), "{}", text);
    }

    /// (b) `opmodel::write` in each format, with text full of what each
    /// format must quote or escape, loads back to the same model.
    #[test]
    fn written_files_load_back_to_the_same_model(
        model in model_from(valid_id(), tricky_text()),
        format in select(vec![Format::Yaml, Format::Toml, Format::Json]),
    ) {
        let text = opmodel::write::to_string(&model, format).expect("a valid model is written");
        let loaded = load_str(&text, format, "org");
        prop_assert!(loaded.diagnostics.is_empty(), "{:#?}\n{}", loaded.diagnostics, text);
        prop_assert!(opmodel::write::same_content(&loaded.model, &model), "{}\n{:#?}", text, value(&loaded.model));
    }
}

/// Text with what YAML, TOML and JSON each treat specially: quotes, `#`,
/// `:`, brackets, backslashes, YAML's indicators and words (`yes`, `null`,
/// `- `), numbers-as-text, and characters beyond ASCII. Visible at both
/// ends, as the loader trims text.
fn tricky_text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => r##"[A-Za-z0-9'"#:&*!|>%@`{}\\\[\],é😀?-][ A-Za-z0-9'"#:&*!|>%@`{}\\\[\],é😀?-]{0,30}[A-Za-z0-9'"#:&*!|>%@`{}\\\[\],é😀?-]"##,
        1 => select(vec!["yes", "no", "null", "~", "true", "1.5", "0x10", "- a", "? b", "a: b", "#c", "2026-01-01", "NaN", ".inf"]).prop_map(str::to_owned),
    ]
    .boxed()
}

/// Splits a model's JSON into one file per section piece and writes them.
fn write_split(model: &Model, dir: &std::path::Path, order: &[usize]) -> Vec<std::path::PathBuf> {
    let v = value(model);
    let mut pieces: Vec<(String, Value)> = Vec::new();
    if let Some(org) = v.get("organization") {
        pieces.push(("organization".into(), org.clone()));
    }
    for section in ["teams", "products", "outcomes", "objectives", "decisions"] {
        if let Some(Value::Array(items)) = v.get(section) {
            for (i, item) in items.iter().enumerate() {
                pieces.push((format!("{section}-{i}"), Value::Array(vec![item.clone()])));
            }
        }
    }
    let mut paths = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        let Some((name, piece)) = pieces.get(i % pieces.len().max(1)) else {
            continue;
        };
        let section = name.split('-').next().unwrap_or("teams");
        let doc = serde_json::json!({ section: piece });
        let path = dir.join(format!("{n:03}-{name}.json"));
        std::fs::write(&path, serde_json::to_string(&doc).expect("json")).expect("written");
        paths.push(path);
    }
    paths
}

/// The model with only the first entity of each id (decisions: of each
/// `area@scope`). With duplicate ids the first definition wins, so which
/// one comes first does change the findings; that is by design.
fn unique_ids(mut m: Model) -> Model {
    let mut seen = std::collections::HashSet::new();
    m.teams.retain(|e| seen.insert(e.id.clone()));
    m.products.retain(|e| seen.insert(e.id.clone()));
    m.outcomes.retain(|e| seen.insert(e.id.clone()));
    m.objectives.retain(|e| seen.insert(e.id.clone()));
    for o in &mut m.objectives {
        o.key_results.retain(|k| seen.insert(k.id.clone()));
    }
    m.decisions.retain(|d| seen.insert(d.id()));
    m
}

fn stripped_output(paths: &[std::path::PathBuf]) -> String {
    let loaded = load_paths(paths, &LoadOptions::default()).expect("loads");
    let mut model = loaded.model;
    // Locations and file names depend on the split; strip them.
    model.sources = Default::default();
    let stripped: Model = serde_json::from_value::<Value>(value(&model))
        .map(|_| model)
        .expect("json");
    let linter = Linter::new();
    let mut report = linter.check_model(&without_locations(stripped));
    report.sources = Default::default();
    json::to_string(&report)
}

fn without_locations(mut m: Model) -> Model {
    m.organization.location = None;
    m.teams.iter_mut().for_each(|e| e.location = None);
    m.products.iter_mut().for_each(|e| e.location = None);
    m.outcomes.iter_mut().for_each(|e| e.location = None);
    m.decisions.iter_mut().for_each(|e| e.location = None);
    for o in &mut m.objectives {
        o.location = None;
        o.key_results.iter_mut().for_each(|k| k.location = None);
    }
    let clear =
        |refs: &mut opmodel::model::RefList| refs.iter_mut().for_each(|r| r.set_location(None));
    for t in &mut m.teams {
        clear(&mut t.owns);
        t.parent.iter_mut().for_each(|r| r.set_location(None));
    }
    for p in &mut m.products {
        clear(&mut p.owner);
        clear(&mut p.contributors);
        clear(&mut p.outcomes);
        p.part_of.iter_mut().for_each(|r| r.set_location(None));
    }
    for o in &mut m.outcomes {
        clear(&mut o.supports);
        o.owner.iter_mut().for_each(|r| r.set_location(None));
    }
    for o in &mut m.objectives {
        clear(&mut o.supports);
        o.owner.iter_mut().for_each(|r| r.set_location(None));
    }
    for d in &mut m.decisions {
        d.scope.set_location(None);
        clear(&mut d.decides);
        clear(&mut d.recommends);
        clear(&mut d.agrees);
        clear(&mut d.consulted);
        clear(&mut d.informed);
        d.escalates_to.iter_mut().for_each(|r| r.set_location(None));
    }
    m
}

proptest! {
    #![proptest_config(config(24))]

    /// (c) Shuffling the files and the entities in them gives byte-identical
    /// JSON output once locations are stripped.
    #[test]
    fn order_of_files_and_entities_does_not_matter(
        model in writable_model().prop_map(unique_ids),
        seed in any::<u64>(),
    ) {
        let count = value(&model).as_object().map_or(0, |o| {
            o.values().map(|v| v.as_array().map_or(1, Vec::len)).sum::<usize>()
        });
        let forward: Vec<usize> = (0..count).collect();
        let mut shuffled = forward.clone();
        // A Fisher-Yates shuffle driven by the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let base = std::env::temp_dir().join(format!("opmodel-props-{}-{seed}", std::process::id()));
        let (a, b) = (base.join("a"), base.join("b"));
        std::fs::create_dir_all(&a).expect("folder");
        std::fs::create_dir_all(&b).expect("folder");
        let first = write_split(&model, &a, &forward);
        let second = write_split(&model, &b, &shuffled);
        if !first.is_empty() {
            let one = stripped_output(&first);
            let mut reversed = second.clone();
            reversed.reverse();
            let two = stripped_output(&reversed);
            prop_assert_eq!(one, two);
        }
        let _ = std::fs::remove_dir_all(&base);
    }
}

/// YAML-ish text: the characters that matter to YAML, and org words.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        select(vec![
            "teams:",
            "products:",
            "outcomes:",
            "objectives:",
            "decisions:",
            "version: 1",
            "- id: ",
            "id:",
            "owner:",
            "owns: [",
            "]",
            "{",
            "}",
            "&a ",
            "*a",
            "\"",
            "'",
            ": ",
            "- ",
            "\n",
            "\n  ",
            "\n    ",
            "\t",
            "#",
            ",",
            "|",
            ">",
            "1e400",
            "99999999999999999999",
            "é",
            "\u{1b}",
            "\r\n",
            "key_results:",
            "statement: x",
            "---",
        ])
        .prop_map(str::to_owned),
        "[a-z0-9 -]{1,6}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(token, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(config(256))]

    /// (d) Every diagnostic's location lies inside its file: the line exists
    /// (or is 0, unknown) and the column is at most one past its end.
    #[test]
    fn locations_point_inside_the_file(text in yamlish(), format in select(vec![Format::Yaml, Format::Json, Format::Toml])) {
        let loaded = load_str(&text, format, "org");
        let report = Linter::new().check(&loaded);
        // The file as opmodel keeps it (and shows it in snippets).
        let (_, file) = report.sources.iter().next().expect("the file");
        let lines: Vec<&str> = file.text().split('\n').collect();
        let all = report.diagnostics.iter().flat_map(|d| {
            d.location.into_iter()
                .chain(d.focus.iter().map(|f| f.location))
                .chain(d.labels.iter().map(|l| l.location))
        });
        for loc in all {
            if loc.line == 0 {
                continue;
            }
            prop_assert!((loc.line as usize) <= lines.len(), "line {} of {} in {:?}", loc.line, lines.len(), text);
            let line = lines[loc.line as usize - 1].strip_suffix('\r').unwrap_or(lines[loc.line as usize - 1]);
            let width = line.chars().count() + 1;
            // A CR before the line break still counts as a character.
            let width = width + usize::from(lines[loc.line as usize - 1].ends_with('\r'));
            prop_assert!((loc.column as usize) <= width, "column {} past {} on line {} of {:?}", loc.column, width, loc.line, text);
        }
    }
}
