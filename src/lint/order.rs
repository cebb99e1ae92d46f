//! Putting the findings in the report's order: each run of findings is
//! sorted where it lies, on the thread that judged it, and packed again in
//! that order; the runs are then merged as the report is read (see
//! `findings::Ordered`).
//!
//! The findings arrive in runs (the loader's and the graph's, then each
//! check's blocks of a few thousand), and a run is nearly in order already:
//! a check meets the entities in the order they were written. So the
//! sorting is done beside the judging, on every core, where a run in order
//! costs little, and the merge of runs that are each in order takes one
//! comparison for most findings.

use std::cmp::Ordering;

use crate::diagnostic::Diagnostic;

/// Where a finding goes, as far as it can be told without reading the
/// finding: the start of `Diagnostic::sort_key`. Forty bytes, with no
/// field that would align it to sixteen.
#[derive(Clone, Copy, Debug)]
pub(super) struct SortKey {
    /// 0 for no file, else the rank of the file's path plus one (a file
    /// missing from the table ranks after every file in it).
    file: u64,
    line: u32,
    /// Where the check's name sorts (see [`CheckRanks`]).
    check: u32,
    /// The first bytes of the entity id (see [`id_start`]).
    id_start: [u64; 2],
    /// Where the finding was in its run when the run was made.
    made: usize,
}

impl SortKey {
    /// The finding's place in its run as it was made.
    pub(super) fn made(&self) -> usize {
        self.made
    }

    /// The order of the findings as far as the keys tell; `Equal` leaves
    /// it to the findings themselves.
    fn cmp_start(&self, other: &Self) -> Ordering {
        (self.file, self.line, self.check)
            .cmp(&(other.file, other.line, other.check))
            .then_with(|| {
                // Names that share a gap's rank may still differ, and the
                // names come before the ids.
                if CheckRanks::is_shared(self.check) {
                    Ordering::Equal
                } else {
                    self.id_start.cmp(&other.id_start)
                }
            })
    }
}

/// The first sixteen bytes of `id` as two numbers that order like them,
/// zeros after a shorter id: ids that differ there compare as the ids do,
/// and equal numbers leave the order to the whole ids.
fn id_start(id: &str) -> [u64; 2] {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    let mut high = [0u8; 8];
    let mut low = [0u8; 8];
    high.copy_from_slice(&bytes[..8]);
    low.copy_from_slice(&bytes[8..]);
    [u64::from_be_bytes(high), u64::from_be_bytes(low)]
}

/// A number for each check name that orders as the names do, known before
/// any finding is made: the registered names take the odd numbers, in
/// order, and any other name the even number of the gap it falls in. Two
/// names in one gap share a number, so findings with an even number are
/// compared by their names (and then the rest) in full.
#[derive(Clone)]
pub(super) struct CheckRanks {
    names: Vec<&'static str>,
}

impl CheckRanks {
    /// The ranks of `registered`, the names of every registered check.
    pub(super) fn new(registered: impl IntoIterator<Item = &'static str>) -> Self {
        let mut names: Vec<&'static str> = registered.into_iter().collect();
        names.sort_unstable();
        names.dedup();
        Self { names }
    }

    /// Whether `rank` may stand for several names (a gap's).
    fn is_shared(rank: u32) -> bool {
        rank.is_multiple_of(2)
    }

    /// `2i + 1` for the registered name at place `i` in name order, `2i`
    /// for another name that sorts just before it. Past the numbers (more
    /// than two billion names) every name shares the last even number,
    /// which still sorts after every other and is compared in full.
    fn rank(&self, name: &str) -> u32 {
        let (found, at) = match self.names.binary_search(&name) {
            Ok(at) => (1, at),
            Err(at) => (0, at),
        };
        u32::try_from(at)
            .ok()
            .and_then(|at| at.checked_mul(2))
            .and_then(|even| even.checked_add(found))
            .filter(|&rank| rank < u32::MAX - 1)
            .unwrap_or(u32::MAX - 1)
    }
}

/// The sort key of `d` alone (see [`sort_run`]), for merging findings one
/// at a time.
/// `last` is the check name and rank of the finding keyed before, in the
/// same run: a run is mostly one check's findings.
pub(super) fn key_of(
    d: &Diagnostic,
    files: &[u32],
    checks: &CheckRanks,
    last: &mut Option<(std::borrow::Cow<'static, str>, u32)>,
) -> SortKey {
    let (file, line) = d.primary_location().map_or((0, 0), |l| {
        let rank = files.get(l.file.index()).copied().unwrap_or(u32::MAX);
        (u64::from(rank) + 1, l.line)
    });
    let check = match last {
        Some((name, rank)) if *name == d.check => *rank,
        _ => {
            let rank = checks.rank(&d.check);
            *last = Some((d.check.clone(), rank));
            rank
        }
    };
    SortKey {
        file,
        line,
        check,
        id_start: id_start(&d.entity.id),
        made: 0,
    }
}

/// Whether the finding `a` (with its key) comes before `b` in the spec's
/// order.
pub(super) fn before(
    a: (&SortKey, &Diagnostic),
    b: (&SortKey, &Diagnostic),
    files: &[u32],
) -> bool {
    a.0.cmp_start(b.0)
        .then_with(|| a.1.total_cmp(b.1, files))
        .is_lt()
}

/// Sorts `run` by the report's order, where it lies, and gives each
/// finding's [`SortKey`] in the new order. `files` ranks the files (see
/// `Sources::display_ranks`).
pub(super) fn sort_run(run: &mut [Diagnostic], files: &[u32], checks: &CheckRanks) -> Vec<SortKey> {
    // A run is mostly one check's findings: its name is looked up once.
    let mut last = None;
    let mut keys: Vec<SortKey> = run
        .iter()
        .enumerate()
        .map(|(made, d)| SortKey {
            made,
            ..key_of(d, files, checks, &mut last)
        })
        .collect();
    // The order is total, so an unstable sort gives one result, and equal
    // findings end up side by side for `dedup`.
    keys.sort_unstable_by(|a, b| {
        a.cmp_start(b)
            .then_with(|| run[a.made].total_cmp(&run[b.made], files))
    });
    permute(run, keys.iter().map(|k| k.made).collect());
    keys
}

/// Puts `items` in the order `from` gives: afterwards `items[k]` is what
/// `items[from[k]]` was. `from` is a permutation of the positions; each
/// item is moved along its cycle, in place: no second list is made.
fn permute<T>(items: &mut [T], mut from: Vec<usize>) {
    for start in 0..from.len() {
        let mut k = start;
        loop {
            let src = from[k];
            // Marks `k` as placed (a fixed point stays one).
            from[k] = k;
            if src == start || src == k {
                break;
            }
            items.swap(k, src);
            k = src;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CheckRanks, SortKey, permute, sort_run};
    use crate::check::packed::Block;
    use crate::diagnostic::Diagnostic;
    use crate::lint::findings::{Finish, Ordered};
    use crate::model::{EntityKind, EntityRef};
    use crate::source::{FileId, Location};

    /// A run as `sort_run` left it, its keys, and what it drops.
    type Sorted = (Vec<Diagnostic>, Vec<SortKey>, Option<Vec<bool>>);

    /// Runs as `sort_run` left them (ranked by `checks`), with what each
    /// drops, packed as the linter packs them and merged in one order.
    fn merge_runs(runs: Vec<Sorted>, files: &[u32], checks: &CheckRanks) -> Vec<Diagnostic> {
        let blocks = runs
            .into_iter()
            .map(|(run, keys, dropped)| {
                let mut block = Block::with_capacity(run.len(), None);
                for (d, k) in run.into_iter().zip(&keys) {
                    if !dropped.as_ref().is_some_and(|d| d[k.made()]) {
                        block.push(d);
                    }
                }
                block.close();
                block
            })
            .collect();
        let finish = Finish {
            toml: Vec::new(),
            unread: Vec::new(),
            unread_note: None,
            told: std::collections::HashSet::new(),
            catalog_names: crate::load::CatalogNames::default(),
        };
        Ordered::new(blocks, files.to_vec(), checks.clone(), finish).collect()
    }

    #[test]
    fn permute_puts_every_item_where_the_order_says() {
        let orders: [&[usize]; 5] = [
            &[],
            &[0],
            &[2, 0, 1],
            &[1, 0, 3, 2, 4],
            &[4, 3, 0, 1, 2, 6, 5],
        ];
        for from in orders {
            let mut items: Vec<char> = ('a'..).take(from.len()).collect();
            let before = items.clone();
            permute(&mut items, from.to_vec());
            let expected: Vec<char> = from.iter().map(|&i| before[i]).collect();
            assert_eq!(items, expected, "{from:?}");
        }
    }

    #[test]
    fn check_ranks_order_like_the_names_registered_or_not() {
        let ranks = CheckRanks::new(["idle-team", "duplicate-id", "team-size", "idle-team"]);
        let names = [
            "a-custom",
            "duplicate-id",
            "house-rule",
            "idle-team",
            "my-check",
            "team-size",
            "zz-last",
        ];
        for pair in names.windows(2) {
            assert!(
                ranks.rank(pair[0]) < ranks.rank(pair[1]),
                "{} before {}",
                pair[0],
                pair[1]
            );
        }
        assert_eq!(ranks.rank("house-rule"), ranks.rank("i-rule"));
    }

    /// A finding of `check` about team `id` on `line` of file 0 or no file.
    fn finding(check: &'static str, id: &str, line: u32, message: &str) -> Diagnostic {
        in_file(check, id, 0, line, message)
    }

    /// A finding of `check` about team `id` on `line` of file `file`, or
    /// of no file when `line` is 0.
    fn in_file(check: &'static str, id: &str, file: u32, line: u32, message: &str) -> Diagnostic {
        let d = Diagnostic::new(check, EntityRef::new(EntityKind::Team, id), message);
        match line {
            0 => d,
            line => d.at(Some(Location::point(FileId::at(file), line, 1))),
        }
    }

    /// Deterministic findings with many ties on the key's start: the same
    /// lines, checks and ids over and over, long ids that share sixteen
    /// bytes, and findings equal in everything.
    fn findings(seed: u64, n: usize) -> Vec<Diagnostic> {
        let checks = ["idle-team", "team-size", "house-rule", "duplicate-id"];
        let ids = [
            "a",
            "b",
            "prod-checkout-web-01",
            "prod-checkout-web-02",
            "organization-x",
        ];
        let mut state = seed;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % m
        };
        (0..n)
            .map(|_| {
                let check = checks[next(4) as usize];
                let id = ids[next(5) as usize];
                let line = next(4) as u32;
                let message = ["m", "n"][next(2) as usize];
                // Files ranked 1, 0 and 2 (see `FILES`), and one past the table.
                let file = next(4) as u32;
                in_file(check, id, file, line, message)
            })
            .collect()
    }

    /// The ranks of the files `findings` names: file 1 sorts first, and
    /// file 3 is missing from the table.
    const FILES: [u32; 3] = [1, 0, 2];

    /// `all` in one sort, each repeat once (the merge leaves out a finding
    /// equal to the one before it).
    fn sorted_whole(mut all: Vec<Diagnostic>, files: &[u32]) -> Vec<Diagnostic> {
        all.sort_by(|a, b| a.total_cmp(b, files));
        all.dedup();
        all
    }

    #[test]
    fn merging_sorted_runs_gives_the_order_of_one_whole_sort() {
        let files = FILES;
        let checks = CheckRanks::new(["idle-team", "team-size", "duplicate-id"]);
        for seed in 0..40 {
            let sizes = [0, 1, 7, (seed % 13) as usize, 30, 2];
            let mut all = Vec::new();
            let mut runs = Vec::new();
            for (i, &size) in sizes.iter().enumerate() {
                let mut run = findings(seed * 31 + i as u64, size);
                all.extend(run.iter().cloned());
                let keys = sort_run(&mut run, &files, &checks);
                runs.push((run, keys, None));
            }
            let merged = merge_runs(runs, &files, &checks);
            assert_eq!(merged, sorted_whole(all, &files), "seed {seed}");
        }
    }

    #[test]
    fn dropped_findings_are_left_out_wherever_they_sort() {
        let files = FILES;
        let checks = CheckRanks::new(["idle-team", "team-size"]);
        for seed in 0..20 {
            let made = findings(seed, 25);
            // Every third finding, by where it was made, is dropped.
            let dropped: Vec<bool> = (0..made.len()).map(|i| i % 3 == 0).collect();
            let kept: Vec<Diagnostic> = made
                .iter()
                .zip(&dropped)
                .filter(|(_, dropped)| !**dropped)
                .map(|(d, _)| d.clone())
                .collect();
            let other = findings(seed + 1000, 10);
            let mut run = made;
            let keys = sort_run(&mut run, &files, &checks);
            let mut second = other.clone();
            let second_keys = sort_run(&mut second, &files, &checks);
            let merged = merge_runs(
                vec![(run, keys, Some(dropped)), (second, second_keys, None)],
                &files,
                &checks,
            );
            let mut expected = kept;
            expected.extend(other);
            assert_eq!(merged, sorted_whole(expected, &files), "seed {seed}");
        }
    }

    #[test]
    fn names_that_share_a_gap_still_order_before_the_ids() {
        let files = [0];
        // Neither name is registered: both fall in the gap before `idle-team`.
        let checks = CheckRanks::new(["idle-team"]);
        let mut run = vec![
            finding("house-rule", "a", 1, "m"),
            finding("dept-rule", "z", 1, "m"),
        ];
        let keys = sort_run(&mut run, &files, &checks);
        let checks_in_order: Vec<&str> = run.iter().map(|d| &*d.check).collect();
        assert_eq!(checks_in_order, ["dept-rule", "house-rule"]);
        let mut other = vec![finding("ebb-rule", "b", 1, "m")];
        let other_keys = sort_run(&mut other, &files, &checks);
        let merged = merge_runs(
            vec![(run, keys, None), (other, other_keys, None)],
            &files,
            &checks,
        );
        let checks_in_order: Vec<&str> = merged.iter().map(|d| &*d.check).collect();
        assert_eq!(checks_in_order, ["dept-rule", "ebb-rule", "house-rule"]);
    }

    #[test]
    fn a_run_dropped_whole_merges_to_nothing() {
        let files = [0];
        let checks = CheckRanks::new(["idle-team"]);
        let mut run = findings(3, 5);
        let keys = sort_run(&mut run, &files, &checks);
        let merged = merge_runs(vec![(run, keys, Some(vec![true; 5]))], &files, &checks);
        assert!(merged.is_empty());
    }
}
