//! `orphaned-product`: a product with no accountable owning team.

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
    pub struct OrphanedProduct;
    name: "orphaned-product",
    category: Ownership,
    level: Deny,
    summary: "a product with no accountable owning team",
    params: [],
}

impl Check for OrphanedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
