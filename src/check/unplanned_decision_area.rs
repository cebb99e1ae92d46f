//! `unplanned-decision-area`: a decision area that decision rights use and no planning cadence covers.

use super::{Check, Context, Param, Sink, declare_check};
use crate::config::ParamValue;
use crate::diagnostic::Diagnostic;
use crate::model::{Covers, DecisionArea, EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An area of `areas` (`["budget-allocation"]` unless configured; the
    /// parameter replaces the list) that at least one decision right uses,
    /// when no cadence of `kind: planning` lists that area in its `covers`.
    /// It is reported once per area, on the first decision right of that
    /// area in output order (by file and line). Areas no decision right
    /// uses are not reported, and a `review` cadence does not count.
    ///
    /// Allowed by default: many organisations plan budgets outside the
    /// operating model's documents.
    ///
    /// ### Why it matters
    /// A decision right says who decides; a cadence says when. Money in a
    /// product operating model is given to long-lived teams and re-planned
    /// on a rhythm (a quarterly or half-yearly funding review). Without one
    /// it is decided ad hoc, whenever someone asks, and the teams cannot
    /// plan with it.
    ///
    /// ### Example
    /// ```yaml
    /// decisions:
    ///   - { area: budget-allocation, scope: organization, decides: leadership }
    /// ```
    ///
    /// ### Fix
    /// Add a planning cadence that covers the area:
    /// ```yaml
    /// cadences:
    ///   - id: half-year-funding
    ///     kind: planning
    ///     every: half-year
    ///     covers: [budget-allocation]
    ///     owner: leadership
    /// ```
    ///
    /// ### Configuration
    /// `areas` (list of strings, default `["budget-allocation"]`): the
    /// decision areas that need a planning cadence.
    /// ```toml
    /// [checks]
    /// unplanned-decision-area = { level = "warn", areas = ["budget-allocation", "roadmap"] }
    /// ```
    pub struct UnplannedDecisionArea;
    name: "unplanned-decision-area",
    category: Cadence,
    level: Allow,
    summary: "a decision area of `areas` that decision rights use and no planning cadence covers",
    params: [Param {
        name: "areas",
        doc: "the decision areas that need a planning cadence (a list of strings, default [\"budget-allocation\"])",
        default: ParamValue::List(vec!["budget-allocation".to_owned()]),
    }],
}

impl Check for UnplannedDecisionArea {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let model = cx.model();
        let mut areas: Vec<DecisionArea> = cx
            .param_list("areas")
            .iter()
            .map(|a| DecisionArea::parse(a.trim()))
            .collect();
        areas.dedup();
        let mut done: Vec<&DecisionArea> = Vec::new();
        for area in &areas {
            if done.contains(&area) {
                continue;
            }
            done.push(area);
            let covered = Covers::Area(area.clone());
            if model.cadences.iter().any(|c| c.plans(&covered)) {
                continue;
            }
            let uses: Vec<_> = model.decisions.iter().filter(|d| &d.area == area).collect();
            let key = |d: &crate::model::DecisionRight| {
                let id = d.id();
                let k = super::unreviewed_goals::output_key(g, "", d.location);
                (k.0.map(|(f, l)| (f.to_owned(), l)), id.to_string(), k.2)
            };
            let Some(first) = uses.iter().min_by_key(|d| key(d)) else {
                continue;
            };
            let count = uses.len();
            let reviewed = model.cadences.iter().any(|c| c.reviews(&covered));
            let id = format!("{area}-planning");
            let id = crate::model::as_suggested(&id);
            let mut help = format!(
                "add a cadence that plans it: `{{ id: {id}, kind: planning, every: quarter, covers: [{area}] }}` in `cadences`"
            );
            if reviewed {
                help.push_str("; a review looks back, a planning cadence decides what comes next");
            }
            out.push(
                Diagnostic::new(
                    UnplannedDecisionArea::NAME,
                    EntityRef::new(EntityKind::Decision, first.id()),
                    format!(
                        "decision area `{}` is decided in {count} decision right{} but no planning cadence covers it",
                        super::quote_text(&area.to_string()),
                        if count == 1 { "" } else { "s" }
                    ),
                )
                .with_help(help)
                .at(first.location),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::Config;
    use crate::load::Format;

    const NAME: &str = "unplanned-decision-area";

    const DECISIONS: &str = "teams:\n  - id: lead\n  - id: t\ndecisions:\n  - { area: roadmap, scope: organization, decides: lead }\n  - { area: budget-allocation, scope: t, decides: t }\n  - { area: budget-allocation, scope: organization, decides: lead }\n";

    #[test]
    fn triggers() {
        assert_triggers(NAME, DECISIONS, &["budget-allocation@t"]);
        let found = findings(NAME, DECISIONS);
        assert_eq!(
            found[0].message,
            "decision area `budget-allocation` is decided in 2 decision rights but no planning cadence covers it"
        );
        // A review is not planning.
        let reviewed = format!(
            "{DECISIONS}cadences:\n  - {{ id: qbr, kind: review, every: quarter, covers: [budget-allocation] }}\n"
        );
        assert_triggers(NAME, &reviewed, &["budget-allocation@t"]);
        // The parameter replaces the list.
        let mut config = Config::new();
        config.set_param(
            NAME,
            "areas",
            vec!["roadmap".to_owned(), "pricing".to_owned()],
        );
        let found = findings_in(NAME, DECISIONS, Format::Yaml, config);
        let ids: Vec<&str> = found.iter().map(|d| d.entity.id.as_str()).collect();
        assert_eq!(ids, ["roadmap@organization"]);
        // The cadence the help suggests has a valid id, whatever the area's
        // spelling.
        let mut config = Config::new();
        config.set_param(NAME, "areas", vec!["Release".to_owned()]);
        let custom = "teams:\n  - id: t\ndecisions:\n  - { area: Release, scope: organization, decides: t }\n";
        let found = findings_in(NAME, custom, Format::Yaml, config);
        let help = found
            .first()
            .and_then(|d| d.help.as_deref())
            .unwrap_or_default();
        assert!(
            help.contains(
                "`{ id: release-planning, kind: planning, every: quarter, covers: [Release] }`"
            ),
            "{help}"
        );
    }

    #[test]
    fn passes() {
        let planned = format!(
            "{DECISIONS}cadences:\n  - {{ id: funding, kind: planning, every: half-year, covers: [objectives, budget-allocation] }}\n"
        );
        assert_passes(NAME, &planned);
        // No decision right uses the area.
        assert_passes(
            NAME,
            "teams:\n  - id: t\ndecisions:\n  - { area: roadmap, scope: organization, decides: t }\n",
        );
    }
}
