//! Eight bytes at a time: the bit tricks the line cursor and the JSON
//! writer share.

/// The top bit of each byte of `x` that is zero, and nothing else. Exact,
/// unlike the shorter `(x - 0x01..) & !x & 0x80..`, which also flags a
/// 0x01 byte above a zero byte.
pub(crate) fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7)
}

#[cfg(test)]
mod tests {
    use super::zero_bytes;

    #[test]
    fn flags_exactly_the_zero_bytes() {
        for (word, flags) in [
            (0u64, 0x8080_8080_8080_8080u64),
            (0x0100, 0x8080_8080_8080_0080),
            (0x0001_0000_FF00_0001, 0x8000_8080_0080_8000),
            (u64::MAX, 0),
        ] {
            assert_eq!(zero_bytes(word), flags, "{word:#x}");
        }
    }
}
