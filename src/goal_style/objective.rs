//! Objective style: is an objective's title a project or deliverable, or a change for
//! customers or the business?

use super::cues::{Cue, CueBuf, CueKind};
use super::lexicon::{AND, DEL, DET, MET, PREP, WV};
use super::scan::{TokKind, with_tokens};
use super::score;

/// The verdict on an objective title.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveAssessment {
    project_style: bool,
    /// How sure the classifier is, from 0.5 to 1.0.
    pub confidence: f32,
    /// The evidence found, ordered by position.
    pub cues: Vec<Cue>,
}

impl ObjectiveAssessment {
    /// Whether the title names a project or deliverable ("Complete the CRM migration").
    #[must_use]
    pub fn is_project_style(&self) -> bool {
        self.project_style
    }
}

/// Classifies an objective title.
///
/// Uses the same cues as key results: a leading delivery verb or a bare deliverable makes
/// a project-style title; people behaving differently or a business result does not.
///
/// ```
/// use opmodel::goal_style::classify_objective;
///
/// assert!(classify_objective("Complete the CRM migration").is_project_style());
/// assert!(!classify_objective("New listeners find music they love in their first week")
///     .is_project_style());
/// // A weak verb decides nothing; what it delivers does.
/// assert!(classify_objective("Deliver the new pricing page").is_project_style());
/// // A delivery verb whose object is a result people hold is the change itself.
/// assert!(!classify_objective("Build trust with enterprise buyers").is_project_style());
/// assert!(classify_objective("Build the new partner portal").is_project_style());
/// assert!(classify_objective("Complete the ranking migration").is_project_style());
/// // A thing made new is a deliverable, whatever word names it.
/// assert!(classify_objective("Ship the new virtual cards experience").is_project_style());
/// assert!(!classify_objective("Give merchants a faster checkout experience").is_project_style());
/// ```
#[must_use]
pub fn classify_objective(title: &str) -> ObjectiveAssessment {
    let mut buf = CueBuf::new();
    let score = score::analyze(title, &mut buf);
    let cues = buf.sorted();
    // Titles are short and aspirational, so the key-result score alone is too
    // eager ("New customers are ready to bank in one sitting" is a change for
    // customers, "Meet every service level agreement" a level of service). A
    // project title either opens with a delivery verb ("Complete the CRM
    // migration") or is nothing but a deliverable ("New careers site").
    let opens_with_delivery = cues.iter().any(|c| {
        c.kind == CueKind::DeliveryVerb
            && c.weight > 0.0
            && title
                .get(..c.span.start)
                .is_some_and(|s| s.trim().is_empty())
    });
    let delivers = cues
        .iter()
        .any(|c| c.kind == CueKind::Deliverable && c.weight > 0.0)
        && !cues.iter().any(|c| c.weight < 0.0);
    let bare_deliverable = title.split_whitespace().count() <= 4 && delivers;
    // "Build trust with enterprise buyers", "Build awareness in Germany": a
    // delivery verb whose object is a result people hold is the change
    // itself; "Deliver the new pricing page": a weak verb whose object is
    // a deliverable is a project.
    let (object_is_result, weak_verb_opens) = with_tokens(title, |t| {
        // The object's words: after the verb and any determiner, up to a
        // preposition, a conjunction or punctuation ("the ranking
        // migration" is a migration, whatever ranks).
        let start = (1..t.len().min(4)).find(|&j| !t[j].has(DET));
        let phrase = start.map_or(&t[..0], |s| {
            let end = (s..t.len())
                .find(|&j| t[j].kind != TokKind::Word || t[j].has(PREP | AND))
                .unwrap_or(t.len());
            &t[s..end]
        });
        // "the new card experience", "the redesigned onboarding flow": a
        // thing made new is a deliverable, whatever word names it.
        let novel = |k: &super::scan::Tok| {
            title
                .get(k.start as usize..k.end as usize)
                .is_some_and(|w| NOVEL.iter().any(|n| w.eq_ignore_ascii_case(n)))
        };
        let result =
            phrase.iter().any(|k| k.has(MET)) && !phrase.iter().any(|k| k.has(DEL) || novel(k));
        let weak = t
            .first()
            .is_some_and(|k| k.kind == TokKind::Word && k.has(WV));
        (result, weak)
    });
    let project_style = score > score::THRESHOLD
        && (opens_with_delivery && !object_is_result || bare_deliverable)
        || weak_verb_opens && delivers;
    ObjectiveAssessment {
        project_style,
        confidence: super::confidence(score),
        cues,
    }
}

/// Words that make what follows them a thing made new: a deliverable.
const NOVEL: [&str; 7] = [
    "new",
    "redesigned",
    "revamped",
    "refreshed",
    "reimagined",
    "rebuilt",
    "next-generation",
];
