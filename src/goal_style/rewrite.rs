//! Rewrite hints: suggest an outcome-style phrasing for a milestone key result.

use super::lexicon::{CMPW, CR, CV, DEL, DET, DP, DV, HIRE, MET, NEG, OF, PREP, WV};
use super::scan::{TokKind, tokenize};
use std::fmt::Write as _;

fn fmt_num(v: f64, unit: Option<&str>) -> String {
    let mut s = if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else if v.is_finite() {
        let mut s = format!("{v:.3}");
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
        s
    } else {
        "<value>".to_string()
    };
    if let Some(u) = unit.map(str::trim).filter(|u| !u.is_empty()) {
        if u == "%" {
            s.push('%');
        } else {
            s.push(' ');
            s.push_str(u);
        }
    }
    s
}

/// What the key result delivers, as a clause ending the question "what should change for
/// whom …?", e.g. "when the redesigned onboarding flow ships".
fn when_clause(text: &str) -> Option<String> {
    let toks = tokenize(text);
    let t = toks.as_slice();
    let first = t.first()?;
    let word = |k: &super::scan::Tok| text.get(k.start as usize..k.end as usize).unwrap_or("");
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
fn metric_in(text: &str) -> Option<&str> {
    let toks = tokenize(text);
    let t = toks.as_slice();
    let m = t.iter().position(|k| k.has(MET) && !k.has(DEL))?;
    let plain = |k: &super::scan::Tok| {
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
    let when = when_clause(text);
    let mut out = String::with_capacity(160);
    let _ = write!(
        out,
        "what should change for whom {}? e.g. ",
        when.as_deref().unwrap_or("when this ships")
    );
    let what = when.as_deref().and_then(|w| {
        w.strip_prefix("when ")
            .and_then(|w| w.strip_suffix(" ships"))
            .map(str::to_string)
    });
    let metric = metric
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string)
        .or_else(|| metric_in(text).map(str::to_string))
        .unwrap_or_else(|| match &what {
            Some(w) => format!("<metric affected by {w}>"),
            None => "<metric>".to_string(),
        });
    let base = baseline.map_or_else(|| "<baseline>".to_string(), |v| fmt_num(v, unit));
    let tgt = target.map_or_else(|| "<target>".to_string(), |v| fmt_num(v, unit));
    let _ = write!(out, "'{metric} from {base} to {tgt}'");
    out
}
