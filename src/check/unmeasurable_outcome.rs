//! `unmeasurable-outcome`: an outcome with no metric.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An outcome with no `metric`, or one that is blank. A `baseline` or
    /// `target` without a metric does not count: a number says where to go
    /// only once it is clear what is measured.
    ///
    /// ### Why it matters
    /// An outcome is a change in customer or business behaviour; without a
    /// metric nobody can tell whether the products and objectives that lead
    /// to it are moving it, and the outcome turns into a slogan.
    ///
    /// ### Example
    /// ```yaml
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    /// ```
    ///
    /// ### Fix
    /// Say how the change is measured, ideally with where it stands and
    /// where it should get to:
    ///
    /// ```yaml
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    ///     metric: weekly listening hours per active listener
    ///     baseline: 4.2
    ///     target: 5.0
    /// ```
    pub struct UnmeasurableOutcome;
    name: "unmeasurable-outcome",
    category: Alignment,
    level: Warn,
    summary: "an outcome with no metric",
    params: [],
}

impl Check for UnmeasurableOutcome {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for outcome in &cx.model().outcomes {
            if outcome
                .metric
                .as_deref()
                .is_some_and(|m| !m.trim().is_empty())
            {
                continue;
            }
            let help = if outcome.baseline.is_some() || outcome.target.is_some() {
                "add `metric:` saying what the baseline and target measure (`metric: weekly listening hours per active listener`)"
            } else {
                "add `metric:` saying how the change is measured (`metric: weekly listening hours per active listener`), and ideally `baseline:` and `target:`"
            };
            let d = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Outcome, &outcome.id),
                format!("outcome `{}` has no metric", outcome.id),
            )
            .with_help(help)
            .at(outcome.location);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};
    use crate::graph::OrgGraph;
    use crate::model::{Model, Outcome};

    const NAME: &str = "unmeasurable-outcome";

    #[test]
    fn triggers() {
        let none =
            "outcomes:\n  - id: listening\n    statement: Listeners spend more time with music\n";
        assert_triggers(NAME, none, &["listening"]);
        let found = findings(NAME, none);
        assert_eq!(found[0].message, "outcome `listening` has no metric");
        assert!(found[0].help.as_deref().unwrap_or("").contains("baseline:"));

        let blank = "outcomes:\n  - id: a\n    statement: s\n    metric: \"  \"\n  - id: b\n    statement: s\n    target: 5\n  - id: c\n    statement: s\n    metric: weekly hours\n";
        assert_triggers(NAME, blank, &["a", "b"]);
        let found = findings(NAME, blank);
        let b = found
            .iter()
            .find(|d| d.entity.id == "b")
            .expect("b is reported");
        assert!(
            b.help
                .as_deref()
                .unwrap_or("")
                .contains("what the baseline and target measure")
        );
    }

    #[test]
    fn blank_metric_in_code() {
        let model = Model::builder()
            .outcome(Outcome::new("o", "s").metric(" "))
            .build();
        let graph = OrgGraph::build(&model);
        let config = crate::config::Config::new();
        let cx = crate::check::Context::new(&graph, &config, &super::META);
        let mut out = crate::check::Sink::new(10);
        crate::check::Check::run(&super::UnmeasurableOutcome, &cx, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn passes() {
        let good = "outcomes:\n  - id: o\n    statement: s\n    metric: weekly listening hours per active listener\n    baseline: 4.2\n    target: 5.0\n  - id: p\n    statement: s\n    metric: churn\n";
        assert_passes(NAME, good);
        assert_passes(NAME, "products:\n  - id: p\n");
    }
}
