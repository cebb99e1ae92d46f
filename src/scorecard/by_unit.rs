//! [`score_units`]: every unit scored at once, in one pass up the team
//! forest per tenet.
//!
//! A unit holds the teams under it, so whatever one team holds is held by
//! every unit above it too. Listing each team's units, or recording each
//! measured thing once per unit above it, costs the size of the org times
//! the depth of its nesting: a chain of 30,000 units is 450 million
//! memberships. Instead, each tenet's measured things are gathered bottom
//! up. Every team has a [`Bag`] of the things of the teams under it; once
//! complete, a unit reads from it what its scorecard needs (counts and the
//! first few offenders, a bounded amount), and the bag is moved into the
//! bag of the team above, the smaller added to the larger. A thing then
//! moves a logarithmic number of times at most (once in all up a chain),
//! so the cost is O(n log n) in the size of the org whatever its depth,
//! and a thing accountable to several teams under one unit is still
//! counted once in it, as a set counts it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{
    LoadPeak, MAX_OFFENDERS, Measure, Offender, Scorecard, ScorecardOptions, TenetKind, card,
    check_counts, integrity, measure_tenet, period_matches,
};
use crate::diagnostic::MAX_LISTED;
use crate::graph::{OrgGraph, OrgNode, TeamIx};
use crate::model::Id;
use crate::report::Report;

/// The group of healthy things, which are counted but never listed.
const HEALTHY: u32 = u32::MAX;

/// The most characters of a key result's text an offender of a unit's
/// scorecard carries: a unit lists the worst offenders of everything under
/// it, so a long text at the bottom of a deep nesting would otherwise be
/// copied once per unit above it. The text rendering shows 80.
const UNIT_TEXT_CHARS: usize = 200;

/// Scores every unit of the org ([`units`](super::units), in that order)
/// on its own, as [`score`](super::score) does with
/// [`ScorecardOptions::unit`] set to each, but measuring the org once:
/// the time and memory grow with the size of the org (times its
/// logarithm at worst), not with the number of units or the depth of
/// their nesting.
///
/// Each unit's scorecard is the one [`score`](super::score) makes, but
/// for its lists, which are bounded: a unit lists what is under it, and
/// a deep nesting would list each offender once per unit above it. With
/// [`ScorecardOptions::all_offenders`], a tenet lists at most
/// [`MAX_LISTED`](crate::MAX_LISTED) offenders (its
/// [`offender_count`](super::Tenet::offender_count) says how many there
/// are); at most [`MAX_LISTED`](crate::MAX_LISTED) teams tied for most
/// loaded are listed ([`Scorecard::more_most_loaded_teams`] counts the
/// rest); and a key result's text is cut to 200 characters, with `…`.
pub fn score_units(
    graph: &OrgGraph<'_>,
    report: &Report,
    options: &ScorecardOptions,
) -> Vec<Scorecard> {
    let places = Places::new(graph);
    let want = options.period.as_deref().map(str::trim);
    let listed = if options.all_offenders {
        MAX_LISTED.max(MAX_OFFENDERS)
    } else {
        MAX_OFFENDERS
    };
    let explained = super::explained_by(graph, report);
    // Per tenet, then per unit: the transpose is made below.
    let per_tenet: Vec<Vec<Measure>> = TenetKind::ALL
        .iter()
        .map(|&kind| {
            let things = tenet_things(graph, kind, options, want, &explained);
            places.gather(graph, &things, |bag| {
                unit_measure(bag, &things, listed, options.all_offenders)
            })
        })
        .collect();
    let peaks = {
        let things = load_things(graph);
        places.gather(graph, &things, |bag| unit_peak(bag, &things))
    };
    let mut per_unit: Vec<Vec<Measure>> = places.units.iter().map(|_| Vec::new()).collect();
    for measures in per_tenet {
        for (unit, m) in per_unit.iter_mut().zip(measures) {
            unit.push(m);
        }
    }
    let checks = check_counts(report);
    let integrity = integrity(report);
    places
        .units
        .iter()
        .zip(per_unit)
        .zip(peaks)
        .map(|((unit, measures), (peak, more))| {
            let mut scored = card(
                graph,
                options,
                Some(unit.as_str()),
                measures,
                &checks,
                integrity.clone(),
                peak,
            );
            scored.more_most_loaded_teams = more;
            scored
        })
        .collect()
}

/// Where each unit is in the team forest.
struct Places {
    /// The units, in [`units`](super::units) order.
    units: Vec<Id>,
    /// For each team (by index), the unit it is: the first definition of
    /// a unit's id is the unit the `parent` chains lead to; [`u32::MAX`]
    /// for any other team.
    unit_at: Vec<u32>,
    /// The unit whose id is `organization` (a team using the reserved id),
    /// which [`score`](super::score) takes for the organisation: it holds
    /// every team whose chain ends there.
    org_unit: Option<usize>,
    /// For each unit, the other teams with its id (its second
    /// definitions): [`score`](super::score) counts them in the unit,
    /// though they need not be under it.
    extras: Vec<Vec<TeamIx>>,
}

impl Places {
    fn new(graph: &OrgGraph<'_>) -> Self {
        let units = super::units(graph);
        let mut unit_at = vec![u32::MAX; graph.team_ixs().len()];
        let mut org_unit = None;
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(units.len());
        for (u, id) in units.iter().enumerate() {
            by_id.insert(id.as_str(), u);
            match graph.node(id).map(|n| graph.graph()[n]) {
                Some(OrgNode::Team(t)) => {
                    if let Some(slot) = unit_at.get_mut(t.index()) {
                        *slot = u32::try_from(u).unwrap_or(u32::MAX);
                    }
                }
                Some(OrgNode::Organization) => org_unit = Some(u),
                _ => {}
            }
        }
        let mut extras = vec![Vec::new(); units.len()];
        for t in graph.team_ixs() {
            if let Some(&u) = by_id.get(graph.team(t).id.as_str())
                && unit_at.get(t.index()).is_none_or(|&at| at as usize != u)
            {
                extras[u].push(t);
            }
        }
        Self {
            units,
            unit_at,
            org_unit,
            extras,
        }
    }

    /// What `read` makes of each unit's bag of `things`, by unit: one pass
    /// down the team forest (`Chain::fold_down`), each bag
    /// read once complete, with the unit's second definitions' things
    /// added for the reading only (they are not under the unit, so not
    /// under the units above it either).
    fn gather<T, R>(
        &self,
        graph: &OrgGraph<'_>,
        things: &Things<T>,
        mut read: impl FnMut(&Bag) -> R,
    ) -> Vec<R> {
        let mut out: Vec<Option<R>> = self.units.iter().map(|_| None).collect();
        let mut at_org = Bag::default();
        let org = graph.organization();
        let mut read_unit = |u: usize, bag: &mut Bag, out: &mut Vec<Option<R>>| {
            let extras = self.extras.get(u).map_or(&[][..], Vec::as_slice);
            let result = bag.with_extra(things, extras, &mut read);
            if let Some(slot) = out.get_mut(u) {
                *slot = Some(result);
            }
        };
        graph.chains().teams.fold_down(
            |t, bag: &mut Bag| {
                for &o in things.placed_at(t) {
                    bag.insert(o, things.group(o));
                }
            },
            |into, from| into.absorb(from, things),
            |teams, bag| {
                for &t in teams {
                    if let Some(&u) = self.unit_at.get(t as usize)
                        && u != u32::MAX
                    {
                        read_unit(u as usize, bag, &mut out);
                    }
                }
                // A top under the organisation: its bag is read by nothing
                // else, so it can be moved.
                if let [t] = teams
                    && self.org_unit.is_some()
                    && graph.team_parent(TeamIx::from_usize(*t as usize)) == Some(org)
                {
                    at_org.absorb(std::mem::take(bag), things);
                }
            },
        );
        if let Some(u) = self.org_unit {
            read_unit(u, &mut at_org, &mut out);
        }
        // A unit that is no team's first definition (its id names
        // something else first) holds its second definitions only.
        out.into_iter()
            .enumerate()
            .map(|(u, r)| r.unwrap_or_else(|| read_unit_alone(self, u, things, &mut read)))
            .collect()
    }
}

/// What `read` makes of a unit that nothing is under: its second
/// definitions' things alone.
fn read_unit_alone<T, R>(
    places: &Places,
    u: usize,
    things: &Things<T>,
    read: &mut impl FnMut(&Bag) -> R,
) -> R {
    let extras = places.extras.get(u).map_or(&[][..], Vec::as_slice);
    Bag::default().with_extra(things, extras, read)
}

/// The measured things of one tenet (or the teams for the most loaded
/// one), numbered in the order a unit lists them, with the teams each
/// counts under.
struct Things<T> {
    /// What a unit lists of its first things, by number: the offenders,
    /// worst first, which are numbered before every healthy thing.
    listed: Vec<T>,
    /// Each thing's group, by number: things that rank alike share one
    /// (the number of the first of them); healthy things are in
    /// [`HEALTHY`].
    groups: Vec<u32>,
    /// The numbers of the things each team holds: team `t`'s are
    /// `placed[start[t]..start[t + 1]]`.
    start: Vec<u32>,
    placed: Vec<u32>,
}

impl<T> Things<T> {
    /// Numbers placed with teams, as (team index, number) pairs, by team.
    fn new(listed: Vec<T>, groups: Vec<u32>, teams: usize, mut pairs: Vec<(u32, u32)>) -> Self {
        pairs.retain(|&(t, _)| (t as usize) < teams);
        pairs.sort_unstable();
        let mut start = vec![0u32; teams + 1];
        for &(t, _) in &pairs {
            start[t as usize + 1] += 1;
        }
        for i in 0..teams {
            start[i + 1] += start[i];
        }
        Self {
            listed,
            groups,
            start,
            placed: pairs.into_iter().map(|(_, o)| o).collect(),
        }
    }

    /// The numbers of the things team `t` holds itself.
    fn placed_at(&self, t: usize) -> &[u32] {
        match (self.start.get(t), self.start.get(t + 1)) {
            (Some(&a), Some(&b)) => self.placed.get(a as usize..b as usize).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The group of thing `o`.
    fn group(&self, o: u32) -> u32 {
        self.groups.get(o as usize).copied().unwrap_or(HEALTHY)
    }
}

/// One tenet's measured things: the offenders sorted as
/// [`Measure::trim`] sorts them (worst first, then by id and reason, ties
/// in model order), then the healthy ones.
fn tenet_things(
    graph: &OrgGraph<'_>,
    kind: TenetKind,
    options: &ScorecardOptions,
    want: Option<&str>,
    explained: &super::Explained,
) -> Things<(usize, Offender)> {
    let mut offences: Vec<Option<(usize, Offender)>> = Vec::new();
    // (team index, thing in model order)
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    measure_tenet(
        graph,
        kind,
        options,
        true,
        explained,
        &mut |subject, offence| {
            if !period_matches(want, subject.period) {
                return;
            }
            let seq = u32::try_from(offences.len()).unwrap_or(u32::MAX);
            pairs.extend(subject.teams.iter().map(|t| (t.0, seq)));
            offences.push(offence);
        },
    );
    let mut order: Vec<u32> = (0..offences.len())
        .filter(|&s| offences[s].is_some())
        .map(|s| u32::try_from(s).unwrap_or(u32::MAX))
        .collect();
    // Stable, so that equal offenders stay in model order, as `trim` keeps them.
    order.sort_by(
        |&a, &b| match (&offences[a as usize], &offences[b as usize]) {
            (Some((ra, a)), Some((rb, b))) => rb
                .cmp(ra)
                .then_with(|| a.id.cmp(&b.id))
                .then_with(|| a.reason.cmp(&b.reason)),
            _ => std::cmp::Ordering::Equal,
        },
    );
    let offenders = order.len();
    order.extend(
        (0..offences.len())
            .filter(|&s| offences[s].is_none())
            .map(|s| u32::try_from(s).unwrap_or(u32::MAX)),
    );
    let mut number = vec![0u32; offences.len()];
    let mut listed = Vec::with_capacity(offenders);
    let mut groups = Vec::with_capacity(order.len());
    for (o, &s) in (0u32..).zip(&order) {
        number[s as usize] = o;
        match offences[s as usize].take() {
            Some((rank, offender)) => {
                let group = match (listed.last(), groups.last()) {
                    (Some((last, _)), Some(&g)) if *last == rank => g,
                    _ => o,
                };
                groups.push(group);
                listed.push((rank, offender));
            }
            None => groups.push(HEALTHY),
        }
    }
    for pair in &mut pairs {
        pair.1 = number.get(pair.1 as usize).copied().unwrap_or(u32::MAX);
    }
    Things::new(listed, groups, graph.team_ixs().len(), pairs)
}

/// The teams accountable for a product, as the most loaded team is picked:
/// the most products first, then by id. A team defined twice with as
/// many products is one thing, listed once.
fn load_things(graph: &OrgGraph<'_>) -> Things<LoadPeak> {
    let mut teams: Vec<(usize, TeamIx)> = graph
        .team_ixs()
        .map(|t| (graph.products_of(t).len(), t))
        .filter(|&(n, _)| n > 0)
        .collect();
    teams.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| graph.team(a.1).id.cmp(&graph.team(b.1).id))
    });
    let mut listed: Vec<LoadPeak> = Vec::with_capacity(teams.len());
    let mut groups = Vec::with_capacity(teams.len());
    let mut pairs = Vec::with_capacity(teams.len());
    for (n, t) in teams {
        let id = &graph.team(t).id;
        let same = listed
            .last()
            .is_some_and(|p| p.products == n && p.team == *id);
        if !same {
            let o = u32::try_from(listed.len()).unwrap_or(u32::MAX);
            let group = match (listed.last(), groups.last()) {
                (Some(p), Some(&g)) if p.products == n => g,
                _ => o,
            };
            groups.push(group);
            listed.push(LoadPeak {
                team: id.clone(),
                products: n,
            });
        }
        let o = u32::try_from(listed.len() - 1).unwrap_or(u32::MAX);
        pairs.push((t.0, o));
    }
    Things::new(listed, groups, graph.team_ixs().len(), pairs)
}

/// The things held by a team and every team under it: a set of thing
/// numbers, with how many of them are in each group.
#[derive(Default)]
struct Bag {
    items: BTreeSet<u32>,
    groups: BTreeMap<u32, usize>,
}

impl Bag {
    /// Adds thing `o` of `group`; false when it was in already.
    fn insert(&mut self, o: u32, group: u32) -> bool {
        crate::graph::count_steps(1);
        if !self.items.insert(o) {
            return false;
        }
        *self.groups.entry(group).or_default() += 1;
        true
    }

    /// Takes out thing `o` of `group`, which is in.
    fn remove(&mut self, o: u32, group: u32) {
        if self.items.remove(&o)
            && let Some(n) = self.groups.get_mut(&group)
        {
            *n -= 1;
            if *n == 0 {
                self.groups.remove(&group);
            }
        }
    }

    /// Adds every thing of `other`, the smaller bag into the larger: each
    /// thing then moves into a bag at least twice as large as the one it
    /// left, a logarithmic number of times at most.
    fn absorb<T>(&mut self, mut other: Bag, things: &Things<T>) {
        if other.items.len() > self.items.len() {
            std::mem::swap(self, &mut other);
        }
        for o in other.items {
            self.insert(o, things.group(o));
        }
    }

    /// How many things of `group` it holds.
    fn count(&self, group: u32) -> usize {
        self.groups.get(&group).copied().unwrap_or(0)
    }

    /// What `read` makes of the bag with the things of the `extra` teams
    /// added, which are then taken out again.
    fn with_extra<T, R>(
        &mut self,
        things: &Things<T>,
        extra: &[TeamIx],
        read: &mut impl FnMut(&Bag) -> R,
    ) -> R {
        let mut added = Vec::new();
        for t in extra {
            for &o in things.placed_at(t.index()) {
                if self.insert(o, things.group(o)) {
                    added.push(o);
                }
            }
        }
        let result = read(self);
        for o in added {
            self.remove(o, things.group(o));
        }
        result
    }
}

/// A unit's measurement of one tenet from its bag: what
/// [`Measure::into_tenet`] needs of the whole, with the first `listed`
/// offenders and the counts of their ranks only. Every offender ranked
/// above a listed one is listed, so those counts give each listed one its
/// place, and its ties, as the counts of every rank would.
fn unit_measure(
    bag: &Bag,
    things: &Things<(usize, Offender)>,
    listed: usize,
    keep_all: bool,
) -> Measure {
    let healthy = bag.count(HEALTHY);
    let measured = bag.items.len();
    let mut offenders = Vec::new();
    let mut rank_counts = BTreeMap::new();
    for &o in bag.items.iter().take(listed) {
        let Some((rank, offender)) = things.listed.get(o as usize) else {
            break;
        };
        let mut offender = offender.clone();
        if let Some(text) = &offender.text
            && text.chars().count() > UNIT_TEXT_CHARS
        {
            let mut cut: String = text.chars().take(UNIT_TEXT_CHARS - 1).collect();
            cut.push('…');
            offender.text = Some(cut);
        }
        rank_counts.insert(*rank, bag.count(things.group(o)));
        offenders.push((*rank, offender));
    }
    let mut m = Measure::new(0);
    m.healthy = healthy;
    m.measured = measured;
    m.offenders = offenders;
    m.offender_count = measured - healthy;
    m.rank_counts = rank_counts;
    m.keep_all = keep_all;
    m
}

/// A unit's most loaded teams from its bag: the first [`MAX_LISTED`] of
/// those tied for the most products, and how many more are tied with them.
fn unit_peak(bag: &Bag, things: &Things<LoadPeak>) -> (Vec<LoadPeak>, usize) {
    let Some(&first) = bag.items.first() else {
        return (Vec::new(), 0);
    };
    let group = things.group(first);
    let peak: Vec<LoadPeak> = bag
        .items
        .iter()
        .take_while(|&&o| things.group(o) == group)
        .take(MAX_LISTED)
        .filter_map(|&o| things.listed.get(o as usize).cloned())
        .collect();
    let more = bag.count(group).saturating_sub(peak.len());
    (peak, more)
}
