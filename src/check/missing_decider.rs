//! `missing-decider`: a decision right with no `decides`.

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
    pub struct MissingDecider;
    name: "missing-decider",
    category: DecisionRights,
    level: Deny,
    summary: "a decision right with no `decides`",
    params: [],
}

impl Check for MissingDecider {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
