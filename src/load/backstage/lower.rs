//! Lowering every file's descriptors together into teams and products.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, article};
use crate::load::INVALID_ENTITY;
use crate::model::{
    EntityKind, EntityRef, Member, Model, ORGANIZATION, Product, ProductKind, Ref, Team, TeamKind,
};
use crate::source::Location;

use super::ids::{base_id, key, parse_ref};
use super::{Descriptor, Field, Kind};

/// Kind, namespace and name, lowercased.
type Key = (String, String, String);

/// The check an entity defined twice is reported under.
const DUPLICATE_ID: &str = "duplicate-id";

/// The check a reference to nothing in the catalog is reported under.
const UNKNOWN_REFERENCE: &str = "unknown-reference";

/// The check a product owned by a person is reported under.
const ORPHANED_PRODUCT: &str = "orphaned-product";

/// `spec.type`s that make a group a unit.
const UNIT_TYPES: [&str; 4] = ["business-unit", "department", "organization", "division"];

/// A reference with its default kind and namespace filled in.
struct Resolved {
    kind: String,
    namespace: String,
    name: String,
    /// The id of the entity it names, or the id it would have.
    id: String,
}

impl Resolved {
    fn key(&self) -> Key {
        key(&self.kind, &self.namespace, &self.name)
    }

    /// `kind:name`, or `kind:namespace/name` outside `default`.
    fn shown(&self) -> String {
        if self.namespace.eq_ignore_ascii_case("default") {
            format!("{}:{}", self.kind, self.name)
        } else {
            format!("{}:{}/{}", self.kind, self.namespace, self.name)
        }
    }
}

/// An entity's name as its messages show it: as written in `default`,
/// else its id (`redhat.mdeshmuk`), as every other finding about it says:
/// `user:default/x` and `user:other/x` would both be "user `x`".
fn named(namespace: &str, name: &str, id: &str) -> String {
    if namespace.eq_ignore_ascii_case("default") {
        name.to_owned()
    } else {
        id.to_owned()
    }
}

struct Lowering<'a> {
    ids: BTreeMap<Key, String>,
    /// The ids of entities the model keeps a reference to (an owner, a
    /// parent, a `part_of`) that the catalog does not have: given in turn
    /// with the catalog's own, so a missing Group `x` keeps the id `x` and a
    /// Domain `x` beside it gets `x.domain`, as if the group were there.
    missing: BTreeMap<Key, String>,
    /// Every id an entity was given, of whatever kind.
    taken: BTreeSet<String>,
    /// The keys of `ids` by name, for what the catalog has by a name a
    /// reference gets wrong.
    by_name: BTreeMap<String, Vec<Key>>,
    diagnostics: &'a mut Vec<Diagnostic>,
    /// Products, the catalog field their `part_of` came from, where the
    /// product and the field are written.
    part_of_fields: Vec<(String, &'static str, Location, Location)>,
    /// References that name no entity of the catalog, told in its words.
    unresolved: Vec<(EntityKind, String, &'static str, super::words::Unresolved)>,
}

impl Lowering<'_> {
    fn resolve(&self, field: &Field, default: Kind, namespace: &str) -> Resolved {
        let r = parse_ref(&field.text);
        let kind = r.kind.unwrap_or_else(|| default.word().to_owned());
        let namespace = r.namespace.unwrap_or(namespace).to_owned();
        let name = r.name.to_owned();
        // The id an entity that is not there would have; when another kind
        // already has it ("system: g" where only a Component `g` exists), the
        // suffix keeps the reference from landing on that other entity.
        let k = key(&kind, &namespace, &name);
        let id = self
            .ids
            .get(&k)
            .or_else(|| self.missing.get(&k))
            .cloned()
            .unwrap_or_else(|| {
                let id = base_id(&namespace, &name);
                if self.taken.contains(&id) {
                    // still at most 128 characters, as `assign_ids` keeps them
                    let room = 128usize.saturating_sub(1 + kind.len());
                    let kept: String = id.chars().take(room).collect();
                    format!("{kept}.{kind}")
                } else {
                    id
                }
            });
        Resolved {
            kind,
            namespace,
            name,
            id,
        }
    }

    /// Resolves `field` when it names one of `allowed`; reports it otherwise.
    fn resolve_as(
        &mut self,
        field: &Field,
        default: Kind,
        allowed: &[Kind],
        d: &Descriptor,
        entity: &EntityRef,
        key_name: &str,
    ) -> Option<Resolved> {
        let r = self.resolve(field, default, &d.namespace);
        // "owner: john@example.com": no entity is named like an email address
        // (other names Backstage refuses are read as the id they clean to, as
        // `metadata.name` is)
        let unnamed = if r.name.is_empty() {
            Some((
                "which names no entity",
                "write a reference like `group:team-a` or `team-a`",
            ))
        } else if r.name.contains('@') {
            Some((
                "an email address, not an entity reference",
                "name the entity by its `metadata.name`, like `group:team-a` or `team-a`",
            ))
        } else {
            None
        };
        if let Some((what, help)) = unnamed {
            self.problem(
                entity,
                d.location,
                field.location,
                format!(
                    "`spec.{key_name}` is `{}`, {what}",
                    crate::check::quote_text(&field.text)
                ),
                help,
            );
            return None;
        }
        if allowed.iter().any(|k| k.word() == r.kind) {
            return Some(r);
        }
        // The kinds the field takes, as a Backstage user knows them: an
        // owner is a group or a user; a `spec.system` names a system (opmodel
        // takes any product kind there, as Backstage does, but that is no
        // advice).
        let named: &[Kind] = if allowed.len() > 2 {
            std::slice::from_ref(&default)
        } else {
            allowed
        };
        let wanted: Vec<String> = named
            .iter()
            .map(|k| format!("{} {}", article(k.noun()), k.noun()))
            .collect();
        let what = match Kind::parse(&r.kind) {
            Some(k) => format!("{} {}", article(k.noun()), k.noun()),
            None => format!(
                "whose kind `{}` is not a catalog kind",
                crate::check::quote_text(&r.kind)
            ),
        };
        self.problem(
            entity,
            d.location,
            field.location,
            format!(
                "`spec.{key_name}` names `{}`, {what}; it must name {}",
                crate::check::quote_text(&field.text),
                wanted.join(" or ")
            ),
            "correct the kind in the reference, or leave the kind out",
        );
        None
    }

    /// Keeps, for the `unknown-reference` finding the graph will make, how
    /// the catalog names `r` (named in `spec.{field}` of entity `id`) when
    /// no entity of the catalog is `r`.
    fn note_if_unresolved(
        &mut self,
        kind: EntityKind,
        id: &str,
        from: &Descriptor,
        field: &'static str,
        r: &Resolved,
        written: &Field,
    ) {
        if self.ids.contains_key(&r.key()) {
            return;
        }
        // Written without a kind, the reference is read with the field's:
        // the finding says so rather than claim the file wrote it.
        let written = (!written.text.contains(':')).then(|| written.text.clone());
        let wanted = Kind::parse(&r.kind).map_or("entity", |k| k.noun());
        self.unresolved.push((
            kind,
            id.to_owned(),
            field,
            super::words::Unresolved {
                shown: r.shown(),
                written,
                wanted,
                elsewhere: self.elsewhere(
                    r,
                    &key(from.kind.word(), &from.namespace, &from.name),
                    field,
                ),
            },
        ));
    }

    /// What the catalog does have by `r`'s name, other than `from` (the
    /// entity naming it): the same kind in another namespace, or another kind.
    fn elsewhere(&self, r: &Resolved, from: &Key, field: &str) -> Option<String> {
        let (kind, namespace, name) = r.key();
        let (k, ns, _) = self
            .by_name
            .get(&name)?
            .iter()
            .filter(|&other| other != from)
            .filter(|(k, ns, n)| *n == name && (*k != kind || *ns != namespace))
            .min_by_key(|(k, ns, _)| (*k != kind, ns.clone(), k.clone()))?;
        let noun = Kind::parse(k).map_or("entity", |k| k.noun());
        Some(if *k == kind {
            format!(
                "{} {noun} `{name}` is in namespace `{ns}`: write `{k}:{ns}/{name}`",
                article(noun)
            )
        } else {
            let wanted = Kind::parse(&kind).map_or("entity", |k| k.noun());
            format!(
                "the catalog has {} {noun} `{name}`, but `spec.{field}` names {} {wanted}",
                article(noun),
                article(wanted)
            )
        })
    }

    /// Reports `r`, named in `spec.{key_name}` of `d`, as naming no entity of
    /// the catalog: the model has no field that could keep such a
    /// reference for the graph to report (a group's children, a user's
    /// groups, a group's users), so it is reported here, as the graph
    /// reports one it keeps.
    fn unknown(
        &mut self,
        entity: &EntityRef,
        d: &Descriptor,
        field: &Field,
        key_name: &str,
        r: &Resolved,
    ) {
        let noun = Kind::parse(&r.kind).map_or("entity", |k| k.noun());
        let shown = crate::check::quote_text(&field.text);
        // The namespace a bare name is read in is the referrer's: say which,
        // when it is not `default` and the text does not.
        let read_as = if r.namespace.eq_ignore_ascii_case("default") || field.text.contains('/') {
            String::new()
        } else {
            format!(" (read as `{}`)", crate::check::quote_text(&r.shown()))
        };
        let mut help = format!(
            "add the {noun} `{}` to the catalog, or correct the reference",
            crate::check::quote_text(&r.shown())
        );
        let from = key(d.kind.word(), &d.namespace, &d.name);
        if let Some(elsewhere) = self.elsewhere(r, &from, key_name) {
            help = format!("{elsewhere}; or {help}");
        }
        self.diagnostics.push(
            Diagnostic::new(
                UNKNOWN_REFERENCE,
                entity.clone(),
                format!(
                    "{} `{}` names `{shown}`{read_as} in `spec.{key_name}`, but the catalog has no such {noun}",
                    d.kind.noun(),
                    crate::check::quote_text(&named(&d.namespace, &d.name, &entity.id)),
                ),
            )
            .with_help(help)
            .at(Some(d.location))
            .with_focus(Some(field.location), format!("`spec.{key_name}` names `{shown}`")),
        );
    }

    fn problem(
        &mut self,
        entity: &EntityRef,
        at: Location,
        focus: Location,
        message: String,
        help: &'static str,
    ) {
        self.diagnostics.push(
            Diagnostic::new(INVALID_ENTITY, entity.clone(), message)
                .with_help(help)
                .at(Some(at))
                .with_focus(Some(focus), "here"),
        );
    }
}

fn reference(r: &Resolved, field: &Field) -> Ref {
    Ref::at(r.id.as_str(), Some(field.location))
}

/// Maps every descriptor read into `model`'s teams and products.
pub(crate) fn lower(
    entities: Vec<Descriptor>,
    model: &mut Model,
    diagnostics: &mut Vec<Diagnostic>,
    names: &mut super::CatalogNames,
) {
    if entities.is_empty() {
        return;
    }
    let (users, entities): (Vec<Descriptor>, Vec<Descriptor>) =
        entities.into_iter().partition(|d| d.kind == Kind::User);
    let (ids, missing) = assign_ids(&entities);
    let mut cx = Lowering {
        ids: BTreeMap::new(),
        missing,
        taken: ids.iter().cloned().collect(),
        by_name: BTreeMap::new(),
        diagnostics,
        part_of_fields: Vec::new(),
        unresolved: Vec::new(),
    };
    for (d, id) in entities.iter().zip(&ids) {
        names.insert(d.kind.entity_kind(), id, d.kind.noun());
        cx.ids
            .entry(key(d.kind.word(), &d.namespace, &d.name))
            .or_insert_with(|| id.clone());
    }
    for k in cx.ids.keys() {
        cx.by_name.entry(k.2.clone()).or_default().push(k.clone());
    }
    // Users too, so that a reference naming a user where a group is wanted
    // says so ("the catalog has a user `jdoe`").
    for u in &users {
        let k = key("user", &u.namespace, &u.name);
        let named = cx.by_name.entry(k.2.clone()).or_default();
        if !named.contains(&k) {
            named.push(k);
        }
    }

    // Users: their display names and the groups they say they are in.
    let mut user_names: BTreeMap<Key, String> = BTreeMap::new();
    let mut members_by_group: BTreeMap<Key, BTreeMap<Key, String>> = BTreeMap::new();
    // Where each user is first defined: a second definition is a
    // `duplicate-id`, as for the kinds that become entities, and the first
    // one counts.
    let mut first_place: BTreeMap<Key, Location> = BTreeMap::new();
    for u in &users {
        let ukey = key("user", &u.namespace, &u.name);
        if let Some(first) = first_place.get(&ukey) {
            let id = base_id(&u.namespace, &u.name);
            let message = format!(
                "user `{}` is defined twice, first at {}:{}",
                crate::check::quote_text(&named(&u.namespace, &u.name, &id)),
                model.sources.display(first.file),
                first.line
            );
            cx.diagnostics.push(
                Diagnostic::new(DUPLICATE_ID, EntityRef::new(EntityKind::Person, id.as_str()), message)
                    .with_help("a user is defined once in a catalog: remove one of the two, or give them different names")
                    .at(Some(u.location))
                    .with_label(Some(*first), "first defined here"),
            );
            continue;
        }
        first_place.insert(ukey.clone(), u.location);
        let shown = u.display_name.clone().unwrap_or_else(|| u.name.clone());
        user_names
            .entry(ukey.clone())
            .or_insert_with(|| shown.clone());
        // A user is no team: what is wrong with one is about the person.
        let entity = EntityRef::new(EntityKind::Person, base_id(&u.namespace, &u.name).as_str());
        for f in &u.member_of {
            if let Some(g) = cx.resolve_as(f, Kind::Group, &[Kind::Group], u, &entity, "memberOf") {
                if !cx.ids.contains_key(&g.key()) {
                    cx.unknown(&entity, u, f, "memberOf", &g);
                    continue;
                }
                members_by_group
                    .entry(g.key())
                    .or_default()
                    .entry(ukey.clone())
                    .or_insert_with(|| shown.clone());
            }
        }
    }

    // Groups: which have children, and who lists whom as a child.
    let groups: Vec<(usize, &Descriptor)> = entities
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == Kind::Group)
        .collect();
    let mut named_as_parent: BTreeSet<Key> = BTreeSet::new();
    // Who lists each group in `spec.children`: the lister's id, and where.
    let mut listed_by: BTreeMap<Key, BTreeMap<String, Location>> = BTreeMap::new();
    let mut parents: BTreeMap<usize, Option<(Resolved, Field)>> = BTreeMap::new();
    let mut children: BTreeMap<usize, usize> = BTreeMap::new();
    for &(i, g) in &groups {
        let entity = EntityRef::new(EntityKind::Team, ids[i].as_str());
        let parent = g.parent.as_ref().and_then(|f| {
            cx.resolve_as(f, Kind::Group, &[Kind::Group], g, &entity, "parent")
                .map(|r| (r, f.clone()))
        });
        if let Some((r, f)) = &parent {
            named_as_parent.insert(r.key());
            cx.note_if_unresolved(EntityKind::Team, &ids[i], g, "parent", r, f);
        }
        parents.insert(i, parent);
        let mut count = 0;
        for f in &g.children {
            if let Some(r) = cx.resolve_as(f, Kind::Group, &[Kind::Group], g, &entity, "children") {
                // A child the catalog lacks is still a child: the group is a
                // unit by its own word.
                count += 1;
                if !cx.ids.contains_key(&r.key()) {
                    cx.unknown(&entity, g, f, "children", &r);
                    continue;
                }
                listed_by
                    .entry(r.key())
                    .or_default()
                    .entry(ids[i].clone())
                    .or_insert(f.location);
            }
        }
        children.insert(i, count);
    }

    let mut teams: Vec<Team> = Vec::new();
    let mut products = Vec::new();
    // Each group's first team in `teams`, and the users it has as members.
    let mut members_of: BTreeMap<Key, (usize, BTreeSet<Key>)> = BTreeMap::new();
    // Groups whose parents were compared (a group defined twice, once).
    let mut parent_checked: BTreeSet<Key> = BTreeSet::new();
    for (i, d) in entities.iter().enumerate() {
        let id = ids[i].as_str();
        let own_key = key(d.kind.word(), &d.namespace, &d.name);
        if d.kind == Kind::Group {
            let entity = EntityRef::new(EntityKind::Team, id);
            let has_children =
                children.get(&i).copied().unwrap_or(0) > 0 || named_as_parent.contains(&own_key);
            let unit_type = d
                .spec_type
                .as_deref()
                .is_some_and(|t| UNIT_TYPES.iter().any(|u| t.trim().eq_ignore_ascii_case(u)));
            let kind = if has_children || unit_type {
                TeamKind::Unit
            } else {
                TeamKind::StreamAligned
            };
            let mut team = Team::new(id).kind(kind);
            team.location = Some(d.location);
            team.name = d.display_name.as_deref().map(Into::into);
            team.description = d.description.as_deref().map(Into::into).map(Box::new);
            team.allow = d.allow.clone().into();
            let listers = listed_by.get(&own_key);
            let parent = parents.remove(&i).flatten();
            if parent_checked.insert(own_key.clone()) {
                two_parents(&mut cx, d, &entity, parent.as_ref(), listers);
            }
            team.parent = match parent {
                Some((r, f)) => {
                    names.set_hierarchy(EntityKind::Team, id, "parent", d.location, f.location);
                    Some(reference(&r, &f))
                }
                None => Some(match listers.and_then(|s| s.first_key_value()) {
                    Some((p, at)) => {
                        names.set_hierarchy(EntityKind::Team, id, "children", d.location, *at);
                        Ref::new(p.as_str())
                    }
                    None => Ref::new(ORGANIZATION),
                }),
            };
            // Members: those the group lists, then those who name it, each
            // once. A group defined twice (a `duplicate-id`) is one group:
            // its first definition holds the members of both, so that none
            // is counted twice.
            let mut listed: Vec<(Key, String)> = Vec::new();
            for f in &d.members {
                if let Some(r) = cx.resolve_as(f, Kind::User, &[Kind::User], d, &entity, "members")
                {
                    let ukey = r.key();
                    // A name the catalog has no User for is no member: it
                    // neither staffs the team nor is written by `import`.
                    let Some(name) = user_names.get(&ukey).cloned() else {
                        cx.unknown(&entity, d, f, "members", &r);
                        continue;
                    };
                    listed.push((ukey, name));
                }
            }
            if let Some(named) = members_by_group.get(&own_key) {
                listed.extend(named.iter().map(|(k, n)| (k.clone(), n.clone())));
            }
            let (holder, seen) = members_of
                .entry(own_key)
                .or_insert_with(|| (teams.len(), BTreeSet::new()));
            for (ukey, name) in listed {
                if seen.insert(ukey) {
                    let member = Member {
                        name: name.into(),
                        role: None,
                        person: None,
                    };
                    match teams.get_mut(*holder) {
                        Some(first) => first.members.push(member),
                        None => team.members.push(member),
                    }
                }
            }
            teams.push(team);
            continue;
        }
        products.push(product(&mut cx, d, id, &user_names, &members_by_group));
    }
    for (id, field, entity_at, at) in &cx.part_of_fields {
        names.set_part_of(EntityKind::Product, id, field);
        names.set_hierarchy(EntityKind::Product, id, field, *entity_at, *at);
    }
    for (kind, id, field, words) in cx.unresolved {
        names.set_unresolved(kind, id, field, words);
    }
    model.teams.extend(teams);
    model.products.extend(products);
}

fn product(
    cx: &mut Lowering<'_>,
    d: &Descriptor,
    id: &str,
    user_names: &BTreeMap<Key, String>,
    members_by_group: &BTreeMap<Key, BTreeMap<Key, String>>,
) -> Product {
    let entity = EntityRef::new(EntityKind::Product, id);
    let mut p = Product::new(id);
    p.location = Some(d.location);
    p.name = d.title.as_deref().map(Into::into);
    p.description = d.description.as_deref().map(Into::into).map(Box::new);
    p.allow = d.allow.clone().into();
    let website = d.kind == Kind::Component
        && d.spec_type
            .as_deref()
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("website"));
    p.kind = Some(if website {
        ProductKind::CustomerFacing
    } else {
        ProductKind::Internal
    });
    if let Some(f) = &d.owner {
        let allowed = [Kind::Group, Kind::User];
        if let Some(r) = cx.resolve_as(f, Kind::Group, &allowed, d, &entity, "owner") {
            // `owner: jdoe` is `group:jdoe`, as in Backstage, even when the
            // catalog has a user `jdoe` and no such group: it is an unknown
            // reference (whose help names the user), not that person.
            if r.kind == "group" {
                cx.note_if_unresolved(EntityKind::Product, id, d, "owner", &r, f);
                p.owner.push(reference(&r, f));
            } else {
                // A person the catalog does not have is a reference to
                // nothing, as a missing user in `spec.members` is; the
                // product is owned by a person either way.
                if !user_names.contains_key(&r.key()) {
                    cx.unknown(&entity, d, f, "owner", &r);
                }
                cx.diagnostics
                    .push(owned_by_person(d, id, &r, f, user_names, members_by_group));
            }
        }
    }
    // The first of the fields the spec lists for the kind that is written.
    let part_of: Vec<(&Option<Field>, Kind, &str)> = match d.kind {
        Kind::Component => vec![
            (&d.subcomponent_of, Kind::Component, "subcomponentOf"),
            (&d.system, Kind::System, "system"),
        ],
        Kind::Api | Kind::Resource => vec![(&d.system, Kind::System, "system")],
        Kind::System => vec![(&d.domain, Kind::Domain, "domain")],
        Kind::Domain => vec![(&d.subdomain_of, Kind::Domain, "subdomainOf")],
        Kind::Group | Kind::User => Vec::new(),
    };
    // A component's `spec.system`, passed over for its `subcomponentOf`,
    // is still a link Backstage draws: one that names nothing is reported.
    if let (Kind::Component, Some(_), Some(f)) = (d.kind, &d.subcomponent_of, &d.system)
        && let Some(r) = cx.resolve_as(f, Kind::System, &PRODUCT_KINDS, d, &entity, "system")
        && !cx.ids.contains_key(&r.key())
    {
        cx.unknown(&entity, d, f, "system", &r);
    }
    if let Some((Some(f), default, name)) = part_of.into_iter().find(|(f, _, _)| f.is_some()) {
        cx.part_of_fields
            .push((id.to_owned(), name, d.location, f.location));
        p.part_of = cx
            .resolve_as(f, default, &PRODUCT_KINDS, d, &entity, name)
            .map(|r| {
                cx.note_if_unresolved(EntityKind::Product, id, d, name, &r, f);
                Box::new(reference(&r, f))
            });
    }
    p.outcomes = d
        .outcomes
        .iter()
        .map(|o| Ref::at(o.as_str(), Some(d.outcomes_at.unwrap_or(d.location))))
        .collect();
    p
}

/// Reports a group given two parents: a `spec.parent` that another
/// group's `spec.children` contradicts, or (without one) the `spec.children`
/// of two groups. Backstage gives a group one parent; opmodel reads
/// `spec.parent`, else the first lister by id.
fn two_parents(
    cx: &mut Lowering<'_>,
    d: &Descriptor,
    entity: &EntityRef,
    parent: Option<&(Resolved, Field)>,
    listers: Option<&BTreeMap<String, Location>>,
) {
    let Some(listers) = listers else { return };
    let shown = crate::check::quote_text(&named(&d.namespace, &d.name, &entity.id));
    let others: Vec<(&String, &Location)> = listers
        .iter()
        .filter(|(lister, _)| parent.is_none_or(|(r, _)| r.id != **lister))
        .collect();
    let list = |of: &[(&String, &Location)]| {
        let names: Vec<String> = of.iter().map(|(l, _)| format!("`{l}`")).collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    };
    let (message, focus) = match parent {
        Some((_, f)) if !others.is_empty() => (
            format!(
                "group `{shown}` has `spec.parent: {}`, but {} {} it in `spec.children`: a group has one parent, and its `spec.parent` is read",
                crate::check::quote_text(&f.text),
                list(&others),
                if others.len() == 1 { "lists" } else { "list" },
            ),
            Some((
                f.location,
                format!(
                    "`spec.parent` names `{}`",
                    crate::check::quote_text(&f.text)
                ),
            )),
        ),
        None if others.len() > 1 => (
            format!(
                "group `{shown}` is listed in the `spec.children` of {}: a group has one parent, and it is placed under `{}`",
                list(&others),
                others[0].0
            ),
            None,
        ),
        _ => return,
    };
    let mut diagnostic = Diagnostic::new(INVALID_ENTITY, entity.clone(), message)
        .with_help(
            "Backstage gives a group at most one parent: list it in the `spec.children` of one group only, and make its `spec.parent` (if any) name that group",
        )
        .at(Some(d.location));
    if let Some((at, label)) = focus {
        diagnostic = diagnostic.with_focus(Some(at), label);
    }
    for (lister, at) in &others {
        diagnostic.push_label(
            Some(**at),
            format!("`{lister}` lists it in `spec.children`"),
        );
        diagnostic.push_related(EntityRef::new(EntityKind::Team, lister.as_str()));
    }
    cx.diagnostics.push(diagnostic);
}

/// "component `x` is owned by `user:frank`, a person".
fn owned_by_person(
    d: &Descriptor,
    id: &str,
    r: &Resolved,
    f: &Field,
    user_names: &BTreeMap<Key, String>,
    members_by_group: &BTreeMap<Key, BTreeMap<Key, String>>,
) -> Diagnostic {
    let ukey = r.key();
    let mut groups: Vec<&str> = members_by_group
        .iter()
        .filter(|(_, users)| users.contains_key(&ukey))
        .map(|(g, _)| g.2.as_str())
        .collect();
    groups.sort_unstable();
    let mut help = String::from(
        "make a group the owner (`spec.owner: group:NAME`): ownership belongs to a team, not one person",
    );
    if !groups.is_empty() {
        let who = user_names
            .get(&ukey)
            .map_or(r.name.as_str(), String::as_str);
        let list: Vec<String> = groups.iter().map(|g| format!("`group:{g}`")).collect();
        help.push_str(&format!("; {who} is in {}", list.join(", ")));
    }
    Diagnostic::new(
        ORPHANED_PRODUCT,
        EntityRef::new(EntityKind::Product, id),
        format!(
            "{} `{id}` is owned by `{}`, a person: ownership belongs to a group",
            d.kind.noun(),
            crate::check::quote_text(&r.shown())
        ),
    )
    .with_help(help)
    .at(Some(d.location))
    .with_focus(Some(f.location), "owned by a person")
}

/// One entity an id is given to: a descriptor, or an entity the model
/// refers to that the catalog lacks (no location).
struct Claim<'a> {
    kind: Kind,
    namespace: &'a str,
    name: &'a str,
    location: Option<Location>,
}

/// The kinds a product's part-of reference may name.
const PRODUCT_KINDS: [Kind; 5] = [
    Kind::Domain,
    Kind::System,
    Kind::Component,
    Kind::Api,
    Kind::Resource,
];

/// The references the model keeps (a group's `spec.parent`, a product's
/// group owner and its `part_of` field), as kind, namespace and name.
fn kept_references(d: &Descriptor) -> Vec<(Kind, &str, &str)> {
    let mut fields: Vec<(&Field, Kind, &[Kind])> = Vec::new();
    let groups: &[Kind] = &[Kind::Group];
    match d.kind {
        Kind::Group => fields.extend(d.parent.as_ref().map(|f| (f, Kind::Group, groups))),
        Kind::User => {}
        _ => {
            fields.extend(d.owner.as_ref().map(|f| (f, Kind::Group, groups)));
            let part_of = match d.kind {
                Kind::Component => [
                    (&d.subcomponent_of, Kind::Component),
                    (&d.system, Kind::System),
                ]
                .into_iter()
                .find_map(|(f, k)| f.as_ref().map(|f| (f, k))),
                Kind::Api | Kind::Resource => d.system.as_ref().map(|f| (f, Kind::System)),
                Kind::System => d.domain.as_ref().map(|f| (f, Kind::Domain)),
                _ => d.subdomain_of.as_ref().map(|f| (f, Kind::Domain)),
            };
            fields.extend(part_of.map(|(f, k)| (f, k, &PRODUCT_KINDS[..])));
        }
    }
    fields
        .into_iter()
        .filter_map(|(f, default, allowed)| {
            let r = parse_ref(&f.text);
            let kind = match &r.kind {
                Some(k) => Kind::parse(k)?,
                None => default,
            };
            let unnamed = r.name.is_empty() || r.name.contains('@');
            (allowed.contains(&kind) && !unnamed)
                .then(|| (kind, r.namespace.unwrap_or(d.namespace.as_str()), r.name))
        })
        .collect()
}

/// The id of each entity, in order, and of each entity the model refers to
/// that the catalog lacks (by key): the base id, with `.<kind>` appended
/// when an entity earlier in the order Group, Domain, System, Component,
/// API, Resource (then by name) has that id already, or when it is
/// `organization`, the org's own id.
fn assign_ids(entities: &[Descriptor]) -> (Vec<String>, BTreeMap<Key, String>) {
    let mut claims: Vec<Claim<'_>> = entities
        .iter()
        .map(|d| Claim {
            kind: d.kind,
            namespace: &d.namespace,
            name: &d.name,
            location: Some(d.location),
        })
        .collect();
    let present: BTreeSet<Key> = entities
        .iter()
        .map(|d| key(d.kind.word(), &d.namespace, &d.name))
        .collect();
    let mut wanted: BTreeSet<Key> = BTreeSet::new();
    for d in entities {
        for (kind, namespace, name) in kept_references(d) {
            let k = key(kind.word(), namespace, name);
            if !present.contains(&k) && wanted.insert(k) {
                claims.push(Claim {
                    kind,
                    namespace,
                    name,
                    location: None,
                });
            }
        }
    }
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_cached_key(|&i| {
        let d = &claims[i];
        (
            d.kind,
            d.name.to_lowercase(),
            d.namespace.to_lowercase(),
            d.location,
        )
    });
    let mut ids = vec![String::new(); claims.len()];
    let mut by_key: BTreeMap<Key, String> = BTreeMap::new();
    let mut claimed: BTreeMap<String, Key> = BTreeMap::new();
    for i in order {
        let d = &claims[i];
        let k = key(d.kind.word(), d.namespace, d.name);
        if let Some(id) = by_key.get(&k) {
            ids[i].clone_from(id);
            continue;
        }
        let base = base_id(d.namespace, d.name);
        // A group named `organization` cannot take the id of the org itself.
        let reserved = base == crate::model::ORGANIZATION;
        let id = match claimed.get(&base) {
            _ if reserved => format!("{base}.{}", d.kind.word()),
            Some(other) if *other != k => {
                // Still at most 128 characters with the kind appended.
                let word = d.kind.word();
                let room = 128 - 1 - word.len();
                let kept: String = base.chars().take(room).collect();
                format!("{kept}.{word}")
            }
            _ => base,
        };
        claimed.entry(id.clone()).or_insert_with(|| k.clone());
        by_key.insert(k, id.clone());
        ids[i] = id;
    }
    let missing = claims[entities.len()..]
        .iter()
        .zip(&ids[entities.len()..])
        .map(|(c, id)| (key(c.kind.word(), c.namespace, c.name), id.clone()))
        .collect();
    ids.truncate(entities.len());
    (ids, missing)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn descriptor(kind: Kind, name: &str, line: u32) -> Descriptor {
        Descriptor {
            kind,
            namespace: "default".to_owned(),
            name: name.to_owned(),
            location: Location::point(FileId::at(0), line, 1),
            title: None,
            description: None,
            spec_type: None,
            display_name: None,
            owner: None,
            system: None,
            domain: None,
            subcomponent_of: None,
            subdomain_of: None,
            parent: None,
            children: Vec::new(),
            members: Vec::new(),
            member_of: Vec::new(),
            outcomes: Vec::new(),
            outcomes_at: None,
            allow: Vec::new(),
        }
    }

    fn field(text: &str) -> Option<Field> {
        Some(Field {
            text: text.to_owned(),
            location: Location::point(FileId::at(0), 1, 1),
        })
    }

    #[test]
    fn a_missing_owner_takes_its_id_before_a_later_kind() {
        let mut domain = descriptor(Kind::Domain, "marketing", 1);
        domain.owner = field("marketing");
        let (ids, missing) = assign_ids(&[domain]);
        assert_eq!(ids, ["marketing.domain"]);
        assert_eq!(
            missing
                .get(&key("group", "default", "marketing"))
                .map(String::as_str),
            Some("marketing")
        );
    }

    #[test]
    fn references_that_are_no_entity_claim_no_id() {
        // An owner that is a user, an email address, a kind the field does
        // not take, and a `part_of` to an entity that is there.
        let mut a = descriptor(Kind::Component, "a", 1);
        a.owner = field("user:a");
        a.system = field("b");
        let mut b = descriptor(Kind::System, "b", 2);
        b.owner = field("b@example.com");
        b.domain = field("component:a");
        let (ids, missing) = assign_ids(&[a, b]);
        assert_eq!(ids, ["a", "b"]);
        assert!(missing.is_empty(), "{missing:?}");
    }
}
