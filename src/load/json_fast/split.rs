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

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
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
pub(crate) const MIN_BYTES: usize = 8 << 20;

/// Entities per unit of work.
pub(crate) const CHUNK: usize = 4096;

/// A run of entities of one section: the text from the first one's start
/// to the last one's end, borrowed from the file or copied out of the part
/// of it read so far.
pub(super) struct Unit<'t> {
    index: usize,
    kind: SectionKind,
    /// The place of the first item in its section.
    first: usize,
    text: Cow<'t, str>,
    /// Where each item is in `text`.
    items: Vec<Range<usize>>,
    /// Where `text` starts in the file.
    at: Pos,
}

/// What an outline found beside the sections: the raw `version` and
/// `organization` values, the latter with where it starts.
#[derive(Default)]
pub(super) struct Top<'t> {
    pub(super) version: Option<Cow<'t, str>>,
    pub(super) organization: Option<(Cow<'t, str>, Pos)>,
}

/// Where an outline sends its units: to the readers on other threads, or,
/// when they are all busy and the queue is full, to be read on the
/// outline's own thread, so that the queue (and the memory held in units)
/// stays short and no core waits.
pub(super) struct Outlet<'s, 't> {
    readers: &'s Readers<'t>,
    send: mpsc::SyncSender<Unit<'t>>,
    units: usize,
    /// Entities sent of each section, in the order of [`SectionKind`].
    counts: [usize; SectionKind::COUNT],
    /// Entities per unit.
    pub(super) chunk: usize,
}

impl<'t> Outlet<'_, 't> {
    /// Sends the `items` of `text` (non-empty), which starts at `at`, as
    /// the next unit of section `kind`; `first` is the place of the first
    /// in its section. `None` when the readers have given up.
    pub(super) fn send(
        &mut self,
        kind: SectionKind,
        first: usize,
        text: Cow<'t, str>,
        items: Vec<Range<usize>>,
        at: Pos,
    ) -> Option<()> {
        if let Some(count) = self.counts.get_mut(kind as usize) {
            *count += items.len();
        }
        let unit = Unit {
            index: self.units,
            kind,
            first,
            text,
            items,
            at,
        };
        self.units += 1;
        match self.send.try_send(unit) {
            Ok(()) => {}
            Err(mpsc::TrySendError::Full(unit)) => self.readers.read(unit),
            Err(mpsc::TrySendError::Disconnected(_)) => return None,
        }
        (!self.readers.abandoned.load(Ordering::Relaxed)).then_some(())
    }

    /// Says that section `kind` has no more entities: its list can be made
    /// at its length, and its units joined.
    pub(super) fn close(&mut self, kind: SectionKind) -> Option<()> {
        let count = self.counts.get(kind as usize).copied().unwrap_or(0);
        self.readers.assembler.lock().ok()?.close(kind, count);
        Some(())
    }
}

/// What the threads that read units share.
pub(super) struct Readers<'t> {
    receive: Mutex<mpsc::Receiver<Unit<'t>>>,
    /// Set when a unit or the outline gives up: the rest need not be read.
    abandoned: AtomicBool,
    assembler: Mutex<Assembler>,
    file: FileId,
    path: &'t str,
    options: &'t LoadOptions,
}

impl<'t> Readers<'t> {
    /// Reads units from the queue until it is empty and hung up.
    fn work(&self) {
        loop {
            // Poisoning needs a panic while a lock is held, and nothing here
            // panics while holding one; if it happened, stop reading.
            let unit = match self.receive.lock() {
                Ok(guard) => guard.recv(),
                Err(_) => return,
            };
            let Ok(unit) = unit else {
                return;
            };
            self.read(unit);
        }
    }

    fn read(&self, unit: Unit<'_>) {
        if self.abandoned.load(Ordering::Relaxed) {
            return;
        }
        let mut cx = cx(
            &unit.text,
            LineCursor::resume(&unit.text, unit.at),
            self.file,
            self.path,
            self.options,
        );
        let added = read_unit(&mut cx, &unit).and_then(|()| {
            let mut assembler = self.assembler.lock().ok()?;
            assembler.add(unit.index, Piece::new(unit.kind, cx));
            Some(())
        });
        if added.is_none() {
            self.abandoned.store(true, Ordering::Relaxed);
        }
    }
}

/// The outline of a whole text in memory: serde_json skips through it,
/// and each unit borrows its items.
struct Dispatch<'o, 's, 't> {
    text: &'t str,
    walker: LineCursor<'t>,
    outlet: &'o mut Outlet<'s, 't>,
    top: Top<'t>,
}

impl<'t> Dispatch<'_, '_, 't> {
    fn offset(&self, raw: &RawValue) -> Option<usize> {
        (raw.get().as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)
    }

    /// Sends `items` (non-empty) as the next unit.
    fn send(&mut self, kind: SectionKind, first: usize, items: &[&'t RawValue]) -> Option<()> {
        let start = self.offset(items.first()?)?;
        let last = items.last()?;
        let end = self.offset(last)? + last.get().len();
        let at = self.walker.pos(start);
        let ranges = items
            .iter()
            .map(|raw| {
                let from = self.offset(raw)? - start;
                Some(from..from + raw.get().len())
            })
            .collect::<Option<Vec<_>>>()?;
        let text = self.text.get(start..end)?;
        self.outlet
            .send(kind, first, Cow::Borrowed(text), ranges, at)
    }
}

/// The top of a file: sections go out in units as they are met.
struct OutlineVisitor<'d, 'o, 's, 't>(&'d mut Dispatch<'o, 's, 't>);

impl<'t> DeserializeSeed<'t> for OutlineVisitor<'_, '_, '_, 't> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'t> Visitor<'t> for OutlineVisitor<'_, '_, '_, 't> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table of sections")
    }

    fn visit_map<A: MapAccess<'t>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = 0u32;
        while let Some(key) = map.next_key::<Str<'t>>()? {
            let kind = match key.as_str() {
                "version" => {
                    first_time(&mut seen, 1)?;
                    let raw: &'t RawValue = map.next_value()?;
                    self.0.top.version = Some(Cow::Borrowed(raw.get()));
                    continue;
                }
                "$schema" => {
                    first_time(&mut seen, 1 << 10)?;
                    map.next_value::<Str<'t>>()?;
                    continue;
                }
                "organization" => {
                    first_time(&mut seen, 2)?;
                    let raw: &'t RawValue = map.next_value()?;
                    let start = self.0.offset(raw).ok_or_else(give_up)?;
                    let at = self.0.walker.pos(start);
                    self.0.top.organization = Some((Cow::Borrowed(raw.get()), at));
                    continue;
                }
                key => SectionKind::of_key(key).ok_or_else(give_up)?,
            };
            first_time(&mut seen, 4 << kind as u32)?;
            map.next_value_seed(SectionSeed(self.0, kind))?;
            self.0.outlet.close(kind).ok_or_else(give_up)?;
        }
        Ok(())
    }
}

/// One section (`null` or a list), cut into units as it is read.
struct SectionSeed<'d, 'o, 's, 't>(&'d mut Dispatch<'o, 's, 't>, SectionKind);

impl<'t> DeserializeSeed<'t> for SectionSeed<'_, '_, '_, 't> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'t> Visitor<'t> for SectionSeed<'_, '_, '_, 't> {
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

    fn visit_some<D: de::Deserializer<'t>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'t>>(self, mut seq: A) -> Result<(), A::Error> {
        let Self(dispatch, kind) = self;
        let chunk = dispatch.outlet.chunk;
        let mut items: Vec<&'t RawValue> = Vec::with_capacity(chunk);
        let mut first = 0;
        while let Some(raw) = seq.next_element::<&'t RawValue>()? {
            items.push(raw);
            if items.len() == chunk {
                dispatch.send(kind, first, &items).ok_or_else(give_up)?;
                items.clear();
                first += chunk;
            }
        }
        if !items.is_empty() {
            dispatch.send(kind, first, &items).ok_or_else(give_up)?;
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
    run(file, path, options, chunk, threads, |outlet| {
        let mut dispatch = Dispatch {
            text,
            walker: LineCursor::new(text),
            outlet,
            top: Top::default(),
        };
        let mut de = serde_json::Deserializer::from_str(text);
        OutlineVisitor(&mut dispatch).deserialize(&mut de).ok()?;
        de.end().ok()?;
        Some(dispatch.top)
    })
}

/// Reads units as `outline` sends them, on `threads` threads, and joins
/// them into one model in file order; then reads what the outline found
/// beside the sections. `None` when the outline or a unit gave up.
pub(super) fn run<'t>(
    file: FileId,
    path: &'t str,
    options: &'t LoadOptions,
    chunk: usize,
    threads: usize,
    outline: impl FnOnce(&mut Outlet<'_, 't>) -> Option<Top<'t>>,
) -> Option<(Model, Vec<Diagnostic>)> {
    let threads = threads.max(1);
    // Two units waiting per reader keeps every reader busy; more would
    // only hold more of the file in memory.
    let (send, receive) = mpsc::sync_channel::<Unit<'t>>(2 * threads);
    let readers = Readers {
        receive: Mutex::new(receive),
        abandoned: AtomicBool::new(false),
        assembler: Mutex::new(Assembler::default()),
        file,
        path,
        options,
    };
    let (top, units) = std::thread::scope(|s| {
        let mut handles = Vec::with_capacity(threads);
        for _ in 1..threads {
            let spawned = std::thread::Builder::new()
                .name("opmodel-worker".to_owned())
                .spawn_scoped(s, || readers.work());
            // No thread to be had: this one reads every unit itself.
            if let Ok(handle) = spawned {
                handles.push(handle);
            }
        }
        let mut outlet = Outlet {
            readers: &readers,
            send,
            units: 0,
            counts: [0; SectionKind::COUNT],
            chunk: chunk.max(1),
        };
        let top = outline(&mut outlet);
        if top.is_none() {
            readers.abandoned.store(true, Ordering::Relaxed);
        }
        let Outlet { send, units, .. } = outlet;
        // Hang up, so that the readers stop when the queue is empty.
        drop(send);
        readers.work();
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        (top, units)
    });
    let top = top?;
    let assembler = readers.assembler.into_inner().ok()?;
    if readers.abandoned.load(Ordering::Relaxed) || assembler.units.next() != units {
        return None;
    }
    if let Some(raw) = &top.version
        && !version_is_one(raw)
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
    if let Some((raw, at)) = &top.organization {
        let mut cx = cx(raw, LineCursor::resume(raw, *at), file, path, options);
        let mut de = serde_json::Deserializer::from_str(raw);
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
    kind: SectionKind,
    model: Model,
    entities: usize,
    problems: Vec<Diagnostic>,
    suppressed: usize,
}

impl Piece {
    fn new(kind: SectionKind, cx: Cx<'_, '_>) -> Self {
        Self {
            kind,
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
pub(super) struct Assembler {
    /// The sections the outline has seen the end of, by [`SectionKind`]:
    /// a section's units wait until then, so that its list is made once at
    /// its length.
    closed: [bool; SectionKind::COUNT],
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

    /// Makes room for the `count` entities of section `kind` and joins
    /// what is ready.
    fn close(&mut self, kind: SectionKind, count: usize) {
        match kind {
            SectionKind::Teams => self.model.teams.reserve_exact(count),
            SectionKind::Products => self.model.products.reserve_exact(count),
            SectionKind::Outcomes => self.model.outcomes.reserve_exact(count),
            SectionKind::Objectives => self.model.objectives.reserve_exact(count),
            SectionKind::Decisions => self.model.decisions.reserve_exact(count),
            SectionKind::People => self.model.people.reserve_exact(count),
            SectionKind::Lifecycle => self.model.lifecycle.reserve_exact(count),
            SectionKind::Cadences => self.model.cadences.reserve_exact(count),
        }
        if let Some(closed) = self.closed.get_mut(kind as usize) {
            *closed = true;
        }
        self.join_ready();
    }

    fn join_ready(&mut self) {
        while self
            .units
            .peek()
            .is_some_and(|piece| self.closed.get(piece.kind as usize) == Some(&true))
        {
            let Some(piece) = self.units.pop() else {
                return;
            };
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
fn read_unit<'t>(cx: &mut Cx<'t, '_>, unit: &'t Unit<'_>) -> Option<()> {
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
    for (i, range) in unit.items.iter().enumerate() {
        let raw = unit.text.get(range.clone())?;
        // Where the item starts, before the fast path moves the cursor on.
        let at = cx.lines.pos(range.start);
        let counted = cx.entities;
        if read_one(cx, unit.kind, raw).is_none() {
            cx.entities = counted;
            read_alone(cx, unit.kind, raw, at, unit.first + i)?;
        }
    }
    Some(())
}

/// One entity on the fast path; nothing is kept when it gives up.
fn read_one<'t>(cx: &mut Cx<'t, '_>, kind: SectionKind, raw: &'t str) -> Option<()> {
    let mut de = serde_json::Deserializer::from_str(raw);
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
