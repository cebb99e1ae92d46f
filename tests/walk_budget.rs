//! The work of the graph's walks per entity is bounded: on deep and wide
//! generated orgs, the steps every walk takes (counted, not timed) stay
//! under a fixed budget per entity, at two sizes, so that a walk repeated
//! per entity along a chain (quadratic) fails here long before it is slow.
//!
//! The step counter is process-wide: this file holds one test so that
//! nothing else runs beside it.

mod shapes;

use opmodel::graph::walk_steps;
use opmodel::load::{Format, load_str};
use opmodel::scorecard::{self, ScorecardOptions};
use opmodel::{Linter, OrgGraph};

/// Steps per entity allowed for building the graph and running every check:
/// a few passes over each chain, and naming the ten nearest members of a
/// chain in a finding.
const BUDGET_PER_ENTITY: u64 = 40;

/// Steps per entity allowed for scoring every unit of the org
/// (`report --by unit`): a few passes over the team forest per tenet.
const UNITS_BUDGET_PER_ENTITY: u64 = 40;

/// The steps loading, building and checking `json` takes, the steps
/// scoring each of its units takes, and how many entities it has.
fn steps(json: &str) -> (u64, u64, u64) {
    let loaded = load_str(json, Format::Json, "shape.json");
    let m = &loaded.model;
    let entities = m.teams.len()
        + m.products.len()
        + m.outcomes.len()
        + m.objectives.len()
        + m.decisions.len();
    let before = walk_steps();
    let report = Linter::new().check(&loaded);
    let taken = walk_steps() - before;
    let graph = OrgGraph::build(m);
    let before = walk_steps();
    let cards = scorecard::score_units(&graph, &report, &ScorecardOptions::default());
    let scoring = walk_steps() - before;
    drop((report, cards));
    (taken, scoring, entities as u64)
}

#[test]
fn walks_take_a_bounded_number_of_steps_per_entity() {
    let mut total = 0;
    for n in [5_000, 20_000] {
        let mut all = shapes::all(n);
        all.push(shapes::dangling_owners(n / 10));
        for shape in all {
            let (taken, scoring, entities) = steps(&shape.json);
            total += taken;
            eprintln!(
                "{} at {n}: {taken} steps, {scoring} scoring units, {entities} entities",
                shape.name
            );
            assert!(
                taken <= BUDGET_PER_ENTITY * entities,
                "{} at {n}: {taken} steps for {entities} entities",
                shape.name
            );
            assert!(
                scoring <= UNITS_BUDGET_PER_ENTITY * entities,
                "{} at {n}: {scoring} steps scoring units, for {entities} entities",
                shape.name
            );
        }
    }
    // The counter counts: a budget met by counting nothing proves nothing.
    assert!(total > 100_000, "only {total} steps counted");
}
