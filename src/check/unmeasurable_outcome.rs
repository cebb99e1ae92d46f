//! `unmeasurable-outcome`: an outcome with no metric.

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

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
