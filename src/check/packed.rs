//! [`Packed`]: a finding as a sink keeps it until the linter sorts it.
//!
//! A [`Diagnostic`] is a struct of about 250 bytes with a heap block for
//! its message, one for a help text made for it, one for its list of
//! related entities and one for each label. A check of a big org keeps a
//! hundred thousand of them while the model and the graph are in memory,
//! so the sink writes each one into a single block of bytes instead (its
//! texts, ids and places one after another) and keeps that, with a
//! help text that is the same for every finding of the check borrowed
//! beside it. The linter unpacks each finding once the graph is gone.
//!
//! The findings of one check are worded alike, and a check meets the
//! entities in order, so a message or help text often starts like the one
//! before it (`product `prod-checkout-web-00` has no decision right for
//! …`): a packed text only keeps what differs from the previous finding's,
//! which the sink and the linter both keep in a [`Previous`]. Each block
//! of findings starts afresh.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::model::{EntityKind, EntityRef, Id};
use crate::source::{FileId, Location};

/// One finding, packed (see the module docs).
#[derive(Clone, Debug)]
pub(crate) struct Packed {
    bytes: Box<[u8]>,
    /// The help when it is borrowed; an owned one is in `bytes`.
    help: Option<&'static str>,
}

// What follows the fixed fields: the help as written in `bytes`.
const HELP_NONE: u8 = 0;
const HELP_OWNED: u8 = 1;
const HELP_BORROWED: u8 = 2;

/// The texts of the finding packed or unpacked just before, which the next
/// one is written against (see the module docs).
#[derive(Debug, Default)]
pub(crate) struct Previous {
    message: String,
    help: String,
}

impl Packed {
    /// Packs `d`, after `previous` (which it becomes). Its check name is
    /// left out when it is `stamp` (every finding of a sink made for one
    /// check carries that check's name).
    pub(crate) fn pack(
        d: Diagnostic,
        stamp: Option<&'static str>,
        previous: &mut Previous,
    ) -> Self {
        let mut w = Writer(Vec::with_capacity(Self::size_hint(&d)));
        let stamped = stamp.is_some_and(|s| d.check == s);
        w.byte(u8::from(!stamped));
        if !stamped {
            w.text(&d.check);
        }
        w.byte(severity_code(d.severity));
        w.entity(&d.entity);
        w.text_after(&d.message, &mut previous.message);
        let help = match d.help {
            None => {
                w.byte(HELP_NONE);
                None
            }
            Some(Cow::Owned(help)) => {
                w.byte(HELP_OWNED);
                w.text_after(&help, &mut previous.help);
                None
            }
            Some(Cow::Borrowed(help)) => {
                w.byte(HELP_BORROWED);
                Some(help)
            }
        };
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
        Self {
            bytes: w.0.into_boxed_slice(),
            help,
        }
    }

    /// About how many bytes `d` packs into, so that the block is made once.
    fn size_hint(d: &Diagnostic) -> usize {
        let help = match &d.help {
            Some(Cow::Owned(h)) => h.len() + 2,
            _ => 0,
        };
        let label = |l: &Label| l.message.len() + 24;
        16 + d.entity.id.len()
            + d.message.len()
            + help
            + 21
            + d.focus.as_ref().map_or(0, label)
            + d.labels.iter().map(label).sum::<usize>()
            + d.related.iter().map(|e| e.id.len() + 3).sum::<usize>()
    }

    /// The finding again, after `previous` (which it becomes); `stamp` is
    /// the name it was packed under.
    pub(crate) fn unpack(
        &self,
        stamp: Option<&'static str>,
        previous: &mut Previous,
    ) -> Diagnostic {
        let mut r = Reader(&self.bytes);
        let check: Cow<'static, str> = if r.byte() == 0 {
            Cow::Borrowed(stamp.unwrap_or_default())
        } else {
            Cow::Owned(r.text())
        };
        let severity = severity_of(r.byte());
        let entity = r.entity();
        let message = r.text_after(&mut previous.message);
        let help = match r.byte() {
            HELP_OWNED => Some(Cow::Owned(r.text_after(&mut previous.help))),
            HELP_BORROWED => self.help.map(Cow::Borrowed),
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

struct Writer(Vec<u8>);

impl Writer {
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

    /// `s` as the length of what it shares with the start of `previous`
    /// and the rest; `previous` becomes `s`.
    fn text_after(&mut self, s: &str, previous: &mut String) {
        let mut shared = s
            .bytes()
            .zip(previous.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !s.is_char_boundary(shared) {
            shared -= 1;
        }
        self.number(shared);
        self.text(s.get(shared..).unwrap_or_default());
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

    fn place(&mut self, l: Location) {
        for n in [l.file.0, l.line, l.column, l.end_line, l.end_column] {
            self.number(n as usize);
        }
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
        let shared = self.number();
        let mut text = String::with_capacity(shared.saturating_add(8));
        text.push_str(previous.get(..shared).unwrap_or_default());
        text.push_str(self.str());
        text.shrink_to_fit();
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
        Location {
            file: FileId(self.u32()),
            line: self.u32(),
            column: self.u32(),
            end_line: self.u32(),
            end_column: self.u32(),
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
        Some(Location::point(FileId(3), line, 7).to(line + 1, 300))
    }

    #[test]
    fn unpacks_to_the_same_finding() {
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
        let borrowed = plain.clone().with_help("the same for all");
        let mut alike = full.clone();
        alike.message = format!("{}ü and more", "é".repeat(120));
        alike.help = Some(Cow::Owned(format!("do {}", "y".repeat(10))));
        let findings = [
            (plain.clone(), None),
            (plain, Some("idle-team")),
            (full.clone(), None),
            (full.clone(), Some("idle-team")),
            (alike, Some("idle-team")),
            (full, Some("idle-team")),
            (borrowed.clone(), Some("idle-team")),
        ];
        // One after another, as a sink packs them and the linter unpacks them.
        let (mut packing, mut unpacking) = (Previous::default(), Previous::default());
        let packed: Vec<Packed> = findings
            .iter()
            .map(|(d, stamp)| Packed::pack(d.clone(), *stamp, &mut packing))
            .collect();
        for ((d, stamp), packed) in findings.iter().zip(&packed) {
            assert_eq!(&packed.unpack(*stamp, &mut unpacking), d);
        }
        // What a finding shares with the one before is not kept again.
        assert!(packed[3].bytes.len() < 150, "{}", packed[3].bytes.len());
        // A borrowed help stays borrowed: it is not copied per finding.
        let packed = Packed::pack(borrowed, Some("idle-team"), &mut Previous::default());
        assert!(matches!(
            packed
                .unpack(Some("idle-team"), &mut Previous::default())
                .help,
            Some(Cow::Borrowed("the same for all"))
        ));
        assert!(!packed.bytes.windows(4).any(|w| w == b"same"));
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
}
