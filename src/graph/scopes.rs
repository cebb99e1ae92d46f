//! The nearest-scope rule for every product at once.
//!
//! A product's scopes, nearest first, are the product, its `part_of` chain,
//! its owning teams, each one's `parent` chain (up to the organisation when
//! it gets there) and the organisation ([`OrgGraph::scopes_of`]). Finding the
//! first scope with some property by walking that list is as long as the
//! chains, for every product; [`NearestScope`] reads it from the nearest
//! marked node above each product and team, worked out once per property
//! over the shared chains.

use petgraph::graph::NodeIndex;

use super::chains::NearestAbove;
use super::{OrgGraph, ProductIx, TeamIx};

/// The scopes that have one property (a right for one decision area, say),
/// and the nearest such scope above every product and team.
#[derive(Debug)]
pub(crate) struct NearestScope {
    product_has: Vec<bool>,
    team_has: Vec<bool>,
    org_has: bool,
    /// For each product, the nearest product above it with the property.
    products: NearestAbove,
    /// For each team, the nearest team above it with the property.
    teams: NearestAbove,
}

impl NearestScope {
    /// The scopes for which `has` holds.
    pub(crate) fn new(g: &OrgGraph<'_>, has: impl Fn(NodeIndex) -> bool) -> Self {
        let product_has: Vec<bool> = g.product_ixs().map(|p| has(g.product_node(p))).collect();
        let team_has: Vec<bool> = g.team_ixs().map(|t| has(g.team_node(t))).collect();
        let chains = g.chains();
        let marked = |list: &[bool], i: usize| list.get(i).copied().unwrap_or(false);
        let products = chains.products.nearest_above(|p| marked(&product_has, p));
        let teams = chains.teams.nearest_above(|t| marked(&team_has, t));
        Self {
            org_has: has(g.organization()),
            product_has,
            team_has,
            products,
            teams,
        }
    }

    /// The first of `product`'s scopes with the property; `owners` are its
    /// owning teams ([`OrgGraph::owner_teams`]).
    pub(crate) fn scope(
        &self,
        g: &OrgGraph<'_>,
        product: ProductIx,
        owners: &[TeamIx],
    ) -> Option<NodeIndex> {
        let i = product.index();
        if self.product_has.get(i).copied().unwrap_or(false) {
            return Some(g.product_node(product));
        }
        if let Some(q) = self.products.get(i) {
            return Some(g.product_node(ProductIx::from_usize(q)));
        }
        let team_has = |t: TeamIx| self.team_has.get(t.index()).copied().unwrap_or(false);
        if let Some(&t) = owners.iter().find(|&&t| team_has(t)) {
            return Some(g.team_node(t));
        }
        let org = g.organization();
        for &t in owners {
            if let Some(u) = self.teams.get(t.index()) {
                return Some(g.team_node(TeamIx::from_usize(u)));
            }
            // A chain that reaches the organisation lists it before the
            // next owner's chain.
            if self.org_has && g.reaches_organization(t) {
                return Some(org);
            }
        }
        self.org_has.then_some(org)
    }
}

#[cfg(test)]
mod tests {

    /// The nearest scope is the first of [`OrgGraph::scopes_of`] with a
    /// right, for every product and area, on orgs with loops, dangling and
    /// duplicated parents and several owners.
    #[test]
    fn nearest_scope_agrees_with_walking_the_scopes() {
        use super::NearestScope;
        use crate::graph::OrgGraph;
        use crate::load::{Format, load_str};
        use crate::model::DecisionArea;
        let orgs = [
            "teams:\n  - id: u\n    kind: unit\n    parent: organization\n  - id: a\n    parent: u\n    owns: [p]\n  - id: b\n    parent: a\n    owns: [q, p]\nproducts:\n  - id: p\n  - id: q\n    part_of: p\n  - id: r\n    part_of: q\ndecisions:\n  - { area: feature-set, scope: u, decides: u }\n  - { area: roadmap, scope: organization, decides: u }\n  - { area: roadmap, scope: q, decides: b }\n",
            "teams:\n  - id: a\n    parent: b\n    owns: [p]\n  - id: b\n    parent: c\n  - id: c\n    parent: a\n  - id: d\n    parent: nowhere\n    owns: [p, q]\nproducts:\n  - id: p\n    part_of: q\n  - id: q\n    part_of: p\n  - id: s\n    part_of: s\n    owner: c\ndecisions:\n  - { area: feature-set, scope: c, decides: c }\n  - { area: roadmap, scope: b, decides: b }\n  - { area: roadmap, scope: organization, decides: a }\n  - { area: feature-set, scope: q, decides: d }\n",
            "teams:\n  - id: a\n    owns: [p]\n  - id: a\n    parent: organization\n  - id: b\n    parent: a\n    owns: [p]\n  - id: c\n    parent: c\n    owns: [p]\nproducts:\n  - id: p\n  - id: p\n    part_of: p\ndecisions:\n  - { area: roadmap, scope: organization, decides: a }\n  - { area: feature-set, scope: c, decides: c }\n",
            // The first owner's chain reaches the organisation before the
            // second owner's chain is read; the second's does not.
            "teams:\n  - id: u1\n    kind: unit\n    parent: organization\n  - id: a\n    parent: u1\n    owns: [p]\n  - id: u2\n    kind: unit\n  - id: b\n    parent: u2\n    owns: [p]\n  - id: c\n    parent: u2\n    owns: [q]\n  - id: d\n    owns: [q]\nproducts:\n  - id: p\n  - id: q\ndecisions:\n  - { area: roadmap, scope: organization, decides: u1 }\n  - { area: roadmap, scope: u2, decides: u2 }\n",
        ];
        for org in orgs {
            let loaded = load_str(org, Format::Yaml, "org.yaml");
            let g = OrgGraph::build(&loaded.model);
            let areas: Vec<&DecisionArea> = g.decision_ixs().map(|d| &g.decision(d).area).collect();
            for area in areas {
                let has = |n| !g.decisions_at(area, n).is_empty();
                let nearest = NearestScope::new(&g, has);
                for p in g.product_ixs() {
                    let owners = g.owner_teams(p);
                    let walked = g.scopes_of(p).into_iter().find(|&s| has(s));
                    assert_eq!(
                        nearest.scope(&g, p, &owners),
                        walked,
                        "{org}\nproduct {p:?}, area {area}"
                    );
                }
            }
        }
    }
}
