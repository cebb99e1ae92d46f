//! A synthetic org generator, for benchmarks and for testing the checks at
//! scale (feature `synth`).
//!
//! [`generate`] builds an organisation of N delivery teams in a 2–3 level
//! unit hierarchy (tribes of 8–12 teams, optionally grouped into business
//! units), with realistic ratios per team (about 1.5 products, 0.5
//! outcomes, 1 objective with 3 key results, 2 decision rights, members
//! with roles), realistic ids and texts, and defects planted at a set rate.
//! [`Synthetic`] keeps the list of planted [`Defect`]s, so that a test can
//! assert that the checks find exactly them, and writes the org as one
//! JSON file, one YAML file or a folder of one file per team.
//!
//! The same [`Spec`] always gives the same bytes: all randomness comes from
//! a small SplitMix64 generator seeded by [`Spec::seed`].
//!
//! ```
//! use opmodel::synth::{Spec, generate};
//! let org = generate(&Spec { teams: 50, seed: 7, defect_rate: 0.1, ..Spec::default() });
//! let mut json = Vec::new();
//! org.write_json(&mut json).unwrap();
//! let loaded = opmodel::load::load_str(std::str::from_utf8(&json).unwrap(), opmodel::load::Format::Json, "org.json");
//! assert!(loaded.model.teams.len() > 50);
//! assert!(!org.defects.is_empty());
//! ```

mod emit;
mod words;

use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use crate::model::{EntityKind, EntityRef};
use words::*;

/// The check names the generator plants defects for.
pub const PLANTED_CHECKS: [&str; 8] = [
    "unknown-reference",
    "duplicate-id",
    "orphaned-product",
    "unclear-ownership",
    "missing-decider",
    "conflicting-deciders",
    "objective-without-key-results",
    "hierarchy-cycle",
];

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// How many delivery teams (units, governance and business teams come on top).
    pub teams: usize,
    /// The seed: the same seed gives the same org, byte for byte.
    pub seed: u64,
    /// The share of teams that get a planted defect (0.0 to 1.0).
    pub defect_rate: f64,
    /// Whether tribes are grouped again into business units (a third level).
    pub business_units: bool,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            teams: 1000,
            seed: 7,
            defect_rate: 0.01,
            business_units: true,
        }
    }
}

/// The file format of the files [`Synthetic::write_folder`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// `.json` files.
    Json,
    /// `.yaml` files.
    Yaml,
}

impl FileFormat {
    fn ext(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Yaml => "yaml",
        }
    }
}

/// One planted defect: the check that must report it and the entity it
/// must be reported on.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Defect {
    /// The check name (one of [`PLANTED_CHECKS`]).
    pub check: &'static str,
    /// The entity the diagnostic is about.
    pub entity: EntityRef,
}

/// A generated org: its files and the defects planted in them.
#[derive(Clone, Debug)]
pub struct Synthetic {
    /// The organisation's display name.
    pub name: String,
    /// Every planted defect, in generation order.
    pub defects: Vec<Defect>,
    files: Vec<File>,
    delivery_teams: usize,
}

impl Synthetic {
    /// How many delivery teams were asked for.
    pub fn team_count(&self) -> usize {
        self.delivery_teams
    }

    /// How many entities (teams, products, outcomes, objectives, key
    /// results, decision rights) the org holds, as
    /// [`Model::entity_count`](crate::model::Model::entity_count) would count them.
    pub fn entity_count(&self) -> usize {
        self.files
            .iter()
            .map(|f| {
                f.teams.len()
                    + f.products.len()
                    + f.outcomes.len()
                    + f.objectives
                        .iter()
                        .map(|o| 1 + o.key_results.len())
                        .sum::<usize>()
                    + f.decisions.len()
            })
            .sum()
    }

    /// Writes the whole org as one JSON document (pretty-printed). Writing
    /// is buffered internally and streamed: no string of the whole file is built.
    ///
    /// # Errors
    ///
    /// Whatever writing to `out` fails with.
    pub fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        emit::write_doc(self, &self.files, FileFormat::Json, true, out)
    }

    /// Writes the whole org as one YAML document, streamed like [`Synthetic::write_json`].
    ///
    /// # Errors
    ///
    /// Whatever writing to `out` fails with.
    pub fn write_yaml(&self, out: &mut impl Write) -> io::Result<()> {
        emit::write_doc(self, &self.files, FileFormat::Yaml, true, out)
    }

    /// Writes the org as a folder: `org.<ext>` with the organisation, the
    /// units, central teams, unit outcomes and organisation-wide decisions,
    /// and `teams/<unit>/<team>.<ext>` with each team, its products,
    /// outcomes, objectives and decisions. `dir` is created if needed.
    ///
    /// # Errors
    ///
    /// Any error creating folders or writing files.
    pub fn write_folder(&self, dir: &Path, format: FileFormat) -> io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let mut made: Vec<&str> = Vec::new();
        for (i, file) in self.files.iter().enumerate() {
            let path = match &file.folder {
                None => dir.join(format!("{}.{}", file.name, format.ext())),
                Some(folder) => {
                    let sub = dir.join("teams").join(folder);
                    if made.last() != Some(&folder.as_str()) {
                        std::fs::create_dir_all(&sub)?;
                        made.push(folder);
                    }
                    sub.join(format!("{}.{}", file.name, format.ext()))
                }
            };
            let mut f = std::fs::File::create(path)?;
            emit::write_doc(self, std::slice::from_ref(file), format, i == 0, &mut f)?;
        }
        Ok(())
    }
}

/// Generates an org.
pub fn generate(spec: &Spec) -> Synthetic {
    Gen::new(spec).run()
}

// ---------------------------------------------------------------------------
// The generated document.

#[derive(Clone, Debug, Default)]
struct File {
    /// Folder below `teams/` (None for the org file).
    folder: Option<String>,
    name: String,
    teams: Vec<STeam>,
    products: Vec<SProduct>,
    outcomes: Vec<SOutcome>,
    objectives: Vec<SObjective>,
    decisions: Vec<SDecision>,
}

#[derive(Clone, Debug)]
struct STeam {
    id: String,
    name: String,
    kind: &'static str,
    parent: Option<String>,
    owns: Vec<String>,
    /// (first name, last name, role) indices and words.
    members: Vec<(u8, u8, &'static str)>,
}

#[derive(Clone, Debug)]
struct SProduct {
    id: String,
    name: String,
    kind: &'static str,
    owner: Vec<String>,
    contributors: Vec<String>,
    part_of: Option<String>,
    outcomes: Vec<String>,
    funding: Option<&'static str>,
}

#[derive(Clone, Debug)]
struct SOutcome {
    id: String,
    statement: String,
    metric: &'static str,
    baseline: f64,
    target: f64,
    owner: Option<String>,
    supports: Vec<String>,
}

#[derive(Clone, Debug)]
struct SObjective {
    id: String,
    title: String,
    owner: Option<String>,
    period: &'static str,
    supports: Vec<String>,
    /// `None`: the key_results field is left out.
    key_results: Vec<SKr>,
    omit_key_results: bool,
}

#[derive(Clone, Debug)]
struct SKr {
    id: Option<String>,
    text: String,
    metric: Option<&'static str>,
    baseline: Option<f64>,
    target: Option<f64>,
    unit: Option<&'static str>,
    kind: Option<&'static str>,
}

#[derive(Clone, Debug)]
struct SDecision {
    area: &'static str,
    scope: String,
    decides: Vec<String>,
    recommends: Vec<String>,
    consulted: Vec<String>,
    agrees: Vec<String>,
    informed: Vec<String>,
    escalates_to: Option<String>,
}

impl SDecision {
    fn new(area: &'static str, scope: &str) -> Self {
        Self {
            area,
            scope: scope.to_owned(),
            decides: Vec::new(),
            recommends: Vec::new(),
            consulted: Vec::new(),
            agrees: Vec::new(),
            informed: Vec::new(),
            escalates_to: None,
        }
    }
}

// ---------------------------------------------------------------------------
// Generation.

/// SplitMix64: tiny, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Orphaned,
    Unclear,
    Dangling,
    Duplicate,
    MissingDecider,
    Conflicting,
    NoKeyResults,
    Cycle,
}

/// Relative weights of the defect kinds (cycles are few).
const KINDS: [(Kind, u32); 8] = [
    (Kind::Orphaned, 3),
    (Kind::Unclear, 3),
    (Kind::Dangling, 3),
    (Kind::Duplicate, 2),
    (Kind::MissingDecider, 2),
    (Kind::Conflicting, 2),
    (Kind::NoKeyResults, 2),
    (Kind::Cycle, 1),
];

struct Unit {
    id: String,
    domain: usize,
    teams: std::ops::Range<usize>,
    parent: String,
}

struct Gen<'s> {
    spec: &'s Spec,
    rng: Rng,
    units: Vec<Unit>,
    team_ids: Vec<String>,
    team_unit: Vec<usize>,
    defects: Vec<Defect>,
    products: usize,
    outcomes: usize,
    objectives: usize,
    buf: String,
}

const PERIOD: &str = "2026-Q3";
const GOVERNANCE: [(&str, &str, &str); 3] = [
    ("team-security-governance", "Security Office", "security"),
    (
        "team-compliance-governance",
        "Compliance Office",
        "compliance",
    ),
    (
        "team-architecture-governance",
        "Architecture Board",
        "architecture-standards",
    ),
];

impl<'s> Gen<'s> {
    fn new(spec: &'s Spec) -> Self {
        Self {
            spec,
            rng: Rng(spec.seed ^ 0x6f70_6d6f_6465_6c00),
            units: Vec::new(),
            team_ids: Vec::with_capacity(spec.teams),
            team_unit: Vec::with_capacity(spec.teams),
            defects: Vec::new(),
            products: 0,
            outcomes: 0,
            objectives: 0,
            buf: String::new(),
        }
    }

    fn plant(&mut self, check: &'static str, kind: EntityKind, id: &str) {
        self.defects.push(Defect {
            check,
            entity: EntityRef::new(kind, id),
        });
    }

    fn run(mut self) -> Synthetic {
        self.hierarchy();
        let mut org = self.org_file();
        let mut files: Vec<File> = Vec::with_capacity(self.spec.teams + 1);
        for t in 0..self.spec.teams {
            let file = self.team_file(t, &mut files);
            files.push(file);
        }
        self.unit_content(&mut org);
        files.insert(0, org);
        let name = format!("Synthetic Org {}", self.spec.seed);
        Synthetic {
            name,
            defects: self.defects,
            files,
            delivery_teams: self.spec.teams,
        }
    }

    fn hierarchy(&mut self) {
        let n = self.spec.teams;
        let mut start = 0;
        let mut u = 0;
        let mut bu = 0;
        let mut bu_left = 0;
        let mut bu_id = String::from(crate::model::ORGANIZATION);
        while start < n {
            let size = (8 + self.rng.below(5)).min(n - start);
            let domain = self.rng.below(DOMAINS.len());
            if self.spec.business_units {
                if bu_left == 0 {
                    bu_left = 4 + self.rng.below(5);
                    bu_id = format!("bu-{}-{:02}", BUSINESS_UNITS[bu % BUSINESS_UNITS.len()], bu);
                    bu += 1;
                }
                bu_left -= 1;
            }
            let id = format!("unit-{}-{:03}", DOMAINS[domain].0, u);
            for t in start..start + size {
                self.team_ids
                    .push(format!("team-{}-{:03}", DOMAINS[domain].0, t));
                self.team_unit.push(u);
            }
            self.units.push(Unit {
                id,
                domain,
                teams: start..start + size,
                parent: bu_id.clone(),
            });
            start += size;
            u += 1;
        }
    }

    fn org_file(&mut self) -> File {
        let mut f = File {
            name: "org".to_owned(),
            ..File::default()
        };
        let mut last_bu = "";
        for unit in &self.units {
            if unit.parent != crate::model::ORGANIZATION && unit.parent != last_bu {
                last_bu = &unit.parent;
                let word = unit.parent.split('-').nth(1).unwrap_or("business");
                f.teams.push(STeam {
                    id: unit.parent.clone(),
                    name: format!("{} Business Unit", capitalise(word)),
                    kind: "unit",
                    parent: Some(crate::model::ORGANIZATION.to_owned()),
                    owns: Vec::new(),
                    members: Vec::new(),
                });
            }
            f.teams.push(STeam {
                id: unit.id.clone(),
                name: format!(
                    "{} Tribe {}",
                    capitalise(DOMAINS[unit.domain].0),
                    &unit.id[unit.id.len() - 3..]
                ),
                kind: "unit",
                parent: Some(unit.parent.clone()),
                owns: Vec::new(),
                members: Vec::new(),
            });
        }
        for (id, name, _) in GOVERNANCE {
            f.teams.push(STeam {
                id: id.to_owned(),
                name: name.to_owned(),
                kind: "governance",
                parent: Some(crate::model::ORGANIZATION.to_owned()),
                owns: Vec::new(),
                members: vec![(0, 0, "engineering-lead"), (1, 1, "engineer")],
            });
        }
        for (i, (slug, text, unit, lo, hi, up)) in METRICS.iter().take(3).enumerate() {
            let (a, b) = values(&mut self.rng, *lo, *hi, *up);
            f.outcomes.push(SOutcome {
                id: format!("outcome-company-{slug}"),
                statement: format!(
                    "Customers love us: {text} moves from {a}{unit} to {b}{unit}",
                    unit = short_unit(unit)
                ),
                metric: text,
                baseline: a,
                target: b,
                owner: None,
                supports: Vec::new(),
            });
            let _ = i;
        }
        for (id, _, area) in GOVERNANCE {
            let mut d = SDecision::new(area, crate::model::ORGANIZATION);
            d.decides.push(id.to_owned());
            d.escalates_to = Some(crate::model::ORGANIZATION.to_owned());
            f.decisions.push(d);
        }
        f
    }

    /// Unit-level outcomes and decisions (generated after the teams so that
    /// team generation does not depend on them).
    fn unit_content(&mut self, org: &mut File) {
        for u in 0..self.units.len() {
            let unit_id = self.units[u].id.clone();
            let domain = self.units[u].domain;
            let outcome = unit_outcome_id(&unit_id);
            let (slug, text, unit, lo, hi, up) = *self.rng.pick(METRICS);
            let _ = slug;
            let (a, b) = values(&mut self.rng, lo, hi, up);
            let audience = self.rng.pick(AUDIENCES);
            let change = self.rng.pick(CHANGES);
            let _ = domain;
            org.outcomes.push(SOutcome {
                id: outcome,
                statement: format!("{audience} {change}"),
                metric: text,
                baseline: a,
                target: b,
                owner: Some(unit_id.clone()),
                supports: vec![format!("outcome-company-{}", METRICS[self.rng.below(3)].0)],
            });
            let _ = unit;
            let mut d = SDecision::new("budget-allocation", &unit_id);
            d.decides.push(unit_id.clone());
            d.consulted
                .push(self.team_ids[self.units[u].teams.start].clone());
            d.escalates_to = Some(self.units[u].parent.clone());
            org.decisions.push(d);
        }
    }

    fn next_product_id(&mut self, domain: usize) -> (String, String, &'static str) {
        let noun = *self.rng.pick(DOMAINS[domain].1);
        let (surface, kind) = *self.rng.pick(SURFACES);
        let p = self.products;
        self.products += 1;
        let id = format!("prod-{noun}-{surface}-{p:04}");
        let name = format!("{} {}", title_words(noun), surface_name(surface));
        (id, name, kind)
    }

    fn product(&mut self, domain: usize, owner: &str) -> SProduct {
        let (id, name, kind) = self.next_product_id(domain);
        SProduct {
            id,
            name,
            kind,
            owner: vec![owner.to_owned()],
            contributors: Vec::new(),
            part_of: None,
            outcomes: Vec::new(),
            funding: Some("product"),
        }
    }

    fn outcome(&mut self, owner: &str, supports: &str) -> SOutcome {
        let (slug, text, _unit, lo, hi, up) = *self.rng.pick(METRICS);
        let (a, b) = values(&mut self.rng, lo, hi, up);
        let audience = self.rng.pick(AUDIENCES);
        let change = self.rng.pick(CHANGES);
        let i = self.outcomes;
        self.outcomes += 1;
        SOutcome {
            id: format!("outcome-{slug}-{i:04}"),
            statement: format!("{audience} {change}"),
            metric: text,
            baseline: a,
            target: b,
            owner: Some(owner.to_owned()),
            supports: vec![supports.to_owned()],
        }
    }

    fn key_result(&mut self, noun: &str) -> SKr {
        self.buf.clear();
        if self.rng.chance(0.7) {
            let (_, m, unit, lo, hi, up) = *self.rng.pick(METRICS);
            let (a, b) = values(&mut self.rng, lo, hi, up);
            let template = if up {
                *self.rng.pick(OUTCOME_KRS)
            } else {
                *self.rng.pick(LOWER_KRS)
            };
            let u = short_unit(unit);
            fill(
                &mut self.buf,
                template,
                &[
                    ("{m}", m),
                    ("{a}", &fmt_num(a)),
                    ("{b}", &fmt_num(b)),
                    ("{u}", &u),
                ],
            );
            let table = self.rng.chance(0.25);
            SKr {
                id: None,
                text: self.buf.clone(),
                metric: table.then_some(m),
                baseline: table.then_some(a),
                target: table.then_some(b),
                unit: table.then_some(unit),
                kind: None,
            }
        } else {
            let template = *self.rng.pick(MILESTONE_KRS);
            let month = *self.rng.pick(MONTHS);
            let n = (2 + self.rng.below(6)).to_string();
            let noun = noun.replace('-', " ");
            fill(
                &mut self.buf,
                template,
                &[("{noun}", &noun), ("{month}", month), ("{n}", &n)],
            );
            let declared = self.rng.chance(0.2);
            SKr {
                id: None,
                text: self.buf.clone(),
                metric: None,
                baseline: None,
                target: None,
                unit: None,
                kind: declared.then_some("milestone"),
            }
        }
    }

    fn objective(&mut self, domain: usize, owner: &str, supports: &str) -> SObjective {
        let noun = *self.rng.pick(DOMAINS[domain].1);
        let title_t = if self.rng.chance(0.15) {
            *self.rng.pick(PROJECT_TITLES)
        } else {
            *self.rng.pick(OBJECTIVE_TITLES)
        };
        let words = noun.replace('-', " ");
        let mut title = String::new();
        fill(
            &mut title,
            title_t,
            &[("{noun}", &words), ("{Noun}", &capitalise(&words))],
        );
        let i = self.objectives;
        self.objectives += 1;
        let id = format!("obj-{}-2026q3-{i:04}", DOMAINS[domain].0);
        let count = 2 + self.rng.below(3);
        let mut key_results = Vec::with_capacity(count);
        for k in 0..count {
            let mut kr = self.key_result(noun);
            if kr.metric.is_some() {
                kr.id = Some(format!("{id}-kr{}", k + 1));
            }
            key_results.push(kr);
        }
        SObjective {
            id,
            title,
            owner: Some(owner.to_owned()),
            period: PERIOD,
            supports: vec![supports.to_owned()],
            key_results,
            omit_key_results: false,
        }
    }

    fn team_file(&mut self, t: usize, files: &mut [File]) -> File {
        let u = self.team_unit[t];
        let domain = self.units[u].domain;
        let unit_id = self.units[u].id.clone();
        let id = self.team_ids[t].clone();
        let first_of_unit = self.units[u].teams.start == t;
        let kind = if first_of_unit {
            "platform"
        } else {
            match self.rng.below(20) {
                0 => "enabling",
                1 => "complicated-subsystem",
                _ => "stream-aligned",
            }
        };
        let mut f = File {
            folder: Some(unit_id.clone()),
            name: id.clone(),
            ..File::default()
        };
        // Members.
        let mut members = Vec::with_capacity(8);
        for role in ["product-manager", "engineering-lead", "designer"] {
            if self.rng.chance(0.9) {
                members.push(self.member(role));
            }
        }
        for _ in 0..2 + self.rng.below(4) {
            members.push(self.member("engineer"));
        }
        if self.rng.chance(0.3) {
            members.push(self.member("data-analyst"));
        }
        let noun = *self.rng.pick(DOMAINS[domain].1);
        f.teams.push(STeam {
            id: id.clone(),
            name: format!(
                "{} {}",
                title_words(noun),
                &id[id.rfind('-').map_or(0, |i| i + 1)..]
            ),
            kind,
            parent: Some(unit_id.clone()),
            owns: Vec::new(),
            members,
        });
        // Outcome (about half the teams).
        let unit_outcome = unit_outcome_id(&unit_id);
        let own_outcome = if self.rng.chance(0.5) {
            let o = self.outcome(&id, &unit_outcome);
            let oid = o.id.clone();
            f.outcomes.push(o);
            Some(oid)
        } else {
            None
        };
        let serves = own_outcome.clone().unwrap_or_else(|| unit_outcome.clone());
        // Products: one or two.
        let count = 1 + usize::from(self.rng.chance(0.5));
        let platform = self.team_ids[self.units[u].teams.start].clone();
        for k in 0..count {
            let mut p = self.product(domain, &id);
            if self.rng.chance(0.5) {
                // Claimed from the team side instead of the product side.
                p.owner.clear();
                f.teams[0].owns.push(p.id.clone());
            }
            if k == 1 && self.rng.chance(0.3) {
                p.part_of = Some(f.products[0].id.clone());
            } else {
                p.outcomes.push(serves.clone());
            }
            if platform != id && self.rng.chance(0.3) {
                p.contributors.push(platform.clone());
            }
            if self.rng.chance(0.05) {
                p.funding = Some("project");
            }
            f.products.push(p);
        }
        // Objective.
        let supports = own_outcome.clone().unwrap_or_else(|| unit_outcome.clone());
        let o = self.objective(domain, &id, &supports);
        f.objectives.push(o);
        // Decision rights: two distinct (area, scope) pairs owned by the team.
        let p0 = f.products[0].id.clone();
        let mut options: Vec<(&'static str, String)> = vec![
            ("roadmap", id.clone()),
            ("hiring", id.clone()),
            ("feature-set", p0.clone()),
            ("vendor-selection", p0.clone()),
            ("release", p0),
        ];
        if let Some(p1) = f.products.get(1) {
            options.push(("feature-set", p1.id.clone()));
        }
        for _ in 0..2 {
            let (area, scope) = options.swap_remove(self.rng.below(options.len()));
            let mut d = SDecision::new(area, &scope);
            d.decides.push(id.clone());
            if area == "feature-set" && self.rng.chance(0.5) {
                d.recommends.push(platform.clone());
            }
            if self.rng.chance(0.4) {
                d.consulted
                    .push(self.team_ids[self.rng.below(self.team_ids.len())].clone());
            }
            if self.rng.chance(0.5) {
                d.informed.push(unit_id.clone());
            }
            d.escalates_to = Some(unit_id.clone());
            f.decisions.push(d);
        }
        // Planted defects.
        if self.spec.defect_rate > 0.0 && self.rng.chance(self.spec.defect_rate) {
            let total: u32 = KINDS.iter().map(|(_, w)| w).sum();
            let mut r = self.rng.below(total as usize) as u32;
            let mut kind = Kind::Orphaned;
            for (k, w) in KINDS {
                if r < w {
                    kind = k;
                    break;
                }
                r -= w;
            }
            self.defect(kind, t, domain, &mut f, files);
        }
        f
    }

    fn member(&mut self, role: &'static str) -> (u8, u8, &'static str) {
        let a = self.rng.below(FIRST_NAMES.len()) as u8;
        let b = self.rng.below(LAST_NAMES.len()) as u8;
        (a, b, role)
    }

    fn other_team(&mut self, t: usize) -> usize {
        let n = self.team_ids.len();
        if n < 2 {
            return t;
        }
        let o = self.rng.below(n - 1);
        if o >= t { o + 1 } else { o }
    }

    fn defect(&mut self, kind: Kind, t: usize, domain: usize, f: &mut File, files: &mut [File]) {
        let id = self.team_ids[t].clone();
        let unit_id = self.units[self.team_unit[t]].id.clone();
        let serves = f.objectives[0].supports[0].clone();
        match kind {
            Kind::Orphaned => {
                let mut p = self.product(domain, &id);
                p.owner.clear();
                p.outcomes.push(serves);
                if self.rng.chance(0.5) {
                    p.contributors.push(id.clone());
                }
                self.plant("orphaned-product", EntityKind::Product, &p.id);
                f.products.push(p);
            }
            Kind::Unclear => {
                let other = self.other_team(t);
                if other == t {
                    return;
                }
                let other_id = self.team_ids[other].clone();
                let mut p = self.product(domain, &id);
                p.outcomes.push(serves);
                if other < t && self.rng.chance(0.5) {
                    // The other team claims it in its own file through `owns`.
                    // Team files are pushed in team order, so team `other` is file `other`.
                    files[other].teams[0].owns.push(p.id.clone());
                } else {
                    p.owner.push(other_id);
                }
                self.plant("unclear-ownership", EntityKind::Product, &p.id);
                f.products.push(p);
            }
            Kind::Dangling => {
                let suffix = *self.rng.pick(STALE_SUFFIXES);
                match self.rng.below(4) {
                    0 => {
                        // A product serves an outcome that was renamed.
                        let p = &mut f.products[0];
                        p.outcomes.push(format!("{serves}{suffix}"));
                        let pid = p.id.clone();
                        self.plant("unknown-reference", EntityKind::Product, &pid);
                    }
                    1 => {
                        let o = &mut f.objectives[0];
                        o.supports.push(format!("{serves}{suffix}"));
                        let oid = o.id.clone();
                        self.plant("unknown-reference", EntityKind::Objective, &oid);
                    }
                    2 => {
                        let other = self.other_team(t);
                        let d = &mut f.decisions[0];
                        d.informed.push(format!("{}{suffix}", self.team_ids[other]));
                        let did = format!("{}@{}", d.area, d.scope);
                        self.plant("unknown-reference", EntityKind::Decision, &did);
                    }
                    _ => {
                        let stale = format!("{}{suffix}", f.products[0].id);
                        f.teams[0].owns.push(stale);
                        self.plant("unknown-reference", EntityKind::Team, &id);
                    }
                }
            }
            Kind::Duplicate => match self.rng.below(3) {
                0 => {
                    // A product copied into the file twice.
                    let copy = f.products[0].clone();
                    self.plant("duplicate-id", EntityKind::Product, &copy.id);
                    let mut copy = copy;
                    if copy.owner.is_empty() {
                        copy.owner.push(id.clone());
                    }
                    f.products.push(copy);
                }
                1 => {
                    let o = self.outcome(&id, &serves);
                    let mut copy = o.clone();
                    copy.statement.push_str(" (draft)");
                    self.plant("duplicate-id", EntityKind::Outcome, &o.id);
                    f.outcomes.push(o);
                    f.outcomes.push(copy);
                }
                _ => {
                    let o = &mut f.objectives[0];
                    let kr_id = format!("{}-kr1", o.id);
                    for k in 0..2 {
                        o.key_results[k].id = Some(kr_id.clone());
                    }
                    self.plant("duplicate-id", EntityKind::KeyResult, &kr_id);
                }
            },
            Kind::MissingDecider => {
                let area = *self.rng.pick(DEFECT_AREAS);
                let scope = if self.rng.chance(0.5) {
                    id.clone()
                } else {
                    f.products[0].id.clone()
                };
                let mut d = SDecision::new(area, &scope);
                d.recommends.push(id.clone());
                d.escalates_to = Some(unit_id);
                self.plant(
                    "missing-decider",
                    EntityKind::Decision,
                    &format!("{area}@{scope}"),
                );
                f.decisions.push(d);
            }
            Kind::Conflicting => {
                let area = *self.rng.pick(DEFECT_AREAS);
                let scope = f.products[0].id.clone();
                let other = self.other_team(t);
                if other == t {
                    return;
                }
                let other_id = self.team_ids[other].clone();
                let mut d = SDecision::new(area, &scope);
                d.decides.push(id.clone());
                d.escalates_to = Some(unit_id.clone());
                if self.rng.chance(0.5) {
                    d.decides.push(other_id);
                    f.decisions.push(d);
                } else {
                    let mut second = SDecision::new(area, &scope);
                    second.decides.push(other_id);
                    second.escalates_to = Some(unit_id);
                    f.decisions.push(d);
                    f.decisions.push(second);
                }
                self.plant(
                    "conflicting-deciders",
                    EntityKind::Decision,
                    &format!("{area}@{scope}"),
                );
            }
            Kind::NoKeyResults => {
                let mut o = self.objective(domain, &id, &serves);
                o.key_results.clear();
                o.omit_key_results = self.rng.chance(0.5);
                self.plant(
                    "objective-without-key-results",
                    EntityKind::Objective,
                    &o.id,
                );
                f.objectives.push(o);
            }
            Kind::Cycle => {
                if self.rng.chance(0.5) {
                    // Two or three outcomes that support each other.
                    let n = 2 + self.rng.below(2);
                    let start = f.outcomes.len();
                    for _ in 0..n {
                        let o = self.outcome(&id, &serves);
                        f.outcomes.push(o);
                    }
                    for k in 0..n {
                        let next = f.outcomes[start + (k + 1) % n].id.clone();
                        f.outcomes[start + k].supports = vec![next];
                    }
                    let first = f.outcomes[start].id.clone();
                    self.plant("hierarchy-cycle", EntityKind::Outcome, &first);
                } else {
                    // Two products, each part of the other.
                    let mut a = self.product(domain, &id);
                    let mut b = self.product(domain, &id);
                    a.part_of = Some(b.id.clone());
                    b.part_of = Some(a.id.clone());
                    self.plant("hierarchy-cycle", EntityKind::Product, &a.id);
                    f.products.push(a);
                    f.products.push(b);
                }
            }
        }
    }
}

fn unit_outcome_id(unit_id: &str) -> String {
    format!(
        "outcome-{}",
        unit_id.strip_prefix("unit-").unwrap_or(unit_id)
    )
}

/// A baseline and a target between `lo` and `hi`, rounded to one decimal,
/// moving the right way.
fn values(rng: &mut Rng, lo: f64, hi: f64, up: bool) -> (f64, f64) {
    let span = hi - lo;
    let a = lo + span * (rng.below(600) as f64 / 1000.0);
    let b = a + span * ((50 + rng.below(300)) as f64 / 1000.0);
    let (a, b) = ((a * 10.0).round() / 10.0, (b.min(hi) * 10.0).round() / 10.0);
    let b = if b <= a { a + 0.1 } else { b };
    let b = (b * 10.0).round() / 10.0;
    if up { (a, b) } else { (b, a) }
}

fn fmt_num(v: f64) -> String {
    format!("{v}")
}

fn short_unit(unit: &str) -> String {
    match unit {
        "%" | "k" => unit.to_owned(),
        other => format!(" {other}"),
    }
}

fn fill(out: &mut String, template: &str, subs: &[(&str, &str)]) {
    let mut rest = template;
    'outer: while !rest.is_empty() {
        if rest.starts_with('{') {
            for (k, v) in subs {
                if let Some(after) = rest.strip_prefix(k) {
                    out.push_str(v);
                    rest = after;
                    continue 'outer;
                }
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
}

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_words(noun: &str) -> String {
    let mut out = String::with_capacity(noun.len());
    for (i, w) in noun.split('-').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let _ = write!(out, "{}", capitalise(w));
    }
    out
}
