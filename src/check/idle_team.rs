//! `idle-team`: a product-building team that owns no product, contributes to none and decides nothing.

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
    pub struct IdleTeam;
    name: "idle-team",
    category: Ownership,
    level: Warn,
    summary: "a product-building team that owns no product, contributes to none and decides nothing",
    params: [],
}

impl Check for IdleTeam {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
