//! `escalation-cycle`: a loop in `escalates_to` chains through decisions and team parents.

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
    pub struct EscalationCycle;
    name: "escalation-cycle",
    category: DecisionRights,
    level: Deny,
    summary: "a loop in `escalates_to` chains through decisions and team parents",
    params: [],
}

impl Check for EscalationCycle {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
