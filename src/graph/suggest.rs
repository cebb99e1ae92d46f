//! "Did you mean" for dangling references, fast on a million ids.

use petgraph::graph::NodeIndex;

use super::OrgGraph;
use super::edges::Want;
use super::ids::IdIndex;
use crate::diagnostic::did_you_mean;
use crate::model::{EntityKind, ORGANIZATION};

/// Finds the closest existing id for a dangling one. Small models compare
/// against every id of the wanted kind; large ones only against the ids of
/// that kind that sort next to the word, forwards and backwards, which
/// catches typos at either end while keeping each look-up logarithmic. One
/// index serves every kind of reference: sorting a million ids is the cost
/// here, so it is paid once, the two orders on two threads.
pub(super) struct Suggester<'m> {
    /// Every id (and `organization`), sorted.
    forward: Vec<(&'m str, NodeIndex)>,
    /// The same, ordered by their characters read backwards; empty for
    /// small models.
    backward: Vec<(&'m str, NodeIndex)>,
}

/// The first 32 bytes of an id as four integers, zero-padded: sorting a
/// million ids that share long prefixes (`team-payments-…`) by `memcmp`
/// costs a call per comparison, while these compare in a few instructions
/// and decide the order of every id up to 32 bytes long. Ties fall back to
/// the whole id. Four `u64`s rather than two `u128`s: the key with its id's
/// index is then 40 bytes instead of 64 (`u128` is 16-aligned), and the
/// sort moves less.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey([u64; 4]);

impl SortKey {
    fn new(id: &str) -> Self {
        let bytes = id.as_bytes();
        let mut key = [0u8; 32];
        let n = bytes.len().min(32);
        key[..n].copy_from_slice(&bytes[..n]);
        Self::from_array(key)
    }

    /// The key of `id` read backwards: its last 32 bytes, last byte first.
    fn reversed(id: &str) -> Self {
        let bytes = id.as_bytes();
        let mut key = [0u8; 32];
        let n = bytes.len().min(32);
        key[..n].copy_from_slice(&bytes[bytes.len() - n..]);
        key[..n].reverse();
        Self::from_array(key)
    }

    fn from_array(key: [u8; 32]) -> Self {
        let mut words = [0u64; 4];
        for (word, chunk) in words.iter_mut().zip(key.chunks_exact(8)) {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(chunk);
            *word = u64::from_be_bytes(bytes);
        }
        Self(words)
    }
}

/// Compares two ids read backwards (the order of their reversed strings).
fn cmp_reversed(a: &str, b: &str) -> std::cmp::Ordering {
    a.bytes().rev().cmp(b.bytes().rev())
}

impl<'m> Suggester<'m> {
    const FULL_SCAN: usize = 20_000;
    const WINDOW: usize = 32;
    /// How far a look-up walks from the word's place to find `WINDOW` ids of
    /// the wanted kind, so that a rare kind among many others stays cheap.
    const MAX_STEPS: usize = 4096;

    /// The ids the index holds: every id a reference can name, from the
    /// graph's id index and the organisation's node. Needs nothing else of
    /// the graph, so it can run while the graph is still being built.
    pub(super) fn ids(index: &IdIndex<'m>, org: NodeIndex) -> Vec<(&'m str, NodeIndex)> {
        // No reference field names a key result: leaving them out makes the
        // sorts about half as long.
        let mut all: Vec<(&'m str, NodeIndex)> = index
            .iter()
            .filter(|(_, found)| found.kind != EntityKind::KeyResult)
            .map(|(id, found)| (id, found.node))
            .collect();
        all.push((ORGANIZATION, org));
        all
    }

    /// The index of `all` (from [`Self::ids`]).
    pub(super) fn from_ids(mut all: Vec<(&'m str, NodeIndex)>) -> Self {
        if all.len() <= Self::FULL_SCAN {
            all.sort_unstable();
            return Self {
                forward: all,
                backward: Vec::new(),
            };
        }
        let mut orders = crate::parallel::map(
            &[false, true],
            crate::parallel::threads(2),
            None,
            |&reversed| {
                if reversed {
                    Self::by_reversed(&all)
                } else {
                    Self::sorted(&all)
                }
            },
        );
        let backward = orders.pop().unwrap_or_default();
        let forward = orders.pop().unwrap_or_default();
        Self { forward, backward }
    }

    /// `ids` ordered by their bytes read backwards.
    fn by_reversed(ids: &[(&'m str, NodeIndex)]) -> Vec<(&'m str, NodeIndex)> {
        Self::ordered(ids, SortKey::reversed, cmp_reversed)
    }

    /// `ids` in the order of their bytes.
    fn sorted(ids: &[(&'m str, NodeIndex)]) -> Vec<(&'m str, NodeIndex)> {
        Self::ordered(ids, SortKey::new, |a, b| a.cmp(b))
    }

    /// `ids` sorted by `key`, ties broken by `tie`: the keys are sorted with
    /// the index of their id, and the ids then picked in that order.
    fn ordered(
        ids: &[(&'m str, NodeIndex)],
        key: fn(&str) -> SortKey,
        tie: fn(&str, &str) -> std::cmp::Ordering,
    ) -> Vec<(&'m str, NodeIndex)> {
        let mut keyed: Vec<(SortKey, usize)> = ids
            .iter()
            .enumerate()
            .map(|(i, &(id, _))| (key(id), i))
            .collect();
        keyed.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| tie(ids[a.1].0, ids[b.1].0)));
        keyed.into_iter().map(|(_, i)| ids[i]).collect()
    }

    pub(super) fn suggest(&self, g: &OrgGraph<'m>, word: &str, want: Want) -> Option<&'m str> {
        let accepts = |n: NodeIndex| want.accepts(g.graph[n].kind());
        if self.backward.is_empty() {
            let candidates = self
                .forward
                .iter()
                .filter(|(_, n)| accepts(*n))
                .map(|(id, _)| *id);
            return did_you_mean(word, candidates);
        }
        let mut near: Vec<&'m str> = Vec::with_capacity(4 * Self::WINDOW);
        let at = self.forward.partition_point(|(id, _)| *id < word);
        Self::around(&self.forward, at, &accepts, &mut near);
        let at = self
            .backward
            .partition_point(|(id, _)| cmp_reversed(id, word).is_lt());
        Self::around(&self.backward, at, &accepts, &mut near);
        // Sorted so that ties between equally close ids break the same way every run.
        near.sort_unstable();
        near.dedup();
        did_you_mean(word, near)
    }

    /// Up to `WINDOW` accepted ids on each side of `at`.
    fn around(
        list: &[(&'m str, NodeIndex)],
        at: usize,
        accepts: &impl Fn(NodeIndex) -> bool,
        out: &mut Vec<&'m str>,
    ) {
        let accepted = |&(id, n): &(&'m str, NodeIndex)| accepts(n).then_some(id);
        let before = list[..at].iter().rev().take(Self::MAX_STEPS);
        out.extend(before.filter_map(accepted).take(Self::WINDOW));
        let after = list[at..].iter().take(Self::MAX_STEPS);
        out.extend(after.filter_map(accepted).take(Self::WINDOW));
    }
}

#[cfg(test)]
mod tests {
    use petgraph::graph::NodeIndex;

    use super::Suggester;

    #[test]
    fn the_keyed_sorts_order_as_the_ids_and_their_reversals_compare() {
        // Ids sharing long prefixes and suffixes, longer and shorter than the
        // 32 bytes a key holds, and one that is a prefix of another.
        let mut owned: Vec<String> = Vec::new();
        for i in 0..300u32 {
            let n = i.wrapping_mul(2_654_435_761) % 1000;
            owned.push(format!("team-payments-{n}"));
            owned.push(format!("prod-a-very-long-shared-product-line-name-{n}-api"));
            owned.push(format!("{n}-x"));
        }
        owned.push("team".to_owned());
        owned.push("team-payments-1".to_owned());
        owned.sort();
        owned.dedup();
        let ids: Vec<(&str, NodeIndex)> = owned
            .iter()
            .rev()
            .enumerate()
            .map(|(i, id)| (id.as_str(), NodeIndex::new(i)))
            .collect();
        let forward: Vec<&str> = Suggester::sorted(&ids).iter().map(|(id, _)| *id).collect();
        let mut expected: Vec<&str> = ids.iter().map(|(id, _)| *id).collect();
        expected.sort_unstable();
        assert_eq!(forward, expected);
        let backward: Vec<&str> = Suggester::by_reversed(&ids)
            .iter()
            .map(|(id, _)| *id)
            .collect();
        expected.sort_unstable_by(|a, b| a.bytes().rev().cmp(b.bytes().rev()));
        assert_eq!(backward, expected);
        // Each id keeps its node.
        let sorted = Suggester::sorted(&ids);
        assert!(sorted.iter().all(|entry| ids.contains(entry)));
    }
}
