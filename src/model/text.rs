use compact_str::CompactString;

/// A text of the model as written in the org files: a name, a title, a
/// metric, a key result's wording.
///
/// It reads like a `&str`, as [`Id`](super::Id) does (it derefs to one and
/// compares with `str`, `&str` and `String`), and like an `Id` it keeps up
/// to 24 bytes inside the value: the names of people and teams, metrics,
/// units and periods, several per entity, need no heap allocation of their
/// own. Longer texts are stored on the heap, as a `String` is.
///
/// ```
/// use opmodel::model::{Team, Text};
///
/// let team = Team::new("payments").name("Payments");
/// assert_eq!(team.name.as_deref(), Some("Payments"));
/// let title = Text::from("Checkout converts more first-time buyers");
/// assert!(title.starts_with("Checkout"));
/// assert_eq!(title.to_string(), "Checkout converts more first-time buyers");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Text(CompactString);

impl Text {
    /// The text from a string slice; does not allocate when it is 24 bytes
    /// or shorter.
    pub fn new(text: &str) -> Self {
        Self(CompactString::new(text))
    }
}

super::inline_str::inline_str_impls!(Text);

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn short_texts_are_stored_inline_and_long_ones_on_the_heap() {
        assert!(!Text::from("support contact rate").is_heap_allocated());
        assert!(!Text::from("Priya Almeida").is_heap_allocated());
        let long = "Raise week-1 retention from 31% to 38%".to_owned();
        let text = Text::from(long.clone());
        assert!(text.is_heap_allocated());
        assert_eq!(text, long);
        assert_eq!(String::from(text), long);
    }

    #[test]
    fn reads_and_writes_as_a_string_and_orders_like_one() {
        let text: Text = serde_json::from_str("\"2026-Q3\"").expect("a string");
        assert_eq!(text, "2026-Q3");
        assert_eq!(serde_json::to_string(&text).expect("writes"), "\"2026-Q3\"");
        assert!(serde_json::from_str::<Text>("3").is_err());
        let mut texts = [Text::from("b"), Text::from("a")];
        texts.sort();
        assert_eq!(texts, ["a", "b"]);
    }
}
