//! The id index: every id of the model, and the node of its first
//! definition.
//!
//! A million ids make a table far larger than the caches, so filling it is
//! a cache miss per id. Large models split the table in two by a bit of
//! each id's hash and fill both halves at once, on two threads; each half
//! takes its ids in model order, so the first definition of an id is found
//! whichever thread is faster. Each id is hashed once, and a look-up
//! compares hashes before it compares ids.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

use petgraph::graph::NodeIndex;

use super::IdHasher;
use crate::model::EntityKind;

/// An id and its hash.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key<'m> {
    hash: u64,
    id: &'m str,
}

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Hands the hash a [`Key`] carries to the table as it is.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used by `Key`; anything else still hashes.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The node an id names, with its kind: resolving a reference checks the
/// kind, and reading it here saves a visit to the node (the kind fits in
/// what would otherwise be padding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub node: NodeIndex,
    pub kind: EntityKind,
}

type Shard<'m> = HashMap<Key<'m>, Found, BuildHasherDefault<Prehashed>>;

/// Every id → the node of its first definition.
#[derive(Default)]
pub(super) struct IdIndex<'m> {
    // Randomly seeded per process, like std's SipHash: ids in a file cannot
    // be crafted to collide.
    hasher: IdHasher,
    shards: Vec<Shard<'m>>,
}

impl std::fmt::Debug for IdIndex<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex").field("ids", &self.len()).finish()
    }
}

/// A node whose id was already taken, and the node that took it first.
pub(super) struct Taken {
    pub again: NodeIndex,
    pub first: NodeIndex,
}

impl<'m> IdIndex<'m> {
    /// Models smaller than this fill one table on one thread.
    const PARALLEL_FROM: usize = 50_000;

    /// Indexes `entries` (ids with their nodes, in model order). Returns the
    /// entries whose id an earlier entry already had, in model order.
    pub(super) fn build(entries: &[(&'m str, Found)]) -> (Self, Vec<Taken>) {
        let hasher = IdHasher::default();
        let threads = if entries.len() < Self::PARALLEL_FROM {
            1
        } else {
            crate::parallel::threads(2)
        };
        let parts: Vec<&[(&str, Found)]> = entries
            .chunks(entries.len().div_ceil(threads).max(1))
            .collect();
        let hashes: Vec<u64> = crate::parallel::map(&parts, threads, None, |part| {
            part.iter()
                .map(|(id, _)| hasher.hash_one(id))
                .collect::<Vec<u64>>()
        })
        .concat();
        let fill = |shard: usize| -> (Shard<'m>, Vec<Taken>) {
            let mut map =
                Shard::with_capacity_and_hasher(entries.len() / threads + 1, Default::default());
            let mut taken = Vec::new();
            for (&(id, found), &hash) in entries.iter().zip(&hashes) {
                if shard_of(hash, threads) != shard {
                    continue;
                }
                match map.entry(Key { hash, id }) {
                    Entry::Vacant(e) => {
                        e.insert(found);
                    }
                    Entry::Occupied(e) => taken.push(Taken {
                        again: found.node,
                        first: e.get().node,
                    }),
                }
            }
            (map, taken)
        };
        let shard_numbers: Vec<usize> = (0..threads).collect();
        let filled = crate::parallel::map(&shard_numbers, threads, None, |&s| fill(s));
        let mut shards = Vec::with_capacity(threads);
        let mut taken = Vec::new();
        for (shard, t) in filled {
            shards.push(shard);
            taken.extend(t);
        }
        taken.sort_unstable_by_key(|t| t.again);
        (Self { hasher, shards }, taken)
    }

    /// The node of the first definition of `id`.
    pub(super) fn get(&self, id: &str) -> Option<NodeIndex> {
        self.find(id).map(|f| f.node)
    }

    /// The node of the first definition of `id`, and its kind.
    pub(super) fn find(&self, id: &str) -> Option<Found> {
        let hash = self.hasher.hash_one(id);
        let shard: &Shard<'_> = self.shards.get(shard_of(hash, self.shards.len()))?;
        shard.get(&Key { hash, id }).copied()
    }

    /// How many ids it holds.
    pub(super) fn len(&self) -> usize {
        self.shards.iter().map(HashMap::len).sum()
    }
}

/// Which table holds `hash`: a bit the tables themselves do not use for
/// placing entries (they use the lowest bits and the highest seven).
fn shard_of(hash: u64, shards: usize) -> usize {
    if shards <= 1 {
        return 0;
    }
    ((hash >> 40) as usize) % shards
}

#[cfg(test)]
mod tests {
    use petgraph::graph::NodeIndex;

    use super::{Found, IdIndex};
    use crate::model::EntityKind;

    #[test]
    fn first_definitions_win_and_repeats_are_listed_in_model_order() {
        for size in [10, IdIndex::PARALLEL_FROM + 10] {
            let ids: Vec<String> = (0..size)
                .map(|i| format!("id-{}", i % (size - 3)))
                .collect();
            let entries: Vec<(&str, Found)> = ids
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let kind = [EntityKind::Team, EntityKind::Product][i % 2];
                    let node = NodeIndex::new(i + 1);
                    (id.as_str(), Found { node, kind })
                })
                .collect();
            let (index, taken) = IdIndex::build(&entries);
            assert_eq!(index.len(), size - 3);
            assert_eq!(index.get("id-0"), Some(NodeIndex::new(1)));
            assert_eq!(
                index.get(&format!("id-{}", size - 4)),
                Some(NodeIndex::new(size - 3))
            );
            assert_eq!(index.get("nope"), None);
            let found = index.find("id-1").map(|f| (f.node.index(), f.kind));
            assert_eq!(found, Some((2, EntityKind::Product)));
            let pairs: Vec<(usize, usize)> = taken
                .iter()
                .map(|t| (t.again.index(), t.first.index()))
                .collect();
            assert_eq!(pairs, vec![(size - 2, 1), (size - 1, 2), (size, 3)]);
        }
    }
}
