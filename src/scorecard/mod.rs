//! A health scorecard of an org on the tenets of the product operating
//! model, for `opmodel report`.
//!
//! Each [`Tenet`] is a share of healthy things, scored 0–100:
//!
//! | tenet | healthy when | out of |
//! |---|---|---|
//! | ownership clarity | a product has exactly one accountable team | products |
//! | outcome alignment | a product has a path to an outcome ([`OrgGraph::alignment_path`]) | products |
//! | goal style | a key result is outcome-style (its declared `kind`, else [`goal_style::classify`](crate::goal_style::classify)) | key results |
//! | decision clarity | a product has exactly one deciding team for each of `feature-set`, `budget-allocation` and `vendor-selection` under the nearest-scope rule | products |
//! | team load | a product-building team is accountable for 1 to `max_products` products (default 3) | stream-aligned, platform, enabling and complicated-subsystem teams |
//!
//! When the model has people, lifecycle stages or cadences, a
//! [`PeopleAndCadence`] section follows the tenets: who is over-allocated
//! or fragmented, which teams are outside a working size, and whether the
//! objectives are under review. It has no score of its own.
//!
//! A tenet with nothing to measure has no score (`n/a`) and does not count
//! towards the overall score, the rounded mean of the others. Each tenet
//! lists its worst offenders (at most five, worst first, ties by id) and the
//! checks behind it with how many findings each has in the report.
//!
//! ```
//! use opmodel::model::{Model, Product, Team};
//! use opmodel::scorecard::{self, ScorecardOptions, TenetKind};
//! use opmodel::{Linter, OrgGraph};
//!
//! let model = Model::builder()
//!     .team(Team::new("playback").owns("web-player"))
//!     .team(Team::new("search").owns("web-player"))
//!     .product(Product::new("web-player"))
//!     .product(Product::new("mobile-app").owner("playback"))
//!     .build();
//! let report = Linter::new().check_model(&model);
//! let card = scorecard::score(&OrgGraph::build(&model), &report, &ScorecardOptions::default());
//! let ownership = card.tenet(TenetKind::OwnershipClarity).unwrap();
//! assert_eq!(ownership.score, Some(50));
//! assert_eq!(ownership.offenders[0].id, "web-player");
//! // No key results: goal style cannot be measured.
//! assert_eq!(card.tenet(TenetKind::GoalStyle).unwrap().score, None);
//! println!("{}", card.to_text());
//! ```

mod render;

use serde::Serialize;
use strum::{Display, IntoStaticStr};

use crate::config::{Config, ParamValue};
use crate::goal_style::{Style, classify};
use crate::graph::{Governing, NearestScope, OrgGraph, OrgNode};
use crate::model::{DecisionArea, EntityKind, Id, KeyResultKind};
use crate::report::Report;

/// The most offenders listed per tenet.
pub const MAX_OFFENDERS: usize = 5;

/// How the scorecard measures.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScorecardOptions {
    /// The most products a team may be accountable for (team load; the
    /// `max_products` of `overloaded-team`, default 3).
    pub max_products: usize,
    /// The decision areas every product needs exactly one decider for (the
    /// `areas` of `missing-decision-right`; default `feature-set`,
    /// `budget-allocation`, `vendor-selection`).
    pub decision_areas: Vec<DecisionArea>,
}

impl Default for ScorecardOptions {
    fn default() -> Self {
        Self {
            max_products: 3,
            decision_areas: vec![
                DecisionArea::FeatureSet,
                DecisionArea::BudgetAllocation,
                DecisionArea::VendorSelection,
            ],
        }
    }
}

impl ScorecardOptions {
    /// The defaults, with `overloaded-team`'s `max_products` and
    /// `missing-decision-right`'s `areas` taken from `config` when set there.
    pub fn from_config(config: &Config) -> Self {
        let mut o = Self::default();
        if let Some(ParamValue::Int(n)) = config.param("overloaded-team", "max_products") {
            o.max_products = usize::try_from(*n).unwrap_or(0);
        }
        if let Some(ParamValue::List(areas)) = config.param("missing-decision-right", "areas") {
            o.decision_areas = areas.iter().map(|a| DecisionArea::parse(a)).collect();
        }
        o
    }

    /// Sets the most products per team.
    #[must_use]
    pub fn with_max_products(mut self, n: usize) -> Self {
        self.max_products = n;
        self
    }

    /// Sets the decision areas that need one decider.
    #[must_use]
    pub fn with_decision_areas(mut self, areas: Vec<DecisionArea>) -> Self {
        self.decision_areas = areas;
        self
    }
}

/// The tenets, in the order they are reported.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, IntoStaticStr, Serialize,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TenetKind {
    /// Every product has exactly one accountable team.
    OwnershipClarity,
    /// Every product serves an outcome.
    OutcomeAlignment,
    /// Key results are outcomes, not milestones.
    GoalStyle,
    /// Every product has exactly one decider per key decision area.
    DecisionClarity,
    /// Product teams own a sustainable number of products.
    TeamLoad,
}

impl TenetKind {
    /// Every tenet, in report order.
    pub const ALL: [TenetKind; 5] = [
        Self::OwnershipClarity,
        Self::OutcomeAlignment,
        Self::GoalStyle,
        Self::DecisionClarity,
        Self::TeamLoad,
    ];

    /// The tenet's name in prose ("ownership clarity").
    pub fn title(self) -> &'static str {
        match self {
            Self::OwnershipClarity => "ownership clarity",
            Self::OutcomeAlignment => "outcome alignment",
            Self::GoalStyle => "goal style",
            Self::DecisionClarity => "decision clarity",
            Self::TeamLoad => "team load",
        }
    }

    /// The checks whose findings this tenet summarises.
    pub fn checks(self) -> &'static [&'static str] {
        match self {
            Self::OwnershipClarity => &["orphaned-product", "unclear-ownership"],
            Self::OutcomeAlignment => &[
                "unaligned-product",
                "unsupported-outcome",
                "function-not-product-led",
            ],
            Self::GoalStyle => &[
                "milestone-key-result",
                "unmeasurable-key-result",
                "project-style-objective",
            ],
            Self::DecisionClarity => &[
                "missing-decision-right",
                "missing-decider",
                "conflicting-deciders",
                "decision-outside-ownership",
            ],
            Self::TeamLoad => &["overloaded-team", "idle-team"],
        }
    }
}

/// An entity that keeps a tenet from 100, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Offender {
    /// What kind of entity.
    pub kind: EntityKind,
    /// Its id.
    pub id: Id,
    /// What is wrong with it, in a few words.
    pub reason: String,
}

/// A check behind a tenet, with its findings in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckCount {
    /// The check's name.
    pub check: &'static str,
    /// How many errors and warnings it reported.
    pub findings: usize,
}

/// One tenet's measurement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tenet {
    /// Which tenet.
    pub tenet: TenetKind,
    /// 0–100: the healthy share, rounded; `None` when nothing was measured.
    pub score: Option<u8>,
    /// How many were healthy.
    pub healthy: usize,
    /// How many were measured.
    pub measured: usize,
    /// What was measured, in a sentence.
    pub summary: String,
    /// How many offenders there are in all.
    pub offender_count: usize,
    /// The worst offenders, worst first (at most [`MAX_OFFENDERS`]).
    pub offenders: Vec<Offender>,
    /// The checks behind the tenet.
    pub checks: Vec<CheckCount>,
}

/// The team accountable for the most products.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoadPeak {
    /// The team's id.
    pub team: Id,
    /// How many products it is accountable for.
    pub products: usize,
}

/// The health of an org on every tenet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    /// The organisation's name, when the model gives one.
    pub organization: Option<String>,
    /// The rounded mean of the tenets' scores; `None` when none has one.
    pub overall: Option<u8>,
    /// Every tenet, in [`TenetKind::ALL`] order.
    pub tenets: Vec<Tenet>,
    /// The most loaded team (ties: the smallest id); `None` when no team
    /// owns a product.
    pub most_loaded_team: Option<LoadPeak>,
    /// People, team sizes and goals under review; `None` when the model has
    /// no people, lifecycle stages or cadences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people_and_cadence: Option<PeopleAndCadence>,
}

/// A person or team named in [`PeopleAndCadence`], with the figure behind it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The entity's id.
    pub id: Id,
    /// Its figure: a person's total share or number of teams, a team's
    /// staffing in full-time people.
    pub value: f64,
}

/// How the people, teams and rhythms of the model stand.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeopleAndCadence {
    /// How many people the `people` section lists.
    pub people: usize,
    /// People with an `over-allocated-person` finding, with their total share.
    pub over_allocated: Vec<Figure>,
    /// People with a `fragmented-person` finding, with their number of teams.
    pub fragmented: Vec<Figure>,
    /// Product-building teams whose staffing is known.
    pub teams_staffed: usize,
    /// Teams with a `team-size` finding, with their staffing.
    pub team_size: Vec<Figure>,
    /// How many objectives the model has.
    pub objectives: usize,
    /// The review cadences that cover `objectives`, with how often they meet.
    pub objective_reviews: Vec<String>,
    /// The planning cadences, with what they cover.
    pub planning: Vec<String>,
}

impl Eq for PeopleAndCadence {}
impl Eq for Figure {}

impl Scorecard {
    /// One tenet's measurement.
    pub fn tenet(&self, kind: TenetKind) -> Option<&Tenet> {
        self.tenets.iter().find(|t| t.tenet == kind)
    }

    /// A readable table.
    pub fn to_text(&self) -> String {
        render::text(self)
    }

    /// A Markdown table with a section per tenet that has offenders.
    pub fn to_markdown(&self) -> String {
        render::markdown(self)
    }

    /// The JSON object (keys `organization`, `overall`, `tenets`,
    /// `most_loaded_team`; scores are `null` when not measured).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// Scores an org. `report` is the linter's report on the same model (its
/// findings are counted per check); `graph` gives the structure measured.
pub fn score(graph: &OrgGraph<'_>, report: &Report, options: &ScorecardOptions) -> Scorecard {
    let tenets: Vec<Tenet> = TenetKind::ALL
        .iter()
        .map(|&kind| {
            let m = match kind {
                TenetKind::OwnershipClarity => ownership(graph),
                TenetKind::OutcomeAlignment => alignment(graph),
                TenetKind::GoalStyle => goal_style(graph),
                TenetKind::DecisionClarity => decisions(graph, &options.decision_areas),
                TenetKind::TeamLoad => load(graph, options.max_products),
            };
            m.into_tenet(kind, report)
        })
        .collect();
    let scores: Vec<u32> = tenets
        .iter()
        .filter_map(|t| t.score)
        .map(u32::from)
        .collect();
    let overall = share(scores.iter().sum::<u32>() as usize, scores.len() * 100);
    let most_loaded_team = graph
        .team_ixs()
        .map(|t| (graph.products_of(t).len(), &graph.team(t).id))
        .filter(|(n, _)| *n > 0)
        .min_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)))
        .map(|(products, id)| LoadPeak {
            team: id.clone(),
            products,
        });
    Scorecard {
        organization: graph
            .model()
            .organization
            .name
            .as_deref()
            .map(str::to_owned),
        overall,
        tenets,
        most_loaded_team,
        people_and_cadence: people_and_cadence(graph, report),
    }
}

/// The people-and-cadence section, when the model has anything for it.
fn people_and_cadence(g: &OrgGraph<'_>, report: &Report) -> Option<PeopleAndCadence> {
    let model = g.model();
    if model.people.is_empty() && model.lifecycle.is_empty() && model.cadences.is_empty() {
        return None;
    }
    let found = |check: &str| -> Vec<Id> {
        let mut ids: Vec<Id> = report
            .diagnostics
            .iter()
            .filter(|d| d.check == check)
            .map(|d| d.entity.id.clone())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    // Every definition of a person counts, as `over-allocated-person` adds them.
    let mut totals: std::collections::HashMap<&str, f64> = std::collections::HashMap::new();
    for p in &model.people {
        *totals.entry(p.id.as_str()).or_insert(0.0) += p.total_share();
    }
    let over_allocated = found("over-allocated-person")
        .into_iter()
        .map(|id| {
            let value = totals.get(id.as_str()).copied().unwrap_or(0.0);
            Figure { id, value }
        })
        .collect();
    let fragmented = found("fragmented-person")
        .into_iter()
        .map(|id| {
            let value = g
                .person_ix(&id)
                .map_or(0.0, |p| g.teams_of_person(p).len() as f64);
            Figure { id, value }
        })
        .collect();
    let team_size = found("team-size")
        .into_iter()
        .map(|id| {
            let value = g
                .team_ix(&id)
                .and_then(|t| g.staffing(t))
                .map_or(0.0, |s| s.total);
            Figure { id, value }
        })
        .collect();
    let teams_staffed = g
        .team_definitions()
        .iter()
        .filter(|defs| {
            defs.first()
                .is_some_and(|&t| g.team(t).kind.builds_products())
                && g.staffing_of(defs).is_some()
        })
        .count();
    let objective_reviews = model
        .cadences
        .iter()
        .filter(|c| c.reviews(&crate::model::Covers::Objectives))
        .map(|c| match c.every {
            Some(every) => format!("{} (every {every})", c.id),
            None => c.id.to_string(),
        })
        .collect();
    let planning = model
        .cadences
        .iter()
        .filter(|c| c.kind == Some(crate::model::CadenceKind::Planning))
        .map(|c| {
            let covers: Vec<String> = c.covers.iter().map(ToString::to_string).collect();
            format!("{} ({})", c.id, covers.join(", "))
        })
        .collect();
    Some(PeopleAndCadence {
        people: model.people.len(),
        over_allocated,
        fragmented,
        teams_staffed,
        team_size,
        objectives: model.objectives.len(),
        objective_reviews,
        planning,
    })
}

/// `healthy` out of `measured` as 0–100, rounded half up; `None` for 0 of 0.
fn share(healthy: usize, measured: usize) -> Option<u8> {
    if measured == 0 {
        return None;
    }
    let pct = (healthy.min(measured) * 200 + measured) / (measured * 2);
    u8::try_from(pct).ok()
}

/// A tenet's raw measurement: the offenders come with a rank (higher is
/// worse).
struct Measure {
    healthy: usize,
    measured: usize,
    summary: String,
    /// The worst offenders so far, with their ranks: trimmed to the listed
    /// few whenever it grows long, so that a million offenders do not all
    /// stay in memory.
    offenders: Vec<(usize, Offender)>,
    /// How many offenders were pushed in all.
    offender_count: usize,
}

impl Measure {
    /// When the kept offenders are trimmed.
    const TRIM_AT: usize = 4096;

    /// Adds an offender with its rank (higher is worse).
    fn push(&mut self, rank: usize, offender: Offender) {
        self.offender_count += 1;
        self.offenders.push((rank, offender));
        if self.offenders.len() >= Self::TRIM_AT {
            self.trim();
        }
    }

    /// Keeps the worst [`MAX_OFFENDERS`], worst first. The order is total,
    /// so trimming early keeps the same ones as trimming once at the end.
    fn trim(&mut self) {
        self.offenders.sort_by(|(ra, a), (rb, b)| {
            rb.cmp(ra)
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| a.reason.cmp(&b.reason))
        });
        self.offenders.truncate(MAX_OFFENDERS);
    }

    fn into_tenet(mut self, kind: TenetKind, report: &Report) -> Tenet {
        self.trim();
        let offender_count = self.offender_count;
        if self.measured == 0 && !self.summary.starts_with("no ") {
            let what = match kind {
                TenetKind::GoalStyle => "key results",
                TenetKind::TeamLoad => "product teams",
                _ => "products",
            };
            self.summary = format!("no {what} to measure");
        }
        let checks = kind
            .checks()
            .iter()
            .map(|&check| CheckCount {
                check,
                findings: report
                    .diagnostics
                    .iter()
                    .filter(|d| d.check == check)
                    .count(),
            })
            .collect();
        Tenet {
            tenet: kind,
            score: share(self.healthy, self.measured),
            healthy: self.healthy,
            measured: self.measured,
            summary: self.summary,
            offender_count,
            offenders: self
                .offenders
                .into_iter()
                .take(MAX_OFFENDERS)
                .map(|(_, o)| o)
                .collect(),
            checks,
        }
    }
}

fn offender(kind: EntityKind, id: &str, reason: String) -> Offender {
    Offender {
        kind,
        id: Id::new(id),
        reason,
    }
}

fn names(graph: &OrgGraph<'_>, teams: impl IntoIterator<Item = crate::graph::TeamIx>) -> String {
    teams
        .into_iter()
        .map(|t| graph.team(t).id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn ownership(g: &OrgGraph<'_>) -> Measure {
    let mut m = Measure::new(g.product_ixs().len());
    for p in g.product_ixs() {
        let owners = g.owner_teams(p);
        let id = &g.product(p).id;
        match owners.len() {
            1 => m.healthy += 1,
            // An orphan is the worst: nobody at all is accountable.
            0 => m.push(
                usize::MAX,
                offender(EntityKind::Product, id, "no accountable team".to_owned()),
            ),
            n => {
                let reason = format!(
                    "{n} accountable teams: {}",
                    names(g, owners.iter().copied())
                );
                m.push(n, offender(EntityKind::Product, id, reason));
            }
        }
    }
    m.summary = format!(
        "{} of {} products have exactly one accountable team",
        m.healthy, m.measured
    );
    m
}

fn alignment(g: &OrgGraph<'_>) -> Measure {
    let mut m = Measure::new(g.product_ixs().len());
    // One pass over the whole graph: a search per product reads the whole
    // `part_of` chain above it, every product of a deep one.
    let aligned = crate::check::unaligned_product::aligned_products(g);
    for p in g.product_ixs() {
        if aligned.get(p.index()).copied().unwrap_or(false) {
            m.healthy += 1;
        } else {
            let product = g.product(p);
            // Products for customers without an outcome are the worst.
            let rank = usize::from(product.kind == Some(crate::model::ProductKind::CustomerFacing));
            m.push(
                rank,
                offender(
                    EntityKind::Product,
                    &product.id,
                    "no path to any outcome".to_owned(),
                ),
            );
        }
    }
    m.summary = format!(
        "{} of {} products have a path to an outcome",
        m.healthy, m.measured
    );
    m
}

fn goal_style(g: &OrgGraph<'_>) -> Measure {
    let model = g.model();
    let mut m = Measure::new(model.key_results().count());
    for (_, kr) in model.key_results() {
        let reason = match kr.kind {
            Some(KeyResultKind::Outcome) => None,
            Some(KeyResultKind::Milestone) => {
                Some("declared a milestone (`kind: milestone`)".to_owned())
            }
            None => {
                let a = classify(&kr.text);
                (a.style == Style::Milestone).then(|| match a.deciding_cue() {
                    Some(cue) => format!("milestone-style: {}", cue.describe(&kr.text)),
                    None => "milestone-style".to_owned(),
                })
            }
        };
        match reason {
            None => m.healthy += 1,
            Some(reason) => m.push(0, offender(EntityKind::KeyResult, &kr.id, reason)),
        }
    }
    m.summary = format!(
        "{} of {} key results are outcome-style",
        m.healthy, m.measured
    );
    m
}

fn decisions(g: &OrgGraph<'_>, areas: &[DecisionArea]) -> Measure {
    let mut m = Measure::new(if areas.is_empty() {
        0
    } else {
        g.product_ixs().len()
    });
    if areas.is_empty() {
        m.summary = "no decision areas to measure".to_owned();
        return m;
    }
    // The nearest scope with a right, per area, for every product at once.
    let nearest: Vec<NearestScope> = areas
        .iter()
        .map(|area| NearestScope::new(g, |n| !g.decisions_at(area, n).is_empty()))
        .collect();
    for p in g.product_ixs() {
        let owners = g.owner_teams(p);
        let problems: Vec<String> = areas
            .iter()
            .zip(&nearest)
            .filter_map(|(area, nearest)| {
                let governing = nearest.scope(g, p, &owners).map(|scope| Governing {
                    scope,
                    decisions: g.decisions_at(area, scope),
                });
                unclear_decision(g, area, governing)
            })
            .collect();
        if problems.is_empty() {
            m.healthy += 1;
        } else {
            let reason = problems.join("; ");
            m.push(
                problems.len(),
                offender(EntityKind::Product, &g.product(p).id, reason),
            );
        }
    }
    let listed = areas
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    m.summary = format!(
        "{} of {} products have exactly one decider for {listed}",
        m.healthy, m.measured
    );
    m
}

/// What is unclear about who decides `area` for a product whose governing
/// rights are `governing`, if anything.
fn unclear_decision(
    g: &OrgGraph<'_>,
    area: &DecisionArea,
    governing: Option<Governing>,
) -> Option<String> {
    let Some(governing) = governing else {
        return Some(format!("{area}: no decision right"));
    };
    let mut deciders: Vec<crate::graph::TeamIx> = governing
        .decisions
        .iter()
        .flat_map(|&d| g.deciders(d))
        .collect();
    deciders.sort_unstable();
    deciders.dedup();
    let scope = match g.graph()[governing.scope] {
        OrgNode::Organization => crate::model::ORGANIZATION.to_owned(),
        _ => g.id(governing.scope).into_owned(),
    };
    match deciders.len() {
        1 => None,
        0 => Some(format!("{area}: nobody decides (at `{scope}`)")),
        _ => Some(format!(
            "{area}: {} decide (at `{scope}`)",
            names(g, deciders)
        )),
    }
}

fn load(g: &OrgGraph<'_>, max_products: usize) -> Measure {
    let teams: Vec<_> = g
        .team_ixs()
        .filter(|&t| g.team(t).kind.builds_products())
        .collect();
    let mut m = Measure::new(teams.len());
    for t in teams {
        let n = g.products_of(t).len();
        let id = &g.team(t).id;
        if (1..=max_products).contains(&n) {
            m.healthy += 1;
        } else if n == 0 {
            m.push(
                0,
                offender(
                    EntityKind::Team,
                    id,
                    "accountable for no product".to_owned(),
                ),
            );
        } else {
            let reason = format!("accountable for {n} products (at most {max_products})");
            m.push(n, offender(EntityKind::Team, id, reason));
        }
    }
    m.summary = format!(
        "{} of {} product teams are accountable for 1 to {max_products} products",
        m.healthy, m.measured
    );
    m
}

impl Measure {
    fn new(measured: usize) -> Self {
        Self {
            healthy: 0,
            measured,
            summary: String::new(),
            offenders: Vec::new(),
            offender_count: 0,
        }
    }
}

#[cfg(test)]
mod tests;
