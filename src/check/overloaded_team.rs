//! `overloaded-team`: a team accountable for more than `max_products` products.

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, ProductIx, TeamIx};
use crate::model::{EntityKind, EntityRef, ProductKind};

/// The limit when none is configured.
const DEFAULT_MAX_PRODUCTS: i64 = 3;

declare_check! {
    /// ### What it finds
    /// A team that is accountable for more than `max_products` products
    /// (3 unless configured). A product counts once however it is claimed
    /// (the team's `owns`, the product's `owner`, or both). An `internal`
    /// product that is `part_of` another product the team is also
    /// accountable for is a piece of that product and counts with it (a
    /// catalog's services and APIs within the group's system); a
    /// customer-facing or platform product counts on its own wherever it
    /// sits. Products the team only contributes to, and outcomes or
    /// objectives it owns, do not count. Any kind of team is counted, units
    /// included: a unit that owns products directly is accountable for
    /// them. The message gives the count and the limit, and the products
    /// are listed as related.
    ///
    /// ### Why it matters
    /// A team can keep only so much in its head. Spread over many products
    /// it stops knowing any of them well: each gets a little attention, the
    /// backlog becomes a queue of requests from every side, and outcomes
    /// are traded against each other inside one team instead of being
    /// pursued.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: fulfilment
    ///     owns: [order-tracking, returns, shipping-labels, warehouse-app]
    /// ```
    ///
    /// ### Fix
    /// Hand some products to other teams. A product that is only an internal
    /// piece of another the team owns (a service behind its app) is better
    /// written as that: `kind: internal` and `part_of` the product, and then
    /// counts with it.
    /// ```yaml
    /// products:
    ///   - id: label-printer-service
    ///     kind: internal
    ///     part_of: shipping-labels
    /// ```
    /// Or split the work:
    /// ```yaml
    /// teams:
    ///   - id: fulfilment
    ///     owns: [order-tracking, returns]
    ///   - id: warehouse
    ///     owns: [shipping-labels, warehouse-app]
    /// ```
    ///
    /// ### Configuration
    /// `max_products` (integer, default 3): the most products one team may
    /// be accountable for.
    /// ```toml
    /// [checks]
    /// overloaded-team = { level = "warn", max_products = 4 }
    /// ```
    pub struct OverloadedTeam;
    name: "overloaded-team",
    category: Ownership,
    level: Warn,
    summary: "a team accountable for more than `max_products` products",
    params: [Param {
        name: "max_products",
        doc: "the most products one team may be accountable for (a whole number, default 3)",
        default: ParamValue::Int(DEFAULT_MAX_PRODUCTS),
    }],
}

impl Check for OverloadedTeam {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let max = cx
            .param_int("max_products")
            .unwrap_or(DEFAULT_MAX_PRODUCTS)
            .max(0);
        for defs in g.team_groups().iter() {
            let products = products(g, defs);
            if i64::try_from(products.len()).unwrap_or(i64::MAX) <= max {
                continue;
            }
            let lines = lines(g, &products);
            if i64::try_from(lines.len()).unwrap_or(i64::MAX) > max
                && let Some(d) = overloaded(g, defs, &lines, max)
            {
                out.push(d);
            }
        }
    }
}

/// The distinct products (by id) every definition of a team is accountable
/// for, in model order.
fn products(g: &OrgGraph<'_>, defs: &[TeamIx]) -> Vec<ProductIx> {
    let mut products: Vec<ProductIx> = defs
        .iter()
        .flat_map(|&t| g.products_of(t))
        .map(|p| g.canonical_product(p))
        .collect();
    products.sort_unstable();
    products.dedup();
    products
}

/// How far up a `part_of` chain a product is looked for in a line of the
/// team's: product lines are a few levels deep, and the walk stays bounded
/// on a chain of any length.
const MAX_LINE_DEPTH: usize = 32;

/// The products team `defs` (every definition of one team) is accountable
/// for, as this check counts them: each once, internal parts of another of
/// them left out. The scorecard's team load counts the same way.
pub(crate) fn counted_products(g: &OrgGraph<'_>, defs: &[TeamIx]) -> Vec<ProductIx> {
    lines(g, &products(g, defs))
}

/// The products of `products` (sorted, distinct) that count: all but the
/// internal ones that are part of another of them.
fn lines(g: &OrgGraph<'_>, products: &[ProductIx]) -> Vec<ProductIx> {
    products
        .iter()
        .copied()
        .filter(|&p| {
            g.product(p).kind != Some(ProductKind::Internal)
                || !g
                    .nearest_parent_products(p, MAX_LINE_DEPTH)
                    .into_iter()
                    .map(|q| g.canonical_product(q))
                    .any(|q| q != p && products.binary_search(&q).is_ok())
        })
        .collect()
}

fn overloaded(
    g: &OrgGraph<'_>,
    defs: &[TeamIx],
    products: &[ProductIx],
    max: i64,
) -> Option<Diagnostic> {
    let team = g.team(*defs.first()?);
    let noun = if max == 1 { "product" } else { "products" };
    let mut d = Diagnostic::new(
        OverloadedTeam::NAME,
        EntityRef::new(EntityKind::Team, &team.id),
        format!(
            "team `{}` is accountable for {} products, more than the limit of {max} {noun}",
            team.id,
            products.len()
        ),
    )
    .with_help(
        "hand some of its products to other teams, or make a product that is only an internal piece \
         of another `kind: internal` and `part_of` it; if this team can carry them, raise \
         `max_products` for `overloaded-team` in opmodel.toml",
    )
    .at(team.location);
    for &p in products {
        d = d.with_related(EntityKind::Product, &g.product(p).id);
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::Config;
    use crate::load::Format;

    const NAME: &str = "overloaded-team";

    const FOUR: &str = "teams:\n  - id: fulfilment\n    owns: [a, b, c]\n  - id: small\n    owns: [e]\nproducts:\n  - id: a\n  - id: b\n  - id: c\n  - id: d\n    owner: fulfilment\n  - id: e\n";

    #[test]
    fn triggers() {
        assert_triggers(NAME, FOUR, &["fulfilment"]);
        let found = findings(NAME, FOUR);
        assert_eq!(
            found[0].message,
            "team `fulfilment` is accountable for 4 products, more than the limit of 3 products"
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["a", "b", "c", "d"]);

        // The limit is configurable.
        let mut config = Config::new();
        config.set_param(NAME, "max_products", 0_i64);
        let found = findings_in(NAME, FOUR, Format::Yaml, config);
        let ids: Vec<&str> = found.iter().map(|d| d.entity.id.as_str()).collect();
        assert_eq!(ids, ["fulfilment", "small"]);

        // Units are counted too.
        let unit = "teams:\n  - id: music\n    kind: unit\n    owns: [a, b, c, d]\nproducts:\n  - { id: a }\n  - { id: b }\n  - { id: c }\n  - { id: d }\n";
        assert_triggers(NAME, unit, &["music"]);
    }

    #[test]
    fn passes() {
        // At the limit, with products claimed both ways and twice: still 3.
        let three = "teams:\n  - id: t\n    owns: [a, b, c, a]\nproducts:\n  - { id: a, owner: t }\n  - { id: b, owner: t }\n  - { id: c }\n";
        assert_passes(NAME, three);
        // Contributing, owning goals and dangling claims do not count.
        let other = "teams:\n  - id: t\n    owns: [a, ghost, o]\nproducts:\n  - { id: a }\n  - { id: b, contributors: [t] }\n  - { id: c, contributors: [t] }\n  - { id: d, contributors: [t] }\noutcomes:\n  - { id: o, statement: s, owner: t }\n  - { id: o2, statement: s, owner: t }\n";
        assert_passes(NAME, other);
        // A duplicated product id counts once.
        let twice = "teams:\n  - id: t\n    owns: [a, b, c]\nproducts:\n  - { id: a }\n  - { id: b }\n  - { id: c }\n  - { id: c, owner: t }\n";
        assert_passes(NAME, twice);
        // A higher limit.
        let mut config = Config::new();
        config.set_param(NAME, "max_products", 4_i64);
        assert!(findings_in(NAME, FOUR, Format::Yaml, config).is_empty());
        // Internal parts of a product the team owns count with it.
        let line = "teams:\n  - id: t\n    owns: [shop, cart, checkout, search, returns]\nproducts:\n  - { id: shop }\n  - { id: cart, kind: internal, part_of: shop }\n  - { id: checkout, kind: internal, part_of: cart }\n  - { id: search, kind: internal, part_of: shop }\n  - { id: returns }\n";
        assert_passes(NAME, line);
    }

    #[test]
    fn parts_that_are_products_of_their_own_count() {
        // Parts of a line the team does not own are products of its own.
        let parts = "teams:\n  - id: t\n    owns: [a, b, c, d]\n  - id: u\n    owns: [line]\nproducts:\n  - { id: line }\n  - { id: a, kind: internal, part_of: line }\n  - { id: b, kind: internal, part_of: line }\n  - { id: c, kind: internal, part_of: line }\n  - { id: d, kind: internal, part_of: line }\n";
        assert_triggers(NAME, parts, &["t"]);
        // Customer-facing parts, or parts of no stated kind, count on their own.
        let facing = "teams:\n  - id: t\n    owns: [a, b, c, d]\nproducts:\n  - { id: a }\n  - { id: b, kind: customer-facing, part_of: a }\n  - { id: c, part_of: a }\n  - { id: d, kind: platform, part_of: a }\n";
        assert_triggers(NAME, facing, &["t"]);
        // Beyond the limit, the products that count are listed.
        let lines = "teams:\n  - id: t\n    owns: [a, b, c, d, a1, b1]\nproducts:\n  - { id: a }\n  - { id: b }\n  - { id: c }\n  - { id: d }\n  - { id: a1, kind: internal, part_of: a }\n  - { id: b1, kind: internal, part_of: b }\n";
        let found = findings(NAME, lines);
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["a", "b", "c", "d"]);
    }
}
