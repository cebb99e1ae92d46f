//! Measurability: does the text give a number, threshold or target?
//!
//! A date alone is a deadline, not a measure: "Q3", "2026" and "by August 15" do not count.

use super::cues::{Cue, CueBuf, CueKind};
use super::lexicon::{CAL, CMPW, CR, CV, DET, NEG, NUMW, YEAR};
use super::scan::{TokKind, tokenize};

/// Whether a key result's text states something measurable.
#[derive(Clone, Debug, PartialEq)]
pub struct Measurability {
    measurable: bool,
    /// What was found: numbers, thresholds and changes (which count) and dates (which do not).
    pub cues: Vec<Cue>,
}

impl Measurability {
    /// Whether the text gives a number, threshold or target.
    #[must_use]
    pub fn is_measurable(&self) -> bool {
        self.measurable
    }
}

/// Words that introduce a version or model number rather than a quantity.
fn is_version_word(w: &str) -> bool {
    [
        "version",
        "firmware",
        "release",
        "v",
        "api",
        "sdk",
        "kubernetes",
        "k8s",
        "bt",
        "python",
    ]
    .iter()
    .any(|v| w.eq_ignore_ascii_case(v))
}

/// Checks whether `text` gives a number, threshold or target.
///
/// ```
/// use opmodel::goal_style::measurability;
///
/// assert!(measurability("Churn under 2%").is_measurable());
/// assert!(measurability("Complaints about late refunds halve").is_measurable());
/// assert!(!measurability("Launch the new app by August 15").is_measurable());
/// assert!(!measurability("Complete the CRM migration in Q3 2026").is_measurable());
/// assert!(measurability("Churn falls below last year's level").is_measurable());
/// ```
#[must_use]
pub fn measurability(text: &str) -> Measurability {
    let toks = tokenize(text);
    let t = toks.as_slice();
    let mut cues = CueBuf::new();
    let mut measurable = false;
    let word = |i: usize| -> &str {
        t.get(i)
            .and_then(|k| text.get(k.start as usize..k.end as usize))
            .unwrap_or("")
    };
    for (i, k) in t.iter().enumerate() {
        let prev = if i > 0 { t[i - 1].flags } else { 0 };
        let next = t.get(i + 1).map_or(0, |n| n.flags);
        match k.kind {
            TokKind::Num => {
                let date = k.has(YEAR) || prev & CAL != 0 || next & CAL != 0;
                let version = i > 0 && is_version_word(word(i - 1));
                if date {
                    cues.push(
                        CueKind::Deadline,
                        k.start,
                        k.end,
                        "is a date, not a measure",
                        0.0,
                    );
                } else if !version {
                    cues.push(CueKind::Threshold, k.start, k.end, "is a number", 0.0);
                    measurable = true;
                }
            }
            TokKind::Cmp | TokKind::Percent | TokKind::Arrow => {
                if k.kind != TokKind::Percent || !measurable {
                    cues.push(
                        CueKind::Threshold,
                        k.start,
                        k.end,
                        "is a threshold or target",
                        0.0,
                    );
                }
                measurable = true;
            }
            TokKind::Word => {
                let w = word(i);
                let numw = k.has(NUMW)
                    && ![
                        "quarter",
                        "point",
                        "points",
                        "x",
                        "k",
                        "percent",
                        "percentage",
                    ]
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s));
                let change = k.has(CR | CV)
                    && [
                        "half", "halve", "halves", "halved", "double", "doubles", "doubled",
                        "triple", "triples", "tripled",
                    ]
                    .iter()
                    .any(|s| w.eq_ignore_ascii_case(s));
                let threshold = k.has(CMPW)
                    && !w.eq_ignore_ascii_case("or")
                    && (next & (DET | NUMW) != 0
                        || t.get(i + 1).is_some_and(|n| n.kind == TokKind::Num)
                        || ["last", "previous", "prior", "than", "pre-pandemic"]
                            .iter()
                            .any(|p| word(i + 1).eq_ignore_ascii_case(p)));
                let none = k.has(NEG)
                    && (w.eq_ignore_ascii_case("zero") || w.eq_ignore_ascii_case("none"));
                if numw && prev & CAL == 0 || change || threshold || none {
                    cues.push(
                        CueKind::Threshold,
                        k.start,
                        k.end,
                        "is a number, threshold or target",
                        0.0,
                    );
                    measurable = true;
                }
            }
            _ => {}
        }
    }
    Measurability {
        measurable,
        cues: cues.into_vec(),
    }
}
