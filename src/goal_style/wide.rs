//! Reading a key result's bytes 8 or 16 at a time.
//!
//! The tokenizer and the lexicon spend most of their time on per-byte tests and on
//! packing words into lookup keys. With the text copied into a zero-padded buffer, both
//! become a few wide loads: zero bytes end every word, and no load runs off the end.

/// Texts up to this many bytes are copied into the padded buffer; longer ones are read
/// in place, with slower reads near their end.
const CAP: usize = 240;

/// Zero bytes after the text in a padded buffer: one full 16-byte load.
const PAD: usize = 16;

/// Storage for [`padded`].
pub(crate) type PadBuf = [u8; CAP + PAD];

/// An empty [`PadBuf`].
pub(crate) const fn pad_buf() -> PadBuf {
    [0; CAP + PAD]
}

/// `text` followed by at least [`PAD`] zero bytes (copied into `buf`, which must be all
/// zeros as [`pad_buf`] makes it), or `text` itself when it is too long to copy.
///
/// Readers treat bytes past the text as zero, which no word contains.
pub(crate) fn padded<'a>(text: &'a [u8], buf: &'a mut PadBuf) -> &'a [u8] {
    match buf.get_mut(..text.len()).filter(|_| text.len() <= CAP) {
        Some(head) => {
            head.copy_from_slice(text);
            buf
        }
        None => text,
    }
}

/// The 16 bytes of `src` from `s` on as a big-endian integer, zero-filled past the end of
/// `src`. `None` if `s` is out of range.
#[inline]
pub(crate) fn load16(src: &[u8], s: usize) -> Option<u128> {
    if let Some(w) = src.get(s..).and_then(<[u8]>::first_chunk::<PAD>) {
        return Some(u128::from_be_bytes(*w));
    }
    // near the end of a text read in place: load the last 16 bytes and shift
    let ws = src.len().checked_sub(PAD)?;
    let w = <[u8; PAD]>::try_from(src.get(ws..)?).ok()?;
    let skip = u32::try_from(s.checked_sub(ws)?).ok()?;
    u128::from_be_bytes(w).checked_shl(8 * skip)
}

/// The number of ASCII letters and digits in `src` from byte `i` on.
#[inline]
pub(crate) fn alnum_run(src: &[u8], i: usize) -> usize {
    let mut j = i;
    while let Some(w) = src.get(j..).and_then(<[u8]>::first_chunk::<8>) {
        let n = (not_alnum(u64::from_le_bytes(*w)).trailing_zeros() / 8) as usize;
        j += n;
        if n < 8 {
            return j - i;
        }
    }
    while src.get(j).is_some_and(u8::is_ascii_alphanumeric) {
        j += 1;
    }
    j - i
}

/// The high bit of every byte of `x` that is not an ASCII letter or digit.
///
/// With the high bits cleared first, adding `0x80 - c` to a byte sets its high bit
/// exactly when the byte is at least `c`, and never carries into the next byte.
#[inline]
fn not_alnum(x: u64) -> u64 {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let at_least = |v: u64, c: u8| v.wrapping_add(u64::from_ne_bytes([0x80 - c; 8]));
    let y = x & !HIGH;
    let digit = at_least(y, b'0') & !at_least(y, b'9' + 1);
    // setting 0x20 lowercases letters and maps no other byte into `a..=z`
    let z = y | u64::from_ne_bytes([0x20; 8]);
    let letter = at_least(z, b'a') & !at_least(z, b'z' + 1);
    !((digit | letter) & !x) & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_alnum_agrees_with_the_byte_test() {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = b;
                let got = not_alnum(u64::from_le_bytes(w)) & 0x80 << (8 * pos) != 0;
                assert_eq!(got, !b.is_ascii_alphanumeric(), "byte {b} at {pos}");
            }
        }
    }

    #[test]
    fn runs_and_loads_stop_at_the_text_end() {
        let mut buf = pad_buf();
        let src = padded(b"Sign-ups rose", &mut buf);
        assert_eq!(alnum_run(src, 0), 4);
        assert_eq!(alnum_run(src, 5), 3);
        assert_eq!(alnum_run(src, 9), 4);
        assert_eq!(
            load16(src, 9),
            Some(u128::from_be_bytes(*b"rose\0\0\0\0\0\0\0\0\0\0\0\0"))
        );
        let long = [b'x'; CAP + 3];
        let src = padded(&long, &mut buf);
        assert_eq!(src.len(), CAP + 3);
        assert_eq!(alnum_run(src, CAP - 5), 8);
        assert_eq!(
            load16(src, CAP + 1),
            Some(u128::from_be_bytes(*b"xx\0\0\0\0\0\0\0\0\0\0\0\0\0\0"))
        );
    }
}
