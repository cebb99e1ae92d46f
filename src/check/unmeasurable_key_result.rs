//! `unmeasurable-key-result`: a key result with no number, threshold or target.

use super::by_text::ByText;
use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::goal_style;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// A key result whose text gives no number, threshold or target, and
    /// whose fields give no `baseline` or `target` either. A date alone is a
    /// deadline, not a measure: "by Q3" or "in 2026" do not count.
    ///
    /// ### Why it matters
    /// A key result is how everyone knows, without a meeting, whether the
    /// objective was reached. Without a number there is no way to tell
    /// "done" from "a bit better", and the end-of-quarter review becomes a
    /// debate about effort.
    ///
    /// ### Example
    /// ```yaml
    /// key_results:
    ///   - Improve the checkout experience
    /// ```
    ///
    /// ### Fix
    /// Name the measure and where it should get to, in the text or in the
    /// fields:
    /// ```yaml
    /// key_results:
    ///   - text: Checkout conversion rises from 2.1% to 2.6%
    ///   - text: Fewer abandoned checkouts
    ///     metric: checkout abandonment rate
    ///     baseline: 68
    ///     target: 60
    ///     unit: "%"
    /// ```
    pub struct UnmeasurableKeyResult;
    name: "unmeasurable-key-result",
    category: GoalStyle,
    level: Warn,
    summary: "a key result with no number, threshold or target in its text or fields",
    params: [],
}

impl Check for UnmeasurableKeyResult {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let mut measurable = ByText::new();
        for (objective, kr) in cx.model().key_results() {
            // Empty text is already `invalid-entity`.
            if kr.text.trim().is_empty()
                || kr.measure.baseline.is_some()
                || kr.measure.target.is_some()
            {
                continue;
            }
            if measurable.get(&kr.text, |text| {
                goal_style::measurability(text).is_measurable()
            }) {
                continue;
            }
            out.push_with(|| {
                let help: std::borrow::Cow<'static, str> = match &kr.measure.metric {
                    Some(metric) => format!("`{metric}` is the measure: add `baseline:` and `target:`, or write them into the text (\"{metric} from <baseline> to <target>\")").into(),
                    None => "say how much of what should change: a metric with a baseline and a target (\"from 31% to 38%\") or a threshold (\"under 200 ms\")".into(),
                };
                Diagnostic::new(
                    META.name,
                    EntityRef::new(EntityKind::KeyResult, &kr.id),
                    format!(
                        "key result `{}` \"{}\" gives no number, threshold or target",
                        kr.id,
                        super::quote_text(&kr.text)
                    ),
                )
                .with_help(help)
                .at(kr.location)
                .with_related(EntityKind::Objective, &objective.id)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unmeasurable-key-result";

    #[test]
    fn triggers() {
        let yaml = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - Improve the checkout experience\n      - Launch the new checkout by August 2026\n      - Churn falls from 5% to 3%\n";
        assert_triggers(NAME, yaml, &["q3#1", "q3#2"]);
        let found = findings(NAME, yaml);
        assert!(
            found[0]
                .message
                .contains("gives no number, threshold or target"),
            "{}",
            found[0].message
        );
        let with_metric = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - { text: Fewer abandoned checkouts, metric: abandonment rate }\n";
        let found = findings(NAME, with_metric);
        assert!(
            found[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("`abandonment rate`")),
            "{:?}",
            found[0].help
        );
    }

    #[test]
    fn a_date_written_in_numbers_alone_is_no_measure() {
        let yaml = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - Finish the rollout by 2026-06-30\n      - Finish the rollout by 06/30/2026\n      - Finish the rollout by 2026-06\n      - Cut p95 latency from 900-1200 ms to 400 ms\n";
        assert_triggers(NAME, yaml, &["q3#1", "q3#2", "q3#3"]);
    }

    #[test]
    fn passes() {
        let yaml = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - Checkout conversion rises from 2.1% to 2.6%\n      - p95 latency under 200 ms\n      - { text: Fewer abandoned checkouts, target: 60 }\n      - { text: Fewer abandoned checkouts, baseline: 68 }\n";
        assert_passes(NAME, yaml);
    }
}
