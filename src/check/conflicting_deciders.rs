//! `conflicting-deciders`: more than one deciding team for the same area and scope.

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
    pub struct ConflictingDeciders;
    name: "conflicting-deciders",
    category: DecisionRights,
    level: Deny,
    summary: "more than one deciding team for the same area and scope",
    params: [],
}

impl Check for ConflictingDeciders {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
