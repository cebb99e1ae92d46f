//! Reading the documents of one Backstage file into [`Descriptor`]s: the
//! fields the mapping needs, with where each was written. Nothing here looks
//! at other files; [`super::lower`] does that.

use crate::diagnostic::Diagnostic;
use crate::load::node::{Node, Pos, Value};
use crate::load::{INVALID_ENTITY, INVALID_FILE, LoadOptions};
use crate::model::{EntityKind, EntityRef};
use crate::source::{FileId, Location};

use super::{Catalog, Descriptor, Field, Kind, Target};

/// The `apiVersion`s of the catalog's core kinds.
const API_VERSIONS: [&str; 2] = ["backstage.io/v1alpha1", "backstage.io/v1beta1"];

/// Whether a document looks like a Backstage descriptor: a table with an
/// `apiVersion` of a `backstage.io` group and a `kind`.
#[cfg(feature = "yaml")]
pub(crate) fn is_descriptor(doc: &Node) -> bool {
    let Some(api) = get(doc, "apiVersion").and_then(text) else {
        return false;
    };
    backstage_api(&api) && get(doc, "kind").and_then(text).is_some()
}

/// `backstage.io/…`, or a group below it (`scaffolder.backstage.io/…`,
/// which Templates use).
fn backstage_api(api: &str) -> bool {
    let group = api.split('/').next().unwrap_or_default();
    api.contains('/') && (group == "backstage.io" || group.ends_with(".backstage.io"))
}

/// Reads every document of one file, within the limits of `options`
/// (entities and problems per file, as for org files).
pub(crate) fn read(
    docs: &[Node],
    file: FileId,
    display: &str,
    options: &LoadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Catalog {
    let mut catalog = Catalog::default();
    let mut reader = Reader {
        file,
        display,
        diagnostics,
        anchor: None,
        kind: None,
        reported: 0,
        max_problems: options.max_problems_per_file,
    };
    for doc in docs {
        if catalog.entities.len() >= options.max_entities {
            let d = Diagnostic::new(
                INVALID_FILE,
                EntityRef::new(EntityKind::File, display),
                format!("the model has more than {} entities", options.max_entities),
            )
            .with_help("raise the limit with `LoadOptions::max_entities` (or `--max-entities`)")
            .at(Some(reader.at(doc.pos)));
            reader.diagnostics.push(d);
            break;
        }
        reader.document(doc, &mut catalog);
    }
    if reader.reported > reader.max_problems {
        let more = reader.reported - reader.max_problems;
        let d = crate::load::lower::unreported(file, display, more, options);
        reader.diagnostics.push(d);
    }
    catalog
}

struct Reader<'a> {
    file: FileId,
    display: &'a str,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// Where the current descriptor's `metadata.name` is: findings about
    /// it are placed there, with the field at fault as their focus.
    anchor: Option<Pos>,
    /// The kind of the descriptor being read, once it is known to be one.
    kind: Option<Kind>,
    /// Problems found so far, shown or not.
    reported: usize,
    /// Most problems shown.
    max_problems: usize,
}

impl Reader<'_> {
    fn at(&self, pos: Pos) -> Location {
        Location::point(self.file, pos.line, pos.column)
    }

    /// Where a value is written, from its start to its end.
    fn span(&self, node: &Node) -> Location {
        let at = self.at(node.pos);
        if node.end == Pos::UNKNOWN {
            at
        } else {
            at.to(node.end.line, node.end.column)
        }
    }

    fn problem(&mut self, entity: EntityRef, pos: Pos, message: String, help: &'static str) {
        self.problem_owned(entity, pos, message, help);
    }

    fn problem_owned(
        &mut self,
        entity: EntityRef,
        pos: Pos,
        message: String,
        help: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        let focus = self.at(pos);
        self.problem_in(entity, pos, focus, message, help);
    }

    /// A problem with the value `node`, underlined whole ("Custom MS SQL
    /// Docker", "[a, b]") rather than from where it starts.
    fn problem_with(
        &mut self,
        entity: EntityRef,
        node: &Node,
        message: String,
        help: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        let focus = self.span(node);
        self.problem_in(entity, node.pos, focus, message, help);
    }

    fn problem_in(
        &mut self,
        entity: EntityRef,
        pos: Pos,
        focus: Location,
        message: String,
        help: impl Into<std::borrow::Cow<'static, str>>,
    ) {
        self.reported += 1;
        if self.reported > self.max_problems {
            return;
        }
        let d = Diagnostic::new(INVALID_ENTITY, entity, message)
            .with_help(help)
            .at(Some(self.at(self.anchor.unwrap_or(pos))))
            .with_focus(Some(focus), "here");
        self.diagnostics.push(d);
    }

    fn document(&mut self, doc: &Node, catalog: &mut Catalog) {
        self.kind = None;
        // Documents without `kind` (an OpenAPI spec, say) are not descriptors.
        let Some(kind_node) = get(doc, "kind") else {
            return;
        };
        let Some(kind_text) = text(kind_node) else {
            return;
        };
        let api_node = get(doc, "apiVersion");
        let api = api_node.and_then(text).unwrap_or_default();
        let lower = kind_text.to_ascii_lowercase();
        let kind = Kind::parse(&lower);
        let is_location = lower == "location";
        if kind.is_none() && !is_location {
            // Template and custom kinds are not entities: no noise. A kind
            // one typo from one opmodel reads (`Componnet`) is a slip.
            const KINDS: [&str; 8] = [
                "group",
                "domain",
                "system",
                "component",
                "api",
                "resource",
                "user",
                "location",
            ];
            // Within one letter of the length too: `AiResource` is a custom
            // kind of its own, not a slip for `Resource`.
            if backstage_api(&api)
                && let Some(meant) = crate::diagnostic::did_you_mean(&lower, KINDS)
                && meant.len().abs_diff(lower.len()) <= 1
            {
                let shown = Kind::shown_of(meant, meant);
                self.problem(
                    EntityRef::new(EntityKind::File, self.display),
                    kind_node.pos,
                    format!(
                        "`kind: {}` is no catalog kind: the descriptor is skipped; did you mean `{shown}`?",
                        crate::check::quote_text(&kind_text)
                    ),
                    "correct the kind; Backstage would not read the descriptor either",
                );
            }
            return;
        }
        let metadata = get(doc, "metadata");
        let name_node = metadata.and_then(|m| get(m, "name"));
        let name = name_node.and_then(text).filter(|n| !n.trim().is_empty());
        self.anchor = name.as_ref().and(name_node).map(|n| n.pos);
        let shown_kind = Kind::shown_of(&lower, &kind_text);
        if !API_VERSIONS.contains(&api.as_str()) {
            if name.is_none() && !backstage_api(&api) {
                // Not a descriptor: another tool's document with a `kind`.
                return;
            }
            let entity = entity_of(kind, name.as_deref(), self.display);
            let pos = api_node.map_or(kind_node.pos, |n| n.pos);
            // Another tool's document (a Konflux `Component`, an OpenShift
            // `Group`) kept beside the descriptors: not an entity, as when it
            // is first in its file; modelled, it would be a team or product
            // with findings of its own. Said once, since Backstage refuses it too.
            if api_node.is_some() && !backstage_api(&api) {
                self.problem(
                    entity,
                    pos,
                    format!(
                        "`apiVersion: {}` is not a catalog version: the document is another tool's, and is skipped",
                        crate::check::quote_text(&api)
                    ),
                    "move it to a file of its own, or write `apiVersion: backstage.io/v1alpha1` if it is a catalog entity",
                );
                return;
            }
            let message = if api_node.is_none() {
                format!("{shown_kind} descriptor has no `apiVersion`")
            } else {
                format!(
                    "`apiVersion: {}` is not a catalog version: a {shown_kind} is `backstage.io/v1alpha1`",
                    crate::check::quote_text(&api)
                )
            };
            self.problem(
                entity,
                pos,
                message,
                "write `apiVersion: backstage.io/v1alpha1`; the entity is still read",
            );
        }
        // Backstage's schemas take each kind as written in its docs
        // (`Component`, `API`): `kind: component` is refused there. Read
        // all the same, as a descriptor without `apiVersion` is.
        if kind.is_some() || is_location {
            let written = kind_text.trim();
            if written != shown_kind {
                let entity = entity_of(kind, name.as_deref(), self.display);
                self.problem_owned(
                    entity,
                    kind_node.pos,
                    format!(
                        "`kind: {}` is not written as Backstage writes it: Backstage refuses the entity; write `{shown_kind}`",
                        crate::check::quote_text(written)
                    ),
                    format!("write `kind: {shown_kind}` (the kind is case-sensitive); the entity is still read"),
                );
            }
        }
        let Some(name) = name else {
            // The `metadata:` line (or `kind:`, when there is none).
            let pos = name_node
                .map(|n| n.pos)
                .or_else(|| key_pos(doc, "metadata"))
                .unwrap_or(kind_node.pos);
            self.problem(
                EntityRef::new(EntityKind::File, self.display),
                pos,
                format!("{shown_kind} descriptor has no `metadata.name`: it is skipped"),
                "give the entity a `metadata.name`",
            );
            return;
        };
        // A template's skeleton (`name: ${{ values.name }}`, or the older
        // `{{ values.name }}`, `{{cookiecutter.name}}`, `{% ... %}`): filled
        // in when the template runs, no entity yet. Skipped as Templates
        // are; no name Backstage accepts holds a brace, and no reference
        // either, so a literal name beside `owner: ${{ values.owner }}` is
        // a skeleton too, not an entity with an unknown owner.
        if has_placeholder(&name) || references_hold_placeholders(get(doc, "spec")) {
            return;
        }
        if !is_backstage_name(&name) && !is_location {
            let entity = EntityRef::new(
                kind.map_or(EntityKind::File, Kind::entity_kind),
                super::ids::base_id("default", &name).as_str(),
            );
            self.problem_with(
                entity,
                name_node.unwrap_or(kind_node),
                format!(
                    "`metadata.name: {}` is not a name Backstage accepts (letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, at most 63 characters); it is read as the id `{}`",
                    crate::check::quote_text(&name),
                    super::ids::base_id("default", &name)
                ),
                refused_name_help(&name),
            );
        }
        let name_span = name_node.map_or_else(|| self.at(kind_node.pos), |n| self.span(n));
        let namespace = metadata
            .and_then(|m| get(m, "namespace"))
            .and_then(text)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| "default".to_owned());
        let spec = get(doc, "spec");
        if is_location {
            self.location(spec, &namespace, catalog);
            return;
        }
        let Some(kind) = kind else { return };
        let entity = EntityRef::new(
            kind.entity_kind(),
            super::ids::base_id(&namespace, &name).as_str(),
        );
        self.kind = Some(kind);
        let field = |this: &mut Self, key: &str| this.reference(spec, key, &entity);
        let owner = field(self, "owner");
        let system = field(self, "system");
        let domain = field(self, "domain");
        let subcomponent_of = field(self, "subcomponentOf");
        let subdomain_of = field(self, "subdomainOf");
        let parent = field(self, "parent");
        let children = self.references(spec, "children", &entity);
        let members = self.references(spec, "members", &entity);
        let member_of = self.references(spec, "memberOf", &entity);
        let annotations = metadata.and_then(|m| get(m, "annotations"));
        self.slips(spec, annotations, &entity);
        for (prefix, map) in [
            ("", Some(doc)),
            ("metadata.", metadata),
            ("metadata.annotations.", annotations),
            ("spec.", spec),
        ] {
            self.keys_twice(prefix, map, &entity);
        }
        let annotation = |key: &str| -> Vec<String> {
            annotations
                .and_then(|a| get(a, key))
                .and_then(text)
                .map(|t| {
                    t.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let title = metadata.and_then(|m| get(m, "title"));
        let description = metadata.and_then(|m| get(m, "description"));
        let spec_type = spec.and_then(|s| get(s, "type"));
        let display_name = spec
            .and_then(|s| get(s, "profile"))
            .and_then(|p| get(p, "displayName"));
        for (field, node) in [
            ("metadata.title", title),
            ("metadata.description", description),
            ("spec.type", spec_type),
            ("spec.profile.displayName", display_name),
        ] {
            if let Some(node) = node {
                self.substitution(field, node, kind, &entity);
            }
        }
        catalog.entities.push(Descriptor {
            kind,
            namespace,
            name,
            location: name_span,
            title: title.and_then(text),
            description: description.and_then(text),
            spec_type: spec_type.and_then(text),
            display_name: display_name
                .and_then(text)
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            owner,
            system,
            domain,
            subcomponent_of,
            subdomain_of,
            parent,
            children,
            members,
            member_of,
            outcomes: annotation("opmodel.dev/outcomes"),
            outcomes_at: annotations
                .and_then(|a| get(a, "opmodel.dev/outcomes"))
                .map(|n| self.span(n)),
            allow: annotation("opmodel.dev/allow"),
        });
    }

    /// Keys written twice in one mapping: Backstage refuses such an entity,
    /// and opmodel reads the first, so the second is reported.
    fn keys_twice(&mut self, prefix: &str, map: Option<&Node>, entity: &EntityRef) {
        let Some(Value::Map(entries)) = map.map(|m| &m.value) else {
            return;
        };
        let mut seen = std::collections::BTreeSet::new();
        for (key, _) in entries {
            let name = key.name.as_str();
            if !seen.insert(name) {
                self.problem_owned(
                    entity.clone(),
                    key.pos,
                    format!(
                        "`{prefix}{}` is written twice; the first is read, and Backstage refuses the entity",
                        crate::check::quote_text(name)
                    ),
                    "remove one of the two",
                );
            }
        }
    }

    /// Fields written in a way nothing reads: a `spec` key that differs
    /// from one opmodel reads only in case (`subComponentOf`; Backstage's
    /// keys are case-sensitive, so Backstage ignores it too), and an
    /// `opmodel.dev/` annotation opmodel does not know (`opmodel.dev/outcome`).
    fn slips(&mut self, spec: Option<&Node>, annotations: Option<&Node>, entity: &EntityRef) {
        const READ: [&str; 9] = REFERENCE_FIELDS;
        const ANNOTATIONS: [&str; 2] = ["opmodel.dev/outcomes", "opmodel.dev/allow"];
        if let Some(Value::Map(entries)) = spec.map(|s| &s.value) {
            for (key, _) in entries {
                let name = key.name.as_str();
                if let Some(meant) = READ
                    .iter()
                    .find(|r| **r != name && r.eq_ignore_ascii_case(name))
                {
                    self.problem(
                        entity.clone(),
                        key.pos,
                        format!(
                            "`spec.{}` is read by nothing: Backstage's keys are case-sensitive; did you mean `spec.{meant}`?",
                            crate::check::quote_text(name)
                        ),
                        "correct the key's case",
                    );
                }
            }
        }
        if let Some(Value::Map(entries)) = annotations.map(|a| &a.value) {
            for (key, _) in entries {
                let name = key.name.as_str();
                if name.starts_with("opmodel.dev/") && !ANNOTATIONS.contains(&name) {
                    let help = match crate::diagnostic::did_you_mean(name, ANNOTATIONS) {
                        Some(meant) => format!("did you mean `{meant}`?"),
                        None => "opmodel reads `opmodel.dev/outcomes` and `opmodel.dev/allow`"
                            .to_owned(),
                    };
                    self.problem_owned(
                        entity.clone(),
                        key.pos,
                        format!(
                            "the annotation `{}` is not one opmodel reads",
                            crate::check::quote_text(name)
                        ),
                        help,
                    );
                }
            }
        }
    }

    fn location(&mut self, spec: Option<&Node>, _namespace: &str, catalog: &mut Catalog) {
        let Some(spec) = spec else { return };
        // Backstage's `presence` is `required` (the default) or `optional`.
        let optional = get(spec, "presence")
            .and_then(text)
            .is_some_and(|p| p.trim() == "optional");
        let mut push = |node: &Node| {
            if let Some(t) = text(node).filter(|t| !t.trim().is_empty()) {
                catalog.targets.push(Target {
                    text: t.trim().to_owned(),
                    location: self.span(node),
                    optional,
                });
            }
        };
        if let Some(target) = get(spec, "target") {
            push(target);
        }
        if let Some(targets) = get(spec, "targets") {
            match &targets.value {
                Value::Seq(items) => items.iter().for_each(&mut push),
                _ => push(targets),
            }
        }
    }

    /// Notes a `$text`, `$json` or `$yaml` substitution in `field`:
    /// Backstage fills it in from another file (or a URL) when it reads the
    /// entity, and opmodel fetches nothing, so the field is left empty
    /// here. Returns whether `node` is one.
    fn substitution(&mut self, field: &str, node: &Node, kind: Kind, entity: &EntityRef) -> bool {
        let Some((how, from)) = substitution(node) else {
            return false;
        };
        let what = match field {
            "spec.owner" => format!("the {} has no owner here", kind.noun()),
            "spec.type" => format!("the {}'s type is not known here", kind.noun()),
            "spec.profile.displayName" => format!("the {} has no display name here", kind.noun()),
            f if f.starts_with("spec.") => format!("opmodel does not see what `{f}` names"),
            _ => format!("the {} has no {} here", kind.noun(), field_noun(field)),
        };
        self.reported += 1;
        if self.reported > self.max_problems {
            return true;
        }
        let mut d = Diagnostic::new(
            INVALID_ENTITY,
            entity.clone(),
            format!(
                "`{field}` is `{how}: {}`, a substitution Backstage fills in when it reads the entity; opmodel reads no other file, so {what}",
                crate::check::quote_text(&from)
            ),
        )
        .with_help(
            "nothing to do for Backstage; write the value in place of the substitution if opmodel should see it",
        )
        .at(Some(self.at(self.anchor.unwrap_or(node.pos))))
        .with_focus(Some(self.span(node)), format!("`{how}` substitution"));
        d.severity = crate::diagnostic::Severity::Note;
        self.diagnostics.push(d);
        true
    }

    /// A field holding one entity reference.
    fn reference(&mut self, spec: Option<&Node>, key: &str, entity: &EntityRef) -> Option<Field> {
        let node = spec.and_then(|s| get(s, key))?;
        if let Some(kind) = self.kind
            && self.substitution(&format!("spec.{key}"), node, kind, entity)
        {
            return None;
        }
        match &node.value {
            Value::Null => None,
            _ => match text(node) {
                Some(t) if !t.trim().is_empty() => Some(Field {
                    text: t.trim().to_owned(),
                    location: self.span(node),
                }),
                _ => {
                    self.problem_with(
                        entity.clone(),
                        node,
                        format!(
                            "`spec.{key}` must be an entity reference like `{}`, not {}",
                            example_reference(key),
                            if text(node).is_some() {
                                "empty"
                            } else {
                                node.type_name()
                            }
                        ),
                        "write one reference as a string",
                    );
                    None
                }
            },
        }
    }

    /// A field holding a list of entity references (one string is taken as
    /// a list of one).
    fn references(&mut self, spec: Option<&Node>, key: &str, entity: &EntityRef) -> Vec<Field> {
        let Some(node) = spec.and_then(|s| get(s, key)) else {
            return Vec::new();
        };
        let items: &[Node] = match &node.value {
            Value::Null => return Vec::new(),
            Value::Seq(items) => items,
            _ => std::slice::from_ref(node),
        };
        let mut out = Vec::new();
        for item in items {
            if let Some(kind) = self.kind
                && self.substitution(&format!("spec.{key}"), item, kind, entity)
            {
                continue;
            }
            match text(item) {
                Some(t) if !t.trim().is_empty() => out.push(Field {
                    text: t.trim().to_owned(),
                    location: self.span(item),
                }),
                _ => self.problem_with(
                    entity.clone(),
                    item,
                    format!(
                        "`spec.{key}` lists {}, which is not an entity reference",
                        if text(item).is_some() {
                            "an empty string"
                        } else {
                            item.type_name()
                        }
                    ),
                    "list references as strings, like `group:team-a`",
                ),
            }
        }
        out
    }
}

/// A `$text`, `$json` or `$yaml` substitution (`{$text: ./README.md}`):
/// which, and what it names.
fn substitution(node: &Node) -> Option<(&'static str, String)> {
    let Value::Map(entries) = &node.value else {
        return None;
    };
    let [(key, value)] = entries.as_slice() else {
        return None;
    };
    let how = match key.name.as_str() {
        "$text" => "$text",
        "$json" => "$json",
        "$yaml" => "$yaml",
        _ => return None,
    };
    Some((how, text(value).unwrap_or_default()))
}

/// What a `metadata` or profile field holds, in words.
fn field_noun(field: &str) -> &'static str {
    match field {
        "metadata.title" => "title",
        "metadata.description" => "description",
        _ => "value",
    }
}

/// The `spec` fields that hold entity references.
const REFERENCE_FIELDS: [&str; 9] = [
    "owner",
    "system",
    "domain",
    "subcomponentOf",
    "subdomainOf",
    "parent",
    "children",
    "members",
    "memberOf",
];

/// Whether `text` holds a template placeholder: `${{ … }}`, `{{ … }}` or
/// `{% … %}`, as Backstage's scaffolder, Nunjucks, Jinja and cookiecutter
/// write them.
pub(crate) fn has_placeholder(text: &str) -> bool {
    let closed = |open: &str, close: &str| {
        text.find(open).is_some_and(|at| {
            text.get(at + open.len()..)
                .is_some_and(|rest| rest.contains(close))
        })
    };
    closed("{{", "}}") || closed("{%", "%}")
}

/// Whether a reference field of `spec` holds a template placeholder.
fn references_hold_placeholders(spec: Option<&Node>) -> bool {
    let Some(spec) = spec else { return false };
    REFERENCE_FIELDS
        .iter()
        .filter_map(|key| get(spec, key))
        .any(|node| match &node.value {
            Value::Seq(items) => items.iter().filter_map(text).any(|t| has_placeholder(&t)),
            _ => text(node).is_some_and(|t| has_placeholder(&t)),
        })
}

/// The entity a finding about a descriptor is about, before ids are final.
fn entity_of(kind: Option<Kind>, name: Option<&str>, display: &str) -> EntityRef {
    match (kind, name) {
        (Some(kind), Some(name)) => EntityRef::new(
            kind.entity_kind(),
            super::ids::base_id("default", name).as_str(),
        ),
        _ => EntityRef::new(EntityKind::File, display),
    }
}

/// The value of the first `key` in a table.
pub(crate) fn get<'a>(node: &'a Node, key: &str) -> Option<&'a Node> {
    match &node.value {
        Value::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
        _ => None,
    }
}

/// Where `key` is written in a table.
fn key_pos(node: &Node, key: &str) -> Option<Pos> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k.pos),
        _ => None,
    }
}

/// A scalar as text (`name: 2024` is the name "2024").
pub(crate) fn text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(i) => Some(i.to_string()),
        Value::BigInt(s) | Value::Date(s) => Some(s.clone()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Null | Value::Seq(_) | Value::Map(_) => None,
    }
}

/// Whether Backstage itself accepts `name` as a `metadata.name`: 1 to 63
/// characters, ASCII letters, digits, `-`, `_` and `.`, starting and
/// ending with a letter or digit (`web--shop` is one).
/// A reference of the kind `spec.{key}` names by default, for messages.
fn example_reference(key: &str) -> &'static str {
    match key {
        "system" => "system:payments",
        "domain" | "subdomainOf" => "domain:retail",
        "subcomponentOf" => "component:checkout",
        _ => "group:team-a",
    }
}

/// A rule of Backstage's for `metadata.name` that a name breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameRule {
    /// Letters, digits, `-`, `_` and `.` only.
    Characters,
    /// Starting and ending with a letter or digit.
    Ends,
    /// At most 63 characters.
    Length,
}

/// The first rule `name` breaks, checked in that order; `None` when Backstage
/// accepts it.
fn broken_name_rule(name: &str) -> Option<NameRule> {
    let bytes = name.as_bytes();
    let ends = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if !bytes
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        Some(NameRule::Characters)
    } else if !ends(bytes.first()) || !ends(bytes.last()) {
        Some(NameRule::Ends)
    } else if bytes.len() > 63 {
        Some(NameRule::Length)
    } else {
        None
    }
}

/// What to do about a `metadata.name` Backstage refuses, for the rule it breaks.
fn refused_name_help(name: &str) -> std::borrow::Cow<'static, str> {
    match broken_name_rule(name) {
        Some(NameRule::Length) => format!(
            "shorten the name to at most 63 characters (it has {}), and put the full name in `metadata.title`",
            name.len()
        )
        .into(),
        Some(NameRule::Ends) => "start and end the name with a letter or digit".into(),
        _ => "rename the entity with letters, digits, `-`, `_` and `.` only, and put the display name in `metadata.title` (or a group's `spec.profile.displayName`)".into(),
    }
}

fn is_backstage_name(name: &str) -> bool {
    broken_name_rule(name).is_none()
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    fn value(yaml: &str) -> Node {
        let docs = crate::load::yaml::parse_documents(yaml, &LoadOptions::default().parse_limits())
            .unwrap_or_default();
        docs.into_iter()
            .next()
            .and_then(|d| get(&d, "v").cloned())
            .unwrap_or_else(|| panic!("no `v` in {yaml}"))
    }

    #[test]
    fn substitutions_are_one_key_of_three() {
        assert_eq!(
            substitution(&value("v:\n  $text: ./README.md\n")),
            Some(("$text", "./README.md".to_owned()))
        );
        assert_eq!(
            substitution(&value("v: {$json: ./x.json}\n")).map(|s| s.0),
            Some("$json")
        );
        assert_eq!(
            substitution(&value("v: {$yaml: ./t.yaml}\n")).map(|s| s.0),
            Some("$yaml")
        );
        // Not one: another key, two keys, a string.
        assert_eq!(substitution(&value("v: {$ref: ./x}\n")), None);
        assert_eq!(substitution(&value("v: {$text: a, b: c}\n")), None);
        assert_eq!(substitution(&value("v: \"$text: ./x\"\n")), None);
    }
}
