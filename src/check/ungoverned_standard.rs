//! `ungoverned-standard`: a security, compliance or architecture-standards decision that no governance team decides or agrees to.

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::graph::TeamIx;
use crate::model::{DecisionArea, EntityKind, EntityRef, TeamKind};

declare_check! {
    /// ### What it finds
    /// A decision right for one of the standards areas (by default
    /// `security`, `compliance` and `architecture-standards`) whose deciding
    /// team is not a `governance` team and which no `governance` team
    /// `agrees` to. One governance team among the deciders, or among the
    /// teams that must agree, is enough.
    ///
    /// A decision right with no deciding team (absent, empty, or only ids
    /// that do not resolve) is left to `missing-decider` and
    /// `unknown-reference`.
    ///
    /// ### Why it matters
    /// A product operating model moves product decisions (what to build,
    /// in which order) to the teams, but standards stay with central
    /// governance: security, compliance and architecture rules apply to
    /// every team, and a team that sets them alone sets them for its own
    /// convenience. A governance team deciding, or holding a veto, keeps
    /// one standard for the whole organisation.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: payments
    ///   - id: infosec
    ///     kind: governance
    /// decisions:
    ///   - area: security
    ///     scope: payments
    ///     decides: payments       # no governance team involved
    /// ```
    ///
    /// ### Fix
    /// Let the governance team decide, or give it a veto:
    /// ```yaml
    /// decisions:
    ///   - area: security
    ///     scope: payments
    ///     decides: payments
    ///     agrees: [infosec]
    /// ```
    ///
    /// ### Configuration
    /// `areas` (list of decision areas, default `["security", "compliance",
    /// "architecture-standards"]`): the areas that must stay with a
    /// governance team. Built-in or custom area names may be used.
    /// ```toml
    /// [checks]
    /// ungoverned-standard = { areas = ["security", "compliance", "data-retention"] }
    /// ```
    pub struct UngovernedStandard;
    name: "ungoverned-standard",
    category: DecisionRights,
    level: Warn,
    summary: "a security, compliance or architecture-standards decision that no governance team decides or agrees to",
    params: [Param {
        name: "areas",
        doc: "the decision areas that must be decided or agreed to by a governance team",
        default: ParamValue::List(vec!["security".to_owned(), "compliance".to_owned(), "architecture-standards".to_owned()]),
    }],
}

impl Check for UngovernedStandard {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let areas: Vec<DecisionArea> = cx
            .param_list("areas")
            .iter()
            .map(|a| DecisionArea::parse(a.trim()))
            .collect();
        if areas.is_empty() {
            return;
        }
        let governance = |t: &TeamIx| g.team(*t).kind == TeamKind::Governance;
        for d in g.decision_ixs() {
            let right = g.decision(d);
            if !areas.contains(&right.area) {
                continue;
            }
            let deciders = g.deciders(d);
            if deciders.is_empty()
                || deciders.iter().any(governance)
                || g.agreeing(d).iter().any(governance)
            {
                continue;
            }
            let mut ids: Vec<&str> = deciders.iter().map(|&t| g.team(t).id.as_str()).collect();
            ids.sort_unstable();
            ids.dedup();
            let who = super::list_ids(&ids);
            let verb = if ids.len() == 1 {
                "which is not a governance team"
            } else {
                "none of which is a governance team"
            };
            let id = right.id();
            let message = format!(
                "decision right `{id}` is decided by {who}, {verb}, and no governance team agrees to it"
            );
            let help = format!(
                "`{}` stays with central governance: let a `kind: governance` team decide it, or add one to `agrees:`",
                right.area
            );
            let mut diagnostic = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Decision, id),
                message,
            )
            .with_help(help)
            .at(right.location);
            for team in ids {
                diagnostic = diagnostic.with_related(EntityKind::Team, team);
            }
            out.push(diagnostic);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::{Config, Level, ParamValue};
    use crate::load::Format;

    const NAME: &str = "ungoverned-standard";
    const TEAMS: &str = "teams:\n  - id: payments\n  - id: platform\n    kind: platform\n  - id: infosec\n    kind: governance\n  - id: cto-office\n    kind: leadership\nproducts:\n  - id: checkout\n    owner: payments\n";

    #[test]
    fn triggers() {
        let team_alone = format!(
            "{TEAMS}decisions:\n  - {{ area: security, scope: payments, decides: payments }}\n"
        );
        assert_triggers(NAME, &team_alone, &["security@payments"]);
        let found = findings(NAME, &team_alone);
        assert_eq!(
            found[0].message,
            "decision right `security@payments` is decided by `payments`, which is not a governance team, and no governance team agrees to it"
        );
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`agrees:`"))
        );
        assert_eq!(found[0].related.len(), 1);

        // A leadership team agreeing is not governance; each listed area is checked.
        let several = format!(
            "{TEAMS}decisions:\n  - {{ area: compliance, scope: organization, decides: cto-office, agrees: [payments] }}\n  - {{ area: architecture-standards, scope: organization, decides: [platform, payments], consulted: [infosec] }}\n  - {{ area: security, scope: checkout, decides: infosec }}\n"
        );
        assert_triggers(
            NAME,
            &several,
            &[
                "compliance@organization",
                "architecture-standards@organization",
            ],
        );
        let found = findings(NAME, &several);
        assert!(
            found.iter().any(|d| d
                .message
                .contains("`payments` and `platform`, none of which")),
            "{found:#?}"
        );

        // A configured custom area.
        let mut config = Config::new();
        config.set_level(NAME, Level::Deny);
        config.set_param(
            NAME,
            "areas",
            ParamValue::List(vec!["data-retention".to_owned()]),
        );
        let custom = format!(
            "{TEAMS}decisions:\n  - {{ area: data-retention, scope: checkout, decides: payments }}\n  - {{ area: security, scope: checkout, decides: payments }}\n"
        );
        let found = findings_in(NAME, &custom, Format::Yaml, config);
        let ids: Vec<&str> = found.iter().map(|d| d.entity.id.as_str()).collect();
        assert_eq!(ids, ["data-retention@checkout"]);
    }

    #[test]
    fn passes() {
        let governed = format!(
            "{TEAMS}decisions:\n  - {{ area: security, scope: organization, decides: infosec }}\n  - {{ area: compliance, scope: payments, decides: payments, agrees: [infosec] }}\n  - {{ area: architecture-standards, scope: organization, decides: [platform, infosec] }}\n"
        );
        assert_passes(NAME, &governed);
        // Product decisions belong to the teams.
        let product = format!(
            "{TEAMS}decisions:\n  - {{ area: feature-set, scope: checkout, decides: payments }}\n  - {{ area: budget-allocation, scope: organization, decides: cto-office }}\n"
        );
        assert_passes(NAME, &product);
        // No decider at all, or only a dangling one: other checks report it.
        let undecided = format!(
            "{TEAMS}decisions:\n  - {{ area: security, scope: payments }}\n  - {{ area: compliance, scope: payments, decides: nobody }}\n"
        );
        assert_passes(NAME, &undecided);
    }
}
