//! The fast path for JSON org files: one typed pass straight into model
//! entities, with no document tree in between.
//!
//! The general path ([`super::json`] into a [`Node`](super::node::Node) tree,
//! then [`super::lower`]) handles every shape a file can take and words a
//! message for each problem. Large orgs are nearly always well formed, and
//! for those the tree is pure overhead: a node and a string per value, then a
//! second walk. So a JSON file is first read here, by serde visitors that
//! accept only what the general path would accept silently. An entity with
//! anything else (an unknown field, a wrong type, a bad id, a number written
//! as text, a limit reached) is read again on its own the general way,
//! which reports it, and the rest of the file stays on this path (see
//! `split`); a problem of the file itself (a syntax error, an unknown
//! section, too many entities) sends the whole file the general way. The
//! two paths must build the same model with the same locations and report
//! the same problems; the tests beside this file check it. Big files are
//! read on all cores.
//!
//! Positions come from borrowed strings: serde_json hands out `&'de str`
//! slices of the input for strings without escapes, and the distance from
//! the start of the input is the byte offset (address arithmetic, no
//! `unsafe`). An entity's position is its `{`, found by stepping back over
//! whitespace from its first key. Offsets arrive in document order, so a
//! forward-only [`LineCursor`] turns them into lines and columns in one pass.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::LoadOptions;
use super::lines::LineCursor;
use super::lower::Tally;
use super::node::Pos;
use crate::diagnostic::Diagnostic;
use crate::model::{Id, Model, Ref, Text, is_valid_id};
use crate::source::{FileId, Location};
use entities::{
    CadenceFields, DecisionFields, ObjectiveFields, OutcomeFields, PersonFields, ProductFields,
    StageFields, TeamFields,
};

/// The entities of one JSON file, and the problems of entities the general
/// path had to read, when the file is well formed; `None` sends the file
/// down the general path. `path` is the file as diagnostics show it.
pub(crate) fn read(
    text: &str,
    file: FileId,
    path: &str,
    options: &LoadOptions,
) -> Option<(Model, Vec<Diagnostic>)> {
    if !depth_allows_fast_path(options) {
        return None;
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.len() >= split::MIN_BYTES {
        let threads = crate::parallel::threads(8);
        if threads > 1 {
            return split::read(text, file, path, options, split::CHUNK, threads);
        }
    }
    match read_serial(text, file, options) {
        Some(model) => Some((model, Vec::new())),
        // Something in the file is off the fast path. When it is only some
        // entities, reading the rest entity by entity still beats reading
        // the whole file the general way.
        None => split::read(text, file, path, options, split::CHUNK, 1),
    }
}

/// Whether the nesting limit leaves room for every org file's own depth:
/// a lower limit than the deepest an org file goes (an `allow` list in a
/// key result, six levels down) is for the general path to enforce and
/// report.
fn depth_allows_fast_path(options: &LoadOptions) -> bool {
    options.max_depth >= 8
}

/// Files this big are read from disk in pieces (see [`read_streamed`]).
pub(crate) const STREAM_FROM: u64 = split::MIN_BYTES as u64;

/// [`read`] for a file too big to be worth holding whole beside the model
/// it makes: read from `reader` a block at a time, on all cores. `None`
/// gives the file up, and the caller reads it whole (the general path then
/// reports what is wrong with it).
pub(crate) fn read_streamed(
    reader: &mut dyn std::io::Read,
    file: FileId,
    path: &str,
    options: &LoadOptions,
) -> Option<(Model, Vec<Diagnostic>)> {
    if !depth_allows_fast_path(options) {
        return None;
    }
    let threads = crate::parallel::threads(8);
    stream::read(
        reader,
        file,
        path,
        options,
        split::CHUNK,
        threads,
        stream::BLOCK,
    )
}

/// [`read`] in one pass on this thread.
fn read_serial(text: &str, file: FileId, options: &LoadOptions) -> Option<Model> {
    let mut cx = Cx {
        base: text.as_ptr() as usize,
        len: text.len(),
        bytes: text.as_bytes(),
        lines: LineCursor::new(text),
        file,
        options,
        entities: 0,
        model: Model::default(),
        list: Vec::new(),
        path: "",
        problems: Vec::new(),
        tally: Tally::default(),
        name_end: None,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    // Nesting is bounded by the visitors (at most six levels), so serde_json's
    // own recursion limit stays on as a second guard.
    Root { cx: &mut cx }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(cx.model)
}

/// Why the fast path stopped. Never shown: the general path reports.
fn give_up<E: de::Error>() -> E {
    E::custom("not on the fast path")
}

/// State shared by the visitors of one file.
struct Cx<'t, 'o> {
    base: usize,
    len: usize,
    bytes: &'t [u8],
    lines: LineCursor<'t>,
    file: FileId,
    options: &'o LoadOptions,
    /// Entities read so far, counted as the general path counts them.
    entities: usize,
    model: Model,
    /// The ids of the list being read, gathered here so that each list is
    /// made at its exact length: lists grown one push at a time keep room
    /// for four, and most lists in an org name one or two entities.
    list: Vec<Ref>,
    /// The file as diagnostics show it (for entities the general path reads).
    path: &'o str,
    /// Problems of entities the general path read, within the per-file limit.
    problems: Vec<Diagnostic>,
    tally: Tally,
    /// Where the entity being read names itself ends: just past its `id`
    /// (a decision's `area`), which is where its location ends.
    name_end: Option<Pos>,
}

impl Cx<'_, '_> {
    /// The byte offset of a slice borrowed from the input.
    fn offset(&self, part: &str) -> Option<usize> {
        let offset = (part.as_ptr() as usize).checked_sub(self.base)?;
        (offset <= self.len).then_some(offset)
    }

    fn location(&mut self, offset: usize) -> Location {
        let pos = self.lines.pos(offset);
        Location::point(self.file, pos.line, pos.column)
    }

    /// Where a borrowed string value is: from its opening quote to just
    /// past its closing one (a JSON string is on one line, and without
    /// escapes it has a character for each of its own).
    fn string_location(&mut self, value: &str) -> Option<Location> {
        let offset = self.offset(value)?.checked_sub(1)?;
        let start = self.location(offset);
        let chars = u32::try_from(value.chars().count()).unwrap_or(u32::MAX);
        let end = start.column.saturating_add(chars).saturating_add(2);
        Some(start.to(start.line, end))
    }

    /// Just past the closing quote of a borrowed string value.
    fn string_end(&mut self, value: &str) -> Option<Pos> {
        let end = self.offset(value)?.checked_add(value.len() + 1)?;
        Some(self.lines.pos(end))
    }

    /// Where the table whose first key is `key` starts: its `{`, with only
    /// whitespace between the two.
    fn table_location(&mut self, key: &str) -> Option<Location> {
        let mut offset = self.offset(key)?.checked_sub(1)?;
        while offset > 0 {
            offset -= 1;
            match self.bytes.get(offset) {
                Some(b' ' | b'\t' | b'\n' | b'\r') => {}
                Some(b'{') => return Some(self.location(offset)),
                _ => return None,
            }
        }
        None
    }

    /// Counts one more entity; `false` once the general path would refuse it.
    fn count_entity(&mut self) -> bool {
        if self.entities >= self.options.max_entities {
            return false;
        }
        self.entities += 1;
        true
    }

    fn text_ok(&self, text: &str) -> bool {
        text.len() <= self.options.max_text_len
    }

    fn id_ok(&self, id: &str) -> bool {
        id.len() <= self.options.max_id_len && is_valid_id(id)
    }
}

/// A string from the input: borrowed when it has no escapes (and so has a
/// position), owned when it had to be unescaped.
enum Str<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Str<'de> {
    fn as_str(&self) -> &str {
        match self {
            Self::Borrowed(s) => s,
            Self::Owned(s) => s,
        }
    }

    fn into_text(self) -> Text {
        match self {
            Self::Borrowed(s) => Text::new(s),
            Self::Owned(s) => Text::from(s),
        }
    }

    fn into_id(self) -> Id {
        match self {
            Self::Borrowed(s) => Id::new(s),
            Self::Owned(s) => Id::from(s),
        }
    }

    fn borrowed(&self) -> Option<&'de str> {
        match self {
            Self::Borrowed(s) => Some(s),
            Self::Owned(_) => None,
        }
    }
}

impl<'de> de::Deserialize<'de> for Str<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(StrVisitor)
    }
}

struct StrVisitor;

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Str<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Str::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Str::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Str::Owned(v))
    }
}

/// Marks a field as read, refusing a field given twice.
fn first_time<E: de::Error>(seen: &mut u32, bit: u32) -> Result<(), E> {
    if *seen & bit != 0 {
        return Err(give_up());
    }
    *seen |= bit;
    Ok(())
}

/// Reads the next value as text (`null` is no text), within the length limit.
fn text<'de, A: MapAccess<'de>>(cx: &Cx<'_, '_>, map: &mut A) -> Result<Option<Text>, A::Error> {
    match map.next_value::<Option<Str<'de>>>()? {
        Some(s) if cx.text_ok(s.as_str()) => Ok(Some(s.into_text())),
        Some(_) => Err(give_up()),
        None => Ok(None),
    }
}

/// Text that must be there and not blank.
fn required_text<E: de::Error>(text: Option<Text>) -> Result<Text, E> {
    text.filter(|t| !t.trim().is_empty()).ok_or_else(give_up)
}

/// One of a closed set of words (`null` is none).
fn word<'de, T: std::str::FromStr, A: MapAccess<'de>>(map: &mut A) -> Result<Option<T>, A::Error> {
    match map.next_value::<Option<Str<'de>>>()? {
        Some(s) => s.as_str().parse().map(Some).map_err(|_| give_up()),
        None => Ok(None),
    }
}

/// A number: the same reading as the general path (whole numbers through
/// `i64` when they fit), finite, never from text.
fn number<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<f64>, A::Error> {
    let raw = map.next_value::<&'de RawValue>()?;
    let json = raw.get();
    match json.as_bytes().first() {
        Some(b'n') => Ok(None),
        Some(b'-' | b'0'..=b'9') => {
            let whole = !json.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
            let value = if whole {
                json.parse::<i64>()
                    .map(|i| i as f64)
                    .or_else(|_| json.parse::<f64>())
            } else {
                json.parse::<f64>()
            };
            value
                .ok()
                .filter(|f| f.is_finite())
                .map(Some)
                .ok_or_else(give_up)
        }
        _ => Err(give_up()),
    }
}

/// Where the ids of a reference field go: a list, or (for a field that
/// names at most one entity) an option, so that a single id costs no list.
trait RefSlot: Default {
    /// The field holding `list`; `None` when it has no room for them all.
    fn from_list(list: std::vec::Drain<'_, Ref>) -> Option<Self>;
}

impl RefSlot for Vec<Ref> {
    fn from_list(list: std::vec::Drain<'_, Ref>) -> Option<Self> {
        // A drain knows its length: the list is allocated once, exactly.
        Some(list.collect())
    }
}

impl RefSlot for Option<Ref> {
    fn from_list(mut list: std::vec::Drain<'_, Ref>) -> Option<Self> {
        (list.len() <= 1).then(|| list.next())
    }
}

/// References: an id, a list of ids, or `null` (none).
struct Refs<'c, 't, 'o, S = Vec<Ref>> {
    cx: &'c mut Cx<'t, 'o>,
    slot: std::marker::PhantomData<S>,
}

impl<'c, 't, 'o, S> Refs<'c, 't, 'o, S> {
    fn new(cx: &'c mut Cx<'t, 'o>) -> Self {
        Self {
            cx,
            slot: std::marker::PhantomData,
        }
    }
}

impl<'de, S: RefSlot> DeserializeSeed<'de> for Refs<'_, '_, '_, S> {
    type Value = S;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, S: RefSlot> Visitor<'de> for Refs<'_, '_, '_, S> {
    type Value = S;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an id or a list of ids")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(S::default())
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        let r = reference(self.cx, v)?;
        self.cx.list.clear();
        self.cx.list.push(r);
        S::from_list(self.cx.list.drain(..)).ok_or_else(give_up)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        // Reference lists never nest, so the one gathering list is free.
        self.cx.list.clear();
        while let Some(s) = seq.next_element::<Str<'de>>()? {
            let id = s.borrowed().ok_or_else(give_up)?;
            let r = reference(self.cx, id)?;
            self.cx.list.push(r);
        }
        S::from_list(self.cx.list.drain(..)).ok_or_else(give_up)
    }
}

fn reference<E: de::Error>(cx: &mut Cx<'_, '_>, id: &str) -> Result<Ref, E> {
    let at = cx.string_location(id).ok_or_else(give_up)?;
    Ok(Ref::at(Id::new(id), Some(at)))
}

/// A field that names at most one entity.
fn one_ref<'de, A: MapAccess<'de>>(
    cx: &mut Cx<'_, '_>,
    map: &mut A,
) -> Result<Option<Ref>, A::Error> {
    map.next_value_seed(Refs::<Option<Ref>>::new(cx))
}

/// An `allow` list: names of checks, as ids are written.
fn names<'de, A: MapAccess<'de>>(
    cx: &mut Cx<'_, '_>,
    map: &mut A,
) -> Result<Vec<String>, A::Error> {
    Ok(map
        .next_value_seed(Refs::<Vec<Ref>>::new(cx))?
        .into_iter()
        .map(|r| String::from(r.id))
        .collect())
}

/// The top of a file: a table of sections.
struct Root<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for Root<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Root<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of sections")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let cx = self.cx;
        let mut seen = 0u32;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            match key.as_str() {
                "version" => {
                    first_time(&mut seen, 1)?;
                    version(&mut map)?;
                }
                "$schema" => {
                    first_time(&mut seen, 128)?;
                    map.next_value::<Str<'de>>()?;
                }
                "organization" => {
                    first_time(&mut seen, 2)?;
                    map.next_value_seed(Organization { cx: &mut *cx })?;
                }
                "teams" => {
                    first_time(&mut seen, 4)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Teams,
                    })?;
                }
                "products" => {
                    first_time(&mut seen, 8)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Products,
                    })?;
                }
                "outcomes" => {
                    first_time(&mut seen, 16)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Outcomes,
                    })?;
                }
                "objectives" => {
                    first_time(&mut seen, 32)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Objectives,
                    })?;
                }
                "decisions" => {
                    first_time(&mut seen, 64)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Decisions,
                    })?;
                }
                "people" => {
                    first_time(&mut seen, 128)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::People,
                    })?;
                }
                "lifecycle" => {
                    first_time(&mut seen, 256)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Lifecycle,
                    })?;
                }
                "cadences" => {
                    first_time(&mut seen, 512)?;
                    map.next_value_seed(Section {
                        cx: &mut *cx,
                        kind: SectionKind::Cadences,
                    })?;
                }
                _ => return Err(give_up()),
            }
        }
        Ok(())
    }
}

/// `version` must say 1, as a number or as text.
fn version<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    let raw = map.next_value::<&'de RawValue>()?;
    if version_is_one(raw.get()) {
        Ok(())
    } else {
        Err(give_up())
    }
}

/// Whether a raw `version` value says 1.
fn version_is_one(json: &str) -> bool {
    match json.as_bytes().first() {
        Some(b'"') => serde_json::from_str::<String>(json).is_ok_and(|s| s.trim() == "1"),
        Some(b'-' | b'0'..=b'9') => {
            if json.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
                json.parse::<f64>().is_ok_and(|f| f == 1.0)
            } else {
                json.parse::<i64>().is_ok_and(|i| i == 1)
            }
        }
        _ => false,
    }
}

/// The `organization` section.
struct Organization<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
}

impl<'de> DeserializeSeed<'de> for Organization<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Organization<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let cx = self.cx;
        let mut seen = 0u32;
        let mut location = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if location.is_none() {
                let key = key.borrowed().ok_or_else(give_up)?;
                location = Some(cx.table_location(key).ok_or_else(give_up)?);
            }
            match key.as_str() {
                "name" => {
                    first_time(&mut seen, 1)?;
                    cx.model.organization.name = text(cx, &mut map)?;
                }
                "description" => {
                    first_time(&mut seen, 2)?;
                    text(cx, &mut map)?;
                }
                _ => return Err(give_up()),
            }
        }
        // An empty table has no key to place it by.
        cx.model.organization.location = Some(location.ok_or_else(give_up)?);
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SectionKind {
    Teams,
    Products,
    Outcomes,
    Objectives,
    Decisions,
    People,
    Lifecycle,
    Cadences,
}

impl SectionKind {
    /// How many kinds of section there are.
    const COUNT: usize = 8;

    /// The section whose key in the file is `key`.
    fn of_key(key: &str) -> Option<Self> {
        Some(match key {
            "teams" => Self::Teams,
            "products" => Self::Products,
            "outcomes" => Self::Outcomes,
            "objectives" => Self::Objectives,
            "decisions" => Self::Decisions,
            "people" => Self::People,
            "lifecycle" => Self::Lifecycle,
            "cadences" => Self::Cadences,
            _ => return None,
        })
    }

    /// The section's key in the file.
    fn key(self) -> &'static str {
        match self {
            Self::Teams => "teams",
            Self::Products => "products",
            Self::Outcomes => "outcomes",
            Self::Objectives => "objectives",
            Self::Decisions => "decisions",
            Self::People => "people",
            Self::Lifecycle => "lifecycle",
            Self::Cadences => "cadences",
        }
    }
}

/// A list of entities (or `null`).
struct Section<'c, 't, 'o> {
    cx: &'c mut Cx<'t, 'o>,
    kind: SectionKind,
}

impl<'de> DeserializeSeed<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Section<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of entities")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let cx = self.cx;
        loop {
            let more = match self.kind {
                SectionKind::Teams => seq
                    .next_element_seed(Entity::<TeamFields>::new(cx))?
                    .map(|t| cx.model.teams.push(t)),
                SectionKind::Products => seq
                    .next_element_seed(Entity::<ProductFields>::new(cx))?
                    .map(|p| cx.model.products.push(p)),
                SectionKind::Outcomes => seq
                    .next_element_seed(Entity::<OutcomeFields>::new(cx))?
                    .map(|o| cx.model.outcomes.push(o)),
                SectionKind::Objectives => seq
                    .next_element_seed(Entity::<ObjectiveFields>::new(cx))?
                    .map(|o| cx.model.objectives.push(o)),
                SectionKind::Decisions => seq
                    .next_element_seed(Entity::<DecisionFields>::new(cx))?
                    .map(|d| cx.model.decisions.push(d)),
                SectionKind::People => seq
                    .next_element_seed(Entity::<PersonFields>::new(cx))?
                    .map(|p| cx.model.people.push(p)),
                SectionKind::Lifecycle => seq
                    .next_element_seed(Entity::<StageFields>::new(cx))?
                    .map(|s| cx.model.lifecycle.push(s)),
                SectionKind::Cadences => seq
                    .next_element_seed(Entity::<CadenceFields>::new(cx))?
                    .map(|c| cx.model.cadences.push(c)),
            };
            if more.is_none() {
                return Ok(());
            }
        }
    }
}

/// How one kind of entity reads its fields.
trait Fields: Default {
    type Entity;

    /// Reads the value of `key`; an unknown key gives up.
    fn field<'de, A: MapAccess<'de>>(
        &mut self,
        cx: &mut Cx<'_, '_>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The entity, once every field is read; `None` gives up.
    fn finish(self, cx: &mut Cx<'_, '_>, location: Location) -> Option<Self::Entity>;
}

/// One entity's table, read with `F`.
struct Entity<'c, 't, 'o, F> {
    cx: &'c mut Cx<'t, 'o>,
    fields: std::marker::PhantomData<F>,
}

impl<'c, 't, 'o, F> Entity<'c, 't, 'o, F> {
    fn new(cx: &'c mut Cx<'t, 'o>) -> Self {
        Self {
            cx,
            fields: std::marker::PhantomData,
        }
    }
}

impl<'de, F: Fields> DeserializeSeed<'de> for Entity<'_, '_, '_, F> {
    type Value = F::Entity;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: Fields> Visitor<'de> for Entity<'_, '_, '_, F> {
    type Value = F::Entity;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an entity table")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let cx = self.cx;
        if !cx.count_entity() {
            return Err(give_up());
        }
        let mut fields = F::default();
        let mut location = None;
        cx.name_end = None;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            if location.is_none() {
                let key = key.borrowed().ok_or_else(give_up)?;
                location = Some(cx.table_location(key).ok_or_else(give_up)?);
            }
            fields.field(cx, key.as_str(), &mut map)?;
        }
        let mut location = location.ok_or_else(give_up)?;
        if let Some(end) = cx.name_end.take() {
            location = location.to(end.line, end.column);
        }
        fields.finish(cx, location).ok_or_else(give_up)
    }
}

/// An id field: a valid id, written as a string.
/// Its end is noted (see `Cx::name_end`).
fn id<'de, A: MapAccess<'de>>(cx: &mut Cx<'_, '_>, map: &mut A) -> Result<Id, A::Error> {
    let s = map.next_value::<Str<'de>>()?;
    if cx.id_ok(s.as_str()) {
        let value = s.borrowed().ok_or_else(give_up)?;
        cx.name_end = Some(cx.string_end(value).ok_or_else(give_up)?);
        Ok(s.into_id())
    } else {
        Err(give_up())
    }
}

/// Text that names the entity it is in (a decision's `area`): as
/// [`text`], and its end is noted (see `Cx::name_end`).
fn name_text<'de, A: MapAccess<'de>>(
    cx: &mut Cx<'_, '_>,
    map: &mut A,
) -> Result<Option<Text>, A::Error> {
    match map.next_value::<Option<Str<'de>>>()? {
        Some(s) if cx.text_ok(s.as_str()) => {
            let value = s.borrowed().ok_or_else(give_up)?;
            cx.name_end = Some(cx.string_end(value).ok_or_else(give_up)?);
            Ok(Some(s.into_text()))
        }
        Some(_) => Err(give_up()),
        None => Ok(None),
    }
}

/// Text and where it is written: a borrowed string (an escaped one is for
/// the general path, which knows where it ends).
fn located_text<'de, A: MapAccess<'de>>(
    cx: &mut Cx<'_, '_>,
    map: &mut A,
) -> Result<Option<(Text, Location)>, A::Error> {
    match map.next_value::<Option<Str<'de>>>()? {
        Some(s) if cx.text_ok(s.as_str()) => {
            let value = s.borrowed().ok_or_else(give_up)?;
            let location = cx.string_location(value).ok_or_else(give_up)?;
            Ok(Some((s.into_text(), location)))
        }
        Some(_) => Err(give_up()),
        None => Ok(None),
    }
}

mod entities;
mod split;
mod stream;
#[cfg(test)]
mod tests;
