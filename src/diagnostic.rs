//! Diagnostics: what a check found, where, and what to do about it.
//!
//! A [`Diagnostic`] is built by a check (or the loader) without a severity:
//! the [`Linter`](crate::Linter) sets it from the check's configured
//! [`Level`](crate::config::Level). Two renderings exist in
//! [`crate::report`]: rustc-style text and the JSON object of the spec.

use std::borrow::Cow;

use serde::Serialize;
use strum::{Display, EnumString, IntoStaticStr};

use crate::model::{EntityKind, EntityRef};
use crate::source::Location;

/// How serious a finding is, as written in the output.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Display, EnumString, IntoStaticStr, Serialize,
)]
#[strum(serialize_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `opmodel check` (exit 1).
    Error,
    /// Reported, does not fail.
    Warning,
    /// Extra information.
    Note,
}

/// A secondary place the diagnostic points at, with what happened there
/// ("claimed here", "first defined here").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where.
    pub location: Location,
    /// What is there; starts lowercase, no trailing period.
    pub message: String,
}

/// One finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The stable kebab-case name of the check that found it.
    pub check: Cow<'static, str>,
    /// Set by the linter from the check's level; [`Severity::Error`] until then.
    pub severity: Severity,
    /// The entity the finding is about.
    pub entity: EntityRef,
    /// What is wrong, in the org's own words; starts lowercase, no trailing period.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// Where the entity was defined (the JSON `location`).
    pub location: Option<Location>,
    /// The exact spot inside the entity, when it is not the entity's start
    /// (the field holding a dangling reference, say), shown by the text
    /// rendering.
    pub focus: Option<Label>,
    /// Other places involved (the other claim, the first definition).
    pub labels: Vec<Label>,
    /// Other entities involved.
    pub related: Vec<EntityRef>,
}

impl Diagnostic {
    /// A finding of `check` about `entity`.
    pub fn new(check: impl Into<Cow<'static, str>>, entity: EntityRef, message: impl Into<String>) -> Self {
        Self {
            check: check.into(),
            severity: Severity::Error,
            entity,
            message: message.into(),
            help: None,
            location: None,
            focus: None,
            labels: Vec::new(),
            related: Vec::new(),
        }
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets where the entity was defined.
    #[must_use]
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Points at the exact spot inside the entity.
    #[must_use]
    pub fn with_focus(mut self, location: Option<Location>, message: impl Into<String>) -> Self {
        if let Some(location) = location {
            self.focus = Some(Label {
                location,
                message: message.into(),
            });
        }
        self
    }

    /// Adds a secondary place (ignored when `location` is `None`).
    #[must_use]
    pub fn with_label(mut self, location: Option<Location>, message: impl Into<String>) -> Self {
        if let Some(location) = location {
            self.labels.push(Label {
                location,
                message: message.into(),
            });
        }
        self
    }

    /// Adds a related entity.
    #[must_use]
    pub fn with_related(mut self, kind: EntityKind, id: impl Into<String>) -> Self {
        self.related.push(EntityRef::new(kind, id));
        self
    }

    /// Moves every location to another file table, `offset` files further on
    /// (used when the files of several models are merged).
    pub(crate) fn shift_files(mut self, offset: u32) -> Self {
        let shift = |l: &mut Location| l.file = crate::source::FileId(l.file.0 + offset);
        self.location.iter_mut().for_each(shift);
        self.focus.iter_mut().for_each(|f| shift(&mut f.location));
        self.labels.iter_mut().for_each(|f| shift(&mut f.location));
        self
    }

    /// The order of the spec: file, line, check name, entity id (then the
    /// rest, so that the order is total).
    pub(crate) fn sort_key<'a>(&'a self, sources: &'a crate::source::Sources) -> impl Ord + 'a {
        let (file, line, column) = self
            .location
            .map_or((None, 0, 0), |l| (Some(sources.display(l.file)), l.line, l.column));
        (file, line, &*self.check, &self.entity.id, self.entity.kind, column, &self.message)
    }
}

/// Finds the closest candidate to `word` for a "did you mean" hint, if one
/// is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    // Bounded work: very long words are never typos of short ids.
    if word.len() > 256 {
        return None;
    }
    let limit = (word.chars().count() / 3).clamp(1, 4);
    candidates
        .into_iter()
        .filter(|c| c.len() <= 256 && c.len().abs_diff(word.len()) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let ids = ["playback", "platform-core", "music"];
        assert_eq!(did_you_mean("playbak", ids), Some("playback"));
        assert_eq!(did_you_mean("musik", ids), Some("music"));
        assert_eq!(did_you_mean("finance", ids), None);
        assert_eq!(did_you_mean("", ids), None);
    }
}
