//! A count of the steps the graph's walks take, so that a test can hold
//! the work per entity to a budget instead of timing it.
//!
//! Counting is one relaxed atomic add per step of a walk, next to the
//! reads of the step itself.

use std::sync::atomic::{AtomicU64, Ordering};

static STEPS: AtomicU64 = AtomicU64::new(0);

/// Adds `n` steps.
pub(crate) fn count(n: u64) {
    STEPS.fetch_add(n, Ordering::Relaxed);
}

/// The steps walks over chains, loops and paths have taken in this
/// process so far (all threads). For tests that bound the work per entity;
/// not a stable interface.
#[doc(hidden)]
pub fn walk_steps() -> u64 {
    STEPS.load(Ordering::Relaxed)
}
