//! `too-many-collaborations`: a team in more than `max` collaboration interactions.

use std::collections::BTreeSet;

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, TeamIx};
use crate::model::{EntityKind, EntityRef, InteractionMode};

/// The limit when none is configured.
const DEFAULT_MAX: i64 = 1;

declare_check! {
    /// ### What it finds
    /// A team in more than `max` (1 unless configured) `collaboration`
    /// interactions. Collaboration is mutual: a pair of teams counts once,
    /// whether the interaction is written on one of them or on both.
    /// `x-as-a-service` and `facilitating` interactions do not count, nor
    /// do interactions naming a team the model does not have, nor a team's
    /// interaction with itself. The message names the other teams; they are
    /// listed as related.
    ///
    /// ### Why it matters
    /// In Team Topologies, collaboration is the most expensive way for two
    /// teams to work: shared goals, shared decisions, constant
    /// communication. It pays off for a limited time, to discover
    /// something new together, and should end in a clearer boundary. A
    /// team collaborating with several teams at once carries the cognitive
    /// load of all of them and delivers slowly for each.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: playback
    ///     interactions:
    ///       - { with: growth-lab, mode: collaboration }
    ///       - { with: recommendations, mode: collaboration }
    /// ```
    ///
    /// ### Fix
    /// Keep one collaboration at a time, and turn the others into a service
    /// (`x-as-a-service`) or help to learn (`facilitating`); give a
    /// collaboration an end with `until:`:
    /// ```yaml
    /// teams:
    ///   - id: playback
    ///     interactions:
    ///       - { with: growth-lab, mode: collaboration, until: 2026-Q4 }
    ///       - { with: recommendations, mode: x-as-a-service }
    /// ```
    ///
    /// ### Configuration
    /// `max` (integer, default 1): the most teams one team may collaborate
    /// with at a time.
    /// ```toml
    /// [checks]
    /// too-many-collaborations = { max = 2 }
    /// ```
    pub struct TooManyCollaborations;
    name: "too-many-collaborations",
    category: Interactions,
    level: Warn,
    summary: "a team in more than `max` collaboration interactions",
    params: [Param {
        name: "max",
        doc: "the most teams one team may collaborate with at a time (a whole number, default 1)",
        default: ParamValue::Int(DEFAULT_MAX),
    }],
}

impl Check for TooManyCollaborations {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        if g.model().teams.iter().all(|t| t.interactions.is_empty()) {
            return;
        }
        let max = cx.param_int("max").unwrap_or(DEFAULT_MAX).max(0);
        // Each team's partners, from the pairs (each pair once).
        let mut partners: std::collections::BTreeMap<TeamIx, Vec<TeamIx>> =
            std::collections::BTreeMap::new();
        for (a, b) in collaborations(g) {
            partners.entry(a).or_default().push(b);
            partners.entry(b).or_default().push(a);
        }
        for defs in g.team_groups().iter() {
            let Some(&team) = defs.first() else { continue };
            let Some(partners) = partners.get(&team) else {
                continue;
            };
            if i64::try_from(partners.len()).unwrap_or(i64::MAX) > max {
                out.push(too_many(g, team, partners, max));
            }
        }
    }
}

/// Every pair of (first definitions of) teams linked by a `collaboration`
/// interaction, each once, smaller index first.
pub(crate) fn collaborations(g: &OrgGraph<'_>) -> BTreeSet<(TeamIx, TeamIx)> {
    let mut pairs = BTreeSet::new();
    for t in g.team_ixs() {
        if g.team(t).interactions.is_empty() {
            continue;
        }
        let a = g.canonical_team(t);
        for b in g.interactions(t, InteractionMode::Collaboration) {
            if a != b {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    pairs
}

fn too_many(g: &OrgGraph<'_>, team: TeamIx, partners: &[TeamIx], max: i64) -> Diagnostic {
    let t = g.team(team);
    let ids: Vec<&str> = partners.iter().map(|&p| g.team(p).id.as_str()).collect();
    let mut d = Diagnostic::new(
        TooManyCollaborations::NAME,
        EntityRef::new(EntityKind::Team, &t.id),
        format!(
            "team `{}` collaborates with {} teams ({}), more than the limit of {max}",
            t.id,
            partners.len(),
            super::list_ids(&ids)
        ),
    )
    .with_help(
        "keep one collaboration at a time and give it an end (`until:`); turn the others into \
         `x-as-a-service` or `facilitating` once the boundary is clear",
    )
    .at(t.location);
    for id in ids {
        d = d.with_related(EntityKind::Team, id);
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::Config;
    use crate::load::Format;

    const NAME: &str = "too-many-collaborations";

    #[test]
    fn triggers() {
        // Written on one side each: `hub` is in two, the others in one.
        let yaml = "teams:\n  - id: hub\n    interactions:\n      - { with: a, mode: collaboration }\n  - id: a\n  - id: b\n    interactions:\n      - { with: hub, mode: collaboration }\n";
        assert_triggers(NAME, yaml, &["hub"]);
        let found = findings(NAME, yaml);
        assert_eq!(
            found[0].message,
            "team `hub` collaborates with 2 teams (`a` and `b`), more than the limit of 1"
        );
        let mut config = Config::new();
        config.set_param(NAME, "max", 0_i64);
        let found = findings_in(NAME, yaml, Format::Yaml, config);
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn passes() {
        // A pair written on both sides counts once; other modes do not count.
        let yaml = "teams:\n  - id: a\n    interactions:\n      - { with: b, mode: collaboration }\n      - { with: c, mode: x-as-a-service }\n      - { with: d, mode: facilitating }\n      - { with: ghost, mode: collaboration }\n      - { with: a, mode: collaboration }\n  - id: b\n    interactions:\n      - { with: a, mode: collaboration, until: 2026-Q4 }\n  - id: c\n  - id: d\n";
        assert_passes(NAME, yaml);
        let mut config = Config::new();
        config.set_param(NAME, "max", 2_i64);
        let three = "teams:\n  - id: hub\n    interactions:\n      - { with: a, mode: collaboration }\n      - { with: b, mode: collaboration }\n  - id: a\n  - id: b\n";
        assert!(findings_in(NAME, three, Format::Yaml, config).is_empty());
    }
}
