//! Every built-in check, in one list. Adding a check is adding its file
//! and one line here.

use super::Check;

/// Every built-in check, integrity checks first, then by family and name.
pub fn builtin() -> Vec<Box<dyn Check>> {
    vec![
        // integrity
        Box::new(super::duplicate_id::DuplicateId),
        Box::new(super::hierarchy_cycle::HierarchyCycle),
        Box::new(super::invalid_entity::InvalidEntity),
        Box::new(super::invalid_file::InvalidFile),
        Box::new(super::unknown_reference::UnknownReference),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let checks = super::builtin();
        let mut seen = HashSet::new();
        for c in &checks {
            let m = c.meta();
            assert!(seen.insert(m.name), "duplicate check name {}", m.name);
            assert!(m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{} is not kebab-case", m.name);
            for heading in ["### What it finds", "### Why it matters", "### Example", "### Fix"] {
                assert!(m.docs.contains(heading), "{} docs lack `{heading}`", m.name);
            }
            assert!(!m.summary.ends_with('.'), "{} summary ends with a period", m.name);
        }
    }
}
