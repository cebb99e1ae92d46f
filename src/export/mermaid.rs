//! The Mermaid flowchart rendering of a [`Picture`].

use std::fmt::Write;

use super::{EdgeKind, LegendEntry, MAX_INDENT, Picture, Shape, Step, UniqueNames};
use crate::diagnostic::Severity;
use crate::model::InteractionMode;

pub(super) fn render(p: &Picture) -> String {
    let mut out = String::with_capacity(64 + p.nodes.len() * 100 + p.edges.len() * 60);
    out.push_str("flowchart LR\n");
    if let Some(title) = &p.title {
        // A `%%{…}%%` in a comment is a directive to Mermaid: the org's name
        // keeps no `%`.
        let title: String = title
            .chars()
            .take(super::MAX_LABEL)
            .filter(|&c| c != '%')
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "    %% {title}");
    }
    // Node ids and subgraph ids share one namespace.
    let mut used = UniqueNames::default();
    let ids: Vec<String> = p
        .nodes
        .iter()
        .map(|n| unique(&mut used, node_prefix(n.shape), &n.id))
        .collect();
    let clusters: Vec<Option<String>> = p
        .nodes
        .iter()
        .map(|n| (n.shape == Shape::Unit).then(|| unique(&mut used, "Unit_", &n.id)))
        .collect();
    let mut depth = 1;
    for step in &p.layout {
        // Indentation stops growing at some depth, so that output stays linear.
        let indent = "    ".repeat(depth.min(MAX_INDENT));
        match *step {
            Step::Open(i) => {
                let id = clusters[i].as_deref().unwrap_or("Unit");
                let _ = writeln!(
                    out,
                    "{indent}subgraph {id} [\"{}\"]",
                    text(&p.nodes[i].title)
                );
                depth += 1;
            }
            Step::Close => {
                depth = depth.saturating_sub(1).max(1);
                let _ = writeln!(out, "{}end", "    ".repeat(depth.min(MAX_INDENT)));
            }
            Step::Node(i) => {
                let n = &p.nodes[i];
                let label = n
                    .lines
                    .iter()
                    .map(|l| text(l))
                    .collect::<Vec<_>>()
                    .join("<br/>");
                let (open, close) = brackets(n.shape);
                let _ = writeln!(out, "{indent}{}{open}\"{label}\"{close}", ids[i]);
            }
        }
    }
    let legend = legend(p, &mut used, &mut out);
    // Interactions in Team Topologies' notation: Mermaid draws `-.-` and
    // `-.->` dotted, so x-as-a-service gets a dash pattern of its own.
    let mut link_styles: Vec<String> = Vec::new();
    for (i, e) in p.edges.iter().enumerate() {
        let arrow = match e.kind {
            EdgeKind::Contributes | EdgeKind::PartOf | EdgeKind::AppliesTo => "-.->",
            EdgeKind::Decides => "==>",
            EdgeKind::Interaction(InteractionMode::Collaboration) => "<-->",
            EdgeKind::Interaction(InteractionMode::XAsAService) => {
                link_styles.push(format!("    linkStyle {i} stroke-dasharray:8 4"));
                "-.->"
            }
            EdgeKind::Interaction(_) => {
                link_styles.push(format!("    linkStyle {i} stroke-dasharray:2 3"));
                "-.-"
            }
            _ => "-->",
        };
        let _ = writeln!(
            out,
            "    {} {arrow}|\"{}\"| {}",
            ids[e.from],
            e.label_lines()
                .iter()
                .map(|l| text(l))
                .collect::<Vec<_>>()
                .join("<br/>"),
            ids[e.to]
        );
    }
    for style in link_styles {
        out.push_str(&style);
        out.push('\n');
    }
    out.push_str("    classDef team fill:#dcebfb,stroke:#4a6fa5,color:#000\n");
    out.push_str("    classDef unit fill:#dfe6f0,stroke:#4a6fa5,color:#000\n");
    out.push_str("    classDef product fill:#ffffff,stroke:#333333,color:#000\n");
    out.push_str("    classDef outcome fill:#e6f4ea,stroke:#2e7d32,color:#000\n");
    out.push_str("    classDef objective fill:#fffde7,stroke:#9e9d24,color:#000\n");
    out.push_str("    classDef decision fill:#f3e5f5,stroke:#6a1b9a,color:#000\n");
    out.push_str("    classDef error fill:#ffcdd2,stroke:#c62828,stroke-width:2px,color:#000\n");
    out.push_str("    classDef warning fill:#ffe9b3,stroke:#e69500,stroke-width:2px,color:#000\n");
    if legend.iter().any(|(c, _)| *c == "legend") {
        out.push_str("    classDef legend fill:#ffffff,stroke:#bbbbbb,color:#000\n");
    }
    let mut classes: Vec<(&str, Vec<&str>)> = Vec::new();
    for (i, n) in p.nodes.iter().enumerate() {
        let class = match (&n.finding, n.shape) {
            (Some(f), _) if f.severity == Severity::Error => "error",
            (Some(_), _) => "warning",
            (None, Shape::Team(_) | Shape::Organization) => "team",
            (None, Shape::Unit) => "unit",
            (None, Shape::Product) => "product",
            (None, Shape::Outcome) => "outcome",
            (None, Shape::Objective | Shape::KeyResult) => "objective",
            (None, Shape::Decision) => "decision",
        };
        match classes.iter_mut().find(|(c, _)| *c == class) {
            Some((_, members)) => members.push(&ids[i]),
            None => classes.push((class, vec![&ids[i]])),
        }
    }
    for (class, id) in &legend {
        match classes.iter_mut().find(|(c, _)| c == class) {
            Some((_, members)) => members.push(id),
            None => classes.push((class, vec![id])),
        }
    }
    classes.sort_by_key(|(c, _)| *c);
    for (class, members) in classes {
        let _ = writeln!(out, "    class {} {class}", members.join(","));
    }
    for (i, e) in p.edges.iter().enumerate() {
        if let Some(f) = &e.finding {
            let colour = if f.severity == Severity::Error {
                "#c62828"
            } else {
                "#e69500"
            };
            let _ = writeln!(out, "    linkStyle {i} stroke:{colour},stroke-width:2px");
        }
    }
    out
}

/// Writes the legend: a subgraph of sample shapes for what the picture
/// draws and a note on its edges. Returns each sample's class and id.
fn legend(p: &Picture, used: &mut UniqueNames, out: &mut String) -> Vec<(&'static str, String)> {
    let entries = p.legend_entries();
    let mut classes = Vec::new();
    if entries.is_empty() {
        return classes;
    }
    let id = unique(used, "Legend", "");
    let _ = writeln!(out, "    subgraph {id} [\"Legend\"]");
    for entry in entries {
        let id = unique(used, "Legend_", entry.name());
        let (shape, class) = match entry {
            LegendEntry::Organization => (Shape::Organization, "team"),
            LegendEntry::Unit => (Shape::Unit, "unit"),
            LegendEntry::Team => (Shape::Team(crate::model::TeamKind::StreamAligned), "team"),
            LegendEntry::Product => (Shape::Product, "product"),
            LegendEntry::Outcome => (Shape::Outcome, "outcome"),
            LegendEntry::Objective => (Shape::Objective, "objective"),
            LegendEntry::KeyResult => (Shape::KeyResult, "objective"),
            LegendEntry::Decision => (Shape::Decision, "decision"),
            LegendEntry::Error => (Shape::Team(crate::model::TeamKind::StreamAligned), "error"),
            LegendEntry::Warning => (
                Shape::Team(crate::model::TeamKind::StreamAligned),
                "warning",
            ),
        };
        let (open, close) = brackets(shape);
        let _ = writeln!(out, "        {id}{open}\"{}\"{close}", text(entry.text()));
        classes.push((class, id));
    }
    let kinds = p.legend_edges();
    if !kinds.is_empty() {
        let lines: Vec<String> = kinds
            .iter()
            .map(|kind| {
                let line = match kind {
                    EdgeKind::Owns => "--> owns (accountable)",
                    EdgeKind::Contributes => "-.-> contributes",
                    EdgeKind::PartOf => "-.-> part of",
                    EdgeKind::Serves => "--> serves (an outcome)",
                    EdgeKind::Supports => "--> supports (an outcome)",
                    EdgeKind::Decides => "==> decides AREA (for a scope)",
                    EdgeKind::AppliesTo => "-.-> applies to (a decision's scope)",
                    EdgeKind::Interaction(InteractionMode::Collaboration) => {
                        "<--> collaboration (teams)"
                    }
                    EdgeKind::Interaction(InteractionMode::XAsAService) => {
                        "-.-> x-as-a-service (consumer to provider)"
                    }
                    EdgeKind::Interaction(_) => "-.- facilitating (teams)",
                };
                text(line)
            })
            .collect();
        let id = unique(used, "Legend_", "edges");
        let _ = writeln!(out, "        {id}[\"{}\"]", lines.join("<br/>"));
        classes.push(("legend", id));
    }
    out.push_str("    end\n");
    classes
}

fn node_prefix(shape: Shape) -> &'static str {
    match shape {
        Shape::Organization => "Org_",
        Shape::Team(_) | Shape::Unit => "Team_",
        Shape::Product => "Product_",
        Shape::Outcome => "Outcome_",
        Shape::Objective => "Objective_",
        Shape::KeyResult => "KeyResult_",
        Shape::Decision => "Decision_",
    }
}

/// The opening and closing of a node's shape.
fn brackets(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::Organization => ("((", "))"),
        Shape::Team(_) => ("[", "]"),
        Shape::Unit => ("[[", "]]"),
        Shape::Product => ("([", "])"),
        Shape::Outcome => ("{{", "}}"),
        Shape::Objective => (">", "]"),
        Shape::KeyResult => ("(", ")"),
        Shape::Decision => ("{", "}"),
    }
}

/// A Mermaid node id for `id`: a kind prefix and the id with every
/// character outside `[A-Za-z0-9_]` written as `_`, then `_2`, `_3`, … until
/// it is one nobody has yet.
pub(super) fn unique(used: &mut UniqueNames, prefix: &str, id: &str) -> String {
    let mut base = String::with_capacity(prefix.len() + id.len());
    base.push_str(prefix);
    base.extend(
        id.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }),
    );
    used.take(base, "_")
}

/// Text for inside a Mermaid `"…"` string: quotes and the characters Mermaid
/// or HTML would read as markup are written as entity codes.
pub(super) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '`' => out.push_str("#96;"),
            '%' => out.push_str("#37;"),
            '\\' => out.push_str("#92;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
