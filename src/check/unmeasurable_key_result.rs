//! `unmeasurable-key-result`: a key result with no number, threshold or target.

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
    pub struct UnmeasurableKeyResult;
    name: "unmeasurable-key-result",
    category: GoalStyle,
    level: Warn,
    summary: "a key result with no number, threshold or target",
    params: [],
}

impl Check for UnmeasurableKeyResult {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
