//! Turns a parsed document ([`Node`] tree) into model entities.
//!
//! Every format goes through here, so a wrong type or an unknown field gets
//! the same message whether it was written in YAML, TOML or JSON. A bad
//! field never drops its entity: the entity is kept with what could be read
//! (so references to it still resolve) and the problem is reported as
//! `invalid-entity`.

use super::node::{Key, Node, Pos, Span, Value};
use super::{INVALID_ENTITY, INVALID_FILE, LoadOptions};
use crate::diagnostic::{Diagnostic, did_you_mean, named_like};
use crate::model::{
    Allocation, Cadence, CadenceKind, Covers, DecisionArea, DecisionRight, EntityKind, EntityRef,
    Every, Funding, Id, Interaction, InteractionMode, KeyResult, KeyResultKind, Member, Model,
    Objective, Outcome, Person, Product, ProductKind, Ref, RefList, Role, Stage, Team, TeamKind,
    Text, is_valid_id,
};
use crate::schema::{self, Table};
use crate::source::{FileId, Location};
use std::borrow::Cow;

/// Whether a parsed file is plainly not an org file: a table none of whose
/// keys is a section or close to one (an OpenAPI spec, a workflow, a
/// chart's values), or a lone string, number or list. Beside a Backstage catalog such files are left out
/// rather than reported; a misspelled section still counts as an org file.
///
/// `version` and `$schema` decide nothing: a Compose file's `version:
/// "3.8"` or a `package.json`'s `version` is not an org file's. Nor does
/// `organization` beside keys that are no section: a Backstage
/// `app-config.yaml` has `organization: { name: ... }` next to `app`,
/// `backend` and `catalog`.
pub(crate) fn is_foreign(root: &Node) -> bool {
    let neutral = |k: &str| matches!(k, "version" | "$schema");
    let sections = || {
        schema::SECTIONS
            .iter()
            .map(|s| s.name)
            .filter(|s| !neutral(s))
    };
    let org_key = |k: &str| sections().any(|s| s == k) || did_you_mean(k, sections()).is_some();
    // Another word for a section (`okrs`, `stages`) is neither: alone it is
    // an org file's slip, which must not vanish beside a catalog, but CI
    // files use some of those words too (`stages` in a pipeline beside
    // `trigger` and `pool`).
    let foreign_key = |k: &str| !neutral(k) && !org_key(k) && section_meant(k).is_none();
    match &root.value {
        Value::Map(entries) => {
            entries.iter().any(|(k, _)| foreign_key(&k.name))
                && !entries
                    .iter()
                    .any(|(k, _)| k.name != "organization" && org_key(&k.name))
        }
        // A file that is one string or number (a Casbin policy line kept as
        // `.yaml`), or a list (an Ansible playbook): no org file's top.
        Value::Null => false,
        _ => true,
    }
}

/// Lowers one file's document into `model`, reporting problems into `diags`.
pub(crate) fn lower(
    root: Node,
    file: FileId,
    path: &str,
    options: &LoadOptions,
    model: &mut Model,
    diags: &mut Vec<Diagnostic>,
) {
    let mut sections = Sections::new(file, path, options, model, diags);
    sections.root(root, model);
    sections.finish();
}

/// One file's document lowered a part at a time: its top ([`Sections::root`]),
/// then more items of its entity sections ([`Sections::more`]) as a reader
/// that holds only part of the file's tree at once finds them. The result
/// is what [`lower`] makes of the whole tree whose sections hold all the
/// items in turn.
pub(crate) struct Sections<'a> {
    cx: Lowerer<'a>,
    seen: Vec<&'static str>,
    /// Items lowered so far in each entity section, by name: the index of
    /// the next, which messages name (`teams[12]`).
    counts: Vec<(&'static str, usize)>,
    /// Past `max_entities`, or the file is of another version: the rest of
    /// it is not lowered.
    stopped: bool,
}

impl<'a> Sections<'a> {
    pub(crate) fn new(
        file: FileId,
        path: &'a str,
        options: &'a LoadOptions,
        model: &Model,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        Self {
            cx: Lowerer {
                file,
                path,
                options,
                diags,
                entities: model.entity_count(),
                reported: 0,
                suppressed: 0,
            },
            seen: Vec::new(),
            counts: Vec::new(),
            stopped: false,
        }
    }

    /// The document's top: a table of sections.
    pub(crate) fn root(&mut self, root: Node, model: &mut Model) {
        let entries = match root.value {
            Value::Null => return,
            Value::Map(entries) => entries,
            _ => {
                let msg = format!(
                    "an org file holds a table of sections at its top, found {}",
                    root.type_name()
                );
                self.cx.file_problem(
                    root.span(),
                    msg,
                    "start the file with sections such as `teams:` and `products:`",
                );
                return;
            }
        };
        // A file of another version is not read at all, wherever in it the
        // version is written: its sections may mean something else there.
        if let Some((_, version)) = entries.iter().find(|(key, _)| key.name == "version")
            && !self.cx.version(version)
        {
            self.stopped = true;
            return;
        }
        for (key, node) in entries {
            if self.stopped {
                return;
            }
            self.entry(&key, node, false, model);
        }
    }

    /// More items of the entity section `key` names (a list), after those
    /// of it met so far: not a second section. Only the TOML reader meets
    /// a section again (`[[teams]]` tables).
    #[cfg(feature = "toml")]
    pub(crate) fn more(&mut self, key: &Key, node: Node, model: &mut Model) {
        if !self.stopped {
            self.entry(key, node, true, model);
        }
    }

    /// The finding for problems past the per-file limit, if any.
    pub(crate) fn finish(self) {
        let cx = self.cx;
        if cx.suppressed > 0 {
            let d = unreported(cx.file, cx.path, cx.suppressed, cx.options);
            cx.diags.push(d);
        }
    }

    fn entry(&mut self, key: &Key, node: Node, continued: bool, model: &mut Model) {
        let cx = &mut self.cx;
        let Some(section) = schema::section(&key.name).map(|s| s.name) else {
            let sections = schema::section_names();
            let mut help = format!("the sections are {}", sections.join(", "));
            let meant = section_meant(&key.name)
                .or_else(|| did_you_mean(&key.name, sections.iter().copied()));
            if let Some(s) = meant {
                help = format!("did you mean `{s}`? {help}");
            }
            cx.file_problem(key.span(), format!("{UNKNOWN_SECTION}`{}`", key.name), help);
            return;
        };
        if self.seen.contains(&section) {
            if !continued {
                cx.file_problem(
                    key.span(),
                    format!("section `{section}` appears twice in this file"),
                    "merge the two into one section",
                );
                return;
            }
        } else {
            self.seen.push(section);
        }
        match section {
            "$schema" => {
                if !matches!(node.value, Value::Str(_)) {
                    let msg = format!("`$schema` must be text, found {}", node.type_name());
                    cx.file_problem(
                        node.span(),
                        msg,
                        "write the path or URL of the schema, like `\"$schema\": \"opmodel.schema.json\"`, or leave it out",
                    );
                }
            }
            // (Checked before the other sections, in `root`.)
            "version" => {}
            "organization" => cx.organization(node, model),
            _ => {
                let Some(items) = cx.section_items(section, node) else {
                    return;
                };
                let slot = match self.counts.iter().position(|(s, _)| *s == section) {
                    Some(slot) => slot,
                    None => {
                        self.counts.push((section, 0));
                        self.counts.len() - 1
                    }
                };
                for item in items {
                    if cx.entities >= cx.options.max_entities {
                        cx.file_problem(
                            item.span(),
                            format!("the model has more than {} entities", cx.options.max_entities),
                            "raise the limit with `LoadOptions::max_entities` (or `--max-entities`)",
                        );
                        self.stopped = true;
                        return;
                    }
                    let index = self.counts[slot].1;
                    self.counts[slot].1 += 1;
                    cx.entities += lower_one(cx, section, item, index, model);
                }
            }
        }
    }
}

/// The finding that `suppressed` more problems of a file were counted but
/// not reported (past `max_problems_per_file`).
pub(crate) fn unreported(
    file: FileId,
    path: &str,
    suppressed: usize,
    options: &LoadOptions,
) -> Diagnostic {
    Diagnostic::new(
        INVALID_ENTITY,
        EntityRef::new(EntityKind::File, path),
        format!(
            "{suppressed} more problems in this file were not reported: a file reports at most {}",
            options.max_problems_per_file
        ),
    )
    .with_help("fix the problems shown first, or raise the limit with `LoadOptions::max_problems_per_file` (or `--max-problems-per-file`)")
    .at(Some(Location::point(file, 1, 1)))
}

/// Problems reported and counted past the per-file limit, carried from one
/// [`lower_item`] to the next.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tally {
    pub reported: usize,
    pub suppressed: usize,
}

/// Where [`lower_item`] reports, and what it has reported so far.
pub(crate) struct ItemSink<'a> {
    pub file: FileId,
    pub path: &'a str,
    pub options: &'a LoadOptions,
    pub diags: &'a mut Vec<Diagnostic>,
    pub tally: &'a mut Tally,
}

/// Lowers one item of an entity section (`index` is its place in the
/// section) into `model`, as [`lower`] lowers it inside its file, keeping
/// to the per-file limit of problems with `sink.tally`. Returns how many
/// entities it counts for, as [`lower`] counts them.
pub(crate) fn lower_item(
    section: &str,
    item: Node,
    index: usize,
    sink: ItemSink<'_>,
    model: &mut Model,
) -> usize {
    let mut cx = Lowerer {
        file: sink.file,
        path: sink.path,
        options: sink.options,
        diags: sink.diags,
        entities: 0,
        reported: sink.tally.reported,
        suppressed: sink.tally.suppressed,
    };
    let count = lower_one(&mut cx, section, item, index, model);
    *sink.tally = Tally {
        reported: cx.reported,
        suppressed: cx.suppressed,
    };
    count
}

fn lower_one(
    cx: &mut Lowerer<'_>,
    section: &str,
    item: Node,
    index: usize,
    model: &mut Model,
) -> usize {
    match section {
        "teams" => model.teams.extend(cx.team(item, index)),
        "products" => model.products.extend(cx.product(item, index)),
        "outcomes" => model.outcomes.extend(cx.outcome(item, index)),
        "objectives" => {
            if let Some(o) = cx.objective(item, index) {
                let key_results = o.key_results.len();
                model.objectives.push(o);
                return 1 + key_results;
            }
        }
        "people" => model.people.extend(cx.person(item, index)),
        "lifecycle" => model.lifecycle.extend(cx.stage(item, index)),
        "cadences" => model.cadences.extend(cx.cadence(item, index)),
        _ => model.decisions.extend(cx.decision(item, index)),
    }
    1
}

struct Lowerer<'a> {
    file: FileId,
    path: &'a str,
    options: &'a LoadOptions,
    diags: &'a mut Vec<Diagnostic>,
    entities: usize,
    /// Problems pushed so far, and those past `max_problems_per_file` that
    /// were only counted: a file of a million broken items must not turn into
    /// a million diagnostics in memory.
    reported: usize,
    suppressed: usize,
}

/// The fields of one entity's table, taken out one by one so that what is
/// left at the end is exactly the unknown fields.
struct Fields {
    entries: Vec<(Key, Node)>,
    /// The fields of this kind of table: only these are taken, the rest
    /// are unknown.
    table: &'static Table,
}

impl Fields {
    fn take(&mut self, name: &str) -> Option<(Key, Node)> {
        // The format's table is the one list of fields: the loader reads
        // no field it does not name (the schema and the reference would
        // not know it).
        debug_assert!(
            self.table.field(name).is_some(),
            "`{name}` is not a field of a {} in `schema`",
            self.table.name
        );
        let i = self.entries.iter().position(|(k, _)| k.name == name)?;
        Some(self.entries.remove(i))
    }
}

/// How the help of an unknown field on an objective that is a near miss
/// of `key_results` (`key-results:`) begins.
const KEY_RESULTS_TYPO: &str = "did you mean `key_results`?";

/// How the finding about key results written as something else than a
/// list begins.
const KEY_RESULTS_NOT_A_LIST: &str = "`key_results` must be a list";

/// How the help of an unknown field on a team that is a near miss of
/// `owns` (`own:`) begins.
const OWNS_TYPO: &str = "did you mean `owns`?";

/// How the help of an unknown field on a product that is a near miss of
/// `owner` (`ownr:`) begins.
const OWNER_TYPO: &str = "did you mean `owner`?";

/// The findings of checks that the `invalid-entity` finding `d` already
/// explains, as (check, entity) pairs: a field misspelt or refused that
/// would have made them go away. An objective's `key-results:`, or key
/// results written as one text instead of a list, leave it without key
/// results (`objective-without-key-results`); a team's `own:` leaves it and
/// the products it names without each other (`idle-team`,
/// `orphaned-product`), and so does a product's `ownr:`. The products or
/// teams the misspelt field names are the finding's related entities.
pub(crate) fn explained_follow_ons(d: &Diagnostic) -> Vec<(&'static str, &EntityRef)> {
    let typo = |marker: &str| {
        d.check == super::INVALID_ENTITY
            && d.message.starts_with("unknown field `")
            && d.help.as_deref().is_some_and(|h| h.starts_with(marker))
    };
    let named = |check: &'static str, kind: EntityKind| {
        d.related
            .iter()
            .filter(move |r| r.kind == kind)
            .map(move |r| (check, r))
    };
    // (A key result refused for being a number leaves the objective without
    // it: if none is left, the refusals say why.)
    let refused_key_results = d.check == super::INVALID_ENTITY
        && (d.message.starts_with(KEY_RESULTS_NOT_A_LIST)
            || d.message.starts_with(KR_NOT_A_SENTENCE));
    match d.entity.kind {
        EntityKind::Objective if typo(KEY_RESULTS_TYPO) || refused_key_results => {
            vec![("objective-without-key-results", &d.entity)]
        }
        EntityKind::KeyResult if refused_key_results => {
            named("objective-without-key-results", EntityKind::Objective).collect()
        }
        EntityKind::Team if typo(OWNS_TYPO) => std::iter::once(("idle-team", &d.entity))
            .chain(named("orphaned-product", EntityKind::Product))
            .collect(),
        // A team whose `kind` is a word opmodel does not know is read as
        // stream-aligned: what it would be asked as one (owning products,
        // a working size) is not reported beside the finding. (Whether the
        // products it owns have a trio does not depend on its kind.)
        EntityKind::Team
            if d.check == super::INVALID_ENTITY && d.message.starts_with(UNKNOWN_KIND) =>
        {
            vec![("idle-team", &d.entity), ("team-size", &d.entity)]
        }
        // A team whose id breaks the rule cannot be named by what it would
        // own or decide: that it seems idle is the id's doing.
        EntityKind::Team if d.check == super::INVALID_ENTITY && d.message.ends_with(INVALID_ID) => {
            vec![("idle-team", &d.entity)]
        }
        EntityKind::Product if typo(OWNER_TYPO) => std::iter::once(("orphaned-product", &d.entity))
            .chain(named("idle-team", EntityKind::Team))
            .collect(),
        // A catalog's `spec.owner` that names no entity it could be (an
        // email address, the wrong kind): the finding says why the product
        // has no owner.
        EntityKind::Product
            if d.check == super::INVALID_ENTITY && d.message.starts_with("`spec.owner` ") =>
        {
            vec![("orphaned-product", &d.entity)]
        }
        _ => Vec::new(),
    }
}

/// The ids a misspelt reference field's value names: its text, or the text
/// items of its list.
fn named_ids(node: &Node) -> Vec<String> {
    match &node.value {
        Value::Seq(items) => items.iter().filter_map(scalar_text).collect(),
        _ => scalar_text(node).into_iter().collect(),
    }
}

/// How the finding about a `kind` word opmodel does not know begins.
const UNKNOWN_KIND: &str = "unknown `kind` value ";

/// How the finding about a section opmodel does not know begins.
pub(crate) const UNKNOWN_SECTION: &str = "unknown section ";

/// How the finding about an id that breaks the id rule ends.
const INVALID_ID: &str = " is not a valid id";

/// How the finding about a `version` other than 1 starts: the file is then
/// not read at all (its sections may mean something else in that version).
pub(crate) const UNSUPPORTED_VERSION: &str = "unsupported format version ";

/// The section a user means by another word for it (`person` for
/// `people`, `stages` for `lifecycle`), which a typo distance does not find:
/// `person` is nearer `version` than `people`.
fn section_meant(written: &str) -> Option<&'static str> {
    let word = written.trim().to_ascii_lowercase().replace('_', "-");
    let meant = match word.as_str() {
        "person" | "persons" | "staff" | "employees" | "members" | "individuals" => "people",
        "stage" | "stages" | "lifecycles" | "lifecycle-stages" | "phases" => "lifecycle",
        "cadence" | "rituals" | "ceremonies" | "meetings" | "forums" => "cadences",
        "okr" | "okrs" | "goals" | "objective" => "objectives",
        "decision" | "decision-rights" | "raci" | "rights" => "decisions",
        "organisation" | "org" | "company" => "organization",
        _ => return None,
    };
    Some(meant)
}

/// How the finding about a key result written as a number or a boolean
/// begins.
pub(crate) const KR_NOT_A_SENTENCE: &str = "a key result is a sentence or a table, found ";

/// What the diagnostics of the entity being lowered are about.
struct Subject {
    entity: EntityRef,
    location: Option<Location>,
    /// An `id` was written but refused (wrong type, too long): already
    /// reported, so "has no `id`" would only repeat it.
    id_refused: bool,
}

impl Lowerer<'_> {
    fn loc(&self, at: impl Into<Span>) -> Option<Location> {
        let Span { start, end } = at.into();
        Some(Location::point(self.file, start.line, start.column).to(end.line, end.column))
    }

    /// An entity's location: from where its table starts to the end of the
    /// value that names it (its `id`, a decision's `area`) when that is text.
    fn entity_loc(&self, start: Pos, name: Option<&Node>) -> Option<Location> {
        let end = name
            .filter(|n| matches!(n.value, Value::Str(_)))
            .map_or(Pos::UNKNOWN, |n| n.end);
        self.loc(Span { start, end })
    }

    fn file_problem(
        &mut self,
        pos: impl Into<Span>,
        message: String,
        help: impl Into<Cow<'static, str>>,
    ) {
        let d = Diagnostic::new(
            INVALID_FILE,
            EntityRef::new(EntityKind::File, self.path),
            message,
        )
        .with_help(help)
        .at(self.loc(pos));
        self.push(d);
    }

    fn push(&mut self, d: Diagnostic) {
        if self.reported < self.options.max_problems_per_file {
            self.reported += 1;
            self.diags.push(d);
        } else {
            self.suppressed += 1;
        }
    }

    fn problem(
        &mut self,
        subject: &Subject,
        pos: impl Into<Span>,
        message: String,
        help: impl Into<Cow<'static, str>>,
    ) {
        let d = self.entity_finding(subject, pos, message, help);
        self.push(d);
    }

    /// [`Lowerer::problem`] as a note: a value that is valid but reads
    /// like a slip (an area one letter off a built-in one).
    fn slip(
        &mut self,
        subject: &Subject,
        pos: impl Into<Span>,
        message: String,
        help: impl Into<Cow<'static, str>>,
    ) {
        let mut d = self.entity_finding(subject, pos, message, help);
        d.severity = crate::diagnostic::Severity::Note;
        self.push(d);
    }

    /// The `invalid-entity` finding about `subject`, pointing at `pos`.
    fn entity_finding(
        &self,
        subject: &Subject,
        pos: impl Into<Span>,
        message: String,
        help: impl Into<Cow<'static, str>>,
    ) -> Diagnostic {
        // A problem with no place of its own (text left empty) is shown at
        // the entity: a focus without a line would hide where it is.
        let focus = self.loc(pos).filter(|l| l.line > 0);
        Diagnostic::new(INVALID_ENTITY, subject.entity.clone(), message)
            .with_help(help)
            .at(subject.location)
            .with_focus(focus, "here")
    }

    /// Reports a `version` other than 1; `false` then.
    fn version(&mut self, node: &Node) -> bool {
        let ok = match &node.value {
            Value::Int(1) => true,
            Value::Float(f) => *f == 1.0,
            Value::Str(s) => s.trim() == "1",
            _ => false,
        };
        if !ok {
            let shown = scalar_text(node).unwrap_or_else(|| node.type_name().to_owned());
            self.file_problem(
                node.span(),
                format!("{UNSUPPORTED_VERSION}`{shown}`; this opmodel reads version 1"),
                "write `version: 1`, or leave the line out",
            );
        }
        ok
    }

    fn organization(&mut self, node: Node, model: &mut Model) {
        let pos = node.span();
        let Value::Map(entries) = node.value else {
            if !matches!(node.value, Value::Null) {
                let msg = format!("`organization` must be a table, found {}", node.type_name());
                self.file_problem(pos, msg, "write `organization: { name: ... }`");
            }
            return;
        };
        // The organization is no entity of the output's (org-format.md
        // lists the kinds): its section's problems are the file's.
        let subject = Subject {
            entity: EntityRef::new(EntityKind::File, self.path),
            location: self.loc(pos.start),
            id_refused: false,
        };
        let mut fields = self.fields(&subject, entries, &schema::ORGANIZATION);
        if let Some((_, n)) = fields.take("name") {
            model.organization.name = self.text(&subject, "name", n);
        }
        fields.take("description");
        self.unknown_fields(&subject, fields);
        if model.organization.location.is_none() {
            model.organization.location = self.loc(pos.start);
        }
    }

    fn section_items(&mut self, section: &str, node: Node) -> Option<Vec<Node>> {
        match node.value {
            Value::Seq(items) => Some(items),
            Value::Null => None,
            _ => {
                let msg = format!(
                    "section `{section}` must be a list, found {}",
                    node.type_name()
                );
                self.file_problem(
                    node.span(),
                    msg,
                    format!("write `{section}:` followed by `- id: ...` items"),
                );
                None
            }
        }
    }

    /// Opens an entity's table: checks it is one, reads its id, and reports
    /// duplicated keys. Returns `None` when nothing can be kept.
    fn open(
        &mut self,
        kind: EntityKind,
        section: &str,
        index: usize,
        node: Node,
    ) -> Option<(Subject, Fields, Option<Id>)> {
        let placeholder = format!("{section}[{index}]");
        let pos = node.span();
        let Value::Map(entries) = node.value else {
            let subject = Subject {
                entity: EntityRef::new(kind, placeholder),
                location: self.loc(pos),
                id_refused: false,
            };
            let msg = format!(
                "each item of `{section}` must be a table, found {}",
                node.type_name()
            );
            self.problem(
                &subject,
                pos,
                msg,
                "write the item as `- id: ...` with its fields below it",
            );
            return None;
        };
        let id_node = entries
            .iter()
            .find(|(k, _)| k.name == "id")
            .map(|(_, n)| n.clone());
        let mut subject = Subject {
            entity: EntityRef::new(kind, placeholder),
            location: self.entity_loc(pos.start, id_node.as_ref()),
            id_refused: false,
        };
        let id = id_node.and_then(|n| self.id_value(&mut subject, n));
        let table = match schema::section(section).map(|s| s.shape) {
            Some(schema::Shape::List(table)) => table,
            _ => &schema::TEAM,
        };
        let fields = self.fields(&subject, entries, table);
        Some((subject, fields, id))
    }

    fn id_value(&mut self, subject: &mut Subject, node: Node) -> Option<Id> {
        let Some(id) = scalar_id(&node) else {
            let msg = format!("`id` must be a string, found {}", node.type_name());
            self.problem(
                subject,
                node.span(),
                msg,
                "write the id as text, like `id: web-player`",
            );
            subject.id_refused = true;
            return None;
        };
        // The limit guards memory and output size, so it is honoured as set,
        // even below the 128 characters the spec allows.
        if id.len() > self.options.max_id_len {
            let msg = format!(
                "id is {} bytes long, more than the limit of {} bytes",
                id.len(),
                self.options.max_id_len
            );
            // Only a program that embeds the library can set a lower limit.
            let help = if self.options.max_id_len >= 128 {
                "shorten the id: ids are at most 128 characters long"
            } else {
                "shorten the id (the spec allows 128 characters); the program reading it set a lower limit (`LoadOptions::max_id_len`)"
            };
            self.problem(subject, node.span(), msg, help);
            subject.id_refused = true;
            return None;
        }
        subject.entity.id = id.clone();
        if !is_valid_id(&id) {
            let msg = format!("`{}`{INVALID_ID}", escape(&id));
            self.problem(subject, node.span(), msg, crate::model::id_help(&id));
        }
        Some(id)
    }

    fn missing_id(&mut self, subject: &Subject, what: &str) {
        if subject.id_refused {
            return;
        }
        let pos = subject
            .location
            .map_or(Pos::UNKNOWN, |l| Pos::new(l.line, l.column));
        let msg = format!("{what} has no `id`");
        self.problem(subject, pos, msg, crate::model::MISSING_ID_HELP);
    }

    fn fields(
        &mut self,
        subject: &Subject,
        entries: Vec<(Key, Node)>,
        table: &'static Table,
    ) -> Fields {
        let mut kept: Vec<(Key, Node)> = Vec::with_capacity(entries.len());
        // A set, not a scan of `kept`: a hostile entity with a million
        // distinct keys would otherwise take hours.
        let mut names: std::collections::HashSet<String> =
            std::collections::HashSet::with_capacity(entries.len());
        for (key, node) in entries {
            if !names.insert(key.name.clone()) {
                let msg = format!("field `{}` is given twice", escape(&key.name));
                self.problem(subject, key.span(), msg, "keep one of the two");
                continue;
            }
            kept.push((key, node));
        }
        Fields {
            entries: kept,
            table,
        }
    }

    fn unknown_fields(&mut self, subject: &Subject, fields: Fields) {
        let known = fields.table.names();
        let known = known.as_slice();
        for (key, node) in fields.entries {
            let whose = if subject.entity.kind == EntityKind::File {
                "the organization"
            } else {
                subject.entity.kind.with_article()
            };
            let mut help = format!("the fields of {whose} are {}", known.join(", "));
            // What the misspelt field names, when the findings about them are
            // left out because of it (see `explained_follow_ons`).
            let mut named: Vec<(EntityKind, String)> = Vec::new();
            if let Some(s) = did_you_mean(&key.name, known.iter().copied()) {
                let entity = &subject.entity;
                help = match (s, entity.kind) {
                    ("key_results", EntityKind::Objective) => format!(
                        "{KEY_RESULTS_TYPO} Until it is spelled so, the objective has no key results (`objective-without-key-results` is not reported separately); {help}"
                    ),
                    ("owns", EntityKind::Team) => {
                        named.extend(
                            named_ids(&node)
                                .into_iter()
                                .map(|id| (EntityKind::Product, id)),
                        );
                        format!(
                            "{OWNS_TYPO} Until it is spelled so, {entity} owns nothing (`idle-team`, and `orphaned-product` for what it names, are not reported separately); {help}"
                        )
                    }
                    ("owner", EntityKind::Product) => {
                        named.extend(
                            named_ids(&node)
                                .into_iter()
                                .map(|id| (EntityKind::Team, id)),
                        );
                        format!(
                            "{OWNER_TYPO} Until it is spelled so, {entity} has no owner from it (`orphaned-product`, and `idle-team` for what it names, are not reported separately); {help}"
                        )
                    }
                    _ => format!("did you mean `{s}`? {help}"),
                };
            }
            let msg = if subject.entity.kind == EntityKind::File {
                format!(
                    "unknown field `{}` in the `organization` section of {}",
                    escape(&key.name),
                    subject.entity
                )
            } else {
                format!(
                    "unknown field `{}` on {}",
                    escape(&key.name),
                    subject.entity
                )
            };
            if named.is_empty() {
                self.problem(subject, key.span(), msg, help);
            } else {
                let focus = self.loc(key.span()).filter(|l| l.line > 0);
                let mut d = Diagnostic::new(INVALID_ENTITY, subject.entity.clone(), msg)
                    .with_help(help)
                    .at(subject.location)
                    .with_focus(focus, "here");
                for (kind, id) in named {
                    d.push_related(EntityRef::new(kind, id));
                }
                self.push(d);
            }
        }
    }

    fn text(&mut self, subject: &Subject, field: &str, node: Node) -> Option<Text> {
        if matches!(node.value, Value::Null) {
            return None;
        }
        match scalar_text(&node) {
            Some(t) if t.len() > self.options.max_text_len => {
                let msg = format!(
                    "`{field}` is {} bytes long, more than the limit of {} bytes",
                    t.len(),
                    self.options.max_text_len
                );
                self.problem(subject, node.span(), msg, "shorten it, or raise the limit with `LoadOptions::max_text_len` (or `--max-text-len`)");
                None
            }
            Some(t) => Some(Text::from(t)),
            None => {
                let msg = format!("`{field}` must be text, found {}", node.type_name());
                self.problem(
                    subject,
                    node.span(),
                    msg,
                    format!("write `{field}` as a single line of text"),
                );
                None
            }
        }
    }

    fn required_text(
        &mut self,
        subject: &Subject,
        field: &str,
        node: Option<Node>,
        help: &str,
    ) -> Text {
        // Given, but refused (a list, too long): already reported, and "has
        // no `statement`" beside "`statement` must be text" says it twice.
        let given = node
            .as_ref()
            .is_some_and(|n| !matches!(n.value, Value::Null));
        let text = node.and_then(|n| self.text(subject, field, n));
        match text {
            Some(t) if !t.trim().is_empty() => t,
            None if given => Text::default(),
            _ => {
                let pos = subject
                    .location
                    .map_or(Pos::UNKNOWN, |l| Pos::new(l.line, l.column));
                let msg = format!("{} has no `{field}`", subject.entity);
                self.problem(subject, pos, msg, help.to_owned());
                Text::default()
            }
        }
    }

    fn number(&mut self, subject: &Subject, field: &str, node: Node) -> Option<f64> {
        match &node.value {
            Value::Null => None,
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) if f.is_finite() => Some(*f),
            Value::BigInt(s) if s.parse::<f64>().is_ok_and(f64::is_finite) => s.parse().ok(),
            // A number, but one that overflows (`1e400`, 400 digits) or is
            // not one (`.nan`): "must be a number, found a number" would
            // confuse, so say what is wrong with it.
            Value::Float(_) | Value::BigInt(_) => {
                let msg = format!("`{field}` is not a finite number that fits in 64 bits");
                let help = format!(
                    "write `{field}` as a plain number such as `31` or `4.2`, within ±1.7e308"
                );
                self.problem(subject, node.span(), msg, help);
                None
            }
            // A number in quotes is text, which the format says is the
            // wrong type; its value is still used, so that nothing else is
            // reported because of it.
            Value::Str(s) if s.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
                let value: f64 = s.trim().parse().ok()?;
                let msg = format!(
                    "`{field}` must be a number, found the text \"{}\" (read as {value})",
                    crate::check::quote_text(s)
                );
                let help =
                    format!("drop the quotes: write `{field}` as a bare number, such as `{value}`");
                self.problem(subject, node.span(), msg, help);
                Some(value)
            }
            // "92%": the number with its unit; the number is used, the unit
            // belongs in `unit:` (a key result) or the metric's words. (A
            // share's "50%" is a part of 1, which the help for `share`
            // below explains.)
            Value::Str(s) if field != "share" && percent_value(s).is_some() => {
                let value = percent_value(s)?;
                let msg = format!(
                    "`{field}` must be a number, found the text \"{}\" (read as {value})",
                    crate::check::quote_text(s)
                );
                let help = if subject.entity.kind == EntityKind::KeyResult {
                    format!("write `{field}: {value}`, the number alone; the unit goes in `unit:`")
                } else {
                    format!(
                        "write `{field}: {value}` and say the unit in `metric:` (`share of orders delivered on time, %`)"
                    )
                };
                self.problem(subject, node.span(), msg, help);
                Some(value)
            }
            _ => {
                let msg = format!("`{field}` must be a number, found {}", node.type_name());
                // Only key results have a `unit:`; an outcome's unit goes
                // in the words of its `metric:`.
                let help = if field == "share" {
                    "write `share` as the part of the person's time it is, a number more than 0 and at most 1, such as `0.5`".to_owned()
                } else if subject.entity.kind == EntityKind::KeyResult {
                    format!(
                        "write `{field}` as a plain number such as `31` or `4.2`; put the unit in `unit:`"
                    )
                } else {
                    format!(
                        "write `{field}` as a plain number such as `31` or `4.2`; say the unit in `metric:` (`share of orders delivered on time, %`)"
                    )
                };
                self.problem(subject, node.span(), msg, help);
                None
            }
        }
    }

    fn one_ref(&mut self, subject: &Subject, field: &str, node: Node) -> Option<Ref> {
        let pos = node.span();
        let mut refs = self.refs(subject, field, node)?;
        if refs.len() > 1 {
            let msg = format!("`{field}` names one entity, found a list of {}", refs.len());
            self.problem(subject, pos, msg, format!("keep a single id in `{field}`"));
        }
        if refs.is_empty() {
            None
        } else {
            Some(refs.swap_remove(0))
        }
    }

    fn refs(&mut self, subject: &Subject, field: &str, node: Node) -> Option<Vec<Ref>> {
        let bad = |this: &mut Self, n: &Node| {
            let msg = format!(
                "`{field}` must be an id or a list of ids, found {}",
                n.type_name()
            );
            this.problem(
                subject,
                n.span(),
                msg,
                format!("write `{field}: some-id` or `{field}: [one-id, another-id]`"),
            );
        };
        match node.value {
            Value::Null => Some(Vec::new()),
            Value::Seq(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match scalar_id(&item) {
                        Some(id) => out.push(Ref::at(id, self.loc(item.span()))),
                        None => bad(self, &item),
                    }
                }
                Some(out)
            }
            _ => match scalar_id(&node) {
                Some(id) => Some(vec![Ref::at(id, self.loc(node.span()))]),
                None => {
                    bad(self, &node);
                    None
                }
            },
        }
    }

    fn names(&mut self, subject: &Subject, field: &str, node: Node) -> Vec<String> {
        self.refs(subject, field, node)
            .unwrap_or_default()
            .into_iter()
            .map(|r| String::from(r.id))
            .collect()
    }

    fn word<T: std::str::FromStr>(
        &mut self,
        subject: &Subject,
        field: &str,
        node: Node,
        words: &[&str],
    ) -> Option<T> {
        if matches!(node.value, Value::Null) {
            return None;
        }
        let Some(text) = scalar_text(&node) else {
            let msg = format!(
                "`{field}` must be one of {}, found {}",
                words.join(", "),
                node.type_name()
            );
            self.problem(
                subject,
                node.span(),
                msg,
                format!("write one of the words for `{field}`"),
            );
            return None;
        };
        if let Ok(v) = text.parse() {
            return Some(v);
        }
        let mut help = format!("`{field}` is one of {}", words.join(", "));
        let team_word = (field == "kind" && subject.entity.kind == EntityKind::Team)
            .then(|| team_kind_hint(&text))
            .flatten();
        if let Some(hint) = team_word {
            help = format!("{hint}; {help}");
        } else if let Some(s) = did_you_mean(&text, words.iter().copied()).or_else(|| {
            match named_like(&text, words.iter().copied()).as_slice() {
                [only] => Some(*only),
                _ => None,
            }
        }) {
            help = format!("did you mean `{s}`? {help}");
        }
        if field == "kind" && subject.entity.kind == EntityKind::Team {
            // (see `explained_follow_ons`)
            help.push_str("; until it is one of these, the team is read as stream-aligned (`idle-team` and `team-size` are not reported separately)");
        }
        let msg = format!("unknown `{field}` value `{}`", escape(&text));
        self.problem(subject, node.span(), msg, help);
        None
    }

    fn team(&mut self, node: Node, index: usize) -> Option<Team> {
        let (subject, mut f, id) = self.open(EntityKind::Team, "teams", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "a team");
            return None;
        };
        let mut team = Team::new(id);
        team.location = subject.location;
        if let Some((_, n)) = f.take("name") {
            team.name = self.text(&subject, "name", n);
        }
        if let Some((_, n)) = f.take("kind") {
            team.kind = self
                .word(&subject, "kind", n, &words::<TeamKind>())
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("parent") {
            team.parent = self.one_ref(&subject, "parent", n);
        }
        if let Some((_, n)) = f.take("owns") {
            team.owns = self
                .refs(&subject, "owns", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("members") {
            team.members = self.members(&subject, n);
        }
        if let Some((_, n)) = f.take("interactions") {
            team.interactions = self.interactions(&subject, n);
        }
        if let Some((_, n)) = f.take("description") {
            team.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            team.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(team)
    }

    fn members(&mut self, subject: &Subject, node: Node) -> Vec<Member> {
        let items = match node.value {
            Value::Seq(items) => items,
            Value::Null => return Vec::new(),
            _ => {
                let msg = format!("`members` must be a list, found {}", node.type_name());
                self.problem(
                    subject,
                    node.span(),
                    msg,
                    "write `members:` followed by `- { name: Ana, role: designer }` items",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let pos = item.span();
            let entries = match item.value {
                Value::Map(entries) => entries,
                _ => {
                    let msg = format!(
                        "each member must be a table with `name` and `role`, found {}",
                        item.type_name()
                    );
                    self.problem(
                        subject,
                        pos,
                        msg,
                        "write `- { name: Ana, role: product-manager }`",
                    );
                    continue;
                }
            };
            let mut f = self.fields(subject, entries, &schema::MEMBER);
            let name = f
                .take("name")
                .and_then(|(_, n)| self.text(subject, "name", n));
            let role = f
                .take("role")
                .and_then(|(_, n)| self.text(subject, "role", n))
                .map(|r| Role::parse(&r));
            let person = f
                .take("person")
                .and_then(|(_, n)| self.one_ref(subject, "person", n));
            for (key, _) in std::mem::take(&mut f.entries) {
                let mut help = "a member has `name`, `role` and `person`".to_owned();
                if let Some(s) = did_you_mean(&key.name, schema::MEMBER.names()) {
                    help = format!("did you mean `{s}`? {help}");
                }
                let msg = format!(
                    "unknown field `{}` on a member of {}",
                    escape(&key.name),
                    subject.entity
                );
                self.problem(subject, key.span(), msg, help);
            }
            match name {
                Some(name) => out.push(Member {
                    name,
                    role,
                    person: person.map(Box::new),
                }),
                None => self.problem(
                    subject,
                    pos,
                    "a member has no `name`".to_owned(),
                    "add `name:` to the member",
                ),
            }
        }
        out
    }

    /// The items of a list field of an entity (`null` is none); reports
    /// anything else.
    fn list_items(
        &mut self,
        subject: &Subject,
        field: &str,
        node: Node,
        example: &str,
    ) -> Vec<Node> {
        match node.value {
            Value::Seq(items) => items,
            Value::Null => Vec::new(),
            _ => {
                let msg = format!("`{field}` must be a list, found {}", node.type_name());
                self.problem(
                    subject,
                    node.span(),
                    msg,
                    format!("write `{field}:` followed by `{example}` items"),
                );
                Vec::new()
            }
        }
    }

    /// The table of one item of a list field, or `None` (reported).
    fn item_table(
        &mut self,
        subject: &Subject,
        what: &str,
        item: Node,
        example: &str,
        table: &'static Table,
    ) -> Option<Fields> {
        let pos = item.span();
        match item.value {
            Value::Map(entries) => Some(self.fields(subject, entries, table)),
            _ => {
                let msg = format!("each {what} must be a table, found {}", item.type_name());
                self.problem(subject, pos, msg, format!("write `{example}`"));
                None
            }
        }
    }

    /// Reports the fields left in an item of a list field as unknown.
    fn unknown_item_fields(&mut self, subject: &Subject, what: &str, fields: Fields) {
        let known = fields.table.names();
        for (key, _) in fields.entries {
            let mut help = format!(
                "{} has {}",
                what,
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if let Some(s) = did_you_mean(&key.name, known.iter().copied()) {
                help = format!("did you mean `{s}`? {help}");
            }
            let msg = format!(
                "unknown field `{}` on {what} of {}",
                escape(&key.name),
                subject.entity
            );
            self.problem(subject, key.span(), msg, help);
        }
    }

    fn interactions(&mut self, subject: &Subject, node: Node) -> Vec<Interaction> {
        const EXAMPLE: &str = "- { with: platform-core, mode: x-as-a-service }";
        let items = self.list_items(subject, "interactions", node, EXAMPLE);
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let pos = item.pos;
            let Some(mut f) =
                self.item_table(subject, "interaction", item, EXAMPLE, &schema::INTERACTION)
            else {
                continue;
            };
            let with_node = f.take("with").map(|(_, n)| n);
            let with_given = with_node
                .as_ref()
                .is_some_and(|n| !matches!(n.value, Value::Null));
            let with = with_node.and_then(|n| self.one_ref(subject, "with", n));
            let mode_node = f.take("mode");
            let mode_given = mode_node
                .as_ref()
                .is_some_and(|(_, n)| !matches!(n.value, Value::Null));
            let mode = mode_node.and_then(|(_, n)| {
                self.word::<InteractionMode>(subject, "mode", n, &words::<InteractionMode>())
            });
            let until = f
                .take("until")
                .and_then(|(_, n)| self.text(subject, "until", n));
            self.unknown_item_fields(subject, "an interaction", f);
            let Some(with) = with else {
                if !with_given {
                    self.problem(
                        subject,
                        pos,
                        "an interaction has no `with`".to_owned(),
                        "name the other team: `with: platform-core`",
                    );
                }
                continue;
            };
            let Some(mode) = mode else {
                if !mode_given {
                    self.problem(
                        subject,
                        pos,
                        format!("the interaction with `{}` has no `mode`", escape(&with.id)),
                        format!(
                            "write `mode:` as one of {}",
                            words::<InteractionMode>().join(", ")
                        ),
                    );
                }
                continue;
            };
            out.push(Interaction {
                with,
                mode,
                until,
                location: self.loc(pos),
            });
        }
        out
    }

    fn person(&mut self, node: Node, index: usize) -> Option<Person> {
        let (subject, mut f, id) = self.open(EntityKind::Person, "people", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "a person");
            return None;
        };
        let mut p = Person::new(id);
        p.location = subject.location;
        if let Some((_, n)) = f.take("name") {
            p.name = self.text(&subject, "name", n);
        }
        if let Some((_, n)) = f.take("allocations") {
            p.allocations = self.allocations(&subject, n);
        }
        if let Some((_, n)) = f.take("description") {
            p.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            p.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(p)
    }

    fn allocations(&mut self, subject: &Subject, node: Node) -> Vec<Allocation> {
        const EXAMPLE: &str = "- { team: playback, share: 0.6 }";
        let items = self.list_items(subject, "allocations", node, EXAMPLE);
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let pos = item.pos;
            let Some(mut f) =
                self.item_table(subject, "allocation", item, EXAMPLE, &schema::ALLOCATION)
            else {
                continue;
            };
            let team_node = f.take("team").map(|(_, n)| n);
            let team_given = team_node
                .as_ref()
                .is_some_and(|n| !matches!(n.value, Value::Null));
            let team = team_node.and_then(|n| self.one_ref(subject, "team", n));
            // `Ok(share)`, or whether a bad value was already reported.
            let share: Result<f64, bool> = match f.take("share") {
                Some((_, n)) if !matches!(n.value, Value::Null) => {
                    let at = n.span();
                    match self.number(subject, "share", n) {
                        Some(s) if s > 0.0 && s <= 1.0 => Ok(s),
                        Some(s) => {
                            let msg = format!("`share` is {s}, outside (0, 1]");
                            self.problem(
                                subject,
                                at,
                                msg,
                                "a share is the part of the person's time given to the team: more than 0, at most 1 (0.5 is half their time)",
                            );
                            Err(true)
                        }
                        None => Err(true),
                    }
                }
                _ => Err(false),
            };
            let role = f
                .take("role")
                .and_then(|(_, n)| self.text(subject, "role", n))
                .map(|r| Role::parse(&r));
            self.unknown_item_fields(subject, "an allocation", f);
            let Some(team) = team else {
                if !team_given {
                    self.problem(
                        subject,
                        pos,
                        "an allocation has no `team`".to_owned(),
                        "name the team the time goes to: `team: playback`",
                    );
                }
                continue;
            };
            let share = match share {
                Ok(share) => share,
                // A bad value: already reported.
                Err(true) => continue,
                Err(false) => {
                    self.problem(
                        subject,
                        pos,
                        format!("the allocation to `{}` has no `share`", escape(&team.id)),
                        "give the share of the person's time, more than 0 and at most 1: `share: 0.5`",
                    );
                    continue;
                }
            };
            out.push(Allocation {
                team,
                share,
                role,
                location: self.loc(pos),
            });
        }
        out
    }

    fn stage(&mut self, node: Node, index: usize) -> Option<Stage> {
        let (subject, mut f, id) = self.open(EntityKind::Stage, "lifecycle", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "a lifecycle stage");
            return None;
        };
        let mut s = Stage::new(id);
        s.location = subject.location;
        if let Some((_, n)) = f.take("name") {
            s.name = self.text(&subject, "name", n);
        }
        if let Some((_, n)) = f.take("lead") {
            s.lead = self
                .text(&subject, "lead", n)
                .filter(|r| !r.trim().is_empty())
                .map(|r| Role::parse(&r));
        }
        if let Some((_, n)) = f.take("description") {
            s.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            s.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(s)
    }

    fn cadence(&mut self, node: Node, index: usize) -> Option<Cadence> {
        let (subject, mut f, id) = self.open(EntityKind::Cadence, "cadences", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "a cadence");
            return None;
        };
        let here = subject
            .location
            .map_or(Pos::UNKNOWN, |l| Pos::new(l.line, l.column));
        let mut c = Cadence {
            id,
            kind: None,
            every: None,
            covers: Vec::new(),
            owner: None,
            attendees: RefList::new(),
            description: None,
            allow: crate::model::AllowList::new(),
            location: subject.location,
        };
        match f.take("kind") {
            Some((_, n)) if !matches!(n.value, Value::Null) => {
                c.kind = self.word::<CadenceKind>(&subject, "kind", n, &words::<CadenceKind>());
            }
            _ => {
                let msg = format!("{} has no `kind`", subject.entity);
                self.problem(
                    &subject,
                    here,
                    msg,
                    "say whether it plans or reviews: `kind: planning` or `kind: review`",
                );
            }
        }
        match f.take("every") {
            Some((_, n)) if !matches!(n.value, Value::Null) => {
                let at = n.span();
                match scalar_text(&n) {
                    Some(text) => {
                        c.every = Every::parse(&text);
                        if c.every.is_none() {
                            let msg = format!("unknown `every` value `{}`", escape(&text));
                            self.problem(
                                &subject,
                                at,
                                msg,
                                format!("`every` is one of {}", Every::WORDS),
                            );
                        }
                    }
                    None => {
                        let msg = format!("`every` must be text, found {}", n.type_name());
                        self.problem(
                            &subject,
                            at,
                            msg,
                            format!("`every` is one of {}", Every::WORDS),
                        );
                    }
                }
            }
            _ => {
                let msg = format!("{} has no `every`", subject.entity);
                self.problem(
                    &subject,
                    here,
                    msg,
                    format!(
                        "say how often it meets: `every: quarter`; `every` is one of {}",
                        Every::WORDS
                    ),
                );
            }
        }
        match f.take("covers") {
            Some((_, n)) if matches!(&n.value, Value::Seq(items) if items.is_empty()) => {
                // `covers: []` is required and says nothing.
                let msg = format!(
                    "{} covers nothing: `covers` is an empty list",
                    subject.entity
                );
                self.problem(&subject, n.span(), msg, "say what it plans or reviews: `covers: [objectives]`, `outcomes`, or a decision area such as `budget-allocation`");
            }
            Some((_, n)) if !matches!(n.value, Value::Null) => {
                c.covers = self.covers(&subject, n);
            }
            _ => {
                let msg = format!("{} has no `covers`", subject.entity);
                self.problem(&subject, here, msg, "say what it plans or reviews: `covers: [objectives]`, `outcomes`, or a decision area such as `budget-allocation`");
            }
        }
        if let Some((_, n)) = f.take("owner") {
            c.owner = self.one_ref(&subject, "owner", n);
        }
        if let Some((_, n)) = f.take("attendees") {
            c.attendees = self
                .refs(&subject, "attendees", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("description") {
            c.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            c.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(c)
    }

    /// A cadence's `covers`: `objectives`, `outcomes` or areas, one or a list.
    fn covers(&mut self, subject: &Subject, node: Node) -> Vec<Covers> {
        let items = match node.value {
            Value::Seq(items) => items,
            _ => vec![node],
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.value {
                Value::Str(s) if !s.trim().is_empty() => {
                    let covers = Covers::parse(s);
                    if let Covers::Area(DecisionArea::Custom(written)) = &covers
                        && let Some(meant) = meant_covers(written)
                    {
                        // `budget-allocaton`: a custom area no decision
                        // right is likely to use, so the cadence would
                        // cover nothing anybody decides. Any text is an
                        // area (pom-document.md), so it is a note.
                        let msg = covers_slip(written, &meant);
                        let help = format!(
                            "write `{meant}`; a custom area is written exactly as the decision rights write it"
                        );
                        self.slip(subject, item.span(), msg, help);
                    }
                    out.push(covers);
                }
                _ => {
                    let shown = match &item.value {
                        Value::Str(_) => "an empty string".to_owned(),
                        _ => scalar_text(&item).map_or_else(
                            || item.type_name().to_owned(),
                            |t| format!("`{}`", escape(&t)),
                        ),
                    };
                    let msg = format!(
                        "`covers` names `objectives`, `outcomes` or a decision area, found {shown}"
                    );
                    self.problem(subject, item.span(), msg, "write `covers: [objectives]`, `[outcomes]`, or a decision area such as `[budget-allocation]`");
                }
            }
        }
        out
    }

    fn product(&mut self, node: Node, index: usize) -> Option<Product> {
        let (subject, mut f, id) = self.open(EntityKind::Product, "products", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "a product");
            return None;
        };
        let mut p = Product::new(id);
        p.location = subject.location;
        if let Some((_, n)) = f.take("name") {
            p.name = self.text(&subject, "name", n);
        }
        if let Some((_, n)) = f.take("kind") {
            p.kind = self.word(&subject, "kind", n, &words::<ProductKind>());
        }
        if let Some((_, n)) = f.take("owner") {
            p.owner = self
                .refs(&subject, "owner", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("contributors") {
            p.contributors = self
                .refs(&subject, "contributors", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("part_of") {
            p.part_of = self.one_ref(&subject, "part_of", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("outcomes") {
            p.outcomes = self
                .refs(&subject, "outcomes", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("funding") {
            p.funding = self.word(&subject, "funding", n, &words::<Funding>());
        }
        if let Some((_, n)) = f.take("stage") {
            p.stage = self.one_ref(&subject, "stage", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("description") {
            p.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            p.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(p)
    }

    fn outcome(&mut self, node: Node, index: usize) -> Option<Outcome> {
        let (subject, mut f, id) = self.open(EntityKind::Outcome, "outcomes", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "an outcome");
            return None;
        };
        let statement = self.required_text(
            &subject,
            "statement",
            f.take("statement").map(|(_, n)| n),
            crate::model::STATEMENT_HELP,
        );
        let mut o = Outcome::new(id, statement);
        o.location = subject.location;
        if let Some((_, n)) = f.take("metric") {
            o.metric = self
                .text(&subject, "metric", n)
                .filter(|m| !m.trim().is_empty());
        }
        if let Some((_, n)) = f.take("baseline") {
            o.baseline = self.number(&subject, "baseline", n);
        }
        if let Some((_, n)) = f.take("target") {
            o.target = self.number(&subject, "target", n);
        }
        if let Some((_, n)) = f.take("owner") {
            o.owner = self.one_ref(&subject, "owner", n);
        }
        if let Some((_, n)) = f.take("supports") {
            o.supports = self
                .refs(&subject, "supports", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("description") {
            o.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            o.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(o)
    }

    fn objective(&mut self, node: Node, index: usize) -> Option<Objective> {
        let (subject, mut f, id) = self.open(EntityKind::Objective, "objectives", index, node)?;
        f.take("id");
        let Some(id) = id else {
            self.missing_id(&subject, "an objective");
            return None;
        };
        let title = self.required_text(
            &subject,
            "title",
            f.take("title").map(|(_, n)| n),
            crate::model::TITLE_HELP,
        );
        let mut o = Objective::new(id, title);
        o.location = subject.location;
        if let Some((_, n)) = f.take("owner") {
            o.owner = self.one_ref(&subject, "owner", n);
        }
        if let Some((_, n)) = f.take("period") {
            o.period = self.text(&subject, "period", n);
        }
        if let Some((_, n)) = f.take("supports") {
            o.supports = self
                .refs(&subject, "supports", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("key_results") {
            o.key_results = self.key_results(&subject, &o.id, n);
        }
        if let Some((_, n)) = f.take("description") {
            o.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            o.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(o)
    }

    /// A key result, or its `text`, written as a boolean or a number. The
    /// caller leaves a bare one out (as a list in its place is) and keeps a
    /// table with no text (as a table without `text` is kept).
    fn not_a_sentence(&mut self, subject: &Subject, node: &Node) {
        let shown = scalar_text(node).unwrap_or_default();
        let msg = format!(
            "{KR_NOT_A_SENTENCE}{} (`{}`)",
            node.type_name(),
            escape(&shown)
        );
        self.problem(
            subject,
            node.span(),
            msg,
            "write the key result as a sentence (\"Raise week-1 retention from 31% to 38%\"), or quote the value if it is meant as text",
        );
    }

    fn key_results(
        &mut self,
        objective: &Subject,
        objective_id: &str,
        node: Node,
    ) -> Vec<KeyResult> {
        let items = match node.value {
            Value::Seq(items) => items,
            Value::Null => return Vec::new(),
            _ => {
                let msg = format!("{KEY_RESULTS_NOT_A_LIST}, found {}", node.type_name());
                self.problem(
                    objective,
                    node.span(),
                    msg,
                    "write `key_results:` followed by `- ...` items, one per key result; until then the objective has no key results (`objective-without-key-results` is not reported separately)",
                );
                return Vec::new();
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let default_id = KeyResult::default_id(objective_id, i + 1);
            let item_start = item.pos;
            let mut subject = Subject {
                entity: EntityRef::new(EntityKind::KeyResult, default_id.clone()),
                location: self.loc(item.span()),
                id_refused: false,
            };
            let entries = match item.value {
                Value::Map(entries) => entries,
                Value::Seq(_) => {
                    let msg = format!(
                        "a key result is text or a table, found {}",
                        item.type_name()
                    );
                    self.problem(
                        &subject,
                        item.span(),
                        msg,
                        "write the key result as a line of text",
                    );
                    continue;
                }
                // `- true` or `- 5` is no sentence: a slip (a value that
                // lost its key), not a goal to judge.
                _ if is_bool_or_number(&item) => {
                    self.not_a_sentence(&subject, &item);
                    // Left out, it leaves the objective one key result
                    // short: the finding names the objective for what that
                    // explains (`objective-without-key-results`).
                    if let Some(d) = self.diags.last_mut()
                        && d.entity == subject.entity
                        && d.message.starts_with(KR_NOT_A_SENTENCE)
                    {
                        d.related
                            .push(EntityRef::new(EntityKind::Objective, objective_id));
                    }
                    continue;
                }
                _ => {
                    let text = self.text(&subject, "text", item).unwrap_or_default();
                    if text.trim().is_empty() {
                        self.problem(
                            &subject,
                            Pos::UNKNOWN,
                            format!("{} has empty text", subject.entity),
                            crate::model::KR_TEXT_HELP,
                        );
                    }
                    let mut kr = KeyResult::new(default_id, text);
                    kr.location = subject.location;
                    out.push(kr);
                    continue;
                }
            };
            let id_node = entries
                .iter()
                .find(|(k, _)| k.name == "id")
                .map(|(_, n)| n.clone());
            let id = match id_node {
                Some(n) => self.id_value(&mut subject, n).unwrap_or(default_id),
                None => default_id,
            };
            // A key result in a table is placed at its text.
            subject.location = match entries.iter().find(|(k, _)| k.name == "text") {
                Some((_, n)) => self.loc(n.span()),
                None => self.loc(item_start),
            };
            let mut f = self.fields(&subject, entries, &schema::KEY_RESULT);
            f.take("id");
            let (text, refused) = match f.take("text") {
                Some((_, n)) if is_bool_or_number(&n) => {
                    self.not_a_sentence(&subject, &n);
                    (None, true)
                }
                Some((_, n)) => (self.text(&subject, "text", n), false),
                None => (None, false),
            };
            let text = text.unwrap_or_default();
            if text.trim().is_empty() && !refused {
                let msg = format!("{} has no text", subject.entity);
                self.problem(&subject, Pos::UNKNOWN, msg, crate::model::KR_TEXT_HELP);
            }
            let mut kr = KeyResult::new(id, text);
            kr.location = subject.location;
            if let Some((_, n)) = f.take("metric") {
                kr.measure.metric = self
                    .text(&subject, "metric", n)
                    .filter(|m| !m.trim().is_empty());
            }
            if let Some((_, n)) = f.take("baseline") {
                kr.measure.baseline = self.number(&subject, "baseline", n);
            }
            if let Some((_, n)) = f.take("target") {
                kr.measure.target = self.number(&subject, "target", n);
            }
            if let Some((_, n)) = f.take("unit") {
                kr.measure.unit = self.text(&subject, "unit", n);
            }
            if let Some((_, n)) = f.take("kind") {
                kr.kind = self.word(&subject, "kind", n, &words::<KeyResultKind>());
            }
            if let Some((_, n)) = f.take("description") {
                kr.description = self.text(&subject, "description", n).map(Box::new);
            }
            if let Some((_, n)) = f.take("allow") {
                kr.allow = self.names(&subject, "allow", n).into();
            }
            self.unknown_fields(&subject, f);
            out.push(kr);
        }
        out
    }

    fn decision(&mut self, node: Node, index: usize) -> Option<DecisionRight> {
        let pos = node.span();
        let placeholder = format!("decisions[{index}]");
        let mut subject = Subject {
            entity: EntityRef::new(EntityKind::Decision, placeholder),
            location: self.loc(pos),
            id_refused: false,
        };
        let Value::Map(entries) = node.value else {
            let msg = format!(
                "each item of `decisions` must be a table, found {}",
                node.type_name()
            );
            self.problem(
                &subject,
                pos,
                msg,
                "write `- area: ...` with `scope:` and `decides:` below it",
            );
            return None;
        };
        let area_node = entries
            .iter()
            .find(|(k, _)| k.name == "area")
            .map(|(_, n)| n);
        subject.location = self.entity_loc(pos.start, area_node);
        let mut f = self.fields(&subject, entries, &schema::DECISION);
        let area_taken = f.take("area");
        let area_span = area_taken.as_ref().map(|(_, n)| n.span());
        let area = area_taken
            .and_then(|(_, n)| self.text(&subject, "area", n))
            // `area: ""` names no area: it is missing.
            .filter(|a| !a.trim().is_empty())
            .map(|a| DecisionArea::parse(a.trim()));
        let scope = f
            .take("scope")
            .and_then(|(_, n)| self.one_ref(&subject, "scope", n));
        if let (Some(area), Some(scope)) = (&area, &scope) {
            subject.entity.id = Id::format(format_args!("{area}@{}", scope.id));
        }
        // `vendor-selecton`, `Feature-Set`: a custom area of its own, but
        // most likely meant as the built-in one, which the checks then miss.
        if let (Some(DecisionArea::Custom(written)), Some(span)) = (&area, area_span)
            && let Some(meant) = meant_area(written)
        {
            let msg = format!(
                "`area` is `{}`, which is no built-in area: a slip for `{meant}`?",
                escape(written)
            );
            let help = format!(
                "write `{meant}`; if `{}` is an area of your own, it stays apart from `{meant}`",
                escape(written)
            );
            self.slip(&subject, span, msg, help);
        }
        let missing = match (&area, &scope) {
            (None, None) => "an `area` and a `scope`",
            (None, Some(_)) => "an `area`",
            (Some(_), _) => "a `scope`",
        };
        let (Some(area), Some(scope)) = (area, scope) else {
            self.problem(
                &subject,
                pos,
                format!("a decision right needs {missing}"),
                "write `area:` (what is decided) and `scope:` (a product, a team or `organization`)",
            );
            return None;
        };
        let mut d = DecisionRight::new(area, scope);
        d.location = subject.location;
        if let Some((_, n)) = f.take("decides") {
            d.decides = self
                .refs(&subject, "decides", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("recommends") {
            d.recommends = self
                .refs(&subject, "recommends", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("agrees") {
            d.agrees = self
                .refs(&subject, "agrees", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("consulted") {
            d.consulted = self
                .refs(&subject, "consulted", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("informed") {
            d.informed = self
                .refs(&subject, "informed", n)
                .map(RefList::from)
                .unwrap_or_default();
        }
        if let Some((_, n)) = f.take("escalates_to") {
            d.escalates_to = self.one_ref(&subject, "escalates_to", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("description") {
            d.description = self.text(&subject, "description", n).map(Box::new);
        }
        if let Some((_, n)) = f.take("allow") {
            d.allow = self.names(&subject, "allow", n).into();
        }
        self.unknown_fields(&subject, f);
        Some(d)
    }
}

/// The team kind meant by a word of other org-design vocabularies (the
/// Spotify model's tribes and squads), as the start of a help.
fn team_kind_hint(word: &str) -> Option<&'static str> {
    let word = word.trim().to_ascii_lowercase().replace([' ', '_'], "-");
    let hint = match word.trim_end_matches('s') {
        "tribe" | "department" | "division" | "business-unit" | "org-unit" | "area" => {
            "did you mean `unit`? a tribe (or department) is a `unit`: a team of teams, named by its teams in `parent:`"
        }
        "squad" | "pod" | "feature-team" | "product-team" | "crew" | "stream-team" => {
            "did you mean `stream-aligned`? a squad that owns a product or a flow of work is `stream-aligned`"
        }
        "chapter" | "guild" | "community-of-practice" | "practice" => {
            "a chapter or guild is not a team that owns products: leave it out of the model, or write it as an `enabling` team if it helps other teams build skills"
        }
        _ => return None,
    };
    Some(hint)
}

/// The message of a `covers` entry `written` that reads like a slip for
/// `meant`.
fn covers_slip(written: &str, meant: &str) -> String {
    format!(
        "`covers` names `{}`, which is no built-in area: a slip for `{meant}`?",
        escape(written)
    )
}

/// Takes back the `covers` slips (`Release` for `release`) that name a
/// custom area exactly as a decision right writes it: the cadence covers
/// what is decided, and the file that decides it may be another than the
/// cadence's, so this waits until every file is read.
pub(crate) fn settle_covers_slips(model: &crate::model::Model, found: &mut Vec<Diagnostic>) {
    let decided: std::collections::HashSet<&str> = model
        .decisions
        .iter()
        .filter_map(|d| match &d.area {
            DecisionArea::Custom(written) => Some(written.as_str()),
            _ => None,
        })
        .collect();
    if decided.is_empty() {
        return;
    }
    let mut taken_back: std::collections::HashSet<(&str, String)> =
        std::collections::HashSet::new();
    for c in &model.cadences {
        for covers in &c.covers {
            if let crate::model::Covers::Area(DecisionArea::Custom(written)) = covers
                && decided.contains(written.as_str())
                && let Some(meant) = meant_covers(written)
            {
                taken_back.insert((c.id.as_str(), covers_slip(written, &meant)));
            }
        }
    }
    if taken_back.is_empty() {
        return;
    }
    found.retain(|d| {
        !(d.check == INVALID_ENTITY
            && d.entity.kind == crate::model::EntityKind::Cadence
            && taken_back.contains(&(d.entity.id.as_str(), d.message.clone())))
    });
}

/// The word a cadence's `covers` entry was meant to be when it is written
/// close to one (`budget-allocaton`, `Budget Allocation`, `objective`), but
/// is none: a custom area that looks like a slip.
/// The built-in area a decision right's custom area `written` was most
/// likely meant to be (`budget_allocation`, `vendor-selecton`).
pub(crate) fn meant_area(written: &str) -> Option<String> {
    let known: Vec<String> = DecisionArea::BUILT_IN
        .iter()
        .map(ToString::to_string)
        .collect();
    let i = DecisionArea::meant(written, &known)?;
    known.into_iter().nth(i)
}

pub(crate) fn meant_covers(written: &str) -> Option<String> {
    let known: Vec<String> = ["objectives", "outcomes"]
        .into_iter()
        .map(str::to_owned)
        .chain(DecisionArea::BUILT_IN.iter().map(ToString::to_string))
        .collect();
    let i = DecisionArea::meant(written, &known)?;
    known.into_iter().nth(i)
}

fn words<T: strum::VariantNames>() -> Vec<&'static str> {
    T::VARIANTS.to_vec()
}

/// Whether `node` is a boolean, a number or a (TOML) date, which text
/// fields take as written but a key result's text does not.
fn is_bool_or_number(node: &Node) -> bool {
    matches!(
        node.value,
        Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::BigInt(_) | Value::Date(_)
    )
}

/// The text of a scalar: strings as they are, numbers and booleans as written.
fn scalar_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::BigInt(s) | Value::Date(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// An id: a string, or an integer (YAML reads `id: 2026` as a number).
fn scalar_id(node: &Node) -> Option<Id> {
    match &node.value {
        Value::Str(s) => Some(Id::new(s)),
        Value::Int(i) => Some(Id::format(format_args!("{i}"))),
        Value::BigInt(s) => Some(Id::new(s)),
        _ => None,
    }
}

/// Shows untrusted text in a message on one line, shortened.
pub(crate) fn escape(text: &str) -> String {
    let mut out: String = text.chars().take(80).flat_map(char::escape_debug).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

/// The number of a per cent written as text: `92%`, `" 4.5 %"`.
fn percent_value(text: &str) -> Option<f64> {
    let number = text.trim().strip_suffix('%')?.trim_end();
    number.parse::<f64>().ok().filter(|v| v.is_finite())
}
