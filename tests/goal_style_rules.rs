//! Every rule of the labelling guide (`key-results.md`), each with key results written the
//! way organisations write them: the classifier must agree with the rule.
//!
//! None of these sentences is in the training data.

use opmodel::goal_style::{Style, classify};

fn assert_style(style: Style, texts: &[&str]) {
    for text in texts {
        let a = classify(text);
        assert_eq!(
            a.style, style,
            "{text:?} should read as {style}; cues: {:?}",
            a.cues
        );
    }
}

#[test]
fn an_outcome_is_a_measured_result_for_customers_or_the_business() {
    assert_style(
        Style::Outcome,
        &[
            "Raise 30-day retention of new accounts from 42% to 50%",
            "Cut median time to resolve P1 incidents from 6 hours to 2",
            "Onboard 40 new reseller partners",
        ],
    );
}

#[test]
fn a_milestone_is_something_delivered_or_done() {
    assert_style(
        Style::Milestone,
        &[
            "Launch the partner marketplace in Spain",
            "Migrate the billing service to Kubernetes",
        ],
    );
}

#[test]
fn rule_1_numbers_decide_nothing() {
    assert_style(
        Style::Milestone,
        &[
            "Publish 12 customer case studies",
            "Run 30 discovery interviews with enterprise admins",
        ],
    );
    assert_style(Style::Outcome, &["CSAT 4.6", "NPS above 45"]);
}

#[test]
fn rule_2_weak_verbs_decide_nothing() {
    assert_style(
        Style::Outcome,
        &[
            "Achieve 99.95% API availability",
            "Deliver a 15% lower cost per shipment",
        ],
    );
    assert_style(
        Style::Milestone,
        &[
            "Achieve ISO 27001 certification",
            "Deliver the new partner onboarding guide",
        ],
    );
}

#[test]
fn rule_3_the_main_clause_decides() {
    assert_style(
        Style::Milestone,
        &[
            "Launch an in-app referral program to grow sign-ups by 20%",
            "Redesign the pricing page so that trial conversion improves",
        ],
    );
    assert_style(
        Style::Outcome,
        &[
            "Grow weekly active teams by 25% through the new Slack integration",
            "Reduce checkout abandonment from 68% to 60% by simplifying the payment step",
        ],
    );
}

#[test]
fn rule_4_qualifiers_on_a_deliverable_keep_it_a_milestone() {
    assert_style(
        Style::Milestone,
        &[
            "SOC 2 Type II report issued with no exceptions",
            "Mobile app released with offline mode and dark theme",
        ],
    );
}

#[test]
fn rule_5_capability_is_a_milestone_behaviour_an_outcome() {
    assert_style(
        Style::Milestone,
        &[
            "Customers can download invoices as PDF",
            "Drivers can report a damaged parcel from the app",
        ],
    );
    assert_style(
        Style::Outcome,
        &[
            "Most customers download invoices themselves instead of asking support",
            "Drivers report damaged parcels in the app rather than by phone",
        ],
    );
}

#[test]
fn rule_6_rollout_coverage_is_output() {
    assert_style(
        Style::Milestone,
        &[
            "100% of services instrumented with OpenTelemetry",
            "EDR agent installed on 100% of company laptops",
        ],
    );
    assert_style(
        Style::Outcome,
        &["70% of product teams choose the shared CI templates for new services"],
    );
}

#[test]
fn rule_7_timeliness_of_a_recurring_service_is_an_outcome() {
    assert_style(
        Style::Outcome,
        &[
            "Close the monthly books within 4 business days",
            "95% of support tickets get a first reply within 1 hour",
        ],
    );
    assert_style(
        Style::Milestone,
        &[
            "Submit the annual tax filing by end of Q2",
            "Deliver the 2027 operating plan by November 15",
        ],
    );
}

#[test]
fn rule_8_negations_get_the_same_test() {
    assert_style(
        Style::Outcome,
        &[
            "No customer-facing outage longer than 10 minutes",
            "Zero critical vulnerabilities open longer than 30 days",
        ],
    );
    assert_style(
        Style::Milestone,
        &[
            "No service still deploys from the old Jenkins",
            "No customer left on the v1 billing API",
        ],
    );
}

#[test]
fn rule_9_hiring_is_a_milestone_retention_an_outcome() {
    assert_style(
        Style::Milestone,
        &[
            "Hire 6 backend engineers",
            "Meet the Q3 hiring plan for sales",
        ],
    );
    assert_style(
        Style::Outcome,
        &[
            "Reduce median time to fill engineering roles from 60 to 40 days",
            "Keep regretted attrition below 5%",
            "Warehouse fill rate at or above 98%",
        ],
    );
}

#[test]
fn rule_10_marketing_work_is_a_milestone_the_audience_response_an_outcome() {
    assert_style(
        Style::Milestone,
        &[
            "Publish 8 long-form SEO articles",
            "Run two webinars on supply-chain visibility",
        ],
    );
    assert_style(
        Style::Outcome,
        &[
            "Grow organic traffic to the docs by 30%",
            "Generate 400 marketing qualified leads from the spring campaign",
        ],
    );
}

#[test]
fn rule_11_internal_clean_up_stated_as_a_number_is_a_milestone() {
    assert_style(
        Style::Milestone,
        &[
            "Reduce the number of Terraform modules from 80 to 20",
            "Cut the number of internal dashboards from 300 to 50",
        ],
    );
}

/// Who or what the sentence is about decides as much as its verb: a unit, the team's own
/// people, outsiders, or a product.
#[test]
fn the_subject_and_its_verb_decide() {
    // something the team now has was made by it
    assert_style(
        Style::Milestone,
        &[
            "The platform team has a documented on-call runbook",
            "Developer Relations WG has a public roadmap",
            "Data Platform Group to document every pipeline owner",
        ],
    );
    // unless what it has is a level of a measure
    assert_style(
        Style::Outcome,
        &["The app has a crash-free rate above 99.8%"],
    );
    // customers and partners acting, even one of them
    assert_style(
        Style::Outcome,
        &[
            "1 enterprise customer renews on the annual plan",
            "One design partner chooses our SDK for production",
            "Activate 25 new reseller partners",
        ],
    );
    // the team's own people doing a prescribed thing, or counted, is a rollout or staffing
    assert_style(
        Style::Milestone,
        &[
            "Each member of the support team shadows two sales calls",
            "Every engineer on the platform team completes the threat-modelling course",
            "4 solutions engineers ramped",
            "Add 2 full-time support engineers in EMEA",
        ],
    );
    // a capability is a delivered feature; a quality people get is a result
    assert_style(
        Style::Milestone,
        &["The mobile app is able to work offline"],
    );
    assert_style(Style::Outcome, &["The search API is fast and reliable"]);
}

/// What a number or a participle quantifies decides, not that it is there.
#[test]
fn what_is_counted_decides() {
    assert_style(
        Style::Outcome,
        &[
            "We've sourced 25% of Q3 pipeline from partners",
            "$3M in new pipeline generated by field events",
            "105% of bookings plan achieved",
            "Get 300 sign ups for the beta waitlist",
            "Get 20 pull requests from outside contributors",
            "Define and meet an SLA for partner support tickets",
            "80% of expense reports are approved without manual review",
        ],
    );
    assert_style(
        Style::Milestone,
        &[
            "95% of hiring plan achieved",
            "Deliver 90% of committed roadmap items",
            "Complete at least 3 customer discovery cycles",
            "Interview 10 or more churned customers",
            "Audit report issued without exceptions",
            "Monitor employee satisfaction and identify emerging trends",
        ],
    );
}

/// Words that only look like cues: a programming language, idioms, ratios.
#[test]
fn lookalike_words_are_not_cues() {
    assert_style(
        Style::Milestone,
        &[
            "Port the SDK to Go",
            "Reference parser available in Go and Rust",
            "Shut down the legacy reporting cluster",
            "Complete 1:1 mapping between accounts and billing entities",
        ],
    );
}

#[test]
fn a_participle_outside_the_main_clause_says_nothing_was_delivered() {
    assert_style(
        Style::Outcome,
        &[
            // a comparison's clause, a definition's clause
            "New checkout pages load faster than those they replaced",
            "Lead time for changes is under one day, as defined by DORA",
            // a participle before its noun describes the noun
            "Revenue from partner built apps doubles",
        ],
    );
    // the main clause's own participle still says it was delivered
    assert_style(
        Style::Milestone,
        &[
            "Self-serve refunds launched in all markets",
            "Payment service migrated to the new cluster",
        ],
    );
}

#[test]
fn rule_7_an_items_own_due_date_is_timeliness_not_a_deadline() {
    assert_style(
        Style::Outcome,
        &[
            "Most invoices are paid before the due date",
            "95% of contracts are renewed before their expiry",
        ],
    );
    assert_style(
        Style::Milestone,
        &["Finish the vendor review before the summer break"],
    );
}

#[test]
fn how_people_fare_is_a_result_without_a_number() {
    assert_style(
        Style::Outcome,
        &[
            "Users are happier with the app",
            "Customers are more confident in their bills",
        ],
    );
}

#[test]
fn a_deadline_written_in_numbers_is_quoted_whole() {
    let text = "Finish the rollout by 2026-06-30";
    let a = classify(text);
    let quoted: Vec<&str> = a
        .cues
        .iter()
        .filter(|c| c.kind == opmodel::goal_style::CueKind::Deadline)
        .map(|c| &text[c.span.clone()])
        .collect();
    assert_eq!(quoted, ["by 2026-06-30"]);
}

#[test]
fn an_aside_in_parentheses_opens_no_clause() {
    // Rule 7: timeliness of a recurring service, with an aside before it.
    assert_style(
        Style::Outcome,
        &["Resolve all critical alerts (with known fixes) within 7 days of the report"],
    );
    // The aside changes nothing about a delivery either.
    assert_style(
        Style::Milestone,
        &["Migrate the billing service (with its cron jobs) to Kubernetes"],
    );
}

#[test]
fn getting_something_done_is_a_delivery_and_an_audiences_response_a_result() {
    assert_style(
        Style::Milestone,
        &[
            "Get our case studies published in at least 2 trade magazines",
            "Have the supplier contract signed by both parties",
        ],
    );
    // Rule 10: the audience's response is an outcome.
    assert_style(
        Style::Outcome,
        &[
            "Reach 5,000 upvotes on our launch posts",
            "40 citations of the dataset in peer-reviewed papers",
        ],
    );
}

#[test]
fn work_on_data_and_talks_are_output_and_a_money_level_is_a_threshold() {
    assert_style(
        Style::Milestone,
        &[
            "Validate at least 500 place entries in one city",
            "Compute baseline offset statistics for all 750 sampled places",
            "Speaking at four conferences",
        ],
    );
    assert_style(
        Style::Outcome,
        &[
            "Maintain the treasury above CHF 10k",
            "Reduce the number of blockers discovered after each release",
            "Fewer regressions reach production",
        ],
    );
}

#[test]
fn rule_3_holds_whichever_part_comes_first() {
    assert_style(
        Style::Outcome,
        &[
            "Grow weekly active teams from 40 to 60 and launch the referral program",
            "Launch the referral program and grow weekly active teams from 40 to 60",
        ],
    );
}

#[test]
fn a_count_of_people_of_a_deliverable_counts_the_people() {
    // Rule 2 (adoption is an outcome): the deliverable after "of"/"to"
    // only says which people are counted.
    assert_style(
        Style::Outcome,
        &[
            "Number of users of the new app",
            "Number of adopters of the SDK",
            "Number of contributors to the docs site",
        ],
    );
    // A count of what the team makes stays output.
    assert_style(
        Style::Milestone,
        &["Number of blog posts published on the new site"],
    );
}

#[test]
fn lead_opening_a_key_result_before_what_is_led_is_the_verb() {
    assert_style(
        Style::Milestone,
        &[
            "Lead 3 discussions on those topics",
            "Lead the migration to Kubernetes",
        ],
    );
    // A sales lead is still a measure.
    assert_style(
        Style::Outcome,
        &[
            "Lead conversion rate from 2% to 4%",
            "Raise qualified leads from 300 to 450 a month",
        ],
    );
}

#[test]
fn a_count_changed_as_a_share_of_what_comes_in_is_a_rate() {
    // The reviews are the team's work, but "60% of applications" makes
    // them a rate of the process, a measure (an efficiency outcome).
    assert_style(
        Style::Outcome,
        &["Cut manual underwriting reviews from 60% of applications to 30%"],
    );
    // A plain count of the team's own work stays output.
    assert_style(Style::Milestone, &["Cut manual reviews from 60 to 30"]);
}

#[test]
fn evangelizing_is_an_activity() {
    assert_style(Style::Milestone, &["Evangelize OSPO adoption"]);
}

#[test]
fn a_level_after_the_last_comma_must_be_reached_too() {
    // Rule 3: the delivery and the response it must get are equal parts.
    assert_style(
        Style::Outcome,
        &[
            "Hold 3 customer workshops to gather input, >75% rate them useful",
            "Publish the pricing explainer, 20k views",
        ],
    );
    // A count of the team's own work, or its coverage, after the comma is not one.
    assert_style(
        Style::Milestone,
        &[
            "Ship the mobile release, 80% test coverage",
            "Run the DR drill, zero findings",
        ],
    );
}

#[test]
fn the_count_of_a_measure_is_the_measure() {
    assert_style(
        Style::Outcome,
        &[
            "Lower the crash count on Android by 30%",
            "Bring defect count per release from 40 down to 10",
        ],
    );
    // The count of what the team makes stays output (rule 1).
    assert_style(Style::Milestone, &["Grow the article count to 400"]);
}

#[test]
fn what_a_delivery_enables_after_a_comma_is_a_result_clause() {
    assert_style(
        Style::Milestone,
        &[
            "Create distinct pages for each course, enabling improved search ranking",
            "Build status pages per service, enabling faster incident response",
            "Ship an onboarding checklist, helping users activate faster",
        ],
    );
    assert_style(
        Style::Outcome,
        &["Cut reporting time by 30%, freeing analysts for planning"],
    );
}

#[test]
fn deliverables_reworked_are_counted_output() {
    assert_style(
        Style::Milestone,
        &[
            "4 onboarding guides are updated from user interviews",
            "10+ tutorials are written or improved",
        ],
    );
    assert_style(Style::Outcome, &["Search conversion improved by 5 points"]);
}

#[test]
fn qualifiers_after_a_comma_keep_a_delivery_a_milestone() {
    // Rule 4 (how well it is done) and rule 9 (hiring) hold after a comma.
    assert_style(
        Style::Milestone,
        &[
            "Deliver the quarterly report, 0 errors",
            "Migrate the CRM, 100% data accuracy",
            "Hire 5 engineers, 3 seniors",
        ],
    );
}

#[test]
fn finishing_a_step_of_the_customer_journey_is_a_conversion() {
    assert_style(
        Style::Outcome,
        &[
            "Lift checkout completion from 71% to 75%",
            "Raise KYC completion to 85% of applicants",
            "Registration completion above 60% on mobile",
        ],
    );
    // Staff finishing the organisation's own training is a rollout (rule 6),
    // and a page about the step is a deliverable.
    assert_style(
        Style::Milestone,
        &[
            "Raise security training completion from 70% to 100%",
            "Redesign the checkout completion page",
            "Add 3 fields to the signup completion screen",
            "Achieve 100% vendor onboarding completion for the 40 suppliers",
        ],
    );
}

#[test]
fn how_fast_people_can_do_something_is_a_performance_level() {
    // Rule 5 makes "can" a capability; a time limit on it is a level of
    // performance that has to be reached.
    assert_style(
        Style::Outcome,
        &[
            "Engineers can deploy to production in under 10 minutes",
            "New hires can ship their first change in less than a week",
        ],
    );
    assert_style(Style::Milestone, &["Customers can export invoices as CSV"]);
}

#[test]
fn a_technical_choice_is_no_change_in_behaviour() {
    assert_style(
        Style::Milestone,
        &[
            "Use compositor RTrees rather than cached SkPictures",
            "Adopt OpenTelemetry rather than the vendor agent for tracing",
        ],
    );
    assert_style(
        Style::Outcome,
        &["80% of squads use the shared pipeline rather than their own"],
    );
}
