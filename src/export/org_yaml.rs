//! The teams and products of a model written back as opmodel's own YAML
//! (what `opmodel import backstage` writes): reading the text back gives
//! the same teams and products.
//!
//! ```
//! use opmodel::export::org_yaml;
//! use opmodel::load::{load_str, Format};
//!
//! let catalog = "apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: payments\nspec:\n  type: team\n  children: []\n";
//! let loaded = load_str(catalog, Format::Backstage, "catalog-info.yaml");
//! let text = org_yaml::products(&loaded.model);
//! assert_eq!(text, "products: []\n");
//! let teams = org_yaml::teams(&loaded.model);
//! assert!(teams.contains("- id: \"payments\""));
//! ```

use std::fmt::Write as _;

use crate::model::{Model, Ref};

/// The `teams:` section of an org file holding every team of `model`.
pub fn teams(model: &Model) -> String {
    let mut out = String::new();
    if model.teams.is_empty() {
        out.push_str("teams: []\n");
        return out;
    }
    out.push_str("teams:\n");
    for t in &model.teams {
        let _ = writeln!(out, "  - id: {}", quoted(&t.id));
        if let Some(name) = &t.name {
            let _ = writeln!(out, "    name: {}", quoted(name));
        }
        let _ = writeln!(out, "    kind: {}", t.kind);
        if let Some(parent) = &t.parent {
            let _ = writeln!(out, "    parent: {}", quoted(&parent.id));
        }
        refs(&mut out, "owns", &t.owns);
        if !t.members.is_empty() {
            out.push_str("    members:\n");
            for m in &t.members {
                let _ = write!(out, "      - name: {}", quoted(&m.name));
                if let Some(role) = &m.role {
                    let _ = write!(out, "\n        role: {}", quoted(&role.to_string()));
                }
                out.push('\n');
            }
        }
        common(&mut out, t.description.as_deref(), &t.allow);
    }
    out
}

/// The `products:` section of an org file holding every product of `model`.
pub fn products(model: &Model) -> String {
    let mut out = String::new();
    if model.products.is_empty() {
        out.push_str("products: []\n");
        return out;
    }
    out.push_str("products:\n");
    for p in &model.products {
        let _ = writeln!(out, "  - id: {}", quoted(&p.id));
        if let Some(name) = &p.name {
            let _ = writeln!(out, "    name: {}", quoted(name));
        }
        if let Some(kind) = &p.kind {
            let _ = writeln!(out, "    kind: {kind}");
        }
        refs(&mut out, "owner", &p.owner);
        refs(&mut out, "contributors", &p.contributors);
        if let Some(part_of) = &p.part_of {
            let _ = writeln!(out, "    part_of: {}", quoted(&part_of.id));
        }
        refs(&mut out, "outcomes", &p.outcomes);
        if let Some(funding) = &p.funding {
            let _ = writeln!(out, "    funding: {funding}");
        }
        common(&mut out, p.description.as_deref(), &p.allow);
    }
    out
}

fn refs(out: &mut String, key: &str, refs: &[Ref]) {
    if refs.is_empty() {
        return;
    }
    let ids: Vec<String> = refs.iter().map(|r| quoted(&r.id)).collect();
    let _ = writeln!(out, "    {key}: [{}]", ids.join(", "));
}

fn common(out: &mut String, description: Option<&str>, allow: &[String]) {
    if let Some(d) = description {
        let _ = writeln!(out, "    description: {}", quoted(d));
    }
    if !allow.is_empty() {
        let names: Vec<String> = allow.iter().map(|a| quoted(a)).collect();
        let _ = writeln!(out, "    allow: [{}]", names.join(", "));
    }
}

/// A YAML double-quoted scalar: JSON's string escapes are YAML's too.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}
