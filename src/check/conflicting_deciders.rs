//! `conflicting-deciders`: more than one deciding team for the same area and scope.

use std::collections::HashMap;

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{DecisionIx, IdHasher, OrgGraph, TeamIx};
use crate::model::{DecisionArea, EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// More than one deciding team for the same area and scope: one entry
    /// with `decides: [a, b]`, or several entries for the same area and
    /// scope that name different teams. Each (area, scope) is reported
    /// once, on its first entry that names a decider (in model order), with
    /// every deciding team named and the other entries pointed at.
    ///
    /// Only teams that exist count: an id in `decides` that does not
    /// resolve is `unknown-reference`. Two entries that name the same
    /// single team are repetitive but consistent and are not reported.
    ///
    /// ### Why it matters
    /// "Decided by two teams" means decided by neither: each assumes it has
    /// the final word, decisions are made twice or not at all, and every
    /// disagreement becomes an escalation.
    ///
    /// ### Example
    /// ```yaml
    /// decisions:
    ///   - area: budget-allocation
    ///     scope: organization
    ///     decides: [digital, merchandising]
    /// ```
    ///
    /// ### Fix
    /// Keep one decider and give the other team the part it really plays:
    /// ```yaml
    /// decisions:
    ///   - area: budget-allocation
    ///     scope: organization
    ///     decides: digital
    ///     agrees: [merchandising]
    /// ```
    /// When two entries disagree, merge them into one.
    pub struct ConflictingDeciders;
    name: "conflicting-deciders",
    category: DecisionRights,
    level: Deny,
    summary: "more than one deciding team for the same area and scope",
    params: [],
}

/// A decision right's (area, scope) as two numbers, and its place in the
/// model. Sorting a list of these brings each group's entries together at
/// 16 bytes an entry; a hash map from area and scope to the group cost
/// about four times that on a big org.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Keyed {
    /// The area: its place among the built-in areas, or past them the
    /// order a custom area was first met in.
    area: u32,
    /// The resolved scope's node, or (past every node) the order a
    /// dangling scope was first met in: two entries that spell an unknown
    /// scope the same way still share it.
    scope: u64,
    decision: DecisionIx,
}

/// Numbers for the custom areas and dangling scopes met so far.
#[derive(Default)]
struct Numbering<'m> {
    custom_areas: HashMap<&'m str, u32, IdHasher>,
    dangling_scopes: HashMap<&'m str, u32, IdHasher>,
}

impl<'m> Numbering<'m> {
    fn key(&mut self, g: &'m OrgGraph<'_>, decision: DecisionIx) -> Keyed {
        let right = g.decision(decision);
        let area = match &right.area {
            DecisionArea::FeatureSet => 0,
            DecisionArea::Roadmap => 1,
            DecisionArea::BudgetAllocation => 2,
            DecisionArea::VendorSelection => 3,
            DecisionArea::ArchitectureStandards => 4,
            DecisionArea::Security => 5,
            DecisionArea::Compliance => 6,
            DecisionArea::Hiring => 7,
            DecisionArea::Pricing => 8,
            DecisionArea::Release => 9,
            DecisionArea::Custom(written) => {
                10u32.saturating_add(next_number(&mut self.custom_areas, written))
            }
        };
        let scope = match g.scope_of(decision) {
            Some(node) => node.index() as u64,
            None => {
                let written = next_number(&mut self.dangling_scopes, right.scope.id.as_str());
                (1 << 32) | u64::from(written)
            }
        };
        Keyed {
            area,
            scope,
            decision,
        }
    }
}

/// The number of `text` in `numbers`, the next one when it is new.
fn next_number<'m>(numbers: &mut HashMap<&'m str, u32, IdHasher>, text: &'m str) -> u32 {
    let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
    *numbers.entry(text).or_insert(next)
}

impl Check for ConflictingDeciders {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let mut numbering = Numbering::default();
        let mut keyed: Vec<Keyed> = g.decision_ixs().map(|d| numbering.key(g, d)).collect();
        drop(numbering);
        // Each group's entries together, in model order.
        keyed.sort_unstable();
        // The groups worth a closer look: two or more entries, or one that
        // names two teams (nearly every group is one entry naming one team).
        let mut groups: Vec<&[Keyed]> = keyed
            .chunk_by(|a, b| (a.area, a.scope) == (b.area, b.scope))
            .filter(|group| match group {
                [one] => has_two_deciders(g, one.decision),
                _ => true,
            })
            .collect();
        // Reported in the model order of their first entries.
        groups.sort_unstable_by_key(|group| group.first().map(|k| k.decision));
        let mut entries = Vec::new();
        for group in groups {
            entries.clear();
            entries.extend(group.iter().map(|k| k.decision));
            if let Some(diagnostic) = conflict(g, self.meta().name, &entries) {
                out.push(diagnostic);
            }
        }
    }
}

/// Whether a decision right names two teams (by id) in `decides`: the
/// question for the one entry of most groups, asked without making lists.
fn has_two_deciders(g: &OrgGraph<'_>, d: DecisionIx) -> bool {
    let mut first: Option<&str> = None;
    for t in g.decider_edges(d) {
        let id = g.team(t).id.as_str();
        match first {
            None => first = Some(id),
            Some(seen) if seen != id => return true,
            Some(_) => {}
        }
    }
    false
}

fn conflict(g: &OrgGraph<'_>, name: &'static str, group: &[DecisionIx]) -> Option<Diagnostic> {
    let entries: Vec<(DecisionIx, Vec<TeamIx>)> = group
        .iter()
        .map(|&d| (d, g.deciders(d)))
        .filter(|(_, teams)| !teams.is_empty())
        .collect();
    let mut teams: Vec<&str> = entries
        .iter()
        .flat_map(|(_, teams)| teams.iter().map(|&t| g.team(t).id.as_str()))
        .collect();
    teams.sort_unstable();
    teams.dedup();
    if teams.len() < 2 {
        return None;
    }
    let (first, _) = entries.first()?;
    let right = g.decision(*first);
    let id = right.id();
    let message = if entries.len() == 1 {
        format!(
            "decision right `{id}` names {} deciding teams: {}",
            teams.len(),
            super::list_ids(&teams)
        )
    } else {
        format!(
            "decision right `{id}` has {} deciding teams across {} entries: {}",
            teams.len(),
            entries.len(),
            super::list_ids(&teams)
        )
    };
    let mut help = format!(
        "keep exactly one team in `decides` for `{}` at `{}` and give the others another role (`recommends`, `agrees`, `consulted`)",
        right.area,
        shown(&right.scope.id)
    );
    if entries.len() > 1 {
        help.push_str("; merge the entries into one");
    }
    let mut diagnostic = Diagnostic::new(name, EntityRef::new(EntityKind::Decision, id), message)
        .with_help(help)
        .at(right.location);
    for (d, deciders) in entries.iter().skip(1) {
        let mut ids: Vec<&str> = deciders.iter().map(|&t| g.team(t).id.as_str()).collect();
        ids.sort_unstable();
        diagnostic = diagnostic.with_label(
            g.decision(*d).location,
            format!("another entry names {}", super::list_ids(&ids)),
        );
    }
    for team in teams {
        diagnostic = diagnostic.with_related(EntityKind::Team, team);
    }
    Some(diagnostic)
}

/// An id as written, cut short when it is very long.
fn shown(id: &str) -> String {
    if id.chars().count() <= 80 {
        id.to_owned()
    } else {
        id.chars().take(80).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};
    use crate::model::EntityKind;

    const NAME: &str = "conflicting-deciders";
    const TEAMS: &str = "teams:\n  - id: digital\n    kind: unit\n  - id: merchandising\n    kind: business\n  - id: storefront\n    parent: digital\n    owns: [web-shop]\nproducts:\n  - id: web-shop\n";

    #[test]
    fn triggers() {
        let within = format!(
            "{TEAMS}decisions:\n  - area: budget-allocation\n    scope: organization\n    decides: [merchandising, digital]\n"
        );
        assert_triggers(NAME, &within, &["budget-allocation@organization"]);
        let found = findings(NAME, &within);
        assert_eq!(
            found[0].message,
            "decision right `budget-allocation@organization` names 2 deciding teams: `digital` and `merchandising`"
        );
        let related: Vec<(EntityKind, &str)> = found[0]
            .related
            .iter()
            .map(|r| (r.kind, r.id.as_str()))
            .collect();
        assert_eq!(
            related,
            [
                (EntityKind::Team, "digital"),
                (EntityKind::Team, "merchandising")
            ]
        );

        let across = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: storefront }}\n  - {{ area: roadmap, scope: web-shop, decides: merchandising }}\n  - {{ area: feature-set, scope: web-shop, decides: merchandising }}\n  - {{ area: feature-set, scope: web-shop, decides: storefront }}\n"
        );
        assert_triggers(NAME, &across, &["feature-set@web-shop"]);
        let found = findings(NAME, &across);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("across 3 entries"),
            "{}",
            found[0].message
        );
        // Reported on the first entry, with the two others pointed at.
        assert_eq!(found[0].location.map(|l| l.line), Some(12));
        assert_eq!(found[0].labels.len(), 2);
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("merge the entries"))
        );

        // Two groups, one finding each; a dangling scope spelled the same way twice is one scope.
        let two = format!(
            "{TEAMS}decisions:\n  - {{ area: pricing, scope: organization, decides: [digital, merchandising] }}\n  - {{ area: hiring, scope: nowhere, decides: digital }}\n  - {{ area: hiring, scope: nowhere, decides: storefront }}\n"
        );
        assert_triggers(NAME, &two, &["pricing@organization", "hiring@nowhere"]);

        // A custom area is one area however many entries name it, and
        // sorts after the built-in ones without changing what is found.
        let custom = format!(
            "{TEAMS}decisions:\n  - {{ area: data-retention, scope: web-shop, decides: storefront }}\n  - {{ area: release, scope: web-shop, decides: [storefront, digital] }}\n  - {{ area: data-retention, scope: web-shop, decides: merchandising }}\n"
        );
        assert_triggers(
            NAME,
            &custom,
            &["data-retention@web-shop", "release@web-shop"],
        );
    }

    #[test]
    fn passes() {
        let one = format!(
            "{TEAMS}decisions:\n  - {{ area: budget-allocation, scope: organization, decides: digital }}\n"
        );
        assert_passes(NAME, &one);
        // The same single team twice: repetitive but consistent.
        let same = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: storefront }}\n  - {{ area: feature-set, scope: web-shop, decides: [storefront, storefront] }}\n"
        );
        assert_passes(NAME, &same);
        // One entry naming one team twice, or a team defined twice
        // (`duplicate-id`): still one team.
        let once = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: [storefront, storefront] }}\n"
        );
        assert_passes(NAME, &once);
        let twice_defined = "teams:\n  - id: storefront\n    owns: [web-shop]\n  - id: storefront\nproducts:\n  - id: web-shop\ndecisions:\n  - { area: vendor-selection, scope: web-shop, decides: [storefront, storefront] }\n";
        assert_passes(NAME, twice_defined);
        // Different areas, or different scopes, are different decisions.
        let different = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: web-shop, decides: storefront }}\n  - {{ area: roadmap, scope: web-shop, decides: merchandising }}\n  - {{ area: feature-set, scope: digital, decides: digital }}\n"
        );
        assert_passes(NAME, &different);
        // A dangling second decider is `unknown-reference`; no decider at all is `missing-decider`.
        let dangling = format!(
            "{TEAMS}decisions:\n  - {{ area: pricing, scope: organization, decides: [digital, nobody] }}\n  - {{ area: pricing, scope: organization }}\n"
        );
        assert_passes(NAME, &dangling);
        // Two custom areas, or two unknown scopes spelled differently, are
        // different decisions.
        let apart = format!(
            "{TEAMS}decisions:\n  - {{ area: data-retention, scope: web-shop, decides: storefront }}\n  - {{ area: data-sharing, scope: web-shop, decides: merchandising }}\n  - {{ area: hiring, scope: nowhere, decides: digital }}\n  - {{ area: hiring, scope: elsewhere, decides: storefront }}\n"
        );
        assert_passes(NAME, &apart);
    }
}
