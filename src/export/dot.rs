//! The Graphviz DOT rendering of a [`Picture`].

use std::collections::HashSet;
use std::fmt::Write;

use super::{EdgeKind, Finding, LegendEntry, MAX_INDENT, Picture, Shape, Step};
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
        .map(|t| {
            format!(
                ", label={}, labelloc=t, fontsize=14",
                quote(&super::clean(t))
            )
        })
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
    legend(p, &mut out);
    for e in &p.edges {
        let mut attrs = vec![format!("label={}", quote(&e.label_lines().join("\n")))];
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

/// The legend: a cluster of sample shapes and colours for what the
/// picture draws, and a table of its edges.
fn legend(p: &Picture, out: &mut String) {
    let entries = p.legend_entries();
    if entries.is_empty() {
        return;
    }
    // Names no entity's node or cluster has (ids have no spaces; the
    // builder does not check them, so make sure).
    let mut taken: HashSet<String> = p.nodes.iter().map(|n| n.key.clone()).collect();
    taken.extend(p.nodes.iter().map(|n| format!("cluster_{}", n.key)));
    let mut fresh = |base: String| {
        let mut key = base.clone();
        let mut k = 2;
        while !taken.insert(key.clone()) {
            key = format!("{base} {k}");
            k += 1;
        }
        key
    };
    let cluster = fresh("cluster_opmodel legend".to_owned());
    let _ = writeln!(out, "  subgraph {} {{", quote(&cluster));
    out.push_str(
        "    label=\"Legend\"; style=\"rounded\"; color=\"#bbbbbb\"; fontname=\"Helvetica-Bold\"; fontsize=11;\n",
    );
    for entry in entries {
        let key = fresh(format!("opmodel legend {}", entry.name()));
        let attrs = match entry {
            LegendEntry::Error => {
                format!("shape=box, color=\"{ERROR_LINE}\", penwidth=2, fillcolor=\"{ERROR_FILL}\"")
            }
            LegendEntry::Warning => format!(
                "shape=box, color=\"{WARNING_LINE}\", penwidth=2, fillcolor=\"{WARNING_FILL}\""
            ),
            _ => {
                let shape = match entry {
                    LegendEntry::Organization => Shape::Organization,
                    LegendEntry::Unit => Shape::Unit,
                    LegendEntry::Product => Shape::Product,
                    LegendEntry::Outcome => Shape::Outcome,
                    LegendEntry::Objective => Shape::Objective,
                    LegendEntry::KeyResult => Shape::KeyResult,
                    LegendEntry::Decision => Shape::Decision,
                    _ => Shape::Team(TeamKind::StreamAligned),
                };
                let (shape, fill) = look(shape);
                format!("shape={shape}, fillcolor=\"{fill}\"")
            }
        };
        let _ = writeln!(
            out,
            "    {} [label={}, {attrs}, fontsize=9];",
            quote(&key),
            quote(entry.text())
        );
    }
    let kinds = p.legend_edges();
    if !kinds.is_empty() {
        let key = fresh("opmodel legend edges".to_owned());
        let mut rows = String::new();
        for kind in kinds {
            let (sample, colour, text) = match kind {
                EdgeKind::Owns => ("&#8212;&#8212;&#9654;", "#333333", "owns (accountable)"),
                EdgeKind::Contributes => ("- - &#9654;", "#333333", "contributes"),
                EdgeKind::PartOf => ("&#183;&#183;&#183;&#9655;", "#333333", "part of"),
                EdgeKind::Serves => ("&#8212;&#8212;&#9654;", "#2e7d32", "serves (an outcome)"),
                EdgeKind::Supports => ("&#8212;&#8212;&#9654;", "#00838f", "supports (an outcome)"),
                EdgeKind::Decides => (
                    "&#9473;&#9473;&#9654;",
                    "#6a1b9a",
                    "decides AREA (for a scope)",
                ),
                EdgeKind::AppliesTo => {
                    ("- - &#9654;", "#6a1b9a", "applies to (a decision's scope)")
                }
                EdgeKind::Interaction(InteractionMode::Collaboration) => (
                    "&#9664;&#8212;&#8212;&#9654;",
                    "#ad1457",
                    "collaboration (teams)",
                ),
                EdgeKind::Interaction(InteractionMode::XAsAService) => (
                    "- - &#9654;",
                    "#ad1457",
                    "x-as-a-service (consumer to provider)",
                ),
                EdgeKind::Interaction(_) => {
                    ("&#183;&#183;&#183;", "#ad1457", "facilitating (teams)")
                }
            };
            let _ = write!(
                rows,
                "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"{colour}\">{sample}</FONT></TD><TD ALIGN=\"LEFT\">{text}</TD></TR>"
            );
        }
        let _ = writeln!(
            out,
            "    {} [shape=plaintext, fillcolor=\"#ffffff\", fontsize=9, label=<<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\">{rows}</TABLE>>];",
            quote(&key)
        );
    }
    out.push_str("  }\n");
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
    attrs.push(format!("tooltip={}", quote(&f.tooltip())));
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
