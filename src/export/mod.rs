//! Pictures of the org: the [`OrgGraph`] as a Graphviz DOT graph ([`dot`])
//! or a Mermaid flowchart ([`mermaid`]), with the linter's findings on it.
//!
//! Both pictures show the same thing:
//!
//! - teams as boxes, coloured by kind; units (and any team with teams under
//!   it) as clusters (DOT) or subgraphs (Mermaid) holding their teams, with
//!   a node of their own inside for the edges that start or end at the unit;
//! - products as components, outcomes as hexagons, objectives as notes (and
//!   key results when [`ExportOptions::key_results`] is set);
//! - labelled edges: `owns`, `contributes`, `part of`, `serves`, `supports`,
//!   and `decides <area>` from a deciding team to the scope of a decision
//!   right (a decision right nobody decides, or whose scope is unknown, is a
//!   small node of its own);
//! - interactions between teams in Team Topologies' notation: a solid
//!   line for `collaboration`, a dashed arrow from consumer to provider for
//!   `x-as-a-service`, a dotted line for `facilitating` (left out with
//!   [`ExportOptions::interactions`] off); people, lifecycle stages and
//!   cadences are not drawn;
//! - findings: an entity with an error is red, one with a warning amber,
//!   with the names of the checks that found something written on it (so
//!   that a PNG says why a box is red), and in DOT its tooltip lists the
//!   messages. Findings on hidden key results show on their objective,
//!   findings on decision rights on their edges;
//! - a team deciding an area for itself (a unit deciding the feature set of
//!   everything in it) has `decides for itself: <area>` written on it rather
//!   than an edge looping back to it;
//! - a legend of the shapes, colours and edges the picture uses (unless
//!   [`ExportOptions::legend`] is off).
//!
//! With [`ExportOptions::focus`], only what lies within
//! [`ExportOptions::depth`] hops of one entity is drawn (edges followed both
//! ways, a team and its unit one hop apart).
//!
//! DOT node ids are the entities' own ids (`"playback"`, `"organization"`,
//! `"budget-allocation@organization"`), quoted, so that other tools can
//! find them. The output depends on the model and the report only: the same input
//! gives the same bytes.
//!
//! ```
//! use opmodel::export::{self, ExportOptions};
//! use opmodel::model::{Model, Product, Team, TeamKind};
//! use opmodel::{Linter, OrgGraph};
//!
//! let model = Model::builder()
//!     .team(Team::new("music").kind(TeamKind::Unit))
//!     .team(Team::new("playback").parent("music").owns("web-player"))
//!     .product(Product::new("web-player"))
//!     .build();
//! let report = Linter::new().check_model(&model);
//! let graph = OrgGraph::build(&model);
//! let dot = export::dot(&graph, &report, &ExportOptions::default()).unwrap();
//! assert!(dot.contains("subgraph \"cluster_music\""));
//! assert!(dot.contains("\"playback\" -> \"web-player\" [label=\"owns\""));
//! let flowchart = export::mermaid(&graph, &report, &ExportOptions::default()).unwrap();
//! assert!(flowchart.starts_with("flowchart LR"));
//! ```

mod dot;
mod mermaid;

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::diagnostic::{Severity, did_you_mean};
use crate::graph::{OrgEdge, OrgGraph, OrgNode};
use crate::model::{EntityKind, Id, InteractionMode, ORGANIZATION, TeamKind};
use crate::report::Report;

/// What to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// Draw only the neighbourhood of the entity with this id (a team,
    /// product, outcome, objective, key result or `organization`).
    pub focus: Option<String>,
    /// How many hops from [`focus`](Self::focus) to draw (default 2).
    pub depth: usize,
    /// Draw key results as nodes of their own (default: not drawn, their
    /// findings show on their objective).
    pub key_results: bool,
    /// Draw the teams' interactions (default: drawn).
    pub interactions: bool,
    /// Draw a legend of the shapes, colours and edges used (default: on).
    pub legend: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            focus: None,
            depth: 2,
            key_results: false,
            interactions: true,
            legend: true,
        }
    }
}

impl ExportOptions {
    /// Draws only what lies within `depth` hops of `id`.
    #[must_use]
    pub fn with_focus(mut self, id: impl Into<String>, depth: usize) -> Self {
        self.focus = Some(id.into());
        self.depth = depth;
        self
    }

    /// Draws key results as nodes (or not).
    #[must_use]
    pub fn with_key_results(mut self, yes: bool) -> Self {
        self.key_results = yes;
        self
    }

    /// Draws the teams' interactions (or not).
    #[must_use]
    pub fn with_interactions(mut self, yes: bool) -> Self {
        self.interactions = yes;
        self
    }

    /// Draws the legend (or not).
    #[must_use]
    pub fn with_legend(mut self, yes: bool) -> Self {
        self.legend = yes;
        self
    }
}

/// Why a picture could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// The focus id names nothing that can be drawn.
    #[error("no team, product, outcome, objective or key result has the id `{id}`")]
    UnknownFocus {
        /// The id asked for.
        id: String,
        /// The closest id there is, when one is close.
        suggestion: Option<String>,
    },
    /// The focus id names an entity of a kind the picture does not draw
    /// (a person, a lifecycle stage, a cadence, a decision right).
    #[error(
        "`{id}` is a {kind}, which the picture does not draw: focus on a team, product, outcome, objective or key result"
    )]
    NotDrawn {
        /// The id asked for.
        id: String,
        /// What it names.
        kind: crate::model::EntityKind,
    },
}

/// The org as a Graphviz DOT digraph (render it with `dot -Tsvg`).
///
/// # Errors
///
/// [`ExportError::UnknownFocus`] when the focus id names nothing.
pub fn dot(
    graph: &OrgGraph<'_>,
    report: &Report,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    Ok(dot::render(&Picture::build(graph, report, options)?))
}

/// The org as a Mermaid `flowchart LR`.
///
/// # Errors
///
/// [`ExportError::UnknownFocus`] when the focus id names nothing.
pub fn mermaid(
    graph: &OrgGraph<'_>,
    report: &Report,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    Ok(mermaid::render(&Picture::build(graph, report, options)?))
}

/// What kind of shape a node is drawn as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Organization,
    Team(TeamKind),
    Unit,
    Product,
    Outcome,
    Objective,
    KeyResult,
    Decision,
}

/// The findings on one entity: the worst severity, the first messages
/// (errors first) and the checks behind them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Finding {
    severity: Severity,
    /// At most [`TOOLTIP_MESSAGES`], errors first.
    messages: Vec<String>,
    /// The messages left out of `messages`.
    more: usize,
    /// Each check once, with the worst severity it reported.
    checks: Vec<(Severity, String)>,
}

/// The most messages a box's or an edge's tooltip lists. Every box of an
/// id defined many times, and every edge of a decision right naming many
/// teams, carries its entity's findings: listing them all made a picture
/// whose size grew with the square of the input.
const TOOLTIP_MESSAGES: usize = 10;

impl Finding {
    fn absorb(target: &mut Option<Finding>, other: Option<&Finding>) {
        let Some(other) = other else { return };
        match target {
            Some(t) => {
                t.severity = t.severity.min(other.severity);
                t.messages.extend(other.messages.iter().cloned());
                t.more += other.more;
                for (severity, check) in &other.checks {
                    t.add_check(*severity, check);
                }
                t.keep_first_messages();
            }
            None => *target = Some(other.clone()),
        }
    }

    /// Puts errors first (each group in report order) and keeps the first
    /// [`TOOLTIP_MESSAGES`], counting the rest in `more`.
    fn keep_first_messages(&mut self) {
        self.messages.sort_by_key(|m| !m.starts_with("error["));
        if self.messages.len() > TOOLTIP_MESSAGES {
            self.more += self.messages.len() - TOOLTIP_MESSAGES;
            self.messages.truncate(TOOLTIP_MESSAGES);
        }
    }

    /// The tooltip: the messages kept, one a line, and how many more there
    /// are.
    fn tooltip(&self) -> String {
        let mut text = self.messages.join("\n");
        if self.more > 0 {
            text.push_str(&format!("\n… and {} more", self.more));
        }
        text
    }

    fn add_check(&mut self, severity: Severity, check: &str) {
        match self.checks.iter_mut().find(|(_, c)| c == check) {
            Some(known) => known.0 = known.0.min(severity),
            None => self.checks.push((severity, check.to_owned())),
        }
    }

    /// The lines written on a box or an edge: `error: check, check` and
    /// `warning: check`, errors first, at most [`CHECK_NAMES`] names.
    fn label_lines(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut shown = 0;
        let total = self.checks.len();
        for severity in [Severity::Error, Severity::Warning] {
            let names: Vec<&str> = self
                .checks
                .iter()
                .filter(|(s, _)| *s == severity)
                .map(|(_, c)| c.as_str())
                .take(CHECK_NAMES.saturating_sub(shown))
                .collect();
            if names.is_empty() {
                continue;
            }
            shown += names.len();
            lines.extend(wrap(
                &format!("{severity}: {}", names.join(", ")),
                WRAP + 10,
                TEXT_LINES,
            ));
        }
        if total > shown {
            lines.push(format!("and {} more", total - shown));
        }
        lines
    }
}

/// One node of the picture.
#[derive(Clone, Debug)]
struct Node {
    shape: Shape,
    /// Unique within the picture: the entity's id (ids are unique across
    /// kinds, decision rights are `<area>@<scope>`), with `#2`, `#3`, … for
    /// ids defined more than once.
    key: String,
    /// The entity's id.
    id: String,
    /// The title of a cluster (the unit's name).
    title: String,
    /// The label, one entry per line, plain text.
    lines: Vec<String>,
    finding: Option<Finding>,
    /// The areas this team decides for itself (its own scope).
    decides_here: Vec<String>,
}

/// One edge of the picture.
#[derive(Clone, Debug)]
struct Edge {
    from: usize,
    to: usize,
    kind: EdgeKind,
    label: String,
    finding: Option<Finding>,
}

impl Edge {
    /// The label's lines: what the edge is, then the checks that found
    /// something on it.
    fn label_lines(&self) -> Vec<String> {
        let mut lines = vec![self.label.clone()];
        if let Some(f) = &self.finding {
            lines.extend(f.label_lines());
        }
        lines
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum EdgeKind {
    Owns,
    Contributes,
    PartOf,
    Serves,
    Supports,
    Decides,
    AppliesTo,
    /// An interaction between two teams, in its mode.
    Interaction(InteractionMode),
}

/// The nesting of the picture, in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    /// Opens the cluster of a unit node (the node itself follows as a `Node`).
    Open(usize),
    /// Draws a node.
    Node(usize),
    /// Closes the innermost open cluster.
    Close,
}

/// What both renderings draw: nodes, edges and the order they nest in.
#[derive(Clone, Debug)]
struct Picture {
    title: Option<String>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    layout: Vec<Step>,
    legend: bool,
}

/// One entry of the legend, in the order the legend lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum LegendEntry {
    Organization,
    Unit,
    Team,
    Product,
    Outcome,
    Objective,
    KeyResult,
    Decision,
    Error,
    Warning,
}

impl LegendEntry {
    /// What the entry's sample says.
    fn text(self) -> &'static str {
        match self {
            Self::Organization => "organisation",
            Self::Unit => "unit (tribe, department)",
            Self::Team => "team",
            Self::Product => "product",
            Self::Outcome => "outcome",
            Self::Objective => "objective",
            Self::KeyResult => "key result",
            Self::Decision => "decision right (no decider or unknown scope)",
            Self::Error => "has an error: the check is named on it",
            Self::Warning => "has a warning: the check is named on it",
        }
    }

    /// A stable name for ids.
    fn name(self) -> &'static str {
        match self {
            Self::Organization => "organization",
            Self::Unit => "unit",
            Self::Team => "team",
            Self::Product => "product",
            Self::Outcome => "outcome",
            Self::Objective => "objective",
            Self::KeyResult => "key-result",
            Self::Decision => "decision",
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

impl Picture {
    /// The legend's entries for what this picture draws, in order; none
    /// when the legend is off or nothing is drawn.
    fn legend_entries(&self) -> Vec<LegendEntry> {
        if !self.legend || self.nodes.is_empty() {
            return Vec::new();
        }
        let mut entries: Vec<LegendEntry> = Vec::new();
        for n in &self.nodes {
            entries.push(match n.shape {
                Shape::Organization => LegendEntry::Organization,
                Shape::Unit => LegendEntry::Unit,
                Shape::Team(_) => LegendEntry::Team,
                Shape::Product => LegendEntry::Product,
                Shape::Outcome => LegendEntry::Outcome,
                Shape::Objective => LegendEntry::Objective,
                Shape::KeyResult => LegendEntry::KeyResult,
                Shape::Decision => LegendEntry::Decision,
            });
        }
        let findings = self
            .nodes
            .iter()
            .filter_map(|n| n.finding.as_ref())
            .chain(self.edges.iter().filter_map(|e| e.finding.as_ref()));
        for f in findings {
            entries.push(if f.severity == Severity::Error {
                LegendEntry::Error
            } else {
                LegendEntry::Warning
            });
        }
        entries.sort_unstable();
        entries.dedup();
        entries
    }

    /// The kinds of edge this picture draws, in a fixed order.
    fn legend_edges(&self) -> Vec<EdgeKind> {
        if !self.legend {
            return Vec::new();
        }
        let mut kinds: Vec<EdgeKind> = self.edges.iter().map(|e| e.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
    }
}

/// Deepest indentation of nested clusters in the output.
const MAX_INDENT: usize = 12;
/// Width of label lines, in characters.
const WRAP: usize = 30;
/// Most lines of a long text in a label.
const TEXT_LINES: usize = 3;
/// Most check names written on one box or edge.
const CHECK_NAMES: usize = 3;

impl Picture {
    fn build(
        g: &OrgGraph<'_>,
        report: &Report,
        options: &ExportOptions,
    ) -> Result<Self, ExportError> {
        let findings = findings(report);
        let lookup = |kind: EntityKind, id: &str| findings.get(&(kind, Id::new(id)));
        let pg = g.graph();

        // Teams that have teams under them are drawn as clusters too.
        let mut parent_of: HashMap<NodeIndex, NodeIndex> = HashMap::new();
        for e in pg.edge_references() {
            if matches!(e.weight(), OrgEdge::Parent)
                && matches!(pg[e.target()], OrgNode::Team(_))
                && e.source() != e.target()
            {
                parent_of.entry(e.source()).or_insert(e.target());
            }
        }
        let has_children: HashSet<NodeIndex> = parent_of.values().copied().collect();

        // Candidate nodes, in graph (model) order.
        let mut shapes: HashMap<NodeIndex, Node> = HashMap::new();
        let mut order: Vec<NodeIndex> = Vec::new();
        let drawn_decision = |d| g.deciders(d).is_empty() || g.scope_of(d).is_none();
        for n in pg.node_indices() {
            let node = match pg[n] {
                OrgNode::Organization => {
                    let name = g
                        .model()
                        .organization
                        .name
                        .as_deref()
                        .unwrap_or(ORGANIZATION)
                        .to_owned();
                    Node::new(
                        Shape::Organization,
                        ORGANIZATION,
                        name.clone(),
                        vec![clean(&name)],
                        None,
                    )
                }
                OrgNode::Team(t) => {
                    let team = g.team(t);
                    let unit = team.kind == TeamKind::Unit || has_children.contains(&n);
                    let shape = if unit {
                        Shape::Unit
                    } else {
                        Shape::Team(team.kind)
                    };
                    let mut lines = titled(&team.id, team.name.as_deref());
                    if !unit && team.kind != TeamKind::StreamAligned {
                        lines.push(format!("({})", team.kind));
                    }
                    let title = clean(team.name.as_deref().unwrap_or(&team.id));
                    Node::new(
                        shape,
                        &team.id,
                        title,
                        lines,
                        lookup(EntityKind::Team, &team.id),
                    )
                }
                OrgNode::Product(p) => {
                    let product = g.product(p);
                    let lines = titled(&product.id, product.name.as_deref());
                    Node::new(
                        Shape::Product,
                        &product.id,
                        String::new(),
                        lines,
                        lookup(EntityKind::Product, &product.id),
                    )
                }
                OrgNode::Outcome(o) => {
                    let outcome = g.outcome(o);
                    let mut lines = vec![clean(&outcome.id)];
                    lines.extend(wrap(&outcome.statement, WRAP, TEXT_LINES));
                    Node::new(
                        Shape::Outcome,
                        &outcome.id,
                        String::new(),
                        lines,
                        lookup(EntityKind::Outcome, &outcome.id),
                    )
                }
                OrgNode::Objective(o) => {
                    let objective = g.objective(o);
                    let mut lines = vec![clean(&objective.id)];
                    lines.extend(wrap(&objective.title, WRAP, TEXT_LINES));
                    let mut node = Node::new(
                        Shape::Objective,
                        &objective.id,
                        String::new(),
                        lines,
                        lookup(EntityKind::Objective, &objective.id),
                    );
                    if !options.key_results {
                        let count = objective.key_results.len();
                        node.lines.push(format!(
                            "{count} key result{}",
                            if count == 1 { "" } else { "s" }
                        ));
                        for kr in &objective.key_results {
                            Finding::absorb(
                                &mut node.finding,
                                lookup(EntityKind::KeyResult, &kr.id),
                            );
                        }
                    }
                    node
                }
                OrgNode::KeyResult(o, k) => {
                    if !options.key_results {
                        continue;
                    }
                    let kr = g.key_result(o, k);
                    let mut lines = vec![clean(&kr.id)];
                    lines.extend(wrap(&kr.text, WRAP, TEXT_LINES));
                    Node::new(
                        Shape::KeyResult,
                        &kr.id,
                        String::new(),
                        lines,
                        lookup(EntityKind::KeyResult, &kr.id),
                    )
                }
                // People, stages and cadences are not drawn; interactions
                // are edges between teams.
                OrgNode::Person(_) | OrgNode::Stage(_) | OrgNode::Cadence(_) => continue,
                OrgNode::Decision(d) => {
                    if !drawn_decision(d) {
                        continue;
                    }
                    let decision = g.decision(d);
                    let id = decision.id();
                    let mut lines = vec![
                        clean(&decision.area.to_string()),
                        format!("@ {}", clean(&decision.scope.id)),
                    ];
                    if g.deciders(d).is_empty() {
                        lines.push("nobody decides".to_owned());
                    }
                    if g.scope_of(d).is_none() {
                        lines.push("unknown scope".to_owned());
                    }
                    Node::new(
                        Shape::Decision,
                        &id,
                        String::new(),
                        lines,
                        lookup(EntityKind::Decision, &id),
                    )
                }
            };
            shapes.insert(n, node);
            order.push(n);
        }

        // Edges, in graph order, each (from, to, label) once.
        let mut edges: Vec<(NodeIndex, NodeIndex, EdgeKind, String, Option<Finding>)> = Vec::new();
        let mut seen: HashMap<(NodeIndex, NodeIndex, String), usize> = HashMap::new();
        let mut push = |from: NodeIndex,
                        to: NodeIndex,
                        kind: EdgeKind,
                        label: String,
                        finding: Option<&Finding>| {
            match seen.entry((from, to, label.clone())) {
                std::collections::hash_map::Entry::Occupied(e) => {
                    Finding::absorb(&mut edges[*e.get()].4, finding)
                }
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(edges.len());
                    edges.push((from, to, kind, label, finding.cloned()));
                }
            }
        };
        for e in pg.edge_references() {
            let (from, to) = (e.source(), e.target());
            match (e.weight(), pg[from], pg[to]) {
                (OrgEdge::Owns { .. }, _, _) => push(from, to, EdgeKind::Owns, "owns".into(), None),
                (OrgEdge::Contributes, _, _) => {
                    push(from, to, EdgeKind::Contributes, "contributes".into(), None)
                }
                (OrgEdge::PartOf, OrgNode::KeyResult(..), _) if !options.key_results => {}
                (OrgEdge::PartOf, _, _) => push(from, to, EdgeKind::PartOf, "part of".into(), None),
                (OrgEdge::Serves, _, _) => push(from, to, EdgeKind::Serves, "serves".into(), None),
                (OrgEdge::Supports, _, _) => {
                    push(from, to, EdgeKind::Supports, "supports".into(), None)
                }
                (OrgEdge::Decides, _, OrgNode::Decision(d)) => {
                    let decision = g.decision(d);
                    let finding = lookup(EntityKind::Decision, &decision.id());
                    match g.scope_of(d) {
                        // Deciding for itself: written on the team, not a loop.
                        Some(scope) if scope == from && !drawn_decision(d) => {
                            if let Some(node) = shapes.get_mut(&from) {
                                node.decides_here.push(clean(&decision.area.to_string()));
                                Finding::absorb(&mut node.finding, finding);
                            }
                        }
                        Some(scope) if !drawn_decision(d) => {
                            push(
                                from,
                                scope,
                                EdgeKind::Decides,
                                format!("decides {}", clean(&decision.area.to_string())),
                                finding,
                            );
                        }
                        _ => push(from, to, EdgeKind::Decides, "decides".into(), finding),
                    }
                }
                (OrgEdge::AppliesTo, OrgNode::Decision(d), _) if drawn_decision(d) => {
                    push(from, to, EdgeKind::AppliesTo, "applies to".into(), None);
                }
                (OrgEdge::Interacts { mode, .. }, OrgNode::Team(_), OrgNode::Team(_))
                    if options.interactions && from != to =>
                {
                    // Collaboration and facilitating are drawn once per
                    // pair, whichever team they are written on.
                    let (from, to) = match mode {
                        InteractionMode::XAsAService => (from, to),
                        _ => (from.min(to), from.max(to)),
                    };
                    push(
                        from,
                        to,
                        EdgeKind::Interaction(*mode),
                        mode.to_string(),
                        None,
                    );
                }
                _ => {}
            }
        }
        edges.retain(|(from, to, ..)| shapes.contains_key(from) && shapes.contains_key(to));

        // What to draw: everything, or the focus's neighbourhood.
        let included: HashSet<NodeIndex> = match &options.focus {
            None => {
                let mut all: HashSet<NodeIndex> = shapes.keys().copied().collect();
                let org = g.organization();
                if !edges.iter().any(|(f, t, ..)| *f == org || *t == org) {
                    all.remove(&org);
                }
                all
            }
            Some(id) => {
                let start = focus_node(g, id, &shapes)?;
                let mut adjacent: HashMap<NodeIndex, Vec<NodeIndex>> = HashMap::new();
                let links = edges
                    .iter()
                    .map(|(f, t, ..)| (*f, *t))
                    .chain(parent_of.iter().map(|(c, p)| (*c, *p)));
                for (a, b) in links {
                    adjacent.entry(a).or_default().push(b);
                    adjacent.entry(b).or_default().push(a);
                }
                let mut reached = HashSet::from([start]);
                let mut queue = VecDeque::from([(start, 0_usize)]);
                while let Some((n, hops)) = queue.pop_front() {
                    if hops >= options.depth {
                        continue;
                    }
                    for &m in adjacent.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                        if reached.insert(m) {
                            queue.push_back((m, hops + 1));
                        }
                    }
                }
                reached
            }
        };

        // Picture indices in model order; keys unique.
        let mut index: HashMap<NodeIndex, usize> = HashMap::new();
        let mut nodes: Vec<Node> = Vec::new();
        let mut keys = UniqueNames::default();
        for n in order.iter().copied().filter(|n| included.contains(n)) {
            let Some(mut node) = shapes.remove(&n) else {
                continue;
            };
            // No control characters in keys, so that quoting keeps them apart.
            let id: String = node
                .id
                .chars()
                .map(|c| if c.is_control() { '\u{fffd}' } else { c })
                .collect();
            node.key = keys.take(id, "#");
            if !node.decides_here.is_empty() {
                let areas = std::mem::take(&mut node.decides_here).join(", ");
                node.lines.push("decides for itself:".to_owned());
                node.lines.extend(wrap(&areas, WRAP, TEXT_LINES));
            }
            if let Some(f) = &node.finding {
                node.lines.extend(f.label_lines());
            }
            index.insert(n, nodes.len());
            nodes.push(node);
        }
        let edges: Vec<Edge> = edges
            .into_iter()
            .filter_map(|(from, to, kind, label, finding)| {
                Some(Edge {
                    from: *index.get(&from)?,
                    to: *index.get(&to)?,
                    kind,
                    label,
                    finding,
                })
            })
            .collect();

        // Nesting: each team inside the nearest drawn team above it.
        let mut display_parent: Vec<Option<usize>> = vec![None; nodes.len()];
        for (&n, &i) in &index {
            if !matches!(pg[n], OrgNode::Team(_)) {
                continue;
            }
            // Up the parent chain to the first drawn team; a loop ends the walk.
            let mut at = n;
            for _ in 0..parent_of.len() {
                let Some(&up) = parent_of.get(&at) else { break };
                if up == n {
                    break;
                }
                if let Some(&j) = index.get(&up) {
                    display_parent[i] = Some(j);
                    break;
                }
                at = up;
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
        for (i, p) in display_parent.iter().enumerate() {
            if let Some(p) = p {
                children[*p].push(i);
            }
        }
        for (i, c) in children.iter().enumerate() {
            if !c.is_empty() {
                nodes[i].shape = Shape::Unit;
            }
        }
        let layout = nest(&nodes, &display_parent, &children);
        Ok(Self {
            title: g.model().organization.name.as_deref().map(str::to_owned),
            nodes,
            edges,
            layout,
            legend: options.legend,
        })
    }
}

impl Node {
    fn new(
        shape: Shape,
        id: &str,
        title: String,
        lines: Vec<String>,
        finding: Option<&Finding>,
    ) -> Self {
        Self {
            shape,
            key: String::new(),
            id: id.to_owned(),
            title,
            lines,
            finding: finding.cloned(),
            decides_here: Vec::new(),
        }
    }
}

/// The node the focus id names: a key result hidden from the picture
/// stands for its objective.
fn focus_node(
    g: &OrgGraph<'_>,
    id: &str,
    shapes: &HashMap<NodeIndex, Node>,
) -> Result<NodeIndex, ExportError> {
    if let Some(n) = g.node(id) {
        if shapes.contains_key(&n) {
            return Ok(n);
        }
        if let OrgNode::KeyResult(o, _) = g.graph()[n] {
            return Ok(g.objective_node(o));
        }
        if n != g.organization() {
            return Err(ExportError::NotDrawn {
                id: id.to_owned(),
                kind: g.entity_ref(n).kind,
            });
        }
    }
    let mut candidates: Vec<&str> = shapes
        .values()
        .filter(|s| s.shape != Shape::Decision)
        .map(|s| s.id.as_str())
        .collect();
    candidates.sort_unstable();
    Err(ExportError::UnknownFocus {
        id: id.to_owned(),
        suggestion: did_you_mean(id, candidates).map(str::to_owned),
    })
}

/// The drawing order: top-level teams with everything nested under them,
/// then the teams of parent loops, then every other node. Iterative, so
/// deep hierarchies cannot overflow the stack.
fn nest(nodes: &[Node], display_parent: &[Option<usize>], children: &[Vec<usize>]) -> Vec<Step> {
    let is_team = |i: usize| matches!(nodes[i].shape, Shape::Team(_) | Shape::Unit);
    let mut visited = vec![false; nodes.len()];
    let mut layout = Vec::with_capacity(nodes.len() * 2);
    let roots = (0..nodes.len()).filter(|&i| is_team(i) && display_parent[i].is_none());
    let leftovers = (0..nodes.len()).filter(|&i| is_team(i));
    for root in roots.chain(leftovers) {
        if visited[root] {
            continue;
        }
        visited[root] = true;
        // `Some(i)`: enter node i; `None`: close the innermost cluster.
        let mut stack: Vec<Option<usize>> = vec![Some(root)];
        while let Some(frame) = stack.pop() {
            let Some(i) = frame else {
                layout.push(Step::Close);
                continue;
            };
            if nodes[i].shape == Shape::Unit {
                layout.push(Step::Open(i));
                layout.push(Step::Node(i));
                stack.push(None);
                for &c in children[i].iter().rev() {
                    if !visited[c] {
                        visited[c] = true;
                        stack.push(Some(c));
                    }
                }
            } else {
                layout.push(Step::Node(i));
            }
        }
    }
    layout.extend((0..nodes.len()).filter(|&i| !is_team(i)).map(Step::Node));
    layout
}

/// Names handed out once each: a name already given becomes `{name}{sep}2`,
/// `{sep}3`, …, the first one free. Each name remembers the number it got
/// to, so that an id defined a thousand times costs a thousand look-ups,
/// not half a million; nothing is ever given back, so the numbers below it
/// are all taken and the result is the one counting from 2 would find.
#[derive(Debug, Default)]
pub(super) struct UniqueNames {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl UniqueNames {
    /// `base` if nobody has it yet, else the first free numbered form.
    pub(super) fn take(&mut self, base: String, sep: &str) -> String {
        if self.taken.insert(base.clone()) {
            return base;
        }
        let mut n = self.next.get(&base).copied().unwrap_or(2);
        loop {
            let candidate = format!("{base}{sep}{n}");
            n += 1;
            if self.taken.insert(candidate.clone()) {
                self.next.insert(base, n);
                return candidate;
            }
        }
    }
}

/// Errors and warnings of the report by entity, each message as
/// `error[check]: message`.
fn findings(report: &Report) -> HashMap<(EntityKind, Id), Finding> {
    let mut out: HashMap<(EntityKind, Id), Finding> = HashMap::new();
    for d in &report.diagnostics {
        if !matches!(d.severity, Severity::Error | Severity::Warning) {
            continue;
        }
        let message = format!("{}[{}]: {}", d.severity, d.check, d.message);
        let f = out
            .entry((d.entity.kind, d.entity.id.clone()))
            .or_insert(Finding {
                severity: d.severity,
                messages: Vec::new(),
                more: 0,
                checks: Vec::new(),
            });
        f.severity = f.severity.min(d.severity);
        f.messages.push(message);
        f.add_check(d.severity, &d.check);
    }
    for f in out.values_mut() {
        f.keep_first_messages();
    }
    out
}

/// A label's first lines: the name (when there is one) and the id.
fn titled(id: &str, name: Option<&str>) -> Vec<String> {
    match name.map(clean) {
        Some(name) if !name.is_empty() && name != id => vec![name, clean(id)],
        _ => vec![clean(id)],
    }
}

/// The most characters a name or id is drawn with; longer ones are cut
/// with `…`. Graphviz refuses a quoted string over 16 KB, and a box that
/// wide draws nothing anyone reads.
const MAX_LABEL: usize = 200;

/// Text on one line: whitespace and control characters become single
/// spaces, and at most [`MAX_LABEL`] characters are kept.
fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .take(MAX_LABEL * 4)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let one_line = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > MAX_LABEL || text.chars().nth(MAX_LABEL * 4).is_some() {
        one_line
            .chars()
            .take(MAX_LABEL - 1)
            .chain(std::iter::once('…'))
            .collect()
    } else {
        one_line
    }
}

/// Wraps text into at most `max_lines` lines of about `width` characters;
/// what does not fit is cut with `…`.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut cut = false;
    for word in clean(text).split(' ').filter(|w| !w.is_empty()) {
        let word: String = if word.chars().count() > width {
            word.chars()
                .take(width - 1)
                .chain(std::iter::once('…'))
                .collect()
        } else {
            word.to_owned()
        };
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                cut = true;
                break;
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&word);
    }
    if !cut && !current.is_empty() {
        lines.push(current);
    }
    if cut && let Some(last) = lines.last_mut() {
        last.push('…');
    }
    lines
}

#[cfg(test)]
mod tests;
