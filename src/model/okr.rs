use super::{AllowList, Id, MeasureBox, RefList, Text};
use serde::Serialize;

use super::{KeyResultKind, Ref};
use crate::source::Location;

/// An objective of an OKR set: a qualitative goal with measurable key results.
///
/// ```
/// use opmodel::model::{Objective, KeyResult};
/// let o = Objective::new("onboarding-2026q3", "New listeners find music they love in their first week")
///     .owner("playback")
///     .supports("listening-time")
///     .key_result("Raise week-1 retention of new listeners from 31% to 38%");
/// assert_eq!(o.key_results[0].id, "onboarding-2026q3#1");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Objective {
    /// Unique id.
    pub id: Id,
    /// What should be true for customers or the business.
    pub title: Text,
    /// The team the objective belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<Ref>,
    /// The period, as free text (`2026-Q3`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Text>,
    /// Outcomes or parent objectives this one supports.
    #[serde(skip_serializing_if = "RefList::is_empty")]
    pub supports: RefList,
    /// How progress is measured.
    pub key_results: Vec<KeyResult>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this objective.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the objective was defined.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Objective {
    /// An objective with an id and a title.
    pub fn new(id: impl Into<Id>, title: impl Into<Text>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            owner: None,
            period: None,
            supports: RefList::new(),
            key_results: Vec::new(),
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// Sets the owning team.
    pub fn owner(mut self, team: impl Into<Ref>) -> Self {
        self.owner = Some(team.into());
        self
    }

    /// Sets the period.
    pub fn period(mut self, period: impl Into<Text>) -> Self {
        self.period = Some(period.into());
        self
    }

    /// Adds an outcome or parent objective this one supports.
    pub fn supports(mut self, target: impl Into<Ref>) -> Self {
        self.supports.push(target.into());
        self
    }

    /// Adds a key result from its text, with the default id `<objective id>#<n>`.
    pub fn key_result(self, text: impl Into<Text>) -> Self {
        let kr = KeyResult::new(String::new(), text);
        self.with_key_result(kr)
    }

    /// Adds a key result; an empty id gets the default `<objective id>#<n>`.
    pub fn with_key_result(mut self, mut kr: KeyResult) -> Self {
        if kr.id.is_empty() {
            kr.id = KeyResult::default_id(&self.id, self.key_results.len() + 1);
        }
        self.key_results.push(kr);
        self
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<Text>) -> Self {
        self.description = Some(Box::new(text.into()));
        self
    }

    /// Switches a check off for this objective.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}

/// A key result: how an objective's progress is measured.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeyResult {
    /// Unique id; `<objective id>#<n>` (from 1) when not given. Such a
    /// made-up id is left out when the model is written, so that the
    /// file reads back to the same id (`#` is no id character, so a
    /// written id never has it).
    #[serde(skip_serializing_if = "is_made_up_id")]
    pub id: Id,
    /// The key result as written.
    pub text: Text,
    /// The metric, baseline, target and unit, when fields give them.
    #[serde(flatten)]
    pub measure: MeasureBox,
    /// The author's own statement of what this is; wins over the classifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<KeyResultKind>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Box<Text>>,
    /// Checks switched off for this key result.
    #[serde(skip_serializing_if = "AllowList::is_empty")]
    pub allow: AllowList,
    /// Where the key result was written.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl KeyResult {
    /// A key result with an id and text.
    pub fn new(id: impl Into<Id>, text: impl Into<Text>) -> Self {
        Self {
            id: id.into(),
            text: text.into(),
            measure: MeasureBox::new(),
            kind: None,
            description: None,
            allow: AllowList::new(),
            location: None,
        }
    }

    /// The id a key result gets when none is written: `<objective id>#<n>`.
    pub fn default_id(objective: &str, n: usize) -> Id {
        Id::format(format_args!("{objective}#{n}"))
    }

    /// Sets the metric.
    pub fn metric(mut self, metric: impl Into<Text>) -> Self {
        self.measure.metric = Some(metric.into());
        self
    }

    /// Sets the baseline.
    pub fn baseline(mut self, value: f64) -> Self {
        self.measure.baseline = Some(value);
        self
    }

    /// Sets the target.
    pub fn target(mut self, value: f64) -> Self {
        self.measure.target = Some(value);
        self
    }

    /// Sets the unit.
    pub fn unit(mut self, unit: impl Into<Text>) -> Self {
        self.measure.unit = Some(unit.into());
        self
    }

    /// Declares the kind.
    pub fn kind(mut self, kind: KeyResultKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// Switches a check off for this key result.
    pub fn allow(mut self, check: impl Into<String>) -> Self {
        self.allow.push(check);
        self
    }
}

/// Whether a key result's id was made from its objective's, not written.
fn is_made_up_id(id: &Id) -> bool {
    id.as_str().contains('#')
}
