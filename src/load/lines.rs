//! Turning byte offsets into 1-based line and column numbers, for the
//! parsers whose libraries report positions as byte offsets (TOML, JSON).

use super::node::Pos;
use crate::swar::zero_bytes;

/// How many bytes lie between two saved character counts. Counting the
/// characters of one block is cheap, and the table stays small (8 bytes per
/// block), even for a 100 MB file.
const BLOCK: usize = 256;

/// Line starts and character counts of one text, built once per file, so
/// each lookup costs a binary search plus at most one block of counting
/// (a minified JSON file can be one very long line, so counting from the
/// line start would make many lookups quadratic).
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset where each line starts; the first is always 0.
    line_starts: Vec<usize>,
    /// `chars_before_block[i]` is the number of characters in
    /// `text[..i * BLOCK]`. Empty when the text is all ASCII, where a byte
    /// offset already is a character offset.
    chars_before_block: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`; linear in its length.
    pub(crate) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        let chars_before_block = if text.is_ascii() {
            Vec::new()
        } else {
            let mut table = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut seen = 0;
            for block in bytes.chunks(BLOCK) {
                table.push(seen);
                seen += count_chars(block);
            }
            table.push(seen);
            table
        };
        Self {
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// The line and column (both 1-based, the column in characters) of the
    /// character at `byte_offset`. An offset past the end gives the position
    /// just after the last character; one inside a multi-byte character gives
    /// that character's position.
    pub(crate) fn pos(&self, byte_offset: usize) -> Pos {
        let offset = self.floor_char_boundary(byte_offset);
        // `line_starts[0] == 0`, so at least one start is <= offset.
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self
            .line_starts
            .get(line.wrapping_sub(1))
            .copied()
            .unwrap_or(0);
        let column = self.chars_before(offset) - self.chars_before(line_start) + 1;
        Pos::new(saturate(line), saturate(column))
    }

    /// The position of the character at a 1-based line and a 1-based column
    /// counted in bytes (how serde_json reports errors). Out-of-range values
    /// are clamped to the text.
    pub(crate) fn pos_of_byte_column(&self, line: usize, byte_column: usize) -> Pos {
        let Some(&line_start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.pos(self.text.len());
        };
        self.pos(line_start.saturating_add(byte_column.saturating_sub(1)))
    }

    /// The largest character boundary not after `offset`, within the text.
    fn floor_char_boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// How many characters `text[..offset]` holds; `offset` must be a char
    /// boundary within the text.
    fn chars_before(&self, offset: usize) -> usize {
        if self.chars_before_block.is_empty() {
            return offset;
        }
        let block = offset / BLOCK;
        let block_start = block * BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        base + count_chars(&self.text.as_bytes()[block_start..offset])
    }
}

/// Lines and columns for byte offsets that arrive in document order, as a
/// one-pass reader produces them: each lookup counts only the bytes since
/// the previous one, so a whole file costs one scan and no table. An offset
/// before the previous one restarts the count from the top (correct, only
/// slower).
#[derive(Clone)]
pub(crate) struct LineCursor<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The offset of the previous lookup.
    offset: usize,
    /// 1-based line of `offset`.
    line: usize,
    /// Characters between the start of that line and `offset`.
    column_chars: usize,
    /// Where `text` starts in its file: `(1, 0)` for a whole file, further
    /// on for a piece of one (see [`LineCursor::resume`]).
    start: (usize, usize),
}

impl<'a> LineCursor<'a> {
    /// Steps up to this many bytes long are counted byte by byte.
    const SHORT: usize = 256;

    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
            column_chars: 0,
            start: (1, 0),
        }
    }

    /// A cursor at the start of `text`, a piece of a file that starts at
    /// `at` in it: the positions it gives are the file's.
    pub(crate) fn resume(text: &'a str, at: Pos) -> Self {
        let start = (at.line as usize, (at.column as usize).saturating_sub(1));
        Self {
            text,
            bytes: text.as_bytes(),
            offset: 0,
            line: start.0,
            column_chars: start.1,
            start,
        }
    }

    /// The line and column (both 1-based, the column in characters) of the
    /// byte at `offset`, which must start a character; the same answer as
    /// [`LineIndex::pos`].
    pub(crate) fn pos(&mut self, offset: usize) -> Pos {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            *self = Self {
                offset: 0,
                line: self.start.0,
                column_chars: self.start.1,
                ..*self
            };
        }
        let gap = &self.bytes[self.offset..offset];
        // Most steps are short (from one field to the next): one pass over
        // the bytes, eight at a time, beats setting up three vectorised scans.
        if gap.len() <= Self::SHORT {
            // Nearly every step is plain ASCII on one line: told in one pass
            // with no branch per word, counted as its length.
            if plain_ascii(gap) {
                self.column_chars += gap.len();
                self.offset = offset;
                return Pos::new(saturate(self.line), saturate(self.column_chars + 1));
            }
            let mut words = gap.chunks_exact(8);
            for word in &mut words {
                let mut bytes = [0; 8];
                bytes.copy_from_slice(word);
                self.step_word(u64::from_le_bytes(bytes));
            }
            for &b in words.remainder() {
                if b == b'\n' {
                    self.line += 1;
                    self.column_chars = 0;
                } else if (b & 0xC0) != 0x80 {
                    self.column_chars += 1;
                }
            }
            self.offset = offset;
            return Pos::new(saturate(self.line), saturate(self.column_chars + 1));
        }
        match memchr::memrchr(b'\n', gap) {
            None => self.column_chars += self.chars_between(self.offset, offset),
            Some(last) => {
                self.line += memchr::memchr_iter(b'\n', gap).count();
                self.column_chars = self.chars_between(self.offset + last + 1, offset);
            }
        }
        self.offset = offset;
        Pos::new(saturate(self.line), saturate(self.column_chars + 1))
    }
}

impl LineCursor<'_> {
    /// The characters of `text[from..to]`, counted by the standard
    /// library's word-at-a-time count when the range falls on character
    /// boundaries (it does for the offsets a parser hands out): a long
    /// step, such as the outline's from one unit of entities to the next,
    /// can span megabytes.
    fn chars_between(&self, from: usize, to: usize) -> usize {
        match self.text.get(from..to) {
            Some(text) => text.chars().count(),
            None => count_chars(self.bytes.get(from..to).unwrap_or_default()),
        }
    }

    /// Counts eight bytes (read little-endian, so the first byte is the
    /// lowest) at once: their newlines, and the characters after the last.
    fn step_word(&mut self, word: u64) {
        const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
        const TOP2: u64 = 0xC0C0_C0C0_C0C0_C0C0;
        const CONTINUATION: u64 = HIGH_BITS;
        let newlines = zero_bytes(word ^ NEWLINES);
        // `count_ones` is a dozen instructions on baseline x86-64 (no POPCNT),
        // so the common cases avoid it: ASCII words, and one newline.
        if newlines == 0 {
            self.column_chars += if word & CONTINUATION == 0 {
                8
            } else {
                8 - zero_bytes((word & TOP2) ^ CONTINUATION).count_ones() as usize
            };
            return;
        }
        self.line += if newlines & (newlines - 1) == 0 {
            1
        } else {
            newlines.count_ones() as usize
        };
        let continuations = zero_bytes((word & TOP2) ^ CONTINUATION);
        // Bytes after the last newline: above its flag bit, in whole bytes.
        let last = 63 - newlines.leading_zeros();
        let after = u64::MAX.checked_shl(last + 1).unwrap_or(0);
        let chars_after = (!LOW7 & after).count_ones() - (continuations & after).count_ones();
        self.column_chars = chars_after as usize;
    }
}

/// A line break in each byte of a word.
const NEWLINES: u64 = 0x0A0A_0A0A_0A0A_0A0A;
/// The top bit of each byte of a word: set in every byte that is not ASCII.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Whether `bytes` holds no line break and nothing but ASCII.
fn plain_ascii(bytes: &[u8]) -> bool {
    let mut words = bytes.chunks_exact(8);
    let mut flagged = 0u64;
    for word in &mut words {
        let mut b = [0; 8];
        b.copy_from_slice(word);
        let w = u64::from_le_bytes(b);
        flagged |= (w & HIGH_BITS) | zero_bytes(w ^ NEWLINES);
    }
    flagged == 0
        && words
            .remainder()
            .iter()
            .all(|&b| b.is_ascii() && b != b'\n')
}

/// Counts UTF-8 characters by counting the bytes that start one (every byte
/// that is not a continuation byte `0b10xx_xxxx`).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Converts a count to `u32`, saturating for absurdly large files.
fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_lines_and_columns() {
        let index = LineIndex::new("ab\ncd\n\nx");
        assert_eq!(index.pos(0), Pos::new(1, 1));
        assert_eq!(index.pos(1), Pos::new(1, 2));
        assert_eq!(index.pos(2), Pos::new(1, 3)); // the newline itself
        assert_eq!(index.pos(3), Pos::new(2, 1));
        assert_eq!(index.pos(6), Pos::new(3, 1));
        assert_eq!(index.pos(7), Pos::new(4, 1));
        assert_eq!(index.pos(8), Pos::new(4, 2)); // end of text
        assert_eq!(index.pos(1000), Pos::new(4, 2)); // past the end
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é: ü\n日本: x";
        let index = LineIndex::new(text);
        let u = text.find('ü').expect("present");
        assert_eq!(index.pos(u), Pos::new(1, 4));
        // Inside the two-byte `ü`: its own position.
        assert_eq!(index.pos(u + 1), Pos::new(1, 4));
        let x = text.find('x').expect("present");
        assert_eq!(index.pos(x), Pos::new(2, 5));
    }

    #[test]
    fn long_non_ascii_line_uses_blocks() {
        // Several blocks on one line, mixing one- to four-byte characters.
        let unit = "a€😀ß ";
        let text = unit.repeat(500);
        let index = LineIndex::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(index.pos(byte), Pos::new(1, chars as u32 + 1));
        }
    }

    #[test]
    fn byte_columns_from_serde_json() {
        let index = LineIndex::new("{\n  \"é\": x\n}");
        // serde_json says line 2, byte column 9 for `x` (é is 2 bytes).
        assert_eq!(index.pos_of_byte_column(2, 9), Pos::new(2, 8));
        assert_eq!(index.pos_of_byte_column(2, 0), Pos::new(2, 1));
        assert_eq!(index.pos_of_byte_column(99, 1), Pos::new(3, 2));
    }

    #[test]
    fn empty_text() {
        let index = LineIndex::new("");
        assert_eq!(index.pos(0), Pos::new(1, 1));
        assert_eq!(index.pos(5), Pos::new(1, 1));
    }

    #[test]
    fn cursor_counts_every_mix_of_newlines_and_multibyte_characters() {
        // Every position of a newline and of a two-byte character inside a
        // word, in steps of one to twenty bytes.
        let pieces = ["a", "\n", "é", "日", "\n\n", "bc"];
        let mut text = String::new();
        for i in 0..3000 {
            text.push_str(pieces[i * 7 % pieces.len()]);
            text.push_str(pieces[i * 11 % pieces.len()]);
        }
        let index = LineIndex::new(&text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for step in 1..20 {
            let mut cursor = LineCursor::new(&text);
            for &offset in offsets.iter().step_by(step) {
                assert_eq!(cursor.pos(offset), index.pos(offset), "offset {offset}");
            }
        }
    }

    #[test]
    fn plain_ascii_is_told_apart_from_a_line_break_or_a_wide_character_anywhere() {
        for len in 0..40 {
            let plain = "x".repeat(len);
            assert!(super::plain_ascii(plain.as_bytes()), "{len}");
            for at in 0..len {
                for odd in ["\n", "é"] {
                    let mut text = plain.clone();
                    text.replace_range(at..=at, odd);
                    assert!(
                        !super::plain_ascii(text.as_bytes()),
                        "{odd:?} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn cursor_agrees_with_the_index_on_short_and_long_steps() {
        let mut text = String::new();
        for i in 0..200 {
            text.push_str(&"é日x".repeat(i % 7));
            text.push_str(&" ".repeat(i * 3 % 600));
            text.push('\n');
        }
        let index = LineIndex::new(&text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for step in [1, 2, 5, 37, 300, 1000] {
            let mut cursor = LineCursor::new(&text);
            for &offset in offsets.iter().step_by(step) {
                assert_eq!(
                    cursor.pos(offset),
                    index.pos(offset),
                    "offset {offset}, step {step}"
                );
            }
            // Backwards restarts from the top and still agrees.
            assert_eq!(cursor.pos(0), index.pos(0));
        }
    }
}
