//! Findings about catalog entities in the catalog's own words: a
//! Component's findings say "component", a Group's "group".

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::model::EntityKind;
use crate::source::Location;

/// What each entity read from a Backstage catalog is called there, so that
/// findings about it say "component `shop`" rather than "product `shop`".
/// Empty when no catalog was read. See [`Loaded::catalog_names`](super::super::Loaded::catalog_names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogNames {
    nouns: BTreeMap<(EntityKind, String), Words>,
    /// References, by the kind and id of the entity writing them and the
    /// catalog field, that name no entity of the catalog.
    unresolved: BTreeMap<(EntityKind, String, &'static str), Unresolved>,
    /// Where each entity's place in its hierarchy (its parent group, what it
    /// is part of) is written, and in which field.
    hierarchy: BTreeMap<(EntityKind, String), Hierarchy>,
}

/// The catalog field that puts an entity in its hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hierarchy {
    /// `parent`, `children` (another group's), `subcomponentOf`, `system`, ...
    field: &'static str,
    /// Where the entity's `metadata.name` is.
    entity_at: Location,
    /// Where the field (or the other group's `spec.children` entry) is.
    at: Location,
}

/// How the catalog names a reference that names none of its entities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unresolved {
    /// The reference in full: `group:redhat/one-platform-devs`.
    pub(crate) shown: String,
    /// The reference as written, when it has no kind (`dev-user` for
    /// `group:dev-user`).
    pub(crate) written: Option<String>,
    /// The kind it names, as findings say it: `group`, `system`, `API`.
    pub(crate) wanted: &'static str,
    /// What the catalog has by that name, in another namespace or of another kind.
    pub(crate) elsewhere: Option<String>,
}

/// What one entity and its fields are called in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Words {
    noun: &'static str,
    /// The field its `part_of` came from (`subcomponentOf`, `system`, ...).
    part_of: Option<&'static str>,
}

impl CatalogNames {
    /// Whether no catalog entity is named.
    pub fn is_empty(&self) -> bool {
        self.nouns.is_empty()
    }

    /// The catalog's word for an entity (`component`, `API`, `group`), if it
    /// came from a catalog.
    pub fn noun(&self, kind: EntityKind, id: &str) -> Option<&'static str> {
        self.nouns.get(&(kind, id.to_owned())).map(|w| w.noun)
    }

    pub(crate) fn insert(&mut self, kind: EntityKind, id: &str, noun: &'static str) {
        self.nouns.insert(
            (kind, id.to_owned()),
            Words {
                noun,
                part_of: None,
            },
        );
    }

    /// Records how the catalog names a reference of entity `id`, in
    /// `spec.{field}`, that names none of its entities.
    pub(crate) fn set_unresolved(
        &mut self,
        kind: EntityKind,
        id: String,
        field: &'static str,
        words: Unresolved,
    ) {
        self.unresolved.insert((kind, id, field), words);
    }

    /// Records the catalog field that places entity `id` (written at
    /// `entity_at`) in its hierarchy, written at `at`.
    pub(crate) fn set_hierarchy(
        &mut self,
        kind: EntityKind,
        id: &str,
        field: &'static str,
        entity_at: Location,
        at: Location,
    ) {
        self.hierarchy.insert(
            (kind, id.to_owned()),
            Hierarchy {
                field,
                entity_at,
                at,
            },
        );
    }

    /// Records the catalog field an entity's `part_of` came from.
    pub(crate) fn set_part_of(&mut self, kind: EntityKind, id: &str, field: &'static str) {
        if let Some(w) = self.nouns.get_mut(&(kind, id.to_owned())) {
            w.part_of = Some(field);
        }
    }

    /// Says "component `x`" for "product `x`" (and "group `x`" for "team
    /// `x`") in each finding about a catalog entity, once, where the
    /// message names the entity itself; and names the catalog's fields
    /// (`spec.owner`, `spec.system`) where it names opmodel's.
    pub fn reword(&self, diagnostics: &mut [Diagnostic]) {
        if self.nouns.is_empty() {
            return;
        }
        for d in diagnostics {
            let Some(words) = self.nouns.get(&(d.entity.kind, d.entity.id.to_string())) else {
                continue;
            };
            let noun = words.noun;
            let ours = match d.entity.kind {
                EntityKind::Team => "team",
                EntityKind::Product => "product",
                _ => continue,
            };
            let from = format!("{ours} `{}`", d.entity.id);
            if let Some(at) = d.message.find(&from) {
                let to = format!("{noun} `{}`", d.entity.id);
                d.message.replace_range(at..at + from.len(), &to);
            }
            if d.check == "unknown-reference" {
                self.reword_unresolved(d, noun, words.part_of);
            }
            if d.check == "hierarchy-cycle" {
                self.reword_cycle(d, noun);
                continue;
            }
            let part_of = format!("spec.{}", words.part_of.unwrap_or("system"));
            let fields = [
                ("owner", "spec.owner"),
                ("parent", "spec.parent"),
                ("part_of", part_of.as_str()),
                ("outcomes", "opmodel.dev/outcomes"),
            ];
            for (field, catalog) in fields {
                let ours = format!("in `{field}`");
                if let Some(at) = d.message.find(&ours) {
                    d.message
                        .replace_range(at..at + ours.len(), &format!("in `{catalog}`"));
                    break;
                }
            }
            if let Some(help) = &mut d.help {
                let mut reworded = catalog_help(&d.check, help).unwrap_or_else(|| help.to_string());
                if let Some(at) = reworded.find(&from) {
                    reworded
                        .replace_range(at..at + from.len(), &format!("{noun} `{}`", d.entity.id));
                }
                if reworded != **help {
                    *help = reworded.into();
                }
            }
            if let Some(focus) = &mut d.focus {
                for (field, catalog) in fields {
                    let label = format!("`{field}` names");
                    if let Some(rest) = focus.message.strip_prefix(&label) {
                        focus.message = format!("`{catalog}` names{rest}");
                        break;
                    }
                }
            }
        }
    }

    /// Tells a `hierarchy-cycle` finding about catalog entity `d.entity` with
    /// the catalog's fields (`spec.parent`, `spec.subdomainOf`), pointed at
    /// the field of each member that closes the loop.
    fn reword_cycle(&self, d: &mut Diagnostic, noun: &str) {
        let (ours, help) = match d.entity.kind {
            EntityKind::Team => (
                "team `parent` chain loops",
                "a group cannot sit inside itself: break the loop by changing one",
            ),
            EntityKind::Product => (
                "product `part_of` chain loops",
                "cannot be part of itself: break the loop by changing one",
            ),
            _ => return,
        };
        let Some(rest) = d.message.strip_prefix(ours) else {
            return;
        };
        let rest = rest.to_owned();
        let own = self
            .hierarchy
            .get(&(d.entity.kind, d.entity.id.to_string()));
        let members: Vec<&Hierarchy> = own
            .into_iter()
            .chain(
                d.related
                    .iter()
                    .filter_map(|r| self.hierarchy.get(&(r.kind, r.id.to_string()))),
            )
            .collect();
        let mut fields: Vec<String> = Vec::new();
        for m in &members {
            let field = format!("`spec.{}`", m.field);
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
        if fields.is_empty() {
            return;
        }
        d.message = format!("{noun} {} chain loops{rest}", fields.join("/"));
        let help = match d.entity.kind {
            EntityKind::Product => format!("{} {noun} {help}", crate::diagnostic::article(noun)),
            _ => help.to_owned(),
        };
        d.help = Some(format!("{help} {}", fields.join(" or ")).into());
        if let Some(own) = own {
            let label = match own.field {
                "children" => "listed in `spec.children` here".to_owned(),
                f => format!("`spec.{f}` closes the loop"),
            };
            d.focus = Some(crate::diagnostic::Label {
                location: own.at,
                message: label,
            });
        }
        for label in &mut d.labels {
            if let Some(m) = members.iter().find(|m| m.entity_at == label.location) {
                label.location = m.at;
            }
        }
    }

    /// Tells an `unknown-reference` finding about catalog entity `d.entity` with the
    /// reference as the catalog wrote it: its kind, its namespace, and what
    /// the catalog has by that name instead.
    fn reword_unresolved(&self, d: &mut Diagnostic, noun: &str, part_of: Option<&'static str>) {
        let (ours, field) = if d.message.contains("in `owner`") {
            ("owner", "owner")
        } else if d.message.contains("in `parent`") {
            ("parent", "parent")
        } else if d.message.contains("in `part_of`") {
            ("part_of", part_of.unwrap_or("system"))
        } else {
            return;
        };
        let Some(words) = self
            .unresolved
            .get(&(d.entity.kind, d.entity.id.to_string(), field))
        else {
            return;
        };
        let id = d.entity.id.to_string();
        let named = match &words.written {
            Some(written) => format!(
                "`{}` (read as `{}`)",
                crate::check::quote_text(written),
                words.shown
            ),
            None => format!("`{}`", words.shown),
        };
        d.message = format!(
            "{noun} `{id}` names {named} in `{ours}`, but the catalog has no such {}",
            words.wanted
        );
        let old = d.help.as_deref().unwrap_or_default().to_owned();
        let mut help = format!(
            "add the {} `{}` to the catalog, or correct the reference",
            words.wanted, words.shown
        );
        if let Some(elsewhere) = &words.elsewhere {
            help.push_str(&format!("; {elsewhere}"));
        } else if let Some(guess) = old.strip_prefix("did you mean ")
            && let Some((guess, _)) = guess.split_once('?')
        {
            help = format!("did you mean {guess}? Else {help}");
        }
        if old.contains("has no accountable owner") {
            help.push_str(&format!(
                "; until it names a group, {noun} `{id}` has no accountable owner (`orphaned-product` is not reported separately)"
            ));
        }
        d.help = Some(help.into());
        if let Some(focus) = &mut d.focus {
            focus.message = format!("`{ours}` names `{}`", words.shown);
        }
    }
}

/// The help of a finding about a catalog entity, told with the catalog's
/// fields (`spec.owner`, the `opmodel.dev/outcomes` annotation) where the
/// check's own help names opmodel's (`owns:`, `outcomes: [...]`), which a
/// catalog has no place for; `None` keeps the help as it is.
fn catalog_help(check: &str, help: &str) -> Option<String> {
    match check {
        "idle-team" if help.starts_with("name the products it works on") => Some(
            "make it the `spec.owner` of the components, systems or APIs it works on, or remove the group if it no longer exists".to_owned(),
        ),
        "unaligned-product" => {
            let shown = help
                .replace(
                    "add `outcomes: [...]` naming the outcomes the product serves",
                    "add the annotation `opmodel.dev/outcomes` naming the outcomes it serves",
                )
                .replace(
                    "define the outcomes its `outcomes` name, or name existing ones",
                    "define the outcomes its `opmodel.dev/outcomes` annotation names (in an opmodel YAML file beside the catalog, in its `outcomes:` section), or name existing ones",
                );
            (shown != help).then_some(shown)
        }
        // an outcome has no place in a catalog: "define an outcome with id `x`, or fix the id"
        "unknown-reference" if help.starts_with("define an outcome with id ") => {
            let rest = help.strip_prefix("define an outcome with id ")?;
            let (id, _) = rest.split_once(", or fix the id")?;
            Some(format!(
                "define the outcome {id} in an opmodel YAML file beside the catalog (its `outcomes:` section), or correct the annotation"
            ))
        }
        "unknown-reference" => {
            let shown = help
                .replace("define a team or `organization` with id", "add a group named")
                .replace("define a team with id", "add a group named")
                .replace("define a product with id", "add an entity named")
                .replace(", or fix the id", " to the catalog, or correct the reference")
                .replace("it names a team,", "it names a group,");
            (shown != help).then_some(shown)
        }
        "overloaded-team" if help.starts_with("hand some of its products") => Some(
            help.replacen(
                "hand some of its products to other teams, or make a product that is only an internal piece of another `kind: internal` and `part_of` it",
                "make other groups the `spec.owner` of some of them, or put closely related components and APIs into one system (`spec.system`) the group owns",
                1,
            )
            .replace("if this team can carry them", "if this group can carry them"),
        ),
        "missing-decision-right" if help.contains("{ area:") => Some(format!(
            "{help}; a catalog has no field for decision rights: write them in an opmodel YAML file beside it, in its `decisions:` section"
        )),
        "orphaned-product" if help.contains("`owns:`") => Some(
            "make a group its owner with `spec.owner: group:NAME`".to_owned(),
        ),
        _ => None,
    }
}
