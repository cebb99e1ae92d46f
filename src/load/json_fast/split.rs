//! One big JSON file on several cores.
//!
//! This thread outlines the file at the speed of skipping JSON: its
//! sections and, in each, the raw text of every entity. Every `chunk`
//! entities go out as a unit of work, with a line cursor advanced to where
//! the unit starts (units are met in document order, so one forward walk
//! serves them all), and the other cores read the units into entities while
//! the outline goes on; when it is done this thread reads units too. The
//! units are joined in file order as they come in, so the model is the one
//! the single pass builds. The entity limit is checked on the total, which is stricter than
//! the single pass (a file at the limit goes the general way, which reports
//! exactly).

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::{
    CadenceFields, Cx, DecisionFields, Entity, LoadOptions, ObjectiveFields, Organization,
    OutcomeFields, PersonFields, ProductFields, SectionKind, StageFields, Str, TeamFields,
    first_time, give_up, version_is_one,
};
use crate::diagnostic::Diagnostic;
use crate::load::json;
use crate::load::lines::LineCursor;
use crate::load::lower::{self, ItemSink, Tally};
use crate::load::node::{Node, ParseLimits, Pos, Value};
use crate::model::Model;
use crate::source::FileId;

/// Files smaller than this are read in one pass: outlining costs a pass of
/// its own, which only pays off when there is a lot to share out.
pub(super) const MIN_BYTES: usize = 8 << 20;

/// Entities per unit of work.
pub(super) const CHUNK: usize = 4096;

/// A run of entities of one section, with the cursor where the first starts.
struct Unit<'de> {
    index: usize,
    kind: SectionKind,
    /// The place of the first item in its section.
    first: usize,
    items: Vec<&'de RawValue>,
    lines: LineCursor<'de>,
}

/// Where the outline sends its units, and what it keeps for itself.
struct Dispatch<'de> {
    base: usize,
    chunk: usize,
    walker: LineCursor<'de>,
    units: usize,
    /// Entities sent of each section, in the order of [`SectionKind`].
    counts: [usize; SectionKind::COUNT],
    send: mpsc::Sender<Unit<'de>>,
    version: Option<&'de RawValue>,
    organization: Option<(&'de RawValue, LineCursor<'de>)>,
}

impl<'de> Dispatch<'de> {
    fn offset(&self, raw: &RawValue) -> Option<usize> {
        (raw.get().as_ptr() as usize).checked_sub(self.base)
    }

    /// Sends `items` (non-empty) as the next unit.
    fn send(&mut self, kind: SectionKind, first: usize, items: Vec<&'de RawValue>) -> Option<()> {
        let start = self.offset(items.first()?)?;
        self.walker.pos(start);
        if let Some(count) = self.counts.get_mut(kind as usize) {
            *count += items.len();
        }
        let unit = Unit {
            index: self.units,
            kind,
            first,
            items,
            lines: self.walker.clone(),
        };
        self.units += 1;
        // The receiving end lives until every sender is gone.
        self.send.send(unit).ok()
    }
}

/// The top of a file: sections go out in units as they are met.
struct OutlineVisitor<'a, 'de>(&'a mut Dispatch<'de>);

impl<'de> DeserializeSeed<'de> for OutlineVisitor<'_, 'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OutlineVisitor<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of sections")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u32;
        while let Some(key) = map.next_key::<Str<'de>>()? {
            let kind = match key.as_str() {
                "version" => {
                    first_time(&mut seen, 1)?;
                    self.0.version = Some(map.next_value()?);
                    continue;
                }
                "$schema" => {
                    first_time(&mut seen, 1 << 10)?;
                    map.next_value::<Str<'de>>()?;
                    continue;
                }
                "organization" => {
                    first_time(&mut seen, 2)?;
                    let raw: &'de RawValue = map.next_value()?;
                    let start = self.0.offset(raw).ok_or_else(give_up)?;
                    self.0.walker.pos(start);
                    self.0.organization = Some((raw, self.0.walker.clone()));
                    continue;
                }
                "teams" => SectionKind::Teams,
                "products" => SectionKind::Products,
                "outcomes" => SectionKind::Outcomes,
                "objectives" => SectionKind::Objectives,
                "decisions" => SectionKind::Decisions,
                "people" => SectionKind::People,
                "lifecycle" => SectionKind::Lifecycle,
                "cadences" => SectionKind::Cadences,
                _ => return Err(give_up()),
            };
            first_time(&mut seen, 4 << kind as u32)?;
            map.next_value_seed(SectionSeed(self.0, kind))?;
        }
        Ok(())
    }
}

/// One section (`null` or a list), cut into units as it is read.
struct SectionSeed<'a, 'de>(&'a mut Dispatch<'de>, SectionKind);

impl<'de> DeserializeSeed<'de> for SectionSeed<'_, 'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for SectionSeed<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of entities")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self(dispatch, kind) = self;
        let chunk = dispatch.chunk;
        let mut items: Vec<&'de RawValue> = Vec::with_capacity(chunk);
        let mut first = 0;
        while let Some(raw) = seq.next_element::<&'de RawValue>()? {
            items.push(raw);
            if items.len() == chunk {
                let full = std::mem::replace(&mut items, Vec::with_capacity(chunk));
                dispatch.send(kind, first, full).ok_or_else(give_up)?;
                first += chunk;
            }
        }
        if !items.is_empty() {
            dispatch.send(kind, first, items).ok_or_else(give_up)?;
        }
        Ok(())
    }
}

/// Reads `text` in units of `chunk` entities on `threads` threads, joined
/// into one model in file order as they are read.
pub(super) fn read(
    text: &str,
    file: FileId,
    path: &str,
    options: &LoadOptions,
    chunk: usize,
    threads: usize,
) -> Option<(Model, Vec<Diagnostic>)> {
    let (send, receive) = mpsc::channel::<Unit<'_>>();
    let receive = Mutex::new(receive);
    // Set when a unit or the outline gives up: the rest need not be read.
    let abandoned = AtomicBool::new(false);
    let assembler = Mutex::new(Assembler::default());
    let cx_at = |lines| cx(text, lines, file, path, options);
    let work = || {
        loop {
            // Poisoning needs a panic while a lock is held, and nothing here
            // panics while holding one; if it happened, stop reading.
            let unit = match receive.lock() {
                Ok(guard) => guard.recv(),
                Err(_) => return,
            };
            let Ok(unit) = unit else {
                return;
            };
            if abandoned.load(Ordering::Relaxed) {
                continue;
            }
            let mut cx = cx_at(unit.lines.clone());
            let added = read_unit(&mut cx, &unit).and_then(|()| {
                let mut assembler = assembler.lock().ok()?;
                assembler.add(unit.index, Piece::from(cx));
                Some(())
            });
            if added.is_none() {
                abandoned.store(true, Ordering::Relaxed);
            }
        }
    };
    let mut dispatch = Dispatch {
        base: text.as_ptr() as usize,
        chunk: chunk.max(1),
        walker: LineCursor::new(text),
        units: 0,
        counts: [0; SectionKind::COUNT],
        send,
        version: None,
        organization: None,
    };
    let outlined = std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(threads);
        for _ in 1..threads.max(1) {
            let spawned = std::thread::Builder::new()
                .name("opmodel-worker".to_owned())
                .spawn_scoped(s, work);
            // No thread to be had: this one reads every unit after the outline.
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let outlined =
            OutlineVisitor(&mut dispatch).deserialize(&mut de).is_ok() && de.end().is_ok();
        let Dispatch {
            send,
            version,
            organization,
            units,
            counts,
            ..
        } = dispatch;
        match assembler.lock() {
            Ok(mut assembler) if outlined => assembler.open(counts),
            _ => abandoned.store(true, Ordering::Relaxed),
        }
        // Hang up, so that the readers stop when the queue is empty.
        drop(send);
        work();
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        (version, organization, units)
    });
    let (version, organization, units) = outlined;
    let assembler = assembler.into_inner().ok()?;
    if abandoned.load(Ordering::Relaxed) || assembler.units.next() != units {
        return None;
    }
    if let Some(raw) = version
        && !version_is_one(raw.get())
    {
        return None;
    }
    let Assembler {
        mut model,
        entities,
        mut problems,
        mut suppressed,
        ..
    } = assembler;
    if let Some((raw, lines)) = organization {
        let mut cx = cx_at(lines);
        let mut de = serde_json::Deserializer::from_str(raw.get());
        Organization { cx: &mut cx }.deserialize(&mut de).ok()?;
        de.end().ok()?;
        model.organization = cx.model.organization;
    }
    // Each unit kept its first problems up to the per-file limit; the file
    // keeps the first of them all, as the general path would.
    let limit = options.max_problems_per_file;
    if problems.len() > limit {
        suppressed = suppressed.saturating_add(problems.len() - limit);
        problems.truncate(limit);
    }
    if suppressed > 0 {
        problems.push(lower::unreported(file, path, suppressed, options));
    }
    (entities < options.max_entities).then_some((model, problems))
}

/// What one unit read: its entities and the problems of those the general
/// path had to read.
struct Piece {
    model: Model,
    entities: usize,
    problems: Vec<Diagnostic>,
    suppressed: usize,
}

impl From<Cx<'_, '_>> for Piece {
    fn from(cx: Cx<'_, '_>) -> Self {
        Self {
            model: cx.model,
            entities: cx.entities,
            problems: cx.problems,
            suppressed: cx.tally.suppressed,
        }
    }
}

/// Joins the units into one model in file order, each as soon as the
/// units before it are in. Joining at the end instead would hold every
/// unit and the joined model at once: two copies of every entity.
#[derive(Default)]
struct Assembler {
    /// Set once the outline has counted the entities of every section:
    /// until then units wait, so that each list is made once at its length.
    open: bool,
    /// The units read, joined in the order of their indices.
    units: crate::parallel::Reorder<Piece>,
    model: Model,
    entities: usize,
    problems: Vec<Diagnostic>,
    suppressed: usize,
}

impl Assembler {
    fn add(&mut self, index: usize, piece: Piece) {
        self.units.insert(index, 1, piece);
        self.join_ready();
    }

    /// Makes room for `counts` entities of each section (in the order of
    /// [`SectionKind`]) and joins what is ready.
    fn open(&mut self, counts: [usize; SectionKind::COUNT]) {
        let [
            teams,
            products,
            outcomes,
            objectives,
            decisions,
            people,
            lifecycle,
            cadences,
        ] = counts;
        self.model.teams.reserve_exact(teams);
        self.model.products.reserve_exact(products);
        self.model.outcomes.reserve_exact(outcomes);
        self.model.objectives.reserve_exact(objectives);
        self.model.decisions.reserve_exact(decisions);
        self.model.people.reserve_exact(people);
        self.model.lifecycle.reserve_exact(lifecycle);
        self.model.cadences.reserve_exact(cadences);
        self.open = true;
        self.join_ready();
    }

    fn join_ready(&mut self) {
        if !self.open {
            return;
        }
        while let Some(piece) = self.units.pop() {
            self.entities = self.entities.saturating_add(piece.entities);
            self.model.merge(piece.model);
            self.problems.extend(piece.problems);
            self.suppressed = self.suppressed.saturating_add(piece.suppressed);
        }
    }
}

/// A reader of `text` whose cursor is `lines`.
fn cx<'t, 'o>(
    text: &'t str,
    lines: LineCursor<'t>,
    file: FileId,
    path: &'o str,
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
        list: Vec::new(),
        path,
        problems: Vec::new(),
        tally: Tally::default(),
        name_end: None,
    }
}

/// Reads the entities of one unit into `cx.model`. An entity the fast path
/// does not take is read the general way on its own, which reports its
/// problems just as reading the whole file would, so that one odd entity
/// does not send a whole big file down the general path; `None` gives up
/// on the file.
fn read_unit(cx: &mut Cx<'_, '_>, unit: &Unit<'_>) -> Option<()> {
    let n = unit.items.len();
    match unit.kind {
        SectionKind::Teams => cx.model.teams.reserve(n),
        SectionKind::Products => cx.model.products.reserve(n),
        SectionKind::Outcomes => cx.model.outcomes.reserve(n),
        SectionKind::Objectives => cx.model.objectives.reserve(n),
        SectionKind::Decisions => cx.model.decisions.reserve(n),
        SectionKind::People => cx.model.people.reserve(n),
        SectionKind::Lifecycle => cx.model.lifecycle.reserve(n),
        SectionKind::Cadences => cx.model.cadences.reserve(n),
    }
    for (i, raw) in unit.items.iter().enumerate() {
        // Where the item starts, before the fast path moves the cursor on.
        let at = cx.lines.pos(cx.offset(raw.get())?);
        let counted = cx.entities;
        if read_one(cx, unit.kind, raw).is_none() {
            cx.entities = counted;
            read_alone(cx, unit.kind, raw.get(), at, unit.first + i)?;
        }
    }
    Some(())
}

/// One entity on the fast path; nothing is kept when it gives up.
fn read_one(cx: &mut Cx<'_, '_>, kind: SectionKind, raw: &RawValue) -> Option<()> {
    let mut de = serde_json::Deserializer::from_str(raw.get());
    match kind {
        SectionKind::Teams => {
            let t = Entity::<TeamFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.teams.push(t);
        }
        SectionKind::Products => {
            let p = Entity::<ProductFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.products.push(p);
        }
        SectionKind::Outcomes => {
            let o = Entity::<OutcomeFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.outcomes.push(o);
        }
        SectionKind::Objectives => {
            let o = Entity::<ObjectiveFields>::new(cx)
                .deserialize(&mut de)
                .ok()?;
            de.end().ok()?;
            cx.model.objectives.push(o);
        }
        SectionKind::Decisions => {
            let d = Entity::<DecisionFields>::new(cx)
                .deserialize(&mut de)
                .ok()?;
            de.end().ok()?;
            cx.model.decisions.push(d);
        }
        SectionKind::People => {
            let p = Entity::<PersonFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.people.push(p);
        }
        SectionKind::Lifecycle => {
            let s = Entity::<StageFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.lifecycle.push(s);
        }
        SectionKind::Cadences => {
            let c = Entity::<CadenceFields>::new(cx).deserialize(&mut de).ok()?;
            de.end().ok()?;
            cx.model.cadences.push(c);
        }
    }
    Some(())
}

/// The item `index` of a section, starting at `at`, read the general way:
/// parsed on its own (two levels of the file's nesting are above it), its
/// positions moved to where it stands in the file, then lowered with its
/// problems kept in `cx`. `None` (nesting too deep) gives up on the file,
/// whose reading the general way reports it.
fn read_alone(
    cx: &mut Cx<'_, '_>,
    kind: SectionKind,
    raw: &str,
    at: Pos,
    index: usize,
) -> Option<()> {
    let limits = ParseLimits {
        max_depth: cx.options.max_depth.checked_sub(2)?,
        ..cx.options.parse_limits()
    };
    let mut item = json::parse(raw, &limits).ok()?;
    move_to(&mut item, at);
    let sink = ItemSink {
        file: cx.file,
        path: cx.path,
        options: cx.options,
        diags: &mut cx.problems,
        tally: &mut cx.tally,
    };
    let counted = lower::lower_item(kind.key(), item, index, sink, &mut cx.model);
    cx.entities = cx.entities.saturating_add(counted);
    Some(())
}

/// Moves the positions of a tree parsed on its own to where its text
/// starts in the file: its first line starts at `at`'s column, the others
/// keep theirs.
fn move_to(root: &mut Node, at: Pos) {
    let shift = |pos: &mut Pos| {
        if pos.line == 0 {
            return;
        }
        if pos.line == 1 {
            pos.column = pos.column.saturating_add(at.column.saturating_sub(1));
        }
        pos.line = pos.line.saturating_add(at.line.saturating_sub(1));
    };
    // A stack, not recursion: the depth is the user's limit.
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        shift(&mut node.pos);
        shift(&mut node.end);
        match &mut node.value {
            Value::Seq(items) => stack.extend(items.iter_mut()),
            Value::Map(entries) => {
                for (key, value) in entries.iter_mut() {
                    shift(&mut key.pos);
                    shift(&mut key.end);
                    stack.push(value);
                }
            }
            _ => {}
        }
    }
}
