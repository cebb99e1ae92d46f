//! Rewrite hints: suggest an outcome-style phrasing for a milestone key result.

use super::lexicon::{
    ALL, BEFORE, BY, CAL, CMPW, CR, CV, DEL, DET, DP, DV, HIRE, MET, NEG, OF, PREP, PURP, TO,
    WITHIN, WV, YEAR,
};
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

/// How the question of a hint refers to the work, and the index of the first token after
/// the phrase that names it: "once you launch the redesigned
/// onboarding flow", "once the endpoint agent is installed", or nothing when the text gives
/// no clean phrase.
///
/// The key result's own verb is kept ("once you retire the legacy Jenkins"), so the
/// question never says a migration or a hiring round "ships"; a phrase is only quoted when
/// it starts with a word, so it never reads "when 100 ships".
fn work_clause(text: &str, t: &[Tok]) -> Option<(String, usize)> {
    let first = t.first()?;
    let word = |k: &Tok| text.get(k.start as usize..k.end as usize).unwrap_or("");
    if first.has(HIRE) {
        return Some(("once the new people are in place".to_string(), 1));
    }
    if first.kind == TokKind::Word && first.has(DV | CV | WV) {
        let mut i = 1;
        if t.get(1).is_some_and(|k| {
            ["out", "up", "live", "over", "off", "down"]
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
            if !k.has(DET) && k.kind == TokKind::Word {
                seen_noun = true;
            }
            end = k.end;
            j += 1;
        }
        if !seen_noun {
            return None;
        }
        // A participle cut off from its agent reads broken ("24 playlists curated"
        // of "… curated by celebrities"): end the phrase before it.
        while j > i + 1 && t.get(j - 1).is_some_and(|k| is_participle(k, word(k))) {
            j -= 1;
            end = t[j - 1].end;
        }
        // ("Roll out X": the particle stays with its verb)
        let verb = text
            .get(first.start as usize..t.get(i - 1)?.end as usize)?
            .to_lowercase();
        let object = text.get(start.start as usize..end as usize)?.trim();
        return Some((format!("once you {verb} {object}"), j));
    }
    // subject first: "Endpoint agent installed on 100% of laptops" -> "once the endpoint
    // agent is installed"
    let d = t.iter().position(|k| k.has(DP))?;
    if d == 0 || first.kind != TokKind::Word {
        return None;
    }
    let subject = text
        .get(first.start as usize..t[d - 1].end as usize)?
        .trim();
    let verb_be = if t[..d].iter().any(|k| k.kind == TokKind::Num) {
        "are"
    } else {
        "is"
    };
    Some((format!("once {subject} {verb_be} {}", word(&t[d])), d + 1))
}

/// Whether `k` (reading `w`) is a past participle: a delivery participle of the
/// lexicon, or a longer word in `-ed` that is no `-eed` noun ("speed", "feed").
fn is_participle(k: &Tok, w: &str) -> bool {
    k.has(DP)
        || w.len() >= 5
            && w.get(w.len() - 2..)
                .is_some_and(|e| e.eq_ignore_ascii_case("ed"))
            && !w
                .get(w.len() - 3..)
                .is_some_and(|e| e.eq_ignore_ascii_case("eed"))
}

/// The measure a purpose clause names ("… to lift sign-ups by 20%" gives `sign-ups`): the
/// result the authors had in mind, so the best metric to suggest when none is declared.
fn purpose_metric<'t>(text: &'t str, t: &[Tok]) -> Option<&'t str> {
    let p = t.iter().enumerate().position(|(i, k)| {
        i > 0
            && (k.has(TO) && t.get(i + 1).is_some_and(|n| n.has(CV | WV))
                || k.has(PURP) && !k.has(DET))
    })?;
    // the purpose's own verb is no measure ("… to share information")
    let from = if t.get(p).is_some_and(|k| k.has(TO)) {
        p + 2
    } else {
        p
    };
    metric_in(text, t.get(from..)?)
}

/// A metric phrase from the text, if any ("net dollar retention", "sign-ups").
fn metric_in<'t>(text: &'t str, t: &[Tok]) -> Option<&'t str> {
    // (right after `to` a measure word is a verb: "to share information")
    let m =
        (0..t.len()).find(|&i| t[i].has(MET) && !t[i].has(DEL) && !(i > 0 && t[i - 1].has(TO)))?;
    let plain = |k: &Tok| {
        k.kind == TokKind::Word
            && !k.has(PREP | DET | DV | DP | CMPW | CR | CV | WV | NEG | CAL | YEAR | ALL)
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
/// otherwise the measure a purpose clause names ("… to lift sign-ups by 20%"), and
/// otherwise a placeholder: a measure named inside the deliverable ("delay notifications")
/// is the thing delivered, not a result, so it is never offered as the metric.
///
/// ```
/// use opmodel::goal_style::rewrite_hint;
///
/// let hint = rewrite_hint("Ship the new onboarding", Some("week-1 retention"), Some(31.0), Some(38.0), Some("%"));
/// assert!(hint.contains("'week-1 retention from 31% to 38%'"));
/// let hint = rewrite_hint("Launch the redesigned onboarding flow by August", None, None, None, None);
/// assert!(hint.contains("once you launch the redesigned onboarding flow?"));
/// ```
#[must_use]
pub fn rewrite_hint(
    text: &str,
    metric: Option<&str>,
    baseline: Option<f64>,
    target: Option<f64>,
    unit: Option<&str>,
) -> String {
    let toks = tokenize(text);
    let t = toks.as_slice();
    let work = work_clause(text, t);
    let mut out = String::with_capacity(160);
    out.push_str("what should change, and for whom, ");
    out.push_str(
        work.as_ref()
            .map_or("when this is done", |(w, _)| w.as_str()),
    );
    // A measure named after the work ("… in new ARR") is the key result's own; one inside
    // the work's name ("delay notifications") is part of what gets delivered.
    // ("within 5 days of the March outage" dates the work: the outage is no result)
    let after_work = work
        .as_ref()
        .and_then(|&(_, end)| t.get(end..))
        .map(|rest| {
            let dated = rest.iter().position(|k| k.has(WITHIN | BEFORE | BY));
            &rest[..dated.unwrap_or(rest.len())]
        })
        .and_then(|rest| metric_in(text, rest));
    out.push_str("? e.g. '");
    match metric
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .or_else(|| purpose_metric(text, t))
        .or(after_work)
    {
        Some(m) => out.push_str(m),
        None => out.push_str("<the result it should move>"),
    }
    out.push_str(" from ");
    push_num(&mut out, baseline, unit, "<baseline>");
    out.push_str(" to ");
    push_num(&mut out, target, unit, "<target>");
    out.push('\'');
    out
}
