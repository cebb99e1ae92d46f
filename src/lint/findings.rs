//! [`Findings`]: a run's findings in the report's order, one at a time.
//!
//! A big org's run finds hundreds of thousands of findings. A [`Report`]
//! holds each as a [`Diagnostic`] of its own (about 600 bytes with its
//! texts), all at once: for the 480 000 findings of a million-entity org,
//! more memory than the model they were found in. The linter keeps them
//! packed instead (see `check::packed`), each run of findings sorted and
//! packed on its own, and [`Ordered`] merges the runs as it is read,
//! unpacking one finding of each run at a time. A report written as it
//! is read (`opmodel check --format json`) never holds more than a few
//! findings; [`Findings::into_report`] collects them into a [`Report`].

use std::collections::HashSet;

use super::order::{self, CheckRanks, SortKey};
use super::toml_help;
use crate::check::packed::{Block, Previous};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::CatalogNames;
use crate::report::{Report, Summary, Truncated};
use crate::source::{FileId, Sources};

/// A run's findings in the report's order (see the module docs), with what
/// a report shows beside them. [`Linter::check_findings`](crate::Linter::check_findings)
/// makes them; the fields are public so that the findings can be read
/// while the files they point into are at hand.
///
/// ```
/// use opmodel::{Linter, load::{load_str, Format}};
/// let loaded = load_str("products:\n  - id: gift-registry\n", Format::Yaml, "org.yaml");
/// let found = Linter::new().check_findings(loaded);
/// let checks: Vec<String> = found.findings.map(|d| d.check.into_owned()).collect();
/// assert!(checks.iter().any(|c| c == "orphaned-product"));
/// ```
#[derive(Debug)]
pub struct Findings {
    /// The findings, in the report's order.
    pub findings: Ordered,
    /// The files they point into.
    pub sources: Sources,
    /// Checks that found more than the linter keeps, with how many findings
    /// were not kept (sorted by check name).
    pub truncated: Vec<Truncated>,
    /// Entities in the model.
    pub entities: usize,
}

impl Findings {
    /// Every finding, collected into a [`Report`] with its summary.
    pub fn into_report(self) -> Report {
        let Self {
            findings,
            sources,
            truncated,
            entities,
        } = self;
        let diagnostics: Vec<Diagnostic> = findings.collect();
        let count = |severity| {
            diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        let summary = Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            entities,
            ..Summary::default()
        };
        Report {
            diagnostics,
            summary,
            sources,
            truncated,
        }
    }
}

/// The findings of a run in the report's order: an iterator that merges
/// the sorted runs the linter packed, unpacking one finding of each at a
/// time, and leaves out a finding equal to the one before it.
pub struct Ordered {
    runs: Vec<Run>,
    /// The runs with findings left, as a heap by their next finding.
    heap: Vec<usize>,
    started: bool,
    files: Vec<u32>,
    checks: CheckRanks,
    /// The last finding merged, not handed out yet: the next one may be a
    /// repeat of it.
    pending: Option<Diagnostic>,
    finish: Finish,
}

impl std::fmt::Debug for Ordered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ordered")
            .field("runs", &self.runs.len())
            .finish_non_exhaustive()
    }
}

/// One sorted run: its packed findings and the next one, unpacked.
struct Run {
    block: Block,
    next: usize,
    previous: Previous,
    head: Option<(SortKey, Diagnostic)>,
    /// The check of the finding keyed last, and its rank.
    last_check: Option<(std::borrow::Cow<'static, str>, u32)>,
}

impl Run {
    /// Unpacks the next finding into `head`; a run used up lets go of its
    /// findings' memory.
    fn advance(&mut self, files: &[u32], checks: &CheckRanks) {
        self.head = self
            .block
            .unpack_at(self.next, &mut self.previous)
            .map(|d| (order::key_of(&d, files, checks, &mut self.last_check), d));
        self.next += 1;
        if self.head.is_none() {
            self.block = Block::default();
            self.previous = Previous::default();
        }
    }
}

/// What is done to each finding on its way out, in this order: its help
/// written as TOML for a TOML file, the note on an unread file, the words
/// of a Backstage catalog.
pub(super) struct Finish {
    /// Which files are TOML (see [`toml_help::toml_files`]).
    pub(super) toml: Vec<bool>,
    /// Which files could not be read in full, by file index.
    pub(super) unread: Vec<bool>,
    /// What the first `invalid-file` finding of each unread file adds to
    /// its help (how many findings wait for it), if any wait.
    pub(super) unread_note: Option<String>,
    /// The unread files told so far.
    pub(super) told: HashSet<FileId>,
    pub(super) catalog_names: CatalogNames,
}

impl Finish {
    fn apply(&mut self, d: &mut Diagnostic) {
        toml_help::reword_one(d, &self.toml);
        if let Some(note) = &self.unread_note
            && d.check == crate::load::INVALID_FILE
            && let Some(file) = d.location.map(|l| l.file)
            && self.unread.get(file.index()).copied().unwrap_or(false)
            && self.told.insert(file)
        {
            let help = d.help.take().unwrap_or_default();
            d.help = Some(format!("{help}{note}").into());
        }
        self.catalog_names.reword(std::slice::from_mut(d));
    }
}

impl Ordered {
    pub(super) fn new(
        blocks: Vec<Block>,
        files: Vec<u32>,
        checks: CheckRanks,
        finish: Finish,
    ) -> Self {
        let runs = blocks
            .into_iter()
            .filter(|b| b.len() > 0)
            .map(|block| Run {
                block,
                next: 0,
                previous: Previous::default(),
                head: None,
                last_check: None,
            })
            .collect();
        Self {
            runs,
            heap: Vec::new(),
            started: false,
            files,
            checks,
            pending: None,
            finish,
        }
    }

    /// Whether run `a`'s next finding comes before run `b`'s.
    fn before(&self, a: usize, b: usize) -> bool {
        let head = |r: usize| {
            self.runs
                .get(r)
                .and_then(|run| run.head.as_ref())
                .map(|(k, d)| (k, d))
        };
        match (head(a), head(b)) {
            (Some(x), Some(y)) => order::before(x, y, &self.files),
            (Some(_), None) => true,
            _ => false,
        }
    }

    fn sift_down(&mut self, mut at: usize) {
        loop {
            let left = 2 * at + 1;
            let right = left + 1;
            let mut least = at;
            if left < self.heap.len() && self.before(self.heap[left], self.heap[least]) {
                least = left;
            }
            if right < self.heap.len() && self.before(self.heap[right], self.heap[least]) {
                least = right;
            }
            if least == at {
                return;
            }
            self.heap.swap(at, least);
            at = least;
        }
    }

    /// The next finding of the merge, repeats included.
    fn merged(&mut self) -> Option<Diagnostic> {
        if !self.started {
            self.started = true;
            let (files, checks) = (&self.files, &self.checks);
            for run in &mut self.runs {
                run.advance(files, checks);
            }
            self.heap = (0..self.runs.len()).collect();
            for start in (0..self.heap.len() / 2).rev() {
                self.sift_down(start);
            }
        }
        let &top = self.heap.first()?;
        let run = self.runs.get_mut(top)?;
        let (_, found) = run.head.take()?;
        run.advance(&self.files, &self.checks);
        if self.runs.get(top).is_some_and(|r| r.head.is_none()) {
            // Used up: the last run of the heap takes its place.
            if let Some(last) = self.heap.pop()
                && let Some(root) = self.heap.first_mut()
            {
                *root = last;
            }
        }
        self.sift_down(0);
        Some(found)
    }
}

impl Iterator for Ordered {
    type Item = Diagnostic;

    fn next(&mut self) -> Option<Diagnostic> {
        loop {
            let Some(next) = self.merged() else {
                let mut last = self.pending.take()?;
                self.finish.apply(&mut last);
                return Some(last);
            };
            match self.pending.take() {
                Some(before) if before == next => self.pending = Some(before),
                Some(mut before) => {
                    self.pending = Some(next);
                    self.finish.apply(&mut before);
                    return Some(before);
                }
                None => self.pending = Some(next),
            }
        }
    }
}
