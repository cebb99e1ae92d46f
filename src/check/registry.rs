//! Every built-in check, in one list. Adding a check is adding its file
//! and one line here.

use super::Check;

/// Every built-in check, integrity checks first, then by family and name.
pub fn builtin() -> Vec<Box<dyn Check>> {
    vec![
        // integrity
        Box::new(super::duplicate_id::DuplicateId),
        Box::new(super::hierarchy_cycle::HierarchyCycle),
        Box::new(super::invalid_entity::InvalidEntity),
        Box::new(super::invalid_file::InvalidFile),
        Box::new(super::unfollowed_location::UnfollowedLocation),
        Box::new(super::unknown_allow::UnknownAllow),
        Box::new(super::unknown_reference::UnknownReference),
        // ownership
        Box::new(super::idle_team::IdleTeam),
        Box::new(super::incomplete_product_trio::IncompleteProductTrio),
        Box::new(super::orphaned_product::OrphanedProduct),
        Box::new(super::overloaded_team::OverloadedTeam),
        Box::new(super::unclear_ownership::UnclearOwnership),
        // alignment
        Box::new(super::function_not_product_led::FunctionNotProductLed),
        Box::new(super::objective_without_key_results::ObjectiveWithoutKeyResults),
        Box::new(super::unaligned_product::UnalignedProduct),
        Box::new(super::unmeasurable_outcome::UnmeasurableOutcome),
        Box::new(super::unsupported_outcome::UnsupportedOutcome),
        // goal style
        Box::new(super::milestone_key_result::MilestoneKeyResult),
        Box::new(super::project_funded_product::ProjectFundedProduct),
        Box::new(super::project_style_objective::ProjectStyleObjective),
        Box::new(super::unmeasurable_key_result::UnmeasurableKeyResult),
        // decision rights
        Box::new(super::conflicting_deciders::ConflictingDeciders),
        Box::new(super::decision_outside_ownership::DecisionOutsideOwnership),
        Box::new(super::escalation_cycle::EscalationCycle),
        Box::new(super::missing_decider::MissingDecider),
        Box::new(super::missing_decision_right::MissingDecisionRight),
        Box::new(super::ungoverned_standard::UngovernedStandard),
        // people
        Box::new(super::fragmented_person::FragmentedPerson),
        Box::new(super::over_allocated_person::OverAllocatedPerson),
        Box::new(super::team_size::TeamSize),
        // lifecycle
        Box::new(super::stage_without_lead::StageWithoutLead),
        // cadence
        Box::new(super::unplanned_decision_area::UnplannedDecisionArea),
        Box::new(super::unreviewed_goals::UnreviewedGoals),
        // interactions
        Box::new(super::too_many_collaborations::TooManyCollaborations),
        Box::new(super::unused_platform::UnusedPlatform),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let checks = super::builtin();
        let mut seen = HashSet::new();
        for c in &checks {
            let m = c.meta();
            assert!(seen.insert(m.name), "duplicate check name {}", m.name);
            assert!(
                m.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{} is not kebab-case",
                m.name
            );
            for heading in [
                "### What it finds",
                "### Why it matters",
                "### Example",
                "### Fix",
            ] {
                assert!(m.docs.contains(heading), "{} docs lack `{heading}`", m.name);
            }
            assert!(
                !m.summary.ends_with('.'),
                "{} summary ends with a period",
                m.name
            );
        }
    }
}
