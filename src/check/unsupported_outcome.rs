//! `unsupported-outcome`: an outcome that no product serves and no objective supports.

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
    pub struct UnsupportedOutcome;
    name: "unsupported-outcome",
    category: Alignment,
    level: Warn,
    summary: "an outcome that no product serves and no objective supports",
    params: [],
}

impl Check for UnsupportedOutcome {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Vec<Diagnostic>) {}
}
