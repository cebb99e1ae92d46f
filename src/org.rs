//! [`Org`]: a model, its graph and what loading found, in one owned value.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::LoadError;
use crate::graph::{
    CadenceRef, DecisionRef, ObjectiveRef, OrgGraph, OutcomeRef, PersonRef, ProductRef, StageRef,
    TeamRef,
};
use crate::lint::Linter;
use crate::load::{
    CatalogNames, Format, LoadOptions, Loaded, SkippedLink, load_paths, load_str_with,
};
use crate::model::Model;
use crate::report::Report;

/// An org ready to query and check: the model, its graph (built once) and
/// the findings made while reading it.
///
/// It borrows nothing, so a tool can keep it in a struct, share it behind
/// an [`Arc`] or send it to another thread, and check it as often as it
/// likes without building the graph again.
///
/// ```
/// use opmodel::Org;
/// use opmodel::load::Format;
/// let org = Org::from_text(
///     "teams:\n  - id: playback\n    owns: [web-player]\nproducts:\n  - id: web-player\n",
///     Format::Yaml,
///     "org.yaml",
/// );
/// let playback = org.team("playback").unwrap();
/// assert_eq!(playback.products()[0].id(), "web-player");
/// let report = org.check();
/// assert!(report.diagnostics.iter().any(|d| d.check == "unaligned-product"));
/// ```
#[derive(Debug)]
pub struct Org {
    graph: OrgGraph<'static>,
    /// The `opmodel.toml` found for the paths loaded, if any.
    config: Config,
    load_findings: Vec<Diagnostic>,
    skipped_links: Vec<SkippedLink>,
    empty_files: Vec<PathBuf>,
    /// How Backstage entities are named in the catalog, for findings in
    /// the catalog's words.
    catalog_names: CatalogNames,
}

impl Org {
    /// Reads files and folders as `opmodel check` does, with the default
    /// [`LoadOptions`], and the `opmodel.toml` next to the first of them
    /// ([`Config::discover`]), which [`Org::check`] then uses.
    ///
    /// # Errors
    ///
    /// [`LoadError`] when a path does not exist or no org file at all could
    /// be read, and [`LoadError::Config`] when the `opmodel.toml` found is
    /// invalid, or cannot be read by a build without the `toml` feature
    /// ([`ConfigError::TomlFeatureOff`](crate::ConfigError::TomlFeatureOff));
    /// every other problem is a finding in [`Org::load_findings`] and in
    /// the report of [`Org::check`].
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Self, LoadError> {
        Self::load_with(paths, &LoadOptions::default())
    }

    /// Reads files and folders with `options`.
    ///
    /// # Errors
    ///
    /// As [`Org::load`].
    pub fn load_with<P: AsRef<Path>>(
        paths: &[P],
        options: &LoadOptions,
    ) -> Result<Self, LoadError> {
        #[cfg(feature = "toml")]
        let config = match Config::discover(paths) {
            Some(path) => Config::from_toml_file(&path, options, &Linter::new().metas())?,
            None => Config::new(),
        };
        #[cfg(not(feature = "toml"))]
        let config = match Config::discover(paths) {
            Some(path) => return Err(crate::ConfigError::TomlFeatureOff { path }.into()),
            None => Config::new(),
        };
        let mut org = load_paths(paths, options).map(Self::from_loaded)?;
        org.config = config;
        Ok(org)
    }

    /// Reads one org file's text; `path` names it in findings.
    pub fn from_text(text: &str, format: Format, path: impl Into<PathBuf>) -> Self {
        Self::from_loaded(load_str_with(text, format, path, &LoadOptions::default()))
    }

    /// Builds the graph of a loaded model.
    pub fn from_loaded(loaded: Loaded) -> Self {
        let Loaded {
            model,
            diagnostics,
            skipped_links,
            empty_files,
            catalog_names,
        } = loaded;
        Self {
            graph: OrgGraph::build_owned(model),
            config: Config::new(),
            load_findings: diagnostics,
            skipped_links,
            empty_files,
            catalog_names,
        }
    }

    /// Builds the graph of a model made in code; the model meets the
    /// loader's rules ([`Model::validate`]), and what breaks them is in
    /// [`Org::load_findings`].
    pub fn from_model(model: impl Into<Arc<Model>>) -> Self {
        let model: Arc<Model> = model.into();
        let load_findings = model.validate();
        Self {
            graph: OrgGraph::build_owned(model),
            config: Config::new(),
            load_findings,
            skipped_links: Vec::new(),
            empty_files: Vec::new(),
            catalog_names: CatalogNames::default(),
        }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        self.graph.model()
    }

    /// The graph, with every index-based query and the petgraph graph.
    pub fn graph(&self) -> &OrgGraph<'static> {
        &self.graph
    }

    /// `invalid-file` and `invalid-entity` findings made while reading
    /// (or, for a model made in code, by [`Model::validate`]).
    pub fn load_findings(&self) -> &[Diagnostic] {
        &self.load_findings
    }

    /// Links that led outside the folders given and were not followed.
    pub fn skipped_links(&self) -> &[SkippedLink] {
        &self.skipped_links
    }

    /// How the Backstage entities among the inputs are named in their
    /// catalog (empty without one).
    pub fn catalog_names(&self) -> &CatalogNames {
        &self.catalog_names
    }

    /// Files that were read but hold no entity.
    pub fn empty_files(&self) -> &[PathBuf] {
        &self.empty_files
    }

    /// The config [`Org::check`] uses: the `opmodel.toml` found by
    /// [`Org::load`], else the defaults.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks it with every built-in check, under [`Org::config`]; use
    /// [`Linter::check_org`] for checks of your own (it reads
    /// [`Org::config`] too, under the linter's own config).
    pub fn check(&self) -> Report {
        // `check_org` reads the org's config.
        Linter::new().check_org(self)
    }

    /// The team with `id`.
    pub fn team(&self, id: &str) -> Option<TeamRef<'_>> {
        self.graph.find_team(id)
    }

    /// The product with `id`.
    pub fn product(&self, id: &str) -> Option<ProductRef<'_>> {
        self.graph.find_product(id)
    }

    /// The outcome with `id`.
    pub fn outcome(&self, id: &str) -> Option<OutcomeRef<'_>> {
        self.graph.find_outcome(id)
    }

    /// The objective with `id`.
    pub fn objective(&self, id: &str) -> Option<ObjectiveRef<'_>> {
        self.graph.find_objective(id)
    }

    /// The decision right with the id findings print for it,
    /// `<area>@<scope>` (`budget-allocation@organization`).
    pub fn decision(&self, id: &str) -> Option<DecisionRef<'_>> {
        self.graph.find_decision(id)
    }

    /// The person with `id` (of the `people` section).
    pub fn person(&self, id: &str) -> Option<PersonRef<'_>> {
        self.graph.find_person(id)
    }

    /// The lifecycle stage with `id`.
    pub fn stage(&self, id: &str) -> Option<StageRef<'_>> {
        self.graph.find_stage(id)
    }

    /// The cadence with `id`.
    pub fn cadence(&self, id: &str) -> Option<CadenceRef<'_>> {
        self.graph.find_cadence(id)
    }

    /// Every team, in model order.
    pub fn teams(&self) -> impl ExactSizeIterator<Item = TeamRef<'_>> + '_ {
        self.graph.teams()
    }

    /// Every product, in model order.
    pub fn products(&self) -> impl ExactSizeIterator<Item = ProductRef<'_>> + '_ {
        self.graph.products()
    }

    /// Every outcome, in model order.
    pub fn outcomes(&self) -> impl ExactSizeIterator<Item = OutcomeRef<'_>> + '_ {
        self.graph.outcomes()
    }

    /// Every objective, in model order.
    pub fn objectives(&self) -> impl ExactSizeIterator<Item = ObjectiveRef<'_>> + '_ {
        self.graph.objectives()
    }

    /// Every decision right, in model order.
    pub fn decisions(&self) -> impl ExactSizeIterator<Item = DecisionRef<'_>> + '_ {
        self.graph.decisions()
    }
}

impl From<Loaded> for Org {
    fn from(loaded: Loaded) -> Self {
        Self::from_loaded(loaded)
    }
}

impl From<Model> for Org {
    fn from(model: Model) -> Self {
        Self::from_model(model)
    }
}
