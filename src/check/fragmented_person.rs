//! `fragmented-person`: a person allocated to more than `max_teams` distinct teams.

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, PersonIx, TeamIx};
use crate::model::{EntityKind, EntityRef};

/// The limit when none is configured.
const DEFAULT_MAX_TEAMS: i64 = 2;

declare_check! {
    /// ### What it finds
    /// A person allocated to more than `max_teams` distinct teams (2 unless
    /// configured) by the `allocations` of the `people` section. A team
    /// named twice counts once; an allocation to a team the model does not
    /// have does not count (it is reported by `unknown-reference`).
    /// Membership written on a team (`members` naming a `person:`) is not
    /// an allocation and does not count. The message gives the count and
    /// the limit; the teams are listed as related.
    ///
    /// ### Why it matters
    /// Context switching kills flow. A person split over many teams belongs
    /// to none of them: they miss the conversations where decisions are
    /// made, every team waits for them, and the time lost to switching is
    /// taken from all of them. Team Topologies asks for stable teams with
    /// people dedicated to them.
    ///
    /// ### Example
    /// ```yaml
    /// people:
    ///   - id: ana
    ///     allocations:
    ///       - { team: playback, share: 0.4 }
    ///       - { team: search, share: 0.3 }
    ///       - { team: growth-lab, share: 0.3 }
    /// ```
    ///
    /// ### Fix
    /// Give the person to fewer teams:
    /// ```yaml
    /// people:
    ///   - id: ana
    ///     allocations:
    ///       - { team: playback, share: 0.7 }
    ///       - { team: search, share: 0.3 }
    /// ```
    ///
    /// ### Configuration
    /// `max_teams` (integer, default 2): the most teams one person may be
    /// allocated to.
    /// ```toml
    /// [checks]
    /// fragmented-person = { max_teams = 3 }
    /// ```
    pub struct FragmentedPerson;
    name: "fragmented-person",
    category: People,
    level: Warn,
    summary: "a person allocated to more than `max_teams` distinct teams",
    params: [Param {
        name: "max_teams",
        doc: "the most distinct teams one person may be allocated to (a whole number, default 2)",
        default: ParamValue::Int(DEFAULT_MAX_TEAMS),
    }],
}

impl Check for FragmentedPerson {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let max = cx
            .param_int("max_teams")
            .unwrap_or(DEFAULT_MAX_TEAMS)
            .max(0);
        for defs in g.person_groups().iter() {
            let mut teams: Vec<TeamIx> = defs.iter().flat_map(|&p| g.teams_of_person(p)).collect();
            teams.sort_unstable();
            teams.dedup();
            if i64::try_from(teams.len()).unwrap_or(i64::MAX) > max {
                out.push(fragmented(g, defs, &teams, max));
            }
        }
    }
}

fn fragmented(g: &OrgGraph<'_>, defs: &[PersonIx], teams: &[TeamIx], max: i64) -> Diagnostic {
    let person = g.person(defs[0]);
    let noun = if max == 1 { "team" } else { "teams" };
    let ids: Vec<&str> = teams.iter().map(|&t| g.team(t).id.as_str()).collect();
    let mut d = Diagnostic::new(
        FragmentedPerson::NAME,
        EntityRef::new(EntityKind::Person, &person.id),
        format!(
            "person `{}` is allocated to {} teams ({}), more than the limit of {max} {noun}",
            person.id,
            teams.len(),
            super::list_ids(&ids)
        ),
    )
    .with_help(
        "give the person to fewer teams: context switching costs every team they are on; if this \
         is deliberate, raise `max_teams` for `fragmented-person` in opmodel.toml",
    )
    .at(person.location);
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

    const NAME: &str = "fragmented-person";

    const TEAMS: &str = "teams:\n  - id: a\n  - id: b\n  - id: c\n  - id: d\n";

    #[test]
    fn triggers() {
        let three = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 0.4 }}\n      - {{ team: b, share: 0.3 }}\n      - {{ team: c, share: 0.3 }}\n"
        );
        assert_triggers(NAME, &three, &["ana"]);
        let found = findings(NAME, &three);
        assert_eq!(
            found[0].message,
            "person `ana` is allocated to 3 teams (`a`, `b` and `c`), more than the limit of 2 teams"
        );
        // Configurable.
        let two = format!(
            "{TEAMS}people:\n  - id: bo\n    allocations:\n      - {{ team: a, share: 0.5 }}\n      - {{ team: b, share: 0.5 }}\n"
        );
        let mut config = Config::new();
        config.set_param(NAME, "max_teams", 1_i64);
        let found = findings_in(NAME, &two, Format::Yaml, config);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.ends_with("more than the limit of 1 team"));
    }

    #[test]
    fn passes() {
        // Two teams, a team named twice, an unknown team, membership.
        let fine = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 0.4 }}\n      - {{ team: b, share: 0.3 }}\n      - {{ team: a, share: 0.1 }}\n      - {{ team: ghost, share: 0.1 }}\n  - id: bo\n"
        );
        assert_passes(NAME, &fine);
        let members = "teams:\n  - id: a\n    members: [{ name: Ana, person: ana }]\n  - id: b\n    members: [{ name: Ana, person: ana }]\n  - id: c\n    members: [{ name: Ana, person: ana }]\npeople:\n  - id: ana\n";
        assert_passes(NAME, members);
        let mut config = Config::new();
        config.set_param(NAME, "max_teams", 3_i64);
        let three = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 0.4 }}\n      - {{ team: b, share: 0.3 }}\n      - {{ team: c, share: 0.3 }}\n"
        );
        assert!(findings_in(NAME, &three, Format::Yaml, config).is_empty());
    }
}
