//! `unknown-allow`: an `allow:` list names a check that does not exist.

use super::{Check, Context, Sink, declare_check};

declare_check! {
    /// ### What it finds
    /// A name in an entity's `allow:` list that is not the name of any check
    /// (built in or registered by the program running opmodel). The message
    /// suggests the closest check name.
    ///
    /// ### Why it matters
    /// `allow:` is how a finding is accepted on purpose. A misspelt name
    /// silences nothing, so the finding the author meant to accept keeps
    /// coming back, or, worse, a later rename of a check silently turns an
    /// accepted exception back on without anyone noticing why.
    ///
    /// ### Example
    /// ```yaml
    /// teams:
    ///   - id: platform-core
    ///     allow: [overloaded-teams]     # the check is `overloaded-team`
    /// ```
    ///
    /// ### Fix
    /// Use the exact name (`opmodel checks` lists them all):
    /// ```yaml
    ///     allow: [overloaded-team]
    /// ```
    pub struct UnknownAllow;
    name: "unknown-allow",
    category: Integrity,
    level: Warn,
    summary: "an `allow:` list names a check that does not exist",
    params: [],
}

impl Check for UnknownAllow {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    /// Found by the linter, which knows every registered check; see
    /// [`crate::Linter`].
    fn run(&self, _cx: &Context<'_, '_>, _out: &mut Sink) {}
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "unknown-allow";

    #[test]
    fn triggers() {
        let yaml = "teams:\n  - id: t\n    allow: [overloaded-teams]\nproducts:\n  - { id: p, owner: t, allow: [orphaned-product, nonsense] }\n";
        assert_triggers(NAME, yaml, &["p", "t"]);
        let found = findings(NAME, yaml);
        let t = found.iter().find(|d| d.entity.id == "t").expect("t");
        assert_eq!(
            t.message,
            "team `t` allows `overloaded-teams`, which is not a check"
        );
        assert_eq!(t.help.as_deref(), Some("did you mean `overloaded-team`?"));
        assert_eq!(t.location.map(|l| l.line), Some(2));
    }

    #[test]
    fn passes() {
        assert_passes(
            NAME,
            "teams:\n  - id: t\n    allow: [overloaded-team, idle-team]\n",
        );
        let decision = "teams:\n  - id: t\ndecisions:\n  - { area: pricing, scope: organization, decides: t, allow: [ungoverned-standard] }\n";
        assert_passes(NAME, decision);
    }
}
