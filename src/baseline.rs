//! Baselines: turn opmodel on for an org that already has findings, and
//! report only the new ones.
//!
//! `opmodel check --write-baseline FILE` records the findings of today
//! ([`Baseline::from_report`]); `opmodel check --baseline FILE` reports only
//! the findings that are not in it ([`Baseline::filter`]) and counts how
//! many were baselined and how many baselined findings are gone.
//!
//! A finding is matched by its check, the kind and id of its entity and a
//! [`key`] of what was found — its message with the numbers outside
//! backquotes removed, and its related entities, sorted — never by line or
//! column (nor by the position of a key result without an id of its own,
//! see [`stable_id`]): moving an entity, or editing another line of the file, does not
//! resurface it. Findings with the same check, entity and key are counted:
//! a baseline holding one such finding hides one of them, not every one.
//!
//! # File format
//!
//! A JSON object, written with sorted entries and a final newline:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"check": "orphaned-product", "kind": "product", "id": "web-player", "key": "product `web-player` has no accountable owner"},
//!     {"check": "idle-team", "kind": "team", "id": "ops", "key": "team `ops` owns no product", "count": 2}
//!   ]
//! }
//! ```
//!
//! `version` is [`VERSION`]; `count` is left out when it is 1. Files with
//! another version are refused ([`BaselineError::Version`]).
//!
//! ```
//! use opmodel::baseline::Baseline;
//! use opmodel::load::{Format, load_str};
//! use opmodel::Linter;
//!
//! let before = load_str("products:\n  - id: web-shop\n", Format::Yaml, "org.yaml");
//! let baseline = Baseline::from_report(&Linter::new().check(&before));
//!
//! // The same problem further down the file, and a new one.
//! let after = load_str(
//!     "\n\nproducts:\n  - id: web-shop\n  - id: gift-registry\n",
//!     Format::Yaml,
//!     "org.yaml",
//! );
//! let (report, outcome) = baseline.filter(Linter::new().check(&after));
//! assert!(report.diagnostics.iter().all(|d| d.entity.id == "gift-registry"));
//! assert!(outcome.baselined > 0);
//! assert_eq!(outcome.gone, 0);
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::report::Report;

/// The version of the baseline file format this library reads and writes.
pub const VERSION: u32 = 1;

/// Why a baseline file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BaselineError {
    /// The text is not a baseline object.
    #[error("not a baseline file: {0}")]
    Parse(#[from] serde_json::Error),
    /// The file was written by a version of opmodel with another format.
    #[error(
        "baseline format version {found} is not supported (this opmodel reads version {VERSION}); write it again with --write-baseline"
    )]
    Version {
        /// The version in the file.
        found: u32,
    },
}

/// What identifies a finding across edits of the org: never its line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// The check's name.
    pub check: String,
    /// The kind of the entity the finding is about (`product`, `team`, …).
    pub kind: String,
    /// The entity's id.
    pub id: String,
    /// What was found: see [`key`].
    pub key: String,
}

impl Entry {
    /// The entry of a finding.
    pub fn of(d: &Diagnostic) -> Self {
        let kind: &'static str = d.entity.kind.into();
        Self {
            check: d.check.to_string(),
            kind: kind.to_owned(),
            id: entity_id(d.entity.kind, &d.entity.id).into_owned(),
            key: key(d),
        }
    }

    /// A short stable fingerprint of the entry: 16 hex digits of a 64-bit
    /// FNV-1a hash of its fields (the SARIF `partialFingerprints` value).
    pub fn fingerprint(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for field in [&self.check, &self.kind, &self.id, &self.key] {
            for b in field.bytes().chain([0]) {
                hash ^= u64::from(b);
                hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{hash:016x}")
    }
}

/// An entity's id as a baseline keeps it: [`stable_id`], and a file's path
/// as it would be given from the current folder, without `./` (`org`,
/// `./org/` and the absolute path of `org` name its files alike).
fn entity_id(kind: crate::model::EntityKind, id: &str) -> std::borrow::Cow<'_, str> {
    if kind == crate::model::EntityKind::File {
        let path = std::path::Path::new(id);
        if path.is_absolute()
            && let Ok(here) = std::env::current_dir()
            && let Ok(inside) = path.strip_prefix(&here)
        {
            return std::borrow::Cow::Owned(inside.to_string_lossy().into_owned());
        }
        let mut rest = id;
        while let Some(after) = rest.strip_prefix("./") {
            rest = after.trim_start_matches('/');
        }
        return std::borrow::Cow::Borrowed(rest);
    }
    stable_id(id)
}

/// An id without what depends on its position. Ids the loader makes up
/// are numbered in file order: a key result without an id of its own is
/// `<objective id>#<n>`, an entity without an id `<section>[<n>]`. Their
/// numbers go (`okrs#2` is `okrs#`, `teams[3]` is `teams[]`); ids that
/// follow the id rule are kept as they are (they cannot hold `#` or `[`).
pub fn stable_id(id: &str) -> std::borrow::Cow<'_, str> {
    if crate::model::is_valid_id(id) || !id.contains(['#', '[']) {
        return id.into();
    }
    let mut out = String::with_capacity(id.len());
    let mut numbered = false;
    for c in id.chars() {
        if numbered && c.is_ascii_digit() {
            continue;
        }
        numbered = matches!(c, '#' | '[');
        out.push(c);
    }
    out.into()
}

/// The stable key of what a finding found: its message without the place
/// of a first definition it may end with (`, first at org/teams.yaml:12`),
/// with every run of digits outside backquotes removed (line and column
/// numbers, counts) and the numbers of generated key-result ids removed
/// everywhere (see [`stable_id`]), white space collapsed, then
/// ` | related:` and its related entities as sorted `kind:id` (when it has
/// any).
pub fn key(d: &Diagnostic) -> String {
    let mut out = String::with_capacity(d.message.len());
    let mut quoted = false;
    let mut space = false;
    let mut after_hash = false;
    let id = entity_id(d.entity.kind, &d.entity.id);
    let message = without_first_place(&d.message);
    let message = if id == *d.entity.id {
        std::borrow::Cow::Borrowed(message)
    } else {
        std::borrow::Cow::Owned(message.replace(&*d.entity.id, &id))
    };
    for c in message.chars() {
        if c == '`' {
            quoted = !quoted;
        }
        let numbered = after_hash && c.is_ascii_digit();
        after_hash = c == '#' || numbered;
        if numbered || (!quoted && c.is_ascii_digit()) {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let mut related: Vec<String> = d
        .related
        .iter()
        .map(|r| {
            let kind: &'static str = r.kind.into();
            format!("{kind}:{}", entity_id(r.kind, &r.id))
        })
        .collect();
    if !related.is_empty() {
        related.sort();
        related.dedup();
        out.push_str(" | related: ");
        out.push_str(&related.join(" "));
    }
    out
}

/// `message` without the `, first at <file>:<line>` a duplicate's message
/// ends with: the file is named as the run names it (`org/a.yaml` from the
/// repository's root, `a.yaml` from inside the folder, `old/a.yaml` in a
/// diff), and moving or renaming a file changes nothing that was found.
fn without_first_place(message: &str) -> &str {
    const FIRST_AT: &str = ", first at ";
    let Some(at) = message.rfind(FIRST_AT) else {
        return message;
    };
    let place = &message[at + FIRST_AT.len()..];
    let line = place.rsplit_once(':').map(|(_, line)| line);
    if line.is_some_and(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit())) {
        &message[..at]
    } else {
        message
    }
}

/// One line of the file: an entry and how many findings it stands for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Line {
    #[serde(flatten)]
    entry: Entry,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    count: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Line>,
}

/// The findings recorded in a baseline, each with how many times it occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Baseline {
    entries: BTreeMap<Entry, usize>,
}

/// Matches findings against a baseline one at a time: each finding of the
/// baseline matches one finding at most, the first ones in order (see
/// [`Baseline::matcher`]).
#[derive(Clone, Debug)]
pub struct Matcher {
    left: BTreeMap<Entry, usize>,
    held: usize,
}

impl Matcher {
    /// Whether the baseline holds `d`, one of its findings not matched yet
    /// (which `d` then uses up).
    pub fn holds(&mut self, d: &Diagnostic) -> bool {
        match self.left.get_mut(&Entry::of(d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                self.held += 1;
                true
            }
            _ => false,
        }
    }

    /// What matching did so far: the findings held, and the findings of
    /// the baseline nothing matched.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            baselined: self.held,
            gone: self.left.values().sum(),
        }
    }
}

/// What [`Baseline::filter`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Findings of the report that were in the baseline (not reported).
    pub baselined: usize,
    /// Findings of the baseline that the report no longer has.
    pub gone: usize,
}

impl Baseline {
    /// Every finding of the report.
    pub fn from_report(report: &Report) -> Self {
        let mut baseline = Self::default();
        for d in &report.diagnostics {
            baseline.add(d);
        }
        baseline
    }

    /// Reads a baseline file's text.
    ///
    /// # Errors
    ///
    /// [`BaselineError::Parse`] when it is not a baseline object,
    /// [`BaselineError::Version`] when its version is not [`VERSION`].
    pub fn from_json(text: &str) -> Result<Self, BaselineError> {
        // The version is read first, so that a later format gets the
        // version error rather than a parse error about its fields.
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let v: Versioned = serde_json::from_str(text)?;
        if v.version != VERSION {
            return Err(BaselineError::Version { found: v.version });
        }
        let file: File = serde_json::from_str(text)?;
        let mut entries = BTreeMap::new();
        for line in file.findings {
            *entries.entry(line.entry).or_insert(0) += line.count;
        }
        entries.retain(|_, n| *n > 0);
        Ok(Self { entries })
    }

    /// The baseline file's text: sorted entries, one per line, and a final
    /// newline.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\n  \"version\": {VERSION},\n  \"findings\": [");
        for (i, (entry, &count)) in self.entries.iter().enumerate() {
            out.push_str(if i == 0 { "\n    " } else { ",\n    " });
            let line = Line {
                entry: entry.clone(),
                count,
            };
            // A struct of strings and a number always serialises.
            out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        }
        if !self.entries.is_empty() {
            out.push_str("\n  ");
        }
        out.push_str("]\n}\n");
        out
    }

    /// How many findings it holds.
    pub fn len(&self) -> usize {
        self.entries.values().sum()
    }

    /// Whether it holds no finding.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether it holds the finding `d` (ignoring counts).
    pub fn contains(&self, d: &Diagnostic) -> bool {
        self.entries.contains_key(&Entry::of(d))
    }

    /// Which of `diagnostics` the baseline holds, in their order, and how
    /// many findings of the baseline none of them matched. Findings are
    /// matched by [`Entry`] (check, entity kind and [`stable_id`], [`key`]),
    /// never by place; each finding of the baseline matches one finding at
    /// most, the first ones in order.
    ///
    /// This is the matching of [`filter`](Self::filter), and of
    /// [`crate::diff`] for the findings a change introduces and resolves.
    pub fn matches(&self, diagnostics: &[Diagnostic]) -> (Vec<bool>, usize) {
        let mut matcher = self.matcher();
        let held = diagnostics.iter().map(|d| matcher.holds(d)).collect();
        (held, matcher.outcome().gone)
    }

    /// [`Self::matches`] one finding at a time, for findings that are
    /// never all in memory at once (see [`crate::Findings`]).
    ///
    /// ```
    /// use opmodel::baseline::Baseline;
    /// use opmodel::{Linter, load::{load_str, Format}};
    /// let old = Linter::new().check_model(&load_str("products:\n  - id: a\n", Format::Yaml, "org.yaml").model);
    /// let baseline = Baseline::from_report(&old);
    /// let new = Linter::new().check_model(&load_str("products:\n  - id: a\n  - id: b\n", Format::Yaml, "org.yaml").model);
    /// let mut matcher = baseline.matcher();
    /// let fresh: Vec<&str> = new.diagnostics.iter().filter(|d| !matcher.holds(d)).map(|d| d.entity.id.as_str()).collect();
    /// assert!(fresh.iter().all(|id| *id == "b"));
    /// assert_eq!(matcher.outcome().gone, 0);
    /// ```
    pub fn matcher(&self) -> Matcher {
        Matcher {
            left: self.entries.clone(),
            held: 0,
        }
    }

    /// Records the finding `d` (one more of it, when it is there already).
    pub fn add(&mut self, d: &Diagnostic) {
        *self.entries.entry(Entry::of(d)).or_insert(0) += 1;
    }

    /// The report without the findings of the baseline, its summary
    /// counting only what is left and recording the outcome
    /// ([`Summary::baselined`](crate::report::Summary::baselined),
    /// [`Summary::baseline_gone`](crate::report::Summary::baseline_gone)).
    /// The order of the findings is kept.
    pub fn filter(&self, mut report: Report) -> (Report, Outcome) {
        let (held, gone) = self.matches(&report.diagnostics);
        let baselined = held.iter().filter(|&&h| h).count();
        let mut held = held.into_iter();
        report
            .diagnostics
            .retain(|_| !held.next().unwrap_or_default());
        let outcome = Outcome { baselined, gone };
        let s = &mut report.summary;
        s.errors = count(&report.diagnostics, Severity::Error);
        s.warnings = count(&report.diagnostics, Severity::Warning);
        s.baselined = Some(outcome.baselined);
        s.baseline_gone = Some(outcome.gone);
        (report, outcome)
    }
}

/// The checks [`pair`] matches by their exact key only: an entity can have
/// several findings of each, each a problem of its own.
pub const EXACT_ONLY: [&str; 5] = [
    crate::load::INVALID_FILE,
    crate::load::INVALID_ENTITY,
    crate::graph::UNKNOWN_REFERENCE,
    crate::graph::DUPLICATE_ID,
    "unknown-allow",
];

/// Pairs the findings of two runs over two versions of an org: which
/// findings of `before` and of `after` have a partner in the other run.
///
/// First by [`Entry`], as a baseline matches them (check, entity kind and
/// [`stable_id`], [`key`]; never place). Then, among what is left, a
/// finding of the same check about the same entity is the same problem
/// reworded: a product that had no path to an outcome under one owner and
/// still has none under another, a product whose missing decision rights
/// went from three areas to two. Not for the checks whose message names
/// the problem itself ([`EXACT_ONLY`]: an unknown field, a reference to a
/// missing id), where another message is another problem, nor for key
/// results without an id of their own (their ids are positions). Each finding
/// has one partner at most, taken in order.
///
/// This is how [`crate::diff`] tells the findings a change introduces and
/// resolves from those it only moves or rewords.
pub fn pair(before: &[Diagnostic], after: &[Diagnostic]) -> (Vec<bool>, Vec<bool>) {
    use std::collections::VecDeque;
    let mut paired_before = vec![false; before.len()];
    let mut paired_after = vec![false; after.len()];
    let entries: Vec<Entry> = before.iter().map(Entry::of).collect();
    let mut waiting: BTreeMap<&Entry, VecDeque<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        waiting.entry(e).or_default().push_back(i);
    }
    for (j, d) in after.iter().enumerate() {
        if let Some(i) = waiting.get_mut(&Entry::of(d)).and_then(VecDeque::pop_front) {
            paired_before[i] = true;
            paired_after[j] = true;
        }
    }
    let loose = |e: &Entry| (e.check.clone(), e.kind.clone(), e.id.clone());
    // Ids made up from a position (`okrs#2`) name no one entity: their
    // findings pair by what they say only.
    let loosely = |e: &Entry| !EXACT_ONLY.contains(&e.check.as_str()) && !e.id.contains(['#', '[']);
    let mut waiting: BTreeMap<(String, String, String), VecDeque<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if !paired_before[i] && loosely(e) {
            waiting.entry(loose(e)).or_default().push_back(i);
        }
    }
    for (j, d) in after.iter().enumerate() {
        if paired_after[j] {
            continue;
        }
        if let Some(i) = waiting
            .get_mut(&loose(&Entry::of(d)))
            .and_then(VecDeque::pop_front)
        {
            paired_before[i] = true;
            paired_after[j] = true;
        }
    }
    (paired_before, paired_after)
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, EntityRef};
    use crate::source::{FileId, Location};

    fn finding(id: &str, message: &str, line: u32) -> Diagnostic {
        Diagnostic::new("idle-team", EntityRef::new(EntityKind::Team, id), message)
            .at(Some(Location::point(FileId::at(0), line, 3)))
    }

    fn report(diagnostics: Vec<Diagnostic>) -> Report {
        let mut r = Report {
            diagnostics,
            ..Report::default()
        };
        r.summary.errors = r.diagnostics.len();
        r
    }

    #[test]
    fn the_key_drops_numbers_outside_quotes_and_sorts_related() {
        let d = finding("t-1", "team `t-1` found a second at line 12  column 4", 1)
            .with_related(EntityKind::Product, "p2")
            .with_related(EntityKind::Product, "p1");
        assert_eq!(
            key(&d),
            "team `t-1` found a second at line column | related: product:p1 product:p2"
        );
    }

    #[test]
    fn generated_key_result_ids_lose_their_number() {
        assert_eq!(stable_id("growth#12"), "growth#");
        assert_eq!(stable_id("growth"), "growth");
        assert_eq!(stable_id("growth#"), "growth#");
        assert_eq!(stable_id("growth#x1"), "growth#x1");
        assert_eq!(stable_id("teams[12]"), "teams[]");
        assert_eq!(stable_id("web-2"), "web-2");
        let unnamed = Diagnostic::new(
            "invalid-entity",
            EntityRef::new(EntityKind::Team, "teams[3]"),
            "team `teams[3]` has no `id`",
        );
        assert_eq!(Entry::of(&unnamed).id, "teams[]");
        assert_eq!(Entry::of(&unnamed).key, "team `teams[]` has no `id`");
        let kr = |n: u32| {
            Diagnostic::new(
                "milestone-key-result",
                EntityRef::new(EntityKind::KeyResult, format!("growth#{n}")),
                format!("key result `growth#{n}` \"launch v2 by Q3\" reads as a milestone"),
            )
            .with_related(EntityKind::KeyResult, format!("growth#{}", n + 1))
        };
        assert_eq!(Entry::of(&kr(1)), Entry::of(&kr(4)));
        assert_eq!(Entry::of(&kr(1)).id, "growth#");
        assert_eq!(
            Entry::of(&kr(1)).key,
            "key result `growth#` \"launch v by Q\" reads as a milestone | related: key-result:growth#"
        );
    }

    #[test]
    fn lines_do_not_matter_and_counts_do() {
        let before = report(vec![
            finding("a", "team `a` owns no product", 3),
            finding("b", "team `b` owns no product", 9),
            finding("b", "team `b` owns no product", 12),
        ]);
        let baseline = Baseline::from_report(&before);
        assert_eq!(baseline.len(), 3);
        let after = report(vec![
            finding("a", "team `a` owns no product", 30),
            finding("b", "team `b` owns no product", 40),
            finding("b", "team `b` owns no product", 41),
            finding("b", "team `b` owns no product", 42),
            finding("c", "team `c` owns no product", 50),
        ]);
        let (left, outcome) = baseline.filter(after);
        let ids: Vec<&str> = left.diagnostics.iter().map(|d| &*d.entity.id).collect();
        assert_eq!(ids, ["b", "c"]);
        assert_eq!(
            outcome,
            Outcome {
                baselined: 3,
                gone: 0
            }
        );
        assert_eq!(left.summary.errors, 2);
        assert_eq!(left.summary.baselined, Some(3));
        assert_eq!(left.summary.baseline_gone, Some(0));

        let (left, outcome) =
            baseline.filter(report(vec![finding("b", "team `b` owns no product", 1)]));
        assert!(left.diagnostics.is_empty());
        assert_eq!(
            outcome,
            Outcome {
                baselined: 1,
                gone: 2
            }
        );
    }

    #[test]
    fn the_file_round_trips_and_checks_its_version() {
        let baseline = Baseline::from_report(&report(vec![
            finding("b", "team `b` owns no product", 9),
            finding("a", "team `a` owns \"no\" product", 3),
            finding("b", "team `b` owns no product", 12),
        ]));
        let text = baseline.to_json();
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"findings\": [\n    {\"check\""));
        assert!(text.contains("\"count\":2"), "{text}");
        assert_eq!(Baseline::from_json(&text).ok(), Some(baseline));
        assert_eq!(
            Baseline::from_json("{\"version\":1,\"findings\":[]}\n")
                .map(|b| b.is_empty())
                .ok(),
            Some(true)
        );
        assert!(matches!(
            Baseline::from_json("{\"version\":7,\"findings\":{}}"),
            Err(BaselineError::Version { found: 7 })
        ));
        assert!(matches!(
            Baseline::from_json("[1, 2]"),
            Err(BaselineError::Parse(_))
        ));
        assert!(matches!(
            Baseline::from_json("{\"version\":1}"),
            Err(BaselineError::Parse(_))
        ));
    }

    #[test]
    fn pairs_by_entry_first_then_by_check_and_entity() {
        let before = vec![
            finding("a", "team `a` owns no product", 3),
            finding("b", "team `b` owns no product, says one message", 4),
            finding("c", "team `c` owns no product", 5),
        ];
        let after = vec![
            // Reworded: the same check about the same entity.
            finding("b", "team `b` owns no product, says another", 40),
            finding("a", "team `a` owns no product", 30),
            finding("d", "team `d` owns no product", 50),
            finding("a", "team `a` owns no product", 31),
        ];
        let (b, a) = pair(&before, &after);
        assert_eq!(b, [true, true, false]);
        assert_eq!(a, [true, true, false, false]);
        // An exact match is preferred to a reworded one.
        let before = vec![finding("a", "one", 1), finding("a", "two", 2)];
        let after = vec![finding("a", "three", 3), finding("a", "one", 4)];
        let (b, a) = pair(&before, &after);
        assert_eq!((b, a), (vec![true, true], vec![true, true]));
        let after = vec![finding("a", "two", 3)];
        let (b, a) = pair(&before, &after);
        assert_eq!((b, a), (vec![false, true], vec![true]));
    }

    #[test]
    fn another_problem_of_an_integrity_check_is_another_finding() {
        let unknown = |message: &str| {
            Diagnostic::new(
                "unknown-reference",
                EntityRef::new(EntityKind::Product, "p"),
                message,
            )
        };
        let (b, a) = pair(
            &[unknown("product `p` names `ghost` in `owner`")],
            &[unknown("product `p` names `phantom` in `owner`")],
        );
        assert_eq!((b, a), (vec![false], vec![false]));
    }

    #[test]
    fn key_results_without_ids_pair_by_what_is_found_only() {
        let kr = |id: &str, text: &str| {
            Diagnostic::new(
                "milestone-key-result",
                EntityRef::new(EntityKind::KeyResult, id),
                format!("key result `{id}` \"{text}\" reads as a milestone"),
            )
        };
        let (b, a) = pair(&[kr("q3#1", "Launch X")], &[kr("q3#1", "Ship Y")]);
        assert_eq!((b, a), (vec![false], vec![false]));
        let (b, a) = pair(&[kr("q3#1", "Launch X")], &[kr("q3#2", "Launch X")]);
        assert_eq!((b, a), (vec![true], vec![true]));
    }

    #[test]
    fn the_place_of_a_first_definition_is_not_what_was_found() {
        let duplicate = |message: &str| {
            Diagnostic::new(
                "duplicate-id",
                EntityRef::new(EntityKind::Team, "search"),
                message,
            )
        };
        let from_root = key(&duplicate(
            "id `search` is defined twice, first at org/a.toml:2",
        ));
        let from_inside = key(&duplicate(
            "id `search` is defined twice, first at a.toml:14",
        ));
        assert_eq!(from_root, from_inside);
        assert_eq!(from_root, "id `search` is defined twice");
        // Anything else after the words stays.
        assert_ne!(
            key(&duplicate("id `search` is defined twice, first at the top")),
            from_root
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        let e = Entry::of(&finding("a", "team `a` owns no product", 3));
        assert_eq!(
            e.fingerprint(),
            Entry::of(&finding("a", "team `a` owns no product", 70)).fingerprint()
        );
        assert_eq!(e.fingerprint().len(), 16);
        assert_ne!(
            e.fingerprint(),
            Entry::of(&finding("b", "team `b` owns no product", 3)).fingerprint()
        );
    }
}
