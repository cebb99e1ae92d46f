//! Measurability: does the text give a number, threshold or target?
//!
//! A date alone is a deadline, not a measure: "Q3", "2026" and "by August 15" do not count.

use super::cues::{Cue, CueBuf, CueKind};
use super::lexicon::{ACT, CAL, CMPW, CR, CV, DET, MET, NEG, NUMW, TU, YEAR};
use super::named::{W, WordSet, bit, set};
use super::scan::{Tok, TokKind, with_tokens};

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
const VERSION_WORDS: WordSet = set(&[
    W::Version,
    W::Firmware,
    W::Release,
    W::V,
    W::Api,
    W::Sdk,
    W::Kubernetes,
    W::K8s,
    W::Bt,
    W::Python,
]);

/// Number words that name a unit or period rather than a quantity.
const NOT_QUANTITIES: WordSet = set(&[
    W::Quarter,
    W::Point,
    W::Points,
    W::X,
    W::K,
    W::Percent,
    W::Percentage,
]);

/// Result verbs that state a change by a factor.
const FACTORS: WordSet = set(&[
    W::Half,
    W::Halve,
    W::Halves,
    W::Halved,
    W::Double,
    W::Doubles,
    W::Doubled,
    W::Triple,
    W::Triples,
    W::Tripled,
]);

/// Words after a comparator that name a reference level ("below last year's").
const REFERENCES: WordSet = set(&[W::Last, W::Previous, W::Prior, W::Than, W::PrePandemic]);

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
/// assert!(!measurability("Finish the rollout by 2026-06-30").is_measurable());
/// assert!(!measurability("Finish the rollout by 06/30/2026").is_measurable());
/// ```
#[must_use]
pub fn measurability(text: &str) -> Measurability {
    with_tokens(text, |t| measure_tokens(text, t))
}

/// Whether the number at `i` is part of a name rather than a quantity: a
/// standard, a platform or its version, a phase ("ISO 27001", "PCI DSS 4.0",
/// "SOC 2", "Java 21", "Windows 11", "Phase 1"). The word before it is one
/// of [`NAMES_WITH_NUMBERS`], and no unit, per cent or scale follows ("Tier 1
/// tickets" is a name, "SLA 99.9" and "Cut AWS 20k a month" are not: such
/// words are not on the list).
fn in_a_name(text: &str, t: &[Tok], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| t.get(p)) else {
        return false;
    };
    let word = text
        .get(prev.start as usize..prev.end as usize)
        .unwrap_or("");
    prev.kind == TokKind::Word
        && NAMES_WITH_NUMBERS
            .iter()
            .any(|n| word.eq_ignore_ascii_case(n))
        && t.get(i + 1).is_none_or(|n| {
            !matches!(n.kind, TokKind::Percent | TokKind::Cmp | TokKind::Arrow)
                && !n.has(TU | MET | ACT | NUMW)
                && bit(n.id) & NOT_QUANTITIES == 0
        })
}

/// Words a number after which names a thing rather than counts it.
const NAMES_WITH_NUMBERS: &[&str] = &[
    "iso",
    "iec",
    "soc",
    "dss",
    "wcag",
    "nist",
    "tls",
    "ssl",
    "http",
    "ipv",
    "java",
    "jdk",
    "node",
    "rails",
    "django",
    "angular",
    "react",
    "vue",
    "windows",
    "ios",
    "android",
    "macos",
    "ubuntu",
    "debian",
    "rhel",
    "centos",
    "postgres",
    "postgresql",
    "mysql",
    "chrome",
    "firefox",
    "safari",
    "airflow",
    "spark",
    "php",
    "ruby",
    "scala",
    "kotlin",
    "swift",
    "typescript",
    "phase",
    "part",
    "district",
    "type",
    "gen",
    "generation",
    "wave",
    "tier",
    "openebs",
];

/// Whether the number at `i` is part of a date written with numbers only
/// (`2026-06-30`, `06/30/2026`, `2026-06`): numbers joined by single
/// separators with no space, three of them, or two with a year among them.
fn in_numeric_date(t: &[Tok], i: usize) -> bool {
    let joined = |a: usize| {
        let (Some(x), Some(sep), Some(y)) = (t.get(a), t.get(a + 1), t.get(a + 2)) else {
            return false;
        };
        x.kind == TokKind::Num
            && matches!(sep.kind, TokKind::Punct | TokKind::Other)
            && sep.end == sep.start + 1
            && x.end == sep.start
            && sep.end == y.start
            && y.kind == TokKind::Num
    };
    // the run of joined numbers the one at `i` is in
    let mut first = i;
    while first >= 2 && joined(first - 2) {
        first -= 2;
    }
    let mut last = i;
    while joined(last) {
        last += 2;
    }
    let numbers = (last - first) / 2 + 1;
    numbers == 3 || numbers == 2 && (first..=last).step_by(2).any(|j| t[j].has(YEAR))
}

fn measure_tokens(text: &str, t: &[Tok]) -> Measurability {
    let mut cues = CueBuf::new();
    let mut measurable = false;
    let named = |i: usize| t.get(i).map_or(0, |k| bit(k.id));
    for (i, k) in t.iter().enumerate() {
        let prev = if i > 0 { t[i - 1].flags } else { 0 };
        let next = t.get(i + 1).map_or(0, |n| n.flags);
        match k.kind {
            TokKind::Num => {
                let date =
                    k.has(YEAR) || prev & CAL != 0 || next & CAL != 0 || in_numeric_date(t, i);
                let version = i > 0 && named(i - 1) & VERSION_WORDS != 0 || in_a_name(text, t, i);
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
                let w = bit(k.id);
                let numw = k.has(NUMW) && w & NOT_QUANTITIES == 0;
                let change = k.has(CR | CV) && w & FACTORS != 0;
                let threshold = k.has(CMPW)
                    && k.id != W::Or
                    && (next & (DET | NUMW) != 0
                        || t.get(i + 1).is_some_and(|n| n.kind == TokKind::Num)
                        || named(i + 1) & REFERENCES != 0);
                let none = k.has(NEG) && w & set(&[W::Zero, W::None]) != 0;
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
        cues: cues.sorted(),
    }
}
