//! Goal style: tells outcome-style key results from milestone (output) ones.
//!
//! # Outcome or milestone?
//!
//! Ask what has to be true for the key result to count as met.
//!
//! * An **outcome** is met when a measured result changes or holds for customers, users or
//!   the business: behaviour (adoption, retention, conversion), value (revenue, margin, cost),
//!   quality (defects, incidents, satisfaction) or performance (latency, availability, cycle
//!   times). "Week-1 retention from 31% to 38%" and "Residents book collections online instead
//!   of by phone" are outcomes.
//! * A **milestone** is met when something gets delivered or done: a feature, launch,
//!   migration, hire, document, policy, audit, training, event or campaign. Counting the
//!   things the team produces does not change that: "Publish 24 articles" is a milestone.
//!
//! # How ties are broken
//!
//! * Numbers alone decide nothing, and neither do weak verbs such as *achieve*, *hit* or
//!   *deliver*: what they apply to decides ("Achieve 99.97% availability" is an outcome,
//!   "Achieve ISO 27001 certification" a milestone).
//! * The main clause decides. A purpose clause ("… to lift sign-ups by 20%", "so that …")
//!   does not turn a delivery into an outcome, and a means clause ("… through a referral
//!   programme") does not turn an outcome into a milestone. When a delivery and a measured
//!   change are joined as equals ("Ship X and move Y from a to b"), the result has to move,
//!   so it is an outcome.
//! * "Customers *can* do X" says a feature exists (milestone); "customers *do* X" describes
//!   behaviour (outcome).
//! * Coverage of a rollout ("agent installed on 100% of laptops", test coverage) is output.
//! * Timeliness of a recurring service ("tickets answered within one hour") is an outcome; a
//!   one-off deadline ("by end of Q2") is a milestone cue.
//! * Hiring is output; time to fill and attrition are outcomes.
//! * An outcome has to name a result. A key result that names none ("Improve team
//!   structure and workflow", "Continue on the next iteration of compensation") is an
//!   activity, and reads as a milestone. Text with no words at all is left alone (outcome,
//!   confidence 0.5).
//!
//! # Examples
//!
//! ```
//! use opmodel::goal_style::{classify, CueKind, Style};
//!
//! let text = "Launch the redesigned onboarding flow by August";
//! let a = classify(text);
//! assert_eq!(a.style, Style::Milestone);
//! let verb = a.cues.iter().find(|c| c.kind == CueKind::DeliveryVerb).unwrap();
//! assert_eq!(verb.describe(text), "`Launch` is a delivery verb");
//!
//! assert_eq!(classify("Week-1 retention from 31% to 38%").style, Style::Outcome);
//! assert_eq!(
//!     classify("Launch a refer-a-friend program to lift sign-ups by 20%").style,
//!     Style::Milestone
//! );
//! assert_eq!(
//!     classify("Lift sign-ups by 20% through a refer-a-friend program").style,
//!     Style::Outcome
//! );
//! ```
//!
//! # How it decides
//!
//! Two layers. A hand-written **rule engine** reads the sentence the way the labelling
//! rules do: it finds the main clause, its verb and that verb's object, purpose and means
//! clauses, deadlines, measured changes, thresholds and rollout coverage, and records each
//! as a [`Cue`] with its span. A small **learned layer** (logistic regression) then weighs
//! features of the sentence's *structure*: which class of word opens it, what its numbers
//! count, what the opening verb's object is, which cues the engine found where. The
//! weights are trained by [`train`] from labelled key results of several organisations and
//! shipped as Rust source; a word only gets a weight of its own when many sentences from
//! at least three organisations use it, so no single sentence and no single organisation's
//! jargon decides a verdict.
//!
//! Measured honestly, by leaving each organisation out of training and testing on it
//! (`cargo run --release --example kr_eval -- --by-org`), the classifier agrees with two
//! human annotators on 0.953 of 911 real published key results (milestone precision 0.970).
//! The rules were refined on those organisations too, so on an organisation in no file
//! of the project expect less: twelve further sets of published key results, each measured
//! before any rule was read from it, scored between 0.72 and 0.88; the last five, 951 key
//! results of about seventy organisations, 0.863 (the README lists them).
//!
//! Every verdict is deterministic, and [`Assessment::cues`] names its strongest evidence
//! with spans; [`train::explain`] lists every feature and weight behind it.

mod cues;
pub mod eval;
mod expectation;
mod features;
mod learned;
mod lexicon;
mod measure;
mod named;
mod objective;
mod rewrite;
mod roles;
mod scan;
mod score;
pub mod train;
mod weights;
mod wide;
mod words;

pub use cues::{Cue, CueKind};
pub use measure::{Measurability, measurability};
pub use objective::{ObjectiveAssessment, classify_objective};
pub use rewrite::rewrite_hint;

use std::fmt;

/// The style of a key result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// A change in, or a level of, a measured result for customers or the business.
    Outcome,
    /// Something gets delivered or done (an output).
    Milestone,
}

impl Style {
    /// `"outcome"` or `"milestone"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Outcome => "outcome",
            Self::Milestone => "milestone",
        }
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The classifier's verdict on one key result.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    /// Outcome or milestone.
    pub style: Style,
    /// How sure the classifier is, from 0.5 (a coin flip) to 1.0.
    pub confidence: f32,
    /// The evidence found, ordered by position in the text.
    pub cues: Vec<Cue>,
}

impl Assessment {
    /// Whether the text reads as a milestone.
    #[must_use]
    pub fn is_milestone(&self) -> bool {
        self.style == Style::Milestone
    }

    /// The strongest cue that points the same way as the verdict, if any.
    #[must_use]
    pub fn deciding_cue(&self) -> Option<&Cue> {
        let milestone = self.is_milestone();
        self.cues
            .iter()
            .filter(|c| {
                if milestone {
                    c.weight > 0.0
                } else {
                    c.weight < 0.0
                }
            })
            .max_by(|a, b| a.weight.abs().total_cmp(&b.weight.abs()))
    }
}

pub(crate) fn confidence(score: f32) -> f32 {
    let d = (score - score::THRESHOLD).abs();
    let c = 0.5 + 0.5 * d / (d + 2.0);
    if c.is_finite() {
        c.clamp(0.5, 1.0)
    } else {
        0.5
    }
}

/// Classifies a key result as outcome-style or milestone-style.
///
/// Deterministic, allocation-light and never panics.
///
/// ```
/// use opmodel::goal_style::{classify, Style};
///
/// assert_eq!(classify("Hire 5 engineers").style, Style::Milestone);
/// assert_eq!(classify("Reduce time to first value from 14 to 3 days").style, Style::Outcome);
/// assert_eq!(classify("Ship rate of on-time orders ≥ 98%").style, Style::Outcome);
/// ```
#[must_use]
pub fn classify(text: &str) -> Assessment {
    classify_with(text, learned::shipped())
}

/// Runs the rule engine and the feature extractor over `text` and hands the engine's cues
/// and the features to `f`.
pub(crate) fn with_features<R>(
    text: &str,
    f: impl FnOnce(&cues::CueBuf, &[features::Feat]) -> R,
) -> R {
    let mut buf = cues::CueBuf::new();
    scan::with_tokens(text, |t| {
        let score = score::analyze_tokens(text, t, &mut buf);
        // Several sentences are equal parts (rule 3): the engine reads each on its own, and
        // the learned layer sees the most outcome-like and the most milestone-like.
        let mut spread = None;
        if let Some((parts, n)) = features::sentences::<8>(text) {
            let (mut lo, mut hi) = (f32::MAX, f32::MIN);
            let (mut lo_at, mut hi_at) = ((0, 0), (0, 0));
            for (nth, &(s, e)) in parts.iter().take(n).enumerate() {
                let Some(sentence) = text.get(s as usize..e as usize) else {
                    continue;
                };
                // "…by Q2. We expect hold time to fall": what the delivery should
                // lead to is no part of its own (rule 3)
                if nth > 0 && expectation::states_expectation(sentence) {
                    continue;
                }
                let mut scratch = cues::CueBuf::new();
                let v = score::analyze(sentence, &mut scratch);
                if v < lo {
                    (lo, lo_at) = (v, (s, e));
                }
                if v > hi {
                    (hi, hi_at) = (v, (s, e));
                }
            }
            if lo <= hi {
                // A sentence that is a clear measured result, beside one that delivers,
                // is an equal part: the key result is only met if the result moves.
                if lo <= EQUAL_PARTS && lo < score && hi > score::THRESHOLD {
                    buf.push(
                        CueKind::MetricChange,
                        lo_at.0,
                        lo_at.1,
                        "is a measured result beside the delivery, an equal part: it has to move",
                        (lo - score).max(-4.0),
                    );
                }
                spread = Some((lo, lo_at, hi, hi_at));
            }
        }
        let mut fb = features::FeatBuf::new();
        features::extract(text, t, &buf, score, &mut fb);
        if let Some((lo, lo_at, hi, hi_at)) = spread {
            let scale = |v: f32| (v / 3.0).clamp(-2.0, 2.0);
            // A sentence the engine reads as a clear measured result makes the whole
            // an outcome, whatever the others deliver (rule 3: equal parts).
            if lo <= EQUAL_PARTS && lo < score {
                fb.add(
                    features::key(features::family::ENGINE, 0),
                    scale(lo) - scale(score),
                    lo_at.0,
                    lo_at.1,
                );
            }
            fb.add(
                features::key(features::family::SENTENCE_MIN, 0),
                scale(lo),
                lo_at.0,
                lo_at.1,
            );
            fb.add(
                features::key(features::family::SENTENCE_MAX, 0),
                scale(hi),
                hi_at.0,
                hi_at.1,
            );
        }
        f(&buf, fb.as_slice())
    })
}

/// The engine score at or below which one sentence of several is a clear measured
/// result, so the engine's reading of the whole follows it.
const EQUAL_PARTS: f32 = -2.5;

/// The most cues an assessment reports besides the rule engine's own.
const EXTRA_CUES: usize = 4;

/// [`classify`] with the given learned weights.
pub(crate) fn classify_with(text: &str, weights: &learned::WeightIndex) -> Assessment {
    let weight_of = |key: u64| weights.get(key);
    with_features(text, |engine, feats| {
        // No words, no evidence: say outcome, as when the evidence is balanced.
        if !feats
            .iter()
            .any(|f| features::family_of(f.key) == features::family::WORD)
        {
            return Assessment {
                style: Style::Outcome,
                confidence: 0.5,
                cues: Vec::new(),
            };
        }
        let mut z = 0.0f32;
        let mut extra: [(f32, usize); EXTRA_CUES] = [(0.0, usize::MAX); EXTRA_CUES];
        for (i, f) in feats.iter().enumerate() {
            let c = weight_of(f.key) * f.value;
            z += c;
            if learned::reportable(f.key) && c.abs() > extra[EXTRA_CUES - 1].0.abs() {
                extra[EXTRA_CUES - 1] = (c, i);
                extra.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
            }
        }
        let engine_weight = weight_of(features::key(features::family::ENGINE, 0));
        let mut cues: Vec<Cue> = engine
            .items()
            .iter()
            .map(|&(kind, s, e, meaning, w)| Cue {
                kind,
                span: s as usize..e as usize,
                meaning,
                // the cue's part in the engine's score and in its kind's own feature
                weight: (engine_weight
                    + weight_of(features::key(features::family::CUE, kind as u64)))
                    * w
                    / 3.0,
            })
            .collect();
        for &(c, i) in &extra {
            let Some(f) = feats.get(i) else { continue };
            // only what explains the verdict: cues that push the way it went
            if c.abs() < 0.25 || (c > 0.0) != (z > 0.0) {
                continue;
            }
            let quote = text.get(f.start as usize..f.end as usize).unwrap_or("");
            if learned::is_function_word(quote) {
                continue;
            }
            if let Some((kind, meaning)) = learned::describe(f.key, c > 0.0) {
                let span = f.start as usize..f.end as usize;
                // one reason per word: the engine's own cue already explains this span
                if !cues.iter().any(|q| q.span == span) {
                    cues.push(Cue {
                        kind,
                        span,
                        meaning,
                        weight: c,
                    });
                }
            }
        }
        cues.sort_by_key(|c| (c.span.start, c.span.end));
        let p = 1.0 / (1.0 + (-z).exp());
        let style = if p > 0.5 {
            Style::Milestone
        } else {
            Style::Outcome
        };
        let confidence = if p.is_finite() {
            p.max(1.0 - p).clamp(0.5, 1.0)
        } else {
            0.5
        };
        Assessment {
            style,
            confidence,
            cues,
        }
    })
}

#[cfg(test)]
mod tests;
