//! `ungoverned-standard`: a security, compliance or architecture-standards decision that no governance team decides or agrees to.

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
    pub struct UngovernedStandard;
    name: "ungoverned-standard",
    category: DecisionRights,
    level: Warn,
    summary: "a security, compliance or architecture-standards decision that no governance team decides or agrees to",
    params: [],
}

impl Check for UngovernedStandard {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
