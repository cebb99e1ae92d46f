//! Features: what the learned layer reads off a key result.
//!
//! Every feature is a *role* plus a *class*: "the first word of a sentence is a delivery
//! verb", "a number counts something on the customer-measure list", "the word after a
//! number is `registrations`". Roles come from the sentence's structure (which word opens
//! each sentence, what a number quantifies, how the sentence ends, which cues the rule
//! engine found in the main clause); classes come from the hand-written lexicon or, for
//! word features, from the word's stem. The learned weights then say how much each
//! role-and-class pair counts, which is what transfers across organisations: the words
//! differ, the shapes of the sentences do not.
//!
//! Features are packed into a `u64` key (family in the top byte, payload below) so the
//! extractor never allocates and the weight table is a sorted array.

use super::cues::{CueBuf, CueKind};
use super::lexicon::*;
use super::scan::{Tok, TokKind};

/// The most features one key result yields; the rest are dropped (never more than a few
/// dozen in practice, since every family is deduplicated per text).
pub(crate) const CAP: usize = 96;

/// Feature families (the top byte of a key).
pub(crate) mod family {
    /// The always-on bias feature.
    pub const BIAS: u8 = 0;
    /// A rule-engine cue kind; value = the summed weight of that kind's cues.
    pub const CUE: u8 = 1;
    /// A rule-engine cue meaning (a finer class than the kind); binary.
    pub const MEANING: u8 = 2;
    /// The rule engine's total score, scaled.
    pub const ENGINE: u8 = 3;
    /// A lexicon class of the text's first word.
    pub const FIRST: u8 = 4;
    /// A lexicon class of the first word of a later sentence.
    pub const LATER_FIRST: u8 = 5;
    /// A lexicon class present anywhere.
    pub const HAS: u8 = 6;
    /// A lexicon class of the word a number quantifies.
    pub const QUANTIFIED: u8 = 7;
    /// A shape of the text (see [`super::Shape`]).
    pub const SHAPE: u8 = 8;
    /// A word stem anywhere.
    pub const WORD: u8 = 9;
    /// The stem of a sentence's first word.
    pub const FIRST_WORD: u8 = 10;
    /// The stem of the word a number quantifies.
    pub const QUANTIFIED_WORD: u8 = 11;
    /// A lexicon class of the text's last word.
    pub const LAST: u8 = 12;
    /// The stem of the text's last word.
    pub const LAST_WORD: u8 = 13;
    /// A lexicon class of the object of the text's opening verb.
    pub const OBJECT: u8 = 14;
    /// The opening verb's class and its object's class together.
    pub const VERB_OBJECT: u8 = 15;
    /// A lexicon class of a word a number quantifies inside a purpose clause.
    pub const QUANTIFIED_IN_PURPOSE: u8 = 16;
    /// The rule engine's score of the most outcome-like sentence, when there are several.
    pub const SENTENCE_MIN: u8 = 17;
    /// The rule engine's score of the most milestone-like sentence, when there are several.
    pub const SENTENCE_MAX: u8 = 18;
}

/// Families whose payload is a word stem's hash: their weights are only kept when many
/// training sentences from several organisations share the stem.
pub(crate) fn is_word_family(f: u8) -> bool {
    matches!(
        f,
        family::WORD | family::FIRST_WORD | family::QUANTIFIED_WORD | family::LAST_WORD
    )
}

/// Text shapes.
#[derive(Clone, Copy, Debug)]
#[repr(u8)]
pub(crate) enum Shape {
    /// The text holds a digit or a number word.
    Number = 0,
    /// The text holds `%`.
    Percent,
    /// A currency sign or code.
    Currency,
    /// A comparator symbol or word (`≥`, `at least`, `under`).
    Comparator,
    /// `from … to …` or an arrow.
    FromTo,
    /// More than one sentence.
    SeveralSentences,
    /// The text opens with a number.
    StartsWithNumber,
    /// A copula (`is`, `are`, `be`) followed by a delivery participle or state.
    CopulaDone,
    /// Under five words.
    Short,
    /// Over twenty words.
    Long,
    /// A placeholder for a redacted number (`N3`, `XX`, `TBD`).
    Placeholder,
    /// The text opens with a word that is no verb on any list (a noun phrase).
    NounPhraseStart,
    /// Attainment of a plan, target, goal, forecast or quota (`110% of plan`, `meet the
    /// MQL goal`).
    Attainment,
    /// The plan attained is a hiring or headcount plan.
    HiringPlan,
    /// Something is used or adopted by someone (`is used by`, `are adopted`).
    UsedBy,
    /// An existential opening: `There are at least …`.
    Existential,
}

/// A pseudo lexicon bit (unused by the lexicon) marking a quality noun: a word ending in
/// `-ity` or `-ness` (scalability, awareness), the things a change verb can improve.
pub(crate) const QUALITY: u64 = 1 << 39;

/// The verb classes the opening-verb features distinguish.
const VERB_CLASSES: [u64; 6] = [CV, WV, DV, HIRE, ACQ, RECV];

/// The names of the lexicon flag bits, for describing features.
pub(crate) const FLAG_NAMES: [&str; 47] = [
    "delivery verb",
    "delivery participle",
    "change verb",
    "result verb",
    "weak verb",
    "metric",
    "actor",
    "deliverable",
    "time unit",
    "calendar word",
    "comparator word",
    "negation",
    "acquisition verb",
    "hiring verb",
    "rollout thing",
    "service event",
    "universal quantifier",
    "number word",
    "determiner",
    "preposition",
    "year",
    "means opener",
    "purpose opener",
    "modal can",
    "to",
    "from",
    "by",
    "of",
    "and",
    "within",
    "in",
    "with",
    "number/count",
    "before",
    "end",
    "still/left",
    "receive verb",
    "at",
    "while",
    "quality noun",
    "recurrence word",
    "comparative",
    "certification",
    "output metric",
    "contrast word",
    "for",
    "on",
];

/// The lexicon flags that carry meaning as classes (the rest are function words whose
/// role the structural features already capture).
const CLASS_FLAGS: u64 = DV
    | DP
    | CV
    | CR
    | WV
    | MET
    | ACT
    | DEL
    | TU
    | CAL
    | CMPW
    | NEG
    | ACQ
    | HIRE
    | ROLL
    | EVT
    | ALL
    | CAN
    | NUMBER
    | RECV
    | COMPAR
    | CERT
    | OUTPUT_METRIC
    | CONTRAST
    | MEANS
    | PURP
    | QUALITY;

/// Builds a key.
#[inline]
pub(crate) const fn key(family: u8, payload: u64) -> u64 {
    ((family as u64) << 56) | (payload & ((1 << 56) - 1))
}

/// The family of a key.
#[inline]
pub(crate) const fn family_of(key: u64) -> u8 {
    (key >> 56) as u8
}

/// One feature occurrence: its key, value and the span that shows it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Feat {
    pub key: u64,
    pub value: f32,
    pub start: u32,
    pub end: u32,
}

/// A fixed-capacity, deduplicating feature list.
pub(crate) struct FeatBuf {
    items: [Feat; CAP],
    len: usize,
    /// One bit per key hash among the stored features: a key whose bit is clear is new
    /// without a scan (most keys are).
    seen: u128,
}

/// The bit of `key` in [`FeatBuf::seen`].
#[inline]
fn seen_bit(key: u64) -> u128 {
    1u128 << (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57)
}

impl FeatBuf {
    /// An empty buffer.
    pub(crate) fn new() -> Self {
        Self {
            items: [Feat::default(); CAP],
            len: 0,
            seen: 0,
        }
    }

    /// The features collected.
    pub(crate) fn as_slice(&self) -> &[Feat] {
        &self.items[..self.len]
    }

    /// Adds `value` to the feature `key`, first recorded at `start..end`.
    pub(crate) fn add(&mut self, key: u64, value: f32, start: u32, end: u32) {
        let bit = seen_bit(key);
        if self.seen & bit != 0
            && let Some(f) = self.items[..self.len].iter_mut().find(|f| f.key == key)
        {
            f.value += value;
            return;
        }
        if self.len < CAP {
            self.seen |= bit;
            self.items[self.len] = Feat {
                key,
                value,
                start,
                end,
            };
            self.len += 1;
        }
    }

    /// Sets the binary feature `key` (no-op when present).
    fn set(&mut self, key: u64, start: u32, end: u32) {
        let bit = seen_bit(key);
        if self.seen & bit != 0 && self.items[..self.len].iter().any(|f| f.key == key) {
            return;
        }
        if self.len < CAP {
            self.seen |= bit;
            self.items[self.len] = Feat {
                key,
                value: 1.0,
                start,
                end,
            };
            self.len += 1;
        }
    }

    fn set_flags(&mut self, fam: u8, flags: u64, start: u32, end: u32) {
        let mut f = flags & CLASS_FLAGS;
        while f != 0 {
            let bit = f.trailing_zeros();
            self.set(key(fam, u64::from(bit)), start, end);
            f &= f - 1;
        }
    }
}

/// FNV-1a 64 of the lowercased stem of a word, or `None` for a word the stemmer skips.
///
/// The stem drops one common inflection (`-ing`, `-ed`, `-es`, `-s`) so that
/// `registrations`/`registration` and `launched`/`launch` share a feature.
pub(crate) fn stem_hash(word: &str) -> Option<u64> {
    let mut buf = [0u8; 32];
    let bytes = word.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let n = bytes.len().min(buf.len());
    for (d, s) in buf.iter_mut().zip(bytes.iter()) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..n];
    let mut end = n;
    for suf in [&b"ing"[..], b"ed", b"es", b"s"] {
        if n > suf.len() + 2 && w.ends_with(suf) {
            end = n - suf.len();
            break;
        }
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in &w[..end] {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    Some(h)
}

/// The stem itself, for describing a word feature (allocates; not on the hot path).
pub(crate) fn stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    for suf in ["ing", "ed", "es", "s"] {
        if w.len() > suf.len() + 2 && w.ends_with(suf) {
            return w[..w.len() - suf.len()].to_string();
        }
    }
    w
}

/// A key for an engine cue's meaning, from its length and its first and last eight
/// bytes: the meanings are a few dozen fixed sentences that differ there, and hashing
/// every byte of one cost a tenth of the classifier's time.
fn meaning_key(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut head = [0u8; 8];
    let mut tail = [0u8; 8];
    for (d, x) in head.iter_mut().zip(b) {
        *d = *x;
    }
    for (d, x) in tail.iter_mut().rev().zip(b.iter().rev()) {
        *d = *x;
    }
    let (h, t) = (u64::from_le_bytes(head), u64::from_le_bytes(tail));
    (h ^ t.rotate_left(29) ^ (b.len() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// Whether a word token is a placeholder for a redacted number: `N3`, `X`, `XX`, `TBD`.
fn is_placeholder(w: &str) -> bool {
    let b = w.as_bytes();
    match b {
        [b'N' | b'n', rest @ ..] if !rest.is_empty() && rest.iter().all(u8::is_ascii_digit) => true,
        _ => {
            (b.len() <= 3 && !b.is_empty() && b.iter().all(|&c| c == b'X'))
                || w.eq_ignore_ascii_case("tbd")
        }
    }
}

/// A word lowercased on the stack (words over 16 bytes become empty: no word a feature
/// looks for is that long), so the extractor never allocates.
struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    fn of(w: &str) -> Self {
        let mut buf = [0u8; 16];
        let len = if w.len() <= buf.len() { w.len() } else { 0 };
        for (d, s) in buf.iter_mut().zip(w.as_bytes().iter().take(len)) {
            *d = s.to_ascii_lowercase();
        }
        Self { buf, len }
    }
    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

struct View<'a> {
    t: &'a [Tok],
    text: &'a str,
}

/// Whether a word is a quality noun (see [`QUALITY`]).
fn is_quality(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 6
        && (b.ends_with(b"ity") || b.ends_with(b"ness") || b.ends_with(b"ITY"))
        && !w.eq_ignore_ascii_case("community")
        && !w.eq_ignore_ascii_case("business")
}

impl View<'_> {
    /// The token's flags, with [`QUALITY`] added for quality nouns the lexicon does not
    /// class.
    fn flags(&self, i: usize) -> u64 {
        let Some(k) = self.t.get(i) else {
            return 0;
        };
        if k.kind == TokKind::Word && k.flags & (MET | DEL | ACT) == 0 && is_quality(self.word(i)) {
            k.flags | QUALITY
        } else {
            k.flags
        }
    }
    /// The object of a verb at `i`: the first word within six tokens on a class list,
    /// stopping at punctuation or a clause opener.
    fn object(&self, i: usize) -> Option<usize> {
        for j in i + 1..(i + 7).min(self.t.len()) {
            let k = self.t[j];
            if k.kind == TokKind::Punct || k.kind == TokKind::Colon {
                return None;
            }
            if k.kind != TokKind::Word {
                continue;
            }
            let f = self.flags(j);
            if f & (MET | ACT | DEL | EVT | ROLL | QUALITY | OUTPUT_METRIC | CERT) != 0 {
                return Some(j);
            }
            if j > i + 1 && f & (PURP | MEANS | TO | BY | WITH | WITHIN | FOR) != 0 {
                return None;
            }
        }
        None
    }
    fn word(&self, i: usize) -> &str {
        self.t
            .get(i)
            .and_then(|k| self.text.get(k.start as usize..k.end as usize))
            .unwrap_or("")
    }
    fn lower(&self, i: usize) -> Lower {
        Lower::of(self.word(i))
    }
    fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| k.kind == TokKind::Word)
    }
    fn is_number(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| {
            k.kind == TokKind::Num && !k.has(YEAR)
                || k.kind == TokKind::Word && (k.has(NUMW) || is_placeholder(self.word(i)))
        })
    }
    /// Whether token `i` opens a sentence: the first token, or one after `.`, `;`, `!`,
    /// `?` or a line break.
    fn opens_sentence(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let Some(k) = self.t.get(i) else {
            return false;
        };
        let before = self.text.get(..k.start as usize).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', '\t']);
        trimmed.ends_with(['.', ';', '!', '?', '\n', '\r'])
            && !(trimmed.ends_with('.')
                && trimmed
                    .trim_end_matches(['.', ';', '!', '?', '\n', '\r'])
                    .ends_with(|c: char| c.is_ascii_digit())
                && !after_label(trimmed.as_bytes(), trimmed.len() - 1))
    }
    /// The word a number at `i` quantifies: the next word, past `%`, signs, `of` and a
    /// determiner, preferring one on a class list within two words.
    fn quantified(&self, i: usize) -> Option<usize> {
        let mut j = i + 1;
        while self
            .t
            .get(j)
            .is_some_and(|k| matches!(k.kind, TokKind::Percent | TokKind::Plus | TokKind::Other))
            || self.is_number(j)
        {
            j += 1;
        }
        let mut first = None;
        for _ in 0..4 {
            let k = self.t.get(j)?;
            if k.kind != TokKind::Word {
                return first;
            }
            if k.has(OF | DET | CMPW) && !k.has(CLASS_FLAGS & !CMPW) {
                j += 1;
                continue;
            }
            if first.is_none() {
                first = Some(j);
            }
            if k.has(MET | ACT | DEL | EVT | ROLL | TU | OUTPUT_METRIC) {
                return Some(j);
            }
            j += 1;
        }
        first
    }
}

/// Extracts the features of `text` (tokens `t`; the rule engine's `cues` and `score`).
pub(crate) fn extract(text: &str, t: &[Tok], cues: &CueBuf, score: f32, out: &mut FeatBuf) {
    let end = u32::try_from(text.len()).unwrap_or(u32::MAX);
    out.set(key(family::BIAS, 0), 0, 0);
    out.add(
        key(family::ENGINE, 0),
        (score / 3.0).clamp(-2.0, 2.0),
        0,
        end,
    );
    for &(kind, s, e, meaning, w) in cues.items() {
        out.add(key(family::CUE, kind as u64), w / 3.0, s, e);
        out.set(
            key(family::MEANING, meaning_key(meaning) ^ kind as u64),
            s,
            e,
        );
        if kind == CueKind::PurposeClause || kind == CueKind::MeansClause {
            out.set(key(family::CUE, 32 + kind as u64), s, e);
        }
    }
    let v = View { t, text };
    let purpose_start = cues
        .items()
        .iter()
        .filter(|c| c.0 == CueKind::PurposeClause)
        .map(|c| c.1)
        .min()
        .unwrap_or(u32::MAX);
    let words = t.iter().filter(|k| k.kind == TokKind::Word).count();
    let shape =
        |out: &mut FeatBuf, s: Shape, a: u32, b: u32| out.set(key(family::SHAPE, s as u64), a, b);
    if words < 5 {
        shape(out, Shape::Short, 0, end);
    } else if words > 20 {
        shape(out, Shape::Long, 0, end);
    }
    let mut sentences = 0;
    let mut has_seen = 0u64;
    let mut has_at = [(0u32, 0u32); 64];
    for (i, k) in t.iter().enumerate() {
        let (s, e) = (k.start, k.end);
        match k.kind {
            TokKind::Percent => shape(out, Shape::Percent, s, e),
            TokKind::Arrow => shape(out, Shape::FromTo, s, e),
            TokKind::Cmp => shape(out, Shape::Comparator, s, e),
            TokKind::Other => {
                if matches!(v.word(i), "$" | "€" | "£" | "¥" | "₹") {
                    shape(out, Shape::Currency, s, e);
                }
            }
            _ => {}
        }
        if k.has(CMPW) {
            shape(out, Shape::Comparator, s, e);
        }
        if k.has(FROM) && t[i + 1..].iter().take(8).any(|x| x.has(TO)) {
            shape(out, Shape::FromTo, s, e);
        }
        if v.is_number(i) {
            shape(out, Shape::Number, s, e);
            if k.kind == TokKind::Word && !k.has(NUMW) {
                shape(out, Shape::Placeholder, s, e);
            }
            if i == 0 {
                shape(out, Shape::StartsWithNumber, s, e);
            }
            if let Some(q) = v.quantified(i) {
                let qk = t[q];
                let fam = if s >= purpose_start {
                    family::QUANTIFIED_IN_PURPOSE
                } else {
                    family::QUANTIFIED
                };
                out.set_flags(fam, v.flags(q), qk.start, qk.end);
                if let Some(h) = stem_hash(v.word(q)) {
                    out.set(key(family::QUANTIFIED_WORD, h), qk.start, qk.end);
                }
            }
        }
        if k.kind != TokKind::Word {
            continue;
        }
        let w = v.word(i);
        let lower = Lower::of(w);
        if matches!(
            lower.as_bytes(),
            b"is" | b"are" | b"be" | b"been" | b"being" | b"was" | b"were"
        ) && t.get(i + 1).is_some_and(|n| n.has(DP))
        {
            shape(out, Shape::CopulaDone, s, t[i + 1].end);
        }
        if matches!(
            lower.as_bytes(),
            b"eur"
                | b"usd"
                | b"gbp"
                | b"chf"
                | b"jpy"
                | b"cad"
                | b"aud"
                | b"inr"
                | b"sek"
                | b"nok"
                | b"dkk"
        ) {
            shape(out, Shape::Currency, s, e);
        }
        if matches!(
            lower.as_bytes(),
            b"plan"
                | b"plans"
                | b"target"
                | b"targets"
                | b"goal"
                | b"goals"
                | b"forecast"
                | b"quota"
        ) {
            let before = i.saturating_sub(4);
            let attained = (before..i).any(|j| {
                t[j].kind == TokKind::Percent
                    || matches!(
                        v.lower(j).as_bytes(),
                        b"achieve"
                            | b"meet"
                            | b"make"
                            | b"hit"
                            | b"exceed"
                            | b"beat"
                            | b"reach"
                            | b"achieved"
                            | b"met"
                            | b"exceeded"
                    )
            }) || t
                .get(i + 1..(i + 3).min(t.len()))
                .is_some_and(|r| r.iter().any(|x| x.has(DP)));
            if attained {
                shape(out, Shape::Attainment, s, e);
                if (i.saturating_sub(8)..i).any(|j| {
                    t[j].has(HIRE)
                        || matches!(
                            v.lower(j).as_bytes(),
                            b"hiring" | b"headcount" | b"recruiting"
                        )
                }) {
                    shape(out, Shape::HiringPlan, s, e);
                }
            }
        }
        if matches!(lower.as_bytes(), b"used" | b"using" | b"adopted" | b"use")
            && (t.get(i + 1).is_some_and(|n| n.has(BY))
                || i > 0 && matches!(v.lower(i - 1).as_bytes(), b"is" | b"are" | b"being" | b"be"))
        {
            shape(out, Shape::UsedBy, s, e);
        }
        if i == 0 && lower.as_bytes() == b"there" {
            shape(out, Shape::Existential, s, e);
        }
        // Classes present anywhere are gathered first and written once at the end:
        // a word at a time, each of its classes was a look-up in the buffer.
        let fresh = v.flags(i) & CLASS_FLAGS & !has_seen;
        if fresh != 0 {
            has_seen |= fresh;
            let mut f = fresh;
            while f != 0 {
                has_at[f.trailing_zeros() as usize] = (s, e);
                f &= f - 1;
            }
        }
        // Function words say nothing an organisation's next key result would repeat.
        let hash = if super::learned::is_function_word(w) {
            None
        } else {
            stem_hash(w)
        };
        if let Some(h) = hash {
            out.set(key(family::WORD, h), s, e);
        }
        if v.opens_sentence(i) {
            sentences += 1;
            if i == 0 {
                out.set_flags(family::FIRST, v.flags(i), s, e);
                if let Some(o) = v.object(i) {
                    let mut ok = t[o];
                    let of = v.flags(o);
                    // A deliverable's cue quotes the whole compound it opens: "search
                    // page", not "search".
                    if of & DEL != 0 {
                        let mut z = o + 1;
                        while let Some(&next) = t.get(z) {
                            let nf = v.flags(z);
                            if z > o + 3
                                || next.kind != TokKind::Word
                                || next.start != ok.end + 1
                                || nf & DEL == 0
                                || nf & (PREP | DET | DV | DP | CAL | NEG) != 0
                            {
                                break;
                            }
                            ok.end = next.end;
                            z += 1;
                        }
                    }
                    out.set_flags(family::OBJECT, of, ok.start, ok.end);
                    for (c, &vc) in VERB_CLASSES.iter().enumerate() {
                        if k.flags & vc != 0 {
                            let mut f = of & CLASS_FLAGS;
                            while f != 0 {
                                let bit = u64::from(f.trailing_zeros());
                                out.set(
                                    key(family::VERB_OBJECT, c as u64 * 64 + bit),
                                    ok.start,
                                    ok.end,
                                );
                                f &= f - 1;
                            }
                        }
                    }
                }
                if k.flags & (DV | CV | WV | HIRE | ACQ | RECV) == 0 {
                    shape(out, Shape::NounPhraseStart, s, e);
                }
            } else {
                out.set_flags(family::LATER_FIRST, v.flags(i), s, e);
            }
            if let Some(h) = hash {
                out.set(key(family::FIRST_WORD, h), s, e);
            }
        }
    }
    let mut f = has_seen;
    while f != 0 {
        let bit = f.trailing_zeros() as usize;
        let (a, b) = has_at[bit];
        out.set(key(family::HAS, bit as u64), a, b);
        f &= f - 1;
    }
    if sentences > 1 {
        shape(out, Shape::SeveralSentences, 0, end);
    }
    if let Some(last) = (0..t.len()).rev().find(|&i| v.is_word(i)) {
        let k = t[last];
        out.set_flags(family::LAST, v.flags(last), k.start, k.end);
        if let Some(h) = Some(v.word(last))
            .filter(|w| !super::learned::is_function_word(w))
            .and_then(stem_hash)
        {
            out.set(key(family::LAST_WORD, h), k.start, k.end);
        }
    }
}

/// A readable name of a feature, for the training program's reports.
pub(crate) fn describe(f: &Feat, text: &str) -> String {
    let payload = f.key & ((1 << 56) - 1);
    let quote = text.get(f.start as usize..f.end as usize).unwrap_or("");
    let flag = |p: u64| FLAG_NAMES.get(p as usize).copied().unwrap_or("?");
    match family_of(f.key) {
        family::BIAS => "bias".to_string(),
        family::CUE => format!("cue:{payload}"),
        family::MEANING => format!("meaning:{quote}"),
        family::ENGINE => "engine".to_string(),
        family::FIRST => format!("first:{}", flag(payload)),
        family::LATER_FIRST => format!("later-first:{}", flag(payload)),
        family::HAS => format!("has:{}", flag(payload)),
        family::QUANTIFIED => format!("quantified:{}", flag(payload)),
        family::SHAPE => format!("shape:{payload}"),
        family::WORD => format!("word:{}", stem(quote)),
        family::FIRST_WORD => format!("first-word:{}", stem(quote)),
        family::QUANTIFIED_WORD => format!("quantified-word:{}", stem(quote)),
        family::LAST => format!("last:{}", flag(payload)),
        family::LAST_WORD => format!("last-word:{}", stem(quote)),
        family::OBJECT => format!("object:{}", flag(payload)),
        family::VERB_OBJECT => format!("verb-object:{}/{}", payload / 64, flag(payload % 64)),
        family::QUANTIFIED_IN_PURPOSE => format!("quantified-in-purpose:{}", flag(payload)),
        family::SENTENCE_MIN => "sentence-min".to_string(),
        family::SENTENCE_MAX => "sentence-max".to_string(),
        _ => "?".to_string(),
    }
}

/// Whether the digits before `bytes[dot]` end a label such as `Q3`, `FY24` or `H2` (a
/// sentence may end after one: "pipeline for Q3. % of plan achieved.").
fn after_label(bytes: &[u8], dot: usize) -> bool {
    let head = bytes.get(..dot).unwrap_or_default();
    let digits = head.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    head.len()
        .checked_sub(digits + 1)
        .and_then(|i| head.get(i))
        .is_some_and(u8::is_ascii_alphabetic)
}

/// The byte ranges of the sentences of `text` (split after `.`, `;`, `!` or `?` followed by
/// white space, and at line breaks), at most `N`; `None` when there is only one.
pub(crate) fn sentences<const N: usize>(text: &str) -> Option<([(u32, u32); N], usize)> {
    let bytes = text.as_bytes();
    // Most key results are one sentence: find out without a byte loop.
    if memchr::memchr3(b'.', b';', b'\n', bytes).is_none()
        && memchr::memchr3(b'!', b'?', b'\r', bytes).is_none()
    {
        return None;
    }
    let mut out = [(0u32, 0u32); N];
    let mut n = 0;
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() && n + 1 < N {
        let b = bytes[i];
        let ends = matches!(b, b'\n' | b'\r')
            || matches!(b, b'.' | b';' | b'!' | b'?')
                && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
                && !(b == b'.' && i > 0 && bytes[i - 1].is_ascii_digit() && !after_label(bytes, i));
        if ends {
            if text.get(start..i).is_some_and(|s| s.trim().len() > 2) {
                out[n] = (start as u32, i as u32);
                n += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if n == 0 {
        return None;
    }
    if text.get(start..).is_some_and(|s| s.trim().len() > 2) {
        out[n] = (start as u32, text.len() as u32);
        n += 1;
    }
    (n > 1).then_some((out, n))
}
