//! Comparing two versions of an org: what a reorganisation changes, and
//! which findings it introduces and resolves.
//!
//! Moving from projects to products is done in steps, each reviewed as a
//! change to the org files. [`diff`] reads such a step as what it is: teams
//! formed, moved and retired, products changing hands, decision rights
//! moving, goals rewritten ([`Change`]), and the findings the step brings in
//! or fixes ([`Diff::introduced`], [`Diff::resolved`]). `opmodel diff OLD
//! NEW` prints the same result for people ([`human`]), for a pull-request
//! comment ([`markdown`]) or for machines ([`json`]); `opmodel diff --git
//! REV PATH…` reads the old version from a git revision ([`git`]).
//!
//! # What counts as a change
//!
//! Entities are matched by kind and id, never by file or line: moving an
//! entity to another file, or renaming a file, changes nothing. Values are
//! compared as they mean, not as they are spelled:
//!
//! - a product's accountable owners are the union of its `owner` field and
//!   every team whose `owns` lists it (the union rule of the org format), so
//!   moving `owns: [web-player]` from a team to `owner:` on the product is
//!   no change;
//! - lists whose order means nothing (owners, contributors, outcomes,
//!   deciders, members, key results) are compared as sets; a team without
//!   `parent` sits in the `organization`, as `parent: organization` says;
//! - the decision rights written for one (area, scope) are one right (its
//!   id is `<area>@<scope>`), whose deciders are those of every entry.
//!
//! Each [`ChangeKind`] says what changed; the list is sorted by kind of
//! entity (teams, products, outcomes, objectives, decision rights), id and
//! change, so that the same two versions always give the same output.
//!
//! # Findings introduced and resolved
//!
//! Both versions are checked with the same [`Linter`]. A finding is matched
//! across versions as a [baseline](crate::baseline) matches it: by check,
//! kind and id of its entity and a stable key of what was found, never by
//! line. Editing another part of a file therefore does not show a finding
//! as new. What is left is then matched by check and entity alone: a
//! finding reworded by the change (a product still unaligned, now under
//! another owner) is neither introduced nor resolved
//! ([`baseline::pair`](crate::baseline::pair)).
//!
//! ```
//! use opmodel::diff::{ChangeKind, Value, diff};
//! use opmodel::load::{Format, load_str};
//! use opmodel::Linter;
//!
//! let before = load_str(
//!     "teams:\n  - { id: playback, owns: [web-player] }\nproducts:\n  - id: web-player\n",
//!     Format::Yaml,
//!     "org.yaml",
//! );
//! let after = load_str(
//!     "teams:\n  - id: playback\n  - id: discovery\nproducts:\n  - { id: web-player, owner: discovery }\n",
//!     Format::Yaml,
//!     "org.yaml",
//! );
//! let d = diff(&before, &after, &Linter::new());
//! let owner = d.changes.iter().find(|c| c.change == ChangeKind::OwnerChanged).unwrap();
//! assert_eq!(owner.entity.id, "web-player");
//! assert_eq!(owner.before, Value::List(vec!["playback".into()]));
//! assert_eq!(owner.after, Value::List(vec!["discovery".into()]));
//! // `playback` owns nothing any more: a new idle-team warning.
//! assert!(d.introduced.diagnostics.iter().any(|f| f.check == "idle-team"));
//! ```

mod changes;
pub mod git;
pub mod human;
pub mod json;
pub mod markdown;
#[cfg(test)]
mod tests;

pub use changes::changes;

use serde::Serialize;
use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::Linter;
use crate::baseline::pair;
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Loaded;
use crate::model::{EntityKind, EntityRef, Model};
use crate::report::Report;

/// What changed about an entity between two versions of an org. The name
/// (`owner-changed`, …) is what the JSON output's `change` field holds.
///
/// Each change carries the entity and its value [before](Change::before)
/// and [after](Change::after); the values are ids, names or lists of them,
/// as each kind below says.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Display,
    EnumString,
    EnumIter,
    IntoStaticStr,
    Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// `added`: an entity that only the new version has (a team, product,
    /// outcome, objective or decision right). `after` is its name (a team's
    /// or product's `name`, an outcome's `statement`, an objective's
    /// `title`), or for a decision right its deciding teams.
    Added,
    /// `removed`: an entity that only the old version has; `before` is as
    /// `after` of [`Added`](Self::Added).
    Removed,
    /// `renamed`: the same id with another display name: a team's or
    /// product's `name`, an outcome's `statement`, an objective's `title`.
    Renamed,
    /// `moved`: a team with another `parent` (a team without one sits in
    /// the `organization`).
    Moved,
    /// `kind-changed`: a team's `kind` (default `stream-aligned`) or a
    /// product's `kind` changed.
    KindChanged,
    /// `members-changed`: the people of a team (name and role, as a set)
    /// changed.
    MembersChanged,
    /// `owner-changed`: the accountable owners changed: of a product, the
    /// union of its `owner` and of the teams whose `owns` lists it (so
    /// moving the claim from one field to the other is no change); of an
    /// outcome or objective, its `owner`.
    OwnerChanged,
    /// `contributors-changed`: the teams that build on a product without
    /// being accountable for it changed.
    ContributorsChanged,
    /// `part-of-changed`: the product (line) a product belongs to changed.
    PartOfChanged,
    /// `funding-changed`: a product's `funding` changed (for example from
    /// `project` to `product`).
    FundingChanged,
    /// `outcomes-changed`: the outcomes a product serves (`outcomes`), or
    /// the outcomes and objectives an outcome or objective supports
    /// (`supports`), changed.
    OutcomesChanged,
    /// `key-results-changed`: an objective's key results changed (as a set:
    /// their text and their metric, baseline, target, unit and kind;
    /// reordering them is no change). The values list them in written
    /// order.
    KeyResultsChanged,
    /// `decider-changed`: the teams that decide an (area, scope) changed,
    /// over every entry written for it.
    DeciderChanged,
    /// `escalation-changed`: where an (area, scope) escalates to
    /// (`escalates_to`) changed.
    EscalationChanged,
    /// `roles-changed`: who else takes part in an (area, scope) changed:
    /// the teams that recommend, must agree, are consulted or informed,
    /// listed as `role: team`.
    RolesChanged,
    /// `measure-changed`: an outcome's `metric`, `baseline` or `target`
    /// changed (`metric: …; baseline: …; target: …`).
    MeasureChanged,
    /// `period-changed`: an objective's `period` changed.
    PeriodChanged,
    /// `interactions-changed`: how a team works with others (its
    /// `interactions`, as `mode: team`) changed.
    InteractionsChanged,
    /// `stage-changed`: a product's lifecycle `stage` changed.
    StageChanged,
    /// `allocations-changed`: where a person's time goes (`team: share`,
    /// with the role) changed.
    AllocationsChanged,
    /// `lead-changed`: the role that leads a lifecycle stage (`lead`)
    /// changed.
    LeadChanged,
    /// `every-changed`: how often a cadence meets (`every`) changed.
    EveryChanged,
    /// `covers-changed`: what a cadence reviews or plans (`covers`)
    /// changed.
    CoversChanged,
    /// `attendees-changed`: the teams that attend a cadence (`attendees`)
    /// changed.
    AttendeesChanged,
    /// `allow-changed`: the checks an entity's `allow` list names changed
    /// (for a decision right, over every entry written for it). A finding
    /// silenced this way is resolved in the diff too; this says how.
    AllowChanged,
}

/// The value of an entity's field before or after a change.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// Nothing written (JSON `null`).
    None,
    /// One id, name or word.
    One(String),
    /// A set of ids or texts (sorted, except key results, which keep their
    /// written order).
    List(Vec<String>),
}

impl Value {
    /// `One` when `value` is there, else `None`.
    pub fn from_option(value: Option<impl Into<String>>) -> Self {
        value.map_or(Self::None, |v| Self::One(v.into()))
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::None => f.write_str("none"),
            Self::One(v) => f.write_str(v),
            Self::List(v) if v.is_empty() => f.write_str("none"),
            Self::List(v) => f.write_str(&v.join(", ")),
        }
    }
}

/// One change between two versions of an org.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Change {
    /// What changed.
    pub change: ChangeKind,
    /// The entity it changed for (a decision right's id is `<area>@<scope>`).
    pub entity: EntityRef,
    /// The value in the old version.
    pub before: Value,
    /// The value in the new version.
    pub after: Value,
}

impl Change {
    /// The order of the change list: kind of entity, id, then change.
    pub fn sort_key(&self) -> (EntityKind, &str, ChangeKind) {
        (self.entity.kind, self.entity.id.as_str(), self.change)
    }

    /// The part of a review the change belongs to.
    pub fn group(&self) -> Group {
        match (self.entity.kind, self.change) {
            (EntityKind::Team | EntityKind::Person, _) => Group::Teams,
            (EntityKind::Product, ChangeKind::OutcomesChanged) => Group::Goals,
            (EntityKind::Product, _) => Group::Ownership,
            (EntityKind::Decision, _) => Group::Decisions,
            (EntityKind::Stage | EntityKind::Cadence, _) => Group::Rhythm,
            _ => Group::Goals,
        }
    }
}

/// The parts of a review, in the order the outputs show them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumIter, IntoStaticStr,
)]
#[non_exhaustive]
pub enum Group {
    /// Changes to teams: added, removed, renamed, moved, kind, members.
    #[strum(to_string = "People and teams")]
    Teams,
    /// Products added and removed, and who is accountable for them.
    #[strum(to_string = "Ownership")]
    Ownership,
    /// Decision rights: added, removed, deciders, escalation.
    #[strum(to_string = "Decision rights")]
    Decisions,
    /// Outcomes, objectives and key results, and the outcomes products serve.
    #[strum(to_string = "Goals")]
    Goals,
    /// Lifecycle stages and the cadences that plan and review the work.
    #[strum(to_string = "Lifecycle and cadences")]
    Rhythm,
}

/// When `opmodel diff` exits with status 1 (`--fail-on`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum FailOn {
    /// The new version has an error finding the old one has not.
    NewErrors,
    /// The new version has an error or warning finding the old one has not.
    NewWarnings,
}

/// Counts of findings by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Findings with severity `error`.
    pub errors: usize,
    /// Findings with severity `warning`.
    pub warnings: usize,
    /// Findings with severity `note`.
    pub notes: usize,
}

impl Counts {
    /// The counts of `diagnostics`.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut c = Self::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                _ => c.notes += 1,
            }
        }
        c
    }

    /// All of them.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.notes
    }
}

/// Entity counts of the two versions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    /// In the old version.
    pub before: usize,
    /// In the new version.
    pub after: usize,
}

/// The counts of a [`Diff`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// How many structural changes.
    pub changes: usize,
    /// Findings the new version has and the old one has not.
    pub introduced: Counts,
    /// Findings the old version has and the new one has not.
    pub resolved: Counts,
    /// Entities in each version.
    pub entities: Entities,
}

/// What changed between two versions of an org.
#[derive(Clone, Debug, Default)]
pub struct Diff {
    /// The structural changes, sorted by kind of entity, id and change.
    pub changes: Vec<Change>,
    /// Findings of the new version that the old one has not, in the new
    /// report's order, with the new version's files.
    pub introduced: Report,
    /// Findings of the old version that the new one has not, in the old
    /// report's order, with the old version's files.
    pub resolved: Report,
    /// The counts.
    pub summary: Summary,
}

/// Compares two loaded versions of an org: their structure, and their
/// findings under `linter` (both versions are checked).
///
/// Findings are paired in opmodel's own words and then told in each
/// version's: a Backstage catalog and the org files imported from it say
/// the same finding differently (``component `svc` names `group:ghost` in
/// `spec.owner` `` against ``product `svc` names `ghost` in `owner` ``), and
/// that is no change.
pub fn diff(old: &Loaded, new: &Loaded, linter: &Linter) -> Diff {
    let old_report = linter.check_in_own_words(old);
    let new_report = linter.check_in_own_words(new);
    let mut diff = Diff::new(&old.model, &old_report, &new.model, &new_report);
    new.catalog_names.reword(&mut diff.introduced.diagnostics);
    old.catalog_names.reword(&mut diff.resolved.diagnostics);
    diff
}

impl Diff {
    /// The diff of two models whose reports are already at hand (checked
    /// with the same linter).
    pub fn new(old: &Model, old_report: &Report, new: &Model, new_report: &Report) -> Self {
        let changes = changes(old, new);
        let (old_paired, new_paired) = pair(&old_report.diagnostics, &new_report.diagnostics);
        let introduced = unpaired(new_report, &new_paired);
        let resolved = unpaired(old_report, &old_paired);
        let summary = Summary {
            changes: changes.len(),
            introduced: Counts::of(&introduced.diagnostics),
            resolved: Counts::of(&resolved.diagnostics),
            entities: Entities {
                before: old.entity_count(),
                after: new.entity_count(),
            },
        };
        Self {
            changes,
            introduced,
            resolved,
            summary,
        }
    }

    /// Whether nothing changed: no structural change, no finding introduced
    /// or resolved.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
            && self.introduced.diagnostics.is_empty()
            && self.resolved.diagnostics.is_empty()
    }

    /// The changes of one group, in the list's order.
    pub fn group(&self, group: Group) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.group() == group)
    }

    /// Whether the change introduces what `fail_on` names.
    pub fn fails(&self, fail_on: FailOn) -> bool {
        let c = self.summary.introduced;
        match fail_on {
            FailOn::NewErrors => c.errors > 0,
            FailOn::NewWarnings => c.errors + c.warnings > 0,
        }
    }

    /// The exit status of `opmodel diff`: 1 when `fail_on` is given and
    /// [`fails`](Self::fails), else 0.
    pub fn exit_code(&self, fail_on: Option<FailOn>) -> i32 {
        i32::from(fail_on.is_some_and(|f| self.fails(f)))
    }
}

/// The findings of `report` left out by `paired`, with `report`'s files.
fn unpaired(report: &Report, paired: &[bool]) -> Report {
    let diagnostics: Vec<Diagnostic> = report
        .diagnostics
        .iter()
        .zip(paired)
        .filter(|(_, paired)| !**paired)
        .map(|(d, _)| d.clone())
        .collect();
    let counts = Counts::of(&diagnostics);
    let mut summary = report.summary;
    summary.errors = counts.errors;
    summary.warnings = counts.warnings;
    Report {
        diagnostics,
        summary,
        sources: report.sources.clone(),
        truncated: Vec::new(),
    }
}
