//! `function-not-product-led`: a business team whose objectives lead to no outcome a product serves.

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
    pub struct FunctionNotProductLed;
    name: "function-not-product-led",
    category: Alignment,
    level: Warn,
    summary: "a business team whose objectives lead to no outcome a product serves",
    params: [],
}

impl Check for FunctionNotProductLed {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
