//! The typed operating model: teams, products, outcomes, OKRs and decision
//! rights, as the org files describe them.
//!
//! A [`Model`] is plain data. It comes from files through [`crate::load`], or
//! from code through [`Model::builder`]. Nothing here checks references:
//! that happens when the model is built into an [`OrgGraph`](crate::graph::OrgGraph).

mod allow;
mod decision;
mod entity;
mod id;
mod inline_str;
mod measure;
mod okr;
mod outcome;
mod people;
mod product;
mod ref_list;
mod reference;
mod team;
mod text;
mod validate;
mod vocab;

pub use allow::AllowList;
pub use decision::DecisionRight;
pub use entity::{EntityKind, EntityRef};
pub use id::Id;
pub use measure::{Measure, MeasureBox};
pub use okr::{KeyResult, Objective};
pub use outcome::Outcome;
pub use people::{
    Allocation, Cadence, CadenceKind, Covers, Every, Interaction, InteractionMode, Person, Stage,
};
pub use product::Product;
pub use ref_list::RefList;
pub use reference::{ORGANIZATION, Ref, is_valid_id};
pub use team::{Member, Team};
pub use text::Text;
pub(crate) use validate::{
    KR_TEXT_HELP, MISSING_ID_HELP, STATEMENT_HELP, TITLE_HELP, as_suggested, id_help, valid_form,
};
pub use vocab::{DecisionArea, Funding, KeyResultKind, ProductKind, Role, TeamKind};

use std::borrow::Cow;

use serde::Serialize;

use crate::source::{Location, Sources};

/// The organisation itself: the root of the team hierarchy and the widest
/// decision scope.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Organization {
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// Where the `organization` section was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Organization {
    fn is_unnamed(&self) -> bool {
        self.name.is_none()
    }
}

/// A whole operating model: every entity of every file, merged.
///
/// It serializes as an org file (see [`crate::write`]): what serde writes
/// from it, in JSON, YAML or TOML, loads back to the same model.
///
/// ```
/// use opmodel::model::{Model, Team, Product, TeamKind};
/// let model = Model::builder()
///     .organization("Acme Music")
///     .team(Team::new("music").kind(TeamKind::Unit))
///     .team(Team::new("playback").parent("music").owns("web-player"))
///     .product(Product::new("web-player"))
///     .build();
/// assert_eq!(model.teams.len(), 2);
/// assert_eq!(model.entity_count(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Model {
    /// The organisation.
    #[serde(skip_serializing_if = "Organization::is_unnamed")]
    pub organization: Organization,
    /// Every team and unit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub teams: Vec<Team>,
    /// Every product.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Product>,
    /// Every outcome.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// Every objective, each with its key results.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
    /// Every decision right.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<DecisionRight>,
    /// Every person (the `people` section).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// The product lifecycle stages, in order (the `lifecycle` section).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lifecycle: Vec<Stage>,
    /// The planning and review rhythms (the `cadences` section).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cadences: Vec<Cadence>,
    /// The files the model was read from (empty for a model built in code).
    #[serde(skip)]
    pub sources: Sources,
}

impl PartialEq for Sources {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len()
            && self
                .iter()
                .zip(other.iter())
                .all(|((_, a), (_, b))| a.path() == b.path())
    }
}

impl Model {
    /// Forgets where every entity and reference was written, as for a
    /// model made in code (used when a model is read from a value that is
    /// no file).
    pub(crate) fn clear_locations(&mut self) {
        fn refs<'a>(list: impl IntoIterator<Item = &'a mut Ref>) {
            for r in list {
                r.set_location(None);
            }
        }
        self.organization.location = None;
        for t in &mut self.teams {
            t.location = None;
            refs(t.parent.iter_mut());
            refs(t.owns.iter_mut());
        }
        for p in &mut self.products {
            p.location = None;
            refs(p.owner.iter_mut());
            refs(p.contributors.iter_mut());
            refs(p.part_of.iter_mut().map(|r| &mut **r));
            refs(p.outcomes.iter_mut());
        }
        for o in &mut self.outcomes {
            o.location = None;
            refs(o.owner.iter_mut());
            refs(o.supports.iter_mut());
        }
        for o in &mut self.objectives {
            o.location = None;
            refs(o.owner.iter_mut());
            refs(o.supports.iter_mut());
            for kr in &mut o.key_results {
                kr.location = None;
            }
        }
        for t in &mut self.teams {
            for i in &mut t.interactions {
                i.location = None;
                i.with.set_location(None);
            }
            for m in &mut t.members {
                refs(m.person.iter_mut().map(|p| &mut **p));
            }
        }
        for p in &mut self.products {
            refs(p.stage.iter_mut().map(|r| &mut **r));
        }
        for p in &mut self.people {
            p.location = None;
            for a in &mut p.allocations {
                a.location = None;
                a.team.set_location(None);
            }
        }
        for st in &mut self.lifecycle {
            st.location = None;
        }
        for c in &mut self.cadences {
            c.location = None;
            refs(c.owner.iter_mut());
            refs(c.attendees.iter_mut());
        }
        for d in &mut self.decisions {
            d.location = None;
            refs(std::iter::once(&mut d.scope));
            refs(d.decides.iter_mut());
            refs(d.recommends.iter_mut());
            refs(d.agrees.iter_mut());
            refs(d.consulted.iter_mut());
            refs(d.informed.iter_mut());
            refs(d.escalates_to.iter_mut().map(|r| &mut **r));
        }
        for t in &mut self.teams {
            for m in &mut t.members {
                refs(m.person.iter_mut().map(|p| &mut **p));
            }
            for i in &mut t.interactions {
                i.location = None;
                refs(std::iter::once(&mut i.with));
            }
        }
        for p in &mut self.products {
            refs(p.stage.iter_mut().map(|r| &mut **r));
        }
        for p in &mut self.people {
            p.location = None;
            for a in &mut p.allocations {
                a.location = None;
                refs(std::iter::once(&mut a.team));
            }
        }
        for s in &mut self.lifecycle {
            s.location = None;
        }
        for c in &mut self.cadences {
            c.location = None;
            refs(c.owner.iter_mut());
            refs(c.attendees.iter_mut());
        }
    }

    /// An empty model.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts building a model in code.
    pub fn builder() -> ModelBuilder {
        ModelBuilder::default()
    }

    /// How many entities the model holds: teams, products, outcomes,
    /// objectives, key results, decision rights, people, lifecycle stages
    /// and cadences.
    pub fn entity_count(&self) -> usize {
        self.teams.len()
            + self.products.len()
            + self.outcomes.len()
            + self.objectives.len()
            + self
                .objectives
                .iter()
                .map(|o| o.key_results.len())
                .sum::<usize>()
            + self.decisions.len()
            + self.people.len()
            + self.lifecycle.len()
            + self.cadences.len()
    }

    /// Whether the model says nothing at all: no entity and no name for the
    /// organisation. A file that only names the organisation is not empty.
    ///
    /// ```
    /// use opmodel::model::Model;
    /// assert!(Model::default().is_empty());
    /// assert!(!Model::builder().organization("Acme").build().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.organization.is_unnamed() && self.entity_count() == 0
    }

    /// Every key result with its objective.
    pub fn key_results(&self) -> impl Iterator<Item = (&Objective, &KeyResult)> {
        self.objectives
            .iter()
            .flat_map(|o| o.key_results.iter().map(move |kr| (o, kr)))
    }

    /// Every entity with its kind, id, location and allow list, in model order.
    pub fn entities(&self) -> impl Iterator<Item = EntityInfo<'_>> {
        let teams = self
            .teams
            .iter()
            .map(|t| EntityInfo::new(EntityKind::Team, &t.id, t.location, &t.allow));
        let products = self
            .products
            .iter()
            .map(|p| EntityInfo::new(EntityKind::Product, &p.id, p.location, &p.allow));
        let outcomes = self
            .outcomes
            .iter()
            .map(|o| EntityInfo::new(EntityKind::Outcome, &o.id, o.location, &o.allow));
        let objectives =
            self.objectives.iter().flat_map(|o| {
                std::iter::once(EntityInfo::new(
                    EntityKind::Objective,
                    &o.id,
                    o.location,
                    &o.allow,
                ))
                .chain(o.key_results.iter().map(|kr| {
                    EntityInfo::new(EntityKind::KeyResult, &kr.id, kr.location, &kr.allow)
                }))
            });
        let decisions = self.decisions.iter().map(|d| EntityInfo {
            kind: EntityKind::Decision,
            id: Cow::Owned(d.id().into()),
            location: d.location,
            allow: &d.allow,
        });
        let people = self
            .people
            .iter()
            .map(|p| EntityInfo::new(EntityKind::Person, &p.id, p.location, &p.allow));
        let stages = self
            .lifecycle
            .iter()
            .map(|s| EntityInfo::new(EntityKind::Stage, &s.id, s.location, &s.allow));
        let cadences = self
            .cadences
            .iter()
            .map(|c| EntityInfo::new(EntityKind::Cadence, &c.id, c.location, &c.allow));
        teams
            .chain(products)
            .chain(outcomes)
            .chain(objectives)
            .chain(decisions)
            .chain(people)
            .chain(stages)
            .chain(cadences)
    }

    /// The entities with a non-empty `allow` list, in model order: what
    /// [`Self::entities`] gives filtered on `allow`, without formatting the
    /// id of every decision right on the way.
    pub fn entities_allowing(&self) -> impl Iterator<Item = EntityInfo<'_>> {
        let allows = |allow: &[String]| !allow.is_empty();
        let teams = self.teams.iter().filter(move |t| allows(&t.allow));
        let products = self.products.iter().filter(move |p| allows(&p.allow));
        let outcomes = self.outcomes.iter().filter(move |o| allows(&o.allow));
        let objectives = self.objectives.iter().flat_map(move |o| {
            let objective = allows(&o.allow)
                .then(|| EntityInfo::new(EntityKind::Objective, &o.id, o.location, &o.allow));
            objective.into_iter().chain(
                o.key_results
                    .iter()
                    .filter(move |kr| allows(&kr.allow))
                    .map(|kr| {
                        EntityInfo::new(EntityKind::KeyResult, &kr.id, kr.location, &kr.allow)
                    }),
            )
        });
        let decisions = self.decisions.iter().filter(move |d| allows(&d.allow));
        teams
            .map(|t| EntityInfo::new(EntityKind::Team, &t.id, t.location, &t.allow))
            .chain(
                products.map(|p| EntityInfo::new(EntityKind::Product, &p.id, p.location, &p.allow)),
            )
            .chain(
                outcomes.map(|o| EntityInfo::new(EntityKind::Outcome, &o.id, o.location, &o.allow)),
            )
            .chain(objectives)
            .chain(decisions.map(|d| EntityInfo {
                kind: EntityKind::Decision,
                id: Cow::Owned(d.id().into()),
                location: d.location,
                allow: &d.allow,
            }))
            .chain(
                self.people
                    .iter()
                    .filter(move |p| allows(&p.allow))
                    .map(|p| EntityInfo::new(EntityKind::Person, &p.id, p.location, &p.allow)),
            )
            .chain(
                self.lifecycle
                    .iter()
                    .filter(move |s| allows(&s.allow))
                    .map(|s| EntityInfo::new(EntityKind::Stage, &s.id, s.location, &s.allow)),
            )
            .chain(
                self.cadences
                    .iter()
                    .filter(move |c| allows(&c.allow))
                    .map(|c| EntityInfo::new(EntityKind::Cadence, &c.id, c.location, &c.allow)),
            )
    }

    /// Appends every entity and file of `other` to this model (the merge of
    /// the spec: sections are concatenated; ids are checked later).
    pub fn merge(&mut self, other: Model) {
        self.merge_sized(other, InputRead::UNKNOWN);
    }

    /// [`Self::merge`], growing a list that runs out of room to what the
    /// input read so far says the whole input will need, rather than by
    /// doubling: a folder of a hundred thousand files merged one by one
    /// otherwise copies each list about twice, and trims it once more at
    /// the end.
    pub(crate) fn merge_sized(&mut self, other: Model, read: InputRead) {
        let mut other = other;
        let offset = self.sources.append(std::mem::take(&mut other.sources));
        if offset != 0 {
            other.shift_files(offset);
        }
        if self.organization.name.is_none() {
            self.organization.name = other.organization.name;
        }
        if self.organization.location.is_none() {
            self.organization.location = other.organization.location;
        }
        append(&mut self.teams, other.teams, read);
        append(&mut self.products, other.products, read);
        append(&mut self.outcomes, other.outcomes, read);
        append(&mut self.objectives, other.objectives, read);
        append(&mut self.decisions, other.decisions, read);
        append(&mut self.people, other.people, read);
        append(&mut self.lifecycle, other.lifecycle, read);
        append(&mut self.cadences, other.cadences, read);
    }

    /// Gives back the room that growing the entity lists one merge at a time
    /// left unused, when it is more than an eighth of a list: a list grown
    /// by doubling can be up to half empty, and a big org's lists are tens
    /// of megabytes each.
    pub(crate) fn shrink_lists(&mut self) {
        shrink(&mut self.teams);
        shrink(&mut self.products);
        shrink(&mut self.outcomes);
        shrink(&mut self.objectives);
        shrink(&mut self.decisions);
        shrink(&mut self.people);
        shrink(&mut self.lifecycle);
        shrink(&mut self.cadences);
    }

    fn shift_files(&mut self, offset: u32) {
        let shift = |l: &mut Option<Location>| {
            if let Some(l) = l {
                l.file = l.file.shifted(offset);
            }
        };
        let shift_refs = |refs: &mut [Ref]| refs.iter_mut().for_each(|r| r.shift_file(offset));
        shift(&mut self.organization.location);
        for t in &mut self.teams {
            shift(&mut t.location);
            t.parent.iter_mut().for_each(|r| r.shift_file(offset));
            shift_refs(&mut t.owns);
            for m in &mut t.members {
                m.person.iter_mut().for_each(|r| r.shift_file(offset));
            }
            for i in &mut t.interactions {
                shift(&mut i.location);
                i.with.shift_file(offset);
            }
        }
        for p in &mut self.products {
            shift(&mut p.location);
            shift_refs(&mut p.owner);
            shift_refs(&mut p.contributors);
            shift_refs(&mut p.outcomes);
            p.part_of.iter_mut().for_each(|r| r.shift_file(offset));
            p.stage.iter_mut().for_each(|r| r.shift_file(offset));
        }
        for o in &mut self.outcomes {
            shift(&mut o.location);
            o.owner.iter_mut().for_each(|r| r.shift_file(offset));
            shift_refs(&mut o.supports);
        }
        for o in &mut self.objectives {
            shift(&mut o.location);
            o.owner.iter_mut().for_each(|r| r.shift_file(offset));
            shift_refs(&mut o.supports);
            o.key_results
                .iter_mut()
                .for_each(|kr| shift(&mut kr.location));
        }
        for d in &mut self.decisions {
            shift(&mut d.location);
            d.scope.shift_file(offset);
            for list in [
                &mut d.decides,
                &mut d.recommends,
                &mut d.agrees,
                &mut d.consulted,
                &mut d.informed,
            ] {
                shift_refs(list);
            }
            d.escalates_to.iter_mut().for_each(|r| r.shift_file(offset));
        }
        for p in &mut self.people {
            shift(&mut p.location);
            for a in &mut p.allocations {
                shift(&mut a.location);
                a.team.shift_file(offset);
            }
        }
        for s in &mut self.lifecycle {
            shift(&mut s.location);
        }
        for c in &mut self.cadences {
            shift(&mut c.location);
            c.owner.iter_mut().for_each(|r| r.shift_file(offset));
            shift_refs(&mut c.attendees);
        }
    }
}

/// A borrowed summary of one entity: what every entity has in common.
#[derive(Clone, Debug)]
pub struct EntityInfo<'m> {
    /// What kind of entity.
    pub kind: EntityKind,
    /// Its id (`<area>@<scope>` for decisions).
    pub id: Cow<'m, str>,
    /// Where it was defined.
    pub location: Option<Location>,
    /// The checks switched off for it.
    pub allow: &'m [String],
}

impl<'m> EntityInfo<'m> {
    fn new(kind: EntityKind, id: &'m str, location: Option<Location>, allow: &'m [String]) -> Self {
        Self {
            kind,
            id: Cow::Borrowed(id),
            location,
            allow,
        }
    }
}

/// Builds a [`Model`] in code, one entity at a time.
#[derive(Debug, Default)]
#[must_use]
pub struct ModelBuilder {
    model: Model,
}

impl ModelBuilder {
    /// Sets the organisation's display name.
    pub fn organization(mut self, name: impl Into<Text>) -> Self {
        self.model.organization.name = Some(name.into());
        self
    }

    /// Adds a team.
    pub fn team(mut self, team: Team) -> Self {
        self.model.teams.push(team);
        self
    }

    /// Adds a product.
    pub fn product(mut self, product: Product) -> Self {
        self.model.products.push(product);
        self
    }

    /// Adds an outcome.
    pub fn outcome(mut self, outcome: Outcome) -> Self {
        self.model.outcomes.push(outcome);
        self
    }

    /// Adds an objective with its key results.
    pub fn objective(mut self, objective: Objective) -> Self {
        self.model.objectives.push(objective);
        self
    }

    /// Adds a decision right.
    pub fn decision(mut self, decision: DecisionRight) -> Self {
        self.model.decisions.push(decision);
        self
    }

    /// Adds a person with their allocations.
    pub fn person(mut self, person: Person) -> Self {
        self.model.people.push(person);
        self
    }

    /// Adds a lifecycle stage (stages are kept in the order added).
    pub fn stage(mut self, stage: Stage) -> Self {
        self.model.lifecycle.push(stage);
        self
    }

    /// Adds a planning or review cadence.
    pub fn cadence(mut self, cadence: Cadence) -> Self {
        self.model.cadences.push(cadence);
        self
    }

    /// The finished model.
    pub fn build(self) -> Model {
        self.model
    }
}

/// How much of the input has been merged, in bytes, for sizing the entity
/// lists ahead of the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct InputRead {
    /// Bytes of the files merged so far, the one being merged included.
    pub(crate) done: u64,
    /// Bytes of every file that will be merged.
    pub(crate) planned: u64,
}

impl InputRead {
    /// Nothing known about the rest of the input: lists grow by doubling.
    pub(crate) const UNKNOWN: Self = Self {
        done: 0,
        planned: 0,
    };

    /// Until this share of the input (one part in this many) has been
    /// merged, the entities seen are too few to tell how many will come.
    const SAMPLE: u64 = 32;

    /// The room a list of `T` needs when `needed` entities will not fit in
    /// `capacity`: as many as the input read so far says the whole input
    /// holds (a sixteenth more, so that a slightly denser rest still fits),
    /// or double the room while too little is known.
    fn room_for<T>(self, needed: usize, capacity: usize) -> usize {
        let doubled = needed.max(capacity.saturating_mul(2));
        if self.planned == 0 || self.done < self.planned / Self::SAMPLE {
            return doubled;
        }
        let scaled = u128::from(self.planned) * needed as u128 / u128::from(self.done.max(1));
        let expected = usize::try_from(scaled).unwrap_or(usize::MAX).max(needed);
        let room = expected.saturating_add(expected / 16);
        // An input whose first files hold most of a section sends the
        // estimate far ahead: past sixteen times the input's size for one
        // list, it is not trusted, and the list grows as without one.
        let most = usize::try_from(self.planned.saturating_mul(16)).unwrap_or(usize::MAX)
            / std::mem::size_of::<T>().max(1);
        if room > most { doubled } else { room }
    }
}

/// Moves `from` to the end of `into`; when `into` is empty and has no more
/// room set aside than `from` fills, it takes over `from`'s memory instead
/// of copying it. When `into` runs out of room, it grows to what `read`
/// says the whole input needs.
fn append<T>(into: &mut Vec<T>, from: Vec<T>, read: InputRead) {
    if into.is_empty() && into.capacity() <= from.len() {
        *into = from;
        return;
    }
    let needed = into.len().saturating_add(from.len());
    if needed > into.capacity() {
        let room = read.room_for::<T>(needed, into.capacity());
        // Room the system will not give is left to `extend`, which asks
        // for less.
        let _ = into.try_reserve_exact(room - into.len());
    }
    into.extend(from);
}

/// Moves `list` into an allocation of its exact length when much of its
/// room is unused. A copy, because allocators keep a big block in place
/// when asked to shrink it by less than half.
fn shrink<T>(list: &mut Vec<T>) {
    if list.capacity() - list.len() > list.len() / 8 {
        let mut exact = Vec::with_capacity(list.len());
        exact.append(list);
        *list = exact;
    }
}

#[cfg(test)]
mod tests {
    use super::{InputRead, Team};
    use crate::load::{Format, load_str};

    #[test]
    fn a_merge_moves_each_references_place_to_its_file() {
        let one = load_str(
            "teams:\n  - { id: a, parent: b }\n",
            Format::Yaml,
            "one.yaml",
        );
        let two = load_str(
            "teams:\n  - { id: b, parent: a }\n",
            Format::Yaml,
            "two.yaml",
        );
        let mut model = one.model;
        model.merge(two.model);
        let files: Vec<&str> = model
            .teams
            .iter()
            .filter_map(|t| t.parent.as_ref()?.location())
            .map(|l| model.sources.display(l.file))
            .collect();
        assert_eq!(files, ["one.yaml", "two.yaml"]);
    }

    /// A model of a million entities holds each of these hundreds of
    /// thousands of times, so every byte here is hundreds of kilobytes of
    /// memory: fields that are rarely set (`part_of`, `stage`,
    /// `escalates_to`, `description`) are boxed, to cost a pointer when
    /// they are not. These budgets catch a field that undoes that.
    #[test]
    fn entities_keep_rarely_set_fields_out_of_line() {
        use std::mem::size_of;
        assert_eq!(size_of::<Option<Box<super::Ref>>>(), 8);
        assert_eq!(size_of::<Option<Box<super::Text>>>(), 8);
        // An id and a one-line place (see `Ref`); lists of them keep no
        // spare room (see `RefList`).
        assert_eq!(size_of::<super::Ref>(), 40);
        assert_eq!(size_of::<super::RefList>(), 16);
        let budgets = [
            ("Product", size_of::<super::Product>(), 152),
            ("DecisionRight", size_of::<super::DecisionRight>(), 192),
            ("KeyResult", size_of::<super::KeyResult>(), 96),
            ("Team", size_of::<Team>(), 192),
            ("Objective", size_of::<super::Objective>(), 192),
            ("Outcome", size_of::<super::Outcome>(), 200),
        ];
        for (name, size, budget) in budgets {
            assert!(size <= budget, "{name} is {size} bytes, over {budget}");
        }
    }

    #[test]
    fn lists_grow_to_what_the_input_read_so_far_says_it_holds() {
        let read = |done, planned| InputRead { done, planned };
        // Nothing known, or too little read: double.
        assert_eq!(InputRead::UNKNOWN.room_for::<Team>(9, 8), 16);
        assert_eq!(read(1, 1_000).room_for::<Team>(9, 8), 16);
        // A tenth read holds 100 teams: 1000 in all, and a sixteenth more.
        assert_eq!(read(10_000, 100_000).room_for::<Team>(100, 64), 1_062);
        // Never less than needed, even when the rest is expected empty.
        assert_eq!(read(100_000, 100_000).room_for::<Team>(100, 64), 106);
        // An estimate of more than sixteen times the input's size in bytes
        // is not trusted: double.
        let most = 16 * 100_000 / std::mem::size_of::<Team>();
        assert!(read(5_000, 100_000).room_for::<Team>(most / 20, 64) <= most);
        assert_eq!(
            read(5_000, 100_000).room_for::<Team>(most, most - 1),
            2 * (most - 1)
        );
    }

    #[test]
    fn a_merge_sized_by_the_input_grows_each_list_a_few_times_and_to_about_its_length() {
        let files = 200_u64;
        let mut model = super::Model::default();
        let mut grown = 0;
        let mut capacity = model.teams.capacity();
        for i in 0..files {
            let yaml = format!("teams:\n  - {{ id: t{i} }}\n");
            let piece = load_str(&yaml, Format::Yaml, format!("{i}.yaml")).model;
            // Each file about a hundred bytes.
            let read = InputRead {
                done: (i + 1) * 100,
                planned: files * 100,
            };
            model.merge_sized(piece, read);
            if model.teams.capacity() != capacity {
                grown += 1;
                capacity = model.teams.capacity();
            }
        }
        assert_eq!(model.teams.len(), 200);
        // Doubling would grow it eight times and leave 56 places empty.
        assert!(grown <= 5, "{grown}");
        assert!(
            model.teams.capacity() <= 200 + 200 / 8,
            "{}",
            model.teams.capacity()
        );
        let last = model.teams.last().map(|t| t.id.as_str());
        assert_eq!(last, Some("t199"));
    }

    #[test]
    fn shrink_lists_gives_back_unused_room_and_keeps_the_entities() {
        let mut model = super::Model::default();
        for i in 0..100 {
            let yaml =
                format!("teams:\n  - {{ id: t{i} }}\nproducts:\n  - {{ id: p{i}, owner: t{i} }}\n");
            model.merge(load_str(&yaml, Format::Yaml, format!("{i}.yaml")).model);
        }
        // Grown one merge at a time, the lists have room to spare (128 for 100).
        assert!(model.teams.capacity() > 100 + 100 / 8);
        model.shrink_lists();
        assert_eq!((model.teams.len(), model.teams.capacity()), (100, 100));
        assert_eq!(
            (model.products.len(), model.products.capacity()),
            (100, 100)
        );
        let ids: Vec<&str> = model.teams.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids.first(), Some(&"t0"));
        assert_eq!(ids.last(), Some(&"t99"));
        // A list with little room to spare is left alone (no copy for nothing).
        let mut few: Vec<u32> = Vec::with_capacity(105);
        few.extend(0..100);
        super::shrink(&mut few);
        assert_eq!(few.capacity(), 105);
    }

    #[test]
    fn entities_allowing_is_entities_with_an_allow_list() {
        let yaml = "\
teams:
  - { id: quiet }
  - { id: loud, allow: [idle-team] }
products:
  - { id: shop, owner: loud, allow: [unaligned-product] }
  - { id: cart, owner: loud }
outcomes:
  - { id: retention, statement: Listeners stay, allow: [unmeasurable-outcome] }
objectives:
  - id: grow
    title: Grow
    key_results:
      - { id: grow-1, text: Ship it, allow: [milestone-key-result] }
      - { id: grow-2, text: Raise retention from 3% to 4% }
  - { id: keep, title: Keep, allow: [project-style-objective] }
decisions:
  - { area: budget-allocation, scope: shop, decides: loud, allow: [missing-decider] }
  - { area: feature-set, scope: shop, decides: loud }
";
        let loaded = load_str(yaml, Format::Yaml, "org.yaml");
        let model = &loaded.model;
        let names = |it: &mut dyn Iterator<Item = super::EntityInfo<'_>>| -> Vec<String> {
            it.map(|e| format!("{}:{}:{}", e.kind, e.id, e.allow.join(",")))
                .collect()
        };
        let allowing = names(&mut model.entities_allowing());
        let filtered = names(&mut model.entities().filter(|e| !e.allow.is_empty()));
        assert_eq!(allowing, filtered);
        assert_eq!(allowing.len(), 6, "{allowing:?}");
        assert!(
            allowing
                .iter()
                .any(|e| e.contains("budget-allocation@shop")),
            "{allowing:?}"
        );
    }
}
