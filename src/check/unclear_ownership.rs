//! `unclear-ownership`: a product with more than one accountable team.

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
    pub struct UnclearOwnership;
    name: "unclear-ownership",
    category: Ownership,
    level: Deny,
    summary: "a product with more than one accountable team",
    params: [],
}

impl Check for UnclearOwnership {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
