//! The word lists the rules of [`super`] read: verbs, nouns and phrases of one
//! kind each, matched with `Ctx::lower_in`.

use super::*;

/// Verbs that add an amount to a business measure ("Add N5 ARR", "Source $2M in
/// pipeline"), unlike verbs that run or make things ("Run 4 festival activations").
pub(super) const AMOUNT_VERBS: &[&str] = &[
    "add", "source", "build", "bring", "create", "book", "land", "sign", "close", "generate",
    "drive", "win", "secure", "attract", "obtain",
];

/// Words that make a headcount of what an "add" or "bring" counts ("Add 1 full-time
/// developer").
pub(super) const HEADCOUNT_WORDS: &[&str] =
    &["full-time", "fte", "ftes", "headcount", "contractor"];

/// What people outside the team choose to do, read after the people counted.
pub(super) const CHOOSING: &[&str] = &[
    "using",
    "adopting",
    "accepting",
    "enrolling",
    "renewing",
    "choosing",
    "buying",
    "paying",
    "joining",
    "subscribing",
    "recommending",
];

/// What a count of the team's own people having done is a rollout of (rule 6).
pub(super) const TRAINING: &[&str] = &[
    "training",
    "trainings",
    "refresher",
    "refreshers",
    "induction",
    "certification",
    "certifications",
    "certified",
    "course",
    "courses",
];

/// What a colon after a delivery can count that is still the delivery: its
/// findings, its fixes, its features.
pub(super) const AFTER_COLON_OUTPUT: &[&str] = &[
    "findings",
    "finding",
    "exceptions",
    "non-conformities",
    "nonconformities",
    "issues",
    "bugs",
    "bug",
    "defects",
    "vulnerabilities",
    "fixes",
    "features",
];

/// Verbs of one-off deliveries, whose "within" is a deadline.
pub(super) const ONE_OFF: &[&str] = &[
    "migrate",
    "launch",
    "finish",
    "ship",
    "deliver",
    "complete",
    "build",
    "implement",
    "deploy",
    "roll",
    "move",
    "release",
    "create",
];

/// Participles of one-off work: "All services migrated within 2 release cycles" is a
/// migration with a deadline, not a service kept on time.
pub(super) const ONE_OFF_DONE: &[&str] = &[
    "migrated",
    "launched",
    "finished",
    "shipped",
    "built",
    "implemented",
    "deployed",
    "rolled",
    "moved",
    "released",
    "created",
    "decommissioned",
    "retired",
    "upgraded",
    "replaced",
    "installed",
];

/// Participles of a service level kept: "SLA met for 95% of requests".
pub(super) const LEVEL_KEPT: &[&str] = &["met", "achieved", "hit", "maintained", "exceeded"];

/// Nouns of a change a number is the size of: "a 10 point increase in".
pub(super) const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "reduction",
    "decrease",
    "rise",
    "drop",
    "fall",
    "improvement",
    "uplift",
    "gain",
    "lift",
];

/// The periods a frequency or a recurring deadline counts in: "Twice a year,
/// …", "Close the books by WD3 every month".
pub(super) const PERIODS: &[&str] = &[
    "day", "week", "month", "quarter", "semester", "term", "year", "cycle", "sprint",
];

/// Spans of a team's working rhythm that "within" can measure time in.
pub(super) const CYCLES: &[&str] = &[
    "release",
    "releases",
    "sprint",
    "sprints",
    "cycle",
    "cycles",
    "iteration",
    "iterations",
];

/// Verbs of time spent with people: "Meet with", "Talk to", "Partner with".
pub(super) const MEETING_VERBS: &[&str] = &[
    "meet",
    "talk",
    "speak",
    "partner",
    "work",
    "engage",
    "collaborate",
    "connect",
];

/// Words that make the people after them a usage measure: "weekly active users".
pub(super) const USAGE_WORDS: &[&str] = &[
    "active",
    "daily",
    "weekly",
    "monthly",
    "returning",
    "paying",
    "unique",
];

/// Nouns that make what follows "of" the thing measured, not the measure.
pub(super) const USAGE_AND_PACE: &[&str] = &["use", "speed", "pace"];

/// Verbs of research work, and what it gathers: "Collect feedback from 2 vendors".
pub(super) const GATHER_VERBS: &[&str] = &[
    "collect", "gather", "solicit", "request", "seek", "obtain", "get",
];
pub(super) const GATHERED: &[&str] = &[
    "feedback",
    "input",
    "inputs",
    "data",
    "insights",
    "requirements",
    "responses",
    "opinions",
];

/// What grows when an audience does: "Grow our media presence".
pub(super) const AUDIENCES: &[&str] = &[
    "community",
    "communities",
    "audience",
    "audiences",
    "following",
    "presence",
    "reach",
    "base",
    "userbase",
];

/// Labels that say the count after them is of people hired: "Hiring: 1 intern".
pub(super) const HIRING_LABELS: &[&str] = &["hiring", "hires", "recruiting", "recruitment"];

/// Weak verbs that also hold or hand over something made: "Hold the annual gala",
/// "Deliver 18 titles to the printer".
pub(super) const EVENT_VERBS: &[&str] = &["deliver", "hold", "host"];

/// Bodies that adopt plans and policies formally: "adopted by City Council".
pub(super) const GOVERNING_BODIES: &[&str] = &[
    "council",
    "board",
    "committee",
    "cabinet",
    "parliament",
    "assembly",
    "legislature",
    "senate",
    "commission",
    "trustees",
    "governors",
    "regents",
    "congress",
    "tsc",
    "toc",
    "steering",
];

/// How satisfied people are: "users are happy with", "customers love".
pub(super) const SATISFIED: &[&str] = &[
    "happy",
    "satisfied",
    "pleased",
    "delighted",
    "love",
    "loves",
    "enjoy",
    "enjoys",
    "rate",
    "rates",
    "recommend",
    "recommends",
];

/// Verbs that make something smaller: "Reduce", "Cut", "Consolidate".
pub(super) const SHRINK_VERBS: &[&str] = &[
    "reduce", "cut", "decrease", "shrink", "halve", "minimize", "minimise", "slash", "trim", "drop",
];

/// Participles of [`SHRINK_VERBS`], and "down": "workspaces reduced from 310 to 45".
pub(super) const SHRUNK: &[&str] = &[
    "reduced",
    "cut",
    "decreased",
    "shrunk",
    "halved",
    "minimized",
    "minimised",
    "slashed",
    "trimmed",
    "consolidated",
    "down",
    "pruned",
    "archived",
    "purged",
    "deleted",
    "removed",
    "retired",
    "decommissioned",
];

/// What is made with another party, who is then no response to it: "Sign roaming
/// agreements with two more operators".
pub(super) const MADE_WITH: &[&str] = &[
    "agreement",
    "agreements",
    "contract",
    "contracts",
    "partnership",
    "partnerships",
    "mou",
    "mous",
    "treaty",
    "deal",
    "deals",
    "ppa",
    "msa",
    "msas",
];

/// What a share of recurring work done within a time says (rule 7).
pub(super) const DONE_ON_TIME: &str =
    "is done on time, item after item: timeliness of a recurring service";

/// The meaning of a count of what people outside the team send in.
pub(super) const SENT_IN: &str = "counts what people outside the team send in, which is behaviour";

/// The meaning of a count of customers or users won.
pub(super) const WON: &str = "are customers or users won, a business result";

/// Verbs of the team's own work reaching people: a share of people reached is rollout
/// coverage (rule 6), "Train 100% of staff", "Offer a check to all eligible residents".
pub(super) const REACH_PEOPLE: &[&str] = &[
    "train", "offer", "brief", "equip", "upskill", "certify", "coach", "inform", "notify",
    "contact", "invite", "email", "survey", "screen",
];

/// What an organisation runs for itself: having fewer of them is clean-up (rule 11),
/// "Reduce Terraform workspaces from 340 to 60", "Cut SaaS tools from 120 to 40".
pub(super) const INTERNAL_ESTATE: &[&str] = &[
    "repositories",
    "repos",
    "pipelines",
    "clusters",
    "servers",
    "vms",
    "systems",
    "tools",
    "vendors",
    "suppliers",
    "databases",
    "environments",
    "branches",
    "microservices",
    "scripts",
    "workspaces",
    "configs",
    "configurations",
    "codebases",
    "forks",
    "platforms",
    "stacks",
    "spreadsheets",
    "datacenters",
    "datacentres",
    "skus",
    "entities",
    "tables",
    "modules",
    "dashboards",
    "locations",
    "images",
    "rules",
    "flags",
    "explores",
    "templates",
    "queues",
    "buckets",
    "instances",
    "containers",
    "namespaces",
    "dependencies",
    "deps",
    "codes",
    "records",
    "eucs",
    "apps",
    "fields",
    "steps",
];

/// Verbs that bring money in, after the thing that brings it: "Spring appeal raises £250k".
pub(super) const MONEY_IN_VERBS: &[&str] = &[
    "raises",
    "raised",
    "generates",
    "generated",
    "brings",
    "brought",
    "earns",
    "earned",
    "yields",
    "yielded",
    "secures",
    "secured",
    "saves",
    "saved",
    "nets",
    "netted",
    "attracts",
    "attracted",
];

/// Where people join as members from outside: "Add 500 members to the loyalty programme".
pub(super) const MEMBERSHIPS: &[&str] = &[
    "programme",
    "program",
    "scheme",
    "club",
    "community",
    "loyalty",
    "newsletter",
    "mailing",
    "network",
    "forum",
    "discord",
    "society",
    "app",
];

/// Words that make the people beside them the organisation's own: "team members",
/// "members of the staff".
pub(super) const OWN_GROUPS: &[&str] = &["team", "staff"];

/// Groups inside the organisation that members join: "Add 3 members to the platform team".
pub(super) const TEAMS_JOINED: &[&str] = &[
    "team",
    "teams",
    "board",
    "committee",
    "council",
    "squad",
    "group",
    "panel",
    "staff",
    "working",
    "steering",
    "guild",
    "chapter",
];

/// What a deliverable is said to do when it has a feature (rule 5).
pub(super) const CAPABILITY_VERBS: &[&str] =
    &["supports", "covers", "offers", "provides", "exposes"];

/// Agreed levels a service keeps "within".
pub(super) const SERVICE_LEVELS: WordSet = set(&[
    W::Sla,
    W::Slas,
    W::Slo,
    W::Target,
    W::Budget,
    W::Tolerance,
    W::Policy,
]);

/// Forms of "to be" before a participle: "is being used", "are defined".
pub(super) const BE_FORMS: &[&str] = &["is", "are", "being", "been", "be", "was", "were"];

/// Comparatives that ask for the same work done better: "Ship releases faster", "Claims
/// are approved faster".
pub(super) const FASTER: &[&str] = &["faster", "cheaper", "quicker", "sooner"];

/// What a thing is asked to be as … as a yardstick: "as fast as simple text".
pub(super) const AS_GOOD_AS: &[&str] = &[
    "fast",
    "quick",
    "cheap",
    "reliable",
    "responsive",
    "smooth",
    "stable",
    "accurate",
];

/// What a service is kept within: "within our latency budget", "at our quality
/// criteria".
pub(super) const KEPT_WITHIN: &[&str] = &[
    "budget",
    "budgets",
    "slo",
    "slos",
    "sla",
    "slas",
    "target",
    "targets",
    "criteria",
    "thresholds",
    "threshold",
    "tolerance",
    "tolerances",
    "levels",
];

/// What happens to each item a service handles as it comes: "99.999% of jobs
/// processed", "98% of requests served".
pub(super) const SERVED: &[&str] = &[
    "processed",
    "served",
    "handled",
    "succeeded",
    "succeed",
    "answered",
    "resolved",
    "authorised",
    "authorized",
    "settled",
    "acknowledged",
    "executed",
];

/// What people say, feel or rate, which makes a count of them a survey result
/// (rule 9): "25% of employees report …", "200 employees say they know …".
pub(super) const PERCEIVED: &[&str] = &[
    "report",
    "reports",
    "say",
    "says",
    "feel",
    "feels",
    "rate",
    "rates",
    "agree",
    "agrees",
    "confident",
    "believe",
    "believes",
    "recommend",
    "recommends",
];

/// Money a team spends rather than draws: "$50k budget for the offsite", "with a
/// $10k budget", "$10k in expenses".
pub(super) const MONEY_SPENT: &[&str] = &[
    "budget", "budgets", "spend", "spending", "spent", "cost", "costs", "fee", "fees", "expenses",
    "price",
];

/// Verbs that set up or report a measure without moving it: "Track weekly
/// active users", "Measure the average time to merge".
pub(super) const MEASURING_VERBS: &[&str] = &[
    "track",
    "measure",
    "monitor",
    "instrument",
    "calculate",
    "compute",
    "quantify",
    "benchmark",
];

/// Verbs that make measures into a deliverable: "Deliver actionable funnel
/// metrics", "Define success metrics", "Publish the KPIs monthly".
pub(super) const METRICS_MADE_VERBS: &[&str] = &[
    "deliver",
    "define",
    "build",
    "create",
    "publish",
    "develop",
    "establish",
    "set",
    "agree",
    "design",
    "document",
    "instrument",
    "introduce",
    "produce",
    "implement",
];

/// Words after a deliverable that say what it is about: "Documentation about
/// contributions", "a report characterizing layout performance".
pub(super) const TOPIC_WORDS: &[&str] = &[
    "about",
    "characterizing",
    "characterising",
    "describing",
    "explaining",
    "summarizing",
    "summarising",
    "analyzing",
    "analysing",
    "comparing",
    "documenting",
];

/// What people can do once they know something: "staff can explain the incident
/// process", "customers can name two of our brands".
pub(super) const KNOWING: &[&str] = &[
    "name",
    "explain",
    "describe",
    "recall",
    "articulate",
    "tell",
    "recognise",
    "recognize",
    "identify",
];

/// What a business stops losing: "Stop losing carts at the address step" (but
/// "Stop supporting IE11" ends a piece of work).
pub(super) const LOSING: &[&str] = &[
    "losing", "leaking", "dropping", "missing", "wasting", "churning", "failing", "bleeding",
];

/// What ends once, so that "within 60 days of fiscal year end" is a deadline
/// ("within 7 days of month end" comes every month).
pub(super) const ONE_OFF_ENDS: &[&str] = &[
    "year",
    "fiscal",
    "project",
    "contract",
    "pilot",
    "program",
    "programme",
    "campaign",
    "trial",
    "lease",
];

/// Verbs that make a process faster.
pub(super) const PACE_VERBS: &[&str] = &["accelerate", "speed", "expedite", "quicken"];

/// One-off pieces of work: hurrying one on is still delivering it.
pub(super) const ONE_OFF_WORK: &[&str] = &[
    "migration",
    "migrations",
    "rollout",
    "roll-out",
    "launch",
    "roadmap",
    "project",
    "projects",
    "implementation",
    "delivery",
    "transition",
    "integration",
    "build-out",
    "adoption",
    "development",
    "plan",
];

/// Participles that open, after a comma, what a delivery lets happen: "…,
/// enabling improved SEO", "…, allowing teams to deploy daily".
pub(super) const RESULT_PARTICIPLES: &[&str] = &[
    "enabling",
    "allowing",
    "helping",
    "letting",
    "empowering",
    "unlocking",
    "paving",
    "freeing",
];

/// What a deliverable already made can be in the passive: "3 tutorials are
/// improved", "12 guides updated".
pub(super) const REWORKED: &[&str] = &[
    "improved",
    "enhanced",
    "updated",
    "refreshed",
    "revised",
    "reworked",
    "rewritten",
];

/// Steps of a customer's journey whose completion is a conversion.
pub(super) const JOURNEY_STEPS: &[&str] = &[
    "checkout",
    "signup",
    "sign-up",
    "registration",
    "onboarding",
    "kyc",
    "application",
    "purchase",
    "profile",
    "form",
    "funnel",
    "enrolment",
    "enrollment",
    "setup",
    "set-up",
    "activation",
    "verification",
    "order",
    "booking",
    "payment",
];

/// Who, before a step of a journey, makes it the organisation's own:
/// "vendor onboarding completion" is a rollout.
pub(super) const OWN_PARTIES: &[&str] = &[
    "vendor",
    "vendors",
    "supplier",
    "suppliers",
    "staff",
    "employee",
    "employees",
    "internal",
];

/// How well a delivery itself is done, which qualifies it (rule 4): "…,
/// 100% data accuracy", "…, no data loss".
pub(super) const DELIVERY_QUALITY: &[&str] = &[
    "accuracy",
    "errors",
    "error",
    "loss",
    "incidents",
    "incident",
    "downtime",
];
