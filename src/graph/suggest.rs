//! "Did you mean" for dangling references, fast on a million ids.
//!
//! A small model compares a dangling id with every id of the wanted kind.
//! A large one only compares it with the ids that sort next to it,
//! forwards and backwards, which catches typos at either end while keeping
//! each look-up short. Which ids sort next to a word does not need every id
//! in order: the dangling words split the ids into gaps, a walk from a word
//! reads the gaps beside it from their ends, and only those ends are
//! sorted: on a large org that takes two thirds of the time of sorting
//! them all, twice.

use std::cmp::Ordering;

use petgraph::graph::NodeIndex;

use super::edges::Want;
use super::ids::Entry;
use crate::closest::{OnCrowd, Steps, closest, closest_or_crowded, signature};
use crate::model::{EntityKind, Model, ORGANIZATION};

/// Finds the closest existing id for a dangling one.
pub(super) struct Suggester<'m> {
    /// Every id a reference can name, with its kind, in model order.
    ids: Vec<(&'m str, EntityKind)>,
    /// How far a look-up reads from a word.
    reach: Reach,
    /// The ids around the words forwards and backwards.
    near: [Around<'m>; 2],
    /// For a small model, the [`signature`] of each id, made once rather
    /// than once per look-up; empty for a large one, whose look-ups only
    /// read the ids around the word.
    signatures: Vec<u64>,
    /// The work the look-ups so far did, in [`Steps`].
    spent: u64,
}

/// How far a look-up reads from a word's place among the sorted ids.
#[derive(Clone, Copy, Debug)]
struct Reach {
    /// The ids of the wanted kind taken on each side.
    window: usize,
    /// The ids of any kind read on each side at most, so that a rare kind
    /// among many others stays cheap.
    steps: usize,
}

/// One of the two orders ids are read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Order {
    /// By their bytes.
    Forward,
    /// By their bytes read from the end.
    Backward,
}

impl Order {
    fn cmp(self, a: &str, b: &str) -> Ordering {
        match self {
            Self::Forward => a.cmp(b),
            Self::Backward => a.bytes().rev().cmp(b.bytes().rev()),
        }
    }

    fn key(self, id: &str) -> SortKey {
        match self {
            Self::Forward => SortKey::new(id),
            Self::Backward => SortKey::reversed(id),
        }
    }

    /// [`Order::cmp`], deciding most pairs on their keys alone.
    fn cmp_keyed(self, a: (SortKey, &str), b: (SortKey, &str)) -> Ordering {
        a.0.cmp(&b.0).then_with(|| self.cmp(a.1, b.1))
    }
}

/// The first 32 bytes of an id as four integers, zero-padded: ids share
/// long prefixes (`team-payments-…`), and comparing them by `memcmp` costs a
/// call per comparison, while these compare in a few instructions and
/// decide the order of every id up to 32 bytes long. Ties fall back to the
/// whole id.
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

/// The ids around the dangling words in one order.
///
/// The words split the ids into gaps: gap `k` holds the ids from word
/// `k - 1` on, up to word `k`. A look-up walks from its word through the
/// gaps outwards and reads at most [`Reach::steps`] ids each way, so it
/// never reads further into a gap than that from either end: a gap longer
/// than twice that has only its two ends sorted.
struct Around<'m> {
    order: Order,
    /// The dangling words, sorted in this order, each once.
    words: Vec<&'m str>,
    /// Indices into the suggester's ids, gap after gap.
    slots: Vec<u32>,
    /// Where each gap starts in `slots`, then the end of the last one.
    starts: Vec<usize>,
    /// The gaps that hold ids, in order: a look-up walks these, so thousands of dangling
    /// words with no id between them cost nothing to step over.
    filled: Vec<usize>,
}

/// Puts the `steps` smallest ids of a long gap (more than twice `steps`)
/// first, in order, and its `steps` largest last, in order; the ids
/// between, which a look-up never reads, stay in some order. Makes a key
/// for each id once, holding at most twice `steps` keys for each end (the
/// whole gap's keys would take forty bytes an id, and a gap can hold nearly
/// every id), then puts the ids in place in a second pass.
fn ends(
    gap: &mut [u32],
    steps: usize,
    key_of: impl Fn(u32) -> (SortKey, u32),
    cmp: impl Fn(&(SortKey, u32), &(SortKey, u32)) -> Ordering,
) {
    debug_assert!(steps > 0 && gap.len() > 2 * steps, "a long gap");
    let reversed = |a: &(SortKey, u32), b: &(SortKey, u32)| cmp(b, a);
    // The `steps` first in `order` among what `held` holds: kept as a list
    // of up to twice that, cut back to the first `steps` when full, so each
    // id costs a comparison or two; `bound` is the last of those kept,
    // past which an id cannot be among them.
    fn keep(
        held: &mut Vec<(SortKey, u32)>,
        bound: &mut Option<(SortKey, u32)>,
        steps: usize,
        order: &impl Fn(&(SortKey, u32), &(SortKey, u32)) -> Ordering,
        item: (SortKey, u32),
    ) {
        if bound.is_some_and(|b| order(&item, &b).is_ge()) {
            return;
        }
        held.push(item);
        if held.len() == 2 * steps {
            held.select_nth_unstable_by(steps - 1, order);
            held.truncate(steps);
            *bound = held.last().copied();
        }
    }
    let mut smallest: Vec<(SortKey, u32)> = Vec::with_capacity(2 * steps);
    let mut largest: Vec<(SortKey, u32)> = Vec::with_capacity(2 * steps);
    let (mut below, mut above) = (None, None);
    for &i in gap.iter() {
        let item = key_of(i);
        keep(&mut smallest, &mut below, steps, &cmp, item);
        keep(&mut largest, &mut above, steps, &reversed, item);
    }
    smallest.sort_unstable_by(&cmp);
    smallest.truncate(steps);
    largest.sort_unstable_by(&reversed);
    largest.truncate(steps);
    largest.reverse();
    let picked: std::collections::HashSet<u32> =
        smallest.iter().chain(&largest).map(|&(_, i)| i).collect();
    let middle: Vec<u32> = gap
        .iter()
        .copied()
        .filter(|i| !picked.contains(i))
        .collect();
    let ordered = smallest
        .iter()
        .map(|&(_, i)| i)
        .chain(middle)
        .chain(largest.iter().map(|&(_, i)| i));
    for (slot, i) in gap.iter_mut().zip(ordered) {
        *slot = i;
    }
}

impl<'m> Around<'m> {
    fn new(ids: &[(&'m str, EntityKind)], words: &[&'m str], order: Order, reach: Reach) -> Self {
        let mut words = words.to_vec();
        words.sort_unstable_by(|a, b| order.cmp(a, b));
        words.dedup();
        let word_keys: Vec<(SortKey, &str)> = words.iter().map(|w| (order.key(w), *w)).collect();
        // Gap `k` is the ids with exactly `k` words at or before them.
        let gaps: Vec<u32> = ids
            .iter()
            .map(|&(id, _)| {
                let key = (order.key(id), id);
                let gap = word_keys.partition_point(|&w| order.cmp_keyed(w, key).is_le());
                u32::try_from(gap).unwrap_or(u32::MAX)
            })
            .collect();
        let mut starts = vec![0usize; words.len() + 2];
        for &gap in &gaps {
            if let Some(count) = starts.get_mut(gap as usize + 1) {
                *count += 1;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        // The ids, gap after gap (a counting sort). Both passes read the
        // ids in the order they are stored, which is model order.
        let mut slots: Vec<u32> = vec![0; ids.len()];
        let mut next = starts.clone();
        for (i, &gap) in gaps.iter().enumerate() {
            if let Some(at) = next.get_mut(gap as usize) {
                if let Some(slot) = slots.get_mut(*at) {
                    *slot = u32::try_from(i).unwrap_or(u32::MAX);
                }
                *at += 1;
            }
        }
        drop(gaps);
        // The ids are unique (repeats and the reserved id are left out of
        // the names); the kind is compared last only so that the order is
        // total whatever the caller passes, and each run reads the same ids.
        let cmp = |a: &(SortKey, u32), b: &(SortKey, u32)| {
            a.0.cmp(&b.0).then_with(|| {
                let (x, y) = (ids[a.1 as usize], ids[b.1 as usize]);
                order.cmp(x.0, y.0).then_with(|| x.1.cmp(&y.1))
            })
        };
        // Each gap is sorted on its own. A short one is sorted whole, with
        // its ids' keys made for it in a list used again from gap to gap; a
        // long one only has its ends picked out (see [`ends`]). Keys for
        // every id at once would take forty bytes an id.
        let mut keyed: Vec<(SortKey, u32)> = Vec::new();
        let key_of = |i: u32| {
            let id = ids.get(i as usize).map_or("", |&(id, _)| id);
            (order.key(id), i)
        };
        for gap in starts.windows(2) {
            let Some(gap) = slots.get_mut(gap[0]..gap[1]) else {
                continue;
            };
            if gap.len() > 2 * reach.steps {
                ends(gap, reach.steps, key_of, cmp);
                continue;
            }
            keyed.clear();
            keyed.extend(gap.iter().map(|&i| key_of(i)));
            keyed.sort_unstable_by(cmp);
            for (slot, &(_, i)) in gap.iter_mut().zip(&keyed) {
                *slot = i;
            }
        }
        drop(keyed);
        let filled = starts
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[1] > w[0])
            .map(|(k, _)| k)
            .collect();
        Self {
            order,
            words,
            slots,
            starts,
            filled,
        }
    }

    fn gap(&self, k: usize) -> &[u32] {
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&start), Some(&end)) => self.slots.get(start..end).unwrap_or_default(),
            _ => &[],
        }
    }

    /// Up to `window` ids that `accepts` on each side of `word`, each side
    /// read for at most `steps` ids, each with its rank on its side (0 for
    /// the nearest). Nothing for a word it was not made with. Returns the
    /// number of gaps it stepped into (tests hold it to the reach).
    fn collect(
        &self,
        ids: &[(&'m str, EntityKind)],
        word: &str,
        accepts: impl Fn(EntityKind) -> bool,
        reach: Reach,
        out: &mut Vec<(usize, &'m str)>,
    ) -> usize {
        let Ok(k) = self.words.binary_search_by(|w| self.order.cmp(w, word)) else {
            return 0;
        };
        let visited = std::cell::Cell::new(0usize);
        let count = |_: &&usize| visited.set(visited.get() + 1);
        let accepted = |&i: &u32| {
            let (id, kind) = *ids.get(i as usize)?;
            accepts(kind).then_some(id)
        };
        // Only gaps that hold ids are visited, so `steps` bounds the walk.
        let split = self.filled.partition_point(|&g| g <= k);
        let before = self.filled[..split]
            .iter()
            .rev()
            .inspect(count)
            .flat_map(|&gap| self.gap(gap).iter().rev());
        out.extend(
            before
                .take(reach.steps)
                .filter_map(accepted)
                .take(reach.window)
                .enumerate(),
        );
        let after = self.filled[split..]
            .iter()
            .inspect(count)
            .flat_map(|&gap| self.gap(gap).iter());
        out.extend(
            after
                .take(reach.steps)
                .filter_map(accepted)
                .take(reach.window)
                .enumerate(),
        );
        visited.get()
    }
}

impl<'m> Suggester<'m> {
    /// Models with at most this many ids compare a word with all of them.
    const FULL_SCAN: usize = 20_000;
    const REACH: Reach = Reach {
        window: 32,
        steps: 512,
    };

    /// A suggester for `words`, the dangling ids it will be asked about,
    /// among the [`names`](Suggester::names) of `entries`. Needs nothing of
    /// the graph, so it can be made while the graph is still being built.
    pub(super) fn new(
        model: &'m Model,
        entries: &[Entry],
        again: &[NodeIndex],
        words: &[&'m str],
    ) -> Self {
        let names = Self::names(model, entries, again);
        Self::with_reach(names, words, Self::REACH, Self::FULL_SCAN)
    }

    /// The ids of `entries` (every indexed entity, in model order) that a
    /// reference can name, each where it is first defined, and
    /// `organization`. `again` lists the nodes whose id an earlier node
    /// already has, in node order.
    pub(super) fn names(
        model: &'m Model,
        entries: &[Entry],
        again: &[NodeIndex],
    ) -> Vec<(&'m str, EntityKind)> {
        // No reference field names a key result: leaving them out makes the
        // work about half as long.
        let nameable = |e: &&Entry| e.place.kind != EntityKind::KeyResult;
        // Counted first: a list grown by doubling would hold up to twice
        // the room, on a million entities megabytes of it.
        let mut names: Vec<(&'m str, EntityKind)> =
            Vec::with_capacity(entries.iter().filter(nameable).count() + 1);
        // An id defined again is offered once per kind, at its first
        // definition of that kind: a reference finds an id shared by two
        // kinds as the kind it wants (`card-platform` the product, beside
        // `card-platform` the outcome written before it).
        let repeated: std::collections::HashSet<&str> = entries
            .iter()
            .filter(|e| again.binary_search(&e.node).is_ok())
            .filter_map(|e| e.place.id(model))
            .collect();
        let mut seen: std::collections::HashSet<(&str, EntityKind)> =
            std::collections::HashSet::new();
        names.extend(
            entries
                .iter()
                .filter(nameable)
                .filter_map(|e| Some((e.place.id(model)?, e.place.kind)))
                .filter(|&(id, kind)| !repeated.contains(id) || seen.insert((id, kind))),
        );
        names.push((ORGANIZATION, EntityKind::Organization));
        names
    }

    fn with_reach(
        ids: Vec<(&'m str, EntityKind)>,
        words: &[&'m str],
        reach: Reach,
        full_scan: usize,
    ) -> Self {
        let orders = [Order::Forward, Order::Backward];
        let mut built = crate::parallel::map(&orders, crate::parallel::threads(2), None, |&o| {
            Around::new(&ids, words, o, reach)
        });
        let backward = built
            .pop()
            .unwrap_or_else(|| Around::new(&ids, words, Order::Backward, reach));
        let forward = built
            .pop()
            .unwrap_or_else(|| Around::new(&ids, words, Order::Forward, reach));
        let signatures = if ids.len() <= full_scan {
            ids.iter().map(|(id, _)| signature(id)).collect()
        } else {
            Vec::new()
        };
        Self {
            ids,
            reach,
            near: [forward, backward],
            signatures,
            spent: 0,
        }
    }

    /// The work all the look-ups of one model may do, in [`Steps`] (about
    /// half a second): each look-up is bounded, but 160,000 dangling ids
    /// that each nearly match long ids took 42 s. Past it, a dangling
    /// reference gets no suggestion; the references are still reported.
    const BUDGET: u64 = 1 << 27;

    /// The id closest to `word` that `want` accepts, if one is close enough
    /// and the look-ups of this model have not spent [`Self::BUDGET`].
    pub(super) fn suggest(&mut self, word: &str, want: Want) -> Option<&'m str> {
        if self.spent >= Self::BUDGET {
            return None;
        }
        let mut steps = Steps::default();
        let found = self.suggest_counted(word, want, &mut steps);
        self.spent = self.spent.saturating_add(steps.0);
        found
    }

    /// [`Suggester::suggest`], adding the work it did to `steps`: at most
    /// one step per id of a small model, or per id read around the word in
    /// a large one, and the bounded edit distance work of
    /// [`closest`].
    fn suggest_counted(&self, word: &str, want: Want, steps: &mut Steps) -> Option<&'m str> {
        let accepts = |kind: EntityKind| want.accepts(kind);
        if !self.signatures.is_empty() {
            // `closest` breaks ties on the id, so the order the candidates
            // come in does not matter.
            let candidates = self
                .ids
                .iter()
                .zip(&self.signatures)
                .filter(|((_, k), _)| accepts(*k))
                .map(|((id, _), sig)| (*id, Some(*sig)));
            // Too many ids alike to compare each: their neighbours in the
            // two orders are the ones that share the longest start or end.
            if let Ok(found) = closest_or_crowded(word, candidates, OnCrowd::Report, steps) {
                return found;
            }
        }
        let mut found: Vec<(usize, &'m str)> = Vec::with_capacity(4 * self.reach.window);
        for around in &self.near {
            around.collect(&self.ids, word, accepts, self.reach, &mut found);
        }
        steps.0 += 4 * self.reach.steps as u64;
        // Each id once, at its best rank, nearest first: when the work of
        // `closest` runs out, the ids sharing the longest start or end with
        // the word have been compared.
        found.sort_unstable_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(&b.0)));
        found.dedup_by(|later, first| later.1 == first.1);
        found.sort_unstable();
        closest(word, found.into_iter().map(|(_, id)| (id, None)), steps)
    }
}

#[cfg(test)]
mod tests {
    use super::{Order, Reach, SortKey, Steps, Suggester};
    use crate::closest::MAX_CELLS;
    use crate::graph::edges::Want;
    use crate::model::EntityKind;

    /// Ids sharing long prefixes and suffixes, longer and shorter than the
    /// 32 bytes a key holds, one a prefix of another, of several kinds.
    fn ids(n: u32) -> Vec<String> {
        let mut owned: Vec<String> = Vec::new();
        for i in 0..n {
            let k = i.wrapping_mul(2_654_435_761) % (n * 3);
            owned.push(format!("team-payments-{k}"));
            owned.push(format!("prod-a-very-long-shared-product-line-name-{k}-api"));
            owned.push(format!("{k}-x"));
        }
        owned.push("team".to_owned());
        owned.push("team-payments-1".to_owned());
        owned.sort();
        owned.dedup();
        owned
    }

    fn kind_of(i: usize) -> EntityKind {
        [EntityKind::Team, EntityKind::Product, EntityKind::Outcome][i % 3]
    }

    #[test]
    fn names_are_first_definitions_a_reference_can_name_and_organization() {
        use petgraph::graph::NodeIndex;

        use super::super::ids::Place;
        use super::Entry;
        use crate::model::{KeyResult, Model, Objective, Product, Team};
        use EntityKind::{
            KeyResult as Kr, Objective as Obj, Organization, Product as Prod, Team as T,
        };
        let mut model = Model::default();
        model.teams.push(Team::new("t"));
        model.products.push(Product::new("p"));
        model.products.push(Product::new("t"));
        model.products.push(Product::new("q"));
        model.products.push(Product::new("p"));
        let mut objective = Objective::new("o", "Listeners stay");
        objective
            .key_results
            .push(KeyResult::new("o#1", "Raise retention"));
        model.objectives.push(objective);
        let entry = |node: usize, kind, at: u32, nth: u32| Entry {
            node: NodeIndex::new(node),
            place: Place { kind, at, nth },
        };
        let entries = [
            entry(1, T, 0, 0),
            entry(2, Prod, 0, 0),
            entry(3, Prod, 1, 0),
            entry(4, Prod, 2, 0),
            entry(5, Prod, 3, 0),
            entry(6, Obj, 0, 0),
            entry(7, Kr, 0, 0),
        ];
        let again = [NodeIndex::new(3), NodeIndex::new(5)];
        let names = Suggester::names(&model, &entries, &again);
        // The product `t` is the first product of its id, and offered as
        // one; the second product `p` is a repeat of its kind, and is not.
        assert_eq!(
            names,
            [
                ("t", T),
                ("p", Prod),
                ("t", Prod),
                ("q", Prod),
                ("o", Obj),
                ("organization", Organization)
            ]
        );
    }

    #[test]
    fn keys_order_ids_as_their_bytes_forwards_and_backwards() {
        let owned = ids(300);
        for order in [Order::Forward, Order::Backward] {
            for a in owned.iter().step_by(7) {
                for b in owned.iter().step_by(5) {
                    let keyed = order.cmp_keyed((order.key(a), a), (order.key(b), b));
                    assert_eq!(keyed, order.cmp(a, b), "{order:?} {a} {b}");
                }
            }
        }
        assert!(Order::Backward.cmp("b-x", "a-y").is_lt());
        assert!(SortKey::new("ab") < SortKey::new("abc"));
    }

    /// What a look-up reads, the plain way: every id in order, and `reach`
    /// read from the word's place each way.
    fn reference<'a>(
        ids: &[(&'a str, EntityKind)],
        word: &str,
        want: Want,
        reach: Reach,
    ) -> Vec<&'a str> {
        let mut out = Vec::new();
        for order in [Order::Forward, Order::Backward] {
            let mut sorted = ids.to_vec();
            sorted.sort_by(|a, b| order.cmp(a.0, b.0).then(a.1.cmp(&b.1)));
            let at = sorted.partition_point(|(id, _)| order.cmp(id, word).is_lt());
            let accepted = |&(id, kind): &(&'a str, EntityKind)| want.accepts(kind).then_some(id);
            let before = sorted[..at].iter().rev().take(reach.steps);
            out.extend(before.filter_map(accepted).take(reach.window));
            let after = sorted[at..].iter().take(reach.steps);
            out.extend(after.filter_map(accepted).take(reach.window));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn the_ends_of_a_long_gap_are_those_of_sorting_it_whole() {
        let owned = ids(500);
        let n = u32::try_from(owned.len()).expect("a few hundred ids");
        for order in [Order::Forward, Order::Backward] {
            let cmp = |a: &(SortKey, u32), b: &(SortKey, u32)| {
                a.0.cmp(&b.0)
                    .then_with(|| order.cmp(&owned[a.1 as usize], &owned[b.1 as usize]))
            };
            let key_of = |i: u32| (order.key(&owned[i as usize]), i);
            for (len, steps) in [(21, 10), (1_000, 7), (n - 1, 300), (n, 1)] {
                // A scrambled gap of `len` ids.
                let mut gap: Vec<u32> = (0..len).map(|i| (i * 7919) % len).collect();
                let mut sorted = gap.clone();
                sorted.sort_unstable_by(|&a, &b| {
                    order
                        .cmp(&owned[a as usize], &owned[b as usize])
                        .then(a.cmp(&b))
                });
                super::ends(&mut gap, steps, key_of, cmp);
                let n = len as usize;
                assert_eq!(gap[..steps], sorted[..steps], "{order:?} {len} {steps}");
                assert_eq!(
                    gap[n - steps..],
                    sorted[n - steps..],
                    "{order:?} {len} {steps}"
                );
                let mut all = gap.clone();
                all.sort_unstable();
                assert_eq!(all, (0..len).collect::<Vec<u32>>(), "each id once");
            }
        }
    }

    #[test]
    fn reads_the_same_ids_as_sorting_them_all() {
        let owned = ids(400);
        let ids: Vec<(&str, EntityKind)> = owned
            .iter()
            .enumerate()
            .map(|(i, id)| (id.as_str(), kind_of(i)))
            .collect();
        // Words in long gaps (trimmed to their ends), short ones, next to
        // each other, before every id and after every id.
        let words = [
            "team-payments-10-v1",
            "team-payments-100-v1",
            "team-payments-1000",
            "team-payments-1001-x",
            "prod-a-very-long-shared-product-line-name-7-apj",
            "0",
            "zzzz",
            "9-y",
            "team-payments-1",
        ];
        for reach in [
            Reach {
                window: 3,
                steps: 10,
            },
            Reach {
                window: 2,
                steps: 200,
            },
            Reach {
                window: 32,
                steps: 512,
            },
        ] {
            let suggester = Suggester::with_reach(ids.clone(), &words, reach, 0);
            let near = &suggester.near;
            for word in words {
                for want in [Want::Team, Want::Product, Want::Scope] {
                    let mut found = Vec::new();
                    for around in near {
                        around.collect(&ids, word, |k| want.accepts(k), reach, &mut found);
                    }
                    let mut found: Vec<&str> = found.into_iter().map(|(_, id)| id).collect();
                    found.sort_unstable();
                    found.dedup();
                    assert_eq!(
                        found,
                        reference(&ids, word, want, reach),
                        "{word} {reach:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn suggests_close_ids_of_the_wanted_kind_in_large_and_small_models() {
        let mut owned = ids(400);
        owned.push("team-payments-17".to_owned());
        let ids: Vec<(&str, EntityKind)> = owned
            .iter()
            .map(|id| {
                let kind = if id.starts_with("team") {
                    EntityKind::Team
                } else {
                    EntityKind::Product
                };
                (id.as_str(), kind)
            })
            .collect();
        let words = ["team-payments-17x", "xteam-payments-17", "nothing-like-it"];
        for full_scan in [0, usize::MAX] {
            let mut s = Suggester::with_reach(ids.clone(), &words, Suggester::REACH, full_scan);
            assert_eq!(s.suggest(words[0], Want::Team), Some("team-payments-17"));
            assert_eq!(s.suggest(words[1], Want::Team), Some("team-payments-17"));
            assert_eq!(s.suggest(words[0], Want::Product), None);
            assert_eq!(s.suggest(words[2], Want::Team), None);
            assert!(s.spent > 0, "look-ups count their work");
            // Once the model's look-ups have spent their budget, a dangling
            // id gets no suggestion, however close.
            s.spent = Suggester::BUDGET;
            assert_eq!(s.suggest(words[0], Want::Team), None);
        }
    }

    /// `n` long team ids that differ only at their end, and a dangling word
    /// one edit from each.
    fn near_misses(n: usize) -> (Vec<String>, Vec<String>) {
        let stem = "team-".to_owned() + &"payments-platform-".repeat(13);
        let ids = (0..n).map(|i| format!("{stem}{i:06}")).collect();
        let words = (0..n).map(|i| format!("{stem}{i:06}x")).collect();
        (ids, words)
    }

    fn assert_bounded(n: usize, sample: usize) {
        let (owned, words) = near_misses(n);
        let mut ids: Vec<(&str, EntityKind)> = owned
            .iter()
            .map(|id| (id.as_str(), EntityKind::Team))
            .collect();
        ids.push(("organization", EntityKind::Organization));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let s = Suggester::with_reach(ids, &words, Suggester::REACH, Suggester::FULL_SCAN);
        // A small model reads every id once, and when too many are alike
        // (as here) `steps` ids each way in two orders, as a large one
        // does; plus twice the bounded edit distance work and the last
        // table it starts.
        let read = (n + 1 + 4 * Suggester::REACH.steps) as u64;
        let budget = read + 2 * (MAX_CELLS + 9 * 257);
        let mut found = 0;
        for (i, word) in words.iter().enumerate().step_by(sample) {
            let mut steps = Steps::default();
            let got = s.suggest_counted(word, Want::Team, &mut steps);
            assert!(steps.0 <= budget, "{word}: {} steps > {budget}", steps.0);
            found += usize::from(got == Some(owned[i].as_str()));
        }
        // The bound leaves room to find them.
        assert_eq!(found, words.len().div_ceil(sample));
    }

    #[test]
    fn near_misses_of_long_ids_cost_a_bounded_number_of_steps() {
        // The plain search filled 2,000 tables of 250 x 250 cells for each
        // of these words.
        assert_bounded(2_000, 1);
    }

    #[test]
    fn near_misses_among_twenty_thousand_long_ids_cost_a_bounded_number_of_steps() {
        // Every word is indexed; one in a hundred is looked up, which is
        // enough to bound the steps of each.
        assert_bounded(20_000, 100);
    }

    /// Many dangling words with no id between them (100,000 owners naming
    /// missing teams, every id a product that sorts before them): a look-up
    /// steps over the empty gaps for free, instead of walking every gap
    /// between its word and the ids.
    #[test]
    fn empty_gaps_cost_nothing_to_step_over() {
        let ids: Vec<(String, EntityKind)> = (0..3_000)
            .map(|i| (format!("prod-{i:05}"), EntityKind::Product))
            .collect();
        let words: Vec<String> = (0..3_000).map(|i| format!("team-missing-{i:05}")).collect();
        let ids: Vec<(&str, EntityKind)> = ids.iter().map(|(s, k)| (s.as_str(), *k)).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let reach = Reach {
            window: 4,
            steps: 16,
        };
        let suggester = Suggester::with_reach(ids.clone(), &words, reach, 0);
        for word in &words {
            for around in &suggester.near {
                let mut found = Vec::new();
                let gaps = around.collect(&ids, word, |k| Want::Team.accepts(k), reach, &mut found);
                assert!(found.is_empty(), "no team to suggest for {word}");
                assert!(gaps <= 2 * reach.steps + 2, "{word}: {gaps} gaps visited");
            }
        }
    }
}
