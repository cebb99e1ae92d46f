//! The id index: every id of the model, and the node of its first
//! definition.
//!
//! A million ids make a table far larger than the caches, so filling it is
//! a cache miss per id. Large models split the table in two by a bit of
//! each id's hash and fill both halves at once, on two threads; each half
//! takes its ids in model order, so the first definition of an id is found
//! whichever thread is faster. Each id is hashed once, by the graph
//! builder as it adds the id's node.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table;
use petgraph::graph::NodeIndex;

use super::IdHasher;
use crate::model::{EntityKind, Model};

/// The node an id names, with its kind: resolving a reference checks the
/// kind, and reading it here saves a visit to the node (the kind fits in
/// what would otherwise be padding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub node: NodeIndex,
    pub kind: EntityKind,
}

/// Where an entity's id is written in the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Place {
    pub kind: EntityKind,
    /// The entity's position in the list of its kind; a key result's is its
    /// objective's.
    pub at: u32,
    /// A key result's position among its objective's; 0 for other kinds.
    pub nth: u32,
}

impl Place {
    /// The id written there.
    pub(super) fn id(self, model: &Model) -> Option<&str> {
        let at = self.at as usize;
        let id = match self.kind {
            EntityKind::Team => &model.teams.get(at)?.id,
            EntityKind::Product => &model.products.get(at)?.id,
            EntityKind::Outcome => &model.outcomes.get(at)?.id,
            EntityKind::Objective => &model.objectives.get(at)?.id,
            EntityKind::KeyResult => {
                let objective = model.objectives.get(at)?;
                &objective.key_results.get(self.nth as usize)?.id
            }
            EntityKind::Person => &model.people.get(at)?.id,
            EntityKind::Stage => &model.lifecycle.get(at)?.id,
            EntityKind::Cadence => &model.cadences.get(at)?.id,
            _ => return None,
        };
        Some(id.as_str())
    }
}

/// An entity to index: its node and where its id is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Entry {
    pub node: NodeIndex,
    pub place: Place,
}

impl Entry {
    fn found(self) -> Found {
        Found {
            node: self.node,
            kind: self.place.kind,
        }
    }
}

/// The ids of the indexed entities, back to back, and where each node's id
/// lies among them.
///
/// Look-ups compare against this dense copy (about ten bytes an id) rather
/// than against the entity in the model: on a million entities the model is
/// hundreds of megabytes, and reading an id there was a cache miss per
/// look-up, the largest single cost of building the graph.
///
/// The text is kept in chunks of [`IdText::CHUNK`] nodes' ids, each trimmed
/// when the next begins: one long string would double as it grew, copying
/// itself and briefly holding three times the ids.
#[derive(Default)]
pub(super) struct IdText {
    chunks: Vec<String>,
    /// Where each node's id ends in its chunk; it starts where the previous
    /// node's ends, or at 0 for the first node of a chunk. A node that is
    /// not indexed has an empty span.
    ends: Vec<usize>,
}

impl IdText {
    /// How many nodes' ids share a chunk.
    const CHUNK: usize = 4096;

    /// Room for the ids of `nodes` nodes.
    pub(super) fn with_capacity(nodes: usize) -> Self {
        Self {
            chunks: Vec::with_capacity(nodes / Self::CHUNK + 1),
            ends: Vec::with_capacity(nodes),
        }
    }

    /// Records `id` as the id of `node`. Nodes come in increasing order;
    /// one that does not is ignored (a builder's bug, not the input's).
    pub(super) fn push(&mut self, node: NodeIndex, id: &str) {
        let n = node.index();
        if self.ends.len() > n {
            debug_assert!(false, "node {n} indexed out of order");
            return;
        }
        while self.chunks.len() <= n / Self::CHUNK {
            if let Some(full) = self.chunks.last_mut() {
                full.shrink_to_fit();
            }
            self.chunks.push(String::new());
        }
        while self.ends.len() < n {
            let skipped = self.ends.len();
            let end = self.start(skipped);
            self.ends.push(end);
        }
        let Some(chunk) = self.chunks.last_mut() else {
            return;
        };
        if chunk.capacity() == 0 {
            // About what a chunk of short ids takes, so that most chunks
            // are sized once.
            chunk.reserve(Self::CHUNK * 16);
        }
        chunk.push_str(id);
        self.ends.push(chunk.len());
    }

    /// Where node `n`'s id starts in its chunk.
    fn start(&self, n: usize) -> usize {
        if n.is_multiple_of(Self::CHUNK) {
            0
        } else {
            self.ends.get(n - 1).copied().unwrap_or(0)
        }
    }

    /// The id recorded for `node`; `None` past the last recorded node.
    pub(super) fn get(&self, node: NodeIndex) -> Option<&str> {
        let n = node.index();
        let end = *self.ends.get(n)?;
        self.chunks.get(n / Self::CHUNK)?.get(self.start(n)..end)
    }
}

/// Every id → the node of its first definition.
///
/// The table holds each id's node and kind (eight bytes), not the id: a
/// look-up is given the way to read a node's id. While the graph is built
/// that is an [`IdText`], dense and read in order; afterwards, when
/// look-ups are few, it is the model, and the text is let go of.
#[derive(Default)]
pub(super) struct IdIndex {
    // Randomly seeded per process, like std's SipHash: ids in a file cannot
    // be crafted to collide.
    hasher: IdHasher,
    shards: Vec<HashTable<Found>>,
}

impl std::fmt::Debug for IdIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdIndex").field("ids", &self.len()).finish()
    }
}

/// A node whose id was already taken, and the node that took it first.
pub(super) struct Taken {
    pub again: NodeIndex,
    pub first: NodeIndex,
}

impl IdIndex {
    /// Models smaller than this fill one table on one thread.
    const PARALLEL_FROM: usize = 50_000;

    /// Indexes `entries` (entities with their nodes, in model order), whose
    /// ids `text` holds and `hasher` hashed to `hashes`. Returns the entries
    /// whose id an earlier entry already had, in model order.
    pub(super) fn build(
        text: &IdText,
        hasher: IdHasher,
        entries: &[Entry],
        hashes: &[u64],
    ) -> (Self, Vec<Taken>) {
        let threads = if entries.len() < Self::PARALLEL_FROM {
            1
        } else {
            crate::parallel::threads(2)
        };
        let id_of = |node: NodeIndex| text.get(node).unwrap_or_default();
        let fill = |shard: usize| -> (HashTable<Found>, Vec<Taken>) {
            let mut table = HashTable::with_capacity(entries.len() / threads + 1);
            let mut taken = Vec::new();
            for (entry, &hash) in entries.iter().zip(hashes) {
                if shard_of(hash, threads) != shard {
                    continue;
                }
                let id = id_of(entry.node);
                let same = |f: &Found| id_of(f.node) == id;
                match table.entry(hash, same, |f| hasher.hash_one(id_of(f.node))) {
                    hash_table::Entry::Vacant(slot) => {
                        slot.insert(entry.found());
                    }
                    hash_table::Entry::Occupied(first) => taken.push(Taken {
                        again: entry.node,
                        first: first.get().node,
                    }),
                }
            }
            (table, taken)
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
        let index = Self { hasher, shards };
        (index, taken)
    }

    /// The node of the first definition of `id`, where `id_of` reads the
    /// id of an indexed node.
    pub(super) fn get<'a>(
        &self,
        id: &str,
        id_of: impl Fn(NodeIndex) -> Option<&'a str>,
    ) -> Option<NodeIndex> {
        self.find(id, id_of).map(|f| f.node)
    }

    /// The node of the first definition of `id`, and its kind.
    pub(super) fn find<'a>(
        &self,
        id: &str,
        id_of: impl Fn(NodeIndex) -> Option<&'a str>,
    ) -> Option<Found> {
        let hash = self.hasher.hash_one(id);
        let shard = self.shards.get(shard_of(hash, self.shards.len()))?;
        shard.find(hash, |f| id_of(f.node) == Some(id)).copied()
    }

    /// Makes the id of `to.node` name `to` instead of the node it named;
    /// `id_of` reads the id of an indexed node. An id not in the index is
    /// left out.
    pub(super) fn repoint<'a>(&mut self, to: Found, id_of: impl Fn(NodeIndex) -> Option<&'a str>) {
        let Some(id) = id_of(to.node) else {
            return;
        };
        let hash = self.hasher.hash_one(id);
        let shards = self.shards.len();
        if let Some(shard) = self.shards.get_mut(shard_of(hash, shards))
            && let Some(slot) = shard.find_mut(hash, |f| id_of(f.node) == Some(id))
        {
            *slot = to;
        }
    }

    /// How many ids it holds.
    pub(super) fn len(&self) -> usize {
        self.shards.iter().map(HashTable::len).sum()
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

    use std::hash::BuildHasher;

    use super::{Entry, IdIndex, IdText, Place, Taken};
    use crate::graph::IdHasher;
    use crate::model::{EntityKind, KeyResult, Model, Objective, Product, Team};

    fn build(model: &Model, entries: &[Entry]) -> (IdIndex, Vec<Taken>, IdText) {
        let hasher = IdHasher::default();
        let id = |e: &Entry| e.place.id(model).expect("an entity");
        let mut text = IdText::with_capacity(entries.len() + 1);
        for e in entries {
            text.push(e.node, id(e));
        }
        let hashes: Vec<u64> = entries.iter().map(|e| hasher.hash_one(id(e))).collect();
        let (index, taken) = IdIndex::build(&text, hasher, entries, &hashes);
        (index, taken, text)
    }

    #[test]
    fn id_text_gives_each_node_its_own_id_and_a_skipped_one_an_empty_one() {
        let mut text = IdText::with_capacity(4);
        text.push(NodeIndex::new(2), "ab");
        text.push(NodeIndex::new(5), "");
        text.push(NodeIndex::new(6), "xyz");
        let got: Vec<Option<&str>> = (0..8).map(|n| text.get(NodeIndex::new(n))).collect();
        let want = [
            Some(""),
            Some(""),
            Some("ab"),
            Some(""),
            Some(""),
            Some(""),
            Some("xyz"),
            None,
        ];
        assert_eq!(got, want);
        assert_eq!(IdText::default().get(NodeIndex::new(0)), None);

        // Across chunks, with whole chunks skipped.
        let mut text = IdText::with_capacity(4);
        let far = [1, IdText::CHUNK - 1, IdText::CHUNK, 3 * IdText::CHUNK + 5];
        for n in far {
            text.push(NodeIndex::new(n), &format!("id-{n}"));
        }
        for n in far {
            let want = format!("id-{n}");
            assert_eq!(text.get(NodeIndex::new(n)), Some(want.as_str()));
        }
        assert_eq!(text.get(NodeIndex::new(2 * IdText::CHUNK)), Some(""));
        assert_eq!(text.get(NodeIndex::new(3 * IdText::CHUNK + 6)), None);
    }

    #[test]
    fn first_definitions_win_and_repeats_are_listed_in_model_order() {
        for size in [10, IdIndex::PARALLEL_FROM + 10] {
            let id = |i: usize| format!("id-{}", i % (size - 3));
            let mut model = Model::default();
            let mut entries = Vec::new();
            for i in 0..size {
                let node = NodeIndex::new(i + 1);
                let at = u32::try_from(i / 2).expect("small");
                let place = if i % 2 == 0 {
                    model.teams.push(Team::new(id(i)));
                    Place {
                        kind: EntityKind::Team,
                        at,
                        nth: 0,
                    }
                } else {
                    model.products.push(Product::new(id(i)));
                    Place {
                        kind: EntityKind::Product,
                        at,
                        nth: 0,
                    }
                };
                entries.push(Entry { node, place });
            }
            let (index, taken, text) = build(&model, &entries);
            let id_of = |n| text.get(n);
            assert_eq!(index.len(), size - 3);
            assert_eq!(index.get("id-0", id_of), Some(NodeIndex::new(1)));
            assert_eq!(
                index.get(&format!("id-{}", size - 4), id_of),
                Some(NodeIndex::new(size - 3))
            );
            assert_eq!(index.get("nope", id_of), None);
            let found = index.find("id-1", id_of).map(|f| (f.node.index(), f.kind));
            assert_eq!(found, Some((2, EntityKind::Product)));
            let pairs: Vec<(usize, usize)> = taken
                .iter()
                .map(|t| (t.again.index(), t.first.index()))
                .collect();
            assert_eq!(pairs, vec![(size - 2, 1), (size - 1, 2), (size, 3)]);
        }
    }

    #[test]
    fn key_results_are_found_through_their_objective() {
        let mut model = Model::default();
        let mut objective = Objective::new("q3", "Listeners stay");
        objective
            .key_results
            .push(KeyResult::new("q3#1", "Raise retention"));
        objective
            .key_results
            .push(KeyResult::new("q3#2", "Cut churn"));
        model.objectives.push(objective);
        let place = |kind, nth| Place { kind, at: 0, nth };
        let entries = [
            Entry {
                node: NodeIndex::new(1),
                place: place(EntityKind::Objective, 0),
            },
            Entry {
                node: NodeIndex::new(2),
                place: place(EntityKind::KeyResult, 0),
            },
            Entry {
                node: NodeIndex::new(3),
                place: place(EntityKind::KeyResult, 1),
            },
        ];
        let (index, taken, text) = build(&model, &entries);
        let id_of = |n| text.get(n);
        assert!(taken.is_empty());
        assert_eq!(index.get("q3", id_of), Some(NodeIndex::new(1)));
        let found = index.find("q3#2", id_of).map(|f| (f.node.index(), f.kind));
        assert_eq!(found, Some((3, EntityKind::KeyResult)));
        assert_eq!(place(EntityKind::KeyResult, 2).id(&model), None);
        assert_eq!(IdIndex::default().get("q3", id_of), None);
    }
}
