//! Running checks: the [`Linter`] turns a model into a sorted [`Report`].

// Keys are check names and ids from the input: foldhash, randomly seeded.
type HashMap<K, V> = std::collections::HashMap<K, V, crate::graph::IdHasher>;

mod findings;
mod order;
mod toml_help;

pub use findings::{Findings, Ordered};

use crate::check::milestone_key_result::MilestoneKeyResult;
use crate::check::packed::Block;
use crate::check::{Category, Check, CheckMeta, Context, Sink, registry};
use crate::config::{Config, Level};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::ConfigError;
use crate::graph::OrgGraph;
use crate::load::Loaded;
use crate::model::{EntityKind, EntityRef, Id, Model};
use crate::org::Org;
use crate::report::{Report, Truncated};

/// What [`Linter::collect`] gathers for [`Linter::finish`].
type Collected = (Vec<Part>, Vec<Truncated>, Explained);

/// Findings other findings already explain, which are left out.
#[derive(Default)]
struct Explained {
    /// By entity, the checks whose finding about it an integrity finding
    /// explains, with that finding's check and entity (see
    /// `OrgGraph::follow_ons`).
    follow_ons: HashMap<EntityRef, Vec<(&'static str, &'static str, EntityRef)>>,
    /// `unknown-reference` findings the graph left out: the id they name
    /// is written in a file that could not be read.
    left_for_unread: usize,
    /// The entities' `allow:` lists, which the sinks already heeded.
    allows: std::sync::Arc<Allows>,
}

/// Whose cap a finding counts against: a registered check's, by its slot,
/// or that of a name no check is registered under.
enum CapOf {
    Slot(usize),
    Unregistered(std::borrow::Cow<'static, str>),
}

/// A run of findings as [`Linter::collect`] gathers them.
enum Part {
    /// Made as they are: the loader's, the graph's, `unknown-allow`.
    Plain(Vec<Diagnostic>),
    /// A block of a check's findings as its sink packed them.
    Packed(Block),
}

/// What [`Linter::finish`] needs of the model, owned: the model can go
/// before the findings are put in order.
struct Facts {
    allows: std::sync::Arc<Allows>,
    sources: crate::source::Sources,
    entities: usize,
    /// While a file is not read in full: the entities (by id) near it (see
    /// [`near_unread`]). A finding about one of them may only say that what
    /// that file holds is missing (a team's objective supports an outcome
    /// the unread file's product serves).
    near_unread: std::collections::HashSet<Id>,
}

/// The entities' `allow:` lists, looked up for every finding: by the
/// sinks, so that an allowed finding takes no place under the cap, and by
/// [`Linter::finish`] for the loader's and the graph's findings.
#[derive(Default)]
struct Allows {
    /// The `allow:` lists, by kind and id (the last of an id, as written),
    /// each sorted and without repeats: every finding on an entity is
    /// looked up in its list, which a file can make as long as it likes.
    allowed: HashMap<EntityKind, HashMap<Id, Vec<String>>>,
    /// `allow:` on an objective reaches its key results: the key result
    /// `q3#2` is part of what the objective allows. Sorted, as `allowed`.
    objective_allows: HashMap<Id, Vec<String>>,
}

impl Allows {
    fn of(model: &Model) -> Self {
        let mut allowed: HashMap<EntityKind, HashMap<Id, Vec<String>>> = HashMap::default();
        let sorted = |names: &[String]| {
            let mut names = names.to_vec();
            names.sort_unstable();
            names.dedup();
            names
        };
        for e in model.entities_allowing() {
            allowed
                .entry(e.kind)
                .or_default()
                .insert(Id::new(&e.id), sorted(e.allow));
        }
        let objective_allows = model
            .objectives
            .iter()
            .filter(|o| !o.allow.is_empty())
            .flat_map(|o| {
                let names = sorted(&o.allow);
                o.key_results
                    .iter()
                    .map(move |kr| (kr.id.clone(), names.clone()))
            })
            .collect();
        Self {
            allowed,
            objective_allows,
        }
    }

    /// Whether the entity `d` is about allows the check that made it.
    fn allows(&self, d: &Diagnostic) -> bool {
        self.allows_check(&d.check, &d.entity)
    }

    /// Whether `entity` allows `check`.
    fn allows_check(&self, check: &str, entity: &EntityRef) -> bool {
        let names = |a: &Vec<String>| a.binary_search_by(|c| c.as_str().cmp(check)).is_ok();
        let allow = self
            .allowed
            .get(&entity.kind)
            .and_then(|ids| ids.get(entity.id.as_str()));
        allow.is_some_and(names)
            || entity.kind == EntityKind::KeyResult
                && self
                    .objective_allows
                    .get(entity.id.as_str())
                    .is_some_and(names)
    }
}

impl Facts {
    fn of(model: &Model, allows: std::sync::Arc<Allows>) -> Self {
        Self {
            allows,
            sources: model.sources.clone(),
            entities: model.entity_count(),
            near_unread: near_unread(model),
        }
    }
}

/// [`Facts::near_unread`]: empty when every file was read.
///
/// An entity is near an unread file when one of its references names an id
/// written there. A goal's chain of `supports` is cut by the file when it
/// names such an id, or a goal whose chain is cut: an objective or outcome
/// whose chain is cut is near, and so is the team or person that owns it.
/// A goal near for another reason (its `owner` is in the file, say) says
/// nothing about the goals that support it or their owners.
fn near_unread(model: &Model) -> std::collections::HashSet<Id> {
    use crate::model::{ORGANIZATION, Ref};
    let unread = model.sources.unread_words();
    let mut near = std::collections::HashSet::new();
    if unread.is_empty() {
        return near;
    }
    // (The organisation is named everywhere: an unread file naming it says
    // nothing about what else is missing.)
    let names_unread = |refs: &mut dyn Iterator<Item = &Ref>| {
        for r in refs {
            if r.as_str() != ORGANIZATION && unread.contains(r.as_str()) {
                return true;
            }
        }
        false
    };
    let mut mark = |id: &str, refs: &mut dyn Iterator<Item = &Ref>| {
        if names_unread(refs) {
            near.insert(Id::new(id));
        }
    };
    for t in &model.teams {
        let interactions = t.interactions.iter().map(|i| &i.with);
        let people = t.members.iter().filter_map(|m| m.person.as_deref());
        mark(
            &t.id,
            &mut t
                .parent
                .iter()
                .chain(&t.owns)
                .chain(interactions)
                .chain(people),
        );
    }
    for p in &model.products {
        mark(
            &p.id,
            &mut p
                .owner
                .iter()
                .chain(&p.contributors)
                .chain(p.part_of.as_deref())
                .chain(&p.outcomes)
                .chain(p.stage.as_deref()),
        );
    }
    for o in &model.outcomes {
        mark(&o.id, &mut o.owner.iter().chain(&o.supports));
    }
    for o in &model.objectives {
        mark(&o.id, &mut o.owner.iter().chain(&o.supports));
    }
    for d in &model.decisions {
        let roles = d
            .decides
            .iter()
            .chain(&d.recommends)
            .chain(&d.agrees)
            .chain(&d.consulted)
            .chain(&d.informed);
        mark(
            &d.id(),
            &mut std::iter::once(&d.scope)
                .chain(roles)
                .chain(d.escalates_to.as_deref()),
        );
    }
    for p in &model.people {
        mark(&p.id, &mut p.allocations.iter().map(|a| &a.team));
    }
    for c in &model.cadences {
        mark(&c.id, &mut c.owner.iter().chain(&c.attendees));
    }
    // The goals whose chains the file cuts: down from those that name an id
    // written there, a level a pass (bounded, so that a loop of goals
    // ends), then to their owners.
    let goals: Vec<(&Id, Option<&Ref>, &crate::model::RefList)> = model
        .outcomes
        .iter()
        .map(|o| (&o.id, o.owner.as_ref(), &o.supports))
        .chain(
            model
                .objectives
                .iter()
                .map(|o| (&o.id, o.owner.as_ref(), &o.supports)),
        )
        .collect();
    let mut cut: std::collections::HashSet<&str> = goals
        .iter()
        .filter(|(_, _, supports)| names_unread(&mut supports.iter()))
        .map(|(id, _, _)| id.as_str())
        .collect();
    for _ in 0..NEAR_GOAL_LEVELS {
        let before = cut.len();
        for (id, _, supports) in &goals {
            if !cut.contains(id.as_str()) && supports.iter().any(|r| cut.contains(r.as_str())) {
                cut.insert(id.as_str());
            }
        }
        if cut.len() == before {
            break;
        }
    }
    for (id, owner, _) in &goals {
        if !cut.contains(id.as_str()) {
            continue;
        }
        near.insert((*id).clone());
        if let Some(owner) = owner
            && owner.as_str() != ORGANIZATION
        {
            near.insert(owner.id.clone());
        }
    }
    near
}

/// Checks that judge an entity by its own fields alone, or whose verdict
/// what another file adds cannot undo (a decision right's deciders, a
/// person's allocations: a file can only add more): a file that cannot be
/// read changes nothing about them.
const OWN_FIELDS_CHECKS: [&str; 7] = [
    "objective-without-key-results",
    "unmeasurable-outcome",
    "stage-without-lead",
    "missing-decider",
    "conflicting-deciders",
    "fragmented-person",
    "over-allocated-person",
];

/// How many levels up the goals' `supports` chains [`near_unread`] looks.
const NEAR_GOAL_LEVELS: usize = 16;

impl Part {
    fn len(&self) -> usize {
        match self {
            Self::Plain(found) => found.len(),
            Self::Packed(found) => found.len(),
        }
    }
}

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
    /// A limit of 0 is taken as 1: a check with findings always shows one,
    /// so that the report explains its exit status (`opmodel check` refuses
    /// `--max-findings 0`).
    pub fn with_max_findings(mut self, limit: usize) -> Self {
        self.max_findings = limit.max(1);
        self
    }

    /// Adds a check of your own; it runs with the built-in ones, under the
    /// same config, `allow:` lists and output.
    ///
    /// # Errors
    ///
    /// [`ConfigError::DuplicateCheck`] when a registered check (a built-in
    /// one, say) already has its name.
    pub fn with_check(mut self, check: impl Check + 'static) -> Result<Self, ConfigError> {
        let name = check.meta().name;
        if self.checks.iter().any(|c| c.meta().name == name) {
            return Err(ConfigError::DuplicateCheck {
                name: name.to_owned(),
            });
        }
        self.checks.push(Box::new(check));
        Ok(self)
    }

    /// Every built-in check under the `opmodel.toml` that
    /// [`Config::discover`] finds for `paths` (next to the first input),
    /// as `opmodel check` uses it; the defaults when there is none.
    ///
    /// # Errors
    ///
    /// The config file cannot be read or is invalid.
    #[cfg(feature = "toml")]
    pub fn discover<P: AsRef<std::path::Path>>(
        paths: &[P],
        options: &crate::load::LoadOptions,
    ) -> Result<Self, ConfigError> {
        let linter = Self::new();
        match Config::discover(paths) {
            Some(path) => {
                let config = Config::from_toml_file(&path, options, &linter.metas())?;
                linter.with_config(config)
            }
            None => Ok(linter),
        }
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
        level_in(&self.config, meta)
    }

    /// Checks a loaded model: its load findings plus every check.
    pub fn check(&self, loaded: &Loaded) -> Report {
        let mut report = self.check_in_own_words(loaded);
        // Findings about Backstage entities in the catalog's words.
        loaded.catalog_names.reword(&mut report.diagnostics);
        report
    }

    /// [`Self::check`], with findings about Backstage entities left in
    /// opmodel's words ("product", `owner`) rather than the catalog's
    /// ("component", `spec.owner`): two versions of an org written once as
    /// a catalog and once as org files are compared in these.
    pub(crate) fn check_in_own_words(&self, loaded: &Loaded) -> Report {
        self.run(&loaded.model, loaded.diagnostics.clone())
    }

    /// Checks a model built in code. It meets the loader's rules too
    /// ([`Model::validate`]): an id that breaks the id rule or a key result
    /// without text is `invalid-entity`, as it would be in a file.
    pub fn check_model(&self, model: &Model) -> Report {
        self.run(model, model.validate())
    }

    /// Checks an [`Org`], reusing its graph instead of building another.
    ///
    /// Levels and parameters are the org's own `opmodel.toml`
    /// ([`Org::config`]) with this linter's config over it: a check the
    /// linter sets follows the linter, any other the org's file, as
    /// `opmodel check` puts its `-D`/`-W`/`-A` flags over the file. So a
    /// linter with checks of your own still honours the org's config.
    ///
    /// ```
    /// use opmodel::{Linter, Org};
    /// use opmodel::model::{Model, Product};
    /// let org = Org::from_model(Model::builder().product(Product::new("gift-registry")).build());
    /// let report = Linter::new().check_org(&org);
    /// assert!(report.diagnostics.iter().any(|d| d.check == "orphaned-product"));
    /// ```
    pub fn check_org(&self, org: &Org) -> Report {
        // The org's own `opmodel.toml`, under what this linter was told.
        let merged;
        let config = if org.config() == &Config::default() {
            &self.config
        } else {
            let mut config = org.config().clone();
            config.merge(&self.config);
            merged = config;
            &merged
        };
        let (parts, dropped, explained) =
            self.collect(config, org.graph(), org.load_findings().to_vec());
        let facts = Facts::of(org.model(), std::sync::Arc::clone(&explained.allows));
        let names = org.catalog_names().clone();
        self.finish(config, facts, parts, dropped, &explained, names)
            .into_report()
    }

    fn run(&self, model: &Model, found: Vec<Diagnostic>) -> Report {
        let graph = OrgGraph::build(model);
        let (parts, dropped, explained) = self.collect(&self.config, &graph, found);
        // The graph is done with: its memory goes before the findings are
        // put in order.
        drop(graph);
        let facts = Facts::of(model, std::sync::Arc::clone(&explained.allows));
        let names = crate::load::CatalogNames::default();
        self.finish(&self.config, facts, parts, dropped, &explained, names)
            .into_report()
    }

    /// [`Self::check`], letting go of the model once the checks have run:
    /// its memory goes before the findings are unpacked and put in order,
    /// which lowers the peak for a big org. `opmodel check` uses it.
    ///
    /// ```
    /// use opmodel::{Linter, load::{load_str, Format}};
    /// let loaded = load_str("products:\n  - id: gift-registry\n", Format::Yaml, "org.yaml");
    /// let report = Linter::new().check_owned(loaded);
    /// assert!(report.diagnostics.iter().any(|d| d.check == "orphaned-product"));
    /// ```
    pub fn check_owned(&self, loaded: Loaded) -> Report {
        self.check_findings(loaded).into_report()
    }

    /// [`Self::check_owned`], the findings read out one at a time rather
    /// than collected into a [`Report`]: a report written as it is read
    /// holds a few findings at once, not all of them (hundreds of
    /// thousands for an org of a million entities). The findings come in
    /// the report's order, the same as [`Self::check_owned`]'s.
    ///
    /// ```
    /// use opmodel::{Linter, load::{load_str, Format}};
    /// let yaml = "products:\n  - id: gift-registry\n  - id: wish-list\n";
    /// let found = Linter::new().check_findings(load_str(yaml, Format::Yaml, "org.yaml"));
    /// let mut errors = 0;
    /// for d in found.findings {
    ///     if d.severity == opmodel::Severity::Error {
    ///         errors += 1;
    ///     }
    /// }
    /// assert_eq!(errors, 2);
    /// ```
    pub fn check_findings(&self, loaded: Loaded) -> Findings {
        let Loaded {
            model,
            diagnostics,
            catalog_names,
            ..
        } = loaded;
        let graph = OrgGraph::build(&model);
        let (parts, dropped, explained) = self.collect(&self.config, &graph, diagnostics);
        drop(graph);
        let facts = Facts::of(&model, std::sync::Arc::clone(&explained.allows));
        drop(model);
        self.finish(
            &self.config,
            facts,
            parts,
            dropped,
            &explained,
            catalog_names,
        )
    }

    /// Every finding, unfiltered: the loader's and the graph's, then each
    /// check's in registry order, then `unknown-allow`; what was dropped
    /// past the caps; and what integrity findings already explain.
    fn collect(
        &self,
        config: &Config,
        graph: &OrgGraph<'_>,
        mut found: Vec<Diagnostic>,
    ) -> Collected {
        let model = graph.model();
        found.extend_from_slice(graph.diagnostics());
        let mut explained = Explained {
            left_for_unread: graph.left_for_unread(),
            allows: std::sync::Arc::new(Allows::of(model)),
            ..Explained::default()
        };
        // (One entry per check and entity: the graph keeps no repeats.)
        for f in graph.follow_ons() {
            explained
                .follow_ons
                .entry(f.entity.clone())
                .or_default()
                .push((f.check, f.because, f.because_of.clone()));
        }
        let active: Vec<&dyn Check> = self
            .checks
            .iter()
            .map(|c| &**c)
            .filter(|c| level_in(config, c.meta()) != Level::Allow)
            .collect();
        // Checks are independent: run them on a few threads, each finding
        // kept in its check's slot, then concatenated in registry order so
        // that the output does not depend on scheduling.
        let order = start_order(&active);
        let ran = crate::parallel::map(&order, crate::parallel::threads(4), None, |&i| {
            self.run_one(config, graph, active[i], &explained.allows)
        });
        let mut per_check: Vec<(Vec<Block>, usize)> = Vec::new();
        per_check.resize_with(active.len(), Default::default);
        for (i, found) in order.into_iter().zip(ran) {
            per_check[i] = found;
        }
        let (unknown, unknown_lost) = self.unknown_allows(config, model);
        // The findings stay where they were made, in the order they were
        // made: the loader's and the graph's, each check's blocks in
        // registry order, then `unknown-allow`.
        let mut parts: Vec<Part> = vec![Part::Plain(found)];
        let mut dropped: Vec<Truncated> = Vec::new();
        for (check, (blocks, lost)) in active.iter().zip(per_check) {
            parts.extend(blocks.into_iter().map(Part::Packed));
            if lost > 0 {
                dropped.push(Truncated {
                    check: check.meta().name.to_owned(),
                    dropped: lost,
                });
            }
        }
        parts.extend(unknown.into_iter().map(Part::Packed));
        if unknown_lost > 0 {
            dropped.push(Truncated {
                check: crate::check::unknown_allow::UnknownAllow::NAME.to_owned(),
                dropped: unknown_lost,
            });
        }
        (parts, dropped, explained)
    }

    /// `unknown-allow`: names in `allow:` lists that no registered check has.
    /// Only the linter knows every registered check, so it looks itself.
    ///
    /// Kept like a check's findings: none when the check is allowed, and
    /// past the cap only counted (3,200,000 unknown names were 2.3 GB of
    /// findings, nearly all of them dropped afterwards).
    fn unknown_allows(&self, config: &Config, model: &Model) -> (Vec<Block>, usize) {
        use crate::check::unknown_allow::UnknownAllow;
        let mut out = Sink::for_check(UnknownAllow::NAME, self.max_findings);
        let allowed = self
            .checks
            .iter()
            .find(|c| c.meta().name == UnknownAllow::NAME)
            .is_some_and(|c| level_in(config, c.meta()) == Level::Allow);
        if allowed {
            return out.into_blocks();
        }
        let names: Vec<&str> = self.checks.iter().map(|c| c.meta().name).collect();
        for e in model.entities_allowing() {
            for name in e.allow.iter().filter(|n| !names.contains(&n.as_str())) {
                out.push_with(|| {
                    let shown = crate::check::quote_text(name);
                    let help = match crate::diagnostic::did_you_mean(name, names.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "`opmodel checks` lists every check name".to_owned(),
                    };
                    let entity = crate::model::EntityRef::new(e.kind, e.id.as_ref());
                    Diagnostic::new(
                        UnknownAllow::NAME,
                        entity.clone(),
                        format!("{entity} allows `{shown}`, which is not a check"),
                    )
                    .with_help(help)
                    .at(e.location)
                });
            }
        }
        out.into_blocks()
    }

    fn run_one(
        &self,
        config: &Config,
        graph: &OrgGraph<'_>,
        check: &dyn Check,
        allows: &std::sync::Arc<Allows>,
    ) -> (Vec<Block>, usize) {
        let meta = check.meta();
        let cx = Context::new(graph, config, meta);
        // A finding its entity allows is left out before it takes a place
        // under the cap: kept, it would push out one that is reported.
        let allows = std::sync::Arc::clone(allows);
        let mut out = Sink::for_check(meta.name, self.max_findings)
            .skipping(std::sync::Arc::new(move |d: &Diagnostic| allows.allows(d)));
        check.run(&cx, &mut out);
        out.into_blocks()
    }

    /// Keeps the findings of `parts` that their levels, `allow:` lists and
    /// caps let through, in the order they were made, and puts them in the
    /// spec's order.
    fn finish(
        &self,
        config: &Config,
        facts: Facts,
        parts: Vec<Part>,
        mut truncated: Vec<Truncated>,
        explained: &Explained,
        catalog_names: crate::load::CatalogNames,
    ) -> Findings {
        let follow_ons = &explained.follow_ons;
        // Each registered check's level and its slot in `kept`.
        let levels: HashMap<&str, (Level, usize)> = self
            .checks
            .iter()
            .enumerate()
            .map(|(slot, c)| (c.meta().name, (level_in(config, c.meta()), slot)))
            .collect();
        let Facts {
            allows,
            sources,
            entities,
            near_unread,
        } = facts;
        // Findings made while loading and building are capped here, like the
        // checks' own findings are capped by their sinks.
        let mut kept: Vec<usize> = vec![0; self.checks.len()];
        let mut kept_unregistered: HashMap<String, usize> = HashMap::default();
        // The loader's and the graph's findings.
        let first: &[Diagnostic] = match parts.first() {
            Some(Part::Plain(found)) => found,
            _ => &[],
        };
        // Findings a misspelt field explains (`key-results:`, a team's `own:`,
        // a product's `ownr:`): its `invalid-entity` finding says what it
        // leaves missing, so the checks that would say it again are left out.
        // Whether a finding of `check` about `entity` gets past its level
        // and the allow lists: a finding that explains others leaves them
        // out only then, or nothing would be said at all.
        // The level a check's findings get (a name no check has is denied).
        let level_of = |check: &str| levels.get(check).map_or(Level::Deny, |&(level, _)| level);
        let reported = |check: &str, entity: &EntityRef| -> bool {
            level_of(check) != Level::Allow && !allows.allows_check(check, entity)
        };
        let misspelled: std::collections::HashSet<(&str, EntityRef)> = first
            .iter()
            .filter(|d| reported(&d.check, &d.entity))
            .flat_map(|d| {
                crate::load::explained_follow_ons(d)
                    .into_iter()
                    .filter(|(check, _)| level_of(&d.check) >= level_of(check))
            })
            .map(|(check, entity)| (check, entity.clone()))
            .collect();
        // Products the loader already reported as orphaned in the catalog's
        // own words (a Backstage component owned by a person): the check's
        // plainer finding about them is left out.
        let orphaned_by_loader: std::collections::HashSet<String> = first
            .iter()
            .filter(|d| d.check == crate::check::orphaned_product::OrphanedProduct::NAME)
            .map(|d| d.entity.id.as_str().to_owned())
            .collect();
        // Whether a finding of part `p` is reported at all, and at which
        // severity and against which check's cap: everything but the cap,
        // which depends on the findings before it. It reads shared tables
        // only, so parts are judged on several threads at once.
        // Ids written in a file that could not be read in full: findings
        // about them (other than integrity ones) may be there only because
        // what that file says is missing, so they wait until it reads.
        let unread = sources.unread_words();
        let left_for_unread = std::sync::atomic::AtomicUsize::new(explained.left_for_unread);
        let admit = |d: &mut Diagnostic, p: usize| -> Option<Option<usize>> {
            if p > 0
                && d.check == crate::check::orphaned_product::OrphanedProduct::NAME
                && orphaned_by_loader.contains(d.entity.id.as_str())
            {
                return None;
            }
            if !misspelled.is_empty() && misspelled.contains(&(&*d.check, d.entity.clone())) {
                return None;
            }
            // What an integrity finding already explains (see
            // `OrgGraph::follow_ons`).
            // (An explaining finding set to a lower level than what it
            // stands for does not hide it: `-W unknown-reference` must not
            // turn a product with no owner into an exit status of 0.)
            if follow_ons.get(&d.entity).is_some_and(|explained| {
                explained.iter().any(|(check, because, of)| {
                    *check == d.check
                        && reported(because, of)
                        && level_of(because) >= level_of(&d.check)
                })
            }) {
                return None;
            }
            // A check nobody registered (a user's check pushing under another
            // name) is reported as an error rather than lost.
            let (level, slot) = match levels.get(&*d.check) {
                Some(&(level, slot)) => (level, Some(slot)),
                None => (Level::Deny, None),
            };
            let severity = level.severity()?;
            if allows.allows(d) {
                return None;
            }
            // Held back for a file not read in full (counted only when it
            // would have been reported).
            // (Judging a goal's words, or an entity's own fields, does not
            // depend on another file: those findings about entities near
            // one are reported.)
            let category = slot
                .and_then(|slot| self.checks.get(slot))
                .map(|c| (c.meta().category, c.meta().name));
            let own_fields = category.is_some_and(|(category, name)| {
                category == Category::GoalStyle || OWN_FIELDS_CHECKS.contains(&name)
            });
            if !unread.is_empty()
                && category.is_some_and(|(category, _)| category != Category::Integrity)
                && (unread.contains(d.entity.id.as_str())
                    || !own_fields && near_unread.contains(d.entity.id.as_str()))
            {
                left_for_unread.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                return None;
            }
            // A finding made as a note (a Location target not fetched) stays one.
            if d.severity != Severity::Note {
                d.severity = severity;
            }
            // Checks list related entities and places in whatever order they met
            // them; sorting here keeps the output independent of entity order.
            d.related.sort();
            d.related.dedup();
            d.labels.sort_by(|a, b| {
                let key = |l: &crate::diagnostic::Label| {
                    (
                        sources.display(l.location.file),
                        l.location.line,
                        l.location.column,
                    )
                };
                key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
            });
            Some(slot)
        };
        // Which findings are kept is decided in the order they were made
        // (a cap keeps the first ones); their order in the report after.
        let mut cap = |caps: &[CapOf]| -> Option<Vec<bool>> {
            let mut dropped: Option<Vec<bool>> = None;
            for (made, cap_of) in caps.iter().enumerate() {
                let (count, name): (&mut usize, &str) = match cap_of {
                    CapOf::Slot(slot) => match (kept.get_mut(*slot), self.checks.get(*slot)) {
                        (Some(count), Some(check)) => (count, check.meta().name),
                        _ => {
                            debug_assert!(false, "slots come from `levels`, made from the checks");
                            continue;
                        }
                    },
                    CapOf::Unregistered(name) => {
                        (kept_unregistered.entry(name.to_string()).or_insert(0), name)
                    }
                };
                if *count < self.max_findings {
                    *count += 1;
                    continue;
                }
                match truncated.iter_mut().find(|t| t.check == name) {
                    Some(t) => t.dropped += 1,
                    None => truncated.push(Truncated {
                        check: name.to_owned(),
                        dropped: 1,
                    }),
                }
                if let Some(flag) = dropped
                    .get_or_insert_with(|| vec![false; caps.len()])
                    .get_mut(made)
                {
                    *flag = true;
                }
            }
            dropped
        };
        let files = sources.display_ranks();
        let check_ranks = order::CheckRanks::new(self.checks.iter().map(|c| c.meta().name));
        // Each part is taken out of its slot by the thread that unpacks,
        // judges and sorts it, and let go of there, so the findings are
        // held about once, not twice; the caps are then applied in order,
        // each part laid after the one before, and the sorted parts merged
        // in place.
        let slots: Vec<std::sync::Mutex<Option<Part>>> = parts
            .into_iter()
            .map(|part| std::sync::Mutex::new(Some(part)))
            .collect();
        let judge = |p: usize| {
            let part = slots
                .get(p)
                .and_then(|slot| slot.lock().map_or(None, |mut part| part.take()));
            // Room for every finding of the part at once: growing a list
            // of findings by doubling would move each one about twice.
            let room = part.as_ref().map_or(0, Part::len);
            let mut found: Vec<Diagnostic> = Vec::with_capacity(room);
            let mut caps: Vec<CapOf> = Vec::with_capacity(room);
            let mut take = |mut d: Diagnostic| {
                if let Some(slot) = admit(&mut d, p) {
                    caps.push(
                        slot.map_or_else(|| CapOf::Unregistered(d.check.clone()), CapOf::Slot),
                    );
                    found.push(d);
                }
            };
            match part {
                Some(Part::Plain(found)) => found.into_iter().for_each(&mut take),
                Some(Part::Packed(found)) => found.unpack().for_each(&mut take),
                None => {}
            }
            let keys = order::sort_run(&mut found, &files, &check_ranks);
            (found, keys, caps)
        };
        let numbers: Vec<usize> = (0..slots.len()).collect();
        // Each run is packed again in its sorted order once its caps are
        // applied: the findings are then read out merged, a few at a time.
        let mut blocks: Vec<Block> = Vec::with_capacity(slots.len());
        let mut unread_files: std::collections::BTreeSet<crate::source::FileId> =
            std::collections::BTreeSet::new();
        let is_unread = |d: &Diagnostic| {
            d.check == crate::load::INVALID_FILE
                && d.location
                    .and_then(|l| sources.get(l.file))
                    .is_some_and(crate::source::SourceFile::is_unread)
        };
        crate::parallel::for_each_in_order(
            &numbers,
            crate::parallel::threads(4),
            None,
            |&p| judge(p),
            |(found, keys, caps)| {
                let dropped = cap(&caps);
                let is_dropped = |k: &order::SortKey| {
                    dropped
                        .as_ref()
                        .and_then(|d| d.get(k.made()))
                        .copied()
                        .unwrap_or(false)
                };
                let stamp = match found.first().map(|d| &d.check) {
                    Some(std::borrow::Cow::Borrowed(name)) => Some(*name),
                    _ => None,
                };
                let mut block = Block::with_capacity(found.len(), stamp);
                for (d, k) in found.into_iter().zip(&keys) {
                    if is_dropped(k) {
                        continue;
                    }
                    if is_unread(&d)
                        && let Some(l) = d.location
                    {
                        unread_files.insert(l.file);
                    }
                    block.push(d);
                }
                block.close();
                blocks.push(block);
            },
        );
        let left_for_unread = left_for_unread.into_inner();
        let unread_note =
            (left_for_unread > 0).then(|| unread_note(left_for_unread, unread_files.len()));
        let unread: Vec<bool> = sources.iter().map(|(_, f)| f.is_unread()).collect();
        let finish = findings::Finish {
            toml: toml_help::toml_files(&sources),
            unread,
            unread_note,
            told: std::collections::HashSet::new(),
            catalog_names,
        };
        truncated.sort_by(|a, b| a.check.cmp(&b.check));
        Findings {
            findings: findings::Ordered::new(blocks, files, check_ranks, finish),
            sources,
            truncated,
            entities,
        }
    }
}

/// What the help of the `invalid-file` finding of each file that could not
/// be read in full adds: that `left` findings about the ids written in such
/// files (`files` of them) were left out until they read.
fn unread_note(left: usize, files: usize) -> String {
    let findings = if left == 1 {
        "1 finding about an id".to_owned()
    } else {
        format!("{left} findings about ids")
    };
    let is = if left == 1 { "is" } else { "are" };
    let (place, until) = if files == 1 {
        (
            "this file",
            "it reads (what it says is missing from the model)",
        )
    } else {
        (
            "the files that cannot be read",
            "they read (what they say is missing from the model)",
        )
    };
    format!(
        "; {findings} written in {place}, or about entities that refer to such ids, {is} left out until {until}"
    )
}

/// The order to start `checks` in (their places in the list):
/// `milestone-key-result`, then the decision-rights checks, then the other
/// goal-style ones, then the rest from the last registered.
///
/// On a big org these take the longest, and one started last leaves the
/// other threads idle at the end. `milestone-key-result` runs the
/// goal-style classifier on every distinct key result text: when most
/// texts differ it alone is about a third of all the checks' work, so it
/// starts first and the other threads share the rest meanwhile. The
/// decision-rights checks build tables over every decision right; these
/// go before most findings are held: the findings of every check pile up
/// until the last one ends, so that is when memory peaks.
fn start_order(checks: &[&dyn Check]) -> Vec<usize> {
    let family = |i: usize| {
        let meta = checks[i].meta();
        if meta.name == MilestoneKeyResult::NAME {
            return 0;
        }
        match meta.category {
            Category::DecisionRights => 1,
            Category::GoalStyle => 2,
            _ => 3,
        }
    };
    let mut order: Vec<usize> = (0..checks.len()).rev().collect();
    // Stable: within a family, the last registered first.
    order.sort_by_key(|&i| family(i));
    order
}

/// The level `meta`'s check runs at under `config`.
fn level_in(config: &Config, meta: &CheckMeta) -> Level {
    config.effective_level(meta.name, meta.default_level)
}

#[cfg(test)]
mod start_order_tests {
    use crate::check::milestone_key_result::MilestoneKeyResult;
    use crate::check::{Category, Check, registry};

    #[test]
    fn milestones_then_decision_rights_then_goal_style_then_the_rest_from_the_last_registered() {
        let checks = registry::builtin();
        let active: Vec<&dyn Check> = checks.iter().map(|c| &**c).collect();
        let mut order = super::start_order(&active);
        let mut each_once = order.clone();
        each_once.sort_unstable();
        assert_eq!(each_once, (0..active.len()).collect::<Vec<_>>());
        let first = order.remove(0);
        assert_eq!(active[first].meta().name, MilestoneKeyResult::NAME);
        let families: Vec<Category> = order.iter().map(|&i| active[i].meta().category).collect();
        let decisions = families
            .iter()
            .filter(|&&c| c == Category::DecisionRights)
            .count();
        let goals = families
            .iter()
            .filter(|&&c| c == Category::GoalStyle)
            .count();
        assert!(decisions > 0 && goals > 0);
        assert!(
            families[..decisions]
                .iter()
                .all(|&c| c == Category::DecisionRights)
        );
        let goal_end = decisions + goals;
        assert!(
            families[decisions..goal_end]
                .iter()
                .all(|&c| c == Category::GoalStyle)
        );
        let rest = &order[goal_end..];
        assert!(rest.windows(2).all(|w| w[0] > w[1]), "{rest:?}");
    }
}

#[cfg(test)]
mod order_tests {
    use crate::check::{Category, Check, CheckMeta, Context, Sink};
    use crate::config::Level;
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::model::{EntityKind, EntityRef, Model};
    use crate::source::{FileId, Location};

    static SCRIPTED: CheckMeta = CheckMeta {
        name: "scripted",
        category: Category::Custom,
        default_level: Level::Warn,
        summary: "pushes the findings it was given",
        docs: "",
        params: &[],
    };

    static ALSO_SCRIPTED: CheckMeta = CheckMeta {
        name: "also-scripted",
        default_level: Level::Deny,
        ..SCRIPTED
    };

    /// A check that pushes the findings it holds.
    struct Scripted(&'static CheckMeta, Vec<Diagnostic>);

    impl Check for Scripted {
        fn meta(&self) -> &CheckMeta {
            self.0
        }

        fn run(&self, _: &Context<'_, '_>, out: &mut Sink) {
            self.1.iter().for_each(|d| out.push(d.clone()));
        }
    }

    /// Findings of every shape the sort keys tell apart, or leave to
    /// `total_cmp`: no file, files in the table and one missing from it,
    /// a focus away from the location, ids sharing their first sixteen
    /// bytes, two checks, repeats.
    fn findings(n: usize) -> Vec<Diagnostic> {
        let ids = [
            "team-payments-platform-b",
            "team-payments-platform-a",
            "team-payments-platform",
            "a",
            "",
            "ü-team",
        ];
        let mut state: u64 = 7;
        let mut next = |below: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) as usize) % below
        };
        (0..n)
            .map(|_| {
                let file = [None, Some(0), Some(1), Some(7)][next(4)];
                let place = |line: u32, column: u32| {
                    file.map(|f| Location::point(FileId::at(f), line, column))
                };
                let line = u32::try_from(next(3)).unwrap_or(0) + 1;
                let check = [SCRIPTED.name, ALSO_SCRIPTED.name][usize::from(next(4) == 0)];
                let id = ids[next(ids.len())];
                let mut d = Diagnostic::new(check, EntityRef::new(EntityKind::Team, id), "m")
                    .at(place(line, 1 + u32::try_from(next(2)).unwrap_or(0)));
                if next(3) == 0 {
                    d = d.with_focus(place(4 - line, 2), "here");
                }
                if next(2) == 0 {
                    d.message = "another".into();
                }
                d
            })
            .collect()
    }

    /// A finding named `check` about product `p{line}`, on that line.
    fn on_line(check: &'static str, line: u32) -> Diagnostic {
        Diagnostic::new(
            check,
            EntityRef::new(EntityKind::Product, format!("p{line:02}")),
            "breaks a house rule",
        )
        .at(Some(Location::point(FileId::at(0), line, 1)))
    }

    /// An empty `org.yaml` as loaded, with `found` among the loader's findings.
    fn loaded_with(found: impl IntoIterator<Item = Diagnostic>) -> crate::load::Loaded {
        let mut loaded = crate::load::load_str("", crate::load::Format::Yaml, "org.yaml");
        loaded.diagnostics.extend(found);
        loaded
    }

    /// The ids of `check`'s findings in `report`, and what was dropped.
    fn kept_and_dropped<'r>(
        report: &'r crate::report::Report,
        check: &str,
    ) -> (Vec<&'r str>, Vec<(&'r str, usize)>) {
        let kept = report
            .diagnostics
            .iter()
            .filter(|d| d.check == check)
            .map(|d| d.entity.id.as_str())
            .collect();
        let dropped = report
            .truncated
            .iter()
            .map(|t| (t.check.as_str(), t.dropped))
            .collect();
        (kept, dropped)
    }

    #[test]
    fn a_cap_keeps_the_first_findings_made_wherever_they_sort() {
        // The loader's findings come first, made from the bottom of the
        // file up; the check's own come next. With room for ten, the
        // loader's eight are kept and the first two of the check's.
        let loaded = loaded_with((9..=16).rev().map(|line| on_line(SCRIPTED.name, line)));
        let own: Vec<Diagnostic> = (1..=8).map(|line| on_line(SCRIPTED.name, line)).collect();
        let linter = super::Linter::new()
            .with_max_findings(10)
            .with_check(Scripted(&SCRIPTED, own))
            .expect("a new name");
        let report = linter.check_owned(loaded);
        let (kept, dropped) = kept_and_dropped(&report, SCRIPTED.name);
        assert_eq!(
            kept,
            [
                "p01", "p02", "p09", "p10", "p11", "p12", "p13", "p14", "p15", "p16"
            ]
        );
        assert_eq!(dropped, [(SCRIPTED.name, 6)]);
    }

    #[test]
    fn an_allowed_finding_takes_no_place_under_the_cap() {
        // The first product allows `orphaned-product`; with room for one,
        // the one kept is the second product's, which is reported.
        let yaml = "products:\n  - id: a\n    allow: [orphaned-product]\n  - id: b\n  - id: c\n";
        let model = crate::load::load_str(yaml, crate::load::Format::Yaml, "org.yaml").model;
        let report = super::Linter::new()
            .with_max_findings(1)
            .check_model(&model);
        let orphans: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.check == "orphaned-product")
            .map(|d| d.entity.id.as_str())
            .collect();
        assert_eq!(orphans, ["b"]);
        let dropped: Vec<(&str, usize)> = report
            .truncated
            .iter()
            .filter(|t| t.check == "orphaned-product")
            .map(|t| (t.check.as_str(), t.dropped))
            .collect();
        assert_eq!(dropped, [("orphaned-product", 1)]);
        assert!(report.has_errors());
    }

    #[test]
    fn a_name_no_check_has_is_capped_on_its_own() {
        let loaded = loaded_with((1..=12).rev().map(|line| on_line("house-rule", line)));
        let report = super::Linter::new()
            .with_max_findings(10)
            .check_owned(loaded);
        let (kept, dropped) = kept_and_dropped(&report, "house-rule");
        let expected: Vec<String> = (3..=12).map(|line| format!("p{line:02}")).collect();
        assert_eq!(kept, expected);
        assert_eq!(dropped, [("house-rule", 2)]);
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.check != "house-rule" || d.severity == Severity::Error)
        );
    }

    #[test]
    fn findings_come_in_the_order_of_total_cmp_without_repeats() {
        // Enough findings for the sort to take two threads.
        for n in [40, 40_000] {
            let found = findings(n);
            let mut model = Model::default();
            model.sources.add("b.yaml", "");
            model.sources.add("a.yaml", "");
            let of = |name: &str| -> Vec<Diagnostic> {
                found.iter().filter(|d| d.check == name).cloned().collect()
            };
            let linter = super::Linter::new()
                .with_max_findings(1_000_000)
                .with_check(Scripted(&SCRIPTED, of(SCRIPTED.name)))
                .and_then(|l| l.with_check(Scripted(&ALSO_SCRIPTED, of(ALSO_SCRIPTED.name))))
                .expect("new names");
            let report = linter.check_model(&model);
            let ranks = model.sources.display_ranks();
            let mut expected: Vec<Diagnostic> = found
                .into_iter()
                .map(|mut d| {
                    d.severity = if d.check == SCRIPTED.name {
                        Severity::Warning
                    } else {
                        Severity::Error
                    };
                    d
                })
                .collect();
            expected.sort_by(|a, b| a.total_cmp(b, &ranks));
            expected.dedup();
            let shown: Vec<&Diagnostic> = report
                .diagnostics
                .iter()
                .filter(|d| d.check == SCRIPTED.name || d.check == ALSO_SCRIPTED.name)
                .collect();
            assert!(expected.len() < n, "some findings repeat");
            assert_eq!(shown.len(), expected.len());
            for (i, (got, want)) in shown.iter().zip(&expected).enumerate() {
                assert_eq!(*got, want, "finding {i} of {n}");
            }
        }
    }
}

#[cfg(test)]
mod allow_tests {
    use crate::load::{Format, load_str};

    /// `allow:` lists are kept sorted and without repeats, so that each
    /// finding is looked up in its entity's list by halving it: a long list
    /// met by many findings on one entity was a scan per finding.
    #[test]
    fn allow_lists_are_sorted_and_still_allow() {
        let mut names: Vec<String> = (0..2_000).map(|i| format!("check-{i}")).collect();
        names.push("orphaned-product".to_owned());
        names.push("check-7".to_owned());
        names.reverse();
        let yaml = format!(
            "products:\n  - id: lonely\n    allow: [{}]\nobjectives:\n  - id: q3\n    title: Grow\n    allow: [unmeasurable-key-result, milestone-key-result, unmeasurable-key-result]\n    key_results: [Launch the app by August]\n",
            names.join(", ")
        );
        let model = load_str(&yaml, Format::Yaml, "org.yaml").model;
        let facts = super::Allows::of(&model);
        let product = &facts.allowed[&crate::model::EntityKind::Product]["lonely"];
        assert_eq!(product.len(), 2_001);
        assert!(product.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            facts.objective_allows["q3#1"],
            ["milestone-key-result", "unmeasurable-key-result"]
        );
        let report = crate::Linter::new().check_model(&model);
        let checks: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (&*d.check, d.entity.id.as_str()))
            .collect();
        assert!(
            !checks.contains(&("orphaned-product", "lonely")),
            "{checks:?}"
        );
        assert!(!checks.iter().any(|(_, id)| *id == "q3#1"), "{checks:?}");
        // The names no check has are still each reported.
        assert!(checks.contains(&("unknown-allow", "lonely")), "{checks:?}");
    }
}
