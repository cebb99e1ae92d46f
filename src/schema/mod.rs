//! The org file format as data: every section and field, with the spelling
//! written in the files, its type, default, accepted values and meaning.
//!
//! This table is the one description of the format. The loader takes its
//! section and field names from it (an unknown field is one not in it), and
//! both [`json_schema`] (`opmodel schema`, committed as
//! `docs/opmodel.schema.json`) and [`reference()`] (the field reference,
//! `docs/reference.md`) are generated from it, so none of them can drift
//! from the others; tests hold the loader to what the table says each
//! field accepts. A new section or field is one entry in [`SECTIONS`].

use strum::VariantNames;

use crate::model::{DecisionArea, Funding, KeyResultKind, ProductKind, Role, TeamKind};

mod json;
mod reference;

pub use json::json_schema;
pub use reference::reference;

/// One top-level section of an org file.
#[derive(Clone, Copy, Debug)]
pub struct Section {
    /// The key written in the file (`teams`).
    pub name: &'static str,
    /// What the section holds.
    pub shape: Shape,
    /// What it is for, one sentence.
    pub doc: &'static str,
}

/// What a section holds.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Shape {
    /// The format version: `1` (a number or the text `"1"`).
    Version,
    /// The path or URL of this file's JSON Schema, for editors (`$schema`);
    /// opmodel reads nothing from it.
    SchemaLink,
    /// One table with these fields.
    Table(&'static Table),
    /// A list of tables with these fields (the entities of one kind).
    List(&'static Table),
}

/// The fields of one kind of table (a team, a member, a key result).
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// What one such table is, for messages and the reference ("team").
    pub name: &'static str,
    /// The fields, in the order the reference lists them.
    pub fields: &'static [Field],
}

impl Table {
    /// The field named `name` as written in a file.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The names of every field, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.fields.iter().map(|f| f.name).collect()
    }
}

/// One field of a table.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The key written in the file (`key_results`, `part_of`).
    pub name: &'static str,
    /// What values it takes.
    pub ty: Type,
    /// Whether an entity without it is reported (`invalid-entity`).
    pub required: bool,
    /// What an absent field means, when that is not simply "none".
    pub default: Option<&'static str>,
    /// What it means, one sentence.
    pub doc: &'static str,
}

/// The values a field takes. Every optional field may also be written as
/// `null` (or left empty in YAML), which is the same as leaving it out.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Type {
    /// An id: 1 to 128 characters of `a-z`, `0-9`, `-`, `_`, `.`, starting
    /// with a letter or digit (a whole number is read as its digits).
    Id,
    /// Text on one line or more. Numbers and booleans are read as the text
    /// they are written as.
    Text,
    /// Text that is not blank.
    Line,
    /// A number (`31`, `4.2`). Text holding one (`"31"`) is the wrong type:
    /// the loader uses its value and reports it.
    Number,
    /// The id of one entity, of the kinds named.
    Ref(&'static str),
    /// The ids of entities of the kinds named: one id or a list of ids.
    Refs(&'static str),
    /// One of a closed set of words.
    Word(fn() -> Vec<String>),
    /// Any text; these words are understood.
    OpenWord(fn() -> Vec<String>),
    /// Check names (`allow`): one name or a list of names.
    Checks,
    /// A list of tables.
    List(&'static Table),
    /// Key results: a list whose items are each a line of text or a table.
    KeyResults(&'static Table),
    /// A share of a person's time: a number more than 0 and at most 1.
    Share,
    /// How often a cadence meets: `week`, `2 weeks`, `month`, `quarter`,
    /// `half-year`, `year`, or `N weeks` / `N months`.
    Every,
    /// What a cadence covers: one word or a list of words, `objectives`,
    /// `outcomes` or decision areas (any other word is a custom area).
    Covers,
}

fn words<T: VariantNames>() -> Vec<String> {
    T::VARIANTS.iter().map(|s| (*s).to_owned()).collect()
}

fn team_kinds() -> Vec<String> {
    words::<TeamKind>()
}

fn product_kinds() -> Vec<String> {
    words::<ProductKind>()
}

fn fundings() -> Vec<String> {
    words::<Funding>()
}

fn key_result_kinds() -> Vec<String> {
    words::<KeyResultKind>()
}

fn interaction_modes() -> Vec<String> {
    words::<crate::model::InteractionMode>()
}

fn cadence_kinds() -> Vec<String> {
    words::<crate::model::CadenceKind>()
}

/// What a cadence's `covers` understands.
pub(crate) fn covered() -> Vec<String> {
    let mut words = vec!["objectives".to_owned(), "outcomes".to_owned()];
    words.extend(areas());
    words
}

fn areas() -> Vec<String> {
    DecisionArea::BUILT_IN
        .iter()
        .map(|a| a.to_string())
        .collect()
}

fn roles() -> Vec<String> {
    [
        Role::ProductManager,
        Role::EngineeringLead,
        Role::Designer,
        Role::Engineer,
        Role::DataAnalyst,
    ]
    .iter()
    .map(|r| r.to_string())
    .collect()
}

const DESCRIPTION: Field = Field {
    name: "description",
    ty: Type::Text,
    required: false,
    default: None,
    doc: "Free text.",
};

const ALLOW: Field = Field {
    name: "allow",
    ty: Type::Checks,
    required: false,
    default: None,
    doc: "Checks switched off for this entity, like `#[allow]` in Rust.",
};

const fn optional(name: &'static str, ty: Type, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: false,
        default: None,
        doc,
    }
}

const fn required(name: &'static str, ty: Type, doc: &'static str) -> Field {
    Field {
        name,
        ty,
        required: true,
        default: None,
        doc,
    }
}

/// The `organization` table.
pub const ORGANIZATION: Table = Table {
    name: "organization",
    fields: &[
        optional("name", Type::Text, "The organisation's display name."),
        DESCRIPTION,
    ],
};

/// A member of a team.
pub const MEMBER: Table = Table {
    name: "member",
    fields: &[
        required("name", Type::Text, "The person's name."),
        optional(
            "role",
            Type::OpenWord(roles),
            "Their role on the team; the product trio (a product manager, an engineering lead and a designer) is looked for among these. Common job titles are understood too (`Senior Product Manager`, `Tech Lead`, `UX Designer`).",
        ),
        optional(
            "person",
            Type::Ref("person"),
            "The person of the `people` section this member is.",
        ),
    ],
};

/// An interaction of a team with another, in Team Topologies' modes.
pub const INTERACTION: Table = Table {
    name: "interaction",
    fields: &[
        required("with", Type::Ref("team"), "The other team."),
        required(
            "mode",
            Type::Word(interaction_modes),
            "`collaboration` (mutual, counted once per pair), `x-as-a-service` (this team consumes the other's service) or `facilitating` (one helps the other learn).",
        ),
        optional(
            "until",
            Type::Text,
            "When a collaboration should end (free text, informational).",
        ),
    ],
};

/// An allocation of a person's time to a team.
pub const ALLOCATION: Table = Table {
    name: "allocation",
    fields: &[
        required("team", Type::Ref("team"), "The team the time goes to."),
        required(
            "share",
            Type::Share,
            "The share of the person's time: more than 0, at most 1.",
        ),
        optional(
            "role",
            Type::OpenWord(roles),
            "The person's role on that team (read as member roles are).",
        ),
    ],
};

/// A person.
pub const PERSON: Table = Table {
    name: "person",
    fields: &[
        required("id", Type::Id, "The person's id, unique across the model."),
        optional("name", Type::Text, "Display name."),
        optional(
            "allocations",
            Type::List(&ALLOCATION),
            "Where the person's time goes: `- { team: playback, share: 0.6 }`; the shares add up to at most 1.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A stage of the product lifecycle.
pub const STAGE: Table = Table {
    name: "lifecycle stage",
    fields: &[
        required("id", Type::Id, "The stage's id, unique across the model."),
        optional("name", Type::Text, "Display name."),
        optional(
            "lead",
            Type::OpenWord(roles),
            "The role that leads a product in this stage (read as member roles are).",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A planning or review cadence.
pub const CADENCE: Table = Table {
    name: "cadence",
    fields: &[
        required("id", Type::Id, "The cadence's id, unique across the model."),
        required("kind", Type::Word(cadence_kinds), "`planning` or `review`."),
        required(
            "every",
            Type::Every,
            "How often it meets: `week`, `2 weeks`, `month`, `quarter`, `half-year`, `year`, or `N weeks` / `N months`.",
        ),
        required(
            "covers",
            Type::Covers,
            "What it plans or reviews: `objectives`, `outcomes`, or decision areas; one or a list.",
        ),
        optional("owner", Type::Ref("team"), "The team that runs it."),
        optional("attendees", Type::Refs("team"), "The teams that attend."),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A team.
pub const TEAM: Table = Table {
    name: "team",
    fields: &[
        required("id", Type::Id, "The team's id, unique across the model."),
        optional("name", Type::Text, "Display name."),
        Field {
            name: "kind",
            ty: Type::Word(team_kinds),
            required: false,
            default: Some("stream-aligned"),
            doc: "What kind of team: the four Team Topologies types, `unit` (a tribe, business unit or department: a team of teams), `governance` (security, compliance, architecture), `business` (sales, marketing, customer success, finance) or `leadership`.",
        },
        optional(
            "parent",
            Type::Ref("team"),
            "The unit this team sits in (a team id, or `organization`).",
        ),
        optional(
            "owns",
            Type::Refs("product"),
            "Products this team is accountable for.",
        ),
        optional(
            "members",
            Type::List(&MEMBER),
            "The people on the team: `- { name: Ana, role: product-manager }`.",
        ),
        optional(
            "interactions",
            Type::List(&INTERACTION),
            "How the team works with other teams: `- { with: platform-core, mode: x-as-a-service }`.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A product.
pub const PRODUCT: Table = Table {
    name: "product",
    fields: &[
        required("id", Type::Id, "The product's id, unique across the model."),
        optional("name", Type::Text, "Display name."),
        optional("kind", Type::Word(product_kinds), "Who the product is for."),
        optional(
            "owner",
            Type::Refs("team"),
            "The accountable team (exactly one is healthy).",
        ),
        optional(
            "contributors",
            Type::Refs("team"),
            "Teams that build on it but are not accountable for it.",
        ),
        optional(
            "part_of",
            Type::Ref("product"),
            "The product (line) it belongs to.",
        ),
        optional(
            "outcomes",
            Type::Refs("outcome"),
            "Outcomes this product serves.",
        ),
        optional(
            "funding",
            Type::Word(fundings),
            "`product` (long-lived) or `project` (temporary) funding.",
        ),
        optional(
            "stage",
            Type::Ref("lifecycle stage"),
            "The lifecycle stage the product is in.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// An outcome.
pub const OUTCOME: Table = Table {
    name: "outcome",
    fields: &[
        required("id", Type::Id, "The outcome's id, unique across the model."),
        required(
            "statement",
            Type::Line,
            "The change in customer or business behaviour sought.",
        ),
        optional("metric", Type::Text, "How it is measured."),
        optional("baseline", Type::Number, "Where the metric stands."),
        optional("target", Type::Number, "Where it should get to."),
        optional("owner", Type::Ref("team"), "The team answerable for it."),
        optional(
            "supports",
            Type::Refs("outcome"),
            "The parent outcome(s) this one contributes to.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A key result, when written as a table.
pub const KEY_RESULT: Table = Table {
    name: "key result",
    fields: &[
        Field {
            name: "id",
            ty: Type::Id,
            required: false,
            default: Some("`<objective id>#<n>`, counting from 1"),
            doc: "The key result's id.",
        },
        required(
            "text",
            Type::Line,
            "What has to be true for the key result to be met.",
        ),
        optional("metric", Type::Text, "What is measured."),
        optional("baseline", Type::Number, "Where the metric stands."),
        optional("target", Type::Number, "Where it should get to."),
        optional(
            "unit",
            Type::Text,
            "The unit of baseline and target (`%`, `ms`).",
        ),
        optional(
            "kind",
            Type::Word(key_result_kinds),
            "The author's own statement of what it is; wins over the classifier.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// An objective (of OKRs).
pub const OBJECTIVE: Table = Table {
    name: "objective",
    fields: &[
        required(
            "id",
            Type::Id,
            "The objective's id, unique across the model.",
        ),
        required("title", Type::Line, "What the objective is."),
        optional("owner", Type::Ref("team"), "The team that owns it."),
        optional("period", Type::Text, "When, as free text (`2026-Q3`)."),
        optional(
            "supports",
            Type::Refs("outcome or objective"),
            "The outcome(s) or parent objective(s) it serves.",
        ),
        optional(
            "key_results",
            Type::KeyResults(&KEY_RESULT),
            "How progress is measured: each item a line of text, or a table with `text:` and the fields below.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// A decision right.
pub const DECISION: Table = Table {
    name: "decision",
    fields: &[
        required(
            "area",
            Type::OpenWord(areas),
            "What is decided; any other text is a custom area.",
        ),
        required(
            "scope",
            Type::Ref("product or team"),
            "Where the right applies: a product, a team, or `organization`.",
        ),
        optional(
            "decides",
            Type::Refs("team"),
            "Who decides (exactly one is healthy).",
        ),
        optional("recommends", Type::Refs("team"), "Teams that recommend."),
        optional(
            "agrees",
            Type::Refs("team"),
            "Teams that must agree (a veto).",
        ),
        optional("consulted", Type::Refs("team"), "Teams consulted before."),
        optional("informed", Type::Refs("team"), "Teams informed after."),
        optional(
            "escalates_to",
            Type::Ref("team"),
            "Where a disagreement goes: a team id or `organization`.",
        ),
        DESCRIPTION,
        ALLOW,
    ],
};

/// Every section of an org file, in the order the reference lists them.
pub const SECTIONS: &[Section] = &[
    Section {
        name: "version",
        shape: Shape::Version,
        doc: "The format version; if present it must be `1`.",
    },
    Section {
        name: "organization",
        shape: Shape::Table(&ORGANIZATION),
        doc: "The organisation itself.",
    },
    Section {
        name: "teams",
        shape: Shape::List(&TEAM),
        doc: "Teams, units and functions.",
    },
    Section {
        name: "products",
        shape: Shape::List(&PRODUCT),
        doc: "Products, internal ones and platforms included.",
    },
    Section {
        name: "outcomes",
        shape: Shape::List(&OUTCOME),
        doc: "The changes in customer or business behaviour the org pursues.",
    },
    Section {
        name: "objectives",
        shape: Shape::List(&OBJECTIVE),
        doc: "Objectives and their key results (OKRs).",
    },
    Section {
        name: "decisions",
        shape: Shape::List(&DECISION),
        doc: "Decision rights: who decides what, where.",
    },
    Section {
        name: "people",
        shape: Shape::List(&PERSON),
        doc: "People and the share of their time each team gets.",
    },
    Section {
        name: "lifecycle",
        shape: Shape::List(&STAGE),
        doc: "The product lifecycle stages, in order, each with the role that leads it.",
    },
    Section {
        name: "cadences",
        shape: Shape::List(&CADENCE),
        doc: "Planning and review rhythms.",
    },
    Section {
        name: "$schema",
        shape: Shape::SchemaLink,
        doc: "The path or URL of the JSON Schema of org files (`opmodel schema`), for editors; opmodel ignores it. JSON files use it, having no comments; in YAML, the `# yaml-language-server: $schema=...` comment does the same.",
    },
];

/// The section named `name`.
pub fn section(name: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.name == name)
}

/// The names of every section, in order.
pub fn section_names() -> Vec<&'static str> {
    SECTIONS.iter().map(|s| s.name).collect()
}

#[cfg(test)]
mod tests;
