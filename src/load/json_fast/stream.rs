//! A big JSON file read in pieces, never held whole.
//!
//! The split reader (see `split`) outlines a text in memory. For a file of
//! a hundred megabytes that text is as big as the model built from it, and
//! both are alive at the end of the load. Here the file is read a block at
//! a time instead, and outlined as it comes: each unit's text is copied out
//! of the block it is in and handed to the readers, and the bytes before it
//! are let go. Only the units in flight and the block being read are in
//! memory besides the model.
//!
//! The outline only finds where things start and end: the top-level table,
//! its keys, the sections' lists and the extent of each item (brackets
//! counted outside strings). Whether an item is valid JSON is for the
//! reader of its unit to find, as it parses it; anything off the fast path
//! (a key it does not know, bytes that are not JSON between items, an item
//! that does not parse) gives the file up, and the caller reads it whole
//! and the general way, which reports what is wrong.

use std::borrow::Cow;
use std::io::Read;
use std::ops::Range;

use super::split::{self, Outlet, Top};
use super::{LoadOptions, SectionKind};
use crate::diagnostic::Diagnostic;
use crate::load::node::Pos;
use crate::model::Model;
use crate::source::FileId;

/// Bytes asked of the reader at a time.
pub(super) const BLOCK: usize = 1 << 20;

/// Reads the JSON org file `reader` gives in blocks of `block` bytes, in
/// units of `chunk` entities on `threads` threads; `None` gives the file up
/// (see the module docs).
pub(super) fn read(
    reader: &mut dyn Read,
    file: FileId,
    path: &str,
    options: &LoadOptions,
    chunk: usize,
    threads: usize,
    block: usize,
) -> Option<(Model, Vec<Diagnostic>)> {
    let mut scanner = Scanner {
        reader,
        block: block.max(1),
        max_depth: options.max_depth,
        buf: Vec::new(),
        base: 0,
        at: 0,
        eof: false,
        pin: None,
        counted: 0,
        line: 1,
        column: 0,
    };
    split::run(file, path, options, chunk, threads, |outlet| {
        scanner.outline(outlet)
    })
}

/// The outline of a file as it is read (see the module docs).
struct Scanner<'r> {
    reader: &'r mut dyn Read,
    block: usize,
    max_depth: usize,
    /// The bytes read and still needed.
    buf: Vec<u8>,
    /// The file offset of `buf[0]`.
    base: usize,
    /// The next byte to look at, in `buf`.
    at: usize,
    eof: bool,
    /// The file offset from which bytes are still needed (the unit being
    /// cut); `None` when only what follows `at` is.
    pin: Option<usize>,
    /// The file offset up to which lines and characters are counted.
    counted: usize,
    /// The line of `counted` (1-based).
    line: usize,
    /// The characters between the start of that line and `counted`.
    column: usize,
}

/// The top level's keys that may come once each, as bits.
const VERSION: u32 = 1;
const ORGANIZATION: u32 = 2;
const SCHEMA: u32 = 4;

impl Scanner<'_> {
    /// The file offset of `at`.
    fn offset(&self) -> usize {
        self.base + self.at
    }

    /// The position of the file offset `counted`.
    fn pos(&self) -> Pos {
        let saturate = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos::new(saturate(self.line), saturate(self.column + 1))
    }

    /// Reads the next block, letting go of the bytes nothing needs any
    /// more; `false` at the end of the file (or when it cannot be read:
    /// the outline then gives up, and reading the file again reports why).
    fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let keep = self.pin.unwrap_or(self.offset()).min(self.counted);
        let done = keep.saturating_sub(self.base).min(self.at);
        if done > 0 {
            self.buf.drain(..done);
            self.base += done;
            self.at -= done;
        }
        let old = self.buf.len();
        self.buf.resize(old + self.block, 0);
        loop {
            let read = match self.buf.get_mut(old..) {
                Some(room) => self.reader.read(room),
                None => Ok(0),
            };
            match read {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Ok(n) if n > 0 => {
                    self.buf.truncate(old + n);
                    return true;
                }
                _ => {
                    self.buf.truncate(old);
                    self.eof = true;
                    return false;
                }
            }
        }
    }

    /// The next byte, read if need be; `None` at the end of the file.
    fn peek(&mut self) -> Option<u8> {
        if self.at >= self.buf.len() && !self.fill() {
            return None;
        }
        self.buf.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Steps over `byte`, or gives up.
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Counts the lines and characters of the bytes up to file offset `to`
    /// (already read, and text: between items only ASCII is let through,
    /// and items are checked as UTF-8 before they are counted).
    fn count_to(&mut self, to: usize) {
        let from = self.counted.saturating_sub(self.base);
        let bytes = self
            .buf
            .get(from..to.saturating_sub(self.base))
            .unwrap_or_default();
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count();
        match memchr::memrchr(b'\n', bytes) {
            None => self.column += chars(bytes),
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', bytes).count();
                self.column = chars(bytes.get(last + 1..).unwrap_or_default());
            }
        }
        self.counted = self.counted.max(to);
    }

    /// A key of the top-level table: plain ASCII, no escapes (no key the
    /// fast path knows needs one).
    fn key(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut key = String::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(key);
                }
                b @ 0x20..=0x7E if b != b'\\' && key.len() < 32 => {
                    key.push(char::from(b));
                    self.at += 1;
                }
                _ => return None,
            }
        }
    }

    /// Steps over one value: a string, a table or list (its brackets
    /// counted outside strings, no deeper than the nesting limit) or a
    /// scalar (up to the next delimiter).
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.at += 1;
                self.skip_nested(0, true)
            }
            b'{' | b'[' => self.skip_nested(0, false),
            _ => {
                let start = self.offset();
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.at += 1;
                }
                (self.offset() > start).then_some(())
            }
        }
    }

    /// Steps on until the brackets opened (`depth`, and a string when
    /// `in_string`) are closed.
    fn skip_nested(&mut self, mut depth: usize, mut in_string: bool) -> Option<()> {
        // An escape's backslash was the last byte of a block: its
        // character is the first of the next.
        let mut escaped = false;
        loop {
            if self.at >= self.buf.len() && !self.fill() {
                return None;
            }
            if escaped {
                self.at += 1;
                escaped = false;
                continue;
            }
            if in_string {
                let rest = self.buf.get(self.at..).unwrap_or_default();
                match memchr::memchr2(b'"', b'\\', rest) {
                    None => self.at = self.buf.len(),
                    Some(i) if rest.get(i) == Some(&b'\\') => {
                        self.at += i + 1;
                        escaped = true;
                    }
                    Some(i) => {
                        self.at += i + 1;
                        in_string = false;
                        if depth == 0 {
                            return Some(());
                        }
                    }
                }
                continue;
            }
            let byte = self.buf.get(self.at).copied()?;
            self.at += 1;
            match byte {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > self.max_depth {
                        return None;
                    }
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => {}
            }
        }
    }

    /// The text of the bytes from file offset `start` to `at`, checked as
    /// UTF-8 and counted.
    fn take(&mut self, start: usize) -> Option<String> {
        let end = self.offset();
        let bytes = self.buf.get(start.checked_sub(self.base)?..self.at)?;
        let text = std::str::from_utf8(bytes).ok()?.to_owned();
        self.count_to(end);
        Some(text)
    }

    /// One value of the top-level table, copied, with where it starts.
    fn capture(&mut self) -> Option<(String, Pos)> {
        let start = self.offset();
        self.count_to(start);
        let at = self.pos();
        self.pin = Some(start);
        self.skip_value()?;
        let text = self.take(start)?;
        self.pin = None;
        Some((text, at))
    }

    /// After an entry of a table or list that ends with `close`: `true`
    /// past a `,` (another entry follows), `false` past `close`, `None` at
    /// anything else.
    fn more(&mut self, close: u8) -> Option<bool> {
        self.skip_whitespace();
        let byte = self.peek()?;
        self.at += 1;
        if byte == b',' {
            self.skip_whitespace();
            Some(true)
        } else {
            (byte == close).then_some(false)
        }
    }

    /// The whole file: a table of sections (see the module docs).
    fn outline<'t>(&mut self, outlet: &mut Outlet<'_, 't>) -> Option<Top<'t>> {
        // A byte-order mark is not part of the text.
        while self.buf.len() < 3 && self.fill() {}
        if self.buf.starts_with(b"\xEF\xBB\xBF") {
            self.buf.drain(..3);
        }
        let mut top = Top::default();
        let mut seen = 0u32;
        let mut once = |bit: u32| {
            let first = seen & bit == 0;
            seen |= bit;
            first.then_some(())
        };
        self.skip_whitespace();
        self.expect(b'{')?;
        self.skip_whitespace();
        if self.peek()? == b'}' {
            self.at += 1;
        } else {
            loop {
                let key = self.key()?;
                self.skip_whitespace();
                self.expect(b':')?;
                self.skip_whitespace();
                match key.as_str() {
                    "version" => {
                        once(VERSION)?;
                        top.version = Some(Cow::Owned(self.capture()?.0));
                    }
                    "$schema" => {
                        once(SCHEMA)?;
                        let (text, _) = self.capture()?;
                        serde_json::from_str::<String>(&text).ok()?;
                    }
                    "organization" => {
                        once(ORGANIZATION)?;
                        let (text, at) = self.capture()?;
                        top.organization = Some((Cow::Owned(text), at));
                    }
                    key => {
                        let kind = SectionKind::of_key(key)?;
                        once(8 << kind as u32)?;
                        self.section(outlet, kind)?;
                        outlet.close(kind)?;
                    }
                }
                if !self.more(b'}')? {
                    break;
                }
            }
        }
        self.skip_whitespace();
        self.peek().is_none().then_some(top)
    }

    /// One section's value, `null` or a list, its items sent in units.
    fn section<'t>(&mut self, outlet: &mut Outlet<'_, 't>, kind: SectionKind) -> Option<()> {
        if self.peek()? != b'[' {
            let (text, _) = self.capture()?;
            return (text == "null").then_some(());
        }
        self.at += 1;
        self.skip_whitespace();
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        let chunk = outlet.chunk;
        let mut unit = Cut {
            first: 0,
            start: 0,
            at: Pos::UNKNOWN,
            items: Vec::new(),
        };
        loop {
            let start = self.offset();
            if unit.items.is_empty() {
                self.count_to(start);
                unit.start = start;
                unit.at = self.pos();
                self.pin = Some(start);
            }
            self.skip_value()?;
            let end = self.offset();
            unit.items.push(start - unit.start..end - unit.start);
            if unit.items.len() == chunk {
                self.send(outlet, kind, &mut unit)?;
            }
            if !self.more(b']')? {
                break;
            }
        }
        if !unit.items.is_empty() {
            // The unit ends with its last item, before the `]`.
            let end = unit.start + unit.items.last()?.end;
            let past = self.at;
            self.at = end.checked_sub(self.base)?;
            self.send(outlet, kind, &mut unit)?;
            self.at = past;
        }
        Some(())
    }

    /// Sends the unit that ends at `at` and starts a new one.
    fn send<'t>(
        &mut self,
        outlet: &mut Outlet<'_, 't>,
        kind: SectionKind,
        unit: &mut Cut,
    ) -> Option<()> {
        let text = self.take(unit.start)?;
        self.pin = None;
        let items = std::mem::replace(&mut unit.items, Vec::with_capacity(outlet.chunk));
        let count = items.len();
        outlet.send(kind, unit.first, Cow::Owned(text), items, unit.at)?;
        unit.first += count;
        Some(())
    }
}

/// The unit being cut from a section.
struct Cut {
    /// The place of its first item in the section.
    first: usize,
    /// The file offset of its first item.
    start: usize,
    /// Where that item starts.
    at: Pos,
    /// Where each item is, from `start`.
    items: Vec<Range<usize>>,
}
