//! The fast path against the general one: whenever the fast path reads a
//! file, the general path must find nothing wrong with it and build the same
//! model, locations included. Inputs are every org in the repository (as
//! written, and rewritten as pretty and one-line JSON), a synthetic org, and
//! thousands of single-token mutations of them.

use std::path::{Path, PathBuf};

use super::read;
use crate::diagnostic::Diagnostic;
use crate::load::{LoadOptions, json, lower};
use crate::model::Model;
use crate::source::FileId;

fn general(text: &str, options: &LoadOptions) -> (Model, Vec<Diagnostic>) {
    let mut model = Model::default();
    let mut diags = Vec::new();
    match json::parse(text, &options.parse_limits()) {
        Ok(root) => lower::lower(
            root,
            FileId::at(0),
            "t.json",
            options,
            &mut model,
            &mut diags,
        ),
        Err(e) => diags.push(Diagnostic::new(
            "invalid-file",
            crate::model::EntityRef::new(crate::model::EntityKind::File, "t.json"),
            e.message,
        )),
    }
    (model, diags)
}

/// Whether the fast path took `text`; panics when it disagrees with the
/// general path. The split reader (several cores) runs too, in units of two
/// entities so that every file is cut many times. It reads on its own, the
/// general way, each entity the fast path does not take, so it may take
/// files the single pass refuses: whatever it takes, it must build the
/// model and report the problems the general path does.
fn agree(text: &str, options: &LoadOptions) -> bool {
    let split = super::split::read(text, FileId::at(0), "t.json", options, 2, 3);
    let (slow, diags) = general(text, options);
    let same_model = |model: &Model, who: &str| {
        assert_eq!(model.organization, slow.organization, "{who}: {text}");
        assert_eq!(model.sources.len(), 0);
        assert_eq!(model.teams, slow.teams, "{who}: {text}");
        assert_eq!(model.products, slow.products, "{who}: {text}");
        assert_eq!(model.outcomes, slow.outcomes, "{who}: {text}");
        for (a, b) in model.objectives.iter().zip(&slow.objectives) {
            assert_eq!(a.location, b.location, "{who}: objective {}", a.id);
            for (x, y) in a.key_results.iter().zip(&b.key_results) {
                assert_eq!(x.location, y.location, "{who}: kr {}", x.id);
            }
        }
        assert_eq!(model.objectives, slow.objectives, "{who}: {text}");
        assert_eq!(model.decisions, slow.decisions, "{who}: {text}");
        assert_eq!(model.people, slow.people, "{who}: {text}");
        assert_eq!(model.lifecycle, slow.lifecycle, "{who}: {text}");
        assert_eq!(model.cadences, slow.cadences, "{who}: {text}");
    };
    if let Some((model, problems)) = &split {
        same_model(model, "split");
        assert_eq!(problems, &diags, "split reader's problems:\n{text}");
    }
    // Read in pieces: blocks of 7 bytes cut every token, string and escape
    // somewhere, and units of two entities are copied out of them.
    let streamed = super::stream::read(
        &mut text.as_bytes(),
        FileId::at(0),
        "t.json",
        options,
        2,
        3,
        7,
    );
    if let Some((model, problems)) = &streamed {
        same_model(model, "streamed");
        assert_eq!(problems, &diags, "streamed reader's problems:\n{text}");
    }
    assert_eq!(
        streamed.is_some(),
        split.is_some(),
        "the streamed and split readers disagree on taking:\n{text}"
    );
    let Some((fast, problems)) = read(text, FileId::at(0), "t.json", options) else {
        return false;
    };
    assert_eq!(problems, diags, "the fast path's problems:\n{text}");
    // Stricter only at the entity limit.
    assert!(
        split.is_some() || options.max_entities < 1000,
        "the split reader refused what the fast path took:\n{text}"
    );
    same_model(&fast, "fast path");
    true
}

/// The org files under `dir`, as a folder load finds them.
fn org_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut diagnostics = Vec::new();
    let mut sources = crate::source::Sources::default();
    let files = crate::load::model_files(dir, &mut diagnostics, &mut sources).expect("lists");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    out.extend(files);
}

/// Every org of the repository as JSON: the JSON files as written, and
/// every file that loads cleanly rewritten pretty and on one line, with a
/// non-ASCII name in front so columns count characters, not bytes.
fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    org_files(&root.join("examples"), &mut files);
    org_files(&root.join("tests/fixtures"), &mut files);
    let mut out = Vec::new();
    for path in files {
        if path.extension().is_some_and(|e| e == "json")
            && let Ok(text) = std::fs::read_to_string(&path)
        {
            out.push(text);
        }
        let Ok(loaded) = crate::load::load_paths(&[&path], &LoadOptions::default()) else {
            continue;
        };
        if !loaded.diagnostics.is_empty() {
            continue;
        }
        let mut value = serde_json::to_value(&loaded.model).expect("serialises");
        if let Some(org) = value.as_object_mut() {
            org.insert("version".into(), 1.into());
            org.insert(
                "organization".into(),
                serde_json::json!({ "name": "Zoë’s “Ünïcode” Org" }),
            );
        }
        out.push(serde_json::to_string_pretty(&value).expect("serialises"));
        out.push(serde_json::to_string(&value).expect("serialises"));
    }
    #[cfg(feature = "synth")]
    {
        let synthetic = crate::synth::generate(&crate::synth::Spec {
            teams: 120,
            seed: 3,
            ..crate::synth::Spec::default()
        });
        let mut bytes = Vec::new();
        synthetic.write_json(&mut bytes).expect("written");
        out.push(String::from_utf8(bytes).expect("UTF-8"));
    }
    out
}

#[test]
fn clean_files_take_the_fast_path_and_agree() {
    let corpus = corpus();
    assert!(corpus.len() >= 10, "only {} inputs", corpus.len());
    let options = LoadOptions::default();
    let taken = corpus.iter().filter(|t| agree(t, &options)).count();
    // The rewritten files are clean by construction: all of them must go fast.
    assert!(
        taken * 2 >= corpus.len(),
        "the fast path took only {taken} of {} inputs",
        corpus.len()
    );
}

/// Byte ranges of the string tokens of a JSON text.
fn string_tokens(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i;
            i += 1;
            while i < bytes.len() && bytes[i] != b'"' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            out.push((start, (i + 1).min(bytes.len())));
        }
        i += 1;
    }
    out
}

const REPLACEMENTS: &[&str] = &[
    "42",
    "-7.5e3",
    "1e400",
    "18446744073709551616",
    "null",
    "true",
    "[]",
    "{}",
    "[\"a\", 1]",
    "[\"web-player\"]",
    "[\"a\", \"b\"]",
    "\"\"",
    "\"   \"",
    "\"Bad Id\"",
    "\"web\\u002dplayer\"",
    "\"unit\"",
    "\"budget-allocation\"",
    "\"1\"",
    "\"x\" , \"extra\": 1",
    "\"x\" , \"id\": \"again\"",
];

#[test]
fn mutated_files_either_go_the_general_way_or_agree() {
    let options = LoadOptions::default();
    let mut taken = 0usize;
    let mut tried = 0usize;
    for base in corpus().iter().filter(|t| t.len() < 200_000) {
        let tokens = string_tokens(base);
        // Every token of small files, a spread of the larger ones.
        let step = (tokens.len() / 150).max(1);
        for (n, &(start, end)) in tokens.iter().enumerate().step_by(step) {
            let replacement = REPLACEMENTS[n % REPLACEMENTS.len()];
            let mut text = String::with_capacity(base.len() + replacement.len());
            text.push_str(&base[..start]);
            text.push_str(replacement);
            text.push_str(&base[end..]);
            tried += 1;
            taken += usize::from(agree(&text, &options));
        }
    }
    assert!(tried > 1000, "only {tried} mutations");
    // Many mutations leave a valid file (a name becomes another name), so the
    // fast path must still be doing real work here.
    assert!(taken > 0 && taken < tried, "{taken} of {tried} went fast");
}

#[test]
fn limits_are_reported_as_the_general_path_reports_them() {
    let text = r#"{"teams": [{"id": "a", "name": "0123456789"}, {"id": "b"}]}"#;
    let default = LoadOptions::default();
    assert!(agree(text, &default));
    // Past a limit of one entity, the entity goes the general way on its
    // own and is reported as the general path reports it.
    for options in [
        LoadOptions {
            max_text_len: 5,
            ..LoadOptions::default()
        },
        LoadOptions {
            max_id_len: 0,
            ..LoadOptions::default()
        },
    ] {
        assert!(agree(text, &options), "{options:?}");
        let (_, problems) = read(text, FileId::at(0), "t.json", &options).expect("taken");
        assert!(!problems.is_empty(), "{options:?}");
    }
    // Limits of the whole file send it the general way.
    for options in [
        LoadOptions {
            max_entities: 1,
            ..LoadOptions::default()
        },
        LoadOptions {
            max_depth: 3,
            ..LoadOptions::default()
        },
    ] {
        assert!(!agree(text, &options), "{options:?}");
        assert!(
            read(text, FileId::at(0), "t.json", &options).is_none(),
            "{options:?}"
        );
    }
}

#[test]
fn positions_on_one_long_line_count_characters() {
    let text =
        r#"{"teams": [{"name": "Ünïcödé", "id": "a", "owns": "p"}, {"id": "b", "parent": "a"}]}"#;
    let (model, _) = read(text, FileId::at(0), "t.json", &LoadOptions::default()).expect("fast");
    let owns = model.teams[0].owns[0].location().expect("located");
    let column = text.find("\"p\"").expect("there") + 1;
    // Four two-byte characters before it: four columns fewer than bytes.
    assert_eq!((owns.line, owns.column as usize), (1, column - 4));
    assert!(agree(text, &LoadOptions::default()));
}

#[test]
fn lists_are_read_at_their_exact_length() {
    let text = r#"{
      "teams": [{"id": "a", "owns": ["p"], "members": [{"name": "Ann", "role": "engineer"}]}],
      "products": [{"id": "p", "owner": "a", "outcomes": ["o", "q"], "contributors": "a"}],
      "outcomes": [{"id": "o", "statement": "Listeners stay"}, {"id": "q", "statement": "Listeners share"}],
      "objectives": [{"id": "x", "title": "Grow", "supports": ["o"],
                      "key_results": ["Raise retention from 3% to 4%", "Cut churn from 9% to 7%", "Ship it"]}],
      "decisions": [{"area": "budget-allocation", "scope": "p", "decides": "a", "consulted": ["a"]}]
    }"#;
    let (model, _) = read(text, FileId::at(0), "t.json", &LoadOptions::default())
        .expect("the fast path reads it");
    let exact = |what: &str, len: usize, capacity: usize| {
        assert!(len > 0, "{what} was read");
        assert_eq!(capacity, len, "{what} keeps no spare room");
    };
    // Lists of references are `RefList`s, which hold no spare room.
    let team = &model.teams[0];
    exact("members", team.members.len(), team.members.capacity());
    let objective = &model.objectives[0];
    exact(
        "key results",
        objective.key_results.len(),
        objective.key_results.capacity(),
    );
    assert_eq!(model.products[0].outcomes.len(), 2);
}

#[test]
fn the_split_reader_reads_odd_entities_the_general_way_and_reports_them_alike() {
    let text = r#"{"organization": {"name": "Zoë"}, "teams": [{"id": "ä-team"}, {"id": "a", "nmae": "typo"},
      {"id": "b",
       "owns": 7},
      "not a table", {"id": "c", "owns": ["p"]}],
      "products": [{"id": "p", "owner": "a"}, {"name": "no id"}, {"id": "q", "owner": ["a", "b"]}],
      "objectives": [{"id": "x", "title": "Grow", "key_results": ["Ship it", {"txt": "typo"}]}],
      "decisions": [{"area": "budget-allocation", "scope": "p", "decides": "a", "escalates_to": 3}]
    }"#;
    for limit in [1000, 3, 1] {
        let options = LoadOptions {
            max_problems_per_file: limit,
            ..LoadOptions::default()
        };
        let (model, problems) = super::split::read(text, FileId::at(0), "t.json", &options, 2, 3)
            .expect("the split reader takes it");
        let (slow, diags) = general(text, &options);
        assert!(diags.len() >= 2, "{diags:#?}");
        assert_eq!(problems, diags, "limit {limit}");
        assert_eq!(model.teams, slow.teams);
        assert_eq!(model.products, slow.products);
        assert_eq!(model.objectives, slow.objectives);
        assert_eq!(model.decisions, slow.decisions);
        // A small file takes the same way, on one thread.
        let (small, small_problems) =
            read(text, FileId::at(0), "t.json", &options).expect("the fast path takes it");
        assert_eq!(small_problems, diags, "limit {limit}");
        assert_eq!(small.teams, slow.teams);
    }
}

#[test]
fn the_whole_operating_model_document_takes_the_fast_path() {
    let options = LoadOptions::default();
    let good = r#"{
      "teams": [
        {"id": "a", "members": [{"name": "Ana", "role": "pm", "person": "ana"}],
         "interactions": [{"with": "b", "mode": "collaboration", "until": "2026-Q4"},
                          {"with": "b", "mode": "x-as-a-service"}]},
        {"id": "b", "kind": "platform", "interactions": null}
      ],
      "products": [{"id": "p", "owner": "a", "stage": "growth"}],
      "people": [
        {"id": "ana", "name": "Ana", "allocations": [{"team": "a", "share": 0.6, "role": "pm"}, {"team": "b", "share": 0.4}]},
        {"id": "bo"}
      ],
      "lifecycle": [{"id": "discovery", "lead": "product-manager"}, {"id": "growth", "name": "Growth"}],
      "cadences": [
        {"id": "qbr", "kind": "review", "every": "quarter", "covers": ["objectives", "budget-allocation"], "owner": "a", "attendees": ["b"]},
        {"id": "plan", "kind": "planning", "every": "2 weeks", "covers": "outcomes"}
      ]
    }"#;
    assert!(agree(good, &options), "the fast path refused a sound file");
    // Each problem goes the general way, with the same findings.
    for bad in [
        r#"{"people": [{"id": "ana", "allocations": [{"team": "a", "share": 1.5}]}]}"#,
        r#"{"people": [{"id": "ana", "allocations": [{"team": "a", "share": 0}]}]}"#,
        r#"{"people": [{"id": "ana", "allocations": [{"team": "a"}]}]}"#,
        r#"{"people": [{"id": "ana", "allocations": [{"share": 0.5}]}]}"#,
        r#"{"teams": [{"id": "a", "interactions": [{"with": "b", "mode": "partnership"}]}]}"#,
        r#"{"teams": [{"id": "a", "interactions": [{"with": "b"}]}]}"#,
        r#"{"teams": [{"id": "a", "interactions": [{"mode": "collaboration", "x": 1}]}]}"#,
        r#"{"cadences": [{"id": "c", "kind": "review", "every": "quarterly", "covers": ["objectives"]}]}"#,
        r#"{"cadences": [{"id": "c", "kind": "retro", "every": "quarter", "covers": ["objectives"]}]}"#,
        r#"{"cadences": [{"id": "c", "every": "quarter"}]}"#,
        r#"{"cadences": [{"id": "c", "kind": "review", "every": "quarter", "covers": [3, ""]}]}"#,
        r#"{"lifecycle": [{"id": "s", "lead": 3, "extra": true}]}"#,
    ] {
        let (_, diags) = general(bad, &options);
        assert!(
            diags.iter().any(|d| d.check == "invalid-entity"),
            "no invalid-entity for {bad}: {diags:#?}"
        );
        agree(bad, &options);
    }
    // A share written as text is read as the general path reads it: its
    // value is used, and the quotes are reported.
    let text_share =
        r#"{"people": [{"id": "ana", "allocations": [{"team": "a", "share": "0.5"}]}]}"#;
    agree(text_share, &options);
    let (model, diags) = general(text_share, &options);
    assert_eq!(model.people[0].allocations[0].share, 0.5);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].check, "invalid-entity");
    assert!(
        diags[0].message.contains(r#"found the text "0.5""#),
        "{}",
        diags[0].message
    );
}
