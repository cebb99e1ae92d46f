//! `milestone-key-result`: a key result phrased as a milestone or output.

use std::rc::Rc;

use super::by_text::ByText;
use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::goal_style::{self, Cue};
use crate::model::{EntityKind, EntityRef, KeyResult, KeyResultKind, Objective};

declare_check! {
    /// ### What it finds
    /// A key result that says what will be delivered or done (something to
    /// launch, ship, build, complete, migrate, hire, run, release, roll out,
    /// …) instead of what will change for customers or the business. The
    /// goal-style classifier ([`crate::goal_style`]) decides, and the message
    /// names the cues it found ("`Launch` is a delivery verb; `by August` is
    /// a deadline"). A declared `kind` wins: `kind: milestone` is always
    /// reported (the author said so), `kind: outcome` never is.
    ///
    /// The classifier is a rule engine that reads the sentence the way the
    /// labelling rules do, weighed by a small model trained on key results
    /// of several organisations. Measured on key results of about seventy
    /// organisations before any of their mistakes were read, it agreed with
    /// human annotators on about 86% of them, and about 88% of those it
    /// reported were milestones: where it is wrong, `kind: outcome` on the
    /// key result settles it.
    ///
    /// ### Why it matters
    /// A milestone is met when the work ships, whether or not anything got
    /// better. Teams steered by milestones optimise for delivery dates; teams
    /// steered by outcomes are free to find the cheapest way to move the
    /// result, and to stop when it has moved. A key result that is a to-do
    /// item turns OKRs back into a project plan.
    ///
    /// ### Example
    /// ```yaml
    /// objectives:
    ///   - id: onboarding-2026q3
    ///     title: New listeners find music they love in their first week
    ///     key_results:
    ///       - Launch the redesigned onboarding flow by August
    /// ```
    ///
    /// ### Fix
    /// Ask what should change for whom when the work ships, and measure that:
    /// ```yaml
    ///     key_results:
    ///       - Raise week-1 retention of new listeners from 31% to 38%
    /// ```
    /// The launch becomes a means to the key result, tracked in the team's
    /// backlog. If it really is a milestone the team commits to, say so with
    /// `kind: milestone` and switch this check off for it with
    /// `allow: [milestone-key-result]`.
    pub struct MilestoneKeyResult;
    name: "milestone-key-result",
    category: GoalStyle,
    level: Warn,
    summary: "a key result phrased as a milestone or output where an outcome belongs",
    params: [],
}

impl Check for MilestoneKeyResult {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        // Why a text reads as a milestone (`None`: it does not), and the
        // rewrite for a key result with no fields, read once per text.
        let mut verdicts: ByText<'_, Option<Rc<str>>> = ByText::new();
        let mut rewrites: ByText<'_, Rc<str>> = ByText::new();
        for (objective, kr) in cx.model().key_results() {
            if kr.text.trim().is_empty() {
                continue;
            }
            match kr.kind {
                Some(KeyResultKind::Outcome) => {}
                Some(KeyResultKind::Milestone) => out.push_with(|| {
                    let help = rewrite(kr, &mut rewrites);
                    diagnostic(
                        objective,
                        kr,
                        "is declared a milestone (`kind: milestone`)",
                        help,
                    )
                }),
                None => {
                    let why = verdicts.get(&kr.text, |text| {
                        let assessment = goal_style::classify(text);
                        assessment
                            .is_milestone()
                            .then(|| reads_as_milestone(text, &assessment.cues).into())
                    });
                    if let Some(why) = why {
                        out.push_with(|| {
                            let help = rewrite(kr, &mut rewrites);
                            diagnostic(objective, kr, &why, help)
                        });
                    }
                }
            }
        }
    }
}

/// The rewrite hint for `kr`; the same for every key result with its text
/// when it has none of the fields the hint draws on.
fn rewrite<'m>(kr: &'m KeyResult, rewrites: &mut ByText<'m, Rc<str>>) -> String {
    let hint = |text: &str| {
        goal_style::rewrite_hint(
            text,
            kr.measure.metric.as_deref(),
            kr.measure.baseline,
            kr.measure.target,
            kr.measure.unit.as_deref(),
        )
    };
    if kr.measure.is_empty() {
        rewrites.get(&kr.text, |text| hint(text).into()).to_string()
    } else {
        hint(&kr.text)
    }
}

fn reads_as_milestone(text: &str, cues: &[Cue]) -> String {
    let mut toward: Vec<&Cue> = cues.iter().filter(|c| c.weight > 0.0).collect();
    // The strongest cues, shown in reading order.
    toward.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.span.start.cmp(&b.span.start))
    });
    toward.truncate(3);
    toward.sort_by_key(|c| c.span.start);
    if toward.is_empty() {
        // Nothing points to a milestone, but nothing names a result to
        // measure either ("Improve onboarding").
        return "reads as a milestone: it names no result to measure and no level to reach"
            .to_owned();
    }
    let shown: Vec<String> = toward.iter().map(|c| c.describe(text)).collect();
    format!("reads as a milestone: {}", shown.join("; "))
}

fn diagnostic(objective: &Objective, kr: &KeyResult, why: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        META.name,
        EntityRef::new(EntityKind::KeyResult, &kr.id),
        format!(
            "key result `{}` \"{}\" {why}",
            kr.id,
            super::quote_text(&kr.text)
        ),
    )
    .with_help(help)
    .at(kr.location)
    .with_related(EntityKind::Objective, &objective.id)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "milestone-key-result";

    #[test]
    fn triggers() {
        let yaml = "objectives:\n  - id: q3\n    title: New listeners stay\n    key_results:\n      - Raise week-1 retention of new listeners from 31% to 38%\n      - Launch the redesigned onboarding flow by August\n      - Hire 5 engineers\n";
        assert_triggers(NAME, yaml, &["q3#2", "q3#3"]);
        let found = findings(NAME, yaml);
        let launch = found.iter().find(|d| d.entity.id == "q3#2").expect("q3#2");
        assert!(
            launch.message.contains("`Launch` is a delivery verb"),
            "{}",
            launch.message
        );
        assert!(launch.message.contains("`by August`"), "{}", launch.message);
        assert_eq!(launch.location.map(|l| l.line), Some(6));
        assert_eq!(launch.related[0].id, "q3");
        // A verdict with no cue toward a milestone still says why.
        let vague =
            "objectives:\n  - id: q4\n    title: x\n    key_results:\n      - Improve onboarding\n";
        let found = findings(NAME, vague);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].message.ends_with(
                "reads as a milestone: it names no result to measure and no level to reach"
            ),
            "{}",
            found[0].message
        );
        // A declared milestone is reported even when it reads like an outcome.
        let declared = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - { text: Churn falls from 5% to 3%, kind: milestone }\n";
        assert_triggers(NAME, declared, &["q3#1"]);
    }

    #[test]
    fn the_rewrite_uses_the_key_results_own_metric() {
        let yaml = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - { text: Launch the new onboarding flow, metric: week-1 retention, baseline: 31, target: 38, unit: '%' }\n";
        let found = findings(NAME, yaml);
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(help.contains("week-1 retention from 31% to 38%"), "{help}");
    }

    #[test]
    fn a_repeated_text_gets_the_rewrite_of_its_own_fields() {
        let plain = "- Launch the new onboarding flow";
        let measured = "- { text: Launch the new onboarding flow, metric: week-1 retention, baseline: 31, target: 38, unit: '%' }";
        for (first, second) in [(plain, measured), (measured, plain)] {
            let yaml = format!(
                "objectives:\n  - id: q3\n    title: t\n    key_results:\n      {first}\n      {second}\n      {first}\n"
            );
            let found = findings(NAME, &yaml);
            let help = |id: &str| {
                let d = found.iter().find(|d| d.entity.id == id).expect(id);
                d.help.clone().unwrap_or_default()
            };
            let (a, b) = (help("q3#1"), help("q3#2"));
            assert_ne!(a, b);
            assert_eq!(help("q3#3"), a);
            let with_metric = if first == measured { &a } else { &b };
            assert!(
                with_metric.contains("week-1 retention from 31% to 38%"),
                "{with_metric}"
            );
        }
    }

    #[test]
    fn passes() {
        let outcomes = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - Ship rate of on-time orders ≥ 98%\n      - Reduce time to first value from 14 to 3 days\n";
        assert_passes(NAME, outcomes);
        // A declared outcome silences the classifier.
        let declared = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - { text: Launch the new checkout by August, kind: outcome }\n";
        assert_passes(NAME, declared);
        // `allow` silences only this check on that key result.
        let allowed = "objectives:\n  - id: q3\n    title: t\n    key_results:\n      - { text: Launch the new checkout by August, allow: [milestone-key-result] }\n";
        assert_passes(NAME, allowed);
    }
}
