//! `project-style-objective`: an objective whose title is a project or deliverable.

use std::rc::Rc;

use super::by_text::ByText;
use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::goal_style;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An objective whose title names a project or a deliverable ("Complete
    /// the CRM migration", "Launch the partner portal") rather than a change
    /// for customers or the business ("Partners onboard themselves without
    /// our help"). The goal-style classifier ([`crate::goal_style`]) decides
    /// and the message names its cues.
    ///
    /// ### Why it matters
    /// The objective is the "why" that the key results measure. When it is a
    /// project, the key results follow suit (milestones of the project), and
    /// the team is steered by delivery again: done when shipped, whatever it
    /// changed.
    ///
    /// ### Example
    /// ```yaml
    /// objectives:
    ///   - id: studio-2026q3
    ///     title: Complete the Creator Studio rebuild
    /// ```
    ///
    /// ### Fix
    /// Say what should be different for customers or the business once the
    /// project is done, and keep the project as the means:
    /// ```yaml
    /// objectives:
    ///   - id: studio-2026q3
    ///     title: Artists publish new releases without our help
    /// ```
    pub struct ProjectStyleObjective;
    name: "project-style-objective",
    category: GoalStyle,
    level: Warn,
    summary: "an objective whose title is a project or deliverable rather than a change for customers or the business",
    params: [],
}

impl Check for ProjectStyleObjective {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        // Why a title names a project (`None`: it does not), read once
        // per title.
        let mut verdicts: ByText<'_, Option<Rc<str>>> = ByText::new();
        for objective in &cx.model().objectives {
            if objective.title.trim().is_empty() {
                continue;
            }
            let Some(why) = verdicts.get(&objective.title, names_a_project) else {
                continue;
            };
            out.push_with(|| {
                Diagnostic::new(
                    META.name,
                    EntityRef::new(EntityKind::Objective, &objective.id),
                    format!("objective `{}` \"{}\" names a project, not a change for customers or the business{why}", objective.id, super::quote_text(&objective.title)),
                )
                .with_help("state what should be different for customers or the business when the work is done (\"<who> <can now / do more of> <what>\"), and keep the project as the means")
                .at(objective.location)
            });
        }
    }
}

/// The cues that make `title` a project, worded (empty when none is
/// shown), or `None` when it reads as a change.
fn names_a_project(title: &str) -> Option<Rc<str>> {
    let assessment = goal_style::classify_objective(title);
    if !assessment.is_project_style() {
        return None;
    }
    let mut cues: Vec<String> = assessment
        .cues
        .iter()
        .filter(|c| c.weight > 0.0)
        .take(3)
        .map(|c| c.describe(title))
        .collect();
    cues.dedup();
    Some(if cues.is_empty() {
        "".into()
    } else {
        format!(": {}", cues.join("; ")).into()
    })
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "project-style-objective";

    #[test]
    fn triggers() {
        let yaml = "objectives:\n  - id: crm\n    title: Complete the CRM migration\n  - id: listeners\n    title: New listeners find music they love in their first week\n";
        assert_triggers(NAME, yaml, &["crm"]);
        let found = findings(NAME, yaml);
        assert!(
            found[0].message.contains("`Complete`"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn passes() {
        let yaml = "objectives:\n  - id: a\n    title: Customers always know when their parcel arrives\n  - id: b\n    title: Paying with Lumen is the easiest way to pay in the shop\n";
        assert_passes(NAME, yaml);
    }
}
