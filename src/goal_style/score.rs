//! The scoring engine: finds the main clause, looks for cues, adds up their weights.
//!
//! Positive weights point to a milestone, negative ones to an outcome. The decision
//! threshold sits slightly on the milestone side so that unclear sentences stay outcomes.

use super::cues::{CueBuf, CueKind};
use super::lexicon::*;
use super::named::{W, WordSet, bit, set};
use super::roles::*;
use super::scan::{Tok, TokKind, with_tokens};

mod lists;
mod phrases;

use lists::*;
use phrases::*;

/// Score above which a text counts as a milestone.
pub(crate) const THRESHOLD: f32 = 0.5;

/// Flags of the words that can start a pattern in the pattern scan of [`segment`]; every
/// pattern there is guarded by one of these or by an arrow, comparator or plus sign.
const PATTERN_STARTS: u64 = FROM | BY | IN | ON | BEFORE | WITHIN | CMPW | AT | MET | TO | CR;

/// Flags of the words that can open a purpose, means or side clause.
const CLAUSE_STARTS: u64 = TO | IN | PURP | MEANS | BY | WITH | WHILE;

/// Segment-level facts used by the equal-parts rule.
#[derive(Default)]
struct SegOut {
    score: f32,
    measured_change: bool,
}

struct Ctx<'a> {
    t: &'a [Tok],
    text: &'a str,
    cues: &'a mut CueBuf,
}

impl Ctx<'_> {
    fn f(&self, i: usize) -> u64 {
        self.t.get(i).map_or(0, |k| k.flags)
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.t.get(i).map(|k| k.kind)
    }
    /// The text of token `i`, as written.
    fn token_text(&self, i: usize) -> Option<&str> {
        let k = self.t.get(i)?;
        self.text.get(k.start as usize..k.end as usize)
    }
    fn is_num(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|k| k.kind == TokKind::Num || k.has(NUMW) && !k.has(YEAR))
    }
    fn word_is(&self, i: usize, w: W) -> bool {
        self.t
            .get(i)
            .is_some_and(|k| k.kind == TokKind::Word && k.id == w)
    }
    /// Like [`Self::word_is`] for any of `words`.
    fn word_in(&self, i: usize, words: WordSet) -> bool {
        self.t
            .get(i)
            .is_some_and(|k| k.kind == TokKind::Word && bit(k.id) & words != 0)
    }
    /// Any token kind: numbers are named too (`100`).
    fn text_is(&self, i: usize, w: W) -> bool {
        self.t.get(i).is_some_and(|k| k.id == w)
    }
    /// Whether token `i` is a word ending in `-ly` (an adverb: "launched
    /// successfully").
    fn ends_ly(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| {
            k.kind == TokKind::Word
                && self.token_text(i).is_some_and(|s| {
                    s.len() > 3
                        && s.as_bytes()
                            .get(s.len() - 2..)
                            .is_some_and(|end| end.eq_ignore_ascii_case(b"ly"))
                })
        })
    }
    fn ends_ing(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| {
            k.kind == TokKind::Word
                && k.end - k.start > 4
                && self.token_text(i).is_some_and(|s| s.ends_with("ing"))
        })
    }
    /// Whether token `i` is a word equal (ignoring ASCII case) to one of `words`.
    fn lower_in(&self, i: usize, words: &[&str]) -> bool {
        let Some(k) = self.t.get(i) else {
            return false;
        };
        if k.kind != TokKind::Word {
            return false;
        }
        // most words of most lists differ in length: find out before slicing the text
        let len = (k.end - k.start) as usize;
        if !words.iter().any(|w| w.len() == len) {
            return false;
        }
        let Some(s) = self.token_text(i) else {
            return false;
        };
        // length and first letter first: most words of a list fail there
        let first = s.as_bytes().first().map(u8::to_ascii_lowercase);
        words.iter().any(|w| {
            w.len() == s.len()
                && w.as_bytes().first().copied() == first
                && s.eq_ignore_ascii_case(w)
        })
    }
    /// A currency written as its ISO code: `EUR 2.4M`, `USD 300k`.
    fn is_currency_code(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| {
            k.kind == TokKind::Word
                && k.end - k.start == 3
                && self
                    .token_text(i)
                    .is_some_and(super::lexicon::is_currency_code)
        })
    }
    fn ends_ed(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|k| {
            k.end - k.start > 4 && self.token_text(i).is_some_and(|s| s.ends_with("ed"))
        })
    }
    fn cue(&mut self, kind: CueKind, a: usize, b: usize, meaning: &'static str, w: f32) -> f32 {
        let (Some(s), Some(e)) = (self.t.get(a), self.t.get(b.saturating_sub(1).max(a))) else {
            return 0.0;
        };
        self.cues.push(kind, s.start, e.end, meaning, w)
    }
    /// A number-ish value starting at `i`: number, currency+number, number word. Returns end.
    fn value_at(&self, i: usize) -> Option<usize> {
        let mut j = i;
        // "$10k", "+5", "CHF 10k", "EUR 2.4M"
        if matches!(self.kind(j), Some(TokKind::Other | TokKind::Plus))
            || self.is_currency_code(j) && self.is_num(j + 1)
        {
            j += 1;
        }
        if self.f(j) & DET != 0 && self.f(j + 1) & NUMW != 0 {
            j += 1; // "a third"
        }
        if !self.is_num(j) {
            return None;
        }
        j += 1;
        while self.is_num(j) && self.f(j) & NUMW != 0 {
            j += 1; // "two thirds", "15 points"
        }
        if matches!(self.kind(j), Some(TokKind::Percent)) || self.f(j) & TU != 0 {
            j += 1;
        }
        Some(j)
    }
}

/// Whether the colon at `i` sits between two numbers with no space (`1:1`, `10:30`): a
/// ratio or a time, not a label.
fn ratio_colon(t: &[Tok], i: usize) -> bool {
    let (Some(p), Some(c), Some(n)) = (
        i.checked_sub(1).and_then(|p| t.get(p)),
        t.get(i),
        t.get(i + 1),
    ) else {
        return false;
    };
    p.kind == TokKind::Num && n.kind == TokKind::Num && p.end == c.start && c.end == n.start
}

/// Whether token `i` is a one-character separator written between two
/// numbers with no space (`-` and `/` in `2026-06-30`, `06/30/2026`).
fn joins_numbers(t: &[Tok], i: usize) -> bool {
    let (Some(before), Some(sep), Some(after)) = (
        i.checked_sub(1).and_then(|p| t.get(p)),
        t.get(i),
        t.get(i + 1),
    ) else {
        return false;
    };
    matches!(sep.kind, TokKind::Punct | TokKind::Other)
        && sep.end == sep.start + 1
        && before.kind == TokKind::Num
        && after.kind == TokKind::Num
        && before.end == sep.start
        && sep.end == after.start
}

/// Analyses `text`, recording cues into `cues`; returns the score (positive: milestone).
pub(crate) fn analyze(text: &str, cues: &mut CueBuf) -> f32 {
    with_tokens(text, |t| analyze_tokens(text, t, cues))
}

pub(crate) fn analyze_tokens(text: &str, t: &[Tok], cues: &mut CueBuf) -> f32 {
    let mut cx = Ctx { t, text, cues };
    let n = t.len();
    if n == 0 {
        return 0.0;
    }
    let mut score = 0.0f32;
    let mut s = 0usize;
    let mut e = n;

    // "By the end of the year, ..." prefix
    let by_prefix = if t[0].has(BY) {
        (1..n.min(9))
            .find(|&i| matches!(t[i].kind, TokKind::Punct | TokKind::Colon))
            .filter(|&c| {
                t[c].kind == TokKind::Punct && (1..c).any(|i| t[i].has(CAL | END | YEAR | TU))
            })
    } else {
        None
    };
    if let Some(mut c) = by_prefix {
        // "By September 30, 2026, complete …": the year belongs to the date
        if t.get(c + 1).is_some_and(|k| k.has(YEAR))
            && t.get(c + 2).is_some_and(|k| k.kind == TokKind::Punct)
            && c + 3 < n
        {
            c += 2;
        }
        score += cx.cue(CueKind::Deadline, 0, c, "is a deadline", 0.5);
        s = c + 1;
    }
    // "Complete the quarter with warranty returns under 1.2%": the period only says
    // when; what it ends with decides
    if cx.lower_in(s, &["complete", "finish", "end", "close"])
        && t.get(s + 1).is_some_and(|k| k.has(DET))
        && cx.lower_in(
            s + 2,
            &["quarter", "year", "month", "half", "season", "fy", "sprint"],
        )
        && t.get(s + 3).is_some_and(|k| k.has(WITH))
        && s + 4 < n
    {
        cx.cue(
            CueKind::MeansClause,
            s,
            s + 4,
            "names the period; what it ends with decides",
            0.0,
        );
        s += 4;
    }
    // "Kindly ensure the completion of the audit": politeness says nothing
    if cx.lower_in(s, &["kindly", "please", "pls"]) && s + 1 < n {
        s += 1;
    }
    // "We get structured feedback from 5 customers", "We will ship the new
    // checkout": the team naming itself says nothing; its verb leads
    if let Some(v) = verb_after_we(&cx, s) {
        s = v;
    }
    // "Continue to reduce the time of deployment", "We will continue to
    // migrate …": going on with the work is the work; the verb after decides
    if cx.lower_in(s, &["continue"])
        && t.get(s + 1).is_some_and(|k| k.has(TO))
        && t.get(s + 2).is_some_and(|k| k.flags & (DV | CV | WV) != 0)
        // ("Continue to improve Career Development and Feedback" keeps a
        // programme going)
        && !cx.lower_in(s + 2, &["improve", "enhance", "evolve", "develop"])
        && s + 3 < n
    {
        s += 2;
    }
    // "Based on feedback, evolve one programme component": what the work draws
    // on comes first; the main clause after the comma decides
    if let Some(c) = drawn_on_prefix(&cx, s) {
        let meaning = if condition_first(&cx, s) {
            "says when or on what condition; the main clause decides"
        } else {
            "says what the work draws on; the main clause decides"
        };
        cx.cue(CueKind::MeansClause, s, c, meaning, 0.0);
        s = c + 1;
    }

    // A level the delivery must reach, after a colon.
    let mut reach: Option<(usize, usize)> = None;
    // colon forms: "Metric: value", "Label: text", "Q3: text"
    // ("Number of programs held (target: 60)": a colon in brackets labels an aside)
    let colon = (s..n)
        .find(|&i| t[i].kind == TokKind::Colon && !ratio_colon(t, i))
        .filter(|&c| c > s && c + 1 < n && !(s..c).any(|i| punct_is(&cx, i, b'(')));
    if let Some(c) = colon {
        let before_is_date = (s..c)
            .all(|i| t[i].has(CAL | BY | YEAR | DET | END | OF | TU) || t[i].kind == TokKind::Num)
            && (s..c).any(|i| t[i].has(CAL | YEAR | END | BY));
        let a = c + 1;
        let value_first = cx.value_at(a).is_some()
            // ("Kill the legacy Jenkins: no service still deploys from it": a
            // finished migration)
            || t[a].has(NEG) && !(a..n).any(|j| t[j].has(STILL))
            || matches!(t[a].kind, TokKind::Cmp | TokKind::Plus)
            || t[a].has(CMPW) && cx.is_num(a + 1);
        if before_is_date {
            score += cx.cue(CueKind::Deadline, s, c, "is a deadline", 1.0);
            s = a;
        } else if value_first && !t[s].has(DV | CV) && counted_output(&cx, s, c, n) {
            score += cx.cue(
                CueKind::Deliverable,
                s,
                c,
                "names what the team makes or rolls out; the value after it only counts it",
                3.0,
            );
            e = c;
        } else if value_first && !t[s].has(DV | CV) && !output_after_colon(&cx, s, c, n) {
            let mut end = a + 1;
            while end < n && t[end].kind != TokKind::Punct && end < a + 4 {
                end += 1;
            }
            score += cx.cue(
                CueKind::Threshold,
                a,
                end,
                "states a level for the measure before the colon",
                -3.0,
            );
            e = c;
        } else if (value_first || measured_after(&cx, a, n))
            && t[s].has(DV)
            && (a..n).any(|j| {
                t[j].has(MET | ACT)
                    && !t[j].has(DEL | EVT | OUTPUT_METRIC)
                    && !cx.lower_in(j, &["average", "mean", "median", "total"])
                    // "Complete the audit: zero critical findings" qualifies it (rule 4)
                    && !cx.lower_in(j, AFTER_COLON_OUTPUT)
            })
            // "… : > 10 MRs merged per week" counts the team's own work
            && !(a..n).any(|j| t[j].has(DP | EVT))
        {
            // "Finish & share the video: >50 RT & 25k views": the delivery and the
            // response it must get are equal parts (rule 3)
            reach = Some((a, n));
            e = c;
        } else if c - s <= 3 && !(t[s].has(DV) && c > s + 1) {
            // "Hiring: 1 intern + 1 senior": the label says what is done (rule 9)
            // ("Recruitment fair attendance: 300+ candidates" counts a response)
            if (s..c).any(|j| cx.lower_in(j, HIRING_LABELS))
                && !(s..c).any(|j| cx.lower_in(j, &["attendance", "turnout", "applications"]))
            {
                score += cx.cue(
                    CueKind::Headcount,
                    s,
                    c,
                    "names hiring, which counts as output",
                    3.0,
                );
            }
            s = a;
        }
    }

    // "Run 2 satisfaction surveys to get feedback, >80% satisfaction": the level
    // the delivery's response must reach, after its last comma, is an equal part
    // as after a colon (rule 3)
    if reach.is_none()
        && let Some(c) = comma_level(&cx, s, n)
    {
        reach = Some((c + 1, n));
        e = e.min(c);
    }

    // "Continue to triage all bugs within one week": the verb after `to` leads when
    // there is a level to keep; "Continue to improve career development" carries on
    // an activity.
    if s + 2 < e
        && cx.lower_in(s, &["continue", "continuing"])
        && t[s + 1].has(TO)
        && cx.f(s + 2) & (DV | CV | WV) != 0
        && (s + 3..e)
            .any(|j| cx.is_num(j) || t[j].kind == TokKind::Percent || cx.lower_in(j, &["within"]))
    {
        s += 2;
    }

    // "Enable the finance team to keep cash reserves above EUR 2M": what the people
    // enabled must reach is what has to be true (but "Enable partners to sell the
    // new bundles" names a capability)
    let enabler = cx.lower_in(s, &["enable", "empower", "help", "allow"])
        // "Work with the Department of Revenue to increase the number of counties
        // sharing data from 24 to 31": working with others is the means
        || cx.lower_in(s, &["work", "partner", "collaborate"]) && t.get(s + 1).is_some_and(|k| k.has(WITH));
    if enabler
        && let Some(to) = (s + 2..e.min(s + 10)).find(|&j| t[j].has(TO))
        && cx.f(to + 1) & (DV | CV | WV) != 0
        && (to + 2..e).any(|j| {
            t[j].kind == TokKind::Percent
                || t[j].has(CMPW) && cx.value_at(j + 1).is_some()
                || t[j].has(MET) && !t[j].has(DEL) && cx.value_at(j + 1).is_some()
                || t[j].has(FROM) && cx.value_at(j + 1).is_some_and(|z| cx.f(z) & TO != 0)
        })
    {
        cx.cue(
            CueKind::MeansClause,
            s,
            to + 1,
            "names who is enabled or worked with; what must be reached decides",
            0.0,
        );
        s = to + 1;
    }

    // "... as measured by the share of releases delayed": the key result names the
    // measure it is judged by, so it is met only if that measure moves.
    if let Some(m) = (s + 1..e.saturating_sub(3)).find(|&i| {
        cx.lower_in(i, &["as"])
            && cx.lower_in(i + 1, &["measured", "evidenced", "indicated", "shown"])
            && t[i + 2].has(BY)
    }) && (m + 3..e)
        .any(|j| t[j].has(MET) && !t[j].has(DEL) || cx.is_num(j) || t[j].kind == TokKind::Percent)
        // "as measured by 95% of dashboards running on Snowflake": coverage (rule 6)
        && !((m + 3..e).any(|j| t[j].kind == TokKind::Percent)
            && (m + 3..e).any(|j| cx.ends_ing(j) || t[j].has(DP))
            && !(m + 3..e).any(|j| t[j].has(ACT | OUTSIDERS)))
    {
        score += cx.cue(
            CueKind::MetricChange,
            m,
            m + 3,
            "names the measure the key result is judged by",
            -3.0,
        );
        e = m;
    }

    // main clause end: purpose / means / qualifier / side clause
    let mut i = s + 1;
    // How deep in parentheses token `i` is: an aside ("(with known fixes)")
    // opens no clause of the sentence's own.
    let mut depth = usize::from(punct_is(&cx, s, b'('));
    while i < e {
        let k = t[i];
        if punct_is(&cx, i, b'(') {
            depth += 1;
        } else if punct_is(&cx, i, b')') {
            depth = depth.saturating_sub(1);
        }
        // "…; this should reduce false declines", "… by Q2. We expect hold time to
        // fall": what the delivery should lead to (rule 3)
        if k.kind == TokKind::Punct && depth == 0 && i > s + 2 && expectation_after(&cx, i) {
            cx.cue(
                CueKind::PurposeClause,
                i,
                (i + 3).min(e),
                "says what the delivery should lead to, which does not change what has to be done",
                0.0,
            );
            e = i;
            break;
        }
        // "Create distinct pages for course listings, enabling improved SEO": what
        // the delivery lets happen, after a comma, is a result clause (rule 3)
        if punct_is(&cx, i, b',')
            && depth == 0
            && i > s + 1
            && i + 2 < e
            && cx.lower_in(i + 1, RESULT_PARTICIPLES)
        {
            cx.cue(
                CueKind::PurposeClause,
                i + 1,
                i + 2,
                "opens a result clause, which does not change what has to be done",
                0.0,
            );
            e = i;
            break;
        }
        if k.flags & CLAUSE_STARTS == 0 || depth > 0 {
            i += 1;
            continue;
        }
        let next = cx.f(i + 1);
        let purpose_to = k.has(TO)
            && next & (DV | CV | WV) != 0
            && !cx.is_num(i + 1)
            && t[i - 1].flags & (MET | TU) == 0
            // ("… need to have less than 2 critical bugs": a must, not a purpose)
            && !cx.lower_in(i - 1, &["need", "needs", "has", "have", "ought"])
            && !(s..i).rev().take(5).any(|j| t[j].has(FROM))
            && !(next & DEL != 0 && next & (CV | WV) == 0 && cx.f(i + 2) & (DET | NUMW) == 0)
            // "Eighty per cent of students to be present": after a subject that opens
            // the sentence, the infinitive is what has to be true, not a purpose
            && !(t[s].flags & (DV | CV | WV | HIRE | ACQ) == 0
                && (cx.lower_in(i + 1, &["be"])
                    || cx.is_num(s)
                    || t[s].has(NUMW)
                    // "Light rail patronage to grow 6% YoY": people or a measure
                    // first, no verb of their own ("New onboarding flow to reduce
                    // drop-off" names a deliverable and its purpose)
                    || (s + 1..i).all(|j| cx.f(j) & (DP | DV | CV | WV) == 0 && !cx.ends_ed(j))
                        && (s..i).all(|j| cx.f(j) & DEL == 0 || cx.f(j) & MET != 0)));
        let in_order_to = k.has(IN) && cx.word_is(i + 1, W::Order) && cx.f(i + 2) & TO != 0;
        let boundary = if purpose_to || in_order_to {
            Some((
                CueKind::PurposeClause,
                "opens a purpose clause, which does not change what has to be done",
            ))
        } else if k.has(PURP) && !k.has(DET) {
            Some((
                CueKind::PurposeClause,
                "opens a purpose or result clause, which does not change what has to be done",
            ))
        } else if k.has(DET) && k.has(PURP) && t[i - 1].has(PURP) {
            None
        } else if k.has(MEANS)
            && !cx.lower_in(i - 1, BE_FORMS)
            // "Multiple organizations using PostHog Cloud": people using it, not a means
            && !(cx.lower_in(i, &["using"]) && t[i - 1].has(ACT))
            // ("by working day 5" is a date in the month)
            || (k.has(BY) && cx.ends_ing(i + 1) && !cx.lower_in(i + 2, &["day", "days"]))
        {
            Some((
                CueKind::MeansClause,
                "opens a means clause; the main clause decides",
            ))
        } else if k.has(WITH)
            && next & NEG == 0
            && i > s + 1
            // "Replace Elasticsearch with Typesense and halve search infra spend":
            // the partner of a swap, then an equal part of the sentence's own
            && !(i + 2..e).any(|j| {
                t[j].has(AND) && cx.f(j + 1) & CV != 0 && cx.f(j + 1) & DEL == 0
            })
        {
            Some((
                CueKind::MeansClause,
                "adds a qualifier or means; the main clause decides",
            ))
        } else if k.has(WHILE) {
            Some((
                CueKind::MeansClause,
                "opens a side clause; the main clause decides",
            ))
        } else {
            None
        };
        if let Some((kind, meaning)) = boundary {
            let span_end = if cx.word_is(i, W::So) && cx.word_is(i + 1, W::That) {
                i + 2
            } else if k.has(IN) {
                i + 3
            } else {
                i + 1
            };
            cx.cue(kind, i, span_end, meaning, 0.0);
            e = i;
            break;
        }
        i += 1;
    }

    // split the main clause into equal parts at "and <verb>"
    let mut segs = [(0usize, 0usize); 4];
    let mut nseg = 0;
    let mut a = s;
    let mut j = s + 1;
    while j < e {
        // "… and people are happy with the replacement": a clause of its own
        let people_clause = cx.f(j + 1) & ACT != 0
            && cx.f(j + 1) & MET == 0
            && (cx.lower_in(j + 2, BE_FORMS) || cx.lower_in(j + 2, SATISFIED));
        // ("Ship onboarding v2 + lift activation from 30% to 40%": `+` for "and")
        let verb_next = cx.f(j + 1) & (DV | CV | WV) != 0 && cx.f(j + 1) & DEL == 0;
        // ("ship dark mode + DAU 1.2M→1.4M": a measure and its change after it)
        let measure_next = cx.f(j + 1) & MET != 0
            && cx.f(j + 1) & DEL == 0
            && (j + 2..e).any(|x| t[x].kind == TokKind::Arrow || t[x].has(FROM));
        let plus_and = t[j].kind == TokKind::Plus
            && cx.kind(j - 1) == Some(TokKind::Word)
            && cx.kind(j + 1) == Some(TokKind::Word)
            && (verb_next || measure_next);
        // ("Identify potential members and invite them, get 20 to join": a
        // comma for "and" between clauses, but not in "Design, build and ship X")
        let comma_clause = punct_is(&cx, j, b',') && verb_next && j >= a + 3;
        if (t[j].has(AND) && (verb_next || people_clause) || plus_and || comma_clause)
            && j + 2 < e
            && nseg < 3
        {
            segs[nseg] = (a, j);
            nseg += 1;
            a = j + 1;
        }
        j += 1;
    }
    if a < e {
        segs[nseg] = (a, e);
        nseg += 1;
    }
    // The last part with a measured change, when there are several parts.
    let mut changed: Option<(usize, usize)> = None;
    for (idx, &(a, b)) in segs[..nseg].iter().enumerate() {
        let out = segment(&mut cx, a, b, idx == 0);
        score += out.score;
        // Rule 3 holds in either order: "Grow sign-ups from 2k to 3k and
        // launch the referral programme" is met only if sign-ups move.
        // ("Raise test coverage from 61% to 85% and add fuzzing": coverage is
        // output, rule 6)
        // ("… and halve search infra spend": the verb says by how much)
        let factor = cx.lower_in(a, &["halve", "double", "triple", "quadruple"])
            && (a + 1..b).any(|j| cx.f(j) & MET != 0);
        if nseg > 1 && (out.measured_change || factor) && test_coverage(&cx, a, b).is_none() {
            changed = Some((a, b));
        }
    }
    // "Mandatory conduct training completion 98%": staff trained (rule 6)
    if let Some(c) = training_completion(&cx, s, e) {
        score += cx.cue(
            CueKind::RolloutCoverage,
            c - 1,
            c + 1,
            "is completion of the organisation's own training, which is rollout",
            3.0 + (-score).max(0.0),
        );
    }
    // "Lift checkout completion from 71% to 75%": the share of people who finish
    // a step of a customer journey, a conversion (but not a level of it that
    // nothing asks to change or reach: "Checkout completion page")
    if let Some(c) = journey_completion(&cx, s, e)
        && (s..e).any(|j| cx.is_num(j) || t[j].kind == TokKind::Percent)
    {
        score += cx.cue(
            CueKind::BehaviourChange,
            c - 1,
            c + 1,
            "is the share of people who finish a step of their journey, a conversion",
            -3.0 - score.max(0.0),
        );
    }
    // "Unit test coverage above 80%": test coverage is output (rule 6)
    if let Some(c) = test_coverage(&cx, s, e) {
        score += cx.cue(
            CueKind::RolloutCoverage,
            c - 1,
            c + 1,
            "is test coverage, which counts as output",
            4.0 + (-score).max(0.0),
        );
    }
    if let Some((a, b)) = reach {
        score += cx.cue(
            CueKind::MetricChange,
            a,
            b,
            "is the response the delivery must get, an equal part: it has to be reached",
            -2.0 - score.max(0.0),
        );
    }
    if let Some((a, b)) = changed
        && score > -2.0
    {
        score += cx.cue(
            CueKind::MetricChange,
            a,
            b,
            "is a measured change joined to the delivery, so the result must move",
            -2.0 - score.max(0.0),
        );
    }
    score
}

/// What a segment contains, so that scans for flags or words it lacks can be skipped.
struct Contents {
    /// Union of the tokens' flags.
    flags: u64,
    /// The named words among the tokens.
    words: WordSet,
    /// Whether a `%` token is among them.
    percent: bool,
}

impl Contents {
    fn of(t: &[Tok]) -> Self {
        let mut c = Self {
            flags: 0,
            words: 0,
            percent: false,
        };
        for k in t {
            c.flags |= k.flags;
            c.words |= bit(k.id);
            c.percent |= k.kind == TokKind::Percent;
        }
        c
    }
}

/// How the object of a leading verb reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Obj {
    /// A plan, target, goal, forecast or quota to attain.
    Target,
    Metric,
    Output,
    Coverage,
    Customers,
    Headcount,
    Unknown,
}

/// Finds the head of the noun phrase after a leading verb at `v`, within `..b`.
fn object(cx: &Ctx<'_>, v: usize, b: usize) -> (Obj, usize) {
    let t = cx.t;
    let mut i = v + 1;
    // particles: roll out, set up, stand up, go live
    if i < b && (cx.word_is(i, W::Out) || cx.word_is(i, W::Up) || cx.word_is(i, W::Over)) {
        i += 1;
    }
    let mut saw_all = false;
    let first = i;
    while i < b
        && (t[i].has(DET | NUMW | OF | CMPW | ALL | TO)
            || matches!(
                t[i].kind,
                TokKind::Num | TokKind::Percent | TokKind::Other | TokKind::Plus
            ))
        && !t[i].has(MET | DEL)
    {
        if t[i].has(ALL) || cx.text_is(i, W::N100) {
            saw_all = true;
        }
        i += 1;
    }
    let start = i;
    // "40% of the fleet": a share, like "all"
    let share = (first..start).any(|j| t[j].kind == TokKind::Percent);
    let mut head = None;
    let mut counted = false;
    // "Have 10 members adding utility": a number before the noun counts it too
    let numbered = (first..start).any(|j| cx.is_num(j));
    while i < b {
        let k = t[i];
        if k.has(NUMBER)
            || cx.word_is(i, W::Number)
            || cx.word_is(i, W::Count)
            || cx.lower_in(i, &["amount", "pieces"])
        {
            counted = true;
        }
        // "the number of active users of the mobile app": the people are what is
        // counted; the rest says which
        if k.has(OF) && counted && head.is_some_and(|h: usize| t[h].has(ACT | OUTSIDERS)) {
            break;
        }
        if k.has(OF) && counted {
            // "the number of times employees fix a problem in one visit": how often, a rate
            // (but "the number of times we run DR drills" counts the team's own work)
            if cx.word_is(i + 1, W::Times)
                && !(i + 2..b.min(i + 5)).any(|j| cx.lower_in(j, &["we", "our", "us"]))
            {
                return (Obj::Metric, i + 1);
            }
            i += 1;
            continue;
        }
        // "Build 25 miles of protected bike lanes": a length of what is built
        if k.has(OF)
            && numbered
            && t[v].has(DV)
            && cx.lower_in(
                i - 1,
                &[
                    "miles",
                    "km",
                    "kilometres",
                    "kilometers",
                    "metres",
                    "meters",
                    "feet",
                ],
            )
        {
            head = None;
            i += 1;
            continue;
        }
        if k.has(OF)
            && (t[i - 1].has(MET) && !t[i - 1].has(DEL)
                || head.is_some() && cx.lower_in(i - 1, USAGE_AND_PACE))
        {
            break;
        }
        // "emails/twitter/slack followers": alternatives share the last head
        if head.is_some()
            && k.kind == TokKind::Other
            && cx.token_text(i) == Some("/")
            && cx.kind(i + 1) == Some(TokKind::Word)
        {
            i += 1;
            continue;
        }
        if k.has(PREP | CMPW)
            || k.kind != TokKind::Word && k.kind != TokKind::Num
            || cx.lower_in(i, &["as", "than"])
        {
            break;
        }
        // A verb in `-ing` after the head opens a reduced relative clause
        // ("institutions adopting our books"): what is counted is the head.
        // ("partners actively using the beta": an adverb may come first)
        let ing = if cx
            .token_text(i)
            .is_some_and(|w| w.len() > 4 && w.ends_with("ly"))
        {
            i + 1
        } else {
            i
        };
        if head.is_some()
            && (counted || numbered)
            && cx.ends_ing(ing)
            && k.flags & (MET | DEL | ACT | EVT) == 0
            && cx.kind(i - 1) == Some(TokKind::Word)
            && cx
                .token_text(i - 1)
                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
            // people outside the team, or what people choose to do; "engineers holding
            // certifications" and "employees completing training" are rollouts (rule 6)
            && (cx.f(i - 1) & (OUTSIDERS | ACT) != 0 || cx.lower_in(ing, CHOOSING))
            && !(ing + 1..b.min(ing + 5)).any(|j| cx.lower_in(j, TRAINING))
        {
            break;
        }
        // An unknown `-ed` word after the head opens a reduced relative clause
        // ("shipments tracked via the API"): the head is already found.
        // ("Qualified Leads" is an adjective and its noun)
        if head.is_some()
            && k.kind == TokKind::Word
            && (k.flags & !ROLES == 0 || k.has(CR | DP) && !k.has(MET))
            && cx.ends_ed(i)
            && !t
                .get(i + 1)
                .is_some_and(|n| n.kind == TokKind::Word && n.flags & (PREP | DET | AND) == 0)
        {
            break;
        }
        // "tickets that need escalation": the relative clause says which tickets
        if head.is_some() && counted && cx.lower_in(i, &["that", "which", "who"]) {
            break;
        }
        // "a report characterizing layout performance": what follows says what
        // the deliverable is about
        if head.is_some_and(|h: usize| t[h].has(DEL) && !t[h].has(MET))
            && cx.lower_in(i, TOPIC_WORDS)
        {
            break;
        }
        // "Increase diversity and sense of belonging": the first conjunct is the object.
        if head.is_some() && k.has(AND) {
            break;
        }
        if k.kind == TokKind::Word && !k.has(DP | TU) {
            head = Some(i);
        }
        i += 1;
    }
    let Some(h) = head else {
        // "Generate $2M in new pipeline": look past the value for a measure
        if let Some(m) = (i..b).find(|&j| t[j].has(MET) && !t[j].has(DEL)) {
            return (Obj::Metric, m);
        }
        return (Obj::Unknown, start);
    };
    // "Reduce bug count by 25%", "Cut defect count from 40 to 10": the count of a
    // measure named before it is the measure counted, as in "the number of bugs"
    let (h, counted) = if h > start
        && (t[h].has(NUMBER) || cx.word_is(h, W::Count))
        && t[h - 1].has(MET)
        && !t[h - 1].has(DEL)
    {
        (h - 1, true)
    } else {
        (h, counted)
    };
    let hf = t[h].flags;
    if cx.f(h) & TARGET != 0 {
        return (Obj::Target, h);
    }
    // "Deliver 30% faster page loads": a weak verb with a better level is a result (rule 2)
    if cx.lower_in(v, &["deliver", "achieve", "provide", "offer"])
        && (v + 1..h).any(|j| {
            cx.lower_in(j, FASTER)
                || cx.lower_in(j, &["lower", "higher", "better", "shorter", "sub-second"])
        })
    {
        return (Obj::Metric, h);
    }
    // "Deliver actionable conversion funnel metrics", "Define success metrics
    // for onboarding": measures set up or reported are something delivered
    if cx.lower_in(v, METRICS_MADE_VERBS)
        && cx.lower_in(
            h,
            &[
                "metrics",
                "metric",
                "kpis",
                "kpi",
                "indicators",
                "indicator",
            ],
        )
    {
        return (Obj::Output, h);
    }
    // Coverage earned: "Earn coverage in 5 tier-1 publications" (rule 10)
    if cx.lower_in(v, &["earn", "secure", "get", "win", "gain"]) && cx.lower_in(h, &["coverage"]) {
        return (Obj::Metric, h);
    }
    // "Increase use of the self-service portal", "Improve the speed of the hiring
    // process": usage and pace are measures
    if cx.lower_in(h, USAGE_AND_PACE) {
        return (Obj::Metric, h);
    }
    // "Collect feedback from 2 vendors": what the team gathers is its own work
    if cx.lower_in(v, GATHER_VERBS)
        && cx.lower_in(h, GATHERED)
        // "Get positive feedback from 80% of attendees" is a level of it
        && !(v..b).any(|j| {
            t[j].kind == TokKind::Percent
                || t[j].has(COMPAR)
                || cx.lower_in(j, &["positive", "negative", "favourable", "favorable", "good"])
        })
    {
        return (Obj::Output, h);
    }
    // "Grow our media presence", "Scale up the community": an audience
    if cx.lower_in(v, &["grow", "scale", "expand", "broaden", "widen"]) && cx.lower_in(h, AUDIENCES)
    {
        // "Grow the knowledge base to 300 articles" grows a deliverable
        if h > 0 && cx.lower_in(h - 1, &["knowledge", "code", "data", "content", "test"]) {
            return (Obj::Output, h);
        }
        return (Obj::Customers, h);
    }
    let internal = cx.word_in(
        h,
        set(&[
            W::Vendors,
            W::Suppliers,
            W::Contractors,
            W::Agencies,
            W::Licences,
            W::Licenses,
        ]),
    );
    // Counted service events ("the number of shipments tracked via the API") are what
    // customers do; counted things the team makes are output.
    if counted && (hf & (MET | ACT | EVT) == 0 || internal) {
        return (Obj::Output, h);
    }
    // "Grow the sales team to 40 reps", "Double the size of the data team": headcount
    // ("Improve utilization of the delivery team": a measure of the team)
    let mut k = h;
    if hf & MET != 0 && cx.f(h + 1) & OF != 0 && cx.lower_in(h, &["size"]) {
        k = h + 2;
        while k < b && t[k].kind == TokKind::Word && !t[k].has(PREP) && k < h + 6 {
            k += 1;
        }
        k -= 1;
    }
    if cx.word_in(
        k,
        set(&[W::Team, W::Headcount, W::Workforce, W::Department]),
    ) || cx.lower_in(h, &["candidates", "candidate", "applicants", "hires"])
        // "Have 4 core team members", "10 members of the team": the team's own people
        || cx.lower_in(h, &["members"])
            && (h > 0 && cx.lower_in(h - 1, OWN_GROUPS)
                || cx.f(h + 1) & OF != 0
                    && (h + 2..b.min(h + 4)).any(|x| cx.lower_in(x, OWN_GROUPS)))
    {
        return (Obj::Headcount, k);
    }
    // "Hold 8 onboarding sessions": sessions held, not visits
    if event_sessions(cx, h) {
        return (Obj::Output, h);
    }
    // any metric word in the phrase counts, but the head decides between output and metric
    let mut phrase = 0u64;
    for k in &t[start..=h] {
        phrase |= k.flags;
    }
    let committed = (start..=h).any(|j| cx.lower_in(j, &["committed", "planned", "scheduled"]));
    let obj = if committed {
        Obj::Output
    } else if hf & ACT != 0
        && (saw_all || share)
        && cx.lower_in(v, REACH_PEOPLE)
        && !(first..start).any(|j| cx.lower_in(j, &["more", "fewer", "less"]))
    {
        // "Train 100% of registered nurses", "Offer a health check to 100% of
        // eligible residents": the team's own work reaching people (rule 6)
        Obj::Coverage
    } else if hf & ACT != 0 && t[v].has(ACQ) {
        Obj::Customers
    } else if hf & OUTPUT_METRIC != 0 || hf & DEL != 0 && hf & MET == 0 || hf & CERT != 0 {
        Obj::Output
    } else if (hf & ROLL != 0 || cx.lower_in(h, &["fleet", "estate"]))
        && (saw_all || share && hf & ACT == 0)
    {
        Obj::Coverage
    } else if hf & (MET | EVT) != 0 {
        Obj::Metric
    } else if hf & ACT != 0 {
        Obj::Customers
    } else if phrase & MET != 0 && phrase & DEL == 0 && hf == 0 && t[h - 1].has(MET) {
        Obj::Metric
    } else if phrase & DEL != 0 {
        Obj::Output
    } else {
        Obj::Unknown
    };
    (obj, h)
}

#[allow(clippy::too_many_lines)]
fn segment(cx: &mut Ctx<'_>, a: usize, b: usize, first: bool) -> SegOut {
    let t = cx.t;
    let mut out = SegOut::default();
    if a >= b {
        return out;
    }
    let mut sc = 0.0f32;
    let mut lead = t[a];
    // "Research grant and contract income reaches £95m": a word that can be a verb
    // opens a noun phrase, the subject of a result verb further on
    if lead.has(DV)
        && !lead.has(CV | CR)
        && let Some(v) = (a + 1..b.min(a + 7)).find(|&j| cx.f(j) & CR != 0)
        && v > a + 1
        && cx
            .token_text(v)
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        && (a + 1..v).all(|j| {
            cx.kind(j) == Some(TokKind::Word)
                && (cx.f(j) & (DET | PREP | NUMW | ALL) == 0 || cx.f(j) & AND != 0)
        })
    {
        lead.flags &= !(DV | WV | CV | HIRE | ACQ);
    }
    // "Post 3 community AMAs per month", "Issue 24 press releases": the noun is a
    // verb before a count
    // ("Register 100 new users": the verb, not the register)
    if cx.lower_in(a, &["post", "issue", "register"]) && cx.is_num(a + 1) {
        lead.flags = (lead.flags | DV) & !(DEL | MET);
    }
    // "Use Caffeine to reduce drift": adopting a tool, whatever it is for (but
    // "Use of the portal" is a measure)
    if first
        && cx.lower_in(a, &["use", "leverage", "utilize", "utilise", "adopt"])
        && cx.f(a + 1) & (OF | PREP) == 0
        && (a + 2..b).any(|j| cx.f(j) & TO != 0 && cx.f(j + 1) & (CV | DV) != 0)
    {
        lead.flags = (lead.flags | DV) & !MET;
    }
    // "Mitigate and track H1 spend": tracking beside another verb only
    // follows what that verb does to the measure
    if !first && cx.lower_in(a, &["track"]) {
        lead.flags &= !DV;
    }
    let has = Contents::of(t.get(a..b).unwrap_or_default());
    // lead decided: Some(true) milestone, Some(false) outcome
    let mut decided: Option<bool> = None;
    let mut verb_lead = false;
    let mut behaviour = false;

    // ---- pattern scan first (changes, thresholds, timeliness, deadlines)
    let mut change = false;
    let mut threshold = false;
    let mut timely = false;
    let mut deadline = false;
    // "a ten percentage point increase in connectedness", "a 5 per cent rise in",
    // "20% increase in numbers of authors"
    if let Some(p) = (a + 1..b).find(|&j| {
        (cx.f(j) & NUMW != 0 && (cx.is_num(j - 1) || cx.f(j - 1) & NUMW != 0)
            || t[j].kind == TokKind::Percent)
            && cx.lower_in(
                j + 1 + usize::from(cx.lower_in(j + 1, &["point", "points"])),
                CHANGE_NOUNS,
            )
    }) {
        let end = p + 2 + usize::from(cx.lower_in(p + 1, &["point", "points"]));
        cx.cue(
            CueKind::MetricChange,
            p - 1,
            end.min(b),
            "is a measured change",
            0.0,
        );
        change = true;
    }
    // "power twice as many interactions as last year", "3 times as many
    // orders": a multiple of a level
    if has.words & set(&[W::Twice, W::Thrice, W::Times]) != 0
        && let Some(p) = (a..b).find(|&j| {
            (cx.word_in(j, set(&[W::Twice, W::Thrice]))
                || cx.word_is(j, W::Times) && j > a && cx.is_num(j - 1))
                && cx.lower_in(j + 1, &["as"])
                && cx.lower_in(j + 2, &["many", "much"])
        })
        // ("Publish 3 times as many articles": more of the team's own output)
        && (!t[a].has(DV) || t[a].has(CV))
        && !(p + 3..b.min(p + 6)).any(|j| cx.f(j) & (DEL | EVT | OUTPUT_METRIC) != 0)
    {
        cx.cue(
            CueKind::MetricChange,
            p,
            (p + 3).min(b),
            "is a measured change",
            0.0,
        );
        change = true;
    }
    let mut i = a;
    while i < b {
        let k = t[i];
        // most tokens can start none of the patterns below
        if k.flags & PATTERN_STARTS == 0
            && !matches!(k.kind, TokKind::Arrow | TokKind::Cmp | TokKind::Plus)
            && !cx.word_is(i, W::OnTime)
        {
            i += 1;
            continue;
        }
        // from X to Y
        let from_value = if k.has(FROM) {
            cx.value_at(i + 1).filter(|&x| cx.f(x) & TO != 0)
        } else {
            None
        };
        if let Some(x) = from_value {
            let y = if cx.f(x + 1) & CMPW != 0 {
                x + 2
            } else {
                x + 1
            };
            if let Some(z) = cx.value_at(y) {
                let z = if cx.f(z) & (TU | NUMW) != 0 { z + 1 } else { z };
                cx.cue(
                    CueKind::MetricChange,
                    i,
                    z.min(b),
                    "is a measured change",
                    0.0,
                );
                change = true;
                i = z;
                continue;
            }
        }
        // X → Y
        if k.kind == TokKind::Arrow && i > a && i + 1 < b {
            let from = if t[i - 1].kind == TokKind::Percent {
                i.saturating_sub(2)
            } else {
                i - 1
            };
            if cx.is_num(from) || cx.is_num(i - 1) {
                let z = cx.value_at(i + 1).unwrap_or(i + 1);
                cx.cue(
                    CueKind::MetricChange,
                    from,
                    z.min(b),
                    "is a measured change",
                    0.0,
                );
                change = true;
                i = z;
                continue;
            }
        }
        // "reduced by a quarter": a fraction, not the quarter it is due in
        if k.has(BY)
            && cx.lower_in(i + 1, &["a", "one"])
            && cx.lower_in(i + 2, &["quarter", "third", "fifth", "tenth"])
            && !cx.lower_in(i + 3, &["from", "later", "after", "of"])
        {
            cx.cue(CueKind::MetricChange, i, i + 3, "is a measured change", 0.0);
            change = true;
            i += 3;
            continue;
        }
        // by N% / by a third / by half
        if k.has(BY) {
            if let Some(z) = cx.value_at(i + 1) {
                if cx.f(z) & CAL == 0
                    && cx.f(z - 1) & CAL == 0
                    && cx.f(z - 1) & YEAR == 0
                    && !(cx.kind(z - 1) == Some(TokKind::Num) && cx.f(z) & CAL != 0)
                {
                    let pct = t[z - 1].kind == TokKind::Percent || t[z - 1].has(NUMW);
                    if pct || cx.word_is(i + 1, W::Half) {
                        cx.cue(CueKind::MetricChange, i, z, "is a measured change", 0.0);
                        change = true;
                        i = z;
                        continue;
                    }
                }
                // by 30 September
                if cx.f(z) & CAL != 0 || cx.f(i + 2) & CAL != 0 {
                    let end = if cx.f(z) & CAL != 0 { z + 1 } else { z };
                    sc += cx.cue(CueKind::Deadline, i, end.min(b), "is a deadline", 1.0);
                    deadline = true;
                    i = end;
                    continue;
                }
            }
            if cx.word_is(i + 1, W::Half) {
                cx.cue(CueKind::MetricChange, i, i + 2, "is a measured change", 0.0);
                change = true;
            }
            // by August, by Q3, by end of Q2, by year end, by the end of the quarter, by week 6
            let mut j = i + 1;
            if cx.f(j) & DET != 0 {
                j += 1;
            }
            let f = cx.f(j);
            if f & (CAL | END | YEAR) != 0
                || cx.kind(j) == Some(TokKind::Num) && cx.f(j + 1) & CAL != 0
                || f & TU != 0 && (cx.f(j + 1) & END != 0 || cx.is_num(j + 1))
            {
                let mut end = j + 1;
                while end < b
                    && (t[end].has(CAL | END | YEAR | OF | DET | TU)
                        || t[end].kind == TokKind::Num
                        // "2026-06-30", "06/30/2026": a date's separators
                        || joins_numbers(t, end))
                {
                    end += 1;
                }
                sc += cx.cue(CueKind::Deadline, i, end, "is a deadline", 1.0);
                deadline = true;
                i = end;
                continue;
            }
        }
        // "issued within their established timeframe", "filed by their deadlines",
        // "issued on-time": each item's own date, met again and again (rule 7)
        if let Some(end) = own_time_limit(cx, i, b) {
            cx.cue(
                CueKind::RecurringTimeliness,
                i,
                end,
                "is timeliness of a recurring service",
                0.0,
            );
            timely = true;
            i = end;
            continue;
        }
        // "paid before the due date", "renewed before their expiry": each item's own
        // date, met again and again, is timeliness of a recurring service (rule 7)
        // ("before the March deadline" names one date: a deadline)
        if k.has(BEFORE)
            && cx.f(i + 1) & DET != 0
            && (cx.lower_in(i + 2, &["due", "deadline", "expiry", "sla"])
                || cx.lower_in(i + 3, &["due", "deadline", "expiry"])
                    && cx.f(i + 2) & (CAL | YEAR) == 0)
        {
            let end = if cx.lower_in(i + 2, &["due"]) && cx.lower_in(i + 3, &["date", "dates"]) {
                i + 4
            } else {
                i + 3
            };
            cx.cue(
                CueKind::RecurringTimeliness,
                i,
                end.min(b),
                "is timeliness of a recurring service",
                0.0,
            );
            timely = true;
            i = end;
            continue;
        }
        // in Q3 / in March 2026 / on 1 July / before the summer season
        if k.has(IN | ON) && cx.f(i + 1) & (CAL | YEAR) != 0 && cx.f(i + 1) & TU == 0
            || k.has(ON) && cx.kind(i + 1) == Some(TokKind::Num) && cx.f(i + 2) & CAL != 0
            || k.has(BEFORE) && cx.f(i + 1) & (DET | CAL | YEAR) != 0 && cx.f(i + 2) & ACT == 0
        {
            let mut end = i + 2;
            while end < b && (t[end].has(CAL | YEAR) || t[end].kind == TokKind::Num) {
                end += 1;
            }
            sc += cx.cue(CueKind::Deadline, i, end.min(b), "is a deadline", 1.0);
            deadline = true;
            i = end;
            continue;
        }
        // within N days / in 5 business days
        if k.has(WITHIN | IN)
            || k.has(ON) && cx.word_in(i + 1, set(&[W::Time, W::Budget, W::Schedule, W::Target]))
        {
            if k.has(ON) {
                cx.cue(
                    CueKind::RecurringTimeliness,
                    i,
                    i + 2,
                    "is timeliness of a recurring service",
                    0.0,
                );
                timely = true;
                i += 2;
                continue;
            }
            let mut j = i + 1;
            if k.has(WITHIN)
                && (cx.word_in(i + 1, SERVICE_LEVELS)
                    || cx.f(i + 1) & DET != 0 && cx.word_in(i + 2, SERVICE_LEVELS))
            {
                let end = if cx.f(i + 1) & DET != 0 { i + 3 } else { i + 2 };
                cx.cue(
                    CueKind::RecurringTimeliness,
                    i,
                    end.min(b),
                    "is a service level to meet",
                    0.0,
                );
                timely = true;
                i = end;
                continue;
            }
            if cx.f(j) & CMPW != 0 && !cx.word_is(j, W::Or) {
                j += 1; // "in under 10 days"
                if cx.word_is(j, W::Than) {
                    j += 1;
                }
            }
            if cx.f(j) & DET != 0 || cx.word_is(j, W::One) || cx.word_is(j, W::A) {
                j += 1;
            }
            let before_value = j;
            while j < b && (cx.is_num(j) || cx.word_is(j, W::Few)) {
                j += 1;
            }
            // "in 5 business days" needs its number; "in the working group" has none
            let valued = j > before_value || k.has(WITHIN);
            while j < b && cx.f(j) & TU != 0 && cx.f(j + 1) & TU != 0 {
                j += 1;
            }
            // "Fix all P0 bugs within one release": a release cycle is a span of time
            // ("Migrate all services within 2 release cycles" is a one-off deadline)
            let cycle = k.has(WITHIN) && cx.lower_in(j, CYCLES) && !cx.lower_in(a, ONE_OFF);
            let once = k.has(WITHIN) && one_off_within(cx, a, i);
            // "within 72h", "in 200ms": the number carries its unit
            if valued && j == before_value + 1 && timed_number(cx, before_value) && !once {
                cx.cue(
                    CueKind::RecurringTimeliness,
                    i,
                    j,
                    "is timeliness of a recurring service",
                    0.0,
                );
                timely = true;
                i = j;
                continue;
            }
            // "within 5 days of the March outage", "within 60 days of fiscal year
            // end": counted from one dated event, a one-off deadline (rule 7)
            if valued
                && j > i + 1
                && j < b
                && cx.f(j) & TU != 0
                && (once
                    || cx.f(j + 1) & OF != 0
                        // ("within 3 business days of test end" counts from each test)
                        && (j + 2..b.min(j + 6)).any(|x| {
                            cx.f(x) & (CAL | YEAR) != 0
                                || cx.f(x) & END != 0 && cx.lower_in(x - 1, ONE_OFF_ENDS)
                        })
                        // ("within 30 days of each quarter end": again and again)
                        && !cx.lower_in(j + 2, &["each", "every"]))
            {
                sc += cx.cue(CueKind::Deadline, i, j + 1, "is a deadline", 1.0);
                deadline = true;
                i = j + 1;
                continue;
            }
            if valued && j > i + 1 && j < b && (cx.f(j) & TU != 0 || cycle) {
                cx.cue(
                    CueKind::RecurringTimeliness,
                    i,
                    j + 1,
                    "is timeliness of a recurring service",
                    0.0,
                );
                timely = true;
                i = j + 1;
                continue;
            }
        }
        // "potholes fixed <5d of report", "crit vulns patched ≤7d": each one on
        // time, a bound on a duration after the work done
        if k.kind == TokKind::Cmp
            && i > a
            && (t[i - 1].has(DP) || cx.ends_ed(i - 1))
            && timed_number(cx, i + 1)
        {
            cx.cue(
                CueKind::RecurringTimeliness,
                i,
                (i + 2).min(b),
                "is timeliness of a recurring service",
                0.0,
            );
            timely = true;
            i += 2;
            continue;
        }
        // thresholds
        if k.kind == TokKind::Cmp && cx.value_at(i + 1).is_some() {
            let z = cx.value_at(i + 1).unwrap_or(i + 1);
            cx.cue(CueKind::Threshold, i, z.min(b), "is a threshold", 0.0);
            threshold = true;
            i = z;
            continue;
        }
        // "Complete at least 2 cycles": the comparator counts the verb's output
        let counts_output = lead.has(DV)
            && !lead.has(CV | WV | ACQ | CR)
            && i > a
            && i <= a + 3
            // "at least 2 cycles", "5 or more customers"
            && (a + 1..i).all(|j| cx.lower_in(j, &["at", "or"]) || cx.is_num(j));
        if k.has(CMPW) && !(i > a && t[i - 1].has(DV)) && !counts_output {
            let nf = cx.f(i + 1);
            // ("under the Weatherization Assistance Program" names a scheme, not a
            // level: after a determiner, a level names one)
            let level_named = || {
                (i + 2..b.min(i + 6)).any(|j| {
                    cx.f(j) & (MET | TARGET | TU | NUMW) != 0
                        || cx.is_num(j)
                        || cx.lower_in(
                            j,
                            &[
                                "baseline",
                                "benchmark",
                                "limit",
                                "threshold",
                                "level",
                                "levels",
                                "cap",
                            ],
                        )
                })
            };
            let ok = cx.value_at(i + 1).is_some()
                || nf & (CMPW | RECUR | NUMW) != 0
                || nf & DET != 0 && level_named()
                || cx.kind(i + 1) == Some(TokKind::Other)
                || cx.word_is(i + 1, W::Last)
                || cx.word_is(i + 1, W::Than)
                || cx.word_is(i + 1, W::PrePandemic)
                || cx.word_is(i + 1, W::Target)
                || k.has(COMPAR) && i > a
                || cx.word_is(i, W::Steady)
                || cx.word_is(i, W::Flat);
            if ok && !cx.word_is(i, W::Or) || cx.word_is(i, W::Or) && nf & CMPW != 0 {
                let z = cx.value_at(i + 1).unwrap_or(i + 1);
                cx.cue(CueKind::Threshold, i, z.min(b), "is a threshold", 0.0);
                threshold = true;
                i = z;
                continue;
            }
        }
        // ("Presence at 3 industry conferences": a count of events, not a level)
        if k.has(AT)
            && i > a
            && let Some(z) = cx.value_at(i + 1)
            && !(cx.is_num(i + 1)
                && cx.kind(z - 1) != Some(TokKind::Percent)
                && counts_things(cx, z, b))
        {
            let z = cx.value_at(i + 1).unwrap_or(i + 1);
            cx.cue(CueKind::Threshold, i, z.min(b), "is a target level", 0.0);
            threshold = true;
            i = z;
            continue;
        }
        // metric word directly followed by a value: "NPS 55", "GMV $40M", "uptime 99.99%",
        // "Uptime SLA of N8"
        let level_at = if cx.lower_in(i + 1, &["sla", "slo"]) && cx.f(i + 2) & (OF | AT) != 0 {
            i + 3
        } else {
            i + 1
        };
        if k.has(MET)
            && !k.has(DEL)
            && cx.value_at(level_at).is_some()
            && !(i + 1 < b && t[i + 1].kind == TokKind::Num && cx.f(i + 2) & (DEL | ROLL) != 0)
        {
            let z = cx.value_at(level_at).unwrap_or(level_at);
            cx.cue(
                CueKind::Threshold,
                i + 1,
                z.min(b),
                "is a level for the measure",
                0.0,
            );
            threshold = true;
            i = z;
            continue;
        }
        // "… retention to 90%": a target for a measure named before
        if k.has(TO)
            && i > a
            && !cx.word_is(i + 1, W::One)
            && cx.value_at(i + 1).is_some()
            && (a..i).any(|j| t[j].has(MET) && !t[j].has(DEL))
            && !(a..i).any(|j| t[j].has(FROM))
            && !(lead.has(DV) && cx.value_at(i + 1).is_some_and(|z| cx.f(z) & OF != 0))
        {
            let z = cx.value_at(i + 1).unwrap_or(i + 1);
            cx.cue(CueKind::Threshold, i, z.min(b), "is a target level", 0.0);
            threshold = true;
            i = z;
            continue;
        }
        // +4% (but "12 livestreams + 4 workshops" lists what is made)
        if k.kind == TokKind::Plus
            && let Some(z) = cx.value_at(i + 1)
            && !(i > a
                && cx.kind(i - 1) == Some(TokKind::Word)
                && (z..b.min(z + 3))
                    .take_while(|&j| cx.kind(j) == Some(TokKind::Word) && cx.f(j) & MET == 0)
                    .any(|j| cx.f(j) & (DEL | EVT) != 0))
        {
            cx.cue(
                CueKind::MetricChange,
                i,
                z.min(b),
                "is a measured change",
                0.0,
            );
            change = true;
            i = z;
            continue;
        }
        // result verbs: falls, rises, doubles, up, down
        if k.has(CR)
            && !(i > a && t[i - 1].has(DV) && !t[i - 1].has(CR))
            && !(cx.lower_in(i, &["double", "doubles"]) && cx.lower_in(i + 1, &["down"]))
            // "keeps up with the spec" keeps pace
            && !(cx.lower_in(i, &["up"])
                && i > a
                && cx.lower_in(i - 1, &["keep", "keeps", "kept", "catch", "catches", "follow", "follows"]))
            // "go to market" is a phrase; "decline notices" a noun
            && !(cx.lower_in(i, &["go"]) && cx.lower_in(i + 2, &["market"]))
            && !(cx.lower_in(i, &["decline"])
                && t.get(i + 1).is_some_and(|n| n.kind == TokKind::Word && n.flags & !ROLES == 0))
            // "emerging trends" is a noun; "NPS trends up" a change
            && (!cx.lower_in(i, &["trend", "trends"])
                || cx.lower_in(
                    i + 1,
                    &["up", "down", "upward", "upwards", "downward", "downwards", "toward", "towards"],
                ))
            && !(cx.lower_in(i, &["down"])
                && i > a
                && cx.lower_in(i - 1, &["shut", "double", "wind", "narrow", "break"]))
            && !(cx.word_is(i, W::Up) && cx.f(i + 1) & TO != 0)
            // "nail down the API", "Real matches playable": a particle or a noun unless a
            // measure comes before it or a level after it ("costs down 10%", "NPS back to 50")
            && !(cx.lower_in(i, &["up", "down", "match", "matches", "back", "go", "goes", "moves", "drives"])
                && !(i > a && t[i - 1].has(MET))
                && !(cx.value_at(i + 1).is_some() || cx.f(i + 1) & (BY | TO | FROM) != 0))
            && !(i == a && k.has(CV | MET))
            && !cx.word_is(i + 1, W::Live)
            // "Portal for batch 5 is up by the 25th of June": up and running by
            // a date, a go-live
            && !(cx.word_is(i, W::Up)
                && i > a
                && cx.lower_in(i - 1, BE_FORMS)
                && cx.f(i + 1) & BY != 0
                && (i + 2..b.min(i + 6)).any(|j| cx.f(j) & (CAL | YEAR) != 0)
                && !(i + 2..b.min(i + 6)).any(|j| t[j].kind == TokKind::Percent))
            // "before the embargo lifts", "until the freeze lifts": when, not a change
            && !(i >= a + 2
                && (a..i).rev().take(4).any(|j| t[j].has(BEFORE) || cx.lower_in(j, &["until"]))
                && cx.value_at(i + 1).is_none())
            // "to grow" is a purpose, except after a subject with a level to
            // reach: "Light rail patronage to grow 6% YoY"
            && !(i > a
                && t[i - 1].has(TO)
                && !(t[a].flags & (DV | CV | WV) == 0 && cx.value_at(i + 1).is_some()))
            // "3+ tutorials are created or improved": a count of the team's own
            // deliverables reworked is output (rule 1), not a measure improving
            && !(cx.lower_in(i, REWORKED) && counted_deliverables_before(cx, a, i))
        {
            cx.cue(
                CueKind::MetricChange,
                i,
                i + 1,
                "describes a measured change",
                0.0,
            );
            change = true;
        }
        i += 1;
    }

    // ---- a count of a measure without a verb: "500+ leads through joint marketing",
    // "1,000 click-throughs" (a number of things the team makes is no measure: "12 blog
    // posts")
    // (with a delivered state, "40 comparison pages published", the count is output)
    if !threshold
        && !change
        && has.flags & MET != 0
        && has.flags & DP == 0
        && !lead.has(DV | CV | WV | ACQ | HIRE | RECV)
        && let Some((v, m)) = (a..b).filter(|&j| cx.is_num(j)).find_map(|j| {
            let mut z = cx.value_at(j)?;
            if cx.kind(z) == Some(TokKind::Plus) {
                z += 1;
            }
            (z..(z + 2).min(b))
                .find(|&m| {
                    t[m].has(MET)
                        && !t[m].has(DEL | OUTPUT_METRIC | TU)
                        // "the 20 highest-volume stores": a modifier of what is counted
                        && !(cx.f(m + 1) & (DEL | ACT | ROLL) != 0 && cx.f(m + 1) & MET == 0)
                })
                .map(|m| (j, m))
        })
    {
        cx.cue(
            CueKind::Threshold,
            v,
            m + 1,
            "is a level of the measure",
            0.0,
        );
        threshold = true;
    }

    // ---- terse coverage and levels without a verb
    if decided.is_none()
        && !lead.has(DV | CV | WV | ACQ | HIRE | RECV | NEG)
        && let Some(p) = coverage_on(cx, a, b).or_else(|| coverage_after_dash(cx, a))
    {
        // "3DS2 on 100% EU txns", "Runbooks for 100% of alerts": a thing put in
        // place across a share of the estate, which is rollout (rule 6)
        sc += cx.cue(
            CueKind::RolloutCoverage,
            a,
            p + 2,
            "puts something in place across a share of what it covers: rollout",
            2.5,
        );
        decided = Some(true);
    }
    if decided.is_none()
        && first
        && let Some(v) = terse_level(cx, a, b)
    {
        // "Dunning recovery 35%", "Time-on-task −25%": a measure and its level
        sc += cx.cue(
            CueKind::Threshold,
            a,
            v,
            "names a measure and its level",
            -2.0,
        );
        decided = Some(false);
    }
    // ---- a rate of the team's own activity, or a decision obtained
    if decided.is_none()
        && has.flags & RECUR != 0
        && let Some((c, end)) = activity_per_own_role(cx, a, b)
    {
        sc += cx.cue(
            CueKind::Deliverable,
            c,
            end.min(b),
            "counts what each of the team's own people does, which is output",
            3.0,
        );
        decided = Some(true);
    }
    // "Daily use of the design system across squads": how often people use it
    // "City council adopts our 20mph motion", "Our amendment passes committee
    // stage": a decision others take, a result of the campaign
    if decided.is_none()
        // (a subject first, not a verb: "City council adopts …")
        && !lead.has(DV | CV | WV)
        && let Some(v) = (a + 1..b)
            .find(|&j| cx.lower_in(j, &["adopts", "passes", "approves", "enacts", "ratifies"]))
        // what a campaign asks others to decide ("Board adopts the new bylaws" is
        // the organisation's own decision, a milestone)
        && (a..b).any(|x| cx.lower_in(x, &["motion", "bill", "amendment", "ordinance"]))
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            a,
            v + 1,
            "is a decision others take, a result of the work",
            -3.0,
        );
        decided = Some(false);
    }
    // "Achieve 4.7★ on Google Play": a rating, a measure of what users think
    if decided.is_none()
        && let Some(r) = (a..b).find(|&j| {
            cx.kind(j) == Some(TokKind::Other)
                && j > a
                && cx.is_num(j - 1)
                && cx.token_text(j).is_some_and(|w| w.starts_with('★'))
        })
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            r - 1,
            r + 1,
            "is a rating, a measure of what users think",
            -3.0,
        );
        decided = Some(false);
    }
    // "15 tier-1 articles earned", "15 earned media pieces": coverage others chose
    // to give (rule 10)
    if decided.is_none()
        && has.flags & DP != 0
        && let Some(e) = (a..b).find(|&j| earned(cx, j, a))
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            a,
            e + 1,
            "counts a response earned, not paid for: a result",
            -3.0,
        );
        decided = Some(false);
    }
    if decided.is_none()
        && first
        && let Some(u) = usage_named(cx, a)
    {
        sc += cx.cue(
            CueKind::BehaviourChange,
            a,
            u + 1,
            "names how much people use something, which is behaviour",
            -2.5,
        );
        decided = Some(false);
        behaviour = true;
    }
    if decided.is_none() && first && nominal_delivery(cx, a) {
        sc += cx.cue(
            CueKind::DeliveryVerb,
            a,
            a + 2,
            "names a delivery as a noun, which is output",
            2.5,
        );
        decided = Some(true);
        verb_lead = true;
    }
    if decided.is_none()
        && has.flags & MET != 0
        && let Some(j) = obtains_approval(cx, a, b)
    {
        sc += cx.cue(
            CueKind::Deliverable,
            a,
            j + 1,
            "obtains a decision, which is done once it is given",
            3.0,
        );
        decided = Some(true);
        verb_lead = true;
    }
    if decided.is_none()
        && has.words & set(&[W::First, W::Page]) != 0
        && let Some((x, z)) = search_rank(cx, a, b)
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            x,
            z,
            "is a place in search results, which people's searches give: a result",
            -3.0,
        );
        decided = Some(false);
        verb_lead = true;
    }
    // ---- leading verb
    let lw = |w: W| cx.word_is(a, w);
    // "Raise $2M", "Receive at least $5 million in renewed funding"
    let mut m = a + 1;
    // ("Scale to $25k worth of open work": the level the amount reaches; but
    // "Upgrade to the $99 tier" names a price)
    let reaches = cx.lower_in(
        a,
        &["scale", "grow", "reach", "increase", "expand", "climb"],
    );
    while m < a + 4
        && (cx.f(m) & CMPW != 0
            || cx.lower_in(m, &["at", "least", "than", "no"])
            || reaches && cx.lower_in(m, &["to"]))
    {
        m += 1;
    }
    // (after a verb, any sign before a number names an amount: "Get ⭐ 10k")
    let is_money = |m: usize| {
        (cx.kind(m) == Some(TokKind::Other) || cx.is_currency_code(m)) && cx.is_num(m + 1)
    };
    // "Raise a growth fund of $30M", "Secure a grant of €2M": the amount comes
    // after what is raised
    if !is_money(m)
        && cx.lower_in(a, &["raise", "secure"])
        && let Some(x) = (m + 1..b.min(a + 8)).find(|&j| cx.f(j - 1) & OF != 0 && money_at(cx, j))
    {
        m = x;
    }
    let money = is_money(m);
    // (but "$50k budget for the offsite" is money the team spends)
    let amount_at = if money
        && (lead.has(DV | WV | CV | ACQ) || cx.lower_in(a, &["receive", "attract", "fundraise"]))
        && !lead.has(HIRE)
    {
        Some((m, true))
    } else if first
        && money_at(cx, a)
        && !(a + 2..b.min(a + 5)).any(|j| cx.f(j) & DEL != 0 || cx.lower_in(j, MONEY_SPENT))
    {
        Some((a, false))
    } else {
        None
    };
    // "Meet with 20 customers", "Talk to 30 churned customers": time spent with
    // people is the team's activity, whatever it is for
    let time_with = cx.lower_in(a, MEETING_VERBS) && cx.lower_in(a + 1, &["with", "to"]);
    // "Spend 95% of capital project dollars", "Spend €2M on paid marketing": the
    // organisation's own money going out, a plan carried out ("Spend no more than
    // $50k" caps a cost; "Spend per user" is a measure)
    let spends = first
        && cx.lower_in(a, &["spend", "disburse", "allocate", "award"])
        && (cx.is_num(a + 1) || cx.kind(a + 1) == Some(TokKind::Other) && cx.is_num(a + 2)
            || cx.is_currency_code(a + 1)
            || cx.f(a + 1) & ALL != 0 && cx.f(a + 1) & RECUR != 0 && cx.f(a + 2) & DET != 0)
        // "Spend 30% less on cloud hosting" changes a cost
        && !(a + 1..b.min(a + 5)).any(|j| cx.f(j) & (COMPAR | CMPW) != 0);
    if decided.is_some() {
        // a rate of own activity or a decision obtained, above
    } else if time_with || spends {
        let (end, why) = if spends {
            (
                a + 1,
                "spends the organisation's own money, a plan carried out",
            )
        } else {
            (a + 2, "is time spent with people, an activity")
        };
        sc += cx.cue(CueKind::DeliveryVerb, a, end, why, 3.0);
        decided = Some(true);
        verb_lead = true;
    } else if let Some((at, after_verb)) = amount_at {
        // "Raise $2M"; "$750k in commitments", "€2M in new bookings": an amount
        // of money the key result names first
        let scale = cx.lower_in(at + 2, &["thousand", "million", "billion", "m", "k", "bn"]);
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            at,
            at + 2 + usize::from(scale),
            "is an amount of money: a business result",
            -3.0,
        );
        decided = Some(false);
        verb_lead |= after_verb;
    } else if lead.has(NEG)
        && !lw(W::Stop)
        // "No. of maintainers": a count, not a negation
        && !number_abbreviation(cx, a)
    {
        // "No services on CentOS 7", "No shared admin accounts": none of what the
        // organisation runs left in a state is a finished migration or clean-up
        // (but "No stores out of stock" is a level of availability)
        const HELD_IN: &[&str] = &[
            "on", "running", "using", "in", "without", "outside", "hosted", "deployed", "left",
            "deploys", "runs", "uses",
        ];
        const UNKEPT: &[&str] = &[
            "shared",
            "unpatched",
            "unencrypted",
            "unmanaged",
            "unowned",
            "unsupported",
            "unlicensed",
            "personal",
            "manual",
            "legacy",
            "orphaned",
            "untagged",
        ];
        let estate = (a + 1..b.min(a + 5)).find(|&j| {
            (internal_estate(cx, j) || cx.f(j) & (ROLL | MET | EVT | OUTSIDERS) == ROLL)
                && (cx.lower_in(j + 1, HELD_IN) || (a + 1..j).any(|k| cx.lower_in(k, UNKEPT)))
        });
        // "Zero high-risk audit issues overdue at quarter end": every finding of a
        // review closed in time, remediation work done
        let remediated = (a + 1..b.min(a + 6)).find(|&j| {
            cx.lower_in(
                j,
                &[
                    "findings",
                    "issues",
                    "actions",
                    "recommendations",
                    "observations",
                ],
            ) && (a + 1..j)
                .any(|k| cx.lower_in(k, &["audit", "regulatory", "regulator", "pen-test"]))
                && (a + 1..b.min(j + 3))
                    .any(|k| cx.lower_in(k, &["overdue", "open", "outstanding", "unremediated"]))
        });
        if has.flags & STILL != 0 {
            sc += cx.cue(
                CueKind::DeliveryVerb,
                a,
                a + 1,
                "with `still`/`left` describes a finished migration",
                3.0,
            );
            decided = Some(true);
        } else if let Some(h) = remediated {
            sc += cx.cue(
                CueKind::DeliveryVerb,
                a,
                h + 1,
                "leaves none of a review's findings open: remediation work done",
                3.0,
            );
            decided = Some(true);
        } else if let Some(h) = estate
            && !(a..b).any(|j| cx.f(j) & MET != 0)
        {
            sc += cx.cue(
                CueKind::DeliveryVerb,
                a,
                h + 1,
                "names none of what the organisation runs left: a finished migration or clean-up",
                3.0,
            );
            decided = Some(true);
        } else {
            sc += cx.cue(
                CueKind::Negation,
                a,
                a + 1,
                "negates a result: a quality level",
                -2.5,
            );
            decided = Some(false);
        }
    } else if lead.has(HIRE) && lead.has(DV) && cx.f(a + 1) & (MET | TU) == 0 {
        sc += cx.cue(
            CueKind::Headcount,
            a,
            a + 1,
            "is hiring, which counts as output",
            3.5,
        );
        decided = Some(true);
        verb_lead = true;
    } else if change_verb_lead(cx, a, first) {
        verb_lead = true;
        let (obj, h) = object(cx, a, b);
        // "Increase how often users return", "Reduce how long customers wait"
        let (obj, h) = if cx.lower_in(a + 1, &["how"])
            && cx.lower_in(a + 2, &["often", "long", "fast", "quickly", "soon"])
        {
            (Obj::Metric, a + 2)
        } else {
            (obj, h)
        };
        match obj {
            // "Raise 3 change requests with the vendor": raising is filing, a task
            Obj::Metric | Obj::Unknown
                if cx.lower_in(a, &["raise"])
                    && cx.is_num(a + 1)
                    && cx.lower_in(h, &["requests", "tickets", "issues", "prs", "proposals"]) =>
            {
                sc += cx.cue(
                    CueKind::DeliveryVerb,
                    a,
                    h + 1,
                    "files things for others to act on: a task",
                    3.0,
                );
                decided = Some(true);
            }
            // "Reduce Terraform workspaces from 340 to 60": fewer of what the
            // organisation runs for itself is clean-up (rule 11)
            Obj::Metric | Obj::Customers | Obj::Unknown
                if (cx.lower_in(a, SHRINK_VERBS)
                    // "Bring active SAP plant codes down from 27 to 12"
                    || cx.lower_in(a, &["bring"]) && (a + 2..b).any(|j| cx.lower_in(j, &["down"])))
                    && internal_estate(cx, h) =>
            {
                sc += clean_up_cue(cx, h);
                decided = Some(true);
            }
            Obj::Metric | Obj::Customers => {
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    h,
                    h + 1,
                    "is the measure the verb changes",
                    -3.0,
                );
                decided = Some(false);
            }
            Obj::Headcount => {
                sc += cx.cue(
                    CueKind::Headcount,
                    h,
                    h + 1,
                    "is headcount: growing a team is hiring, which counts as output",
                    3.0,
                );
                decided = Some(true);
            }
            Obj::Output | Obj::Unknown if let Some(z) = audience_target(cx, a, b) => {
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    z,
                    z + 1,
                    "counts the people it reaches, a result",
                    -3.0,
                );
                decided = Some(false);
            }
            // "Reduce press-line changeover from 45 min to 20 min": a duration, not a count
            // (but "Cut the onboarding course from 6 hours to 2" shortens a deliverable)
            Obj::Output | Obj::Unknown
                if cx.f(h) & DEL == 0
                    && (duration_change(cx, h, b) || duration_level(cx, h, b)) =>
            {
                sc += cx.cue(
                    CueKind::MetricChange,
                    h,
                    h + 1,
                    "changes how long something takes, a measure",
                    -3.0,
                );
                decided = Some(false);
            }
            // "Speed up page loads on mobile", "Accelerate the nightly build": how
            // fast a process runs, a performance measure (but "Accelerate the
            // migration" hurries one piece of work on)
            Obj::Output | Obj::Unknown if paces_a_process(cx, a, h, b) => {
                sc += cx.cue(
                    CueKind::MetricChange,
                    a,
                    h + 1,
                    "makes something run faster, a performance measure",
                    -3.0,
                );
                decided = Some(false);
            }
            Obj::Output | Obj::Unknown if let Some(z) = done_by_outsiders(cx, h, b) => {
                // "Increase the number of hours donated by volunteers": what
                // people outside the team do, counted
                sc += cx.cue(
                    CueKind::BehaviourChange,
                    h,
                    z,
                    "counts what people outside the team do, which is behaviour",
                    -2.5,
                );
                decided = Some(false);
            }
            // "reduce the average number of days to complete a claim": a duration
            Obj::Output | Obj::Unknown if counts_a_measure(cx, a, h) => {
                sc += cx.cue(
                    CueKind::MetricChange,
                    h,
                    h + 1,
                    "counts days or an average, a measure",
                    -3.0,
                );
                decided = Some(false);
            }
            Obj::Output if share_of_what_comes_in(cx, h, b) => {
                sc += cx.cue(
                    CueKind::MetricChange,
                    h,
                    h + 1,
                    "is changed as a share of what comes in, a rate of the process",
                    -3.0,
                );
                decided = Some(false);
            }
            Obj::Output | Obj::Coverage | Obj::Target => {
                // ("the number of times we run DR drills": the team says it is theirs)
                let ours = (a..b).any(|j| cx.lower_in(j, &["we", "our", "us"]));
                sc += cx.cue(
                    CueKind::Deliverable,
                    h,
                    h + 1,
                    "is the team's own output, so changing its count is still a milestone",
                    if ours { 3.5 } else { 3.0 },
                );
                decided = Some(true);
            }
            Obj::Unknown if let Some(n) = output_target(cx, a, b) => {
                // "Increase snippet collection to 650 snippets" (rule 1)
                sc += cx.cue(
                    CueKind::Deliverable,
                    n,
                    (n + 2).min(b),
                    "counts the team's own output, so changing its count is still a milestone",
                    2.5,
                );
                decided = Some(true);
            }
            Obj::Unknown => {
                if change || threshold || timely {
                    sc += cx.cue(CueKind::MetricChange, a, a + 1, "changes a measure", -1.5);
                } else if !lw(W::Cut) {
                    sc += cx.cue(CueKind::MetricChange, a, a + 1, "asks for a change", -0.5);
                } else {
                    sc += cx.cue(
                        CueKind::DeliveryVerb,
                        a,
                        a + 1,
                        "changes something without a measure: a task",
                        1.5,
                    );
                }
            }
        }
    } else if lead.has(WV) && !lead.has(DV)
        || lw(W::Deliver)
        || lw(W::Close)
        || lw(W::Hold)
        || lw(W::Generate)
    {
        verb_lead = true;
        let (obj, h) = object(cx, a, b);
        let bare_count = cx.kind(a + 1) == Some(TokKind::Num)
            && cx.kind(a + 2) != Some(TokKind::Percent)
            && cx.f(a + 2) & NUMW == 0
            && !(has.flags & RECUR != 0
                && (a..b).any(|j| t[j].has(RECUR) && !t[j].has(ALL) && !t[j].has(DET)))
            && !(change || threshold || timely);
        // "Get 10 PRs from outside collaborators": what people outside the team send
        let from_outside = (h..b)
            .any(|j| t[j].has(FROM) && (j + 1..(j + 4).min(b)).any(|x| cx.f(x) & OUTSIDERS != 0));
        // "Get N2 to successful POC", "Get 5 teams to adopt it": people or deals moved on
        let moved_on = lw(W::Get)
            && (cx.is_num(a + 1) && (a + 2..(a + 4).min(b)).any(|j| t[j].has(TO))
                // "Get open source projects to use GitLab": people made to act
                || (a + 2..(a + 7).min(b)).any(|j| {
                    t[j].has(TO)
                        && cx.lower_in(
                            j + 1,
                            &["use", "adopt", "try", "switch", "buy", "pay", "upgrade", "contribute", "join", "renew", "recommend"],
                        )
                }));
        let counted_people = from_outside
            || moved_on
            || obj == Obj::Customers
            || obj == Obj::Metric && cx.f(h) & EVT == 0
            // `h` is one past the end when nothing follows the verb ("Win the")
            || lead.has(ACQ) && cx.f(h) & (EVT | ACT) != 0
            // "Close 30 new enterprise deals": deals won
            || cx.word_is(a, W::Close) && cx.lower_in(h, &["deals", "sales", "opportunities"]);
        let ability = (a + 1..(a + 3).min(b)).find(|&j| cx.lower_in(j, &["ability", "capability"]));
        if let Some(c) = ability {
            // "Achieve ability to use percentage-of-completion accounting" (rule 5)
            sc += cx.cue(
                CueKind::Capability,
                c,
                c + 1,
                "asks for a capability, which is a delivered feature",
                3.0,
            );
            decided = Some(true);
        } else if moved_on {
            sc += cx.cue(
                CueKind::CustomerOrBusinessEffect,
                a + 1,
                (a + 4).min(b),
                "moves customers or deals on to a stage, a business result",
                -2.5,
            );
            decided = Some(false);
            // "Publish the map and get 50k people to look up their river": people
            // moved to act, counted, an equal part (rule 3)
            out.measured_change = true;
        } else if bare_count && !lw(W::Make) && !counted_people {
            sc += cx.cue(
                CueKind::Deliverable,
                a + 1,
                h.max(a + 1) + 1,
                "counts the team's own output",
                3.0,
            );
            decided = Some(true);
        } else if lw(W::Make) {
            // "Make sure X works well" asks for an activity unless a level is named
            let sure = cx.lower_in(a + 1, &["sure"]);
            // "Make Acme Pay the default choice for small merchants": what people
            // choose, behaviour (rule 5)
            let chosen = (a + 2..b).find(|&j| {
                cx.lower_in(j, &["choice", "go-to", "favourite", "favorite"])
                    || cx.lower_in(j, &["default", "preferred", "first"])
                        && cx.lower_in(j + 1, &["choice", "option", "tool", "platform"])
            });
            // "Make 500 welfare check calls to carers over 80": things the team does
            let made = (cx.is_num(a + 1) && !has.percent)
                .then(|| {
                    (a + 2..b.min(a + 6))
                        .find(|&j| cx.f(j) & EVT != 0 || cx.f(j) & DEL != 0 && cx.f(j) & MET == 0)
                })
                .flatten();
            if let Some(c) = chosen.filter(|_| !sure) {
                sc += cx.cue(
                    CueKind::BehaviourChange,
                    a,
                    (c + 1).min(b),
                    "asks to be what people choose, which is behaviour",
                    -2.5,
                );
                decided = Some(false);
                behaviour = true;
            } else if let Some(m) = made {
                sc += cx.cue(
                    CueKind::Deliverable,
                    a + 1,
                    m + 1,
                    "counts the team's own output",
                    3.0,
                );
                decided = Some(true);
            } else if !sure && has.flags & (COMPAR | NUMW) != 0
                || change
                || threshold
                || has.percent && has.flags & MET != 0
            {
                // ("Make complex text as fast as simple text": a yardstick named)
                let w = if better_at_end(cx, a, b).is_some() {
                    -3.0
                } else {
                    -2.0
                };
                sc += cx.cue(
                    CueKind::MetricChange,
                    a,
                    b.min(a + 4),
                    "asks for a measurable improvement",
                    w,
                );
                decided = Some(false);
            } else {
                sc += cx.cue(
                    CueKind::DeliveryVerb,
                    a,
                    a + 1,
                    "here names an activity to carry out",
                    2.5,
                );
                decided = Some(true);
            }
        } else {
            // "Achieve 110% of the SAO plan", "Meet the MQL goals": attaining a business
            // target is a result; a plan of output ("the hiring plan") is still output, and
            // delivering a plan document ("Deliver the operating plan") is a delivery.
            let attains = cx.lower_in(
                a,
                &[
                    "achieve", "meet", "hit", "make", "exceed", "beat", "reach", "surpass",
                ],
            ) || has.percent;
            // "Hold 8 listening sessions": the sessions are events the team holds,
            // not visits to a site
            let holds = cx.lower_in(a, EVENT_VERBS);
            let obj = match obj {
                Obj::Target if !attains => Obj::Output,
                Obj::Metric if holds && cx.lower_in(h, &["sessions", "meetings"]) => Obj::Output,
                other => other,
            };
            match obj {
                // "Realize the implementation of SAP S/4HANA", "Achieve the
                // go-live of the portal": a delivery named as a noun
                _ if h > a && h < b && cx.f(h + 1) & OF != 0 && nominal_delivery(cx, h) => {
                    sc += cx.cue(
                        CueKind::DeliveryVerb,
                        h,
                        h + 2,
                        "names a delivery as a noun, which is output",
                        2.5,
                    );
                    decided = Some(true);
                }
                // "Close the books by WD4 every month": the same deadline met
                // again and again (rule 7)
                _ if let Some(z) = due_each_period(cx, a, b) => {
                    sc += cx.cue(CueKind::RecurringTimeliness, a, z, DONE_ON_TIME, -3.0);
                    decided = Some(false);
                }
                // "Ensure all employees complete annual security training": the
                // organisation's own people trained, a rollout (rule 6)
                _ if let Some(z) = staff_trained(cx, a, b) => {
                    sc += cx.cue(
                        CueKind::RolloutCoverage,
                        a + 1,
                        z + 1,
                        "is the organisation's own people trained, which is rollout",
                        3.0,
                    );
                    decided = Some(true);
                }
                // "Have alerts automatically created for failed payments": an
                // automation set up, a delivery (rule 5)
                _ if let Some(z) = automation_set_up(cx, a, b) => {
                    sc += cx.cue(
                        CueKind::Capability,
                        a,
                        z + 1,
                        "asks for an automation to be set up, which is a delivery",
                        3.0,
                    );
                    decided = Some(true);
                }
                // "Get the new PMS live in all 18 properties": a go-live, a launch
                _ if lw(W::Get) && !has.percent && (a + 2..b).any(|j| cx.word_is(j, W::Live)) => {
                    sc += cx.cue(
                        CueKind::DeliveryVerb,
                        a,
                        h + 1,
                        "asks for something to go live, a launch",
                        3.0,
                    );
                    decided = Some(true);
                }
                // "Close all 17 findings from the PCI audit": remediation work
                _ if !timely && closes_findings(cx, a, h, b) => {
                    sc += cx.cue(
                        CueKind::DeliveryVerb,
                        a,
                        h + 1,
                        "closes what a review found: remediation work, a task",
                        3.0,
                    );
                    decided = Some(true);
                }
                // "Meet the SLA for support tickets": a service level kept, whatever else
                _ if cx.word_in(h, set(&[W::Sla, W::Slas, W::Slo]))
                    && cx.lower_in(
                        a,
                        &[
                            "meet", "hit", "achieve", "keep", "maintain", "exceed", "beat",
                        ],
                    ) =>
                {
                    sc += cx.cue(
                        CueKind::RecurringTimeliness,
                        h,
                        h + 1,
                        "is a service level to meet",
                        -2.5,
                    );
                    decided = Some(false);
                    out.measured_change = true;
                }
                Obj::Target => {
                    let plan_of_output = (a + 1..=h.min(b.saturating_sub(1)))
                        .any(|j| t[j].has(HIRE) || cx.f(j) & OUTPUT_PLAN != 0);
                    if plan_of_output {
                        sc += cx.cue(
                            CueKind::Headcount,
                            h,
                            h + 1,
                            "is a plan of output (hiring, training, releases): meeting it is still output",
                            3.0,
                        );
                        decided = Some(true);
                    } else {
                        sc += cx.cue(
                            CueKind::Threshold,
                            h,
                            h + 1,
                            "is a business target: attaining it is a result",
                            -2.5,
                        );
                        decided = Some(false);
                    }
                }
                Obj::Metric | Obj::Customers => {
                    sc += cx.cue(
                        CueKind::CustomerOrBusinessEffect,
                        h,
                        h + 1,
                        "is a customer or business measure",
                        -2.5,
                    );
                    decided = Some(false);
                }
                // "Maintain the payments API at 99.95% availability", "Keep the
                // search service within its latency budget": a level the thing
                // keeps, not the thing
                Obj::Output | Obj::Unknown if let Some(l) = level_kept(cx, a, h, b) => {
                    sc += cx.cue(
                        CueKind::Threshold,
                        l,
                        b,
                        "is a level kept, a measured result",
                        -2.5,
                    );
                    decided = Some(false);
                }
                Obj::Output => {
                    sc += cx.cue(CueKind::Deliverable, h, h + 1, "is a deliverable", 3.0);
                    decided = Some(true);
                }
                Obj::Coverage => {
                    sc += cx.cue(
                        CueKind::RolloutCoverage,
                        a,
                        h + 1,
                        "is rollout coverage, which is output",
                        3.0,
                    );
                    decided = Some(true);
                }
                Obj::Headcount => {
                    sc += cx.cue(
                        CueKind::Headcount,
                        h,
                        h + 1,
                        "is headcount, which counts as output",
                        3.0,
                    );
                    decided = Some(true);
                }
                Obj::Unknown => {
                    // "Get the bylines published in 2 publications", "Have the
                    // contract signed": something to get done, a delivery
                    let done = if cx.lower_in(a, &["get", "have"]) {
                        (a + 2..b.min(a + 8)).find(|&j| {
                            t[j].has(DP)
                                && t[j].kind == TokKind::Word
                                && !cx.lower_in(j - 1, BE_FORMS)
                        })
                    } else {
                        None
                    };
                    // "a ten percentage point increase": a percentage in words
                    let percent = has.percent || has.words & set(&[W::Percent, W::Percentage]) != 0;
                    if let Some(d) = done {
                        sc += cx.cue(
                            CueKind::DeliveryVerb,
                            a,
                            d + 1,
                            "asks for something to get done, a delivery",
                            2.5,
                        );
                        decided = Some(true);
                    } else if (percent || change || threshold || timely)
                        // "Deliver 18 titles to the printer on schedule", "Hold the gala
                        // + 3 dinners": what is held or delivered is counted, not a level
                        && (percent || !holds)
                    {
                        sc += cx.cue(CueKind::Threshold, a, a + 1, "sets a level to reach", -1.5);
                    } else if has.flags & ALL != 0
                        && let Some(q) = (a + 1..b).find(|&j| t[j].has(ALL))
                    {
                        sc += cx.cue(
                            CueKind::RolloutCoverage,
                            q,
                            (q + 2).min(b),
                            "asks for coverage of an output, which is a rollout",
                            2.0,
                        );
                        decided = Some(true);
                    } else if lead.has(DV) {
                        sc += cx.cue(CueKind::DeliveryVerb, a, a + 1, "is a delivery verb", 2.5);
                        decided = Some(true);
                    }
                }
            }
        }
    } else if lw(W::Stop) && cx.lower_in(a + 1, LOSING) {
        // "Stop losing carts at the address step": a loss that has to end, a result
        sc += cx.cue(
            CueKind::MetricChange,
            a,
            (a + 3).min(b),
            "asks for a loss to end, a change in a result",
            -3.0,
        );
        decided = Some(false);
        verb_lead = true;
    } else if lead.has(DV) && !lead.has(CR)
        || lw(W::Stop)
        || lw(W::Cut)
        || lw(W::Go) && cx.word_is(a + 1, W::Live)
    {
        // noun use: "Ship rate", "Build times", "Build success rate", "Support tickets"
        let n1 = cx.f(a + 1);
        // A metric named without a level, change or number is no measure: "Launch
        // self-serve booking in Germany" launches something.
        let valued = threshold
            || change
            || timely
            || has.percent
            || (a..b).any(|j| cx.is_num(j) || t[j].kind == TokKind::Colon);
        let noun_use = valued
            && !cx.lower_in(a, GATHER_VERBS)
            && t.get(a + 1).is_some_and(|k| k.kind == TokKind::Word)
            && (n1 & (MET | EVT) != 0 && n1 & (DET | DEL) == 0
                // "Contract turnaround < 3d", "Offer accept ≥ 85%": a measure and its bound
                || n1 & (DET | PREP | NUMW) == 0
                    && cx.kind(a + 1) == Some(TokKind::Word)
                    && cx.kind(a + 2) == Some(TokKind::Cmp)
                // "Call center answers 80% of calls": a compound and its verb
                || n1 & (DET | PREP | NUMW | DEL | DV | DP) == 0
                    && third_person(cx, a + 2)
                    && (cx.value_at(a + 3).is_some() || cx.f(a + 3) & DET != 0)
                || n1 & (DEL | DV | DP | DET | PREP | NUMW | ALL | ACT | ROLL | CAL) == 0
                    && cx.f(a + 2) & MET != 0
                    && cx.f(a + 2) & DEL == 0
                || n1 & ACT != 0
                    && (threshold || change || has.percent)
                    && cx.kind(a + 2) == Some(TokKind::Word)
                    && cx.f(a + 2) & (PREP | DET | NUMW | AND | ALL) == 0
                || n1 & DEL != 0 && n1 & DET == 0 && cx.f(a + 2) & CR != 0
                // "Partner channel generates $3M in net new ARR": a noun first
                || n1 & (DET | PREP | NUMW | DEL) == 0 && cx.lower_in(a + 2, MONEY_IN_VERBS)
                // "Contract review SLA met for 95% of requests": a level kept
                || (a + 1..b.min(a + 4)).any(|j| {
                    cx.word_in(j, SERVICE_LEVELS)
                        && cx.lower_in(j + 1, LEVEL_KEPT)
                })
                // "Design system adopted by 12 teams": a passive's subject
                || n1 & (DET | PREP | NUMW) == 0
                    && cx.lower_in(a + 2, &["adopted", "used"])
                    && cx.f(a + 3) & BY != 0);
        if !noun_use || !first {
            verb_lead = true;
            let mut end = a + 1;
            if cx.word_is(a + 1, W::Out)
                || cx.word_is(a + 1, W::Up)
                || cx.word_is(a + 1, W::Live)
                || cx.word_is(a + 1, W::Over)
                || cx.word_is(a + 1, W::Off)
            {
                end += 1;
            }
            let (obj, h) = object(cx, a, b);
            if lead.has(ACQ) && obj == Obj::Customers {
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    h,
                    h + 1,
                    "are customers won, a business result",
                    -2.0,
                );
                decided = Some(false);
            } else if first
                && cx.lower_in(a, MEASURING_VERBS)
                && matches!(obj, Obj::Metric | Obj::Customers)
                && !threshold
                && !has.percent
                // ("the average time": an average is a measure, not a change)
                && !(a + 1..b)
                    .any(|j| cx.is_num(j) || t[j].has(CV) || t[j].has(CR) && !t[j].has(MET))
                // ("Benchmark per capita revenue against peers with a target of
                // revenue above the median": a level after all)
                && !(b..t.len()).any(|j| t[j].has(TARGET | CMPW))
            {
                // "Track weekly active users", "Measure the average time to
                // merge": a measure set up or reported, not moved (rule 6)
                sc += cx.cue(
                    CueKind::DeliveryVerb,
                    a,
                    h + 1,
                    "sets up measuring, which is output: the measure is not asked to move",
                    3.0,
                );
                decided = Some(true);
            } else if matches!(obj, Obj::Metric | Obj::Customers)
                && (change || threshold)
                && !t[h].has(EVT)
                // "Gather 2 feedback rounds": the compound names rounds held
                && {
                    let last = compound_head(cx, h, b);
                    last == h || cx.f(last) & MET != 0 || cx.f(last) & (DEL | EVT) == 0
                }
                // "Consolidate bank accounts: 27 → 6" is clean-up (rule 11)
                && !internal_estate(cx, h)
            {
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    h,
                    h + 1,
                    "is a measure the sentence moves",
                    -2.5,
                );
                decided = Some(false);
            } else if cx.lower_in(a, &["add", "bring", "onboard"])
                && (a + 1..b).any(|j| {
                    cx.lower_in(j, HEADCOUNT_WORDS)
                        || cx.lower_in(j, &["full"]) && cx.lower_in(j + 1, &["time"])
                })
            {
                sc += cx.cue(
                    CueKind::Headcount,
                    a,
                    h + 1,
                    "adds people to the team, which is hiring: output",
                    3.0,
                );
                decided = Some(true);
            } else if let Some(m) = better_at_end(cx, a, b) {
                // "Run GitLab.com more efficiently", "Ship releases faster"
                sc += cx.cue(
                    CueKind::MetricChange,
                    m,
                    b,
                    "asks for the work to get better, a measured improvement",
                    -2.5,
                );
                decided = Some(false);
            } else if cx.lower_in(
                a,
                &[
                    "onboard", "activate", "reactivate", "convert", "add", "get", "renew",
                    "register", "enroll", "enrol",
                ],
            ) && (a + 1..h).any(|j| cx.is_num(j))
                && cx.f(h) & OUTSIDERS != 0
                // "Add 4 new members": to a team or a working group, as often as not,
                // but "to the loyalty programme" they come from outside
                && !(cx.lower_in(a, &["add"])
                    && cx.lower_in(h, &["members"])
                    && !joins_from_outside(cx, h + 1, b))
                // "Onboard 12 product teams to the experimentation platform": the
                // organisation's own teams, a rollout (rule 6)
                && !own_teams(cx, h)
            {
                // "Onboard 15 new partner organisations", "Add 6 large customers":
                // customers won, unlike "Onboard 5 new engineers"
                sc += cx.cue(CueKind::CustomerOrBusinessEffect, h, h + 1, WON, -2.5);
                decided = Some(false);
            } else if cx.lower_in(a, &["renew"])
                && has.percent
                && (a + 1..b).any(|j| cx.f(j) & (MET | OUTSIDERS) != 0)
            {
                // "Renew 96% of ARR up for renewal": a share of customers or revenue
                // kept, retention
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    a,
                    h + 1,
                    "is a share of customers or revenue kept, retention",
                    -3.0,
                );
                decided = Some(false);
            } else if obj == Obj::Metric
                && !t[h].has(EVT | DEL)
                && (a + 1..h).any(|j| cx.is_num(j))
                && cx.lower_in(a, AMOUNT_VERBS)
                && !things_made(cx, a, h)
            {
                // "Add N5 ARR", "Source $2M in qualified pipeline": an amount of a business
                // measure, not a count of things made
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    h,
                    h + 1,
                    "is a business measure the key result adds to",
                    -2.5,
                );
                decided = Some(false);
            } else if let Some(h) = cx
                .lower_in(a, GATHER_VERBS)
                .then(|| (a + 2..b.min(a + 6)).find(|&j| inbound(cx, j)))
                .flatten()
                .filter(|&h| (a + 1..h).any(|j| cx.is_num(j)) && !cx.lower_in(h, &["responses"]))
            {
                // "Collect ≥50 nominations for the inaugural cohort": what people
                // outside the team send in, counted (but "Collect 500 survey
                // responses" is research work)
                sc += cx.cue(CueKind::BehaviourChange, h, h + 1, SENT_IN, -3.0);
                decided = Some(false);
            } else if let Some(z) = time_given_back(cx, a, b) {
                // "Remove 20 hours a week of manual reconciliation work": people's
                // time saved, a cost measure
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    a,
                    z,
                    "saves people's time, a measured cost",
                    -2.5,
                );
                decided = Some(false);
            } else if timely && again_and_again(cx, a, h) {
                // "Complete 95% of requested inspections within one business day",
                // "Complete the monthly close within 7 business days": each one on
                // time, again and again (rule 7)
                sc += cx.cue(CueKind::RecurringTimeliness, a, h + 1, DONE_ON_TIME, -3.0);
                decided = Some(false);
            } else if let Some(z) = due_each_period(cx, a, b) {
                // "Close the books by WD4 every month": the same deadline met
                // again and again (rule 7)
                sc += cx.cue(CueKind::RecurringTimeliness, a, z, DONE_ON_TIME, -3.0);
                decided = Some(false);
            } else {
                let w = if first { 3.0 } else { 2.0 };
                sc += cx.cue(CueKind::DeliveryVerb, a, end, "is a delivery verb", w);
                decided = Some(true);
                if obj == Obj::Coverage {
                    sc += cx.cue(
                        CueKind::RolloutCoverage,
                        end,
                        h + 1,
                        "is rollout coverage, which is output",
                        0.5,
                    );
                }
            }
        }
    }

    // ---- hiring against a plan: "Final Q2 hiring is 85% of plan" (rule 9)
    // ("hiring managers" are people, not hiring)
    // "100% of vacancies have outbound sourcing": the recruiting process, unlike "20% of
    // open roles filled by internal candidates" (internal mobility, a result)
    let recruiting = |j: usize| {
        (cx.lower_in(j, &["vacancies", "vacancy", "requisitions", "reqs"])
            || cx.lower_in(j, &["roles", "positions"]) && j > a && cx.lower_in(j - 1, &["open"]))
            && (j + 1..(j + 3).min(b)).any(|x| cx.lower_in(x, &["have", "has"]))
    };
    let hiring_word = |j: usize| {
        cx.lower_in(j, &["hiring", "headcount"]) && !t.get(j + 1).is_some_and(|k| k.has(ACT))
            || recruiting(j)
    };
    if !verb_lead
        && decided.is_none()
        && (has.percent || (a..b).any(|j| cx.f(j) & TARGET != 0))
        && (a..b).any(hiring_word)
    {
        let h = (a..b).find(|&j| hiring_word(j)).unwrap_or(a);
        sc += cx.cue(
            CueKind::Headcount,
            h,
            h + 1,
            "measures hiring against a plan, which counts as output",
            3.0,
        );
        decided = Some(true);
    }

    // ---- coverage of the team's own people: "100% of people managers have taken 1
    // training session", "Each teammate participates in at least one training". Training,
    // participation and coverage of staff are a rollout (rule 6), whatever the share.
    if !verb_lead && decided.is_none() {
        let quantified = has.percent
            || (a..(a + 3).min(b)).any(|j| t[j].has(ALL) || cx.is_num(j))
            // "Intern shadows 1 on-call": the team's own person is the subject
            || cx.f(a) & INTERNAL != 0 && !cx.lower_in(a, &["people", "person", "leads"]);
        let people = || {
            (a..(a + 9).min(b)).find(|&j| {
                cx.f(j) & INTERNAL != 0
                    || cx.lower_in(j, &["members", "member"])
                        && j > a
                        && (cx.lower_in(j - 1, &["team"])
                            // "each member of the design team"
                            || (j + 2..(j + 5).min(b)).any(|x| cx.lower_in(x, &["team"]))
                                && cx.f(j + 1) & OF != 0)
            })
        };
        // "certifications taken by people at enterprise companies", "25k people
        // share information with us": outsiders
        let outsiders = |p: usize| {
            cx.lower_in(p, &["people", "person"])
                && ((p + 1..b).any(|j| cx.f(j) & OUTSIDERS != 0)
                    || (a..p).any(|j| {
                        cx.is_num(j)
                            && cx.token_text(j).is_some_and(|n| {
                                n.ends_with(['k', 'K', 'm', 'M']) || n.replace(',', "").len() >= 4
                            })
                    }))
        };
        // "25% of employees report …", "team members are confident …": what people say
        // or feel is a survey result (rule 9), not a rollout
        if quantified
            && let Some(p) = people().filter(|&p| !outsiders(p))
            && !perceived(cx, a, b)
            && (a..b).any(|j| {
                cx.f(j) & STAFF_DONE != 0
                    // "80% of designers and engineers know how to use the design system"
                    || cx.lower_in(j, &["know", "knows"]) && cx.lower_in(j + 1, &["how"])
            })
        {
            sc += cx.cue(
                CueKind::RolloutCoverage,
                a,
                p + 1,
                "is coverage of the team's own people (training, participation), which is a rollout",
                3.0,
            );
            decided = Some(true);
        }
    }

    // ---- attainment of a business target without a verb: "% of plan achieved", "120% of
    // plan" (a hiring or output plan is still output, see above)
    if !verb_lead && decided.is_none() && has.percent {
        let target = (a..b)
            .filter(|&p| t[p].kind == TokKind::Percent && cx.f(p + 1) & OF != 0)
            .find_map(|p| (p + 2..(p + 7).min(b)).find(|&j| cx.f(j) & TARGET != 0));
        if let Some(g) = target
            && !(a..b).any(|j| t[j].has(HIRE) || cx.f(j) & OUTPUT_PLAN != 0)
        {
            sc += cx.cue(
                CueKind::Threshold,
                g,
                g + 1,
                "is a business target: attaining it is a result",
                -2.5,
            );
            decided = Some(false);
        }
    }

    // ---- a count named as a measure: "# of unique code committers 30", "Number of
    // integrations 3". What is counted decides (rules 1, 9 and 10).
    if !verb_lead
        && decided.is_none()
        && let Some(h) = named_count_head(cx, a, b)
    {
        let own_people = t[h].has(INTERNAL)
            || cx.lower_in(h, HEADCOUNT_WORDS)
            || h > a && (cx.lower_in(h - 1, OWN_GROUPS) || cx.lower_in(h - 1, &["core"]));
        if own_people {
            sc += cx.cue(
                CueKind::Headcount,
                h,
                h + 1,
                "counts the team's own people, which is headcount",
                3.0,
            );
            decided = Some(true);
        } else if t[h].has(OUTSIDERS | ACT) && !t[h].has(DEL) {
            sc += cx.cue(
                CueKind::CustomerOrBusinessEffect,
                h,
                h + 1,
                "counts people outside the team, a result",
                -3.0,
            );
            decided = Some(false);
            behaviour = true;
        }
    }

    // ---- a count of customers or users: "N8 users with a private repository",
    // "There are at least 100 daily active members", "> 20 teams onboarded". People
    // outside the team who sign up, pay or take part are a business result; the team's
    // own people ("6 SDRs ramped", "team members trained") are not on the list.
    if !verb_lead && decided.is_none() {
        let mut i = a;
        if cx.lower_in(i, &["there"]) && cx.lower_in(i + 1, &["are", "is"]) {
            i += 2;
        }
        while i < b && (t[i].kind == TokKind::Cmp || t[i].has(CMPW) || cx.lower_in(i, &["at"])) {
            i += 1;
        }
        let one = cx
            .token_text(i)
            .is_some_and(|w| w == "1" || w.eq_ignore_ascii_case("one"));
        if cx.is_num(i)
            && cx.kind(i + 1) != Some(TokKind::Percent)
            && let Some(h) = (i + 1..(i + 9).min(b))
                .take_while(|&j| t[j].kind == TokKind::Word && !t[j].has(PREP | DV | CV | WV))
                .find(|&j| cx.f(j) & OUTSIDERS != 0 || one && cx.f(j) & OUTSIDER != 0)
            && !cx.lower_in(h - 1, OWN_GROUPS)
        {
            sc += cx.cue(
                CueKind::CustomerOrBusinessEffect,
                i,
                h + 1,
                "counts customers or users, a business result",
                -3.0,
            );
            decided = Some(false);
            behaviour = true;
        }
    }

    // ---- a count of the team's own people: "6 outbound SDRs ramped", "2 curators in the
    // working group": staffing and enablement, which are output (rule 9)
    if !verb_lead && decided.is_none() && cx.is_num(a) && cx.kind(a + 1) != Some(TokKind::Percent) {
        let own = (a + 1..(a + 4).min(b)).find(|&j| {
            cx.f(j) & INTERNAL != 0 && !cx.lower_in(j, &["people", "person", "leads"])
                || cx.lower_in(j, &["curators", "maintainers", "moderators", "ambassadors"])
        });
        // ("200 employees say they know the programme's purpose": a survey)
        if let Some(p) = own.filter(|_| !perceived(cx, a, b)) {
            sc += cx.cue(
                CueKind::Headcount,
                a,
                p + 1,
                "counts the team's own people, which is staffing: output",
                3.0,
            );
            decided = Some(true);
        }
    }

    // ---- one outsider acting, or a number of them: "Strategic cloud partner chooses
    // GitLab", "N1 expands": what customers do is behaviour
    if !verb_lead && decided.is_none() {
        let subject = (a..(a + 4).min(b))
            .find(|&k| cx.f(k) & OUTSIDER != 0 && cx.f(k + 1) & CUSTOMER_ACT != 0)
            .or_else(|| (cx.is_num(a) && cx.f(a + 1) & CUSTOMER_ACT != 0).then_some(a));
        if let Some(k) = subject {
            sc += cx.cue(
                CueKind::BehaviourChange,
                k,
                (k + 2).min(b),
                "describes what customers do, which is behaviour",
                -2.5,
            );
            decided = Some(false);
            behaviour = true;
        }
    }

    // ---- use by people: "go-ipld-prime is used by ipfs", "the portal is adopted
    // internally". Voluntary use is behaviour, whoever built the thing (rule 6).
    if !verb_lead && decided.is_none() {
        let used = (a + 1..b).find(|&j| {
            cx.lower_in(j, &["used", "using", "adopted"])
                && (cx.t.get(j + 1).is_some_and(|k| k.has(BY))
                    || cx.lower_in(j - 1, &["is", "are", "being", "be", "been", "widely"])
                    // "Multiple organizations using PostHog Cloud"
                    || cx.lower_in(j, &["using"]) && cx.t[j - 1].has(ACT))
                // "can be used" is a capability
                && !(j.saturating_sub(3)..j).any(|i| cx.t[i].has(CAN))
                // "adopted by City Council": a decision taken, not use
                && !(cx.lower_in(j, &["adopted"])
                    && (j + 2..b.min(j + 6)).any(|i| cx.lower_in(i, GOVERNING_BODIES)))
        });
        if let Some(u) = used {
            sc += cx.cue(
                CueKind::BehaviourChange,
                u,
                u + 1,
                "describes people using something, which is behaviour",
                -3.0,
            );
            decided = Some(false);
            behaviour = true;
        }
    }

    // ---- fewer of what the organisation runs for itself, or of what it calls left
    // over, noun first: "Terraform workspaces reduced from 310 to 45", "Legacy Looker
    // explores 220→60" is clean-up (rule 11)
    if !verb_lead
        && decided.is_none()
        && change
        && let Some(h) = (a..b.min(a + 5)).find(|&j| internal_estate(cx, j) || left_over(cx, a, j))
        // ("Stockouts on top-200 SKUs reduced": a measure of them shrinks)
        && !(a..h).any(|j| {
            cx.f(j) & MET != 0 && cx.f(j) & DEL == 0 && (j + 1..h).any(|p| cx.f(p) & PREP != 0)
        })
        && (cx.lower_in(h + 1, SHRUNK)
            || cx.lower_in(h + 1, BE_FORMS) && cx.lower_in(h + 2, SHRUNK)
            // terse: "Terraform modules 300→40", "Bank accounts 41→12 (consolidation)"
            || falls_to(cx, h + 1))
    {
        sc += clean_up_cue(cx, h);
        decided = Some(true);
    }

    // ---- a channel people choose: "Parking permits renewed online, not at the
    // counter", "Most new workspaces are provisioned through our Terraform provider"
    if !verb_lead
        && decided.is_none()
        && let Some(h) = channel_shift(cx, a, b)
    {
        // the subject and its verb: "Residents book", "permits renewed"
        let end = if cx.kind(h + 1) == Some(TokKind::Word) && cx.f(h + 1) & (PREP | DET) == 0 {
            h + 2
        } else {
            h + 1
        };
        sc += cx.cue(
            CueKind::BehaviourChange,
            h,
            end,
            "says which way people choose to get it done, which is behaviour",
            -3.0,
        );
        decided = Some(false);
        behaviour = true;
    }

    // ---- how people feel about it: "people are happy with the replacement"
    if !verb_lead
        && decided.is_none()
        && let Some(k) = (a..b.min(a + 3)).find(|&j| t[j].has(ACT) && !t[j].has(MET))
        && let Some(f) = (k + 1..b.min(k + 4)).find(|&j| cx.lower_in(j, SATISFIED))
        && (k + 1..f).all(|j| cx.lower_in(j, BE_FORMS) || cx.lower_in(j, &["very", "more"]))
    {
        sc += cx.cue(
            CueKind::BehaviourChange,
            k,
            f + 1,
            "says how satisfied people are, a result",
            -3.0,
        );
        decided = Some(false);
        out.measured_change = true;
    }

    // ---- people who complain, or who join: "David doesn't complain about spam
    // anymore", "two new projects join the CDF" (but "2 engineers join the team" is hiring)
    if !verb_lead
        && decided.is_none()
        && let Some(j) = (a + 1..b).find(|&j| {
            cx.lower_in(j, &["complain", "complains", "complaining"])
                || cx.lower_in(j, &["join", "joins"])
                    && !(j + 1..b.min(j + 5)).any(|x| cx.lower_in(x, TEAMS_JOINED))
                    // several of them: "New CFO joins by March" is one hire
                    && (a..j).any(|x| {
                        cx.is_num(x)
                            || t[x].has(NUMW)
                            || cx
                                .token_text(x)
                                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
                    })
                    && !(a..j).any(|x| {
                        t[x].has(HIRE)
                            || cx.lower_in(x, HEADCOUNT_WORDS)
                            || cx.lower_in(x, &["hires", "employees", "starters", "joiners"])
                    })
        })
    {
        let meaning = if cx.lower_in(j, &["join", "joins"]) {
            "says others choose to join, which is behaviour"
        } else {
            "says whether people complain, which is quality"
        };
        sc += cx.cue(CueKind::BehaviourChange, j, j + 1, meaning, -3.0);
        decided = Some(false);
    }

    // ---- money a subject brings in: "Spring appeal raises £250k"
    if !verb_lead
        && decided.is_none()
        && (a + 1..b).any(|j| cx.kind(j) == Some(TokKind::Other) || cx.is_currency_code(j))
        && let Some((j, end)) = (a + 1..b).find_map(|j| {
            if !cx.lower_in(j, MONEY_IN_VERBS) {
                None
            } else if money_at(cx, j + 1) {
                Some((j, j + 3))
            } else if cx.f(j + 1) & IN != 0 && money_at(cx, j + 2) {
                Some((j, j + 4)) // "brings in £1m"
            } else {
                None
            }
        })
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            j,
            end.min(b),
            "is money brought in: a business result",
            -3.0,
        );
        decided = Some(false);
    }

    // ---- subject-first sentences: behaviour, capability, delivered states
    if !verb_lead && decided.is_none() {
        // behaviour: plural actor subject followed by a verb-like word
        let lim = b.min(a + 9);
        if has.flags & ACT != 0
            && let Some(k) =
                (a..lim).find(|&j| t[j].has(ACT) && !t[j].has(MET) || t[j].has(ACT) && j == a)
        {
            // ("a diagram of the community structure" is about the people, not by them)
            let before_ok = (a..k).all(|j| {
                j == a
                    || !t[j].has(DV | CV | WV | PREP)
                    || t[j].has(OF) && !t[j - 1].has(DEL)
                    || t[j].has(CMPW)
            });
            let nk = cx.f(k + 1);
            // "People Group", "Community WG": a unit of the organisation, which delivers
            let unit = cx.f(k + 1) & UNIT != 0
                // "Community health dashboard set up": a deliverable named after them
                // ("Users share dashboards": a plural subject and its verb)
                || k + 2 < b
                    && !cx.token_text(k).is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
                    && cx.f(k + 1) & MET != 0
                    && cx.f(k + 1) & (DEL | DV | CV | WV | CR | CAN | RECV) == 0
                    && cx.f(k + 2) & DEL != 0
                    && cx.f(k + 2) & MET == 0
                // "audience personas … are defined": a delivered state, not behaviour
                // (past a with-clause too: "personas with demographics are defined")
                || (k + 2..t.len()).any(|j| {
                    t[j].has(DP) && cx.lower_in(j - 1, BE_FORMS)
                })
                // "Schools learning programme redesigned": a programme named for them
                || k + 2 < b
                    && cx.ends_ing(k + 1)
                    && nk & (DV | CV | WV | RECV | ACQ | MET) == 0
                    && cx.f(k + 2) & DEL != 0
                    && cx.f(k + 2) & MET == 0;
            if before_ok && k + 1 < b && !unit {
                let be = cx.word_in(
                    k + 1,
                    set(&[W::Are, W::Is, W::Have, W::Has, W::Will, W::Be, W::Get]),
                );
                if nk & CAN != 0 && cx.lower_in(k + 2, KNOWING) {
                    // "80% of staff can explain the incident process": what
                    // people know, not a feature
                    sc += cx.cue(
                        CueKind::BehaviourChange,
                        k,
                        (k + 3).min(b),
                        "says what people know, which is behaviour",
                        -2.5,
                    );
                    decided = Some(false);
                    behaviour = true;
                } else if (nk & CAN != 0 || be && cx.f(k + 2) & CAN != 0)
                    && let Some(z) = time_limit(cx, k + 2, b)
                {
                    // "Engineers can deploy to production in under 10 minutes":
                    // how fast people can do it, a performance level
                    sc += cx.cue(
                        CueKind::MetricChange,
                        k,
                        z,
                        "says how fast people can do it, a performance level",
                        -2.5,
                    );
                    decided = Some(false);
                } else if nk & CAN != 0 || be && cx.f(k + 2) & CAN != 0 {
                    let end = (k + 3).min(b);
                    sc += cx.cue(
                        CueKind::Capability,
                        k,
                        end,
                        "says a capability exists, which is a delivered feature",
                        3.5,
                    );
                    decided = Some(true);
                } else if nk & RECV != 0
                    && (k + 1..b).any(|j| {
                        cx.word_in(
                            j,
                            set(&[
                                W::Module,
                                W::Course,
                                W::Courses,
                                W::Training,
                                W::Bootcamp,
                                W::Curriculum,
                                W::Report,
                                W::Reports,
                                W::Certification,
                            ]),
                        )
                    })
                {
                    sc += cx.cue(
                        CueKind::RolloutCoverage,
                        k,
                        k + 2,
                        "is people completing or receiving an output, which is rollout",
                        2.5,
                    );
                    decided = Some(true);
                } else if !be
                    && t[k + 1].kind == TokKind::Word
                    && (nk & (DEL | ACT | ROLL | PREP | DP | NUMW | CAL | TU | AND) == 0
                        || cx.word_is(k + 1, W::That)
                        || nk & MET != 0
                            && nk & DEL == 0
                            && !cx.is_num(k + 2)
                            && cx.f(k + 2) & (DET | CMPW | MET) != 0
                        || nk & DV != 0 && nk & RECV == 0
                        || cx.word_is(k + 1, W::Who)
                        || cx.word_is(k + 1, W::Make))
                    && (nk & DET == 0 || cx.word_is(k + 1, W::That))
                {
                    sc += cx.cue(
                        CueKind::BehaviourChange,
                        k,
                        k + 2,
                        "describes what people do, which is behaviour",
                        -3.0,
                    );
                    behaviour = true;
                }
            }
        }
        // (the next two need an `is` or `are`)
        let copula = has.words & set(&[W::Is, W::Are]) != 0;
        // a capability: "Companion is able to upload data", "the portal can export CSV"
        if decided.is_none() && !behaviour && copula {
            let able = (a + 1..b.min(a + 8)).find(|&j| {
                cx.word_in(j - 1, set(&[W::Is, W::Are]))
                    && cx.lower_in(j, &["able"])
                    && cx.f(j + 1) & TO != 0
            });
            if let Some(c) = able {
                sc += cx.cue(
                    CueKind::Capability,
                    c - 1,
                    (c + 2).min(b),
                    "says a capability exists, which is a delivered feature",
                    3.5,
                );
                decided = Some(true);
            }
        }
        // what a deliverable does: "The app launcher supports at least one messaging
        // feature", "1 new tutorial covers introductory concepts" (rule 5), unlike how
        // much it handles ("supports 10k concurrent users", a level of performance)
        if decided.is_none() && !behaviour {
            let does = (a + 1..b.min(a + 7)).find(|&j| {
                // "Training opportunities exist for all core services"
                let exists = cx.lower_in(j, &["exist", "exists"]) && (a..j).any(|x| t[x].has(DEL));
                (exists
                    || cx.lower_in(j, CAPABILITY_VERBS)
                        && t[j - 1].has(DEL)
                        && !t[j - 1].has(MET | ACT))
                    && (a..j).all(|x| {
                        matches!(t[x].kind, TokKind::Word | TokKind::Num | TokKind::Plus)
                            && !t[x].has(DV | CV | WV | PREP | DP)
                    })
            });
            if let Some(v) = does
                && (cx.lower_in(v, &["exist", "exists"])
                    || !(v + 1..b).any(|j| {
                        t[j].has(ACT | TU)
                            || t[j].has(MET) && !t[j].has(DEL)
                            || t[j].kind == TokKind::Percent
                    }))
            {
                sc += cx.cue(
                    CueKind::Capability,
                    v - 1,
                    v + 1,
                    "says what a deliverable does, which is a delivered feature",
                    2.5,
                );
                decided = Some(true);
            }
        }
        // a quality of the product: "go-ipld-prime is fast and easy to use"
        if decided.is_none() && !behaviour && copula {
            let quality = (a + 1..b.min(a + 8))
                .find(|&j| cx.word_in(j - 1, set(&[W::Is, W::Are])) && cx.f(j) & QUALITY_ADJ != 0);
            if let Some(q) = quality {
                sc += cx.cue(
                    CueKind::CustomerOrBusinessEffect,
                    q,
                    q + 1,
                    "is a quality people get from the product, a result",
                    -2.5,
                );
                decided = Some(false);
            }
        }
        // how people fare: "Users are happier with the app", "Customers are more satisfied"
        if decided.is_none() && !behaviour && copula {
            let fare = (a + 1..b.min(a + 8)).find(|&j| {
                cx.word_in(j - 1, set(&[W::Is, W::Are]))
                    && (a..j - 1).any(|x| t[x].has(ACT) && !t[x].has(DEL))
                    && (t[j].has(COMPAR) && !t[j].has(DP)
                        || cx.lower_in(j, &["more", "less"])
                            && t.get(j + 1)
                                .is_some_and(|n| n.kind == TokKind::Word && !n.has(DP | DEL | MET)))
            });
            if let Some(q) = fare {
                sc += cx.cue(
                    CueKind::BehaviourChange,
                    q,
                    q + 1,
                    "says how people fare, a result",
                    -2.5,
                );
                decided = Some(false);
            }
        }
        // possession of an output: "Peer-base has a glossary", "We have a source of truth".
        // That a thing now exists says it was made, unless what is had is a level ("has an
        // NPS of 50").
        if decided.is_none()
            && !behaviour
            && !change
            && !threshold
            && !timely
            && has.words & set(&[W::Has, W::Have]) != 0
        {
            let had = (a + 1..b.min(a + 9)).find(|&j| cx.word_in(j, set(&[W::Has, W::Have])));
            if let Some(h) = had {
                let mut d = h + 1;
                if cx.lower_in(d, &["and"])
                    && cx.lower_in(d + 1, &["maintains", "maintain", "keeps", "keep"])
                {
                    d += 2;
                }
                let valued = (d..b).any(|j| cx.is_num(j) || t[j].kind == TokKind::Percent);
                let outsiders = (a..h).any(|j| cx.f(j) & OUTSIDERS != 0);
                if cx.f(d) & DET != 0 && !valued && !outsiders {
                    sc += cx.cue(
                        CueKind::Deliverable,
                        h,
                        (d + 2).min(b),
                        "says an output now exists, so it was made: a delivery",
                        2.5,
                    );
                    decided = Some(true);
                }
            }
        }
        // delivered state: "migrated", "rolled out", "live"
        if decided.is_none() && !behaviour {
            let start = if lead.has(DP) && cx.f(a + 1) & ACT != 0 {
                a + 1
            } else {
                a
            };
            let candidates = has.flags & DP != 0 || has.words & set(&[W::Complete, W::Place]) != 0;
            if candidates
                && let Some(d) = (start..b).find(|&j| {
                    (t[j].has(DP)
                        // "claims submitted increases by 5%": part of the subject of a change
                        && !(change && (j + 1..b).any(|x| t[x].has(CR)))
                        // "releases rolled back" failed; "self-assessed" says who measured
                        && !cx.lower_in(j + 1, &["back"])
                        // "below 5% of bills issued": what a share is of
                        && !(j >= a + 3
                            && t[j - 2].has(OF)
                            && t[j - 3].kind == TokKind::Percent
                            && (a..j - 3).any(|x| t[x].has(CMPW)))
                        && !cx.token_text(j).is_some_and(|w| w.starts_with("self-"))
                        // "qualified pipeline", "completed orders": an adjective of a measure;
                        // "an internally available dashboard": of a thing
                        && !(j + 1 < b
                            && t[j + 1].has(MET)
                            && !t[j + 1].has(DEL)
                            // "We've benchmarked conversion rates": a verb and its object
                            && !(j > a && cx.lower_in(j - 1, &["have", "has", "had", "ve"])))
                        && !(j > a
                            && j + 1 < b
                            && t[j + 1].has(DEL)
                            && t[j + 1].kind == TokKind::Word
                            && !cx.lower_in(j - 1, BE_FORMS))
                        || j > a
                            && cx.word_is(j, W::Complete)
                            && (j + 1 == b || t[j + 1].has(PREP) && !t[j + 1].has(OF))
                        || j > a + 1 && t[j - 1].has(IN) && cx.word_is(j, W::Place))
                        && !(j > a && t[j - 1].has(CMPW | CR) && !cx.word_is(j, W::Live))
                        // "as defined by DORA", "than those they replaced": a clause
                        // that qualifies the main one says nothing was delivered
                        && !(j > a && cx.lower_in(j - 1, &["as"]))
                        // "ratings on City Services being available": what the
                        // measure is about, in a clause of its own
                        && !(j > a + 1
                            && cx.word_is(j - 1, W::Being)
                            && (a..j - 1).any(|x| t[x].has(PREP)))
                        && !(a..j).rev().take(3).any(|x| cx.lower_in(x, &["than"]))
                        // "non-OCTO built capabilities": a participle before its noun
                        // describes the thing; the sentence's verb is elsewhere
                        && !(j > a
                            && j + 2 < b
                            && t[j + 1].kind == TokKind::Word
                            && !t[j + 1].has(
                                DET | PREP | AND | OF | TO | BY | IN | WITH | FOR | ON | AT
                                    | FROM | WITHIN | BEFORE | NEG | CAL | TU | NUMBER | NUMW
                                    | DP | DV,
                            )
                            && !cx.ends_ly(j + 1)
                            && !cx.lower_in(j - 1, BE_FORMS)
                            && !cx.lower_in(j - 1, &["have", "has", "had", "ve", "get", "got"]))
                })
            {
                let mut end = d + 1;
                if cx.word_is(d + 1, W::Out)
                    || cx.word_is(d + 1, W::Up)
                    || cx.word_is(d + 1, W::Off)
                    || cx.word_is(d + 1, W::In) && cx.word_is(d + 2, W::Place)
                {
                    end += if cx.word_is(d + 1, W::In) { 2 } else { 1 };
                }
                let by_people = cx.f(end) & BY != 0
                    && (cx
                        .value_at(end + 1)
                        .is_some_and(|z| cx.kind(z - 1) == Some(TokKind::Percent))
                        || (end + 1..b.min(end + 4)).any(|x| t[x].has(ACT) && !t[x].has(ROLL)));
                // "are completed without any manual editing", "resolved without talking to
                // an agent": how it gets done (rule 5); "issued without exceptions" only
                // qualifies the deliverable (rule 4)
                let contrast = (end..b).find(|&x| {
                    t[x].has(CONTRAST)
                        && (cx.ends_ing(x + 1) || cx.lower_in(x + 1, &["any", "manual", "human"]))
                });
                if by_people {
                    sc += cx.cue(
                        CueKind::BehaviourChange,
                        d,
                        (end + 2).min(b),
                        "says what people do with it, which is behaviour",
                        -3.0,
                    );
                    behaviour = true;
                } else if cx.lower_in(end, FASTER)
                    || cx.lower_in(end, &["easier", "better", "smoother"])
                {
                    // "Claims are approved faster": the same work done better
                    sc += cx.cue(
                        CueKind::MetricChange,
                        d,
                        end + 1,
                        "asks for the work to get done better, a measured improvement",
                        -2.5,
                    );
                    decided = Some(false);
                } else if jobs_created(cx, d, a) {
                    sc += cx.cue(
                        CueKind::CustomerOrBusinessEffect,
                        d - 1,
                        d + 1,
                        "counts jobs created, an economic result",
                        -3.0,
                    );
                    decided = Some(false);
                } else if let Some(w) = customers_won(cx, d, a) {
                    // "20k new savers acquired from the spring ISA push"
                    sc += cx.cue(CueKind::CustomerOrBusinessEffect, w, d + 1, WON, -3.0);
                    decided = Some(false);
                } else if let Some(m) = amount_done(cx, d, a, b) {
                    sc += cx.cue(
                        CueKind::CustomerOrBusinessEffect,
                        m,
                        m + 1,
                        "is a business measure the key result has raised, a result",
                        -3.0,
                    );
                    decided = Some(false);
                } else if let Some((v, z)) = level_after_relative(cx, a, d, b) {
                    sc += cx.cue(
                        CueKind::Threshold,
                        v,
                        z,
                        "is a level what the participle names must keep: quality, a result",
                        -3.0,
                    );
                    decided = Some(false);
                } else if let Some(z) = done_by_outsiders(cx, d.saturating_sub(1), b) {
                    // "min. 150 articles written by international media"
                    sc += cx.cue(
                        CueKind::BehaviourChange,
                        d,
                        z,
                        "is done by people outside the team, which is behaviour",
                        -3.0,
                    );
                    decided = Some(false);
                } else if let Some(c) = contrast {
                    sc += cx.cue(
                        CueKind::BehaviourChange,
                        c,
                        (c + 2).min(b),
                        "says how the work gets done, which is behaviour or quality",
                        -3.0,
                    );
                    behaviour = true;
                } else if let Some(j) = (cx.f(d) & RECV != 0)
                    .then(|| (a..b.min(d + 5)).find(|&j| inbound(cx, j)))
                    .flatten()
                {
                    // "CFP receives 300+ submissions": what others send in
                    sc += cx.cue(CueKind::BehaviourChange, j, j + 1, SENT_IN, -3.0);
                    decided = Some(false);
                } else if timely
                    && !cx.lower_in(d, ONE_OFF_DONE)
                    && !(d > a && cx.word_is(d - 1, W::Being))
                    && ((a..d).any(|j| {
                        t[j].kind == TokKind::Percent
                            || cx.lower_in(
                                j,
                                &[
                                    "percent",
                                    "percentage",
                                    "share",
                                    "proportion",
                                    "all",
                                    "every",
                                    "each",
                                ],
                            )
                    }) || (d..b).any(|j| {
                        // "Grant reports delivered within 30 days of each quarter end"
                        cx.lower_in(j, &["each", "every"]) && j > d + 1
                    }) || d == a + 1
                        // "potholes fixed <5d of report": a kind of work, every
                        // one of it
                        && cx.token_text(a).is_some_and(|w| {
                            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                        })
                        || (d..t.len().saturating_sub(3)).any(|j| {
                            // "Potholes fixed within 72h of a report, 90% of the time"
                            t[j].kind == TokKind::Percent
                                && t[j + 1].has(OF)
                                && cx.lower_in(j + 3, &["time"])
                        }))
                {
                    // "95% of building permits issued within their timeframe": each
                    // one on time, again and again (rule 7)
                    sc += cx.cue(CueKind::RecurringTimeliness, d, end, DONE_ON_TIME, -3.0);
                    decided = Some(false);
                } else if let Some(z) = due_each_period(cx, d, b) {
                    // "Board risk MI pack delivered by WD5 every month": the same
                    // deadline met again and again (rule 7)
                    sc += cx.cue(CueKind::RecurringTimeliness, d, z, DONE_ON_TIME, -3.0);
                    decided = Some(false);
                } else if d > a && cx.lower_in(d, LEVEL_KEPT) && cx.word_in(d - 1, SERVICE_LEVELS) {
                    // "Review SLA met for 95% of requests": a level kept
                    sc += cx.cue(
                        CueKind::RecurringTimeliness,
                        d - 1,
                        end,
                        "is a service level kept",
                        -3.0,
                    );
                    decided = Some(false);
                } else {
                    let w = if d == a { 1.5 } else { 2.5 };
                    sc += cx.cue(
                        CueKind::DeliveryVerb,
                        d,
                        end,
                        "says something was delivered",
                        w,
                    );
                    // "95% of services …", "for 100% of production services"
                    if has.flags & ROLL != 0
                        && let Some(r) = (a..b).find(|&j| {
                            t[j].has(ROLL)
                                && (j >= a + 2
                                    && (t[j - 1].has(ALL) || t[j - 2].has(OF) || t[j - 1].has(OF)))
                        })
                    {
                        sc += cx.cue(
                            CueKind::RolloutCoverage,
                            r.saturating_sub(3).max(a),
                            r + 1,
                            "is rollout coverage, which is output",
                            1.0,
                        );
                    }
                }
            }
        }
    }

    // ---- coverage over rollout targets without a delivery verb: "95% of services emit traces"
    let percent_of = if decided == Some(true) || !has.percent {
        None
    } else {
        (a..b).find(|&j| t[j].kind == TokKind::Percent && cx.f(j + 1) & OF != 0)
    };
    if let Some(p) = percent_of {
        let rollout_ok = decided.is_none() && !behaviour && !cx.cues.has(CueKind::DeliveryVerb);
        let hundred = p > a && cx.text_is(p - 1, W::N100);
        // "compliance completed and covering 100% of transactions": what the delivery covers
        let covering = p >= a + 2
            && cx.lower_in(p - 2, &["covering", "covers", "cover", "across"])
            && cx.cues.has(CueKind::DeliveryVerb);
        let for_share = p >= a + 2 && t[p - 2].has(FOR | IN | ON) && !hundred;
        let mut j = p + 2;
        while j < b && t[j].has(DET)
            || j < b
                && t[j].kind == TokKind::Word
                && !t[j].has(ROLL | EVT | MET | ACT | PREP)
                && j < p + 5
        {
            j += 1;
        }
        // "100% of inbound leads are scored", "100% of trials are given health scores":
        // every item handled a new way is a rollout (rule 6)
        let all_done = hundred
            && rollout_ok
            && !threshold
            && !timely
            && (p + 2..b.min(p + 8)).any(|j| {
                cx.lower_in(j - 1, &["are", "is", "get", "gets"])
                    && (t[j].has(DP) || cx.ends_ed(j) || cx.lower_in(j, &["given"]))
            });
        if all_done {
            sc += cx.cue(
                CueKind::RolloutCoverage,
                p.saturating_sub(1),
                (p + 3).min(b),
                "is every item handled the new way, which is rollout coverage",
                2.0,
            );
            decided = Some(true);
        } else if covering {
            sc += cx.cue(
                CueKind::RolloutCoverage,
                p.saturating_sub(2),
                (j + 1).min(b),
                "is how far the delivery reaches, which is rollout coverage",
                2.0,
            );
        } else if j < b && t[j].has(ROLL | EVT) && cx.lower_in(j + 1, SERVED) && !threshold {
            // "99.999% of jobs processed": each one handled as it comes, a
            // reliability level (but "100% of jobs migrated" is a rollout)
            sc += cx.cue(
                CueKind::Threshold,
                p.saturating_sub(1),
                (j + 2).min(b),
                "is a service level across events",
                -2.0,
            );
            threshold = true;
        } else if rollout_ok && j < b && t[j].has(ROLL) && !t[j].has(ACT) {
            sc += cx.cue(
                CueKind::RolloutCoverage,
                p.saturating_sub(1),
                j + 1,
                "is rollout coverage, which is output",
                2.0,
            );
        } else if j < b && (t[j].has(EVT) || for_share && t[j].has(ACT)) && !threshold {
            cx.cue(
                CueKind::Threshold,
                p.saturating_sub(1),
                j + 1,
                "is a service level across events",
                0.0,
            );
            threshold = true;
        }
    }

    // ---- a delivery that must draw a measured response: "a launch with 5,000
    // registrations", "2 webinars with 500 registrants". The response is an equal part
    // (rule 3), unlike qualifiers of the deliverable itself ("released with 12 triggers").
    // The with-clause ends the main clause, so look to the end of the sentence.
    let sentence_end = (b..t.len())
        .find(|&j| {
            t[j].kind == TokKind::Punct
                && cx
                    .text
                    .get(t[j].start as usize..t[j].end as usize)
                    .is_some_and(|p| p == "." || p == ";")
        })
        .unwrap_or(t.len());
    let verbless_deliverable = decided.is_none()
        && !verb_lead
        && !cx.cues.has(CueKind::DeliveryVerb)
        && (a..(a + 6).min(b)).any(|j| t[j].has(DEL) && !t[j].has(MET));
    // "Test the checkout with 20 users", "Stand up coverage with 8 new agents":
    // people taking part in the work, or staff, are no response to it
    // ("Sign roaming agreements with two more operators": the other party of an
    // agreement made with them)
    let takes_part = || {
        cx.lower_in(
            a,
            &[
                "test",
                "interview",
                "pilot",
                "trial",
                "validate",
                "prototype",
                "research",
                "stand",
                "staff",
            ],
        ) || (a + 1..b).any(|j| {
            // (a service-level agreement is a level kept, not a party won)
            cx.lower_in(j, MADE_WITH) && !cx.lower_in(j - 1, &["service-level", "level", "service"])
        })
    };
    if (decided == Some(true) || verbless_deliverable)
        && !takes_part()
        && let Some((w, m)) = (a + 1..sentence_end)
            // "Partner with 3 universities": the verb's own `with`, no qualifier
            .filter(|&j| t[j].has(WITH) && j > a + 1)
            .find_map(|j| {
                // "with at least 10 customers", "with over 500 registrants"
                let mut v = j + 1;
                while v < j + 3 && (cx.f(v) & CMPW != 0 || cx.lower_in(v, &["at"])) {
                    v += 1;
                }
                // "with zero compliance failures" qualifies the delivery (rule 4)
                if cx.lower_in(v, &["zero", "no", "0"]) {
                    return None;
                }
                // "4 new products launched with $200M+ combined TVL": money the
                // delivery draws (but "with a $10k budget" is money it spends)
                if money_at(cx, v) {
                    let amount = cx.value_at(v + 1)?;
                    return (!(amount..(amount + 3).min(sentence_end))
                        .any(|m| cx.lower_in(m, MONEY_SPENT)))
                    .then_some((j, amount - 1));
                }
                let end = cx.value_at(v)?;
                // "a timelock with 48h delay": a duration of the thing, no response
                if timed_number(cx, v) || cx.f(end - 1) & TU != 0 {
                    return None;
                }
                (end..(end + 3).min(sentence_end))
                    .find(|&m| t[m].has(MET | ACT) && !t[m].has(DEL | ROLL))
                    .filter(|&m| {
                        !cx.lower_in(m, HEADCOUNT_WORDS)
                            && !cx.lower_in(m, OWN_GROUPS)
                            // "the graduate programme with 25 hires", "the Singapore
                            // office with 4 AEs" (rule 9)
                            && !cx.lower_in(m, &["hires", "recruits", "joiners", "aes", "ses", "sdrs", "bdrs", "csms"])
                            // "a test programme with 20 experiments": its own parts
                            && !cx.lower_in(
                                m,
                                &["experiments", "tests", "variants", "sessions", "talks", "tracks", "keynotes"],
                            )
                    })
                    .map(|m| (j, m))
            })
    {
        sc += cx.cue(
            CueKind::CustomerOrBusinessEffect,
            w + 1,
            m + 1,
            "counts a response of customers or users, which the delivery must draw",
            -4.0,
        );
        decided = Some(false);
        out.measured_change = true;
    }

    // ---- weights of the patterns
    let milestone_lead = decided == Some(true);
    if change {
        out.measured_change = true;
        if !milestone_lead {
            sc -= 2.5;
        }
    }
    if threshold && !milestone_lead {
        sc -= 2.0;
    }
    if timely {
        // "Deploy security patches within 48 hours": each of a class of items
        // (no determiner) has its own clock; a one-off "within" is a deadline
        // already (see `one_off_within`)
        let recurring = has.flags & (RECUR | EVT) != 0
            || has.flags & WITHIN != 0 && cx.f(a + 1) & (DET | NUMW) == 0 && !cx.is_num(a + 1);
        if milestone_lead && !recurring {
            // "Complete the migration in 6 weeks": a one-off duration
            sc -= 1.0;
        } else {
            sc -= 3.0;
            if recurring {
                sc -= 1.0;
            }
        }
    }
    let _ = deadline;
    // metric vocabulary
    if decided.is_none() {
        if has.flags & MET != 0
            && let Some(m) = (a..b).find(|&j| is_measure_word(cx, j, a, b))
        {
            // "Cloud cost", "Developer happiness": a measure named and nothing
            // else, as terse key results name what they watch
            // ("Continuous user feedback" is a practice; "Patient portal: online
            // appointment booking" names a feature after its product)
            let bare = !verb_lead
                && a == 0
                && m + 1 == b
                && !cx.lower_in(m, GATHERED)
                && b - a <= 3
                && (a..b).all(|j| cx.kind(j) == Some(TokKind::Word));
            let (w, why) = if bare {
                (-2.5, "names a measure and nothing else: a result to watch")
            } else if verb_lead {
                (-1.0, "is a customer or business measure")
            } else {
                (-1.5, "is a customer or business measure")
            };
            sc += cx.cue(CueKind::CustomerOrBusinessEffect, m, m + 1, why, w);
        }
        // negation after the subject: "App reviews stop mentioning login problems"
        let negated = if cx.cues.has(CueKind::DeliveryVerb)
            || cx.cues.has(CueKind::Negation)
            || has.words & set(&[W::Stop, W::Stops, W::Never, W::No]) == 0
        {
            None
        } else {
            (a + 1..b).find(|&j| {
                cx.word_is(j, W::Stop)
                    || cx.word_is(j, W::Stops)
                    || cx.word_is(j, W::Never)
                    || cx.word_is(j, W::No) && cx.word_is(j + 1, W::Longer)
            })
        };
        if let Some(g) = negated {
            let end = if cx.word_is(g, W::No) { g + 2 } else { g + 1 };
            sc += cx.cue(
                CueKind::Negation,
                g,
                end,
                "says a problem stops: a change in behaviour or quality",
                -2.5,
            );
        }
        // contrast: "without talking to sales", "instead of by phone", "by choice"
        // ("Use compositor RTrees rather than cached SkPictures" is a choice
        // the team makes for its own work, not people behaving otherwise)
        let team_choice = cx.lower_in(
            a,
            &[
                "use",
                "adopt",
                "switch",
                "prefer",
                "standardize",
                "standardise",
                "choose",
                "pick",
            ],
        );
        let contrast = if cx.cues.has(CueKind::DeliveryVerb)
            || team_choice
            || has.flags & CONTRAST == 0 && has.words & bit(W::Choice) == 0
        {
            None
        } else {
            (a..b).find(|&j| t[j].has(CONTRAST) || cx.word_is(j, W::Choice))
        };
        if let Some(c) = contrast {
            sc += cx.cue(
                CueKind::BehaviourChange,
                c,
                c + 1,
                "contrasts how people behave",
                -2.0,
            );
        }
        // the output does something for people: "Documentation answers 70% of questions"
        let output_effect =
            if behaviour || cx.cues.has(CueKind::DeliveryVerb) || has.flags & DEL == 0 {
                None
            } else {
                (a + 1..b.min(a + 5)).find(|&j| {
                    t[j - 1].has(DEL)
                        && third_person(cx, j)
                        && (cx.value_at(j + 1).is_some()
                            || cx.f(j + 1) & ACT != 0
                            || cx.f(j + 1) & DET != 0 && cx.f(j + 2) & (ACT | MET | EVT) != 0)
                })
            };
        if let Some(v) = output_effect {
            sc += cx.cue(
                CueKind::BehaviourChange,
                v,
                v + 1,
                "says what the output does for people, which is an effect",
                -2.0,
            );
            behaviour = true;
        }
        // "400 inbound demo requests from the Atlas launch", "Three tier-1
        // publications cover the 3.0 launch": what others do in response to a
        // delivery, which only names where the response comes from (rule 10)
        if !behaviour
            && !cx.cues.has(CueKind::DeliveryVerb)
            && let Some(r) = response_to_delivery(cx, a, b)
        {
            sc += cx.cue(
                CueKind::BehaviourChange,
                r,
                r + 2,
                "counts a response to the delivery it names, which is a result",
                -2.5,
            );
            behaviour = true;
        }
        // verbless deliverable: "New careers site", "Pricing page v3", "SOC 2 Type II"
        let verbless = !behaviour
            && !change
            && !threshold
            && !has.percent
            && !timely
            && !cx.cues.has(CueKind::DeliveryVerb);
        let deliverable = if verbless && has.flags & DEL != 0 {
            // "before launch", "by release": a moment named after a delivery
            (a..b).rev().find(|&j| {
                t[j].has(DEL)
                    && !(j > a
                        && t[j - 1].has(BEFORE | BY | AT)
                        && cx.lower_in(j, &["launch", "release", "go-live", "rollout", "cutover"]))
            })
        } else {
            None
        };
        // "Weekly active users of the internal search tool reach 2,000": the
        // deliverable is what the people counted use, not what is delivered
        let about = deliverable.and_then(|d| {
            (a + 1..d).find(|&x| {
                t[x].has(OF)
                    && t[x - 1].has(ACT)
                    && !t[x - 1].has(DEL)
                    && (a..x - 1).any(|y| cx.lower_in(y, USAGE_WORDS))
            })
        });
        // "Number of adopters of the SDK", "Number of contributors to the
        // docs": the people are what is counted (adoption, rule 2); the
        // deliverable after them only says which people
        let people_counted = if about.is_some() {
            None
        } else {
            deliverable.and_then(|d| {
                (a + 1..d).find(|&x| {
                    (t[x].has(OF) || cx.lower_in(x, &["to"]))
                        && t[x - 1].has(ACT | OUTSIDERS)
                        && !t[x - 1].has(DEL)
                        && (a..x - 1).any(|y| cx.word_is(y, W::Number) || cx.word_is(y, W::Count))
                })
            })
        };
        if let Some(x) = about {
            sc += cx.cue(
                CueKind::CustomerOrBusinessEffect,
                x - 1,
                x,
                "counts people using what follows `of`, which is behaviour",
                -2.5,
            );
        } else if let Some(x) = people_counted {
            sc += cx.cue(
                CueKind::CustomerOrBusinessEffect,
                x - 1,
                x,
                "counts people won over, which is a result; what follows says which",
                -2.5,
            );
        } else if let Some(d) = deliverable {
            // ("Digital literacy classes": a measure word naming what a deliverable is
            // about is no measure)
            let has_met =
                (a..b).any(|j| t[j].has(MET) && !t[j].has(DEL) && !(j + 1 == d && t[d].has(DEL)));
            // "Two engineering blog posts a month", "4 webinars / quarter": a count
            // of what the team makes, per period or not (rule 1)
            // ("Seventy per cent of reports … come in online" is a share, not a count)
            let counted = !has_met
                && d < a + 5
                && cx
                    .value_at(a)
                    .is_some_and(|v| v <= d && t[v - 1].kind != TokKind::Percent)
                && !cx.lower_in(a + 1, &["per", "percent"]);
            if counted {
                sc += cx.cue(
                    CueKind::Deliverable,
                    a,
                    d + 1,
                    "counts what the team makes, which is output",
                    3.5,
                );
            } else {
                let w = if has_met { 1.0 } else { 2.5 };
                sc += cx.cue(CueKind::Deliverable, d, d + 1, "is a deliverable", w);
            }
        }
    }
    // "Ship the integration and get 25% of active workspaces connecting it": a
    // level of a result after the delivery, an equal part (rule 3)
    // ("and sign 15 creators" counts people won, no level)
    if !first
        && decided == Some(false)
        && (has.percent
            || (a..b).any(|j| cx.is_num(j)) && (a..b).any(|j| t[j].has(MET) && !t[j].has(ACT)))
    {
        out.measured_change = true;
    }
    out.score = sc;
    out
}
