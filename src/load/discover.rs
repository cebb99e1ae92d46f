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
/// followed once; a link back into a folder already visited is skipped.
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
    let mut out = Vec::new();
    let mut visited = HashSet::new();
    let entries = std::fs::read_dir(dir).map_err(|e| LoadError::input(dir, e))?;
    if let Ok(real) = dir.canonicalize() {
        visited.insert(real);
    }
    let mut stack: Vec<(PathBuf, std::fs::ReadDir)> = vec![(dir.to_path_buf(), entries)];
    while let Some((folder, entries)) = stack.pop() {
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    unreadable(&folder, &e, diagnostics, sources);
                    continue;
                }
            };
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            // The listing says what an entry is without a system call per
            // entry (a folder of 100,000 files is 100,000 fewer `stat`s);
            // only links, and file systems that do not say, need one.
            let is_dir = match entry.file_type() {
                Ok(t) if t.is_file() => false,
                Ok(t) if t.is_dir() => true,
                _ => {
                    // metadata() follows symlinks; a dangling link is reported like any unreadable file.
                    match std::fs::metadata(&path) {
                        Ok(m) => m.is_dir(),
                        Err(e) => {
                            if Format::from_path(&path).is_some() {
                                unreadable(&path, &e, diagnostics, sources);
                            }
                            continue;
                        }
                    }
                }
            };
            if is_dir {
                let Ok(real) = path.canonicalize() else {
                    continue;
                };
                if !visited.insert(real) {
                    continue;
                }
                match std::fs::read_dir(&path) {
                    Ok(sub) => stack.push((path, sub)),
                    Err(e) => unreadable(&path, &e, diagnostics, sources),
                }
            } else if Format::from_path(&path).is_some() && name != "opmodel.toml" {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
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
    .with_help(
        "check the permissions, or remove it from the inputs; the other files were still checked",
    )
    .at(Some(crate::source::Location {
        file,
        line: 0,
        column: 0,
    }));
    diagnostics.push(d);
}
