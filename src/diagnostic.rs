//! Diagnostics: what a check found, where, and what to do about it.
//!
//! A [`Diagnostic`] is built by a check (or the loader) without a severity:
//! the [`Linter`](crate::Linter) sets it from the check's configured
//! [`Level`](crate::config::Level). Two renderings exist in
//! [`crate::report`]: rustc-style text and the JSON object of the spec.

use std::borrow::Cow;

use serde::Serialize;
use strum::{Display, EnumString, IntoStaticStr};

use crate::model::{EntityKind, EntityRef, Id};
use crate::source::Location;

/// The most related entities, and the most labels, one finding lists; the
/// rest are counted ([`Diagnostic::more_related`], [`Diagnostic::more_labels`])
/// and shown as "and N more". A finding about a loop or a chain of a
/// million entities would otherwise be as large as the model.
pub const MAX_LISTED: usize = 10;

/// How serious a finding is, as written in the output.
///
/// Ordered most serious first, as reports list them: `Error < Warning <
/// Note`, the reverse of [`Level`](crate::Level)'s `Allow < Warn < Deny`.
/// So `severity <= Severity::Warning` means "a warning or worse".
///
/// ```
/// use opmodel::Severity;
/// assert!(Severity::Error < Severity::Warning && Severity::Warning < Severity::Note);
/// ```
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Display,
    EnumString,
    IntoStaticStr,
    Serialize,
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
    ///
    /// Borrowed when it is the same for every finding of a check: a check
    /// with a hundred thousand findings then keeps one copy of it, not a
    /// hundred thousand.
    pub help: Option<Cow<'static, str>>,
    /// Where the entity was defined (the JSON `location`).
    pub location: Option<Location>,
    /// The exact spot inside the entity, when it is not the entity's start
    /// (the field holding a dangling reference, say), shown by the text
    /// rendering.
    pub focus: Option<Label>,
    /// Other places involved (the other claim, the first definition).
    pub labels: Vec<Label>,
    /// Other entities involved, at most [`MAX_LISTED`].
    pub related: Vec<EntityRef>,
    /// How many more related entities there are than `related` lists.
    pub more_related: usize,
    /// How many more places there are than `labels` lists.
    pub more_labels: usize,
}

impl Diagnostic {
    /// A finding of `check` about `entity`.
    pub fn new(
        check: impl Into<Cow<'static, str>>,
        entity: EntityRef,
        message: impl Into<String>,
    ) -> Self {
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
            more_related: 0,
            more_labels: 0,
        }
    }

    /// Where the finding points: the exact spot when there is one
    /// ([`Self::focus`]), else where the entity was defined
    /// ([`Self::location`]). Every rendering (text, JSON, SARIF, GitHub)
    /// shows this place, and findings are sorted by it.
    pub fn primary_location(&self) -> Option<Location> {
        self.focus.as_ref().map(|f| f.location).or(self.location)
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
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

    /// Adds a secondary place (ignored when `location` is `None`); past
    /// [`MAX_LISTED`] places it is only counted.
    #[must_use]
    pub fn with_label(mut self, location: Option<Location>, message: impl Into<String>) -> Self {
        self.push_label(location, message);
        self
    }

    /// Adds another place in place; past [`MAX_LISTED`] it is only counted.
    pub fn push_label(&mut self, location: Option<Location>, message: impl Into<String>) {
        if let Some(location) = location {
            if self.labels.len() < MAX_LISTED {
                self.labels.push(Label {
                    location,
                    message: message.into(),
                });
            } else {
                self.more_labels += 1;
            }
        }
    }

    /// Adds a related entity; past [`MAX_LISTED`] it is only counted.
    #[must_use]
    pub fn with_related(mut self, kind: EntityKind, id: impl Into<Id>) -> Self {
        self.push_related(EntityRef::new(kind, id));
        self
    }

    /// Adds a related entity in place; past [`MAX_LISTED`] it is only counted.
    pub fn push_related(&mut self, entity: EntityRef) {
        if self.related.len() < MAX_LISTED {
            self.related.push(entity);
        } else {
            self.more_related += 1;
        }
    }

    /// Counts `n` more related entities that are not listed (a check that
    /// knows how long its list is without building it).
    pub fn add_unlisted_related(&mut self, n: usize) {
        self.more_related += n;
    }

    /// Holds `related` and `labels` to [`MAX_LISTED`], counting the rest:
    /// for findings whose lists were filled in directly.
    pub(crate) fn cap_lists(&mut self) {
        if self.related.len() > MAX_LISTED {
            self.more_related += self.related.len() - MAX_LISTED;
            self.related.truncate(MAX_LISTED);
        }
        if self.labels.len() > MAX_LISTED {
            self.more_labels += self.labels.len() - MAX_LISTED;
            self.labels.truncate(MAX_LISTED);
        }
    }

    /// Moves every location to another file table, `offset` files further on
    /// (used when the files of several models are merged).
    pub(crate) fn shift_files(mut self, offset: u32) -> Self {
        let shift = |l: &mut Location| l.file = l.file.shifted(offset);
        self.location.iter_mut().for_each(shift);
        self.focus.iter_mut().for_each(|f| shift(&mut f.location));
        self.labels.iter_mut().for_each(|f| shift(&mut f.location));
        self
    }

    /// The order of the spec: file, line, check name, entity id (then the
    /// rest, so that the order is total). The file and line are those of
    /// [`Self::primary_location`], where the finding is shown.
    pub(crate) fn sort_key<'a>(&'a self, file_ranks: &[u32]) -> impl Ord + 'a {
        // Files compare by the rank of their display path (see
        // `Sources::display_ranks`): a folder of many files would otherwise
        // compare two paths for most pairs of findings.
        let (file, line, column) = self.primary_location().map_or((None, 0, 0), |l| {
            let rank = file_ranks.get(l.file.index()).copied().unwrap_or(u32::MAX);
            (Some(rank), l.line, l.column)
        });
        (
            file,
            line,
            &*self.check,
            &self.entity.id,
            self.entity.kind,
            column,
            &self.message,
        )
    }
}

impl Diagnostic {
    /// [`Self::sort_key`], then everything else a finding holds: findings
    /// compare equal only when they are equal.
    pub(crate) fn total_cmp(&self, other: &Self, file_ranks: &[u32]) -> std::cmp::Ordering {
        fn labels(d: &Diagnostic) -> impl Iterator<Item = (Location, &str)> {
            let focus = d.focus.iter().map(|l| (l.location, l.message.as_str()));
            focus.chain(d.labels.iter().map(|l| (l.location, l.message.as_str())))
        }
        self.sort_key(file_ranks)
            .cmp(&other.sort_key(file_ranks))
            .then_with(|| self.location.cmp(&other.location))
            .then_with(|| self.severity.cmp(&other.severity))
            .then_with(|| self.help.cmp(&other.help))
            .then_with(|| self.related.cmp(&other.related))
            .then_with(|| self.more_related.cmp(&other.more_related))
            .then_with(|| self.more_labels.cmp(&other.more_labels))
            .then_with(|| self.focus.is_some().cmp(&other.focus.is_some()))
            .then_with(|| labels(self).cmp(labels(other)))
    }
}

/// "a" or "an" before `word`, by how it starts: "an engineering-lead",
/// "a product-manager", "an API", "a user", "a unit".
pub(crate) fn article(word: &str) -> &'static str {
    let lower = word.to_ascii_lowercase();
    // A vowel letter read as a consonant ("you", "wun").
    let sounds_consonant = ["use", "usa", "usu", "uni", "uti", "ure", "eu", "one"]
        .iter()
        .any(|start| lower.starts_with(start));
    if lower.starts_with(['a', 'e', 'i', 'o', 'u']) && !sounds_consonant {
        "an"
    } else {
        "a"
    }
}

/// Finds the closest candidate to `word` for a "did you mean" hint, if one
/// is close enough to be a likely typo.
///
/// The cost per candidate is bounded (a length test and a character set
/// comparison), and so is the edit distance work per call (a banded
/// distance over at most a fixed number of candidates).
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates = candidates.into_iter().map(|c| (c, None));
    crate::closest::closest(word, candidates, &mut crate::closest::Steps::default())
}

/// The candidates one of whose words (the parts between hyphens) begins
/// with `word`, in the order given: what a user who remembers one word of a
/// name meant (`milestone` for `milestone-key-result`, `customer` for
/// `customer-facing`), where [`did_you_mean`] looks for typos only. Words
/// shorter than three characters match nothing, and case is ignored.
///
/// Meant for short lists of names (checks, the words of a field); it reads
/// every candidate.
///
/// ```
/// use opmodel::diagnostic::named_like;
///
/// let names = ["orphaned-product", "unaligned-product", "idle-team"];
/// assert_eq!(named_like("orphan", names), ["orphaned-product"]);
/// assert_eq!(named_like("Product", names), ["orphaned-product", "unaligned-product"]);
/// assert!(named_like("pr", names).is_empty());
/// ```
pub fn named_like<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let word = word.trim().to_ascii_lowercase();
    if word.chars().count() < 3 {
        return Vec::new();
    }
    candidates
        .into_iter()
        .filter(|c| {
            c.split('-')
                .any(|part| part.to_ascii_lowercase().starts_with(&word))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_follows_the_sound() {
        use super::article;
        for (word, a) in [
            ("engineering-lead", "an"),
            ("product-manager", "a"),
            ("API", "an"),
            ("user", "a"),
            ("unit", "a"),
            ("outcome", "an"),
            ("objective", "an"),
            ("team", "a"),
            ("European team", "a"),
        ] {
            assert_eq!(article(word), a, "{word}");
        }
    }

    use super::*;

    #[test]
    fn total_cmp_is_equal_only_for_equal_findings() {
        let at = |line| Some(Location::point(crate::source::FileId::at(0), line, 1));
        let base =
            Diagnostic::new("idle-team", EntityRef::new(EntityKind::Team, "a"), "m").at(at(1));
        let variants = [
            base.clone().with_help("h"),
            base.clone().with_related(EntityKind::Product, "p"),
            base.clone().with_label(at(2), "here"),
            base.clone().with_focus(at(2), "here"),
            base.clone()
                .with_focus(at(2), "here")
                .with_label(at(3), "there"),
            Diagnostic {
                severity: Severity::Warning,
                ..base.clone()
            },
        ];
        let ranks = [0];
        assert_eq!(
            base.total_cmp(&base.clone(), &ranks),
            std::cmp::Ordering::Equal
        );
        for (i, a) in variants.iter().enumerate() {
            assert_ne!(
                base.total_cmp(a, &ranks),
                std::cmp::Ordering::Equal,
                "{a:?}"
            );
            for (j, b) in variants.iter().enumerate() {
                let order = a.total_cmp(b, &ranks);
                assert_eq!(order == std::cmp::Ordering::Equal, i == j, "{a:?} {b:?}");
                assert_eq!(order, b.total_cmp(a, &ranks).reverse());
            }
        }
    }

    #[test]
    fn suggests_close_words_only() {
        let ids = ["playback", "platform-core", "music"];
        assert_eq!(did_you_mean("playbak", ids), Some("playback"));
        assert_eq!(did_you_mean("musik", ids), Some("music"));
        assert_eq!(did_you_mean("finance", ids), None);
        assert_eq!(did_you_mean("", ids), None);
    }
}
