//! Backstage catalogs read as they are (spec/backstage.md): which files,
//! each mapping rule, references, ids and their collisions, Location
//! following, bad input, hostile descriptors, and the round trip through
//! `opmodel import backstage`.
#![cfg(feature = "yaml")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use opmodel::diagnostic::Severity;
use opmodel::load::{Format, LoadOptions, Loaded, load_paths, load_str};
use opmodel::model::{EntityKind, Product, ProductKind, Team, TeamKind};
use opmodel::{Diagnostic, Linter, Report};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn load(text: &str) -> Loaded {
    load_str(text, Format::Backstage, "catalog-info.yaml")
}

fn check(text: &str) -> Report {
    Linter::new().check(&load(text))
}

/// One descriptor: `kind`, `name`, and the lines of its `spec` (indented by
/// the caller's two spaces).
fn entity(kind: &str, name: &str, spec: &str) -> String {
    let mut out = format!(
        "---\napiVersion: backstage.io/v1alpha1\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n"
    );
    if spec.is_empty() {
        out.push_str("  {}\n");
    }
    for line in spec.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn team<'a>(loaded: &'a Loaded, id: &str) -> &'a Team {
    loaded
        .model
        .teams
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("no team `{id}` in {:#?}", loaded.model.teams))
}

fn product<'a>(loaded: &'a Loaded, id: &str) -> &'a Product {
    loaded
        .model
        .products
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no product `{id}` in {:#?}", loaded.model.products))
}

fn ids(loaded: &Loaded) -> Vec<String> {
    let mut out: Vec<String> = loaded
        .model
        .teams
        .iter()
        .map(|t| format!("team {}", t.id))
        .chain(
            loaded
                .model
                .products
                .iter()
                .map(|p| format!("product {}", p.id)),
        )
        .collect();
    out.sort();
    out
}

fn findings<'a>(report: &'a Report, check: &str) -> Vec<&'a Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.check == check)
        .collect()
}

fn parent(t: &Team) -> &str {
    t.parent.as_ref().map_or("", |p| p.id.as_str())
}

fn members(t: &Team) -> Vec<&str> {
    t.members.iter().map(|m| m.name.as_ref()).collect()
}

// ---- which files -----------------------------------------------------------

#[test]
fn yaml_with_a_backstage_first_document_is_read_as_a_catalog() {
    let text = entity("Group", "team-a", "type: team\nchildren: []");
    let loaded = load_str(&text, Format::Yaml, "catalog-info.yaml");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(ids(&loaded), ["team team-a"]);
}

#[test]
fn an_org_file_that_mentions_backstage_is_still_an_org_file() {
    let text = "teams:\n  - id: portal\n    description: runs backstage.io/v1alpha1 for us\n";
    let loaded = load_str(text, Format::Yaml, "org.yaml");
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(ids(&loaded), ["team portal"]);
}

#[test]
fn documents_without_kind_or_of_other_tools_are_skipped_silently() {
    let mut text = entity("Component", "shop", "type: service\nowner: team-a");
    // An OpenAPI document, a Kubernetes manifest, an empty document.
    text.push_str("---\nopenapi: 3.0.0\ninfo:\n  title: Shop\n");
    text.push_str("---\napiVersion: apps/v1\nkind: Deployment\nspec: {}\n");
    text.push_str("---\n---\n");
    text.push_str(&entity("Group", "team-a", "type: team\nchildren: []"));
    let loaded = load(&text);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(ids(&loaded), ["product shop", "team team-a"]);
}

#[test]
fn templates_locations_and_other_kinds_are_not_entities() {
    let mut text = entity("Group", "team-a", "children: []");
    text.push_str(
        "---\napiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: new-service\nspec:\n  owner: team-a\n",
    );
    text.push_str(&entity("Location", "more", "targets: []"));
    text.push_str(&entity("Gadget", "custom-kind", "owner: team-a"));
    let loaded = load(&text);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    assert_eq!(ids(&loaded), ["team team-a"]);
}

#[test]
fn kinds_are_case_insensitive() {
    let mut text = entity("group", "team-a", "");
    text.push_str(&entity("COMPONENT", "shop", "owner: Group:Team-A"));
    let loaded = load(&text);
    assert_eq!(ids(&loaded), ["product shop", "team team-a"]);
    assert_eq!(product(&loaded, "shop").owner[0].id, "team-a");
}

// ---- groups ----------------------------------------------------------------

#[test]
fn a_group_is_a_unit_when_it_has_children_or_a_unit_type() {
    let mut text = entity("Group", "listing", "type: team\nchildren: [child]");
    text.push_str(&entity("Group", "child", "type: team\nchildren: []"));
    text.push_str(&entity("Group", "named-parent", "type: team\nchildren: []"));
    text.push_str(&entity(
        "Group",
        "kid",
        "type: team\nparent: named-parent\nchildren: []",
    ));
    for t in ["business-unit", "department", "organization", "Division"] {
        text.push_str(&entity(
            "Group",
            &format!("by-{}", t.to_lowercase()),
            &format!("type: {t}"),
        ));
    }
    text.push_str(&entity("Group", "squad", "type: squad\nchildren: []"));
    text.push_str(&entity("Group", "untyped", ""));
    let loaded = load(&text);
    for unit in [
        "listing",
        "named-parent",
        "by-business-unit",
        "by-department",
        "by-organization",
        "by-division",
    ] {
        assert_eq!(team(&loaded, unit).kind, TeamKind::Unit, "{unit}");
    }
    for team_id in ["child", "kid", "squad", "untyped"] {
        assert_eq!(
            team(&loaded, team_id).kind,
            TeamKind::StreamAligned,
            "{team_id}"
        );
    }
}

#[test]
fn a_group_with_children_the_catalog_lacks_is_still_a_unit() {
    // A sub-department's own catalog file, its teams kept elsewhere.
    let text = entity(
        "Group",
        "backstage",
        "type: sub-department\nchildren: [team-a, team-b]",
    );
    let loaded = load(&text);
    assert_eq!(team(&loaded, "backstage").kind, TeamKind::Unit);
    let report = Linter::new().check(&loaded);
    assert!(findings(&report, "idle-team").is_empty(), "{report:#?}");
    assert_eq!(findings(&report, "unknown-reference").len(), 2);
    // No children at all: a team like any other.
    let loaded = load(&entity(
        "Group",
        "backstage",
        "type: sub-department\nchildren: []",
    ));
    assert_eq!(team(&loaded, "backstage").kind, TeamKind::StreamAligned);
}

#[test]
fn a_group_defined_twice_counts_each_member_once() {
    let group = entity(
        "Group",
        "phoenix",
        "type: team\nchildren: []\nmembers: [a, b, c, d, e]",
    );
    let mut text = [group.clone(), group].concat();
    for user in ["a", "b", "c", "d", "e", "f"] {
        text.push_str(&entity("User", user, "memberOf: [phoenix]"));
    }
    let loaded = load(&text);
    let held: Vec<usize> = loaded
        .model
        .teams
        .iter()
        .filter(|t| t.id == "phoenix")
        .map(|t| t.members.len())
        .collect();
    // The first definition holds the six, the second none.
    assert_eq!(held, [6, 0]);
    let report = Linter::new().check(&loaded);
    assert_eq!(findings(&report, "duplicate-id").len(), 1);
    assert!(findings(&report, "team-size").is_empty(), "{report:#?}");
    // Members the second definition alone lists still join the group.
    let text = [
        entity("Group", "phoenix", "members: [a]"),
        entity("Group", "phoenix", "members: [b]"),
        entity("User", "a", ""),
        entity("User", "b", ""),
    ]
    .concat();
    let loaded = load(&text);
    assert_eq!(members(team(&loaded, "phoenix")), ["a", "b"]);
}

#[test]
fn a_groups_parent_is_spec_parent_then_the_group_listing_it_then_the_organization() {
    let mut text = entity("Group", "top", "children: [listed, both]");
    text.push_str(&entity("Group", "other", "children: []"));
    text.push_str(&entity("Group", "listed", "children: []"));
    text.push_str(&entity("Group", "both", "parent: other\nchildren: []"));
    let loaded = load(&text);
    assert_eq!(parent(team(&loaded, "top")), "organization");
    assert_eq!(parent(team(&loaded, "listed")), "top");
    assert_eq!(parent(team(&loaded, "both")), "other");
}

#[test]
fn a_groups_name_is_its_display_name() {
    let text = entity(
        "Group",
        "team-a",
        "profile:\n  displayName: Team A\n  email: a@x.example",
    );
    assert_eq!(team(&load(&text), "team-a").name.as_deref(), Some("Team A"));
    let text = entity("Group", "team-b", "");
    assert_eq!(team(&load(&text), "team-b").name, None);
}

#[test]
fn members_come_from_both_sides_once_with_display_names_and_no_role() {
    let mut text = entity("Group", "team-a", "members: [ana, user:default/bo, ghost]");
    text.push_str(&entity(
        "User",
        "ana",
        "profile:\n  displayName: Ana Lima\nmemberOf: [team-a]",
    ));
    text.push_str(&entity("User", "bo", "memberOf: []"));
    text.push_str(&entity("User", "cy", "memberOf: [group:team-a, other]"));
    text.push_str(&entity("Group", "other", ""));
    let loaded = load(&text);
    let a = team(&loaded, "team-a");
    // `ghost` names no User: an unknown reference, and no member.
    assert_eq!(members(a), ["Ana Lima", "bo", "cy"]);
    assert!(a.members.iter().all(|m| m.role.is_none()));
    assert_eq!(members(team(&loaded, "other")), ["cy"]);
    // Users are members, not entities.
    assert_eq!(ids(&loaded), ["team other", "team team-a"]);
}

// ---- products --------------------------------------------------------------

#[test]
fn catalog_kinds_become_products_with_title_kind_and_owner() {
    let mut text = entity("Group", "team-a", "");
    for kind in ["Domain", "System", "Component", "API", "Resource"] {
        text.push_str(&entity(
            kind,
            &format!("a-{}", kind.to_lowercase()),
            "owner: team-a\ntype: website",
        ));
    }
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: site\n  title: The Site\nspec:\n  type: Website\n  owner: group:team-a\n");
    let loaded = load(&text);
    for id in [
        "a-domain",
        "a-system",
        "a-component",
        "a-api",
        "a-resource",
        "site",
    ] {
        assert_eq!(product(&loaded, id).owner[0].id, "team-a", "{id}");
    }
    // Only a Component of type website is customer-facing.
    assert_eq!(
        product(&loaded, "a-component").kind,
        Some(ProductKind::CustomerFacing)
    );
    assert_eq!(
        product(&loaded, "site").kind,
        Some(ProductKind::CustomerFacing)
    );
    for id in ["a-domain", "a-system", "a-api", "a-resource"] {
        assert_eq!(
            product(&loaded, id).kind,
            Some(ProductKind::Internal),
            "{id}"
        );
    }
    assert_eq!(product(&loaded, "site").name.as_deref(), Some("The Site"));
    assert_eq!(product(&loaded, "a-api").name, None);
    assert!(
        check(&text)
            .diagnostics
            .iter()
            .all(|d| d.check != "orphaned-product")
    );
}

#[test]
fn part_of_follows_the_fields_in_the_specs_order() {
    let mut text = entity("Group", "g", "");
    text.push_str(&entity("Domain", "parent-domain", "owner: g"));
    text.push_str(&entity(
        "Domain",
        "sub-domain",
        "owner: g\nsubdomainOf: parent-domain",
    ));
    text.push_str(&entity("System", "sys", "owner: g\ndomain: sub-domain"));
    text.push_str(&entity("Component", "whole", "owner: g\nsystem: sys"));
    text.push_str(&entity(
        "Component",
        "part",
        "owner: g\nsystem: sys\nsubcomponentOf: whole",
    ));
    text.push_str(&entity(
        "API",
        "api",
        "owner: g\nsystem: system:default/sys",
    ));
    text.push_str(&entity("Resource", "db", "owner: g\nsystem: sys"));
    let loaded = load(&text);
    let part_of = |id: &str| {
        product(&loaded, id)
            .part_of
            .as_ref()
            .map(|r| r.id.to_string())
    };
    assert_eq!(part_of("parent-domain"), None);
    assert_eq!(part_of("sub-domain").as_deref(), Some("parent-domain"));
    assert_eq!(part_of("sys").as_deref(), Some("sub-domain"));
    assert_eq!(part_of("whole").as_deref(), Some("sys"));
    assert_eq!(part_of("part").as_deref(), Some("whole"));
    assert_eq!(part_of("api").as_deref(), Some("sys"));
    assert_eq!(part_of("db").as_deref(), Some("sys"));
    assert!(
        check(&text)
            .diagnostics
            .iter()
            .all(|d| d.check != "unknown-reference")
    );
}

#[test]
fn a_product_owned_by_a_person_is_reported_in_the_catalogs_words() {
    let mut text = entity("Group", "dock-crew", "");
    text.push_str(&entity(
        "User",
        "mira",
        "profile:\n  displayName: Mira K\nmemberOf: [dock-crew]",
    ));
    text.push_str(&entity(
        "Component",
        "unlock",
        "type: service\nowner: user:mira",
    ));
    let loaded = load(&text);
    assert!(product(&loaded, "unlock").owner.is_empty());
    let report = Linter::new().check(&loaded);
    let found = findings(&report, "orphaned-product");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!(
        d.message,
        "component `unlock` is owned by `user:mira`, a person: ownership belongs to a group"
    );
    assert_eq!(d.entity.kind, EntityKind::Product);
    assert!(
        d.help
            .as_deref()
            .is_some_and(|h| h.contains("`group:dock-crew`")),
        "{:?}",
        d.help
    );
    // At the name, with the owner line as its focus.
    let l = d.location.expect("located");
    assert_eq!(l.line, 21);
    let focus = d.focus.as_ref().expect("focus");
    assert_eq!(focus.location.line, 24);
    assert_eq!(d.severity, Severity::Error);
}

#[test]
fn a_product_with_no_owner_is_orphaned_as_usual() {
    let text = entity("System", "lonely", "");
    let report = check(&text);
    let found = findings(&report, "orphaned-product");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].entity.id, "lonely");
}

#[test]
fn annotations_carry_outcomes_and_allow() {
    let text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shop\n  annotations:\n    backstage.io/techdocs-ref: dir:.\n    opmodel.dev/outcomes: \"more-orders, repeat-buyers\"\n    opmodel.dev/allow: orphaned-product,unaligned-product\nspec:\n  type: service\n";
    let loaded = load(text);
    let p = product(&loaded, "shop");
    let outcomes: Vec<&str> = p.outcomes.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(outcomes, ["more-orders", "repeat-buyers"]);
    assert_eq!(p.allow, ["orphaned-product", "unaligned-product"]);
    let report = Linter::new().check(&loaded);
    assert!(findings(&report, "orphaned-product").is_empty());
    assert_eq!(findings(&report, "unknown-reference").len(), 2);
}

// ---- references and ids ----------------------------------------------------

#[test]
fn references_in_every_form_with_the_referrers_namespace_as_default() {
    let mut text = String::new();
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n  namespace: ops\nspec: {}\n");
    text.push_str(&entity("Group", "team-a", ""));
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: in-ops\n  namespace: ops\nspec:\n  owner: team-a\n");
    text.push_str(&entity("Component", "plain", "owner: team-a"));
    text.push_str(&entity("Component", "kinded", "owner: group:team-a"));
    text.push_str(&entity("Component", "full", "owner: group:ops/team-a"));
    text.push_str(&entity("Component", "ns-only", "owner: ops/team-a"));
    text.push_str(&entity(
        "Component",
        "shouty",
        "owner: Group:Default/Team-A",
    ));
    let loaded = load(&text);
    let owner = |id: &str| product(&loaded, id).owner[0].id.to_string();
    assert_eq!(owner("ops.in-ops"), "ops.team-a");
    assert_eq!(owner("plain"), "team-a");
    assert_eq!(owner("kinded"), "team-a");
    assert_eq!(owner("full"), "ops.team-a");
    assert_eq!(owner("ns-only"), "ops.team-a");
    assert_eq!(owner("shouty"), "team-a");
}

#[test]
fn a_reference_to_a_missing_entity_keeps_its_id_and_is_an_unknown_reference() {
    let text = entity(
        "Component",
        "shop",
        "owner: group:Payments Team\nsystem: sales/checkout",
    );
    let loaded = load(&text);
    let p = product(&loaded, "shop");
    assert_eq!(p.owner[0].id, "payments-team");
    assert_eq!(
        p.part_of.as_ref().map(|r| r.id.as_str()),
        Some("sales.checkout")
    );
    let report = Linter::new().check(&loaded);
    let found = findings(&report, "unknown-reference");
    assert_eq!(found.len(), 2, "{found:#?}");
    // The owner line, in the Backstage file.
    assert!(
        found
            .iter()
            .any(|d| d.focus.as_ref().is_some_and(|f| f.location.line == 7))
    );
}

#[test]
fn ids_are_lowercased_cleaned_namespaced_and_bounded() {
    let mut text = entity("Component", "Artist_Lookup.v2", "");
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: \"weird name+chars\"\n  namespace: Team-X\nspec: {}\n");
    text.push_str(&entity("Component", &"a".repeat(200), ""));
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: in-default\n  namespace: default\nspec: {}\n");
    let loaded = load(&text);
    let ids = ids(&loaded);
    assert!(
        ids.contains(&"product artist_lookup.v2".to_owned()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"product team-x.weird-name-chars".to_owned()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&format!("product {}", "a".repeat(128))),
        "{ids:?}"
    );
    assert!(ids.contains(&"product in-default".to_owned()), "{ids:?}");
}

#[test]
fn names_backstage_refuses_are_reported_and_template_skeletons_skipped() {
    let mut text = entity("Group", "équipe-paiement", "type: team");
    // Two separators in a row are a name Backstage accepts.
    text.push_str(&entity("Component", "web--shop", "owner: équipe-paiement"));
    text.push_str(&entity("Component", "-cart", "owner: équipe-paiement"));
    text.push_str(&entity(
        "Component",
        "${{ values.name | dump }}",
        "owner: ${{ values.owner }}",
    ));
    // Older skeletons (fetch:cookiecutter, Nunjucks without the `$`).
    text.push_str(&entity(
        "Component",
        "'{{ values.name }}'",
        "owner: '{{ values.owner }}'",
    ));
    text.push_str(&entity(
        "Component",
        "\"{{cookiecutter.component_id}}\"",
        "owner: \"{{cookiecutter.owner}}\"",
    ));
    text.push_str(&entity(
        "Component",
        "Artist_Lookup.v2",
        "owner: équipe-paiement",
    ));
    let loaded = load(&text);
    // The skeleton is no entity; the others are read under the spec's ids.
    assert_eq!(
        ids(&loaded),
        [
            "product -cart",
            "product artist_lookup.v2",
            "product web--shop",
            "team -quipe-paiement"
        ]
    );
    let mut refused: Vec<String> = invalid(&loaded)
        .into_iter()
        .map(|d| d.message.clone())
        .collect();
    refused.sort();
    let rule = "is not a name Backstage accepts (letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, at most 63 characters)";
    assert_eq!(
        refused,
        [
            format!("`metadata.name: -cart` {rule}; it is read as the id `-cart`"),
            format!(
                "`metadata.name: équipe-paiement` {rule}; it is read as the id `-quipe-paiement`"
            ),
        ]
    );
}

#[test]
fn slips_nothing_would_read_are_named_with_what_was_meant() {
    let mut text = entity(
        "Component",
        "ledger-live",
        "owner: team-a\nsubComponentOf: ledger-live",
    );
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shop\n  annotations:\n    opmodel.dev/outcome: retention\n    opmodel.dev/nonsense: x\n    backstage.io/techdocs-ref: dir:.\nspec:\n  owner: team-a\n");
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Componnet\nmetadata:\n  name: cart\nspec:\n  owner: team-a\n");
    // A custom kind far from any is no slip; a spec key of another tool is none either.
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Template\nmetadata:\n  name: t\nspec:\n  type: service\n");
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: AiResource\nmetadata:\n  name: model\nspec:\n  type: llm\n");
    text.push_str(&entity(
        "Group",
        "team-a",
        "type: team\nprofile:\n  displayName: A",
    ));
    let loaded = load(&text);
    let mut found: Vec<(String, String)> = loaded
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.message.clone(),
                d.help.as_deref().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "`kind: Componnet` is no catalog kind: the descriptor is skipped; did you mean `Component`?".to_owned(),
                "correct the kind; Backstage would not read the descriptor either".to_owned()
            ),
            (
                "`spec.subComponentOf` is read by nothing: Backstage's keys are case-sensitive; did you mean `spec.subcomponentOf`?".to_owned(),
                "correct the key's case".to_owned()
            ),
            (
                "the annotation `opmodel.dev/nonsense` is not one opmodel reads".to_owned(),
                "opmodel reads `opmodel.dev/outcomes` and `opmodel.dev/allow`".to_owned()
            ),
            (
                "the annotation `opmodel.dev/outcome` is not one opmodel reads".to_owned(),
                "did you mean `opmodel.dev/outcomes`?".to_owned()
            ),
        ]
    );
}

#[test]
fn a_user_defined_twice_is_a_duplicate_and_the_first_definition_counts() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(&entity("User", "jin", "memberOf: [team-a]"));
    text.push_str(&entity("User", "jin", "memberOf: [team-gone]"));
    let loaded = load(&text);
    let report = Linter::new().check(&loaded);
    let dups = findings(&report, "duplicate-id");
    assert_eq!(dups.len(), 1, "{dups:#?}");
    assert_eq!(dups[0].entity.kind, EntityKind::Person);
    assert_eq!(dups[0].entity.id, "jin");
    assert!(
        dups[0]
            .message
            .starts_with("user `jin` is defined twice, first at ")
            && dups[0].message.ends_with(":12"),
        "{}",
        dups[0].message
    );
    assert_eq!(dups[0].labels.len(), 1);
    // The second definition is not read: its group that does not exist is
    // not reported, and the first's membership stands.
    assert!(findings(&report, "unknown-reference").is_empty());
    let members: Vec<&str> = team(&loaded, "team-a")
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(members, ["jin"]);
}

/// The `invalid-entity` findings of what was read, in order.
fn invalid(loaded: &Loaded) -> Vec<&Diagnostic> {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-entity")
        .collect()
}

/// The help of the first finding of check `name`, or "" when there is none.
fn first_help(report: &Report, name: &str) -> String {
    findings(report, name)
        .first()
        .and_then(|d| d.help.as_deref())
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn helps_name_the_catalogs_fields_not_opmodels() {
    let mut text = entity("Group", "platform", "type: team");
    text.push_str(&entity(
        "Component",
        "shop",
        "type: website\nowner: nobody-here",
    ));
    let report = check(&text);
    let help = |name: &str| first_help(&report, name);
    assert_eq!(
        help("idle-team"),
        "make it the `spec.owner` of the components, systems or APIs it works on, or remove the group if it no longer exists"
    );
    assert!(
        help("unaligned-product")
            .starts_with("add the annotation `opmodel.dev/outcomes` naming the outcomes it serves"),
        "{}",
        help("unaligned-product")
    );
    let unknown = help("unknown-reference");
    assert!(
        unknown.starts_with(
            "add the group `group:nobody-here` to the catalog, or correct the reference"
        ) && unknown.contains("component `shop` has no accountable owner"),
        "{unknown}"
    );
    // No help names opmodel's own fields.
    for d in &report.diagnostics {
        let h = d.help.as_deref().unwrap_or_default();
        assert!(
            !h.contains("`owns:`") && !h.contains("`outcomes: [...]`"),
            "{h}"
        );
    }
}

#[test]
fn colliding_ids_get_the_later_kind_appended() {
    let mut text = String::new();
    // Written in the reverse of the order that decides.
    text.push_str(&entity("Resource", "payments", "owner: payments"));
    text.push_str(&entity(
        "API",
        "payments",
        "owner: payments\nsystem: payments",
    ));
    text.push_str(&entity(
        "Component",
        "payments",
        "owner: payments\nsystem: payments",
    ));
    text.push_str(&entity(
        "System",
        "payments",
        "owner: payments\ndomain: payments",
    ));
    text.push_str(&entity("Domain", "payments", "owner: payments"));
    text.push_str(&entity("Group", "payments", ""));
    text.push_str(&entity("System", "billing", "owner: payments"));
    text.push_str(&entity(
        "Component",
        "billing",
        "owner: payments\nsystem: billing",
    ));
    let loaded = load(&text);
    assert_eq!(
        ids(&loaded),
        [
            "product billing",
            "product billing.component",
            "product payments.api",
            "product payments.component",
            "product payments.domain",
            "product payments.resource",
            "product payments.system",
            "team payments",
        ]
    );
    // References resolve to the entity of the kind they name.
    assert_eq!(
        product(&loaded, "payments.api")
            .part_of
            .as_ref()
            .map(|r| r.id.as_str()),
        Some("payments.system")
    );
    assert_eq!(
        product(&loaded, "payments.system")
            .part_of
            .as_ref()
            .map(|r| r.id.as_str()),
        Some("payments.domain")
    );
    assert_eq!(
        product(&loaded, "billing.component")
            .part_of
            .as_ref()
            .map(|r| r.id.as_str()),
        Some("billing")
    );
    assert_eq!(product(&loaded, "payments.api").owner[0].id, "payments");
    let report = Linter::new().check(&loaded);
    assert!(findings(&report, "duplicate-id").is_empty());
    assert!(findings(&report, "unknown-reference").is_empty());
}

#[test]
fn an_entity_defined_twice_is_a_duplicate_id_with_both_places() {
    let dir = scratch("duplicate");
    write(
        &dir,
        "a.yaml",
        &entity("Component", "shop", "owner: team-a"),
    );
    write(
        &dir,
        "b.yaml",
        &entity("component", "Shop", "owner: team-a"),
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    let found = findings(&report, "duplicate-id");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].entity.id, "shop");
    assert_eq!(found[0].labels.len(), 1, "{:#?}", found[0]);
    let files: Vec<&str> = [
        found[0].location.expect("located").file,
        found[0].labels[0].location.file,
    ]
    .iter()
    .map(|f| report.sources.display(*f))
    .collect();
    assert!(files[0] != files[1], "{files:?}");
    cleanup(&dir);
}

// ---- locations of findings --------------------------------------------------

#[test]
fn findings_point_at_the_line_of_metadata_name() {
    let text = "# a comment\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  namespace: default\n  name: idle\nspec:\n  type: team\n  children: []\n";
    let report = check(text);
    let found = findings(&report, "idle-team");
    assert_eq!(found.len(), 1);
    let l = found[0].location.expect("located");
    assert_eq!((l.line, l.column), (7, 9));
    assert_eq!(report.sources.display(l.file), "catalog-info.yaml");
}

// ---- bad input --------------------------------------------------------------

#[test]
fn a_descriptor_without_a_name_is_reported_and_the_rest_is_read() {
    let mut text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  title: Nameless\nspec:\n  owner: team-a\n".to_owned();
    text.push_str(&entity("Group", "team-a", ""));
    let loaded = load(&text);
    assert_eq!(ids(&loaded), ["team team-a"]);
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
    let d = &loaded.diagnostics[0];
    assert_eq!(d.check, "invalid-entity");
    assert_eq!(
        d.message,
        "Component descriptor has no `metadata.name`: it is skipped"
    );
    assert_eq!(d.location.expect("located").line, 3);
}

#[test]
fn a_wrong_api_version_is_reported_and_the_entity_is_still_read() {
    let mut text = entity("Group", "team-a", "");
    text.push_str("---\napiVersion: backstage.io/v2\nkind: Component\nmetadata:\n  name: shop\nspec:\n  owner: team-a\n");
    text.push_str("---\nkind: Component\nmetadata:\n  name: no-version\nspec:\n  owner: team-a\n");
    let loaded = load(&text);
    let found = invalid(&loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("`apiVersion: backstage.io/v2` is not a catalog version"),
        "{}",
        found[0].message
    );
    assert_eq!(found[0].focus.as_ref().expect("focus").location.line, 9);
    assert_eq!(found[1].message, "Component descriptor has no `apiVersion`");
    assert_eq!(
        ids(&loaded),
        ["product no-version", "product shop", "team team-a"]
    );
}

#[test]
fn another_tools_document_in_a_catalog_is_reported_once_and_not_modelled() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(&entity("Component", "svc", "owner: team-a"));
    text.push_str(
        "---
apiVersion: appstudio.redhat.com/v1alpha1
kind: Component
metadata:
  name: svc-build
spec:
  application: svc
",
    );
    text.push_str(
        "---
apiVersion: user.openshift.io/v1
kind: Group
metadata:
  name: ocp-admins
users:
  - alice
",
    );
    let report = check(&text);
    let loaded = load(&text);
    assert_eq!(ids(&loaded), ["product svc", "team team-a"]);
    let found = invalid(&loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].message.starts_with(
            "`apiVersion: appstudio.redhat.com/v1alpha1` is not a catalog version: the document is another tool's, and is skipped"
        ),
        "{}",
        found[0].message
    );
    // No follow-on finding names either.
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.check == "invalid-entity"
                || !["svc-build", "ocp-admins"].contains(&d.entity.id.as_str())),
        "{report:#?}"
    );
}

#[test]
fn an_owner_of_a_kind_that_cannot_own_is_reported_at_the_owner() {
    let mut text = entity("Component", "other", "");
    text.push_str(&entity("Component", "shop", "owner: component:other"));
    text.push_str(&entity("Component", "shop2", "owner: team:payments"));
    let loaded = load(&text);
    let found = invalid(&loaded);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        found[0].message,
        "`spec.owner` names `component:other`, a component; it must name a group or a user"
    );
    assert_eq!(found[0].focus.as_ref().expect("focus").location.line, 14);
    assert!(
        found[1]
            .message
            .contains("whose kind `team` is not a catalog kind"),
        "{}",
        found[1].message
    );
    assert!(product(&loaded, "shop").owner.is_empty());
}

#[test]
fn a_file_that_does_not_parse_is_an_invalid_file_with_its_line() {
    let text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\nspec:\n  owner: [a\n";
    let loaded = load_str(text, Format::Yaml, "catalog-info.yaml");
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
    assert_eq!(loaded.diagnostics[0].check, "invalid-file");
    assert!(loaded.diagnostics[0].location.expect("located").line >= 6);
}

#[test]
fn hostile_descriptors_neither_panic_nor_hide_the_rest() {
    let dir = Path::new(ROOT).join("fuzz/seeds/load_backstage");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the seed folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 8);
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("UTF-8 seed");
        for format in [Format::Backstage, Format::Yaml] {
            let loaded = load_str(&text, format, "catalog-info.yaml");
            let report = Linter::new().check(&loaded);
            let _ = opmodel::report::json::to_string(&report);
        }
    }
    // The whole folder, Locations followed (a loop, /dev/zero, a URL, globs).
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    assert!(!loaded.model.products.is_empty());
    // The loop is read once, silently, as the spec says.
    assert!(
        !findings(&report, "unfollowed-location")
            .iter()
            .any(|d| d.message.contains("loop"))
    );
    // The seeds' own shapes: a nameless descriptor, a list as owner.
    let no_name = std::fs::read_to_string(dir.join("no-name.yaml")).expect("seed");
    assert_eq!(invalid(&load(&no_name)).len(), 4);
    let shapes = std::fs::read_to_string(dir.join("wrong-shapes.yaml")).expect("seed");
    let loaded = load(&shapes);
    assert!(loaded.diagnostics.iter().any(|d| {
        d.message
            .contains("`spec.owner` must be an entity reference")
    }));
    assert_eq!(ids(&loaded), ["product shapes", "team grp"]);
    let crlf = std::fs::read_to_string(dir.join("lone-cr.yaml")).expect("seed");
    assert_eq!(ids(&load(&crlf)), ["team lone-cr"]);
}

// ---- Location following -----------------------------------------------------

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("opmodel-backstage-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(path, text).expect("written");
}

fn cleanup(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

fn location(targets: &[&str]) -> String {
    let mut out = "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets:\n".to_owned();
    for t in targets {
        out.push_str(&format!("    - {t}\n"));
    }
    out
}

#[test]
fn relative_targets_are_read_once_and_urls_give_one_note() {
    let dir = scratch("follow");
    write(
        &dir,
        "catalog-info.yaml",
        &location(&[
            "./teams/groups.yaml",
            "teams/groups.yaml",
            "./components/*/catalog-info.yaml",
            "https://example.com/catalog/all.yaml",
        ]),
    );
    write(&dir, "teams/groups.yaml", &entity("Group", "team-a", ""));
    write(
        &dir,
        "components/shop/catalog-info.yaml",
        &entity("Component", "shop", "owner: team-a"),
    );
    write(
        &dir,
        "components/cart/catalog-info.yaml",
        &entity("Component", "cart", "owner: team-a"),
    );
    // The root file alone: the rest is found through its Location.
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    assert_eq!(
        ids(&loaded),
        ["product cart", "product shop", "team team-a"]
    );
    let report = Linter::new().check(&loaded);
    let notes = findings(&report, "unfollowed-location");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(notes[0].severity, Severity::Note);
    assert!(
        notes[0]
            .message
            .contains("https://example.com/catalog/all.yaml")
    );
    assert_eq!(notes[0].location.expect("located").line, 10);
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    // The folder as well as the file: still each file once.
    let loaded = load_paths(
        &[dir.join("catalog-info.yaml"), dir.clone()],
        &LoadOptions::default(),
    )
    .expect("loads");
    assert_eq!(
        ids(&loaded),
        ["product cart", "product shop", "team team-a"]
    );
    assert!(findings(&Linter::new().check(&loaded), "duplicate-id").is_empty());
    cleanup(&dir);
}

#[test]
fn a_missing_target_is_an_error_at_its_line_and_a_loop_is_read_once_silently() {
    let dir = scratch("missing");
    write(
        &dir,
        "catalog-info.yaml",
        &location(&["./nowhere.yaml", "./more.yaml"]),
    );
    write(
        &dir,
        "more.yaml",
        &location(&[
            "../missing/catalog-info.yaml".trim_start_matches("../missing/"),
            "./more.yaml",
        ]),
    );
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    let missing = findings(&report, "invalid-file");
    assert_eq!(missing.len(), 1, "{missing:#?}");
    assert_eq!(
        missing[0].message,
        "Location target `./nowhere.yaml` names no file"
    );
    let at = missing[0].location.expect("located");
    assert_eq!(at.line, 7);
    // The whole target, for formats with one location (JSON, SARIF).
    assert_eq!(at.end(), (7, at.column + "./nowhere.yaml".len() as u32));
    // `more.yaml` names itself and is named by `catalog-info.yaml` again:
    // each file once, no finding ("each file once even when … named twice").
    let loops = findings(&report, "unfollowed-location");
    assert!(loops.is_empty(), "{loops:#?}");
    cleanup(&dir);
}

#[test]
fn a_deep_chain_of_locations_is_followed_to_its_end_and_its_loop_read_once() {
    // l0 → l1 → … → l400, which names l200 again (a loop) and holds a group;
    // a file the chain reaches from two sides is read once; neither is a
    // finding.
    let dir = scratch("chain");
    let depth = 400;
    for i in 0..depth {
        let mut targets = vec![format!("./l{}.yaml", i + 1)];
        if i == 10 {
            targets.push("./side.yaml".to_owned());
        }
        let mut text = location(&targets.iter().map(String::as_str).collect::<Vec<_>>());
        text = text.replace("name: root", &format!("name: l{i}"));
        write(&dir, &format!("l{i}.yaml"), &text);
    }
    write(
        &dir,
        &format!("l{depth}.yaml"),
        &[
            location(&["./l200.yaml", "./side.yaml"]).replace("name: root", "name: last"),
            entity("Group", "team-last", ""),
        ]
        .concat(),
    );
    write(&dir, "side.yaml", &entity("Group", "team-side", ""));
    let loaded = load_paths(&[dir.join("l0.yaml")], &LoadOptions::default()).expect("loads");
    assert_eq!(ids(&loaded), ["team team-last", "team team-side"]);
    let report = Linter::new().check(&loaded);
    let loops = findings(&report, "unfollowed-location");
    assert!(loops.is_empty(), "{loops:#?}");
    cleanup(&dir);
}

#[test]
fn catalogs_and_org_files_merge_into_one_model() {
    let dir = scratch("mixed");
    write(
        &dir,
        "catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shop\n  annotations:\n    opmodel.dev/outcomes: more-orders\nspec:\n  owner: team-a\n  type: website\n",
    );
    write(
        &dir,
        "org.yaml",
        "teams:\n  - id: team-a\n    members:\n      - { name: Ana, role: product-manager }\noutcomes:\n  - id: more-orders\n    statement: Shoppers order more\n    metric: orders per week\n",
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    for c in [
        "unknown-reference",
        "orphaned-product",
        "unaligned-product",
        "idle-team",
    ] {
        assert!(
            findings(&report, c).is_empty(),
            "{c}: {:#?}",
            report.diagnostics
        );
    }
    cleanup(&dir);
}

// ---- import -----------------------------------------------------------------

fn opmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(args)
        .current_dir(ROOT)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// What a finding is about, without where (the files differ).
fn about(report: &Report) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.check != "unfollowed-location")
        .map(|d| (d.check.to_string(), d.entity.to_string()))
        .collect();
    out.sort();
    out
}

fn entities_json(loaded: &Loaded) -> String {
    let teams = serde_json::to_string(&loaded.model.teams).expect("JSON");
    let products = serde_json::to_string(&loaded.model.products).expect("JSON");
    format!("{teams}\n{products}")
}

#[test]
fn import_writes_yaml_that_loads_back_to_the_same_model_and_findings() {
    let catalog = Path::new(ROOT).join("examples/orgs/backstage");
    let out = scratch("import");
    let o = opmodel(&[
        "import",
        "backstage",
        "examples/orgs/backstage/catalog-info.yaml",
        "-o",
        out.to_str().expect("UTF-8 path"),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(out.join("teams.yaml").is_file() && out.join("products.yaml").is_file());
    let before = load_paths(
        &[catalog.join("catalog-info.yaml")],
        &LoadOptions::default(),
    )
    .expect("loads");
    let after = load_paths(&[&out], &LoadOptions::default()).expect("loads");
    assert!(after.diagnostics.is_empty(), "{:#?}", after.diagnostics);
    assert_eq!(entities_json(&before), entities_json(&after));
    let (b, a) = (Linter::new().check(&before), Linter::new().check(&after));
    assert_eq!(about(&b), about(&a));
    assert!(b.has_errors());
    // Without -o: one file on standard output, which loads to the same model.
    let o = opmodel(&[
        "import",
        "backstage",
        "examples/orgs/backstage/catalog-info.yaml",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    let one = load_str(&text, Format::Yaml, "org.yaml");
    assert_eq!(entities_json(&before), entities_json(&one));
    // The files are there now: a second import writes nothing over them
    // (exit 2) unless told to with --force.
    std::fs::write(out.join("teams.yaml"), "# mine\n").expect("written");
    let again = |force: bool| {
        let mut args = vec![
            "import",
            "backstage",
            "examples/orgs/backstage/catalog-info.yaml",
            "-o",
            out.to_str().expect("UTF-8 path"),
        ];
        if force {
            args.push("--force");
        }
        opmodel(&args)
    };
    let o = again(false);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        said.contains("teams.yaml` and `") && said.contains("products.yaml` are already there"),
        "{said}"
    );
    assert!(
        said.ends_with("move the files away, or give `--force` to write over them\n"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("teams.yaml")).expect("read"),
        "# mine\n"
    );
    assert_eq!(again(true).status.code(), Some(0));
    assert!(
        std::fs::read_to_string(out.join("teams.yaml"))
            .expect("read")
            .contains("teams:")
    );
    cleanup(&out);
}

#[test]
fn check_reads_the_example_catalog_with_its_planted_problems() {
    let o = opmodel(&["check", "examples/orgs/backstage", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let diags = json["diagnostics"].as_array().expect("a list");
    let has = |check: &str, id: &str| {
        diags
            .iter()
            .any(|d| d["check"] == check && d["entity"]["id"] == id)
    };
    assert!(has("orphaned-product", "unlock-service"));
    assert!(has("unknown-reference", "ledger-db"));
    assert!(has("idle-team", "growth-lab"));
    assert!(has("overloaded-team", "app-squad"));
    assert!(
        diags
            .iter()
            .any(|d| d["check"] == "unfollowed-location" && d["severity"] == "note")
    );
    // opmodel.toml beside the catalog switches missing-decision-right off.
    assert!(!diags.iter().any(|d| d["check"] == "missing-decision-right"));
    let person = diags
        .iter()
        .find(|d| d["check"] == "orphaned-product" && d["entity"]["id"] == "unlock-service")
        .expect("found");
    assert_eq!(
        person["message"],
        "component `unlock-service` is owned by `user:mira.kowal`, a person: ownership belongs to a group"
    );
    assert_eq!(
        person["location"]["file"],
        "examples/orgs/backstage/systems/rental.yaml"
    );
    // The JSON location points at the field at fault: `owner: user:mira.kowal`.
    assert_eq!(person["location"]["line"], 67);
}

#[test]
fn an_id_with_its_kind_appended_is_still_at_most_128_characters() {
    let long = "l".repeat(200);
    let mut text = entity("Group", &long, "");
    text.push_str(&entity("API", &long, &format!("owner: {long}")));
    let loaded = load(&text);
    let api = &loaded.model.products[0];
    assert_eq!(api.id.as_str(), format!("{}.api", "l".repeat(124)));
    assert_eq!(api.owner[0].id.as_str(), "l".repeat(128));
    assert_eq!(loaded.model.teams[0].id.as_str(), "l".repeat(128));
}

#[test]
fn findings_about_catalog_entities_use_the_catalogs_words() {
    let mut text = entity("Group", "idle", "type: team\nchildren: []");
    text.push_str(&entity("API", "orders", ""));
    let report = check(&text);
    let idle = findings(&report, "idle-team");
    assert_eq!(idle.len(), 1);
    assert_eq!(
        idle[0].message,
        "stream-aligned group `idle` owns no product, contributes to none and decides nothing"
    );
    let orphaned = findings(&report, "orphaned-product");
    assert_eq!(orphaned[0].message, "API `orders` has no accountable owner");
    // The JSON still names the model's kinds.
    assert_eq!(orphaned[0].entity.kind, EntityKind::Product);
    // An org file's findings keep opmodel's words.
    let loaded = load_str("products:\n  - id: orders\n", Format::Yaml, "org.yaml");
    let report = Linter::new().check(&loaded);
    assert_eq!(
        findings(&report, "orphaned-product")[0].message,
        "product `orders` has no accountable owner"
    );
}

#[test]
fn a_repos_json_toml_and_compose_files_are_left_out_beside_a_catalog_too() {
    let dir = scratch("foreign-formats");
    write(
        &dir,
        "catalog-info.yaml",
        &entity("Component", "shop", "owner: team-a"),
    );
    write(
        &dir,
        "docker-compose.yml",
        "version: \"3.8\"\nservices:\n  web:\n    image: nginx\n",
    );
    write(
        &dir,
        "package.json",
        "{\"name\": \"shop\", \"version\": \"1.0.0\", \"scripts\": {}}\n",
    );
    write(
        &dir,
        "pyproject.toml",
        "[build-system]\nrequires = [\"setuptools\"]\n[project]\nname = \"shop\"\nversion = \"0.1\"\n",
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert!(
        loaded.diagnostics.iter().all(|d| d.check != "invalid-file"),
        "{:#?}",
        loaded.diagnostics
    );
    for name in ["docker-compose.yml", "package.json", "pyproject.toml"] {
        assert!(
            loaded.empty_files.iter().any(|p| p.ends_with(name)),
            "{name}: {:?}",
            loaded.empty_files
        );
    }
    // An org file whose only other key is misspelled is still one.
    write(&dir, "org.json", "{\"version\": 1, \"tems\": []}\n");
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.check == "invalid-file" && d.message.contains("tems")),
        "{:#?}",
        loaded.diagnostics
    );
    // Without a catalog, each is an org file with unknown sections, as ever.
    let loaded = load_paths(&[dir.join("package.json")], &LoadOptions::default()).expect("loads");
    assert!(loaded.diagnostics.iter().any(|d| d.check == "invalid-file"));
    cleanup(&dir);
}

#[test]
fn a_yaml_file_that_is_neither_is_left_out_beside_a_catalog_only() {
    let dir = scratch("foreign");
    write(
        &dir,
        "catalog-info.yaml",
        &entity("Component", "shop", "owner: team-a"),
    );
    write(
        &dir,
        "shop.openapi.yaml",
        "openapi: 3.0.0\ninfo:\n  title: Shop\npaths: {}\n",
    );
    write(
        &dir,
        "deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n",
    );
    // A Backstage app's own configuration has an `organization` too.
    write(
        &dir,
        "app-config.yaml",
        "app:\n  title: Portal\norganization:\n  name: Acme\nbackend:\n  baseUrl: http://localhost:7007\ncatalog:\n  locations: []\n",
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert!(
        loaded.diagnostics.iter().all(|d| d.check != "invalid-file"),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("app-config.yaml"))
    );
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("shop.openapi.yaml"))
    );
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("deploy.yaml"))
    );
    // Without a catalog it is an org file with an unknown section, as ever.
    let loaded =
        load_paths(&[dir.join("shop.openapi.yaml")], &LoadOptions::default()).expect("loads");
    assert!(loaded.diagnostics.iter().any(|d| d.check == "invalid-file"));
    // A misspelled section beside a catalog is still reported.
    write(&dir, "org.yaml", "tems:\n  - id: team-a\n");
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.check == "invalid-file" && d.message.contains("tems")),
        "{:#?}",
        loaded.diagnostics
    );
    cleanup(&dir);
}

#[test]
fn an_app_config_beside_a_catalog_names_no_organization() {
    let dir = scratch("app-config-name");
    write(
        &dir,
        "group.yaml",
        &entity("Group", "platform", "type: team"),
    );
    write(
        &dir,
        "app-config.yaml",
        "app:\n  title: Portal\norganization:\n  name: Acme Corp\nbackend:\n  baseUrl: http://localhost:7007\n",
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert_eq!(loaded.model.organization.name, None);
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("app-config.yaml"))
    );
    // An org file beside it still names the organization.
    write(&dir, "org.yaml", "organization:\n  name: Acme\n");
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert_eq!(
        loaded
            .model
            .organization
            .name
            .as_deref()
            .map(|n| n.to_string()),
        Some("Acme".to_owned())
    );
    cleanup(&dir);
}

#[test]
fn an_org_file_with_another_word_for_a_section_is_reported_beside_a_catalog() {
    let dir = scratch("okrs-beside");
    write(
        &dir,
        "group.yaml",
        &entity("Group", "platform", "type: team"),
    );
    write(
        &dir,
        "goals.yaml",
        "organization:\n  name: Acme Goals\nokrs:\n  - id: grow\n",
    );
    let beside = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let alone = load_paths(&[dir.join("goals.yaml")], &LoadOptions::default()).expect("loads");
    for loaded in [&beside, &alone] {
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.check == "invalid-file" && d.message.contains("okrs")),
            "{:#?}",
            loaded.diagnostics
        );
        assert!(!loaded.empty_files.iter().any(|p| p.ends_with("goals.yaml")));
    }
    cleanup(&dir);
}

#[test]
fn ci_files_with_a_word_for_a_section_beside_a_catalog_are_passed_over() {
    // `stages` and `phases` are words for a section, but a pipeline beside
    // them (`trigger`, `pool`, `artifacts`) is another tool's file.
    let dir = scratch("ci-beside");
    write(
        &dir,
        "catalog-info.yaml",
        &entity("Group", "platform", "type: team"),
    );
    write(
        &dir,
        "azure-pipelines.yml",
        "trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nstages:\n  - stage: build\n",
    );
    write(
        &dir,
        "buildspec.yml",
        "version: 0.2\nphases:\n  build:\n    commands: [make]\nartifacts:\n  files: ['**/*']\n",
    );
    let loaded = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    assert!(
        !loaded.diagnostics.iter().any(|d| d.check == "invalid-file"),
        "{:#?}",
        loaded.diagnostics
    );
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("azure-pipelines.yml"))
    );
    assert!(
        loaded
            .empty_files
            .iter()
            .any(|p| p.ends_with("buildspec.yml"))
    );
    cleanup(&dir);
}

#[test]
fn import_with_a_native_file_writes_only_the_catalog_and_the_advice_holds() {
    let dir = scratch("import-mixed");
    write(
        &dir,
        "catalog/catalog-info.yaml",
        &entity("Group", "squad-billing", "type: team"),
    );
    write(
        &dir,
        "native/org.yaml",
        "version: 1\norganization:\n  name: Frota SaaS\nteams:\n  - id: finance-ops\n    kind: business\nproducts:\n  - id: fleet-app\n    kind: customer-facing\n    owner: squad-billing\n",
    );
    let out = dir.join("out");
    let path = |p: &Path| p.to_str().expect("UTF-8 path").to_owned();
    let (catalog, native) = (path(&dir.join("catalog")), path(&dir.join("native")));
    let o = opmodel(&["import", "backstage", &catalog, &native, "-o", &path(&out)]);
    assert_eq!(o.status.code(), Some(0));
    let said = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        said.contains("org.yaml` is in opmodel's format already"),
        "{said}"
    );
    assert!(said.contains("wrote 1 teams and 0 products"), "{said}");
    // Kept beside, as advised: nothing is defined twice, and the name stays.
    let loaded = load_paths(&[out, dir.join("native")], &LoadOptions::default()).expect("loads");
    assert!(
        loaded.diagnostics.iter().all(|d| d.check != "duplicate-id"),
        "{:#?}",
        loaded.diagnostics
    );
    assert_eq!(ids(&loaded).len(), 3, "{:?}", ids(&loaded));
    assert!(loaded.model.organization.name.is_some());
    // A catalog alone gets no such note.
    let o = opmodel(&["import", "backstage", &catalog]);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("opmodel's format already"));
    cleanup(&dir);
}

#[test]
fn descriptors_after_a_first_document_that_is_none_are_said_to_be_left_out() {
    let dir = scratch("late-descriptor");
    write(
        &dir,
        "group.yaml",
        &entity("Group", "platform", "type: team"),
    );
    write(
        &dir,
        "api.yaml",
        &format!(
            "openapi: 3.0.0\ninfo:\n  title: Orders\npaths: {{}}\n{}",
            entity("API", "orders-api", "owner: group:nobody")
        ),
    );
    // An OpenAPI spec after the descriptor is still skipped quietly.
    write(
        &dir,
        "shop.yaml",
        &format!(
            "{}---\nopenapi: 3.0.0\npaths: {{}}\n",
            entity("Component", "shop", "owner: platform")
        ),
    );
    let beside = load_paths(&[&dir], &LoadOptions::default()).expect("loads");
    let alone = load_paths(&[dir.join("api.yaml")], &LoadOptions::default()).expect("loads");
    for loaded in [&beside, &alone] {
        let said: Vec<&Diagnostic> = (loaded.diagnostics.iter())
            .filter(|d| d.check == "invalid-file")
            .collect();
        assert_eq!(said.len(), 1, "{:#?}", loaded.diagnostics);
        assert!(
            said[0]
                .message
                .starts_with("the first document is not a Backstage descriptor"),
            "{}",
            said[0].message
        );
        assert_eq!(said[0].location.map(|l| l.line), Some(6));
        assert!(!loaded.empty_files.iter().any(|p| p.ends_with("api.yaml")));
    }
    assert!(
        ids(&beside).iter().any(|i| i.ends_with(" shop")),
        "{:?}",
        ids(&beside)
    );
    cleanup(&dir);
}

#[test]
fn relative_targets_of_a_catalog_read_from_no_file_are_noted() {
    let text = location(&["./org.yaml", "./systems.yaml", "https://example.com/a.yaml"]);
    let loaded = load_str(&text, Format::Yaml, "<stdin>");
    let notes: Vec<&Diagnostic> = (loaded.diagnostics.iter())
        .filter(|d| d.check == "unfollowed-location")
        .collect();
    assert_eq!(notes.len(), 2, "{notes:#?}");
    assert!(notes.iter().all(|d| d.severity == Severity::Note));
    assert!(
        notes.iter().any(
            |d| d.message.contains("2 Location targets are not followed")
                && d.message.contains("`./systems.yaml`")
        ),
        "{notes:#?}"
    );
    // A Location of URLs only gets the URL note alone.
    let text = location(&["https://example.com/a.yaml"]);
    let loaded = load_str(&text, Format::Yaml, "<stdin>");
    assert_eq!(loaded.diagnostics.len(), 1, "{:#?}", loaded.diagnostics);
    // Read from standard input by the binary, the same.
    let mut child = Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "-"])
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    std::io::Write::write_all(&mut stdin, location(&["./org.yaml"]).as_bytes()).expect("written");
    drop(stdin);
    let o = child.wait_with_output().expect("the binary ends");
    let said =
        String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("`./org.yaml` is not followed"), "{said}");
}

#[test]
fn a_folder_target_is_said_to_be_a_folder_and_a_file_target_is_read() {
    let dir = scratch("folder-target");
    write(
        &dir,
        "catalog/all.yaml",
        &location(&["./teams", "./teams/platform.yaml"]),
    );
    write(
        &dir,
        "catalog/teams/platform.yaml",
        &entity("Group", "platform", "type: team"),
    );
    let loaded =
        load_paths(&[dir.join("catalog/all.yaml")], &LoadOptions::default()).expect("loads");
    let said: Vec<&Diagnostic> = (loaded.diagnostics.iter())
        .filter(|d| d.check == "invalid-file")
        .collect();
    assert_eq!(said.len(), 1, "{:#?}", loaded.diagnostics);
    assert_eq!(
        said[0].message,
        "Location target `./teams` is a folder: a target names files"
    );
    assert!(
        said[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("`./teams/*.yaml`")),
        "{:?}",
        said[0].help
    );
    assert_eq!(ids(&loaded), ["team platform"]);
    cleanup(&dir);
}

#[test]
fn a_file_reached_through_dot_dot_is_shown_by_its_plain_path() {
    let dir = scratch("dot-dot-shown");
    write(
        &dir,
        "catalog/all.yaml",
        &location(&["../shared/groups.yaml"]),
    );
    write(
        &dir,
        "shared/groups.yaml",
        &entity("Group", "platform", "type: team"),
    );
    let loaded = load_paths(&[dir.join("catalog")], &LoadOptions::default()).expect("loads");
    let shown: Vec<String> = (loaded.model.sources.iter())
        .map(|(_, f)| f.display().replace('\\', "/"))
        .collect();
    assert!(
        shown
            .iter()
            .any(|s| s.ends_with("/shared/groups.yaml") && !s.contains("..")),
        "{shown:?}"
    );
    // A target with no `..` is shown as before.
    assert!(
        shown.iter().any(|s| s.ends_with("catalog/all.yaml")),
        "{shown:?}"
    );
    cleanup(&dir);
}

#[test]
fn messages_about_namespaced_users_and_groups_name_them_by_id() {
    let text = format!(
        "{}{}{}{}",
        entity("User", "mdeshmuk", "memberOf: [guests]"),
        entity("Group", "guests", "type: team"),
        "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: mdeshmuk\n  namespace: redhat\nspec: {}\n",
        "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: mdeshmuk\n  namespace: redhat\nspec: {}\n---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: devs\n  namespace: redhat\nspec:\n  members: [nobody]\n",
    );
    let loaded = load(&text);
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("user `redhat.mdeshmuk` is defined twice")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("group `redhat.devs` names `nobody`")),
        "{messages:#?}"
    );
    // In `default` the name is shown as written.
    let text = format!(
        "{}{}",
        entity("User", "Mira", ""),
        entity("User", "Mira", "")
    );
    let loaded = load(&text);
    assert!(
        loaded
            .diagnostics
            .iter()
            .any(|d| d.message.starts_with("user `Mira` is defined twice")),
        "{:#?}",
        loaded.diagnostics
    );
}

#[test]
fn import_without_inputs_or_with_a_missing_path_exits_2() {
    let o = opmodel(&["import", "backstage"]);
    assert_eq!(o.status.code(), Some(2));
    let o = opmodel(&["import", "backstage", "no/such/catalog-info.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/catalog-info.yaml"));
    let o = opmodel(&["import", "gitlab", "examples/orgs/backstage"]);
    assert_eq!(o.status.code(), Some(2));
    // An org file of opmodel's own is no catalog: nothing is written.
    let o = opmodel(&["import", "backstage", "examples/orgs/healthy.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("there is nothing to import"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn every_url_target_is_named_in_one_note() {
    let dir = scratch("urls");
    write(
        &dir,
        "catalog-info.yaml",
        &location(&[
            "https://example.com/a.yaml",
            "./more.yaml",
            "https://example.com/b.yaml",
        ]),
    );
    write(
        &dir,
        "more.yaml",
        &location(&["https://example.com/a.yaml"]),
    );
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    let notes = findings(&report, "unfollowed-location");
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!(
        notes[0].message,
        "2 Location targets are URLs: opmodel does not fetch them: `https://example.com/a.yaml`, `https://example.com/b.yaml`"
    );
    assert_eq!(notes[0].severity, Severity::Note);
    assert_eq!(notes[0].location.expect("located").line, 7);
    assert_eq!(notes[0].labels.len(), 2);
    assert_eq!(
        report.summary.errors + report.summary.warnings,
        0,
        "{:#?}",
        report.diagnostics
    );
    cleanup(&dir);
}

#[test]
fn a_url_note_names_ten_urls_and_counts_the_rest() {
    // 25 URLs, one of them named twice.
    let mut targets: Vec<String> = (0..25)
        .map(|i| format!("https://example.com/{i}.yaml"))
        .collect();
    targets.push("https://example.com/3.yaml".to_owned());
    let targets: Vec<&str> = targets.iter().map(String::as_str).collect();
    let dir = scratch("many-urls");
    write(&dir, "catalog-info.yaml", &location(&targets));
    let from_disk =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    // Read from a string, the URLs are noted the same way.
    for loaded in [from_disk, load(&location(&targets))] {
        let report = Linter::new().check(&loaded);
        let notes = findings(&report, "unfollowed-location");
        assert_eq!(notes.len(), 1, "{notes:#?}");
        let message = &notes[0].message;
        assert!(
            message.starts_with(
                "25 Location targets are URLs: opmodel does not fetch them: `https://example.com/0.yaml`, `https://example.com/1.yaml`, "
            ),
            "{message}"
        );
        assert!(
            message.ends_with("`https://example.com/9.yaml` and 15 more"),
            "{message}"
        );
        assert_eq!(message.matches("`https://").count(), 10, "{message}");
        // Every URL target but the first is a label: ten shown, the rest counted.
        assert_eq!(notes[0].labels.len(), 10);
        assert_eq!(notes[0].more_labels, 15);
    }
    cleanup(&dir);
}

/// The `invalid-file` findings of `report` about Location targets, as
/// (line, message) pairs in line order.
fn target_problems(report: &Report) -> Vec<(u32, String)> {
    let mut out: Vec<(u32, String)> = findings(report, "invalid-file")
        .iter()
        .map(|d| (d.location.expect("located").line, d.message.clone()))
        .collect();
    out.sort();
    out
}

#[test]
fn what_is_wrong_with_a_user_is_about_the_person_in_the_users_namespace() {
    let text = [
        entity("Group", "guests", ""),
        "---\napiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: guest\n  namespace: development\nspec:\n  memberOf: [guests]\n".to_owned(),
        // A group with the user's name does not take the user's findings.
        "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: guest\n  namespace: development\n  annotations:\n    opmodel.dev/allow: unknown-reference\nspec: {}\n".to_owned(),
    ]
    .concat();
    let report = check(&text);
    let found = findings(&report, "unknown-reference");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!(d.entity.kind, EntityKind::Person);
    assert_eq!(d.entity.id, "development.guest");
    // Read in the user's namespace, which the message says, and the group
    // of that name in another namespace is pointed at.
    assert_eq!(
        d.message,
        "user `development.guest` names `guests` (read as `group:development/guests`) in `spec.memberOf`, but the catalog has no such group"
    );
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("write `group:default/guests`"), "{help}");
}

#[test]
fn an_owner_named_without_a_kind_is_a_group_even_when_a_user_has_the_name() {
    // Backstage reads `owner: jdoe` as `group:default/jdoe`.
    let text = [
        entity("User", "jdoe", ""),
        entity("Component", "svc", "type: service\nowner: jdoe"),
        entity("Component", "mine", "type: service\nowner: user:jdoe"),
    ]
    .concat();
    let report = check(&text);
    let owned: Vec<&str> = findings(&report, "orphaned-product")
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    // Only the owner written as a user is that person.
    assert_eq!(
        owned,
        ["component `mine` is owned by `user:jdoe`, a person: ownership belongs to a group"]
    );
    let unknown = findings(&report, "unknown-reference");
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    assert_eq!(
        unknown[0].message,
        "component `svc` names `jdoe` (read as `group:jdoe`) in `spec.owner`, but the catalog has no such group"
    );
    let help = unknown[0].help.as_deref().unwrap_or_default();
    assert!(help.contains("the catalog has a user `jdoe`"), "{help}");
}

#[test]
fn children_member_of_and_members_naming_nothing_in_the_catalog_are_unknown_references() {
    let text = [
        entity(
            "Group",
            "platform",
            "type: department\nchildren: [team-infra, team-dev]\nmembers: [ada, grace]",
        ),
        entity("Group", "team-infra", ""),
        entity("User", "ada", "memberOf: [team-infra, team-devops]"),
    ]
    .concat();
    let loaded = load(&text);
    let report = Linter::new().check(&loaded);
    let mut found: Vec<(String, String, u32)> = findings(&report, "unknown-reference")
        .iter()
        .map(|d| {
            let focus = d.focus.as_ref().expect("the reference is shown").location;
            (
                d.message.clone(),
                d.help.as_deref().unwrap_or_default().to_owned(),
                focus.line,
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (
                "group `platform` names `grace` in `spec.members`, but the catalog has no such user".to_owned(),
                "add the user `user:grace` to the catalog, or correct the reference".to_owned(),
                9
            ),
            (
                "group `platform` names `team-dev` in `spec.children`, but the catalog has no such group".to_owned(),
                "add the group `group:team-dev` to the catalog, or correct the reference".to_owned(),
                8
            ),
            (
                "user `ada` names `team-devops` in `spec.memberOf`, but the catalog has no such group".to_owned(),
                "add the group `group:team-devops` to the catalog, or correct the reference".to_owned(),
                23
            ),
        ]
    );
    // What the catalog does hold is still read: the child that exists is
    // the unit's and the user in a group that exists its member; a user
    // the group lists without an entry of their own is no member.
    assert_eq!(
        team(&loaded, "team-infra")
            .parent
            .as_ref()
            .map(|r| r.id.as_str()),
        Some("platform")
    );
    let members: Vec<&str> = team(&loaded, "platform")
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(members, ["ada"]);
    let infra: Vec<&str> = team(&loaded, "team-infra")
        .members
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(infra, ["ada"]);
}

#[test]
fn a_group_whose_only_child_is_missing_is_a_unit_by_its_own_word() {
    // The spec: a unit "if it has child groups (its `spec.children`, ...)";
    // the child it names is missing, which is reported, not the unit's kind.
    let loaded = load(&entity(
        "Group",
        "team-a",
        "type: team\nchildren: [team-gone]",
    ));
    assert_eq!(team(&loaded, "team-a").kind, TeamKind::Unit);
    let report = Linter::new().check(&loaded);
    assert_eq!(findings(&report, "unknown-reference").len(), 1);
}

#[test]
fn a_glob_search_stops_at_its_depth_and_says_so() {
    let dir = scratch("glob-depth");
    // A team file 20 folders down is found; one 70 folders down is below
    // where a search goes, and the target says it was cut short.
    let shallow: String = (0..20).map(|i| format!("d{i}/")).collect();
    let deep: String = (0..70).map(|i| format!("d{i}/")).collect();
    write(
        &dir,
        &format!("{shallow}team.yaml"),
        &entity("Group", "team-near", ""),
    );
    write(
        &dir,
        &format!("{deep}team.yaml"),
        &entity("Group", "team-far", ""),
    );
    write(&dir, "catalog-info.yaml", &location(&["./**/team.yaml"]));
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    assert_eq!(ids(&loaded), ["team team-near"]);
    let report = Linter::new().check(&loaded);
    assert_eq!(
        target_problems(&report),
        [(
            7,
            "Location target `./**/team.yaml` was searched only 64 steps deep (a `**` takes a step per folder): files in folders nested deeper are not read".to_owned()
        )]
    );
    // A shallower tree is searched whole, and says nothing.
    let _ = std::fs::remove_dir_all(dir.join("d0"));
    write(
        &dir,
        &format!("{shallow}team.yaml"),
        &entity("Group", "team-near", ""),
    );
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    assert!(target_problems(&Linter::new().check(&loaded)).is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn glob_targets_share_one_budget_of_folder_entries() {
    let dir = scratch("glob-budget");
    // Searching one of these folders for `*.yaml` looks at 21 entries (the
    // folder and its 20 files), and finds nothing.
    for folder in ["a", "b", "c"] {
        for i in 0..20 {
            write(&dir, &format!("{folder}/x{i}.txt"), "");
        }
    }
    write(&dir, "teams.yaml", &entity("Group", "team-a", ""));
    let globs = [
        "./a/*.yaml",
        "./b/*.yaml",
        "./c/*.yaml",
        "./d/*.yaml",
        "./e/*.yaml",
    ];
    let mut targets = globs.to_vec();
    targets.push("./teams.yaml");
    write(&dir, "catalog-info.yaml", &location(&targets));
    let root = [dir.join("catalog-info.yaml")];
    // 50 entries in all: `a` takes 21, `b` 21, `c` the last 8 and is cut
    // short; `d` and `e` are not searched. Each alone fits.
    let tight = LoadOptions {
        max_glob_visits: 50,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&root, &tight).expect("loads");
    // The target that is not a glob is read all the same.
    assert_eq!(ids(&loaded), ["team team-a"]);
    let report = Linter::new().check(&loaded);
    assert_eq!(
        target_problems(&report),
        [
            (7, "Location target `./a/*.yaml` matches no file".to_owned()),
            (8, "Location target `./b/*.yaml` matches no file".to_owned()),
            (
                9,
                "Location target `./c/*.yaml` was searched only in part: the glob targets of a run may look at 50 folder entries in all; it had found no file by then".to_owned()
            ),
            (
                10,
                "Location target `./d/*.yaml` and 1 more glob target were not searched: the glob targets of a run may look at 50 folder entries in all, and those before spent them".to_owned()
            ),
        ]
    );
    let unsearched = findings(&report, "invalid-file")
        .into_iter()
        .find(|d| d.message.contains("not searched"))
        .expect("the targets not searched");
    // Named by the file the Location is in, as shown.
    assert!(unsearched.entity.id.ends_with("catalog-info.yaml"));
    assert_eq!(unsearched.labels.len(), 1);
    assert_eq!(unsearched.labels[0].location.line, 11);
    assert!(
        unsearched
            .help
            .as_deref()
            .is_some_and(|h| h.contains("max_glob_visits"))
    );
    // Each target alone fits in the same budget: it is one for the run.
    for (line, glob) in globs.iter().enumerate() {
        write(
            &dir,
            "catalog-info.yaml",
            &location(&[glob, "./teams.yaml"]),
        );
        let report = Linter::new().check(&load_paths(&root, &tight).expect("loads"));
        assert_eq!(
            target_problems(&report),
            [(7, format!("Location target `{glob}` matches no file"))],
            "target {line}"
        );
    }
    cleanup(&dir);
}

#[test]
fn relative_targets_are_read_wherever_they_lead_and_absolute_ones_only_inside() {
    let dir = scratch("outside");
    write(&dir, "outer.yaml", &entity("Group", "outer", ""));
    write(
        &dir,
        "elsewhere/more.yaml",
        &entity("Group", "elsewhere", ""),
    );
    write(&dir, "catalog/teams.yaml", &entity("Group", "inner", ""));
    write(&dir, "catalog/sub/notes.txt", "");
    let absolute = dir.join("elsewhere/more.yaml");
    let absolute = absolute.to_str().expect("a UTF-8 scratch path");
    write(
        &dir,
        "catalog/catalog-info.yaml",
        &location(&[
            // Relative, as the spec reads them: wherever they lead.
            "../outer.yaml",
            absolute,
            "../catalog/teams.yaml",
            "../elsewhere/*.yaml",
            // A glob's search stays below where it starts: no `..` out
            // after a `*`.
            "./*/../../outer.yaml",
        ]),
    );
    let catalog = dir.join("catalog");
    let file = catalog.join("catalog-info.yaml");
    // The catalog file given, or its folder: the absolute target outside
    // and the search that would climb out are passed over, each a warning
    // at its line.
    for input in [&file, &catalog] {
        let loaded = load_paths(&[input], &LoadOptions::default()).expect("loads");
        assert_eq!(
            ids(&loaded),
            ["team elsewhere", "team inner", "team outer"],
            "{input:?}"
        );
        let report = Linter::new().check(&loaded);
        assert!(target_problems(&report).is_empty(), "{report:#?}");
        let outside = findings(&report, "unfollowed-location");
        let lines: Vec<u32> = outside
            .iter()
            .map(|d| d.location.expect("located").line)
            .collect();
        assert_eq!(lines, [8, 11], "{outside:#?}");
        for d in &outside {
            assert_eq!(d.severity, Severity::Warning);
            assert!(
                d.message.contains("outside the inputs' folders"),
                "{}",
                d.message
            );
            assert!(
                d.help
                    .as_deref()
                    .is_some_and(|h| h.contains("--follow-links-outside"))
            );
        }
        assert!(
            outside[0]
                .message
                .starts_with(&format!("Location target `{absolute}` leads to `")),
            "{}",
            outside[0].message
        );
    }
    // A folder given as an input too is inside: the absolute target is read.
    let loaded = load_paths(
        &[file.clone(), dir.join("elsewhere")],
        &LoadOptions::default(),
    )
    .expect("loads");
    assert_eq!(ids(&loaded), ["team elsewhere", "team inner", "team outer"]);
    let report = Linter::new().check(&loaded);
    let lines: Vec<u32> = findings(&report, "unfollowed-location")
        .iter()
        .map(|d| d.location.expect("located").line)
        .collect();
    assert_eq!(lines, [11]);
    // Asked to, opmodel reads them all, each once.
    let anywhere = LoadOptions {
        follow_links_outside: true,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&[&file], &anywhere).expect("loads");
    assert_eq!(ids(&loaded), ["team elsewhere", "team inner", "team outer"]);
    let report = Linter::new().check(&loaded);
    assert!(
        findings(&report, "unfollowed-location").is_empty(),
        "{report:#?}"
    );
    assert!(target_problems(&report).is_empty(), "{report:#?}");
    cleanup(&dir);
}

#[cfg(unix)]
#[test]
fn a_glob_goes_through_no_named_link_that_leads_out_and_spends_no_budget_there() {
    let dir = scratch("link-out");
    let far = scratch("link-out-far");
    // A big tree elsewhere, and a link to it inside the catalog's folder.
    for i in 0..50 {
        write(&far, &format!("d{i}/x.h"), "");
    }
    write(&dir, "a/g2.yaml", &entity("Group", "g2", ""));
    std::os::unix::fs::symlink(&far, dir.join("a/out")).expect("a link");
    write(
        &dir,
        "catalog-info.yaml",
        &location(&["./**/out/**/*.h", "./a/*.yaml"]),
    );
    let small = LoadOptions {
        max_glob_visits: 40,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&[dir.join("catalog-info.yaml")], &small).expect("loads");
    // The second target is still searched: the first did not walk the
    // tree behind the link.
    assert_eq!(ids(&loaded), ["team g2"]);
    let report = Linter::new().check(&loaded);
    assert!(
        target_problems(&report)
            .iter()
            .all(|(_, m)| !m.contains("was not searched") && !m.contains("searched only in part")),
        "{report:#?}"
    );
    let outside = findings(&report, "unfollowed-location");
    assert_eq!(outside.len(), 1, "{outside:#?}");
    assert!(
        outside[0].message.contains("would search"),
        "{}",
        outside[0].message
    );
    cleanup(&dir);
    cleanup(&far);
}

#[test]
fn a_glob_with_no_folder_part_searches_beside_a_catalog_given_by_its_bare_name() {
    let dir = scratch("bare-name");
    write(&dir, "svc/team.yaml", &entity("Group", "svc-team", ""));
    write(&dir, "catalog-info.yaml", &location(&["./*/team.yaml"]));
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
        .args(["check", "catalog-info.yaml", "--format", "json"])
        .current_dir(&dir)
        .output()
        .expect("runs");
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let text = report.to_string();
    assert!(!text.contains("matches no file"), "{text}");
    assert!(text.contains("svc-team"), "{text}");
    cleanup(&dir);
}

#[test]
fn fifty_globs_at_the_root_of_the_disk_search_nothing_or_share_the_budget() {
    // The fuzzer's catalog: fifty `/**/*.nomatch` walked the disk fifty times.
    let dir = scratch("root-globs");
    let mut targets = vec!["/**/*.nomatch"; 50];
    targets.push("./teams.yaml");
    write(&dir, "catalog-info.yaml", &location(&targets));
    write(&dir, "teams.yaml", &entity("Group", "team-a", ""));
    let root = [dir.join("catalog-info.yaml")];
    // `/` is outside the folder given: nothing is searched.
    let loaded = load_paths(&root, &LoadOptions::default()).expect("loads");
    assert_eq!(ids(&loaded), ["team team-a"]);
    let report = Linter::new().check(&loaded);
    let outside = findings(&report, "unfollowed-location");
    assert_eq!(outside.len(), 50);
    assert!(
        outside
            .iter()
            .all(|d| d.message == "Location target `/**/*.nomatch` would search `/`, outside the inputs' folders: opmodel does not read there")
    );
    assert!(target_problems(&report).is_empty(), "{report:#?}");
    // Followed anywhere, the first search spends the run's budget and the
    // other 49 are not made.
    let anywhere = LoadOptions {
        follow_links_outside: true,
        max_glob_visits: 100,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&root, &anywhere).expect("loads");
    assert_eq!(ids(&loaded), ["team team-a"]);
    let report = Linter::new().check(&loaded);
    let problems = target_problems(&report);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert_eq!(problems[0].0, 7);
    assert!(problems[0].1.contains("was searched only in part"));
    assert_eq!(problems[1].0, 8);
    assert!(
        problems[1].1.starts_with(
            "Location target `/**/*.nomatch` and 48 more glob targets were not searched"
        )
    );
    cleanup(&dir);
}

#[test]
fn the_per_file_limits_hold_for_catalogs_too() {
    let mut text = String::new();
    for n in 0..3 {
        text.push_str(&entity("Component", &format!("c{n}"), "owner: [a, b]"));
    }
    let options = LoadOptions {
        max_entities: 2,
        max_problems_per_file: 1,
        ..LoadOptions::default()
    };
    let loaded =
        opmodel::load::load_str_with(&text, Format::Backstage, "catalog-info.yaml", &options);
    assert_eq!(loaded.model.products.len(), 2);
    let messages: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(
        messages.contains(&"the model has more than 2 entities"),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("1 more problems in this file were not reported")),
        "{messages:#?}"
    );
    assert_eq!(
        messages
            .iter()
            .filter(|m| m.contains("`spec.owner` must be"))
            .count(),
        1
    );
}

#[test]
fn unknown_references_name_the_catalogs_fields() {
    let mut text = entity(
        "Component",
        "x",
        "owner: group:nobody\nsubcomponentOf: nothing",
    );
    text.push_str(&entity("API", "y", "owner: group:nobody\nsystem: gone"));
    let report = check(&text);
    let mut messages: Vec<String> = findings(&report, "unknown-reference")
        .iter()
        .map(|d| d.message.clone())
        .collect();
    messages.sort();
    assert_eq!(
        messages,
        [
            "API `y` names `gone` (read as `system:gone`) in `spec.system`, but the catalog has no such system",
            "API `y` names `group:nobody` in `spec.owner`, but the catalog has no such group",
            "component `x` names `group:nobody` in `spec.owner`, but the catalog has no such group",
            "component `x` names `nothing` (read as `component:nothing`) in `spec.subcomponentOf`, but the catalog has no such component",
        ]
    );
    let focus = findings(&report, "unknown-reference")[0]
        .focus
        .as_ref()
        .expect("focus")
        .message
        .clone();
    assert!(focus.starts_with("`spec."), "{focus}");
}

/// A reference to a kind the catalog does not have by that name is reported, even
/// when an entity of another kind has the id the missing one would have; the help
/// says what the catalog has by that name.
#[test]
fn a_reference_to_a_missing_kind_is_not_taken_by_another_kind() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(&entity("Component", "g", "owner: team-a"));
    text.push_str(&entity("API", "g", "owner: team-a\nsystem: g"));
    let report = check(&text);
    let unknown = findings(&report, "unknown-reference");
    assert_eq!(unknown.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        unknown[0].message,
        "API `g.api` names `g` (read as `system:g`) in `spec.system`, but the catalog has no such system"
    );
    assert_eq!(
        unknown[0].help.as_deref(),
        Some(
            "add the system `system:g` to the catalog, or correct the reference; the catalog has a component `g`, but `spec.system` names a system"
        )
    );
    // Without the API's `system`, the component is not taken for a system.
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(&entity("Component", "g", "owner: team-a"));
    text.push_str(&entity("API", "g", "owner: team-a"));
    assert!(findings(&check(&text), "unknown-reference").is_empty());
}

/// A group named `organization` is a group like any other: it takes another id
/// than the org's own, and its children sit in it.
#[test]
fn a_group_named_organization_is_a_group() {
    let mut text = entity(
        "Group",
        "organization",
        "type: organization\nchildren: [team-a]",
    );
    text.push_str(&entity(
        "Group",
        "team-a",
        "type: team\nparent: organization",
    ));
    text.push_str(&entity("Component", "svc", "owner: team-a"));
    let loaded = load(&text);
    assert_eq!(
        team(&loaded, "team-a")
            .parent
            .as_ref()
            .map(|r| r.id.as_str()),
        Some("organization.group")
    );
    assert_eq!(team(&loaded, "organization.group").kind, TeamKind::Unit);
    let report = Linter::new().check(&loaded);
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != Severity::Error),
        "{:#?}",
        report.diagnostics
    );
}

/// What a catalog cannot hold is told where it goes: an opmodel file beside it.
#[test]
fn helps_for_what_a_catalog_cannot_hold_name_an_opmodel_file() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(
        "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  annotations:\n    opmodel.dev/outcomes: faster-checkout\nspec:\n  owner: team-a\n",
    );
    let report = check(&text);
    let help = |name: &str| first_help(&report, name);
    assert_eq!(
        help("unknown-reference"),
        "define the outcome `faster-checkout` in an opmodel YAML file beside the catalog (its `outcomes:` section), or correct the annotation"
    );
    assert!(
        help("unaligned-product").starts_with(
            "define the outcomes its `opmodel.dev/outcomes` annotation names (in an opmodel YAML file beside the catalog"
        ),
        "{}",
        help("unaligned-product")
    );
    // The missing outcome is shown where the annotation names it (line 14).
    let unknown = findings(&report, "unknown-reference");
    let at = unknown[0].focus.as_ref().expect("a focus").location;
    assert_eq!(at.line, 14, "{:#?}", unknown[0]);
    assert!(
        help("missing-decision-right").ends_with(
            "a catalog has no field for decision rights: write them in an opmodel YAML file beside it, in its `decisions:` section"
        ),
        "{}",
        help("missing-decision-right")
    );
}

/// A name Backstage refuses is underlined whole, and a field of the wrong type
/// gets an example of its own kind of reference.
#[test]
fn refused_values_are_underlined_whole() {
    let mut text = entity("Resource", "Custom MS SQL Docker", "owner: team-a");
    text.push_str(&entity(
        "API",
        "api",
        "owner: team-a\nsystem:\n  - a\n  - b",
    ));
    let report = check(&text);
    let invalid = findings(&report, "invalid-entity");
    let name = invalid
        .iter()
        .find(|d| {
            d.message
                .starts_with("`metadata.name: Custom MS SQL Docker`")
        })
        .expect("the refused name");
    let at = name.focus.as_ref().expect("a focus").location;
    assert_eq!((at.column, at.end_line, at.end_column), (9, at.line, 29));
    assert!(
        invalid.iter().any(|d| d.message
            == "`spec.system` must be an entity reference like `system:payments`, not a list"),
        "{invalid:#?}"
    );
}

/// A key written twice is reported: Backstage refuses the entity, and the first is read.
#[test]
fn a_key_written_twice_is_reported() {
    let text = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n  name: b\nspec:\n  owner: x\n";
    let loaded = load(text);
    let twice: Vec<&str> = invalid(&loaded)
        .into_iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        twice,
        ["`metadata.name` is written twice; the first is read, and Backstage refuses the entity"]
    );
    assert_eq!(product(&loaded, "a").id, "a");
}

/// A refused name's help says which of Backstage's rules it breaks.
#[test]
fn a_refused_names_help_names_the_rule_it_breaks() {
    let long = "a".repeat(65);
    let mut text = entity("Component", &long, "owner: team-a");
    text.push_str(&entity("Component", "-cart", "owner: team-a"));
    text.push_str(&entity("Component", "Custom MS SQL", "owner: team-a"));
    let loaded = load(&text);
    let helps: Vec<&str> = invalid(&loaded)
        .into_iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert_eq!(
        helps,
        [
            "shorten the name to at most 63 characters (it has 65), and put the full name in `metadata.title`",
            "start and end the name with a letter or digit",
            "rename the entity with letters, digits, `-`, `_` and `.` only, and put the display name in `metadata.title` (or a group's `spec.profile.displayName`)",
        ]
    );
}

/// An owner written as an email address is no reference: it is reported as the
/// invalid field it is, not as a group of a made-up name.
#[test]
fn an_email_owner_is_an_invalid_field() {
    let text = entity("Component", "shell", "owner: john@example.com");
    let report = check(&text);
    let invalid = findings(&report, "invalid-entity");
    assert_eq!(invalid.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        invalid[0].message,
        "`spec.owner` is `john@example.com`, an email address, not an entity reference"
    );
    assert!(findings(&report, "unknown-reference").is_empty());
    // One root cause, one finding: the invalid owner says why it has none.
    assert!(findings(&report, "orphaned-product").is_empty());
    // An owner that is simply missing is still orphaned.
    let report = check(&entity("Component", "shell", "type: service"));
    assert_eq!(findings(&report, "orphaned-product").len(), 1);
}

#[test]
fn a_system_passed_over_for_subcomponent_of_is_still_reported_when_missing() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str(&entity("Component", "web", "owner: team-a"));
    text.push_str(&entity(
        "Component",
        "shop",
        "owner: team-a\nsubcomponentOf: web\nsystem: nope",
    ));
    text.push_str(&entity("System", "real", "owner: team-a"));
    text.push_str(&entity(
        "Component",
        "cart",
        "owner: team-a\nsubcomponentOf: web\nsystem: real",
    ));
    let report = check(&text);
    let unknown = findings(&report, "unknown-reference");
    assert_eq!(unknown.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        unknown[0].message,
        "component `shop` names `nope` in `spec.system`, but the catalog has no such system"
    );
    // `subcomponentOf` is still what the product is part of.
    let loaded = load(&text);
    let shop = loaded
        .model
        .products
        .iter()
        .find(|p| p.id == "shop")
        .expect("shop");
    assert_eq!(shop.part_of.as_ref().map(|r| r.id.as_str()), Some("web"));
}

#[test]
fn a_wrong_kind_names_the_kinds_it_may_be_with_their_articles() {
    let mut text = entity("API", "pay", "owner: team-a");
    text.push_str(&entity("Component", "shop", "owner: api:pay"));
    let loaded = load(&text);
    let found = invalid(&loaded);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "`spec.owner` names `api:pay`, an API; it must name a group or a user"
    );
}

/// A reference into the wrong namespace names the namespace the catalog has it in.
#[test]
fn a_reference_in_the_wrong_namespace_names_the_right_one() {
    let mut text = entity("Group", "team-a", "type: team");
    text.push_str("---\napiVersion: backstage.io/v1alpha1\nkind: Domain\nmetadata:\n  name: sre\n  namespace: infra\nspec:\n  owner: group:default/team-a\n");
    text.push_str(&entity("System", "alerts", "owner: team-a\ndomain: sre"));
    let report = check(&text);
    let unknown = findings(&report, "unknown-reference");
    assert_eq!(unknown.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        unknown[0].help.as_deref(),
        Some(
            "add the domain `domain:sre` to the catalog, or correct the reference; a domain `sre` is in namespace `infra`: write `domain:infra/sre`"
        )
    );
}

/// Deterministic mutations of every hostile seed (cut, doubled, lines
/// swapped, characters replaced): nothing panics, and what is read is checked.
#[test]
fn mutated_seeds_never_panic() {
    let dir = Path::new(ROOT).join("fuzz/seeds/load_backstage");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the seed folder")
        .map(|e| e.expect("an entry").path())
        .collect();
    paths.sort();
    let mut state: u64 = 0x5eed;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(state >> 33).unwrap_or(0) % n.max(1)
    };
    let pieces = [
        "---\n",
        ":",
        "- ",
        "  ",
        "kind: Group\n",
        "owner: ",
        "{",
        "]",
        "user:",
        "group:x/",
        "&a ",
        "*a",
        "\t",
        "metadata:\n  name: n\n",
        "spec:\n  targets: [./*]\n",
        "\u{feff}",
    ];
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("UTF-8 seed");
        let lines: Vec<&str> = text.lines().collect();
        for _ in 0..60 {
            let mut mutated: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            for _ in 0..=next(3) {
                let at = next(mutated.len());
                match next(4) {
                    0 => {
                        mutated.truncate(at);
                    }
                    1 => {
                        let line = mutated.get(at).cloned().unwrap_or_default();
                        mutated.insert(at, line);
                    }
                    2 => {
                        let other = next(mutated.len());
                        if at < mutated.len() && other < mutated.len() {
                            mutated.swap(at, other);
                        }
                    }
                    _ => {
                        let piece = pieces[next(pieces.len())];
                        if let Some(line) = mutated.get_mut(at) {
                            let cut = line
                                .char_indices()
                                .map(|(i, _)| i)
                                .nth(next(line.chars().count() + 1))
                                .unwrap_or(line.len());
                            line.insert_str(cut, piece);
                        }
                    }
                }
            }
            let text = mutated.join("\n");
            for format in [Format::Backstage, Format::Yaml] {
                let loaded = load_str(&text, format, "catalog-info.yaml");
                let _ = Linter::new().check(&loaded);
            }
        }
    }
}

#[test]
fn the_readme_shows_what_the_tool_prints_for_the_example_catalog() {
    let o = opmodel(&["check", "--color", "never", "examples/orgs/backstage"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let chunk = out
        .split("\n\n")
        .find(|c| c.starts_with("error[orphaned-product]: component `unlock-service`"))
        .expect("the person-owned component is reported");
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");
    assert!(readme.contains(chunk), "README lacks:\n{chunk}");
}

#[test]
fn the_glob_budget_is_set_on_the_command_line() {
    let dir = scratch("glob-flag");
    for i in 0..30 {
        write(
            &dir,
            &format!("teams/t{i}.yaml"),
            &entity("Group", &format!("t{i}"), ""),
        );
    }
    write(&dir, "catalog-info.yaml", &location(&["./teams/*.yaml"]));
    let run = |extra: &[&str]| -> String {
        let mut args = vec!["check", "catalog-info.yaml", "--format", "json"];
        args.extend_from_slice(extra);
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_opmodel"))
            .args(&args)
            .current_dir(&dir)
            .output()
            .expect("runs");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    assert!(!run(&[]).contains("was searched only in part"));
    let cut = run(&["--max-glob-visits", "5"]);
    assert!(cut.contains("was searched only in part"), "{cut}");
    assert!(cut.contains("--max-glob-visits"), "{cut}");
    cleanup(&dir);
}

#[cfg(unix)]
#[test]
fn a_plain_target_through_a_link_out_of_the_inputs_is_not_read_but_dots_are() {
    let dir = scratch("plain-link-out");
    let far = scratch("plain-link-out-far");
    write(&far, "secret.yaml", &entity("Group", "far-away", ""));
    write(
        &dir,
        "repo/sibling/team.yaml",
        &entity("Group", "sibling", ""),
    );
    write(
        &dir,
        "repo/catalog/catalog-info.yaml",
        &location(&["./link/secret.yaml", "../sibling/team.yaml"]),
    );
    std::os::unix::fs::symlink(&far, dir.join("repo/catalog/link")).expect("a link");
    let given = [dir.join("repo/catalog")];
    let loaded = load_paths(&given, &LoadOptions::default()).expect("loads");
    // `..` is read wherever it leads (the spec's relative targets); the
    // link out of the folder given is not, as the folder walk does not
    // follow it either.
    assert_eq!(ids(&loaded), ["team sibling"]);
    let report = Linter::new().check(&loaded);
    let outside = findings(&report, "unfollowed-location");
    assert_eq!(outside.len(), 1, "{outside:#?}");
    assert!(
        outside[0].message.contains("./link/secret.yaml"),
        "{}",
        outside[0].message
    );
    // Asked to, opmodel follows the link.
    let anywhere = LoadOptions {
        follow_links_outside: true,
        ..LoadOptions::default()
    };
    let loaded = load_paths(&given, &anywhere).expect("loads");
    assert_eq!(ids(&loaded), ["team far-away", "team sibling"]);
    cleanup(&dir);
    cleanup(&far);
}

#[test]
fn a_root_location_whose_glob_matches_itself_is_read_once_without_a_finding() {
    let dir = scratch("self-glob");
    write(&dir, "catalog-info.yaml", &location(&["./*.yaml"]));
    write(&dir, "team.yaml", &entity("Group", "team-a", ""));
    let loaded =
        load_paths(&[dir.join("catalog-info.yaml")], &LoadOptions::default()).expect("loads");
    assert_eq!(ids(&loaded), ["team team-a"]);
    let report = Linter::new().check(&loaded);
    assert!(
        findings(&report, "unfollowed-location").is_empty(),
        "{report:#?}"
    );
    cleanup(&dir);
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_a_link_and_by_its_own_path_is_read_once() {
    let dir = scratch("linked-file");
    let catalog =
        entity("Group", "platform", "") + &entity("Component", "portal", "owner: platform");
    write(&dir, "docs/catalog-info.yaml", &catalog);
    std::os::unix::fs::symlink("docs/catalog-info.yaml", dir.join("catalog-info.yaml"))
        .expect("a link");
    // A link named otherwise, and the link given beside the folder.
    std::os::unix::fs::symlink("docs/catalog-info.yaml", dir.join("other.yaml")).expect("a link");
    for given in [
        vec![dir.clone()],
        vec![dir.join("catalog-info.yaml"), dir.join("docs")],
    ] {
        let loaded = load_paths(&given, &LoadOptions::default()).expect("loads");
        assert_eq!(ids(&loaded), ["product portal", "team platform"]);
        let report = Linter::new().check(&loaded);
        assert!(findings(&report, "duplicate-id").is_empty(), "{report:#?}");
        // The file is shown under its own path, not the link's.
        let shown: Vec<String> = loaded
            .model
            .sources
            .iter()
            .map(|(_, f)| f.display().to_owned())
            .collect();
        assert_eq!(shown.len(), 1, "{shown:?}");
        assert!(shown[0].ends_with("docs/catalog-info.yaml"), "{shown:?}");
    }
    cleanup(&dir);
}

#[cfg(unix)]
#[test]
fn two_files_of_one_name_in_two_folders_are_both_read_beside_a_link() {
    // Two files, not two names of one: the entity written in both is still
    // a duplicate, though a link leads to one of them.
    let dir = scratch("same-name");
    write(
        &dir,
        "a/catalog-info.yaml",
        &entity("Group", "platform", ""),
    );
    write(
        &dir,
        "b/catalog-info.yaml",
        &entity("Group", "platform", ""),
    );
    std::os::unix::fs::symlink("a/catalog-info.yaml", dir.join("c.yaml")).expect("a link");
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).expect("loads");
    let report = Linter::new().check(&loaded);
    assert_eq!(findings(&report, "duplicate-id").len(), 1, "{report:#?}");
    cleanup(&dir);
}

#[test]
fn template_skeletons_are_left_out_without_a_word_whatever_their_syntax() {
    let dir = scratch("skeletons");
    write(&dir, "group.yaml", &entity("Group", "platform", ""));
    let head = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n";
    // Nunjucks blocks: no YAML until the template runs.
    write(
        &dir,
        "nunjucks/catalog-info.yaml",
        &format!(
            "{head}  name: ${{{{ values.name }}}}\n  {{%- if values.description %}}\n  description: ${{{{ values.description }}}}\n  {{%- endif %}}\nspec:\n  owner: ${{{{ values.owner }}}}\n"
        ),
    );
    // `{{ }}` where YAML reads a brace as a mapping.
    write(
        &dir,
        "cookiecutter/catalog-info.yaml",
        &format!("{head}  name: svc\nspec:\n  owner: {{{{ cookiecutter.owner }}}}\n"),
    );
    // A literal name, templated references.
    write(
        &dir,
        "literal/catalog-info.yaml",
        &format!(
            "{head}  name: orders-service\nspec:\n  owner: ${{{{ values.owner }}}}\n  system: ${{{{ values.system }}}}\n"
        ),
    );
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).expect("loads");
    assert_eq!(ids(&loaded), ["team platform"]);
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    // The README: skeletons are left out without a word, as Templates are
    // (no "holds no entity" note: the file does hold a templated entity).
    assert!(loaded.empty_files.is_empty(), "{:?}", loaded.empty_files);
    let o = opmodel(&["check", dir.to_str().expect("utf-8"), "--color", "never"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("holds no entity"), "{err}");
    cleanup(&dir);
}

#[test]
fn a_catalog_with_a_syntax_error_and_no_placeholder_at_it_is_still_an_invalid_file() {
    let dir = scratch("not-a-skeleton");
    // A brace in a description far from the error is no template.
    write(
        &dir,
        "catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: shop\n  description: renders {{ prices }}\n\nspec:\n  type: service\n  owner: [team-a\n",
    );
    write(
        &dir,
        "broken.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n   spec: {}\n",
    );
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).expect("loads");
    let unread: Vec<&Diagnostic> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.check == "invalid-file")
        .collect();
    assert_eq!(unread.len(), 2, "{:#?}", loaded.diagnostics);
    assert!(loaded.empty_files.is_empty(), "{:?}", loaded.empty_files);
    cleanup(&dir);
}

#[test]
fn a_missing_target_of_an_optional_location_is_a_note_and_of_a_required_one_an_error() {
    let dir = scratch("presence");
    let location = |presence: &str| {
        format!(
            "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: generated\nspec:\n  type: file\n{presence}  targets:\n    - ./generated/users.yaml\n    - ./generated/*.yaml\n"
        )
    };
    write(&dir, "group.yaml", &entity("Group", "platform", ""));
    for (presence, errors) in [
        ("  presence: optional\n", 0),
        ("  presence: required\n", 2),
        ("", 2),
    ] {
        write(&dir, "catalog-info.yaml", &location(presence));
        let loaded =
            load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).expect("loads");
        let report = Linter::new().check(&loaded);
        assert_eq!(
            findings(&report, "invalid-file").len(),
            errors,
            "{presence}: {report:#?}"
        );
        let notes = findings(&report, "unfollowed-location");
        assert_eq!(notes.len(), 2 - errors, "{presence}: {report:#?}");
        assert!(notes.iter().all(|d| d.severity == Severity::Note));
    }
    cleanup(&dir);
}

// ---- audit round 9 ----------------------------------------------------------

/// Backstage gives a group one parent: two `spec.children` lists naming it,
/// or a `spec.parent` another group's `spec.children` contradicts, are
/// reported; a `spec.parent` that agrees with the list is not.
#[test]
fn a_group_with_two_parents_is_reported_and_one_that_agrees_is_not() {
    let mut text = entity("Group", "d", "children: [e]");
    text.push_str(&entity("Group", "f", "children: [e]"));
    text.push_str(&entity("Group", "e", ""));
    text.push_str(&entity("Group", "a", "children: [c]"));
    text.push_str(&entity("Group", "b", ""));
    text.push_str(&entity("Group", "c", "parent: b"));
    let loaded = load(&text);
    let found = invalid(&loaded);
    let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "group `e` is listed in the `spec.children` of `d` and `f`: a group has one parent, and it is placed under `d`",
            "group `c` has `spec.parent: b`, but `a` lists it in `spec.children`: a group has one parent, and its `spec.parent` is read",
        ],
        "{found:#?}"
    );
    // Both claims are shown, each at its `spec.children` entry.
    assert_eq!(found[0].labels.len(), 2);
    assert!(
        found[0]
            .labels
            .iter()
            .all(|l| l.message.ends_with("lists it in `spec.children`"))
    );
    assert_eq!(found[1].focus.as_ref().expect("focus").location.line, 42);
    assert_eq!(found[1].labels[0].location.line, 28);
    // The parent read is unchanged: `spec.parent`, else the first lister.
    assert_eq!(parent(team(&loaded, "e")), "d");
    assert_eq!(parent(team(&loaded, "c")), "b");

    // One parent, said on both sides, or by one side only: no finding.
    let mut text = entity("Group", "unit", "children: [squad, other]");
    text.push_str(&entity("Group", "squad", "parent: unit"));
    text.push_str(&entity("Group", "other", ""));
    text.push_str(&entity("Group", "solo", "parent: unit"));
    let loaded = load(&text);
    assert!(invalid(&loaded).is_empty(), "{:#?}", loaded.diagnostics);
    // A group defined twice and listed twice by one unit: one parent.
    let mut text = entity("Group", "unit", "children: [squad, squad]");
    text.push_str(&entity("Group", "squad", ""));
    text.push_str(&entity("Group", "squad", ""));
    assert!(invalid(&load(&text)).is_empty());
}

/// An owner `user:` the catalog has no User for is an unknown reference, as a
/// missing user in a group's `spec.members` is; one it has is a person.
#[test]
fn an_owner_naming_a_user_the_catalog_lacks_is_an_unknown_reference() {
    let mut text = entity("Group", "team-a", "");
    text.push_str(&entity("User", "alice", "memberOf: [team-a]"));
    text.push_str(&entity("Component", "svc", "owner: user:nobody"));
    text.push_str(&entity("Component", "svc2", "owner: user:alice"));
    text.push_str(&entity("Component", "svc3", "owner: user:dev/alice"));
    let report = check(&text);
    let unknown = findings(&report, "unknown-reference");
    let about: Vec<(&str, &str)> = unknown
        .iter()
        .map(|d| (d.entity.id.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        about,
        [
            (
                "svc",
                "component `svc` names `user:nobody` in `spec.owner`, but the catalog has no such user"
            ),
            (
                "svc3",
                "component `svc3` names `user:dev/alice` in `spec.owner`, but the catalog has no such user"
            ),
        ],
        "{:#?}",
        report.diagnostics
    );
    let help = unknown[1].help.as_deref().unwrap_or_default();
    assert!(help.contains("write `user:default/alice`"), "{help}");
    // Each is owned by a person all the same, said in the catalog's words
    // (not "has no accountable owner").
    let orphaned: Vec<&str> = findings(&report, "orphaned-product")
        .iter()
        .map(|d| d.entity.id.as_str())
        .collect();
    assert_eq!(orphaned, ["svc", "svc2", "svc3"]);
    assert!(findings(&report, "orphaned-product").iter().all(|d| {
        d.message
            .ends_with("a person: ownership belongs to a group")
    }));
}

/// A name in `spec.members` with no User is reported and is no member: it
/// neither staffs the team (`team-size`) nor is written by `import`.
#[test]
fn members_the_catalog_has_no_user_for_do_not_staff_the_group() {
    let dir = scratch("ghost-members");
    let mut text = entity(
        "Group",
        "team-a",
        "type: team\nmembers: [ghost-1, ghost-2, ana]",
    );
    text.push_str(&entity("User", "ana", ""));
    text.push_str(&entity("Component", "svc", "owner: team-a"));
    write(&dir, "catalog-info.yaml", &text);
    let loaded = load(&text);
    assert_eq!(members(team(&loaded, "team-a")), ["ana"]);
    let report = Linter::new().check(&loaded);
    assert_eq!(findings(&report, "unknown-reference").len(), 2);
    let size = findings(&report, "team-size");
    assert_eq!(size.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        size[0].message.contains("(1 member)"),
        "{}",
        size[0].message
    );
    let o = opmodel(&["import", "backstage", dir.to_str().expect("utf-8")]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("name: ana"), "{out}");
    assert!(!out.contains("ghost"), "{out}");
    cleanup(&dir);
}

/// A reference of a kind the field does not take names the kind the field
/// takes, and is quoted as written.
#[test]
fn a_reference_of_the_wrong_kind_names_the_fields_kind_and_is_quoted_as_written() {
    let mut text = entity("Group", "team-a", "");
    text.push_str(&entity("Domain", "shop", "owner: team-a"));
    text.push_str(&entity(
        "System",
        "checkout",
        "owner: team-a\ndomain: foo:bar",
    ));
    text.push_str(&entity(
        "Component",
        "cart",
        "owner: team-a\nsystem: shop - resource:default/x",
    ));
    text.push_str(&entity("Component", "cart2", "owner: component:cart"));
    let loaded = load(&text);
    let messages: Vec<&str> = invalid(&loaded)
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`spec.domain` names `foo:bar`, whose kind `foo` is not a catalog kind; it must name a domain",
            "`spec.system` names `shop - resource:default/x`, whose kind `shop - resource` is not a catalog kind; it must name a system",
            "`spec.owner` names `component:cart`, a component; it must name a group or a user",
        ]
    );
    // A kind other than the field's that it does take is no finding.
    let mut text = entity("Group", "team-a", "");
    text.push_str(&entity("Component", "base", "owner: team-a"));
    text.push_str(&entity(
        "API",
        "api",
        "owner: team-a\nsystem: component:base",
    ));
    assert!(invalid(&load(&text)).is_empty());
}

/// A reference to an entity the catalog lacks keeps the id it would have:
/// a missing Group `marketing` is `marketing`, and the Domain of that name
/// is `marketing.domain`, as when the group is there.
#[test]
fn a_missing_entity_keeps_the_id_it_would_have_and_takes_it_first() {
    let domain = entity("Domain", "marketing", "owner: marketing");
    for with_group in [false, true] {
        let mut text = domain.clone();
        if with_group {
            text.push_str(&entity("Group", "marketing", ""));
        }
        let loaded = load(&text);
        let p = product(&loaded, "marketing.domain");
        assert_eq!(p.owner[0].id, "marketing", "with the group: {with_group}");
    }
    // A missing System `g` comes before the Component `g` too.
    let mut text = entity("Group", "team-a", "");
    text.push_str(&entity("Component", "g", "owner: team-a\nsystem: g"));
    let loaded = load(&text);
    let c = product(&loaded, "g.component");
    assert_eq!(c.part_of.as_ref().map(|r| r.id.as_str()), Some("g"));
    // No collision, no suffix.
    let text = entity("Component", "svc", "owner: team-b\nsystem: shop");
    let loaded = load(&text);
    let p = product(&loaded, "svc");
    assert_eq!(p.owner[0].id, "team-b");
    assert_eq!(p.part_of.as_ref().map(|r| r.id.as_str()), Some("shop"));
}

/// `hierarchy-cycle` on catalog entities names the catalog's fields and
/// points at the field of the entity at fault.
#[test]
fn a_loop_in_a_catalog_names_its_fields_and_points_at_them() {
    let mut text = entity("Group", "self", "type: team\nparent: self");
    text.push_str(&entity("Domain", "d1", "owner: self\nsubdomainOf: d2"));
    text.push_str(&entity("Domain", "d2", "owner: self\nsubdomainOf: d1"));
    let report = check(&text);
    let loops = findings(&report, "hierarchy-cycle");
    let shown: Vec<(&str, u32)> = loops
        .iter()
        .map(|d| {
            (
                d.message.as_str(),
                d.primary_location().expect("a place").line,
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("group `spec.parent` chain loops: `self` → `self`", 8),
            (
                "domain `spec.subdomainOf` chain loops: `d1` → `d2` → `d1`",
                16
            ),
        ],
        "{loops:#?}"
    );
    assert_eq!(
        loops[1].help.as_deref(),
        Some(
            "a domain cannot be part of itself: break the loop by changing one `spec.subdomainOf`"
        )
    );
    assert_eq!(loops[1].labels[0].location.line, 24);
    // A parent read from another group's `spec.children` names that field.
    let mut text = entity("Group", "a", "type: team\nparent: b");
    text.push_str(&entity(
        "Group",
        "b",
        "type: team\nchildren: [a]\nparent: a",
    ));
    let report = check(&text);
    let loops = findings(&report, "hierarchy-cycle");
    assert_eq!(loops.len(), 1, "{:#?}", report.diagnostics);
    assert!(
        loops[0]
            .message
            .starts_with("group `spec.parent` chain loops"),
        "{}",
        loops[0].message
    );
    // opmodel's own files keep their words.
    let native = "teams:\n  - id: a\n    parent: b\n  - id: b\n    parent: a\n";
    let report = Linter::new().check(&load_str(native, Format::Yaml, "org.yaml"));
    assert!(
        findings(&report, "hierarchy-cycle")[0]
            .message
            .starts_with("team `parent` chain loops"),
    );
}

/// Backstage's schemas take each kind as its docs write it: `kind:
/// component` is refused there, so it is reported (and still read).
#[test]
fn a_kind_in_another_case_is_reported_with_what_to_write() {
    let mut text = entity("Group", "team-a", "");
    text.push_str(&entity("component", "lower", "owner: team-a"));
    text.push_str(&entity("Api", "shop-api", "owner: team-a"));
    text.push_str(&entity("API", "good-api", "owner: team-a"));
    text.push_str(&entity("Component", "good", "owner: team-a"));
    let loaded = load(&text);
    let found: Vec<(&str, &str)> = invalid(&loaded)
        .iter()
        .map(|d| (d.message.as_str(), d.help.as_deref().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "`kind: component` is not written as Backstage writes it: Backstage refuses the entity; write `Component`",
                "write `kind: Component` (the kind is case-sensitive); the entity is still read"
            ),
            (
                "`kind: Api` is not written as Backstage writes it: Backstage refuses the entity; write `API`",
                "write `kind: API` (the kind is case-sensitive); the entity is still read"
            ),
        ]
    );
    assert_eq!(
        ids(&loaded),
        [
            "product good",
            "product good-api",
            "product lower",
            "product shop-api",
            "team team-a"
        ]
    );
}

/// `$text`, `$json` and `$yaml` substitutions are noted once each (opmodel
/// reads no other file for them), and an owner written as one is not "a
/// table".
#[test]
fn substitutions_are_noted_once_each_and_an_owner_of_one_is_no_error() {
    let mut text = String::from(
        "---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-a\n  description:\n    $text: ./README.md\nspec:\n  profile:\n    displayName:\n      $text: ./name.txt\n",
    );
    text.push_str(
        "---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc\n  title:\n    $json: ./x.json\nspec:\n  owner:\n    $text: ./owner.txt\n",
    );
    let report = check(&text);
    let notes: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .collect();
    let messages: Vec<&str> = notes.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`metadata.description` is `$text: ./README.md`, a substitution Backstage fills in when it reads the entity; opmodel reads no other file, so the group has no description here",
            "`spec.profile.displayName` is `$text: ./name.txt`, a substitution Backstage fills in when it reads the entity; opmodel reads no other file, so the group has no display name here",
            "`metadata.title` is `$json: ./x.json`, a substitution Backstage fills in when it reads the entity; opmodel reads no other file, so the component has no title here",
            "`spec.owner` is `$text: ./owner.txt`, a substitution Backstage fills in when it reads the entity; opmodel reads no other file, so the component has no owner here",
        ]
    );
    assert!(notes.iter().all(|d| d.check == "invalid-entity"));
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("not a table")),
        "{:#?}",
        report.diagnostics
    );
    // A table that is no substitution is still no reference.
    let text = entity("Component", "svc", "owner:\n  name: team-a");
    let found = invalid(&load(&text))
        .iter()
        .map(|d| d.message.clone())
        .collect::<Vec<_>>();
    assert_eq!(
        found,
        ["`spec.owner` must be an entity reference like `group:team-a`, not a table"]
    );
}

/// A YAML file of one string (a Casbin policy kept as `.yaml`) beside a
/// catalog is left out with a note, as other files that are no org file
/// are; alone it is still `invalid-file`.
#[test]
fn a_yaml_file_of_one_string_beside_a_catalog_is_left_out_with_a_note() {
    let dir = scratch("string-yaml");
    write(&dir, "catalog-info.yaml", &entity("Group", "team-a", ""));
    let policy = "# casbin policy\np, role:default/team-a, catalog-entity, read, allow\n";
    write(&dir, "rbac-policy.yaml", policy);
    write(&dir, "hosts.yaml", "- hosts: all\n  tasks: []\n");
    let loaded = load_paths(std::slice::from_ref(&dir), &LoadOptions::default()).expect("loads");
    assert!(
        loaded.diagnostics.iter().all(|d| d.check != "invalid-file"),
        "{:#?}",
        loaded.diagnostics
    );
    let noted: Vec<String> = loaded
        .empty_files
        .iter()
        .map(|p| p.strip_prefix(&dir).expect("below").display().to_string())
        .collect();
    assert_eq!(noted, ["hosts.yaml", "rbac-policy.yaml"]);
    // Alone, it is a file that is no org file.
    let alone = load_str(policy, Format::Yaml, "rbac-policy.yaml");
    assert_eq!(alone.diagnostics.len(), 1, "{:#?}", alone.diagnostics);
    assert_eq!(alone.diagnostics[0].check, "invalid-file");
    cleanup(&dir);
}
