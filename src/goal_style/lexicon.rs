//! Hand-written word lists, compiled into `match` tables on lowercase words.
//!
//! Each word maps to a set of flag bits; a word can be in several lists
//! (`cut` is a change verb and a delivery verb). The `match` in [`base`] is the source of
//! truth; at first use it is turned into a sorted table (see `words.rs`) so a lookup is a
//! binary search rather than a walk over every arm.

use super::named::{NAMED, W};
use super::roles::role_flags;
use super::wide;
use super::words::WORDS;
use std::sync::OnceLock;

/// Imperative delivery verb: launch, ship, build, migrate, …
pub(crate) const DV: u64 = 1;
/// Delivery participle or state: launched, shipped, live, available, done, …
pub(crate) const DP: u64 = 1 << 1;
/// Imperative change verb that takes a metric as its object: increase, reduce, grow, …
pub(crate) const CV: u64 = 1 << 2;
/// Result verb or adverb describing a measured change: falls, rises, doubles, up, down, …
pub(crate) const CR: u64 = 1 << 3;
/// Weak verb whose object decides: achieve, hit, reach, get, keep, maintain, …
pub(crate) const WV: u64 = 1 << 4;
/// Outcome metric vocabulary: retention, churn, revenue, latency, …
pub(crate) const MET: u64 = 1 << 5;
/// Plural people or organisations who can behave: customers, users, teams, …
pub(crate) const ACT: u64 = 1 << 6;
/// Deliverable noun: feature, report, policy, campaign, …
pub(crate) const DEL: u64 = 1 << 7;
/// Unit of time: minutes, days, ms, …
pub(crate) const TU: u64 = 1 << 8;
/// Calendar word: a month, Q1…Q4, H1, H2, FY.
pub(crate) const CAL: u64 = 1 << 9;
/// Comparator word: under, below, above, over, least, fewer, …
pub(crate) const CMPW: u64 = 1 << 10;
/// Negation: no, zero, none, never, nothing.
pub(crate) const NEG: u64 = 1 << 11;
/// Acquisition verb whose customer object makes an outcome: sign, win, acquire.
pub(crate) const ACQ: u64 = 1 << 12;
/// Hiring verb: hire, hired, recruit.
pub(crate) const HIRE: u64 = 1 << 13;
/// Things a rollout covers: services, laptops, stores, staff, …
pub(crate) const ROLL: u64 = 1 << 14;
/// Recurring service events: orders, cases, days, tickets, requests, …
pub(crate) const EVT: u64 = 1 << 15;
/// Universal quantifier: all, every, each.
pub(crate) const ALL: u64 = 1 << 16;
/// Number written as a word: one, two, half, third, dozen, …
pub(crate) const NUMW: u64 = 1 << 17;
/// Determiner: the, a, an, our, its, their, this.
pub(crate) const DET: u64 = 1 << 18;
/// Preposition that ends a noun phrase.
pub(crate) const PREP: u64 = 1 << 19;
/// Number token that looks like a year (1900–2099).
pub(crate) const YEAR: u64 = 1 << 20;
/// Means-clause opener: through, via, using.
pub(crate) const MEANS: u64 = 1 << 21;
/// Purpose-clause opener: so, which, aiming, whereby.
pub(crate) const PURP: u64 = 1 << 22;
/// Modal or auxiliary that makes a capability: can, could.
pub(crate) const CAN: u64 = 1 << 23;
/// Word `to`.
pub(crate) const TO: u64 = 1 << 24;
/// Word `from`.
pub(crate) const FROM: u64 = 1 << 25;
/// Word `by`.
pub(crate) const BY: u64 = 1 << 26;
/// Word `of`.
pub(crate) const OF: u64 = 1 << 27;
/// Word `and`.
pub(crate) const AND: u64 = 1 << 28;
/// Word `within`.
pub(crate) const WITHIN: u64 = 1 << 29;
/// Word `in`.
pub(crate) const IN: u64 = 1 << 30;
/// Word `with`.
pub(crate) const WITH: u64 = 1 << 31;
/// Word `number` / `count`.
pub(crate) const NUMBER: u64 = 1 << 32;
/// Word `before`.
pub(crate) const BEFORE: u64 = 1 << 33;
/// Word `end` (end of Q2, year end).
pub(crate) const END: u64 = 1 << 34;
/// Words `still` / `left` / `remaining` (finished-migration negations).
pub(crate) const STILL: u64 = 1 << 35;
/// Verb that completes a training or receives a deliverable: complete, attend, receive.
pub(crate) const RECV: u64 = 1 << 36;
/// Word `at`.
pub(crate) const AT: u64 = 1 << 37;
/// Word `while` / `as` starting a side clause.
pub(crate) const WHILE: u64 = 1 << 38;
/// Words that say "time" or "period": this, next, per, every (for recurrence).
pub(crate) const RECUR: u64 = 1 << 40;
/// Comparative adjective after make/get: faster, cheaper, easier.
pub(crate) const COMPAR: u64 = 1 << 41;
/// Certification or compliance name: SOC, ISO, PCI, HIPAA, WCAG.
pub(crate) const CERT: u64 = 1 << 42;
/// Coverage-style metric that counts output: coverage (of tests), completion.
pub(crate) const OUTPUT_METRIC: u64 = 1 << 43;
/// Word `without` / `instead` / `rather` (behaviour contrast).
pub(crate) const CONTRAST: u64 = 1 << 44;
/// Word `for`.
pub(crate) const FOR: u64 = 1 << 45;
/// Word `on`.
pub(crate) const ON: u64 = 1 << 46;

/// Every flag bit the word lists above use (the rule engine's role flags take the bits
/// above them, see `roles.rs`).
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) const USED_FLAGS: u64 = (1 << 47) - 1;

/// Flags of a number token: a year (`2026`), or a date written with dots,
/// which reads as one number (`31.08.2026`, `2026.08.31`), is [`YEAR`].
pub(crate) fn num_flags(b: &[u8]) -> u64 {
    let is_year = |y: &[u8]| {
        y.len() == 4
            && y.iter().all(u8::is_ascii_digit)
            && (y.starts_with(b"19") || y.starts_with(b"20"))
    };
    if is_year(b) || is_dotted_date(b, is_year) {
        return YEAR;
    }
    0
}

/// Whether `b` is a day, a month and a four-digit year joined by dots, in
/// either order (`31.08.2026`, `2026.08.31`). European thousands
/// (`1.234.567`) have groups of three digits, never a day or a month, and
/// a version (`3.12.10`) has no year.
fn is_dotted_date(b: &[u8], is_year: impl Fn(&[u8]) -> bool) -> bool {
    let mut parts = b.split(|&c| c == b'.');
    let (Some(x), Some(y), Some(z), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let small = |p: &[u8], most: u32| {
        (1..=2).contains(&p.len())
            && p.iter().all(u8::is_ascii_digit)
            && p.iter().fold(0u32, |n, &d| n * 10 + u32::from(d - b'0')) <= most
            && p.iter().any(|&d| d != b'0')
    };
    let day_and_month =
        |a: &[u8], m: &[u8]| small(a, 31) && small(m, 31) && (small(a, 12) || small(m, 12));
    (day_and_month(x, y) && is_year(z)) || (is_year(x) && small(y, 12) && small(z, 31))
}

/// Packs the word `src[s..e]`, if it is ASCII and at most 16 bytes, into an integer key:
/// lowercased and zero-padded, so distinct words give distinct keys (words never contain
/// NUL). `src` comes from [`wide::padded`].
#[inline]
fn key(src: &[u8], s: usize, e: usize) -> Option<u128> {
    const HIGH: u128 = u128::from_ne_bytes([0x80; 16]);
    /// `MASKS[n]` keeps the first `n` bytes of a big-endian 16-byte load.
    const MASKS: [u128; 17] = {
        let mut m = [0; 17];
        let mut n = 1;
        while n <= 16 {
            m[n] = u128::MAX << (8 * (16 - n));
            n += 1;
        }
        m
    };
    let mask = *MASKS.get(e.wrapping_sub(s))?;
    let x = wide::load16(src, s)? & mask;
    if mask == 0 || x & HIGH != 0 {
        return None;
    }
    // Lowercase all 16 bytes at once: with every byte below 0x80 the additions cannot
    // carry into the next byte, and the high bit of each sum tells `>= 'A'` / `> 'Z'`.
    let ge_a = x.wrapping_add(u128::from_ne_bytes([0x80 - b'A'; 16]));
    let gt_z = x.wrapping_add(u128::from_ne_bytes([0x80 - b'Z' - 1; 16]));
    let upper = ge_a & !gt_z & HIGH;
    Some(x | upper >> 2)
}

/// The [`key`] of a whole word.
fn key_of(w: &[u8]) -> Option<u128> {
    let mut buf = wide::pad_buf();
    key(wide::padded(w, &mut buf), 0, w.len())
}

/// Slots in the open-addressing index (a power of two, well above the word count).
const SLOTS: usize = 4096;

/// Spreads a key over 64 bits: the top bits pick the slot, the next ones make the tag.
fn hash(k: u128) -> u64 {
    let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    folded.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn slot(h: u64) -> usize {
    (h >> 52) as usize & (SLOTS - 1)
}

fn tag(h: u64) -> u32 {
    (h >> 36) as u32 & 0xFFFF
}

/// One word of the lexicon.
#[derive(Clone, Copy)]
struct Entry {
    /// The word as a [`key`].
    key: u128,
    flags: u64,
    id: W,
}

/// An open-addressing index over a dense list of entries.
///
/// Every lookup probes the index, so it is kept small (16 KiB, against 128 KiB for a table
/// of whole entries at the same load), and each slot carries a 16-bit tag of the hash so
/// that a word the lexicon does not know almost never reads an entry.
struct Table {
    /// `tag << 16 | (entry index + 1)`; 0 marks an empty slot.
    index: Vec<u32>,
    entries: Vec<Entry>,
}

impl Table {
    /// The entry for `k`, if any.
    #[inline]
    fn get(&self, k: u128) -> Option<&Entry> {
        let h = hash(k);
        let tag = tag(h);
        let mut i = slot(h);
        loop {
            let e = *self.index.get(i)?;
            if e == 0 {
                return None;
            }
            if e >> 16 == tag {
                let entry = self.entries.get(((e & 0xFFFF) as usize).checked_sub(1)?)?;
                if entry.key == k {
                    return Some(entry);
                }
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }

    /// The entry for `k`, added (with no flags and no name) if missing.
    fn get_or_insert(&mut self, k: u128) -> Option<&mut Entry> {
        let h = hash(k);
        let mut i = slot(h);
        loop {
            let e = *self.index.get(i)?;
            if e == 0 {
                let n = u32::try_from(self.entries.len() + 1)
                    .ok()
                    .filter(|&n| n <= 0xFFFF)?;
                self.entries.push(Entry {
                    key: k,
                    flags: 0,
                    id: W::Unnamed,
                });
                self.index[i] = tag(h) << 16 | n;
                return self.entries.last_mut();
            }
            let idx = ((e & 0xFFFF) as usize).wrapping_sub(1);
            if self.entries.get(idx).is_some_and(|x| x.key == k) {
                return self.entries.get_mut(idx);
            }
            i = (i + 1) & (SLOTS - 1);
        }
    }
}

/// The table built from [`base`] and [`NAMED`] on first use.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            index: vec![0; SLOTS],
            entries: Vec::with_capacity(WORDS.len() + NAMED.len()),
        };
        for &w in WORDS {
            let (Some(k), f) = (key_of(w.as_bytes()), base(w) | role_flags(w)) else {
                continue;
            };
            if f == 0 {
                continue;
            }
            if let Some(e) = t.get_or_insert(k) {
                e.flags = f;
            }
        }
        // named words need an entry even when no word list has them
        for &(w, id) in NAMED {
            if let Some(e) = key_of(w.as_bytes()).and_then(|k| t.get_or_insert(k)) {
                e.id = id;
            }
        }
        t
    })
}

/// Flags and name of the word `src[s..e]` (any case): hash lookup, or `base` for long
/// words.
#[inline]
fn lookup(src: &[u8], s: usize, e: usize) -> (u64, W) {
    match key(src, s, e) {
        Some(k) => table().get(k).map_or((0, W::Unnamed), |e| (e.flags, e.id)),
        None => (lookup_long(src.get(s..e).unwrap_or_default()), W::Unnamed),
    }
}

/// Flags of a long or non-ASCII word: lowercase the ASCII letters and match directly.
#[cold]
#[inline(never)]
fn lookup_long(w: &[u8]) -> u64 {
    if w.len() > 32 {
        return 0;
    }
    let mut buf = [0u8; 32];
    buf[..w.len()].copy_from_slice(w);
    buf.make_ascii_lowercase();
    std::str::from_utf8(&buf[..w.len()]).map_or(0, |w| base(w) | role_flags(w))
}

/// Flags of the word `src[s..e]` in any case (tries the plural-stripped form for nouns and
/// the last part of hyphenated compounds), and which named word it is exactly. `src`
/// comes from [`wide::padded`].
#[inline]
pub(crate) fn word_flags(src: &[u8], s: usize, e: usize) -> (u64, W) {
    let (f, id) = lookup(src, s, e);
    if f != 0 {
        return (f, id);
    }
    (part_flags(src, s, e), id)
}

/// Flags of an unknown word taken from its parts: its plural stem, or the last part of a
/// hyphenated compound. Kept out of line so the common path stays small.
#[inline(never)]
fn part_flags(src: &[u8], s: usize, e: usize) -> u64 {
    let w = src.get(s..e).unwrap_or_default();
    if matches!(w.last(), Some(b's' | b'S')) && w.len() > 3 {
        let g = lookup(src, s, e - 1).0 & (MET | DEL | ROLL | EVT | TU);
        if g != 0 {
            return g;
        }
    }
    // hyphenated compounds: judge by the last part for nouns (week-1 retention, sign-up rate)
    if let Some(pos) = w.iter().rposition(|&c| c == b'-') {
        let last = s + pos + 1;
        // "Peer-base" names something; "real-time", "full-time" describe, not measure
        let tail = src.get(last..e).unwrap_or_default();
        let head = src.get(s..s + pos).unwrap_or_default();
        if tail.eq_ignore_ascii_case(b"base")
            || tail.eq_ignore_ascii_case(b"time")
                && (pos <= 4 || head.eq_ignore_ascii_case(b"first"))
        {
            return 0;
        }
        // "time-to-first-green", "time-to-value": how long something takes
        if w.len() > 8 && w[..8].eq_ignore_ascii_case(b"time-to-") {
            return MET;
        }
        let g = lookup(src, last, e).0 & (MET | DEL | TU);
        if g != 0 {
            return g;
        }
        // "suppliers risk-assessed", "vendors security-reviewed": done to them; but
        // "community-created" is made by people outside the team
        let done = lookup(src, last, e).0 & DP;
        if done != 0 && lookup(src, s, s + pos).0 & ACT == 0 {
            return done;
        }
        if w.last() == Some(&b's') {
            return lookup(src, last, e - 1).0 & (MET | DEL);
        }
    }
    0
}

#[allow(clippy::too_many_lines)]
fn base(w: &str) -> u64 {
    match w {
        // ---- function words
        "to" => TO | PREP,
        "from" => FROM | PREP,
        "by" => BY | PREP,
        "of" => OF | PREP,
        "and" | "&" | "plus" => AND,
        "within" => WITHIN | PREP,
        "in" => IN | PREP,
        "with" => WITH | PREP,
        "for" => FOR | PREP,
        "on" => ON | PREP,
        "at" => AT | PREP,
        "number" | "count" => NUMBER,
        "into" | "onto" | "across" | "among" | "per" | "between" | "after" | "during" | "than"
        | "via" | "through" | "using" | "against" | "about" | "behind" => {
            let mut f = PREP;
            if matches!(w, "via" | "through" | "using") {
                f |= MEANS;
            }
            if w == "per" {
                f |= RECUR;
            }
            f
        }
        "the" | "a" | "an" | "our" | "its" | "their" | "this" | "that" | "these" | "those"
        | "my" | "your" | "his" | "her" => {
            let mut f = DET;
            if w == "that" {
                f |= PURP;
            }
            if w == "this" {
                f |= RECUR;
            }
            f
        }
        "before" | "ahead" => BEFORE | PREP,
        "end" | "year-end" | "quarter-end" | "month-end" | "eoy" | "eoq" => END,
        "so" | "which" | "aiming" | "whereby" | "hoping" | "expecting" => PURP,
        "while" | "whilst" => WHILE,
        "can" | "could" | "able" => CAN,
        "still" | "left" | "remaining" | "remains" | "remain" | "anymore" | "continues" => {
            if matches!(w, "remains" | "remain") {
                STILL | CR
            } else {
                STILL
            }
        }
        "without" | "instead" | "rather" | "unassisted" | "self-serve" | "themselves" => CONTRAST,
        "every" | "each" | "all" | "100" => ALL | RECUR,
        "weekly" | "monthly" | "daily" | "quarterly" | "nightly" | "annually" | "yearly" => RECUR,

        // ---- comparators and negations
        "under" | "below" | "above" | "over" | "least" | "most" | "less" | "fewer" | "more"
        | "better" | "higher" | "lower" | "exceed" | "exceeds" | "beyond" | "max" | "min"
        | "maximum" | "minimum" | "or" | "lt" | "gt" | "faster" | "slower" | "steady" | "flat" => {
            let mut f = CMPW;
            if matches!(w, "exceed" | "exceeds") {
                f |= CR;
            }
            if matches!(w, "faster" | "lower") {
                f |= COMPAR;
            }
            if w == "lower" {
                f |= CV;
            }
            if w == "min" {
                f |= TU;
            }
            if w == "more" {
                f |= COMPAR;
            }
            f
        }
        "no" | "zero" | "none" | "never" | "nothing" | "nobody" | "not" | "nil" => {
            let mut f = NEG;
            if w == "zero" {
                f |= NUMW;
            }
            f
        }
        "cheaper" | "easier" | "fast" | "quick" | "twice" | "quicker" | "simpler" | "sooner"
        | "longer" | "shorter" | "smaller" | "bigger" | "larger" | "safer" | "happier"
        | "greater" | "fuller" => COMPAR,

        // ---- number words
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        | "eleven" | "twelve" | "fifteen" | "twenty" | "thirty" | "forty" | "fifty" | "sixty"
        | "seventy" | "eighty" | "ninety" | "hundred" | "thousand" | "million" | "billion"
        | "dozen" | "third" | "thirds" | "quarter" | "fifth" | "tenth" | "percent"
        | "percentage" | "pts" | "points" | "point" | "pp" | "bps" | "x" | "k" => {
            let mut f = NUMW;
            if matches!(w, "quarter") {
                f |= CAL | TU;
            }
            f
        }
        "half" => NUMW | CR,
        "majority" | "minority" => NUMW,

        // ---- calendar
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august"
        | "september" | "october" | "november" | "december" | "jan" | "feb" | "mar" | "apr"
        | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" | "q1" | "q2" | "q3"
        | "q4" | "h1" | "h2" | "fy" | "fy24" | "fy25" | "fy26" | "fy27" | "fy28" | "spring"
        | "summer" | "autumn" | "fall" | "winter" | "christmas" | "peak" | "launch" => {
            let mut f = CAL;
            if w == "launch" {
                f = DV | DEL;
            }
            if w == "fall" {
                f |= CR;
            }
            if w == "peak" {
                f = 0;
            }
            f
        }

        // ---- time units
        "second" | "seconds" | "sec" | "secs" | "s" | "ms" | "µs" | "us" | "minute" | "minutes"
        | "mins" | "m" | "hour" | "hours" | "hr" | "hrs" | "h" | "day" | "days" | "week"
        | "weeks" | "wk" | "wks" | "month" | "months" | "mo" | "mos" | "year" | "years" | "yr"
        | "yrs" | "night" | "nights" | "shift" | "sprint" | "sprints" | "business" | "working"
        | "trading" | "half-year" | "bd" | "bds" => {
            let mut f = TU;
            if matches!(w, "days") {
                f |= EVT;
            }
            f
        }

        // ---- verbs: hiring
        "hire" | "recruit" | "hired" | "recruited" | "staff" | "staffed" | "fill" | "filled" => {
            let mut f = HIRE;
            if matches!(w, "hire" | "recruit" | "fill") {
                f |= DV;
            }
            if matches!(w, "hired" | "recruited" | "staffed" | "filled") {
                f |= DP;
            }
            if w == "staff" {
                f = ACT | ROLL;
            }
            f
        }

        // ---- verbs: acquisition
        "sign" | "win" | "acquire" | "land" | "attract" | "gain" | "earn" | "secure" => {
            let mut f = ACQ | DV;
            if matches!(w, "win" | "gain" | "earn") {
                f = ACQ | WV;
            }
            if w == "win" {
                f |= MET;
            }
            f
        }
        "signed" | "won" | "acquired" => ACQ | DP,

        // ---- verbs: change (imperative)
        "increase" | "reduce" | "grow" | "raise" | "lift" | "improve" | "double" | "triple"
        | "halve" | "cut" | "decrease" | "boost" | "drive" | "shorten" | "shrink"
        | "accelerate" | "speed" | "minimize" | "minimise" | "maximize" | "maximise"
        | "eliminate" | "prevent" | "avoid" | "decline" | "drop" | "rise" | "climb"
        | "quadruple" | "slash" | "bring" | "increasing" | "reducing" | "improving" | "growing"
        | "lowering" | "cutting" | "go" | "scale" => {
            let mut f = CV;
            if matches!(
                w,
                "grow" | "drop" | "rise" | "climb" | "decline" | "double" | "triple" | "halve"
            ) {
                f |= CR;
            }
            if w == "go" {
                f = CR | DV;
            }
            f
        }
        // ---- result verbs and adverbs
        "up" | "down" | "falls" | "fell" | "drops" | "dropped" | "rises" | "rose" | "grows"
        | "grew" | "climbs" | "climbed" | "improves" | "improved" | "halves" | "halved"
        | "doubles" | "doubled" | "triples" | "tripled" | "declines" | "declined" | "decreases"
        | "decreased" | "increases" | "increased" | "reduced" | "reaches" | "reached" | "holds"
        | "stays" | "stay" | "averages" | "average" | "equals" | "equal" | "beat" | "beats"
        | "tightens" | "shortens" | "shrinks" | "deflects" | "deflect" | "shrinking" | "goes"
        | "went" | "cuts" | "lifts" | "moves" | "outperform" | "outperforms" | "saves"
        | "drives" | "match" | "matches" | "recover" | "recovers" | "back" | "steadily"
        | "lowered" | "raised" | "boosted" | "accelerates" | "trend" | "trends" | "surpass"
        | "surpasses" | "top" | "tops" | "hits" | "halving" | "doubling" | "grown" | "fallen"
        | "risen" | "+" => {
            let mut f = CR;
            if matches!(w, "average") {
                f |= MET;
            }
            if w == "top" {
                f = 0;
            }
            f
        }

        // ---- weak verbs
        "achieve" | "hit" | "reach" | "get" | "keep" | "maintain" | "have" | "make" | "deliver"
        | "sustain" | "ensure" | "be" | "become" | "hold" | "retain" | "generate" | "close"
        | "convert" | "grab" | "capture" | "return" | "save" | "enable" | "see" | "obtain"
        | "meet" | "realize" | "realise" => {
            let mut f = WV;
            if matches!(
                w,
                "deliver" | "hold" | "close" | "generate" | "enable" | "obtain"
            ) {
                f |= DV;
            }
            if matches!(w, "save") {
                f |= CV;
            }
            f
        }

        // ---- delivery verbs (imperative)
        "ship" | "build" | "complete" | "migrate" | "run" | "implement" | "release" | "publish"
        | "write" | "create" | "design" | "introduce" | "onboard" | "digitize" | "digitise"
        | "record" | "train" | "host" | "add" | "integrate" | "rebuild" | "redesign"
        | "rewrite" | "replace" | "retire" | "deprecate" | "decommission" | "sunset"
        | "consolidate" | "move" | "open" | "install" | "upgrade" | "refresh" | "refit"
        | "rebrand" | "translate" | "localize" | "localise" | "automate" | "document"
        | "produce" | "file" | "tape" | "stand" | "set" | "roll" | "select" | "finalize"
        | "finalise" | "procure" | "tender" | "contract" | "renegotiate" | "reconcile"
        | "review" | "interview" | "contact" | "send" | "start" | "pass" | "submit" | "convene"
        | "enforce" | "remove" | "refactor" | "connect" | "adopt" | "list" | "certify"
        | "manufacture" | "appoint" | "sponsor" | "fix" | "support" | "offer" | "provide"
        | "establish" | "define" | "draft" | "prepare" | "plan" | "conduct" | "perform"
        | "deploy" | "configure" | "instrument" | "pilot" | "prototype" | "assemble" | "fund"
        | "negotiate" | "organize" | "organise" | "attend" | "relaunch" | "rollout" | "kick"
        | "kickoff" | "announce" | "unveil" | "expose" | "extend" | "update" | "apply"
        | "assign" | "require" | "mandate" | "scan" | "test" | "qualify" | "schedule" | "setup"
        | "spin" | "stop" | "switch" | "adapt" | "port" | "rework" | "revamp" | "overhaul"
        | "modernize" | "modernise" | "refine" | "standardize" | "standardise" | "formalize"
        | "formalise" | "centralize" | "centralise" | "map" | "audit" | "research" | "explore"
        | "investigate" | "evaluate" | "assess" | "analyze" | "analyse" | "identify" | "finish"
        | "conclude" | "expand" | "report" | "invest" | "partner" | "enter" | "visit" | "call"
        | "email" | "engage" | "present" | "share" | "demo" | "showcase" | "distribute"
        | "print" | "collect" | "gather" | "label" | "tag" | "clean" | "archive" | "delete"
        | "purge" | "rename" | "restructure" | "reorganize" | "reorganise" | "merge" | "split"
        | "rotate" | "patch" | "harden" | "encrypt" | "backfill" | "benchmark" | "outsource"
        | "tear" | "resurface" | "pave" | "shard" | "exhibit" | "weatherize" | "weatherise"
        | "retrofit" | "insulate" | "award" | "renovate" | "refurbish" | "equip" | "inspect"
        | "carry" | "renew" | "reline" | "fit" | "mail" | "insource" | "sunsetting"
        | "launching" | "shipping" | "building" | "migrating" | "implementing" | "releasing"
        | "rolling" | "delivering" | "completing" | "hiring" | "creating" | "designing"
        | "writing" | "publishing" | "decommissioning" | "replacing" | "moving" | "onboarding"
        | "running" | "refactoring" | "rewriting" | "retiring" | "deploying" | "introducing"
        | "source" | "develop" | "resolve" | "solve" | "monitor" | "measure" | "shadow"
        | "activate" | "reactivate" | "continue" | "enhance" | "do" | "come" | "remediate"
        | "educate" | "mentor" | "coach" | "facilitate" | "amplify" | "promote" | "celebrate"
        | "evangelize" | "evangelise" | "advocate" | "speak" | "invite" | "nominate"
        | "contribute" | "upstream" | "triage" | "validate" | "annotate" | "verify" | "compute"
        | "calculate" | "speaking" | "evolve" | "determine" | "wrap" | "track"
        | "operationalize" | "operationalise" | "discuss" => {
            let mut f = DV;
            if matches!(w, "complete" | "attend") {
                f |= RECV;
            }
            if matches!(
                w,
                "release"
                    | "plan"
                    | "design"
                    | "audit"
                    | "research"
                    | "test"
                    | "pilot"
                    | "prototype"
                    | "review"
                    | "contract"
                    | "interview"
                    | "offer"
                    | "update"
                    | "document"
                    | "upgrade"
                    | "fund"
                    | "report"
                    | "redesign"
                    | "rebrand"
                    | "relaunch"
                    | "refresh"
                    | "rollout"
                    | "kickoff"
                    | "setup"
                    | "demo"
                    | "file"
                    | "record"
                    | "list"
                    | "map"
            ) {
                f |= DEL;
            }
            if matches!(w, "share") {
                f = MET;
            }
            if matches!(w, "stop") {
                f = NEG;
            }
            if matches!(
                w,
                "onboarding" | "running" | "hiring" | "shipping" | "building"
            ) {
                f = 0; // usually a noun modifier (onboarding flow, running costs)
            }
            if matches!(w, "support") {
                f |= DEL | MET; // support tickets, support load
            }
            if matches!(w, "return") {
                f |= MET;
            }
            f
        }
        "stops" | "stopped" | "stopping" | "nobody's" => NEG,
        "right-sized" | "resized" | "put" => DP,
        "receive" | "receives" | "received" | "attends" | "completes" => RECV | DP,

        // ---- delivery participles and states
        "launched" | "shipped" | "built" | "completed" | "migrated" | "implemented" | "wrapped"
        | "operationalized" | "operationalised" | "discussed" | "released" | "delivered"
        | "published" | "written" | "created" | "designed" | "introduced" | "onboarded"
        | "digitized" | "digitised" | "recorded" | "trained" | "held" | "hosted" | "added"
        | "integrated" | "rebuilt" | "redesigned" | "rewritten" | "replaced" | "retired"
        | "deprecated" | "decommissioned" | "sunsetted" | "consolidated" | "moved" | "opened"
        | "installed" | "upgraded" | "refreshed" | "fitted" | "retrofitted" | "earned"
        | "translated" | "localized" | "localised" | "automated" | "documented" | "produced"
        | "filed" | "rolled" | "stood" | "selected" | "finalized" | "finalised" | "procured"
        | "renegotiated" | "sent" | "started" | "passed" | "submitted" | "convened"
        | "enforced" | "removed" | "refactored" | "connected" | "adopted" | "listed"
        | "certified" | "manufactured" | "appointed" | "enabled" | "supported" | "offered"
        | "provided" | "established" | "defined" | "drafted" | "prepared" | "conducted"
        | "performed" | "deployed" | "configured" | "instrumented" | "piloted" | "tested"
        | "assembled" | "approved" | "done" | "fielded" | "live" | "available" | "extended"
        | "obtained" | "issued" | "applied" | "updated" | "generated" | "retuned" | "fixed"
        | "handed" | "assigned" | "required" | "mandated" | "scanned" | "qualified" | "funded"
        | "agreed" | "ratified" | "operational" | "ready" | "finished" | "reviewed" | "audited"
        | "accredited" | "authored" | "kicked" | "announced" | "unveiled" | "exposed"
        | "mapped" | "evaluated" | "assessed" | "analyzed" | "analysed" | "identified"
        | "rebranded" | "refitted" | "tendered" | "contracted" | "negotiated" | "organized"
        | "organised" | "relaunched" | "piloting" | "ga" | "rolled-out" | "in-place"
        | "signed-off" | "overhauled" | "revamped" | "modernized" | "modernised"
        | "standardized" | "standardised" | "formalized" | "formalised" | "centralized"
        | "centralised" | "archived" | "deleted" | "purged" | "renamed" | "restructured"
        | "reorganized" | "reorganised" | "rotated" | "patched" | "hardened" | "encrypted"
        | "backfilled" | "benchmarked" | "outsourced" | "labelled" | "labeled" | "tagged"
        | "collected" | "enrolled" | "registered" | "licensed" | "cut-over" | "provisioned"
        | "retrained" | "re-platformed" | "replatformed" | "ported" | "reworked" | "met"
        | "sourced" | "achieved" | "attained" | "exceeded" | "aligned" | "remediated"
        | "upstreamed" | "promoted" | "invited" => DP,

        // ---- metric vocabulary
        "retention" | "churn" | "conversion" | "conversions" | "revenue" | "arr" | "mrr"
        | "nrr" | "ndr" | "grr" | "gmv" | "margin" | "margins" | "cost" | "spend" | "savings"
        | "latency" | "p50" | "p75" | "p90" | "p95" | "p99" | "uptime" | "availability"
        | "defect" | "error" | "errors" | "incident" | "incidents" | "outage" | "outages"
        | "mttr" | "mtbf" | "mttd" | "mtta" | "dso" | "dpo" | "dio" | "nps" | "enps" | "csat"
        | "ces" | "rate" | "rates" | "time" | "times" | "duration" | "adoption" | "usage"
        | "engagement" | "satisfaction" | "rating" | "score" | "attrition" | "turnover"
        | "happiness" | "sign-ups" | "signups" | "sign-up" | "installs" | "visits" | "traffic"
        | "leads" | "pipeline" | "bookings" | "booking" | "sales" | "volume" | "throughput"
        | "yield" | "accuracy" | "precision" | "recall" | "productivity" | "cycle" | "backlog"
        | "success" | "complaints" | "complaint" | "escalations" | "wait" | "waits"
        | "abandonment" | "payback" | "cac" | "ltv" | "clv" | "arpu" | "arppu" | "arpa" | "roi"
        | "roas" | "gmroi" | "oee" | "dppm" | "mape" | "ctr" | "click-through" | "opt-in"
        | "otif" | "fpy" | "otd" | "stockouts" | "stock-outs" | "ttf" | "tth" | "avail"
        | "takeovers" | "opex" | "capex" | "cogs" | "otp" | "revpar" | "leakage" | "cpa"
        | "cpl" | "deflection" | "attendance" | "mentions" | "placements" | "voice" | "size"
        | "profit" | "profitability" | "income" | "ebitda" | "cash" | "burn" | "runway"
        | "variance" | "failures" | "failure" | "crashes" | "crash" | "crash-free" | "stalls"
        | "reliability" | "performance" | "freshness" | "drift" | "noise" | "emissions"
        | "frequency" | "stability" | "interest" | "spread" | "renewals" | "renewal"
        | "acceptance" | "circulation" | "uniques" | "health" | "upgrades" | "expansion"
        | "activation" | "activations" | "dau" | "mau" | "wau" | "d1" | "d7" | "d30" | "d90"
        | "ret" | "lifetime" | "effort" | "trust" | "sentiment" | "loyalty" | "repeat"
        | "returns" | "refunds" | "losses" | "loss" | "fraud" | "defaults" | "write-offs"
        | "chargebacks" | "delays" | "delay" | "queue" | "quota" | "coverage" | "completion"
        | "wins" | "sessions" | "streaks" | "clicks" | "downloads" | "views" | "reads"
        | "opens" | "replies" | "reply" | "share-of-voice" | "footfall" | "occupancy"
        | "utilization" | "utilisation" | "efficiency" | "waste" | "scrap" | "shrinkage"
        | "markdown" | "markdowns" | "discounting" | "discount" | "dwell" | "shortfall"
        | "overtime" | "absence" | "absenteeism" | "sick" | "bounce" | "funnel" | "acv" | "tcv"
        | "aov" | "basket" | "deals" | "bugs" | "bug" | "defects" | "findings"
        | "vulnerabilities" | "violations" | "breaches" | "breach" | "pages" | "alerts"
        | "tickets" | "calls" | "contacts" | "cancellations" | "cancellation" | "refund"
        | "chargeback" | "accidents" | "injuries" | "ltifr" | "trir" | "co2" | "carbon"
        | "energy" | "water" | "velocity" | "lead" | "mql" | "sql" | "mqls" | "sqls"
        | "opportunities" | "logos" | "logo" | "seats" | "gross" | "net" | "median" | "mean"
        | "percentile" | "penetration" | "ratio" | "rank" | "ranking" | "position" | "weight"
        | "kg" | "km" | "kilometres" | "kilometers" | "miles" | "co2e" | "earnings" | "orders"
        | "transactions" | "purchases" | "experience" | "base" | "signatures" | "registrations"
        | "subscriptions" | "opps" | "opp" | "sao" | "saos" | "sqo" | "sqos" | "sal" | "sals"
        | "sclau" | "sclaus" | "iacv" | "attainment" | "asp" | "listens" | "streams" | "plays"
        | "stars" | "forks" | "contributions" | "expansions" | "upsell" | "upsells"
        | "awareness" | "belonging" | "diversity" | "inclusion" | "morale" | "wellbeing"
        | "predictability" | "robustness" | "scalability" | "usability" | "approval"
        | "feedback" | "traction" | "arr-growth" | "nps-score" | "win-rate" | "retention-rate"
        | "signup" | "pipe" | "mindshare" | "ups" | "pql" | "pqls" | "upvotes" | "likes"
        | "retweets" | "reactions" | "citations" | "impressions" | "pageviews" | "enrollments"
        | "enrolments" | "blockers" | "regressions" | "wishlists" | "participation"
        | "ridership" | "uptake" | "take-up" | "turnout" | "patronage" | "borrowing"
        | "employment" | "unemployment" | "literacy" | "numeracy" | "graduation"
        | "readmissions" | "readmission" | "mortality" | "homelessness" | "recidivism"
        | "obesity" | "loans" => {
            let mut f = MET;
            if matches!(w, "coverage" | "completion") {
                f |= OUTPUT_METRIC;
            }
            if matches!(
                w,
                "orders" | "tickets" | "calls" | "deals" | "transactions" | "sessions"
            ) {
                f |= EVT;
            }
            if matches!(w, "logos" | "logo" | "seats") {
                f |= ACT;
            }
            f
        }

        // ---- actors (plural forms only, they are behaviour subjects)
        "customers" | "users" | "members" | "teams" | "engineers" | "developers" | "residents"
        | "citizens" | "merchants" | "shoppers" | "buyers" | "sellers" | "reps" | "managers"
        | "employees" | "admins" | "readers" | "viewers" | "listeners" | "subscribers"
        | "patients" | "nurses" | "drivers" | "farmers" | "traders" | "brokers" | "analysts"
        | "candidates" | "households" | "accounts" | "clients" | "visitors" | "players"
        | "learners" | "students" | "owners" | "hosts" | "partners" | "firms" | "vendors"
        | "suppliers" | "consumers" | "applicants" | "people" | "families" | "parents"
        | "couriers" | "pickers" | "editors" | "creators" | "hires" | "prospects"
        | "registrants" | "attendees" | "businesses" | "companies" | "organisations"
        | "institutions" | "universities" | "colleges" | "supporters" | "organizations"
        | "squads" | "workers" | "staffers" | "agents" | "operators" | "designers"
        | "marketers" | "advertisers" | "publishers" | "authors" | "riders" | "guests"
        | "travellers" | "travelers" | "passengers" | "donors" | "volunteers" | "tenants"
        | "landlords" | "schools" | "teachers" | "doctors" | "clinicians" | "physicians"
        | "lawyers" | "investors" | "integrators" | "workspaces" | "organizers" | "builders"
        | "pms" | "csms" | "aes" | "sdrs" | "fans" | "athletes" | "caregivers" | "carers"
        | "employers" | "taxpayers" | "voters" | "homeowners" | "renters" | "sme" | "smes"
        | "smbs" | "startups" | "enterprises" | "adopters" | "newcomers" | "joiners"
        | "committers" | "leavers" | "recruiters" | "approvers" | "requesters" | "stakeholders"
        | "executives" | "leaders" | "cooks" | "chefs" | "diners" | "members'" | "customers'"
        | "users'" | "collaborators" | "contributors" | "resellers" | "sponsors" | "backers"
        | "participants" | "community" | "advocates" | "champions" | "evangelists"
        | "promoters" | "detractors" | "respondents" | "audiences" | "audience" | "followers"
        | "savers" | "depositors" | "borrowers" | "policyholders" | "cardholders" | "children"
        | "adults" | "youth" | "seniors" | "veterans" | "infants" | "pupils" | "patrons"
        | "holders" => {
            let mut f = ACT;
            if matches!(
                w,
                "employees"
                    | "engineers"
                    | "managers"
                    | "teams"
                    | "drivers"
                    | "partners"
                    | "accounts"
                    | "suppliers"
                    | "vendors"
                    | "merchants"
                    | "tenants"
                    | "workspaces"
                    | "schools"
            ) {
                f |= ROLL;
            }
            f
        }

        // ---- rollout targets and recurring events
        "services" | "service" | "laptops" | "laptop" | "servers" | "devices" | "stores"
        | "store" | "repositories" | "repos" | "repository" | "tables" | "datasets" | "models"
        | "workloads" | "apps" | "tools" | "products" | "clusters" | "machines" | "endpoints"
        | "workstations" | "forms" | "sites" | "offices" | "locations" | "branches" | "regions"
        | "markets" | "countries" | "systems" | "databases" | "environments" | "pipelines"
        | "projects" | "vehicles" | "terminals" | "plants" | "warehouses" | "targets" | "jobs"
        | "nodes" | "routers" | "instances" | "vms" | "containers" | "functions" | "vans"
        | "trucks" | "lorries" | "buses" | "depots" | "hubs" | "properties" | "svcs" | "svc"
        | "methods" | "dags" | "microservices" | "components" | "modules" | "files"
        | "channels" | "units" | "categories" | "skus" => {
            let mut f = ROLL;
            if matches!(w, "service" | "store") {
                f |= DEL;
            }
            if matches!(w, "units") {
                f |= EVT;
            }
            f
        }
        "cases" | "requests" | "changes" | "deploys" | "deployments" | "runs" | "claims"
        | "invoices" | "payments" | "shipments" | "deliveries" | "parcels" | "queries"
        | "applications" | "builds" | "occasions" | "weekdays" | "cves" | "prs" | "commits" => EVT,

        // ---- deliverables
        "feature" | "residency" | "round" | "funding" | "directory" | "policy" | "policies"
        | "tutorial" | "tutorials" | "launcher" | "plugins" | "lesson" | "lessons"
        | "partnerships" | "campaign" | "program" | "programme" | "tool" | "app" | "site"
        | "website" | "page" | "dashboard" | "api" | "apis" | "sdk" | "integration"
        | "integrations" | "connector" | "workflow" | "template" | "playbook" | "guide"
        | "guidelines" | "course" | "training" | "module" | "documentation" | "docs" | "doc"
        | "roadmap" | "strategy" | "process" | "framework" | "platform" | "assessment"
        | "analysis" | "study" | "version" | "migration" | "launches" | "mvp" | "poc"
        | "article" | "articles" | "video" | "videos" | "webinar" | "podcast" | "episode"
        | "newsletter" | "whitepaper" | "ebook" | "blog" | "post" | "event" | "meetup"
        | "conference" | "hackathon" | "hackday" | "hackdays" | "workshop" | "workshops"
        | "briefing" | "briefings" | "runbook" | "rfc" | "rfcs" | "adr" | "adrs" | "spec"
        | "specs" | "agreement" | "partnership" | "patent" | "patents" | "hub" | "office"
        | "counter" | "portal" | "catalog" | "catalogue" | "register" | "registry" | "handbook"
        | "checklist" | "calculator" | "sandbox" | "environment" | "rig" | "kit" | "layer"
        | "gateway" | "engine" | "option" | "packaging" | "signage" | "labels" | "chargers"
        | "tiers" | "deck" | "scorecards" | "library" | "stack" | "cluster" | "carousel"
        | "paywall" | "flow" | "widget" | "widgets" | "mode" | "profile" | "forum" | "line"
        | "firmware" | "filing" | "certification" | "recertification" | "accreditation"
        | "license" | "licence" | "walks" | "walk-throughs" | "walkthroughs" | "studies"
        | "bootcamp" | "curriculum" | "lab" | "system" | "database" | "schema" | "model"
        | "survey" | "loop" | "loops" | "mechanism" | "mechanisms" | "surveys" | "experiment"
        | "experiments" | "tests" | "hackathons" | "booth" | "booths" | "all-hands" | "offsite"
        | "summit" | "demo-day" | "panel" | "interviews" | "story" | "stories" | "messages"
        | "messaging" | "copy" | "content" | "readme" | "changelog" | "wiki" | "faq" | "faqs"
        | "macros" | "contracts" | "controls" | "control" | "matrix" | "dpa" | "sla" | "slas"
        | "slo" | "slos" | "okrs" | "okr" | "charter" | "rubric" | "ladder" | "bands"
        | "pricing" | "price-book" | "sku" | "offering" | "plugin" | "extension" | "add-on"
        | "addon" | "connectors" | "chatbot" | "bot" | "assistant" | "search" | "checkout"
        | "tour" | "wizard" | "editor" | "player" | "inbox" | "feed" | "export" | "import"
        | "sync" | "webhooks" | "webhook" | "notifications" | "alerting" | "monitoring"
        | "logging" | "tracing" | "backup" | "backups" | "failover" | "dr" | "drill" | "drills"
        | "exercise" | "exercises" | "tabletop" | "inventory" | "gap" | "roadshow" | "beta"
        | "alpha" | "v1" | "v2" | "v3" | "v4" | "mobile" | "ios" | "android" | "web"
        | "desktop" | "soc" | "iso" | "pci" | "hipaa" | "gdpr" | "wcag" | "fedramp" | "sox"
        | "nis2" | "dora" | "cmmc" | "tisax" | "ce" | "fcc" | "ul" | "cyber" | "dsar" | "sso"
        | "scim" | "mfa" | "2fa" | "rbac" | "cli" | "ui" | "ux" | "suite" | "guidance"
        | "terms" | "notice" | "agreements" | "prototypes" | "templates" | "guides" | "courses"
        | "podcasts" | "episodes" | "newsletters" | "whitepapers" | "ebooks" | "posts"
        | "events" | "meetups" | "conferences" | "runbooks" | "dashboards" | "reports"
        | "engagements" | "features" | "campaigns" | "programs" | "programmes" | "playbooks"
        | "workflows" | "plans" | "roadmaps" | "strategies" | "processes" | "examples"
        | "diagram" | "diagrams" | "blueprint" | "blueprints" | "mockup" | "mockups"
        | "wireframe" | "wireframes" | "classes" | "clinics" => {
            let mut f = DEL;
            if matches!(
                w,
                "soc"
                    | "iso"
                    | "pci"
                    | "hipaa"
                    | "gdpr"
                    | "wcag"
                    | "fedramp"
                    | "sox"
                    | "cmmc"
                    | "tisax"
                    | "certification"
                    | "recertification"
                    | "accreditation"
            ) {
                f |= CERT;
            }
            if matches!(
                w,
                "search" | "checkout" | "onboarding" | "player" | "import"
            ) {
                f = DEL; // product areas; metrics nearby decide
            }
            f
        }
        _ => 0,
    }
}

/// Whether `word` is a currency's code (`EUR`, `chf`): the amount after it is
/// a quantity.
pub(crate) fn is_currency_code(word: &str) -> bool {
    [
        "eur", "usd", "gbp", "chf", "jpy", "cad", "aud", "inr", "sek", "nok", "dkk", "nzd", "sgd",
        "hkd", "cny", "brl", "mxn", "zar", "pln",
    ]
    .iter()
    .any(|c| word.eq_ignore_ascii_case(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every literal matched in `base` must be in `WORDS`, or the table would miss it.
    #[test]
    fn word_list_covers_the_match() {
        let src = include_str!("lexicon.rs");
        let start = src.find("fn base(w: &str)").expect("base");
        let end = src.find("#[cfg(test)]").expect("tests");
        let body = &src[start..end];
        let mut missing = Vec::new();
        for (n, piece) in body.split('"').enumerate() {
            if n % 2 == 1 && !piece.is_empty() && base(piece) != 0 && !WORDS.contains(&piece) {
                missing.push(piece.to_string());
            }
        }
        assert!(missing.is_empty(), "add to words.rs: {missing:?}");
    }

    #[test]
    fn lookup_agrees_with_base() {
        let whole = |w: &[u8], f: fn(&[u8], usize, usize) -> (u64, W)| {
            let mut buf = wide::pad_buf();
            f(wide::padded(w, &mut buf), 0, w.len())
        };
        for &w in WORDS {
            assert_eq!(
                whole(w.as_bytes(), lookup).0,
                base(w) | role_flags(w),
                "{w}"
            );
        }
        assert_eq!(whole(b"Features", word_flags).0 & DEL, DEL);
        assert_eq!(whole(b"sign-ups", word_flags).0 & MET, MET);
        assert_eq!(whole(b"zzzz", lookup), (0, W::Unnamed));
        for &(w, id) in NAMED {
            assert_eq!(
                whole(w.to_ascii_uppercase().as_bytes(), lookup).1,
                id,
                "{w}"
            );
        }
        // a word at the very end of a text read in place
        let text = b"................ Retention";
        assert_eq!(lookup(text, 17, text.len()), whole(b"retention", lookup));
        assert_eq!(lookup(text, 17, text.len() - 1).0, 0);
    }
}
