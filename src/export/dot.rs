//! The Graphviz DOT rendering of a [`Picture`].

use std::fmt::Write;

use super::{EdgeKind, Finding, MAX_INDENT, Picture, Shape, Step};
use crate::diagnostic::Severity;
use crate::model::{InteractionMode, TeamKind};

const ERROR_LINE: &str = "#c62828";
const ERROR_FILL: &str = "#ffcdd2";
const WARNING_LINE: &str = "#e69500";
const WARNING_FILL: &str = "#ffe9b3";

pub(super) fn render(p: &Picture) -> String {
    let mut out = String::with_capacity(256 + p.nodes.len() * 160 + p.edges.len() * 80);
    out.push_str("digraph \"opmodel\" {\n");
    let title = p
        .title
        .as_deref()
        .map(|t| format!(", label={}, labelloc=t, fontsize=14", quote(t)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", nodesep=0.25, ranksep=0.7{title}];"
    );
    out.push_str(
        "  node [fontname=\"Helvetica\", fontsize=10, style=\"filled\", fillcolor=\"#ffffff\"];\n",
    );
    out.push_str(
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\", fontcolor=\"#333333\"];\n",
    );
    let mut depth = 1;
    for step in &p.layout {
        // Indentation stops growing at some depth, so that output stays linear.
        let indent = "  ".repeat(depth.min(MAX_INDENT));
        match *step {
            Step::Open(i) => {
                let n = &p.nodes[i];
                let name = format!("cluster_{}", n.key);
                let _ = writeln!(out, "{indent}subgraph {} {{", quote(&name));
                let _ = writeln!(
                    out,
                    "{indent}  label={}; style=\"rounded,filled\"; fillcolor=\"#f7f9fc\"; color=\"#9aa8bd\"; fontname=\"Helvetica-Bold\"; fontsize=11;",
                    quote(&n.title)
                );
                depth += 1;
            }
            Step::Close => {
                depth = depth.saturating_sub(1).max(1);
                let _ = writeln!(out, "{}}}", "  ".repeat(depth.min(MAX_INDENT)));
            }
            Step::Node(i) => {
                let n = &p.nodes[i];
                let (shape, fill) = look(n.shape);
                let mut attrs = vec![
                    format!("label={}", quote(&n.lines.join("\n"))),
                    format!("shape={shape}"),
                ];
                match &n.finding {
                    Some(f) => attrs.extend(finding_attrs(f, true)),
                    None => attrs.push(format!("fillcolor=\"{fill}\"")),
                }
                if n.shape == Shape::KeyResult {
                    attrs.push("fontsize=9".to_owned());
                }
                let _ = writeln!(out, "{indent}{} [{}];", quote(&n.key), attrs.join(", "));
            }
        }
    }
    for e in &p.edges {
        let mut attrs = vec![format!("label={}", quote(&e.label))];
        let coloured = e.finding.is_some();
        match e.kind {
            EdgeKind::Owns => attrs.push("penwidth=1.4".to_owned()),
            EdgeKind::Contributes => attrs.push("style=dashed".to_owned()),
            EdgeKind::PartOf => attrs.push("style=dotted, arrowhead=empty".to_owned()),
            EdgeKind::Serves if !coloured => {
                attrs.push("color=\"#2e7d32\", fontcolor=\"#2e7d32\"".to_owned())
            }
            EdgeKind::Supports if !coloured => {
                attrs.push("color=\"#00838f\", fontcolor=\"#00838f\"".to_owned())
            }
            EdgeKind::Decides if !coloured => {
                attrs.push("color=\"#6a1b9a\", fontcolor=\"#6a1b9a\", style=bold".to_owned())
            }
            EdgeKind::Decides => attrs.push("style=bold".to_owned()),
            EdgeKind::AppliesTo if !coloured => {
                attrs.push("style=dashed, color=\"#6a1b9a\"".to_owned())
            }
            EdgeKind::AppliesTo => attrs.push("style=dashed".to_owned()),
            // Team Topologies' notation: solid, dashed, dotted.
            EdgeKind::Interaction(mode) => attrs.push(
                match mode {
                    InteractionMode::Collaboration => {
                        "style=solid, dir=both, color=\"#ad1457\", fontcolor=\"#ad1457\""
                    }
                    InteractionMode::XAsAService => {
                        "style=dashed, color=\"#ad1457\", fontcolor=\"#ad1457\""
                    }
                    _ => "style=dotted, dir=none, color=\"#ad1457\", fontcolor=\"#ad1457\"",
                }
                .to_owned(),
            ),
            EdgeKind::Serves | EdgeKind::Supports => {}
        }
        if let Some(f) = &e.finding {
            attrs.extend(finding_attrs(f, false));
        }
        let _ = writeln!(
            out,
            "  {} -> {} [{}];",
            quote(&p.nodes[e.from].key),
            quote(&p.nodes[e.to].key),
            attrs.join(", ")
        );
    }
    out.push_str("}\n");
    out
}

/// The shape and fill of a node without findings.
fn look(shape: Shape) -> (&'static str, &'static str) {
    match shape {
        Shape::Organization => ("doubleoctagon", "#eceff1"),
        Shape::Unit => ("tab", "#dfe6f0"),
        Shape::Team(kind) => (
            "box",
            match kind {
                TeamKind::Platform => "#e3e7fd",
                TeamKind::Enabling => "#dff5e3",
                TeamKind::ComplicatedSubsystem => "#efe3fa",
                TeamKind::Governance => "#eceff1",
                TeamKind::Business => "#fff4d6",
                TeamKind::Leadership => "#fde4ef",
                _ => "#dcebfb",
            },
        ),
        Shape::Product => ("component", "#ffffff"),
        Shape::Outcome => ("hexagon", "#e6f4ea"),
        Shape::Objective => ("note", "#fffde7"),
        Shape::KeyResult => ("box", "#fafafa"),
        Shape::Decision => ("octagon", "#f3e5f5"),
    }
}

/// Colours and tooltip for an entity (or edge) with findings.
fn finding_attrs(f: &Finding, node: bool) -> Vec<String> {
    let (line, fill) = match f.severity {
        Severity::Error => (ERROR_LINE, ERROR_FILL),
        _ => (WARNING_LINE, WARNING_FILL),
    };
    let mut attrs = vec![format!("color=\"{line}\""), "penwidth=2".to_owned()];
    if node {
        attrs.push(format!("fillcolor=\"{fill}\""));
    } else {
        attrs.push(format!("fontcolor=\"{line}\""));
    }
    attrs.push(format!("tooltip={}", quote(&f.messages.join("\n"))));
    attrs
}

/// A DOT double-quoted string. Quotes and backslashes are escaped, line
/// breaks become `\n`, other control characters spaces; anything else
/// (unicode included) is kept as it is.
pub(super) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
