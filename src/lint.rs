//! Running checks: the [`Linter`] turns a model into a sorted [`Report`].

// Keys are check names and ids from the input: foldhash, randomly seeded.
type HashMap<K, V> = std::collections::HashMap<K, V, crate::graph::IdHasher>;

use crate::check::{Check, CheckMeta, Context, Sink, registry};
use crate::config::{Config, Level};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::ConfigError;
use crate::graph::OrgGraph;
use crate::load::Loaded;
use crate::model::{EntityKind, Id, Model};
use crate::report::{Report, Summary, Truncated};

/// Runs checks over a model: the built-in ones, plus any you add, with the
/// levels and parameters of a [`Config`].
///
/// ```
/// use opmodel::{Linter, load::{load_str, Format}};
/// let loaded = load_str("products:\n  - id: gift-registry\n", Format::Yaml, "org.yaml");
/// let report = Linter::new().check(&loaded);
/// assert!(report.diagnostics.iter().any(|d| d.check == "orphaned-product"));
/// assert!(report.has_errors());
/// ```
pub struct Linter {
    checks: Vec<Box<dyn Check>>,
    config: Config,
    max_findings: usize,
}

/// How many findings of one check are kept by default; see
/// [`Linter::with_max_findings`].
pub const DEFAULT_MAX_FINDINGS: usize = 100_000;

impl Default for Linter {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.checks.iter().map(|c| c.meta().name).collect();
        f.debug_struct("Linter")
            .field("checks", &names)
            .field("config", &self.config)
            .finish()
    }
}

impl Linter {
    /// Every built-in check at its default level.
    pub fn new() -> Self {
        Self {
            checks: registry::builtin(),
            config: Config::new(),
            max_findings: DEFAULT_MAX_FINDINGS,
        }
    }

    /// Keeps at most `limit` findings of each check (default
    /// [`DEFAULT_MAX_FINDINGS`]); the rest are counted in
    /// [`Report::truncated`]. This bounds memory on huge broken models.
    pub fn with_max_findings(mut self, limit: usize) -> Self {
        self.max_findings = limit.max(1);
        self
    }

    /// Adds a check of your own; it runs with the built-in ones, under the
    /// same config, `allow:` lists and output.
    ///
    /// # Errors
    ///
    /// [`ConfigError::UnknownCheck`] is not returned here; a check whose
    /// name is already taken is rejected with [`ConfigError::Invalid`].
    pub fn with_check(mut self, check: impl Check + 'static) -> Result<Self, ConfigError> {
        let name = check.meta().name;
        if self.checks.iter().any(|c| c.meta().name == name) {
            return Err(ConfigError::Invalid {
                file: "<code>".to_owned(),
                line: 0,
                column: 0,
                message: format!("a check named `{name}` is already registered"),
                help: Some("give your check a name of its own".to_owned()),
            });
        }
        self.checks.push(Box::new(check));
        Ok(self)
    }

    /// Uses `config` (on top of the defaults), after checking every name and
    /// parameter in it against the registered checks: add your own checks
    /// first.
    ///
    /// # Errors
    ///
    /// The first unknown check or parameter, or a parameter of the wrong type.
    pub fn with_config(mut self, config: Config) -> Result<Self, ConfigError> {
        config.validate(&self.metas())?;
        self.config = config;
        Ok(self)
    }

    /// The config in use.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What every registered check is.
    pub fn metas(&self) -> Vec<&CheckMeta> {
        self.checks.iter().map(|c| c.meta()).collect()
    }

    /// The level a check runs at under the current config.
    pub fn level(&self, meta: &CheckMeta) -> Level {
        self.config.effective_level(meta.name, meta.default_level)
    }

    /// Checks a loaded model: its load findings plus every check.
    pub fn check(&self, loaded: &Loaded) -> Report {
        self.run(&loaded.model, loaded.diagnostics.clone())
    }

    /// Checks a model built in code.
    pub fn check_model(&self, model: &Model) -> Report {
        self.run(model, Vec::new())
    }

    fn run(&self, model: &Model, mut found: Vec<Diagnostic>) -> Report {
        let graph = OrgGraph::build(model);
        found.extend_from_slice(graph.diagnostics());
        let active: Vec<&dyn Check> = self
            .checks
            .iter()
            .map(|c| &**c)
            .filter(|c| self.level(c.meta()) != Level::Allow)
            .collect();
        // Checks are independent: run them on a few threads, each finding
        // kept in its check's slot, then concatenated in registry order so
        // that the output does not depend on scheduling.
        let per_check = crate::parallel::map(&active, crate::parallel::threads(4), None, |check| {
            self.run_one(&graph, *check)
        });
        // The graph is done with: its memory goes before the findings are
        // gathered into one list, which is made once at its full length.
        drop(graph);
        let unknown = self.unknown_allows(model);
        let kept: usize = per_check
            .iter()
            .flat_map(|(blocks, _)| blocks)
            .map(Vec::len)
            .sum();
        found.reserve_exact(kept + unknown.len());
        let mut dropped: Vec<Truncated> = Vec::new();
        for (check, (blocks, lost)) in active.iter().zip(per_check) {
            blocks.into_iter().for_each(|block| found.extend(block));
            if lost > 0 {
                dropped.push(Truncated {
                    check: check.meta().name.to_owned(),
                    dropped: lost,
                });
            }
        }
        found.extend(unknown);
        self.finish(model, found, dropped)
    }

    /// `unknown-allow`: names in `allow:` lists that no registered check has.
    /// Only the linter knows every registered check, so it looks itself.
    fn unknown_allows(&self, model: &Model) -> Vec<Diagnostic> {
        let names: Vec<&str> = self.checks.iter().map(|c| c.meta().name).collect();
        let mut out = Vec::new();
        for e in model.entities_allowing() {
            for name in e.allow.iter().filter(|n| !names.contains(&n.as_str())) {
                let shown = crate::check::quote_text(name);
                let help = match crate::diagnostic::did_you_mean(name, names.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "`opmodel checks` lists every check name".to_owned(),
                };
                let entity = crate::model::EntityRef::new(e.kind, e.id.as_ref());
                let d = Diagnostic::new(
                    crate::check::unknown_allow::UnknownAllow::NAME,
                    entity.clone(),
                    format!("{entity} allows `{shown}`, which is not a check"),
                )
                .with_help(help)
                .at(e.location);
                out.push(d);
            }
        }
        out
    }

    fn run_one(&self, graph: &OrgGraph<'_>, check: &dyn Check) -> (Vec<Vec<Diagnostic>>, usize) {
        let meta = check.meta();
        let cx = Context::new(graph, &self.config, meta);
        let mut out = Sink::new(self.max_findings);
        check.run(&cx, &mut out);
        out.into_blocks()
    }

    fn finish(
        &self,
        model: &Model,
        found: Vec<Diagnostic>,
        mut truncated: Vec<Truncated>,
    ) -> Report {
        // Each registered check's level and its slot in `kept`.
        let levels: HashMap<&str, (Level, usize)> = self
            .checks
            .iter()
            .enumerate()
            .map(|(slot, c)| (c.meta().name, (self.level(c.meta()), slot)))
            .collect();
        let allowed: HashMap<(EntityKind, &str), &[String]> = model
            .entities_allowing()
            .filter_map(|e| match e.id {
                std::borrow::Cow::Borrowed(id) => Some(((e.kind, id), e.allow)),
                std::borrow::Cow::Owned(_) => None,
            })
            .collect();
        let decision_allows: HashMap<Id, &[String]> = model
            .decisions
            .iter()
            .filter(|d| !d.allow.is_empty())
            .map(|d| (d.id(), d.allow.as_slice()))
            .collect();
        // Findings made while loading and building are capped here, like the
        // checks' own findings are capped by their sinks.
        let mut kept: Vec<usize> = vec![0; self.checks.len()];
        let mut kept_unregistered: HashMap<String, usize> = HashMap::default();
        // In place: a second vector of a few hundred thousand findings would
        // only raise the peak memory of a large run.
        let mut out = found;
        out.retain_mut(|d| {
            // A check nobody registered (a user's check pushing under another
            // name) is reported as an error rather than lost.
            let (level, slot) = match levels.get(&*d.check) {
                Some(&(level, slot)) => (level, Some(slot)),
                None => (Level::Deny, None),
            };
            let Some(severity) = level.severity() else {
                return false;
            };
            let allow = match d.entity.kind {
                EntityKind::Decision => decision_allows.get(d.entity.id.as_str()).copied(),
                kind => allowed.get(&(kind, d.entity.id.as_str())).copied(),
            };
            if allow.is_some_and(|a| a.iter().any(|c| *c == d.check)) {
                return false;
            }
            let count = match slot.and_then(|slot| kept.get_mut(slot)) {
                Some(count) => count,
                None => kept_unregistered.entry(d.check.to_string()).or_insert(0),
            };
            if *count >= self.max_findings {
                match truncated.iter_mut().find(|t| t.check == *d.check) {
                    Some(t) => t.dropped += 1,
                    None => truncated.push(Truncated {
                        check: d.check.to_string(),
                        dropped: 1,
                    }),
                }
                return false;
            }
            *count += 1;
            d.severity = severity;
            // Checks list related entities and places in whatever order they met
            // them; sorting here keeps the output independent of entity order.
            d.related.sort();
            d.related.dedup();
            d.labels.sort_by(|a, b| {
                let key = |l: &crate::diagnostic::Label| {
                    (
                        model.sources.display(l.location.file),
                        l.location.line,
                        l.location.column,
                    )
                };
                key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
            });
            true
        });
        let ranks = model.sources.display_ranks();
        // The order is total, so sorting in place (a stable sort would take
        // a buffer of half the findings) gives one result, and equal
        // findings end up side by side for `dedup`.
        out.sort_unstable_by(|a, b| a.total_cmp(b, &ranks));
        out.dedup();
        let summary = Summary {
            errors: out.iter().filter(|d| d.severity == Severity::Error).count(),
            warnings: out
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .count(),
            entities: model.entity_count(),
        };
        truncated.sort_by(|a, b| a.check.cmp(&b.check));
        Report {
            diagnostics: out,
            summary,
            sources: model.sources.clone(),
            truncated,
        }
    }
}
