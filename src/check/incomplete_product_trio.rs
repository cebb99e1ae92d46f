//! `incomplete-product-trio`: a team that owns a customer-facing product but lacks a product manager, an engineering lead or a designer.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, ProductIx, TeamIx};
use crate::model::{EntityKind, EntityRef, ProductKind, Role};

declare_check! {
    /// ### What it finds
    /// A team that is accountable for at least one `customer-facing`
    /// product and lists its `members`, but has nobody in one or more of
    /// the three roles of the product trio: `product-manager`,
    /// `engineering-lead` and `designer`. Spellings such as
    /// `Product Manager` or `PM` are understood, and so are the common job
    /// titles: seniority words in front (`Senior`, `Staff`, `Principal`,
    /// `Lead`, `Head of`, `Group`, `Chief`, `Associate`, `Junior`), `UX`,
    /// `UI`, `UX/UI`, `interaction`, `product` and `visual` designers,
    /// `Design Lead`, `Tech Lead`, `Engineering Manager`, `Lead Developer`
    /// and `Lead Engineer`. Other titles count when `opmodel.toml` lists
    /// them under `[roles]`, by the role they stand for:
    /// `product-manager = ["Business Owner"]`. The message names exactly
    /// the roles that are missing; a team is reported once, with its
    /// customer-facing products as related. People allocated to the team
    /// in the `people` section count as its members, with the `role` of
    /// their allocation. Teams with neither members nor allocations are
    /// never reported: the model does not say who is on them. Products
    /// without `kind`, internal and platform products do not count.
    ///
    /// Allowed by default, because many organisations share designers or
    /// product managers across teams and do not list them.
    ///
    /// ### Why it matters
    /// A product for customers is shaped by three questions at once: is it
    /// worth building (product), can we build it (engineering) and can
    /// people use it (design). A team without one of the three answers that
    /// question by default, usually late and at the customer's expense.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: checkout
    ///     owns: [web-shop]
    ///     members:
    ///       - { name: Ana, role: product-manager }
    ///       - { name: Bo, role: engineer }
    /// products:
    ///   - id: web-shop
    ///     kind: customer-facing
    /// ```
    ///
    /// ### Fix
    /// List the missing roles among the members, sharing people with
    /// another team if need be:
    /// ```yaml
    /// teams:
    ///   - id: checkout
    ///     owns: [web-shop]
    ///     members:
    ///       - { name: Ana, role: product-manager }
    ///       - { name: Bo, role: engineering-lead }
    ///       - { name: Cy, role: designer }
    /// ```
    pub struct IncompleteProductTrio;
    name: "incomplete-product-trio",
    category: Ownership,
    level: Allow,
    summary: "a team that owns a customer-facing product but lacks a product manager, an engineering lead or a designer",
    params: [],
}

impl Check for IncompleteProductTrio {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        // The job titles `[roles]` in the config adds, read as roles are.
        let aliases: Vec<Vec<Role>> = TRIO
            .iter()
            .map(|(role, _)| {
                cx.config()
                    .role_aliases(&role.to_string())
                    .iter()
                    .map(|t| Role::parse(t))
                    .collect()
            })
            .collect();
        for defs in g.team_groups().iter() {
            // People allocated to the team (the `people` section) count as
            // its members.
            if !g.has_people(defs) {
                continue;
            }
            let products = customer_facing(g, defs);
            if products.is_empty() {
                continue;
            }
            let roles = g.team_roles_of(defs);
            let missing: Vec<&str> = TRIO
                .iter()
                .zip(&aliases)
                .filter(|((role, _), aliases)| {
                    !roles.iter().any(|&r| r == role || aliases.contains(r))
                })
                .map(|(&(_, name), _)| name)
                .collect();
            if missing.is_empty() {
                continue;
            }
            if let Some(d) = incomplete(g, defs, &products, &missing) {
                out.push(d);
            }
        }
    }
}

/// The three roles of the product trio, with their names in messages.
const TRIO: [(Role, &str); 3] = [
    (Role::ProductManager, "product manager"),
    (Role::EngineeringLead, "engineering lead"),
    (Role::Designer, "designer"),
];

/// The distinct customer-facing products (by id) the team is accountable
/// for, in model order.
fn customer_facing(g: &OrgGraph<'_>, defs: &[TeamIx]) -> Vec<ProductIx> {
    let mut products: Vec<ProductIx> = defs
        .iter()
        .flat_map(|&t| g.products_of(t))
        .filter(|&p| g.product(p).kind == Some(ProductKind::CustomerFacing))
        .map(|p| g.canonical_product(p))
        .collect();
    products.sort_unstable();
    products.dedup();
    products
}

/// "designer", "product manager or designer", "product manager, engineering lead or designer".
fn roles(missing: &[&str]) -> String {
    match missing.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn incomplete(
    g: &OrgGraph<'_>,
    defs: &[TeamIx],
    products: &[ProductIx],
    missing: &[&str],
) -> Option<Diagnostic> {
    let team = g.team(*defs.first()?);
    // By id, so that reordering the files does not change the message.
    let mut ids: Vec<&str> = products.iter().map(|&p| g.product(p).id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    let what = if ids.len() == 1 {
        "product"
    } else {
        "products"
    };
    let role_words: Vec<String> = missing
        .iter()
        .map(|m| format!("`role: {}`", m.replace(' ', "-")))
        .collect();
    let mut d = Diagnostic::new(
        IncompleteProductTrio::NAME,
        EntityRef::new(EntityKind::Team, &team.id),
        format!(
            "team `{}` owns customer-facing {what} {} but has no {}",
            team.id,
            super::list_ids(&ids),
            roles(missing)
        ),
    )
    .with_help(format!(
        "add the missing {} to `members` ({}), sharing people with another team if need be",
        if missing.len() == 1 { "role" } else { "roles" },
        role_words.join(", ")
    ))
    .at(team.location);
    for id in ids {
        d = d.with_related(EntityKind::Product, id);
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "incomplete-product-trio";

    const PRODUCTS: &str = "products:\n  - { id: shop, kind: customer-facing }\n  - { id: app, kind: customer-facing, owner: checkout }\n  - { id: tools, kind: internal }\n";

    #[test]
    fn triggers() {
        let two_missing = format!(
            "teams:\n  - id: checkout\n    owns: [shop]\n    members:\n      - {{ name: Bo, role: engineering-lead }}\n      - {{ name: Di, role: engineer }}\n{PRODUCTS}"
        );
        assert_triggers(NAME, &two_missing, &["checkout"]);
        let found = findings(NAME, &two_missing);
        assert_eq!(
            found[0].message,
            "team `checkout` owns customer-facing products `app` and `shop` but has no product manager or designer"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(
                "add the missing roles to `members` (`role: product-manager`, `role: designer`), \
                 sharing people with another team if need be"
            )
        );
        let related: Vec<&str> = found[0].related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["app", "shop"]);

        // Members without roles: all three missing.
        let nobody = "teams:\n  - id: t\n    owns: [p]\n    members: [{ name: Ana }]\nproducts:\n  - { id: p, kind: customer-facing }\n";
        assert_triggers(NAME, nobody, &["t"]);
        let found = findings(NAME, nobody);
        assert_eq!(
            found[0].message,
            "team `t` owns customer-facing product `p` but has no product manager, engineering lead or designer"
        );

        // Spelled differently, the understood roles still count.
        let spelled = "teams:\n  - id: t\n    owns: [p]\n    members:\n      - { name: Ana, role: Product Manager }\n      - { name: Bo, role: engineering_lead }\nproducts:\n  - { id: p, kind: customer-facing }\n";
        let found = findings(NAME, spelled);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["team `t` owns customer-facing product `p` but has no designer"]
        );

        // A team `kind` in the wrong case is an `invalid-entity` finding;
        // the trio of what the team owns is asked all the same.
        let cased = "teams:\n  - id: t\n    kind: Stream-Aligned\n    owns: [p]\n    members:\n      - { name: Ana, role: product-manager }\n      - { name: Bo, role: engineering-lead }\nproducts:\n  - { id: p, kind: customer-facing }\n";
        assert_triggers(NAME, cased, &["t"]);
    }

    #[test]
    fn passes() {
        let full = format!(
            "teams:\n  - id: checkout\n    owns: [shop]\n    members:\n      - {{ name: Ana, role: product-manager }}\n      - {{ name: Bo, role: engineering-lead }}\n      - {{ name: Cy, role: designer }}\n{PRODUCTS}"
        );
        assert_passes(NAME, &full);
        // No members listed: the model does not say who is on the team.
        assert_passes(
            NAME,
            &format!("teams:\n  - id: checkout\n    owns: [shop]\n{PRODUCTS}"),
        );
        // Internal, platform and kind-less products, contributions and dangling claims do not count.
        let other = "teams:\n  - id: t\n    owns: [a, b, c, ghost]\n    members: [{ name: Bo, role: engineer }]\nproducts:\n  - { id: a, kind: internal }\n  - { id: b, kind: platform }\n  - { id: c }\n  - { id: d, kind: customer-facing, contributors: [t] }\n";
        assert_passes(NAME, other);
        // Roles spread over two definitions of one team id.
        let twice = "teams:\n  - id: t\n    owns: [p]\n    members: [{ name: Ana, role: pm }]\n  - id: t\n    members: [{ name: Bo, role: engineering-lead }, { name: Cy, role: designer }]\nproducts:\n  - { id: p, kind: customer-facing }\n";
        assert_passes(NAME, twice);
        // People allocated to the team fill roles with their allocation's role.
        let allocated = "teams:\n  - id: t\n    owns: [p]\n    members: [{ name: Ana, role: pm }]\nproducts:\n  - { id: p, kind: customer-facing }\npeople:\n  - { id: bo, allocations: [{ team: t, share: 0.5, role: tech lead }] }\n  - { id: cy, allocations: [{ team: t, share: 0.5, role: designer }] }\n";
        assert_passes(NAME, allocated);
    }

    #[test]
    fn allocated_people_count_as_members() {
        // No `members`, but people allocated: the team has people.
        let yaml = "teams:\n  - id: t\n    owns: [p]\nproducts:\n  - { id: p, kind: customer-facing }\npeople:\n  - { id: bo, allocations: [{ team: t, share: 1, role: engineering-lead }] }\n";
        let found = findings(NAME, yaml);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["team `t` owns customer-facing product `p` but has no product manager or designer"]
        );
    }
}
