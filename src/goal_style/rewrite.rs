//! Rewrite hints: suggest an outcome-style phrasing for a milestone key result.

use super::lexicon::{CMPW, CR, CV, DEL, DET, DP, DV, HIRE, MET, NEG, OF, PREP, WV};
use super::scan::{Tok, TokKind, tokenize};
use std::fmt::Write as _;

/// Writes `v` (with its unit) as a hint shows it: whole numbers without a
/// fraction, others with at most three decimals.
fn push_num(out: &mut String, v: Option<f64>, unit: Option<&str>, missing: &str) {
    let Some(v) = v else {
        out.push_str(missing);
        return;
    };
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        let _ = write!(out, "{v:.0}");
    } else if v.is_finite() {
        let from = out.len();
        let _ = write!(out, "{v:.3}");
        // Only the digits just written: what came before may end in zeros.
        let written = out.get(from..).unwrap_or_default();
        let kept = written.trim_end_matches('0').trim_end_matches('.').len();
        out.truncate(from + kept);
    } else {
        out.push_str("<value>");
    }
    if let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) {
        if u != "%" {
            out.push(' ');
        }
        out.push_str(u);
    }
}

/// What the key result delivers, as a clause ending the question "what should change for
/// whom …?", e.g. "when the redesigned onboarding flow ships".
fn when_clause(text: &str, t: &[Tok]) -> Option<String> {
    let first = t.first()?;
    let word = |k: &Tok| text.get(k.start as usize..k.end as usize).unwrap_or("");
    if first.has(HIRE) {
        return Some("when the new hires are in place".to_string());
    }
    if first.has(DV | CV | WV) {
        let mut i = 1;
        if t.get(1).is_some_and(|k| {
            ["out", "up", "live", "over", "off"]
                .iter()
                .any(|p| word(k).eq_ignore_ascii_case(p))
        }) {
            i = 2;
        }
        let start = t.get(i)?;
        let mut end = start.end;
        let mut seen_noun = false;
        let mut j = i;
        while let Some(k) = t.get(j) {
            let stop_prep = k.has(PREP) && !k.has(OF) && seen_noun;
            if k.kind != TokKind::Word && k.kind != TokKind::Num || stop_prep || j - i >= 7 {
                break;
            }
            if !k.has(DET) {
                seen_noun = true;
            }
            end = k.end;
            j += 1;
        }
        let s = text.get(start.start as usize..end as usize)?.trim();
        return (!s.is_empty()).then(|| format!("when {s} ships"));
    }
    // subject first: "Agent installed on 100% of laptops" -> "once Agent is installed"
    let d = t.iter().position(|k| k.has(DP))?;
    if d == 0 {
        return None;
    }
    let subject = text
        .get(first.start as usize..t[d - 1].end as usize)?
        .trim();
    Some(format!("once {subject} is {}", word(&t[d])))
}

/// A metric phrase from the text, if any ("net dollar retention", "sign-ups").
fn metric_in<'t>(text: &'t str, t: &[Tok]) -> Option<&'t str> {
    let m = t.iter().position(|k| k.has(MET) && !k.has(DEL))?;
    let plain = |k: &Tok| {
        k.kind == TokKind::Word && !k.has(PREP | DET | DV | DP | CMPW | CR | CV | WV | NEG)
    };
    let mut a = m;
    while a > 0 && plain(&t[a - 1]) && m - a < 3 {
        a -= 1;
    }
    let mut b = m;
    let mut j = m + 1;
    while j < t.len() && j < m + 4 && (plain(&t[j]) || t[j].has(MET) && t[j].kind == TokKind::Word)
    {
        if t[j].has(MET) && !t[j].has(DEL) {
            b = j;
        }
        j += 1;
    }
    text.get(t[a].start as usize..t[b].end as usize)
}

/// Suggests an outcome-style rewrite of a key result.
///
/// Uses the key result's own `metric`, `baseline`, `target` and `unit` when given;
/// otherwise builds a placeholder from words in the text.
///
/// ```
/// use opmodel::goal_style::rewrite_hint;
///
/// let hint = rewrite_hint("Ship the new onboarding", Some("week-1 retention"), Some(31.0), Some(38.0), Some("%"));
/// assert!(hint.contains("'week-1 retention from 31% to 38%'"));
/// let hint = rewrite_hint("Launch the redesigned onboarding flow by August", None, None, None, None);
/// assert!(hint.contains("the redesigned onboarding flow"));
/// ```
#[must_use]
pub fn rewrite_hint(
    text: &str,
    metric: Option<&str>,
    baseline: Option<f64>,
    target: Option<f64>,
    unit: Option<&str>,
) -> String {
    // Both readings of the text share one tokenization.
    let toks = tokenize(text);
    let when = when_clause(text, toks.as_slice());
    let mut out = String::with_capacity(160);
    out.push_str("what should change for whom ");
    out.push_str(when.as_deref().unwrap_or("when this ships"));
    out.push_str("? e.g. '");
    let what = when
        .as_deref()
        .and_then(|w| w.strip_prefix("when ")?.strip_suffix(" ships"));
    match metric
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .or_else(|| metric_in(text, toks.as_slice()))
    {
        Some(m) => out.push_str(m),
        None => {
            out.push_str("<metric");
            if let Some(w) = what {
                out.push_str(" affected by ");
                out.push_str(w);
            }
            out.push('>');
        }
    }
    out.push_str(" from ");
    push_num(&mut out, baseline, unit, "<baseline>");
    out.push_str(" to ");
    push_num(&mut out, target, unit, "<target>");
    out.push('\'');
    out
}
