//! `decision-outside-ownership`: the team deciding a product's feature set or roadmap is neither its owner nor a unit above it.

use std::collections::BTreeMap;

use petgraph::graph::NodeIndex;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{DecisionIx, NearestScope, OrgGraph, OrgNode, ProductIx, TeamIx};
use crate::model::{DecisionArea, EntityKind, EntityRef, TeamKind};

/// Maps keyed by small indices: a fast hasher (performance only).
type HashMap<K, V> = std::collections::HashMap<K, V, crate::graph::IndexHasher>;

declare_check! {
    /// ### What it finds
    /// A team that decides `feature-set` or `roadmap` for a product but is
    /// neither an accountable owner of the product nor a unit above one of
    /// its owners (in an owner's `parent` chain): authority without
    /// accountability. A `leadership` team is the leadership of the unit it
    /// sits in, so it counts as that unit: one whose `parent` is a unit
    /// stands for the unit, and one whose `parent` is `organization` (or
    /// that has no `parent`) stands above every team.
    ///
    /// The decision right that applies to a product is found with the
    /// nearest-scope rule: the product, the products it is `part_of`, its
    /// owning teams, the units above them, then `organization`; the first
    /// scope with a right for the area wins. A right at `digital` decided by
    /// `merchandising` thus applies to every product the teams of `digital`
    /// own, unless a nearer right overrides it.
    ///
    /// The finding is about the decision right, which is what is misplaced:
    /// one finding per entry, naming the deciding team and every product it
    /// decides for without being accountable (a right at a unit scope may
    /// cover many products). Products without an owner are skipped
    /// (`orphaned-product` reports them); when an entry names several
    /// deciders (`conflicting-deciders`), each is judged on its own.
    ///
    /// ### Why it matters
    /// The team that is accountable for a product's outcomes must be able
    /// to decide what goes into it and in which order. When another team
    /// decides, the owner answers for choices it did not make, and the
    /// deciding team never feels the consequences of its calls. A unit
    /// above the owner may decide (it is accountable for everything below
    /// it); a team beside it may recommend or be consulted.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: digital
    ///     kind: unit
    ///   - id: storefront
    ///     parent: digital
    ///     owns: [web-shop]
    ///   - id: merchandising
    ///     kind: business
    /// products:
    ///   - id: web-shop
    /// decisions:
    ///   - area: feature-set
    ///     scope: digital
    ///     decides: merchandising   # owns nothing under digital
    /// ```
    ///
    /// ### Fix
    /// Let the owner (or the unit above it) decide, and give the other team
    /// a voice:
    /// ```yaml
    /// decisions:
    ///   - area: feature-set
    ///     scope: digital
    ///     decides: digital
    ///     recommends: [merchandising]
    /// ```
    /// Or move ownership of the product to the team that really decides.
    pub struct DecisionOutsideOwnership;
    name: "decision-outside-ownership",
    category: DecisionRights,
    level: Warn,
    summary: "the team deciding a product's feature set or roadmap is neither its owner nor a unit above it",
    params: [],
}

/// The areas this check looks at.
const AREAS: [DecisionArea; 2] = [DecisionArea::FeatureSet, DecisionArea::Roadmap];

impl Check for DecisionOutsideOwnership {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let rights = Rights::new(g);
        if rights.sorted.is_empty() {
            return;
        }
        // The nearest scope with a right, per area, for every product at once.
        let nearest: Vec<NearestScope> = (0..AREAS.len())
            .map(|i| NearestScope::new(g, |n| rights.has(i, n)))
            .collect();
        let mut deciders: HashMap<DecisionIx, Vec<TeamIx>> = HashMap::default();
        let mut standing: HashMap<TeamIx, Standing> = HashMap::default();
        // Decision entry → deciding team → the products it decides for without accountability.
        let mut found: BTreeMap<DecisionIx, BTreeMap<&str, Vec<ProductIx>>> = BTreeMap::new();
        // The owners of each product named in a finding, read once: a
        // product that thousands of decision rights are scoped to has
        // thousands of edges to walk for them.
        let mut owners_of: HashMap<ProductIx, Vec<TeamIx>> = HashMap::default();
        for p in g.product_ixs() {
            // A duplicated id: scopes and claims resolve to the first definition.
            if !g.is_primary(g.product_node(p)) {
                continue;
            }
            let owners = g.owner_teams(p);
            if owners.is_empty() {
                continue;
            }
            for i in 0..AREAS.len() {
                let Some(scope) = nearest.get(i).and_then(|n| n.scope(g, p, &owners)) else {
                    continue;
                };
                for d in rights.at(i, scope) {
                    let teams = deciders.entry(d).or_insert_with(|| g.deciders(d));
                    for &t in teams.iter() {
                        let id = g.team(t).id.as_str();
                        let standing = *standing.entry(t).or_insert_with(|| Standing::of(g, t));
                        let fine = match standing {
                            Standing::Everywhere => true,
                            Standing::Own => accountable(g, t, &owners),
                            Standing::For(unit) => {
                                accountable(g, t, &owners) || accountable(g, unit, &owners)
                            }
                        };
                        if fine {
                            continue;
                        }
                        let products = found.entry(d).or_default().entry(id).or_default();
                        if products.last() != Some(&p) {
                            products.push(p);
                        }
                        owners_of.entry(p).or_insert_with(|| owners.clone());
                    }
                }
            }
        }
        for (d, teams) in found {
            out.push(finding(g, self.meta().name, d, &teams, &owners_of));
        }
    }
}

/// The feature-set and roadmap rights at each scope, by area (an index
/// into [`AREAS`]) and scope, made once per run. A sorted list and a flag
/// per node and area: a hash map of lists, one per scope, cost about six
/// times the memory on a big org.
struct Rights {
    /// Each right as (area, scope, right), sorted: the rights at one scope
    /// lie together, in model order.
    sorted: Vec<(u32, u32, DecisionIx)>,
    /// For each area, whether each node is the scope of a right for it.
    is_scope: [Vec<bool>; AREAS.len()],
}

impl Rights {
    fn new(g: &OrgGraph<'_>) -> Self {
        let nodes = g.graph().node_count();
        let mut is_scope: [Vec<bool>; AREAS.len()] = Default::default();
        let mut sorted = Vec::new();
        for d in g.decision_ixs() {
            let area = &g.decision(d).area;
            let (Some(i), Some(scope)) = (AREAS.iter().position(|a| a == area), g.scope_of(d))
            else {
                continue;
            };
            if let Some(flags) = is_scope.get_mut(i) {
                flags.resize(nodes, false);
                if let Some(flag) = flags.get_mut(scope.index()) {
                    *flag = true;
                }
            }
            sorted.push((i as u32, scope.index() as u32, d));
        }
        sorted.sort_unstable();
        Self { sorted, is_scope }
    }

    /// Whether `scope` has a right for area `i`.
    fn has(&self, i: usize, scope: NodeIndex) -> bool {
        self.is_scope
            .get(i)
            .and_then(|flags| flags.get(scope.index()))
            .copied()
            .unwrap_or(false)
    }

    /// The rights for area `i` at `scope`, in model order.
    fn at(&self, i: usize, scope: NodeIndex) -> impl Iterator<Item = DecisionIx> + '_ {
        let key = (i as u32, scope.index() as u32);
        let start = self.sorted.partition_point(|&(a, s, _)| (a, s) < key);
        self.sorted[start..]
            .iter()
            .take_while(move |&&(a, s, _)| (a, s) == key)
            .map(|&(_, _, d)| d)
    }
}

/// Whom a deciding team speaks for.
#[derive(Clone, Copy, Debug)]
enum Standing {
    /// Itself only.
    Own,
    /// The leadership of a unit: it speaks for that unit.
    For(TeamIx),
    /// The leadership of the organisation: above every team.
    Everywhere,
}

impl Standing {
    fn of(g: &OrgGraph<'_>, team: TeamIx) -> Self {
        let t = g.team(team);
        if t.kind != TeamKind::Leadership {
            return Self::Own;
        }
        match g.team_parent(team).map(|n| g.graph()[n]) {
            Some(OrgNode::Organization) => Self::Everywhere,
            Some(OrgNode::Team(unit)) => Self::For(unit),
            // No `parent` at all: the organisation's own leadership; a
            // dangling one (`unknown-reference`): itself only.
            _ if t.parent.is_none() => Self::Everywhere,
            _ => Self::Own,
        }
    }
}

/// Whether `team` owns the product or is a unit above one of its owners.
/// Teams are compared by the entity their id names, so a duplicated team
/// id counts as one team; a `parent` names the first team with its id, so
/// that is the team a chain can meet. Indices, not ids: this runs for
/// every product and decider, and looking an id up was a third of the
/// check's time on a big org.
fn accountable(g: &OrgGraph<'_>, team: TeamIx, owners: &[TeamIx]) -> bool {
    let named = g.definition_of(g.team_node(team));
    // The team a chain can meet: the first definition, when it is a team.
    let unit = match named.map(|n| g.graph()[n]) {
        Some(OrgNode::Team(first)) => Some(first),
        _ => None,
    };
    let teams = &g.chains().teams;
    owners.iter().any(|&o| {
        g.definition_of(g.team_node(o)) == named
            || unit.is_some_and(|u| teams.is_above(u.index(), o.index()))
    })
}

fn finding(
    g: &OrgGraph<'_>,
    name: &'static str,
    d: DecisionIx,
    teams: &BTreeMap<&str, Vec<ProductIx>>,
    owners_of: &HashMap<ProductIx, Vec<TeamIx>>,
) -> Diagnostic {
    let owners = |p: ProductIx| owners_of.get(&p).map_or(&[][..], Vec::as_slice);
    let right = g.decision(d);
    let mut clauses = Vec::new();
    let mut all_products: Vec<&str> = Vec::new();
    for (team, products) in teams {
        let mut ids: Vec<&str> = products.iter().map(|&p| g.product(p).id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let tail = match ids.len() {
            1 => "but does not own it and is not a unit above its owner",
            2 => "but owns neither and is not a unit above their owners",
            _ => "but owns none of them and is not a unit above their owners",
        };
        clauses.push(format!(
            "`{team}` decides `{}` for {} {tail}",
            right.area,
            super::list_ids(&ids)
        ));
        all_products.extend(ids);
    }
    all_products.sort_unstable();
    all_products.dedup();
    let message = clauses.join("; ");

    let help = match (teams.keys().next(), all_products.as_slice()) {
        (Some(team), [product]) => {
            let owner = g.product_ix(product).and_then(|p| match owners(p) {
                [only] => Some(g.team(*only).id.as_str()),
                _ => None,
            });
            match owner {
                Some(owner) => format!(
                    "let `{owner}`, which owns `{product}`, decide `{}` (or a unit above it), and name `{team}` in `recommends:` or `consulted:`",
                    right.area
                ),
                None => general_help(&right.area),
            }
        }
        _ => general_help(&right.area),
    };

    let mut diagnostic = Diagnostic::new(
        name,
        EntityRef::new(EntityKind::Decision, right.id()),
        message,
    )
    .with_help(help)
    .at(right.location);
    if let Some(first) = teams.keys().next()
        && let Some(r) = right.decides.iter().find(|r| r.id == *first)
    {
        diagnostic = diagnostic.with_focus(r.location(), format!("`{first}` decides here"));
    }
    const LABELLED: usize = 5;
    for product in all_products.iter().take(LABELLED) {
        if let Some(p) = g.product_ix(product) {
            let mut owner_ids: Vec<&str> =
                owners(p).iter().map(|&t| g.team(t).id.as_str()).collect();
            owner_ids.sort_unstable();
            diagnostic = diagnostic.with_label(
                g.product(p).location,
                format!("`{product}` is owned by {}", super::list_ids(&owner_ids)),
            );
        }
    }
    // The products past the labelled ones are still places the finding
    // concerns: counted, so the output says how many are not shown.
    diagnostic.more_labels += all_products.len().saturating_sub(LABELLED);
    for team in teams.keys() {
        diagnostic = diagnostic.with_related(EntityKind::Team, *team);
    }
    for product in all_products {
        diagnostic = diagnostic.with_related(EntityKind::Product, product);
    }
    diagnostic
}

fn general_help(area: &DecisionArea) -> String {
    format!(
        "let each product's owning team (or a unit above it) decide `{area}`, and name this team in `recommends:` or `consulted:`; or make it the owner"
    )
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};
    use crate::model::EntityKind;

    const NAME: &str = "decision-outside-ownership";
    const ORG: &str = "teams:\n  - id: digital\n    kind: unit\n    parent: organization\n  - id: storefront\n    parent: digital\n    owns: [web-shop]\n  - id: fulfilment\n    parent: digital\n    owns: [order-tracking]\n  - id: merchandising\n    kind: business\n    parent: organization\nproducts:\n  - id: web-shop\n  - id: order-tracking\n  - id: gift-registry\n";

    #[test]
    fn triggers() {
        // The example org: a unit-scope right decided by a business team.
        let unit = format!(
            "{ORG}decisions:\n  - area: feature-set\n    scope: digital\n    decides: merchandising\n"
        );
        assert_triggers(NAME, &unit, &["feature-set@digital"]);
        let found = findings(NAME, &unit);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "`merchandising` decides `feature-set` for `order-tracking` and `web-shop` but owns neither and is not a unit above their owners"
        );
        let related: Vec<(EntityKind, &str)> = found[0]
            .related
            .iter()
            .map(|r| (r.kind, r.id.as_str()))
            .collect();
        assert_eq!(
            related,
            [
                (EntityKind::Team, "merchandising"),
                (EntityKind::Product, "order-tracking"),
                (EntityKind::Product, "web-shop")
            ]
        );
        assert_eq!(found[0].labels.len(), 2);

        // A sibling team deciding a product's roadmap; the help names the owner.
        let sibling = format!(
            "{ORG}decisions:\n  - {{ area: roadmap, scope: web-shop, decides: fulfilment }}\n"
        );
        assert_triggers(NAME, &sibling, &["roadmap@web-shop"]);
        let found = findings(NAME, &sibling);
        assert!(
            found[0]
                .message
                .ends_with("but does not own it and is not a unit above its owner")
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("let `storefront`")),
            "{:?}",
            found[0].help
        );

        // An organisation-wide right reaches every owned product that has no nearer right;
        // a child team below the owner is not above it.
        let org_wide = format!(
            "{ORG}  - id: checkout\n    part_of: web-shop\n    owner: storefront\ndecisions:\n  - {{ area: roadmap, scope: organization, decides: merchandising }}\n  - {{ area: roadmap, scope: storefront, decides: storefront }}\n  - {{ area: feature-set, scope: order-tracking, decides: fulfilment-ux }}\n  - {{ area: feature-set, scope: organization, decides: digital }}\n"
        )
        .replace("teams:\n", "teams:\n  - id: fulfilment-ux\n    parent: fulfilment\n");
        assert_triggers(
            NAME,
            &org_wide,
            &["roadmap@organization", "feature-set@order-tracking"],
        );
        let found = findings(NAME, &org_wide);
        assert!(
            found.iter().any(|d| d
                .message
                .starts_with("`merchandising` decides `roadmap` for `order-tracking` but")),
            "{found:#?}"
        );

        // The leadership of another unit, or a business team, is not above the owner.
        let other_unit = format!(
            "{ORG}decisions:\n  - {{ area: roadmap, scope: fulfilment, decides: retail-lead }}\n  - {{ area: feature-set, scope: storefront, decides: merchandising }}\n"
        )
        .replace("teams:\n", "teams:\n  - { id: retail, kind: unit }\n  - { id: retail-lead, kind: leadership, parent: retail }\n");
        assert_triggers(
            NAME,
            &other_unit,
            &["roadmap@fulfilment", "feature-set@storefront"],
        );
    }

    #[test]
    fn passes() {
        // Owners decide, or the unit above them.
        let good = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: storefront }}\n  - {{ area: feature-set, scope: digital, decides: digital }}\n  - {{ area: roadmap, scope: organization, decides: digital }}\n"
        );
        assert_passes(NAME, &good);
        // The nearest scope wins: the owner's right overrides a misplaced organisation-wide one.
        let nearer = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: organization, decides: merchandising }}\n  - {{ area: feature-set, scope: digital, decides: digital }}\n"
        );
        assert_passes(NAME, &nearer);
        // Other areas are not this check's business; orphans are skipped.
        let other = format!(
            "{ORG}decisions:\n  - {{ area: budget-allocation, scope: organization, decides: merchandising }}\n  - {{ area: feature-set, scope: gift-registry, decides: merchandising }}\n"
        );
        assert_passes(NAME, &other);
        // A dangling decider or scope says nothing about accountability.
        let dangling = format!(
            "{ORG}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: nobody }}\n  - {{ area: roadmap, scope: nowhere, decides: merchandising }}\n  - {{ area: roadmap, scope: organization }}\n"
        );
        assert_passes(NAME, &dangling);
        // A leadership team stands for the unit it sits in, or for the whole organisation.
        let leaders = format!(
            "{ORG}  - id: app\n    owner: digital\ndecisions:\n  - {{ area: roadmap, scope: digital, decides: digital-lead }}\n  - {{ area: feature-set, scope: organization, decides: exec }}\n  - {{ area: feature-set, scope: app, decides: board }}\n"
        )
        .replace(
            "teams:\n",
            "teams:\n  - { id: digital-lead, kind: leadership, parent: digital }\n  - { id: exec, kind: leadership, parent: organization }\n  - { id: board, kind: leadership }\n",
        );
        assert_passes(NAME, &leaders);
        // A product owned both ways by the same team, decided by that team; parent loops terminate.
        let looped = "teams:\n  - id: a\n    parent: b\n    owns: [p]\n  - id: b\n    parent: a\nproducts:\n  - id: p\n    owner: a\ndecisions:\n  - { area: roadmap, scope: a, decides: b }\n  - { area: feature-set, scope: p, decides: a }\n";
        assert_passes(NAME, looped);
        // A team defined twice is one team: the definition that owns the
        // product and the one a `decides:` names are the same team.
        let twice = "teams:\n  - id: shop\n  - id: shop\n    owns: [web]\nproducts:\n  - id: web\ndecisions:\n  - { area: feature-set, scope: web, decides: shop }\n";
        assert_passes(NAME, twice);
        // …and a unit defined twice is above the teams under either.
        let unit_twice = "teams:\n  - { id: digital, kind: unit }\n  - { id: digital, kind: unit }\n  - { id: shop, parent: digital, owns: [web] }\nproducts:\n  - id: web\ndecisions:\n  - { area: roadmap, scope: web, decides: digital }\n";
        assert_passes(NAME, unit_twice);
    }
}
