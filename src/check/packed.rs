//! [`Block`]: findings as a sink keeps them until the linter sorts them.
//!
//! A [`Diagnostic`] is a struct of about 250 bytes with a heap block for
//! its message, one for a help text made for it, one for its list of
//! related entities and one for each label. A check of a big org keeps a
//! hundred thousand of them while the model and the graph are in memory,
//! so the sink writes them into blocks of bytes instead, a few thousand
//! findings one after another (texts, ids and places), with each help
//! text that is the same for every finding of the check kept once beside
//! them. The linter unpacks the findings once the graph is gone.
//!
//! The findings of one check are worded alike, and a check meets the
//! entities in order, so a message or help text often starts like the one
//! before it (`product `prod-checkout-web-00` has no decision right for
//! …`): a packed text only keeps what differs from the previous finding's,
//! which packing and unpacking both keep in a [`Previous`]. Each block
//! starts afresh.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::model::{EntityKind, EntityRef, Id};
use crate::source::{FileId, Location};

/// Findings of one check packed one after another (see the module docs):
/// a sink fills one block after another, and the linter unpacks each
/// block in order.
#[derive(Debug, Default)]
pub(crate) struct Block {
    /// Every finding's bytes, one after another.
    bytes: Vec<u8>,
    /// Where each finding starts in `bytes`.
    starts: Vec<usize>,
    /// The borrowed help texts, each once; a finding with one names it by
    /// its place here.
    helps: Vec<&'static str>,
    /// The check name left out of the findings that carry it.
    stamp: Option<&'static str>,
    /// The texts of the finding packed last.
    previous: Previous,
}

// What follows the fixed fields: the help as written in `bytes`.
const HELP_NONE: u8 = 0;
const HELP_OWNED: u8 = 1;
const HELP_BORROWED: u8 = 2;

/// How many different borrowed help texts a block names by their place;
/// past that a help is written out like an owned one.
const MAX_HELPS: usize = 64;

/// The texts of the finding packed or unpacked just before, which the next
/// one is written against (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct Previous {
    message: String,
    help: String,
}

impl Block {
    /// An empty block with room for `findings` findings, for those of the
    /// check named `stamp` (whose findings all carry that name).
    pub(crate) fn with_capacity(findings: usize, stamp: Option<&'static str>) -> Self {
        Self {
            bytes: Vec::new(),
            starts: Vec::with_capacity(findings),
            helps: Vec::new(),
            stamp,
            previous: Previous::default(),
        }
    }

    /// How many findings the block holds.
    pub(crate) fn len(&self) -> usize {
        self.starts.len()
    }

    /// How many findings the block has room for.
    #[cfg(test)]
    pub(crate) fn capacity(&self) -> usize {
        self.starts.capacity()
    }

    /// Packs `d` after the findings already in the block.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.starts.push(self.bytes.len());
        let mut w = Writer(&mut self.bytes);
        let stamped = self.stamp.is_some_and(|s| d.check == s);
        w.byte(u8::from(!stamped));
        if !stamped {
            w.text(&d.check);
        }
        w.byte(severity_code(d.severity));
        w.entity(&d.entity);
        w.text_after(&d.message, &mut self.previous.message);
        let borrowed = match &d.help {
            Some(Cow::Borrowed(help)) => match self.helps.iter().position(|h| h == help) {
                Some(at) => Some(at),
                None if self.helps.len() < MAX_HELPS => {
                    self.helps.push(help);
                    Some(self.helps.len() - 1)
                }
                None => None,
            },
            _ => None,
        };
        match (&d.help, borrowed) {
            (None, _) => w.byte(HELP_NONE),
            (Some(_), Some(at)) => {
                w.byte(HELP_BORROWED);
                w.number(at);
            }
            (Some(help), None) => {
                w.byte(HELP_OWNED);
                w.text_after(help, &mut self.previous.help);
            }
        }
        w.location(d.location);
        match &d.focus {
            Some(focus) => {
                w.byte(1);
                w.label(focus);
            }
            None => w.byte(0),
        }
        w.number(d.labels.len());
        d.labels.iter().for_each(|l| w.label(l));
        w.number(d.related.len());
        d.related.iter().for_each(|e| w.entity(e));
        w.number(d.more_related);
        w.number(d.more_labels);
    }

    /// Gives back the room the block did not fill: no more findings go in.
    pub(crate) fn close(&mut self) {
        self.bytes.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.previous = Previous::default();
    }

    /// Every finding of the block again, in order.
    pub(crate) fn unpack(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        let mut previous = Previous::default();
        let ends = self
            .starts
            .iter()
            .skip(1)
            .copied()
            .chain([self.bytes.len()]);
        self.starts.iter().zip(ends).map(move |(&start, end)| {
            let bytes = self.bytes.get(start..end).unwrap_or_default();
            self.unpack_one(bytes, &mut previous)
        })
    }

    /// The finding at `index`, when the one before it (if any) was the last
    /// unpacked with `previous`: findings are packed against the one before
    /// them, so a block is read in order. `None` past the end.
    pub(crate) fn unpack_at(&self, index: usize, previous: &mut Previous) -> Option<Diagnostic> {
        let start = *self.starts.get(index)?;
        let end = self
            .starts
            .get(index + 1)
            .copied()
            .unwrap_or(self.bytes.len());
        Some(self.unpack_one(self.bytes.get(start..end)?, previous))
    }

    /// The finding packed into `bytes`, after `previous` (which it becomes).
    fn unpack_one(&self, bytes: &[u8], previous: &mut Previous) -> Diagnostic {
        let mut r = Reader(bytes);
        let check: Cow<'static, str> = if r.byte() == 0 {
            Cow::Borrowed(self.stamp.unwrap_or_default())
        } else {
            Cow::Owned(r.text())
        };
        let severity = severity_of(r.byte());
        let entity = r.entity();
        let message = r.text_after(&mut previous.message);
        let help = match r.byte() {
            HELP_OWNED => Some(Cow::Owned(r.text_after(&mut previous.help))),
            HELP_BORROWED => self.helps.get(r.number()).copied().map(Cow::Borrowed),
            _ => None,
        };
        let location = r.location();
        let focus = (r.byte() != 0).then(|| r.label());
        let labels = (0..r.number()).map(|_| r.label()).collect();
        let related = (0..r.number()).map(|_| r.entity()).collect();
        let more_related = r.number();
        let more_labels = r.number();
        Diagnostic {
            check,
            severity,
            entity,
            message,
            help,
            location,
            focus,
            labels,
            related,
            more_related,
            more_labels,
        }
    }
}

fn severity_code(s: Severity) -> u8 {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

fn severity_of(code: u8) -> Severity {
    match code {
        1 => Severity::Warning,
        2 => Severity::Note,
        _ => Severity::Error,
    }
}

/// Every kind in the order of its code.
const KINDS: [EntityKind; 11] = [
    EntityKind::Team,
    EntityKind::Product,
    EntityKind::Outcome,
    EntityKind::Objective,
    EntityKind::KeyResult,
    EntityKind::Decision,
    EntityKind::Organization,
    EntityKind::File,
    EntityKind::Person,
    EntityKind::Stage,
    EntityKind::Cadence,
];

fn kind_code(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Team => 0,
        EntityKind::Product => 1,
        EntityKind::Outcome => 2,
        EntityKind::Objective => 3,
        EntityKind::KeyResult => 4,
        EntityKind::Decision => 5,
        EntityKind::Organization => 6,
        EntityKind::File => 7,
        EntityKind::Person => 8,
        EntityKind::Stage => 9,
        EntityKind::Cadence => 10,
    }
}

/// How many bytes `s` shares with the start of `previous`, and how many
/// of the rest with the end of `previous`: both at character boundaries,
/// and not overlapping in either text.
fn shared_ends(s: &str, previous: &str) -> (usize, usize) {
    let (a, b) = (s.as_bytes(), previous.as_bytes());
    let mut head = common_prefix(a, b);
    while !s.is_char_boundary(head) {
        head -= 1;
    }
    // The end is looked for in what the start left.
    let (a_rest, b_rest) = (
        a.get(head..).unwrap_or_default(),
        b.get(head..).unwrap_or_default(),
    );
    let mut tail = common_suffix(a_rest, b_rest);
    // Equal bytes: a boundary in `s` is one in `previous` too.
    while !s.is_char_boundary(a.len() - tail) {
        tail -= 1;
    }
    (head, tail)
}

/// How many bytes `a` and `b` share at their start, compared eight at a
/// time: every finding is compared with the one before it.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let differ = word(x) ^ word(y);
        if differ != 0 {
            // Little-endian: the first byte is the lowest.
            return same + (differ.trailing_zeros() / 8) as usize;
        }
        same += 8;
    }
    let rest = a.iter().zip(b).skip(same);
    same + rest.take_while(|(x, y)| x == y).count()
}

/// How many bytes `a` and `b` share at their end, compared eight at a time.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let mut same = 0;
    for (x, y) in a.rchunks_exact(8).zip(b.rchunks_exact(8)) {
        let differ = word(x) ^ word(y);
        if differ != 0 {
            // Little-endian: the last byte is the highest.
            return same + (differ.leading_zeros() / 8) as usize;
        }
        same += 8;
    }
    let rest = a.iter().rev().zip(b.iter().rev()).skip(same);
    same + rest.take_while(|(x, y)| x == y).count()
}

/// Eight bytes as one little-endian number.
fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]))
}

/// `value - base` with its sign in the lowest bit, so that small distances
/// either way are small numbers. The difference wraps around `u32`, so
/// every pair of values comes back, on any pointer width.
fn zigzag(value: u32, base: u32) -> usize {
    // The wrapped difference read as signed: a reinterpretation, not a loss.
    let d = value.wrapping_sub(base) as i32;
    ((d << 1) ^ (d >> 31)) as u32 as usize
}

/// The value [`zigzag`] made from `base`.
fn unzigzag(n: usize, base: u32) -> u32 {
    // A number `zigzag` wrote fits in `u32`; a larger one is a corrupt
    // block, which cannot happen, and any value is as good as another.
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    let d = (n >> 1) ^ (n & 1).wrapping_neg();
    base.wrapping_add(d)
}

struct Writer<'a>(&'a mut Vec<u8>);

impl Writer<'_> {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    /// `n` in seven-bit groups, the lowest first.
    fn number(&mut self, n: usize) {
        let mut n = n as u64;
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn text(&mut self, s: &str) {
        self.number(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }

    /// `s` as the lengths of what it shares with the start and with the
    /// end of `previous`, and the middle between them; `previous` becomes
    /// `s`. Findings of a check are worded alike, so the start (up to the
    /// first id) and the end (the advice after the last one) are most of
    /// the text.
    fn text_after(&mut self, s: &str, previous: &mut String) {
        let (head, tail) = shared_ends(s, previous);
        self.number(head);
        self.number(tail);
        self.text(s.get(head..s.len() - tail).unwrap_or_default());
        previous.clear();
        previous.push_str(s);
    }

    fn entity(&mut self, e: &EntityRef) {
        self.byte(kind_code(e.kind));
        self.text(&e.id);
    }

    fn location(&mut self, l: Option<Location>) {
        match l {
            None => self.byte(0),
            Some(l) => {
                self.byte(1);
                self.place(l);
            }
        }
    }

    /// A place; its end as the distance from its start, which is small
    /// for nearly every span (an id, an entity of a few lines).
    fn place(&mut self, l: Location) {
        for n in [l.file.number(), l.line, l.column] {
            self.number(n as usize);
        }
        self.number(zigzag(l.end_line, l.line));
        self.number(zigzag(l.end_column, l.column));
    }

    fn label(&mut self, l: &Label) {
        self.place(l.location);
        self.text(&l.message);
    }
}

/// Reads what a [`Writer`] wrote. The bytes are always the sink's own, so
/// running out cannot happen; if it did, the rest would read as empty.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn number(&mut self) -> usize {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        usize::try_from(n).unwrap_or(usize::MAX)
    }

    fn u32(&mut self) -> u32 {
        u32::try_from(self.number()).unwrap_or(u32::MAX)
    }

    fn str(&mut self) -> &str {
        let len = self.number().min(self.0.len());
        let (text, rest) = self.0.split_at(len);
        self.0 = rest;
        std::str::from_utf8(text).unwrap_or_default()
    }

    fn text(&mut self) -> String {
        self.str().to_owned()
    }

    /// What [`Writer::text_after`] wrote; `previous` becomes it.
    fn text_after(&mut self, previous: &mut String) -> String {
        let head = self.number();
        let tail = self.number();
        let start = previous.get(..head).unwrap_or_default();
        let end = previous
            .len()
            .checked_sub(tail)
            .and_then(|at| previous.get(at..))
            .unwrap_or_default();
        let middle = self.str();
        // Made at its exact size: the report keeps it.
        let mut text = String::with_capacity(start.len() + middle.len() + end.len());
        text.push_str(start);
        text.push_str(middle);
        text.push_str(end);
        previous.clear();
        previous.push_str(&text);
        text
    }

    fn entity(&mut self) -> EntityRef {
        let kind = KINDS
            .get(usize::from(self.byte()))
            .copied()
            .unwrap_or(EntityKind::Organization);
        EntityRef {
            kind,
            id: Id::new(self.str()),
        }
    }

    fn location(&mut self) -> Option<Location> {
        (self.byte() != 0).then(|| self.place())
    }

    fn place(&mut self) -> Location {
        let file = FileId::at(self.u32());
        let line = self.u32();
        let column = self.u32();
        let end_line = unzigzag(self.number(), line);
        let end_column = unzigzag(self.number(), column);
        Location {
            file,
            line,
            column,
            end_line,
            end_column,
        }
    }

    fn label(&mut self) -> Label {
        let location = self.place();
        Label {
            location,
            message: self.text(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32) -> Option<Location> {
        Some(Location::point(FileId::at(3), line, 7).to(line + 1, 300))
    }

    #[test]
    fn unpacks_to_the_same_findings() {
        let plain = Diagnostic::new(
            "idle-team",
            EntityRef::new(EntityKind::Team, "a"),
            "team `a` is idle",
        );
        let mut full = Diagnostic::new(
            Cow::Owned("my-check".to_owned()),
            EntityRef::new(EntityKind::KeyResult, "obj-a-very-long-objective-id#12"),
            "é".repeat(200),
        )
        .with_help(format!("do {}", "x".repeat(150)))
        .at(at(200_000))
        .with_focus(at(4), "here")
        .with_label(at(5), "there")
        .with_label(at(6), "")
        .with_related(EntityKind::Product, "p")
        .with_related(EntityKind::Cadence, "c");
        full.severity = Severity::Warning;
        full.more_related = 300;
        full.more_labels = 1;
        let mut alike = full.clone();
        alike.message = format!("{}ü and more", "é".repeat(120));
        alike.help = Some(Cow::Owned(format!("do {}", "y".repeat(10))));
        let borrowed = plain.clone().with_help("the same for all");
        let other = plain.clone().with_help("another");
        let findings = [
            plain.clone(),
            borrowed.clone(),
            full.clone(),
            Diagnostic {
                check: Cow::Borrowed("idle-team"),
                ..full.clone()
            },
            alike,
            other,
            full,
            borrowed.clone(),
            plain,
        ];
        for stamp in [None, Some("idle-team")] {
            let mut block = Block::with_capacity(2, stamp);
            findings.iter().for_each(|d| block.push(d.clone()));
            block.close();
            assert_eq!(block.len(), findings.len());
            let back: Vec<Diagnostic> = block.unpack().collect();
            assert_eq!(back, findings);
            // A borrowed help stays borrowed, kept once for the block.
            assert!(matches!(
                back[7].help,
                Some(Cow::Borrowed("the same for all"))
            ));
            assert_eq!(block.helps, ["the same for all", "another"]);
            assert!(!block.bytes.windows(4).any(|w| w == b"same"));
            // What a finding shares with the one before is not kept again.
            let fourth = block.starts[4] - block.starts[3];
            assert!(fourth < 150, "{fourth}");
        }
    }

    #[test]
    fn past_the_limit_borrowed_helps_are_written_out() {
        let helps: Vec<&'static str> = (0..MAX_HELPS + 2)
            .map(|n| &*String::leak(format!("help {n}")))
            .collect();
        let mut block = Block::with_capacity(0, None);
        let findings: Vec<Diagnostic> = helps
            .iter()
            .map(|h| Diagnostic::new("c", EntityRef::new(EntityKind::Team, "a"), "m").with_help(*h))
            .collect();
        findings.iter().for_each(|d| block.push(d.clone()));
        assert_eq!(block.helps.len(), MAX_HELPS);
        assert_eq!(block.unpack().collect::<Vec<_>>(), findings);
    }

    #[test]
    fn every_kind_and_severity_comes_back() {
        use strum::IntoEnumIterator;
        for kind in EntityKind::iter() {
            assert_eq!(KINDS.get(usize::from(kind_code(kind))), Some(&kind));
        }
        for s in [Severity::Error, Severity::Warning, Severity::Note] {
            assert_eq!(severity_of(severity_code(s)), s);
        }
    }

    #[test]
    fn shared_ends_agree_with_comparing_byte_by_byte() {
        let slow = |a: &str, b: &str| -> (usize, usize) {
            let (x, y) = (a.as_bytes(), b.as_bytes());
            let mut head = x.iter().zip(y).take_while(|(p, q)| p == q).count();
            while !a.is_char_boundary(head) {
                head -= 1;
            }
            let room = x.len().min(y.len()) - head;
            let same = |(p, q): &(&u8, &u8)| p == q;
            let mut tail = x
                .iter()
                .rev()
                .zip(y.iter().rev())
                .take(room)
                .take_while(same)
                .count();
            while !a.is_char_boundary(x.len() - tail) {
                tail -= 1;
            }
            (head, tail)
        };
        let words = [
            "",
            "a",
            "é",
            "product ",
            "`web-player`",
            " has no owner",
            "ü",
            "0123456789abcdef",
        ];
        let mut texts = Vec::new();
        for x in words {
            for y in words {
                for z in words {
                    texts.push(format!("{x}{y}{z}"));
                }
            }
        }
        for a in &texts {
            for b in &texts {
                assert_eq!(shared_ends(a, b), slow(a, b), "{a:?} against {b:?}");
            }
        }
    }

    #[test]
    fn shared_ends_never_overlap_or_split_a_character() {
        assert_eq!(
            shared_ends("product `a` has none", "product `b` has none"),
            (9, 10)
        );
        // The end is looked for in what the start left.
        assert_eq!(shared_ends("aa", "aXa"), (1, 1));
        assert_eq!(shared_ends("aXa", "aa"), (1, 1));
        assert_eq!(shared_ends("abc", "abc"), (3, 0));
        assert_eq!(shared_ends("", "abc"), (0, 0));
        // `é` and `è` share their first byte, which is not a boundary.
        assert_eq!(shared_ends("xé", "xè"), (1, 0));
        assert_eq!(shared_ends("éx", "èx"), (0, 1));
    }

    #[test]
    fn texts_that_share_only_their_end_are_kept_short() {
        let advice = "write who decides it at the product or a unit above it";
        let findings: Vec<Diagnostic> = ["a", "bb", "ccc"]
            .iter()
            .map(|id| {
                Diagnostic::new(
                    "missing-decision-right",
                    EntityRef::new(EntityKind::Product, *id),
                    format!("`{id}` has no decision right for `budget-allocation`"),
                )
                .with_help(format!("{id}: {advice}"))
            })
            .collect();
        let mut block = Block::with_capacity(3, Some("missing-decision-right"));
        findings.iter().for_each(|d| block.push(d.clone()));
        block.close();
        assert_eq!(block.unpack().collect::<Vec<_>>(), findings);
        let third = block.bytes.len() - block.starts[2];
        assert!(third < 30, "{third}");
    }

    #[test]
    fn ends_before_starts_and_unknown_ends_come_back() {
        for (line, end_line) in [(7, 0), (7, 3), (0, u32::MAX), (u32::MAX, 0), (5, 5)] {
            let place = Location::point(FileId::at(2), line, 9).to(end_line, 1);
            assert_eq!(unzigzag(zigzag(end_line, line), line), end_line);
            let d =
                Diagnostic::new("c", EntityRef::new(EntityKind::Team, "a"), "m").at(Some(place));
            let mut block = Block::with_capacity(1, None);
            block.push(d.clone());
            assert_eq!(block.unpack().collect::<Vec<_>>(), [d]);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_end_comes_back_from_any_start(value: u32, base: u32) {
            proptest::prop_assert_eq!(unzigzag(zigzag(value, base), base), value);
            // A short distance either way is a number of one byte.
            if value.abs_diff(base) < 64 {
                proptest::prop_assert!(zigzag(value, base) < 128);
            }
        }

        #[test]
        fn any_texts_come_back(texts in proptest::collection::vec("[aé`b ]{0,12}", 1..8)) {
            let findings: Vec<Diagnostic> = texts
                .iter()
                .map(|t| Diagnostic::new("c", EntityRef::new(EntityKind::Team, "a"), t.clone()).with_help(t.repeat(2)))
                .collect();
            let mut block = Block::with_capacity(findings.len(), None);
            findings.iter().for_each(|d| block.push(d.clone()));
            proptest::prop_assert_eq!(block.unpack().collect::<Vec<_>>(), findings);
        }
    }
}
