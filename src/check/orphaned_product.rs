//! `orphaned-product`: a product with no accountable owning team.

use std::collections::HashSet;

use petgraph::Direction::Incoming;
use petgraph::visit::EdgeRef;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgEdge, OrgGraph, OrgNode, ProductIx, TeamIx};
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// A product that no team is accountable for: its `owner` field is
    /// empty and no team lists it in `owns`. Owners are teams that exist:
    /// an `owner` that names an unknown id (or `organization`, or an entity
    /// that is not a team) makes nobody accountable. When that is the
    /// product's only owner, its `unknown-reference` finding says both (the
    /// product has no accountable owner until the reference is fixed), and
    /// this check does not report it again. Being a
    /// `contributor`, or owning the product it is `part_of`, does not make a
    /// team accountable; such teams are named in the help as candidates.
    /// When an id is defined twice, the claims on every definition count.
    ///
    /// ### Why it matters
    /// A product without an accountable team has nobody who decides what it
    /// becomes, answers for its outcomes or looks after it once the people
    /// who built it have moved on. It drifts, collects requests nobody
    /// weighs, and its problems are found by customers.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: storefront
    /// products:
    ///   - id: gift-registry       # nobody is accountable for it
    ///     contributors: [storefront]
    /// ```
    ///
    /// ### Fix
    /// Name exactly one accountable team, on the product or on the team:
    /// ```yaml
    /// products:
    ///   - id: gift-registry
    ///     owner: storefront
    /// ```
    /// If nobody should own it any more, retire the product and remove it.
    pub struct OrphanedProduct;
    name: "orphaned-product",
    category: Ownership,
    level: Deny,
    summary: "a product with no accountable owning team",
    params: [],
}

impl Check for OrphanedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        for defs in g.product_groups().iter() {
            if defs.iter().any(|&p| g.has_owner(p)) {
                continue;
            }
            if let Some(d) = orphaned(g, defs) {
                out.push(d);
            }
        }
    }
}

/// The definition that references to the team's id resolve to.
fn canonical(g: &OrgGraph<'_>, team: TeamIx) -> TeamIx {
    g.canonical_team(team)
}

/// The resolved contributors of every definition, each team once, in model order.
fn contributors(g: &OrgGraph<'_>, defs: &[ProductIx]) -> Vec<TeamIx> {
    let mut teams: Vec<TeamIx> = defs
        .iter()
        .flat_map(|&p| g.graph().edges_directed(g.product_node(p), Incoming))
        .filter(|e| matches!(e.weight(), OrgEdge::Contributes))
        .filter_map(|e| match g.graph()[e.source()] {
            OrgNode::Team(t) => Some(canonical(g, t)),
            _ => None,
        })
        .collect();
    teams.sort_unstable();
    teams.dedup();
    teams
}

/// An id as written, cut short when it is very long.
fn shown(id: &str) -> String {
    if id.chars().count() <= 80 {
        id.to_owned()
    } else {
        id.chars().take(80).collect::<String>() + "…"
    }
}

fn orphaned(g: &OrgGraph<'_>, defs: &[ProductIx]) -> Option<Diagnostic> {
    let first = *defs.first()?;
    let product = g.product(first);
    let mut help =
        String::from("name one owning team with `owner:` on the product or `owns:` on a team");

    let contributors = contributors(g, defs);
    // Named by id, not in model order, so that reordering the files does
    // not change the message.
    let mut contributor_ids: Vec<&str> = contributors
        .iter()
        .map(|&t| g.team(t).id.as_str())
        .collect();
    contributor_ids.sort_unstable();
    match contributor_ids.len() {
        0 => {}
        1 => help.push_str(&format!(
            "; {} contributes to it and is a candidate",
            super::list_ids(&contributor_ids)
        )),
        _ => help.push_str(&format!(
            "; {} contribute to it and are candidates",
            super::list_ids(&contributor_ids)
        )),
    }

    // The product it is part of may have an owner who could take this one too.
    if let Some(parent) = product.part_of.as_ref().and_then(|r| g.product_ix(&r.id))
        && parent != first
    {
        let mut parent_owners: Vec<TeamIx> = g
            .owner_teams(parent)
            .into_iter()
            .map(|t| canonical(g, t))
            .collect();
        parent_owners.sort_unstable();
        parent_owners.dedup();
        let mut owner_ids: Vec<&str> = parent_owners
            .iter()
            .map(|&t| g.team(t).id.as_str())
            .filter(|id| !contributor_ids.contains(id))
            .collect();
        owner_ids.sort_unstable();
        owner_ids.dedup();
        if !owner_ids.is_empty() {
            help.push_str(&format!(
                "; `{}`, which it is part of, is owned by {}",
                g.product(parent).id,
                super::list_ids(&owner_ids)
            ));
        }
    }

    let mut d = Diagnostic::new(
        OrphanedProduct::NAME,
        EntityRef::new(EntityKind::Product, &product.id),
        format!("product `{}` has no accountable owner", product.id),
    )
    .with_help(help)
    .at(product.location);

    // An `owner` that names no team is why nobody is accountable: point at it.
    let mut seen = HashSet::new();
    let dangling = defs
        .iter()
        .flat_map(|&p| &g.product(p).owner)
        .filter(|r| g.team_ix(&r.id).is_none() && seen.insert(r.id.as_str()));
    for (n, r) in dangling.enumerate() {
        let text = format!("`owner` names `{}`, which is not a team", shown(&r.id));
        d = if n == 0 {
            d.with_focus(r.location(), text)
        } else {
            d.with_label(r.location(), text)
        };
    }

    for id in contributor_ids {
        d = d.with_related(EntityKind::Team, id);
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "orphaned-product";

    #[test]
    fn triggers() {
        let nobody = "teams:\n  - id: storefront\n    owns: [web-shop]\nproducts:\n  - id: web-shop\n  - id: gift-registry\n";
        assert_triggers(NAME, nobody, &["gift-registry"]);
        let found = findings(NAME, nobody);
        assert_eq!(
            found[0].message,
            "product `gift-registry` has no accountable owner"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("name one owning team with `owner:` on the product or `owns:` on a team")
        );
        assert!(found[0].related.is_empty());
        assert_eq!(found[0].location.map(|l| l.line), Some(6));

        // Contributors are not accountable, but they are the candidates.
        let contributors =
            "teams:\n  - id: b\n  - id: a\nproducts:\n  - id: p\n    contributors: [a, b, a]\n";
        assert_triggers(NAME, contributors, &["p"]);
        let found = findings(NAME, contributors);
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(
            help.ends_with("; `a` and `b` contribute to it and are candidates"),
            "{help}"
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["a", "b"]);

        // The only owner named is no team: `unknown-reference` says so and
        // that the product has no accountable owner, in one finding.
        let dangling = "teams:\n  - id: playback\nproducts:\n  - id: web-player\n    owner: playbak\n  - id: app\n    owner: organization\n";
        assert_passes(NAME, dangling);
        let unknown = findings("unknown-reference", dangling);
        assert_eq!(unknown.len(), 2);
        assert!(unknown.iter().all(|d| {
            d.help
                .as_deref()
                .unwrap_or_default()
                .contains("has no accountable owner")
        }));

        // Owning a goal or the parent product is not owning this product.
        let parent = "teams:\n  - id: music\n    kind: unit\n    owns: [music-app]\nproducts:\n  - id: music-app\n  - id: web-player\n    part_of: music-app\nobjectives:\n  - id: o\n    title: t\n    owner: music\n    key_results: [k]\n";
        assert_triggers(NAME, parent, &["web-player"]);
        let found = findings(NAME, parent);
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(
            help.ends_with("; `music-app`, which it is part of, is owned by `music`"),
            "{help}"
        );

        // A duplicated id is one product: reported once.
        let twice = "products:\n  - id: p\n  - id: p\n";
        assert_triggers(NAME, twice, &["p"]);
    }

    #[test]
    fn passes() {
        assert_passes(
            NAME,
            "products:\n  - id: p\n    owner: t\nteams:\n  - id: t\n",
        );
        assert_passes(
            NAME,
            "teams:\n  - id: t\n    owns: p\nproducts:\n  - id: p\n",
        );
        // Claimed both ways by one team, or by two teams: owned (two is another check).
        let both = "teams:\n  - id: t\n    owns: [p]\n  - id: u\n    owns: [q]\nproducts:\n  - id: p\n    owner: t\n  - id: q\n    owner: t\n";
        assert_passes(NAME, both);
        // Any kind of team can be accountable.
        assert_passes(
            NAME,
            "teams:\n  - id: music\n    kind: unit\n    owns: [app]\nproducts:\n  - id: app\n",
        );
        // A duplicated id whose other definition is owned.
        assert_passes(
            NAME,
            "teams:\n  - id: t\nproducts:\n  - id: p\n  - id: p\n    owner: t\n",
        );
        // A product that is its own parent does not loop the help.
        assert_passes(
            NAME,
            "teams:\n  - id: t\n    owns: [p]\nproducts:\n  - id: p\n    part_of: p\n",
        );
        assert_passes(NAME, "teams:\n  - id: t\n");
    }
}
