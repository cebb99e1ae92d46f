//! Reading the old version of an org from a git revision, through the `git`
//! command: `opmodel diff --git REV PATH…` compares the paths as they are
//! with the same paths at `REV`.
//!
//! Each path is read as [`load_paths`](crate::load::load_paths) reads it: a
//! folder gives every `.yaml`, `.yml`, `.toml` and `.json` file below it
//! (but `opmodel.toml` and hidden files and folders), a file is read as it
//! is. The files are read into memory (`git ls-tree`, `git cat-file`),
//! never checked out, and show under the path they have in the working
//! tree, so that findings of both versions name the same files.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::load::{LoadOptions, Loaded, load_files};

/// Why a revision could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GitError {
    /// The `git` command could not be run.
    #[error("cannot run `git`: {source} (is git installed and on the PATH?)")]
    NoGit {
        /// What running it failed with.
        source: std::io::Error,
    },
    /// A path is not inside a git working tree.
    #[error("`{}` is not in a git repository: {message}", path.display())]
    NotARepository {
        /// The folder git was run in.
        path: PathBuf,
        /// What git said.
        message: String,
    },
    /// The revision names no commit or tree.
    #[error("`{rev}` is not a revision of the repository at `{}`: {message}", path.display())]
    BadRevision {
        /// The revision as given.
        rev: String,
        /// The folder git was run in.
        path: PathBuf,
        /// What git said.
        message: String,
    },
    /// A file of the revision is larger than the load limits allow.
    #[error(
        "`{}` is {size} bytes at the revision, more than the limit of {limit} bytes; raise it with `--max-file-size` or `--max-total-size`",
        path.display()
    )]
    TooBig {
        /// The file.
        path: PathBuf,
        /// Its size (or the total size so far).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Git failed in another way.
    #[error("`git {command}` failed: {message}")]
    Failed {
        /// The git subcommand.
        command: String,
        /// What git said.
        message: String,
    },
}

/// The old version read from a revision.
#[derive(Debug, Default)]
pub struct Revision {
    /// The model and the problems found reading it.
    pub loaded: Loaded,
    /// The paths given that the revision does not have (read as empty:
    /// everything in them is new).
    pub missing: Vec<PathBuf>,
}

/// Reads `paths` as they are at the git revision `rev` (a commit, branch,
/// tag or tree: anything `git rev-parse` takes), under the limits of
/// `options`. The repository is the one each path is in.
///
/// # Errors
///
/// [`GitError`] when git cannot be run, a path is not in a repository,
/// the revision does not exist, a file is past the size limits, or git
/// fails otherwise. A path the revision does not have is not an error: it
/// is listed in [`Revision::missing`].
pub fn load_revision<P: AsRef<Path>>(
    rev: &str,
    paths: &[P],
    options: &LoadOptions,
) -> Result<Revision, GitError> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut missing = Vec::new();
    let mut total: u64 = 0;
    for path in paths {
        let path = path.as_ref();
        let (anchor, spec, base) = anchor_of(path);
        let tree = resolve(&anchor, rev)?;
        let listed = list(&anchor, &tree, &spec)?;
        // A file given is read whatever its name; below a folder only
        // what the loader would read there.
        let wanted: Vec<(PathBuf, String, u64)> = listed
            .into_iter()
            .filter(|(name, _, _)| *name == spec || is_model_file(name))
            .map(|(name, oid, size)| (base.join(name), oid, size))
            .collect();
        if wanted.is_empty() {
            missing.push(path.to_path_buf());
            continue;
        }
        for (shown, _, size) in &wanted {
            if *size > options.max_file_size {
                return Err(GitError::TooBig {
                    path: shown.clone(),
                    size: *size,
                    limit: options.max_file_size,
                });
            }
            total = total.saturating_add(*size);
            if total > options.max_total_size {
                return Err(GitError::TooBig {
                    path: shown.clone(),
                    size: total,
                    limit: options.max_total_size,
                });
            }
        }
        let oids: Vec<&str> = wanted.iter().map(|(_, oid, _)| oid.as_str()).collect();
        let blobs = read_blobs(&anchor, &oids)?;
        files.extend(wanted.into_iter().map(|(shown, _, _)| shown).zip(blobs));
    }
    Ok(Revision {
        loaded: load_files(files, options),
        missing,
    })
}

/// Where git runs for `path`, the pathspec it lists there, and the path
/// the names it lists are relative to: an existing folder is listed from
/// inside (`.`), anything else from its parent folder.
fn anchor_of(path: &Path) -> (PathBuf, String, PathBuf) {
    if path.is_dir() {
        return (path.to_path_buf(), ".".to_owned(), path.to_path_buf());
    }
    let parent = path.parent().unwrap_or_else(|| Path::new(""));
    let anchor = if parent.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        parent.to_path_buf()
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| ".".to_owned());
    (anchor, name, parent.to_path_buf())
}

/// Whether a file listed below a folder is an org file the loader would
/// read: an org extension, not `opmodel.toml`, no hidden part.
fn is_model_file(name: &str) -> bool {
    let path = Path::new(name);
    let hidden = path.components().any(|c| match c {
        std::path::Component::Normal(part) => part.to_string_lossy().starts_with('.'),
        _ => false,
    });
    !hidden
        && crate::load::Format::from_path(path).is_some()
        && path
            .file_name()
            .is_none_or(|n| n != crate::Config::FILE_NAME)
}

fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(dir);
    // Messages are matched by nobody; keep them in the user's language but
    // never ask for credentials or open a pager.
    c.env("GIT_TERMINAL_PROMPT", "0").env("GIT_PAGER", "cat");
    c
}

/// Runs a git command to its end and returns its standard output.
fn run(mut command: Command, what: &str) -> Result<Result<Vec<u8>, String>, GitError> {
    let out = command
        .stdin(Stdio::null())
        .output()
        .map_err(|source| GitError::NoGit { source })?;
    if out.status.success() {
        Ok(Ok(out.stdout))
    } else {
        let message = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        let message = if message.is_empty() {
            format!("git {what} exited with {}", out.status)
        } else {
            message
        };
        Ok(Err(message))
    }
}

/// The tree `rev` names, checked in the repository of `dir`.
fn resolve(dir: &Path, rev: &str) -> Result<String, GitError> {
    if !dir.is_dir() {
        return Err(GitError::NotARepository {
            path: dir.to_path_buf(),
            message: "no such folder".to_owned(),
        });
    }
    let mut c = git(dir);
    c.args(["rev-parse", "--git-dir"]);
    if let Err(message) = run(c, "rev-parse")? {
        return Err(GitError::NotARepository {
            path: dir.to_path_buf(),
            message,
        });
    }
    let bad = |message: String| GitError::BadRevision {
        rev: rev.to_owned(),
        path: dir.to_path_buf(),
        message,
    };
    // A revision that starts with `-` would be read as an option.
    if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
        return Err(bad("not a revision name".to_owned()));
    }
    let mut c = git(dir);
    c.args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{rev}^{{tree}}"));
    match run(c, "rev-parse")? {
        Ok(out) => {
            let tree = String::from_utf8_lossy(&out).trim().to_owned();
            if tree.is_empty() || !tree.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(bad(format!("git answered `{tree}`")));
            }
            Ok(tree)
        }
        Err(_) => Err(bad(
            "no such commit, branch, tag or tree (see `git log` for the revisions there are)"
                .to_owned(),
        )),
    }
}

/// The regular files of `tree` below `spec` (relative to `dir`): path
/// relative to `dir`, blob id and size, in git's order.
fn list(dir: &Path, tree: &str, spec: &str) -> Result<Vec<(String, String, u64)>, GitError> {
    let mut c = git(dir);
    c.args(["ls-tree", "-r", "-l", "-z", tree, "--", spec]);
    let out = run(c, "ls-tree")?.map_err(|message| GitError::Failed {
        command: "ls-tree".to_owned(),
        message,
    })?;
    let mut files = Vec::new();
    for entry in out.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // `<mode> <type> <oid> <size>\t<path>`
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(oid), Some(size)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        // Links and submodules are not files of the org.
        if kind != "blob" || mode == "120000" {
            continue;
        }
        let Ok(size) = size.parse::<u64>() else {
            continue;
        };
        files.push((name.to_owned(), oid.to_owned(), size));
    }
    Ok(files)
}

/// The contents of the blobs `oids`, in order, through one
/// `git cat-file --batch`.
fn read_blobs(dir: &Path, oids: &[&str]) -> Result<Vec<Vec<u8>>, GitError> {
    let failed = |message: String| GitError::Failed {
        command: "cat-file".to_owned(),
        message,
    };
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| GitError::NoGit { source })?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(failed("no pipe to git".to_owned()));
    };
    let mut stdout = BufReader::new(stdout);
    let mut blobs = Vec::with_capacity(oids.len());
    let mut result = Ok(());
    // One blob at a time: git answers each line before it reads the next,
    // so neither side waits on a full pipe.
    for oid in oids {
        if let Err(e) = writeln!(stdin, "{oid}").and_then(|()| stdin.flush()) {
            result = Err(failed(e.to_string()));
            break;
        }
        match read_one(&mut stdout) {
            Ok(bytes) => blobs.push(bytes),
            Err(message) => {
                result = Err(failed(message));
                break;
            }
        }
    }
    drop(stdin);
    let _ = child.wait();
    result.map(|()| blobs)
}

/// One answer of `git cat-file --batch`: `<oid> blob <size>\n<bytes>\n`.
fn read_one(out: &mut impl BufRead) -> Result<Vec<u8>, String> {
    let mut header = String::new();
    out.read_line(&mut header).map_err(|e| e.to_string())?;
    let header = header.trim_end();
    let size = match header.split(' ').collect::<Vec<_>>().as_slice() {
        [_, "blob", size] => size
            .parse::<u64>()
            .map_err(|_| format!("unexpected answer `{header}`"))?,
        _ => return Err(format!("unexpected answer `{header}`")),
    };
    let mut bytes = Vec::new();
    out.take(size)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 != size {
        return Err("the answer ended early".to_owned());
    }
    let mut newline = [0u8; 1];
    out.read_exact(&mut newline).map_err(|e| e.to_string())?;
    Ok(bytes)
}
