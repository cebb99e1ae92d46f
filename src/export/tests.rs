use std::collections::HashSet;

use super::mermaid::{text, unique};
use super::*;
use crate::Linter;
use crate::model::{
    DecisionArea, DecisionRight, KeyResult, Model, Objective, Outcome, Product, Team,
};

fn draw(model: &Model, options: &ExportOptions) -> (String, String) {
    let report = Linter::new().check_model(model);
    let graph = OrgGraph::build(model);
    let dot = dot(&graph, &report, options).expect("draws");
    let mermaid = mermaid(&graph, &report, options).expect("draws");
    (dot, mermaid)
}

fn streaming() -> Model {
    Model::builder()
        .organization("Acme Music")
        .team(Team::new("music").kind(TeamKind::Unit))
        .team(
            Team::new("playback")
                .name("Playback")
                .parent("music")
                .owns("web-player"),
        )
        .team(Team::new("search").parent("music").owns("web-player"))
        .team(Team::new("finance").kind(TeamKind::Business))
        .product(Product::new("web-player").outcome("listening-time"))
        .product(Product::new("gift-cards"))
        .outcome(Outcome::new(
            "listening-time",
            "Listeners spend more time with music",
        ))
        .objective(
            Objective::new("okr-q3", "Listeners love it")
                .owner("playback")
                .supports("listening-time")
                .with_key_result(KeyResult::new("okr-q3.1", "Launch the new player")),
        )
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "organization").decides("finance"),
        )
        .decision(DecisionRight::new(DecisionArea::VendorSelection, "music"))
        .build()
}

/// The DOT node ids, in order.
fn dot_nodes(dot: &str) -> Vec<String> {
    dot.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"') && !l.contains(" -> ") && !l.starts_with("\"opmodel legend"))
        .map(|l| l[1..].split("\" [").next().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn dot_quotes_and_escapes() {
    assert_eq!(dot::quote("plain"), "\"plain\"");
    assert_eq!(dot::quote("say \"hi\""), "\"say \\\"hi\\\"\"");
    assert_eq!(dot::quote("C:\\path\\"), "\"C:\\\\path\\\\\"");
    assert_eq!(dot::quote("two\nlines"), "\"two\\nlines\"");
    assert_eq!(dot::quote("tab\there\u{7}"), "\"tab here \"");
    assert_eq!(dot::quote("Zoë → 音楽"), "\"Zoë → 音楽\"");
}

#[test]
fn mermaid_text_is_escaped() {
    assert_eq!(text("say \"hi\""), "say #quot;hi#quot;");
    assert_eq!(
        text("a <b> & c # d | e `f`"),
        "a #lt;b#gt; #amp; c #35; d #124; e #96;f#96;"
    );
    assert_eq!(text("Zoë\n音楽"), "Zoë 音楽");
    assert_eq!(text("100% C:\\x"), "100#37; C:#92;x");
}

#[test]
fn mermaid_ids_are_sanitised_without_collisions() {
    let mut used = UniqueNames::default();
    let a = unique(&mut used, "Team_", "a-b");
    let b = unique(&mut used, "Team_", "a.b");
    let c = unique(&mut used, "Team_", "a_b_2");
    let d = unique(&mut used, "Team_", "a_b");
    let e = unique(&mut used, "Team_", "ünï");
    assert_eq!(a, "Team_a_b");
    assert_eq!(b, "Team_a_b_2");
    // `a_b_2` is taken by the second id: it moves on.
    assert_eq!(c, "Team_a_b_2_2");
    assert_eq!(d, "Team_a_b_3");
    assert_eq!(e, "Team__n_");
    for id in [a, b, c, d, e] {
        assert!(
            id.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_'),
            "{id}"
        );
    }
}

#[test]
fn shapes_clusters_edges_and_findings() {
    let (dot, mermaid) = draw(&streaming(), &ExportOptions::default());
    assert!(dot.starts_with("digraph \"opmodel\" {\n"));
    assert!(dot.contains("subgraph \"cluster_music\" {"));
    assert!(dot.contains("\"playback\" [label=\"Playback\\nplayback\", shape=box"));
    assert!(dot.contains("shape=component"));
    let outcome = dot
        .lines()
        .find(|l| l.contains("\"listening-time\" ["))
        .expect("drawn");
    assert!(
        outcome.contains("[label=\"listening-time\\nListeners spend more time with\\nmusic\\n")
            && outcome.contains("shape=hexagon"),
        "{outcome}"
    );
    assert!(dot.contains("shape=note"));
    assert!(dot.contains("\"playback\" -> \"web-player\" [label=\"owns\""));
    assert!(dot.contains("\"web-player\" -> \"listening-time\" [label=\"serves\""));
    assert!(dot.contains("\"okr-q3\" -> \"listening-time\" [label=\"supports\""));
    assert!(dot.contains("\"finance\" -> \"organization\" [label=\"decides budget-allocation\""));
    // A decision right nobody decides is a node of its own.
    assert!(dot.contains(
        "\"vendor-selection@music\" [label=\"vendor-selection\\n@ music\\nnobody decides\\nerror: missing-decider\""
    ));
    // Errors red with the messages as tooltip, warnings amber.
    let web_player = dot
        .lines()
        .find(|l| l.contains("\"web-player\" ["))
        .expect("drawn");
    assert!(
        web_player.contains("fillcolor=\"#ffcdd2\"")
            && web_player.contains("tooltip=\"error[unclear-ownership]"),
        "{web_player}"
    );
    assert!(
        web_player.contains("\\nwarning[missing-decision-right]"),
        "errors come first: {web_player}"
    );
    let gift_cards = dot
        .lines()
        .find(|l| l.contains("\"gift-cards\" ["))
        .expect("drawn");
    assert!(
        gift_cards.contains("error[orphaned-product]"),
        "{gift_cards}"
    );
    assert!(
        gift_cards.contains("warning[unaligned-product]"),
        "{gift_cards}"
    );

    assert!(mermaid.starts_with("flowchart LR\n"));
    assert!(mermaid.contains("subgraph Unit_music [\"music\"]"));
    assert!(mermaid.contains("Team_playback[\"Playback<br/>playback\"]"));
    assert!(mermaid.contains("Team_playback -->|\"owns\"| Product_web_player"));
    assert!(mermaid.contains("Team_finance ==>|\"decides budget-allocation\"| Org_organization"));
    assert!(mermaid.contains("classDef error "));
    assert!(mermaid.contains("classDef warning "));
    let error_line = mermaid
        .lines()
        .find(|l| l.trim_start().starts_with("class ") && l.ends_with(" error"))
        .expect("errors");
    assert!(
        error_line.contains("Product_web_player") && error_line.contains("Product_gift_cards"),
        "{error_line}"
    );
}

#[test]
fn key_results_are_optional() {
    let (dot, _) = draw(&streaming(), &ExportOptions::default());
    assert!(!dot.contains("\"okr-q3.1\""));
    assert!(dot.contains("\\n1 key result"));
    let (dot, mermaid) = draw(
        &streaming(),
        &ExportOptions::default().with_key_results(true),
    );
    assert!(dot.contains("\"okr-q3.1\" -> \"okr-q3\" [label=\"part of\""));
    assert!(mermaid.contains("KeyResult_okr_q3_1 -.->|\"part of\"| Objective_okr_q3"));
}

#[test]
fn output_is_deterministic() {
    let model = streaming();
    let a = draw(&model, &ExportOptions::default());
    let b = draw(&model, &ExportOptions::default());
    assert_eq!(a, b);
    let focus = ExportOptions::default().with_focus("playback", 1);
    assert_eq!(draw(&model, &focus), draw(&model, &focus));
}

#[test]
fn focus_keeps_the_neighbourhood() {
    let model = streaming();
    let (dot, _) = draw(&model, &ExportOptions::default().with_focus("playback", 0));
    assert_eq!(dot_nodes(&dot), ["playback"]);

    let (dot, _) = draw(&model, &ExportOptions::default().with_focus("playback", 1));
    let nodes = dot_nodes(&dot);
    // The unit it sits in, the product it owns, the objective it owns.
    assert_eq!(nodes, ["music", "playback", "web-player", "okr-q3"]);
    assert!(dot.contains("subgraph \"cluster_music\""));

    let (dot, mermaid) = draw(&model, &ExportOptions::default().with_focus("playback", 2));
    let nodes = dot_nodes(&dot);
    for id in ["search", "listening-time", "vendor-selection@music"] {
        assert!(nodes.iter().any(|n| n == id), "{id} missing from {nodes:?}");
    }
    assert!(!nodes.iter().any(|n| n == "finance"), "{nodes:?}");
    assert!(!mermaid.contains("Team_finance"));

    // A hidden key result stands for its objective.
    let (dot, _) = draw(&model, &ExportOptions::default().with_focus("okr-q3.1", 0));
    assert_eq!(dot_nodes(&dot), ["okr-q3"]);
    // The organisation can be the focus.
    let (dot, _) = draw(
        &model,
        &ExportOptions::default().with_focus("organization", 1),
    );
    assert_eq!(dot_nodes(&dot), ["finance", "organization"]);
}

#[test]
fn unknown_focus_suggests_an_id() {
    let model = streaming();
    let report = Linter::new().check_model(&model);
    let graph = OrgGraph::build(&model);
    let err = dot(
        &graph,
        &report,
        &ExportOptions::default().with_focus("playbak", 1),
    );
    assert_eq!(
        err,
        Err(ExportError::UnknownFocus {
            id: "playbak".into(),
            suggestion: Some("playback".into())
        })
    );
    let err = mermaid(
        &graph,
        &report,
        &ExportOptions::default().with_focus("zzzzzzzz", 1),
    );
    assert!(matches!(
        err,
        Err(ExportError::UnknownFocus {
            suggestion: None,
            ..
        })
    ));
}

#[test]
fn a_focus_on_what_is_not_drawn_says_what_it_is() {
    let yaml = "teams:\n  - { id: web }\npeople:\n  - { id: hana, allocations: [{ team: web, share: 1 }] }\nlifecycle:\n  - { id: growth, lead: web }\ncadences:\n  - { id: qbr, kind: review, every: quarter, covers: [objectives] }\n";
    let loaded = crate::load::load_str(yaml, crate::load::Format::Yaml, "org.yaml");
    let report = Linter::new().check(&loaded);
    let graph = OrgGraph::build(&loaded.model);
    for (id, kind) in [
        ("hana", crate::model::EntityKind::Person),
        ("growth", crate::model::EntityKind::Stage),
        ("qbr", crate::model::EntityKind::Cadence),
    ] {
        let err = dot(&graph, &report, &ExportOptions::default().with_focus(id, 1));
        assert_eq!(
            err,
            Err(ExportError::NotDrawn {
                id: id.into(),
                kind
            })
        );
    }
    let shown = ExportError::NotDrawn {
        id: "hana".into(),
        kind: crate::model::EntityKind::Person,
    }
    .to_string();
    assert!(
        shown.starts_with("`hana` is a person, which the picture does not draw"),
        "{shown}"
    );
    // A team is drawn.
    assert!(
        dot(
            &graph,
            &report,
            &ExportOptions::default().with_focus("web", 1)
        )
        .is_ok()
    );
}

#[test]
fn every_team_appears_whatever_the_hierarchy() {
    let model = Model::builder()
        // A parent loop, a dangling parent, a duplicate id and a parent that is not a unit.
        .team(Team::new("a").parent("b"))
        .team(Team::new("b").parent("a"))
        .team(Team::new("lost").parent("nowhere"))
        .team(Team::new("twin"))
        .team(Team::new("twin").kind(TeamKind::Platform))
        .team(Team::new("lead").kind(TeamKind::Leadership))
        .team(Team::new("squad").parent("lead"))
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    let nodes = dot_nodes(&dot);
    for id in ["a", "b", "lost", "twin", "twin#2", "lead", "squad"] {
        assert_eq!(
            nodes.iter().filter(|n| *n == id).count(),
            1,
            "{id} in {nodes:?}"
        );
    }
    assert!(dot.contains("subgraph \"cluster_lead\""));
    assert_eq!(dot.matches('{').count(), dot.matches('}').count());
    for id in [
        "Team_a[",
        "Team_b[",
        "Team_lost[",
        "Team_twin[",
        "Team_twin_2[",
        "Team_lead[",
        "Team_squad[",
    ] {
        assert!(mermaid.contains(id), "{id} missing:\n{mermaid}");
    }
    assert_eq!(
        mermaid.matches("subgraph ").count(),
        mermaid.lines().filter(|l| l.trim() == "end").count()
    );
}

#[test]
fn deep_hierarchies_do_not_overflow() {
    let mut b = Model::builder().team(Team::new("t0").kind(TeamKind::Unit));
    for i in 1..3000 {
        b = b.team(
            Team::new(format!("t{i}"))
                .kind(TeamKind::Unit)
                .parent(format!("t{}", i - 1)),
        );
    }
    let model = b.build();
    let graph = OrgGraph::build(&model);
    let report = Report::default();
    let dot = dot(&graph, &report, &ExportOptions::default()).expect("draws");
    let mermaid = mermaid(&graph, &report, &ExportOptions::default()).expect("draws");
    // Every unit, and the legend.
    assert_eq!(dot.matches("subgraph ").count(), 3001);
    assert_eq!(mermaid.matches("subgraph ").count(), 3001);
}

#[test]
fn an_empty_model_draws() {
    let (dot, mermaid) = draw(&Model::new(), &ExportOptions::default());
    assert!(dot.starts_with("digraph") && dot.ends_with("}\n"));
    assert!(dot_nodes(&dot).is_empty());
    assert!(mermaid.starts_with("flowchart LR\n"));
}

/// Ids and texts that need escaping (the builder does not check ids).
fn hostile() -> Model {
    Model::builder()
        .organization("Quote \" and back\\slash\nnew line")
        .team(
            Team::new("unit \"x\"")
                .kind(TeamKind::Unit)
                .name("Ünït\\ \"one\"\n<b>&amp;</b>"),
        )
        .team(
            Team::new("t.1-a")
                .parent("unit \"x\"")
                .owns("p\\")
                .name("end"),
        )
        .team(Team::new("t\\").owns("p\\"))
        .team(Team::new("subgraph"))
        .product(
            Product::new("p\\")
                .name("graph { node } -> edge;")
                .outcome("o#1"),
        )
        .outcome(Outcome::new(
            "o#1",
            "Zoë's \"fans\" 音楽 | pipes `ticks` %% comment\r\n\ttabs",
        ))
        .decision(
            DecisionRight::new(DecisionArea::Custom("odd \"area\"|x".into()), "p\\").decides("t\\"),
        )
        .build()
}

#[test]
fn hostile_text_stays_inside_its_strings() {
    let (dot, mermaid) = draw(&hostile(), &ExportOptions::default());
    // Every quote in DOT is either escaped or delimits a string: an even count of bare quotes per line.
    for line in dot.lines() {
        let bare = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(bare.matches('"').count() % 2, 0, "{line}");
    }
    assert!(dot.contains("\"unit \\\"x\\\"\""));
    assert!(dot.contains("\"p\\\\\""));
    assert!(dot.contains("decides odd \\\"area\\\"|x"));
    // Mermaid: only the label delimiters are quotes; ids are plain.
    for line in mermaid
        .lines()
        .filter(|l| !l.trim_start().starts_with("%%"))
    {
        assert!(line.matches('"').count() % 2 == 0, "{line}");
    }
    assert!(
        mermaid.contains("Outcome_o_1{{\"o#35;1<br/>Zoë's #quot;fans#quot; 音楽 #124; pipes<br/>#96;ticks#96; #37;#37; comment tabs<br/>"),
        "{mermaid}"
    );
    let product = mermaid
        .lines()
        .find(|l| l.contains("Product_p_([\"graph { node } -#gt; edge;<br/>p#92;<br/>error: "))
        .unwrap_or_else(|| panic!("{mermaid}"));
    assert!(product.contains("unclear-ownership"), "{product}");
    assert!(mermaid.contains("Team_subgraph[\"subgraph<br/>"));
    render_with_graphviz(&dot);
}

#[test]
fn streaming_renders_with_graphviz() {
    let (dot, _) = draw(
        &streaming(),
        &ExportOptions::default().with_key_results(true),
    );
    render_with_graphviz(&dot);
}

/// Renders with `dot -Tsvg` when Graphviz is installed.
fn render_with_graphviz(dot: &str) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("note: Graphviz `dot` is not installed; skipping the rendering check");
        return;
    };
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("writes");
    let out = child.wait_with_output().expect("dot runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{dot}");
    assert!(!stderr.contains("syntax error"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("<svg"));
}

#[test]
fn interactions_are_drawn_in_team_topologies_notation_and_can_be_left_out() {
    use crate::model::{Interaction, InteractionMode, Person};
    let model = Model::builder()
        .team(
            Team::new("app")
                .interaction(Interaction::new("core", InteractionMode::XAsAService))
                .interaction(Interaction::new("lab", InteractionMode::Collaboration)),
        )
        .team(Team::new("core").kind(TeamKind::Platform))
        .team(Team::new("lab").interaction(Interaction::new("app", InteractionMode::Collaboration)))
        .team(
            Team::new("coach")
                .kind(TeamKind::Enabling)
                .interaction(Interaction::new("app", InteractionMode::Facilitating)),
        )
        .person(Person::new("ana"))
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    assert!(
        dot.contains("\"app\" -> \"core\" [label=\"x-as-a-service\", style=dashed"),
        "{dot}"
    );
    // Collaboration written on both teams: one solid line.
    assert_eq!(dot.matches("label=\"collaboration\"").count(), 1, "{dot}");
    assert!(
        dot.contains("label=\"collaboration\", style=solid"),
        "{dot}"
    );
    assert!(
        dot.contains("label=\"facilitating\", style=dotted"),
        "{dot}"
    );
    assert!(!dot.contains("\"ana\""), "people are not drawn: {dot}");
    assert!(mermaid.contains("-.->|\"x-as-a-service\"|"), "{mermaid}");
    assert!(mermaid.contains("<-->|\"collaboration\"|"), "{mermaid}");
    assert!(mermaid.contains("-.-|\"facilitating\"|"), "{mermaid}");
    assert_eq!(mermaid.matches("linkStyle").count(), 2, "{mermaid}");
    let (dot, mermaid) = draw(&model, &ExportOptions::default().with_interactions(false));
    for text in [&dot, &mermaid] {
        assert!(!text.contains("collaboration"), "{text}");
        assert!(!text.contains("x-as-a-service"), "{text}");
        assert!(!text.contains("facilitating"), "{text}");
    }
}

/// The label of a DOT node, as written (escapes kept).
fn dot_label<'a>(dot: &'a str, key: &str) -> &'a str {
    let line = dot
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("\"{key}\" [")))
        .unwrap_or_else(|| panic!("no node {key} in\n{dot}"));
    let start = line.find("label=\"").expect("a label") + 7;
    let end = line[start..].find("\", ").expect("closed") + start;
    &line[start..end]
}

#[test]
fn the_check_names_are_written_on_the_boxes_and_edges_they_colour() {
    let (dot, mermaid) = draw(&streaming(), &ExportOptions::default());
    // A PNG has no tooltips: the reason is on the box.
    let gift_cards = dot_label(&dot, "gift-cards");
    assert!(
        gift_cards.starts_with("gift-cards\\nerror: orphaned-product\\nwarning: "),
        "{gift_cards}"
    );
    assert!(gift_cards.contains("unaligned-product"), "{gift_cards}");
    assert!(dot_label(&dot, "web-player").contains("\\nerror: unclear-ownership"));
    // A box without findings names none.
    assert!(!dot_label(&dot, "playback").contains("error"));
    assert!(!dot_label(&dot, "playback").contains("warning"));
    // Findings on hidden key results show on their objective.
    assert!(
        dot_label(&dot, "okr-q3").contains("milestone-key-result"),
        "{}",
        dot_label(&dot, "okr-q3")
    );
    assert!(
        mermaid
            .contains("Product_gift_cards([\"gift-cards<br/>error: orphaned-product<br/>warning: ")
    );

    // An edge coloured by a finding on its decision right names the check.
    let model = Model::builder()
        .team(Team::new("a").owns("p"))
        .team(Team::new("b"))
        .product(Product::new("p"))
        .decision(
            DecisionRight::new(DecisionArea::FeatureSet, "p")
                .decides("a")
                .decides("b"),
        )
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    let edge = dot
        .lines()
        .find(|l| l.contains("\"b\" -> \"p\""))
        .expect("drawn");
    assert!(
        edge.contains("label=\"decides feature-set\\nerror: conflicting-deciders\\n"),
        "{edge}"
    );
    assert!(
        mermaid.contains("Team_b ==>|\"decides feature-set<br/>error: conflicting-deciders<br/>"),
        "{mermaid}"
    );
}

#[test]
fn many_checks_on_one_box_are_cut_with_a_count() {
    let f = Finding {
        severity: Severity::Error,
        messages: Vec::new(),
        more: 0,
        checks: vec![
            (Severity::Warning, "w-one".into()),
            (Severity::Error, "e-one".into()),
            (Severity::Warning, "w-two".into()),
            (Severity::Error, "e-two".into()),
            (Severity::Warning, "w-three".into()),
        ],
    };
    assert_eq!(
        f.label_lines(),
        ["error: e-one, e-two", "warning: w-one", "and 2 more"]
    );
}

#[test]
fn a_team_deciding_for_itself_gets_a_label_not_a_loop() {
    let model = Model::builder()
        .team(Team::new("music").kind(TeamKind::Unit))
        .team(Team::new("playback").parent("music").owns("web-player"))
        .product(Product::new("web-player"))
        .decision(DecisionRight::new(DecisionArea::FeatureSet, "music").decides("music"))
        .decision(DecisionRight::new(DecisionArea::Roadmap, "music").decides("music"))
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "organization").decides("music"),
        )
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    assert!(!dot.contains("\"music\" -> \"music\""), "{dot}");
    assert_eq!(
        dot_label(&dot, "music"),
        "music\\ndecides for itself:\\nfeature-set, roadmap"
    );
    // A decision for another scope stays an edge.
    assert!(dot.contains("\"music\" -> \"organization\" [label=\"decides budget-allocation\""));
    assert!(!mermaid.contains("| Team_music\n"), "{mermaid}");
    assert!(
        mermaid
            .contains("Team_music[[\"music<br/>decides for itself:<br/>feature-set, roadmap\"]]"),
        "{mermaid}"
    );
    render_with_graphviz(&dot);

    // A finding on such a decision colours the team and is named on it.
    let model = Model::builder()
        .team(Team::new("music").kind(TeamKind::Unit))
        .team(Team::new("finance").kind(TeamKind::Business))
        .decision(
            DecisionRight::new(DecisionArea::BudgetAllocation, "music")
                .decides("music")
                .decides("finance"),
        )
        .build();
    let (dot, _) = draw(&model, &ExportOptions::default());
    assert!(!dot.contains("\"music\" -> \"music\""), "{dot}");
    let music = dot
        .lines()
        .find(|l| l.contains("\"music\" ["))
        .expect("drawn");
    assert!(
        music.contains("decides for itself:\\nbudget-allocation"),
        "{music}"
    );
    assert!(music.contains("error: conflicting-deciders"), "{music}");
    assert!(music.contains("fillcolor=\"#ffcdd2\""), "{music}");
}

#[test]
fn the_legend_shows_what_the_picture_draws() {
    let (dot, mermaid) = draw(&streaming(), &ExportOptions::default());
    assert!(
        dot.contains("subgraph \"cluster_opmodel legend\" {"),
        "{dot}"
    );
    for (key, shape) in [
        ("team", "box"),
        ("unit", "tab"),
        ("product", "component"),
        ("outcome", "hexagon"),
        ("objective", "note"),
        ("decision", "octagon"),
    ] {
        let line = dot
            .lines()
            .find(|l| l.contains(&format!("\"opmodel legend {key}\" [")))
            .unwrap_or_else(|| panic!("no {key} in the legend:\n{dot}"));
        assert!(line.contains(&format!("shape={shape}")), "{line}");
    }
    assert!(
        dot.contains("\"opmodel legend error\" [label=\"has an error: the check is named on it\"")
    );
    assert!(dot.contains("\"opmodel legend warning\""));
    // The edges used, with their colours; key results are not drawn.
    assert!(dot.contains(">owns (accountable)<"));
    assert!(dot.contains(">serves (an outcome)<"));
    assert!(
        dot.contains("#6a1b9a\">&#9473;&#9473;&#9654;</FONT></TD><TD ALIGN=\"LEFT\">decides AREA")
    );
    assert!(!dot.contains("\"opmodel legend key-result\""));
    assert!(
        !dot.contains(">contributes<"),
        "no contributes edge is drawn"
    );

    assert!(
        mermaid.contains("subgraph Legend [\"Legend\"]"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("Legend_product([\"product\"])"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("Legend_outcome{{\"outcome\"}}"),
        "{mermaid}"
    );
    assert!(
        mermaid.contains("==#gt; decides AREA (for a scope)"),
        "{mermaid}"
    );
    let error_class = mermaid
        .lines()
        .find(|l| l.trim_start().starts_with("class ") && l.ends_with(" error"))
        .expect("errors");
    assert!(error_class.contains("Legend_error"), "{error_class}");
    assert_eq!(
        mermaid.matches("subgraph ").count(),
        mermaid.lines().filter(|l| l.trim() == "end").count()
    );

    // A healthy picture has no error or warning entry.
    let model = Model::builder()
        .team(Team::new("a").owns("p"))
        .product(Product::new("p"))
        .build();
    let report = Report::default();
    let graph = OrgGraph::build(&model);
    let clean = super::dot(&graph, &report, &ExportOptions::default()).expect("draws");
    assert!(clean.contains("\"opmodel legend team\""));
    assert!(!clean.contains("\"opmodel legend error\""));
    assert!(!clean.contains("\"opmodel legend outcome\""));

    // Off on request, and never for an empty picture.
    let (dot, mermaid) = draw(&streaming(), &ExportOptions::default().with_legend(false));
    assert!(!dot.contains("legend") && !mermaid.contains("Legend"));
    let (dot, mermaid) = draw(&Model::new(), &ExportOptions::default());
    assert!(!dot.contains("legend") && !mermaid.contains("Legend"));
}

#[test]
fn the_legend_never_takes_an_entitys_name() {
    let model = Model::builder()
        .team(Team::new("legend").kind(TeamKind::Unit))
        .team(Team::new("opmodel legend team").parent("legend"))
        .team(Team::new("Legend").owns("p"))
        .product(Product::new("p"))
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    let nodes = dot
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('"') && !l.contains(" -> "))
        .map(|l| l[1..].split("\" [").next().unwrap_or_default().to_owned())
        .collect::<Vec<_>>();
    let unique: HashSet<&String> = nodes.iter().collect();
    assert_eq!(unique.len(), nodes.len(), "{nodes:?}");
    assert!(
        nodes.iter().any(|n| n == "opmodel legend team 2"),
        "{nodes:?}"
    );
    assert!(dot.contains("subgraph \"cluster_legend\""));
    assert!(dot.contains("subgraph \"cluster_opmodel legend\""));
    let ids: Vec<&str> = mermaid
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("class") && !l.starts_with("subgraph") && l.contains("[\""))
        .filter_map(|l| l.split(['[', '(', '{', '>']).next())
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    render_with_graphviz(&dot);
}

/// An org file with an id defined `copies` times, and a decision right
/// naming `copies` deciding teams: each repeat is a finding of its own.
fn repeated(copies: usize) -> Model {
    let mut yaml = String::from("teams:\n");
    for i in 0..copies {
        yaml.push_str(&format!("  - id: x\n  - id: decider-{i}\n"));
    }
    yaml.push_str("decisions:\n  - area: feature-set\n    scope: organization\n    decides:\n");
    for i in 0..copies {
        yaml.push_str(&format!("      - decider-{i}\n"));
    }
    crate::load::load_str(&yaml, crate::load::Format::Yaml, "org.yaml").model
}

#[test]
fn tooltips_list_ten_messages_and_count_the_rest() {
    let (dot, _) = draw(&repeated(40), &ExportOptions::default());
    let tooltips: Vec<&str> = dot
        .lines()
        .filter_map(|l| l.split("tooltip=\"").nth(1))
        .collect();
    assert!(!tooltips.is_empty());
    for t in &tooltips {
        let lines = t.split("\\n").count();
        assert!(lines <= TOOLTIP_MESSAGES + 1, "{lines} lines: {t}");
    }
    // Each box of `x` carries the `duplicate-id` findings of its id (one
    // for each of the first ten copies, one for the other 29) and its
    // `idle-team` warning: ten are listed.
    assert!(
        tooltips
            .iter()
            .any(|t| t.contains("error[duplicate-id]") && t.ends_with("… and 2 more\"];")),
        "{:?}",
        &tooltips[..3]
    );
}

#[test]
fn a_picture_grows_in_line_with_repeated_ids_and_deciders() {
    let size = |copies| {
        let (dot, mermaid) = draw(&repeated(copies), &ExportOptions::default());
        (dot.len(), mermaid.len())
    };
    let (small, large) = (size(100), size(400));
    // Four times the input: about four times the picture (it was sixteen).
    assert!(large.0 < small.0 * 5, "DOT {small:?} → {large:?}");
    assert!(large.1 < small.1 * 5, "Mermaid {small:?} → {large:?}");
}

#[test]
fn unique_names_are_the_first_free_number_whatever_came_before() {
    // What counting from 2 for every name gives, the slow way.
    fn naive(taken: &mut HashSet<String>, base: &str) -> String {
        if taken.insert(base.to_owned()) {
            return base.to_owned();
        }
        (2..)
            .map(|n| format!("{base}#{n}"))
            .find(|c| taken.insert(c.clone()))
            .unwrap_or_default()
    }
    let mut names = UniqueNames::default();
    let mut slow = HashSet::new();
    let bases = [
        "x", "x#3", "x", "y", "x", "x#2", "x", "x#5#2", "x#5", "x", "x", "y#2", "y",
    ];
    for base in bases.iter().cycle().take(200) {
        assert_eq!(names.take((*base).to_owned(), "#"), naive(&mut slow, base));
    }
}

#[test]
fn long_names_are_cut_and_the_title_holds_no_mermaid_directive() {
    let long = "W".repeat(16_400);
    let words = "word ".repeat(4_000);
    let model = Model::builder()
        .organization("Acme %%{init: {\"theme\": \"forest\"}}%%")
        .team(Team::new("t").name(long.as_str()))
        .team(Team::new("u").kind(TeamKind::Unit).name(words.as_str()))
        .product(Product::new("p").name(words.as_str()).owner("t"))
        .build();
    let (dot, mermaid) = draw(&model, &ExportOptions::default());
    // Graphviz refuses a quoted string over 16 KB; nothing here is near it.
    for line in dot.lines().chain(mermaid.lines()) {
        assert!(line.chars().count() < 2_000, "{} characters", line.len());
    }
    assert!(dot.contains(&format!("{}…", "W".repeat(MAX_LABEL - 1))));
    let title = mermaid
        .lines()
        .find(|l| l.trim_start().starts_with("%%"))
        .expect("the title comment");
    assert_eq!(title.trim_start().matches('%').count(), 2, "{title}");
    assert!(title.contains("Acme {init:"), "{title}");
}
