//! `missing-decision-right`: a product with no decision right for feature set, budget allocation or vendor selection.

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
    pub struct MissingDecisionRight;
    name: "missing-decision-right",
    category: DecisionRights,
    level: Warn,
    summary: "a product with no decision right for feature set, budget allocation or vendor selection",
    params: [],
}

impl Check for MissingDecisionRight {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
