//! The small hand-written word lists the generator draws ids and texts from.

/// Business domains: a tribe's subject, with the product nouns it builds.
pub(super) const DOMAINS: &[(&str, &[&str])] = &[
    (
        "payments",
        &[
            "checkout",
            "wallet",
            "payouts",
            "invoicing",
            "refunds",
            "card-vault",
        ],
    ),
    (
        "search",
        &[
            "search",
            "autocomplete",
            "ranking",
            "query-insights",
            "spellcheck",
        ],
    ),
    (
        "identity",
        &["login", "signup", "sso", "profile", "consent"],
    ),
    (
        "logistics",
        &["shipping", "tracking", "returns", "warehouse", "routing"],
    ),
    (
        "catalog",
        &[
            "catalog",
            "listings",
            "pricing-engine",
            "inventory",
            "media-library",
        ],
    ),
    (
        "growth",
        &[
            "onboarding",
            "referrals",
            "campaigns",
            "landing-pages",
            "experiments",
        ],
    ),
    (
        "messaging",
        &["chat", "inbox", "notifications", "email", "push"],
    ),
    (
        "ads",
        &[
            "ad-server",
            "bidding",
            "audiences",
            "ad-reporting",
            "creatives",
        ],
    ),
    (
        "maps",
        &["maps", "geocoding", "places", "navigation", "eta"],
    ),
    (
        "fraud",
        &[
            "risk-scoring",
            "chargebacks",
            "kyc",
            "fraud-rules",
            "device-graph",
        ],
    ),
    (
        "reviews",
        &["reviews", "ratings", "moderation", "questions", "photos"],
    ),
    (
        "loyalty",
        &["rewards", "membership", "coupons", "gift-cards", "points"],
    ),
    (
        "support",
        &[
            "help-center",
            "ticketing",
            "chatbot",
            "agent-desk",
            "status-page",
        ],
    ),
    (
        "data",
        &[
            "data-lake",
            "metrics",
            "dashboards",
            "event-pipeline",
            "feature-store",
        ],
    ),
    (
        "media",
        &["player", "streaming", "playlists", "uploads", "transcoding"],
    ),
    (
        "mobility",
        &["rides", "dispatch", "driver-app", "fleet", "surge"],
    ),
];

/// Business-unit names for the third level of the hierarchy.
pub(super) const BUSINESS_UNITS: &[&str] = &[
    "consumer",
    "commerce",
    "enterprise",
    "marketplace",
    "platform",
    "fintech",
    "media",
    "mobility",
];

/// Where a product is used, with its product kind.
pub(super) const SURFACES: &[(&str, &str)] = &[
    ("web", "customer-facing"),
    ("ios", "customer-facing"),
    ("android", "customer-facing"),
    ("api", "platform"),
    ("service", "platform"),
    ("console", "internal"),
    ("sdk", "platform"),
];

/// Display names for surfaces.
pub(super) fn surface_name(surface: &str) -> &'static str {
    match surface {
        "web" => "Web",
        "ios" => "iOS",
        "android" => "Android",
        "api" => "API",
        "service" => "Service",
        "console" => "Console",
        _ => "SDK",
    }
}

/// Metrics: (id slug, display text, unit, low, high, higher is better).
pub(super) const METRICS: &[(&str, &str, &str, f64, f64, bool)] = &[
    ("week1-retention", "week-1 retention", "%", 20.0, 60.0, true),
    ("conversion", "checkout conversion", "%", 1.5, 9.0, true),
    ("nps", "net promoter score", "points", 10.0, 60.0, true),
    (
        "p95-latency",
        "p95 page latency",
        "ms",
        180.0,
        1200.0,
        false,
    ),
    (
        "time-to-first-value",
        "time to first value",
        "minutes",
        3.0,
        45.0,
        false,
    ),
    ("churn", "monthly churn", "%", 1.0, 9.0, false),
    (
        "weekly-actives",
        "weekly active users",
        "k",
        40.0,
        900.0,
        true,
    ),
    (
        "repeat-purchase",
        "repeat purchase rate",
        "%",
        10.0,
        45.0,
        true,
    ),
    (
        "contact-rate",
        "support contact rate",
        "%",
        2.0,
        14.0,
        false,
    ),
    ("fraud-loss", "fraud loss rate", "bps", 4.0, 40.0, false),
    (
        "on-time-delivery",
        "on-time delivery",
        "%",
        70.0,
        97.0,
        true,
    ),
    (
        "search-success",
        "search success rate",
        "%",
        40.0,
        85.0,
        true,
    ),
    ("activation", "new-user activation", "%", 15.0, 55.0, true),
    ("crash-free", "crash-free sessions", "%", 97.0, 99.8, true),
    (
        "payout-time",
        "median payout time",
        "hours",
        6.0,
        72.0,
        false,
    ),
];

/// Who an outcome is for.
pub(super) const AUDIENCES: &[&str] = &[
    "New customers",
    "Returning shoppers",
    "Sellers",
    "Drivers",
    "Listeners",
    "Small businesses",
    "Support agents",
    "Advertisers",
    "Partners",
    "Developers",
];

/// What changes for them (completes "<audience> ...").
pub(super) const CHANGES: &[&str] = &[
    "find what they need on the first try",
    "get value in their first week",
    "trust us with their money",
    "come back every week",
    "get answers without contacting support",
    "get paid faster",
    "finish checkout without friction",
    "recommend us to friends",
    "never wait for a slow page",
    "see their orders arrive on time",
];

/// Objective titles in the outcome style (completed with a noun).
pub(super) const OBJECTIVE_TITLES: &[&str] = &[
    "Make {noun} effortless for first-time users",
    "Customers rely on {noun} every week",
    "{Noun} becomes the fastest way to get it done",
    "Delight returning users of {noun}",
    "Nobody gives up halfway through {noun}",
    "Make {noun} trustworthy at any scale",
];

/// Objective titles in the project style, a realistic minority.
pub(super) const PROJECT_TITLES: &[&str] = &[
    "Complete the {noun} migration",
    "Deliver the {noun} redesign",
    "Rebuild {noun} on the new platform",
];

/// Outcome-style key results: {m} metric text, {a} baseline, {b} target, {u} unit.
pub(super) const OUTCOME_KRS: &[&str] = &[
    "Raise {m} from {a}{u} to {b}{u}",
    "Move {m} from {a}{u} to {b}{u}",
    "Improve {m} from {a}{u} to {b}{u} by the end of the quarter",
    "Get {m} to {b}{u} (from {a}{u})",
];

/// Outcome-style key results for metrics where lower is better.
pub(super) const LOWER_KRS: &[&str] = &[
    "Cut {m} from {a}{u} to {b}{u}",
    "Reduce {m} below {b}{u} (now {a}{u})",
    "Bring {m} down from {a}{u} to {b}{u}",
];

/// Milestone-style key results: {noun}, {month}, {n}.
pub(super) const MILESTONE_KRS: &[&str] = &[
    "Launch the new {noun} by {month}",
    "Ship {noun} v2 to all markets",
    "Migrate {noun} to the new platform by {month}",
    "Complete the {noun} redesign",
    "Roll out {noun} in {n} new markets",
    "Hire {n} engineers for {noun}",
    "Release the {noun} beta by {month}",
];

/// Months for deadlines.
pub(super) const MONTHS: &[&str] = &[
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// First names of members.
pub(super) const FIRST_NAMES: &[&str] = &[
    "Ana", "Bo", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ivo", "Jun", "Kemal", "Lea",
    "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen",
    "Ximena", "Yusuf", "Zoe",
];

/// Last names of members.
pub(super) const LAST_NAMES: &[&str] = &[
    "Almeida",
    "Becker",
    "Costa",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Haddad",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lindqvist",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quispe",
    "Rossi",
    "Santos",
    "Tanaka",
];

/// Suffixes that turn a real id into a dangling one (a renamed or deleted entity).
pub(super) const STALE_SUFFIXES: &[&str] = &["-old", "-legacy", "-v1", "-tmp", "-deprecated"];

/// Decision areas the planted decision defects use (never used by healthy
/// decisions at team or product scope).
pub(super) const DEFECT_AREAS: &[&str] = &[
    "budget-allocation",
    "pricing",
    "compliance",
    "data-retention",
    "incident-response",
    "experimentation",
];
