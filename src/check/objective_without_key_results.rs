//! `objective-without-key-results`: an objective with no key results.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An objective whose `key_results` list is empty or absent.
    ///
    /// An objective whose key results are all malformed but present (a key
    /// result with empty text) is not reported here: it does list key
    /// results, and each empty one is already an `invalid-entity`. A
    /// `key_results` value that is not a list at all is an `invalid-entity`
    /// and leaves the objective with no key results, so it is reported here
    /// as well. A field that is a near miss of `key_results` (`key-results:`,
    /// `keyresults:`) is reported once, as the unknown field of
    /// `invalid-entity`, and not here.
    ///
    /// ### Why it matters
    /// An objective without key results is a wish: nobody can say at the end
    /// of the period whether it was met, so it cannot steer what the team
    /// works on. Key results are what make an OKR measurable.
    ///
    /// ### Example
    /// ```yaml
    /// objectives:
    ///   - id: onboarding-2026q3
    ///     title: New listeners find music they love in their first week
    ///     owner: playback
    /// ```
    ///
    /// ### Fix
    /// Add two to five key results that measure the objective:
    ///
    /// ```yaml
    /// objectives:
    ///   - id: onboarding-2026q3
    ///     title: New listeners find music they love in their first week
    ///     owner: playback
    ///     key_results:
    ///       - Raise week-1 retention of new listeners from 31% to 38%
    /// ```
    pub struct ObjectiveWithoutKeyResults;
    name: "objective-without-key-results",
    category: Alignment,
    level: Deny,
    summary: "an objective with no key results",
    params: [],
}

impl Check for ObjectiveWithoutKeyResults {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for objective in &cx.model().objectives {
            if !objective.key_results.is_empty() {
                continue;
            }
            let d = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Objective, &objective.id),
                format!("objective `{}` has no key results", objective.id),
            )
            .with_help("add `key_results:` with a few measurable results, e.g. `- Raise week-1 retention from 31% to 38%`")
            .at(objective.location);
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "objective-without-key-results";

    #[test]
    fn triggers() {
        let absent = "objectives:\n  - id: grow\n    title: More listeners love the app\n";
        assert_triggers(NAME, absent, &["grow"]);
        let found = findings(NAME, absent);
        assert_eq!(found[0].message, "objective `grow` has no key results");
        assert!(
            found[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("key_results:")
        );
        assert!(found[0].location.is_some());

        let empty = "objectives:\n  - id: a\n    title: x\n    key_results: []\n  - id: b\n    title: y\n    key_results:\n  - id: c\n    title: z\n    key_results: [Raise retention from 31% to 38%]\n";
        assert_triggers(NAME, empty, &["a", "b"]);
    }

    #[test]
    fn passes() {
        let good = "objectives:\n  - id: a\n    title: x\n    key_results:\n      - Raise retention from 31% to 38%\n      - { id: a-kr2, text: Cut churn below 4% }\n";
        assert_passes(NAME, good);
        // Only empty-text key results: that is `invalid-entity`, not this check.
        let empty_text = "objectives:\n  - id: a\n    title: x\n    key_results:\n      - \"\"\n      - { text: \"  \" }\n";
        assert_passes(NAME, empty_text);
        assert_passes(NAME, "outcomes:\n  - id: o\n    statement: s\n");
    }
}
