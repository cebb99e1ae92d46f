//! The structural changes between two models.

use std::collections::{BTreeMap, BTreeSet};

use super::{Change, ChangeKind, Value};
use crate::model::{
    DecisionRight, EntityKind, EntityRef, KeyResult, Model, ORGANIZATION, Objective, Outcome,
    Product, Ref, Team,
};

/// Every structural change from `old` to `new`, sorted by kind of entity,
/// id and change (see [`ChangeKind`] for what each one means).
///
/// Entities are matched by kind and id; an id defined twice is read from
/// its first definition (ownership claims count from every definition).
pub fn changes(old: &Model, new: &Model) -> Vec<Change> {
    let mut out = Vec::new();
    teams(old, new, &mut out);
    products(old, new, &mut out);
    outcomes(old, new, &mut out);
    objectives(old, new, &mut out);
    decisions(old, new, &mut out);
    people(old, new, &mut out);
    stages_and_cadences(old, new, &mut out);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()).then_with(|| a.cmp(b)));
    out.dedup();
    out
}

/// The first definition of each id, by id.
fn by_id<T>(items: &[T], id: impl Fn(&T) -> &str) -> BTreeMap<&str, &T> {
    let mut map = BTreeMap::new();
    for item in items {
        map.entry(id(item)).or_insert(item);
    }
    map
}

/// Pushes the changes of one kind of entity: `added` and `removed` with
/// `label` as their value, and what `compare` finds for ids in both.
fn compare<'m, T>(
    kind: EntityKind,
    old: &BTreeMap<&'m str, T>,
    new: &BTreeMap<&'m str, T>,
    label: impl Fn(&T) -> Value,
    mut compare: impl FnMut(&T, &T, &mut Vec<(ChangeKind, Value, Value)>),
    out: &mut Vec<Change>,
) {
    let change = |change, id: &str, before, after| Change {
        change,
        entity: EntityRef::new(kind, id),
        before,
        after,
    };
    for (id, o) in old {
        match new.get(id) {
            None => out.push(change(ChangeKind::Removed, id, label(o), Value::None)),
            Some(n) => {
                let mut found = Vec::new();
                compare(o, n, &mut found);
                out.extend(
                    found
                        .into_iter()
                        .map(|(kind, before, after)| change(kind, id, before, after)),
                );
            }
        }
    }
    for (id, n) in new {
        if !old.contains_key(id) {
            out.push(change(ChangeKind::Added, id, Value::None, label(n)));
        }
    }
}

/// Records `kind` when `before` and `after` differ.
fn differ(
    found: &mut Vec<(ChangeKind, Value, Value)>,
    kind: ChangeKind,
    before: Value,
    after: Value,
) {
    if before != after {
        found.push((kind, before, after));
    }
}

/// The ids of references, sorted, each once.
fn ids<'a>(refs: impl IntoIterator<Item = &'a Ref>) -> Value {
    let set: BTreeSet<&str> = refs.into_iter().map(Ref::as_str).collect();
    Value::List(set.into_iter().map(str::to_owned).collect())
}

/// The checks an `allow` list names, sorted, each once.
fn allowed(list: &crate::model::AllowList) -> Value {
    let set: BTreeSet<&str> = list.iter().map(String::as_str).collect();
    Value::List(set.into_iter().map(str::to_owned).collect())
}

fn text(value: Option<&impl std::ops::Deref<Target = str>>) -> Value {
    Value::from_option(value.map(|v| v.to_string()))
}

fn teams(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.teams, |t| &t.id);
    let n = by_id(&new.teams, |t| &t.id);
    let parent = |t: &Team| {
        Value::One(
            t.parent
                .as_ref()
                .map_or(ORGANIZATION, Ref::as_str)
                .to_owned(),
        )
    };
    let members = |t: &Team| {
        let set: BTreeSet<String> = t
            .members
            .iter()
            .map(|m| match &m.role {
                Some(role) => format!("{} ({role})", m.name),
                None => m.name.to_string(),
            })
            .collect();
        Value::List(set.into_iter().collect())
    };
    compare(
        EntityKind::Team,
        &o,
        &n,
        |t| text(t.name.as_ref()),
        |a, b, found| {
            differ(
                found,
                ChangeKind::Renamed,
                text(a.name.as_ref()),
                text(b.name.as_ref()),
            );
            differ(found, ChangeKind::Moved, parent(a), parent(b));
            differ(
                found,
                ChangeKind::KindChanged,
                Value::One(a.kind.to_string()),
                Value::One(b.kind.to_string()),
            );
            differ(found, ChangeKind::MembersChanged, members(a), members(b));
            differ(
                found,
                ChangeKind::InteractionsChanged,
                interactions(a),
                interactions(b),
            );
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

/// A team's interactions as `mode: team`, as a set.
fn interactions(t: &Team) -> Value {
    let set: BTreeSet<String> = t
        .interactions
        .iter()
        .map(|i| format!("{}: {}", i.mode, i.with.as_str()))
        .collect();
    Value::List(set.into_iter().collect())
}

/// People: added, removed, and where their time goes.
fn people(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.people, |p| &p.id);
    let n = by_id(&new.people, |p| &p.id);
    let allocations = |p: &crate::model::Person| {
        let set: BTreeSet<String> = p
            .allocations
            .iter()
            .map(|a| match &a.role {
                Some(role) => format!("{}: {} ({role})", a.team.as_str(), a.share),
                None => format!("{}: {}", a.team.as_str(), a.share),
            })
            .collect();
        Value::List(set.into_iter().collect())
    };
    compare(
        EntityKind::Person,
        &o,
        &n,
        |p| text(p.name.as_ref()),
        |a, b, found| {
            differ(
                found,
                ChangeKind::Renamed,
                text(a.name.as_ref()),
                text(b.name.as_ref()),
            );
            differ(
                found,
                ChangeKind::AllocationsChanged,
                allocations(a),
                allocations(b),
            );
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

/// Lifecycle stages and cadences: added, removed, and what they say.
fn stages_and_cadences(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.lifecycle, |s| &s.id);
    let n = by_id(&new.lifecycle, |s| &s.id);
    let lead = |s: &crate::model::Stage| Value::from_option(s.lead.as_ref().map(|r| r.to_string()));
    compare(
        EntityKind::Stage,
        &o,
        &n,
        |s| text(s.name.as_ref()),
        |a, b, found| {
            differ(
                found,
                ChangeKind::Renamed,
                text(a.name.as_ref()),
                text(b.name.as_ref()),
            );
            differ(found, ChangeKind::LeadChanged, lead(a), lead(b));
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
    let o = by_id(&old.cadences, |c| &c.id);
    let n = by_id(&new.cadences, |c| &c.id);
    let kind =
        |c: &crate::model::Cadence| Value::from_option(c.kind.as_ref().map(|k| k.to_string()));
    let every =
        |c: &crate::model::Cadence| Value::from_option(c.every.as_ref().map(|e| e.to_string()));
    let covers = |c: &crate::model::Cadence| {
        let set: BTreeSet<String> = c.covers.iter().map(ToString::to_string).collect();
        Value::List(set.into_iter().collect())
    };
    // A cadence is named by what it is and how often: "review every quarter".
    let label = |c: &&crate::model::Cadence| {
        let words: Vec<String> = [
            c.kind.as_ref().map(ToString::to_string),
            c.every.as_ref().map(|e| format!("every {e}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        Value::from_option((!words.is_empty()).then(|| words.join(" ")))
    };
    compare(
        EntityKind::Cadence,
        &o,
        &n,
        label,
        |a, b, found| {
            differ(found, ChangeKind::KindChanged, kind(a), kind(b));
            differ(found, ChangeKind::EveryChanged, every(a), every(b));
            differ(found, ChangeKind::CoversChanged, covers(a), covers(b));
            differ(
                found,
                ChangeKind::OwnerChanged,
                owner(a.owner.as_ref()),
                owner(b.owner.as_ref()),
            );
            differ(
                found,
                ChangeKind::AttendeesChanged,
                ids(&a.attendees),
                ids(&b.attendees),
            );
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

/// Each product's accountable owners: the union of its `owner` field (over
/// every definition of its id) and every team whose `owns` lists it.
fn owners(model: &Model) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut owners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for p in &model.products {
        owners
            .entry(&p.id)
            .or_default()
            .extend(p.owner.iter().map(Ref::as_str));
    }
    for t in &model.teams {
        for product in &t.owns {
            if let Some(set) = owners.get_mut(product.as_str()) {
                set.insert(&t.id);
            }
        }
    }
    owners
}

fn products(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.products, |p| &p.id);
    let n = by_id(&new.products, |p| &p.id);
    let old_owners = owners(old);
    let new_owners = owners(new);
    let owners_of = |owners: &BTreeMap<&str, BTreeSet<&str>>, p: &Product| {
        let set = owners.get(p.id.as_str()).cloned().unwrap_or_default();
        Value::List(set.into_iter().map(str::to_owned).collect())
    };
    let kind = |p: &Product| Value::from_option(p.kind.as_ref().map(ToString::to_string));
    let funding = |p: &Product| Value::from_option(p.funding.as_ref().map(ToString::to_string));
    let part_of = |p: &Product| Value::from_option(p.part_of.as_ref().map(|r| r.as_str()));
    compare(
        EntityKind::Product,
        &o,
        &n,
        |p| text(p.name.as_ref()),
        |a, b, found| {
            differ(
                found,
                ChangeKind::Renamed,
                text(a.name.as_ref()),
                text(b.name.as_ref()),
            );
            differ(found, ChangeKind::KindChanged, kind(a), kind(b));
            differ(
                found,
                ChangeKind::OwnerChanged,
                owners_of(&old_owners, a),
                owners_of(&new_owners, b),
            );
            differ(
                found,
                ChangeKind::ContributorsChanged,
                ids(&a.contributors),
                ids(&b.contributors),
            );
            differ(found, ChangeKind::PartOfChanged, part_of(a), part_of(b));
            differ(found, ChangeKind::FundingChanged, funding(a), funding(b));
            differ(
                found,
                ChangeKind::StageChanged,
                owner(a.stage.as_deref()),
                owner(b.stage.as_deref()),
            );
            differ(
                found,
                ChangeKind::OutcomesChanged,
                ids(&a.outcomes),
                ids(&b.outcomes),
            );
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

fn owner(owner: Option<&Ref>) -> Value {
    Value::from_option(owner.map(Ref::as_str))
}

/// What an outcome or objective hangs from: its `owner` and what it
/// `supports`, compared alike for both kinds.
fn goal_links(
    found: &mut Vec<(ChangeKind, Value, Value)>,
    (owner_a, supports_a): (Option<&Ref>, &[Ref]),
    (owner_b, supports_b): (Option<&Ref>, &[Ref]),
) {
    differ(
        found,
        ChangeKind::OwnerChanged,
        owner(owner_a),
        owner(owner_b),
    );
    differ(
        found,
        ChangeKind::OutcomesChanged,
        ids(supports_a),
        ids(supports_b),
    );
}

fn outcomes(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.outcomes, |x| &x.id);
    let n = by_id(&new.outcomes, |x| &x.id);
    let statement = |x: &Outcome| Value::One(x.statement.to_string());
    compare(
        EntityKind::Outcome,
        &o,
        &n,
        |x| statement(x),
        |a, b, found| {
            differ(found, ChangeKind::Renamed, statement(a), statement(b));
            goal_links(
                found,
                (a.owner.as_ref(), &a.supports),
                (b.owner.as_ref(), &b.supports),
            );
            differ(found, ChangeKind::MeasureChanged, measure(a), measure(b));
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

/// An outcome's measure as the diff shows it: `metric: …; baseline: …;
/// target: …`, with what is written.
fn measure(o: &Outcome) -> Value {
    let mut parts = Vec::new();
    if let Some(m) = &o.metric {
        parts.push(format!("metric: {m}"));
    }
    if let Some(b) = o.baseline {
        parts.push(format!("baseline: {b}"));
    }
    if let Some(t) = o.target {
        parts.push(format!("target: {t}"));
    }
    if parts.is_empty() {
        Value::None
    } else {
        Value::One(parts.join("; "))
    }
}

/// A key result as the diff shows it: its text, and its fields when it
/// has any (`… [metric: week-1 retention; baseline: 31%; target: 38%]`).
fn key_result(kr: &KeyResult) -> String {
    let unit = kr.measure.unit.as_deref().unwrap_or_default();
    let mut fields = Vec::new();
    if let Some(m) = &kr.measure.metric {
        fields.push(format!("metric: {m}"));
    }
    if let Some(b) = kr.measure.baseline {
        fields.push(format!("baseline: {b}{unit}"));
    }
    if let Some(t) = kr.measure.target {
        fields.push(format!("target: {t}{unit}"));
    }
    if kr.measure.baseline.is_none() && kr.measure.target.is_none() && !unit.is_empty() {
        fields.push(format!("unit: {unit}"));
    }
    if let Some(k) = &kr.kind {
        fields.push(format!("kind: {k}"));
    }
    if fields.is_empty() {
        kr.text.to_string()
    } else {
        format!("{} [{}]", kr.text, fields.join("; "))
    }
}

fn objectives(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = by_id(&old.objectives, |x| &x.id);
    let n = by_id(&new.objectives, |x| &x.id);
    let title = |x: &Objective| Value::One(x.title.to_string());
    let krs = |x: &Objective| -> Vec<String> { x.key_results.iter().map(key_result).collect() };
    compare(
        EntityKind::Objective,
        &o,
        &n,
        |x| title(x),
        |a, b, found| {
            differ(found, ChangeKind::Renamed, title(a), title(b));
            goal_links(
                found,
                (a.owner.as_ref(), &a.supports),
                (b.owner.as_ref(), &b.supports),
            );
            differ(
                found,
                ChangeKind::PeriodChanged,
                text(a.period.as_ref()),
                text(b.period.as_ref()),
            );
            let (before, after) = (krs(a), krs(b));
            let mut sorted_before = before.clone();
            let mut sorted_after = after.clone();
            sorted_before.sort();
            sorted_after.sort();
            if sorted_before != sorted_after {
                found.push((
                    ChangeKind::KeyResultsChanged,
                    Value::List(before),
                    Value::List(after),
                ));
            }
            differ(
                found,
                ChangeKind::AllowChanged,
                allowed(&a.allow),
                allowed(&b.allow),
            );
        },
        out,
    );
}

/// A decision right as the diff sees it: every entry of one (area, scope).
#[derive(Default)]
struct Right {
    deciders: BTreeSet<String>,
    escalation: BTreeSet<String>,
    /// `role: team` for every other part taken.
    roles: BTreeSet<String>,
    /// The checks the entries' `allow` lists name.
    allow: BTreeSet<String>,
}

impl Right {
    fn deciders(&self) -> Value {
        Value::List(self.deciders.iter().cloned().collect())
    }

    fn roles(&self) -> Value {
        Value::List(self.roles.iter().cloned().collect())
    }

    fn escalation(&self) -> Value {
        let mut targets = self.escalation.iter().cloned();
        match (targets.next(), targets.next()) {
            (None, _) => Value::None,
            (Some(one), None) => Value::One(one),
            (Some(first), Some(second)) => {
                Value::List([first, second].into_iter().chain(targets).collect())
            }
        }
    }
}

fn rights(decisions: &[DecisionRight]) -> BTreeMap<String, Right> {
    let mut out: BTreeMap<String, Right> = BTreeMap::new();
    for d in decisions {
        let right = out.entry(d.id().to_string()).or_default();
        right
            .deciders
            .extend(d.decides.iter().map(|r| r.as_str().to_owned()));
        right
            .escalation
            .extend(d.escalates_to.iter().map(|r| r.as_str().to_owned()));
        right.allow.extend(d.allow.iter().cloned());
        for (role, teams) in [
            ("recommends", &d.recommends),
            ("agrees", &d.agrees),
            ("consulted", &d.consulted),
            ("informed", &d.informed),
        ] {
            right
                .roles
                .extend(teams.iter().map(|t| format!("{role}: {}", t.as_str())));
        }
    }
    out
}

fn decisions(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let o = rights(&old.decisions);
    let n = rights(&new.decisions);
    // The maps own their keys; `compare` borrows them.
    let o: BTreeMap<&str, &Right> = o.iter().map(|(k, v)| (k.as_str(), v)).collect();
    let n2: BTreeMap<&str, &Right> = n.iter().map(|(k, v)| (k.as_str(), v)).collect();
    compare(
        EntityKind::Decision,
        &o,
        &n2,
        |r| r.deciders(),
        |a, b, found| {
            differ(
                found,
                ChangeKind::DeciderChanged,
                a.deciders(),
                b.deciders(),
            );
            differ(
                found,
                ChangeKind::EscalationChanged,
                a.escalation(),
                b.escalation(),
            );
            differ(found, ChangeKind::RolesChanged, a.roles(), b.roles());
            differ(
                found,
                ChangeKind::AllowChanged,
                Value::List(a.allow.iter().cloned().collect()),
                Value::List(b.allow.iter().cloned().collect()),
            );
        },
        out,
    );
}
