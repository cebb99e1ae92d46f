//! The structured input of the `check_org` target: an org described as a
//! list of operations, each an entity or a whole shape (a chain, a crowd),
//! derived with `arbitrary` so that a few bytes make deep and wide orgs
//! that byte-level mutation of org files would take ages to reach. Written
//! out as JSON, YAML or TOML text, it goes through the loaders, the graph
//! and every check.
#![forbid(unsafe_code)]

use std::fmt::Write as _;

use arbitrary::{Arbitrary, Unstructured};

/// Most entities one input may make: enough for the shapes of issue 18
/// (chains of 10^5), few enough for a run to stay within its 1 GiB.
pub const MAX_ENTITIES: usize = 200_000;

/// [`MAX_ENTITIES`], or `CHECK_ORG_MAX_ENTITIES` when set: a run with a
/// small cap explores many small orgs quickly instead of a few huge ones.
pub fn max_entities() -> usize {
    static CAP: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CAP.get_or_init(|| {
        std::env::var("CHECK_ORG_MAX_ENTITIES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(MAX_ENTITIES)
    })
}

/// An id: from a small pool (so that references meet), long (near the
/// 128-byte limit, sharing a long prefix), one edit from a long one, or
/// special.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Name {
    /// Which family of ids.
    pub family: u8,
    /// Which id of the family.
    pub n: u16,
}

/// What a chain links.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// Teams, each the `parent` of the next.
    Parent,
    /// Products, each `part_of` the previous.
    PartOf,
    /// Teams, each deciding a right that escalates to the next.
    Escalation,
    /// Outcomes, each supporting the next.
    Supports,
    /// Teams each owning a product `part_of` the previous team's product.
    OwnedPartOf,
    /// Objectives, each supporting the next one's outcome.
    ObjectiveSupports,
}

/// What a crowd is made of.
#[derive(Arbitrary, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Crowd {
    /// Products all owned by one team.
    Owned,
    /// Dangling references that nearly match long ids.
    NearMisses,
    /// Decisions of one area on one scope, by different teams.
    Deciders,
    /// Products each with a second owner.
    Owners,
}

/// One step of building the org.
#[derive(Arbitrary, Clone, Debug, PartialEq)]
pub enum Op {
    /// A team.
    Team {
        id: Name,
        kind: u8,
        parent: Option<Name>,
        owns: Option<Name>,
    },
    /// A product.
    Product {
        id: Name,
        owner: Option<Name>,
        part_of: Option<Name>,
        outcome: Option<Name>,
    },
    /// An outcome.
    Outcome {
        id: Name,
        owner: Option<Name>,
        supports: Option<Name>,
    },
    /// An objective with key results of a style.
    Objective {
        id: Name,
        owner: Option<Name>,
        supports: Option<Name>,
        key_results: u8,
        style: u8,
    },
    /// A decision right.
    Decision {
        area: u8,
        scope: Name,
        decides: Option<Name>,
        escalates_to: Option<Name>,
    },
    /// `len` entities linked one to the next, the last back to the first
    /// when `cycle`.
    Chain { link: Link, len: u16, cycle: bool },
    /// `count` entities around one.
    Crowd { crowd: Crowd, count: u16 },
}

/// A whole input: the format to write, then the operations.
#[derive(Clone, Debug, PartialEq)]
pub struct Org {
    /// 0 JSON, 1 YAML, 2 TOML (taken modulo 3).
    pub format: u8,
    /// The operations, in order.
    pub ops: Vec<Op>,
}

impl Org {
    /// Reads an input as the fuzzer gives it.
    ///
    /// # Errors
    ///
    /// When the bytes end in the middle of an operation.
    pub fn read(data: &[u8]) -> arbitrary::Result<Self> {
        let mut u = Unstructured::new(data);
        let format = u8::arbitrary(&mut u)?;
        let ops = u
            .arbitrary_take_rest_iter::<Op>()?
            .collect::<arbitrary::Result<Vec<Op>>>()?;
        Ok(Self { format, ops })
    }

    /// The bytes [`Org::read`] reads back as this org: seeds for the
    /// corpus are written with it.
    pub fn bytes(&self) -> Vec<u8> {
        let mut out = vec![self.format];
        for op in &self.ops {
            out.push(1);
            op.encode(&mut out);
        }
        out.push(0);
        out
    }

    /// The org as entities, then written out in its format, with the file
    /// name it is loaded under.
    pub fn text(&self) -> (String, &'static str) {
        let mut b = Builder::default();
        for op in &self.ops {
            if b.count >= max_entities() {
                break;
            }
            b.op(op);
        }
        match self.format % 3 {
            0 => (b.json(), "org.json"),
            // JSON is YAML's flow style: the YAML loader reads the same.
            1 => (b.json(), "org.yaml"),
            _ => (b.toml(), "org.toml"),
        }
    }
}

/// The enum tag `derive(Arbitrary)` reads as variant `k` of `n`.
fn tag(k: u32, n: u32) -> [u8; 4] {
    let t = ((u64::from(k) << 32).div_ceil(u64::from(n))) as u32;
    t.to_le_bytes()
}

impl Name {
    fn encode(self, out: &mut Vec<u8>) {
        out.push(self.family);
        out.extend(self.n.to_le_bytes());
    }
}

fn encode_option(name: Option<Name>, out: &mut Vec<u8>) {
    match name {
        Some(n) => {
            out.push(1);
            n.encode(out);
        }
        None => out.push(0),
    }
}

impl Op {
    fn encode(&self, out: &mut Vec<u8>) {
        match *self {
            Op::Team {
                id,
                kind,
                parent,
                owns,
            } => {
                out.extend(tag(0, 7));
                id.encode(out);
                out.push(kind);
                encode_option(parent, out);
                encode_option(owns, out);
            }
            Op::Product {
                id,
                owner,
                part_of,
                outcome,
            } => {
                out.extend(tag(1, 7));
                id.encode(out);
                encode_option(owner, out);
                encode_option(part_of, out);
                encode_option(outcome, out);
            }
            Op::Outcome {
                id,
                owner,
                supports,
            } => {
                out.extend(tag(2, 7));
                id.encode(out);
                encode_option(owner, out);
                encode_option(supports, out);
            }
            Op::Objective {
                id,
                owner,
                supports,
                key_results,
                style,
            } => {
                out.extend(tag(3, 7));
                id.encode(out);
                encode_option(owner, out);
                encode_option(supports, out);
                out.push(key_results);
                out.push(style);
            }
            Op::Decision {
                area,
                scope,
                decides,
                escalates_to,
            } => {
                out.extend(tag(4, 7));
                out.push(area);
                scope.encode(out);
                encode_option(decides, out);
                encode_option(escalates_to, out);
            }
            Op::Chain { link, len, cycle } => {
                out.extend(tag(5, 7));
                out.extend(tag(link as u32, 6));
                out.extend(len.to_le_bytes());
                out.push(u8::from(cycle));
            }
            Op::Crowd { crowd, count } => {
                out.extend(tag(6, 7));
                out.extend(tag(crowd as u32, 4));
                out.extend(count.to_le_bytes());
            }
        }
    }
}

const AREAS: [&str; 6] = [
    "feature-set",
    "budget-allocation",
    "vendor-selection",
    "security",
    "architecture-standards",
    "hiring",
];
const KINDS: [&str; 6] = [
    "stream-aligned",
    "platform",
    "unit",
    "governance",
    "business",
    "enabling",
];

/// The entities made so far, as JSON values of each section.
#[derive(Default)]
struct Builder {
    teams: Vec<serde_json::Value>,
    products: Vec<serde_json::Value>,
    outcomes: Vec<serde_json::Value>,
    objectives: Vec<serde_json::Value>,
    decisions: Vec<serde_json::Value>,
    count: usize,
    /// Ids made by chains and crowds, fresh for each.
    fresh: usize,
}

fn id(name: Name) -> String {
    let long = "product-line-of-the-payments-platform-for-merchants-in-every-region";
    match name.family % 6 {
        0..=2 => format!("e{}", name.n % 64),
        3 => format!("{long}-{:05}", name.n),
        4 => format!("{long}-{:05}x", name.n),
        _ => {
            ["organization", "", " ", "ünïcode", "a.b", "\u{7}"][usize::from(name.n % 6)].to_owned()
        }
    }
}

impl Builder {
    fn room(&self, wanted: u16) -> usize {
        usize::from(wanted).min(max_entities().saturating_sub(self.count))
    }

    fn fresh(&mut self, what: &str) -> String {
        self.fresh += 1;
        format!("{what}{}", self.fresh)
    }

    fn op(&mut self, op: &Op) {
        use serde_json::json;
        match *op {
            Op::Team {
                id: i,
                kind,
                parent,
                owns,
            } => {
                let mut t = json!({"id": id(i), "kind": KINDS[usize::from(kind) % KINDS.len()]});
                if let Some(p) = parent {
                    t["parent"] = json!(id(p));
                }
                if let Some(o) = owns {
                    t["owns"] = json!([id(o)]);
                }
                self.teams.push(t);
                self.count += 1;
            }
            Op::Product {
                id: i,
                owner,
                part_of,
                outcome,
            } => {
                let mut p = json!({"id": id(i)});
                if let Some(o) = owner {
                    p["owner"] = json!(id(o));
                }
                if let Some(o) = part_of {
                    p["part_of"] = json!(id(o));
                }
                if let Some(o) = outcome {
                    p["outcomes"] = json!([id(o)]);
                }
                self.products.push(p);
                self.count += 1;
            }
            Op::Outcome {
                id: i,
                owner,
                supports,
            } => {
                let mut o = json!({"id": id(i), "statement": "Listeners stay longer", "metric": "weekly hours"});
                if let Some(x) = owner {
                    o["owner"] = json!(id(x));
                }
                if let Some(x) = supports {
                    o["supports"] = json!([id(x)]);
                }
                self.outcomes.push(o);
                self.count += 1;
            }
            Op::Objective {
                id: i,
                owner,
                supports,
                key_results,
                style,
            } => {
                let krs: Vec<serde_json::Value> = (0..key_results % 8)
                    .map(|k| match (style + k) % 3 {
                        0 => json!(format!("Raise retention from {k}% to {}%", k + 5)),
                        1 => json!(format!("Launch the new checkout {k}")),
                        _ => json!({"text": "Cut churn", "metric": "churn", "baseline": k, "target": 0}),
                    })
                    .collect();
                let mut o =
                    json!({"id": id(i), "title": "Listeners find music", "key_results": krs});
                if let Some(x) = owner {
                    o["owner"] = json!(id(x));
                }
                if let Some(x) = supports {
                    o["supports"] = json!(id(x));
                }
                self.objectives.push(o);
                self.count += 1;
            }
            Op::Decision {
                area,
                scope,
                decides,
                escalates_to,
            } => {
                let mut d =
                    json!({"area": AREAS[usize::from(area) % AREAS.len()], "scope": id(scope)});
                if let Some(x) = decides {
                    d["decides"] = json!(id(x));
                }
                if let Some(x) = escalates_to {
                    d["escalates_to"] = json!(id(x));
                }
                self.decisions.push(d);
                self.count += 1;
            }
            Op::Chain { link, len, cycle } => self.chain(link, self.room(len), cycle),
            Op::Crowd { crowd, count } => self.crowd(crowd, self.room(count)),
        }
    }

    fn chain(&mut self, link: Link, len: usize, cycle: bool) {
        use serde_json::json;
        if len == 0 {
            return;
        }
        let stem = self.fresh("c");
        let name = |i: usize| format!("{stem}-{i}");
        // Each entity names the next; the last names the first, or nothing.
        let next = |i: usize| {
            if i + 1 < len {
                Some(name(i + 1))
            } else if cycle {
                Some(name(0))
            } else {
                None
            }
        };
        for i in 0..len {
            match link {
                Link::Parent => {
                    let mut t = json!({"id": name(i), "kind": "unit"});
                    if let Some(n) = next(i) {
                        t["parent"] = json!(n);
                    }
                    self.teams.push(t);
                }
                Link::PartOf => {
                    let mut p = json!({"id": name(i), "owner": "e0"});
                    if let Some(n) = next(i) {
                        p["part_of"] = json!(n);
                    }
                    self.products.push(p);
                }
                Link::Escalation => {
                    // Team `i` decides a right that escalates to team `i + 1`.
                    self.teams.push(json!({"id": name(i)}));
                    let mut d =
                        json!({"area": "budget-allocation", "scope": name(i), "decides": name(i)});
                    if let Some(n) = next(i) {
                        d["escalates_to"] = json!(n);
                    }
                    self.decisions.push(d);
                    self.count += 1;
                }
                Link::Supports => {
                    let mut o = json!({"id": name(i), "statement": "More listening"});
                    if let Some(n) = next(i) {
                        o["supports"] = json!([n]);
                    }
                    self.outcomes.push(o);
                }
                Link::OwnedPartOf => {
                    let team = format!("{stem}-team-{i}");
                    self.teams.push(json!({"id": team, "owns": [name(i)]}));
                    let mut p = json!({"id": name(i)});
                    if let Some(n) = next(i) {
                        p["part_of"] = json!(n);
                    }
                    self.products.push(p);
                    self.count += 1;
                }
                Link::ObjectiveSupports => {
                    let mut o = json!({"id": name(i), "title": "Grow", "owner": "e0", "key_results": ["Raise NPS from 1 to 2"]});
                    if let Some(n) = next(i) {
                        o["supports"] = json!(n);
                    }
                    self.objectives.push(o);
                }
            }
        }
        self.count += len;
    }

    fn crowd(&mut self, crowd: Crowd, count: usize) {
        use serde_json::json;
        let stem = self.fresh("w");
        for i in 0..count {
            match crowd {
                Crowd::Owned => self.products.push(json!({"id": format!("{stem}-{i}"), "owner": "e0"})),
                Crowd::NearMisses => {
                    let real = id(Name { family: 3, n: i as u16 });
                    self.teams.push(json!({"id": real}));
                    let near = id(Name { family: 4, n: i as u16 });
                    self.products.push(json!({"id": format!("{stem}-{i}"), "owner": near}));
                    self.count += 1;
                }
                Crowd::Deciders => self.decisions.push(json!({"area": "feature-set", "scope": "e0", "decides": format!("e{}", i % 64)})),
                Crowd::Owners => self.products.push(json!({"id": format!("{stem}-{i}"), "owner": ["e0", format!("e{}", i % 64)]})),
            }
        }
        self.count += count;
    }

    fn sections(&self) -> [(&'static str, &Vec<serde_json::Value>); 5] {
        [
            ("teams", &self.teams),
            ("products", &self.products),
            ("outcomes", &self.outcomes),
            ("objectives", &self.objectives),
            ("decisions", &self.decisions),
        ]
    }

    fn json(&self) -> String {
        let mut doc = serde_json::Map::new();
        for (name, items) in self.sections() {
            if !items.is_empty() {
                doc.insert(name.to_owned(), serde_json::Value::Array(items.clone()));
            }
        }
        serde_json::Value::Object(doc).to_string()
    }

    fn toml(&self) -> String {
        let mut out = String::new();
        for (name, items) in self.sections() {
            for item in items {
                let _ = writeln!(out, "[[{name}]]");
                if let serde_json::Value::Object(fields) = item {
                    for (key, value) in fields {
                        let _ = writeln!(out, "{key} = {}", toml_value(value));
                    }
                }
            }
        }
        out
    }
}

/// A JSON value as TOML: JSON's string escapes are TOML's, arrays are
/// arrays, objects inline tables.
fn toml_value(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_value).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{} = {}",
                        serde_json::Value::from(k.as_str()),
                        toml_value(v)
                    )
                })
                .collect();
            format!("{{ {} }}", fields.join(", "))
        }
        Value::Null => "\"\"".to_owned(),
        other => other.to_string(),
    }
}

/// The shapes of issue 18's table, and a few ordinary orgs: the seeds of
/// the `check_org` corpus, by name.
pub fn seeds() -> Vec<(&'static str, Org)> {
    let chain = |link, len, cycle| Op::Chain { link, len, cycle };
    let n = |family, n| Name { family, n };
    let ordinary = vec![
        Op::Team {
            id: n(0, 1),
            kind: 2,
            parent: None,
            owns: None,
        },
        Op::Team {
            id: n(0, 2),
            kind: 0,
            parent: Some(n(0, 1)),
            owns: Some(n(0, 3)),
        },
        Op::Product {
            id: n(0, 3),
            owner: None,
            part_of: None,
            outcome: Some(n(0, 4)),
        },
        Op::Outcome {
            id: n(0, 4),
            owner: Some(n(0, 1)),
            supports: None,
        },
        Op::Objective {
            id: n(0, 5),
            owner: Some(n(0, 2)),
            supports: Some(n(0, 4)),
            key_results: 3,
            style: 0,
        },
        Op::Decision {
            area: 0,
            scope: n(0, 3),
            decides: Some(n(0, 2)),
            escalates_to: None,
        },
        Op::Product {
            id: n(0, 6),
            owner: Some(n(4, 7)),
            part_of: Some(n(0, 3)),
            outcome: None,
        },
    ];
    let mut seeds = Vec::new();
    for format in 0..3u8 {
        seeds.push((
            "ordinary",
            Org {
                format,
                ops: ordinary.clone(),
            },
        ));
    }
    let shapes = [
        (
            "escalation-cycle-10k",
            vec![chain(Link::Escalation, 10_000, true)],
        ),
        (
            "escalation-chain-10k",
            vec![chain(Link::Escalation, 10_000, false)],
        ),
        ("parent-cycle-50k", vec![chain(Link::Parent, 50_000, true)]),
        ("part-of-cycle-50k", vec![chain(Link::PartOf, 50_000, true)]),
        (
            "part-of-chain-10k",
            vec![chain(Link::PartOf, 10_000, false)],
        ),
        (
            "owned-part-of-chain-5k",
            vec![chain(Link::OwnedPartOf, 5_000, false)],
        ),
        (
            "supports-cycle-50k",
            vec![chain(Link::Supports, 50_000, true)],
        ),
        (
            "objective-supports-10k",
            vec![chain(Link::ObjectiveSupports, 10_000, true)],
        ),
        (
            "near-misses-2k",
            vec![Op::Crowd {
                crowd: Crowd::NearMisses,
                count: 2_000,
            }],
        ),
        (
            "one-owner-50k",
            vec![Op::Crowd {
                crowd: Crowd::Owned,
                count: 50_000,
            }],
        ),
        (
            "deciders-10k",
            vec![Op::Crowd {
                crowd: Crowd::Deciders,
                count: 10_000,
            }],
        ),
        (
            "owners-10k",
            vec![Op::Crowd {
                crowd: Crowd::Owners,
                count: 10_000,
            }],
        ),
    ];
    for (name, mut ops) in shapes {
        // Beside an ordinary org, whose findings must survive.
        ops.extend(ordinary.iter().cloned());
        seeds.push((name, Org { format: 0, ops }));
    }
    seeds
}
