use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{Format, INVALID_FILE};
use crate::diagnostic::Diagnostic;
use crate::error::LoadError;
use crate::model::{EntityKind, EntityRef};
use crate::source::Sources;

/// Every org file below `dir`: `.yaml`, `.yml`, `.toml` and `.json` files,
/// except `opmodel.toml` (configuration) and hidden files and folders
/// (names starting with `.`), sorted by path. Symlinked folders are
/// followed once; a link back into a folder already visited is skipped. A
/// folder below `dir` that a link also leads to is read under its own path;
/// a folder outside `dir` that several links lead to (when such links are
/// followed) is read through the first of them in path order.
///
/// Links that lead outside `dir` (to a folder or a regular file) are not
/// followed, so that a link to `/usr` does not read, and quote in the
/// output, files nobody gave; [`model_files_with`] says which were passed
/// over, and can follow them.
///
/// Folders that cannot be listed are reported in `diagnostics` (their paths
/// are added to `sources`).
///
/// # Errors
///
/// [`LoadError`] when `dir` itself cannot be listed.
pub fn model_files(
    dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &mut Sources,
) -> Result<Vec<PathBuf>, LoadError> {
    let roots: Vec<PathBuf> = dir.canonicalize().into_iter().collect();
    let mut walk = Walk {
        roots: &roots,
        follow_links_outside: false,
        skipped: Vec::new(),
    };
    model_files_with(dir, &mut walk, diagnostics, sources)
}

/// Where a folder walk may go, and the links it did not follow.
#[derive(Debug)]
pub struct Walk<'a> {
    /// The real paths of the folders given (canonical paths): a link is
    /// followed when it leads into one of them.
    pub roots: &'a [PathBuf],
    /// Follow links wherever they lead (`--follow-links-outside`).
    pub follow_links_outside: bool,
    /// The links that lead outside the roots and were not followed, in
    /// path order.
    pub skipped: Vec<SkippedLink>,
}

/// A link a folder walk did not follow because it leads outside the
/// folders given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedLink {
    /// The link, as found in the walk.
    pub path: PathBuf,
    /// Where it leads (its canonical path).
    pub target: PathBuf,
}

/// [`model_files`], with the links outside the roots of `walk` followed
/// or passed over (and recorded in [`Walk::skipped`]) as it says.
///
/// # Errors
///
/// [`LoadError`] when `dir` itself cannot be listed.
///
/// A file that a link also leads to is listed once, under its own path when
/// that is in the walk (else under the first link to it in path order).
pub fn model_files_with(
    dir: &Path,
    walk: &mut Walk<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &mut Sources,
) -> Result<Vec<PathBuf>, LoadError> {
    let mut linked = Vec::new();
    let mut files = walk_files(dir, walk, diagnostics, sources, &mut linked)?;
    read_once(&mut files, &linked);
    Ok(files)
}

/// [`model_files_with`], with the files reached through a link to a file
/// added to `linked` rather than taken out of the list: the loader takes
/// them out over all its inputs at once.
pub(super) fn walk_files(
    dir: &Path,
    walk: &mut Walk<'_>,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &mut Sources,
    linked: &mut Vec<PathBuf>,
) -> Result<Vec<PathBuf>, LoadError> {
    // The top folder is opened once: an error there fails the load, an
    // error below it is reported and the rest is read.
    let top_entries = std::fs::read_dir(dir).map_err(|e| LoadError::input(dir, e))?;
    let real = dir.canonicalize().ok();
    let mut visited: HashSet<PathBuf> = real.iter().cloned().collect();
    let mut files = Vec::new();
    let mut links = Vec::new();
    let top = Folder {
        path: dir.to_path_buf(),
        real,
    };
    let mut listings = vec![top.list_entries(top_entries)];
    let mut level: Vec<Folder> = Vec::new();
    let threads = crate::parallel::threads(4);
    loop {
        // The folders that are not links, a level of the tree at a time, each
        // level's listings on all cores. A tree has no loops, so only links
        // can lead back into it: they wait until the whole tree is known.
        loop {
            for listing in listings.drain(..) {
                files.extend(listing.files);
                links.extend(listing.links);
                for (path, error) in &listing.unreadable {
                    unreadable(path, error, diagnostics, sources);
                }
                level.extend(
                    listing
                        .folders
                        .into_iter()
                        .filter(|f| f.real.as_ref().is_none_or(|r| visited.insert(r.clone()))),
                );
            }
            if level.is_empty() {
                break;
            }
            listings =
                crate::parallel::map(&std::mem::take(&mut level), threads, None, Folder::list);
        }
        if links.is_empty() {
            break;
        }
        // Links in path order, so that which of two links to one folder is
        // followed does not depend on the order of the listings.
        sort_paths(&mut links);
        let targets = crate::parallel::map(&links, threads, None, |path| std::fs::metadata(path));
        for (path, target) in std::mem::take(&mut links).into_iter().zip(targets) {
            match target {
                Ok(m) if m.is_dir() => {
                    if let Ok(real) = path.canonicalize()
                        && walk.may_follow(&path, &real)
                        && visited.insert(real.clone())
                    {
                        level.push(Folder {
                            path,
                            real: Some(real),
                        });
                    }
                }
                Ok(m) if m.is_file() => {
                    if is_org_file(&path)
                        && path
                            .canonicalize()
                            .is_ok_and(|real| walk.may_follow(&path, &real))
                    {
                        linked.push(path.clone());
                        files.push(path);
                    }
                }
                // A pipe or a device behind a link, which the loader refuses
                // with a reason without reading it.
                Ok(_) => {
                    if is_org_file(&path) {
                        files.push(path);
                    }
                }
                // metadata() follows links: a dangling one is reported like
                // any unreadable file.
                Err(e) => {
                    if Format::from_path(&path).is_some() {
                        unreadable(&path, &e, diagnostics, sources);
                    }
                }
            }
        }
    }
    sort_paths(&mut files);
    walk.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

impl Walk<'_> {
    /// Whether the link at `path`, which leads to `real`, is followed;
    /// records it when not.
    fn may_follow(&mut self, path: &Path, real: &Path) -> bool {
        if self.follow_links_outside || self.roots.iter().any(|root| real.starts_with(root)) {
            return true;
        }
        self.skipped.push(SkippedLink {
            path: path.to_path_buf(),
            target: real.to_path_buf(),
        });
        false
    }
}

/// A folder to list, with its real path when known: the real path of a
/// folder that is not a link is its parent's joined with its name, which
/// saves resolving every folder of a big tree component by component.
/// Real paths are what links are checked against, so that none leads into
/// a folder twice.
struct Folder {
    path: PathBuf,
    real: Option<PathBuf>,
}

/// What one folder holds.
#[derive(Default)]
struct Listing {
    files: Vec<PathBuf>,
    folders: Vec<Folder>,
    /// Entries whose kind the listing does not tell (links, pipes, file
    /// systems that do not say): looked at once the tree is walked.
    links: Vec<PathBuf>,
    unreadable: Vec<(PathBuf, std::io::Error)>,
}

impl Folder {
    fn list(&self) -> Listing {
        match std::fs::read_dir(&self.path) {
            Ok(entries) => self.list_entries(entries),
            Err(e) => Listing {
                unreadable: vec![(self.path.clone(), e)],
                ..Listing::default()
            },
        }
    }

    /// The listing of this folder, from its opened entries.
    fn list_entries(&self, entries: std::fs::ReadDir) -> Listing {
        let mut listing = Listing::default();
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    listing.unreadable.push((self.path.clone(), e));
                    continue;
                }
            };
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            // The listing says what an entry is without a system call per
            // entry (a folder of 100,000 files is 100,000 fewer `stat`s).
            match entry.file_type() {
                Ok(t) if t.is_file() => {
                    let path = entry.path();
                    if is_org_file(&path) {
                        listing.files.push(path);
                    }
                }
                Ok(t) if t.is_dir() => {
                    // Folders that are not links cannot loop: one whose
                    // real path is unknown (the top folder's could not be
                    // resolved) is still read.
                    let real = self.real.as_ref().map(|parent| parent.join(&name));
                    listing.folders.push(Folder {
                        path: entry.path(),
                        real,
                    });
                }
                _ => listing.links.push(entry.path()),
            }
        }
        listing
    }
}

/// Takes out of `files` the second and later names of one file: `suspects`
/// are the names among them that may lead to a file listed under another
/// name (links, files given as such). Only the files named like where a
/// suspect leads are resolved, so a folder of 100,000 files with one link
/// in it costs a handful of system calls, not 100,000. Of the names of one
/// file, the one that is not a link is kept (the file under its own path,
/// as a folder is read under its own path), else the first in `files`.
pub(crate) fn read_once(files: &mut Vec<PathBuf>, suspects: &[PathBuf]) {
    if suspects.is_empty() || files.len() < 2 {
        return;
    }
    let mut names: HashSet<std::ffi::OsString> = HashSet::new();
    for suspect in suspects {
        if let Some(name) = suspect.file_name() {
            names.insert(name.to_owned());
        }
        if let Some(name) = suspect
            .canonicalize()
            .ok()
            .and_then(|r| r.file_name().map(ToOwned::to_owned))
        {
            names.insert(name);
        }
    }
    // Each file that may have another name, with its real path.
    let mut by_real: std::collections::HashMap<PathBuf, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, file) in files.iter().enumerate() {
        if file.file_name().is_some_and(|n| names.contains(n))
            && let Ok(real) = file.canonicalize()
        {
            by_real.entry(real).or_default().push(i);
        }
    }
    let mut dropped = vec![false; files.len()];
    for same in by_real.values().filter(|same| same.len() > 1) {
        let is_link = |i: &usize| {
            files
                .get(*i)
                .and_then(|f| std::fs::symlink_metadata(f).ok())
                .is_none_or(|m| m.file_type().is_symlink())
        };
        let kept = same
            .iter()
            .find(|i| !is_link(i))
            .or_else(|| same.first())
            .copied();
        for &i in same {
            if Some(i) != kept
                && let Some(d) = dropped.get_mut(i)
            {
                *d = true;
            }
        }
    }
    let mut index = 0;
    files.retain(|_| {
        let keep = !dropped.get(index).copied().unwrap_or(false);
        index += 1;
        keep
    });
}

/// Whether a file is read as part of the model: an org file by its
/// extension, and not the configuration file.
pub(super) fn is_org_file(path: &Path) -> bool {
    Format::from_path(path).is_some() && path.file_name() != Some("opmodel.toml".as_ref())
}

/// Sorts paths in [`Path`]'s own order, comparing each pair with one
/// `memcmp`: `Path` compares component by component, which for a folder of
/// 100,000 files took a quarter of a second. Paths the byte key cannot
/// order as `Path` does (a Windows prefix such as `C:`, which `Path`
/// compares by its parsed kind, or a NUL byte) are sorted the slow way.
pub(crate) fn sort_paths(paths: &mut [PathBuf]) {
    if paths.iter().all(|path| has_order_key(path)) {
        paths.sort_by_cached_key(|path| order_key(path));
    } else {
        paths.sort();
    }
}

/// Sorts `items` by the path `path_of` gives each, in [`Path`]'s own order,
/// as [`sort_paths`] does: the order files are read in, which is also the
/// order findings are listed in.
pub(crate) fn sort_by_path<'p, T>(items: &mut [T], path_of: impl Fn(&T) -> &'p Path) {
    if items.iter().all(|item| has_order_key(path_of(item))) {
        items.sort_by_cached_key(|item| order_key(path_of(item)));
    } else {
        items.sort_by(|a, b| path_of(a).cmp(path_of(b)));
    }
}

/// Whether [`order_key`] orders `path` as `Path` does.
fn has_order_key(path: &Path) -> bool {
    use std::path::Component;
    path.components().all(|component| match component {
        Component::Prefix(_) => false,
        Component::Normal(name) => !name.as_encoded_bytes().contains(&0),
        Component::RootDir | Component::CurDir | Component::ParentDir => true,
    })
}

/// Bytes that compare as `path` does when [`has_order_key`] holds: each
/// component is a tag in the order of [`Component`](std::path::Component)'s
/// variants, then its text, then a zero byte, which no component then
/// holds, so a component sorts before any longer one it begins and a path
/// before the paths below it.
fn order_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for component in path.components() {
        let (tag, text) = match component {
            Component::Prefix(p) => (1, p.as_os_str()),
            Component::RootDir => (2, std::ffi::OsStr::new("")),
            Component::CurDir => (3, std::ffi::OsStr::new("")),
            Component::ParentDir => (4, std::ffi::OsStr::new("")),
            Component::Normal(name) => (5, name),
        };
        key.push(tag);
        key.extend_from_slice(text.as_encoded_bytes());
        key.push(0);
    }
    key
}

fn unreadable(
    path: &Path,
    error: &std::io::Error,
    diagnostics: &mut Vec<Diagnostic>,
    sources: &mut Sources,
) {
    let file = sources.add(path, "");
    let d = Diagnostic::new(
        INVALID_FILE,
        EntityRef::new(EntityKind::File, sources.display(file)),
        format!("cannot be read: {error}"),
    )
    .with_help(format!(
        "check the permissions, or remove it from the inputs{}",
        super::OTHER_FILES
    ))
    .at(Some(crate::source::Location::point(file, 0, 0)));
    diagnostics.push(d);
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::sort_paths;

    #[test]
    fn sorts_paths_as_path_compares_them() {
        let written = [
            "org/teams/b.yaml",
            "org/teams-x/a.yaml",
            "org/teams/a/b.yaml",
            "org/teams/a.yaml",
            "org/teams.yaml",
            "org//teams/./c.yaml",
            "/org/a.yaml",
            "./org/a.yaml",
            "../org/a.yaml",
            "org/teams/\u{1}.yaml",
            "org/Teams/a.yaml",
            "org/tëams/a.yaml",
            "org/teams/a",
            "org",
            "",
        ];
        let mut by_path: Vec<PathBuf> = written.iter().map(PathBuf::from).collect();
        let mut by_key = by_path.clone();
        by_key.reverse();
        by_path.sort();
        sort_paths(&mut by_key);
        assert_eq!(by_key, by_path);
    }

    #[test]
    fn paths_the_key_cannot_order_are_sorted_as_paths() {
        // A NUL byte sorts below the key's separator: `Path` order wins.
        let mut paths = vec![PathBuf::from("a/x"), PathBuf::from("a\0\u{1}")];
        let mut expected = paths.clone();
        expected.sort();
        sort_paths(&mut paths);
        assert_eq!(paths, expected);
    }
}
