//! Property tests: the goal-style functions never panic and every cue span is a valid
//! char-boundary range of the input.

use opmodel::goal_style::{Cue, classify, classify_objective, measurability, rewrite_hint};
use proptest::prelude::*;

fn spans_ok(text: &str, cues: &[Cue]) -> bool {
    cues.iter().all(|c| {
        c.span.start <= c.span.end
            && c.span.end <= text.len()
            && text.is_char_boundary(c.span.start)
            && text.is_char_boundary(c.span.end)
    })
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let a = classify(text);
    prop_assert_eq!(&a, &classify(text), "not deterministic");
    prop_assert!(
        (0.5..=1.0).contains(&a.confidence),
        "confidence {}",
        a.confidence
    );
    prop_assert!(spans_ok(text, &a.cues));
    for c in &a.cues {
        let _ = c.describe(text);
    }
    let o = classify_objective(text);
    prop_assert!(spans_ok(text, &o.cues));
    let m = measurability(text);
    prop_assert!(spans_ok(text, &m.cues));
    let _ = rewrite_hint(text, None, None, None, None);
    let _ = rewrite_hint(text, Some(text), Some(f64::NAN), Some(1e300), Some(text));
    Ok(())
}

/// Words that drive the classifier, so random sentences reach deep paths.
const WORDS: &[&str] = &[
    "per cent",
    "Based on",
    "Through",
    "Spend",
    "Determine the",
    "Northgate",
    "SLA met",
    "calls per rep",
    "Get approval",
    "receives submissions",
    "halve",
    "percentage point increase",
    "built by the community",
    "Test coverage",
    "to grow",
    "Launch",
    "ship",
    "by",
    "from",
    "to",
    "%",
    "→",
    "≥",
    "<",
    "under",
    "within",
    "days",
    "the",
    "customers",
    "can",
    "retention",
    "number",
    "of",
    "features",
    "100",
    "1,200.5",
    "Q3",
    "August",
    "end",
    "of",
    "so",
    "that",
    "through",
    "with",
    "and",
    "move",
    "no",
    "still",
    "hire",
    "5",
    "engineers",
    "stop",
    ":",
    ",",
    "by choice",
    "instead",
    "é",
    "🚀",
    "\u{301}",
    "-",
    "'",
    "in",
    "order",
    "half",
    "a",
    "third",
    "at",
    "least",
    "or",
    "better",
    "+",
    "$",
    ". ",
    "; ",
    "\n",
    "N5",
    "XX",
    "EUR",
    "plan",
    "hiring",
    "used",
    "adopted",
    "Achieve",
    "meet",
    "registrations",
    "pipeline",
    "There",
    "are",
    "is",
    "Reduce",
    "Cut",
    "Hold",
    "Deliver",
    "Close",
    "Raise",
    "Add",
    "Have",
    "#",
    "No.",
    "72h",
    "4.1s",
    "their",
    "on-time",
    "being",
    "members",
    "team",
    "join",
    "complain",
    "happy",
    "times",
    "how",
    "often",
    "sessions",
    "onboarding",
    "workspaces",
    "reduced",
    "raises",
    "£",
    "findings",
    "audit",
    "risk-assessed",
    "(",
    ")",
];

/// Key results cut short after the words that open the newer readings: each must
/// still give a verdict.
#[test]
fn truncated_key_results_do_not_panic() {
    for text in [
        "Reduce the",
        "Cut",
        "Reduce Terraform",
        "Hold the",
        "Deliver 18",
        "Close all",
        "Raise 3",
        "Add 500 members to",
        "# of",
        "No.",
        "No. of",
        "Spring appeal raises",
        "Spring appeal raises £",
        "issued within their",
        "within 5 days of",
        "Label: 10",
        "Label: 10 +",
        "Ship X +",
        "Increase how",
        "the number of times",
        "People are",
        "and people are",
    ] {
        let a = classify(text);
        assert!(spans_ok(text, &a.cues), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_strings(s in any::<String>()) {
        check(&s)?;
    }

    #[test]
    fn never_panics_on_long_strings(s in proptest::collection::vec(any::<char>(), 0..5000)) {
        let s: String = s.into_iter().collect();
        check(&s)?;
    }

    #[test]
    fn never_panics_on_keyword_soup(idx in proptest::collection::vec(0..WORDS.len(), 0..200),
                                    seps in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("\t"), Just("\u{0}")], 200)) {
        let mut s = String::new();
        for (n, i) in idx.iter().enumerate() {
            s.push_str(WORDS[*i]);
            s.push_str(seps[n % seps.len()]);
        }
        check(&s)?;
    }
}

#[test]
fn huge_input_does_not_panic() {
    let s = "Launch 5 features by August and move retention from 1% to 2% ".repeat(20_000);
    check(&s).expect("huge input");
    let s = "é".repeat(100_000);
    check(&s).expect("huge non-ascii input");
}
