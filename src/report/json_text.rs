//! JSON strings and numbers written straight into a buffer.
//!
//! A big report writes hundreds of megabytes of messages and ids, nearly
//! none of which need escaping; serde_json looks each byte up in a table,
//! this looks at sixteen at a time, copies the clean runs whole and, where
//! a word of eight bytes holds something to escape, goes straight to it by
//! the bits that flag it. The escapes are serde_json's, so the bytes are
//! the same.

use crate::swar::zero_bytes;

/// Appends `text` as a JSON string, quotes included.
pub(super) fn push_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    let bytes = text.as_bytes();
    // `clean` is where the run not yet copied starts.
    let mut clean = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes
            .get(i..i + BLOCK)
            .is_some_and(|block| !block_needs_escape(block))
        {
            i += BLOCK;
            continue;
        }
        let Some(word) = bytes.get(i..i + 8) else {
            // The short tail, byte by byte.
            for (at, &b) in bytes.iter().enumerate().skip(i) {
                if let Some(escape) = escape_of(b) {
                    out.extend_from_slice(&bytes[clean..at]);
                    push_escape(out, b, escape);
                    clean = at + 1;
                }
            }
            break;
        };
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        // Straight to each byte to escape, by the bits that flag them.
        let mut flags = escape_flags(u64::from_le_bytes(eight));
        while flags != 0 {
            // The flag of byte k is bit 8k + 7: the quotient is below 8.
            let at = i + (flags.trailing_zeros() / 8) as usize;
            if let Some((&b, escape)) = bytes.get(at).and_then(|b| Some((b, escape_of(*b)?))) {
                out.extend_from_slice(&bytes[clean..at]);
                push_escape(out, b, escape);
                clean = at + 1;
            }
            flags &= flags - 1;
        }
        i += 8;
    }
    out.extend_from_slice(&bytes[clean..]);
    out.push(b'"');
}

/// How many bytes [`block_needs_escape`] looks at at once.
const BLOCK: usize = 16;

/// Whether any of [`BLOCK`] bytes is a control character, `"` or `\\`:
/// one pass over a block of fixed size with no early exit, which the
/// compiler can do several bytes at a time (a little faster than two
/// words of [`escape_flags`]; the flags then find what to escape).
fn block_needs_escape(block: &[u8]) -> bool {
    let Ok(block) = <&[u8; BLOCK]>::try_from(block) else {
        return true;
    };
    let mut hit = false;
    for &b in block {
        hit |= (b < 0x20) | (b == b'"') | (b == b'\\');
    }
    hit
}

/// Appends `n` in decimal. A report writes three or four numbers for every
/// finding (its place), so this uses `itoa`, which writes two digits per
/// step from a table.
pub(super) fn push_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The top bit of each of eight bytes that is a control character, `"` or
/// `\\`, and nothing else.
fn escape_flags(word: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const TOP: u64 = 0x8080_8080_8080_8080;
    const QUOTES: u64 = 0x2222_2222_2222_2222;
    const BACKSLASHES: u64 = 0x5C5C_5C5C_5C5C_5C5C;
    // A byte below 0x20 has its top bit clear and stays below 0x80 when
    // 0x60 is added to its low seven bits (which cannot carry into the
    // next byte), so each flag is exact.
    let below_space = !((word & LOW7).wrapping_add(0x6060_6060_6060_6060)) & !word & TOP;
    below_space | zero_bytes(word ^ QUOTES) | zero_bytes(word ^ BACKSLASHES)
}

/// How a byte is escaped: `Some(letter)` for `\b \t \n \f \r \" \\`,
/// `Some(b'u')` for the other control characters, `None` when it is kept.
fn escape_of(b: u8) -> Option<u8> {
    match b {
        0x08 => Some(b'b'),
        b'\t' => Some(b't'),
        b'\n' => Some(b'n'),
        0x0C => Some(b'f'),
        b'\r' => Some(b'r'),
        b'"' => Some(b'"'),
        b'\\' => Some(b'\\'),
        0x00..=0x1F => Some(b'u'),
        _ => None,
    }
}

fn push_escape(out: &mut Vec<u8>, b: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    if escape == b'u' {
        out.extend_from_slice(b"\\u00");
        out.push(HEX[usize::from(b >> 4)]);
        out.push(HEX[usize::from(b & 0xF)]);
    } else {
        out.push(b'\\');
        out.push(escape);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{push_str, push_u32};

    fn ours(text: &str) -> String {
        let mut out = Vec::new();
        push_str(&mut out, text);
        String::from_utf8(out).expect("UTF-8 in, UTF-8 out")
    }

    #[test]
    fn every_byte_escapes_as_serde_json_escapes_it() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            // At every position of a word, and in a short tail.
            for at in 0..(2 * super::BLOCK + 1) {
                let text = format!("{}{c}{}", "a".repeat(at), "é".repeat(5));
                let serde = serde_json::to_string(&text).expect("a string");
                assert_eq!(ours(&text), serde, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn bytes_above_ascii_are_never_escaped_wherever_they_fall() {
        // Continuation bytes 0x80..=0x9F have the low bits of control
        // characters; U+0080, U+0140 and U+011F are made of them.
        for at in 0..(2 * super::BLOCK + 1) {
            for tail in ["\u{80}\u{140}\u{11F}", "\u{11F}\"\u{80}\\\n\u{140}"] {
                let text = format!("{}{tail}{}", "a".repeat(at), "\u{9F}".repeat(9));
                let serde = serde_json::to_string(&text).expect("a string");
                assert_eq!(ours(&text), serde, "{text:?}");
            }
        }
    }

    #[test]
    fn numbers() {
        for n in [0, 7, 10, 99, 12_345, u32::MAX] {
            let mut out = Vec::new();
            push_u32(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }

    proptest! {
        #[test]
        fn any_text_escapes_as_serde_json_escapes_it(text in "(?s).{0,80}", tail in "[\"\\\\\u{0}-\u{1f}a-z]{0,20}") {
            let text = text + &tail;
            prop_assert_eq!(ours(&text), serde_json::to_string(&text).expect("a string"));
        }
    }
}
