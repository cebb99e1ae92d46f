//! `unaligned-product`: a product with no path to any outcome.

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
    pub struct UnalignedProduct;
    name: "unaligned-product",
    category: Alignment,
    level: Warn,
    summary: "a product with no path to any outcome",
    params: [],
}

impl Check for UnalignedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
