//! `project-style-objective`: an objective whose title is a project or deliverable.

use super::{Check, Context, declare_check};
use crate::diagnostic::Diagnostic;

declare_check! {
    /// ### What it finds
    /// TODO
    ///
    /// ### Why it matters
    /// TODO
    ///
    /// ### Example
    /// TODO
    ///
    /// ### Fix
    /// TODO
    pub struct ProjectStyleObjective;
    name: "project-style-objective",
    category: GoalStyle,
    level: Warn,
    summary: "an objective whose title is a project or deliverable",
    params: [],
}

impl Check for ProjectStyleObjective {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
