//! What a check run found, and its renderings: rustc-style text for
//! people ([`human`]), the JSON object of the spec for machines ([`json`]),
//! SARIF 2.1.0 for code-scanning tools ([`sarif`]) and GitHub Actions
//! workflow commands for annotations on pull requests ([`github`]).

pub mod github;
pub mod human;
pub mod json;
mod json_text;
pub mod sarif;
mod serde_impls;

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Sources;

/// The counts at the end of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Findings with severity `error`.
    pub errors: usize,
    /// Findings with severity `warning`.
    pub warnings: usize,
    /// Entities in the model.
    pub entities: usize,
    /// Findings left out because a baseline holds them; `None` (and not
    /// in the JSON) when no baseline was given. See [`crate::baseline`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baselined: Option<usize>,
    /// Findings of the baseline the run no longer has (fixed, or gone with
    /// their entity); `None` (and not in the JSON) without a baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_gone: Option<usize>,
}

/// Every finding of a run, sorted by file, line, check and entity, with the
/// files they point into.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// The findings, in the spec's order.
    pub diagnostics: Vec<Diagnostic>,
    /// Their counts.
    pub summary: Summary,
    /// The files of the model, for rendering locations and snippets.
    pub sources: Sources,
    /// Checks that found more than the linter keeps, with how many findings
    /// were not kept (sorted by check name; empty almost always).
    pub truncated: Vec<Truncated>,
}

/// Findings of one check that were counted but not kept.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Truncated {
    /// The check.
    pub check: String,
    /// How many of its findings were not kept.
    pub dropped: usize,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The exit status of `opmodel check`: 1 with errors, else 0.
    pub fn exit_code(&self) -> i32 {
        i32::from(self.has_errors())
    }

    /// Keeps the findings `keep` says yes to, in their order, and counts the
    /// errors and warnings of the summary again: filtering
    /// [`Report::diagnostics`] by hand leaves the summary (and so the
    /// closing line of the text and the JSON `summary`) counting what was
    /// taken out.
    ///
    /// ```
    /// use opmodel::{Org, Severity};
    /// use opmodel::model::{Model, Product};
    /// let mut report = Org::from_model(Model::builder().product(Product::new("gift-registry")).build()).check();
    /// assert!(report.summary.errors > 0);
    /// report.retain(|d| d.severity == Severity::Warning);
    /// assert_eq!(report.summary.errors, 0);
    /// assert_eq!(report.summary.warnings, report.diagnostics.len());
    /// assert_eq!(report.exit_code(), 0);
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
        let count = |severity| {
            self.diagnostics
                .iter()
                .filter(|d| d.severity == severity)
                .count()
        };
        self.summary.errors = count(Severity::Error);
        self.summary.warnings = count(Severity::Warning);
    }
}
