//! `overloaded-team`: a team accountable for more than `max_products` products.

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
    pub struct OverloadedTeam;
    name: "overloaded-team",
    category: Ownership,
    level: Warn,
    summary: "a team accountable for more than `max_products` products",
    params: [],
}

impl Check for OverloadedTeam {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
