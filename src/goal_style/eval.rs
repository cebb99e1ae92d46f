//! The fixed development / held-out split used to measure the classifier.
//!
//! A row is held out when the 64-bit FNV-1a hash of its text (the exact UTF-8 bytes of the
//! `text` column) is divisible by 5, which holds out about 20% of rows. The rule depends on
//! the text only, so adding rows never moves existing rows between the parts. Tune on the
//! development part only; report the held-out figures.

/// 64-bit FNV-1a hash of `bytes`.
#[must_use]
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether a labelled row with this text belongs to the held-out part.
///
/// ```
/// use opmodel::goal_style::eval::is_holdout;
/// // deterministic: the same text always lands in the same part
/// assert_eq!(is_holdout("NPS 55"), is_holdout("NPS 55"));
/// ```
#[must_use]
pub fn is_holdout(text: &str) -> bool {
    fnv1a64(text.as_bytes()).is_multiple_of(5)
}
