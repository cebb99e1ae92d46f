//! What a goal-style check concluded about a text, kept for the next entity
//! with the same text.
//!
//! Orgs written from templates repeat their key results and objective
//! titles word for word ("Raise week-1 retention from 31% to 38%" in a
//! hundred teams), and reading a sentence costs about a microsecond while
//! looking one up costs a few dozen nanoseconds. The verdict depends on the
//! text alone, so a repeated text is read once per run. The memo borrows
//! its texts from the model and holds one entry (a pointer, a length and
//! the verdict, a few dozen bytes) per distinct text, for one check's run.
//! Only texts up to [`MAX_KEY_LEN`] bytes are kept: longer ones are rarely
//! repeated, and hashing them costs about as much as reading them.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// Texts longer than this are read every time rather than kept.
const MAX_KEY_LEN: usize = 256;

/// A verdict per distinct text, for the length of one check's run.
pub(crate) struct ByText<'m, V> {
    seen: HashMap<&'m str, V, crate::graph::IdHasher>,
}

impl<'m, V> ByText<'m, V> {
    /// An empty memo.
    pub(crate) fn new() -> Self {
        Self {
            seen: HashMap::default(),
        }
    }

    /// The verdict for `text`: the one kept for an equal text, else
    /// `read(text)`, kept when the text is short enough to be worth it.
    pub(crate) fn get(&mut self, text: &'m str, read: impl FnOnce(&str) -> V) -> V
    where
        V: Clone,
    {
        if text.len() > MAX_KEY_LEN {
            return read(text);
        }
        // One hash and one probe for both the look-up and the insert.
        match self.seen.entry(text) {
            Entry::Occupied(seen) => seen.get().clone(),
            Entry::Vacant(slot) => slot.insert(read(text)).clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ByText;

    #[test]
    fn reads_each_distinct_text_once() {
        let mut reads = 0;
        let mut memo = ByText::new();
        for text in ["a", "b", "a", "a", "b"] {
            let v = memo.get(text, |t| {
                reads += 1;
                t.len()
            });
            assert_eq!(v, 1);
        }
        assert_eq!(reads, 2);
    }

    #[test]
    fn reads_long_texts_every_time() {
        let long = "x".repeat(super::MAX_KEY_LEN + 1);
        let mut reads = 0;
        let mut memo = ByText::new();
        for _ in 0..3 {
            memo.get(&long, |_| reads += 1);
        }
        assert_eq!(reads, 3);
    }
}
