//! The search behind every "did you mean" hint, with a bounded cost per
//! look-up whatever the candidates are.
//!
//! A plain search compares the word with every candidate with a full edit
//! distance table: 2,000 long dangling ids against 2,000 long ids that
//! nearly match take hours. Here each candidate first costs one length
//! test and one comparison of character sets; only the candidates whose
//! set is close enough are ranked, at most [`MAX_COMPARED`] of them get an
//! edit distance, that distance only fills the band of the table a typo can
//! reach, and the cells filled per look-up stop at [`MAX_CELLS`]. The
//! filters never drop a candidate that is within reach, so small lists get
//! the same answer as the plain search.

/// Words and candidates longer than this are never typos of each other.
const MAX_LEN: usize = 256;

/// At most this many candidates get an edit distance per look-up.
pub(crate) const MAX_COMPARED: usize = 128;

/// At most this many cells of edit distance tables are filled per look-up:
/// enough for a few hundred ordinary ids, or some tens of 256-byte ones.
pub(crate) const MAX_CELLS: u64 = 1 << 16;

/// The set of characters of `s`, hashed into 64 buckets.
///
/// One edit changes at most two buckets (a substitution drops one
/// character and adds another), so two strings whose sets differ in `n`
/// buckets are at least `n / 2` edits apart, rounded up: a lower bound that
/// costs one `xor` and one `popcount` per candidate.
pub(crate) fn signature(s: &str) -> u64 {
    s.chars().fold(0u64, |sig, c| {
        // Fibonacci hashing spreads letters and digits over the buckets;
        // `c % 64` would put `p`..`y` on the digits.
        let bucket = u32::from(c).wrapping_mul(0x9E37_79B9) >> 26;
        sig | (1u64 << bucket)
    })
}

/// The work a look-up did, in steps: one per candidate read and one per
/// table cell filled. Tests bound it per look-up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Steps(pub(crate) u64);

/// More than [`MAX_COMPARED`] candidates passed the cheap filters, or
/// comparing them took more than [`MAX_CELLS`], and the caller asked to be
/// told rather than have them ranked on their character sets alone (which
/// cannot tell `…-000123` from `…-000132`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Crowded;

/// What [`closest_or_crowded`] does with more than [`MAX_COMPARED`]
/// candidates within reach, or more than [`MAX_CELLS`] of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnCrowd {
    /// Compare the ones with the closest character sets, ties in the order
    /// given, and keep the best found when the cells run out.
    Rank,
    /// Return [`Crowded`].
    Report,
}

/// The candidate closest to `word`, if one is a likely typo of it: at most
/// a third of its characters apart, and never more than 4. Ties break on
/// the candidate, smallest first, among those compared: all of them unless
/// there are more than [`MAX_COMPARED`] or their tables fill more than
/// [`MAX_CELLS`], and then the first in the order given among those with
/// the closest character sets. Each candidate comes with its
/// [`signature`] when the caller keeps them, else it is computed here for
/// the candidates of the right length.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, Option<u64>)>,
    steps: &mut Steps,
) -> Option<&'a str> {
    closest_or_crowded(word, candidates, OnCrowd::Rank, steps).unwrap_or_default()
}

/// [`closest`], telling the caller when too many candidates are within
/// reach if `on_crowd` asks so.
pub(crate) fn closest_or_crowded<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = (&'a str, Option<u64>)>,
    on_crowd: OnCrowd,
    steps: &mut Steps,
) -> Result<Option<&'a str>, Crowded> {
    if word.len() > MAX_LEN {
        return Ok(None);
    }
    let word_chars: Vec<char> = word.chars().collect();
    let limit = (word_chars.len() / 3).clamp(1, 4);
    let word_sig = signature(word);
    // Candidates within reach, each with the least distance its set allows.
    let mut ranked: Vec<(usize, &'a str)> = Vec::new();
    for (c, sig) in candidates {
        steps.0 += 1;
        if c.len() > MAX_LEN || c.len().abs_diff(word.len()) > limit {
            continue;
        }
        let sig = sig.unwrap_or_else(|| signature(c));
        let least = (word_sig ^ sig).count_ones().div_ceil(2) as usize;
        if least <= limit {
            ranked.push((least, c));
        }
    }
    if ranked.len() > MAX_COMPARED && on_crowd == OnCrowd::Report {
        return Err(Crowded);
    }
    // Stable: among equal bounds the caller's order stands, which puts the
    // likeliest first when the caller knows better than the bound.
    ranked.sort_by_key(|&(least, _)| least);
    ranked.truncate(MAX_COMPARED);
    let mut table = Table::default();
    let mut best: Option<(usize, &'a str)> = None;
    let mut cells = 0u64;
    for (least, c) in ranked {
        // Ranked by their least distance: once it passes the best distance
        // found, no later candidate can beat or tie it.
        let bound = best.map_or(limit, |(d, _)| d);
        if least > bound {
            break;
        }
        if cells >= MAX_CELLS {
            steps.0 += cells;
            if on_crowd == OnCrowd::Report {
                return Err(Crowded);
            }
            return Ok(best.map(|(_, c)| c));
        }
        let d = table.distance(&word_chars, c, bound, &mut cells);
        if let Some(d) = d
            && best.is_none_or(|b| (d, c) < b)
        {
            best = Some((d, c));
        }
    }
    steps.0 += cells;
    Ok(best.map(|(_, c)| c))
}

/// The rows of an edit distance table, kept between candidates.
#[derive(Default)]
struct Table {
    b: Vec<char>,
    /// The row before `prev`, for swaps of two neighbours.
    before: Vec<usize>,
    prev: Vec<usize>,
    cur: Vec<usize>,
}

impl Table {
    /// The edit distance between `a` and `b` when it is at most `bound`,
    /// else `None`: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters (`mni` for `min`, `tema` for `team`), the
    /// commonest typos, each cost one. Only the cells at most `bound` off
    /// the diagonal are filled (a path through any other cell costs more
    /// than `bound`), and the table stops at the first row whose cells all
    /// exceed it. Adds the cells filled to `cells`.
    fn distance(&mut self, a: &[char], b: &str, bound: usize, cells: &mut u64) -> Option<usize> {
        let Self {
            b: b_chars,
            before,
            prev,
            cur,
        } = self;
        b_chars.clear();
        b_chars.extend(b.chars());
        let (n, m) = (a.len(), b_chars.len());
        if n.abs_diff(m) > bound {
            return None;
        }
        // Every value past the bound is stored as `far`: outside the band
        // too, so a cell reading past its band's edge sees too far.
        let far = bound + 1;
        prev.clear();
        prev.resize(m + 1, far);
        before.clear();
        before.resize(m + 1, far);
        cur.clear();
        cur.resize(m + 1, far);
        for (j, cell) in prev.iter_mut().enumerate().take(far) {
            *cell = j;
        }
        for (i, &ca) in a.iter().enumerate() {
            let row = i + 1;
            let lo = row.saturating_sub(bound);
            let hi = m.min(row + bound);
            if lo == 0 {
                cur[0] = row;
            } else {
                cur[lo - 1] = far;
            }
            let mut row_min = if lo == 0 { row } else { far };
            for j in lo.max(1)..=hi {
                let cost = usize::from(ca != b_chars[j - 1]);
                let mut v = (prev[j - 1] + cost)
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1)
                    .min(far);
                // A swap of neighbours: the cell two up and two left is on
                // this cell's diagonal, so inside its row's band.
                if i > 0 && j > 1 && ca == b_chars[j - 2] && a[i - 1] == b_chars[j - 1] {
                    v = v.min(before[j - 2] + 1);
                }
                cur[j] = v;
                row_min = row_min.min(v);
            }
            if let Some(after) = cur.get_mut(hi + 1) {
                *after = far;
            }
            *cells += (hi + 1 - lo) as u64;
            if row_min > bound {
                return None;
            }
            std::mem::swap(before, prev);
            std::mem::swap(prev, cur);
        }
        let d = prev[m];
        (d <= bound).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_CELLS, Steps, Table, closest, signature};

    /// The full table, for reference.
    fn plain_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut before: Vec<usize> = Vec::new();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
                if i > 0 && j > 0 && *ca == b[j - 1] && a[i - 1] == *cb {
                    cur[j + 1] = cur[j + 1].min(before[j - 1] + 1);
                }
            }
            before = std::mem::replace(&mut prev, cur);
        }
        prev[b.len()]
    }

    /// The plain search: every candidate, a full table each.
    fn plain_closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
        let limit = (word.chars().count() / 3).clamp(1, 4);
        candidates
            .iter()
            .filter(|c| c.len().abs_diff(word.len()) <= limit)
            .map(|c| (plain_distance(word, c), *c))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, c)| c)
    }

    fn words() -> Vec<String> {
        let mut words: Vec<String> = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "team",
            "tema",
            "teams",
            "taem",
            "playback",
            "playbak",
            "plaback",
            "music",
            "musik",
            "über",
            "uber",
            "ünder",
            "kitten",
            "sitting",
            "team-payments-1",
            "team-payments-17",
            "team-payments-71",
            "team-paymnts-17",
            "prod-checkout",
            "prod-chekout",
            "prod-checkout-api",
            "product-checkout",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        // Every edit of a few words, at every place.
        for base in ["playback", "team-7"] {
            let chars: Vec<char> = base.chars().collect();
            for i in 0..=chars.len() {
                let mut inserted = chars.clone();
                inserted.insert(i, 'x');
                words.push(inserted.into_iter().collect());
                if i < chars.len() {
                    let mut removed = chars.clone();
                    removed.remove(i);
                    words.push(removed.iter().collect());
                    let mut changed = chars.clone();
                    changed[i] = 'q';
                    words.push(changed.iter().collect());
                }
            }
        }
        words
    }

    #[test]
    fn banded_distance_agrees_with_the_full_table_within_the_bound() {
        let words = words();
        let mut table = Table::default();
        for a in &words {
            let a_chars: Vec<char> = a.chars().collect();
            for b in &words {
                let d = plain_distance(a, b);
                for bound in 0..6 {
                    let mut cells = 0;
                    let got = table.distance(&a_chars, b, bound, &mut cells);
                    assert_eq!(got, (d <= bound).then_some(d), "{a:?} {b:?} {bound}");
                    assert!(cells <= ((2 * bound + 1) * a_chars.len()) as u64);
                }
            }
        }
    }

    #[test]
    fn a_swap_of_two_neighbours_is_one_typo() {
        let mut steps = Steps::default();
        let pick = |word: &str, among: &[&'static str], steps: &mut Steps| {
            closest(word, among.iter().map(|c| (*c, None)), steps)
        };
        assert_eq!(pick("mni", &["min", "max"], &mut steps), Some("min"));
        assert_eq!(pick("tema", &["team", "teams"], &mut steps), Some("team"));
        assert_eq!(pick("onwer", &["owner", "owns"], &mut steps), Some("owner"));
        // Two swaps in a short word are too far.
        assert_eq!(pick("nmi", &["min"], &mut steps), None);
    }

    #[test]
    fn signatures_never_rule_out_a_candidate_within_reach() {
        let words = words();
        for a in &words {
            for b in &words {
                let least = (signature(a) ^ signature(b)).count_ones().div_ceil(2) as usize;
                assert!(least <= plain_distance(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn answers_as_the_plain_search_on_small_lists() {
        let words = words();
        let candidates: Vec<&str> = words.iter().map(String::as_str).collect();
        for word in &words {
            // The word itself left out, as a dangling id is never an id.
            let others: Vec<&str> = candidates.iter().copied().filter(|c| c != word).collect();
            let mut steps = Steps::default();
            let got = closest(word, others.iter().map(|c| (*c, None)), &mut steps);
            assert_eq!(got, plain_closest(word, &others), "{word:?}");
        }
    }

    #[test]
    fn long_near_misses_cost_a_bounded_number_of_steps() {
        // 2,000 ids of 240 bytes that differ only in their last digits, and
        // 2,000 dangling words one edit from one of them each: the plain
        // search fills 2,000 tables of 240 x 240 cells per word.
        let stem = "x".repeat(230);
        let ids: Vec<String> = (0..2000).map(|i| format!("{stem}-id-{i:06}")).collect();
        let sigs: Vec<u64> = ids.iter().map(|id| signature(id)).collect();
        let mut worst = 0;
        let mut found = 0;
        for i in 0..2000 {
            let word = format!("{stem}-id-{i:06}z");
            let mut steps = Steps::default();
            let got = closest(
                &word,
                ids.iter().zip(&sigs).map(|(id, s)| (id.as_str(), Some(*s))),
                &mut steps,
            );
            found += usize::from(got == Some(ids[i].as_str()));
            worst = worst.max(steps.0);
        }
        // One step per candidate read, and the cells of at most
        // `MAX_CELLS` plus the last table started.
        let budget = ids.len() as u64 + MAX_CELLS + 9 * 256;
        assert!(worst <= budget, "{worst} steps > {budget}");
        // Ranked on their character sets alone, the crowd still yields
        // some; the suggester sends crowded words to sorted neighbours.
        assert!(found > 0, "found {found}");
    }
}
