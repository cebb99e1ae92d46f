//! `stage-without-lead`: a product in a stage whose leading role its team does not have.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, ProductIx, StageIx, TeamIx};
use crate::model::{EntityKind, EntityRef, Role};

declare_check! {
    /// ### What it finds
    /// A product in a lifecycle stage (`stage:` naming an entry of the
    /// `lifecycle` section) that has a `lead` role, when the product has
    /// exactly one accountable team and that team's people (at least one)
    /// include nobody with that role. A team's people are its `members`
    /// and every person with an allocation to it; an allocation's `role`
    /// counts like a member's. Roles are matched as member roles are
    /// (`PM` is a product manager, `Tech Lead` an engineering lead, and the
    /// `[roles]` job titles of `opmodel.toml` count). Products with no
    /// stage, a stage without `lead`, no or several accountable teams, or a
    /// team with no people listed are not reported.
    ///
    /// ### Why it matters
    /// Each stage of a product's life asks for a different lead: discovery
    /// for a product manager who finds the problem worth solving, scaling
    /// for an engineering lead, sunset for someone who can wind it down
    /// well. A product whose team lacks the role its stage needs is led by
    /// default, by whoever happens to be there.
    ///
    /// ### Example
    /// ```yaml
    /// lifecycle:
    ///   - { id: discovery, lead: product-manager }
    /// products:
    ///   - { id: podcasts, owner: audio, stage: discovery }
    /// teams:
    ///   - id: audio
    ///     members:
    ///       - { name: Bo, role: engineering-lead }
    /// ```
    ///
    /// ### Fix
    /// Give the team the role the stage needs (a member, or a person
    /// allocated to it with that role), or move the product to the stage it
    /// is really in:
    /// ```yaml
    /// people:
    ///   - id: ana
    ///     allocations: [{ team: audio, share: 0.5, role: product-manager }]
    /// ```
    pub struct StageWithoutLead;
    name: "stage-without-lead",
    category: Lifecycle,
    level: Warn,
    summary: "a product in a stage with a `lead` whose accountable team has nobody in that role",
    params: [],
}

impl Check for StageWithoutLead {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        let team_defs = g.team_groups();
        // Each team id's definitions, by its first definition.
        let defs_of: std::collections::HashMap<TeamIx, &[TeamIx]> = team_defs
            .iter()
            .filter_map(|d| d.first().map(|&first| (first, d)))
            .collect();
        for defs in g.product_groups().iter() {
            let Some(stage) = defs.iter().find_map(|&p| g.stage_of(p)) else {
                continue;
            };
            let Some(lead) = g.stage(stage).lead.as_ref() else {
                continue;
            };
            let mut owners: Vec<TeamIx> = defs
                .iter()
                .flat_map(|&p| g.owner_teams(p))
                .map(|t| g.canonical_team(t))
                .collect();
            owners.sort_unstable();
            owners.dedup();
            let [owner] = owners.as_slice() else {
                continue;
            };
            let Some(owner_defs) = defs_of.get(owner) else {
                continue;
            };
            if !g.has_people(owner_defs) {
                continue;
            }
            let aliases: Vec<Role> = cx
                .config()
                .role_aliases(&lead.to_string())
                .iter()
                .map(|t| Role::parse(t))
                .collect();
            let led = g
                .team_roles_of(owner_defs)
                .into_iter()
                .any(|r| r == lead || aliases.contains(r));
            if !led {
                out.push(unled(g, defs[0], stage, *owner, lead));
            }
        }
    }
}

fn unled(
    g: &OrgGraph<'_>,
    product: ProductIx,
    stage: StageIx,
    team: TeamIx,
    lead: &Role,
) -> Diagnostic {
    let p = g.product(product);
    let s = g.stage(stage);
    let t = g.team(team);
    let role = super::quote_text(&lead.to_string());
    let a = crate::diagnostic::article(&role);
    Diagnostic::new(
        StageWithoutLead::NAME,
        EntityRef::new(EntityKind::Product, &p.id),
        format!(
            "product `{}` is in stage `{}`, which is led by {a} {role}, but its team `{}` has no {role}",
            p.id, s.id, t.id
        ),
    )
    .with_help(format!(
        "give team `{}` {a} {role} (a member with `role: {role}`, or a person allocated to it with that role), or set the stage the product is really in",
        t.id
    ))
    .at(p.location)
    .with_related(EntityKind::Stage, &s.id)
    .with_related(EntityKind::Team, &t.id)
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings, findings_in};
    use crate::config::Config;
    use crate::load::Format;

    const NAME: &str = "stage-without-lead";

    const LIFECYCLE: &str = "lifecycle:\n  - { id: discovery, lead: product-manager }\n  - { id: growth, lead: Tech Lead }\n  - { id: sunset }\n";

    #[test]
    fn triggers() {
        let yaml = format!(
            "{LIFECYCLE}teams:\n  - id: audio\n    owns: [podcasts]\n    members:\n      - {{ name: Bo, role: engineering-lead }}\n  - id: video\n    owns: [clips]\n    members:\n      - {{ name: Cy }}\nproducts:\n  - {{ id: podcasts, stage: discovery }}\n  - {{ id: clips, stage: growth }}\n"
        );
        assert_triggers(NAME, &yaml, &["clips", "podcasts"]);
        let found = findings(NAME, &yaml);
        let podcasts = found
            .iter()
            .find(|d| d.entity.id == "podcasts")
            .expect("podcasts");
        assert_eq!(
            podcasts.message,
            "product `podcasts` is in stage `discovery`, which is led by a product-manager, but its team `audio` has no product-manager"
        );
        let clips = found
            .iter()
            .find(|d| d.entity.id == "clips")
            .expect("clips");
        assert!(
            clips
                .message
                .contains("which is led by an engineering-lead,"),
            "{}",
            clips.message
        );
        assert!(
            clips
                .help
                .as_deref()
                .is_some_and(|h| h.contains("give team `video` an engineering-lead")),
            "{:?}",
            clips.help
        );
        // Allocated people only, none with the role.
        let allocated = format!(
            "{LIFECYCLE}teams:\n  - {{ id: audio, owns: [podcasts] }}\nproducts:\n  - {{ id: podcasts, stage: discovery }}\npeople:\n  - {{ id: bo, allocations: [{{ team: audio, share: 1, role: designer }}] }}\n"
        );
        assert_triggers(NAME, &allocated, &["podcasts"]);
    }

    #[test]
    fn passes() {
        let yaml = format!(
            "{LIFECYCLE}teams:\n  - id: audio\n    owns: [podcasts]\n    members:\n      - {{ name: Ana, role: PM }}\n  - id: empty\n    owns: [quiet]\n  - id: a\n    owns: [shared]\n    members: [{{ name: X }}]\n  - id: b\n    owns: [shared]\n    members: [{{ name: Y }}]\n  - id: c\n    owns: [old, nostage, unknown]\n    members: [{{ name: Z }}]\nproducts:\n  - {{ id: podcasts, stage: discovery }}\n  - {{ id: quiet, stage: discovery }}\n  - {{ id: shared, stage: discovery }}\n  - {{ id: old, stage: sunset }}\n  - {{ id: nostage }}\n  - {{ id: unknown, stage: nowhere }}\n  - {{ id: orphan, stage: discovery }}\n"
        );
        assert_passes(NAME, &yaml);
        // The role comes from an allocation to the team.
        let allocated = format!(
            "{LIFECYCLE}teams:\n  - {{ id: audio, owns: [clips], members: [{{ name: Bo, role: designer }}] }}\nproducts:\n  - {{ id: clips, stage: growth }}\npeople:\n  - {{ id: ana, allocations: [{{ team: audio, share: 0.5, role: Engineering Manager }}] }}\n"
        );
        assert_passes(NAME, &allocated);
        // A `[roles]` job title counts.
        let owner = format!(
            "{LIFECYCLE}teams:\n  - {{ id: audio, owns: [podcasts], members: [{{ name: Ana, role: Business Owner }}] }}\nproducts:\n  - {{ id: podcasts, stage: discovery }}\n"
        );
        assert_eq!(findings(NAME, &owner).len(), 1);
        let mut config = Config::new();
        config.add_role_alias("product-manager", "Business Owner");
        assert!(findings_in(NAME, &owner, Format::Yaml, config).is_empty());
    }
}
