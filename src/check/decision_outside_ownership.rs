//! `decision-outside-ownership`: the team deciding a product's feature set or roadmap is neither its owner nor a unit above it.

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
    pub struct DecisionOutsideOwnership;
    name: "decision-outside-ownership",
    category: DecisionRights,
    level: Warn,
    summary: "the team deciding a product's feature set or roadmap is neither its owner nor a unit above it",
    params: [],
}

impl Check for DecisionOutsideOwnership {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
