//! `missing-decision-right`: a product with no decision right for feature set, budget allocation or vendor selection.

use petgraph::graph::NodeIndex;

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::{DecisionIx, OrgGraph, ProductIx, TeamIx};
use crate::model::{DecisionArea, EntityKind, EntityRef};

/// Maps keyed by small indices: a fast hasher (performance only).
type HashMap<K, V> = std::collections::HashMap<K, V, crate::graph::IndexHasher>;

declare_check! {
    /// ### What it finds
    /// A product for which nobody has been given the right to decide one of
    /// the listed areas (by default `feature-set`, `budget-allocation` and
    /// `vendor-selection`): no decision right for the area is written at
    /// any scope that covers the product. The scopes that cover a product
    /// are those of the nearest-scope rule: the product itself, the
    /// products it is `part_of`, its owning teams, the units above them
    /// (`parent` chain) and `organization`. A decision right at
    /// `organization` therefore covers every product.
    ///
    /// Each product is reported once, naming every area it lacks. A
    /// decision right counts as written even when its `decides` is empty or
    /// dangling (`missing-decider` and `unknown-reference` report those); a
    /// decision right whose `scope` does not resolve covers nothing. When a
    /// product id is defined twice, only the first definition (the one
    /// references resolve to) is looked at.
    ///
    /// ### Why it matters
    /// Every product needs someone who decides what goes into it, what it
    /// may spend and whom it buys from. When nobody has that right written
    /// down, the decisions go to whoever asks loudest or are escalated by
    /// default, and the team that is accountable for the product cannot
    /// tell what it may decide on its own.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: storefront
    ///     owns: [web-shop]
    /// products:
    ///   - id: web-shop
    /// decisions:
    ///   - area: feature-set
    ///     scope: web-shop
    ///     decides: storefront
    ///   # nobody decides budget-allocation or vendor-selection for web-shop
    /// ```
    ///
    /// ### Fix
    /// Write the missing rights, at the product or at a scope above it:
    /// ```yaml
    /// decisions:
    ///   - area: feature-set
    ///     scope: web-shop
    ///     decides: storefront
    ///   - area: budget-allocation
    ///     scope: organization
    ///     decides: leadership
    ///   - area: vendor-selection
    ///     scope: storefront
    ///     decides: storefront
    /// ```
    ///
    /// ### Configuration
    /// `areas` (list of decision areas, default `["feature-set",
    /// "budget-allocation", "vendor-selection"]`): the areas every product
    /// needs a decision right for. Built-in or custom area names may be
    /// used; an empty list switches the check off.
    /// ```toml
    /// [checks]
    /// missing-decision-right = { areas = ["feature-set", "budget-allocation"] }
    /// ```
    pub struct MissingDecisionRight;
    name: "missing-decision-right",
    category: DecisionRights,
    level: Warn,
    summary: "a product with no decision right for feature set, budget allocation or vendor selection",
    params: [Param {
        name: "areas",
        doc: "the decision areas every product needs a decision right for",
        default: ParamValue::List(vec!["feature-set".to_owned(), "budget-allocation".to_owned(), "vendor-selection".to_owned()]),
    }],
}

/// Which of the configured areas are covered (one flag per area).
/// Which of the configured areas have a right: a bit each for the first 64
/// (every config one meets), a flag each for any beyond, so that copying
/// and merging the cover of a hundred thousand products allocates nothing.
#[derive(Clone, Debug, Default)]
struct Cover {
    low: u64,
    rest: Vec<bool>,
}

impl Cover {
    fn none(areas: usize) -> Self {
        Self {
            low: 0,
            rest: vec![false; areas.saturating_sub(64)],
        }
    }

    fn set(&mut self, area: usize) {
        match area.checked_sub(64) {
            None => self.low |= 1 << area,
            Some(i) => {
                if let Some(flag) = self.rest.get_mut(i) {
                    *flag = true;
                }
            }
        }
    }

    fn has(&self, area: usize) -> bool {
        match area.checked_sub(64) {
            None => self.low & (1 << area) != 0,
            Some(i) => self.rest.get(i).copied().unwrap_or(false),
        }
    }

    fn merge(&mut self, from: &Cover) {
        self.low |= from.low;
        for (a, b) in self.rest.iter_mut().zip(&from.rest) {
            *a |= *b;
        }
    }
}

impl Check for MissingDecisionRight {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let mut areas: Vec<DecisionArea> = Vec::new();
        for text in cx.param_list("areas") {
            let area = DecisionArea::parse(text.trim());
            if !areas.contains(&area) {
                areas.push(area);
            }
        }
        if areas.is_empty() {
            return;
        }
        let coverage = Coverage::new(g, &areas);
        // What each product's `part_of` chain and each team's `parent` chain
        // have written, one pass over each chain for every product and team.
        let chains = g.chains();
        let product_covers = chains.products.fold_up(
            |i| coverage.written_at(g.product_node(ProductIx::from_usize(i))),
            Cover::merge,
        );
        let team_covers = chains.teams.fold_up(
            |i| coverage.written_at(g.team_node(TeamIx::from_usize(i))),
            Cover::merge,
        );
        for p in g.product_ixs() {
            // A duplicated id: decisions scoped to it resolve to the first definition.
            if !g.is_primary(g.product_node(p)) {
                continue;
            }
            let mut covered = coverage.org.clone();
            if let Some(cover) = product_covers.get(p.index()) {
                covered.merge(cover);
            }
            let owners = g.owner_teams(p);
            for &team in &owners {
                if let Some(cover) = team_covers.get(team.index()) {
                    covered.merge(cover);
                }
            }
            let missing: Vec<usize> = (0..areas.len()).filter(|&i| !covered.has(i)).collect();
            if !missing.is_empty() {
                out.push_with(|| {
                    let scopes = std::iter::once(g.product_node(p))
                        .chain(owners.iter().map(|&t| g.team_node(t)))
                        .chain([g.organization()]);
                    let slip = coverage
                        .slip_for(scopes, &missing)
                        .map(|(d, i)| (d, &areas[i]));
                    let missing: Vec<&DecisionArea> = missing.iter().map(|&i| &areas[i]).collect();
                    finding(g, self.meta().name, p, &owners, &missing, slip)
                });
            }
        }
    }
}

/// The configured areas written at each scope, computed once per run.
struct Coverage {
    at: HashMap<NodeIndex, Cover>,
    org: Cover,
    areas: usize,
    /// Decision rights whose area, written as a custom one, is a likely
    /// slip for a configured area (`feature_set`, `Budget-Allocation`): by
    /// scope, the configured area's index and the decision right.
    near: HashMap<NodeIndex, Vec<(usize, DecisionIx)>>,
}

impl Coverage {
    fn new(g: &OrgGraph<'_>, areas: &[DecisionArea]) -> Self {
        let mut at: HashMap<NodeIndex, Cover> = HashMap::default();
        let mut near: HashMap<NodeIndex, Vec<(usize, DecisionIx)>> = HashMap::default();
        let names: Vec<String> = areas.iter().map(ToString::to_string).collect();
        for d in g.decision_ixs() {
            let area = &g.decision(d).area;
            if let (DecisionArea::Custom(written), Some(scope)) = (area, g.scope_of(d))
                && let Some(i) = DecisionArea::meant(written, &names)
            {
                near.entry(scope).or_default().push((i, d));
            }
            let (Some(i), Some(scope)) = (areas.iter().position(|a| a == area), g.scope_of(d))
            else {
                continue;
            };
            at.entry(scope)
                .or_insert_with(|| Cover::none(areas.len()))
                .set(i);
        }
        let org = at
            .get(&g.organization())
            .cloned()
            .unwrap_or_else(|| Cover::none(areas.len()));
        Self {
            at,
            org,
            areas: areas.len(),
            near,
        }
    }

    /// A decision right at one of `scopes` whose area reads like a slip for
    /// one of `missing` (indices into the configured areas), and that area.
    fn slip_for(
        &self,
        scopes: impl IntoIterator<Item = NodeIndex>,
        missing: &[usize],
    ) -> Option<(DecisionIx, usize)> {
        scopes.into_iter().find_map(|scope| {
            self.near
                .get(&scope)?
                .iter()
                .find(|(i, _)| missing.contains(i))
                .map(|&(i, d)| (d, i))
        })
    }

    /// What is written at `scope` itself.
    fn written_at(&self, scope: NodeIndex) -> Cover {
        self.at
            .get(&scope)
            .cloned()
            .unwrap_or_else(|| Cover::none(self.areas))
    }
}

/// The configured area (its index in `names`, the areas as written) a
/// custom area was likely meant as: the same words in another case or with
/// other separators (`feature_set`, `Budget Allocation`), or a typo of one
/// (`vendor-selction`).
fn finding(
    g: &OrgGraph<'_>,
    name: &'static str,
    p: ProductIx,
    owners: &[TeamIx],
    missing: &[&DecisionArea],
    slip: Option<(DecisionIx, &DecisionArea)>,
) -> Diagnostic {
    let product = g.product(p);
    let mut message = format!("product `{}` has no decision right for ", product.id);
    push_alternatives(&mut message, missing);
    let decider = match owners {
        [only] => crate::model::as_suggested(&g.team(*only).id),
        _ => "<team>".into(),
    };
    let example = missing.first().map_or_else(String::new, |area| {
        format!(
            " (`- {{ area: {area}, scope: {}, decides: {decider} }}`)",
            crate::model::as_suggested(&product.id)
        )
    });
    let mut help = format!(
        "write who decides {} at the product, a product it is part of, its owning team, a unit above it or `organization`{example}",
        if missing.len() == 1 { "it" } else { "each" }
    );
    if let Some((d, meant)) = slip {
        let written = &g.decision(d).area;
        help.push_str(&format!(
            "; the decision right `{}` names the area `{written}`: if it means `{meant}`, write `area: {meant}`",
            g.decision(d).id()
        ));
    }
    let mut d = Diagnostic::new(
        name,
        EntityRef::new(EntityKind::Product, &product.id),
        message,
    )
    .with_help(help)
    .at(product.location);
    // The line to fix is the slip's, in whichever file it is written.
    if let Some((slipped, meant)) = slip {
        d.push_label(
            g.decision(slipped).location,
            format!("`{}` here, meant as `{meant}`?", g.decision(slipped).area),
        );
    }
    let mut owner_ids: Vec<&str> = owners.iter().map(|&t| g.team(t).id.as_str()).collect();
    owner_ids.sort_unstable();
    owner_ids.dedup();
    for id in owner_ids {
        d = d.with_related(EntityKind::Team, id);
    }
    d
}

/// "`a`", "`a` or `b`", "`a`, `b` or `c`".
/// Appends "`a`, `b` or `c`".
fn push_alternatives(out: &mut String, items: &[&DecisionArea]) {
    use std::fmt::Write as _;
    for (i, item) in items.iter().enumerate() {
        let sep = match i {
            0 => "",
            _ if i + 1 == items.len() => " or ",
            _ => ", ",
        };
        // Writing to a String cannot fail.
        let _ = write!(out, "{sep}`{item}`");
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::{Config, Level, ParamValue};
    use crate::load::Format;

    const NAME: &str = "missing-decision-right";
    const ORG: &str = "teams:\n  - id: digital\n    kind: unit\n    parent: organization\n  - id: storefront\n    parent: digital\n    owns: [web-shop, checkout]\n  - id: fulfilment\n    parent: digital\n    owns: [order-tracking]\nproducts:\n  - id: web-shop\n  - id: checkout\n    part_of: web-shop\n  - id: order-tracking\n  - id: gift-registry\n";

    /// The findings with `areas` as the parameter, at deny.
    fn found_with(yaml: &str, areas: &[&str]) -> Vec<crate::Diagnostic> {
        let mut config = Config::new();
        config.set_level(NAME, Level::Deny);
        let list = ParamValue::List(areas.iter().map(|a| (*a).to_owned()).collect());
        config.set_param(NAME, "areas", list);
        findings_in(NAME, yaml, Format::Yaml, config)
    }

    #[test]
    fn an_area_written_like_a_configured_one_is_named_in_the_help() {
        let help_of = |decisions: &str| -> Vec<String> {
            let yaml = format!("{ORG}decisions:\n{decisions}");
            found_with(&yaml, &["feature-set", "vendor-selection"])
                .into_iter()
                .filter(|d| d.entity.id == "web-shop")
                .filter_map(|d| d.help.map(String::from))
                .collect()
        };
        for written in ["feature_set", "Feature Set", "feature-sett"] {
            let help = help_of(&format!(
                "  - {{ area: {written}, scope: web-shop, decides: storefront }}\n"
            ));
            let hint = format!(
                "; the decision right `{written}@web-shop` names the area `{written}`: if it means `feature-set`, write `area: feature-set`"
            );
            assert_eq!(help.len(), 1, "{written}");
            assert!(help[0].ends_with(&hint), "{written}: {}", help[0]);
        }
        // At the owning team's scope too.
        let help =
            help_of("  - { area: vendor_selection, scope: storefront, decides: storefront }\n");
        assert!(
            help[0].contains("`vendor_selection@storefront`"),
            "{}",
            help[0]
        );
        // Nothing to say: an unrelated custom area, a slip for an area that
        // is covered, a slip at another product's scope.
        for decisions in [
            "  - { area: partnerships, scope: web-shop, decides: storefront }\n",
            "  - { area: feature_set, scope: order-tracking, decides: fulfilment }\n",
        ] {
            let help = help_of(decisions);
            assert!(
                help.iter().all(|h| !h.contains("if it means")),
                "{decisions}: {help:?}"
            );
        }
        let covered = help_of(
            "  - { area: feature-set, scope: web-shop, decides: storefront }\n  - { area: feature_set, scope: web-shop, decides: storefront }\n",
        );
        assert!(
            covered.iter().all(|h| !h.contains("if it means")),
            "{covered:?}"
        );
    }

    fn with_config(yaml: &str, areas: &[&str]) -> Vec<String> {
        let mut ids: Vec<String> = found_with(yaml, areas)
            .into_iter()
            .map(|d| String::from(d.entity.id))
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn a_slip_of_an_area_is_pointed_at_where_it_is_written() {
        let yaml = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: organization, decides: storefront }}\n  - {{ area: vendor selection, scope: organization, decides: storefront }}\n"
        );
        let found = found_with(&yaml, &["feature-set", "vendor-selection"]);
        assert!(!found.is_empty());
        for d in &found {
            let labels: Vec<(u32, &str)> = d
                .labels
                .iter()
                .map(|l| (l.location.line, l.message.as_str()))
                .collect();
            assert_eq!(
                labels,
                [(19, "`vendor selection` here, meant as `vendor-selection`?")],
                "{d:#?}"
            );
        }
    }

    #[test]
    fn the_example_writes_refused_ids_in_their_valid_form() {
        let yaml = "teams:\n  - id: Card Team\n    owns: [Card App]\nproducts:\n  - id: Card App\n";
        let helps: Vec<String> = findings(NAME, yaml)
            .into_iter()
            .filter_map(|d| d.help.map(String::from))
            .collect();
        assert!(
            helps
                .iter()
                .any(|h| h.contains("scope: card-app, decides: card-team }")),
            "{helps:?}"
        );
        assert!(
            !helps.iter().any(|h| h.contains("decides: Card Team")),
            "{helps:?}"
        );
    }

    #[test]
    fn areas_past_the_sixty_fourth_count_too() {
        let mut areas: Vec<String> = (0..70).map(|i| format!("area-{i}")).collect();
        areas.push("feature-set".to_owned());
        let names: Vec<&str> = areas.iter().map(String::as_str).collect();
        let all_but_last: String = areas[..areas.len() - 1]
            .iter()
            .map(|a| format!("  - {{ area: {a}, scope: organization, decides: digital }}\n"))
            .collect();
        let covered = format!(
            "{ORG}decisions:\n{all_but_last}  - {{ area: feature-set, scope: storefront, decides: storefront }}\n"
        );
        // Area 71 (feature-set) is only written for the storefront's products.
        assert_eq!(
            with_config(&covered, &names),
            ["gift-registry", "order-tracking"]
        );
        let messages: Vec<String> = found_with(&covered, &names)
            .into_iter()
            .map(|d| d.message)
            .collect();
        assert!(
            messages.iter().all(|m| m.ends_with("for `feature-set`")),
            "{messages:#?}"
        );
        // Without area 65 written anywhere, every product lacks it.
        let without_65: String = all_but_last
            .lines()
            .filter(|l| !l.contains("area-65,"))
            .map(|l| format!("{l}\n"))
            .collect();
        let gap = format!(
            "{ORG}decisions:\n{without_65}  - {{ area: feature-set, scope: organization, decides: digital }}\n"
        );
        assert_eq!(
            with_config(&gap, &names),
            ["checkout", "gift-registry", "order-tracking", "web-shop"]
        );
    }

    #[test]
    fn triggers() {
        // Nothing written anywhere: every product, once each.
        assert_triggers(
            NAME,
            ORG,
            &["web-shop", "checkout", "order-tracking", "gift-registry"],
        );
        let found = findings(NAME, ORG);
        let web_shop = found.iter().find(|d| d.entity.id == "web-shop");
        let Some(web_shop) = web_shop else {
            panic!("no finding for web-shop: {found:#?}")
        };
        assert_eq!(
            web_shop.message,
            "product `web-shop` has no decision right for `feature-set`, `budget-allocation` or `vendor-selection`"
        );
        assert!(
            web_shop
                .help
                .as_deref()
                .is_some_and(|h| h.contains("decides: storefront")),
            "{:?}",
            web_shop.help
        );
        assert_eq!(web_shop.related.len(), 1);

        // Budget and vendors at the organisation, feature set only for the
        // storefront's products: order-tracking and the orphan lack it.
        let partial = format!(
            "{ORG}decisions:\n  - {{ area: budget-allocation, scope: organization, decides: digital }}\n  - {{ area: vendor-selection, scope: organization, decides: digital }}\n  - {{ area: feature-set, scope: storefront, decides: storefront }}\n"
        );
        assert_triggers(NAME, &partial, &["order-tracking", "gift-registry"]);
        let found = findings(NAME, &partial);
        assert!(
            found.iter().all(|d| d
                .message
                .ends_with("has no decision right for `feature-set`")),
            "{found:#?}"
        );

        // A right at a sibling's scope does not cover, and a dangling scope covers nothing.
        let sibling = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: fulfilment, decides: fulfilment }}\n  - {{ area: feature-set, scope: nowhere, decides: digital }}\n  - {{ area: budget-allocation, scope: organization, decides: digital }}\n  - {{ area: vendor-selection, scope: organization, decides: digital }}\n"
        );
        assert_triggers(NAME, &sibling, &["web-shop", "checkout", "gift-registry"]);

        // Configured areas, including a custom one.
        let custom = format!(
            "{ORG}decisions:\n  - {{ area: data-retention, scope: web-shop, decides: storefront }}\n"
        );
        assert_eq!(
            with_config(&custom, &["data-retention"]),
            ["gift-registry", "order-tracking"]
        );
    }

    #[test]
    fn passes() {
        // Everything at the organisation covers every product, owned or not.
        let org = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: organization, decides: digital }}\n  - {{ area: budget-allocation, scope: organization, decides: digital }}\n  - {{ area: vendor-selection, scope: organization }}\n"
        );
        assert_passes(NAME, &org);
        // Spread over product, parent product, owning team and unit.
        let spread = "teams:\n  - id: digital\n    kind: unit\n  - id: storefront\n    parent: digital\n    owns: [web-shop, checkout]\nproducts:\n  - id: web-shop\n  - id: checkout\n    part_of: web-shop\ndecisions:\n  - { area: feature-set, scope: web-shop, decides: storefront }\n  - { area: budget-allocation, scope: digital, decides: digital }\n  - { area: vendor-selection, scope: storefront, decides: storefront }\n";
        assert_passes(NAME, spread);
        // Loops in the hierarchy do not hang the check.
        let looped = "teams:\n  - id: a\n    parent: b\n    owns: [p]\n  - id: b\n    parent: a\nproducts:\n  - id: p\n    part_of: q\n  - id: q\n    part_of: p\n    owner: a\ndecisions:\n  - { area: feature-set, scope: b, decides: b }\n  - { area: budget-allocation, scope: q, decides: a }\n  - { area: vendor-selection, scope: a, decides: a }\n";
        assert_passes(NAME, looped);
        // An empty list switches the check off.
        assert!(with_config(ORG, &[]).is_empty());
        assert!(with_config(&format!("{ORG}decisions:\n  - {{ area: pricing, scope: organization, decides: digital }}\n"), &["pricing"]).is_empty());
    }
}
