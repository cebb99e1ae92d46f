//! `unaligned-product`: a product with no path to any outcome.

use std::collections::VecDeque;

use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::{Diagnostic, MAX_LISTED};
use crate::graph::{OrgEdge, OrgGraph, OrgNode};
use crate::model::EntityKind;

declare_check! {
    /// ### What it finds
    /// A product with no path to any outcome. A product is connected to an
    /// outcome when
    ///
    /// - it serves one itself (`outcomes:` on the product), or
    /// - one of its accountable owning teams owns an objective that
    ///   `supports` an outcome, directly or through parent objectives, or
    /// - a product it is `part_of` (at any depth) is connected in one of
    ///   these ways.
    ///
    /// Only resolved references count: an `outcomes:` entry or an owner that
    /// names no existing entity is already an `unknown-reference`, and leaves
    /// the product without that path, so the product is reported here too.
    /// Owning an outcome (`owner:` on the outcome) does not connect the
    /// team's products to it; contributing teams do not connect a product.
    ///
    /// ### Why it matters
    /// A product that leads to no customer or business outcome is work whose
    /// value nobody can state: it cannot be prioritised against other
    /// products, its team cannot tell whether it is succeeding, and it is the
    /// first candidate for becoming a feature factory.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: playback
    ///     owns: [web-player]
    /// products:
    ///   - id: web-player          # serves no outcome; playback has no objective
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    /// ```
    ///
    /// ### Fix
    /// Name the outcomes the product serves:
    ///
    /// ```yaml
    /// products:
    ///   - id: web-player
    ///     outcomes: [listening-time]
    /// ```
    ///
    /// or give the owning team an objective that `supports` an outcome, or
    /// place the product `part_of` a product line that serves one.
    pub struct UnalignedProduct;
    name: "unaligned-product",
    category: Alignment,
    level: Warn,
    summary: "a product with no path to any outcome",
    params: [],
}

impl Check for UnalignedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let aligned = aligned_products(g);
        for p in g.product_ixs() {
            // A second definition of the product is the `duplicate-id`
            // finding's.
            if aligned.get(p.index()).copied().unwrap_or(true) || g.is_copy(g.product_node(p)) {
                continue;
            }
            let product = g.product(p);
            let mut owners: Vec<&str> = g
                .owner_teams(p)
                .into_iter()
                .map(|t| g.team(t).id.as_str())
                .collect();
            owners.sort_unstable();
            owners.dedup();
            // Only the nearest parents are named: naming the whole chain
            // for every product of a deep one is quadratic.
            let nearest = g.nearest_parent_products(p, MAX_LISTED);
            let unnamed = g.chains().products.above_count(p.index()) - nearest.len();
            let mut parents: Vec<&str> = nearest
                .into_iter()
                .map(|pp| g.product(pp).id.as_str())
                .collect();
            parents.sort_unstable();
            parents.dedup();

            let message = if product.outcomes.is_empty() {
                format!("product `{}` has no path to any outcome", product.id)
            } else {
                format!(
                    "product `{}` has no path to any outcome: its `outcomes` name no existing outcome",
                    product.id
                )
            };
            let first = if product.outcomes.is_empty() {
                "add `outcomes: [...]` naming the outcomes the product serves"
            } else {
                "define the outcomes its `outcomes` name, or name existing ones"
            };
            let help = match owners.as_slice() {
                [] => format!(
                    "{first}, or give it an owning team with an objective that `supports` an outcome"
                ),
                [one] => {
                    format!("{first}, or give `{one}` an objective that `supports` an outcome")
                }
                many => format!(
                    "{first}, or give one of its owning teams ({}) an objective that `supports` an outcome",
                    many.iter()
                        .map(|t| format!("`{t}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let mut d = Diagnostic::new(
                self.meta().name,
                crate::model::EntityRef::new(EntityKind::Product, &product.id),
                message,
            )
            .with_help(help)
            .at(product.location);
            if let Some(first) = product.outcomes.first() {
                d = d.with_focus(first.location(), "`outcomes` names no existing outcome");
            }
            for t in owners {
                d = d.with_related(EntityKind::Team, t);
            }
            for pp in parents {
                d = d.with_related(EntityKind::Product, pp);
            }
            d.add_unlisted_related(unnamed);
            out.push(d);
        }
    }
}

/// For every product (by index), whether it has a path to an outcome.
///
/// Computed once for the whole model by propagating backwards from the
/// outcomes, so it is linear in nodes and edges and safe on loops:
/// objectives that reach an outcome through `supports` chains, then the
/// teams owning one, then the products served or owned that way, then every
/// product `part_of` (at any depth) an aligned one.
pub(crate) fn aligned_products(g: &OrgGraph<'_>) -> Vec<bool> {
    let raw = g.graph();

    // Objectives that support an outcome, directly or through parent objectives.
    let mut objective_ok = vec![false; g.model().objectives.len()];
    let mut queue = VecDeque::new();
    for o in g.objective_ixs() {
        let n = g.objective_node(o);
        let direct = raw.edges_directed(n, Outgoing).any(|e| {
            matches!(e.weight(), OrgEdge::Supports)
                && matches!(raw[e.target()], OrgNode::Outcome(_))
        });
        if direct && let Some(slot) = objective_ok.get_mut(o.index()) {
            *slot = true;
            queue.push_back(n);
        }
    }
    crate::graph::spread(
        raw,
        queue,
        Incoming,
        |e| matches!(e, OrgEdge::Supports),
        |n| match n {
            OrgNode::Objective(x) => Some(x.index()),
            _ => None,
        },
        &mut objective_ok,
    );

    // Teams that own such an objective.
    let team_ok: Vec<bool> = g
        .team_ixs()
        .map(|t| {
            raw.edges_directed(g.team_node(t), Outgoing).any(|e| {
                e.weight().is_owns() && matches!(raw[e.target()], OrgNode::Objective(o) if objective_ok.get(o.index()).copied().unwrap_or(false))
            })
        })
        .collect();

    // Products that serve an outcome or whose owning team has such an objective.
    let mut product_ok = vec![false; g.model().products.len()];
    let mut queue = VecDeque::new();
    for p in g.product_ixs() {
        let n = g.product_node(p);
        let serves = raw.edges_directed(n, Outgoing).any(|e| {
            matches!(e.weight(), OrgEdge::Serves) && matches!(raw[e.target()], OrgNode::Outcome(_))
        });
        let via_owner = || {
            raw.edges_directed(n, Incoming).any(|e| {
                e.weight().is_owns() && matches!(raw[e.source()], OrgNode::Team(t) if team_ok.get(t.index()).copied().unwrap_or(false))
            })
        };
        if (serves || via_owner())
            && let Some(slot) = product_ok.get_mut(p.index())
        {
            *slot = true;
            queue.push_back(n);
        }
    }
    // Down the `part_of` edges: a child of an aligned product is aligned.
    crate::graph::spread(
        raw,
        queue,
        Incoming,
        |e| matches!(e, OrgEdge::PartOf),
        |n| match n {
            OrgNode::Product(x) => Some(x.index()),
            _ => None,
        },
        &mut product_ok,
    );
    product_ok
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unaligned-product";

    #[test]
    fn triggers() {
        let bare = "teams:\n  - id: playback\n    owns: [web-player]\nproducts:\n  - id: web-player\noutcomes:\n  - id: listening\n    statement: s\n";
        assert_triggers(NAME, bare, &["web-player"]);
        let found = findings(NAME, bare);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "product `web-player` has no path to any outcome"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("give `playback` an objective"),
            "{found:#?}"
        );
        assert_eq!(found[0].related.len(), 1);
        assert_eq!(found[0].related[0].id, "playback");

        // The team's objective supports nothing, or only another objective that supports nothing.
        let objective_nowhere = "teams:\n  - id: t\nproducts:\n  - id: p\n    owner: t\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: parent\n    title: x\n    key_results: [a]\n  - id: child\n    title: y\n    owner: t\n    supports: parent\n    key_results: [b]\n";
        assert_triggers(NAME, objective_nowhere, &["p"]);

        // A contributor's objective does not align a product; owning an outcome does not either.
        let contributor = "teams:\n  - id: owner-team\n  - id: helper\nproducts:\n  - id: p\n    owner: owner-team\n    contributors: [helper]\noutcomes:\n  - id: o\n    statement: s\n    owner: owner-team\nobjectives:\n  - id: obj\n    title: x\n    owner: helper\n    supports: o\n    key_results: [k]\n";
        assert_triggers(NAME, contributor, &["p"]);

        // A product line and its parts, none aligned; the child names its parent.
        let line = "products:\n  - id: app\n  - id: player\n    part_of: app\n  - id: search\n    part_of: player\n";
        assert_triggers(NAME, line, &["app", "player", "search"]);
        let found = findings(NAME, line);
        let search = found
            .iter()
            .find(|d| d.entity.id == "search")
            .expect("search is reported");
        assert!(
            search.related.iter().any(|r| r.id == "app")
                && search.related.iter().any(|r| r.id == "player")
        );

        // A dangling outcome reference leaves the product without a path.
        let dangling = "products:\n  - id: p\n    outcomes: [nowhere]\n";
        assert_triggers(NAME, dangling, &["p"]);
        let found = findings(NAME, dangling);
        assert!(
            found[0].message.contains("name no existing outcome"),
            "{found:#?}"
        );

        // A loop in `part_of` with no outcome anywhere.
        let loop_ = "products:\n  - id: a\n    part_of: b\n  - id: b\n    part_of: a\n";
        assert_triggers(NAME, loop_, &["a", "b"]);

        // A product defined twice is reported once (its copy is the
        // `duplicate-id` finding's); one that shares a team's id is still
        // a product of its own.
        let twice = "products:\n  - id: p\n  - id: p\n";
        assert_eq!(findings(NAME, twice).len(), 1);
        let shared = "teams:\n  - id: search\nproducts:\n  - id: search\n    owner: nobody\n";
        assert_triggers(NAME, shared, &["search"]);
    }

    /// The pass over the whole graph answers what a search from each
    /// product answers (the scorecard relies on it).
    #[test]
    fn aligned_products_agrees_with_alignment_path() {
        use crate::graph::OrgGraph;
        use crate::load::{Format, load_str};
        let orgs = [
            "teams:\n  - id: t\n    owns: [p]\n  - id: u\nproducts:\n  - id: p\n  - id: q\n    owner: u\n    part_of: p\n  - id: r\n    part_of: r\n  - id: s\n    outcomes: [o]\n  - id: x\n    part_of: s\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: top\n    title: x\n    supports: o\n    key_results: [a]\n  - id: mine\n    title: y\n    owner: t\n    supports: top\n    key_results: [b]\n",
            "teams:\n  - id: t\nproducts:\n  - id: a\n    part_of: b\n    owner: t\n  - id: b\n    part_of: a\n  - id: c\n    part_of: a\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: l1\n    title: x\n    owner: t\n    supports: [l2]\n    key_results: [k]\n  - id: l2\n    title: y\n    supports: [l1]\n    key_results: [k]\n",
            "teams:\n  - id: t\nproducts:\n  - id: a\n    part_of: b\n    owner: t\n  - id: b\n    part_of: a\n  - id: c\n    part_of: a\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: l1\n    title: x\n    owner: t\n    supports: [l2]\n    key_results: [k]\n  - id: l2\n    title: y\n    supports: [l1, o]\n    key_results: [k]\n",
        ];
        for org in orgs {
            let loaded = load_str(org, Format::Yaml, "org.yaml");
            let g = OrgGraph::build(&loaded.model);
            let aligned = super::aligned_products(&g);
            for p in g.product_ixs() {
                assert_eq!(
                    aligned[p.index()],
                    g.alignment_path(p).is_some(),
                    "{org}\nproduct {}",
                    g.product(p).id
                );
            }
        }
    }

    #[test]
    fn passes() {
        let own =
            "products:\n  - id: p\n    outcomes: [o]\noutcomes:\n  - id: o\n    statement: s\n";
        assert_passes(NAME, own);

        // Through the owning team's objective, via a parent objective, owner given either way.
        let via_objective = "teams:\n  - id: t\n    owns: [p]\n  - id: u\nproducts:\n  - id: p\n  - id: q\n    owner: u\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: top\n    title: x\n    supports: o\n    key_results: [a]\n  - id: mine\n    title: y\n    owner: t\n    supports: top\n    key_results: [b]\n  - id: theirs\n    title: z\n    owner: u\n    supports: [o]\n    key_results: [c]\n";
        assert_passes(NAME, via_objective);

        // Through parent products at any depth, including one aligned by its owner's objective.
        let via_parent = "teams:\n  - id: t\nproducts:\n  - id: app\n    owner: t\n  - id: player\n    part_of: app\n  - id: queue\n    part_of: player\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: obj\n    title: x\n    owner: t\n    supports: o\n    key_results: [k]\n";
        assert_passes(NAME, via_parent);

        // A loop in objective `supports` that also reaches an outcome.
        let objective_loop = "teams:\n  - id: t\nproducts:\n  - id: p\n    owner: t\noutcomes:\n  - id: o\n    statement: s\nobjectives:\n  - id: a\n    title: x\n    owner: t\n    supports: [b]\n    key_results: [k]\n  - id: b\n    title: y\n    supports: [a, o]\n    key_results: [k]\n";
        assert_passes(NAME, objective_loop);

        // A `part_of` loop whose member serves an outcome.
        let part_loop = "products:\n  - id: a\n    part_of: b\n    outcomes: [o]\n  - id: b\n    part_of: a\noutcomes:\n  - id: o\n    statement: s\n";
        assert_passes(NAME, part_loop);

        assert_passes(NAME, "teams:\n  - id: t\n");
    }
}
