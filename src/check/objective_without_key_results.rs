//! `objective-without-key-results`: an objective with no key results.

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

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
