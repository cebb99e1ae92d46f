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
//! towards the overall score, the rounded mean of the others, each weighted
//! equally ([`Scorecard::weighting`] says so in words). Each tenet lists its
//! worst offenders (at most five, worst first, ties by id; every one of them
//! with [`ScorecardOptions::all_offenders`]), each with its rank (equal
//! ranks are ties), and the checks behind it with how many findings each has
//! in the report. The integrity findings (unreadable files, invalid
//! entities, duplicate ids, unknown references, …) are counted apart: the
//! scores measure only what could be read and resolved.
//!
//! [`ScorecardOptions::unit`] scores one unit (the teams under it, the
//! products they are accountable for, the key results of their objectives;
//! [`units`] lists the units), and [`ScorecardOptions::period`] only the key
//! results of objectives of one `period` ([`periods`] lists them).
//! [`score_units`] scores every unit at once, in time and memory that grow
//! with the org, not with the depth of its units' nesting.
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

mod by_unit;
mod render;

pub use by_unit::score_units;

use serde::Serialize;
use strum::{Display, IntoStaticStr};

use crate::config::{Config, ParamValue};
use crate::goal_style::{Style, classify};
use crate::graph::{Governing, NearestScope, OrgGraph, OrgNode, TeamIx};
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
    /// Score only this unit (a team id): the teams under it (and itself),
    /// the products they are accountable for and the key results of the
    /// objectives they own. `None` (the default) scores the whole org.
    pub unit: Option<String>,
    /// Score only the key results of objectives with this `period` (such as
    /// `2026-Q1`, compared without regard to case); products and teams have
    /// no period, so the other tenets are not sliced by it.
    pub period: Option<String>,
    /// List every offender of every tenet (default: the worst
    /// [`MAX_OFFENDERS`]); [`score_units`] lists at most
    /// [`MAX_LISTED`](crate::MAX_LISTED) per tenet of each unit even so.
    pub all_offenders: bool,
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
            unit: None,
            period: None,
            all_offenders: false,
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

    /// Scores only the unit with this id (see [`ScorecardOptions::unit`]).
    #[must_use]
    pub fn with_unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }

    /// Scores only the key results of this period (see
    /// [`ScorecardOptions::period`]).
    #[must_use]
    pub fn with_period(mut self, period: impl Into<String>) -> Self {
        self.period = Some(period.into());
        self
    }

    /// Lists every offender (or only the worst few).
    #[must_use]
    pub fn with_all_offenders(mut self, yes: bool) -> Self {
        self.all_offenders = yes;
        self
    }
}

/// The checks of the integrity category: what they find is input that could
/// not be read or resolved, which the tenets cannot measure.
pub const INTEGRITY_CHECKS: [&str; 7] = [
    "duplicate-id",
    "hierarchy-cycle",
    "invalid-entity",
    "invalid-file",
    "unfollowed-location",
    "unknown-allow",
    "unknown-reference",
];

/// The units of the org, in model order: teams of kind `unit` and teams
/// with teams under them.
pub fn units(graph: &OrgGraph<'_>) -> Vec<Id> {
    let model = graph.model();
    let parents: std::collections::HashSet<&str> = model
        .teams
        .iter()
        .filter_map(|t| t.parent.as_ref().map(|p| p.id.as_str()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    model
        .teams
        .iter()
        .filter(|t| t.kind == crate::model::TeamKind::Unit || parents.contains(t.id.as_str()))
        .filter(|t| seen.insert(t.id.as_str()))
        .map(|t| t.id.clone())
        .collect()
}

/// The distinct `period`s of the org's objectives, sorted.
pub fn periods(model: &crate::model::Model) -> Vec<String> {
    let mut out: Vec<String> = model
        .objectives
        .iter()
        .filter_map(|o| o.period.as_deref().map(|p| p.trim().to_owned()))
        .filter(|p| !p.is_empty())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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
    /// The key result's text (for key results; left out of the JSON
    /// otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// 1 for the worst; offenders as bad as each other share a rank (the
    /// next rank skips as many places: 1, 1, 3).
    pub rank: usize,
    /// Whether another offender has the same rank.
    pub tied: bool,
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
    /// The worst offenders, worst first (at most [`MAX_OFFENDERS`], unless
    /// [`ScorecardOptions::all_offenders`]; at most
    /// [`MAX_LISTED`](crate::MAX_LISTED) in a unit's scorecard from
    /// [`score_units`]).
    pub offenders: Vec<Offender>,
    /// How many offenders not in [`Tenet::offenders`] are tied with the
    /// last one listed: the cut between listed and unlisted offenders falls
    /// inside a tie. 0 when every offender is listed
    /// ([`ScorecardOptions::all_offenders`]).
    pub tied_beyond_listed: usize,
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

/// The integrity findings of the report: input that could not be read or
/// resolved, and so is not in the scores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Integrity {
    /// Integrity findings reported as errors.
    pub errors: usize,
    /// Integrity findings reported as warnings.
    pub warnings: usize,
    /// Each integrity check with findings, and how many (errors and warnings).
    pub checks: Vec<CheckCount>,
}

/// The health of an org on every tenet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scorecard {
    /// The organisation's name, when the model gives one.
    pub organization: Option<String>,
    /// The unit scored ([`ScorecardOptions::unit`]); left out of the JSON
    /// for the whole org.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Id>,
    /// The period whose key results were scored
    /// ([`ScorecardOptions::period`]); left out of the JSON when all were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// The rounded mean of the tenets' scores; `None` when none has one.
    pub overall: Option<u8>,
    /// How [`overall`](Self::overall) is made, in a sentence.
    pub weighting: String,
    /// Every tenet, in [`TenetKind::ALL`] order.
    pub tenets: Vec<Tenet>,
    /// The integrity findings of the whole input (not sliced by unit or
    /// period).
    pub integrity: Integrity,
    /// The most loaded team (ties: the smallest id); `None` when no team
    /// owns a product.
    pub most_loaded_team: Option<LoadPeak>,
    /// People, team sizes and goals under review; `None` when the model has
    /// no people, lifecycle stages or cadences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub people_and_cadence: Option<PeopleAndCadence>,
    /// Every team accountable for as many products as the most loaded
    /// one, by id: more than one when they are tied. A unit's scorecard
    /// from [`score_units`] lists at most [`MAX_LISTED`](crate::MAX_LISTED)
    /// of them.
    pub most_loaded_teams: Vec<LoadPeak>,
    /// How many more teams are tied for most loaded than
    /// [`most_loaded_teams`](Self::most_loaded_teams) lists: 0 but in a
    /// unit's scorecard from [`score_units`], which bounds its lists since
    /// a unit lists what is under it (left out of the JSON when 0).
    #[serde(skip_serializing_if = "is_zero")]
    pub more_most_loaded_teams: usize,
}

/// Whether a count is 0, for leaving it out of the JSON.
// serde's `skip_serializing_if` passes a reference.
fn is_zero(n: &usize) -> bool {
    *n == 0
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

    /// The JSON object (keys `organization`, `unit` and `period` when
    /// sliced, `overall`, `weighting`, `tenets`, `integrity`,
    /// `most_loaded_team`, `most_loaded_teams`; scores are `null` when not
    /// measured).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// What one measured thing belongs to: the teams whose units it counts
/// in, and for a key result the period of its objective.
struct Subject<'a> {
    /// The teams it belongs to (a product's accountable teams, a key
    /// result's objective owner, a team itself); empty when no slicing by
    /// unit was asked for.
    teams: &'a [TeamIx],
    /// `Some` for key results: their objective's period, trimmed.
    period: Option<Option<&'a str>>,
}

/// What a tenet measurement reports for each thing it measures: what it
/// belongs to, and its offence (`None`: healthy).
type Emit<'e> = dyn FnMut(Subject<'_>, Option<(usize, Offender)>) + 'e;

/// Runs the measurement of one tenet, reporting every measured thing.
fn measure_tenet(
    g: &OrgGraph<'_>,
    kind: TenetKind,
    options: &ScorecardOptions,
    slicing: bool,
    explained: &Explained,
    emit: &mut Emit<'_>,
) {
    match kind {
        TenetKind::OwnershipClarity => ownership(g, slicing, explained, emit),
        TenetKind::OutcomeAlignment => alignment(g, slicing, emit),
        TenetKind::GoalStyle => goal_style(g, slicing, emit),
        TenetKind::DecisionClarity => decisions(g, &options.decision_areas, emit),
        TenetKind::TeamLoad => load(g, options.max_products, explained, emit),
    }
}

/// The (check, entity id) pairs a loading finding already explains (a
/// team's misspelt `owns:` leaves its products without an owner): `check`
/// leaves those findings out, and the scores do not measure them either.
type Explained = std::collections::HashSet<(&'static str, EntityKind, String)>;

fn explained_by(graph: &OrgGraph<'_>, report: &Report) -> Explained {
    let by_loader = report.diagnostics.iter().flat_map(|d| {
        crate::load::explained_follow_ons(d)
            .into_iter()
            .map(|(check, e)| (check, e.kind, e.id.to_string()))
    });
    // (What the graph's integrity findings explain: a team whose `owns:`
    // names a misspelt id is not idle to `check` either.)
    let by_graph = graph
        .follow_ons()
        .iter()
        .map(|f| (f.check, f.entity.kind, f.entity.id.to_string()));
    by_loader.chain(by_graph).collect()
}

/// Whether a key result of `period` is in the period asked for.
fn period_matches(want: Option<&str>, period: Option<Option<&str>>) -> bool {
    match (want, period) {
        (Some(want), Some(period)) => period.is_some_and(|p| p.trim().eq_ignore_ascii_case(want)),
        _ => true,
    }
}

/// The checks behind each tenet with their findings, counted once.
fn check_counts(report: &Report) -> Vec<Vec<CheckCount>> {
    let mut by_check: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for d in &report.diagnostics {
        *by_check.entry(&d.check).or_default() += 1;
    }
    TenetKind::ALL
        .iter()
        .map(|kind| {
            kind.checks()
                .iter()
                .map(|&check| CheckCount {
                    check,
                    findings: by_check.get(check).copied().unwrap_or(0),
                })
                .collect()
        })
        .collect()
}

/// The summary sentence of a tenet's measurement.
fn summary(kind: TenetKind, m: &Measure, options: &ScorecardOptions) -> String {
    let (h, n) = (m.healthy, m.measured);
    match kind {
        TenetKind::OwnershipClarity => {
            format!("{h} of {n} products have exactly one accountable team")
        }
        TenetKind::OutcomeAlignment => format!("{h} of {n} products have a path to an outcome"),
        TenetKind::GoalStyle => {
            let of_period = options
                .period
                .as_deref()
                .map(|p| format!(" of {}", p.trim()))
                .unwrap_or_default();
            format!("{h} of {n} key results{of_period} are outcome-style")
        }
        TenetKind::DecisionClarity if options.decision_areas.is_empty() => {
            "no decision areas to measure".to_owned()
        }
        TenetKind::DecisionClarity => {
            let listed = options
                .decision_areas
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            format!("{h} of {n} products have exactly one decider for {listed}")
        }
        TenetKind::TeamLoad => format!(
            "{h} of {n} product teams are accountable for 1 to {} products",
            options.max_products
        ),
    }
}

/// The card made of the tenets' measures.
fn card(
    graph: &OrgGraph<'_>,
    options: &ScorecardOptions,
    unit: Option<&str>,
    measures: Vec<Measure>,
    checks: &[Vec<CheckCount>],
    integrity: Integrity,
    mut most_loaded_teams: Vec<LoadPeak>,
) -> Scorecard {
    let tenets: Vec<Tenet> = TenetKind::ALL
        .iter()
        .zip(measures)
        .zip(checks)
        .map(|((&kind, mut m), checks)| {
            m.summary = summary(kind, &m, options);
            m.into_tenet(kind, checks.clone())
        })
        .collect();
    let scores: Vec<u32> = tenets
        .iter()
        .filter_map(|t| t.score)
        .map(u32::from)
        .collect();
    let overall = share(scores.iter().sum::<u32>() as usize, scores.len() * 100);
    let left_out: Vec<&str> = tenets
        .iter()
        .filter(|t| t.score.is_none())
        .map(|t| t.tenet.title())
        .collect();
    let weighting = match (scores.len(), left_out.is_empty()) {
        (0, _) => "no tenet has anything to measure, so there is no overall score".to_owned(),
        (n, true) => format!("the mean of the {n} tenet scores, each weighted equally, rounded"),
        (n, false) => format!(
            "the mean of the {n} measured tenet scores, each weighted equally, rounded ({} left out: nothing to measure)",
            left_out.join(", ")
        ),
    };
    most_loaded_teams.sort_by(|a, b| a.team.cmp(&b.team));
    most_loaded_teams.dedup_by(|a, b| a.team == b.team);
    Scorecard {
        organization: graph
            .model()
            .organization
            .name
            .as_deref()
            .map(str::to_owned),
        unit: unit.map(Id::new),
        period: options.period.as_deref().map(|p| p.trim().to_owned()),
        overall,
        weighting,
        tenets,
        integrity,
        most_loaded_team: most_loaded_teams.first().cloned(),
        most_loaded_teams,
        more_most_loaded_teams: 0,
        people_and_cadence: None,
    }
}

/// Keeps the teams accountable for the most products: `peak` holds them
/// with their count.
fn note_load(peak: &mut Vec<LoadPeak>, team: &Id, products: usize) {
    let best = peak.first().map_or(0, |p| p.products);
    if products == 0 || products < best {
        return;
    }
    if products > best {
        peak.clear();
    }
    peak.push(LoadPeak {
        team: team.clone(),
        products,
    });
}

/// Scores an org. `report` is the linter's report on the same model (its
/// findings are counted per check); `graph` gives the structure measured.
/// With [`ScorecardOptions::unit`] or [`ScorecardOptions::period`], only
/// that slice is measured.
pub fn score(graph: &OrgGraph<'_>, report: &Report, options: &ScorecardOptions) -> Scorecard {
    // Which teams are in the unit asked for: a team with its id, or one
    // whose `parent` chain meets it. The chains answer that in constant
    // time per team; walking each team's ancestors would cost the depth.
    let in_unit: Option<Vec<bool>> = options.unit.as_deref().map(|unit| {
        let anchor = graph.node(unit).map(|n| graph.graph()[n]);
        let chain = &graph.chains().teams;
        graph
            .team_ixs()
            .map(|t| {
                graph.team(t).id == unit
                    || match anchor {
                        Some(OrgNode::Team(a)) => a == t || chain.is_above(a.index(), t.index()),
                        Some(OrgNode::Organization) => graph.reaches_organization(t),
                        _ => false,
                    }
            })
            .collect()
    });
    let slicing = in_unit.is_some();
    let belongs = |teams: &[TeamIx]| {
        in_unit.as_ref().is_none_or(|inside| {
            teams
                .iter()
                .any(|t| inside.get(t.index()).copied().unwrap_or(false))
        })
    };
    let want = options.period.as_deref().map(str::trim);
    let explained = explained_by(graph, report);
    let measures: Vec<Measure> = TenetKind::ALL
        .iter()
        .map(|&kind| {
            let mut m = Measure::new(0);
            m.keep_all = options.all_offenders;
            measure_tenet(
                graph,
                kind,
                options,
                slicing,
                &explained,
                &mut |subject, offence| {
                    if period_matches(want, subject.period) && belongs(subject.teams) {
                        m.record(offence);
                    }
                },
            );
            m
        })
        .collect();
    let mut peak = Vec::new();
    for t in graph.team_ixs() {
        if belongs(&[t]) {
            let n = crate::check::overloaded_team::counted_products(graph, &[t]).len();
            note_load(&mut peak, &graph.team(t).id, n);
        }
    }
    let mut scored = card(
        graph,
        options,
        options.unit.as_deref(),
        measures,
        &check_counts(report),
        integrity(report),
        peak,
    );
    // The whole org's people and rhythms; a slice has none of its own.
    if options.unit.is_none() && options.period.is_none() {
        scored.people_and_cadence = people_and_cadence(graph, report);
    }
    scored
}

/// The integrity findings of `report`, counted.
fn integrity(report: &Report) -> Integrity {
    let mut out = Integrity::default();
    for check in INTEGRITY_CHECKS {
        let mut n = 0;
        for d in report.diagnostics.iter().filter(|d| d.check == check) {
            match d.severity {
                crate::diagnostic::Severity::Error => out.errors += 1,
                crate::diagnostic::Severity::Warning => out.warnings += 1,
                crate::diagnostic::Severity::Note => continue,
            }
            n += 1;
        }
        if n > 0 {
            out.checks.push(CheckCount { check, findings: n });
        }
    }
    out
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
        .team_groups()
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
    /// How many offenders were pushed with each rank.
    rank_counts: std::collections::BTreeMap<usize, usize>,
    /// Keep every offender, not only the worst few.
    keep_all: bool,
}

impl Measure {
    /// When the kept offenders are trimmed.
    const TRIM_AT: usize = 4096;

    /// Counts one measured thing: healthy, or an offender with its rank.
    fn record(&mut self, offence: Option<(usize, Offender)>) {
        self.measured += 1;
        match offence {
            None => self.healthy += 1,
            Some((rank, offender)) => self.push(rank, offender),
        }
    }

    /// Adds an offender with its rank (higher is worse).
    fn push(&mut self, rank: usize, offender: Offender) {
        self.offender_count += 1;
        *self.rank_counts.entry(rank).or_default() += 1;
        self.offenders.push((rank, offender));
        if !self.keep_all && self.offenders.len() >= Self::TRIM_AT {
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
        if !self.keep_all {
            self.offenders.truncate(MAX_OFFENDERS);
        }
    }

    fn into_tenet(mut self, kind: TenetKind, checks: Vec<CheckCount>) -> Tenet {
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
        // Competition ranks: 1 + how many offenders are worse.
        let counts = &self.rank_counts;
        let place = |rank: usize| -> usize {
            1 + counts
                .range((std::ops::Bound::Excluded(rank), std::ops::Bound::Unbounded))
                .map(|(_, n)| n)
                .sum::<usize>()
        };
        // What the list leaves out: the whole list when every offender was
        // asked for, else the worst few.
        let shown = self.offenders.len();
        let tied_beyond_listed = self
            .offenders
            .last()
            .filter(|_| offender_count > shown)
            .map_or(0, |(last, _)| {
                let listed = self.offenders.iter().filter(|(r, _)| r == last).count();
                counts
                    .get(last)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(listed)
            });
        let offenders = self
            .offenders
            .into_iter()
            .map(|(rank, mut o)| {
                o.rank = place(rank);
                o.tied = counts.get(&rank).copied().unwrap_or(0) > 1;
                o
            })
            .collect();
        Tenet {
            tenet: kind,
            score: share(self.healthy, self.measured),
            healthy: self.healthy,
            measured: self.measured,
            summary: self.summary,
            offender_count,
            offenders,
            tied_beyond_listed,
            checks,
        }
    }
}

fn offender(kind: EntityKind, id: &str, reason: String) -> Offender {
    Offender {
        kind,
        id: Id::new(id),
        reason,
        text: None,
        rank: 0,
        tied: false,
    }
}

/// The teams' ids, joined: the first [`MAX_LISTED`](crate::MAX_LISTED),
/// then "and N more". A product a thousand teams claim is listed in the
/// scorecard of every unit above them, so its reason must not name them all.
fn names(
    graph: &OrgGraph<'_>,
    teams: impl IntoIterator<Item = crate::graph::TeamIx, IntoIter: ExactSizeIterator>,
) -> String {
    let teams = teams.into_iter();
    let total = teams.len();
    let mut out = teams
        .take(crate::MAX_LISTED)
        .map(|t| graph.team(t).id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if total > crate::MAX_LISTED {
        out.push_str(&format!(" and {} more", total - crate::MAX_LISTED));
    }
    out
}

fn ownership(g: &OrgGraph<'_>, slicing: bool, explained: &Explained, emit: &mut Emit<'_>) {
    // A product whose owner is a dangling reference (`owner: ghost`) or a
    // second definition is an integrity finding's: who owns it is not known,
    // so it is not measured (`orphaned-product` waits for the same reason).
    let unknown: std::collections::HashSet<&str> = g
        .follow_ons()
        .iter()
        .filter(|f| f.check == crate::check::orphaned_product::OrphanedProduct::NAME)
        .map(|f| f.entity.id.as_str())
        .collect();
    for p in g.product_ixs() {
        let id = g.product(p).id.as_str();
        if !g.is_primary(g.product_node(p))
            || unknown.contains(id)
            || explained.contains(&(
                crate::check::orphaned_product::OrphanedProduct::NAME,
                EntityKind::Product,
                id.to_owned(),
            ))
        {
            continue;
        }
        let owners = g.owner_teams(p);
        let id = &g.product(p).id;
        let offence = match owners.len() {
            1 => None,
            // An orphan is the worst: nobody at all is accountable.
            0 => Some((
                usize::MAX,
                offender(EntityKind::Product, id, "no accountable team".to_owned()),
            )),
            n => {
                let reason = format!(
                    "{n} accountable teams: {}",
                    names(g, owners.iter().copied())
                );
                Some((n, offender(EntityKind::Product, id, reason)))
            }
        };
        let teams: &[TeamIx] = if slicing { &owners } else { &[] };
        emit(
            Subject {
                teams,
                period: None,
            },
            offence,
        );
    }
}

fn alignment(g: &OrgGraph<'_>, slicing: bool, emit: &mut Emit<'_>) {
    // One pass over the whole graph: a search per product reads the whole
    // `part_of` chain above it, every product of a deep one.
    let aligned = crate::check::unaligned_product::aligned_products(g);
    // (A second definition of an id is `duplicate-id`'s: measured once.)
    for p in g.product_ixs().filter(|&p| g.is_primary(g.product_node(p))) {
        let offence = if aligned.get(p.index()).copied().unwrap_or(false) {
            None
        } else {
            let product = g.product(p);
            // Products for customers without an outcome are the worst.
            let rank = usize::from(product.kind == Some(crate::model::ProductKind::CustomerFacing));
            Some((
                rank,
                offender(
                    EntityKind::Product,
                    &product.id,
                    "no path to any outcome".to_owned(),
                ),
            ))
        };
        let owners = if slicing {
            g.owner_teams(p)
        } else {
            Vec::new()
        };
        emit(
            Subject {
                teams: &owners,
                period: None,
            },
            offence,
        );
    }
}

fn goal_style(g: &OrgGraph<'_>, slicing: bool, emit: &mut Emit<'_>) {
    let model = g.model();
    for (objective, kr) in model.key_results() {
        // No words and no declared kind: there is no style to judge (the
        // loader reports the key result), so it is left out of the count.
        if kr.kind.is_none() && kr.text.trim().is_empty() {
            continue;
        }
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
        let offence = reason.map(|reason| {
            let mut o = offender(EntityKind::KeyResult, &kr.id, reason);
            o.text = Some(kr.text.to_string());
            (0, o)
        });
        let owner: Vec<TeamIx> = if slicing {
            objective
                .owner
                .as_ref()
                .and_then(|r| g.team_ix(&r.id))
                .into_iter()
                .collect()
        } else {
            Vec::new()
        };
        emit(
            Subject {
                teams: &owner,
                period: Some(objective.period.as_deref()),
            },
            offence,
        );
    }
}

fn decisions(g: &OrgGraph<'_>, areas: &[DecisionArea], emit: &mut Emit<'_>) {
    if areas.is_empty() {
        return;
    }
    // The nearest scope with a right, per area, for every product at once.
    let nearest: Vec<NearestScope> = areas
        .iter()
        .map(|area| NearestScope::new(g, |n| !g.decisions_at(area, n).is_empty()))
        .collect();
    // What is unclear at each (area, scope), worked out once: a right at
    // the organisation with a thousand deciders governs every product, and
    // gathering its deciders again for each would cost products × deciders.
    let mut unclear: std::collections::HashMap<
        (usize, petgraph::graph::NodeIndex),
        Option<String>,
    > = std::collections::HashMap::new();
    for p in g.product_ixs().filter(|&p| g.is_primary(g.product_node(p))) {
        let owners = g.owner_teams(p);
        let problems: Vec<String> = areas
            .iter()
            .zip(&nearest)
            .enumerate()
            .filter_map(|(k, (area, nearest))| match nearest.scope(g, p, &owners) {
                Some(scope) => unclear
                    .entry((k, scope))
                    .or_insert_with(|| {
                        let governing = Governing {
                            scope,
                            decisions: g.decisions_at(area, scope),
                        };
                        unclear_decision(g, area, Some(governing))
                    })
                    .clone(),
                None => unclear_decision(g, area, None),
            })
            .collect();
        let offence = (!problems.is_empty()).then(|| {
            let reason = problems.join("; ");
            (
                problems.len(),
                offender(EntityKind::Product, &g.product(p).id, reason),
            )
        });
        emit(
            Subject {
                teams: &owners,
                period: None,
            },
            offence,
        );
    }
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

fn load(g: &OrgGraph<'_>, max_products: usize, explained: &Explained, emit: &mut Emit<'_>) {
    use crate::check::{idle_team::IdleTeam, overloaded_team::OverloadedTeam};
    // An enabling team that facilitates is doing its job, which is not
    // owning products (pom-document.md): its load is not measured this way.
    let measured = |t: TeamIx| {
        g.team(t).kind.builds_products() && !crate::check::idle_team::facilitates(g, t, &[t])
    };
    // A second definition of a team (`duplicate-id`) is not a team of its
    // own: its first definition is measured.
    let primary = |t: TeamIx| g.is_primary(g.team_node(t));
    for t in g.team_ixs().filter(|&t| primary(t) && measured(t)) {
        // counted as `overloaded-team` counts them: internal parts of a
        // product the team owns count with it
        let n = crate::check::overloaded_team::counted_products(g, &[t]).len();
        let team = g.team(t);
        let id = &team.id;
        // What the team's `allow:` accepts, as `check` does, is not
        // measured: the team is neither healthy nor an offender.
        let allows = |check: &str| team.allow.iter().any(|a| a == check);
        // (A team that contributes or decides but owns nothing is not idle
        // to `idle-team` either: its load is not in products.)
        let busy_elsewhere = n == 0 && crate::check::idle_team::is_busy(g, t);
        // What a loading finding explains (a misspelt `owns:`) is its.
        let idle_explained =
            || explained.contains(&(IdleTeam::NAME, EntityKind::Team, id.to_string()));
        if n == 0 && (allows(IdleTeam::NAME) || idle_explained())
            || n > max_products && allows(OverloadedTeam::NAME)
            || busy_elsewhere
        {
            continue;
        }
        let offence = if (1..=max_products).contains(&n) {
            None
        } else if n == 0 {
            Some((
                0,
                offender(
                    EntityKind::Team,
                    id,
                    "accountable for no product".to_owned(),
                ),
            ))
        } else {
            let reason = format!("accountable for {n} products (at most {max_products})");
            Some((n, offender(EntityKind::Team, id, reason)))
        };
        emit(
            Subject {
                teams: &[t],
                period: None,
            },
            offence,
        );
    }
}

impl Measure {
    fn new(measured: usize) -> Self {
        Self {
            healthy: 0,
            measured,
            summary: String::new(),
            offenders: Vec::new(),
            offender_count: 0,
            rank_counts: std::collections::BTreeMap::new(),
            keep_all: false,
        }
    }
}

#[cfg(test)]
mod tests;
