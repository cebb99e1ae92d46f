//! Word classes the rule engine tests by role ("the team's own people", "people outside the
//! team", "a verb of what customers do"), stored as lexicon flags so that a test is one
//! bit test instead of a walk over a list.
//!
//! The lists are the source of truth; the lexicon ORs [`role_flags`] into each word's
//! flags when it builds its table, and a test keeps `words.rs` in step with them.

/// Words for a level to attain: "achieve 110% of plan", "meet the MQL goals".
pub(crate) const TARGET: u64 = 1 << 53;
const TARGET_WORDS: &[&str] = &[
    "plan", "plans", "target", "targets", "goal", "goals", "forecast", "quota", "quotas",
];

/// Words that make a plan or target one of output: hiring, training, a release.
pub(crate) const OUTPUT_PLAN: u64 = 1 << 54;
const OUTPUT_PLAN_WORDS: &[&str] = &[
    "hiring",
    "headcount",
    "intake",
    "recruiting",
    "staffing",
    "training",
    "release",
    "roadmap",
    "delivery",
    "project",
    "migration",
    "launch",
    "content",
    "publishing",
    "audit",
    "inspection",
    "testing",
];

/// The organisation's own people, whose training or participation is a rollout.
pub(crate) const INTERNAL: u64 = 1 << 48;
const INTERNAL_PEOPLE: &[&str] = &[
    "teammates",
    "teammate",
    "employees",
    "employee",
    "staff",
    "managers",
    "manager",
    "aes",
    "sdrs",
    "bdrs",
    "reps",
    "interns",
    "intern",
    "recruiters",
    "hires",
    "person",
    "people",
    "engineers",
    "engineer",
    "leads",
    "leaders",
];

/// Verbs that say the team's own people did a prescribed thing.
pub(crate) const STAFF_DONE: u64 = 1 << 49;
const STAFF_COMPLETION: &[&str] = &[
    "participate",
    "participates",
    "participated",
    "complete",
    "completes",
    "completed",
    "take",
    "takes",
    "taken",
    "took",
    "attend",
    "attends",
    "attended",
    "trained",
    "covered",
    "onboarded",
    "certified",
    "pass",
    "passes",
    "passed",
    "shadow",
    "shadows",
    "provides",
    "provide",
    "shares",
    "share",
    "presents",
    "present",
    "receives",
    "receive",
    "joins",
    "join",
    "spends",
    "spend",
    "advance",
    "advances",
    "has",
    "have",
];

/// People outside the team whose number is a business result when counted.
pub(crate) const OUTSIDERS: u64 = 1 << 47;
const EXTERNAL_ACTORS: &[&str] = &[
    "customers",
    "users",
    "members",
    "creators",
    "publishers",
    "developers",
    "contributors",
    "collaborators",
    "subscribers",
    "organizations",
    "organisations",
    "companies",
    "enterprises",
    "accounts",
    "logos",
    "partners",
    "resellers",
    "listeners",
    "viewers",
    "readers",
    "visitors",
    "buyers",
    "shoppers",
    "players",
    "attendees",
    "registrants",
    "advertisers",
    "merchants",
    "sellers",
    "clients",
    "households",
    "patients",
    "students",
    "learners",
    "adopters",
    "teams",
    "tenants",
    "workspaces",
    "downloads",
    "installs",
    "profiles",
    "prospects",
    "followers",
    "fans",
    "donors",
    "supporters",
    "backers",
    "sponsors",
    "committers",
    "savers",
    "depositors",
    "borrowers",
    "policyholders",
    "cardholders",
    "children",
    "adults",
    "youth",
    "seniors",
    "veterans",
    "infants",
    "pupils",
];

/// Words that make the word before them the name of a unit of the organisation ("People
/// Group", "Community WG").
pub(crate) const UNIT: u64 = 1 << 52;
const UNIT_WORDS: &[&str] = &[
    "group",
    "team",
    "wg",
    "department",
    "squad",
    "function",
    "council",
    "committee",
    "guild",
    "chapter",
    "office",
];

/// People outside the team, named in the singular after "1" or "one" ("1 customer
/// enables …").
pub(crate) const OUTSIDER: u64 = 1 << 55;
const SINGLE_EXTERNAL_ACTORS: &[&str] = &[
    "customer",
    "user",
    "partner",
    "company",
    "organization",
    "organisation",
    "enterprise",
    "account",
    "client",
    "prospect",
    "logo",
];

/// Verbs of what customers do, in the third person ("1 customer renews", "N1 expands").
pub(crate) const CUSTOMER_ACT: u64 = 1 << 50;
const CUSTOMER_ACTS: &[&str] = &[
    "chooses",
    "selects",
    "buys",
    "purchases",
    "renews",
    "expands",
    "upgrades",
    "converts",
    "churns",
    "adopts",
    "uses",
    "pays",
    "subscribes",
    "signs",
    "commits",
    "deploys",
    "enables",
    "recommends",
    "returns",
];

/// Adjectives that state a quality people get from a product: "is fast and easy to use".
pub(crate) const QUALITY_ADJ: u64 = 1 << 51;
const QUALITY_ADJECTIVES: &[&str] = &[
    "fast",
    "faster",
    "reliable",
    "stable",
    "secure",
    "performant",
    "responsive",
    "intuitive",
    "accessible",
    "quick",
    "quicker",
];

/// Every role flag: words with only these are otherwise unknown to the lexicon.
pub(crate) const ROLES: u64 = TARGET
    | OUTPUT_PLAN
    | INTERNAL
    | STAFF_DONE
    | OUTSIDERS
    | UNIT
    | OUTSIDER
    | CUSTOMER_ACT
    | QUALITY_ADJ;

/// The role flags of the lowercase word `w`.
pub(crate) fn role_flags(w: &str) -> u64 {
    let mut f = 0;
    for (list, flag) in LISTS {
        if list.contains(&w) {
            f |= flag;
        }
    }
    f
}

/// Each list with its flag.
const LISTS: [(&[&str], u64); 9] = [
    (TARGET_WORDS, TARGET),
    (OUTPUT_PLAN_WORDS, OUTPUT_PLAN),
    (INTERNAL_PEOPLE, INTERNAL),
    (STAFF_COMPLETION, STAFF_DONE),
    (EXTERNAL_ACTORS, OUTSIDERS),
    (UNIT_WORDS, UNIT),
    (SINGLE_EXTERNAL_ACTORS, OUTSIDER),
    (CUSTOMER_ACTS, CUSTOMER_ACT),
    (QUALITY_ADJECTIVES, QUALITY_ADJ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::goal_style::words::WORDS;

    #[test]
    fn every_role_word_is_in_the_word_list() {
        let missing: Vec<&str> = LISTS
            .iter()
            .flat_map(|(list, _)| list.iter().copied())
            .filter(|w| !WORDS.contains(w))
            .collect();
        assert!(missing.is_empty(), "add to words.rs: {missing:?}");
    }

    #[test]
    fn role_flags_are_free_lexicon_bits() {
        assert_eq!(ROLES & super::super::lexicon::USED_FLAGS, 0);
    }
}
