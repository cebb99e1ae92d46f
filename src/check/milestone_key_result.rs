//! `milestone-key-result`: a key result phrased as a milestone or output where an outcome belongs.

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

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
