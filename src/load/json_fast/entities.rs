//! How each kind of entity reads its fields on the fast path: the same
//! fields, defaults and refusals as the general path's lowering, with any
//! doubt sent back to it.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{
    Cx, Fields, Refs, Str, first_time, give_up, id, located_text, name_text, names, number,
    one_ref, required_text, text, word,
};
use crate::model::{
    Allocation, Cadence, CadenceKind, Covers, DecisionArea, DecisionRight, Every, Funding, Id,
    Interaction, InteractionMode, KeyResult, KeyResultKind, Member, Objective, Outcome, Person,
    Product, ProductKind, Ref, Role, Stage, Team, TeamKind, Text,
};
use crate::source::Location;

#[derive(Default)]
pub(super) struct TeamFields {
    seen: u32,
    id: Option<Id>,
    name: Option<Text>,
    kind: Option<TeamKind>,
    parent: Option<Ref>,
    owns: Vec<Ref>,
    members: Vec<Member>,
    interactions: Vec<Interaction>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for TeamFields {
    type Entity = Team;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "name" => {
                first_time(&mut self.seen, 2)?;
                self.name = text(cx, map)?;
            }
            "kind" => {
                first_time(&mut self.seen, 4)?;
                self.kind = word(map)?;
            }
            "parent" => {
                first_time(&mut self.seen, 8)?;
                self.parent = one_ref(cx, map)?;
            }
            "owns" => {
                first_time(&mut self.seen, 16)?;
                self.owns = map.next_value_seed(Refs::new(cx))?;
            }
            "members" => {
                first_time(&mut self.seen, 32)?;
                self.members = map.next_value_seed(ListOf::<OneMember<'_, '_, '_>>::new(cx))?;
            }
            "description" => {
                first_time(&mut self.seen, 64)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 128)?;
                self.allow = names(cx, map)?;
            }
            "interactions" => {
                first_time(&mut self.seen, 256)?;
                self.interactions =
                    map.next_value_seed(ListOf::<OneInteraction<'_, '_, '_>>::new(cx))?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Team> {
        Some(Team {
            id: self.id?,
            name: self.name,
            kind: self.kind.unwrap_or_default(),
            parent: self.parent,
            owns: self.owns.into(),
            members: self.members,
            interactions: self.interactions,
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

/// One member of a team: `{ name, role }`.
struct OneMember<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for OneMember<'_, '_, '_> {
    type Value = Member;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Member, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneMember<'_, '_, '_> {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Member, A::Error> {
        let mut seen = 0u32;
        let mut name = None;
        let mut role = None;
        let mut person = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.as_str() {
                "name" => {
                    first_time(&mut seen, 1)?;
                    name = text(self.cx, &mut map)?;
                }
                "role" => {
                    first_time(&mut seen, 2)?;
                    role = text(self.cx, &mut map)?.map(|r| Role::parse(&r));
                }
                "person" => {
                    first_time(&mut seen, 4)?;
                    person = one_ref(self.cx, &mut map)?;
                }
                _ => return Err(give_up()),
            }
        }
        Ok(Member {
            name: name.ok_or_else(give_up)?,
            role,
            person: person.map(Box::new),
        })
    }
}

#[derive(Default)]
pub(super) struct ProductFields {
    seen: u32,
    id: Option<Id>,
    name: Option<Text>,
    kind: Option<ProductKind>,
    owner: Vec<Ref>,
    contributors: Vec<Ref>,
    part_of: Option<Ref>,
    outcomes: Vec<Ref>,
    funding: Option<Funding>,
    stage: Option<Ref>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for ProductFields {
    type Entity = Product;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "name" => {
                first_time(&mut self.seen, 2)?;
                self.name = text(cx, map)?;
            }
            "kind" => {
                first_time(&mut self.seen, 4)?;
                self.kind = word(map)?;
            }
            "owner" => {
                first_time(&mut self.seen, 8)?;
                self.owner = map.next_value_seed(Refs::new(cx))?;
            }
            "contributors" => {
                first_time(&mut self.seen, 16)?;
                self.contributors = map.next_value_seed(Refs::new(cx))?;
            }
            "part_of" => {
                first_time(&mut self.seen, 32)?;
                self.part_of = one_ref(cx, map)?;
            }
            "outcomes" => {
                first_time(&mut self.seen, 64)?;
                self.outcomes = map.next_value_seed(Refs::new(cx))?;
            }
            "funding" => {
                first_time(&mut self.seen, 128)?;
                self.funding = word(map)?;
            }
            "description" => {
                first_time(&mut self.seen, 256)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 512)?;
                self.allow = names(cx, map)?;
            }
            "stage" => {
                first_time(&mut self.seen, 1024)?;
                self.stage = one_ref(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Product> {
        Some(Product {
            id: self.id?,
            name: self.name,
            kind: self.kind,
            owner: self.owner.into(),
            contributors: self.contributors.into(),
            part_of: self.part_of.map(Box::new),
            outcomes: self.outcomes.into(),
            funding: self.funding,
            stage: self.stage.map(Box::new),
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

#[derive(Default)]
pub(super) struct OutcomeFields {
    seen: u32,
    id: Option<Id>,
    statement: Option<Text>,
    metric: Option<Text>,
    baseline: Option<f64>,
    target: Option<f64>,
    owner: Option<Ref>,
    supports: Vec<Ref>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for OutcomeFields {
    type Entity = Outcome;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "statement" => {
                first_time(&mut self.seen, 2)?;
                self.statement = text(cx, map)?;
            }
            "metric" => {
                first_time(&mut self.seen, 4)?;
                self.metric = text(cx, map)?.filter(|m| !m.trim().is_empty());
            }
            "baseline" => {
                first_time(&mut self.seen, 8)?;
                self.baseline = number(map)?;
            }
            "target" => {
                first_time(&mut self.seen, 16)?;
                self.target = number(map)?;
            }
            "owner" => {
                first_time(&mut self.seen, 32)?;
                self.owner = one_ref(cx, map)?;
            }
            "supports" => {
                first_time(&mut self.seen, 64)?;
                self.supports = map.next_value_seed(Refs::new(cx))?;
            }
            "description" => {
                first_time(&mut self.seen, 128)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 256)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Outcome> {
        Some(Outcome {
            id: self.id?,
            statement: required_text::<de::value::Error>(self.statement).ok()?,
            metric: self.metric,
            baseline: self.baseline,
            target: self.target,
            owner: self.owner,
            supports: self.supports.into(),
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

#[derive(Default)]
pub(super) struct ObjectiveFields {
    seen: u32,
    id: Option<Id>,
    title: Option<Text>,
    owner: Option<Ref>,
    period: Option<Text>,
    supports: Vec<Ref>,
    /// Key results as read, before the objective's id is known.
    key_results: Vec<RawKeyResult>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for ObjectiveFields {
    type Entity = Objective;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "title" => {
                first_time(&mut self.seen, 2)?;
                self.title = text(cx, map)?;
            }
            "owner" => {
                first_time(&mut self.seen, 4)?;
                self.owner = one_ref(cx, map)?;
            }
            "period" => {
                first_time(&mut self.seen, 8)?;
                self.period = text(cx, map)?;
            }
            "supports" => {
                first_time(&mut self.seen, 16)?;
                self.supports = map.next_value_seed(Refs::new(cx))?;
            }
            "key_results" => {
                first_time(&mut self.seen, 32)?;
                self.key_results =
                    map.next_value_seed(ListOf::<OneKeyResult<'_, '_, '_>>::new(cx))?;
            }
            "description" => {
                first_time(&mut self.seen, 64)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 128)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, cx: &mut Cx<'_, '_>, location: Location) -> Option<Objective> {
        let id = self.id?;
        // The general path counts key results after the objective, and
        // refuses the next item once the total reaches the limit.
        cx.entities += self.key_results.len();
        // Exactly as long as the list (collecting in place could keep the
        // read list's spare room).
        let mut key_results = Vec::with_capacity(self.key_results.len());
        key_results.extend(self.key_results.into_iter().enumerate().map(|(i, raw)| {
            let mut kr = raw.fields;
            kr.id = raw.id.unwrap_or_else(|| KeyResult::default_id(&id, i + 1));
            kr.location = Some(raw.location);
            kr
        }));
        Some(Objective {
            id,
            title: required_text::<de::value::Error>(self.title).ok()?,
            owner: self.owner,
            period: self.period,
            supports: self.supports.into(),
            key_results,
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

/// A key result read before its objective's id (its default id) is known.
struct RawKeyResult {
    id: Option<Id>,
    fields: KeyResult,
    location: Location,
}

/// One key result: a line of text or a table.
struct OneKeyResult<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for OneKeyResult<'_, '_, '_> {
    type Value = RawKeyResult;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for OneKeyResult<'_, '_, '_> {
    type Value = RawKeyResult;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key result")
    }

    /// A key result written as a line of text.
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        if v.trim().is_empty() || !self.cx.text_ok(v) {
            return Err(give_up());
        }
        let location = self.cx.string_location(v).ok_or_else(give_up)?;
        Ok(RawKeyResult {
            id: None,
            fields: KeyResult::new(String::new(), v),
            location,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let cx = self.cx;
        let mut seen = 0u32;
        // A key result is placed at its text, and its id is not the
        // objective's.
        let mut location = None;
        let objective_name_end = cx.name_end.take();
        let mut id_written = None;
        let mut kr = KeyResult::new(String::new(), String::new());
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.as_str() {
                "id" => {
                    first_time(&mut seen, 1)?;
                    id_written = Some(id(cx, &mut map)?);
                }
                "text" => {
                    first_time(&mut seen, 2)?;
                    let (written, at) = located_text(cx, &mut map)?.ok_or_else(give_up)?;
                    kr.text = required_text(Some(written))?;
                    location = Some(at);
                }
                "metric" => {
                    first_time(&mut seen, 4)?;
                    kr.measure.metric = text(cx, &mut map)?.filter(|m| !m.trim().is_empty());
                }
                "baseline" => {
                    first_time(&mut seen, 8)?;
                    kr.measure.baseline = number(&mut map)?;
                }
                "target" => {
                    first_time(&mut seen, 16)?;
                    kr.measure.target = number(&mut map)?;
                }
                "unit" => {
                    first_time(&mut seen, 32)?;
                    kr.measure.unit = text(cx, &mut map)?;
                }
                "kind" => {
                    first_time(&mut seen, 64)?;
                    kr.kind = word::<KeyResultKind, _>(&mut map)?;
                }
                "description" => {
                    first_time(&mut seen, 128)?;
                    kr.description = text(cx, &mut map)?.map(Box::new);
                }
                "allow" => {
                    first_time(&mut seen, 256)?;
                    kr.allow = names(cx, &mut map)?.into();
                }
                _ => return Err(give_up()),
            }
        }
        // No text at all is a problem the general path reports.
        if seen & 2 == 0 {
            return Err(give_up());
        }
        cx.name_end = objective_name_end;
        Ok(RawKeyResult {
            id: id_written,
            fields: kr,
            location: location.ok_or_else(give_up)?,
        })
    }
}

#[derive(Default)]
pub(super) struct DecisionFields {
    seen: u32,
    area: Option<DecisionArea>,
    scope: Option<Ref>,
    decides: Vec<Ref>,
    recommends: Vec<Ref>,
    agrees: Vec<Ref>,
    consulted: Vec<Ref>,
    informed: Vec<Ref>,
    escalates_to: Option<Ref>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for DecisionFields {
    type Entity = DecisionRight;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let refs = |bit: u32, seen: &mut u32, cx: &mut Cx<'_, '_>, map: &mut A| {
            first_time(seen, bit)?;
            map.next_value_seed(Refs::new(cx))
        };
        match key {
            "area" => {
                first_time(&mut self.seen, 1)?;
                let area = name_text(cx, map)?;
                // No area written: the general path reports it.
                if area.as_ref().is_some_and(|a| a.trim().is_empty()) {
                    return Err(give_up());
                }
                self.area = area.map(|a| DecisionArea::parse(a.trim()));
                // A slip for a built-in area is noted: the general path
                // words it.
                if let Some(DecisionArea::Custom(written)) = &self.area
                    && crate::load::lower::meant_area(written).is_some()
                {
                    return Err(give_up());
                }
            }
            "scope" => {
                first_time(&mut self.seen, 2)?;
                self.scope = one_ref(cx, map)?;
            }
            "decides" => self.decides = refs(4, &mut self.seen, cx, map)?,
            "recommends" => self.recommends = refs(8, &mut self.seen, cx, map)?,
            "agrees" => self.agrees = refs(16, &mut self.seen, cx, map)?,
            "consulted" => self.consulted = refs(32, &mut self.seen, cx, map)?,
            "informed" => self.informed = refs(64, &mut self.seen, cx, map)?,
            "escalates_to" => {
                first_time(&mut self.seen, 128)?;
                self.escalates_to = one_ref(cx, map)?;
            }
            "description" => {
                first_time(&mut self.seen, 256)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 512)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<DecisionRight> {
        Some(DecisionRight {
            area: self.area?,
            scope: self.scope?,
            decides: self.decides.into(),
            recommends: self.recommends.into(),
            agrees: self.agrees.into(),
            consulted: self.consulted.into(),
            informed: self.informed.into(),
            escalates_to: self.escalates_to.map(Box::new),
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

/// An item type of a [`ListOf`]: how to read one item with the shared state.
trait Item {
    type Value;

    fn next<'de, A: SeqAccess<'de>>(
        cx: &mut Cx<'_, '_>,
        seq: &mut A,
    ) -> Result<Option<Self::Value>, A::Error>;
}

impl Item for OneMember<'_, '_, '_> {
    type Value = Member;

    fn next<'de, A: SeqAccess<'de>>(
        cx: &mut Cx<'_, '_>,
        seq: &mut A,
    ) -> Result<Option<Member>, A::Error> {
        seq.next_element_seed(OneMember { cx })
    }
}

impl Item for OneKeyResult<'_, '_, '_> {
    type Value = RawKeyResult;

    fn next<'de, A: SeqAccess<'de>>(
        cx: &mut Cx<'_, '_>,
        seq: &mut A,
    ) -> Result<Option<RawKeyResult>, A::Error> {
        seq.next_element_seed(OneKeyResult { cx })
    }
}

/// A list of `I` items, or `null` for none: a team's `members`, an
/// objective's `key_results`.
struct ListOf<'c, 't, 'o, I> {
    cx: &'c mut Cx<'t, 'o>,
    item: PhantomData<I>,
}

impl<'c, 't, 'o, I> ListOf<'c, 't, 'o, I> {
    fn new(cx: &'c mut Cx<'t, 'o>) -> Self {
        Self {
            cx,
            item: PhantomData,
        }
    }
}

impl<'de, I: Item> DeserializeSeed<'de> for ListOf<'_, '_, '_, I> {
    type Value = Vec<I::Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, I: Item> Visitor<'de> for ListOf<'_, '_, '_, I> {
    type Value = Vec<I::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = I::next(self.cx, &mut seq)? {
            out.push(item);
        }
        // Lists grown one push at a time keep room for four; an org's
        // lists are short and there are hundreds of thousands of them.
        out.shrink_to_fit();
        Ok(out)
    }
}

/// One interaction of a team: `{ with, mode, until }`.
struct OneInteraction<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for OneInteraction<'_, '_, '_> {
    type Value = Interaction;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Interaction, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneInteraction<'_, '_, '_> {
    type Value = Interaction;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an interaction table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Interaction, A::Error> {
        let cx = self.cx;
        let mut seen = 0u32;
        let mut location = None;
        let mut with = None;
        let mut mode = None;
        let mut until = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if location.is_none() {
                let key = key.borrowed().ok_or_else(give_up)?;
                location = Some(cx.table_location(key).ok_or_else(give_up)?);
            }
            match key.as_str() {
                "with" => {
                    first_time(&mut seen, 1)?;
                    with = one_ref(cx, &mut map)?;
                }
                "mode" => {
                    first_time(&mut seen, 2)?;
                    mode = word::<InteractionMode, _>(&mut map)?;
                }
                "until" => {
                    first_time(&mut seen, 4)?;
                    until = text(cx, &mut map)?;
                }
                _ => return Err(give_up()),
            }
        }
        Ok(Interaction {
            with: with.ok_or_else(give_up)?,
            mode: mode.ok_or_else(give_up)?,
            until,
            location: Some(location.ok_or_else(give_up)?),
        })
    }
}

impl Item for OneInteraction<'_, '_, '_> {
    type Value = Interaction;

    fn next<'de, A: SeqAccess<'de>>(
        cx: &mut Cx<'_, '_>,
        seq: &mut A,
    ) -> Result<Option<Interaction>, A::Error> {
        seq.next_element_seed(OneInteraction { cx })
    }
}

/// One allocation of a person: `{ team, share, role }`.
struct OneAllocation<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for OneAllocation<'_, '_, '_> {
    type Value = Allocation;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Allocation, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneAllocation<'_, '_, '_> {
    type Value = Allocation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an allocation table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Allocation, A::Error> {
        let cx = self.cx;
        let mut seen = 0u32;
        let mut location = None;
        let mut team = None;
        let mut share = None;
        let mut role = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if location.is_none() {
                let key = key.borrowed().ok_or_else(give_up)?;
                location = Some(cx.table_location(key).ok_or_else(give_up)?);
            }
            match key.as_str() {
                "team" => {
                    first_time(&mut seen, 1)?;
                    team = one_ref(cx, &mut map)?;
                }
                "share" => {
                    first_time(&mut seen, 2)?;
                    share = number(&mut map)?;
                }
                "role" => {
                    first_time(&mut seen, 4)?;
                    role = text(cx, &mut map)?.map(|r| Role::parse(&r));
                }
                _ => return Err(give_up()),
            }
        }
        let share = share.filter(|&s| s > 0.0 && s <= 1.0).ok_or_else(give_up)?;
        Ok(Allocation {
            team: team.ok_or_else(give_up)?,
            share,
            role,
            location: Some(location.ok_or_else(give_up)?),
        })
    }
}

impl Item for OneAllocation<'_, '_, '_> {
    type Value = Allocation;

    fn next<'de, A: SeqAccess<'de>>(
        cx: &mut Cx<'_, '_>,
        seq: &mut A,
    ) -> Result<Option<Allocation>, A::Error> {
        seq.next_element_seed(OneAllocation { cx })
    }
}

#[derive(Default)]
pub(super) struct PersonFields {
    seen: u32,
    id: Option<Id>,
    name: Option<Text>,
    allocations: Vec<Allocation>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for PersonFields {
    type Entity = Person;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "name" => {
                first_time(&mut self.seen, 2)?;
                self.name = text(cx, map)?;
            }
            "allocations" => {
                first_time(&mut self.seen, 4)?;
                self.allocations =
                    map.next_value_seed(ListOf::<OneAllocation<'_, '_, '_>>::new(cx))?;
            }
            "description" => {
                first_time(&mut self.seen, 8)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 16)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Person> {
        Some(Person {
            id: self.id?,
            name: self.name,
            allocations: self.allocations,
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

#[derive(Default)]
pub(super) struct StageFields {
    seen: u32,
    id: Option<Id>,
    name: Option<Text>,
    lead: Option<Role>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for StageFields {
    type Entity = Stage;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "name" => {
                first_time(&mut self.seen, 2)?;
                self.name = text(cx, map)?;
            }
            "lead" => {
                first_time(&mut self.seen, 4)?;
                self.lead = text(cx, map)?
                    .filter(|r| !r.trim().is_empty())
                    .map(|r| Role::parse(&r));
            }
            "description" => {
                first_time(&mut self.seen, 8)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 16)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Stage> {
        Some(Stage {
            id: self.id?,
            name: self.name,
            lead: self.lead,
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}

#[derive(Default)]
pub(super) struct CadenceFields {
    seen: u32,
    id: Option<Id>,
    kind: Option<CadenceKind>,
    every: Option<Every>,
    covers: Vec<Covers>,
    owner: Option<Ref>,
    attendees: Vec<Ref>,
    description: Option<Text>,
    allow: Vec<String>,
}

impl Fields for CadenceFields {
    type Entity = Cadence;

    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "id" => {
                first_time(&mut self.seen, 1)?;
                self.id = Some(id(cx, map)?);
            }
            "kind" => {
                first_time(&mut self.seen, 2)?;
                self.kind = Some(word::<CadenceKind, _>(map)?.ok_or_else(give_up)?);
            }
            "every" => {
                first_time(&mut self.seen, 4)?;
                let every = text(cx, map)?.ok_or_else(give_up)?;
                self.every = Some(Every::parse(&every).ok_or_else(give_up)?);
            }
            "covers" => {
                first_time(&mut self.seen, 8)?;
                // Read as references: strings only, one or a list.
                let covers: Vec<Ref> = map.next_value_seed(Refs::new(cx))?;
                if covers.is_empty() || covers.iter().any(|c| c.id.trim().is_empty()) {
                    return Err(give_up());
                }
                self.covers = covers.iter().map(|c| Covers::parse(&c.id)).collect();
                // A slip for a built-in word is reported: the general path
                // words it.
                if self.covers.iter().any(|c| {
                    matches!(c, Covers::Area(crate::model::DecisionArea::Custom(w)) if crate::load::lower::meant_covers(w).is_some())
                }) {
                    return Err(give_up());
                }
            }
            "owner" => {
                first_time(&mut self.seen, 16)?;
                self.owner = one_ref(cx, map)?;
            }
            "attendees" => {
                first_time(&mut self.seen, 32)?;
                self.attendees = map.next_value_seed(Refs::new(cx))?;
            }
            "description" => {
                first_time(&mut self.seen, 64)?;
                self.description = text(cx, map)?;
            }
            "allow" => {
                first_time(&mut self.seen, 128)?;
                self.allow = names(cx, map)?;
            }
            _ => return Err(give_up()),
        }
        Ok(())
    }

    fn finish(self, _: &mut Cx<'_, '_>, location: Location) -> Option<Cadence> {
        Some(Cadence {
            id: self.id?,
            kind: Some(self.kind?),
            every: Some(self.every?),
            covers: self.covers,
            owner: self.owner,
            attendees: self.attendees.into(),
            description: self.description.map(Box::new),
            allow: self.allow.into(),
            location: Some(location),
        })
    }
}
