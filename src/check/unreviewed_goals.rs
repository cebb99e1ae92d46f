//! `unreviewed-goals`: the org has objectives but no review cadence covers them.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::OrgGraph;
use crate::model::{Covers, EntityKind, EntityRef};
use crate::source::Location;

declare_check! {
    /// ### What it finds
    /// An org that has objectives, when no cadence of `kind: review` lists
    /// `objectives` in its `covers`. It is reported once, on the first
    /// objective in output order (by file and line). A planning cadence
    /// that covers objectives, or a review cadence that covers only
    /// `outcomes` or decision areas, does not count. An org without
    /// objectives is never reported.
    ///
    /// ### Why it matters
    /// Objectives and key results are bets. Without a rhythm that looks at
    /// them, nobody learns whether the bets paid off: key results are set
    /// at the start of the quarter and read again only when the next ones
    /// are written. A regular review (a quarterly business review, a
    /// monthly OKR check-in) is what turns goals into a steering loop.
    ///
    /// ### Example
    /// ```yaml
    /// objectives:
    ///   - id: onboarding-2026q3
    ///     title: New listeners find music they love in their first week
    ///     key_results: [Raise week-1 retention from 31% to 38%]
    /// cadences:
    ///   - { id: quarterly-planning, kind: planning, every: quarter, covers: [objectives] }
    /// ```
    ///
    /// ### Fix
    /// Add a review that covers the objectives:
    /// ```yaml
    /// cadences:
    ///   - { id: quarterly-planning, kind: planning, every: quarter, covers: [objectives] }
    ///   - { id: okr-check-in, kind: review, every: month, covers: [objectives] }
    /// ```
    pub struct UnreviewedGoals;
    name: "unreviewed-goals",
    category: Cadence,
    level: Warn,
    summary: "the org has objectives but no review cadence covers `objectives`",
    params: [],
}

impl Check for UnreviewedGoals {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let model = cx.model();
        if model.objectives.is_empty()
            || model
                .cadences
                .iter()
                .any(|c| c.reviews(&Covers::Objectives))
        {
            return;
        }
        let Some(first) = model
            .objectives
            .iter()
            .min_by(|a, b| output_key(g, &a.id, a.location).cmp(&output_key(g, &b.id, b.location)))
        else {
            return;
        };
        let count = model.objectives.len();
        let planned = model.cadences.iter().any(|c| c.plans(&Covers::Objectives));
        let mut help = String::from(
            "add a cadence that reviews them: `{ id: okr-review, kind: review, every: quarter, covers: [objectives] }` in `cadences`",
        );
        if planned {
            help.push_str("; a planning cadence sets goals, a review looks at how they went");
        }
        out.push(
            Diagnostic::new(
                UnreviewedGoals::NAME,
                EntityRef::new(EntityKind::Objective, &first.id),
                format!(
                    "the org has {count} objective{} but no review cadence covers `objectives`",
                    if count == 1 { "" } else { "s" }
                ),
            )
            .with_help(help)
            .at(first.location),
        );
    }
}

/// Where a finding on the entity with `id` at `location` goes in the
/// output: findings without a place first, then by file, line, id and
/// column, as the report sorts them.
pub(crate) fn output_key<'a>(
    g: &'a OrgGraph<'_>,
    id: &'a str,
    location: Option<Location>,
) -> (Option<(&'a str, u32)>, &'a str, u32) {
    match location {
        None => (None, id, 0),
        Some(l) => (
            Some((g.model().sources.display(l.file), l.line)),
            id,
            l.column,
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unreviewed-goals";

    const OBJECTIVES: &str = "objectives:\n  - { id: zz-first, title: Listeners stay, key_results: [a] }\n  - { id: aa-second, title: Listeners grow, key_results: [b] }\n";

    #[test]
    fn triggers() {
        assert_triggers(NAME, OBJECTIVES, &["zz-first"]);
        let found = findings(NAME, OBJECTIVES);
        assert_eq!(
            found[0].message,
            "the org has 2 objectives but no review cadence covers `objectives`"
        );
        // Planning, or reviewing something else, is not reviewing objectives.
        let other = format!(
            "{OBJECTIVES}cadences:\n  - {{ id: plan, kind: planning, every: quarter, covers: [objectives] }}\n  - {{ id: qbr, kind: review, every: quarter, covers: [outcomes, budget-allocation] }}\n"
        );
        assert_triggers(NAME, &other, &["zz-first"]);
        // A review with an unknown kind does not count.
        let bad = format!(
            "{OBJECTIVES}cadences:\n  - {{ id: qbr, kind: retro, every: quarter, covers: [objectives] }}\n"
        );
        assert_triggers(NAME, &bad, &["zz-first"]);
    }

    #[test]
    fn passes() {
        let reviewed = format!(
            "{OBJECTIVES}cadences:\n  - {{ id: qbr, kind: review, every: quarter, covers: [budget-allocation, objectives] }}\n"
        );
        assert_passes(NAME, &reviewed);
        assert_passes(NAME, "teams:\n  - id: t\n");
        // A single word in `covers`.
        let one = format!(
            "{OBJECTIVES}cadences:\n  - {{ id: okr, kind: review, every: 2 weeks, covers: objectives }}\n"
        );
        assert_passes(NAME, &one);
    }
}
