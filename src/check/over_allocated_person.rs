//! `over-allocated-person`: a person whose shares add up to more than their whole time.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::graph::{OrgGraph, PersonIx, SHARE_TOLERANCE};
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// A person whose allocations (`share` on each item of `allocations` in
    /// the `people` section) add up to more than 1.0, their whole time.
    /// Sums are compared with a tolerance of 1e-9, so 0.1 + 0.2 + 0.7 is
    /// exactly 1.0 and passes. The message names every allocation with its
    /// share; the teams are listed as related. Every allocation counts,
    /// including one that names a team the model does not have (that is
    /// reported by `unknown-reference` too). A person whose id is defined
    /// twice is one person: the allocations of both definitions add up.
    ///
    /// ### Why it matters
    /// Time given to teams is a promise. A person promised to more than
    /// their whole week is a plan that cannot be kept: some team gets less
    /// than it counts on, and nobody sees which until the work slips. In a
    /// product operating model, where teams are long-lived and funded for
    /// their capacity, over-allocation hides a staffing gap.
    ///
    /// ### Example
    /// ```yaml
    /// people:
    ///   - id: ana
    ///     allocations:
    ///       - { team: playback, share: 0.6 }
    ///       - { team: search, share: 0.6 }
    /// ```
    ///
    /// ### Fix
    /// Make the shares add up to at most 1, and staff the gap openly:
    /// ```yaml
    /// people:
    ///   - id: ana
    ///     allocations:
    ///       - { team: playback, share: 0.6 }
    ///       - { team: search, share: 0.4 }
    /// ```
    pub struct OverAllocatedPerson;
    name: "over-allocated-person",
    category: People,
    level: Deny,
    summary: "a person whose shares add up to more than 1.0",
    params: [],
}

impl Check for OverAllocatedPerson {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        let g = cx.graph();
        for defs in g.person_groups().iter() {
            let total: f64 = defs.iter().map(|&p| g.total_share(p)).sum();
            if total > 1.0 + SHARE_TOLERANCE {
                out.push(over_allocated(g, defs, total));
            }
        }
    }
}

/// A share as people write it: `0.6`, `1`, `0.333`.
pub(crate) fn share_text(share: f64) -> String {
    rounded_text(share, 1000.0)
}

/// A share with every digit the checks' tolerance keeps: `0.0001`,
/// `1.0001`. A sum still reads `0.3`, not `0.30000000000000004`, and a sum
/// just over 1 does not read as `1` in the finding that says it is over.
fn exact_share_text(share: f64) -> String {
    rounded_text(share, 1e9)
}

fn rounded_text(share: f64, scale: f64) -> String {
    let rounded = (share * scale).round() / scale;
    let mut text = format!("{rounded}");
    if text == "-0" {
        text = "0".to_owned();
    }
    text
}

fn over_allocated(g: &OrgGraph<'_>, defs: &[PersonIx], total: f64) -> Diagnostic {
    let person = g.person(defs[0]);
    let parts: Vec<String> = defs
        .iter()
        .flat_map(|&p| &g.person(p).allocations)
        .map(|a| {
            format!(
                "{} to `{}`",
                exact_share_text(a.share),
                super::quote_text(&a.team.id)
            )
        })
        .collect();
    let mut d = Diagnostic::new(
        OverAllocatedPerson::NAME,
        EntityRef::new(EntityKind::Person, &person.id),
        format!(
            "person `{}` is allocated {} of their time, more than all of it: {}",
            person.id,
            exact_share_text(total),
            parts.join(", ")
        ),
    )
    .with_help(
        "lower the shares so that they add up to at most 1, and staff what is left open as a gap",
    )
    .at(person.location);
    for &p in defs {
        for a in &g.person(p).allocations {
            if let Some(location) = a.location {
                d = d.with_label(
                    Some(location),
                    // (As exact as the message, which the sum must add up to.)
                    format!(
                        "{} to `{}`",
                        exact_share_text(a.share),
                        super::quote_text(&a.team.id)
                    ),
                );
            }
        }
        for a in g.allocations_of(p) {
            if let Some(t) = a.team {
                d = d.with_related(EntityKind::Team, &g.team(t).id);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};

    const NAME: &str = "over-allocated-person";

    const TEAMS: &str = "teams:\n  - id: a\n  - id: b\n  - id: c\n";

    #[test]
    fn triggers() {
        let over = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 0.6 }}\n      - {{ team: b, share: 0.6 }}\n  - id: bo\n    allocations:\n      - {{ team: a, share: 1 }}\n      - {{ team: c, share: 0.001 }}\n"
        );
        assert_triggers(NAME, &over, &["ana", "bo"]);
        // A sum just over 1 says by how much.
        let bo = findings(NAME, &over)
            .into_iter()
            .find(|d| d.entity.id == "bo")
            .expect("bo");
        assert_eq!(
            bo.message,
            "person `bo` is allocated 1.001 of their time, more than all of it: 1 to `a`, 0.001 to `c`"
        );
        assert_eq!(super::exact_share_text(0.1 + 0.2), "0.3");
        assert_eq!(super::exact_share_text(1.0 + 0.0001), "1.0001");
        assert_eq!(super::share_text(2.0 / 3.0), "0.667");
        let found = findings(NAME, &over);
        let ana = found.iter().find(|d| d.entity.id == "ana").expect("ana");
        assert_eq!(
            ana.message,
            "person `ana` is allocated 1.2 of their time, more than all of it: 0.6 to `a`, 0.6 to `b`"
        );
        let related: Vec<&str> = ana.related.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(related, ["a", "b"]);
        assert_eq!(ana.labels.len(), 2);
        // The labels are as exact as the message they add up to.
        let hair = format!(
            "{TEAMS}people:\n  - id: fay\n    allocations:\n      - {{ team: a, share: 0.7 }}\n      - {{ team: b, share: 0.30000001 }}\n"
        );
        let fay = findings(NAME, &hair).into_iter().next().expect("fay");
        let labels: Vec<&str> = fay.labels.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(labels, ["0.7 to `a`", "0.30000001 to `b`"]);
        assert!(fay.message.contains(" 1.00000001 "), "{}", fay.message);
        // The same team twice still adds up.
        let twice = format!(
            "{TEAMS}people:\n  - id: cy\n    allocations:\n      - {{ team: a, share: 0.5 }}\n      - {{ team: a, share: 0.51 }}\n"
        );
        assert_triggers(NAME, &twice, &["cy"]);
        // A person defined twice is one person.
        let dup = format!(
            "{TEAMS}people:\n  - id: di\n    allocations: [{{ team: a, share: 0.7 }}]\n  - id: di\n    allocations: [{{ team: b, share: 0.7 }}]\n"
        );
        assert_triggers(NAME, &dup, &["di"]);
    }

    #[test]
    fn passes() {
        // Exactly 1.0, also when the floating-point sum is a hair above it.
        let full = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 0.1 }}\n      - {{ team: b, share: 0.2 }}\n      - {{ team: c, share: 0.7 }}\n  - id: bo\n    allocations:\n      - {{ team: a, share: 1.0 }}\n  - id: cy\n    allocations:\n      - {{ team: a, share: 0.3 }}\n      - {{ team: b, share: 0.3 }}\n      - {{ team: c, share: 0.4 }}\n  - id: di\n  - id: ed\n    allocations: []\n"
        );
        assert_passes(NAME, &full);
        // A share outside (0, 1] is invalid, not over-allocation.
        let invalid = format!(
            "{TEAMS}people:\n  - id: ana\n    allocations:\n      - {{ team: a, share: 1.5 }}\n"
        );
        assert_passes(NAME, &invalid);
        let found = crate::check::testing::findings("invalid-entity", &invalid);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            found[0].message.contains("outside (0, 1]"),
            "{}",
            found[0].message
        );
    }
}
