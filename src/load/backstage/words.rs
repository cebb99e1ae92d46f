//! Findings about catalog entities in the catalog's own words: a
//! Component's findings say "component", a Group's "group".

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::model::EntityKind;

/// What each entity read from a Backstage catalog is called there, so that
/// findings about it say "component `shop`" rather than "product `shop`".
/// Empty when no catalog was read. See [`Loaded::catalog_names`](super::super::Loaded::catalog_names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogNames {
    nouns: BTreeMap<(EntityKind, String), &'static str>,
}

impl CatalogNames {
    /// Whether no catalog entity is named.
    pub fn is_empty(&self) -> bool {
        self.nouns.is_empty()
    }

    /// The catalog's word for an entity (`component`, `API`, `group`), if it
    /// came from a catalog.
    pub fn noun(&self, kind: EntityKind, id: &str) -> Option<&'static str> {
        self.nouns.get(&(kind, id.to_owned())).copied()
    }

    pub(crate) fn insert(&mut self, kind: EntityKind, id: &str, noun: &'static str) {
        self.nouns.insert((kind, id.to_owned()), noun);
    }

    /// Says "component `x`" for "product `x`" (and "group `x`" for "team
    /// `x`") in each finding about a catalog entity, once, where the
    /// message names the entity itself.
    pub fn reword(&self, diagnostics: &mut [Diagnostic]) {
        if self.nouns.is_empty() {
            return;
        }
        for d in diagnostics {
            let Some(noun) = self.noun(d.entity.kind, d.entity.id.as_str()) else {
                continue;
            };
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
        }
    }
}
