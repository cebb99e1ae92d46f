//! `incomplete-product-trio`: a team that owns a customer-facing product but lacks a product manager, an engineering lead or a designer.

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
    pub struct IncompleteProductTrio;
    name: "incomplete-product-trio",
    category: Ownership,
    level: Allow,
    summary: "a team that owns a customer-facing product but lacks a product manager, an engineering lead or a designer",
    params: [],
}

impl Check for IncompleteProductTrio {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
