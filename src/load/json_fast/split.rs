//! One big JSON file on several cores.
//!
//! A first pass (at the speed of skipping JSON) outlines the file: its
//! sections and, in each, the raw text of every entity. The entities are
//! then read in chunks on all cores, each chunk with its own line cursor
//! started where the chunk starts, and the pieces joined in file order, so
//! the model is the one the single pass builds. The entity limit is checked
//! on the total, which is stricter than the single pass (a file at the limit
//! goes the general way, which reports exactly).

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde_json::value::RawValue;

use super::{
    Cx, DecisionFields, Entity, LoadOptions, ObjectiveFields, Organization, OutcomeFields,
    ProductFields, SectionKind, Str, TeamFields, first_time, give_up, version_is_one,
};
use crate::load::lines::LineCursor;
use crate::model::Model;
use crate::source::FileId;

/// Files smaller than this are read in one pass: outlining costs a pass of
/// its own, which only pays off when there is a lot to share out.
pub(super) const MIN_BYTES: usize = 8 << 20;

/// Entities per unit of work.
pub(super) const CHUNK: usize = 4096;

/// The top of a file, each value left raw.
#[derive(Default)]
struct Outline<'de> {
    version: Option<&'de RawValue>,
    organization: Option<&'de RawValue>,
    sections: Vec<(SectionKind, Vec<&'de RawValue>)>,
}

struct OutlineVisitor;

impl<'de> DeserializeSeed<'de> for OutlineVisitor {
    type Value = Outline<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OutlineVisitor {
    type Value = Outline<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of sections")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut outline = Outline::default();
        let mut seen = 0u32;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            let kind = match key.as_str() {
                "version" => {
                    first_time(&mut seen, 1)?;
                    outline.version = Some(map.next_value()?);
                    continue;
                }
                "organization" => {
                    first_time(&mut seen, 2)?;
                    outline.organization = Some(map.next_value()?);
                    continue;
                }
                "teams" => SectionKind::Teams,
                "products" => SectionKind::Products,
                "outcomes" => SectionKind::Outcomes,
                "objectives" => SectionKind::Objectives,
                "decisions" => SectionKind::Decisions,
                _ => return Err(give_up()),
            };
            first_time(&mut seen, 4 << kind as u32)?;
            if let Some(items) = map.next_value::<Option<Vec<&'de RawValue>>>()? {
                outline.sections.push((kind, items));
            }
        }
        Ok(outline)
    }
}

/// A run of entities of one section, and where the first one starts.
struct Unit<'de> {
    kind: SectionKind,
    items: &'de [&'de RawValue],
    start: usize,
}

/// Reads `text` in units of `chunk` entities on `threads` threads.
pub(super) fn read(
    text: &str,
    file: FileId,
    options: &LoadOptions,
    chunk: usize,
    threads: usize,
) -> Option<Model> {
    let mut de = serde_json::Deserializer::from_str(text);
    let outline = OutlineVisitor.deserialize(&mut de).ok()?;
    de.end().ok()?;
    if let Some(raw) = outline.version
        && !version_is_one(raw.get())
    {
        return None;
    }
    let base = text.as_ptr() as usize;
    let offset = |raw: &RawValue| (raw.get().as_ptr() as usize).checked_sub(base);
    let mut units: Vec<Unit<'_>> = Vec::new();
    for (kind, items) in &outline.sections {
        for part in items.chunks(chunk.max(1)) {
            let start = offset(part.first()?)?;
            units.push(Unit {
                kind: *kind,
                items: part,
                start,
            });
        }
    }
    // Every unit's cursor, from one walk over the file in document order.
    let org_start = match outline.organization {
        Some(raw) => Some(offset(raw)?),
        None => None,
    };
    let mut starts: Vec<(usize, Option<usize>)> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.start, Some(i)))
        .chain(org_start.map(|s| (s, None)))
        .collect();
    starts.sort_unstable();
    let mut walker = LineCursor::new(text);
    let mut cursors: Vec<Option<LineCursor<'_>>> = units.iter().map(|_| None).collect();
    let mut org_cursor = None;
    for (start, unit) in starts {
        walker.pos(start);
        match unit {
            Some(i) => cursors[i] = Some(walker.clone()),
            None => org_cursor = Some(walker.clone()),
        }
    }
    let cx_at = |lines| cx(text, lines, file, options);
    let mut model = Model::default();
    if let (Some(raw), Some(lines)) = (outline.organization, org_cursor) {
        let mut cx = cx_at(lines);
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Organization { cx: &mut cx }.deserialize(&mut de).ok()?;
        de.end().ok()?;
        model.organization = cx.model.organization;
    }
    let work: Vec<(&Unit<'_>, LineCursor<'_>)> = units
        .iter()
        .zip(cursors)
        .map(|(u, c)| c.map(|c| (u, c)))
        .collect::<Option<_>>()?;
    let pieces = crate::parallel::map(&work, threads, None, |(unit, lines)| {
        let mut cx = cx_at(lines.clone());
        read_unit(&mut cx, unit).map(|()| cx)
    });
    let mut entities = 0usize;
    for piece in pieces {
        let cx = piece?;
        entities = entities.saturating_add(cx.entities);
        let part = cx.model;
        model.teams.extend(part.teams);
        model.products.extend(part.products);
        model.outcomes.extend(part.outcomes);
        model.objectives.extend(part.objectives);
        model.decisions.extend(part.decisions);
    }
    (entities < options.max_entities).then_some(model)
}

/// A reader of `text` whose cursor is `lines`.
fn cx<'t, 'o>(
    text: &'t str,
    lines: LineCursor<'t>,
    file: FileId,
    options: &'o LoadOptions,
) -> Cx<'t, 'o> {
    Cx {
        base: text.as_ptr() as usize,
        len: text.len(),
        bytes: text.as_bytes(),
        lines,
        file,
        options,
        entities: 0,
        model: Model::default(),
    }
}

/// Reads the entities of one unit into `cx.model`; `None` gives up.
fn read_unit(cx: &mut Cx<'_, '_>, unit: &Unit<'_>) -> Option<()> {
    for raw in unit.items {
        let mut de = serde_json::Deserializer::from_str(raw.get());
        match unit.kind {
            SectionKind::Teams => {
                let t = Entity::<TeamFields>::new(cx).deserialize(&mut de).ok()?;
                cx.model.teams.push(t);
            }
            SectionKind::Products => {
                let p = Entity::<ProductFields>::new(cx).deserialize(&mut de).ok()?;
                cx.model.products.push(p);
            }
            SectionKind::Outcomes => {
                let o = Entity::<OutcomeFields>::new(cx).deserialize(&mut de).ok()?;
                cx.model.outcomes.push(o);
            }
            SectionKind::Objectives => {
                let o = Entity::<ObjectiveFields>::new(cx)
                    .deserialize(&mut de)
                    .ok()?;
                cx.model.objectives.push(o);
            }
            SectionKind::Decisions => {
                let d = Entity::<DecisionFields>::new(cx)
                    .deserialize(&mut de)
                    .ok()?;
                cx.model.decisions.push(d);
            }
        }
        de.end().ok()?;
    }
    Some(())
}
