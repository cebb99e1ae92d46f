//! Cues: the pieces of evidence the classifier found, each tied to a span of the text.

use std::fmt;
use std::ops::Range;

/// What kind of evidence a [`Cue`] is.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A verb that delivers something: `Launch`, `migrated`, `go live`. Milestone evidence.
    DeliveryVerb,
    /// A one-off deadline: `by August`, `by end of Q2`, `before Black Friday`.
    Deadline,
    /// A deliverable noun: feature, report, policy, campaign, certification.
    Deliverable,
    /// Rollout coverage: `100% of laptops`, `% of services migrated`. Output, not outcome.
    RolloutCoverage,
    /// Hiring or headcount: `hire 5 engineers`.
    Headcount,
    /// A measured change: `from 31% to 38%`, `by 20%`, `down 40%`, `doubles`.
    MetricChange,
    /// A level to hold or pass: `≥ 98%`, `under 24 hours`, `at 110%`.
    Threshold,
    /// A customer or business effect: retention, conversion, revenue, churn, latency, ….
    CustomerOrBusinessEffect,
    /// People doing something differently: `customers book online`, `users who follow`.
    BehaviourChange,
    /// Timeliness of a recurring service: `within 5 days`, `in 5 business days`.
    RecurringTimeliness,
    /// A purpose or result clause after the main clause: `to lift sign-ups`, `so that`.
    PurposeClause,
    /// A means clause after the main clause: `through a refer-a-friend program`.
    MeansClause,
    /// A capability that exists: `customers can export`. Milestone evidence.
    Capability,
    /// A negated result: `no outage`, `zero incidents`, `stop needing`.
    Negation,
    /// A word that, in this role, is common in one style of key result across many
    /// organisations (a learned cue, e.g. `registrations` counted by a number).
    Wording,
}

impl CueKind {
    /// A short lowercase name, e.g. `delivery verb`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::DeliveryVerb => "delivery verb",
            Self::Deadline => "deadline",
            Self::Deliverable => "deliverable",
            Self::RolloutCoverage => "rollout coverage",
            Self::Headcount => "headcount",
            Self::MetricChange => "metric change",
            Self::Threshold => "threshold",
            Self::CustomerOrBusinessEffect => "customer or business effect",
            Self::BehaviourChange => "behaviour change",
            Self::RecurringTimeliness => "recurring timeliness",
            Self::PurposeClause => "purpose clause",
            Self::MeansClause => "means clause",
            Self::Capability => "capability",
            Self::Negation => "negation",
            Self::Wording => "wording",
        }
    }

    /// Whether this kind of cue points towards a milestone (output) rather than an outcome.
    #[must_use]
    pub fn points_to_milestone(self) -> bool {
        matches!(
            self,
            Self::DeliveryVerb
                | Self::Deadline
                | Self::Deliverable
                | Self::RolloutCoverage
                | Self::Headcount
                | Self::Capability
                | Self::PurposeClause
        )
    }
}

impl fmt::Display for CueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One piece of evidence: what it is, where it is and what it means.
#[derive(Clone, Debug, PartialEq)]
pub struct Cue {
    /// The kind of evidence.
    pub kind: CueKind,
    /// Byte span into the classified text, always on char boundaries.
    pub span: Range<usize>,
    /// What the quoted text means, completing the sentence "`<quote>` …",
    /// e.g. `is a delivery verb`.
    pub meaning: &'static str,
    /// How much this cue moved the decision: positive towards milestone, negative towards
    /// outcome, zero for cues that are reported but deliberately ignored (purpose and
    /// means clauses).
    pub weight: f32,
}

impl Cue {
    /// The quoted text of this cue, or `""` if the span does not fit `text`.
    #[must_use]
    pub fn quote<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or("")
    }

    /// A sentence a check can show, e.g. "`Launch` is a delivery verb".
    #[must_use]
    pub fn describe(&self, text: &str) -> String {
        format!("`{}` {}", self.quote(text), self.meaning)
    }
}

fn kind_bit(kind: CueKind) -> u32 {
    1 << (kind as u32 & 31)
}

/// Fixed-capacity cue collector used while scanning (no allocation until the end).
pub(crate) struct CueBuf {
    items: [(CueKind, u32, u32, &'static str, f32); CueBuf::CAP],
    len: usize,
    /// One bit per kind among the stored cues, so [`CueBuf::has`] needs no scan.
    kinds: u32,
}

impl CueBuf {
    const CAP: usize = 16;

    /// An empty buffer.
    pub(crate) fn new() -> Self {
        Self {
            items: [(CueKind::DeliveryVerb, 0, 0, "", 0.0); Self::CAP],
            len: 0,
            kinds: 0,
        }
    }

    /// Records a cue and returns its weight (so callers can add it to the score).
    pub(crate) fn push(
        &mut self,
        kind: CueKind,
        start: u32,
        end: u32,
        meaning: &'static str,
        weight: f32,
    ) -> f32 {
        if self.len < Self::CAP {
            self.items[self.len] = (kind, start, end, meaning, weight);
            self.len += 1;
            self.kinds |= kind_bit(kind);
        }
        weight
    }

    /// The cues recorded so far, in the order found.
    pub(crate) fn items(&self) -> &[(CueKind, u32, u32, &'static str, f32)] {
        &self.items[..self.len]
    }

    /// Whether a cue of this kind was recorded.
    pub(crate) fn has(&self, kind: CueKind) -> bool {
        self.kinds & kind_bit(kind) != 0
    }

    /// The public cues, ordered by position. Borrows rather than consumes: moving the
    /// buffer out of the caller's frame would copy all of it.
    pub(crate) fn sorted(&mut self) -> Vec<Cue> {
        let items = &mut self.items[..self.len];
        // stable, so cues with the same span stay in the order they were found (a stable
        // sort of at most 16 items does not allocate)
        items.sort_by_key(|c| (c.1, c.2));
        items
            .iter()
            .map(|&(kind, s, e, meaning, weight)| Cue {
                kind,
                span: s as usize..e as usize,
                meaning,
                weight,
            })
            .collect()
    }
}
