//! The small predicates of [`super`]: each recognises one kind of phrase at a
//! place in a key result ("Subject to …,", "Maintain X at 99.95%", "Speed up
//! X") and says where it is.

use super::*;

/// Whether the work that "within N days" at `i` limits is done once, a one-off
/// deadline (rule 7): "Migrate the billing service within 30 days", "Patch all
/// findings from the Q3 pen test within 14 days". Each item of a recurring
/// service has its own clock: "Deploy security patches within 48 hours",
/// "Deliver the monthly report within 5 days".
pub(super) fn one_off_within(cx: &Ctx<'_>, a: usize, i: usize) -> bool {
    // the work comes from one dated event: "findings from the Q3 pen test"
    let from_dated = (a..i).any(|x| {
        cx.f(x) & FROM != 0 && (x + 1..(x + 4).min(i)).any(|y| cx.f(y) & (CAL | YEAR) != 0)
    });
    if from_dated {
        return true;
    }
    // one thing named: "Determine the Northgate regeneration application"
    // ("Resolve the P1 incidents" is a class of them)
    let named = cx.f(a) & DV != 0
        && cx.lower_in(a + 1, &["the"])
        && cx.token_text(a + 2).is_some_and(|w| {
            w.len() > 2
                && w.starts_with(|c: char| c.is_uppercase())
                && w.chars().all(char::is_alphabetic)
        })
        && cx
            .token_text(i.saturating_sub(1))
            .is_some_and(|w| !w.ends_with('s') || w.ends_with("ss"));
    if named {
        return true;
    }
    if !cx.lower_in(a, ONE_OFF) || (a + 1..i).any(|x| cx.f(x) & RECUR != 0 && cx.f(x) & ALL == 0) {
        return false;
    }
    // one named thing ("the billing service", "a pilot"); all of a fixed set
    // only for a move ("all services")
    cx.lower_in(a + 1, &["the", "a", "an", "our", "this", "its"])
        || cx.lower_in(a, &["migrate", "move"]) && cx.f(a + 1) & ALL != 0
}

/// Whether token `i` is the punctuation `byte` (`(` or `)`).
pub(super) fn punct_is(cx: &Ctx<'_>, i: usize, byte: u8) -> bool {
    cx.t.get(i).is_some_and(|k| {
        k.end == k.start + 1 && cx.text.as_bytes().get(k.start as usize) == Some(&byte)
    })
}

/// The comma that ends an opening "Based on …," / "Informed by …," phrase, or a
/// condition ("Subject to …,"), at `s`.
pub(super) fn drawn_on_prefix(cx: &Ctx<'_>, s: usize) -> Option<usize> {
    let opens = cx.lower_in(s, &["based", "building", "drawing"]) && cx.lower_in(s + 1, &["on"])
        || cx.lower_in(s, &["informed", "guided"]) && cx.f(s + 1) & BY != 0
        // "Through the Digital Inclusion programme, hold 24 sessions": a means first
        || cx.f(s) & MEANS != 0
        || cx.lower_in(s, &["leveraging"])
        || condition_first(cx, s);
    if !opens {
        return None;
    }
    (s + 2..cx.t.len().min(s + 10))
        .find(|&i| punct_is(cx, i, b','))
        .filter(|&c| c + 1 < cx.t.len())
}

/// Whether the punctuation at `i` opens a clause that says what is expected to
/// follow: "; this should reduce …", ". We expect … to fall", ". It should help us
/// …", ". This is the groundwork for …".
pub(super) fn expectation_after(cx: &Ctx<'_>, i: usize) -> bool {
    if !(punct_is(cx, i, b';') || punct_is(cx, i, b'.') || punct_is(cx, i, b',')) {
        return false;
    }
    let word = |j: usize| {
        cx.token_text(j)
            .filter(|_| cx.kind(j) == Some(TokKind::Word))
            .unwrap_or("")
    };
    crate::goal_style::expectation::opens([word(i + 1), word(i + 2), word(i + 3), word(i + 4)])
}

/// Whether the key result at `s` opens with a condition or a frequency, before
/// a comma: "Subject to budget approval, migrate …", "Depending on pilot
/// feedback, roll out …", "Twice a year, facilitate a feedback session", "For
/// every sprint, …". The main clause after it decides (rule 3).
pub(super) fn condition_first(cx: &Ctx<'_>, s: usize) -> bool {
    const OPENERS: &[&str] = &[
        "depending",
        "contingent",
        "conditional",
        "subject",
        "pending",
        "assuming",
        "twice",
        "once",
        "every",
        "each",
    ];
    // ("For every sprint, …")
    let s = if cx.lower_in(s, &["for"]) { s + 1 } else { s };
    if !cx.lower_in(s, OPENERS) {
        return false;
    }
    if cx.lower_in(s, &["pending", "assuming"]) {
        return true;
    }
    if cx.lower_in(s, &["subject"]) {
        return cx.f(s + 1) & TO != 0;
    }
    if cx.lower_in(s, &["depending", "contingent", "conditional"]) {
        return cx.lower_in(s + 1, &["on", "upon"]);
    }
    (s + 1..cx.t.len().min(s + 4)).any(|j| {
        cx.f(j) & (CAL | YEAR | TU) != 0 || cx.lower_in(j, CYCLES) || cx.lower_in(j, PERIODS)
    })
}

/// The end of "<participle> by <people outside the team>" just after the counted
/// noun at `h`: "hours donated by volunteers", "pull requests merged by outside
/// contributors".
pub(super) fn done_by_outsiders(cx: &Ctx<'_>, h: usize, b: usize) -> Option<usize> {
    // ("bugs found by client": the head found may be the participle itself)
    let p = (h..b.min(h + 4))
        .find(|&j| cx.f(j) & DP != 0 || cx.ends_ed(j) || cx.lower_in(j, &["found"]))?;
    if cx.f(p + 1) & BY == 0 {
        return None;
    }
    (p + 2..b.min(p + 5))
        .take_while(|&j| cx.f(j) & (PREP | AND) == 0)
        // ("reviewed by Customer Success leadership": a team named after them)
        .filter(|&j| cx.kind(j + 1) != Some(TokKind::Word) || cx.f(j + 1) & (PREP | AND | DET) != 0)
        .find(|&j| {
            cx.f(j) & (OUTSIDERS | OUTSIDER) != 0
                || cx.lower_in(
                    j,
                    &[
                        "volunteers",
                        "residents",
                        "citizens",
                        "patrons",
                        "public",
                        "community",
                        "media",
                        "press",
                        "journalists",
                        "client",
                    ],
                )
        })
        .map(|j| j + 1)
}

/// Whether the object of the verb at `a` (head at `h`) is work that comes again and
/// again: a share of it ("95% of requested inspections"), every one of a recurring
/// event ("all refund requests"), or a recurring one ("the monthly close").
pub(super) fn again_and_again(cx: &Ctx<'_>, a: usize, h: usize) -> bool {
    const RECURRING: &[&str] = &["monthly", "weekly", "daily", "nightly", "quarterly"];
    // ("Migrate 80% of services within 6 weeks" is a rollout with a deadline)
    if cx.f(h) & (ROLL | DEL | MET) != 0 && cx.f(h) & EVT == 0 {
        return false;
    }
    (a + 1..h).any(|j| {
        cx.kind(j) == Some(TokKind::Percent) && cx.f(j + 1) & OF != 0
            || cx.lower_in(j, RECURRING)
            || cx.f(j) & ALL != 0 && cx.f(h) & EVT != 0
    })
}

/// Where a verbless key result says which channel people use for something they do
/// again and again, with two of: a majority ("most", "mostly"), a channel ("online",
/// "via", "through") and a contrast ("not at the counter", "vs paper", "without a
/// ticket"): the recurring thing at the returned place ("permits", "claims"). A
/// rollout of what the organisation runs ("services on the new pipeline") is no choice.
pub(super) fn channel_shift(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    const MAJORITY: WordSet = set(&[
        W::Most,
        W::Mostly,
        W::Majority,
        W::Predominantly,
        W::Primarily,
    ]);
    const CHANNEL: WordSet = set(&[
        W::Online,
        W::SelfServe,
        W::SelfService,
        W::Digitally,
        W::InApp,
    ]);
    // ("without", "instead" and "rather" carry the CONTRAST flag)
    const OTHER_WAY: WordSet = set(&[W::Not, W::Vs, W::Versus]);
    const DONE_AGAIN: &[&str] = &[
        "changes",
        "claims",
        "permits",
        "renewals",
        "applications",
        "payments",
        "bookings",
        "requests",
        "returns",
        "appointments",
        "enquiries",
        "inquiries",
        "submissions",
        "reports",
    ];
    // the channel often opens a means clause after the main one: the whole sentence
    let n = cx.t.len();
    // "Customers can renew online": a capability, a feature delivered (rule 5)
    if (a..n).any(|j| cx.f(j) & CAN != 0) {
        return None;
    }
    let all = Contents::of(cx.t.get(a..n).unwrap_or_default());
    let majority = all.words & MAJORITY != 0;
    let contrast = cx.t.get(a + 1..n).is_some_and(|rest| {
        rest.iter()
            .any(|k| bit(k.id) & OTHER_WAY != 0 || k.has(CONTRAST))
    });
    // every two of the three hold a majority or a contrast
    if !majority && !contrast {
        return None;
    }
    let channel = all.words & CHANNEL != 0
        || (a..n).any(|j| {
            cx.f(j) & MEANS != 0
            // "settled in the app", "top up in the app"
            || cx.lower_in(j, &["app", "portal", "website"])
                && j >= 2
                && cx.f(j - 1) & DET != 0
                && cx.f(j - 2) & IN != 0
        });
    if u8::from(majority) + u8::from(channel) + u8::from(contrast) < 2 {
        return None;
    }
    (a..b.min(a + 6)).find(|&j| {
        cx.kind(j) == Some(TokKind::Word)
            && cx.f(j) & MET == 0
            && (cx.f(j) & (EVT | ACT) != 0
                || cx.lower_in(j, DONE_AGAIN)
                || cx.f(j) & (ROLL | DEL) == 0
                    && cx
                        .token_text(j)
                        .is_some_and(|w| w.len() > 3 && w.ends_with('s'))
                || j > a
                    && cx.lower_in(j - 1, &["new"])
                    && cx.token_text(j).is_some_and(|w| w.ends_with('s')))
    })
}

/// Where a key result that opens with a count names what others do in response to a
/// delivery: "400 inbound demo requests from the Atlas launch" (`requests`), "Three
/// tier-1 publications cover the 3.0 launch" (`publications`).
pub(super) fn response_to_delivery(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    const RESPONSES: &[&str] = &[
        "enquiries",
        "inquiries",
        "requests",
        "leads",
        "applications",
        "registrations",
        "referrals",
        "bookings",
        "orders",
        "downloads",
        "sign-ups",
        "signups",
        "mentions",
        "responses",
        "replies",
        "visits",
    ];
    const MEDIA: &[&str] = &[
        "publications",
        "outlets",
        "journalists",
        "reviewers",
        "media",
    ];
    const COVER: &[&str] = &[
        "cover", "covers", "feature", "features", "mention", "mentions", "review", "reviews",
        "cite", "cites",
    ];
    const SOURCE: &[&str] = &["from", "after", "via", "through", "generated", "driven"];
    let v = cx.value_at(a)?;
    let r = (v..b.min(v + 5)).find(|&j| cx.lower_in(j, RESPONSES) || cx.lower_in(j, MEDIA))?;
    let drawn = if cx.lower_in(r, MEDIA) {
        cx.lower_in(r + 1, COVER)
    } else {
        cx.lower_in(r + 1, SOURCE)
    };
    // the source is a delivery: "the Atlas launch", "the heat pump campaign"
    (drawn && (r + 2..b).any(|j| cx.f(j) & DEL != 0)).then_some(r)
}

/// The span of a rate of the team's own activity: "400 outbound calls per rep per
/// month", "15 discovery calls per PM per quarter" (counts of what the team does,
/// rule 1; "ARR per rep" is a result).
pub(super) fn activity_per_own_role(cx: &Ctx<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    const ACTIVITIES: &[&str] = &[
        "calls",
        "dials",
        "meetings",
        "demos",
        "emails",
        "touches",
        "touchpoints",
        "interviews",
        "conversations",
    ];
    const OWN_ROLES: &[&str] = &[
        "rep",
        "reps",
        "pm",
        "pms",
        "ae",
        "aes",
        "sdr",
        "sdrs",
        "bdr",
        "bdrs",
        "csm",
        "csms",
        "recruiter",
        "recruiters",
        "seller",
        "sellers",
    ];
    // "per" is the one preposition that recurs
    let p = (a + 1..b).find(|&j| {
        cx.f(j) & (PREP | RECUR) == PREP | RECUR
            && cx.lower_in(j, &["per"])
            && cx.lower_in(j + 1, OWN_ROLES)
    })?;
    let counted = (a..p).rev().take(4).find(|&j| cx.lower_in(j, ACTIVITIES))?;
    (a..counted)
        .any(|j| cx.is_num(j))
        .then_some((counted, p + 2))
}

/// Whether the work at `a` obtains a decision from someone else: "Get IRB approval for
/// the user study", "Secure board approval" ("approval rating" is a measure).
pub(super) fn obtains_approval(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if !cx.lower_in(a, &["get", "obtain", "secure", "receive", "gain", "win"]) {
        return None;
    }
    (a + 1..b.min(a + 5))
        .find(|&j| cx.lower_in(j, &["approval", "accreditation"]))
        .filter(|&j| !cx.lower_in(j + 1, &["rating", "ratings", "rate", "rates"]))
}

/// Whether the key result at `a` opens with a delivery named as a noun: "Introduction
/// of SAP S/4HANA in purchasing", "Recruitment of 15 nurses", "Realisation of the
/// fashion show" ("Reduction of churn", "Completion of onboarding by 80% of users" and
/// "Delivery of orders within 24h" name results).
pub(super) fn nominal_delivery(cx: &Ctx<'_>, a: usize) -> bool {
    const DOINGS: &[&str] = &[
        "introduction",
        "implementation",
        "realization",
        "realisation",
        "elaboration",
        "formation",
        "recruitment",
        "rollout",
        "roll-out",
        "go-live",
        "creation",
        "development",
        "definition",
        "execution",
        "deployment",
        "publication",
        "installation",
        "establishment",
        "preparation",
        "construction",
        "opening",
        "migration",
        "integration",
        "digitalisation",
        "digitalization",
        "finalisation",
        "finalization",
        "plantation",
        "planting",
        "renovation",
        "rehabilitation",
        "modernisation",
        "modernization",
    ];
    /// How the delivery is made: "Gradual rollout of the new checkout", "Full
    /// migration of the ledger".
    const MANNER: &[&str] = &[
        "gradual",
        "phased",
        "staged",
        "full",
        "complete",
        "successful",
        "timely",
        "first",
        "initial",
        "final",
        "pilot",
    ];
    let d = if cx.lower_in(a, MANNER) { a + 1 } else { a };
    // "General availability of the bulk editor": a launch
    let launched = cx.lower_in(d, &["general", "default", "public"])
        && cx.lower_in(d + 1, &["availability"])
        && cx.f(d + 2) & OF != 0;
    launched
        || cx.f(d + 1) & OF != 0
            && (cx.lower_in(d, DOINGS)
                || d > a && cx.lower_in(d, &["ramp-up", "launch", "release"]))
}

/// The preposition of "<thing> on|in|for N% (of) <things>" or "<thing> in N more
/// <sites>" in a key result without a verb: "3DS2 on 100% EU txns", "Crash reporting
/// in 100% builds", "Self-checkout in 50 more stores" ("Conversion on
/// mobile 3%", "Self-serve queries 60% of total" are levels).
pub(super) fn coverage_on(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    // ("Same-day dispatch for 95% of orders" is a service level: `for` covers all)
    let p = (a + 1..b.min(a + 5)).find(|&j| {
        (cx.lower_in(j, &["on", "in", "across"])
            || cx.lower_in(j, &["for"]) && cx.text_is(j + 1, W::N100))
            && cx.is_num(j + 1)
            && (cx.kind(j + 2) == Some(TokKind::Percent)
                // "Self-checkout in 50 more stores": places it reaches, counted
                || cx.lower_in(j + 2, &["more", "additional", "new"]) && cx.f(j + 3) & ROLL != 0)
    })?;
    // the thing placed is no measure, and nobody acts before it ("squads choose",
    // "members account for"); a participle says what was done ("agent installed on")
    let head = p - 1;
    let measured = cx.f(head) & MET != 0 && cx.f(head) & DEL == 0;
    let acted = (a..p).any(|j| {
        cx.f(j) & (CV | WV | CR | DP | ACT | OUTSIDERS) != 0
            || cx.lower_in(j, USAGE_WORDS)
            || cx.lower_in(j, CHOOSING)
            || cx.lower_in(j, &["use", "choose", "account", "pick", "prefer"])
    });
    (!measured && !acted && (a..p).all(|j| cx.kind(j) == Some(TokKind::Word))).then_some(p)
}

/// The dash or comma of "<thing done> – 100% of <things>" / "<thing done>, all
/// <things>" in a key result without a verb: "Security awareness training – 100% of
/// staff", "Forklift tickets renewed, all drivers" (rule 6; "Self-serve share – 60%
/// of contacts" names a measure first).
pub(super) fn coverage_after_dash(cx: &Ctx<'_>, a: usize) -> Option<usize> {
    let n = cx.t.len();
    let d = (a + 1..n.min(a + 8)).find(|&j| {
        matches!(cx.kind(j), Some(TokKind::Punct | TokKind::Other))
            && matches!(cx.token_text(j), Some("–" | "—" | "-" | ","))
    })?;
    let share = cx.text_is(d + 1, W::N100)
        && cx.kind(d + 2) == Some(TokKind::Percent)
        && cx.f(d + 3) & OF != 0;
    if !(share || cx.f(d + 1) & ALL != 0) {
        return None;
    }
    let done = (a..d).any(|j| cx.f(j) & (DEL | DP) != 0 && cx.f(j) & MET == 0);
    // ("Security awareness training": a measure word naming what a deliverable is about)
    let plain = (a..d).all(|j| {
        cx.kind(j) == Some(TokKind::Word)
            && (cx.f(j) & (MET | ACT | OUTSIDERS | CV | CR) == 0
                || cx.f(j) & MET != 0 && cx.f(j + 1) & DEL != 0)
    });
    // what is covered is the org's own and nothing is said of it ("100% of
    // customers happy" is a result)
    let from = if share { d + 4 } else { d + 2 };
    let covered_only = n <= from + 3
        && (d + 1..n).all(|j| {
            // ("cost centres": a measure word naming a kind of thing)
            let modifier = cx.f(j) & MET != 0 && cx.kind(j + 1) == Some(TokKind::Word);
            (cx.f(j) & (MET | OUTSIDERS | CR) == 0 || modifier) && !cx.lower_in(j, SATISFIED)
        });
    (done && plain && covered_only).then_some(d)
}

/// The end of the value of a terse key result that names a measure and its level
/// and nothing else: "Dunning recovery 35%", "Time-on-task −25%" ("Tablet layouts 40%
/// done" is progress on output).
pub(super) fn terse_level(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if b > cx.t.len() || b - a > 5 || !(a..b).any(|j| cx.kind(j) == Some(TokKind::Percent)) {
        return None;
    }
    let v = (a + 1..b).find(|&j| cx.is_num(j) || matches!(cx.kind(j), Some(TokKind::Other)))?;
    let end = cx.value_at(v)?;
    let named = (a..v).all(|j| {
        cx.kind(j) == Some(TokKind::Word)
            && cx.f(j) & (DEL | EVT | ROLL | DP | DV | PREP | DET) == 0
    });
    (named && end >= b).then_some(end)
}

/// The place of `coverage` in "test coverage", "unit test coverage", "line coverage"
/// within `a..b`.
pub(super) fn test_coverage(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).find(|&j| {
        cx.lower_in(j, &["coverage", "cov"])
            && cx.lower_in(
                j - 1,
                &["test", "tests", "unit", "code", "line", "branch", "e2e"],
            )
    })
}

/// The place of `completion` in "training completion", "e-learning completion rate"
/// within `a..b` ("course completion" may be learners', customers, and is left out).
pub(super) fn training_completion(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).find(|&j| {
        cx.lower_in(j, &["completion", "completions"])
            && cx.lower_in(j - 1, &["training", "trainings", "e-learning", "elearning"])
    })
}

/// Whether `h` counts what others send in: "receives 300+ submissions", "grant
/// applications received".
/// ("Receive 3 proposals from vendors" is a step of procurement.)
pub(super) fn inbound(cx: &Ctx<'_>, h: usize) -> bool {
    cx.lower_in(
        h,
        &[
            "submissions",
            "applications",
            "proposals",
            "responses",
            "nominations",
            "entries",
            "donations",
            "referrals",
            "inquiries",
            "enquiries",
        ],
    ) && !(h + 1..cx.t.len().min(h + 4)).any(|j| {
        cx.lower_in(
            j,
            &[
                "vendors",
                "vendor",
                "suppliers",
                "supplier",
                "contractors",
                "agencies",
            ],
        )
    })
}

/// The last noun of the compound that starts at `h`: "feedback rounds",
/// "NPS survey response rate".
pub(super) fn compound_head(cx: &Ctx<'_>, h: usize, b: usize) -> usize {
    let mut j = h;
    while j + 1 < b
        && cx.kind(j + 1) == Some(TokKind::Word)
        && cx.f(j + 1) & (DEL | EVT | MET) != 0
        && cx.f(j + 1) & (PREP | DET | AND | BY | TO | FROM | OF | IN | FOR | WITH) == 0
    {
        j += 1;
    }
    j
}

/// Where a segment ends by asking for the work to get better: "more efficiently", "faster",
/// "with less effort" (the last one or two words, with no noun after them).
pub(super) fn better_at_end(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    // "Make complex text as fast as simple text": as good as a yardstick
    if let Some(j) = (a + 1..b).find(|&j| {
        cx.lower_in(j, &["as"]) && cx.lower_in(j + 1, AS_GOOD_AS) && cx.lower_in(j + 2, &["as"])
    }) {
        return Some(j);
    }
    let last = (a + 1..b).rev().find(|&j| cx.t[j].kind == TokKind::Word)?;
    if (last + 1..b).any(|j| cx.t[j].kind == TokKind::Word) {
        return None;
    }
    let adverb = cx
        .token_text(last)
        .is_some_and(|w| w.len() > 4 && w.ends_with("ly"));
    if adverb && cx.lower_in(last - 1, &["more", "less"]) {
        return Some(last - 1);
    }
    cx.lower_in(last, FASTER).then_some(last)
}

/// Where a change verb's target is a count of things rather than a level of a measure:
/// "… to 650 snippets", "… to 400 articles" (the number's position).
pub(super) fn output_target(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    let t = cx.t;
    (a + 1..b).filter(|&j| t[j].has(TO)).find_map(|j| {
        let n = j + 1;
        let z = cx.value_at(n)?;
        let noun = t.get(z)?;
        (z == n + 1
            && noun.kind == TokKind::Word
            && noun.flags & (MET | ACT | EVT | TU | CAL) == 0
            && !cx.t[z - 1].kind.eq(&TokKind::Percent))
        .then_some(n)
    })
}

/// Whether `a..b` states a measured change: "activation rate from 35% to 45%".
pub(super) fn measured_after(cx: &Ctx<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|j| cx.t[j].has(FROM)) && (a..b).filter(|&j| cx.is_num(j)).count() >= 2
}

/// Whether "Add 3 analytics views", "Create 5 pages" count things made, not page
/// views or on-call pages: a verb of making, a few of them, no rate.
pub(super) fn things_made(cx: &Ctx<'_>, a: usize, h: usize) -> bool {
    cx.lower_in(a, &["add", "create", "build"])
        && cx.lower_in(h, &["pages", "views", "charts", "reports"])
        && !cx.lower_in(h - 1, &["page", "video", "profile"])
        && (a + 1..h).all(|j| {
            !cx.lower_in(j, &["daily", "weekly", "monthly", "yearly", "annual"])
                && (!cx.is_num(j) || small_count(cx, j))
        })
}

/// Whether number token `j` is a small plain count ("3", "12"): things a team makes
/// by hand, where "40,000" or "25k" views are an audience.
pub(super) fn small_count(cx: &Ctx<'_>, j: usize) -> bool {
    cx.token_text(j)
        .is_some_and(|n| n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Where a change verb's target counts people outside the team rather than things made:
/// "Grow the newsletter to 5,000 subscribers" (the people's position). What a team makes
/// can only be grown this way by its audience coming, which is a result (rule 10).
pub(super) fn audience_target(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).filter(|&j| cx.t[j].has(TO)).find_map(|j| {
        // "to 5,000 subscribers", "to thousands of engaged subscribers"
        let mut z = match cx.value_at(j + 1) {
            Some(z) => z,
            None if cx.lower_in(j + 1, &["hundreds", "thousands", "millions"])
                && cx.f(j + 2) & OF != 0 =>
            {
                j + 3
            }
            None => return None,
        };
        // an adjective or two before the people: "engaged", "paying"
        let mut active = false;
        while z + 1 < b
            && z < j + 6
            && cx.f(z) & OUTSIDERS == 0
            && cx.kind(z) == Some(TokKind::Word)
            && cx.f(z) & (PREP | DEL | MET) == 0
        {
            // "to 2,000 monthly active posters": whoever they are, active users
            active |=
                cx.lower_in(z, &["active"]) && cx.lower_in(z - 1, &["daily", "weekly", "monthly"]);
            z += 1;
        }
        let people = cx.f(z) & OUTSIDERS != 0
            || active && cx.kind(z) == Some(TokKind::Word) && cx.f(z) & (DEL | PREP) == 0;
        (z < b && people).then_some(z)
    })
}

/// Whether "Close" at `a` closes what a review found (its object's head at `h`):
/// findings or recommendations, or issues and gaps from an audit or a review.
pub(super) fn closes_findings(cx: &Ctx<'_>, a: usize, h: usize, b: usize) -> bool {
    const FOUND: &[&str] = &["findings", "recommendations", "observations"];
    const RAISED: &[&str] = &["issues", "gaps", "actions", "items"];
    const REVIEWS: &[&str] = &[
        "audit",
        "audits",
        "review",
        "assessment",
        "pentest",
        "inspection",
    ];
    cx.word_is(a, W::Close)
        && (cx.lower_in(h, FOUND)
            || cx.lower_in(h, RAISED) && (h + 1..b).any(|j| cx.lower_in(j, REVIEWS)))
}

/// The cue for fewer of what the organisation runs for itself at `h` (rule 11).
pub(super) fn clean_up_cue(cx: &mut Ctx<'_>, h: usize) -> f32 {
    cx.cue(
        CueKind::Deliverable,
        h,
        h + 1,
        "is what the organisation runs for itself: having fewer is clean-up, a milestone",
        3.0,
    )
}

/// Whether the head at `h` names something the organisation runs for itself
/// ([`INTERNAL_ESTATE`]), or its own accounts: "bank accounts", "AWS accounts".
pub(super) fn internal_estate(cx: &Ctx<'_>, h: usize) -> bool {
    const OWN_ACCOUNTS: &[&str] = &[
        "bank", "cloud", "aws", "azure", "gcp", "service", "admin", "ledger", "shared", "gl",
    ];
    // "the packaging supplier base", "the app portfolio"
    const ESTATE_ONE: &[&str] = &[
        "supplier",
        "vendor",
        "tool",
        "tooling",
        "server",
        "repo",
        "application",
        "app",
        "system",
        "sku",
        "licence",
        "license",
        "counsel",
        "agency",
    ];
    const WHOLE: &[&str] = &[
        "base",
        "footprint",
        "sprawl",
        "estate",
        "portfolio",
        "panel",
        "roster",
    ];
    cx.lower_in(h, INTERNAL_ESTATE)
        || cx.lower_in(h, &["accounts"]) && h > 0 && cx.lower_in(h - 1, OWN_ACCOUNTS)
        || cx.lower_in(h, &["centers", "centres"]) && h > 0 && cx.lower_in(h - 1, &["data"])
        || cx.lower_in(h, WHOLE) && h > 0 && cx.lower_in(h - 1, ESTATE_ONE)
}

/// Whether the key result opening at `a` names, at `h`, things it calls left over:
/// "Legacy Looker explores", "orphaned dev environments", "stale feature flags".
pub(super) fn left_over(cx: &Ctx<'_>, a: usize, h: usize) -> bool {
    const LEFT_OVER: &[&str] = &[
        "legacy",
        "old",
        "orphaned",
        "unused",
        "stale",
        "duplicate",
        "duplicated",
        "redundant",
        "obsolete",
        "deprecated",
        "dormant",
        "zombie",
        "abandoned",
        "outdated",
    ];
    cx.kind(h) == Some(TokKind::Word)
        && cx.token_text(h).is_some_and(|w| w.ends_with('s'))
        && cx.f(h) & (MET | OUTSIDERS) == 0
        && (a..h).any(|j| cx.lower_in(j, LEFT_OVER))
}

/// Whether the tokens at `i` say a count falls: "300→40", "41 -> 12", "from 2,300
/// to 0".
pub(super) fn falls_to(cx: &Ctx<'_>, i: usize) -> bool {
    // ("dashboards 1.2k→300")
    let value = |j: usize| {
        let w = cx.token_text(j)?.replace(',', "");
        let (digits, scale) = match w.as_bytes().last() {
            Some(b'k' | b'K') => (&w[..w.len() - 1], 1e3),
            Some(b'm' | b'M') => (&w[..w.len() - 1], 1e6),
            _ => (w.as_str(), 1.0),
        };
        digits.parse::<f64>().ok().map(|v| v * scale)
    };
    let (from, to) = if cx.f(i) & FROM != 0 && cx.f(i + 2) & TO != 0 {
        // "duplicate vendor records from 2,300 to 0"
        (i + 1, i + 3)
    } else if cx.kind(i + 1) == Some(TokKind::Arrow) {
        (i, i + 2)
    } else {
        return false;
    };
    matches!((value(from), value(to)), (Some(from), Some(to)) if to < from)
}

/// Whether a count after a label's colon counts the team's output, not a level of a
/// measure: "Ambassador program: 10 regional ambassadors recruited", "Collection
/// weeding: 20k outdated items removed" (but "NPS: 55", "Docs site: 50k MAU").
pub(super) fn output_after_colon(cx: &Ctx<'_>, s: usize, c: usize, n: usize) -> bool {
    let measure = |j: usize| {
        cx.t[j].has(MET | ACT) && !cx.t[j].has(DEL | EVT | ROLL)
            || cx.t[j].kind == TokKind::Percent
            || cx.t[j].has(TU)
    };
    // "Hiring: 1 intern + 1 senior", "# of open engineering roles filled: 10" (rule 9)
    if (s..c).any(|j| cx.lower_in(j, HIRING_LABELS) || cx.t[j].has(HIRE)) {
        return true;
    }
    // "# of security trainings delivered: 4": the label counts output made
    if (s + 1..c).any(|j| {
        cx.t[j].has(DP) && !cx.t[j].has(MET) && cx.t[j - 1].has(DEL | EVT) && !cx.t[j - 1].has(MET)
    }) {
        return true;
    }
    if (s..c).any(measure) {
        return false;
    }
    let Some(v) = cx.value_at(c + 1) else {
        return false;
    };
    let after = v..n.min(v + 5);
    let made = after
        .clone()
        .any(|j| cx.t[j].has(DEL | EVT | ROLL | DP) || cx.ends_ed(j) && cx.t[j].flags & MET == 0);
    // a measure naming the kind of thing counted is no measure: "legacy SQL jobs"
    made && !after.into_iter().any(|j| {
        measure(j)
            && !(cx.kind(j + 1) == Some(TokKind::Word)
                && cx.f(j + 1) & (PREP | DET | AND | DP | MET) == 0
                && !cx.ends_ed(j + 1))
    })
}

/// Whether the label before the colon at `c` names what the team makes, holds or
/// rolls out, and the value after it only counts that: "Kaizen events: 12", "Press
/// releases: 1/month", "Manager training: 100% completion", "Operators certified on
/// the new press: 100%" (rules 1 and 6).
pub(super) fn counted_output(cx: &Ctx<'_>, s: usize, c: usize, n: usize) -> bool {
    let t = cx.t;
    // a label naming a measure ("Webinar attendance: 400") counts no output, unless
    // it puts the org's own people through a rollout
    let measured = (s..c).any(|j| {
        t[j].has(MET | ACT) && !t[j].has(DEL | EVT | ROLL) || t[j].kind == TokKind::Percent
    });
    // "# of core team members: 3": the team's own people counted, headcount
    let own_people = named_count_head(cx, s, c).is_some_and(|h| {
        t[h].has(INTERNAL)
            || cx.lower_in(h, HEADCOUNT_WORDS)
            || h > s && (cx.lower_in(h - 1, OWN_GROUPS) || cx.lower_in(h - 1, &["core"]))
    });
    let made = own_people || !measured && (s..c).any(|j| t[j].has(DEL) && !t[j].has(MET));
    // "Operators certified": the org's own people put through a rollout
    let rolled_out = (s..c).any(|j| t[j].has(DP) && t[j].has(STAFF_DONE))
        && !(s..c).any(|j| t[j].has(OUTSIDERS | MET));
    if !made && !rolled_out {
        return false;
    }
    let Some(v) = cx.value_at(c + 1) else {
        return false;
    };
    let percent = t[v - 1].kind == TokKind::Percent;
    // a count per period is still a count: "1/month", "20 tests/qtr", "4 a quarter"
    let mut rest_output = false;
    for (j, tok) in t.iter().enumerate().take(n.min(v + 4)).skip(v) {
        if tok.has(OUTPUT_METRIC) {
            rest_output = true;
        } else if tok.has(TU | CAL) || tok.kind == TokKind::Num {
            continue;
        } else if tok.kind == TokKind::Word
            && (tok.has(MET) && !tok.has(DEL | ROLL) || tok.has(ACT | CMPW) || cx.ends_ed(j))
        {
            // "Checkout: 3.2% conversion", "Webinars: 400 attendees", "Training: 90% rated good"
            return false;
        } else if !matches!(tok.kind, TokKind::Word | TokKind::Punct | TokKind::Other) {
            return false;
        }
    }
    // a bare percent of a deliverable is a level of it ("Checkout: 99.9%"), unless the
    // label puts people through a rollout or the percent is of completion or coverage
    !percent || rest_output || rolled_out
}

/// The head of what a key result that opens "# of", "Number of" or "Count of" counts
/// ("# of unique code committers 30": `committers`), when nothing but a value follows.
pub(super) fn named_count_head(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    // "No. of maintainers with commit rights 7"
    let abbreviated = number_abbreviation(cx, a);
    let of = if abbreviated { a + 2 } else { a + 1 };
    let named = cx.token_text(a) == Some("#")
        || cx.word_is(a, W::Number)
        || cx.word_is(a, W::Count)
        || abbreviated;
    if !named || cx.f(of) & OF == 0 {
        return None;
    }
    let mut h = None;
    let mut j = of + 1;
    while j < b && cx.kind(j) == Some(TokKind::Word) && cx.f(j) & (PREP | DV | CV | WV | DP) == 0 {
        if cx.ends_ing(j) {
            break;
        }
        h = Some(j);
        j += 1;
    }
    // only a value, or nothing, after it: the count is the key result
    let rest_is_value = j >= b
        || cx.kind(j) == Some(TokKind::Colon) && cx.value_at(j + 1).is_some_and(|e| e >= b)
        || cx.value_at(j).is_some_and(|e| e >= b);
    h.filter(|_| rest_is_value)
}

/// Whether the values after the head at `h` are durations: "from 45 min to 20 min",
/// "from 4.1s to 1.8s".
pub(super) fn duration_change(cx: &Ctx<'_>, h: usize, b: usize) -> bool {
    (h + 1..b).any(|j| {
        cx.f(j) & FROM != 0
            && (cx.is_num(j + 1) && cx.f(j + 2) & TU != 0 && !cx.lower_in(j + 2, &["per"])
                || timed_number(cx, j + 1))
    })
}

/// Where the level starts that "keep"/"maintain" at `a` holds the thing at `h`
/// to: "at 99.95% availability", "above 4%", "within our latency budget".
pub(super) fn level_kept(cx: &Ctx<'_>, a: usize, h: usize, b: usize) -> Option<usize> {
    if !cx.lower_in(a, &["keep", "maintain", "sustain", "hold"]) {
        return None;
    }
    // "Maintain 100% of distribution system samples meeting coliform standards"
    if cx.kind(a + 2) == Some(TokKind::Percent)
        && let Some(m) =
            (h..b).find(|&j| cx.lower_in(j, &["meeting", "compliant", "complying", "passing"]))
    {
        return Some(m);
    }
    let l = (h + 1..b.min(h + 6))
        .find(|&j| cx.f(j) & (AT | CMPW) != 0 || cx.lower_in(j, &["within"]))?;
    let valued = cx.value_at(l + 1).is_some_and(|z| {
        // "at 99.95% availability": a value of a measure, not "at 3 sites"
        cx.kind(z - 1) == Some(TokKind::Percent) || cx.f(z) & MET != 0 && cx.f(z) & DEL == 0
    });
    let named = (l + 1..b.min(l + 5)).any(|j| cx.lower_in(j, KEPT_WITHIN));
    (valued || named).then_some(l)
}

/// The end of an amount of time that the verb at `a` takes off people's work:
/// "Remove 20 hours a week of manual work", "Eliminate 3 days from the close".
pub(super) fn time_given_back(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if !cx.lower_in(a, &["remove", "eliminate", "reclaim", "free"]) {
        return None;
    }
    let n = a + 1 + usize::from(cx.lower_in(a + 1, &["up"]));
    let z = cx.value_at(n)?;
    let time = cx.lower_in(
        z - 1,
        &["hours", "hrs", "days", "minutes", "weeks", "person-days"],
    );
    (time && z <= b).then_some(z)
}

/// The participle of "Have/Get <things> automatically <done>" at `a`, with no
/// level named: "Have bugs automatically filed for new crashes" (but "Have 80%
/// of invoices automatically matched" is a level of automation).
pub(super) fn automation_set_up(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if !cx.lower_in(a, &["have", "get"]) || (a..b).any(|j| cx.is_num(j)) {
        return None;
    }
    let auto = (a + 2..b.min(a + 7)).find(|&j| cx.lower_in(j, &["automatically"]))?;
    let done = auto + 1;
    (done < b && (cx.f(done) & DP != 0 || cx.ends_ed(done))).then_some(done)
}

/// Whether the words from `z` (just after a number) name things or events counted
/// rather than a measure: "3 industry conferences", "2 trade shows".
pub(super) fn counts_things(cx: &Ctx<'_>, z: usize, b: usize) -> bool {
    (z..b.min(z + 3))
        .take_while(|&j| cx.kind(j) == Some(TokKind::Word) && cx.f(j) & (MET | PREP) == 0)
        .any(|j| cx.f(j) & (DEL | EVT) != 0)
}

/// The `use`/`usage` of a key result that opens with how often or how widely
/// something is used: "Daily use of the design system", "Regular usage of the
/// new dashboard by managers".
pub(super) fn usage_named(cx: &Ctx<'_>, a: usize) -> Option<usize> {
    const HOW_OFTEN: &[&str] = &[
        "daily",
        "weekly",
        "monthly",
        "regular",
        "routine",
        "habitual",
        "active",
        "internal",
        "repeat",
        "widespread",
        "wider",
        "broad",
        "everyday",
    ];
    if !(a + 2..a + 5).any(|j| cx.f(j) & OF != 0) {
        return None;
    }
    let mut u = a;
    while u < a + 3 && cx.lower_in(u, HOW_OFTEN) {
        u += 1;
    }
    (u > a && cx.lower_in(u, &["use", "usage"]) && cx.f(u + 1) & OF != 0).then_some(u)
}

/// Whether the change verb at `a` makes the process at `h` run faster ("Speed up
/// claim processing", "Accelerate the nightly build") rather than hurrying a
/// one-off piece of work on ("Accelerate the migration to the cloud").
pub(super) fn paces_a_process(cx: &Ctx<'_>, a: usize, h: usize, b: usize) -> bool {
    let pace =
        cx.lower_in(a, PACE_VERBS) && (!cx.lower_in(a, &["speed"]) || cx.lower_in(a + 1, &["up"]));
    pace && h < b && !(a + 1..=h).any(|j| cx.lower_in(j, ONE_OFF_WORK))
}

/// The end of "by <day> every <period>" after the verb or participle at `d`: a
/// deadline that comes back each period ("delivered by WD5 every month", "Close
/// the books by WD4 every month").
pub(super) fn due_each_period(cx: &Ctx<'_>, d: usize, b: usize) -> Option<usize> {
    let by = (d + 1..b.min(d + 4)).find(|&j| cx.f(j) & BY != 0)?;
    let each = (by + 2..b.min(by + 6)).find(|&j| cx.lower_in(j, &["every", "each"]))?;
    let period = each + 1;
    (cx.f(period) & (CAL | TU) != 0 || cx.lower_in(period, PERIODS)).then_some(period + 1)
}

/// The training word of "<the organisation's people> complete … training" after `a`:
/// "Ensure all employees complete annual cybersecurity training".
pub(super) fn staff_trained(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    let k = (a + 1..b.min(a + 7)).find(|&j| cx.f(j) & INTERNAL != 0)?;
    if !cx.lower_in(
        k + 1,
        &[
            "complete",
            "completes",
            "take",
            "takes",
            "finish",
            "pass",
            "attend",
        ],
    ) {
        return None;
    }
    (k + 2..b).find(|&j| cx.lower_in(j, TRAINING))
}

/// Whether the head `h` of a changed count is a measure after all: "the average
/// number of days to complete a claim", "the number of hours lost".
pub(super) fn counts_a_measure(cx: &Ctx<'_>, a: usize, h: usize) -> bool {
    cx.lower_in(h, &["number", "count"])
        && ((a + 1..h).any(|j| cx.lower_in(j, &["average", "median", "mean"]))
            || cx.f(h + 1) & OF != 0 && cx.f(h + 2) & TU != 0)
}

/// Whether the participle at `d` says a counted response was earned: "15 tier-1
/// articles earned", "15 earned media pieces" (coverage others chose to give, rule
/// 10).
pub(super) fn earned(cx: &Ctx<'_>, d: usize, a: usize) -> bool {
    cx.f(d) & DP != 0 && cx.lower_in(d, &["earned"]) && (a..d).any(|j| cx.is_num(j))
}

/// Whether `h` names the organisation's own teams: "product teams", "engineering
/// squads" ("customer teams" are customers).
pub(super) fn own_teams(cx: &Ctx<'_>, h: usize) -> bool {
    h > 0
        && cx.lower_in(h, &["teams", "squads", "departments"])
        && cx.lower_in(
            h - 1,
            &[
                "product",
                "engineering",
                "internal",
                "feature",
                "delivery",
                "scrum",
                "dev",
                "data",
            ],
        )
}

/// Whether the participle at `d` says jobs were made: "Jobs created in supported
/// entities, target 2,400 FTE" (employment, an economic result).
pub(super) fn jobs_created(cx: &Ctx<'_>, d: usize, a: usize) -> bool {
    d > a
        && cx.lower_in(d, &["created", "supported", "safeguarded"])
        && cx.lower_in(d - 1, &["jobs"])
}

/// The people counted before the participle at `d` that says they were won: "20k new
/// savers acquired", "1,200 new customers signed" ("50 engineers onboarded" are the
/// organisation's own).
pub(super) fn customers_won(cx: &Ctx<'_>, d: usize, a: usize) -> Option<usize> {
    if !cx.lower_in(
        d,
        &[
            "acquired",
            "won",
            "signed",
            "onboarded",
            "activated",
            "converted",
        ],
    ) {
        return None;
    }
    let w = (a..d)
        .rev()
        .take(3)
        .find(|&j| cx.f(j) & OUTSIDERS != 0 && !own_teams(cx, j))?;
    // a count of them, not a share ("100% of teams onboarded" is a rollout)
    let counted =
        (a..w).any(|j| cx.is_num(j)) && !(a..w).any(|j| cx.kind(j) == Some(TokKind::Percent));
    counted.then_some(w)
}

/// Whether a bound on a duration follows the head at `h`: "Bring Line 3 changeover
/// under 40 min".
pub(super) fn duration_level(cx: &Ctx<'_>, h: usize, b: usize) -> bool {
    (h + 1..b.min(h + 4)).any(|j| {
        cx.f(j) & CMPW != 0
            && cx.is_num(j + 1)
            && cx.f(j + 2) & TU != 0
            && !cx.lower_in(j + 2, &["per"])
    })
}

/// Whether "No." at `a` abbreviates "number" before "of": "No. of active volunteers 40".
pub(super) fn number_abbreviation(cx: &Ctx<'_>, a: usize) -> bool {
    cx.word_is(a, W::No) && cx.kind(a + 1) == Some(TokKind::Punct) && cx.f(a + 2) & OF != 0
}

/// Whether token `j` is a number written with a unit of time: "4.1s", "200ms", "24h".
/// (Not `m`, the lexicon's minutes, which after a number as often means millions.)
pub(super) fn timed_number(cx: &Ctx<'_>, j: usize) -> bool {
    const UNITS: &[&str] = &[
        "ms", "s", "sec", "h", "hr", "hrs", "min", "mins", "d", "wk", "wks",
    ];
    cx.kind(j) == Some(TokKind::Num)
        && cx.token_text(j).is_some_and(|w| {
            let unit_at = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
            unit_at > 0
                && w[..unit_at].ends_with(|c: char| c.is_ascii_digit())
                && UNITS.iter().any(|u| w[unit_at..].eq_ignore_ascii_case(u))
        })
}

/// The end of an own time limit at `i`: "within their established timeframe", "by
/// their deadlines", "by its due date", or "on-time" written as one word.
pub(super) fn own_time_limit(cx: &Ctx<'_>, i: usize, b: usize) -> Option<usize> {
    const LIMITS: &[&str] = &[
        "deadline",
        "deadlines",
        "due",
        "timeframe",
        "timeframes",
        "time",
        "times",
        "date",
        "dates",
        "expiry",
        "sla",
        "slas",
        "target",
        "targets",
        "turnaround",
    ];
    if cx.f(i) & (BY | BEFORE | WITHIN) == 0 {
        // (before a noun it only describes it: "the on-time delivery dashboard")
        if cx.word_is(i, W::OnTime) {
            let noun_next =
                cx.kind(i + 1) == Some(TokKind::Word) && cx.f(i + 1) & (PREP | AND) == 0;
            return (!noun_next).then_some(i + 1);
        }
        return None;
    }
    if !cx.word_is(i + 1, W::Their) {
        return None;
    }
    let limit = (i + 2..b.min(i + 5)).find(|&j| cx.lower_in(j, LIMITS))?;
    let end = if cx.lower_in(limit, &["due"]) && cx.lower_in(limit + 1, &["date", "dates"]) {
        limit + 2
    } else {
        limit + 1
    };
    // "by their deadline in week 2" names one date after all
    let one_date = cx.f(end) & (IN | ON) != 0
        && (cx.f(end + 1) & (CAL | YEAR) != 0 || cx.lower_in(end + 1, &["week", "day", "month"]));
    (!one_date).then_some(end.min(b))
}

/// Whether an amount of money starts at `i`: "£250k", "$1.2M", "EUR 2.4M".
pub(super) fn money_at(cx: &Ctx<'_>, i: usize) -> bool {
    let symbol = cx.kind(i) == Some(TokKind::Other)
        && cx
            .token_text(i)
            .is_some_and(|s| matches!(s, "$" | "£" | "€" | "¥"));
    (symbol || cx.is_currency_code(i)) && cx.is_num(i + 1)
}

/// Whether the `to` phrase starting at or after `i` names something people join
/// from outside (a programme, a club, a newsletter) rather than a team.
pub(super) fn joins_from_outside(cx: &Ctx<'_>, i: usize, b: usize) -> bool {
    let Some(to) = (i..b.min(i + 3)).find(|&j| cx.f(j) & TO != 0) else {
        return false;
    };
    let phrase = to + 1..b.min(to + 6);
    phrase.clone().any(|j| cx.lower_in(j, MEMBERSHIPS))
        && !phrase.into_iter().any(|j| cx.lower_in(j, TEAMS_JOINED))
}

/// For a participle at `d` that adds to or attains something ("sourced 20% of pipeline",
/// "$2M in pipeline generated", "achieved measurable pipeline"), the measure it names.
pub(super) fn amount_done(cx: &Ctx<'_>, d: usize, a: usize, b: usize) -> Option<usize> {
    const AMOUNT: &[&str] = &[
        "sourced",
        "generated",
        "added",
        "closed",
        "booked",
        "won",
        "signed",
        "created",
        "built",
    ];
    const ATTAINED: &[&str] = &["achieved", "attained", "reached", "hit", "exceeded", "met"];
    let t = cx.t;
    let measure = |j: usize| t[j].has(MET) && !t[j].has(DEL | EVT);
    if cx.lower_in(d, ATTAINED) {
        return (d + 1..b.min(d + 5))
            .find(|&j| measure(j))
            .or_else(|| (a..d).find(|&j| measure(j)));
    }
    if !cx.lower_in(d, AMOUNT) {
        return None;
    }
    let valued = |x: usize, y: usize| (x..y).any(|j| cx.is_num(j) || t[j].kind == TokKind::Percent);
    (d + 1..b.min(d + 6))
        .find(|&j| measure(j))
        .filter(|&m| valued(d + 1, m))
        .or_else(|| (a..d).find(|&j| measure(j)).filter(|&m| valued(a, m)))
}

/// Whether token `j` looks like an unknown present-tense verb after a singular subject
/// ("answers", "saves"): a word ending in `s` that no word list knows.
pub(super) fn third_person(cx: &Ctx<'_>, j: usize) -> bool {
    cx.t.get(j).is_some_and(|k| {
        k.kind == TokKind::Word
            && k.flags & !ROLES == 0
            && k.end - k.start > 3
            && cx
                .token_text(j)
                .is_some_and(|s| s.ends_with('s') && !s.ends_with("ss") && !s.ends_with("us"))
    })
}

/// Whether the segment opens with a change verb (increase, reduce, cut, double, …).
pub(super) fn change_verb_lead(cx: &Ctx<'_>, a: usize, first: bool) -> bool {
    let lead = cx.t[a];
    let cut = cx.word_is(a, W::Cut);
    let cut_over = cut && cx.word_is(a + 1, W::Over);
    let noun_like = lead.has(MET) && cx.f(a + 1) & (MET | CR) != 0;
    let plain_change = lead.has(CV) && !cut_over && !noun_like && !lead.has(CR | DV);
    let change_and_result =
        lead.has(CV) && lead.has(CR) && first && cx.f(a + 1) & (DET | MET | NUMW) != 0;
    plain_change
        || change_and_result
        || cut && !cut_over
        || cx.word_is(a, W::Double)
        || cx.word_is(a, W::Triple)
}

/// Whether the head at `h` is sessions or meetings of a kind the team holds:
/// "onboarding sessions", "listening sessions", "training sessions".
pub(super) fn event_sessions(cx: &Ctx<'_>, h: usize) -> bool {
    const KINDS: &[&str] = &[
        "onboarding",
        "training",
        "coaching",
        "listening",
        "information",
        "info",
        "feedback",
        "planning",
        "review",
        "demo",
        "mentoring",
        "tutoring",
        "study",
        "q&a",
        "engagement",
        "consultation",
        "working",
        "office",
        "community",
        "governance",
        "discovery",
        "outbound",
        "sales",
        "weekly",
        "monthly",
    ];
    h > 0
        && cx.lower_in(h, &["sessions", "session", "meetings", "calls", "syncs"])
        && cx.lower_in(h - 1, KINDS)
}

/// Whether token `j` names a customer or business measure here (not a modifier of a
/// deliverable or team, and not output coverage next to a deliverable).
pub(super) fn is_measure_word(cx: &Ctx<'_>, j: usize, a: usize, b: usize) -> bool {
    let t = cx.t;
    if !t[j].has(MET) || t[j].has(DEL) || event_sessions(cx, j) {
        return false;
    }
    let output_coverage = t[j].has(OUTPUT_METRIC) && (a..b).any(|x| t[x].has(DEL));
    // "ROI analysis of FY20 marketing spend": what the deliverable is about
    // ("Documentation about public speaking contributions", "Blog post
    // explaining the rationale for … subscriptions": a topic word reaches
    // further than an `of`)
    let about = (a + 1..j).any(|x| {
        t[x - 1].has(DEL)
            && !t[x - 1].has(MET)
            && (t[x].has(OF) && x + 4 >= j || cx.lower_in(x, TOPIC_WORDS))
    });
    if about {
        return false;
    }
    let next = cx.f(j + 1);
    let modifier = next & (DEL | ACT | ROLL) != 0 && next & MET == 0
        || cx.word_is(j + 1, W::Team)
        // "GDPR retention schedule", "data retention policy": a rule, not the measure
        || cx.lower_in(j + 1, &["schedule", "schedules", "policy", "policies", "period", "periods"]);
    !output_coverage && !modifier
}

/// The verb after a key result's opening "We" (and a modal): "We get
/// structured feedback from …", "We will ship …", "We'll migrate …".
pub(super) fn verb_after_we(cx: &Ctx<'_>, s: usize) -> Option<usize> {
    if !cx.lower_in(s, &["we", "we'll", "we’ll"]) {
        return None;
    }
    let v = if cx.lower_in(s + 1, &["will", "shall", "must", "can", "should"]) {
        s + 2
    } else {
        s + 1
    };
    // ("We have identified …", "We have a source of truth for …": the
    // perfect and possession read as they are, but "We have 500 paying
    // customers" counts like "Have 500 paying customers")
    (cx.kind(v) == Some(TokKind::Word)
        && cx.f(v) & (DV | WV | CV | CR) != 0
        && (!cx.lower_in(v, &["have", "has"]) || cx.is_num(v + 1))
        && v + 1 < cx.t.len())
    .then_some(v)
}

/// The span of a place in search results after `a`: "Show up on the first page
/// of Google for …", "Rank on page one of search results", "page 1 of
/// Google". Where people's searches put the organisation is a result (rule
/// 2: the weak verb decides nothing).
pub(super) fn search_rank(cx: &Ctx<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    const ENGINES: &[&str] = &["google", "bing", "search", "duckduckgo", "serp", "serps"];
    (a..b).find_map(|j| {
        // "first page", "page one"
        let first_page = cx.lower_in(j, &["first"]) && cx.lower_in(j + 1, &["page"])
            || cx.lower_in(j, &["page"])
                && (cx.lower_in(j + 1, &["one"]) || cx.token_text(j + 1) == Some("1"));
        if !first_page {
            return None;
        }
        let page = j + 2;
        if !cx.lower_in(page, &["of", "on", "in"]) {
            return None;
        }
        let engine = if cx.lower_in(page + 1, &["the"]) {
            page + 2
        } else {
            page + 1
        };
        cx.lower_in(engine, ENGINES)
            .then_some((j, (engine + 1).min(b)))
    })
}

/// The span of a level that what a participle at `d` names must keep, when the
/// participle only says which things: "Materials delivered to students need to
/// have less than 2 critical bugs", "Releases shipped to customers have fewer
/// than 3 regressions". The level is a result (quality); the participle no
/// delivery.
pub(super) fn level_after_relative(
    cx: &Ctx<'_>,
    a: usize,
    d: usize,
    b: usize,
) -> Option<(usize, usize)> {
    const FINITE: &[&str] = &[
        "need", "needs", "must", "should", "have", "has", "are", "is", "contain", "contains",
        "show", "shows",
    ];
    if d <= a || cx.f(d + 1) & (TO | BY | IN | FOR) == 0 {
        return None;
    }
    let v = (d + 2..b.min(d + 8)).find(|&j| cx.lower_in(j, FINITE))?;
    let bound =
        (v + 1..b.min(v + 5)).find(|&j| cx.kind(j) == Some(TokKind::Cmp) || cx.f(j) & CMPW != 0)?;
    let value = cx.value_at(bound + 1).or_else(|| cx.value_at(bound + 2))?;
    let measure = (value..b.min(value + 4)).find(|&j| cx.f(j) & MET != 0 && cx.f(j) & DEL == 0)?;
    Some((v, measure + 1))
}

/// Whether `a..b` says what people say, feel or rate ([`PERCEIVED`]), which
/// makes a count of them a survey result (rule 9).
pub(super) fn perceived(cx: &Ctx<'_>, a: usize, b: usize) -> bool {
    (a..b).any(|j| cx.lower_in(j, PERCEIVED))
}

/// "Cut manual underwriting reviews from 60% of applications to 30%": the
/// count the verb changes is given as a share of what comes in (applications,
/// orders, claims, the people served), which makes it a rate of the process,
/// a measure, not a count of the team's own output.
pub(super) fn share_of_what_comes_in(cx: &Ctx<'_>, h: usize, b: usize) -> bool {
    (h + 1..b).any(|j| {
        cx.kind(j) == Some(TokKind::Percent)
            && cx.f(j + 1) & OF != 0
            && (j + 2..b.min(j + 5)).any(|x| {
                inbound(cx, x)
                    || cx.f(x) & OUTSIDERS != 0
                    || cx.lower_in(
                        x,
                        &[
                            "claims",
                            "cases",
                            "requests",
                            "orders",
                            "transactions",
                            "payments",
                            "tickets",
                            "invoices",
                            "loans",
                            "returns",
                            "calls",
                            "contacts",
                            "sessions",
                            "visits",
                            "bookings",
                            "deliveries",
                            "shipments",
                        ],
                    )
            })
    })
}

/// The last comma of a delivery starting at `s` when what follows it, to `n`,
/// is only a level of a measure the delivery's response must reach: "Run 2
/// satisfaction surveys to get feedback, >80% satisfaction", "Publish the
/// guide, 5k views". Not a count of the team's own work ("…, 10 MRs merged
/// a week"), its findings ("…, zero findings"), a share rolled out or a
/// clause with a verb of its own.
pub(super) fn comma_level(cx: &Ctx<'_>, s: usize, n: usize) -> Option<usize> {
    // (hiring is output whatever follows it, rule 9)
    if !cx.t.get(s)?.has(DV) || cx.f(s) & HIRE != 0 || (s..n).any(|j| punct_is(cx, j, b'(')) {
        return None;
    }
    let c = (s + 3..n.saturating_sub(1))
        .rev()
        .find(|&j| punct_is(cx, j, b','))?;
    let a = c + 1;
    let value_first = cx.value_at(a).is_some()
        || cx.kind(a) == Some(TokKind::Cmp)
        || cx.f(a) & CMPW != 0 && cx.is_num(a + 1);
    if !value_first || n - a > 6 {
        return None;
    }
    let verb = (a..n).any(|j| cx.f(j) & (DV | CV) != 0 && cx.f(j) & (MET | ACT) == 0);
    let own_work = (a..n).any(|j| cx.f(j) & (DP | EVT | ROLL) != 0);
    let measure = (a..n).any(|j| {
        cx.f(j) & MET != 0
            && cx.f(j) & (DEL | EVT | OUTPUT_METRIC | ROLL) == 0
            && !cx.lower_in(j, AFTER_COLON_OUTPUT)
            && !cx.lower_in(j, DELIVERY_QUALITY)
            && !cx.lower_in(j, &["average", "mean", "median", "total"])
    });
    // "…, 0 errors", "…, 100% data accuracy": how well the delivery itself
    // is done qualifies it (rule 4)
    let qualifier = (a..n).any(|j| {
        cx.text_is(j, W::N100) || cx.token_text(j).is_some_and(|w| w == "0") || cx.f(j) & NEG != 0
    });
    (measure && !verb && !own_work && !qualifier).then_some(c)
}

/// Whether the words from `a` to `i` count deliverables and nothing measured:
/// "3+ ProtoSchool tutorials are", "12 onboarding guides".
pub(super) fn counted_deliverables_before(cx: &Ctx<'_>, a: usize, i: usize) -> bool {
    (a..i).any(|j| cx.is_num(j))
        && (a..i).any(|j| cx.f(j) & DEL != 0 && cx.f(j) & MET == 0)
        && !(a..i).any(|j| cx.f(j) & (MET | ACT) != 0 && cx.f(j) & DEL == 0)
}

/// Where "completion" follows a step of a customer's journey: "checkout
/// completion", "KYC completion", "sign-up completion" (but "training
/// completion" is staff trained, a rollout).
///
/// Not when the sentence delivers something about the step ("Add 3 fields to
/// the signup completion screen": `completion` then names what the screen
/// is for), when the step is the organisation's own ("vendor onboarding",
/// "staff onboarding"), or when all of it must be done ("100% setup
/// completion on new laptops" is a rollout, rule 6).
pub(super) fn journey_completion(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if cx.f(a) & DV != 0 || (a..b).any(|j| cx.text_is(j, W::N100)) {
        return None;
    }
    (a + 1..b).find(|&j| {
        cx.lower_in(j, &["completion", "completions"])
            && cx.lower_in(j - 1, JOURNEY_STEPS)
            && !(j >= 2 && cx.lower_in(j - 2, OWN_PARTIES))
            && !cx.t.get(j + 1).is_some_and(|n| n.has(DEL) && !n.has(MET))
    })
}

/// The end of a time limit between `a` and `b`: "in under 10 minutes",
/// "within 2 days", "in less than an hour" (a number or `an` before a unit
/// of time, after a word that sets the limit).
pub(super) fn time_limit(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    (a..b).find_map(|j| {
        let limit = cx.lower_in(j, &["under", "within", "below"])
            || cx.lower_in(j, &["less", "fewer"]) && cx.lower_in(j + 1, &["than"]);
        if !limit {
            return None;
        }
        let from = if cx.lower_in(j + 1, &["than"]) {
            j + 2
        } else {
            j + 1
        };
        (from..b.min(from + 3))
            .find(|&u| {
                cx.f(u) & TU != 0
                    && (from..u).any(|n| cx.is_num(n) || cx.lower_in(n, &["an", "a", "one"]))
            })
            .map(|u| u + 1)
    })
}
