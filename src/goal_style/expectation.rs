//! Clauses that only say what a delivery should lead to: "…; this should cut
//! p95 latency by 30%", "… We expect hold time to fall", "…, which is
//! expected to lift sign-ups". Rule 3 makes them no equal part of the key
//! result, whether the scorer meets one after a punctuation mark or the
//! sentence splitter as a sentence of its own: both ask [`opens`].

/// Whether a clause whose first four words are `w` states an expectation.
/// Words are compared without regard to case; a missing one is `""`.
pub(super) fn opens(w: [&str; 4]) -> bool {
    let is = |word: &str, list: &[&str]| list.iter().any(|l| word.eq_ignore_ascii_case(l));
    let [first, second, third, fourth] = w;
    is(first, &["this", "it", "which", "that"])
        && (is(second, &["should", "will", "would", "helps", "lays"])
            || is(second, &["is"])
                && (is(third, &["expected", "meant", "groundwork"])
                    || is(third, &["the"]) && is(fourth, &["groundwork"])))
        || is(first, &["we"]) && is(second, &["expect", "hope", "anticipate", "aim", "want"])
        || is(first, &["expected", "intended", "designed"]) && is(second, &["to"])
}

/// Whether a sentence after the first only says what the others should lead
/// to: "This should reduce false declines.", "We expect hold time to fall.",
/// "It should help us close tickets faster."
pub(super) fn states_expectation(sentence: &str) -> bool {
    let mut words = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty());
    let mut first = [""; 4];
    for slot in &mut first {
        *slot = words.next().unwrap_or("");
    }
    opens(first)
}

#[cfg(test)]
mod tests {
    use super::{opens, states_expectation};

    #[test]
    fn reads_the_openings_of_an_expectation() {
        for s in [
            "This should reduce false declines.",
            "We expect hold time to fall.",
            "It should help us close tickets faster.",
            "this is the groundwork for a lower churn",
            "Expected to lift sign-ups by 5%.",
            "Which should add 2 points of NPS.",
            "We aim to cut churn by 5%.",
        ] {
            assert!(states_expectation(s), "{s}");
        }
    }

    #[test]
    fn leaves_other_sentences_alone() {
        for s in [
            "Reduce false declines by 20%.",
            "This quarter, lift NPS to 45.",
            "We ship the new checkout.",
            "Itemise the invoices.",
            "",
        ] {
            assert!(!states_expectation(s), "{s}");
        }
        assert!(!opens(["that", "is", "all", ""]));
        assert!(!opens(["this", "is", "the", "plan"]));
        assert!(opens(["this", "is", "the", "groundwork"]));
    }
}
