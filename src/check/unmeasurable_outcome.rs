//! `unmeasurable-outcome`: an outcome with no metric.

use super::{Check, Context, Sink, declare_check};
use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, EntityRef};

declare_check! {
    /// ### What it finds
    /// An outcome with no `metric`, or one that is blank. A `baseline` or
    /// `target` without a metric does not count: a number says where to go
    /// only once it is clear what is measured.
    ///
    /// ### Why it matters
    /// An outcome is a change in customer or business behaviour; without a
    /// metric nobody can tell whether the products and objectives that lead
    /// to it are moving it, and the outcome turns into a slogan.
    ///
    /// ### Example
    /// ```yaml
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    /// ```
    ///
    /// ### Fix
    /// Say how the change is measured, ideally with where it stands and
    /// where it should get to. The help suggests a metric made from the
    /// outcome's own statement: the share of those it names who do what it
    /// says ("Parcels arrive when promised": `share of parcels that arrive
    /// when promised`), the hours they spend ("Drivers spend less time
    /// waiting at depots"), the median time it takes ("… faster") or how
    /// often it happens ("… more often").
    ///
    /// ```yaml
    /// outcomes:
    ///   - id: listening-time
    ///     statement: Listeners spend more time with music they love
    ///     metric: weekly listening hours per active listener
    ///     baseline: 4.2
    ///     target: 5.0
    /// ```
    pub struct UnmeasurableOutcome;
    name: "unmeasurable-outcome",
    category: Alignment,
    level: Warn,
    summary: "an outcome with no metric",
    params: [],
}

impl Check for UnmeasurableOutcome {
    fn meta(&self) -> &super::CheckMeta {
        &META
    }

    fn run(&self, cx: &Context<'_, '_>, out: &mut Sink) {
        for outcome in &cx.model().outcomes {
            if outcome
                .metric
                .as_deref()
                .is_some_and(|m| !m.trim().is_empty())
            {
                continue;
            }
            let example = match metric_hint(&outcome.statement) {
                Some(metric) => format!(", such as `metric: {metric}`"),
                None => " (a share, a count per week or a median time)".to_owned(),
            };
            let help = if outcome.baseline.is_some() || outcome.target.is_some() {
                format!("add `metric:` saying what the baseline and target measure{example}")
            } else {
                format!(
                    "add `metric:` saying how the change is measured{example}, and ideally `baseline:` and `target:`"
                )
            };
            let d = Diagnostic::new(
                self.meta().name,
                EntityRef::new(EntityKind::Outcome, &outcome.id),
                format!("outcome `{}` has no metric", outcome.id),
            )
            .with_help(help)
            .at(outcome.location);
            out.push(d);
        }
    }
}

/// Verbs that start what an outcome statement says its subject does (with
/// the forms a plural or a singular subject takes).
const VERBS: &[&str] = &[
    "adopt",
    "adopts",
    "answer",
    "answers",
    "are",
    "arrive",
    "arrives",
    "ask",
    "asks",
    "become",
    "becomes",
    "book",
    "books",
    "buy",
    "buys",
    "call",
    "calls",
    "can",
    "cancel",
    "cancels",
    "choose",
    "chooses",
    "clear",
    "clears",
    "close",
    "closes",
    "come",
    "comes",
    "complain",
    "complains",
    "complete",
    "completes",
    "contact",
    "contacts",
    "could",
    "deliver",
    "delivers",
    "depart",
    "departs",
    "do",
    "does",
    "don't",
    "earn",
    "earns",
    "feel",
    "feels",
    "find",
    "finds",
    "finish",
    "finishes",
    "get",
    "gets",
    "give",
    "gives",
    "go",
    "goes",
    "grow",
    "grows",
    "has",
    "have",
    "hear",
    "hears",
    "is",
    "join",
    "joins",
    "keep",
    "keeps",
    "know",
    "knows",
    "land",
    "lands",
    "learn",
    "learns",
    "leave",
    "leaves",
    "listen",
    "listens",
    "love",
    "loves",
    "make",
    "makes",
    "manage",
    "manages",
    "move",
    "moves",
    "need",
    "needs",
    "never",
    "no",
    "open",
    "opens",
    "order",
    "orders",
    "pay",
    "pays",
    "pick",
    "picks",
    "play",
    "plays",
    "reach",
    "reaches",
    "read",
    "reads",
    "receive",
    "receives",
    "recommend",
    "recommends",
    "rely",
    "relies",
    "renew",
    "renews",
    "reorder",
    "reorders",
    "resolve",
    "resolves",
    "return",
    "returns",
    "save",
    "saves",
    "see",
    "sees",
    "sell",
    "sells",
    "send",
    "sends",
    "serve",
    "serves",
    "ship",
    "ships",
    "sign",
    "signs",
    "solve",
    "solves",
    "spend",
    "spends",
    "start",
    "starts",
    "stay",
    "stays",
    "stop",
    "stops",
    "switch",
    "switches",
    "take",
    "takes",
    "track",
    "tracks",
    "travel",
    "travels",
    "trust",
    "trusts",
    "turn",
    "turns",
    "upgrade",
    "upgrades",
    "use",
    "uses",
    "wait",
    "waits",
    "want",
    "wants",
    "watch",
    "watches",
    "were",
    "will",
    "win",
    "wins",
    "work",
    "works",
];

/// Words that say the subject is people (`who` rather than `that`).
const PEOPLE: &[&str] = &[
    "people",
    "staff",
    "users",
    "customers",
    "clients",
    "members",
    "patients",
    "students",
    "guests",
    "shoppers",
    "travellers",
    "travelers",
    "employees",
    "agents",
    "teams",
    "citizens",
    "buyers",
    "sellers",
    "merchants",
    "partners",
    "carriers",
    "couriers",
    "drivers",
    "riders",
    "shippers",
    "receivers",
    "recipients",
    "listeners",
    "readers",
    "viewers",
    "players",
    "developers",
    "engineers",
    "customer",
    "user",
    "client",
    "member",
    "patient",
    "student",
    "guest",
    "employee",
];

/// Words opening a statement that say which way it should move, not who.
const DIRECTION: &[&str] = &["more", "fewer", "less", "most", "all", "every"];

/// Verbs that open a statement written as an order ("Increase on-time
/// delivery to 95%"): what follows them is the metric.
const CHANGE: &[&str] = &[
    "increase", "raise", "grow", "improve", "reduce", "cut", "lower", "decrease", "boost",
    "double", "halve", "maximise", "maximize", "minimise", "minimize",
];

/// Subjects that are not a population to take a share of.
const PRONOUNS: &[&str] = &["we", "you", "they", "i", "it"];

/// Words that end the object of a verb.
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "by", "within", "to", "for", "from", "when", "before", "after", "without",
    "with",
];

/// Words that ask for a time to shrink.
const FASTER: &[&str] = &["faster", "quicker", "sooner", "quickly", "fast"];

/// A metric for an outcome, made from its statement: the share of those
/// it names who do what it says, the hours they spend, the median time it
/// takes, or how often it happens. `None` when no subject and verb can be
/// told apart (the help then names the kinds of metric instead).
pub(crate) fn metric_hint(statement: &str) -> Option<String> {
    let words: Vec<String> = statement
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '!' | ';' | ':' | '"' | '\'')))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    if words.len() < 2 || words.len() > 40 {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // "Increase on-time delivery to 95%": the thing to move is the metric.
    if CHANGE.contains(&lower[0].as_str()) {
        let end = lower
            .iter()
            .skip(1)
            .position(|w| {
                matches!(
                    w.as_str(),
                    "to" | "from" | "by" | "in" | "within" | "across"
                )
            })
            .map_or(words.len(), |at| at + 1);
        if end > 1 {
            return Some(lower_first(&words[1..end].join(" ")));
        }
        return None;
    }
    // Leading words that only say which way to go ("Fewer parcels …").
    let mut start = 0;
    while start < lower.len() && DIRECTION.contains(&lower[start].as_str()) {
        start += 1;
    }
    // The main verb: the first verb after the subject's first word; a
    // relative clause (`who`, `that`, `which`) has a verb of its own first.
    let mut verb = None;
    let mut i = start + 1;
    while i < lower.len() {
        let w = lower[i].as_str();
        if matches!(w, "who" | "that" | "which") {
            i += 2;
            continue;
        }
        if VERBS.contains(&w) {
            verb = Some(i);
            break;
        }
        i += 1;
    }
    let verb = verb?;
    let subject = words[start..verb]
        .iter()
        .enumerate()
        .map(|(k, w)| if k == 0 { lower_first(w) } else { w.clone() })
        .collect::<Vec<_>>()
        .join(" ");
    let head = lower[verb - 1].as_str();
    // "customers who fill a basket and finish buying it"
    let has_clause = lower[start..verb]
        .iter()
        .any(|w| matches!(w.as_str(), "who" | "that" | "which"));
    let relative = if has_clause {
        "and"
    } else if PEOPLE.contains(&head) || PEOPLE.contains(&lower[start].as_str()) {
        "who"
    } else {
        "that"
    };
    let rest: Vec<&str> = words[verb..].iter().map(String::as_str).collect();
    let rest_lower: Vec<&str> = lower[verb..].iter().map(String::as_str).collect();
    // "We deliver parcels on the day they are ordered": a share of what
    // the pronoun acts on ("parcels we deliver on the day …").
    if verb == start + 1 && PRONOUNS.contains(&lower[start].as_str()) {
        let object_end = rest_lower
            .iter()
            .skip(1)
            .position(|w| PREPOSITIONS.contains(w))
            .map_or(rest.len(), |at| at + 1);
        if object_end <= 1 {
            return None;
        }
        let object = rest[1..object_end].join(" ");
        let tail = rest[object_end..].join(" ");
        let tail = if tail.is_empty() {
            String::new()
        } else {
            format!(" {tail}")
        };
        return Some(format!("share of {object} {subject} {}{tail}", rest[0]));
    }
    // "… spend more time X" / "… spend less time X": the hours spent X.
    if matches!(rest_lower.first(), Some(&("spend" | "spends")))
        && let Some(time) = rest_lower.iter().position(|w| *w == "time")
        && time <= 3
    {
        let what = rest[time + 1..].join(" ");
        let what = if what.is_empty() {
            String::new()
        } else {
            format!(" {what}")
        };
        return Some(format!("hours {subject} spend{what} per week"));
    }
    // "… X faster": the median time for the subject to X.
    let without = |skip: &[&str]| -> String {
        rest.iter()
            .zip(&rest_lower)
            .filter(|(_, l)| !skip.contains(l))
            .map(|(w, _)| *w)
            .collect::<Vec<_>>()
            .join(" ")
    };
    if rest_lower.iter().any(|w| FASTER.contains(w)) {
        let mut skip: Vec<&str> = FASTER.to_vec();
        skip.extend(["more", "much", "than", "today", "before"]);
        return Some(format!("median time for {subject} to {}", without(&skip)));
    }
    // "… more often": how often, per week.
    let often = rest_lower
        .windows(2)
        .position(|w| matches!(w, ["more", "often"] | ["more", "frequently"]));
    if let Some(at) = often {
        let mut kept: Vec<&str> = rest[..at].to_vec();
        kept.extend(&rest[at + 2..]);
        return Some(format!("times per month {subject} {}", kept.join(" ")));
    }
    Some(format!("share of {subject} {relative} {}", rest.join(" ")))
}

/// `word` with its first letter lowercased, unless it is an acronym or a
/// name written in capitals inside (`EU`, `iPhone`).
fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(word.chars().skip(1)).collect()
        }
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{assert_passes, assert_triggers, findings};
    use crate::graph::OrgGraph;
    use crate::model::{Model, Outcome};

    const NAME: &str = "unmeasurable-outcome";

    #[test]
    fn triggers() {
        let none =
            "outcomes:\n  - id: listening\n    statement: Listeners spend more time with music\n";
        assert_triggers(NAME, none, &["listening"]);
        let found = findings(NAME, none);
        assert_eq!(found[0].message, "outcome `listening` has no metric");
        assert!(found[0].help.as_deref().unwrap_or("").contains("baseline:"));

        let blank = "outcomes:\n  - id: a\n    statement: s\n    metric: \"  \"\n  - id: b\n    statement: s\n    target: 5\n  - id: c\n    statement: s\n    metric: weekly hours\n";
        assert_triggers(NAME, blank, &["a", "b"]);
        let found = findings(NAME, blank);
        let b = found
            .iter()
            .find(|d| d.entity.id == "b")
            .expect("b is reported");
        assert!(
            b.help
                .as_deref()
                .unwrap_or("")
                .contains("what the baseline and target measure")
        );
    }

    #[test]
    fn blank_metric_in_code() {
        let model = Model::builder()
            .outcome(Outcome::new("o", "s").metric(" "))
            .build();
        let graph = OrgGraph::build(&model);
        let config = crate::config::Config::new();
        let cx = crate::check::Context::new(&graph, &config, &super::META);
        let mut out = crate::check::Sink::new(10);
        crate::check::Check::run(&super::UnmeasurableOutcome, &cx, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn the_hint_is_made_from_the_statement() {
        use super::metric_hint;
        // A logistics company's outcomes, not a music example.
        let cases = [
            (
                "Parcels arrive when promised",
                "share of parcels that arrive when promised",
            ),
            (
                "Shippers book freight online without calling us",
                "share of shippers who book freight online without calling us",
            ),
            (
                "Drivers spend less time waiting at depots.",
                "hours drivers spend waiting at depots per week",
            ),
            (
                "Import shipments clear customs faster",
                "median time for import shipments to clear customs",
            ),
            (
                "Fewer parcels are damaged in transit",
                "share of parcels that are damaged in transit",
            ),
            (
                "Customers track their deliveries online more often",
                "times per month customers track their deliveries online",
            ),
            (
                "Receivers who miss a delivery pick it up the next day",
                "share of receivers who miss a delivery and pick it up the next day",
            ),
            (
                "EU warehouses ship every order on the day it is placed",
                "share of EU warehouses that ship every order on the day it is placed",
            ),
            (
                "Listeners spend more time with music they love",
                "hours listeners spend with music they love per week",
            ),
        ];
        for (statement, want) in cases {
            assert_eq!(metric_hint(statement).as_deref(), Some(want), "{statement}");
        }
        let more = [
            (
                "We deliver parcels on the day they are ordered",
                "share of parcels we deliver on the day they are ordered",
            ),
            ("Increase on-time delivery to 95%", "on-time delivery"),
            (
                "Reduce failed first delivery attempts by half",
                "failed first delivery attempts",
            ),
        ];
        for (statement, want) in more {
            assert_eq!(metric_hint(statement).as_deref(), Some(want), "{statement}");
        }
        assert_eq!(metric_hint("Improve"), None);
        // No verb to tell the subject from what it does: no made-up metric.
        assert_eq!(metric_hint("Reliable deliveries"), None);
        assert_eq!(metric_hint(""), None);
        assert_eq!(metric_hint("Parcels"), None);
    }

    #[test]
    fn the_help_fits_a_logistics_org() {
        let org = "outcomes:\n  - id: on-time\n    statement: Parcels arrive when promised\n  - id: depot-wait\n    statement: Drivers spend less time waiting at depots\n    target: 20\n  - id: vague\n    statement: Reliable deliveries\n";
        let found = findings(NAME, org);
        let help = |id: &str| {
            found
                .iter()
                .find(|d| d.entity.id == id)
                .and_then(|d| d.help.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            help("on-time"),
            "add `metric:` saying how the change is measured, such as `metric: share of parcels that arrive when promised`, and ideally `baseline:` and `target:`"
        );
        assert_eq!(
            help("depot-wait"),
            "add `metric:` saying what the baseline and target measure, such as `metric: hours drivers spend waiting at depots per week`"
        );
        assert!(help("vague").contains("(a share, a count per week or a median time)"));
        for d in &found {
            let help = d.help.as_deref().unwrap_or_default();
            assert!(!help.contains("listening"), "{help}");
        }
    }

    #[test]
    fn passes() {
        let good = "outcomes:\n  - id: o\n    statement: s\n    metric: weekly listening hours per active listener\n    baseline: 4.2\n    target: 5.0\n  - id: p\n    statement: s\n    metric: churn\n";
        assert_passes(NAME, good);
        assert_passes(NAME, "products:\n  - id: p\n");
    }
}
