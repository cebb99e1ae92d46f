//! How the learned layer's features are shown to people: which features become cues of an
//! [`Assessment`](super::Assessment), and what they say.

use super::cues::CueKind;
use super::features::{QUALITY, Shape, family, family_of};
use super::lexicon::{ACT, CV, DEL, DP, DV, EVT, HIRE, MET, ROLL, WV};

/// Whether a feature can be reported as a cue (the bias, the engine's score and the engine's
/// own cues are not: the engine's cues are reported as themselves).
pub(crate) fn reportable(key: u64) -> bool {
    !matches!(
        family_of(key),
        family::BIAS
            | family::ENGINE
            | family::CUE
            | family::MEANING
            | family::SENTENCE_MIN
            | family::SENTENCE_MAX
    )
}

fn flag_bit(key: u64) -> Option<u64> {
    let payload = key & ((1 << 56) - 1);
    (payload < 64).then(|| 1u64 << payload)
}

/// The cue a feature is shown as, given which way it pushed (`milestone`).
pub(crate) fn describe(key: u64, milestone: bool) -> Option<(CueKind, &'static str)> {
    let fam = family_of(key);
    let payload = key & ((1 << 56) - 1);
    let word =
        |m: &'static str, o: &'static str| Some((CueKind::Wording, if milestone { m } else { o }));
    match fam {
        family::WORD | family::FIRST_WORD | family::LAST_WORD => word(
            "is worded the way delivery key results are",
            "is worded the way result key results are",
        ),
        family::QUANTIFIED_WORD => word(
            "counts something a team produces",
            "counts a result for customers or the business",
        ),
        family::QUANTIFIED => {
            let bit = flag_bit(key)?;
            if bit & (MET | ACT | EVT | QUALITY) != 0 && !milestone {
                Some((
                    CueKind::CustomerOrBusinessEffect,
                    "counts a result for customers or the business",
                ))
            } else if bit & (DEL | ROLL) != 0 && milestone {
                Some((CueKind::Deliverable, "counts things the team delivers"))
            } else {
                None
            }
        }
        family::FIRST | family::VERB_OBJECT | family::OBJECT => {
            let bit = if fam == family::VERB_OBJECT {
                1u64 << (payload % 64)
            } else {
                flag_bit(key)?
            };
            if milestone && bit & (DV | DP | HIRE) != 0 && fam == family::FIRST {
                Some((
                    CueKind::DeliveryVerb,
                    "opens the key result with a delivery",
                ))
            } else if milestone && bit & DEL != 0 {
                Some((CueKind::Deliverable, "is what gets delivered"))
            } else if !milestone && bit & (MET | QUALITY) != 0 {
                Some((
                    CueKind::CustomerOrBusinessEffect,
                    "is the measured result the key result moves",
                ))
            } else if !milestone && bit & (CV | WV) != 0 && fam == family::FIRST {
                Some((CueKind::MetricChange, "asks for a change in a result"))
            } else {
                None
            }
        }
        family::SHAPE => shape_cue(payload, milestone),
        family::LAST => {
            let bit = flag_bit(key)?;
            (milestone && bit & DP != 0)
                .then_some((CueKind::DeliveryVerb, "says something is done"))
        }
        _ => None,
    }
}

fn shape_cue(payload: u64, milestone: bool) -> Option<(CueKind, &'static str)> {
    let is = |s: Shape| payload == s as u64;
    if is(Shape::Attainment) && !milestone {
        Some((CueKind::Threshold, "asks to attain a business target"))
    } else if is(Shape::HiringPlan) && milestone {
        Some((CueKind::Headcount, "is a hiring plan, which is output"))
    } else if is(Shape::UsedBy) && !milestone {
        Some((CueKind::BehaviourChange, "describes people using something"))
    } else if is(Shape::CopulaDone) && milestone {
        Some((CueKind::DeliveryVerb, "says something is done"))
    } else if is(Shape::Existential) && !milestone {
        Some((CueKind::BehaviourChange, "states a level that has to hold"))
    } else {
        None
    }
}

/// Whether a quoted word is too plain to show as a cue (`of`, `the`, `with`): such words
/// carry weight as features of a sentence's shape, but "`of` is worded the way delivery
/// key results are" would explain nothing to a person.
pub(crate) fn is_function_word(quote: &str) -> bool {
    let b = quote.as_bytes();
    if b.len() < 3 {
        return true;
    }
    if b.len() > 4 {
        return false;
    }
    let mut w = [0u8; 4];
    for (d, s) in w.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &w[..b.len()],
        b"the"
            | b"and"
            | b"for"
            | b"our"
            | b"are"
            | b"all"
            | b"with"
            | b"from"
            | b"into"
            | b"that"
            | b"this"
    )
}

/// The learned weights as an open-addressing table: one or two probes a lookup, where a
/// binary search over the sorted list took ten.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WeightIndex {
    /// `(key, weight)`; [`EMPTY`] marks a free slot. The length is a power of two at least
    /// twice the number of weights.
    slots: Vec<(u64, f32)>,
}

/// No feature key has family 255.
const EMPTY: u64 = u64::MAX;

impl WeightIndex {
    /// Indexes `(key, weight)` pairs (a key given twice keeps its first weight).
    pub(crate) fn new(weights: &[(u64, f32)]) -> Self {
        let len = (weights.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![(EMPTY, 0.0); len];
        for &(k, w) in weights {
            if k == EMPTY {
                continue;
            }
            let mut i = Self::slot(k, len);
            while slots[i].0 != EMPTY && slots[i].0 != k {
                i = (i + 1) & (len - 1);
            }
            if slots[i].0 == EMPTY {
                slots[i] = (k, w);
            }
        }
        Self { slots }
    }

    fn slot(key: u64, len: usize) -> usize {
        // The top bits of the product depend on every bit of the key: the family in the
        // top byte as much as the payload (the middle bits would not see the family, and
        // every family's flag `n` would share a slot).
        let bits = len.trailing_zeros();
        if bits == 0 {
            return 0;
        }
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    /// The weight of `key`, 0.0 when it has none.
    #[inline]
    pub(crate) fn get(&self, key: u64) -> f32 {
        let len = self.slots.len();
        let mut i = Self::slot(key, len);
        loop {
            let Some(&(k, w)) = self.slots.get(i) else {
                return 0.0;
            };
            if k == key {
                return w;
            }
            if k == EMPTY {
                return 0.0;
            }
            i = (i + 1) & (len - 1);
        }
    }
}

/// The shipped weights, indexed at first use.
pub(crate) fn shipped() -> &'static WeightIndex {
    static INDEX: std::sync::OnceLock<WeightIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| WeightIndex::new(&super::weights::WEIGHTS))
}
