//! `team-size`: a product-building team whose staffing is below `min` or above `max`.

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, SHARE_TOLERANCE, Staffing, TeamIx};
use crate::model::{EntityKind, EntityRef};

/// The smallest staffing when none is configured.
const DEFAULT_MIN: i64 = 3;
/// The largest staffing when none is configured.
const DEFAULT_MAX: i64 = 9;

declare_check! {
    /// ### What it finds
    /// A stream-aligned, platform, enabling or complicated-subsystem team
    /// (a team without `kind` is stream-aligned) whose staffing is below
    /// `min` (3 unless configured) or above `max` (9 unless configured).
    /// A team's staffing is the sum of the `share`s of the allocations to it
    /// (the `people` section), plus 1 for each member that names no
    /// `person:`, or names a person with no allocation to this team. Sums
    /// are compared with a tolerance of 1e-9. A team with neither members
    /// nor allocations has unknown staffing and is never reported; units,
    /// governance, business and leadership teams are never reported.
    ///
    /// ### Why it matters
    /// Team Topologies sizes teams by trust and cognitive load: below about
    /// three people a team has no slack, cannot review its own work and
    /// stops when one person is away; above about nine the team splits into
    /// sub-groups and communication paths multiply. Either way it stops
    /// working as one team.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: search
    ///     members:
    ///       - { name: Ana, role: engineer }
    /// people:
    ///   - id: bo
    ///     allocations: [{ team: search, share: 0.5 }]
    /// ```
    ///
    /// ### Fix
    /// Staff the team to a working size, merge it with a neighbour, or split
    /// a team that has grown too big:
    /// ```yaml
    /// teams:
    ///   - id: search
    ///     members:
    ///       - { name: Ana, role: engineer }
    ///       - { name: Cy, role: engineer }
    /// people:
    ///   - id: bo
    ///     allocations: [{ team: search, share: 1.0 }]
    /// ```
    ///
    /// ### Configuration
    /// `min` and `max` (integers, default 3 and 9): the smallest and the
    /// largest staffing a team should have.
    /// ```toml
    /// [checks]
    /// team-size = { min = 4, max = 8 }
    /// ```
    pub struct TeamSize;
    name: "team-size",
    category: People,
    level: Warn,
    summary: "a product-building team whose staffing is below `min` or above `max`",
    params: [
        Param {
            name: "min",
            doc: "the smallest staffing a team should have, in full-time people (a whole number, default 3)",
            default: ParamValue::Int(DEFAULT_MIN),
        },
        Param {
            name: "max",
            doc: "the largest staffing a team should have, in full-time people (a whole number, default 9)",
            default: ParamValue::Int(DEFAULT_MAX),
        },
    ],
}

impl Check for TeamSize {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let min = cx.param_int("min").unwrap_or(DEFAULT_MIN).max(0) as f64;
        let max = cx.param_int("max").unwrap_or(DEFAULT_MAX).max(0) as f64;
        for defs in g.team_groups().iter() {
            let Some(&first) = defs.first() else { continue };
            if !g.team(first).kind.builds_products() {
                continue;
            }
            let Some(staffing) = g.staffing_of(defs) else {
                continue;
            };
            if staffing.total < min - SHARE_TOLERANCE {
                out.push(sized(g, first, &staffing, "below the minimum", min));
            } else if staffing.total > max + SHARE_TOLERANCE {
                out.push(sized(g, first, &staffing, "above the maximum", max));
            }
        }
    }
}

fn sized(
    g: &OrgGraph<'_>,
    team: TeamIx,
    staffing: &Staffing,
    what: &str,
    limit: f64,
) -> Diagnostic {
    let t = g.team(team);
    let share = super::over_allocated_person::share_text;
    let parts = match (staffing.members, staffing.allocated > 0.0) {
        (0, _) => format!("{} allocated", share(staffing.allocated)),
        (m, false) => format!("{m} member{}", if m == 1 { "" } else { "s" }),
        (m, true) => format!(
            "{m} member{} and {} allocated",
            if m == 1 { "" } else { "s" },
            share(staffing.allocated)
        ),
    };
    let help = if what.starts_with("below") {
        "staff the team to a working size or merge it with a neighbouring team; if this size is \
         deliberate, lower `min` for `team-size` in opmodel.toml"
    } else {
        "split the team along a product or flow boundary; if this size works, raise `max` for \
         `team-size` in opmodel.toml"
    };
    Diagnostic::new(
        TeamSize::NAME,
        EntityRef::new(EntityKind::Team, &t.id),
        format!(
            "{} team `{}` has a staffing of {} ({parts}), {what} of {}",
            t.kind,
            t.id,
            share(staffing.total),
            share(limit)
        ),
    )
    .with_help(help)
    .at(t.location)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::Config;
    use crate::load::Format;

    const NAME: &str = "team-size";

    fn members(n: usize) -> String {
        (0..n)
            .map(|i| format!("      - {{ name: m{i} }}\n"))
            .collect()
    }

    #[test]
    fn triggers() {
        let small = format!(
            "teams:\n  - id: two\n    members:\n{}  - id: ten\n    kind: platform\n    members:\n{}",
            members(2),
            members(10)
        );
        assert_triggers(NAME, &small, &["ten", "two"]);
        let found = findings(NAME, &small);
        let two = found.iter().find(|d| d.entity.id == "two").expect("two");
        assert_eq!(
            two.message,
            "stream-aligned team `two` has a staffing of 2 (2 members), below the minimum of 3"
        );
        // Allocations only: 2.9 is below 3.
        let shares = "teams:\n  - id: t\npeople:\n  - { id: a, allocations: [{ team: t, share: 1 }] }\n  - { id: b, allocations: [{ team: t, share: 1 }] }\n  - { id: c, allocations: [{ team: t, share: 0.9 }] }\n";
        assert_triggers(NAME, shares, &["t"]);
        // A member naming a person with no allocation to this team counts 1;
        // one naming a person allocated here counts their share.
        let mixed = "teams:\n  - id: t\n    members:\n      - { name: A, person: a }\n      - { name: B, person: b }\n  - id: u\npeople:\n  - { id: a, allocations: [{ team: t, share: 0.5 }] }\n  - { id: b, allocations: [{ team: u, share: 1 }] }\n";
        // t: 0.5 (a) + 1 (b, not allocated to t) = 1.5; u: 1 allocated.
        assert_triggers(NAME, mixed, &["t", "u"]);
        // Configurable.
        let mut config = Config::new();
        config.set_param(NAME, "max", 4_i64);
        let five = format!("teams:\n  - id: t\n    members:\n{}", members(5));
        assert_eq!(findings_in(NAME, &five, Format::Yaml, config).len(), 1);
    }

    #[test]
    fn passes() {
        // At the limits: 3 and 9, also as sums of shares that add up to 3.
        let fine = format!(
            "teams:\n  - id: three\n    members:\n{}  - id: nine\n    members:\n{}  - id: shares\npeople:\n  - {{ id: a, allocations: [{{ team: shares, share: 0.1 }}] }}\n  - {{ id: b, allocations: [{{ team: shares, share: 0.2 }}] }}\n  - {{ id: c, allocations: [{{ team: shares, share: 0.7 }}] }}\n  - {{ id: d, allocations: [{{ team: shares, share: 1 }}] }}\n  - {{ id: e, allocations: [{{ team: shares, share: 1 }}] }}\n",
            members(3),
            members(9)
        );
        assert_passes(NAME, &fine);
        // Unknown staffing; kinds that are not sized.
        let others = format!(
            "teams:\n  - id: nobody\n  - id: u\n    kind: unit\n    members:\n{}  - id: g\n    kind: governance\n    members:\n{}",
            members(1),
            members(12)
        );
        assert_passes(NAME, &others);
        // Members naming people allocated here count only their shares.
        let named = "teams:\n  - id: t\n    members:\n      - { name: A, person: a }\n      - { name: B, person: b }\n      - { name: C, person: c }\npeople:\n  - { id: a, allocations: [{ team: t, share: 1 }] }\n  - { id: b, allocations: [{ team: t, share: 1 }] }\n  - { id: c, allocations: [{ team: t, share: 1 }] }\n";
        assert_passes(NAME, named);
        let mut config = Config::new();
        config.set_param(NAME, "min", 2_i64);
        let two = format!("teams:\n  - id: t\n    members:\n{}", members(2));
        assert!(findings_in(NAME, &two, Format::Yaml, config).is_empty());
    }
}
