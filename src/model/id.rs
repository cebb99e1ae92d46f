use std::fmt;

use compact_str::CompactString;

/// An id as written in the org files: `team-payments`, `prod-checkout-web`,
/// `budget@prod-checkout-web`.
///
/// It reads like a `&str` (it derefs to one, compares with `str`, `&str`
/// and `String`, and hashes like a `str`, so a `HashMap<Id, _>` can be
/// looked up with a `&str`). Ids of up to 24 bytes, nearly all of them,
/// are stored inside the value itself: a model of a million entities names
/// several million ids, and giving each its own heap allocation costs
/// more memory than the ids themselves and much of the loading time.
///
/// ```
/// use opmodel::model::Id;
///
/// let id = Id::from("team-payments");
/// assert_eq!(id, "team-payments");
/// assert!(id.starts_with("team-"));
/// assert_eq!(id.to_string(), "team-payments");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Id(CompactString);

impl Id {
    /// The id from a string slice; does not allocate when it is 24 bytes or
    /// shorter.
    pub fn new(id: &str) -> Self {
        Self(CompactString::new(id))
    }

    /// The id `args` write; short ones are written in place, without a
    /// temporary `String`.
    pub(crate) fn format(args: fmt::Arguments<'_>) -> Self {
        Self(compact_str::format_compact!("{args}"))
    }
}

super::inline_str::inline_str_impls!(Id);

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::Id;

    #[test]
    fn short_ids_are_stored_inline_and_long_ones_on_the_heap() {
        assert!(!Id::from("prod-moderation-ios-8094").is_heap_allocated());
        assert!(Id::from("prod-moderation-ios-80945").is_heap_allocated());
        let long = "budget@prod-moderation-ios-8094".to_string();
        let id = Id::from(long.clone());
        assert_eq!(id, long);
    }

    #[test]
    fn looks_up_by_str_and_orders_like_str() {
        let mut ids = vec![
            Id::from("b"),
            Id::from("a-long-id-that-is-on-the-heap"),
            Id::from("a"),
        ];
        ids.sort();
        assert_eq!(ids, ["a", "a-long-id-that-is-on-the-heap", "b"]);
        let map: HashMap<Id, u32> = ids.iter().cloned().zip(0..).collect();
        assert_eq!(map.get("b"), Some(&2));
    }

    #[test]
    fn reads_and_writes_as_a_string() {
        let id: Id = serde_json::from_str("\"team-payments\"").expect("a string");
        assert_eq!(id, "team-payments");
        assert_eq!(
            serde_json::to_string(&id).expect("writes"),
            "\"team-payments\""
        );
        assert!(serde_json::from_str::<Id>("3").is_err());
    }
}
