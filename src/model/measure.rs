//! [`Measure`]: the fields that say how a key result is measured.

use serde::Serialize;

use super::Text;

/// How a key result is measured, when its fields say so rather than its
/// text: the metric, where it stands, where it should get to, and the unit.
///
/// ```
/// use opmodel::model::KeyResult;
///
/// let kr = KeyResult::new("q3#1", "Fewer abandoned checkouts")
///     .metric("abandonment rate")
///     .baseline(31.0)
///     .target(24.0)
///     .unit("%");
/// assert_eq!(kr.measure.metric.as_deref(), Some("abandonment rate"));
/// assert_eq!(kr.measure.target, Some(24.0));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Measure {
    /// What is measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metric: Option<Text>,
    /// Where the metric stands.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Where it should get to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The unit of baseline and target (`%`, `ms`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
}

impl Measure {
    /// Whether no field is given.
    pub fn is_empty(&self) -> bool {
        self.metric.is_none()
            && self.baseline.is_none()
            && self.target.is_none()
            && self.unit.is_none()
    }
}

/// No measure: what an empty [`MeasureBox`] reads as.
static NONE: Measure = Measure {
    metric: None,
    baseline: None,
    target: None,
    unit: None,
};

/// A [`Measure`] kept out of line: it reads and writes like one (it derefs
/// to it, so `kr.measure.metric` and `kr.measure.target = Some(38.0)`
/// work), and takes the room of one pointer while no field is given, as in
/// most key results, which say everything in their text. A model of a
/// million entities has hundreds of thousands of key results.
///
/// Writing through it (`kr.measure.target = ..`, or any `&mut` use, even
/// `kr.measure.metric.take()`) gives it room first; reading never does.
#[derive(Clone, Debug, Default)]
pub struct MeasureBox(Option<Box<Measure>>);

impl MeasureBox {
    /// No field given.
    pub fn new() -> Self {
        Self(None)
    }

    /// Whether no field is given, whether or not it has room.
    pub fn is_empty(&self) -> bool {
        self.0.as_deref().is_none_or(Measure::is_empty)
    }
}

impl From<Measure> for MeasureBox {
    fn from(measure: Measure) -> Self {
        Self((!measure.is_empty()).then(|| Box::new(measure)))
    }
}

impl std::ops::Deref for MeasureBox {
    type Target = Measure;

    fn deref(&self) -> &Measure {
        self.0.as_deref().unwrap_or(&NONE)
    }
}

impl std::ops::DerefMut for MeasureBox {
    /// The measure, given room first if it had none.
    fn deref_mut(&mut self) -> &mut Measure {
        self.0.get_or_insert_with(Box::default)
    }
}

impl PartialEq for MeasureBox {
    /// Equal when the fields are: no room and room with no field given
    /// are the same measure.
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl Serialize for MeasureBox {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::{Measure, MeasureBox};

    #[test]
    fn is_one_pointer_and_reads_and_writes_like_a_measure() {
        assert_eq!(std::mem::size_of::<MeasureBox>(), 8);
        let mut m = MeasureBox::new();
        assert!(m.is_empty());
        assert_eq!(m.target, None);
        m.target = Some(38.0);
        assert!(!m.is_empty());
        assert_eq!(m.target, Some(38.0));
        let empty_with_room = {
            let mut b = MeasureBox::new();
            b.unit = None;
            b
        };
        assert_eq!(empty_with_room, MeasureBox::new());
        assert!(empty_with_room.is_empty());
        assert_eq!(MeasureBox::from(Measure::default()), MeasureBox::new());
        assert_eq!(
            serde_json::to_string(&m).expect("writes"),
            r#"{"target":38.0}"#
        );
    }
}
