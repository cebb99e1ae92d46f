//! Following Backstage `Location` entities: their relative targets are read
//! like inputs, each file once; URL targets are never fetched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::Gathered;
use super::backstage::{Catalog, Target};
use super::{LoadOptions, Loaded, Plan, file_diagnostic, inspect, load_file, merge_piece, plan};
use crate::check::unfollowed_location::UnfollowedLocation;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::InputRead;
use crate::model::{EntityKind, EntityRef};

/// Most files one glob target may name (a `**` at the root of a big tree).
const MAX_GLOB_MATCHES: usize = 10_000;

/// Most folder entries one glob target may look at: a `../../**` pointing
/// at the root of the disk stops there, not after the whole disk.
const MAX_GLOB_VISITS: usize = 200_000;

/// Reads the files the Locations in `catalog` name (and those their
/// Locations name, and so on), adding them to `loaded` and `catalog`.
pub(super) fn follow(
    loaded: &mut Loaded,
    gathered: &mut Gathered,
    inputs: &[PathBuf],
    options: &LoadOptions,
    total: &mut u64,
) {
    if gathered.catalog.targets.is_empty() {
        return;
    }
    let mut seen: BTreeSet<PathBuf> = inputs.iter().map(|p| canonical(p)).collect();
    // The file whose Location led to each file read for a Location.
    let mut led_by: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    let mut next = 0;
    // URL targets, noted once at the end.
    let mut urls: Vec<(Target, String)> = Vec::new();
    while let Some(target) = gathered.catalog.targets.get(next).cloned() {
        next += 1;
        let Some(from) = loaded.model.sources.get(target.location.file) else {
            continue;
        };
        let from_path = from.path().to_path_buf();
        let from_display = from.display().to_owned();
        let text = target.text.as_str();
        if is_url(text) {
            urls.push((target.clone(), from_display));
            continue;
        }
        let relative = text.strip_prefix("file:").unwrap_or(text);
        let base = from_path.parent().unwrap_or(Path::new(""));
        // `./teams.yaml` next to `catalog-info.yaml` is shown as `teams.yaml`.
        let joined: PathBuf = base
            .join(relative)
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect();
        let paths = if relative.contains(['*', '?']) {
            let found = glob(&joined);
            if found.is_empty() {
                loaded
                    .diagnostics
                    .push(missing(&target, &from_display, "matches no file"));
            }
            found
        } else {
            vec![joined]
        };
        let from_canonical = canonical(&from_path);
        for path in paths {
            let Ok(real) = path.canonicalize() else {
                loaded
                    .diagnostics
                    .push(missing(&target, &from_display, "names no file"));
                continue;
            };
            if leads_back(&real, &from_canonical, &led_by) {
                let d = Diagnostic::new(
                    UnfollowedLocation::NAME,
                    EntityRef::new(EntityKind::File, from_display.as_str()),
                    format!(
                        "Location target `{}` leads back to `{}`, which led here: a loop",
                        crate::check::quote_text(text),
                        path.display()
                    ),
                )
                .with_help("take the target out of the Location: each file is read once")
                .at(Some(target.location));
                loaded.diagnostics.push(d);
                continue;
            }
            if !seen.insert(real.clone()) {
                continue;
            }
            led_by.insert(real, from_canonical.clone());
            let plan = plan(inspect(&path, options), options, total);
            if let Plan::Skip(message) = &plan
                && message.starts_with("is not an org file")
            {
                // A target that is not YAML (`catalog-info.json` is, but a
                // README is not) says so where it is named.
                loaded.diagnostics.push(missing(
                    &target,
                    &from_display,
                    "is not a YAML, TOML or JSON file",
                ));
                continue;
            }
            let piece = load_file(&path, &plan, options);
            merge_piece(loaded, gathered, piece, InputRead::UNKNOWN);
        }
    }
    loaded.diagnostics.extend(url_note(&urls));
}

/// The note about the URL targets of a catalog read from a string (whose
/// relative targets are not followed: nothing is read from disk).
pub(super) fn url_notes(catalog: &Catalog, display: &str, diagnostics: &mut Vec<Diagnostic>) {
    let urls: Vec<(Target, String)> = catalog
        .targets
        .iter()
        .filter(|t| is_url(&t.text))
        .map(|t| (t.clone(), display.to_owned()))
        .collect();
    diagnostics.extend(url_note(&urls));
}

/// The one note naming every URL target (none when there is none): opmodel
/// does not fetch them. It is placed at the first; the others are its
/// labels. A URL named twice is named once.
fn url_note(urls: &[(Target, String)]) -> Option<Diagnostic> {
    let (first, from) = urls.first()?;
    let mut names: Vec<&str> = Vec::new();
    for (t, _) in urls {
        if !names.contains(&t.text.as_str()) {
            names.push(&t.text);
        }
    }
    let message = if names.len() == 1 {
        format!(
            "Location target `{}` is a URL: opmodel does not fetch it",
            crate::check::quote_text(&first.text)
        )
    } else {
        let quoted: Vec<String> = names
            .iter()
            .map(|n| format!("`{}`", crate::check::quote_text(n)))
            .collect();
        format!(
            "{} Location targets are URLs: opmodel does not fetch them: {}",
            names.len(),
            quoted.join(", ")
        )
    };
    let mut d = Diagnostic::new(
        UnfollowedLocation::NAME,
        EntityRef::new(EntityKind::File, from.as_str()),
        message,
    )
    .with_help("check out what they name and give those files to opmodel too")
    .at(Some(first.location));
    for (t, _) in urls.iter().skip(1) {
        d = d.with_label(Some(t.location), "a URL target");
    }
    d.severity = Severity::Note;
    Some(d)
}

/// `invalid-file` about a target, placed at the target.
fn missing(target: &Target, from: &str, what: &str) -> Diagnostic {
    let d = file_diagnostic(
        from,
        target.location.file,
        super::node::Pos::new(target.location.line, target.location.column),
        format!(
            "Location target `{}` {what}",
            crate::check::quote_text(&target.text)
        ),
    );
    d.with_help("correct the target (it is relative to the file the Location is in), or remove it")
}

/// Whether `real` is the file the Location is in, or a file on the chain
/// of Locations that led to it.
fn leads_back(real: &Path, from: &Path, led_by: &BTreeMap<PathBuf, PathBuf>) -> bool {
    let mut at = from;
    // The chain is at most as long as the files read.
    for _ in 0..=led_by.len() {
        if at == real {
            return true;
        }
        match led_by.get(at) {
            Some(up) => at = up,
            None => return false,
        }
    }
    false
}

fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// `https://…`, `http://…` and every other `scheme://`.
fn is_url(text: &str) -> bool {
    text.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// The files a path with `*`, `?` or `**` in it matches, sorted.
fn glob(pattern: &Path) -> Vec<PathBuf> {
    let mut start = PathBuf::new();
    let mut rest: Vec<String> = Vec::new();
    for part in pattern.components() {
        let text = part.as_os_str().to_string_lossy().into_owned();
        if rest.is_empty() && !text.contains(['*', '?']) {
            start.push(part);
        } else {
            rest.push(text);
        }
    }
    let mut out = Vec::new();
    let mut budget = MAX_GLOB_VISITS;
    walk(&start, &rest, &mut out, 0, &mut budget);
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, parts: &[String], out: &mut Vec<PathBuf>, depth: usize, budget: &mut usize) {
    if out.len() >= MAX_GLOB_MATCHES || depth > 64 || *budget == 0 {
        return;
    }
    *budget -= 1;
    let Some((first, rest)) = parts.split_first() else {
        if dir.is_file() {
            out.push(dir.to_path_buf());
        }
        return;
    };
    if first == "**" {
        // Zero folders, or one more and `**` again.
        walk(dir, rest, out, depth + 1, budget);
        for entry in entries(dir, budget) {
            if entry.is_dir() && !hidden(&entry) && !is_link(&entry) {
                walk(&entry, parts, out, depth + 1, budget);
            }
        }
        return;
    }
    if !first.contains(['*', '?']) {
        walk(&dir.join(first), rest, out, depth + 1, budget);
        return;
    }
    for entry in entries(dir, budget) {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !hidden(&entry) && matches(first.as_bytes(), name.as_bytes()) {
            walk(&entry, rest, out, depth + 1, budget);
        }
    }
}

fn entries(dir: &Path, budget: &mut usize) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|it| {
            it.take(*budget)
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect()
        })
        .unwrap_or_default();
    *budget = budget.saturating_sub(found.len());
    found.sort();
    found
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Whether `name` matches a pattern of `*` and `?` (no backtracking blow-up:
/// one remembered star).
fn matches(pattern: &[u8], name: &[u8]) -> bool {
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(&c) if c == b'?' || c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((sp, sn)) => {
                    p = sp + 1;
                    n = sn + 1;
                    star = Some((sp, sn + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*')
}

#[cfg(test)]
mod tests {
    use super::{is_url, matches};

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://github.com/acme/catalog/blob/main/all.yaml"));
        assert!(is_url("git+ssh://example.com/x.yaml"));
        assert!(!is_url("./teams.yaml"));
        assert!(!is_url("../shared/catalog-info.yaml"));
        assert!(!is_url("://nothing"));
    }

    #[test]
    fn star_patterns() {
        assert!(matches(b"*.yaml", b"catalog-info.yaml"));
        assert!(matches(b"catalog-?nfo.yaml", b"catalog-info.yaml"));
        assert!(!matches(b"*.yaml", b"catalog-info.yml"));
        assert!(matches(b"*", b""));
        assert!(matches(b"a*b*c", b"aXXbYYc"));
        assert!(!matches(b"a*b*c", b"aXXbYY"));
    }
}
