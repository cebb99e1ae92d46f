//! `unclear-ownership`: a product with more than one accountable team.

use std::collections::HashMap;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{ClaimSource, IndexHasher, OrgGraph, ProductIx, TeamIx};
use crate::model::{EntityKind, EntityRef};
use crate::source::Location;

declare_check! {
    /// ### What it finds
    /// A product that more than one team is accountable for. A product's
    /// accountable teams are the union of its `owner` field and every team
    /// whose `owns` lists it; the message names all of them, and each claim
    /// is pointed at where it was written. One team that claims the product
    /// both ways (its own `owns` and the product's `owner`), or twice, is
    /// one owner and is not reported. A unit above the owning team that also
    /// claims the product is a second owner. Claims naming ids that are not
    /// teams are left to `unknown-reference`.
    ///
    /// ### Why it matters
    /// When two teams are accountable, neither is: each expects the other to
    /// weigh the requests, fix the incidents and answer for the outcome, and
    /// decisions about the product become negotiations between teams.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: storefront
    ///     owns: [web-shop]
    ///   - id: fulfilment
    ///     owns: [order-tracking, web-shop]   # a second claim on web-shop
    /// products:
    ///   - id: web-shop
    ///   - id: order-tracking
    /// ```
    ///
    /// ### Fix
    /// Keep one accountable team; the others build on the product as
    /// contributors:
    /// ```yaml
    /// teams:
    ///   - id: storefront
    ///     owns: [web-shop]
    ///   - id: fulfilment
    ///     owns: [order-tracking]
    /// products:
    ///   - id: web-shop
    ///     contributors: [fulfilment]
    ///   - id: order-tracking
    /// ```
    /// If the product is really two products, split it and give each its
    /// own owner.
    pub struct UnclearOwnership;
    name: "unclear-ownership",
    category: Ownership,
    level: Deny,
    summary: "a product with more than one accountable team",
    params: [],
}

impl Check for UnclearOwnership {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        for defs in g.product_groups().iter() {
            // Most products have one owner: that needs no claims gathered.
            if let [only] = defs
                && g.owner_teams(*only).len() < 2
            {
                continue;
            }
            let claimants = claimants(g, defs);
            if claimants.len() > 1
                && let Some(d) = unclear(g, defs, &claimants)
            {
                out.push(d);
            }
        }
    }
}

/// One accountable team and every claim that makes it one.
struct Claimant {
    team: TeamIx,
    claims: Vec<(ClaimSource, Option<Location>)>,
}

/// The accountable teams of every definition of a product, one per team
/// id (a team defined twice is still one team), in model order.
fn claimants(g: &OrgGraph<'_>, defs: &[ProductIx]) -> Vec<Claimant> {
    let mut index: HashMap<TeamIx, usize, IndexHasher> = HashMap::default();
    let mut out: Vec<Claimant> = Vec::new();
    for &p in defs {
        for owner in g.owners(p) {
            let team = g.canonical_team(owner.team);
            match index.get(&team).and_then(|&i| out.get_mut(i)) {
                Some(c) => c.claims.extend(owner.claims),
                None => {
                    index.insert(team, out.len());
                    out.push(Claimant {
                        team,
                        claims: owner.claims,
                    });
                }
            }
        }
    }
    out.sort_by_key(|c| c.team);
    for c in &mut out {
        c.claims.sort();
        c.claims.dedup();
    }
    // By id, so the message reads the same whatever order the files list the teams in.
    out.sort_by(|a, b| g.team(a.team).id.cmp(&g.team(b.team).id));
    out
}

fn unclear(g: &OrgGraph<'_>, defs: &[ProductIx], claimants: &[Claimant]) -> Option<Diagnostic> {
    let product = g.product(*defs.first()?);
    let ids: Vec<&str> = claimants
        .iter()
        .map(|c| g.team(c.team).id.as_str())
        .collect();
    let mut d = Diagnostic::new(
        UnclearOwnership::NAME,
        EntityRef::new(EntityKind::Product, &product.id),
        format!(
            "product `{}` has {} accountable teams: {}",
            product.id,
            ids.len(),
            super::list_ids(&ids)
        ),
    )
    .with_help(
        "keep one accountable team with `owner:` on the product or `owns:` on a team, \
         and name the others as the product's `contributors`",
    )
    .at(product.location);
    for (c, id) in claimants.iter().zip(&ids) {
        for &(via, at) in &c.claims {
            let how = match via {
                ClaimSource::OwnsField => "through `owns`",
                ClaimSource::OwnerField => "through the product's `owner`",
            };
            d = d.with_label(at, format!("claimed by `{id}` {how}"));
        }
    }
    for id in ids {
        d = d.with_related(EntityKind::Team, id);
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unclear-ownership";

    #[test]
    fn triggers() {
        let two = "teams:\n  - id: storefront\n    owns: [web-shop]\n  - id: fulfilment\n    owns: [order-tracking, web-shop]\nproducts:\n  - id: web-shop\n  - id: order-tracking\n";
        assert_triggers(NAME, two, &["web-shop"]);
        let found = findings(NAME, two);
        assert_eq!(
            found[0].message,
            "product `web-shop` has 2 accountable teams: `fulfilment` and `storefront`"
        );
        let labels: Vec<(u32, &str)> = found[0]
            .labels
            .iter()
            .map(|l| (l.location.line, l.message.as_str()))
            .collect();
        assert_eq!(
            labels,
            [
                (3, "claimed by `storefront` through `owns`"),
                (5, "claimed by `fulfilment` through `owns`")
            ]
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["fulfilment", "storefront"]);

        // One claim each way, by different teams; a third on the product's `owner` list.
        let mixed = "teams:\n  - id: a\n    owns: [p]\n  - id: b\n  - id: c\nproducts:\n  - id: p\n    owner: [b, c, a]\n";
        assert_triggers(NAME, mixed, &["p"]);
        let found = findings(NAME, mixed);
        assert_eq!(
            found[0].message,
            "product `p` has 3 accountable teams: `a`, `b` and `c`"
        );
        assert!(
            found[0]
                .labels
                .iter()
                .any(|l| l.message == "claimed by `b` through the product's `owner`")
        );
        assert_eq!(found[0].labels.len(), 4, "{:#?}", found[0].labels);

        // A unit above the owner claiming the product is a second owner.
        let unit = "teams:\n  - id: music\n    kind: unit\n    owns: [web-player]\n  - id: playback\n    parent: music\nproducts:\n  - id: web-player\n    owner: playback\n";
        assert_triggers(NAME, unit, &["web-player"]);

        // A duplicated product id whose two definitions name different owners.
        let twice = "teams:\n  - id: a\n  - id: b\nproducts:\n  - id: p\n    owner: a\n  - id: p\n    owner: b\n";
        assert_triggers(NAME, twice, &["p"]);
    }

    #[test]
    fn passes() {
        // The same team claiming both ways (and twice) is one owner.
        let both = "teams:\n  - id: t\n    owns: [p, p]\nproducts:\n  - id: p\n    owner: [t, t]\n";
        assert_passes(NAME, both);
        assert_passes(
            NAME,
            "teams:\n  - id: t\nproducts:\n  - id: p\n    owner: t\n    contributors: [u]\n  - id: q\n",
        );
        // Contributors are not owners.
        let contributors = "teams:\n  - id: t\n    owns: [p]\n  - id: u\nproducts:\n  - id: p\n    contributors: [u]\n";
        assert_passes(NAME, contributors);
        // A dangling second owner is `unknown-reference`, not a second team.
        assert_passes(
            NAME,
            "teams:\n  - id: t\nproducts:\n  - id: p\n    owner: [t, ghost, organization]\n",
        );
        // A team defined twice that claims the product from both definitions is one team.
        let team_twice =
            "teams:\n  - id: t\n  - id: t\n    owns: [p]\nproducts:\n  - id: p\n    owner: t\n";
        assert_passes(NAME, team_twice);
        // Owning a goal is not owning the product.
        let goal = "teams:\n  - id: t\n    owns: [p]\n  - id: u\nproducts:\n  - id: p\n    outcomes: [o]\noutcomes:\n  - id: o\n    statement: s\n    owner: u\n";
        assert_passes(NAME, goal);
    }
}
