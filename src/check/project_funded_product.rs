//! `project-funded-product`: a product funded as a project.

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
    pub struct ProjectFundedProduct;
    name: "project-funded-product",
    category: GoalStyle,
    level: Warn,
    summary: "a product funded as a project",
    params: [],
}

impl Check for ProjectFundedProduct {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
