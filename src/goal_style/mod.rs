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
//! * When the evidence is thin or balanced, the classifier says *outcome*: a false alarm on
//!   a good key result costs more trust than a missed one.
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
//! The engine is a deterministic set of hand-written word lists and patterns
//! (no model weights): every decision can be explained through its [`Cue`]s.

mod cues;
pub mod eval;
mod lexicon;
mod measure;
mod named;
mod objective;
mod rewrite;
mod scan;
mod score;
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
    let mut buf = cues::CueBuf::new();
    let score = score::analyze(text, &mut buf);
    let style = if score > score::THRESHOLD {
        Style::Milestone
    } else {
        Style::Outcome
    };
    let cues = buf.sorted();
    let confidence = if cues.is_empty() {
        0.5
    } else {
        confidence(score)
    };
    Assessment {
        style,
        confidence,
        cues,
    }
}

#[cfg(test)]
mod tests;
